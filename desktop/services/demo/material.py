"""What the FICTIONAL demo names are drawn from: ``resources/demo/names.json``, read once.

Given and family names come in pairs (Latin as on documents, Dari script), with the
accommodation sites and the destinations (weighted by how many households go there).
Kept apart from ``households`` so the generator reads as the families it builds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any

NamePair = tuple[str, str]  # (Latin, Dari)


@dataclass(frozen=True, slots=True)
class Material:
    male: tuple[NamePair, ...]
    female: tuple[NamePair, ...]
    family: tuple[NamePair, ...]
    accommodation: tuple[str, ...]
    destinations: tuple[tuple[str, str], ...]  # (country, programme)
    destination_cumulative: tuple[int, ...]


def _pairs(raw: Any, key: str) -> tuple[NamePair, ...]:
    items = raw[key]
    result = tuple((str(latin), str(native)) for latin, native in items)
    if not result:
        raise ValueError(f"names.json: list {key!r} is empty")
    return result


@cache
def load_material() -> Material:
    path = resources.files("departure_desk_resources").joinpath("demo/names.json")
    raw: Any = json.loads(path.read_text(encoding="utf-8"))
    destinations = tuple((str(d["country"]), str(d["programme"])) for d in raw["destinations"])
    weights = [int(d["weight"]) for d in raw["destinations"]]
    accommodation = tuple(str(a) for a in raw["accommodation"])
    if not destinations or not accommodation:
        raise ValueError("names.json: destinations and accommodation must not be empty")
    return Material(
        male=_pairs(raw, "male"),
        female=_pairs(raw, "female"),
        family=_pairs(raw, "family"),
        accommodation=accommodation,
        destinations=destinations,
        destination_cumulative=tuple(accumulate(weights)),
    )


@cache
def male_dari() -> dict[str, str]:
    """Dari spelling by Latin spelling of the male given names (a father's name)."""
    return dict(load_material().male)
