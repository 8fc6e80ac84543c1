"""Pages are declared once (desktop/ui/pages.py): listed, preloaded, built without imports."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import desktop.ui
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.startup import service_modules
from desktop.ui.kit.page import Page
from desktop.ui.pages import PAGES, PRELOAD, pages_for
from tests.conftest import USER_PASSWORD
from tests.ui.helpers import close_case_views, ui_context


def _page_classes() -> dict[str, type[Page]]:
    found: dict[str, type[Page]] = {}
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Page) and value is not Page and value.__module__ == info.name:
                found[value.key] = value
    return found


def test_every_page_is_declared_once_and_preloaded() -> None:
    classes = _page_classes()
    assert sorted(classes) == sorted(spec.key for spec in PAGES)
    for spec in PAGES:
        assert classes[spec.key].__module__ == spec.module
        assert spec.module in PRELOAD
    assert len({spec.key for spec in PAGES}) == len(PAGES)


def test_building_every_page_imports_nothing_that_was_not_preloaded(qtbot, office, data_dir):
    """What the main window needs is loaded while the password is typed: building the
    pages of a user with every role must not import another module of ours."""
    accounts = AccountService(office)
    accounts.add_user("all", frozenset(Role), USER_PASSWORD)
    everyone = auth.unlock(data_dir, "all", USER_PASSWORD)
    try:
        for name in (*service_modules(), *PRELOAD):
            importlib.import_module(name)
        before = {name for name in sys.modules if name.startswith(("desktop", "reports"))}
        pages = pages_for(ui_context(everyone))
        for page in pages:
            qtbot.addWidget(page)
        after = {name for name in sys.modules if name.startswith(("desktop", "reports"))}
        assert after - before == set()
        assert [p.key for p in pages] == [spec.key for spec in PAGES]
    finally:
        close_case_views()
        everyone.close()
