"""Row stamping: who and when, the office-wide change sequence, tombstones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Case, Document, Person, Setting, Tombstone
from desktop.store.tracking import SessionFactory, next_counter, stamp_rows


def _sessions(office: UnlockedOffice) -> SessionFactory:
    return office.db.sessions


def _counter(office: UnlockedOffice) -> int:
    with _sessions(office).read_only() as session:
        return int(
            session.execute(text("SELECT value FROM counters WHERE name='change_seq'")).scalar_one()
        )


def _new_case(number: str = "SHG-2026-00001") -> Case:
    return Case(case_number=number)


def _seq(office: UnlockedOffice, model: type, row_id: str) -> int:  # type: ignore[type-arg]
    with _sessions(office).read_only() as session:
        return int(session.get(model, row_id).change_seq)  # type: ignore[union-attr]


def test_insert_stamps_actor_time_and_sequence(office: UnlockedOffice) -> None:
    before = _counter(office)
    start = datetime.now(UTC)
    with _sessions(office).unit_of_work("registration") as session:
        case = _new_case()
        session.add(case)
    with _sessions(office).read_only() as session:
        row = session.get(Case, case.id)
        assert row is not None
        assert row.created_by == "registration"
        assert row.updated_by == "registration"
        assert row.change_seq == before + 1
        assert row.created_at.tzinfo is not None
        assert start.replace(microsecond=0) <= row.created_at <= datetime.now(UTC)
        assert len(row.id) == 36
    assert _counter(office) == before + 1


def test_sequence_increases_on_insert_update_delete_across_tables(office: UnlockedOffice) -> None:
    sessions = _sessions(office)
    with sessions.unit_of_work("registration") as session:
        case = _new_case()
        session.add(case)
    s_case = _seq(office, Case, case.id)

    with sessions.unit_of_work("registration") as session:
        person = Person(
            case_id=case.id, relationship_to_principal="principal", given_name="A", sex="F"
        )
        session.add(person)
    s_person = _seq(office, Person, person.id)
    assert s_person > s_case

    with sessions.unit_of_work("admin") as session:
        setting = Setting(key="example", value="1")
        session.add(setting)
    s_setting = _seq(office, Setting, setting.id)
    assert s_setting > s_person

    with sessions.unit_of_work("medical") as session:
        row = session.get(Case, case.id)
        assert row is not None
        row.status = "ready"
    s_case_updated = _seq(office, Case, case.id)
    assert s_case_updated > s_setting

    with sessions.unit_of_work("movement") as session:
        row = session.get(Person, person.id)
        assert row is not None
        session.delete(row)
    with sessions.read_only() as session:
        stone = session.scalars(select(Tombstone).where(Tombstone.row_id == person.id)).one()
        assert stone.change_seq > s_case_updated
        assert stone.table_name == "persons"
        assert stone.deleted_by == "movement"
        assert session.get(Person, person.id) is None
    assert _counter(office) == stone.change_seq


def test_update_stamps_the_updating_actor(office: UnlockedOffice) -> None:
    sessions = _sessions(office)
    with sessions.unit_of_work("registration") as session:
        case = _new_case()
        session.add(case)
    with sessions.unit_of_work("medical") as session:
        row = session.get(Case, case.id)
        assert row is not None
        row.programme = "USRAP"
    with sessions.read_only() as session:
        row = session.get(Case, case.id)
        assert row is not None
        assert row.created_by == "registration"
        assert row.updated_by == "medical"
        assert row.updated_at >= row.created_at


def test_unchanged_rows_do_not_take_a_number(office: UnlockedOffice) -> None:
    sessions = _sessions(office)
    with sessions.unit_of_work("registration") as session:
        case = _new_case()
        session.add(case)
    seq = _seq(office, Case, case.id)
    counter = _counter(office)
    with sessions.unit_of_work("registration") as session:
        row = session.get(Case, case.id)
        assert row is not None
        row.status = row.status  # assigning the same value is not a change
    assert _seq(office, Case, case.id) == seq
    assert _counter(office) == counter


def test_one_flush_gives_distinct_numbers(office: UnlockedOffice) -> None:
    with _sessions(office).unit_of_work("registration") as session:
        cases = [_new_case(f"SHG-2026-{i:05d}") for i in range(5)]
        session.add_all(cases)
    seqs = [_seq(office, Case, c.id) for c in cases]
    assert len(set(seqs)) == 5


def test_deletion_leaves_a_tombstone_per_row(office: UnlockedOffice) -> None:
    sessions = _sessions(office)
    with sessions.unit_of_work("registration") as session:
        case = _new_case()
        person = Person(case=case, relationship_to_principal="principal", given_name="B", sex="M")
        document = Document(person=person, doc_type="passport", number="P0000001")
        session.add_all([case, person, document])
    last = max(_seq(office, m, r) for m, r in ((Case, case.id), (Document, document.id)))
    with sessions.unit_of_work("registration") as session:
        session.delete(session.get(Document, document.id))
        session.flush()
        session.delete(session.get(Person, person.id))
    with sessions.read_only() as session:
        stones = {s.row_id: s for s in session.scalars(select(Tombstone))}
    assert set(stones) == {document.id, person.id}
    assert stones[document.id].table_name == "documents"
    assert stones[person.id].table_name == "persons"
    assert all(s.change_seq > last for s in stones.values())
    assert stones[document.id].change_seq != stones[person.id].change_seq


def test_rolled_back_work_leaves_nothing(office: UnlockedOffice) -> None:
    counter = _counter(office)
    with pytest.raises(RuntimeError), _sessions(office).unit_of_work("registration") as session:
        session.add(_new_case())
        session.flush()
        raise RuntimeError("abandon")
    with _sessions(office).read_only() as session:
        assert session.scalars(select(Case)).all() == []
    assert _counter(office) == counter


def test_stamp_rows_for_bulk_inserts(office: UnlockedOffice) -> None:
    before = _counter(office)
    with _sessions(office).unit_of_work("importer") as session:
        rows = [{"id": f"c{i}", "case_number": f"SHG-2026-{i:05d}"} for i in range(3)]
        stamp_rows(session, "cases", rows)
    assert [r["change_seq"] for r in rows] == [before + 1, before + 2, before + 3]
    assert {r["created_by"] for r in rows} == {"importer"}
    assert {r["updated_by"] for r in rows} == {"importer"}
    assert _counter(office) == before + 3


def test_named_counters_start_at_one_and_reserve_ranges(office: UnlockedOffice) -> None:
    with _sessions(office).unit_of_work("registration") as session:
        assert next_counter(session, "case_number:2026") == 1
        assert next_counter(session, "case_number:2026", 10) == 2
        assert next_counter(session, "case_number:2026") == 12
        assert next_counter(session, "case_number:2027") == 1
