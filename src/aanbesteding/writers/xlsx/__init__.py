"""The Excel scoring grid (beoordelingsmatrix), one module per sheet plus shared cell helpers.

The entry point is :mod:`aanbesteding.writers.xlsx.grid`.
"""
