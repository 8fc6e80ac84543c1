"""Preview, print and save the PDF documents that ``reports/`` makes.

The preview shows the pages (``PageColumn``: drawn by PDFium as they come into view),
prints them in the background at 300 dpi (``printer``), or saves the PDF where the clerk
chooses (``saving``). The PDF stays in memory: it is written to disk only where the
clerk chooses to save it, never to a temporary copy elsewhere.

A preview given a ``PreviewSource`` listens to the office's change notices: when records
its paper shows change (an appointment moved while the agenda is open), it makes the PDF
again in the background and shows the new pages, saying so, and nothing stale can be
printed or saved meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.progress import Progress
from desktop.ui.kit import dialogs, operations, palette
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, muted
from desktop.ui.printing import printer as printing
from desktop.ui.printing.page_column import PageColumn
from desktop.ui.printing.pdfium_pages import PdfError, PdfPages
from desktop.ui.printing.preview_toolbar import PreviewToolbar
from desktop.ui.printing.saving import save_pdf_as

log = logging.getLogger("desktop.ui.printing.pdf_preview")


@dataclass(frozen=True)
class PreviewSource:
    """What a previewed PDF is made from, so that the preview can make it again."""

    #: the kinds of record the paper shows (an agenda: appointments, places...)
    kinds: frozenset[Kind]
    #: makes the PDF again; Qt-free, runs off the GUI thread (as a write: printing audits)
    rebuild: Callable[[], bytes]
    #: the office's change notices
    notices: ChangeNotices
    #: a finer test of a change (the households the paper is about); None: every change
    #: of ``kinds`` matters
    matters: Callable[[Change], bool] | None = None

    def wants(self, change: Change) -> bool:
        """Whether ``change`` may change the paper."""
        if not change.touches(*self.kinds):
            return False
        return self.matters is None or self.matters(change)


def _close_unwanted(result: tuple[bytes, PdfPages | None]) -> None:
    """A document made again for a preview that closed meanwhile."""
    if result[1] is not None:
        result[1].close()


_open_previews: list[PdfPreviewDialog] = []


def close_pdf_previews() -> None:
    """Close every preview at once (the office is about to lock: they show personal data)."""
    for dialog in list(_open_previews):
        if isValid(dialog):
            dialog.force_close()
    _open_previews.clear()


class PdfPreviewDialog(QDialog):
    """Shows a PDF's pages; prints it (300 dpi) or saves it where the clerk chooses.

    ``on_output("printed")`` or ``on_output("saved")`` runs after each successful print
    or save (callers mark appointments as notified). ``suggested_name`` is the file name
    offered when saving and the job name in the print queue: keep it neutral. With a
    ``source``, the preview follows changes of the records its paper shows (see the
    module docstring). One-shot: closing the dialog releases the document.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        pdf: bytes,
        suggested_name: str,
        on_output: Callable[[str], None] | None = None,
        *,
        source: PreviewSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self._pdf = pdf
        self._suggested_name = suggested_name
        self._on_output = on_output
        self._source = source
        self._printing = False
        self._stop_printing: threading.Event | None = None
        #: the records changed: a new document is being made (or could not be)
        self._updating = False
        self._stale = False
        self._update_after_print = False
        self._released = False
        self.error: str | None = None
        _open_previews[:] = [dialog for dialog in _open_previews if isValid(dialog)]
        _open_previews.append(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.page_area = PageColumn(self)
        self.page_area.render_failed.connect(self.status_error)
        self.toolbar = PreviewToolbar(self, self.page_area)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.page_area, 1)
        layout.addWidget(self._build_footer())
        try:
            pages: PdfPages | None = PdfPages(pdf)
        except PdfError as exc:
            pages, self.error = None, exc.message
        self.page_area.show_document(pages, self.error)
        self._update_buttons()
        if pages is not None:
            self.print_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.resize(self._initial_size())
        self.page_area.setFocus()
        if source is not None:
            source.notices.changed.connect(self._records_changed)

    # -- layout -------------------------------------------------------------------------
    def _build_footer(self) -> QWidget:
        footer = QWidget(self)
        footer.setObjectName("pdfFooter")
        row = QHBoxLayout(footer)
        row.setContentsMargins(MARGIN // 2, 8, MARGIN // 2, 8)
        row.setSpacing(SPACING // 2)
        self.status = InlineMessage(footer)
        self.status.setObjectName("pdfStatus")
        self.hint = muted("", footer)
        self.hint.setObjectName("pdfHint")
        self.hint.hide()
        ink = palette.INK
        self.save_button = QPushButton(
            qta.icon("fa6s.floppy-disk", color=ink), tr("&Save as PDF…"), footer
        )
        self.save_button.setObjectName("savePdf")
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.print_button = QPushButton(qta.icon("fa6s.print", color=ink), tr("&Print…"), footer)
        self.print_button.setObjectName("printPdf")
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.stop_button = QPushButton(tr("S&top printing"), footer)
        self.stop_button.setObjectName("stopPrinting")
        self.stop_button.hide()
        self.close_button = QPushButton(tr("Close"), footer)
        self.close_button.setObjectName("closePreview")
        buttons = (self.save_button, self.print_button, self.stop_button, self.close_button)
        for button in buttons:
            button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda _checked=False: self.save_as_pdf())
        self.print_button.clicked.connect(lambda _checked=False: self.print_document())
        self.stop_button.clicked.connect(lambda _checked=False: self.stop_printing())
        self.close_button.clicked.connect(lambda _checked=False: self.reject())
        row.addWidget(self.status, 3)
        row.addWidget(self.hint, 3)
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return footer

    def _initial_size(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else QSize(1024, 768)
        return QSize(min(900, int(available.width() * 0.9)), int(available.height() * 0.9))

    def _update_buttons(self) -> None:
        ready = self.page_area.has_pages() and not (self._printing or self._updating or self._stale)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.close_button.setEnabled(not self._printing)
        self.stop_button.setVisible(self._printing)
        self.toolbar.refresh()

    def _show_hint(self, text: str | None) -> None:
        self.hint.setText(text or "")
        self.hint.setVisible(text is not None)

    def status_error(self, text: str) -> None:
        self.status.show_error(text)

    # -- what the tests look at ----------------------------------------------------------
    def zoom(self) -> float:
        return self.page_area.zoom()

    def rendering_done(self) -> bool:
        """Nothing is being rendered and every page in view is up to date (for tests)."""
        return self.page_area.rendering_done()

    def rendered_pages(self) -> list[int]:
        """Indexes of the pages that currently have an image (for tests)."""
        return self.page_area.rendered_pages()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.page_area.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.page_area.refit()

    # -- printing -----------------------------------------------------------------------
    def _report(self, what: str) -> None:
        if self._on_output is None:
            return
        try:
            self._on_output(what)
        except KnownError as exc:  # the caller's own bookkeeping was refused
            dialogs.show_error(self, self.windowTitle(), exc.message)

    def print_document(self) -> None:
        """Ask for a printer, then print in the background, page by page (the clerk may
        stop between pages); ``on_output("printed")`` after."""
        if not self.print_button.isEnabled():
            return
        count = len(self.page_area.views)
        printer = printing.new_printer(self._suggested_name)
        if not printing.ask_printer(self, printer, count):
            return
        pages = printing.chosen_pages(printer, count)
        if not pages:
            dialogs.show_error(self, tr("Print"), printing.only_pages(count))
            return
        pdf, stop = self._pdf, threading.Event()
        self._stop_printing = stop
        self._printing = True
        self.status.clear()
        self._show_hint(tr("Printing {pages}…").format(pages=printing.sheets(len(pages))))
        self._update_buttons()

        def work(progress: Progress) -> None:
            printing.print_pages(pdf, printer, pages, report=progress.report, stopped=stop.is_set)

        # QueryOp: printing reads nothing of the office; closing lets the job finish
        QueryOp(self, work).with_progress(lambda _d, _t, text: self._show_hint(text)).success(
            lambda _none: self._printed(printer, len(pages))
        ).failure(lambda error: self._print_failed(printer, error)).on_dropped(
            lambda _none: log.info("a print finished after its preview closed; not reported")
        ).run()

    def stop_printing(self) -> None:
        """Stop after the page being printed (what the printer already has, it prints)."""
        if self._stop_printing is not None:
            self._stop_printing.set()
            self._show_hint(tr("Stopping after this page…"))

    def _print_done(self, printer: QPrinter) -> None:
        del printer  # kept alive until the worker is done with it
        self._printing = False
        self._stop_printing = None
        self._show_hint(None)
        self._update_buttons()
        if self._update_after_print:
            self._update_after_print = False
            self._update()

    def _printed(self, printer: QPrinter, count: int) -> None:
        self._print_done(printer)
        self.status.show_notice(
            tr("Sent {pages} to the printer.").format(pages=printing.sheets(count))
        )
        self._report("printed")

    def _print_failed(self, printer: QPrinter, error: KnownError) -> None:
        self._print_done(printer)
        if isinstance(error, printing.PrintStopped):
            self.status.show_notice(error.message)
        else:
            dialogs.show_error(self, tr("Print"), error.message)

    # -- saving -------------------------------------------------------------------------
    def save_as_pdf(self) -> None:
        """Ask where to save the PDF, write it atomically; ``on_output("saved")`` after."""
        if not self.save_button.isEnabled():
            return
        path = save_pdf_as(self, self._pdf, self._suggested_name)
        if path is not None:
            self.status.show_notice(tr("Saved as {name}.").format(name=path.name))
            self._report("saved")

    # -- following the records ----------------------------------------------------------
    def _records_changed(self, change: Change) -> None:
        source = self._source
        if source is None or self._released or not source.wants(change):
            return
        if self._printing:  # the job has its pages; the new ones come after it
            self._update_after_print = True
            return
        self._update()

    def _update(self) -> None:
        source, current = self._source, self._pdf
        assert source is not None
        self._updating = True
        self._show_hint(tr("Updating: the records changed…"))
        self._update_buttons()

        def work() -> tuple[bytes, PdfPages | None]:
            pdf = source.rebuild()
            return pdf, (None if pdf == current else PdfPages(pdf))

        WriteOp(self, work).replacing("update").quiet().success(self._updated).failure(
            self._update_failed
        ).on_dropped(_close_unwanted).run()

    def _updated(self, result: tuple[bytes, PdfPages | None]) -> None:
        pdf, pages = result
        self._updating = self._stale = False
        self._show_hint(None)
        if pages is not None:  # the same bytes: the paper did not change
            self._pdf, self.error = pdf, None
            self.page_area.show_document(pages)
            self.status.show_notice(tr("Updated: the records changed"))
        self._update_buttons()

    def _update_failed(self, error: KnownError) -> None:
        self._updating = False
        self._stale = True  # what is shown is out of date: nothing of it is printed or saved
        self._show_hint(None)
        self.status.show_error(
            tr(
                "The records changed and the document could not be made again: {problem}"
                " Close this preview and print again."
            ).format(problem=error.message)
        )
        self._update_buttons()

    # -- closing ------------------------------------------------------------------------
    def reject(self) -> None:
        if self._printing:  # wait for the printer: the job needs the dialog's answer
            return
        super().reject()

    def force_close(self) -> None:
        """Close even while printing (the print job finishes on its own, unreported)."""
        self._printing = False
        self.reject()

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def _release(self) -> None:
        if self._released:
            return
        self._released = True
        operations.abandon(self)  # a print finishing now goes unreported
        if self in _open_previews:
            _open_previews.remove(self)
        source = self._source
        if source is not None and isValid(source.notices):
            source.notices.changed.disconnect(self._records_changed)
        self.page_area.close_document()


def open_pdf_preview(
    parent: QWidget | None,
    title: str,
    pdf: bytes,
    suggested_name: str,
    on_output: Callable[[str], None] | None = None,
    *,
    source: PreviewSource | None = None,
) -> PdfPreviewDialog:
    """Show a preview window-modally; it deletes itself when closed. With a ``source``,
    it follows the records its paper shows."""
    if source is None:  # callers (and the tests' stand-in) that know no source yet
        dialog = PdfPreviewDialog(parent, title, pdf, suggested_name, on_output)
    else:
        dialog = PdfPreviewDialog(parent, title, pdf, suggested_name, on_output, source=source)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["PdfPreviewDialog", "PreviewSource", "close_pdf_previews", "open_pdf_preview"]
