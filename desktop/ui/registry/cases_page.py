"""The case list: every household of the office, filtered, loaded lazily."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.registry.lists import RegistryFilter, RegistryService
from desktop.services.registry.registration import CaseInput, RegistrationService
from desktop.ui.kit import dialogs
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import (
    count_text,
    fit_columns,
    install_rtl_delegates,
    registry_table,
    words,
)
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading
from desktop.ui.registry.case_view import CaseView, HouseholdDialog
from desktop.ui.registry.case_windows import OpenCase
from desktop.ui.registry.models import cases_model
from desktop.ui.worker import run_in_background

#: width of a filter drop-down, in characters (of the widest kind)
_COMBO_CHARS = 6
#: frame and arrow of a drop-down, beside its text
_COMBO_PADDING = 40


def share_row(box: QComboBox) -> None:
    """A drop-down that shares its row: long programme names must not widen the window.

    Call it once the first item is in: the box stays wide enough for that one.
    """
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(_COMBO_CHARS)
    first = box.fontMetrics().horizontalAdvance(box.itemText(0))
    box.setMinimumWidth(first + _COMBO_PADDING)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class RegistryFilterBar(QWidget):
    """Drop-downs for the case-level filters, shared by the case and person lists."""

    changed = Signal()

    #: RegistryFilter field, text for "any", how a value reads
    _FIELDS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
        ("status", "Any status", words),
        ("destination_country", "Any destination", str),
        ("programme", "Any programme", str),
        ("family_language", "Any language", str),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING // 2)
        self.boxes: dict[str, QComboBox] = {}
        for field, any_text, _label in self._FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"filter_{field}")
            box.setAccessibleName(any_text.replace("Any ", "Filter by "))
            box.addItem(any_text, None)
            share_row(box)
            box.currentIndexChanged.connect(self.changed)
            row.addWidget(box)
            self.boxes[field] = box
        self.needs = QComboBox(self)
        self.needs.setObjectName("filter_specific_needs")
        self.needs.setAccessibleName("Filter by specific needs")
        self.needs.addItem("Specific needs: any", None)
        self.needs.addItem("With specific needs", True)
        self.needs.addItem("Without specific needs", False)
        share_row(self.needs)
        self.needs.currentIndexChanged.connect(self.changed)
        row.addWidget(self.needs)

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Fill the drop-downs with the values present, keeping what is chosen.

        Emits ``changed`` only if a chosen value is no longer there.
        """
        before = self.current()
        for field, any_text, label in self._FIELDS:
            box = self.boxes[field]
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(any_text, None)
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
        values = {field: self.boxes[field].currentData() for field, _any, _label in self._FIELDS}
        return RegistryFilter(specific_needs=self.needs.currentData(), **values)

    def active(self) -> bool:
        return self.current() != RegistryFilter()


class CasesPage(Page):
    key = "cases"
    title = "Cases"
    icon = "fa6s.people-roof"

    def __init__(
        self,
        registry: RegistryService,
        registration: RegistrationService | None = None,
        can_write: bool = False,
        *,
        open_case: OpenCase | None = None,
    ) -> None:
        super().__init__()
        self._registry = registry
        self._open_case = open_case
        self._request = 0
        self._closing = False
        self._fitted = False
        #: None: this user only reads (the case view opens read-only)
        self._writer: tuple[RegistrationService, bool] | None = (
            (registration, can_write) if registration is not None else None
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))

        bar = QHBoxLayout()
        self.filters = RegistryFilterBar(self)
        bar.addWidget(self.filters, 1)
        bar.addSpacing(SPACING)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("casesCount")
        bar.addWidget(self.count_label)
        bar.addSpacing(SPACING)
        self.new_button = QPushButton("New household…", self)
        self.new_button.setObjectName("newHousehold")
        self.new_button.clicked.connect(lambda _checked=False: self.new_household())
        self.new_button.setEnabled(self._writer is not None and self._writer[1])
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        self.model = cases_model(registry.cases)
        self.model.setParent(self)
        self.model.load_failed.connect(self.message.show_error)
        self.table = registry_table(self, "casesTable")
        self.table.setModel(self.model)
        install_rtl_delegates(self.table, self.model.columns)
        # Enter or a double-click on a row opens the household
        self.table.activated.connect(self.open_case)
        layout.addWidget(self.table, 1)

        self.filters.changed.connect(lambda: self._load(with_choices=False))

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load(with_choices=True)

    def loading(self) -> bool:
        return self.count_label.text() == "Loading…"

    def _load(self, *, with_choices: bool) -> None:
        if self._closing:
            return
        self._request += 1
        request = self._request
        where = self.filters.current()
        registry = self._registry
        self.count_label.setText("Loading…")

        def work() -> tuple[dict[str, list[str]] | None, list[str]]:
            choices = registry.filter_choices() if with_choices else None
            return choices, registry.case_ids(where)

        run_in_background(
            work,
            lambda result: self._loaded(request, where, result),
            lambda error: self._failed(request, error),
        )

    def _loaded(
        self,
        request: int,
        where: RegistryFilter,
        result: tuple[dict[str, list[str]] | None, list[str]],
    ) -> None:
        if self._closing or request != self._request:
            return  # a newer load is under way, or the office locked
        choices, ids = result
        if choices is not None:
            self.filters.blockSignals(True)
            self.filters.set_choices(choices)
            self.filters.blockSignals(False)
            if self.filters.current() != where:  # a chosen value is gone
                self._load(with_choices=False)
                return
        self.message.clear()
        self.model.set_ids(ids)
        self.count_label.setText(count_text(len(ids), "case", "cases"))
        if not self._fitted and ids:
            fit_columns(self.table, self.model.columns)
            self._fitted = True

    def _failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._request:
            return
        self.count_label.setText("")
        self.message.show_error(error.message)

    # -- households ---------------------------------------------------------------------------
    def open_case(self, index: QModelIndex) -> CaseView | None:
        if self._closing or not index.isValid():
            return None
        return self.open_case_id(self.model.id_at(index.row()))

    def open_case_id(self, case_id: str) -> CaseView | None:
        """The household window of ``case_id`` (other pages open households through here)."""
        if self._closing or self._open_case is None:
            return None
        return self._open_case(case_id, self)

    def new_household(self) -> HouseholdDialog | None:
        if self._closing:
            return None
        if self._writer is None or not self._writer[1]:
            dialogs.show_error(
                self, "New household", "Your role can see households but not register them."
            )
            return None
        registration = self._writer[0]
        dialog = HouseholdDialog(self)
        created: list[str] = []

        def create(data: CaseInput) -> str:
            case_id = registration.create_case(data)
            created.append(case_id)
            return case_id

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and created and not self._closing:
                self.refresh()
                self.open_case_id(created[0])

        dialog.submit(create)
        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(HouseholdDialog):
            dialog.reject()
        self.model.set_ids([])
