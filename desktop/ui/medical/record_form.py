"""The form that records an examination or corrects one (medical team only).

The outcome decides which fields show; the form checks what is typed as the officer
types with ``MedicalService.problems`` (pure validation on the office clock: no record
is read, so it runs on the GUI thread). OK hands the ``MedicalInput`` to the action the
history dialog gives ``submit``, off the GUI thread; a refusal stays in the form, which
keeps what was typed. Times are typed in office time (Europe/Tirane).
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop.services.medical.examinations import MedicalInput, MedicalRecordView, MedicalService
from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.vocabulary import MEDICAL_KINDS, MEDICAL_OUTCOMES, MOBILITY_SSR, OTHER_SSR
from desktop.ui.kit import palette
from desktop.ui.kit.dates import day_edit, from_qdate, from_qtime, time_edit, to_qdate, to_qtime
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows, select_data
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.widgets import SPACING, muted
from desktop.ui.medical.fields import NO_DATE, field_row, optional_day
from desktop.ui.medical.models import (
    CONDITION_OUTCOMES,
    ESCORT_TITLES,
    MOBILITY_TITLES,
    OTHER_SSR_SHORT,
    OTHER_SSR_TITLES,
    OUTCOME_HINTS,
    kind_title,
    outcome_title,
)

NOTES_LABEL = tr_noop("Medical notes (medical staff only)")
SECTION_STYLE = "font-weight: bold; padding-top: 6px;"
#: how the fields are named in "Still needed: ..."
_FIELD_TITLES = {
    "kind": tr_noop("kind of examination"),
    "examiner": tr_noop("examiner"),
    "outcome": tr_noop("outcome"),
    "review_date": tr_noop("review date"),
    "escort": tr_noop("escort"),
}


class MedicalRecordForm(CheckedFormDialog):
    """Record an examination, or correct one (``record``).

    The outcome decides which fields show: the review date for a deferral, the
    escort for "fit with medical escort", the flight conditions (mobility, oxygen,
    MEDIF, other SSR codes) for the fit-with outcomes. Hidden fields keep what was
    typed in them but are not saved. Pregnancy is asked unless the person is known
    to be male. ``value()`` is the ``MedicalInput``; OK runs the action given to
    ``submit`` with it in the background. A new examination starts at the office
    clock's time, and from ``conditions_from``'s flight conditions when given.
    """

    def __init__(
        self,
        parent: QWidget | None,
        medical: MedicalService,
        clock: OfficeClock,
        person_name: str,
        *,
        sex: str | None = None,
        record: MedicalRecordView | None = None,
        kind: str | None = None,
        clinic: str = "",
        conditions_from: MedicalRecordView | None = None,
    ) -> None:
        title = tr("Correct an examination") if record else tr("New medical record")
        super().__init__(parent, tr("{title} – {person}").format(title=title, person=person_name))
        self.setObjectName("medicalRecordForm")
        self.setMinimumWidth(700)
        self._medical = medical
        self._clock = clock
        self.pregnancy_offered = sex != "M" or (
            record is not None and record.pregnancy_weeks is not None
        )
        self.body.addWidget(
            muted(
                tr(
                    "Other staff see only the summary: cleared or not, the SSR codes and "
                    "whether an escort travels."
                ),
                self,
            )
        )
        form = QFormLayout()
        # text fields take the width; lists and numbers stay as wide as their values
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form = form
        self._build_examination()
        self._build_decision()
        self._build_conditions()
        self._build_notes()
        for error in self._errors.values():  # a message takes the whole width of the form
            error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body.addLayout(form)
        self.carried = muted("", self)
        self.carried.setObjectName("carriedOver")
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

    # -- building --------------------------------------------------------------------------------
    def _add_rows(self, rows: list[tuple[str, str, QWidget]]) -> None:
        self._errors.update(add_checked_rows(self, self._form, rows))

    def _build_examination(self) -> None:
        """What was examined, when, by whom, and the outcome."""
        self.kind = QComboBox(self)
        self.kind.setObjectName("medicalKind")
        self.kind.addItem(tr("Choose…"), None)
        for value in MEDICAL_KINDS:
            self.kind.addItem(kind_title(value), value)
        now = to_local(self._clock.now())
        self.day = day_edit(self, "examinedOn", now.date())
        self.day.setAccessibleName(tr("Date of the examination"))
        self.time = time_edit(self, "examinedAt", time(now.hour, now.minute // 15 * 15))
        self.time.setAccessibleName(tr("Time of the examination (office time)"))
        moment = field_row(self, self.day, self.time, muted(tr("office time"), self))
        self.examiner = self._line("examiner", tr("the doctor or nurse who examined"))
        self.clinic = self._line("clinic", tr("e.g. IOM clinic Shëngjin"))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("medicalOutcome")
        self.outcome.addItem(tr("Choose…"), None)
        for value in MEDICAL_OUTCOMES:
            self.outcome.addItem(outcome_title(value), value)
        self.outcome_hint = muted("", self)
        self.outcome_hint.setObjectName("outcomeHint")
        decision = field_row(self, self.outcome, self.outcome_hint, grow=self.outcome_hint)
        self._add_rows(
            [
                ("kind", tr("&Kind"), self.kind),
                ("examined_on", tr("&Examined on"), moment),
                ("examiner", tr("E&xaminer"), self.examiner),
                ("clinic", tr("C&linic"), self.clinic),
                ("outcome", tr("&Outcome"), decision),
            ]
        )

    def _build_decision(self) -> None:
        """What some outcomes need: the review of a deferral, the escort."""
        self.review_date = optional_day(
            self, "reviewDate", tr("Choose the review date"), self._clock
        )
        self.review_date.setAccessibleName(tr("Date of the next review"))
        self.escort = QComboBox(self)
        self.escort.setObjectName("medicalEscort")
        self.escort.addItem(tr("Choose…"), None)
        for value, escort_title in ESCORT_TITLES.items():
            self.escort.addItem(tr(escort_title), value)
        self._add_rows(
            [
                ("review_date", tr("&Review on"), self.review_date),
                ("escort", tr("E&scort"), self.escort),
            ]
        )

    def _build_conditions(self) -> None:
        """The conditions of the flight (SSR codes, oxygen, MEDIF) and pregnancy."""
        self.conditions_heading = QLabel(tr("Conditions for the flight"), self)
        self.conditions_heading.setStyleSheet(SECTION_STYLE)
        self.mobility = QComboBox(self)
        self.mobility.setObjectName("mobilitySsr")
        self.mobility.addItem(tr("None: walks unaided"), None)
        for code in MOBILITY_SSR:
            self.mobility.addItem(tr(MOBILITY_TITLES[code]), code)
        self.oxygen = QDoubleSpinBox(self)
        self.oxygen.setObjectName("oxygenLpm")
        self.oxygen.setRange(0, 15)
        self.oxygen.setDecimals(1)
        self.oxygen.setSingleStep(0.5)
        self.oxygen.setSuffix(tr(" l/min"))
        self.oxygen.setSpecialValueText(tr("No oxygen"))
        self.oxygen.setAccessibleName(tr("Oxygen in litres per minute"))
        self.oxygen.setMinimumWidth(
            self.oxygen.fontMetrics().horizontalAdvance(self.oxygen.specialValueText()) + 60
        )
        self.medif = QCheckBox(tr("MEDIF required"), self)
        self.medif.setObjectName("medifRequired")
        self.medif.setToolTip(
            tr("The airline's medical information form must be sent before booking")
        )
        self._breathing = field_row(self, self.oxygen, self.medif, gap=SPACING)
        self._others = self._other_ssr_boxes()
        self.pregnancy = QSpinBox(self)
        self.pregnancy.setObjectName("pregnancyWeeks")
        self.pregnancy.setRange(0, 42)
        self.pregnancy.setSuffix(tr(" weeks"))
        self.pregnancy.setSpecialValueText(tr("Not pregnant"))
        self.pregnancy.setAccessibleName(tr("Weeks of pregnancy at the examination"))
        self.pregnancy.setMinimumWidth(
            self.pregnancy.fontMetrics().horizontalAdvance(self.pregnancy.specialValueText()) + 60
        )
        self._form.addRow(self.conditions_heading)
        self._add_rows(
            [
                ("mobility_ssr", tr("&Mobility"), self.mobility),
                ("oxygen_lpm", tr("Ox&ygen"), self._breathing),
                ("other_ssr", tr("Other SSR &codes"), self._others),
                ("pregnancy_weeks", tr("&Pregnancy"), self.pregnancy),
            ]
        )

    def _other_ssr_boxes(self) -> QWidget:
        others = QWidget(self)
        grid = QGridLayout(others)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING)
        self.other_ssr: dict[str, QCheckBox] = {}
        for number, code in enumerate(OTHER_SSR):  # DEPA and DEPU are never offered
            box = QCheckBox(f"{code} {tr(OTHER_SSR_SHORT[code])}", others)
            box.setObjectName(f"ssr_{code}")
            box.setToolTip(f"{code}: {tr(OTHER_SSR_TITLES[code])}")
            grid.addWidget(box, number // 3, number % 3)
            self.other_ssr[code] = box
        grid.setColumnStretch(3, 1)
        others.setFocusProxy(self.other_ssr[OTHER_SSR[0]])
        return others

    def _build_notes(self) -> None:
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("medicalNotes")
        self.notes.setAccessibleName(tr(NOTES_LABEL))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(tr("Findings, treatment, what to watch on the journey"))
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        label = QLabel(tr("Medical &notes (medical staff only)"), self)
        label.setStyleSheet(SECTION_STYLE)
        label.setBuddy(self.notes)
        self._form.addRow(label)
        self._form.addRow(self.notes)
        error = QLabel(self)
        error.setObjectName("error_notes")
        error.setStyleSheet(palette.text_style(palette.ERROR))
        error.setWordWrap(True)
        self._form.addRow(error)
        self._form.setRowVisible(error, False)
        self._errors["notes"] = error

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

    # -- starting values -------------------------------------------------------------------------
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
        self._set_conditions(record)
        self.pregnancy.setValue(record.pregnancy_weeks or 0)
        self.notes.setPlainText(record.notes)

    def _set_conditions(self, record: MedicalRecordView) -> None:
        select_data(self.mobility, record.mobility_ssr)
        self.oxygen.setValue(record.oxygen_lpm or 0)
        self.medif.setChecked(record.medif_required)
        for code, box in self.other_ssr.items():
            box.setChecked(code in record.other_ssr)

    def _carry_conditions(self, earlier: MedicalRecordView) -> None:
        """A new examination starts from the last one's flight conditions: a check
        recorded as plain "fit" would otherwise drop the wheelchair or oxygen silently."""
        select_data(self.outcome, earlier.outcome)
        select_data(self.escort, earlier.escort)
        self._set_conditions(earlier)
        self.carried.setText(
            tr(
                "Outcome and conditions carried over from the examination of {date}: "
                "change them if they no longer apply."
            ).format(date=f"{to_local(earlier.examined_at):%d %b %Y}")
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
        hint = OUTCOME_HINTS.get(outcome)
        self.outcome_hint.setText(tr(hint) if hint else "")
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
        return None if chosen == NO_DATE else from_qdate(chosen)

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
        # pure validation on the office clock, quick enough for every keystroke
        problems = self._medical.problems(self.value())
        # the date and the time share one row of the form, labelled by the date
        when = problems.pop("examined_at", None)
        if when is not None and "examined_on" not in problems:
            problems["examined_on"] = when
        return problems

    def _untouched_problems(self, names: list[str]) -> None:
        order = list(self._errors)  # the order of the fields on the form
        names = sorted(names, key=lambda n: order.index(n) if n in order else len(order))
        titles = [_FIELD_TITLES.get(n) for n in names]
        self.show_still_needed(
            [tr(t) if t else n.replace("_", " ") for t, n in zip(titles, names, strict=True)]
        )
