"""Command line: the GUI by default, sub-commands for IT, headquarters and tests.

One module per command group (``office``, ``registry``, ``printing``, ``users``), each
with a ``register`` that adds its parsers; ``runner`` opens the office folder and maps
errors to exit codes. Passwords come from standard input (``--password-stdin``, one per
line) or a prompt, never from arguments.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop.cli.runner import build_parser, run

__all__ = ["build_parser", "main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    return run(sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout)
