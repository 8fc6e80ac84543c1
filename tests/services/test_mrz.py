"""MRZ parsing (ICAO Doc 9303): specimens, check digits, clerk-facing errors, fuzzing."""

from __future__ import annotations

import pickle
import random
from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from desktop.services.registry.mrz import normalise_mrz_text, parse_mrz
from desktop.services.registry.mrz_checks import MrzError, check_digit
from desktop.services.registry.mrz_formats import MrzData

TODAY = date(2025, 6, 1)

# ICAO Doc 9303 specimens (Part 4 for TD3, Part 5 for TD1)
TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1_1 = "I<UTOD231458907<<<<<<<<<<<<<<<"
TD1_2 = "7408122F1204159UTO<<<<<<<<<<<6"
TD1_3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
# Doc 9303 Part 11, Appendix D.2: a TD1 document number longer than nine characters
TD1_LONG = (
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
)

# A fictional Afghan passport.  Check digits worked out by hand (weights 7 3 1):
#   P01234567: 25*7+0*3+1*1+2*7+3*3+4*1+5*7+6*3+7*1 = 263 -> 3
#   850314:    8*7+5*3+0*1+3*7+1*3+4*1 = 99 -> 9
#   301120:    3*7+0*3+1*1+1*7+2*3+0*1 = 35 -> 5
#   personal number all '<' -> 0
#   composite over "P012345673" "8503149" "3011205" "<<<<<<<<<<<<<<0" = 404 -> 4
AFG_1 = "P<AFGAHMADI<<MOHAMMAD<NASIR<<<<<<<<<<<<<<<<<"
AFG_2 = "P012345673AFG8503149M3011205<<<<<<<<<<<<<<04"

FIELDS = {
    "length",
    "characters",
    "line_order",
    "document_code",
    "issuing_state",
    "name",
    "document_number",
    "nationality",
    "date_of_birth",
    "sex",
    "expiry_date",
    "optional_data",
    "composite",
}


def reference_check_digit(data: str) -> int:
    """An independent Doc 9303 check digit, to build test vectors."""
    values = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    values["<"] = 0
    return sum(values[c] * w for c, w in zip(data, [7, 3, 1] * len(data), strict=False)) % 10


def td3_line2(
    number: str = "L898902C3",
    nationality: str = "UTO",
    birth: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    personal: str = "ZE184226B",
    personal_digit: str | None = None,
) -> str:
    """Line 2 of a TD3 MRZ with every check digit right."""
    number = number.ljust(9, "<")
    personal = personal.ljust(14, "<")
    cd = reference_check_digit
    if personal_digit is None:
        personal_digit = str(cd(personal))
    head = f"{number}{cd(number)}"
    birth_part = f"{birth}{cd(birth)}"
    tail = f"{expiry}{cd(expiry)}{personal}{personal_digit}"
    line = f"{head}{nationality}{birth_part}{sex}{tail}"
    return line + str(cd(head + birth_part + tail))


def td1_lines(
    line1_data: str = "D231458907<<<<<<<<<<<<<<<",
    birth: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    optional2: str = "",
) -> str:
    """A TD1 MRZ (three lines) with the composite and date check digits right.

    ``line1_data`` is positions 6 to 30 of line 1, document number check included.
    """
    cd = reference_check_digit
    line1 = "I<UTO" + line1_data.ljust(25, "<")
    birth_part = f"{birth}{cd(birth)}"
    expiry_part = f"{expiry}{cd(expiry)}"
    optional2 = optional2.ljust(11, "<")
    composite = cd(line1[5:30] + birth_part + expiry_part + optional2)
    line2 = f"{birth_part}{sex}{expiry_part}UTO{optional2}{composite}"
    return "\n".join((line1, line2, TD1_3))


def td3(line2: str, line1: str = TD3_1) -> str:
    return f"{line1}\n{line2}"


def error_of(text: str) -> MrzError:
    with pytest.raises(MrzError) as caught:
        parse_mrz(text, today=TODAY)
    assert caught.value.field in FIELDS
    return caught.value


def replace_at(line: str, position: int, char: str) -> str:
    """Replace the character at 1-based ``position``."""
    return line[: position - 1] + char + line[position:]


# -- check digits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "digit"),
    [
        ("L898902C3", 6),
        ("740812", 2),
        ("120415", 9),
        ("ZE184226B<<<<<", 1),
        ("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", 0),
        ("D23145890", 7),
        ("D23145890734", 9),
        ("<<<<<<", 0),
        ("", 0),
        ("P01234567", 3),
    ],
)
def test_check_digit_matches_icao_examples(data: str, digit: int) -> None:
    assert check_digit(data) == digit
    assert reference_check_digit(data) == digit


def test_check_digit_rejects_characters_outside_the_mrz_alphabet() -> None:
    for bad in ("abc", "12-4", "١٢٣"):
        with pytest.raises(MrzError) as caught:
            check_digit(bad)
        assert caught.value.field == "characters"


# -- specimens --------------------------------------------------------------------------------


def test_icao_td3_specimen() -> None:
    data = parse_mrz(td3(TD3_2), today=TODAY)
    assert data == MrzData(
        kind="TD3",
        document_code="P",
        issuing_state="UTO",
        family_name="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        date_of_birth=date(1974, 8, 12),
        dob_precision="exact",
        sex="F",
        expiry_date=date(2012, 4, 15),
        optional_data="ZE184226B",
        lines=(TD3_1, TD3_2),
    )


def test_icao_td1_specimen() -> None:
    data = parse_mrz("\n".join((TD1_1, TD1_2, TD1_3)), today=TODAY)
    assert data == MrzData(
        kind="TD1",
        document_code="I",
        issuing_state="UTO",
        family_name="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="D23145890",
        nationality="UTO",
        date_of_birth=date(1974, 8, 12),
        dob_precision="exact",
        sex="F",
        expiry_date=date(2012, 4, 15),
        optional_data="",
        lines=(TD1_1, TD1_2, TD1_3),
    )


def test_icao_td1_long_document_number() -> None:
    data = parse_mrz("\n".join(TD1_LONG), today=TODAY)
    assert data.document_number == "D23145890734"
    assert (data.family_name, data.given_names) == ("STEVENSON", "PETER JOHN")
    assert data.date_of_birth == date(1934, 7, 12)
    assert data.expiry_date == date(1995, 7, 12)
    assert data.sex == "M"
    assert data.optional_data == ""


def test_td1_long_document_number_with_wrong_check_digit() -> None:
    line1 = replace_at(TD1_LONG[0], 19, "8")
    # keep the composite right so that only the document number is wrong
    text = td1_lines(line1_data=line1[5:], birth="340712", sex="M", expiry="950712")
    error = error_of(text)
    assert (error.field, error.line, error.position) == ("document_number", 1, 19)
    assert "should be 9, not 8" in str(error)


def test_td1_document_number_filler_without_continuation() -> None:
    error = error_of(td1_lines(line1_data="D23145890<<<<<<<<<<<<<<<<"))
    assert (error.field, error.position) == ("document_number", 15)
    assert "should be 7, not '<'" in str(error)


def test_td1_optional_data_is_kept() -> None:
    text = td1_lines(line1_data="D231458907AB12<<<<<<<<<<<", optional2="XY<9")
    data = parse_mrz(text, today=TODAY)
    assert data.document_number == "D23145890"
    assert data.optional_data == "AB12 XY 9"


def test_fictional_afghan_passport() -> None:
    data = parse_mrz(td3(AFG_2, AFG_1), today=TODAY)
    assert data.kind == "TD3"
    assert data.document_code == "P"
    assert (data.issuing_state, data.nationality) == ("AFG", "AFG")
    assert (data.family_name, data.given_names) == ("AHMADI", "MOHAMMAD NASIR")
    assert data.document_number == "P01234567"
    assert (data.date_of_birth, data.dob_precision) == (date(1985, 3, 14), "exact")
    assert data.sex == "M"
    assert data.expiry_date == date(2030, 11, 20)
    assert data.optional_data == ""
    assert td3_line2("P01234567", "AFG", "850314", "M", "301120", "", "0") == AFG_2


def test_empty_personal_number_may_have_a_filler_check_digit() -> None:
    line2 = td3_line2("P01234567", "AFG", "850314", "M", "301120", "", "<")
    assert parse_mrz(td3(line2, AFG_1), today=TODAY).optional_data == ""


def test_personal_number_with_filler_check_digit_is_wrong() -> None:
    error = error_of(td3(td3_line2(personal_digit="<")))
    assert (error.field, error.position) == ("optional_data", 43)
    assert "should be 1, not '<'" in str(error)


def test_parse_without_today_uses_the_clock() -> None:
    assert parse_mrz(td3(TD3_2), today=date(2026, 1, 1)).date_of_birth == date(1974, 8, 12)


def test_result_is_frozen() -> None:
    data = parse_mrz(td3(TD3_2), today=TODAY)
    with pytest.raises(FrozenInstanceError):
        data.sex = "M"  # type: ignore[misc]


# -- wrong check digits -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "wrong", "field", "expected"),
    [
        (10, "5", "document_number", 6),
        (20, "7", "date_of_birth", 2),
        (28, "3", "expiry_date", 9),
        (43, "5", "optional_data", 1),
        (44, "1", "composite", 0),
    ],
)
def test_td3_wrong_check_digit_names_the_field(
    position: int, wrong: str, field: str, expected: int
) -> None:
    error = error_of(td3(replace_at(TD3_2, position, wrong)))
    assert (error.field, error.line, error.position) == (field, 2, position)
    assert f"(position {position}) should be {expected}, not {wrong}" in str(error)
    assert str(error).startswith("Line 2: ")


def test_td3_message_reads_as_in_the_issue() -> None:
    line2 = td3_line2("P01234567", "AFG", "850314", "M", "301120", "", "0")
    assert line2[19] == "9"
    error = error_of(td3(replace_at(line2, 20, "7"), AFG_1))
    assert str(error).startswith(
        "Line 2: the check digit of the date of birth (position 20) should be 9, not 7."
    )


def test_a_mistake_in_a_field_is_reported_at_that_field_not_the_composite() -> None:
    # a typo in the document number breaks both its own and the composite check digit
    error = error_of(td3(replace_at(TD3_2, 3, "7")))
    assert (error.field, error.position) == ("document_number", 10)


@pytest.mark.parametrize(
    ("line", "position", "wrong", "field", "expected"),
    [
        (1, 15, "1", "document_number", 7),
        (2, 7, "3", "date_of_birth", 2),
        (2, 15, "0", "expiry_date", 9),
        (2, 30, "5", "composite", 6),
    ],
)
def test_td1_wrong_check_digit_names_the_field(
    line: int, position: int, wrong: str, field: str, expected: int
) -> None:
    lines = [TD1_1, TD1_2, TD1_3]
    lines[line - 1] = replace_at(lines[line - 1], position, wrong)
    error = error_of("\n".join(lines))
    assert (error.field, error.line, error.position) == (field, line, position)
    assert f"(position {position}) should be {expected}, not {wrong}" in str(error)


def test_td1_composite_covers_optional_data() -> None:
    # 'A' (10) at a weight-1 position would go unnoticed: mod 10 cannot see it
    line2 = replace_at(TD1_2, 20, "B")
    error = error_of("\n".join((TD1_1, line2, TD1_3)))
    assert error.field == "composite"


def test_every_single_digit_typo_in_td3_line_2_is_caught() -> None:
    for index, char in enumerate(TD3_2):
        if not char.isdigit():
            continue
        for other in "0123456789":
            if other != char:
                with pytest.raises(MrzError):
                    parse_mrz(td3(replace_at(TD3_2, index + 1, other)), today=TODAY)


def test_letter_where_a_check_digit_belongs() -> None:
    error = error_of(td3(replace_at(TD3_2, 28, "O")))
    assert (error.field, error.position) == ("expiry_date", 28)
    assert "should be 9, not 'O'" in str(error)


# -- lengths, line count, characters, order ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "snippet"),
    [
        ("", None, "Nothing to read"),
        ("  \n\r\n ", None, "Nothing to read"),
        (TD3_1, 1, "second line is missing"),
        (TD1_1, 1, "two lines are missing"),
        (TD3_1 + TD3_2[:-1], 1, "one line of 87 characters"),
        (TD3_1 + "\n" + TD3_2[:-2], 2, "Line 2 has 42 characters, 2 characters too few"),
        (TD3_1 + "<\n" + TD3_2, 1, "Line 1 has 45 characters, 1 character too many"),
        (TD1_1 + "\n" + TD1_2, None, "the third line is missing"),
        (TD1_1 + "\n" + TD1_2 + "\n" + TD1_3[:-1], 3, "Line 3 has 29 characters"),
        ("\n".join((TD3_1, TD3_2, TD3_1)), None, "remove the extra line"),
        ("\n".join((TD1_1, TD1_2, TD1_3, TD1_3)), None, "Got 4 lines"),
        ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458902UTO7408122F1204159<<<<<<<6", None, "TD2"),
    ],
)
def test_wrong_length_or_line_count(text: str, line: int | None, snippet: str) -> None:
    with pytest.raises(MrzError) as caught:
        normalise_mrz_text(text)
    assert caught.value.field == "length"
    assert caught.value.line == line
    assert snippet in str(caught.value)
    assert error_of(text).field == "length"


@pytest.mark.parametrize(
    ("line", "position", "char"),
    [(2, 12, "$"), (1, 8, "É"), (2, 1, "-"), (1, 44, "\u0301"), (2, 30, "~")],
)
def test_bad_character_names_its_position(line: int, position: int, char: str) -> None:
    lines = [TD3_1, TD3_2]
    lines[line - 1] = replace_at(lines[line - 1], position, char)
    error = error_of("\n".join(lines))
    assert (error.field, error.line, error.position) == ("characters", line, position)
    assert f"Line {line}, position {position}:" in str(error)


def test_lines_the_wrong_way_round() -> None:
    assert error_of(td3(TD3_1, TD3_2)).field == "line_order"
    assert error_of("\n".join((TD1_3, TD1_1, TD1_2))).field == "line_order"
    assert error_of("\n".join((TD1_2, TD1_1, TD1_3))).field == "line_order"


# -- tolerant input ---------------------------------------------------------------------------


def test_one_long_line_from_a_keyboard_wedge() -> None:
    assert parse_mrz(TD3_1 + TD3_2, today=TODAY).document_number == "L898902C3"
    assert normalise_mrz_text(TD3_1 + TD3_2 + "\r\n") == (TD3_1, TD3_2)
    assert normalise_mrz_text(TD1_1 + TD1_2 + TD1_3) == (TD1_1, TD1_2, TD1_3)
    assert normalise_mrz_text("\t".join((TD1_1, TD1_2, TD1_3))) == (TD1_1, TD1_2, TD1_3)


def test_lower_case_spaces_and_line_ends_are_tolerated() -> None:
    typed = f"  {TD3_1[:20].lower()} {TD3_1[20:]}\r\n\r\n{TD3_2[:10]}  {TD3_2[10:].lower()} \r"
    assert parse_mrz(typed, today=TODAY).lines == (TD3_1, TD3_2)
    assert normalise_mrz_text(f"{TD3_1}\r{TD3_2}") == (TD3_1, TD3_2)


def test_safe_look_alikes_are_replaced() -> None:
    guillemets = TD3_1.replace("<", "«", 3).replace("<", "‹", 2)
    zero_width = "\ufeff" + TD3_2[:5] + "\u200b" + TD3_2[5:]
    assert normalise_mrz_text(f"{guillemets}\n{zero_width}") == (TD3_1, TD3_2)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in TD3_2)
    assert normalise_mrz_text(f"{TD3_1}\n{full_width}") == (TD3_1, TD3_2)
    dari_digits = TD3_2.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert normalise_mrz_text(f"{TD3_1}\n{dari_digits}") == (TD3_1, TD3_2)


def test_look_alike_letters_and_digits_are_not_guessed() -> None:
    # 'O' for '0' in a date is reported, not silently corrected
    error = error_of(td3(replace_at(TD3_2, 16, "O")))
    assert (error.field, error.position) == ("date_of_birth", 16)
    assert "the letter O" in str(error)


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "expected", "precision"),
    [
        ("740812", date(1974, 8, 12), "exact"),
        ("7408<<", date(1974, 8, 1), "month"),
        ("74<<<<", date(1974, 1, 1), "year"),
        ("74<<12", date(1974, 1, 1), "year"),
        ("740800", date(1974, 8, 1), "month"),
        ("740000", date(1974, 1, 1), "year"),
        ("<<<<<<", None, "unknown"),
        ("250601", date(2025, 6, 1), "exact"),
        ("250602", date(1925, 6, 2), "exact"),
        ("2506<<", date(2025, 6, 1), "month"),
        ("2507<<", date(1925, 7, 1), "month"),
        ("25<<<<", date(2025, 1, 1), "year"),
        ("26<<<<", date(1926, 1, 1), "year"),
        ("000229", date(2000, 2, 29), "exact"),
    ],
)
def test_date_of_birth(birth: str, expected: date | None, precision: str) -> None:
    data = parse_mrz(td3(td3_line2(birth=birth)), today=TODAY)
    assert (data.date_of_birth, data.dob_precision) == (expected, precision)


@pytest.mark.parametrize(
    ("birth", "position"),
    [("740230", 18), ("741301", 16), ("740132", 18), ("7<0812", 14), ("74081<", 18)],
)
def test_impossible_date_of_birth(birth: str, position: int) -> None:
    error = error_of(td3(td3_line2(birth=birth)))
    assert (error.field, error.line, error.position) == ("date_of_birth", 2, position)
    assert "date of birth (positions 14 to 19)" in str(error)


@pytest.mark.parametrize(
    ("expiry", "expected"),
    [
        ("301120", date(2030, 11, 20)),
        ("451231", date(2045, 12, 31)),
        ("460101", date(1946, 1, 1)),
        ("<<<<<<", None),
    ],
)
def test_expiry_date(expiry: str, expected: date | None) -> None:
    assert parse_mrz(td3(td3_line2(expiry=expiry)), today=TODAY).expiry_date == expected


@pytest.mark.parametrize(("expiry", "position"), [("300230", 26), ("301320", 24), ("3011<<", 26)])
def test_impossible_expiry_date(expiry: str, position: int) -> None:
    error = error_of(td3(td3_line2(expiry=expiry)))
    assert (error.field, error.position) == ("expiry_date", position)


def test_td1_unknown_date_of_birth_parts() -> None:
    data = parse_mrz(td1_lines(birth="74<<<<"), today=TODAY)
    assert (data.date_of_birth, data.dob_precision) == (date(1974, 1, 1), "year")
    error = error_of(td1_lines(birth="740230"))
    assert (error.field, error.line, error.position) == ("date_of_birth", 2, 5)


# -- other fields -----------------------------------------------------------------------------


def test_unspecified_sex_and_one_letter_country_codes() -> None:
    line1 = "P<D<<" + TD3_1[5:]
    line2 = td3_line2(nationality="D<<", sex="<")
    data = parse_mrz(td3(line2, line1), today=TODAY)
    assert (data.issuing_state, data.nationality, data.sex) == ("D", "D", "X")


def test_invalid_sex() -> None:
    error = error_of(td3(td3_line2(sex="Q")))
    assert (error.field, error.position) == ("sex", 21)


@pytest.mark.parametrize(
    ("line1", "line2", "field", "position"),
    [
        ("V<UTO" + TD3_1[5:], TD3_2, "document_code", 1),
        ("P1UTO" + TD3_1[5:], TD3_2, "document_code", 2),
        ("P<UT0" + TD3_1[5:], TD3_2, "issuing_state", 5),
        ("P<<<<" + TD3_1[5:], TD3_2, "issuing_state", 3),
        (TD3_1, td3_line2(nationality="A<G"), "nationality", 11),
        (replace_at(TD3_1, 8, "1"), TD3_2, "name", 8),
        ("P<UTO" + "<" * 39, TD3_2, "name", 6),
        (TD3_1, td3_line2(number=""), "document_number", 1),
    ],
)
def test_field_errors(line1: str, line2: str, field: str, position: int) -> None:
    error = error_of(td3(line2, line1))
    assert (error.field, error.position) == (field, position)


def test_names_without_given_names_and_with_compound_family_name() -> None:
    line1 = "P<AFGNOORI<AHMADZAI".ljust(44, "<")
    data = parse_mrz(td3(TD3_2, line1), today=TODAY)
    assert (data.family_name, data.given_names) == ("NOORI AHMADZAI", "")


def test_id_card_code_must_be_a_c_or_i() -> None:
    error = error_of("\n".join(("X" + TD1_1[1:], TD1_2, TD1_3)))
    assert (error.field, error.position) == ("document_code", 1)
    data = parse_mrz("\n".join(("ID" + TD1_1[2:], TD1_2, TD1_3)), today=TODAY)
    assert data.document_code == "ID"


def test_error_is_a_value_error_and_survives_pickling() -> None:
    error = error_of(td3(replace_at(TD3_2, 44, "1")))
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (copy.field, copy.line, copy.position, str(copy)) == (
        error.field,
        error.line,
        error.position,
        str(error),
    )


def test_messages_do_not_repeat_personal_data() -> None:
    for position in (10, 20, 28, 43, 44):
        message = str(error_of(td3(replace_at(TD3_2, position, "<"))))
        for secret in ("L898902C3", "740812", "120415", "ZE184226B", "ERIKSSON"):
            assert secret not in message


# -- fuzzing ----------------------------------------------------------------------------------

_FUZZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<" * 3 + "abcz «‹-$é\u0301\t\n\r۳Ｏ\x00"


def _mutate(rng: random.Random, lines: list[str]) -> list[str]:
    lines = list(lines)
    operation = rng.randrange(9)
    index = rng.randrange(len(lines))
    line = lines[index]
    spot = rng.randrange(len(line) + 1) if line else 0
    char = rng.choice(_FUZZ_ALPHABET)
    if operation <= 2:  # substitute (most common: a typo)
        lines[index] = line[:spot] + char + line[spot + 1 :]
    elif operation == 3:
        lines[index] = line[:spot] + char + line[spot:]
    elif operation == 4:
        lines[index] = line[:spot] + line[spot + 1 :]
    elif operation == 5:
        rng.shuffle(lines)
    elif operation == 6:
        lines[index] = line[:spot]
    elif operation == 7:
        lines.insert(index, line)
    elif len(lines) > 1:
        del lines[index]
    return lines


def test_fuzzed_specimens_raise_only_mrz_error() -> None:
    rng = random.Random(9303)
    specimens = [
        [TD3_1, TD3_2],
        [AFG_1, AFG_2],
        [TD1_1, TD1_2, TD1_3],
        list(TD1_LONG),
    ]
    outcomes = {"parsed": 0, "rejected": 0}
    for _ in range(2000):
        lines = rng.choice(specimens)
        for _ in range(rng.randint(1, 3)):
            lines = _mutate(rng, lines)
        text = rng.choice(["\n", "\r\n", "", " \n "]).join(lines)
        today = date(rng.randint(1990, 2060), rng.randint(1, 12), rng.randint(1, 28))
        try:
            data = parse_mrz(text, today=today)
        except MrzError as error:
            assert error.field in FIELDS, error.field
            assert str(error)
            outcomes["rejected"] += 1
        else:
            assert data.kind in ("TD3", "TD1")
            assert data.sex in ("M", "F", "X")
            assert data.dob_precision in ("exact", "month", "year", "unknown")
            outcomes["parsed"] += 1
    # the fuzzing explored both outcomes
    assert outcomes["parsed"] > 50
    assert outcomes["rejected"] > 500
