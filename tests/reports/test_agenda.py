"""The day's agenda: a table over as many pages as it takes, with a signature column."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest

from reports.agenda import render_agenda
from reports.records import Agenda, AgendaRow, Place
from tests.pdf_reading import page_texts

TIRANE = ZoneInfo("Europe/Tirane")
DAY = date(2026, 3, 31)
KINDS = ("interview", "medical_exam", "lab_xray", "pec", "orientation")
STATUSES = ("scheduled", "notified", "attended", "no_show", "cancelled")


def make_rows(count: int) -> tuple[AgendaRow, ...]:
    start = datetime(2026, 3, 31, 8, 0, tzinfo=TIRANE)
    return tuple(
        AgendaRow(
            starts_at=start + timedelta(minutes=5 * n),
            duration_minutes=30,
            case_number=f"SHG-2026-{n + 1:05d}",
            principal_name="Ahmad Karimi" if n % 2 else "Zarghuna Karimi",
            attendee_count=1 + n % 6,
            kind=KINDS[n % len(KINDS)],
            status=STATUSES[n % len(STATUSES)],
            detail="interviewer J. Smith; interpreter: Dari" if n % 3 == 0 else "",
            place_name="IOM clinic Lezhë" if n % 2 else "IOM office Shëngjin",
        )
        for n in range(count)
    )


def make_agenda(rows: tuple[AgendaRow, ...], place: Place | None = None) -> Agenda:
    return Agenda(
        day=DAY,
        place=place,
        rows=rows,
        office_name="IOM Albania – Shëngjin field office",
        printed_at=datetime(2026, 3, 30, 16, 5, tzinfo=TIRANE),
        printed_by="admin",
    )


@pytest.fixture(scope="module")
def long_day() -> list[str]:
    return page_texts(render_agenda(make_agenda(make_rows(120))), normalise=False)


def test_a_long_day_spans_pages_with_the_header_on_each(long_day):
    assert len(long_day) >= 4
    total = len(long_day)
    for number, page in enumerate(long_day, start=1):
        assert "Daily agenda — All places — Tuesday 31 March 2026" in page
        assert "Case number" in page and "Signature / present" in page
        assert f"Page {number} of {total}" in page
        assert "Printed Monday 30 March 2026, 16:05 by admin" in page


def test_every_row_is_printed_once(long_day):
    every = "\n".join(long_day)
    for n in range(1, 121):
        assert every.count(f"SHG-2026-{n:05d}") == 1
    assert "08:00" in long_day[0] and "17:55" in long_day[-1]
    assert "Medical examination" in every and "Cancelled" in every


def test_place_column_only_when_the_agenda_covers_every_place(long_day):
    assert "Place" in long_day[0] and "IOM clinic Lezhë" in long_day[0]
    place = Place("IOM office Shëngjin", "Rruga Lidhja e Lezhës, Shëngjin")
    (page, *_) = page_texts(render_agenda(make_agenda(make_rows(3), place)), normalise=False)
    assert "Daily agenda — IOM office Shëngjin — Tuesday 31 March 2026" in page
    assert "IOM clinic Lezhë" not in page


def test_empty_day_says_so():
    pdf = render_agenda(make_agenda(()))
    (page,) = page_texts(pdf, normalise=False)
    assert "No appointments" in page
    assert "Page 1 of 1" in page


def test_metadata_is_neutral():
    document = pdfium.PdfDocument(render_agenda(make_agenda(make_rows(2))))
    try:
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    assert metadata["Title"] == "Daily agenda"
    assert not any("Karimi" in value for value in metadata.values())


def test_unknown_status_or_kind_is_a_clear_error():
    (row,) = make_rows(1)
    with pytest.raises(ValueError, match="status 'lost'"):
        render_agenda(make_agenda((AgendaRow(**{**row.__dict__, "status": "lost"}),)))
    with pytest.raises(ValueError, match="appointment kind 'haircut'"):
        render_agenda(make_agenda((AgendaRow(**{**row.__dict__, "kind": "haircut"}),)))
