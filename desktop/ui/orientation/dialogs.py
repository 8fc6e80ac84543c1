"""Pre-departure orientation: how sessions read, and the dialogs that plan a session,
enrol a household, record who came and cancel a session.

Every time is office time (Europe/Tirane), whatever the laptop's clock says. The
dialogs read their form on the GUI thread and run the service call in the
background (``FormDialog``); a refusal (a full session, a member booked elsewhere
at that time, attendance before the start) stays inside the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from desktop.errors import InvalidInput, KnownError
from desktop.services.office.clock import office_today, to_local, to_utc
from desktop.services.office.settings import ORIENTATION_CAPACITY
from desktop.services.registry.lists import CaseSummary
from desktop.services.schedule.orientation import (
    CANCEL_REASONS,
    EnrolmentRecord,
    SessionInput,
    SessionRecord,
    validate_session,
)
from desktop.services.schedule.places import PlaceRecord
from desktop.services.vocabulary import ORIENTATION_LANGUAGES
from desktop.ui.kit.forms import CheckedFormDialog, FormDialog, add_checked_rows, select_data
from desktop.ui.kit.tables import (
    Column,
    RecordListModel,
    RightToLeftDelegate,
    fit_table,
    record_table,
    words,
)
from desktop.ui.kit.widgets import muted
from desktop.ui.worker import run_in_background

# -- how sessions read -------------------------------------------------------------------------


def session_when(s: SessionRecord) -> str:
    """Tue 14 Apr 2026  09:00–11:00 (office time; the end day too when it differs)."""
    start, end = to_local(s.starts_at), to_local(s.ends_at)
    if start.date() == end.date():
        return f"{start:%a %d %b %Y}  {start:%H:%M}–{end:%H:%M}"
    return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


def session_long_when(s: SessionRecord) -> str:
    """Tuesday 14 April 2026, 09:00–11:00."""
    start, end = to_local(s.starts_at), to_local(s.ends_at)
    if start.date() == end.date():
        return f"{start:%A %d %B %Y}, {start:%H:%M}–{end:%H:%M}"
    return f"{start:%A %d %B %Y %H:%M} to {end:%A %d %B %Y %H:%M}"


def session_state(s: SessionRecord, now: datetime) -> str:
    if s.cancelled:
        return "Cancelled"
    if s.ends_at <= now:
        return "Held"
    if s.starts_at <= now:
        return "Under way"
    return "Full" if s.free_seats == 0 else "Planned"


def seats_text(s: SessionRecord) -> str:
    return f"{s.enrolled} of {s.capacity}"


def attended_text(s: SessionRecord, now: datetime) -> str:
    """How many came; a dash before the session starts (nothing to count yet)."""
    if s.cancelled or s.starts_at > now:
        return "—"
    return f"{s.attended} of {s.enrolled}"


def attendance_word(attended: bool | None) -> str:
    if attended is None:
        return "Not recorded"
    return "Came" if attended else "Did not come"


def age_text(age: int | None) -> str:
    return "unknown" if age is None else str(age)


def session_columns(now: Callable[[], datetime]) -> list[Column[SessionRecord]]:
    return [
        Column("Date and time", session_when, sample="Wed 30 Sep 2026  00:00–00:00"),
        Column("Language", lambda s: s.language, sample="Pashto"),
        Column("Place", lambda s: s.location_name, sample="IOM office, training hall", tip=True),
        Column("Facilitator", lambda s: s.facilitator, sample="Habiba Rahimi", tip=True),
        Column(
            "Enrolled",
            seats_text,
            sample="200 of 200",
            header_tip="People enrolled, of the seats in the session",
        ),
        Column(
            "Attended",
            lambda s: attended_text(s, now()),
            sample="200 of 200",
            header_tip="People who came, of those enrolled",
        ),
        Column("Status", lambda s: session_state(s, now()), sample="Under way"),
    ]


ENROLMENT_COLUMNS: list[Column[EnrolmentRecord]] = [
    Column("Case number", lambda e: e.case_number, sample="SHG-2026-00000"),
    Column("Name", lambda e: e.name, sample="Abdul Karim Ahmadzai", tip=True),
    Column(
        "Name (native script)",
        lambda e: e.native_name,
        rtl=True,
        sample="عبدالکریم احمدزی",
        tip=True,
    ),
    Column(
        "Age",
        lambda e: age_text(e.age),
        align_right=True,
        sample="unknown",
        header_tip="Age on the day of the session",
    ),
    Column("Attended", lambda e: attendance_word(e.attended), sample="Did not come"),
]

CASE_PICK_COLUMNS: list[Column[CaseSummary]] = [
    Column("Case number", lambda c: c.case_number, sample="SHG-2026-00000"),
    Column("Members", lambda c: str(c.members), align_right=True),
    Column("Language", lambda c: c.family_language or "", sample="Pashto"),
    Column("Status", lambda c: words(c.status), sample="Medical in progress"),
    Column("Destination", lambda c: c.destination_country or ""),
]


# -- plan or change a session --------------------------------------------------------------------

_FIELD_TITLES = {"location_id": "the place", "language": "the language"}
_DEFAULT_MINUTES = 120
_DEFAULT_START = time(9, 0)


def _next_working_day(today: date) -> date:
    """The first Monday-to-Friday day after ``today``."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SessionDialog(CheckedFormDialog):
    """Plan a session (``session`` None) or change one. OK runs the ``submit`` action
    with the ``SessionInput``. Problems show under each field as the clerk types,
    including a time that is already over or that the clocks skip."""

    def __init__(
        self,
        parent: QWidget | None,
        places: Sequence[PlaceRecord],
        *,
        session: SessionRecord | None = None,
        default_capacity: int | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        title = "Change the session" if session else "New orientation session"
        super().__init__(parent, title)
        self.setObjectName("sessionDialog")
        self.setMinimumWidth(560)
        self._now = now
        self.session_id = session.id if session else None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = QDateEdit(when)
        self.day.setObjectName("sessionDay")
        self.day.setAccessibleName("Day of the session")
        self.day.setDisplayFormat("ddd dd MMM yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDate(_qdate(_next_working_day(office_today(now()))))
        self.start = QTimeEdit(when)
        self.start.setObjectName("sessionStart")
        self.start.setAccessibleName("Start time (office time)")
        self.start.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(_DEFAULT_START.hour, _DEFAULT_START.minute))
        self.duration = QSpinBox(when)
        self.duration.setObjectName("sessionMinutes")
        self.duration.setAccessibleName("Length in minutes")
        # wider than allowed: validate_session says what the limits are
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" minutes")
        self.duration.setValue(_DEFAULT_MINUTES)
        row.addWidget(self.day)
        row.addWidget(QLabel("at", when))
        row.addWidget(self.start)
        row.addWidget(QLabel("for", when))
        row.addWidget(self.duration)
        row.addStretch(1)

        self.place = QComboBox(self)
        self.place.setObjectName("sessionPlace")
        self.place.addItem("Choose…", "")
        for place in places:
            self.place.addItem(place.name, place.id)
        if session is not None and self.place.findData(session.location_id) < 0:
            # a place retired since: shown, so the clerk sees why the session cannot stay
            self.place.addItem(f"{session.location_name} (no longer in use)", session.location_id)
        self.language = QComboBox(self)
        self.language.setObjectName("sessionLanguage")
        for language in ORIENTATION_LANGUAGES:
            self.language.addItem(language, language)
        self.facilitator = QLineEdit(self)
        self.facilitator.setObjectName("sessionFacilitator")
        self.facilitator.setPlaceholderText("who leads the session")
        self.topics = QPlainTextEdit(self)
        self.topics.setObjectName("sessionTopics")
        self.topics.setTabChangesFocus(True)
        self.topics.setPlaceholderText(
            "e.g. the journey and the airport, first weeks in the new country, rights and duties"
        )
        self.topics.setFixedHeight(self.topics.fontMetrics().lineSpacing() * 4 + 14)
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("sessionCapacity")
        self.capacity.setRange(0, 999)
        self.capacity.setSuffix(" seats")
        self.capacity.setValue(default_capacity or ORIENTATION_CAPACITY.default)
        for spin in (self.duration, self.capacity):
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000 minutes") + 40)
        note = muted("Office time (Europe/Tirane).", self)
        rows: list[tuple[str, str, QWidget]] = [
            ("day", "&When", when),
            ("start", "", note),
            ("duration_minutes", "", QWidget(self)),
            ("location_id", "&Place", self.place),
            ("language", "&Language", self.language),
            ("facilitator", "&Facilitator", self.facilitator),
            ("topics", "&Topics", self.topics),
            ("capacity", "&Seats", self.capacity),
        ]
        self._errors.update(add_checked_rows(self, form, rows))
        # the empty row under "when" only carries the duration's message
        form.setRowVisible(rows[2][2], False)
        self._form = form
        self.body.addLayout(form)
        self.add_still_needed()
        self.finish_layout()

        if session is not None:
            start = to_local(session.starts_at)
            self.day.setDate(_qdate(start.date()))
            self.start.setTime(QTime(start.hour, start.minute))
            self.duration.setValue(session.duration_minutes)
            select_data(self.place, session.location_id)
            select_data(self.language, session.language)
            self.facilitator.setText(session.facilitator)
            self.topics.setPlainText(session.topics)
            self.capacity.setValue(session.capacity)
            self._touched.update(self._errors)
        elif len(places) == 1:
            self.place.setCurrentIndex(1)

        self.day.dateChanged.connect(lambda _d: self._changed("day"))
        self.start.timeChanged.connect(lambda _t: self._changed("start"))
        self.duration.valueChanged.connect(lambda _v: self._changed("duration_minutes"))
        self.place.currentIndexChanged.connect(lambda _i: self._changed("location_id"))
        self.language.currentIndexChanged.connect(lambda _i: self._changed("language"))
        self.facilitator.textChanged.connect(lambda _t: self._changed("facilitator"))
        self.topics.textChanged.connect(lambda: self._changed("topics"))
        self.capacity.valueChanged.connect(lambda _v: self._changed("capacity"))
        self._touched.update({"day", "start", "duration_minutes", "capacity"})
        self.revalidate()

    def value(self) -> SessionInput:
        chosen = self.day.date()
        clock = self.start.time()
        return SessionInput(
            day=date(chosen.year(), chosen.month(), chosen.day()),
            start=time(clock.hour(), clock.minute()),
            duration_minutes=self.duration.value(),
            location_id=str(self.place.currentData() or ""),
            language=str(self.language.currentData()),
            facilitator=self.facilitator.text(),
            topics=self.topics.toPlainText(),
            capacity=self.capacity.value(),
        )

    def problems(self) -> dict[str, str]:
        data = self.value()
        problems = validate_session(data)
        try:
            starts = to_utc(data.day, data.start)
        except InvalidInput as exc:
            problems["start"] = exc.message
        else:
            ends = starts + timedelta(minutes=max(data.duration_minutes, 0))
            if ends <= self._now():
                problems["day"] = (
                    "That time is already over; orientation sessions are planned ahead."
                )
        return problems

    def _untouched_problems(self, names: list[str]) -> None:
        self.show_still_needed([_FIELD_TITLES.get(n, n) for n in names])

    # -- across an auto-lock ---------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        data = self.value()
        return {
            "session_id": self.session_id,
            "day": data.day.isoformat(),
            "start": data.start.strftime("%H:%M"),
            "duration_minutes": data.duration_minutes,
            "location_id": data.location_id,
            "language": data.language,
            "facilitator": data.facilitator,
            "topics": data.topics,
            "capacity": data.capacity,
        }

    def restore(self, draft: dict[str, Any]) -> None:
        try:
            day = date.fromisoformat(str(draft.get("day")))
            start = time.fromisoformat(str(draft.get("start")))
        except ValueError:
            return
        self.day.setDate(_qdate(day))
        self.start.setTime(QTime(start.hour, start.minute))
        for spin, key in ((self.duration, "duration_minutes"), (self.capacity, "capacity")):
            value = draft.get(key)
            if isinstance(value, int):
                spin.setValue(value)
        select_data(self.place, draft.get("location_id"))
        select_data(self.language, draft.get("language"))
        self.facilitator.setText(str(draft.get("facilitator", "")))
        self.topics.setPlainText(str(draft.get("topics", "")))
        self._touched.update(self._errors)
        self.revalidate()


# -- enrol a household ---------------------------------------------------------------------------

#: matches shown at most while the clerk narrows the list down
MAX_MATCHES = 200


class EnrolHouseholdDialog(FormDialog):
    """Pick a household by its case number and enrol its members (or its adults).

    ``load_cases`` (run in the background) gives every household; the list is
    narrowed on the GUI thread as the clerk types. OK runs the ``submit`` action
    with ``(case_id, adults_only)``.
    """

    def __init__(
        self,
        parent: QWidget | None,
        session: SessionRecord,
        load_cases: Callable[[], list[CaseSummary]],
    ) -> None:
        super().__init__(parent, "Enrol a household")
        self.setObjectName("enrolDialog")
        self.setMinimumSize(640, 480)
        self._cases: list[CaseSummary] = []
        self._loaded = False
        seats = "1 seat" if session.free_seats == 1 else f"{session.free_seats} seats"
        self.body.addWidget(
            muted(
                f"{session_long_when(session)} · {session.language} · {session.location_name}"
                f" · {seats} free",
                self,
            )
        )
        form = QFormLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText("type part of the case number, e.g. 00042")
        self.search.setClearButtonEnabled(True)
        form.addRow("&Case number", self.search)
        self.body.addLayout(form)
        self.model: RecordListModel[CaseSummary] = RecordListModel(CASE_PICK_COLUMNS)
        self.model.setParent(self)
        self.table = record_table(self, "casePickTable", self.model, row_padding=12)
        self.table.activated.connect(lambda _i: self._try_accept())
        self.body.addWidget(self.table, 1)
        self.count = muted("Loading the households…", self)
        self.count.setObjectName("caseCount")
        self.body.addWidget(self.count)
        self.language_note = muted("", self)
        self.language_note.setObjectName("languageNote")
        self.language_note.setStyleSheet("color: #92400e;")
        self.language_note.hide()
        self.body.addWidget(self.language_note)
        self.adults_only = QCheckBox(
            "Only members of orientation age (the office setting; unknown ages count as adults)",
            self,
        )
        self.adults_only.setObjectName("adultsOnly")
        self.adults_only.setChecked(True)
        self.body.addWidget(self.adults_only)
        self.finish_layout()
        self._language = session.language
        self.search.textChanged.connect(lambda _t: self._narrow())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._chosen_changed())
        self.search.setFocus()
        run_in_background(load_cases, self._cases_loaded, self._cases_failed)

    def loading(self) -> bool:
        return not self._loaded

    def _cases_loaded(self, cases: list[CaseSummary]) -> None:
        self._loaded = True
        self._cases = [c for c in cases if c.members > 0]
        self._narrow()
        fit_table(self.table, CASE_PICK_COLUMNS)

    def _cases_failed(self, error: KnownError) -> None:
        self._loaded = True
        self.count.setText("")
        self.message.show_error(error.message)

    def _narrow(self) -> None:
        if not self._loaded:
            return
        typed = "".join(self.search.text().split()).upper()
        matches = [c for c in self._cases if typed in c.case_number.upper()] if typed else []
        if typed and not matches:
            self.count.setText("No household has that in its case number.")
        elif not typed:
            self.count.setText(f"{len(self._cases):,} households: type to find one.")
        elif len(matches) > MAX_MATCHES:
            self.count.setText(
                f"{len(matches):,} households match; the first {MAX_MATCHES} are shown. "
                "Type more of the case number."
            )
        else:
            self.count.setText(
                "1 household matches." if len(matches) == 1 else f"{len(matches)} households match."
            )
        shown = matches[:MAX_MATCHES] if typed else self._cases[:MAX_MATCHES]
        self.model.set_rows(shown)
        if len(matches) == 1 or (shown and typed):
            self.table.selectRow(0)

    def _chosen_changed(self) -> None:
        case = self.chosen()
        language = case.family_language if case else None
        differs = language is not None and language != self._language
        self.language_note.setText(
            f"The family's language is {language}; this session is in {self._language}."
            if differs
            else ""
        )
        self.language_note.setVisible(differs)

    def chosen(self) -> CaseSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def problem(self) -> str | None:
        return None if self.chosen() is not None else "Choose the household to enrol."

    def value(self) -> tuple[str, bool]:
        case = self.chosen()
        return (case.id if case else "", self.adults_only.isChecked())


# -- who came ------------------------------------------------------------------------------------


class AttendanceDialog(FormDialog):
    """A tick for each person who came; OK records everyone (unticked: did not come)."""

    def __init__(
        self,
        parent: QWidget | None,
        session: SessionRecord,
        enrolments: Sequence[EnrolmentRecord],
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent, "Record attendance")
        self.setObjectName("attendanceDialog")
        self.setMinimumSize(680, 420)
        self._ids = [e.person_id for e in enrolments]
        self.body.addWidget(
            muted(
                f"{session_long_when(session)} · {session.language} · {session.location_name}. "
                "Tick everyone who came; those not ticked are recorded as not having come.",
                self,
            )
        )
        if session.starts_at > now():
            self.body.addWidget(
                muted(
                    "This session has not started yet: attendance can be recorded once it has.",
                    self,
                )
            )
        self.table = QTableWidget(len(enrolments), 5, self)
        self.table.setObjectName("attendanceTable")
        self.table.setHorizontalHeaderLabels(
            ["Came", "Case number", "Name", "Name (native script)", "Age"]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(3, RightToLeftDelegate(self.table))
        #: the tick of each person, in the order of ``_ids``
        self._ticks: list[QTableWidgetItem] = []
        native_alignment = (
            Qt.AlignmentFlag.AlignRight
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        for row, enrolment in enumerate(enrolments):
            came = QTableWidgetItem("")
            came.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            came.setCheckState(
                Qt.CheckState.Checked if enrolment.attended else Qt.CheckState.Unchecked
            )
            came.setData(Qt.ItemDataRole.AccessibleTextRole, f"{enrolment.name} came")
            self.table.setItem(row, 0, came)
            self._ticks.append(came)
            values = (enrolment.case_number, enrolment.name, enrolment.native_name)
            for column, text in enumerate(values, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(native_alignment)
                self.table.setItem(row, column, item)
            age = QTableWidgetItem(age_text(enrolment.age))
            age.setFlags(Qt.ItemFlag.ItemIsEnabled)
            age.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 4, age)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table, 1)
        row_of_buttons = QHBoxLayout()
        self.all_button = QPushButton("Everyone &came", self)
        self.all_button.setObjectName("allCame")
        self.none_button = QPushButton("&Clear the ticks", self)
        self.none_button.setObjectName("noneCame")
        self.all_button.clicked.connect(lambda _c=False: self.set_all(True))
        self.none_button.clicked.connect(lambda _c=False: self.set_all(False))
        row_of_buttons.addWidget(self.all_button)
        row_of_buttons.addWidget(self.none_button)
        row_of_buttons.addStretch(1)
        self.present = QLabel(self)
        self.present.setObjectName("presentCount")
        row_of_buttons.addWidget(self.present)
        self.body.addLayout(row_of_buttons)
        self.finish_layout()
        self.table.itemChanged.connect(lambda _item: self._count())
        self._count()

    def set_all(self, came: bool) -> None:
        state = Qt.CheckState.Checked if came else Qt.CheckState.Unchecked
        for tick in self._ticks:
            tick.setCheckState(state)

    def set_came(self, person_id: str, came: bool) -> None:
        state = Qt.CheckState.Checked if came else Qt.CheckState.Unchecked
        self._ticks[self._ids.index(person_id)].setCheckState(state)

    def _count(self) -> None:
        came = sum(self.value().values())
        self.present.setText(f"{came} of {len(self._ids)} came")

    def problem(self) -> str | None:
        return None if self._ids else "Nobody is enrolled in this session."

    def value(self) -> dict[str, bool]:
        return {
            person_id: tick.checkState() == Qt.CheckState.Checked
            for person_id, tick in zip(self._ids, self._ticks, strict=True)
        }


# -- cancel a session ----------------------------------------------------------------------------


class CancelSessionDialog(FormDialog):
    """Why the session is cancelled; OK runs the ``submit`` action with the reason code."""

    def __init__(self, parent: QWidget | None, session: SessionRecord) -> None:
        super().__init__(parent, "Cancel the session")
        self.setObjectName("cancelSessionDialog")
        people = "1 person is" if session.enrolled == 1 else f"{session.enrolled} people are"
        self.body.addWidget(
            muted(
                f"{session_long_when(session)} · {session.language} · {session.location_name}. "
                f"{people} enrolled: they stay listed on the cancelled session so their "
                "households can be enrolled in another one.",
                self,
            )
        )
        form = QFormLayout()
        self.reason = QComboBox(self)
        self.reason.setObjectName("cancelReason")
        self.reason.addItem("Choose…", "")
        for code, title in CANCEL_REASONS.items():
            self.reason.addItem(title, code)
        form.addRow("&Reason", self.reason)
        self.body.addLayout(form)
        self.finish_layout()
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText("Cancel the session")
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setText("Keep it")

    def problem(self) -> str | None:
        return None if self.reason.currentData() else "Choose why the session is cancelled."

    def value(self) -> str:
        return str(self.reason.currentData())
