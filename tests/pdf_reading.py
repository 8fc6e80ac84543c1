"""Reading the PDFs the app prints, the way the tests check them: text through PDFium
(pypdfium2) and barcodes through zxing-cpp, so no system tools are needed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp

# PDFium is not thread-safe: a preview may still be drawing a page on a worker thread
from desktop.ui.printing.pdfium_pages import PDFIUM_LOCK

ZWNJ = "\u200c"  # pdfium drops it when reading back: compare without it


def page_texts(pdf: bytes | Path, *, normalise: bool = True) -> list[str]:
    """Each page's text; NFKC-normalised without ZWNJ unless ``normalise`` is False."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    texts = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            for page in document:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()  # closed here, under the lock, not by a later collection
                page.close()
        finally:
            document.close()
    if not normalise:
        return texts
    return [unicodedata.normalize("NFKC", t).replace(ZWNJ, "") for t in texts]


def pdf_text(pdf: bytes | Path, *, normalise: bool = True) -> str:
    return "\n".join(page_texts(pdf, normalise=normalise))


def page_barcodes(pdf: bytes, dpi: int = 200) -> list[list[str]]:
    """The barcodes decoded on each page rendered at ``dpi``."""
    images = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            for page in document:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                images.append(bitmap.to_pil().copy())
                bitmap.close()
                page.close()
        finally:
            document.close()
    return [[code.text for code in zxingcpp.read_barcodes(image)] for image in images]


def barcodes(pdf: bytes, dpi: int = 200) -> list[str]:
    return [code for page in page_barcodes(pdf, dpi) for code in page]
