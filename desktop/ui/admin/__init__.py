"""Office administration: users, audit log, settings."""
