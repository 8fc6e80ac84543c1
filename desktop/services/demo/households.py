"""Deterministic generator of FICTIONAL demo households.

Used to fill a demo or benchmark database and by tests. Every name, number and phone number is a
random combination of the material in ``resources/demo/names.json``; nothing describes a real
person. The generator is plain Python: no Qt, no database.

``generate_households(count, seed, reference_date)`` always yields the same households for the same
arguments (it uses its own ``random.Random(seed)``, never the global one). Ages and document dates
are relative to ``reference_date``.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from desktop.services.demo.documents import DemoDocument, DocumentDraws
from desktop.services.demo.material import NamePair, load_material, male_dari

__all__ = ["DemoHousehold", "DemoPerson", "generate_households"]


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
_MIN_PRINCIPAL_AGE = 18
_MAX_PRINCIPAL_AGE = 69  # completed years before any "year" rounding; stays within 18-70
_PHONE_PREFIXES = ("67", "68", "69")


# --- the generator ---------------------------------------------------------------------------

_NO_FAMILY_NAME: NamePair = ("", "")


@dataclass(slots=True)
class _Family:
    """One household as ``_Generator.household`` builds it, step by step."""

    surname: NamePair  # the household's family name; ("", "") when it has none
    principal_sex: str
    age: int  # the principal's
    has_spouse: bool
    children: int  # sons and daughters, grandchildren among them until they are drawn
    parents: int  # the principal's, 0 to 2
    siblings: int  # the principal's
    others: int  # relatives outside the core family
    members: list[DemoPerson] = field(default_factory=list)
    avoid: set[str] = field(default_factory=set)  # given names taken (in Dari script)
    principal_given: NamePair = _NO_FAMILY_NAME
    principal_father: str = ""
    mother_age: int = -1  # of the children; -1 while there is no mother in the case
    youngest_parent: int = 0
    children_father: str = ""  # the father's given name, for the children's records
    grandparent_son: tuple[str, int] | None = None  # the oldest son's name and age


class _Generator:
    """Holds the random source and state shared across one ``generate_households`` call."""

    def __init__(self, seed: int, reference_date: date) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.ref = reference_date
        self.ref_ordinal = reference_date.toordinal()
        self.material = load_material()
        self.documents = DocumentDraws(self.random, self.ref_ordinal)

    # small, fast random helpers (rng.random() is much cheaper than randrange/choice)

    def _int(self, low: int, high: int) -> int:
        """Uniform integer in [low, high]."""
        return low + int(self.random() * (high - low + 1))

    def _pick(self, items: tuple[NamePair, ...]) -> NamePair:
        return items[int(self.random() * len(items))]

    def _pick_given(self, sex: str, avoid: set[str]) -> NamePair:
        pool = self.material.male if sex == "M" else self.material.female
        pair = self._pick(pool)
        for _ in range(3):  # siblings rarely share a name; a few retries keep it that way
            if pair[1] not in avoid:
                break
            pair = self._pick(pool)
        avoid.add(pair[1])
        return pair

    # persons

    def _person(
        self,
        relationship: str,
        sex: str,
        age: int,
        given: NamePair,
        family: NamePair,
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
            self.documents.for_person(dob.toordinal(), age),
        )

    def _household_size(self) -> int:
        x = self.random() * _SIZE_CUMULATIVE[-1]
        return bisect_right(_SIZE_CUMULATIVE, x) + 1

    def household(self) -> DemoHousehold:
        """One household, members in the order principal, spouse, children (oldest
        first), the principal's parents, brothers and sisters, grandchildren, others.

        The steps draw from the random source in a fixed order: changing the order changes
        every household after the first for a given seed.
        """
        family = self._composition()
        self._add_principal(family)
        self._add_spouse(family)
        grandchildren = self._add_children(family)
        max_sibling_age = self._add_parents(family)
        self._add_siblings(family, max_sibling_age)
        self._add_grandchildren(family, grandchildren)
        self._add_others(family)
        return self._contact(family.members)

    def _composition(self) -> _Family:
        """How many, who heads the household and who else is in the case."""
        rand = self.random
        size = self._household_size()
        surname = (
            _NO_FAMILY_NAME if rand() < _P_NO_FAMILY_NAME else self._pick(self.material.family)
        )

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
        return _Family(surname, principal_sex, age, has_spouse, children, parents, siblings, others)

    def _add_principal(self, family: _Family) -> None:
        family.principal_given = self._pick_given(family.principal_sex, family.avoid)
        family.principal_father = self._pick(self.material.male)[0]
        family.members.append(
            self._person(
                "principal",
                family.principal_sex,
                family.age,
                family.principal_given,
                family.surname,
                family.principal_father,
            )
        )
        # until a spouse says otherwise: the principal is the mother or the father
        family.mother_age = family.age if family.principal_sex == "F" else -1
        family.youngest_parent = family.age
        family.children_father = family.principal_given[0] if family.principal_sex == "M" else ""

    def _add_spouse(self, family: _Family) -> None:
        rand = self.random
        if family.has_spouse:
            spouse_sex = "F" if family.principal_sex == "M" else "M"
            if spouse_sex == "F":
                spouse_age = max(18, family.age - self._int(0, 10))
                family.mother_age = spouse_age
            else:
                spouse_age = min(80, family.age + self._int(0, 8))
            family.youngest_parent = min(family.age, spouse_age)
            spouse_given = self._pick_given(spouse_sex, family.avoid)
            if family.surname[0] and rand() < _P_SPOUSE_OWN_FAMILY_NAME:
                spouse_family = self._pick(self.material.family)
            else:
                spouse_family = family.surname
            if spouse_sex == "M":
                family.children_father = spouse_given[0]
            family.members.append(
                self._person(
                    "spouse",
                    spouse_sex,
                    spouse_age,
                    spouse_given,
                    spouse_family,
                    self._pick(self.material.male)[0],
                )
            )
        if not family.children_father:  # female head: the absent father
            family.children_father = self._pick(self.material.male)[0]

    def _add_children(self, family: _Family) -> int:
        """Sons and daughters, oldest first; returns how many grandchildren the oldest
        son brings (some households include them)."""
        rand = self.random
        children = family.children
        oldest_possible = family.youngest_parent - 16
        youngest_possible = max(
            0, (family.mother_age if family.mother_age > 0 else family.age) - 45
        )
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
        if grandchildren:
            # the oldest child is an adult son whose own children live in the case
            child_ages[0] = self._int(max(20, youngest_possible), oldest_possible)
            child_ages.sort(reverse=True)
        for index, child_age in enumerate(child_ages):
            father_of_grandchildren = grandchildren > 0 and index == 0
            child_sex = "M" if father_of_grandchildren or rand() < 0.51 else "F"
            child_given = self._pick_given(child_sex, family.avoid)
            if father_of_grandchildren:
                family.grandparent_son = (child_given[0], child_age)
            family.members.append(
                self._person(
                    "son" if child_sex == "M" else "daughter",
                    child_sex,
                    child_age,
                    child_given,
                    family.surname,
                    family.children_father,
                )
            )
        return grandchildren

    def _add_parents(self, family: _Family) -> int:
        """The principal's father and/or mother; returns the oldest a sibling can be."""
        if not family.parents:
            return 90
        material = self.material
        parent_mother_age = min(95, family.age + self._int(17, 40))
        with_father = family.parents == 2 or self.random() < 0.35  # widowed mothers are common
        with_mother = family.parents == 2 or not with_father
        if with_father:
            family.members.append(
                self._person(
                    "father",
                    "M",
                    min(99, parent_mother_age + self._int(0, 10)),
                    (family.principal_father, male_dari()[family.principal_father]),
                    family.surname,
                    self._pick(material.male)[0],
                )
            )
        if with_mother:
            family.members.append(
                self._person(
                    "mother",
                    "F",
                    parent_mother_age,
                    self._pick(material.female),
                    family.surname,
                    self._pick(material.male)[0],
                )
            )
        return parent_mother_age - 17

    def _add_siblings(self, family: _Family, max_sibling_age: int) -> None:
        """The principal's brothers and sisters."""
        for _ in range(family.siblings):
            sibling_sex = "M" if self.random() < 0.5 else "F"
            sibling_age = max(8, min(max_sibling_age, family.age + self._int(-15, 10)))
            family.members.append(
                self._person(
                    "brother" if sibling_sex == "M" else "sister",
                    sibling_sex,
                    sibling_age,
                    self._pick_given(sibling_sex, family.avoid),
                    family.surname,
                    family.principal_father,
                )
            )

    def _add_grandchildren(self, family: _Family, grandchildren: int) -> None:
        """The children of the oldest son, when he has them in the case."""
        if family.grandparent_son is None:
            return
        son_given, son_age = family.grandparent_son
        for _ in range(grandchildren):
            grandchild_sex = "M" if self.random() < 0.51 else "F"
            family.members.append(
                self._person(
                    "grandson" if grandchild_sex == "M" else "granddaughter",
                    grandchild_sex,
                    self._int(0, son_age - 18),
                    self._pick_given(grandchild_sex, family.avoid),
                    family.surname,
                    son_given,
                )
            )

    def _add_others(self, family: _Family) -> None:
        """A relative outside the core family (cousin, nephew, in-law)."""
        rand = self.random
        material = self.material
        for _ in range(family.others):
            other_sex = "M" if rand() < 0.5 else "F"
            other_family = family.surname if rand() < 0.5 else self._pick(material.family)
            if not family.surname[0]:
                other_family = _NO_FAMILY_NAME
            family.members.append(
                self._person(
                    "other",
                    other_sex,
                    self._int(10, 60),
                    self._pick_given(other_sex, family.avoid),
                    other_family,
                    self._pick(material.male)[0],
                )
            )

    def _contact(self, members: list[DemoPerson]) -> DemoHousehold:
        """Where the household goes, its language, where it stays and its phone."""
        rand = self.random
        material = self.material
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
