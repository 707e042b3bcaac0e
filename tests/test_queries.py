"""The competency questions in queries/*.rq and their exact answers.

Every stored query has an entry in EXPECTED. The expected answers were worked
out from the five articles in data/articles/ (and the claims that quote them),
not copied from the query output. Each answer is a set of rows; a row is a tuple
of strings: an IRI by its local name (the part after the last '/' or '#'), a
literal by its lexical form, an unbound variable as None.

A query whose header says "Needs reasoning: no" must give the same answer with
and without the reasoner's inferences. A query that says "Needs reasoning: yes"
has a paired expectation (Brick-style): one answer over the asserted graph plus
the ontology, another over the full graph, and the two must differ.

Every answer is asserted through both engines: Oxigraph over the build's files,
as ``kg query`` and the endpoint run it (``kg.query.open_build``), and rdflib, the
reference, over the session fixtures ``asserted_graph`` and ``full_graph`` of
tests/conftest.py. Both come from the one session build (``build_dir``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from helpers import rdflib_query as run
from kg.query import open_build, read_stored
from kg.query import run as run_oxigraph

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
QUERY_FILES = sorted(QUERIES.glob("*.rq"))
QUERY_NAMES = [p.stem for p in QUERY_FILES]


class Paired(NamedTuple):
    """The answer of a query that needs reasoning: without and with the inferences."""

    asserted: object
    full: object


# --- answer helpers -----------------------------------------------------------


def cell(term):
    """A result term as a readable string: local name for IRIs, lexical form for literals."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        text = str(term)
        return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def answer(graph: Graph, text: str):
    """The answer of a query: a bool for ASK, else a set of tuples (rows or triples)."""
    result = run(graph, text)
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return {tuple(cell(t) for t in triple) for triple in result.graph}
    return {tuple(cell(t) for t in row) for row in result}


def answer_oxigraph(store, text: str):
    """:func:`answer` through Oxigraph, the engine of ``kg query`` and the endpoint."""
    import pyoxigraph as ox

    result = run_oxigraph(store, text)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return {tuple(cell_oxigraph(t) for t in triple) for triple in result}
    return {tuple(cell_oxigraph(row[i]) for i in range(len(result.variables))) for row in result}


def cell_oxigraph(term):
    """:func:`cell` of a pyoxigraph term."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return term.value


ENGINES = ("oxigraph", "rdflib")


@pytest.fixture(scope="module")
def stores(build_dir):
    """Oxigraph stores of the session build: without and with the inferences."""
    return {"asserted": open_build(build_dir, "asserted"), "all": open_build(build_dir, "all")}


@pytest.fixture(params=ENGINES)
def ask(request, stores, asserted_graph, full_graph):
    """``ask(which, text)``: the answer of ``text`` over the asserted or the full graph, by one engine."""
    if request.param == "oxigraph":
        return lambda which, text: answer_oxigraph(stores[which], text)
    graphs = {"asserted": asserted_graph, "all": full_graph}
    return lambda which, text: answer(graphs[which], text)


# --- labels (skos:prefLabel, from data/entities.ttl and data/claims/*.ttl) ---------

L = {
    # places and actors
    "Italy": "Italy",
    "Japan": "Japan",
    "United_Kingdom": "United Kingdom",
    "European_Union": "European Union",
    "China": "China",
    "Germany": "Germany",
    "Spain": "Spain",
    "North_Korea": "North Korea",
    "Italian_Air_Force": "Italian Air Force",
    "Japanese_Air_Force": "Japanese Air Force",
    # people
    "Giorgia_Meloni": "Giorgia Meloni",
    "Fumio_Kishida": "Fumio Kishida",
    "Sanae_Takaichi": "Sanae Takaichi",
    "Shigeru_Ishiba": "Shigeru Ishiba",
    "Shinzo_Abe": "Abe Shinzo",
    "Boris_Johnson": "Boris Johnson",
    "Joe_Biden": "Joe Biden",
    "Donald_Trump": "Donald Trump",
    "Xi_Jinping": "Xi Jinping",
    "Mario_Draghi": "Mario Draghi",
    "Ursula_von_der_Leyen": "Ursula von der Leyen",
    "Guido_Crosetto": "Guido Crosetto",
    "Lorenzo_Guerini": "Lorenzo Guerini",
    "Nobuo_Kishi": "Nobuo Kishi",
    "Prabowo_Subianto": "Prabowo Subianto",
    "Luigi_Di_Mai": "Luigi Di Mai",
    "Ryo_Sakai": "Ryo Sakai",
    "Enrico_Credendino": "Enrico Credendino",
    "Sunak": "Sunak",
    # meetings, summits, calls
    "Meeting_2023-01-10_Meloni_Kishida": "Meloni-Kishida meeting and working lunch at Palazzo Chigi, 10 January 2023",
    "Meeting_2022-11_Meloni_Kishida_Bali": "Meloni-Kishida meeting planned at the G20 in Bali, November 2022",
    "Meeting_2022-11_Meloni_Xi_Bali": "Meloni-Xi bilateral meeting at the G20 summit in Bali, November 2022",
    "Meeting_2023_Crosetto_Prabowo": "Planned Crosetto-Prabowo meeting in Indonesia (reported January 2023)",
    "Meeting_2022-12_Crosetto_Prabowo_Rome": "Italy-Indonesia bilateral defence meeting in Rome, December 2022",
    "Meeting_2023-01-13_Kishida_Biden": "Kishida-Biden meeting at the White House, 13 January 2023",
    "Meeting_2022-05_Kishida_Johnson": (
        "Kishida-Johnson meeting for the signing of the Japan-UK Reciprocal Access Agreement, May 2022"
    ),
    "Meeting_Meloni_Taipei_Representative": (
        "Meloni's meeting with Taipei's representative in Italy during the electoral campaign"
    ),
    "Meeting_2024_Meloni_Kishida": "Kishida-Meloni meeting and handover of the G-7 presidency, 2024",
    "Meeting_2023-06_Sakai_Credendino": "Second 2023 meeting of Admirals Ryo Sakai and Enrico Credendino, June 2023",
    "Meeting_Guerini_Kishi": "Meeting of defence ministers Lorenzo Guerini and Nobuo Kishi in Japan",
    "Meeting_2026-01_Meloni_Takaichi": (
        "Meloni-Takaichi meeting for the 160th anniversary of Italy-Japan relations, January 2026"
    ),
    "Meeting_2025_Meloni_Takaichi": "First meeting of Meloni and Takaichi, 2025",
    "PhoneCall_2025_Meloni_Takaichi": "Meloni-Takaichi phone call, late 2025",
    "Consultation_Italy-Japan_2plus2_first_round": "First round of the Italy-Japan 2+2 consultations",
    "Summit_2022-11_G20_Bali": "G20 summit in Bali, November 2022",
    "Summit_2023-05_G7_Hiroshima": "G7 summit in Hiroshima, May 2023",
    "Summit_2024-06_G7_Italy": "G7 summit under the Italian presidency, June 2024",
    "Summit_2025-07_EU-Japan": "EU-Japan summit, July 2025",
    # visits, tours and other events
    "Visit_2023-01_Kishida_Italy": "Kishida's first official visit to Italy, January 2023",
    "Tour_2023-01_Kishida_G7": "Kishida's tour of the G7 countries, January 2023",
    "Visit_2023_Crosetto_Japan": "Crosetto's planned visit to Japan (reported January 2023)",
    "Tour_2023_Crosetto_Asia": (
        "Crosetto's possible wider Asian trip, including a stop in Indonesia (reported January 2023)"
    ),
    "Visit_Meloni_China": "Meloni's visit to China at Xi's invitation (planned)",
    "Visit_Guerini_Japan": "Lorenzo Guerini's state visit to Japan",
    "Visit_2026-01_Meloni_Japan": "Meloni's official visit to Japan (Tokyo), 15-17 January 2026",
    "Tour_2026-01_Meloni_Asia": "Meloni's tour of Asia (Oman, Japan, South Korea), January 2026",
    "Visit_Meloni_Japan_First_Official": (
        "Meloni's first official visit to Japan (within about two years before January 2026)"
    ),
    "Visit_2019_Abe_Italy": "Abe Shinzo's visit to Italy, 2019",
    "Training_Japanese_Pilots_IFTS": (
        "Advanced training of Japanese pilots at the International Flight Training School in Italy"
    ),
    "Exercise_2024_Italy_Japan": "Planned Italy-Japan joint training exercises, 2024",
    "PortCall_2024_Italian_Warships_Japan": "Planned port calls by Italian warships in Japan, 2024",
    "Deployment_2023_Morosini": "Morosini deployment to the Indo-Pacific, 2023",
    "Deployment_2024_Cavour": "Cavour carrier strike group deployment to the Indo-Pacific and Japan, 2024",
    "Announcement_2024_Italy_BRI_Withdrawal": "Italy's withdrawal from the Belt and Road Initiative, 2024",
    "Meeting_2022-11_Meloni_Xi_Bali_First_Slot": (
        "Meloni-Xi meeting first set for the beginning of the G20 summit in Bali, November 2022"
    ),
    "Meeting_Sakai_Credendino_First": "First meeting of Admirals Ryo Sakai and Enrico Credendino",
    "Joint_Working_Group": "Italy-Japan Joint Working Group on defence industry",
    "Announcement_Draghi_BRI_Reassessment": (
        "Draghi's announced re-assessment of Italy's presence in the Belt and Road Initiative"
    ),
    "Announcement_Italy_Presidency_GCAP": (
        "Announcement on the Italy-UK-Japan sixth-generation jet project by the Presidency of the Council of Ministers"
    ),
    "Announcement_2025-12_EU_Japan_Horizon_Europe": (
        "EU decision accepting Japan's request to be included in Horizon Europe, December 2025"
    ),
    # agreements and initiatives
    "Italy-Japan_Strategic_Partnership": "Italy-Japan strategic partnership",
    "GCAP_Agreement": "GCAP agreement between Italy, Japan and the United Kingdom",
    "Japan-UK_Reciprocal_Access_Agreement": "Japan-UK Reciprocal Access Agreement",
    "EU-Japan_Economic_Partnership_Agreement": "EU-Japan Economic Partnership Agreement",
    "Italy-China_BRI_Memorandum": "Italy-China Belt and Road memorandum of understanding",
    "Italy-Japan_Air_Force_Technical_Arrangement": "Technical Arrangement between the Italian and Japanese Air Forces",
    "Japan-EU_Security_and_Defence_Partnership": "Japan-EU security and defence partnership",
    "Italy-Japan_ACSA": "Italy-Japan Acquisition and Cross-Servicing Agreement",
    "Japan_Horizon_Europe_Association": "Japan's inclusion in Horizon Europe",
    "Japan_SAFE_Participation": "Japan's participation in SAFE",
    "Italy-Japan_2plus2": "Italy-Japan foreign and defence consultation mechanism (2+2)",
    "Japan-UK_2plus2": "Japan-United Kingdom foreign and defence consultation mechanism",
    "Japan-France_2plus2": "Japan-France foreign and defence consultation mechanism",
    "Japan-Germany_2plus2": "Japan-Germany foreign and defence consultation mechanism",
    "Free_and_Open_Indo-Pacific": "Free and Open Indo-Pacific",
    "EU-Japan_Defence_Industry_Dialogue": "EU-Japan Defence Industry Dialogue",
    "Competitiveness_Alliance": "Competitiveness Alliance",
    # programmes, companies, organisations, equipment
    "GCAP": "Global Combat Air Programme",
    "Tempest": "Tempest",
    "F-X": "F-X",
    "Eurofighter_Typhoon": "Eurofighter Typhoon",
    "Italy-Japan_Technology_and_Equipment_Project": "Italian-Japanese technology and equipment implementation project",
    "North_Korean_Nuclear_Programme": "North Korean nuclear programme",
    "BAE_Systems": "BAE Systems",
    "Leonardo": "Leonardo",
    "Mitsubishi_Heavy_Industries": "Mitsubishi Heavy Industries",
    "Italian_Navy": "Italian Navy",
    "JMSDF": "Japan Maritime Self-Defense Force",
    "US_Navy_7th_Fleet": "U.S. Navy 7th Fleet",
    "Presidency_of_the_Council_of_Ministers": "Presidency of the Council of Ministers",
    "Italian_Foreign_Ministry": "Italian foreign ministry",
    "International_Flight_Training_School": "International Flight Training School",
    "ITS_Francesco_Morosini": "ITS Francesco Morosini",
    "Cavour": "Cavour",
    "Vespucci": "Vespucci",
    "F-35": "F-35",
}


def lab(name: str) -> tuple[str, str]:
    """An entity and its label, as two cells."""
    return (name, L[name])


A000 = "000_a4b397bc01061804"  # "Thus Japan has become a strategic partner for Italy", 10 January 2023
A001 = "001_cc7736c37995a10d"  # The Diplomat, January 2023
A002 = "002_7b46b79a9830cf4e"  # INPAC Times, 2024
A003 = "003_091e029b9aec78b3"  # Guerini's visit to Japan, undated
A004 = "004_3b00b535ec90c5dc"  # press release, 14 January 2026

# --- expected answers -----------------------------------------------------------

# The meetings with people taking part. Without reasoning the summits (Hiroshima,
# EU-Japan) and the phone call are not typed kg:Meeting.
_MEETINGS_ASSERTED = {
    # 000 and 001: Meloni welcomed Kishida at Palazzo Chigi on 10 January 2023.
    (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Giorgia_Meloni")),
    (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Fumio_Kishida")),
    # 000 and 001: the Bali meeting that was skipped / cancelled.
    (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Giorgia_Meloni")),
    (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Fumio_Kishida")),
    # 001: "Meloni held a bilateral meeting with Xi Jinping ... instead."
    (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Giorgia_Meloni")),
    (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Xi_Jinping")),
    # 000: Crosetto's planned stop in Indonesia "to meet his counterpart Prabowo Subianto".
    (*lab("Meeting_2023_Crosetto_Prabowo"), *lab("Guido_Crosetto")),
    (*lab("Meeting_2023_Crosetto_Prabowo"), *lab("Prabowo_Subianto")),
    # 000: "the December bilateral meeting in Rome".
    (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"), *lab("Guido_Crosetto")),
    (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"), *lab("Prabowo_Subianto")),
    # 001: the tour concludes with a meeting with Biden at the White House on 13 January.
    (*lab("Meeting_2023-01-13_Kishida_Biden"), *lab("Fumio_Kishida")),
    (*lab("Meeting_2023-01-13_Kishida_Biden"), *lab("Joe_Biden")),
    # 001: Kishida met Boris Johnson in May 2022 to sign the RAA.
    (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Fumio_Kishida")),
    (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Boris_Johnson")),
    # 001: Meloni met Taipei's representative (a country, so only Meloni is a person).
    (*lab("Meeting_Meloni_Taipei_Representative"), *lab("Giorgia_Meloni")),
    # 002: Kishida after meeting his Italian counterpart Meloni.
    (*lab("Meeting_2024_Meloni_Kishida"), *lab("Fumio_Kishida")),
    (*lab("Meeting_2024_Meloni_Kishida"), *lab("Giorgia_Meloni")),
    # 002: Admirals Sakai and Credendino at their second meeting.
    (*lab("Meeting_2023-06_Sakai_Credendino"), *lab("Ryo_Sakai")),
    (*lab("Meeting_2023-06_Sakai_Credendino"), *lab("Enrico_Credendino")),
    (*lab("Meeting_Sakai_Credendino_First"), *lab("Ryo_Sakai")),
    (*lab("Meeting_Sakai_Credendino_First"), *lab("Enrico_Credendino")),
    # 003: Guerini met his counterpart Kishi Nobuo.
    (*lab("Meeting_Guerini_Kishi"), *lab("Lorenzo_Guerini")),
    (*lab("Meeting_Guerini_Kishi"), *lab("Nobuo_Kishi")),
    # 004: the upcoming meeting and the first meeting "last year".
    (*lab("Meeting_2026-01_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
    (*lab("Meeting_2026-01_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
    (*lab("Meeting_2025_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
    (*lab("Meeting_2025_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
}
_MEETINGS_INFERRED_ONLY = {
    # 004: the phone call with Takaichi late last year (a kg:PhoneCall).
    (*lab("PhoneCall_2025_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
    (*lab("PhoneCall_2025_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
    # 004: "her participation to the G7 summit in Hiroshima in 2023" (a kg:Summit).
    (*lab("Summit_2023-05_G7_Hiroshima"), *lab("Giorgia_Meloni")),
    # 004: "During the EU-Japan summit held last July, then PM Shigeru Ishiba and President Ursula von der Leyen ..."
    (*lab("Summit_2025-07_EU-Japan"), *lab("Shigeru_Ishiba")),
    (*lab("Summit_2025-07_EU-Japan"), *lab("Ursula_von_der_Leyen")),
}

_PRESS_RELEASE_DATES = {
    # 004 is dated 14 January 2026, so "last year" is 2025 and "this year" 2026.
    ("Tour_2026-01_Meloni_Asia", "date", "2026-01", "in the coming days"),
    ("Visit_2026-01_Meloni_Japan", "startDate", "2026-01-15", "on the 15-17 January"),
    ("Visit_2026-01_Meloni_Japan", "endDate", "2026-01-17", "on the 15-17 January"),
    ("PhoneCall_2025_Meloni_Takaichi", "date", "2025", "late last year"),
    ("Giorgia_Meloni", "heldOffice", "2025", "late last year"),
    ("Sanae_Takaichi", "heldOffice", "2025", "late last year"),
    ("EU-Japan_Defence_Industry_Dialogue", "startDate", "2026", "this year"),
    ("Announcement_2025_China_Rare_Earth_Restrictions", "date", "2025", "last spring"),
    ("Summit_2025-07_EU-Japan", "date", "2025-07", "last July"),
    ("Competitiveness_Alliance", "startDate", "2025-07", "last July"),
    ("Shigeru_Ishiba", "heldOffice", "2025-07", "last July"),
    ("Announcement_2025-12_EU_Japan_Horizon_Europe", "date", "2025-12", "last month"),
    ("Summit_2025_TICAD9", "date", "2025", "last summer"),
    ("Italy-Japan_ACSA", "inForceDate", "2025", "last year"),
    ("Meeting_2025_Meloni_Takaichi", "date", "2025", "last year"),
}

_OUTCOMES_ASSERTED = {
    (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Italy-Japan_Strategic_Partnership")),
    (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Italy-Japan_2plus2")),
    (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Japan-UK_Reciprocal_Access_Agreement")),
    (*lab("Visit_2019_Abe_Italy"), *lab("Free_and_Open_Indo-Pacific")),
    (*lab("Summit_2025-07_EU-Japan"), *lab("Competitiveness_Alliance")),
    # 001: "As a result of this meeting, Meloni accepted Xi's invitation to visit China"
    (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Visit_Meloni_China")),
}

EXPECTED: dict[str, object] = {
    "meetings_and_participants": Paired(
        asserted=_MEETINGS_ASSERTED,
        full=_MEETINGS_ASSERTED | _MEETINGS_INFERRED_ONLY,
    ),
    # Meloni's meetings with every reported date and status: the Bali meeting is both
    # "met in November" (000) and "skipped"/"canceled" (000, 001); Hiroshima is "the May
    # G7" still to come in 000 and a 2023 summit she took part in according to 004.
    "meetings_of_giorgia_meloni": {
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11", "Happened"),
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11", "Cancelled"),
        (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "2022-11", "Happened"),
        (*lab("Meeting_Meloni_Taipei_Representative"), None, "Happened"),
        (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2023-01-10", "Happened"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023-05", "Planned"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023-05", "Happened"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023", "Planned"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023", "Happened"),
        (*lab("Meeting_2024_Meloni_Kishida"), "2024", "Happened"),
        (*lab("PhoneCall_2025_Meloni_Takaichi"), "2025", "Happened"),
        (*lab("Meeting_2025_Meloni_Takaichi"), "2025", "Happened"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None, "Planned"),
    },
    # Only the pilots' training is located in Italy itself (003: "to be conducted in
    # Italy"); the two Rome meetings are in Italy because Rome is (001: "in Rome, Italy").
    "events_in_italy": Paired(
        asserted={lab("Training_Japanese_Pilots_IFTS")},
        full={
            lab("Training_Japanese_Pilots_IFTS"),
            lab("Meeting_2023-01-10_Meloni_Kishida"),
            lab("Meeting_2022-12_Crosetto_Prabowo_Rome"),
        },
    ),
    # 003: the Guerini-Kishi meeting "in Japan"; the G7 summit is in Hiroshima, which lies in Japan.
    "events_in_japan": Paired(
        asserted={lab("Meeting_Guerini_Kishi")},
        full={lab("Meeting_Guerini_Kishi"), lab("Summit_2023-05_G7_Hiroshima")},
    ),
    # 002 (2024): meeting "On Monday", port calls and exercises "this year", the G-7 summit
    # "scheduled for June", the 2+2 "in March of this year", the Cavour mission (held per 004);
    # 004: Italy withdrew from the BRI "in 2024", the Italian G7 "in 2024".
    "events_in_2024": {
        (*lab("Meeting_2024_Meloni_Kishida"), "2024", "Happened"),
        (*lab("PortCall_2024_Italian_Warships_Japan"), "2024", "Planned"),
        (*lab("Exercise_2024_Italy_Japan"), "2024", "Planned"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03", "Planned"),
        (*lab("Summit_2024-06_G7_Italy"), "2024", "Planned"),
        (*lab("Summit_2024-06_G7_Italy"), "2024", "Happened"),
        (*lab("Summit_2024-06_G7_Italy"), "2024-06", "Planned"),
        (*lab("Summit_2024-06_G7_Italy"), "2024-06", "Happened"),
        (*lab("Deployment_2024_Cavour"), "2024", "Planned"),
        (*lab("Deployment_2024_Cavour"), "2024", "Happened"),
        (*lab("Announcement_2024_Italy_BRI_Withdrawal"), "2024", "Happened"),
    },
    "event_status_by_article": {
        # Bali: 000 "met in November ..." then "Appointment then skipped"; 001 "This meeting was then canceled".
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Happened", A000),
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Cancelled", A000),
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Cancelled", A001),
        # Hiroshima: to prepare "the May G7" (000); her participation in 2023 (004).
        ("Summit_2023-05_G7_Hiroshima", "Planned", A000),
        ("Summit_2023-05_G7_Hiroshima", "Happened", A004),
        # Italian G7: "upcoming ... scheduled for June" (002); "During the Italian G7 in 2024" (004).
        ("Summit_2024-06_G7_Italy", "Planned", A002),
        ("Summit_2024-06_G7_Italy", "Happened", A004),
        # Cavour: "plan to send" (002); "missions led by ... Cavour in 2024" (004).
        ("Deployment_2024_Cavour", "Planned", A002),
        ("Deployment_2024_Cavour", "Happened", A004),
    },
    "planned_events": {
        # 000/001 "this year" (2023) vs 002 "March of this year" (2024): both dates stay.
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2023"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03"),
        (*lab("Meeting_2023-01-13_Kishida_Biden"), "2023-01-13"),
        (*lab("Visit_2023_Crosetto_Japan"), None),
        (*lab("Tour_2023_Crosetto_Asia"), None),
        (*lab("Meeting_2023_Crosetto_Prabowo"), None),
        (*lab("Visit_Meloni_China"), None),
        (*lab("Training_Japanese_Pilots_IFTS"), None),
        (*lab("PortCall_2024_Italian_Warships_Japan"), "2024"),
        (*lab("Exercise_2024_Italy_Japan"), "2024"),
        (*lab("Tour_2026-01_Meloni_Asia"), "2026-01"),
        (*lab("Visit_2026-01_Meloni_Japan"), None),  # has start and end dates, no kg:date
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None),
    },
    # 001: "This meeting was then canceled, and Meloni held a bilateral meeting with Xi Jinping ... instead."
    # 001: "That plan was allegedly canceled ... The Meloni-Xi meeting was rescheduled".
    "cancelled_events": {
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Meeting_2022-11_Meloni_Xi_Bali")),
        (*lab("Meeting_2022-11_Meloni_Xi_Bali_First_Slot"), *lab("Meeting_2022-11_Meloni_Xi_Bali")),
    },
    "agreements_and_parties": {
        (*lab("Italy-Japan_Strategic_Partnership"), *lab("Italy")),
        (*lab("Italy-Japan_Strategic_Partnership"), *lab("Japan")),
        (*lab("GCAP_Agreement"), *lab("Italy")),
        (*lab("GCAP_Agreement"), *lab("United_Kingdom")),
        (*lab("GCAP_Agreement"), *lab("Japan")),
        (*lab("Japan-UK_Reciprocal_Access_Agreement"), *lab("Japan")),
        (*lab("Japan-UK_Reciprocal_Access_Agreement"), *lab("United_Kingdom")),
        (*lab("EU-Japan_Economic_Partnership_Agreement"), *lab("Japan")),
        (*lab("EU-Japan_Economic_Partnership_Agreement"), *lab("European_Union")),
        (*lab("Italy-China_BRI_Memorandum"), *lab("Italy")),
        (*lab("Italy-China_BRI_Memorandum"), *lab("China")),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), *lab("Italian_Air_Force")),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), *lab("Japanese_Air_Force")),
        (*lab("Japan-EU_Security_and_Defence_Partnership"), *lab("Japan")),
        (*lab("Japan-EU_Security_and_Defence_Partnership"), *lab("European_Union")),
        (*lab("Italy-Japan_ACSA"), *lab("Italy")),
        (*lab("Italy-Japan_ACSA"), *lab("Japan")),
        (*lab("Japan_Horizon_Europe_Association"), *lab("Japan")),
        (*lab("Japan_Horizon_Europe_Association"), *lab("European_Union")),
        (*lab("Japan_SAFE_Participation"), *lab("Japan")),
        (*lab("Japan_SAFE_Participation"), *lab("European_Union")),
    },
    "agreement_status_and_dates": {
        ("Italy-Japan_Strategic_Partnership", "Agreed", None, None, None),
        ("GCAP_Agreement", "Signed", "2022-12", None, None),  # 000: signed "a month ago"
        ("Japan-UK_Reciprocal_Access_Agreement", "Signed", "2022-05", None, None),  # 001: May 2022
        ("EU-Japan_Economic_Partnership_Agreement", "InForce", None, "2019-02-01", None),  # 000
        # 001: signed in 2019; 004: Italy withdrew from the BRI in 2024.
        ("Italy-China_BRI_Memorandum", "Signed", "2019", None, "2024"),
        ("Italy-China_BRI_Memorandum", "Ended", "2019", None, "2024"),
        ("Italy-Japan_Air_Force_Technical_Arrangement", "Signed", None, None, None),  # 003
        ("Japan-EU_Security_and_Defence_Partnership", "Signed", "2024", None, None),  # 004
        ("Italy-Japan_ACSA", "InForce", None, "2025", None),  # 004: "entered into force last year"
        ("Japan_Horizon_Europe_Association", "Agreed", None, None, None),  # 004: EU accepted the request
        ("Japan_SAFE_Participation", "Proposed", None, None, None),  # 004: Japan "has proposed to join"
    },
    "agreement_signatories": {
        ("GCAP_Agreement", *lab("Sunak"), "2022-12"),  # 000: "with the British Sunak, the signing"
        ("Japan-UK_Reciprocal_Access_Agreement", *lab("Fumio_Kishida"), "2022-05"),  # 001: "joint signing"
        ("Japan-UK_Reciprocal_Access_Agreement", *lab("Boris_Johnson"), "2022-05"),
    },
    # The Technical Arrangement binds the two countries' air forces (003).
    "agreements_between_italy_and_japan": {
        (*lab("Italy-Japan_Strategic_Partnership"), "Agreed"),
        (*lab("GCAP_Agreement"), "Signed"),
        (*lab("Italy-Japan_ACSA"), "InForce"),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), "Signed"),
    },
    "defence_programme_partners": {
        (*lab("GCAP"), *lab("Italy")),
        (*lab("GCAP"), *lab("United_Kingdom")),
        (*lab("GCAP"), *lab("Japan")),
        (*lab("Tempest"), *lab("Italy")),  # 000: "Anglo-Italian Tempest"
        (*lab("Tempest"), *lab("United_Kingdom")),
        (*lab("F-X"), *lab("Japan")),  # 000: "Japanese FX"
        # 001: "the result of a collaboration between Italy, the U.K., Germany, and Spain"
        (*lab("Eurofighter_Typhoon"), *lab("Italy")),
        (*lab("Eurofighter_Typhoon"), *lab("United_Kingdom")),
        (*lab("Eurofighter_Typhoon"), *lab("Germany")),
        (*lab("Eurofighter_Typhoon"), *lab("Spain")),
        (*lab("Italy-Japan_Technology_and_Equipment_Project"), *lab("Italy")),  # 003
        (*lab("Italy-Japan_Technology_and_Equipment_Project"), *lab("Japan")),
        (*lab("North_Korean_Nuclear_Programme"), *lab("North_Korea")),  # 004
    },
    # 002: "Japan's Mitsubishi Heavy, Britain's BAE Systems PLC and Italy's Leonardo"; 004 likewise.
    "programme_industrial_partners": {
        ("GCAP", *lab("BAE_Systems"), "United_Kingdom"),
        ("GCAP", *lab("Leonardo"), "Italy"),
        ("GCAP", *lab("Mitsubishi_Heavy_Industries"), "Japan"),
    },
    "organisations_and_countries": {
        (*lab("BAE_Systems"), "Company", "United_Kingdom"),
        (*lab("Leonardo"), "Company", "Italy"),
        (*lab("Mitsubishi_Heavy_Industries"), "Company", "Japan"),
        (*lab("Italian_Navy"), "ArmedForce", "Italy"),
        (*lab("JMSDF"), "ArmedForce", "Japan"),
        (*lab("US_Navy_7th_Fleet"), "ArmedForce", "United_States"),
        (*lab("Italian_Air_Force"), "ArmedForce", "Italy"),
        (*lab("Japanese_Air_Force"), "ArmedForce", "Japan"),
        (*lab("Presidency_of_the_Council_of_Ministers"), "GovernmentBody", "Italy"),
        (*lab("Italian_Foreign_Ministry"), "GovernmentBody", "Italy"),
        (*lab("International_Flight_Training_School"), "Organisation", "Italy"),
    },
    # 000: "Gcap (program for the integration between Anglo-Italian Tempest and Japanese FX)";
    # 001: "Envisioned to replace the Eurofighter Typhoon".
    "programme_lineage": {
        ("GCAP", "mergerOf", *lab("Tempest")),
        ("GCAP", "mergerOf", *lab("F-X")),
        ("GCAP", "replaces", *lab("Eurofighter_Typhoon")),
    },
    "programmes_merged_into": Paired(
        asserted=set(),
        full={(*lab("Tempest"), *lab("GCAP")), (*lab("F-X"), *lab("GCAP"))},
    ),
    # 004: led "since 2022"; 001: operational in 2035, development from 2024; 003: "kicked off in 2019".
    "programme_timelines": {
        (*lab("GCAP"), "2022", "2024", "2035"),
        (*lab("Italy-Japan_Technology_and_Equipment_Project"), "2019", None, None),
    },
    # Japan's prime ministers across the articles: Abe (2019 visit, 001), Kishida (000, 001,
    # 002), Ishiba ("then PM" at the July 2025 summit, 004), Takaichi ("newly elected" late 2025, 004).
    "japan_prime_ministers": {
        (*lab("Shinzo_Abe"), "2019", A001),
        (*lab("Fumio_Kishida"), "2023-01-10", A000),
        (*lab("Fumio_Kishida"), "2023-01-10", A001),
        (*lab("Fumio_Kishida"), "2023-01", A001),
        (*lab("Fumio_Kishida"), "2024", A002),
        (*lab("Shigeru_Ishiba"), "2025-07", A004),
        (*lab("Sanae_Takaichi"), "2025", A004),
    },
    "offices_held": {
        ("Giorgia_Meloni", "Prime_Minister_of_Italy", "2023-01", "2026-01-14"),
        ("Mario_Draghi", "Prime_Minister_of_Italy", "2022-07", "2022-07"),  # 001: resigned in July
        ("Fumio_Kishida", "Prime_Minister_of_Japan", "2023-01", "2024"),
        ("Shinzo_Abe", "Prime_Minister_of_Japan", "2019", "2019"),
        ("Shigeru_Ishiba", "Prime_Minister_of_Japan", "2025-07", "2025-07"),
        ("Sanae_Takaichi", "Prime_Minister_of_Japan", "2025", "2025"),
        ("Boris_Johnson", "Prime_Minister_of_the_United_Kingdom", "2022-05", "2022-05"),
        ("Joe_Biden", "President_of_the_United_States", "2023-01", "2023-01"),
        ("Donald_Trump", "President_of_the_United_States", "2026-01-14", "2026-01-14"),
        ("Xi_Jinping", "Leader_of_China", "2023-01", "2023-01"),
        ("Guido_Crosetto", "Defence_Minister_of_Italy", "2023-01-10", "2023-01-10"),
        ("Lorenzo_Guerini", "Defence_Minister_of_Italy", None, None),  # 003 is undated
        ("Nobuo_Kishi", "Defence_Minister_of_Japan", None, None),
        ("Prabowo_Subianto", "Defence_Minister_of_Indonesia", "2023-01-10", "2023-01-10"),
        ("Luigi_Di_Mai", "Foreign_Minister_of_Italy", "2019", "2019"),
        ("Ryo_Sakai", "Chief_of_Staff_JMSDF", "2023-06", "2023-06"),
        ("Enrico_Credendino", "Chief_of_the_Italian_Navy", "2023-06", "2023-06"),
    },
    "leaders": Paired(
        asserted=set(),
        full={
            (*lab("Giorgia_Meloni"), "Prime_Minister_of_Italy", "Italy"),
            (*lab("Mario_Draghi"), "Prime_Minister_of_Italy", "Italy"),
            (*lab("Fumio_Kishida"), "Prime_Minister_of_Japan", "Japan"),
            (*lab("Shinzo_Abe"), "Prime_Minister_of_Japan", "Japan"),
            (*lab("Shigeru_Ishiba"), "Prime_Minister_of_Japan", "Japan"),
            (*lab("Sanae_Takaichi"), "Prime_Minister_of_Japan", "Japan"),
            (*lab("Boris_Johnson"), "Prime_Minister_of_the_United_Kingdom", "United_Kingdom"),
            (*lab("Joe_Biden"), "President_of_the_United_States", "United_States"),
            (*lab("Donald_Trump"), "President_of_the_United_States", "United_States"),
            (*lab("Xi_Jinping"), "Leader_of_China", "China"),
        },
    ),
    "officials": Paired(
        asserted=set(),
        full={
            (*lab("Guido_Crosetto"), "Defence_Minister_of_Italy", "Italy"),
            (*lab("Lorenzo_Guerini"), "Defence_Minister_of_Italy", "Italy"),
            (*lab("Nobuo_Kishi"), "Defence_Minister_of_Japan", "Japan"),
            (*lab("Prabowo_Subianto"), "Defence_Minister_of_Indonesia", None),  # no article says whose office
            (*lab("Luigi_Di_Mai"), "Foreign_Minister_of_Italy", "Italy"),
            (*lab("Ryo_Sakai"), "Chief_of_Staff_JMSDF", "JMSDF"),
            (*lab("Enrico_Credendino"), "Chief_of_the_Italian_Navy", "Italian_Navy"),
        },
    ),
    # 000: Crosetto "to meet his counterpart Prabowo Subianto"; 002: Kishida "meeting his Italian
    # counterpart Giorgia Meloni"; 003: Guerini "met with his counterpart Kishi Nobuo".
    "counterparts": Paired(
        asserted={
            (*lab("Guido_Crosetto"), *lab("Prabowo_Subianto")),
            (*lab("Fumio_Kishida"), *lab("Giorgia_Meloni")),
            (*lab("Lorenzo_Guerini"), *lab("Nobuo_Kishi")),
        },
        full={
            (*lab("Guido_Crosetto"), *lab("Prabowo_Subianto")),
            (*lab("Prabowo_Subianto"), *lab("Guido_Crosetto")),
            (*lab("Fumio_Kishida"), *lab("Giorgia_Meloni")),
            (*lab("Giorgia_Meloni"), *lab("Fumio_Kishida")),
            (*lab("Lorenzo_Guerini"), *lab("Nobuo_Kishi")),
            (*lab("Nobuo_Kishi"), *lab("Lorenzo_Guerini")),
        },
    ),
    # 002: Morosini on "a five-month deployment" in 2023; the plan to send the Cavour and the
    # Vespucci (planned in 002, held in 2024 per 004).
    "naval_deployments": {
        ("Deployment_2023_Morosini", *lab("ITS_Francesco_Morosini"), "2023", "P5M", "Happened"),
        ("Deployment_2024_Cavour", *lab("Cavour"), "2024", None, "Planned"),
        ("Deployment_2024_Cavour", *lab("Cavour"), "2024", None, "Happened"),
        ("Deployment_2024_Cavour", *lab("Vespucci"), "2024", None, "Planned"),
        ("Deployment_2024_Cavour", *lab("Vespucci"), "2024", None, "Happened"),
    },
    # Ships are stated with kg:ship, a subproperty of kg:asset; the F-35s with kg:asset (002).
    "deployment_assets": Paired(
        asserted={("Deployment_2024_Cavour", *lab("F-35"), "Aircraft")},
        full={
            ("Deployment_2024_Cavour", *lab("F-35"), "Aircraft"),
            ("Deployment_2024_Cavour", *lab("Cavour"), "Ship"),
            ("Deployment_2024_Cavour", *lab("Vespucci"), "Ship"),
            ("Deployment_2023_Morosini", *lab("ITS_Francesco_Morosini"), "Ship"),
            ("PortCall_2023-06_Morosini_Yokosuka", *lab("ITS_Francesco_Morosini"), "Ship"),
        },
    ),
    # 002: "In June of last year, the Italian Navy's ITS Francesco Morosini ... visited Yokosuka ...
    # as part of a five-month deployment"; "many Italian warships ... are planning to call ports in Japan".
    "port_calls": {
        (
            "PortCall_2023-06_Morosini_Yokosuka",
            "ITS_Francesco_Morosini",
            "Yokosuka",
            "2023-06",
            "Happened",
            "Deployment_2023_Morosini",
        ),
        ("PortCall_2024_Italian_Warships_Japan", None, None, "2024", "Planned", None),
    },
    "provenance_meloni_meeting_2023_01_10": {
        (
            A000,
            "000-02",
            "participant",
            "For Meloni and Kishida a meeting and a working lunch longer than expected, "
            "to underline the “very productive” climate.",
        ),
        (
            A000,
            "000-06",
            "host",
            "The President of the Council Giorgia Meloni welcomed the prime minister Fumio Kishida at Palazzo Chigi.",
        ),
        (
            A001,
            "001-02",
            "participant",
            "Japanese Prime Minister Kishida Fumio meets with Italian Prime Minister Giorgia Meloni "
            "in Rome, Italy, Jan. 10, 2023.",
        ),
        (
            A001,
            "001-03",
            "participant",
            "On January 10, Japan’s Prime Minister Kishida Fumio arrived in Italy for his first official visit, "
            "meeting new Italian Prime Minister Giorgia Meloni for a working lunch at Palazzo Chigi.",
        ),
        (A001, "001-04", "participant", "This was also the first bilateral meeting between the two leaders."),
    },
    "resolved_relative_dates_2026_press_release": _PRESS_RELEASE_DATES,
    "articles_and_dates": {
        (
            A000,
            "Thus Japan has become a strategic partner for Italy",
            None,
            "2023-01-10",
            "No dateline. The article reports as 'Today' Meloni welcoming Kishida at Palazzo Chigi, a meeting "
            "that article 001_cc7736c37995a10d dates to 10 January 2023 ('On January 10, Japan’s Prime Minister "
            "Kishida Fumio arrived in Italy').",
        ),
        (
            A001,
            "Why and How Italy and Japan Are Upgrading Their Partnership",
            "The Diplomat",
            "2023-01",
            "No dateline. The photo caption dates the meeting to 'Jan. 10, 2023', and the text still speaks of "
            "the meeting with Biden 'on January 13' as to come, so the article appeared in January 2023, between "
            "the 10th and the 13th. The publisher is named in 'Try The Diplomat's jobs board.'",
        ),
        (
            A002,
            "Japan, Italy Agree to Further Strengthen Bilateral Defense Ties",
            "INPAC Times",
            "2024",
            "No dateline. The copyright line 'Copyright © 2024 INPAC Times' gives the year only, so relative "
            "dates ('this year', 'last year') resolve to years and 'On Monday' cannot be resolved to a day.",
        ),
        (
            A003,
            None,
            None,
            None,
            "Not found. The text carries no dateline, copyright line or absolute date for its own events; its "
            "latest absolute date is 'January 2021', so 'Last week' cannot be resolved.",
        ),
        (
            A004,
            None,
            None,
            "2026-01-14",
            "Dateline: '01/14/2026 | Press release | Distributed by Public on 01/14/2026 04:32'.",
        ),
    },
    "disagreements": {
        ("Disagreement_Bali_Meeting_Status", "Meeting_2022-11_Meloni_Kishida_Bali", "status", "Happened", A000),
        ("Disagreement_Bali_Meeting_Status", "Meeting_2022-11_Meloni_Kishida_Bali", "status", "Cancelled", A000),
        ("Disagreement_Bali_Meeting_Status", "Meeting_2022-11_Meloni_Kishida_Bali", "status", "Cancelled", A001),
        ("Disagreement_2plus2_First_Round_Date", "Consultation_Italy-Japan_2plus2_first_round", "date", "2023", A000),
        ("Disagreement_2plus2_First_Round_Date", "Consultation_Italy-Japan_2plus2_first_round", "date", "2023", A001),
        (
            "Disagreement_2plus2_First_Round_Date",
            "Consultation_Italy-Japan_2plus2_first_round",
            "date",
            "2024-03",
            A002,
        ),
        # Names are not claims: the disagreement has no claimed values.
        ("Disagreement_GCAP_Name", "GCAP", "prefLabel", None, None),
        # 000 says only "recently signed", without a date; 001 dates the signing to May 2022.
        ("Disagreement_RAA_Signing", "Japan-UK_Reciprocal_Access_Agreement", "signedDate", "2022-05", A001),
    },
    # Exactly the events that data/entities.ttl lists as reported by more than one article.
    "events_reported_by_several_articles": Paired(
        asserted=set(),
        full={
            (*lab("Consultation_Italy-Japan_2plus2_first_round"), "3"),  # 000, 001, 002
            (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2"),  # 000, 001
            (*lab("Visit_2023-01_Kishida_Italy"), "2"),  # 000, 001
            (*lab("Tour_2023-01_Kishida_G7"), "2"),  # 000, 001
            (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2"),  # 000, 001
            (*lab("Summit_2022-11_G20_Bali"), "2"),  # 000, 001
            (*lab("Summit_2023-05_G7_Hiroshima"), "2"),  # 000, 004
            (*lab("Summit_2024-06_G7_Italy"), "2"),  # 002, 004
            (*lab("Deployment_2023_Morosini"), "2"),  # 002, 004
            (*lab("Deployment_2024_Cavour"), "2"),  # 002, 004
            (*lab("Announcement_2024_Italy_BRI_Withdrawal"), "2"),  # 002 "recently left", 004 "in 2024"
        },
    ),
    # Meloni is in every article but 003; Kishida in 000, 001, 002. Everyone else appears in one article.
    "people_mentioned_by_several_articles": Paired(
        asserted=set(),
        full={
            (*lab("Giorgia_Meloni"), A000),
            (*lab("Giorgia_Meloni"), A001),
            (*lab("Giorgia_Meloni"), A002),
            (*lab("Giorgia_Meloni"), A004),
            (*lab("Fumio_Kishida"), A000),
            (*lab("Fumio_Kishida"), A001),
            (*lab("Fumio_Kishida"), A002),
        },
    ),
    # The 10 January meeting is part of the Italian visit (001), which is part of the G7 tour (000, 001);
    # the Takaichi meeting is part of the Tokyo visit, which is part of the Asian tour (004).
    "events_part_of_tours": Paired(
        asserted={
            ("Tour_2023-01_Kishida_G7", *lab("Visit_2023-01_Kishida_Italy")),
            ("Tour_2023-01_Kishida_G7", *lab("Meeting_2023-01-13_Kishida_Biden")),
            ("Tour_2023_Crosetto_Asia", *lab("Visit_2023_Crosetto_Japan")),
            ("Tour_2023_Crosetto_Asia", *lab("Meeting_2023_Crosetto_Prabowo")),
            ("Tour_2026-01_Meloni_Asia", *lab("Visit_2026-01_Meloni_Japan")),
        },
        full={
            ("Tour_2023-01_Kishida_G7", *lab("Visit_2023-01_Kishida_Italy")),
            ("Tour_2023-01_Kishida_G7", *lab("Meeting_2023-01-13_Kishida_Biden")),
            ("Tour_2023-01_Kishida_G7", *lab("Meeting_2023-01-10_Meloni_Kishida")),
            ("Tour_2023_Crosetto_Asia", *lab("Visit_2023_Crosetto_Japan")),
            ("Tour_2023_Crosetto_Asia", *lab("Meeting_2023_Crosetto_Prabowo")),
            ("Tour_2026-01_Meloni_Asia", *lab("Visit_2026-01_Meloni_Japan")),
            ("Tour_2026-01_Meloni_Asia", *lab("Meeting_2026-01_Meloni_Takaichi")),
        },
    ),
    # Palazzo Chigi and Rome are named; that Rome is in Italy makes the meeting located in Italy.
    "ask_meloni_kishida_meeting_in_italy": Paired(asserted=False, full=True),
    # Pairs of people in the same meeting: Meloni-Kishida, Meloni-Xi, Meloni-Takaichi, Kishida-Biden,
    # Kishida-Johnson, Crosetto-Prabowo, Guerini-Kishi, Sakai-Credendino, Ishiba-von der Leyen.
    "co_participation_network": {
        (a, "knows", b)
        for x, y in [
            ("Giorgia_Meloni", "Fumio_Kishida"),
            ("Giorgia_Meloni", "Xi_Jinping"),
            ("Giorgia_Meloni", "Sanae_Takaichi"),
            ("Fumio_Kishida", "Joe_Biden"),
            ("Fumio_Kishida", "Boris_Johnson"),
            ("Guido_Crosetto", "Prabowo_Subianto"),
            ("Lorenzo_Guerini", "Nobuo_Kishi"),
            ("Ryo_Sakai", "Enrico_Credendino"),
            ("Shigeru_Ishiba", "Ursula_von_der_Leyen"),
        ]
        for a, b in [(x, y), (y, x)]
    },
    "visits": {
        ("Visit_2019_Abe_Italy", "Shinzo_Abe", "Italy", "2019", "Happened"),  # 001
        ("Visit_2023-01_Kishida_Italy", "Fumio_Kishida", "Italy", "2023-01-10", "Happened"),  # 001
        ("Visit_2023_Crosetto_Japan", "Guido_Crosetto", "Japan", None, "Planned"),  # 000
        ("Visit_Meloni_China", "Giorgia_Meloni", "China", None, "Planned"),  # 001: accepted Xi's invitation
        ("Visit_Guerini_Japan", "Lorenzo_Guerini", "Japan", None, "Happened"),  # 003: "Last week"
        ("Visit_Meloni_Japan_First_Official", "Giorgia_Meloni", "Japan", None, "Happened"),  # 004
        ("Visit_2026-01_Meloni_Japan", "Giorgia_Meloni", "Japan", "2026-01-15", "Planned"),  # 004
    },
    "italy_japan_meetings": {
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11"),
        (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2023-01-10"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2023"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03"),
        # Sakai heads the JMSDF (Japan), Credendino the Italian Navy (Italy).
        (*lab("Meeting_2023-06_Sakai_Credendino"), "2023-06"),
        (*lab("Meeting_Sakai_Credendino_First"), None),  # 002: "their second meeting" implies a first
        (*lab("Meeting_2024_Meloni_Kishida"), "2024"),
        (*lab("Meeting_2025_Meloni_Takaichi"), "2025"),
        (*lab("PhoneCall_2025_Meloni_Takaichi"), "2025"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None),
        (*lab("Meeting_Guerini_Kishi"), None),
    },
    "event_outcomes": Paired(
        asserted=_OUTCOMES_ASSERTED,
        # stated only as kg:announcedAt (004: "last month the EU accepted Japan's request")
        full=_OUTCOMES_ASSERTED
        | {(*lab("Announcement_2025-12_EU_Japan_Horizon_Europe"), *lab("Japan_Horizon_Europe_Association"))},
    ),
    # 000: "Japanese presidency of the G7", "in 2024 Italy will take over"; 001: "this year's G-7 chair";
    # 002: Italy presides "this year, taking over from Japan"; 004: "the Italian G7 in 2024".
    "g7_presidencies": {
        ("Japan", "2023", A000),
        ("Japan", "2023", A001),
        ("Japan", "2023", A002),
        ("Italy", "2024", A000),
        ("Italy", "2024", A002),
        ("Italy", "2024", A004),
    },
    "japan_party_to": Paired(
        asserted=set(),
        full={
            (*lab("Italy-Japan_Strategic_Partnership"), "Agreement"),
            (*lab("GCAP_Agreement"), "Agreement"),
            (*lab("Japan-UK_Reciprocal_Access_Agreement"), "Agreement"),
            (*lab("EU-Japan_Economic_Partnership_Agreement"), "Agreement"),
            (*lab("Japan-EU_Security_and_Defence_Partnership"), "Agreement"),
            (*lab("Italy-Japan_ACSA"), "Agreement"),
            (*lab("Japan_Horizon_Europe_Association"), "Agreement"),
            (*lab("Japan_SAFE_Participation"), "Agreement"),
            (*lab("Italy-Japan_2plus2"), "Initiative"),
            (*lab("Japan-UK_2plus2"), "Initiative"),
            (*lab("Japan-France_2plus2"), "Initiative"),
            (*lab("Japan-Germany_2plus2"), "Initiative"),
            (*lab("Free_and_Open_Indo-Pacific"), "Initiative"),
            (*lab("EU-Japan_Defence_Industry_Dialogue"), "Initiative"),
            (*lab("Competitiveness_Alliance"), "Initiative"),
            (*lab("Joint_Working_Group"), "Initiative"),  # 003: the Italian-Japanese Joint Working Group
        },
    ),
    "events_italy_took_part_in": Paired(
        asserted=set(),
        full={
            lab("Summit_2022-11_G20_Bali"),  # 001: the Italian delegation at the G-20
            lab("Consultation_Italy-Japan_2plus2_first_round"),
            lab("PortCall_2024_Italian_Warships_Japan"),
            lab("Exercise_2024_Italy_Japan"),
            lab("Deployment_2023_Morosini"),
            lab("Deployment_2024_Cavour"),
            lab("Summit_2024-06_G7_Italy"),
            lab("Visit_2019_Abe_Italy"),  # Italy hosted Abe (kg:host)
            # The withdrawal from the BRI, reported by 002 and 004.
            lab("Announcement_2024_Italy_BRI_Withdrawal"),
            # 001: the bilateral with the Chinese delegation first set for the start of the G-20
            lab("Meeting_2022-11_Meloni_Xi_Bali_First_Slot"),
        },
    ),
    "events_without_date": {
        (*lab("Meeting_Meloni_Taipei_Representative"), "Happened"),  # 001: "during the electoral campaign"
        (*lab("Announcement_Draghi_BRI_Reassessment"), "Happened"),
        (*lab("Announcement_Italy_Presidency_GCAP"), "Happened"),
        (*lab("Visit_Meloni_China"), "Planned"),
        (*lab("Visit_2023_Crosetto_Japan"), "Planned"),
        (*lab("Tour_2023_Crosetto_Asia"), "Planned"),
        (*lab("Meeting_2023_Crosetto_Prabowo"), "Planned"),
        (*lab("Visit_Guerini_Japan"), "Happened"),  # 003 cannot be dated
        (*lab("Meeting_Guerini_Kishi"), "Happened"),
        (*lab("Training_Japanese_Pilots_IFTS"), "Planned"),
        (*lab("Meeting_Sakai_Credendino_First"), "Happened"),  # 002: implied by "their second meeting"
        (*lab("Visit_Meloni_Japan_First_Official"), "Happened"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), "Planned"),
    },
}


# --- tests ------------------------------------------------------------------------


def test_there_are_enough_queries():
    assert len(QUERY_FILES) >= 28


def test_every_query_has_an_expected_answer():
    assert set(EXPECTED) == set(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_header_fields(name):
    stored = read_stored(QUERIES / f"{name}.rq")
    lines = stored.text.splitlines()
    assert lines[0].startswith("# Question: ") and stored.question.strip()
    assert lines[1].startswith("# Returns: ") and stored.returns.strip()
    assert lines[2] in ("# Needs reasoning: yes", "# Needs reasoning: no")


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_header_reasoning_matches_expectation(name):
    """A query that needs reasoning has a paired expectation, and only such a query."""
    stored = read_stored(QUERIES / f"{name}.rq")
    assert stored.needs_reasoning == isinstance(EXPECTED[name], Paired)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_declares_its_prefixes(name):
    """The query parses with no prefixes bound in advance, so it runs in any SPARQL client."""
    prepareQuery(read_stored(QUERIES / f"{name}.rq").text)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_select_queries_are_ordered(name):
    text = read_stored(QUERIES / f"{name}.rq").text
    if "SELECT" in text:
        assert "ORDER BY" in text


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_answer_with_reasoning(name, ask):
    expected = EXPECTED[name]
    if isinstance(expected, Paired):
        expected = expected.full
    assert ask("all", read_stored(QUERIES / f"{name}.rq").text) == expected


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_answer_without_reasoning(name, ask):
    expected = EXPECTED[name]
    if isinstance(expected, Paired):
        expected = expected.asserted
    assert ask("asserted", read_stored(QUERIES / f"{name}.rq").text) == expected


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_reasoning_header_is_true(name, ask):
    """'Needs reasoning: yes' means the answer changes with the inferences; 'no' means it does not."""
    stored = read_stored(QUERIES / f"{name}.rq")
    without = ask("asserted", stored.text)
    with_ = ask("all", stored.text)
    if stored.needs_reasoning:
        assert without != with_
    else:
        assert without == with_
