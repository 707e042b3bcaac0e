"""kg draft: exact draft pieces on small articles, drafts left out of the build, and bad input."""

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from helpers import make_project
from kg.cli import cli
from kg.dates import find_article_date, find_dates

KG = Namespace("https://w3id.org/ijkg/ontology#")
ENT = Namespace("https://w3id.org/ijkg/id/")

REGISTRY = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ent:Italy a kg:Country ; skos:prefLabel "Italy"@en ; kg:demonym "Italian"@en .
ent:Japan a kg:Country ; skos:prefLabel "Japan"@en ; kg:demonym "Japanese"@en .
ent:Rome a kg:City ; skos:prefLabel "Rome"@en .
ent:Tokyo a kg:City ; skos:prefLabel "Tokyo"@en .
ent:Giorgia_Meloni a kg:Person ; skos:prefLabel "Giorgia Meloni"@en ; skos:altLabel "Meloni"@en .
ent:Fumio_Kishida a kg:Person ; skos:prefLabel "Fumio Kishida"@en ; skos:altLabel "Kishida"@en .
ent:Prime_Minister_of_Italy a kg:LeaderOffice ; skos:prefLabel "Prime Minister of Italy"@en ;
    skos:altLabel "Italian Prime Minister"@en .
"""

ARTICLE = """\
01/14/2026 | Press release | Distributed by Public
The Italian Prime Minister Giorgia Meloni met Fumio Kishida in Rome last July.
On Monday, Prime Minister Meloni’s adviser Hans Gruber spoke to the press.
MELONI could visit Tokyo next month, according to the Japanese press.
The Ministry of Magic was alarmed late last year.
"""
NAME = "950_00000000000000aa"


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"entities.ttl": REGISTRY}, {f"{NAME}.txt": ARTICLE})


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def drafted(project) -> Graph:
    result = run("draft", "--root", project, project / "data" / "articles" / f"{NAME}.txt")
    assert result.exit_code == 0, result.output
    return Graph().parse(project / "data" / "claims" / f"{NAME}.draft.ttl")


def claims(g: Graph):
    """(subject, predicate, object, resolvedFrom) of every draft claim."""
    out = set()
    for claim in g.subjects(RDF.type, KG.Draft):
        s = g.value(claim, RDF.subject)
        if s is None:
            continue
        out.add((s, g.value(claim, RDF.predicate), g.value(claim, RDF.object), g.value(claim, KG.resolvedFrom)))
    return out


def events(g: Graph, kind):
    return {e for e in g.subjects(RDF.type, kind) if (e, RDF.type, KG.Draft) in g}


# ---------------------------------------------------------------- dates against a dateline


def test_article_date_from_dateline():
    found = find_article_date(ARTICLE)
    assert (found.value, found.precision) == ("2026-01-14", "day")
    assert found.method.startswith("Dateline: '01/14/2026")


@pytest.mark.parametrize(
    "sentence, phrase, value, precision",
    [
        ("They met last July.", "last July", "2025-07", "month"),
        ("On Monday, they spoke.", "On Monday", "2026-01-12", "day"),
        ("They will meet on Monday.", "on Monday", "2026-01-19", "day"),
        ("They spoke a month ago.", "a month ago", "2025-12", "month"),
        ("They spoke late last year.", "late last year", "2025", "season"),
        ("The round is in March of this year.", "in March of this year", "2026-03", "month"),
        ("It happened last spring.", "last spring", "2025", "season"),
        ("It happened in 2023.", "in 2023", "2023", "year"),
        ("Today they met.", "Today", "2026-01-14", "day"),
        ("They have worked together over the last two years.", "over the last two years", "2024", "year"),
        ("Trade grew in the past three months.", "in the past three months", "2025-10", "month"),
        ("They recalled the May summit.", "May", "2025-05", "month"),
        ("He spoke to prepare the ground for the May G7.", "May", "2026-05", "month"),
    ],
)
def test_relative_dates_resolve_against_the_dateline(sentence, phrase, value, precision):
    (found,) = find_dates(sentence, find_article_date(ARTICLE))
    assert (found.phrase, found.value, found.precision) == (phrase, value, precision)


@pytest.mark.parametrize(
    "sentence, value, precision",
    [
        ("At that time, the admirals agreed.", "2025-06-03", "day"),
        ("The news arrived that day.", "2025-06-03", "day"),
        ("The government of that time hesitated.", "2025-06-03", "day"),
        ("Later that year they met again.", "2025", "year"),
        ("In the same month, they signed.", "2025-06", "month"),
    ],
)
def test_that_day_and_that_time_take_the_previous_date(sentence, value, precision):
    article = find_article_date(ARTICLE)
    (previous,) = find_dates("The ship arrived on June 3, 2025.", article)
    (found,) = find_dates(sentence, article, previous=previous)
    assert (found.value, found.precision) == (value, precision)
    assert found.note == "the date of 'on June 3, 2025' before it"


@pytest.mark.parametrize(
    "sentence, phrase, duration",
    [
        ("The meeting was the first in person after two years of limits.", "after two years", "P2Y"),
        ("The partnership has been worked on for over three years.", "for over three years", "P3Y"),
        ("The ship left as part of a five-month deployment to the region.", "a five-month", "P5M"),
        ("It was the first visit by a prime minister in 27 years.", "in 27 years", "P27Y"),
        ("They talked for two weeks.", "for two weeks", "P14D"),
    ],
)
def test_a_span_of_time_is_a_duration_not_a_date(sentence, phrase, duration):
    (found,) = find_dates(sentence, find_article_date(ARTICLE))
    assert (found.phrase, found.duration, found.value) == (phrase, duration, None)
    assert duration in found.describe()


def test_in_n_years_without_first_is_not_a_span():
    assert [d.duration for d in find_dates("They will meet in two years.", find_article_date(ARTICLE))] == []


def test_the_then_office_takes_the_year_of_the_date_before():
    article = find_article_date(ARTICLE)
    (previous,) = find_dates("The ship arrived on June 3, 2025.", article)
    (found,) = find_dates("The talks were led by the then minister of trade.", article, previous=previous)
    assert (found.phrase, found.value, found.precision) == ("the then", "2025", "year")


def test_that_day_without_an_earlier_date_stays_unresolved():
    (found,) = find_dates("The news arrived that day.", find_article_date(ARTICLE))
    assert found.value is None and "earlier date" in found.note


def test_the_draft_resolves_that_day_from_the_sentence_before(project):
    article = project / "data" / "articles" / "953_00000000000000dd.txt"
    article.write_text(
        "01/14/2026 | Press release\nMeloni met Kishida in Rome last July.\nThat day, Meloni visited Tokyo.\n",
        encoding="utf-8",
    )
    result = run("draft", "--root", project, article)
    assert result.exit_code == 0, result.output
    text = (project / "data" / "claims" / "953_00000000000000dd.draft.ttl").read_text(encoding="utf-8")
    assert "# date: 'That day' -> 2025-07 (month); the date of 'last July' before it" in text


def test_a_season_keeps_its_bounds():
    (found,) = find_dates("It happened late last year.", find_article_date(ARTICLE))
    assert (found.earliest, found.latest) == ("2025-09-01", "2025-12-31")


def test_a_year_only_article_resolves_no_finer_than_the_year():
    article = find_article_date("Some text.\nCopyright © 2024 INPAC Times. All Rights Reserved")
    assert (article.value, article.precision) == ("2024", "year")
    (monday,) = find_dates("On Monday, they met.", article)
    assert (monday.value, monday.precision) == ("2024", "year")
    (last_month,) = find_dates("They met last month.", article)
    assert last_month.value is None and "year only" in last_month.note


def test_the_draft_dates_the_meeting_with_its_phrase(project):
    g = drafted(project)
    article = URIRef(f"https://w3id.org/ijkg/article/{NAME}")
    assert g.value(article, KG.publicationDate) == Literal("2026-01-14", datatype=XSD.date)
    (meeting,) = events(g, KG.Meeting)
    got = claims(g)
    assert (meeting, KG.date, Literal("2025-07", datatype=XSD.gYearMonth), Literal("last July")) in got
    assert (meeting, KG.participant, ENT.Giorgia_Meloni, None) in got
    assert (meeting, KG.participant, ENT.Fumio_Kishida, None) in got
    assert (meeting, KG.location, ENT.Rome, None) in got
    assert (meeting, KG.status, KG.Happened, None) in got
    # The office is attested at the earlier date the sentence gives.
    assert (ENT.Giorgia_Meloni, KG.heldOffice, ENT.Prime_Minister_of_Italy, Literal("last July")) in got


# ---------------------------------------------------------------- names


def test_a_known_name_is_linked_through_title_possessive_and_case(project):
    g = drafted(project)
    text = (project / "data" / "claims" / f"{NAME}.draft.ttl").read_text(encoding="utf-8")
    assert "# name: 'Meloni' -> ent:Giorgia_Meloni (label, title 'Prime Minister')" in text
    assert "# name: 'MELONI' -> ent:Giorgia_Meloni (label)" in text
    # Registry entities are linked, never proposed again.
    assert (ENT.Giorgia_Meloni, RDF.type, KG.Draft) not in g


def test_an_unknown_name_is_proposed_as_a_new_entity(project):
    g = drafted(project)
    person = ENT.Hans_Gruber
    assert set(g.objects(person, RDF.type)) == {KG.Person, KG.Draft}
    assert g.value(person, SKOS.prefLabel) == Literal("Hans Gruber", lang="en")
    ministry = ENT.Ministry_of_Magic
    assert set(g.objects(ministry, RDF.type)) == {KG.GovernmentBody, KG.Draft}
    article = URIRef(f"https://w3id.org/ijkg/article/{NAME}")
    assert (article, KG.mentions, person, None) in claims(g)


# ---------------------------------------------------------------- a hedged event


def test_a_hedged_visit_is_possible_with_its_destination_and_month(project):
    g = drafted(project)
    (visit,) = events(g, KG.Visit)
    got = claims(g)
    assert (visit, KG.status, KG.Possible, None) in got
    assert (visit, KG.visitor, ENT.Giorgia_Meloni, None) in got
    assert (visit, KG.destination, ENT.Tokyo, None) in got
    assert (visit, KG.date, Literal("2026-02", datatype=XSD.gYearMonth), Literal("next month")) in got


def test_every_quote_is_a_sentence_of_the_article(project):
    g = drafted(project)
    quotes = [str(q) for q in g.objects(None, KG.quote)]
    assert quotes and all(q in ARTICLE for q in quotes)
    assert "The Italian Prime Minister Giorgia Meloni met Fumio Kishida in Rome last July." in quotes


# ---------------------------------------------------------------- the build and drafts


def test_build_leaves_drafts_out_and_counts_them(project):
    drafted(project)
    result = run("build", "--root", project)
    assert result.exit_code == 0, result.output
    assert "draft claims in 1 file wait for review, left out" in result.output
    asserted = (project / "out" / "asserted.nt").read_text(encoding="utf-8")
    assert "Hans_Gruber" not in asserted and "Draft" not in asserted
    manifest = json.loads((project / "out" / "build.json").read_text(encoding="utf-8"))
    assert manifest["drafts"]["included"] is False and manifest["drafts"]["claims"] > 10


def test_a_draft_being_edited_does_not_stop_a_build_that_leaves_drafts_out(project):
    drafted(project)
    (project / "data" / "claims" / "951_00000000000000bb.draft.ttl").write_text(
        "ent:X a kg:Draft ;\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output + result.stderr
    assert "951_00000000000000bb.draft.ttl does not parse" in result.stderr
    assert "its claims are not counted" in result.stderr and "Traceback" not in result.stderr
    assert "draft claims in 2 files wait for review, left out" in result.output
    # Included, the same file is an error naming it, and nothing is written.
    result = run("build", "--root", project, "--with-drafts")
    assert result.exit_code == 2 and "951_00000000000000bb.draft.ttl" in result.output


def test_build_with_drafts_passes_the_quote_check_and_the_shapes(project):
    drafted(project)
    result = run("build", "--root", project, "--with-drafts")
    assert result.exit_code == 0, result.output
    assert "included in this build" in result.output
    asserted = (project / "out" / "asserted.nt").read_text(encoding="utf-8")
    assert f"<{KG.Draft}>" in asserted and "Hans_Gruber" in asserted


def test_validate_runs_on_a_draft_file(project):
    drafted(project)
    result = run(
        "validate",
        "--root",
        project,
        project / "data" / "entities.ttl",
        project / "data" / "claims" / f"{NAME}.draft.ttl",
    )
    assert result.exit_code == 0, result.output


def test_an_existing_draft_is_not_overwritten(project):
    drafted(project)
    out = project / "data" / "claims" / f"{NAME}.draft.ttl"
    before = out.read_text(encoding="utf-8")
    result = run("draft", "--root", project, project / "data" / "articles" / f"{NAME}.txt")
    assert result.exit_code == 2
    assert "a draft already exists" in result.output and "--force" in result.output
    assert out.read_text(encoding="utf-8") == before
    again = run("draft", "--root", project, project / "data" / "articles" / f"{NAME}.txt", "--force")
    assert again.exit_code == 0, again.output


def test_a_curated_claims_file_is_never_written(project):
    target = project / "data" / "claims" / f"{NAME}.ttl"
    result = run("draft", "--root", project, project / "data" / "articles" / f"{NAME}.txt", "-o", target)
    assert result.exit_code == 2
    assert "only to a file ending in .draft.ttl" in result.output
    assert not target.exists()


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such article file"),
        (b"", "the article is empty"),
        (b"  \n\n", "the article is empty"),
        (b"Meloni met Kishida in caf\xe9 Roma.\n", "line 1: not UTF-8"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(project, content, message):
    article = project / "data" / "articles" / "951_00000000000000bb.txt"
    if content is not None:
        article.write_bytes(content)
    result = run("draft", "--root", project, article)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("kg: error: ") and len(result.output.strip().splitlines()) == 2
    assert not list((project / "data" / "claims").glob("*.draft.ttl"))


def test_an_article_without_a_date_is_a_warning_and_relative_dates_stay_unresolved(project):
    article = project / "data" / "articles" / "952_00000000000000cc.txt"
    article.write_text("Last week, Meloni met Kishida in Rome.\n", encoding="utf-8")
    result = run("draft", "--root", project, article)
    assert result.exit_code == 0, result.output
    assert "kg: warning:" in result.output and "no article date found" in result.output
    text = (project / "data" / "claims" / "952_00000000000000cc.draft.ttl").read_text(encoding="utf-8")
    assert "# date: 'Last week' unresolved: the article's date is not known" in text
    assert 'kg:dateMethod "Not found' in text


# ---------------------------------------------------------------- the rules behind the recall figures

RULES_REGISTRY = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix evd:  <https://w3id.org/ijkg/evidence/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ent:Ruritania a kg:Country ; skos:prefLabel "Ruritania"@en .
ent:Freedonia a kg:Country ; skos:prefLabel "Freedonia"@en ; kg:demonym "Freedonian"@en .
ent:Sylvania a kg:Country ; skos:prefLabel "Sylvania"@en ; kg:demonym "Sylvanian"@en .
ent:Zenda a kg:City ; skos:prefLabel "Zenda"@en .
ent:Grand_Hotel a kg:Building ; skos:prefLabel "Grand Hotel"@en .
ent:G9 a kg:MultilateralBody ; skos:prefLabel "G9"@en .
ent:Freedonian_Navy a kg:ArmedForce ; skos:prefLabel "Freedonian Navy"@en .
ent:Intrepid a kg:Ship ; skos:prefLabel "Intrepid"@en .
ent:Anna_Berg a kg:Person ; skos:prefLabel "Anna Berg"@en ; skos:altLabel "Berg"@en .
ent:Carl_Dahl a kg:Person ; skos:prefLabel "Carl Dahl"@en ; skos:altLabel "Dahl"@en .
ent:Defence_Minister_of_Sylvania a kg:OfficialOffice ; skos:prefLabel "Defence Minister of Sylvania"@en .
ent:Trade_Pact a kg:Agreement ; skos:prefLabel "Trade Pact"@en ; skos:altLabel "pact on fisheries"@en .
ent:Defence_Minister_of_Freedonia a kg:OfficialOffice ; skos:prefLabel "Defence Minister of Freedonia"@en .
ent:Foreign_Minister_of_Freedonia a kg:OfficialOffice ; skos:prefLabel "Foreign Minister of Freedonia"@en .
ent:Eve_Lund a kg:Person ; skos:prefLabel "Eve Lund"@en .
ent:Fishing_Zone a kg:Initiative ; skos:prefLabel "Fishing Zone"@en .
ent:Withdrawal_Freedonia_Zone a kg:Announcement ; skos:prefLabel "Freedonia's withdrawal from the zone"@en .
ent:Meeting_2020-05_Berg_Dahl a kg:Meeting ; skos:prefLabel "Berg-Dahl meeting, May 2020"@en .
ent:Meeting_2021-03_Berg_Dahl a kg:Meeting ; skos:prefLabel "Berg-Dahl meeting, March 2021"@en .
evd:1 a kg:Evidence ; kg:quote "Berg met Dahl in May 2020." ; kg:supports
    [ rdf:subject ent:Meeting_2020-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Anna_Berg ] ,
    [ rdf:subject ent:Meeting_2020-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Carl_Dahl ] ,
    [ rdf:subject ent:Meeting_2020-05_Berg_Dahl ; rdf:predicate kg:date ; rdf:object "2020-05"^^xsd:gYearMonth ] ,
    [ rdf:subject ent:Meeting_2021-03_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Anna_Berg ] ,
    [ rdf:subject ent:Meeting_2021-03_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Carl_Dahl ] ,
    [ rdf:subject ent:Meeting_2021-03_Berg_Dahl ; rdf:predicate kg:date ; rdf:object "2021-03"^^xsd:gYearMonth ] ,
    [ rdf:subject ent:Withdrawal_Freedonia_Zone ; rdf:predicate kg:participant ; rdf:object ent:Freedonia ] ,
    [ rdf:subject ent:Withdrawal_Freedonia_Zone ; rdf:predicate kg:concerns ; rdf:object ent:Fishing_Zone ] .
"""


@pytest.fixture(scope="module")
def rules_registry():
    from kg.draft import registry_from_graph

    return registry_from_graph(Graph().parse(data=RULES_REGISTRY, format="turtle"))


def names(sentence, registry):
    from kg.draft import find_mentions

    return [(m.surface, m.entity.rsplit("/", 1)[-1] if m.entity else None) for m in find_mentions(sentence, registry)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A name the registry writes in lower case matches lower-case text.
        ("They signed a pact on fisheries.", [("pact on fisheries", "Trade_Pact")]),
        # An office "<Title> of <Country>" is also "<demonym> <Title>" and "<Country>'s <Title>".
        (
            "The Sylvanian Defence Minister spoke.",
            [("Sylvanian Defence Minister", "Defence_Minister_of_Sylvania"), ("Sylvanian", "Sylvania")],
        ),
        (
            "Sylvania’s Defence Minister spoke.",
            [("Sylvania’s Defence Minister", "Defence_Minister_of_Sylvania"), ("Sylvania", "Sylvania")],
        ),
        # British and American spellings are one.
        (
            "The Sylvanian Defense Minister spoke.",
            [("Sylvanian Defense Minister", "Defence_Minister_of_Sylvania"), ("Sylvanian", "Sylvania")],
        ),
        # A comma breaks a name: this is Sylvania, then a minister.
        ("In Sylvania, Defence Minister Berg spoke.", [("Sylvania", "Sylvania"), ("Berg", "Anna_Berg")]),
        # Names inside a longer name are mentioned too.
        (
            "The Freedonian Navy sailed.",
            [("Freedonian Navy", "Freedonian_Navy"), ("Freedonian", "Freedonia")],
        ),
        # A country in -a without a demonym has the regular adjective.
        ("A Ruritanian delegation came.", [("Ruritanian", "Ruritania")]),
        # A lone organisation word is a short form of a name already given, not a new entity.
        ("Then the Navy sailed.", []),
    ],
)
def test_name_rules(rules_registry, sentence, expected):
    assert names(sentence, rules_registry) == expected


def draft_events(tmp_path, registry, text, date="2021-06-01"):
    from kg.draft import draft_article

    path = tmp_path / "960_00000000000000ee.txt"
    path.write_text(text + "\n", encoding="utf-8")
    d = draft_article(path, registry, date=date)
    local = lambda iri: iri.rsplit("/", 1)[-1]  # noqa: E731
    return [
        (ev.kind, [local(p) for p in ev.participants], sorted((r, local(p)) for r, p in ev.places), ev.known)
        for ev in d.events
    ], d


@pytest.mark.parametrize(
    "text, expected",
    [
        # An announcement is its announcer's: the actor named last before the cue.
        ("Berg announced a review of Freedonia’s policy.", [("Announcement", ["Anna_Berg"], [], False)]),
        # A ship that visits a port makes a port call, by the forces named before the cue.
        (
            "The Freedonian Navy’s Intrepid visited Zenda, home to the Sylvanian fleet.",
            [("PortCall", ["Freedonian_Navy"], [("destination", "Zenda"), ("ship", "Intrepid")], False)],
        ),
        # "send" cues a deployment when a ship is named; where it goes is not who goes.
        (
            "Berg will send the Freedonian Navy’s Intrepid to Sylvania.",
            [("NavalDeployment", ["Freedonian_Navy"], [("destination", "Sylvania"), ("ship", "Intrepid")], False)],
        ),
        ("Berg will send a message to Sylvania.", []),
        # A meeting has two sides: one person, and the government named after the cue (not where).
        (
            "Berg met with Sylvania’s envoy in Freedonia.",
            [("Meeting", ["Anna_Berg", "Sylvania"], [("location", "Freedonia")], False)],
        ),
        # A group named with a month, a demonym or "in <place>" is its summit; the country is its host.
        ("He prepared for the May G9 in Zenda.", [("Summit", ["G9"], [("location", "Zenda")], False)]),
        ("During the Sylvanian G9, trade grew.", [("Summit", ["G9", "Sylvania"], [], False)]),
        # Names hyphenated into a modifier of a common noun take no part.
        ("It sparked a huddle by the G9 about the Freedonia-Sylvania border.", [("Meeting", ["G9"], [], False)]),
        # A host welcomes its visitors; a country that hosts is the destination.
        (
            "Sylvania welcomed Freedonian Defence Minister Dahl.",
            [("Visit", ["Carl_Dahl", "Sylvania"], [("destination", "Sylvania")], False)],
        ),
        ("Sylvania welcomed the news.", []),
    ],
)
def test_event_rules(tmp_path, rules_registry, text, expected):
    assert draft_events(tmp_path, rules_registry, text)[0] == expected


@pytest.mark.parametrize(
    "text, known",
    [
        ("Berg met Dahl in Zenda in May 2020.", "Meeting_2020-05_Berg_Dahl"),  # the date tells the two apart
        ("Berg met Dahl in March 2021.", "Meeting_2021-03_Berg_Dahl"),
        ("Berg met Dahl in Zenda.", None),  # two fit as well: the steward decides
        ("Berg met Dahl in 2019.", None),  # the date rules both out
        # One participant, the same as the registry event's, and what its claims are about.
        ("When Freedonia withdrew from the Fishing Zone, prices rose.", "Withdrawal_Freedonia_Zone"),
        ("When Freedonia withdrew its ambassador, prices rose.", None),
    ],
)
def test_a_proposed_event_is_linked_to_the_registry_event_it_is(tmp_path, rules_registry, text, known):
    events, d = draft_events(tmp_path, rules_registry, text)
    (event,) = d.events
    assert event.kind in ("Meeting", "Announcement")
    assert event.known is (known is not None)
    if known:
        assert event.iri.endswith("/" + known)
        text = d.turtle()
        assert f"the registry's ent:{known}" in text
        assert f"ent:{known} a kg:" not in text  # not proposed again


def offices(tmp_path, registry, text):
    events, d = draft_events(tmp_path, registry, text)
    local = lambda t: t.strip("<>").rsplit("/", 1)[-1]  # noqa: E731
    return sorted((local(c[0]), local(c[2])) for sd in d.sentences for c in sd.claims if c[1].endswith("#heldOffice>"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # The counterpart holds the same office of the other country the sentence names.
        (
            "Freedonia’s Defence Minister Carl Dahl went to Sylvania, where he met his counterpart Anna Berg.",
            [("Anna_Berg", "Defence_Minister_of_Sylvania"), ("Carl_Dahl", "Defence_Minister_of_Freedonia")],
        ),
        # A title in apposition: the office of the one country the sentence names.
        (
            "In Freedonia, Eve Lund, the technocratic foreign minister, resigned.",
            [("Eve_Lund", "Foreign_Minister_of_Freedonia")],
        ),
        # ... but not of a country someone goes to.
        ("A visit to Freedonia by Eve Lund, foreign minister, is planned.", []),
    ],
)
def test_office_rules(tmp_path, rules_registry, text, expected):
    assert offices(tmp_path, rules_registry, text) == expected


def test_a_tour_takes_its_visits_and_every_listed_destination(tmp_path, rules_registry):
    events, _ = draft_events(
        tmp_path, rules_registry, "Berg is visiting Freedonia, the Sylvania and Ruritania, where the tour ends."
    )
    assert events == [
        (
            "Tour",
            ["Anna_Berg"],
            [("destination", "Freedonia"), ("destination", "Ruritania"), ("destination", "Sylvania")],
            False,
        )
    ]


def test_a_place_south_of_a_city_is_not_a_destination(tmp_path, rules_registry):
    events, _ = draft_events(tmp_path, rules_registry, "The Intrepid visited Zenda, south of Sylvania.")
    assert events == [("PortCall", [], [("destination", "Zenda"), ("ship", "Intrepid")], False)]


def test_a_visit_under_way_is_ongoing(tmp_path):
    text = "01/14/2026 | Press release\nGiorgia Meloni is currently on a visit to Tokyo.\n"
    project = make_project(tmp_path, {"entities.ttl": REGISTRY}, {f"{NAME}.txt": text})
    g = drafted(project)
    (visit,) = events(g, KG.Visit)
    got = claims(g)
    assert (visit, KG.status, KG.Ongoing, None) in got
    assert not any(s == visit and p == KG.status and o != KG.Ongoing for s, p, o, _ in got)


@pytest.mark.parametrize("given", ["2024-02-30", "2024-13", "2024-1-5", "24"])
def test_a_given_date_that_is_not_a_real_date_is_one_line_and_exit_2(project, given):
    result = run("draft", "--root", project, "--date", given, project / "data" / "articles" / f"{NAME}.txt")
    assert result.exit_code == 2
    assert f"--date '{given}': not a date." in result.output and "Traceback" not in result.output
    assert not (project / "data" / "claims" / f"{NAME}.draft.ttl").exists()


def test_is_date_text_knows_the_calendar():
    from kg.dates import is_date_text

    assert [is_date_text(t) for t in ("2024", "2024-02", "2024-02-29", "2023-02-29", "2024-00", "2024-04-31")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


# ---------------------------------------------------------------- references to the sentences before

CONTEXT_REGISTRY = (
    RULES_REGISTRY
    + """\
ent:Sylvanian_Navy a kg:ArmedForce ; skos:prefLabel "Sylvanian Navy"@en .
ent:Valiant a kg:Ship ; skos:prefLabel "Valiant"@en .
ent:Meeting_2019-04_Berg_Dahl_Zenda a kg:Meeting ; skos:prefLabel "Berg-Dahl meeting in Zenda, April 2019"@en .
ent:Deployment_2019_Intrepid a kg:NavalDeployment ; skos:prefLabel "Intrepid deployment, 2019"@en .
evd:2 a kg:Evidence ; kg:quote "Berg met Dahl in Zenda in April 2019." ; kg:supports
    [ rdf:subject ent:Meeting_2019-04_Berg_Dahl_Zenda ; rdf:predicate kg:participant ; rdf:object ent:Anna_Berg ] ,
    [ rdf:subject ent:Meeting_2019-04_Berg_Dahl_Zenda ; rdf:predicate kg:participant ; rdf:object ent:Carl_Dahl ] ,
    [ rdf:subject ent:Meeting_2019-04_Berg_Dahl_Zenda ; rdf:predicate kg:location ; rdf:object ent:Zenda ] ,
    [ rdf:subject ent:Deployment_2019_Intrepid ; rdf:predicate kg:participant ; rdf:object ent:Freedonian_Navy ] ,
    [ rdf:subject ent:Deployment_2019_Intrepid ; rdf:predicate kg:ship ; rdf:object ent:Intrepid ] ,
    [ rdf:subject ent:Deployment_2019_Intrepid ; rdf:predicate kg:date ; rdf:object "2019"^^xsd:gYear ] .
"""
)


@pytest.fixture(scope="module")
def context_registry():
    from kg.draft import registry_from_graph

    return registry_from_graph(Graph().parse(data=CONTEXT_REGISTRY, format="turtle"))


def qualified(d, predicate):
    """(subject, object, kg:context) of the draft's claims with ``predicate``, by local names."""
    local = lambda t: t.strip("<>").rsplit("/", 1)[-1]  # noqa: E731
    return sorted(
        (local(s), local(o), local(q.get(f"<{KG}context>", "")))
        for sd in d.sentences
        for s, p, o, q in sd.claims
        if p == f"<{KG}{predicate}>"
    )


def test_the_two_leaders_are_the_people_named_before_with_their_context(tmp_path, context_registry):
    events, d = draft_events(
        tmp_path,
        context_registry,
        "Berg thanked her guest.\nDahl spoke of trade.\nThe two leaders, who met in April 2019 in Zenda, agreed.",
    )
    assert events == [("Meeting", ["Anna_Berg", "Carl_Dahl"], [("location", "Zenda")], True)]
    # Each participant points at the evidence of the sentence that names it.
    assert qualified(d, "participant") == [
        ("Meeting_2019-04_Berg_Dahl_Zenda", "Anna_Berg", "960-01"),
        ("Meeting_2019-04_Berg_Dahl_Zenda", "Carl_Dahl", "960-02"),
    ]
    assert "# refers: 'The two leaders' -> ent:Anna_Berg (named in evd:960-01)" in d.turtle()


def test_a_reference_resolves_only_when_the_sentence_names_none_of_its_kind(tmp_path, context_registry):
    events, d = draft_events(
        tmp_path, context_registry, "Berg spoke.\nDahl spoke.\nThe two leaders, Berg and Eve Lund, met."
    )
    assert events == [("Meeting", ["Anna_Berg", "Eve_Lund"], [], False)]
    assert "# refers:" not in d.turtle()


def test_they_and_both_countries_take_the_sentence_before(tmp_path, context_registry):
    events, d = draft_events(
        tmp_path,
        context_registry,
        "Freedonia and Sylvania share a coast.\nThey announced a fisheries review.\nBerg thanked both countries.",
    )
    assert events == [("Announcement", ["Freedonia", "Sylvania"], [], False)]
    assert [c for _, _, c in qualified(d, "participant")] == ["960-01", "960-01"]


def test_a_modifier_pair_shares_its_noun(context_registry):
    assert names("The Freedonian and Sylvanian Navies trained.", context_registry) == [
        ("Freedonian and Sylvanian Navies", "Freedonian_Navy"),
        ("Sylvanian Navies", "Sylvanian_Navy"),
    ]


def test_its_navy_is_the_navy_of_the_country_named_before(context_registry):
    assert ("its navy", "Freedonian_Navy") in names("Freedonia says its navy is ready.", context_registry)
    assert names("The ship says its navy is ready.", context_registry) == []


def test_a_name_glued_to_the_next_word_is_found(context_registry):
    assert names("They met Carl Dahlfrom which a letter came.", context_registry) == [("Carl Dahl", "Carl_Dahl")]


def test_two_missions_with_two_ships_are_two_deployments(tmp_path, context_registry):
    events, _ = draft_events(
        tmp_path, context_registry, "Freedonia led two missions with the Intrepid in 2019 and the Valiant in 2020."
    )
    assert events == [
        ("NavalDeployment", ["Freedonia"], [("ship", "Intrepid")], True),
        ("NavalDeployment", ["Freedonia"], [("ship", "Valiant")], False),
    ]


def test_a_deployment_of_the_same_ship_is_the_registry_one(tmp_path, context_registry):
    events, d = draft_events(tmp_path, context_registry, "Sylvania will send the Intrepid to Zenda.")
    assert [e[-1] for e in events] == [True]
    assert d.events[0].iri.endswith("/Deployment_2019_Intrepid")
    # ... but not at another date.
    events, _ = draft_events(tmp_path, context_registry, "Sylvania sent the Intrepid to Zenda in 2017.")
    assert [e[-1] for e in events] == [False]


# ---------------------------------------------------------------- topics, parts of events

TOPICS_REGISTRY = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix evd:  <https://w3id.org/ijkg/evidence/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ent:Energy a kg:Issue ; skos:prefLabel "energy"@en .
ent:Agriculture a kg:Issue ; skos:prefLabel "agriculture"@en .
ent:Trade a kg:Issue ; skos:prefLabel "trade"@en .
ent:Zenda a kg:City ; skos:prefLabel "Zenda"@en .
ent:Anna_Berg a kg:Person ; skos:prefLabel "Anna Berg"@en ; skos:altLabel "Berg"@en .
ent:Carl_Dahl a kg:Person ; skos:prefLabel "Carl Dahl"@en ; skos:altLabel "Dahl"@en .
ent:Meeting_2020-05-05_Berg_Dahl a kg:Meeting ; skos:prefLabel "Berg-Dahl meeting"@en .
ent:Lunch_2020-05-05_Berg_Dahl a kg:Meeting ; skos:prefLabel "Berg-Dahl lunch"@en ; skos:altLabel "working lunch"@en .
evd:1 a kg:Evidence ; kg:quote "Berg met Dahl for a working lunch in Zenda on 5 May 2020." ; kg:supports
    [ rdf:subject ent:Meeting_2020-05-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Anna_Berg ] ,
    [ rdf:subject ent:Meeting_2020-05-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Carl_Dahl ] ,
    [ rdf:subject ent:Meeting_2020-05-05_Berg_Dahl ; rdf:predicate kg:date ; rdf:object "2020-05-05"^^xsd:date ] ,
    [ rdf:subject ent:Lunch_2020-05-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Anna_Berg ] ,
    [ rdf:subject ent:Lunch_2020-05-05_Berg_Dahl ; rdf:predicate kg:participant ; rdf:object ent:Carl_Dahl ] ,
    [ rdf:subject ent:Lunch_2020-05-05_Berg_Dahl ; rdf:predicate kg:date ; rdf:object "2020-05-05"^^xsd:date ] ,
    [ rdf:subject ent:Lunch_2020-05-05_Berg_Dahl ; rdf:predicate kg:partOf ; rdf:object ent:Meeting_2020-05-05_Berg_Dahl ] .
"""


@pytest.fixture(scope="module")
def topics_registry():
    from kg.draft import registry_from_graph

    return registry_from_graph(Graph().parse(data=TOPICS_REGISTRY, format="turtle"))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A one-word topic in lower case is named in a list of topics ...
        ("It targets agriculture, energy and tourism.", [("agriculture", "Agriculture"), ("energy", "Energy")]),
        (
            "Its sectors are energy (solar and wind) and agriculture.",
            [("energy", "Energy"), ("agriculture", "Agriculture")],
        ),
        # ... and not as an ordinary word.
        ("They spoke of trade with the neighbours.", []),
        ("There is space for energy in the plan.", []),
    ],
)
def test_a_one_word_topic_is_named_in_a_list_of_topics(topics_registry, sentence, expected):
    assert names(sentence, topics_registry) == expected


def test_a_meeting_is_the_registry_whole_not_the_lunch_that_is_part_of_it(tmp_path, topics_registry):
    events, d = draft_events(tmp_path, topics_registry, "Berg met Dahl in Zenda on 5 May 2020.")
    assert [ev.iri.rsplit("/", 1)[-1] for ev in d.events] == ["Meeting_2020-05-05_Berg_Dahl"]


@pytest.mark.parametrize(
    "text, expected, status",
    [
        # A war by its aggressor, where it is fought after "of", "in" or "against".
        (
            "Freedonia’s invasion of Sylvania shocked the region.",
            [("Event", ["Freedonia"], [("location", "Sylvania")], False)],
            "Happened",
        ),
        (
            "The Freedonian war of aggression in Sylvania goes on.",
            [("Event", ["Freedonia"], [("location", "Sylvania")], False)],
            "Happened",
        ),
        # A process under way, by who is doing it.
        (
            "Sylvania, which is rapidly building up its military, hopes for peace.",
            [("Event", ["Sylvania"], [], False)],
            "Ongoing",
        ),
        (
            "The press noted Freedonia’s bigger presence in Zenda.",
            [("Event", ["Freedonia"], [("location", "Zenda")], False)],
            "Ongoing",
        ),
        # Tensions between two sides: the one named before and the one after "with".
        (
            "Ruritania is wary amid growing tensions with Sylvania over fishing.",
            [("Event", ["Ruritania", "Sylvania"], [], False)],
            "Ongoing",
        ),
        (
            "The growing Freedonian and Sylvanian tensions with Ruritania worry Berg.",
            [("Event", ["Freedonia", "Sylvania", "Ruritania"], [], False)],
            "Ongoing",
        ),
        # A measure imposed by someone is that one's announcement.
        (
            "Prices rose after the tariffs imposed by Anna Berg.",
            [("Announcement", ["Anna_Berg"], [], False)],
            "Happened",
        ),
        # No such description, no event.
        ("Sylvania is a country of lakes.", [], None),
    ],
)
def test_described_events(tmp_path, rules_registry, text, expected, status):
    events, d = draft_events(tmp_path, rules_registry, text)
    assert events == expected
    assert [ev.status for ev in d.events] == ([status] if status else [])


def event_claims(d, *predicates):
    """(event, predicate, object) of the draft's claims with one of ``predicates``, by local names."""
    local = lambda t: t.strip("<>").rsplit("/", 1)[-1].rsplit("#", 1)[-1]  # noqa: E731
    return sorted(
        (local(s).split("_")[0], local(p), o.split('"')[1] if o.startswith('"') else local(o))
        for sd in d.sentences
        for s, p, o, _ in sd.claims
        if local(p) in predicates
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Berg arrived in Sylvania for her second official visit.", [("Visit", "ordinal", "2")]),
        ("This was the first meeting between Berg and Dahl.", [("Meeting", "ordinal", "1")]),
        ("Berg met Dahl in Zenda.", []),
        (
            "The Freedonian Navy’s Intrepid left on a five-month deployment to Sylvania.",
            [("NavalDeployment", "duration", "P5M")],
        ),
        ("Berg met Dahl in Zenda, the first such meeting after two years of limits.", [("Meeting", "firstIn", "P2Y")]),
    ],
)
def test_ordinals_and_spans_of_an_event(tmp_path, rules_registry, text, expected):
    _, d = draft_events(tmp_path, rules_registry, text)
    assert event_claims(d, "ordinal", "duration", "firstIn") == expected


def test_a_former_office_holding_has_ended_by_the_article_date(tmp_path, rules_registry):
    _, d = draft_events(tmp_path, rules_registry, "Berg met former Freedonian Defence Minister Carl Dahl.")
    (quals,) = [q for sd in d.sentences for _, p, _, q in sd.claims if p.endswith("#heldOffice>")]
    assert quals == {f"<{KG}endedBy>": '"2021-06-01"^^<http://www.w3.org/2001/XMLSchema#date>'}
    _, d = draft_events(tmp_path, rules_registry, "Berg met Freedonian Defence Minister Carl Dahl.")
    (quals,) = [q for sd in d.sentences for _, p, _, q in sd.claims if p.endswith("#heldOffice>")]
    assert list(quals) == [f"<{KG}pointInTime>"]


def test_will_likely_is_planned_and_expected(tmp_path, rules_registry):
    _, d = draft_events(tmp_path, rules_registry, "Berg will likely meet Dahl in Zenda.")
    (ev,) = d.events
    assert (ev.status, ev.status_cue) == ("Planned", "will likely")
    quals = [q for sd in d.sentences for _, p, _, q in sd.claims if p.endswith("#participant>")]
    assert quals == [{f"<{KG}modality>": f"<{KG}Expected>"}] * 2
    _, d = draft_events(tmp_path, rules_registry, "Berg could meet Dahl in Zenda.")
    assert [ev.status for ev in d.events] == ["Possible"]
