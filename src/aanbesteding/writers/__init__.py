"""Writers turn a composed :class:`~aanbesteding.compose.annex.Annex` into files; one job per module."""
