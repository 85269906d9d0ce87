"""Writes. Keyword-only arguments, `full_clean()` before save, one transaction each."""
