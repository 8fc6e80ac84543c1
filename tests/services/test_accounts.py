"""User accounts: adding, roles, passwords, disabling, enabling, unlocking."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import AuthenticationError, InvalidInput, WeakPassword
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Perm, Role
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import Keyring
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

NEW_PASSWORD = "lighthouse violin marble autumn"


@pytest.fixture
def accounts(office: UnlockedOffice) -> AccountService:
    return AccountService(office)


def _keyring(office: UnlockedOffice) -> Keyring:
    return Keyring.load(OfficePaths(office.info.data_dir).keyring)


def _actions(office: UnlockedOffice) -> list[str]:
    with office.reading() as session:
        return [e.action for e in reversed(audit.recent(session, 10_000))]


def _can_unlock(data_dir: Path, user: str, password: str) -> bool:
    try:
        auth.unlock(data_dir, user, password).close()
    except AuthenticationError:
        return False
    return True


def test_list_users_starts_with_the_first_admin(accounts: AccountService) -> None:
    users = accounts.list_users()
    assert [u.username for u in users] == ["admin"]
    admin = users[0]
    assert admin.roles == frozenset({Role.ADMIN})
    assert not admin.disabled
    assert not admin.locked
    assert admin.failed_attempts == 0
    assert admin.last_login_at is not None


def test_add_user_with_several_roles(
    office: UnlockedOffice, accounts: AccountService, data_dir: Path
) -> None:
    record = accounts.add_user(
        "nadia", frozenset({Role.REGISTRATION, Role.MEDICAL}), USER_PASSWORD, "  Nadia   K. "
    )
    assert record.username == "nadia"
    assert record.display_name == "Nadia K."
    assert record.roles == frozenset({Role.REGISTRATION, Role.MEDICAL})
    assert record.roles_text == "medical, registration"
    assert record.last_login_at is None
    assert [u.username for u in accounts.list_users()] == ["admin", "nadia"]
    assert "nadia" in _keyring(office).wraps
    assert _actions(office)[-1] == "user_added"

    office.close()
    opened = auth.unlock(data_dir, "nadia", USER_PASSWORD)
    try:
        assert opened.actor.roles == frozenset({Role.REGISTRATION, Role.MEDICAL})
        assert opened.actor.can(Perm.MEDICAL_READ)
        assert opened.actor.can(Perm.REGISTRY_WRITE)
        assert not opened.actor.can(Perm.PROTECTION_READ)
        assert not opened.actor.can(Perm.USERS_MANAGE)
    finally:
        opened.close()


def test_display_name_defaults_to_user_name(accounts: AccountService) -> None:
    assert accounts.add_user("omar", frozenset({Role.VIEWER}), USER_PASSWORD).display_name == "omar"


def test_duplicate_user_is_refused(office: UnlockedOffice, accounts: AccountService) -> None:
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    wrap_before = _keyring(office).wraps["nadia"]
    with pytest.raises(InvalidInput, match="already a user named 'nadia'"):
        accounts.add_user("nadia", frozenset({Role.ADMIN}), NEW_PASSWORD)
    with pytest.raises(InvalidInput, match="already"):
        accounts.add_user("admin", frozenset({Role.VIEWER}), NEW_PASSWORD)
    # the existing account keeps its roles and its password
    users = {u.username: u for u in accounts.list_users()}
    assert users["nadia"].roles == frozenset({Role.VIEWER})
    assert _keyring(office).wraps["nadia"] == wrap_before


@pytest.mark.parametrize("name", ["", "N", "na dia", "9lives", "x" * 33, "nadia!"])
def test_bad_user_names_are_refused(accounts: AccountService, name: str) -> None:
    with pytest.raises(InvalidInput, match="user name"):
        accounts.add_user(name, frozenset({Role.VIEWER}), USER_PASSWORD)


def test_a_user_needs_a_role(accounts: AccountService) -> None:
    with pytest.raises(InvalidInput, match="role"):
        accounts.add_user("nadia", frozenset(), USER_PASSWORD)


def test_weak_password_for_a_new_user(office: UnlockedOffice, accounts: AccountService) -> None:
    with pytest.raises(WeakPassword, match="too short"):
        accounts.add_user("nadia", frozenset({Role.VIEWER}), "short")
    with pytest.raises(WeakPassword, match="user name"):
        accounts.add_user("nadia", frozenset({Role.VIEWER}), "nadia likes long passwords")
    assert [u.username for u in accounts.list_users()] == ["admin"]
    assert "nadia" not in _keyring(office).wraps


def test_set_roles(office: UnlockedOffice, accounts: AccountService) -> None:
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    record = accounts.set_roles("nadia", frozenset({Role.PROTECTION, Role.MOVEMENT}))
    assert record.roles == frozenset({Role.PROTECTION, Role.MOVEMENT})
    users = {u.username: u for u in accounts.list_users()}
    assert users["nadia"].roles == frozenset({Role.PROTECTION, Role.MOVEMENT})
    assert _actions(office)[-1] == "user_roles_changed"


def test_set_roles_needs_a_role_and_a_known_user(accounts: AccountService) -> None:
    with pytest.raises(InvalidInput):
        accounts.set_roles("admin", frozenset())
    with pytest.raises(InvalidInput, match="no user named 'ghost'"):
        accounts.set_roles("ghost", frozenset({Role.VIEWER}))


def test_user_names_are_kept_in_lower_case(accounts: AccountService) -> None:
    assert accounts.add_user("Nadia", frozenset({Role.VIEWER}), NEW_PASSWORD).username == "nadia"


def test_nobody_changes_their_own_roles(accounts: AccountService) -> None:
    """Otherwise an admin could demote themselves and keep admin powers for the session."""
    with pytest.raises(InvalidInput, match="your own roles"):
        accounts.set_roles("admin", frozenset({Role.VIEWER}))
    assert accounts.list_users()[0].roles == frozenset({Role.ADMIN})


def test_admin_role_can_be_taken_from_another_admin(accounts: AccountService) -> None:
    accounts.add_user("boss", frozenset({Role.ADMIN}), USER_PASSWORD)
    accounts.set_roles("boss", frozenset({Role.REGISTRATION}))
    users = {u.username: u.roles for u in accounts.list_users()}
    assert users == {"admin": frozenset({Role.ADMIN}), "boss": frozenset({Role.REGISTRATION})}


def test_keyring_remembers_who_the_admins_are(accounts: AccountService, office) -> None:  # type: ignore[no-untyped-def]
    accounts.add_user("boss", frozenset({Role.ADMIN}), USER_PASSWORD)
    assert _keyring(office).admins == {"admin", "boss"}
    accounts.disable("boss")
    assert _keyring(office).admins == {"admin"}


def test_cannot_disable_the_last_admin_or_oneself(accounts: AccountService) -> None:
    with pytest.raises(InvalidInput, match="your own account"):
        accounts.disable("admin")
    accounts.add_user("boss", frozenset({Role.ADMIN}), USER_PASSWORD)
    accounts.disable("boss")  # admin remains
    assert {u.username: u.disabled for u in accounts.list_users()} == {
        "admin": False,
        "boss": True,
    }


def test_admin_sets_a_password(office: UnlockedOffice, accounts: AccountService) -> None:
    data_dir = office.info.data_dir
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    accounts.set_password("nadia", NEW_PASSWORD)
    assert _actions(office)[-1] == "password_set"
    office.close()
    assert not _can_unlock(data_dir, "nadia", USER_PASSWORD)
    assert _can_unlock(data_dir, "nadia", NEW_PASSWORD)
    assert _can_unlock(data_dir, "admin", ADMIN_PASSWORD)  # others untouched


def test_set_password_refuses_weak_or_unknown(
    office: UnlockedOffice, accounts: AccountService
) -> None:
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    wrap = _keyring(office).wraps["nadia"]
    with pytest.raises(WeakPassword):
        accounts.set_password("nadia", "too short")
    with pytest.raises(InvalidInput, match="no user named"):
        accounts.set_password("ghost", NEW_PASSWORD)
    assert _keyring(office).wraps["nadia"] == wrap


def test_change_own_password(office: UnlockedOffice, accounts: AccountService) -> None:
    data_dir = office.info.data_dir
    accounts.change_own_password(ADMIN_PASSWORD, NEW_PASSWORD)
    assert _actions(office)[-1] == "password_changed"
    office.close()
    assert not _can_unlock(data_dir, "admin", ADMIN_PASSWORD)
    assert _can_unlock(data_dir, "admin", NEW_PASSWORD)


def test_change_own_password_with_wrong_old_password(
    office: UnlockedOffice, accounts: AccountService
) -> None:
    data_dir = office.info.data_dir
    with pytest.raises(AuthenticationError, match="current password is wrong"):
        accounts.change_own_password(USER_PASSWORD, NEW_PASSWORD)
    with pytest.raises(WeakPassword):
        accounts.change_own_password(ADMIN_PASSWORD, "short")
    office.close()
    assert _can_unlock(data_dir, "admin", ADMIN_PASSWORD)
    assert not _can_unlock(data_dir, "admin", NEW_PASSWORD)


def test_password_change_rewraps_only_one_entry(
    office: UnlockedOffice, accounts: AccountService
) -> None:
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    before = _keyring(office).wraps
    accounts.set_password("nadia", NEW_PASSWORD)
    after = _keyring(office).wraps
    assert after["admin"] == before["admin"]
    assert after["nadia"] != before["nadia"]
    assert after["nadia"].key_version == before["nadia"].key_version


def test_disable_removes_the_wrap(office: UnlockedOffice, accounts: AccountService) -> None:
    data_dir = office.info.data_dir
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    record = accounts.disable("nadia")
    assert record.disabled
    assert "nadia" not in _keyring(office).wraps
    assert "nadia" not in office.keyring.wraps
    assert _actions(office)[-1] == "user_disabled"
    office.close()
    assert not _can_unlock(data_dir, "nadia", USER_PASSWORD)


def test_enable_with_a_new_password(office: UnlockedOffice, accounts: AccountService) -> None:
    data_dir = office.info.data_dir
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    accounts.disable("nadia")
    with pytest.raises(WeakPassword):
        accounts.enable("nadia", "short")
    assert {u.username: u.disabled for u in accounts.list_users()}["nadia"]
    record = accounts.enable("nadia", NEW_PASSWORD)
    assert not record.disabled
    assert _actions(office)[-1] == "user_enabled"
    office.close()
    assert _can_unlock(data_dir, "nadia", NEW_PASSWORD)
    assert not _can_unlock(data_dir, "nadia", USER_PASSWORD)


def test_unlock_account_clears_failures(office: UnlockedOffice, accounts: AccountService) -> None:
    data_dir = office.info.data_dir
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            auth.unlock(data_dir, "nadia", "not her password at all")
    # the open admin session sees the file written by the failed attempts
    office.keyring.throttles.update(_keyring(office).throttles)
    assert {u.username: u.failed_attempts for u in accounts.list_users()}["nadia"] == 2
    record = accounts.unlock_account("nadia")
    assert record.failed_attempts == 0
    assert not record.locked
    assert "nadia" not in _keyring(office).throttles
    assert _actions(office)[-1] == "user_unlocked"
    with pytest.raises(InvalidInput, match="no user named"):
        accounts.unlock_account("ghost")


def test_account_changes_keep_the_audit_chain_valid(
    office: UnlockedOffice, accounts: AccountService
) -> None:
    accounts.add_user("nadia", frozenset({Role.VIEWER}), USER_PASSWORD)
    accounts.set_roles("nadia", frozenset({Role.MEDICAL}))
    accounts.set_password("nadia", NEW_PASSWORD)
    accounts.disable("nadia")
    accounts.enable("nadia", USER_PASSWORD)
    accounts.unlock_account("nadia")
    with office.reading() as session:
        check = audit.verify(session, office.audit_key)
        events = audit.recent(session, 100)
    assert check.ok
    assert check.events >= 7
    for event in events:
        assert USER_PASSWORD not in event.detail
        assert NEW_PASSWORD not in event.detail
