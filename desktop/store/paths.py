"""Where an office's files live inside its data directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OfficePaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "office.db"

    @property
    def keyring(self) -> Path:
        return self.root / "office.keyring.json"

    @property
    def lock(self) -> Path:
        return self.root / "office.lock"

    @property
    def lock_info(self) -> Path:
        return self.root / "office.lock.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def crashes(self) -> Path:
        return self.root / "crash"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def has_office(self) -> bool:
        return self.keyring.exists() or self.database.exists()
