"""Possible duplicates: pairs of people who may be one person registered twice.

The list of pairs is computed by ``DuplicateService`` in the background (it takes
seconds in a large office), and again whenever a change notice touches people,
households, documents or decisions while the page is shown. For the selected pair both
persons are shown side by side (``comparison``). A clerk either decides "not the same
person" or merges with a clear choice per field (``merge_dialog``); the list then
reloads on the write's change notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.intake.importing import ImportService
from desktop.services.registry.duplicates import Candidate, DuplicateService
from desktop.services.registry.registration import RegistrationService
from desktop.ui.intake.comparison import Comparison, PairDetail, latin_name, side_of
from desktop.ui.intake.merge_dialog import MergeDialog
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import Column, RecordListModel
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.registry.vocabulary import level_text

if TYPE_CHECKING:  # loaded when the clerk imports, not with the page
    from desktop.ui.intake.import_dialog import ImportDialog

PAIR_COLUMNS: list[Column[Candidate]] = [
    Column(tr_noop("Score"), lambda c: f"{c.score:.0f}", align_right=True, sample="100"),
    Column(tr_noop("Match"), lambda c: level_text(c.level), sample="Possible"),
    Column(tr_noop("Case"), lambda c: c.first.case_number, sample="DEMO-2026-00000"),
    Column(
        tr_noop("Name"), lambda c: latin_name(c.first.given_name, c.first.family_name), tip=True
    ),
    Column(tr_noop("Case"), lambda c: c.second.case_number, sample="DEMO-2026-00000"),
    Column(
        tr_noop("Name"), lambda c: latin_name(c.second.given_name, c.second.family_name), tip=True
    ),
]
#: how wide a name column starts
_NAME_SAMPLE = "Abdul Karim Ahmadzai"


def _to_review(count: int, likely: int) -> str:
    """ "12 pairs to review (3 likely, 9 possible)"."""
    text = (
        tr_noop("{n} pair to review ({likely} likely, {possible} possible)")
        if count == 1
        else tr_noop("{n} pairs to review ({likely} likely, {possible} possible)")
    )
    return tr(text).format(n=f"{count:,}", likely=f"{likely:,}", possible=f"{count - likely:,}")


# -- small functions that tests replace ------------------------------------------------------


def ask_note(parent: QWidget | None) -> str | None:
    """Why the two are different people (optional); None if the clerk cancels."""
    text, ok = QInputDialog.getText(
        parent,
        tr("Not the same person"),
        tr("These two will not be proposed again. Note (optional, e.g. 'cousins'):"),
    )
    return text if ok else None


def run_merge_dialog(dialog: MergeDialog) -> bool:
    """Show the merge dialog; True if the clerk chose Merge (tests replace this)."""
    return dialog.exec() == MergeDialog.DialogCode.Accepted


# -- the page -----------------------------------------------------------------------------------


class DuplicatesPage(Page):
    key = "duplicates"
    title = tr_noop("Duplicates")
    icon = "fa6s.clone"
    #: a pair is made of people (their names, documents, households) and decisions
    watches = frozenset({Kind.PERSON, Kind.CASE, Kind.DUPLICATE, Kind.DOCUMENT})

    def __init__(
        self,
        duplicates: DuplicateService,
        registration: RegistrationService,
        imports: ImportService | None = None,
    ) -> None:
        super().__init__()
        self._duplicates = duplicates
        self._registration = registration
        self._imports = imports
        #: whether work the clerk waits for is under way (decisions wait for it)
        self._working = False
        self._import_dialog: ImportDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(self._build_top())
        layout.addWidget(
            muted(
                tr(
                    "People who may be registered twice. Nothing is merged automatically: "
                    "compare the two records, then merge them or mark them as different people."
                ),
                self,
            )
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("duplicatesStatus")
        layout.addWidget(self.status_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._build_pairs(splitter))
        splitter.addWidget(self._build_comparison(splitter))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        # the kit types it as a Signal; what it returns is the owner's bound signal
        busy = operations.busy_signal(self)
        busy.connect(self._busy_changed)
        self._set_actions()

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(heading(tr(self.title), self))
        top.addStretch(1)
        self.import_button = QPushButton(tr("Import registration list…"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setVisible(self._imports is not None)
        self.import_button.clicked.connect(self.open_import)
        top.addWidget(self.import_button)
        self.reload_button = QPushButton(tr("Check again"), self)
        self.reload_button.clicked.connect(self.refresh)
        top.addWidget(self.reload_button)
        return top

    def _build_pairs(self, splitter: QSplitter) -> QTableView:
        self.model: RecordListModel[Candidate] = RecordListModel(PAIR_COLUMNS)
        self.model.setParent(self)
        self.table = QTableView(splitter)
        self.table.setObjectName("pairsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        for number, column in enumerate(PAIR_COLUMNS):
            sample = column.sample or _NAME_SAMPLE
            width = max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(tr(column.title))
            )
            header.resizeSection(number, width + 24)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        return self.table

    def _build_comparison(self, splitter: QSplitter) -> QWidget:
        lower = QWidget(splitter)
        layout = QVBoxLayout(lower)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reasons = QLabel(lower)
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.comparison = Comparison(lower)
        layout.addWidget(self.comparison, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.not_same_button = QPushButton(tr("Not the same person…"), lower)
        self.not_same_button.setObjectName("notSameButton")
        self.not_same_button.clicked.connect(self.not_the_same)
        actions.addWidget(self.not_same_button)
        self.merge_button = QPushButton(tr("Merge…"), lower)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        actions.addWidget(self.merge_button)
        layout.addLayout(actions)
        return lower

    # -- state ----------------------------------------------------------------------------
    def pairs(self) -> list[Candidate]:
        return [self.model.record(r) for r in range(self.model.rowCount())]

    def current(self) -> Candidate | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _busy_changed(self, working: bool) -> None:
        self._working = working
        self._set_actions()

    def _set_actions(self) -> None:
        ready = self.comparison.detail is not None and not self._working
        self.not_same_button.setEnabled(self.current() is not None and not self._working)
        self.merge_button.setEnabled(ready)
        self.reload_button.setEnabled(not self._working)

    def _failed(self, error: KnownError) -> None:
        self.status_label.setText("")
        self.message.show_error(error.message)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Check again (the page is shown, or the clerk asks)."""
        self.status_label.setText(tr("Checking…"))
        self.message.clear()
        self._load(quiet=False)

    def reload_after(self, change: Change) -> None:
        # quiet, and what the page says (a merge done) stays
        self._load(quiet=True)

    def _load(self, *, quiet: bool) -> None:
        load = QueryOp(self, self._duplicates.candidates).replacing("pairs")
        load.success(self._loaded).failure(self._failed)
        (load.quiet() if quiet else load).run()

    def _loaded(self, pairs: Sequence[Candidate]) -> None:
        """Show ``pairs``, the same pair selected as before and the list where it was."""
        before = self.current()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(pairs)
        likely = sum(1 for p in pairs if p.level == "likely")
        if pairs:
            self.status_label.setText(_to_review(len(pairs), likely))
        else:
            self.status_label.setText(tr("No possible duplicates. Nothing to review."))
        row = 0
        if before is not None:
            same = [
                n
                for n, p in enumerate(pairs)
                if (p.first.id, p.second.id) == (before.first.id, before.second.id)
            ]
            row = same[0] if same else 0
        self.comparison.show_pair(None)
        self.reasons.setText("")
        if pairs:
            # after the reset nothing is current: this announces the row, which loads it
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.verticalScrollBar().setValue(scroll)
        self._set_actions()

    def _row_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        pair = self.model.record(index.row()) if index.isValid() else None
        self.comparison.show_pair(None)
        if pair is None:
            self.reasons.setText("")
            self._set_actions()
            return
        why = "; ".join(pair.reasons) or tr("no reasons given")
        self.reasons.setText(
            tr("<b>{level} duplicate, score {score}.</b> Why: {why}.").format(
                level=level_text(pair.level), score=f"{pair.score:.0f}", why=why
            )
        )
        registration = self._registration

        def work() -> PairDetail:
            first = registration.case_detail(pair.first.case_id)
            second = (
                first
                if pair.second.case_id == pair.first.case_id
                else registration.case_detail(pair.second.case_id)
            )
            return PairDetail(side_of(first, pair.first.id), side_of(second, pair.second.id))

        QueryOp(self, work).replacing("compare").success(self._compared).failure(self._failed).run()
        self._set_actions()

    def _compared(self, detail: PairDetail) -> None:
        self.comparison.show_pair(detail)
        self._set_actions()

    # -- decisions --------------------------------------------------------------------------
    def not_the_same(self) -> None:
        pair = self.current()
        if pair is None:
            return
        note = ask_note(self)
        if note is None:
            return
        service = self._duplicates
        self.status_label.setText(tr("Saving…"))
        WriteOp(
            self, lambda: service.mark_not_duplicate(pair.first.id, pair.second.id, note)
        ).failure(self._failed).run()

    def merge(self) -> None:
        detail = self.comparison.detail
        if detail is None:
            return
        dialog = MergeDialog(detail, self)
        try:
            if not run_merge_dialog(dialog):
                return
            plan = dialog.plan()
            question = dialog.summary()
        finally:
            dialog.deleteLater()
        if not dialogs.confirm(self, tr("Merge two records"), question):
            return
        service = self._duplicates

        def work() -> None:
            # one transaction: never half a merge
            service.merge_persons(
                plan.keep_id,
                plan.drop_id,
                plan.take_from_drop,
                and_households=plan.cases is not None,
            )

        self.status_label.setText(tr("Merging…"))
        WriteOp(self, work).success(self._merged).failure(self._failed).run()

    def _merged(self, _none: None) -> None:
        self.message.show_notice(tr("The two records were merged."))

    # -- import -----------------------------------------------------------------------------
    def open_import(self) -> None:
        if self._imports is None:
            return
        from desktop.ui.intake import import_dialog

        path = import_dialog.choose_file(self)
        if path is None:
            return
        dialog = import_dialog.ImportDialog(self._imports, path, self)
        dialog.finished.connect(lambda _result: self._import_closed(dialog))
        self._import_dialog = dialog
        dialog.open()

    def _import_closed(self, dialog: ImportDialog) -> None:
        if self._import_dialog is dialog:
            self._import_dialog = None
        dialog.deleteLater()

    def close_for_lock(self) -> None:
        dialog = self._import_dialog
        if dialog is not None:
            # an import under way is stopped, not waited for
            dialog.close_for_lock()
            self._import_dialog = None
        super().close_for_lock()
        self.model.set_rows([])
        self.comparison.show_pair(None)
