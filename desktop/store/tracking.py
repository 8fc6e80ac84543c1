"""Stamping rows: who and when, the change sequence number, tombstones; and noting which
rows a unit of work touched, so the office can announce the change once it is committed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from desktop.store.models import Tombstone, Tracked, new_id, utc_now

CHANGE_SEQ = "change_seq"
ACTOR_KEY = "actor"
NOW_KEY = "now"
TOUCHED_KEY = "touched"

Now = Callable[[], datetime]


@dataclass(frozen=True)
class TouchedRow:
    """A row a unit of work inserted, updated or deleted, with the household and people
    it belongs to (a person moved by a merge names its old and new household)."""

    table: str
    row_id: str
    case_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()


def _linked(obj: Any, attribute: str) -> tuple[str, ...]:
    """The current and (for a changed link) previous value of ``case_id``/``person_id``."""
    if attribute not in inspect(type(obj)).columns:
        return ()
    history = inspect(obj).attrs[attribute].history
    values = [getattr(obj, attribute), *history.deleted]
    return tuple(dict.fromkeys(str(v) for v in values if v))


def _touched(obj: Any) -> TouchedRow:
    table = str(obj.__tablename__)
    cases = (str(obj.id),) if table == "cases" else _linked(obj, "case_id")
    persons = () if table == "persons" else _linked(obj, "person_id")
    return TouchedRow(table, str(obj.id), cases, persons)


def _touched_dict(table: str, row: dict[str, Any]) -> TouchedRow:
    case_id = row["id"] if table == "cases" else row.get("case_id")
    person_id = None if table == "persons" else row.get("person_id")
    return TouchedRow(
        table,
        str(row["id"]),
        (str(case_id),) if case_id else (),
        (str(person_id),) if person_id else (),
    )


def touched_rows(session: Session) -> list[TouchedRow]:
    """What this unit of work has touched so far (flush first to see pending objects)."""
    rows: list[TouchedRow] = session.info.setdefault(TOUCHED_KEY, [])
    return rows


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
    now = session_now(session)
    seq = reserve_seq(session, total)
    for obj in new:
        obj.id = obj.id or new_id()  # the column default comes too late to be noted here
    touched_rows(session).extend(_touched(o) for o in (*new, *dirty, *deleted))
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


def session_now(session: Session) -> datetime:
    """The time of this unit of work's clock (the office clock; the computer's otherwise)."""
    now: Now = session.info.get(NOW_KEY, utc_now)
    return now()


def stamp_rows(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Stamp plain row dicts for a bulk insert into ``table``, which bypasses the flush hook."""
    if not rows:
        return
    actor = str(session.info.get(ACTOR_KEY, "system"))
    now = session_now(session)
    seq = reserve_seq(session, len(rows))
    touched_rows(session).extend(_touched_dict(table, row) for row in rows)
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
    def unit_of_work(self, actor: str, now: Now = utc_now) -> Iterator[Session]:
        """Commit when the block ends normally; roll everything back otherwise.

        Rows are stamped with ``actor`` and with the time ``now`` gives (the office clock).
        """
        with self._maker() as session, session.begin():
            session.info[ACTOR_KEY] = actor
            session.info[NOW_KEY] = now
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
