"""Main-window pages and their models, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

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
from desktop.ui.kit import dialogs
from desktop.ui.shell.main_window import AboutDialog, MainWindow
from desktop.ui.shell.overview import OverviewPage
from tests.conftest import USER_PASSWORD
from tests.ui.helpers import ui_context


@pytest.fixture
def users_page(qtbot, office):
    page = UsersPage(AccountService(office))
    qtbot.addWidget(page)
    page.refresh()
    return page


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
    qtbot.waitUntil(lambda: users_page.model.rowCount() == 2, timeout=10_000)
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


def test_change_roles_and_disable_and_enable(qtbot, users_page, office, monkeypatch):
    AccountService(office).add_user("dren", frozenset({Role.VIEWER}), USER_PASSWORD)
    users_page.refresh()
    _select(users_page, "dren")
    users_page.roles_button.click()
    dialog = _open_dialog(users_page, RolesDialog)
    dialog.roles.boxes[Role.MOVEMENT].setChecked(True)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not users_page.findChildren(RolesDialog), timeout=10_000)
    _select(users_page, "dren")
    assert users_page.selected().roles == {Role.VIEWER, Role.MOVEMENT}

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    users_page.disable_button.click()
    _select(users_page, "dren")
    assert users_page.selected().disabled
    assert users_page.enable_button.isEnabled() and not users_page.disable_button.isEnabled()


def test_disabling_yourself_is_refused_with_a_message(qtbot, users_page, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    _select(users_page, "admin")
    users_page.disable_button.click()
    assert shown == ["You cannot disable your own account."]


def test_open_add_user_dialog_survives_a_lock_as_a_draft(qtbot, users_page, office):
    users_page.add_button.click()
    dialog = _open_dialog(users_page, AddUserDialog)
    dialog.username.setText("half.typed")
    dialog.passwords.first.setText(USER_PASSWORD)
    draft = users_page.draft()
    assert draft == {"add_user": {"username": "half.typed", "display_name": "", "roles": []}}
    users_page.close_for_lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    again = UsersPage(AccountService(office))
    qtbot.addWidget(again)
    again.restore_draft(draft)
    qtbot.waitUntil(lambda: bool([d for d in again.findChildren(AddUserDialog) if d.isVisible()]))
    reopened = _open_dialog(again, AddUserDialog)
    assert reopened.username.text() == "half.typed"
    assert reopened.passwords.password() == "", "passwords are never kept in drafts"


def test_settings_page_saves_through_the_service(qtbot, office):
    service = SettingsService(office)
    page = SettingsPage(service, can_change=True)
    qtbot.addWidget(page)
    page.refresh()
    assert page.idle_minutes.value() == 10
    seen: list[int] = []
    page.on_saved.append(seen.append)
    page.idle_minutes.setValue(5)
    page.save_button.click()
    assert service.get(IDLE_LOCK_MINUTES) == 5
    assert seen == [5]
    assert page.draft() is None


def test_audit_page_lists_events_and_verifies(qtbot, office):
    page = AuditPage(AuditLogService(office))
    qtbot.addWidget(page)
    page.refresh()
    actions = [page.model.record(r).action for r in range(page.model.rowCount())]
    assert "office_created" in actions
    page.verify_button.click()
    qtbot.waitUntil(lambda: "intact" in page.result.text(), timeout=10_000)


def test_overview_counts(qtbot, office):
    page = OverviewPage(OverviewService(office), office.actor, office.info)
    qtbot.addWidget(page)
    page.refresh()
    assert page.cases_label.text() == "0"
    assert page.persons_label.text() == "0"


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
