"""Finds text a window cuts short: labels narrower than their text, buttons narrower than
they ask to be, group titles wider than their box. Used by the pseudo-locale test, whose
strings are a third longer than English, as translations often are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabBar,
    QWidget,
)

#: pixels of slack (rounding in font metrics)
SLACK = 2


def _visible(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None and len(names) < 3:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _label_clipped(label: QLabel) -> bool:
    text = label.text()
    if not text or label.wordWrap() or Qt.mightBeRichText(text) or label.pixmap() is not None:
        return False
    metrics = label.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in text.replace("&&", "&").split("\n"))
    return needed > label.contentsRect().width() + SLACK


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area, where being partly out of sight is what scrolling is for."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _cut_by_parent(widget: QWidget) -> bool:
    """Part of the widget lies outside what its parents show (a status bar too narrow)."""
    if _scrolled(widget):
        return False
    return widget.visibleRegion().boundingRect().width() + SLACK < widget.width()


def _list_items_cut(box: QListWidget) -> list[str]:
    room = box.viewport().width()
    icon = box.iconSize().width()
    metrics = box.fontMetrics()
    return [
        box.item(row).text()
        for row in range(box.count())
        if metrics.horizontalAdvance(box.item(row).text()) + icon + 16 > room + SLACK
    ]


def clipped(top: QWidget) -> list[str]:
    """``where: text`` of every visible text inside ``top`` that does not fit."""
    found: list[str] = []
    for label in top.findChildren(QLabel):
        if _visible(label, top) and (_label_clipped(label) or _cut_by_parent(label)):
            found.append(f"{_where(label)}: {label.text()!r}")
    for button in top.findChildren(QAbstractButton):
        if not _visible(button, top) or not button.text():
            continue
        if button.sizeHint().width() > button.width() + SLACK or _cut_by_parent(button):
            found.append(f"{_where(button)}: {button.text()!r}")
    for box in top.findChildren(QListWidget):
        if _visible(box, top) and box.objectName() == "sidebar":
            found.extend(f"{_where(box)}: item {text!r}" for text in _list_items_cut(box))
    for box in top.findChildren(QGroupBox):
        title = box.title()
        wide = title and box.fontMetrics().horizontalAdvance(title) + 24 > box.width() + SLACK
        if _visible(box, top) and wide:
            found.append(f"{_where(box)}: {title!r}")
    for bar in top.findChildren(QTabBar):
        if not _visible(bar, top) or bar.usesScrollButtons():
            continue
        for index in range(bar.count()):
            if bar.tabRect(index).width() + SLACK < bar.tabSizeHint(index).width():
                found.append(f"{_where(bar)}: tab {bar.tabText(index)!r}")
    return found
