"""Stamping rows: who and when, the change sequence number, tombstones."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from desktop.store.models import Tombstone, Tracked, utc_now

CHANGE_SEQ = "change_seq"
ACTOR_KEY = "actor"


def reserve_seq(conn: Connection | Session, count: int) -> int:
    """Reserve ``count`` change numbers; returns the first."""
    last = conn.execute(
        text("UPDATE counters SET value = value + :n WHERE name = :name RETURNING value"),
        {"n": count, "name": CHANGE_SEQ},
    ).scalar_one()
    return int(last) - count + 1


def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    new = [o for o in session.new if isinstance(o, Tracked)]
    dirty = [
        o
        for o in session.dirty
        if isinstance(o, Tracked) and session.is_modified(o, include_collections=False)
    ]
    deleted = [o for o in session.deleted if isinstance(o, Tracked)]
    total = len(new) + len(dirty) + len(deleted)
    if not total:
        return
    actor = str(session.info.get(ACTOR_KEY, "system"))
    now = utc_now()
    seq = reserve_seq(session, total)
    for obj in new:
        obj.created_at = obj.created_at or now
        obj.created_by = actor
        obj.updated_at = now
        obj.updated_by = actor
        obj.change_seq = seq
        seq += 1
    for obj in dirty:
        obj.updated_at = now
        obj.updated_by = actor
        obj.change_seq = seq
        seq += 1
    for obj in deleted:
        session.add(
            Tombstone(
                table_name=type(obj).__tablename__,  # type: ignore[attr-defined]
                row_id=obj.id,
                deleted_at=now,
                deleted_by=actor,
                change_seq=seq,
            )
        )
        seq += 1


def stamp_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Stamp plain row dicts for a bulk insert, which bypasses the flush hook."""
    if not rows:
        return
    actor = str(session.info.get(ACTOR_KEY, "system"))
    now = utc_now()
    seq = reserve_seq(session, len(rows))
    for row in rows:
        row.setdefault("created_at", now)
        row["created_by"] = actor
        row["updated_at"] = now
        row["updated_by"] = actor
        row["change_seq"] = seq
        seq += 1


class SessionFactory:
    """Opens units of work: one session, one transaction, the acting user stamped."""

    def __init__(self, maker: sessionmaker[Session]) -> None:
        self._maker = maker
        event.listen(maker, "before_flush", _before_flush)

    @contextmanager
    def unit_of_work(self, actor: str) -> Iterator[Session]:
        """Commit when the block ends normally; roll everything back otherwise."""
        with self._maker() as session, session.begin():
            session.info[ACTOR_KEY] = actor
            session.connection(execution_options={"write": True})  # BEGIN IMMEDIATE
            yield session

    @contextmanager
    def read_only(self) -> Iterator[Session]:
        # closing the session rolls back whatever it read or did
        with self._maker() as session:
            yield session


def next_counter(session: Session, name: str, count: int = 1) -> int:
    """Reserve ``count`` values of a named office counter; returns the first (from 1)."""
    value = session.execute(
        text(
            "INSERT INTO counters (name, value) VALUES (:name, :n) "
            "ON CONFLICT(name) DO UPDATE SET value = value + :n RETURNING value"
        ),
        {"name": name, "n": count},
    ).scalar_one()
    return int(value) - count + 1
