"""What every command shares: exit codes, argument types, passwords, the unlocked office,
output helpers. The runner (``desktop.cli.runner``) maps errors to exit codes."""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from desktop.services.office.session import UnlockedOffice

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3

PROG = "departure-desk"


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


@dataclass(frozen=True)
class Parents:
    """Argument groups a command's parser inherits."""

    #: --data-dir
    common: argparse.ArgumentParser
    #: --user
    auth: argparse.ArgumentParser
    #: --password-stdin
    password: argparse.ArgumentParser

    @property
    def signed_in(self) -> list[argparse.ArgumentParser]:
        return [self.common, self.auth, self.password]


def parents() -> Parents:
    common = Parser(add_help=False)
    # SUPPRESS: a --data-dir given before the command must not be reset to None here
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="office data directory"
    )
    auth = Parser(add_help=False)
    auth.add_argument("--user", required=True, help="user name to sign in with")
    password = Parser(add_help=False)
    password.add_argument(
        "--password-stdin", action="store_true", help="read password(s) from standard input"
    )
    return Parents(common, auth, password)


# -- argument types -----------------------------------------------------------------------------


def limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("choose between 1 and 1000")
    return value


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 200_000:
        raise argparse.ArgumentTypeError("choose between 0 and 200000")
    return value


# -- plumbing -----------------------------------------------------------------------------------


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


def data_dir(args: argparse.Namespace) -> Path:
    """The office folder of this command (the demo office's own for ``demo``)."""
    from desktop.paths import default_data_dir, default_demo_dir

    if getattr(args, "data_dir", None):
        return Path(args.data_dir).expanduser().resolve()
    # a demo must never land in the real office folder
    return default_demo_dir() if args.command == "demo" else default_data_dir()


@contextmanager
def unlocked(args: argparse.Namespace, passwords: Passwords) -> Iterator[UnlockedOffice]:
    """The office unlocked for one command, closed (key wiped) whatever happens."""
    from desktop.services.office import auth

    password = passwords.next(f"Password for {args.user}")
    office = auth.unlock(data_dir(args), args.user, password)
    try:
        yield office
    finally:
        office.close()


def print_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def output_path(path: Path) -> Path:
    """A file the command may write: not a folder, in a folder that exists."""
    from desktop.errors import InvalidInput

    target = path.expanduser()
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name such as slips.pdf.")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist.")
    return target
