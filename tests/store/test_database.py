"""The SQLCipher engine: encryption, pragmas and translation of driver errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DataDirNotWritable,
    DiskFull,
    KnownError,
)
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.store.database import (
    check_sqlcipher,
    create_office_engine,
    known_db_error,
    translating_errors,
)
from desktop.store.keyring import new_data_key
from desktop.store.office_db import open_database
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD

SQLITE_HEADER = b"SQLite format 3\x00"


def _make_db(path: Path, key: bytearray) -> None:
    engine = create_office_engine(path, key)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x TEXT)"))
            conn.execute(text("INSERT INTO t VALUES ('hello')"))
    finally:
        engine.dispose()


def test_check_sqlcipher_reports_a_version() -> None:
    version = check_sqlcipher()
    assert version
    assert version[0].isdigit()
    assert int(version.split(".")[0]) >= 4


def test_roundtrip_with_the_right_key(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    key = new_data_key()
    _make_db(path, key)
    engine = create_office_engine(path, bytearray(key))
    try:
        with translating_errors(path), engine.connect() as conn:
            assert conn.execute(text("SELECT x FROM t")).scalar_one() == "hello"
    finally:
        engine.dispose()


def test_wrong_key_is_corrupt_database(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    _make_db(path, new_data_key())
    engine = create_office_engine(path, new_data_key())
    try:
        with (
            pytest.raises(CorruptDatabase) as info,
            translating_errors(path),
            engine.connect() as conn,
        ):
            conn.execute(text("SELECT x FROM t")).all()
    finally:
        engine.dispose()
    assert str(path) in str(info.value)
    assert "backup" in str(info.value)


def test_wrong_key_error_maps_through_known_db_error(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    _make_db(path, new_data_key())
    engine = create_office_engine(path, new_data_key())
    try:
        with pytest.raises(Exception) as info, engine.connect():
            pass
    finally:
        engine.dispose()
    known = known_db_error(info.value, path)
    assert isinstance(known, CorruptDatabase)


def test_known_db_error_leaves_bugs_alone(tmp_path: Path) -> None:
    """A plain SQL mistake is a bug, not an environmental error."""
    probe = sqlcipher3.connect(":memory:")
    try:
        with pytest.raises(sqlcipher3.Error) as info:
            probe.execute("SELECT * FROM no_such_table")
    finally:
        probe.close()
    assert known_db_error(info.value, tmp_path / "x.db") is None
    assert known_db_error(ValueError("x"), tmp_path / "x.db") is None
    with pytest.raises(sqlcipher3.Error), translating_errors(tmp_path / "x.db"):
        raise info.value


def test_wrong_key_through_open_database_is_corrupt_database(data_dir: Path) -> None:
    paths = OfficePaths(data_dir)
    data_dir.mkdir()
    db = open_database(paths, new_data_key())
    db.close()
    with pytest.raises(CorruptDatabase):
        open_database(paths, new_data_key())


@pytest.mark.parametrize(
    "content",
    [os.urandom(64 * 1024), b"hello, this is a text file\n" * 200, b"\x00" * 8192],
    ids=["random", "text", "zeros"],
)
def test_non_database_file_is_corrupt_database(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir()
    paths = OfficePaths(data_dir)
    paths.database.write_bytes(content)
    with pytest.raises(CorruptDatabase):
        open_database(paths, new_data_key())


def test_plain_sqlite_database_is_corrupt_database(data_dir: Path) -> None:
    """An unencrypted SQLite file in place of the office database is refused."""
    import sqlite3

    data_dir.mkdir()
    paths = OfficePaths(data_dir)
    plain = sqlite3.connect(paths.database)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(CorruptDatabase):
        open_database(paths, new_data_key())


def test_database_swapped_between_offices_is_refused(tmp_path: Path) -> None:
    """Office A's keyring with office B's database: a clear error, not a traceback."""
    a = auth.create_office(tmp_path / "a", "AAA", "Office A", "admin", ADMIN_PASSWORD)
    a.close()
    b = auth.create_office(tmp_path / "b", "BBB", "Office B", "admin", ADMIN_PASSWORD)
    b.close()
    (tmp_path / "a" / "office.db").write_bytes((tmp_path / "b" / "office.db").read_bytes())
    with pytest.raises(CorruptDatabase) as info:
        auth.unlock(tmp_path / "a", "admin", ADMIN_PASSWORD)
    assert isinstance(info.value, KnownError)


class _DriverError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__("driver says no")
        self.sqlite_errorcode = code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (26, CorruptDatabase),  # SQLITE_NOTADB
        (11, CorruptDatabase),  # SQLITE_CORRUPT
        (13, DiskFull),  # SQLITE_FULL
        (10 | (4 << 8), DiskFull),  # SQLITE_IOERR_SHORT_READ (extended code)
        (5, DatabaseLocked),  # SQLITE_BUSY
        (6, DatabaseLocked),  # SQLITE_LOCKED
        (8, DataDirNotWritable),  # SQLITE_READONLY
        (14, DataDirNotWritable),  # SQLITE_CANTOPEN
    ],
)
def test_known_db_error_maps_environmental_codes(
    tmp_path: Path, code: int, expected: type[KnownError]
) -> None:
    known = known_db_error(_DriverError(code), tmp_path / "office.db")
    assert type(known) is expected
    assert "driver says no" not in known.message


@pytest.mark.parametrize("code", [1, 19, 20, 25])  # ERROR, CONSTRAINT, MISMATCH, RANGE
def test_known_db_error_treats_other_codes_as_bugs(tmp_path: Path, code: int) -> None:
    assert known_db_error(_DriverError(code), tmp_path / "office.db") is None


def _pragma(office: UnlockedOffice, name: str) -> object:
    with office.reading() as session:
        return session.execute(text(f"PRAGMA {name}")).scalar()


def test_pragmas_in_effect(office: UnlockedOffice) -> None:
    assert str(_pragma(office, "journal_mode")).lower() == "wal"
    assert _pragma(office, "foreign_keys") == 1
    assert _pragma(office, "temp_store") == 2  # MEMORY
    assert _pragma(office, "secure_delete") == 1
    assert _pragma(office, "synchronous") == 2  # FULL
    assert _pragma(office, "cipher_version")
    assert str(_pragma(office, "cipher_log_level")).upper() == "NONE"


def test_pragmas_hold_on_every_pooled_connection(office: UnlockedOffice) -> None:
    engine = office.db.engine
    conns = [engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA temp_store")).scalar() == 2
            assert conn.execute(text("PRAGMA cipher_version")).scalar()
    finally:
        for conn in conns:
            conn.close()


def test_foreign_keys_are_enforced(office: UnlockedOffice) -> None:
    from sqlalchemy.exc import IntegrityError

    from desktop.store.models import Person

    with pytest.raises(IntegrityError), office.unit_of_work() as session:
        session.add(
            Person(
                case_id="no-such-case",
                relationship_to_principal="principal",
                given_name="X",
                sex="M",
            )
        )


def test_database_file_is_not_plain_sqlite(office: UnlockedOffice) -> None:
    with office.unit_of_work() as session:
        session.execute(text("SELECT count(*) FROM users")).scalar_one()
    header = office.db.paths.database.read_bytes()[:16]
    assert len(header) == 16
    assert header != SQLITE_HEADER
    assert not office.db.paths.database.read_bytes().startswith(b"SQLite format")


def test_a_plain_sqlite_driver_cannot_read_the_office(office: UnlockedOffice) -> None:
    import sqlite3

    path = office.db.paths.database
    office.close()
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


def test_close_wipes_the_key(office: UnlockedOffice) -> None:
    key = office.db.key
    assert any(key)
    office.close()
    assert len(key) == 32
    assert not any(key)
    assert office.closed


def test_writers_begin_immediate_and_readers_deferred(office) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    begins: list[str] = []

    def spy(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.startswith("BEGIN"):
            begins.append(statement)

    event.listen(office.db.engine, "before_cursor_execute", spy)
    with office.unit_of_work():
        pass
    with office.reading() as session:
        session.execute(text("SELECT 1"))
    event.remove(office.db.engine, "before_cursor_execute", spy)
    assert begins == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]
