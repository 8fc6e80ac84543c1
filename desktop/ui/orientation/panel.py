"""The chosen orientation session on the Orientation page: its facts, who is enrolled and
who came, and what staff who schedule do with it (change or cancel it, enrol a
household, withdraw a person, record attendance, print the families' slips).

Every change runs off the GUI thread (the dialogs through ``FormDialog``, the rest as
operations of the panel); the panel then says what was done, and the change notice
reloads the page, which hands the panel the session again. Household windows showing
the people reload from the same notice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.changes import Kind
from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.orientation import (
    EnrolmentRecord,
    OrientationService,
    SessionDetail,
    SessionRecord,
)
from desktop.services.schedule.places import PlaceRecord
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.flow import FlowLayout
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import WriteOp
from desktop.ui.kit.tables import RecordListModel, fit_table, kept_view, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted
from desktop.ui.orientation.enrolment_dialogs import AttendanceDialog, EnrolHouseholdDialog
from desktop.ui.orientation.models import (
    ENROLMENT_COLUMNS,
    language_title,
    session_long_when,
    session_state,
)
from desktop.ui.orientation.session_dialogs import CancelSessionDialog, SessionDialog


def open_form(
    dialog: FormDialog,
    action: Callable[[Any], Any],
    said: Callable[[Any], str],
    message: InlineMessage,
) -> None:
    """Show ``dialog``; its OK runs ``action(value)`` off the GUI thread, and once the
    dialog closed accepted ``message`` says ``said(result)``. Nothing is reloaded here:
    the change notice of the write does it."""
    done: list[Any] = []

    def run(value: Any) -> Any:
        result = action(value)
        done.append(result)
        return result

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and done:
            message.show_notice(said(done[0]))

    dialog.submit(run)
    dialog.finished.connect(finished)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


#: what orientation slips show
SLIP_KINDS = frozenset({Kind.ORIENTATION, Kind.PLACE, Kind.CASE, Kind.PERSON})


class SessionPanel(QGroupBox):
    """The session the page has chosen (``show_detail``) and the changes made to it."""

    def __init__(
        self,
        parent: QWidget,
        orientation: OrientationService,
        registry: RegistryService,
        clock: OfficeClock,
        *,
        can_write: bool,
        printing: PrintingService | None = None,
        notices: ChangeNotices | None = None,
    ) -> None:
        super().__init__(tr("Session"), parent)
        self.setObjectName("sessionDetail")
        self._orientation = orientation
        self._registry = registry
        self._clock = clock
        self._can_write = can_write
        self._printing = printing
        #: the open previews follow the records through these
        self._notices = notices
        self.detail: SessionDetail | None = None
        #: the places in use, for the change dialog (the page reads them with the list)
        self.places: list[PlaceRecord] = []
        self._fitted = False

        inner = QVBoxLayout(self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sessionTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        inner.addWidget(self.title_label)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("sessionFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.facts_label)
        self.topics_label = muted("", self)
        self.topics_label.setObjectName("sessionTopics")
        inner.addWidget(self.topics_label)
        self.people_model: RecordListModel[EnrolmentRecord] = RecordListModel(ENROLMENT_COLUMNS)
        self.people_model.setParent(self)
        self.people_table = record_table(self, "enrolledTable", self.people_model, row_padding=12)
        self.people_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_buttons()
        )
        inner.addWidget(self.people_table, 1)
        self.message = InlineMessage(self)
        self.message.setObjectName("sessionMessage")
        inner.addWidget(self.message)
        inner.addLayout(self._build_buttons())
        self.show_detail(None)

    def _build_buttons(self) -> FlowLayout:
        # six buttons: in a longer language they take two lines on a laptop screen
        row = FlowLayout(spacing=SPACING // 2)
        self.enrol_button = self._button(row, tr("&Enrol household…"), "enrolHousehold")
        self.enrol_button.clicked.connect(lambda _c=False: self.enrol_household())
        self.withdraw_button = self._button(row, tr("&Withdraw"), "withdrawPerson")
        self.withdraw_button.clicked.connect(lambda _c=False: self.withdraw())
        self.attendance_button = self._button(row, tr("Record &attendance…"), "recordAttendance")
        self.attendance_button.clicked.connect(lambda _c=False: self.record_attendance())
        self.slips_button = self._button(row, tr("Print &slips…"), "printOrientationSlips")
        self.slips_button.setToolTip(
            tr("One slip per household enrolled: when, where, who must come")
        )
        self.slips_button.clicked.connect(lambda _c=False: self.print_slips())
        self.slips_button.setVisible(self._printing is not None)
        self.edit_button = self._button(row, tr("Change session…"), "editSession")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_session())
        self.cancel_button = self._button(row, tr("Cancel session…"), "cancelSession")
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel_session())
        return row

    def _button(self, row: QLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    # -- showing ---------------------------------------------------------------------------------
    def show_detail(self, detail: SessionDetail | None) -> None:
        """Show ``detail`` (None: no session chosen), keeping the chosen person."""
        self.detail = detail
        if detail is None:
            self.title_label.setText(tr("No session chosen"))
            self.facts_label.setText(tr("Choose a session in the list to see who is enrolled."))
            self.topics_label.hide()
            self.people_model.set_rows([])
            self.update_buttons()
            return
        s = detail.session
        self.title_label.setText(tr("{when} (office time)").format(when=session_long_when(s)))
        self.facts_label.setText("   ·   ".join(self._facts(detail)))
        self.topics_label.setText(
            tr("Topics: {topics}").format(topics=s.topics) if s.topics else ""
        )
        self.topics_label.setVisible(bool(s.topics))
        with kept_view(self.people_table, lambda row: self.people_model.record(row).person_id):
            self.people_model.set_rows(detail.enrolments)
        if detail.enrolments and not self._fitted:
            fit_table(self.people_table, ENROLMENT_COLUMNS)
            self._fitted = True
        self.update_buttons()

    def _facts(self, detail: SessionDetail) -> list[str]:
        s, now = detail.session, self._clock.now()
        households = len({e.case_id for e in detail.enrolments})
        seats = tr("{enrolled} of {seats} seats taken").format(
            enrolled=s.enrolled, seats=s.capacity
        )
        if not s.cancelled:
            free = tr("{n} free").format(n=s.free_seats) if s.free_seats else tr("full")
            seats = f"{seats}, {free}"
        facts = [
            language_title(s.language),
            s.location_name,
            tr("Facilitator: {name}").format(name=s.facilitator)
            if s.facilitator
            else tr("No facilitator named"),
            seats,
            plural(households, tr_noop("{n} household"), tr_noop("{n} households")),
            session_state(s, now),
        ]
        if s.starts_at <= now and not s.cancelled:
            facts.append(tr("{n} came").format(n=s.attended))
        return facts

    def selected_person(self) -> EnrolmentRecord | None:
        rows = self.people_table.selectionModel().selectedRows()
        return self.people_model.record(rows[0].row()) if rows else None

    def _session(self) -> SessionRecord | None:
        return self.detail.session if self.detail else None

    def update_buttons(self) -> None:
        session = self._session()
        write = self._can_write and session is not None and not session.cancelled
        ahead = session is not None and session.ends_at > self._clock.now()
        people = self.detail is not None and bool(self.detail.enrolments)
        person = self.selected_person()
        idle = not operations.is_busy(self)
        self.enrol_button.setEnabled(write and ahead)
        self.withdraw_button.setEnabled(
            write and idle and person is not None and person.attended is None
        )
        self.attendance_button.setEnabled(write and people)
        self.edit_button.setEnabled(write)
        self.cancel_button.setEnabled(write)
        self.slips_button.setEnabled(write and idle and ahead and people)
        if person is not None and person.attended is not None:
            self.withdraw_button.setToolTip(
                tr("Attendance is recorded for this person: correct it with Record attendance.")
            )
        else:
            self.withdraw_button.setToolTip("")

    # -- changes ---------------------------------------------------------------------------------
    def edit_session(self, session: SessionRecord | None = None) -> SessionDialog | None:
        """Change the chosen session (or ``session``)."""
        session = session or self._session()
        if not self._can_write or session is None:
            return None
        dialog = SessionDialog(self, self.places, self._clock, session=session)
        orientation, session_id = self._orientation, session.id
        open_form(
            dialog,
            lambda data: orientation.update_session(session_id, data),
            lambda _r: tr("Session changed."),
            self.message,
        )
        return dialog

    def enrol_household(self) -> EnrolHouseholdDialog | None:
        session = self._session()
        if not self._can_write or session is None:
            return None
        registry, orientation = self._registry, self._orientation
        dialog = EnrolHouseholdDialog(self, session, registry.case_summaries)

        def enrol(value: tuple[str, bool]) -> int:
            case_id, adults_only = value
            return orientation.enrol_case(session.id, case_id, adults_only)

        def said(added: int) -> str:
            if added == 0:
                return tr("Everyone chosen was already enrolled in this session.")
            return plural(added, tr_noop("{n} person enrolled."), tr_noop("{n} people enrolled."))

        open_form(dialog, enrol, said, self.message)
        return dialog

    def withdraw(self) -> None:
        session, person = self._session(), self.selected_person()
        if not self._can_write or session is None or person is None:
            return
        question = tr("Withdraw {name} ({case}) from the session of {when}?").format(
            name=person.name, case=person.case_number, when=session_long_when(session)
        )
        if not dialogs.confirm(self, tr("Withdraw from orientation"), question):
            return
        orientation = self._orientation
        WriteOp(self, lambda: orientation.withdraw(session.id, person.person_id)).success(
            lambda _r: self._withdrawn(person)
        ).failure(self._failed).run()
        self.update_buttons()

    def _withdrawn(self, person: EnrolmentRecord) -> None:
        self.message.show_notice(
            tr("{name} was withdrawn from the session.").format(name=person.name)
        )
        self.update_buttons()

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)
        self.update_buttons()

    def record_attendance(self) -> AttendanceDialog | None:
        if not self._can_write or self.detail is None:
            return None
        session, enrolments = self.detail.session, self.detail.enrolments
        dialog = AttendanceDialog(self, session, enrolments, self._clock)
        orientation = self._orientation

        def record(attendance: dict[str, bool]) -> int:
            orientation.record_attendance(session.id, attendance)
            return sum(attendance.values())

        open_form(
            dialog,
            record,
            lambda came: tr("Attendance recorded: {came} of {enrolled} came.").format(
                came=came, enrolled=len(enrolments)
            ),
            self.message,
        )
        return dialog

    def cancel_session(self) -> CancelSessionDialog | None:
        session = self._session()
        if not self._can_write or session is None:
            return None
        dialog = CancelSessionDialog(self, session)
        orientation, session_id = self._orientation, session.id
        open_form(
            dialog,
            lambda reason: orientation.cancel_session(session_id, reason),
            lambda _r: tr("Session cancelled. Enrol its households in another session."),
            self.message,
        )
        return dialog

    def print_slips(self) -> None:
        """Slips for the enrolled households, through the preview (nothing is marked;
        the print is audited, so it runs as a write)."""
        session = self._session()
        if self._printing is None or session is None or operations.is_busy(self):
            return
        printing, session_id, notices = self._printing, session.id, self._notices
        name = f"orientation-slips-{to_local(session.starts_at):%Y-%m-%d}.pdf"

        def rendered(pdf: bytes) -> None:
            self.update_buttons()
            from desktop.ui.printing import (
                pdf_preview,  # PDFium loads only when something is printed
            )

            source = None
            if notices is not None:  # the slips follow the session and its households
                rebuild = lambda: printing.orientation_slips_pdf(session_id)  # noqa: E731
                source = pdf_preview.PreviewSource(SLIP_KINDS, rebuild, notices)
            pdf_preview.open_pdf_preview(self, tr("Orientation slips"), pdf, name, source=source)

        WriteOp(self, lambda: printing.orientation_slips_pdf(session_id)).success(rendered).failure(
            self._failed
        ).run()
        self.update_buttons()

    # -- locking ---------------------------------------------------------------------------------
    def close_for_lock(self) -> None:
        """Drop what is on its way and forget the session (it holds names)."""
        operations.abandon(self)
        self.show_detail(None)
