"""What the office prints about appointments: family slips and the day's agenda.

Builds the plain records of ``reports.records`` from the database and returns PDF
bytes; the caller decides where they go (preview and printer, or a file the user
chose). Nothing is written to disk here. Marking slips as handed over is a separate
step, taken only once they were really printed or saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.office.clock import to_local
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.progress import Progress
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService
from desktop.services.schedule.places import PlaceRecord, PlacesService
from desktop.services.vocabulary import BRING_BY_KIND
from desktop.store.models import Case
from reports.records import Agenda, AgendaRow, Attendee, Place, Slip

# appointments a family can still be told about
PRINTABLE = ("scheduled", "notified")


def slip_language(family_language: str | None) -> str | None:
    """Dari beside English unless the family reads Pashto; "Other" gets English only."""
    if family_language == "Pashto":
        return "pashto"
    if family_language == "Other":
        return None
    return "dari"


def _place(record: PlaceRecord) -> Place:
    return Place(record.name, record.address, record.map_line)


def _reporting(progress: Progress, total: int) -> Callable[[int], None]:
    def laid_out(done: int) -> None:
        progress.report(done, total, "Laying out slips")
        progress.check()

    return laid_out


class PrintingService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office
        self._appointments = AppointmentService(office)
        self._places = PlacesService(office)

    # -- slips --------------------------------------------------------------------------------
    def slips_for_day(self, day: date, location_id: str | None = None) -> list[str]:
        """Appointments of a day whose families can still be given a slip."""
        return [
            a.id
            for a in self._appointments.agenda(day, location_id=location_id)
            if a.status in PRINTABLE
        ]

    def slips_pdf(self, appointment_ids: Sequence[str], progress: Progress | None = None) -> bytes:
        """One slip per appointment, in the family's language beside English; ``progress``
        hears of each slip laid out and may stop the work."""
        from reports.slips import render_slips  # reportlab loads only when printing

        self._office.require(Perm.SCHEDULE_WRITE, "print appointment slips for families")
        if not appointment_ids:
            raise InvalidInput("Choose at least one appointment to print a slip for.")
        records = self._appointments.get_many(appointment_ids)
        closed = [a for a in records if a.status not in PRINTABLE]
        if closed:
            raise InvalidInput(
                f"{closed[0].case_number}: a {closed[0].status.replace('_', ' ')} appointment "
                "gets no slip."
            )
        places = {p.id: p for p in self._places.list(include_inactive=True)}
        slips = [
            Slip(
                case_number=a.case_number,
                language=slip_language(a.family_language),
                kind=a.kind,
                starts_at=to_local(a.starts_at),
                duration_minutes=a.duration_minutes,
                place=_place(places[a.location_id]),
                attendees=tuple(Attendee(p.name, p.native_name) for p in a.attendees),
                bring=BRING_BY_KIND.get(a.kind, ("this_slip",)),
                office_name=self._office.info.name,
                detail=a.meeting if a.kind == "interview" else "",
            )
            for a in records
        ]
        pdf = render_slips(slips, _reporting(progress or Progress(), len(slips)))
        with self._office.unit_of_work() as session:
            self._office.audit(session, "slips_rendered", "appointment", "", {"count": len(slips)})
        return pdf

    def mark_slips_handed(self, appointment_ids: Sequence[str]) -> int:
        """The printed (or saved) slips go to the families: record them as told."""
        return self._appointments.record_notification(appointment_ids, "printed_slip")

    def orientation_slips_pdf(self, session_id: str) -> bytes:
        """One slip per household enrolled in an orientation session: who must come."""
        from reports.slips import render_slips

        self._office.require(Perm.SCHEDULE_WRITE, "print orientation slips for families")
        detail = OrientationService(self._office).session_detail(session_id)
        session = detail.session
        if session.cancelled:
            raise InvalidInput("The session is cancelled: tell the families instead of printing.")
        if not detail.enrolments:
            raise InvalidInput("Nobody is enrolled in this session yet.")
        households: dict[str, list[Attendee]] = {}
        numbers: dict[str, str] = {}
        for person in detail.enrolments:
            households.setdefault(person.case_id, []).append(
                Attendee(person.name, person.native_name)
            )
            numbers[person.case_id] = person.case_number
        with self._office.reading() as db:
            languages = dict(
                db.execute(
                    select(Case.id, Case.family_language).where(Case.id.in_(list(households)))
                ).all()
            )
        place = _place(self._places.get(session.location_id))
        minutes = int((session.ends_at - session.starts_at).total_seconds() // 60)
        slips = [
            Slip(
                case_number=numbers[case_id],
                language=slip_language(languages.get(case_id)),
                kind="orientation",
                starts_at=to_local(session.starts_at),
                duration_minutes=minutes,
                place=place,
                attendees=tuple(people),
                bring=BRING_BY_KIND["orientation"],
                office_name=self._office.info.name,
                detail=f"Session in {session.language}",
            )
            for case_id, people in sorted(households.items(), key=lambda h: numbers[h[0]])
        ]
        pdf = render_slips(slips)
        with self._office.unit_of_work() as db:
            self._office.audit(
                db,
                "orientation_slips_rendered",
                "orientation_session",
                session.id,
                {"count": len(slips)},
            )
        return pdf

    # -- agenda -------------------------------------------------------------------------------
    def agenda_pdf(self, day: date, location_id: str | None = None) -> bytes:
        """The day's list for reception or the clinic, with a signature column."""
        from reports.agenda import render_agenda

        self._office.require(Perm.REGISTRY_READ, "print the agenda")
        place = self._places.get(location_id) if location_id else None
        rows = tuple(
            AgendaRow(
                starts_at=to_local(a.starts_at),
                duration_minutes=a.duration_minutes,
                case_number=a.case_number,
                principal_name=a.principal_name,
                attendee_count=len(a.attendees),
                kind=a.kind,
                status=a.status,
                detail=a.meeting,
                place_name=a.location_name,
            )
            for a in self._appointments.agenda(day, location_id=location_id)
            if a.status != "rescheduled"
        )
        agenda = Agenda(
            day=day,
            place=_place(place) if place else None,
            rows=rows,
            office_name=self._office.info.name,
            printed_at=to_local(self._office.clock.now()),
            printed_by=self._office.actor.username,
        )
        pdf = render_agenda(agenda)
        with self._office.unit_of_work() as session:
            self._office.audit(
                session, "agenda_printed", "location", location_id or "", {"rows": len(rows)}
            )
        return pdf
