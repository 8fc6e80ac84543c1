"""The audit hash chain: editing, deleting or reordering events is detected."""

from __future__ import annotations

import itertools
import json

import pytest
from sqlalchemy import text

from desktop.services.office import audit
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import new_data_key


@pytest.fixture
def chained(office: UnlockedOffice) -> UnlockedOffice:
    """An office with 6 events: office_created + 5 test events."""
    with office.unit_of_work() as session:
        for i in range(5):
            office.audit(session, f"test_event_{i}", "case", f"case-{i}", {"n": i})
    return office


def _verify(office: UnlockedOffice) -> audit.ChainCheck:
    with office.reading() as session:
        return audit.verify(session, office.audit_key)


def _sql(office: UnlockedOffice, statement: str, **params: object) -> None:
    with office.unit_of_work() as session:
        session.execute(text(statement), params)


def test_chain_verifies(chained: UnlockedOffice) -> None:
    check = _verify(chained)
    assert check.ok
    assert check.events == 6
    assert check.first_bad_seq is None
    assert len(check.head) == 64
    with chained.reading() as session:
        assert audit.count(session) == 6
        events = audit.recent(session, 100)
    assert [e.seq for e in events] == [6, 5, 4, 3, 2, 1]
    assert events[-1].action == "office_created"
    assert json.loads(events[0].detail) == {"n": 4}


def test_events_link_to_their_predecessor(chained: UnlockedOffice) -> None:
    with chained.reading() as session:
        rows = session.execute(
            text("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq")
        ).all()
    assert rows[0].prev_hash == audit.GENESIS
    for before, after in itertools.pairwise(rows):
        assert after.prev_hash == before.hash
    assert len({r.hash for r in rows}) == len(rows)


def test_the_head_moves_with_each_event(chained: UnlockedOffice) -> None:
    head = _verify(chained).head
    with chained.unit_of_work() as session:
        chained.audit(session, "another")
    assert _verify(chained).ok
    assert _verify(chained).head != head


def test_edited_detail_is_detected(chained: UnlockedOffice) -> None:
    _sql(chained, "UPDATE audit_events SET detail = :d WHERE seq = 3", d='{"n": 99}')
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 3


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("actor", "someone_else"),
        ("action", "nothing_happened"),
        ("target_id", "case-x"),
        ("target_type", "person"),
        ("at", "2001-01-01 00:00:00.000000"),
    ],
)
def test_any_edited_field_is_detected(chained: UnlockedOffice, column: str, value: str) -> None:
    _sql(chained, f"UPDATE audit_events SET {column} = :v WHERE seq = 4", v=value)
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 4


def test_recomputed_hash_without_the_key_is_detected(chained: UnlockedOffice) -> None:
    """Someone edits an event and recomputes its HMAC with a key they guessed."""
    with chained.reading() as session:
        row = session.execute(
            text("SELECT * FROM audit_events WHERE seq = 6")
        ).one()  # the last: no later event points at it
    forged_key = audit.chain_key(new_data_key())
    fields = {
        "seq": 6,
        "at": row.at,
        "actor": "admin",
        "action": "nothing_to_see",
        "target_type": row.target_type,
        "target_id": row.target_id,
        "detail": row.detail,
    }
    forged = audit._digest(forged_key, row.prev_hash, fields)
    _sql(
        chained,
        "UPDATE audit_events SET action = 'nothing_to_see', hash = :h WHERE seq = 6",
        h=forged,
    )
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 6


def test_deleted_event_is_detected(chained: UnlockedOffice) -> None:
    _sql(chained, "DELETE FROM audit_events WHERE seq = 3")
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 4


def test_deleted_first_event_is_detected(chained: UnlockedOffice) -> None:
    _sql(chained, "DELETE FROM audit_events WHERE seq = 1")
    assert not _verify(chained).ok


def test_renumbered_after_deletion_is_detected(chained: UnlockedOffice) -> None:
    """Closing the gap after deleting an event does not help."""
    _sql(chained, "DELETE FROM audit_events WHERE seq = 3")
    for seq in (4, 5, 6):
        _sql(chained, "UPDATE audit_events SET seq = :new WHERE seq = :old", new=seq - 1, old=seq)
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 3


def test_swapped_events_are_detected(chained: UnlockedOffice) -> None:
    _sql(chained, "UPDATE audit_events SET seq = -1 WHERE seq = 2")
    _sql(chained, "UPDATE audit_events SET seq = 2 WHERE seq = 3")
    _sql(chained, "UPDATE audit_events SET seq = 3 WHERE seq = -1")
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 2


def test_swapped_contents_are_detected(chained: UnlockedOffice) -> None:
    """Swap every column but seq between two events (a reorder that keeps numbering)."""
    cols = "at, actor, action, target_type, target_id, detail, prev_hash, hash"
    with chained.reading() as session:
        a = session.execute(text(f"SELECT {cols} FROM audit_events WHERE seq = 4")).one()
        b = session.execute(text(f"SELECT {cols} FROM audit_events WHERE seq = 5")).one()
    sets = ", ".join(f"{c.strip()} = :{c.strip()}" for c in cols.split(","))
    _sql(chained, f"UPDATE audit_events SET {sets} WHERE seq = 4", **b._asdict())
    _sql(chained, f"UPDATE audit_events SET {sets} WHERE seq = 5", **a._asdict())
    check = _verify(chained)
    assert not check.ok
    assert check.first_bad_seq == 4


def test_truncated_tail_is_visible_in_the_count(chained: UnlockedOffice) -> None:
    """Cutting off the newest events leaves a valid chain, but a shorter one."""
    head = _verify(chained).head
    _sql(chained, "DELETE FROM audit_events WHERE seq = 6")
    check = _verify(chained)
    assert check.events == 5
    assert check.head != head


def test_a_different_data_key_does_not_verify(chained: UnlockedOffice) -> None:
    with chained.reading() as session:
        check = audit.verify(session, audit.chain_key(new_data_key()))
    assert not check.ok
    assert check.first_bad_seq == 1


def test_chain_key_is_derived_not_the_data_key() -> None:
    key = new_data_key()
    derived = audit.chain_key(key)
    assert len(derived) == 32
    assert derived != bytes(key)
    assert audit.chain_key(bytearray(key)) == derived


def test_audit_log_service_reads_and_verifies_for_admins(chained: UnlockedOffice) -> None:
    from desktop.services.office.audit_log import AuditLogService

    service = AuditLogService(chained)
    assert [e.seq for e in service.recent(3)] == [6, 5, 4]
    result = service.verify()
    assert result.ok
    assert result.events == 6
    assert service.recent(1)[0].action == "audit_verified"
    assert _verify(chained).ok


def test_audit_log_service_reports_tampering(chained: UnlockedOffice) -> None:
    from desktop.services.office.audit_log import AuditLogService

    _sql(chained, "UPDATE audit_events SET target_id = 'other' WHERE seq = 2")
    result = AuditLogService(chained).verify()
    assert not result.ok
    assert result.first_bad_seq == 2


def test_audit_log_needs_audit_read(chained: UnlockedOffice) -> None:
    from desktop.errors import PermissionDenied
    from desktop.services.office import auth
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.audit_log import AuditLogService
    from desktop.services.office.permissions import Role
    from tests.conftest import USER_PASSWORD

    AccountService(chained).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    data_dir = chained.info.data_dir
    chained.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            AuditLogService(clerk).recent()
        with pytest.raises(PermissionDenied):
            AuditLogService(clerk).verify()
        with clerk.reading() as session:
            denied = [e for e in audit.recent(session) if e.action == "permission_denied"]
        assert len(denied) == 2
        assert all("audit.read" in e.detail for e in denied)
    finally:
        clerk.close()
