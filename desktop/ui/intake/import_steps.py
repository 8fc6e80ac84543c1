"""The pages of the import dialog, one per step: which column is which, the preview,
the import under way, and the summary. They show what the dialog hands them; the dialog
runs the service calls and moves between them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.intake.columns import CANONICAL_COLUMNS, REQUIRED_COLUMNS
from desktop.services.intake.importing import ImportReport
from desktop.ui.intake.import_texts import (
    IGNORE,
    duplicate_rows,
    field_name,
    names,
    preview_text,
    problem_rows,
)
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import muted

Mapping = dict[str, str | None]


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


def _titled(step: QWidget, title: str) -> QVBoxLayout:
    """The layout of a step, its title in bold at the top."""
    layout = QVBoxLayout(step)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(f"<b>{title}</b>", step))
    return layout


class MappingStep(QWidget):
    """Step 1: for each column of the file, the registry field it holds."""

    #: the clerk chose another field for a column
    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = _titled(self, tr("Step 1 of 3: which column is which"))
        layout.addWidget(
            muted(
                tr(
                    "For each column of the file, choose the registry field it holds. "
                    "Fields marked * are required."
                ),
                self,
            )
        )
        self.table = _table(self, "mappingTable", [tr("Column in the file"), tr("Registry field")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.table, 1)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.remember = QCheckBox(tr("Remember this mapping for files with these columns"), self)
        self.remember.setObjectName("rememberMapping")
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        self._combos: dict[str, QComboBox] = {}

    def show_mapping(self, mapping: Mapping) -> None:
        """One row per column of the file, its field chosen as ``mapping`` says."""
        headers = list(mapping)
        self.table.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox(self.table)
            combo.setObjectName(f"map_{row}")
            combo.setAccessibleName(
                tr("Registry field for the column {header}").format(header=header)
            )
            combo.addItem(tr(IGNORE), None)
            for canonical in CANONICAL_COLUMNS:
                combo.addItem(field_name(canonical), canonical)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header))))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 1, combo)
            self._combos[header] = combo
        self.table.resizeColumnToContents(0)
        self._changed()

    def mapping(self) -> Mapping:
        return {header: combo.currentData() for header, combo in self._combos.items()}

    def set_mapping(self, header: str, canonical: str | None) -> None:
        """Choose the field of one column (as a user would)."""
        combo = self._combos[header]
        combo.setCurrentIndex(combo.findData(canonical))

    def missing(self) -> list[str]:
        """Required fields without a column."""
        chosen = set(self.mapping().values())
        return [c for c in REQUIRED_COLUMNS if c not in chosen]

    def _twice(self) -> list[str]:
        seen: dict[str, int] = {}
        for canonical in self.mapping().values():
            if canonical:
                seen[canonical] = seen.get(canonical, 0) + 1
        return [c for c, n in seen.items() if n > 1]

    def _changed(self, _index: int = 0) -> None:
        notes = []
        missing, twice = self.missing(), self._twice()
        if missing:
            notes.append(tr("Still needed: {fields}.").format(fields=names(missing)))
        if twice:
            notes.append(
                tr("Chosen for more than one column: {fields}.").format(fields=names(twice))
            )
        if notes:
            self.missing_label.setStyleSheet(palette.text_style(palette.ERROR))
            self.missing_label.setText(" ".join(notes))
        else:
            self.missing_label.setStyleSheet(palette.text_style(palette.GOOD))
            self.missing_label.setText(tr("Every required field has a column."))
        self.changed.emit()


class PreviewStep(QWidget):
    """Step 2: what a dry run found, problems by row, possible duplicates."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = _titled(self, tr("Step 2 of 3: check before importing"))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("previewSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        self.checking = QProgressBar(self)
        self.checking.setRange(0, 0)  # busy: a dry run gives no progress
        self.checking.setTextVisible(False)
        self.checking.setMaximumHeight(8)
        layout.addWidget(self.checking)
        self.problems_title = QLabel(self)
        layout.addWidget(self.problems_title)
        self.problems_table = _table(
            self, "problemsTable", [tr("Row"), tr("Column"), tr("Problem")]
        )
        layout.addWidget(self.problems_table, 1)
        self.skip_invalid = QCheckBox(
            tr("Skip households with problems (import the others; no family is split)"), self
        )
        self.skip_invalid.setObjectName("skipInvalid")
        layout.addWidget(self.skip_invalid)
        self.duplicates_title = QLabel(self)
        layout.addWidget(self.duplicates_title)
        self.duplicates_table = _table(
            self, "duplicatesTable", [tr("Row"), tr("Matches"), tr("Score"), tr("Why")]
        )
        layout.addWidget(self.duplicates_table, 1)

    def checking_file(self) -> None:
        self.summary_label.setText(tr("Checking the file…"))
        self.checking.show()

    def failed(self) -> None:
        self.checking.hide()
        self.summary_label.setText("")

    def show_report(self, report: ImportReport) -> None:
        self.checking.hide()
        skip = self.skip_invalid.isChecked()
        self.summary_label.setText(preview_text(report, skip))
        problems = problem_rows(report)
        self.problems_title.setText(
            tr("<b>Problems ({count})</b>").format(count=len(problems))
            if problems
            else tr("<b>Problems</b>: none")
        )
        _fill(self.problems_table, problems)
        self.problems_table.setVisible(bool(problems))
        self.skip_invalid.setVisible(bool(problems) or skip)
        duplicates = duplicate_rows(report)
        self.duplicates_title.setText(
            tr(
                "<b>Possible duplicates ({count})</b>: imported anyway, "
                "review them on the Duplicates page afterwards"
            ).format(count=len(duplicates))
            if duplicates
            else tr("<b>Possible duplicates</b>: none")
        )
        _fill(self.duplicates_table, duplicates)
        self.duplicates_table.setVisible(bool(duplicates))


class ImportStep(QWidget):
    """Step 3: the import under way, with its progress."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = _titled(self, tr("Step 3 of 3: importing"))
        self.progress_label = QLabel(tr("Starting…"), self)
        layout.addWidget(self.progress_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(
            muted(tr("Cancel stops the import; nothing is written unless it finishes."), self)
        )
        layout.addStretch(1)

    def started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(tr("Importing…"))

    def advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            tr("Importing… {done} of {total} people checked").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )

    def finished(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)


class DoneStep(QWidget):
    """The end: what was imported, or why nothing was."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
