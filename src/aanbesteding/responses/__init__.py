"""Bidders' answers: the typed responses that a front end (the inschrijversformulier importer,
later a web form) produces and the beoordelingsmatrix pre-fills its input cells from.

:mod:`aanbesteding.responses.model` is the contract; it imports nothing but the standard library.
"""
