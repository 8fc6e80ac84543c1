"""The small editors the appointment forms are made of: a day, a time, a length, a kind,
an interpreter, a place; and the conversions between Python's dates and times and Qt's.

Shared with the medical forms (which book nothing but type days and times the same way).
Days and times are office time (Europe/Tirane): the forms turn them into instants only
through the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QTimeEdit, QWidget

from desktop.services.schedule.places import PlaceRecord
from desktop.services.vocabulary import APPOINTMENT_KIND_TITLES, APPOINTMENT_KINDS
from desktop.ui.kit.i18n import tr, tr_noop

INTERPRETER_TITLES = {
    "": tr_noop("No interpreter"),
    "Dari": tr_noop("Dari"),
    "Pashto": tr_noop("Pashto"),
    "English": tr_noop("English"),
    "Other": tr_noop("Other language"),
}
_DAY_FORMAT = "ddd d MMM yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def day_edit(parent: QWidget, name: str, value: date, *, earliest: date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat(_DAY_FORMAT)
    edit.setCalendarPopup(True)
    if earliest is not None:
        edit.setMinimumDate(to_qdate(earliest))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(to_qdate(value))
    return edit


def time_edit(parent: QWidget, name: str, value: time) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(to_qtime(value))
    return edit


def minutes_box(parent: QWidget, name: str, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(5, 480)
    box.setSingleStep(5)
    box.setSuffix(tr(" min"))
    box.setValue(value)
    return box


def kind_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for kind in APPOINTMENT_KINDS:
        box.addItem(tr(APPOINTMENT_KIND_TITLES[kind]), kind)
    return box


def interpreter_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for value, title in INTERPRETER_TITLES.items():
        box.addItem(tr(title), value)
    return box


def fill_places(box: QComboBox, places: Sequence[PlaceRecord], chosen: str | None) -> None:
    """The places in ``box``, ``chosen`` (an id) selected if it is among them."""
    box.blockSignals(True)
    box.clear()
    for place in places:
        box.addItem(place.name, place.id)
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
    box.blockSignals(False)


def no_places_yet(box: QComboBox) -> str:
    """Mark ``box`` empty and say why (for the form's message)."""
    box.addItem(tr("No places yet"), None)
    return tr("No place is set up for appointments yet: an administrator adds them under Settings.")
