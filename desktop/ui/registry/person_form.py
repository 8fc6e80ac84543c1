"""The form for a member of a household: names in both scripts, date of birth as
precisely as it is known, validation as the clerk types, and a passport MRZ box
that fills the identity fields from a keyboard-wedge reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import InvalidInput
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.household_types import (
    CUSTODY,
    DocumentInput,
    MemberRecord,
    MrzFill,
    PersonInput,
)
from desktop.services.registry.registration import RegistrationService, fill_from_mrz
from desktop.services.vocabulary import DOB_PRECISIONS, LANGUAGES, RELATIONSHIPS, SEXES
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows, combo, select_data
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.widgets import InlineMessage
from desktop.ui.registry.vocabulary import choice_titles, code_text

#: the "no value" end of the year box and the date box
_NO_YEAR = 1899
_NO_DATE = QDate(1899, 12, 31)
_PRECISION_TITLES = {
    "exact": tr_noop("Exact date"),
    "month": tr_noop("Month and year"),
    "year": tr_noop("Year only"),
    "estimated": tr_noop("Estimated year"),
}
_SEX_TITLES = {
    "M": tr_noop("M (male)"),
    "F": tr_noop("F (female)"),
    "X": tr_noop("X (unspecified)"),
}
#: most people registered here are Afghan (a code, not a word to translate)
DEFAULT_NATIONALITY = "AFG"
#: the lengths of a whole MRZ line: ID card (TD1) and passport (TD3)
_MRZ_LINES = {30: 3, 44: 2}
#: how a field is named in "Still needed: ..."
_FIELD_TITLES = {
    "relationship": tr_noop("relationship"),
    "given_name": tr_noop("given name"),
    "sex": tr_noop("sex"),
    "dob_precision": tr_noop("precision of the date of birth"),
    "date_of_birth": tr_noop("date of birth"),
    "nationality": tr_noop("nationality"),
    "languages": tr_noop("languages"),
    "phone": tr_noop("phone"),
}


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _mrz_incomplete(text: str) -> bool:
    """Whether the reader (or the clerk) is still typing: no whole MRZ yet."""
    lines = ["".join(line.split()) for line in text.splitlines() if line.strip()]
    joined = "".join(lines)
    if len(lines) == 1:
        return len(joined) < 2 * 44 and len(joined) != 3 * 30
    for length, count in _MRZ_LINES.items():
        if lines and len(lines[0]) == length:
            return len(lines) < count or len(lines[-1]) < length
    return False


class DateOfBirthField(QWidget):
    """A date of birth and its precision: a date, a month and year, or a year."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.precision = combo(
            self, "dobPrecision", DOB_PRECISIONS, choice_titles(DOB_PRECISIONS, _PRECISION_TITLES)
        )
        self.precision.setAccessibleName(tr("Precision of the date of birth"))
        self.exact = QDateEdit(self)
        self.exact.setObjectName("dobExact")
        self.exact.setAccessibleName(tr("Date of birth"))
        self.exact.setDisplayFormat("yyyy-MM-dd")
        self.exact.setCalendarPopup(True)
        self.exact.setMinimumDate(_NO_DATE)
        self.exact.setMaximumDate(QDate(2100, 12, 31))
        self.exact.setSpecialValueText("—")
        self.exact.setDate(_NO_DATE)
        self.year = QSpinBox(self)
        self.year.setObjectName("dobYear")
        self.year.setAccessibleName(tr("Year of birth"))
        self.year.setRange(_NO_YEAR, 2100)
        self.year.setSpecialValueText(tr("Year"))
        self.year.setValue(_NO_YEAR)
        self.month = QComboBox(self)
        self.month.setObjectName("dobMonth")
        self.month.setAccessibleName(tr("Month of birth"))
        for number in range(1, 13):
            self.month.addItem(QDate(2000, number, 1).toString("MM  MMMM"), number)
        for widget in (self.precision, self.exact, self.year, self.month):
            row.addWidget(widget)
        row.addStretch(1)
        self.precision.currentIndexChanged.connect(self._show_parts)
        self._show_parts()

    def _show_parts(self, _index: int = 0) -> None:
        precision = self.current_precision()
        self.exact.setVisible(precision == "exact")
        self.month.setVisible(precision == "month")
        self.year.setVisible(precision != "exact")

    def current_precision(self) -> str:
        return str(self.precision.currentData())

    def value(self) -> date | None:
        precision = self.current_precision()
        if precision == "exact":
            chosen = self.exact.date()
            return None if chosen == _NO_DATE else _from_qdate(chosen)
        if self.year.value() == _NO_YEAR:
            return None
        month = int(self.month.currentData()) if precision == "month" else 1
        return date(self.year.value(), month, 1)

    def set_value(self, value: date | None, precision: str) -> None:
        select_data(self.precision, precision)
        if value is None:
            self.exact.setDate(_NO_DATE)
            self.year.setValue(_NO_YEAR)
            return
        self.exact.setDate(_to_qdate(value))
        self.year.setValue(value.year)
        select_data(self.month, value.month)


class PersonForm(CheckedFormDialog):
    """Add or change a member. OK runs the action given to ``submit`` with
    ``value()``: the person and the scanned document to record with them, if any.

    The form is checked as the clerk types by ``RegistrationService.person_problems``
    (pure: the office's date, no database), so the checks are the ones the save makes.
    """

    def __init__(
        self,
        parent: QWidget | None,
        registration: RegistrationService,
        clock: OfficeClock,
        member: MemberRecord | None = None,
        *,
        relationship: str | None = None,
    ) -> None:
        super().__init__(parent, tr("Edit member") if member else tr("Add a member"))
        self.setObjectName("personForm")
        self.setMinimumWidth(620)
        self._registration = registration
        self._clock = clock
        self._fill: MrzFill | None = None
        if member is None:
            self.body.addWidget(self._mrz_box())
        self._build_fields()
        self.add_still_needed()
        self.finish_layout()

        if relationship is not None:
            select_data(self.relationship, relationship)
        if member is not None:
            self._load(member)
            self._touched.update(self._errors)  # every message shows for a saved member
        self._connect()
        self.revalidate()
        self.given_name.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _build_fields(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.relationship = combo(self, "relationship", RELATIONSHIPS, choice_titles(RELATIONSHIPS))
        self.relationship.insertItem(0, tr("Choose…"), None)
        self.relationship.setCurrentIndex(0)
        self.given_name = self._line("givenName", tr("as on the document"))
        self.family_name = self._line("familyName", tr("as on the document"))
        self.father_name = self._line("fatherName", "")
        self.grandfather_name = self._line("grandfatherName", "")
        self.native_name = self._line("nativeName", "نام کامل به دری یا پښتو")
        # names in Dari or Pashto: typed, aligned and edited right to left
        self.native_name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.native_name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.sex = combo(self, "sex", SEXES, choice_titles(SEXES, _SEX_TITLES))
        self.sex.insertItem(0, tr("Choose…"), None)
        self.sex.setCurrentIndex(0)
        self.date_of_birth = DateOfBirthField(self)
        self.nationality = self._line("nationality", DEFAULT_NATIONALITY)
        self.nationality.setText(DEFAULT_NATIONALITY)
        self.nationality.setMaxLength(3)
        languages = self._languages()
        self.phone = self._line("phone", "+355 …")
        self.specific_needs = QCheckBox(tr("Specific needs (details only with protection)"), self)
        self.specific_needs.setObjectName("specificNeeds")
        rows: list[tuple[str, str, QWidget]] = [
            ("relationship", tr("&Relationship"), self.relationship),
            ("given_name", tr("&Given name"), self.given_name),
            ("family_name", tr("&Family name"), self.family_name),
            ("father_name", tr("F&ather's name"), self.father_name),
            ("grandfather_name", tr("G&randfather's name"), self.grandfather_name),
            ("native_name", tr("Name in &Dari/Pashto"), self.native_name),
            ("sex", tr("&Sex"), self.sex),
            ("date_of_birth", tr("Date of &birth"), self.date_of_birth),
            ("nationality", tr("&Nationality"), self.nationality),
            ("languages", tr("Languages"), languages),
            ("phone", tr("&Phone"), self.phone),
            ("specific_needs", "", self.specific_needs),
        ]
        self._errors.update(add_checked_rows(self, form, rows))
        self._form = form
        self.body.addLayout(form)

    def _languages(self) -> QWidget:
        self.languages: dict[str, QCheckBox] = {}
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for language in LANGUAGES:
            check = QCheckBox(tr(language), box)
            check.setObjectName(f"language_{language}")
            row.addWidget(check)
            self.languages[language] = check
        row.addStretch(1)
        return box

    def _mrz_box(self) -> QGroupBox:
        box = QGroupBox(tr("Scan MRZ (passport or ID card)"), self)
        layout = QVBoxLayout(box)
        self.mrz = QPlainTextEdit(box)
        self.mrz.setObjectName("mrzText")
        self.mrz.setAccessibleName(tr("Machine-readable zone"))
        self.mrz.setPlaceholderText(tr("Scan the passport, or type the two lines at its foot"))
        self.mrz.setTabChangesFocus(True)
        mono = self.mrz.font()
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.Monospace)
        self.mrz.setFont(mono)
        self.mrz.setFixedHeight(self.mrz.fontMetrics().lineSpacing() * 3 + 14)
        layout.addWidget(self.mrz)
        self.mrz_message = InlineMessage(box)
        self.mrz_message.setObjectName("mrzMessage")
        layout.addWidget(self.mrz_message)
        row = QHBoxLayout()
        self.save_document = QCheckBox(tr("Also record the scanned document, kept by:"), box)
        self.save_document.setObjectName("saveDocument")
        self.save_document.setEnabled(False)
        self.document_custody = combo(box, "scannedCustody", CUSTODY, choice_titles(CUSTODY))
        self.document_custody.setEnabled(False)
        row.addWidget(self.save_document)
        row.addWidget(self.document_custody)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_document.toggled.connect(self.document_custody.setEnabled)
        self.mrz.textChanged.connect(self._mrz_changed)
        return box

    def _connect(self) -> None:
        lines = {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "father_name": self.father_name,
            "grandfather_name": self.grandfather_name,
            "native_name": self.native_name,
            "nationality": self.nationality,
            "phone": self.phone,
        }
        for name, line in lines.items():
            line.textChanged.connect(lambda _t, n=name: self._changed(n))
        self.relationship.currentIndexChanged.connect(lambda _i: self._changed("relationship"))
        self.sex.currentIndexChanged.connect(lambda _i: self._changed("sex"))
        dob = self.date_of_birth
        dob.precision.currentIndexChanged.connect(lambda _i: self._changed("date_of_birth"))
        dob.exact.dateChanged.connect(lambda _d: self._changed("date_of_birth"))
        dob.year.valueChanged.connect(lambda _v: self._changed("date_of_birth"))
        dob.month.currentIndexChanged.connect(lambda _i: self._changed("date_of_birth"))
        for box in self.languages.values():
            box.toggled.connect(lambda _c: self._changed("languages"))

    def _load(self, member: MemberRecord) -> None:
        select_data(self.relationship, member.relationship)
        self.given_name.setText(member.given_name)
        self.family_name.setText(member.family_name)
        self.father_name.setText(member.father_name)
        self.grandfather_name.setText(member.grandfather_name)
        self.native_name.setText(member.native_name)
        select_data(self.sex, member.sex)
        self.date_of_birth.set_value(member.date_of_birth, member.dob_precision)
        self.nationality.setText(member.nationality)
        for language, box in self.languages.items():
            box.setChecked(language in member.languages)
        self.phone.setText(member.phone or "")
        self.specific_needs.setChecked(member.specific_needs)

    # -- what the form holds ---------------------------------------------------------------------
    def person(self) -> PersonInput:
        sex = self.sex.currentData()
        relationship = self.relationship.currentData()
        return PersonInput(
            relationship=str(relationship) if relationship else "",
            given_name=self.given_name.text(),
            sex=str(sex) if sex else "",
            date_of_birth=self.date_of_birth.value(),
            dob_precision=self.date_of_birth.current_precision(),
            family_name=self.family_name.text(),
            father_name=self.father_name.text(),
            grandfather_name=self.grandfather_name.text(),
            native_name=self.native_name.text(),
            nationality=self.nationality.text().strip().upper(),
            languages=tuple(lang for lang, box in self.languages.items() if box.isChecked()),
            phone=self.phone.text().strip() or None,
            specific_needs=self.specific_needs.isChecked(),
        )

    def value(self) -> tuple[PersonInput, DocumentInput | None]:
        return self.person(), self.mrz_document()

    def mrz_document(self) -> DocumentInput | None:
        """The scanned document to record with the person, if the clerk wants it."""
        if self._fill is None or not self.save_document.isChecked():
            return None
        return replace(self._fill.document, custody=str(self.document_custody.currentData()))

    def problems(self) -> dict[str, str]:
        return self._registration.person_problems(self.person())

    # -- validation as the clerk types ------------------------------------------------------------
    def _untouched_problems(self, names: list[str]) -> None:
        self.show_still_needed([tr(_FIELD_TITLES[n]) if n in _FIELD_TITLES else n for n in names])

    # -- MRZ ------------------------------------------------------------------------------------
    def _mrz_changed(self) -> None:
        text = self.mrz.toPlainText()
        self._fill = None
        self.save_document.setEnabled(False)
        self.save_document.setChecked(False)
        if not text.strip():
            self.mrz_message.clear()
            return
        try:
            fill = fill_from_mrz(text, today=self._clock.today())
        except InvalidInput as exc:
            if _mrz_incomplete(text):
                self.mrz_message.show_notice(tr("Reading… {problem}").format(problem=exc.message))
            else:
                self.mrz_message.show_error(exc.message)
            return
        self._fill = fill
        self.given_name.setText(fill.given_name)
        self.family_name.setText(fill.family_name)
        select_data(self.sex, fill.sex)
        self.date_of_birth.set_value(fill.date_of_birth, fill.dob_precision)
        self.nationality.setText(fill.nationality)
        self.save_document.setEnabled(True)
        self.save_document.setChecked(True)
        self.mrz_message.show_notice(
            tr(
                "Filled from the {document}: names, sex, date of birth and nationality. "
                "Check them against the document."
            ).format(document=code_text(fill.document.doc_type).lower())
        )
