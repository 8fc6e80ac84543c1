"""Pre-departure orientation sessions."""
