"""Scheduling many households at once: tick households, say what, where and when, look
at the times the service proposes, then book them all in one step.

Nothing is booked until "Book these N appointments". A change after a proposal makes it
stale (propose again). If someone booked a clashing time meanwhile, the service refuses
the whole plan, nothing is booked and the clerk proposes again.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.appointment_types import BulkPlan, ScheduleConflict
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.services.vocabulary import APPOINTMENT_KIND_TITLES
from desktop.ui.appointments.bulk_households import HouseholdPicker
from desktop.ui.appointments.fields import (
    fill_places,
    interpreter_box,
    kind_box,
    minutes_box,
    no_places_yet,
)
from desktop.ui.appointments.models import PROPOSAL_COLUMNS, long_day
from desktop.ui.kit import operations, palette
from desktop.ui.kit.dates import day_edit, from_qdate, from_qtime, time_edit
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted


class BulkScheduleDialog(QDialog):
    """Book many households in sequence on one day.

    Once accepted, ``booked_ids`` are the new appointments and ``booked_day`` their day
    (the change notice tells the lists that show them).
    """

    def __init__(
        self,
        parent: QWidget | None,
        appointments: AppointmentService,
        places: PlacesService,
        registry: RegistryService,
        clock: OfficeClock,
        *,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkScheduleDialog")
        self.setWindowTitle(tr("Schedule many households"))
        self._appointments = appointments
        self._clock = clock
        self._places: dict[str, PlaceRecord] = {}
        self._slot_chosen = False
        self._booking: WriteOp[list[str]] | None = None
        self.plan: BulkPlan | None = None
        self.booked_ids: list[str] = []
        self.booked_day: date | None = None
        today = clock.today()

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        upper = QHBoxLayout()
        upper.setSpacing(SPACING)
        layout.addLayout(upper, 1)
        self.households = HouseholdPicker(self, registry, self._show_error)
        upper.addWidget(self.households, 3)
        upper.addWidget(self._build_when(max(day or today + timedelta(days=1), today), today), 2)
        layout.addWidget(self._build_proposal(), 1)
        self.message = InlineMessage(self)
        self.message.setObjectName("bulkMessage")
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        self._connect()

        self._kind_changed()
        self._show_plan(None)
        self.resize(1060, 720)
        QueryOp(self, places.list).success(self._places_loaded).failure(self._show_error).run()

    # -- building ------------------------------------------------------------------------------
    def _build_when(self, first_day: date, today: date) -> QGroupBox:
        when = QGroupBox(tr("2. What, where and when"), self)
        form = QFormLayout(when)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = kind_box(when, "bulkKind")
        self.day = day_edit(when, "bulkDay", first_day, earliest=today)
        self.place = QComboBox(when)
        self.place.setObjectName("bulkPlace")
        self.place.addItem(tr("Loading places…"), None)
        self.place.setEnabled(False)
        self.first = time_edit(when, "bulkFirst", time(9, 0))
        self.last = time_edit(when, "bulkLast", time(16, 0))
        hours = QWidget(when)
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first)
        row.addWidget(QLabel(tr("until"), hours))
        row.addWidget(self.last)
        row.addStretch(1)
        self.slot = minutes_box(when, "bulkSlot", 30)
        self.agency = QLineEdit(when)
        self.agency.setObjectName("bulkAgency")
        self.agency.setPlaceholderText(tr("e.g. Embassy of Canada"))
        self.interviewer = QLineEdit(when)
        self.interviewer.setObjectName("bulkInterviewer")
        self.interviewer.setPlaceholderText(tr("leave empty if several interview"))
        self.interpreter = interpreter_box(when, "bulkInterpreter")
        form.addRow(tr("&Kind"), self.kind)
        form.addRow(tr("&Day"), self.day)
        form.addRow(tr("&Place"), self.place)
        form.addRow(tr("&Hours"), hours)
        form.addRow(tr("&Slot length"), self.slot)
        form.addRow(tr("A&gency"), self.agency)
        form.addRow(tr("Inter&viewer"), self.interviewer)
        form.addRow(tr("Interp&reter"), self.interpreter)
        self._when_form = form
        return when

    def _build_proposal(self) -> QGroupBox:
        proposal = QGroupBox(tr("3. Proposed times"), self)
        box = QVBoxLayout(proposal)
        self.plan_hint = muted(
            tr("Tick households and press “Propose times”: nothing is booked before you confirm."),
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
        self.unplaced_title.setStyleSheet(palette.text_style(palette.ERROR, bold=True))
        misfits.addWidget(self.unplaced_title)
        self.unplaced = QListWidget(proposal)
        self.unplaced.setObjectName("unplaced")
        self.unplaced.setAccessibleName(tr("Households that did not fit, and why"))
        self.unplaced.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.unplaced.setStyleSheet(f"QListWidget {{ {palette.text_style(palette.ERROR)} }}")
        misfits.addWidget(self.unplaced, 1)
        lists.addLayout(misfits, 2)
        box.addLayout(lists)
        return proposal

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.propose_button = QPushButton(tr("Propose times"), self)
        self.propose_button.setObjectName("proposeTimes")
        self.propose_button.clicked.connect(lambda _c=False: self.propose())
        self.book_button = QPushButton(tr("Book"), self)
        self.book_button.setObjectName("bookAll")
        self.book_button.clicked.connect(lambda _c=False: self.book())
        close = QPushButton(tr("Close"), self)
        close.setObjectName("closeBulk")
        close.clicked.connect(lambda _c=False: self.reject())
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.book_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    def _connect(self) -> None:
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
            self.households.ticked,
        ):
            signal.connect(lambda *_a: self._stale())

    # -- loading -----------------------------------------------------------------------------
    def busy(self) -> bool:
        """Whether anything is being read, proposed or booked."""
        return operations.is_busy(self) or operations.is_busy(self.households)

    def _show_error(self, error: KnownError) -> None:
        self.message.show_error(error.message)
        self._update_buttons()

    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        self._places = {p.id: p for p in places}
        fill_places(self.place, places, None)
        self.place.setEnabled(bool(places))
        if not places:
            self.message.show_error(no_places_yet(self.place))
        self._place_changed()

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
    def booking(self) -> bool:
        return self._booking is not None and self._booking.running

    def _stale(self) -> None:
        """A change after a proposal: its times no longer follow what is chosen."""
        if self.plan is not None and not self.booking():
            self._show_plan(None)
            self.plan_hint.setText(tr("Something changed: propose times again."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        working = operations.is_busy(self)
        ready = bool(self.households.chosen_case_ids()) and self.place_record() is not None
        self.propose_button.setEnabled(ready and not working)
        count = len(self.plan.proposals) if self.plan is not None else 0
        self.book_button.setEnabled(count > 0 and not working)
        self.book_button.setText(
            plural(
                count,
                tr_noop("Book these {n} appointment"),
                tr_noop("Book these {n} appointments"),
            )
            if count
            else tr("Book")
        )
        self.book_button.setDefault(count > 0)
        self.propose_button.setDefault(not count)

    def propose(self) -> None:
        place = self.place_record()
        case_ids = self.households.chosen_case_ids()
        if not case_ids or place is None or operations.is_busy(self):
            return
        kind = str(self.kind.currentData())
        interview = kind == "interview"
        day = from_qdate(self.day.date())
        first, last = from_qtime(self.first.time()), from_qtime(self.last.time())
        slot = self.slot.value()
        agency = self.agency.text() if interview else ""
        interviewer = self.interviewer.text() if interview else ""
        interpreter = str(self.interpreter.currentData()) if interview else ""
        appointments = self._appointments

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

        self.message.show_notice(tr("Looking for free times…"))
        QueryOp(self, work).success(lambda plan: self._proposed(plan, day)).failure(
            self._show_error
        ).run()
        self._update_buttons()

    def _proposed(self, plan: BulkPlan, day: date) -> None:
        self.message.clear()
        self._show_plan(plan, day)

    def _show_plan(self, plan: BulkPlan | None, day: date | None = None) -> None:
        self.plan = plan
        self.proposals_model.set_rows(plan.proposals if plan else [])
        self.unplaced.clear()
        misfits = plan.unplaced if plan else ()
        for number, why in misfits:
            self.unplaced.addItem(f"{number}: {why}")
        self.unplaced_title.setText(tr("Did not fit ({count})").format(count=len(misfits)))
        for widget in (self.unplaced_title, self.unplaced):
            widget.setVisible(bool(misfits))
        self.proposals_table.setEnabled(plan is not None)
        if plan is not None:
            if plan.proposals:
                fit_table(self.proposals_table, PROPOSAL_COLUMNS)
            self.plan_hint.setText(self._plan_text(plan, day))
        self._update_buttons()

    def _plan_text(self, plan: BulkPlan, day: date | None) -> str:
        fitted = len(plan.proposals)
        if not fitted:
            return tr(
                "No household fits on that day with these hours. Try another day, "
                "other hours or another place."
            )
        place = self._places.get(plan.location_id)
        what = tr(APPOINTMENT_KIND_TITLES.get(plan.kind, plan.kind))
        when = long_day(day, self._clock.today()) if day else ""
        fit = plural(fitted, tr_noop("{n} household fit"), tr_noop("{n} households fit"))
        if place is not None:
            text = tr("{kind} on {day} at {place}: {fit}. Check the times, then book them.")
        else:
            text = tr("{kind} on {day}: {fit}. Check the times, then book them.")
        return text.format(kind=what, day=when, place=place.name if place else "", fit=fit)

    def book(self) -> None:
        plan = self.plan
        if plan is None or not plan.proposals or operations.is_busy(self):
            return
        day = to_local(plan.proposals[0].starts_at).date()
        appointments = self._appointments
        self.message.show_notice(tr("Booking…"))
        self._booking = (
            WriteOp(self, lambda: appointments.schedule_bulk(plan))
            .success(lambda ids: self._booked(ids, day))
            .failure(self._book_failed)
            .run()
        )
        self._update_buttons()

    def _book_failed(self, error: KnownError) -> None:
        if not isinstance(error, ScheduleConflict):
            self._show_error(error)
            return
        self._show_plan(None)
        lines = "\n".join(f"• {c.message}" for c in error.conflicts)
        said = tr("Nothing was booked: some of these times were taken meanwhile.")
        again = tr("Propose times again.")
        self.message.show_error(f"{said}\n{lines}\n{again}")
        self.plan_hint.setText(tr("Propose times again: the proposal was out of date."))
        self._update_buttons()

    def _booked(self, ids: list[str], day: date) -> None:
        self.booked_ids = list(ids)
        self.booked_day = day
        self.accept()

    def unplaced_count(self) -> int:
        return len(self.plan.unplaced) if self.plan is not None else 0

    def done(self, result: int) -> None:
        operations.abandon(self)
        operations.abandon(self.households)
        super().done(result)
