"""Translations: the sources are extracted, compiled and loaded; the pseudo-locale marks
every translated string."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.ui.kit import i18n
from desktop.ui.kit.i18n import install_translations, plural, pseudo, tr, tr_noop

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent
# the same options as `make translations`
LUPDATE = ["-extensions", "py", "-tr-function-alias", "QT_TR_NOOP+=tr_noop"]


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()  # noqa: S314 (our own file)
    return {
        (m.findtext("source") or "", m.findtext("comment") or "")
        for m in root.iter("message")
        if (m.find("translation") is None or m.find("translation").get("type") != "vanished")
    }


def test_the_translation_sources_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """Run `make translations` after changing visible text: translators work from the .ts."""
    committed = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    assert committed, "no translation sources in resources/i18n"
    for ts in committed:
        fresh = tmp_path / ts.name
        shutil.copy2(ts, fresh)
        subprocess.run(
            [
                str(TOOLS / "pyside6-lupdate"),
                *LUPDATE,
                "-locations",
                "none",
                "-no-obsolete",
                "-silent",
                "desktop/ui",
                "desktop/services",
                "-ts",
                str(fresh),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=120,
        )
        missing = _sources(fresh) - _sources(ts)
        stale = _sources(ts) - _sources(fresh)
        assert (missing, stale) == (set(), set()), f"run `make translations` ({ts.name})"


@pytest.fixture
def remove_translators(qapp):  # type: ignore[no-untyped-def]
    yield
    for translator, _data in i18n._LOADED:
        qapp.removeTranslator(translator)
    i18n._LOADED.clear()
    for translator in qapp.findChildren(i18n.PseudoTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_compiled_translation_is_loaded_and_used(qapp, tmp_path, remove_translators) -> None:
    ts = tmp_path / "departure_desk_sq.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="sq_AL">'
        "<context><name></name><message><source>Change status</source>"
        "<translation>Ndrysho statusin</translation></message></context></TS>",
        "utf-8",
    )
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ts)], check=True, timeout=60)
    assert install_translations(qapp, "sq", tmp_path) == "sq"
    assert tr("Change status") == "Ndrysho statusin"
    assert tr("Something not translated") == "Something not translated"
    assert install_translations(qapp, "xx", tmp_path) == "en"  # no file: English


def test_the_pseudo_locale_marks_lengthens_and_keeps_placeholders(qapp, remove_translators) -> None:
    assert install_translations(qapp, "pseudo") == "pseudo"
    text = tr("{count} people in <b>{place}</b>")
    assert text.startswith("[") and text.endswith("]")
    assert "{count}" in text and "{place}" in text and "<b>" in text
    assert len(text) > len("{count} people in <b>{place}</b>") * 1.2
    assert plural(1, tr_noop("{n} blocker"), tr_noop("{n} blockers")) == pseudo(
        "{n} blocker"
    ).format(n="1")
    assert QCoreApplication.translate("", "x") == pseudo("x")


def test_plural_picks_the_form_and_formats_the_count() -> None:
    assert plural(1, tr_noop("{n} blocker"), tr_noop("{n} blockers")) == "1 blocker"
    assert plural(1200, tr_noop("{n} blocker"), tr_noop("{n} blockers")) == "1,200 blockers"
