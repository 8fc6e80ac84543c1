"""The small editors the appointment forms are made of besides days and times
(``kit.dates``): a length, a kind, an interpreter, a place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

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
