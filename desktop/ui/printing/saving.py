"""Saving a PDF where the clerk chooses: atomically, and saying why not in words a clerk
can act on. The PDF is written nowhere else (no temporary copy beside it survives)."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.atomic_file import write_atomically
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import tr, tr_noop

log = logging.getLogger("desktop.ui.printing")

_SAVE_REASONS = {
    errno.ENOSPC: tr_noop("the disk is full"),
    errno.EACCES: tr_noop("permission denied"),
    errno.EPERM: tr_noop("permission denied"),
    errno.EROFS: tr_noop("the drive is read-only"),
    errno.ENOENT: tr_noop("the folder does not exist"),
    errno.ENOTDIR: tr_noop("the folder does not exist"),
    errno.EISDIR: tr_noop("a folder has that name"),
    errno.ENAMETOOLONG: tr_noop("the file name is too long"),
}


def save_reason(exc: OSError) -> str:
    """Why saving failed, in words a clerk can act on (no path: it may hold a name)."""
    if exc.errno in _SAVE_REASONS:
        return tr(_SAVE_REASONS[exc.errno])
    if exc.errno is not None and exc.errno == getattr(errno, "EDQUOT", None):
        return tr("the disk quota is used up")
    if isinstance(exc, PermissionError):  # Windows: the file is open in another program
        return tr("permission denied (is the file open in another program?)")
    return exc.strerror or tr("the file system refused it")


def save_pdf_as(parent: QWidget | None, pdf: bytes, suggested_name: str) -> Path | None:
    """Ask where to save ``pdf`` (offering ``suggested_name``) and write it there whole.

    The path written, or None when the clerk cancelled or writing failed (the failure
    was shown). A name typed without an extension gets ".pdf".
    """
    title = tr("Save as PDF")
    path = dialogs.choose_save_path(parent, title, suggested_name, tr("PDF documents (*.pdf)"))
    if path is None:
        return None
    if not path.suffix:
        path = path.with_suffix(".pdf")
    try:
        write_atomically(path, pdf)
    except OSError as exc:
        log.warning("saving a PDF failed: %s", exc.strerror or type(exc).__name__)
        message = tr("Could not save the file: {reason}.").format(reason=save_reason(exc))
        dialogs.show_error(parent, title, message)
        return None
    return path
