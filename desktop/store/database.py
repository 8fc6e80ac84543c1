"""The SQLCipher engine: raw-key opening, pragmas and error translation."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.pool import QueuePool

from desktop.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DataDirNotWritable,
    DiskFull,
    KnownError,
    OfficeClosed,
    SqlCipherMissing,
)

log = logging.getLogger("desktop.store")

_NOTADB = 26
_CORRUPT = 11
_FULL = 13
_BUSY = 5
_LOCKED = 6
_READONLY = 8
_CANTOPEN = 14
_IOERR = 10


def check_sqlcipher() -> str:
    """The SQLCipher version; refuse a driver that would store plaintext."""
    probe = sqlcipher3.connect(":memory:")
    try:
        row = probe.execute("PRAGMA cipher_version").fetchone()
    finally:
        probe.close()
    if not row or not row[0]:
        raise SqlCipherMissing(
            "This installation's database driver has no SQLCipher encryption; "
            "Departure Desk will not store data unencrypted. Reinstall the application."
        )
    return str(row[0])


def _connect_factory(path: Path, key: bytearray) -> Callable[[], Any]:
    def connect() -> Any:
        if not any(key):
            # the key was wiped when the office was locked: a stale caller, not a damaged file
            raise OfficeClosed("The office is locked. Unlock it again to continue.")
        conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            # raw 256-bit key: no KDF, the key never exists as a password
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA secure_delete = ON")
        except Exception:
            conn.close()
            raise
        return conn

    return connect


def create_office_engine(path: Path, key: bytearray) -> Engine:
    """An engine over the encrypted office database (created if missing)."""
    engine = create_engine(
        "sqlite://",
        hide_parameters=True,  # error texts must never carry row values (names)
        creator=_connect_factory(path, key),
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    # sqlite3-style drivers do not BEGIN before DDL; do it ourselves so that
    # migrations and imports are all-or-nothing (SQLAlchemy's pysqlite recipe).
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # writers take the write lock up front (IMMEDIATE): a deferred transaction that
        # reads first and writes later can fail with SQLITE_BUSY_SNAPSHOT in WAL mode
        mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def known_db_error(error: BaseException, path: Path) -> KnownError | None:
    """Map a driver error to a known error; None means it is a bug."""
    orig = error.orig if isinstance(error, exc.DBAPIError) else error
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_NOTADB, _CORRUPT):
        return CorruptDatabase(
            f"The office database {path} is damaged or was not created with this keyring. "
            "Do not delete anything and call IT: copies made before each upgrade are in "
            f"{path.parent / 'backups'}."
        )
    if primary == _FULL:
        return DiskFull(f"The disk holding {path.parent} is full. Free some space and try again.")
    if primary in (_BUSY, _LOCKED):
        return DatabaseLocked(
            "The office database is busy in another program. Close it and try again."
        )
    if primary in (_READONLY, _CANTOPEN):
        return DataDirNotWritable(
            f"The office database {path} cannot be opened for writing: "
            "the folder is read-only or you lack permission."
        )
    if primary == _IOERR:
        return DiskFull(
            f"Reading or writing {path} failed at the disk. Check the drive and free space."
        )
    return None


@contextlib.contextmanager
def translating_errors(path: Path) -> Iterator[None]:
    """Turn environmental driver errors inside the block into known errors."""
    try:
        yield
    except (exc.DBAPIError, sqlcipher3.Error) as error:
        known = known_db_error(error, path)
        if known is None:
            raise
        log.warning("database error %s", type(known).__name__)
        raise known from error
