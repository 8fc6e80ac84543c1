"""Household windows: one per case, opened from any page, reloaded when what they show
changes anywhere in the office (they listen to the change notices), closed on lock.

A window opened without a parent belongs to Python. It is kept here until Qt has deleted
it, and deleted at once when the office locks: left to the garbage collector (its
operations refer back to it), it could be deleted from whichever thread collects it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken, isValid

from desktop.services.changes import Change
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.registry.case_view import CaseView

#: builds the window of a case (the services it needs are bound in by the caller)
WindowFactory = Callable[[str, QWidget | None], CaseView]
#: what pages are given to open a household: ``CaseWindows.open``
OpenCase = Callable[[str, QWidget | None], CaseView]


class CaseWindows(QObject):
    def __init__(
        self, build: WindowFactory, notices: ChangeNotices, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._open: dict[str, CaseView] = {}
        notices.changed.connect(self._changed)

    def open(self, case_id: str, parent: QWidget | None = None) -> CaseView:
        """Show the window of ``case_id``: the one already open, or a new one."""
        view = self._open.get(case_id)
        if view is not None and isValid(view):
            view.showNormal() if view.isMinimized() else view.show()
            if QGuiApplication.platformName() != "offscreen":  # which cannot raise windows
                view.raise_()
            view.activateWindow()
            return view
        view = self._build(case_id, parent)
        self._open[case_id] = view
        view.destroyed.connect(lambda _obj=None, c=case_id, v=view: self._forget(c, v))
        view.show()
        return view

    def views(self) -> list[CaseView]:
        return [v for v in self._open.values() if isValid(v)]

    def close_all(self) -> None:
        """Close and delete every household window (the office is about to be locked)."""
        for view in self.views():
            view.close()
            Shiboken.delete(view)  # now, on the GUI thread (see the module docstring)
        self._open.clear()

    def _changed(self, change: Change) -> None:
        for view in self.views():
            if view.shows(change):
                view.reload(quiet=True)

    def _forget(self, case_id: str, view: CaseView) -> None:
        if self._open.get(case_id) is view:
            del self._open[case_id]
