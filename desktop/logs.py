"""Logging: named loggers per area into a rotating file in the data directory.

Log lines carry record ids, counts and error kinds; never names, document
numbers, passwords or medical text. Messages are written with %-style
arguments so that the rule is easy to review in one place per call.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "departure-desk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_handler: logging.Handler | None = None


def setup_logging(log_dir: Path | None, *, level: int = logging.INFO, stderr: bool = False) -> None:
    """Route the ``desktop`` loggers to ``log_dir`` (and to stderr when asked)."""
    global _handler
    root = logging.getLogger("desktop")
    root.setLevel(level)
    root.propagate = False
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if log_dir is not None:
        try:
            log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                log_dir / LOG_NAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            os.chmod(log_dir / LOG_NAME, 0o600)
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
        _handler = handler
    if stderr and not any(
        isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
        for h in root.handlers
    ):
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(stream)
