"""Applying the shipped Alembic migrations at unlock."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import sqlcipher3
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from desktop.errors import NewerSchema
from desktop.store.files import ensure_private_dir

log = logging.getLogger("desktop.store.migrate")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("desktop.store").joinpath("migrations"))
    )
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine, db_path: Path, backups: Path, key: bytearray, target: str = "head"
) -> str | None:
    """Bring the schema to ``target``. Returns the path of the backup taken, if any.

    A database at an unknown revision was written by a newer version: refused.
    An existing database is backed up (SQLite backup API) before it changes.
    """
    script = ScriptDirectory.from_config(_config())
    with engine.connect() as conn:
        current = current_revision(conn)
    if current is not None and not _known_revision(script, current):
        raise NewerSchema(
            "This office database was written by a newer version of Departure Desk "
            f"(schema {current}). Install the newer version to open it."
        )
    want = script.get_current_head() if target == "head" else target
    if current == want:
        return None
    backup_path = None
    if current is not None:
        backup_path = backup(db_path, backups, key, f"before-{want}")
        log.info("backup before migrating %s -> %s", current, want)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    log.info("schema now at %s", want)
    return str(backup_path) if backup_path else None


def _known_revision(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:  # alembic raises for revisions it has never heard of
        return False


def backup(db_path: Path, backups: Path, key: bytearray, label: str) -> Path:
    """A consistent encrypted copy through the SQLite backup API."""
    ensure_private_dir(backups, "the backups folder")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"office-{stamp}-{label}.db"
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""
    src = sqlcipher3.connect(str(db_path))
    dst = sqlcipher3.connect(str(target))
    try:
        for conn in (src, dst):
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(pragma_key)
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
