"""The clause library: sources -> loading and cheap checks -> lint (cached) -> Library.

``load_library()`` is the entry point; the modules are sources, loader, checks, lint, cache,
model and schema.
"""

from aanbesteding.library.loader import Library, LoadedClause, load_library, load_library_with_problems

__all__ = ["Library", "LoadedClause", "load_library", "load_library_with_problems"]
