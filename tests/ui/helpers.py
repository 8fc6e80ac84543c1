"""Helpers for GUI tests that each work on a copy of a module-wide template office."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.services.journey.transitions import JourneyService
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.registration import RegistrationService
from desktop.ui.appointments.case_schedule import CaseSchedule
from desktop.ui.context import UiContext, build_context
from desktop.ui.kit import operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.medical.fitness import CaseFitness
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.case_windows import CaseWindows
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
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    opened.close()


# -- household windows as app.py builds them ------------------------------------------------------

_made: list[CaseWindows] = []
_kept: list[ChangeNotices] = []


def case_windows(
    office: UnlockedOffice,
    *,
    can_write: bool = True,
    schedule: CaseSchedule | None = None,
    fitness: CaseFitness | None = None,
) -> CaseWindows:
    """Household windows over ``office`` that hear its change notices, like the app's (the
    schedule panel and fitness column only when given)."""
    notices = ChangeNotices(office.changes)
    registration = RegistrationService(office)
    journey = JourneyService(office)

    def build(case_id: str, parent: QWidget | None) -> CaseView:
        return CaseView(
            registration,
            case_id,
            parent,
            can_write=can_write,
            schedule=schedule,
            fitness=fitness,
            journey=journey,
            clock=office.clock,
        )

    windows = CaseWindows(build, notices, notices)
    _made.append(windows)
    _kept.append(notices)  # the windows live as long as their notices
    return windows


def open_case_view(office: UnlockedOffice, case_id: str, **options: Any) -> CaseView:
    """The window of ``case_id`` in a new set of household windows over ``office``."""
    return case_windows(office, **options).open(case_id)


def open_case_views() -> list[CaseView]:
    return [view for windows in _made if isValid(windows) for view in windows.views()]


def close_case_views() -> None:
    """Close every household window a test opened (and stop their notices)."""
    for windows in _made:
        if isValid(windows):
            windows.close_all()
    for notices in _kept:
        if isValid(notices):
            notices.close()
    _made.clear()
    _kept.clear()


def ui_context(office: UnlockedOffice) -> UiContext:
    """What app.py builds the main window from, over ``office``."""
    notices = ChangeNotices(office.changes)
    context = build_context(office, notices)
    _made.append(context.case_windows)
    _kept.append(notices)
    return context
