"""The office itself: sessions, sign-in, accounts, roles, settings, audit, the clock."""
