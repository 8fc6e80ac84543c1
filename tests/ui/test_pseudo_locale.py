"""Every page and every dialog in the pseudo-locale: strings a third longer and accented,
on a 1366x768 laptop screen. Nothing may be cut short and nothing may need a bigger screen.

Dialogs are found by walking desktop/ui for QDialog subclasses and built with arguments
made from their parameters' names and types (a new dialog is checked without being listed;
one whose parameters cannot be made fails the test, saying which).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import desktop.ui
from desktop.services.demo.office import create_demo_office
from desktop.services.office import auth
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.ui.context import UiContext
from desktop.ui.kit import i18n, operations
from desktop.ui.kit.i18n import PseudoTranslator, tr
from desktop.ui.pages import pages_for
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import CHEAP_KDF, USER_PASSWORD
from tests.ui.clipping import clipped
from tests.ui.helpers import WAIT_MS, close_case_views, ui_context, unlock_copy

SCREEN = (1366, 768)
#: bases of other dialogs, built on their own only through their subclasses
BASES = {"ServiceDialog", "FormDialog", "CheckedFormDialog", "WhenForm"}


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("pseudo") / "office"
        create_demo_office(directory, USER_PASSWORD, 12, seed=3)
    finally:
        mp.undo()
    return directory


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    translator.deleteLater()


@pytest.fixture
def window(qtbot, pseudo, template_dir, tmp_path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    office = unlock_copy(template_dir, tmp_path, "admin")  # every role in the demo
    context = ui_context(office)
    main = MainWindow(context, pages_for(context))
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    yield main
    close_case_views()
    main.close_for_lock()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    office.close()


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    qtbot.wait(30)


def test_every_page_fits_a_laptop_screen_in_a_longer_language(qtbot, window) -> None:
    problems: list[str] = []
    for page in window.pages:
        window.show_page(page.key)
        _settle(qtbot)
        if (window.width(), window.height()) != SCREEN:
            problems.append(f"{page.key}: needs {window.width()}x{window.height()}")
        problems.extend(f"{page.key}: {where}" for where in clipped(window))
        assert i18n.PSEUDO_OPEN in tr(page.title)
    assert problems == [], "\n".join(problems)


# -- dialogs -------------------------------------------------------------------------------------


class Makings:
    """Arguments for dialogs, from a demo office: by type (services), then by name."""

    def __init__(self, context: UiContext, parent: QWidget, office: UnlockedOffice) -> None:
        s = context.services
        registry = s.registry
        booked = [c for c in registry.case_ids() if s.appointments.for_case(c)]
        case = next(
            detail
            for detail in (s.registration.case_detail(c) for c in booked)
            if len(detail.members) > 1 and any(m.documents for m in detail.members)
        )
        member = next(m for m in case.members if m.documents)
        appointment = s.appointments.for_case(case.id)[0]
        start = context.clock.today()
        session = s.orientation.list_sessions(
            start - timedelta(days=60), start + timedelta(days=60)
        )[0]
        medical = s.medical.history(member.id)
        intake = parent_dir(office) / "list.csv"
        intake.write_text(
            "case_ref,relationship,given_name,sex,date_of_birth\nA1,principal,Omid,M,1990\n",
            encoding="utf-8",
        )
        self.by_name: dict[str, Any] = {
            "parent": parent,
            "clock": context.clock,
            "notices": context.notices,
            "case_id": case.id,
            "case_number": case.case_number,
            "case": case,
            "person_id": member.id,
            "name": f"{member.given_name} {member.family_name}",
            "person_name": f"{member.given_name} {member.family_name}",
            "member_name": f"{member.given_name} {member.family_name}",
            "member": member,
            "document": member.documents[0],
            "members": [(m.id, m.given_name) for m in case.members],
            "appointment_id": appointment.id,
            "appointment": appointment,
            "session": session,
            "enrolments": s.orientation.session_detail(session.id).enrolments,
            "places": s.places.list(),
            "place": s.places.list()[0],
            "place_id": s.places.list()[0].id,
            "record": medical[0] if medical else None,
            "choices": s.journey.choices(case.id),
            "username": "registration",
            "roles": frozenset({Role.REGISTRATION}),
            "info": context.info,
            "demo_dir": parent_dir(office) / "demo",
            "path": intake,
            "pdf": s.printing.agenda_pdf(start, None),
            "suggested_name": "agenda.pdf",
            "load_cases": lambda: registry.cases(registry.case_ids()),
            "current": None,
            "day": start,
            "start": time(10),
            "minutes": 30,
            "detail": _pair(s, case),
            "what": tr("The medical examination of the household"),
            "ok_text": tr("Cancel the appointment"),
            "can_write": True,
            "editable": True,
        }
        self.by_type: dict[str, Any] = {
            "AppointmentService": s.appointments,
            "PlacesService": s.places,
            "RegistryService": registry,
            "ImportService": s.imports,
            "MedicalService": s.medical,
            "RegistrationService": s.registration,
            "MedicalPrinting | None": s.medical_printing,
        }

    def arguments(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        made: dict[str, Any] = {}
        missing: list[str] = []
        for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
            annotation = str(parameter.annotation)
            if annotation in self.by_type:
                made[parameter.name] = self.by_type[annotation]
            elif parameter.name in self.by_name:
                made[parameter.name] = self.by_name[parameter.name]
            elif annotation == "str":
                made[parameter.name] = tr("A text the caller gives, as long as a real one")
            elif parameter.default is inspect.Parameter.empty:
                missing.append(parameter.name)
        return made, missing


def parent_dir(office: UnlockedOffice) -> Path:
    return office.info.data_dir.parent


def _pair(services: Any, case: Any) -> Any:
    from desktop.ui.intake.comparison import PairDetail, side_of

    first, second = case.members[0], case.members[1]
    return PairDetail(side_of(case, first.id), side_of(case, second.id))


def _dialog_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        module = importlib.import_module(info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == info.name and name not in BASES:
                found[f"{info.name}.{name}"] = value
    return [found[k] for k in sorted(found)]


def _shown_size(dialog: QWidget) -> QSize:
    """The size Qt gives a new window on a 1366x768 screen: its size hint, at most two
    thirds of the screen, never below its minimum (the test screen is 800x800)."""
    largest = QSize(SCREEN[0] * 2 // 3, SCREEN[1] * 2 // 3)
    return dialog.sizeHint().boundedTo(largest).expandedTo(dialog.minimumSizeHint())


def test_every_dialog_fits_a_laptop_screen_in_a_longer_language(qtbot, window) -> None:
    office = window.context.services._office
    makings = Makings(window.context, window, office)
    problems: list[str] = []
    shown = 0
    for cls in _dialog_classes():
        arguments, missing = makings.arguments(cls)
        if missing:
            problems.append(f"{cls.__name__}: cannot make {missing} (teach Makings)")
            continue
        dialog = cls(**arguments)
        try:
            dialog.show()
            _settle(qtbot)
            dialog.resize(_shown_size(dialog))
            shown += 1
            size = dialog.size()
            if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
                problems.append(f"{cls.__name__}: needs {size.width()}x{size.height()}")
            problems.extend(f"{cls.__name__}: {where}" for where in clipped(dialog))
        finally:
            operations.abandon(dialog)
            dialog.reject()
            dialog.deleteLater()
    assert problems == [], "\n".join(problems)
    assert shown >= 25


def test_the_household_window_and_the_first_windows_fit_too(qtbot, window) -> None:
    from desktop.ui.shell.setup_window import SetupWindow
    from desktop.ui.shell.unlock_window import UnlockWindow

    context = window.context
    registry = context.services.registry
    case_id = max(
        registry.case_ids(), key=lambda c: len(context.services.registration.case_detail(c).members)
    )
    household = context.case_windows.open(case_id)
    info = context.info
    windows: list[QWidget] = [
        household,
        UnlockWindow(info.name, info.code, info.data_dir, info.demo),
        SetupWindow(info.data_dir.parent / "new office"),
    ]
    problems: list[str] = []
    for shown in windows:
        shown.show()
        _settle(qtbot)
        shown.resize(_shown_size(shown))
        _settle(qtbot)
        problems.extend(f"{type(shown).__name__}: {where}" for where in clipped(shown))
    for shown in windows[1:]:
        shown.close()
        shown.deleteLater()
    assert problems == [], "\n".join(problems)
