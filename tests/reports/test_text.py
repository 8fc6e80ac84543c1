"""Right-to-left lines: bidi order, HarfBuzz joining, wrapping, and what a PDF says back."""

from __future__ import annotations

import unicodedata
from io import BytesIO

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase import pdfmetrics

from reports.kit import text
from reports.kit.page import new_canvas


def extracted(pdf: bytes) -> str:
    """Page text as pdfium gives it, NFKC-normalised, ZWNJ dropped (pdfium drops it)."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return unicodedata.normalize("NFKC", "\n".join(pages)).replace("\u200c", "")


def render_lines(lines: list[tuple[str, bool]]) -> bytes:
    out = BytesIO()
    canvas = new_canvas(out, "test")
    y = 780.0
    for words, rtl in lines:
        line = text.shape_line(words, 12, rtl=rtl)
        text.draw_line(canvas, line, 50, y, width=480)
        y -= line.height + 8
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_dari_sentence_keeps_time_and_case_number_readable_in_place():
    sentence = "ساعت ۱۰:۳۰ برای پرونده SHG-2026-00042 بیایید."
    runs = text.bidi_runs(sentence, rtl=True)
    # left to right on paper: the sentence's end is on the left, its start on the right
    assert runs == [
        (" بیایید.", True),
        ("SHG-2026-00042", False),
        (" برای پرونده ", True),
        ("۱۰:۳۰", False),
        ("ساعت ", True),
    ]


def test_dari_name_inside_an_english_line_is_one_right_to_left_run():
    runs = text.bidi_runs("Ahmad Karimi – احمد کریمی (SHG-2026-00042)", rtl=False)
    assert runs == [("Ahmad Karimi – ", False), ("احمد کریمی", True), (" (SHG-2026-00042)", False)]


def test_visual_order_reverses_right_to_left_levels():
    assert text.visual_order([0, 1, 1, 2, 1, 0]) == [0, 4, 3, 2, 1, 5]
    assert text.visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]
    assert text.visual_order([0, 0]) == [0, 1]


def test_zwnj_and_trailing_space_get_levels():
    levels = text.bidi_levels("سه\u200cشنبه 10 ", rtl=True)
    assert len(levels) == len("سه\u200cشنبه 10 ")
    assert levels[2] == 1  # the ZWNJ stays inside its word
    assert levels[-1] == 1  # rule L1: trailing space at the paragraph level
    assert levels[-3:-1] == [2, 2]  # the digits run left to right


def glyph_ids(line: text.Line) -> list[int]:
    ids = []
    for run in line.runs:
        face = pdfmetrics.getFont(run.font).face
        ids += [face.charToGlyph[ord(g.code)] for c in run.clusters for g in c.glyphs]
    return ids


@pytest.mark.parametrize("word", ["پښتو", "ښځې", "ګټه", "څښئ", "کوچنۍ"])
def test_harfbuzz_joins_pashto_letters_that_have_no_presentation_forms(word):
    line = text.shape_line(word, 12, rtl=True)
    face = pdfmetrics.getFont(line.runs[0].font).face
    isolated = [face.charToGlyph[ord(c)] for c in reversed(word)]  # naive: letters alone
    shaped = glyph_ids(line)
    assert len(shaped) == len(isolated)
    assert shaped != isolated
    # every letter joins a neighbour (و only on its right), so none keeps its isolated form
    assert all(a != b for a, b in zip(shaped, isolated, strict=True))


def test_a_right_to_left_run_is_laid_out_right_to_left():
    line = text.shape_line("احمد", 12, rtl=True)
    (run,) = line.runs
    assert run.rtl
    first_letter = pdfmetrics.getFont(run.font).face.charToGlyph
    # the last glyph on the right is alef, the word's first letter
    assert first_letter[ord(run.clusters[-1].glyphs[0].code)] == first_letter[ord("ا")]


def test_mixed_line_uses_naskh_for_dari_and_noto_sans_for_latin():
    line = text.shape_line("پرونده SHG-2026-00042", 10, rtl=True)
    fonts_by_text = {run.text.strip(): run.font for run in line.runs}
    assert "Naskh" in fonts_by_text["پرونده"]
    assert "NotoSans" in fonts_by_text["SHG-2026-00042"]


def test_wrap_keeps_lines_within_width_and_in_reading_order():
    words = "اگر نمی‌توانید بیایید، پیش از آن روز به دفتر IOM یا شخص رابط خود خبر بدهید."
    lines = text.wrap(words, 10, 120, rtl=True)
    assert len(lines) >= 3
    assert all(line.width <= 120 for line in lines)
    assert lines[0].text.startswith("اگر")  # bidi per line: the first words stay on top
    assert " ".join(line.text for line in lines) == words


def test_wrap_cuts_a_word_longer_than_the_line():
    lines = text.wrap("SHG-2026-00042-SHG-2026-00042", 10, 60)
    assert len(lines) > 1
    assert all(line.width <= 60 for line in lines)
    assert "".join(line.text for line in lines) == "SHG-2026-00042-SHG-2026-00042"


def test_pdf_says_dari_and_pashto_words_in_logical_order():
    lines = [
        ("سه‌شنبه ۳۱ مارچ ۲۰۲۶", True),
        ("زرغونه کریمی", True),
        ("د پاسپورټونو ګډون، ښه راغلاست", True),
        ("درېشنبه، څلورشنبه، پنځشنبه", True),
    ]
    said = extracted(render_lines(lines))
    # plain letters (no presentation forms, no Private Use codes), logical order
    for word in ["سهشنبه", "مارچ", "زرغونه کریمی", "پاسپورټونو ګډون", "ښه راغلاست", "پنځشنبه"]:
        assert word in said
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in said)


def test_same_lines_give_the_same_bytes():
    lines = [("د مهاجرت مرکه ۱۰:۳۰", True), ("Ahmad Karimi – احمد کریمی", False)]
    assert render_lines(lines) == render_lines(lines)


def test_wrap_of_many_mixed_paragraphs_never_overflows_and_loses_no_word():
    import random

    words = ["Ahmad", "Karimi", "پاسپورټونه", "د", "مهاجرت", "مرکه", "10:30", "SHG-2026-00042",
             "کریمی", "appointment", "(IOM)", "سه‌شنبه"]  # fmt: skip
    rng = random.Random(4)
    for _ in range(200):
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        rtl = rng.random() < 0.5
        width = rng.uniform(90, 300)  # wider than any one word: none is cut
        lines = text.wrap(paragraph, 9, width, rtl=rtl)
        assert all(line.width <= width for line in lines if " " in line.text)
        assert " ".join(line.text for line in lines).split() == paragraph.split()
