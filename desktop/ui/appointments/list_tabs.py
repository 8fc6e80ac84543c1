"""The lists of the Appointments page: a table of appointments that keeps its selection
and scroll position across reloads, and the two follow-up tabs (the families still to be
told of an appointment coming up; the no-shows still without a new date).

The tabs are views: the page reads their rows and runs what their buttons ask for (the
``ScheduleActions`` it implements).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office.clock import OfficeClock
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.ui.appointments.models import NO_SHOW_COLUMNS, inform_columns, status_text
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import (
    Column,
    RecordListModel,
    RecordRole,
    fit_columns,
    kept_view,
    registry_table,
)
from desktop.ui.kit.widgets import SPACING, add_button, muted

Index = QModelIndex | QPersistentModelIndex

_STATUS_COLOURS = {
    "no_show": palette.ERROR,
    "cancelled": palette.FAINT,
    "rescheduled": palette.FAINT,
    "attended": palette.GOOD,
    "notified": palette.INFO,
}


class ScheduleActions(Protocol):
    """What the buttons and rows of the page's tabs ask the page to do."""

    def open_appointment(self, appointment_id: str) -> object: ...

    def print_slips(self, records: Sequence[AppointmentRecord]) -> None: ...

    def record_notification(self) -> object: ...

    def reschedule_no_show(self) -> object: ...

    def close_follow_up(self) -> object: ...

    def print_agenda(self) -> None: ...

    def schedule_many(self) -> object: ...


class StatusDelegate(QStyledItemDelegate):
    """Colours a status cell: no-shows red, attended green, cancelled grey."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        record = index.data(RecordRole)
        colour = _STATUS_COLOURS.get(record.status) if record is not None else None
        if colour is not None:
            option.palette.setColor(option.palette.ColorRole.Text, QColor(colour))
            option.palette.setColor(option.palette.ColorRole.HighlightedText, QColor("white"))


class AppointmentList:
    """A table of appointments with its model. Enter or a double click opens a row."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        columns: list[Column[AppointmentRecord]],
        actions: ScheduleActions,
    ) -> None:
        self.columns = columns
        self.model: RecordListModel[AppointmentRecord] = RecordListModel(columns)
        self.model.setParent(parent)
        self.table: QTableView = registry_table(parent, name)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for number, column in enumerate(columns):
            if column.value is status_text:
                self.table.setItemDelegateForColumn(number, StatusDelegate(self.table))
        self.table.activated.connect(
            lambda index: actions.open_appointment(self.model.record(index.row()).id)
        )
        self._fitted = False

    def set_rows(self, rows: Sequence[AppointmentRecord]) -> None:
        """Show ``rows``; the appointments selected before stay selected, the view keeps
        its scroll position."""
        with kept_view(self.table, lambda row: self.model.record(row).id):
            self.model.set_rows(rows)
        if rows and not self._fitted:
            fit_columns(self.table, self.columns)
            # the last column takes what is left: no sideways scrolling on a laptop
            header = self.table.horizontalHeader()
            last = len(self.columns) - 1
            title = tr(self.columns[last].title)
            header.resizeSection(last, header.fontMetrics().horizontalAdvance(title) + 16)
            self._fitted = True

    def rows(self) -> list[AppointmentRecord]:
        return [self.model.record(r) for r in range(self.model.rowCount())]

    def selected(self) -> list[AppointmentRecord]:
        numbers = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.record(n) for n in numbers if n < self.model.rowCount()]

    def select(self, appointment_ids: Sequence[str]) -> None:
        """Select these rows (as the clerk would, with Ctrl held)."""
        self.table.clearSelection()
        selection = self.table.selectionModel()
        wanted = set(appointment_ids)
        for number, row in enumerate(self.rows()):
            if row.id in wanted:
                selection.select(
                    self.model.index(number, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )


class ListTab(QWidget):
    """A tab of one list: what it is for, the table, what shows when it is empty, and a
    row for the tab's buttons. ``title`` is marked with ``tr_noop``; the tab shows how
    many rows wait (``tab_text``)."""

    title = ""

    def __init__(
        self,
        parent: QWidget,
        actions: ScheduleActions,
        intro: str,
        name: str,
        columns: list[Column[AppointmentRecord]],
        empty_text: str,
        empty_name: str,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        column = QVBoxLayout(self)
        column.setContentsMargins(0, SPACING, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(muted(intro, self))
        self.list = AppointmentList(self, name, columns, actions)
        column.addWidget(self.list.table, 1)
        self.empty = muted(empty_text, self)
        self.empty.setObjectName(empty_name)
        self.empty.hide()
        column.addWidget(self.empty)
        self.button_row = QHBoxLayout()
        column.addLayout(self.button_row)

    def show_rows(self, rows: Sequence[AppointmentRecord]) -> None:
        self.list.set_rows(rows)
        self.empty.setVisible(not rows)

    def tab_text(self) -> str:
        count = self.list.model.rowCount()
        if not count:
            return tr(self.title)
        return tr("{title} ({count})").format(title=tr(self.title), count=count)

    def _open_selected(self) -> None:
        chosen = self.list.selected()
        if len(chosen) == 1:
            self._actions.open_appointment(chosen[0].id)

    def _button(
        self, text: str, name: str, slot: Callable[[], object], tip: str = ""
    ) -> QPushButton:
        return add_button(self, self.button_row, text, name, slot, tip)


class InformTab(ListTab):
    """Appointments starting soon whose families have not been told yet."""

    title = tr_noop("To inform")

    def __init__(self, parent: QWidget, actions: ScheduleActions, clock: OfficeClock) -> None:
        super().__init__(
            parent,
            actions,
            tr(
                "Appointments starting soon whose families have not been told yet. Print "
                "their slips (handed over or given to a focal point), or record how they "
                "were told."
            ),
            "toInformTable",
            inform_columns(clock),
            tr("Every family with an appointment coming up has been told."),
            "informEmpty",
        )
        self.slips_button = self._button(tr("Print slips…"), "informPrintSlips", self._print_slips)
        self.notify_button = self._button(
            tr("Record how they were told…"),
            "recordNotification",
            actions.record_notification,
            tr("Phone call, via a focal point, in person or a printed slip"),
        )
        self.open_button = self._button(tr("Open…"), "informOpen", self._open_selected)
        self.button_row.addStretch(1)

    def _print_slips(self) -> None:
        self._actions.print_slips(self.list.selected() or self.list.rows())

    def update_buttons(self, printing: bool) -> None:
        chosen = self.list.selected()
        count = len(chosen) or self.list.model.rowCount()
        self.slips_button.setText(
            tr("Print slips ({count} selected)…").format(count=len(chosen))
            if chosen
            else tr("Print slips (all {count})…").format(count=count)
        )
        self.slips_button.setEnabled(bool(count) and not printing)
        self.notify_button.setEnabled(bool(chosen))
        self.notify_button.setToolTip(
            tr("Phone call, via a focal point, in person or a printed slip")
            if chosen
            else tr("Select the appointments whose families were told")
        )
        self.open_button.setEnabled(len(chosen) == 1)


class NoShowTab(ListTab):
    """Missed appointments without a new date: give one, or close the follow-up."""

    title = tr_noop("No-show follow-up")

    def __init__(self, parent: QWidget, actions: ScheduleActions) -> None:
        super().__init__(
            parent,
            actions,
            tr(
                "Missed appointments without a new date. Give the family a new date, or "
                "close the follow-up with the reason none is needed (for example the "
                "household withdrew)."
            ),
            "noShowTable",
            NO_SHOW_COLUMNS,
            tr("No missed appointment is waiting for a new date."),
            "noShowEmpty",
        )
        self.list.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reschedule_button = self._button(
            tr("Reschedule…"), "rescheduleNoShow", actions.reschedule_no_show
        )
        self.close_button = self._button(
            tr("Close follow-up…"),
            "closeFollowUp",
            actions.close_follow_up,
            tr("No new date is needed; say why"),
        )
        self.open_button = self._button(tr("Open…"), "noShowOpen", self._open_selected)
        self.button_row.addStretch(1)

    def show_rows(self, rows: Sequence[AppointmentRecord]) -> None:
        super().show_rows(rows)
        if rows and not self.list.selected():
            self.list.table.selectRow(0)  # its buttons work at once

    def update_buttons(self) -> None:
        one = len(self.list.selected()) == 1
        for button in (self.reschedule_button, self.close_button, self.open_button):
            button.setEnabled(one)
