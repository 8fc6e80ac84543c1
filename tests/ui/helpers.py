"""Helpers for GUI tests that each work on a copy of a module-wide template office."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.ui import worker
from desktop.ui.registry.case_view import close_case_views
from tests.conftest import USER_PASSWORD

WAIT_MS = 10_000


def unlock_copy(template_dir: Path, tmp_path: Path, username: str) -> UnlockedOffice:
    """The template office, copied into this test's directory on first use, unlocked as
    ``username`` (a test may unlock the same copy as several users)."""
    directory = tmp_path / "office"
    if not directory.exists():
        shutil.copytree(template_dir, directory)
    return auth.unlock(directory, username, USER_PASSWORD)


def office_as(qtbot, template_dir: Path, tmp_path: Path, username: str) -> Iterator[UnlockedOffice]:
    """The body of an ``office`` fixture: windows still open and background work must be
    gone before the office is locked under them."""
    opened = unlock_copy(template_dir, tmp_path, username)
    yield opened
    close_case_views()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=WAIT_MS)
    opened.close()
