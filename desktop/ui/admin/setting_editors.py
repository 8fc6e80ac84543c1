"""One editor for each kind of office setting, for the settings page.

An editor shows a setting's value and lets an admin change it: a spin box for a whole
number, a line edit for text, a combo box for a choice, a number and a unit for a length
of time, a small list with add and remove for a list of keys. Each says what the limits
are (``hint()``) and what is wrong with what was typed (``problem()``, asked of the
setting itself, so the page and the service agree). ``edited`` is emitted on every change
of value, whoever made it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office.settings import (
    ChoiceSetting,
    DurationSetting,
    DurationUnit,
    IntSetting,
    KeyListSetting,
    OfficeSetting,
    TextSetting,
)
from desktop.ui.kit import palette
from desktop.ui.kit.forms import select_data
from desktop.ui.kit.i18n import plural, tr, tr_noop

#: a duration as text, by unit code
_DURATION_WORDS = {
    "hours": (tr_noop("{n} hour"), tr_noop("{n} hours")),
    "days": (tr_noop("{n} day"), tr_noop("{n} days")),
}
#: the amount of a duration may be typed beyond the limits: the hint says what they are
_DURATION_MAX = 9999


def sentence(text: str) -> str:
    """A setting's problem ("choose between ...") said on its own: capitalised."""
    return text[:1].upper() + text[1:]


def duration_text(setting: DurationSetting, value: timedelta) -> str:
    """ "7 days", "36 hours": in the largest unit that measures ``value`` exactly."""
    amount, unit = setting.in_units(value)
    one, many = _DURATION_WORDS.get(unit.code, (unit.one, unit.many))
    return plural(amount, one, many)


class SettingEditor(QWidget):
    """Shows and edits the value of one setting (see the module docstring)."""

    edited = Signal()
    #: the types of value ``set_value`` takes (a draft is checked against them)
    value_types: tuple[type, ...] = (object,)

    def __init__(self, setting: OfficeSetting[Any], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setting = setting

    if TYPE_CHECKING:  # every kind of editor below has its own

        def value(self) -> Any: ...

        def set_value(self, value: Any) -> None: ...

    def hint(self) -> str:
        """The limits and the default, in words."""
        return ""

    def problem(self) -> str | None:
        return self.setting.problem(self.value())

    def describe(self, value: Any) -> str:
        """``value`` in words, for "Saved ..." messages."""
        return str(value)


class IntEditor(SettingEditor):
    value_types = (int,)

    def __init__(self, setting: IntSetting, parent: QWidget | None) -> None:
        super().__init__(setting, parent)
        self._int = setting
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.spin = QSpinBox(self)
        self.spin.setObjectName(f"setting_{setting.key}")
        self.spin.setRange(setting.minimum, setting.maximum)
        if setting.unit:
            self.spin.setSuffix(" " + tr(setting.unit))
        self.spin.setAccessibleName(tr(setting.title))
        self.spin.valueChanged.connect(lambda _v: self.edited.emit())
        row.addWidget(self.spin)
        self.setFocusProxy(self.spin)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        self.spin.setValue(value)

    def hint(self) -> str:
        s = self._int
        if s.unit:
            return tr("{minimum} to {maximum} {unit} (default {default})").format(
                minimum=s.minimum, maximum=s.maximum, unit=tr(s.unit), default=s.default
            )
        return tr("{minimum} to {maximum} (default {default})").format(
            minimum=s.minimum, maximum=s.maximum, default=s.default
        )


class TextEditor(SettingEditor):
    value_types = (str,)

    def __init__(self, setting: TextSetting, parent: QWidget | None) -> None:
        super().__init__(setting, parent)
        self._text = setting
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"setting_{setting.key}")
        self.edit.setMaxLength(setting.max_length)
        self.edit.setAccessibleName(tr(setting.title))
        self.edit.textChanged.connect(lambda _t: self.edited.emit())
        row.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: str) -> None:
        self.edit.setText(value)

    def hint(self) -> str:
        return tr("Up to {maximum} characters").format(maximum=self._text.max_length)

    def describe(self, value: Any) -> str:
        return f"“{value}”"


class ChoiceEditor(SettingEditor):
    value_types = (str,)

    def __init__(self, setting: ChoiceSetting, parent: QWidget | None) -> None:
        super().__init__(setting, parent)
        self._choice = setting
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.box = QComboBox(self)
        self.box.setObjectName(f"setting_{setting.key}")
        for choice in setting.choices:
            self.box.addItem(tr(choice.title), choice.code)
        self.box.setAccessibleName(tr(setting.title))
        self.box.currentIndexChanged.connect(lambda _i: self.edited.emit())
        row.addWidget(self.box)
        row.addStretch(1)
        self.setFocusProxy(self.box)

    def value(self) -> str:
        return str(self.box.currentData())

    def set_value(self, value: str) -> None:
        select_data(self.box, value)

    def hint(self) -> str:
        default = tr(self._choice.title_of(self._choice.default))
        return tr("Default: {choice}").format(choice=default)

    def describe(self, value: Any) -> str:
        return tr(self._choice.title_of(str(value)))


class DurationEditor(SettingEditor):
    value_types = (timedelta,)

    def __init__(self, setting: DurationSetting, parent: QWidget | None) -> None:
        super().__init__(setting, parent)
        self._duration = setting
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.amount = QSpinBox(self)
        self.amount.setObjectName(f"setting_{setting.key}")
        self.amount.setRange(0, _DURATION_MAX)
        self.amount.setAccessibleName(tr(setting.title))
        self.unit = QComboBox(self)
        self.unit.setObjectName(f"setting_{setting.key}_unit")
        for unit in setting.units:
            self.unit.addItem(tr(unit.title), unit.code)
        self.unit.setAccessibleName(tr("Unit"))
        self.amount.valueChanged.connect(lambda _v: self.edited.emit())
        self.unit.currentIndexChanged.connect(lambda _i: self.edited.emit())
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.setFocusProxy(self.amount)

    def _unit(self) -> DurationUnit:
        code = self.unit.currentData()
        return next((u for u in self._duration.units if u.code == code), self._duration.units[0])

    def value(self) -> timedelta:
        return timedelta(seconds=self.amount.value() * self._unit().seconds)

    def set_value(self, value: timedelta) -> None:
        amount, unit = self._duration.in_units(value)
        self.amount.blockSignals(True)  # one ``edited`` for the pair, not a half-way value
        self.amount.setValue(min(amount, _DURATION_MAX))
        self.amount.blockSignals(False)
        select_data(self.unit, unit.code)
        self.edited.emit()

    def hint(self) -> str:
        s = self._duration
        return tr("{minimum} to {maximum} (default {default})").format(
            minimum=duration_text(s, s.minimum),
            maximum=duration_text(s, s.maximum),
            default=duration_text(s, s.default),
        )

    def describe(self, value: Any) -> str:
        return duration_text(self._duration, value)


class KeyListEditor(SettingEditor):
    """The keys, one a line; a field to paste a new one (checked as it is typed), Add and
    Remove."""

    value_types = (tuple, list)

    def __init__(self, setting: KeyListSetting, parent: QWidget | None) -> None:
        super().__init__(setting, parent)
        self._keys = setting
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName(f"setting_{setting.key}")
        self.list.setFont(mono)
        self.list.setAccessibleName(tr(setting.title))
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 5 + 8)
        # a key is checked by eye against headquarters' letter: it is shown whole
        sample = "age1" + "q" * 58
        self.list.setMinimumWidth(self.list.fontMetrics().horizontalAdvance(sample) + 24)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.new_key = QLineEdit(self)
        self.new_key.setObjectName(f"setting_{setting.key}_new")
        self.new_key.setFont(mono)
        self.new_key.setPlaceholderText(tr("Paste a key to add"))
        self.new_key.setAccessibleName(tr("New key"))
        self.new_key.textChanged.connect(lambda _t: self._check_new())
        self.new_key.returnPressed.connect(self.add_key)
        self.add_button = QPushButton(tr("Add"), self)
        self.add_button.setObjectName(f"setting_{setting.key}_add")
        self.add_button.clicked.connect(lambda _checked=False: self.add_key())
        self.remove_button = QPushButton(tr("Remove"), self)
        self.remove_button.setObjectName(f"setting_{setting.key}_remove")
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        row.addWidget(self.new_key, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.new_key_error = QLabel(self)
        self.new_key_error.setObjectName(f"setting_{setting.key}_error")
        self.new_key_error.setWordWrap(True)
        self.new_key_error.setStyleSheet(palette.text_style(palette.ERROR))
        self.new_key_error.hide()
        layout.addWidget(self.new_key_error)
        self.setFocusProxy(self.new_key)
        self._check_new()

    def value(self) -> tuple[str, ...]:
        return tuple(self.list.item(row).text() for row in range(self.list.count()))

    def set_value(self, value: tuple[str, ...] | list[str]) -> None:
        self.list.clear()
        self.list.addItems([str(key) for key in value])
        self._after_change()

    def new_key_problem(self) -> str | None:
        """Why the typed key cannot be added, or None (also None while the field is empty)."""
        text = self.new_key.text().strip()
        if not text:
            return None
        problem = self._keys.item_problem(text)
        if problem is not None:
            return sentence(problem)
        if text in self.value():
            return tr("That key is listed already.")
        if len(self.value()) >= self._keys.max_items:
            return tr("The list is full: remove a key first.")
        return None

    def _check_new(self) -> None:
        problem = self.new_key_problem()
        self.new_key_error.setText(problem or "")
        self.new_key_error.setVisible(problem is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        typed = bool(self.new_key.text().strip())
        self.add_button.setEnabled(self.isEnabled() and typed and self.new_key_problem() is None)
        self.remove_button.setEnabled(self.isEnabled() and bool(self.list.selectedItems()))

    def add_key(self) -> None:
        if not self.new_key.text().strip() or self.new_key_problem() is not None:
            return
        self.list.addItem(self.new_key.text().strip())
        self.new_key.clear()
        self._after_change()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._after_change()

    def _after_change(self) -> None:
        self._check_new()
        self.edited.emit()

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if hasattr(self, "remove_button"):
            self._update_buttons()  # enabled or not follows the page

    def hint(self) -> str:
        return tr("Up to {count} keys, each {format}.").format(
            count=self._keys.max_items, format=tr(self._keys.item_format)
        )

    def describe(self, value: Any) -> str:
        return plural(len(value), tr_noop("{n} key"), tr_noop("{n} keys"))


def editor_for(setting: OfficeSetting[Any], parent: QWidget | None) -> SettingEditor:
    """The editor of ``setting``'s kind."""
    if isinstance(setting, IntSetting):
        return IntEditor(setting, parent)
    if isinstance(setting, TextSetting):
        return TextEditor(setting, parent)
    if isinstance(setting, ChoiceSetting):
        return ChoiceEditor(setting, parent)
    if isinstance(setting, DurationSetting):
        return DurationEditor(setting, parent)
    if isinstance(setting, KeyListSetting):
        return KeyListEditor(setting, parent)
    raise TypeError(f"no editor for {type(setting).__name__}")
