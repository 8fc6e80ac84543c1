"""Dialogs of appointments: book one, look at one and act on it (who came, how the
family was told, move, cancel, interview outcome), and book many households at once.

Every service call runs off the GUI thread; known errors stay inside the dialog, which
keeps what the clerk typed. Times are typed and shown in office time (Europe/Tirane).
Times are checked against other bookings as the clerk changes them, so a clash shows
before saving.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import KnownError
from desktop.services.office.clock import office_today, to_local
from desktop.services.registry.lists import CaseSummary, RegistryFilter, RegistryService
from desktop.services.schedule.appointments import (
    AppointmentInput,
    AppointmentRecord,
    AppointmentService,
    BulkPlan,
    Conflict,
    ScheduleConflict,
)
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.services.vocabulary import (
    APPOINTMENT_KIND_TITLES,
    APPOINTMENT_KINDS,
    INTERVIEW_OUTCOMES,
    NOTIFY_METHOD_TITLES,
)
from desktop.ui.appointments.models import (
    NOTIFICATION_COLUMNS,
    PROPOSAL_COLUMNS,
    chain_columns,
    day_and_clock,
    length,
    long_day,
    status_text,
)
from desktop.ui.kit import dialogs
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows, select_data
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table, words
from desktop.ui.kit.widgets import SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.worker import run_in_background

#: pause after the last change before the time is checked against other bookings
CHECK_DEBOUNCE_MS = 300
NOTE_LABEL = "Note (summary only; medical results belong in medical records)"
#: how the family was told, in the order a clerk most often needs them
NOTIFY_ORDER = ("phone_call", "focal_point", "in_person", "printed_slip")
INTERPRETER_TITLES = {
    "": "No interpreter",
    "Dari": "Dari",
    "Pashto": "Pashto",
    "English": "English",
    "Other": "Other language",
}
OUTCOME_TITLES = {
    "recommended": "Recommended",
    "pending": "Pending (the decision comes later)",
    "refused": "Refused",
    "further_interview": "Further interview needed",
}
_ERROR = "color: #b91c1c;"
_GOOD = "color: #166534;"
_MUTED = "color: #475569;"
_DAY_FORMAT = "ddd d MMM yyyy"


# -- small helpers -----------------------------------------------------------------------------


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def day_edit(parent: QWidget, name: str, value: date, *, earliest: date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat(_DAY_FORMAT)
    edit.setCalendarPopup(True)
    if earliest is not None:
        edit.setMinimumDate(to_qdate(earliest))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(to_qdate(value))
    return edit


def time_edit(parent: QWidget, name: str, value: time) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(to_qtime(value))
    return edit


def minutes_box(parent: QWidget, name: str, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(5, 480)
    box.setSingleStep(5)
    box.setSuffix(" min")
    box.setValue(value)
    return box


def kind_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for kind in APPOINTMENT_KINDS:
        box.addItem(APPOINTMENT_KIND_TITLES[kind], kind)
    return box


def interpreter_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for value, title in INTERPRETER_TITLES.items():
        box.addItem(title, value)
    return box


def fill_places(box: QComboBox, places: Sequence[PlaceRecord], chosen: str | None) -> None:
    box.blockSignals(True)
    box.clear()
    for place in places:
        box.addItem(place.name, place.id)
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
    box.blockSignals(False)


class ConflictList(QLabel):
    """What a chosen time clashes with, checked as the clerk changes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Clashes with other bookings")
        self.conflicts: tuple[Conflict, ...] = ()
        self.hide()

    def show_checking(self) -> None:
        self._show("Checking the time against other bookings…", _MUTED)

    def show_result(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        if not conflicts:
            self._show("✓ Free: no clash with other bookings.", _GOOD)
            return
        lines = "\n".join(f"• {c.message}" for c in conflicts)
        self._show(f"This time clashes with what is already booked:\n{lines}", _ERROR)

    def show_problem(self, text: str) -> None:
        self.conflicts = ()
        self._show(text, _ERROR)

    def clear_result(self) -> None:
        self.conflicts = ()
        self.setText("")
        self.hide()

    def _show(self, text: str, style: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.show()


# -- booking one appointment, moving one ----------------------------------------------------


class _WhenForm(CheckedFormDialog):
    """Date, time, length and place, checked against other bookings as they change.

    The places load in the background; until they are there OK stays off.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        appointments: AppointmentService,
        places: PlacesService,
        *,
        day: date,
        start: time,
        minutes: int | None,
        place_id: str | None,
    ) -> None:
        super().__init__(parent, title)
        self._appointments = appointments
        self._places: dict[str, PlaceRecord] = {}
        self._places_ready = False
        self._closed = False
        self._checks = 0
        self._check_running = False
        #: the length was chosen by the clerk (a new place no longer resets it)
        self._minutes_chosen = minutes is not None

        self.day = day_edit(self, "appointmentDay", day, earliest=min(day, office_today()))
        self.day.setAccessibleName("Date")
        self.start = time_edit(self, "appointmentTime", start)
        self.start.setAccessibleName("Time (office time)")
        self.minutes = minutes_box(self, "appointmentMinutes", minutes or 30)
        self.minutes.setAccessibleName("Length")
        self.place = QComboBox(self)
        self.place.setObjectName("appointmentPlace")
        self.place.setAccessibleName("Place")
        self.place.addItem("Loading places…", None)
        self.place.setEnabled(False)
        self.conflicts = ConflictList(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHECK_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        self._wanted_place = place_id
        run_in_background(places.list, self._places_loaded, self._places_failed)

    def _when_rows(self) -> list[tuple[str, str, QWidget]]:
        return [
            ("day", "&Date", self.day),
            ("start", "&Time", self.start),
            ("minutes", "&Length", self.minutes),
            ("place", "&Place", self.place),
        ]

    def _connect_when(self) -> None:
        self.day.dateChanged.connect(lambda _d: self._changed_when("day"))
        self.start.timeChanged.connect(lambda _t: self._changed_when("start"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        self.place.currentIndexChanged.connect(self._place_changed)

    # -- places ------------------------------------------------------------------------------
    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        if self._closed or not isValid(self):
            return
        self._places = {p.id: p for p in places}
        fill_places(self.place, places, self._wanted_place)
        self._places_ready = bool(places)
        self.place.setEnabled(bool(places))
        if not places:
            self.place.addItem("No places yet", None)
            self.conflicts.show_problem(
                "No place is set up for appointments yet: an administrator adds them "
                "under Settings."
            )
        self._place_changed()

    def _places_failed(self, error: KnownError) -> None:
        if self._closed or not isValid(self):
            return
        self.message.show_error(error.message)

    def place_record(self) -> PlaceRecord | None:
        place_id = self.place.currentData()
        return self._places.get(place_id) if place_id else None

    def _place_changed(self, _index: int = 0) -> None:
        place = self.place_record()
        if place is not None and not self._minutes_chosen:
            self.minutes.blockSignals(True)
            self.minutes.setValue(place.slot_minutes)
            self.minutes.blockSignals(False)
        self._changed_when("place")

    def _minutes_changed(self, _value: int) -> None:
        self._minutes_chosen = True
        self._changed_when("minutes")

    def _changed_when(self, name: str) -> None:
        self._changed(name)
        self.schedule_check()

    # -- checking ----------------------------------------------------------------------------
    def check_input(self) -> tuple[AppointmentInput, tuple[str, ...]] | None:
        """What to check (and which appointment to leave out), or None while incomplete."""
        return None

    def schedule_check(self) -> None:
        """Check the time after a pause in the clerk's changes."""
        if self._closed:
            return
        if self.check_input() is None:
            self._debounce.stop()
            self._checks += 1  # an answer on its way is for older values
            if self._places_ready:
                self.conflicts.clear_result()
            return
        self.conflicts.show_checking()
        self._debounce.start()

    def check_now(self) -> None:
        self._debounce.stop()
        found = self.check_input()
        if self._closed or found is None:
            return
        data, ignore = found
        self._checks += 1
        request = self._checks
        self._check_running = True
        appointments = self._appointments
        run_in_background(
            lambda: appointments.check(data, ignore=ignore),
            lambda conflicts: self._checked(request, conflicts),
            lambda error: self._check_failed(request, error),
        )

    def checking(self) -> bool:
        """Whether a check is waiting or running (for tests)."""
        return self._debounce.isActive() or self._check_running

    def _checked(self, request: int, conflicts: list[Conflict]) -> None:
        if self._closed or not isValid(self):
            return
        if request == self._checks:
            self._check_running = False
            self.conflicts.show_result(conflicts)

    def _check_failed(self, request: int, error: KnownError) -> None:
        if self._closed or not isValid(self):
            return
        if request == self._checks:
            self._check_running = False
            self.conflicts.show_problem(error.message)

    # -- saving ------------------------------------------------------------------------------
    def when_problems(self) -> dict[str, str]:
        if not self._places_ready:
            return {"place": "Choose a place (the list is still loading)."}
        if self.place_record() is None:
            return {"place": "Choose the place of the appointment."}
        return {}

    def _failed(self, error: KnownError) -> None:
        if isinstance(error, ScheduleConflict):
            self._set_busy(False)
            self._checks += 1
            self._check_running = False
            self.conflicts.show_result(error.conflicts)
            self.message.show_error(
                "Not saved: the time clashes with what is already booked (see above). "
                "Choose another time or place."
            )
            return
        super()._failed(error)

    def done(self, result: int) -> None:
        self._closed = True
        self._debounce.stop()
        super().done(result)


class NewAppointmentDialog(_WhenForm):
    """Book one appointment for one household.

    ``members`` are the household's people as ``(person_id, name)``; all are ticked to
    come. The length starts at the place's slot length. OK books the appointment with
    ``appointments.schedule`` off the GUI thread; when the time clashes or a value is
    refused the dialog stays open with the reason and nothing typed is lost. Once the
    dialog is accepted, ``appointment_id`` is the new appointment's id::

        dialog = NewAppointmentDialog(window, appointments, places, case_id, members)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(window.reload)
        dialog.open()
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        case_id: str,
        members: Sequence[tuple[str, str]],
        *,
        day: date | None = None,
        kind: str = "interview",
    ) -> None:
        first_day = day or office_today() + timedelta(days=1)
        super().__init__(
            parent,
            "New appointment",
            appointments,
            places,
            day=first_day,
            start=time(9, 0),
            minutes=None,
            place_id=None,
        )
        self.setObjectName("newAppointmentDialog")
        self.setMinimumWidth(560)
        self.case_id = case_id
        self.appointment_id: str | None = None

        self.kind = kind_box(self, "appointmentKind")
        self.kind.setAccessibleName("Kind of appointment")
        select_data(self.kind, kind)

        people = QWidget(self)
        grid = QGridLayout(people)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        self.attendees: dict[str, QCheckBox] = {}
        columns = 2 if len(members) > 5 else 1
        for number, (person_id, name) in enumerate(members):
            box = QCheckBox(name or "(no name yet)", people)
            box.setObjectName(f"attendee_{number}")
            box.setChecked(True)
            grid.addWidget(box, number // columns, number % columns)
            self.attendees[person_id] = box

        self.interview = QGroupBox("Interview", self)
        self.interview.setObjectName("interviewFields")
        inner = QFormLayout(self.interview)
        self.agency = QLineEdit(self.interview)
        self.agency.setObjectName("agency")
        self.agency.setPlaceholderText("e.g. Embassy of Canada, USCIS, UNHCR")
        self.interviewer = QLineEdit(self.interview)
        self.interviewer.setObjectName("interviewer")
        self.interviewer.setPlaceholderText("name as the agency gave it")
        self.interpreter = interpreter_box(self.interview, "interpreterLanguage")
        inner.addRow("A&gency", self.agency)
        inner.addRow("Inter&viewer", self.interviewer)
        inner.addRow("Interp&reter", self.interpreter)

        self.note = QPlainTextEdit(self)
        self.note.setObjectName("appointmentNote")
        self.note.setAccessibleName(NOTE_LABEL)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("e.g. wheelchair at the entrance; bring the lab results form")
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(add_checked_rows(self, form, [("kind", "&Kind", self.kind)]))
        self._errors.update(add_checked_rows(self, form, self._when_rows()))
        form.addRow("", self.conflicts)
        self._errors.update(add_checked_rows(self, form, [("attendees", "Who comes", people)]))
        self.body.addLayout(form)
        self.body.addWidget(self.interview)
        note_label = QLabel(NOTE_LABEL, self)
        note_label.setBuddy(self.note)
        self.body.addWidget(note_label)
        self.body.addWidget(self.note)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Book appointment")

        self._connect_when()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box in self.attendees.values():
            box.toggled.connect(lambda _c: self._changed_when("attendees"))
        self.interviewer.textChanged.connect(lambda _t: self.schedule_check())
        self._kind_changed()
        self.submit(appointments.schedule)
        self.revalidate()

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
            problems["attendees"] = "Tick at least one person who must come."
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


class RescheduleDialog(_WhenForm):
    """Give an appointment a new date. The old one stays, pointing to the new one.

    ``new_id`` holds the new appointment once the dialog is accepted.
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        appointment: AppointmentRecord,
    ) -> None:
        local = to_local(appointment.starts_at)
        today = office_today()
        day = local.date() if local.date() > today else today + timedelta(days=1)
        super().__init__(
            parent,
            "Reschedule",
            appointments,
            places,
            day=day,
            start=local.time().replace(second=0, microsecond=0),
            minutes=appointment.duration_minutes,
            place_id=appointment.location_id,
        )
        self.setObjectName("rescheduleDialog")
        self.setMinimumWidth(520)
        self.appointment = appointment
        self.new_id: str | None = None
        self.day.setMinimumDate(to_qdate(today))
        self.body.addWidget(
            muted(
                f"{appointment.kind_title} of {appointment.case_number}, given for "
                f"{day_and_clock(appointment.starts_at)} at {appointment.location_name}. "
                "The old date stays in the history; the family must be told the new one.",
                self,
            )
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("rescheduleReason")
        self.reason.setPlaceholderText("e.g. the family asked for another day; missed, child ill")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(add_checked_rows(self, form, self._when_rows()))
        form.addRow("", self.conflicts)
        self._errors.update(add_checked_rows(self, form, [("reason", "&Why", self.reason)]))
        self.body.addLayout(form)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move to this date")
        self._connect_when()
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

    def problems(self) -> dict[str, str]:
        problems = self.when_problems()
        if not self.reason.text().strip():
            problems["reason"] = "Say why the appointment moves; it stays in the history."
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


# -- short answers ---------------------------------------------------------------------------


class ReasonDialog(CheckedFormDialog):
    """One required line of text: why an appointment is cancelled, why a no-show is closed."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        explanation: str,
        label: str,
        placeholder: str,
        ok_text: str,
    ) -> None:
        super().__init__(parent, title)
        self.setObjectName("reasonDialog")
        self.body.addWidget(muted(explanation, self))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(placeholder)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(add_checked_rows(self, form, [("reason", label, self.reason)]))
        self.body.addLayout(form)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.reason.textChanged.connect(lambda _t: self._changed("reason"))
        self.revalidate()

    def problems(self) -> dict[str, str]:
        if not self.reason.text().strip():
            return {"reason": "Say why; it stays in the appointment's history."}
        return {}

    def value(self) -> str:
        return self.reason.text()


def _choices(
    parent: QWidget, name: str, options: Sequence[tuple[str, str]]
) -> tuple[QWidget, QButtonGroup, dict[str, QRadioButton]]:
    """Radio buttons, one per ``(value, title)``, none chosen yet."""
    holder = QWidget(parent)
    holder.setObjectName(name)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(holder)
    buttons: dict[str, QRadioButton] = {}
    for value, title in options:
        button = QRadioButton(title, holder)
        button.setObjectName(f"{name}_{value}")
        group.addButton(button)
        column.addWidget(button)
        buttons[value] = button
    return holder, group, buttons


class NotificationDialog(CheckedFormDialog):
    """How the family was told of one or more appointments; value: (method, note)."""

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__(parent, "Record how the family was told")
        self.setObjectName("notificationDialog")
        self.body.addWidget(muted(what, self))
        holder, self._group, self.methods = _choices(
            self, "notifyMethod", [(m, NOTIFY_METHOD_TITLES[m]) for m in NOTIFY_ORDER]
        )
        self.note = QLineEdit(self)
        self.note.setObjectName("notificationNote")
        self.note.setPlaceholderText("optional, e.g. told the focal point of block C")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(
            add_checked_rows(self, form, [("method", "How", holder), ("note", "&Note", self.note)])
        )
        self.body.addLayout(form)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        self._group.buttonToggled.connect(lambda *_a: self._changed("method"))
        self.revalidate()

    def choose(self, method: str) -> None:
        self.methods[method].setChecked(True)

    def method(self) -> str | None:
        return next((m for m, b in self.methods.items() if b.isChecked()), None)

    def problems(self) -> dict[str, str]:
        return {} if self.method() else {"method": "Choose how the family was told."}

    def value(self) -> tuple[str, str]:
        return str(self.method()), self.note.text()


class OutcomeDialog(CheckedFormDialog):
    """The result of an immigration interview; value: (outcome, note)."""

    def __init__(self, parent: QWidget | None, current: str | None) -> None:
        super().__init__(parent, "Interview outcome")
        self.setObjectName("outcomeDialog")
        holder, self._group, self.outcomes = _choices(
            self, "outcome", [(o, OUTCOME_TITLES.get(o, words(o))) for o in INTERVIEW_OUTCOMES]
        )
        if current in self.outcomes:
            self.outcomes[current].setChecked(True)
        self.warning = muted("", self)
        self.warning.setObjectName("outcomeWarning")
        self.note = QLineEdit(self)
        self.note.setObjectName("outcomeNote")
        self.note.setPlaceholderText("optional, e.g. decision expected within 3 weeks")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._errors.update(
            add_checked_rows(
                self, form, [("outcome", "Outcome", holder), ("note", "&Note", self.note)]
            )
        )
        self.body.addLayout(form)
        self.body.addWidget(self.warning)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record outcome")
        self._group.buttonToggled.connect(lambda *_a: self._outcome_changed())
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        self._changed("outcome")
        refused = self.outcome() == "refused"
        self.warning.setText("The household's status becomes Refused." if refused else "")
        self.warning.setVisible(refused)

    def outcome(self) -> str | None:
        return next((o for o, b in self.outcomes.items() if b.isChecked()), None)

    def problems(self) -> dict[str, str]:
        return {} if self.outcome() else {"outcome": "Choose the outcome."}

    def value(self) -> tuple[str, str]:
        return str(self.outcome()), self.note.text()


# -- one appointment ------------------------------------------------------------------------


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AppointmentDialog(QDialog):
    """Everything about one appointment, and what can be done with it now.

    Actions run off the GUI thread; after each the dialog reloads and emits
    ``changed`` (lists showing the appointment refresh). ``can_write`` False shows
    the appointment only. ``open_case(case_id)``, when given, opens the household.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        appointment_id: str,
        *,
        places: PlacesService,
        can_write: bool,
        open_case: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.setWindowTitle("Appointment")
        self.setMinimumWidth(720)
        self._appointments = appointments
        self._places = places
        self._can_write = can_write
        self._open_case = open_case
        self.appointment_id = appointment_id
        self.appointment: AppointmentRecord | None = None
        self._loads = 0
        self._loading = False
        self._busy = False
        self._closed = False

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        self.title = heading("Appointment", self, 1.3)
        self.title.setObjectName("appointmentTitle")
        top.addWidget(self.title)
        top.addSpacing(SPACING)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("appointmentStatus")
        self.status_label.setStyleSheet(
            "QLabel { background: #e0e7ff; color: #1e3a8a; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }"
        )
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout.addLayout(top)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (
            ("when", "When"),
            ("place", "Place"),
            ("household", "Household"),
            ("interview", "Interview"),
            ("outcome", "Outcome"),
            ("note", "Note"),
            ("reason", "Why"),
        ):
            label = _selectable(QLabel(self))
            label.setObjectName(f"fact_{key}")
            facts.addRow(title, label)
            self.fact_labels[key] = label
        self._facts = facts
        layout.addLayout(facts)

        self.message = InlineMessage(self)
        self.message.setObjectName("appointmentMessage")
        layout.addWidget(self.message)

        people = QGroupBox("Who comes", self)
        box = QVBoxLayout(people)
        self.attendance_hint = muted("", people)
        self.attendance_hint.setObjectName("attendanceHint")
        box.addWidget(self.attendance_hint)
        self._people = QWidget(people)
        self._people_grid = QGridLayout(self._people)
        self._people_grid.setContentsMargins(0, 0, 0, 0)
        self._people_grid.setHorizontalSpacing(SPACING * 2)
        box.addWidget(self._people)
        self.attendee_boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        self.attendance_button = add_button(
            self, row, "Record attendance", "recordAttendance", self.record_attendance
        )
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(people)

        told = QGroupBox("Family told", self)
        box = QVBoxLayout(told)
        self.not_told = muted("The family has not been told yet.", told)
        self.not_told.setObjectName("notTold")
        box.addWidget(self.not_told)
        self.notifications_model: RecordListModel[Any] = RecordListModel(NOTIFICATION_COLUMNS)
        self.notifications_model.setParent(self)
        self.notifications_table = record_table(
            told, "notificationsTable", self.notifications_model
        )
        self.notifications_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.notifications_table.setMaximumHeight(
            self.notifications_table.fontMetrics().height() * 7
        )
        box.addWidget(self.notifications_table)
        row = QHBoxLayout()
        self.notify_button = add_button(
            self,
            row,
            "Record how the family was told…",
            "recordNotification",
            self.record_notification,
        )
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(told)

        self.chain_box = QGroupBox("Dates given to the family", self)
        box = QVBoxLayout(self.chain_box)
        self.chain_model: RecordListModel[AppointmentRecord] = RecordListModel(
            chain_columns(lambda: self.appointment_id)
        )
        self.chain_model.setParent(self)
        self.chain_table = record_table(self.chain_box, "chainTable", self.chain_model)
        self.chain_table.setMaximumHeight(self.chain_table.fontMetrics().height() * 7)
        self.chain_table.setToolTip("Double-click a date to show that appointment")
        self.chain_table.activated.connect(lambda index: self._show_in_chain(index.row()))
        box.addWidget(self.chain_table)
        self.chain_box.hide()
        layout.addWidget(self.chain_box)

        actions = QHBoxLayout()
        self.reschedule_button = add_button(
            self, actions, "Reschedule…", "rescheduleAppointment", self.reschedule
        )
        self.cancel_button = add_button(
            self, actions, "Cancel appointment…", "cancelAppointment", self.cancel_appointment
        )
        self.outcome_button = add_button(
            self, actions, "Interview outcome…", "interviewOutcome", self.record_outcome
        )
        self.case_button = add_button(self, actions, "Open household", "openHousehold", self._case)
        self.case_button.setVisible(open_case is not None)
        actions.addStretch(1)
        close = QPushButton("Close", self)
        close.setObjectName("closeAppointment")
        close.clicked.connect(lambda _c=False: self.reject())
        actions.addWidget(close)
        layout.addLayout(actions)
        self.read_only_note = muted(
            "Read only: your role can see appointments but not change them.", self
        )
        self.read_only_note.setVisible(not can_write)
        layout.addWidget(self.read_only_note)
        for button in self.write_buttons():
            button.setVisible(can_write)
        self._update_buttons()
        self.reload()

    def write_buttons(self) -> list[QPushButton]:
        return [
            self.attendance_button,
            self.notify_button,
            self.reschedule_button,
            self.cancel_button,
            self.outcome_button,
        ]

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        if self._closed:
            return
        self._loads += 1
        request = self._loads
        self._loading = True
        appointments, appointment_id = self._appointments, self.appointment_id

        def work() -> tuple[AppointmentRecord, list[AppointmentRecord]]:
            return appointments.get(appointment_id), appointments.chain(appointment_id)

        run_in_background(
            work,
            lambda result: self._loaded(request, *result),
            lambda error: self._load_failed(request, error),
        )

    def loading(self) -> bool:
        return self._loading or self._busy

    def _alive(self) -> bool:
        return not self._closed and isValid(self)

    def _loaded(
        self, request: int, record: AppointmentRecord, chain: list[AppointmentRecord]
    ) -> None:
        if not self._alive() or request != self._loads:
            return
        self._loading = False
        self.appointment = record
        a = record
        self.setWindowTitle(f"{a.kind_title} – {a.case_number}")
        self.title.setText(a.kind_title)
        self.status_label.setText(status_text(a))
        local = to_local(a.starts_at)
        ends = to_local(a.ends_at)
        facts = {
            "when": f"{long_day(local.date())}, {local:%H:%M}–{ends:%H:%M} "
            f"({length(a.duration_minutes)})",
            "place": a.location_name,
            "household": " · ".join(
                p for p in (a.case_number, a.principal_name, a.family_language or "") if p
            ),
            "interview": "; ".join(
                p
                for p in (
                    a.agency,
                    f"interviewer {a.interviewer}" if a.interviewer else "",
                    f"interpreter: {a.interpreter_language}" if a.interpreter_language else "",
                )
                if p
            )
            if a.kind == "interview"
            else "",
            "outcome": OUTCOME_TITLES.get(a.outcome, words(a.outcome)) if a.outcome else "",
            "note": a.note,
            "reason": a.status_reason,
        }
        if a.kind == "interview" and not facts["interview"]:
            facts["interview"] = "—"
        if a.kind == "interview" and a.status == "attended" and not a.outcome:
            facts["outcome"] = "Not recorded yet"
        for key, label in self.fact_labels.items():
            text = facts.get(key, "")
            label.setText(text)
            self._facts.setRowVisible(label, bool(text))

        self._show_attendees(a)
        self.notifications_model.set_rows(a.notifications)
        self.notifications_table.setVisible(bool(a.notifications))
        self.not_told.setVisible(not a.notifications)
        if a.notifications:
            fit_table(self.notifications_table, NOTIFICATION_COLUMNS)
        self.chain_model.set_rows(chain)
        self.chain_box.setVisible(len(chain) > 1)
        if len(chain) > 1:
            fit_table(self.chain_table, self.chain_model.columns)
        self._update_buttons()

    def _load_failed(self, request: int, error: KnownError) -> None:
        if not self._alive() or request != self._loads:
            return
        self._loading = False
        self.message.show_error(error.message)
        self._update_buttons()

    def _show_attendees(self, a: AppointmentRecord) -> None:
        for box in self.attendee_boxes.values():
            self._people_grid.removeWidget(box)
            box.deleteLater()
        self.attendee_boxes = {}
        columns = 2 if len(a.attendees) > 5 else 1
        for number, person in enumerate(a.attendees):
            text = person.name or "(no name)"
            if person.native_name:
                text += f"   {person.native_name}"
            box = QCheckBox(text, self._people)
            box.setObjectName(f"present_{number}")
            box.setChecked(bool(person.attended))
            self._people_grid.addWidget(box, number // columns, number % columns)
            self.attendee_boxes[person.person_id] = box

    # -- what can be done now ------------------------------------------------------------------
    def attendance_open(self) -> bool:
        a = self.appointment
        if a is None or a.status not in ("scheduled", "notified", "attended", "no_show"):
            return False
        if a.status == "no_show" and a.rescheduled_to_id:
            return False
        return to_local(a.starts_at).date() <= office_today()

    def _update_buttons(self) -> None:
        a = self.appointment
        idle = a is not None and not self._busy and not self._loading
        can = self._can_write and idle
        status = a.status if a else ""
        attendance = self.attendance_open()
        self.attendance_button.setEnabled(can and attendance)
        for box in self.attendee_boxes.values():
            box.setEnabled(can and attendance)
        hint = ""
        if a is not None:
            if status in ("scheduled", "notified") and not attendance:
                hint = "Tick who came on the day of the appointment."
            elif attendance and self._can_write:
                hint = "Tick everyone who came. Nobody ticked records a no-show."
        self.attendance_hint.setText(hint)
        self.attendance_hint.setVisible(bool(hint))
        self.notify_button.setEnabled(can and status in ("scheduled", "notified"))
        movable = status in ("scheduled", "notified", "no_show") and not (
            a is not None and a.rescheduled_to_id
        )
        self.reschedule_button.setEnabled(can and movable)
        self.cancel_button.setEnabled(can and status in ("scheduled", "notified"))
        interview = a is not None and a.kind == "interview"
        self.outcome_button.setVisible(self._can_write and interview)
        self.outcome_button.setEnabled(can and interview and status == "attended")
        if interview and status != "attended":
            self.outcome_button.setToolTip("Record who came to the interview first.")
        else:
            self.outcome_button.setToolTip("")
        self.case_button.setEnabled(a is not None)

    # -- actions -------------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], done_text: Callable[[Any], str]) -> None:
        """Run a change off the GUI thread, then reload and tell the lists."""
        self._busy = True
        self._update_buttons()
        self.message.show_notice("Saving…")

        def finished(result: Any) -> None:
            if not self._alive():
                return
            self._busy = False
            self.message.show_notice(done_text(result))
            self.changed.emit()
            self.reload()

        def failed(error: KnownError) -> None:
            if not self._alive():
                return
            self._busy = False
            self.message.show_error(error.message)
            self._update_buttons()

        run_in_background(work, finished, failed)

    def record_attendance(self) -> None:
        a = self.appointment
        if a is None or not self._can_write:
            return
        present = [pid for pid, box in self.attendee_boxes.items() if box.isChecked()]
        if not present and not dialogs.confirm(
            self,
            "No-show",
            "Nobody is ticked as present. Record this appointment as a no-show?\n\n"
            "It goes on the no-show follow-up list until it gets a new date.",
        ):
            return
        appointments, appointment_id = self._appointments, a.id

        def said(status: str) -> str:
            if status == "no_show":
                return "Recorded as a no-show: it is on the no-show follow-up list."
            return f"Attendance recorded: {len(present)} of {len(a.attendees)} came."

        self._run(lambda: appointments.record_attendance(appointment_id, present), said)

    def _open_form(self, dialog: QDialog, after: Callable[[QDialog], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and self._alive():
                after(dialog)

        dialog.finished.connect(finished)
        dialog.open()

    def record_notification(self) -> NotificationDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = NotificationDialog(
            self, f"{a.kind_title} of {a.case_number}, {day_and_clock(a.starts_at)}."
        )
        appointments, appointment_id = self._appointments, a.id
        dialog.submit(lambda value: appointments.record_notification([appointment_id], *value))
        self._open_form(dialog, lambda _d: self._reloaded("Recorded how the family was told."))
        return dialog

    def reschedule(self) -> RescheduleDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = RescheduleDialog(self, self._appointments, self._places, a)

        def after(done: QDialog) -> None:
            assert isinstance(done, RescheduleDialog)
            when = f"{done.value().day:%a %d %b} {done.value().start:%H:%M}"
            if done.new_id:  # show the new date: the old one can no longer change
                self.appointment_id = done.new_id
            self._reloaded(f"Moved to {when}. Tell the family the new date.")

        self._open_form(dialog, after)
        return dialog

    def cancel_appointment(self) -> ReasonDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = ReasonDialog(
            self,
            "Cancel appointment",
            f"{a.kind_title} of {a.case_number}, {day_and_clock(a.starts_at)}. "
            "A cancelled appointment frees its time; it stays in the history.",
            "&Why",
            "e.g. the embassy postponed all interviews that day",
            "Cancel appointment",
        )
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep it")
        appointments, appointment_id = self._appointments, a.id
        dialog.submit(lambda reason: appointments.cancel(appointment_id, reason))
        self._open_form(dialog, lambda _d: self._reloaded("The appointment is cancelled."))
        return dialog

    def record_outcome(self) -> OutcomeDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = OutcomeDialog(self, a.outcome)
        appointments, appointment_id = self._appointments, a.id
        dialog.submit(lambda value: appointments.record_outcome(appointment_id, *value))
        self._open_form(dialog, lambda _d: self._reloaded("Interview outcome recorded."))
        return dialog

    def _reloaded(self, notice: str) -> None:
        self.message.show_notice(notice)
        self.changed.emit()
        self.reload()

    def _show_in_chain(self, row: int) -> None:
        if not 0 <= row < self.chain_model.rowCount():
            return
        record = self.chain_model.record(row)
        if record.id != self.appointment_id:
            self.appointment_id = record.id
            self.message.clear()
            self.reload()

    def _case(self) -> None:
        if self.appointment is not None and self._open_case is not None:
            self._open_case(self.appointment.case_id)

    def done(self, result: int) -> None:
        self._closed = True
        for child in self.findChildren(QDialog):
            child.reject()
        super().done(result)


# -- many households at once -------------------------------------------------------------------

_ANY_STATUS = "Any status"


def _case_line(case: CaseSummary) -> str:
    people = "1 person" if case.members == 1 else f"{case.members} people"
    parts = [case.case_number, people, words(case.status)]
    if case.family_language:
        parts.append(case.family_language)
    if case.destination_country:
        parts.append(f"to {case.destination_country}")
    return "  ·  ".join(parts)


class BulkScheduleDialog(QDialog):
    """Book many households in sequence on one day: tick households, say what, where
    and when, look at the proposed times, then book them all at once.

    Nothing is booked until "Book these N appointments". If someone booked a clashing
    time meanwhile, nothing is booked and the clerk proposes again. Once accepted,
    ``booked_ids`` are the new appointments and ``booked_day`` their day.
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        registry: RegistryService,
        *,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkScheduleDialog")
        self.setWindowTitle("Schedule many households")
        self._appointments = appointments
        self._registry = registry
        self._places: dict[str, PlaceRecord] = {}
        self._cases: list[CaseSummary] = []
        self._chosen: dict[str, str] = {}  # case id -> case number, in the order ticked
        self._case_loads = 0
        self._loading_cases = False
        self._proposing = False
        self._booking = False
        self._closed = False
        self._slot_chosen = False
        self.plan: BulkPlan | None = None
        self.booked_ids: list[str] = []
        self.booked_day: date | None = None
        today = office_today()
        first_day = max(day or today + timedelta(days=1), today)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        upper = QHBoxLayout()
        upper.setSpacing(SPACING)
        layout.addLayout(upper, 1)

        # 1. households
        households = QGroupBox("1. Households", self)
        box = QVBoxLayout(households)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(households)
        self.status_filter.setObjectName("bulkStatus")
        self.status_filter.setAccessibleName("Show households with this status")
        self.status_filter.addItem(_ANY_STATUS, None)
        filters.addWidget(self.status_filter)
        self.case_filter = QLineEdit(households)
        self.case_filter.setObjectName("bulkCaseFilter")
        self.case_filter.setPlaceholderText("Find a case number")
        self.case_filter.setClearButtonEnabled(True)
        filters.addWidget(self.case_filter, 1)
        box.addLayout(filters)
        self.case_list = QListWidget(households)
        self.case_list.setObjectName("bulkCases")
        self.case_list.setAccessibleName("Households to schedule")
        self.case_list.setUniformItemSizes(True)
        box.addWidget(self.case_list, 1)
        ticks = QHBoxLayout()
        tick_all = QPushButton("Tick all shown", households)
        tick_all.setObjectName("tickAllShown")
        tick_all.clicked.connect(lambda _c=False: self._tick_shown(True))
        untick = QPushButton("Untick all", households)
        untick.setObjectName("untickAll")
        untick.clicked.connect(lambda _c=False: self._untick_all())
        ticks.addWidget(tick_all)
        ticks.addWidget(untick)
        ticks.addStretch(1)
        self.chosen_label = QLabel(households)
        self.chosen_label.setObjectName("bulkChosen")
        ticks.addWidget(self.chosen_label)
        box.addLayout(ticks)
        upper.addWidget(households, 3)

        # 2. what, where, when
        when = QGroupBox("2. What, where and when", self)
        form = QFormLayout(when)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = kind_box(when, "bulkKind")
        self.day = day_edit(when, "bulkDay", first_day, earliest=today)
        self.place = QComboBox(when)
        self.place.setObjectName("bulkPlace")
        self.place.addItem("Loading places…", None)
        self.place.setEnabled(False)
        self.first = time_edit(when, "bulkFirst", time(9, 0))
        self.last = time_edit(when, "bulkLast", time(16, 0))
        hours = QWidget(when)
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first)
        row.addWidget(QLabel("until", hours))
        row.addWidget(self.last)
        row.addStretch(1)
        self.slot = minutes_box(when, "bulkSlot", 30)
        self.agency = QLineEdit(when)
        self.agency.setObjectName("bulkAgency")
        self.agency.setPlaceholderText("e.g. Embassy of Canada")
        self.interviewer = QLineEdit(when)
        self.interviewer.setObjectName("bulkInterviewer")
        self.interviewer.setPlaceholderText("leave empty if several interview")
        self.interpreter = interpreter_box(when, "bulkInterpreter")
        form.addRow("&Kind", self.kind)
        form.addRow("&Day", self.day)
        form.addRow("&Place", self.place)
        form.addRow("&Hours", hours)
        form.addRow("&Slot length", self.slot)
        form.addRow("A&gency", self.agency)
        form.addRow("Inter&viewer", self.interviewer)
        form.addRow("Interp&reter", self.interpreter)
        self._when_form = form
        upper.addWidget(when, 2)

        # 3. proposal
        proposal = QGroupBox("3. Proposed times", self)
        box = QVBoxLayout(proposal)
        self.plan_hint = muted(
            "Tick households and press “Propose times”: nothing is booked before you confirm.",
            proposal,
        )
        self.plan_hint.setObjectName("planHint")
        box.addWidget(self.plan_hint)
        lists = QHBoxLayout()
        self.proposals_model: RecordListModel[Any] = RecordListModel(PROPOSAL_COLUMNS)
        self.proposals_model.setParent(self)
        self.proposals_table = record_table(proposal, "proposalsTable", self.proposals_model)
        lists.addWidget(self.proposals_table, 3)
        misfits = QVBoxLayout()
        self.unplaced_title = QLabel(proposal)
        self.unplaced_title.setObjectName("unplacedTitle")
        self.unplaced_title.setStyleSheet(_ERROR + " font-weight: bold;")
        misfits.addWidget(self.unplaced_title)
        self.unplaced = QListWidget(proposal)
        self.unplaced.setObjectName("unplaced")
        self.unplaced.setAccessibleName("Households that did not fit, and why")
        self.unplaced.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.unplaced.setStyleSheet(f"QListWidget {{ {_ERROR} }}")
        misfits.addWidget(self.unplaced, 1)
        lists.addLayout(misfits, 2)
        box.addLayout(lists)
        layout.addWidget(proposal, 1)

        self.message = InlineMessage(self)
        self.message.setObjectName("bulkMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton("Propose times", self)
        self.propose_button.setObjectName("proposeTimes")
        self.propose_button.clicked.connect(lambda _c=False: self.propose())
        self.book_button = QPushButton("Book", self)
        self.book_button.setObjectName("bookAll")
        self.book_button.clicked.connect(lambda _c=False: self.book())
        close = QPushButton("Close", self)
        close.setObjectName("closeBulk")
        close.clicked.connect(lambda _c=False: self.reject())
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.book_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.place.currentIndexChanged.connect(self._place_changed)
        self.slot.valueChanged.connect(self._slot_changed)
        for signal in (
            self.day.dateChanged,
            self.first.timeChanged,
            self.last.timeChanged,
            self.agency.textChanged,
            self.interviewer.textChanged,
            self.interpreter.currentIndexChanged,
        ):
            signal.connect(lambda *_a: self._stale())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._load_cases())
        self.case_filter.textChanged.connect(lambda _t: self._filter_shown())
        self.case_list.itemChanged.connect(self._ticked)

        self._kind_changed()
        self._show_plan(None)
        self._update_chosen()
        self.resize(1060, 720)
        run_in_background(places.list, self._places_loaded, self._show_error)
        run_in_background(registry.filter_choices, self._choices_loaded, self._show_error)
        self._load_cases()

    # -- loading -----------------------------------------------------------------------------
    def _alive(self) -> bool:
        return not self._closed and isValid(self)

    def busy(self) -> bool:
        return self._loading_cases or self._proposing or self._booking

    def _show_error(self, error: KnownError) -> None:
        if self._alive():
            self.message.show_error(error.message)

    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        if not self._alive():
            return
        self._places = {p.id: p for p in places}
        fill_places(self.place, places, None)
        self.place.setEnabled(bool(places))
        if not places:
            self.place.addItem("No places yet", None)
            self.message.show_error(
                "No place is set up for appointments yet: an administrator adds them "
                "under Settings."
            )
        self._place_changed()

    def _choices_loaded(self, choices: dict[str, list[str]]) -> None:
        if not self._alive():
            return
        self.status_filter.blockSignals(True)
        for status in choices.get("status", []):
            self.status_filter.addItem(words(status), status)
        self.status_filter.blockSignals(False)

    def _load_cases(self) -> None:
        self._case_loads += 1
        request = self._case_loads
        self._loading_cases = True
        self.chosen_label.setText("Loading…")
        status = self.status_filter.currentData()
        registry = self._registry

        def work() -> list[CaseSummary]:
            return registry.cases(registry.case_ids(RegistryFilter(status=status)))

        def failed(error: KnownError) -> None:
            if self._alive() and request == self._case_loads:
                self._loading_cases = False
                self._update_chosen()
                self.message.show_error(error.message)

        run_in_background(work, lambda cases: self._cases_loaded(request, cases), failed)

    def _cases_loaded(self, request: int, cases: list[CaseSummary]) -> None:
        if not self._alive() or request != self._case_loads:
            return
        self._loading_cases = False
        self._cases = cases
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for case in cases:
            item = QListWidgetItem(_case_line(case), self.case_list)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            ticked = case.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.case_list.blockSignals(False)
        self._filter_shown()
        self._update_chosen()

    # -- choosing households ---------------------------------------------------------------------
    def shown_case_numbers(self) -> list[str]:
        return [
            self._cases[row].case_number
            for row in range(self.case_list.count())
            if not self.case_list.item(row).isHidden()
        ]

    def tick(self, case_numbers: Sequence[str]) -> None:
        """Tick these households (as the clerk would, one by one)."""
        wanted = set(case_numbers)
        for row, case in enumerate(self._cases):
            if case.case_number in wanted:
                self.case_list.item(row).setCheckState(Qt.CheckState.Checked)

    def chosen_case_ids(self) -> list[str]:
        return list(self._chosen)

    def _filter_shown(self) -> None:
        text = self.case_filter.text().strip().lower()
        for row, case in enumerate(self._cases):
            self.case_list.item(row).setHidden(bool(text) and text not in case.case_number.lower())

    def _ticked(self, item: QListWidgetItem) -> None:
        row = self.case_list.row(item)
        case = self._cases[row]
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[case.id] = case.case_number
        else:
            self._chosen.pop(case.id, None)
        self._update_chosen()
        self._stale()

    def _tick_shown(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.case_list.blockSignals(True)
        for row, case in enumerate(self._cases):
            item = self.case_list.item(row)
            if item.isHidden():
                continue
            item.setCheckState(state)
            if ticked:
                self._chosen[case.id] = case.case_number
            else:
                self._chosen.pop(case.id, None)
        self.case_list.blockSignals(False)
        self._update_chosen()
        self._stale()

    def _untick_all(self) -> None:
        self._chosen.clear()
        self.case_list.blockSignals(True)
        for row in range(self.case_list.count()):
            self.case_list.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.case_list.blockSignals(False)
        self._update_chosen()
        self._stale()

    def _update_chosen(self) -> None:
        count = len(self._chosen)
        if self._loading_cases:
            self.chosen_label.setText("Loading…")
        else:
            self.chosen_label.setText(
                "None ticked"
                if not count
                else f"{count} household{'s' if count > 1 else ''} ticked"
            )
        self._update_buttons()

    # -- what, where, when ------------------------------------------------------------------------
    def _kind_changed(self, _index: int = 0) -> None:
        interview = self.kind.currentData() == "interview"
        for widget in (self.agency, self.interviewer, self.interpreter):
            self._when_form.setRowVisible(widget, interview)
        self._stale()

    def place_record(self) -> PlaceRecord | None:
        place_id = self.place.currentData()
        return self._places.get(place_id) if place_id else None

    def _place_changed(self, _index: int = 0) -> None:
        place = self.place_record()
        if place is not None and not self._slot_chosen:
            self.slot.blockSignals(True)
            self.slot.setValue(place.slot_minutes)
            self.slot.blockSignals(False)
        self._stale()

    def _slot_changed(self, _value: int) -> None:
        self._slot_chosen = True
        self._stale()

    # -- proposing and booking --------------------------------------------------------------------
    def _stale(self) -> None:
        """A change after a proposal: its times no longer follow what is chosen."""
        if self.plan is not None and not self._booking:
            self._show_plan(None)
            self.plan_hint.setText("Something changed: propose times again.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        working = self._proposing or self._booking
        ready = bool(self._chosen) and self.place_record() is not None
        self.propose_button.setEnabled(ready and not working)
        count = len(self.plan.proposals) if self.plan is not None else 0
        self.book_button.setEnabled(count > 0 and not working)
        self.book_button.setText(
            f"Book these {count} appointment{'s' if count != 1 else ''}" if count else "Book"
        )
        self.book_button.setDefault(count > 0)
        self.propose_button.setDefault(not count)

    def propose(self) -> None:
        place = self.place_record()
        if not self._chosen or place is None or self._proposing or self._booking:
            return
        case_ids = [c.id for c in self._cases if c.id in self._chosen] + [
            i for i in self._chosen if i not in {c.id for c in self._cases}
        ]
        kind = str(self.kind.currentData())
        interview = kind == "interview"
        day = from_qdate(self.day.date())
        first, last = from_qtime(self.first.time()), from_qtime(self.last.time())
        slot = self.slot.value()
        agency = self.agency.text() if interview else ""
        interviewer = self.interviewer.text() if interview else ""
        interpreter = str(self.interpreter.currentData()) if interview else ""
        appointments = self._appointments
        self._proposing = True
        self._update_buttons()
        self.message.show_notice("Looking for free times…")

        def work() -> BulkPlan:
            return appointments.propose_bulk(
                case_ids,
                kind,
                day,
                place.id,
                first=first,
                last=last,
                slot_minutes=slot,
                agency=agency,
                interviewer=interviewer,
                interpreter_language=interpreter,
            )

        def failed(error: KnownError) -> None:
            if not self._alive():
                return
            self._proposing = False
            self.message.show_error(error.message)
            self._update_buttons()

        run_in_background(work, lambda plan: self._proposed(plan, day), failed)

    def _proposed(self, plan: BulkPlan, day: date) -> None:
        if not self._alive():
            return
        self._proposing = False
        self.message.clear()
        self._show_plan(plan, day)

    def _show_plan(self, plan: BulkPlan | None, day: date | None = None) -> None:
        self.plan = plan
        self.proposals_model.set_rows(plan.proposals if plan else [])
        self.unplaced.clear()
        misfits = plan.unplaced if plan else ()
        for number, why in misfits:
            self.unplaced.addItem(f"{number}: {why}")
        self.unplaced_title.setText(f"Did not fit ({len(misfits)})")
        for widget in (self.unplaced_title, self.unplaced):
            widget.setVisible(bool(misfits))
        if plan is None:
            self.proposals_table.setEnabled(False)
        else:
            self.proposals_table.setEnabled(True)
            if plan.proposals:
                fit_table(self.proposals_table, PROPOSAL_COLUMNS)
            place = self._places.get(plan.location_id)
            where = f" at {place.name}" if place else ""
            fitted = len(plan.proposals)
            self.plan_hint.setText(
                f"{APPOINTMENT_KIND_TITLES.get(plan.kind, plan.kind)} on "
                f"{long_day(day) if day else ''}{where}: {fitted} household"
                f"{'s' if fitted != 1 else ''} fit. Check the times, then book them."
                if fitted
                else "No household fits on that day with these hours. Try another day, "
                "other hours or another place."
            )
        self._update_buttons()

    def book(self) -> None:
        plan = self.plan
        if plan is None or not plan.proposals or self._booking or self._proposing:
            return
        day = to_local(plan.proposals[0].starts_at).date()
        appointments = self._appointments
        self._booking = True
        self._update_buttons()
        self.message.show_notice("Booking…")

        def failed(error: KnownError) -> None:
            if not self._alive():
                return
            self._booking = False
            if isinstance(error, ScheduleConflict):
                self._show_plan(None)
                lines = "\n".join(f"• {c.message}" for c in error.conflicts)
                self.message.show_error(
                    "Nothing was booked: some of these times were taken meanwhile.\n"
                    f"{lines}\nPropose times again."
                )
                self.plan_hint.setText("Propose times again: the proposal was out of date.")
            else:
                self.message.show_error(error.message)
            self._update_buttons()

        run_in_background(
            lambda: appointments.schedule_bulk(plan),
            lambda ids: self._booked(ids, day),
            failed,
        )

    def _booked(self, ids: list[str], day: date) -> None:
        if not self._alive():
            return
        self._booking = False
        self.booked_ids = list(ids)
        self.booked_day = day
        self.accept()

    def unplaced_count(self) -> int:
        return len(self.plan.unplaced) if self.plan is not None else 0

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)


__all__ = [
    "AppointmentDialog",
    "BulkScheduleDialog",
    "ConflictList",
    "Move",
    "NewAppointmentDialog",
    "NotificationDialog",
    "OutcomeDialog",
    "ReasonDialog",
    "RescheduleDialog",
]
