"""`print slips` and `print agenda`: the PDF holds the day's families, slips mark them told."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import office_today
from desktop.services.office.permissions import Role
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceInput, PlacesService
from tests.conftest import ADMIN_PASSWORD
from tests.pdf_reading import pdf_text


@pytest.fixture
def booked(office, data_dir):  # type: ignore[no-untyped-def]
    """Two households with appointments the day after tomorrow at the clinic, one at the office."""
    places = PlacesService(office)
    clinic = places.save(PlaceInput("IOM clinic", "clinic", "Rruga Skënderbeu 4", capacity=2))
    desk = places.save(PlaceInput("IOM office", "office", "Rruga Lidhja e Lezhës 12"))
    # households and appointments are a clerk's work, not the admin's
    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), ADMIN_PASSWORD)
    office.close()
    clerk = auth.unlock(data_dir, "clerk", ADMIN_PASSWORD)
    registration = RegistrationService(clerk)
    appointments = AppointmentService(clerk)
    day = office_today() + timedelta(days=2)
    numbers, ids = [], []
    for n, (place, language) in enumerate(((clinic, "Dari"), (clinic, "Pashto"), (desk, None))):
        case_id = registration.create_case(CaseInput(family_language=language))
        registration.add_person(
            case_id,
            PersonInput(
                relationship="principal",
                given_name="Nabila",
                family_name=f"Sultani{n}",
                native_name="نبیله سلطانی",
                sex="F",
                date_of_birth=date(1990, 1, 1),
            ),
        )
        ids.append(
            appointments.schedule(
                AppointmentInput(case_id, "medical_exam", day, time(9 + n), 30, place)
            )
        )
        numbers.append(registration.case_detail(case_id).case_number)
    clerk.close()
    return data_dir, day, numbers, ids


def run_print(cli, data_dir: Path, *extra: str):  # type: ignore[no-untyped-def]
    argv = ["print", *extra, "--data-dir", str(data_dir), "--user", "clerk", "--password-stdin"]
    return cli(argv, stdin=ADMIN_PASSWORD + "\n")


def test_print_slips_writes_every_family_and_marks_them_told(cli, booked, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, day, numbers, ids = booked
    out = tmp_path / "slips.pdf"
    r = run_print(cli, data_dir, "slips", "--date", day.isoformat(), "-o", str(out))
    assert r.code == 0, r.err
    assert "3 slips written" in r.out and "3 appointments recorded as told" in r.out
    text = pdf_text(out)
    for number in numbers:
        assert number in text
    office = auth.unlock(data_dir, "clerk", ADMIN_PASSWORD)
    try:
        records = [AppointmentService(office).get(i) for i in ids]
    finally:
        office.close()
    assert {r.status for r in records} == {"notified"}
    assert {r.notifications[0].method for r in records} == {"printed_slip"}
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically


def test_print_slips_for_one_place_and_one_case(cli, booked, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, day, numbers, _ = booked
    out = tmp_path / "one.pdf"
    r = run_print(
        cli,
        data_dir,
        "slips",
        "--date",
        day.isoformat(),
        "--location",
        "iom clinic",
        "--case",
        numbers[1].lower(),
        "-o",
        str(out),
        "--no-mark",
    )
    assert r.code == 0, r.err
    assert "1 slips written" in r.out and "recorded as told" not in r.out
    text = pdf_text(out)
    assert numbers[1] in text and numbers[0] not in text and numbers[2] not in text


def test_print_agenda_lists_the_day(cli, booked, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, day, numbers, _ = booked
    out = tmp_path / "agenda.pdf"
    r = run_print(cli, data_dir, "agenda", "--date", day.isoformat(), "-o", str(out))
    assert r.code == 0, r.err
    text = pdf_text(out)
    assert all(number in text for number in numbers)
    clinic_only = tmp_path / "clinic.pdf"
    r = run_print(
        cli,
        data_dir,
        "agenda",
        "--date",
        day.isoformat(),
        "--location",
        "IOM cl",
        "-o",
        str(clinic_only),
    )
    assert r.code == 0, r.err
    text = pdf_text(clinic_only)
    assert numbers[0] in text and numbers[2] not in text


def test_clear_errors_and_no_file_left(cli, booked, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir, day, _, _ = booked
    out = tmp_path / "x.pdf"
    r = run_print(cli, data_dir, "slips", "--date", "31/12/2026", "-o", str(out))
    assert r.code == 2 and "YYYY-MM-DD" in r.err
    r = run_print(
        cli, data_dir, "slips", "--date", day.isoformat(), "--location", "Moon", "-o", str(out)
    )
    assert r.code == 1 and "matches no place" in r.err and "IOM clinic" in r.err
    r = run_print(
        cli, data_dir, "slips", "--date", day.isoformat(), "--location", "IOM", "-o", str(out)
    )
    assert r.code == 1 and "more than one place" in r.err
    r = run_print(cli, data_dir, "slips", "--date", "2020-01-01", "-o", str(out))
    assert r.code == 1 and "needs a slip" in r.err
    for command, edge in (("slips", "9999-12-31"), ("agenda", "0001-01-01")):
        r = run_print(cli, data_dir, command, "--date", edge, "-o", str(out))
        assert r.code == 1 and "outside the calendar" in r.err, r.err  # not a crash
    r = run_print(
        cli, data_dir, "slips", "--date", day.isoformat(), "-o", str(tmp_path / "no" / "x.pdf")
    )
    assert r.code == 1 and "does not exist" in r.err
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert not out.exists()


def test_a_viewer_may_print_the_agenda_but_not_mark_slips(cli, booked, tmp_path, data_dir) -> None:  # type: ignore[no-untyped-def]
    _, day, _, _ = booked
    admin = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    AccountService(admin).add_user("look", frozenset({Role.VIEWER}), ADMIN_PASSWORD)
    admin.close()
    argv = ["--data-dir", str(data_dir), "--user", "look", "--password-stdin"]
    r = cli(
        ["print", "agenda", "--date", day.isoformat(), "-o", str(tmp_path / "a.pdf"), *argv],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    out = tmp_path / "s.pdf"
    r = cli(
        ["print", "slips", "--date", day.isoformat(), "-o", str(out), *argv],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 1 and "permission" in r.err
    assert not out.exists()
