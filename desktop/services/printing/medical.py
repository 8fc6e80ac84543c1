"""What the medical team prints: fitness-to-travel certificates and the cover sheet of a
sealed MEDICAL-IN-CONFIDENCE envelope.

Medical users only: ``medical.read`` is checked before anything is read. A certificate
is built from the fitness summary (the state, the SSR codes, the escort and the validity
everyone may see) and from the examination that decided it (when, what kind, who and
where); the records of ``reports.records`` have no field for a diagnosis, the notes, a
pregnancy or an oxygen flow, so none of them can reach the paper. The envelope lists the
household's medical documents by person, kind and day, never their outcome.

PDF bytes are returned; the caller decides where they go (preview and printer, or a file
the user chose). Every print is audited with the case id and counts, no names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.journey.readiness import TRAVEL_DOCUMENT_TYPES
from desktop.services.medical.examinations import MedicalRecordView, MedicalService
from desktop.services.medical.fitness import FitnessService, FitnessSummary
from desktop.services.office.clock import office_today, to_local
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.printing.slips import slip_language
from desktop.services.registry.household_types import CaseDetail, DocumentRecord, MemberRecord
from desktop.services.registry.registration import RegistrationService
from desktop.services.vocabulary import MEDICAL_KIND_TITLES, MEDICAL_OUTCOME_TITLES
from desktop.store.models import Case
from reports.records import Certificate, EnclosedDocument, Envelope

DOCUMENT_TITLES = {
    "passport": "Passport",
    "convention_travel_document": "Convention travel document",
    "icrc_travel_document": "ICRC emergency travel document",
    "laissez_passer": "Laissez-passer",
    "single_journey": "Single-journey document",
}
# the summary's escort, as the certificate words it (a medical one names nurse or doctor)
_ESCORTS = {"non-medical": "non_medical", "medical": "medical"}


class MedicalPrintingService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def case_id_for_number(self, case_number: str) -> str:
        """The household with this case number (spaces and case do not matter)."""
        self._office.require(Perm.MEDICAL_READ, "print medical papers")
        wanted = "".join(case_number.split()).upper()
        with self._office.reading() as session:
            case = session.scalars(select(Case).where(Case.case_number == wanted)).first()
            if case is not None and case.merged_into_id is not None:
                into = session.get(Case, case.merged_into_id)
                where = f" {into.case_number}" if into is not None else " another household"
                raise InvalidInput(f"Household {wanted} was merged into{where}; use that number.")
            if case is None:
                raise InvalidInput(f"No household has the case number {wanted or '(empty)'}.")
            return case.id

    # -- certificates -------------------------------------------------------------------------
    def certificates_pdf(self, case_id: str, *, person_ids: Sequence[str] | None = None) -> bytes:
        """A fitness-to-travel certificate per member (or per chosen member), one page each,
        as things stand now: a member never examined gets "Pending" and no validity."""
        from reports.fitness import render_certificates  # reportlab loads only when printing

        self._office.require(Perm.MEDICAL_READ, "print fitness certificates")
        detail = RegistrationService(self._office).case_detail(case_id)
        members = _chosen(detail, person_ids)
        at = self._office.clock.now()
        history = MedicalService(self._office).case_history(case_id)
        summaries = FitnessService(self._office).summaries([m.id for m in members], at=at)
        certificates = [
            self._certificate(detail, m, summaries[m.id], history.get(m.id, []), at)
            for m in members
        ]
        pdf = render_certificates(certificates)
        with self._office.unit_of_work() as session:
            self._office.audit(
                session,
                "fitness_certificates_printed",
                "case",
                case_id,
                {"count": len(certificates)},
            )
        return pdf

    def _certificate(
        self,
        case: CaseDetail,
        member: MemberRecord,
        summary: FitnessSummary,
        views: Sequence[MedicalRecordView],
        at: datetime,
    ) -> Certificate:
        record = _deciding(views, at)
        document = _travel_document(member.documents, office_today(at))
        escort = None
        if summary.cleared and summary.escort:
            escort = _ESCORTS.get(summary.escort, "medical")
            if escort == "medical" and record is not None and record.escort:
                escort = record.escort  # nurse or doctor
        # how long the clearance holds, or held: none for the undecided and the unfit
        until = None
        if record and record.valid_until and (summary.cleared or summary.state == "expired"):
            until = to_local(record.valid_until)
        return Certificate(
            office_name=self._office.info.name,
            case_number=case.case_number,
            language=slip_language(case.family_language),
            name=_name(member),
            native_name=member.native_name,
            sex=member.sex,
            date_of_birth=member.date_of_birth,
            dob_precision=member.dob_precision,
            nationality=member.nationality,
            document=DOCUMENT_TITLES[document.doc_type] if document else "",
            document_number=document.number if document else "",
            state=summary.state,
            category=MEDICAL_OUTCOME_TITLES.get(record.outcome, "") if record else "",
            ssr_codes=summary.ssr_codes if summary.cleared else (),
            escort=escort,
            examined_at=to_local(record.examined_at) if record else None,
            examination=MEDICAL_KIND_TITLES.get(record.kind, "") if record else "",
            valid_until=until,
            examiner=record.examiner if record else "",
            clinic=record.clinic if record else "",
            printed_on=office_today(at),
        )

    # -- envelope -----------------------------------------------------------------------------
    def envelope_pdf(self, case_id: str) -> bytes:
        """The cover sheet for the sealed envelope of a household's medical documents:
        every examination on record, by person (household order) and day."""
        from reports.envelope import render_envelope

        self._office.require(Perm.MEDICAL_READ, "print the medical envelope cover sheet")
        detail = RegistrationService(self._office).case_detail(case_id)
        history = MedicalService(self._office).case_history(case_id)
        documents = [
            EnclosedDocument(
                _name(member),
                MEDICAL_KIND_TITLES.get(view.kind, view.kind),
                to_local(view.examined_at).date(),
            )
            for member in detail.members
            for view in sorted(history.get(member.id, []), key=lambda v: v.examined_at)
        ]
        if not documents:
            raise InvalidInput(
                f"Household {detail.case_number} has no medical records yet: there is "
                "nothing to put in an envelope."
            )
        persons = sum(1 for m in detail.members if history.get(m.id))
        actor = self._office.actor
        envelope = Envelope(
            office_name=self._office.info.name,
            case_number=detail.case_number,
            language=slip_language(detail.family_language),
            persons=persons,
            documents=tuple(documents),
            prepared_by=actor.display_name or actor.username,
            prepared_on=self._office.clock.today(),
        )
        pdf = render_envelope(envelope)
        with self._office.unit_of_work() as session:
            self._office.audit(
                session,
                "medical_envelope_printed",
                "case",
                case_id,
                {"documents": len(documents), "persons": persons},
            )
        return pdf


def _chosen(detail: CaseDetail, person_ids: Sequence[str] | None) -> list[MemberRecord]:
    """The members to print for, in household order (principal applicant first)."""
    if person_ids is None:
        members = list(detail.members)
    else:
        wanted = set(person_ids)
        members = [m for m in detail.members if m.id in wanted]
        strangers = len(wanted) - len(members)
        if strangers:
            raise InvalidInput(
                f"{strangers} of the chosen persons are not members of household "
                f"{detail.case_number} (they may have been merged or moved)."
            )
    if not members:
        raise InvalidInput(f"Household {detail.case_number} has no members to print for.")
    return members


def _deciding(views: Sequence[MedicalRecordView], at: datetime) -> MedicalRecordView | None:
    """The examination the summary was made from: the latest one at ``at``.

    ``views`` come latest first in the order that decides fitness (``case_history``):
    of two examinations in the same minute, the one recorded first, even if it was
    corrected since, does not decide.
    """
    return next((v for v in views if v.examined_at <= at), None)


def _travel_document(documents: Sequence[DocumentRecord], today: date) -> DocumentRecord | None:
    """The document the person crosses borders with: a current one before an expired
    one, a passport before other kinds, then the one valid longest."""
    usable = [d for d in documents if d.doc_type in TRAVEL_DOCUMENT_TYPES]
    latest_first = sorted(usable, key=lambda d: d.expiry_date or date.max, reverse=True)
    return min(
        latest_first,
        key=lambda d: (
            d.expiry_date is not None and d.expiry_date < today,
            TRAVEL_DOCUMENT_TYPES.index(d.doc_type),
        ),
        default=None,
    )


def _name(member: MemberRecord) -> str:
    return " ".join(p for p in (member.given_name, member.family_name) if p)
