"""The medical team's prints: fitness-to-travel certificates for the airline (no
diagnosis, no notes) and the cover sheet of the sealed envelope of a household's
medical documents.

Rendering also writes the audit entry of the print, so each runs as a ``WriteOp``
owned by the window that asked; the PDF opens in the preview, where it is printed
or saved. File names carry no name of a person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.services.changes import Kind
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import WriteOp
from desktop.ui.kit.widgets import InlineMessage

CERTIFICATES_FILE = "fitness-certificates.pdf"
ENVELOPE_FILE = "medical-envelope.pdf"


class MedicalPrinting(Protocol):
    """What the medical windows print with (``MedicalPrintingService``)."""

    def certificates_pdf(
        self, case_id: str, *, person_ids: Sequence[str] | None = None
    ) -> bytes: ...

    def envelope_pdf(self, case_id: str) -> bytes: ...


@dataclass(frozen=True)
class PrintJob:
    """One print: what renders it and how the preview is titled and saved."""

    render: Callable[[], bytes]
    #: shown while it renders
    notice: str
    title: str
    file_name: str
    #: the household the paper is about (its preview follows its changes)
    case_id: str


#: what a certificate or an envelope cover shows
PAPER_KINDS = frozenset({Kind.MEDICAL, Kind.PERSON, Kind.DOCUMENT, Kind.CASE})


def certificates(
    printing: MedicalPrinting, case_id: str, case_number: str, person_id: str | None = None
) -> PrintJob:
    """The certificate of ``person_id``, or of every member of the household (None)."""
    people = None if person_id is None else [person_id]
    title = (
        tr("Fitness certificates – {case}")
        if person_id is None
        else tr("Fitness certificate – {case}")
    )
    return PrintJob(
        lambda: printing.certificates_pdf(case_id, person_ids=people),
        tr("Preparing the certificates…"),
        title.format(case=case_number),
        CERTIFICATES_FILE,
        case_id,
    )


def envelope(printing: MedicalPrinting, case_id: str, case_number: str) -> PrintJob:
    return PrintJob(
        lambda: printing.envelope_pdf(case_id),
        tr("Preparing the envelope cover…"),
        tr("Medical envelope – {case}").format(case=case_number),
        ENVELOPE_FILE,
        case_id,
    )


def print_job(
    owner: QWidget,
    job: PrintJob,
    message: InlineMessage,
    settled: Callable[[], None],
    notices: ChangeNotices | None = None,
) -> WriteOp[bytes]:
    """Render ``job`` for ``owner``, saying so in ``message``, and open the preview;
    ``settled`` is called once the print started and again once it ended either way
    (the owner enables its buttons by ``operations.is_busy``). With ``notices`` the
    preview makes its paper again when the household's records change."""

    def rendered(pdf: bytes) -> None:
        message.clear()
        settled()
        from desktop.ui.printing import (
            pdf_preview,  # PDFium loads only when something is printed
        )

        source = None
        if notices is not None:
            source = pdf_preview.PreviewSource(
                PAPER_KINDS, job.render, notices, lambda c: c.touches_case(job.case_id)
            )
        pdf_preview.open_pdf_preview(owner, job.title, pdf, job.file_name, source=source)

    def failed(error: KnownError) -> None:
        message.show_error(error.message)
        settled()

    message.show_notice(job.notice)
    op = WriteOp(owner, job.render).success(rendered).failure(failed).run()
    settled()
    return op
