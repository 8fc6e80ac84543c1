"""Households (cases) and their members: reading side used by lists and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, true

from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
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


@dataclass(frozen=True)
class RegistryFilter:
    """Case-level filters shared by the case list and the person list (None: any)."""

    status: str | None = None
    destination_country: str | None = None
    programme: str | None = None
    family_language: str | None = None
    specific_needs: bool | None = None


@dataclass(frozen=True)
class PersonRow:
    id: str
    case_id: str
    case_number: str
    relationship: str
    given_name: str
    family_name: str
    father_name: str
    native_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str
    nationality: str
    specific_needs: bool


PERSON_SORTS = ("case_number", "given_name", "family_name", "date_of_birth")


class RegistryService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def case_summaries(self) -> list[CaseSummary]:
        self._office.require(Perm.REGISTRY_READ, "list cases")
        return self._summaries(None)

    def _summaries(self, ids: list[str] | None) -> list[CaseSummary]:
        counted = select(Person.case_id, func.count().label("n")).where(
            Person.merged_into_id.is_(None)
        )
        if ids is not None:
            counted = counted.where(Person.case_id.in_(ids))
        members = counted.group_by(Person.case_id).subquery()
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
                .where(Case.id.in_(ids) if ids is not None else true())
                .order_by(Case.case_number)
            ).all()
        return [
            CaseSummary(str(i), str(n), str(s), int(m), d, p, lang)
            for i, n, s, m, d, p, lang in rows
        ]

    def filter_choices(self) -> dict[str, list[str]]:
        """The values present, for filter drop-downs."""
        self._office.require(Perm.REGISTRY_READ, "list cases")
        with self._office.reading() as session:
            return {
                column.key: sorted(
                    str(v) for (v,) in session.execute(select(column).distinct()) if v is not None
                )
                for column in (
                    Case.status,
                    Case.destination_country,
                    Case.programme,
                    Case.family_language,
                )
            }

    def case_ids(self, where: RegistryFilter = RegistryFilter()) -> list[str]:
        """Ids of the cases passing ``where``, by case number (the list loads rows lazily)."""
        self._office.require(Perm.REGISTRY_READ, "list cases")
        query = self._filtered(select(Case.id), where).order_by(Case.case_number)
        with self._office.reading() as session:
            return [str(i) for (i,) in session.execute(query)]

    def cases(self, ids: list[str]) -> list[CaseSummary]:
        """Summaries of the given cases, in the order asked."""
        self._office.require(Perm.REGISTRY_READ, "list cases")
        if not ids:
            return []
        by_id = {c.id: c for c in self._summaries(ids)}
        return [by_id[i] for i in ids if i in by_id]

    def person_ids(
        self,
        where: RegistryFilter = RegistryFilter(),
        sort: str = "case_number",
    ) -> list[str]:
        self._office.require(Perm.REGISTRY_READ, "list people")
        if sort not in PERSON_SORTS:
            raise ValueError(sort)
        order = Case.case_number if sort == "case_number" else getattr(Person, sort)
        # in the person list "specific needs" means the person's own flag
        per_case = RegistryFilter(
            where.status, where.destination_country, where.programme, where.family_language
        )
        query = self._filtered(
            select(Person.id).join(Case, Case.id == Person.case_id), per_case
        ).where(Person.merged_into_id.is_(None))
        if where.specific_needs is not None:
            query = query.where(Person.specific_needs.is_(where.specific_needs))
        query = query.order_by(order, Case.case_number, Person.given_name)
        with self._office.reading() as session:
            return [str(i) for (i,) in session.execute(query)]

    def persons(self, ids: list[str]) -> list[PersonRow]:
        """Rows for the given persons, in the order asked (a page of a lazy list)."""
        self._office.require(Perm.REGISTRY_READ, "list people")
        if not ids:
            return []
        with self._office.reading() as session:
            rows = session.execute(
                select(Person, Case.case_number)
                .join(Case, Case.id == Person.case_id)
                .where(Person.id.in_(ids))
            ).all()
        by_id = {
            p.id: PersonRow(
                p.id,
                p.case_id,
                number,
                p.relationship_to_principal,
                p.given_name,
                p.family_name,
                p.father_name,
                p.native_name,
                p.sex,
                p.date_of_birth,
                p.dob_precision,
                p.nationality,
                p.specific_needs,
            )
            for p, number in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    @staticmethod
    def _filtered(query: Select[Any], where: RegistryFilter) -> Select[Any]:
        query = query.where(Case.merged_into_id.is_(None))
        for column, value in (
            (Case.status, where.status),
            (Case.destination_country, where.destination_country),
            (Case.programme, where.programme),
            (Case.family_language, where.family_language),
        ):
            if value is not None:
                query = query.where(column == value)
        if where.specific_needs is not None:
            needs = select(Person.case_id).where(
                Person.specific_needs.is_(True), Person.merged_into_id.is_(None)
            )
            query = query.where(
                Case.id.in_(needs) if where.specific_needs else Case.id.not_in(needs)
            )
        return query

    def audit_lookup(self, action: str, detail: dict[str, int]) -> None:
        """Support look-ups from the command line are audited (counts only, no query text)."""
        with self._office.unit_of_work() as session:
            self._office.audit(session, action, detail=dict(detail))
