"""Portfolio and renewal check: a register of systems and contracts, the dates that follow from
it, the conflicts in it, and what to ask the supplier before a decision date."""
