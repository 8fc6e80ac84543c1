"""Who comes to one appointment, ticked on its day: a box per person invited, and the
button that records who came (nobody ticked records a no-show).

Part of the appointment window (``appointment_window``), which saves what is ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.services.office.clock import to_local
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import SPACING, add_button, muted


def attendance_open(a: AppointmentRecord | None, today: date) -> bool:
    """Whether who came can be recorded (or corrected) now: from the appointment's day on,
    while it is not closed or moved."""
    if a is None or a.status not in ("scheduled", "notified", "attended", "no_show"):
        return False
    if a.status == "no_show" and a.rescheduled_to_id:
        return False
    return to_local(a.starts_at).date() <= today


class AttendanceBox(QGroupBox):
    """The people invited, ticked as they came; ``record()`` saves what is ticked."""

    def __init__(self, parent: QWidget, record: Callable[[], None]) -> None:
        super().__init__(tr("Who comes"), parent)
        box = QVBoxLayout(self)
        self.hint = muted("", self)
        self.hint.setObjectName("attendanceHint")
        box.addWidget(self.hint)
        people = QWidget(self)
        self._grid = QGridLayout(people)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(SPACING * 2)
        box.addWidget(people)
        self._people = people
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        self.button = add_button(self, row, tr("Record attendance"), "recordAttendance", record)
        row.addStretch(1)
        box.addLayout(row)

    def show_people(self, a: AppointmentRecord, before: AppointmentRecord | None) -> None:
        """A box per person invited, ticked if they came. ``before`` (the same appointment
        shown until now): what the clerk ticked and has not saved yet stays ticked, unless
        the person's recorded attendance changed meanwhile."""
        recorded = {p.person_id: p.attended for p in before.attendees} if before else {}
        ticked = {pid: box.isChecked() for pid, box in self.boxes.items()}
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        columns = 2 if len(a.attendees) > 5 else 1
        for number, person in enumerate(a.attendees):
            text = person.name or tr("(no name)")
            if person.native_name:
                text += f"   {person.native_name}"
            box = QCheckBox(text, self._people)
            box.setObjectName(f"present_{number}")
            kept = person.person_id in ticked and recorded.get(person.person_id) == person.attended
            box.setChecked(ticked[person.person_id] if kept else bool(person.attended))
            self._grid.addWidget(box, number // columns, number % columns)
            self.boxes[person.person_id] = box

    def present(self) -> list[str]:
        """The people ticked as present."""
        return [pid for pid, box in self.boxes.items() if box.isChecked()]

    def update_state(self, a: AppointmentRecord | None, today: date, can: bool, may: bool) -> None:
        """Boxes and button on while attendance is open and the user ``can`` act now;
        the hint says when and how (``may``: the user's role may record attendance)."""
        open_now = attendance_open(a, today)
        self.button.setEnabled(can and open_now)
        for box in self.boxes.values():
            box.setEnabled(can and open_now)
        hint = ""
        if a is not None:
            if a.status in ("scheduled", "notified") and not open_now:
                hint = tr("Tick who came on the day of the appointment.")
            elif open_now and may:
                hint = tr("Tick everyone who came. Nobody ticked records a no-show.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
