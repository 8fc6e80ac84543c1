"""Finding the same person registered twice, and merging with a clear choice per field.

Pairs are found by blocking (people sharing a name key and birth year, a
document number or a phone) and scored on names in both scripts, father's
name, date of birth, sex, documents and phones. Each score comes with the
reasons behind it. Nothing is merged automatically; a "not a duplicate"
decision is remembered so the pair is not proposed again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.merging import (
    has_protection,
    merge_case_rows,
    merge_person_rows,
    persons_to_merge,
)
from desktop.services.registry.names import name_similarity, search_tokens
from desktop.services.registry.names_latin import latin_key
from desktop.services.registry.names_native import native_key
from desktop.services.registry.search import index_persons
from desktop.store.models import Case, Document, DuplicateDecision, Person

LIKELY = 75.0
POSSIBLE = 60.0
#: blocks larger than this are split further (common names + common birth years)
MAX_BLOCK = 60

MERGEABLE_FIELDS = (
    "given_name",
    "family_name",
    "father_name",
    "grandfather_name",
    "native_name",
    "sex",
    "date_of_birth",
    "dob_precision",
    "nationality",
    "phone",
    "relationship_to_principal",
)


@dataclass(frozen=True)
class PersonFacts:
    id: str
    case_id: str
    case_number: str
    given_name: str
    family_name: str
    father_name: str
    native_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str
    documents: tuple[str, ...] = ()
    phone: str | None = None


@dataclass(frozen=True)
class Candidate:
    first: PersonFacts
    second: PersonFacts
    score: float
    reasons: tuple[str, ...]

    @property
    def level(self) -> str:
        return "likely" if self.score >= LIKELY else "possible"


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def _doc_key(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def score_pair(a: PersonFacts, b: PersonFacts) -> tuple[float, tuple[str, ...]]:
    """0-100 and the reasons, positive and negative, in plain words."""
    reasons: list[str] = []
    score = 0.0
    shared_docs = {_doc_key(d) for d in a.documents} & {_doc_key(d) for d in b.documents}
    shared_docs.discard("")
    if shared_docs:
        score += 55
        reasons.append("same document number")
    latin_a = " ".join(p for p in (a.given_name, a.family_name) if p)
    latin_b = " ".join(p for p in (b.given_name, b.family_name) if p)
    names = name_similarity(latin_a, latin_b) if latin_a and latin_b else 0.0
    native = (
        name_similarity(a.native_name, b.native_name) if a.native_name and b.native_name else 0.0
    )
    best = max(names, native)
    if best >= 85:
        score += 45 * best / 100
        if min(names, native) >= 85:
            score += 5  # two independent spellings agree
            reasons.append(f"names match in Latin and Dari script ({best:.0f}%)")
        else:
            which = "names in Dari script" if native > names else "names"
            reasons.append(f"{which} match ({best:.0f}%)")
    elif best >= 70:
        score += 20 * best / 100
        reasons.append(f"names are similar ({best:.0f}%)")
    if a.father_name and b.father_name:
        father = name_similarity(a.father_name, b.father_name)
        if father >= 85:
            score += 10
            reasons.append("same father's name")
        elif father < 60:
            score -= 10
            reasons.append("different father's name")
    score += _birth(a, b, reasons)
    if a.sex != b.sex and "X" not in (a.sex, b.sex):
        score -= 35
        reasons.append("different sex")
    phone_a, phone_b = _digits(a.phone)[-9:], _digits(b.phone)[-9:]
    if phone_a and phone_a == phone_b:
        score += 10
        reasons.append("same phone")
    if a.case_id == b.case_id and not shared_docs:
        # two members of one family often share names and a father; be careful
        score -= 15
        reasons.append("members of the same household")
    return max(0.0, min(100.0, score)), tuple(reasons)


def _birth(a: PersonFacts, b: PersonFacts, reasons: list[str]) -> float:
    if a.date_of_birth is None or b.date_of_birth is None:
        return 0.0
    exact = a.dob_precision == b.dob_precision == "exact"
    if exact and a.date_of_birth == b.date_of_birth:
        reasons.append("same date of birth")
        return 25.0
    years = abs(a.date_of_birth.year - b.date_of_birth.year)
    vague = "exact" not in (a.dob_precision, b.dob_precision) or not exact
    if years == 0:
        reasons.append("same year of birth")
        return 12.0 if vague else 6.0
    if years == 1 and vague:
        reasons.append("born within a year (dates are approximate)")
        return 6.0
    if years >= 3:
        reasons.append(f"born {years} years apart")
        return -30.0
    return -5.0


def _keys(p: PersonFacts) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    year = str(p.date_of_birth.year // 2) if p.date_of_birth else "?"
    given = latin_key(p.given_name).split()
    family = latin_key(p.family_name).split()
    if given:
        keys.append(("l", given[0], family[-1] if family else "", year))
    native = native_key(p.native_name).split()
    if native:
        keys.append(("n", native[0], native[-1], year))
    for number in p.documents:
        if _doc_key(number):
            keys.append(("d", _doc_key(number)))
    if len(_digits(p.phone)) >= 9:
        keys.append(("p", _digits(p.phone)[-9:]))
    return keys


def _blocks(
    people: Iterable[PersonFacts], only_involving: set[str] | None = None
) -> Iterable[list[PersonFacts]]:
    by_key: dict[tuple[str, ...], list[PersonFacts]] = defaultdict(list)
    everyone = list(people)
    wanted: set[tuple[str, ...]] | None = None
    if only_involving is not None:
        # only blocks that hold one of the people of interest are built at all
        wanted = {k for p in everyone if p.id in only_involving for k in _keys(p)}
    for p in everyone:
        for key in _keys(p):
            if wanted is None or key in wanted:
                by_key[key].append(p)
    yield from _sized(by_key)


def _sized(by_key: dict[tuple[str, ...], list[PersonFacts]]) -> Iterable[list[PersonFacts]]:
    for block in by_key.values():
        if 1 < len(block) <= MAX_BLOCK:
            yield block
        elif len(block) > MAX_BLOCK:
            # very common name and year: compare only within the same exact year and sex
            sub: dict[tuple[object, str], list[PersonFacts]] = defaultdict(list)
            for p in block:
                sub[(p.date_of_birth.year if p.date_of_birth else None, p.sex)].append(p)
            yield from (b for b in sub.values() if 1 < len(b) <= MAX_BLOCK * 3)


def find_candidates(
    people: Iterable[PersonFacts],
    decided: set[tuple[str, str]] | None = None,
    *,
    only_involving: set[str] | None = None,
) -> list[Candidate]:
    """Likely and possible duplicates among ``people``, best first.

    With ``only_involving``, only pairs with at least one of those ids are scored
    (an import checks its rows against the registry, not the registry itself).
    """
    decided = decided or set()
    seen: set[tuple[str, str]] = set()
    found: list[Candidate] = []
    for block in _blocks(people, only_involving):
        for a, b in combinations(block, 2):
            pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if pair in seen or pair in decided:
                continue
            if only_involving is not None and not (
                a.id in only_involving or b.id in only_involving
            ):
                continue
            seen.add(pair)
            score, reasons = score_pair(a, b)
            if score >= POSSIBLE:
                first, second = (a, b) if a.id == pair[0] else (b, a)
                found.append(Candidate(first, second, round(score, 1), reasons))
    found.sort(key=lambda c: (-c.score, c.first.case_number, c.second.case_number))
    return found


class DuplicateService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def candidates(self) -> list[Candidate]:
        """Every likely or possible pair not yet decided (registry.read)."""
        self._office.require(Perm.REGISTRY_READ, "review duplicates")
        with self._office.reading() as session:
            people = _facts(session, None)
            decided = _decided(session)
        return find_candidates(people, decided)

    def candidates_for(self, person_id: str) -> list[Candidate]:
        """Pairs involving one person, found through the search index (no full scan)."""
        self._office.require(Perm.REGISTRY_READ, "review duplicates")
        with self._office.reading() as session:
            return candidates_around(session, person_id)

    def mark_not_duplicate(self, first_id: str, second_id: str, note: str = "") -> None:
        self._office.require(Perm.REGISTRY_WRITE, "decide about duplicates")
        a, b = sorted((first_id, second_id))
        with self._office.unit_of_work() as session:
            exists = session.scalars(
                select(DuplicateDecision).where(
                    DuplicateDecision.kind == "person",
                    DuplicateDecision.first_id == a,
                    DuplicateDecision.second_id == b,
                )
            ).first()
            if exists is None:
                session.add(
                    DuplicateDecision(
                        kind="person",
                        first_id=a,
                        second_id=b,
                        decision="not_duplicate",
                        note=note.strip(),
                    )
                )
            self._office.audit(session, "marked_not_duplicate", "person", a, {"other": b})

    def merge_persons(
        self,
        keep_id: str,
        drop_id: str,
        take_from_drop: Iterable[str],
        *,
        and_households: bool = False,
    ) -> None:
        """Merge ``drop`` into ``keep``; fields in ``take_from_drop`` come from ``drop``.

        Documents, consents, protection details, medical records, appointment
        invitations and orientation enrolments move to the kept person; the
        dropped row stays (marked merged) and the replaced values are kept in the
        audit trail's merge record. With ``and_households`` the two households are
        merged in the same transaction (all or nothing).
        """
        self._office.require(Perm.REGISTRY_WRITE, "merge people")
        fields = set(take_from_drop)
        unknown = fields - set(MERGEABLE_FIELDS)
        if unknown:
            raise InvalidInput(f"These fields cannot be merged: {', '.join(sorted(unknown))}.")
        if keep_id == drop_id:
            raise InvalidInput("Choose two different people to merge.")
        # checked before the write transaction: a refusal is audited in its own
        with self._office.reading() as session:
            restricted = has_protection(session, [keep_id, drop_id])
        if restricted:
            self._office.require(Perm.PROTECTION_WRITE, "merge people who have protection details")
        with self._office.unit_of_work() as session:
            keep, drop = persons_to_merge(session, keep_id, drop_id, fields)
            merge_person_rows(session, keep, drop, fields)
            moved: list[str] = []
            if and_households and keep.case_id != drop.case_id:
                moved = merge_case_rows(self._office, session, keep.case_id, drop.case_id)
            index_persons(session, [keep.id, drop.id, *moved])
            self._office.audit(
                session,
                "persons_merged",
                "person",
                keep.id,
                {"merged": drop.id, "fields_taken": sorted(fields), "households": and_households},
            )

    def merge_cases(self, keep_id: str, drop_id: str) -> None:
        """Move every member of ``drop`` into ``keep``; ``drop`` stays, marked merged."""
        self._office.require(Perm.REGISTRY_WRITE, "merge households")
        if keep_id == drop_id:
            raise InvalidInput("Choose two different households to merge.")
        with self._office.unit_of_work() as session:
            moved = merge_case_rows(self._office, session, keep_id, drop_id)
            index_persons(session, moved)


def _decided(session: Session) -> set[tuple[str, str]]:
    return {
        (str(a), str(b))
        for a, b in session.execute(
            select(DuplicateDecision.first_id, DuplicateDecision.second_id).where(
                DuplicateDecision.kind == "person"
            )
        )
    }


def load_person_facts(session: Session) -> list[PersonFacts]:
    """Every current person, as the duplicate scoring needs them."""
    return _facts(session, None)


def _facts(session: Session, ids: list[str] | None) -> list[PersonFacts]:
    documents: dict[str, list[str]] = defaultdict(list)
    numbers = select(Document.person_id, Document.number)
    if ids is not None:  # a few people (after a save): not every document of the office
        numbers = numbers.where(Document.person_id.in_(ids))
    for person_id, number in session.execute(numbers):
        documents[str(person_id)].append(str(number))
    query = (
        select(
            Person.id,
            Person.case_id,
            Case.case_number,
            Person.given_name,
            Person.family_name,
            Person.father_name,
            Person.native_name,
            Person.sex,
            Person.date_of_birth,
            Person.dob_precision,
            Person.phone,
        )
        .join(Case, Case.id == Person.case_id)
        .where(Person.merged_into_id.is_(None))
    )
    if ids is not None:
        query = query.where(Person.id.in_(ids))
    return [
        PersonFacts(
            id=r.id,
            case_id=r.case_id,
            case_number=r.case_number,
            given_name=r.given_name,
            family_name=r.family_name,
            father_name=r.father_name,
            native_name=r.native_name,
            sex=r.sex,
            date_of_birth=r.date_of_birth,
            dob_precision=r.dob_precision,
            documents=tuple(documents.get(r.id, ())),
            phone=r.phone,
        )
        for r in session.execute(query)
    ]


def candidates_around(session: Session, person_id: str) -> list[Candidate]:
    """Likely and possible duplicates of one person, quickly (right after a save).

    Uses the search index to find people sharing all name keys, the native name or
    a document number, instead of scanning the registry; the Duplicates page does
    the full scan.
    """
    facts = _facts(session, [person_id])
    if not facts:
        return []
    me = facts[0]
    latin = search_tokens(f"{me.given_name} {me.family_name}")
    native = search_tokens(me.native_name)
    numbers = [t for d in me.documents for t in search_tokens(d)]
    found: set[str] = set()
    for terms, joiner in ((latin, " AND "), (native, " AND "), (numbers, " OR ")):
        clean = [t.replace('"', "") for t in terms if t.replace('"', "")]
        if not clean:
            continue
        rows = session.execute(
            text("SELECT person_id FROM person_search WHERE person_search MATCH :q LIMIT 200"),
            {"q": joiner.join(f'"{t}"' for t in clean)},
        )
        found |= {str(r[0]) for r in rows}
    found.discard(person_id)
    if not found:
        return []
    decided = _decided(session)
    result = []
    for other in _facts(session, sorted(found)):
        pair = tuple(sorted((me.id, other.id)))
        if pair in decided:
            continue
        score, reasons = score_pair(me, other)
        if score >= POSSIBLE:
            result.append(Candidate(me, other, round(score, 1), reasons))
    return sorted(result, key=lambda c: -c.score)
