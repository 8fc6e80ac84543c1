"""Change notices: what a committed unit of work changed, for the views that show it.

The store notes every row a unit of work inserts, updates or deletes (``TouchedRow``).
When the unit of work commits, the unlocked office turns them into one ``Change`` (the
kinds of record, their ids and the households they belong to) and hands it to every
subscriber of its ``ChangeFeed``. No service announces anything by hand, so no write can
forget to; the UI bridges the feed to the GUI thread and views reload what they show.

Subscribers run on the thread that committed, right after the commit: they must be quick
and must not write (the UI's bridge only posts a queued signal).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.tracking import TouchedRow


class Kind(StrEnum):
    """The kinds of record a view may care about."""

    CASE = "case"
    PERSON = "person"
    DOCUMENT = "document"
    PROTECTION = "protection"
    DUPLICATE = "duplicate"
    IMPORT_MAPPING = "import_mapping"
    PLACE = "place"
    APPOINTMENT = "appointment"
    ORIENTATION = "orientation"
    MEDICAL = "medical"
    SETTING = "setting"
    USER = "user"
    AUDIT = "audit"


#: the kind of every data table; tests/services/test_changes.py fails on a table left out
TABLE_KINDS: dict[str, Kind] = {
    "cases": Kind.CASE,
    "case_status_events": Kind.CASE,
    "persons": Kind.PERSON,
    "documents": Kind.DOCUMENT,
    "custody_events": Kind.DOCUMENT,
    "consents": Kind.PROTECTION,
    "protection_details": Kind.PROTECTION,
    "duplicate_decisions": Kind.DUPLICATE,
    "column_mappings": Kind.IMPORT_MAPPING,
    "locations": Kind.PLACE,
    "appointments": Kind.APPOINTMENT,
    "appointment_attendees": Kind.APPOINTMENT,
    "notifications": Kind.APPOINTMENT,
    "orientation_sessions": Kind.ORIENTATION,
    "orientation_enrolments": Kind.ORIENTATION,
    "medical_records": Kind.MEDICAL,
    "settings": Kind.SETTING,
    "users": Kind.USER,
    "audit_events": Kind.AUDIT,
}

#: above this many people whose household is unknown, every household counts as changed
#: (an import or a merge) rather than looking each one up
RESOLVE_LIMIT = 500


@dataclass(frozen=True)
class Change:
    """What one or more committed units of work changed."""

    kinds: frozenset[Kind] = frozenset()
    #: ids of the changed rows, of any kind
    ids: frozenset[str] = frozenset()
    #: households whose rows (or whose members' rows) changed
    case_ids: frozenset[str] = frozenset()
    #: too many households to list: treat every household as changed
    all_cases: bool = False

    def touches(self, *kinds: Kind) -> bool:
        return any(kind in self.kinds for kind in kinds)

    def touches_case(self, case_id: str) -> bool:
        return self.all_cases or case_id in self.case_ids

    def touches_any_case(self, case_ids: Iterable[str]) -> bool:
        return self.all_cases or not self.case_ids.isdisjoint(case_ids)

    def merged(self, other: Change) -> Change:
        return Change(
            self.kinds | other.kinds,
            self.ids | other.ids,
            self.case_ids | other.case_ids,
            self.all_cases or other.all_cases,
        )

    def __bool__(self) -> bool:
        return bool(self.kinds)


def describe(
    touched: Iterable[TouchedRow], person_cases: Callable[[set[str]], dict[str, str]]
) -> Change:
    """The change a list of touched rows makes; ``person_cases`` looks up households."""
    kinds: set[Kind] = set()
    ids: set[str] = set()
    cases: set[str] = set()
    persons: set[str] = set()
    for row in touched:
        kind = TABLE_KINDS.get(row.table)
        if kind is None:
            continue
        kinds.add(kind)
        ids.add(row.row_id)
        cases.update(row.case_ids)
        persons.update(row.person_ids)
    if kinds == {Kind.AUDIT}:
        cases.clear()  # a sign-in or a refused call: nothing a household window shows
    all_cases = len(persons) > RESOLVE_LIMIT
    if persons and not all_cases:
        cases.update(person_cases(persons).values())
    return Change(frozenset(kinds), frozenset(ids), frozenset(cases), all_cases)


@dataclass
class ChangeFeed:
    """Subscribers of an office's changes (the UI's bridge, tests)."""

    _subscribers: list[Callable[[Change], None]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` after every commit that changed something; returns an
        unsubscribe function."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    @property
    def listened(self) -> bool:
        return bool(self._subscribers)

    def publish(self, change: Change) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(change)
            except Exception as exc:  # a view's bug: the crash path, and the write stands
                sys.excepthook(type(exc), exc, exc.__traceback__)
