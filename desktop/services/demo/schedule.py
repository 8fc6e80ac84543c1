"""A realistic schedule for the demo office: places, interviews and medical exams in the
past (attended, a few no-shows) and the coming days (some families told, some not yet),
and orientation sessions with attendance.

Everything goes through the services, as a clerk would do it, so case statuses, audit
events and conflict rules are the real ones.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.office.clock import to_utc
from desktop.services.office.session import UnlockedOffice
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.store.models import Case

#: households that get appointments (the rest of a large demo stays just registered)
SCHEDULED_HOUSEHOLDS = 150

DEMO_PLACES = (
    PlaceInput(
        "IOM office Shëngjin",
        "office",
        "Rruga Lidhja e Lezhës 12, Shëngjin",
        "Blue gate opposite the harbour, first floor",
        capacity=3,
        slot_minutes=30,
    ),
    PlaceInput(
        "IOM clinic Shëngjin",
        "clinic",
        "Rruga Skënderbeu 4, Shëngjin",
        "Behind the health centre, white building with the IOM flag",
        capacity=2,
        slot_minutes=40,
    ),
    PlaceInput(
        "Embassy interview rooms, Tirana",
        "embassy",
        "Rruga e Durrësit 85, Tirana",
        "The IOM bus leaves the office at 06:30; do not travel on your own",
        capacity=4,
        slot_minutes=60,
    ),
    PlaceInput(
        "Hotel Rafaelo conference room",
        "hotel",
        "Rruga Plazhi, Shëngjin",
        "Ground floor, entrance from the beach side",
        capacity=1,
        slot_minutes=180,
    ),
)


class _Slots:
    """Hands out times one after another per place and working day."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, date], int] = {}

    def take(self, place: str, day: date, minutes: int, first: time = time(9)) -> time | None:
        index = self._next.get((place, day), 0)
        start = datetime.combine(day, first) + timedelta(minutes=minutes * index)
        if start.time() >= time(16):
            return None
        self._next[(place, day)] = index + 1
        return start.time()


def _working_day(today: date, offset: int) -> date:
    day = today + timedelta(days=offset)
    while day.weekday() >= 5:  # the office and the embassy work Monday to Friday
        day += timedelta(days=1 if offset >= 0 else -1)
    return day


def add_demo_schedule(office: UnlockedOffice, today: date, seed: int = 1) -> int:
    """Places, appointments and orientation sessions for the first households; returns how
    many appointments and sessions were made."""
    rng = random.Random(seed)
    places = PlacesService(office)
    place_ids = [places.save(p) for p in DEMO_PLACES]
    office_place, clinic, embassy, hotel = place_ids
    with office.reading() as session:
        case_ids = list(
            session.scalars(
                select(Case.id)
                .where(Case.merged_into_id.is_(None))
                .order_by(Case.case_number)
                .limit(SCHEDULED_HOUSEHOLDS)
            )
        )
    booking = _Booking(office, today)
    recommended: list[str] = []
    for index, case_id in enumerate(case_ids):
        stage = index % 10
        try:
            if stage <= 5:  # interviewed in the last weeks
                _interviewed(booking, case_id, index, (embassy, clinic), rng, recommended)
            elif stage <= 7:  # interview coming up, told or not yet
                interview = booking.book(
                    case_id,
                    "interview",
                    embassy,
                    rng.randint(1, 12),
                    60,
                    agency="Embassy resettlement unit",
                    interpreter_language="Dari",
                )
                if stage == 7:
                    booking.service.record_notification([interview], "focal_point", "demo")
            elif stage == 8:  # collecting documents at the office
                booking.book(case_id, "document_collection", office_place, rng.randint(0, 4), 30)
        except InvalidInput:
            continue  # a demo slot that clashes is simply left out
    return booking.made + _add_orientation(office, today, hotel, recommended, rng)


class _Booking:
    """Books demo appointments as a clerk would, each in the next free slot of its place."""

    def __init__(self, office: UnlockedOffice, today: date) -> None:
        self.service = AppointmentService(office)
        self.today = today
        self.now = office.clock.now()
        self.slots = _Slots()
        self.made = 0

    def book(
        self,
        case_id: str,
        kind: str,
        place: str,
        offset: int,
        minutes: int,
        *,
        agency: str = "",
        interviewer: str = "",
        interpreter_language: str = "",
    ) -> str:
        """An appointment ``offset`` working days from today, or on a later day when that
        one is full (InvalidInput when none of ten days has room)."""
        day = _working_day(self.today, offset)
        for _ in range(10):
            start = self.slots.take(place, day, minutes)
            if start is not None:
                break
            day = _working_day(day, 1)
        else:
            raise InvalidInput("no free demo slot")
        data = AppointmentInput(
            case_id,
            kind,
            day,
            start,
            minutes,
            place,
            agency=agency,
            interviewer=interviewer,
            interpreter_language=interpreter_language,
        )
        # past appointments are entered as if booked a week before they happened
        booked_at = min(self.now, to_utc(day, start) - timedelta(days=7))
        appointment_id = self.service.schedule(data, now=booked_at)
        self.made += 1
        return appointment_id

    def everyone(self, appointment_id: str) -> list[str]:
        return [a.person_id for a in self.service.get(appointment_id).attendees]


def _interviewed(
    booking: _Booking,
    case_id: str,
    index: int,
    places: tuple[str, str],
    rng: random.Random,
    recommended: list[str],
) -> None:
    """An interview in the last weeks with its outcome, then a medical exam done or
    coming up; a few families do not come. A recommended household joins ``recommended``
    as soon as the outcome is recorded, even if its medical exam then finds no slot."""
    service, now, stage = booking.service, booking.now, index % 10
    embassy, clinic = places
    interview = booking.book(
        case_id,
        "interview",
        embassy,
        -rng.randint(8, 30),
        60,
        agency="Embassy resettlement unit",
        interviewer=f"Officer {'ABCD'[index % 4]}",
        interpreter_language="Pashto" if index % 4 == 0 else "Dari",
    )
    if stage == 5 and index % 20 == 5:  # a family that did not come
        service.record_attendance(interview, [], now=now)
        return
    service.record_attendance(interview, booking.everyone(interview), now=now)
    outcome = ("recommended",) * 6 + ("pending", "further_interview", "refused")
    service.record_outcome(interview, outcome[index % len(outcome)])
    if outcome[index % len(outcome)] == "recommended":
        recommended.append(case_id)
    if stage <= 2:  # medical exam done, one no-show kept for follow-up
        exam = booking.book(case_id, "medical_exam", clinic, -rng.randint(1, 7), 40)
        present = [] if index % 30 == 1 else booking.everyone(exam)
        service.record_attendance(exam, present, now=now)
    elif stage <= 4:  # medical exam coming up
        exam = booking.book(case_id, "medical_exam", clinic, rng.randint(0, 6), 40)
        if index % 3:
            service.record_notification([exam], "phone_call", "demo")


def _add_orientation(
    office: UnlockedOffice, today: date, hotel: str, cases: list[str], rng: random.Random
) -> int:
    """Three past sessions with attendance and two coming ones, for the adults of the
    households recommended at interview. Returns how many sessions."""
    service = OrientationService(office)
    now = office.clock.now()
    languages = ("Dari", "Pashto", "Dari", "Pashto", "Dari")
    offsets = (-12, -8, -3, 3, 7)
    made = 0
    with office.reading() as session:
        spoken = dict(
            session.execute(select(Case.id, Case.family_language).where(Case.id.in_(cases))).all()
        )
    # each household goes to a session in its own language, spread over the dates
    groups: list[list[str]] = [[] for _ in offsets]
    for n, case_id in enumerate(cases):
        language = "Pashto" if spoken.get(case_id) == "Pashto" else "Dari"
        fitting = [i for i, lang in enumerate(languages) if lang == language]
        groups[fitting[n % len(fitting)]].append(case_id)
    for offset, language, group in zip(offsets, languages, groups, strict=True):
        day = _working_day(today, offset)
        start = time(10)
        planned_at = min(now, to_utc(day, start) - timedelta(days=10))
        try:
            session_id = service.create_session(
                SessionInput(
                    day,
                    start,
                    180,
                    hotel,
                    language,
                    facilitator="Cultural orientation team",
                    topics="Travel day, airports, arrival, rights and duties, first weeks",
                    capacity=40,
                ),
                now=planned_at,
            )
            for case_id in group:
                try:
                    service.enrol_case(session_id, case_id, adults_only=True, now=planned_at)
                except InvalidInput:
                    continue  # full, or a member busy at that time
            if offset < 0:
                enrolled = service.session_detail(session_id).enrolments
                service.record_attendance(
                    session_id, {e.person_id: rng.random() > 0.1 for e in enrolled}, now=now
                )
            made += 1
        except InvalidInput:
            continue
    return made
