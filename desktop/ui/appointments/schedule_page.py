"""Appointments: the agenda of a day or a week per place and kind, the families still to
be told of an appointment coming up, and the no-shows still to be followed up.

Every list is read off the GUI thread, the newest request winning. Every change goes
through a dialog whose OK runs the service call in the background; the page does not
reload by hand after it: the change notice of the write reloads the page (and the
household windows, and the appointment window open over the page). Slips and the agenda
print through the PDF preview (``slip_printing``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.office.clock import OfficeClock
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.ui.appointments.agenda_tab import AgendaTab
from desktop.ui.appointments.answers import (
    NotificationDialog,
    ReasonDialog,
    close_follow_up_form,
    notification_form,
)
from desktop.ui.appointments.appointment_window import AppointmentDialog
from desktop.ui.appointments.booking import RescheduleDialog
from desktop.ui.appointments.bulk_schedule import BulkScheduleDialog
from desktop.ui.appointments.list_tabs import InformTab, ListTab, NoShowTab
from desktop.ui.appointments.models import long_day
from desktop.ui.appointments.slip_printing import SchedulePrinting
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import InlineMessage

T = TypeVar("T")


class SchedulePage(Page):
    key = "schedule"
    title = tr_noop("Appointments")
    icon = "fa6s.calendar-days"
    # rooms are shared with orientation; the lists show the households' numbers and names
    watches = frozenset({Kind.APPOINTMENT, Kind.PLACE, Kind.CASE, Kind.PERSON, Kind.ORIENTATION})

    def __init__(
        self,
        appointments: AppointmentService,
        places: PlacesService,
        printing: PrintingService,
        registry: RegistryService,
        clock: OfficeClock,
        can_write: bool = False,
        *,
        open_case: Callable[[str], object] | None = None,
        notices: ChangeNotices | None = None,
    ) -> None:
        super().__init__()
        self._appointments = appointments
        self._places = places
        self._registry = registry
        self._clock = clock
        self._can_write = can_write
        self._open_case = open_case
        #: the office is locking: no new window opens (and no operation starts)
        self._locked = False

        layout = self.page_layout()
        self.message = InlineMessage(self)
        self.message.setObjectName("scheduleMessage")
        layout.addWidget(self.message)
        self._printing = SchedulePrinting(
            self, printing, self.message, self._update_buttons, notices
        )

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scheduleTabs")
        self.tabs.setDocumentMode(True)
        self.agenda = AgendaTab(self, self, clock)
        self.inform = InformTab(self, self, clock)
        self.no_shows = NoShowTab(self, self)
        self.tabs.addTab(self.agenda, qta.icon("fa6s.calendar-days"), tr("Agenda"))
        self.tabs.addTab(self.inform, qta.icon("fa6s.bell"), tr(self.inform.title))
        self.tabs.addTab(self.no_shows, qta.icon("fa6s.user-clock"), tr(self.no_shows.title))
        layout.addWidget(self.tabs, 1)

        self.agenda.wanted.connect(self._load_agenda)
        for shown in (
            self.agenda.day_list,
            self.agenda.week_list,
            self.inform.list,
            self.no_shows.list,
        ):
            shown.table.selectionModel().selectionChanged.connect(
                lambda *_a: self._update_buttons()
            )
        for button in self.write_buttons():
            button.setVisible(can_write)
        self._update_buttons()

    def write_buttons(self) -> list[QPushButton]:
        """Buttons that change appointments (hidden when the user only reads)."""
        return [
            self.agenda.slips_button,
            self.agenda.bulk_button,
            self.inform.slips_button,
            self.inform.notify_button,
            self.no_shows.reschedule_button,
            self.no_shows.close_button,
        ]

    # -- page ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reload(quiet=False)

    def on_change(self, change: Change) -> None:
        # an appointment window open over the page shows one appointment as it is now
        for dialog in self.findChildren(AppointmentDialog):
            dialog.on_change(change)
        if self.isVisible() and change.touches(*self.watches):
            self._reload(quiet=True)  # nobody asked: no busy cursor

    def loading(self) -> bool:
        """Whether a list is being read (or a PDF made, or a change saved)."""
        return operations.is_busy(self)

    def close_for_lock(self) -> None:
        self._locked = True
        for dialog in self.findChildren(QDialog):
            force_close = getattr(dialog, "force_close", None)  # a preview while printing
            if callable(force_close):
                force_close()
        super().close_for_lock()
        for tab in (self.inform, self.no_shows):
            tab.list.model.set_rows([])
        for shown in (self.agenda.day_list, self.agenda.week_list):
            shown.model.set_rows([])

    # -- loading ------------------------------------------------------------------------------
    def _reload(self, *, quiet: bool) -> None:
        self._load_places(quiet)
        self._load_agenda(quiet)
        self._load_lists(quiet)

    def _query(self, slot: str, work: Callable[[], T], quiet: bool) -> QueryOp[T]:
        """A read whose newer request replaces an older one of the same ``slot``."""
        op = QueryOp(self, work).replacing(slot).failure(self._show_error)
        return op.quiet() if quiet else op

    def _load_places(self, quiet: bool = False) -> None:
        self._query("places", self._places.list, quiet).success(self._places_loaded).run()

    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        if self.agenda.fill_places(places):
            self._load_agenda()  # the chosen place is no longer in use

    def _load_agenda(self, quiet: bool = False) -> None:
        query = self.agenda.query()
        appointments = self._appointments

        def work() -> list[AppointmentRecord]:
            return appointments.agenda(
                query.first,
                query.last,
                location_id=query.place_id,
                kinds=(query.kind,) if query.kind else (),
                include_cancelled=query.include_closed,
            )

        if not quiet:
            self.agenda.show_loading()
        self._query("agenda", work, quiet).success(self._agenda_loaded).failure(
            self._agenda_failed
        ).run()

    def _agenda_loaded(self, rows: list[AppointmentRecord]) -> None:
        self.agenda.show_rows(rows)
        self._update_buttons()

    def _load_lists(self, quiet: bool = False) -> None:
        appointments = self._appointments

        def work() -> tuple[list[AppointmentRecord], list[AppointmentRecord]]:
            return appointments.to_inform(), appointments.no_show_follow_ups()

        self._query("lists", work, quiet).success(self._lists_loaded).run()

    def _lists_loaded(self, lists: tuple[list[AppointmentRecord], list[AppointmentRecord]]) -> None:
        inform, no_shows = lists
        self.inform.show_rows(inform)
        self.no_shows.show_rows(no_shows)
        self._show_tab_count(1, self.inform)
        self._show_tab_count(2, self.no_shows)
        self._update_buttons()

    def _show_tab_count(self, index: int, tab: ListTab) -> None:
        count = tab.list.model.rowCount()
        self.tabs.setTabText(index, tab.tab_text())
        bar = self.tabs.tabBar()
        bar.setTabTextColor(index, QColor(palette.ERROR) if count else QColor())
        bar.setTabToolTip(
            index,
            plural(count, tr_noop("{n} appointment waiting"), tr_noop("{n} appointments waiting"))
            if count
            else "",
        )

    def _agenda_failed(self, error: KnownError) -> None:
        self.agenda.count_label.setText("")
        self._show_error(error)

    def _show_error(self, error: KnownError) -> None:
        self.message.show_error(error.message)

    def _update_buttons(self) -> None:
        printing = self._printing.busy()
        self.agenda.update_buttons(printing)
        self.inform.update_buttons(printing)
        self.no_shows.update_buttons()

    # -- one appointment ------------------------------------------------------------------------
    def open_appointment(self, appointment_id: str) -> AppointmentDialog | None:
        if self._locked:
            return None
        dialog = AppointmentDialog(
            self,
            self._appointments,
            appointment_id,
            places=self._places,
            clock=self._clock,
            can_write=self._can_write,
            open_case=self._open_case,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_form(self, dialog: QDialog, after: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                after()

        dialog.finished.connect(finished)
        dialog.open()

    def _may_change(self) -> bool:
        return self._can_write and not self._locked

    def record_notification(self) -> NotificationDialog | None:
        chosen = self.inform.list.selected()
        if not self._may_change() or not chosen:
            return None
        dialog = notification_form(self, self._appointments, chosen)
        self._open_form(
            dialog,
            lambda: self.message.show_notice(
                plural(
                    len(chosen),
                    tr_noop("Recorded: {n} family told."),
                    tr_noop("Recorded: {n} families told."),
                )
            ),
        )
        return dialog

    def reschedule_no_show(self) -> RescheduleDialog | None:
        chosen = self.no_shows.list.selected()
        if not self._may_change() or len(chosen) != 1:
            return None
        dialog = RescheduleDialog(self, self._appointments, self._places, self._clock, chosen[0])
        number = chosen[0].case_number

        def after() -> None:
            move = dialog.value()
            self.message.show_notice(
                tr(
                    "{case} has a new date: {when}. The family still has to be told "
                    "(see To inform)."
                ).format(case=number, when=f"{move.day:%a %d %b} {move.start:%H:%M}")
            )

        self._open_form(dialog, after)
        return dialog

    def close_follow_up(self) -> ReasonDialog | None:
        chosen = self.no_shows.list.selected()
        if not self._may_change() or len(chosen) != 1:
            return None
        a = chosen[0]
        dialog = close_follow_up_form(self, self._appointments, a)
        self._open_form(
            dialog,
            lambda: self.message.show_notice(
                tr("Follow-up of {case} closed.").format(case=a.case_number)
            ),
        )
        return dialog

    def schedule_many(self) -> BulkScheduleDialog | None:
        if not self._may_change():
            return None
        today = self._clock.today()
        dialog = BulkScheduleDialog(
            self,
            self._appointments,
            self._places,
            self._registry,
            self._clock,
            day=self.agenda.day if self.agenda.day > today else None,
        )

        def after() -> None:
            if dialog.booked_day is not None:
                self._booked_many(
                    len(dialog.booked_ids), dialog.booked_day, dialog.unplaced_count()
                )

        self._open_form(dialog, after)
        return dialog

    def _booked_many(self, booked: int, day: date, skipped: int) -> None:
        said = tr("Booked {appointments} for {day}.").format(
            appointments=plural(booked, tr_noop("{n} appointment"), tr_noop("{n} appointments")),
            day=long_day(day, self._clock.today()),
        )
        if skipped:
            did_not_fit = plural(
                skipped,
                tr_noop("{n} household did not fit."),
                tr_noop("{n} households did not fit."),
            )
            said = f"{said} {did_not_fit}"
        told = tr("The families still have to be told: print their slips.")
        self.message.show_notice(f"{said} {told}")
        self.agenda.set_week_view(False)
        self.agenda.go_to(day)

    # -- printing -------------------------------------------------------------------------------
    def print_agenda(self) -> None:
        query = self.agenda.query()
        self._printing.agenda(query.first, query.place_id, self.agenda.place_name())

    def print_slips(self, records: Sequence[AppointmentRecord]) -> None:
        if self._may_change():
            self._printing.slips(records)
