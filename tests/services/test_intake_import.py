"""Importing registration lists: all-or-nothing, whole households, duplicate flags, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services.intake.importing import ImportCancelled, ImportService
from desktop.services.office import audit
from desktop.services.progress import Progress
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.registry.search import SearchService
from desktop.store.models import Case, Document, Person

HEADER = (
    "case_ref,relationship,given_name,family_name,father_name,native_name,sex,"
    "date_of_birth,nationality,document_type,document_number,phone,language,"
    "destination_country,programme\n"
)
GOOD = (
    "A1,principal,Shukria,Wardak,Gul Mohammad,شکریه وردک,F,12/03/1985,AFG,passport,P0001111,"
    "+355 69 100 2000,Dari,CAN,Canada GAR\n"
    "A1,daughter,Nilofar,Wardak,Ahmad Shah,نیلوفر وردک,F,2012,AFG,,,,Dari,CAN,Canada GAR\n"
    "B2,principal,Abdul Qadir,Safi,Rahmatullah,عبدالقادر صافی,M,1979-07-01,AFG,tazkira,"
    "1399-0505-44444,,Pashto,DEU,German Admission Programme\n"
)
BAD_ROW = "C3,son,Jawid,Noori,Haji Noor,,M,31/02/2001,AFG,,,,Dari,USA,USRAP\n"
BAD_HOUSEHOLD = "C3,principal,Latifa,Noori,Haji Noor,,F,1975,AFG,,,,Dari,USA,USRAP\n"


def _write(tmp_path: Path, *rows: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), "utf-8-sig")
    return path


def _count(office, model) -> int:  # type: ignore[no-untyped-def]
    with office.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_clean_list_becomes_households_people_and_documents(clerk_office, tmp_path):
    report = ImportService(clerk_office).run(_write(tmp_path, GOOD))
    assert report.imported and report.problems == ()
    assert (report.rows_read, report.households, report.persons, report.documents) == (3, 2, 3, 2)
    assert _count(clerk_office, Case) == 2 and _count(clerk_office, Person) == 3
    with clerk_office.reading() as session:
        languages = sorted(c.family_language or "" for c in session.scalars(select(Case)))
        events = [e.action for e in audit.recent(session, 20)]
    assert languages == ["Dari", "Pashto"] and "intake_imported" in events
    hits = SearchService(clerk_office).search("Abdulqader Safi")
    assert hits and hits[0].given_name == "Abdul Qadir"


def test_any_bad_row_means_nothing_is_imported(clerk_office, tmp_path):
    report = ImportService(clerk_office).run(_write(tmp_path, GOOD, BAD_HOUSEHOLD, BAD_ROW))
    assert not report.imported
    assert [(p.row, p.column) for p in report.problems] == [(6, "date_of_birth")]
    assert _count(clerk_office, Person) == 0 and _count(clerk_office, Document) == 0


def test_skip_invalid_leaves_out_whole_households(clerk_office, tmp_path):
    report = ImportService(clerk_office).run(
        _write(tmp_path, GOOD, BAD_HOUSEHOLD, BAD_ROW), skip_invalid=True
    )
    assert report.imported and report.households == 2 and report.persons == 3
    assert report.skipped_rows == (5,)  # Latifa is fine, but her son's row is not
    with clerk_office.reading() as session:
        names = set(session.scalars(select(Person.given_name)))
    assert "Latifa" not in names and "Jawid" not in names


def test_dry_run_writes_nothing_but_reports_what_would_happen(clerk_office, tmp_path):
    report = ImportService(clerk_office).run(_write(tmp_path, GOOD), dry_run=True)
    assert report.dry_run and not report.imported
    assert (report.households, report.persons, report.documents) == (2, 3, 2)
    assert _count(clerk_office, Person) == 0


def test_duplicates_are_flagged_inside_the_file_and_against_the_registry(clerk_office, tmp_path):
    service = RegistrationService(clerk_office)
    case = service.create_case(CaseInput(destination_country="DEU"))
    from datetime import date

    service.add_person(
        case,
        PersonInput(
            relationship="principal",
            given_name="Abdulqader",
            family_name="Safi",
            father_name="Rahmatollah",
            sex="M",
            date_of_birth=date(1979, 7, 1),
        ),
    )
    again = "D4,principal,Shokria,Wardak,Gul Mohammad,شکريه وردک,F,1985,AFG,,,,Dari,CAN,X\n"
    report = ImportService(clerk_office).run(_write(tmp_path, GOOD, again), dry_run=True)
    pairs = {(d.row, d.other_row, d.other_case_number) for d in report.duplicates}
    year = date.today().year
    assert (4, None, f"SHG-{year}-00001") in pairs  # Abdul Qadir, already registered
    assert (2, 5, None) in pairs or (5, 2, None) in pairs  # Shukria twice in the file
    assert all(d.reasons for d in report.duplicates)


def test_cancel_leaves_the_registry_untouched(clerk_office, tmp_path):
    reports: list[int] = []

    def reported(done: int, total: int, text: str) -> None:
        reports.append(done)
        progress.cancel()  # stop once the first household is written

    progress = Progress(reported)
    with pytest.raises(ImportCancelled):
        ImportService(clerk_office).run(_write(tmp_path, GOOD), progress=progress)
    assert len(reports) == 1
    assert _count(clerk_office, Case) == 0 and _count(clerk_office, Person) == 0


def test_mappings_are_remembered_per_header_set(clerk_office, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Family ID;Rel;Vorname;Sex;DOB\nX1;principal;Omid;M;1990\n", "utf-8")
    service = ImportService(clerk_office)
    suggested = service.mapping_for(path)
    assert suggested["Family ID"] == "case_ref"
    chosen = dict(suggested, Vorname="given_name", Rel="relationship")
    service.remember_mapping(list(chosen), chosen)
    assert service.mapping_for(path) == chosen
    report = service.run(path, chosen)
    assert report.imported and report.persons == 1
