"""Helpers shared by the Alembic environment and the schema tests."""

from __future__ import annotations

from typing import Any

#: tables that exist only in the database (FTS5 virtual table and its shadow tables)
DATABASE_ONLY_PREFIXES = ("person_search",)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave SQLite FTS5 tables out of model-vs-database comparisons."""
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
    return not str(table or "").startswith(DATABASE_ONLY_PREFIXES)
