"""Failure paths between the keyring file and the database, and other abuse cases."""

from __future__ import annotations

import contextlib
import errno
import json
import unicodedata

import pytest
from sqlalchemy import text

from desktop import atomic_file
from desktop.errors import (
    AuthenticationError,
    DiskFull,
    InvalidInput,
    KeyringDamaged,
    OfficeClosed,
    ThrottledError,
)
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.check import check_office
from desktop.services.office.permissions import Role
from desktop.store.keyring import Keyring
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", fail)


def _actions(office) -> list[str]:  # type: ignore[no-untyped-def]
    with office.reading() as session:
        return [e.action for e in reversed(audit.recent(session, 1000))]


def test_keyring_write_failure_keeps_database_as_truth(office, data_dir, monkeypatch):
    accounts = AccountService(office)
    with monkeypatch.context() as patch:
        _disk_full(patch)
        with pytest.raises(DiskFull, match="created but its password could not be stored"):
            accounts.add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    # the account exists (the database decides), without a wrap in memory or on disk
    assert [u.username for u in accounts.list_users()] == ["admin", "vera"]
    assert "vera" not in office.keyring.wraps
    assert "vera" not in Keyring.load(OfficePaths(data_dir).keyring).wraps
    # and the admin can finish the job
    accounts.set_password("vera", USER_PASSWORD)
    office.close()
    auth.unlock(data_dir, "vera", USER_PASSWORD).close()


def test_failed_disable_write_does_not_lose_the_wrap_in_memory(office, data_dir, monkeypatch):
    accounts = AccountService(office)
    accounts.add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    with monkeypatch.context() as patch:
        _disk_full(patch)
        with pytest.raises(DiskFull):
            accounts.disable("vera")
    assert "vera" in office.keyring.wraps  # in memory as on disk
    office.close()
    # the database says disabled and unlock obeys it even though the wrap is still there
    with pytest.raises(AuthenticationError, match="disabled"):
        auth.unlock(data_dir, "vera", USER_PASSWORD)


def test_a_wrap_without_an_account_does_not_open_the_office(office, data_dir):
    office.keyring.wrap("ghost", USER_PASSWORD, office.db.key, 1, auth.kdf_params())
    office.keyring.save()
    office.close()
    with pytest.raises(AuthenticationError) as info:
        auth.unlock(data_dir, "ghost", USER_PASSWORD)
    assert str(info.value) == "Unknown user name or wrong password."


def test_unlock_closes_the_office_when_the_last_keyring_write_fails(office, data_dir, monkeypatch):
    office.close()
    opened = []
    real_start = auth._start_session

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_start(*args, **kwargs)
        opened.append(result)
        return result

    monkeypatch.setattr(auth, "_start_session", spy)
    with monkeypatch.context() as patch:
        _disk_full(patch)
        with pytest.raises(DiskFull):
            auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    assert len(opened) == 1 and opened[0].closed
    assert not any(opened[0].db.key), "the data key must be wiped"


def test_services_refuse_to_run_after_close(office):
    accounts = AccountService(office)
    office.close()
    with pytest.raises(OfficeClosed, match="locked"):
        accounts.list_users()


def test_user_name_case_does_not_matter_at_unlock(office, data_dir):
    office.close()
    auth.unlock(data_dir, "  Admin ", ADMIN_PASSWORD).close()


def test_composed_and_decomposed_passwords_are_the_same(office, data_dir):
    composed = unicodedata.normalize("NFC", "lumë i kaltër në mëngjes")
    AccountService(office).add_user("vera", frozenset({Role.VIEWER}), composed)
    office.close()
    auth.unlock(data_dir, "vera", unicodedata.normalize("NFD", composed)).close()


def test_the_wait_is_announced_with_the_failure_that_starts_it(office, data_dir):
    office.close()
    waits = []
    for _ in range(3):
        with pytest.raises(AuthenticationError) as info:
            auth.unlock(data_dir, "admin", "not my password at all", clock=lambda: 1000.0)
        waits.append(info.value.wait_seconds)
    assert waits == [0.0, 0.0, auth.wait_after(3)]


def test_a_clock_set_back_never_makes_the_wait_longer(office, data_dir):
    office.close()
    for _ in range(4):
        with contextlib.suppress(AuthenticationError):
            auth.unlock(data_dir, "admin", "not my password at all", clock=lambda: 10_000.0)
    with pytest.raises(ThrottledError) as info:
        auth.unlock(data_dir, "admin", ADMIN_PASSWORD, clock=lambda: 5.0)
    assert info.value.wait_seconds <= auth.MAX_WAIT


def test_throttled_attempts_are_audited(office, data_dir):
    office.close()
    for _ in range(4):
        with contextlib.suppress(AuthenticationError):
            auth.unlock(data_dir, "admin", "not my password at all", clock=lambda: 1000.0)
    reopened = auth.unlock(data_dir, "admin", ADMIN_PASSWORD, clock=lambda: 10_000.0)
    actions = _actions(reopened)
    reopened.close()
    assert actions.count("login_failed") == 3
    assert "login_throttled" in actions


def test_wrong_current_password_is_throttled_and_audited(office):
    accounts = AccountService(office)
    for _ in range(3):
        with pytest.raises(AuthenticationError, match="current password is wrong"):
            accounts.change_own_password("not my password at all", USER_PASSWORD)
    with pytest.raises(ThrottledError):
        accounts.change_own_password(ADMIN_PASSWORD, USER_PASSWORD)
    assert _actions(office).count("password_change_failed") == 3


def test_setting_the_password_of_a_disabled_account_is_refused(office):
    accounts = AccountService(office)
    accounts.add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    accounts.disable("vera")
    with pytest.raises(InvalidInput, match="use Enable"):
        accounts.set_password("vera", USER_PASSWORD)
    assert "vera" in office.keyring.disabled


@pytest.mark.parametrize(
    "event",
    [
        {"at": "2026-01-01T00:00:00", "action": "login_failed", "username": "admin"},
        {"at": "2026-01-01T00:00:00+00:00", "action": "user_added", "username": "admin"},
        {"at": "yesterday", "action": "login_failed", "username": None},
    ],
)
def test_forged_or_broken_pending_events_are_a_damaged_keyring(office, data_dir, event):
    office.close()
    path = OfficePaths(data_dir).keyring
    doc = json.loads(path.read_text("utf-8"))
    doc["pending_events"] = [event]
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(KeyringDamaged):
        auth.unlock(data_dir, "admin", ADMIN_PASSWORD)


def test_absurd_kdf_parameters_are_a_damaged_keyring(office, data_dir):
    office.close()
    path = OfficePaths(data_dir).keyring
    doc = json.loads(path.read_text("utf-8"))
    doc["wraps"]["admin"]["kdf"]["memory_kib"] = 10**9
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(KeyringDamaged):
        auth.unlock(data_dir, "admin", ADMIN_PASSWORD)


def test_deleting_the_newest_audit_events_is_noticed(office, data_dir):
    office.close()  # anchors the chain head in the keyring
    reopened = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    report = check_office(reopened)
    assert report.ok and report.audit_anchor_problem is None
    reopened.close()
    anchored = Keyring.load(OfficePaths(data_dir).keyring).audit_anchor["seq"]

    tampered = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    with tampered.unit_of_work() as session:
        session.execute(text("DELETE FROM audit_events WHERE seq >= :s"), {"s": anchored})
    # the chain that is left is internally consistent ...
    with tampered.reading() as session:
        assert audit.verify(session, tampered.audit_key).ok
    # ... but it no longer reaches the head remembered outside the database
    report = check_office(tampered)
    assert not report.ok
    assert report.audit_anchor_problem == "events missing"
    tampered.keyring.audit_anchor = {}  # do not let close() re-anchor the shortened chain
    tampered.db.close()
