"""One household in its own window: members, their documents and custody, the status
timeline, and (where given) the schedule panel and the members' fitness to travel.

The window loads the whole case from ``RegistrationService.case_detail`` off the GUI
thread, and loads it again whenever a change notice touches it (``CaseWindows`` asks
``shows``), keeping the selected member and document. What its buttons change is in
``case_actions``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.journey.transitions import JourneyService
from desktop.services.medical.fitness import FitnessSummary
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.household_types import (
    CaseDetail,
    DocumentRecord,
    MemberRecord,
    StatusStep,
)
from desktop.services.registry.registration import RegistrationService
from desktop.ui.appointments.case_schedule import CaseSchedule, CaseSchedulePanel
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, add_button, heading, muted
from desktop.ui.medical.fitness import CaseFitness
from desktop.ui.registry.case_actions import READ_ONLY, CaseActions
from desktop.ui.registry.case_tables import (
    DOCUMENT_COLUMNS,
    STEP_COLUMNS,
    member_columns,
    member_name,
)
from desktop.ui.registry.document_dialogs import CustodyLog
from desktop.ui.registry.vocabulary import status_text

#: the facts under the case number: label, and the field of the case it shows
_FACTS = (
    (tr_noop("Destination"), "destination_country"),
    (tr_noop("Programme"), "programme"),
    (tr_noop("Partner"), "partner"),
    (tr_noop("Family language"), "family_language"),
    (tr_noop("Accommodation"), "accommodation"),
    (tr_noop("Contact phone"), "contact_phone"),
)


class CaseView(CaseActions):
    """A household in its own non-modal window (one per case, see ``CaseWindows``)."""

    #: the household was loaded and is shown (after opening, and after each change)
    loaded = Signal()

    def __init__(
        self,
        registration: RegistrationService,
        case_id: str,
        parent: QWidget | None = None,
        *,
        can_write: bool = True,
        schedule: CaseSchedule | None = None,
        fitness: CaseFitness | None = None,
        journey: JourneyService,
        clock: OfficeClock,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("caseView")
        self.setWindowTitle(tr("Household"))
        self.resize(1100, 760)
        self._registration = registration
        self._journey = journey
        self._clock = clock
        self.case_id = case_id
        self.case = None
        self._can_write = can_write
        self._fitness = fitness
        #: each member's fitness summary (empty without ``fitness``)
        self.fitness_summaries: dict[str, FitnessSummary] = {}
        self._fitted = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(self._build_top())
        self.facts = QLabel(self)
        self.facts.setObjectName("caseFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        self.message = InlineMessage(self)
        self.message.setObjectName("caseMessage")
        layout.addWidget(self.message)

        layout.addWidget(self._build_split(schedule), 1)

        self.read_only_note = muted(tr(READ_ONLY), self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.hide()
        layout.addWidget(self.read_only_note)

        self.members_table.selectionModel().selectionChanged.connect(self._member_selected)
        self.documents_table.selectionModel().selectionChanged.connect(self._document_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self._update_buttons()
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def _build_split(self, schedule: CaseSchedule | None) -> QSplitter:
        """Members over documents over the history; with ``schedule``, the history becomes a
        tab beside the appointments, orientation and travel readiness."""
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_members(split))
        split.addWidget(self._build_documents(split))
        lower, below = self._build_history(split)
        self.schedule_panel: CaseSchedulePanel | None = None
        if schedule is None:
            split.addWidget(lower)
            split.setSizes([300, 200, 220])
            return split
        self.resize(1240, 760)  # room for the appointments beside the readiness box
        below.setContentsMargins(0, SPACING // 2, 0, 0)
        panel = CaseSchedulePanel(split, schedule, self.case_id, lower, self._attendees)
        self._top.insertWidget(self._top.indexOf(self.status_label) + 1, panel.badge)
        self.schedule_panel = panel
        split.addWidget(panel)
        split.setSizes([230, 170, 320])
        return split

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = heading(tr("Household"), self)
        self.title.setObjectName("caseNumber")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title)
        top.addSpacing(SPACING)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("caseStatus")
        self.status_label.setStyleSheet(palette.badge_style(palette.BADGE_STATUS))
        top.addWidget(self.status_label)
        #: the readiness badge goes here once the schedule panel exists
        self._top = top
        top.addStretch(1)
        self.edit_case_button = add_button(
            self, top, tr("Edit household…"), "edit_household_button", self.edit_household
        )
        self.status_button = add_button(
            self, top, tr("Change status…"), "change_status_button", self.change_status
        )
        return top

    def _build_members(self, split: QSplitter) -> QGroupBox:
        members = QGroupBox(tr("Members"), split)
        box = QVBoxLayout(members)
        fitness = self._fitness
        self._member_columns = member_columns(self._fitness_text if fitness else None)
        self.members_model: RecordListModel[MemberRecord] = RecordListModel(self._member_columns)
        self.members_model.setParent(self)
        self.members_table = record_table(members, "membersTable", self.members_model)
        self.members_table.doubleClicked.connect(lambda _i: self.edit_member())
        box.addWidget(self.members_table)
        row = QHBoxLayout()
        self.add_member_button = add_button(
            self, row, tr("Add member…"), "add_member_button", self.add_member
        )
        self.edit_member_button = add_button(
            self, row, tr("Edit member…"), "edit_member_button", self.edit_member
        )
        self.consent_button = add_button(
            self, row, tr("Consent…"), "consent_button", self.show_consent
        )
        self.protection_button: QPushButton | None = None
        if self._registration.may_see_protection:
            self.protection_button = add_button(
                self, row, tr("Protection…"), "protection_button", self.show_protection
            )
        self.medical_button: QPushButton | None = None
        if fitness is not None and fitness.shows_records:
            self.medical_button = add_button(
                self, row, tr("Medical records…"), "medical_records_button", self.show_medical
            )
            self.medical_button.setToolTip(
                tr("The selected member's examinations (medical team only)")
            )
        row.addStretch(1)
        box.addLayout(row)
        return members

    def _build_documents(self, split: QSplitter) -> QGroupBox:
        documents = QGroupBox(tr("Documents of the selected member"), split)
        box = QVBoxLayout(documents)
        inner = QHBoxLayout()
        self.documents_model: RecordListModel[DocumentRecord] = RecordListModel(DOCUMENT_COLUMNS)
        self.documents_model.setParent(self)
        self.documents_table = record_table(documents, "documentsTable", self.documents_model)
        self.documents_table.doubleClicked.connect(lambda _i: self.move_custody())
        inner.addWidget(self.documents_table, 3)
        self.custody_log = CustodyLog(documents)
        self.custody_log.setToolTip(tr("Where the selected document has been"))
        inner.addWidget(self.custody_log, 2)
        box.addLayout(inner)
        row = QHBoxLayout()
        self.add_document_button = add_button(
            self, row, tr("Add document…"), "add_document_button", self.add_document
        )
        self.custody_button = add_button(
            self, row, tr("Move custody…"), "move_custody_button", self.move_custody
        )
        row.addStretch(1)
        box.addLayout(row)
        return documents

    def _build_history(self, split: QSplitter) -> tuple[QWidget, QHBoxLayout]:
        """The status timeline and the notes, side by side."""
        lower = QWidget(split)
        below = QHBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        timeline = QGroupBox(tr("Status timeline"), lower)
        box = QVBoxLayout(timeline)
        self.timeline_model: RecordListModel[StatusStep] = RecordListModel(STEP_COLUMNS)
        self.timeline_model.setParent(self)
        self.timeline_table = record_table(timeline, "timelineTable", self.timeline_model)
        self.timeline_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        box.addWidget(self.timeline_table)
        below.addWidget(timeline, 3)
        notes = QGroupBox(tr("Notes"), lower)
        box = QVBoxLayout(notes)
        self.notes = QPlainTextEdit(notes)
        self.notes.setObjectName("caseNotesView")
        self.notes.setReadOnly(True)
        box.addWidget(self.notes)
        below.addWidget(notes, 2)
        return lower, below

    # -- loading -------------------------------------------------------------------------------
    def reload(self, *, quiet: bool = False) -> None:
        """Load the household again (``quiet``: a change elsewhere, no busy cursor)."""
        registration, case_id = self._registration, self.case_id
        fitness = self._fitness.fitness if self._fitness is not None else None

        def work() -> tuple[CaseDetail, dict[str, FitnessSummary]]:
            detail = registration.case_detail(case_id)
            if fitness is None:
                return detail, {}
            return detail, fitness.summaries([m.id for m in detail.members])

        load = QueryOp(self, work).replacing("load").success(self._loaded)
        load.failure(self._load_failed)
        (load.quiet() if quiet else load).run()
        if self.schedule_panel is not None:
            self.schedule_panel.reload()

    def loading(self) -> bool:
        """Whether the household or its schedule panel (which loads on its own) is still
        loading."""
        panel = self.schedule_panel
        return operations.is_busy(self) or (panel is not None and panel.loading())

    def shows(self, change: Change) -> bool:
        """Whether ``change`` touches what this window shows: its household, or the
        sessions, places and settings its schedule and readiness depend on."""
        return change.touches_case(self.case_id) or change.touches(
            Kind.ORIENTATION, Kind.PLACE, Kind.SETTING
        )

    def _attendees(self) -> list[tuple[str, str]]:
        """The household's people for a new appointment: ``(person_id, name)``."""
        return [(m.id, member_name(m)) for m in self.case.members] if self.case else []

    def _loaded(self, found: tuple[CaseDetail, dict[str, FitnessSummary]]) -> None:
        case, self.fitness_summaries = found
        selected = self.selected_member()
        member_id = selected.id if selected else None
        document = self.selected_document()
        self.case = case
        self.message.clear()
        self._show_facts(case)
        self.members_model.set_rows(case.members)
        self.timeline_model.set_rows(case.history)
        self.timeline_table.scrollToBottom()
        if not self._fitted and case.members:
            fit_table(self.members_table, self._member_columns)
            fit_table(self.timeline_table, STEP_COLUMNS)
            self._fitted = True
        # the same member and document as before the reload
        ids = [m.id for m in case.members]
        if case.members:
            self.members_table.selectRow(ids.index(member_id) if member_id in ids else 0)
        self._show_documents(document.id if document else None)
        self._update_buttons()
        self.loaded.emit()

    def _show_facts(self, case: CaseDetail) -> None:
        self.setWindowTitle(tr("Household {number}").format(number=case.case_number))
        self.title.setText(case.case_number)
        self.status_label.setText(status_text(case.status))
        facts = [f"{tr(label)}: {getattr(case, field) or '—'}" for label, field in _FACTS]
        self.facts.setText("   ·   ".join(facts))
        self.notes.setPlainText(case.notes)

    def _load_failed(self, error: KnownError) -> None:
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
        self.status_button.setEnabled(self.case is not None and self._journey.may_change_status)
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

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        operations.abandon(self)
        if self.schedule_panel is not None:
            self.schedule_panel.close_dialogs()
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        super().closeEvent(event)
