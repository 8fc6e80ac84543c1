"""Creating an office, unlocking it, throttling failed attempts, login audit."""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path

import pytest

from desktop.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationError,
    InvalidInput,
    KnownError,
    OfficeExists,
    PermissionDenied,
    ThrottledError,
    WeakPassword,
)
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Perm, Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import IDLE_LOCK_MINUTES, SettingsService
from desktop.store.keyring import Keyring
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

WRONG = "definitely not the password"


class Clock:
    """A hand-wound clock for auth.unlock."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _audit_actions(office: UnlockedOffice) -> list[tuple[str, str, str]]:
    with office.reading() as session:
        return [(e.action, e.actor, e.target_id) for e in reversed(audit.recent(session, 10_000))]


def _keyring(data_dir: Path) -> Keyring:
    return Keyring.load(OfficePaths(data_dir).keyring)


def _fail(data_dir: Path, clock: Clock, user: str = "admin") -> AuthenticationError:
    with pytest.raises(AuthenticationError) as info:
        auth.unlock(data_dir, user, WRONG, clock=clock)
    return info.value


@pytest.fixture
def closed_office(office: UnlockedOffice, data_dir: Path) -> Path:
    """An office with ``admin`` and a registration clerk ``clerk``, closed."""
    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    return data_dir


# -- create_office -----------------------------------------------------------------


def test_create_office_returns_an_unlocked_admin_session(office: UnlockedOffice) -> None:
    assert office.actor.username == "admin"
    assert office.actor.roles == frozenset({Role.ADMIN})
    assert office.actor.can(Perm.USERS_MANAGE)
    assert (office.info.code, office.info.name, office.info.demo) == (
        "SHG",
        "Shengjin field office",
        False,
    )
    paths = OfficePaths(office.info.data_dir)
    assert paths.database.exists()
    assert paths.keyring.exists()
    actions = _audit_actions(office)
    assert actions[0][:2] == ("office_created", "admin")


def test_create_office_normalises_code_and_name(data_dir: Path) -> None:
    office = auth.create_office(
        data_dir, " shg ", "  Shengjin   field  office ", "admin", ADMIN_PASSWORD
    )
    try:
        assert office.info.code == "SHG"
        assert office.info.name == "Shengjin field office"
    finally:
        office.close()
    keyring = _keyring(data_dir)
    assert (keyring.office_code, keyring.office_name) == ("SHG", "Shengjin field office")


@pytest.mark.parametrize("code", ["", "S", "SH", "SHG1", "SH-G", "TOOLONGX", "ШЕН"])
def test_create_office_rejects_bad_codes(data_dir: Path, code: str) -> None:
    with pytest.raises(InvalidInput) as info:
        auth.create_office(data_dir, code, "Shengjin", "admin", ADMIN_PASSWORD)
    assert "office code" in str(info.value)
    assert not data_dir.exists() or not OfficePaths(data_dir).has_office()


@pytest.mark.parametrize("name", ["", "x", "y" * 101])
def test_create_office_rejects_bad_names(data_dir: Path, name: str) -> None:
    with pytest.raises(InvalidInput, match="office name"):
        auth.create_office(data_dir, "SHG", name, "admin", ADMIN_PASSWORD)


@pytest.mark.parametrize("user", ["", "a", "Admin", "1admin", "ad min", "x" * 33, "admin!"])
def test_create_office_rejects_bad_user_names(data_dir: Path, user: str) -> None:
    with pytest.raises(InvalidInput, match="user name"):
        auth.create_office(data_dir, "SHG", "Shengjin", user, ADMIN_PASSWORD)


def test_create_office_rejects_a_short_password_with_the_reason(data_dir: Path) -> None:
    with pytest.raises(WeakPassword) as info:
        auth.create_office(data_dir, "SHG", "Shengjin", "admin", "short pass")
    assert "too short" in str(info.value)
    assert "10 characters" in str(info.value)
    assert "15" in str(info.value)
    assert not OfficePaths(data_dir).has_office()


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("superadministrator horse", "user name"),
        ("we work at shengjin harbour", "office name"),
        ("office SHG passwords rule", "office name"),
    ],
)
def test_create_office_rejects_passwords_with_user_or_office_name(
    data_dir: Path, password: str, reason: str
) -> None:
    with pytest.raises(WeakPassword, match=reason):
        auth.create_office(data_dir, "SHG", "Shengjin", "administrator", password)


def test_create_office_over_an_existing_office_changes_nothing(
    office: UnlockedOffice, data_dir: Path
) -> None:
    office.close()
    paths = OfficePaths(data_dir)
    keyring_before = paths.keyring.read_bytes()
    db_before = paths.database.read_bytes()
    with pytest.raises(OfficeExists) as info:
        auth.create_office(data_dir, "NEW", "Another office", "boss", USER_PASSWORD)
    assert str(data_dir) in str(info.value)
    assert paths.keyring.read_bytes() == keyring_before
    assert paths.database.read_bytes() == db_before
    again = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    assert again.info.code == "SHG"
    again.close()


def test_create_office_with_only_a_database_left_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    OfficePaths(data_dir).database.write_bytes(b"something")
    with pytest.raises(OfficeExists):
        auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD)
    assert OfficePaths(data_dir).database.read_bytes() == b"something"


def test_failed_creation_leaves_no_half_office(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("simulated bug while writing the first audit event")

    with monkeypatch.context() as patch:
        patch.setattr(audit, "record", broken)
        with pytest.raises(RuntimeError):
            auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD)
    assert not OfficePaths(data_dir).has_office()
    assert not any(data_dir.glob("office.db*"))
    office = auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD)
    office.close()


# -- unlock --------------------------------------------------------------------------


def test_unlock_with_the_right_password(closed_office: Path) -> None:
    office = auth.unlock(closed_office, "clerk", USER_PASSWORD)
    try:
        assert office.actor.username == "clerk"
        assert office.actor.roles == frozenset({Role.REGISTRATION})
        assert office.actor.can(Perm.REGISTRY_WRITE)
        assert not office.actor.can(Perm.USERS_MANAGE)
        assert office.info.code == "SHG"
    finally:
        office.close()


def test_unlock_records_login_and_close(closed_office: Path) -> None:
    auth.unlock(closed_office, "clerk", USER_PASSWORD).close()
    office = auth.unlock(closed_office, "admin", ADMIN_PASSWORD)
    try:
        actions = [(a, who) for a, who, _ in _audit_actions(office)]
    finally:
        office.close()
    end_of_session = inspect.signature(UnlockedOffice.close).parameters["reason"].default
    clerk = [a for a, who in actions if who == "clerk"]
    assert clerk == ["login", end_of_session]
    assert actions[-1] == ("login", "admin")


def test_wrong_password_and_unknown_user_give_the_same_message(closed_office: Path) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        auth.unlock(closed_office, "admin", WRONG)
    with pytest.raises(AuthenticationError) as unknown:
        auth.unlock(closed_office, "nobody", WRONG)
    assert type(wrong.value) is AuthenticationError
    assert type(unknown.value) is AuthenticationError
    assert str(wrong.value) == str(unknown.value)
    assert "Unknown user name or wrong password" in str(wrong.value)
    assert wrong.value.exit_code == 3


def test_empty_password_is_a_failure(closed_office: Path) -> None:
    with pytest.raises(AuthenticationError):
        auth.unlock(closed_office, "admin", "")
    assert _keyring(closed_office).throttles["admin"].failures == 1


def test_unknown_user_names_are_not_remembered(closed_office: Path) -> None:
    typed = "orchard-lantern-typed-into-the-name-field"
    with pytest.raises(AuthenticationError):
        auth.unlock(closed_office, typed, WRONG)
    raw = OfficePaths(closed_office).keyring.read_text("utf-8")
    assert typed not in raw
    assert WRONG not in raw


def test_three_failures_then_throttled(closed_office: Path) -> None:
    clock = Clock()
    for _ in range(3):
        error = _fail(closed_office, clock)
        assert not isinstance(error, ThrottledError)
    with pytest.raises(ThrottledError) as info:
        auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)
    assert info.value.wait_seconds > 0
    assert "Wait" in str(info.value)
    assert info.value.exit_code == 3
    # waiting out the delay lets the right password in
    clock.advance(info.value.wait_seconds + 0.01)
    auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock).close()


def test_throttled_attempts_do_not_count_as_failures(closed_office: Path) -> None:
    clock = Clock()
    for _ in range(3):
        _fail(closed_office, clock)
    for _ in range(5):
        with pytest.raises(ThrottledError):
            auth.unlock(closed_office, "admin", WRONG, clock=clock)
    assert _keyring(closed_office).throttles["admin"].failures == 3


def test_waits_grow_up_to_sixty_seconds(closed_office: Path) -> None:
    clock = Clock()
    waits: list[float] = []
    for _ in range(3):
        _fail(closed_office, clock)
    for _ in range(6):  # failures 4..9
        with pytest.raises(ThrottledError) as info:
            auth.unlock(closed_office, "admin", WRONG, clock=clock)
        waits.append(info.value.wait_seconds)
        clock.advance(info.value.wait_seconds)
        _fail(closed_office, clock)
    assert waits == sorted(waits)
    assert waits[0] < waits[-1]
    assert max(waits) == pytest.approx(60.0)
    assert all(w <= 60.0 for w in waits)
    assert auth.wait_after(50) == 60.0
    assert [auth.wait_after(n) for n in range(3)] == [0.0, 0.0, 0.0]


def _fail_until_locked(data_dir: Path, clock: Clock, user: str = "admin") -> AuthenticationError:
    last: AuthenticationError | None = None
    for _ in range(auth.LOCK_AFTER):
        clock.advance(auth.MAX_WAIT + 1)
        last = _fail(data_dir, clock, user)
    assert last is not None
    return last


def test_ten_failures_lock_the_account(closed_office: Path) -> None:
    clock = Clock()
    last = _fail_until_locked(closed_office, clock, "clerk")
    assert "locked" in str(last)
    clock.advance(24 * 3600)
    with pytest.raises(AccountLocked) as info:
        auth.unlock(closed_office, "clerk", USER_PASSWORD, clock=clock)
    assert "clerk" in str(info.value)
    assert "An office admin must unlock it" in str(info.value)
    assert info.value.exit_code == 3
    # another account is unaffected
    auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock).close()


def test_a_locked_admin_account_opens_again_after_an_hour(closed_office: Path) -> None:
    """Nobody can freeze the office for good by locking every admin from the window."""
    clock = Clock()
    _fail_until_locked(closed_office, clock, "admin")
    clock.advance(10 * 60)
    with pytest.raises(AccountLocked) as info:
        auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)
    assert "unlocks in" in str(info.value)
    clock.advance(auth.ADMIN_LOCK_SECONDS)
    auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock).close()


def test_remaining_attempts_are_announced(closed_office: Path) -> None:
    clock = Clock()
    messages = []
    for _ in range(9):
        clock.advance(auth.MAX_WAIT + 1)
        messages.append(str(_fail(closed_office, clock)))
    assert "attempts left" not in messages[0]
    assert "1 attempts left" in messages[-1] or "1 attempt left" in messages[-1]


def test_failure_counter_survives_a_restart(closed_office: Path) -> None:
    clock = Clock()
    for _ in range(3):
        _fail(closed_office, clock)
    # a fresh process only has the files: the keyring remembers
    keyring = _keyring(closed_office)
    assert keyring.throttles["admin"].failures == 3
    assert keyring.throttles["admin"].last_failure == clock.now
    with pytest.raises(ThrottledError):
        auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)


def test_lock_survives_a_restart(closed_office: Path) -> None:
    clock = Clock()
    _fail_until_locked(closed_office, clock, "clerk")
    assert _keyring(closed_office).throttles["clerk"].locked
    with pytest.raises(AccountLocked):
        auth.unlock(closed_office, "clerk", USER_PASSWORD, clock=Clock(clock.now + 10**7))


def test_success_resets_the_counter(closed_office: Path) -> None:
    clock = Clock()
    for _ in range(3):
        _fail(closed_office, clock)
    clock.advance(auth.MAX_WAIT + 1)
    auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock).close()
    assert "admin" not in _keyring(closed_office).throttles
    # the next three failures are free again
    for _ in range(3):
        error = _fail(closed_office, clock)
        assert not isinstance(error, ThrottledError)


def test_admin_unlocks_a_locked_account(closed_office: Path) -> None:
    clock = Clock()
    _fail_until_locked(closed_office, clock, "clerk")
    admin = auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)
    try:
        record = next(u for u in AccountService(admin).list_users() if u.username == "clerk")
        assert record.locked
        assert record.failed_attempts == auth.LOCK_AFTER
        AccountService(admin).unlock_account("clerk")
    finally:
        admin.close()
    auth.unlock(closed_office, "clerk", USER_PASSWORD, clock=clock).close()


def test_failed_logins_reach_the_audit_log_at_the_next_unlock(closed_office: Path) -> None:
    clock = Clock()
    _fail(closed_office, clock, "clerk")
    _fail(closed_office, clock, "nobody")
    pending = _keyring(closed_office).pending
    assert [(e.action, e.username) for e in pending] == [
        ("login_failed", "clerk"),
        ("login_failed", None),
    ]
    office = auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)
    try:
        actions = _audit_actions(office)
        with office.reading() as session:
            assert audit.verify(session, office.audit_key).ok
    finally:
        office.close()
    failed = [a for a in actions if a[0] == "login_failed"]
    assert failed == [
        ("login_failed", "clerk", "clerk"),
        ("login_failed", "(unknown user)", ""),
    ]
    # written once: the keyring's waiting list is emptied
    assert _keyring(closed_office).pending == []
    # ... and the failures come before the login that carried them in
    names = [a[0] for a in actions]
    assert names.index("login_failed") < len(names) - 1
    assert names[-1] == "login"


def test_account_lock_is_audited(closed_office: Path) -> None:
    clock = Clock()
    _fail_until_locked(closed_office, clock, "clerk")
    office = auth.unlock(closed_office, "admin", ADMIN_PASSWORD, clock=clock)
    try:
        actions = _audit_actions(office)
    finally:
        office.close()
    assert ("account_locked", "clerk", "clerk") in actions
    assert sum(1 for a in actions if a[0] == "login_failed") == auth.LOCK_AFTER


def test_disabled_user_gets_account_disabled(closed_office: Path) -> None:
    admin = auth.unlock(closed_office, "admin", ADMIN_PASSWORD)
    AccountService(admin).disable("clerk")
    admin.close()
    with pytest.raises(AccountDisabled) as info:
        auth.unlock(closed_office, "clerk", USER_PASSWORD)
    assert "disabled" in str(info.value)
    assert info.value.exit_code == 3


def test_disabled_user_with_a_restored_wrap_is_refused(closed_office: Path) -> None:
    """Even if an old keyring still holds the wrap, the database says no."""
    paths = OfficePaths(closed_office)
    old_keyring = paths.keyring.read_bytes()
    admin = auth.unlock(closed_office, "admin", ADMIN_PASSWORD)
    AccountService(admin).disable("clerk")
    admin.close()
    doc = json.loads(paths.keyring.read_text("utf-8"))
    doc["wraps"]["clerk"] = json.loads(old_keyring)["wraps"]["clerk"]
    paths.keyring.write_text(json.dumps(doc), "utf-8")

    with pytest.raises(AccountDisabled):
        auth.unlock(closed_office, "clerk", USER_PASSWORD)
    office = auth.unlock(closed_office, "admin", ADMIN_PASSWORD)
    try:
        actions = _audit_actions(office)
    finally:
        office.close()
    assert ("login_refused_disabled", "clerk", "clerk") in actions


def test_missing_database_is_a_clear_error_not_a_new_office(closed_office: Path) -> None:
    """The keyring is there but office.db is gone (moved, not yet restored, deleted).

    Unlocking must say the database is missing; it must not create a new empty
    database in its place nor claim that the account is disabled.
    """
    paths = OfficePaths(closed_office)
    paths.database.unlink()
    with pytest.raises(KnownError) as info:
        auth.unlock(closed_office, "admin", ADMIN_PASSWORD)
    assert not isinstance(info.value, AccountDisabled), str(info.value)
    assert "missing" in str(info.value) or "not found" in str(info.value)
    assert not paths.database.exists(), "an empty database was created in place of the office"


def test_unlock_without_an_office(data_dir: Path) -> None:
    data_dir.mkdir()
    with pytest.raises(KnownError):
        auth.unlock(data_dir, "admin", ADMIN_PASSWORD)


# -- permissions ----------------------------------------------------------------------


@pytest.fixture
def viewer(office: UnlockedOffice, data_dir: Path):  # type: ignore[no-untyped-def]
    AccountService(office).add_user("viewer", frozenset({Role.VIEWER}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "viewer", USER_PASSWORD)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "call",
    [
        lambda o: AccountService(o).list_users(),
        lambda o: AccountService(o).add_user(
            "sneaky", frozenset({Role.ADMIN}), "a perfectly long passphrase here"
        ),
        lambda o: AccountService(o).set_roles("viewer", frozenset({Role.ADMIN})),
        lambda o: AccountService(o).set_password("admin", "a perfectly long passphrase here"),
        lambda o: AccountService(o).disable("admin"),
        lambda o: AccountService(o).enable("admin", "a perfectly long passphrase here"),
        lambda o: AccountService(o).unlock_account("admin"),
        lambda o: SettingsService(o).set(IDLE_LOCK_MINUTES, 30),
        lambda o: importlib.import_module("desktop.services.office.check").check_office(o),
    ],
    ids=[
        "list_users",
        "add_user",
        "set_roles",
        "set_password",
        "disable",
        "enable",
        "unlock_account",
        "settings",
        "check_office",
    ],
)
def test_viewer_is_denied_admin_services_and_it_is_audited(
    viewer: UnlockedOffice, data_dir: Path, call
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied) as info:
        call(viewer)
    assert "permission" in str(info.value)
    assert info.value.exit_code == 1
    viewer.close()
    admin = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    try:
        with admin.reading() as session:
            events = audit.recent(session, 10_000)
            assert audit.verify(session, admin.audit_key).ok
        denials = [e for e in events if e.action == "permission_denied"]
        assert len(denials) == 1
        assert denials[0].actor == "viewer"
        assert "permission" in json.loads(denials[0].detail)
        users = {u.username: u for u in AccountService(admin).list_users()}
    finally:
        admin.close()
    # and nothing changed
    assert users["admin"].roles == frozenset({Role.ADMIN})
    assert not users["admin"].disabled
    assert users["viewer"].roles == frozenset({Role.VIEWER})
    assert "sneaky" not in users


def test_viewer_may_still_change_own_password(viewer: UnlockedOffice, data_dir: Path) -> None:
    new = "lighthouse violin marble autumn"
    AccountService(viewer).change_own_password(USER_PASSWORD, new)
    viewer.close()
    auth.unlock(data_dir, "viewer", new).close()
