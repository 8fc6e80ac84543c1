"""Merging two records of one person: which record stays, which value each differing
field keeps, and whether the two households become one. The dialog only plans; the page
asks for confirmation and runs the merge."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.intake.comparison import FIELDS, PairDetail
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import SPACING, muted

#: the merge dialog's choices scroll beyond this height
_MAX_CHOICES_HEIGHT = 420


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
        self.setWindowTitle(tr("Merge two records"))
        self.setObjectName("mergeDialog")
        self.detail = detail
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self._keep_box())
        layout.addWidget(self._choices_box(), 1)

        same_case = detail.left.case.id == detail.right.case.id
        self.merge_cases = QCheckBox(tr("Also merge the two households (move every member)"), self)
        self.merge_cases.setObjectName("mergeCases")
        self.merge_cases.setEnabled(not same_case)
        if same_case:
            self.merge_cases.setToolTip(tr("Both people are in the same household."))
        layout.addWidget(self.merge_cases)

        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 680), self.sizeHint().height())

    def _keep_box(self) -> QGroupBox:
        detail = self.detail
        box = QGroupBox(tr("Which record stays"), self)
        rows = QVBoxLayout(box)
        self.keep_left = QRadioButton(
            tr("Keep left: {record}").format(record=detail.left.title()), box
        )
        self.keep_right = QRadioButton(
            tr("Keep right: {record}").format(record=detail.right.title()), box
        )
        self.keep_left.setChecked(True)
        self._keep = QButtonGroup(self)
        for button in (self.keep_left, self.keep_right):
            self._keep.addButton(button)
            rows.addWidget(button)
        rows.addWidget(
            muted(
                tr(
                    "The other record is marked merged; its documents, consents and "
                    "protection details move to the record that stays."
                ),
                box,
            )
        )
        return box

    def _choices_box(self) -> QScrollArea:
        """A left/right choice for every mergeable field that differs."""
        detail = self.detail
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        differing = [f for f in FIELDS if f.merge and detail.differs(f)]
        fields_box = QGroupBox(tr("Values that differ: choose one for each"), self)
        grid = QGridLayout(fields_box)
        grid.setHorizontalSpacing(SPACING)
        for column, title in enumerate((tr("Field"), tr("Left"), tr("Right"))):
            grid.addWidget(QLabel(f"<b>{title}</b>", fields_box), 0, column)
        empty = tr("(empty)")
        for row, field in enumerate(differing, start=1):
            grid.addWidget(QLabel(field.title(), fields_box), row, 0)
            left = QRadioButton(detail.left.value(field) or empty, fields_box)
            right = QRadioButton(detail.right.value(field) or empty, fields_box)
            left.setObjectName(f"left_{field.key}")
            right.setObjectName(f"right_{field.key}")
            left.setToolTip(tr("Keep the left value"))
            right.setToolTip(tr("Take the right value"))
            group = QButtonGroup(self)
            group.addButton(left)
            group.addButton(right)
            left.setChecked(True)
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
            self.choices[field.key] = (left, right)
        if not differing:
            same = muted(tr("Every field that can be merged is the same."), fields_box)
            grid.addWidget(same, 1, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(fields_box)
        # all choices in view unless there are very many; then the box scrolls
        scroll.setMinimumHeight(min(fields_box.sizeHint().height() + 4, _MAX_CHOICES_HEIGHT))
        return scroll

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
            if left.isChecked() != keep_left:  # the value of the record that goes
                taken.extend(field.merge)
        cases = None
        if self.merge_cases.isEnabled() and self.merge_cases.isChecked():
            cases = (keep.case.id, drop.case.id)
        return MergePlan(keep.member.id, drop.member.id, tuple(taken), cases)

    def summary(self) -> str:
        """What the merge will do, for the confirmation."""
        plan = self.plan()
        keep = self.detail.left if plan.keep_id == self.detail.left.member.id else self.detail.right
        drop = self.detail.right if keep is self.detail.left else self.detail.left
        labels = [f.title().lower() for f in FIELDS if set(f.merge) & set(plan.take_from_drop)]
        lines = [
            tr("{drop} will be merged into {keep}.").format(drop=drop.title(), keep=keep.title())
        ]
        if labels:
            lines.append(
                tr("Taken from {drop}: {fields}.").format(
                    drop=drop.title(), fields=", ".join(labels)
                )
            )
        if plan.cases:
            lines.append(
                tr("Every member of {drop} moves to {keep}.").format(
                    drop=drop.case.case_number, keep=keep.case.case_number
                )
            )
        lines.append(tr("This cannot be undone from this screen."))
        return "\n".join(lines)
