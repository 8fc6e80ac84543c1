"""Scheduling many households at once: proposing a day of times, then booking them.

A plan gives each household the first time of the day at which nobody invited, the place
and the interviewer are free, counting the times already given to the households before
it. The clerk confirms the plan, and it is booked in one step, or not at all if something
was booked in between. ``AppointmentService.propose_bulk`` and ``schedule_bulk`` check the
permission and hand over to ``BulkScheduling``. The plan and its proposals are records
defined with the service (``appointments``), so this module imports them from there and
the service imports it when it is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.clock import to_local, to_utc
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.lookups import active_case
from desktop.services.schedule.appointment_types import (
    AppointmentInput,
    BulkPlan,
    Conflict,
    Proposal,
    ScheduleConflict,
)
from desktop.services.schedule.booking import (
    MAX_MINUTES,
    active_location,
    add_appointment,
    check_fields,
    clean,
    invitees,
)
from desktop.services.schedule.conflicts import Busy, find_conflicts
from desktop.store.models import Case, Location


class BulkScheduling:
    def __init__(self, office: UnlockedOffice, journey: JourneyService) -> None:
        self._office = office
        self._journey = journey

    def propose(
        self,
        case_ids: Sequence[str],
        kind: str,
        day: date,
        location_id: str,
        *,
        first: time,
        last: time,
        slot_minutes: int | None,
        agency: str,
        interviewer: str,
        interpreter_language: str,
        now: datetime | None,
    ) -> BulkPlan:
        """Times in sequence for many households, skipping whatever would clash."""
        check_fields(kind, interpreter_language)
        with self._office.reading() as session:
            location = active_location(session, location_id)
            minutes = slot_minutes or location.slot_minutes
            slots = day_slots(day, first, last, minutes, now or self._office.clock.now())
            proposals, unplaced = _place(session, case_ids, slots, location, clean(interviewer))
        return BulkPlan(
            kind,
            location.id,
            tuple(proposals),
            tuple(unplaced),
            clean(agency),
            clean(interviewer),
            interpreter_language,
        )

    def book(self, plan: BulkPlan, *, now: datetime | None) -> list[str]:
        """Book a confirmed plan in one step; refuses all of it if something changed since."""
        moment = now or self._office.clock.now()
        if any(p.starts_at < moment for p in plan.proposals):
            raise InvalidInput(
                "Some of the proposed times have passed since the plan was made; "
                "propose the times again."
            )
        ids: list[str] = []
        with self._office.unit_of_work() as session:
            location = active_location(session, plan.location_id)
            for proposal in plan.proposals:
                ids.append(self._book_one(session, plan, proposal, location))
        return ids

    def _book_one(
        self, session: Session, plan: BulkPlan, proposal: Proposal, location: Location
    ) -> str:
        case = active_case(session, proposal.case_id)
        found = find_conflicts(
            session,
            starts=proposal.starts_at,
            ends=proposal.ends_at,
            location=location,
            interviewer=plan.interviewer,
            person_ids=proposal.attendee_ids,
        )
        if found:
            raise ScheduleConflict(
                [Conflict(f.kind, f"{case.case_number}: {f.message}") for f in found]
            )
        local = to_local(proposal.starts_at)
        data = AppointmentInput(
            case_id=case.id,
            kind=plan.kind,
            day=local.date(),
            start=local.time(),
            duration_minutes=int((proposal.ends_at - proposal.starts_at).total_seconds() // 60),
            location_id=location.id,
            agency=plan.agency,
            interviewer=plan.interviewer,
            interpreter_language=plan.interpreter_language,
        )
        appointment = add_appointment(
            self._office,
            self._journey,
            session,
            case,
            data,
            location.id,
            proposal.starts_at,
            proposal.ends_at,
            proposal.attendee_ids,
        )
        return appointment.id


def _place(
    session: Session,
    case_ids: Sequence[str],
    slots: list[tuple[datetime, datetime]],
    location: Location,
    interviewer: str,
) -> tuple[list[Proposal], list[tuple[str, str]]]:
    """The first free slot for each household in turn, and why the others got none."""
    busy = Busy()
    proposals: list[Proposal] = []
    unplaced: list[tuple[str, str]] = []
    for case_id in dict.fromkeys(case_ids):
        found = session.get(Case, case_id)
        try:
            case = active_case(session, case_id)
            attendees = invitees(session, case.id, ())
        except InvalidInput as exc:
            unplaced.append((found.case_number if found else "(removed)", exc.message))
            continue
        for starts, ends in slots:
            if not find_conflicts(
                session,
                starts=starts,
                ends=ends,
                location=location,
                interviewer=interviewer,
                person_ids=attendees,
                busy=busy,
            ):
                proposals.append(
                    Proposal(case.id, case.case_number, starts, ends, tuple(attendees))
                )
                busy.place.append((starts, ends))
                if interviewer:
                    busy.interviewer.append((starts, ends))
                break
        else:
            unplaced.append((case.case_number, "no free time left that day"))
    return proposals, unplaced


def day_slots(
    day: date, first: time, last: time, minutes: int, earliest: datetime
) -> list[tuple[datetime, datetime]]:
    """The times of ``minutes`` from ``first`` to ``last`` on ``day`` not before
    ``earliest``, skipping the hour the clocks skip."""
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
