"""Possible duplicates: pairs of people who may be one person registered twice.

The list of pairs is computed by ``DuplicateService`` in the background (it takes
seconds in a large office). For the selected pair both persons are shown side
by side with every field, the differing ones highlighted, and the reasons of the
score. A clerk either decides "not the same person" or merges with a clear
choice per field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.intake.importing import ImportService
from desktop.services.registry.duplicates import MERGEABLE_FIELDS, Candidate, DuplicateService
from desktop.services.registry.registration import CaseDetail, MemberRecord, RegistrationService
from desktop.ui.kit import dialogs
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import Column, RecordListModel, RightToLeftDelegate, words
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.registry.models import date_of_birth
from desktop.ui.worker import run_in_background

#: the merge dialog's choices scroll beyond this height
_MAX_CHOICES_HEIGHT = 420
#: background of a field whose two values differ
DIFFERENT = QColor("#fef3c7")

PAIR_COLUMNS: list[Column[Candidate]] = [
    Column("Score", lambda c: f"{c.score:.0f}", align_right=True, sample="100"),
    Column("Match", lambda c: c.level.capitalize(), sample="Possible"),
    Column("Case", lambda c: c.first.case_number, sample="DEMO-2026-00000"),
    Column("Name", lambda c: _latin(c.first.given_name, c.first.family_name), tip=True),
    Column("Case", lambda c: c.second.case_number, sample="DEMO-2026-00000"),
    Column("Name", lambda c: _latin(c.second.given_name, c.second.family_name), tip=True),
]


def _latin(given: str, family: str) -> str:
    return " ".join(p for p in (given, family) if p)


@dataclass(frozen=True)
class Field:
    """One line of the comparison: how a member's value reads, and which merge fields it is."""

    key: str
    label: str
    value: Callable[[MemberRecord, CaseDetail], str]
    #: the MERGEABLE_FIELDS taken together when this line is taken from the other person
    merge: tuple[str, ...] = ()
    rtl: bool = False


def _documents(member: MemberRecord) -> str:
    return ", ".join(f"{words(d.doc_type)} {d.number}" for d in member.documents)


FIELDS: tuple[Field, ...] = (
    Field("case_number", "Case number", lambda m, c: c.case_number),
    Field(
        "relationship",
        "Relationship",
        lambda m, c: words(m.relationship),
        ("relationship_to_principal",),
    ),
    Field("given_name", "Given name", lambda m, c: m.given_name, ("given_name",)),
    Field("family_name", "Family name", lambda m, c: m.family_name, ("family_name",)),
    Field("father_name", "Father's name", lambda m, c: m.father_name, ("father_name",)),
    Field(
        "grandfather_name",
        "Grandfather's name",
        lambda m, c: m.grandfather_name,
        ("grandfather_name",),
    ),
    Field(
        "native_name", "Name (native script)", lambda m, c: m.native_name, ("native_name",), True
    ),
    Field("sex", "Sex", lambda m, c: m.sex, ("sex",)),
    Field(
        "date_of_birth",
        "Date of birth",
        lambda m, c: date_of_birth(m.date_of_birth, m.dob_precision),
        ("date_of_birth", "dob_precision"),
    ),
    Field("nationality", "Nationality", lambda m, c: m.nationality, ("nationality",)),
    Field("phone", "Phone", lambda m, c: m.phone or "", ("phone",)),
    Field("languages", "Languages", lambda m, c: ", ".join(m.languages)),
    Field("specific_needs", "Specific needs", lambda m, c: "Yes" if m.specific_needs else "No"),
    Field("documents", "Documents", lambda m, c: _documents(m)),
    Field("members", "Household members", lambda m, c: str(len(c.members))),
)

assert {f for field in FIELDS for f in field.merge} == set(MERGEABLE_FIELDS)


@dataclass(frozen=True)
class Side:
    """One person of a pair, with the household it belongs to."""

    member: MemberRecord
    case: CaseDetail

    def value(self, field: Field) -> str:
        return field.value(self.member, self.case)

    def title(self) -> str:
        return (
            f"{_latin(self.member.given_name, self.member.family_name)} ({self.case.case_number})"
        )


@dataclass(frozen=True)
class PairDetail:
    left: Side
    right: Side

    def differs(self, field: Field) -> bool:
        return self.left.value(field) != self.right.value(field)


def _side(case: CaseDetail, person_id: str) -> Side:
    for member in case.members:
        if member.id == person_id:
            return Side(member, case)
    raise KnownError("One of the two people no longer exists or was merged already.")


# -- small functions that tests replace ------------------------------------------------------


def ask_note(parent: QWidget | None) -> str | None:
    """Why the two are different people (optional); None if the clerk cancels."""
    text, ok = QInputDialog.getText(
        parent,
        "Not the same person",
        "These two will not be proposed again. Note (optional, e.g. 'cousins'):",
    )
    return text if ok else None


# -- the comparison ---------------------------------------------------------------------------


class Comparison(QTableWidget):
    """Both persons side by side, one field a row, differing rows highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FIELDS), 2, parent)
        self.setObjectName("comparison")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setVerticalHeaderLabels([f.label for f in FIELDS])
        self.setHorizontalHeaderLabels(["", ""])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rtl = RightToLeftDelegate(self)
        for row, field in enumerate(FIELDS):
            if field.rtl:
                self.setItemDelegateForRow(row, rtl)
        self.detail: PairDetail | None = None

    def show_pair(self, detail: PairDetail | None) -> None:
        self.detail = detail
        self.clearContents()
        if detail is None:
            self.setHorizontalHeaderLabels(["", ""])
            return
        self.setHorizontalHeaderLabels([detail.left.title(), detail.right.title()])
        for row, field in enumerate(FIELDS):
            different = detail.differs(field)
            for column, side in enumerate((detail.left, detail.right)):
                item = QTableWidgetItem(side.value(field))
                if field.rtl:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight
                        | Qt.AlignmentFlag.AlignAbsolute
                        | Qt.AlignmentFlag.AlignVCenter
                    )
                if different:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setToolTip("The two records differ here")
                self.setItem(row, column, item)

    def different_rows(self) -> list[str]:
        """Keys of the highlighted rows (for tests and the merge dialog)."""
        if self.detail is None:
            return []
        return [f.key for f in FIELDS if self.detail.differs(f)]


# -- merging ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergePlan:
    keep_id: str
    drop_id: str
    take_from_drop: tuple[str, ...]
    #: (keep case, drop case) when the two households are merged too
    cases: tuple[str, str] | None


class MergeDialog(QDialog):
    """Which record stays, and for each differing field which value it keeps."""

    def __init__(self, detail: PairDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge two records")
        self.setObjectName("mergeDialog")
        self.detail = detail
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)

        keep_box = QGroupBox("Which record stays", self)
        keep_row = QVBoxLayout(keep_box)
        self.keep_left = QRadioButton(f"Keep left: {detail.left.title()}", keep_box)
        self.keep_right = QRadioButton(f"Keep right: {detail.right.title()}", keep_box)
        self.keep_left.setChecked(True)
        self._keep = QButtonGroup(self)
        for button in (self.keep_left, self.keep_right):
            self._keep.addButton(button)
            keep_row.addWidget(button)
        keep_row.addWidget(
            muted(
                "The other record is marked merged; its documents, consents and "
                "protection details move to the record that stays.",
                keep_box,
            )
        )
        layout.addWidget(keep_box)

        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        differing = [f for f in FIELDS if f.merge and detail.differs(f)]
        fields_box = QGroupBox("Values that differ: choose one for each", self)
        grid = QGridLayout(fields_box)
        grid.setHorizontalSpacing(SPACING)
        grid.addWidget(QLabel("<b>Field</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Left</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Right</b>"), 0, 2)
        for row, field in enumerate(differing, start=1):
            grid.addWidget(QLabel(field.label, fields_box), row, 0)
            left = QRadioButton(detail.left.value(field) or "(empty)", fields_box)
            right = QRadioButton(detail.right.value(field) or "(empty)", fields_box)
            left.setObjectName(f"left_{field.key}")
            right.setObjectName(f"right_{field.key}")
            left.setToolTip("Keep the left value")
            right.setToolTip("Take the right value")
            group = QButtonGroup(self)
            group.addButton(left)
            group.addButton(right)
            left.setChecked(True)
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
            self.choices[field.key] = (left, right)
        if not differing:
            grid.addWidget(muted("Every field that can be merged is the same.", fields_box), 1, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(fields_box)
        # all choices in view unless there are very many; then the box scrolls
        scroll.setMinimumHeight(min(fields_box.sizeHint().height() + 4, _MAX_CHOICES_HEIGHT))
        layout.addWidget(scroll, 1)

        same_case = detail.left.case.id == detail.right.case.id
        self.merge_cases = QCheckBox("Also merge the two households (move every member)", self)
        self.merge_cases.setObjectName("mergeCases")
        self.merge_cases.setEnabled(not same_case)
        if same_case:
            self.merge_cases.setToolTip("Both people are in the same household.")
        layout.addWidget(self.merge_cases)

        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 680), self.sizeHint().height())

    def choose(self, key: str, side: str) -> None:
        """Pick the left or right value of one field (as a user would)."""
        left, right = self.choices[key]
        (left if side == "left" else right).setChecked(True)

    def plan(self) -> MergePlan:
        keep_left = self.keep_left.isChecked()
        keep, drop = (
            (self.detail.left, self.detail.right)
            if keep_left
            else (self.detail.right, self.detail.left)
        )
        taken: list[str] = []
        for field in FIELDS:
            if field.key not in self.choices:
                continue
            left, _right = self.choices[field.key]
            chosen_left = left.isChecked()
            if chosen_left != keep_left:  # the value of the record that goes
                taken.extend(field.merge)
        cases = None
        if self.merge_cases.isEnabled() and self.merge_cases.isChecked():
            cases = (keep.case.id, drop.case.id)
        return MergePlan(keep.member.id, drop.member.id, tuple(taken), cases)

    def summary(self) -> str:
        plan = self.plan()
        keep = self.detail.left if plan.keep_id == self.detail.left.member.id else self.detail.right
        drop = self.detail.right if keep is self.detail.left else self.detail.left
        labels = [f.label.lower() for f in FIELDS if set(f.merge) & set(plan.take_from_drop)]
        lines = [f"{drop.title()} will be merged into {keep.title()}."]
        if labels:
            lines.append(f"Taken from {drop.title()}: {', '.join(labels)}.")
        if plan.cases:
            lines.append(
                f"Every member of {drop.case.case_number} moves to {keep.case.case_number}."
            )
        lines.append("This cannot be undone from this screen.")
        return "\n".join(lines)


def run_merge_dialog(dialog: MergeDialog) -> bool:
    """Show the merge dialog; True if the clerk chose Merge (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


# -- the page -----------------------------------------------------------------------------------


class DuplicatesPage(Page):
    key = "duplicates"
    title = "Duplicates"
    icon = "fa6s.clone"

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
        self._request = 0
        self._detail_request = 0
        self._busy = 0
        self._closing = False
        self._import_dialog: Any = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        top.addWidget(heading(self.title, self))
        top.addStretch(1)
        self.import_button = QPushButton("Import registration list…", self)
        self.import_button.setObjectName("importButton")
        self.import_button.setVisible(imports is not None)
        self.import_button.clicked.connect(self.open_import)
        top.addWidget(self.import_button)
        self.reload_button = QPushButton("Check again", self)
        self.reload_button.clicked.connect(self.refresh)
        top.addWidget(self.reload_button)
        layout.addLayout(top)
        layout.addWidget(
            muted(
                "People who may be registered twice. Nothing is merged automatically: "
                "compare the two records, then merge them or mark them as different people.",
                self,
            )
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("duplicatesStatus")
        layout.addWidget(self.status_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
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
            sample = column.sample or "Abdul Karim Ahmadzai"
            header.resizeSection(
                number,
                max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column.title))
                + 24,
            )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.reasons = QLabel(lower)
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        lower_layout.addWidget(self.reasons)
        self.comparison = Comparison(lower)
        lower_layout.addWidget(self.comparison, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.not_same_button = QPushButton("Not the same person…", lower)
        self.not_same_button.setObjectName("notSameButton")
        self.not_same_button.clicked.connect(self.not_the_same)
        actions.addWidget(self.not_same_button)
        self.merge_button = QPushButton("Merge…", lower)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        actions.addWidget(self.merge_button)
        lower_layout.addLayout(actions)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self._set_actions()

    # -- state ----------------------------------------------------------------------------
    def busy(self) -> bool:
        """Whether a load, a comparison or a decision is under way."""
        return self._busy > 0

    def pairs(self) -> list[Candidate]:
        return [self.model.record(r) for r in range(self.model.rowCount())]

    def current(self) -> Candidate | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _set_actions(self) -> None:
        ready = self.comparison.detail is not None and self._busy == 0
        self.not_same_button.setEnabled(self.current() is not None and self._busy == 0)
        self.merge_button.setEnabled(ready)
        self.reload_button.setEnabled(self._busy == 0)

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._busy += 1
        self._set_actions()

        def finished(result: Any) -> None:
            self._busy -= 1
            if not self._closing:
                done(result)
                self._set_actions()

        def failed(error: KnownError) -> None:
            self._busy -= 1
            if not self._closing:
                self.status_label.setText("")
                self.message.show_error(error.message)
                self._set_actions()

        run_in_background(work, finished, failed)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._closing:
            return
        self._request += 1
        request = self._request
        self.status_label.setText("Checking…")
        self.message.clear()
        service = self._duplicates
        self._start(service.candidates, lambda pairs: self._loaded(request, pairs))

    def _loaded(self, request: int, pairs: Sequence[Candidate]) -> None:
        if request != self._request:
            return
        before = self.current()
        self.model.set_rows(pairs)
        likely = sum(1 for p in pairs if p.level == "likely")
        if pairs:
            self.status_label.setText(
                f"{len(pairs):,} {'pair' if len(pairs) == 1 else 'pairs'} to review "
                f"({likely:,} likely, {len(pairs) - likely:,} possible)"
            )
        else:
            self.status_label.setText("No possible duplicates. Nothing to review.")
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

    def _row_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        pair = self.model.record(index.row()) if index.isValid() else None
        self.comparison.show_pair(None)
        self._detail_request += 1
        request = self._detail_request
        if pair is None:
            self.reasons.setText("")
            self._set_actions()
            return
        self.reasons.setText(
            f"<b>{pair.level.capitalize()} duplicate, score {pair.score:.0f}.</b> "
            f"Why: {'; '.join(pair.reasons) or 'no reasons given'}."
        )
        registration = self._registration

        def work() -> PairDetail:
            first = registration.case_detail(pair.first.case_id)
            second = (
                first
                if pair.second.case_id == pair.first.case_id
                else registration.case_detail(pair.second.case_id)
            )
            return PairDetail(_side(first, pair.first.id), _side(second, pair.second.id))

        self._start(work, lambda detail: self._compared(request, detail))

    def _compared(self, request: int, detail: PairDetail) -> None:
        if request == self._detail_request:
            self.comparison.show_pair(detail)

    # -- decisions --------------------------------------------------------------------------
    def not_the_same(self) -> None:
        pair = self.current()
        if pair is None:
            return
        note = ask_note(self)
        if note is None:
            return
        service = self._duplicates
        self.status_label.setText("Saving…")
        self._start(
            lambda: service.mark_not_duplicate(pair.first.id, pair.second.id, note),
            lambda _none: self.refresh(),
        )

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
        if not dialogs.confirm(self, "Merge two records", question):
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

        self.status_label.setText("Merging…")
        self._start(work, lambda _none: self._merged())

    def _merged(self) -> None:
        self.message.show_notice("The two records were merged.")
        self._request += 1  # keep the notice: refresh() would clear it
        request = self._request
        self.status_label.setText("Checking…")
        self._start(self._duplicates.candidates, lambda pairs: self._loaded(request, pairs))

    # -- import -----------------------------------------------------------------------------
    def open_import(self) -> None:
        if self._imports is None:
            return
        from desktop.ui.intake import import_dialog

        path = import_dialog.choose_file(self)
        if path is None:
            return
        dialog = import_dialog.ImportDialog(self._imports, path, self)
        dialog.imported.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._import_closed(dialog))
        self._import_dialog = dialog
        dialog.open()

    def _import_closed(self, dialog: Any) -> None:
        if self._import_dialog is dialog:
            self._import_dialog = None
        # its background work still holds the Python object; only the window goes
        dialog.deleteLater()

    def close_for_lock(self) -> None:
        self._closing = True
        self._request += 1
        self._detail_request += 1
        if self._import_dialog is not None:
            self._import_dialog.close_for_lock()
            self._import_dialog = None
        self.model.set_rows([])
        self.comparison.show_pair(None)
