"""The fields of a household (new or existing) and its notes, in one dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop.services.registry.household_types import CaseDetail, CaseInput
from desktop.services.vocabulary import LANGUAGES
from desktop.ui.kit.forms import FormDialog, select_data
from desktop.ui.kit.i18n import tr


class HouseholdDialog(FormDialog):
    """OK runs the ``submit`` action with the ``CaseInput`` the form holds."""

    def __init__(self, parent: QWidget | None, case: CaseDetail | None = None) -> None:
        title = (
            tr("Household {number}").format(number=case.case_number)
            if case
            else tr("New household")
        )
        super().__init__(parent, title)
        self.setObjectName("householdDialog")
        form = QFormLayout()
        self.destination = QLineEdit(self)
        self.destination.setObjectName("destination")
        self.destination.setPlaceholderText(tr("3-letter code, e.g. CAN"))
        self.destination.setMaxLength(3)
        self.programme = QLineEdit(self)
        self.programme.setObjectName("programme")
        self.partner = QLineEdit(self)
        self.partner.setObjectName("partner")
        self.family_language = QComboBox(self)
        self.family_language.setObjectName("familyLanguage")
        self.family_language.addItem(tr("Not recorded"), None)
        for language in LANGUAGES:
            self.family_language.addItem(tr(language), language)
        self.accommodation = QLineEdit(self)
        self.accommodation.setObjectName("accommodation")
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("contactPhone")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("caseNotes")
        self.notes.setTabChangesFocus(True)
        form.addRow(tr("&Destination"), self.destination)
        form.addRow(tr("&Programme"), self.programme)
        form.addRow(tr("P&artner"), self.partner)
        form.addRow(tr("Family &language"), self.family_language)
        form.addRow(tr("Acc&ommodation"), self.accommodation)
        form.addRow(tr("&Contact phone"), self.contact_phone)
        form.addRow(tr("&Notes"), self.notes)
        self.body.addLayout(form)
        self.finish_layout()
        if case is not None:
            self._load(case)

    def _load(self, case: CaseDetail) -> None:
        self.destination.setText(case.destination_country or "")
        self.programme.setText(case.programme or "")
        self.partner.setText(case.partner or "")
        select_data(self.family_language, case.family_language)
        self.accommodation.setText(case.accommodation or "")
        self.contact_phone.setText(case.contact_phone or "")
        self.notes.setPlainText(case.notes)

    def value(self) -> CaseInput:
        return self.case_input()

    def case_input(self) -> CaseInput:
        language = self.family_language.currentData()
        return CaseInput(
            destination_country=self.destination.text().strip().upper() or None,
            programme=self.programme.text(),
            partner=self.partner.text(),
            family_language=str(language) if language else None,
            accommodation=self.accommodation.text(),
            contact_phone=self.contact_phone.text(),
            notes=self.notes.toPlainText(),
        )
