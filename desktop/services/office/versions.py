"""Versions of the parts that matter for support (shown in About)."""

from __future__ import annotations

import platform
from importlib import metadata

from desktop import __version__
from desktop.store.database import check_sqlcipher


def component_versions() -> list[tuple[str, str]]:
    def dist(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        ("Departure Desk", __version__),
        ("Python", platform.python_version()),
        ("SQLCipher", check_sqlcipher()),
        ("SQLAlchemy", dist("SQLAlchemy")),
        ("Alembic", dist("alembic")),
        ("reportlab", dist("reportlab")),
        ("cryptography", dist("cryptography")),
        ("argon2-cffi", dist("argon2-cffi")),
    ]
