"""Command line: the GUI by default, sub-commands for IT, headquarters and tests.

Exit codes: 0 done, 1 the operation failed, 2 usage error, 3 authentication
failed. Errors are one line on stderr. Passwords come from standard input
(``--password-stdin``, one per line) or a prompt, never from arguments.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desktop import APP_NAME, __version__
from desktop.errors import KnownError

if TYPE_CHECKING:
    from desktop.services.office.permissions import Role
    from desktop.services.office.session import UnlockedOffice

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3

PROG = "departure-desk"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS: a --data-dir given before the command must not be reset to None here
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="office data directory"
    )
    auth = _Parser(add_help=False)
    auth.add_argument("--user", required=True, help="user name to sign in with")
    pw = _Parser(add_help=False)
    pw.add_argument(
        "--password-stdin", action="store_true", help="read password(s) from standard input"
    )

    parser = _Parser(prog=PROG, description=f"{APP_NAME}: resettlement departures, offline.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", type=Path, help="office data directory (GUI)")
    parser.add_argument(
        "--no-error-dialogs",
        action="store_true",
        help="write errors to the log and stderr instead of showing dialogs",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("init", parents=[common, pw], help="create a new office")
    p.add_argument("--office-code", required=True)
    p.add_argument("--office-name", required=True)
    p.add_argument("--admin", required=True, help="user name of the first admin")

    p = sub.add_parser("demo", parents=[common, pw], help="create a demo office")
    p.add_argument("--households", type=_count, required=True)
    p.add_argument("--seed", type=int, default=1)

    p = sub.add_parser("check", parents=[common, auth, pw], help="check the office database")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", parents=[common, auth, pw], help="find people (audited)")
    p.add_argument("query")
    p.add_argument("--limit", type=_limit, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "duplicates", parents=[common, auth, pw], help="likely and possible duplicate people"
    )
    p.add_argument("--json", action="store_true")

    imports = sub.add_parser("import", help="import lists")
    isub = imports.add_subparsers(dest="import_command", metavar="KIND", parser_class=_Parser)
    isub.required = True
    p = isub.add_parser(
        "intake", parents=[common, auth, pw], help="a registration list (CSV or XLSX)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the households whose rows are all valid, leave out the others",
    )

    cases = sub.add_parser("cases", help="households (cases)")
    csub = cases.add_subparsers(dest="cases_command", metavar="ACTION", parser_class=_Parser)
    csub.required = True
    p = csub.add_parser(
        "list", parents=[common, auth, pw], help="case numbers, status, members (no names)"
    )
    p.add_argument("--json", action="store_true")

    printing = sub.add_parser("print", help="print appointment slips and agendas to PDF")
    psub = printing.add_subparsers(dest="print_command", metavar="DOCUMENT", parser_class=_Parser)
    psub.required = True
    p = psub.add_parser(
        "slips",
        parents=[common, auth, pw],
        help="slips for the families of a day's appointments (records them as told)",
    )
    p.add_argument("--date", type=_day, required=True, help="office day, YYYY-MM-DD")
    p.add_argument("--location", help="only this place (its name or the start of it)")
    p.add_argument("--case", help="only this case number")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p.add_argument(
        "--no-mark",
        action="store_true",
        help="do not record the families as told (a test print that is not handed out)",
    )
    p = psub.add_parser(
        "agenda", parents=[common, auth, pw], help="a day's agenda with a signature column"
    )
    p.add_argument("--date", type=_day, required=True, help="office day, YYYY-MM-DD")
    p.add_argument("--location", help="only this place (its name or the start of it)")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p = psub.add_parser(
        "fitness",
        parents=[common, auth, pw],
        help="fitness-to-travel certificates of a household (medical role)",
    )
    p.add_argument("--case", required=True, help="case number, e.g. SHG-2026-00042")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p.add_argument(
        "--envelope",
        action="store_true",
        help="the MEDICAL-IN-CONFIDENCE cover sheet for the sealed envelope instead",
    )

    users = sub.add_parser("users", help="manage user accounts")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION", parser_class=_Parser)
    usub.required = True
    p = usub.add_parser("list", parents=[common, auth, pw], help="list accounts")
    p.add_argument("--json", action="store_true")
    p = usub.add_parser(
        "add", parents=[common, auth, pw], help="add an account (stdin: admin, then new password)"
    )
    p.add_argument("name")
    p.add_argument("--roles", required=True, help="comma-separated, e.g. registration,medical")
    p.add_argument("--display-name", default="")
    p = usub.add_parser(
        "passwd", parents=[common, auth, pw], help="set a password (stdin: admin, then new)"
    )
    p.add_argument("name")
    p = usub.add_parser("roles", parents=[common, auth, pw], help="replace an account's roles")
    p.add_argument("name")
    p.add_argument("--roles", required=True)
    p = usub.add_parser("disable", parents=[common, auth, pw], help="disable an account")
    p.add_argument("name")
    p = usub.add_parser(
        "enable", parents=[common, auth, pw], help="enable an account (stdin: admin, then new)"
    )
    p.add_argument("name")
    p = usub.add_parser(
        "unlock", parents=[common, auth, pw], help="clear failed attempts and the lock"
    )
    p.add_argument("name")
    return parser


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("choose between 1 and 1000")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 200_000:
        raise argparse.ArgumentTypeError("choose between 0 and 200000")
    return value


# -- plumbing -------------------------------------------------------------------


class Passwords:
    """Password lines from stdin (with --password-stdin) or prompts on a terminal."""

    def __init__(self, from_stdin: bool, stdin: TextIO) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin

    def next(self, prompt: str) -> str:
        if not self._from_stdin:
            if not self._stdin.isatty():
                raise UsageError("pass --password-stdin to read passwords from standard input")
            return getpass.getpass(f"{prompt}: ")
        # one line per password, read as needed: a caller may keep the pipe open
        line = self._stdin.readline()
        if not line:
            raise UsageError(f"standard input ended before the {prompt.lower()} was given")
        return line.rstrip("\r\n")


def _data_dir(args: argparse.Namespace) -> Path:
    from desktop.paths import default_data_dir, default_demo_dir

    if getattr(args, "data_dir", None):
        return Path(args.data_dir).expanduser().resolve()
    # a demo must never land in the real office folder
    return default_demo_dir() if args.command == "demo" else default_data_dir()


def _unlock(args: argparse.Namespace, passwords: Passwords) -> UnlockedOffice:
    from desktop.services.office import auth

    data_dir = _data_dir(args)
    password = passwords.next(f"Password for {args.user}")
    return auth.unlock(data_dir, args.user, password)


def _fallback_crash_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path("DepartureDesk", appauthor=False) / "crash"


@contextmanager
def _unlocked(args: argparse.Namespace, passwords: Passwords) -> Iterator[UnlockedOffice]:
    """The office unlocked for one command, closed (key wiped) whatever happens."""
    office = _unlock(args, passwords)
    try:
        yield office
    finally:
        office.close()


def _print_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


# -- commands -------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.office import auth

    password = pw.next(f"Password for {args.admin}")
    office = auth.create_office(
        _data_dir(args), args.office_code, args.office_name, args.admin, password
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
    result = demo.create_demo_office(_data_dir(args), password, args.households, seed=args.seed)
    out.write(
        f"Demo office in {result.data_dir}: {result.households} households, "
        f"{result.persons} persons; users: {', '.join(result.usernames)}\n"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.office.check import check_office

    with _unlocked(args, pw) as office:
        report = check_office(office)
    if args.json:
        _print_json(
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
    with _unlocked(args, pw) as office:
        accounts = AccountService(office)
        if action == "list":
            users = accounts.list_users()
            if args.json:
                _print_json(
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


def cmd_search(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.errors import InvalidInput
    from desktop.services.registry.lists import RegistryService
    from desktop.services.registry.search import SearchService

    if not args.query.strip():
        raise InvalidInput("Give something to search for: a name, case number or document.")
    with _unlocked(args, pw) as office:
        search = SearchService(office)
        search.ensure_index()
        hits = search.search(args.query, limit=args.limit)
        RegistryService(office).audit_lookup("cli_search", {"hits": len(hits)})
    if args.json:
        _print_json(
            [
                {
                    "case_number": h.case_number,
                    "person_id": h.person_id,
                    "given_name": h.given_name,
                    "family_name": h.family_name,
                    "father_name": h.father_name,
                    "native_name": h.native_name,
                    "score": h.score,
                }
                for h in hits
            ],
            out,
        )
    else:
        for h in hits:
            latin = " ".join(p for p in (h.given_name, h.family_name) if p)
            out.write(f"{h.case_number}\t{h.person_id}\t{latin}\t{h.native_name}\t{h.score:.0f}\n")
        if not hits:
            out.write("No one found.\n")
    return EXIT_OK


def cmd_duplicates(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.registry.duplicates import DuplicateService
    from desktop.services.registry.lists import RegistryService

    with _unlocked(args, pw) as office:
        pairs = DuplicateService(office).candidates()
        RegistryService(office).audit_lookup("cli_duplicates", {"pairs": len(pairs)})
    if args.json:
        _print_json(
            [
                {
                    "score": c.score,
                    "level": c.level,
                    "reasons": list(c.reasons),
                    "first": {"person_id": c.first.id, "case_number": c.first.case_number},
                    "second": {"person_id": c.second.id, "case_number": c.second.case_number},
                }
                for c in pairs
            ],
            out,
        )
    else:
        for c in pairs:
            out.write(
                f"{c.score:5.1f} {c.level:<8} {c.first.case_number} {c.first.id} | "
                f"{c.second.case_number} {c.second.id} | {'; '.join(c.reasons)}\n"
            )
        out.write(f"{len(pairs)} pairs to review\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.errors import InvalidInput
    from desktop.services.intake.importing import ImportService

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise InvalidInput(f"There is no file {path}.")
    with _unlocked(args, pw) as office:
        service = ImportService(office)
        mapping = service.mapping_for(path)
        report = service.run(path, mapping, dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    out.write(f"rows read: {report.rows_read}\n")
    for column in report.unmapped_required:
        out.write(f"missing column: {column} (no column of the file could be matched to it)\n")
    for problem in report.problems:
        out.write(f"rejected: row {problem.row}, column {problem.column}: {problem.reason}\n")
    for row in report.skipped_rows:
        out.write(f"skipped: row {row} (another row of the same household was rejected)\n")
    for d in report.duplicates:
        other = f"row {d.other_row}" if d.other_row else f"case {d.other_case_number}"
        out.write(
            f"possible duplicate: row {d.row} and {other} ({d.score:.0f}): {'; '.join(d.reasons)}\n"
        )
    verb = "would be created" if args.dry_run else "created"
    if report.imported or args.dry_run:
        out.write(f"households {verb}: {report.households}\n")
        out.write(f"persons {verb}: {report.persons}\n")
        out.write(f"documents {verb}: {report.documents}\n")
    out.write(f"duplicates flagged: {len(report.duplicates)}\n")
    if report.unmapped_required or (report.problems and not args.skip_invalid):
        sys.stderr.write(
            f"{PROG}: error: nothing was imported: {len(report.problems)} rows have problems"
            + (" and required columns are missing" if report.unmapped_required else "")
            + "; fix the file or use --skip-invalid\n"
        )
        return EXIT_FAILED
    return EXIT_OK


def cmd_cases(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.services.registry.lists import RegistryService

    with _unlocked(args, pw) as office:
        registry = RegistryService(office)
        cases = registry.case_summaries()
        registry.audit_lookup("cli_cases_listed", {"cases": len(cases)})
    if args.json:
        _print_json(
            [
                {
                    "case_number": c.case_number,
                    "status": c.status,
                    "members": c.members,
                    "destination_country": c.destination_country,
                }
                for c in cases
            ],
            out,
        )
    else:
        for c in cases:
            out.write(f"{c.case_number}\t{c.status}\t{c.members}\t{c.destination_country or ''}\n")
    return EXIT_OK


def _place_id(office: UnlockedOffice, name: str | None) -> str | None:
    from desktop.errors import InvalidInput
    from desktop.services.schedule.places import PlacesService

    if not name:
        return None
    places = PlacesService(office).list(include_inactive=True)
    wanted = " ".join(name.split()).casefold()
    exact = [p for p in places if p.name.casefold() == wanted]
    found = exact or [p for p in places if p.name.casefold().startswith(wanted)]
    if len(found) != 1:
        names = "; ".join(p.name for p in places) or "none yet"
        what = "matches more than one place" if found else "matches no place"
        raise InvalidInput(f"--location {name!r} {what}. Places: {names}.")
    return found[0].id


def _output_path(path: Path) -> Path:
    from desktop.errors import InvalidInput

    target = path.expanduser()
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name such as slips.pdf.")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist.")
    return target


def cmd_print_fitness(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    """Certificates or the envelope cover sheet of one household. The PDF is made before
    anything is written: a user without the medical role is refused with no file."""
    from desktop.services.printing.medical import MedicalPrintingService
    from desktop.store.files import atomic_write

    target = _output_path(args.output)
    with _unlocked(args, pw) as office:
        printing = MedicalPrintingService(office)
        case_id = printing.case_id_for_number(args.case)
        number = "".join(args.case.split()).upper()
        if args.envelope:
            pdf = printing.envelope_pdf(case_id)
            atomic_write(target, pdf, "the envelope cover sheet")
            out.write(f"Medical envelope cover sheet for {number} written to {target}\n")
            return EXIT_OK
        pdf = printing.certificates_pdf(case_id)
        atomic_write(target, pdf, "the fitness certificates")
    out.write(f"Fitness-to-travel certificates for {number} written to {target}\n")
    return EXIT_OK


def cmd_print(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.errors import InvalidInput
    from desktop.services.printing.slips import PrintingService
    from desktop.services.schedule.appointments import AppointmentService
    from desktop.store.files import atomic_write

    if args.print_command == "fitness":
        return cmd_print_fitness(args, pw, out)
    target = _output_path(args.output)
    with _unlocked(args, pw) as office:
        printing = PrintingService(office)
        place_id = _place_id(office, args.location)
        if args.print_command == "agenda":
            pdf = printing.agenda_pdf(args.date, place_id)
            atomic_write(target, pdf, "the agenda")
            out.write(f"Agenda for {args.date:%a %d %b %Y} written to {target}\n")
            return EXIT_OK
        ids = printing.slips_for_day(args.date, place_id)
        if args.case:
            wanted = args.case.strip().upper()
            agenda = AppointmentService(office).agenda(args.date, location_id=place_id)
            ids = [a.id for a in agenda if a.id in ids and a.case_number == wanted]
        if not ids:
            raise InvalidInput(
                f"No appointment on {args.date:%d %b %Y} needs a slip"
                + (" at that place" if place_id else "")
                + (f" for case {args.case}" if args.case else "")
                + " (cancelled, attended and rescheduled ones get none)."
            )
        pdf = printing.slips_pdf(ids)
        atomic_write(target, pdf, "the slips")
        told = 0 if args.no_mark else printing.mark_slips_handed(ids)
    out.write(f"{len(ids)} slips written to {target}\n")
    if not args.no_mark:
        out.write(f"{told} appointments recorded as told (printed slip)\n")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Passwords, TextIO], int]] = {
    "search": cmd_search,
    "cases": cmd_cases,
    "duplicates": cmd_duplicates,
    "import": cmd_import,
    "init": cmd_init,
    "demo": cmd_demo,
    "check": cmd_check,
    "users": cmd_users,
    "print": cmd_print,
}


def run(argv: Sequence[str], stdin: TextIO, stdout: TextIO) -> int:
    """Run one command; returns the exit code. Never raises for known errors."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args.data_dir, no_error_dialogs=args.no_error_dialogs)

    from desktop.crash import CrashHandler
    from desktop.logs import setup_logging

    data_dir = _data_dir(args)
    setup_logging(None)  # nothing is written to a folder before we know it is an office
    crash = CrashHandler(_fallback_crash_dir())
    lock = None
    try:
        from desktop.errors import DataDirNotFound, OfficeExists
        from desktop.services.office.status import hold_data_dir, office_status

        exists = office_status(data_dir).exists
        if args.command in ("init", "demo") and exists:
            raise OfficeExists(f"{data_dir} already holds an office; choose an empty folder.")
        if args.command not in ("init", "demo") and not exists:
            raise DataDirNotFound(f"{data_dir} holds no office; create one with 'init' first.")
        lock = hold_data_dir(data_dir)
        setup_logging(data_dir / "logs")
        crash.crash_dir = data_dir / "crash"
        pw = Passwords(args.password_stdin, stdin)
        return COMMANDS[args.command](args, pw, stdout)
    except UsageError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_USAGE
    except KnownError as exc:
        sys.stderr.write(f"{PROG}: error: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return EXIT_FAILED
    except BrokenPipeError:
        # the reader went away (`... | head`): not an error worth a crash report
        return EXIT_OK
    except Exception as exc:
        path = crash.write(type(exc), exc.__traceback__)
        sys.stderr.write(f"{PROG}: internal error ({type(exc).__name__}); crash log: {path}\n")
        return EXIT_FAILED
    finally:
        if lock is not None:
            lock.release()


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    code = run(sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
