"""The words a registration list may use for a value, mapped to the value stored.

Sexes, relationships, document types, languages and countries come from many
partners, in English, Dari and Pashto; these tables are data, kept apart from
the parsers in ``values`` so that a word can be added without reading any
code. Words are compared by ``cells._key`` (case, spaces and punctuation
ignored).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from desktop.services.intake.cells import _key


def _table_of(groups: Mapping[str, str]) -> dict[str, str]:
    return {_key(word): value for words, value in groups.items() for word in words.split()}


_SEX: Final = _table_of(
    {
        "m male man boy mr مرد مذکر ذکور نارینه سړی": "M",
        "f female woman girl mrs ms miss زن مونث مؤنث اناث ښځینه ښځه": "F",
        "x": "X",
    }
)

#: word -> (relationship, the sex it implies or "")
_RELATIONSHIP: Final[dict[str, tuple[str, str]]] = {
    _key(word): value
    for words, value in {
        "principal principalapplicant pa head hoh headofhousehold headoffamily householdhead "
        "familyhead casehead self applicant mainapplicant سرپرست سرپرستخانواده": ("principal", ""),
        "spouse partner همسر زوج زوجه": ("spouse", ""),
        "wife خانم": ("spouse", "F"),
        "husband شوهر": ("spouse", "M"),
        "son پسر زوی": ("son", "M"),
        "daughter دختر لور": ("daughter", "F"),
        "father پدر پلار": ("father", "M"),
        "mother مادر مور": ("mother", "F"),
        "brother برادر ورور": ("brother", "M"),
        "sister خواهر خور": ("sister", "F"),
        "grandson": ("grandson", "M"),
        "granddaughter": ("granddaughter", "F"),
        "other relative otherrelative uncle aunt niece nephew cousin soninlaw daughterinlaw "
        "fatherinlaw motherinlaw brotherinlaw sisterinlaw grandfather grandmother grandparent "
        "stepson stepdaughter stepchild stepfather stepmother stepbrother stepsister "
        "fosterchild ward dependant dependent سایر دیگر خویشاوند عروس داماد کاکا ماما خاله عمه "
        "پدرکلان مادرکلان": ("other", ""),
    }.items()
    for word in words.split()
}
#: word -> (male, female): the sex chooses
_RELATIONSHIP_BY_SEX: Final[dict[str, tuple[str, str]]] = {
    _key(word): value
    for words, value in {
        "child kid children offspring فرزند طفل اولاد": ("son", "daughter"),
        "parent والد": ("father", "mother"),
        "sibling": ("brother", "sister"),
        "grandchild نواسه": ("grandson", "granddaughter"),
    }.items()
    for word in words.split()
}

_DOCUMENT_TYPE: Final = _table_of(
    {
        "passport pp ordinarypassport nationalpassport پاسپورت گذرنامه": "passport",
        "tazkira tazkera tazkirah tazkeera tazkra taskira etazkira etazkera electronictazkira "
        "nationalid nationalidcard nid idcard id تذکره تذکرهالکترونیکی": "tazkira",
        "convention_travel_document ctd refugeetraveldocument "
        "1951conventiontraveldocument": "convention_travel_document",
        "icrc_travel_document icrc icrctd icrcdocument redcrosstraveldocument": (
            "icrc_travel_document"
        ),
        "laissez_passer laissezpasser laisserpasser lp unlaissezpasser": "laissez_passer",
        "visa ویزه ویزا": "visa",
        "single_journey singlejourney singlejourneydocument singlejourneytraveldocument sjd "
        "sjtd": "single_journey",
        "other سایر": "other",
    }
)

_LANGUAGE: Final = _table_of(
    {
        "dari farsi persian farsidari hazaragi دری فارسی هزارگی": "Dari",
        "pashto pashtu pushto pukhto pakhto پښتو پشتو": "Pashto",
        "other uzbek uzbeki turkmen turkmeni urdu english arabic balochi baluchi nuristani "
        "pashai pashayi russian hindi punjabi ازبکی ترکمنی اردو انگلیسی عربی بلوچی سایر "
        "دیگر": "Other",
    }
)
_LANGUAGE_SPLIT = re.compile(r"[,;/&+]|\band\b|\s و\s")

#: ISO 3166-1 alpha-3, and the ICAO codes for stateless persons and refugees
_ISO_ALPHA3 = """
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA
BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN
CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU
EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB
GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL
ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO
LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR
MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER
PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM
SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM
VUT WLF WSM YEM ZAF ZMB ZWE XXA XXB XXC
"""
_COUNTRY_CODES: Final = frozenset(_ISO_ALPHA3.split())
_COUNTRY_NAMES: Final = _table_of(
    {
        "afghanistan afghan afghani افغانستان افغان افغانی": "AFG",
        "stateless": "XXA",
        "unitedstates unitedstatesofamerica us america": "USA",
        "unitedkingdom uk greatbritain britain england": "GBR",
        "canada": "CAN",
        "germany deutschland": "DEU",
        "france": "FRA",
        "australia": "AUS",
        "newzealand": "NZL",
        "netherlands thenetherlands holland": "NLD",
        "sweden": "SWE",
        "norway": "NOR",
        "denmark": "DNK",
        "finland": "FIN",
        "ireland": "IRL",
        "iceland": "ISL",
        "spain": "ESP",
        "portugal": "PRT",
        "italy": "ITA",
        "belgium": "BEL",
        "luxembourg": "LUX",
        "switzerland": "CHE",
        "austria": "AUT",
        "poland": "POL",
        "czechia czechrepublic": "CZE",
        "slovakia": "SVK",
        "slovenia": "SVN",
        "croatia": "HRV",
        "hungary": "HUN",
        "romania": "ROU",
        "bulgaria": "BGR",
        "greece": "GRC",
        "albania": "ALB",
        "northmacedonia": "MKD",
        "turkey turkiye": "TUR",
        "pakistan": "PAK",
        "iran": "IRN",
        "tajikistan": "TJK",
        "uzbekistan": "UZB",
        "turkmenistan": "TKM",
        "india": "IND",
        "qatar": "QAT",
        "unitedarabemirates uae": "ARE",
        "mexico": "MEX",
        "brazil": "BRA",
        "argentina": "ARG",
        "chile": "CHL",
        "uruguay": "URY",
        "japan": "JPN",
        "southkorea korea": "KOR",
        "rwanda": "RWA",
        "uganda": "UGA",
        "russia": "RUS",
        "ukraine": "UKR",
    }
)
