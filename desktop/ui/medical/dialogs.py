"""Medical records of one person: the history of examinations, the form that records
or corrects one, and the prints that go with them (fitness certificates, the sealed
envelope's cover sheet).

For the medical team only: the window that opens these (the Medical page, or the
household window of a medical user) checks ``MedicalService.may_read`` first, and
the service refuses everyone else anyway. Everything is read and saved off the GUI
thread; a refusal stays inside the form, which keeps what was typed. Times are
typed and shown in office time (Europe/Tirane).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Protocol

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import KnownError
from desktop.services.medical.examinations import (
    MedicalInput,
    MedicalRecordView,
    MedicalService,
    PregnancyWarning,
    validate_medical,
)
from desktop.services.medical.fitness import FitnessService, FitnessSummary
from desktop.services.office.clock import OfficeClock, office_today, to_local
from desktop.services.vocabulary import (
    MEDICAL_KINDS,
    MEDICAL_OUTCOMES,
    MOBILITY_SSR,
    OTHER_SSR,
)
from desktop.ui.appointments.fields import (
    day_edit,
    from_qdate,
    from_qtime,
    time_edit,
    to_qdate,
    to_qtime,
)
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows, select_data
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.medical.models import (
    CONDITION_OUTCOMES,
    ESCORT_TITLES,
    MOBILITY_TITLES,
    OTHER_SSR_SHORT,
    OTHER_SSR_TITLES,
    OUTCOME_HINTS,
    kind_title,
    outcome_title,
    record_columns,
    record_facts,
    summary_line,
)
from desktop.ui.worker import run_in_background

NOTES_LABEL = "Medical notes (medical staff only)"
CERTIFICATES_FILE = "fitness-certificates.pdf"
ENVELOPE_FILE = "medical-envelope.pdf"
#: the "no date chosen yet" end of the review date box
_NO_DATE = QDate(2000, 1, 1)
_ERROR = "color: #b91c1c;"
_GOOD = "color: #166534;"
_SECTION = "font-weight: bold; padding-top: 6px;"
_BADGE = (
    "QLabel {{ background: {bg}; color: {fg}; border-radius: 4px; padding: 2px 8px;"
    " font-weight: bold; }}"
)
_STATE_COLOURS = {
    "cleared": ("#dcfce7", "#166534"),
    "cleared_assistance": ("#dbeafe", "#1e3a8a"),
    "not_cleared": ("#fee2e2", "#991b1b"),
    "pending": ("#fef9c3", "#854d0e"),
    "expired": ("#fee2e2", "#991b1b"),
}
_FIELD_TITLES = {
    "kind": "kind of examination",
    "examiner": "examiner",
    "outcome": "outcome",
    "review_date": "review date",
    "escort": "escort",
}


class MedicalPrinting(Protocol):
    """What the dialogs print with (``MedicalPrintingService``)."""

    def certificates_pdf(
        self, case_id: str, *, person_ids: Sequence[str] | None = None
    ) -> bytes: ...

    def envelope_pdf(self, case_id: str) -> bytes: ...


@dataclass(frozen=True)
class CaseFitness:
    """Fitness to travel in a household window.

    Everyone gets the one-line summary of each member (``fitness``); users of the
    medical team (``medical`` given and allowed to read) also open the records.
    """

    fitness: FitnessService
    medical: MedicalService | None = None
    printing: MedicalPrinting | None = None
    can_write: bool = False
    #: the office clock (None: the computer's, read as office time)
    clock: OfficeClock | None = None

    @property
    def shows_records(self) -> bool:
        return self.medical is not None and self.medical.may_read


def badge_style(summary: FitnessSummary | None) -> str:
    bg, fg = _STATE_COLOURS.get(summary.state if summary else "", ("#e2e8f0", "#334155"))
    return _BADGE.format(bg=bg, fg=fg)


# -- the record form ------------------------------------------------------------------------------


class _PickDateCalendar(QCalendarWidget):
    """Opens on the current month while no date is chosen, not on the placeholder's."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.selectedDate() == self.minimumDate():
            today = to_qdate(office_today())
            self.setCurrentPage(today.year(), today.month())


def _optional_day(parent: QWidget, name: str, placeholder: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(_PickDateCalendar(edit))
    edit.setMinimumDate(_NO_DATE)
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setSpecialValueText(placeholder)
    edit.setDate(_NO_DATE)
    return edit


# outcomes whose conditions a following examination starts from
_WITH_CONDITIONS = ("fit_with_conditions", "fit_non_medical_escort", "fit_medical_escort")


class MedicalRecordForm(CheckedFormDialog):
    """Record an examination, or correct one (``record``).

    The outcome decides which fields show: the review date for a deferral, the
    escort for "fit with medical escort", the flight conditions (mobility, oxygen,
    MEDIF, other SSR codes) for the fit-with outcomes. Hidden fields keep what was
    typed in them but are not saved. Pregnancy is asked unless the person is known
    to be male. ``value()`` is the ``MedicalInput``; OK runs the action given to
    ``submit`` with it in the background.
    """

    def __init__(
        self,
        parent: QWidget | None,
        person_name: str,
        *,
        sex: str | None = None,
        record: MedicalRecordView | None = None,
        kind: str | None = None,
        clinic: str = "",
        conditions_from: MedicalRecordView | None = None,
    ) -> None:
        title = "Correct an examination" if record else "New medical record"
        super().__init__(parent, f"{title} – {person_name}")
        self.setObjectName("medicalRecordForm")
        self.setMinimumWidth(700)
        self.pregnancy_offered = sex != "M" or (
            record is not None and record.pregnancy_weeks is not None
        )
        self.body.addWidget(
            muted(
                "Other staff see only the summary: cleared or not, the SSR codes and "
                "whether an escort travels.",
                self,
            )
        )

        form = QFormLayout()
        # text fields take the width; lists and numbers stay as wide as their values
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = QComboBox(self)
        self.kind.setObjectName("medicalKind")
        self.kind.addItem("Choose…", None)
        for value in MEDICAL_KINDS:
            self.kind.addItem(kind_title(value), value)
        now = to_local(datetime.now(UTC))
        self.day = day_edit(self, "examinedOn", now.date())
        self.day.setAccessibleName("Date of the examination")
        self.time = time_edit(self, "examinedAt", time(now.hour, now.minute // 15 * 15))
        self.time.setAccessibleName("Time of the examination (office time)")
        moment = QWidget(self)
        row = QHBoxLayout(moment)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addWidget(muted("office time", moment))
        row.addStretch(1)
        moment.setFocusProxy(self.day)
        self.examiner = self._line("examiner", "the doctor or nurse who examined")
        self.clinic = self._line("clinic", "e.g. IOM clinic Shëngjin")
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("medicalOutcome")
        self.outcome.addItem("Choose…", None)
        for value in MEDICAL_OUTCOMES:
            self.outcome.addItem(outcome_title(value), value)
        self.outcome_hint = muted("", self)
        self.outcome_hint.setObjectName("outcomeHint")
        decision = QWidget(self)
        row = QHBoxLayout(decision)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.outcome)
        row.addWidget(self.outcome_hint, 1)
        decision.setFocusProxy(self.outcome)
        self.review_date = _optional_day(self, "reviewDate", "Choose the review date")
        self.review_date.setAccessibleName("Date of the next review")
        self.escort = QComboBox(self)
        self.escort.setObjectName("medicalEscort")
        self.escort.addItem("Choose…", None)
        for value, escort_title in ESCORT_TITLES.items():
            self.escort.addItem(escort_title, value)
        self.conditions_heading = QLabel("Conditions for the flight", self)
        self.conditions_heading.setStyleSheet(_SECTION)
        self.mobility = QComboBox(self)
        self.mobility.setObjectName("mobilitySsr")
        self.mobility.addItem("None: walks unaided", None)
        for code in MOBILITY_SSR:
            self.mobility.addItem(MOBILITY_TITLES[code], code)
        self.oxygen = QDoubleSpinBox(self)
        self.oxygen.setObjectName("oxygenLpm")
        self.oxygen.setRange(0, 15)
        self.oxygen.setDecimals(1)
        self.oxygen.setSingleStep(0.5)
        self.oxygen.setSuffix(" l/min")
        self.oxygen.setSpecialValueText("No oxygen")
        self.oxygen.setAccessibleName("Oxygen in litres per minute")
        self.oxygen.setMinimumWidth(self.oxygen.fontMetrics().horizontalAdvance("No oxygen") + 60)
        self.medif = QCheckBox("MEDIF required", self)
        self.medif.setObjectName("medifRequired")
        self.medif.setToolTip("The airline's medical information form must be sent before booking")
        breathing = QWidget(self)
        row = QHBoxLayout(breathing)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.oxygen)
        row.addSpacing(SPACING)
        row.addWidget(self.medif)
        row.addStretch(1)
        breathing.setFocusProxy(self.oxygen)
        self._breathing = breathing
        others = QWidget(self)
        grid = QGridLayout(others)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING)
        self.other_ssr: dict[str, QCheckBox] = {}
        for number, code in enumerate(OTHER_SSR):  # DEPA and DEPU are never offered
            box = QCheckBox(f"{code} {OTHER_SSR_SHORT[code]}", others)
            box.setObjectName(f"ssr_{code}")
            box.setToolTip(f"{code}: {OTHER_SSR_TITLES[code]}")
            grid.addWidget(box, number // 3, number % 3)
            self.other_ssr[code] = box
        grid.setColumnStretch(3, 1)
        others.setFocusProxy(self.other_ssr[OTHER_SSR[0]])
        self._others = others
        self.pregnancy = QSpinBox(self)
        self.pregnancy.setObjectName("pregnancyWeeks")
        self.pregnancy.setRange(0, 42)
        self.pregnancy.setSuffix(" weeks")
        self.pregnancy.setSpecialValueText("Not pregnant")
        self.pregnancy.setAccessibleName("Weeks of pregnancy at the examination")
        self.pregnancy.setMinimumWidth(
            self.pregnancy.fontMetrics().horizontalAdvance("Not pregnant") + 60
        )
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("medicalNotes")
        self.notes.setAccessibleName(NOTES_LABEL)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Findings, treatment, what to watch on the journey")
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        self._errors.update(
            add_checked_rows(
                self,
                form,
                [
                    ("kind", "&Kind", self.kind),
                    ("examined_on", "&Examined on", moment),
                    ("examiner", "E&xaminer", self.examiner),
                    ("clinic", "C&linic", self.clinic),
                    ("outcome", "&Outcome", decision),
                ],
            )
        )
        self._errors.update(
            add_checked_rows(
                self,
                form,
                [
                    ("review_date", "&Review on", self.review_date),
                    ("escort", "E&scort", self.escort),
                ],
            )
        )
        form.addRow(self.conditions_heading)
        self._errors.update(
            add_checked_rows(
                self,
                form,
                [
                    ("mobility_ssr", "&Mobility", self.mobility),
                    ("oxygen_lpm", "Ox&ygen", breathing),
                    ("other_ssr", "Other SSR &codes", others),
                    ("pregnancy_weeks", "&Pregnancy", self.pregnancy),
                ],
            )
        )
        notes_label = QLabel(NOTES_LABEL.replace("notes", "&notes"), self)
        notes_label.setStyleSheet(_SECTION)
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label)
        form.addRow(self.notes)
        notes_error = QLabel(self)
        notes_error.setObjectName("error_notes")
        notes_error.setStyleSheet(_ERROR)
        notes_error.setWordWrap(True)
        form.addRow(notes_error)
        form.setRowVisible(notes_error, False)
        self._errors["notes"] = notes_error
        for error in self._errors.values():  # a message takes the whole width of the form
            error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._form = form
        self.body.addLayout(form)
        self.carried = muted("", self)
        self.carried.setObjectName("carriedOver")
        self.carried.setWordWrap(True)
        self.carried.hide()
        self.body.addWidget(self.carried)
        self.add_still_needed()
        self.finish_layout()

        if kind is not None:
            select_data(self.kind, kind)
        self.clinic.setText(clinic)
        if record is not None:
            self._load(record)
            self._touched.update(self._errors)
        elif conditions_from is not None:
            self._carry_conditions(conditions_from)
        self._connect()
        self._show_fields()
        self.revalidate()
        (self.examiner if record is None and kind is not None else self.kind).setFocus()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.setMaxLength(128)
        return line

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(lambda _i: self._changed("kind"))
        self.day.dateChanged.connect(lambda _d: self._changed("examined_on"))
        self.time.timeChanged.connect(lambda _t: self._changed("examined_on"))
        self.examiner.textChanged.connect(lambda _t: self._changed("examiner"))
        self.clinic.textChanged.connect(lambda _t: self._changed("examiner"))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.review_date.dateChanged.connect(lambda _d: self._changed("review_date"))
        self.escort.currentIndexChanged.connect(lambda _i: self._changed("escort"))
        self.mobility.currentIndexChanged.connect(lambda _i: self._condition_changed())
        self.oxygen.valueChanged.connect(lambda _v: self._condition_changed("oxygen_lpm"))
        self.medif.toggled.connect(lambda _c: self._condition_changed())
        for box in self.other_ssr.values():
            box.toggled.connect(lambda _c: self._condition_changed("other_ssr"))
        self.pregnancy.valueChanged.connect(lambda _v: self._changed("pregnancy_weeks"))
        self.notes.textChanged.connect(lambda: self._changed("notes"))

    def _load(self, record: MedicalRecordView) -> None:
        local = to_local(record.examined_at)
        select_data(self.kind, record.kind)
        self.day.setDate(to_qdate(local.date()))
        self.time.setTime(to_qtime(local.time()))
        self.examiner.setText(record.examiner)
        self.clinic.setText(record.clinic)
        select_data(self.outcome, record.outcome)
        if record.review_date is not None:
            self.review_date.setDate(to_qdate(record.review_date))
        select_data(self.escort, record.escort)
        select_data(self.mobility, record.mobility_ssr)
        self.oxygen.setValue(record.oxygen_lpm or 0)
        self.medif.setChecked(record.medif_required)
        for code, box in self.other_ssr.items():
            box.setChecked(code in record.other_ssr)
        self.pregnancy.setValue(record.pregnancy_weeks or 0)
        self.notes.setPlainText(record.notes)

    def _carry_conditions(self, earlier: MedicalRecordView) -> None:
        """A new examination starts from the last one's flight conditions: a check
        recorded as plain "fit" would otherwise drop the wheelchair or oxygen silently."""
        select_data(self.outcome, earlier.outcome)
        select_data(self.escort, earlier.escort)
        select_data(self.mobility, earlier.mobility_ssr)
        self.oxygen.setValue(earlier.oxygen_lpm or 0)
        self.medif.setChecked(earlier.medif_required)
        for code, box in self.other_ssr.items():
            box.setChecked(code in earlier.other_ssr)
        self.carried.setText(
            f"Outcome and conditions carried over from the examination of "
            f"{to_local(earlier.examined_at):%d %b %Y}: change them if they no longer apply."
        )
        self.carried.show()

    # -- fields by outcome ---------------------------------------------------------------------
    def chosen_outcome(self) -> str:
        outcome = self.outcome.currentData()
        return str(outcome) if outcome else ""

    def _outcome_changed(self, _index: int) -> None:
        outcome = self.chosen_outcome()
        # a field the outcome asks for shows what it still needs at once
        if outcome == "unfit_deferred":
            self._touched.add("review_date")
        if outcome == "fit_medical_escort":
            self._touched.add("escort")
        self._show_fields()
        self._changed("outcome")

    def _condition_changed(self, name: str | None = None) -> None:
        if name is not None:
            self._touched.add(name)
        self._changed("outcome")  # "fit with conditions" needs at least one

    def _show_fields(self) -> None:
        outcome = self.chosen_outcome()
        self.outcome_hint.setText(OUTCOME_HINTS.get(outcome, ""))
        self._form.setRowVisible(self.review_date, outcome == "unfit_deferred")
        self._form.setRowVisible(self.escort, outcome == "fit_medical_escort")
        conditions = outcome in CONDITION_OUTCOMES
        for widget in (self.conditions_heading, self.mobility, self._breathing, self._others):
            self._form.setRowVisible(widget, conditions)
        self._form.setRowVisible(self.pregnancy, self.pregnancy_offered)
        if self.isVisible():  # room for the fields that appeared, without shrinking
            wanted = self.sizeHint().height()
            if wanted > self.height():
                self.resize(self.width(), wanted)

    def shown_fields(self) -> set[str]:
        """The fields on view now (for tests and screen readers' sake)."""
        return {
            name
            for name, widget in (
                ("review_date", self.review_date),
                ("escort", self.escort),
                ("mobility_ssr", self.mobility),
                ("oxygen_lpm", self._breathing),
                ("medif_required", self._breathing),
                ("other_ssr", self._others),
                ("pregnancy_weeks", self.pregnancy),
            )
            if self._form.isRowVisible(widget)
        }

    # -- what the form holds ---------------------------------------------------------------------
    def review(self) -> date | None:
        chosen = self.review_date.date()
        return None if chosen == _NO_DATE else from_qdate(chosen)

    def value(self) -> MedicalInput:
        outcome = self.chosen_outcome()
        kind = self.kind.currentData()
        conditions = outcome in CONDITION_OUTCOMES
        mobility = self.mobility.currentData() if conditions else None
        escort = self.escort.currentData() if outcome == "fit_medical_escort" else None
        weeks = self.pregnancy.value() if self.pregnancy_offered else 0
        return MedicalInput(
            kind=str(kind) if kind else "",
            examined_on=from_qdate(self.day.date()),
            examined_at=from_qtime(self.time.time()),
            examiner=self.examiner.text(),
            clinic=self.clinic.text(),
            outcome=outcome,
            review_date=self.review() if outcome == "unfit_deferred" else None,
            mobility_ssr=str(mobility) if mobility else None,
            oxygen_lpm=(self.oxygen.value() or None) if conditions else None,
            medif_required=conditions and self.medif.isChecked(),
            escort=str(escort) if escort else None,
            pregnancy_weeks=weeks or None,
            other_ssr=tuple(c for c, b in self.other_ssr.items() if b.isChecked())
            if conditions
            else (),
            notes=self.notes.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        problems = validate_medical(self.value(), now=datetime.now(UTC))
        # the date and the time share one row of the form, labelled by the date
        when = problems.pop("examined_at", None)
        if when is not None and "examined_on" not in problems:
            problems["examined_on"] = when
        return problems

    def _untouched_problems(self, names: list[str]) -> None:
        order = list(self._errors)  # the order of the fields on the form
        names = sorted(names, key=lambda n: order.index(n) if n in order else len(order))
        self.show_still_needed([_FIELD_TITLES.get(n, n.replace("_", " ")) for n in names])


# -- a person's history ------------------------------------------------------------------------


@dataclass(frozen=True)
class _History:
    records: list[MedicalRecordView]
    summary: FitnessSummary


class MedicalHistoryDialog(QDialog):
    """A person's examinations, latest first, with the one chosen in full (notes
    included), the fitness others see and pregnancy against a travel date.

    Medical users with ``can_write`` record new examinations and correct old ones;
    after each save the dialog reloads and emits ``changed`` with the case id (lists
    and household windows showing the person refresh). Printing needs ``printing``.
    """

    changed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        medical: MedicalService,
        person_id: str,
        *,
        name: str,
        case_id: str,
        case_number: str,
        sex: str | None = None,
        printing: MedicalPrinting | None = None,
        can_write: bool = False,
        suggested_kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("medicalHistoryDialog")
        self.setWindowTitle(f"Medical records – {case_number}")
        self.setMinimumSize(900, 560)
        self._medical = medical
        self._printing = printing
        self._can_write = can_write
        self._suggested_kind = suggested_kind
        self.person_id = person_id
        self.name = name
        self.case_id = case_id
        self.case_number = case_number
        self.sex = sex
        self.records: list[MedicalRecordView] = []
        self.summary: FitnessSummary | None = None
        self.warnings: list[PregnancyWarning] = []
        self._now = datetime.now(UTC)
        self._loads = 0
        self._checks = 0
        self._pending: set[str] = set()
        self._closed = False

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        title = heading(name or "(no name)", self, 1.3)
        title.setObjectName("medicalPerson")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(title)
        top.addSpacing(SPACING)
        top.addWidget(QLabel(case_number, self))
        top.addStretch(1)
        layout.addLayout(top)

        fitness = QHBoxLayout()
        fitness.addWidget(QLabel("Fitness to travel now:", self))
        self.summary_label = QLabel("…", self)
        self.summary_label.setObjectName("fitnessSummary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setToolTip("What other staff see: no diagnosis, no notes")
        fitness.addWidget(self.summary_label)
        fitness.addStretch(1)
        layout.addLayout(fitness)

        self.pregnancy_row = QWidget(self)
        pregnancy = QHBoxLayout(self.pregnancy_row)
        pregnancy.setContentsMargins(0, 0, 0, 0)
        self.pregnancy_intro = QLabel(self.pregnancy_row)
        self.pregnancy_intro.setObjectName("pregnancyIntro")
        pregnancy.addWidget(self.pregnancy_intro)
        pregnancy.addSpacing(SPACING)
        pregnancy.addWidget(QLabel("Travel date", self.pregnancy_row))
        self.travel_date = day_edit(self.pregnancy_row, "travelDate", office_today())
        self.travel_date.setAccessibleName("Travel date to check the pregnancy against")
        self.travel_date.setToolTip(
            "Starts at the end of the current clearance; change it to the planned flight"
        )
        pregnancy.addWidget(self.travel_date)
        self.pregnancy_label = QLabel(self.pregnancy_row)
        self.pregnancy_label.setObjectName("pregnancyWarning")
        self.pregnancy_label.setWordWrap(True)
        pregnancy.addWidget(self.pregnancy_label, 1)
        self.pregnancy_row.hide()
        self.travel_date.dateChanged.connect(lambda _d: self._check_pregnancy())
        layout.addWidget(self.pregnancy_row)

        self.message = InlineMessage(self)
        self.message.setObjectName("medicalMessage")
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        exams = QGroupBox("Examinations, latest first", split)
        box = QVBoxLayout(exams)
        self.columns = record_columns(lambda: self._now)
        self.model: RecordListModel[MedicalRecordView] = RecordListModel(self.columns)
        self.model.setParent(self)
        self.table = record_table(exams, "medicalRecordsTable", self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        box.addWidget(self.table)
        self.empty = muted("No examination recorded yet.", exams)
        self.empty.setObjectName("noRecords")
        self.empty.hide()
        box.addWidget(self.empty)
        details = QGroupBox("The selected examination", split)
        column = QVBoxLayout(details)
        self._facts = QFormLayout()
        self._facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        column.addLayout(self._facts)
        notes_title = QLabel(NOTES_LABEL, details)
        notes_title.setStyleSheet(_SECTION)
        column.addWidget(notes_title)
        self.notes = QPlainTextEdit(details)
        self.notes.setObjectName("medicalNotesView")
        self.notes.setAccessibleName(NOTES_LABEL)
        self.notes.setReadOnly(True)
        column.addWidget(self.notes, 1)
        split.addWidget(exams)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 420])
        layout.addWidget(split, 1)

        actions = QHBoxLayout()
        self.new_button = add_button(
            self, actions, "New record…", "newMedicalRecord", self.new_record
        )
        self.correct_button = add_button(
            self,
            actions,
            "Correct…",
            "correctMedicalRecord",
            self.correct,
            "Change the selected examination (the change is audited)",
        )
        actions.addSpacing(SPACING)
        self.certificate_button = QPushButton("Print certificate…", self)
        self.certificate_button.setObjectName("printCertificate")
        menu = QMenu(self.certificate_button)
        self.certificate_person_action = menu.addAction(
            "This person", lambda: self.print_certificates(household=False)
        )
        self.certificate_household_action = menu.addAction(
            "The whole household", lambda: self.print_certificates(household=True)
        )
        self.certificate_button.setMenu(menu)
        self.certificate_button.setToolTip(
            "Fitness-to-travel certificates for the airline: no diagnosis, no notes"
        )
        actions.addWidget(self.certificate_button)
        self.envelope_button = add_button(
            self,
            actions,
            "Print envelope cover…",
            "printEnvelope",
            self.print_envelope,
            "The MEDICAL-IN-CONFIDENCE cover sheet listing the household's medical documents",
        )
        actions.addStretch(1)
        close = QPushButton("Close", self)
        close.setObjectName("closeMedicalHistory")
        close.clicked.connect(lambda _c=False: self.reject())
        actions.addWidget(close)
        layout.addLayout(actions)
        for button in (self.new_button, self.correct_button):
            button.setVisible(can_write)
        for button in (self.certificate_button, self.envelope_button):
            button.setVisible(printing is not None)
        self.resize(1140, 680)
        self._update_buttons()
        self.reload()

    # -- loading ---------------------------------------------------------------------------------
    def _alive(self) -> bool:
        return not self._closed and isValid(self)

    def loading(self) -> bool:
        return bool(self._pending)

    def reload(self, select_id: str | None = None) -> None:
        if self._closed:
            return
        self._loads += 1
        request = self._loads
        self._pending.add("history")
        medical, person_id = self._medical, self.person_id
        chosen = self.selected()
        keep = select_id or (chosen.id if chosen else None)

        def work() -> _History:
            return _History(medical.history(person_id), medical.summary_of(person_id))

        def failed(error: KnownError) -> None:
            if self._alive() and request == self._loads:
                self._pending.discard("history")
                self.message.show_error(error.message)
                self._update_buttons()

        run_in_background(work, lambda found: self._loaded(request, found, keep), failed)

    def _loaded(self, request: int, found: _History, keep: str | None) -> None:
        if not self._alive() or request != self._loads:
            return
        self._pending.discard("history")
        self._now = datetime.now(UTC)
        self.records, self.summary = found.records, found.summary
        self.summary_label.setText(summary_line(found.summary))
        self.summary_label.setStyleSheet(badge_style(found.summary))
        self.model.set_rows(found.records)
        self.table.setVisible(bool(found.records))
        self.empty.setVisible(not found.records)
        if found.records:
            fit_table(self.table, self.columns)
            ids = [r.id for r in found.records]
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        else:
            self._show_selected()
        self._show_pregnancy()
        self._update_buttons()

    # -- pregnancy -------------------------------------------------------------------------------
    def _show_pregnancy(self) -> None:
        """Offer the check while the latest examination records a pregnancy."""
        latest = self.records[0] if self.records else None
        pregnant = latest is not None and latest.pregnancy_weeks is not None
        self.pregnancy_row.setVisible(pregnant)
        if latest is None or latest.pregnancy_weeks is None:
            self.warnings = []
            return
        self.pregnancy_intro.setText(
            f"Pregnancy: {latest.pregnancy_weeks} weeks at the examination of "
            f"{to_local(latest.examined_at):%d %b %Y}."
        )
        summary = self.summary
        start = office_today()
        if summary is not None and summary.cleared and summary.valid_until is not None:
            start = to_local(summary.valid_until).date()
        self.travel_date.blockSignals(True)
        self.travel_date.setDate(to_qdate(start))
        self.travel_date.blockSignals(False)
        self._check_pregnancy()

    def _check_pregnancy(self) -> None:
        if self._closed:
            return
        self._checks += 1
        request = self._checks
        self._pending.add("pregnancy")
        self.pregnancy_label.setStyleSheet("")
        self.pregnancy_label.setText("Checking…")
        medical, case_id, person_id = self._medical, self.case_id, self.person_id
        day = from_qdate(self.travel_date.date())

        def work() -> list[PregnancyWarning]:
            return [w for w in medical.pregnancy_warnings(case_id, day) if w.person_id == person_id]

        def failed(error: KnownError) -> None:
            if self._alive() and request == self._checks:
                self._pending.discard("pregnancy")
                self.pregnancy_label.setStyleSheet(_ERROR)
                self.pregnancy_label.setText(error.message)

        run_in_background(work, lambda found: self._pregnancy_checked(request, day, found), failed)

    def _pregnancy_checked(self, request: int, day: date, found: list[PregnancyWarning]) -> None:
        if not self._alive() or request != self._checks:
            return
        self._pending.discard("pregnancy")
        self._update_buttons()
        self.warnings = found
        if found:
            w = found[0]
            self.pregnancy_label.setStyleSheet(f"{_ERROR} font-weight: bold;")
            self.pregnancy_label.setText(
                f"About {w.weeks_on_travel} weeks on {day:%a %d %b %Y}: at or past the "
                f"carriers' limit of {w.limit} weeks. Travel earlier, or ask the airline."
            )
        else:
            self.pregnancy_label.setStyleSheet(_GOOD)
            self.pregnancy_label.setText(f"Within the carriers' limit on {day:%a %d %b %Y}.")

    # -- the selected examination ---------------------------------------------------------------
    def selected(self) -> MedicalRecordView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.record(rows[0].row())

    def select(self, record_id: str) -> None:
        ids = [r.id for r in self.records]
        if record_id in ids:
            self.table.selectRow(ids.index(record_id))

    def _show_selected(self) -> None:
        record = self.selected()
        while self._facts.rowCount():
            self._facts.removeRow(0)
        self.fact_labels = {}
        if record is not None:
            for label, text in record_facts(record, self._now):
                value = QLabel(text, self)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._facts.addRow(label, value)
                self.fact_labels[label] = value
        self.notes.setPlainText(record.notes if record else "")
        self.notes.setPlaceholderText("No notes." if record else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not (self._pending - {"pregnancy"}) and not self._closed
        self.new_button.setEnabled(self._can_write and idle)
        self.correct_button.setEnabled(self._can_write and idle and self.selected() is not None)
        self.certificate_button.setEnabled(idle)
        self.envelope_button.setEnabled(idle)

    # -- recording -------------------------------------------------------------------------------
    def new_record(self) -> MedicalRecordForm | None:
        if self._closed or not self._can_write:
            return None
        latest = self.records[0] if self.records else None
        form = MedicalRecordForm(
            self,
            self.name,
            sex=self.sex,
            kind=self._suggested_kind,
            clinic=latest.clinic if latest else "",
            conditions_from=latest if latest and latest.outcome in _WITH_CONDITIONS else None,
        )
        medical, person_id = self._medical, self.person_id
        self._open_form(form, lambda data: medical.add(person_id, data), "Examination recorded.")
        return form

    def correct(self) -> MedicalRecordForm | None:
        record = self.selected()
        if self._closed or not self._can_write or record is None:
            return None
        form = MedicalRecordForm(self, self.name, sex=self.sex, record=record)
        medical, record_id = self._medical, record.id

        def action(data: MedicalInput) -> str:
            medical.update(record_id, data)
            return record_id

        self._open_form(form, action, "Correction saved (the change is in the audit log).")
        return form

    def _open_form(
        self, form: MedicalRecordForm, action: Callable[[MedicalInput], str], notice: str
    ) -> None:
        """Show ``form``; its OK runs ``action`` (which returns the record's id) in the
        background, then the history reloads with that record selected."""
        saved: list[str] = []

        def remember(data: MedicalInput) -> str:
            record_id = action(data)
            saved.append(record_id)
            return record_id

        form.submit(remember)

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or not self._alive():
                return
            self.message.show_notice(notice)
            self.reload(saved[0] if saved else None)
            self.changed.emit(self.case_id)

        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(finished)
        form.open()

    # -- printing --------------------------------------------------------------------------------
    def print_certificates(self, *, household: bool) -> None:
        printing = self._printing
        if printing is None or self._closed:
            return
        case_id = self.case_id
        people = None if household else [self.person_id]
        title = (
            f"Fitness certificates – {self.case_number}"
            if household
            else f"Fitness certificate – {self.case_number}"
        )
        self._print(
            "Preparing the certificates…",
            lambda: printing.certificates_pdf(case_id, person_ids=people),
            title,
            CERTIFICATES_FILE,
        )

    def print_envelope(self) -> None:
        printing = self._printing
        if printing is None or self._closed:
            return
        case_id = self.case_id
        self._print(
            "Preparing the envelope cover…",
            lambda: printing.envelope_pdf(case_id),
            f"Medical envelope – {self.case_number}",
            ENVELOPE_FILE,
        )

    def _print(self, notice: str, work: Callable[[], bytes], title: str, name: str) -> None:
        self._pending.add("printing")
        self._update_buttons()
        self.message.show_notice(notice)

        def done(pdf: bytes) -> None:
            if not self._alive():
                return
            self._pending.discard("printing")
            self.message.clear()
            self._update_buttons()
            from desktop.ui.printing import (
                pdf_preview,  # PDFium loads only when something is printed
            )

            pdf_preview.open_pdf_preview(self, title, pdf, name)

        def failed(error: KnownError) -> None:
            if not self._alive():
                return
            self._pending.discard("printing")
            self._update_buttons()
            self.message.show_error(error.message)

        run_in_background(work, done, failed)

    def done(self, result: int) -> None:
        self._closed = True
        for child in self.findChildren(QDialog):
            if child.isVisible():
                child.reject()
        super().done(result)
