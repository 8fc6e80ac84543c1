"""Dialogs for documents: record one (validated as the clerk types), move its custody."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.services.office.clock import to_local
from desktop.services.registry.household_types import (
    CUSTODY,
    CustodyStep,
    DocumentInput,
    DocumentRecord,
)
from desktop.services.registry.registration import validate_document
from desktop.services.vocabulary import DOCUMENT_TYPES
from desktop.ui.kit.forms import CheckedFormDialog, FormDialog, add_checked_rows, combo, select_data
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import muted
from desktop.ui.registry.vocabulary import DOC_TITLES, choice_titles, code_text, document_title

_NO_DATE = QDate(1899, 12, 31)
#: a country code as the placeholder shows it (a code, not a word to translate)
EXAMPLE_COUNTRY = "AFG"


def local_time(value: datetime) -> str:
    """A stored UTC time as the office's time (Europe/Tirane), to the minute."""
    if value.tzinfo is None:  # stored times are UTC; never read them as local
        value = value.replace(tzinfo=UTC)
    return to_local(value).strftime("%Y-%m-%d %H:%M")


def _optional_date(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(_NO_DATE)
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setSpecialValueText(tr("— (not known)"))
    edit.setDate(_NO_DATE)
    return edit


def _date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == _NO_DATE else date(value.year(), value.month(), value.day())


class DocumentDialog(CheckedFormDialog):
    """Record a document of one member; OK runs the ``submit`` action with ``document()``."""

    def __init__(self, parent: QWidget | None, member_name: str) -> None:
        super().__init__(parent, tr("Add a document"))
        self.setObjectName("documentDialog")
        self.body.addWidget(muted(tr("Document of {name}").format(name=member_name), self))
        form = QFormLayout()
        self.doc_type = combo(
            self, "docType", DOCUMENT_TYPES, choice_titles(DOCUMENT_TYPES, DOC_TITLES)
        )
        self.number = QLineEdit(self)
        self.number.setObjectName("docNumber")
        self.issuing_country = QLineEdit(self)
        self.issuing_country.setObjectName("issuingCountry")
        self.issuing_country.setPlaceholderText(EXAMPLE_COUNTRY)
        self.issuing_country.setMaxLength(3)
        self.issue_date = _optional_date(self, "issueDate")
        self.expiry_date = _optional_date(self, "expiryDate")
        self.machine_readable = QCheckBox(tr("Has a machine-readable zone"), self)
        self.machine_readable.setObjectName("machineReadable")
        self.custody = combo(self, "custody", CUSTODY, choice_titles(CUSTODY))
        rows: list[tuple[str, str, QWidget]] = [
            ("doc_type", tr("&Type"), self.doc_type),
            ("number", tr("&Number"), self.number),
            ("issuing_country", tr("&Issued by"), self.issuing_country),
            ("issue_date", tr("Issue &date"), self.issue_date),
            ("expiry_date", tr("&Expiry date"), self.expiry_date),
            ("machine_readable", "", self.machine_readable),
            ("custody", tr("&Kept by"), self.custody),
        ]
        self._errors.update(add_checked_rows(self, form, rows))
        self._form = form
        self.body.addLayout(form)
        self.finish_layout()

        self.number.textChanged.connect(lambda _t: self._changed("number"))
        self.issuing_country.textChanged.connect(lambda _t: self._changed("issuing_country"))
        self.issue_date.dateChanged.connect(lambda _d: self._changed("expiry_date"))
        self.expiry_date.dateChanged.connect(lambda _d: self._changed("expiry_date"))
        self.doc_type.currentIndexChanged.connect(lambda _i: self._changed("doc_type"))
        self.custody.currentIndexChanged.connect(lambda _i: self._changed("custody"))
        self.revalidate()

    def value(self) -> DocumentInput:
        return self.document()

    def document(self) -> DocumentInput:
        return DocumentInput(
            doc_type=str(self.doc_type.currentData()),
            number=self.number.text(),
            issuing_country=self.issuing_country.text().strip().upper() or None,
            issue_date=_date_of(self.issue_date),
            expiry_date=_date_of(self.expiry_date),
            machine_readable=self.machine_readable.isChecked(),
            custody=str(self.custody.currentData()),
        )

    def problems(self) -> dict[str, str]:
        return validate_document(self.document())


class CustodyLog(QTableWidget):
    """Where a document has been: custody, note, who, when (office time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("custodyLog")
        self.setHorizontalHeaderLabels([tr("Kept by"), tr("Note"), tr("By"), tr("When")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def set_steps(self, steps: tuple[CustodyStep, ...]) -> None:
        self.setRowCount(len(steps))
        for row, step in enumerate(steps):
            values = (code_text(step.custody), step.note, step.by, local_time(step.at))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
        if steps:
            self.scrollToBottom()

    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(
                item.text() if (item := self.item(r, c)) is not None else ""
                for c in range(self.columnCount())
            )
            for r in range(self.rowCount())
        ]


class CustodyDialog(FormDialog):
    """Move a document: where it is kept now, and a note (who took it, receipt...)."""

    def __init__(self, parent: QWidget | None, document: DocumentRecord) -> None:
        super().__init__(parent, tr("Move custody"))
        self.setObjectName("custodyDialog")
        self.setMinimumWidth(560)
        self._current = document.custody
        now = tr("{document} {number}: kept by {custody} now.").format(
            document=document_title(document.doc_type),
            number=document.number,
            custody=code_text(document.custody).lower(),
        )
        self.body.addWidget(muted(now, self))
        self.log = CustodyLog(self)
        self.log.set_steps(document.custody_history)
        self.body.addWidget(self.log)
        form = QFormLayout()
        self.custody = combo(self, "newCustody", CUSTODY, choice_titles(CUSTODY))
        later = [c for c in CUSTODY if c != document.custody]
        select_data(self.custody, later[0] if later else document.custody)
        self.note = QLineEdit(self)
        self.note.setObjectName("custodyNote")
        self.note.setPlaceholderText(tr("e.g. receipt number, who took it"))
        form.addRow(tr("&Now kept by"), self.custody)
        form.addRow(tr("N&ote"), self.note)
        self.body.addLayout(form)
        self.finish_layout()

    def problem(self) -> str | None:
        if self.custody.currentData() == self._current:
            return tr("The document is already recorded there; choose where it is now.")
        return None

    def value(self) -> tuple[str, str]:
        return self.chosen()

    def chosen(self) -> tuple[str, str]:
        return str(self.custody.currentData()), self.note.text()
