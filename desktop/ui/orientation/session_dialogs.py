"""Plan an orientation session, change it, or cancel it.

Every time is office time (Europe/Tirane), whatever the laptop's clock says: the
form starts on the next working day of the office clock and says as the clerk types
that a time is already over on it. The dialogs read their form on the GUI thread and
run the service call in the background (``FormDialog``); a refusal (the place taken at
that time, a time the clocks skip) stays inside the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desktop.errors import InvalidInput
from desktop.services.office.clock import OfficeClock, to_local, to_utc
from desktop.services.office.settings import ORIENTATION_CAPACITY
from desktop.services.schedule.orientation import (
    CANCEL_REASONS,
    SessionInput,
    SessionRecord,
    validate_session,
)
from desktop.services.schedule.places import PlaceRecord
from desktop.services.vocabulary import ORIENTATION_LANGUAGES
from desktop.ui.kit.dates import to_qdate
from desktop.ui.kit.forms import CheckedFormDialog, FormDialog, add_checked_rows, select_data
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.widgets import muted
from desktop.ui.orientation.models import language_title, session_long_when

#: how the fields are named in "Still needed: ..."
_FIELD_TITLES = {"location_id": tr_noop("the place"), "language": tr_noop("the language")}
_DEFAULT_MINUTES = 120
_DEFAULT_START = time(9, 0)


def _next_working_day(today: date) -> date:
    """The first Monday-to-Friday day after ``today``."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class SessionDialog(CheckedFormDialog):
    """Plan a session (``session`` None) or change one. OK runs the ``submit`` action
    with the ``SessionInput``. Problems show under each field as the clerk types,
    including a time that is already over on ``clock`` or that the clocks skip."""

    def __init__(
        self,
        parent: QWidget | None,
        places: Sequence[PlaceRecord],
        clock: OfficeClock,
        *,
        session: SessionRecord | None = None,
        default_capacity: int | None = None,
    ) -> None:
        title = tr("Change the session") if session else tr("New orientation session")
        super().__init__(parent, title)
        self.setObjectName("sessionDialog")
        self.setMinimumWidth(560)
        self._clock = clock
        self.session_id = session.id if session else None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = self._build_when()
        self._build_fields(places, session, default_capacity)
        note = muted(tr("Office time (Europe/Tirane)."), self)
        rows: list[tuple[str, str, QWidget]] = [
            ("day", tr("&When"), when),
            ("start", "", note),
            ("duration_minutes", "", QWidget(self)),
            ("location_id", tr("&Place"), self.place),
            ("language", tr("&Language"), self.language),
            ("facilitator", tr("&Facilitator"), self.facilitator),
            ("topics", tr("&Topics"), self.topics),
            ("capacity", tr("&Seats"), self.capacity),
        ]
        self._errors.update(add_checked_rows(self, form, rows))
        # the empty row under "when" only carries the duration's message
        form.setRowVisible(rows[2][2], False)
        self._form = form
        self.body.addLayout(form)
        self.add_still_needed()
        self.finish_layout()

        if session is not None:
            self._load(session)
            self._touched.update(self._errors)
        elif len(places) == 1:
            self.place.setCurrentIndex(1)
        self._connect()
        self._touched.update({"day", "start", "duration_minutes", "capacity"})
        self.revalidate()

    # -- building --------------------------------------------------------------------------------
    def _build_when(self) -> QWidget:
        """Day, start and length on one line; the day starts on the next working day."""
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = QDateEdit(when)
        self.day.setObjectName("sessionDay")
        self.day.setAccessibleName(tr("Day of the session"))
        self.day.setDisplayFormat("ddd dd MMM yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDate(to_qdate(_next_working_day(self._clock.today())))
        self.start = QTimeEdit(when)
        self.start.setObjectName("sessionStart")
        self.start.setAccessibleName(tr("Start time (office time)"))
        self.start.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(_DEFAULT_START.hour, _DEFAULT_START.minute))
        self.duration = QSpinBox(when)
        self.duration.setObjectName("sessionMinutes")
        self.duration.setAccessibleName(tr("Length in minutes"))
        # wider than allowed: validate_session says what the limits are
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(tr(" minutes"))
        self.duration.setValue(_DEFAULT_MINUTES)
        row.addWidget(self.day)
        row.addWidget(QLabel(tr("at"), when))
        row.addWidget(self.start)
        row.addWidget(QLabel(tr("for"), when))
        row.addWidget(self.duration)
        row.addStretch(1)
        return when

    def _build_fields(
        self,
        places: Sequence[PlaceRecord],
        session: SessionRecord | None,
        default_capacity: int | None,
    ) -> None:
        self.place = QComboBox(self)
        self.place.setObjectName("sessionPlace")
        self.place.addItem(tr("Choose…"), "")
        for place in places:
            self.place.addItem(place.name, place.id)
        if session is not None and self.place.findData(session.location_id) < 0:
            # a place retired since: shown, so the clerk sees why the session cannot stay
            self.place.addItem(
                tr("{place} (no longer in use)").format(place=session.location_name),
                session.location_id,
            )
        self.language = QComboBox(self)
        self.language.setObjectName("sessionLanguage")
        for language in ORIENTATION_LANGUAGES:
            self.language.addItem(language_title(language), language)
        self.facilitator = QLineEdit(self)
        self.facilitator.setObjectName("sessionFacilitator")
        self.facilitator.setPlaceholderText(tr("who leads the session"))
        self.topics = QPlainTextEdit(self)
        self.topics.setObjectName("sessionTopics")
        self.topics.setTabChangesFocus(True)
        self.topics.setPlaceholderText(
            tr(
                "e.g. the journey and the airport, first weeks in the new country, "
                "rights and duties"
            )
        )
        self.topics.setFixedHeight(self.topics.fontMetrics().lineSpacing() * 4 + 14)
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("sessionCapacity")
        self.capacity.setRange(0, 999)
        self.capacity.setSuffix(tr(" seats"))
        self.capacity.setValue(default_capacity or ORIENTATION_CAPACITY.default)
        for spin in (self.duration, self.capacity):
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000 minutes") + 40)

    def _load(self, session: SessionRecord) -> None:
        start = to_local(session.starts_at)
        self.day.setDate(to_qdate(start.date()))
        self.start.setTime(QTime(start.hour, start.minute))
        self.duration.setValue(session.duration_minutes)
        select_data(self.place, session.location_id)
        select_data(self.language, session.language)
        self.facilitator.setText(session.facilitator)
        self.topics.setPlainText(session.topics)
        self.capacity.setValue(session.capacity)

    def _connect(self) -> None:
        self.day.dateChanged.connect(lambda _d: self._changed("day"))
        self.start.timeChanged.connect(lambda _t: self._changed("start"))
        self.duration.valueChanged.connect(lambda _v: self._changed("duration_minutes"))
        self.place.currentIndexChanged.connect(lambda _i: self._changed("location_id"))
        self.language.currentIndexChanged.connect(lambda _i: self._changed("language"))
        self.facilitator.textChanged.connect(lambda _t: self._changed("facilitator"))
        self.topics.textChanged.connect(lambda: self._changed("topics"))
        self.capacity.valueChanged.connect(lambda _v: self._changed("capacity"))

    # -- what the form holds ---------------------------------------------------------------------
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
            if ends <= self._clock.now():
                problems["day"] = tr(
                    "That time is already over; orientation sessions are planned ahead."
                )
        return problems

    def _untouched_problems(self, names: list[str]) -> None:
        titles = [_FIELD_TITLES.get(n) for n in names]
        self.show_still_needed([tr(t) if t else n for t, n in zip(titles, names, strict=True)])

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
        self.day.setDate(to_qdate(day))
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


class CancelSessionDialog(FormDialog):
    """Why the session is cancelled; OK runs the ``submit`` action with the reason code."""

    def __init__(self, parent: QWidget | None, session: SessionRecord) -> None:
        super().__init__(parent, tr("Cancel the session"))
        self.setObjectName("cancelSessionDialog")
        people = plural(
            session.enrolled, tr_noop("{n} person is enrolled"), tr_noop("{n} people are enrolled")
        )
        self.body.addWidget(
            muted(
                tr(
                    "{when} · {language} · {place}. {people}: they stay listed on the cancelled "
                    "session so their households can be enrolled in another one."
                ).format(
                    when=session_long_when(session),
                    language=language_title(session.language),
                    place=session.location_name,
                    people=people,
                ),
                self,
            )
        )
        form = QFormLayout()
        self.reason = QComboBox(self)
        self.reason.setObjectName("cancelReason")
        self.reason.addItem(tr("Choose…"), "")
        for code, title in CANCEL_REASONS.items():
            self.reason.addItem(tr(title), code)
        form.addRow(tr("&Reason"), self.reason)
        self.body.addLayout(form)
        self.finish_layout()
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText(tr("Cancel the session"))
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setText(tr("Keep it"))

    def problem(self) -> str | None:
        return None if self.reason.currentData() else tr("Choose why the session is cancelled.")

    def value(self) -> str:
        return str(self.reason.currentData())
