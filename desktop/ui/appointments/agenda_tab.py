"""The agenda tab of the Appointments page: the appointments of a day or a week, by place
and kind, with the day navigator and the buttons that act on what is shown.

A view: it says what should be shown (``shown_days``, ``query``) and emits ``wanted``
when that changes; the page reads the rows and hands them back (``show_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office.clock import OfficeClock
from desktop.services.printing.slips import PRINTABLE
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.places import PlaceRecord
from desktop.services.vocabulary import APPOINTMENT_KIND_TITLES, APPOINTMENT_KINDS
from desktop.ui.appointments.list_tabs import AppointmentList, ScheduleActions
from desktop.ui.appointments.models import DAY_COLUMNS, WEEK_COLUMNS, long_day, week_of
from desktop.ui.kit.dates import day_edit, from_qdate, to_qdate
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.widgets import SPACING, add_button

_RANGE_STYLE = "font-weight: bold; font-size: 12pt;"


@dataclass(frozen=True)
class AgendaQuery:
    """What the agenda shows: the days, and the filters (None: any)."""

    first: date
    last: date
    place_id: str | None
    kind: str | None
    include_closed: bool


class AgendaTab(QWidget):
    """The agenda of a day or a week; ``wanted`` asks the page to read it again."""

    wanted = Signal()

    def __init__(self, parent: QWidget, actions: ScheduleActions, clock: OfficeClock) -> None:
        super().__init__(parent)
        self._actions = actions
        self._clock = clock
        self.day = clock.today()
        self.week = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, SPACING, 0, 0)
        column.setSpacing(SPACING)
        column.addLayout(self._build_navigator())
        column.addLayout(self._build_filters())
        self.day_list = AppointmentList(self, "agendaDayTable", DAY_COLUMNS, actions)
        self.week_list = AppointmentList(self, "agendaWeekTable", WEEK_COLUMNS, actions)
        self.stack = QStackedWidget(self)
        for shown in (self.day_list, self.week_list):
            self.stack.addWidget(shown.table)
        column.addWidget(self.stack, 1)
        column.addLayout(self._build_actions())
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1))
        self.show_range()

    # -- building -------------------------------------------------------------------------------
    def _build_navigator(self) -> QHBoxLayout:
        nav = QHBoxLayout()
        nav.setSpacing(SPACING // 2)
        self.previous_button = QPushButton(qta.icon("fa6s.chevron-left"), "", self)
        self.previous_button.setObjectName("previousDay")
        self.previous_button.clicked.connect(lambda _c=False: self.step(-1))
        self.today_button = QPushButton(tr("Today"), self)
        self.today_button.setObjectName("today")
        self.today_button.clicked.connect(lambda _c=False: self.go_to(self._clock.today()))
        self.next_button = QPushButton(qta.icon("fa6s.chevron-right"), "", self)
        self.next_button.setObjectName("nextDay")
        self.next_button.clicked.connect(lambda _c=False: self.step(1))
        self.date_edit = day_edit(self, "agendaDate", self.day)
        self.date_edit.setAccessibleName(tr("Day shown"))
        self.date_edit.dateChanged.connect(lambda _d: self._date_chosen())
        self.day_button = QPushButton(tr("Day"), self)
        self.day_button.setObjectName("dayView")
        self.week_button = QPushButton(tr("Week"), self)
        self.week_button.setObjectName("weekView")
        views = QButtonGroup(self)
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
        self.range_label = QLabel(self)
        self.range_label.setObjectName("agendaRange")
        self.range_label.setStyleSheet(_RANGE_STYLE)
        nav.addWidget(self.range_label, 1)
        return nav

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        filters.setSpacing(SPACING // 2)
        self.place_filter = QComboBox(self)
        self.place_filter.setObjectName("placeFilter")
        self.place_filter.setAccessibleName(tr("Filter by place"))
        self.place_filter.addItem(tr("All places"), None)
        self.place_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(tr("Filter by kind"))
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in APPOINTMENT_KINDS:
            self.kind_filter.addItem(tr(APPOINTMENT_KIND_TITLES[kind]), kind)
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_closed = QCheckBox(tr("Show cancelled and rescheduled"), self)
        self.show_closed.setObjectName("showClosed")
        self.show_closed.setToolTip(
            tr("Also list appointments that were cancelled or given a new date")
        )
        filters.addWidget(self.place_filter)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(SPACING)
        filters.addWidget(self.show_closed)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("agendaCount")
        filters.addWidget(self.count_label)
        self.place_filter.currentIndexChanged.connect(lambda _i: self.wanted.emit())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.wanted.emit())
        self.show_closed.toggled.connect(lambda _c: self.wanted.emit())
        return filters

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.open_button = add_button(
            self,
            actions,
            tr("Open…"),
            "openAppointment",
            self._open_selected,
            tr("Show the appointment (Enter)"),
        )
        self.print_button = add_button(
            self,
            actions,
            tr("Print agenda…"),
            "printAgenda",
            self._actions.print_agenda,
            tr("The day's list for reception, with a column for signatures"),
        )
        self.slips_button = add_button(
            self, actions, tr("Print slips…"), "printSlips", self._print_slips
        )
        actions.addStretch(1)
        self.bulk_button = add_button(
            self,
            actions,
            tr("Schedule many…"),
            "scheduleMany",
            self._actions.schedule_many,
            tr("Book many households one after another on one day"),
        )
        self.bulk_button.setIcon(qta.icon("fa6s.calendar-plus"))
        return actions

    # -- the days shown -----------------------------------------------------------------------
    def current_list(self) -> AppointmentList:
        return self.week_list if self.week else self.day_list

    def shown_days(self) -> tuple[date, date]:
        return week_of(self.day) if self.week else (self.day, self.day)

    def query(self) -> AgendaQuery:
        first, last = self.shown_days()
        return AgendaQuery(
            first,
            last,
            self.place_filter.currentData(),
            self.kind_filter.currentData(),
            self.show_closed.isChecked(),
        )

    def place_name(self) -> str:
        """The place the agenda is filtered by (empty: all places)."""
        return self.place_filter.currentText() if self.place_filter.currentData() else ""

    def go_to(self, day: date) -> None:
        if to_qdate(day) == self.date_edit.date():
            self._date_chosen()  # the same day again (Today, the morning after): read it again
        else:
            self.date_edit.setDate(to_qdate(day))  # emits wanted through dateChanged

    def step(self, direction: int) -> None:
        self.go_to(self.day + timedelta(days=7 if self.week else 1) * direction)

    def set_week_view(self, week: bool) -> None:
        if week != self.week_button.isChecked():
            (self.week_button if week else self.day_button).setChecked(True)
            return  # toggled again through the button
        self.week = week
        self.stack.setCurrentWidget(self.current_list().table)
        self.show_range()
        self.wanted.emit()

    def _date_chosen(self) -> None:
        self.day = from_qdate(self.date_edit.date())
        self.show_range()
        self.wanted.emit()

    def show_range(self) -> None:
        first, last = self.shown_days()
        if self.week:
            start = f"{first:%d}" if first.month == last.month else f"{first:%d %b}"
            self.range_label.setText(
                tr("Week of {first} – {last}").format(first=start, last=f"{last:%d %b %Y}")
            )
            self.previous_button.setToolTip(tr("Previous week (Alt+Left)"))
            self.next_button.setToolTip(tr("Next week (Alt+Right)"))
        else:
            self.range_label.setText(long_day(first, self._clock.today()))
            self.previous_button.setToolTip(tr("Previous day (Alt+Left)"))
            self.next_button.setToolTip(tr("Next day (Alt+Right)"))
        self.print_button.setToolTip(
            tr("The list of {day} for reception, with a column for signatures").format(
                day=f"{first:%a %d %b}"
            )
        )

    # -- what is shown ------------------------------------------------------------------------
    def fill_places(self, places: Sequence[PlaceRecord]) -> bool:
        """The places to filter by; whether the place chosen is no longer among them."""
        box = self.place_filter
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(tr("All places"), None)
        for place in places:
            box.addItem(place.name, place.id)
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        return bool(chosen) and index < 0

    def show_loading(self) -> None:
        self.count_label.setText(tr("Loading…"))

    def show_rows(self, rows: Sequence[AppointmentRecord]) -> None:
        self.current_list().set_rows(rows)
        (self.day_list if self.week else self.week_list).set_rows([])
        if rows:
            text = plural(len(rows), tr_noop("{n} appointment"), tr_noop("{n} appointments"))
        elif self.week:
            text = tr("No appointments this week")
        else:
            text = tr("No appointments on this day")
        self.count_label.setText(text)

    def _open_selected(self) -> None:
        chosen = self.current_list().selected()
        if len(chosen) == 1:
            self._actions.open_appointment(chosen[0].id)

    def _print_slips(self) -> None:
        shown = self.current_list()
        self._actions.print_slips(shown.selected() or shown.rows())

    def update_buttons(self, printing: bool) -> None:
        shown = self.current_list()
        chosen = shown.selected()
        self.open_button.setEnabled(len(chosen) == 1)
        self.print_button.setEnabled(not printing)
        printable = [a for a in (chosen or shown.rows()) if a.status in PRINTABLE]
        if chosen:
            self.slips_button.setText(
                tr("Print slips ({count} selected)…").format(count=len(chosen))
            )
            self.slips_button.setToolTip(tr("Slips for the families of the selected appointments"))
        else:
            self.slips_button.setText(
                tr("Print slips (all {count} shown)…").format(count=len(printable))
            )
            self.slips_button.setToolTip(
                tr(
                    "Slips for every family shown that can still be given one; select rows "
                    "to print only some"
                )
            )
        self.slips_button.setEnabled(bool(printable) and not printing)
