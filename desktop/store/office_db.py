"""An open office database: engine, units of work and the data key."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from desktop.store import migrate
from desktop.store.database import create_office_engine, translating_errors
from desktop.store.keyring import zero
from desktop.store.paths import OfficePaths
from desktop.store.tracking import SessionFactory

log = logging.getLogger("desktop.store")


@dataclass
class OfficeDatabase:
    paths: OfficePaths
    engine: Engine
    sessions: SessionFactory
    key: bytearray
    backup_taken: str | None = None

    def close(self) -> None:
        """Close every connection and wipe the key buffer."""
        self.engine.dispose()
        zero(self.key)


def open_database(paths: OfficePaths, key: bytearray, target: str = "head") -> OfficeDatabase:
    """Open (creating if needed) and migrate the office database with ``key``.

    ``key`` is owned by the returned object from now on and wiped on close.
    """
    db_path: Path = paths.database
    engine = create_office_engine(db_path, key)
    try:
        with translating_errors(db_path):
            with engine.connect() as conn:
                conn.execute(text("SELECT 1")).fetchone()
            backup_taken = migrate.upgrade(engine, db_path, paths.backups, key, target)
            if backup_taken and paths.keyring.exists():
                # the database copy is useless without the keyring that opens it
                shutil.copy2(paths.keyring, Path(backup_taken).with_suffix(".keyring.json"))
    except BaseException:
        engine.dispose()
        raise
    maker = sessionmaker(engine, expire_on_commit=False)
    return OfficeDatabase(paths, engine, SessionFactory(maker), key, backup_taken)
