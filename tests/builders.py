"""Builders shared by the tests: households of fictional people and teams of users.

Every name here is invented. A household is built through ``RegistrationService`` like a
clerk would build it, so case numbers, history and audit events are the real ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.store.models import Person
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

#: relationship, given name and sex of the members after the principal, in order
FAMILY = (
    ("spouse", "Mariam", "F"),
    ("daughter", "Laila", "F"),
    ("son", "Omid", "M"),
    ("daughter", "Parwana", "F"),
    ("son", "Samir", "M"),
)
ADULT_BIRTH = date(1980, 1, 1)
CHILD_BIRTH = date(2012, 1, 1)


@dataclass(frozen=True)
class Household:
    case_id: str
    #: the principal first
    person_ids: tuple[str, ...]

    @property
    def principal_id(self) -> str:
        return self.person_ids[0]


def household(
    office: UnlockedOffice,
    family: str = "Ahmadi",
    members: int = 2,
    *,
    births: Sequence[date | None] | None = None,
    language: str = "Dari",
    destination: str = "CAN",
) -> Household:
    """A household of ``members`` people named ``family`` (principal Ahmad, then the
    spouse and children of ``FAMILY``). ``births`` gives each member's date of birth; None
    leaves it unknown, as old imports may (the form itself insists on a date)."""
    if births is None:
        births = [ADULT_BIRTH if n < 2 else CHILD_BIRTH for n in range(members)]
    registration = RegistrationService(office)
    case_id = registration.create_case(
        CaseInput(family_language=language, destination_country=destination)
    )
    ids = [
        registration.add_person(case_id, _member(n, family, born)) for n, born in enumerate(births)
    ]
    unknown = [pid for pid, born in zip(ids, births, strict=True) if born is None]
    if unknown:
        with office.unit_of_work() as session:
            for pid in unknown:
                person = session.get(Person, pid)
                assert person is not None
                person.date_of_birth = None
    return Household(case_id, tuple(ids))


def _member(n: int, family: str, born: date | None) -> PersonInput:
    relationship, given, sex = ("principal", "Ahmad", "M") if n == 0 else FAMILY[(n - 1) % 5]
    suffix = "" if n <= len(FAMILY) else str(n)
    return PersonInput(
        relationship=relationship,
        given_name=given + suffix,
        family_name=family,
        sex=sex,
        date_of_birth=born or ADULT_BIRTH,
    )


def add_team(office: UnlockedOffice, *roles: Role) -> list[str]:
    """One user per role, named after it (``registration``, ``medical``...), each with
    ``USER_PASSWORD``; ``office`` must be unlocked by an admin."""
    accounts = AccountService(office)
    for role in roles:
        accounts.add_user(role.value, frozenset({role}), USER_PASSWORD, role.value.title())
    return [role.value for role in roles]


def unlock_as(data_dir: Path, username: str) -> UnlockedOffice:
    """The office unlocked as ``username`` (``admin`` has ADMIN_PASSWORD, others
    USER_PASSWORD)."""
    password = ADMIN_PASSWORD if username == "admin" else USER_PASSWORD
    return auth.unlock(data_dir, username, password)


@contextmanager
def signed_in(data_dir: Path, username: str) -> Iterator[UnlockedOffice]:
    """``unlock_as`` for the length of a ``with`` block."""
    opened = unlock_as(data_dir, username)
    try:
        yield opened
    finally:
        opened.close()


def force_status(office: UnlockedOffice, case_id: str, status: str, reason: str = "test") -> None:
    """Put a household in ``status`` for a test's set-up, as the office's workflows would
    have over weeks (an accepted interview, a booking...). Writes the rows directly: the
    application itself only moves households through ``JourneyService``."""
    from desktop.store.models import Case, CaseStatusEvent

    with office.unit_of_work() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.status = status
        session.add(CaseStatusEvent(case_id=case_id, status=status, reason=reason))
