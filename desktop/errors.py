"""Known, environmental errors: each carries a message a clerk can act on.

Anything that is not a KnownError is a bug and goes through the crash path.
The messages never contain personal data (names, document numbers, medical
text); they may name a user account, a file path or a count.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a message meant for the person at the keyboard."""

    #: CLI exit code: 1 operation failed, 3 authentication failed
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class AuthenticationError(KnownError):
    """Wrong user name or password (deliberately not saying which)."""

    exit_code = 3

    def __init__(self, message: str, wait_seconds: float = 0.0) -> None:
        super().__init__(message)
        #: how long the next attempt must wait (0: at once)
        self.wait_seconds = wait_seconds


class AccountLocked(AuthenticationError):
    """Too many failed attempts: an administrator must unlock the account."""


class AccountDisabled(AuthenticationError):
    """The account was disabled by an administrator."""


class ThrottledError(AuthenticationError):
    """Attempted again before the waiting time after failed attempts ran out."""


class PermissionDenied(KnownError):
    """The signed-in user lacks the permission an operation needs."""


class InvalidInput(KnownError):
    """A value entered or passed is not acceptable; the message says why."""


class WeakPassword(InvalidInput):
    """A new password fails the password policy."""


class DataDirInUse(KnownError):
    """Another running Departure Desk holds the data directory."""


class DataDirNotFound(KnownError):
    """The data directory holds no office yet."""


class DataDirNotWritable(KnownError):
    """The data directory cannot be written (read-only medium or permissions)."""


class OfficeExists(KnownError):
    """Initialising a directory that already holds an office."""


class DiskFull(KnownError):
    """The disk holding the data directory is full."""


class DatabaseLocked(KnownError):
    """SQLite reported the database as busy or locked."""


class CorruptDatabase(KnownError):
    """The database file is damaged, not a database, or not ours."""


class KeyringDamaged(KnownError):
    """The keyring file beside the database is missing, unreadable or altered."""


class NewerSchema(KnownError):
    """The database was written by a newer version of Departure Desk."""


class SqlCipherMissing(KnownError):
    """The sqlite3 module in use has no SQLCipher: refuse to store anything."""


class OfficeClosed(KnownError):
    """A service was used after the office was locked or closed."""
