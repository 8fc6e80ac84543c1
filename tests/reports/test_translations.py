"""The office's translation files for slips: complete, and the words they make."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from importlib import resources
from typing import Any

import pytest

from desktop.services.vocabulary import BRING_BY_KIND
from reports.kit.translations import LANGUAGES, translation

KINDS = (
    "interview",
    "medical_exam",
    "lab_xray",
    "pec",
    "counselling",
    "document_collection",
    "orientation",
    "other",
)
BRING = (
    "this_slip",
    "passports",
    "tazkiras",
    "all_documents",
    "medical_papers",
    "medicines",
    "glasses",
    "xray_films",
    "interview_letter",
    "photos",
)


def raw(code: str) -> dict[str, Any]:
    path = resources.files("departure_desk_resources") / "slips" / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def leaves(words: dict[str, Any], prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in words.items():
        if isinstance(value, dict):
            found |= leaves(value, f"{prefix}{key}.")
        else:
            found[prefix + key] = value
    return found


@pytest.mark.parametrize("code", ["dari", "pashto"])
def test_every_english_key_is_translated_with_the_same_placeholders(code):
    english, other = leaves(raw("english")), leaves(raw(code))
    assert set(english) - set(other) == set()
    assert set(other) - set(english) == set()
    for key, value in english.items():
        assert other[key].strip(), key
        assert set(re.findall(r"{\w+}", other[key])) == set(re.findall(r"{\w+}", value)), key


@pytest.mark.parametrize("code", LANGUAGES)
def test_files_carry_a_review_note_and_every_code(code):
    words = raw(code)
    assert next(iter(words)) == "_review"
    assert "review" in words["_review"].lower()
    assert set(words["kinds"]) == set(KINDS)
    assert set(words["bring"]) == set(BRING)
    assert len(words["digits"]) == 10


def test_every_bring_code_the_services_use_is_translated():
    used = {code for codes in BRING_BY_KIND.values() for code in codes}
    assert used <= set(BRING)
    assert set(BRING_BY_KIND) <= set(KINDS)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("english", "Tuesday 31 March 2026"),
        ("dari", "سه‌شنبه ۳۱ مارچ ۲۰۲۶"),
        ("pashto", "درېشنبه ۳۱ مارچ ۲۰۲۶"),
    ],
)
def test_long_date_is_gregorian_with_translated_names_and_digits(code, expected):
    assert translation(code).long_date(date(2026, 3, 31)) == expected


def test_time_is_24_hour_with_the_duration():
    start = datetime(2026, 3, 31, 14, 5)
    assert translation("english").time(start, 45) == "14:05 (45 minutes)"
    assert translation("dari").time(start, 45) == "ساعت ۱۴:۰۵ (۴۵ دقیقه)"


def test_unknown_codes_and_languages_are_clear_errors():
    with pytest.raises(ValueError, match="appointment kind 'haircut'"):
        translation("english").kind("haircut")
    with pytest.raises(ValueError, match="thing to bring 'umbrella'"):
        translation("dari").bring("umbrella")
    with pytest.raises(ValueError, match="'urdu'"):
        translation("urdu")
