"""Consent and protection details of a member, from the household window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from shiboken6 import isValid

from desktop.services.demo.office import create_demo_office
from desktop.services.office import auth
from desktop.services.office.clock import FrozenClock
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.ui.kit import operations
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.consent_protection import ConsentDialog, ProtectionDialog
from tests.conftest import CHEAP_KDF, USER_PASSWORD
from tests.ui.helpers import close_case_views, open_case_view

WAIT_MS = 10_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo office plus one household of our own (no specific needs yet)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("consent_protection") / "office"
        create_demo_office(directory, USER_PASSWORD, 3, seed=2, reference_date=date(2026, 3, 1))
        office = auth.unlock(directory, "registration", USER_PASSWORD)
        try:
            registration = RegistrationService(office)
            case_id = registration.create_case(CaseInput(destination_country="CAN"))
            registration.add_person(
                case_id,
                PersonInput(
                    relationship="principal",
                    given_name="Nangialai",
                    family_name="Tokhi",
                    sex="M",
                    date_of_birth=date(1988, 1, 1),
                    dob_precision="year",
                ),
            )
        finally:
            office.close()
    finally:
        mp.undo()
    return directory, case_id


@pytest.fixture(autouse=True)
def _closed_widgets_deleted(qapp) -> Iterator[None]:
    """Widgets a test closed are deleted when it ends, here on the GUI thread: one left for
    later (its operations refer back to it) could be collected, and deleted, from the
    thread of the next test's first operation."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def unlock(qtbot, template: tuple[Path, str], tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    opened: list[UnlockedOffice] = []

    def make(username: str) -> RegistrationService:
        directory = tmp_path / "office"
        if not directory.exists():
            shutil.copytree(template[0], directory)
        office = auth.unlock(directory, username, USER_PASSWORD)
        opened.append(office)
        return RegistrationService(office)

    yield make
    close_case_views()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    for office in opened:
        office.close()


def _open(qtbot, registration: RegistrationService, case_id: str) -> CaseView:
    view = open_case_view(registration._office, case_id)
    qtbot.waitUntil(lambda: not operations.is_busy(view) and view.case is not None, timeout=WAIT_MS)
    assert view.selected_member() is not None
    return view


def _dialog(view: CaseView, kind: type) -> QDialog:
    shown = [d for d in view.findChildren(kind) if isValid(d) and d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _loaded(qtbot, dialog: ConsentDialog | ProtectionDialog) -> None:
    qtbot.waitUntil(lambda: not operations.is_busy(dialog), timeout=WAIT_MS)


def _ok(dialog: QDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


def _save(qtbot, view: CaseView, dialog: QDialog) -> None:
    """OK: the dialog closes once saved, and the change notice reloads the window."""
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        _ok(dialog).click()
        qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not operations.is_busy(view) and not operations.busy(), timeout=WAIT_MS)


def _needs(view: CaseView) -> str:
    model = view.members_model
    return str(model.data(model.index(0, model.columnCount() - 1)))


def test_registration_records_a_consent_and_sees_it(qtbot, unlock, template):
    registration = unlock("registration")
    today = registration._office.clock.today()
    view = _open(qtbot, registration, template[1])
    assert view.protection_button is None  # registration may not see protection details
    assert view.consent_button.isEnabled()
    view.consent_button.click()
    dialog = _dialog(view, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    _loaded(qtbot, dialog)
    assert dialog.rows() == []
    assert dialog.new_box.isEnabled()
    assert dialog.given_on.date().toPython() == today
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("data_sharing_hq"))
    qtbot.keyClicks(dialog.note, "Explained in Dari")
    _save(qtbot, view, dialog)

    view.consent_button.click()
    again = _dialog(view, ConsentDialog)
    assert isinstance(again, ConsentDialog)
    _loaded(qtbot, again)
    assert again.rows() == [
        (
            "Sharing data with IOM headquarters",
            today.isoformat(),
            "registration",
            "Explained in Dari",
        )
    ]
    again.reject()


def test_protection_saves_categories_and_needs(qtbot, unlock, template):
    view = _open(qtbot, unlock("protection"), template[1])
    assert _needs(view) == "No"
    assert view.protection_button is not None
    assert view.protection_button.isEnabled()
    view.protection_button.click()
    dialog = _dialog(view, ProtectionDialog)
    assert isinstance(dialog, ProtectionDialog)
    assert "restricted" in dialog.windowTitle().lower()
    _loaded(qtbot, dialog)
    assert _ok(dialog).isEnabled()
    assert not any(c.isChecked() for c in dialog.categories.values())
    dialog.categories["single_female_head"].setChecked(True)
    dialog.needs["female_interpreter"].setChecked(True)
    dialog.consent_to_share.setChecked(True)
    dialog.notes.setPlainText("Prefers a female officer")
    _save(qtbot, view, dialog)
    assert _needs(view) == "Yes"

    view.protection_button.click()
    again = _dialog(view, ProtectionDialog)
    assert isinstance(again, ProtectionDialog)
    _loaded(qtbot, again)
    assert again.value() == (
        ("single_female_head",),
        ("female_interpreter",),
        True,
        "Prefers a female officer",
    )
    again.reject()


def test_consent_is_read_only_for_the_protection_role(qtbot, unlock, template):
    view = _open(qtbot, unlock("protection"), template[1])
    view.consent_button.click()
    dialog = _dialog(view, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    _loaded(qtbot, dialog)
    assert not dialog.new_box.isEnabled()
    assert _ok(dialog) is None
    dialog.reject()


def test_a_new_consent_is_given_on_the_office_date(qtbot, unlock, template):
    registration = unlock("registration")
    # late evening in UTC is already the next day in Tirana
    registration._office.clock = FrozenClock(datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    view = _open(qtbot, registration, template[1])
    view.consent_button.click()
    dialog = _dialog(view, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    _loaded(qtbot, dialog)
    assert dialog.given_on.date().toPython() == date(2026, 3, 2)
    assert dialog.given_on.maximumDate().toPython() == date(2026, 3, 2)
    dialog.reject()
