"""Composition root of the GUI: paths -> lock -> unlock -> services -> windows.

Order matters for start-up time: the unlock (or set-up) window is shown with
only QtWidgets loaded; SQLAlchemy, the services and qtawesome are imported on
a background thread while the user types, and used after the password.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME
from desktop.errors import KnownError, ThrottledError
from desktop.paths import demo_dir_for
from desktop.services.office.status import OfficeStatus, office_status
from desktop.startup import AfterFirstPaint, Preloader
from desktop.store.paths import OfficePaths
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import install_translations
from desktop.ui.kit.operations import QueryOp, WriteOp

if TYPE_CHECKING:
    from desktop.crash import CrashHandler
    from desktop.services.changes import Change
    from desktop.services.office.session import UnlockedOffice
    from desktop.store.lock import DataDirLock
    from desktop.ui.context import UiContext
    from desktop.ui.shell.idle import IdleWatcher
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.setup_window import NewOffice, SetupWindow
    from desktop.ui.shell.unlock_window import UnlockWindow

log = logging.getLogger("desktop.app")

DEMO_HOUSEHOLDS_DEFAULT = 200


def _close_unwanted(office: UnlockedOffice) -> None:
    """An office opened for a window that was closed meanwhile: lock it again at once."""
    office.close("logout")


class _CrashRelay(QObject):
    """Lives on the GUI thread; signals emitted from any thread arrive there."""

    crashed = Signal(object)
    known_error = Signal(str)


class DesktopApp(QObject):
    #: the data directory could not be taken after the first window was shown
    start_failed = Signal()

    def __init__(self, app: QApplication, data_dir: Path, *, dialogs_enabled: bool = True) -> None:
        super().__init__(app)
        self.app = app
        self.data_dir = data_dir
        dialogs.set_dialogs_enabled(dialogs_enabled)
        self.crash: CrashHandler | None = None
        self.lock: DataDirLock | None = None
        self.status: OfficeStatus | None = None
        self.office: UnlockedOffice | None = None
        self.unlock_window: UnlockWindow | None = None
        self.setup_window: SetupWindow | None = None
        self.main_window: MainWindow | None = None
        #: what the main window's pages were built from (None while locked)
        self.context: UiContext | None = None
        self.idle: IdleWatcher | None = None
        self.preloader: Preloader | None = None
        self._drafts: dict[str, dict[str, Any]] = {}
        self._drafts_owner: str | None = None
        self._first_paint: AfterFirstPaint | None = None
        self._relay = _CrashRelay(self)
        self._relay.crashed.connect(self._crashed)
        self._relay.known_error.connect(self._known_error)
        self.app.aboutToQuit.connect(self.shutdown)

    # -- start ------------------------------------------------------------------------
    def start(self) -> bool:
        """Show the first window; False if the data directory cannot be read at all.

        Everything that is not needed to draw the first window (the directory lock,
        logging, the crash handler, preloading) happens right after it is shown.
        """
        try:
            self.status = office_status(self.data_dir)
        except KnownError as exc:
            dialogs.show_error(None, APP_NAME, exc.message)
            return False
        if self.status.exists:
            window: QWidget = self._show_unlock()
        else:
            window = self._show_setup()
        self._first_paint = AfterFirstPaint(window, self._after_first_window)
        return True

    def _after_first_window(self) -> None:
        from desktop.crash import CrashHandler
        from desktop.logs import setup_logging
        from desktop.services.office.status import hold_data_dir

        paths = OfficePaths(self.data_dir)
        setup_logging(paths.logs)
        # the hooks may run on any thread; the relay brings the message to the GUI thread
        self.crash = CrashHandler(
            paths.crashes,
            notify=self._relay.crashed.emit,
            notify_known=self._relay.known_error.emit,
        )
        self.crash.install()
        log.info("starting")
        try:
            self.lock = hold_data_dir(self.data_dir)
        except KnownError as exc:
            dialogs.show_error(None, APP_NAME, exc.message)
            self._close_first_windows()
            self.shutdown()
            self.start_failed.emit()
            return
        self._start_preload()

    def _own_data_dir(self) -> bool:
        """Whether this process holds the data folder; takes it now if still pending."""
        if self.lock is None and self._first_paint is not None:
            self._first_paint.fire_now()  # input arrived before the first paint
        return self.lock is not None

    def _start_preload(self) -> None:
        self.preloader = Preloader()
        self.preloader.start()

    @property
    def preloaded(self) -> bool:
        """Everything the main window needs is loaded (the user was still typing)."""
        return self.preloader is not None and self.preloader.done

    def _show_unlock(self, prefill_user: str = "") -> UnlockWindow:
        from desktop.ui.shell.unlock_window import UnlockWindow

        assert self.status is not None
        window = UnlockWindow(
            self.status.name, self.status.code, self.status.data_dir, self.status.demo
        )
        window.unlock_requested.connect(self._unlock)
        if prefill_user:
            window.prefill_user(prefill_user)
        self.unlock_window = window
        window.show()
        return window

    def _show_setup(self) -> SetupWindow:
        from desktop.ui.shell.setup_window import SetupWindow

        window = SetupWindow(self.data_dir)
        window.create_requested.connect(self._create_office)
        window.demo_requested.connect(self._try_demo)
        self.setup_window = window
        window.show()
        return window

    # -- unlock and set-up ---------------------------------------------------------------
    def _unlock(self, username: str, password: str) -> None:
        from desktop.services.office import auth

        if not self._own_data_dir():
            return
        data_dir, window = self.data_dir, self.unlock_window
        assert window is not None
        WriteOp(window, lambda: auth.unlock(data_dir, username, password)).success(
            self._opened
        ).failure(self._unlock_failed).on_dropped(_close_unwanted).run()

    def _unlock_failed(self, error: KnownError) -> None:
        if self.unlock_window is None:
            return
        wait = error.wait_seconds if isinstance(error, ThrottledError) else 0
        self.unlock_window.show_error(error.message, wait)

    def _create_office(self, new: NewOffice) -> None:
        from desktop.services.office import auth

        if not self._own_data_dir():
            return
        data_dir, window = self.data_dir, self.setup_window
        assert window is not None
        WriteOp(
            window,
            lambda: auth.create_office(data_dir, new.code, new.name, new.admin, new.password),
        ).success(self._opened).failure(self._setup_failed).on_dropped(_close_unwanted).run()

    def _setup_failed(self, error: KnownError) -> None:
        if self.setup_window is not None:
            self.setup_window.show_error(error.message)

    def _try_demo(self) -> None:
        demo_dir = demo_dir_for(self.data_dir)
        try:
            exists = office_status(demo_dir).exists
        except KnownError as exc:
            dialogs.show_error(self.setup_window, APP_NAME, exc.message)
            return
        if exists:
            self._switch_to(demo_dir)
            return
        from desktop.ui.shell.setup_window import DemoDialog

        dialog = DemoDialog(self.setup_window, demo_dir)
        dialog.households.setValue(DEMO_HOUSEHOLDS_DEFAULT)
        dialog.accepted.connect(
            lambda: self._create_demo(
                demo_dir, dialog.passwords.password(), dialog.households.value()
            )
        )
        dialog.open()
        self.demo_dialog = dialog

    def _create_demo(self, demo_dir: Path, password: str, households: int) -> None:
        from desktop.services.demo import office as demo
        from desktop.services.office import auth

        assert self.setup_window is not None
        self.setup_window.set_busy(True)

        def work() -> UnlockedOffice:
            demo.create_demo_office(demo_dir, password, households)
            return auth.unlock(demo_dir, "admin", password)

        def switch_then_open(office: UnlockedOffice) -> None:
            try:
                self._switch_lock(demo_dir)
            except KnownError as exc:
                office.close("logout")
                self._setup_failed(exc)
                return
            self._opened(office)

        WriteOp(self.setup_window, work).success(switch_then_open).failure(
            self._setup_failed
        ).on_dropped(_close_unwanted).run()

    def _switch_lock(self, new_dir: Path) -> None:
        from desktop.logs import setup_logging
        from desktop.services.office.status import hold_data_dir

        new_lock = hold_data_dir(new_dir)
        if self.lock is not None:
            self.lock.release()
        self.lock = new_lock
        self.data_dir = new_dir
        self.status = office_status(new_dir)
        paths = OfficePaths(new_dir)
        setup_logging(paths.logs)
        if self.crash is not None:
            self.crash.crash_dir = paths.crashes

    def _switch_to(self, new_dir: Path) -> None:
        try:
            self._switch_lock(new_dir)
        except KnownError as exc:
            dialogs.show_error(self.setup_window, APP_NAME, exc.message)
            return
        self._close_first_windows()
        self._show_unlock("admin")

    # -- the unlocked office ----------------------------------------------------------------
    def _opened(self, office: UnlockedOffice) -> None:
        try:
            self._show_main_window(office)
        except KnownError as exc:
            self._abandon(office)
            self._report_open_failure(exc.message)
        except Exception:
            self._abandon(office)
            self._report_open_failure("The office could not be opened; see the report.")
            raise

    def _close_context(self) -> None:
        """Household windows close and change notices stop before the key is wiped."""
        if self.context is not None:
            self.context.case_windows.close_all()
            self.context.notices.close()
            self.context = None

    def _abandon(self, office: UnlockedOffice) -> None:
        self._close_context()
        if self.main_window is not None:
            self.main_window.close_for_lock()
            self.main_window.deleteLater()
            self.main_window = None
        self.office = None
        office.close("logout")

    def _report_open_failure(self, message: str) -> None:
        if self.unlock_window is not None:
            self.unlock_window.show_error(message)
        elif self.setup_window is not None:
            self.setup_window.show_error(message)
        else:
            dialogs.show_error(None, APP_NAME, message)

    def _show_main_window(self, office: UnlockedOffice) -> None:
        from desktop.services.office.settings import IDLE_LOCK_MINUTES
        from desktop.ui.context import build_context
        from desktop.ui.kit.notices import ChangeNotices
        from desktop.ui.pages import pages_for
        from desktop.ui.shell.idle import IdleWatcher
        from desktop.ui.shell.main_window import MainWindow

        self.office = office
        info = office.info  # what the unlock window shows next time (no second keyring read)
        self.status = OfficeStatus(self.data_dir, True, info.code, info.name, info.demo)
        notices = ChangeNotices(office.changes, self)
        self.context = context = build_context(office, notices)
        window = MainWindow(context, pages_for(context))
        window.lock_requested.connect(self.lock_office)
        window.quit_requested.connect(self._quit_from_window)
        notices.changed.connect(self._office_changed)
        self._restore_geometry(window)
        self.main_window = window
        if self._drafts and self._drafts_owner == office.actor.username:
            window.restore_drafts(self._drafts)
        self._drafts, self._drafts_owner = {}, None
        window.show()
        self._close_first_windows()
        minutes = context.services.settings.get(IDLE_LOCK_MINUTES)
        if self.idle is None:
            self.idle = IdleWatcher(self.app, minutes)
            self.idle.idle.connect(self.lock_office)
        self.idle.set_minutes(minutes)
        self.idle.start()
        log.info("main window shown")

    def _office_changed(self, change: Change) -> None:
        """An admin changed the settings: the idle lock follows at once."""
        from desktop.services.changes import Kind
        from desktop.services.office.settings import IDLE_LOCK_MINUTES

        if not change.touches(Kind.SETTING) or self.context is None or self.main_window is None:
            return
        settings = self.context.services.settings
        QueryOp(self.main_window, lambda: settings.get(IDLE_LOCK_MINUTES)).replacing(
            "idle minutes"
        ).quiet().success(self._idle_minutes_changed).run()

    def _idle_minutes_changed(self, minutes: int) -> None:
        if self.idle is not None:
            self.idle.set_minutes(minutes)

    def _close_first_windows(self) -> None:
        for window in (self.unlock_window, self.setup_window):
            if window is not None:
                window.close()
                window.deleteLater()
        self.unlock_window = None
        self.setup_window = None

    def lock_office(self) -> None:
        """Idle or Ctrl+L: personal data leaves every view; unsaved input is kept aside."""
        if self.office is None or self.main_window is None:
            return
        if self.idle is not None:
            self.idle.stop()
        username = self.office.actor.username
        self._drafts = self.main_window.drafts()
        self._drafts_owner = username if self._drafts else None
        self._save_geometry(self.main_window)
        self._close_context()
        self.main_window.close_for_lock()
        self.main_window.deleteLater()
        self.main_window = None
        office, self.office = self.office, None
        office.close("lock")
        log.info("locked")
        self._show_unlock(username)

    def _quit_from_window(self) -> None:
        if self.main_window is not None:
            self._save_geometry(self.main_window)
        self.app.quit()

    def shutdown(self) -> None:
        if self.idle is not None:
            self.idle.stop()
        self._close_context()
        if self.office is not None:
            self.office.close("logout")
            self.office = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.crash is not None:
            self.crash.uninstall()
            self.crash = None

    # -- ui state (QSettings holds only geometry) ---------------------------------------------
    def _restore_geometry(self, window: QObject) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)  # type: ignore[attr-defined]

    def _save_geometry(self, window: QObject) -> None:
        QSettings().setValue("main_window/geometry", window.saveGeometry())  # type: ignore[attr-defined]

    def _known_error(self, message: str) -> None:
        dialogs.show_error(self.main_window, APP_NAME, message)

    def _crashed(self, path: Path) -> None:
        dialogs.show_error(
            self.main_window,
            f"{APP_NAME} hit a problem",
            "Something went wrong inside the application. A report without personal data "
            f"was saved to {path}. Please give it to IT support. If the window misbehaves, "
            "restart the application; saved work is safe.",
        )


def run_gui(data_dir: Path | None, *, no_error_dialogs: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("IOM")
    app.setOrganizationDomain("iom.int")
    install_translations(app)  # before the first window: its strings are translated too
    if data_dir:
        target = Path(data_dir).expanduser().resolve()
    else:
        from desktop.paths import default_data_dir

        target = default_data_dir()
    desk = DesktopApp(app, target, dialogs_enabled=not no_error_dialogs)
    desk.start_failed.connect(lambda: app.exit(1))
    if not desk.start():
        return 1
    return int(app.exec())
