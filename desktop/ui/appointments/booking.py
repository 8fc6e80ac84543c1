"""Booking one appointment for a household, and moving one to a new date.

Both are ``WhenForm``s: the time is checked against other bookings as the clerk changes
it, OK runs the service call off the GUI thread, and when the time clashes or a value is
refused the dialog stays open with the reason and nothing typed is lost. Times are typed
and shown in office time (Europe/Tirane).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.schedule.appointment_types import AppointmentInput, AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlacesService
from desktop.ui.appointments.fields import interpreter_box, kind_box
from desktop.ui.appointments.models import day_and_clock, kind_title
from desktop.ui.appointments.when_form import WhenForm
from desktop.ui.kit.dates import from_qdate, from_qtime, to_qdate
from desktop.ui.kit.forms import add_checked_rows, select_data
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.widgets import SPACING, muted

NOTE_LABEL = tr_noop("Note (summary only; medical results belong in medical records)")


class NewAppointmentDialog(WhenForm):
    """Book one appointment for one household.

    ``members`` are the household's people as ``(person_id, name)``; all are ticked to
    come. The length starts at the place's slot length. OK books the appointment with
    ``appointments.schedule``. Once the dialog is accepted, ``appointment_id`` is the new
    appointment's id (the change notice tells the windows that show it)::

        dialog = NewAppointmentDialog(window, appointments, places, clock, case_id, members)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        clock: OfficeClock,
        case_id: str,
        members: Sequence[tuple[str, str]],
        *,
        day: date | None = None,
        kind: str = "interview",
    ) -> None:
        super().__init__(
            parent,
            tr("New appointment"),
            appointments,
            places,
            clock,
            day=day or clock.today() + timedelta(days=1),
            start=time(9, 0),
            minutes=None,
            place_id=None,
        )
        self.setObjectName("newAppointmentDialog")
        self.setMinimumWidth(560)
        self.case_id = case_id
        self.appointment_id: str | None = None

        self.kind = kind_box(self, "appointmentKind")
        self.kind.setAccessibleName(tr("Kind of appointment"))
        select_data(self.kind, kind)
        people = self._build_attendees(members)
        self._build_interview()
        self._build_note()
        self._lay_out(people)

        self.connect_when()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box in self.attendees.values():
            box.toggled.connect(lambda _c: self.changed_when("attendees"))
        self.interviewer.textChanged.connect(lambda _t: self.schedule_check())
        self._kind_changed()
        self.submit(appointments.schedule)
        self.revalidate()

    def _build_attendees(self, members: Sequence[tuple[str, str]]) -> QWidget:
        people = QWidget(self)
        grid = QGridLayout(people)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        self.attendees: dict[str, QCheckBox] = {}
        columns = 2 if len(members) > 5 else 1
        for number, (person_id, name) in enumerate(members):
            box = QCheckBox(name or tr("(no name yet)"), people)
            box.setObjectName(f"attendee_{number}")
            box.setChecked(True)
            grid.addWidget(box, number // columns, number % columns)
            self.attendees[person_id] = box
        return people

    def _build_interview(self) -> None:
        self.interview = QGroupBox(tr("Interview"), self)
        self.interview.setObjectName("interviewFields")
        inner = QFormLayout(self.interview)
        self.agency = QLineEdit(self.interview)
        self.agency.setObjectName("agency")
        self.agency.setPlaceholderText(tr("e.g. Embassy of Canada, USCIS, UNHCR"))
        self.interviewer = QLineEdit(self.interview)
        self.interviewer.setObjectName("interviewer")
        self.interviewer.setPlaceholderText(tr("name as the agency gave it"))
        self.interpreter = interpreter_box(self.interview, "interpreterLanguage")
        inner.addRow(tr("A&gency"), self.agency)
        inner.addRow(tr("Inter&viewer"), self.interviewer)
        inner.addRow(tr("Interp&reter"), self.interpreter)

    def _build_note(self) -> None:
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("appointmentNote")
        self.note.setAccessibleName(tr(NOTE_LABEL))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            tr("e.g. wheelchair at the entrance; bring the lab results form")
        )
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)

    def _lay_out(self, people: QWidget) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(add_checked_rows(self, form, [("kind", tr("&Kind"), self.kind)]))
        self._errors.update(add_checked_rows(self, form, self.when_rows()))
        form.addRow("", self.conflicts)
        self._errors.update(add_checked_rows(self, form, [("attendees", tr("Who comes"), people)]))
        self.body.addLayout(form)
        self.body.addWidget(self.interview)
        note_label = QLabel(tr(NOTE_LABEL), self)
        note_label.setBuddy(self.note)
        self.body.addWidget(note_label)
        self.body.addWidget(self.note)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Book appointment"))

    def _kind_changed(self, _index: int = 0) -> None:
        self.interview.setVisible(self.current_kind() == "interview")
        self.schedule_check()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def chosen_attendees(self) -> tuple[str, ...]:
        return tuple(pid for pid, box in self.attendees.items() if box.isChecked())

    def problems(self) -> dict[str, str]:
        problems = self.when_problems()
        if self.attendees and not self.chosen_attendees():
            problems["attendees"] = tr("Tick at least one person who must come.")
        return problems

    def value(self) -> AppointmentInput:
        place = self.place_record()
        interview = self.current_kind() == "interview"
        return AppointmentInput(
            case_id=self.case_id,
            kind=self.current_kind(),
            day=from_qdate(self.day.date()),
            start=from_qtime(self.start.time()),
            duration_minutes=self.minutes.value(),
            location_id=place.id if place else "",
            attendee_ids=self.chosen_attendees(),
            agency=self.agency.text() if interview else "",
            interviewer=self.interviewer.text() if interview else "",
            interpreter_language=str(self.interpreter.currentData()) if interview else "",
            note=self.note.toPlainText(),
        )

    def check_input(self) -> tuple[AppointmentInput, tuple[str, ...]] | None:
        if self.place_record() is None or (self.attendees and not self.chosen_attendees()):
            return None
        return self.value(), ()

    def _done(self, result: Any) -> None:
        self.appointment_id = str(result)
        super()._done(result)


@dataclass(frozen=True)
class Move:
    """Where an appointment moves to, and why (kept in its history)."""

    day: date
    start: time
    minutes: int
    location_id: str
    reason: str


class RescheduleDialog(WhenForm):
    """Give an appointment a new date. The old one stays, pointing to the new one.

    ``new_id`` holds the new appointment once the dialog is accepted.
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        clock: OfficeClock,
        appointment: AppointmentRecord,
    ) -> None:
        local = to_local(appointment.starts_at)
        today = clock.today()
        super().__init__(
            parent,
            tr("Reschedule"),
            appointments,
            places,
            clock,
            day=local.date() if local.date() > today else today + timedelta(days=1),
            start=local.time().replace(second=0, microsecond=0),
            minutes=appointment.duration_minutes,
            place_id=appointment.location_id,
        )
        self.setObjectName("rescheduleDialog")
        self.setMinimumWidth(520)
        self.appointment = appointment
        self.new_id: str | None = None
        self.day.setMinimumDate(to_qdate(today))
        self.body.addWidget(muted(self._explanation(), self))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("rescheduleReason")
        self.reason.setPlaceholderText(
            tr("e.g. the family asked for another day; missed, child ill")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(add_checked_rows(self, form, self.when_rows()))
        form.addRow("", self.conflicts)
        self._errors.update(add_checked_rows(self, form, [("reason", tr("&Why"), self.reason)]))
        self.body.addLayout(form)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Move to this date"))
        self.connect_when()
        self.reason.textChanged.connect(lambda _t: self._changed("reason"))

        appointment_id = appointment.id

        def move(value: Move) -> str:
            return appointments.reschedule(
                appointment_id,
                value.day,
                value.start,
                value.reason,
                duration_minutes=value.minutes,
                location_id=value.location_id,
            )

        self.submit(move)
        self.revalidate()
        self.reason.setFocus()

    def _explanation(self) -> str:
        a = self.appointment
        return tr(
            "{kind} of {case}, given for {when} at {place}. The old date stays in the "
            "history; the family must be told the new one."
        ).format(
            kind=kind_title(a),
            case=a.case_number,
            when=day_and_clock(a.starts_at),
            place=a.location_name,
        )

    def problems(self) -> dict[str, str]:
        problems = self.when_problems()
        if not self.reason.text().strip():
            problems["reason"] = tr("Say why the appointment moves; it stays in the history.")
        return problems

    def value(self) -> Move:
        place = self.place_record()
        return Move(
            from_qdate(self.day.date()),
            from_qtime(self.start.time()),
            self.minutes.value(),
            place.id if place else "",
            self.reason.text(),
        )

    def check_input(self) -> tuple[AppointmentInput, tuple[str, ...]] | None:
        place = self.place_record()
        if place is None:
            return None
        a = self.appointment
        data = AppointmentInput(
            case_id=a.case_id,
            kind=a.kind,
            day=from_qdate(self.day.date()),
            start=from_qtime(self.start.time()),
            duration_minutes=self.minutes.value(),
            location_id=place.id,
            attendee_ids=tuple(p.person_id for p in a.attendees),
            interviewer=a.interviewer,
        )
        return data, (a.id,)

    def _done(self, result: Any) -> None:
        self.new_id = str(result)
        super()._done(result)
