"""Medical printing from the database: certificates say what the airline needs and no
more, the envelope lists documents without their content, medical users only."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import office_today, to_local, to_utc
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.printing.medical import MedicalPrintingService
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.store.models import AuditEvent
from reports.kit.translations import translation
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from tests.pdf_reading import barcodes
from tests.pdf_reading import page_texts as pages_text

# a diagnosis-like note that must never reach a printed paper
SECRET = "CANARY-DIAGNOSIS-tuberculosis-7731"
TODAY = office_today()
YESTERDAY = TODAY - timedelta(days=1)
PEC = MedicalInput(
    "pec",
    YESTERDAY,
    "Dr Arben Hoxha",
    "fit_medical_escort",
    clinic="IOM clinic Shëngjin",
    escort="nurse",
    mobility_ssr="WCHC",
    oxygen_lpm=2.5,
    medif_required=True,
    notes=SECRET,
)
ASSESSMENT = MedicalInput(
    "health_assessment",
    TODAY - timedelta(days=10),
    "Dr Elira Marku",
    "fit",
    clinic="Lezhë regional hospital",
    pregnancy_weeks=31,
    notes=SECRET,
)


@pytest.fixture
def family(office, data_dir):  # type: ignore[no-untyped-def]
    """A Dari-speaking household of three made by a clerk; a medical officer, doc."""
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("doc", frozenset({Role.MEDICAL}), USER_PASSWORD, "Dr Arben Hoxha")
    office.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    registration = RegistrationService(clerk)
    case_id = registration.create_case(CaseInput(family_language="Dari"))
    people = [
        registration.add_person(
            case_id,
            PersonInput(
                relationship=relationship,
                given_name=name,
                family_name="Sadat",
                native_name=native,
                sex=sex,
                date_of_birth=born,
            ),
        )
        for relationship, name, native, sex, born in (
            ("principal", "Wahid", "واحد سادات", "M", date(1975, 2, 2)),
            ("spouse", "Shakila", "شکیلا سادات", "F", date(1990, 3, 3)),
            ("son", "Omid", "امید سادات", "M", date(2015, 4, 4)),
        )
    ]
    for number, expiry in (("P00000001", date(2020, 1, 1)), ("P01234567", date(2031, 1, 1))):
        registration.add_document(
            people[0], DocumentInput("passport", number, "AFG", expiry_date=expiry)
        )
    registration.add_document(people[0], DocumentInput("tazkira", "T-998877"))
    number = registration.case_detail(case_id).case_number
    clerk.close()
    doc = auth.unlock(data_dir, "doc", USER_PASSWORD)
    yield doc, case_id, number, people, data_dir
    doc.close()


def _as(data_dir, user: str) -> UnlockedOffice:  # type: ignore[no-untyped-def]
    return auth.unlock(data_dir, user, ADMIN_PASSWORD if user == "admin" else USER_PASSWORD)


def _events(office: UnlockedOffice) -> list[AuditEvent]:
    with office.reading() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def test_certificates_show_what_the_airline_needs_and_hide_the_rest(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, (head, wife, _), _ = family
    medical = MedicalService(doc)
    medical.add(head, replace(ASSESSMENT, pregnancy_weeks=None))
    medical.add(head, PEC)
    medical.add(wife, ASSESSMENT)
    pdf = MedicalPrintingService(doc).certificates_pdf(case_id)
    pages = pages_text(pdf)
    assert len(pages) == 3  # one page per person, principal applicant first
    first, second, third = pages

    until = to_local(to_utc(YESTERDAY, time(9)) + timedelta(hours=72))
    english = translation("english")
    for words in [
        number,
        "Wahid Sadat",
        "Passport P01234567",  # the current passport, not the expired one or the tazkira
        "Fit to travel with assistance",
        "Fit with medical escort",
        "WCHC – Cannot walk",
        "OXYG – Oxygen on board",
        "MEDA – Medical case",
        "A nurse travels along as medical escort",
        "Pre-embarkation check (PEC)",  # the PEC decides, not the older assessment
        f"{english.long_date(until.date())}, {until:%H:%M} Tirana time",
        "Dr Arben Hoxha",
        "IOM clinic Shëngjin",
        "تصدیق آمادگی صحی برای سفر",  # the Dari lines
        "نتیجه: آماده سفر با کمک",
        "این برگه را همراه اسناد سفر خود نگه دارید",
    ]:
        assert words in first, words
    assert "P00000001" not in first and "T-998877" not in first
    assert "Shakila Sadat" in second and "Fit to travel" in second
    assert "Dr Elira Marku" in second and "Health assessment" in second
    assert "Omid Sadat" in third and "Pending" in third and "Not examined yet" in third
    assert "No clearance to travel" in third

    said = "\n".join(pages)
    assert SECRET not in said and "tuberculosis" not in said.lower()
    for word in ("pregnan", "week", "litre", "l/min", "2.5"):
        assert word not in said.lower(), word
    assert barcodes(pdf) == [number] * 3


def test_certificates_for_chosen_members_and_strangers_refused(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, (_, _, son), _ = family
    printing = MedicalPrintingService(doc)
    (only,) = pages_text(printing.certificates_pdf(case_id, person_ids=[son]))
    assert "Omid Sadat" in only and "Wahid Sadat" not in only
    strangers = f"1 of the chosen persons are not members of household {number}"
    with pytest.raises(InvalidInput, match=strangers):
        printing.certificates_pdf(case_id, person_ids=[son, "no-such-person"])
    with pytest.raises(InvalidInput, match="no members to print for"):
        printing.certificates_pdf(case_id, person_ids=[])


def test_expired_and_unfit_outcomes_are_not_valid_for_travel(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, _, (head, wife, _), _ = family
    medical = MedicalService(doc)
    old_pec = replace(PEC, examined_on=TODAY - timedelta(days=10))
    medical.add(head, old_pec)
    medical.add(
        wife,
        replace(
            ASSESSMENT,
            outcome="unfit_deferred",
            review_date=TODAY + timedelta(days=30),
            pregnancy_weeks=None,
        ),
    )
    head_page, wife_page, _ = pages_text(MedicalPrintingService(doc).certificates_pdf(case_id))
    assert "Expired" in head_page and "— expired" in head_page
    assert "NOT VALID FOR TRAVEL" in head_page
    assert "WCHC" not in head_page and "nurse" not in head_page.lower()
    assert "Not fit to travel" in wife_page and "Unfit - deferred" in wife_page
    assert "NOT VALID FOR TRAVEL" in wife_page and "No clearance to travel" in wife_page
    # the review date is the medical team's business
    review = translation("english").long_date(TODAY + timedelta(days=30))
    assert review not in wife_page


def test_two_examinations_in_the_same_minute_print_the_one_the_summary_used(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, _, (_, _, son), _ = family
    medical = MedicalService(doc)
    day = TODAY - timedelta(days=2)
    medical.add(son, MedicalInput("health_assessment", day, "Dr Elira Marku", "fit"))
    medical.add(son, MedicalInput("follow_up", day, "Dr Elira Marku", "unfit"))
    (page,) = pages_text(MedicalPrintingService(doc).certificates_pdf(case_id, person_ids=[son]))
    assert "Not fit to travel" in page and "Examiner's category: Unfit" in page
    assert "Follow-up" in page


def test_a_correction_does_not_change_which_examination_the_certificate_shows(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, _, (_, _, son), _ = family
    medical = MedicalService(doc)
    day = TODAY - timedelta(days=2)
    wheelchair = MedicalInput(
        "health_assessment", day, "Dr Elira Marku", "fit_with_conditions", mobility_ssr="WCHR"
    )
    first = medical.add(son, wheelchair)
    medical.add(son, MedicalInput("health_assessment", day, "Dr Arben Kola", "fit"))
    # the later one decides; a typo fixed in the earlier one must not bring it back
    medical.update(first, replace(wheelchair, clinic="IOM clinic"))
    (page,) = pages_text(MedicalPrintingService(doc).certificates_pdf(case_id, person_ids=[son]))
    assert "Examiner's category: Fit" in page and "Fit with conditions" not in page
    assert "Dr Arben Kola" in page and "Dr Elira Marku" not in page


def test_envelope_lists_documents_without_outcomes(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, (head, wife, _), _ = family
    medical = MedicalService(doc)
    medical.add(head, replace(ASSESSMENT, pregnancy_weeks=None))
    medical.add(head, PEC)
    medical.add(wife, ASSESSMENT)
    pdf = MedicalPrintingService(doc).envelope_pdf(case_id)
    (said,) = pages_text(pdf)
    english = translation("english")
    for words in [
        "MEDICAL-IN-CONFIDENCE",
        "To be opened only by medical staff",
        number,
        "3 enclosed",
        "Wahid Sadat",
        "Shakila Sadat",
        "Health assessment",
        "Pre-embarkation check (PEC)",
        "Prepared by Dr Arben Hoxha",
        "این پاکت را باز نکنید",
    ]:
        assert words in said, words
    day = TODAY - timedelta(days=10)
    assert f"{day.day} {english.words['months'][f'{day:%B}'.lower()]} {day.year}" in said
    assert "Omid" not in said  # nothing of his is in the envelope
    assert SECRET not in said
    for outcome in ("Fit", "Unfit", "WCHC", "escort", "Pending"):
        assert outcome not in said, outcome
    assert barcodes(pdf) == [number]


def test_an_envelope_needs_something_to_enclose(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, _, _ = family
    with pytest.raises(InvalidInput, match=f"Household {number} has no medical records yet"):
        MedicalPrintingService(doc).envelope_pdf(case_id)


def test_prints_are_audited_with_counts_only(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, _, (head, _, _), _ = family
    MedicalService(doc).add(head, PEC)
    printing = MedicalPrintingService(doc)
    printing.certificates_pdf(case_id)
    printing.envelope_pdf(case_id)
    events = {e.action: e for e in _events(doc)}
    printed = events["fitness_certificates_printed"]
    assert (printed.target_type, printed.target_id) == ("case", case_id)
    assert json.loads(printed.detail) == {"count": 3}
    sealed = events["medical_envelope_printed"]
    assert json.loads(sealed.detail) == {"documents": 1, "persons": 1}
    assert not any("Sadat" in e.detail or "Hoxha" in e.detail for e in events.values())


def test_case_numbers_are_found_whatever_the_spelling(family) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, _, _ = family
    printing = MedicalPrintingService(doc)
    assert printing.case_id_for_number(f"  {number.lower()} ") == case_id
    with pytest.raises(InvalidInput, match=r"No household has the case number SHG-1999-00001\."):
        printing.case_id_for_number("shg-1999-00001")


@pytest.mark.parametrize("user", ["clerk", "admin"])
def test_only_medical_users_print_medical_papers(family, user) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, number, (head, _, _), data_dir = family
    MedicalService(doc).add(head, PEC)
    other = _as(data_dir, user)
    try:
        printing = MedicalPrintingService(other)
        for call in (
            lambda: printing.certificates_pdf(case_id),
            lambda: printing.certificates_pdf(case_id, person_ids=[head]),
            lambda: printing.envelope_pdf(case_id),
            lambda: printing.case_id_for_number(number),
            lambda: printing.case_id_for_number("SHG-1999-00001"),  # no hint it is unknown
        ):
            with pytest.raises(PermissionDenied, match="It needs the role Medical officer"):
                call()
        events = _events(other)
    finally:
        other.close()
    denied = [e for e in events if e.action == "permission_denied" and e.actor == user]
    assert len(denied) == 5
    assert {json.loads(e.detail)["permission"] for e in denied} == {"medical.read"}
    actions = {e.action for e in events if e.actor == user}
    assert "medical_read" not in actions and "fitness_certificates_printed" not in actions
