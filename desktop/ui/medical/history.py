"""A person's medical history: the examinations, latest first, the chosen one in full
(notes included), the fitness others see, pregnancy against a travel date, and from
there the record form and the prints.

For the medical team only: the window that opens this (the Medical page, or the
household window of a medical user) checks ``MedicalService.may_read`` first, and the
service refuses everyone else anyway. Everything is read and saved off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.medical.examinations import MedicalInput, MedicalRecordView, MedicalService
from desktop.services.medical.fitness import FitnessSummary
from desktop.services.office.clock import OfficeClock
from desktop.ui.kit import operations
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.medical import prints
from desktop.ui.medical.fitness import fitness_badge_style
from desktop.ui.medical.models import record_columns, record_facts, summary_line
from desktop.ui.medical.pregnancy import PregnancyCheck
from desktop.ui.medical.prints import MedicalPrinting
from desktop.ui.medical.record_form import NOTES_LABEL, SECTION_STYLE, MedicalRecordForm

# outcomes whose conditions a following examination starts from
_WITH_CONDITIONS = ("fit_with_conditions", "fit_non_medical_escort", "fit_medical_escort")


@dataclass(frozen=True)
class _History:
    records: list[MedicalRecordView]
    summary: FitnessSummary


class MedicalHistoryDialog(QDialog):
    """A person's examinations, latest first, with the one chosen in full (notes
    included), the fitness others see and pregnancy against a travel date.

    Medical users with ``can_write`` record new examinations and correct old ones;
    after each save the dialog reloads with that examination chosen (lists and
    household windows reload from the change notice). Printing needs ``printing``.
    ``clock`` is the office clock.
    """

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
        clock: OfficeClock,
        notices: ChangeNotices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("medicalHistoryDialog")
        #: open previews of certificates follow the records through these
        self._notices = notices
        self.setWindowTitle(tr("Medical records – {case}").format(case=case_number))
        self.setMinimumSize(900, 560)
        self._medical = medical
        self._printing = printing
        self._can_write = can_write
        self._suggested_kind = suggested_kind
        self._clock = clock
        self.person_id = person_id
        self.name = name
        self.case_id = case_id
        self.case_number = case_number
        self.sex = sex
        self.records: list[MedicalRecordView] = []
        self.summary: FitnessSummary | None = None
        #: "now" of the last load: what has expired is judged once per load
        self._now = self._clock.now()

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(self._build_heading())
        self.pregnancy = PregnancyCheck(self, medical, case_id, person_id, self._clock)
        layout.addWidget(self.pregnancy)
        self.message = InlineMessage(self)
        self.message.setObjectName("medicalMessage")
        layout.addWidget(self.message)
        layout.addWidget(self._build_split(), 1)
        layout.addLayout(self._build_actions())
        self.resize(1140, 680)
        self._update_buttons()
        self.reload()

    # -- building --------------------------------------------------------------------------------
    def _build_heading(self) -> QVBoxLayout:
        """The person, the household and the fitness others see."""
        column = QVBoxLayout()
        top = QHBoxLayout()
        title = heading(self.name or tr("(no name)"), self, 1.3)
        title.setObjectName("medicalPerson")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(title)
        top.addSpacing(SPACING)
        top.addWidget(QLabel(self.case_number, self))
        top.addStretch(1)
        column.addLayout(top)
        fitness = QHBoxLayout()
        fitness.addWidget(QLabel(tr("Fitness to travel now:"), self))
        self.summary_label = QLabel("…", self)
        self.summary_label.setObjectName("fitnessSummary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setToolTip(tr("What other staff see: no diagnosis, no notes"))
        fitness.addWidget(self.summary_label)
        fitness.addStretch(1)
        column.addLayout(fitness)
        return column

    def _build_split(self) -> QSplitter:
        """The examinations beside the chosen one in full."""
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        exams = QGroupBox(tr("Examinations, latest first"), split)
        box = QVBoxLayout(exams)
        self.columns = record_columns(lambda: self._now)
        self.model: RecordListModel[MedicalRecordView] = RecordListModel(self.columns)
        self.model.setParent(self)
        self.table = record_table(exams, "medicalRecordsTable", self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        box.addWidget(self.table)
        self.empty = muted(tr("No examination recorded yet."), exams)
        self.empty.setObjectName("noRecords")
        self.empty.hide()
        box.addWidget(self.empty)
        details = QGroupBox(tr("The selected examination"), split)
        column = QVBoxLayout(details)
        self._facts = QFormLayout()
        self._facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        column.addLayout(self._facts)
        notes_title = QLabel(tr(NOTES_LABEL), details)
        notes_title.setStyleSheet(SECTION_STYLE)
        column.addWidget(notes_title)
        self.notes = QPlainTextEdit(details)
        self.notes.setObjectName("medicalNotesView")
        self.notes.setAccessibleName(tr(NOTES_LABEL))
        self.notes.setReadOnly(True)
        column.addWidget(self.notes, 1)
        split.addWidget(exams)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 420])
        return split

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.new_button = add_button(
            self, actions, tr("New record…"), "newMedicalRecord", self.new_record
        )
        self.correct_button = add_button(
            self,
            actions,
            tr("Correct…"),
            "correctMedicalRecord",
            self.correct,
            tr("Change the selected examination (the change is audited)"),
        )
        actions.addSpacing(SPACING)
        self.certificate_button = QPushButton(tr("Print certificate…"), self)
        self.certificate_button.setObjectName("printCertificate")
        menu = QMenu(self.certificate_button)
        self.certificate_person_action = menu.addAction(
            tr("This person"), lambda: self.print_certificates(household=False)
        )
        self.certificate_household_action = menu.addAction(
            tr("The whole household"), lambda: self.print_certificates(household=True)
        )
        self.certificate_button.setMenu(menu)
        self.certificate_button.setToolTip(
            tr("Fitness-to-travel certificates for the airline: no diagnosis, no notes")
        )
        actions.addWidget(self.certificate_button)
        self.envelope_button = add_button(
            self,
            actions,
            tr("Print envelope cover…"),
            "printEnvelope",
            self.print_envelope,
            tr("The MEDICAL-IN-CONFIDENCE cover sheet listing the household's medical documents"),
        )
        actions.addStretch(1)
        close = QPushButton(tr("Close"), self)
        close.setObjectName("closeMedicalHistory")
        close.clicked.connect(lambda _c=False: self.reject())
        actions.addWidget(close)
        for button in (self.new_button, self.correct_button):
            button.setVisible(self._can_write)
        for button in (self.certificate_button, self.envelope_button):
            button.setVisible(self._printing is not None)
        return actions

    # -- loading ---------------------------------------------------------------------------------
    def loading(self) -> bool:
        """Whether the history (or a print) is still on its way; household-window tests
        wait on it (``operations.is_busy``)."""
        return operations.is_busy(self)

    def reload(self, select_id: str | None = None) -> None:
        """Read the history again, keeping the chosen examination (or choosing
        ``select_id``); a newer reload replaces one still running."""
        medical, person_id = self._medical, self.person_id
        chosen = self.selected()
        keep = select_id or (chosen.id if chosen else None)

        def work() -> _History:
            return _History(medical.history(person_id), medical.summary_of(person_id))

        QueryOp(self, work).replacing("history").success(
            lambda found: self._loaded(found, keep)
        ).failure(self._failed).run()
        self._update_buttons()

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)
        self._update_buttons()

    def _loaded(self, found: _History, keep: str | None) -> None:
        self._now = self._clock.now()
        self.records, self.summary = found.records, found.summary
        self.summary_label.setText(summary_line(found.summary))
        self.summary_label.setStyleSheet(fitness_badge_style(found.summary))
        self.model.set_rows(found.records)
        self.table.setVisible(bool(found.records))
        self.empty.setVisible(not found.records)
        if found.records:
            fit_table(self.table, self.columns)
            ids = [r.id for r in found.records]
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        else:
            self._show_selected()
        self.pregnancy.show_for(self.records[0] if self.records else None, self.summary)
        self._update_buttons()

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
        self.notes.setPlaceholderText(tr("No notes.") if record else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        # the pregnancy check runs on its own and holds nothing up
        idle = not operations.is_busy(self)
        self.new_button.setEnabled(self._can_write and idle)
        self.correct_button.setEnabled(self._can_write and idle and self.selected() is not None)
        self.certificate_button.setEnabled(idle)
        self.envelope_button.setEnabled(idle)

    # -- recording -------------------------------------------------------------------------------
    def new_record(self) -> MedicalRecordForm | None:
        if not self._can_write:
            return None
        latest = self.records[0] if self.records else None
        form = MedicalRecordForm(
            self,
            self._medical,
            self._clock,
            self.name,
            sex=self.sex,
            kind=self._suggested_kind,
            clinic=latest.clinic if latest else "",
            conditions_from=latest if latest and latest.outcome in _WITH_CONDITIONS else None,
        )
        medical, person_id = self._medical, self.person_id
        self._open_form(
            form, lambda data: medical.add(person_id, data), tr("Examination recorded.")
        )
        return form

    def correct(self) -> MedicalRecordForm | None:
        record = self.selected()
        if not self._can_write or record is None:
            return None
        form = MedicalRecordForm(
            self, self._medical, self._clock, self.name, sex=self.sex, record=record
        )
        medical, record_id = self._medical, record.id

        def action(data: MedicalInput) -> str:
            medical.update(record_id, data)
            return record_id

        self._open_form(form, action, tr("Correction saved (the change is in the audit log)."))
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
            if result != QDialog.DialogCode.Accepted:
                return
            self.message.show_notice(notice)
            self.reload(saved[0] if saved else None)

        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(finished)
        form.open()

    # -- printing --------------------------------------------------------------------------------
    def print_certificates(self, *, household: bool) -> None:
        if self._printing is not None:
            person = None if household else self.person_id
            job = prints.certificates(self._printing, self.case_id, self.case_number, person)
            prints.print_job(self, job, self.message, self._update_buttons, self._notices)

    def print_envelope(self) -> None:
        if self._printing is not None:
            job = prints.envelope(self._printing, self.case_id, self.case_number)
            prints.print_job(self, job, self.message, self._update_buttons, self._notices)

    def done(self, result: int) -> None:
        # what is still on its way is for a closed window: drop it
        operations.abandon(self)
        operations.abandon(self.pregnancy)
        for child in self.findChildren(QDialog):
            if child.isVisible():
                child.reject()
        super().done(result)
