"""Office settings: each declared once, typed, with a default and its limits.

They live in the encrypted database (never in QSettings) and only admins change
them. UI-only state such as window geometry is not an office setting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Setting


@dataclass(frozen=True)
class IntSetting:
    key: str
    title: str
    default: int
    minimum: int
    maximum: int
    unit: str = ""

    def validate(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{self.title}: a whole number is needed.")
        if not self.minimum <= value <= self.maximum:
            raise InvalidInput(
                f"{self.title}: choose between {self.minimum} and {self.maximum} {self.unit}."
            )
        return value


IDLE_LOCK_MINUTES = IntSetting(
    "idle_lock_minutes", "Lock after this many idle minutes", 10, 1, 60, "minutes"
)

ADULT_AGE = IntSetting(
    "adult_age", "Orientation required from this age (years)", 15, 10, 21, "years"
)
INFORM_HOURS = IntSetting(
    "inform_hours", "Families must be told this many hours ahead", 48, 12, 168, "hours"
)
DEFAULT_SLOT_MINUTES = IntSetting(
    "default_slot_minutes", "Default appointment length", 30, 5, 240, "minutes"
)
ORIENTATION_CAPACITY = IntSetting(
    "orientation_capacity", "Default seats in an orientation session", 25, 1, 200, "people"
)
PEC_VALID_HOURS = IntSetting(
    "pec_valid_hours", "A pre-embarkation check is valid for", 72, 12, 168, "hours"
)
ASSESSMENT_VALID_MONTHS = IntSetting(
    "assessment_valid_months", "A health assessment is valid for", 6, 1, 24, "months"
)
PREGNANCY_LIMIT_WEEKS = IntSetting(
    "pregnancy_limit_weeks",
    "Warn when a pregnancy is this far on the travel date",
    36,
    20,
    40,
    "weeks",
)

ALL_SETTINGS: tuple[IntSetting, ...] = (
    IDLE_LOCK_MINUTES,
    ADULT_AGE,
    INFORM_HOURS,
    DEFAULT_SLOT_MINUTES,
    ORIENTATION_CAPACITY,
    PEC_VALID_HOURS,
    ASSESSMENT_VALID_MONTHS,
    PREGNANCY_LIMIT_WEEKS,
)


class SettingsService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def get(self, setting: IntSetting) -> int:
        with self._office.reading() as session:
            row = session.scalars(select(Setting).where(Setting.key == setting.key)).one_or_none()
        if row is None:
            return setting.default
        try:
            return setting.validate(json.loads(row.value))
        except (ValueError, InvalidInput):
            return setting.default

    def set(self, setting: IntSetting, value: object) -> int:
        self._office.require(Perm.SETTINGS_MANAGE, "change office settings")
        checked = setting.validate(value)
        with self._office.unit_of_work() as session:
            row = session.scalars(select(Setting).where(Setting.key == setting.key)).one_or_none()
            if row is None:
                session.add(Setting(key=setting.key, value=json.dumps(checked)))
            else:
                row.value = json.dumps(checked)
            self._office.audit(
                session, "setting_changed", "setting", setting.key, {"value": checked}
            )
        return checked
