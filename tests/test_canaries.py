"""Encryption at rest: unique canary strings never appear in any file of the data directory.

People with canary names and document numbers are stored through the models; then
every file under the data directory (database, -wal, -shm, keyring, lock note, logs,
backups, crash logs) is scanned for every canary in UTF-8 and UTF-16-LE. The canaries
must be readable through the database (so the test can fail) and nowhere else.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.crash import CrashHandler
from desktop.errors import AuthenticationError
from desktop.logs import setup_logging
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.status import hold_data_dir
from desktop.store import migrate
from desktop.store.models import Case, Document, Person
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD

ENCODINGS = ("utf-8", "utf-16-le")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
CYRILLIC = str.maketrans("0123456789abcdef", "БВГДЖЗИЙКЛМНПРСТ")


@dataclass(frozen=True)
class Canaries:
    latin_given: str
    latin_family: str
    father: str
    dari: str
    cyrillic: str
    passport: str
    tazkira: str
    phone: str
    address: str
    typed_user: str
    typed_password: str

    def all(self) -> tuple[str, ...]:
        return tuple(vars(self).values())


def make_canaries() -> Canaries:
    def token() -> str:
        return secrets.token_hex(5)

    digits = str(secrets.randbelow(10**9)).zfill(9)
    return Canaries(
        latin_given=f"Zarghunacanary{token()}",
        latin_family=f"Qxvandcanary{token()}",
        father=f"Mirwaiscanary{token()}",
        dari="زرغونه‌قناری" + str(secrets.randbelow(10**9)).translate(PERSIAN_DIGITS),
        cyrillic="Канарейка" + token().translate(CYRILLIC),
        passport=f"P{digits[:7]}Q",
        tazkira=f"1403-{digits[:4]}-{digits[4:9]}X",
        phone=f"+355 69 {digits[:3]} {digits[3:7]}",
        address=f"Rruga Canary {token()}, Shengjin",
        typed_user=f"canaryuser{token()}",
        typed_password=f"canary secret password {token()}",
    )


def files_under(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path


def scan(root: Path, canaries: Iterable[str]) -> list[tuple[str, str, str]]:
    """(file, canary, encoding) for every occurrence under ``root``."""
    needles = [(c, enc, c.encode(enc)) for c in canaries for enc in ENCODINGS]
    hits = []
    for path in files_under(root):
        data = path.read_bytes()
        for canary, enc, needle in needles:
            if needle in data:
                hits.append((str(path.relative_to(root)), canary, enc))
    return hits


def test_the_scanner_finds_canaries_in_both_encodings(tmp_path: Path) -> None:
    canaries = make_canaries()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(b"xx" + canaries.dari.encode("utf-8") + b"yy")
    (tmp_path / "b.bin").write_bytes(b"\x00" + canaries.cyrillic.encode("utf-16-le"))
    hits = scan(tmp_path, canaries.all())
    assert ("sub/a.txt", canaries.dari, "utf-8") in hits
    assert ("b.bin", canaries.cyrillic, "utf-16-le") in hits
    assert len(hits) == 2


def _store_people(office: UnlockedOffice, c: Canaries) -> tuple[str, str]:
    with office.unit_of_work() as session:
        case = Case(
            case_number="SHG-2026-00001",
            accommodation=c.address,
            contact_phone=c.phone,
            family_language="Dari",
        )
        principal = Person(
            case=case,
            relationship_to_principal="principal",
            given_name=c.latin_given,
            family_name=c.latin_family,
            father_name=c.father,
            native_name=c.dari,
            sex="F",
            date_of_birth=date(1990, 5, 17),
        )
        spouse = Person(
            case=case,
            relationship_to_principal="spouse",
            given_name=c.cyrillic,
            family_name=c.latin_family,
            native_name=c.dari + " " + c.cyrillic,
            sex="M",
        )
        leaving = Person(
            case=case,
            relationship_to_principal="other",
            given_name=c.latin_given + "x",
            sex="M",
        )
        session.add_all([case, principal, spouse, leaving])
        session.add(Document(person=principal, doc_type="passport", number=c.passport))
        session.add(Document(person=spouse, doc_type="tazkira", number=c.tazkira))
    # an update and a delete: old row images must not linger in plaintext either
    with office.unit_of_work() as session:
        row = session.get(Person, spouse.id)
        assert row is not None
        row.father_name = c.father
        session.delete(session.get(Person, leaving.id))
    return principal.id, spouse.id


@pytest.fixture
def logs_in_office(data_dir: Path) -> Iterator[Path]:
    logs = OfficePaths(data_dir).logs
    setup_logging(logs)
    yield logs
    setup_logging(None)


def test_canaries_never_reach_any_file(
    office: UnlockedOffice, data_dir: Path, logs_in_office: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    paths = OfficePaths(data_dir)
    c = make_canaries()
    lock = hold_data_dir(data_dir)
    try:
        principal_id, spouse_id = _store_people(office, c)

        # the canaries are really in the database (otherwise the test proves nothing)
        with office.reading() as session:
            principal = session.get(Person, principal_id)
            spouse = session.get(Person, spouse_id)
            numbers = set(session.scalars(select(Document.number)))
            case = session.scalars(select(Case)).one()
        assert principal is not None and spouse is not None
        assert (principal.given_name, principal.family_name) == (c.latin_given, c.latin_family)
        assert principal.native_name == c.dari
        assert spouse.given_name == c.cyrillic
        assert spouse.father_name == c.father
        assert numbers == {c.passport, c.tazkira}
        assert (case.accommodation, case.contact_phone) == (c.address, c.phone)

        # an encrypted backup while the office is open
        backup = migrate.backup(paths.database, paths.backups, office.db.key, "canary")
        assert backup.stat().st_size > 0

        # a crash report while personal data is at hand
        try:
            raise ValueError(f"bad person {c.latin_given} {c.passport} {c.dari}")
        except ValueError as exc:
            CrashHandler(paths.crashes).write(type(exc), exc.__traceback__)

        # sign-in attempts with a canary typed as user name or password
        for user, password in (
            (c.typed_user, c.typed_password),
            ("admin", c.typed_password),
            (c.typed_password, ADMIN_PASSWORD),
        ):
            with pytest.raises(AuthenticationError):
                auth.unlock(data_dir, user, password)

        wal = paths.database.with_name("office.db-wal")
        shm = paths.database.with_name("office.db-shm")
        assert wal.exists() and wal.stat().st_size > 0, "expected a live WAL while open"
        assert shm.exists()
        assert paths.lock_info.exists()
        assert scan(data_dir, c.all()) == []
    finally:
        lock.release()
        office.close()

    # the command line over the same office writes its log lines and lock note
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    for stream in (r.out, r.err):
        assert not any(canary in stream for canary in c.all())
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", c.typed_user, "--password-stdin"],
        stdin=c.typed_password + "\n",
    )
    assert r.code == 3
    assert not any(canary in r.err + r.out for canary in c.all())

    names = {p.relative_to(data_dir).as_posix() for p in files_under(data_dir)}
    assert {"office.db", "office.keyring.json", "logs/departure-desk.log"} <= names
    assert any(n.startswith("backups/") for n in names)
    assert any(n.startswith("crash/") for n in names)
    assert (paths.logs / "departure-desk.log").stat().st_size > 0
    assert scan(data_dir, c.all()) == []

    # and the data is still there, readable only through the key
    office = auth.unlock(data_dir, "admin", ADMIN_PASSWORD)
    try:
        with office.reading() as session:
            assert session.get(Person, principal_id).native_name == c.dari  # type: ignore[union-attr]
    finally:
        office.close()
    assert scan(data_dir, c.all()) == []


def make_medical_canaries() -> tuple[str, ...]:
    """Notes in Latin and Dari script, an examiner and a clinic, each unique to the run."""
    token = secrets.token_hex(5)
    dari = "سل‌قناری‌پزشکی" + str(secrets.randbelow(10**9)).translate(PERSIAN_DIGITS)
    return (f"Tuberculosiscanary{token}", dari, f"Drcanary{token}", f"Clinicanary{token}")


def test_medical_canaries_never_reach_any_file(
    office: UnlockedOffice, data_dir: Path, logs_in_office: Path
) -> None:
    from desktop.services.medical.examinations import MedicalInput, MedicalService
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.permissions import Role
    from tests.conftest import USER_PASSWORD

    paths = OfficePaths(data_dir)
    notes_latin, notes_dari, examiner, clinic = canaries = make_medical_canaries()
    AccountService(office).add_user("doc", frozenset({Role.MEDICAL}), USER_PASSWORD)
    with office.unit_of_work() as session:
        case = Case(case_number="SHG-2026-00002", family_language="Dari")
        person = Person(
            case=case,
            relationship_to_principal="principal",
            given_name="Shakila",
            family_name="Sadat",
            sex="F",
            date_of_birth=date(1992, 3, 3),
        )
        session.add_all([case, person])
    office.close()

    doc = auth.unlock(data_dir, "doc", USER_PASSWORD)
    lock = hold_data_dir(data_dir)
    try:
        medical = MedicalService(doc)
        exam = MedicalInput(
            "health_assessment",
            date(2026, 3, 2),
            examiner,
            "unfit_deferred",
            clinic=clinic,
            review_date=date(2026, 4, 6),
            pregnancy_weeks=37,
            notes=f"First draft {notes_latin}",
        )
        record_id = medical.add(person.id, exam)
        # a correction: the old row image must not linger in plaintext either
        medical.update(record_id, replace(exam, notes=f"{notes_latin} {notes_dari}"))
        medical.add(person.id, replace(exam, kind="pec", notes=notes_dari))
        assert medical.pregnancy_warnings(case.id, date(2026, 3, 23))
        # the canaries are really in the database (otherwise the test proves nothing)
        held = medical.history(person.id)
        assert {notes_latin, notes_dari} <= set(" ".join(r.notes for r in held).split())
        assert {r.examiner for r in held} == {examiner} and {r.clinic for r in held} == {clinic}

        migrate.backup(paths.database, paths.backups, doc.db.key, "medical")
        try:
            raise ValueError(f"bad record {notes_latin} {notes_dari} {examiner}")
        except ValueError as exc:
            CrashHandler(paths.crashes).write(type(exc), exc.__traceback__)
        wal = paths.database.with_name("office.db-wal")
        assert wal.exists() and wal.stat().st_size > 0, "expected a live WAL while open"
        assert scan(data_dir, canaries) == []
    finally:
        lock.release()
        doc.close()
    names = {p.relative_to(data_dir).as_posix() for p in files_under(data_dir)}
    assert any(n.startswith("backups/") for n in names)
    assert any(n.startswith("crash/") for n in names)
    assert scan(data_dir, canaries) == []
