"""Counts for the overview page: no personal data, readable by every role."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services.permissions import Perm
from desktop.services.records import OfficeOverview
from desktop.services.session import UnlockedOffice
from desktop.store.models import Case, Document, Person, User


def office_overview(office: UnlockedOffice) -> OfficeOverview:
    office.require(Perm.REGISTRY_READ, "see the office overview")
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
        )


class OverviewService:
    """What the overview page may ask for (it never holds the office itself)."""

    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def overview(self) -> OfficeOverview:
        return office_overview(self._office)
