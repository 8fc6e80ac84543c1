"""One household in its own window: members, their documents and custody, the
status timeline, and the dialogs that change them.

Every change is a service call run off the GUI thread from the dialog's OK; the
window then reloads the whole case from ``RegistrationService.case_detail``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError, PermissionDenied
from desktop.services.changes import Change, Kind
from desktop.services.journey.transitions import JourneyService, StatusChoices
from desktop.services.medical.fitness import FitnessSummary
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.duplicates import Candidate
from desktop.services.registry.registration import (
    CaseDetail,
    CaseInput,
    DocumentInput,
    DocumentRecord,
    MemberRecord,
    PersonInput,
    RegistrationService,
    StatusStep,
)
from desktop.services.vocabulary import LANGUAGES
from desktop.ui.appointments.case_schedule import CaseSchedule, CaseSchedulePanel
from desktop.ui.kit import dialogs
from desktop.ui.kit.forms import FormDialog, select_data
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import Column, RecordListModel, fit_table, record_table, words
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.medical.fitness import CaseFitness
from desktop.ui.medical.history import MedicalHistoryDialog
from desktop.ui.registry.consent_protection import ConsentDialog, ProtectionDialog
from desktop.ui.registry.document_dialogs import (
    CustodyDialog,
    CustodyLog,
    DocumentDialog,
    document_title,
    local_time,
)
from desktop.ui.registry.models import date_of_birth
from desktop.ui.registry.person_form import PersonForm
from desktop.ui.registry.status_dialog import StatusDialog
from desktop.ui.worker import run_in_background

READ_ONLY = "Read only: your role can see households but not change them."


# -- how a case reads -----------------------------------------------------------------------


def member_name(member: MemberRecord) -> str:
    return " ".join(p for p in (member.given_name, member.family_name) if p)


MEMBER_COLUMNS: list[Column[MemberRecord]] = [
    Column("Relationship", lambda m: words(m.relationship), sample="Granddaughter"),
    Column("Given name", lambda m: m.given_name, sample="Abdul Karim", tip=True),
    Column("Family name", lambda m: m.family_name, sample="Ahmadzai", tip=True),
    Column("Father's name", lambda m: m.father_name, sample="Abdul Rahman", tip=True),
    Column(
        "Name (native script)",
        lambda m: m.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column("Sex", lambda m: m.sex, sample="M"),
    Column(
        "Date of birth",
        lambda m: date_of_birth(m.date_of_birth, m.dob_precision),
        sample="0000-00-00",
    ),
    Column("Nationality", lambda m: m.nationality, sample="AFG"),
    Column("Needs", lambda m: "Yes" if m.specific_needs else "No"),
]
FITNESS_TIP = "Fitness to travel: the summary of the latest medical examination, no details"


def member_columns(fitness: Callable[[str], str] | None) -> list[Column[MemberRecord]]:
    """The members' columns; with ``fitness`` (a person id's summary) a Fitness column."""
    if fitness is None:
        return MEMBER_COLUMNS
    return [
        *MEMBER_COLUMNS,
        Column(
            "Fitness",
            lambda m: fitness(m.id),
            sample="Cleared - assistance: WCHR",
            tip=True,
            header_tip=FITNESS_TIP,
        ),
    ]


DOCUMENT_COLUMNS: list[Column[DocumentRecord]] = [
    Column("Type", lambda d: document_title(d.doc_type), sample="Convention travel document"),
    Column("Number", lambda d: d.number, sample="P01234567"),
    Column("Issued by", lambda d: d.issuing_country or ""),
    Column("Issued", lambda d: d.issue_date.isoformat() if d.issue_date else ""),
    Column("Expires", lambda d: d.expiry_date.isoformat() if d.expiry_date else ""),
    Column("MRZ", lambda d: "Yes" if d.machine_readable else "No"),
    Column("Kept by", lambda d: words(d.custody), sample="Handed at airport"),
]

STEP_COLUMNS: list[Column[StatusStep]] = [
    Column("When", lambda s: local_time(s.at), sample="2026-01-01 00:00"),
    Column("Status", lambda s: words(s.status), sample="Medical in progress"),
    Column("Reason", lambda s: s.reason, tip=True, sample="Interview on Tuesday"),
    Column("By", lambda s: s.by, sample="registration"),
]


# -- dialogs ------------------------------------------------------------------------------------


class HouseholdDialog(FormDialog):
    """The fields of a case (new or existing), and its notes."""

    def __init__(self, parent: QWidget | None, case: CaseDetail | None = None) -> None:
        super().__init__(parent, f"Household {case.case_number}" if case else "New household")
        self.setObjectName("householdDialog")
        form = QFormLayout()
        self.destination = QLineEdit(self)
        self.destination.setObjectName("destination")
        self.destination.setPlaceholderText("3-letter code, e.g. CAN")
        self.destination.setMaxLength(3)
        self.programme = QLineEdit(self)
        self.programme.setObjectName("programme")
        self.partner = QLineEdit(self)
        self.partner.setObjectName("partner")
        self.family_language = QComboBox(self)
        self.family_language.setObjectName("familyLanguage")
        self.family_language.addItem("Not recorded", None)
        for language in LANGUAGES:
            self.family_language.addItem(language, language)
        self.accommodation = QLineEdit(self)
        self.accommodation.setObjectName("accommodation")
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("contactPhone")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("caseNotes")
        self.notes.setTabChangesFocus(True)
        form.addRow("&Destination", self.destination)
        form.addRow("&Programme", self.programme)
        form.addRow("P&artner", self.partner)
        form.addRow("Family &language", self.family_language)
        form.addRow("Acc&ommodation", self.accommodation)
        form.addRow("&Contact phone", self.contact_phone)
        form.addRow("&Notes", self.notes)
        self.body.addLayout(form)
        self.finish_layout()
        if case is not None:
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


# -- the window ---------------------------------------------------------------------------------


class CaseView(QWidget):
    """A household in its own non-modal window (one per case, see ``open_case_view``)."""

    def __init__(
        self,
        registration: RegistrationService,
        case_id: str,
        parent: QWidget | None = None,
        *,
        can_write: bool = True,
        schedule: CaseSchedule | None = None,
        fitness: CaseFitness | None = None,
        journey: JourneyService | None = None,
        clock: OfficeClock | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("caseView")
        self.setWindowTitle("Household")
        self.resize(1100, 760)
        self._registration = registration
        self._journey = journey
        #: the office clock (None: the computer's, read as office time)
        self._clock = clock
        self.case_id = case_id
        self.case: CaseDetail | None = None
        self._closing = False
        self._loads = 0
        self._loading = False
        self._can_write = can_write
        self._fitness = fitness
        #: each member's fitness summary (empty without ``fitness``)
        self.fitness_summaries: dict[str, FitnessSummary] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        top = QHBoxLayout()
        self.title = heading("Household", self)
        self.title.setObjectName("caseNumber")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title)
        top.addSpacing(SPACING)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("caseStatus")
        self.status_label.setStyleSheet(
            "QLabel { background: #e0e7ff; color: #1e3a8a; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }"
        )
        top.addWidget(self.status_label)
        #: the readiness badge goes here once the schedule panel exists
        self._top = top
        top.addStretch(1)
        self.edit_case_button = self._button(top, "Edit household…", self.edit_household)
        self.status_button = self._button(top, "Change status…", self.change_status)
        layout.addLayout(top)
        self.facts = QLabel(self)
        self.facts.setObjectName("caseFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)

        self.message = InlineMessage(self)
        self.message.setObjectName("caseMessage")
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        members = QGroupBox("Members", split)
        box = QVBoxLayout(members)
        self._member_columns = member_columns(self._fitness_text if fitness else None)
        self.members_model: RecordListModel[MemberRecord] = RecordListModel(self._member_columns)
        self.members_model.setParent(self)
        self.members_table = record_table(members, "membersTable", self.members_model)
        self.members_table.doubleClicked.connect(lambda _i: self.edit_member())
        box.addWidget(self.members_table)
        row = QHBoxLayout()
        self.add_member_button = self._button(row, "Add member…", self.add_member)
        self.edit_member_button = self._button(row, "Edit member…", self.edit_member)
        self.consent_button = self._button(row, "Consent…", self.show_consent)
        self.protection_button: QPushButton | None = None
        if registration.may_see_protection:
            self.protection_button = self._button(row, "Protection…", self.show_protection)
        self.medical_button: QPushButton | None = None
        if fitness is not None and fitness.shows_records:
            self.medical_button = self._button(row, "Medical records…", self.show_medical)
            self.medical_button.setToolTip("The selected member's examinations (medical team only)")
        row.addStretch(1)
        box.addLayout(row)

        documents = QGroupBox("Documents of the selected member", split)
        box = QVBoxLayout(documents)
        inner = QHBoxLayout()
        self.documents_model: RecordListModel[DocumentRecord] = RecordListModel(DOCUMENT_COLUMNS)
        self.documents_model.setParent(self)
        self.documents_table = record_table(documents, "documentsTable", self.documents_model)
        self.documents_table.doubleClicked.connect(lambda _i: self.move_custody())
        inner.addWidget(self.documents_table, 3)
        self.custody_log = CustodyLog(documents)
        self.custody_log.setToolTip("Where the selected document has been")
        inner.addWidget(self.custody_log, 2)
        box.addLayout(inner)
        row = QHBoxLayout()
        self.add_document_button = self._button(row, "Add document…", self.add_document)
        self.custody_button = self._button(row, "Move custody…", self.move_custody)
        row.addStretch(1)
        box.addLayout(row)

        lower = QWidget(split)
        below = QHBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        timeline = QGroupBox("Status timeline", lower)
        box = QVBoxLayout(timeline)
        self.timeline_model: RecordListModel[StatusStep] = RecordListModel(STEP_COLUMNS)
        self.timeline_model.setParent(self)
        self.timeline_table = record_table(timeline, "timelineTable", self.timeline_model)
        self.timeline_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        box.addWidget(self.timeline_table)
        below.addWidget(timeline, 3)
        notes = QGroupBox("Notes", lower)
        box = QVBoxLayout(notes)
        self.notes = QPlainTextEdit(notes)
        self.notes.setObjectName("caseNotesView")
        self.notes.setReadOnly(True)
        box.addWidget(self.notes)
        below.addWidget(notes, 2)
        split.addWidget(members)
        split.addWidget(documents)
        # appointments, orientation and travel readiness: the history becomes a tab beside them
        self.schedule_panel: CaseSchedulePanel | None = None
        if schedule is not None:
            self.resize(1240, 760)  # room for the appointments beside the readiness box
            below.setContentsMargins(0, SPACING // 2, 0, 0)
            panel = CaseSchedulePanel(split, schedule, case_id, lower, self._attendees)
            panel.changed.connect(self.reload)
            self._top.insertWidget(self._top.indexOf(self.status_label) + 1, panel.badge)
            self.schedule_panel = panel
            split.addWidget(panel)
            split.setSizes([230, 170, 320])
        else:
            split.addWidget(lower)
            split.setSizes([300, 200, 220])

        self.read_only_note = muted(READ_ONLY, self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.hide()
        layout.addWidget(self.read_only_note)

        self.members_table.selectionModel().selectionChanged.connect(self._member_selected)
        self.documents_table.selectionModel().selectionChanged.connect(self._document_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self._fitted = False
        self._update_buttons()
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        name = text.rstrip("…").replace(" ", "_").lower() + "_button"
        return add_button(self, row, text, name, slot)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._closing:
            return
        self._loads += 1
        request = self._loads
        self._loading = True
        registration, case_id = self._registration, self.case_id
        fitness = self._fitness.fitness if self._fitness is not None else None

        def work() -> tuple[CaseDetail, dict[str, FitnessSummary]]:
            detail = registration.case_detail(case_id)
            if fitness is None:
                return detail, {}
            return detail, fitness.summaries([m.id for m in detail.members])

        run_in_background(
            work,
            lambda found: self._loaded(request, *found),
            lambda error: self._load_failed(request, error),
        )
        if self.schedule_panel is not None:
            self.schedule_panel.reload()

    def loading(self) -> bool:
        panel = self.schedule_panel
        return self._loading or (panel is not None and panel.loading())

    def _attendees(self) -> list[tuple[str, str]]:
        """The household's people for a new appointment: ``(person_id, name)``."""
        return [(m.id, member_name(m)) for m in self.case.members] if self.case else []

    def _loaded(self, request: int, case: CaseDetail, fitness: dict[str, FitnessSummary]) -> None:
        if self._closing or request != self._loads:
            return
        self._loading = False
        self.fitness_summaries = fitness
        selected = self.selected_member()
        member_id = selected.id if selected else None
        document = self.selected_document()
        self.case = case
        self.message.clear()
        self.setWindowTitle(f"Household {case.case_number}")
        self.title.setText(case.case_number)
        self.status_label.setText(words(case.status))
        facts = [
            ("Destination", case.destination_country),
            ("Programme", case.programme),
            ("Partner", case.partner),
            ("Family language", case.family_language),
            ("Accommodation", case.accommodation),
            ("Contact phone", case.contact_phone),
        ]
        self.facts.setText("   ·   ".join(f"{label}: {value or '—'}" for label, value in facts))
        self.notes.setPlainText(case.notes)
        self.members_model.set_rows(case.members)
        self.timeline_model.set_rows(case.history)
        self.timeline_table.scrollToBottom()
        if not self._fitted and case.members:
            fit_table(self.members_table, self._member_columns)
            fit_table(self.timeline_table, STEP_COLUMNS)
            self._fitted = True
        ids = [m.id for m in case.members]
        row = ids.index(member_id) if member_id in ids else 0
        if case.members:
            self.members_table.selectRow(row)
        self._show_documents(document.id if document else None)
        self._update_buttons()

    def _load_failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._loads:
            return
        self._loading = False
        self.message.show_error(error.message)

    # -- selection -----------------------------------------------------------------------------
    def selected_member(self) -> MemberRecord | None:
        rows = self.members_table.selectionModel().selectedRows()
        return self.members_model.record(rows[0].row()) if rows else None

    def selected_document(self) -> DocumentRecord | None:
        rows = self.documents_table.selectionModel().selectedRows()
        return self.documents_model.record(rows[0].row()) if rows else None

    def _member_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_documents(None)
        self._update_buttons()

    def _show_documents(self, document_id: str | None) -> None:
        member = self.selected_member()
        documents = member.documents if member else ()
        self.documents_model.set_rows(documents)
        ids = [d.id for d in documents]
        if documents:
            self.documents_table.selectRow(ids.index(document_id) if document_id in ids else 0)
        self._document_selected()

    def _document_selected(self, *_args: object) -> None:
        document = self.selected_document()
        self.custody_log.set_steps(document.custody_history if document else ())
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self._can_write and self.case is not None
        member = self.selected_member() is not None
        self.edit_case_button.setEnabled(writable)
        self.status_button.setEnabled(writable)
        self.add_member_button.setEnabled(writable)
        self.edit_member_button.setEnabled(writable and member)
        self.consent_button.setEnabled(member)
        if self.protection_button is not None:
            self.protection_button.setEnabled(member)
        if self.medical_button is not None:
            self.medical_button.setEnabled(member)
        self.add_document_button.setEnabled(writable and member)
        self.custody_button.setEnabled(writable and self.selected_document() is not None)
        self.read_only_note.setVisible(not self._can_write)

    def can_write(self) -> bool:
        return self._can_write

    def _fitness_text(self, person_id: str) -> str:
        summary = self.fitness_summaries.get(person_id)
        return summary.text if summary is not None else ""

    # -- changes -------------------------------------------------------------------------------
    def _may_write(self) -> bool:
        if self._can_write:
            return True
        dialogs.show_error(self, "Read only", READ_ONLY)
        return False

    def _open(
        self,
        dialog: FormDialog,
        action: Callable[[Any], Any],
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Show ``dialog``; its OK runs ``action(dialog.value())`` off the GUI thread,
        then the case reloads and ``after`` gets what the action returned."""
        denied: list[PermissionDenied] = []
        results: list[Any] = []

        def guarded(value: Any) -> Any:
            try:
                result = action(value)
            except PermissionDenied as exc:
                denied.append(exc)
                raise
            results.append(result)
            return result

        def finished(_result: int) -> None:
            if denied and self._can_write:
                # the role does not allow changes (the dialog said why): stop offering them
                self._can_write = False
                self._update_buttons()
            if dialog.result() == QDialog.DialogCode.Accepted:
                self.reload()
                if after is not None and results:
                    after(results[0])

        dialog.submit(guarded)
        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_household(self) -> None:
        if self.case is None or not self._may_write():
            return
        dialog = HouseholdDialog(self, self.case)
        registration, case_id = self._registration, self.case_id
        self._open(dialog, lambda data: registration.update_case(case_id, data))

    def change_status(self) -> None:
        """Read what the journey allows now, then offer it (and say why not the rest)."""
        journey, case_id = self._journey, self.case_id
        if self.case is None or journey is None or not self._may_write():
            return
        QueryOp(self, lambda: journey.choices(case_id)).replacing("status").success(
            self._offer_statuses
        ).failure(lambda error: self.message.show_error(error.message)).run()

    def _offer_statuses(self, choices: StatusChoices) -> None:
        journey, case_id = self._journey, self.case_id
        assert journey is not None
        dialog = StatusDialog(self, choices)

        def action(chosen: tuple[str, str, bool]) -> None:
            status, reason, override = chosen
            journey.change_status(case_id, status, reason, override=override)

        self._open(dialog, action)

    def shows(self, change: Change) -> bool:
        """Whether ``change`` touches what this window shows: its household, or the
        sessions, places and settings its schedule and readiness depend on."""
        return change.touches_case(self.case_id) or change.touches(
            Kind.ORIENTATION, Kind.PLACE, Kind.SETTING
        )

    def add_member(self) -> None:
        if self.case is None or not self._may_write():
            return
        has_principal = any(m.relationship == "principal" for m in self.case.members)
        form = PersonForm(self, relationship=None if has_principal else "principal")
        registration, case_id = self._registration, self.case_id

        def action(value: tuple[PersonInput, DocumentInput | None]) -> list[Candidate]:
            person, scanned = value
            # one transaction: a failure never leaves the person saved without the passport
            person_id = registration.add_person(case_id, person, scanned)
            try:
                return registration.possible_duplicates(person_id)
            except KnownError:
                return []  # saved; the Duplicates page can check again

        self._open(form, action, self._warn_duplicates)

    def edit_member(self) -> None:
        member = self.selected_member()
        if member is None or not self._may_write():
            return
        form = PersonForm(self, member)
        registration = self._registration

        def action(value: tuple[PersonInput, DocumentInput | None]) -> list[Candidate]:
            registration.update_person(member.id, value[0])
            return registration.possible_duplicates(member.id)

        self._open(form, action, self._warn_duplicates)

    def _warn_duplicates(self, found: list[Candidate]) -> None:
        """Saved, but maybe registered before: say so with the reasons (nothing merges)."""
        if not found or self._closing:
            return
        lines = [
            f"{c.level.capitalize()} ({c.score:.0f}): {c.second.case_number} "
            f"{' '.join(p for p in (c.second.given_name, c.second.family_name) if p)}"
            f" - {'; '.join(c.reasons)}"
            for c in found[:5]
        ]
        dialogs.show_info(
            self,
            "Possible duplicate",
            "The person was saved, but may already be registered:\n\n"
            + "\n".join(lines)
            + "\n\nCompare and merge them on the Duplicates page, or mark them as "
            "different people there.",
        )

    def add_document(self) -> None:
        member = self.selected_member()
        if member is None or not self._may_write():
            return
        dialog = DocumentDialog(self, member_name(member))
        registration = self._registration
        self._open(dialog, lambda document: registration.add_document(member.id, document))

    def move_custody(self) -> None:
        document = self.selected_document()
        if document is None or not self._may_write():
            return
        dialog = CustodyDialog(self, document)
        registration = self._registration

        def action(chosen: tuple[str, str]) -> None:
            registration.move_custody(document.id, *chosen)

        self._open(dialog, action)

    def show_consent(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        registration = self._registration
        editable = self._can_write and registration.may_edit
        dialog = ConsentDialog(
            self, registration, member.id, member_name(member), editable=editable
        )

        def action(value: tuple[str, date, str]) -> None:
            registration.record_consent(member.id, *value)

        self._open(dialog, action)

    def show_protection(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        registration = self._registration
        dialog = ProtectionDialog(
            self,
            registration,
            member.id,
            member_name(member),
            editable=registration.may_edit_protection,
        )
        dialog.submit(lambda value: registration.set_protection(member.id, *value))
        dialog.finished.connect(
            lambda _r: self.reload() if dialog.result() == QDialog.DialogCode.Accepted else None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_medical(self) -> MedicalHistoryDialog | None:
        """The selected member's medical records (medical team only)."""
        member = self.selected_member()
        access = self._fitness
        if member is None or self.case is None or access is None or access.medical is None:
            return None
        if not access.shows_records:
            return None
        dialog = MedicalHistoryDialog(
            self,
            access.medical,
            member.id,
            name=member_name(member),
            case_id=self.case_id,
            case_number=self.case.case_number,
            sex=member.sex,
            printing=access.printing,
            can_write=access.can_write,
        )
        dialog.changed.connect(lambda _case_id: self.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self.schedule_panel is not None:
            self.schedule_panel.close_dialogs()
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        super().closeEvent(event)
