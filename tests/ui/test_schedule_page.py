"""The Appointments page and its dialogs: agenda by day and week, the to-inform and
no-show lists, booking one or many, printing slips, read-only users; reloading from
change notices, newer reads winning, the office clock."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from reportlab.pdfgen import canvas

from desktop.services.changes import Change, Kind
from desktop.services.journey.readiness import ReadinessService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import FrozenClock, OfficeClock, day_bounds
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.lists import RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.ui.appointments.answers import NotificationDialog, OutcomeDialog
from desktop.ui.appointments.appointment_window import AppointmentDialog
from desktop.ui.appointments.booking import NewAppointmentDialog, RescheduleDialog
from desktop.ui.appointments.bulk_schedule import BulkScheduleDialog
from desktop.ui.appointments.case_schedule import CaseSchedule
from desktop.ui.appointments.models import DAY_COLUMNS, WEEK_COLUMNS
from desktop.ui.appointments.schedule_page import SchedulePage
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.printing import pdf_preview
from tests.builders import force_status
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from tests.ui.helpers import close_case_views, open_case_view

WAIT_MS = 10_000


@dataclass
class Desk:
    office: UnlockedOffice
    clinic: str
    embassy: str
    appointments: AppointmentService
    registration: RegistrationService

    def household(self, family: str, members: int = 2, status: str | None = None) -> str:
        case_id = self.registration.create_case(CaseInput(family_language="Dari"))
        self.registration.add_person(
            case_id,
            PersonInput(
                relationship="principal",
                given_name="Ahmad",
                family_name=family,
                sex="M",
                date_of_birth=date(1980, 1, 1),
            ),
        )
        for n in range(members - 1):
            self.registration.add_person(
                case_id,
                PersonInput(
                    relationship="daughter",
                    given_name=f"Laila{n}",
                    family_name=family,
                    sex="F",
                    date_of_birth=date(2012, 1, 1),
                ),
            )
        if status is not None:
            force_status(self.office, case_id, status, "ready for the next step")
        return case_id

    def book(
        self,
        case_id: str,
        day: date,
        at: time,
        *,
        place: str | None = None,
        kind: str = "medical_exam",
        minutes: int = 30,
        now: datetime | None = None,
        **extra: Any,
    ) -> str:
        data = AppointmentInput(
            case_id=case_id,
            kind=kind,
            day=day,
            start=at,
            duration_minutes=minutes,
            location_id=place or self.clinic,
            **extra,
        )
        return self.appointments.schedule(data, now=now)

    def no_show(self, family: str) -> str:
        """An appointment of a new household yesterday at 10:00 (booked the day before) that
        nobody came to."""
        yesterday = self.day(-1)
        earlier = day_bounds(yesterday)[0] - timedelta(hours=1)
        missed = self.book(self.household(family), yesterday, time(10, 0), now=earlier)
        self.appointments.record_attendance(missed, [])
        return missed

    def day(self, offset: int) -> date:
        """The office's date ``offset`` days from today (by the office's clock)."""
        return self.office.clock.today() + timedelta(days=offset)

    def members(self, case_id: str) -> list[tuple[str, str]]:
        detail = self.registration.case_detail(case_id)
        return [(m.id, f"{m.given_name} {m.family_name}") for m in detail.members]

    def page(self, qtbot: Any, can_write: bool = True) -> SchedulePage:
        return make_page(qtbot, self.office, can_write)


def make_page(
    qtbot: Any, office: UnlockedOffice, can_write: bool, clock: OfficeClock | None = None
) -> SchedulePage:
    """The page as the main window shows it: visible, hearing the office's change notices."""
    notices = ChangeNotices(office.changes)
    page = SchedulePage(
        AppointmentService(office),
        PlacesService(office),
        PrintingService(office),
        RegistryService(office),
        clock or office.clock,
        can_write,
        notices=notices,
    )
    notices.changed.connect(page.on_change)
    qtbot.addWidget(page, before_close_func=lambda _page: notices.close())
    page.resize(1200, 700)
    page.show()
    page.refresh()
    settle(qtbot, page)
    return page


def settle(qtbot: Any, page: SchedulePage) -> None:
    qtbot.waitUntil(lambda: not page.loading() and not operations.busy(), timeout=WAIT_MS)


def small_pdf() -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    sheet.drawString(72, 720, "Agenda")
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


@pytest.fixture
def desk(qtbot: Any, office: UnlockedOffice, data_dir: Path) -> Iterator[Desk]:
    """Two places (made by the admin) and a scheduling clerk signed in."""
    places = PlacesService(office)
    clinic = places.save(PlaceInput("IOM clinic", "clinic", "Rruga e Portit 4", capacity=2))
    embassy = places.save(
        PlaceInput("Embassy rooms", "embassy", "Tirana", capacity=3, slot_minutes=45)
    )
    accounts = AccountService(office)
    accounts.add_user("sched", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("viewer", frozenset({Role.VIEWER}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "sched", USER_PASSWORD)
    yield Desk(opened, clinic, embassy, AppointmentService(opened), RegistrationService(opened))
    # background work of the page ends before the office closes under it
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    opened.close()


@pytest.fixture
def confirm_answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Answers the confirm boxes give, in order (then no)."""
    answers: list[bool] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, question: answers.pop(0) if answers else False
    )
    return answers


def times(page: SchedulePage) -> list[str]:
    model = page.agenda.current_list().model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def column(page: SchedulePage, title: str) -> list[str]:
    model = page.agenda.current_list().model
    number = [c.title for c in model.columns].index(title)
    return [model.index(r, number).data() for r in range(model.rowCount())]


def click_ok(dialog: QDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]


# -- agenda ------------------------------------------------------------------------------------


def test_day_view_lists_the_day_in_time_order_and_filters_by_place_and_kind(
    qtbot, qtmodeltester, desk: Desk
) -> None:
    day = desk.day(3)
    a, b, c = desk.household("Karimi"), desk.household("Noori", 3), desk.household("Sadat")
    desk.book(a, day, time(11, 0))
    desk.book(b, day, time(9, 0), place=desk.embassy, kind="interview", interviewer="J. Moreau")
    desk.book(c, day, time(10, 0), kind="lab_xray")
    desk.book(c, day + timedelta(days=1), time(9, 30))  # another day: not shown

    page = desk.page(qtbot)
    page.agenda.go_to(day)
    settle(qtbot, page)
    assert times(page) == ["09:00", "10:00", "11:00"]
    assert column(page, "Principal") == ["Ahmad Noori", "Ahmad Sadat", "Ahmad Karimi"]
    assert column(page, "People") == ["3", "2", "2"]
    assert column(page, "Kind")[0] == "Immigration interview"
    assert column(page, "Place") == ["Embassy rooms", "IOM clinic", "IOM clinic"]
    assert column(page, "Status") == ["Scheduled"] * 3
    assert column(page, "Family told") == ["No"] * 3
    assert "interviewer J. Moreau" in column(page, "Detail")[0]
    assert page.agenda.count_label.text() == "3 appointments"
    assert page.agenda.range_label.text().startswith(f"{day:%A} {day.day} {day:%B %Y}")
    qtmodeltester.check(page.agenda.current_list().model)

    page.agenda.place_filter.setCurrentIndex(page.agenda.place_filter.findText("IOM clinic"))
    settle(qtbot, page)
    assert times(page) == ["10:00", "11:00"]
    page.agenda.kind_filter.setCurrentIndex(page.agenda.kind_filter.findData("lab_xray"))
    settle(qtbot, page)
    assert times(page) == ["10:00"]
    page.agenda.place_filter.setCurrentIndex(0)
    page.agenda.kind_filter.setCurrentIndex(page.agenda.kind_filter.findData("interview"))
    settle(qtbot, page)
    assert column(page, "Case number") == column(page, "Case number")[:1]
    assert times(page) == ["09:00"]

    # the next day, by the navigator
    page.agenda.kind_filter.setCurrentIndex(0)
    page.agenda.next_button.click()
    settle(qtbot, page)
    assert times(page) == ["09:30"]


def test_week_view_spans_monday_to_sunday(qtbot, desk: Desk) -> None:
    monday = desk.day(14) - timedelta(days=desk.day(14).weekday())
    case = desk.household("Rahimi")
    desk.book(case, monday, time(9, 0))
    desk.book(case, monday + timedelta(days=3), time(14, 0), place=desk.embassy)
    desk.book(case, monday + timedelta(days=6), time(16, 30))
    desk.book(case, monday + timedelta(days=7), time(9, 0))  # the next week
    desk.book(case, monday - timedelta(days=1), time(9, 0))  # the week before

    page = desk.page(qtbot)
    page.agenda.go_to(monday + timedelta(days=2))
    page.agenda.week_button.click()
    settle(qtbot, page)
    assert page.agenda.shown_days() == (monday, monday + timedelta(days=6))
    assert page.agenda.current_list().model.columns == WEEK_COLUMNS
    assert times(page) == [
        f"{monday:%a %d %b} 09:00",
        f"{monday + timedelta(days=3):%a %d %b} 14:00",
        f"{monday + timedelta(days=6):%a %d %b} 16:30",
    ]
    assert page.agenda.range_label.text().startswith("Week of")

    page.agenda.next_button.click()  # a week on
    settle(qtbot, page)
    assert times(page) == [f"{monday + timedelta(days=7):%a %d %b} 09:00"]

    page.agenda.day_button.click()
    settle(qtbot, page)
    assert page.agenda.current_list().model.columns == DAY_COLUMNS
    assert page.agenda.shown_days() == (monday + timedelta(days=9),) * 2


# -- telling families --------------------------------------------------------------------------


def test_to_inform_lists_an_untold_appointment_and_drops_it_once_told(
    qtbot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    karimi = desk.household("Karimi")
    soon = desk.book(karimi, desk.day(1), time(10, 0))
    desk.book(desk.household("Noori"), desk.day(6), time(10, 0))  # not yet due

    page = desk.page(qtbot)
    heard: list[Change] = []
    desk.office.changes.subscribe(heard.append)
    assert page.tabs.tabText(1) == "To inform (1)"
    assert [a.id for a in page.inform.list.rows()] == [soon]
    assert not page.inform.notify_button.isEnabled()  # nothing selected yet

    page.tabs.setCurrentIndex(1)
    page.inform.list.select([soon])
    assert page.inform.notify_button.isEnabled()
    dialog = page.record_notification()
    assert isinstance(dialog, NotificationDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # how they were told must be chosen
    dialog.choose("focal_point")
    qtbot.keyClicks(dialog.note, "told block C focal point")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        click_ok(dialog)
    # nobody reloads the page: the write's change notice does
    qtbot.waitUntil(lambda: page.inform.list.rows() == [], timeout=WAIT_MS)
    assert page.tabs.tabText(1) == "To inform"
    assert page.inform.empty.isVisibleTo(page)
    # open household windows hear of it through the change notices
    assert any(c.touches(Kind.APPOINTMENT) and c.touches_case(karimi) for c in heard)
    told = desk.appointments.get(soon)
    assert told.status == "notified"
    assert [(n.method, n.note) for n in told.notifications] == [
        ("focal_point", "told block C focal point")
    ]


def test_printing_slips_marks_families_told_only_after_output(
    qtbot, desk: Desk, previews: list[Any]
) -> None:
    day = desk.day(1)
    first = desk.book(desk.household("Karimi"), day, time(9, 0))
    second = desk.book(desk.household("Noori"), day, time(9, 30))
    page = desk.page(qtbot)
    page.tabs.setCurrentIndex(1)
    assert page.inform.slips_button.text() == "Print slips (all 2)…"

    page.inform.slips_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT_MS)
    preview = previews[0]
    assert preview.pdf.startswith(b"%PDF")  # the real slips of reports/
    assert preview.suggested_name == f"slips-{day.isoformat()}.pdf"
    assert preview.title == "Appointment slips (2)"
    settle(qtbot, page)
    # shown is not printed: nobody is told yet
    assert {desk.appointments.get(i).status for i in (first, second)} == {"scheduled"}

    preview.on_output("printed")
    preview.on_output("saved")  # printed and saved: still told once
    qtbot.waitUntil(lambda: page.inform.list.rows() == [], timeout=WAIT_MS)
    settle(qtbot, page)
    for appointment_id in (first, second):
        told = desk.appointments.get(appointment_id)
        assert told.status == "notified"
        assert [n.method for n in told.notifications] == ["printed_slip"]
    assert page.inform.list.rows() == []
    assert "2 families recorded as told" in page.message.text()
    assert column(page, "Status") == []  # the agenda shows today; nothing today


def test_agenda_slips_through_the_real_preview_saved_to_a_file(
    qtbot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = desk.day(2)
    chosen = desk.book(desk.household("Karimi"), day, time(9, 0))
    other = desk.book(desk.household("Noori"), day, time(10, 0))
    target = tmp_path / "slips.pdf"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: target)
    page = desk.page(qtbot)
    page.agenda.go_to(day)
    settle(qtbot, page)
    page.agenda.current_list().select([chosen])
    assert page.agenda.slips_button.text() == "Print slips (1 selected)…"

    page.agenda.slips_button.click()
    qtbot.waitUntil(lambda: bool(page.findChildren(pdf_preview.PdfPreviewDialog)), timeout=WAIT_MS)
    preview = page.findChildren(pdf_preview.PdfPreviewDialog)[0]
    assert preview.error is None
    preview.save_as_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: column(page, "Status") == ["Notified", "Scheduled"], timeout=WAIT_MS)
    settle(qtbot, page)
    assert desk.appointments.get(chosen).status == "notified"
    assert desk.appointments.get(other).status == "scheduled"
    assert column(page, "Status") == ["Notified", "Scheduled"]
    assert column(page, "Family told")[0].startswith("Slip · ")
    preview.reject()


def test_print_agenda_of_the_day_shown(
    qtbot, desk: Desk, previews: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[date, str | None]] = []
    real = PrintingService.agenda_pdf

    def agenda_pdf(self: PrintingService, day: date, location_id: str | None = None) -> bytes:
        asked.append((day, location_id))
        return real(self, day, location_id)  # the real agenda of reports/

    monkeypatch.setattr(PrintingService, "agenda_pdf", agenda_pdf)
    day = desk.day(4)
    desk.book(desk.household("Karimi"), day, time(9, 0))
    page = desk.page(qtbot)
    page.agenda.go_to(day)
    page.agenda.place_filter.setCurrentIndex(page.agenda.place_filter.findText("IOM clinic"))
    settle(qtbot, page)
    page.agenda.print_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT_MS)
    assert asked == [(day, desk.clinic)]
    assert previews[0].suggested_name == f"agenda-{day.isoformat()}.pdf"
    assert previews[0].on_output is None  # an agenda tells nobody anything
    assert previews[0].pdf.startswith(b"%PDF")
    assert "IOM clinic" in previews[0].title
    # the preview makes the agenda again when the appointments on it change
    source = previews[0].source
    assert source is not None and Kind.APPOINTMENT in source.kinds
    assert source.rebuild().startswith(b"%PDF")
    settle(qtbot, page)


# -- no-shows ----------------------------------------------------------------------------------


def test_no_show_is_listed_and_rescheduling_it_links_the_chain(qtbot, desk: Desk) -> None:
    missed = desk.no_show("Karimi")

    page = desk.page(qtbot)
    assert page.tabs.tabText(2) == "No-show follow-up (1)"
    assert [a.id for a in page.no_shows.list.rows()] == [missed]
    page.tabs.setCurrentIndex(2)
    page.no_shows.list.select([missed])
    dialog = page.reschedule_no_show()
    assert isinstance(dialog, RescheduleDialog)
    qtbot.waitUntil(lambda: dialog.place.isEnabled(), timeout=WAIT_MS)
    new_day = desk.day(2)
    dialog.day.setDate(QDate(new_day.year, new_day.month, new_day.day))
    dialog.start.setTime(QTime(11, 0))
    qtbot.keyClicks(dialog.reason, "child was ill")
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=WAIT_MS)
    assert dialog.conflicts.text().startswith("✓")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        click_ok(dialog)
    qtbot.waitUntil(lambda: page.no_shows.list.rows() == [], timeout=WAIT_MS)
    assert page.tabs.tabText(2) == "No-show follow-up"
    assert "new date" in page.message.text()
    chain = desk.appointments.chain(missed)
    assert chain[0].id == missed
    assert len(chain) == 2
    assert chain[0].status == "no_show"
    assert chain[0].status_reason == "child was ill"
    assert chain[1].local_start.date() == new_day
    assert chain[1].local_start.strftime("%H:%M") == "11:00"


def test_close_follow_up_needs_a_reason(qtbot, desk: Desk) -> None:
    missed = desk.no_show("Karimi")
    page = desk.page(qtbot)
    page.no_shows.list.select([missed])
    dialog = page.close_follow_up()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "household withdrew")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        ok.click()
    qtbot.waitUntil(lambda: page.no_shows.list.rows() == [], timeout=WAIT_MS)
    assert desk.appointments.get(missed).follow_up_done


# -- one appointment ---------------------------------------------------------------------------


def test_appointment_dialog_records_a_no_show_only_when_confirmed(
    qtbot, desk: Desk, confirm_answers: list[bool]
) -> None:
    today = desk.day(0)
    earlier = day_bounds(today)[0] - timedelta(hours=1)
    case = desk.household("Karimi", members=3)
    appointment = desk.book(case, today, time(8, 0), now=earlier)
    page = desk.page(qtbot)
    page.agenda.go_to(today)
    settle(qtbot, page)
    assert times(page) == ["08:00"]
    shown = page.agenda.current_list()
    shown.table.activated.emit(shown.model.index(0, 0))  # Enter on the row
    dialog = page.findChild(AppointmentDialog)
    assert isinstance(dialog, AppointmentDialog)
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    assert len(dialog.people.boxes) == 3
    assert dialog.people.button.isEnabled()
    assert dialog.fact_labels["place"].text() == "IOM clinic"

    confirm_answers.append(False)  # nobody ticked: "no-show?" - no
    dialog.people.button.click()
    assert desk.appointments.get(appointment).status == "scheduled"
    confirm_answers.append(True)
    dialog.people.button.click()
    # the window and the page show it once the write's change notice reaches them
    qtbot.waitUntil(lambda: dialog.status_label.text() == "No-show", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "No-show follow-up (1)", timeout=WAIT_MS)
    settle(qtbot, page)
    assert desk.appointments.get(appointment).status == "no_show"

    # two of three came after all
    boxes = list(dialog.people.boxes.values())
    boxes[0].setChecked(True)
    boxes[2].setChecked(True)
    dialog.people.button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Attended", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "No-show follow-up", timeout=WAIT_MS)
    settle(qtbot, page)
    came = desk.appointments.get(appointment)
    assert came.status == "attended"
    assert [p.attended for p in came.attendees] == [True, False, True]
    assert dialog.message.text() == "Attendance recorded: 2 of 3 came."
    dialog.reject()


def test_interview_outcome_and_the_chain_in_the_dialog(qtbot, desk: Desk) -> None:
    today = desk.day(0)
    earlier = day_bounds(today)[0] - timedelta(hours=1)
    case = desk.household("Noori")
    first = desk.book(case, today, time(7, 0), kind="interview", now=earlier)
    desk.appointments.reschedule(first, today, time(8, 0), "embassy late", now=earlier)
    moved = desk.appointments.chain(first)[1].id
    desk.appointments.record_attendance(moved, [m for m, _ in desk.members(case)])
    page = desk.page(qtbot)
    dialog = page.open_appointment(moved)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    assert dialog.chain_box.isVisibleTo(dialog)
    assert dialog.chain_model.rowCount() == 2
    assert dialog.chain_model.index(1, 0).data() == "▶"
    assert dialog.chain_model.index(0, 4).data() == "embassy late"
    assert dialog.fact_labels["outcome"].text() == "Not recorded yet"

    outcome = dialog.record_outcome()
    assert isinstance(outcome, OutcomeDialog)
    outcome.outcomes["recommended"].setChecked(True)
    with qtbot.waitSignal(outcome.finished, timeout=WAIT_MS):
        click_ok(outcome)
    qtbot.waitUntil(lambda: dialog.fact_labels["outcome"].text() == "Recommended", timeout=WAIT_MS)
    assert desk.registration.case_detail(case).status == "interviewed"

    # the earlier date, from the chain
    dialog._show_in_chain(0)
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    assert dialog.appointment is not None and dialog.appointment.id == first
    assert dialog.status_label.text() == "Rescheduled"
    assert not dialog.reschedule_button.isEnabled()
    dialog.reject()
    settle(qtbot, page)


def test_reschedule_and_cancel_from_the_appointment_dialog(qtbot, desk: Desk) -> None:
    day = desk.day(3)
    first = desk.book(desk.household("Hakimi"), day, time(10, 0))
    page = desk.page(qtbot)
    dialog = page.open_appointment(first)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    assert not dialog.chain_box.isVisibleTo(dialog)
    assert not dialog.people.button.isEnabled()  # not the day yet
    assert not dialog.outcome_button.isVisibleTo(dialog)  # not an interview

    move = dialog.reschedule()
    assert move is not None
    qtbot.waitUntil(lambda: move.place.isEnabled(), timeout=WAIT_MS)
    assert move.day.date() == QDate(day.year, day.month, day.day)
    move.start.setTime(QTime(11, 30))
    qtbot.keyClicks(move.reason, "the family asked")
    qtbot.waitUntil(lambda: not move.checking(), timeout=WAIT_MS)
    with qtbot.waitSignal(move.finished, timeout=WAIT_MS):
        click_ok(move)
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    assert dialog.appointment_id != first  # the new date is shown
    assert dialog.chain_box.isVisibleTo(dialog)
    assert dialog.chain_model.rowCount() == 2
    assert "11:30" in dialog.fact_labels["when"].text()
    assert desk.appointments.get(first).status == "rescheduled"

    cancel = dialog.cancel_appointment()
    assert cancel is not None
    qtbot.keyClicks(cancel.reason, "embassy closed")
    with qtbot.waitSignal(cancel.finished, timeout=WAIT_MS):
        click_ok(cancel)
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Cancelled", timeout=WAIT_MS)
    assert dialog.fact_labels["reason"].text() == "embassy closed"
    assert not any(b.isEnabled() for b in dialog.write_buttons())
    dialog.reject()
    settle(qtbot, page)


# -- booking -----------------------------------------------------------------------------------


def test_new_appointment_shows_a_clash_inline_and_stays_open(qtbot, desk: Desk) -> None:
    day = desk.day(2)
    case = desk.household("Karimi", members=3)
    desk.book(case, day, time(10, 0), place=desk.embassy, kind="interview")
    dialog = NewAppointmentDialog(
        None,
        desk.appointments,
        PlacesService(desk.office),
        desk.office.clock,
        case,
        desk.members(case),
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.place.isEnabled(), timeout=WAIT_MS)
    assert dialog.interview.isVisibleTo(dialog)  # an interview by default
    dialog.kind.setCurrentIndex(dialog.kind.findData("medical_exam"))
    assert not dialog.interview.isVisibleTo(dialog)
    assert all(box.isChecked() for box in dialog.attendees.values())
    dialog.place.setCurrentIndex(dialog.place.findText("IOM clinic"))
    assert dialog.minutes.value() == 30  # the clinic's slot
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.start.setTime(QTime(10, 15))
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=WAIT_MS)
    assert dialog.conflicts.isVisibleTo(dialog)
    assert "3 members of SHG-" in dialog.conflicts.text()
    assert "already have immigration interview at 10:00" in dialog.conflicts.text()
    qtbot.keyClicks(dialog.note, "wheelchair at the entrance")

    click_ok(dialog)  # saving anyway: the service refuses, the dialog stays
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not saved"), timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.note.toPlainText() == "wheelchair at the entrance"

    dialog.start.setTime(QTime(14, 0))
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=WAIT_MS)
    assert dialog.conflicts.text().startswith("✓")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        click_ok(dialog)
    assert dialog.appointment_id is not None
    booked = desk.appointments.get(dialog.appointment_id)
    assert booked.local_start.strftime("%H:%M") == "14:00"
    assert booked.kind == "medical_exam"
    assert booked.note == "wheelchair at the entrance"
    assert len(booked.attendees) == 3


def test_new_appointment_for_some_members_with_interview_fields(qtbot, desk: Desk) -> None:
    case = desk.household("Sadat", members=3)
    members = desk.members(case)
    dialog = NewAppointmentDialog(
        None,
        desk.appointments,
        PlacesService(desk.office),
        desk.office.clock,
        case,
        members,
        day=desk.day(5),
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.place.isEnabled(), timeout=WAIT_MS)
    dialog.place.setCurrentIndex(dialog.place.findText("Embassy rooms"))
    assert dialog.minutes.value() == 45
    for box in dialog.attendees.values():
        box.setChecked(False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.error_text("attendees") == "Tick at least one person who must come."
    dialog.attendees[members[0][0]].setChecked(True)
    qtbot.keyClicks(dialog.agency, "Embassy of Canada")
    qtbot.keyClicks(dialog.interviewer, "J. Moreau")
    dialog.interpreter.setCurrentIndex(dialog.interpreter.findData("Dari"))
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        ok.click()
    booked = desk.appointments.get(str(dialog.appointment_id))
    assert [p.person_id for p in booked.attendees] == [members[0][0]]
    assert (booked.agency, booked.interviewer, booked.interpreter_language) == (
        "Embassy of Canada",
        "J. Moreau",
        "Dari",
    )
    assert booked.duration_minutes == 45


def test_bulk_dialog_proposes_then_books(qtbot, desk: Desk) -> None:
    day = desk.day(5)
    cases = [desk.household(f"Family{n}", status="accepted") for n in range(5)]
    desk.household("Waiting")  # registered: filtered out below
    numbers = [desk.registration.case_detail(c).case_number for c in cases]
    page = desk.page(qtbot)
    dialog = page.schedule_many()
    assert isinstance(dialog, BulkScheduleDialog)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.place.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.households.status_filter.count() > 1, timeout=WAIT_MS)
    dialog.households.status_filter.setCurrentIndex(
        dialog.households.status_filter.findData("accepted")
    )
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.households.shown_case_numbers() == numbers
    assert not dialog.propose_button.isEnabled()  # nobody ticked
    qtbot.keyClicks(dialog.households.case_filter, numbers[4][-3:])
    assert dialog.households.shown_case_numbers() == [numbers[4]]
    dialog.households.case_filter.clear()
    dialog.households.tick(numbers)
    assert dialog.households.chosen_label.text() == "5 households ticked"
    dialog.kind.setCurrentIndex(dialog.kind.findData("medical_exam"))
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.place.setCurrentIndex(dialog.place.findText("IOM clinic"))
    dialog.first.setTime(QTime(9, 0))
    dialog.last.setTime(QTime(10, 0))
    assert dialog.slot.value() == 30
    dialog.propose_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.plan is not None
    model = dialog.proposals_model
    # room for two at a time: two at 09:00, two at 09:30, and no room for the fifth
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "09:00–09:30",
        "09:00–09:30",
        "09:30–10:00",
        "09:30–10:00",
    ]
    assert dialog.unplaced_title.text() == "Did not fit (1)"
    assert dialog.unplaced.item(0).text() == f"{numbers[4]}: no free time left that day"
    assert dialog.book_button.text() == "Book these 4 appointments"

    dialog.last.setTime(QTime(11, 0))  # a change: the proposal must be made again
    assert dialog.plan is None
    assert not dialog.book_button.isEnabled()
    dialog.last.setTime(QTime(10, 0))
    dialog.propose_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.book_button.click()
    settle(qtbot, page)
    assert page.agenda.shown_days() == (day, day)
    assert times(page) == ["09:00", "09:00", "09:30", "09:30"]
    assert "Booked 4 appointments" in page.message.text()
    assert "1 household did not fit" in page.message.text()


def test_bulk_booking_refused_when_someone_booked_meanwhile(qtbot, desk: Desk) -> None:
    day = desk.day(6)
    cases = [desk.household(f"Family{n}") for n in range(2)]
    numbers = [desk.registration.case_detail(c).case_number for c in cases]
    dialog = BulkScheduleDialog(
        None,
        desk.appointments,
        PlacesService(desk.office),
        RegistryService(desk.office),
        desk.office.clock,
        day=day,
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.place.isEnabled(), timeout=WAIT_MS)
    dialog.households.tick(numbers)
    dialog.place.setCurrentIndex(dialog.place.findText("IOM clinic"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("counselling"))
    dialog.propose_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.proposals_model.rowCount() == 2

    # a colleague books the first household at its proposed time
    desk.book(cases[0], day, time(9, 0), place=desk.embassy)
    dialog.book_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Nothing was booked")
    assert not dialog.book_button.isEnabled()
    assert desk.appointments.agenda(day, location_id=desk.clinic) == []

    dialog.propose_button.click()  # again: the first household now comes later
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.book_button.click()
    assert len(dialog.booked_ids) == 2


# -- who may do what ---------------------------------------------------------------------------


def test_read_only_page_shows_lists_and_prints_the_agenda_but_changes_nothing(
    qtbot, desk: Desk, data_dir: Path, previews: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PrintingService, "agenda_pdf", lambda self, day, place=None: small_pdf())
    appointment = desk.book(desk.household("Karimi"), desk.day(1), time(10, 0))
    viewer = auth.unlock(data_dir, "viewer", USER_PASSWORD)
    try:
        page = make_page(qtbot, viewer, can_write=False)
        assert [a.id for a in page.inform.list.rows()] == [appointment]
        for button in page.write_buttons():
            assert not button.isVisibleTo(page), button.objectName()
        assert page.agenda.print_button.isVisibleTo(page)
        assert page.schedule_many() is None
        page.inform.list.select([appointment])
        assert page.record_notification() is None

        dialog = page.open_appointment(appointment)
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
        for button in dialog.write_buttons():
            assert not button.isVisibleTo(dialog), button.objectName()
        assert dialog.read_only_note.isVisibleTo(dialog)
        dialog.reject()

        page.agenda.print_button.click()
        qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT_MS)
        settle(qtbot, page)
    finally:
        qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
        viewer.close()


def test_locking_closes_the_dialogs_and_empties_the_lists(qtbot, desk: Desk) -> None:
    appointment = desk.book(desk.household("Karimi"), desk.day(1), time(10, 0))
    page = desk.page(qtbot)
    dialog = page.open_appointment(appointment)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading(), timeout=WAIT_MS)
    page.close_for_lock()
    assert not dialog.isVisible()
    assert page.inform.list.rows() == []
    assert page.open_appointment(appointment) is None


def test_office_time_is_shown_whatever_the_laptop_clock(qtbot, desk: Desk) -> None:
    day = desk.day(3)
    desk.book(desk.household("Karimi"), day, time(9, 15))
    page = desk.page(qtbot)
    page.agenda.go_to(day)
    settle(qtbot, page)
    record = page.agenda.current_list().rows()[0]
    assert record.starts_at.tzinfo is UTC or record.starts_at.utcoffset() == timedelta(0)
    assert times(page) == ["09:15"]


# -- change notices, newer reads, the office clock ---------------------------------------------


def test_the_page_shows_what_is_booked_elsewhere_and_keeps_the_selection(qtbot, desk: Desk) -> None:
    day = desk.day(1)
    first = desk.book(desk.household("Karimi"), day, time(9, 0))
    page = desk.page(qtbot)
    page.agenda.go_to(day)
    settle(qtbot, page)
    page.agenda.current_list().select([first])
    assert [a.id for a in page.inform.list.rows()] == [first]

    # booked from a household window (another service over the same office): nobody
    # tells the page, the change notice does
    second = desk.book(desk.household("Noori"), day, time(8, 0))
    qtbot.waitUntil(lambda: times(page) == ["08:00", "09:00"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "To inform (2)", timeout=WAIT_MS)
    assert {a.id for a in page.inform.list.rows()} == {first, second}
    # the row chosen before is still the one chosen, though it moved down
    assert [a.id for a in page.agenda.current_list().selected()] == [first]

    settle(qtbot, page)


def test_a_new_place_shows_in_the_filter(qtbot, desk: Desk, data_dir: Path) -> None:
    page = desk.page(qtbot)
    admin = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    try:
        PlacesService(admin).save(PlaceInput("Training hall", "office", "Shëngjin"))
    finally:
        admin.close()
    assert page.agenda.place_filter.findText("Training hall") < 0
    page.on_change(Change(frozenset({Kind.PLACE})))  # what the settings page's save announces
    qtbot.waitUntil(lambda: page.agenda.place_filter.findText("Training hall") > 0, timeout=WAIT_MS)
    settle(qtbot, page)


def test_a_hidden_page_reads_nothing_until_it_is_shown(qtbot, desk: Desk) -> None:
    day = desk.day(1)
    page = desk.page(qtbot)
    page.agenda.go_to(day)
    settle(qtbot, page)
    page.hide()
    spy = ChangeNotices(desk.office.changes)  # hears after the page's own notices
    try:
        with qtbot.waitSignal(spy.changed, timeout=WAIT_MS):
            desk.book(desk.household("Karimi"), day, time(9, 0))
    finally:
        spy.close()
    assert not page.loading()
    assert times(page) == []
    page.show()
    page.refresh()  # as the main window does when the page is chosen
    settle(qtbot, page)
    assert times(page) == ["09:00"]


def test_a_newer_agenda_wins_over_a_slower_older_one(
    qtbot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_day, wanted_day = desk.day(2), desk.day(3)
    desk.book(desk.household("Karimi"), slow_day, time(9, 0))
    desk.book(desk.household("Noori"), wanted_day, time(11, 0))
    page = desk.page(qtbot)
    gate = threading.Event()
    real = AppointmentService.agenda

    def agenda(self: AppointmentService, first: date, *args: Any, **kwargs: Any) -> Any:
        if first == slow_day:
            gate.wait(WAIT_MS / 1000)  # the older read answers last
        return real(self, first, *args, **kwargs)

    monkeypatch.setattr(AppointmentService, "agenda", agenda)
    page.agenda.go_to(slow_day)
    page.agenda.go_to(wanted_day)
    qtbot.waitUntil(lambda: times(page) == ["11:00"], timeout=WAIT_MS)
    gate.set()
    settle(qtbot, page)
    assert times(page) == ["11:00"]  # the late answer for the other day was dropped
    assert page.agenda.count_label.text() == "1 appointment"


def test_the_appointment_window_shows_a_change_made_elsewhere(qtbot, desk: Desk) -> None:
    appointment = desk.book(desk.household("Karimi"), desk.day(2), time(10, 0))
    page = desk.page(qtbot)
    dialog = page.open_appointment(appointment)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Scheduled", timeout=WAIT_MS)
    desk.appointments.cancel(appointment, "the embassy closed")  # from a household window
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Cancelled", timeout=WAIT_MS)
    assert dialog.fact_labels["reason"].text() == "the embassy closed"
    assert not dialog.cancel_button.isEnabled()
    dialog.reject()
    settle(qtbot, page)


def test_a_reload_keeps_the_ticks_not_saved_yet(qtbot, desk: Desk) -> None:
    today = desk.day(0)
    earlier = day_bounds(today)[0] - timedelta(hours=1)
    appointment = desk.book(desk.household("Karimi", members=3), today, time(8, 0), now=earlier)
    page = desk.page(qtbot)
    dialog = page.open_appointment(appointment)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Scheduled", timeout=WAIT_MS)
    list(dialog.people.boxes.values())[1].setChecked(True)  # the clerk is ticking
    desk.appointments.record_notification([appointment], "phone_call")  # meanwhile, elsewhere
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Notified", timeout=WAIT_MS)
    assert [b.isChecked() for b in dialog.people.boxes.values()] == [False, True, False]
    dialog.reject()
    settle(qtbot, page)


def test_the_appointment_window_of_a_household_reloads_with_it(qtbot, desk: Desk) -> None:
    case = desk.household("Karimi")
    appointment = desk.book(case, desk.day(2), time(10, 0))
    office = desk.office
    schedule = CaseSchedule(
        desk.appointments,
        OrientationService(office),
        ReadinessService(office),
        PlacesService(office),
        can_schedule=True,
        clock=office.clock,
    )
    try:
        view = open_case_view(office, case, schedule=schedule)
        panel = view.schedule_panel
        assert panel is not None
        qtbot.waitUntil(lambda: panel.appointments_model.rowCount() == 1, timeout=WAIT_MS)
        panel.appointments_table.selectRow(0)
        dialog = panel.open_appointment()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.status_label.text() == "Scheduled", timeout=WAIT_MS)
        desk.appointments.record_notification([appointment], "phone_call")  # the page did
        qtbot.waitUntil(lambda: dialog.status_label.text() == "Notified", timeout=WAIT_MS)
        assert dialog.notifications_model.rowCount() == 1
        dialog.reject()
    finally:
        close_case_views()


def test_today_is_the_office_clocks_day(qtbot, desk: Desk) -> None:
    clock = FrozenClock(datetime(2026, 3, 31, 6, 30, tzinfo=UTC))  # 08:30 in Tirana
    page = make_page(qtbot, desk.office, True, clock)
    assert page.agenda.shown_days() == (date(2026, 3, 31), date(2026, 3, 31))
    assert page.agenda.range_label.text() == "Tuesday 31 March 2026 (today)"
    page.agenda.next_button.click()
    assert page.agenda.range_label.text() == "Wednesday 1 April 2026 (tomorrow)"
    clock.set(datetime(2026, 4, 1, 5, 0, tzinfo=UTC))  # the next morning
    page.agenda.today_button.click()
    assert page.agenda.range_label.text() == "Wednesday 1 April 2026 (today)"
    settle(qtbot, page)
