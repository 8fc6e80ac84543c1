"""Creating an office and unlocking it: key wrapping, throttling, login audit."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationError,
    CorruptDatabase,
    InvalidInput,
    OfficeExists,
    ThrottledError,
)
from desktop.services.office import audit
from desktop.services.office.passwords import check_password
from desktop.services.office.permissions import (
    Role,
    permissions_for,
    roles_from_text,
    roles_to_text,
)
from desktop.services.office.session import Actor, OfficeInfo, UnlockedOffice
from desktop.store.database import check_sqlcipher
from desktop.store.files import ensure_private_dir
from desktop.store.keyring import (
    KdfParams,
    Keyring,
    Throttle,
    calibrate_kdf,
    new_data_key,
    utc_now_iso,
    zero,
)
from desktop.store.models import User
from desktop.store.office_db import OfficeDatabase, open_database
from desktop.store.paths import OfficePaths
from desktop.store.tracking import session_now

log = logging.getLogger("desktop.auth")

#: consecutive failures after which the account is locked until an admin unlocks it
LOCK_AFTER = 10
#: failures that cost nothing; after them the wait doubles up to MAX_WAIT
FREE_ATTEMPTS = 3
MAX_WAIT = 60.0
#: an admin account locked after failures opens again after this long
ADMIN_LOCK_SECONDS = 3600.0

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
OFFICE_CODE_RE = re.compile(r"^[A-Z]{3,6}$")

Clock = Callable[[], float]

#: KDF cost factory; tests replace it with a cheap one
kdf_params: Callable[[], KdfParams] = calibrate_kdf


def wait_after(failures: int) -> float:
    """Seconds to wait before the next attempt after ``failures`` consecutive failures."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_WAIT, 5 * 2 ** (failures - FREE_ATTEMPTS)))


def validate_username(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise InvalidInput(
            "A user name has 2 to 32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter."
        )
    return name


def validate_office(code: str, name: str) -> tuple[str, str]:
    code = code.strip().upper()
    name = " ".join(name.split())
    if not OFFICE_CODE_RE.match(code):
        raise InvalidInput("The office code is 3 to 6 letters, for example SHG.")
    if not 2 <= len(name) <= 100:
        raise InvalidInput("The office name needs 2 to 100 characters.")
    return code, name


def create_office(
    data_dir: Path,
    office_code: str,
    office_name: str,
    admin: str,
    password: str,
    *,
    demo: bool = False,
    admin_display_name: str = "",
    kdf: KdfParams | None = None,
) -> UnlockedOffice:
    """A new encrypted office with its first admin, returned unlocked for that admin."""
    check_sqlcipher()
    code, name = validate_office(office_code, office_name)
    username = validate_username(admin)
    check_password(password, username=username, office_names=(name, code))
    paths = OfficePaths(data_dir)
    if paths.has_office():
        raise OfficeExists(f"{data_dir} already holds an office; choose an empty folder.")
    ensure_private_dir(data_dir, "the data directory")

    keyring = Keyring(paths.keyring, str(uuid.uuid4()), code, name, demo)
    keyring.admins = {username}
    key = new_data_key()
    keyring.wrap(username, password, key, 1, kdf or kdf_params())
    db: OfficeDatabase | None = None
    try:
        db = open_database(paths, key)
        with db.sessions.unit_of_work(username) as session:
            user = User(
                username=username,
                display_name=admin_display_name or username,
                roles=roles_to_text(set(Role)) if demo else Role.ADMIN.value,
                last_login_at=session_now(session),
            )
            session.add(user)
            session.flush()
            audit.record(
                session,
                audit.chain_key(db.key),
                username,
                "office_created",
                detail={"office_code": code, "demo": demo},
            )
            keyring.save()
        user_id, roles = user.id, roles_from_text(user.roles)
    except BaseException:
        if db is not None:
            db.close()
        else:
            zero(key)
        remove_office_files(paths)
        raise
    actor = Actor(user_id, username, username, roles, permissions_for(roles))
    log.info("office created")
    return UnlockedOffice(db, keyring, actor, OfficeInfo(code, name, demo, data_dir))


def remove_office_files(paths: OfficePaths) -> None:
    """Creation failed: leave the folder as it was, without half an office."""
    for path in (
        paths.keyring,
        paths.keyring.with_name(paths.keyring.name + ".prev"),
        paths.database,
        paths.database.with_name(paths.database.name + "-wal"),
        paths.database.with_name(paths.database.name + "-shm"),
    ):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove partial file %s", path.name)


def unlock(
    data_dir: Path, username: str, password: str, *, clock: Clock = time.time
) -> UnlockedOffice:
    """Open the office as ``username``; raises AuthenticationError and friends."""
    check_sqlcipher()
    paths = OfficePaths(data_dir)
    keyring = Keyring.load(paths.keyring)
    username = username.strip().lower()  # user names are lower-case by rule
    now = clock()
    if username in keyring.disabled:
        keyring.costliest_kdf().derive(password, b"\0" * 16)  # same time as any attempt
        keyring.add_pending(utc_now_iso(), "login_refused_disabled", username)
        keyring.save()
        raise AccountDisabled(
            f"The account '{username}' is disabled. An office admin can enable it."
        )
    known = username in keyring.wraps
    throttle = keyring.throttle(username) if known else None
    if throttle is not None:
        _check_throttle(keyring, username, throttle, now)

    # an empty password costs as much as any other: nothing to learn from timing
    key = keyring.unwrap(username, password)
    if key is None:
        _record_failure(keyring, username if known else None, now)
        wait = wait_after(throttle.failures) if throttle is not None else 0.0
        raise AuthenticationError(_failure_message(throttle), wait_seconds=wait)

    if not paths.database.exists():
        zero(key)
        raise CorruptDatabase(
            f"The office database {paths.database} is missing although its keyring is there. "
            "Do not create a new office here: ask IT to put back the latest copy from "
            f"{paths.backups}."
        )
    try:
        db = open_database(paths, key)
    except BaseException:
        zero(key)
        raise
    try:
        office = _start_session(db, keyring, username, data_dir)
    except BaseException:
        db.close()
        raise
    try:
        if throttle is not None and (throttle.failures or throttle.locked):
            keyring.throttles.pop(username, None)
        keyring.pending.clear()
        keyring.save()
    except BaseException:
        office.close("logout")
        raise
    log.info("unlocked")
    return office


def _check_throttle(keyring: Keyring, username: str, throttle: Throttle, now: float) -> None:
    if throttle.locked:
        # Admin accounts unlock themselves after a while, so that nobody can freeze
        # the whole office by typing wrong passwords for every admin.
        if username in keyring.admins and now - throttle.last_failure >= ADMIN_LOCK_SECONDS:
            throttle.locked = False
            throttle.failures = LOCK_AFTER - 1
        else:
            keyring.add_pending(utc_now_iso(), "login_throttled", username)
            keyring.save()
            if username in keyring.admins:
                minutes = max(1, int((throttle.last_failure + ADMIN_LOCK_SECONDS - now) / 60))
                raise AccountLocked(
                    f"The account '{username}' is locked after {LOCK_AFTER} failed attempts. "
                    f"Another admin can unlock it now; otherwise it unlocks in {minutes} minutes."
                )
            raise AccountLocked(
                f"The account '{username}' is locked after {LOCK_AFTER} failed attempts. "
                "An office admin must unlock it."
            )
    wait = wait_after(throttle.failures)
    # a clock set back must not turn a short wait into days
    remaining = min(throttle.last_failure + wait - now, wait)
    if remaining > 0:
        keyring.add_pending(utc_now_iso(), "login_throttled", username)
        keyring.save()
        raise ThrottledError(
            f"Too many failed attempts. Wait {int(remaining + 0.999)} seconds and try again.",
            remaining,
        )


def _failure_message(throttle: Throttle | None) -> str:
    message = "Unknown user name or wrong password."
    if throttle is not None:
        left = LOCK_AFTER - throttle.failures
        if throttle.locked:
            message += " The account is now locked; an office admin must unlock it."
        elif left <= 5:
            attempts = "attempt" if left == 1 else "attempts"
            message += f" {left} {attempts} left before the account is locked."
    return message


def _record_failure(keyring: Keyring, username: str | None, now: float) -> None:
    # Unknown names are not stored: people type passwords into the name field.
    if username is not None:
        throttle = keyring.throttle(username)
        throttle.failures += 1
        throttle.last_failure = now
        if throttle.failures >= LOCK_AFTER:
            throttle.locked = True
            keyring.add_pending(utc_now_iso(), "account_locked", username)
    keyring.add_pending(utc_now_iso(), "login_failed", username)
    keyring.save()
    log.info("failed login (%s)", "known account" if username else "unknown account")


def _start_session(
    db: OfficeDatabase, keyring: Keyring, username: str, data_dir: Path
) -> UnlockedOffice:
    key = audit.chain_key(db.key)
    actor: Actor | None = None
    disabled = False
    with db.sessions.unit_of_work(username) as session:
        # attempts made while the database was closed enter the chain first, marked as
        # coming from the (unauthenticated) keyring file
        for event in keyring.pending:
            audit.record(
                session,
                key,
                event.username or "(unknown user)",
                event.action,
                "user",
                event.username or "",
                {"source": "keyring"},
                at=datetime.fromisoformat(event.at),
            )
        anchor_problem = audit.check_anchor(session, key, keyring.audit_anchor)
        if anchor_problem:
            audit.record(session, key, username, "audit_anchor_mismatch", detail=anchor_problem)
            log.warning("audit chain shorter than its anchor")
        user = session.scalars(select(User).where(User.username == username)).one_or_none()
        if user is not None and user.disabled:
            disabled = True
            audit.record(session, key, username, "login_refused_disabled", "user", user.id)
        elif user is not None:
            user.last_login_at = session_now(session)
            audit.record(session, key, username, "login", "user", user.id)
            roles = roles_from_text(user.roles)
            actor = Actor(user.id, username, user.display_name, roles, permissions_for(roles))
        else:
            # a key wrap without an account (a change that did not complete): the
            # database decides who exists
            audit.record(session, key, username, "login_refused_no_account", "user", username)
        keyring.admins = set(admin_usernames(session))
    if actor is None:
        keyring.pending.clear()
        keyring.save()
        if disabled:
            raise AccountDisabled(
                f"The account '{username}' is disabled. An office admin can enable it."
            )
        raise AuthenticationError("Unknown user name or wrong password.")
    info = OfficeInfo(keyring.office_code, keyring.office_name, keyring.demo, data_dir)
    return UnlockedOffice(db, keyring, actor, info)


def admin_usernames(session: Session) -> list[str]:
    users = session.scalars(select(User).where(User.disabled.is_(False)))
    return sorted(u.username for u in users if Role.ADMIN in roles_from_text(u.roles))
