"""Importing a registration list: preview, duplicate flags, then all-or-nothing.

Rows are read and checked by ``intake_file``; households are the rows sharing
a ``case_ref``. The whole import is one transaction: a cancelled or failed
import leaves the registry exactly as it was. Duplicates (inside the file and
against the registry) are flagged for review, never merged.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.services.intake.columns import header_signature, suggest_mapping
from desktop.services.intake.reading import (
    IntakeFile,
    IntakeRow,
    RowProblem,
    read_headers,
    read_intake_file,
)
from desktop.services.journey.statuses import REGISTERED
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.progress import Cancelled, Progress
from desktop.services.registry.duplicates import PersonFacts, find_candidates, load_person_facts
from desktop.services.registry.search import index_persons
from desktop.store.models import (
    Case,
    CaseStatusEvent,
    ColumnMapping,
    CustodyEvent,
    Document,
    Person,
    new_id,
)
from desktop.store.tracking import next_counter, stamp_rows

log = logging.getLogger("desktop.import")


class ImportCancelled(Cancelled):
    """The user stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The import was stopped; nothing was imported.")


@dataclass(frozen=True)
class ImportDuplicate:
    row: int
    #: the other row of the same file, or None when the match is already registered
    other_row: int | None
    other_case_number: str | None
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ImportReport:
    rows_read: int
    households: int
    persons: int
    documents: int
    problems: tuple[RowProblem, ...]
    skipped_rows: tuple[int, ...]
    duplicates: tuple[ImportDuplicate, ...]
    unmapped_required: tuple[str, ...]
    dry_run: bool
    imported: bool


class ImportService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    # -- column mappings ---------------------------------------------------------------
    def mapping_for(self, path: Path) -> dict[str, str | None]:
        """The remembered mapping for files with these headers, else a suggestion."""
        self._office.require(Perm.REGISTRY_WRITE, "import registration lists")
        headers = read_headers(path)
        with self._office.reading() as session:
            row = session.scalars(
                select(ColumnMapping).where(ColumnMapping.signature == header_signature(headers))
            ).one_or_none()
        if row is not None:
            remembered = json.loads(row.mapping)
            if isinstance(remembered, dict) and set(remembered) == set(headers):
                return {str(k): (str(v) if v else None) for k, v in remembered.items()}
        return suggest_mapping(headers)

    def remember_mapping(self, headers: Sequence[str], mapping: Mapping[str, str | None]) -> None:
        self._office.require(Perm.REGISTRY_WRITE, "import registration lists")
        signature = header_signature(headers)
        with self._office.unit_of_work() as session:
            row = session.scalars(
                select(ColumnMapping).where(ColumnMapping.signature == signature)
            ).one_or_none()
            if row is None:
                session.add(ColumnMapping(signature=signature, mapping=json.dumps(dict(mapping))))
            else:
                row.mapping = json.dumps(dict(mapping))

    # -- the import ----------------------------------------------------------------------
    def run(
        self,
        path: Path,
        mapping: Mapping[str, str | None] | None = None,
        *,
        dry_run: bool = False,
        skip_invalid: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Read, check and (unless ``dry_run``) import ``path``.

        Without ``skip_invalid`` any problem means nothing is imported. With it,
        households with a bad row are left out whole, so no family is split.
        """
        self._office.require(Perm.REGISTRY_WRITE, "import registration lists")
        today = self._office.clock.today()
        sheet = read_intake_file(path, mapping, today=today)
        bad_refs = _bad_households(sheet)
        rows = [r for r in sheet.rows if r.case_ref not in bad_refs]
        skipped = tuple(sorted({r.row for r in sheet.rows if r.case_ref in bad_refs}))
        duplicates = self._duplicates(rows)
        blocked = bool(sheet.unmapped_required) or (bool(sheet.problems) and not skip_invalid)
        households = _households(rows)
        if dry_run or blocked or not rows:
            return ImportReport(
                sheet.rows_read,
                0 if blocked else len(households),
                0 if blocked else len(rows),
                0 if blocked else sum(1 for r in rows if r.document_number),
                sheet.problems,
                skipped,
                duplicates,
                sheet.unmapped_required,
                dry_run,
                imported=False,
            )
        persons, documents = self._write(households, progress or Progress())
        log.info("import: %d households, %d persons", len(households), persons)
        return ImportReport(
            sheet.rows_read,
            len(households),
            persons,
            documents,
            sheet.problems,
            skipped,
            duplicates,
            (),
            False,
            imported=True,
        )

    def _write(
        self,
        households: dict[str, list[IntakeRow]],
        progress: Progress,
    ) -> tuple[int, int]:
        total = sum(len(rows) for rows in households.values())
        done = 0
        code = self._office.info.code
        year = self._office.clock.today().year
        new = _NewRows()
        with self._office.unit_of_work() as session:
            first = next_counter(session, f"case_number:{year}", len(households))
            for number, rows in enumerate(households.values(), start=first):
                progress.check(ImportCancelled)
                new.add_household(f"{code}-{year}-{number:05d}", rows)
                done += len(rows)
                progress.report(done, total, "Importing rows")
            new.insert(session)
            persons, documents = len(new.persons), len(new.documents)
            index_persons(session, new.person_ids, fresh=True)
            self._office.audit(
                session,
                "intake_imported",
                detail={"households": len(households), "persons": persons},
            )
        return persons, documents

    def _duplicates(self, rows: list[IntakeRow]) -> tuple[ImportDuplicate, ...]:
        if not rows:
            return ()
        with self._office.reading() as session:
            registered = load_person_facts(session)
        incoming = [_facts(r) for r in rows]
        by_id = {p.id: p for p in registered}
        found = []
        for candidate in find_candidates(
            [*registered, *incoming], only_involving={p.id for p in incoming}
        ):
            a, b = candidate.first, candidate.second
            if not a.id.startswith("row:"):
                a, b = b, a
            row = int(a.id.split(":")[1])
            other_row = int(b.id.split(":")[1]) if b.id.startswith("row:") else None
            other = by_id.get(b.id)
            found.append(
                ImportDuplicate(
                    row,
                    other_row,
                    other.case_number if other else None,
                    candidate.score,
                    candidate.reasons,
                )
            )
        return tuple(sorted(found, key=lambda d: (d.row, -d.score)))


@dataclass
class _NewRows:
    """The rows one import adds, built in memory and inserted table by table: thousands
    of plain inserts are much faster than as many ORM objects."""

    cases: list[dict[str, object]] = field(default_factory=list)
    persons: list[dict[str, object]] = field(default_factory=list)
    documents: list[dict[str, object]] = field(default_factory=list)
    custody: list[dict[str, object]] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)

    def add_household(self, case_number: str, rows: list[IntakeRow]) -> None:
        """The case, with the principal's row (else the first) for the household fields."""
        head = next((r for r in rows if r.relationship == "principal"), rows[0])
        case_id = new_id()
        self.cases.append(
            {
                "id": case_id,
                "case_number": case_number,
                "status": REGISTERED,
                "destination_country": head.destination_country,
                "programme": head.programme,
                "family_language": head.language,
                "contact_phone": head.phone,
                "notes": "",
            }
        )
        for row in rows:
            self._add_person(case_id, row)

    def _add_person(self, case_id: str, row: IntakeRow) -> None:
        person_id = new_id()
        self.persons.append(
            {
                "id": person_id,
                "case_id": case_id,
                "relationship_to_principal": row.relationship,
                "given_name": row.given_name,
                "family_name": row.family_name,
                "father_name": row.father_name,
                "grandfather_name": "",
                "native_name": row.native_name,
                "sex": row.sex,
                "date_of_birth": row.date_of_birth,
                "dob_precision": row.dob_precision,
                "nationality": row.nationality,
                "languages": row.language or "",
                "phone": row.phone,
                "specific_needs": False,
            }
        )
        self.person_ids.append(person_id)
        if row.document_type and row.document_number:
            self._add_document(person_id, row)

    def _add_document(self, person_id: str, row: IntakeRow) -> None:
        """The document the row names, with the family holding it."""
        document_id = new_id()
        self.documents.append(
            {
                "id": document_id,
                "person_id": person_id,
                "doc_type": row.document_type,
                "number": row.document_number,
                "expiry_date": row.document_expiry,
                "machine_readable": False,
                "custody": "family",
            }
        )
        self.custody.append(
            {"id": new_id(), "document_id": document_id, "custody": "family", "note": "imported"}
        )

    def insert(self, session: Session) -> None:
        """Every row, with each case's opening status, in dependency order."""
        status_rows = JourneyService.opening_rows([str(c["id"]) for c in self.cases], "imported")
        # plain inserts in dependency order; stamp_rows gives each its change number
        for model, rows_of in (
            (Case, self.cases),
            (CaseStatusEvent, status_rows),
            (Person, self.persons),
            (Document, self.documents),
            (CustodyEvent, self.custody),
        ):
            if rows_of:
                stamp_rows(session, model.__tablename__, rows_of)
                session.connection().execute(insert(model.__table__), rows_of)  # type: ignore[arg-type]


def _facts(row: IntakeRow) -> PersonFacts:
    return PersonFacts(
        id=f"row:{row.row}",
        case_id=f"ref:{row.case_ref}",
        case_number="",
        given_name=row.given_name,
        family_name=row.family_name,
        father_name=row.father_name,
        native_name=row.native_name,
        sex=row.sex,
        date_of_birth=row.date_of_birth,
        dob_precision=row.dob_precision,
        documents=(row.document_number,) if row.document_number else (),
        phone=row.phone,
    )


def _households(rows: list[IntakeRow]) -> dict[str, list[IntakeRow]]:
    groups: dict[str, list[IntakeRow]] = defaultdict(list)
    for row in rows:
        groups[row.case_ref].append(row)
    return dict(groups)


def _bad_households(sheet: IntakeFile) -> set[str]:
    """case_refs with at least one rejected row: imported whole or not at all."""
    return set(sheet.rejected_refs)
