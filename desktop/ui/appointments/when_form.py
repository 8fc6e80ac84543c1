"""The date, time, length and place of a booking, checked against other bookings as the
clerk changes them, so that a clash shows before saving.

``WhenForm`` is what booking one appointment and moving one share: the places load in
the background (OK stays off until they are there), and every change of the time waits a
moment for the next keystroke, then asks the service which bookings it would clash with.
A newer check replaces an older one, whose answer is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.errors import KnownError
from desktop.services.office.clock import OfficeClock
from desktop.services.schedule.appointment_types import AppointmentInput, Conflict, ScheduleConflict
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.ui.appointments.fields import fill_places, minutes_box, no_places_yet
from desktop.ui.kit import operations, palette
from desktop.ui.kit.dates import day_edit, time_edit
from desktop.ui.kit.forms import CheckedFormDialog
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import QueryOp

#: pause after the last change before the time is checked against other bookings
CHECK_DEBOUNCE_MS = 300


class ConflictList(QLabel):
    """What a chosen time clashes with, checked as the clerk changes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(tr("Clashes with other bookings"))
        self.conflicts: tuple[Conflict, ...] = ()
        self.hide()

    def show_checking(self) -> None:
        self._show(tr("Checking the time against other bookings…"), palette.MUTED)

    def show_result(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        if not conflicts:
            self._show(tr("✓ Free: no clash with other bookings."), palette.GOOD)
            return
        lines = "\n".join(f"• {c.message}" for c in conflicts)
        said = tr("This time clashes with what is already booked:")
        self._show(f"{said}\n{lines}", palette.ERROR)

    def show_problem(self, text: str) -> None:
        self.conflicts = ()
        self._show(text, palette.ERROR)

    def clear_result(self) -> None:
        self.conflicts = ()
        self.setText("")
        self.hide()

    def _show(self, text: str, colour: str) -> None:
        self.setStyleSheet(palette.text_style(colour))
        self.setText(text)
        self.show()


class WhenForm(CheckedFormDialog):
    """Date, time, length and place, checked against other bookings as they change.

    Subclasses say what to check (``check_input``), lay the rows of ``when_rows()`` out
    in their form and call ``connect_when()`` once the form is built.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        appointments: AppointmentService,
        places: PlacesService,
        clock: OfficeClock,
        *,
        day: date,
        start: time,
        minutes: int | None,
        place_id: str | None,
    ) -> None:
        super().__init__(parent, title)
        self._appointments = appointments
        self._clock = clock
        self._places: dict[str, PlaceRecord] = {}
        self._places_ready = False
        self._check: QueryOp[list[Conflict]] | None = None
        #: the length was chosen by the clerk (a new place no longer resets it)
        self._minutes_chosen = minutes is not None
        self._wanted_place = place_id

        self.day = day_edit(self, "appointmentDay", day, earliest=min(day, clock.today()))
        self.day.setAccessibleName(tr("Date"))
        self.start = time_edit(self, "appointmentTime", start)
        self.start.setAccessibleName(tr("Time (office time)"))
        self.minutes = minutes_box(self, "appointmentMinutes", minutes or 30)
        self.minutes.setAccessibleName(tr("Length"))
        self.place = QComboBox(self)
        self.place.setObjectName("appointmentPlace")
        self.place.setAccessibleName(tr("Place"))
        self.place.addItem(tr("Loading places…"), None)
        self.place.setEnabled(False)
        self.conflicts = ConflictList(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHECK_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        QueryOp(self, places.list).success(self._places_loaded).failure(
            lambda error: self.message.show_error(error.message)
        ).run()

    def when_rows(self) -> list[tuple[str, str, QWidget]]:
        return [
            ("day", tr("&Date"), self.day),
            ("start", tr("&Time"), self.start),
            ("minutes", tr("&Length"), self.minutes),
            ("place", tr("&Place"), self.place),
        ]

    def connect_when(self) -> None:
        self.day.dateChanged.connect(lambda _d: self.changed_when("day"))
        self.start.timeChanged.connect(lambda _t: self.changed_when("start"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        self.place.currentIndexChanged.connect(self._place_changed)

    # -- places ------------------------------------------------------------------------------
    def _places_loaded(self, places: list[PlaceRecord]) -> None:
        self._places = {p.id: p for p in places}
        fill_places(self.place, places, self._wanted_place)
        self._places_ready = bool(places)
        self.place.setEnabled(bool(places))
        if not places:
            self.conflicts.show_problem(no_places_yet(self.place))
        self._place_changed()

    def place_record(self) -> PlaceRecord | None:
        place_id = self.place.currentData()
        return self._places.get(place_id) if place_id else None

    def _place_changed(self, _index: int = 0) -> None:
        place = self.place_record()
        if place is not None and not self._minutes_chosen:
            self.minutes.blockSignals(True)
            self.minutes.setValue(place.slot_minutes)
            self.minutes.blockSignals(False)
        self.changed_when("place")

    def _minutes_changed(self, _value: int) -> None:
        self._minutes_chosen = True
        self.changed_when("minutes")

    def changed_when(self, name: str) -> None:
        self._changed(name)
        self.schedule_check()

    # -- checking ----------------------------------------------------------------------------
    def check_input(self) -> tuple[AppointmentInput, tuple[str, ...]] | None:
        """What to check (and which appointment to leave out), or None while incomplete."""
        return None

    def schedule_check(self) -> None:
        """Check the time after a pause in the clerk's changes."""
        if self.check_input() is None:
            self._debounce.stop()
            self._drop_check()  # an answer on its way is for older values
            if self._places_ready:
                self.conflicts.clear_result()
            return
        self.conflicts.show_checking()
        self._debounce.start()

    def check_now(self) -> None:
        self._debounce.stop()
        found = self.check_input()
        if found is None:
            return
        data, ignore = found
        appointments = self._appointments
        self._check = (
            QueryOp(self, lambda: appointments.check(data, ignore=ignore))
            .replacing("check")
            .quiet()  # the clerk is typing: no busy cursor for every keystroke
            .success(self.conflicts.show_result)
            .failure(lambda error: self.conflicts.show_problem(error.message))
            .run()
        )

    def checking(self) -> bool:
        """Whether a check is waiting or running."""
        return self._debounce.isActive() or (self._check is not None and self._check.running)

    def _drop_check(self) -> None:
        if self._check is not None:
            self._check.supersede()
            self._check = None

    # -- saving ------------------------------------------------------------------------------
    def when_problems(self) -> dict[str, str]:
        if not self._places_ready:
            return {"place": tr("Choose a place (the list is still loading).")}
        if self.place_record() is None:
            return {"place": tr("Choose the place of the appointment.")}
        return {}

    def _failed(self, error: KnownError) -> None:
        if isinstance(error, ScheduleConflict):
            self._set_busy(False)
            self._drop_check()
            self.conflicts.show_result(error.conflicts)
            self.message.show_error(
                tr(
                    "Not saved: the time clashes with what is already booked (see above). "
                    "Choose another time or place."
                )
            )
            return
        super()._failed(error)

    def done(self, result: int) -> None:
        self._debounce.stop()
        operations.abandon(self)
        super().done(result)
