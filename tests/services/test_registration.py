"""Registering households: validation, case numbers, history, custody, protection rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.journey.transitions import JourneyService
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.registration import (
    RegistrationService,
    fill_from_mrz,
    validate_person,
)
from desktop.services.registry.search import SearchService
from tests.conftest import USER_PASSWORD

PRINCIPAL = PersonInput(
    relationship="principal",
    given_name="Nasir  Ahmad",
    family_name="Popal",
    father_name="Gul Ahmad",
    native_name="ناصر احمد پوپل",
    sex="M",
    date_of_birth=date(1984, 5, 2),
    languages=("Dari",),
    phone="+355 69 111 2233",
)
SPOUSE = PersonInput(
    relationship="spouse",
    given_name="Mariam",
    family_name="Popal",
    sex="F",
    date_of_birth=date(1988, 1, 1),
    dob_precision="year",
)
# ICAO Doc 9303 specimen (fictional Utopia passport)
SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
)


@pytest.fixture
def clerk(office, data_dir):  # type: ignore[no-untyped-def]
    """A registration clerk and a protection officer next to the admin."""
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("prot", frozenset({Role.PROTECTION}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    yield opened
    opened.close()


def _case(service: RegistrationService) -> str:
    return service.create_case(CaseInput(destination_country="CAN", family_language="Dari"))


def test_case_numbers_use_the_office_code_and_year(clerk):
    service = RegistrationService(clerk)
    first, second = _case(service), _case(service)
    numbers = [service.case_detail(i).case_number for i in (first, second)]
    year = date.today().year
    assert numbers == [f"SHG-{year}-00001", f"SHG-{year}-00002"]


def test_household_with_members_documents_and_history(clerk):
    service = RegistrationService(clerk)
    case_id = _case(service)
    principal = service.add_person(case_id, PRINCIPAL)
    service.add_person(case_id, SPOUSE)
    doc = service.add_document(
        principal, DocumentInput("passport", " p 0123456 ", "AFG", expiry_date=date(2030, 1, 1))
    )
    service.move_custody(doc, "office_safe", "kept for the embassy")
    JourneyService(clerk).change_status(case_id, "interview_scheduled", "embassy slot given")

    detail = service.case_detail(case_id)
    assert [m.relationship for m in detail.members] == ["principal", "spouse"]
    head = detail.members[0]
    assert head.given_name == "Nasir Ahmad"  # spaces tidied
    assert head.documents[0].number == "P 0123456"
    assert head.documents[0].custody == "office_safe"
    assert [s.custody for s in head.documents[0].custody_history] == ["family", "office_safe"]
    assert [s.status for s in detail.history] == ["registered", "interview_scheduled"]
    assert detail.history[-1].by == "clerk" and detail.history[-1].reason == "embassy slot given"
    # the new people are searchable straight away
    assert SearchService(clerk).search("Naser Popal")[0].person_id == principal


def test_only_one_principal_per_household(clerk):
    service = RegistrationService(clerk)
    case_id = _case(service)
    service.add_person(case_id, PRINCIPAL)
    with pytest.raises(InvalidInput, match="already has a principal"):
        service.add_person(case_id, PRINCIPAL)


TODAY = date(2026, 6, 1)


def test_person_validation_names_each_field():
    bad = PersonInput(
        relationship="cousin",
        given_name=" ",
        sex="Q",
        date_of_birth=TODAY + timedelta(days=1),
        nationality="Afghan",
        phone="12",
    )
    problems = validate_person(bad, today=TODAY)
    assert set(problems) == {
        "relationship",
        "given_name",
        "sex",
        "date_of_birth",
        "nationality",
        "phone",
    }
    assert "future" in problems["date_of_birth"]
    assert validate_person(PRINCIPAL, today=TODAY) == {}
    assert validate_person(PersonInput("son", "Omid", "M", None), today=TODAY) == {
        "date_of_birth": "Enter the date of birth, or the year with 'year only'."
    }


def test_invalid_person_writes_nothing(clerk):
    service = RegistrationService(clerk)
    case_id = _case(service)
    with pytest.raises(InvalidInput):
        service.add_person(case_id, PersonInput("son", "", "M", date(2010, 1, 1)))
    assert service.case_detail(case_id).members == ()


def test_mrz_fills_document_and_identity():
    filled = fill_from_mrz(SPECIMEN, today=date(2010, 1, 1))
    assert filled.document.number == "L898902C3"
    assert filled.document.machine_readable and filled.document.doc_type == "passport"
    assert (filled.given_name, filled.family_name) == ("Anna Maria", "Eriksson")
    assert filled.date_of_birth == date(1974, 8, 12) and filled.sex == "F"
    assert filled.nationality == "UTO"
    with pytest.raises(InvalidInput, match="check digit"):
        fill_from_mrz(SPECIMEN.replace("7408122", "7408121"), today=date(2010, 1, 1))


def test_protection_details_only_for_the_protection_role(clerk, data_dir):
    service = RegistrationService(clerk)
    person = service.add_person(_case(service), PRINCIPAL)
    with pytest.raises(PermissionDenied, match="Protection officer"):
        service.set_protection(person, ("sgbv_risk",), ("female_escort",), True)
    with pytest.raises(PermissionDenied):
        service.protection(person)
    clerk.close()

    officer = auth.unlock(data_dir, "prot", USER_PASSWORD)
    try:
        protection = RegistrationService(officer)
        protection.set_protection(person, ("sgbv_risk",), ("female_escort",), False, "x")
        record = protection.protection(person)
        assert record is not None and record.categories == ("sgbv_risk",)
        with officer.reading() as session:
            actions = [e.action for e in audit.recent(session, 50)]
        assert "protection_read" in actions and actions.count("permission_denied") == 2
    finally:
        officer.close()

    again = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    try:
        detail = RegistrationService(again).case_detail(_first_case(again))
        # the clerk sees that there are specific needs, never what they are
        assert detail.members[0].specific_needs is True
        assert not hasattr(detail.members[0], "categories")
    finally:
        again.close()


def _first_case(office) -> str:  # type: ignore[no-untyped-def]
    from desktop.services.registry.lists import RegistryService

    return RegistryService(office).case_ids()[0]


def test_viewer_cannot_register(office, data_dir):
    AccountService(office).add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    office.close()
    viewer = auth.unlock(data_dir, "vera", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="Registration clerk"):
            RegistrationService(viewer).create_case(CaseInput())
    finally:
        viewer.close()


def test_status_and_custody_changes_need_a_reason_and_a_change(clerk):
    service = RegistrationService(clerk)
    case_id = _case(service)
    journey = JourneyService(clerk)
    with pytest.raises(InvalidInput, match="Say why"):
        journey.change_status(case_id, "on_hold", " ")
    with pytest.raises(InvalidInput, match="already has this status"):
        journey.change_status(case_id, "registered", "again")
    with pytest.raises(InvalidInput, match="Unknown status"):
        journey.change_status(case_id, "lost", "no idea")
    person = service.add_person(case_id, PRINCIPAL)
    doc = service.add_document(person, DocumentInput("tazkira", "1400-0101-12345"))
    with pytest.raises(InvalidInput, match="already recorded there"):
        service.move_custody(doc, "family")


def test_consents_are_listed_with_who_took_them(clerk):
    service = RegistrationService(clerk)
    person = service.add_person(_case(service), PRINCIPAL)
    service.record_consent(person, "data_sharing_hq", date(2026, 3, 1), "read out in Dari")
    service.record_consent(person, "registration", date(2026, 2, 1))
    consents = service.consents(person)
    assert [(c.purpose, c.taken_by) for c in consents] == [
        ("registration", "clerk"),
        ("data_sharing_hq", "clerk"),
    ]
    with pytest.raises(InvalidInput, match="what the consent is for"):
        service.record_consent(person, "everything", date(2026, 3, 1))
    assert service.may_edit and not service.may_see_protection
