"""Consent and protection details of a person: recorded and read on their own permissions.

Protection details are restricted to the protection role, and reading them is itself
audited; everyone else sees only the person's yes/no specific-needs flag. Categories and
needs are stored as sorted, comma-joined codes. ``RegistrationService`` passes these calls
through, so the interface keeps one service for a household; this module imports the
records it returns from ``registration``, which imports it when the service is made.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_rows import clean
from desktop.services.registry.household_types import (
    CONSENT_PURPOSES,
    PROTECTION_CATEGORIES,
    PROTECTION_NEEDS,
    ConsentRecord,
    ProtectionRecord,
)
from desktop.services.registry.lookups import active_person
from desktop.store.models import Consent, ProtectionDetail


class ConsentAndProtection:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def record_consent(self, person_id: str, purpose: str, given_on: date, note: str) -> str:
        self._office.require(Perm.REGISTRY_WRITE, "record consent")
        if purpose not in CONSENT_PURPOSES:
            raise InvalidInput("Choose what the consent is for.")
        if given_on > self._office.clock.today():
            raise InvalidInput("Consent cannot be dated in the future.")
        with self._office.unit_of_work() as session:
            person = active_person(session, person_id)
            consent = Consent(
                person_id=person.id,
                purpose=purpose,
                given_on=given_on,
                taken_by=self._office.actor.username,
                note=clean(note),
            )
            session.add(consent)
            session.flush()
            self._office.audit(
                session, "consent_recorded", "person", person.id, {"purpose": purpose}
            )
            return consent.id

    def set_protection(
        self,
        person_id: str,
        categories: tuple[str, ...],
        needs: tuple[str, ...],
        consent_to_share: bool,
        notes: str,
    ) -> None:
        self._office.require(Perm.PROTECTION_WRITE, "record protection details")
        if any(c not in PROTECTION_CATEGORIES for c in categories):
            raise InvalidInput("Unknown protection category.")
        if any(n not in PROTECTION_NEEDS for n in needs):
            raise InvalidInput("Unknown protection need.")
        with self._office.unit_of_work() as session:
            person = active_person(session, person_id)
            detail = session.scalars(
                select(ProtectionDetail).where(ProtectionDetail.person_id == person.id)
            ).one_or_none()
            if detail is None:
                detail = ProtectionDetail(person_id=person.id)
                session.add(detail)
            detail.categories = ",".join(sorted(set(categories)))
            detail.needs = ",".join(sorted(set(needs)))
            detail.consent_to_share = consent_to_share
            detail.notes = notes.strip()
            # everyone may know *that* there are specific needs, not what they are
            person.specific_needs = bool(categories or needs) or person.specific_needs
            self._office.audit(session, "protection_recorded", "person", person.id)

    def protection(self, person_id: str) -> ProtectionRecord | None:
        self._office.require(Perm.PROTECTION_READ, "see protection details")
        with self._office.unit_of_work() as session:
            detail = session.scalars(
                select(ProtectionDetail).where(ProtectionDetail.person_id == person_id)
            ).one_or_none()
            # reading restricted details is itself audited
            self._office.audit(session, "protection_read", "person", person_id)
            if detail is None:
                return None
            return ProtectionRecord(
                detail.person_id,
                tuple(c for c in detail.categories.split(",") if c),
                tuple(n for n in detail.needs.split(",") if n),
                detail.consent_to_share,
                detail.notes,
            )

    def consents(self, person_id: str) -> list[ConsentRecord]:
        self._office.require(Perm.REGISTRY_READ, "see consent records")
        with self._office.reading() as session:
            rows = session.scalars(
                select(Consent)
                .where(Consent.person_id == person_id)
                .order_by(Consent.given_on, Consent.created_at)
            ).all()
            return [ConsentRecord(c.id, c.purpose, c.given_on, c.taken_by, c.note) for c in rows]
