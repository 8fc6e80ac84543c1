"""Roles and the permissions they grant."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from desktop.services.i18n import tr_noop


class Role(StrEnum):
    ADMIN = "admin"
    REGISTRATION = "registration"
    MEDICAL = "medical"
    PROTECTION = "protection"
    MOVEMENT = "movement"
    VIEWER = "viewer"


class Perm(StrEnum):
    USERS_MANAGE = "users.manage"
    SETTINGS_MANAGE = "settings.manage"
    AUDIT_READ = "audit.read"
    OFFICE_CHECK = "office.check"
    REGISTRY_READ = "registry.read"
    REGISTRY_WRITE = "registry.write"
    MEDICAL_READ = "medical.read"
    MEDICAL_WRITE = "medical.write"
    PROTECTION_READ = "protection.read"
    PROTECTION_WRITE = "protection.write"
    MOVEMENT_READ = "movement.read"
    MOVEMENT_WRITE = "movement.write"
    SCHEDULE_WRITE = "schedule.write"


ROLE_TITLES: dict[Role, str] = {
    Role.ADMIN: tr_noop("Office admin"),
    Role.REGISTRATION: tr_noop("Registration clerk"),
    Role.MEDICAL: tr_noop("Medical officer"),
    Role.PROTECTION: tr_noop("Protection officer"),
    Role.MOVEMENT: tr_noop("Movement officer"),
    Role.VIEWER: tr_noop("Viewer"),
}

GRANTS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(
        {
            Perm.USERS_MANAGE,
            Perm.SETTINGS_MANAGE,
            Perm.AUDIT_READ,
            Perm.OFFICE_CHECK,
            Perm.REGISTRY_READ,
        }
    ),
    Role.REGISTRATION: frozenset({Perm.REGISTRY_READ, Perm.REGISTRY_WRITE, Perm.SCHEDULE_WRITE}),
    Role.MEDICAL: frozenset(
        {Perm.REGISTRY_READ, Perm.MEDICAL_READ, Perm.MEDICAL_WRITE, Perm.SCHEDULE_WRITE}
    ),
    Role.PROTECTION: frozenset(
        {Perm.REGISTRY_READ, Perm.PROTECTION_READ, Perm.PROTECTION_WRITE, Perm.SCHEDULE_WRITE}
    ),
    Role.MOVEMENT: frozenset(
        {Perm.REGISTRY_READ, Perm.MOVEMENT_READ, Perm.MOVEMENT_WRITE, Perm.SCHEDULE_WRITE}
    ),
    Role.VIEWER: frozenset({Perm.REGISTRY_READ}),
}


def parse_roles(values: Iterable[str]) -> frozenset[Role]:
    """Roles from user input; unknown names raise ValueError naming them."""
    roles: set[Role] = set()
    unknown: list[str] = []
    for raw in values:
        name = raw.strip().lower()
        if not name:
            continue
        try:
            roles.add(Role(name))
        except ValueError:
            unknown.append(name)
    if unknown:
        valid = ", ".join(r.value for r in Role)
        raise ValueError(f"unknown role {', '.join(unknown)}; valid roles are {valid}")
    return frozenset(roles)


def roles_to_text(roles: Iterable[Role]) -> str:
    return ",".join(sorted(r.value for r in roles))


def roles_from_text(text: str) -> frozenset[Role]:
    return frozenset(Role(r) for r in text.split(",") if r)


def permissions_for(roles: Iterable[Role]) -> frozenset[Perm]:
    granted: set[Perm] = set()
    for role in roles:
        granted |= GRANTS[role]
    return frozenset(granted)


def roles_with(permissions: Iterable[Perm]) -> str:
    """The roles granting any of ``permissions``, as a person reads them ("A or B")."""
    wanted = set(permissions)
    return " or ".join(ROLE_TITLES[r] for r in Role if GRANTS[r] & wanted)
