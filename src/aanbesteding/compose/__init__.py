"""Composition: library + tender -> the annex model, with parameters and policy applied."""
