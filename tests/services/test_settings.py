"""Office settings: typed, with defaults and limits, changed only by admins."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ALL_SETTINGS, IDLE_LOCK_MINUTES, SettingsService
from desktop.store.models import Setting
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


def test_idle_lock_defaults_to_ten_minutes(office: UnlockedOffice) -> None:
    assert IDLE_LOCK_MINUTES.default == 10
    assert SettingsService(office).get(IDLE_LOCK_MINUTES) == 10
    assert IDLE_LOCK_MINUTES in ALL_SETTINGS


def test_set_then_get(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert settings.set(IDLE_LOCK_MINUTES, 25) == 25
    assert settings.get(IDLE_LOCK_MINUTES) == 25
    assert settings.set(IDLE_LOCK_MINUTES, 3) == 3
    assert settings.get(IDLE_LOCK_MINUTES) == 3
    with office.reading() as session:
        rows = session.scalars(select(Setting)).all()
        events = [e for e in audit.recent(session) if e.action == "setting_changed"]
    assert len(rows) == 1  # updated in place, not duplicated
    assert rows[0].updated_by == "admin"
    assert [e.target_id for e in events] == ["idle_lock_minutes", "idle_lock_minutes"]


def test_setting_survives_reopening(office: UnlockedOffice, data_dir: Path) -> None:
    SettingsService(office).set(IDLE_LOCK_MINUTES, 42)
    office.close()
    again = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    try:
        assert SettingsService(again).get(IDLE_LOCK_MINUTES) == 42
    finally:
        again.close()


def test_limits_are_inclusive(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert settings.set(IDLE_LOCK_MINUTES, IDLE_LOCK_MINUTES.minimum) == 1
    assert settings.set(IDLE_LOCK_MINUTES, IDLE_LOCK_MINUTES.maximum) == 60


@pytest.mark.parametrize("value", [0, -5, 61, 10_000, "10", 10.0, None, True, False])
def test_invalid_values_are_refused(office: UnlockedOffice, value: object) -> None:
    settings = SettingsService(office)
    settings.set(IDLE_LOCK_MINUTES, 20)
    with pytest.raises(InvalidInput) as info:
        settings.set(IDLE_LOCK_MINUTES, value)
    assert "idle minutes" in str(info.value)
    assert settings.get(IDLE_LOCK_MINUTES) == 20


@pytest.mark.parametrize("stored", ["not json", "999", '"ten"', "true"])
def test_bad_stored_value_falls_back_to_default(office: UnlockedOffice, stored: str) -> None:
    SettingsService(office).set(IDLE_LOCK_MINUTES, 20)
    with office.unit_of_work() as session:
        session.execute(
            text("UPDATE settings SET value = :v WHERE key = 'idle_lock_minutes'"), {"v": stored}
        )
    assert SettingsService(office).get(IDLE_LOCK_MINUTES) == 10


def test_non_admin_is_denied_but_may_read(office: UnlockedOffice, data_dir: Path) -> None:
    SettingsService(office).set(IDLE_LOCK_MINUTES, 15)
    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    try:
        settings = SettingsService(clerk)
        assert settings.get(IDLE_LOCK_MINUTES) == 15  # the GUI needs it for everyone
        with pytest.raises(PermissionDenied):
            settings.set(IDLE_LOCK_MINUTES, 60)
        assert settings.get(IDLE_LOCK_MINUTES) == 15
        with clerk.reading() as session:
            denied = [e for e in audit.recent(session) if e.action == "permission_denied"]
        assert [e.actor for e in denied] == ["clerk"]
        assert "settings.manage" in denied[0].detail
    finally:
        clerk.close()
