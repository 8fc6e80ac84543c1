"""Deterministic generator of FICTIONAL demo households.

Used to fill a demo or benchmark database and by tests. Every name, number and phone number is a
random combination of the material in ``resources/demo/names.json``; nothing describes a real
person. The generator is plain Python: no Qt, no database.

``generate_households(count, seed, reference_date)`` always yields the same households for the same
arguments (it uses its own ``random.Random(seed)``, never the global one). Ages and document dates
are relative to ``reference_date``.
"""

from __future__ import annotations

import json
import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any

__all__ = ["DemoDocument", "DemoHousehold", "DemoPerson", "generate_households"]


@dataclass(frozen=True, slots=True)
class DemoDocument:
    doc_type: str  # "passport" or "tazkira"
    number: str  # passport: "P" + 7 digits; tazkira: "1400-0101-12345" (e-tazkira) or paper style
    issuing_country: str  # "AFG"
    issue_date: date | None
    expiry_date: date | None  # passports: issue + 5 or 10 years; tazkira: None
    machine_readable: bool  # passports True, tazkira False


@dataclass(frozen=True, slots=True)
class DemoPerson:
    relationship: str  # principal, spouse, son, daughter, father, mother, brother, sister, ...
    given_name: str  # Latin, as on documents
    family_name: str  # Latin; "" when the household has no family name
    father_name: str  # Latin given name of the father
    native_name: str  # full name in Dari script
    sex: str  # "M" or "F"
    date_of_birth: date
    dob_precision: str  # "exact", "year" (stored as 1 January) or "estimated"
    nationality: str  # "AFG", rarely "XXA"
    documents: tuple[DemoDocument, ...]


@dataclass(frozen=True, slots=True)
class DemoHousehold:
    destination_country: str  # ISO 3166 alpha-3
    programme: str
    family_language: str  # "Dari", "Pashto" or "Other"
    accommodation: str
    contact_phone: str  # fictional Albanian mobile "+355 6X XXX XXXX"
    members: tuple[DemoPerson, ...]


# --- tunables -------------------------------------------------------------------------------

_SIZE_WEIGHTS: tuple[int, ...] = (6, 7, 9, 12, 15, 15, 11, 8, 6, 4, 4, 3)  # sizes 1..12
_SIZE_CUMULATIVE: tuple[int, ...] = tuple(accumulate(_SIZE_WEIGHTS))

_P_FEMALE_HEAD = 0.08  # single female head of household (no spouse in the case)
_P_FEMALE_PRINCIPAL_WITH_HUSBAND = 0.04
_P_WIDOWER = 0.05  # male principal with children but no spouse
_P_NO_FAMILY_NAME = 0.15
_P_SPOUSE_OWN_FAMILY_NAME = 0.3
_P_STATELESS = 0.005
# Document holding. A person drawn with neither document gets a passport with the "fallback"
# probability, otherwise a tazkira, so that the final shares are about: adults 80 % passport and
# 60-65 % tazkira, children 50 % passport; everyone holds at least one document.
_P_ADULT_PASSPORT = 0.78
_P_ADULT_TAZKIRA = 0.55
_P_CHILD_PASSPORT = 0.45
_P_CHILD_TAZKIRA = 0.45
_P_FALLBACK_PASSPORT = 0.2
_P_PAPER_TAZKIRA = 0.2
_MIN_PRINCIPAL_AGE = 18
_MAX_PRINCIPAL_AGE = 69  # completed years before any "year" rounding; stays within 18-70
_E_TAZKIRA_START_ORDINAL = date(2018, 5, 3).toordinal()  # first e-tazkira issued
_PHONE_PREFIXES = ("67", "68", "69")
_PASSPORT_SPACE = 10_000_000  # "P" + 7 digits


# --- material -------------------------------------------------------------------------------

_NamePair = tuple[str, str]  # (Latin, Dari)


@dataclass(frozen=True, slots=True)
class _Material:
    male: tuple[_NamePair, ...]
    female: tuple[_NamePair, ...]
    family: tuple[_NamePair, ...]
    accommodation: tuple[str, ...]
    destinations: tuple[tuple[str, str], ...]  # (country, programme)
    destination_cumulative: tuple[int, ...]


def _pairs(raw: Any, key: str) -> tuple[_NamePair, ...]:
    items = raw[key]
    result = tuple((str(latin), str(native)) for latin, native in items)
    if not result:
        raise ValueError(f"names.json: list {key!r} is empty")
    return result


@cache
def _material() -> _Material:
    path = resources.files("departure_desk_resources").joinpath("demo/names.json")
    raw: Any = json.loads(path.read_text(encoding="utf-8"))
    destinations = tuple((str(d["country"]), str(d["programme"])) for d in raw["destinations"])
    weights = [int(d["weight"]) for d in raw["destinations"]]
    accommodation = tuple(str(a) for a in raw["accommodation"])
    if not destinations or not accommodation:
        raise ValueError("names.json: destinations and accommodation must not be empty")
    return _Material(
        male=_pairs(raw, "male"),
        female=_pairs(raw, "female"),
        family=_pairs(raw, "family"),
        accommodation=accommodation,
        destinations=destinations,
        destination_cumulative=tuple(accumulate(weights)),
    )


# --- helpers --------------------------------------------------------------------------------


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def _solar_hijri_year(day: date) -> int:
    """Approximate Solar Hijri year (Nowruz taken as 21 March)."""
    return day.year - 621 if (day.month, day.day) >= (3, 21) else day.year - 622


class _Generator:
    """Holds the random source and state shared across one ``generate_households`` call."""

    def __init__(self, seed: int, reference_date: date) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.ref = reference_date
        self.ref_ordinal = reference_date.toordinal()
        self.material = _material()
        self.passports: set[int] = set()

    # small, fast random helpers (rng.random() is much cheaper than randrange/choice)

    def _int(self, low: int, high: int) -> int:
        """Uniform integer in [low, high]."""
        return low + int(self.random() * (high - low + 1))

    def _pick(self, items: tuple[_NamePair, ...]) -> _NamePair:
        return items[int(self.random() * len(items))]

    def _pick_given(self, sex: str, avoid: set[str]) -> _NamePair:
        pool = self.material.male if sex == "M" else self.material.female
        pair = self._pick(pool)
        for _ in range(3):  # siblings rarely share a name; a few retries keep it that way
            if pair[1] not in avoid:
                break
            pair = self._pick(pool)
        avoid.add(pair[1])
        return pair

    # documents (hot path: rng.random() inlined instead of _int, dates handled as ordinals)

    def _passport(self, dob_ordinal: int, age: int) -> DemoDocument:
        rand = self.random
        used = self.passports
        if len(used) >= _PASSPORT_SPACE // 2:
            raise ValueError("too many demo passports requested in one call")
        number = int(rand() * _PASSPORT_SPACE)
        while number in used:
            number = int(rand() * _PASSPORT_SPACE)
        used.add(number)
        years = 5 if age < 18 or rand() < 0.6 else 10
        roll = rand()
        if roll < 0.15:  # expired within the last two years
            offset = -1 - int(rand() * 730)
        elif roll < 0.30:  # expiring within six months
            offset = 1 + int(rand() * 182)
        else:  # valid for longer
            offset = 183 + int(rand() * (years * 365 - 212))
        issue = _add_years(date.fromordinal(self.ref_ordinal + offset), -years)
        earliest = dob_ordinal + 30
        if issue.toordinal() < earliest:  # the person was too young: issue later, expire later
            issue = date.fromordinal(min(self.ref_ordinal, earliest + int(rand() * 400)))
        expiry = _add_years(issue, years)  # also settles 29 February
        return DemoDocument("passport", f"P{number:07d}", "AFG", issue, expiry, True)

    def _tazkira(self, dob_ordinal: int) -> DemoDocument:
        rand = self.random
        start = max(dob_ordinal + 1, _E_TAZKIRA_START_ORDINAL)
        end = self.ref_ordinal - 1
        if start > end or rand() < _P_PAPER_TAZKIRA:
            # paper tazkira: volume - page - registration number, no reliable issue date
            number = f"{1 + int(rand() * 250)}-{1 + int(rand() * 300)}-{1000 + int(rand() * 99000)}"
            return DemoDocument("tazkira", number, "AFG", None, None, False)
        issue = date.fromordinal(start + int(rand() * (end - start + 1)))
        number = (
            f"{_solar_hijri_year(issue)}-{101 + int(rand() * 3399):04d}-{int(rand() * 100000):05d}"
        )
        return DemoDocument("tazkira", number, "AFG", issue, None, False)

    def _documents(self, dob_ordinal: int, age: int) -> tuple[DemoDocument, ...]:
        rand = self.random
        adult = age >= 18
        has_passport = rand() < (_P_ADULT_PASSPORT if adult else _P_CHILD_PASSPORT)
        has_tazkira = rand() < (_P_ADULT_TAZKIRA if adult else _P_CHILD_TAZKIRA)
        if not has_passport and not has_tazkira:
            if rand() < _P_FALLBACK_PASSPORT:
                has_passport = True
            else:
                has_tazkira = True
        if has_passport and has_tazkira:
            return (self._passport(dob_ordinal, age), self._tazkira(dob_ordinal))
        if has_passport:
            return (self._passport(dob_ordinal, age),)
        return (self._tazkira(dob_ordinal),)

    # persons

    def _person(
        self,
        relationship: str,
        sex: str,
        age: int,
        given: _NamePair,
        family: _NamePair,
        father_name: str,
    ) -> DemoPerson:
        """One person of ``age`` completed years on the reference date."""
        rand = self.random
        dob = date.fromordinal(self.ref_ordinal - int(age * 365.25) - 1 - int(rand() * 365))
        roll = rand()
        if age < 18:
            precision = "exact" if roll < 0.75 else ("year" if roll < 0.95 else "estimated")
        else:
            precision = "exact" if roll < 0.45 else ("year" if roll < 0.9 else "estimated")
        if precision == "year":
            dob = date(dob.year, 1, 1)
        native = f"{given[1]} {family[1]}" if family[0] else given[1]
        nationality = "XXA" if rand() < _P_STATELESS else "AFG"
        return DemoPerson(
            relationship,
            given[0],
            family[0],
            father_name,
            native,
            sex,
            dob,
            precision,
            nationality,
            self._documents(dob.toordinal(), age),
        )

    def _household_size(self) -> int:
        x = self.random() * _SIZE_CUMULATIVE[-1]
        return bisect_right(_SIZE_CUMULATIVE, x) + 1

    def household(self) -> DemoHousehold:
        rand = self.random
        material = self.material
        size = self._household_size()
        no_family = ("", "")
        household_family = no_family if rand() < _P_NO_FAMILY_NAME else self._pick(material.family)

        female_head = rand() < _P_FEMALE_HEAD
        if female_head:
            principal_sex, has_spouse = "F", False
        elif size == 1:
            principal_sex, has_spouse = "M", False
        else:
            principal_sex = "F" if rand() < _P_FEMALE_PRINCIPAL_WITH_HUSBAND else "M"
            has_spouse = principal_sex == "F" or rand() >= _P_WIDOWER

        # who else is in the case
        slots = size - 1 - (1 if has_spouse else 0)
        parents = 0
        if slots >= 2 and rand() < 0.3:
            parents = 2 if rand() < 0.4 else 1
        siblings = 0
        if slots - parents >= 2 and rand() < 0.15:
            siblings = self._int(1, min(3, slots - parents - 1))
        others = 1 if slots - parents - siblings >= 1 and rand() < 0.05 else 0
        children = slots - parents - siblings - others

        # principal's age: more children -> older parents; parents in the case -> younger principal
        age = _MIN_PRINCIPAL_AGE + min(2 * children, 20) + self._int(0, 24)
        if children == 0 and rand() < 0.3:
            age = self._int(40, _MAX_PRINCIPAL_AGE)
        if parents:
            age = min(age, 55)
        age = min(age, _MAX_PRINCIPAL_AGE)

        avoid: set[str] = set()
        principal_given = self._pick_given(principal_sex, avoid)
        principal_father = self._pick(material.male)[0]
        members = [
            self._person(
                "principal", principal_sex, age, principal_given, household_family, principal_father
            )
        ]

        # spouse
        mother_age = age if principal_sex == "F" else -1
        youngest_parent = age
        children_father = principal_given[0] if principal_sex == "M" else ""
        if has_spouse:
            spouse_sex = "F" if principal_sex == "M" else "M"
            if spouse_sex == "F":
                spouse_age = max(18, age - self._int(0, 10))
                mother_age = spouse_age
            else:
                spouse_age = min(80, age + self._int(0, 8))
            youngest_parent = min(age, spouse_age)
            spouse_given = self._pick_given(spouse_sex, avoid)
            if household_family[0] and rand() < _P_SPOUSE_OWN_FAMILY_NAME:
                spouse_family = self._pick(material.family)
            else:
                spouse_family = household_family
            if spouse_sex == "M":
                children_father = spouse_given[0]
            members.append(
                self._person(
                    "spouse",
                    spouse_sex,
                    spouse_age,
                    spouse_given,
                    spouse_family,
                    self._pick(material.male)[0],
                )
            )
        if not children_father:  # female head: the absent father
            children_father = self._pick(material.male)[0]

        # children (son/daughter), oldest first; some households include grandchildren
        oldest_possible = youngest_parent - 16
        youngest_possible = max(0, (mother_age if mother_age > 0 else age) - 45)
        grandchildren = 0
        if children >= 3 and oldest_possible >= 20 and rand() < 0.35:
            grandchildren = self._int(1, min(4, children - 1))
        child_ages = sorted(
            (
                self._int(youngest_possible, oldest_possible)
                for _ in range(children - grandchildren)
            ),
            reverse=True,
        )
        grandparent_son: tuple[str, int] | None = None
        if grandchildren:
            # the oldest child is an adult son whose own children live in the case
            child_ages[0] = self._int(max(20, youngest_possible), oldest_possible)
            child_ages.sort(reverse=True)
        for index, child_age in enumerate(child_ages):
            father_of_grandchildren = grandchildren > 0 and index == 0
            child_sex = "M" if father_of_grandchildren or rand() < 0.51 else "F"
            child_given = self._pick_given(child_sex, avoid)
            if father_of_grandchildren:
                grandparent_son = (child_given[0], child_age)
            members.append(
                self._person(
                    "son" if child_sex == "M" else "daughter",
                    child_sex,
                    child_age,
                    child_given,
                    household_family,
                    children_father,
                )
            )

        # the principal's parents
        if parents:
            parent_mother_age = min(95, age + self._int(17, 40))
            with_father = parents == 2 or rand() < 0.35  # widowed mothers are the common case
            with_mother = parents == 2 or not with_father
            if with_father:
                members.append(
                    self._person(
                        "father",
                        "M",
                        min(99, parent_mother_age + self._int(0, 10)),
                        (principal_father, _male_dari()[principal_father]),
                        household_family,
                        self._pick(material.male)[0],
                    )
                )
            if with_mother:
                members.append(
                    self._person(
                        "mother",
                        "F",
                        parent_mother_age,
                        self._pick(material.female),
                        household_family,
                        self._pick(material.male)[0],
                    )
                )
            max_sibling_age = parent_mother_age - 17
        else:
            max_sibling_age = 90

        # the principal's brothers and sisters
        for _ in range(siblings):
            sibling_sex = "M" if rand() < 0.5 else "F"
            sibling_age = max(8, min(max_sibling_age, age + self._int(-15, 10)))
            members.append(
                self._person(
                    "brother" if sibling_sex == "M" else "sister",
                    sibling_sex,
                    sibling_age,
                    self._pick_given(sibling_sex, avoid),
                    household_family,
                    principal_father,
                )
            )

        # grandchildren through the oldest son
        if grandparent_son is not None:
            son_given, son_age = grandparent_son
            for _ in range(grandchildren):
                grandchild_sex = "M" if rand() < 0.51 else "F"
                members.append(
                    self._person(
                        "grandson" if grandchild_sex == "M" else "granddaughter",
                        grandchild_sex,
                        self._int(0, son_age - 18),
                        self._pick_given(grandchild_sex, avoid),
                        household_family,
                        son_given,
                    )
                )

        # a relative outside the core family (cousin, nephew, in-law)
        for _ in range(others):
            other_sex = "M" if rand() < 0.5 else "F"
            other_family = household_family if rand() < 0.5 else self._pick(material.family)
            if not household_family[0]:
                other_family = no_family
            members.append(
                self._person(
                    "other",
                    other_sex,
                    self._int(10, 60),
                    self._pick_given(other_sex, avoid),
                    other_family,
                    self._pick(material.male)[0],
                )
            )

        cumulative = material.destination_cumulative
        destination = material.destinations[bisect_right(cumulative, rand() * cumulative[-1])]
        roll = rand()
        language = "Dari" if roll < 0.65 else ("Pashto" if roll < 0.95 else "Other")
        accommodation = material.accommodation[int(rand() * len(material.accommodation))]
        phone = (
            f"+355 {_PHONE_PREFIXES[int(rand() * 3)]} "
            f"{self._int(0, 999):03d} {self._int(0, 9999):04d}"
        )
        return DemoHousehold(
            destination[0], destination[1], language, accommodation, phone, tuple(members)
        )


@cache
def _male_dari() -> dict[str, str]:
    return dict(_material().male)


def generate_households(count: int, seed: int, reference_date: date) -> Iterator[DemoHousehold]:
    """Yield ``count`` fictional households; identical output for identical arguments.

    Raises ``ValueError`` for a negative ``count`` (checked at the call, not on first ``next``).
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    generator = _Generator(seed, reference_date)
    return _generate(generator, count)


def _generate(generator: _Generator, count: int) -> Iterator[DemoHousehold]:
    for _ in range(count):
        yield generator.household()
