"""A demo office full of fictional households, for training, trials and benchmarks."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from desktop.errors import WeakPassword
from desktop.services.demo.households import DemoHousehold, DemoPerson, generate_households
from desktop.services.demo.medical import add_demo_medical
from desktop.services.demo.schedule import add_demo_schedule
from desktop.services.journey.statuses import REGISTERED
from desktop.services.journey.transitions import JourneyService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import OfficeClock, SystemClock
from desktop.services.office.passwords import check_password
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.mrz_checks import check_digit
from desktop.services.registry.search import rebuild_index
from desktop.store.models import Case, CaseStatusEvent, CustodyEvent, Document, Person, new_id
from desktop.store.paths import OfficePaths
from desktop.store.tracking import next_counter, stamp_rows

log = logging.getLogger("desktop.demo")

DEMO_CODE = "DEMO"
DEMO_NAME = "Demo office (fictional data)"
BATCH = 2000
#: one household in PLANT_EVERY gets its principal registered a second time
PLANT_EVERY = 40


def _has_specific_needs(member: DemoPerson) -> bool:
    # deterministic, about 4%: older people and a few others
    if member.date_of_birth.year < 1956:
        return True
    return sum(map(ord, member.given_name + member.father_name)) % 40 == 0


@dataclass(frozen=True)
class DemoResult:
    data_dir: Path
    households: int
    persons: int
    usernames: tuple[str, ...]


def create_demo_office(
    data_dir: Path,
    password: str,
    households: int,
    *,
    seed: int = 1,
    reference_date: date | None = None,
    clock: OfficeClock | None = None,
) -> DemoResult:
    """An office coded DEMO: ``admin`` with every role plus one user per role, all
    with ``password``, and ``households`` fictional households (deterministic per seed),
    around ``reference_date`` (default: today on ``clock``, the computer's by default).
    """
    if households < 0:
        from desktop.errors import InvalidInput

        raise InvalidInput("The number of households cannot be negative.")
    clock = clock or SystemClock()
    today = reference_date or clock.today()
    # every account gets this password: check it against all of them before creating
    # anything, so that a refusal never leaves half a demo office behind
    for username in ("admin", *(r.value for r in Role if r is not Role.ADMIN)):
        try:
            check_password(password, username=username, office_names=(DEMO_NAME, DEMO_CODE))
        except WeakPassword as exc:
            raise WeakPassword(
                f"{exc.message} (The demo accounts are admin, registration, medical, "
                "protection, movement and viewer, in the office 'Demo office'.)"
            ) from None
    kdf = auth.kdf_params()  # one calibration for all six wraps
    office = auth.create_office(
        data_dir, DEMO_CODE, DEMO_NAME, "admin", password, demo=True, kdf=kdf
    )
    office.clock = clock
    completed = False
    try:
        accounts = AccountService(office, kdf)
        names = ["admin"]
        for role in Role:
            if role is Role.ADMIN:
                continue
            accounts.add_user(role.value, frozenset({role}), password, role.value.title())
            names.append(role.value)
        persons = _insert_households(
            office, generate_households(households, seed, today), today.year
        )
        with office.unit_of_work() as session:
            rebuild_index(session)
        appointments = add_demo_schedule(office, today, seed)
        medical = add_demo_medical(office, today, seed)
        with office.unit_of_work() as session:
            office.audit(
                session,
                "demo_created",
                detail={
                    "households": households,
                    "persons": persons,
                    "appointments": appointments,
                    "medical_records": medical,
                    "seed": seed,
                },
            )
        completed = True
    finally:
        office.close()
        if not completed:
            auth.remove_office_files(OfficePaths(data_dir))
    log.info("demo office created: %d households, %d persons", households, persons)
    return DemoResult(data_dir, households, persons, tuple(names))


def _insert_households(office: UnlockedOffice, source: Iterable[DemoHousehold], year: int) -> int:
    persons = 0
    batch: list[DemoHousehold] = []
    planted: list[DemoHousehold] = []
    for index, household in enumerate(source):
        batch.append(household)
        if index % PLANT_EVERY == PLANT_EVERY // 2:
            planted.append(_registered_again(household))
        if len(batch) >= BATCH:
            persons += _insert_batch(office, batch, year)
            batch = []
    # a few people registered a second time, spelled differently, for the duplicate review
    batch += planted
    if batch:
        persons += _insert_batch(office, batch, year)
    return persons


_SPELLINGS = {
    "Mohammad": "Muhammad",
    "Muhammad": "Mohammed",
    "Ahmad": "Ahmed",
    "Hussain": "Hossein",
    "Fatima": "Fatema",
    "Zainab": "Zeynab",
    "Yousuf": "Yusuf",
    "Noor": "Nur",
    "ullah": "ollah",
}


def _registered_again(household: DemoHousehold) -> DemoHousehold:
    """The principal, registered again alone: another spelling, only the birth year."""
    person = household.members[0]
    given = person.given_name
    for a, b in _SPELLINGS.items():
        if a in given:
            given = given.replace(a, b)
            break
    else:
        given = given[:-1] if len(given) > 4 else given + "h"
    passports = tuple(d for d in person.documents if d.doc_type == "passport")
    again = replace(
        person,
        relationship="principal",
        given_name=given,
        native_name=person.native_name.replace("ی", "ي").replace("ک", "ك"),
        date_of_birth=date(person.date_of_birth.year, 1, 1),
        dob_precision="year",
        documents=passports[:1] or person.documents[:1],
    )
    return replace(household, members=(again,))


def _td3(number: str, member: DemoPerson, expiry: date | None) -> str:
    """A machine-readable zone with correct check digits, as the passport would carry."""

    def field(text: str, size: int) -> str:
        clean = re.sub(r"[^A-Z0-9<]+", "<", text.upper())
        return (clean + "<" * size)[:size]

    surname = member.family_name or member.given_name
    names = field(f"{surname}<<{member.given_name}", 39)
    doc = field(number, 9)
    born = member.date_of_birth.strftime("%y%m%d")
    ends = expiry.strftime("%y%m%d") if expiry else "<<<<<<"
    sex = member.sex if member.sex in ("M", "F") else "<"
    ends_check = str(check_digit(ends)) if expiry else "<"
    line2 = f"{doc}{check_digit(doc)}AFG{born}{check_digit(born)}{sex}{ends}{ends_check}"
    line2 += "<" * 14 + "<"
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    line2 += str(check_digit(composite))
    return f"P<AFG{names}\n{line2}"


def _insert_batch(office: UnlockedOffice, batch: list[DemoHousehold], year: int) -> int:
    case_rows: list[dict[str, Any]] = []
    person_rows: list[dict[str, Any]] = []
    doc_rows: list[dict[str, Any]] = []
    with office.unit_of_work() as session:
        first = next_counter(session, f"case_number:{year}", len(batch))
        for number, household in enumerate(batch, start=first):
            case_id = new_id()
            case_rows.append(
                {
                    "id": case_id,
                    "case_number": f"{DEMO_CODE}-{year}-{number:05d}",
                    "status": REGISTERED,
                    "destination_country": household.destination_country,
                    "programme": household.programme,
                    "family_language": household.family_language,
                    "accommodation": household.accommodation,
                    "contact_phone": household.contact_phone,
                }
            )
            for member in household.members:
                person_id = new_id()
                person_rows.append(
                    {
                        "id": person_id,
                        "case_id": case_id,
                        "relationship_to_principal": member.relationship,
                        "given_name": member.given_name,
                        "family_name": member.family_name,
                        "father_name": member.father_name,
                        "native_name": member.native_name,
                        "sex": member.sex,
                        "date_of_birth": member.date_of_birth,
                        "dob_precision": member.dob_precision,
                        "nationality": member.nationality,
                        "languages": household.family_language or "",
                        "specific_needs": _has_specific_needs(member),
                    }
                )
                for doc in member.documents:
                    doc_rows.append(
                        {
                            "id": new_id(),
                            "person_id": person_id,
                            "doc_type": doc.doc_type,
                            "number": doc.number,
                            "issuing_country": doc.issuing_country,
                            "issue_date": doc.issue_date,
                            "expiry_date": doc.expiry_date,
                            "machine_readable": doc.machine_readable,
                            "custody": "family",
                            "mrz": _td3(doc.number, member, doc.expiry_date)
                            if doc.doc_type == "passport"
                            else None,
                        }
                    )
        # every household and document starts its history, as the GUI would write it
        status_rows = JourneyService.opening_rows([str(c["id"]) for c in case_rows], "demo data")
        custody_rows = [
            {"id": new_id(), "document_id": d["id"], "custody": "family", "note": "recorded"}
            for d in doc_rows
        ]
        for model, rows in (
            (Case, case_rows),
            (CaseStatusEvent, status_rows),
            (Person, person_rows),
            (Document, doc_rows),
            (CustodyEvent, custody_rows),
        ):
            stamp_rows(session, model.__tablename__, rows)
            if rows:
                # Core executemany: the ORM bulk path issues one statement per row here
                session.connection().execute(insert(model.__table__), rows)  # type: ignore[arg-type]
    return len(person_rows)
