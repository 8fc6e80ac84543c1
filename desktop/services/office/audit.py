"""The audit log: an HMAC hash chain keyed from the data key.

Each event's hash covers its content and the previous event's hash, under a
key derived from the office data key. Changing, removing or reordering an
event breaks the chain from that point; without the data key nobody can
forge a consistent replacement. Events carry user names, record ids and
counts - never names of people, document numbers or medical text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.models import AuditEvent
from desktop.store.tracking import session_now

GENESIS = "0" * 64


def chain_key(data_key: bytearray) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"departure-desk audit chain v1"
    ).derive(bytes(data_key))


def _digest(key: bytes, prev_hash: str, fields: dict[str, Any]) -> str:
    body = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key, (prev_hash + body).encode("utf-8"), hashlib.sha256).hexdigest()


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "detail": event.detail,
    }


def record(
    session: Session,
    key: bytes,
    actor: str,
    action: str,
    target_type: str = "",
    target_id: str = "",
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    event = AuditEvent(
        seq=seq,
        at=(at or session_now(session)).replace(microsecond=0),
        actor=actor,
        action=action,
        target_type=target_type,
        target_id=target_id,
        detail=json.dumps(detail or {}, sort_keys=True, ensure_ascii=False),
        prev_hash=prev_hash,
    )
    event.hash = _digest(key, prev_hash, _fields(event))
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainCheck:
    events: int
    ok: bool
    first_bad_seq: int | None
    head: str


def verify(session: Session, key: bytes) -> ChainCheck:
    prev = GENESIS
    expected_seq = 1
    count = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(2000):
        count += 1
        bad = (
            event.seq != expected_seq
            or event.prev_hash != prev
            or not hmac.compare_digest(event.hash, _digest(key, prev, _fields(event)))
        )
        if bad:
            return ChainCheck(count, False, event.seq, prev)
        prev = event.hash
        expected_seq += 1
    return ChainCheck(count, True, None, prev)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    detail: str


def recent(session: Session, limit: int = 500) -> list[AuditRecord]:
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit))
    return [
        AuditRecord(e.seq, e.at, e.actor, e.action, e.target_type, e.target_id, e.detail)
        for e in rows
    ]


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _anchor_mac(key: bytes, seq: int, head: str) -> str:
    return hmac.new(key, f"anchor|{seq}|{head}".encode(), hashlib.sha256).hexdigest()


def make_anchor(session: Session, key: bytes) -> dict[str, Any]:
    """The chain head, MAC'd, to keep outside the database (in the keyring)."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    if last is None:
        return {}
    seq, head = int(last[0]), str(last[1])
    return {"seq": seq, "hash": head, "mac": _anchor_mac(key, seq, head)}


def check_anchor(session: Session, key: bytes, anchor: dict[str, Any]) -> dict[str, Any] | None:
    """None when the chain still contains the anchored head; otherwise what is wrong.

    Catches what the chain alone cannot: the newest events deleted, or an older copy
    of the database put in place of the current one.
    """
    if not anchor:
        return None
    try:
        seq, head, mac = int(anchor["seq"]), str(anchor["hash"]), str(anchor["mac"])
    except (KeyError, TypeError, ValueError):
        return {"problem": "anchor unreadable"}
    if not hmac.compare_digest(mac, _anchor_mac(key, seq, head)):
        return {"problem": "anchor altered"}
    stored = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))
    if stored is None:
        newest = session.scalar(select(func.max(AuditEvent.seq))) or 0
        return {"problem": "events missing", "anchored_seq": seq, "newest_seq": int(newest)}
    if stored != head:
        return {"problem": "event replaced", "anchored_seq": seq}
    return None
