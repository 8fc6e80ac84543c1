"""``users``: accounts, roles, passwords, disabling and unlocking (admins)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from desktop.cli.base import (
    EXIT_OK,
    Parents,
    Passwords,
    print_json,
    unlocked,
)

if TYPE_CHECKING:
    from desktop.services.office.permissions import Role


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], p: Parents) -> None:
    users = sub.add_parser("users", help="manage user accounts")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION", parser_class=type(users))
    usub.required = True
    parser = usub.add_parser("list", parents=p.signed_in, help="list accounts")
    parser.add_argument("--json", action="store_true")
    parser = usub.add_parser(
        "add", parents=p.signed_in, help="add an account (stdin: admin, then new password)"
    )
    parser.add_argument("name")
    parser.add_argument("--roles", required=True, help="comma-separated, e.g. registration,medical")
    parser.add_argument("--display-name", default="")
    parser = usub.add_parser(
        "passwd", parents=p.signed_in, help="set a password (stdin: admin, then new)"
    )
    parser.add_argument("name")
    parser = usub.add_parser("roles", parents=p.signed_in, help="replace an account's roles")
    parser.add_argument("name")
    parser.add_argument("--roles", required=True)
    parser = usub.add_parser("disable", parents=p.signed_in, help="disable an account")
    parser.add_argument("name")
    parser = usub.add_parser(
        "enable", parents=p.signed_in, help="enable an account (stdin: admin, then new)"
    )
    parser.add_argument("name")
    parser = usub.add_parser(
        "unlock", parents=p.signed_in, help="clear failed attempts and the lock"
    )
    parser.add_argument("name")
    users.set_defaults(run=cmd_users)


def _roles(text: str) -> frozenset[Role]:
    from desktop.errors import InvalidInput
    from desktop.services.office.permissions import parse_roles

    try:
        return parse_roles(text.split(","))
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def cmd_users(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.office.accounts import AccountService

    action = args.users_command
    roles = _roles(args.roles) if action in ("add", "roles") else frozenset()
    with unlocked(args, pw) as office:
        accounts = AccountService(office)
        if action == "list":
            users = accounts.list_users()
            if args.json:
                print_json(
                    [
                        {
                            "username": u.username,
                            "display_name": u.display_name,
                            "roles": sorted(r.value for r in u.roles),
                            "disabled": u.disabled,
                            "locked": u.locked,
                            "failed_attempts": u.failed_attempts,
                            "last_login_at": u.last_login_at.isoformat()
                            if u.last_login_at
                            else None,
                        }
                        for u in users
                    ],
                    out,
                )
            else:
                for u in users:
                    state = "disabled" if u.disabled else "locked" if u.locked else "active"
                    out.write(f"{u.username:<20} {state:<9} {u.roles_text}\n")
        elif action == "add":
            new_pw = pw.next(f"New password for {args.name}")
            user = accounts.add_user(args.name, roles, new_pw, args.display_name)
            out.write(f"Added {user.username} ({user.roles_text})\n")
        elif action == "passwd":
            accounts.set_password(args.name, pw.next(f"New password for {args.name}"))
            out.write(f"Password set for {args.name}\n")
        elif action == "roles":
            user = accounts.set_roles(args.name, roles)
            out.write(f"{user.username} now has roles: {user.roles_text}\n")
        elif action == "disable":
            accounts.disable(args.name)
            out.write(f"Disabled {args.name}\n")
        elif action == "enable":
            accounts.enable(args.name, pw.next(f"New password for {args.name}"))
            out.write(f"Enabled {args.name}\n")
        elif action == "unlock":
            accounts.unlock_account(args.name)
            out.write(f"Unlocked {args.name}\n")
    return EXIT_OK
