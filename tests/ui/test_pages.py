"""Main-window pages and their models, driven as a user would.

The pages hear the office's change notices as in the main window, so a test that writes
waits for the notice to reload the page (no test reloads by hand after a write).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from desktop.services.changes import Change, Kind
from desktop.services.office.accounts import AccountService
from desktop.services.office.audit_log import AuditLogService
from desktop.services.office.overview import OverviewService
from desktop.services.office.permissions import Role
from desktop.services.office.settings import IDLE_LOCK_MINUTES, SettingsService
from desktop.ui.admin.audit_page import AuditPage
from desktop.ui.admin.settings_page import SettingsPage
from desktop.ui.admin.table_models import audit_model, users_model
from desktop.ui.admin.user_dialogs import AddUserDialog, RolesDialog
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp
from desktop.ui.shell.main_window import AboutDialog, MainWindow
from desktop.ui.shell.overview import OverviewPage
from tests.builders import add_team, household, signed_in
from tests.conftest import USER_PASSWORD
from tests.ui.helpers import ui_context

WAIT_MS = 10_000


@pytest.fixture
def notices(qtbot, office) -> Iterator[ChangeNotices]:
    """The office's change notices on the GUI thread (as the main window hears them)."""
    made = ChangeNotices(office.changes)
    yield made
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    made.close()


def shown(qtbot, page, notices):  # type: ignore[no-untyped-def]
    """``page`` on screen, hearing the notices, loaded."""
    qtbot.addWidget(page)
    notices.changed.connect(page.on_change)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    return page


@pytest.fixture
def users_page(qtbot, office, notices):
    return shown(qtbot, UsersPage(AccountService(office)), notices)


def _open_dialog(page, kind):
    dialogs_open = [d for d in page.findChildren(kind) if d.isVisible()]
    assert len(dialogs_open) == 1
    return dialogs_open[0]


def _select(page, username):
    for row in range(page.model.rowCount()):
        if page.model.record(row).username == username:
            page.table.selectRow(row)
            return
    raise AssertionError(username)


def test_add_user_through_the_dialog(qtbot, users_page):
    users_page.add_button.click()
    dialog = _open_dialog(users_page, AddUserDialog)
    dialog.username.setText("arta.k")
    dialog.display_name.setText("Arta K.")
    dialog.roles.boxes[Role.REGISTRATION].setChecked(True)
    dialog.passwords.first.setText(USER_PASSWORD)
    dialog.passwords.second.setText(USER_PASSWORD)
    dialog.buttons.accepted.emit()
    assert not dialog.buttons.isEnabled(), "busy while the password is hashed"
    qtbot.waitUntil(lambda: users_page.model.rowCount() == 2, timeout=WAIT_MS)
    names = [users_page.model.record(r).username for r in range(users_page.model.rowCount())]
    assert names == ["admin", "arta.k"]


def test_add_user_errors_stay_in_the_dialog(qtbot, users_page):
    users_page.add_button.click()
    dialog = _open_dialog(users_page, AddUserDialog)
    dialog.username.setText("Bad Name")
    dialog.roles.boxes[Role.VIEWER].setChecked(True)
    dialog.passwords.first.setText(USER_PASSWORD)
    dialog.passwords.second.setText(USER_PASSWORD)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "user name has 2 to 32" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    dialog.username.setText("admin")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "already a user named" in dialog.message.text(), timeout=10_000)
    assert users_page.model.rowCount() == 1


def _names(page: UsersPage) -> list[str]:
    return [page.model.record(r).username for r in range(page.model.rowCount())]


def test_change_roles_and_disable_and_enable(qtbot, users_page, office, monkeypatch):
    # added elsewhere (another admin's window): the notice brings it into the list
    AccountService(office).add_user("dren", frozenset({Role.VIEWER}), USER_PASSWORD)
    qtbot.waitUntil(lambda: "dren" in _names(users_page), timeout=WAIT_MS)
    _select(users_page, "dren")
    users_page.roles_button.click()
    dialog = _open_dialog(users_page, RolesDialog)
    dialog.roles.boxes[Role.MOVEMENT].setChecked(True)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not users_page.findChildren(RolesDialog), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: users_page.selected().roles == {Role.VIEWER, Role.MOVEMENT}, timeout=WAIT_MS
    )  # reloaded by the notice, with dren still selected

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    users_page.disable_button.click()
    qtbot.waitUntil(lambda: users_page.selected().disabled, timeout=WAIT_MS)
    assert users_page.enable_button.isEnabled() and not users_page.disable_button.isEnabled()


def test_disabling_yourself_is_refused_with_a_message(qtbot, users_page, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: seen.append(text))
    _select(users_page, "admin")
    users_page.disable_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert seen == ["You cannot disable your own account."]


def test_a_hidden_page_does_not_reload_until_shown(qtbot, users_page, office):
    users_page.hide()
    AccountService(office).add_user("ilir", frozenset({Role.VIEWER}), USER_PASSWORD)
    qtbot.wait(100)  # the notice arrives and is ignored
    assert "ilir" not in _names(users_page)
    users_page.show()
    users_page.refresh()  # what the main window does when it shows a page
    qtbot.waitUntil(lambda: "ilir" in _names(users_page), timeout=WAIT_MS)


def test_open_add_user_dialog_survives_a_lock_as_a_draft(qtbot, users_page, office, notices):
    users_page.add_button.click()
    dialog = _open_dialog(users_page, AddUserDialog)
    dialog.username.setText("half.typed")
    dialog.passwords.first.setText(USER_PASSWORD)
    draft = users_page.draft()
    assert draft == {"add_user": {"username": "half.typed", "display_name": "", "roles": []}}
    users_page.close_for_lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    again = shown(qtbot, UsersPage(AccountService(office)), notices)
    again.restore_draft(draft)
    qtbot.waitUntil(lambda: bool([d for d in again.findChildren(AddUserDialog) if d.isVisible()]))
    reopened = _open_dialog(again, AddUserDialog)
    assert reopened.username.text() == "half.typed"
    assert reopened.passwords.password() == "", "passwords are never kept in drafts"


def test_settings_page_saves_through_the_service(qtbot, office, notices):
    service = SettingsService(office)
    page = shown(qtbot, SettingsPage(service, can_change=True), notices)
    assert page.idle_minutes.value() == 10
    page.idle_minutes.setValue(5)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.text().startswith("Saved "), timeout=WAIT_MS)
    assert service.get(IDLE_LOCK_MINUTES) == 5
    assert page.draft() is None


def _actions(page: AuditPage) -> list[str]:
    return [page.model.record(r).action for r in range(page.model.rowCount())]


def test_audit_page_lists_events_and_verifies(qtbot, office, notices):
    page = shown(qtbot, AuditPage(AuditLogService(office)), notices)
    assert "office_created" in _actions(page)
    page.verify_button.click()
    qtbot.waitUntil(lambda: "intact" in page.result.text(), timeout=WAIT_MS)
    # the check records that it ran; the notice shows the new entry
    qtbot.waitUntil(lambda: "audit_verified" in _actions(page), timeout=WAIT_MS)


def test_overview_counts_follow_the_records(qtbot, office, notices):
    page = shown(qtbot, OverviewPage(OverviewService(office), office.actor, office.info), notices)
    assert page.cases_label.text() == "0"
    assert page.persons_label.text() == "0"
    assert page.users_label.text() == "1"
    assert page.watches >= {Kind.CASE, Kind.PERSON, Kind.APPOINTMENT, Kind.USER}
    AccountService(office).add_user("vera", frozenset({Role.VIEWER}), USER_PASSWORD)
    qtbot.waitUntil(lambda: page.users_label.text() == "2", timeout=WAIT_MS)


def test_overview_counts_new_households(qtbot, office, data_dir):
    add_team(office, Role.REGISTRATION)
    with signed_in(data_dir, "registration") as clerk:
        listened = ChangeNotices(clerk.changes)
        page = shown(qtbot, OverviewPage(OverviewService(clerk), clerk.actor, clerk.info), listened)
        assert page.cases_label.text() == "0"
        household(clerk, members=2)
        qtbot.waitUntil(lambda: page.cases_label.text() == "1", timeout=WAIT_MS)
        assert page.persons_label.text() == "2"
        assert "Registered" in " ".join(w.text() for w in page.findChildren(QLabel))
        qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
        listened.close()


def test_overview_ignores_changes_it_does_not_show(qtbot, office, notices, monkeypatch):
    page = shown(qtbot, OverviewPage(OverviewService(office), office.actor, office.info), notices)
    loads: list[bool] = []
    monkeypatch.setattr(page, "_load", lambda quiet=False: loads.append(quiet))
    page.on_change(Change(frozenset({Kind.SETTING, Kind.AUDIT})))
    assert loads == []
    page.on_change(Change(frozenset({Kind.APPOINTMENT})))
    assert loads == [True]  # a reload nobody asked for: no busy cursor


def test_models_pass_qtmodeltester(qtmodeltester, office):
    users = users_model()
    users.set_rows(AccountService(office).list_users())
    qtmodeltester.check(users)
    events = audit_model()
    events.set_rows(AuditLogService(office).recent())
    qtmodeltester.check(events)


def test_main_window_status_bar_about_and_keyboard(qtbot, office):
    page = OverviewPage(OverviewService(office), office.actor, office.info)
    window = MainWindow(ui_context(office), [page])
    qtbot.addWidget(window)
    window.show()
    assert "Signed in as admin" in window.user_label.text()
    assert "Office admin" in window.user_label.text()
    status_texts = " ".join(
        w.text() for w in window.statusBar().findChildren(type(window.user_label))
    )
    assert "SHG" in status_texts and str(office.info.data_dir) in status_texts
    window.show_about()
    about = next(d for d in window.findChildren(AboutDialog) if d.isVisible())
    labels = " ".join(w.text() for w in about.findChildren(type(window.user_label)))
    assert "SQLCipher" in labels and "4." in labels
    about.reject()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.close_for_lock()


def test_change_own_password_dialog_reports_wrong_current_password(qtbot, office):
    window = MainWindow(ui_context(office), [])
    qtbot.addWidget(window)
    window.change_own_password()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    dialog.current.setText("this is not my password")
    dialog.passwords.first.setText(USER_PASSWORD)
    dialog.passwords.second.setText(USER_PASSWORD)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.message.text() == "The current password is wrong.")
    assert dialog.isVisible()
    window.close_for_lock()


def test_the_status_bar_shows_when_the_current_page_waits(qtbot, office):
    overview = OverviewPage(OverviewService(office), office.actor, office.info)
    users = UsersPage(AccountService(office))
    window = MainWindow(ui_context(office), [overview, users])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    assert window.sidebar.item(1).text() == "Users and roles"  # tr(page.title)
    assert not window.page_busy()

    gate = threading.Event()
    QueryOp(overview, lambda: gate.wait(WAIT_MS / 1000)).run()
    assert window.page_busy()
    window.show_page("users")  # another page waits: not this one
    qtbot.waitUntil(lambda: not operations.is_busy(users), timeout=WAIT_MS)
    assert not window.page_busy()
    window.show_page("overview")
    assert window.page_busy()
    gate.set()
    qtbot.waitUntil(lambda: not window.page_busy(), timeout=WAIT_MS)
    QueryOp(overview, lambda: None).quiet().run()  # a quiet reload shows nothing
    assert not window.page_busy()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    window.close_for_lock()
