"""Pre-departure orientation: the sessions ahead (or held), and for the chosen one who is
enrolled and who came. Staff who schedule plan sessions, enrol households, withdraw
people, record attendance and cancel sessions; everyone else may look.

The lists are read off the GUI thread and reload when a session, a place, a household or
a person changes (change notices); what is ahead or over is judged on the office clock.
The chosen session and what is done with it live in ``SessionPanel``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
)

from desktop.errors import KnownError
from desktop.services.changes import Kind
from desktop.services.office.clock import OfficeClock
from desktop.services.office.settings import ORIENTATION_CAPACITY, SettingsService
from desktop.services.printing.slips import PrintingService
from desktop.services.registry.lists import RegistryService
from desktop.services.schedule.orientation import OrientationService, SessionDetail, SessionRecord
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import RecordListModel, fit_table, kept_view, record_table
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted
from desktop.ui.orientation.models import session_columns
from desktop.ui.orientation.panel import SessionPanel, open_form
from desktop.ui.orientation.session_dialogs import SessionDialog

READ_ONLY = tr_noop(
    "Read only: your role can see orientation sessions but not plan them or enrol people."
)
#: how far ahead and back the lists reach, in days
AHEAD_DAYS = 2 * 365
BACK_DAYS = 365
_UPCOMING, _PAST = "upcoming", "past"


@dataclass(frozen=True)
class _Loaded:
    sessions: list[SessionRecord]
    places: list[PlaceRecord]
    default_capacity: int | None


class OrientationPage(Page):
    key = "orientation"
    title = tr_noop("Orientation")
    icon = "fa6s.chalkboard-user"
    watches = frozenset({Kind.ORIENTATION, Kind.PLACE, Kind.CASE, Kind.PERSON})

    def __init__(
        self,
        orientation: OrientationService,
        places: PlacesService,
        registry: RegistryService,
        can_write: bool,
        settings: SettingsService | None = None,
        printing: PrintingService | None = None,
        *,
        clock: OfficeClock,
        notices: ChangeNotices | None = None,
    ) -> None:
        super().__init__()
        self._orientation = orientation
        self._places_service = places
        self._settings = settings
        self._can_write = can_write
        self._clock = clock
        self._fitted = False
        self._places: list[PlaceRecord] = []
        self._default_capacity: int | None = None
        #: a session dialog to reopen after an auto-lock, once the places are loaded
        self._pending_dialog: dict[str, Any] | None = None
        #: the session to select after the next load (one just planned)
        self._select_after_load: str | None = None

        layout = self.page_layout()
        layout.addWidget(
            muted(
                tr(
                    "Adults of each household must attend a pre-departure orientation session "
                    "before the household is ready to travel. Times are office time "
                    "(Europe/Tirane)."
                ),
                self,
            )
        )
        layout.addLayout(self._build_bar())
        self.message = InlineMessage(self)
        self.message.setObjectName("orientationMessage")
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.columns = session_columns(clock.now)
        self.model: RecordListModel[SessionRecord] = RecordListModel(self.columns)
        self.model.setParent(self)
        self.table = record_table(split, "sessionsTable", self.model, row_padding=12)
        split.addWidget(self.table)
        self.panel = SessionPanel(
            split,
            orientation,
            registry,
            clock,
            can_write=can_write,
            printing=printing,
            notices=notices,
        )
        split.addWidget(self.panel)
        split.setSizes([220, 420])
        layout.addWidget(split, 1)

        self.read_only_note = muted(tr(READ_ONLY), self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setVisible(not can_write)
        layout.addWidget(self.read_only_note)

        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_cancelled.toggled.connect(lambda _c: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._session_selected)
        self.new_button.setEnabled(can_write)

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.setObjectName("sessionPeriod")
        self.period.setAccessibleName(tr("Which sessions"))
        self.period.addItem(tr("Upcoming sessions"), _UPCOMING)
        self.period.addItem(
            tr("Past sessions (last {months} months)").format(months=BACK_DAYS // 30), _PAST
        )
        bar.addWidget(self.period)
        self.show_cancelled = QCheckBox(tr("Show cancelled"), self)
        self.show_cancelled.setObjectName("showCancelled")
        bar.addWidget(self.show_cancelled)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("sessionsCount")
        bar.addWidget(self.count_label)
        bar.addSpacing(SPACING)
        self.new_button = QPushButton(tr("&New session…"), self)
        self.new_button.setObjectName("newSession")
        self.new_button.clicked.connect(lambda _checked=False: self.new_session())
        bar.addWidget(self.new_button)
        return bar

    @property
    def detail(self) -> SessionDetail | None:
        """The chosen session as last read (None: none chosen)."""
        return self.panel.detail

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sessions again, then the chosen one (a newer reload replaces one
        still running)."""
        past = self.showing_past()
        cancelled = self.show_cancelled.isChecked()
        orientation, places, settings = self._orientation, self._places_service, self._settings
        clock = self._clock

        def work() -> _Loaded:
            now = clock.now()
            today = clock.today()
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

        QueryOp(self, work).replacing("list").success(self._loaded).failure(self._list_failed).run()

    def showing_past(self) -> bool:
        return bool(self.period.currentData() == _PAST)

    def _loaded(self, loaded: _Loaded) -> None:
        self._places = self.panel.places = loaded.places
        self._default_capacity = loaded.default_capacity
        chosen = self._select_after_load or self._chosen_id()
        self._select_after_load = None
        self.message.clear()
        with kept_view(self.table, lambda row: self.model.record(row).id):
            self.model.set_rows(loaded.sessions)
        count = len(loaded.sessions)
        self.count_label.setText(plural(count, tr_noop("{n} session"), tr_noop("{n} sessions")))
        if loaded.sessions and not self._fitted:
            fit_table(self.table, self.columns)
            self._fitted = True
        ids = [s.id for s in loaded.sessions]
        if ids:
            if self._chosen_id() != chosen or chosen not in ids:
                self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
            self._load_detail()  # also when the same row stays chosen: counts changed
        else:
            self.panel.show_detail(None)
            self.message.show_notice(
                tr("No orientation sessions ahead. Plan one with New session…")
                if not self.showing_past()
                else tr("No sessions were held in this period.")
            )
        if self._pending_dialog is not None:
            pending, self._pending_dialog = self._pending_dialog, None
            self._reopen_session_dialog(pending)

    def _list_failed(self, error: KnownError) -> None:
        self.count_label.setText("")
        self.message.show_error(error.message)

    def selected_session(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _chosen_id(self) -> str | None:
        chosen = self.selected_session()
        return chosen.id if chosen else None

    def select_session(self, session_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == session_id:
                self.table.selectRow(row)
                return
        raise KeyError(session_id)

    def _session_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._load_detail()

    def _load_detail(self) -> None:
        chosen = self.selected_session()
        if chosen is None:
            self.panel.show_detail(None)
            return
        orientation, session_id = self._orientation, chosen.id
        QueryOp(self, lambda: orientation.session_detail(session_id)).replacing("detail").success(
            self.panel.show_detail
        ).failure(self._detail_failed).run()

    def _detail_failed(self, error: KnownError) -> None:
        self.panel.show_detail(None)
        self.panel.message.show_error(error.message)

    # -- planning --------------------------------------------------------------------------------
    def new_session(self) -> SessionDialog | None:
        if not self._can_write:
            return None
        if not self._places:
            dialogs.show_error(
                self,
                tr("New session"),
                tr(
                    "No places are in use yet. An office admin adds them under Office "
                    "settings, Places of appointments."
                ),
            )
            return None
        dialog = SessionDialog(
            self, self._places, self._clock, default_capacity=self._default_capacity
        )
        open_form(dialog, self._orientation.create_session, self._planned, self.panel.message)
        return dialog

    def _planned(self, session_id: str) -> str:
        """Show the session just planned (it lies ahead): the change notice reloads the
        list; a list of past sessions turns to the upcoming ones first."""
        if self.showing_past():
            self._select_after_load = session_id
            blocked = self.period.blockSignals(True)
            self.period.setCurrentIndex(self.period.findData(_UPCOMING))
            self.period.blockSignals(blocked)
            self.refresh()  # another list: no notice would ask for it
        elif any(s.id == session_id for s in self._sessions()):
            self.select_session(session_id)  # the notice came first
        else:
            self._select_after_load = session_id
        return tr("Session planned. Enrol households next.")

    def _sessions(self) -> list[SessionRecord]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

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
            dialog = self.panel.edit_session(self.selected_session())
        if dialog is not None:
            dialog.restore(draft)
            dialog.message.show_notice(tr("What you typed was kept while the office was locked."))

    def close_for_lock(self) -> None:
        super().close_for_lock()
        self.panel.close_for_lock()
        self.model.set_rows([])
