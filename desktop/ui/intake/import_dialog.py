"""Importing a registration list: map the columns, preview, then import.

Step 1 maps each column of the file to a field of the registry (prefilled with
the remembered mapping or a suggestion). Step 2 is a dry run in the background:
what would be created, every problem by row, and possible duplicates. Step 3
imports in the background with a progress bar and a Cancel button; the import
is one transaction, so a stopped import leaves the registry as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.intake.columns import CANONICAL_COLUMNS, REQUIRED_COLUMNS
from desktop.services.intake.importing import ImportCancelled, ImportReport, ImportService
from desktop.services.progress import Progress
from desktop.ui.kit.widgets import SPACING, InlineMessage, heading, muted
from desktop.ui.worker import run_in_background

Mapping = dict[str, str | None]

#: how the registry's fields read in the mapping drop-downs
FIELD_NAMES: dict[str, str] = {
    "case_ref": "Household reference",
    "relationship": "Relationship",
    "given_name": "Given name",
    "family_name": "Family name",
    "father_name": "Father's name",
    "native_name": "Name (native script)",
    "sex": "Sex",
    "date_of_birth": "Date of birth",
    "nationality": "Nationality",
    "document_type": "Document type",
    "document_number": "Document number",
    "document_expiry": "Document expiry",
    "phone": "Phone",
    "language": "Language",
    "destination_country": "Destination country",
    "programme": "Programme",
}
IGNORE = "(do not import)"


def field_name(canonical: str) -> str:
    name = FIELD_NAMES.get(canonical, canonical.replace("_", " ").capitalize())
    return f"{name} *" if canonical in REQUIRED_COLUMNS else name


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask for the registration list (tests replace this)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        "Import registration list",
        "",
        "Registration lists (*.csv *.xlsx);;All files (*)",
    )
    return Path(name) if name else None


class _Progress(QObject):
    """Carries progress from the import thread to the GUI thread (a queued signal)."""

    advanced = Signal(int, int)


def _table(parent: QWidget, name: str, titles: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(titles), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(titles)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for number, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(number, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


def _left_out(report: ImportReport) -> list[int]:
    """Rows not imported: rows with a problem and the other rows of their households."""
    return sorted({p.row for p in report.problems} | set(report.skipped_rows))


def _rows_text(rows: list[int], limit: int = 12) -> str:
    text = ", ".join(str(r) for r in rows[:limit])
    return text + (", …" if len(rows) > limit else "")


class ImportDialog(QDialog):
    """Three steps: mapping, preview, import (then a summary)."""

    #: the registry changed (at the end of a successful import)
    imported = Signal()

    MAPPING, PREVIEW, IMPORTING, DONE = range(4)

    def __init__(self, service: ImportService, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import registration list")
        self._service = service
        self.path = Path(path)
        self._headers: list[str] = []
        self._combos: dict[str, QComboBox] = {}
        self._busy = 0
        self._closed = False
        self._preview_request = 0
        self._cancel = Progress()
        self.report: ImportReport | None = None
        self.result_report: ImportReport | None = None
        # no parent: the import thread may still report after the window is gone
        self._progress = _Progress()
        self._progress.advanced.connect(self._advanced)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        self.title_label = heading("Import registration list", self, size=1.25)
        layout.addWidget(self.title_label)
        layout.addWidget(muted(f"File: {self.path.name}", self))
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._mapping_step())
        self.stack.addWidget(self._preview_step())
        self.stack.addWidget(self._import_step())
        self.stack.addWidget(self._done_step())

        buttons = QHBoxLayout()
        self.back_button = QPushButton("Back", self)
        self.back_button.clicked.connect(self.back)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.next_button = QPushButton("Preview", self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        buttons.addWidget(self.next_button)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(760, 560)
        self._show_step(self.MAPPING)
        self._load_mapping()

    # -- steps ----------------------------------------------------------------------------
    def _mapping_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Step 1 of 3: which column is which</b>", page))
        layout.addWidget(
            muted(
                "For each column of the file, choose the registry field it holds. "
                "Fields marked * are required.",
                page,
            )
        )
        self.mapping_table = _table(page, "mappingTable", ["Column in the file", "Registry field"])
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.mapping_table, 1)
        self.missing_label = QLabel(page)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.remember = QCheckBox("Remember this mapping for files with these columns", page)
        self.remember.setObjectName("rememberMapping")
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        return page

    def _preview_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Step 2 of 3: check before importing</b>", page))
        self.summary_label = QLabel(page)
        self.summary_label.setObjectName("previewSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        self.checking = QProgressBar(page)
        self.checking.setRange(0, 0)  # busy: a dry run gives no progress
        self.checking.setTextVisible(False)
        self.checking.setMaximumHeight(8)
        layout.addWidget(self.checking)
        self.problems_title = QLabel(page)
        layout.addWidget(self.problems_title)
        self.problems_table = _table(page, "problemsTable", ["Row", "Column", "Problem"])
        layout.addWidget(self.problems_table, 1)
        self.skip_invalid = QCheckBox(
            "Skip households with problems (import the others; no family is split)", page
        )
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self.preview())
        layout.addWidget(self.skip_invalid)
        self.duplicates_title = QLabel(page)
        layout.addWidget(self.duplicates_title)
        self.duplicates_table = _table(page, "duplicatesTable", ["Row", "Matches", "Score", "Why"])
        layout.addWidget(self.duplicates_table, 1)
        return page

    def _import_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Step 3 of 3: importing</b>", page))
        self.progress_label = QLabel("Starting…", page)
        layout.addWidget(self.progress_label)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(
            muted(
                "Cancel stops the import; nothing is written unless it finishes.",
                page,
            )
        )
        layout.addStretch(1)
        return page

    def _done_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    def step(self) -> int:
        return self.stack.currentIndex()

    def busy(self) -> bool:
        return self._busy > 0

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step()
        busy = self.busy()
        self.back_button.setVisible(step == self.PREVIEW)
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (self.MAPPING, self.PREVIEW, self.DONE))
        if step == self.MAPPING:
            self.next_button.setText("Preview")
            self.next_button.setEnabled(not busy and bool(self._headers) and not self._missing())
        elif step == self.PREVIEW:
            self.next_button.setText("Import")
            self.next_button.setEnabled(not busy and self._can_import())
        elif step == self.DONE:
            self.next_button.setText("Close")
            self.next_button.setEnabled(True)
        self.cancel_button.setVisible(step != self.DONE)
        self.cancel_button.setText("Stop import" if step == self.IMPORTING else "Cancel")
        self.cancel_button.setEnabled(not (step == self.IMPORTING and self._cancel.cancelled))
        self.skip_invalid.setEnabled(not busy)

    def _start(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[KnownError], None] | None = None,
    ) -> None:
        self._busy += 1
        self._update_buttons()

        def finished(result: Any) -> None:
            self._busy -= 1
            if not self._closed:
                done(result)
                self._update_buttons()

        def error(exc: KnownError) -> None:
            self._busy -= 1
            if self._closed:
                return
            if failed is not None:
                failed(exc)
            else:
                self.message.show_error(exc.message)
            self._update_buttons()

        run_in_background(work, finished, error)

    # -- step 1: mapping --------------------------------------------------------------------
    def _load_mapping(self) -> None:
        self.missing_label.setText("Reading the file…")
        service, path = self._service, self.path
        self._start(lambda: service.mapping_for(path), self._mapping_loaded, self._unreadable)

    def _unreadable(self, error: KnownError) -> None:
        self.missing_label.setText("")
        self.message.show_error(error.message)

    def _mapping_loaded(self, mapping: Mapping) -> None:
        self._headers = list(mapping)
        self.mapping_table.setRowCount(len(self._headers))
        for row, header in enumerate(self._headers):
            item = QTableWidgetItem(header)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.setObjectName(f"map_{row}")
            combo.setAccessibleName(f"Registry field for the column {header}")
            combo.addItem(IGNORE, None)
            for canonical in CANONICAL_COLUMNS:
                combo.addItem(field_name(canonical), canonical)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(row, 1, combo)
            self._combos[header] = combo
        self.mapping_table.resizeColumnToContents(0)
        self._mapping_changed()

    def mapping(self) -> Mapping:
        return {header: combo.currentData() for header, combo in self._combos.items()}

    def set_mapping(self, header: str, canonical: str | None) -> None:
        """Choose the field of one column (as a user would)."""
        combo = self._combos[header]
        combo.setCurrentIndex(combo.findData(canonical))

    def _missing(self) -> list[str]:
        chosen = set(self.mapping().values())
        return [c for c in REQUIRED_COLUMNS if c not in chosen]

    def _twice(self) -> list[str]:
        seen: dict[str, int] = {}
        for canonical in self.mapping().values():
            if canonical:
                seen[canonical] = seen.get(canonical, 0) + 1
        return [c for c, n in seen.items() if n > 1]

    def _mapping_changed(self) -> None:
        missing = self._missing()
        twice = self._twice()
        notes = []
        if missing:
            names = ", ".join(FIELD_NAMES[c] for c in missing)
            notes.append(f"Still needed: {names}.")
        if twice:
            names = ", ".join(FIELD_NAMES[c] for c in twice)
            notes.append(f"Chosen for more than one column: {names}.")
        if notes:
            self.missing_label.setStyleSheet("color: #b91c1c;")
            self.missing_label.setText(" ".join(notes))
        else:
            self.missing_label.setStyleSheet("color: #166534;")
            self.missing_label.setText("Every required field has a column.")
        self._update_buttons()

    # -- step 2: preview ----------------------------------------------------------------------
    def preview(self) -> None:
        """Dry run with the current mapping and the skip choice."""
        if self._closed:
            return
        self._preview_request += 1
        request = self._preview_request
        self.report = None
        self.summary_label.setText("Checking the file…")
        self.checking.show()
        service, path, mapping = self._service, self.path, self.mapping()
        skip = self.skip_invalid.isChecked()
        remember = self.remember.isChecked()

        def work() -> ImportReport:
            if remember:
                service.remember_mapping(list(mapping), mapping)
            return service.run(path, mapping, dry_run=True, skip_invalid=skip)

        self._start(work, lambda report: self._previewed(request, report), self._preview_failed)

    def _preview_failed(self, error: KnownError) -> None:
        self.checking.hide()
        self.summary_label.setText("")
        self.message.show_error(error.message)

    def _previewed(self, request: int, report: ImportReport) -> None:
        if request != self._preview_request:
            return
        self.report = report
        self.checking.hide()
        self.summary_label.setText(self._preview_text(report))
        problems = sorted(report.problems, key=lambda p: p.row)
        self.problems_title.setText(
            f"<b>Problems ({len(problems)})</b>" if problems else "<b>Problems</b>: none"
        )
        _fill(self.problems_table, [(str(p.row), p.column, p.reason) for p in problems])
        self.problems_table.setVisible(bool(problems))
        self.skip_invalid.setVisible(bool(problems) or self.skip_invalid.isChecked())
        duplicates = report.duplicates
        self.duplicates_title.setText(
            f"<b>Possible duplicates ({len(duplicates)})</b>: imported anyway, "
            "review them on the Duplicates page afterwards"
            if duplicates
            else "<b>Possible duplicates</b>: none"
        )
        _fill(
            self.duplicates_table,
            [
                (
                    str(d.row),
                    f"row {d.other_row} of this file"
                    if d.other_row is not None
                    else f"registered in {d.other_case_number}",
                    f"{d.score:.0f}",
                    "; ".join(d.reasons),
                )
                for d in duplicates
            ],
        )
        self.duplicates_table.setVisible(bool(duplicates))

    def _preview_text(self, report: ImportReport) -> str:
        lines = [f"Rows read: <b>{report.rows_read:,}</b>."]
        if report.unmapped_required:
            names = ", ".join(FIELD_NAMES.get(c, c) for c in report.unmapped_required)
            lines.append(f"<span style='color:#b91c1c'>No column for: {names}. Go back.</span>")
            return "<br>".join(lines)
        if report.problems and not self.skip_invalid.isChecked():
            lines.append(
                "<span style='color:#b91c1c'><b>Nothing will be imported</b>: "
                f"{len(report.problems)} problem(s) below. Fix the file, or tick "
                "“Skip households with problems”.</span>"
            )
            return "<br>".join(lines)
        lines.append(
            f"Would create <b>{report.households:,}</b> household(s) with "
            f"<b>{report.persons:,}</b> person(s) and {report.documents:,} document(s)."
        )
        left_out = _left_out(report)
        if left_out:
            lines.append(
                f"Left out: {len(left_out)} row(s) of households with problems "
                f"(rows {_rows_text(left_out)})."
            )
        if not report.persons:
            lines.append("There is nothing to import.")
        return "<br>".join(lines)

    def _can_import(self) -> bool:
        report = self.report
        if report is None or report.unmapped_required or not report.persons:
            return False
        return not (report.problems and not self.skip_invalid.isChecked())

    # -- step 3: import ------------------------------------------------------------------------
    def start_import(self) -> None:
        self._show_step(self.IMPORTING)
        self.progress.setRange(0, 0)
        self.progress_label.setText("Importing…")
        service, path, mapping = self._service, self.path, self.mapping()
        skip = self.skip_invalid.isChecked()
        relay = self._progress
        progress = self._cancel = Progress(lambda done, total, _t: relay.advanced.emit(done, total))

        def work() -> ImportReport:
            return service.run(path, mapping, dry_run=False, skip_invalid=skip, progress=progress)

        self._start(work, self._imported, self._import_failed)

    def _advanced(self, done: int, total: int) -> None:
        if self.step() != self.IMPORTING:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(f"Importing… {done:,} of {total:,} people checked")

    def _imported(self, report: ImportReport) -> None:
        self.result_report = report
        if report.imported:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            text = (
                f"<b>Import finished.</b><br>{report.households:,} household(s) with "
                f"{report.persons:,} person(s) and {report.documents:,} document(s) were added."
            )
            left_out = _left_out(report)
            if left_out:
                text += (
                    f"<br>{len(left_out)} row(s) of households with problems were left out "
                    f"(rows {_rows_text(left_out)})."
                )
            if report.duplicates:
                text += (
                    f"<br>{len(report.duplicates)} possible duplicate(s): "
                    "review them on the Duplicates page."
                )
            self.imported.emit()
        else:
            text = "<b>Nothing was imported.</b> The file has problems; go back to the preview."
        self.done_label.setText(text)
        self._show_step(self.DONE)

    def _import_failed(self, error: KnownError) -> None:
        if isinstance(error, ImportCancelled):
            self.done_label.setText("<b>The import was stopped: nothing was imported.</b>")
        else:
            self.done_label.setText(f"<b>Nothing was imported.</b><br>{error.message}")
        self._show_step(self.DONE)

    # -- buttons --------------------------------------------------------------------------------
    def next_step(self) -> None:
        step = self.step()
        if step == self.MAPPING:
            self._show_step(self.PREVIEW)
            self.preview()
        elif step == self.PREVIEW and self._can_import():
            self.start_import()
        elif step == self.DONE:
            self.accept()

    def back(self) -> None:
        if self.step() == self.PREVIEW and not self.busy():
            self._preview_request += 1
            self._show_step(self.MAPPING)

    def cancel(self) -> None:
        if self.step() == self.IMPORTING:
            self._cancel.cancel()
            self.progress_label.setText("Stopping…")
            self._update_buttons()
            return
        self.reject()

    def reject(self) -> None:
        if self.step() == self.IMPORTING and not self._closed:
            # Esc or the close button while importing: stop, and wait for the answer
            self.cancel()
            return
        self._closed = True
        super().reject()

    def close_for_lock(self) -> None:
        """The office is locking: stop any import and close without waiting."""
        self._cancel.cancel()
        self._closed = True
        super().reject()
