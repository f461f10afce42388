"""Annex -> format-neutral blocks: the prose and tables of the bijlage, the award chapter and the
verantwoording, written once and rendered by the writers (Word, PDF) and read by the reports."""
