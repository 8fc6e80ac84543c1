"""Fitness certificates and the medical envelope cover sheet: what the paper says, in
English and the family's language, and what it leaves out."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest

from reports.envelope import render_envelope
from reports.fitness import render_certificates
from reports.records import Certificate, EnclosedDocument, Envelope
from tests.pdf_reading import page_barcodes as barcodes
from tests.pdf_reading import page_texts

TIRANE = ZoneInfo("Europe/Tirane")
OFFICE = "IOM Albania – Shëngjin field office"
SADAT = Certificate(
    office_name=OFFICE,
    case_number="SHG-2026-00042",
    language="dari",
    name="Wahid Sadat",
    native_name="واحد سادات",
    sex="M",
    date_of_birth=date(1975, 2, 2),
    dob_precision="exact",
    nationality="AFG",
    document="Passport",
    document_number="P01234567",
    state="cleared_assistance",
    category="Fit with medical escort",
    ssr_codes=("WCHC", "OXYG", "MEDA"),
    escort="nurse",
    examined_at=datetime(2026, 3, 2, 9, 0, tzinfo=TIRANE),
    examination="Pre-embarkation check (PEC)",
    valid_until=datetime(2026, 3, 5, 9, 0, tzinfo=TIRANE),
    examiner="Dr Arben Hoxha",
    clinic="IOM clinic Shëngjin",
    printed_on=date(2026, 3, 3),
)
ENVELOPE = Envelope(
    office_name=OFFICE,
    case_number="SHG-2026-00042",
    language="dari",
    persons=2,
    documents=(
        EnclosedDocument("Wahid Sadat", "Health assessment", date(2026, 2, 10)),
        EnclosedDocument("Wahid Sadat", "Pre-embarkation check (PEC)", date(2026, 3, 2)),
        EnclosedDocument("Shakila Sadat", "Pre-departure medical screening", date(2026, 2, 20)),
    ),
    prepared_by="Dr Arben Hoxha",
    prepared_on=date(2026, 3, 3),
)


@pytest.fixture(scope="module")
def sadat_pdf() -> bytes:
    return render_certificates([SADAT])


def test_certificate_states_identity_outcome_assistance_and_validity(sadat_pdf):
    (said,) = page_texts(sadat_pdf)
    for words in [
        "Fitness to travel certificate",
        OFFICE,
        "SHG-2026-00042",
        "Wahid Sadat",
        "Male",
        "2 February 1975",
        "Afghanistan (AFG)",
        "Passport P01234567",
        "Fit to travel with assistance",
        "Fit with medical escort",
        "WCHC – Cannot walk; wheelchair all the way and carried to the seat",
        "OXYG – Oxygen on board",
        "MEDA – Medical case: airline medical clearance (MEDIF)",
        "A nurse travels along as medical escort",
        "Monday 2 March 2026, 09:00 Tirana time (UTC+01:00)",
        "Pre-embarkation check (PEC)",
        "Thursday 5 March 2026, 09:00 Tirana time (UTC+01:00)",
        "Dr Arben Hoxha",
        "IOM clinic Shëngjin",
        "Signature of the examiner",
        "Stamp of the clinic",
    ]:
        assert words in said, words
    assert "NOT VALID FOR TRAVEL" not in said


def test_family_lines_are_in_dari(sadat_pdf):
    (said,) = page_texts(sadat_pdf)
    for words in [
        "تصدیق آمادگی صحی برای سفر",  # fitness to travel certificate
        "واحد سادات",
        "نتیجه: آماده سفر با کمک",  # result: fit to travel with assistance
        "نمیتواند راه برود",  # WCHC in plain words
        "اکسیجن در طیاره",  # oxygen on board
        "یک نرس",  # a nurse travels along
        "این برگه تا پنجشنبه ۵ مارچ",  # valid until Thursday 5 March, Persian digits
        "این برگه را همراه اسناد سفر خود نگه دارید",  # keep this paper...
        "درباره مریضی یا تداوی نیست",  # nothing about illness or treatment on it
    ]:
        assert words in said, words


def test_pashto_and_english_only_families():
    pashto = replace(SADAT, language="pashto", state="cleared", ssr_codes=(), escort=None)
    (said,) = page_texts(render_certificates([pashto]))
    assert "د سفر لپاره د روغتیايي چمتووالي تصدیق" in said
    assert "پایله: سفر ته چمتو" in said
    assert "No escort needed" in said and "None needed" in said
    (said,) = page_texts(render_certificates([replace(SADAT, language=None)]))
    assert "Keep this paper with your travel documents and show it at the airport if asked." in (
        said.replace("\n", " ").replace("\r", "")
    )
    assert "نتیجه" not in said


def test_barcode_decodes_to_the_case_number_on_every_page():
    pdf = render_certificates([SADAT, replace(SADAT, name="Shakila Sadat", sex="F")])
    assert barcodes(pdf) == [["SHG-2026-00042"], ["SHG-2026-00042"]]


@pytest.mark.parametrize(
    ("state", "words", "dari"),
    [
        ("pending", "Pending", "در انتظار نتیجه"),
        ("not_cleared", "Not fit to travel", "آماده سفر نیست"),
        ("expired", "Expired", "اعتبار آن تمام شده است"),
    ],
)
def test_a_person_not_cleared_gets_no_assistance_and_a_clear_warning(state, words, dari):
    cert = replace(SADAT, state=state, ssr_codes=(), escort=None)
    if state != "expired":
        cert = replace(cert, valid_until=None)
    (said,) = page_texts(render_certificates([cert]))
    assert words in said
    assert "NOT VALID FOR TRAVEL" in said
    assert "Not applicable: not cleared to travel" in said
    assert dari in said and "هنوز نمیتواند سفر کند" in said
    assert ("— expired" in said) == (state == "expired")


def test_never_examined_has_no_validity_and_nothing_to_sign():
    cert = replace(
        SADAT,
        state="pending",
        category="",
        ssr_codes=(),
        escort=None,
        examined_at=None,
        examination="",
        valid_until=None,
        examiner="",
        clinic="",
    )
    (said,) = page_texts(render_certificates([cert]))
    assert "Not examined yet" in said and "No clearance to travel" in said
    assert "Signature of the examiner" not in said


def test_times_are_printed_in_office_time_with_the_offset():
    # 07:00 UTC in summer is 09:00 in Tirana (UTC+02:00)
    summer = replace(SADAT, valid_until=datetime(2026, 7, 1, 7, 0, tzinfo=UTC))
    (said,) = page_texts(render_certificates([summer]))
    assert "Wednesday 1 July 2026, 09:00 Tirana time (UTC+02:00)" in said
    with pytest.raises(ValueError, match="time zone"):
        render_certificates([replace(SADAT, valid_until=datetime(2026, 7, 1, 9))])


def test_the_record_has_no_room_for_medical_details():
    fields = {f.name for f in dataclasses.fields(Certificate)}
    for word in ("diagnos", "note", "pregnan", "oxygen", "lpm", "treatment", "review"):
        assert not any(word in name for name in fields), word


def test_a_full_certificate_still_fits_one_page():
    crowded = replace(
        SADAT,
        name="Mohammad Abdul Rahman Ahmadzai Popalzai Barakzai",
        ssr_codes=("WCHC", "OXYG", "MEDA", "BLND", "DEAF", "DPNA", "MAAS"),
        escort="doctor",
        examiner="Dr " + "Hoxha " * 20,
        clinic="International Organization for Migration medical clinic, " * 2,
    )
    pages = page_texts(render_certificates([crowded, SADAT]))
    assert len(pages) == 2
    assert "DPNA – Intellectual or developmental disability; needs assistance" in pages[0]
    assert "Intellectual or developmental disability" in pages[0]
    assert "یک داکتر" in pages[0]


def test_metadata_is_neutral_and_output_repeatable(sadat_pdf):
    document = pdfium.PdfDocument(sadat_pdf)
    try:
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    assert metadata["Title"] == "Fitness to travel certificates"
    assert not any("Sadat" in v or "SHG" in v for v in metadata.values())
    assert render_certificates([SADAT]) == sadat_pdf


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"state": "cleared_maybe"}, "state code 'cleared_maybe'"),
        ({"ssr_codes": ("DEPA",)}, "ssr code 'DEPA'"),
        ({"escort": "uncle"}, "escort code 'uncle'"),
        ({"sex": "Q"}, "sex 'Q'"),
        ({"language": "urdu"}, "'urdu'"),
    ],
)
def test_unknown_codes_are_clear_errors(changes, message):
    with pytest.raises(ValueError, match=message):
        render_certificates([SADAT, replace(SADAT, **changes)])
    with pytest.raises(ValueError, match="No certificates"):
        render_certificates([])


# -- envelope ----------------------------------------------------------------------------------


def test_envelope_warns_and_lists_the_documents_without_content():
    pdf = render_envelope(ENVELOPE)
    (said,) = page_texts(pdf)
    for words in [
        "MEDICAL-IN-CONFIDENCE",
        "To be opened only by medical staff",
        "SHG-2026-00042",
        "3 enclosed",
        "Wahid Sadat",
        "Shakila Sadat",
        "Health assessment",
        "Pre-embarkation check (PEC)",
        "Pre-departure medical screening",
        "10 February 2026",
        "20 February 2026",
        "Prepared by Dr Arben Hoxha on 3 March 2026",
        "این پاکت را باز نکنید",  # do not open this envelope
        "به داکتر بدهید",  # give it to the doctor
    ]:
        assert words in said, words
    assert "Persons" in said
    assert barcodes(pdf) == [["SHG-2026-00042"]]


def test_a_long_envelope_list_runs_on_and_keeps_the_warning():
    many = tuple(
        EnclosedDocument(f"Person {n} Sadat", "Follow-up", date(2026, 2, 1 + n % 27))
        for n in range(1, 41)
    )
    pages = page_texts(render_envelope(replace(ENVELOPE, documents=many, language="pashto")))
    assert len(pages) == 2
    assert all("MEDICAL-IN-CONFIDENCE" in page and "SHG-2026-00042" in page for page in pages)
    assert all(any(f"Person {n} Sadat" in page for page in pages) for n in range(1, 41))
    assert "page 2 of 2" in pages[1] and "continued" in pages[1].lower()
    assert "دا لفافه مه خلاصوئ" in pages[0]  # do not open, in Pashto


def test_an_empty_envelope_is_an_error():
    with pytest.raises(ValueError, match="no medical documents"):
        render_envelope(replace(ENVELOPE, documents=()))
