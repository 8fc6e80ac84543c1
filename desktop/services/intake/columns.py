"""The canonical columns of a registration list and how a file's headers map to them.

Partners name their columns in many ways and languages; the clerk confirms or
corrects the suggested mapping in the import dialog, and the office remembers
it by ``header_signature`` for the next file like it. Mapping is kept apart
from reading cells because the dialog needs it before any row is read.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Final

from desktop.services.intake.cells import _key
from desktop.services.intake.files import IntakeFileError

__all__ = ["CANONICAL_COLUMNS", "REQUIRED_COLUMNS", "header_signature", "suggest_mapping"]

CANONICAL_COLUMNS: Final[tuple[str, ...]] = (
    "case_ref",
    "relationship",
    "given_name",
    "family_name",
    "father_name",
    "native_name",
    "sex",
    "date_of_birth",
    "nationality",
    "document_type",
    "document_number",
    "document_expiry",
    "phone",
    "language",
    "destination_country",
    "programme",
)

#: a file without a source column for one of these yields no rows
REQUIRED_COLUMNS: Final[tuple[str, ...]] = (
    "case_ref",
    "relationship",
    "given_name",
    "sex",
    "date_of_birth",
)


_HEADER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "case_ref": (
        "case caseno casenumber caseref casereference caseid casecode familyid familyno "
        "familynumber familyref householdid householdno householdnumber householdref hhid "
        "hhno hhnumber hhref hh household groupid groupno registrationgroup "
        "registrationgroupid progresid progresgroupid iomcase iomcaseno iomcasenumber",
        "شمارهقضیه شمارهکیس کیس شمارهخانواده",
    ),
    "relationship": (
        "relationship relation relationshiptopa relationshiptoprincipal relationshiptohead "
        "relationshiptohoh relationshiptoprincipalapplicant relationshiptoheadofhousehold "
        "relationshiptocasehead relationtopa relationtohead reltopa rel role familyrole "
        "relationshipwithpa relationshipwithhead",
        "نسبت رابطه نسبتباسرپرست",
    ),
    "given_name": (
        "givenname givennames firstname firstnames forename forenames fname first "
        "givennameenglish firstnameenglish givennamelatin firstnamelatin",
        "",
    ),
    "family_name": (
        "familyname surname surnames lastname lname last familynameenglish surnameenglish "
        "lastnameenglish",
        "تخلص",
    ),
    "father_name": (
        "father fathersname fathername fathersfirstname nameoffather fathersgivenname "
        "fathersnameenglish fathernameenglish",
        "نامپدر ولد ولدیت اسمپدر",
    ),
    "native_name": (
        "nativename namedari namepashto namedaripashto namepashtodari namenative "
        "namenativescript nameinnativescript nameindari nameinpashto dariname pashtoname "
        "daripashtoname fullnamedari fullnamepashto fullnamenative localname namelocal "
        "nameinlocalscript namearabicscript namearabic arabicname originalname",
        "نام اسم نامکامل اسمکامل نامونامخانوادگی ناموتخلص",
    ),
    "sex": ("sex gender mf sexmf gendermf", "جنس جنسیت"),
    "date_of_birth": (
        "dob dateofbirth birthdate birthday born dateofbirthddmmyyyy dobddmmyyyy "
        "dateofbirthyyyymmdd yearofbirth birthyear yob",
        "تاریختولد سالتولد تولد",
    ),
    "nationality": (
        "nationality citizenship nat countryofnationality countryofcitizenship countryoforigin",
        "ملیت تابعیت",
    ),
    "document_type": (
        "documenttype doctype idtype iddocumenttype typeofdocument typeofid documentkind "
        "traveldocumenttype",
        "نوعسند",
    ),
    "document_number": (
        "documentnumber documentno docno docnumber documentnr passportno passportnumber "
        "passportnr passport idnumber idno idnr tazkirano tazkiranumber tazkerano "
        "tazkeranumber tazkira tazkera nidno nidnumber nationalid nationalidnumber "
        "nationalidno traveldocumentnumber traveldocumentno",
        "شمارهسند شمارهتذکره شمارهپاسپورت",
    ),
    "document_expiry": (
        "documentexpiry documentexpirydate expiry expirydate dateofexpiry expires expiration "
        "expirationdate validuntil validto passportexpiry passportexpirydate docexpiry "
        "documentvaliduntil",
        "تاریخانقضا",
    ),
    "phone": (
        "phone phonenumber phoneno phonenr mobile mobilenumber mobileno mobilephone tel "
        "telephone telephonenumber contactnumber contactphone contactno cell "
        "cellphone cellnumber whatsapp whatsappnumber",
        "تلفن شمارهتلفن شمارهتماس موبایل",
    ),
    "language": (
        "language languages lang primarylanguage mainlanguage mothertongue motherlanguage "
        "familylanguage spokenlanguage languagespoken preferredlanguage",
        "زبان",
    ),
    "destination_country": (
        "destination destinationcountry countryofdestination resettlementcountry "
        "receivingcountry countryofresettlement destcountry finaldestination",
        "",
    ),
    "programme": (
        "programme program resettlementprogramme resettlementprogram pathway scheme stream "
        "programmename programname",
        "",
    ),
}
#: generic words mapped only when nothing more specific claims the column
_WEAK_HEADER_ALIASES: Final[dict[str, str]] = {"name": "given_name"}


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical in CANONICAL_COLUMNS:
        table[_key(canonical)] = canonical
        for words in _HEADER_ALIASES.get(canonical, ()):
            for word in words.split():
                table[_key(word)] = canonical
    return table


_ALIASES: Final = _alias_table()
_PARENTHESES = re.compile(r"[(\[{][^)\]}]*[)\]}]")
_NUMBERING = re.compile(r"^\s*(?:no\.?\s*)?\d+\s*[.):-]\s*", re.IGNORECASE)


def _suggest(header: str) -> tuple[int, str] | None:
    """(rank, canonical) for one header: exact > weak > without parentheses > weak without."""
    key = _key(header)
    if key in _ALIASES:
        return 0, _ALIASES[key]
    if key in _WEAK_HEADER_ALIASES:
        return 1, _WEAK_HEADER_ALIASES[key]
    stripped = _key(_NUMBERING.sub("", _PARENTHESES.sub(" ", header)))
    if stripped != key:
        if stripped in _ALIASES:
            return 2, _ALIASES[stripped]
        if stripped in _WEAK_HEADER_ALIASES:
            return 3, _WEAK_HEADER_ALIASES[stripped]
    return None


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Each header mapped to the canonical column it names, or None.

    No two headers get the same canonical column: the most specific match wins,
    then the leftmost (``First name`` beats ``Name``; ``Name (Dari)`` is the native
    name, ``Name`` then the given name).
    """
    candidates = []
    for index, header in enumerate(headers):
        found = _suggest(header)
        if found is not None:
            candidates.append((found[0], index, found[1]))
    mapping: dict[str, str | None] = dict.fromkeys(headers)
    taken: set[str] = set()
    for _rank, index, canonical in sorted(candidates):
        header = headers[index]
        if canonical not in taken and mapping[header] is None:
            mapping[header] = canonical
            taken.add(canonical)
    return mapping


def header_signature(headers: Sequence[str]) -> str:
    """A stable hash of the headers, to remember a mapping chosen for files like this.

    Case, spaces, punctuation and column order are ignored, so a file saved again
    with its columns moved or ``First Name`` written ``first_name`` has the same
    signature (explicit mappings match headers the same tolerant way).
    """
    body = "\n".join(sorted(_key(header) for header in headers))
    return hashlib.sha256(("intake-headers-v1\n" + body).encode("utf-8")).hexdigest()


def _resolve_mapping(
    headers: Sequence[str], explicit: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    if explicit is None:
        return suggest_mapping(headers)
    for target in explicit.values():
        if target is not None and target not in CANONICAL_COLUMNS:
            raise ValueError(f"{target!r} is not a canonical intake column")
    by_key: dict[str, str | None] = {}
    for source, target in explicit.items():
        by_key.setdefault(_key(source), target)
    chosen: dict[str, str | None] = {}
    for header in headers:
        if header in explicit:
            chosen[header] = explicit[header]
        elif _key(header) in by_key:
            chosen[header] = by_key[_key(header)]
    targets = Counter(target for target in chosen.values() if target is not None)
    doubled = [target for target, count in targets.items() if count > 1]
    if doubled:
        sources = [header for header, target in chosen.items() if target == doubled[0]]
        raise IntakeFileError(
            f"The columns {', '.join(repr(s) for s in sources)} are all set to "
            f"{doubled[0]}; choose one of them."
        )
    suggested = suggest_mapping([header for header in headers if header not in chosen])
    mapping: dict[str, str | None] = {}
    for header in headers:
        if header in chosen:
            mapping[header] = chosen[header]
        else:
            target = suggested.get(header)
            mapping[header] = None if target in targets else target
    return mapping


def _document_type_hint(mapping: Mapping[str, str | None]) -> str | None:
    """The type a document-number column's header names (``Passport no``), if any."""
    for header, target in mapping.items():
        if target == "document_number":
            key = _key(header)
            if "passport" in key:
                return "passport"
            if any(word in key for word in ("tazkira", "tazkera", "nationalid", "nid")):
                return "tazkira"
    return None
