"""Two people who may be one, side by side: every field a line, the lines that differ
highlighted. The fields also say which of the merge's fields they are, so the merge
dialog offers a choice for each line that differs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.registry.duplicates import MERGEABLE_FIELDS
from desktop.services.registry.household_types import CaseDetail, MemberRecord
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import RightToLeftDelegate
from desktop.ui.registry.models import date_of_birth, yes_no
from desktop.ui.registry.vocabulary import code_text


def latin_name(given: str, family: str) -> str:
    return " ".join(p for p in (given, family) if p)


@dataclass(frozen=True)
class Field:
    """One line of the comparison: how a member's value reads, and which merge fields it is."""

    key: str
    #: marked with ``tr_noop``; translated where shown
    label: str
    value: Callable[[MemberRecord, CaseDetail], str]
    #: the MERGEABLE_FIELDS taken together when this line is taken from the other person
    merge: tuple[str, ...] = ()
    rtl: bool = False

    def title(self) -> str:
        return tr(self.label)


def _documents(member: MemberRecord) -> str:
    return ", ".join(f"{code_text(d.doc_type)} {d.number}" for d in member.documents)


FIELDS: tuple[Field, ...] = (
    Field("case_number", tr_noop("Case number"), lambda m, c: c.case_number),
    Field(
        "relationship",
        tr_noop("Relationship"),
        lambda m, c: code_text(m.relationship),
        ("relationship_to_principal",),
    ),
    Field("given_name", tr_noop("Given name"), lambda m, c: m.given_name, ("given_name",)),
    Field("family_name", tr_noop("Family name"), lambda m, c: m.family_name, ("family_name",)),
    Field("father_name", tr_noop("Father's name"), lambda m, c: m.father_name, ("father_name",)),
    Field(
        "grandfather_name",
        tr_noop("Grandfather's name"),
        lambda m, c: m.grandfather_name,
        ("grandfather_name",),
    ),
    Field(
        "native_name",
        tr_noop("Name (native script)"),
        lambda m, c: m.native_name,
        ("native_name",),
        True,
    ),
    Field("sex", tr_noop("Sex"), lambda m, c: m.sex, ("sex",)),
    Field(
        "date_of_birth",
        tr_noop("Date of birth"),
        lambda m, c: date_of_birth(m.date_of_birth, m.dob_precision),
        ("date_of_birth", "dob_precision"),
    ),
    Field("nationality", tr_noop("Nationality"), lambda m, c: m.nationality, ("nationality",)),
    Field("phone", tr_noop("Phone"), lambda m, c: m.phone or "", ("phone",)),
    Field("languages", tr_noop("Languages"), lambda m, c: ", ".join(m.languages)),
    Field("specific_needs", tr_noop("Specific needs"), lambda m, c: yes_no(m.specific_needs)),
    Field("documents", tr_noop("Documents"), lambda m, c: _documents(m)),
    Field("members", tr_noop("Household members"), lambda m, c: str(len(c.members))),
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
        name = latin_name(self.member.given_name, self.member.family_name)
        return f"{name} ({self.case.case_number})"


@dataclass(frozen=True)
class PairDetail:
    left: Side
    right: Side

    def differs(self, field: Field) -> bool:
        return self.left.value(field) != self.right.value(field)


def side_of(case: CaseDetail, person_id: str) -> Side:
    """The person ``person_id`` of ``case`` (a known error once merged or gone)."""
    for member in case.members:
        if member.id == person_id:
            return Side(member, case)
    raise KnownError(tr("One of the two people no longer exists or was merged already."))


class Comparison(QTableWidget):
    """Both persons side by side, one field a row, differing rows highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FIELDS), 2, parent)
        self.setObjectName("comparison")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setVerticalHeaderLabels([f.title() for f in FIELDS])
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
        different = QBrush(QColor(palette.DIFFERENT))
        for row, field in enumerate(FIELDS):
            differs = detail.differs(field)
            for column, side in enumerate((detail.left, detail.right)):
                item = QTableWidgetItem(side.value(field))
                if field.rtl:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight
                        | Qt.AlignmentFlag.AlignAbsolute
                        | Qt.AlignmentFlag.AlignVCenter
                    )
                if differs:
                    item.setBackground(different)
                    item.setToolTip(tr("The two records differ here"))
                self.setItem(row, column, item)

    def different_rows(self) -> list[str]:
        """Keys of the highlighted rows (for tests and the merge dialog)."""
        if self.detail is None:
            return []
        return [f.key for f in FIELDS if self.detail.differs(f)]
