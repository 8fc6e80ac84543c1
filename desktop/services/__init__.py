"""Use cases. Plain Python, no Qt: permission checks, audit and records live here."""
