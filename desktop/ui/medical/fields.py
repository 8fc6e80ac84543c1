"""Fields of the medical record form that Qt has no ready widget for: a date that may
stay unchosen (the review of a deferral), and widgets side by side on one line of a
form."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QHBoxLayout, QWidget

from desktop.services.office.clock import OfficeClock
from desktop.ui.kit.dates import to_qdate

#: the "no date chosen yet" end of an optional date box
NO_DATE = QDate(2000, 1, 1)


class _PickDateCalendar(QCalendarWidget):
    """Opens on the office's current month while no date is chosen, not on the
    placeholder's."""

    def __init__(self, parent: QWidget, clock: OfficeClock) -> None:
        super().__init__(parent)
        self._clock = clock

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.selectedDate() == self.minimumDate():
            today = to_qdate(self._clock.today())
            self.setCurrentPage(today.year(), today.month())


def optional_day(parent: QWidget, name: str, placeholder: str, clock: OfficeClock) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(_PickDateCalendar(edit, clock))
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setSpecialValueText(placeholder)
    edit.setDate(NO_DATE)
    return edit


def field_row(
    parent: QWidget, *widgets: QWidget, grow: QWidget | None = None, gap: int = 0
) -> QWidget:
    """Widgets side by side on one line of the form, ``gap`` apart; ``grow`` takes the
    room left (else the room stays empty at the end); the first one takes the focus."""
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(widgets):
        if number and gap:
            row.addSpacing(gap)
        row.addWidget(widget, 1 if widget is grow else 0)
    if grow is None:
        row.addStretch(1)
    holder.setFocusProxy(widgets[0])
    return holder
