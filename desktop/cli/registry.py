"""Registry commands: search, list households, duplicates, import a registration list.

Look-ups are audited with counts only, never the query or the names found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    Parents,
    Passwords,
    limit,
    print_json,
    unlocked,
)

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], p: Parents) -> None:
    parser = sub.add_parser("search", parents=p.signed_in, help="find people (audited)")
    parser.add_argument("query")
    parser.add_argument("--limit", type=limit, default=20)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=cmd_search)

    parser = sub.add_parser(
        "duplicates", parents=p.signed_in, help="likely and possible duplicate people"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=cmd_duplicates)

    imports = sub.add_parser("import", help="import lists")
    isub = imports.add_subparsers(dest="import_command", metavar="KIND", parser_class=type(imports))
    isub.required = True
    parser = isub.add_parser(
        "intake", parents=p.signed_in, help="a registration list (CSV or XLSX)"
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the households whose rows are all valid, leave out the others",
    )
    imports.set_defaults(run=cmd_import)

    cases = sub.add_parser("cases", help="households (cases)")
    csub = cases.add_subparsers(dest="cases_command", metavar="ACTION", parser_class=type(cases))
    csub.required = True
    parser = csub.add_parser(
        "list", parents=p.signed_in, help="case numbers, status, members (no names)"
    )
    parser.add_argument("--json", action="store_true")
    cases.set_defaults(run=cmd_cases)


def cmd_search(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    from desktop.errors import InvalidInput
    from desktop.services.registry.lists import RegistryService
    from desktop.services.registry.search import SearchService

    if not args.query.strip():
        raise InvalidInput("Give something to search for: a name, case number or document.")
    with unlocked(args, pw) as office:
        search = SearchService(office)
        search.ensure_index()
        hits = search.search(args.query, limit=args.limit)
        RegistryService(office).audit_lookup("cli_search", {"hits": len(hits)})
    if args.json:
        print_json(
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

    with unlocked(args, pw) as office:
        pairs = DuplicateService(office).candidates()
        RegistryService(office).audit_lookup("cli_duplicates", {"pairs": len(pairs)})
    if args.json:
        print_json(
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
    with unlocked(args, pw) as office:
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

    with unlocked(args, pw) as office:
        registry = RegistryService(office)
        cases = registry.case_summaries()
        registry.audit_lookup("cli_cases_listed", {"cases": len(cases)})
    if args.json:
        print_json(
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
