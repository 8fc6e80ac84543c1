"""The PDF preview: pages drawn, printed through QPrinter, saved where the clerk chooses,
and made again when the records it shows change."""

from __future__ import annotations

import errno
import io
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from desktop import atomic_file
from desktop.errors import KnownError
from desktop.services.changes import Change, ChangeFeed, Kind
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.printing import pdf_preview, pdfium_pages
from desktop.ui.printing import printer as printer_module
from desktop.ui.printing.pdf_preview import (
    PdfPreviewDialog,
    PreviewSource,
    close_pdf_previews,
    open_pdf_preview,
)
from desktop.ui.printing.pdfium_pages import PdfError, page_count, render_page_image
from desktop.ui.printing.printer import print_pdf

WAIT_MS = 10_000
SCREENSHOT = Path(__file__).resolve().parents[2] / "screenshots" / "pdf_preview.png"


def make_pdf(pages: int = 2, *, landscape_pages: tuple[int, ...] = ()) -> bytes:
    """A small appointment-slip-like document: black text and rules on A4."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle("Appointment slips")
    for number in range(1, pages + 1):
        size = landscape(A4) if number in landscape_pages else A4
        sheet.setPageSize(size)
        width, height = size
        sheet.setFillColorRGB(0.12, 0.25, 0.55)
        sheet.rect(40, height - 90, width - 80, 50, stroke=0, fill=1)
        sheet.setFillColorRGB(1, 1, 1)
        sheet.setFont("Helvetica-Bold", 18)
        sheet.drawString(54, height - 72, "IOM - Appointment slip")
        sheet.setFillColorRGB(0, 0, 0)
        sheet.setFont("Helvetica", 11)
        lines = [
            f"Slip {number} of {pages}",
            "Appointment: 31 March 2026, 09:30",
            "Place: IOM office, ground floor, desk 3",
            "Please bring every travel document of the household.",
            "Case reference: EX-0000-TEST",
        ]
        for row, text in enumerate(lines):
            sheet.drawString(54, height - 130 - 20 * row, text)
        sheet.setLineWidth(1)
        sheet.line(54, height - 250, width - 54, height - 250)
        sheet.setFont("Helvetica-Bold", 48)
        sheet.drawCentredString(width / 2, height / 2 - 40, f"Page {number}")
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def dark_pixels(image: QImage, step: int = 3) -> int:
    """How many sampled pixels are close to black."""
    count = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixelColor(x, y).lightness() < 80:
                count += 1
    return count


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return [document.get_page_size(index) for index in range(len(document))]
    finally:
        document.close()


@pytest.fixture
def outputs() -> list[str]:
    return []


@pytest.fixture
def make_dialog(qtbot, outputs: list[str]) -> Iterator[Callable[..., PdfPreviewDialog]]:
    made: list[PdfPreviewDialog] = []

    def make(pdf: bytes, *, show: bool = True) -> PdfPreviewDialog:
        dialog = PdfPreviewDialog(
            None, "Appointment slips", pdf, "slips-2026-03-31.pdf", outputs.append
        )
        qtbot.addWidget(dialog)
        made.append(dialog)
        if show:
            dialog.resize(820, 900)
            dialog.show()
            qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
        return dialog

    yield make
    for dialog in made:
        dialog.force_close()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)


@pytest.fixture
def print_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Path]:
    """Replace the print dialog: the 'printer' writes a PDF file in tmp_path."""

    def choose(page_range: tuple[int, int] | None = None, copies: int = 1) -> Path:
        target = tmp_path / "printed.pdf"

        def ask(parent, printer: QPrinter, pages: int) -> bool:
            assert pages >= 1
            assert printer.resolution() == 300
            assert printer.fullPage()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            if page_range is not None:
                printer.setPrintRange(QPrinter.PrintRange.PageRange)
                printer.setFromTo(*page_range)
            printer.setCopyCount(copies)
            return True

        monkeypatch.setattr(printer_module, "ask_printer", ask)
        return target

    return choose


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path | None], list[str]]:
    """Replace the file chooser; returns the suggested names it was offered."""

    def choose(path: Path | None) -> list[str]:
        offered: list[str] = []

        def chooser(parent, title: str, suggested: str, file_filter: str) -> Path | None:
            assert "*.pdf" in file_filter
            offered.append(suggested)
            return path

        monkeypatch.setattr(dialogs, "choose_save_path", chooser)
        return offered

    return choose


# -- rendering -----------------------------------------------------------------------------


def test_render_page_image_draws_the_page() -> None:
    image = render_page_image(make_pdf(1), 0, 110)

    assert (image.width(), image.height()) == (910, 1287)  # A4 at 110 dpi
    assert image.pixelColor(2, 2).name() == "#ffffff"  # the paper is white
    assert dark_pixels(image) > 500  # black text and rules are there

    big = render_page_image(make_pdf(1), 0, 300)
    assert (big.width(), big.height()) == (2481, 3508)


def test_page_count_and_missing_page() -> None:
    pdf = make_pdf(3)
    assert page_count(pdf) == 3
    with pytest.raises(PdfError, match="no page 4"):
        render_page_image(pdf, 3, 96)


def test_preview_shows_every_page_with_a_count(make_dialog) -> None:
    dialog = make_dialog(make_pdf(2))

    assert dialog.error is None
    assert "Page 1 of 2" in dialog.toolbar.page_label.text()
    assert "2 pages" in dialog.toolbar.page_label.text()
    assert dialog.rendered_pages() == [0, 1]
    first = dialog.page_area.views[0].pixmap
    assert first is not None
    assert dark_pixels(first.toImage()) > 200
    # fit width: the page fills the width of the window, less the margins
    assert 0.9 < dialog.zoom() < 1.2
    assert dialog.page_area.views[0].width() > 700
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()

    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOT))


def test_long_documents_render_the_pages_in_view_first(qtbot, make_dialog) -> None:
    dialog = make_dialog(make_pdf(10))

    # the pages in view and the next one; not all ten
    assert dialog.rendered_pages()[0] == 0
    assert len(dialog.rendered_pages()) < 10
    assert "Page 1 of 10" in dialog.toolbar.page_label.text()

    bar = dialog.page_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 9 in dialog.rendered_pages(), timeout=WAIT_MS)
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
    assert "Page 10 of 10" in dialog.toolbar.page_label.text()
    # pages far from the view let go of their images
    assert 0 not in dialog.rendered_pages()


def test_zoom_renders_again_and_fit_width_returns(qtbot, make_dialog) -> None:
    dialog = make_dialog(make_pdf(2))
    fitted = dialog.zoom()
    width = dialog.page_area.views[0].pixmap.width()

    qtbot.mouseClick(dialog.toolbar.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom() > fitted
    assert not dialog.toolbar.fit_button.isChecked()
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
    assert dialog.page_area.views[0].pixmap.width() > width
    assert dialog.toolbar.zoom_label.text() == f"{round(dialog.zoom() * 100)} %"

    for _ in range(20):
        dialog.toolbar.zoom_out_button.click()
    assert dialog.zoom() == 0.5
    assert not dialog.toolbar.zoom_out_button.isEnabled()

    qtbot.mouseClick(dialog.toolbar.page_button, Qt.MouseButton.LeftButton)
    assert dialog.toolbar.page_button.isChecked() and not dialog.toolbar.fit_button.isChecked()
    assert dialog.page_area.views[0].height() <= dialog.page_area.viewport().height()
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
    if os.environ.get("PDF_PREVIEW_WHOLE_PAGE_SHOT"):
        dialog.grab().save(os.environ["PDF_PREVIEW_WHOLE_PAGE_SHOT"])

    qtbot.mouseClick(dialog.toolbar.fit_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom() == pytest.approx(fitted)
    assert dialog.toolbar.fit_button.isChecked() and not dialog.toolbar.page_button.isChecked()
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)


def test_a_broken_pdf_is_explained_not_shown(make_dialog, shown_errors, outputs, print_to) -> None:
    dialog = make_dialog(b"%PDF-1.4\nthis is not a PDF document at all")

    assert dialog.error is not None
    assert "could not be opened" in dialog.error
    label = dialog.findChild(QLabel, "pdfError")
    assert label is not None and label.text() == dialog.error
    assert not dialog.print_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert dialog.toolbar.page_label.text() == "No pages"

    printed = print_to()
    assert print_pdf(None, b"not a pdf") is False
    assert shown_errors == [
        "The document could not be opened: it is damaged or not a PDF."
        " Nothing was printed or saved; please report this."
    ]
    assert not printed.exists()
    assert outputs == []


# -- printing ------------------------------------------------------------------------------


def test_print_paints_every_page_at_300_dpi(qtbot, make_dialog, print_to, outputs) -> None:
    printed = print_to()
    dialog = make_dialog(make_pdf(3))

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()  # printing runs in the background
    qtbot.waitUntil(lambda: outputs == ["printed"], timeout=WAIT_MS)

    assert dialog.close_button.isEnabled()
    assert "Sent 3 pages to the printer" in dialog.status.text()
    sizes = pdf_pages(printed)
    assert len(sizes) == 3
    for width, height in sizes:  # A4 portrait, in points
        assert width == pytest.approx(595.3, abs=1)
        assert height == pytest.approx(841.9, abs=1)
    # what reached the "printer" is the page, not a blank sheet
    page = render_page_image(printed.read_bytes(), 2, 72)
    assert dark_pixels(page, step=2) > 100


def test_print_keeps_to_the_chosen_pages(qtbot, make_dialog, print_to, outputs) -> None:
    printed = print_to(page_range=(2, 3))
    dialog = make_dialog(make_pdf(4))

    dialog.print_button.click()
    qtbot.waitUntil(lambda: outputs == ["printed"], timeout=WAIT_MS)
    assert len(pdf_pages(printed)) == 2


def test_copies_are_printed_when_the_printer_cannot(make_dialog, print_to) -> None:
    printed = print_to(copies=2)  # a PDF "printer" does not make copies itself

    assert print_pdf(None, make_pdf(2)) is True

    assert len(pdf_pages(printed)) == 4


def test_closing_during_a_print_lets_it_finish_unreported(
    qtbot, make_dialog, print_to, outputs
) -> None:
    printed = print_to()
    dialog = make_dialog(make_pdf(3))

    dialog.print_button.click()
    dialog.reject()  # Esc while printing: the dialog waits for the printer
    assert dialog.isVisible()
    close_pdf_previews()  # the office locks
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    assert len(pdf_pages(printed)) == 3
    assert outputs == []  # nobody left to tell; the office is locked


def test_a_page_that_cannot_be_drawn_says_so(qtbot, make_dialog, monkeypatch) -> None:
    def broken(self, index: int, dpi: float) -> QImage:
        if index == 1:
            raise PdfError("Page 2 of the document could not be drawn.")
        return original(self, index, dpi)

    original = pdfium_pages.PdfPages.render
    monkeypatch.setattr(pdfium_pages.PdfPages, "render", broken)
    dialog = make_dialog(make_pdf(2))

    assert dialog.rendered_pages() == [0]
    assert dialog.page_area.views[1].failed
    assert dialog.status.text() == "Page 2 of the document could not be drawn."
    assert dialog.print_button.isEnabled()  # printing may still work, or say why not


def test_a_refused_output_report_is_shown(qtbot, save_to, shown_errors, tmp_path) -> None:
    def refuse(what: str) -> None:
        raise KnownError("You may not mark appointments as notified.")

    save_to(tmp_path / "slips.pdf")
    dialog = PdfPreviewDialog(None, "Slips", make_pdf(1), "slips.pdf", refuse)
    qtbot.addWidget(dialog)

    dialog.save_as_pdf()

    assert (tmp_path / "slips.pdf").exists()
    assert shown_errors == ["You may not mark appointments as notified."]
    dialog.force_close()


def test_cancelling_the_print_dialog_prints_nothing(
    qtbot, make_dialog, monkeypatch, outputs
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(
        printer_module, "ask_printer", lambda parent, printer, pages: asked.append(pages) and False
    )
    dialog = make_dialog(make_pdf(2))

    dialog.print_button.click()
    assert asked == [2]
    assert not operations.busy()
    assert outputs == []
    assert print_pdf(None, make_pdf(1)) is False


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_print_failure_is_shown_and_not_reported(
    qtbot, make_dialog, monkeypatch, shown_errors, outputs
) -> None:
    def ask(parent, printer: QPrinter, pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName("/sys/departure-desk-cannot-write-here.pdf")
        return True

    monkeypatch.setattr(printer_module, "ask_printer", ask)
    dialog = make_dialog(make_pdf(2))

    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=WAIT_MS)
    assert "Could not start printing" in shown_errors[0]
    assert outputs == []
    assert dialog.print_button.isEnabled()


def test_print_pdf_without_preview_reuses_the_painting(print_to) -> None:
    printed = print_to()

    assert print_pdf(None, make_pdf(3, landscape_pages=(2,)), "agenda-2026-03-31") is True

    sizes = pdf_pages(printed)
    assert len(sizes) == 3
    assert sizes[0][0] < sizes[0][1]  # portrait
    assert sizes[1][0] > sizes[1][1]  # the landscape page is printed across
    assert sizes[2][0] < sizes[2][1]
    page = render_page_image(printed.read_bytes(), 1, 72)
    assert page.width() > page.height()
    assert dark_pixels(page, step=2) > 100


# -- saving --------------------------------------------------------------------------------


def test_save_writes_the_pdf_where_chosen(make_dialog, save_to, outputs, tmp_path) -> None:
    pdf = make_pdf(2)
    folder = tmp_path / "chosen"
    folder.mkdir()
    offered = save_to(folder / "slips")  # the clerk typed no extension
    dialog = make_dialog(pdf)

    dialog.save_button.click()

    assert offered == ["slips-2026-03-31.pdf"]
    saved = folder / "slips.pdf"
    assert saved.read_bytes() == pdf
    assert [entry.name for entry in folder.iterdir()] == ["slips.pdf"]  # no temp file left
    assert outputs == ["saved"]
    assert "Saved as slips.pdf" in dialog.status.text()


def test_save_replaces_an_existing_file_whole(make_dialog, save_to, outputs, tmp_path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"an older, longer file " * 1000)
    save_to(target)
    pdf = make_pdf(1)
    dialog = make_dialog(pdf)

    dialog.save_button.click()

    assert target.read_bytes() == pdf
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["old.pdf"]
    assert outputs == ["saved"]


def test_cancelled_save_writes_nothing(make_dialog, save_to, outputs, tmp_path) -> None:
    save_to(None)
    dialog = make_dialog(make_pdf(1))
    before = sorted(tmp_path.rglob("*"))

    dialog.save_button.click()

    assert sorted(tmp_path.rglob("*")) == before
    assert outputs == []


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() == 0:  # root writes anywhere a mode bit forbids; sysfs still refuses
        if not Path("/sys").is_dir():
            pytest.skip("needs a folder root cannot write to")
        yield Path("/sys")
        return
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    folder.chmod(stat.S_IRWXU)


def test_save_to_an_unwritable_folder_says_so(
    make_dialog, save_to, shown_errors, outputs, unwritable_dir
) -> None:
    target = unwritable_dir / "slips.pdf"
    save_to(target)
    dialog = make_dialog(make_pdf(1))

    dialog.save_button.click()

    assert shown_errors == ["Could not save the file: permission denied."]
    assert not target.exists()
    assert outputs == []
    assert dialog.status.text() == ""


def test_a_full_disk_leaves_no_partial_file(
    make_dialog, save_to, shown_errors, outputs, monkeypatch, tmp_path
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full)
    save_to(tmp_path / "slips.pdf")
    dialog = make_dialog(make_pdf(1))

    dialog.save_button.click()

    assert shown_errors == ["Could not save the file: the disk is full."]
    assert list(tmp_path.iterdir()) == []
    assert outputs == []


def test_saving_to_a_missing_folder_says_so(
    make_dialog, save_to, shown_errors, outputs, tmp_path
) -> None:
    save_to(tmp_path / "gone" / "slips.pdf")
    dialog = make_dialog(make_pdf(1))

    dialog.save_button.click()

    assert shown_errors == ["Could not save the file: the folder does not exist."]
    assert outputs == []


# -- closing -------------------------------------------------------------------------------


def test_closing_for_the_lock_closes_every_preview(qtbot, make_dialog) -> None:
    first = make_dialog(make_pdf(1))
    second = make_dialog(make_pdf(2))

    close_pdf_previews()

    assert not first.isVisible() and not second.isVisible()
    assert first.rendered_pages() == [] and second.rendered_pages() == []
    assert pdf_preview._open_previews == []


def test_closing_while_pages_render_is_harmless(qtbot, make_dialog) -> None:
    dialog = make_dialog(make_pdf(10), show=False)
    dialog.show()
    dialog.reject()  # a render may be on its way back: it is dropped
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    assert dialog.rendered_pages() == []


def test_stop_printing_between_pages(qtbot, make_dialog, print_to, outputs) -> None:
    print_to()
    dialog = make_dialog(make_pdf(6))

    dialog.print_button.click()
    assert dialog.stop_button.isVisible()
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)

    assert dialog.status.text().startswith("Printing stopped after ")
    assert "of 6 pages" in dialog.status.text()
    assert outputs == []  # not reported as printed
    assert not dialog.stop_button.isVisible()
    assert dialog.print_button.isEnabled() and dialog.close_button.isEnabled()


# -- following the records -----------------------------------------------------------------


@pytest.fixture
def feed() -> Iterator[tuple[ChangeFeed, ChangeNotices]]:
    """A change feed as an office has one, and its notices on the GUI thread."""
    changes = ChangeFeed()
    notices = ChangeNotices(changes)
    yield changes, notices
    notices.close()


class Records:
    """What the paper is made from: the PDF the next rebuild returns, and how often."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.rebuilt = 0
        self.gate = threading.Event()
        self.gate.set()

    def rebuild(self) -> bytes:
        self.gate.wait(WAIT_MS / 1000)
        self.rebuilt += 1
        if isinstance(self.pdf, Exception):
            raise self.pdf
        return self.pdf


def _following(qtbot, feed, records: Records, pdf: bytes, outputs) -> PdfPreviewDialog:  # type: ignore[no-untyped-def]
    source = PreviewSource(frozenset({Kind.APPOINTMENT, Kind.PLACE}), records.rebuild, feed[1])
    dialog = PdfPreviewDialog(
        None, "Agenda", pdf, "agenda-2026-03-31.pdf", outputs.append, source=source
    )
    qtbot.addWidget(dialog)
    dialog.resize(820, 900)
    dialog.show()
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
    return dialog


def _changed(feed, *kinds: Kind) -> None:  # type: ignore[no-untyped-def]
    feed[0].publish(Change(frozenset(kinds), frozenset({"row-1"})))


def test_a_preview_is_made_again_when_its_records_change(
    qtbot, feed, outputs, save_to, tmp_path
) -> None:
    records = Records(make_pdf(3))
    dialog = _following(qtbot, feed, records, make_pdf(2), outputs)
    dialog.toolbar.zoom_in_button.click()
    zoom = dialog.zoom()

    _changed(feed, Kind.PERSON)  # the agenda shows no person's details
    qtbot.wait(50)
    assert records.rebuilt == 0

    records.gate.clear()
    _changed(feed, Kind.APPOINTMENT)
    qtbot.waitUntil(lambda: dialog.hint.isVisible(), timeout=WAIT_MS)
    assert dialog.hint.text() == "Updating: the records changed…"
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    records.gate.set()
    qtbot.waitUntil(lambda: dialog.status.text() == "Updated: the records changed", timeout=WAIT_MS)
    assert records.rebuilt == 1
    assert len(dialog.page_area.views) == 3
    assert "3 pages" in dialog.toolbar.page_label.text()
    assert dialog.zoom() == zoom  # the clerk's zoom stays
    qtbot.waitUntil(dialog.rendering_done, timeout=WAIT_MS)
    assert dialog.rendered_pages()[0] == 0
    assert dialog.print_button.isEnabled() and not dialog.hint.isVisible()

    save_to(tmp_path / "agenda.pdf")  # what is saved is the new paper
    dialog.save_button.click()
    assert (tmp_path / "agenda.pdf").read_bytes() == records.pdf
    dialog.force_close()


def test_an_unchanged_paper_is_not_shown_again(qtbot, feed, outputs) -> None:
    pdf = make_pdf(2)
    records = Records(pdf)
    dialog = _following(qtbot, feed, records, pdf, outputs)
    first = dialog.page_area.views[0]

    _changed(feed, Kind.PLACE)
    qtbot.waitUntil(lambda: records.rebuilt == 1 and not operations.busy(), timeout=WAIT_MS)
    assert dialog.page_area.views[0] is first  # same bytes: same pages, nothing said
    assert dialog.status.text() == ""
    assert dialog.print_button.isEnabled()
    dialog.force_close()


def test_a_paper_that_cannot_be_made_again_cannot_be_printed(qtbot, feed, outputs) -> None:
    records = Records(make_pdf(2))
    dialog = _following(qtbot, feed, records, make_pdf(2), outputs)
    records.pdf = KnownError("The appointment was cancelled; there is nothing to print.")  # type: ignore[assignment]

    _changed(feed, Kind.APPOINTMENT)
    qtbot.waitUntil(lambda: "could not be made again" in dialog.status.text(), timeout=WAIT_MS)
    assert "nothing to print" in dialog.status.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.close_button.isEnabled()

    records.pdf = make_pdf(1)  # the next change brings a paper back
    _changed(feed, Kind.APPOINTMENT)
    qtbot.waitUntil(lambda: dialog.status.text() == "Updated: the records changed", timeout=WAIT_MS)
    assert dialog.print_button.isEnabled()
    dialog.force_close()


def test_records_changing_while_printing_update_the_preview_after(
    qtbot, feed, outputs, print_to
) -> None:
    printed = print_to()
    records = Records(make_pdf(4))
    dialog = _following(qtbot, feed, records, make_pdf(3), outputs)

    dialog.print_button.click()
    _changed(feed, Kind.APPOINTMENT)
    qtbot.waitUntil(lambda: outputs == ["printed"], timeout=WAIT_MS)
    assert len(pdf_pages(printed)) == 3  # the job printed what it was given
    qtbot.waitUntil(lambda: dialog.status.text() == "Updated: the records changed", timeout=WAIT_MS)
    assert len(dialog.page_area.views) == 4
    dialog.force_close()


def test_closing_while_the_paper_is_made_again_is_harmless(qtbot, feed, outputs) -> None:
    records = Records(make_pdf(3))
    dialog = _following(qtbot, feed, records, make_pdf(2), outputs)
    records.gate.clear()
    _changed(feed, Kind.APPOINTMENT)
    qtbot.waitUntil(lambda: dialog.hint.isVisible(), timeout=WAIT_MS)
    dialog.reject()
    records.gate.set()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    assert dialog.rendered_pages() == []
    _changed(feed, Kind.APPOINTMENT)  # no longer listening
    qtbot.wait(50)
    assert records.rebuilt == 1


def test_open_pdf_preview_keeps_working_without_a_source(qtbot, previews) -> None:
    dialog = open_pdf_preview(None, "Slips", b"%PDF", "slips.pdf")
    assert previews == [dialog]  # the tests' stand-in takes the old arguments
    dialog.reject()
