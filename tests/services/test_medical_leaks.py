"""Medical details never reach a user without the medical role, whichever service they ask.

A household is planted with medical records carrying unique canaries in every free-text
field (notes in Latin and Dari script, examiner, clinic) and distinctive values (37 weeks
of pregnancy, oxygen at 3.7 litres a minute, a deferral with a review date). Then, signed
in as each role without ``medical.read``, the test walks every public method and property
of every ``*Service`` class in ``desktop.services`` (and every module function there that
takes the unlocked office), found with pkgutil and inspect, so a service added tomorrow is
walked too. Arguments come from a small resolver working on parameter names and
annotations: ids become the planted ids, dates the exam day, queries the canaries.
Known errors (PermissionDenied, InvalidInput) are fine outcomes; whatever comes back and
every error message must carry no canary, no medical field and no raw outcome, and every
medical service must refuse. The same walk as the medical officer must find the canaries,
so the detector is known to see them when they are there.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import logging
import pkgutil
import re
import secrets
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

import desktop.services
from desktop.errors import KnownError, PermissionDenied
from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.medical.fitness import FitnessService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.audit_log import AuditLogService
from desktop.services.office.clock import to_utc
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import INFORM_HOURS
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.lists import RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.services.registry.search import SearchService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlaceInput, PlacesService
from tests.conftest import ADMIN_PASSWORD, CHEAP_KDF, USER_PASSWORD
from tests.pdf_reading import pdf_text

EXAM_DAY = date(2026, 3, 2)  # a Monday, in the past
TRAVEL_DAY = EXAM_DAY + timedelta(days=21)
#: the instant "now" and "at" arguments get: after the exams, while the PEC is valid
MOMENT = to_utc(EXAM_DAY + timedelta(days=1), time(12))
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
OXYGEN = 3.7
PREGNANCY_WEEKS = 37
#: medical terms a search or a filter by a non-medical user must not find anything for
MEDICAL_TERMS = ("tuberculosis", "WCHC", "pregnant", "oxygen", "MEDIF", "unfit")
#: fields of the medical record and words that only describe one; a fitness summary
#: (state, SSR codes, escort, validity) has none of them
MEDICAL_FIELDS = re.compile(
    r"pregnan|oxygen|examiner|medif|review_date|weeks_on_travel|tubercul"
    r"|MedicalRecordView|WorkItem|PregnancyWarning"
    r"|\bunfit_deferred\b|\bfit_with_conditions\b|\bfit_(?:non_)?medical_escort\b"
    r"|\b37 ?weeks\b|\b3\.7 ?l",
    re.IGNORECASE,
)
#: users without the medical role (the user name is the role, as in the demo office)
NON_MEDICAL = ("registration", "viewer", "movement", "protection", "admin")


@dataclass(frozen=True)
class Canaries:
    notes: str
    dari: str
    examiner: str
    clinic: str

    def all(self) -> tuple[str, ...]:
        return (self.notes, self.dari, self.examiner, self.clinic)


def make_canaries() -> Canaries:
    def token() -> str:
        return secrets.token_hex(5)

    return Canaries(
        notes=f"Medcanarynote{token()}",
        dari="سل‌قناری" + str(secrets.randbelow(10**9)).translate(PERSIAN_DIGITS),
        examiner=f"Drcanaryexaminer{token()}",
        clinic=f"Canaryclinic{token()}",
    )


@dataclass(frozen=True)
class Planted:
    data_dir: Path
    canaries: Canaries
    case_id: str
    case_number: str
    head: str  # wheelchair, oxygen, doctor escort
    wife: str  # 37 weeks pregnant, deferred
    child: str  # decision pending
    record_ids: tuple[str, ...]
    appointment_id: str
    session_id: str
    place_id: str
    document_id: str
    other_case_id: str  # an unrelated household: merges drop it, never the planted one
    other_person: str
    import_file: Path

    @property
    def persons(self) -> tuple[str, str, str]:
        return (self.head, self.wife, self.child)


def _open(directory: Path, user: str) -> UnlockedOffice:
    return auth.unlock(directory, user, ADMIN_PASSWORD if user == "admin" else USER_PASSWORD)


def _plant(directory: Path) -> Planted:
    c = make_canaries()
    admin = auth.create_office(directory, "SHG", "Shengjin field office", "admin", ADMIN_PASSWORD)
    try:
        accounts = AccountService(admin)
        for role in Role:
            if role is not Role.ADMIN:
                accounts.add_user(role.value, frozenset({role}), USER_PASSWORD)
        accounts.add_user("bystander", frozenset({Role.VIEWER}), USER_PASSWORD)
        places = PlacesService(admin)
        clinic = places.save(PlaceInput("IOM clinic", "clinic", capacity=2))
        hotel = places.save(PlaceInput("Hotel conference room", "hotel", capacity=1))
    finally:
        admin.close()

    clerk = _open(directory, "registration")
    try:
        registration = RegistrationService(clerk)
        case_id = registration.create_case(CaseInput(family_language="Dari"))
        head, wife, child = (
            registration.add_person(
                case_id,
                PersonInput(
                    relationship=rel,
                    given_name=given,
                    family_name="Sadat",
                    sex=sex,
                    date_of_birth=born,
                ),
                DocumentInput("passport", number) if number else None,
            )
            for rel, given, sex, born, number in (
                ("principal", "Wahid", "M", date(1960, 2, 2), "P7710042"),
                ("spouse", "Shakila", "F", date(1992, 3, 3), ""),
                ("son", "Jawid", "M", date(2016, 4, 4), ""),
            )
        )
        detail = registration.case_detail(case_id)
        case_number, document_id = detail.case_number, detail.members[0].documents[0].id
        other_case = registration.create_case(CaseInput(family_language="Pashto"))
        other_person = registration.add_person(
            other_case,
            PersonInput(
                relationship="principal",
                given_name="Nasrin",
                family_name="Karimi",
                sex="F",
                date_of_birth=date(1985, 5, 5),
            ),
        )
        appointments = AppointmentService(clerk)
        booked = to_utc(EXAM_DAY - timedelta(days=7), time(9))
        appointment_id = appointments.schedule(
            AppointmentInput(case_id, "medical_exam", EXAM_DAY, time(9), 40, clinic), now=booked
        )
        appointments.record_attendance(appointment_id, [head, wife, child], now=MOMENT)
        orientation = OrientationService(clerk)
        session_id = orientation.create_session(
            SessionInput(EXAM_DAY + timedelta(days=3), time(10), 180, hotel, "Dari"), now=booked
        )
        orientation.enrol_case(session_id, case_id, now=booked)
    finally:
        clerk.close()

    doc = _open(directory, "medical")
    try:
        medical = MedicalService(doc)
        secret = f"{c.notes} {c.dari} tuberculosis, pregnant, WCHC"
        base = MedicalInput(
            "health_assessment", EXAM_DAY, c.examiner, "fit", clinic=c.clinic, notes=secret
        )
        records = (
            medical.add(
                head,
                dataclasses.replace(
                    base,
                    outcome="fit_medical_escort",
                    escort="doctor",
                    mobility_ssr="WCHC",
                    oxygen_lpm=OXYGEN,
                    medif_required=True,
                    other_ssr=("DEAF",),
                ),
            ),
            medical.add(
                wife,
                dataclasses.replace(
                    base,
                    outcome="unfit_deferred",
                    review_date=EXAM_DAY + timedelta(days=33),
                    pregnancy_weeks=PREGNANCY_WEEKS,
                ),
            ),
            medical.add(child, dataclasses.replace(base, outcome="pending")),
            medical.add(
                head,
                dataclasses.replace(
                    base,
                    kind="pec",
                    examined_at=time(15),
                    outcome="fit_medical_escort",
                    escort="doctor",
                    mobility_ssr="WCHC",
                    oxygen_lpm=OXYGEN,
                    medif_required=True,
                ),
            ),
        )
        # a correction, and reads: both are audited, neither may put text in the log
        medical.update(records[2], dataclasses.replace(base, outcome="pending", notes=secret))
        # the canaries really are there, for the medical team (else the test proves nothing)
        assert c.notes in medical.history(head)[0].notes
        assert c.dari in medical.history(wife)[0].notes
        assert medical.record(records[1]).pregnancy_weeks == PREGNANCY_WEEKS
        assert medical.pregnancy_warnings(case_id, TRAVEL_DAY)
    finally:
        doc.close()

    import_file = directory.parent / "intake.csv"
    import_file.write_text("Given name,Family name,Sex,Date of birth\n", encoding="utf-8")
    return Planted(
        data_dir=directory,
        canaries=c,
        case_id=case_id,
        case_number=case_number,
        head=head,
        wife=wife,
        child=child,
        record_ids=records,
        appointment_id=appointment_id,
        session_id=session_id,
        place_id=clinic,
        document_id=document_id,
        other_case_id=other_case,
        other_person=other_person,
        import_file=import_file,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    """Planted once; every test works on its own copy of the data directory."""
    mp = pytest.MonkeyPatch()  # the autouse cheap-KDF fixture is function scoped
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        return _plant(tmp_path_factory.mktemp("leaks") / "office")
    finally:
        mp.undo()


@pytest.fixture
def planted(template: Planted, tmp_path: Path) -> Planted:
    copy = tmp_path / "office"
    shutil.copytree(template.data_dir, copy)
    return dataclasses.replace(template, data_dir=copy)


# -- the detector --------------------------------------------------------------------------


def _values(value: object, depth: int = 0) -> Iterator[object]:
    """Every leaf of a returned value (dataclasses, mappings, sequences)."""
    yield value
    if depth > 6:
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _values(getattr(value, f.name), depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _values(k, depth + 1)
            yield from _values(v, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _values(item, depth + 1)


def leaks(value: object, canaries: Canaries) -> list[str]:
    """Why ``value`` gives away medical details (empty when it does not)."""
    found: list[str] = []
    # repr shows field names, but escapes some characters (the ZWNJ of Dari words):
    # the strings themselves are searched too
    texts = [repr(value)]
    for leaf in _values(value):
        if isinstance(leaf, str):
            texts.append(leaf)
        elif isinstance(leaf, float) and abs(leaf - OXYGEN) < 1e-9:
            found.append("the oxygen flow 3.7")
        elif isinstance(leaf, bytes):
            for k, canary in vars(canaries).items():
                for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                    if canary.encode(encoding) in leaf:
                        found.append(f"canary {k} in bytes ({encoding})")
            if leaf.startswith(b"%PDF"):
                texts.append(pdf_text(leaf, normalise=False))
    text = _plain("\n".join(texts))
    found += [f"canary {k}" for k, c in vars(canaries).items() if _plain(c) in text]
    found += [f"medical field or word {m.group(0)!r}" for m in MEDICAL_FIELDS.finditer(text)]
    return found


def _plain(text: str) -> str:
    """NFKC without ZWNJ: how pdfium gives PDF text back, applied to both sides."""
    return unicodedata.normalize("NFKC", text).replace("\u200c", "")


def test_the_detector_sees_each_kind_of_leak() -> None:
    c = make_canaries()
    assert leaks({"a": [("x", 1.0)]}, c) == []
    assert leaks(f"note: {c.dari}", c)
    assert leaks({"x": (c.examiner,)}, c)
    assert leaks([{"lpm": 3.7}], c)
    assert leaks("Pregnant, 37 weeks", c)
    assert leaks(c.clinic.encode("utf-16-le"), c)

    @dataclass(frozen=True)
    class Summary:
        state: str
        ssr_codes: tuple[str, ...]
        escort: str | None

    # what others may see: the summary, SSR codes and the escort need
    assert leaks(Summary("cleared_assistance", ("WCHC", "OXYG", "MEDA"), "medical"), c) == []
    assert leaks(Summary("cleared", (), c.notes), c)


# -- discovering and calling the services ---------------------------------------------------


class Unresolvable(Exception):
    """The resolver cannot build this argument: the call is skipped (and listed)."""


@dataclass(frozen=True)
class Alternatives:
    """Call once with each of these values."""

    values: tuple[object, ...]


@dataclass(frozen=True)
class EntryPoint:
    name: str  # "MedicalService.history", "overview.office_overview"
    module: str
    make: Callable[[UnlockedOffice], Callable[..., Any]]  # the bound callable for an office
    signature: inspect.Signature
    skip_first: bool  # module functions take the office first

    @property
    def medical(self) -> bool:
        """Entry points to medical records themselves: only the medical role may call."""
        owner = self.name.split(".")[0]
        module = self.module.rsplit(".", 1)[-1]
        return "medical" in owner.lower() or ("medical" in module and "demo" not in module)

    @property
    def about_fitness(self) -> bool:
        return self.medical or "fitness" in self.name.lower() or "fitness" in self.module


@dataclass(frozen=True)
class PropertyPoint:
    name: str
    cls: type
    attribute: str


@dataclass
class Walk:
    calls: list[tuple[str, str, object]] = field(default_factory=list)  # name, args, outcome
    leaks: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # name: why
    allowed: set[str] = field(default_factory=set)  # names that returned a value
    denied: set[str] = field(default_factory=set)  # names that raised PermissionDenied
    unexpected: list[str] = field(default_factory=list)

    def flag(self, name: str, reasons: list[str]) -> None:
        if reasons:
            self.leaks.setdefault(name, []).extend(reasons)


#: modules that build demo offices: run once as the demo admin, never by a user
NOT_ENTRY_POINTS = ("desktop.services.demo",)
#: calls that change or remove things go last, so the reads see the planted household
LATE = re.compile(r"^(merge|cancel|disable|withdraw|delete|remove|set_roles|update)")


def _service_modules() -> list[Any]:
    modules = []
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        if info.ispkg or info.name.startswith(NOT_ENTRY_POINTS) or "._" in info.name:
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def discover() -> tuple[list[EntryPoint], list[PropertyPoint]]:
    points: list[EntryPoint] = []
    properties: list[PropertyPoint] = []
    for module in _service_modules():
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not cls_name.endswith("Service"):
                continue
            for attr, raw in sorted(vars(cls).items()):
                if attr.startswith("_"):
                    continue
                if isinstance(raw, property):
                    properties.append(PropertyPoint(f"{cls_name}.{attr}", cls, attr))
                    continue
                if not callable(raw) and not isinstance(raw, staticmethod | classmethod):
                    continue
                function = getattr(cls, attr)

                def make(office: UnlockedOffice, cls: type = cls, attr: str = attr) -> Any:
                    return getattr(cls(office), attr)

                signature = inspect.signature(function)
                if not isinstance(raw, staticmethod | classmethod):
                    params = list(signature.parameters.values())[1:]  # drop self
                    signature = signature.replace(parameters=params)
                points.append(
                    EntryPoint(f"{cls_name}.{attr}", module.__name__, make, signature, False)
                )
        for fn_name, function in inspect.getmembers(module, inspect.isfunction):
            if fn_name.startswith("_") or function.__module__ != module.__name__:
                continue
            params = list(inspect.signature(function).parameters.values())
            if not params or "UnlockedOffice" not in str(params[0].annotation):
                continue

            def make_fn(office: UnlockedOffice, function: Any = function) -> Any:
                return lambda **kwargs: function(office, **kwargs)

            signature = inspect.signature(function)
            signature = signature.replace(parameters=params[1:])
            short = module.__name__.rsplit(".", 1)[-1]
            points.append(
                EntryPoint(f"{short}.{fn_name}", module.__name__, make_fn, signature, True)
            )
    return points, properties


#: optional parameters worth filling in (the others keep their defaults)
WORTH_PASSING = {"travel_date", "now", "at", "include_cancelled", "horizon_days", "limit"}
#: Sequence[str] and the like, by name: which planted ids they take
ID_LISTS = {"present", "take_from_drop"}


def resolve(name: str, annotation: str, entry: str, module: Any, p: Planted) -> object:
    """An argument for parameter ``name`` of ``entry``, or Unresolvable."""
    base = re.sub(r"\s*\|\s*None\b", "", annotation).strip().strip("'\"")
    in_cases = "case" in entry.split(".")[-1]
    ids: dict[str, object] = {
        "case_id": p.case_id,
        "case_number": p.case_number,
        "person_id": Alternatives(p.persons),
        "record_id": Alternatives(p.record_ids),
        "appointment_id": p.appointment_id,
        "session_id": p.session_id,
        "document_id": p.document_id,
        "place_id": p.place_id,
        "location_id": p.place_id,
        # pairs: the planted one is kept, an unrelated one is dropped
        "keep_id": p.case_id if in_cases else p.head,
        "drop_id": p.other_case_id if in_cases else p.other_person,
        "first_id": p.head,
        "second_id": p.other_person,
        "case_ids": [p.case_id, p.other_case_id],
        "person_ids": list(p.persons),
        "appointment_ids": [p.appointment_id],
        "ids": [p.case_id, p.other_case_id, *p.persons, p.other_person],
        "present": list(p.persons),
        "attendance": {p.head: True, p.wife: False},
        "query": Alternatives((*p.canaries.all(), *MEDICAL_TERMS, "Wahid Sadat", "P7710042")),
        "username": "bystander",
        "roles": frozenset({Role.VIEWER}),
        "setting": INFORM_HOURS,
        "value": INFORM_HOURS.default,
        "path": p.import_file,
        "headers": ("Given name", "Family name"),
        "mapping": {"Given name": "given_name", "Family name": "family_name"},
        "detail": {"rows": 1},
        "travel_date": TRAVEL_DAY,
        "horizon_days": 400,
        "limit": 100_000,
    }
    if name in ids:
        return ids[name]
    if name in ID_LISTS:
        return ()
    if base == "date":
        if name in ("first_day", "start", "start_day", "since"):
            return EXAM_DAY - timedelta(days=60)
        if name in ("last_day", "end", "end_day", "until"):
            return EXAM_DAY + timedelta(days=60)
        return EXAM_DAY
    if base == "time":
        return time(10)
    if base == "datetime":
        return MOMENT
    if base == "bool":
        return name.startswith("include")
    if base == "int":
        return 60 if "minutes" in name else 1
    if base == "str":
        return "leak test"
    if re.fullmatch(r"(tuple|list|Sequence|Iterable)\[.*\]", base):
        return ()
    if re.fullmatch(r"(dict|Mapping)\[.*\]", base):
        return {}
    target = getattr(module, base, None)
    if target is MedicalInput:
        # well formed, so only the permission check can refuse it; a day before the
        # planted ones, so that as the medical officer they still decide
        return MedicalInput("health_assessment", EXAM_DAY - timedelta(days=1), "Dr Hoxha", "fit")
    if isinstance(target, type) and dataclasses.is_dataclass(target):
        return build(target, entry, p)
    raise Unresolvable(f"{name}: {annotation}")


def build(cls: type, entry: str, p: Planted) -> object:
    """A dataclass from its required fields, each resolved like a parameter."""
    module = sys.modules[cls.__module__]
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        value = resolve(f.name, str(f.type), entry, module, p)
        values[f.name] = value.values[0] if isinstance(value, Alternatives) else value
    return cls(**values)


def _arguments(point: EntryPoint, p: Planted) -> list[dict[str, object]]:
    module = sys.modules[point.module]
    fixed: dict[str, object] = {}
    spread: tuple[str, tuple[object, ...]] | None = None
    for param in point.signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        optional = param.default is not inspect.Parameter.empty
        if optional and param.name not in WORTH_PASSING:
            continue
        annotation = param.annotation
        text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
        value = resolve(param.name, str(text), point.name, module, p)
        if isinstance(value, Alternatives):
            if spread is None:
                spread = (param.name, value.values)
                continue
            value = value.values[0]
        fixed[param.name] = value
    if spread is None:
        return [fixed]
    name, values = spread
    return [{**fixed, name: v} for v in values]


def walk(office: UnlockedOffice, p: Planted) -> Walk:
    """Call every entry point as the signed-in user; check what comes back."""
    result = Walk()
    points, properties = discover()
    for prop in properties:
        held = getattr(prop.cls(office), prop.attribute)
        result.calls.append((prop.name, "", held))
        result.flag(prop.name, leaks(held, p.canaries))
    for point in sorted(points, key=lambda e: (bool(LATE.match(e.name.split(".")[-1])), e.name)):
        try:
            argument_sets = _arguments(point, p)
        except Unresolvable as why:
            result.skipped[point.name] = str(why)
            continue
        for kwargs in argument_sets:
            shown = ", ".join(f"{k}={v!r}"[:60] for k, v in kwargs.items())
            try:
                value: object = point.make(office)(**kwargs)
            except PermissionDenied as denied:
                result.denied.add(point.name)
                value = denied
                result.flag(point.name, leaks(denied.message, p.canaries))
            except KnownError as known:  # InvalidInput and the like: an answer, not a leak
                value = known
                result.flag(point.name, leaks(known.message, p.canaries))
            except Exception as bug:  # every other error is a finding
                value = bug
                result.unexpected.append(f"{point.name}({shown}): {type(bug).__name__}: {bug}")
                result.flag(point.name, leaks(str(bug), p.canaries))
            else:
                result.allowed.add(point.name)
                result.flag(point.name, leaks(value, p.canaries))
            result.calls.append((point.name, shown, value))
    return result


# -- the tests --------------------------------------------------------------------------------


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def _no_canary_in_logs(caplog: pytest.LogCaptureFixture, c: Canaries) -> None:
    for record in caplog.records:
        said = record.getMessage() + repr(record.args) + (record.exc_text or "")
        assert not any(canary in said for canary in c.all()), record.name


@pytest.mark.parametrize("user", NON_MEDICAL)
def test_no_service_gives_medical_details_to_other_roles(
    planted: Planted, user: str, captured_logs: pytest.LogCaptureFixture
) -> None:
    office = _open(planted.data_dir, user)
    try:
        assert not office.actor.can(desktop.services.office.permissions.Perm.MEDICAL_READ)
        result = walk(office, planted)
    finally:
        office.close()

    assert result.leaks == {}, "\n".join(f"{k}: {v}" for k, v in result.leaks.items())
    assert result.unexpected == [], "\n".join(result.unexpected)

    # every entry point to medical records refuses, whatever it is asked
    points, _ = discover()
    medical = {p.name for p in points if p.medical}
    assert {"MedicalService.add", "MedicalService.history", "MedicalService.worklist"} <= medical
    assert medical - set(result.skipped) <= result.denied, sorted(
        medical - set(result.skipped) - result.denied
    )
    assert not medical & result.allowed, sorted(medical & result.allowed)
    may_read = [v for n, _, v in result.calls if n == "MedicalService.may_read"]
    assert may_read == [False]

    # nothing about medicine or fitness may escape the walk for want of an argument;
    # the skips elsewhere are listed here so a reader sees them
    skipped_medical = {n: why for n, why in result.skipped.items() if _is_fitness(n, points)}
    assert skipped_medical == {}, f"skipped entry points: {result.skipped}"

    # the walk did reach the services that do answer (not every call refused)
    called = {n.split(".")[0] for n, _, _ in result.calls}
    services = {p.name.split(".")[0] for p in points if not p.skip_first}
    assert services <= called, sorted(services - called)
    assert "FitnessService.summary" in result.allowed
    assert "RegistrationService.case_detail" in result.allowed
    assert len(result.allowed) >= 15, sorted(result.allowed)
    _no_canary_in_logs(captured_logs, planted.canaries)


def _is_fitness(name: str, points: list[EntryPoint]) -> bool:
    return any(p.name == name and p.about_fitness for p in points)


def test_the_walk_finds_the_records_as_the_medical_officer(
    planted: Planted, captured_logs: pytest.LogCaptureFixture
) -> None:
    """The control: the same walk, signed in with the medical role, sees the canaries where
    they belong - and still not in the summary that everyone else sees."""
    office = _open(planted.data_dir, "medical")
    try:
        result = walk(office, planted)
    finally:
        office.close()
    flagged = set(result.leaks)
    assert {
        "MedicalService.history",
        "MedicalService.record",
        "MedicalService.case_history",
        "MedicalService.pregnancy_warnings",
        "MedicalService.worklist",
    } <= flagged, sorted(flagged)
    assert {"canary notes", "canary dari", "canary examiner", "canary clinic"} <= set(
        result.leaks["MedicalService.history"]
    )
    assert "the oxygen flow 3.7" in result.leaks["MedicalService.record"]
    assert [v for n, _, v in result.calls if n == "MedicalService.may_read"] == [True]
    # the fitness summary is the same for everyone: never the record; and papers that
    # leave the medical team (a certificate names the examiner and the clinic in its
    # signature block) never carry the notes
    points, _ = discover()
    medical = {p.name for p in points if p.medical}
    outside = {n: r for n, r in result.leaks.items() if not n.startswith("MedicalService.")}
    assert set(outside) <= medical, outside
    for name, reasons in outside.items():
        notes = [r for r in reasons if r in ("canary notes", "canary dari") or "tubercul" in r]
        assert notes == [], (name, reasons)
    assert result.unexpected == [], "\n".join(result.unexpected)
    _no_canary_in_logs(captured_logs, planted.canaries)


@pytest.mark.parametrize("user", NON_MEDICAL)
def test_searching_and_filtering_on_medical_terms_finds_nothing(
    planted: Planted, user: str
) -> None:
    c = planted.canaries
    office = _open(planted.data_dir, user)
    try:
        search = SearchService(office)
        search.ensure_index()
        # the search works: the planted people are found by name, with nothing medical
        hits = search.search("Shakila Sadat")
        assert planted.wife in {h.person_id for h in hits}
        assert leaks(hits, c) == []
        for word in (*c.all(), *MEDICAL_TERMS, "37 weeks", "3.7", "deferred", "escort"):
            assert search.search(word) == [], word
        registry = RegistryService(office)
        choices = registry.filter_choices()
        assert leaks(choices, c) == []
        listed = [v for values in choices.values() for v in values]
        assert not any(t.lower() in v.lower() for t in MEDICAL_TERMS for v in listed), listed
        persons = registry.persons(registry.person_ids())
        assert {planted.head, planted.wife, planted.child} <= {r.id for r in persons}
        assert leaks(persons, c) == []
        assert leaks(registry.cases(registry.case_ids()), c) == []
        # the summary others see says what the airline must know, and no more
        summaries = FitnessService(office).summaries(list(planted.persons), at=MOMENT)
        assert summaries[planted.head].ssr_codes == ("WCHC", "OXYG", "MEDA")
        assert summaries[planted.head].escort == "medical"
        assert summaries[planted.wife].state == "not_cleared"
        assert summaries[planted.child].state == "pending"
        assert leaks(summaries, c) == []
    finally:
        office.close()


def test_the_audit_log_never_carries_medical_text(planted: Planted) -> None:
    """After the planting (records added, corrected and read) and a walk by every role,
    the audit trail holds ids and counts, never the text of a record."""
    for user in (*NON_MEDICAL, "medical"):
        office = _open(planted.data_dir, user)
        try:
            walk(office, planted)
        finally:
            office.close()
    admin = _open(planted.data_dir, "admin")
    try:
        log = AuditLogService(admin).recent(1_000_000)
        check = AuditLogService(admin).verify()
    finally:
        admin.close()
    actions = {e.action for e in log}
    assert {"medical_recorded", "medical_corrected", "medical_read"} <= actions
    assert "permission_denied" in actions or any("denied" in a for a in actions)
    assert check.ok
    assert leaks(log, planted.canaries) == []
    assert not any(MEDICAL_FIELDS.search(e.detail or "") for e in log)
