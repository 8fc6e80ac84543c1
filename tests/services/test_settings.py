"""Office settings: typed (numbers, text, choices, durations, key lists), with defaults and
limits, stored as JSON in the encrypted database, changed only by admins."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import (
    ALL_SETTINGS,
    DAYS,
    EXPORT_INTERVAL,
    EXPORT_PROFILE,
    HOURS,
    HQ_RECIPIENT_KEYS,
    IDLE_LOCK_MINUTES,
    Choice,
    ChoiceSetting,
    OfficeSetting,
    SettingsService,
    TextSetting,
)
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


# -- the kinds beyond whole numbers ----------------------------------------------------------

HQ_KEY = "age1" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l" + "qpzry9x8gf2tvdw0s3jn54khce"
OTHER_KEY = "age1" + "x" * 58

NOTE = TextSetting("test_note", "Note on the agenda", "", max_length=20)


def test_every_setting_is_declared_once_with_a_valid_default() -> None:
    keys = [s.key for s in ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in ALL_SETTINGS:
        assert setting.validate(setting.default) == setting.default, setting.key
        assert setting.problem(setting.default) is None


def test_export_examples_have_their_defaults(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    interval: timedelta = settings.get(EXPORT_INTERVAL)
    assert interval == timedelta(days=7)
    assert settings.get(EXPORT_PROFILE) == "standard"
    assert EXPORT_PROFILE.codes() == ("standard", "with_medical", "with_protection")
    assert settings.get(HQ_RECIPIENT_KEYS) == ()
    assert {s.section for s in (EXPORT_INTERVAL, EXPORT_PROFILE, HQ_RECIPIENT_KEYS)} == {
        "Exports to headquarters"
    }


def test_text_is_one_trimmed_line_within_its_limits(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert settings.set(NOTE, "  Bring the passports  ") == "Bring the passports"
    assert settings.get(NOTE) == "Bring the passports"
    assert NOTE.problem("x" * 21) == "write at most 20 characters."
    assert NOTE.problem("two\nlines") == "write it on one line."
    assert NOTE.problem(5) == "text is needed."
    assert TextSetting("t", "T", "x", min_length=1).problem(" ") == "it cannot be empty."
    with pytest.raises(InvalidInput, match="Note on the agenda: write at most 20"):
        settings.set(NOTE, "x" * 21)
    assert settings.get(NOTE) == "Bring the passports"


def test_a_choice_is_one_of_its_codes(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert settings.set(EXPORT_PROFILE, "with_medical") == "with_medical"
    assert settings.get(EXPORT_PROFILE) == "with_medical"
    assert EXPORT_PROFILE.title_of("with_medical") == "With medical details"
    for wrong in ("With medical details", "", None, 1):
        with pytest.raises(InvalidInput, match="choose one of: Standard"):
            settings.set(EXPORT_PROFILE, wrong)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="default"):
        ChoiceSetting("c", "C", "nope", (Choice("yes", "Yes"),))


def test_a_duration_is_stored_as_seconds_in_whole_hours(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert settings.set(EXPORT_INTERVAL, timedelta(hours=36)) == timedelta(hours=36)
    assert settings.get(EXPORT_INTERVAL) == timedelta(hours=36)
    with office.reading() as session:
        row = session.scalars(select(Setting).where(Setting.key == "export_interval")).one()
    assert json.loads(row.value) == 36 * 3600
    assert EXPORT_INTERVAL.in_units(timedelta(days=14)) == (14, DAYS)
    assert EXPORT_INTERVAL.in_units(timedelta(hours=36)) == (36, HOURS)
    assert EXPORT_INTERVAL.describe(timedelta(days=1)) == "1 day"
    assert EXPORT_INTERVAL.problem(timedelta(hours=5)) == "choose between 6 hours and 30 days."
    assert EXPORT_INTERVAL.problem(timedelta(days=31)) == "choose between 6 hours and 30 days."
    assert EXPORT_INTERVAL.problem(timedelta(minutes=90)) == "give whole hours."
    assert EXPORT_INTERVAL.problem(7) == "a length of time is needed."
    assert EXPORT_INTERVAL.problem(EXPORT_INTERVAL.minimum) is None
    assert EXPORT_INTERVAL.problem(EXPORT_INTERVAL.maximum) is None


def test_key_lists_check_the_shape_of_each_key(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    assert HQ_RECIPIENT_KEYS.item_problem(HQ_KEY) is None
    assert HQ_RECIPIENT_KEYS.item_problem(f"  {HQ_KEY} ") is None
    for wrong in (
        HQ_KEY[:-1],  # 57 characters
        HQ_KEY + "q",  # 59
        HQ_KEY.upper(),
        "age1" + "b" * 58,  # b, i, o and 1 are not in the bech32 alphabet
        "age1" + "1" * 58,
        "AGE-SECRET-KEY-1" + "Q" * 58,  # a secret key is refused, never stored
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH",
    ):
        assert "not an age public key" in (HQ_RECIPIENT_KEYS.item_problem(wrong) or ""), wrong
    assert HQ_RECIPIENT_KEYS.item_problem("  ") == "enter a key."

    assert settings.set(HQ_RECIPIENT_KEYS, (f" {HQ_KEY}", OTHER_KEY)) == (HQ_KEY, OTHER_KEY)
    assert settings.get(HQ_RECIPIENT_KEYS) == (HQ_KEY, OTHER_KEY)
    with pytest.raises(InvalidInput, match="listed twice"):
        settings.set(HQ_RECIPIENT_KEYS, (HQ_KEY, HQ_KEY))
    with pytest.raises(InvalidInput, match="key 2: that is not an age public key"):
        settings.set(HQ_RECIPIENT_KEYS, (HQ_KEY, "age1short"))
    with pytest.raises(InvalidInput, match="at most 10 keys"):
        settings.set(HQ_RECIPIENT_KEYS, tuple("age1" + c * 58 for c in "qpzry9x8gf2"))
    assert settings.get(HQ_RECIPIENT_KEYS) == (HQ_KEY, OTHER_KEY)


def test_the_audit_log_counts_keys_but_never_holds_them(office: UnlockedOffice) -> None:
    settings = SettingsService(office)
    settings.set(HQ_RECIPIENT_KEYS, (HQ_KEY,))
    settings.set(HQ_RECIPIENT_KEYS, (OTHER_KEY,))
    settings.set(EXPORT_INTERVAL, timedelta(days=2))
    with office.reading() as session:
        events = [e for e in audit.recent(session) if e.action == "setting_changed"]
    details = {(e.target_id, e.detail) for e in events}
    keys = [json.loads(d) for t, d in details if t == "hq_recipient_keys"]
    assert sorted(keys, key=lambda d: d["removed"]) == [
        {"count": 1, "added": 1, "removed": 0},
        {"count": 1, "added": 1, "removed": 1},
    ]
    assert all(HQ_KEY not in e.detail and OTHER_KEY not in e.detail for e in events)
    assert ("export_interval", json.dumps({"seconds": 2 * 86400})) in {
        (t, json.dumps(json.loads(d))) for t, d in details
    }


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        (EXPORT_INTERVAL, '"7 days"'),
        (EXPORT_INTERVAL, "true"),
        (EXPORT_INTERVAL, "60"),  # a minute: not whole hours
        (EXPORT_INTERVAL, str(400 * 86400)),
        (EXPORT_PROFILE, '"everything"'),
        (EXPORT_PROFILE, "3"),
        (HQ_RECIPIENT_KEYS, '"age1"'),
        (HQ_RECIPIENT_KEYS, '["age1short"]'),
        (HQ_RECIPIENT_KEYS, "{}"),
        (NOTE, "12"),
        (NOTE, '"' + "x" * 30 + '"'),
        (NOTE, "not json"),
    ],
)
def test_a_bad_stored_value_of_any_kind_falls_back_to_the_default(
    office: UnlockedOffice, setting: OfficeSetting[object], stored: str
) -> None:
    with office.unit_of_work() as session:
        session.add(Setting(key=setting.key, value=stored))
    settings = SettingsService(office)
    assert settings.get(setting) == setting.default
    assert settings.values([setting, IDLE_LOCK_MINUTES]) == {
        setting.key: setting.default,
        IDLE_LOCK_MINUTES.key: 10,
    }


def test_values_round_trip_through_a_reopened_office(
    office: UnlockedOffice, data_dir: Path
) -> None:
    settings = SettingsService(office)
    settings.set(EXPORT_INTERVAL, timedelta(days=3))
    settings.set(EXPORT_PROFILE, "with_protection")
    settings.set(HQ_RECIPIENT_KEYS, (OTHER_KEY, HQ_KEY))
    settings.set(NOTE, "Gate B")
    office.close()
    again = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    try:
        assert SettingsService(again).values((*ALL_SETTINGS, NOTE)) == {
            **{s.key: s.default for s in ALL_SETTINGS},
            EXPORT_INTERVAL.key: timedelta(days=3),
            EXPORT_PROFILE.key: "with_protection",
            HQ_RECIPIENT_KEYS.key: (OTHER_KEY, HQ_KEY),
            NOTE.key: "Gate B",
        }
    finally:
        again.close()
