"""Slips and agendas from the database: the right families, languages and barcodes."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import office_today
from desktop.services.office.permissions import Role
from desktop.services.printing.slips import PrintingService, slip_language
from desktop.services.progress import Cancelled, Progress
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.store.models import AuditEvent
from tests.conftest import USER_PASSWORD
from tests.pdf_reading import barcodes
from tests.pdf_reading import pdf_text as pages_text


@pytest.fixture
def clerk(office, data_dir):  # type: ignore[no-untyped-def]
    PlacesService(office).save(
        PlaceInput("IOM clinic", "clinic", "Rruga Skënderbeu 4", "Behind the health centre", 2)
    )
    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    yield opened
    opened.close()


def book(office, language: str | None, at: time, day: date) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    registration = RegistrationService(office)
    case_id = registration.create_case(CaseInput(family_language=language))
    registration.add_person(
        case_id,
        PersonInput(
            relationship="principal",
            given_name="Zarghuna",
            family_name="Karimi",
            native_name="زرغونه کریمی",
            sex="F",
            date_of_birth=date(1991, 6, 1),
        ),
    )
    place = PlacesService(office).list()[0].id
    appointment_id = AppointmentService(office).schedule(
        AppointmentInput(case_id, "medical_exam", day, at, 40, place)
    )
    return appointment_id, registration.case_detail(case_id).case_number


def test_slip_language_follows_the_family() -> None:
    assert slip_language("Pashto") == "pashto"
    assert slip_language("Dari") == "dari"
    assert slip_language(None) == "dari"  # most families read Dari
    assert slip_language("Other") is None  # English only


def test_slips_hold_case_numbers_barcodes_and_the_family_language(clerk) -> None:  # type: ignore[no-untyped-def]
    day = office_today() + timedelta(days=3)
    first, number = book(clerk, "Dari", time(9), day)
    second, other = book(clerk, "Pashto", time(10), day)
    printing = PrintingService(clerk)
    assert printing.slips_for_day(day) == [first, second]
    pdf = printing.slips_pdf([first, second])
    text = pages_text(pdf)
    assert number in text and other in text
    assert "Zarghuna Karimi" in text
    assert sorted(barcodes(pdf)) == sorted([number, other])
    # printing alone does not tell the family; handing the slips over does
    appointments = AppointmentService(clerk)
    assert appointments.get(first).status == "scheduled"
    assert printing.mark_slips_handed([first, second]) == 2
    assert appointments.get(first).notifications[0].method == "printed_slip"


def test_no_slip_for_a_cancelled_appointment(clerk) -> None:  # type: ignore[no-untyped-def]
    day = office_today() + timedelta(days=3)
    appointment_id, number = book(clerk, "Dari", time(9), day)
    AppointmentService(clerk).cancel(appointment_id, "family left")
    printing = PrintingService(clerk)
    assert printing.slips_for_day(day) == []
    with pytest.raises(InvalidInput, match=f"{number}: a cancelled appointment gets no slip"):
        printing.slips_pdf([appointment_id])
    with pytest.raises(InvalidInput, match="at least one"):
        printing.slips_pdf([])


def test_agenda_lists_the_day_and_prints_are_audited_without_names(clerk) -> None:  # type: ignore[no-untyped-def]
    day = office_today() + timedelta(days=3)
    _, number = book(clerk, "Dari", time(9), day)
    moved, moved_number = book(clerk, "Dari", time(11), day)
    AppointmentService(clerk).reschedule(moved, day + timedelta(days=1), time(9), "clinic busy")
    printing = PrintingService(clerk)
    place = PlacesService(clerk).list()[0].id
    text = pages_text(printing.agenda_pdf(day, place))
    assert number in text
    assert moved_number not in text  # the old date of a moved appointment is not on the list
    printing.slips_pdf(printing.slips_for_day(day))
    with clerk.reading() as session:
        events = {e.action: e.detail for e in session.scalars(select(AuditEvent))}
    assert json.loads(events["agenda_printed"]) == {"rows": 1}
    assert json.loads(events["slips_rendered"]) == {"count": 1}
    assert "Karimi" not in "".join(events.values())


def test_orientation_slips_go_to_each_enrolled_household(clerk) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.schedule.orientation import OrientationService, SessionInput

    day = office_today() + timedelta(days=3)
    _, first = book(clerk, "Dari", time(9), day - timedelta(days=1))
    _, second = book(clerk, "Pashto", time(10), day - timedelta(days=1))
    registration = RegistrationService(clerk)
    cases = {registration.case_detail(c).case_number: c for c in _case_ids(clerk)}
    orientation = OrientationService(clerk)
    place = PlacesService(clerk).list()[0].id
    session_id = orientation.create_session(SessionInput(day, time(14), 120, place, "Dari"))
    printing = PrintingService(clerk)
    with pytest.raises(InvalidInput, match="Nobody is enrolled"):
        printing.orientation_slips_pdf(session_id)
    orientation.enrol_case(session_id, cases[first])
    orientation.enrol_case(session_id, cases[second])
    pdf = printing.orientation_slips_pdf(session_id)
    text = pages_text(pdf)
    assert first in text and second in text and "Session in Dari" in text
    assert sorted(barcodes(pdf)) == sorted([first, second])
    orientation.cancel_session(session_id, "other")
    with pytest.raises(InvalidInput, match="cancelled"):
        printing.orientation_slips_pdf(session_id)


def _case_ids(office) -> list[str]:  # type: ignore[no-untyped-def]
    from desktop.store.models import Case

    with office.reading() as session:
        return list(session.scalars(select(Case.id)))


def test_slips_report_each_one_laid_out_and_can_be_stopped(clerk) -> None:  # type: ignore[no-untyped-def]
    day = office_today() + timedelta(days=3)
    ids = [book(clerk, "Dari", time(9), day)[0], book(clerk, "Pashto", time(10), day)[0]]
    printing = PrintingService(clerk)
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _text: seen.append((done, total)))
    assert printing.slips_pdf(ids, progress).startswith(b"%PDF")
    assert seen[-1] == (len(ids), len(ids))
    stopping = Progress()
    stopping.cancel()
    with pytest.raises(Cancelled):
        printing.slips_pdf(ids, stopping)
