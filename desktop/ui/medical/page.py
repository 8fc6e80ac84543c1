"""Medical: the worklist of the medical team. Who needs an examination, a
pre-embarkation check, a decision, a review or a renewal of their fitness, ordered
by deadline; from there a person's medical history and the record form.

Only users of the medical team get this page; built for anyone else it says so and
asks the services nothing. Lists are read off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from desktop.errors import KnownError
from desktop.services.medical.examinations import MedicalService, WorkItem
from desktop.services.medical.fitness import FitnessService, FitnessSummary
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import RecordListModel, RecordRole, fit_columns, registry_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.medical.dialogs import MedicalHistoryDialog, MedicalPrinting
from desktop.ui.medical.models import WORK_COLUMNS, WorkRow
from desktop.ui.worker import run_in_background

NOT_MEDICAL = (
    "The medical worklist and medical records are for the medical team only. Your role "
    "sees fitness to travel as a summary in each household window."
)
#: how far ahead the worklist looks, in days
HORIZONS = (7, 14, 30)
DEFAULT_HORIZON = 14
#: the kind of examination a need calls for (offered first in a new record)
KIND_FOR_NEED = {
    "Pre-embarkation check": "pec",
    "Health assessment": "health_assessment",
    "Examination": "health_assessment",
    "Review": "follow_up",
}
_OVERDUE = "#b91c1c"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Loaded:
    items: list[WorkItem]
    fitness: dict[str, FitnessSummary]


class DeadlineDelegate(QStyledItemDelegate):
    """Deadlines already past in red: those people are late for the medical team."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        row = index.data(RecordRole)
        deadline = row.item.deadline if isinstance(row, WorkRow) else None
        if deadline is not None and deadline < datetime.now(UTC):
            option.palette.setColor(option.palette.ColorRole.Text, QColor(_OVERDUE))
            option.font.setBold(True)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class MedicalPage(Page):
    key = "medical"
    title = "Medical"
    icon = "fa6s.stethoscope"

    def __init__(
        self,
        medical: MedicalService,
        fitness: FitnessService,
        printing: MedicalPrinting | None = None,
        can_write: bool = False,
        *,
        open_case: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__()
        self._medical = medical
        self._fitness = fitness
        self._printing = printing
        self._can_write = can_write
        self._open_case = open_case
        self._allowed = medical.may_read
        self._closing = False
        self._loads = 0
        self._loading = False
        self._rows: list[WorkRow] = []
        self._fitted = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        self.message = InlineMessage(self)
        self.message.setObjectName("medicalPageMessage")
        layout.addWidget(self.message)
        self.explanation = muted(
            "Who the medical team must see, by deadline (office time, Tirana): booked "
            "examinations and pre-embarkation checks, decisions still pending, deferrals "
            "due for review, fitness about to expire, and members of accepted households "
            "never examined. Double-click a person for their medical records.",
            self,
        )
        layout.addWidget(self.explanation)

        filters = QHBoxLayout()
        filters.setSpacing(SPACING // 2)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("worklistFilter")
        self.filter.setPlaceholderText("Filter by case number or name")
        self.filter.setAccessibleName("Filter the worklist by case number or name")
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(
            qta.icon("fa6s.magnifying-glass"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.filter.setMinimumWidth(280)
        self.filter.textChanged.connect(lambda _t: self._show_rows())
        filters.addWidget(self.filter)
        filters.addSpacing(SPACING)
        ahead = QLabel("&Looking ahead", self)
        self.horizon = QComboBox(self)
        self.horizon.setObjectName("worklistHorizon")
        for days in HORIZONS:
            self.horizon.addItem(f"{days} days", days)
        self.horizon.setCurrentIndex(HORIZONS.index(DEFAULT_HORIZON))
        self.horizon.setToolTip("How far ahead appointments, reviews and expiries are listed")
        ahead.setBuddy(self.horizon)
        self.horizon.currentIndexChanged.connect(lambda _i: self.refresh())
        filters.addWidget(ahead)
        filters.addWidget(self.horizon)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("worklistCount")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model: RecordListModel[WorkRow] = RecordListModel(WORK_COLUMNS)
        self.model.setParent(self)
        self.table = registry_table(self, "worklistTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(0, DeadlineDelegate(self.table))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.empty = muted("", self)
        self.empty.setObjectName("worklistEmpty")
        self.empty.hide()
        layout.addWidget(self.empty)

        actions = QHBoxLayout()
        self.open_button = QPushButton(qta.icon("fa6s.notes-medical"), "Open…", self)
        self.open_button.setObjectName("openMedicalHistory")
        self.open_button.setToolTip("The person's medical records (Enter)")
        self.open_button.clicked.connect(lambda _c=False: self.open_selected())
        actions.addWidget(self.open_button)
        self.case_button = QPushButton("Open household", self)
        self.case_button.setObjectName("openHouseholdFromWorklist")
        self.case_button.clicked.connect(lambda _c=False: self._open_household())
        self.case_button.setVisible(open_case is not None)
        actions.addWidget(self.case_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        if not self._allowed:
            self.message.show_error(NOT_MEDICAL)
            for widget in (self.explanation, self.filter, self.horizon, ahead, self.table):
                widget.setEnabled(False)
            self.table.hide()
            self.explanation.hide()
        self._update_buttons()

    # -- page -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._closing or not self._allowed:
            return
        self._loads += 1
        request = self._loads
        self._loading = True
        self.count_label.setText("Loading…")
        medical, fitness = self._medical, self._fitness
        days = int(self.horizon.currentData())

        def work() -> _Loaded:
            items = medical.worklist(horizon_days=days)
            return _Loaded(items, fitness.summaries([i.person_id for i in items]))

        def failed(error: KnownError) -> None:
            if request != self._loads:
                return
            self._loading = False
            if not self._closing:
                self.count_label.setText("")
                self.message.show_error(error.message)

        run_in_background(work, lambda found: self._loaded(request, found), failed)

    def loading(self) -> bool:
        return self._loading

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self._rows = []
        self.model.set_rows([])
        blocked = self.filter.blockSignals(True)  # the filter may hold a name
        self.filter.clear()
        self.filter.blockSignals(blocked)

    # -- the list ---------------------------------------------------------------------------------
    def _loaded(self, request: int, found: _Loaded) -> None:
        if request != self._loads:
            return
        self._loading = False
        if self._closing:
            return
        self.message.clear()
        self._rows = [WorkRow(i, found.fitness.get(i.person_id)) for i in found.items]
        self._show_rows()

    def _show_rows(self) -> None:
        chosen = self.selected()
        key = (chosen.item.person_id, chosen.item.need) if chosen else None
        text = self.filter.text().strip().casefold()
        shown = [
            r
            for r in self._rows
            if not text or text in r.item.case_number.casefold() or text in r.item.name.casefold()
        ]
        self.model.set_rows(shown)
        if shown and not self._fitted:
            fit_columns(self.table, WORK_COLUMNS)
            self._fitted = True
        keys = [(r.item.person_id, r.item.need) for r in shown]
        if key in keys:
            self.table.selectRow(keys.index(key))
        days = int(self.horizon.currentData())
        total = len(self._rows)
        people = len({r.person_id for r in self._rows})
        entries = _plural(total, "entry", "entries")
        if text:
            self.count_label.setText(f"{len(shown)} of {entries}")
        elif people == total:
            self.count_label.setText(_plural(people, "person", "people") + " to see")
        else:
            self.count_label.setText(f"{entries} for {_plural(people, 'person', 'people')}")
        if not total:
            self.empty.setText(f"Nobody needs the medical team in the next {days} days.")
        elif not shown:
            self.empty.setText("Nobody on the worklist matches the filter.")
        self.empty.setVisible(not shown)
        self._update_buttons()

    def rows(self) -> list[WorkRow]:
        return [self.model.record(r) for r in range(self.model.rowCount())]

    def selected(self) -> WorkRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.record(rows[0].row())

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen and self._allowed)
        self.case_button.setEnabled(chosen)

    # -- a person ---------------------------------------------------------------------------------
    def open_selected(self) -> MedicalHistoryDialog | None:
        chosen = self.selected()
        return self.open_history(chosen.item) if chosen else None

    def open_row(self, row: int) -> MedicalHistoryDialog | None:
        if not 0 <= row < self.model.rowCount():
            return None
        return self.open_history(self.model.record(row).item)

    def open_history(self, item: WorkItem) -> MedicalHistoryDialog | None:
        if self._closing or not self._allowed:
            return None
        dialog = MedicalHistoryDialog(
            self,
            self._medical,
            item.person_id,
            name=item.name,
            case_id=item.case_id,
            case_number=item.case_number,
            printing=self._printing,
            can_write=self._can_write,
            suggested_kind=KIND_FOR_NEED.get(item.need),
        )
        dialog.changed.connect(self._record_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _record_saved(self, case_id: str) -> None:
        if self._closing:
            return
        self.refresh()

    def _open_household(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._open_case is not None and not self._closing:
            self._open_case(chosen.item.case_id)
