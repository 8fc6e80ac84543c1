"""The whole GUI journey: set-up, unlock, main window, lock, drafts, demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.ui.kit import operations
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.widgets import DemoBanner
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


def _office_with_viewer(data_dir: Path) -> None:
    office = auth.create_office(data_dir, "SHG", "Shengjin field office", "admin", ADMIN_PASSWORD)
    AccountService(office).add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    office.close()


def _unlock(qtbot, desk, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    window = desk.unlock_window
    window.user_edit.setText(user)
    window.password_edit.setText(password)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)


def test_empty_directory_shows_setup_and_creates_office(qtbot, make_desk, data_dir):
    desk = make_desk(data_dir)
    assert desk.start()
    setup = desk.setup_window
    assert setup is not None and desk.unlock_window is None
    setup.name_edit.setText("IOM Shëngjin")
    setup.code_edit.setText("shg")
    setup.admin_edit.setText("arta")
    setup.passwords.first.setText("short")
    setup.passwords.second.setText("short")
    setup.create_button.click()
    assert "at least 15 characters" in setup.message.text()
    assert not (data_dir / "office.db").exists()

    setup.passwords.first.setText(ADMIN_PASSWORD)
    setup.passwords.second.setText(ADMIN_PASSWORD)
    setup.create_button.click()
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    main = desk.main_window
    assert "Signed in as arta" in main.user_label.text()
    assert [p.key for p in main.pages] == [
        "overview",
        "cases",
        "people",
        "schedule",
        "orientation",
        "users",
        "audit",
        "settings",
    ]
    assert desk.setup_window is None
    assert (data_dir / "office.db").exists()


def test_setup_rejects_password_containing_office_name(qtbot, make_desk, data_dir):
    desk = make_desk(data_dir)
    desk.start()
    setup = desk.setup_window
    setup.name_edit.setText("Lezhe")
    setup.code_edit.setText("LEZ")
    setup.admin_edit.setText("admin")
    setup.passwords.first.setText("lezhe office password 2026")
    setup.passwords.second.setText("lezhe office password 2026")
    setup.create_button.click()
    qtbot.waitUntil(lambda: setup.message.isVisible() and "office name" in setup.message.text())
    assert desk.main_window is None
    assert setup.create_button.isEnabled()
    assert not (data_dir / "office.keyring.json").exists()


def test_unlock_wrong_password_then_right(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "admin", "not the right password at all")
    qtbot.waitUntil(lambda: desk.unlock_window.message.isVisible(), timeout=10_000)
    assert desk.unlock_window.message.text() == "Unknown user name or wrong password."
    assert desk.unlock_window.password_edit.text() == ""
    assert desk.main_window is None

    _unlock(qtbot, desk, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    assert desk.unlock_window is None


def test_viewer_sees_only_the_overview(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "vera", USER_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    assert [p.key for p in desk.main_window.pages] == [
        "overview",
        "cases",
        "people",
        "schedule",
        "orientation",
    ]
    assert "Viewer" in desk.main_window.user_label.text()


def test_throttling_disables_the_button_with_a_countdown(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    for _ in range(4):
        _unlock(qtbot, desk, "vera", "not the right password at all")
        qtbot.waitUntil(lambda: not operations.busy(), timeout=10_000)
    window = desk.unlock_window
    assert "Wait" in window.message.text() or "Wait" in window.unlock_button.text()
    assert not window.unlock_button.isEnabled()


def test_idle_lock_clears_views_and_keeps_draft_for_same_user(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    main = desk.main_window
    main.show_page("settings")
    settings = main.page("settings")
    qtbot.waitUntil(lambda: not operations.is_busy(settings), timeout=10_000)
    settings.idle_minutes.setValue(25)  # typed, not saved
    office = desk.office
    key = office.db.key

    desk.idle.set_minutes(0.002)  # about 120 ms
    desk.idle.start()
    qtbot.waitUntil(lambda: desk.unlock_window is not None, timeout=5_000)
    assert desk.main_window is None
    assert desk.office is None and office.closed
    assert set(key) == {0}, "the data key must be wiped on lock"
    assert desk.unlock_window.user_edit.text() == "admin"

    _unlock(qtbot, desk, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    restored = desk.main_window.page("settings")
    assert restored.idle_minutes.value() == 25
    assert desk.main_window.stack.currentWidget() is restored


def test_draft_is_discarded_when_another_user_unlocks(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    office = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    AccountService(office).add_user("bora", frozenset({Role.ADMIN}), USER_PASSWORD)
    office.close()
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    desk.main_window.show_page("settings")
    settings = desk.main_window.page("settings")
    qtbot.waitUntil(lambda: not operations.is_busy(settings), timeout=10_000)
    settings.idle_minutes.setValue(33)
    desk.lock_office()
    _unlock(qtbot, desk, "bora", USER_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    main = desk.main_window
    assert main.stack.currentWidget() is main.page("overview")
    main.show_page("settings")
    settings = main.page("settings")
    qtbot.waitUntil(lambda: not operations.is_busy(settings), timeout=10_000)
    assert settings.idle_minutes.value() == 10


def test_saved_idle_minutes_reach_the_idle_lock_through_the_notice(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    assert desk.idle.minutes == 10
    desk.main_window.show_page("settings")
    settings = desk.main_window.page("settings")
    qtbot.waitUntil(lambda: not operations.is_busy(settings), timeout=10_000)
    settings.idle_minutes.setValue(25)
    settings.save_button.click()
    qtbot.waitUntil(lambda: desk.idle.minutes == 25, timeout=10_000)
    assert settings.message.text() == "Saved lock after this many idle minutes: 25."


def test_lock_shortcut_returns_to_unlock_window(qtbot, make_desk, data_dir):
    _office_with_viewer(data_dir)
    desk = make_desk(data_dir)
    desk.start()
    _unlock(qtbot, desk, "vera", USER_PASSWORD)
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=10_000)
    desk.main_window.lock_action.trigger()
    assert desk.main_window is None
    assert desk.unlock_window is not None and desk.unlock_window.isVisible()


def test_second_instance_is_refused_with_holder(qtbot, make_desk, data_dir, shown_errors):
    _office_with_viewer(data_dir)
    first = make_desk(data_dir)
    assert first.start()
    qtbot.waitUntil(lambda: first.lock is not None)
    second = make_desk(data_dir)
    assert second.start()  # the window shows first; the lock is taken right after
    with qtbot.waitSignal(second.start_failed, timeout=5_000):
        pass
    assert second.unlock_window is None and second.lock is None
    assert first.lock is not None and first.lock.held
    assert len(shown_errors) == 1
    assert "in use by another Departure Desk" in shown_errors[0]
    assert "process" in shown_errors[0]


def test_demo_office_is_created_beside_and_marked(qtbot, make_desk, data_dir, monkeypatch):
    monkeypatch.setattr("desktop.app.DEMO_HOUSEHOLDS_DEFAULT", 5)
    desk = make_desk(data_dir)
    desk.start()
    desk.setup_window.demo_button.click()
    dialog = desk.demo_dialog
    assert dialog.households.value() == 5
    dialog.passwords.first.setText(USER_PASSWORD)
    dialog.passwords.second.setText(USER_PASSWORD)
    dialog._accept()
    qtbot.waitUntil(lambda: desk.main_window is not None, timeout=30_000)
    main = desk.main_window
    assert main.windowTitle().startswith("[DEMO]")
    assert main.findChildren(DemoBanner)
    assert desk.data_dir == data_dir.with_name("office-demo")
    assert not data_dir.joinpath("office.db").exists()
    overview = main.page("overview")
    qtbot.waitUntil(lambda: overview.cases_label.text() == "5", timeout=10_000)


def test_crash_in_a_slot_writes_a_log_and_tells_the_user(qtbot, make_desk, data_dir, shown_errors):
    desk = make_desk(data_dir)
    desk.start()
    qtbot.waitUntil(lambda: desk.crash is not None)
    try:
        raise RuntimeError("Canary Zarghuna Popal")
    except RuntimeError as exc:
        desk.crash.handle(RuntimeError, exc, exc.__traceback__)
    logs = list((data_dir / "crash").glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text()
    assert "RuntimeError" in text and "test_app_flows.py" in text
    assert "Zarghuna" not in text
    assert any(str(logs[0]) in message for message in shown_errors)
    logs[0].unlink()  # expected here; any other crash log fails the test


def test_known_error_in_background_reaches_the_error_callback(qtbot):
    errors: list[KnownError] = []
    owner = QWidget()
    qtbot.addWidget(owner)

    def fail() -> None:
        raise KnownError("the disk is full")

    QueryOp(owner, fail).failure(errors.append).run()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5_000)
    assert errors[0].message == "the disk is full"
    assert not operations.is_busy(owner)


def test_idle_lock_notices_time_spent_asleep(qtbot, qapp, monkeypatch):
    """Qt timers stop while the laptop sleeps; the wall clock does not."""
    from desktop.ui.shell import idle as idle_module

    now = [1_000_000.0]
    monkeypatch.setattr(idle_module.time, "time", lambda: now[0])
    watcher = idle_module.IdleWatcher(qapp, 10)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    watcher._check_wall_clock()
    assert fired == []
    now[0] += 11 * 60  # the lid was closed for eleven minutes
    watcher._check_wall_clock()
    assert fired == [True]
    assert not watcher.active
