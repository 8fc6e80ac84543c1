"""Reading and checking the audit log (needs ``audit.read``)."""

from __future__ import annotations

from desktop.services.office import audit
from desktop.services.office.audit import AuditRecord, ChainCheck
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice


class AuditLogService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def recent(self, limit: int = 500) -> list[AuditRecord]:
        self._office.require(Perm.AUDIT_READ, "read the audit log")
        with self._office.reading() as session:
            return audit.recent(session, limit)

    def verify(self) -> ChainCheck:
        self._office.require(Perm.AUDIT_READ, "check the audit log")
        with self._office.reading() as session:
            result = audit.verify(session, self._office.audit_key)
        with self._office.unit_of_work() as session:
            self._office.audit(session, "audit_verified", detail={"ok": result.ok})
        return result
