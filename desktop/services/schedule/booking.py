"""Booking one appointment: the checks on its time and fields, the rows it needs, and the
rows it writes.

``schedule.scheduling`` (one appointment at a time) and ``schedule.bulk`` (a day of them)
book through here, so both refuse the same things with the same words and move a
registered household to "interview scheduled" the same way; ``AppointmentService`` and
``schedule.attendance`` find appointments through here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService, Mover
from desktop.services.office.clock import to_utc
from desktop.services.office.session import UnlockedOffice
from desktop.services.vocabulary import APPOINTMENT_KINDS, LANGUAGES
from desktop.store.models import Appointment, AppointmentAttendee, Case, Location, Person

MAX_MINUTES = 8 * 60


class Booking(Protocol):
    """What a new appointment copies: from a form, or from the appointment it replaces."""

    @property
    def kind(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def interviewer(self) -> str: ...
    @property
    def interpreter_language(self) -> str: ...
    @property
    def note(self) -> str: ...


def clean(text: str) -> str:
    return " ".join(text.split())


def checked_times(day: date, start: time, minutes: int, now: datetime) -> tuple[datetime, datetime]:
    """Start and end in UTC of an appointment that lasts ``minutes`` and is not past."""
    if not 5 <= minutes <= MAX_MINUTES:
        raise InvalidInput("An appointment lasts between 5 minutes and 8 hours.")
    starts = to_utc(day, start)
    if starts < now:
        raise InvalidInput("That time has passed; choose a time from now on.")
    return starts, starts + timedelta(minutes=minutes)


def check_fields(kind: str, interpreter_language: str) -> None:
    if kind not in APPOINTMENT_KINDS:
        raise InvalidInput(f"Choose the kind of appointment: {', '.join(APPOINTMENT_KINDS)}.")
    if interpreter_language and interpreter_language not in (*LANGUAGES, "English"):
        raise InvalidInput("Choose the interpreter's language from the list.")


def active_location(session: Session, location_id: str) -> Location:
    location = session.get(Location, location_id)
    if location is None or not location.active:
        raise InvalidInput("Choose a place that is in use (office settings list the places).")
    return location


def find_appointment(session: Session, appointment_id: str) -> Appointment:
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise InvalidInput("That appointment no longer exists.")
    return appointment


def invitees(session: Session, case_id: str, chosen: Sequence[str]) -> list[str]:
    """The members invited: those ``chosen``, or every member of the household."""
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


def attendee_ids(session: Session, appointment_id: str) -> list[str]:
    """Who was invited to an appointment (a new date invites the same people)."""
    return list(
        session.scalars(
            select(AppointmentAttendee.person_id).where(
                AppointmentAttendee.appointment_id == appointment_id
            )
        ).all()
    )


def check_reschedulable(session: Session, old: Appointment) -> None:
    """Only what is still to come, or a no-show, moves to a new date, and only once."""
    if old.status not in ("scheduled", "notified", "no_show"):
        raise InvalidInput(f"A {old.status.replace('_', ' ')} appointment cannot be rescheduled.")
    if old.rescheduled_to_id is not None:
        replacement = session.get(Appointment, old.rescheduled_to_id)
        # a no-show whose new date was cancelled needs a date again
        if replacement is None or replacement.status != "cancelled":
            raise InvalidInput("This appointment was already rescheduled.")


def add_appointment(
    office: UnlockedOffice,
    journey: JourneyService,
    session: Session,
    case: Case,
    data: Booking,
    location_id: str,
    starts: datetime,
    ends: datetime,
    attendees: Sequence[str],
) -> Appointment:
    """The appointment and its invitations; an interview moves a registered household on."""
    appointment = Appointment(
        case_id=case.id,
        kind=data.kind,
        starts_at=starts,
        ends_at=ends,
        location_id=location_id,
        status="scheduled",
        agency=clean(data.agency),
        interviewer=clean(data.interviewer),
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
        journey.follow(session, case, "interview_scheduled", "interview scheduled", Mover.SCHEDULE)
    office.audit(
        session,
        "appointment_scheduled",
        "appointment",
        appointment.id,
        {"case": case.id, "kind": data.kind, "attendees": len(attendees)},
    )
    return appointment
