"""The household window: members, the person form, documents, custody, status timeline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QWidget,
)
from shiboken6 import isValid

from desktop.services.demo.office import create_demo_office
from desktop.services.journey.readiness import ReadinessService
from desktop.services.journey.transitions import StatusChoice, StatusChoices
from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.medical.fitness import FitnessService
from desktop.services.office import auth
from desktop.services.office.clock import office_today
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.lists import RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlacesService
from desktop.ui.appointments.appointment_window import AppointmentDialog
from desktop.ui.appointments.booking import NewAppointmentDialog
from desktop.ui.appointments.case_schedule import CaseSchedule
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.medical.fitness import CaseFitness
from desktop.ui.medical.history import MedicalHistoryDialog
from desktop.ui.registry.case_actions import READ_ONLY
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.case_windows import CaseWindows
from desktop.ui.registry.cases_page import CasesPage
from desktop.ui.registry.document_dialogs import CustodyDialog, DocumentDialog
from desktop.ui.registry.household_dialog import HouseholdDialog
from desktop.ui.registry.person_form import PersonForm
from desktop.ui.registry.status_dialog import StatusDialog
from tests.builders import force_status
from tests.conftest import CHEAP_KDF, USER_PASSWORD
from tests.ui.helpers import (
    WAIT_MS,
    case_windows,
    close_case_views,
    office_as,
    open_case_views,
    unlock_copy,
)
from tests.ui.helpers import _made as _made_list

MRZ_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
MRZ_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo office plus one household of our own, copied for each test."""
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("case_view") / "office"
        create_demo_office(directory, USER_PASSWORD, 3, seed=2, reference_date=date(2026, 3, 1))
        office = auth.unlock(directory, "registration", USER_PASSWORD)
        try:
            registration = RegistrationService(office)
            case = registration.create_case(
                CaseInput(destination_country="CAN", programme="Test", notes="First visit")
            )
            principal = registration.add_person(
                case,
                PersonInput(
                    relationship="principal",
                    given_name="Nangialai",
                    family_name="Tokhi",
                    native_name="ننگیالی توخی",
                    sex="M",
                    date_of_birth=date(1988, 1, 1),
                    dob_precision="year",
                ),
            )
            registration.add_document(
                principal, DocumentInput(doc_type="tazkira", number="T-1234", custody="family")
            )
        finally:
            office.close()
    finally:
        mp.undo()
    return directory


@pytest.fixture(autouse=True)
def _no_windows_left(qtbot) -> Iterator[None]:
    yield
    close_case_views()
    # the pages a test closed are deleted now, here on the GUI thread: one left for later
    # (its operations refer back to it) could be collected, and deleted, from the thread
    # of the next test's first operation
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def office(qtbot, template_dir: Path, tmp_path: Path) -> Iterator[UnlockedOffice]:
    yield from office_as(qtbot, template_dir, tmp_path, "registration")


@pytest.fixture
def registration(office: UnlockedOffice) -> RegistrationService:
    return RegistrationService(office)


@pytest.fixture
def case_id(registration: RegistrationService, office: UnlockedOffice) -> str:
    registry = RegistryService(office)
    summaries = registry.cases(registry.case_ids())
    return next(c.id for c in summaries if c.destination_country == "CAN" and c.programme == "Test")


_WINDOWS: dict[tuple[int, str], CaseWindows] = {}


def _open(qtbot, registration: RegistrationService, case_id: str, **kwargs: Any) -> CaseView:
    """The household window, as the app opens it (one set of windows per office and options)."""
    office = registration._office
    key = (id(office), repr(sorted(kwargs.items())))
    windows = _WINDOWS.get(key)
    if windows is None or windows not in _made_windows():
        windows = _WINDOWS[key] = case_windows(office, **kwargs)
    view = windows.open(case_id)
    qtbot.waitUntil(lambda: _idle(view) and view.case is not None, timeout=WAIT_MS)
    return view


def _idle(view: CaseView) -> bool:
    """Nothing of the window's is loading (its schedule panel and fitness included)."""
    return not operations.is_busy(view) and not operations.busy()


def _dialog(view: QDialog | CaseView, kind: type) -> QDialog:
    shown = [d for d in view.findChildren(kind) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _status_dialog(qtbot, view: CaseView) -> StatusDialog:
    """The status dialog, which opens once the allowed moves are read."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(StatusDialog)))
    dialog = _dialog(view, StatusDialog)
    assert isinstance(dialog, StatusDialog)
    return dialog


def _ok(dialog: QDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


@contextmanager
def _saved(qtbot, view: CaseView, dialog: QDialog) -> Iterator[None]:
    """Around the OK of ``dialog``: the dialog closes once the write is done, and the
    write's change notice reloads the window (nothing reloads it by hand)."""
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        yield
        # the dialog deletes itself once closed
        qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)


def _cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_view_shows_the_household(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    assert view.title.text().startswith("DEMO-")
    assert view.status_label.text() == "Registered"
    assert "Destination: CAN" in view.facts.text()
    assert view.notes.toPlainText() == "First visit"
    assert _cells(view.members_model, 0)[:7] == [
        "Principal",
        "Nangialai",
        "Tokhi",
        "",
        "ننگیالی توخی",
        "M",
        "1988",
    ]
    # the principal is selected: their documents and the custody log show
    assert view.documents_model.rowCount() == 1
    assert _cells(view.documents_model, 0)[:2] == ["Tazkira", "T-1234"]
    assert view.custody_log.rows()[0][:3] == ("Family", "recorded", "registration")
    assert [view.timeline_model.record(0).status] == ["registered"]
    # one window per case
    assert _open(qtbot, registration, case_id) is view
    assert open_case_views() == [view]


def test_add_a_member_through_the_form(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.add_member_button.click()
    form = _dialog(view, PersonForm)
    assert isinstance(form, PersonForm)
    assert not _ok(form).isEnabled()
    form.relationship.setCurrentIndex(form.relationship.findData("daughter"))
    form.given_name.setText("Malalai")
    form.family_name.setText("Tokhi")
    form.native_name.setText("ملالۍ توخی")  # setText: keyClicks aborts on non-Latin text
    form.sex.setCurrentIndex(form.sex.findData("F"))
    form.date_of_birth.precision.setCurrentIndex(form.date_of_birth.precision.findData("month"))
    form.date_of_birth.year.setValue(2015)
    form.date_of_birth.month.setCurrentIndex(form.date_of_birth.month.findData(6))
    form.languages["Pashto"].setChecked(True)
    assert form.problems() == {}
    assert _ok(form).isEnabled()
    with _saved(qtbot, view, form):
        _ok(form).click()
    rows = [_cells(view.members_model, r) for r in range(view.members_model.rowCount())]
    assert ["Daughter", "Malalai", "Tokhi", "", "ملالۍ توخی", "F", "2015-06"] in [
        r[:7] for r in rows
    ]


def test_validation_as_you_type(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.add_member()
    form = _dialog(view, PersonForm)
    assert isinstance(form, PersonForm)
    assert form.error_text("given_name") == ""  # nothing typed yet: no message
    assert "given name" in form.missing.text()
    form.given_name.setText("A")
    form.given_name.setText("")
    assert form.error_text("given_name") == "The given name is required (as on the document)."
    assert not _ok(form).isEnabled()
    form.nationality.setText("AF")
    assert "3-letter code" in form.error_text("nationality")
    form.nationality.setText("XXA")
    assert form.error_text("nationality") == ""
    form.reject()


def test_mrz_fills_the_form_and_reports_a_wrong_check_digit(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.add_member()
    form = _dialog(view, PersonForm)
    assert isinstance(form, PersonForm)
    form.mrz.setPlainText(MRZ_1 + "\n" + MRZ_2[:20])  # the reader is still typing
    assert form.mrz_message.text().startswith("Reading…")
    form.mrz.setPlainText(MRZ_1 + "\n" + MRZ_2)
    assert form.given_name.text() == "Anna Maria"
    assert form.family_name.text() == "Eriksson"
    assert form.sex.currentData() == "F"
    assert form.date_of_birth.current_precision() == "exact"
    assert form.date_of_birth.value() == date(1974, 8, 12)
    assert form.nationality.text() == "UTO"
    document = form.mrz_document()
    assert document is not None
    assert (document.doc_type, document.number, document.machine_readable) == (
        "passport",
        "L898902C3",
        True,
    )
    # save with the scanned document
    form.relationship.setCurrentIndex(form.relationship.findData("spouse"))
    form.document_custody.setCurrentIndex(form.document_custody.findData("office_safe"))
    with _saved(qtbot, view, form):
        _ok(form).click()
    row = next(
        r
        for r in range(view.members_model.rowCount())
        if view.members_model.record(r).given_name == "Anna Maria"
    )
    view.members_table.selectRow(row)
    assert _cells(view.documents_model, 0)[:2] == ["Passport", "L898902C3"]
    assert _cells(view.documents_model, 0)[-1] == "Office safe"

    view.add_member()
    form = _dialog(view, PersonForm)
    assert isinstance(form, PersonForm)
    form.mrz.setPlainText(MRZ_1 + "\n" + MRZ_2.replace("C36", "C35"))
    assert "check digit of the document number" in form.mrz_message.text()
    assert form.mrz_document() is None
    assert not form.save_document.isEnabled()
    form.reject()


def test_edit_a_member(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.members_table.selectRow(0)
    view.edit_member_button.click()
    form = _dialog(view, PersonForm)
    assert isinstance(form, PersonForm)
    assert form.given_name.text() == "Nangialai"
    assert form.date_of_birth.current_precision() == "year"
    form.father_name.setText("Gul Ahmad")
    with _saved(qtbot, view, form):
        _ok(form).click()
    assert _cells(view.members_model, 0)[3] == "Gul Ahmad"


def test_change_status_appears_in_the_timeline(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.status_button.click()
    dialog = _status_dialog(qtbot, view)
    dialog.status.setCurrentIndex(dialog.status.findData("on_hold"))
    dialog.buttons.accepted.emit()  # no reason yet
    assert "Say why" in dialog.message.text()
    dialog.reason.setText("Waiting for the tazkira of the son")
    with _saved(qtbot, view, dialog):
        dialog.buttons.accepted.emit()
    assert view.status_label.text() == "On hold"
    last = view.timeline_model.rowCount() - 1
    cells = _cells(view.timeline_model, last)
    assert cells[1:] == ["On hold", "Waiting for the tazkira of the son", "registration"]
    assert len(cells[0]) == len("2026-01-01 00:00")


def test_add_a_document_and_move_its_custody(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.members_table.selectRow(0)
    view.add_document_button.click()
    dialog = _dialog(view, DocumentDialog)
    assert isinstance(dialog, DocumentDialog)
    assert not _ok(dialog).isEnabled()  # no number yet
    dialog.number.setText("P0123456")
    dialog.issuing_country.setText("AF")
    assert "3-letter code" in dialog.error_text("issuing_country")
    dialog.issuing_country.setText("AFG")
    assert _ok(dialog).isEnabled()
    with _saved(qtbot, view, dialog):
        _ok(dialog).click()
    numbers = [view.documents_model.record(r).number for r in range(2)]
    assert "P0123456" in numbers
    view.documents_table.selectRow(numbers.index("P0123456"))

    view.custody_button.click()
    custody = _dialog(view, CustodyDialog)
    assert isinstance(custody, CustodyDialog)
    assert custody.log.rows()[0][:2] == ("Family", "recorded")
    custody.custody.setCurrentIndex(custody.custody.findData("office_safe"))
    custody.note.setText("Receipt 17")
    with _saved(qtbot, view, custody):
        custody.buttons.accepted.emit()
    document = view.selected_document()
    assert document is not None and document.number == "P0123456"
    assert document.custody == "office_safe"
    log = view.custody_log.rows()
    assert [r[:3] for r in log] == [
        ("Family", "recorded", "registration"),
        ("Office safe", "Receipt 17", "registration"),
    ]


def test_edit_the_household(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    view.edit_case_button.click()
    dialog = _dialog(view, HouseholdDialog)
    assert isinstance(dialog, HouseholdDialog)
    assert dialog.destination.text() == "CAN"
    dialog.destination.setText("XY")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "3-letter country code" in dialog.message.text(), timeout=WAIT_MS)
    dialog.destination.setText("ISL")
    dialog.notes.setPlainText("Second visit: the son's tazkira is in Kabul.")
    with _saved(qtbot, view, dialog):
        dialog.buttons.accepted.emit()
    assert "Destination: ISL" in view.facts.text()
    assert view.notes.toPlainText() == "Second visit: the son's tazkira is in Kabul."


def test_a_viewer_cannot_change_anything(qtbot, template_dir, tmp_path, shown_errors):
    viewer = unlock_copy(template_dir, tmp_path, "viewer")
    try:
        registration = RegistrationService(viewer)
        registry = RegistryService(viewer)
        case_id = registry.case_ids()[0]
        view = _open(qtbot, registration, case_id, can_write=False)
        assert view.read_only_note.isVisibleTo(view)
        assert view.read_only_note.text() == READ_ONLY
        assert not view.status_button.isEnabled()
        assert not view.add_member_button.isEnabled()
        view.change_status()  # e.g. a shortcut: says why, opens nothing
        assert shown_errors == [READ_ONLY]
        assert not view.findChildren(StatusDialog)
        view.close()
        qtbot.waitUntil(lambda: not open_case_views(), timeout=WAIT_MS)

        # a window told it may write: the status stays off (the journey knows the role)...
        view = _open(qtbot, registration, case_id, can_write=True)
        assert not view.status_button.isEnabled()
        # ...and the first write attempt says why and the view turns read-only
        view.edit_household()
        dialog = _dialog(view, HouseholdDialog)
        assert isinstance(dialog, HouseholdDialog)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: "do not have permission" in dialog.message.text(), timeout=WAIT_MS)
        dialog.reject()
        assert not view.can_write()
        assert not view.add_member_button.isEnabled()
        view.close()
    finally:
        close_case_views()
        qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
        viewer.close()


def test_a_movement_officer_moves_a_household_without_editing_it(qtbot, template_dir, tmp_path):
    """Read only for the registry, yet the journey lets a movement officer set travel ready
    (over the blockers, with an override): the status button is on and says what is allowed."""
    movement = unlock_copy(template_dir, tmp_path, "movement")
    try:
        registry = RegistryService(movement)
        case_id = registry.case_ids()[0]
        force_status(movement, case_id, "orientation_done")
        view = _open(qtbot, RegistrationService(movement), case_id, can_write=False)
        assert view.read_only_note.isVisibleTo(view)
        assert not view.add_member_button.isEnabled()
        assert view.status_button.isEnabled()
        view.change_status()
        dialog = _status_dialog(qtbot, view)
        offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
        assert offered == ["travel_ready"]
        assert dialog.override.isVisibleTo(dialog)  # the demo household has blockers
        assert "Needs the role Registration clerk" in dialog.refused.text()
        dialog.reason.setText("charter confirmed, documents at the embassy")
        dialog.override.setChecked(True)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: view.status_label.text() == "Travel ready", timeout=WAIT_MS)
        view.close()
    finally:
        close_case_views()
        qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
        movement.close()


def test_the_cases_page_opens_a_household_and_registers_a_new_one(qtbot, office, case_id):
    notices = ChangeNotices(office.changes)
    page = CasesPage(
        RegistryService(office),
        RegistrationService(office),
        can_write=True,
        open_case=case_windows(office).open,
    )
    qtbot.addWidget(page)
    notices.changed.connect(page.on_change)
    page.show()  # a page reloads on a change notice while it is shown
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    row = page.model.ids().index(case_id)
    view = page.open_case(page.model.index(row, 0))
    assert view is not None
    qtbot.waitUntil(lambda: view.case is not None, timeout=WAIT_MS)
    assert view.case is not None and view.case.id == case_id
    page.table.activated.emit(page.model.index(row, 0))  # Enter on the same row again
    assert open_case_views() == [view]

    dialog = page.new_household()
    assert dialog is not None
    dialog.destination.setText("DEU")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: len(open_case_views()) == 2, timeout=WAIT_MS)
    new = next(v for v in open_case_views() if v is not view)
    qtbot.waitUntil(lambda: new.case is not None, timeout=WAIT_MS)
    assert new.case is not None and new.case.destination_country == "DEU"
    assert new.case.members == ()
    # nobody reloads the list by hand: the new household's change notice does
    qtbot.waitUntil(lambda: new.case.id in page.model.ids(), timeout=WAIT_MS)
    page.close_for_lock()  # household windows are closed by the app (tests/ui/test_app_flows.py)
    assert page.model.rowCount() == 0
    notices.close()


def test_a_change_made_elsewhere_reloads_the_window_and_keeps_the_member(
    qtbot, registration, case_id
):
    view = _open(qtbot, registration, case_id)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        spouse = registration.add_person(
            case_id,
            PersonInput(
                relationship="spouse",
                given_name="Palwasha",
                family_name="Tokhi",
                sex="F",
                date_of_birth=date(1990, 1, 1),
                dob_precision="year",
            ),
        )
    ids = [view.members_model.record(r).id for r in range(view.members_model.rowCount())]
    assert spouse in ids
    view.members_table.selectRow(ids.index(spouse))
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        registration.update_case(
            case_id, CaseInput(destination_country="CAN", programme="Test", notes="Called today")
        )
    assert view.notes.toPlainText() == "Called today"
    member = view.selected_member()
    assert member is not None and member.id == spouse  # the same member stays selected
    # another household's change is not this window's
    with qtbot.assertNotEmitted(view.loaded, wait=300):
        registration.create_case(CaseInput(destination_country="DEU"))


def test_saving_someone_registered_before_warns_with_reasons(
    qtbot, registration, case_id, office, monkeypatch
):
    from desktop.services.registry.household_types import CaseInput

    # the principal of this household, registered again in a new household
    other_case = registration.create_case(CaseInput(destination_country="CAN"))
    view = _open(qtbot, registration, other_case)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    view.add_member_button.click()
    form = _dialog(view, PersonForm)
    form.relationship.setCurrentIndex(form.relationship.findData("principal"))
    form.given_name.setText("Nangyalai")  # another spelling
    form.family_name.setText("Tokhi")
    form.native_name.setText("ننگیالی توخی")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    form.date_of_birth.precision.setCurrentIndex(form.date_of_birth.precision.findData("year"))
    form.date_of_birth.year.setValue(1988)
    with _saved(qtbot, view, form):
        _ok(form).click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=WAIT_MS)
    assert "may already be registered" in shown[0]
    assert "Nangialai Tokhi" in shown[0] and "names" in shown[0]


# -- appointments, orientation and travel readiness ----------------------------------------------


def _schedule(office: UnlockedOffice, *, can_schedule: bool = True) -> CaseSchedule:
    return CaseSchedule(
        AppointmentService(office),
        OrientationService(office),
        ReadinessService(office),
        PlacesService(office),
        can_schedule=can_schedule,
        clock=office.clock,
    )


def _weekday(offset: int) -> date:
    day = office_today() + timedelta(days=offset)
    while day.weekday() >= 5:
        day += timedelta(days=1 if offset >= 0 else -1)
    return day


def _book(office: UnlockedOffice, case_id: str, kind: str, day: date, **kwargs: object) -> str:
    place = PlacesService(office).list()[0].id
    return AppointmentService(office).schedule(
        AppointmentInput(case_id, kind, day, time(10, 0), 30, place),
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_window_shows_appointments_orientation_and_readiness(qtbot, office, case_id):
    ahead = _weekday(3)
    _book(office, case_id, "interview", ahead)
    held = _weekday(-2)
    earlier = datetime.now(UTC) - timedelta(days=20)
    past = _book(office, case_id, "medical_exam", held, now=earlier)
    appointments = AppointmentService(office)
    appointments.record_attendance(past, [a.person_id for a in appointments.get(past).attendees])

    view = _open(qtbot, RegistrationService(office), case_id, schedule=_schedule(office))
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    rows = [_cells(panel.appointments_model, r) for r in range(panel.appointments_model.rowCount())]
    # upcoming first, then what is past
    assert rows[0][0] == f"{ahead:%a %d %b %Y} 10:00"
    assert rows[0][1:4:2] == ["Immigration interview", "Scheduled"]
    assert rows[0][4:] == ["No", "1 person invited"]
    assert rows[1][0] == f"{held:%a %d %b %Y} 10:00"
    assert rows[1][1::2] == ["Medical exam", "Attended", "1 of 1 came"]
    summary = panel.appointments_summary.text()
    assert summary.startswith(f"Next: {ahead:%a %d %b %Y} 10:00, Immigration interview at ")
    assert "1 upcoming" in summary and "1 past" in summary and "1 not told yet" in summary
    assert panel.tabs.tabText(0) == "Appointments (1 upcoming)"
    assert panel.orientation_summary.text().startswith(
        "No member is enrolled in an orientation session yet."
    )
    # four rules, four blockers: no travel document, not examined, no orientation,
    # no interview yet
    assert panel.badge.text() == "4 blockers"
    assert panel.readiness_headline.text() == "4 blockers:"
    blockers = panel.blockers()
    assert "Nangialai Tokhi has no travel document recorded" in blockers
    assert any(
        b.startswith("Nangialai Tokhi (")
        and b.endswith("has not attended pre-departure orientation")
        for b in blockers
    )
    assert "No immigration interview attended yet" in blockers
    assert "Nangialai Tokhi: fitness to travel pending" in blockers
    assert panel.readiness_rules.text() == "5 rules checked."
    assert "Pre-departure orientation attended by the adults" in panel.readiness_rules.toolTip()
    # the history is still there, one tab along
    assert view.timeline_model.rowCount() >= 1


def test_the_blockers_update_after_orientation_attendance(qtbot, office, case_id):
    orientation = OrientationService(office)
    earlier = datetime.now(UTC) - timedelta(days=10)
    place = PlacesService(office).list()[0].id
    session = orientation.create_session(
        SessionInput(_weekday(-3), time(14), 120, place, "Dari", capacity=10), now=earlier
    )
    orientation.enrol_case(session, case_id, now=earlier)
    view = _open(qtbot, RegistrationService(office), case_id, schedule=_schedule(office))
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    assert panel.badge.text() == "4 blockers"
    rows = [_cells(panel.orientation_model, r) for r in range(panel.orientation_model.rowCount())]
    assert [r[:3] for r in rows] == [["Nangialai Tokhi", "ننگیالی توخی", "Not recorded"]]

    principal = orientation.session_detail(session).enrolments[0].person_id
    orientation.record_attendance(session, {principal: True})
    # nobody tells the window: the write's change notice reloads it
    qtbot.waitUntil(lambda: panel.badge.text() == "3 blockers", timeout=WAIT_MS)
    assert not any("orientation" in b for b in panel.blockers())
    assert _cells(panel.orientation_model, 0)[2] == "Came"
    assert panel.tabs.tabText(1) == "Orientation (1 attended)"


def test_new_appointment_and_open_from_the_window(qtbot, office, case_id):
    appointment = _book(office, case_id, "counselling", _weekday(2))
    view = _open(qtbot, RegistrationService(office), case_id, schedule=_schedule(office))
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    assert not panel.open_appointment_button.isEnabled()
    panel.new_appointment_button.click()
    booking = _dialog(view, NewAppointmentDialog)
    assert isinstance(booking, NewAppointmentDialog)
    assert booking.case_id == case_id
    booking.reject()
    panel.appointments_table.selectRow(0)
    assert panel.open_appointment_button.isEnabled()
    panel.open_appointment_button.click()
    shown = _dialog(view, AppointmentDialog)
    assert isinstance(shown, AppointmentDialog)
    assert shown.appointment_id == appointment
    qtbot.waitUntil(lambda: not shown.loading(), timeout=WAIT_MS)
    shown.reject()


def test_who_may_not_schedule_sees_the_schedule_only(qtbot, office, case_id):
    _book(office, case_id, "counselling", _weekday(2))
    view = _open(
        qtbot,
        RegistrationService(office),
        case_id,
        schedule=_schedule(office, can_schedule=False),
    )
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    assert panel.appointments_model.rowCount() == 1
    assert panel.new_appointment_button.isHidden()
    assert panel.new_appointment() is None
    assert "Orientation page" not in panel.orientation_summary.text()
    panel.appointments_table.selectRow(0)
    shown = panel.open_appointment()
    assert shown is not None
    qtbot.waitUntil(lambda: not shown.loading(), timeout=WAIT_MS)
    assert not shown.read_only_note.isHidden()
    shown.reject()


def test_schedule_models_pass_qtmodeltester(qtmodeltester, qtbot, office, case_id):
    _book(office, case_id, "counselling", _weekday(2))
    view = _open(qtbot, RegistrationService(office), case_id, schedule=_schedule(office))
    qtbot.waitUntil(lambda: _idle(view), timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    qtmodeltester.check(panel.appointments_model)
    qtmodeltester.check(panel.orientation_model)


# -- fitness to travel -----------------------------------------------------------------------------

CANARY = "CANARY-DIAGNOSIS-hepatitis-5581"


def _examine_principal(template_dir: Path, tmp_path: Path, case_id: str) -> str:
    """The medical officer clears the principal with a wheelchair and a nurse."""
    doc = unlock_copy(template_dir, tmp_path, "medical")
    try:
        registration = RegistrationService(doc)
        principal = registration.case_detail(case_id).members[0].id
        MedicalService(doc).add(
            principal,
            MedicalInput(
                "health_assessment",
                office_today() - timedelta(days=1),
                "Dr Hoxha",
                "fit_medical_escort",
                clinic="IOM clinic",
                escort="nurse",
                mobility_ssr="WCHR",
                oxygen_lpm=2.0,
                notes=CANARY,
            ),
        )
    finally:
        doc.close()
    return principal


def _texts(widget: QWidget) -> list[str]:
    """Every text the window holds: labels, buttons, fields, titles, tips, table cells."""
    found = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        found += [child.windowTitle(), child.toolTip(), child.accessibleName()]
        for getter in ("text", "toPlainText", "placeholderText", "title", "currentText"):
            method = getattr(child, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str):
                    found.append(value)
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model (combo boxes, the custody log)
                columns = 1
            for row in range(model.rowCount()):
                for column in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.index(row, column).data(role)
                        if isinstance(value, str):
                            found.append(value)
    return found


def test_everyone_sees_the_fitness_summary_and_no_record(
    qtbot, office, case_id, template_dir, tmp_path
):
    principal = _examine_principal(template_dir, tmp_path, case_id)
    # the clerk's window, built as for everyone: a medical service that refuses them
    fitness = CaseFitness(
        FitnessService(office), MedicalService(office), can_write=True, clock=office.clock
    )
    view = _open(
        qtbot,
        RegistrationService(office),
        case_id,
        schedule=_schedule(office),
        fitness=fitness,
    )
    qtbot.waitUntil(lambda: _idle(view) and not operations.busy(), timeout=WAIT_MS)
    titles = [c.title for c in view.members_model.columns]
    assert titles[-1] == "Fitness"
    row = [view.members_model.record(r).id for r in range(view.members_model.rowCount())].index(
        principal
    )
    assert _cells(view.members_model, row)[-1] == "Cleared - assistance: WCHR, OXYG; medical escort"
    assert view.medical_button is None
    assert view.show_medical() is None
    assert not view.findChildren(MedicalHistoryDialog)
    texts = _texts(view)
    assert "Cleared - assistance: WCHR, OXYG; medical escort" in texts  # the walk sees cells
    assert not any(CANARY in t for t in texts)
    assert not any("Medical records" in t for t in texts)
    assert not any("Dr Hoxha" in t or "2.0" in t or "l/min" in t for t in texts)
    view.close()


def test_the_medical_team_opens_a_members_records(qtbot, office, case_id, template_dir, tmp_path):
    principal = _examine_principal(template_dir, tmp_path, case_id)
    doc = unlock_copy(template_dir, tmp_path, "medical")
    try:
        fitness = CaseFitness(
            FitnessService(doc), MedicalService(doc), can_write=True, clock=doc.clock
        )
        view = _open(qtbot, RegistrationService(doc), case_id, can_write=False, fitness=fitness)
        assert view.medical_button is not None
        assert view.medical_button.isEnabled()
        view.members_table.selectRow(
            [view.members_model.record(r).id for r in range(view.members_model.rowCount())].index(
                principal
            )
        )
        view.medical_button.click()
        dialog = _dialog(view, MedicalHistoryDialog)
        assert isinstance(dialog, MedicalHistoryDialog)
        qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
        assert dialog.person_id == principal and dialog.sex == "M"
        assert dialog.notes.toPlainText() == CANARY
        assert dialog.new_button.isVisibleTo(dialog)
        assert not dialog.certificate_button.isVisibleTo(dialog)  # no printing given

        # a new examination reloads the window's fitness column
        form = dialog.new_record()
        assert form is not None and not form.pregnancy_offered
        form.kind.setCurrentIndex(form.kind.findData("pec"))
        form.examiner.setText("Dr Hoxha")
        form.outcome.setCurrentIndex(form.outcome.findData("unfit"))
        _ok(form).click()
        qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: _idle(view) and not dialog.loading() and not operations.busy(),
            timeout=WAIT_MS,
        )
        assert dialog.model.rowCount() == 2
        row = [view.members_model.record(r).id for r in range(view.members_model.rowCount())]
        assert _cells(view.members_model, row.index(principal))[-1] == "Not cleared"
        dialog.reject()
        view.close()
    finally:
        close_case_views()
        qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
        doc.close()


def test_without_fitness_the_window_has_no_fitness_column(qtbot, registration, case_id):
    view = _open(qtbot, registration, case_id)
    assert [c.title for c in view.members_model.columns][-1] == "Needs"
    assert view.medical_button is None
    view.close()


def test_the_status_dialog_offers_what_the_journey_allows_and_says_why_not(qtbot):
    choices = StatusChoices(
        "orientation_done",
        (
            StatusChoice("on_hold", "On hold", True),
            StatusChoice(
                "travel_ready", "Travel ready", True, blockers=("Laila: passport expired",)
            ),
            StatusChoice("deferred", "Deferred", False, "Needs the role Medical officer."),
            StatusChoice("booked", "Booked", False, "A household is booked by adding it."),
        ),
    )
    dialog = StatusDialog(None, choices)
    qtbot.addWidget(dialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["on_hold", "travel_ready"]
    assert dialog.status.currentData() == "travel_ready"  # the next step is offered first
    assert "Deferred (medical): Needs the role Medical officer." in dialog.refused.text()
    assert dialog.override.isVisibleTo(dialog)
    dialog.status.setCurrentIndex(0)
    assert not dialog.override.isVisibleTo(dialog)
    dialog.status.setCurrentIndex(1)
    assert dialog.override.isVisibleTo(dialog)
    assert "Laila: passport expired" in dialog.blockers.text()
    dialog.reason.setText("charter tomorrow")
    assert "Tick the override" in (dialog.problem() or "")
    dialog.override.setChecked(True)
    assert dialog.problem() is None
    assert dialog.value() == ("travel_ready", "charter tomorrow", True)


def _made_windows() -> list[CaseWindows]:
    return _made_list
