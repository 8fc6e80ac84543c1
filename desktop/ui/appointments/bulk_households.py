"""The households to book at once: a list to tick, narrowed by status and case number.

Step 1 of scheduling many households (``bulk_schedule``). The list loads in the background
and again when the status filter changes; what was ticked stays ticked across reloads and
filters, in the order the list shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.journey.statuses import status_title
from desktop.services.registry.lists import CaseSummary, RegistryFilter, RegistryService
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp

_TICKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
)


def case_line(case: CaseSummary) -> str:
    """SHG-2026-00012 · 4 people · Accepted · Dari · to Canada"""
    people = plural(case.members, tr_noop("{n} person"), tr_noop("{n} people"))
    parts = [case.case_number, people, tr(status_title(case.status))]
    if case.family_language:
        parts.append(case.family_language)
    if case.destination_country:
        parts.append(tr("to {country}").format(country=case.destination_country))
    return "  ·  ".join(parts)


class HouseholdPicker(QGroupBox):
    """Households to tick; ``ticked`` is emitted whenever the ticks change.

    ``on_error`` shows what could not be loaded (the dialog's message).
    """

    ticked = Signal()

    def __init__(
        self,
        parent: QWidget,
        registry: RegistryService,
        on_error: Callable[[KnownError], None],
    ) -> None:
        super().__init__(tr("1. Households"), parent)
        self._registry = registry
        self._on_error = on_error
        self._cases: list[CaseSummary] = []
        self._chosen: dict[str, str] = {}  # case id -> case number, in the order ticked
        self._reading: QueryOp[list[CaseSummary]] | None = None

        box = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("bulkStatus")
        self.status_filter.setAccessibleName(tr("Show households with this status"))
        self.status_filter.addItem(tr("Any status"), None)
        filters.addWidget(self.status_filter)
        self.case_filter = QLineEdit(self)
        self.case_filter.setObjectName("bulkCaseFilter")
        self.case_filter.setPlaceholderText(tr("Find a case number"))
        self.case_filter.setClearButtonEnabled(True)
        filters.addWidget(self.case_filter, 1)
        box.addLayout(filters)
        self.case_list = QListWidget(self)
        self.case_list.setObjectName("bulkCases")
        self.case_list.setAccessibleName(tr("Households to schedule"))
        self.case_list.setUniformItemSizes(True)
        box.addWidget(self.case_list, 1)
        box.addLayout(self._build_ticks())

        self.status_filter.currentIndexChanged.connect(lambda _i: self.load())
        self.case_filter.textChanged.connect(lambda _t: self._filter_shown())
        self.case_list.itemChanged.connect(self._item_ticked)
        QueryOp(self, registry.filter_choices).success(self._choices_loaded).failure(on_error).run()
        self.load()

    def _build_ticks(self) -> QHBoxLayout:
        ticks = QHBoxLayout()
        tick_all = QPushButton(tr("Tick all shown"), self)
        tick_all.setObjectName("tickAllShown")
        tick_all.clicked.connect(lambda _c=False: self._tick_shown(True))
        untick = QPushButton(tr("Untick all"), self)
        untick.setObjectName("untickAll")
        untick.clicked.connect(lambda _c=False: self._untick_all())
        ticks.addWidget(tick_all)
        ticks.addWidget(untick)
        ticks.addStretch(1)
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("bulkChosen")
        ticks.addWidget(self.chosen_label)
        return ticks

    # -- loading -----------------------------------------------------------------------------
    def loading(self) -> bool:
        """Whether the households are being read."""
        return self._reading is not None and self._reading.running

    def _choices_loaded(self, choices: dict[str, list[str]]) -> None:
        self.status_filter.blockSignals(True)
        for status in choices.get("status", []):
            self.status_filter.addItem(tr(status_title(status)), status)
        self.status_filter.blockSignals(False)

    def load(self) -> None:
        """Read the households of the chosen status (a newer choice replaces an older)."""
        status = self.status_filter.currentData()
        registry = self._registry

        def work() -> list[CaseSummary]:
            return registry.cases(registry.case_ids(RegistryFilter(status=status)))

        self._reading = (
            QueryOp(self, work).replacing("cases").success(self._loaded).failure(self._failed).run()
        )
        self._show_count()

    def _loaded(self, cases: list[CaseSummary]) -> None:
        self._cases = cases
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for case in cases:
            item = QListWidgetItem(case_line(case), self.case_list)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(_TICKABLE)
            ticked = case.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.case_list.blockSignals(False)
        self._filter_shown()
        self._show_count()

    def _failed(self, error: KnownError) -> None:
        self._show_count()
        self._on_error(error)

    # -- ticking -----------------------------------------------------------------------------
    def shown_case_numbers(self) -> list[str]:
        return [
            self._cases[row].case_number
            for row in range(self.case_list.count())
            if not self.case_list.item(row).isHidden()
        ]

    def tick(self, case_numbers: Sequence[str]) -> None:
        """Tick these households (as the clerk would, one by one)."""
        wanted = set(case_numbers)
        for row, case in enumerate(self._cases):
            if case.case_number in wanted:
                self.case_list.item(row).setCheckState(Qt.CheckState.Checked)

    def chosen_case_ids(self) -> list[str]:
        """The ticked households in the order shown (those filtered out since, last)."""
        listed = [c.id for c in self._cases if c.id in self._chosen]
        return listed + [i for i in self._chosen if i not in set(listed)]

    def _filter_shown(self) -> None:
        text = self.case_filter.text().strip().lower()
        for row, case in enumerate(self._cases):
            self.case_list.item(row).setHidden(bool(text) and text not in case.case_number.lower())

    def _item_ticked(self, item: QListWidgetItem) -> None:
        case = self._cases[self.case_list.row(item)]
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[case.id] = case.case_number
        else:
            self._chosen.pop(case.id, None)
        self._ticks_changed()

    def _tick_shown(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.case_list.blockSignals(True)
        for row, case in enumerate(self._cases):
            item = self.case_list.item(row)
            if item.isHidden():
                continue
            item.setCheckState(state)
            if ticked:
                self._chosen[case.id] = case.case_number
            else:
                self._chosen.pop(case.id, None)
        self.case_list.blockSignals(False)
        self._ticks_changed()

    def _untick_all(self) -> None:
        self._chosen.clear()
        self.case_list.blockSignals(True)
        for row in range(self.case_list.count()):
            self.case_list.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.case_list.blockSignals(False)
        self._ticks_changed()

    def _ticks_changed(self) -> None:
        self._show_count()
        self.ticked.emit()

    def _show_count(self) -> None:
        count = len(self._chosen)
        if self.loading():
            self.chosen_label.setText(tr("Loading…"))
        elif not count:
            self.chosen_label.setText(tr("None ticked"))
        else:
            self.chosen_label.setText(
                plural(count, tr_noop("{n} household ticked"), tr_noop("{n} households ticked"))
            )
