"""The registry's tables: cases, people and search results (built on kit.tables)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.services.registry.lists import CaseSummary, PersonRow
from desktop.services.registry.search import SearchHit
from desktop.ui.kit.tables import Column, LazyRowsModel, RecordListModel, words


def date_of_birth(value: date | None, precision: str) -> str:
    """A date of birth as precisely as it is known: 1990-03-14, 1990-03, 1990 or ~1990."""
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{value.year}-{value.month:02d}"
    if precision == "estimated":
        return f"~{value.year}"
    return value.isoformat()


def cases_model(loader: Callable[[list[str]], Sequence[CaseSummary]]) -> LazyRowsModel[CaseSummary]:
    return LazyRowsModel(CASE_COLUMNS, loader, lambda c: c.id)


_NEEDS = "Specific needs recorded for this person"


def people_model(loader: Callable[[list[str]], Sequence[PersonRow]]) -> LazyRowsModel[PersonRow]:
    return LazyRowsModel(PERSON_COLUMNS, loader, lambda p: p.id)


@dataclass(frozen=True)
class PersonHit:
    """A search hit with its person's row (for the date-of-birth precision and the
    relationship, which ``SearchHit`` does not carry)."""

    hit: SearchHit
    person: PersonRow | None

    @property
    def person_id(self) -> str:
        return self.hit.person_id


def _hit_dob(h: PersonHit) -> str:
    if h.person is not None:
        return date_of_birth(h.person.date_of_birth, h.person.dob_precision)
    return date_of_birth(h.hit.date_of_birth, "exact")


def hits_model() -> RecordListModel[PersonHit]:
    return RecordListModel(HIT_COLUMNS)


def join_hits(hits: Sequence[SearchHit], persons: Sequence[PersonRow]) -> list[PersonHit]:
    by_id = {p.id: p for p in persons}
    return [PersonHit(h, by_id.get(h.person_id)) for h in hits]


CASE_COLUMNS: list[Column[CaseSummary]] = [
    Column("Case number", lambda c: c.case_number, sample="DEMO-2026-00000"),
    Column("Status", lambda c: words(c.status), sample="Registered"),
    Column("Members", lambda c: str(c.members), align_right=True),
    Column("Destination", lambda c: c.destination_country or ""),
    Column("Programme", lambda c: c.programme or "", sample="Resettlement programme"),
    Column("Language", lambda c: c.family_language or "", sample="Pashto"),
]


PERSON_COLUMNS: list[Column[PersonRow]] = [
    Column("Case number", lambda p: p.case_number, sample="DEMO-2026-00000"),
    Column("Given name", lambda p: p.given_name, sample="Abdul Karim", tip=True),
    Column("Family name", lambda p: p.family_name, sample="Ahmadzai", tip=True),
    Column("Father's name", lambda p: p.father_name, sample="Abdul Rahman", tip=True),
    Column(
        "Name (native script)",
        lambda p: p.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column("Sex", lambda p: p.sex, sample="M"),
    Column(
        "Date of birth",
        lambda p: date_of_birth(p.date_of_birth, p.dob_precision),
        sample="0000-00-00",
    ),
    Column("Relationship", lambda p: words(p.relationship), sample="Grandchild"),
    Column("Needs", lambda p: "Yes" if p.specific_needs else "No", header_tip=_NEEDS),
]


HIT_COLUMNS: list[Column[PersonHit]] = [
    Column("Case number", lambda h: h.hit.case_number, sample="DEMO-2026-00000"),
    Column("Given name", lambda h: h.hit.given_name, sample="Abdul Karim", tip=True),
    Column("Family name", lambda h: h.hit.family_name, sample="Ahmadzai", tip=True),
    Column("Father's name", lambda h: h.hit.father_name, sample="Abdul Rahman", tip=True),
    Column(
        "Name (native script)",
        lambda h: h.hit.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column("Sex", lambda h: h.hit.sex, sample="M"),
    Column("Date of birth", _hit_dob, sample="0000-00-00"),
    Column("Relationship", lambda h: words(h.person.relationship) if h.person else ""),
    Column(
        "Needs",
        lambda h: ("Yes" if h.person.specific_needs else "No") if h.person else "",
        header_tip=_NEEDS,
    ),
    Column("Score", lambda h: f"{h.hit.score:.0f}", align_right=True),
]
