"""The main window: a sidebar of areas, the current area, a status bar.

It hosts pages built by ``app.py``; it does not know what each area does. Every page
hears the change notices (and reloads what it shows); the status bar shows a busy
indicator while an operation the current page started runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import qtawesome as qta
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, Signal, SignalInstance, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.services.office.permissions import ROLE_TITLES
from desktop.services.office.session import OfficeInfo
from desktop.services.office.versions import component_versions
from desktop.ui.admin.user_dialogs import ChangeOwnPasswordDialog
from desktop.ui.context import UiContext
from desktop.ui.kit import operations, palette
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import DemoBanner, heading


def window_title(info: OfficeInfo) -> str:
    """ "Departure Desk - Shëngjin", marked "[DEMO]" in a demo office."""
    title = tr("{app} - {office}").format(app=APP_NAME, office=info.name)
    return tr("[DEMO] {title}").format(title=title) if info.demo else title


#: the sidebar's width: at least this, and never more than that
SIDEBAR_MIN, SIDEBAR_MAX = 210, 320


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, context: UiContext, pages: Sequence[Page]) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self._actor = context.actor
        self._info = info = context.info
        self._change_password = context.services.accounts.change_own_password
        self._quitting_by_request = False
        #: pages with a (not quiet) operation running
        self._busy_pages: set[str] = set()
        self.setWindowTitle(window_title(info))
        self.resize(1100, 720)
        self.pages: list[Page] = list(pages)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        for page in self.pages:
            # every page hears what changed; each reloads if it shows it
            context.notices.changed.connect(page.on_change)
            busy: SignalInstance = operations.busy_signal(page)
            busy.connect(lambda now, key=page.key: self._page_busy(key, now))
        self.sidebar.currentRowChanged.connect(self._show_page)
        if self.pages:
            self.sidebar.setCurrentRow(0)

    # -- layout ---------------------------------------------------------------------
    def _build_body(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if self._info.demo:
            outer.addWidget(DemoBanner(central))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        outer.addLayout(row, 1)

        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet("QListWidget#sidebar { padding: 8px; font-size: 11pt; }")
        self.stack = QStackedWidget(central)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        for page in self.pages:
            item = QListWidgetItem(qta.icon(page.icon, color=palette.INK), tr(page.title))
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.sidebar.addItem(item)
            self.stack.addWidget(page)
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest title (translations run longer), within limits."""
        self.sidebar.ensurePolished()  # its style sheet sets the font measured here
        metrics = self.sidebar.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.sidebar.item(r).text())
                for r in range(self.sidebar.count())
            ),
            default=0,
        )
        # icon, its gap, the list's padding and frame, and room for a scroll bar
        chrome = self.sidebar.iconSize().width() + 2 * 8 + 2 * 8 + 20
        self.sidebar.setFixedWidth(max(SIDEBAR_MIN, min(SIDEBAR_MAX, widest + chrome)))

    def _build_menus(self) -> None:
        office_menu = self.menuBar().addMenu(tr("&Office"))
        change = QAction(qta.icon("fa6s.key"), tr("Change my &password…"), self)
        change.triggered.connect(self.change_own_password)
        office_menu.addAction(change)
        self.lock_action = QAction(qta.icon("fa6s.lock"), tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        office_menu.addAction(self.lock_action)
        office_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        office_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(tr("&Go"))
        for number, page in enumerate(self.pages, start=1):
            action = QAction(tr(page.title), self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, r=number - 1: self.sidebar.setCurrentRow(r))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(tr("&Help"))
        about = QAction(qta.icon("fa6s.circle-info"), tr("&About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        titles = sorted(tr(ROLE_TITLES[r]) for r in self._actor.roles)
        roles = ", ".join(titles) or tr("no roles")
        # a small office's single user holds every role: the list goes in the tool tip
        shown = (
            roles
            if len(titles) <= 2
            else plural(len(titles), tr_noop("{n} role"), tr_noop("{n} roles"))
        )
        self.user_label = QLabel(
            tr("Signed in as {user} ({roles})").format(user=self._actor.username, roles=shown),
            self,
        )
        self.user_label.setToolTip(roles)
        self.user_label.setObjectName("statusUser")
        office = QLabel(
            tr("Office {code} - {name}").format(code=self._info.code, name=self._info.name), self
        )
        office.setObjectName("statusOffice")
        folder = QLabel(tr("Data: {folder}").format(folder=self._info.data_dir), self)
        folder.setObjectName("statusDataDir")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a thin bar that moves while the current page waits for its operations
        self.busy_indicator = QProgressBar(self)
        self.busy_indicator.setObjectName("pageBusy")
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.setFixedSize(80, 10)
        self.busy_indicator.setToolTip(tr("Working…"))
        self.busy_indicator.setAccessibleName(tr("Working…"))
        self.busy_indicator.hide()
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(office)
        bar.addPermanentWidget(self.busy_indicator)
        bar.addPermanentWidget(folder)

    # -- behaviour ------------------------------------------------------------------
    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            page = self.pages[row]
            self.stack.setCurrentWidget(page)
            self._show_busy()
            page.refresh()  # a page loads in the background; its errors stay on the page

    def _page_busy(self, key: str, busy: bool) -> None:
        if busy:
            self._busy_pages.add(key)
        else:
            self._busy_pages.discard(key)
        self._show_busy()

    def _show_busy(self) -> None:
        current = self.stack.currentWidget()
        busy = isinstance(current, Page) and current.key in self._busy_pages
        self.busy_indicator.setVisible(busy)

    def page_busy(self) -> bool:
        """Whether the busy indicator shows (the current page waits for an operation)."""
        return self.busy_indicator.isVisibleTo(self)

    def page(self, key: str) -> Page:
        for page in self.pages:
            if page.key == key:
                return page
        raise KeyError(key)

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.pages.index(self.page(key)))

    def drafts(self) -> dict[str, dict[str, Any]]:
        return {p.key: d for p in self.pages if (d := p.draft()) is not None}

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        for key, draft in drafts.items():
            try:
                page = self.page(key)
            except KeyError:
                continue
            self.show_page(key)
            page.restore_draft(draft)

    def close_for_lock(self) -> None:
        """Close dialogs and the window without asking anything: the office locks."""
        for page in self.pages:
            page.close_for_lock()
        previews = sys.modules.get("desktop.ui.printing.pdf_preview")
        if previews is not None:  # only loaded once something was printed
            previews.close_pdf_previews()
        self._quitting_by_request = True
        self.close()

    def change_own_password(self) -> None:
        dialog = ChangeOwnPasswordDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        change = self._change_password
        dialog.submit(lambda passwords: change(*passwords))
        dialog.open()

    def show_about(self) -> None:
        dialog = AboutDialog(self, self._info)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting_by_request:
            self.quit_requested.emit()
        super().closeEvent(event)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, info: OfficeInfo) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(APP_NAME, self))
        text = QLabel(
            tr(
                "Offline case management for resettlement departures: registration, "
                "appointments, fitness to travel, movements and printed papers. Data is "
                "stored encrypted on this computer (SQLCipher) and unlocked per user."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        # names of software: the same in every language
        versions = [*component_versions(), ("Qt", qVersion()), ("PySide6", pyside_version)]
        for name, version in versions:
            form.addRow(name, QLabel(version, self))
        office = tr("{code} - {name}").format(code=info.code, name=info.name)
        form.addRow(tr("Office"), QLabel(office, self))
        folder = QLabel(str(info.data_dir), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Data folder"), folder)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
