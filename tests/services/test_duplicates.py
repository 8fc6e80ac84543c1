"""Duplicate detection: scoring reasons, a measured labelled corpus, decisions and merges."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.demo.households import generate_households
from desktop.services.registry.duplicates import (
    LIKELY,
    DuplicateService,
    PersonFacts,
    find_candidates,
    score_pair,
)
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.store.models import Document, Person

VARIANTS = {
    "Mohammad": "Muhammad",
    "Muhammad": "Mohammed",
    "Ahmad": "Ahmed",
    "Hussain": "Hossein",
    "Hossein": "Husain",
    "Abdul Rahman": "Abdurrahman",
    "Fatima": "Fatema",
    "Zainab": "Zeynab",
    "Yousuf": "Yusuf",
    "Noor": "Nur",
}


def _variant_name(name: str, rng: random.Random) -> str:
    for a, b in VARIANTS.items():
        if a in name:
            return name.replace(a, b)
    if len(name) > 5 and rng.random() < 0.5:  # a typing slip: one letter dropped
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1 :]
    return name.replace("zai", "zay") if name.endswith("zai") else name


def _native_variant(text: str) -> str:
    return text.replace("ی", "ي").replace("ک", "ك")  # typed on an Arabic keyboard


def _corpus(households: int, seed: int) -> tuple[list[PersonFacts], set[tuple[str, str]]]:
    """Real-looking people plus re-registrations of some of them, with the true pairs."""
    rng = random.Random(seed)
    people: list[PersonFacts] = []
    truth: set[tuple[str, str]] = set()
    for h, household in enumerate(generate_households(households, seed, date(2026, 6, 1))):
        case_id = f"case{h}"
        for m, member in enumerate(household.members):
            original = PersonFacts(
                id=f"p{h}-{m}",
                case_id=case_id,
                case_number=f"SHG-2026-{h:05d}",
                given_name=member.given_name,
                family_name=member.family_name,
                father_name=member.father_name,
                native_name=member.native_name,
                sex=member.sex,
                date_of_birth=member.date_of_birth,
                dob_precision=member.dob_precision,
                documents=tuple(d.number for d in member.documents),
                phone=household.contact_phone if member.relationship == "principal" else None,
            )
            people.append(original)
            if rng.random() < 0.15:  # registered again elsewhere, spelled differently
                dob = original.date_of_birth
                precision = original.dob_precision
                if dob is not None and rng.random() < 0.4:
                    dob, precision = date(dob.year, 1, 1), "year"
                copy = replace(
                    original,
                    id=f"dup{h}-{m}",
                    case_id=f"dupcase{h}",
                    case_number=f"SHG-2026-9{h:04d}",
                    given_name=_variant_name(original.given_name, rng),
                    family_name=_variant_name(original.family_name, rng),
                    native_name=_native_variant(original.native_name),
                    date_of_birth=dob,
                    dob_precision=precision,
                    documents=original.documents if rng.random() < 0.5 else (),
                    phone=None,
                )
                people.append(copy)
                truth.add(tuple(sorted((original.id, copy.id))))  # type: ignore[arg-type]
    return people, truth


def test_precision_and_recall_on_a_labelled_corpus():
    people, truth = _corpus(600, seed=11)
    found = find_candidates(people)
    flagged = {(c.first.id, c.second.id) for c in found}
    likely = {(c.first.id, c.second.id) for c in found if c.score >= LIKELY}
    results = {}
    for label, pairs in (("likely", likely), ("likely+possible", flagged)):
        hits = len(pairs & truth)
        precision = hits / len(pairs) if pairs else 1.0
        recall = hits / len(truth)
        results[label] = (precision, recall)
        print(
            f"{label}: {len(people)} people, {len(truth)} true pairs, {len(pairs)} flagged, "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )
    assert results["likely+possible"][1] >= 0.95  # a reviewer sees every flag: catch them
    assert results["likely"][0] >= 0.90  # what is called likely must mostly be right
    assert results["likely+possible"][0] >= 0.60


def _facts(**overrides: object) -> PersonFacts:
    base = PersonFacts(
        id="a",
        case_id="c1",
        case_number="SHG-2026-00001",
        given_name="Mohammad Hossein",
        family_name="Ahmadzai",
        father_name="Abdul Rahman",
        native_name="محمد حسین احمدزی",
        sex="M",
        date_of_birth=date(1985, 3, 4),
        dob_precision="exact",
        documents=("P0456789",),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def test_scores_come_with_reasons():
    a = _facts()
    b = _facts(id="b", case_id="c2", given_name="Muhammad Husain", family_name="Ahmadzay")
    score, reasons = score_pair(a, b)
    assert score >= LIKELY
    assert "same document number" in reasons and "same date of birth" in reasons
    assert any(r.startswith("names match") for r in reasons)


def test_siblings_and_different_sex_are_not_likely():
    a = _facts()
    brother = _facts(
        id="b",
        given_name="Mahmood",
        native_name="محمود احمدزی",
        date_of_birth=date(1989, 1, 1),
        documents=("P0999999",),
    )
    assert score_pair(a, brother)[0] < 60
    sister = _facts(
        id="c", given_name="Mahbooba", sex="F", native_name="محبوبه احمدزی", documents=()
    )
    score, reasons = score_pair(a, sister)
    assert score < 60 and "different sex" in reasons


@pytest.fixture
def twice_registered(clerk_office):  # type: ignore[no-untyped-def]
    service = RegistrationService(clerk_office)
    first_case = service.create_case(CaseInput(destination_country="DEU"))
    second_case = service.create_case(CaseInput(destination_country="DEU"))
    person = PersonInput(
        relationship="principal",
        given_name="Hamidullah",
        family_name="Sadat",
        father_name="Noor Ahmad",
        native_name="حمیدالله سادات",
        sex="M",
        date_of_birth=date(1979, 7, 7),
    )
    first = service.add_person(first_case, person)
    second = service.add_person(
        second_case,
        replace(
            person, given_name="Hamidollah", date_of_birth=date(1979, 1, 1), dob_precision="year"
        ),
    )
    service.add_document(first, DocumentInput("passport", "P1111111"))
    service.add_document(second, DocumentInput("tazkira", "1398-0101-22222"))
    return first, second, first_case, second_case


def test_service_finds_the_pair_and_remembers_not_a_duplicate(clerk_office, twice_registered):
    office = clerk_office
    first, second, *_ = twice_registered
    duplicates = DuplicateService(office)
    pairs = duplicates.candidates()
    assert [{c.first.id, c.second.id} for c in pairs] == [{first, second}]
    assert duplicates.candidates_for(first)[0].reasons
    duplicates.mark_not_duplicate(second, first, "brothers with the same name")
    assert duplicates.candidates() == []


def test_merge_keeps_history_and_moves_documents(clerk_office, twice_registered):
    office = clerk_office
    first, second, first_case, _ = twice_registered
    DuplicateService(office).merge_persons(first, second, ["dob_precision"])
    with office.reading() as session:
        kept = session.get(Person, first)
        dropped = session.get(Person, second)
        numbers = sorted(
            session.scalars(select(Document.number).where(Document.person_id == first))
        )
    assert dropped is not None and dropped.merged_into_id == first  # kept for history
    assert kept is not None and kept.dob_precision == "year" and kept.given_name == "Hamidullah"
    assert numbers == ["1398-0101-22222", "P1111111"]
    from desktop.services.registry.search import SearchService

    hits = SearchService(office).search("Hamidollah Sadat")
    assert [h.person_id for h in hits if h.score >= 85] == [first]
    with pytest.raises(InvalidInput, match="merged already"):
        DuplicateService(office).merge_persons(first, second, [])
    with pytest.raises(InvalidInput, match="cannot be merged"):
        DuplicateService(office).merge_persons(first, first_case, ["case_id"])


def test_merge_cases_moves_members_and_keeps_one_principal(clerk_office, twice_registered):
    office = clerk_office
    first, second, first_case, second_case = twice_registered
    DuplicateService(office).merge_cases(first_case, second_case)
    detail = RegistrationService(office).case_detail(first_case)
    assert sorted(m.id for m in detail.members) == sorted([first, second])
    assert [m.relationship for m in detail.members].count("principal") == 1
    assert "merged with" in detail.history[-1].reason
    with pytest.raises(InvalidInput):
        RegistrationService(office).case_detail(second_case)


def test_a_saved_person_is_checked_against_the_registry_at_once(clerk_office, twice_registered):
    first, second, *_ = twice_registered
    service = RegistrationService(clerk_office)
    found = service.possible_duplicates(second)
    assert [c.second.id for c in found] == [first]
    assert found[0].reasons and found[0].score >= 60
    DuplicateService(clerk_office).mark_not_duplicate(first, second)
    assert service.possible_duplicates(second) == []


def test_the_quick_check_agrees_with_the_full_scan_on_a_demo_office(tmp_path):
    from desktop.services.demo import office as demo
    from desktop.services.office import auth
    from tests.conftest import USER_PASSWORD

    target = tmp_path / "demo"
    demo.create_demo_office(target, USER_PASSWORD, 120, seed=4)
    office = auth.unlock(target, "registration", USER_PASSWORD)
    try:
        full = DuplicateService(office).candidates()
        planted = [c for c in full if "same document number" in c.reasons]
        assert planted
        registration = RegistrationService(office)
        for pair in planted:
            quick = registration.possible_duplicates(pair.second.id)
            assert pair.first.id in {c.second.id for c in quick}
    finally:
        office.close()


def test_a_merge_never_leaves_two_principals(clerk_office):
    service = RegistrationService(clerk_office)
    first_case = service.create_case(CaseInput())
    second_case = service.create_case(CaseInput())
    base = PersonInput("principal", "Wahida", "F", date(1980, 1, 1), family_name="Sultani")
    service.add_person(first_case, base)
    spouse = service.add_person(
        first_case, replace(base, relationship="spouse", given_name="Wahid", sex="M")
    )
    other_principal = service.add_person(second_case, replace(base, given_name="Wahida"))
    with pytest.raises(InvalidInput, match="already has a principal"):
        DuplicateService(clerk_office).merge_persons(
            spouse, other_principal, ["relationship_to_principal"]
        )
    with pytest.raises(InvalidInput, match="already has a principal"):
        DuplicateService(clerk_office).merge_persons(
            spouse, other_principal, ["relationship_to_principal"], and_households=True
        )
    # keeping the spouse's relationship, with the households merged: one principal left
    DuplicateService(clerk_office).merge_persons(spouse, other_principal, [], and_households=True)
    detail = service.case_detail(first_case)
    assert [m.relationship for m in detail.members].count("principal") == 1
    assert "Merged from" in detail.notes


def test_merging_people_with_protection_details_needs_the_protection_role(
    clerk_office, twice_registered, data_dir
):
    from desktop.errors import PermissionDenied
    from desktop.services.office import auth
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.permissions import Role
    from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

    first, second, *_ = twice_registered
    clerk_office.close()
    admin = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    AccountService(admin).add_user("prot", frozenset({Role.PROTECTION}), USER_PASSWORD)
    admin.close()
    officer = auth.unlock(data_dir, "prot", USER_PASSWORD)
    RegistrationService(officer).set_protection(second, ("sgbv_risk",), (), False)
    officer.close()

    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="Protection officer"):
            DuplicateService(clerk).merge_persons(first, second, [])
        # nothing moved
        with clerk.reading() as session:
            assert session.get(Person, second).merged_into_id is None
    finally:
        clerk.close()


def test_a_merge_moves_medical_records_invitations_and_attendance(clerk_office, twice_registered):
    """What the dropped registration collected follows the person, unread by the clerk."""
    from datetime import UTC, datetime, timedelta

    from desktop.store.models import (
        Appointment,
        AppointmentAttendee,
        Location,
        MedicalRecord,
    )

    office = clerk_office
    first, second, first_case, second_case = twice_registered
    start = datetime(2026, 5, 5, 8, tzinfo=UTC)
    with office.unit_of_work() as session:
        place = Location(name="Clinic", kind="clinic", capacity=2, slot_minutes=30)
        session.add(place)
        session.flush()
        session.add(
            MedicalRecord(
                person_id=second, kind="health_assessment", examined_at=start,
                examiner="Dr Test", outcome="fit",
            )
        )  # fmt: skip
        shared, own = (
            Appointment(
                case_id=case, kind="medical_exam", starts_at=start + timedelta(days=n),
                ends_at=start + timedelta(days=n, hours=1), location_id=place.id,
                status="attended",
            )
            for n, case in ((0, first_case), (1, second_case))
        )  # fmt: skip
        session.add_all([shared, own])
        session.flush()
        session.add_all(
            [
                AppointmentAttendee(appointment_id=shared.id, person_id=first, attended=False),
                AppointmentAttendee(appointment_id=shared.id, person_id=second, attended=True),
                AppointmentAttendee(appointment_id=own.id, person_id=second, attended=True),
            ]
        )
    DuplicateService(office).merge_persons(first, second, [])
    with office.reading() as session:
        records = session.scalars(select(MedicalRecord.person_id)).all()
        links = {
            (row.appointment_id, row.person_id, row.attended)
            for row in session.scalars(select(AppointmentAttendee))
        }
    assert records == [first]
    assert links == {(shared.id, first, True), (own.id, first, True)}
