"""What the import dialog says: the registry's fields by name, and the summaries of a
preview and of a finished import (rich text, in the interface language)."""

from __future__ import annotations

from desktop.services.intake.columns import REQUIRED_COLUMNS
from desktop.services.intake.importing import ImportReport
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr, tr_noop

#: how the registry's fields read in the mapping drop-downs
FIELD_NAMES: dict[str, str] = {
    "case_ref": tr_noop("Household reference"),
    "relationship": tr_noop("Relationship"),
    "given_name": tr_noop("Given name"),
    "family_name": tr_noop("Family name"),
    "father_name": tr_noop("Father's name"),
    "native_name": tr_noop("Name (native script)"),
    "sex": tr_noop("Sex"),
    "date_of_birth": tr_noop("Date of birth"),
    "nationality": tr_noop("Nationality"),
    "document_type": tr_noop("Document type"),
    "document_number": tr_noop("Document number"),
    "document_expiry": tr_noop("Document expiry"),
    "phone": tr_noop("Phone"),
    "language": tr_noop("Language"),
    "destination_country": tr_noop("Destination country"),
    "programme": tr_noop("Programme"),
}
IGNORE = tr_noop("(do not import)")
#: row numbers named in a summary before "…"
SHOWN_ROWS = 12


def plain_name(canonical: str) -> str:
    """A registry field as it reads: "Date of birth"."""
    name = FIELD_NAMES.get(canonical)
    return tr(name) if name is not None else canonical.replace("_", " ").capitalize()


def field_name(canonical: str) -> str:
    """A registry field in a drop-down: required ones marked *."""
    name = plain_name(canonical)
    return f"{name} *" if canonical in REQUIRED_COLUMNS else name


def names(canonicals: list[str] | tuple[str, ...]) -> str:
    return ", ".join(plain_name(c) for c in canonicals)


def left_out(report: ImportReport) -> list[int]:
    """Rows not imported: rows with a problem and the other rows of their households."""
    return sorted({p.row for p in report.problems} | set(report.skipped_rows))


def rows_text(rows: list[int], limit: int = SHOWN_ROWS) -> str:
    text = ", ".join(str(r) for r in rows[:limit])
    return text + (", …" if len(rows) > limit else "")


def _error(text: str) -> str:
    return f"<span style='color:{palette.ERROR}'>{text}</span>"


def preview_text(report: ImportReport, skip_invalid: bool) -> str:
    """What the dry run found, and what importing would do."""
    lines = [tr("Rows read: <b>{rows}</b>.").format(rows=f"{report.rows_read:,}")]
    if report.unmapped_required:
        missing = names(report.unmapped_required)
        lines.append(_error(tr("No column for: {fields}. Go back.").format(fields=missing)))
        return "<br>".join(lines)
    if report.problems and not skip_invalid:
        blocked = tr(
            "<b>Nothing will be imported</b>: {count} problem(s) below. Fix the file, or tick "
            "“Skip households with problems”."
        ).format(count=len(report.problems))
        lines.append(_error(blocked))
        return "<br>".join(lines)
    lines.append(
        tr(
            "Would create <b>{households}</b> household(s) with <b>{persons}</b> person(s) "
            "and {documents} document(s)."
        ).format(
            households=f"{report.households:,}",
            persons=f"{report.persons:,}",
            documents=f"{report.documents:,}",
        )
    )
    rows = left_out(report)
    if rows:
        lines.append(
            tr("Left out: {count} row(s) of households with problems (rows {rows}).").format(
                count=len(rows), rows=rows_text(rows)
            )
        )
    if not report.persons:
        lines.append(tr("There is nothing to import."))
    return "<br>".join(lines)


def finished_text(report: ImportReport) -> str:
    """What a finished import added, and what it left out."""
    if not report.imported:
        return tr("<b>Nothing was imported.</b> The file has problems; go back to the preview.")
    text = tr(
        "<b>Import finished.</b><br>{households} household(s) with {persons} person(s) and "
        "{documents} document(s) were added."
    ).format(
        households=f"{report.households:,}",
        persons=f"{report.persons:,}",
        documents=f"{report.documents:,}",
    )
    rows = left_out(report)
    if rows:
        text += "<br>" + tr(
            "{count} row(s) of households with problems were left out (rows {rows})."
        ).format(count=len(rows), rows=rows_text(rows))
    if report.duplicates:
        text += "<br>" + tr(
            "{count} possible duplicate(s): review them on the Duplicates page."
        ).format(count=len(report.duplicates))
    return text


def problem_rows(report: ImportReport) -> list[tuple[str, ...]]:
    return [(str(p.row), p.column, p.reason) for p in sorted(report.problems, key=lambda p: p.row)]


def duplicate_rows(report: ImportReport) -> list[tuple[str, ...]]:
    return [
        (
            str(d.row),
            tr("row {row} of this file").format(row=d.other_row)
            if d.other_row is not None
            else tr("registered in {case}").format(case=d.other_case_number),
            f"{d.score:.0f}",
            "; ".join(d.reasons),
        )
        for d in report.duplicates
    ]
