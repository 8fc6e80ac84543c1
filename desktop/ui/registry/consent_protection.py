"""Dialogs for one member: the consents they gave (and a new one), and their
restricted protection details.

Both load from the service off the GUI thread once shown; OK records through the
``submit`` action (see ``FormDialog``). Without the right to change, they are read only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import KnownError
from desktop.services.registry.registration import (
    CONSENT_PURPOSES,
    PROTECTION_CATEGORIES,
    PROTECTION_NEEDS,
    ConsentRecord,
    ProtectionRecord,
    RegistrationService,
)
from desktop.ui.kit.forms import FormDialog, combo
from desktop.ui.kit.tables import words
from desktop.ui.kit.widgets import muted
from desktop.ui.worker import run_in_background

PURPOSE_TITLES = {
    "registration": "Registration",
    "data_sharing_hq": "Sharing data with IOM headquarters",
    "data_sharing_receiving_country": "Sharing data with the receiving country",
    "medical": "Medical examination",
}
CATEGORY_TITLES = {
    "sgbv_risk": "At risk of sexual or gender-based violence",
    "unaccompanied_child": "Unaccompanied child",
    "separated_child": "Separated child",
    "single_female_head": "Woman heading the household alone",
    "older_person_at_risk": "Older person at risk",
    "disability": "Disability",
    "other": "Other",
}
NEED_TITLES = {
    "female_escort": "Female escort",
    "female_interpreter": "Female interpreter",
    "separate_seating": "Separate seating",
    "accessible_transport": "Accessible transport",
    "other": "Other",
}
CONSENT_READ_ONLY = "Read only: your role can see consents but not record them."
PROTECTION_READ_ONLY = "Read only: your role can see protection details but not change them."


def purpose_title(purpose: str) -> str:
    return PURPOSE_TITLES.get(purpose, words(purpose))


def _make_read_only(dialog: FormDialog) -> None:
    """No OK: only Close (a reject, already connected by ``ServiceDialog``)."""
    dialog.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)


class ConsentDialog(FormDialog):
    """The consents of one member, and a form to record a new one."""

    def __init__(
        self,
        parent: QWidget | None,
        registration: RegistrationService,
        person_id: str,
        member_name: str,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(parent, f"Consent of {member_name}")
        self.setObjectName("consentDialog")
        self.setMinimumWidth(640)
        self.editable = editable
        self._loading = True
        self.log = QTableWidget(0, 4, self)
        self.log.setObjectName("consentLog")
        self.log.setHorizontalHeaderLabels(["Purpose", "Given on", "Taken by", "Note"])
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.log.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.log.verticalHeader().hide()
        self.log.setWordWrap(False)
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.log)

        self.new_box = QGroupBox("Record a new consent", self)
        form = QFormLayout(self.new_box)
        self.purpose = combo(self, "consentPurpose", CONSENT_PURPOSES, PURPOSE_TITLES)
        today = date.today()
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("consentDate")
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setCalendarPopup(True)
        self.given_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.given_on.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit(self)
        self.note.setObjectName("consentNote")
        self.note.setPlaceholderText("e.g. explained in Dari, signed form kept in the file")
        form.addRow("&Purpose", self.purpose)
        form.addRow("&Given on", self.given_on)
        form.addRow("N&ote", self.note)
        self.body.addWidget(self.new_box)
        if not editable:
            self.new_box.setEnabled(False)
            note = muted(CONSENT_READ_ONLY, self)
            note.setObjectName("readOnlyNote")
            self.body.addWidget(note)
            _make_read_only(self)
        self.finish_layout()

        run_in_background(lambda: registration.consents(person_id), self._loaded, self._failed)

    def loading(self) -> bool:
        return self._loading

    def _loaded(self, records: list[ConsentRecord]) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.log.setRowCount(len(records))
        for row, record in enumerate(records):
            values = (
                purpose_title(record.purpose),
                record.given_on.isoformat(),
                record.taken_by,
                record.note,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.log.setItem(row, column, item)

    def _failed(self, error: KnownError) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.message.show_error(error.message)

    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(
                item.text() if (item := self.log.item(r, c)) is not None else ""
                for c in range(self.log.columnCount())
            )
            for r in range(self.log.rowCount())
        ]

    def problem(self) -> str | None:
        if not self.editable:
            return "Your role cannot record consent."
        return None

    def value(self) -> tuple[str, date, str]:
        day = self.given_on.date()
        return (
            str(self.purpose.currentData()),
            date(day.year(), day.month(), day.day()),
            self.note.text().strip(),
        )


class ProtectionDialog(FormDialog):
    """The restricted protection details of one member (reading them is audited)."""

    def __init__(
        self,
        parent: QWidget | None,
        registration: RegistrationService,
        person_id: str,
        member_name: str,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(parent, f"Protection details of {member_name} (restricted)")
        self.setObjectName("protectionDialog")
        self.setMinimumWidth(520)
        self.editable = editable
        self._loading = True
        self.body.addWidget(
            muted(
                "Restricted: only the protection role sees these details. "
                "Others see only that the person has specific needs.",
                self,
            )
        )
        self.fields = QWidget(self)
        layout = QVBoxLayout(self.fields)
        layout.setContentsMargins(0, 0, 0, 0)
        categories = QGroupBox("Categories", self.fields)
        box = QVBoxLayout(categories)
        self.categories: dict[str, QCheckBox] = {}
        for value in PROTECTION_CATEGORIES:
            check = QCheckBox(CATEGORY_TITLES.get(value, words(value)), categories)
            check.setObjectName(f"category_{value}")
            box.addWidget(check)
            self.categories[value] = check
        layout.addWidget(categories)
        needs = QGroupBox("Needs during the journey", self.fields)
        box = QVBoxLayout(needs)
        self.needs: dict[str, QCheckBox] = {}
        for value in PROTECTION_NEEDS:
            check = QCheckBox(NEED_TITLES.get(value, words(value)), needs)
            check.setObjectName(f"need_{value}")
            box.addWidget(check)
            self.needs[value] = check
        layout.addWidget(needs)
        self.consent_to_share = QCheckBox("Consents to sharing these details", self.fields)
        self.consent_to_share.setObjectName("consentToShare")
        layout.addWidget(self.consent_to_share)
        self.notes = QPlainTextEdit(self.fields)
        self.notes.setObjectName("protectionNotes")
        self.notes.setTabChangesFocus(True)
        layout.addWidget(self.notes)
        self.body.addWidget(self.fields)
        # nothing may be saved over details that have not been read yet
        self.fields.setEnabled(False)
        if editable:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        else:
            note = muted(PROTECTION_READ_ONLY, self)
            note.setObjectName("readOnlyNote")
            self.body.addWidget(note)
            _make_read_only(self)
        self.finish_layout()
        self.message.show_notice("Loading…")

        run_in_background(lambda: registration.protection(person_id), self._loaded, self._failed)

    def loading(self) -> bool:
        return self._loading

    def _loaded(self, record: ProtectionRecord | None) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.message.clear()
        if record is not None:
            for value, check in self.categories.items():
                check.setChecked(value in record.categories)
            for value, check in self.needs.items():
                check.setChecked(value in record.needs)
            self.consent_to_share.setChecked(record.consent_to_share)
            self.notes.setPlainText(record.notes)
        self.notes.setReadOnly(not self.editable)
        for check in (*self.categories.values(), *self.needs.values(), self.consent_to_share):
            check.setEnabled(self.editable)
        self.fields.setEnabled(True)  # read only still lets the notes be scrolled and copied
        if self.editable:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _failed(self, error: KnownError) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.message.show_error(error.message)

    def problem(self) -> str | None:
        if not self.editable:
            return "Your role cannot change protection details."
        if self._loading:
            return "The details are still loading."
        return None

    def value(self) -> tuple[tuple[str, ...], tuple[str, ...], bool, str]:
        return (
            tuple(v for v, c in self.categories.items() if c.isChecked()),
            tuple(v for v, c in self.needs.items() if c.isChecked()),
            self.consent_to_share.isChecked(),
            self.notes.toPlainText(),
        )
