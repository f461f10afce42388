"""aanbesteding: eisen voor digitale soevereiniteit in overheidsaanbestedingen.

The package is usable as a library: load a clause library with
:func:`aanbesteding.library.loader.load_library`, compose an annex with
:func:`aanbesteding.compose.composer.compose_annex` and write it with the writers in
:mod:`aanbesteding.writers`.
"""

__version__ = "0.1.0"
