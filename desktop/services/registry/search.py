"""Finding people: an FTS5 index of normalised tokens, ranked with rapidfuzz.

Every person is indexed with the search tokens of their names (Latin and
native script, father's and grandfather's names), their case number, document
numbers and phone. Spelling variants share a token (``names.search_tokens``),
so "Muhammad Husain" finds "Mohammad Hossein". The query's tokens must all
match as prefixes; when that finds too little, any token may match and the
candidates are ranked by name similarity, which absorbs small typos.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.names import name_similarity, search_tokens
from desktop.store.models import Case, Counter, Document, Person

log = logging.getLogger("desktop.search")

#: bump when the token rules change: the index is rebuilt at the next check
INDEX_VERSION = 2  # 2: the household's contact phone
_VERSION_COUNTER = "search_index_version"
_CANDIDATES = 400
#: below this a hit shares only a fragment with the query: noise, not a match
MIN_SCORE = 30.0
_RANKED = 120
_MIN_STRICT_HITS = 5
_FTS_SPECIAL = re.compile(r'["*^:(){}\[\]+-]')


@dataclass(frozen=True)
class SearchHit:
    person_id: str
    case_id: str
    case_number: str
    given_name: str
    family_name: str
    father_name: str
    native_name: str
    sex: str
    date_of_birth: date | None
    score: float


@lru_cache(maxsize=1 << 17)
def _tokens(text: str) -> tuple[str, ...]:
    """search_tokens, remembered: names and case numbers repeat across 100,000 people."""
    return tuple(search_tokens(text))


def person_tokens(
    person: Person,
    case_number: str,
    documents: list[str],
    extra: Sequence[str] = (),
) -> str:
    parts = [
        person.given_name,
        person.family_name,
        person.father_name,
        person.grandfather_name,
        person.native_name,
    ]
    tokens = [t for part in parts for t in _tokens(part or "")]
    tokens += _number_tokens(case_number)
    for number in documents:
        tokens += _number_tokens(number)
    if person.phone:
        tokens += _phone_tokens(person.phone)
    tokens += extra
    return " ".join(dict.fromkeys(tokens))  # unique, order kept


@lru_cache(maxsize=1 << 16)
def _number_tokens(value: str) -> tuple[str, ...]:
    """A number also matches by its tail: '00042' or '42' for SHG-2026-00042."""
    tokens = list(_tokens(value))
    digits = re.sub(r"\D", "", value)
    if digits:
        tokens.append(digits)
        tail = re.search(r"(\d+)$", value.strip())
        if tail:
            tokens += [tail.group(1), tail.group(1).lstrip("0") or "0"]
    return tuple(tokens)


@lru_cache(maxsize=1 << 16)
def _phone_tokens(value: str) -> tuple[str, ...]:
    """+355 69 555 0101 is also typed 069 555 0101 or 69 555 0101."""
    tokens = list(_number_tokens(value))
    digits = re.sub(r"\D", "", value)
    if len(digits) > 9:
        tokens += [digits[-9:], "0" + digits[-9:]]
    return tuple(tokens)


class SearchService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office
        self._vocab: list[str] | None = None  # distinct indexed tokens, loaded on demand

    def forget_vocabulary(self) -> None:
        """Call after people were added or changed (the typo lookup reloads its words)."""
        self._vocab = None

    # -- queries ----------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """People matching ``query``, best first; an empty query finds nobody."""
        self._office.require(Perm.REGISTRY_READ, "search the registry")
        tokens = [t for t in search_tokens(query) if t]
        if not tokens:
            return []
        with self._office.reading() as session:
            ids = self._match(session, tokens, strict=True)
            if len(ids) < _MIN_STRICT_HITS:
                # typos: also try the indexed tokens that are close to each query token
                wider = tokens + self._near_tokens(session, tokens)
                seen = set(ids)
                ids += [i for i in self._match(session, wider, strict=False) if i not in seen]
            hits = self._rank(session, query, ids[:_RANKED])
            return [h for h in hits if h.score >= MIN_SCORE][:limit]

    def _near_tokens(self, session: Session, tokens: list[str]) -> list[str]:
        if self._vocab is None:
            # name words only: numbers are matched exactly or by prefix, never fuzzily
            self._vocab = [
                str(r[0])
                for r in session.execute(text("SELECT term FROM person_search_vocab"))
                if not any(c.isdigit() for c in str(r[0]))
            ]
        near: list[str] = []
        for token in tokens:
            if len(token) < 4 or token.isdigit():
                continue
            for term, _score, _index in process.extract(
                token, self._vocab, scorer=fuzz.ratio, score_cutoff=80, limit=5
            ):
                near.append(term)
        return near

    def _match(self, session: Session, tokens: list[str], *, strict: bool) -> list[str]:
        terms = [f'"{_FTS_SPECIAL.sub("", t)}"*' for t in tokens if _FTS_SPECIAL.sub("", t)]
        if not terms:
            return []
        expression = (" AND " if strict else " OR ").join(terms)
        rows = session.execute(
            text(
                # no ORDER BY rank: bm25 over every match of a short prefix ("mo")
                # costs ~150 ms at 100,000 people; candidates are ranked below instead
                "SELECT person_id FROM person_search WHERE person_search MATCH :q LIMIT :n"
            ),
            {"q": expression, "n": _CANDIDATES},
        )
        return [str(r[0]) for r in rows]

    def _rank(self, session: Session, query: str, ids: list[str]) -> list[SearchHit]:
        if not ids:
            return []
        rows = session.execute(
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
                Person.phone,
                Case.contact_phone,
            )
            .join(Case, Case.id == Person.case_id)
            .where(Person.id.in_(ids), Person.merged_into_id.is_(None))
        ).all()
        wanted = set(search_tokens(query))
        codes = {t for t in wanted if any(c.isdigit() for c in t)}
        documents: dict[str, list[str]] = {}
        if codes:
            for person_id, number in session.execute(
                select(Document.person_id, Document.number).where(Document.person_id.in_(ids))
            ):
                documents.setdefault(str(person_id), []).append(str(number))
        scripts = _scripts(query)
        hits = []
        for row in rows:
            if codes:
                score = _number_score(
                    codes,
                    row.case_number,
                    [p for p in (row.phone, row.contact_phone) if p],
                    documents.get(row.id, []),
                )
            else:
                score = _name_score(query, scripts, row)
            hits.append(
                SearchHit(
                    person_id=row.id,
                    case_id=row.case_id,
                    case_number=row.case_number,
                    given_name=row.given_name,
                    family_name=row.family_name,
                    father_name=row.father_name,
                    native_name=row.native_name,
                    sex=row.sex,
                    date_of_birth=row.date_of_birth,
                    score=round(score, 1),
                )
            )
        hits.sort(key=lambda h: (-h.score, h.case_number, h.given_name))
        return hits

    # -- the index ----------------------------------------------------------------------
    def ensure_index(self) -> int:
        """Rebuild the index if its rules changed or it misses people; returns rows indexed."""
        self._office.require(Perm.REGISTRY_READ, "search the registry")
        with self._office.reading() as session:
            version = session.scalar(select(Counter.value).where(Counter.name == _VERSION_COUNTER))
            indexed = session.scalar(text("SELECT count(*) FROM person_search")) or 0
            persons = session.scalar(
                select(func.count()).select_from(Person).where(Person.merged_into_id.is_(None))
            )
        if version == INDEX_VERSION and indexed == persons:
            return 0
        with self._office.unit_of_work() as session:
            count = rebuild_index(session)
        self._vocab = None
        log.info("search index rebuilt: %d persons", count)
        return count


_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def _scripts(query: str) -> tuple[bool, bool]:
    """(has Latin letters, has Arabic-script letters): compare only what can match."""
    return bool(_LATIN.search(query)), bool(_ARABIC.search(query))


def _number_score(codes: set[str], case_number: str, phones: list[str], docs: list[str]) -> float:
    numbers = {t for d in docs for t in _number_tokens(d)}
    numbers |= set(_number_tokens(case_number))
    for phone in phones:
        numbers |= set(_phone_tokens(phone))
    if codes <= numbers:
        return 100.0
    if all(any(n.startswith(t) for n in numbers) for t in codes):
        return 95.0  # a number still being typed
    return 0.0


def _name_score(query: str, scripts: tuple[bool, bool], row: Any) -> float:
    latin_query, native_query = scripts
    best = 0.0
    if latin_query:
        latin = " ".join(p for p in (row.given_name, row.family_name) if p)
        best = name_similarity(query, latin)
        if best < 100 and row.father_name and len(query.split()) > 1:
            best = max(best, name_similarity(query, f"{latin} {row.father_name}"))
    if native_query and row.native_name:
        best = max(best, name_similarity(query, row.native_name))
    return best


def rebuild_index(session: Session) -> int:
    """Index every person again (after an import, a demo build or new token rules)."""
    session.execute(text("DELETE FROM person_search"))
    documents: dict[str, list[str]] = {}
    for person_id, number in session.execute(select(Document.person_id, Document.number)):
        documents.setdefault(str(person_id), []).append(str(number))
    rows = []
    query = (
        select(Person, Case.case_number, Case.contact_phone)
        .join(Case, Case.id == Person.case_id)
        .where(Person.merged_into_id.is_(None))
        .execution_options(yield_per=5000)
    )
    for person, case_number, case_phone in session.execute(query):
        extra = _phone_tokens(case_phone) if case_phone else ()
        tokens = person_tokens(person, case_number, documents.get(person.id, []), extra)
        rows.append({"tokens": tokens, "person_id": person.id, "case_id": person.case_id})
        if len(rows) >= 5000:
            _insert(session, rows)
            rows = []
    _insert(session, rows)
    session.execute(
        text(
            "INSERT INTO counters (name, value) VALUES (:n, :v) "
            "ON CONFLICT(name) DO UPDATE SET value = :v"
        ),
        {"n": _VERSION_COUNTER, "v": INDEX_VERSION},
    )
    return int(session.scalar(text("SELECT count(*) FROM person_search")) or 0)


def index_persons(session: Session, person_ids: list[str], *, fresh: bool = False) -> None:
    """Refresh the index rows of some persons after they changed (``fresh``: new people)."""
    if not person_ids:
        return
    for start in range(0, len(person_ids), 5000):  # SQLite caps bound parameters
        chunk = person_ids[start : start + 5000]
        if not fresh:
            _unindex(session, chunk)
        _index(session, chunk)


def _unindex(session: Session, person_ids: list[str]) -> None:
    session.execute(
        text("DELETE FROM person_search WHERE person_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": person_ids},
    )


def _index(session: Session, person_ids: list[str]) -> None:
    documents: dict[str, list[str]] = {}
    for person_id, number in session.execute(
        select(Document.person_id, Document.number).where(Document.person_id.in_(person_ids))
    ):
        documents.setdefault(str(person_id), []).append(str(number))
    rows = [
        {
            "tokens": person_tokens(
                person,
                case_number,
                documents.get(person.id, []),
                _phone_tokens(case_phone) if case_phone else (),
            ),
            "person_id": person.id,
            "case_id": person.case_id,
        }
        for person, case_number, case_phone in session.execute(
            select(Person, Case.case_number, Case.contact_phone)
            .join(Case, Case.id == Person.case_id)
            .where(Person.id.in_(person_ids), Person.merged_into_id.is_(None))
        )
    ]
    _insert(session, rows)


def _insert(session: Session, rows: list[dict[str, str]]) -> None:
    if rows:
        session.execute(
            text(
                "INSERT INTO person_search (tokens, person_id, case_id) "
                "VALUES (:tokens, :person_id, :case_id)"
            ),
            rows,
        )
