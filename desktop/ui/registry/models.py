"""The registry's tables: cases, people and search results (built on kit.tables)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.services.registry.lists import CaseSummary, PersonRow
from desktop.services.registry.search import SearchHit
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import Column, LazyRowsModel, RecordListModel
from desktop.ui.registry.vocabulary import code_text, status_text


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


def yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


def cases_model(loader: Callable[[list[str]], Sequence[CaseSummary]]) -> LazyRowsModel[CaseSummary]:
    return LazyRowsModel(CASE_COLUMNS, loader, lambda c: c.id)


_NEEDS = tr_noop("Specific needs recorded for this person")


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
    Column(tr_noop("Case number"), lambda c: c.case_number, sample="DEMO-2026-00000"),
    Column(tr_noop("Status"), lambda c: status_text(c.status), sample="Registered"),
    Column(tr_noop("Members"), lambda c: str(c.members), align_right=True),
    Column(tr_noop("Destination"), lambda c: c.destination_country or ""),
    Column(tr_noop("Programme"), lambda c: c.programme or "", sample="Resettlement programme"),
    Column(tr_noop("Language"), lambda c: c.family_language or "", sample="Pashto"),
]


PERSON_COLUMNS: list[Column[PersonRow]] = [
    Column(tr_noop("Case number"), lambda p: p.case_number, sample="DEMO-2026-00000"),
    Column(tr_noop("Given name"), lambda p: p.given_name, sample="Abdul Karim", tip=True),
    Column(tr_noop("Family name"), lambda p: p.family_name, sample="Ahmadzai", tip=True),
    Column(tr_noop("Father's name"), lambda p: p.father_name, sample="Abdul Rahman", tip=True),
    Column(
        tr_noop("Name (native script)"),
        lambda p: p.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column(tr_noop("Sex"), lambda p: p.sex, sample="M"),
    Column(
        tr_noop("Date of birth"),
        lambda p: date_of_birth(p.date_of_birth, p.dob_precision),
        sample="0000-00-00",
    ),
    Column(tr_noop("Relationship"), lambda p: code_text(p.relationship), sample="Grandchild"),
    Column(tr_noop("Needs"), lambda p: yes_no(p.specific_needs), header_tip=_NEEDS),
]


HIT_COLUMNS: list[Column[PersonHit]] = [
    Column(tr_noop("Case number"), lambda h: h.hit.case_number, sample="DEMO-2026-00000"),
    Column(tr_noop("Given name"), lambda h: h.hit.given_name, sample="Abdul Karim", tip=True),
    Column(tr_noop("Family name"), lambda h: h.hit.family_name, sample="Ahmadzai", tip=True),
    Column(tr_noop("Father's name"), lambda h: h.hit.father_name, sample="Abdul Rahman", tip=True),
    Column(
        tr_noop("Name (native script)"),
        lambda h: h.hit.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column(tr_noop("Sex"), lambda h: h.hit.sex, sample="M"),
    Column(tr_noop("Date of birth"), _hit_dob, sample="0000-00-00"),
    Column(tr_noop("Relationship"), lambda h: code_text(h.person.relationship) if h.person else ""),
    Column(
        tr_noop("Needs"),
        lambda h: yes_no(h.person.specific_needs) if h.person else "",
        header_tip=_NEEDS,
    ),
    Column(tr_noop("Score"), lambda h: f"{h.hit.score:.0f}", align_right=True),
]
