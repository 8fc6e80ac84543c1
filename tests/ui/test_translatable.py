"""Every visible string of the interface goes through tr() (see tests/ui/translatable.py)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.translatable import ui_files, untranslated

ROOT = Path(__file__).resolve().parents[2]
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_no_visible_text_escapes_tr() -> None:
    problems = [line for path in ui_files(ROOT / "desktop" / "ui") for line in untranslated(path)]
    assert problems == []


def test_colours_come_from_the_palette() -> None:
    palette = ROOT / "desktop" / "ui" / "kit" / "palette.py"
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ui_files(ROOT / "desktop" / "ui")
        if path != palette
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _COLOUR.search(line)
    ]
    assert found == []


def test_the_checker_finds_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Plain text', self)\n"
        "button.setText(tr('Fine'))\n"
        "other.setToolTip(tr(f'Formatted {x}'))\n"
        "Column('Title', str)\n"
        "Column(tr_noop('Marked'), str)\n"
        "muted(tr('{n} left').format(n=1), self)\n"
        "box.setTitle('•')\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in untranslated(sample)]
    assert found == [
        "text given to QLabel() without tr()",
        "tr() needs the text as written (no f-string, + or format)",
        "Column title must be tr_noop(...)",
    ]


def test_every_code_the_registry_shows_has_a_marked_title() -> None:
    from desktop.services.registry.household_types import CUSTODY
    from desktop.services.vocabulary import DOCUMENT_TYPES, RELATIONSHIPS
    from desktop.ui.registry.vocabulary import CODE_TITLES, DOC_TITLES

    codes = {*RELATIONSHIPS, *DOCUMENT_TYPES, *CUSTODY}
    assert codes - set(CODE_TITLES) - set(DOC_TITLES) == set()
