"""Scheduling one appointment at a time: booking it, moving it to a new date, and checking
a form before it is saved.

Every booking is refused when it clashes (``schedule.conflicts``): a person invited is
elsewhere, the place is full or the interviewer is busy; ``ScheduleConflict`` lists what.
A rescheduled appointment keeps its row and points to the new one, so the chain of dates
a family was given stays visible. ``AppointmentService`` checks the permission and hands
over to ``Scheduling``; the records are defined with the service (``appointments``), so
this module imports them from there and the service imports it when it is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.lookups import active_case
from desktop.services.schedule.appointment_types import AppointmentInput, Conflict, ScheduleConflict
from desktop.services.schedule.booking import (
    Booking,
    active_location,
    add_appointment,
    attendee_ids,
    check_fields,
    check_reschedulable,
    checked_times,
    clean,
    find_appointment,
    invitees,
)
from desktop.services.schedule.conflicts import find_conflicts
from desktop.store.models import Appointment, Case, Location


class Scheduling:
    def __init__(self, office: UnlockedOffice, journey: JourneyService) -> None:
        self._office = office
        self._journey = journey

    def schedule(self, data: AppointmentInput, now: datetime | None) -> str:
        starts, ends = self._times(data.day, data.start, data.duration_minutes, now)
        check_fields(data.kind, data.interpreter_language)
        with self._office.unit_of_work() as session:
            case = active_case(session, data.case_id)
            location = active_location(session, data.location_id)
            attendees = invitees(session, case.id, data.attendee_ids)
            conflicts = _conflicts(
                session, starts, ends, location, clean(data.interviewer), attendees
            )
            if conflicts:
                raise ScheduleConflict(conflicts)
            appointment = add_appointment(
                self._office,
                self._journey,
                session,
                case,
                data,
                location.id,
                starts,
                ends,
                attendees,
            )
            return appointment.id

    def reschedule(
        self,
        appointment_id: str,
        day: date,
        start: time,
        reason: str,
        duration_minutes: int | None,
        location_id: str | None,
        now: datetime | None,
    ) -> str:
        """A new appointment replacing this one; the old one points to it."""
        if not clean(reason):
            raise InvalidInput("Say why the appointment moves; it stays in the history.")
        with self._office.unit_of_work() as session:
            old = find_appointment(session, appointment_id)
            check_reschedulable(session, old)
            minutes = duration_minutes or int((old.ends_at - old.starts_at).total_seconds() // 60)
            starts, ends = self._times(day, start, minutes, now)
            location = active_location(session, location_id or old.location_id)
            attendees = attendee_ids(session, old.id)
            conflicts = _conflicts(
                session, starts, ends, location, old.interviewer, attendees, ignore={old.id}
            )
            if conflicts:
                raise ScheduleConflict(conflicts)
            case = active_case(session, old.case_id)
            new = add_appointment(
                self._office,
                self._journey,
                session,
                case,
                old,
                location.id,
                starts,
                ends,
                attendees,
            )
            if old.status != "no_show":  # a no-show stays a no-show, now followed up
                old.status = "rescheduled"
            old.rescheduled_to_id = new.id
            old.status_reason = clean(reason)
            self._office.audit(
                session, "appointment_rescheduled", "appointment", old.id, {"to": new.id}
            )
            return new.id

    def check(
        self, data: AppointmentInput, ignore: Sequence[str], now: datetime | None
    ) -> list[Conflict]:
        """The conflicts a form would hit, shown before saving."""
        starts, ends = self._times(data.day, data.start, data.duration_minutes, now)
        with self._office.reading() as session:
            case = active_case(session, data.case_id)
            location = active_location(session, data.location_id)
            attendees = invitees(session, case.id, data.attendee_ids)
            return _conflicts(
                session,
                starts,
                ends,
                location,
                clean(data.interviewer),
                attendees,
                ignore=set(ignore),
            )

    def _add(
        self,
        session: Session,
        case: Case,
        data: Booking,
        location_id: str,
        times: tuple[datetime, datetime],
        attendees: Sequence[str],
    ) -> Appointment:
        starts, ends = times
        return add_appointment(
            self._office, self._journey, session, case, data, location_id, starts, ends, attendees
        )

    def _times(
        self, day: date, start: time, minutes: int, now: datetime | None
    ) -> tuple[datetime, datetime]:
        return checked_times(day, start, minutes, now or self._office.clock.now())


def _conflicts(
    session: Session,
    starts: datetime,
    ends: datetime,
    location: Location,
    interviewer: str,
    person_ids: Sequence[str],
    *,
    ignore: set[str] | None = None,
) -> list[Conflict]:
    found = find_conflicts(
        session,
        starts=starts,
        ends=ends,
        location=location,
        interviewer=interviewer,
        person_ids=person_ids,
        ignore=ignore,
    )
    return [Conflict(f.kind, f.message) for f in found]
