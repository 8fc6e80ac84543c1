"""Alembic migrations shipped in the package: empty -> head, 0001 -> head, newer refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from desktop.errors import NewerSchema
from desktop.services.office import auth
from desktop.store import migrate
from desktop.store.keyring import new_data_key
from desktop.store.models import TRACKED_TABLES, Base
from desktop.store.office_db import OfficeDatabase, open_database
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD

FIRST = "0001"


@pytest.fixture
def paths(data_dir: Path) -> OfficePaths:
    data_dir.mkdir()
    return OfficePaths(data_dir)


def _revision(db: OfficeDatabase) -> str | None:
    with db.engine.connect() as conn:
        return migrate.current_revision(conn)


def _tables(db: OfficeDatabase) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_the_first_revision_exists_and_head_is_later() -> None:
    script = ScriptDirectory.from_config(migrate._config())
    assert script.get_revision(FIRST) is not None
    head = migrate.head_revision()
    assert head != FIRST
    # one linear history from FIRST to head
    chain = [rev.revision for rev in script.walk_revisions(base="base", head="heads")]
    assert chain[-1] == FIRST
    assert chain[0] == head
    assert len(script.get_heads()) == 1


def test_empty_to_head(paths: OfficePaths) -> None:
    db = open_database(paths, new_data_key())
    try:
        assert _revision(db) == migrate.head_revision()
        assert set(Base.metadata.tables) <= _tables(db)
        assert db.backup_taken is None  # nothing to back up in a new database
        with db.engine.connect() as conn:
            seq = conn.execute(text("SELECT value FROM counters WHERE name='change_seq'"))
            assert seq.scalar_one() == 0
    finally:
        db.close()
    assert not paths.backups.exists() or not any(paths.backups.iterdir())


def test_reopening_at_head_changes_nothing(paths: OfficePaths) -> None:
    key = new_data_key()
    open_database(paths, bytearray(key)).close()
    db = open_database(paths, bytearray(key))
    try:
        assert db.backup_taken is None
        assert _revision(db) == migrate.head_revision()
    finally:
        db.close()


def test_first_revision_to_head_with_backup(paths: OfficePaths) -> None:
    key = new_data_key()
    db = open_database(paths, bytearray(key), target=FIRST)
    try:
        assert _revision(db) == FIRST
        tables = _tables(db)
        assert "users" in tables
        assert "persons" not in tables
        with db.sessions.unit_of_work("admin") as session:
            session.execute(
                text(
                    "INSERT INTO users (id, created_at, created_by, updated_at, updated_by, "
                    "change_seq, username, display_name, roles, disabled) VALUES "
                    "('u1', '2026-01-01 00:00:00', 'admin', '2026-01-01 00:00:00', 'admin', 1, "
                    "'old.user', 'Old user', 'admin', 0)"
                )
            )
    finally:
        db.close()

    db = open_database(paths, bytearray(key))
    try:
        assert _revision(db) == migrate.head_revision()
        assert set(Base.metadata.tables) <= _tables(db)
        # existing rows survive the migration
        with db.engine.connect() as conn:
            name = conn.execute(text("SELECT username FROM users WHERE id='u1'")).scalar_one()
            assert name == "old.user"
        assert db.backup_taken is not None
        backup = Path(db.backup_taken)
    finally:
        db.close()

    assert backup.parent == paths.backups
    assert backup.exists()
    assert sorted(paths.backups.iterdir()) == [backup]
    assert not backup.read_bytes().startswith(b"SQLite format 3")

    # the backup is the database as it was before, encrypted with the same key
    conn = sqlcipher3.connect(str(backup))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == FIRST
        assert conn.execute("SELECT username FROM users").fetchall() == [("old.user",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()

    # and it does not open without the key
    conn = sqlcipher3.connect(str(backup))
    try:
        conn.execute(f"PRAGMA key = \"x'{new_data_key().hex()}'\"")
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _stamp(paths: OfficePaths, key: bytearray, revision: str) -> None:
    db = open_database(paths, bytearray(key))
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    finally:
        db.close()


def test_newer_schema_is_refused(paths: OfficePaths) -> None:
    key = new_data_key()
    _stamp(paths, key, "ffff")
    with pytest.raises(NewerSchema) as info:
        open_database(paths, bytearray(key))
    assert "newer version" in str(info.value)
    assert "ffff" in str(info.value)
    # refusing takes no backup and leaves the stamp alone
    assert not paths.backups.exists() or not any(paths.backups.iterdir())
    conn = sqlcipher3.connect(str(paths.database))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "ffff"
    finally:
        conn.close()


def test_newer_schema_through_unlock_and_cli(data_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    office = auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD)
    with office.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    office.close()
    with pytest.raises(NewerSchema):
        auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 1
    assert "newer version" in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert "Traceback" not in r.err


def test_models_agree_with_migrations(paths: OfficePaths) -> None:
    from desktop.store.migrations_support import include_object

    db = open_database(paths, new_data_key())
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "compare_server_default": True,
                    "include_object": include_object,
                },
            )
            diffs = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    assert diffs == []


def test_every_tracked_table_has_the_tracked_columns(paths: OfficePaths) -> None:
    db = open_database(paths, new_data_key())
    try:
        with db.engine.connect() as conn:
            inspector = inspect(conn)
            for table in TRACKED_TABLES:
                columns = {c["name"]: c for c in inspector.get_columns(table)}
                for name in ("id", "created_at", "created_by", "updated_at", "updated_by"):
                    assert not columns[name]["nullable"], (table, name)
                assert not columns["change_seq"]["nullable"]
                assert inspector.get_pk_constraint(table)["constrained_columns"] == ["id"]
                indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes(table)}
                assert ("change_seq",) in indexed, table
    finally:
        db.close()
