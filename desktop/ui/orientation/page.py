"""Pre-departure orientation: the sessions ahead (or held), and for the chosen one who is
enrolled and who came. Staff who schedule plan sessions, enrol households, withdraw
people, record attendance and cancel sessions; everyone else may look."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.office.clock import office_today, to_local
from desktop.services.office.settings import ORIENTATION_CAPACITY, SettingsService
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.orientation import (
    EnrolmentRecord,
    OrientationService,
    SessionDetail,
    SessionRecord,
)
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.ui.kit import dialogs
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import RecordListModel, fit_table, record_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.orientation.dialogs import (
    ENROLMENT_COLUMNS,
    AttendanceDialog,
    CancelSessionDialog,
    EnrolHouseholdDialog,
    SessionDialog,
    session_columns,
    session_long_when,
    session_state,
)
from desktop.ui.worker import run_in_background

READ_ONLY = "Read only: your role can see orientation sessions but not plan them or enrol people."
#: how far ahead and back the lists reach, in days
AHEAD_DAYS = 2 * 365
BACK_DAYS = 365
_UPCOMING, _PAST = "upcoming", "past"


@dataclass(frozen=True)
class _Loaded:
    sessions: list[SessionRecord]
    places: list[PlaceRecord]
    default_capacity: int | None


def _now() -> datetime:
    return datetime.now(UTC)


class OrientationPage(Page):
    key = "orientation"
    title = "Orientation"
    icon = "fa6s.chalkboard-user"

    def __init__(
        self,
        orientation: OrientationService,
        places: PlacesService,
        registry: RegistryService,
        can_write: bool,
        settings: SettingsService | None = None,
        printing: PrintingService | None = None,
    ) -> None:
        super().__init__()
        self._orientation = orientation
        self._printing = printing
        self._printing_busy = False
        self._places_service = places
        self._registry = registry
        self._settings = settings
        self._can_write = can_write
        self._closing = False
        self._list_request = 0
        self._detail_request = 0
        self._list_loading = False
        self._detail_loading = False
        self._fitted = False
        self._people_fitted = False
        self._places: list[PlaceRecord] = []
        self._default_capacity: int | None = None
        self.detail: SessionDetail | None = None
        #: a session dialog to reopen after an auto-lock, once the places are loaded
        self._pending_dialog: dict[str, Any] | None = None
        #: the session to select after the next load (one just planned)
        self._select_after_load: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        layout.addWidget(
            muted(
                "Adults of each household must attend a pre-departure orientation session "
                "before the household is ready to travel. Times are office time (Europe/Tirane).",
                self,
            )
        )

        bar = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.setObjectName("sessionPeriod")
        self.period.setAccessibleName("Which sessions")
        self.period.addItem("Upcoming sessions", _UPCOMING)
        self.period.addItem(f"Past sessions (last {BACK_DAYS // 30} months)", _PAST)
        bar.addWidget(self.period)
        self.show_cancelled = QCheckBox("Show cancelled", self)
        self.show_cancelled.setObjectName("showCancelled")
        bar.addWidget(self.show_cancelled)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("sessionsCount")
        bar.addWidget(self.count_label)
        bar.addSpacing(SPACING)
        self.new_button = QPushButton("&New session…", self)
        self.new_button.setObjectName("newSession")
        self.new_button.clicked.connect(lambda _checked=False: self.new_session())
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.message = InlineMessage(self)
        self.message.setObjectName("orientationMessage")
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.columns = session_columns(_now)
        self.model: RecordListModel[SessionRecord] = RecordListModel(self.columns)
        self.model.setParent(self)
        self.table = record_table(split, "sessionsTable", self.model, row_padding=12)
        split.addWidget(self.table)
        split.addWidget(self._detail_box(split))
        split.setSizes([220, 420])
        layout.addWidget(split, 1)

        self.read_only_note = muted(READ_ONLY, self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setVisible(not can_write)
        layout.addWidget(self.read_only_note)

        self.period.currentIndexChanged.connect(lambda _i: self._load())
        self.show_cancelled.toggled.connect(lambda _c: self._load())
        self.table.selectionModel().selectionChanged.connect(self._session_selected)
        self.people_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self._show_detail(None)

    def _detail_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Session", parent)
        box.setObjectName("sessionDetail")
        inner = QVBoxLayout(box)
        self.detail_title = QLabel(box)
        self.detail_title.setObjectName("sessionTitle")
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.detail_title.setFont(font)
        inner.addWidget(self.detail_title)
        self.detail_facts = QLabel(box)
        self.detail_facts.setObjectName("sessionFacts")
        self.detail_facts.setWordWrap(True)
        self.detail_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.detail_facts)
        self.detail_topics = muted("", box)
        self.detail_topics.setObjectName("sessionTopics")
        inner.addWidget(self.detail_topics)
        self.people_model: RecordListModel[EnrolmentRecord] = RecordListModel(ENROLMENT_COLUMNS)
        self.people_model.setParent(self)
        self.people_table = record_table(box, "enrolledTable", self.people_model, row_padding=12)
        inner.addWidget(self.people_table, 1)
        self.detail_message = InlineMessage(box)
        self.detail_message.setObjectName("sessionMessage")
        inner.addWidget(self.detail_message)
        row = QHBoxLayout()
        self.enrol_button = self._button(box, row, "&Enrol household…", "enrolHousehold")
        self.enrol_button.clicked.connect(lambda _c=False: self.enrol_household())
        self.withdraw_button = self._button(box, row, "&Withdraw", "withdrawPerson")
        self.withdraw_button.clicked.connect(lambda _c=False: self.withdraw())
        self.attendance_button = self._button(box, row, "Record &attendance…", "recordAttendance")
        self.attendance_button.clicked.connect(lambda _c=False: self.record_attendance())
        self.slips_button = self._button(box, row, "Print &slips…", "printOrientationSlips")
        self.slips_button.setToolTip("One slip per household enrolled: when, where, who must come")
        self.slips_button.clicked.connect(lambda _c=False: self.print_slips())
        self.slips_button.setVisible(self._printing is not None)
        row.addStretch(1)
        self.edit_button = self._button(box, row, "Change session…", "editSession")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_session())
        self.cancel_button = self._button(box, row, "Cancel session…", "cancelSession")
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel_session())
        inner.addLayout(row)
        return box

    @staticmethod
    def _button(parent: QWidget, row: QHBoxLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load()

    def loading(self) -> bool:
        return self._list_loading or self._detail_loading

    def showing_past(self) -> bool:
        return bool(self.period.currentData() == _PAST)

    def _load(self) -> None:
        if self._closing:
            return
        self._list_request += 1
        request = self._list_request
        self._list_loading = True
        past = self.showing_past()
        cancelled = self.show_cancelled.isChecked()
        orientation, places, settings = self._orientation, self._places_service, self._settings

        def work() -> _Loaded:
            now = _now()
            today = office_today(now)
            if past:
                start, end = today - timedelta(days=BACK_DAYS), today
            else:
                start, end = today, today + timedelta(days=AHEAD_DAYS)
            rows = orientation.list_sessions(start, end, include_cancelled=cancelled)
            if past:  # started already, latest first
                rows = [r for r in reversed(rows) if r.starts_at <= now]
            else:  # not over yet, soonest first
                rows = [r for r in rows if r.ends_at > now]
            capacity = settings.get(ORIENTATION_CAPACITY) if settings is not None else None
            return _Loaded(rows, places.list(), capacity)

        run_in_background(
            work,
            lambda loaded: self._loaded(request, loaded),
            lambda error: self._list_failed(request, error),
        )

    def _loaded(self, request: int, loaded: _Loaded) -> None:
        if self._closing or request != self._list_request:
            return
        self._list_loading = False
        self._places = loaded.places
        self._default_capacity = loaded.default_capacity
        chosen = self._select_after_load or (self.detail.session.id if self.detail else None)
        self._select_after_load = None
        self.message.clear()
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(loaded.sessions)
        self.table.selectionModel().blockSignals(False)
        count = len(loaded.sessions)
        self.count_label.setText("1 session" if count == 1 else f"{count} sessions")
        if loaded.sessions and not self._fitted:
            fit_table(self.table, self.columns)
            self._fitted = True
        ids = [s.id for s in loaded.sessions]
        if ids:
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
            self._load_detail()  # also when the same row stays selected: counts changed
        else:
            self._show_detail(None)
            self.message.show_notice(
                "No orientation sessions ahead. Plan one with New session…"
                if not self.showing_past()
                else "No sessions were held in this period."
            )
        self._update_buttons()
        if self._pending_dialog is not None:
            pending, self._pending_dialog = self._pending_dialog, None
            self._reopen_session_dialog(pending)

    def _list_failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._list_request:
            return
        self._list_loading = False
        self.count_label.setText("")
        self.message.show_error(error.message)

    def selected_session(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_session(self, session_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == session_id:
                self.table.selectRow(row)
                return
        raise KeyError(session_id)

    def _session_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._load_detail()

    def _load_detail(self) -> None:
        if self._closing:
            return
        chosen = self.selected_session()
        self._detail_request += 1
        request = self._detail_request
        if chosen is None:
            self._detail_loading = False
            self._show_detail(None)
            return
        self._detail_loading = True
        orientation, session_id = self._orientation, chosen.id
        run_in_background(
            lambda: orientation.session_detail(session_id),
            lambda detail: self._detail_loaded(request, detail),
            lambda error: self._detail_failed(request, error),
        )

    def _detail_loaded(self, request: int, detail: SessionDetail) -> None:
        if self._closing or request != self._detail_request:
            return
        self._detail_loading = False
        self._show_detail(detail)

    def _detail_failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._detail_request:
            return
        self._detail_loading = False
        self._show_detail(None)
        self.detail_message.show_error(error.message)

    def _show_detail(self, detail: SessionDetail | None) -> None:
        person = self.selected_person()
        self.detail = detail
        if detail is None:
            self.detail_title.setText("No session chosen")
            self.detail_facts.setText("Choose a session in the list to see who is enrolled.")
            self.detail_topics.hide()
            self.people_model.set_rows([])
            self._update_buttons()
            return
        s = detail.session
        self.detail_title.setText(f"{session_long_when(s)} (office time)")
        households = len({e.case_id for e in detail.enrolments})
        seats = f"{s.enrolled} of {s.capacity} seats taken"
        if not s.cancelled:
            seats += f", {s.free_seats} free" if s.free_seats else ", full"
        facts = [
            s.language,
            s.location_name,
            f"Facilitator: {s.facilitator}" if s.facilitator else "No facilitator named",
            seats,
            "1 household" if households == 1 else f"{households} households",
            session_state(s, _now()),
        ]
        if s.starts_at <= _now() and not s.cancelled:
            facts.append(f"{s.attended} came")
        self.detail_facts.setText("   ·   ".join(facts))
        self.detail_topics.setText(f"Topics: {s.topics}" if s.topics else "")
        self.detail_topics.setVisible(bool(s.topics))
        self.people_model.set_rows(detail.enrolments)
        if detail.enrolments and not self._people_fitted:
            fit_table(self.people_table, ENROLMENT_COLUMNS)
            self._people_fitted = True
        ids = [e.person_id for e in detail.enrolments]
        if person is not None and person.person_id in ids:
            self.people_table.selectRow(ids.index(person.person_id))
        self._update_buttons()

    def selected_person(self) -> EnrolmentRecord | None:
        rows = self.people_table.selectionModel().selectedRows()
        return self.people_model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        write = self._can_write and not self._closing
        session = self.detail.session if self.detail else None
        open_ = session is not None and not session.cancelled
        person = self.selected_person()
        self.new_button.setEnabled(write)
        self.enrol_button.setEnabled(
            write and open_ and session is not None and session.ends_at > _now()
        )
        self.withdraw_button.setEnabled(
            write and open_ and person is not None and person.attended is None
        )
        self.attendance_button.setEnabled(
            write and open_ and self.detail is not None and bool(self.detail.enrolments)
        )
        self.edit_button.setEnabled(write and open_)
        self.cancel_button.setEnabled(write and open_)
        self.slips_button.setEnabled(
            write
            and open_
            and not self._printing_busy
            and session is not None
            and session.ends_at > _now()
            and self.detail is not None
            and bool(self.detail.enrolments)
        )
        if person is not None and person.attended is not None:
            self.withdraw_button.setToolTip(
                "Attendance is recorded for this person: correct it with Record attendance."
            )
        else:
            self.withdraw_button.setToolTip("")

    # -- changes ---------------------------------------------------------------------------------
    def _open(
        self,
        dialog: FormDialog,
        action: Callable[[Any], Any],
        after: Callable[[Any], str],
        *,
        cases: Callable[[Any], Collection[str]] = lambda _value: (),
    ) -> None:
        """Show ``dialog``; its OK runs ``action(value)`` off the GUI thread. Then the
        list reloads, ``after(result)`` gives the notice to show, and open household
        windows of ``cases(value)`` reload (their orientation and readiness changed)."""
        done: list[tuple[Any, Any]] = []

        def run(value: Any) -> Any:
            result = action(value)
            done.append((value, result))
            return result

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or not done or self._closing:
                return
            _value, outcome = done[0]
            self.detail_message.show_notice(after(outcome))
            self._load()

        dialog.submit(run)
        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _enrolled_cases(self) -> set[str]:
        return {e.case_id for e in self.detail.enrolments} if self.detail else set()

    def new_session(self) -> SessionDialog | None:
        if self._closing or not self._can_write:
            return None
        if not self._places:
            dialogs.show_error(
                self,
                "New session",
                "No places are in use yet. An office admin adds them under Office settings, "
                "Places of appointments.",
            )
            return None
        dialog = SessionDialog(self, self._places, default_capacity=self._default_capacity)
        orientation = self._orientation

        def planned(session_id: str) -> str:
            # show the new session: it lies ahead
            self._select_after_load = session_id
            if self.showing_past():
                self.period.blockSignals(True)
                self.period.setCurrentIndex(0)
                self.period.blockSignals(False)
            return "Session planned. Enrol households next."

        self._open(dialog, orientation.create_session, planned)
        return dialog

    def edit_session(self, session: SessionRecord | None = None) -> SessionDialog | None:
        """Change the chosen session (or ``session``)."""
        if session is None and self.detail is not None:
            session = self.detail.session
        if self._closing or not self._can_write or session is None:
            return None
        dialog = SessionDialog(self, self._places, session=session)
        orientation, cases = self._orientation, self._enrolled_cases()
        self._open(
            dialog,
            lambda data: orientation.update_session(session.id, data),
            lambda _r: "Session changed.",
            cases=lambda _value: cases,
        )
        return dialog

    def enrol_household(self) -> EnrolHouseholdDialog | None:
        if self._closing or not self._can_write or self.detail is None:
            return None
        session = self.detail.session
        registry, orientation = self._registry, self._orientation
        dialog = EnrolHouseholdDialog(self, session, registry.case_summaries)

        def enrol(value: tuple[str, bool]) -> int:
            case_id, adults_only = value
            return orientation.enrol_case(session.id, case_id, adults_only)

        def said(added: int) -> str:
            if added == 0:
                return "Everyone chosen was already enrolled in this session."
            return "1 person enrolled." if added == 1 else f"{added} people enrolled."

        self._open(dialog, enrol, said, cases=lambda value: {value[0]})
        return dialog

    def withdraw(self) -> None:
        person = self.selected_person()
        if self._closing or not self._can_write or self.detail is None or person is None:
            return
        session = self.detail.session
        question = (
            f"Withdraw {person.name} ({person.case_number}) from the session of "
            f"{session_long_when(session)}?"
        )
        if not dialogs.confirm(self, "Withdraw from orientation", question):
            return
        orientation = self._orientation
        self.withdraw_button.setEnabled(False)

        def done(_result: Any) -> None:
            if self._closing:
                return
            self.detail_message.show_notice(f"{person.name} was withdrawn from the session.")
            self._load()

        def failed(error: KnownError) -> None:
            if self._closing:
                return
            self.detail_message.show_error(error.message)
            self._update_buttons()

        run_in_background(lambda: orientation.withdraw(session.id, person.person_id), done, failed)

    def record_attendance(self) -> AttendanceDialog | None:
        if self._closing or not self._can_write or self.detail is None:
            return None
        session, enrolments = self.detail.session, self.detail.enrolments
        dialog = AttendanceDialog(self, session, enrolments)
        orientation, cases = self._orientation, self._enrolled_cases()

        def record(attendance: dict[str, bool]) -> int:
            orientation.record_attendance(session.id, attendance)
            return sum(attendance.values())

        self._open(
            dialog,
            record,
            lambda came: f"Attendance recorded: {came} of {len(enrolments)} came.",
            cases=lambda _value: cases,
        )
        return dialog

    def cancel_session(self) -> CancelSessionDialog | None:
        if self._closing or not self._can_write or self.detail is None:
            return None
        session = self.detail.session
        dialog = CancelSessionDialog(self, session)
        orientation, cases = self._orientation, self._enrolled_cases()
        self._open(
            dialog,
            lambda reason: orientation.cancel_session(session.id, reason),
            lambda _r: "Session cancelled. Enrol its households in another session.",
            cases=lambda _value: cases,
        )
        return dialog

    # -- across an auto-lock ---------------------------------------------------------------------
    def _open_session_dialog(self) -> SessionDialog | None:
        shown = [d for d in self.findChildren(SessionDialog) if d.isVisible()]
        return shown[0] if shown else None

    def draft(self) -> dict[str, Any] | None:
        dialog = self._open_session_dialog()
        return {"session_dialog": dialog.draft()} if dialog is not None else None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        pending = draft.get("session_dialog")
        if isinstance(pending, dict):
            self._pending_dialog = pending  # reopened once the places are loaded
        self.refresh()

    def _reopen_session_dialog(self, draft: dict[str, Any]) -> None:
        session_id = draft.get("session_id")
        if session_id is None:
            dialog = self.new_session()
        else:
            try:
                self.select_session(str(session_id))
            except KeyError:
                return  # the session is no longer in the list
            dialog = self.edit_session(self.selected_session())
        if dialog is not None:
            dialog.restore(draft)
            dialog.message.show_notice("What you typed was kept while the office was locked.")

    def print_slips(self) -> None:
        """Slips for the enrolled households, through the preview (nothing is marked)."""
        session = self.detail.session if self.detail else None
        if self._printing is None or session is None or self._closing or self._printing_busy:
            return
        printing, session_id = self._printing, session.id
        name = f"orientation-slips-{to_local(session.starts_at):%Y-%m-%d}.pdf"
        self._printing_busy = True
        self._update_buttons()

        def done(pdf: bytes) -> None:
            self._printing_busy = False
            if self._closing:
                return
            self._update_buttons()
            from desktop.ui.printing import (
                pdf_preview,  # PDFium loads only when something is printed
            )

            pdf_preview.open_pdf_preview(self, "Orientation slips", pdf, name)

        def failed(error: KnownError) -> None:
            self._printing_busy = False
            if not self._closing:
                self._update_buttons()
                self.detail_message.show_error(error.message)

        run_in_background(lambda: printing.orientation_slips_pdf(session_id), done, failed)

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.model.set_rows([])
        self.people_model.set_rows([])
        self.detail = None
