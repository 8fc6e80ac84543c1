"""Registration lists and duplicate review."""
