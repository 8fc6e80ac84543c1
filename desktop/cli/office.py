"""Commands for IT: create an office or a demo office, check an office's database."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from desktop.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    Parents,
    Passwords,
    count,
    data_dir,
    print_json,
    unlocked,
)

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], p: Parents) -> None:
    parser = sub.add_parser("init", parents=[p.common, p.password], help="create a new office")
    parser.add_argument("--office-code", required=True)
    parser.add_argument("--office-name", required=True)
    parser.add_argument("--admin", required=True, help="user name of the first admin")
    parser.set_defaults(run=cmd_init, new_office=True)

    parser = sub.add_parser("demo", parents=[p.common, p.password], help="create a demo office")
    parser.add_argument("--households", type=count, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.set_defaults(run=cmd_demo, new_office=True)

    parser = sub.add_parser("check", parents=p.signed_in, help="check the office database")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=cmd_check)


def cmd_init(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.office import auth

    password = pw.next(f"Password for {args.admin}")
    office = auth.create_office(
        data_dir(args), args.office_code, args.office_name, args.admin, password
    )
    try:
        out.write(
            f"Created office {office.info.code} ({office.info.name}) in {office.info.data_dir}\n"
        )
    finally:
        office.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.demo import office as demo

    password = pw.next("Password for the demo accounts")
    result = demo.create_demo_office(data_dir(args), password, args.households, seed=args.seed)
    out.write(
        f"Demo office in {result.data_dir}: {result.households} households, "
        f"{result.persons} persons; users: {', '.join(result.usernames)}\n"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.office.check import check_office

    with unlocked(args, pw) as office:
        report = check_office(office)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "integrity_check": list(report.integrity),
                "cipher_integrity_check": list(report.cipher_integrity),
                "audit_events": report.audit_events,
                "audit_chain_ok": report.audit_ok,
                "audit_first_bad_seq": report.audit_first_bad_seq,
                "audit_anchor_problem": report.audit_anchor_problem,
                "tables": dict(report.table_counts),
            },
            out,
        )
    else:
        out.write(f"integrity_check: {', '.join(report.integrity)}\n")
        out.write(
            "cipher_integrity_check: "
            + ("ok" if not report.cipher_integrity else "; ".join(report.cipher_integrity))
            + "\n"
        )
        chain = "ok" if report.audit_ok else f"BROKEN at event {report.audit_first_bad_seq}"
        out.write(f"audit chain: {chain} ({report.audit_events} events)\n")
        if report.audit_anchor_problem:
            out.write(
                f"audit chain head: {report.audit_anchor_problem} - the newest audit events "
                "are gone or an older copy of the database was put in place\n"
            )
        for name, count in report.table_counts:
            out.write(f"  {name:<16} {count:>9}\n")
        out.write("OK\n" if report.ok else "PROBLEMS FOUND\n")
    if not report.ok:
        sys.stderr.write(
            f"{PROG}: error: the office database failed its integrity check; do not change "
            "anything, keep the laptop as it is and call IT support\n"
        )
    return EXIT_OK if report.ok else EXIT_FAILED
