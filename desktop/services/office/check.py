"""Integrity checks: SQLite structure, SQLCipher page MACs, audit chain, row counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from desktop.services.office import audit
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Base


@dataclass(frozen=True)
class CheckReport:
    integrity: tuple[str, ...]
    cipher_integrity: tuple[str, ...]
    audit_events: int
    audit_ok: bool
    audit_first_bad_seq: int | None
    table_counts: tuple[tuple[str, int], ...]
    #: None, or why the chain no longer reaches the head remembered in the keyring
    audit_anchor_problem: str | None = None

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ("ok",)
            and not self.cipher_integrity
            and self.audit_ok
            and self.audit_anchor_problem is None
        )


def check_office(office: UnlockedOffice) -> CheckReport:
    office.require(Perm.OFFICE_CHECK, "check the office database")
    with office.reading() as session:
        integrity = tuple(str(r[0]) for r in session.execute(text("PRAGMA integrity_check")))
        # cipher_integrity_check returns one row per damaged page, none when all is well
        cipher = tuple(str(r[0]) for r in session.execute(text("PRAGMA cipher_integrity_check")))
        chain = audit.verify(session, office.audit_key)
        anchor = audit.check_anchor(session, office.audit_key, office.keyring.audit_anchor)
        counts = tuple(
            (name, int(session.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()))
            for name in sorted(Base.metadata.tables)
        )
    with office.unit_of_work() as session:
        office.audit(
            session,
            "office_checked",
            detail={"ok": integrity == ("ok",) and not cipher and chain.ok and not anchor},
        )
    problem = None if anchor is None else str(anchor["problem"])
    return CheckReport(
        integrity, cipher, chain.events, chain.ok, chain.first_bad_seq, counts, problem
    )
