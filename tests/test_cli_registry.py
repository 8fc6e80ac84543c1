"""`search` and `cases list` on the command line: results, no names where none belong, audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.services.demo import office as demo
from desktop.services.journey.statuses import CASE_STATUSES
from desktop.services.office import audit, auth
from tests.conftest import USER_PASSWORD


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.store.keyring import KdfParams

    saved = auth.kdf_params
    auth.kdf_params = lambda: KdfParams(1, 8 * 1024, 1)
    try:
        target = tmp_path_factory.mktemp("cli") / "demo"
        demo.create_demo_office(target, USER_PASSWORD, 12, seed=3)
    finally:
        auth.kdf_params = saved
    return target


def args(command: list[str], data_dir: Path, user: str = "admin") -> list[str]:
    return [*command, "--data-dir", str(data_dir), "--user", user, "--password-stdin"]


def test_cases_list_has_numbers_status_members_and_no_names(cli, demo_office):
    r = cli(args(["cases", "list"], demo_office), stdin=USER_PASSWORD + "\n")
    assert r.code == 0, r.err
    lines = r.out.strip().splitlines()
    assert len(lines) == 12
    number, status, members, destination = lines[0].split("\t")
    assert number == f"DEMO-{number[5:9]}-00001"
    assert status in CASE_STATUSES and status != "registered"  # the demo schedule moved it
    assert int(members) >= 1 and len(destination) == 3
    office = auth.unlock(demo_office, "admin", USER_PASSWORD)
    with office.reading() as session:
        from sqlalchemy import select

        from desktop.store.models import Person

        given = {p.given_name for p in session.scalars(select(Person))}
    office.close()
    assert not any(name in r.out for name in given if len(name) > 3)


def test_cases_list_json(cli, demo_office):
    r = cli(args(["cases", "list", "--json"], demo_office, "viewer"), stdin=USER_PASSWORD + "\n")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert len(data) == 12
    assert set(data[0]) == {"case_number", "status", "members", "destination_country"}
    assert sum(c["members"] for c in data) > 12


def test_search_finds_a_demo_person_by_a_variant_and_is_audited(cli, demo_office):
    office = auth.unlock(demo_office, "admin", USER_PASSWORD)
    with office.reading() as session:
        from sqlalchemy import select

        from desktop.store.models import Case, Person

        person, number = session.execute(
            select(Person, Case.case_number).join(Case).order_by(Case.case_number).limit(1)
        ).one()
    office.close()
    r = cli(
        args(["search", person.native_name, "--json", "--limit", "5"], demo_office),
        stdin=USER_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    hits = json.loads(r.out)
    assert person.id in [h["person_id"] for h in hits]
    assert {"case_number", "person_id", "given_name", "native_name", "score"} <= set(hits[0])

    r = cli(args(["search", number], demo_office), stdin=USER_PASSWORD + "\n")
    assert r.code == 0 and number in r.out

    office = auth.unlock(demo_office, "admin", USER_PASSWORD)
    with office.reading() as session:
        events = [e for e in audit.recent(session, 50) if e.action == "cli_search"]
    office.close()
    assert len(events) == 2
    # the audit says how many were found, never what was searched for
    assert person.native_name not in events[0].detail and number not in events[0].detail


def test_search_bad_inputs(cli, demo_office):
    r = cli(args(["search", "   "], demo_office), stdin=USER_PASSWORD + "\n")
    assert r.code == 1 and "Give something to search for" in r.err
    r = cli(args(["search", "x", "--limit", "0"], demo_office), stdin=USER_PASSWORD + "\n")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    r = cli(args(["search", "x"], demo_office), stdin="wrong password entirely\n")
    assert r.code == 3
    r = cli(["search", "x", "--data-dir", str(demo_office), "--password-stdin"], stdin="")
    assert r.code == 2 and "--user" in r.err


def test_duplicates_lists_planted_pairs_with_reasons(cli, tmp_path):
    from desktop.store.keyring import KdfParams

    saved = auth.kdf_params
    auth.kdf_params = lambda: KdfParams(1, 8 * 1024, 1)
    try:
        target = tmp_path / "dups"
        demo.create_demo_office(target, USER_PASSWORD, 45, seed=9)
    finally:
        auth.kdf_params = saved
    r = cli(args(["duplicates", "--json"], target), stdin=USER_PASSWORD + "\n")
    assert r.code == 0, r.err
    pairs = json.loads(r.out)
    assert pairs and all(p["level"] in ("likely", "possible") for p in pairs)
    assert any("same document number" in p["reasons"] for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: -p["score"])
    r = cli(args(["duplicates"], target, "viewer"), stdin=USER_PASSWORD + "\n")
    assert r.code == 0 and r.out.strip().endswith("pairs to review")


def test_import_intake_from_the_command_line(cli, clerk_office, data_dir, tmp_path):
    clerk_office.close()
    good = (
        "case_ref,relationship,given_name,family_name,sex,date_of_birth\n"
        "K1,principal,Farzana,Rasuli,F,1992\n"
        "K1,son,Elham,Rasuli,M,2015-04-04\n"
    )
    bad = good + "K2,principal,Parwiz,Hotak,Z,1980\n"
    path = tmp_path / "list.csv"
    path.write_text(bad, "utf-8")
    as_clerk = args(["import", "intake", str(path)], data_dir, "clerk")
    r = cli(as_clerk, stdin=USER_PASSWORD + "\n")
    assert r.code == 1
    assert "rejected: row 4, column sex:" in r.out
    assert r.err.count("\n") == 1 and "nothing was imported" in r.err

    r = cli([*as_clerk, "--dry-run", "--skip-invalid"], stdin=USER_PASSWORD + "\n")
    assert r.code == 0 and "persons would be created: 2" in r.out

    r = cli([*as_clerk, "--skip-invalid"], stdin=USER_PASSWORD + "\n")
    assert r.code == 0, r.err
    assert "households created: 1" in r.out and "persons created: 2" in r.out

    r = cli(
        args(["import", "intake", str(tmp_path / "missing.csv")], data_dir, "clerk"),
        stdin=USER_PASSWORD + "\n",
    )
    assert r.code == 1 and "There is no file" in r.err
    not_a_list = tmp_path / "photo.csv"
    not_a_list.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = cli(
        args(["import", "intake", str(not_a_list)], data_dir, "clerk"), stdin=USER_PASSWORD + "\n"
    )
    assert r.code == 1 and "Traceback" not in r.err and len(r.err.splitlines()) == 1
