"""Exports next to the Word annex: OCDS JSON and PDF (through LibreOffice)."""
