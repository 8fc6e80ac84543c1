"""The household window's schedule: its appointments (upcoming first), the orientation
sessions its members are enrolled in, and whether it is ready to travel.

Everything loads in the background, together, whenever the household window reloads
(it reloads from the change notices, so a booking made here or anywhere shows by
itself); an appointment window opened from here reloads with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
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

from desktop.errors import KnownError
from desktop.services.journey.readiness import ReadinessService
from desktop.services.office.clock import OfficeClock
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService
from desktop.services.schedule.places import PlacesService
from desktop.ui.appointments.appointment_window import AppointmentDialog
from desktop.ui.appointments.booking import NewAppointmentDialog
from desktop.ui.appointments.case_facts import (
    APPOINTMENT_COLUMNS,
    OrientationRow,
    ScheduleFacts,
    appointments_summary,
    blockers_headline,
    load_schedule,
    orientation_columns,
    orientation_summary,
)
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import Column, RecordListModel, fit_table, kept_view, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted

_READY = palette.badge_style(palette.BADGE_GOOD, "QPushButton")
_BLOCKED = palette.badge_style(palette.BADGE_WARNING, "QPushButton")
_UNKNOWN = palette.badge_style(palette.BADGE_NEUTRAL, "QPushButton")
#: the blocker message of an item in the list (headings have none)
_MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1


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


class CaseSchedulePanel(QWidget):
    """Tabs for appointments, orientation and the window's history, beside a box that
    lists what stops the household from travelling.

    ``members()`` gives the household's people as ``(person_id, name)`` for a new
    appointment. The household window reloads the panel (``reload``) whenever a change
    notice touches the household.
    """

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
        self._fitted: set[str] = set()
        self.facts: ScheduleFacts | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._appointments_tab(), tr("Appointments"))
        self.tabs.addTab(self._orientation_tab(), tr("Orientation"))
        self.tabs.addTab(history, tr("History and notes"))
        row.addWidget(self.tabs, 1)
        readiness = self._readiness_box()
        readiness.setMinimumWidth(300)
        readiness.setMaximumWidth(400)
        row.addWidget(readiness)

        #: shown beside the case status at the top of the window
        self.badge = QPushButton(tr("Readiness…"), parent)
        self.badge.setObjectName("readinessBadge")
        self.badge.setStyleSheet(_UNKNOWN)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.setToolTip(tr("What stops this household from travelling"))
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
        self.new_appointment_button = QPushButton(tr("New appointment…"), tab)
        self.new_appointment_button.setObjectName("newAppointment")
        self.new_appointment_button.clicked.connect(lambda _c=False: self.new_appointment())
        self.open_appointment_button = QPushButton(tr("Open…"), tab)
        self.open_appointment_button.setObjectName("openAppointment")
        self.open_appointment_button.clicked.connect(lambda _c=False: self.open_appointment())
        row.addWidget(self.new_appointment_button)
        row.addWidget(self.open_appointment_button)
        row.addStretch(1)
        box.addLayout(row)
        return tab

    def _orientation_tab(self) -> QWidget:
        tab, box, self.orientation_summary = self._summary_tab("orientationSummary")
        self._orientation_columns = orientation_columns(self._schedule.clock)
        self.orientation_model: RecordListModel[OrientationRow] = RecordListModel(
            self._orientation_columns
        )
        self.orientation_model.setParent(self)
        self.orientation_table = record_table(
            tab, "orientationTable", self.orientation_model, row_padding=12
        )
        box.addWidget(self.orientation_table, 1)
        return tab

    def _readiness_box(self) -> QGroupBox:
        box = QGroupBox(tr("Travel readiness"), self)
        box.setObjectName("readinessBox")
        inner = QVBoxLayout(box)
        self.readiness_headline = QLabel(tr("Checking…"), box)
        self.readiness_headline.setObjectName("readinessHeadline")
        inner.addWidget(self.readiness_headline)
        self.readiness_list = QListWidget(box)
        self.readiness_list.setObjectName("blockersList")
        self.readiness_list.setAccessibleName(tr("What stops the household from travelling"))
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
        """Read everything again (the household window reloads; something it shows may
        have changed): the appointment window open over it reads its appointment again."""
        s, case_id = self._schedule, self._case_id
        QueryOp(
            self,
            lambda: load_schedule(
                s.appointments, s.orientation, s.readiness, case_id, s.clock.now()
            ),
        ).replacing("load").success(self._loaded).failure(self._failed).run()
        for dialog in self.findChildren(AppointmentDialog):
            dialog.reload(quiet=True)

    def loading(self) -> bool:
        return operations.is_busy(self)

    def _loaded(self, facts: ScheduleFacts) -> None:
        self.facts = facts
        self.message.clear()
        self._show_appointments(facts)
        self._show_orientation(facts)
        self._show_readiness(facts)
        self._update_buttons()

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)

    def _fit(self, name: str, table: QTableView, columns: Sequence[Column[object]]) -> None:
        if name not in self._fitted and table.model().rowCount():
            fit_table(table, columns)
            self._fitted.add(name)

    def _show_appointments(self, facts: ScheduleFacts) -> None:
        with kept_view(self.appointments_table, lambda r: self.appointments_model.record(r).id):
            self.appointments_model.set_rows(facts.appointments)
        self._fit("appointments", self.appointments_table, APPOINTMENT_COLUMNS)  # type: ignore[arg-type]
        self.appointments_summary.setText(appointments_summary(facts))
        self.tabs.setTabText(
            0,
            tr("Appointments ({count} upcoming)").format(count=facts.upcoming)
            if facts.upcoming
            else tr("Appointments"),
        )

    def _show_orientation(self, facts: ScheduleFacts) -> None:
        rows = [OrientationRow(o.session, m) for o in facts.orientation for m in o.members]
        self.orientation_model.set_rows(rows)
        self._fit("orientation", self.orientation_table, self._orientation_columns)  # type: ignore[arg-type]
        summary, came = orientation_summary(rows, self._schedule.can_schedule)
        self.orientation_summary.setText(summary)
        self.tabs.setTabText(
            1,
            tr("Orientation ({count} attended)").format(count=came) if rows else tr("Orientation"),
        )

    def _show_readiness(self, facts: ScheduleFacts) -> None:
        report = facts.readiness
        headline = blockers_headline(report)
        self.badge.setText(headline)
        self.badge.setStyleSheet(_READY if report.ready else _BLOCKED)
        rules = "; ".join(facts.rule_titles)
        self.readiness_list.clear()
        if report.ready:
            self.readiness_headline.setText(tr("Ready to travel"))
            self.readiness_headline.setStyleSheet(palette.text_style(palette.GOOD, bold=True))
            self.readiness_list.hide()
            self.readiness_rules.setText(tr("Rules checked: {rules}.").format(rules=rules))
            self.readiness_rules.setToolTip("")
            return
        self.readiness_headline.setText(tr("{headline}:").format(headline=headline))
        self.readiness_headline.setStyleSheet(palette.text_style(palette.WARNING, bold=True))
        self._list_blockers(facts)
        self.readiness_list.show()
        self.readiness_rules.setText(
            plural(
                len(facts.rule_titles), tr_noop("{n} rule checked."), tr_noop("{n} rules checked.")
            )
        )
        self.readiness_rules.setToolTip(tr("Rules checked: {rules}.").format(rules=rules))

    def _list_blockers(self, facts: ScheduleFacts) -> None:
        """The blockers under the rule that found them (a heading when there is a choice)."""
        report = facts.readiness
        by_rule: dict[str, list[str]] = {}
        for blocker in report.blockers:
            by_rule.setdefault(blocker.rule_code, []).append(blocker.message)
        titles = dict(zip(report.rules_checked, facts.rule_titles, strict=True))
        for code, messages in by_rule.items():
            if len(by_rule) > 1 or len(messages) > 1:
                heading = QListWidgetItem(
                    f"{titles.get(code, code)} ({len(messages)})", self.readiness_list
                )
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setForeground(QColor(palette.WARNING))
            for message in messages:
                item = QListWidgetItem(f"• {message}", self.readiness_list)
                item.setData(_MESSAGE_ROLE, message)
                item.setToolTip(message)

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
        self.new_appointment_button.setEnabled(self._schedule.can_schedule)
        self.new_appointment_button.setVisible(self._schedule.can_schedule)
        self.open_appointment_button.setEnabled(self.selected_appointment() is not None)

    def new_appointment(self) -> NewAppointmentDialog | None:
        if not self._schedule.can_schedule:
            return None
        s = self._schedule
        dialog = NewAppointmentDialog(
            self, s.appointments, s.places, s.clock, self._case_id, self._members()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_appointment(self) -> AppointmentDialog | None:
        chosen = self.selected_appointment()
        if chosen is None:
            return None
        s = self._schedule
        dialog = AppointmentDialog(
            self,
            s.appointments,
            chosen.id,
            places=s.places,
            clock=s.clock,
            can_write=s.can_schedule,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def close_dialogs(self) -> None:
        """The household window closes: drop what is in flight, close the dialogs."""
        operations.abandon(self)
        for dialog in self.findChildren(QDialog):
            dialog.reject()
