"""Office settings: each declared once, typed, with a default and its limits.

They live in the encrypted database (never in QSettings), one JSON value per key, and only
admins change them. UI-only state such as window geometry is not an office setting.

A setting is of one kind, a frozen dataclass generic over the value it holds:

- ``IntSetting``: a whole number between limits, with a unit;
- ``TextSetting``: one line of text between length limits;
- ``ChoiceSetting``: one of a few codes, each with a title;
- ``DurationSetting``: a ``timedelta`` in whole hours, stored as seconds, shown in hours
  or days;
- ``KeyListSetting``: a list of keys of one format (headquarters' age public keys), of
  which the audit log records counts only.

``SettingsService.get(setting)`` returns that setting's type. A value stored broken (by
hand, or by an older version) falls back to the default: a setting never stops the office
from opening. Titles, units and notes are marked with ``tr_noop``: the UI translates them
where it shows them (the messages of refused values are English, like every service
message).
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.i18n import tr_noop
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Setting as SettingRow

V = TypeVar("V")

OFFICE_RULES = tr_noop("Office rules")
HQ_EXPORTS = tr_noop("Exports to headquarters")


class _Refused(Exception):
    """A value a setting cannot hold; ``reason`` says why (without the setting's title)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class OfficeSetting(ABC, Generic[V]):
    """What every kind of setting has; see the module docstring for the kinds."""

    key: str
    #: marked with ``tr_noop``
    title: str
    default: V
    #: where the settings page shows it (marked with ``tr_noop``)
    section: str = field(default=OFFICE_RULES, kw_only=True)
    #: a line the settings page shows beside it (marked with ``tr_noop``)
    note: str = field(default="", kw_only=True)

    @abstractmethod
    def _check(self, value: object) -> V:
        """``value`` as this setting holds it, or ``_Refused``."""

    def validate(self, value: object) -> V:
        """``value`` cleaned up, or ``InvalidInput`` naming the setting and the problem."""
        try:
            return self._check(value)
        except _Refused as refused:
            raise InvalidInput(f"{self.title}: {refused.reason}") from None

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be stored (for a message beside the field), or None."""
        try:
            self._check(value)
        except _Refused as refused:
            return refused.reason
        return None

    def to_stored(self, value: V) -> object:
        """``value`` as JSON holds it."""
        return value

    def from_stored(self, raw: object) -> V:
        """The value of decoded JSON; ``InvalidInput`` when it is not one."""
        return self.validate(raw)

    def audit_detail(self, old: V, new: V) -> dict[str, object]:
        """What the audit log keeps of a change."""
        return {"value": self.to_stored(new)}


@dataclass(frozen=True)
class IntSetting(OfficeSetting[int]):
    minimum: int
    maximum: int
    #: marked with ``tr_noop``
    unit: str = ""

    def _check(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Refused("a whole number is needed.")
        if not self.minimum <= value <= self.maximum:
            unit = f" {self.unit}" if self.unit else ""
            raise _Refused(f"choose between {self.minimum} and {self.maximum}{unit}.")
        return value


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class TextSetting(OfficeSetting[str]):
    """One line of text; spaces around it are dropped."""

    max_length: int = 200
    min_length: int = 0

    def _check(self, value: object) -> str:
        if not isinstance(value, str):
            raise _Refused("text is needed.")
        text = value.strip()
        if _CONTROL.search(text):
            raise _Refused("write it on one line.")
        if len(text) < self.min_length:
            if self.min_length == 1:
                raise _Refused("it cannot be empty.")
            raise _Refused(f"write at least {self.min_length} characters.")
        if len(text) > self.max_length:
            raise _Refused(f"write at most {self.max_length} characters.")
        return text


@dataclass(frozen=True)
class Choice:
    code: str
    #: marked with ``tr_noop``
    title: str


@dataclass(frozen=True)
class ChoiceSetting(OfficeSetting[str]):
    """One of ``choices`` (stored by code)."""

    choices: tuple[Choice, ...]

    def __post_init__(self) -> None:
        if self.default not in self.codes():
            raise ValueError(f"{self.key}: the default is not one of the choices")

    def codes(self) -> tuple[str, ...]:
        return tuple(choice.code for choice in self.choices)

    def title_of(self, code: str) -> str:
        return next((c.title for c in self.choices if c.code == code), code)

    def _check(self, value: object) -> str:
        if not isinstance(value, str) or value not in self.codes():
            titles = "; ".join(choice.title for choice in self.choices)
            raise _Refused(f"choose one of: {titles}.")
        return value


@dataclass(frozen=True)
class DurationUnit:
    code: str
    #: marked with ``tr_noop``: the unit as a choice ("hours")
    title: str
    seconds: int
    one: str
    many: str

    def count(self, amount: int) -> str:
        return f"{amount} {self.one if amount == 1 else self.many}"


HOURS = DurationUnit("hours", tr_noop("hours"), 3600, "hour", "hours")
DAYS = DurationUnit("days", tr_noop("days"), 86400, "day", "days")


@dataclass(frozen=True)
class DurationSetting(OfficeSetting[timedelta]):
    """A length of time in whole ``units[0]``, stored as seconds."""

    minimum: timedelta
    maximum: timedelta
    #: the units it is shown in, smallest first
    units: tuple[DurationUnit, ...] = (HOURS, DAYS)

    def in_units(self, value: timedelta) -> tuple[int, DurationUnit]:
        """``value`` as a whole number of the largest unit that measures it exactly."""
        seconds = int(value.total_seconds())
        for unit in reversed(self.units):
            if seconds % unit.seconds == 0:
                return seconds // unit.seconds, unit
        return seconds // self.units[0].seconds, self.units[0]

    def describe(self, value: timedelta) -> str:
        amount, unit = self.in_units(value)
        return unit.count(amount)

    def _check(self, value: object) -> timedelta:
        if not isinstance(value, timedelta):
            raise _Refused("a length of time is needed.")
        smallest = self.units[0]
        if value.total_seconds() % smallest.seconds:
            raise _Refused(f"give whole {smallest.many}.")
        if not self.minimum <= value <= self.maximum:
            low, high = self.describe(self.minimum), self.describe(self.maximum)
            raise _Refused(f"choose between {low} and {high}.")
        return value

    def to_stored(self, value: timedelta) -> object:
        return int(value.total_seconds())

    def from_stored(self, raw: object) -> timedelta:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidInput(f"{self.title}: a number of seconds is needed.")
        return self.validate(timedelta(seconds=raw))

    def audit_detail(self, old: timedelta, new: timedelta) -> dict[str, object]:
        return {"seconds": self.to_stored(new)}


@dataclass(frozen=True)
class KeyListSetting(OfficeSetting[tuple[str, ...]]):
    """Keys of one format (checked by shape only), in the order they were added."""

    #: what one key looks like (matched whole)
    pattern: str
    #: the format in words, for the messages (marked with ``tr_noop``)
    item_format: str
    max_items: int = 10

    def item_problem(self, text: str) -> str | None:
        """Why ``text`` is not a key of this list, or None."""
        item = text.strip()
        if not item:
            return "enter a key."
        if re.fullmatch(self.pattern, item) is None:
            return f"that is not {self.item_format}."
        return None

    def _check(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise _Refused("a list of keys is needed.")
        items = tuple(v.strip() for v in value)
        for number, item in enumerate(items, start=1):
            problem = self.item_problem(item)
            if problem is not None:
                raise _Refused(f"key {number}: {problem}")
        if len(set(items)) != len(items):
            raise _Refused("the same key is listed twice.")
        if len(items) > self.max_items:
            raise _Refused(f"list at most {self.max_items} keys.")
        return items

    def to_stored(self, value: tuple[str, ...]) -> object:
        return list(value)

    def audit_detail(self, old: tuple[str, ...], new: tuple[str, ...]) -> dict[str, object]:
        # counts only: which keys an office trusts is kept out of the log
        return {
            "count": len(new),
            "added": len(set(new) - set(old)),
            "removed": len(set(old) - set(new)),
        }


# -- the settings -------------------------------------------------------------------------

IDLE_LOCK_MINUTES = IntSetting(
    "idle_lock_minutes", tr_noop("Lock after this many idle minutes"), 10, 1, 60, tr_noop("minutes")
)

ADULT_AGE = IntSetting(
    "adult_age",
    tr_noop("Orientation required from this age (years)"),
    15,
    10,
    21,
    tr_noop("years"),
)
INFORM_HOURS = IntSetting(
    "inform_hours",
    tr_noop("Families must be told this many hours ahead"),
    48,
    12,
    168,
    tr_noop("hours"),
)
DEFAULT_SLOT_MINUTES = IntSetting(
    "default_slot_minutes", tr_noop("Default appointment length"), 30, 5, 240, tr_noop("minutes")
)
ORIENTATION_CAPACITY = IntSetting(
    "orientation_capacity",
    tr_noop("Default seats in an orientation session"),
    25,
    1,
    200,
    tr_noop("people"),
)
PEC_VALID_HOURS = IntSetting(
    "pec_valid_hours",
    tr_noop("A pre-embarkation check is valid for"),
    72,
    12,
    168,
    tr_noop("hours"),
)
ASSESSMENT_VALID_MONTHS = IntSetting(
    "assessment_valid_months",
    tr_noop("A health assessment is valid for"),
    6,
    1,
    24,
    tr_noop("months"),
)
PREGNANCY_LIMIT_WEEKS = IntSetting(
    "pregnancy_limit_weeks",
    tr_noop("Warn when a pregnancy is this far on the travel date"),
    36,
    20,
    40,
    tr_noop("weeks"),
)

#: kept for the exports to headquarters, which do not exist yet
_NOT_USED_YET = tr_noop("Kept for the exports to headquarters; nothing is exported yet.")

EXPORT_INTERVAL = DurationSetting(
    "export_interval",
    tr_noop("Export to headquarters every"),
    timedelta(days=7),
    timedelta(hours=6),
    timedelta(days=30),
    section=HQ_EXPORTS,
    note=_NOT_USED_YET,
)
EXPORT_PROFILE = ChoiceSetting(
    "export_profile",
    tr_noop("What an export to headquarters holds"),
    "standard",
    (
        Choice("standard", tr_noop("Standard: no medical or protection details")),
        Choice("with_medical", tr_noop("With medical details")),
        Choice("with_protection", tr_noop("With protection details")),
    ),
    section=HQ_EXPORTS,
    note=_NOT_USED_YET,
)
#: an age X25519 recipient: "age1" and 58 characters of the bech32 alphabet (no b, i, o, 1)
AGE_PUBLIC_KEY = r"age1[02-9ac-hj-np-z]{58}"
HQ_RECIPIENT_KEYS = KeyListSetting(
    "hq_recipient_keys",
    tr_noop("Headquarters' public keys that exports are encrypted to"),
    (),
    AGE_PUBLIC_KEY,
    tr_noop("an age public key: age1 followed by 58 lower-case letters and digits"),
    section=HQ_EXPORTS,
    note=_NOT_USED_YET,
)

ALL_SETTINGS: tuple[OfficeSetting[Any], ...] = (
    IDLE_LOCK_MINUTES,
    ADULT_AGE,
    INFORM_HOURS,
    DEFAULT_SLOT_MINUTES,
    ORIENTATION_CAPACITY,
    PEC_VALID_HOURS,
    ASSESSMENT_VALID_MONTHS,
    PREGNANCY_LIMIT_WEEKS,
    EXPORT_INTERVAL,
    EXPORT_PROFILE,
    HQ_RECIPIENT_KEYS,
)


def stored_value(session: Session, setting: OfficeSetting[V]) -> V:
    """The value of ``setting`` in the database; its default when unset or broken."""
    raw = session.scalars(select(SettingRow.value).where(SettingRow.key == setting.key)).first()
    if raw is None:
        return setting.default
    try:
        return setting.from_stored(json.loads(raw))
    except (ValueError, InvalidInput):
        return setting.default


class SettingsService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def get(self, setting: OfficeSetting[V]) -> V:
        with self._office.reading() as session:
            return stored_value(session, setting)

    def values(self, settings: Iterable[OfficeSetting[Any]]) -> dict[str, object]:
        """The value of each of ``settings`` by key, read at once (the settings page)."""
        with self._office.reading() as session:
            return {setting.key: stored_value(session, setting) for setting in settings}

    def set(self, setting: OfficeSetting[V], value: V) -> V:
        """Store ``value`` (checked: ``InvalidInput`` says why not); returns it cleaned up."""
        self._office.require(Perm.SETTINGS_MANAGE, "change office settings")
        checked = setting.validate(value)
        stored = json.dumps(setting.to_stored(checked))
        with self._office.unit_of_work() as session:
            old = stored_value(session, setting)
            row = session.scalars(
                select(SettingRow).where(SettingRow.key == setting.key)
            ).one_or_none()
            if row is None:
                session.add(SettingRow(key=setting.key, value=stored))
            else:
                row.value = stored
            self._office.audit(
                session,
                "setting_changed",
                "setting",
                setting.key,
                setting.audit_detail(old, checked),
            )
        return checked
