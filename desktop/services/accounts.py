"""User accounts: adding, roles, passwords, disabling, unlocking after failures."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import AuthenticationError, InvalidInput
from desktop.services.auth import validate_username
from desktop.services.passwords import check_password
from desktop.services.permissions import Perm, Role, roles_from_text, roles_to_text
from desktop.services.records import UserRecord
from desktop.services.session import UnlockedOffice
from desktop.store.keyring import KdfParams, Keyring, zero
from desktop.store.models import User

log = logging.getLogger("desktop.accounts")


class AccountService:
    def __init__(self, office: UnlockedOffice, kdf: KdfParams | None = None) -> None:
        self._office = office
        self._kdf = kdf  # None: calibrate for each new wrap

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
        username = validate_username(username)
        if not roles:
            raise InvalidInput("Give the new user at least one role.")
        self._check_password(password, username)
        with self._office.unit_of_work() as session:
            if self._find(session, username) is not None or username in self._keyring.wraps:
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
            self._wrap(username, password)
            record = self._record(user)
        log.info("user added")
        return record

    def set_roles(self, username: str, roles: frozenset[Role]) -> UserRecord:
        self._office.require(Perm.USERS_MANAGE, "change roles")
        if not roles:
            raise InvalidInput("A user needs at least one role; disable the account instead.")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
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
            return self._record(user)

    def set_password(self, username: str, new_password: str) -> None:
        """An admin sets another user's password (the user's wrap is replaced)."""
        self._office.require(Perm.USERS_MANAGE, "set passwords")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            self._check_password(new_password, user.username)
            self._office.audit(
                session, "password_set", "user", user.id, {"username": user.username}
            )
            self._wrap(user.username, new_password)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """Any user changes their own password after proving the old one."""
        me = self._office.actor.username
        key = self._keyring.unwrap(me, old_password)
        if key is None:
            raise AuthenticationError("The current password is wrong.")
        zero(key)
        self._check_password(new_password, me)
        with self._office.unit_of_work() as session:
            self._office.audit(session, "password_changed", "user", self._office.actor.user_id)
            self._wrap(me, new_password)

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
            self._keyring.remove(user.username)
            self._keyring.disabled.add(user.username)
            self._keyring.save()
            return self._record(user)

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
            self._wrap(user.username, new_password)
            return self._record(user)

    def unlock_account(self, username: str) -> UserRecord:
        """Clear failed attempts and the lock after too many failures."""
        self._office.require(Perm.USERS_MANAGE, "unlock accounts")
        with self._office.unit_of_work() as session:
            user = self._get(session, username)
            self._office.audit(
                session, "user_unlocked", "user", user.id, {"username": user.username}
            )
            self._keyring.throttles.pop(user.username, None)
            self._keyring.save()
            return self._record(user)

    # -- helpers ------------------------------------------------------------------
    def _check_password(self, password: str, username: str) -> None:
        info = self._office.info
        check_password(password, username=username, office_names=(info.name, info.code))

    def _wrap(self, username: str, password: str) -> None:
        from desktop.services import auth  # the KDF factory is replaceable at run time

        versions = [w.key_version for w in self._keyring.wraps.values()] or [1]
        self._keyring.wrap(
            username, password, self._office.db.key, max(versions), auth.kdf_params()
        )
        self._keyring.throttles.pop(username, None)
        self._keyring.save()

    def _find(self, session: Session, username: str) -> User | None:
        return session.scalars(select(User).where(User.username == username.strip())).one_or_none()

    def _get(self, session: Session, username: str) -> User:
        user = self._find(session, username)
        if user is None:
            raise InvalidInput(f"There is no user named '{username.strip()}'.")
        return user

    def _keep_an_admin(self, session: Session, leaving: User) -> None:
        others = [
            u
            for u in session.scalars(select(User).where(User.disabled.is_(False)))
            if u.id != leaving.id and Role.ADMIN in roles_from_text(u.roles)
        ]
        if not others:
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
