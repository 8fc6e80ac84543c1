"""Dialogs for one member: the consents they gave (and a new one), and their
restricted protection details.

Both load from the service off the GUI thread once shown (a ``QueryOp`` the dialog
owns, dropped when it closes); OK records through the ``submit`` action (see
``FormDialog``). Without the right to change, they are read only.
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

from desktop.errors import KnownError
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.household_types import (
    CONSENT_PURPOSES,
    PROTECTION_CATEGORIES,
    PROTECTION_NEEDS,
    ConsentRecord,
    ProtectionRecord,
)
from desktop.services.registry.registration import RegistrationService
from desktop.ui.kit import operations
from desktop.ui.kit.forms import FormDialog, combo
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.widgets import muted
from desktop.ui.registry.vocabulary import choice_titles

PURPOSE_TITLES = {
    "registration": tr_noop("Registration"),
    "data_sharing_hq": tr_noop("Sharing data with IOM headquarters"),
    "data_sharing_receiving_country": tr_noop("Sharing data with the receiving country"),
    "medical": tr_noop("Medical examination"),
}
CATEGORY_TITLES = {
    "sgbv_risk": tr_noop("At risk of sexual or gender-based violence"),
    "unaccompanied_child": tr_noop("Unaccompanied child"),
    "separated_child": tr_noop("Separated child"),
    "single_female_head": tr_noop("Woman heading the household alone"),
    "older_person_at_risk": tr_noop("Older person at risk"),
    "disability": tr_noop("Disability"),
    "other": tr_noop("Other"),
}
NEED_TITLES = {
    "female_escort": tr_noop("Female escort"),
    "female_interpreter": tr_noop("Female interpreter"),
    "separate_seating": tr_noop("Separate seating"),
    "accessible_transport": tr_noop("Accessible transport"),
    "other": tr_noop("Other"),
}
CONSENT_READ_ONLY = tr_noop("Read only: your role can see consents but not record them.")
PROTECTION_READ_ONLY = tr_noop(
    "Read only: your role can see protection details but not change them."
)


def purpose_title(purpose: str) -> str:
    return choice_titles([purpose], PURPOSE_TITLES)[purpose]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _make_read_only(dialog: FormDialog, note: str) -> None:
    """No OK: only Close (a reject, already connected by ``ServiceDialog``), and why."""
    label = muted(tr(note), dialog)
    label.setObjectName("readOnlyNote")
    dialog.body.addWidget(label)
    dialog.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)


class ConsentDialog(FormDialog):
    """The consents of one member, and a form to record a new one (given on a day
    no later than the office's today)."""

    def __init__(
        self,
        parent: QWidget | None,
        registration: RegistrationService,
        person_id: str,
        member_name: str,
        *,
        clock: OfficeClock,
        editable: bool = True,
    ) -> None:
        super().__init__(parent, tr("Consent of {name}").format(name=member_name))
        self.setObjectName("consentDialog")
        self.setMinimumWidth(640)
        self.editable = editable
        self.log = self._consent_log()
        self.body.addWidget(self.log)
        self.new_box = self._new_consent(clock.today())
        self.body.addWidget(self.new_box)
        if not editable:
            self.new_box.setEnabled(False)
            _make_read_only(self, CONSENT_READ_ONLY)
        self.finish_layout()

        QueryOp(self, lambda: registration.consents(person_id)).success(self._loaded).failure(
            self._failed
        ).run()

    def _consent_log(self) -> QTableWidget:
        log = QTableWidget(0, 4, self)
        log.setObjectName("consentLog")
        log.setHorizontalHeaderLabels([tr("Purpose"), tr("Given on"), tr("Taken by"), tr("Note")])
        log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        log.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        log.verticalHeader().hide()
        log.setWordWrap(False)
        header = log.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return log

    def _new_consent(self, today: date) -> QGroupBox:
        box = QGroupBox(tr("Record a new consent"), self)
        form = QFormLayout(box)
        self.purpose = combo(
            self,
            "consentPurpose",
            CONSENT_PURPOSES,
            choice_titles(CONSENT_PURPOSES, PURPOSE_TITLES),
        )
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("consentDate")
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setCalendarPopup(True)
        self.given_on.setMaximumDate(_qdate(today))
        self.given_on.setDate(_qdate(today))
        self.note = QLineEdit(self)
        self.note.setObjectName("consentNote")
        self.note.setPlaceholderText(tr("e.g. explained in Dari, signed form kept in the file"))
        form.addRow(tr("&Purpose"), self.purpose)
        form.addRow(tr("&Given on"), self.given_on)
        form.addRow(tr("N&ote"), self.note)
        return box

    def _loaded(self, records: list[ConsentRecord]) -> None:
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
            return tr("Your role cannot record consent.")
        return None

    def value(self) -> tuple[str, date, str]:
        day = self.given_on.date()
        return (
            str(self.purpose.currentData()),
            date(day.year(), day.month(), day.day()),
            self.note.text().strip(),
        )

    def done(self, result: int) -> None:
        operations.abandon(self)
        super().done(result)


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
        super().__init__(
            parent, tr("Protection details of {name} (restricted)").format(name=member_name)
        )
        self.setObjectName("protectionDialog")
        self.setMinimumWidth(520)
        self.editable = editable
        #: whether the details were read (nothing may be saved over unread details)
        self._read = False
        self.body.addWidget(
            muted(
                tr(
                    "Restricted: only the protection role sees these details. "
                    "Others see only that the person has specific needs."
                ),
                self,
            )
        )
        self.fields = self._fields()
        self.body.addWidget(self.fields)
        self.fields.setEnabled(False)
        if editable:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        else:
            _make_read_only(self, PROTECTION_READ_ONLY)
        self.finish_layout()
        self.message.show_notice(tr("Loading…"))

        QueryOp(self, lambda: registration.protection(person_id)).success(self._loaded).failure(
            self._failed
        ).run()

    def _fields(self) -> QWidget:
        fields = QWidget(self)
        layout = QVBoxLayout(fields)
        layout.setContentsMargins(0, 0, 0, 0)
        categories = QGroupBox(tr("Categories"), fields)
        self.categories = self._checks(
            categories, "category", PROTECTION_CATEGORIES, CATEGORY_TITLES
        )
        layout.addWidget(categories)
        needs = QGroupBox(tr("Needs during the journey"), fields)
        self.needs = self._checks(needs, "need", PROTECTION_NEEDS, NEED_TITLES)
        layout.addWidget(needs)
        self.consent_to_share = QCheckBox(tr("Consents to sharing these details"), fields)
        self.consent_to_share.setObjectName("consentToShare")
        layout.addWidget(self.consent_to_share)
        self.notes = QPlainTextEdit(fields)
        self.notes.setObjectName("protectionNotes")
        self.notes.setTabChangesFocus(True)
        layout.addWidget(self.notes)
        return fields

    @staticmethod
    def _checks(
        box: QGroupBox, prefix: str, values: tuple[str, ...], titles: dict[str, str]
    ) -> dict[str, QCheckBox]:
        layout = QVBoxLayout(box)
        checks: dict[str, QCheckBox] = {}
        for value, title in choice_titles(values, titles).items():
            check = QCheckBox(title, box)
            check.setObjectName(f"{prefix}_{value}")
            layout.addWidget(check)
            checks[value] = check
        return checks

    def _loaded(self, record: ProtectionRecord | None) -> None:
        self._read = True
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
        self.message.show_error(error.message)

    def problem(self) -> str | None:
        if not self.editable:
            return tr("Your role cannot change protection details.")
        if not self._read:
            return tr("The details are still loading.")
        return None

    def value(self) -> tuple[tuple[str, ...], tuple[str, ...], bool, str]:
        return (
            tuple(v for v, c in self.categories.items() if c.isChecked()),
            tuple(v for v, c in self.needs.items() if c.isChecked()),
            self.consent_to_share.isChecked(),
            self.notes.toPlainText(),
        )

    def done(self, result: int) -> None:
        operations.abandon(self)
        super().done(result)
