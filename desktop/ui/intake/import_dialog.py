"""Importing a registration list: map the columns, preview, then import.

Step 1 maps each column of the file to a field of the registry (prefilled with the
remembered mapping or a suggestion). Step 2 is a dry run in the background: what would
be created, every problem by row, and possible duplicates; a newer preview (the skip
choice changed) replaces one still running. Step 3 imports as a ``WriteOp`` with a
progress bar and a Stop button (the operation's cancel); the import is one transaction,
so a stopped import leaves the registry as it was. What the import adds reaches the
pages through its change notice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.intake.importing import ImportReport, ImportService
from desktop.services.progress import Progress
from desktop.ui.intake.import_steps import DoneStep, ImportStep, Mapping, MappingStep, PreviewStep
from desktop.ui.intake.import_texts import finished_text
from desktop.ui.kit import operations
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import Operation, QueryOp, WriteOp
from desktop.ui.kit.widgets import SPACING, InlineMessage, heading, muted


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask for the registration list (tests replace this)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Import registration list"),
        "",
        tr("Registration lists (*.csv *.xlsx);;All files (*)"),
    )
    return Path(name) if name else None


class ImportDialog(QDialog):
    """Three steps: mapping, preview, import (then a summary)."""

    MAPPING, PREVIEW, IMPORTING, DONE = range(4)

    def __init__(self, service: ImportService, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import registration list"))
        self._service = service
        self.path = Path(path)
        self.report: ImportReport | None = None
        self.result_report: ImportReport | None = None
        self._import: Operation[ImportReport] | None = None

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(tr("Import registration list"), self, size=1.25))
        layout.addWidget(muted(tr("File: {name}").format(name=self.path.name), self))
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.mapping_step = MappingStep(self)
        self.preview_step = PreviewStep(self)
        self.import_step = ImportStep(self)
        self.done_step = DoneStep(self)
        for step in (self.mapping_step, self.preview_step, self.import_step, self.done_step):
            self.stack.addWidget(step)
        self.mapping_step.changed.connect(self._update_buttons)
        self.preview_step.skip_invalid.toggled.connect(lambda _on: self.preview())
        layout.addLayout(self._build_buttons())
        self.resize(760, 560)
        # the kit types it as a Signal; what it returns is the owner's bound signal
        busy = operations.busy_signal(self)
        busy.connect(lambda _busy: self._update_buttons())
        self._show_step(self.MAPPING)
        self._load_mapping()

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.back_button = QPushButton(tr("Back"), self)
        self.back_button.clicked.connect(self.back)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.next_button = QPushButton(tr("Preview"), self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        buttons.addWidget(self.next_button)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        return buttons

    # -- state ----------------------------------------------------------------------------
    def step(self) -> int:
        return self.stack.currentIndex()

    def mapping(self) -> Mapping:
        return self.mapping_step.mapping()

    def set_mapping(self, header: str, canonical: str | None) -> None:
        """Choose the field of one column (as a user would)."""
        self.mapping_step.set_mapping(header, canonical)

    def _stopping(self) -> bool:
        return self._import is not None and self._import.progress.cancelled

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step()
        busy = operations.is_busy(self)
        self.back_button.setVisible(step == self.PREVIEW)
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (self.MAPPING, self.PREVIEW, self.DONE))
        if step == self.MAPPING:
            mapped = bool(self.mapping()) and not self.mapping_step.missing()
            self.next_button.setText(tr("Preview"))
            self.next_button.setEnabled(not busy and mapped)
        elif step == self.PREVIEW:
            self.next_button.setText(tr("Import"))
            self.next_button.setEnabled(not busy and self._can_import())
        elif step == self.DONE:
            self.next_button.setText(tr("Close"))
            self.next_button.setEnabled(True)
        self.cancel_button.setVisible(step != self.DONE)
        importing = step == self.IMPORTING
        self.cancel_button.setText(tr("Stop import") if importing else tr("Cancel"))
        self.cancel_button.setEnabled(not (importing and self._stopping()))
        self.preview_step.skip_invalid.setEnabled(not busy)

    def _show_error(self, error: KnownError) -> None:
        self.message.show_error(error.message)

    # -- step 1: mapping --------------------------------------------------------------------
    def _load_mapping(self) -> None:
        self.mapping_step.missing_label.setText(tr("Reading the file…"))
        service, path = self._service, self.path
        QueryOp(self, lambda: service.mapping_for(path)).success(
            self.mapping_step.show_mapping
        ).failure(self._unreadable).run()

    def _unreadable(self, error: KnownError) -> None:
        self.mapping_step.missing_label.setText("")
        self._show_error(error)

    def _remember_mapping(self) -> None:
        service, mapping = self._service, self.mapping()
        WriteOp(self, lambda: service.remember_mapping(list(mapping), mapping)).failure(
            self._show_error
        ).run()

    # -- step 2: preview ----------------------------------------------------------------------
    def preview(self) -> None:
        """Dry run with the current mapping and the skip choice (a newer one replaces it)."""
        self.report = None
        self.preview_step.checking_file()
        service, path, mapping = self._service, self.path, self.mapping()
        skip = self.preview_step.skip_invalid.isChecked()
        QueryOp(
            self, lambda: service.run(path, mapping, dry_run=True, skip_invalid=skip)
        ).replacing("preview").success(self._previewed).failure(self._preview_failed).run()
        self._update_buttons()

    def _preview_failed(self, error: KnownError) -> None:
        self.preview_step.failed()
        self._show_error(error)

    def _previewed(self, report: ImportReport) -> None:
        self.report = report
        self.preview_step.show_report(report)
        self._update_buttons()

    def _can_import(self) -> bool:
        report = self.report
        if report is None or report.unmapped_required or not report.persons:
            return False
        return not (report.problems and not self.preview_step.skip_invalid.isChecked())

    # -- step 3: import ------------------------------------------------------------------------
    def start_import(self) -> None:
        self._show_step(self.IMPORTING)
        self.import_step.started()
        service, path, mapping = self._service, self.path, self.mapping()
        skip = self.preview_step.skip_invalid.isChecked()

        def work(progress: Progress) -> ImportReport:
            return service.run(path, mapping, dry_run=False, skip_invalid=skip, progress=progress)

        self._import = (
            WriteOp(self, work)
            .with_progress(self._advanced)
            .success(self._imported)
            .failure(self._import_failed)
            .on_cancel(self._stopped)
            .run()
        )
        self._update_buttons()

    def _advanced(self, done: int, total: int, _text: str) -> None:
        if self.step() == self.IMPORTING:
            self.import_step.advanced(done, total)

    def _imported(self, report: ImportReport) -> None:
        self.result_report = report
        if report.imported:
            self.import_step.finished()
        self._finish(finished_text(report))

    def _import_failed(self, error: KnownError) -> None:
        self._finish(tr("<b>Nothing was imported.</b><br>{reason}").format(reason=error.message))

    def _stopped(self) -> None:
        self._finish(tr("<b>The import was stopped: nothing was imported.</b>"))

    def _finish(self, text: str) -> None:
        self._import = None  # done: nothing to stop, and no reference back to this dialog
        self.done_step.done_label.setText(text)
        self._show_step(self.DONE)

    # -- buttons --------------------------------------------------------------------------------
    def next_step(self) -> None:
        step = self.step()
        if step == self.MAPPING:
            self._show_step(self.PREVIEW)
            if self.mapping_step.remember.isChecked():
                self._remember_mapping()
            self.preview()
        elif step == self.PREVIEW and self._can_import():
            self.start_import()
        elif step == self.DONE:
            self.accept()

    def back(self) -> None:
        if self.step() == self.PREVIEW and not operations.is_busy(self):
            self._show_step(self.MAPPING)

    def cancel(self) -> None:
        if self.step() == self.IMPORTING:
            if self._import is not None:
                self._import.cancel()
            self.import_step.progress_label.setText(tr("Stopping…"))
            self._update_buttons()
            return
        self.reject()

    def reject(self) -> None:
        if self.step() == self.IMPORTING and self.isVisible():
            # Esc or the close button while importing: stop, and wait for the answer
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        operations.abandon(self)  # a preview still running is dropped
        super().done(result)

    def close_for_lock(self) -> None:
        """The office is locking: stop any import and close without waiting."""
        self.done(QDialog.DialogCode.Rejected.value)
