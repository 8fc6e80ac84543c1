"""Printing from the Appointments page: the agenda of a day, and slips for families.

The PDF is made off the GUI thread (slips for a busy day take a second or two; making
one is audited, so it runs as a write) and shown in the PDF preview. Slips count as
handed over only once they were really printed or saved: the first print or save
records the families as told, once, and the change notice brings the lists up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.services.changes import Kind
from desktop.services.office.clock import to_local
from desktop.services.printing.slips import PRINTABLE, PrintingService
from desktop.services.progress import Progress
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.operations import WriteOp
from desktop.ui.kit.widgets import InlineMessage

#: what an agenda or a slip shows
PAPER_KINDS = frozenset({Kind.APPOINTMENT, Kind.PLACE, Kind.CASE, Kind.PERSON})


class SchedulePrinting:
    """Prints for ``owner`` (the page): its operations, previews and messages.

    ``changed`` is called when making a PDF starts or ends (the page's print buttons
    are off meanwhile).
    """

    def __init__(
        self,
        owner: QWidget,
        printing: PrintingService,
        message: InlineMessage,
        changed: Callable[[], None],
        notices: ChangeNotices | None = None,
    ) -> None:
        self._owner = owner
        self._notices = notices
        self._printing = printing
        self._message = message
        self._changed = changed
        self._making: WriteOp[bytes] | None = None

    def busy(self) -> bool:
        """Whether a PDF is being made."""
        return self._making is not None and self._making.running

    def agenda(self, day: date, place_id: str | None, place_name: str) -> None:
        """The day's list for reception (of one place, or of all)."""
        printing = self._printing
        title = tr("Agenda – {day}").format(day=f"{day:%a %d %b %Y}")
        if place_name:
            title = f"{title} – {place_name}"
        self._make(
            tr("Preparing the agenda…"),
            lambda _progress: printing.agenda_pdf(day, place_id),
            lambda pdf: self._preview(
                title,
                pdf,
                f"agenda-{day.isoformat()}.pdf",
                None,
                lambda: printing.agenda_pdf(day, place_id),
            ),
        )

    def slips(self, records: Sequence[AppointmentRecord]) -> None:
        """Slips for the families of ``records`` that can still be given one."""
        printable = [a for a in records if a.status in PRINTABLE]
        if not printable:
            dialogs.show_error(
                self._owner,
                tr("Print slips"),
                tr(
                    "None of these appointments can get a slip: slips are for appointments "
                    "that are scheduled and not yet past."
                ),
            )
            return
        ids = [a.id for a in printable]
        first = to_local(min(a.starts_at for a in printable)).date()
        left_out = len(records) - len(printable)
        printing = self._printing
        title = tr("Appointment slips ({count})").format(count=len(ids))
        handed: list[str] = []

        def output(how: str) -> None:
            if handed:
                return  # printed and saved: the families were told once
            handed.append(how)
            WriteOp(self._owner, lambda: printing.mark_slips_handed(ids)).success(
                self._handed
            ).failure(self._failed).run()

        def show(pdf: bytes) -> None:
            if left_out:
                self._message.show_notice(
                    plural(
                        left_out,
                        tr_noop(
                            "{n} appointment gets no slip (attended, missed, cancelled or moved)."
                        ),
                        tr_noop(
                            "{n} appointments get no slip (attended, missed, cancelled or moved)."
                        ),
                    )
                )
            self._preview(
                title,
                pdf,
                f"slips-{first.isoformat()}.pdf",
                output,
                lambda: printing.slips_pdf(ids),
            )

        self._make(
            tr("Preparing the slips…"), lambda progress: printing.slips_pdf(ids, progress), show
        )

    def _make(
        self, notice: str, work: Callable[[Progress], bytes], then: Callable[[bytes], None]
    ) -> None:
        self._message.show_notice(notice)

        def advanced(done: int, total: int, _text: str) -> None:
            self._message.show_notice(
                tr("{what} {done} of {total}").format(what=notice, done=done, total=total)
            )

        def made(pdf: bytes) -> None:
            self._message.clear()
            self._changed()
            then(pdf)

        def failed(error: KnownError) -> None:
            self._message.clear()
            self._changed()
            dialogs.show_error(self._owner, tr("Print"), error.message)

        self._making = (
            WriteOp(self._owner, work).with_progress(advanced).success(made).failure(failed).run()
        )
        self._changed()

    def _preview(
        self,
        title: str,
        pdf: bytes,
        name: str,
        on_output: Callable[[str], None] | None,
        rebuild: Callable[[], bytes],
    ) -> Any:
        """The preview; it makes its paper again when the appointments, places or families
        on it change, so a stale agenda or slip is never printed."""
        from desktop.ui.printing import pdf_preview  # PDFium loads only when something is printed

        source = None
        if self._notices is not None:
            source = pdf_preview.PreviewSource(PAPER_KINDS, rebuild, self._notices)
        return pdf_preview.open_pdf_preview(self._owner, title, pdf, name, on_output, source=source)

    def _handed(self, count: int) -> None:
        self._message.show_notice(
            plural(
                count,
                tr_noop("Slips handed over: {n} family recorded as told."),
                tr_noop("Slips handed over: {n} families recorded as told."),
            )
        )

    def _failed(self, error: KnownError) -> None:
        self._message.show_error(error.message)
