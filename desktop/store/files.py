"""Small file helpers: atomic replacement and errno -> known error mapping."""

from __future__ import annotations

import errno
from pathlib import Path

from desktop.atomic_file import write_atomically
from desktop.errors import DataDirNotWritable, DiskFull, KnownError


def known_os_error(exc: OSError, what: str) -> KnownError | None:
    """Return the known error for an environmental OSError, or None for a bug."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full: could not write {what}. Free some space and try again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DataDirNotWritable(
            f"Cannot write {what}: the folder is read-only or you lack permission."
        )
    return None


def atomic_write(path: Path, data: bytes, what: str) -> None:
    """Write data to path so that readers see the old or the new file, never a part."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        known = known_os_error(exc, what)
        if known is None:
            raise
        raise known from exc


def ensure_private_dir(path: Path, what: str) -> None:
    """Create a directory readable only by the current user."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise DataDirNotWritable(
            f"{path} (or a folder above it) is a file, not a folder; choose a folder for {what}."
        ) from exc
    except OSError as exc:
        known = known_os_error(exc, what)
        if known is None:
            raise
        raise known from exc
