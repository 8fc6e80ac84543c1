"""Finds visible text in the UI code that does not go through ``tr()``.

A literal with letters handed to a Qt text setter, a widget constructor or one of our
message helpers must be ``tr("...")`` (or ``tr("...").format(...)``); a column title or a
page title must be marked ``tr_noop("...")``; ``tr()`` itself must get a plain literal,
never an f-string (it would be formatted before it is looked up). Used by
tests/ui/test_translatable.py and by hand::

    python -m tests.ui.translatable desktop/ui/medical
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

#: calls whose arguments a person reads: name -> the positions that hold text
#: (None: every positional argument)
TEXT_CALLS: dict[str, tuple[int, ...] | None] = {
    # widgets and items built with their text
    "QLabel": (0,),
    "QPushButton": (0, 1),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0, 1),
    "QToolButton": (0,),
    "QListWidgetItem": (0, 1),
    "QMenu": (0,),
    # setters
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addTab": (1, 2),
    "insertTab": (2, 3),
    "setItemText": (1,),
    "setHorizontalHeaderLabels": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setLabelText": (0,),
    "setFormat": (0,),
    "addItem": (0, 1),
    "insertItem": (1, 2),
    "addRow": (0,),
    "addMenu": (0, 1),
    "addAction": (0, 1),
    "addButton": (0,),
    "showMessage": (0,),
    # our helpers
    "heading": (0,),
    "muted": (0,),
    "show_error": None,
    "show_notice": (0,),
    "show_info": None,
    "confirm": None,
    "show_still_needed": (0,),
    "add_button": (2, 5),
    "ServiceDialog": (1,),
    "FormDialog": (1,),
    "CheckedFormDialog": (1,),
}
#: keyword arguments that carry text whatever the call
TEXT_KEYWORDS = {"text", "title", "tip", "message", "question", "label", "placeholder"}
#: calls whose first argument is a title to be marked for later translation
MARKED_CALLS = {"Column"}
_LETTERS = re.compile(r"[A-Za-z]{2,}")
#: first arguments of addItem/addAction etc. that are not text (icons, widgets)
_NOT_TEXT_CALLS = {"icon", "qta.icon", "QIcon"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _has_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_LETTERS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_has_words(e) for e in node.elts)
    return False


def _is_call_to(node: ast.expr | None, *names: str) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in names


def _problems_in_call(call: ast.Call) -> Iterator[tuple[int, str]]:
    name = _name(call.func)
    if name in ("tr", "tr_noop"):
        # a literal, or a word marked with tr_noop elsewhere (a variable, a title lookup);
        # never text put together before the look-up
        first = call.args[0] if call.args else None
        if isinstance(first, (ast.JoinedStr, ast.BinOp)) or _is_call_to(first, "format"):
            yield call.lineno, f"{name}() needs the text as written (no f-string, + or format)"
        if name == "tr_noop" and not isinstance(first, ast.Constant):
            yield call.lineno, "tr_noop() marks a literal"
        return
    if name in MARKED_CALLS and call.args:
        first = call.args[0]
        if _has_words(first) and not _is_call_to(first, "tr_noop"):
            yield call.lineno, f"{name} title must be tr_noop(...)"
        return
    if name in TEXT_CALLS:
        positions = TEXT_CALLS[name]
        for index, argument in enumerate(call.args):
            if positions is not None and index not in positions:
                continue
            if _has_words(argument):
                yield argument.lineno, f"text given to {name}() without tr()"
    for keyword in call.keywords:
        if keyword.arg in TEXT_KEYWORDS and _has_words(keyword.value):
            yield keyword.value.lineno, f"{keyword.arg}= given without tr()"


def _page_titles(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if (
                isinstance(item, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "title" for t in item.targets)
                and _has_words(item.value)
                and not _is_call_to(item.value, "tr_noop")
            ):
                yield item.lineno, "a page title must be tr_noop(...)"


def untranslated(path: Path) -> list[str]:
    """``path:line: what`` for every visible text in ``path`` that escapes ``tr()``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = list(_page_titles(tree))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found.extend(_problems_in_call(node))
    return [f"{path}:{line}: {what}" for line, what in sorted(set(found))]


def ui_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]] or [Path("desktop/ui")]
    problems = [
        line
        for target in targets
        for path in (ui_files(target) if target.is_dir() else [target])
        for line in untranslated(path)
    ]
    print("\n".join(problems) or "every visible text goes through tr()")
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    sys.exit(1 if problems else 0)
