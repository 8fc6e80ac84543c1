"""`print fitness`: certificates or the envelope cover sheet, for medical users only."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import office_today
from desktop.services.office.permissions import Role
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from tests.conftest import USER_PASSWORD
from tests.pdf_reading import pdf_text

SECRET = "CANARY-DIAGNOSIS-tuberculosis-7731"


@pytest.fixture
def examined(office, data_dir):  # type: ignore[no-untyped-def]
    """A household of two made by a clerk; the principal examined by doc, a medical officer."""
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("doc", frozenset({Role.MEDICAL}), USER_PASSWORD)
    office.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    registration = RegistrationService(clerk)
    case_id = registration.create_case(CaseInput(family_language="Pashto"))
    head = registration.add_person(
        case_id,
        PersonInput("principal", "Gul", "F", date(1980, 5, 5), family_name="Ahmadzai"),
    )
    registration.add_person(
        case_id, PersonInput("son", "Jawed", "M", date(2012, 6, 6), family_name="Ahmadzai")
    )
    number = registration.case_detail(case_id).case_number
    clerk.close()
    doc = auth.unlock(data_dir, "doc", USER_PASSWORD)
    try:
        MedicalService(doc).add(
            head,
            MedicalInput(
                "pec",
                office_today() - timedelta(days=1),
                "Dr Arben Hoxha",
                "fit_with_conditions",
                mobility_ssr="WCHR",
                notes=SECRET,
            ),
        )
    finally:
        doc.close()
    return data_dir, number


def run_print(cli, data_dir: Path, user: str, *extra: str):  # type: ignore[no-untyped-def]
    argv = ["print", "fitness", *extra, "--data-dir", str(data_dir), "--user", user]
    return cli([*argv, "--password-stdin"], stdin=USER_PASSWORD + "\n")


def test_a_medical_officer_prints_the_certificates(cli, examined, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, number = examined
    out = tmp_path / "fitness.pdf"
    r = run_print(cli, data_dir, "doc", "--case", number.lower(), "-o", str(out))
    assert r.code == 0, r.err
    assert f"certificates for {number} written to {out}" in r.out
    text = pdf_text(out)
    assert text.count("Fitness to travel certificate") == 2
    assert "Gul Ahmadzai" in text and "Jawed Ahmadzai" in text
    assert "Fit to travel with assistance" in text and "WCHR" in text
    assert "د سفر لپاره د روغتیايي چمتووالي تصدیق" in text  # Pashto lines for this family
    assert SECRET not in text
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically


def test_the_envelope_cover_sheet(cli, examined, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, number = examined
    out = tmp_path / "envelope.pdf"
    r = run_print(cli, data_dir, "doc", "--case", number, "-o", str(out), "--envelope")
    assert r.code == 0, r.err
    assert f"Medical envelope cover sheet for {number} written to {out}" in r.out
    text = pdf_text(out)
    assert "MEDICAL-IN-CONFIDENCE" in text and "Pre-embarkation check (PEC)" in text
    assert "Gul Ahmadzai" in text and "Jawed" not in text


@pytest.mark.parametrize("envelope", [[], ["--envelope"]])
def test_a_clerk_is_refused_and_no_file_is_written(cli, examined, tmp_path, envelope) -> None:  # type: ignore[no-untyped-def]
    data_dir, number = examined
    folder = tmp_path / "printed"
    folder.mkdir()
    out = folder / "fitness.pdf"
    r = run_print(cli, data_dir, "clerk", "--case", number, "-o", str(out), *envelope)
    assert r.code == 1
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "You do not have permission to print medical papers" in r.err
    assert "Medical officer" in r.err
    assert not list(folder.iterdir())  # no file, not even a temporary one


def test_unknown_case_and_bad_paths_are_clear_errors(cli, examined, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, _ = examined
    out = tmp_path / "fitness.pdf"
    r = run_print(cli, data_dir, "doc", "--case", "SHG-1999-00001", "-o", str(out))
    assert r.code == 1
    assert "No household has the case number SHG-1999-00001." in r.err
    assert r.err.count("\n") == 1
    nowhere = tmp_path / "no" / "x.pdf"
    r = run_print(cli, data_dir, "doc", "--case", "SHG-1999-00001", "-o", str(nowhere))
    assert r.code == 1 and "does not exist" in r.err
    r = run_print(cli, data_dir, "doc", "-o", str(out))
    assert r.code == 2 and "--case" in r.err
    assert not out.exists()
