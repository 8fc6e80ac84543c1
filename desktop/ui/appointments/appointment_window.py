"""One appointment: everything about it, and what can be done with it now (who came,
how the family was told, move it, cancel it, the outcome of an interview).

The window reads the appointment and the dates the family was given off the GUI thread,
and every action runs as a write off it too. It does not reload itself after its own
writes: whoever opened it hands it the office's change notices (``on_change``; the
Appointments page does, the household window reloads it with itself), so it shows the
appointment as it is now, whoever changed it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.office.clock import OfficeClock
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlacesService
from desktop.ui.appointments.answers import (
    NotificationDialog,
    OutcomeDialog,
    ReasonDialog,
    cancel_form,
    notification_form,
    outcome_form,
)
from desktop.ui.appointments.attendance_box import AttendanceBox
from desktop.ui.appointments.booking import RescheduleDialog
from desktop.ui.appointments.models import (
    FACTS,
    NOTIFICATION_COLUMNS,
    chain_columns,
    facts_of,
    kind_title,
    status_text,
)
from desktop.ui.kit import dialogs, operations, palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, add_button, heading, muted


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AppointmentDialog(QDialog):
    """Everything about one appointment, and what can be done with it now.

    ``can_write`` False shows the appointment only. ``open_case(case_id)``, when given,
    opens the household. Whoever opens the window passes it the change notices
    (``on_change``) so that it shows the appointment as it is now.
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        appointment_id: str,
        *,
        places: PlacesService,
        clock: OfficeClock,
        can_write: bool,
        open_case: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.setWindowTitle(tr("Appointment"))
        self.setMinimumWidth(720)
        self._appointments = appointments
        self._places = places
        self._clock = clock
        self._can_write = can_write
        self._open_case = open_case
        self.appointment_id = appointment_id
        self.appointment: AppointmentRecord | None = None

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        self._build_top(layout)
        self._build_facts(layout)
        self.message = InlineMessage(self)
        self.message.setObjectName("appointmentMessage")
        layout.addWidget(self.message)
        self.people = AttendanceBox(self, self.record_attendance)
        layout.addWidget(self.people)
        layout.addWidget(self._build_told())
        layout.addWidget(self._build_chain())
        self._build_actions(layout)
        self.read_only_note = muted(
            tr("Read only: your role can see appointments but not change them."), self
        )
        self.read_only_note.setVisible(not can_write)
        layout.addWidget(self.read_only_note)
        for button in self.write_buttons():
            button.setVisible(can_write)
        self._update_buttons()
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build_top(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        self.title = heading(tr("Appointment"), self, 1.3)
        self.title.setObjectName("appointmentTitle")
        top.addWidget(self.title)
        top.addSpacing(SPACING)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("appointmentStatus")
        self.status_label.setStyleSheet(palette.badge_style(palette.BADGE_STATUS))
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout.addLayout(top)

    def _build_facts(self, layout: QVBoxLayout) -> None:
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in FACTS:
            label = _selectable(QLabel(self))
            label.setObjectName(f"fact_{key}")
            facts.addRow(tr(title), label)
            self.fact_labels[key] = label
        self._facts = facts
        layout.addLayout(facts)

    def _build_told(self) -> QGroupBox:
        told = QGroupBox(tr("Family told"), self)
        box = QVBoxLayout(told)
        self.not_told = muted(tr("The family has not been told yet."), told)
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
            tr("Record how the family was told…"),
            "recordNotification",
            self.record_notification,
        )
        row.addStretch(1)
        box.addLayout(row)
        return told

    def _build_chain(self) -> QGroupBox:
        self.chain_box = QGroupBox(tr("Dates given to the family"), self)
        box = QVBoxLayout(self.chain_box)
        self.chain_model: RecordListModel[AppointmentRecord] = RecordListModel(
            chain_columns(lambda: self.appointment_id)
        )
        self.chain_model.setParent(self)
        self.chain_table = record_table(self.chain_box, "chainTable", self.chain_model)
        self.chain_table.setMaximumHeight(self.chain_table.fontMetrics().height() * 7)
        self.chain_table.setToolTip(tr("Double-click a date to show that appointment"))
        self.chain_table.activated.connect(lambda index: self._show_in_chain(index.row()))
        box.addWidget(self.chain_table)
        self.chain_box.hide()
        return self.chain_box

    def _build_actions(self, layout: QVBoxLayout) -> None:
        actions = QHBoxLayout()
        self.reschedule_button = add_button(
            self, actions, tr("Reschedule…"), "rescheduleAppointment", self.reschedule
        )
        self.cancel_button = add_button(
            self,
            actions,
            tr("Cancel appointment…"),
            "cancelAppointment",
            self.cancel_appointment,
        )
        self.outcome_button = add_button(
            self, actions, tr("Interview outcome…"), "interviewOutcome", self.record_outcome
        )
        self.case_button = add_button(
            self, actions, tr("Open household"), "openHousehold", self._case
        )
        self.case_button.setVisible(self._open_case is not None)
        actions.addStretch(1)
        close = QPushButton(tr("Close"), self)
        close.setObjectName("closeAppointment")
        close.clicked.connect(lambda _c=False: self.reject())
        actions.addWidget(close)
        layout.addLayout(actions)

    def write_buttons(self) -> list[QPushButton]:
        return [
            self.people.button,
            self.notify_button,
            self.reschedule_button,
            self.cancel_button,
            self.outcome_button,
        ]

    # -- loading -----------------------------------------------------------------------------
    def reload(self, *, quiet: bool = False) -> None:
        """Read the appointment shown (and its chain of dates) again."""
        appointments, appointment_id = self._appointments, self.appointment_id

        def work() -> tuple[AppointmentRecord, list[AppointmentRecord]]:
            return appointments.get(appointment_id), appointments.chain(appointment_id)

        op = QueryOp(self, work).replacing("load")
        if quiet:
            op.quiet()
        op.success(lambda found: self._loaded(*found)).failure(self._failed).run()
        self._update_buttons()

    def on_change(self, change: Change) -> None:
        """Something was written: reload if it touches the appointment shown (its
        household's people and notices included) or the places."""
        a = self.appointment
        if (
            self.appointment_id in change.ids
            or change.touches(Kind.PLACE)
            or (a is not None and change.touches_case(a.case_id))
        ):
            self.reload(quiet=True)

    def loading(self) -> bool:
        """Whether the appointment is being read or changed."""
        return operations.is_busy(self)

    def _loaded(self, a: AppointmentRecord, chain: list[AppointmentRecord]) -> None:
        before, self.appointment = self.appointment, a
        self.setWindowTitle(f"{kind_title(a)} – {a.case_number}")
        self.title.setText(kind_title(a))
        self.status_label.setText(status_text(a))
        facts = facts_of(a, self._clock.today())
        for key, label in self.fact_labels.items():
            text = facts.get(key, "")
            label.setText(text)
            self._facts.setRowVisible(label, bool(text))
        self.people.show_people(a, before if before is not None and before.id == a.id else None)
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

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)
        self._update_buttons()

    # -- what can be done now ------------------------------------------------------------------
    def _update_buttons(self) -> None:
        a = self.appointment
        can = self._can_write and a is not None and not operations.is_busy(self)
        status = a.status if a else ""
        self.people.update_state(a, self._clock.today(), can, self._can_write)
        self.notify_button.setEnabled(can and status in ("scheduled", "notified"))
        movable = status in ("scheduled", "notified", "no_show") and not (
            a is not None and a.rescheduled_to_id
        )
        self.reschedule_button.setEnabled(can and movable)
        self.cancel_button.setEnabled(can and status in ("scheduled", "notified"))
        interview = a is not None and a.kind == "interview"
        self.outcome_button.setVisible(self._can_write and interview)
        self.outcome_button.setEnabled(can and interview and status == "attended")
        self.outcome_button.setToolTip(
            tr("Record who came to the interview first.")
            if interview and status != "attended"
            else ""
        )
        self.case_button.setEnabled(a is not None)

    # -- actions -------------------------------------------------------------------------------
    def record_attendance(self) -> None:
        a = self.appointment
        if a is None or not self._can_write:
            return
        present = self.people.present()
        if not present and not dialogs.confirm(
            self,
            tr("No-show"),
            tr(
                "Nobody is ticked as present. Record this appointment as a no-show?\n\n"
                "It goes on the no-show follow-up list until it gets a new date."
            ),
        ):
            return
        appointments, appointment_id, invited = self._appointments, a.id, len(a.attendees)

        def said(status: str) -> str:
            if status == "no_show":
                return tr("Recorded as a no-show: it is on the no-show follow-up list.")
            return tr("Attendance recorded: {came} of {invited} came.").format(
                came=len(present), invited=invited
            )

        self.message.show_notice(tr("Saving…"))
        WriteOp(self, lambda: appointments.record_attendance(appointment_id, present)).success(
            lambda status: self._saved(said(status))
        ).failure(self._failed).run()
        self._update_buttons()

    def _saved(self, notice: str) -> None:
        """A change went through; its change notice brings the appointment as it is now."""
        self.message.show_notice(notice)
        self._update_buttons()

    def _open_form(self, dialog: QDialog, after: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                after()

        dialog.finished.connect(finished)
        dialog.open()

    def record_notification(self) -> NotificationDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = notification_form(self, self._appointments, [a])
        self._open_form(dialog, lambda: self._saved(tr("Recorded how the family was told.")))
        return dialog

    def reschedule(self) -> RescheduleDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = RescheduleDialog(self, self._appointments, self._places, self._clock, a)

        def after() -> None:
            moved = dialog.value()
            if dialog.new_id:  # show the new date: the old one can no longer change
                self.appointment_id = dialog.new_id
                self.reload()
            self._saved(
                tr("Moved to {when}. Tell the family the new date.").format(
                    when=f"{moved.day:%a %d %b} {moved.start:%H:%M}"
                )
            )

        self._open_form(dialog, after)
        return dialog

    def cancel_appointment(self) -> ReasonDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = cancel_form(self, self._appointments, a)
        self._open_form(dialog, lambda: self._saved(tr("The appointment is cancelled.")))
        return dialog

    def record_outcome(self) -> OutcomeDialog | None:
        a = self.appointment
        if a is None or not self._can_write:
            return None
        dialog = outcome_form(self, self._appointments, a)
        self._open_form(dialog, lambda: self._saved(tr("Interview outcome recorded.")))
        return dialog

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
        operations.abandon(self)
        for child in self.findChildren(QDialog):
            child.reject()
        super().done(result)
