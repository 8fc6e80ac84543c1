"""Form dialogs: OK runs a service call as a ``WriteOp`` and known errors stay inside the
dialog; checked forms show a message under each field as the clerk types.

Closing the dialog abandons its write's answer (the write itself, once started, still
commits: the change notice tells the views), so a late answer never reaches a closed one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import WriteOp
from desktop.ui.kit.tables import words
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted


class ServiceDialog(QDialog):
    """A dialog whose OK runs a service call (a ``WriteOp``); known errors stay inside the
    dialog. ``title`` is translated by the caller."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.body = QVBoxLayout(self)
        self.body.setSpacing(SPACING)
        self.message = InlineMessage(self)
        self.message.setObjectName("dialogMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self._action: Callable[[], Any] | None = None

    def finish_layout(self) -> None:
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    def on_accept(self, action: Callable[[], Any]) -> None:
        """On OK run ``action()`` off the GUI thread, as a write; the dialog closes when it
        succeeds and shows the known error when it does not."""
        self._action = action

    def problem(self) -> str | None:
        return None

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
            return
        if self._action is None:
            self.accept()
            return
        # password hashing takes ~0.4 s: never on the GUI thread
        self._set_busy(True)
        WriteOp(self, self._action).success(self._done).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.message.show_notice(tr("Working…"))

    def _done(self, _result: Any) -> None:
        self._set_busy(False)
        self.message.clear()
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        self.message.show_error(error.message)

    def done(self, result: int) -> None:
        operations.abandon(self)
        super().done(result)


def add_checked_rows(
    parent: QWidget, form: QFormLayout, rows: list[tuple[str, str, QWidget]]
) -> dict[str, QLabel]:
    """Add ``(name, label, widget)`` rows (labels translated by the caller), each with a
    hidden error line below it."""
    errors: dict[str, QLabel] = {}
    for name, label, widget in rows:
        form.addRow(label, widget)
        error = QLabel(parent)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(palette.text_style(palette.ERROR))
        error.setWordWrap(True)
        form.addRow("", error)
        form.setRowVisible(error, False)
        errors[name] = error
    return errors


class FormDialog(ServiceDialog):
    """A service dialog whose OK reads the form here, on the GUI thread, and hands
    what it read to the action running in the background (widgets are never read
    off the GUI thread)."""

    _submit: Callable[[Any], Any] | None = None

    def value(self) -> Any:
        """What the form holds, as plain values."""
        return None

    def submit(self, action: Callable[[Any], Any]) -> None:
        """On OK run ``action(self.value())`` off the GUI thread, as a write."""
        self._submit = action

    def _try_accept(self) -> None:
        action = self._submit
        if action is not None and not self.problem():
            value = self.value()
            self.on_accept(lambda: action(value))
        super()._try_accept()


class CheckedFormDialog(FormDialog):
    """A form validated as the clerk types: a message under each touched field, OK
    enabled only when ``problems()`` is empty. Subclasses fill ``_errors`` (with
    ``add_checked_rows``) and ``_form``, and say what ``problems()`` are."""

    _form: QFormLayout

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent, title)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()

    def problems(self) -> dict[str, str]:
        return {}

    def problem(self) -> str | None:
        problems = self.problems()
        if problems:
            self._touched.update(problems)
            self.revalidate()
            return next(iter(problems.values()))
        return None

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.revalidate()

    def revalidate(self) -> None:
        problems = self.problems()
        for name, label in self._errors.items():
            text = problems.get(name, "") if name in self._touched else ""
            label.setText(text)
            self._form.setRowVisible(label, bool(text))
        self._untouched_problems([n for n in problems if n not in self._touched])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        ok.setToolTip(next(iter(problems.values())) if problems else "")

    def _untouched_problems(self, names: list[str]) -> None:
        """Problems of fields not touched yet (no message under them yet)."""

    def add_still_needed(self) -> None:
        """A line under the form naming what untouched fields still lack (their own
        messages only show once the clerk has been there); ``show_still_needed`` fills it."""
        self.missing = muted("", self)
        self.missing.setObjectName("stillNeeded")
        self.body.addWidget(self.missing)

    def show_still_needed(self, waiting: list[str]) -> None:
        """Name the fields (translated by the caller) that still lack something."""
        fields = ", ".join(waiting)
        self.missing.setText(tr("Still needed: {fields}.").format(fields=fields) if waiting else "")
        self.missing.setVisible(bool(waiting))

    def error_text(self, name: str) -> str:
        """The message shown beside field ``name`` (empty when none is shown)."""
        label = self._errors[name]
        return label.text() if label.isVisibleTo(self) else ""


def combo(parent: QWidget, name: str, values: tuple[str, ...], titles: dict[str, str]) -> QComboBox:
    """A combo box of ``values`` shown by their ``titles`` (marked with ``tr_noop``,
    translated here); a value without a title shows as words."""
    box = QComboBox(parent)
    box.setObjectName(name)
    for value in values:
        box.addItem(tr(titles[value]) if value in titles else words(value), value)
    return box


def select_data(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
