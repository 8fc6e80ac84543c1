"""What a household window changes: the dialogs its buttons open and the writes their OK
runs (off the GUI thread, see ``FormDialog``).

Nothing here reloads the window after a write: the write's change notice does
(``CaseWindows`` reloads every household window the change touches), so a change made
anywhere else in the office shows the same way. ``CaseView`` builds on this class and
says what is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import KnownError, PermissionDenied
from desktop.services.journey.transitions import JourneyService, StatusChoices
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.duplicates import Candidate
from desktop.services.registry.household_types import (
    CaseDetail,
    DocumentInput,
    DocumentRecord,
    MemberRecord,
    PersonInput,
)
from desktop.services.registry.registration import RegistrationService
from desktop.ui.kit import dialogs
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.widgets import InlineMessage
from desktop.ui.medical.fitness import CaseFitness
from desktop.ui.medical.history import MedicalHistoryDialog
from desktop.ui.registry.case_tables import member_name
from desktop.ui.registry.consent_protection import ConsentDialog, ProtectionDialog
from desktop.ui.registry.document_dialogs import CustodyDialog, DocumentDialog
from desktop.ui.registry.household_dialog import HouseholdDialog
from desktop.ui.registry.person_form import PersonForm
from desktop.ui.registry.status_dialog import StatusDialog
from desktop.ui.registry.vocabulary import level_text

READ_ONLY = tr_noop("Read only: your role can see households but not change them.")
#: possible duplicates named after a save (the Duplicates page has them all)
SHOWN_DUPLICATES = 5


class CaseActions(QWidget):
    """The changes a household window offers; ``CaseView`` fills in the rest."""

    case_id: str
    case: CaseDetail | None
    message: InlineMessage
    _registration: RegistrationService
    _journey: JourneyService
    _clock: OfficeClock
    _fitness: CaseFitness | None
    _can_write: bool

    if TYPE_CHECKING:  # the window (CaseView) has them

        def selected_member(self) -> MemberRecord | None: ...

        def selected_document(self) -> DocumentRecord | None: ...

        def _update_buttons(self) -> None: ...

    # -- how a change runs ---------------------------------------------------------------------
    def _may_write(self) -> bool:
        if self._can_write:
            return True
        dialogs.show_error(self, tr("Read only"), tr(READ_ONLY))
        return False

    def _open(
        self,
        dialog: FormDialog,
        action: Callable[[Any], Any],
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Show ``dialog``; its OK runs ``action(dialog.value())`` off the GUI thread and
        ``after`` gets what the action returned."""
        denied: list[PermissionDenied] = []
        results: list[Any] = []

        def guarded(value: Any) -> Any:
            try:
                result = action(value)
            except PermissionDenied as exc:
                denied.append(exc)
                raise
            results.append(result)
            return result

        def finished(_result: int) -> None:
            if denied and self._can_write:
                # the role does not allow changes (the dialog said why): stop offering them
                self._can_write = False
                self._update_buttons()
            if dialog.result() == QDialog.DialogCode.Accepted and after is not None and results:
                after(results[0])

        dialog.submit(guarded)
        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- the household -------------------------------------------------------------------------
    def edit_household(self) -> None:
        if self.case is None or not self._may_write():
            return
        dialog = HouseholdDialog(self, self.case)
        registration, case_id = self._registration, self.case_id
        self._open(dialog, lambda data: registration.update_case(case_id, data))

    def change_status(self) -> None:
        """Read what the journey allows now, then offer it (and say why not the rest). A
        movement or medical officer may move households without editing them."""
        journey, case_id = self._journey, self.case_id
        if self.case is None:
            return
        if not journey.may_change_status:
            dialogs.show_error(self, tr("Read only"), tr(READ_ONLY))
            return
        QueryOp(self, lambda: journey.choices(case_id)).replacing("status").success(
            self._offer_statuses
        ).failure(lambda error: self.message.show_error(error.message)).run()

    def _offer_statuses(self, choices: StatusChoices) -> None:
        journey, case_id = self._journey, self.case_id
        dialog = StatusDialog(self, choices)

        def action(chosen: tuple[str, str, bool]) -> None:
            status, reason, override = chosen
            journey.change_status(case_id, status, reason, override=override)

        self._open(dialog, action)

    # -- members -------------------------------------------------------------------------------
    def add_member(self) -> None:
        if self.case is None or not self._may_write():
            return
        has_principal = any(m.relationship == "principal" for m in self.case.members)
        registration, case_id = self._registration, self.case_id
        form = PersonForm(
            self,
            registration,
            self._clock,
            relationship=None if has_principal else "principal",
        )

        def action(value: tuple[PersonInput, DocumentInput | None]) -> list[Candidate]:
            person, scanned = value
            # one transaction: a failure never leaves the person saved without the passport
            person_id = registration.add_person(case_id, person, scanned)
            try:
                return registration.possible_duplicates(person_id)
            except KnownError:
                return []  # saved; the Duplicates page can check again

        self._open(form, action, self._warn_duplicates)

    def edit_member(self) -> None:
        member = self.selected_member()
        if member is None or not self._may_write():
            return
        registration = self._registration
        form = PersonForm(self, registration, self._clock, member)

        def action(value: tuple[PersonInput, DocumentInput | None]) -> list[Candidate]:
            registration.update_person(member.id, value[0])
            return registration.possible_duplicates(member.id)

        self._open(form, action, self._warn_duplicates)

    def _warn_duplicates(self, found: list[Candidate]) -> None:
        """Saved, but maybe registered before: say so with the reasons (nothing merges)."""
        if not found:
            return
        lines = [
            tr("{level} ({score}): {case} {name} - {reasons}").format(
                level=level_text(c.level),
                score=f"{c.score:.0f}",
                case=c.second.case_number,
                name=" ".join(p for p in (c.second.given_name, c.second.family_name) if p),
                reasons="; ".join(c.reasons),
            )
            for c in found[:SHOWN_DUPLICATES]
        ]
        text = "\n\n".join(
            (
                tr("The person was saved, but may already be registered:"),
                "\n".join(lines),
                tr(
                    "Compare and merge them on the Duplicates page, or mark them as "
                    "different people there."
                ),
            )
        )
        dialogs.show_info(self, tr("Possible duplicate"), text)

    def show_consent(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        registration = self._registration
        dialog = ConsentDialog(
            self,
            registration,
            member.id,
            member_name(member),
            clock=self._clock,
            editable=self._can_write and registration.may_edit,
        )

        def action(value: tuple[str, date, str]) -> None:
            registration.record_consent(member.id, *value)

        self._open(dialog, action)

    def show_protection(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        registration = self._registration
        dialog = ProtectionDialog(
            self,
            registration,
            member.id,
            member_name(member),
            editable=registration.may_edit_protection,
        )

        # not through _open: a refusal here is about protection, not the household
        dialog.submit(lambda value: registration.set_protection(member.id, *value))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_medical(self) -> MedicalHistoryDialog | None:
        """The selected member's medical records (medical team only)."""
        member = self.selected_member()
        access = self._fitness
        if member is None or self.case is None or access is None or access.medical is None:
            return None
        if not access.shows_records:
            return None
        dialog = MedicalHistoryDialog(
            self,
            access.medical,
            member.id,
            name=member_name(member),
            case_id=self.case_id,
            case_number=self.case.case_number,
            sex=member.sex,
            printing=access.printing,
            can_write=access.can_write,
            clock=access.clock,
            notices=access.notices,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- documents -----------------------------------------------------------------------------
    def add_document(self) -> None:
        member = self.selected_member()
        if member is None or not self._may_write():
            return
        dialog = DocumentDialog(self, member_name(member))
        registration = self._registration
        self._open(dialog, lambda document: registration.add_document(member.id, document))

    def move_custody(self) -> None:
        document = self.selected_document()
        if document is None or not self._may_write():
            return
        dialog = CustodyDialog(self, document)
        registration = self._registration

        def action(chosen: tuple[str, str]) -> None:
            registration.move_custody(document.id, *chosen)

        self._open(dialog, action)
