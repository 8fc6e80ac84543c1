"""The unlocked office: who is signed in, with what permissions, over which database."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import OfficeClosed, PermissionDenied
from desktop.services.changes import Change, ChangeFeed, describe
from desktop.services.office import audit
from desktop.services.office.clock import OfficeClock, SystemClock
from desktop.services.office.permissions import Perm, Role, roles_with
from desktop.store.database import translating_errors
from desktop.store.keyring import Keyring, zero
from desktop.store.models import Person
from desktop.store.office_db import OfficeDatabase
from desktop.store.tracking import touched_rows

log = logging.getLogger("desktop.services")


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    permissions: frozenset[Perm]

    def can(self, permission: Perm) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    demo: bool
    data_dir: Path


def _cases_of(session: Session, person_ids: set[str]) -> dict[str, str]:
    rows = session.execute(select(Person.id, Person.case_id).where(Person.id.in_(person_ids)))
    return {person: case for person, case in rows}


class UnlockedOffice:
    """Everything a service needs once a user has unlocked the office.

    Created only by ``auth.unlock`` / ``auth.create_office``; closed on lock,
    sign-out or exit, which wipes the data key.
    """

    def __init__(
        self,
        db: OfficeDatabase,
        keyring: Keyring,
        actor: Actor,
        info: OfficeInfo,
        clock: OfficeClock | None = None,
    ) -> None:
        self.db = db
        self.keyring = keyring
        self.actor = actor
        self.info = info
        #: now and today for every service; tests replace it with a FrozenClock
        self.clock: OfficeClock = clock or SystemClock()
        #: what each committed unit of work changed (see desktop.services.changes)
        self.changes = ChangeFeed()
        self._audit_key = bytearray(audit.chain_key(db.key))
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def _check_open(self) -> None:
        if self._closed:
            raise OfficeClosed("The office is locked. Unlock it again to continue.")

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction stamped with the signed-in user and the office clock; known DB
        errors translated. Once it is committed, what it changed goes to ``changes``."""
        self._check_open()
        with (
            translating_errors(self.db.paths.database),
            self.db.sessions.unit_of_work(self.actor.username, self.clock.now) as session,
        ):
            yield session
            change = self._describe(session)
        if change:
            self.changes.publish(change)

    def _describe(self, session: Session) -> Change:
        session.flush()  # the flush hook notes what is still pending
        touched = touched_rows(session)
        if not touched or not self.changes.listened:
            return Change()
        return describe(touched, lambda ids: _cases_of(session, ids))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        self._check_open()
        with translating_errors(self.db.paths.database), self.db.sessions.read_only() as session:
            yield session

    def audit(
        self,
        session: Session,
        action: str,
        target_type: str = "",
        target_id: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        audit.record(
            session, self.audit_key, self.actor.username, action, target_type, target_id, detail
        )

    def require(self, permission: Perm, what: str) -> None:
        """Raise PermissionDenied (and audit the denial) unless the user may do ``what``."""
        self.require_any((permission,), what)

    def require_any(self, permissions: Iterable[Perm], what: str) -> None:
        """Like ``require``, where any one of ``permissions`` will do."""
        self._check_open()
        wanted = tuple(permissions)
        if any(self.actor.can(p) for p in wanted):
            return
        names = ",".join(p.value for p in wanted)
        with self.unit_of_work() as session:
            self.audit(session, "permission_denied", detail={"permission": names})
        log.info("permission %s denied", names)
        raise PermissionDenied(
            f"You do not have permission to {what}. It needs the role {roles_with(wanted)}; "
            "ask an office admin."
        )

    @property
    def audit_key(self) -> bytes:
        self._check_open()
        return bytes(self._audit_key)

    def close(self, reason: str = "logout") -> None:
        """Audit the end of the session, close connections and wipe the key."""
        if self._closed:
            return
        try:
            with self.unit_of_work() as session:
                self.audit(session, reason)
                anchor = audit.make_anchor(session, self.audit_key)
            self.keyring.audit_anchor = anchor
            self.keyring.save()
        except Exception as exc:  # closing must never fail half-way; the key is wiped below
            log.error("could not audit %s: %s", reason, type(exc).__name__)
        finally:
            self._closed = True
            zero(self._audit_key)
            self.db.close()
