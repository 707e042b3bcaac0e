"""The competency questions in queries/*.rq and their exact answers.

Every stored query has an entry in EXPECTED. The first answers were worked out
from the five articles in data/articles/ (and the claims that quote them). When
the data changes, the answers change only after each added and removed row has
been read against its sentence (the comments name the article where a row needs
one). Each answer is a set of rows; a row is a tuple of strings: an IRI by its
local name (the part after the last '/' or '#'), a literal by its lexical form,
an unbound variable as None.

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
    "Meeting_2023_Crosetto_Prabowo": "Possible meeting of Crosetto with his counterpart Prabowo Subianto in Indonesia",
    "Meeting_2022-12_Crosetto_Prabowo_Rome": "December bilateral meeting in Rome of Crosetto and Prabowo Subianto",
    "Meeting_2023-01-13_Kishida_Biden": "Kishida-Biden meeting at the White House, 13 January 2023",
    "Meeting_2022-05_Kishida_Johnson": "Kishida-Johnson meeting for the signing of the Japan-UK Reciprocal Access Agreement, May 2022",
    "Meeting_Meloni_Taipei_Representative": "Meloni's meeting with Taipei's representative in Italy during the electoral campaign",
    "Meeting_2024_Meloni_Kishida": "Kishida-Meloni meeting and handover of the G-7 presidency, 2024",
    "Meeting_2023-06_Sakai_Credendino": "Second meeting of Admirals Ryo Sakai and Enrico Credendino, June 2023",
    "Meeting_Guerini_Kishi": "Meeting of defence ministers Lorenzo Guerini and Nobuo Kishi in Japan",
    "Meeting_2026-01_Meloni_Takaichi": "Meloni-Takaichi meeting for the 160th anniversary of Italy-Japan relations, January 2026",
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
    "Visit_2023_Crosetto_Japan": "Guido Crosetto's visit to Japan",
    "Tour_2023_Crosetto_Asia": "Crosetto's possible wider Asian trip",
    "Visit_Meloni_China": "Meloni's visit to China at Xi's invitation (planned)",
    "Visit_Guerini_Japan": "Lorenzo Guerini's state visit to Japan",
    "Visit_2026-01_Meloni_Japan": "Meloni's official visit to Japan (Tokyo), 15-17 January 2026",
    "Tour_2026-01_Meloni_Asia": "Meloni's tour of Asia (Oman, Japan, South Korea), January 2026",
    "Visit_Meloni_Japan_First_Official": "Meloni's first official visit to Japan (within about two years before January 2026)",
    "Visit_2019_Abe_Italy": "Abe Shinzo's visit to Italy, 2019",
    "Training_Japanese_Pilots_IFTS": "Advanced training of Japanese pilots at the International Flight Training School in Italy",
    "Exercise_2024_Italy_Japan": "Planned Italy-Japan joint training exercises, 2024",
    "PortCall_2024_Italian_Warships_Japan": "Planned port calls by Italian warships in Japan, 2024",
    "Deployment_2023_Morosini": "Morosini deployment to the Indo-Pacific, 2023",
    "Deployment_2024_Cavour": "Cavour carrier strike group deployment to the Indo-Pacific and Japan, 2024",
    "Announcement_2024_Italy_BRI_Withdrawal": "Italy's withdrawal from the Belt and Road Initiative, 2024",
    "Meeting_2022-11_Meloni_Xi_Bali_First_Slot": "Meloni-Xi meeting first set for the beginning of the G20 summit in Bali, November 2022",
    "Meeting_Sakai_Credendino_First": "First meeting of Admirals Ryo Sakai and Enrico Credendino",
    "Joint_Working_Group": "Joint Working Group",
    "Announcement_Draghi_BRI_Reassessment": "Draghi's announced re-assessment of Italy's presence in the Belt and Road Initiative",
    "Announcement_Italy_Presidency_GCAP": "Announcement on the trilateral project by the Presidency of the Ministerial Council",
    "Announcement_2025-12_EU_Japan_Horizon_Europe": "EU decision accepting Japan's request to be included in Horizon Europe, December 2025",
    # agreements and initiatives
    "Italy-Japan_Strategic_Partnership": "Italy-Japan strategic partnership",
    "GCAP_Agreement": "GCAP agreement between Italy, Japan and the United Kingdom",
    "Japan-UK_Reciprocal_Access_Agreement": "Japan-UK Reciprocal Access Agreement",
    "EU-Japan_Economic_Partnership_Agreement": "EU-Japan Economic Partnership Agreement",
    "Italy-China_BRI_Memorandum": "Italy-China Belt and Road memorandum of understanding",
    "Italy-Japan_Air_Force_Technical_Arrangement": "Technical Arrangement between the Italian and Japanese Air Forces",
    "Japan-EU_Security_and_Defence_Partnership": "Japan-EU security and defence partnership",
    "Italy-Japan_ACSA": "ACSA agreement",
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
    "F-X": "Japanese FX",
    "Eurofighter_Typhoon": "Eurofighter Typhoon",
    "Italy-Japan_Technology_and_Equipment_Project": "Italian-Japanese technology and equipment implementation project",
    "North_Korean_Nuclear_Programme": "North Korean nuclear programme",
    "BAE_Systems": "BAE Systems PLC",
    "Leonardo": "Leonardo",
    "Mitsubishi_Heavy_Industries": "Mitsubishi Heavy Industries",
    "Italian_Navy": "Italian Navy",
    "JMSDF": "Japanese Maritime Self-Defense Force",
    "US_Navy_7th_Fleet": "U.S. Navy 7th Fleet",
    "Presidency_of_the_Council_of_Ministers": "Presidency of the Ministerial Council",
    "Italian_Foreign_Ministry": "Italian foreign ministry",
    "International_Flight_Training_School": "International Flight Training School",
    "ITS_Francesco_Morosini": "ITS Francesco Morosini",
    "Cavour": "Cavour",
    "Vespucci": "Vespucci",
    "F-35": "F-35",
    # added with vocabulary 1.1.0 (articles reread)
    "Commitment_2023-01-10_Strengthening_Bilateral_Relations": "strengthening of bilateral relations announced by Meloni and Kishida",
    "Commitment_2023_Naval_Cooperation": "JMSDF-Italian Navy agreement to work together to make the two naval services’ relationship “as strong as Romeo and Juliet”",
    "Commitment_2024_Cooperation_China": "Japan-Italy agreement to cooperate in dealing with China",
    "Commitment_2024_G7_Summit_Success": "Japan-Italy agreement to cooperate towards the success of the G-7 summit",
    "Commitment_2024_Sanctions_Russia": "Japan-Italy agreement to continue imposing strong sanctions against Russia",
    "Commitment_2024_Security_Defence_Collaboration": "Japan-Italy commitment to strengthen their collaboration in the areas of security and defense",
    "Commitment_2024_Support_Ukraine": "Japan-Italy agreement to continue providing support to Ukraine",
    "Italy_FOIP_Endorsement": "Italy’s formal endorsement of the Japanese-led project for a Free and Open Indo-Pacific Region",
    "France": "France",
    "Japan-US_Partnership": "Japan's partnership with the United States",
    "United_States": "United States",
    "SAFE": "Security Action for Europe",
    "Understanding_2023-01-10_G7_Presidency": "strong convergence of views on the main points of the Japanese presidency of the G7",
    "Announcement_2022-12-16_Japan_NSS": "Japan's release of its new National Security Strategy, 16 December 2022",
    "Japan_National_Security_Strategy_2022": "Japan's National Security Strategy (2022)",
    "Statement_Exports_to_China_Meloni": "Meloni expresses her government's interest in promoting mutual economic interests, with a view to increasing Italian exports to China",
    "Meeting_2022-11_G7_Emergency_Bali": "G7 emergency huddle at the G20 summit in Bali, November 2022",
    "Visit_Crosetto_Indonesia": "Crosetto's possible stop in Indonesia",
    "Announcement_Golden_Powers_Chinese_Initiatives_Blocked": "Blocking of several Chinese initiatives in Italy through the extensive use of Golden Powers under Draghi",
    "Press_Statements_2023-01-10_Meloni": "Meloni's quick statements to the press",
    "Deployment_F-35_Japan": "Planned sending of a fleet of Italian F-35 fighter jets to Japan",
    "Deployment_Vespucci_Japan": "Planned sending of the Italian Navy’s Vespucci training ship to Japan",
    "PortCall_2023-06_Morosini_Yokosuka": "ITS Francesco Morosini port call at Yokosuka, June 2023",
    "Announcement_2019_Italy_Joins_BRI": "Italy's announcement that it was formally joining China's Belt and Road initiative, 2019",
    "Negotiations_Italy-China_BRI_Memorandum": "Negotiations for the MoU to formally join the BRI",
    "War_in_Ukraine": "war in Ukraine",
    "Italian_Electoral_Campaign": "Italian electoral campaign",
    "Missiles_Dropped_in_Poland": "missiles dropped in Poland",
    "Statement_Commonality_of_View_Italy_Japan": "Commonality of view of Italy and Japan on the war and on China’s assertiveness",
    "Statement_Shared_Approach_Italy_Japan": "Italy and Japan share an approach aimed at safeguarding the essential principles of international law",
    "Statement_Strategic_Partnership_Kishida_Meloni": "Kishida and Meloni announce that Japan and Italy have decided to elevate their relations to a strategic partnership",
    "Meeting_2021-01_Joint_Working_Group_3": "Third edition of the Joint Working Group, January 2021",
    "Summit_2025_TICAD9": "Ninth Tokyo International Conference on African Development (TICAD), summer 2025",
    "Chinese_Media": "Chinese media",
    "Italian_Defence": "Italian Defence",
    "Prime_Ministers_Office_of_Japan": "Prime Minister’s Office of Japan",
    "Statement_2plus2_Step_Important_The_Diplomat": "The 2+2 step is particularly important: with the strategic partnership and the consultation mechanism the picture is changing",
    "Statement_Appreciation_Italy_Kishida": "Kishida appreciates the Italian interest in the Indo-Pacific and Meloni’s support for the new national security documents",
    "Statement_Appreciation_Italy_Prabowo": "Prabowo Subianto's appreciation for Italy’s commitment in the current geostrategic framework and for its technological excellence",
    "Statement_BRI_Little_Benefit_INPAC_Times": "Italy left the Belt and Road Initiative after apparently seeing little benefit from it (INPAC Times)",
    "Statement_BRI_Rebalance_The_Diplomat": "Rome took steps to moderate the impact of joining the Belt and Road initiative on its relations with Tokyo, seen in Italy as an attempt to rebalance its Asian policy",
    "Statement_China_Hegemonic_INPAC_Times": "China is becoming increasingly hegemonic (INPAC Times)",
    "Statement_China_Relief_Draghi_End_The_Diplomat": "China's soft position on Meloni could be Beijing's relief at the end of Mario Draghi's government",
    "Statement_Common_Values_Guerini": "Guerini: our countries are bound by long-standing, deep-rooted relations, strengthened by broad common values: freedom, democracy, and the rule of law",
    "Statement_Connected_Scenarios_Guerini": "Guerini: a strong connection between actions to safeguard security and freedom in the Mediterranean, Indian Ocean, and the Indo-Pacific: closely connected scenarios",
    "Statement_Coordination_Indo-Pacific_Italy": "Italy wants to strengthen the coordination of activities in the Indo-Pacific",
    "Statement_Counter_China_Assertiveness_Japan": "Japan hopes to have greater capability to counter China’s rising assertiveness",
    "Statement_Deepen_Collaboration_Kishida": "Kishida announces that the two nations have decided to deepen their collaboration in the defense and security fields",
    "Statement_Deployment_Plan_Meloni": "Meloni unveils the plan to send the Cavour, the Vespucci training ship and a fleet of F-35 fighter jets to Japan",
    "Statement_Draghi_China_Policy_The_Diplomat": "Under Draghi, a staunch Euro-Atlanticist, relations between Italy and China became extremely complicated",
    "Statement_Draghi_Resignation_Welcome_Chinese_Media": "Chinese media welcome the news of Draghi's resignation with satisfaction",
    "Statement_Exports_Obsession_The_Diplomat": "Increasing Italian exports to China is historically a major obsession for Italian politicians",
    "Statement_G7_Convergence_Meloni": "Meloni: a strong convergence of views on the main points of the Japanese presidency of the G7 emerged from the meeting",
    "Statement_G7_Determination_Kishida": "Kishida: at the G7 level it is necessary to show firm determination in condemning the atomic threat and to be united in the face of Russian aggression",
    "Statement_GCAP_Expectation_Kishida": "Kishida expects the collaboration to stimulate cooperation between the industries of the respective countries",
    "Statement_GCAP_Repercussions_Meloni": "Meloni: the program will have important repercussions on the productive sectors, also in the civil sector, and in scientific research",
    "Statement_Geographical_Distance_Guerini": "Guerini: the geographical distance between Europe and the Indo-Pacific is much smaller than it seems; security implications for the two regions influence each other",
    "Statement_Growing_Convergence_The_Diplomat": "Kishida's recent visit to Italy highlighted the growing convergence between the two countries",
    "Statement_Hong_Kong_Support_League": "The League is particularly vocal about supporting Hong Kong",
    "Statement_Indo-Pacific_Relevance_Italy": "Italy looks at the Indo-Pacific as an increasingly relevant area for international stability",
    "Statement_Inseparable_Security_Kishida": "Kishida: the securities of the Euro-Atlantic and the Indo-Pacific are inseparable",
    "Statement_International_Law_Guerini": "Guerini: great democratic countries must assume the burden of defending the essential principles of international law",
    "Statement_Invasion_Not_Only_Europe_Kishida": "Kishida: Russia's invasion is not just a problem which concerns Europe; the international order encompassing the Indo-Pacific is also at stake",
    "Statement_Italy_Presence_IndoPacific_Meloni": "Meloni: Italy intends to have an increasingly significant presence in the Indo-Pacific",
    "Statement_Japan_Friendly_Nation_Meloni": "Meloni: Japan is a friendly nation and a partner of central and strategic importance for Italy’s interests",
    "Statement_Japan_Military_Buildup_INPAC_Times": "Japan is rapidly building up its military (INPAC Times)",
    "Statement_Japan_Motivations_Tempest_The_Diplomat": "The motivations for Japan to opt for the project, and its geopolitical aspect of connecting the Euro-Atlantic and Indo-Pacific quadrants",
    "Statement_Japan_Security_Rethink_The_Diplomat": "Japan's revision of its security posture, in which the Russian war in Ukraine played a major role, is a driver of the upgrade",
    "Statement_Mechanism_Start_Meloni": "Meloni: the new consultation mechanism on security and defense will start in March, and there will be important joint military exercises",
    "Statement_Mediterranean_Focus_Italian_Defence": "The Mediterranean Sea and bordering maritime areas remain the focus of the Italian Defence",
    "Statement_Meeting_Announced_Italian_Delegation": "The Italian delegation announces the bilateral meeting with the Chinese delegation at the G-20 summit",
    "Statement_Meeting_Significance_The_Diplomat": "The latest Italy-Japan bilateral meeting and its decisions are extremely significant after the confusion in the relationship",
    "Statement_Meloni_Viewed_In_Taipei_The_Diplomat": "Meloni is exceptionally well viewed in Taipei and considered a staunch supporter of Taiwan",
    "Statement_New_Level_The_Diplomat": "The announcements at the latest bilateral meeting suggest that Rome and Tokyo are ready to bring their relationship to a new level",
    "Statement_No_One-Sided_Force_Kishida": "Kishida: we cannot allow a one-sided show of force in the Indo-Pacific",
    "Statement_Presidency_Announcement_Systemic_The_Diplomat": "The announcement by the Presidency of the Ministerial Council, for the first time in history, shows the decision is considered systemic",
    "Statement_Relations_Less_Developed_Dell_Era": "Strategic relations between Italy and Japan have for years been less developed than Japan's ties with other European countries",
    "Statement_Relations_With_Rome_Serve_Tokyo_The_Diplomat": "Deepening relations with Rome serve Tokyo becoming a more proactive actor on defense and security issues",
    "Statement_Satisfaction_Meeting_Guerini": "Guerini's satisfaction with the fruitful meeting, the first held in person in Japan after two years of pandemic-related limitations",
    "Statement_Sectors_Kishida": "Kishida mentions diplomacy, investment, railways and cinema among the sectors of interest for bilateral cooperation",
    "Statement_Stable_Cooperation_Kishida": "Kishida: it is important that our countries advance stable cooperation in trade, investment, research and development",
    "Statement_Strategic_Partnership_Meloni": "Meloni: the two countries have decided to raise their relations to the level of a strategic partnership",
    "Statement_Support_EU_Strategy_Italy": "Italy’s full support for the strategy of the European Union",
    "Statement_Support_National_Security_Documents_Meloni": "Meloni’s support for the new national security documents",
    "Statement_Taiwan_Priority_Meloni": "Meloni considers Taiwan a priority",
    "Statement_Technology_Progress_Guerini": "Guerini: the understanding between our nations is open to further interesting progress specifically in the field of technology",
    "Statement_Tempest_Cornerstone_The_Diplomat": "Cooperation on the Tempest jet is the cornerstone of the enhanced liaison, and the ties are set to strengthen on other levels",
    "Statement_Tempest_Model_Italy": "Italy’s ambition to make the Tempest project a model for future industrial cooperation, where Japan is seen as a strategic partner",
    "Statement_Tempest_Step_For_Italy_The_Diplomat": "Japan joining the project is a major step for Italy towards Asia and the Indo-Pacific, where Rome lacks a structured presence",
    "Statement_Tempest_Value_Italy": "Italy assigns great value to the Tempest project",
    "Statement_Tokyo_Disappointment_The_Diplomat": "The Meloni-Xi meeting inevitably triggered Tokyo's disappointment; every step towards China or Japan must be assessed for its impact on the other",
    "Statement_Tradition_Innovation_Guerini": "Guerini: among the elements that bind Italy and Japan is a special balance between respecting traditions and the vocation to innovate",
    "Statement_Ukraine_Tomorrows_East_Asia_Kishida": "Kishida: Ukraine might be tomorrow's East Asia",
    "Statement_Ukraine_War_Correlation_Kishida": "Kishida correlates the Japanese move with the shifting reality of the international system caused by the war in Ukraine",
    "Statement_Very_Productive_Atmosphere_Japanese_Diplomatic_Source": "Japanese diplomatic source: the meeting and the working lunch lasted longer than expected, demonstrating a very productive atmosphere",
    "Statement_Welcome_Italy_IndoPacific_Kishida": "Kishida welcomes that Italy is increasing its presence in the Indo-Pacific region",
    "Statement_Welcome_UK_IndoPacific_Japan": "Japan welcomes Britain’s bigger presence in the Indo-Pacific region",
    "Statement_Xi_Meeting_Surprising_The_Diplomat": "That Xi agreed to the meeting with Meloni was surprising; in Italy it was seen as an anomaly in the Chinese diplomatic protocol",
    "Belt_and_Road_Initiative": "Belt and Road Initiative",
    "Mattei_Plan": "Mattei Plan",
    "Horizon_Europe": "Horizon Europe",
    # added with vocabulary 1.1.0 (articles reread)
    "Statement_Chinese_Economic_Coercion_Italy_Japan": "Chinese economic coercion is a key concern for both Italy and Japan",
    "Statement_Inseparable_Security_Italy_Japan": "Italy and Japan realise the growing inseparability of security between Europe and the Indo-Pacific",
    "Statement_Shared_Challenges_Italy_Japan": "Italy and Japan explicitly recognise the Russian military aggressiveness and the North Korean nuclear programme as shared challenges",
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
        asserted=(
            _MEETINGS_AND_PARTICIPANTS_ASSERTED := {
                (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Boris_Johnson")),
                (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Fumio_Kishida")),
                (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Fumio_Kishida")),
                (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Xi_Jinping")),
                (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"), *lab("Guido_Crosetto")),
                (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"), *lab("Prabowo_Subianto")),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Fumio_Kishida")),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2023-01-13_Kishida_Biden"), *lab("Fumio_Kishida")),
                (*lab("Meeting_2023-01-13_Kishida_Biden"), *lab("Joe_Biden")),
                (*lab("Meeting_2023-06_Sakai_Credendino"), *lab("Enrico_Credendino")),
                (*lab("Meeting_2023-06_Sakai_Credendino"), *lab("Ryo_Sakai")),
                (*lab("Meeting_2023_Crosetto_Prabowo"), *lab("Guido_Crosetto")),
                (*lab("Meeting_2023_Crosetto_Prabowo"), *lab("Prabowo_Subianto")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Fumio_Kishida")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2025_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2025_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
                (*lab("Meeting_2026-01_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_2026-01_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
                (*lab("Meeting_Guerini_Kishi"), *lab("Lorenzo_Guerini")),
                (*lab("Meeting_Guerini_Kishi"), *lab("Nobuo_Kishi")),
                (*lab("Meeting_Meloni_Taipei_Representative"), *lab("Giorgia_Meloni")),
                (*lab("Meeting_Sakai_Credendino_First"), *lab("Enrico_Credendino")),
                (*lab("Meeting_Sakai_Credendino_First"), *lab("Ryo_Sakai")),
            }
        ),
        full=_MEETINGS_AND_PARTICIPANTS_ASSERTED
        | {
            (*lab("PhoneCall_2025_Meloni_Takaichi"), *lab("Giorgia_Meloni")),
            (*lab("PhoneCall_2025_Meloni_Takaichi"), *lab("Sanae_Takaichi")),
            (*lab("Summit_2022-11_G20_Bali"), *lab("Fumio_Kishida")),
            (*lab("Summit_2022-11_G20_Bali"), *lab("Giorgia_Meloni")),
            (*lab("Summit_2022-11_G20_Bali"), *lab("Xi_Jinping")),
            (*lab("Summit_2023-05_G7_Hiroshima"), *lab("Giorgia_Meloni")),
            (*lab("Summit_2025-07_EU-Japan"), *lab("Shigeru_Ishiba")),
            (*lab("Summit_2025-07_EU-Japan"), *lab("Ursula_von_der_Leyen")),
        },
    ),
    "meetings_of_giorgia_meloni": {
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11", "Cancelled"),
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11", "Happened"),
        (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "2022-11", "Happened"),
        (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "2022-11", "Rescheduled"),
        (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2023-01-10", "Happened"),
        (*lab("Meeting_2024_Meloni_Kishida"), "2024", "Happened"),
        (*lab("Meeting_2025_Meloni_Takaichi"), "2025", "Happened"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None, "Planned"),
        (*lab("Meeting_Meloni_Taipei_Representative"), None, "Happened"),
        (*lab("PhoneCall_2025_Meloni_Takaichi"), "2025", "Happened"),
        (*lab("Summit_2022-11_G20_Bali"), "2022-11", "Happened"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023", "Happened"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023", "Planned"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023-05", "Happened"),
        (*lab("Summit_2023-05_G7_Hiroshima"), "2023-05", "Planned"),
    },
    "events_in_italy": Paired(
        asserted=(
            _EVENTS_IN_ITALY_ASSERTED := {
                (*lab("Announcement_Golden_Powers_Chinese_Initiatives_Blocked"),),
                (*lab("Training_Japanese_Pilots_IFTS"),),
            }
        ),
        full=_EVENTS_IN_ITALY_ASSERTED
        | {
            (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"),),
            (*lab("Meeting_2023-01-10_Meloni_Kishida"),),
            (*lab("Press_Statements_2023-01-10_Meloni"),),
            (*lab("Tour_2023-01_Kishida_G7"),),
            (*lab("Visit_2019_Abe_Italy"),),
            (*lab("Visit_2023-01_Kishida_Italy"),),
        },
    ),
    "events_in_japan": Paired(
        asserted=(
            _EVENTS_IN_JAPAN_ASSERTED := {
                (*lab("Meeting_Guerini_Kishi"),),
            }
        ),
        full=_EVENTS_IN_JAPAN_ASSERTED
        | {
            (*lab("Deployment_2024_Cavour"),),
            (*lab("Deployment_F-35_Japan"),),
            (*lab("Deployment_Vespucci_Japan"),),
            (*lab("PortCall_2023-06_Morosini_Yokosuka"),),
            (*lab("PortCall_2024_Italian_Warships_Japan"),),
            (*lab("Summit_2023-05_G7_Hiroshima"),),
            (*lab("Tour_2026-01_Meloni_Asia"),),
            (*lab("Visit_2023_Crosetto_Japan"),),
            (*lab("Visit_2026-01_Meloni_Japan"),),
            (*lab("Visit_Guerini_Japan"),),
            (*lab("Visit_Meloni_Japan_First_Official"),),
        },
    ),
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
        ("Deployment_2024_Cavour", "Happened", "004_3b00b535ec90c5dc"),
        ("Deployment_2024_Cavour", "Planned", "002_7b46b79a9830cf4e"),
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Cancelled", "000_a4b397bc01061804"),
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Cancelled", "001_cc7736c37995a10d"),
        ("Meeting_2022-11_Meloni_Kishida_Bali", "Happened", "000_a4b397bc01061804"),
        ("Meeting_2022-11_Meloni_Xi_Bali", "Happened", "001_cc7736c37995a10d"),
        ("Meeting_2022-11_Meloni_Xi_Bali", "Rescheduled", "001_cc7736c37995a10d"),
        ("Summit_2023-05_G7_Hiroshima", "Happened", "004_3b00b535ec90c5dc"),
        ("Summit_2023-05_G7_Hiroshima", "Planned", "000_a4b397bc01061804"),
        ("Summit_2024-06_G7_Italy", "Happened", "004_3b00b535ec90c5dc"),
        ("Summit_2024-06_G7_Italy", "Planned", "002_7b46b79a9830cf4e"),
    },
    "planned_events": {
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2023"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03"),
        (*lab("Deployment_F-35_Japan"), None),
        (*lab("Deployment_Vespucci_Japan"), None),
        (*lab("Exercise_2024_Italy_Japan"), "2024"),
        (*lab("Meeting_2023-01-13_Kishida_Biden"), "2023-01-13"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None),
        (*lab("PortCall_2024_Italian_Warships_Japan"), "2024"),
        (*lab("Tour_2026-01_Meloni_Asia"), "2026-01"),
        (*lab("Training_Japanese_Pilots_IFTS"), None),
        (*lab("Visit_2023_Crosetto_Japan"), None),
        (*lab("Visit_2026-01_Meloni_Japan"), None),
        (*lab("Visit_Meloni_China"), None),
    },
    "cancelled_events": {
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), *lab("Meeting_2022-11_Meloni_Xi_Bali")),
    },
    "agreements_and_parties": {
        (*lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"), *lab("Italy")),
        (*lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"), *lab("Japan")),
        (*lab("Commitment_2023_Naval_Cooperation"), *lab("Italian_Navy")),
        (*lab("Commitment_2023_Naval_Cooperation"), *lab("JMSDF")),
        (*lab("Commitment_2024_Cooperation_China"), *lab("Italy")),
        (*lab("Commitment_2024_Cooperation_China"), *lab("Japan")),
        (*lab("Commitment_2024_G7_Summit_Success"), *lab("Italy")),
        (*lab("Commitment_2024_G7_Summit_Success"), *lab("Japan")),
        (*lab("Commitment_2024_Sanctions_Russia"), *lab("Italy")),
        (*lab("Commitment_2024_Sanctions_Russia"), *lab("Japan")),
        (*lab("Commitment_2024_Security_Defence_Collaboration"), *lab("Italy")),
        (*lab("Commitment_2024_Security_Defence_Collaboration"), *lab("Japan")),
        (*lab("Commitment_2024_Support_Ukraine"), *lab("Italy")),
        (*lab("Commitment_2024_Support_Ukraine"), *lab("Japan")),
        (*lab("Competitiveness_Alliance"), *lab("European_Union")),
        (*lab("Competitiveness_Alliance"), *lab("Japan")),
        (*lab("EU-Japan_Economic_Partnership_Agreement"), *lab("European_Union")),
        (*lab("EU-Japan_Economic_Partnership_Agreement"), *lab("Japan")),
        (*lab("GCAP_Agreement"), *lab("Italy")),
        (*lab("GCAP_Agreement"), *lab("Japan")),
        (*lab("GCAP_Agreement"), *lab("United_Kingdom")),
        (*lab("Italy-China_BRI_Memorandum"), *lab("China")),
        (*lab("Italy-China_BRI_Memorandum"), *lab("Italy")),
        (*lab("Italy-Japan_2plus2"), *lab("Italy")),
        (*lab("Italy-Japan_2plus2"), *lab("Japan")),
        (*lab("Italy-Japan_ACSA"), *lab("Italy")),
        (*lab("Italy-Japan_ACSA"), *lab("Japan")),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), *lab("Italian_Air_Force")),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), *lab("Japanese_Air_Force")),
        (*lab("Italy-Japan_Strategic_Partnership"), *lab("Italy")),
        (*lab("Italy-Japan_Strategic_Partnership"), *lab("Japan")),
        (*lab("Italy_FOIP_Endorsement"), *lab("Italy")),
        (*lab("Japan-EU_Security_and_Defence_Partnership"), *lab("European_Union")),
        (*lab("Japan-EU_Security_and_Defence_Partnership"), *lab("Japan")),
        (*lab("Japan-France_2plus2"), *lab("France")),
        (*lab("Japan-France_2plus2"), *lab("Japan")),
        (*lab("Japan-Germany_2plus2"), *lab("Germany")),
        (*lab("Japan-Germany_2plus2"), *lab("Japan")),
        (*lab("Japan-UK_2plus2"), *lab("Japan")),
        (*lab("Japan-UK_2plus2"), *lab("United_Kingdom")),
        (*lab("Japan-UK_Reciprocal_Access_Agreement"), *lab("Japan")),
        (*lab("Japan-UK_Reciprocal_Access_Agreement"), *lab("United_Kingdom")),
        (*lab("Japan-US_Partnership"), *lab("Japan")),
        (*lab("Japan-US_Partnership"), *lab("United_States")),
        (*lab("Japan_Horizon_Europe_Association"), *lab("European_Union")),
        (*lab("Japan_Horizon_Europe_Association"), *lab("Japan")),
        (*lab("Japan_SAFE_Participation"), *lab("European_Union")),
        (*lab("Japan_SAFE_Participation"), *lab("Japan")),
        (*lab("Joint_Working_Group"), *lab("Italy")),
        (*lab("Joint_Working_Group"), *lab("Japan")),
        (*lab("SAFE"), *lab("European_Union")),
        (*lab("Understanding_2023-01-10_G7_Presidency"), *lab("Italy")),
        (*lab("Understanding_2023-01-10_G7_Presidency"), *lab("Japan")),
    },
    "agreement_status_and_dates": {
        ("Commitment_2023-01-10_Strengthening_Bilateral_Relations", "Agreed", None, None, None),
        ("Commitment_2023_Naval_Cooperation", "Agreed", None, None, None),
        ("Commitment_2024_Cooperation_China", "Agreed", None, None, None),
        ("Commitment_2024_G7_Summit_Success", "Agreed", None, None, None),
        ("Commitment_2024_Sanctions_Russia", "Agreed", None, None, None),
        ("Commitment_2024_Security_Defence_Collaboration", "Agreed", None, None, None),
        ("Commitment_2024_Support_Ukraine", "Agreed", None, None, None),
        ("EU-Japan_Economic_Partnership_Agreement", "InForce", None, "2019-02-01", None),
        ("GCAP_Agreement", "Agreed", "2022-12", None, None),
        ("GCAP_Agreement", "Signed", "2022-12", None, None),
        ("Italy-China_BRI_Memorandum", "Ended", "2019", None, "2024"),
        ("Italy-China_BRI_Memorandum", "Signed", "2019", None, "2024"),
        ("Italy-Japan_2plus2", "Agreed", None, None, None),
        ("Italy-Japan_ACSA", "InForce", None, "2025", None),
        ("Italy-Japan_Air_Force_Technical_Arrangement", "Discussed", None, None, None),
        ("Italy-Japan_Strategic_Partnership", "Agreed", None, None, None),
        ("Italy_FOIP_Endorsement", "Agreed", None, None, None),
        ("Japan-EU_Security_and_Defence_Partnership", "Signed", "2024", None, None),
        ("Japan-France_2plus2", "InForce", None, None, None),
        ("Japan-Germany_2plus2", "InForce", None, None, None),
        ("Japan-UK_2plus2", "InForce", None, None, None),
        ("Japan-UK_Reciprocal_Access_Agreement", "Signed", "2022-05", None, None),
        ("Japan-US_Partnership", "InForce", None, None, None),
        ("Japan_Horizon_Europe_Association", "Agreed", None, None, None),
        ("Japan_SAFE_Participation", "Proposed", None, None, None),
        ("Joint_Working_Group", "Agreed", None, None, None),
        ("Understanding_2023-01-10_G7_Presidency", "Agreed", None, None, None),
    },
    "agreement_signatories": {
        ("GCAP_Agreement", *lab("Fumio_Kishida"), "2022-12"),
        ("GCAP_Agreement", *lab("Giorgia_Meloni"), "2022-12"),
        ("GCAP_Agreement", *lab("Sunak"), "2022-12"),
        ("Japan-UK_Reciprocal_Access_Agreement", *lab("Boris_Johnson"), "2022-05"),
        ("Japan-UK_Reciprocal_Access_Agreement", *lab("Fumio_Kishida"), "2022-05"),
    },
    "agreements_between_italy_and_japan": {
        (*lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"), "Agreed"),
        (*lab("Commitment_2023_Naval_Cooperation"), "Agreed"),
        (*lab("Commitment_2024_Cooperation_China"), "Agreed"),
        (*lab("Commitment_2024_G7_Summit_Success"), "Agreed"),
        (*lab("Commitment_2024_Sanctions_Russia"), "Agreed"),
        (*lab("Commitment_2024_Security_Defence_Collaboration"), "Agreed"),
        (*lab("Commitment_2024_Support_Ukraine"), "Agreed"),
        (*lab("GCAP_Agreement"), "Agreed"),
        (*lab("GCAP_Agreement"), "Signed"),
        (*lab("Italy-Japan_2plus2"), "Agreed"),
        (*lab("Italy-Japan_ACSA"), "InForce"),
        (*lab("Italy-Japan_Air_Force_Technical_Arrangement"), "Discussed"),
        (*lab("Italy-Japan_Strategic_Partnership"), "Agreed"),
        (*lab("Joint_Working_Group"), "Agreed"),
        (*lab("Understanding_2023-01-10_G7_Presidency"), "Agreed"),
    },
    "defence_programme_partners": {
        (*lab("Eurofighter_Typhoon"), *lab("Germany")),
        (*lab("Eurofighter_Typhoon"), *lab("Italy")),
        (*lab("Eurofighter_Typhoon"), *lab("Spain")),
        (*lab("Eurofighter_Typhoon"), *lab("United_Kingdom")),
        (*lab("F-X"), *lab("Japan")),
        (*lab("GCAP"), *lab("Italy")),
        (*lab("GCAP"), *lab("Japan")),
        (*lab("GCAP"), *lab("United_Kingdom")),
        (*lab("Italy-Japan_Technology_and_Equipment_Project"), *lab("Italy")),
        (*lab("Italy-Japan_Technology_and_Equipment_Project"), *lab("Japan")),
        (*lab("Tempest"), *lab("Italy")),
        (*lab("Tempest"), *lab("United_Kingdom")),
    },
    "programme_industrial_partners": {
        ("GCAP", *lab("BAE_Systems"), "United_Kingdom"),
        ("GCAP", *lab("Leonardo"), "Italy"),
        ("GCAP", *lab("Mitsubishi_Heavy_Industries"), "Japan"),
    },
    "organisations_and_countries": {
        (*lab("BAE_Systems"), "Company", "United_Kingdom"),
        (*lab("Chinese_Media"), "MediaOutlet", "China"),
        (*lab("International_Flight_Training_School"), "Organisation", "Italy"),
        (*lab("Italian_Air_Force"), "ArmedForce", "Italy"),
        (*lab("Italian_Defence"), "GovernmentBody", "Italy"),
        (*lab("Italian_Foreign_Ministry"), "GovernmentBody", "Italy"),
        (*lab("Italian_Navy"), "ArmedForce", "Italy"),
        (*lab("JMSDF"), "ArmedForce", "Japan"),
        (*lab("Japanese_Air_Force"), "ArmedForce", "Japan"),
        (*lab("Leonardo"), "Company", "Italy"),
        (*lab("Mitsubishi_Heavy_Industries"), "Company", "Japan"),
        (*lab("Presidency_of_the_Council_of_Ministers"), "GovernmentBody", "Italy"),
        (*lab("Prime_Ministers_Office_of_Japan"), "GovernmentBody", "Japan"),
        (*lab("US_Navy_7th_Fleet"), "ArmedForce", "United_States"),
    },
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
        ("Deployment_2024_Cavour", *lab("Cavour"), "2024", None, "Happened"),
        ("Deployment_2024_Cavour", *lab("Cavour"), "2024", None, "Planned"),
        ("Deployment_Vespucci_Japan", *lab("Vespucci"), None, None, "Planned"),
    },
    "deployment_assets": Paired(
        asserted=(
            _DEPLOYMENT_ASSETS_ASSERTED := {
                ("Deployment_F-35_Japan", *lab("F-35"), "Aircraft"),
            }
        ),
        full=_DEPLOYMENT_ASSETS_ASSERTED
        | {
            ("Deployment_2023_Morosini", *lab("ITS_Francesco_Morosini"), "Ship"),
            ("Deployment_2024_Cavour", *lab("Cavour"), "Ship"),
            ("Deployment_Vespucci_Japan", *lab("Vespucci"), "Ship"),
            ("PortCall_2023-06_Morosini_Yokosuka", *lab("ITS_Francesco_Morosini"), "Ship"),
            ("PortCall_2024_Italian_Warships_Japan", *lab("Cavour"), "Ship"),
        },
    ),
    "port_calls": {
        (
            "PortCall_2023-06_Morosini_Yokosuka",
            "ITS_Francesco_Morosini",
            "Yokosuka",
            "2023-06",
            "Happened",
            "Deployment_2023_Morosini",
        ),
        ("PortCall_2024_Italian_Warships_Japan", "Cavour", None, "2024", "Planned", None),
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
        (
            "Disagreement_2plus2_First_Round_Date",
            "Consultation_Italy-Japan_2plus2_first_round",
            "date",
            "2023",
            "000_a4b397bc01061804",
        ),
        (
            "Disagreement_2plus2_First_Round_Date",
            "Consultation_Italy-Japan_2plus2_first_round",
            "date",
            "2023",
            "001_cc7736c37995a10d",
        ),
        (
            "Disagreement_2plus2_First_Round_Date",
            "Consultation_Italy-Japan_2plus2_first_round",
            "date",
            "2024-03",
            "002_7b46b79a9830cf4e",
        ),
        ("Disagreement_2plus2_Start_Date", "Italy-Japan_2plus2", "startDate", "2024-03", "002_7b46b79a9830cf4e"),
        (
            "Disagreement_Bali_Meeting_Status",
            "Meeting_2022-11_Meloni_Kishida_Bali",
            "status",
            "Cancelled",
            "000_a4b397bc01061804",
        ),
        (
            "Disagreement_Bali_Meeting_Status",
            "Meeting_2022-11_Meloni_Kishida_Bali",
            "status",
            "Cancelled",
            "001_cc7736c37995a10d",
        ),
        (
            "Disagreement_Bali_Meeting_Status",
            "Meeting_2022-11_Meloni_Kishida_Bali",
            "status",
            "Happened",
            "000_a4b397bc01061804",
        ),
        (
            "Disagreement_Friendly_Nation_Speaker",
            "Statement_Japan_Friendly_Nation_Meloni",
            "speaker",
            "Giorgia_Meloni",
            "000_a4b397bc01061804",
        ),
        ("Disagreement_GCAP_Name", "GCAP", "prefLabel", None, None),
        (
            "Disagreement_RAA_Signing",
            "Japan-UK_Reciprocal_Access_Agreement",
            "signedDate",
            "2022-05",
            "001_cc7736c37995a10d",
        ),
        (
            "Disagreement_Strategic_Partnership_Speaker",
            "Statement_Strategic_Partnership_Kishida_Meloni",
            "speaker",
            "Fumio_Kishida",
            "001_cc7736c37995a10d",
        ),
        (
            "Disagreement_Strategic_Partnership_Speaker",
            "Statement_Strategic_Partnership_Kishida_Meloni",
            "speaker",
            "Giorgia_Meloni",
            "001_cc7736c37995a10d",
        ),
    },
    "events_reported_by_several_articles": Paired(
        asserted=(_EVENTS_REPORTED_BY_SEVERAL_ARTICLES_ASSERTED := set()),
        full=_EVENTS_REPORTED_BY_SEVERAL_ARTICLES_ASSERTED
        | {
            (*lab("Announcement_2024_Italy_BRI_Withdrawal"), "2"),
            (*lab("Consultation_Italy-Japan_2plus2_first_round"), "3"),
            (*lab("Deployment_2023_Morosini"), "2"),
            (*lab("Deployment_2024_Cavour"), "2"),
            (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2"),
            (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2"),
            (*lab("Summit_2022-11_G20_Bali"), "2"),
            (*lab("Summit_2023-05_G7_Hiroshima"), "2"),
            (*lab("Summit_2024-06_G7_Italy"), "2"),
            (*lab("Tour_2023-01_Kishida_G7"), "2"),
            (*lab("Visit_2023-01_Kishida_Italy"), "2"),
            (*lab("War_in_Ukraine"), "2"),
        },
    ),
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
        asserted=(
            _EVENTS_PART_OF_TOURS_ASSERTED := {
                ("Tour_2023-01_Kishida_G7", *lab("Meeting_2023-01-13_Kishida_Biden")),
                ("Tour_2023-01_Kishida_G7", *lab("Visit_2023-01_Kishida_Italy")),
                ("Tour_2023_Crosetto_Asia", *lab("Visit_2023_Crosetto_Japan")),
                ("Tour_2023_Crosetto_Asia", *lab("Visit_Crosetto_Indonesia")),
                ("Tour_2026-01_Meloni_Asia", *lab("Visit_2026-01_Meloni_Japan")),
            }
        ),
        full=_EVENTS_PART_OF_TOURS_ASSERTED
        | {
            ("Tour_2023-01_Kishida_G7", *lab("Meeting_2023-01-10_Meloni_Kishida")),
            ("Tour_2023-01_Kishida_G7", *lab("Press_Statements_2023-01-10_Meloni")),
            ("Tour_2023_Crosetto_Asia", *lab("Meeting_2023_Crosetto_Prabowo")),
            ("Tour_2026-01_Meloni_Asia", *lab("Meeting_2026-01_Meloni_Takaichi")),
        },
    ),
    "ask_meloni_kishida_meeting_in_italy": Paired(asserted=False, full=True),
    # Pairs of people in the same meeting: Meloni-Kishida, Meloni-Xi, Meloni-Takaichi, Kishida-Biden,
    # Kishida-Johnson, Crosetto-Prabowo, Guerini-Kishi, Sakai-Credendino, Ishiba-von der Leyen.
    "co_participation_network": {
        ("Boris_Johnson", "knows", "Fumio_Kishida"),
        ("Enrico_Credendino", "knows", "Ryo_Sakai"),
        ("Fumio_Kishida", "knows", "Boris_Johnson"),
        ("Fumio_Kishida", "knows", "Giorgia_Meloni"),
        ("Fumio_Kishida", "knows", "Joe_Biden"),
        ("Fumio_Kishida", "knows", "Xi_Jinping"),
        ("Giorgia_Meloni", "knows", "Fumio_Kishida"),
        ("Giorgia_Meloni", "knows", "Sanae_Takaichi"),
        ("Giorgia_Meloni", "knows", "Xi_Jinping"),
        ("Guido_Crosetto", "knows", "Prabowo_Subianto"),
        ("Joe_Biden", "knows", "Fumio_Kishida"),
        ("Lorenzo_Guerini", "knows", "Nobuo_Kishi"),
        ("Nobuo_Kishi", "knows", "Lorenzo_Guerini"),
        ("Prabowo_Subianto", "knows", "Guido_Crosetto"),
        ("Ryo_Sakai", "knows", "Enrico_Credendino"),
        ("Sanae_Takaichi", "knows", "Giorgia_Meloni"),
        ("Shigeru_Ishiba", "knows", "Ursula_von_der_Leyen"),
        ("Ursula_von_der_Leyen", "knows", "Shigeru_Ishiba"),
        ("Xi_Jinping", "knows", "Fumio_Kishida"),
        ("Xi_Jinping", "knows", "Giorgia_Meloni"),
    },
    "visits": {
        ("Visit_2019_Abe_Italy", "Shinzo_Abe", "Italy", "2019", "Happened"),
        ("Visit_2023-01_Kishida_Italy", "Fumio_Kishida", "Italy", "2023-01-10", "Happened"),
        ("Visit_2023_Crosetto_Japan", "Guido_Crosetto", "Japan", None, "Planned"),
        ("Visit_2026-01_Meloni_Japan", "Giorgia_Meloni", "Japan", "2026-01-15", "Planned"),
        ("Visit_Crosetto_Indonesia", "Guido_Crosetto", "Indonesia", None, "Possible"),
        ("Visit_Guerini_Japan", "Lorenzo_Guerini", "Japan", None, "Happened"),
        ("Visit_Meloni_China", "Giorgia_Meloni", "China", None, "Planned"),
        ("Visit_Meloni_Japan_First_Official", "Giorgia_Meloni", "Japan", None, "Happened"),
    },
    "italy_japan_meetings": {
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2023"),
        (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03"),
        (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11"),
        (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2023-01-10"),
        (*lab("Meeting_2023-06_Sakai_Credendino"), "2023-06"),
        (*lab("Meeting_2024_Meloni_Kishida"), "2024"),
        (*lab("Meeting_2025_Meloni_Takaichi"), "2025"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), None),
        (*lab("Meeting_Guerini_Kishi"), None),
        (*lab("Meeting_Sakai_Credendino_First"), None),
        (*lab("PhoneCall_2025_Meloni_Takaichi"), "2025"),
        (*lab("Summit_2022-11_G20_Bali"), "2022-11"),
    },
    "event_outcomes": Paired(
        asserted=(
            _EVENT_OUTCOMES_ASSERTED := {
                (*lab("Announcement_2022-12-16_Japan_NSS"), *lab("Japan_National_Security_Strategy_2022")),
                (*lab("Meeting_2022-05_Kishida_Johnson"), *lab("Japan-UK_Reciprocal_Access_Agreement")),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Statement_Exports_to_China_Meloni")),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), *lab("Visit_Meloni_China")),
                (
                    *lab("Meeting_2023-01-10_Meloni_Kishida"),
                    *lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"),
                ),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Italy-Japan_2plus2")),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Italy-Japan_Strategic_Partnership")),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Understanding_2023-01-10_G7_Presidency")),
                (*lab("Meeting_2023-06_Sakai_Credendino"), *lab("Commitment_2023_Naval_Cooperation")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Commitment_2024_Cooperation_China")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Commitment_2024_G7_Summit_Success")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Commitment_2024_Sanctions_Russia")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Commitment_2024_Security_Defence_Collaboration")),
                (*lab("Meeting_2024_Meloni_Kishida"), *lab("Commitment_2024_Support_Ukraine")),
                (*lab("Summit_2025-07_EU-Japan"), *lab("Competitiveness_Alliance")),
                (*lab("Visit_2019_Abe_Italy"), *lab("Italy_FOIP_Endorsement")),
            }
        ),
        full=_EVENT_OUTCOMES_ASSERTED
        | {
            (*lab("Announcement_2025-12_EU_Japan_Horizon_Europe"), *lab("Japan_Horizon_Europe_Association")),
            (*lab("Meeting_2023-01-10_Meloni_Kishida"), *lab("Consultation_Italy-Japan_2plus2_first_round")),
            (*lab("Meeting_2024_Meloni_Kishida"), *lab("Consultation_Italy-Japan_2plus2_first_round")),
            (*lab("Press_Statements_2023-01-10_Meloni"), *lab("Italy-Japan_Strategic_Partnership")),
        },
    ),
    "g7_presidencies": {
        ("Italy", "2024", "000_a4b397bc01061804"),
        ("Italy", "2024", "002_7b46b79a9830cf4e"),
        ("Italy", "2024", "004_3b00b535ec90c5dc"),
        ("Japan", "2023", "000_a4b397bc01061804"),
        ("Japan", "2023", "001_cc7736c37995a10d"),
    },
    "japan_party_to": Paired(
        asserted=(_JAPAN_PARTY_TO_ASSERTED := set()),
        full=_JAPAN_PARTY_TO_ASSERTED
        | {
            (*lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"), "Agreement"),
            (*lab("Commitment_2024_Cooperation_China"), "Agreement"),
            (*lab("Commitment_2024_G7_Summit_Success"), "Agreement"),
            (*lab("Commitment_2024_Sanctions_Russia"), "Agreement"),
            (*lab("Commitment_2024_Security_Defence_Collaboration"), "Agreement"),
            (*lab("Commitment_2024_Support_Ukraine"), "Agreement"),
            (*lab("Competitiveness_Alliance"), "Agreement"),
            (*lab("Competitiveness_Alliance"), "Initiative"),
            (*lab("EU-Japan_Defence_Industry_Dialogue"), "Initiative"),
            (*lab("EU-Japan_Economic_Partnership_Agreement"), "Agreement"),
            (*lab("Free_and_Open_Indo-Pacific"), "Initiative"),
            (*lab("GCAP_Agreement"), "Agreement"),
            (*lab("Italy-Japan_2plus2"), "Agreement"),
            (*lab("Italy-Japan_2plus2"), "Initiative"),
            (*lab("Italy-Japan_ACSA"), "Agreement"),
            (*lab("Italy-Japan_Strategic_Partnership"), "Agreement"),
            (*lab("Japan-EU_Security_and_Defence_Partnership"), "Agreement"),
            (*lab("Japan-France_2plus2"), "Agreement"),
            (*lab("Japan-France_2plus2"), "Initiative"),
            (*lab("Japan-Germany_2plus2"), "Agreement"),
            (*lab("Japan-Germany_2plus2"), "Initiative"),
            (*lab("Japan-UK_2plus2"), "Agreement"),
            (*lab("Japan-UK_2plus2"), "Initiative"),
            (*lab("Japan-UK_Reciprocal_Access_Agreement"), "Agreement"),
            (*lab("Japan-US_Partnership"), "Agreement"),
            (*lab("Japan_Horizon_Europe_Association"), "Agreement"),
            (*lab("Japan_SAFE_Participation"), "Agreement"),
            (*lab("Joint_Working_Group"), "Agreement"),
            (*lab("Joint_Working_Group"), "Initiative"),
            (*lab("Understanding_2023-01-10_G7_Presidency"), "Agreement"),
        },
    ),
    "events_italy_took_part_in": Paired(
        asserted=(_EVENTS_ITALY_TOOK_PART_IN_ASSERTED := set()),
        full=_EVENTS_ITALY_TOOK_PART_IN_ASSERTED
        | {
            (*lab("Announcement_2019_Italy_Joins_BRI"),),
            (*lab("Announcement_2024_Italy_BRI_Withdrawal"),),
            (*lab("Consultation_Italy-Japan_2plus2_first_round"),),
            (*lab("Deployment_2023_Morosini"),),
            (*lab("Deployment_2024_Cavour"),),
            (*lab("Deployment_F-35_Japan"),),
            (*lab("Deployment_Vespucci_Japan"),),
            (*lab("Exercise_2024_Italy_Japan"),),
            (*lab("Meeting_2022-11_Meloni_Xi_Bali"),),
            (*lab("Negotiations_Italy-China_BRI_Memorandum"),),
            (*lab("PortCall_2024_Italian_Warships_Japan"),),
            (*lab("Summit_2022-11_G20_Bali"),),
            (*lab("Summit_2024-06_G7_Italy"),),
            (*lab("Visit_2019_Abe_Italy"),),
        },
    ),
    "events_without_date": {
        (*lab("Announcement_Draghi_BRI_Reassessment"), "Happened"),
        (*lab("Announcement_Golden_Powers_Chinese_Initiatives_Blocked"), "Happened"),
        (*lab("Announcement_Italy_Presidency_GCAP"), "Happened"),
        (*lab("Deployment_F-35_Japan"), "Planned"),
        (*lab("Deployment_Vespucci_Japan"), "Planned"),
        (*lab("Italian_Electoral_Campaign"), "Happened"),
        (*lab("Meeting_2023_Crosetto_Prabowo"), "Possible"),
        (*lab("Meeting_2026-01_Meloni_Takaichi"), "Planned"),
        (*lab("Meeting_Guerini_Kishi"), "Happened"),
        (*lab("Meeting_Meloni_Taipei_Representative"), "Happened"),
        (*lab("Meeting_Sakai_Credendino_First"), "Happened"),
        (*lab("Missiles_Dropped_in_Poland"), "Happened"),
        (*lab("Negotiations_Italy-China_BRI_Memorandum"), "Happened"),
        (*lab("Tour_2023_Crosetto_Asia"), "Possible"),
        (*lab("Training_Japanese_Pilots_IFTS"), "Planned"),
        (*lab("Visit_2023_Crosetto_Japan"), "Planned"),
        (*lab("Visit_Crosetto_Indonesia"), "Possible"),
        (*lab("Visit_Guerini_Japan"), "Happened"),
        (*lab("Visit_Meloni_China"), "Planned"),
        (*lab("Visit_Meloni_Japan_First_Official"), "Happened"),
        (*lab("War_in_Ukraine"), "Happened"),
    },
    "events_in_indonesia": Paired(
        asserted={
            (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "stated"),
            (*lab("Meeting_2023_Crosetto_Prabowo"), "stated"),
        },
        full={
            (*lab("Meeting_2022-11_G7_Emergency_Bali"), "during"),
            (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "during"),
            (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "during"),
            (*lab("Meeting_2023_Crosetto_Prabowo"), "during"),
            (*lab("Summit_2022-11_G20_Bali"), "stated"),
            (*lab("Tour_2023_Crosetto_Asia"), "stated"),
            (*lab("Visit_Crosetto_Indonesia"), "stated"),
        },
    ),
    "hedged_events_and_invitations": {
        (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "rescheduled", None),
        (*lab("Meeting_2023_Crosetto_Prabowo"), "possible", None),
        (*lab("Tour_2023_Crosetto_Asia"), "possible", None),
        (*lab("Visit_Crosetto_Indonesia"), "possible", None),
        (*lab("Visit_Meloni_China"), "invited", "Giorgia_Meloni"),
    },
    "japan_prime_minister_as_of_each_article": {
        ("000_a4b397bc01061804", "2023-01-10", "Fumio_Kishida", "2023-01-10"),
        ("001_cc7736c37995a10d", "2023-01", "Fumio_Kishida", "2023-01-31"),
        ("002_7b46b79a9830cf4e", "2024", "Fumio_Kishida", "2024-12-31"),
        ("004_3b00b535ec90c5dc", "2026-01-14", "Sanae_Takaichi", "2025-12-31"),
    },
    "joint_positions": {
        (
            *lab("Statement_Chinese_Economic_Coercion_Italy_Japan"),
            "concern",
            "Italy, Japan",
            "Chinese_Economic_Coercion",
        ),
        (
            *lab("Statement_Commonality_of_View_Italy_Japan"),
            "position",
            "Italy, Japan",
            "China_Assertiveness, War_in_Ukraine",
        ),
        (*lab("Statement_Inseparable_Security_Italy_Japan"), "position", "Italy, Japan", "Europe, Indo-Pacific"),
        (*lab("Statement_Shared_Approach_Italy_Japan"), "position", "Italy, Japan", "International_Law"),
        (
            *lab("Statement_Shared_Challenges_Italy_Japan"),
            "concern",
            "Italy, Japan",
            "North_Korean_Nuclear_Programme, Russian_Aggression",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "announcement",
            "Italy, Japan",
            "Italy, Italy-Japan_Strategic_Partnership, Japan",
        ),
    },
    "meeting_outcomes": Paired(
        asserted=(
            _MEETING_OUTCOMES_ASSERTED := {
                (
                    *lab("Meeting_2022-05_Kishida_Johnson"),
                    "Japan-UK_Reciprocal_Access_Agreement",
                    "Agreement",
                    "signed",
                    "2022-05",
                ),
                (
                    *lab("Meeting_2022-11_Meloni_Xi_Bali"),
                    "Statement_Exports_to_China_Meloni",
                    "Statement",
                    None,
                    "2022-11",
                ),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "Visit_Meloni_China", "Visit", "planned", None),
                (
                    *lab("Meeting_2023-01-10_Meloni_Kishida"),
                    "Commitment_2023-01-10_Strengthening_Bilateral_Relations",
                    "Commitment",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2023-01-10_Meloni_Kishida"),
                    "Italy-Japan_2plus2",
                    "Initiative, Mechanism",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2023-01-10_Meloni_Kishida"),
                    "Italy-Japan_Strategic_Partnership",
                    "Partnership",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2023-01-10_Meloni_Kishida"),
                    "Understanding_2023-01-10_G7_Presidency",
                    "Understanding",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2023-06_Sakai_Credendino"),
                    "Commitment_2023_Naval_Cooperation",
                    "Commitment",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2024_Meloni_Kishida"),
                    "Commitment_2024_Cooperation_China",
                    "Commitment",
                    "agreed",
                    None,
                ),
                (
                    *lab("Meeting_2024_Meloni_Kishida"),
                    "Commitment_2024_G7_Summit_Success",
                    "Commitment",
                    "agreed",
                    None,
                ),
                (*lab("Meeting_2024_Meloni_Kishida"), "Commitment_2024_Sanctions_Russia", "Commitment", "agreed", None),
                (
                    *lab("Meeting_2024_Meloni_Kishida"),
                    "Commitment_2024_Security_Defence_Collaboration",
                    "Commitment",
                    "agreed",
                    None,
                ),
                (*lab("Meeting_2024_Meloni_Kishida"), "Commitment_2024_Support_Ukraine", "Commitment", "agreed", None),
            }
        ),
        full=_MEETING_OUTCOMES_ASSERTED
        | {
            (
                *lab("Meeting_2023-01-10_Meloni_Kishida"),
                "Consultation_Italy-Japan_2plus2_first_round",
                "Meeting",
                "planned",
                "2023",
            ),
            (
                *lab("Meeting_2023-01-10_Meloni_Kishida"),
                "Consultation_Italy-Japan_2plus2_first_round",
                "Meeting",
                "planned",
                "2024-03",
            ),
            (
                *lab("Meeting_2024_Meloni_Kishida"),
                "Consultation_Italy-Japan_2plus2_first_round",
                "Meeting",
                "planned",
                "2023",
            ),
            (
                *lab("Meeting_2024_Meloni_Kishida"),
                "Consultation_Italy-Japan_2plus2_first_round",
                "Meeting",
                "planned",
                "2024-03",
            ),
            (*lab("Summit_2025-07_EU-Japan"), "Competitiveness_Alliance", "Alliance, Initiative", None, None),
        },
    ),
    "meetings_in_time_order": Paired(
        asserted=(
            _MEETINGS_IN_TIME_ORDER_ASSERTED := {
                (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2023", "year", "2023-01-01", "2023-12-31"),
                (*lab("Consultation_Italy-Japan_2plus2_first_round"), "2024-03", "month", "2024-03-01", "2024-03-31"),
                (*lab("Meeting_2021-01_Joint_Working_Group_3"), "2021-01", "month", "2021-01-01", "2021-01-31"),
                (*lab("Meeting_2022-05_Kishida_Johnson"), "2022-05", "month", "2022-05-01", "2022-05-31"),
                (*lab("Meeting_2022-11_G7_Emergency_Bali"), "2022-11", "month", "2022-11-01", "2022-11-30"),
                (*lab("Meeting_2022-11_Meloni_Kishida_Bali"), "2022-11", "month", "2022-11-01", "2022-11-30"),
                (*lab("Meeting_2022-11_Meloni_Xi_Bali"), "2022-11", "month", "2022-11-01", "2022-11-30"),
                (*lab("Meeting_2022-12_Crosetto_Prabowo_Rome"), "2022-12", "month", "2022-12-01", "2022-12-31"),
                (*lab("Meeting_2023-01-10_Meloni_Kishida"), "2023-01-10", "day", "2023-01-10", "2023-01-10"),
                (*lab("Meeting_2023-01-13_Kishida_Biden"), "2023-01-13", "day", "2023-01-13", "2023-01-13"),
                (*lab("Meeting_2023-06_Sakai_Credendino"), "2023-06", "month", "2023-06-01", "2023-06-30"),
                (*lab("Meeting_2024_Meloni_Kishida"), "2024", "year", "2024-01-01", "2024-12-31"),
                (*lab("Meeting_2025_Meloni_Takaichi"), "2025", "year", "2025-01-01", "2025-12-31"),
            }
        ),
        full=_MEETINGS_IN_TIME_ORDER_ASSERTED
        | {
            (*lab("PhoneCall_2025_Meloni_Takaichi"), "2025", "season or part of a year", "2025-09-01", "2025-12-31"),
            (*lab("Summit_2022-11_G20_Bali"), "2022-11", "month", "2022-11-01", "2022-11-30"),
            (*lab("Summit_2023-05_G7_Hiroshima"), "2023", "year", "2023-01-01", "2023-12-31"),
            (*lab("Summit_2023-05_G7_Hiroshima"), "2023-05", "month", "2023-05-01", "2023-05-31"),
            (*lab("Summit_2024-06_G7_Italy"), "2024", "year", "2024-01-01", "2024-12-31"),
            (*lab("Summit_2024-06_G7_Italy"), "2024-06", "month", "2024-06-01", "2024-06-30"),
            (*lab("Summit_2025-07_EU-Japan"), "2025-07", "month", "2025-07-01", "2025-07-31"),
            (*lab("Summit_2025_TICAD9"), "2025", "year", "2025-01-01", "2025-12-31"),
        },
    ),
    "statements_who_said_what": {
        (*lab("Statement_2plus2_Step_Important_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (
            *lab("Statement_2plus2_Step_Important_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy-Japan_2plus2",
            None,
            None,
        ),
        (
            *lab("Statement_2plus2_Step_Important_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy-Japan_Strategic_Partnership",
            None,
            None,
        ),
        (*lab("Statement_2plus2_Step_Important_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (*lab("Statement_Appreciation_Italy_Kishida"), "Fumio_Kishida", "welcome", "Indo-Pacific", "2023-01-10", None),
        (*lab("Statement_Appreciation_Italy_Kishida"), "Fumio_Kishida", "welcome", "Italy", "2023-01-10", None),
        (
            *lab("Statement_Appreciation_Italy_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Japan_National_Security_Strategy_2022",
            "2023-01-10",
            None,
        ),
        (
            *lab("Statement_Appreciation_Italy_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Statement_Support_National_Security_Documents_Meloni",
            "2023-01-10",
            None,
        ),
        (
            *lab("Statement_Appreciation_Italy_Prabowo"),
            "Prabowo_Subianto",
            "welcome",
            "Italy",
            "2022-12",
            "the appreciation for Italy’s commitment in the current geostrategic framework and for its technological excellence",
        ),
        (
            *lab("Statement_BRI_Little_Benefit_INPAC_Times"),
            "INPAC_Times",
            "assessment",
            "Belt_and_Road_Initiative",
            None,
            None,
        ),
        (*lab("Statement_BRI_Little_Benefit_INPAC_Times"), "INPAC_Times", "assessment", "Italy", None, None),
        (
            *lab("Statement_BRI_Rebalance_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Announcement_2019_Italy_Joins_BRI",
            None,
            None,
        ),
        (
            *lab("Statement_BRI_Rebalance_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Belt_and_Road_Initiative",
            None,
            None,
        ),
        (*lab("Statement_BRI_Rebalance_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (
            *lab("Statement_BRI_Rebalance_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy_FOIP_Endorsement",
            None,
            None,
        ),
        (*lab("Statement_BRI_Rebalance_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (*lab("Statement_BRI_Rebalance_The_Diplomat"), "The_Diplomat", "assessment", "Luigi_Di_Mai", None, None),
        (
            *lab("Statement_BRI_Rebalance_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Visit_2019_Abe_Italy",
            None,
            None,
        ),
        (*lab("Statement_China_Hegemonic_INPAC_Times"), "INPAC_Times", "assessment", "China", None, None),
        (
            *lab("Statement_China_Relief_Draghi_End_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Announcement_2022-07_Draghi_Resignation",
            None,
            None,
        ),
        (*lab("Statement_China_Relief_Draghi_End_The_Diplomat"), "The_Diplomat", "assessment", "China", None, None),
        (
            *lab("Statement_China_Relief_Draghi_End_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Giorgia_Meloni",
            None,
            None,
        ),
        (*lab("Statement_China_Relief_Draghi_End_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (
            *lab("Statement_China_Relief_Draghi_End_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Mario_Draghi",
            None,
            None,
        ),
        (*lab("Statement_China_Relief_Draghi_End_The_Diplomat"), "The_Diplomat", "assessment", "Taiwan", None, None),
        (
            *lab("Statement_Chinese_Economic_Coercion_Italy_Japan"),
            "Italy",
            "concern",
            "Chinese_Economic_Coercion",
            None,
            None,
        ),
        (
            *lab("Statement_Chinese_Economic_Coercion_Italy_Japan"),
            "Japan",
            "concern",
            "Chinese_Economic_Coercion",
            None,
            None,
        ),
        (
            *lab("Statement_Common_Values_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Democracy",
            None,
            "Our countries are bound by long-standing, deep-rooted relations, which today are strengthened by broad common values, starting from fundamental ones: freedom, democracy, and the rule of law",
        ),
        (
            *lab("Statement_Common_Values_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Freedom",
            None,
            "Our countries are bound by long-standing, deep-rooted relations, which today are strengthened by broad common values, starting from fundamental ones: freedom, democracy, and the rule of law",
        ),
        (
            *lab("Statement_Common_Values_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Italy",
            None,
            "Our countries are bound by long-standing, deep-rooted relations, which today are strengthened by broad common values, starting from fundamental ones: freedom, democracy, and the rule of law",
        ),
        (
            *lab("Statement_Common_Values_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Japan",
            None,
            "Our countries are bound by long-standing, deep-rooted relations, which today are strengthened by broad common values, starting from fundamental ones: freedom, democracy, and the rule of law",
        ),
        (
            *lab("Statement_Common_Values_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Rule_of_Law",
            None,
            "Our countries are bound by long-standing, deep-rooted relations, which today are strengthened by broad common values, starting from fundamental ones: freedom, democracy, and the rule of law",
        ),
        (*lab("Statement_Commonality_of_View_Italy_Japan"), "Italy", "position", "China_Assertiveness", None, None),
        (*lab("Statement_Commonality_of_View_Italy_Japan"), "Italy", "position", "War_in_Ukraine", None, None),
        (*lab("Statement_Commonality_of_View_Italy_Japan"), "Japan", "position", "China_Assertiveness", None, None),
        (*lab("Statement_Commonality_of_View_Italy_Japan"), "Japan", "position", "War_in_Ukraine", None, None),
        (
            *lab("Statement_Connected_Scenarios_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Freedom",
            None,
            "This is the reason why I see a strong connection between actions conducted to safeguard security and freedom in the Mediterranean, Indian Ocean, and the Indo-Pacific: these are closely connected scenarios",
        ),
        (
            *lab("Statement_Connected_Scenarios_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Indian_Ocean",
            None,
            "This is the reason why I see a strong connection between actions conducted to safeguard security and freedom in the Mediterranean, Indian Ocean, and the Indo-Pacific: these are closely connected scenarios",
        ),
        (
            *lab("Statement_Connected_Scenarios_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Indo-Pacific",
            None,
            "This is the reason why I see a strong connection between actions conducted to safeguard security and freedom in the Mediterranean, Indian Ocean, and the Indo-Pacific: these are closely connected scenarios",
        ),
        (
            *lab("Statement_Connected_Scenarios_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Mediterranean",
            None,
            "This is the reason why I see a strong connection between actions conducted to safeguard security and freedom in the Mediterranean, Indian Ocean, and the Indo-Pacific: these are closely connected scenarios",
        ),
        (*lab("Statement_Coordination_Indo-Pacific_Italy"), "Italy", "intent", "Indo-Pacific", None, None),
        (*lab("Statement_Counter_China_Assertiveness_Japan"), "Japan", "concern", "China", None, None),
        (*lab("Statement_Counter_China_Assertiveness_Japan"), "Japan", "concern", "China_Assertiveness", None, None),
        (*lab("Statement_Counter_China_Assertiveness_Japan"), "Japan", "intent", "China", None, None),
        (*lab("Statement_Counter_China_Assertiveness_Japan"), "Japan", "intent", "China_Assertiveness", None, None),
        (
            *lab("Statement_Deepen_Collaboration_Kishida"),
            "Fumio_Kishida",
            "announcement",
            "Commitment_2024_Security_Defence_Collaboration",
            None,
            None,
        ),
        (
            *lab("Statement_Deepen_Collaboration_Kishida"),
            "Fumio_Kishida",
            "announcement",
            "Security_and_Defence",
            None,
            None,
        ),
        (
            *lab("Statement_Deployment_Plan_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Deployment_2024_Cavour",
            None,
            None,
        ),
        (
            *lab("Statement_Deployment_Plan_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Deployment_F-35_Japan",
            None,
            None,
        ),
        (
            *lab("Statement_Deployment_Plan_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Deployment_Vespucci_Japan",
            None,
            None,
        ),
        (*lab("Statement_Deployment_Plan_Meloni"), "Giorgia_Meloni", "announcement", "Japan", None, None),
        (
            *lab("Statement_Draghi_China_Policy_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Announcement_Draghi_BRI_Reassessment",
            None,
            None,
        ),
        (
            *lab("Statement_Draghi_China_Policy_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Announcement_Golden_Powers_Chinese_Initiatives_Blocked",
            None,
            None,
        ),
        (*lab("Statement_Draghi_China_Policy_The_Diplomat"), "The_Diplomat", "assessment", "China", None, None),
        (*lab("Statement_Draghi_China_Policy_The_Diplomat"), "The_Diplomat", "assessment", "Euro-Atlantic", None, None),
        (*lab("Statement_Draghi_China_Policy_The_Diplomat"), "The_Diplomat", "assessment", "Golden_Powers", None, None),
        (*lab("Statement_Draghi_China_Policy_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Draghi_China_Policy_The_Diplomat"), "The_Diplomat", "assessment", "Mario_Draghi", None, None),
        (
            *lab("Statement_Draghi_Resignation_Welcome_Chinese_Media"),
            "Chinese_Media",
            "welcome",
            "Announcement_2022-07_Draghi_Resignation",
            None,
            None,
        ),
        (
            *lab("Statement_Draghi_Resignation_Welcome_Chinese_Media"),
            "Chinese_Media",
            "welcome",
            "Mario_Draghi",
            None,
            None,
        ),
        (
            *lab("Statement_Exports_Obsession_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italian_Exports_to_China",
            None,
            None,
        ),
        (*lab("Statement_Exports_Obsession_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Exports_to_China_Meloni"), "Giorgia_Meloni", "intent", "China", "2022-11", None),
        (
            *lab("Statement_Exports_to_China_Meloni"),
            "Giorgia_Meloni",
            "intent",
            "Italian_Exports_to_China",
            "2022-11",
            None,
        ),
        (
            *lab("Statement_G7_Convergence_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "G7",
            "2023-01-10",
            "A strong convergence of views on the main points of the Japanese presidency of the G7",
        ),
        (
            *lab("Statement_G7_Convergence_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy",
            "2023-01-10",
            "A strong convergence of views on the main points of the Japanese presidency of the G7",
        ),
        (
            *lab("Statement_G7_Convergence_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Japan",
            "2023-01-10",
            "A strong convergence of views on the main points of the Japanese presidency of the G7",
        ),
        (
            *lab("Statement_G7_Convergence_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Meeting_2023-01-10_Meloni_Kishida",
            "2023-01-10",
            "A strong convergence of views on the main points of the Japanese presidency of the G7",
        ),
        (
            *lab("Statement_G7_Convergence_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Understanding_2023-01-10_G7_Presidency",
            "2023-01-10",
            "A strong convergence of views on the main points of the Japanese presidency of the G7",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Atomic_Threat",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Free_and_Open_International_Order",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "G7",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Russia",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Russian_Aggression",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Sanctions_against_Russia",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Support_for_Ukraine",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_G7_Determination_Kishida"),
            "Fumio_Kishida",
            "position",
            "Ukraine",
            "2023-01-10",
            "it is necessary to show firm determination in condemning the atomic threat and defending a free and open international order. In particular, to be united in the face of Russian aggression and to continue and strengthen both the severe sanctions against Russia and the decisive support for Ukraine",
        ),
        (
            *lab("Statement_GCAP_Expectation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "GCAP",
            "2023-01-10",
            "that this collaboration will stimulate cooperation between the industries of the respective countries, trigger wider effects in society and the economy, and lay the foundations for medium- and long-term bilateral cooperation in the context of safety",
        ),
        (
            *lab("Statement_GCAP_Expectation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Industrial_Cooperation",
            "2023-01-10",
            "that this collaboration will stimulate cooperation between the industries of the respective countries, trigger wider effects in society and the economy, and lay the foundations for medium- and long-term bilateral cooperation in the context of safety",
        ),
        (
            *lab("Statement_GCAP_Expectation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Italy",
            "2023-01-10",
            "that this collaboration will stimulate cooperation between the industries of the respective countries, trigger wider effects in society and the economy, and lay the foundations for medium- and long-term bilateral cooperation in the context of safety",
        ),
        (
            *lab("Statement_GCAP_Expectation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Japan",
            "2023-01-10",
            "that this collaboration will stimulate cooperation between the industries of the respective countries, trigger wider effects in society and the economy, and lay the foundations for medium- and long-term bilateral cooperation in the context of safety",
        ),
        (
            *lab("Statement_GCAP_Repercussions_Meloni"),
            "Giorgia_Meloni",
            "assessment",
            "Civil_Sector",
            "2023-01-10",
            "will have important repercussions on the productive sectors, also in the civil sector, and in the field of scientific research",
        ),
        (
            *lab("Statement_GCAP_Repercussions_Meloni"),
            "Giorgia_Meloni",
            "assessment",
            "GCAP",
            "2023-01-10",
            "will have important repercussions on the productive sectors, also in the civil sector, and in the field of scientific research",
        ),
        (
            *lab("Statement_GCAP_Repercussions_Meloni"),
            "Giorgia_Meloni",
            "assessment",
            "Productive_Sectors",
            "2023-01-10",
            "will have important repercussions on the productive sectors, also in the civil sector, and in the field of scientific research",
        ),
        (
            *lab("Statement_GCAP_Repercussions_Meloni"),
            "Giorgia_Meloni",
            "assessment",
            "Scientific_Research",
            "2023-01-10",
            "will have important repercussions on the productive sectors, also in the civil sector, and in the field of scientific research",
        ),
        (
            *lab("Statement_Geographical_Distance_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Europe",
            None,
            "The geographical distance between Europe and the Indo-Pacific",
        ),
        (
            *lab("Statement_Geographical_Distance_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Europe",
            None,
            "is, therefore, much smaller than it seems, and security implications for the two regions influence each other",
        ),
        (
            *lab("Statement_Geographical_Distance_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Indo-Pacific",
            None,
            "The geographical distance between Europe and the Indo-Pacific",
        ),
        (
            *lab("Statement_Geographical_Distance_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Indo-Pacific",
            None,
            "is, therefore, much smaller than it seems, and security implications for the two regions influence each other",
        ),
        (*lab("Statement_Growing_Convergence_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Growing_Convergence_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Growing_Convergence_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Visit_2023-01_Kishida_Italy",
            None,
            None,
        ),
        (*lab("Statement_Hong_Kong_Support_League"), "League", "position", "Hong_Kong", None, None),
        (*lab("Statement_Indo-Pacific_Relevance_Italy"), "Italy", "assessment", "Indo-Pacific", None, None),
        (*lab("Statement_Indo-Pacific_Relevance_Italy"), "Italy", "assessment", "International_Stability", None, None),
        (*lab("Statement_Inseparable_Security_Italy_Japan"), "Italy", "position", "Europe", None, None),
        (*lab("Statement_Inseparable_Security_Italy_Japan"), "Italy", "position", "Indo-Pacific", None, None),
        (*lab("Statement_Inseparable_Security_Italy_Japan"), "Japan", "position", "Europe", None, None),
        (*lab("Statement_Inseparable_Security_Italy_Japan"), "Japan", "position", "Indo-Pacific", None, None),
        (
            *lab("Statement_Inseparable_Security_Kishida"),
            "Fumio_Kishida",
            "position",
            "Euro-Atlantic",
            "2023-01-10",
            "inseparable",
        ),
        (
            *lab("Statement_Inseparable_Security_Kishida"),
            "Fumio_Kishida",
            "position",
            "Indo-Pacific",
            "2023-01-10",
            "inseparable",
        ),
        (
            *lab("Statement_International_Law_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "International_Law",
            None,
            "Great democratic countries",
        ),
        (
            *lab("Statement_International_Law_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "International_Law",
            None,
            "must assume the burden of defending the essential principles of international law, which are there to protect civil co-existence.",
        ),
        (
            *lab("Statement_Invasion_Not_Only_Europe_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Europe",
            "2022-05",
            "is not just a problem which concerns Europe. The international order encompassing the Indo-Pacific is also at stake",
        ),
        (
            *lab("Statement_Invasion_Not_Only_Europe_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Indo-Pacific",
            "2022-05",
            "is not just a problem which concerns Europe. The international order encompassing the Indo-Pacific is also at stake",
        ),
        (
            *lab("Statement_Invasion_Not_Only_Europe_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Russia",
            "2022-05",
            "is not just a problem which concerns Europe. The international order encompassing the Indo-Pacific is also at stake",
        ),
        (
            *lab("Statement_Invasion_Not_Only_Europe_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "War_in_Ukraine",
            "2022-05",
            "is not just a problem which concerns Europe. The international order encompassing the Indo-Pacific is also at stake",
        ),
        (
            *lab("Statement_Italy_Presence_IndoPacific_Meloni"),
            "Giorgia_Meloni",
            "intent",
            "Indo-Pacific",
            None,
            "Italy intends to have an increasingly significant presence in the Indo-Pacific",
        ),
        (
            *lab("Statement_Italy_Presence_IndoPacific_Meloni"),
            "Giorgia_Meloni",
            "intent",
            "Italy",
            None,
            "Italy intends to have an increasingly significant presence in the Indo-Pacific",
        ),
        (
            *lab("Statement_Japan_Friendly_Nation_Meloni"),
            "Giorgia_Meloni",
            "position",
            "Italy",
            "2023-01-10",
            "a friendly nation",
        ),
        (
            *lab("Statement_Japan_Friendly_Nation_Meloni"),
            "Giorgia_Meloni",
            "position",
            "Italy",
            "2023-01-10",
            "partner of central and strategic importance for Italy’s interests",
        ),
        (
            *lab("Statement_Japan_Friendly_Nation_Meloni"),
            "Giorgia_Meloni",
            "position",
            "Japan",
            "2023-01-10",
            "a friendly nation",
        ),
        (
            *lab("Statement_Japan_Friendly_Nation_Meloni"),
            "Giorgia_Meloni",
            "position",
            "Japan",
            "2023-01-10",
            "partner of central and strategic importance for Italy’s interests",
        ),
        (*lab("Statement_Japan_Military_Buildup_INPAC_Times"), "INPAC_Times", "assessment", "Japan", None, None),
        (
            *lab("Statement_Japan_Motivations_Tempest_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Euro-Atlantic",
            None,
            None,
        ),
        (*lab("Statement_Japan_Motivations_Tempest_The_Diplomat"), "The_Diplomat", "assessment", "GCAP", None, None),
        (
            *lab("Statement_Japan_Motivations_Tempest_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Indo-Pacific",
            None,
            None,
        ),
        (*lab("Statement_Japan_Motivations_Tempest_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Japan_Motivations_Tempest_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Japan-US_Partnership",
            None,
            None,
        ),
        (
            *lab("Statement_Japan_Motivations_Tempest_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "United_States",
            None,
            None,
        ),
        (
            *lab("Statement_Japan_Security_Rethink_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy-Japan_Strategic_Partnership",
            None,
            None,
        ),
        (*lab("Statement_Japan_Security_Rethink_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Japan_Security_Rethink_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Japan_National_Security_Strategy_2022",
            None,
            None,
        ),
        (
            *lab("Statement_Japan_Security_Rethink_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "War_in_Ukraine",
            None,
            None,
        ),
        (
            *lab("Statement_Mechanism_Start_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Exercise_2024_Italy_Japan",
            None,
            "The new consultation mechanism on security and defense will start in March, and there will be important joint military exercises",
        ),
        (
            *lab("Statement_Mechanism_Start_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy-Japan_2plus2",
            None,
            "The new consultation mechanism on security and defense will start in March, and there will be important joint military exercises",
        ),
        (
            *lab("Statement_Mediterranean_Focus_Italian_Defence"),
            "Italian_Defence",
            "position",
            "Mediterranean",
            None,
            None,
        ),
        (*lab("Statement_Meeting_Announced_Italian_Delegation"), "Italy", "announcement", "China", None, None),
        (
            *lab("Statement_Meeting_Announced_Italian_Delegation"),
            "Italy",
            "announcement",
            "Meeting_2022-11_Meloni_Xi_Bali",
            None,
            None,
        ),
        (*lab("Statement_Meeting_Significance_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Meeting_Significance_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Meeting_Significance_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Meeting_2023-01-10_Meloni_Kishida",
            None,
            None,
        ),
        (
            *lab("Statement_Meloni_Viewed_In_Taipei_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Giorgia_Meloni",
            None,
            None,
        ),
        (*lab("Statement_Meloni_Viewed_In_Taipei_The_Diplomat"), "The_Diplomat", "assessment", "Taiwan", None, None),
        (*lab("Statement_New_Level_The_Diplomat"), "The_Diplomat", "assessment", "China", None, None),
        (*lab("Statement_New_Level_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_New_Level_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_New_Level_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Meeting_2023-01-10_Meloni_Kishida",
            None,
            None,
        ),
        (
            *lab("Statement_No_One-Sided_Force_Kishida"),
            "Fumio_Kishida",
            "position",
            "Indo-Pacific",
            "2022-05",
            "we cannot allow a one-sided show of force in the Indo-Pacific.",
        ),
        (
            *lab("Statement_No_One-Sided_Force_Kishida"),
            "Fumio_Kishida",
            "position",
            "One-Sided_Show_of_Force_Indo-Pacific",
            "2022-05",
            "we cannot allow a one-sided show of force in the Indo-Pacific.",
        ),
        (
            *lab("Statement_Presidency_Announcement_Systemic_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Announcement_Italy_Presidency_GCAP",
            None,
            None,
        ),
        (
            *lab("Statement_Presidency_Announcement_Systemic_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "GCAP",
            None,
            None,
        ),
        (
            *lab("Statement_Presidency_Announcement_Systemic_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy",
            None,
            None,
        ),
        (*lab("Statement_Relations_Less_Developed_Dell_Era"), "Alice_Dell_Era", "assessment", "Europe", None, None),
        (*lab("Statement_Relations_Less_Developed_Dell_Era"), "Alice_Dell_Era", "assessment", "Italy", None, None),
        (*lab("Statement_Relations_Less_Developed_Dell_Era"), "Alice_Dell_Era", "assessment", "Japan", None, None),
        (
            *lab("Statement_Relations_With_Rome_Serve_Tokyo_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Italy",
            None,
            None,
        ),
        (
            *lab("Statement_Relations_With_Rome_Serve_Tokyo_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Japan",
            None,
            None,
        ),
        (
            *lab("Statement_Relations_With_Rome_Serve_Tokyo_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Security_and_Defence",
            None,
            None,
        ),
        (
            *lab("Statement_Satisfaction_Meeting_Guerini"),
            "Lorenzo_Guerini",
            "welcome",
            "Meeting_Guerini_Kishi",
            None,
            None,
        ),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Cinema", "2023-01-10", None),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Diplomacy", "2023-01-10", None),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Investment", "2023-01-10", None),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Italy", "2023-01-10", None),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Japan", "2023-01-10", None),
        (*lab("Statement_Sectors_Kishida"), "Fumio_Kishida", "position", "Railways", "2023-01-10", None),
        (*lab("Statement_Shared_Approach_Italy_Japan"), "Italy", "position", "International_Law", None, None),
        (*lab("Statement_Shared_Approach_Italy_Japan"), "Japan", "position", "International_Law", None, None),
        (
            *lab("Statement_Shared_Challenges_Italy_Japan"),
            "Italy",
            "concern",
            "North_Korean_Nuclear_Programme",
            None,
            None,
        ),
        (*lab("Statement_Shared_Challenges_Italy_Japan"), "Italy", "concern", "Russian_Aggression", None, None),
        (
            *lab("Statement_Shared_Challenges_Italy_Japan"),
            "Japan",
            "concern",
            "North_Korean_Nuclear_Programme",
            None,
            None,
        ),
        (*lab("Statement_Shared_Challenges_Italy_Japan"), "Japan", "concern", "Russian_Aggression", None, None),
        (
            *lab("Statement_Stable_Cooperation_Kishida"),
            "Fumio_Kishida",
            "position",
            "Investment",
            "2023-01-10",
            "It is important that our countries, bound by mutual trust and common purpose, advance stable cooperation in trade, investment, research and development",
        ),
        (
            *lab("Statement_Stable_Cooperation_Kishida"),
            "Fumio_Kishida",
            "position",
            "Italy",
            "2023-01-10",
            "It is important that our countries, bound by mutual trust and common purpose, advance stable cooperation in trade, investment, research and development",
        ),
        (
            *lab("Statement_Stable_Cooperation_Kishida"),
            "Fumio_Kishida",
            "position",
            "Japan",
            "2023-01-10",
            "It is important that our countries, bound by mutual trust and common purpose, advance stable cooperation in trade, investment, research and development",
        ),
        (
            *lab("Statement_Stable_Cooperation_Kishida"),
            "Fumio_Kishida",
            "position",
            "Research_and_Development",
            "2023-01-10",
            "It is important that our countries, bound by mutual trust and common purpose, advance stable cooperation in trade, investment, research and development",
        ),
        (
            *lab("Statement_Stable_Cooperation_Kishida"),
            "Fumio_Kishida",
            "position",
            "Trade",
            "2023-01-10",
            "It is important that our countries, bound by mutual trust and common purpose, advance stable cooperation in trade, investment, research and development",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Fumio_Kishida",
            "announcement",
            "Italy",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Fumio_Kishida",
            "announcement",
            "Italy-Japan_Strategic_Partnership",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Fumio_Kishida",
            "announcement",
            "Japan",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy-Japan_Strategic_Partnership",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Kishida_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Japan",
            "2023-01-10",
            "strengthening contacts at every level and the opening of new perspectives for citizens and companies.",
        ),
        (
            *lab("Statement_Strategic_Partnership_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy",
            "2023-01-10",
            "raise our relations to the level of a strategic partnership, a significant step which implies strengthening our contacts at every level and opening up new perspectives for our citizens and our companies",
        ),
        (
            *lab("Statement_Strategic_Partnership_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Italy-Japan_Strategic_Partnership",
            "2023-01-10",
            "raise our relations to the level of a strategic partnership, a significant step which implies strengthening our contacts at every level and opening up new perspectives for our citizens and our companies",
        ),
        (
            *lab("Statement_Strategic_Partnership_Meloni"),
            "Giorgia_Meloni",
            "announcement",
            "Japan",
            "2023-01-10",
            "raise our relations to the level of a strategic partnership, a significant step which implies strengthening our contacts at every level and opening up new perspectives for our citizens and our companies",
        ),
        (*lab("Statement_Support_EU_Strategy_Italy"), "Italy", "position", "European_Union", None, None),
        (*lab("Statement_Support_EU_Strategy_Italy"), "Italy", "position", "European_Union_Strategy", None, None),
        (
            *lab("Statement_Support_National_Security_Documents_Meloni"),
            "Giorgia_Meloni",
            "position",
            "Japan_National_Security_Strategy_2022",
            None,
            None,
        ),
        (*lab("Statement_Taiwan_Priority_Meloni"), "Giorgia_Meloni", "position", "Taiwan", None, None),
        (
            *lab("Statement_Technology_Progress_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Italy",
            None,
            "We deem that the understanding between our nations is open to further interesting progress specifically in the field of technology",
        ),
        (
            *lab("Statement_Technology_Progress_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Japan",
            None,
            "We deem that the understanding between our nations is open to further interesting progress specifically in the field of technology",
        ),
        (
            *lab("Statement_Technology_Progress_Guerini"),
            "Lorenzo_Guerini",
            "assessment",
            "Technology",
            None,
            "We deem that the understanding between our nations is open to further interesting progress specifically in the field of technology",
        ),
        (*lab("Statement_Tempest_Cornerstone_The_Diplomat"), "The_Diplomat", "assessment", "GCAP", None, None),
        (*lab("Statement_Tempest_Cornerstone_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Tempest_Cornerstone_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Tempest_Cornerstone_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Security_and_Defence",
            None,
            None,
        ),
        (*lab("Statement_Tempest_Model_Italy"), "Italy", "intent", "Industrial_Cooperation", None, None),
        (*lab("Statement_Tempest_Model_Italy"), "Italy", "intent", "Japan", None, None),
        (*lab("Statement_Tempest_Model_Italy"), "Italy", "intent", "Tempest", None, None),
        (*lab("Statement_Tempest_Step_For_Italy_The_Diplomat"), "The_Diplomat", "assessment", "Asia", None, None),
        (
            *lab("Statement_Tempest_Step_For_Italy_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "European_Union",
            None,
            None,
        ),
        (*lab("Statement_Tempest_Step_For_Italy_The_Diplomat"), "The_Diplomat", "assessment", "France", None, None),
        (*lab("Statement_Tempest_Step_For_Italy_The_Diplomat"), "The_Diplomat", "assessment", "GCAP", None, None),
        (
            *lab("Statement_Tempest_Step_For_Italy_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Indo-Pacific",
            None,
            None,
        ),
        (*lab("Statement_Tempest_Step_For_Italy_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Tempest_Step_For_Italy_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Tempest_Step_For_Italy_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "United_Kingdom",
            None,
            None,
        ),
        (*lab("Statement_Tempest_Value_Italy"), "Italy", "position", "Tempest", None, None),
        (*lab("Statement_Tokyo_Disappointment_The_Diplomat"), "The_Diplomat", "assessment", "China", None, None),
        (*lab("Statement_Tokyo_Disappointment_The_Diplomat"), "The_Diplomat", "assessment", "Italy", None, None),
        (*lab("Statement_Tokyo_Disappointment_The_Diplomat"), "The_Diplomat", "assessment", "Japan", None, None),
        (
            *lab("Statement_Tokyo_Disappointment_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Meeting_2022-11_Meloni_Xi_Bali",
            None,
            None,
        ),
        (
            *lab("Statement_Tradition_Innovation_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Italy",
            None,
            "Among the elements that bind Italy and Japan",
        ),
        (
            *lab("Statement_Tradition_Innovation_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Italy",
            None,
            "there is that special balance between respecting traditions and the vocation to innovate which characterizes both countries.",
        ),
        (
            *lab("Statement_Tradition_Innovation_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Japan",
            None,
            "Among the elements that bind Italy and Japan",
        ),
        (
            *lab("Statement_Tradition_Innovation_Guerini"),
            "Lorenzo_Guerini",
            "position",
            "Japan",
            None,
            "there is that special balance between respecting traditions and the vocation to innovate which characterizes both countries.",
        ),
        (
            *lab("Statement_Ukraine_Tomorrows_East_Asia_Kishida"),
            "Fumio_Kishida",
            "warning",
            "East_Asia",
            "2022-05",
            "Ukraine might be tomorrow’s East Asia.",
        ),
        (
            *lab("Statement_Ukraine_Tomorrows_East_Asia_Kishida"),
            "Fumio_Kishida",
            "warning",
            "Ukraine",
            "2022-05",
            "Ukraine might be tomorrow’s East Asia.",
        ),
        (
            *lab("Statement_Ukraine_Tomorrows_East_Asia_Kishida"),
            "Fumio_Kishida",
            "warning",
            "War_in_Ukraine",
            "2022-05",
            "Ukraine might be tomorrow’s East Asia.",
        ),
        (*lab("Statement_Ukraine_War_Correlation_Kishida"), "Fumio_Kishida", "assessment", "Japan", "2022-05", None),
        (
            *lab("Statement_Ukraine_War_Correlation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "Japan-UK_Reciprocal_Access_Agreement",
            "2022-05",
            None,
        ),
        (
            *lab("Statement_Ukraine_War_Correlation_Kishida"),
            "Fumio_Kishida",
            "assessment",
            "War_in_Ukraine",
            "2022-05",
            None,
        ),
        (
            *lab("Statement_Very_Productive_Atmosphere_Japanese_Diplomatic_Source"),
            "Japanese_Diplomatic_Source",
            "assessment",
            "Meeting_2023-01-10_Meloni_Kishida",
            None,
            "very productive",
        ),
        (
            *lab("Statement_Welcome_Italy_IndoPacific_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Deployment_2024_Cavour",
            "2024",
            "We welcome that Italy is increasing its presence in the Indo-Pacific region, and that many Italian warships, including an aircraft carrier strike group, are planning to call ports in Japan and conduct joint training exercises this year",
        ),
        (
            *lab("Statement_Welcome_Italy_IndoPacific_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Exercise_2024_Italy_Japan",
            "2024",
            "We welcome that Italy is increasing its presence in the Indo-Pacific region, and that many Italian warships, including an aircraft carrier strike group, are planning to call ports in Japan and conduct joint training exercises this year",
        ),
        (
            *lab("Statement_Welcome_Italy_IndoPacific_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Indo-Pacific",
            "2024",
            "We welcome that Italy is increasing its presence in the Indo-Pacific region, and that many Italian warships, including an aircraft carrier strike group, are planning to call ports in Japan and conduct joint training exercises this year",
        ),
        (
            *lab("Statement_Welcome_Italy_IndoPacific_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "Italy",
            "2024",
            "We welcome that Italy is increasing its presence in the Indo-Pacific region, and that many Italian warships, including an aircraft carrier strike group, are planning to call ports in Japan and conduct joint training exercises this year",
        ),
        (
            *lab("Statement_Welcome_Italy_IndoPacific_Kishida"),
            "Fumio_Kishida",
            "welcome",
            "PortCall_2024_Italian_Warships_Japan",
            "2024",
            "We welcome that Italy is increasing its presence in the Indo-Pacific region, and that many Italian warships, including an aircraft carrier strike group, are planning to call ports in Japan and conduct joint training exercises this year",
        ),
        (*lab("Statement_Welcome_UK_IndoPacific_Japan"), "Japan", "welcome", "Indo-Pacific", None, None),
        (*lab("Statement_Welcome_UK_IndoPacific_Japan"), "Japan", "welcome", "United_Kingdom", None, None),
        (*lab("Statement_Xi_Meeting_Surprising_The_Diplomat"), "The_Diplomat", "assessment", "China", None, None),
        (
            *lab("Statement_Xi_Meeting_Surprising_The_Diplomat"),
            "The_Diplomat",
            "assessment",
            "Meeting_2022-11_Meloni_Xi_Bali",
            None,
            None,
        ),
        (*lab("Statement_Xi_Meeting_Surprising_The_Diplomat"), "The_Diplomat", "assessment", "Xi_Jinping", None, None),
    },
    "what_binds_italy": Paired(
        asserted=(
            _WHAT_BINDS_ITALY_ASSERTED := {
                (*lab("Belt_and_Road_Initiative"), "party", None, None),
                (*lab("GCAP_Agreement"), "party", None, "agreed"),
                (*lab("GCAP_Agreement"), "party", None, "signed"),
                (*lab("Italy-Japan_2plus2"), "party", None, "agreed"),
                (*lab("Italy-Japan_ACSA"), "party", None, "in force"),
                (*lab("Joint_Working_Group"), "party", None, "agreed"),
                (*lab("Mattei_Plan"), "party", None, None),
            }
        ),
        full=_WHAT_BINDS_ITALY_ASSERTED
        | {
            (*lab("Commitment_2023-01-10_Strengthening_Bilateral_Relations"), "party", None, "agreed"),
            (*lab("Commitment_2024_Cooperation_China"), "party", None, "agreed"),
            (*lab("Commitment_2024_G7_Summit_Success"), "party", None, "agreed"),
            (*lab("Commitment_2024_Sanctions_Russia"), "party", None, "agreed"),
            (*lab("Commitment_2024_Security_Defence_Collaboration"), "party", None, "agreed"),
            (*lab("Commitment_2024_Support_Ukraine"), "party", None, "agreed"),
            (*lab("Competitiveness_Alliance"), "membership", "European_Union", None),
            (*lab("EU-Japan_Defence_Industry_Dialogue"), "membership", "European_Union", None),
            (*lab("EU-Japan_Economic_Partnership_Agreement"), "membership", "European_Union", "in force"),
            (*lab("Horizon_Europe"), "membership", "European_Union", None),
            (*lab("Italy-China_BRI_Memorandum"), "party", None, "ended"),
            (*lab("Italy-China_BRI_Memorandum"), "party", None, "signed"),
            (*lab("Italy-Japan_Strategic_Partnership"), "party", None, "agreed"),
            (*lab("Italy_FOIP_Endorsement"), "party", None, "agreed"),
            (*lab("Japan-EU_Security_and_Defence_Partnership"), "membership", "European_Union", "signed"),
            (*lab("Japan_Horizon_Europe_Association"), "membership", "European_Union", "agreed"),
            (*lab("Japan_SAFE_Participation"), "membership", "European_Union", "proposed"),
            (*lab("SAFE"), "membership", "European_Union", None),
            (*lab("Understanding_2023-01-10_G7_Presidency"), "party", None, "agreed"),
        },
    ),
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
