"""Finding a household or a person that is still in use, inside a unit of work.

Merged duplicates keep their rows (``merged_into_id``) so history stays readable; every
service that changes something refuses them with the same message.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.store.models import Case, Person


def active_case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.merged_into_id is not None:
        raise InvalidInput("That household no longer exists (it may have been merged).")
    return case


def active_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise InvalidInput("That person no longer exists (they may have been merged).")
    return person
