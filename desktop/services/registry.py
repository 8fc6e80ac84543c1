"""Households (cases) and their members: reading side used by lists and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.services.permissions import Perm
from desktop.services.session import UnlockedOffice
from desktop.store.models import Case, Person


@dataclass(frozen=True)
class CaseSummary:
    """A case without names: safe for lists, logs of support sessions and the CLI."""

    id: str
    case_number: str
    status: str
    members: int
    destination_country: str | None
    programme: str | None
    family_language: str | None


class RegistryService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def case_summaries(self) -> list[CaseSummary]:
        self._office.require(Perm.REGISTRY_READ, "list cases")
        members = (
            select(Person.case_id, func.count().label("n"))
            .where(Person.merged_into_id.is_(None))
            .group_by(Person.case_id)
            .subquery()
        )
        with self._office.reading() as session:
            rows = session.execute(
                select(
                    Case.id,
                    Case.case_number,
                    Case.status,
                    func.coalesce(members.c.n, 0),
                    Case.destination_country,
                    Case.programme,
                    Case.family_language,
                )
                .outerjoin(members, members.c.case_id == Case.id)
                .where(Case.merged_into_id.is_(None))
                .order_by(Case.case_number)
            ).all()
        return [
            CaseSummary(str(i), str(n), str(s), int(m), d, p, lang)
            for i, n, s, m, d, p, lang in rows
        ]

    def audit_lookup(self, action: str, detail: dict[str, int]) -> None:
        """Support look-ups from the command line are audited (counts only, no query text)."""
        with self._office.unit_of_work() as session:
            self._office.audit(session, action, detail=dict(detail))
