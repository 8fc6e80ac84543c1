"""Medical: the worklist of the medical team. Who needs an examination, a
pre-embarkation check, a decision, a review or a renewal of their fitness, ordered
by deadline; from there a person's medical history and the record form.

Only users of the medical team get this page; built for anyone else it says so and
asks the services nothing. Lists are read off the GUI thread and reload when a medical
record, an appointment, a household or a person changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.errors import KnownError
from desktop.services.changes import Kind
from desktop.services.medical.examinations import MedicalService, WorkItem
from desktop.services.medical.fitness import FitnessService, FitnessSummary
from desktop.services.office.clock import OfficeClock
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import (
    RecordListModel,
    RecordRole,
    fit_columns,
    kept_view,
    registry_table,
)
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted
from desktop.ui.medical.history import MedicalHistoryDialog
from desktop.ui.medical.models import WORK_COLUMNS, WorkRow
from desktop.ui.medical.prints import MedicalPrinting

NOT_MEDICAL = tr_noop(
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
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Loaded:
    items: list[WorkItem]
    fitness: dict[str, FitnessSummary]


class DeadlineDelegate(QStyledItemDelegate):
    """Deadlines already past on the office clock in red: those people are late for the
    medical team."""

    def __init__(self, clock: OfficeClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        row = index.data(RecordRole)
        deadline = row.item.deadline if isinstance(row, WorkRow) else None
        if deadline is not None and deadline < self._clock.now():
            option.palette.setColor(option.palette.ColorRole.Text, QColor(palette.ERROR))
            option.font.setBold(True)


class MedicalPage(Page):
    key = "medical"
    title = tr_noop("Medical")
    icon = "fa6s.stethoscope"
    watches = frozenset({Kind.MEDICAL, Kind.APPOINTMENT, Kind.CASE, Kind.PERSON})

    def __init__(
        self,
        medical: MedicalService,
        fitness: FitnessService,
        printing: MedicalPrinting | None = None,
        can_write: bool = False,
        *,
        clock: OfficeClock,
        open_case: Callable[[str], object] | None = None,
        notices: ChangeNotices | None = None,
    ) -> None:
        super().__init__()
        self._notices = notices
        self._medical = medical
        self._fitness = fitness
        self._printing = printing
        self._can_write = can_write
        self._clock = clock
        self._open_case = open_case
        self._allowed = medical.may_read
        self._rows: list[WorkRow] = []
        self._fitted = False

        layout = self.page_layout()
        self.message = InlineMessage(self)
        self.message.setObjectName("medicalPageMessage")
        layout.addWidget(self.message)
        self.explanation = muted(
            tr(
                "Who the medical team must see, by deadline (office time, Tirana): booked "
                "examinations and pre-embarkation checks, decisions still pending, deferrals "
                "due for review, fitness about to expire, and members of accepted households "
                "never examined. Double-click a person for their medical records."
            ),
            self,
        )
        layout.addWidget(self.explanation)
        layout.addLayout(self._build_filters())
        self.model: RecordListModel[WorkRow] = RecordListModel(WORK_COLUMNS)
        self.model.setParent(self)
        self.table = registry_table(self, "worklistTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(0, DeadlineDelegate(clock, self.table))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.empty = muted("", self)
        self.empty.setObjectName("worklistEmpty")
        self.empty.hide()
        layout.addWidget(self.empty)
        layout.addLayout(self._build_actions())

        if not self._allowed:
            self.message.show_error(tr(NOT_MEDICAL))
            for widget in (self.explanation, self.filter, self.horizon, self.table):
                widget.setEnabled(False)
            self.table.hide()
            self.explanation.hide()
        self._update_buttons()

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        filters.setSpacing(SPACING // 2)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("worklistFilter")
        self.filter.setPlaceholderText(tr("Filter by case number or name"))
        self.filter.setAccessibleName(tr("Filter the worklist by case number or name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(
            qta.icon("fa6s.magnifying-glass"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.filter.setMinimumWidth(280)
        self.filter.textChanged.connect(lambda _t: self._show_rows())
        filters.addWidget(self.filter)
        filters.addSpacing(SPACING)
        ahead = QLabel(tr("&Looking ahead"), self)
        self.horizon = QComboBox(self)
        self.horizon.setObjectName("worklistHorizon")
        for days in HORIZONS:
            self.horizon.addItem(plural(days, tr_noop("{n} day"), tr_noop("{n} days")), days)
        self.horizon.setCurrentIndex(HORIZONS.index(DEFAULT_HORIZON))
        self.horizon.setToolTip(tr("How far ahead appointments, reviews and expiries are listed"))
        ahead.setBuddy(self.horizon)
        self.horizon.currentIndexChanged.connect(lambda _i: self.refresh())
        filters.addWidget(ahead)
        filters.addWidget(self.horizon)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("worklistCount")
        filters.addWidget(self.count_label)
        return filters

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.open_button = QPushButton(qta.icon("fa6s.notes-medical"), tr("Open…"), self)
        self.open_button.setObjectName("openMedicalHistory")
        self.open_button.setToolTip(tr("The person's medical records (Enter)"))
        self.open_button.clicked.connect(lambda _c=False: self.open_selected())
        actions.addWidget(self.open_button)
        self.case_button = QPushButton(tr("Open household"), self)
        self.case_button.setObjectName("openHouseholdFromWorklist")
        self.case_button.clicked.connect(lambda _c=False: self._open_household())
        self.case_button.setVisible(self._open_case is not None)
        actions.addWidget(self.case_button)
        actions.addStretch(1)
        return actions

    # -- page -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the worklist again (a newer reload replaces one still running)."""
        if not self._allowed:
            return
        self.count_label.setText(tr("Loading…"))
        medical, fitness = self._medical, self._fitness
        days = int(self.horizon.currentData())

        def work() -> _Loaded:
            items = medical.worklist(horizon_days=days)
            return _Loaded(items, fitness.summaries([i.person_id for i in items]))

        QueryOp(self, work).replacing("load").success(self._loaded).failure(self._failed).run()

    def _failed(self, error: KnownError) -> None:
        self.count_label.setText("")
        self.message.show_error(error.message)

    def close_for_lock(self) -> None:
        super().close_for_lock()
        self._rows = []
        self.model.set_rows([])
        blocked = self.filter.blockSignals(True)  # the filter may hold a name
        self.filter.clear()
        self.filter.blockSignals(blocked)

    # -- the list ---------------------------------------------------------------------------------
    def _loaded(self, found: _Loaded) -> None:
        self.message.clear()
        self._rows = [WorkRow(i, found.fitness.get(i.person_id)) for i in found.items]
        self._show_rows()

    def _show_rows(self) -> None:
        text = self.filter.text().strip().casefold()
        shown = [
            r
            for r in self._rows
            if not text or text in r.item.case_number.casefold() or text in r.item.name.casefold()
        ]
        with kept_view(self.table, lambda row: self.model.record(row).key):
            self.model.set_rows(shown)
        if shown and not self._fitted:
            fit_columns(self.table, WORK_COLUMNS)
            self._fitted = True
        self.count_label.setText(self._count_text(len(shown), bool(text)))
        if not self._rows:
            days = int(self.horizon.currentData())
            self.empty.setText(
                tr("Nobody needs the medical team in the next {days} days.").format(days=days)
            )
        elif not shown:
            self.empty.setText(tr("Nobody on the worklist matches the filter."))
        self.empty.setVisible(not shown)
        self._update_buttons()

    def _count_text(self, shown: int, filtered: bool) -> str:
        total = len(self._rows)
        people = len({r.person_id for r in self._rows})
        entries = plural(total, tr_noop("{n} entry"), tr_noop("{n} entries"))
        if filtered:
            return tr("{shown} of {entries}").format(shown=shown, entries=entries)
        if people == total:
            return plural(people, tr_noop("{n} person to see"), tr_noop("{n} people to see"))
        return tr("{entries} for {people}").format(
            entries=entries, people=plural(people, tr_noop("{n} person"), tr_noop("{n} people"))
        )

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
        """The person's medical records; what is saved there reloads the worklist through
        the change notice."""
        if not self._allowed:
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
            clock=self._clock,
            notices=self._notices,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_household(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._open_case is not None:
            self._open_case(chosen.item.case_id)
