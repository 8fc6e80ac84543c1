"""What the unlock window needs before the database is opened.

Kept free of SQLAlchemy so that the first window appears fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.keyring import Keyring
from desktop.store.paths import OfficePaths

if TYPE_CHECKING:
    from desktop.store.lock import DataDirLock


@dataclass(frozen=True)
class OfficeStatus:
    data_dir: Path
    exists: bool
    code: str = ""
    name: str = ""
    demo: bool = False


def office_status(data_dir: Path) -> OfficeStatus:
    """Whether ``data_dir`` holds an office, and its name; KeyringDamaged if unreadable."""
    paths = OfficePaths(data_dir)
    if not paths.has_office():
        return OfficeStatus(data_dir, exists=False)
    keyring = Keyring.load(paths.keyring)
    return OfficeStatus(data_dir, True, keyring.office_code, keyring.office_name, keyring.demo)


def hold_data_dir(data_dir: Path) -> DataDirLock:
    """Take the single-writer lock on ``data_dir`` (DataDirInUse names the holder)."""
    from desktop.store.files import ensure_private_dir
    from desktop.store.lock import DataDirLock

    ensure_private_dir(data_dir, "the data directory")
    lock = DataDirLock(OfficePaths(data_dir))
    lock.acquire()
    return lock
