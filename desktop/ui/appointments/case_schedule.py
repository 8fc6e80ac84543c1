"""The household window's schedule: its appointments (upcoming first), the orientation
sessions its members are enrolled in, and whether it is ready to travel.

Everything loads in the background, together, whenever the household window reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import KnownError
from desktop.services.journey.readiness import ReadinessReport, ReadinessService
from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.schedule.appointments import AppointmentRecord, AppointmentService
from desktop.services.schedule.orientation import (
    CaseOrientation,
    EnrolmentRecord,
    OrientationService,
    SessionRecord,
)
from desktop.services.schedule.places import PlacesService
from desktop.ui.appointments.dialogs import AppointmentDialog, NewAppointmentDialog
from desktop.ui.appointments.models import status_text, told_text
from desktop.ui.kit.tables import Column, RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted
from desktop.ui.orientation.models import (
    attendance_word,
    session_when,
)
from desktop.ui.worker import run_in_background

_BADGE = (
    "QPushButton {{ background: {bg}; color: {fg}; border: none; border-radius: 4px;"
    " padding: 2px 8px; font-weight: bold; }}"
)
_READY = _BADGE.format(bg="#dcfce7", fg="#166534")
_BLOCKED = _BADGE.format(bg="#fef3c7", fg="#92400e")
_UNKNOWN = _BADGE.format(bg="#e2e8f0", fg="#334155")
#: the blocker message of an item in the list (headings have none)
_MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADLINE_READY = "color: #166534; font-weight: bold;"
_HEADLINE_BLOCKED = "color: #92400e; font-weight: bold;"


@dataclass(frozen=True)
class CaseSchedule:
    """The services the household window needs for appointments, orientation and
    readiness, and whether the signed-in user may book (``Perm.SCHEDULE_WRITE``)."""

    appointments: AppointmentService
    orientation: OrientationService
    readiness: ReadinessService
    places: PlacesService
    can_schedule: bool
    #: the office clock (what is upcoming, what is past)
    clock: OfficeClock


@dataclass(frozen=True)
class ScheduleFacts:
    appointments: tuple[AppointmentRecord, ...]  # upcoming soonest first, then past latest first
    upcoming: int
    orientation: tuple[CaseOrientation, ...]
    readiness: ReadinessReport
    rule_titles: tuple[str, ...]  # of the rules checked, in their order


@dataclass(frozen=True)
class OrientationRow:
    """One member in one session (the household's view of orientation)."""

    session: SessionRecord
    member: EnrolmentRecord


# -- how it reads --------------------------------------------------------------------------------


def appointment_when(a: AppointmentRecord) -> str:
    """Tue 14 Apr 2026 09:30, in office time."""
    return f"{to_local(a.starts_at):%a %d %b %Y %H:%M}"


def who_came(a: AppointmentRecord) -> str:
    """3 of 4 came, once attendance is recorded; otherwise who is invited."""
    invited = len(a.attendees)
    if any(p.attended is not None for p in a.attendees):
        came = sum(1 for p in a.attendees if p.attended)
        return f"{came} of {invited} came"
    return "1 person invited" if invited == 1 else f"{invited} people invited"


def who_came_tip(a: AppointmentRecord) -> str:
    return "\n".join(
        f"{p.name}: {attendance_word(p.attended).lower()}"
        if p.attended is not None
        else f"{p.name}: invited"
        for p in a.attendees
    )


APPOINTMENT_COLUMNS: list[Column[AppointmentRecord]] = [
    Column("When", appointment_when, sample="Wed 30 Sep 2026 00:00"),
    Column("Kind", lambda a: a.kind_title, sample="Immigration interview", tip=True),
    Column("Place", lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column("Status", status_text, sample="Rescheduled", tip=True),
    Column("Family told", told_text, sample="Phone · Tue 31 Mar 14:05", tip=True),
    Column("Who came", who_came, sample="10 people invited"),
]


def orientation_attendance(row: OrientationRow) -> str:
    if row.session.cancelled:
        return "Session cancelled"
    if row.member.attended is None and row.session.starts_at > datetime.now(UTC):
        return "Session ahead"
    return attendance_word(row.member.attended)


ORIENTATION_COLUMNS: list[Column[OrientationRow]] = [
    Column("Member", lambda r: r.member.name, sample="Abdul Karim Ahmadzai", tip=True),
    Column(
        "Name (native script)",
        lambda r: r.member.native_name,
        rtl=True,
        sample="عبدالکریم احمدزی",
        tip=True,
    ),
    Column("Attended", orientation_attendance, sample="Session cancelled"),
    Column("Session", lambda r: session_when(r.session), sample="Wed 30 Sep 2026  00:00–00:00"),
    Column("Language", lambda r: r.session.language, sample="Pashto"),
    Column("Place", lambda r: r.session.location_name, sample="IOM training hall", tip=True),
]


def blockers_headline(report: ReadinessReport) -> str:
    count = len(report.blockers)
    if report.ready:
        return "Ready to travel"
    return "1 blocker" if count == 1 else f"{count} blockers"


def load_schedule(schedule: CaseSchedule, case_id: str, now: datetime) -> ScheduleFacts:
    """Everything the panel shows, read in one go (runs in the background)."""
    found = schedule.appointments.for_case(case_id)  # latest first
    ahead = sorted((a for a in found if a.starts_at >= now), key=lambda a: a.starts_at)
    before = [a for a in found if a.starts_at < now]
    sessions = schedule.orientation.sessions_for_case(case_id)
    report = schedule.readiness.blockers(case_id, now=now)
    titles = {rule.code: rule.title for rule in schedule.readiness.rules}
    return ScheduleFacts(
        appointments=(*ahead, *before),
        upcoming=len(ahead),
        orientation=tuple(sorted(sessions, key=lambda o: o.session.starts_at, reverse=True)),
        readiness=report,
        rule_titles=tuple(titles.get(code, code) for code in report.rules_checked),
    )


# -- the panel -----------------------------------------------------------------------------------


class CaseSchedulePanel(QWidget):
    """Tabs for appointments, orientation and the window's history, beside a box that
    lists what stops the household from travelling.

    ``members()`` gives the household's people as ``(person_id, name)`` for a new
    appointment. ``changed`` is emitted after an appointment was booked or changed
    (the household's status may have moved too).
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        schedule: CaseSchedule,
        case_id: str,
        history: QWidget,
        members: Callable[[], Sequence[tuple[str, str]]],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseSchedule")
        self._schedule = schedule
        self._case_id = case_id
        self._members = members
        self._loads = 0
        self._loading = False
        self._closing = False
        self._fitted: set[str] = set()
        self.facts: ScheduleFacts | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._appointments_tab(), "Appointments")
        self.tabs.addTab(self._orientation_tab(), "Orientation")
        self.tabs.addTab(history, "History and notes")
        row.addWidget(self.tabs, 1)
        readiness = self._readiness_box()
        readiness.setMinimumWidth(300)
        readiness.setMaximumWidth(400)
        row.addWidget(readiness)

        #: shown beside the case status at the top of the window
        self.badge = QPushButton("Readiness…", parent)
        self.badge.setObjectName("readinessBadge")
        self.badge.setStyleSheet(_UNKNOWN)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.setToolTip("What stops this household from travelling")
        self.badge.clicked.connect(lambda _c=False: self.readiness_list.setFocus())
        self._update_buttons()

    # -- building -----------------------------------------------------------------------------
    def _summary_tab(self, summary_name: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        """A tab that starts with a one-line summary (filled once the facts are loaded)."""
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, SPACING // 2, 0, 0)
        summary = muted("", tab)
        summary.setObjectName(summary_name)
        box.addWidget(summary)
        return tab, box, summary

    def _appointments_tab(self) -> QWidget:
        tab, box, self.appointments_summary = self._summary_tab("appointmentsSummary")
        self.appointments_model: RecordListModel[AppointmentRecord] = RecordListModel(
            APPOINTMENT_COLUMNS
        )
        self.appointments_model.setParent(self)
        self.appointments_table = record_table(
            tab, "appointmentsTable", self.appointments_model, row_padding=12
        )
        self.appointments_table.activated.connect(lambda _i: self.open_appointment())
        self.appointments_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        box.addWidget(self.appointments_table, 1)
        row = QHBoxLayout()
        self.new_appointment_button = QPushButton("New appointment…", tab)
        self.new_appointment_button.setObjectName("newAppointment")
        self.new_appointment_button.clicked.connect(lambda _c=False: self.new_appointment())
        self.open_appointment_button = QPushButton("Open…", tab)
        self.open_appointment_button.setObjectName("openAppointment")
        self.open_appointment_button.clicked.connect(lambda _c=False: self.open_appointment())
        row.addWidget(self.new_appointment_button)
        row.addWidget(self.open_appointment_button)
        row.addStretch(1)
        box.addLayout(row)
        return tab

    def _orientation_tab(self) -> QWidget:
        tab, box, self.orientation_summary = self._summary_tab("orientationSummary")
        self.orientation_model: RecordListModel[OrientationRow] = RecordListModel(
            ORIENTATION_COLUMNS
        )
        self.orientation_model.setParent(self)
        self.orientation_table = record_table(
            tab, "orientationTable", self.orientation_model, row_padding=12
        )
        box.addWidget(self.orientation_table, 1)
        return tab

    def _readiness_box(self) -> QGroupBox:
        box = QGroupBox("Travel readiness", self)
        box.setObjectName("readinessBox")
        inner = QVBoxLayout(box)
        self.readiness_headline = QLabel("Checking…", box)
        self.readiness_headline.setObjectName("readinessHeadline")
        inner.addWidget(self.readiness_headline)
        self.readiness_list = QListWidget(box)
        self.readiness_list.setObjectName("blockersList")
        self.readiness_list.setAccessibleName("What stops the household from travelling")
        self.readiness_list.setWordWrap(True)
        self.readiness_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.readiness_list.setAlternatingRowColors(True)
        inner.addWidget(self.readiness_list, 1)
        self.readiness_rules = muted("", box)
        self.readiness_rules.setObjectName("readinessRules")
        inner.addWidget(self.readiness_rules)
        self.message = InlineMessage(box)
        self.message.setObjectName("scheduleMessage")
        inner.addWidget(self.message)
        return box

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._closing:
            return
        self._loads += 1
        request = self._loads
        self._loading = True
        schedule, case_id = self._schedule, self._case_id
        run_in_background(
            lambda: load_schedule(schedule, case_id, datetime.now(UTC)),
            lambda facts: self._loaded(request, facts),
            lambda error: self._failed(request, error),
        )

    def loading(self) -> bool:
        return self._loading

    def _alive(self, request: int) -> bool:
        return not self._closing and isValid(self) and request == self._loads

    def _loaded(self, request: int, facts: ScheduleFacts) -> None:
        if not self._alive(request):
            return
        self._loading = False
        self.facts = facts
        self.message.clear()
        self._show_appointments(facts)
        self._show_orientation(facts)
        self._show_readiness(facts)
        self._update_buttons()

    def _failed(self, request: int, error: KnownError) -> None:
        if not self._alive(request):
            return
        self._loading = False
        self.message.show_error(error.message)

    def _fit(self, name: str, table: QTableView, columns: Sequence[Column[object]]) -> None:
        if name not in self._fitted and table.model().rowCount():
            fit_table(table, columns)
            self._fitted.add(name)

    def _show_appointments(self, facts: ScheduleFacts) -> None:
        chosen = self.selected_appointment()
        rows = facts.appointments
        self.appointments_model.set_rows(rows)
        self._fit("appointments", self.appointments_table, APPOINTMENT_COLUMNS)  # type: ignore[arg-type]
        for row, record in enumerate(rows):
            if chosen is not None and record.id == chosen.id:
                self.appointments_table.selectRow(row)
        past = len(rows) - facts.upcoming
        if not rows:
            summary = "No appointments yet."
        else:
            parts = [f"{facts.upcoming} upcoming", f"{past} past"]
            untold = sum(
                1 for a in rows[: facts.upcoming] if a.status == "scheduled" and not a.notified
            )
            if untold:
                parts.append(f"{untold} not told yet")
            if facts.upcoming:
                first = rows[0]
                parts.insert(
                    0,
                    f"Next: {appointment_when(first)}, {first.kind_title} at {first.location_name}",
                )
            summary = "   ·   ".join(parts)
        self.appointments_summary.setText(summary)
        label = f"Appointments ({facts.upcoming} upcoming)" if facts.upcoming else "Appointments"
        self.tabs.setTabText(0, label)

    def _show_orientation(self, facts: ScheduleFacts) -> None:
        rows = [OrientationRow(o.session, m) for o in facts.orientation for m in o.members]
        self.orientation_model.set_rows(rows)
        self._fit("orientation", self.orientation_table, ORIENTATION_COLUMNS)  # type: ignore[arg-type]
        counted = [r for r in rows if not r.session.cancelled]
        came = {r.member.person_id for r in counted if r.member.attended}
        enrolled = {r.member.person_id for r in counted}
        if not rows:
            summary = "No member is enrolled in an orientation session yet."
        else:
            summary = (
                f"{len(enrolled)} member{'s' if len(enrolled) != 1 else ''} enrolled, "
                f"{len(came)} attended."
            )
        if self._schedule.can_schedule:
            summary += " Enrol the household on the Orientation page."
        self.orientation_summary.setText(summary)
        label = f"Orientation ({len(came)} attended)" if rows else "Orientation"
        self.tabs.setTabText(1, label)

    def _show_readiness(self, facts: ScheduleFacts) -> None:
        report = facts.readiness
        headline = blockers_headline(report)
        self.badge.setText(headline)
        self.badge.setStyleSheet(_READY if report.ready else _BLOCKED)
        rules = "; ".join(facts.rule_titles)
        self.readiness_list.clear()
        if report.ready:
            self.readiness_headline.setText("Ready to travel")
            self.readiness_headline.setStyleSheet(_HEADLINE_READY)
            self.readiness_list.hide()
            self.readiness_rules.setText(f"Rules checked: {rules}.")
            self.readiness_rules.setToolTip("")
            return
        self.readiness_headline.setText(f"{headline}:")
        self.readiness_headline.setStyleSheet(_HEADLINE_BLOCKED)
        by_rule: dict[str, list[str]] = {}
        for blocker in report.blockers:
            by_rule.setdefault(blocker.rule_code, []).append(blocker.message)
        titles = dict(zip(report.rules_checked, facts.rule_titles, strict=True))
        for code, messages in by_rule.items():
            if len(by_rule) > 1 or len(messages) > 1:  # a heading when there is a choice
                heading = QListWidgetItem(
                    f"{titles.get(code, code)} ({len(messages)})", self.readiness_list
                )
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setForeground(QColor("#92400e"))
            for message in messages:
                item = QListWidgetItem(f"• {message}", self.readiness_list)
                item.setData(_MESSAGE_ROLE, message)
                item.setToolTip(message)
        self.readiness_list.show()
        count = len(facts.rule_titles)
        self.readiness_rules.setText(f"{count} rule{'s' if count != 1 else ''} checked.")
        self.readiness_rules.setToolTip(f"Rules checked: {rules}.")

    # -- what the clerk does ----------------------------------------------------------------------
    def selected_appointment(self) -> AppointmentRecord | None:
        rows = self.appointments_table.selectionModel().selectedRows()
        return self.appointments_model.record(rows[0].row()) if rows else None

    def blockers(self) -> list[str]:
        """The blocker messages shown, without the rule headings."""
        found = []
        for number in range(self.readiness_list.count()):
            item = self.readiness_list.item(number)
            message = item.data(_MESSAGE_ROLE) if item is not None else None
            if isinstance(message, str):
                found.append(message)
        return found

    def _update_buttons(self) -> None:
        self.new_appointment_button.setEnabled(self._schedule.can_schedule and not self._closing)
        self.new_appointment_button.setVisible(self._schedule.can_schedule)
        self.open_appointment_button.setEnabled(self.selected_appointment() is not None)

    def new_appointment(self) -> NewAppointmentDialog | None:
        if self._closing or not self._schedule.can_schedule:
            return None
        s = self._schedule
        dialog = NewAppointmentDialog(
            self, s.appointments, s.places, self._case_id, self._members()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def open_appointment(self) -> AppointmentDialog | None:
        chosen = self.selected_appointment()
        if self._closing or chosen is None:
            return None
        s = self._schedule
        dialog = AppointmentDialog(
            self, s.appointments, chosen.id, places=s.places, can_write=s.can_schedule
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        if not self._closing:
            self.changed.emit()

    def close_dialogs(self) -> None:
        self._closing = True
        for dialog in self.findChildren(QDialog):
            dialog.reject()
