"""Tests for the fictional demo-household generator (desktop.services.demo.households)."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from datetime import date
from importlib import resources

import pytest

from desktop.services.demo.documents import DemoDocument
from desktop.services.demo.households import DemoHousehold, DemoPerson, generate_households

REF = date(2026, 3, 1)
SAMPLE_SIZE = 2000

RELATIONSHIPS = {
    "principal",
    "spouse",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "other",
}
SEX_OF_RELATIONSHIP = {
    "son": "M",
    "daughter": "F",
    "father": "M",
    "mother": "F",
    "brother": "M",
    "sister": "F",
    "grandson": "M",
    "granddaughter": "F",
}
PASSPORT_RE = re.compile(r"^P\d{7}$")
E_TAZKIRA_RE = re.compile(r"^1[34]\d\d-\d{4}-\d{5}$")
PAPER_TAZKIRA_RE = re.compile(r"^\d{1,3}-\d{1,3}-\d{4,5}$")
PHONE_RE = re.compile(r"^\+355 6[789] \d{3} \d{4}$")
ARABIC_YEH = "\u064a"
ARABIC_KAF = "\u0643"


@pytest.fixture(scope="module")
def sample() -> list[DemoHousehold]:
    return list(generate_households(SAMPLE_SIZE, 20260301, REF))


@pytest.fixture(scope="module")
def persons(sample: list[DemoHousehold]) -> list[DemoPerson]:
    return [person for household in sample for person in household.members]


def age_on(born: date, day: date) -> int:
    """Completed years on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def is_dari_text(text: str) -> bool:
    if not text or text != text.strip() or "  " in text:
        return False
    for char in text:
        if char == " ":
            continue
        if unicodedata.category(char) != "Lo" or not unicodedata.name(char).startswith("ARABIC"):
            return False
    return ARABIC_YEH not in text and ARABIC_KAF not in text


# --- API contract ---------------------------------------------------------------------------


def test_same_arguments_give_identical_output() -> None:
    first = list(generate_households(300, 42, REF))
    second = list(generate_households(300, 42, REF))
    assert first == second
    assert len(first) == 300


def test_other_seed_gives_different_output() -> None:
    first = list(generate_households(50, 42, REF))
    other = list(generate_households(50, 43, REF))
    assert first != other
    assert sum(a != b for a, b in zip(first, other, strict=True)) > 45


def test_prefix_is_stable_for_larger_count() -> None:
    assert list(generate_households(20, 7, REF)) == list(generate_households(40, 7, REF))[:20]


def test_reference_date_moves_dates() -> None:
    earlier = list(generate_households(20, 7, date(2022, 3, 1)))
    later = list(generate_households(20, 7, REF))
    assert earlier != later
    assert all(
        p.date_of_birth <= date(2022, 3, 1) for household in earlier for p in household.members
    )


def test_global_random_is_untouched() -> None:
    random.seed(99)
    state = random.getstate()
    list(generate_households(30, 1, REF))
    assert random.getstate() == state


def test_count_zero_yields_nothing() -> None:
    assert list(generate_households(0, 1, REF)) == []


def test_negative_count_raises_at_call() -> None:
    with pytest.raises(ValueError, match="negative"):
        generate_households(-1, 1, REF)


def test_records_are_frozen(sample: list[DemoHousehold]) -> None:
    household = sample[0]
    with pytest.raises(AttributeError):
        household.programme = "changed"  # type: ignore[misc]
    assert isinstance(household.members, tuple)
    assert isinstance(household.members[0].documents, tuple)


# --- household composition -----------------------------------------------------------------


def test_household_sizes(sample: list[DemoHousehold]) -> None:
    sizes = Counter(len(household.members) for household in sample)
    assert min(sizes) == 1
    assert max(sizes) == 12
    assert sizes.most_common(1)[0][0] in {5, 6}
    mean = sum(size * n for size, n in sizes.items()) / SAMPLE_SIZE
    assert 4.5 <= mean <= 6.5
    assert sizes[1] / SAMPLE_SIZE < 0.12  # single adults exist but are not the norm


def test_exactly_one_principal_listed_first(sample: list[DemoHousehold]) -> None:
    for household in sample:
        relationships = [p.relationship for p in household.members]
        assert relationships[0] == "principal"
        assert relationships.count("principal") == 1
        assert relationships.count("spouse") <= 1
        assert set(relationships) <= RELATIONSHIPS


def test_sex_matches_relationship(sample: list[DemoHousehold]) -> None:
    for household in sample:
        principal = household.members[0]
        for person in household.members:
            assert person.sex in {"M", "F"}
            if person.relationship in SEX_OF_RELATIONSHIP:
                assert person.sex == SEX_OF_RELATIONSHIP[person.relationship]
            if person.relationship == "spouse":
                assert person.sex != principal.sex


def test_single_female_heads_of_household(sample: list[DemoHousehold]) -> None:
    female_heads = sum(
        household.members[0].sex == "F"
        and all(p.relationship != "spouse" for p in household.members)
        for household in sample
    )
    assert 0.05 <= female_heads / SAMPLE_SIZE <= 0.11


def test_extended_families_present(persons: list[DemoPerson]) -> None:
    seen = Counter(p.relationship for p in persons)
    assert set(seen) == RELATIONSHIPS
    assert seen["son"] + seen["daughter"] > seen["spouse"]


# --- ages -----------------------------------------------------------------------------------


def test_principal_and_spouse_are_adults(sample: list[DemoHousehold]) -> None:
    for household in sample:
        principal = household.members[0]
        assert 18 <= age_on(principal.date_of_birth, REF) <= 70
        for person in household.members:
            if person.relationship == "spouse":
                assert age_on(person.date_of_birth, REF) >= 18


def test_children_are_younger_than_their_parents(sample: list[DemoHousehold]) -> None:
    for household in sample:
        principal = household.members[0]
        spouse = [p for p in household.members if p.relationship == "spouse"]
        sons = [p for p in household.members if p.relationship == "son"]
        for person in household.members:
            if person.relationship in {"son", "daughter"}:
                for parent in [principal, *spouse]:
                    assert add_years(parent.date_of_birth, 12) <= person.date_of_birth
            if person.relationship in {"father", "mother"}:
                assert add_years(person.date_of_birth, 12) <= principal.date_of_birth
            if person.relationship in {"grandson", "granddaughter"}:
                assert add_years(principal.date_of_birth, 24) <= person.date_of_birth
                fathers = [s for s in sons if s.given_name == person.father_name]
                assert fathers, "a grandchild's father is a son in the case"
                assert any(add_years(s.date_of_birth, 12) <= person.date_of_birth for s in fathers)


def test_dates_of_birth(persons: list[DemoPerson]) -> None:
    precisions = Counter(p.dob_precision for p in persons)
    assert set(precisions) == {"exact", "year", "estimated"}
    assert precisions["exact"] > precisions["year"] > precisions["estimated"]
    for person in persons:
        assert date(1920, 1, 1) <= person.date_of_birth <= REF
        if person.dob_precision == "year":
            assert (person.date_of_birth.month, person.date_of_birth.day) == (1, 1)


# --- names ----------------------------------------------------------------------------------


def test_names_follow_the_family(sample: list[DemoHousehold]) -> None:
    for household in sample:
        principal = household.members[0]
        spouse = next((p for p in household.members if p.relationship == "spouse"), None)
        for person in household.members:
            assert person.given_name
            assert person.father_name
            if person.relationship in {"son", "daughter"}:
                assert person.family_name == principal.family_name
                if principal.sex == "M":
                    assert person.father_name == principal.given_name
                elif spouse is not None:
                    assert person.father_name == spouse.given_name
            if person.relationship in {"brother", "sister"}:
                assert person.father_name == principal.father_name
                assert person.family_name == principal.family_name
            if person.relationship == "father":
                assert person.given_name == principal.father_name
            if principal.family_name == "":
                assert person.family_name == ""


def test_spouse_has_own_father_name(sample: list[DemoHousehold]) -> None:
    pairs = [
        (household.members[0], spouse)
        for household in sample
        for spouse in household.members
        if spouse.relationship == "spouse"
    ]
    assert len(pairs) > SAMPLE_SIZE // 2
    different = sum(principal.father_name != spouse.father_name for principal, spouse in pairs)
    assert different / len(pairs) > 0.9


def test_empty_family_name_share(sample: list[DemoHousehold]) -> None:
    empty = sum(household.members[0].family_name == "" for household in sample)
    assert 0.11 <= empty / SAMPLE_SIZE <= 0.19


def test_native_names_are_dari_script(persons: list[DemoPerson]) -> None:
    for person in persons:
        assert is_dari_text(person.native_name), person.native_name
        if person.family_name:
            assert " " in person.native_name


def test_native_name_matches_latin_name(persons: list[DemoPerson]) -> None:
    path = resources.files("departure_desk_resources").joinpath("demo/names.json")
    material = json.loads(path.read_text(encoding="utf-8"))
    given = {**dict(material["male"]), **dict(material["female"])}
    family = dict(material["family"])
    for person in persons:
        expected = given[person.given_name]
        if person.family_name:
            expected = f"{expected} {family[person.family_name]}"
        assert person.native_name == expected


def test_names_json_material() -> None:
    path = resources.files("departure_desk_resources").joinpath("demo/names.json")
    material = json.loads(path.read_text(encoding="utf-8"))
    assert len(material["male"]) >= 60
    assert len(material["female"]) >= 50
    assert len(material["family"]) >= 40
    for key in ("male", "female", "family"):
        latin_names = [latin for latin, _ in material[key]]
        assert len(latin_names) == len(set(latin_names)), f"duplicate Latin name in {key}"
        for latin, native in material[key]:
            assert latin.strip() == latin and latin
            assert is_dari_text(native), (latin, native)
    male = dict(material["male"])
    assert male["Mohammad"] == male["Muhammad"] == male["Mohammed"]
    assert male["Ahmad"] == male["Ahmed"]
    assert male["Hussain"] == male["Hossein"]
    assert material["accommodation"]
    for destination in material["destinations"]:
        assert re.fullmatch(r"[A-Z]{3}", destination["country"])
        assert destination["programme"]
        assert destination["weight"] > 0


# --- documents ------------------------------------------------------------------------------


def test_every_person_has_a_document(persons: list[DemoPerson]) -> None:
    for person in persons:
        assert len(person.documents) >= 1
        types = [d.doc_type for d in person.documents]
        assert set(types) <= {"passport", "tazkira"}
        assert len(types) == len(set(types))


def test_passport_numbers_are_unique_within_a_call() -> None:
    numbers = [
        document.number
        for household in generate_households(5000, 5, REF)
        for person in household.members
        for document in person.documents
        if document.doc_type == "passport"
    ]
    assert len(numbers) > 15000
    assert len(numbers) == len(set(numbers))


def test_document_fields(persons: list[DemoPerson]) -> None:
    passports: list[DemoDocument] = []
    for person in persons:
        for document in person.documents:
            assert document.issuing_country == "AFG"
            if document.issue_date is not None:
                assert person.date_of_birth <= document.issue_date <= REF
            if document.doc_type == "passport":
                passports.append(document)
                assert PASSPORT_RE.match(document.number)
                assert document.machine_readable
                assert document.issue_date is not None
                assert document.expiry_date is not None
                assert document.expiry_date in {
                    add_years(document.issue_date, 5),
                    add_years(document.issue_date, 10),
                }
            else:
                assert E_TAZKIRA_RE.match(document.number) or PAPER_TAZKIRA_RE.match(
                    document.number
                ), document.number
                assert not document.machine_readable
                assert document.expiry_date is None
    expired = sum(d.expiry_date is not None and d.expiry_date < REF for d in passports)
    soon = sum(
        d.expiry_date is not None and REF <= d.expiry_date < add_years(REF, 1) for d in passports
    )
    assert 0.05 < expired / len(passports) < 0.3
    assert 0.05 < soon / len(passports) < 0.4


def test_document_shares(persons: list[DemoPerson]) -> None:
    adults = [p for p in persons if age_on(p.date_of_birth, REF) >= 18]
    children = [p for p in persons if age_on(p.date_of_birth, REF) < 18]

    def share(group: list[DemoPerson], doc_type: str) -> float:
        return sum(any(d.doc_type == doc_type for d in p.documents) for p in group) / len(group)

    assert 0.74 <= share(adults, "passport") <= 0.86
    assert 0.54 <= share(adults, "tazkira") <= 0.72
    assert 0.42 <= share(children, "passport") <= 0.60


# --- household fields -----------------------------------------------------------------------


def test_household_fields(sample: list[DemoHousehold]) -> None:
    for household in sample:
        assert re.fullmatch(r"[A-Z]{3}", household.destination_country)
        assert household.programme
        assert household.accommodation
        assert PHONE_RE.match(household.contact_phone), household.contact_phone
        if household.destination_country == "USA":
            assert household.programme == "USRAP"
    destinations = Counter(household.destination_country for household in sample)
    assert {"USA", "CAN", "DEU", "GBR", "AUS"} <= set(destinations)


def test_family_language_shares(sample: list[DemoHousehold]) -> None:
    languages = Counter(household.family_language for household in sample)
    assert set(languages) == {"Dari", "Pashto", "Other"}
    assert 0.59 <= languages["Dari"] / SAMPLE_SIZE <= 0.71
    assert 0.24 <= languages["Pashto"] / SAMPLE_SIZE <= 0.36
    assert 0.02 <= languages["Other"] / SAMPLE_SIZE <= 0.08


def test_nationality(persons: list[DemoPerson]) -> None:
    nationalities = Counter(p.nationality for p in persons)
    assert set(nationalities) <= {"AFG", "XXA"}
    assert nationalities["XXA"] / len(persons) < 0.02
