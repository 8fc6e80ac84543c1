"""The pages of the main window, declared once: in sidebar order, who sees each, where it
lives and what it is built from.

``app.py`` builds the pages a user may see with ``pages_for`` and preloads every module
of ``PRELOAD`` while the password is typed, so the main window appears without importing
anything. A new page is one ``PageSpec`` here (tests/ui/test_pages_catalog.py checks that
every page is listed, preloaded and builds without importing more of the UI).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.office.permissions import Perm

if TYPE_CHECKING:
    from desktop.ui.context import UiContext
    from desktop.ui.kit.page import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    #: the module that defines the page (imported while the user types the password)
    module: str
    #: who sees the page
    permission: Perm
    build: Callable[[UiContext], Page]


def _overview(ctx: UiContext) -> Page:
    from desktop.ui.shell.overview import OverviewPage

    return OverviewPage(ctx.services.overview, ctx.actor, ctx.info)


def _cases(ctx: UiContext) -> Page:
    from desktop.ui.registry.cases_page import CasesPage

    s = ctx.services
    return CasesPage(
        s.registry,
        s.registration,
        ctx.can(Perm.REGISTRY_WRITE),
        open_case=ctx.case_windows.open,
    )


def _people(ctx: UiContext) -> Page:
    from desktop.ui.registry.people_page import PeoplePage

    s = ctx.services
    return PeoplePage(s.registry, s.search, open_case=ctx.case_windows.open)


def _schedule(ctx: UiContext) -> Page:
    from desktop.ui.appointments.schedule_page import SchedulePage

    s = ctx.services
    return SchedulePage(
        s.appointments,
        s.places,
        s.printing,
        s.registry,
        ctx.clock,
        ctx.can(Perm.SCHEDULE_WRITE),
        open_case=ctx.case_windows.open,
        notices=ctx.notices,
    )


def _orientation(ctx: UiContext) -> Page:
    from desktop.ui.orientation.page import OrientationPage

    s = ctx.services
    can_schedule = ctx.can(Perm.SCHEDULE_WRITE)
    return OrientationPage(
        s.orientation,
        s.places,
        s.registry,
        can_schedule,
        settings=s.settings,
        clock=ctx.clock,
        printing=s.printing if can_schedule else None,
        notices=ctx.notices,
    )


def _medical(ctx: UiContext) -> Page:
    from desktop.ui.medical.page import MedicalPage

    s = ctx.services
    return MedicalPage(
        s.medical,
        s.fitness,
        s.medical_printing,
        ctx.can(Perm.MEDICAL_WRITE),
        clock=ctx.clock,
        open_case=ctx.case_windows.open,
        notices=ctx.notices,
    )


def _duplicates(ctx: UiContext) -> Page:
    from desktop.ui.intake.duplicates_page import DuplicatesPage

    s = ctx.services
    return DuplicatesPage(s.duplicates, s.registration, s.imports)


def _users(ctx: UiContext) -> Page:
    from desktop.ui.admin.users_page import UsersPage

    return UsersPage(ctx.services.accounts)


def _audit(ctx: UiContext) -> Page:
    from desktop.ui.admin.audit_page import AuditPage

    return AuditPage(ctx.services.audit_log)


def _settings(ctx: UiContext) -> Page:
    from desktop.ui.admin.settings_page import SettingsPage

    s = ctx.services
    return SettingsPage(s.settings, can_change=True, places=s.places)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "desktop.ui.shell.overview", Perm.REGISTRY_READ, _overview),
    PageSpec("cases", "desktop.ui.registry.cases_page", Perm.REGISTRY_READ, _cases),
    PageSpec("people", "desktop.ui.registry.people_page", Perm.REGISTRY_READ, _people),
    PageSpec("schedule", "desktop.ui.appointments.schedule_page", Perm.REGISTRY_READ, _schedule),
    PageSpec("orientation", "desktop.ui.orientation.page", Perm.REGISTRY_READ, _orientation),
    PageSpec("medical", "desktop.ui.medical.page", Perm.MEDICAL_READ, _medical),
    PageSpec("duplicates", "desktop.ui.intake.duplicates_page", Perm.REGISTRY_WRITE, _duplicates),
    PageSpec("users", "desktop.ui.admin.users_page", Perm.USERS_MANAGE, _users),
    PageSpec("audit", "desktop.ui.admin.audit_page", Perm.AUDIT_READ, _audit),
    PageSpec("settings", "desktop.ui.admin.settings_page", Perm.SETTINGS_MANAGE, _settings),
)

#: what the main window needs besides the pages (the context builds household windows)
SHELL_MODULES: tuple[str, ...] = (
    "desktop.ui.shell.main_window",
    "desktop.ui.context",
    "desktop.ui.registry.case_windows",
)
#: loaded on the GUI thread while the password is typed
PRELOAD: tuple[str, ...] = SHELL_MODULES + tuple(spec.module for spec in PAGES)


def pages_for(ctx: UiContext) -> list[Page]:
    """The pages the signed-in user may see, in sidebar order."""
    return [spec.build(ctx) for spec in PAGES if ctx.can(spec.permission)]
