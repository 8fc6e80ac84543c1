"""What the windows of one unlocked office are built from, made once in ``app.py``.

``UiContext`` carries the signed-in user, the office clock, the change notices, the
household windows and the services; the page catalog (``desktop.ui.pages``) hands each page
the few it needs through its constructor. Nothing here is global: a lock throws the whole
context away and the next unlock builds a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services.office.clock import OfficeClock
from desktop.services.office.permissions import Perm
from desktop.services.office.session import Actor, OfficeInfo, UnlockedOffice
from desktop.ui.kit.notices import ChangeNotices

if TYPE_CHECKING:
    from desktop.services.intake.importing import ImportService
    from desktop.services.journey.readiness import ReadinessService
    from desktop.services.journey.transitions import JourneyService
    from desktop.services.medical.examinations import MedicalService
    from desktop.services.medical.fitness import FitnessService
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.audit_log import AuditLogService
    from desktop.services.office.overview import OverviewService
    from desktop.services.office.settings import SettingsService
    from desktop.services.printing.medical import MedicalPrintingService
    from desktop.services.printing.slips import PrintingService
    from desktop.services.registry.duplicates import DuplicateService
    from desktop.services.registry.lists import RegistryService
    from desktop.services.registry.registration import RegistrationService
    from desktop.services.registry.search import SearchService
    from desktop.services.schedule.appointments import AppointmentService
    from desktop.services.schedule.orientation import OrientationService
    from desktop.services.schedule.places import PlacesService
    from desktop.ui.registry.case_windows import CaseWindows, WindowFactory


class Services:
    """The services of one unlocked office, each made when first asked for."""

    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    # the imports are here so that building the context loads nothing the user's role
    # never asks for (they are preloaded while the password is typed anyway)
    @cached_property
    def accounts(self) -> AccountService:
        from desktop.services.office.accounts import AccountService

        return AccountService(self._office)

    @cached_property
    def settings(self) -> SettingsService:
        from desktop.services.office.settings import SettingsService

        return SettingsService(self._office)

    @cached_property
    def audit_log(self) -> AuditLogService:
        from desktop.services.office.audit_log import AuditLogService

        return AuditLogService(self._office)

    @cached_property
    def overview(self) -> OverviewService:
        from desktop.services.office.overview import OverviewService

        return OverviewService(self._office)

    @cached_property
    def registry(self) -> RegistryService:
        from desktop.services.registry.lists import RegistryService

        return RegistryService(self._office)

    @cached_property
    def registration(self) -> RegistrationService:
        from desktop.services.registry.registration import RegistrationService

        return RegistrationService(self._office)

    @cached_property
    def search(self) -> SearchService:
        from desktop.services.registry.search import SearchService

        return SearchService(self._office)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from desktop.services.registry.duplicates import DuplicateService

        return DuplicateService(self._office)

    @cached_property
    def imports(self) -> ImportService:
        from desktop.services.intake.importing import ImportService

        return ImportService(self._office)

    @cached_property
    def journey(self) -> JourneyService:
        from desktop.services.journey.transitions import JourneyService

        return JourneyService(self._office)

    @cached_property
    def readiness(self) -> ReadinessService:
        from desktop.services.journey.readiness import ReadinessService

        return ReadinessService(self._office)

    @cached_property
    def places(self) -> PlacesService:
        from desktop.services.schedule.places import PlacesService

        return PlacesService(self._office)

    @cached_property
    def appointments(self) -> AppointmentService:
        from desktop.services.schedule.appointments import AppointmentService

        return AppointmentService(self._office)

    @cached_property
    def orientation(self) -> OrientationService:
        from desktop.services.schedule.orientation import OrientationService

        return OrientationService(self._office)

    @cached_property
    def printing(self) -> PrintingService:
        from desktop.services.printing.slips import PrintingService

        return PrintingService(self._office)

    @cached_property
    def medical(self) -> MedicalService:
        from desktop.services.medical.examinations import MedicalService

        return MedicalService(self._office)

    @cached_property
    def fitness(self) -> FitnessService:
        from desktop.services.medical.fitness import FitnessService

        return FitnessService(self._office)

    @cached_property
    def medical_printing(self) -> MedicalPrintingService:
        from desktop.services.printing.medical import MedicalPrintingService

        return MedicalPrintingService(self._office)


@dataclass(frozen=True)
class UiContext:
    actor: Actor
    info: OfficeInfo
    clock: OfficeClock
    notices: ChangeNotices
    services: Services
    case_windows: CaseWindows

    def can(self, permission: Perm) -> bool:
        return self.actor.can(permission)


def build_context(office: UnlockedOffice, notices: ChangeNotices) -> UiContext:
    """The context of a freshly unlocked office (``notices`` bridges its change feed)."""
    from desktop.ui.registry.case_windows import CaseWindows

    services = Services(office)
    actor = office.actor
    factory = _case_window_factory(services, actor, office.clock, notices)
    windows = CaseWindows(factory, notices, notices)
    return UiContext(actor, office.info, office.clock, notices, services, windows)


def _case_window_factory(
    services: Services, actor: Actor, clock: OfficeClock, notices: ChangeNotices
) -> WindowFactory:
    from desktop.ui.appointments.case_schedule import CaseSchedule
    from desktop.ui.medical.fitness import CaseFitness
    from desktop.ui.registry.case_view import CaseView

    schedule = CaseSchedule(
        services.appointments,
        services.orientation,
        services.readiness,
        services.places,
        actor.can(Perm.SCHEDULE_WRITE),
        clock,
    )
    fitness = CaseFitness(
        services.fitness,
        services.medical,
        services.medical_printing if actor.can(Perm.MEDICAL_READ) else None,
        actor.can(Perm.MEDICAL_WRITE),
        clock=clock,
        notices=notices,
    )

    def build(case_id: str, parent: QWidget | None) -> CaseView:
        return CaseView(
            services.registration,
            case_id,
            parent,
            can_write=actor.can(Perm.REGISTRY_WRITE),
            schedule=schedule,
            fitness=fitness,
            journey=services.journey,
            clock=clock,
        )

    return build
