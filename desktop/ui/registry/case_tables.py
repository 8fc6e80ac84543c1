"""The tables of a household window: its members (with a fitness column where the window
is given one), the documents of the selected member, and the status timeline."""

from __future__ import annotations

from collections.abc import Callable

from desktop.services.registry.household_types import DocumentRecord, MemberRecord, StatusStep
from desktop.ui.kit.i18n import tr_noop
from desktop.ui.kit.tables import Column
from desktop.ui.registry.document_dialogs import local_time
from desktop.ui.registry.models import date_of_birth, yes_no
from desktop.ui.registry.vocabulary import code_text, document_title, status_text


def member_name(member: MemberRecord) -> str:
    return " ".join(p for p in (member.given_name, member.family_name) if p)


MEMBER_COLUMNS: list[Column[MemberRecord]] = [
    Column(tr_noop("Relationship"), lambda m: code_text(m.relationship), sample="Granddaughter"),
    Column(tr_noop("Given name"), lambda m: m.given_name, sample="Abdul Karim", tip=True),
    Column(tr_noop("Family name"), lambda m: m.family_name, sample="Ahmadzai", tip=True),
    Column(tr_noop("Father's name"), lambda m: m.father_name, sample="Abdul Rahman", tip=True),
    Column(
        tr_noop("Name (native script)"),
        lambda m: m.native_name,
        rtl=True,
        sample="عبدالکریم جلالی",
        tip=True,
    ),
    Column(tr_noop("Sex"), lambda m: m.sex, sample="M"),
    Column(
        tr_noop("Date of birth"),
        lambda m: date_of_birth(m.date_of_birth, m.dob_precision),
        sample="0000-00-00",
    ),
    Column(tr_noop("Nationality"), lambda m: m.nationality, sample="AFG"),
    Column(tr_noop("Needs"), lambda m: yes_no(m.specific_needs)),
]
FITNESS_TIP = tr_noop(
    "Fitness to travel: the summary of the latest medical examination, no details"
)


def member_columns(fitness: Callable[[str], str] | None) -> list[Column[MemberRecord]]:
    """The members' columns; with ``fitness`` (a person id's summary) a Fitness column."""
    if fitness is None:
        return MEMBER_COLUMNS
    return [
        *MEMBER_COLUMNS,
        Column(
            tr_noop("Fitness"),
            lambda m: fitness(m.id),
            sample="Cleared - assistance: WCHR",
            tip=True,
            header_tip=FITNESS_TIP,
        ),
    ]


DOCUMENT_COLUMNS: list[Column[DocumentRecord]] = [
    Column(
        tr_noop("Type"), lambda d: document_title(d.doc_type), sample="Convention travel document"
    ),
    Column(tr_noop("Number"), lambda d: d.number, sample="P01234567"),
    Column(tr_noop("Issued by"), lambda d: d.issuing_country or ""),
    Column(tr_noop("Issued"), lambda d: d.issue_date.isoformat() if d.issue_date else ""),
    Column(tr_noop("Expires"), lambda d: d.expiry_date.isoformat() if d.expiry_date else ""),
    Column(tr_noop("MRZ"), lambda d: yes_no(d.machine_readable)),
    Column(tr_noop("Kept by"), lambda d: code_text(d.custody), sample="Handed at airport"),
]

STEP_COLUMNS: list[Column[StatusStep]] = [
    Column(tr_noop("When"), lambda s: local_time(s.at), sample="2026-01-01 00:00"),
    Column(tr_noop("Status"), lambda s: status_text(s.status), sample="Medical in progress"),
    Column(tr_noop("Reason"), lambda s: s.reason, tip=True, sample="Interview on Tuesday"),
    Column(tr_noop("By"), lambda s: s.by, sample="registration"),
]
