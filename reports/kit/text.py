"""Lines of text shaped by HarfBuzz and put in visual order by the Unicode bidi algorithm.

Dari and Pashto need both. Letters change shape with their neighbours: HarfBuzz picks the
joined forms from the font (Pashto's ښ ټ ډ ګ ځ څ ړ ږ ۍ ې have no Unicode presentation
forms, so reshaping by code point cannot join them). And a right-to-left line may hold
left-to-right runs (a time, a date, a case number, a Latin name) that keep their own order.

Bidi is applied to one LINE at a time, after wrapping: applied to a whole paragraph it
would put the paragraph's last line first.

What the PDF says when copied or searched: every glyph is written with a code whose
ToUnicode entry is the character(s) it shows (fonts.Face.code), so Dari and Pashto come
back as plain letters, not presentation forms or Private Use characters. Both pdftotext and
pdfium read them in logical order; they drop ZWNJ, and pdfium puts a vowel mark (rare in
print) on a line of its own. A character the font draws as several glyphs (none seen so
far) is wrapped in an /ActualText span instead.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

import uharfbuzz as hb
from bidi import algorithm as uba
from reportlab.pdfgen.canvas import Canvas

from reports.kit import fonts
from reports.kit.fonts import Script

Align = Literal["left", "right", "center"]

# Naskh letters are small for their point size next to Noto Sans; this evens them out.
ARABIC_SCALE = 1.12
# Vertical room a line needs, in font sizes: Naskh reaches further above and below.
_ASCENT: dict[Script, float] = {"latin": 0.93, "arabic": 0.92}
_DESCENT: dict[Script, float] = {"latin": 0.3, "arabic": 0.46}
_HB_SCRIPT: dict[Script, str] = {"latin": "Latn", "arabic": "Arab"}
ZWNJ = "\u200c"


@dataclass(frozen=True)
class Glyph:
    code: str  # the character written to draw this glyph (see fonts.Face.code)
    x: float  # origin from the left end of its run, in points
    y: float  # offset from the baseline (vowel marks, dots)


@dataclass(frozen=True)
class Cluster:
    glyphs: tuple[Glyph, ...]
    actual_text: str | None  # the logical characters, when the codes cannot say them


@dataclass(frozen=True)
class Run:
    """Characters of one direction and one font, shaped; glyphs left to right."""

    text: str  # logical order
    rtl: bool
    script: Script
    font: str
    size: float
    clusters: tuple[Cluster, ...]
    width: float


@dataclass(frozen=True)
class Line:
    """One line ready to draw: runs in visual order, left to right."""

    text: str  # logical order
    rtl: bool  # the paragraph direction (decides alignment and where neutrals go)
    size: float
    runs: tuple[Run, ...]
    width: float

    @property
    def ascent(self) -> float:
        return max((_ASCENT[r.script] * r.size for r in self.runs), default=self.size)

    @property
    def descent(self) -> float:
        scripts = [r.script for r in self.runs] or ["latin"]
        return max(
            _DESCENT[s] * self.size * (ARABIC_SCALE if s == "arabic" else 1) for s in scripts
        )

    @property
    def height(self) -> float:
        return self.ascent + self.descent


# -- bidi --------------------------------------------------------------------------------------


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Resolved embedding level of each character of one line (odd = right to left).

    python-bidi's pure-Python algorithm exposes the levels (its Rust get_display only the
    reordered string). It predates isolates and the bracket-pair rule, which slips do not
    need: brackets resolve by their neighbours and HarfBuzz mirrors them in RTL runs.
    """
    base = 1 if rtl else 0
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # rule X9 drops format characters such as ZWNJ from the list
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    # a dropped ZWNJ stays inside its word, where it stops the letters joining
    resolved: list[int] = []
    for level in levels:
        resolved.append(level if level is not None else (resolved[-1] if resolved else base))
    # rule L1: whitespace at the end of the line goes back to the paragraph level
    for index in range(len(text) - 1, -1, -1):
        if not text[index].isspace():
            break
        resolved[index] = base
    return resolved


def visual_order(levels: list[int]) -> list[int]:
    """Rule L2: indices of items in left-to-right order, given each item's level."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = reversed(order[start:end])
            start = end
    return order


def bidi_runs(text: str, rtl: bool) -> list[tuple[str, bool]]:
    """The runs of one line in visual order (left to right): (logical text, is RTL)."""
    levels = bidi_levels(text, rtl)
    runs = [(level, "".join(c for _, c in chars)) for level, chars in _level_groups(text, levels)]
    return [(runs[i][1], runs[i][0] % 2 == 1) for i in visual_order([lv for lv, _ in runs])]


def _level_groups(text: str, levels: list[int]) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    for level, group in groupby(enumerate(text), key=lambda item: levels[item[0]]):
        yield level, list(group)


# -- fonts per character -----------------------------------------------------------------------


def _scripts(text: str, levels: list[int]) -> list[Script]:
    """The font script of each character. Digits, spaces and punctuation take the script
    of the letters before them in the same level run (else after, else the direction's),
    then fall back to whichever font has a glyph for them."""
    result: list[Script] = []
    for level, group in _level_groups(text, levels):
        own = [fonts.script_of(c) for _, c in group]
        default: Script = "arabic" if level % 2 else "latin"
        current: Script = next((s for s in own if s is not None), default)
        for (_, char), script in zip(group, own, strict=True):
            current = script or current
            result.append(_covered(char, current))
    return result


def _covered(char: str, script: Script) -> Script:
    if fonts.face(fonts.font_name(script)).covers(char):
        return script
    other: Script = "latin" if script == "arabic" else "arabic"
    return other if fonts.face(fonts.font_name(other)).covers(char) else script


# -- shaping -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def shape_line(text: str, size: float, *, rtl: bool = False, bold: bool = False) -> Line:
    """Shape one line (no wrapping). ``rtl`` is the paragraph direction."""
    levels = bidi_levels(text, rtl)
    scripts = _scripts(text, levels)
    pieces: list[tuple[int, int, int, Script]] = []  # start, end, level, script
    start = 0
    for (level, script), group in groupby(zip(levels, scripts, strict=True)):
        end = start + len(list(group))
        pieces.append((start, end, level, script))
        start = end
    order = visual_order([level for _, _, level, _ in pieces])
    runs = tuple(_shape_run(text, *pieces[i], size=size, bold=bold) for i in order)
    return Line(text, rtl, size, runs, sum(r.width for r in runs))


def _shape_run(
    text: str, start: int, end: int, level: int, script: Script, *, size: float, bold: bool
) -> Run:
    face = fonts.face(fonts.font_name(script, bold))
    run_size = size * (ARABIC_SCALE if script == "arabic" else 1.0)
    scale = run_size / face.upem
    buffer = hb.Buffer()
    # the whole line goes in; the characters outside the run are context for joining
    buffer.add_str(text, start, end - start)
    buffer.direction = "rtl" if level % 2 else "ltr"
    buffer.script = _HB_SCRIPT[script]
    # ZWNJ has done its work (the letters around it do not join) and draws nothing
    buffer.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    # one cluster per character where the font allows it, so each glyph can say its letter
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(face.hb_font, buffer, {})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], end], strict=True))
    clusters = []
    pen = 0.0
    for cluster, group in groupby(zip(infos, positions, strict=True), key=lambda g: g[0].cluster):
        chars = text[cluster : ends[cluster]]
        shaped = list(group)
        codes = _codes(face, [info.codepoint for info, _ in shaped], chars)
        glyphs = []
        for (_, position), code in zip(shaped, codes, strict=True):
            x, y = pen + position.x_offset * scale, position.y_offset * scale
            glyphs.append(Glyph(code, x, y))
            pen += position.x_advance * scale
        said = len(codes) == 1 or "".join(codes) == chars.replace(ZWNJ, "")
        clusters.append(Cluster(tuple(glyphs), None if said else chars))
    return Run(text[start:end], level % 2 == 1, script, face.name, run_size, tuple(clusters), pen)


def _codes(face: fonts.Face, glyphs: list[int], chars: str) -> list[str]:
    """What to write for each glyph of one cluster so that the PDF says ``chars``."""
    # ZWNJ has done its work (HarfBuzz removed it after shaping). Kept in the text, both
    # pdfium and poppler move it to the wrong side of the letter when reading back.
    chars = chars.replace(ZWNJ, "")
    if len(glyphs) == 1:  # a letter, or a ligature of several
        return [face.code(glyphs[0], chars)]
    # rare: a character the font draws as several glyphs; the caller adds /ActualText
    codes = []
    for glyph in glyphs:
        own = [c for c in face.codes_for_glyph(glyph) if c in chars]
        codes.append(min(own) if own else face.code(glyph, ""))
    return codes


# -- wrapping ----------------------------------------------------------------------------------


def wrap(
    text: str, size: float, width: float, *, rtl: bool = False, bold: bool = False
) -> list[Line]:
    """Break ``text`` into lines no wider than ``width`` (at spaces; a word longer than
    the line is cut), then shape each line on its own. ``\\n`` starts a new line."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        whole = shape_line(" ".join(paragraph.split()), size, rtl=rtl, bold=bold)
        if whole.width <= width:  # most labels and values fit: one shaping, no search
            lines.append(whole)
            continue
        space = shape_line(" ", size, rtl=rtl, bold=bold).width
        current, estimate = "", 0.0
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            # words do not join across spaces, so their widths add up; shape the whole
            # candidate only near the edge, where kerning or bidi could tip it over
            estimate += (space if current else 0.0) + shape_line(
                word, size, rtl=rtl, bold=bold
            ).width
            if estimate <= width * 0.95 or (
                estimate <= width * 1.05
                and shape_line(candidate, size, rtl=rtl, bold=bold).width <= width
            ):
                current = candidate
                continue
            if current:
                lines.append(shape_line(current, size, rtl=rtl, bold=bold))
            pieces = _cut(word, size, width, rtl=rtl, bold=bold)
            lines.extend(shape_line(p, size, rtl=rtl, bold=bold) for p in pieces[:-1])
            current = pieces[-1]
            estimate = shape_line(current, size, rtl=rtl, bold=bold).width
        lines.append(shape_line(current, size, rtl=rtl, bold=bold))
    return lines


def _cut(word: str, size: float, width: float, *, rtl: bool, bold: bool) -> list[str]:
    pieces = [""]
    for char in word:
        candidate = pieces[-1] + char
        too_wide = shape_line(candidate, size, rtl=rtl, bold=bold).width > width
        if too_wide and pieces[-1] and not unicodedata.combining(char):
            pieces.append(char)
        else:
            pieces[-1] = candidate
    return pieces


# -- drawing -----------------------------------------------------------------------------------


def draw_line(
    canvas: Canvas,
    line: Line,
    x: float,
    baseline: float,
    *,
    width: float | None = None,
    align: Align | None = None,
) -> None:
    """Draw ``line`` with its baseline at ``baseline``. With ``width``, align it inside
    [x, x + width]: right for a right-to-left line unless ``align`` says otherwise."""
    if width is not None:
        align = align or ("right" if line.rtl else "left")
        if align == "right":
            x += width - line.width
        elif align == "center":
            x += (width - line.width) / 2
    for run in line.runs:
        _draw_run(canvas, run, x, baseline)
        x += run.width


def _draw_run(canvas: Canvas, run: Run, x: float, baseline: float) -> None:
    # clusters that say themselves share one text object; each other one gets its own span
    for plain, group in groupby(run.clusters, key=lambda c: c.actual_text is None):
        clusters = list(group)
        if plain:
            _draw_glyphs(canvas, run, [g for c in clusters for g in c.glyphs], x, baseline)
            continue
        for cluster in clusters:
            assert cluster.actual_text is not None
            hex_text = cluster.actual_text.encode("utf-16-be").hex().upper()
            canvas.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
            _draw_glyphs(canvas, run, cluster.glyphs, x, baseline)
            canvas.addLiteral("EMC")


def _draw_glyphs(
    canvas: Canvas, run: Run, glyphs: Sequence[Glyph], x: float, baseline: float
) -> None:
    # every glyph is placed on its own: HarfBuzz's advances and mark offsets, not the
    # font's default widths, decide where it goes
    text = canvas.beginText()
    text.setFont(run.font, run.size)
    for glyph in glyphs:
        text.setTextOrigin(x + glyph.x, baseline + glyph.y)
        text.textOut(glyph.code)
    canvas.drawText(text)
