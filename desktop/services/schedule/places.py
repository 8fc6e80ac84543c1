"""Places where appointments happen, with how many can be seen at once: office settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.errors import InvalidInput
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.vocabulary import LOCATION_KINDS
from desktop.store.models import Location


@dataclass(frozen=True)
class PlaceInput:
    name: str
    kind: str
    address: str = ""
    map_line: str = ""
    capacity: int = 1
    slot_minutes: int = 30
    active: bool = True


@dataclass(frozen=True)
class PlaceRecord:
    id: str
    name: str
    kind: str
    address: str
    map_line: str
    capacity: int
    slot_minutes: int
    active: bool


def place_record(row: Location) -> PlaceRecord:
    return PlaceRecord(
        id=row.id,
        name=row.name,
        kind=row.kind,
        address=row.address,
        map_line=row.map_line,
        capacity=row.capacity,
        slot_minutes=row.slot_minutes,
        active=row.active,
    )


def validate_place(data: PlaceInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not data.name.strip():
        problems["name"] = "Give the place a name staff and families recognise."
    elif len(data.name.strip()) > 128:
        problems["name"] = "Keep the name under 128 characters."
    if data.kind not in LOCATION_KINDS:
        problems["kind"] = f"Choose one of {', '.join(LOCATION_KINDS)}."
    if not 1 <= data.capacity <= 50:
        problems["capacity"] = "How many appointments can run at the same time here (1 to 50)?"
    if not 5 <= data.slot_minutes <= 480:
        problems["slot_minutes"] = "A slot is between 5 and 480 minutes."
    for field, text in (("address", data.address), ("map_line", data.map_line)):
        if len(text) > 256:
            problems[field] = "Keep this under 256 characters."
    return problems


class PlacesService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def list(self, *, include_inactive: bool = False) -> list[PlaceRecord]:
        self._office.require(Perm.REGISTRY_READ, "see the places of appointments")
        with self._office.reading() as session:
            query = select(Location).order_by(Location.name)
            if not include_inactive:
                query = query.where(Location.active.is_(True))
            return [place_record(row) for row in session.scalars(query)]

    def get(self, place_id: str) -> PlaceRecord:
        self._office.require(Perm.REGISTRY_READ, "see the places of appointments")
        with self._office.reading() as session:
            row = session.get(Location, place_id)
            if row is None:
                raise InvalidInput("That place no longer exists.")
            return place_record(row)

    def save(self, data: PlaceInput, place_id: str | None = None) -> str:
        self._office.require(Perm.SETTINGS_MANAGE, "change the places of appointments")
        problems = validate_place(data)
        if problems:
            raise InvalidInput(" ".join(problems.values()))
        name = " ".join(data.name.split())
        with self._office.unit_of_work() as session:
            clash = session.scalars(
                select(Location.id).where(func.lower(Location.name) == name.lower())
            ).first()
            if clash is not None and clash != place_id:
                raise InvalidInput(f"A place called {name} already exists.")
            if place_id is None:
                row = Location(name=name)
                session.add(row)
            else:
                found = session.get(Location, place_id)
                if found is None:
                    raise InvalidInput("That place no longer exists.")
                row = found
            row.name = name
            row.kind = data.kind
            row.address = data.address.strip()
            row.map_line = data.map_line.strip()
            row.capacity = data.capacity
            row.slot_minutes = data.slot_minutes
            row.active = data.active
            session.flush()
            self._office.audit(session, "place_saved", "location", row.id)
            return row.id
