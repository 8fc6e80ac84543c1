"""Days and times in forms: Qt's date and time editors set up one way everywhere, and the
conversions between Python's dates and times and Qt's. Days and times are office time
(Europe/Tirane); forms turn them into instants only through the services."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

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
