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

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.office.clock import age_on, day_bounds, to_local, to_utc
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ADULT_AGE, ORIENTATION_CAPACITY, SettingsService
from desktop.services.registry.lookups import active_case
from desktop.services.registry.names import latin_name
from desktop.services.schedule.appointments import max_overlap
from desktop.services.vocabulary import (
    ACTIVE_STATUSES,
    APPOINTMENT_KIND_TITLES,
    ORIENTATION_LANGUAGES,
)
from desktop.store.models import (
    Appointment,
    AppointmentAttendee,
    Case,
    Location,
    OrientationEnrolment,
    OrientationSession,
    Person,
)

MIN_MINUTES: Final = 15
MAX_MINUTES: Final = 480
#: why a session was cancelled: codes (kept in the audit trail, which holds no free text)
CANCEL_REASONS: Final[dict[str, str]] = {
    "facilitator_unavailable": "The facilitator is not available",
    "room_unavailable": "The room is not available",
    "too_few_enrolled": "Too few people enrolled",
    "office_closed": "The office is closed",
    "merged": "Merged with another session",
    "other": "Other reason",
}
ORIENTATION_TITLE: Final = APPOINTMENT_KIND_TITLES["orientation"]


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
            self._check_place(session, data.location_id, starts_at, ends_at, None)
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
            row = self._session(session, session_id)
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
                self._check_place(session, data.location_id, starts_at, ends_at, row.id)
            enrolled = self._enrolled_ids(session, row.id)
            capacity = row.capacity if data.capacity is None else data.capacity
            if capacity < len(enrolled):
                raise InvalidInput(
                    f"{len(enrolled)} people are enrolled; the session needs at least that many "
                    "seats. Withdraw people first or keep more seats."
                )
            if (starts_at, ends_at) != (row.starts_at, row.ends_at):
                self._check_clashes(session, enrolled, starts_at, ends_at, row.id)
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
            row = self._session(session, session_id)
            if row.cancelled:
                raise InvalidInput("This session is already cancelled.")
            recorded = session.scalar(
                select(func.count())
                .select_from(OrientationEnrolment)
                .where(
                    OrientationEnrolment.session_id == row.id,
                    OrientationEnrolment.attended.is_not(None),
                )
            )
            if recorded:
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
                {"reason": reason, "enrolled": len(self._enrolled_ids(session, row.id))},
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
        query = self._record_query().where(
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
                    self._record_query().where(OrientationSession.id == session_id)
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
            enrolled = (
                select(OrientationEnrolment.session_id)
                .join(Person, Person.id == OrientationEnrolment.person_id)
                .where(Person.case_id == case_id, Person.merged_into_id.is_(None))
            )
            records = [
                _record(r, place, n, a)
                for r, place, n, a in session.execute(
                    self._record_query().where(OrientationSession.id.in_(enrolled))
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
            row = self._open_session(session, session_id, now)
            found = session.scalars(
                select(Person.id).where(Person.id.in_(wanted), Person.merged_into_id.is_(None))
            ).all()
            if len(found) != len(wanted):
                missing = len(wanted) - len(found)
                raise InvalidInput(
                    f"{missing} of the people no longer exist (they may have been merged); "
                    "refresh the list and try again."
                )
            return self._enrol(session, row, wanted)

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
            row = self._open_session(session, session_id, now)
            household = active_case(session, case_id)
            members = session.execute(
                select(Person.id, Person.date_of_birth).where(
                    Person.case_id == household.id, Person.merged_into_id.is_(None)
                )
            ).all()
            day = to_local(row.starts_at).date()
            wanted = [
                person_id
                for person_id, born in members
                if not adults_only or born is None or age_on(born, day) >= adult_age
            ]
            if not wanted:
                raise InvalidInput(
                    f"Household {household.case_number} has no members "
                    + (f"aged {adult_age} or over " if adults_only else "")
                    + "to enrol."
                )
            return self._enrol(session, row, wanted)

    def withdraw(self, session_id: str, person_id: str) -> None:
        self._office.require(Perm.SCHEDULE_WRITE, "withdraw people from orientation")
        with self._office.unit_of_work() as session:
            row = self._session(session, session_id)
            enrolment = session.scalars(
                select(OrientationEnrolment).where(
                    OrientationEnrolment.session_id == row.id,
                    OrientationEnrolment.person_id == person_id,
                )
            ).one_or_none()
            if enrolment is None:
                raise InvalidInput("This person is not enrolled in this session.")
            if enrolment.attended is not None:
                raise InvalidInput(
                    "Attendance is already recorded for this person; correct the attendance "
                    "instead of withdrawing them."
                )
            session.delete(enrolment)
            self._office.audit(
                session,
                "orientation_withdrawn",
                "orientation_session",
                row.id,
                {"person": person_id},
            )

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
            row = self._session(session, session_id)
            if row.cancelled:
                raise InvalidInput("This session was cancelled; no attendance can be recorded.")
            if now < row.starts_at:
                raise InvalidInput(
                    "Attendance can be recorded once the session has started "
                    f"({_when(row.starts_at, row.ends_at)})."
                )
            enrolments = {
                e.person_id: e
                for e in session.scalars(
                    select(OrientationEnrolment).where(
                        OrientationEnrolment.session_id == row.id,
                        OrientationEnrolment.person_id.in_(list(attendance)),
                    )
                )
            }
            strangers = len(set(attendance) - set(enrolments))
            if strangers:
                raise InvalidInput(
                    f"{strangers} of the people are not enrolled in this session; enrol them first."
                )
            for person_id, came in attendance.items():
                enrolments[person_id].attended = bool(came)
            present = sum(1 for came in attendance.values() if came)
            self._office.audit(
                session,
                "orientation_attendance",
                "orientation_session",
                row.id,
                {"present": present, "absent": len(attendance) - present},
            )

    # -- helpers -----------------------------------------------------------------------
    def _enrol(self, session: Session, row: OrientationSession, wanted: Sequence[str]) -> int:
        already = self._enrolled_ids(session, row.id)
        new = [p for p in wanted if p not in already]
        if not new:
            return 0
        free = row.capacity - len(already)
        if free <= 0:
            raise InvalidInput(
                f"This session is full (all {row.capacity} seats taken); choose another session."
            )
        if len(new) > free:
            seats = "1 seat is" if free == 1 else f"{free} seats are"
            raise InvalidInput(
                f"Only {seats} free in this session, for {len(new)} people to enrol. "
                "Choose another session or enrol fewer people."
            )
        self._check_clashes(session, new, row.starts_at, row.ends_at, row.id)
        for person_id in new:
            session.add(OrientationEnrolment(session_id=row.id, person_id=person_id))
        session.flush()
        self._office.audit(
            session,
            "orientation_enrolled",
            "orientation_session",
            row.id,
            {"enrolled": len(new), "already": len(wanted) - len(new)},
        )
        return len(new)

    @staticmethod
    def _check_clashes(
        session: Session,
        person_ids: Collection[str],
        starts_at: datetime,
        ends_at: datetime,
        session_id: str,
    ) -> None:
        """Refuse when a person is elsewhere (appointment or another session) at that time."""
        if not person_ids:
            return
        clashes: list[tuple[str, str, datetime, datetime]] = [
            (str(p), APPOINTMENT_KIND_TITLES.get(kind, kind), s, e)
            for p, kind, s, e in session.execute(
                select(
                    AppointmentAttendee.person_id,
                    Appointment.kind,
                    Appointment.starts_at,
                    Appointment.ends_at,
                )
                .join(Appointment, Appointment.id == AppointmentAttendee.appointment_id)
                .where(
                    AppointmentAttendee.person_id.in_(list(person_ids)),
                    Appointment.status.in_(ACTIVE_STATUSES),
                    Appointment.starts_at < ends_at,
                    Appointment.ends_at > starts_at,
                )
            )
        ]
        clashes += [
            (str(p), ORIENTATION_TITLE, s, e)
            for p, s, e in session.execute(
                select(
                    OrientationEnrolment.person_id,
                    OrientationSession.starts_at,
                    OrientationSession.ends_at,
                )
                .join(OrientationSession, OrientationSession.id == OrientationEnrolment.session_id)
                .where(
                    OrientationEnrolment.person_id.in_(list(person_ids)),
                    OrientationSession.id != session_id,
                    OrientationSession.cancelled.is_(False),
                    OrientationSession.starts_at < ends_at,
                    OrientationSession.ends_at > starts_at,
                )
            )
        ]
        if not clashes:
            return
        clashes.sort(key=lambda c: c[2])
        person_id, title, clash_start, clash_end = clashes[0]
        relationship, case_number = session.execute(
            select(Person.relationship_to_principal, Case.case_number)
            .join(Case, Case.id == Person.case_id)
            .where(Person.id == person_id)
        ).one()
        more = f" ({len(clashes) - 1} more clashes)" if len(clashes) > 1 else ""
        raise InvalidInput(
            f"{_member(relationship)} of household {case_number} is already booked for "
            f"{title}, {_when(clash_start, clash_end)}, which overlaps this session{more}. "
            "Move one of the two first."
        )

    @staticmethod
    def _check_place(
        session: Session,
        location_id: str,
        starts_at: datetime,
        ends_at: datetime,
        session_id: str | None,
    ) -> None:
        place = session.get(Location, location_id)
        if place is None:
            raise InvalidInput("That place no longer exists.")
        if not place.active:
            raise InvalidInput(f"{place.name} is no longer in use; choose another place.")
        query = select(OrientationSession.starts_at, OrientationSession.ends_at).where(
            OrientationSession.location_id == location_id,
            OrientationSession.cancelled.is_(False),
            OrientationSession.starts_at < ends_at,
            OrientationSession.ends_at > starts_at,
        )
        if session_id is not None:
            query = query.where(OrientationSession.id != session_id)
        other = session.execute(query.order_by(OrientationSession.starts_at)).first()
        if other is not None:
            raise InvalidInput(
                f"{place.name} already has an orientation session, {_when(other[0], other[1])}. "
                "Choose another time or place."
            )
        # appointments booked there count against the room, as a session counts when
        # an appointment is booked (AppointmentService._conflicts)
        booked = session.execute(
            select(Appointment.starts_at, Appointment.ends_at)
            .where(
                Appointment.location_id == location_id,
                Appointment.status.in_(ACTIVE_STATUSES),
                Appointment.starts_at < ends_at,
                Appointment.ends_at > starts_at,
            )
            .order_by(Appointment.starts_at)
        ).all()
        clipped = [(max(s, starts_at), min(e, ends_at)) for s, e in booked]
        if booked and max_overlap([*clipped, (starts_at, ends_at)]) > place.capacity:
            raise InvalidInput(
                f"{place.name} is full at that time (room for {place.capacity} at once), "
                f"with an appointment {_when(booked[0][0], booked[0][1])}. "
                "Choose another time or place."
            )

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
    def _session(session: Session, session_id: str) -> OrientationSession:
        row = session.get(OrientationSession, session_id)
        if row is None:
            raise InvalidInput("That orientation session no longer exists.")
        return row

    def _open_session(self, session: Session, session_id: str, now: datetime) -> OrientationSession:
        row = self._session(session, session_id)
        if row.cancelled:
            raise InvalidInput("This session was cancelled; choose another session.")
        if row.ends_at <= now:
            raise InvalidInput("This session is already over; choose a session ahead.")
        return row

    @staticmethod
    def _enrolled_ids(session: Session, session_id: str) -> set[str]:
        return set(
            session.scalars(
                select(OrientationEnrolment.person_id).where(
                    OrientationEnrolment.session_id == session_id
                )
            )
        )

    @staticmethod
    def _record_query() -> Select[OrientationSession, str, int, int]:
        counts = (
            select(
                OrientationEnrolment.session_id.label("session_id"),
                func.count().label("enrolled"),
                func.sum(case((OrientationEnrolment.attended.is_(True), 1), else_=0)).label(
                    "attended"
                ),
            )
            .group_by(OrientationEnrolment.session_id)
            .subquery()
        )
        return (
            select(
                OrientationSession,
                Location.name,
                func.coalesce(counts.c.enrolled, 0).label("enrolled"),
                func.coalesce(counts.c.attended, 0).label("attended"),
            )
            .join(Location, Location.id == OrientationSession.location_id)
            .outerjoin(counts, counts.c.session_id == OrientationSession.id)
            .order_by(OrientationSession.starts_at, OrientationSession.id)
        )

    @staticmethod
    def _enrolments(
        session: Session, records: Sequence[SessionRecord], case_id: str | None
    ) -> dict[str, tuple[EnrolmentRecord, ...]]:
        """Enrolments per session id (only the household's members when ``case_id``)."""
        if not records:
            return {}
        days = {r.id: to_local(r.starts_at).date() for r in records}
        query = (
            select(
                OrientationEnrolment.session_id,
                OrientationEnrolment.attended,
                Person.id,
                Person.case_id,
                Case.case_number,
                Person.given_name,
                Person.family_name,
                Person.native_name,
                Person.date_of_birth,
            )
            .join(Person, Person.id == OrientationEnrolment.person_id)
            .join(Case, Case.id == Person.case_id)
            .where(OrientationEnrolment.session_id.in_(list(days)))
            .order_by(
                Case.case_number,
                Person.relationship_to_principal != "principal",
                Person.date_of_birth.is_(None),
                Person.date_of_birth,
                Person.given_name,
            )
        )
        if case_id is not None:
            query = query.where(Person.case_id == case_id, Person.merged_into_id.is_(None))
        found: dict[str, list[EnrolmentRecord]] = {}
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


def _when(starts_at: datetime, ends_at: datetime) -> str:
    start, end = to_local(starts_at), to_local(ends_at)
    if start.date() == end.date():
        return f"{start:%d %b %Y} {start:%H:%M}-{end:%H:%M} (office time)"
    return f"{start:%d %b %Y %H:%M} to {end:%d %b %Y %H:%M} (office time)"


def _member(relationship: str) -> str:
    if relationship == "principal":
        return "The principal applicant"
    if relationship == "other":
        return "A member"
    return f"The {relationship}"
