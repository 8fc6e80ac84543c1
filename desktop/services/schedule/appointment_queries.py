"""Which appointments a list shows: the days of an agenda, and a chain of new dates.

``AppointmentService`` reads these rows and turns them into its records
(``schedule.appointment_records``); the selection rules are kept here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.services.office.clock import day_bounds
from desktop.store.models import Appointment


def agenda_query(
    first_day: date,
    last_day: date | None,
    location_id: str | None,
    kinds: Sequence[str],
    include_cancelled: bool,
) -> Select[Appointment]:
    """Appointments starting on the office days ``first_day`` to ``last_day``, in time
    order; cancelled and rescheduled ones only with ``include_cancelled``."""
    start, _ = day_bounds(first_day)
    _, end = day_bounds(last_day or first_day)
    query = select(Appointment).where(Appointment.starts_at >= start, Appointment.starts_at < end)
    if location_id:
        query = query.where(Appointment.location_id == location_id)
    if kinds:
        query = query.where(Appointment.kind.in_(kinds))
    if not include_cancelled:
        query = query.where(Appointment.status.not_in(("cancelled", "rescheduled")))
    return query.order_by(Appointment.starts_at, Appointment.id)


def chain_rows(session: Session, appointment: Appointment) -> list[Appointment]:
    """The first date a family was given, then every date it was moved to (a broken
    chain, or one that loops, stops where it breaks)."""
    current = appointment
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
    return rows
