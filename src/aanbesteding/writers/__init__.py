"""Writers turn a composed :class:`~aanbesteding.annex.Annex` into files; one job per module."""
