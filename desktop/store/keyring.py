"""The keyring file: the database key wrapped once per user.

Each wrap is AES-256-GCM under a key-encryption key derived from the user's
password with Argon2id. The associated data binds a wrap to its database id,
user name and key version, so a wrap copied to another user, another office
or an older key fails to open. The file also keeps per-user unlock throttling
state (it must be readable before the database is open) and failed-login
events waiting to be written to the audit log at the next successful unlock.

The file is plain JSON on purpose: nothing in it is secret without a password.
Its throttling state can be edited by someone with file access; that only
affects the on-screen guard, not the offline cost of guessing (see notes).
"""

from __future__ import annotations

import base64
import copy
import json
import os
import time
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.errors import KeyringDamaged
from desktop.store.files import atomic_write

FORMAT = "departure-desk-keyring"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored with every wrap so it can change over time."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def derive(self, password: str, salt: bytes) -> bytearray:
        # imported here: the unlock window reads the keyring before it is shown
        from argon2.low_level import Type, hash_secret_raw

        # NFKC (NIST 800-63B): "ë" typed and "ë" pasted as e + combining diaeresis match
        secret = unicodedata.normalize("NFKC", password).encode("utf-8")
        return bytearray(
            hash_secret_raw(
                secret=secret,
                salt=salt,
                time_cost=self.time_cost,
                memory_cost=self.memory_kib,
                parallelism=self.parallelism,
                hash_len=32,
                type=Type.ID,
            )
        )


#: what a keyring file may ask for; anything else is a damaged file, not a reason to crash
KDF_LIMITS = {
    "time_cost": (1, 100),
    "memory_kib": (8 * 1024, 4 * 1024 * 1024),
    "parallelism": (1, 16),
}

#: used when calibration has not run; about 0.3 s on the reference laptops
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=MIN_MEMORY_KIB, parallelism=1)


def calibrate_kdf(
    target_seconds: float = 0.4, memory_kib: int = MIN_MEMORY_KIB, max_time_cost: int = 24
) -> KdfParams:
    """Pick the Argon2id time cost that takes about ``target_seconds`` here."""
    salt = os.urandom(16)
    warm = KdfParams(time_cost=1, memory_kib=memory_kib, parallelism=1)
    warm.derive("calibration", salt)  # the first run pays for page faults
    probe = replace(warm, time_cost=3)
    start = time.perf_counter()
    probe.derive("calibration", salt)
    per_pass = max((time.perf_counter() - start) / 3, 1e-3)
    cost = max(3, min(max_time_cost, round(target_seconds / per_pass)))
    return replace(warm, time_cost=cost)


@dataclass(frozen=True)
class Wrap:
    key_version: int
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass
class Throttle:
    failures: int = 0
    last_failure: float = 0.0
    locked: bool = False


PENDING_ACTIONS = frozenset(
    {"login_failed", "account_locked", "login_refused_disabled", "login_throttled"}
)
MAX_PENDING = 1000


@dataclass(frozen=True)
class PendingEvent:
    """An authentication event that happened while the database was closed.

    The keyring is not authenticated, so these are checked on load and marked as
    coming from the keyring when they enter the audit chain.
    """

    at: str
    action: str
    username: str | None


@dataclass
class Keyring:
    path: Path
    db_id: str
    office_code: str
    office_name: str
    demo: bool
    wraps: dict[str, Wrap] = field(default_factory=dict)
    throttles: dict[str, Throttle] = field(default_factory=dict)
    pending: list[PendingEvent] = field(default_factory=list)
    #: accounts disabled by an admin: their wraps are gone, their names kept to say so
    disabled: set[str] = field(default_factory=set)
    #: accounts holding the admin role (not secret): their lock after failures expires
    admins: set[str] = field(default_factory=set)
    #: last known audit-chain head (seq, hash, mac) to notice a truncated log
    audit_anchor: dict[str, Any] = field(default_factory=dict)

    # -- wrapping -------------------------------------------------------------
    def _aad(self, username: str, key_version: int) -> bytes:
        return json.dumps(
            [FORMAT, self.db_id, username, key_version], separators=(",", ":")
        ).encode("utf-8")

    def wrap(
        self, username: str, password: str, data_key: bytearray, key_version: int, kdf: KdfParams
    ) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt = os.urandom(16)
        nonce = os.urandom(12)
        kek = kdf.derive(password, salt)
        try:
            ciphertext = AESGCM(bytes(kek)).encrypt(
                nonce, bytes(data_key), self._aad(username, key_version)
            )
        finally:
            zero(kek)
        self.wraps[username] = Wrap(key_version, kdf, salt, nonce, ciphertext)
        self.disabled.discard(username)

    def unwrap(self, username: str, password: str) -> bytearray | None:
        """The data key, or None when the password is wrong or the user unknown."""
        wrap = self.wraps.get(username)
        if wrap is None:
            # spend the same time as a real attempt so user names are not probed
            self.costliest_kdf().derive(password, b"\0" * 16)
            return None
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = wrap.kdf.derive(password, wrap.salt)
        try:
            key = AESGCM(bytes(kek)).decrypt(
                wrap.nonce, wrap.ciphertext, self._aad(username, wrap.key_version)
            )
        except InvalidTag:
            return None
        finally:
            zero(kek)
        return bytearray(key)

    def costliest_kdf(self) -> KdfParams:
        costs = [w.kdf for w in self.wraps.values()]
        if not costs:
            return DEFAULT_KDF
        return max(costs, key=lambda k: (k.memory_kib * k.time_cost, k.parallelism))

    def remove(self, username: str) -> None:
        self.wraps.pop(username, None)
        self.throttles.pop(username, None)

    def throttle(self, username: str) -> Throttle:
        return self.throttles.setdefault(username, Throttle())

    def add_pending(self, at: str, action: str, username: str | None) -> None:
        self.pending.append(PendingEvent(at, action, username))
        del self.pending[:-MAX_PENDING]

    def snapshot(self) -> Keyring:
        """A deep copy to go back to when a change cannot be completed."""
        return copy.deepcopy(self)

    def restore(self, snapshot: Keyring) -> None:
        for name in ("wraps", "throttles", "pending", "disabled", "admins", "audit_anchor"):
            setattr(self, name, copy.deepcopy(getattr(snapshot, name)))

    # -- persistence ----------------------------------------------------------
    def save(self) -> None:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "db_id": self.db_id,
            "office": {"code": self.office_code, "name": self.office_name, "demo": self.demo},
            "wraps": {
                name: {
                    "key_version": w.key_version,
                    "kdf": {"alg": "argon2id", **asdict(w.kdf)},
                    "salt": _b64(w.salt),
                    "nonce": _b64(w.nonce),
                    "ciphertext": _b64(w.ciphertext),
                }
                for name, w in sorted(self.wraps.items())
            },
            "throttles": {
                name: asdict(t)
                for name, t in sorted(self.throttles.items())
                if t.failures or t.locked
            },
            "pending_events": [asdict(e) for e in self.pending],
            "disabled": sorted(self.disabled),
            "admins": sorted(self.admins),
            "audit_anchor": self.audit_anchor,
        }
        data = json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
        # the previous version stays beside it: a keyring lost is an office lost
        if self.path.exists():
            previous = self.path.read_bytes()
            if previous != data:
                atomic_write(self.path.with_name(self.path.name + ".prev"), previous, "the keyring")
        atomic_write(self.path, data, "the keyring file")

    @classmethod
    def load(cls, path: Path) -> Keyring:
        damaged = KeyringDamaged(
            f"The keyring file {path} is damaged or not a Departure Desk keyring. "
            f"Do not delete anything. Ask IT to put back {path.name}.prev (kept beside it) "
            "or the copy in the backups folder."
        )
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyringDamaged(
                f"The keyring file {path} is missing. Do not delete anything. Ask IT to put "
                f"back {path.name}.prev (kept beside it) or the copy in the backups folder."
            ) from None
        except OSError as exc:
            raise KeyringDamaged(
                f"The keyring file {path} cannot be read ({exc.strerror})."
            ) from exc
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise damaged
            if doc.get("version") != FORMAT_VERSION:
                raise KeyringDamaged(
                    f"The keyring file {path} was written by a newer version of Departure Desk."
                )
            keyring = cls(
                path=path,
                db_id=str(doc["db_id"]),
                office_code=str(doc["office"]["code"]),
                office_name=str(doc["office"]["name"]),
                demo=bool(doc["office"].get("demo", False)),
            )
            for name, w in doc["wraps"].items():
                kdf = w["kdf"]
                if kdf.get("alg") != "argon2id":
                    raise damaged
                params = KdfParams(
                    time_cost=int(kdf["time_cost"]),
                    memory_kib=int(kdf["memory_kib"]),
                    parallelism=int(kdf["parallelism"]),
                )
                for attr, (low, high) in KDF_LIMITS.items():
                    if not low <= getattr(params, attr) <= high:
                        raise damaged
                keyring.wraps[str(name)] = Wrap(
                    key_version=int(w["key_version"]),
                    kdf=params,
                    salt=_unb64(w["salt"]),
                    nonce=_unb64(w["nonce"]),
                    ciphertext=_unb64(w["ciphertext"]),
                )
            for name, t in doc.get("throttles", {}).items():
                keyring.throttles[str(name)] = Throttle(
                    failures=int(t["failures"]),
                    last_failure=float(t["last_failure"]),
                    locked=bool(t["locked"]),
                )
            keyring.disabled = {str(name) for name in doc.get("disabled", [])}
            keyring.admins = {str(name) for name in doc.get("admins", [])}
            anchor = doc.get("audit_anchor", {})
            if not isinstance(anchor, dict):
                raise damaged
            keyring.audit_anchor = anchor
            for e in doc.get("pending_events", [])[-MAX_PENDING:]:
                at = datetime.fromisoformat(str(e["at"]))
                user = e["username"]
                if (
                    at.tzinfo is None
                    or e["action"] not in PENDING_ACTIONS
                    or not (user is None or (isinstance(user, str) and len(user) <= 64))
                ):
                    raise damaged
                keyring.pending.append(PendingEvent(at.isoformat(), str(e["action"]), user))
        except KeyringDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged from exc
        return keyring


def new_data_key() -> bytearray:
    return bytearray(os.urandom(DATA_KEY_BYTES))


def zero(buf: bytearray) -> None:
    """Overwrite a key buffer in place (best effort: Python may hold copies)."""
    for i in range(len(buf)):
        buf[i] = 0


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def keys_equal(a: bytearray, b: bytearray) -> bool:
    import hmac

    return hmac.compare_digest(bytes(a), bytes(b))
