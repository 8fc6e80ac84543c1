"""Plain frozen records that services return to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.services.office.permissions import Role


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    disabled: bool
    locked: bool
    failed_attempts: int
    last_login_at: datetime | None

    @property
    def roles_text(self) -> str:
        return ", ".join(sorted(r.value for r in self.roles))


@dataclass(frozen=True)
class OfficeOverview:
    cases: int
    persons: int
    documents: int
    cases_by_status: tuple[tuple[str, int], ...]
    users: int
    appointments_today: int = 0
    to_inform: int = 0  # not yet told, starting within the notice period
    no_shows: int = 0  # not yet followed up
