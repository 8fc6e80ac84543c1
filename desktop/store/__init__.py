"""Encrypted storage: SQLCipher engine, key wrapping, typed models, migrations."""
