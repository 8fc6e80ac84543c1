"""Appointments: scheduling with conflict checks, telling families, attendance, outcomes.

Times are agreed in office time (Europe/Tirane) and stored in UTC (see office_time).
A rescheduled appointment keeps its row and points to the new one, so the chain of
dates a family was given stays visible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService, Mover
from desktop.services.office.clock import day_bounds, to_local, to_utc
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import INFORM_HOURS, SettingsService
from desktop.services.registry.lookups import active_case
from desktop.services.registry.names import latin_name
from desktop.services.vocabulary import (
    ACTIVE_STATUSES,
    APPOINTMENT_KIND_TITLES,
    APPOINTMENT_KINDS,
    INTERVIEW_OUTCOMES,
    LANGUAGES,
    NOTIFY_METHODS,
)
from desktop.store.models import (
    Appointment,
    AppointmentAttendee,
    Case,
    Location,
    Notification,
    OrientationEnrolment,
    OrientationSession,
    Person,
)

MAX_MINUTES = 8 * 60
# the journey moves forward only from these statuses when an interview is scheduled/held


# -- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AppointmentInput:
    case_id: str
    kind: str
    day: date
    start: time
    duration_minutes: int
    location_id: str
    attendee_ids: tuple[str, ...] = ()  # empty: every member of the household
    agency: str = ""
    interviewer: str = ""
    interpreter_language: str = ""
    note: str = ""


@dataclass(frozen=True)
class AttendeeRecord:
    person_id: str
    name: str
    native_name: str
    attended: bool | None


@dataclass(frozen=True)
class NotificationRecord:
    at: datetime
    method: str
    by: str
    note: str


@dataclass(frozen=True)
class AppointmentRecord:
    id: str
    case_id: str
    case_number: str
    principal_name: str
    family_language: str | None
    kind: str
    starts_at: datetime  # aware UTC
    ends_at: datetime
    location_id: str
    location_name: str
    status: str
    agency: str
    interviewer: str
    interpreter_language: str
    note: str
    outcome: str | None
    rescheduled_to_id: str | None
    rescheduled_from_id: str | None
    follow_up_done: bool
    status_reason: str
    attendees: tuple[AttendeeRecord, ...]
    notifications: tuple[NotificationRecord, ...]

    @property
    def kind_title(self) -> str:
        return APPOINTMENT_KIND_TITLES.get(self.kind, self.kind)

    @property
    def local_start(self) -> datetime:
        return to_local(self.starts_at)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def notified(self) -> bool:
        return bool(self.notifications)

    @property
    def meeting(self) -> str:
        """Who the family meets: "Embassy unit; interviewer J. Smith; interpreter: Dari"."""
        parts = [self.agency] if self.agency else []
        if self.interviewer:
            parts.append(f"interviewer {self.interviewer}")
        if self.interpreter_language:
            parts.append(f"interpreter: {self.interpreter_language}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Conflict:
    kind: str  # person, place, interviewer
    message: str


class ScheduleConflict(InvalidInput):
    """The time clashes with what is already booked; each conflict says what."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        lines = "\n".join(f"• {c.message}" for c in self.conflicts)
        super().__init__(f"This time clashes with what is already booked:\n{lines}")


@dataclass(frozen=True)
class Proposal:
    case_id: str
    case_number: str
    starts_at: datetime
    ends_at: datetime
    attendee_ids: tuple[str, ...]


@dataclass(frozen=True)
class BulkPlan:
    kind: str
    location_id: str
    proposals: tuple[Proposal, ...]
    unplaced: tuple[tuple[str, str], ...]  # (case number, why)
    agency: str = ""
    interviewer: str = ""
    interpreter_language: str = ""


@dataclass
class _Busy:
    """Bookings not yet in the database that a bulk plan must respect."""

    place: list[tuple[datetime, datetime]] = field(default_factory=list)
    interviewer: list[tuple[datetime, datetime]] = field(default_factory=list)


def person_name(person: Person) -> str:
    return latin_name(person.given_name, person.family_name)


def _who(people: Sequence[Person], case_numbers: dict[str, str]) -> str:
    """ "The principal of SHG-2026-00042 already has" / "3 members of ... already have"."""
    case = case_numbers.get(people[0].case_id, "the household")
    if len(people) == 1:
        relationship = people[0].relationship_to_principal.replace("_", " ")
        return f"The {relationship} of {case} already has"
    return f"{len(people)} members of {case} already have"


def still_to_inform(now: datetime, hours: int) -> ColumnElement[bool]:
    """Not yet told and starting within the notice period; shared by the to-inform list
    and the overview count."""
    return and_(
        Appointment.status == "scheduled",
        Appointment.starts_at >= now,
        Appointment.starts_at <= now + timedelta(hours=hours),
    )


def needs_follow_up() -> ColumnElement[bool]:
    """No-shows with no new date yet, or whose new date was cancelled, and not closed.

    Shared by the follow-up list and the overview count so the two always agree."""
    replacement = aliased(Appointment)
    cancelled_replacement = (
        select(replacement.id)
        .where(replacement.id == Appointment.rescheduled_to_id, replacement.status == "cancelled")
        .exists()
    )
    return and_(
        Appointment.status == "no_show",
        Appointment.follow_up_done.is_(False),
        or_(Appointment.rescheduled_to_id.is_(None), cancelled_replacement),
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def max_overlap(intervals: Iterable[tuple[datetime, datetime]]) -> int:
    """The largest number of intervals running at one instant."""
    edges: list[tuple[datetime, int]] = []
    for start, end in intervals:
        edges += [(start, 1), (end, -1)]
    running = peak = 0
    for _, step in sorted(edges, key=lambda e: (e[0], e[1])):
        running += step
        peak = max(peak, running)
    return peak


# -- service ---------------------------------------------------------------------------------
class AppointmentService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office
        self._journey = JourneyService(office)

    # -- scheduling --------------------------------------------------------------------------
    def schedule(self, data: AppointmentInput, *, now: datetime | None = None) -> str:
        self._office.require(Perm.SCHEDULE_WRITE, "schedule appointments")
        starts, ends = self._times(data.day, data.start, data.duration_minutes, now)
        self._check_fields(data.kind, data.interpreter_language)
        with self._office.unit_of_work() as session:
            case = self._case(session, data.case_id)
            location = self._location(session, data.location_id)
            attendees = self._attendees(session, case.id, data.attendee_ids)
            conflicts = self._conflicts(
                session,
                starts=starts,
                ends=ends,
                location=location,
                interviewer=_clean(data.interviewer),
                person_ids=attendees,
            )
            if conflicts:
                raise ScheduleConflict(conflicts)
            appointment = self._add(session, case, data, location.id, starts, ends, attendees)
            return appointment.id

    def _add(
        self,
        session: Session,
        case: Case,
        data: AppointmentInput | Appointment,
        location_id: str,
        starts: datetime,
        ends: datetime,
        attendees: Sequence[str],
    ) -> Appointment:
        appointment = Appointment(
            case_id=case.id,
            kind=data.kind,
            starts_at=starts,
            ends_at=ends,
            location_id=location_id,
            status="scheduled",
            agency=_clean(data.agency),
            interviewer=_clean(data.interviewer),
            interpreter_language=data.interpreter_language,
            note=data.note.strip(),
            follow_up_done=False,
            status_reason="",
        )
        session.add(appointment)
        session.flush()
        for person_id in attendees:
            session.add(AppointmentAttendee(appointment_id=appointment.id, person_id=person_id))
        if data.kind == "interview" and case.status == "registered":
            self._journey.follow(
                session, case, "interview_scheduled", "interview scheduled", Mover.SCHEDULE
            )
        self._office.audit(
            session,
            "appointment_scheduled",
            "appointment",
            appointment.id,
            {"case": case.id, "kind": data.kind, "attendees": len(attendees)},
        )
        return appointment

    def reschedule(
        self,
        appointment_id: str,
        day: date,
        start: time,
        reason: str,
        *,
        duration_minutes: int | None = None,
        location_id: str | None = None,
        now: datetime | None = None,
    ) -> str:
        """A new appointment replacing this one; the old one points to it."""
        self._office.require(Perm.SCHEDULE_WRITE, "reschedule appointments")
        if not _clean(reason):
            raise InvalidInput("Say why the appointment moves; it stays in the history.")
        with self._office.unit_of_work() as session:
            old = self._appointment(session, appointment_id)
            if old.status not in ("scheduled", "notified", "no_show"):
                raise InvalidInput(
                    f"A {old.status.replace('_', ' ')} appointment cannot be rescheduled."
                )
            if old.rescheduled_to_id is not None:
                replacement = session.get(Appointment, old.rescheduled_to_id)
                # a no-show whose new date was cancelled needs a date again
                if replacement is None or replacement.status != "cancelled":
                    raise InvalidInput("This appointment was already rescheduled.")
            minutes = duration_minutes or int((old.ends_at - old.starts_at).total_seconds() // 60)
            starts, ends = self._times(day, start, minutes, now)
            location = self._location(session, location_id or old.location_id)
            attendees = session.scalars(
                select(AppointmentAttendee.person_id).where(
                    AppointmentAttendee.appointment_id == old.id
                )
            ).all()
            conflicts = self._conflicts(
                session,
                starts=starts,
                ends=ends,
                location=location,
                interviewer=old.interviewer,
                person_ids=attendees,
                ignore={old.id},
            )
            if conflicts:
                raise ScheduleConflict(conflicts)
            case = self._case(session, old.case_id)
            new = self._add(session, case, old, location.id, starts, ends, attendees)
            if old.status != "no_show":  # a no-show stays a no-show, now followed up
                old.status = "rescheduled"
            old.rescheduled_to_id = new.id
            old.status_reason = _clean(reason)
            self._office.audit(
                session, "appointment_rescheduled", "appointment", old.id, {"to": new.id}
            )
            return new.id

    def cancel(self, appointment_id: str, reason: str) -> None:
        self._office.require(Perm.SCHEDULE_WRITE, "cancel appointments")
        if not _clean(reason):
            raise InvalidInput("Say why the appointment is cancelled.")
        with self._office.unit_of_work() as session:
            appointment = self._appointment(session, appointment_id)
            if appointment.status not in ("scheduled", "notified"):
                raise InvalidInput(
                    f"A {appointment.status.replace('_', ' ')} appointment cannot be cancelled."
                )
            appointment.status = "cancelled"
            appointment.status_reason = _clean(reason)
            self._office.audit(session, "appointment_cancelled", "appointment", appointment.id)

    # -- telling the family -------------------------------------------------------------------
    def record_notification(
        self, appointment_ids: Sequence[str], method: str, note: str = ""
    ) -> int:
        """The family was told (slip handed over, phone call, focal point). Returns how many."""
        self._office.require(Perm.SCHEDULE_WRITE, "record that families were told")
        if method not in NOTIFY_METHODS:
            raise InvalidInput(f"Choose how the family was told: {', '.join(NOTIFY_METHODS)}.")
        count = 0
        with self._office.unit_of_work() as session:
            for appointment_id in dict.fromkeys(appointment_ids):
                appointment = self._appointment(session, appointment_id)
                if appointment.status not in ("scheduled", "notified"):
                    continue  # printing a day's slips may include a cancelled one: skip it
                session.add(
                    Notification(appointment_id=appointment.id, method=method, note=note.strip())
                )
                appointment.status = "notified"
                count += 1
            self._office.audit(
                session, "families_notified", "appointment", "", {"method": method, "count": count}
            )
        return count

    # -- the day itself -----------------------------------------------------------------------
    def record_attendance(
        self,
        appointment_id: str,
        present: Iterable[str],
        *,
        now: datetime | None = None,
    ) -> str:
        """Who came. Nobody present is a no-show. Returns the new status."""
        self._office.require(Perm.SCHEDULE_WRITE, "record attendance")
        present_ids = set(present)
        moment = now or self._office.clock.now()
        with self._office.unit_of_work() as session:
            appointment = self._appointment(session, appointment_id)
            if appointment.status not in ("scheduled", "notified", "attended", "no_show"):
                raise InvalidInput(
                    f"Attendance cannot be recorded for a "
                    f"{appointment.status.replace('_', ' ')} appointment."
                )
            if appointment.status == "no_show" and appointment.rescheduled_to_id is not None:
                raise InvalidInput(
                    "This no-show was already rescheduled; record attendance on the new date."
                )
            if to_local(appointment.starts_at).date() > to_local(moment).date():
                raise InvalidInput("Attendance can be recorded from the day of the appointment.")
            if not present_ids and appointment.outcome is not None:
                raise InvalidInput(
                    "The interview's outcome is already recorded, so the family came; "
                    "it cannot become a no-show."
                )
            rows = session.scalars(
                select(AppointmentAttendee).where(
                    AppointmentAttendee.appointment_id == appointment.id
                )
            ).all()
            unknown = present_ids - {row.person_id for row in rows}
            if unknown:
                raise InvalidInput("Only people invited to this appointment can be marked present.")
            for row in rows:
                row.attended = row.person_id in present_ids
            appointment.status = "attended" if present_ids else "no_show"
            if appointment.status == "attended":
                appointment.follow_up_done = False
            self._office.audit(
                session,
                "attendance_recorded",
                "appointment",
                appointment.id,
                {"present": len(present_ids), "invited": len(rows)},
            )
            return appointment.status

    def record_outcome(self, appointment_id: str, outcome: str, note: str = "") -> None:
        """The result of an immigration interview; moves the case along its journey."""
        self._office.require(Perm.SCHEDULE_WRITE, "record interview outcomes")
        if outcome not in INTERVIEW_OUTCOMES:
            raise InvalidInput(f"Choose an outcome: {', '.join(INTERVIEW_OUTCOMES)}.")
        with self._office.unit_of_work() as session:
            appointment = self._appointment(session, appointment_id)
            if appointment.kind != "interview":
                raise InvalidInput("Only immigration interviews have an outcome.")
            if appointment.status != "attended":
                raise InvalidInput("Record who attended the interview before its outcome.")
            previous, appointment.outcome = appointment.outcome, outcome
            if note.strip():
                appointment.note = "\n".join(filter(None, (appointment.note, note.strip())))
            case = self._case(session, appointment.case_id)
            reason = f"interview outcome: {outcome.replace('_', ' ')}"
            if outcome == "refused":
                # a refusal ends the journey only before acceptance (the journey's rule)
                self._journey.follow(session, case, "refused", reason, Mover.INTERVIEW)
            elif case.status != "refused" or previous == "refused":
                corrected = " (corrected)" if case.status == "refused" else ""
                self._journey.follow(
                    session, case, "interviewed", reason + corrected, Mover.INTERVIEW
                )
            self._office.audit(
                session, "interview_outcome", "appointment", appointment.id, {"outcome": outcome}
            )

    def close_follow_up(self, appointment_id: str, note: str) -> None:
        """A no-show that needs no new date (the case withdrew, moved, was merged...)."""
        self._office.require(Perm.SCHEDULE_WRITE, "close no-show follow-ups")
        if not _clean(note):
            raise InvalidInput("Say why no new appointment is needed.")
        with self._office.unit_of_work() as session:
            appointment = self._appointment(session, appointment_id)
            if appointment.status != "no_show":
                raise InvalidInput("Only no-shows are followed up.")
            appointment.follow_up_done = True
            appointment.status_reason = _clean(note)
            self._office.audit(session, "no_show_closed", "appointment", appointment.id)

    # -- bulk scheduling ----------------------------------------------------------------------
    def propose_bulk(
        self,
        case_ids: Sequence[str],
        kind: str,
        day: date,
        location_id: str,
        *,
        first: time = time(9, 0),
        last: time = time(17, 0),
        slot_minutes: int | None = None,
        agency: str = "",
        interviewer: str = "",
        interpreter_language: str = "",
        now: datetime | None = None,
    ) -> BulkPlan:
        """Times in sequence for many households, skipping whatever would clash."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        self._check_fields(kind, interpreter_language)
        with self._office.reading() as session:
            location = self._location(session, location_id)
            minutes = slot_minutes or location.slot_minutes
            slots = self._slots(day, first, last, minutes, now or self._office.clock.now())
            busy = _Busy()
            proposals: list[Proposal] = []
            unplaced: list[tuple[str, str]] = []
            for case_id in dict.fromkeys(case_ids):
                found = session.get(Case, case_id)
                try:
                    case = self._case(session, case_id)
                    attendees = self._attendees(session, case.id, ())
                except InvalidInput as exc:
                    unplaced.append((found.case_number if found else "(removed)", exc.message))
                    continue
                for starts, ends in slots:
                    if not self._conflicts(
                        session,
                        starts=starts,
                        ends=ends,
                        location=location,
                        interviewer=_clean(interviewer),
                        person_ids=attendees,
                        busy=busy,
                    ):
                        proposals.append(
                            Proposal(case.id, case.case_number, starts, ends, tuple(attendees))
                        )
                        busy.place.append((starts, ends))
                        if interviewer.strip():
                            busy.interviewer.append((starts, ends))
                        break
                else:
                    unplaced.append((case.case_number, "no free time left that day"))
        return BulkPlan(
            kind,
            location.id,
            tuple(proposals),
            tuple(unplaced),
            _clean(agency),
            _clean(interviewer),
            interpreter_language,
        )

    def schedule_bulk(self, plan: BulkPlan, *, now: datetime | None = None) -> list[str]:
        """Book a confirmed plan in one step; refuses all of it if something changed since."""
        self._office.require(Perm.SCHEDULE_WRITE, "schedule appointments")
        moment = now or self._office.clock.now()
        if any(p.starts_at < moment for p in plan.proposals):
            raise InvalidInput(
                "Some of the proposed times have passed since the plan was made; "
                "propose the times again."
            )
        ids: list[str] = []
        with self._office.unit_of_work() as session:
            location = self._location(session, plan.location_id)
            for proposal in plan.proposals:
                case = self._case(session, proposal.case_id)
                conflicts = self._conflicts(
                    session,
                    starts=proposal.starts_at,
                    ends=proposal.ends_at,
                    location=location,
                    interviewer=plan.interviewer,
                    person_ids=proposal.attendee_ids,
                )
                if conflicts:
                    raise ScheduleConflict(
                        [Conflict(c.kind, f"{case.case_number}: {c.message}") for c in conflicts]
                    )
                local = to_local(proposal.starts_at)
                data = AppointmentInput(
                    case_id=case.id,
                    kind=plan.kind,
                    day=local.date(),
                    start=local.time(),
                    duration_minutes=int(
                        (proposal.ends_at - proposal.starts_at).total_seconds() // 60
                    ),
                    location_id=location.id,
                    agency=plan.agency,
                    interviewer=plan.interviewer,
                    interpreter_language=plan.interpreter_language,
                )
                appointment = self._add(
                    session,
                    case,
                    data,
                    location.id,
                    proposal.starts_at,
                    proposal.ends_at,
                    proposal.attendee_ids,
                )
                ids.append(appointment.id)
        return ids

    @staticmethod
    def _slots(
        day: date, first: time, last: time, minutes: int, earliest: datetime
    ) -> list[tuple[datetime, datetime]]:
        if not 5 <= minutes <= MAX_MINUTES:
            raise InvalidInput("A slot is between 5 minutes and 8 hours.")
        if last <= first:
            raise InvalidInput("The last time of the day must come after the first.")
        slots: list[tuple[datetime, datetime]] = []
        cursor = datetime.combine(day, first)
        end_of_day = datetime.combine(day, last)
        while cursor + timedelta(minutes=minutes) <= end_of_day:
            try:
                starts = to_utc(day, cursor.time())
            except InvalidInput:  # the hour the clocks skip
                cursor += timedelta(minutes=minutes)
                continue
            if starts >= earliest:
                slots.append((starts, starts + timedelta(minutes=minutes)))
            cursor += timedelta(minutes=minutes)
        if not slots:
            raise InvalidInput("No time is left between these hours on that day.")
        return slots

    # -- reading ------------------------------------------------------------------------------
    def get(self, appointment_id: str) -> AppointmentRecord:
        return self.get_many([appointment_id])[0]

    def get_many(self, appointment_ids: Sequence[str]) -> list[AppointmentRecord]:
        """Several appointments in the order asked, read together (a day of slips)."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        with self._office.reading() as session:
            rows = [self._appointment(session, i) for i in dict.fromkeys(appointment_ids)]
            return self._records(session, rows)

    def for_case(self, case_id: str) -> list[AppointmentRecord]:
        """Every appointment of a household, latest first."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        with self._office.reading() as session:
            rows = session.scalars(
                select(Appointment)
                .where(Appointment.case_id == case_id)
                .order_by(Appointment.starts_at.desc())
            ).all()
            return self._records(session, rows)

    def agenda(
        self,
        first_day: date,
        last_day: date | None = None,
        *,
        location_id: str | None = None,
        kinds: Sequence[str] = (),
        include_cancelled: bool = True,
    ) -> list[AppointmentRecord]:
        """Appointments of one office day (or a range of days), in time order."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        start, _ = day_bounds(first_day)
        _, end = day_bounds(last_day or first_day)
        query = select(Appointment).where(
            Appointment.starts_at >= start, Appointment.starts_at < end
        )
        if location_id:
            query = query.where(Appointment.location_id == location_id)
        if kinds:
            query = query.where(Appointment.kind.in_(kinds))
        if not include_cancelled:
            query = query.where(Appointment.status.not_in(("cancelled", "rescheduled")))
        with self._office.reading() as session:
            rows = session.scalars(query.order_by(Appointment.starts_at, Appointment.id)).all()
            return self._records(session, rows)

    def to_inform(self, *, now: datetime | None = None) -> list[AppointmentRecord]:
        """Not yet told, and starting within the notice period (48 hours by default)."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        moment = now or self._office.clock.now()
        hours = SettingsService(self._office).get(INFORM_HOURS)
        with self._office.reading() as session:
            rows = session.scalars(
                select(Appointment)
                .where(still_to_inform(moment, hours))
                .order_by(Appointment.starts_at)
            ).all()
            return self._records(session, rows)

    def no_show_follow_ups(self) -> list[AppointmentRecord]:
        """No-shows that have neither a new date nor a reason to need none."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        with self._office.reading() as session:
            rows = session.scalars(
                select(Appointment).where(needs_follow_up()).order_by(Appointment.starts_at)
            ).all()
            return self._records(session, rows)

    def chain(self, appointment_id: str) -> list[AppointmentRecord]:
        """The first date a family was given, then every date it was moved to."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        with self._office.reading() as session:
            current = self._appointment(session, appointment_id)
            seen = {current.id}
            while True:
                earlier = session.scalars(
                    select(Appointment).where(Appointment.rescheduled_to_id == current.id)
                ).first()
                if earlier is None or earlier.id in seen:
                    break
                seen.add(earlier.id)
                current = earlier
            rows = [current]
            while rows[-1].rescheduled_to_id is not None:
                following = session.get(Appointment, rows[-1].rescheduled_to_id)
                if following is None or following.id in {r.id for r in rows}:
                    break
                rows.append(following)
            return self._records(session, rows)

    def check(
        self, data: AppointmentInput, *, ignore: Sequence[str] = (), now: datetime | None = None
    ) -> list[Conflict]:
        """The conflicts a form would hit, shown before saving."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        starts, ends = self._times(data.day, data.start, data.duration_minutes, now)
        with self._office.reading() as session:
            case = self._case(session, data.case_id)
            location = self._location(session, data.location_id)
            attendees = self._attendees(session, case.id, data.attendee_ids)
            return self._conflicts(
                session,
                starts=starts,
                ends=ends,
                location=location,
                interviewer=_clean(data.interviewer),
                person_ids=attendees,
                ignore=set(ignore),
            )

    # -- rules --------------------------------------------------------------------------------
    def _conflicts(
        self,
        session: Session,
        *,
        starts: datetime,
        ends: datetime,
        location: Location,
        interviewer: str,
        person_ids: Sequence[str],
        ignore: set[str] | None = None,
        busy: _Busy | None = None,
    ) -> list[Conflict]:
        ignore = ignore or set()
        busy = busy or _Busy()
        conflicts: list[Conflict] = []
        overlapping = and_(
            Appointment.starts_at < ends,
            Appointment.ends_at > starts,
            Appointment.status.in_(ACTIVE_STATUSES),
            Appointment.id.not_in(ignore),
        )
        if person_ids:
            clashes = session.execute(
                select(Person, Appointment, Location.name)
                .join(AppointmentAttendee, AppointmentAttendee.person_id == Person.id)
                .join(Appointment, Appointment.id == AppointmentAttendee.appointment_id)
                .join(Location, Location.id == Appointment.location_id)
                .where(Person.id.in_(person_ids), overlapping)
                .order_by(Appointment.starts_at)
            ).all()
            # one line per clashing booking, naming members by relationship: these
            # messages may reach a log (--no-error-dialogs), so they carry no names
            grouped: dict[str, list[Person]] = defaultdict(list)
            about: dict[str, str] = {}
            for person, other, place in clashes:
                grouped[other.id].append(person)
                about[other.id] = (
                    f"{APPOINTMENT_KIND_TITLES[other.kind].lower()} at "
                    f"{to_local(other.starts_at):%H:%M} ({place})"
                )
            for orientation_id, starts_at, person in session.execute(
                select(OrientationSession.id, OrientationSession.starts_at, Person)
                .join(OrientationEnrolment, OrientationEnrolment.person_id == Person.id)
                .join(OrientationSession, OrientationSession.id == OrientationEnrolment.session_id)
                .where(
                    Person.id.in_(person_ids),
                    OrientationSession.cancelled.is_(False),
                    OrientationSession.starts_at < ends,
                    OrientationSession.ends_at > starts,
                )
            ).all():
                grouped[orientation_id].append(person)
                about[orientation_id] = f"orientation at {to_local(starts_at):%H:%M}"
            case_numbers = dict(
                session.execute(
                    select(Case.id, Case.case_number).where(
                        Case.id.in_({p.case_id for people in grouped.values() for p in people})
                    )
                ).all()
            )
            for key, people in grouped.items():
                conflicts.append(Conflict("person", f"{_who(people, case_numbers)} {about[key]}."))
        booked = session.execute(
            select(Appointment.starts_at, Appointment.ends_at).where(
                Appointment.location_id == location.id, overlapping
            )
        ).all()
        held = session.execute(
            select(OrientationSession.starts_at, OrientationSession.ends_at).where(
                OrientationSession.location_id == location.id,
                OrientationSession.cancelled.is_(False),
                OrientationSession.starts_at < ends,
                OrientationSession.ends_at > starts,
            )
        ).all()
        planned = [(s, e) for s, e in busy.place if s < ends and e > starts]
        intervals = [(max(s, starts), min(e, ends)) for s, e in [*booked, *held, *planned]]
        if max_overlap([*intervals, (starts, ends)]) > location.capacity:
            conflicts.append(
                Conflict(
                    "place",
                    f"{location.name} is full at {to_local(starts):%H:%M} "
                    f"(room for {location.capacity} at a time).",
                )
            )
        if interviewer:
            same = session.scalars(
                select(Appointment.starts_at).where(
                    func.lower(Appointment.interviewer) == interviewer.lower(), overlapping
                )
            ).first()
            planned_same = any(s < ends and e > starts for s, e in busy.interviewer)
            if same is not None or planned_same:
                when = (
                    to_local(same).strftime("%H:%M") if same else to_local(starts).strftime("%H:%M")
                )
                conflicts.append(
                    Conflict("interviewer", f"{interviewer} already interviews at {when}.")
                )
        return conflicts

    # -- helpers ------------------------------------------------------------------------------
    def _times(
        self, day: date, start: time, minutes: int, now: datetime | None
    ) -> tuple[datetime, datetime]:
        if not 5 <= minutes <= MAX_MINUTES:
            raise InvalidInput("An appointment lasts between 5 minutes and 8 hours.")
        starts = to_utc(day, start)
        if starts < (now or self._office.clock.now()):
            raise InvalidInput("That time has passed; choose a time from now on.")
        return starts, starts + timedelta(minutes=minutes)

    @staticmethod
    def _check_fields(kind: str, interpreter_language: str) -> None:
        if kind not in APPOINTMENT_KINDS:
            raise InvalidInput(f"Choose the kind of appointment: {', '.join(APPOINTMENT_KINDS)}.")
        if interpreter_language and interpreter_language not in (*LANGUAGES, "English"):
            raise InvalidInput("Choose the interpreter's language from the list.")

    _case = staticmethod(active_case)

    @staticmethod
    def _location(session: Session, location_id: str) -> Location:
        location = session.get(Location, location_id)
        if location is None or not location.active:
            raise InvalidInput("Choose a place that is in use (office settings list the places).")
        return location

    @staticmethod
    def _appointment(session: Session, appointment_id: str) -> Appointment:
        appointment = session.get(Appointment, appointment_id)
        if appointment is None:
            raise InvalidInput("That appointment no longer exists.")
        return appointment

    @staticmethod
    def _attendees(session: Session, case_id: str, chosen: Sequence[str]) -> list[str]:
        members = session.scalars(
            select(Person.id)
            .where(Person.case_id == case_id, Person.merged_into_id.is_(None))
            .order_by(Person.created_at)
        ).all()
        if not members:
            raise InvalidInput("The household has no members to invite yet.")
        if not chosen:
            return list(members)
        outside = set(chosen) - set(members)
        if outside:
            raise InvalidInput("Only members of this household can be invited.")
        return [m for m in members if m in set(chosen)]

    @staticmethod
    def _records(session: Session, rows: Sequence[Appointment]) -> list[AppointmentRecord]:
        if not rows:
            return []
        ids = [row.id for row in rows]
        case_ids = {row.case_id for row in rows}
        cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(case_ids)))}
        principals = {
            p.case_id: person_name(p)
            for p in session.scalars(
                select(Person).where(
                    Person.case_id.in_(case_ids),
                    Person.relationship_to_principal == "principal",
                    Person.merged_into_id.is_(None),
                )
            )
        }
        places = dict(
            session.execute(
                select(Location.id, Location.name).where(
                    Location.id.in_({row.location_id for row in rows})
                )
            ).all()
        )
        attendees: dict[str, list[AttendeeRecord]] = defaultdict(list)
        for link, person in session.execute(
            select(AppointmentAttendee, Person)
            .join(Person, Person.id == AppointmentAttendee.person_id)
            .where(AppointmentAttendee.appointment_id.in_(ids))
            .order_by(Person.created_at)
        ):
            attendees[link.appointment_id].append(
                AttendeeRecord(person.id, person_name(person), person.native_name, link.attended)
            )
        told: dict[str, list[NotificationRecord]] = defaultdict(list)
        for note in session.scalars(
            select(Notification)
            .where(Notification.appointment_id.in_(ids))
            .order_by(Notification.created_at)
        ):
            told[note.appointment_id].append(
                NotificationRecord(note.created_at, note.method, note.created_by, note.note)
            )
        earlier = dict(
            session.execute(
                select(Appointment.rescheduled_to_id, Appointment.id).where(
                    Appointment.rescheduled_to_id.in_(ids)
                )
            ).all()
        )
        records = []
        for row in rows:
            case = cases[row.case_id]
            records.append(
                AppointmentRecord(
                    id=row.id,
                    case_id=row.case_id,
                    case_number=case.case_number,
                    principal_name=principals.get(row.case_id, ""),
                    family_language=case.family_language,
                    kind=row.kind,
                    starts_at=row.starts_at,
                    ends_at=row.ends_at,
                    location_id=row.location_id,
                    location_name=places.get(row.location_id, ""),
                    status=row.status,
                    agency=row.agency,
                    interviewer=row.interviewer,
                    interpreter_language=row.interpreter_language,
                    note=row.note,
                    outcome=row.outcome,
                    rescheduled_to_id=row.rescheduled_to_id,
                    rescheduled_from_id=earlier.get(row.id),
                    follow_up_done=row.follow_up_done,
                    status_reason=row.status_reason,
                    attendees=tuple(attendees[row.id]),
                    notifications=tuple(told[row.id]),
                )
            )
        return records


__all__ = [
    "AppointmentInput",
    "AppointmentRecord",
    "AppointmentService",
    "AttendeeRecord",
    "BulkPlan",
    "Conflict",
    "NotificationRecord",
    "Proposal",
    "ScheduleConflict",
]
