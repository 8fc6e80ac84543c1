"""The Medical page and its dialogs: the worklist by deadline, a person's history, the
record form with outcome-driven fields, printing, and who may see any of it."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QStyleOptionViewItem, QWidget
from shiboken6 import isValid

from desktop.errors import InvalidInput
from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.medical.fitness import FitnessService
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import FrozenClock, office_today, to_local
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.services.vocabulary import FORBIDDEN_SSR, MOBILITY_SSR, OTHER_SSR
from desktop.ui.kit import operations
from desktop.ui.kit.dates import to_qdate
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.medical.history import MedicalHistoryDialog
from desktop.ui.medical.models import MOBILITY_TITLES, OTHER_SSR_TITLES, WORK_COLUMNS
from desktop.ui.medical.page import NOT_MEDICAL, DeadlineDelegate, MedicalPage
from desktop.ui.medical.prints import CERTIFICATES_FILE, ENVELOPE_FILE
from desktop.ui.medical.record_form import NOTES_LABEL, MedicalRecordForm
from tests.conftest import USER_PASSWORD

WAIT_MS = 10_000
CANARY = "CANARY-NOTE-latent-tb-4471"


def weekday(offset: int) -> date:
    day = office_today() + timedelta(days=offset)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class FakePrinting:
    """Stands in for MedicalPrintingService: remembers what was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, list[str] | None]] = []

    def certificates_pdf(self, case_id: str, *, person_ids: Sequence[str] | None = None) -> bytes:
        self.calls.append(("certificates", case_id, list(person_ids) if person_ids else None))
        return b"%PDF certificates"

    def envelope_pdf(self, case_id: str) -> bytes:
        self.calls.append(("envelope", case_id, None))
        return b"%PDF envelope"


@dataclass
class Team:
    doc: UnlockedOffice
    data_dir: Path
    pec_case: str
    pec_person: str
    pending_case: str
    pending_person: str
    pec_day: date
    printing: FakePrinting
    #: the doctor's change notices, as the main window hears them
    notices: ChangeNotices

    def page(self, qtbot: Any, medical: MedicalService | None = None) -> MedicalPage:
        """The doctor's page, shown and listening to change notices like the app's."""
        page = MedicalPage(
            medical or MedicalService(self.doc),
            FitnessService(self.doc),
            self.printing,
            can_write=True,
            clock=self.doc.clock,
        )
        qtbot.addWidget(page)
        self.notices.changed.connect(page.on_change)
        page.resize(1200, 640)
        page.show()
        page.refresh()
        settle(qtbot)
        return page

    def form(self, name: str = "Someone", **options: Any) -> MedicalRecordForm:
        return MedicalRecordForm(None, MedicalService(self.doc), self.doc.clock, name, **options)

    def history(self, **options: Any) -> MedicalHistoryDialog:
        """Shakila's records, opened on their own (as a household window opens them)."""
        return MedicalHistoryDialog(
            None,
            MedicalService(self.doc),
            self.pending_person,
            name="Shakila Sadat",
            case_id=self.pending_case,
            case_number="X",
            clock=self.doc.clock,
            **options,
        )


def settle(qtbot: Any) -> None:
    """Wait until nothing runs in the background any more."""
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)


def person(relationship: str, given: str, sex: str, born: date) -> PersonInput:
    return PersonInput(
        relationship=relationship,
        given_name=given,
        family_name="Sadat" if sex == "F" or relationship == "spouse" else "Karimi",
        sex=sex,
        date_of_birth=born,
    )


@pytest.fixture
def team(qtbot: Any, office: UnlockedOffice, data_dir: Path) -> Iterator[Team]:
    """A clerk booked a PEC for one household; the doctor examined a member of another
    and has not decided yet."""
    clinic = PlacesService(office).save(PlaceInput("IOM clinic", "clinic", "Rruga e Portit 4"))
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("doc", frozenset({Role.MEDICAL}), USER_PASSWORD)
    office.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    registration = RegistrationService(clerk)
    pec_case = registration.create_case(CaseInput(family_language="Dari"))
    pec_person = registration.add_person(
        pec_case, person("principal", "Wahid", "M", date(1975, 2, 2))
    )
    pending_case = registration.create_case(CaseInput(family_language="Pashto"))
    registration.add_person(pending_case, person("principal", "Omid", "M", date(1980, 1, 1)))
    pending_person = registration.add_person(
        pending_case,
        PersonInput(
            relationship="spouse",
            given_name="Shakila",
            family_name="Sadat",
            sex="F",
            date_of_birth=date(1990, 3, 3),
        ),
    )
    pec_day = weekday(2)
    AppointmentService(clerk).schedule(
        AppointmentInput(pec_case, "pec", pec_day, time(10, 0), 20, clinic)
    )
    clerk.close()
    doc = auth.unlock(data_dir, "doc", USER_PASSWORD)
    MedicalService(doc).add(
        pending_person,
        MedicalInput(
            "health_assessment",
            office_today() - timedelta(days=1),
            "Dr Hoxha",
            "pending",
            clinic="IOM clinic",
            notes=CANARY,
        ),
    )
    notices = ChangeNotices(doc.changes)
    yield Team(
        doc,
        data_dir,
        pec_case,
        pec_person,
        pending_case,
        pending_person,
        pec_day,
        FakePrinting(),
        notices,
    )
    settle(qtbot)
    notices.close()
    doc.close()


def cells(model: Any, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def open_history(qtbot: Any, page: MedicalPage, row: int) -> MedicalHistoryDialog:
    dialog = page.open_row(row)
    assert dialog is not None
    settle(qtbot)
    return dialog


def ok(dialog: QDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


def new_form(dialog: MedicalHistoryDialog) -> MedicalRecordForm:
    dialog.new_button.click()
    forms = [f for f in dialog.findChildren(MedicalRecordForm) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def choose(box: Any, value: object) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def saved(qtbot: Any, form: QDialog, dialog: MedicalHistoryDialog) -> None:
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=WAIT_MS)
    settle(qtbot)


# -- the worklist ---------------------------------------------------------------------------------


def test_the_worklist_lists_who_to_see_by_deadline(qtbot, team, qtmodeltester):
    page = team.page(qtbot)
    rows = [cells(page.model, r) for r in range(page.model.rowCount())]
    assert [r[1:4] for r in rows] == [
        ["Pre-embarkation check", rows[0][2], "Wahid Karimi"],
        ["Decision pending", rows[1][2], "Shakila Sadat"],
    ]
    assert rows[0][0] == f"{team.pec_day:%a %d %b %Y} 10:00"
    assert rows[0][4] == f"booked {team.pec_day:%a %d %b} 10:00"
    assert rows[1][0] == "No date"
    assert [r[5] for r in rows] == ["Pending", "Pending"]
    assert page.count_label.text() == "2 people to see"
    assert [c.title for c in WORK_COLUMNS][:5] == [
        "Deadline",
        "Need",
        "Case number",
        "Name",
        "Reason",
    ]
    qtmodeltester.check(page.model)

    # the filter: case number or name, any case
    page.filter.setText(rows[1][2].lower())
    assert [cells(page.model, r)[3] for r in range(page.model.rowCount())] == ["Shakila Sadat"]
    assert page.count_label.text() == "1 of 2 entries"
    page.filter.setText("wahid")
    assert [cells(page.model, r)[3] for r in range(page.model.rowCount())] == ["Wahid Karimi"]
    page.filter.setText("Nobody-like-this")
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)
    assert page.empty.text() == "Nobody on the worklist matches the filter."
    page.filter.clear()
    assert page.model.rowCount() == 2


def test_the_horizon_reaches_further_ahead(qtbot, team):
    clinic = PlacesService(team.doc).list()[0].id
    far = weekday(20)
    AppointmentService(team.doc).schedule(
        AppointmentInput(team.pending_case, "medical_exam", far, time(9, 0), 30, clinic)
    )
    page = team.page(qtbot)
    assert page.horizon.currentData() == 14
    assert page.model.rowCount() == 2
    page.horizon.setCurrentIndex(page.horizon.findData(30))
    settle(qtbot)
    needs = [cells(page.model, r)[1] for r in range(page.model.rowCount())]
    assert needs.count("Examination") == 2  # both members of the household are booked
    assert needs[:1] == ["Pre-embarkation check"] and needs[-1] == "Decision pending"
    page.horizon.setCurrentIndex(page.horizon.findData(7))
    settle(qtbot)
    assert page.model.rowCount() == 2


def test_a_page_for_someone_outside_the_medical_team_shows_why_and_reads_nothing(
    qtbot, team, monkeypatch
):
    clerk = auth.unlock(team.data_dir, "clerk", USER_PASSWORD)
    try:
        medical = MedicalService(clerk)
        asked: list[str] = []
        monkeypatch.setattr(medical, "worklist", lambda **kw: asked.append("worklist") or [])
        page = MedicalPage(medical, FitnessService(clerk), None, can_write=False, clock=clerk.clock)
        qtbot.addWidget(page)
        page.refresh()
        assert not operations.busy() and not operations.is_busy(page)
        assert asked == []
        assert page.message.isVisibleTo(page)
        assert page.message.text() == NOT_MEDICAL
        assert not page.table.isVisibleTo(page)
        assert page.open_history(page_item(team)) is None
        assert not page.findChildren(MedicalHistoryDialog)
    finally:
        clerk.close()


def page_item(team: Team) -> Any:
    from desktop.services.medical.examinations import WorkItem

    return WorkItem(team.pending_person, team.pending_case, "X", "Someone", "Review", "", None)


# -- the record form ------------------------------------------------------------------------------


CONDITIONS = {"mobility_ssr", "oxygen_lpm", "medif_required", "other_ssr"}


@pytest.mark.parametrize(
    ("outcome", "fields"),
    [
        ("fit", set()),
        ("fit_with_conditions", CONDITIONS),
        ("fit_non_medical_escort", CONDITIONS),
        ("fit_medical_escort", CONDITIONS | {"escort"}),
        ("unfit_deferred", {"review_date"}),
        ("unfit", set()),
        ("pending", set()),
    ],
)
def test_the_outcome_decides_which_fields_show(qtbot, team, outcome, fields):
    form = team.form("Shakila Sadat", sex="F")
    qtbot.addWidget(form)
    form.show()
    assert form.shown_fields() == {"pregnancy_weeks"}
    choose(form.outcome, outcome)
    assert form.shown_fields() == fields | {"pregnancy_weeks"}
    assert form.outcome_hint.isVisibleTo(form) and form.outcome_hint.text()


def test_pregnancy_is_asked_unless_the_person_is_known_to_be_male(qtbot, team):
    for sex, offered in (("F", True), (None, True), ("X", True), ("M", False)):
        form = team.form(sex=sex)
        qtbot.addWidget(form)
        assert ("pregnancy_weeks" in form.shown_fields()) is offered
        assert form.pregnancy_offered is offered


def test_the_codes_offered_never_include_deportee_codes(qtbot, team):
    form = team.form()
    qtbot.addWidget(form)
    mobility = [form.mobility.itemData(i) for i in range(form.mobility.count())]
    assert mobility == [None, *MOBILITY_SSR]
    assert list(form.other_ssr) == list(OTHER_SSR)
    texts = [form.mobility.itemText(i) for i in range(form.mobility.count())]
    texts += [box.text() for box in form.other_ssr.values()]
    for code in FORBIDDEN_SSR:
        assert not any(code in text for text in texts)
    assert set(MOBILITY_TITLES) == set(MOBILITY_SSR)
    assert set(OTHER_SSR_TITLES) == set(OTHER_SSR)


def test_the_form_blocks_saving_with_messages_as_you_type(qtbot, team):
    page = team.page(qtbot)
    dialog = open_history(qtbot, page, 1)
    assert dialog.person_id == team.pending_person
    assert dialog.model.rowCount() == 1
    form = new_form(dialog)
    assert not ok(form).isEnabled()
    assert form.missing.text() == "Still needed: kind of examination, examiner, outcome."
    choose(form.kind, "follow_up")
    form.examiner.setText("Dr Hoxha")
    assert form.missing.text() == "Still needed: outcome."

    choose(form.outcome, "unfit_deferred")
    assert form.error_text("review_date") == "A deferral needs the date of the next review."
    assert not ok(form).isEnabled()
    form.review_date.setDate(form.day.date())
    assert form.error_text("review_date") == "The review comes after the examination."
    form.review_date.setDate(form.day.date().addDays(30))
    assert form.error_text("review_date") == ""
    assert ok(form).isEnabled()

    choose(form.outcome, "fit_medical_escort")
    assert form.error_text("escort") == "Say whether a nurse or a doctor escorts."
    assert form.error_text("review_date") == ""  # hidden with its field, and not saved
    choose(form.escort, "doctor")
    assert ok(form).isEnabled()

    choose(form.outcome, "fit_with_conditions")
    assert form.error_text("outcome").startswith("Say which condition applies")
    assert not ok(form).isEnabled()
    form.oxygen.setValue(0.3)
    assert form.error_text("oxygen_lpm") == "Oxygen is between 0.5 and 15 litres per minute."
    form.oxygen.setValue(2)
    form.day.setDate(to_qdate(office_today() + timedelta(days=1)))
    assert "before it happened" in form.error_text("examined_on")
    form.day.setDate(to_qdate(office_today() - timedelta(days=1)))
    assert ok(form).isEnabled()
    data = form.value()
    assert data.escort is None and data.review_date is None  # hidden, not saved
    assert data.oxygen_lpm == 2.0 and data.outcome == "fit_with_conditions"
    form.reject()


def test_saving_a_record_adds_it_to_the_history_and_the_worklist_follows(qtbot, team):
    page = team.page(qtbot)
    dialog = open_history(qtbot, page, 1)
    assert dialog.summary_label.text() == "Pending"
    assert dialog.notes.toPlainText() == CANARY
    form = new_form(dialog)
    choose(form.kind, "health_assessment")
    form.examiner.setText("Dr Hoxha")
    form.clinic.setText("IOM clinic")
    choose(form.outcome, "fit_medical_escort")
    choose(form.escort, "nurse")
    choose(form.mobility, "WCHR")
    form.other_ssr["MAAS"].setChecked(True)
    form.pregnancy.setValue(20)
    form.notes.setPlainText("Follow-up of the anaemia: iron tablets for the journey.")
    assert ok(form).isEnabled()
    ok(form).click()
    saved(qtbot, form, dialog)

    assert dialog.model.rowCount() == 2
    top = dialog.model.record(0)
    assert top.outcome == "fit_medical_escort" and top.mobility_ssr == "WCHR"
    assert top.other_ssr == ("MAAS",) and top.escort == "nurse" and top.pregnancy_weeks == 20
    assert cells(dialog.model, 0)[1:3] == ["Health assessment", "Fit with medical escort"]
    assert dialog.selected() == top
    assert dialog.notes.toPlainText() == "Follow-up of the anaemia: iron tablets for the journey."
    assert dialog.fact_labels["Medical escort"].text() == "Nurse"
    assert dialog.fact_labels["Conditions"].text().splitlines() == [
        MOBILITY_TITLES["WCHR"],
        "MAAS – meet and assist",
    ]
    assert dialog.summary_label.text().startswith(
        "Cleared - assistance: WCHR, MAAS; medical escort (valid until "
    )
    assert dialog.message.text() == "Examination recorded."
    # the decision is made: the change notice reloads the worklist, which no longer waits
    qtbot.waitUntil(lambda: needs(page) == ["Pre-embarkation check"], timeout=WAIT_MS)
    dialog.reject()


def needs(page: MedicalPage) -> list[str]:
    return [cells(page.model, r)[1] for r in range(page.model.rowCount())]


def test_correcting_a_record_keeps_what_was_typed_when_refused(qtbot, team, monkeypatch):
    page = team.page(qtbot)
    dialog = open_history(qtbot, page, 1)
    dialog.table.selectRow(0)
    dialog.correct_button.click()
    form = next(f for f in dialog.findChildren(MedicalRecordForm) if f.isVisible())
    assert form.examiner.text() == "Dr Hoxha" and form.chosen_outcome() == "pending"
    assert form.notes.toPlainText() == CANARY
    choose(form.outcome, "fit")
    # 02:30 on the night the clocks go forward does not exist in Tirana
    form.day.setDate(QDate(2026, 3, 29))
    form.time.setTime(QTime(2, 30))
    assert "does not exist" in form.error_text("examined_on")
    assert not ok(form).isEnabled()
    form.time.setTime(QTime(9, 30))
    assert form.error_text("examined_on") == ""

    # refused by the service (here: the record was removed meanwhile): the form stays
    medical = dialog._medical
    real_update = medical.update
    refusals: list[str] = []

    def refuse(record_id: str, data: MedicalInput) -> None:
        refusals.append(record_id)
        raise InvalidInput("That medical record no longer exists.")

    monkeypatch.setattr(medical, "update", refuse)
    ok(form).click()
    qtbot.waitUntil(lambda: "no longer exists" in form.message.text(), timeout=WAIT_MS)
    assert form.isVisible() and ok(form).isEnabled()
    assert form.chosen_outcome() == "fit" and form.notes.toPlainText() == CANARY
    assert form.time.time() == QTime(9, 30)
    monkeypatch.setattr(medical, "update", real_update)
    ok(form).click()
    saved(qtbot, form, dialog)
    assert len(refusals) == 1
    assert dialog.model.rowCount() == 1
    record = dialog.model.record(0)
    assert record.outcome == "fit" and record.notes == CANARY
    assert cells(dialog.model, 0)[0] == "29 Mar 2026 09:30"
    assert dialog.message.text().startswith("Correction saved")
    dialog.reject()


def test_pregnancy_is_checked_against_a_travel_date(qtbot, team):
    medical = MedicalService(team.doc)
    medical.add(
        team.pending_person,
        MedicalInput(
            "health_assessment",
            office_today(),
            "Dr Hoxha",
            "fit",
            examined_at=time(0, 0),
            pregnancy_weeks=14,  # 40 weeks when the clearance ends, six months on
        ),
    )
    dialog = team.history(sex="F")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    check = dialog.pregnancy
    assert check.isVisibleTo(dialog)
    # the check starts at the end of the clearance, six months on: past the limit
    assert dialog.summary is not None and dialog.summary.valid_until is not None
    assert check.travel_date.date() == to_qdate(to_local(dialog.summary.valid_until).date())
    assert "at or past the carriers' limit of 36 weeks" in check.verdict.text()
    assert [w.person_id for w in check.warnings] == [team.pending_person]
    check.travel_date.setDate(to_qdate(office_today() + timedelta(days=7)))
    settle(qtbot)
    assert check.verdict.text().startswith("Within the carriers' limit on ")
    assert check.warnings == []
    dialog.reject()


def test_printing_certificates_and_the_envelope(qtbot, team, previews):
    page = team.page(qtbot)
    dialog = open_history(qtbot, page, 0)
    assert dialog.certificate_button.isVisibleTo(dialog)
    dialog.certificate_person_action.trigger()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT_MS)
    dialog.certificate_household_action.trigger()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=WAIT_MS)
    dialog.envelope_button.click()
    qtbot.waitUntil(lambda: len(previews) == 3, timeout=WAIT_MS)
    assert team.printing.calls == [
        ("certificates", team.pec_case, [team.pec_person]),
        ("certificates", team.pec_case, None),
        ("envelope", team.pec_case, None),
    ]
    assert [p.suggested_name for p in previews] == [
        CERTIFICATES_FILE,
        CERTIFICATES_FILE,
        ENVELOPE_FILE,
    ]
    assert CERTIFICATES_FILE == "fitness-certificates.pdf"
    assert ENVELOPE_FILE == "medical-envelope.pdf"
    assert all("Karimi" not in p.suggested_name for p in previews)
    for preview in previews:
        preview.reject()
    dialog.reject()


def test_without_printing_or_writing_the_buttons_are_not_offered(qtbot, team):
    dialog = team.history()
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    assert not dialog.new_button.isVisibleTo(dialog)
    assert not dialog.correct_button.isVisibleTo(dialog)
    assert not dialog.certificate_button.isVisibleTo(dialog)
    assert dialog.new_record() is None and dialog.correct() is None
    assert dialog.findChild(QWidget, "medicalNotesView").toPlainText() == CANARY
    assert NOTES_LABEL == "Medical notes (medical staff only)"
    dialog.reject()


def test_closing_for_the_lock_closes_the_dialogs_and_empties_the_list(qtbot, team, monkeypatch):
    page = team.page(qtbot)
    page.filter.setText("Sadat")
    dialog = open_history(qtbot, page, 0)
    form = new_form(dialog)
    # a time refused by the service (later today) is shown beside the date: the date and
    # the time share that row of the form
    monkeypatch.setattr(
        MedicalService, "problems", lambda _self, data: {"examined_at": "Not yet happened."}
    )
    assert form.problems() == {"examined_on": "Not yet happened."}
    page.close_for_lock()
    assert not isValid(form) or not form.isVisible()
    assert not isValid(dialog) or not dialog.isVisible()
    assert page.model.rowCount() == 0
    assert page.filter.text() == ""  # it may have held a name
    page.refresh()
    assert not operations.is_busy(page)  # a page closed for the lock reads nothing more


def test_record_input_round_trips_through_the_form(qtbot, team):
    """A correction starts from exactly what was recorded."""
    medical = MedicalService(team.doc)
    data = MedicalInput(
        "pec",
        office_today() - timedelta(days=2),
        "Nurse Berisha",
        "fit_non_medical_escort",
        examined_at=time(8, 45),
        clinic="Airport clinic",
        mobility_ssr="WCHS",
        oxygen_lpm=1.5,
        medif_required=True,
        other_ssr=("BLND", "MEDA"),
        pregnancy_weeks=12,
        notes="Line one\nLine two",
    )
    record_id = medical.add(team.pec_person, data)
    form = team.form("Wahid Karimi", sex="M", record=medical.record(record_id))
    qtbot.addWidget(form)
    assert form.value() == data
    assert form.pregnancy_offered  # recorded once, so it stays correctable
    assert replace(data, notes="") != form.value()


def test_a_new_examination_starts_from_the_last_ones_conditions(qtbot, team):
    medical = MedicalService(team.doc)
    medical.add(
        team.pending_person,
        MedicalInput(
            "health_assessment",
            office_today(),
            "Dr Hoxha",
            "fit_with_conditions",
            examined_at=time(0, 0),
            mobility_ssr="WCHS",
            oxygen_lpm=2.0,
        ),
    )
    dialog = team.history(sex="F", can_write=True)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    form = new_form(dialog)
    # a pre-embarkation check recorded next keeps the wheelchair and oxygen unless changed
    assert form.chosen_outcome() == "fit_with_conditions"
    assert form.mobility.currentData() == "WCHS" and form.oxygen.value() == 2.0
    assert form.carried.isVisibleTo(form)
    assert "carried over from the examination of" in form.carried.text()
    form.reject()
    dialog.reject()


# -- change notices, newer requests, the office clock ---------------------------------------------


def test_the_worklist_reloads_when_a_record_is_written_elsewhere(qtbot, team):
    page = team.page(qtbot)
    page.table.selectRow(0)
    chosen = page.selected()
    assert chosen is not None and chosen.item.person_id == team.pec_person
    # another window of the same office records an examination still awaiting its decision
    MedicalService(team.doc).add(
        team.pec_person,
        MedicalInput("pec", office_today(), "Dr Hoxha", "pending", examined_at=time(0, 0)),
    )
    qtbot.waitUntil(lambda: needs(page).count("Decision pending") == 2, timeout=WAIT_MS)
    settle(qtbot)
    # the reload kept the choice
    assert page.selected() is not None and page.selected().key == chosen.key  # type: ignore[union-attr]


def test_a_hidden_page_does_not_reload(qtbot, team):
    """(The main window reloads a page when it shows it.)"""
    page = team.page(qtbot)
    page.hide()
    MedicalService(team.doc).add(
        team.pec_person,
        MedicalInput("pec", office_today(), "Dr Hoxha", "pending", examined_at=time(0, 0)),
    )
    qtbot.wait(50)  # the notice arrives and is left for later
    assert not operations.busy()
    assert needs(page).count("Decision pending") == 1


def test_a_newer_horizon_wins_over_a_slower_older_one(qtbot, team, monkeypatch):
    medical = MedicalService(team.doc)
    page = team.page(qtbot, medical)
    real = medical.worklist
    gate = threading.Event()
    asked: list[int] = []

    def worklist(**options: Any) -> Any:
        asked.append(options["horizon_days"])
        if options["horizon_days"] == 30:
            gate.wait(WAIT_MS / 1000)
            return []  # what a stale answer would show
        return real(**options)

    monkeypatch.setattr(medical, "worklist", worklist)
    page.horizon.setCurrentIndex(page.horizon.findData(30))
    page.horizon.setCurrentIndex(page.horizon.findData(7))
    qtbot.waitUntil(lambda: asked == [30, 7] and page.model.rowCount() == 2, timeout=WAIT_MS)
    gate.set()
    settle(qtbot)
    assert page.model.rowCount() == 2  # the answer for 30 days came last and was dropped
    assert page.count_label.text() == "2 people to see"


def test_the_form_judges_times_on_the_office_clock(qtbot, team):
    # the office's clock is a year ahead of the machine's (the machine's clock is wrong)
    team.doc.clock = FrozenClock(datetime(office_today().year + 1, 5, 11, 7, 0, tzinfo=UTC))
    today = team.doc.clock.today()
    form = team.form("Wahid Karimi", sex="M")
    qtbot.addWidget(form)
    assert form.day.date() == to_qdate(today)
    assert form.time.time() == QTime(9, 0)  # 07:00 UTC is 09:00 in Tirana in May
    choose(form.kind, "pec")
    form.examiner.setText("Dr Hoxha")
    choose(form.outcome, "fit")
    assert form.problems() == {}  # today on the office clock, a year ahead of the machine
    form.day.setDate(to_qdate(today + timedelta(days=1)))
    assert "before it happened" in form.error_text("examined_on")


def test_deadlines_past_on_the_office_clock_are_shown_late(qtbot, team):
    page = team.page(qtbot)
    row = [r.item.deadline is not None for r in page.rows()].index(True)
    index = page.model.index(row, 0)
    late = DeadlineDelegate(FrozenClock(datetime.now(UTC) + timedelta(days=365)))
    option = QStyleOptionViewItem()
    late.initStyleOption(option, index)
    assert option.font.bold()
    early = DeadlineDelegate(FrozenClock(datetime.now(UTC) - timedelta(days=365)))
    option = QStyleOptionViewItem()
    early.initStyleOption(option, index)
    assert not option.font.bold()
