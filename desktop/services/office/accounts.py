"""User accounts: adding, roles, passwords, disabling, unlocking after failures.

Two stores change together: the user row (in the encrypted database) and the
key wrap (in the keyring file). The database is the truth: it is committed
first, then the keyring is written. If the keyring cannot be written the
in-memory keyring goes back to what it was and the error says what to redo;
a wrap without an active user row never opens the office.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import AuthenticationError, InvalidInput, KnownError, ThrottledError
from desktop.services.office import auth
from desktop.services.office.passwords import check_password
from desktop.services.office.permissions import Perm, Role, roles_from_text, roles_to_text
from desktop.services.office.records import UserRecord
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import KdfParams, Keyring, zero
from desktop.store.models import User

log = logging.getLogger("desktop.accounts")


class AccountService:
    def __init__(self, office: UnlockedOffice, kdf: KdfParams | None = None) -> None:
        self._office = office
        self._kdf = kdf  # None: calibrated on first use, then reused for this session

    @property
    def _keyring(self) -> Keyring:
        return self._office.keyring

    def list_users(self) -> list[UserRecord]:
        self._office.require(Perm.USERS_MANAGE, "see the user accounts")
        with self._office.reading() as session:
            users = session.scalars(select(User).order_by(User.username)).all()
            return [self._record(u) for u in users]

    def add_user(
        self, username: str, roles: frozenset[Role], password: str, display_name: str = ""
    ) -> UserRecord:
        self._office.require(Perm.USERS_MANAGE, "add user accounts")
        username = validate_new_username(username)
        if not roles:
            raise InvalidInput("Give the new user at least one role.")
        self._check_password(password, username)
        with self._office.unit_of_work() as session:
            if self._find(session, username) is not None:
                raise InvalidInput(f"There is already a user named '{username}'.")
            user = User(
                username=username,
                display_name=" ".join(display_name.split()) or username,
                roles=roles_to_text(roles),
            )
            session.add(user)
            session.flush()
            self._office.audit(
                session, "user_added", "user", user.id, {"username": username, "roles": user.roles}
            )
            record = self._record(user)
            admins = _admins(session)
        self._write_keyring(
            "The account was created but its password could not be stored",
            wrap=(username, password),
            admins=admins,
        )
        log.info("user added")
        return record

    def set_roles(self, username: str, roles: frozenset[Role]) -> UserRecord:
        self._office.require(Perm.USERS_MANAGE, "change roles")
        if not roles:
            raise InvalidInput("A user needs at least one role; disable the account instead.")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            if user.username == self._office.actor.username:
                raise InvalidInput("You cannot change your own roles; ask another admin.")
            if Role.ADMIN not in roles and Role.ADMIN in roles_from_text(user.roles):
                self._keep_an_admin(session, user)
            user.roles = roles_to_text(roles)
            self._office.audit(
                session,
                "user_roles_changed",
                "user",
                user.id,
                {"username": user.username, "roles": user.roles},
            )
            session.flush()
            record = self._record(user)
            admins = _admins(session)
        self._write_keyring(
            "The roles were changed but the keyring could not be updated", admins=admins
        )
        return record

    def set_password(self, username: str, new_password: str) -> None:
        """An admin sets another user's password (the user's wrap is replaced)."""
        self._office.require(Perm.USERS_MANAGE, "set passwords")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            if user.disabled:
                raise InvalidInput(
                    f"'{user.username}' is disabled; use Enable to give the account a password."
                )
            self._check_password(new_password, user.username)
            self._office.audit(
                session, "password_set", "user", user.id, {"username": user.username}
            )
            name = user.username
        self._write_keyring("The new password could not be stored", wrap=(name, new_password))

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """Any user changes their own password after proving the old one.

        Wrong current passwords count like failed sign-ins (throttled, audited).
        """
        me = self._office.actor.username
        throttle = self._keyring.throttle(me)
        wait = min(
            throttle.last_failure + auth.wait_after(throttle.failures) - time.time(),
            auth.wait_after(throttle.failures),
        )
        if wait > 0:
            raise ThrottledError(
                f"Too many wrong passwords. Wait {int(wait + 0.999)} seconds and try again.", wait
            )
        key = self._keyring.unwrap(me, old_password)
        if key is None:
            throttle.failures += 1
            throttle.last_failure = time.time()
            with self._office.unit_of_work() as session:
                self._office.audit(
                    session, "password_change_failed", "user", self._office.actor.user_id
                )
            self._keyring.save()
            raise AuthenticationError("The current password is wrong.")
        zero(key)
        self._check_password(new_password, me)
        with self._office.unit_of_work() as session:
            self._office.audit(session, "password_changed", "user", self._office.actor.user_id)
        self._write_keyring("Your new password could not be stored", wrap=(me, new_password))

    def disable(self, username: str) -> UserRecord:
        """Disable an account and remove its key wrap, so its password opens nothing."""
        self._office.require(Perm.USERS_MANAGE, "disable accounts")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            if user.username == self._office.actor.username:
                raise InvalidInput("You cannot disable your own account.")
            if Role.ADMIN in roles_from_text(user.roles):
                self._keep_an_admin(session, user)
            user.disabled = True
            self._office.audit(
                session, "user_disabled", "user", user.id, {"username": user.username}
            )
            session.flush()
            record = self._record(user)
            admins = _admins(session)
        # if this write fails the row still says disabled, which unlock enforces
        self._write_keyring(
            "The account was disabled but the keyring could not be updated",
            remove=record.username,
            admins=admins,
        )
        return record

    def enable(self, username: str, new_password: str) -> UserRecord:
        """Enable a disabled account with a new password (its old wrap is gone)."""
        self._office.require(Perm.USERS_MANAGE, "enable accounts")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            self._check_password(new_password, user.username)
            user.disabled = False
            self._office.audit(
                session, "user_enabled", "user", user.id, {"username": user.username}
            )
            session.flush()
            record = self._record(user)
            admins = _admins(session)
        self._write_keyring(
            "The account was enabled but its password could not be stored; set it again",
            wrap=(record.username, new_password),
            admins=admins,
        )
        return record

    def unlock_account(self, username: str) -> UserRecord:
        """Clear failed attempts and the lock after too many failures."""
        self._office.require(Perm.USERS_MANAGE, "unlock accounts")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            self._office.audit(
                session, "user_unlocked", "user", user.id, {"username": user.username}
            )
            name = user.username
        self._write_keyring("The account could not be unlocked", clear_throttle=name)
        with self._office.reading() as session:
            return self._record(self._get(session, name))

    # -- helpers ------------------------------------------------------------------
    def _write_keyring(
        self,
        failure: str,
        *,
        wrap: tuple[str, str] | None = None,
        remove: str | None = None,
        clear_throttle: str | None = None,
        admins: list[str] | None = None,
    ) -> None:
        """Apply keyring changes after the database committed; all or nothing in memory."""
        with self._keyring_transaction(failure):
            if wrap is not None:
                username, password = wrap
                versions = [w.key_version for w in self._keyring.wraps.values()] or [1]
                self._keyring.wrap(
                    username, password, self._office.db.key, max(versions), self._kdf_params()
                )
                self._keyring.throttles.pop(username, None)
            if remove is not None:
                self._keyring.remove(remove)
                self._keyring.disabled.add(remove)
            if clear_throttle is not None:
                self._keyring.throttles.pop(clear_throttle, None)
            if admins is not None:
                self._keyring.admins = set(admins)
            self._keyring.save()

    @contextmanager
    def _keyring_transaction(self, failure: str) -> Iterator[None]:
        before = self._keyring.snapshot()
        try:
            yield
        except KnownError as exc:
            self._keyring.restore(before)
            raise type(exc)(f"{failure}: {exc.message}") from exc
        except BaseException:
            self._keyring.restore(before)
            raise

    def _kdf_params(self) -> KdfParams:
        if self._kdf is None:
            self._kdf = auth.kdf_params()
        return self._kdf

    def _check_password(self, password: str, username: str) -> None:
        info = self._office.info
        check_password(password, username=username, office_names=(info.name, info.code))

    def _find(self, session: Session, username: str) -> User | None:
        return session.scalars(
            select(User).where(User.username == username.strip().lower())
        ).one_or_none()

    def _get(self, session: Session, username: str) -> User:
        user = self._find(session, username)
        if user is None:
            raise InvalidInput(f"There is no user named '{username.strip()}'.")
        return user

    def _keep_an_admin(self, session: Session, leaving: User) -> None:
        if not [name for name in _admins(session) if name != leaving.username]:
            raise InvalidInput("The office needs at least one active admin; add another first.")

    def _record(self, user: User) -> UserRecord:
        throttle = self._keyring.throttles.get(user.username)
        return UserRecord(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            roles=roles_from_text(user.roles),
            disabled=user.disabled,
            locked=bool(throttle and throttle.locked),
            failed_attempts=throttle.failures if throttle else 0,
            last_login_at=user.last_login_at,
        )


def validate_new_username(username: str) -> str:
    return auth.validate_username(username.strip().lower())


def _admins(session: Session) -> list[str]:
    return auth.admin_usernames(session)
