"""Appointments: the agenda of a day or a week per place and kind, the families still to
be told of an appointment coming up, and the no-shows still to be followed up.

Every list is read off the GUI thread; every change goes through a dialog whose OK
runs the service call in the background, then the lists reload. Slips and the agenda
print through the PDF preview; slips count as handed over only once they were really
printed or saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.office.clock import office_today, to_local
from desktop.services.printing.slips import PRINTABLE, PrintingService
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.appointments import AppointmentRecord, AppointmentService
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.services.vocabulary import APPOINTMENT_KIND_TITLES, APPOINTMENT_KINDS
from desktop.ui.appointments.dialogs import (
    AppointmentDialog,
    BulkScheduleDialog,
    NotificationDialog,
    ReasonDialog,
    RescheduleDialog,
    day_edit,
    from_qdate,
    to_qdate,
)
from desktop.ui.appointments.models import (
    DAY_COLUMNS,
    INFORM_COLUMNS,
    NO_SHOW_COLUMNS,
    WEEK_COLUMNS,
    day_and_clock,
    long_day,
    week_of,
)
from desktop.ui.kit import dialogs
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import Column, RecordListModel, RecordRole, fit_columns, registry_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.worker import run_in_background

_STATUS_COLOURS = {
    "no_show": "#b91c1c",
    "cancelled": "#64748b",
    "rescheduled": "#64748b",
    "attended": "#166534",
    "notified": "#1d4ed8",
}
_RANGE_STYLE = "font-weight: bold; font-size: 12pt;"
Index = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    """Colours a status cell: no-shows red, attended green, cancelled grey."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        record = index.data(RecordRole)
        colour = _STATUS_COLOURS.get(record.status) if record is not None else None
        if colour is not None:
            option.palette.setColor(option.palette.ColorRole.Text, QColor(colour))
            option.palette.setColor(option.palette.ColorRole.HighlightedText, QColor("white"))


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class _List:
    """A table of appointments with its model (and whether its columns were fitted)."""

    def __init__(self, parent: QWidget, name: str, columns: list[Column[AppointmentRecord]]):
        self.columns = columns
        self.model: RecordListModel[AppointmentRecord] = RecordListModel(columns)
        self.model.setParent(parent)
        self.table: QTableView = registry_table(parent, name)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for number, column in enumerate(columns):
            if column.title == "Status":
                self.table.setItemDelegateForColumn(number, StatusDelegate(self.table))
        self.fitted = False

    def set_rows(self, rows: Sequence[AppointmentRecord]) -> None:
        chosen = {r.id for r in self.selected()}
        self.model.set_rows(rows)
        if rows and not self.fitted:
            fit_columns(self.table, self.columns)
            # the last column takes what is left: no sideways scrolling on a laptop
            header = self.table.horizontalHeader()
            last = len(self.columns) - 1
            header.resizeSection(
                last, header.fontMetrics().horizontalAdvance(self.columns[last].title) + 16
            )
            self.fitted = True
        selection = self.table.selectionModel()
        for number, row in enumerate(rows):
            if row.id in chosen:
                selection.select(
                    self.model.index(number, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

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


class SchedulePage(Page):
    key = "schedule"
    title = "Appointments"
    icon = "fa6s.calendar-days"

    def __init__(
        self,
        appointments: AppointmentService,
        places: PlacesService,
        printing: PrintingService,
        registry: RegistryService,
        can_write: bool = False,
        *,
        open_case: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__()
        self._appointments = appointments
        self._places = places
        self._printing = printing
        self._registry = registry
        self._can_write = can_write
        self._open_case = open_case
        self._closing = False
        self._day = office_today()
        self._week = False
        self._agenda_loads = 0
        self._list_loads = 0
        self._pending: set[str] = set()
        self._place_records: list[PlaceRecord] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        self.message = InlineMessage(self)
        self.message.setObjectName("scheduleMessage")
        layout.addWidget(self.message)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scheduleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_agenda(), qta.icon("fa6s.calendar-days"), "Agenda")
        self.tabs.addTab(self._build_inform(), qta.icon("fa6s.bell"), "To inform")
        self.tabs.addTab(self._build_no_shows(), qta.icon("fa6s.user-clock"), "No-show follow-up")
        layout.addWidget(self.tabs, 1)

        for button in self.write_buttons():
            button.setVisible(can_write)
        self._show_range()
        self._update_buttons()

    # -- building -------------------------------------------------------------------------------
    def _build_agenda(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, SPACING, 0, 0)
        column.setSpacing(SPACING)

        nav = QHBoxLayout()
        nav.setSpacing(SPACING // 2)
        self.previous_button = QPushButton(qta.icon("fa6s.chevron-left"), "", tab)
        self.previous_button.setObjectName("previousDay")
        self.previous_button.clicked.connect(lambda _c=False: self.step(-1))
        self.today_button = QPushButton("Today", tab)
        self.today_button.setObjectName("today")
        self.today_button.clicked.connect(lambda _c=False: self.go_to(office_today()))
        self.next_button = QPushButton(qta.icon("fa6s.chevron-right"), "", tab)
        self.next_button.setObjectName("nextDay")
        self.next_button.clicked.connect(lambda _c=False: self.step(1))
        self.date_edit = day_edit(tab, "agendaDate", self._day)
        self.date_edit.setAccessibleName("Day shown")
        self.date_edit.dateChanged.connect(lambda _d: self._date_chosen())
        self.day_button = QPushButton("Day", tab)
        self.day_button.setObjectName("dayView")
        self.week_button = QPushButton("Week", tab)
        self.week_button.setObjectName("weekView")
        views = QButtonGroup(tab)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            views.addButton(button)
        self.day_button.setChecked(True)
        self.week_button.toggled.connect(self.set_week_view)
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_edit):
            nav.addWidget(widget)
        nav.addSpacing(SPACING)
        nav.addWidget(self.day_button)
        nav.addWidget(self.week_button)
        nav.addSpacing(SPACING)
        self.range_label = QLabel(tab)
        self.range_label.setObjectName("agendaRange")
        self.range_label.setStyleSheet(_RANGE_STYLE)
        nav.addWidget(self.range_label, 1)
        column.addLayout(nav)

        filters = QHBoxLayout()
        filters.setSpacing(SPACING // 2)
        self.place_filter = QComboBox(tab)
        self.place_filter.setObjectName("placeFilter")
        self.place_filter.setAccessibleName("Filter by place")
        self.place_filter.addItem("All places", None)
        self.place_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter = QComboBox(tab)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName("Filter by kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in APPOINTMENT_KINDS:
            self.kind_filter.addItem(APPOINTMENT_KIND_TITLES[kind], kind)
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_closed = QCheckBox("Show cancelled and rescheduled", tab)
        self.show_closed.setObjectName("showClosed")
        self.show_closed.setToolTip(
            "Also list appointments that were cancelled or given a new date"
        )
        filters.addWidget(self.place_filter)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(SPACING)
        filters.addWidget(self.show_closed)
        filters.addStretch(1)
        self.count_label = QLabel(tab)
        self.count_label.setObjectName("agendaCount")
        filters.addWidget(self.count_label)
        column.addLayout(filters)
        self.place_filter.currentIndexChanged.connect(lambda _i: self._load_agenda())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._load_agenda())
        self.show_closed.toggled.connect(lambda _c: self._load_agenda())

        self.day_list = _List(tab, "agendaDayTable", DAY_COLUMNS)
        self.week_list = _List(tab, "agendaWeekTable", WEEK_COLUMNS)
        self.agenda_stack = QStackedWidget(tab)
        for shown in (self.day_list, self.week_list):
            self.agenda_stack.addWidget(shown.table)
            self._watch(shown)
        column.addWidget(self.agenda_stack, 1)

        actions = QHBoxLayout()
        self.open_button = add_button(
            self,
            actions,
            "Open…",
            "openAppointment",
            self.open_selected,
            "Show the appointment (Enter)",
        )
        self.agenda_print_button = add_button(
            self,
            actions,
            "Print agenda…",
            "printAgenda",
            self.print_agenda,
            "The day's list for reception, with a column for signatures",
        )
        self.agenda_slips_button = add_button(
            self, actions, "Print slips…", "printSlips", self.print_agenda_slips
        )
        actions.addStretch(1)
        self.bulk_button = add_button(
            self,
            actions,
            "Schedule many…",
            "scheduleMany",
            self.schedule_many,
            "Book many households one after another on one day",
        )
        self.bulk_button.setIcon(qta.icon("fa6s.calendar-plus"))
        column.addLayout(actions)

        QShortcut(QKeySequence("Alt+Left"), tab, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), tab, lambda: self.step(1))
        return tab

    def _list_tab(
        self,
        intro: str,
        name: str,
        columns: list[Column[AppointmentRecord]],
        empty_text: str,
        empty_name: str,
    ) -> tuple[QWidget, _List, QLabel, QHBoxLayout]:
        """A tab of one list: what it is for, the table, what shows when it is empty, and an
        (empty) row for the tab's buttons."""
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, SPACING, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(muted(intro, tab))
        shown = _List(tab, name, columns)
        self._watch(shown)
        column.addWidget(shown.table, 1)
        empty = muted(empty_text, tab)
        empty.setObjectName(empty_name)
        empty.hide()
        column.addWidget(empty)
        actions = QHBoxLayout()
        column.addLayout(actions)
        return tab, shown, empty, actions

    def _watch(self, shown: _List) -> None:
        """Enter or a double click opens a row; a new selection updates the buttons."""
        shown.table.activated.connect(lambda index: self._open_row(shown, index))
        shown.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def _build_inform(self) -> QWidget:
        tab, self.inform_list, self.inform_empty, actions = self._list_tab(
            "Appointments starting soon whose families have not been told yet. Print "
            "their slips (handed over or given to a focal point), or record how they "
            "were told.",
            "toInformTable",
            INFORM_COLUMNS,
            "Every family with an appointment coming up has been told.",
            "informEmpty",
        )
        self.inform_slips_button = add_button(
            self, actions, "Print slips…", "informPrintSlips", self.print_inform_slips
        )
        self.notify_button = add_button(
            self,
            actions,
            "Record how they were told…",
            "recordNotification",
            self.record_notification,
            "Phone call, via a focal point, in person or a printed slip",
        )
        self.inform_open_button = add_button(
            self, actions, "Open…", "informOpen", lambda: self._open_selected(self.inform_list)
        )
        actions.addStretch(1)
        return tab

    def _build_no_shows(self) -> QWidget:
        tab, self.no_show_list, self.no_show_empty, actions = self._list_tab(
            "Missed appointments without a new date. Give the family a new date, or "
            "close the follow-up with the reason none is needed (for example the "
            "household withdrew).",
            "noShowTable",
            NO_SHOW_COLUMNS,
            "No missed appointment is waiting for a new date.",
            "noShowEmpty",
        )
        self.no_show_list.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reschedule_button = add_button(
            self, actions, "Reschedule…", "rescheduleNoShow", self.reschedule_no_show
        )
        self.close_follow_up_button = add_button(
            self,
            actions,
            "Close follow-up…",
            "closeFollowUp",
            self.close_follow_up,
            "No new date is needed; say why",
        )
        self.no_show_open_button = add_button(
            self, actions, "Open…", "noShowOpen", lambda: self._open_selected(self.no_show_list)
        )
        actions.addStretch(1)
        return tab

    def write_buttons(self) -> list[QPushButton]:
        """Buttons that change appointments (hidden when the user only reads)."""
        return [
            self.agenda_slips_button,
            self.bulk_button,
            self.inform_slips_button,
            self.notify_button,
            self.reschedule_button,
            self.close_follow_up_button,
        ]

    # -- page ---------------------------------------------------------------------------------
    def _changed(self) -> None:
        """Something was booked, moved or recorded: this page shows it (open household
        windows hear of it through the change notices)."""
        self.refresh()

    def refresh(self) -> None:
        if self._closing:
            return
        self._load_places()
        self._load_agenda()
        self._load_lists()

    def loading(self) -> bool:
        """Whether a list is still being read (for tests)."""
        return bool(self._pending)

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(QDialog):
            force_close = getattr(dialog, "force_close", None)
            if callable(force_close):
                force_close()
            else:
                dialog.reject()
        for shown in (self.day_list, self.week_list, self.inform_list, self.no_show_list):
            shown.model.set_rows([])

    # -- the days shown -----------------------------------------------------------------------
    def agenda_list(self) -> _List:
        return self.week_list if self._week else self.day_list

    def shown_days(self) -> tuple[date, date]:
        return week_of(self._day) if self._week else (self._day, self._day)

    def go_to(self, day: date) -> None:
        self.date_edit.setDate(to_qdate(day))  # loads through dateChanged

    def step(self, direction: int) -> None:
        self.go_to(self._day + timedelta(days=7 if self._week else 1) * direction)

    def set_week_view(self, week: bool) -> None:
        if week != self.week_button.isChecked():
            (self.week_button if week else self.day_button).setChecked(True)
            return  # toggled again through the button
        self._week = week
        self.agenda_stack.setCurrentWidget(self.agenda_list().table)
        self._show_range()
        self._load_agenda()

    def _date_chosen(self) -> None:
        self._day = from_qdate(self.date_edit.date())
        self._show_range()
        self._load_agenda()

    def _show_range(self) -> None:
        first, last = self.shown_days()
        if self._week:
            same_month = first.month == last.month
            start = f"{first:%d}" if same_month else f"{first:%d %b}"
            self.range_label.setText(f"Week of {start} – {last:%d %b %Y}")
        else:
            self.range_label.setText(long_day(first))
        unit = "week" if self._week else "day"
        self.previous_button.setToolTip(f"Previous {unit} (Alt+Left)")
        self.next_button.setToolTip(f"Next {unit} (Alt+Right)")
        self.agenda_print_button.setToolTip(
            f"The list of {first:%a %d %b} for reception, with a column for signatures"
        )

    # -- loading ------------------------------------------------------------------------------
    def _load_places(self) -> None:
        self._pending.add("places")
        run_in_background(self._places.list, self._places_loaded, self._places_failed)

    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        self._pending.discard("places")
        if self._closing:
            return
        self._place_records = places
        box = self.place_filter
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("All places", None)
        for place in places:
            box.addItem(place.name, place.id)
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        if chosen and index < 0:
            self._load_agenda()  # the chosen place is no longer in use

    def _places_failed(self, error: KnownError) -> None:
        self._pending.discard("places")
        self._show_error(error)

    def _load_agenda(self) -> None:
        if self._closing:
            return
        self._agenda_loads += 1
        request = self._agenda_loads
        first, last = self.shown_days()
        place = self.place_filter.currentData()
        kind = self.kind_filter.currentData()
        include_closed = self.show_closed.isChecked()
        appointments = self._appointments
        self._pending.add("agenda")
        self.count_label.setText("Loading…")

        def work() -> list[AppointmentRecord]:
            return appointments.agenda(
                first,
                last,
                location_id=place,
                kinds=(kind,) if kind else (),
                include_cancelled=include_closed,
            )

        run_in_background(
            work,
            lambda rows: self._agenda_loaded(request, rows),
            lambda error: self._agenda_failed(request, error),
        )

    def _agenda_loaded(self, request: int, rows: list[AppointmentRecord]) -> None:
        if request != self._agenda_loads:
            return
        self._pending.discard("agenda")
        if self._closing:
            return
        self.agenda_list().set_rows(rows)
        other = self.day_list if self._week else self.week_list
        other.set_rows([])
        if rows:
            self.count_label.setText(_plural(len(rows), "appointment", "appointments"))
        else:
            self.count_label.setText(
                "No appointments this week" if self._week else "No appointments on this day"
            )
        self._update_buttons()

    def _agenda_failed(self, request: int, error: KnownError) -> None:
        if request != self._agenda_loads:
            return
        self._pending.discard("agenda")
        self.count_label.setText("")
        self._show_error(error)

    def _load_lists(self) -> None:
        if self._closing:
            return
        self._list_loads += 1
        request = self._list_loads
        appointments = self._appointments
        self._pending.add("lists")

        def work() -> tuple[list[AppointmentRecord], list[AppointmentRecord]]:
            return appointments.to_inform(), appointments.no_show_follow_ups()

        def failed(error: KnownError) -> None:
            if request == self._list_loads:
                self._pending.discard("lists")
                self._show_error(error)

        run_in_background(work, lambda lists: self._lists_loaded(request, *lists), failed)

    def _lists_loaded(
        self, request: int, inform: list[AppointmentRecord], no_shows: list[AppointmentRecord]
    ) -> None:
        if request != self._list_loads:
            return
        self._pending.discard("lists")
        if self._closing:
            return
        self.inform_list.set_rows(inform)
        self.no_show_list.set_rows(no_shows)
        if no_shows and not self.no_show_list.selected():
            self.no_show_list.table.selectRow(0)  # its buttons work at once
        self.inform_empty.setVisible(not inform)
        self.no_show_empty.setVisible(not no_shows)
        self._set_tab_count(1, "To inform", len(inform))
        self._set_tab_count(2, "No-show follow-up", len(no_shows))
        self._update_buttons()

    def _set_tab_count(self, index: int, title: str, count: int) -> None:
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        bar = self.tabs.tabBar()
        bar.setTabTextColor(index, QColor("#b91c1c") if count else QColor())
        bar.setTabToolTip(
            index, _plural(count, "appointment", "appointments") + " waiting" if count else ""
        )

    def _show_error(self, error: KnownError) -> None:
        if not self._closing:
            self.message.show_error(error.message)

    # -- buttons ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        agenda = self.agenda_list()
        chosen = agenda.selected()
        self.open_button.setEnabled(len(chosen) == 1)
        printable = [a for a in (chosen or agenda.rows()) if a.status in PRINTABLE]
        if chosen:
            self.agenda_slips_button.setText(f"Print slips ({len(chosen)} selected)…")
        else:
            self.agenda_slips_button.setText(f"Print slips (all {len(printable)} shown)…")
        self.agenda_slips_button.setEnabled(bool(printable))
        self.agenda_slips_button.setToolTip(
            "Slips for the families of the selected appointments"
            if chosen
            else "Slips for every family shown that can still be given one; select rows "
            "to print only some"
        )

        inform = self.inform_list.selected()
        count = len(inform) or len(self.inform_list.rows())
        self.inform_slips_button.setText(
            f"Print slips ({len(inform)} selected)…" if inform else f"Print slips (all {count})…"
        )
        self.inform_slips_button.setEnabled(bool(count))
        self.notify_button.setEnabled(bool(inform))
        self.notify_button.setToolTip(
            "Select the appointments whose families were told"
            if not inform
            else "Phone call, via a focal point, in person or a printed slip"
        )
        self.inform_open_button.setEnabled(len(inform) == 1)

        missed = self.no_show_list.selected()
        self.reschedule_button.setEnabled(len(missed) == 1)
        self.close_follow_up_button.setEnabled(len(missed) == 1)
        self.no_show_open_button.setEnabled(len(missed) == 1)

    # -- one appointment ------------------------------------------------------------------------
    def _open_row(self, shown: _List, index: QModelIndex) -> AppointmentDialog | None:
        if not index.isValid():
            return None
        return self.open_appointment(shown.model.record(index.row()).id)

    def _open_selected(self, shown: _List) -> AppointmentDialog | None:
        chosen = shown.selected()
        return self.open_appointment(chosen[0].id) if len(chosen) == 1 else None

    def open_selected(self) -> AppointmentDialog | None:
        return self._open_selected(self.agenda_list())

    def open_appointment(self, appointment_id: str) -> AppointmentDialog | None:
        if self._closing:
            return None
        dialog = AppointmentDialog(
            self,
            self._appointments,
            appointment_id,
            places=self._places,
            can_write=self._can_write,
            open_case=self._open_case,
        )
        dialog.changed.connect(self._changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_form(self, dialog: QDialog, after: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and not self._closing:
                after()
                self._changed()

        dialog.finished.connect(finished)
        dialog.open()

    def record_notification(self) -> NotificationDialog | None:
        chosen = self.inform_list.selected()
        if self._closing or not self._can_write or not chosen:
            return None
        ids = [a.id for a in chosen]
        if len(chosen) == 1:
            a = chosen[0]
            what = f"{a.kind_title} of {a.case_number}, {day_and_clock(a.starts_at)}."
        else:
            numbers = ", ".join(a.case_number for a in chosen[:4])
            more = f" and {len(chosen) - 4} more" if len(chosen) > 4 else ""
            what = f"{len(chosen)} appointments: {numbers}{more}."
        dialog = NotificationDialog(self, what)
        appointments = self._appointments
        dialog.submit(lambda value: appointments.record_notification(ids, *value))
        self._open_form(
            dialog,
            lambda: self.message.show_notice(
                f"Recorded: {_plural(len(ids), 'family', 'families')} told."
            ),
        )
        return dialog

    def reschedule_no_show(self) -> RescheduleDialog | None:
        chosen = self.no_show_list.selected()
        if self._closing or not self._can_write or len(chosen) != 1:
            return None
        dialog = RescheduleDialog(self, self._appointments, self._places, chosen[0])
        number = chosen[0].case_number

        def after() -> None:
            move = dialog.value()
            self.message.show_notice(
                f"{number} has a new date: {move.day:%a %d %b} {move.start:%H:%M}. "
                "The family still has to be told (see To inform)."
            )

        self._open_form(dialog, after)
        return dialog

    def close_follow_up(self) -> ReasonDialog | None:
        chosen = self.no_show_list.selected()
        if self._closing or not self._can_write or len(chosen) != 1:
            return None
        a = chosen[0]
        dialog = ReasonDialog(
            self,
            "Close follow-up",
            f"{a.kind_title} of {a.case_number}, missed on {day_and_clock(a.starts_at)}. "
            "Closing leaves it as a no-show without a new date.",
            "&Why",
            "e.g. the household withdrew; a new date was agreed by phone",
            "Close follow-up",
        )
        appointments, appointment_id = self._appointments, a.id
        dialog.submit(lambda reason: appointments.close_follow_up(appointment_id, reason))
        self._open_form(
            dialog, lambda: self.message.show_notice(f"Follow-up of {a.case_number} closed.")
        )
        return dialog

    def schedule_many(self) -> BulkScheduleDialog | None:
        if self._closing or not self._can_write:
            return None
        start = self._day if self._day > office_today() else None
        dialog = BulkScheduleDialog(
            self, self._appointments, self._places, self._registry, day=start
        )

        def after() -> None:
            booked, day = len(dialog.booked_ids), dialog.booked_day
            if day is None:
                return
            skipped = dialog.unplaced_count()
            extra = (
                f" {_plural(skipped, 'household', 'households')} did not fit." if skipped else ""
            )
            self.message.show_notice(
                f"Booked {_plural(booked, 'appointment', 'appointments')} for "
                f"{long_day(day)}.{extra} The families still have to be told: print their "
                "slips."
            )
            self.set_week_view(False)
            self.go_to(day)

        self._open_form(dialog, after)
        return dialog

    # -- printing -------------------------------------------------------------------------------
    def print_agenda(self) -> None:
        if self._closing:
            return
        day = self._day
        place_id = self.place_filter.currentData()
        place_name = self.place_filter.currentText() if place_id else ""
        printing = self._printing
        title = f"Agenda – {day:%a %d %b %Y}" + (f" – {place_name}" if place_name else "")
        self._prepare(
            "Preparing the agenda…",
            lambda: printing.agenda_pdf(day, place_id),
            lambda pdf: self._preview(title, pdf, f"agenda-{day.isoformat()}.pdf", None),
        )

    def print_agenda_slips(self) -> None:
        agenda = self.agenda_list()
        self._print_slips(agenda.selected() or agenda.rows())

    def print_inform_slips(self) -> None:
        self._print_slips(self.inform_list.selected() or self.inform_list.rows())

    def _print_slips(self, records: Sequence[AppointmentRecord]) -> None:
        if self._closing or not self._can_write:
            return
        printable = [a for a in records if a.status in PRINTABLE]
        if not printable:
            dialogs.show_error(
                self,
                "Print slips",
                "None of these appointments can get a slip: slips are for appointments "
                "that are scheduled and not yet past.",
            )
            return
        ids = [a.id for a in printable]
        first = to_local(min(a.starts_at for a in printable)).date()
        left_out = len(records) - len(printable)
        printing = self._printing
        title = f"Appointment slips ({len(ids)})"
        marked: list[str] = []

        def output(_how: str) -> None:
            if marked or self._closing:
                return  # printed and saved: the families were told once
            marked.append(_how)
            run_in_background(
                lambda: printing.mark_slips_handed(ids), self._slips_handed, self._show_error
            )

        def show(pdf: bytes) -> None:
            if left_out:
                self.message.show_notice(
                    f"{_plural(left_out, 'appointment gets', 'appointments get')} no slip "
                    "(attended, missed, cancelled or moved)."
                )
            self._preview(title, pdf, f"slips-{first.isoformat()}.pdf", output)

        self._prepare("Preparing the slips…", lambda: printing.slips_pdf(ids), show)

    def _prepare(
        self, notice: str, work: Callable[[], bytes], then: Callable[[bytes], None]
    ) -> None:
        self.message.show_notice(notice)
        buttons = (self.agenda_print_button, self.agenda_slips_button, self.inform_slips_button)
        for button in buttons:
            button.setEnabled(False)

        def done(pdf: bytes) -> None:
            if self._closing:
                return
            self.message.clear()
            self._update_buttons()
            self.agenda_print_button.setEnabled(True)
            then(pdf)

        def failed(error: KnownError) -> None:
            if self._closing:
                return
            self._update_buttons()
            self.agenda_print_button.setEnabled(True)
            self.message.clear()
            dialogs.show_error(self, "Print", error.message)

        run_in_background(work, done, failed)

    def _preview(
        self, title: str, pdf: bytes, name: str, on_output: Callable[[str], None] | None
    ) -> Any:
        from desktop.ui.printing import pdf_preview  # PDFium loads only when something is printed

        dialog = pdf_preview.PdfPreviewDialog(self, title, pdf, name, on_output)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _slips_handed(self, count: int) -> None:
        if self._closing:
            return
        self.message.show_notice(
            f"Slips handed over: {_plural(count, 'family', 'families')} recorded as told."
        )
        self._changed()
