"""Appointments: scheduling with conflict checks, telling families, attendance, outcomes.

Times are agreed in office time (Europe/Tirane) and stored in UTC (see office_time).
A rescheduled appointment keeps its row and points to the new one, so the chain of
dates a family was given stays visible.

This module holds ``AppointmentService``, which checks the permission of every call (the
records it hands out are in ``appointment_types``); the work is done beside it: ``scheduling`` (one
appointment at a time) and ``bulk`` (many), both through ``booking`` and ``conflicts``;
``attendance`` (telling the family, who came, outcomes); ``appointment_queries`` and
``appointment_records`` (reading).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import INFORM_HOURS, SettingsService
from desktop.services.schedule.appointment_queries import agenda_query, chain_rows
from desktop.services.schedule.appointment_records import appointment_records
from desktop.services.schedule.appointment_types import (
    AppointmentInput,
    AppointmentRecord,
    BulkPlan,
    Conflict,
)
from desktop.services.schedule.attendance import (
    record_interview_outcome,
    record_present,
    record_told,
)
from desktop.services.schedule.booking import clean, find_appointment
from desktop.services.schedule.bulk import BulkScheduling
from desktop.services.schedule.scheduling import Scheduling
from desktop.services.vocabulary import INTERVIEW_OUTCOMES, NOTIFY_METHODS
from desktop.store.models import Appointment


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


# -- service ---------------------------------------------------------------------------------
class AppointmentService:
    def __init__(self, office: UnlockedOffice) -> None:
        # scheduling and bulk build records defined in this module, so they import this
        # module; they are imported here, once this module is loaded, not at the top

        self._office = office
        self._journey = JourneyService(office)
        self._one: Scheduling = Scheduling(office, self._journey)
        self._bulk: BulkScheduling = BulkScheduling(office, self._journey)

    # -- scheduling (schedule.scheduling) -----------------------------------------------------
    def schedule(self, data: AppointmentInput, *, now: datetime | None = None) -> str:
        self._office.require(Perm.SCHEDULE_WRITE, "schedule appointments")
        return self._one.schedule(data, now)

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
        return self._one.reschedule(
            appointment_id, day, start, reason, duration_minutes, location_id, now
        )

    def cancel(self, appointment_id: str, reason: str) -> None:
        self._office.require(Perm.SCHEDULE_WRITE, "cancel appointments")
        if not clean(reason):
            raise InvalidInput("Say why the appointment is cancelled.")
        with self._office.unit_of_work() as session:
            appointment = find_appointment(session, appointment_id)
            if appointment.status not in ("scheduled", "notified"):
                raise InvalidInput(
                    f"A {appointment.status.replace('_', ' ')} appointment cannot be cancelled."
                )
            appointment.status = "cancelled"
            appointment.status_reason = clean(reason)
            self._office.audit(session, "appointment_cancelled", "appointment", appointment.id)

    # -- telling the family -------------------------------------------------------------------
    def record_notification(
        self, appointment_ids: Sequence[str], method: str, note: str = ""
    ) -> int:
        """The family was told (slip handed over, phone call, focal point). Returns how many."""
        self._office.require(Perm.SCHEDULE_WRITE, "record that families were told")
        if method not in NOTIFY_METHODS:
            raise InvalidInput(f"Choose how the family was told: {', '.join(NOTIFY_METHODS)}.")
        with self._office.unit_of_work() as session:
            return record_told(self._office, session, appointment_ids, method, note)

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
            appointment = find_appointment(session, appointment_id)
            return record_present(self._office, session, appointment, present_ids, moment)

    def record_outcome(self, appointment_id: str, outcome: str, note: str = "") -> None:
        """The result of an immigration interview; moves the case along its journey."""
        self._office.require(Perm.SCHEDULE_WRITE, "record interview outcomes")
        if outcome not in INTERVIEW_OUTCOMES:
            raise InvalidInput(f"Choose an outcome: {', '.join(INTERVIEW_OUTCOMES)}.")
        with self._office.unit_of_work() as session:
            appointment = find_appointment(session, appointment_id)
            record_interview_outcome(
                self._office, self._journey, session, appointment, outcome, note
            )

    def close_follow_up(self, appointment_id: str, note: str) -> None:
        """A no-show that needs no new date (the case withdrew, moved, was merged...)."""
        self._office.require(Perm.SCHEDULE_WRITE, "close no-show follow-ups")
        if not clean(note):
            raise InvalidInput("Say why no new appointment is needed.")
        with self._office.unit_of_work() as session:
            appointment = find_appointment(session, appointment_id)
            if appointment.status != "no_show":
                raise InvalidInput("Only no-shows are followed up.")
            appointment.follow_up_done = True
            appointment.status_reason = clean(note)
            self._office.audit(session, "no_show_closed", "appointment", appointment.id)

    # -- bulk scheduling (schedule.bulk) ------------------------------------------------------
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
        return self._bulk.propose(
            case_ids,
            kind,
            day,
            location_id,
            first=first,
            last=last,
            slot_minutes=slot_minutes,
            agency=agency,
            interviewer=interviewer,
            interpreter_language=interpreter_language,
            now=now,
        )

    def schedule_bulk(self, plan: BulkPlan, *, now: datetime | None = None) -> list[str]:
        """Book a confirmed plan in one step; refuses all of it if something changed since."""
        self._office.require(Perm.SCHEDULE_WRITE, "schedule appointments")
        return self._bulk.book(plan, now=now)

    # -- reading ------------------------------------------------------------------------------
    def get(self, appointment_id: str) -> AppointmentRecord:
        return self.get_many([appointment_id])[0]

    def get_many(self, appointment_ids: Sequence[str]) -> list[AppointmentRecord]:
        """Several appointments in the order asked, read together (a day of slips)."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        with self._office.reading() as session:
            rows = [find_appointment(session, i) for i in dict.fromkeys(appointment_ids)]
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
        query = agenda_query(first_day, last_day, location_id, kinds, include_cancelled)
        with self._office.reading() as session:
            return self._records(session, session.scalars(query).all())

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
            rows = chain_rows(session, find_appointment(session, appointment_id))
            return self._records(session, rows)

    def check(
        self, data: AppointmentInput, *, ignore: Sequence[str] = (), now: datetime | None = None
    ) -> list[Conflict]:
        """The conflicts a form would hit, shown before saving."""
        self._office.require(Perm.REGISTRY_READ, "see appointments")
        return self._one.check(data, ignore, now)

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _records(session: Session, rows: Sequence[Appointment]) -> list[AppointmentRecord]:
        # appointment_records builds the records defined in this module, so it imports
        # this module: it is imported on first use, not at the top

        return appointment_records(session, rows)
