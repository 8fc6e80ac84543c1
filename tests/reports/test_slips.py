"""Appointment slips: the facts in English and in the family's language, and a barcode."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from reports.records import Attendee, Place, Slip
from reports.slips import render_slips
from tests.pdf_reading import page_texts

TIRANE = ZoneInfo("Europe/Tirane")
SHENGJIN = Place(
    "IOM office Shëngjin",
    "Rruga Lidhja e Lezhës, Shëngjin",
    "Opposite the harbour, blue gate, 1st floor",
)
KARIMI = (Attendee("Ahmad Karimi", "احمد کریمی"), Attendee("Zarghuna Karimi", "زرغونه کریمی"))


def make_slip(**changes: object) -> Slip:
    slip = Slip(
        case_number="SHG-2026-00042",
        language="dari",
        kind="medical_exam",
        starts_at=datetime(2026, 3, 31, 10, 30, tzinfo=TIRANE),
        duration_minutes=60,
        place=SHENGJIN,
        attendees=KARIMI,
        bring=("this_slip", "passports", "medical_papers", "medicines"),
        office_name="IOM Albania – Shëngjin field office",
        office_phone="+355 69 400 1234",
        detail="Interpreter: Dari",
    )
    return replace(slip, **changes)


@pytest.fixture(scope="module")
def dari_pdf() -> bytes:
    return render_slips([make_slip()])


def test_slip_has_case_number_date_time_and_names(dari_pdf):
    (said,) = page_texts(dari_pdf)
    for words in [
        "SHG-2026-00042",
        "Medical examination",
        "Tuesday 31 March 2026",
        "10:30 (60 minutes)",
        "IOM office Shëngjin",
        "Rruga Lidhja e Lezhës, Shëngjin",
        "Ahmad Karimi",
        "Zarghuna Karimi",
        "Medical papers and test results",
        "Interpreter: Dari",
        "Please come 15 minutes early. Bring this slip.",
    ]:
        assert words in said


def test_barcode_decodes_to_the_case_number_at_200_dpi(dari_pdf):
    document = pdfium.PdfDocument(dari_pdf)
    try:
        image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    codes = zxingcpp.read_barcodes(image)
    assert [(c.format, c.text) for c in codes] == [
        (zxingcpp.BarcodeFormat.Code128, "SHG-2026-00042")
    ]


def test_dari_side_says_the_same_facts_in_dari(dari_pdf):
    (said,) = page_texts(dari_pdf)
    # pdfium gives Dari words in logical order, as plain letters
    for words in [
        "معاینه صحی",  # the kind
        "سهشنبه ۳۱ مارچ ۲۰۲۶",  # Tuesday 31 March 2026, Persian digits
        "ساعت ۱۰:۳۰",
        "چه کسانی باید بیایند",  # who must come
        "احمد کریمی",
        "زرغونه کریمی",
        "با خود بیاورید",  # what to bring
        "اسناد صحی و نتایج آزمایشها",
        "شماره پرونده",
        "دقیقه زودتر بیایید",  # come 15 minutes early
    ]:
        assert words in said


def test_pashto_slip_is_searchable_in_pashto():
    pdf = render_slips([make_slip(language="pashto", kind="interview", bring=("passports",))])
    (said,) = page_texts(pdf)
    for words in ["د مهاجرت مرکه", "درېشنبه ۳۱ مارچ", "څوک باید راشي", "پاسپورټونه"]:
        assert words in said
    assert "Immigration interview" in said


def test_english_only_slip_uses_the_whole_width():
    (said,) = page_texts(render_slips([make_slip(language=None)]))
    assert "Medical examination" in said
    assert "زمان" not in said and "معاینه" not in said
    # beside a Dari column this sentence wraps; across the page it does not
    assert "tell the IOM office or your focal point before the day." in said
    # the native names are on the English side too; in a left-to-right line pdfium gives
    # the words of a Dari name left to right ("کریمی احمد"), each word's letters in order
    assert "احمد" in said and "کریمی" in said and "زرغونه" in said


def test_three_slips_to_a_page():
    slips = [make_slip(case_number=f"SHG-2026-{n:05d}") for n in range(1, 8)]
    pages = page_texts(render_slips(slips))
    assert len(pages) == 3
    assert [sum(f"SHG-2026-{n:05d}" in page for n in range(1, 8)) for page in pages] == [3, 3, 1]


def test_a_large_family_takes_more_of_the_page():
    family = tuple(Attendee(f"Person {n} Karimi", f"شخص {n} کریمی") for n in range(1, 11))
    slips = [make_slip(), make_slip(), make_slip(attendees=family, case_number="SHG-2026-00099")]
    pages = page_texts(render_slips(slips))
    assert len(pages) == 2
    assert "SHG-2026-00099" in pages[1]
    assert all(f"Person {n} Karimi" in pages[1] for n in range(1, 11))


def test_metadata_is_neutral(dari_pdf):
    document = pdfium.PdfDocument(dari_pdf)
    try:
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    assert metadata["Title"] == "Appointment slips"
    assert not any("Karimi" in v or "SHG" in v for v in metadata.values())


def test_same_slips_give_the_same_bytes(dari_pdf):
    assert render_slips([make_slip()]) == dari_pdf


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "haircut"}, "appointment kind 'haircut'"),
        ({"bring": ("this_slip", "umbrella")}, "thing to bring 'umbrella'"),
        ({"language": "urdu"}, "'urdu'"),
    ],
)
def test_unknown_codes_are_clear_errors(changes, message):
    with pytest.raises(ValueError, match=message):
        render_slips([make_slip(), make_slip(**changes)])


def test_no_slips_is_an_error():
    with pytest.raises(ValueError, match="No slips"):
        render_slips([])
