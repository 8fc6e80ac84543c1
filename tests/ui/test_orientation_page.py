"""The orientation page: sessions listed, planned, households enrolled, attendance recorded."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from shiboken6 import isValid

from desktop.services.changes import Change
from desktop.services.journey.readiness import ReadinessService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import FrozenClock, office_today, to_local
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ORIENTATION_CAPACITY, SettingsService
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.lists import RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.ui.appointments.case_schedule import CaseSchedule
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.orientation.enrolment_dialogs import AttendanceDialog, EnrolHouseholdDialog
from desktop.ui.orientation.page import OrientationPage
from desktop.ui.orientation.session_dialogs import CancelSessionDialog, SessionDialog
from tests.conftest import ADMIN_PASSWORD, CHEAP_KDF, USER_PASSWORD
from tests.ui.helpers import WAIT_MS, close_case_views, office_as, open_case_view, unlock_copy

HALL = "IOM office, training hall"


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office with a clerk and a viewer, two places and two households."""
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("orientation") / "office"
        office = auth.create_office(directory, "SHG", "Shengjin", "admin", ADMIN_PASSWORD)
        try:
            accounts = AccountService(office)
            accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
            accounts.add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
            places = PlacesService(office)
            places.save(PlaceInput(HALL, "office", "Rruga Lidhja e Lezhës 12", capacity=1))
            places.save(PlaceInput("Hotel Rafaelo", "hotel", "Shëngjin beach road"))
        finally:
            office.close()
        office = auth.unlock(directory, "clerk", USER_PASSWORD)
        try:
            registration = RegistrationService(office)
            first = registration.create_case(CaseInput(destination_country="CAN", programme="Test"))
            for relationship, given, native, sex, born in (
                ("principal", "Nangialai", "ننگیالی توخی", "M", date(1988, 1, 1)),
                ("spouse", "Zarghuna", "زرغونه توخی", "F", date(1990, 5, 2)),
                ("daughter", "Malalai", "ملالۍ توخی", "F", date(2018, 6, 1)),
            ):
                registration.add_person(
                    first,
                    PersonInput(
                        relationship=relationship,
                        given_name=given,
                        family_name="Tokhi",
                        native_name=native,
                        sex=sex,
                        date_of_birth=born,
                        dob_precision="exact",
                    ),
                )
            second = registration.create_case(
                CaseInput(destination_country="DEU", family_language="Pashto")
            )
            registration.add_person(
                second,
                PersonInput(
                    relationship="principal",
                    given_name="Farid",
                    family_name="Sultani",
                    native_name="فرید سلطانی",
                    sex="M",
                    date_of_birth=date(1979, 3, 3),
                    dob_precision="year",
                ),
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


@pytest.fixture
def office(qtbot, template_dir: Path, tmp_path: Path) -> Iterator[UnlockedOffice]:
    yield from office_as(qtbot, template_dir, tmp_path, "clerk")


@pytest.fixture
def service(office: UnlockedOffice) -> OrientationService:
    return OrientationService(office)


@pytest.fixture
def notices(office: UnlockedOffice) -> Iterator[ChangeNotices]:
    """The clerk's change notices, as the main window hears them."""
    bridge = ChangeNotices(office.changes)
    yield bridge
    bridge.close()


@pytest.fixture
def heard(notices: ChangeNotices) -> list[Change]:
    """Every change notice delivered (the page reloads from the same ones)."""
    delivered: list[Change] = []
    notices.changed.connect(delivered.append)
    return delivered


@contextmanager
def _reloads(qtbot, heard: list[Change]) -> Iterator[None]:
    """The write inside reaches the page as a change notice: wait for it and the reload."""
    before = len(heard)
    yield
    qtbot.waitUntil(lambda: len(heard) > before, timeout=WAIT_MS)
    _settled(qtbot)


def _page(
    qtbot,
    office: UnlockedOffice,
    notices: ChangeNotices | None = None,
    *,
    can_write: bool = True,
    printing: PrintingService | None = None,
) -> OrientationPage:
    page = OrientationPage(
        OrientationService(office),
        PlacesService(office),
        RegistryService(office),
        can_write,
        SettingsService(office),
        printing,
        clock=office.clock,
    )
    qtbot.addWidget(page)
    if notices is not None:
        notices.changed.connect(page.on_change)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    _settled(qtbot)
    return page


@pytest.fixture
def page(qtbot, office: UnlockedOffice, notices: ChangeNotices) -> Iterator[OrientationPage]:
    shown = _page(qtbot, office, notices)
    yield shown
    shown.close_for_lock()


def _settled(qtbot) -> None:
    """Wait until nothing runs in the background any more."""
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)


def _place(office: UnlockedOffice, name: str = HALL) -> str:
    return next(p.id for p in PlacesService(office).list() if p.name == name)


def _case(office: UnlockedOffice, destination: str) -> str:
    registry = RegistryService(office)
    return next(
        c.id for c in registry.cases(registry.case_ids()) if c.destination_country == destination
    )


def _case_number(office: UnlockedOffice, destination: str) -> str:
    registry = RegistryService(office)
    return next(
        c.case_number
        for c in registry.cases(registry.case_ids())
        if c.destination_country == destination
    )


def _ahead(days: int) -> date:
    return office_today() + timedelta(days=days)


def _plan(
    service: OrientationService,
    office: UnlockedOffice,
    day: date,
    *,
    start: time = time(10),
    capacity: int | None = None,
    language: str = "Dari",
    now: datetime | None = None,
) -> str:
    return service.create_session(
        SessionInput(
            day,
            start,
            120,
            _place(office),
            language,
            facilitator="Habiba Rahimi",
            topics="Travel day, arrival",
            capacity=capacity,
        ),
        now=now,
    )


def _past_session_with_household(service: OrientationService, office: UnlockedOffice) -> str:
    """A session held yesterday that the Tokhi household was enrolled in beforehand."""
    day = office_today() - timedelta(days=1)
    earlier = datetime.now(UTC) - timedelta(days=5)
    session_id = _plan(service, office, day, now=earlier)
    service.enrol_case(session_id, _case(office, "CAN"), adults_only=True, now=earlier)
    return session_id


def _ok(dialog: QDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


def _saved(qtbot, heard: list[Change], dialog: QDialog) -> None:
    """OK on ``dialog``: wait until it closed and its change reloaded the page."""
    with _reloads(qtbot, heard):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS)


def _refused(qtbot, dialog: QDialog, said: str) -> None:
    """OK on ``dialog``: the service refuses, and the dialog stays open saying ``said``."""
    _ok(dialog).click()
    qtbot.waitUntil(lambda: said in dialog.message.text(), timeout=WAIT_MS)  # type: ignore[attr-defined]
    assert dialog.isVisible()


def _cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


# -- the list ---------------------------------------------------------------------------------


def test_upcoming_and_past_sessions_are_listed_in_office_time(qtbot, office, service):
    ahead = _plan(service, office, _ahead(3), start=time(9, 30), capacity=12)
    _past_session_with_household(service, office)
    page = _page(qtbot, office)
    assert page.model.rowCount() == 1
    row = _cells(page.model, 0)
    day = _ahead(3)
    assert row[0] == f"{day:%a %d %b %Y}  09:30–11:30"
    assert row[1:] == ["Dari", HALL, "Habiba Rahimi", "0 of 12", "—", "Planned"]
    assert page.count_label.text() == "1 session"
    # the only session is chosen and its detail shown
    assert page.detail is not None and page.detail.session.id == ahead
    assert "(office time)" in page.panel.title_label.text()
    assert "0 of 12 seats taken, 12 free" in page.panel.facts_label.text()
    assert page.panel.topics_label.text() == "Topics: Travel day, arrival"

    page.period.setCurrentIndex(page.period.findData("past"))
    _settled(qtbot)
    assert page.model.rowCount() == 1
    assert _cells(page.model, 0)[4:] == ["2 of 25", "0 of 2", "Held"]
    assert [e.name for e in page.detail.enrolments] == ["Nangialai Tokhi", "Zarghuna Tokhi"]
    page.close_for_lock()


def test_cancelled_sessions_show_only_when_asked(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        session_id = _plan(service, office, _ahead(2))
    with _reloads(qtbot, heard):
        service.cancel_session(session_id, "office_closed")
    assert page.model.rowCount() == 0
    assert "No orientation sessions ahead" in page.message.text()
    page.show_cancelled.setChecked(True)
    _settled(qtbot)
    assert _cells(page.model, 0)[-1] == "Cancelled"
    assert not page.panel.enrol_button.isEnabled()
    assert not page.panel.cancel_button.isEnabled()


# -- planning -------------------------------------------------------------------------------------


def test_plan_a_session_through_the_dialog(qtbot, office, page, heard):
    dialog = page.new_session()
    assert isinstance(dialog, SessionDialog)
    # the seats start at the office setting; a place must be chosen
    assert dialog.capacity.value() == ORIENTATION_CAPACITY.default
    assert "the place" in dialog.missing.text()
    assert not _ok(dialog).isEnabled()
    day = _ahead(4)
    dialog.day.setDate(dialog.day.date().addDays((day - dialog.value().day).days))
    dialog.start.setTime(dialog.start.time().addSecs(30 * 60))  # 09:30
    dialog.duration.setValue(5)
    assert dialog.error_text("duration_minutes") == "A session lasts between 15 and 480 minutes."
    dialog.duration.setValue(150)
    dialog.place.setCurrentIndex(dialog.place.findData(_place(office)))
    dialog.language.setCurrentIndex(dialog.language.findData("Pashto"))
    dialog.facilitator.setText("Habiba Rahimi")
    dialog.topics.setPlainText("Rights and duties")
    dialog.capacity.setValue(18)
    assert dialog.problems() == {}
    _saved(qtbot, heard, dialog)
    assert page.model.rowCount() == 1
    assert _cells(page.model, 0)[:5] == [
        f"{day:%a %d %b %Y}  09:30–12:00",
        "Pashto",
        HALL,
        "Habiba Rahimi",
        "0 of 18",
    ]
    assert page.selected_session() is not None
    assert "Enrol households next" in page.panel.message.text()


def test_a_session_planned_from_the_past_list_is_shown_among_the_upcoming(
    qtbot, office, service, page, heard
):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(2))
    page.period.setCurrentIndex(page.period.findData("past"))
    _settled(qtbot)
    assert page.model.rowCount() == 0
    dialog = page.new_session()
    assert dialog is not None
    dialog.day.setDate(dialog.day.date().addDays((_ahead(9) - dialog.value().day).days))
    dialog.place.setCurrentIndex(dialog.place.findData(_place(office)))
    _saved(qtbot, heard, dialog)
    _settled(qtbot)
    assert not page.showing_past()
    assert page.model.rowCount() == 2
    chosen = page.selected_session()
    assert chosen is not None and to_local(chosen.starts_at).date() == _ahead(9)


def test_a_time_already_over_is_said_as_you_type(qtbot, page):
    dialog = page.new_session()
    assert dialog is not None
    yesterday = office_today() - timedelta(days=1)
    dialog.day.setDate(dialog.day.date().addDays((yesterday - dialog.value().day).days))
    assert "already over" in dialog.error_text("day")
    assert not _ok(dialog).isEnabled()
    dialog.reject()


def test_the_same_place_at_the_same_time_is_refused_in_the_dialog(
    qtbot, office, service, page, heard
):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(5))
    dialog = page.new_session()
    assert dialog is not None
    day = _ahead(5)
    dialog.day.setDate(dialog.day.date().addDays((day - dialog.value().day).days))
    dialog.start.setTime(dialog.start.time().addSecs(60 * 60))  # 10:00, as the other one
    dialog.place.setCurrentIndex(dialog.place.findData(_place(office)))
    _refused(qtbot, dialog, f"{HALL} already has an orientation session")
    dialog.reject()


# -- enrolment -------------------------------------------------------------------------------------


def _enrol_dialog(qtbot, page: OrientationPage) -> EnrolHouseholdDialog:
    dialog = page.panel.enrol_household()
    assert dialog is not None
    qtbot.waitUntil(lambda: not operations.is_busy(dialog), timeout=WAIT_MS)
    return dialog


def test_enrol_a_household_adults_only(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(3))
    page.panel.enrol_button.click()
    dialog = next(d for d in page.findChildren(EnrolHouseholdDialog) if d.isVisible())
    qtbot.waitUntil(lambda: not operations.is_busy(dialog), timeout=WAIT_MS)
    assert "2 households" in dialog.count.text()
    assert dialog.adults_only.isChecked()
    number = _case_number(office, "CAN")
    dialog.search.setText(number[-5:])
    assert dialog.model.rowCount() == 1
    assert dialog.chosen() is not None and dialog.chosen().case_number == number
    _saved(qtbot, heard, dialog)
    assert page.panel.message.text() == "2 people enrolled."
    people = page.panel.people_model
    rows = [_cells(people, r) for r in range(people.rowCount())]
    assert [r[:3] for r in rows] == [
        [number, "Nangialai Tokhi", "ننگیالی توخی"],
        [number, "Zarghuna Tokhi", "زرغونه توخی"],
    ]
    assert [r[4] for r in rows] == ["Not recorded", "Not recorded"]
    # the native names are laid out right to left
    native = people.index(0, 2)
    assert people.data(native, Qt.ItemDataRole.TextAlignmentRole) & (Qt.AlignmentFlag.AlignRight)
    assert _cells(page.model, 0)[4] == "2 of 25"


def test_a_full_session_says_how_many_seats_are_left(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(3), capacity=1)
    dialog = _enrol_dialog(qtbot, page)
    dialog.search.setText(_case_number(office, "CAN"))
    _refused(qtbot, dialog, "Only 1 seat is free")
    assert dialog.message.text() == (
        "Only 1 seat is free in this session, for 2 people to enrol. "
        "Choose another session or enrol fewer people."
    )
    dialog.reject()


def test_a_family_of_another_language_is_pointed_out(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(3), language="Dari")
    dialog = _enrol_dialog(qtbot, page)
    dialog.search.setText(_case_number(office, "DEU"))
    assert dialog.language_note.text() == (
        "The family's language is Pashto; this session is in Dari."
    )
    assert not dialog.language_note.isHidden()
    dialog.search.setText(_case_number(office, "CAN"))
    assert dialog.language_note.isHidden()
    dialog.reject()


def test_a_member_booked_elsewhere_is_named_by_relationship(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        first = _plan(service, office, _ahead(6))
        service.enrol_case(first, _case(office, "CAN"), adults_only=True)
        # the same morning in another place
        other = service.create_session(
            SessionInput(_ahead(6), time(11), 60, _place(office, "Hotel Rafaelo"), "Dari")
        )
    page.select_session(other)
    _settled(qtbot)
    dialog = _enrol_dialog(qtbot, page)
    dialog.search.setText(_case_number(office, "CAN"))
    _refused(qtbot, dialog, "is already booked for Pre-departure orientation")
    said = dialog.message.text()
    # named by relationship and case number, never by name (messages may reach logs)
    assert said.startswith(("The principal applicant of household", "The spouse of household"))
    assert "Tokhi" not in said
    dialog.reject()


def test_withdraw_a_person(qtbot, office, service, page, heard, monkeypatch):
    with _reloads(qtbot, heard):
        session_id = _plan(service, office, _ahead(3))
        service.enrol_case(session_id, _case(office, "CAN"))
    panel = page.panel
    assert panel.people_model.rowCount() == 3
    assert not panel.withdraw_button.isEnabled()
    panel.people_table.selectRow(2)
    assert panel.withdraw_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, q: asked.append(q) or True)
    with _reloads(qtbot, heard):
        panel.withdraw_button.click()
        assert not panel.withdraw_button.isEnabled()  # while it is on its way
    assert "Withdraw Malalai Tokhi" in asked[0]
    assert panel.message.text() == "Malalai Tokhi was withdrawn from the session."
    assert panel.people_model.rowCount() == 2


# -- attendance -----------------------------------------------------------------------------------


def test_record_attendance_after_the_session(qtbot, office, service, page, heard):
    session_id = _past_session_with_household(service, office)
    page.period.setCurrentIndex(page.period.findData("past"))
    _settled(qtbot)
    page.select_session(session_id)
    _settled(qtbot)
    dialog = page.panel.record_attendance()
    assert isinstance(dialog, AttendanceDialog)
    assert dialog.present.text() == "0 of 2 came"
    dialog.set_all(True)
    assert dialog.present.text() == "2 of 2 came"
    spouse = page.detail.enrolments[1].person_id
    dialog.set_came(spouse, False)
    _saved(qtbot, heard, dialog)
    panel = page.panel
    assert panel.message.text() == "Attendance recorded: 1 of 2 came."
    assert [_cells(panel.people_model, r)[4] for r in range(2)] == ["Came", "Did not come"]
    assert _cells(page.model, 0)[5] == "1 of 2"
    # who has attendance recorded is corrected, not withdrawn
    panel.people_table.selectRow(0)
    assert not panel.withdraw_button.isEnabled()


def test_attendance_before_the_start_shows_the_service_message(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        session_id = _plan(service, office, _ahead(2))
        service.enrol_case(session_id, _case(office, "DEU"))
    dialog = page.panel.record_attendance()
    assert dialog is not None
    dialog.set_all(True)
    _refused(qtbot, dialog, "Attendance can be recorded once the session has started")
    assert dialog.message.text().startswith(
        "Attendance can be recorded once the session has started"
    )
    dialog.reject()


def test_an_open_household_window_updates_after_attendance(qtbot, office, service, page, heard):
    session_id = _past_session_with_household(service, office)
    case_id = _case(office, "CAN")
    schedule = CaseSchedule(
        AppointmentService(office),
        service,
        ReadinessService(office),
        PlacesService(office),
        can_schedule=True,
        clock=office.clock,
    )
    view = open_case_view(office, case_id, schedule=schedule)
    qtbot.waitUntil(lambda: not view.loading() and view.case is not None, timeout=WAIT_MS)
    panel = view.schedule_panel
    assert panel is not None
    orientation_blockers = [b for b in panel.blockers() if "orientation" in b]
    assert len(orientation_blockers) == 2

    page.period.setCurrentIndex(page.period.findData("past"))
    _settled(qtbot)
    page.select_session(session_id)
    _settled(qtbot)
    dialog = page.panel.record_attendance()
    assert dialog is not None
    dialog.set_all(True)
    _saved(qtbot, heard, dialog)
    # the household window heard the same change notice
    qtbot.waitUntil(
        lambda: not view.loading() and not [b for b in panel.blockers() if "orientation" in b],
        timeout=WAIT_MS,
    )
    assert panel.orientation_summary.text().startswith("2 members enrolled, 2 attended.")


# -- cancelling, reading only, locking ----------------------------------------------------------


def test_cancel_a_session_with_a_reason(qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        _plan(service, office, _ahead(3))
    dialog = page.panel.cancel_session()
    assert isinstance(dialog, CancelSessionDialog)
    _ok(dialog).click()
    assert dialog.message.text() == "Choose why the session is cancelled."
    dialog.reason.setCurrentIndex(dialog.reason.findData("facilitator_unavailable"))
    _saved(qtbot, heard, dialog)
    assert page.model.rowCount() == 0
    assert "Session cancelled" in page.panel.message.text()


def test_viewers_see_but_cannot_change(qtbot, template_dir, tmp_path, office, service):
    _plan(service, office, _ahead(3))
    viewer = unlock_copy(template_dir, tmp_path, "vera")
    try:
        page = _page(qtbot, viewer, can_write=False)
        assert page.model.rowCount() == 1
        assert not page.read_only_note.isHidden()
        panel = page.panel
        for button in (
            page.new_button,
            panel.enrol_button,
            panel.withdraw_button,
            panel.attendance_button,
            panel.edit_button,
            panel.cancel_button,
        ):
            assert not button.isEnabled()
        assert page.new_session() is None
        page.close_for_lock()
        _settled(qtbot)
    finally:
        viewer.close()


def test_a_session_being_planned_survives_a_lock(qtbot, office, page):
    dialog = page.new_session()
    assert dialog is not None
    dialog.facilitator.setText("Wahid Noori")
    dialog.place.setCurrentIndex(dialog.place.findData(_place(office)))
    draft = page.draft()
    assert draft is not None
    page.close_for_lock()
    assert not dialog.isVisible()
    page.refresh()
    assert not operations.is_busy(page)  # a page closed for the lock reads nothing more
    again = _page(qtbot, office)
    again.restore_draft(draft)
    _settled(qtbot)
    reopened = [d for d in again.findChildren(SessionDialog) if d.isVisible()]
    assert len(reopened) == 1
    assert reopened[0].facilitator.text() == "Wahid Noori"
    assert reopened[0].place.currentData() == _place(office)
    reopened[0].reject()
    again.close_for_lock()


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, office, service, page, heard):
    with _reloads(qtbot, heard):
        session_id = _plan(service, office, _ahead(3))
        service.enrol_case(session_id, _case(office, "CAN"))
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.panel.people_model)
    assert to_local(page.detail.session.starts_at).hour == 10


def test_slips_for_the_enrolled_households_open_in_the_preview(
    qtbot, office, service, notices, heard, previews
):
    session_id = _plan(service, office, _ahead(3))
    page = _page(qtbot, office, notices, printing=PrintingService(office))
    slips = page.panel.slips_button
    assert slips.isVisibleTo(page)
    assert not slips.isEnabled()  # nobody enrolled yet
    with _reloads(qtbot, heard):
        service.enrol_case(session_id, _case(office, "CAN"))
    assert slips.isEnabled()
    slips.click()
    assert not slips.isEnabled()  # while the slips are made
    qtbot.waitUntil(lambda: bool(previews), timeout=WAIT_MS)
    (preview,) = previews
    assert preview.title == "Orientation slips"
    assert preview.suggested_name == f"orientation-slips-{_ahead(3):%Y-%m-%d}.pdf"
    assert preview.pdf.startswith(b"%PDF")
    preview.close()
    page.close_for_lock()


# -- change notices, newer requests, the office clock ---------------------------------------------


def test_an_enrolment_made_elsewhere_shows_and_the_choice_stays(
    qtbot, office, service, page, heard
):
    with _reloads(qtbot, heard):
        first = _plan(service, office, _ahead(3))
        second = _plan(service, office, _ahead(4))
    page.select_session(second)
    _settled(qtbot)
    # the household window (or another clerk's page) enrols the Tokhi adults
    with _reloads(qtbot, heard):
        service.enrol_case(second, _case(office, "CAN"), adults_only=True)
    assert page.selected_session() is not None and page.selected_session().id == second
    assert page.panel.people_model.rowCount() == 2
    assert [_cells(page.model, r)[4] for r in range(2)] == ["0 of 25", "2 of 25"]
    assert first != second


def test_a_session_chosen_later_wins_over_one_still_loading(
    qtbot, office, service, page, heard, monkeypatch
):
    with _reloads(qtbot, heard):
        shown = _plan(service, office, _ahead(2))
        slow = _plan(service, office, _ahead(3))
        chosen = _plan(service, office, _ahead(4))
    assert page.detail is not None and page.detail.session.id == shown
    orientation = page._orientation
    real = orientation.session_detail
    gate = threading.Event()
    asked: list[str] = []

    def session_detail(session_id: str):  # type: ignore[no-untyped-def]
        asked.append(session_id)
        if session_id == slow:
            gate.wait(WAIT_MS / 1000)
        return real(session_id)

    monkeypatch.setattr(orientation, "session_detail", session_detail)
    page.select_session(slow)
    page.select_session(chosen)
    qtbot.waitUntil(lambda: page.detail.session.id == chosen, timeout=WAIT_MS)  # type: ignore[union-attr]
    assert asked == [slow, chosen]
    gate.set()
    _settled(qtbot)
    assert page.detail.session.id == chosen  # the slow one's detail came last: dropped


def test_what_is_under_way_is_judged_on_the_office_clock(qtbot, office, service, notices):
    session_id = _plan(service, office, _ahead(3))
    service.enrol_case(session_id, _case(office, "CAN"), adults_only=True)
    starts = service.session_detail(session_id).session.starts_at
    clock = office.clock = FrozenClock(starts + timedelta(minutes=30))
    page = _page(qtbot, office, notices)
    assert _cells(page.model, 0)[5:] == ["0 of 2", "Under way"]
    assert page.panel.enrol_button.isEnabled()  # it has not ended yet
    dialog = page.panel.record_attendance()
    assert dialog is not None
    assert not any("has not started yet" in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()
    # two hours later on the office clock it is over: no longer among the upcoming ones
    clock.set(starts + timedelta(hours=2, minutes=30))
    page.refresh()
    _settled(qtbot)
    assert page.model.rowCount() == 0
    page.period.setCurrentIndex(page.period.findData("past"))
    _settled(qtbot)
    assert _cells(page.model, 0)[-1] == "Held"
    assert not page.panel.enrol_button.isEnabled()
    page.close_for_lock()
