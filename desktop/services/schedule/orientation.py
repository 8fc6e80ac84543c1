"""Pre-departure orientation: sessions, who is enrolled, who attended.

A session is a timed block at one place, in one language, with a number of seats.
People are enrolled one by one or a household at a time; a person cannot be in
two places at once, so enrolment is refused while they hold an overlapping
appointment or another orientation session. Attendance is recorded once the
session has started, and only attendance (``attended`` true in a session that was
not cancelled) counts for travel readiness.

Refusals name the household by its case number and the member by relationship,
never by name: error messages may reach logs. Audit events carry ids and counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.i18n import tr_noop
from desktop.services.office.clock import age_on, day_bounds, to_local, to_utc
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ADULT_AGE, ORIENTATION_CAPACITY, SettingsService
from desktop.services.registry.lookups import active_case
from desktop.services.registry.names import latin_name
from desktop.services.schedule.orientation_checks import check_clashes, check_place
from desktop.services.schedule.orientation_enrolment import (
    attendance_recorded,
    check_still_registered,
    enrol,
    enrolled_ids,
    mark_attendance,
    members_to_enrol,
    open_session,
    session_row,
    withdraw_person,
)
from desktop.services.schedule.orientation_queries import (
    enrolment_query,
    session_query,
    sessions_of_case,
)
from desktop.services.vocabulary import ORIENTATION_LANGUAGES
from desktop.store.models import OrientationSession

MIN_MINUTES: Final = 15
MAX_MINUTES: Final = 480
#: why a session was cancelled: codes (kept in the audit trail, which holds no free text)
CANCEL_REASONS: Final[dict[str, str]] = {
    "facilitator_unavailable": tr_noop("The facilitator is not available"),
    "room_unavailable": tr_noop("The room is not available"),
    "too_few_enrolled": tr_noop("Too few people enrolled"),
    "office_closed": tr_noop("The office is closed"),
    "merged": tr_noop("Merged with another session"),
    "other": tr_noop("Other reason"),
}


@dataclass(frozen=True)
class SessionInput:
    day: date  # office (Europe/Tirane) date
    start: time  # office wall-clock time
    duration_minutes: int
    location_id: str
    language: str  # one of ORIENTATION_LANGUAGES
    facilitator: str = ""
    topics: str = ""
    capacity: int | None = None  # None: the office setting (create) or unchanged (update)


@dataclass(frozen=True)
class SessionRecord:
    id: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC
    location_id: str
    location_name: str
    language: str
    facilitator: str
    topics: str
    capacity: int
    enrolled: int
    attended: int
    cancelled: bool

    @property
    def free_seats(self) -> int:
        return max(0, self.capacity - self.enrolled)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True)
class EnrolmentRecord:
    person_id: str
    case_id: str
    case_number: str
    name: str  # Latin script, "given family"
    native_name: str
    age: int | None  # on the day of the session; None when the date of birth is unknown
    attended: bool | None  # None: not recorded yet


@dataclass(frozen=True)
class SessionDetail:
    session: SessionRecord
    enrolments: tuple[EnrolmentRecord, ...]


@dataclass(frozen=True)
class CaseOrientation:
    """One session some members of a household are enrolled in, for the case view."""

    session: SessionRecord
    members: tuple[EnrolmentRecord, ...]  # the household's members enrolled, with attendance


def validate_session(data: SessionInput) -> dict[str, str]:
    """Problems per field; empty when the session can be saved. Pure, for the form."""
    problems: dict[str, str] = {}
    if not MIN_MINUTES <= data.duration_minutes <= MAX_MINUTES:
        problems["duration_minutes"] = (
            f"A session lasts between {MIN_MINUTES} and {MAX_MINUTES} minutes."
        )
    if not data.location_id:
        problems["location_id"] = "Choose where the session takes place."
    if data.language not in ORIENTATION_LANGUAGES:
        problems["language"] = f"Choose the language: {', '.join(ORIENTATION_LANGUAGES)}."
    if len(_clean(data.facilitator)) > 128:
        problems["facilitator"] = "Keep the facilitator under 128 characters."
    if len(data.topics.strip()) > 2000:
        problems["topics"] = "Keep the topics under 2000 characters."
    if data.capacity is not None and not (
        ORIENTATION_CAPACITY.minimum <= data.capacity <= ORIENTATION_CAPACITY.maximum
    ):
        problems["capacity"] = (
            f"Seats: between {ORIENTATION_CAPACITY.minimum} and {ORIENTATION_CAPACITY.maximum}."
        )
    return problems


class OrientationService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    @property
    def may_edit(self) -> bool:
        """Whether the signed-in user may plan sessions and enrol people."""
        return self._office.actor.can(Perm.SCHEDULE_WRITE)

    def _now(self, now: datetime | None) -> datetime:
        """``now`` if given (aware), else the office clock."""
        if now is None:
            return self._office.clock.now()
        if now.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return now

    # -- sessions ------------------------------------------------------------------------
    def create_session(self, data: SessionInput, *, now: datetime | None = None) -> str:
        self._office.require(Perm.SCHEDULE_WRITE, "plan orientation sessions")
        starts_at, ends_at = self._checked_times(data, self._now(now))
        capacity = data.capacity
        if capacity is None:
            capacity = SettingsService(self._office).get(ORIENTATION_CAPACITY)
        with self._office.unit_of_work() as session:
            check_place(session, data.location_id, starts_at, ends_at, None)
            row = OrientationSession(
                starts_at=starts_at,
                ends_at=ends_at,
                location_id=data.location_id,
                language=data.language,
                facilitator=_clean(data.facilitator),
                topics=data.topics.strip(),
                capacity=capacity,
                cancelled=False,
            )
            session.add(row)
            session.flush()
            self._office.audit(
                session, "orientation_session_created", "orientation_session", row.id
            )
            return row.id

    def update_session(
        self, session_id: str, data: SessionInput, *, now: datetime | None = None
    ) -> None:
        """Change a planned session; its time and place are fixed once it has started."""
        self._office.require(Perm.SCHEDULE_WRITE, "change orientation sessions")
        now = self._now(now)
        problems = validate_session(data)
        if problems:
            raise InvalidInput(" ".join(problems.values()))
        starts_at = to_utc(data.day, data.start)
        ends_at = starts_at + timedelta(minutes=data.duration_minutes)
        with self._office.unit_of_work() as session:
            row = session_row(session, session_id)
            if row.cancelled:
                raise InvalidInput("This session was cancelled; plan a new one instead.")
            moved = (row.starts_at, row.ends_at, row.location_id) != (
                starts_at,
                ends_at,
                data.location_id,
            )
            if moved:
                if row.starts_at <= now:
                    raise InvalidInput(
                        "This session has already started; its time and place can no longer change."
                    )
                if ends_at <= now:
                    raise InvalidInput("That time is already over; choose a time ahead.")
                check_place(session, data.location_id, starts_at, ends_at, row.id)
            enrolled = enrolled_ids(session, row.id)
            capacity = row.capacity if data.capacity is None else data.capacity
            if capacity < len(enrolled):
                raise InvalidInput(
                    f"{len(enrolled)} people are enrolled; the session needs at least that many "
                    "seats. Withdraw people first or keep more seats."
                )
            if (starts_at, ends_at) != (row.starts_at, row.ends_at):
                check_clashes(session, enrolled, starts_at, ends_at, row.id)
            row.starts_at, row.ends_at = starts_at, ends_at
            row.location_id = data.location_id
            row.language = data.language
            row.facilitator = _clean(data.facilitator)
            row.topics = data.topics.strip()
            row.capacity = capacity
            self._office.audit(
                session,
                "orientation_session_updated",
                "orientation_session",
                row.id,
                {"moved": moved},
            )

    def cancel_session(self, session_id: str, reason: str) -> None:
        """Cancel a session; enrolments stay so the households can be moved to another."""
        self._office.require(Perm.SCHEDULE_WRITE, "cancel orientation sessions")
        if reason not in CANCEL_REASONS:
            raise InvalidInput(
                "Say why the session is cancelled: "
                + ", ".join(t.lower() for t in CANCEL_REASONS.values())
                + "."
            )
        with self._office.unit_of_work() as session:
            row = session_row(session, session_id)
            if row.cancelled:
                raise InvalidInput("This session is already cancelled.")
            if attendance_recorded(session, row.id):
                raise InvalidInput(
                    "Attendance is already recorded for this session, so it took place; "
                    "it cannot be cancelled."
                )
            row.cancelled = True
            self._office.audit(
                session,
                "orientation_session_cancelled",
                "orientation_session",
                row.id,
                {"reason": reason, "enrolled": len(enrolled_ids(session, row.id))},
            )

    def list_sessions(
        self, start: date, end: date, *, include_cancelled: bool = False
    ) -> list[SessionRecord]:
        """Sessions starting on the office days ``start`` to ``end`` (both included)."""
        self._office.require(Perm.REGISTRY_READ, "see orientation sessions")
        if end < start:
            raise InvalidInput("The end of the period is before its start.")
        first, _ = day_bounds(start)
        _, last = day_bounds(end)
        query = session_query().where(
            OrientationSession.starts_at >= first, OrientationSession.starts_at < last
        )
        if not include_cancelled:
            query = query.where(OrientationSession.cancelled.is_(False))
        with self._office.reading() as session:
            return [_record(r, place, n, a) for r, place, n, a in session.execute(query)]

    def session_detail(self, session_id: str) -> SessionDetail:
        self._office.require(Perm.REGISTRY_READ, "see orientation sessions")
        with self._office.reading() as session:
            found = [
                _record(r, place, n, a)
                for r, place, n, a in session.execute(
                    session_query().where(OrientationSession.id == session_id)
                )
            ]
            if not found:
                raise InvalidInput("That orientation session no longer exists.")
            record = found[0]
            enrolments = self._enrolments(session, [record], None)
        return SessionDetail(record, enrolments.get(record.id, ()))

    def sessions_for_case(self, case_id: str) -> list[CaseOrientation]:
        """Every session (cancelled ones too) a member of the household is enrolled in."""
        self._office.require(Perm.REGISTRY_READ, "see orientation sessions")
        with self._office.reading() as session:
            enrolled = sessions_of_case(case_id)
            records = [
                _record(r, place, n, a)
                for r, place, n, a in session.execute(
                    session_query().where(OrientationSession.id.in_(enrolled))
                )
            ]
            members = self._enrolments(session, records, case_id)
        return [CaseOrientation(r, members.get(r.id, ())) for r in records]

    # -- enrolment ---------------------------------------------------------------------
    def enrol_persons(
        self, session_id: str, person_ids: Iterable[str], *, now: datetime | None = None
    ) -> int:
        """Enrol people; those already enrolled are skipped. Returns how many were added."""
        self._office.require(Perm.SCHEDULE_WRITE, "enrol people in orientation")
        wanted = list(dict.fromkeys(person_ids))
        if not wanted:
            raise InvalidInput("Choose who to enrol.")
        now = self._now(now)
        with self._office.unit_of_work() as session:
            row = open_session(session, session_id, now)
            check_still_registered(session, wanted)
            return enrol(self._office, session, row, wanted)

    def enrol_case(
        self,
        session_id: str,
        case_id: str,
        adults_only: bool = False,
        *,
        now: datetime | None = None,
    ) -> int:
        """Enrol every member of a household (or those of orientation age). Returns added."""
        self._office.require(Perm.SCHEDULE_WRITE, "enrol people in orientation")
        adult_age = SettingsService(self._office).get(ADULT_AGE) if adults_only else 0
        now = self._now(now)
        with self._office.unit_of_work() as session:
            row = open_session(session, session_id, now)
            household = active_case(session, case_id)
            wanted = members_to_enrol(
                session, household, row.starts_at, adult_age if adults_only else None
            )
            if not wanted:
                raise InvalidInput(
                    f"Household {household.case_number} has no members "
                    + (f"aged {adult_age} or over " if adults_only else "")
                    + "to enrol."
                )
            return enrol(self._office, session, row, wanted)

    def withdraw(self, session_id: str, person_id: str) -> None:
        self._office.require(Perm.SCHEDULE_WRITE, "withdraw people from orientation")
        with self._office.unit_of_work() as session:
            row = session_row(session, session_id)
            withdraw_person(self._office, session, row, person_id)

    def record_attendance(
        self,
        session_id: str,
        attendance: Mapping[str, bool],
        *,
        now: datetime | None = None,
    ) -> None:
        """Who came (True) and who did not (False), once the session has started."""
        self._office.require(Perm.SCHEDULE_WRITE, "record orientation attendance")
        if not attendance:
            raise InvalidInput("Mark at least one person as present or absent.")
        now = self._now(now)
        with self._office.unit_of_work() as session:
            row = session_row(session, session_id)
            mark_attendance(self._office, session, row, attendance, now)

    # -- helpers -----------------------------------------------------------------------
    @staticmethod
    def _checked_times(data: SessionInput, now: datetime) -> tuple[datetime, datetime]:
        problems = validate_session(data)
        if problems:
            raise InvalidInput(" ".join(problems.values()))
        starts_at = to_utc(data.day, data.start)  # refuses times the clocks skip
        ends_at = starts_at + timedelta(minutes=data.duration_minutes)
        if ends_at <= now:
            raise InvalidInput("That time is already over; orientation sessions are planned ahead.")
        return starts_at, ends_at

    @staticmethod
    def _enrolments(
        session: Session, records: Sequence[SessionRecord], case_id: str | None
    ) -> dict[str, tuple[EnrolmentRecord, ...]]:
        """Enrolments per session id (only the household's members when ``case_id``)."""
        if not records:
            return {}
        days = {r.id: to_local(r.starts_at).date() for r in records}
        found: dict[str, list[EnrolmentRecord]] = {}
        query = enrolment_query(list(days), case_id)
        for session_id, attended, pid, cid, number, given, family, native, born in session.execute(
            query
        ):
            found.setdefault(session_id, []).append(
                EnrolmentRecord(
                    person_id=pid,
                    case_id=cid,
                    case_number=number,
                    name=latin_name(given, family),
                    native_name=native,
                    age=None if born is None else age_on(born, days[session_id]),
                    attended=attended,
                )
            )
        return {k: tuple(v) for k, v in found.items()}


def _record(row: OrientationSession, place: str, enrolled: int, attended: int) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        location_id=row.location_id,
        location_name=place,
        language=row.language,
        facilitator=row.facilitator,
        topics=row.topics,
        capacity=row.capacity,
        enrolled=int(enrolled),
        attended=int(attended),
        cancelled=row.cancelled,
    )


def _clean(text: str) -> str:
    return " ".join(text.split())
