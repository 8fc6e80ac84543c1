"""The case-level filters (status, destination, programme, language, specific needs),
shared by the case list and the people list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from desktop.services.registry.lists import RegistryFilter
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.widgets import SPACING
from desktop.ui.registry.vocabulary import status_text

#: width of a filter drop-down, in characters (of the widest kind)
_COMBO_CHARS = 6
#: a first item longer than this (a translation, say) may be cut short on a small screen
_FIRST_ITEM_CHARS = 16
#: frame and arrow of a drop-down, beside its text
_COMBO_PADDING = 40


def share_row(box: QComboBox) -> None:
    """A drop-down that shares its row: long programme names must not widen the window.

    Call it once the first item is in: the box stays wide enough for that one.
    """
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(_COMBO_CHARS)
    metrics = box.fontMetrics()
    first = metrics.horizontalAdvance(box.itemText(0))
    box.setMinimumWidth(min(first, metrics.averageCharWidth() * _FIRST_ITEM_CHARS) + _COMBO_PADDING)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class RegistryFilterBar(QWidget):
    """Drop-downs for the case-level filters; ``changed`` when the clerk picks another."""

    changed = Signal()

    #: RegistryFilter field, text for "any", what a screen reader calls the box, how a
    #: value reads
    _FIELDS: tuple[tuple[str, str, str, Callable[[str], str]], ...] = (
        ("status", tr_noop("Any status"), tr_noop("Filter by status"), status_text),
        (
            "destination_country",
            tr_noop("Any destination"),
            tr_noop("Filter by destination"),
            str,
        ),
        ("programme", tr_noop("Any programme"), tr_noop("Filter by programme"), str),
        ("family_language", tr_noop("Any language"), tr_noop("Filter by language"), str),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING // 2)
        self.boxes: dict[str, QComboBox] = {}
        for field, any_text, name, _label in self._FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"filter_{field}")
            box.setAccessibleName(tr(name))
            box.addItem(tr(any_text), None)
            share_row(box)
            box.currentIndexChanged.connect(self.changed)
            row.addWidget(box)
            self.boxes[field] = box
        self.needs = QComboBox(self)
        self.needs.setObjectName("filter_specific_needs")
        self.needs.setAccessibleName(tr("Filter by specific needs"))
        self.needs.addItem(tr("Specific needs: any"), None)
        self.needs.addItem(tr("With specific needs"), True)
        self.needs.addItem(tr("Without specific needs"), False)
        share_row(self.needs)
        self.needs.currentIndexChanged.connect(self.changed)
        row.addWidget(self.needs)

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Fill the drop-downs with the values present, keeping what is chosen.

        Emits ``changed`` only if a chosen value is no longer there.
        """
        before = self.current()
        for field, any_text, _name, label in self._FIELDS:
            box = self.boxes[field]
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(tr(any_text), None)
            for value in choices.get(field, []):
                box.addItem(label(value), value)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)
            # the list that drops down shows whole names even when the box is narrow
            view = box.view()
            view.setMinimumWidth(
                view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
            )
        if self.current() != before:
            self.changed.emit()

    def select(self, field: str, value: Any) -> None:
        """Choose ``value`` for ``field`` (as a user would); KeyError if it is not offered."""
        box = self.needs if field == "specific_needs" else self.boxes[field]
        index = box.findData(value)
        if index < 0:
            raise KeyError(value)
        box.setCurrentIndex(index)

    def current(self) -> RegistryFilter:
        values = {field: self.boxes[field].currentData() for field, *_rest in self._FIELDS}
        return RegistryFilter(specific_needs=self.needs.currentData(), **values)

    def active(self) -> bool:
        return self.current() != RegistryFilter()
