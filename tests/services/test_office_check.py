"""The office integrity check: SQLite, SQLCipher page MACs, audit chain, counts."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.services.office import audit
from desktop.services.office.check import check_office
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Base, Case, Person


def test_fresh_office_is_ok(office: UnlockedOffice) -> None:
    report = check_office(office)
    assert report.ok
    assert report.integrity == ("ok",)
    assert report.cipher_integrity == ()
    assert report.audit_ok
    assert report.audit_first_bad_seq is None
    assert report.audit_events == 1  # office_created


def test_table_counts_cover_every_table(office: UnlockedOffice) -> None:
    report = check_office(office)
    counts = dict(report.table_counts)
    assert set(counts) == set(Base.metadata.tables)
    assert [name for name, _ in report.table_counts] == sorted(counts)
    assert counts["users"] == 1
    assert counts["audit_events"] == 1
    assert counts["counters"] == 1
    assert counts["cases"] == counts["persons"] == counts["documents"] == 0
    assert counts["tombstones"] == 0


def test_counts_follow_the_data(office: UnlockedOffice) -> None:
    with office.unit_of_work() as session:
        case = Case(case_number="SHG-2026-00001")
        session.add(case)
        for i in range(3):
            session.add(
                Person(case=case, relationship_to_principal="son", given_name=f"P{i}", sex="M")
            )
    counts = dict(check_office(office).table_counts)
    assert counts["cases"] == 1
    assert counts["persons"] == 3


def test_the_check_is_audited(office: UnlockedOffice) -> None:
    check_office(office)
    report = check_office(office)
    assert report.audit_events == 2  # created + the first check
    with office.reading() as session:
        assert audit.recent(session, 1)[0].action == "office_checked"
        assert audit.verify(session, office.audit_key).ok


def test_a_broken_audit_chain_fails_the_check(office: UnlockedOffice) -> None:
    with office.unit_of_work() as session:
        office.audit(session, "something")
        session.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1"))
    report = check_office(office)
    assert not report.ok
    assert not report.audit_ok
    assert report.audit_first_bad_seq == 1
    assert report.integrity == ("ok",)


@pytest.mark.parametrize("attr", ["integrity", "cipher_integrity"])
def test_ok_needs_every_part(office: UnlockedOffice, attr: str) -> None:
    from dataclasses import replace

    report = check_office(office)
    broken = replace(report, **{attr: ("page 3: damaged",)})
    assert not broken.ok
