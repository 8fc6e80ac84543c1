"""Counts for the overview page: no personal data, readable by every role."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services.office.clock import day_bounds, office_today
from desktop.services.office.permissions import Perm
from desktop.services.office.records import OfficeOverview
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import INFORM_HOURS, SettingsService
from desktop.services.schedule.appointments import needs_follow_up, still_to_inform
from desktop.store.models import Appointment, Case, Document, Person, User


def office_overview(office: UnlockedOffice) -> OfficeOverview:
    office.require(Perm.REGISTRY_READ, "see the office overview")
    now = office.clock.now()
    inform_hours = SettingsService(office).get(INFORM_HOURS)
    start, end = day_bounds(office_today(now))
    with office.reading() as session:
        by_status = session.execute(
            select(Case.status, func.count()).group_by(Case.status).order_by(Case.status)
        ).all()

        def count(model: type[Case] | type[Person] | type[Document] | type[User]) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        return OfficeOverview(
            cases=count(Case),
            persons=count(Person),
            documents=count(Document),
            cases_by_status=tuple((str(s), int(n)) for s, n in by_status),
            users=count(User),
            appointments_today=int(
                session.scalar(
                    select(func.count()).where(
                        Appointment.starts_at >= start,
                        Appointment.starts_at < end,
                        Appointment.status.not_in(("cancelled", "rescheduled")),
                    )
                )
                or 0
            ),
            to_inform=int(
                session.scalar(select(func.count()).where(still_to_inform(now, inform_hours))) or 0
            ),
            no_shows=int(session.scalar(select(func.count()).where(needs_follow_up())) or 0),
        )


class OverviewService:
    """What the overview page may ask for (it never holds the office itself)."""

    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def overview(self) -> OfficeOverview:
        return office_overview(self._office)
