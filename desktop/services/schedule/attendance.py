"""After an appointment is booked: telling the family, recording who came, and the
outcome of an immigration interview.

``AppointmentService`` checks the permission and the input's codes and opens the unit of
work; these functions apply the rules of each step to the rows and audit it. Nobody
present makes a no-show; an interview's outcome moves the household along its journey.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService, Mover
from desktop.services.office.clock import to_local
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.lookups import active_case
from desktop.services.schedule.booking import find_appointment
from desktop.store.models import Appointment, AppointmentAttendee, Notification


def record_told(
    office: UnlockedOffice, session: Session, appointment_ids: Iterable[str], method: str, note: str
) -> int:
    """The family was told of each appointment still to come; returns how many."""
    count = 0
    for appointment_id in dict.fromkeys(appointment_ids):
        appointment = find_appointment(session, appointment_id)
        if appointment.status not in ("scheduled", "notified"):
            continue  # printing a day's slips may include a cancelled one: skip it
        session.add(Notification(appointment_id=appointment.id, method=method, note=note.strip()))
        appointment.status = "notified"
        count += 1
    office.audit(
        session, "families_notified", "appointment", "", {"method": method, "count": count}
    )
    return count


def record_present(
    office: UnlockedOffice,
    session: Session,
    appointment: Appointment,
    present_ids: set[str],
    moment: datetime,
) -> str:
    """Who came, from the day of the appointment on. Returns the new status."""
    _check_attendance(appointment, present_ids, moment)
    rows = session.scalars(
        select(AppointmentAttendee).where(AppointmentAttendee.appointment_id == appointment.id)
    ).all()
    unknown = present_ids - {row.person_id for row in rows}
    if unknown:
        raise InvalidInput("Only people invited to this appointment can be marked present.")
    for row in rows:
        row.attended = row.person_id in present_ids
    appointment.status = "attended" if present_ids else "no_show"
    if appointment.status == "attended":
        appointment.follow_up_done = False
    office.audit(
        session,
        "attendance_recorded",
        "appointment",
        appointment.id,
        {"present": len(present_ids), "invited": len(rows)},
    )
    return appointment.status


def _check_attendance(appointment: Appointment, present_ids: set[str], moment: datetime) -> None:
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


def record_interview_outcome(
    office: UnlockedOffice,
    journey: JourneyService,
    session: Session,
    appointment: Appointment,
    outcome: str,
    note: str,
) -> None:
    """The result of an attended immigration interview; moves the case along its journey."""
    if appointment.kind != "interview":
        raise InvalidInput("Only immigration interviews have an outcome.")
    if appointment.status != "attended":
        raise InvalidInput("Record who attended the interview before its outcome.")
    previous, appointment.outcome = appointment.outcome, outcome
    if note.strip():
        appointment.note = "\n".join(filter(None, (appointment.note, note.strip())))
    case = active_case(session, appointment.case_id)
    reason = f"interview outcome: {outcome.replace('_', ' ')}"
    if outcome == "refused":
        # a refusal ends the journey only before acceptance (the journey's rule)
        journey.follow(session, case, "refused", reason, Mover.INTERVIEW)
    elif case.status != "refused" or previous == "refused":
        corrected = " (corrected)" if case.status == "refused" else ""
        journey.follow(session, case, "interviewed", reason + corrected, Mover.INTERVIEW)
    office.audit(session, "interview_outcome", "appointment", appointment.id, {"outcome": outcome})
