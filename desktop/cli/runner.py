"""One place that parses a command line, takes the office folder, runs the command and
maps every outcome to an exit code: 0 done, 1 failed, 2 usage error, 3 authentication
failed. Errors are one line on stderr; a bug writes a crash log without personal data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop import APP_NAME, __version__
from desktop.cli import office, printing, registry, users
from desktop.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Parser,
    Passwords,
    UsageError,
    data_dir,
    parents,
)
from desktop.errors import KnownError

#: the command groups, one module each (departures, export, hq and backup come next)
GROUPS = (office, registry, printing, users)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description=f"{APP_NAME}: resettlement departures, offline.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", type=Path, help="office data directory (GUI)")
    parser.add_argument(
        "--no-error-dialogs",
        action="store_true",
        help="write errors to the log and stderr instead of showing dialogs",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    shared = parents()
    for group in GROUPS:
        group.register(sub, shared)
    return parser


def run(argv: Sequence[str], stdin: TextIO, stdout: TextIO) -> int:
    """Run one command; returns the exit code. Never raises for known errors."""
    args = build_parser().parse_args(list(argv))
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args.data_dir, no_error_dialogs=args.no_error_dialogs)

    from desktop.crash import CrashHandler
    from desktop.logs import setup_logging
    from desktop.paths import fallback_crash_dir
    from desktop.store.paths import OfficePaths

    folder = data_dir(args)
    setup_logging(None)  # nothing is written to a folder before we know it is an office
    crash = CrashHandler(fallback_crash_dir())
    lock = None
    try:
        from desktop.errors import DataDirNotFound, OfficeExists
        from desktop.services.office.status import hold_data_dir, office_status

        exists = office_status(folder).exists
        new_office = getattr(args, "new_office", False)
        if new_office and exists:
            raise OfficeExists(f"{folder} already holds an office; choose an empty folder.")
        if not new_office and not exists:
            raise DataDirNotFound(f"{folder} holds no office; create one with 'init' first.")
        lock = hold_data_dir(folder)
        paths = OfficePaths(folder)
        setup_logging(paths.logs)
        crash.crash_dir = paths.crashes
        code: int = args.run(args, Passwords(args.password_stdin, stdin), stdout)
        return code
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
