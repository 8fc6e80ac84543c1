"""``print``: slips, agendas and fitness certificates to a PDF file.

The PDF is made before anything is written, so a refusal (a role, an unknown case) leaves
no file; the file is written atomically and owner-only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli.base import (
    EXIT_OK,
    Parents,
    Passwords,
    day,
    output_path,
    unlocked,
)

if TYPE_CHECKING:
    from desktop.services.office.session import UnlockedOffice


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], p: Parents) -> None:
    printing = sub.add_parser("print", help="print appointment slips and agendas to PDF")
    psub = printing.add_subparsers(
        dest="print_command", metavar="DOCUMENT", parser_class=type(printing)
    )
    psub.required = True
    parser = psub.add_parser(
        "slips",
        parents=p.signed_in,
        help="slips for the families of a day's appointments (records them as told)",
    )
    parser.add_argument("--date", type=day, required=True, help="office day, YYYY-MM-DD")
    parser.add_argument("--location", help="only this place (its name or the start of it)")
    parser.add_argument("--case", help="only this case number")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    parser.add_argument(
        "--no-mark",
        action="store_true",
        help="do not record the families as told (a test print that is not handed out)",
    )
    parser = psub.add_parser(
        "agenda", parents=p.signed_in, help="a day's agenda with a signature column"
    )
    parser.add_argument("--date", type=day, required=True, help="office day, YYYY-MM-DD")
    parser.add_argument("--location", help="only this place (its name or the start of it)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    parser = psub.add_parser(
        "fitness",
        parents=p.signed_in,
        help="fitness-to-travel certificates of a household (medical role)",
    )
    parser.add_argument("--case", required=True, help="case number, e.g. SHG-2026-00042")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    parser.add_argument(
        "--envelope",
        action="store_true",
        help="the MEDICAL-IN-CONFIDENCE cover sheet for the sealed envelope instead",
    )
    printing.set_defaults(run=cmd_print)


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


def cmd_print_fitness(args: argparse.Namespace, pw: Passwords, out: TextIO) -> int:
    """Certificates or the envelope cover sheet of one household. The PDF is made before
    anything is written: a user without the medical role is refused with no file."""
    from desktop.services.printing.medical import MedicalPrintingService
    from desktop.store.files import atomic_write

    target = output_path(args.output)
    with unlocked(args, pw) as office:
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
    target = output_path(args.output)
    with unlocked(args, pw) as office:
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
