"""Search: the index the build writes, the answers to a set of queries, the command and the page."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg.search
from helpers import ROOT
from kg.cli import cli
from kg.search import CANDIDATES, MAX_QUERY_CHARS, SearchError, search, snippet_html, write_index
from server.app import create_app

ENT = "https://w3id.org/ijkg/id/"
EVD = "https://w3id.org/ijkg/evidence/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
KG = "https://w3id.org/ijkg/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@pytest.fixture(scope="module")
def index(build_dir):
    return build_dir / "search.sqlite"


def iris(hits):
    return [h.iri for h in hits]


def test_the_build_writes_the_index_with_its_other_outputs(build_dir):
    manifest = json.loads((build_dir / "build.json").read_text())
    assert (build_dir / "search.sqlite").stat().st_size > 0
    assert "search_index" in manifest["timings_s"]


@pytest.mark.parametrize(
    "text",
    ["Kishida", "kishida", "KISHIDA", "Kishida Fumio", "fumio kish", "Kisida", "Kishidaa", "Kishda", "Kushida"],
)
def test_a_label_an_alias_a_prefix_or_one_mistyped_letter_finds_kishida_first(index, text):
    hits = search(index, text)
    assert hits[0].iri == ENT + "Fumio_Kishida"
    assert hits[0].kind == "entity"
    assert hits[0].cls == "Person"
    assert hits[0].label == "Fumio Kishida"


def test_accents_apostrophes_and_dashes_are_folded(index):
    assert search(index, "Giórgia Melonì")[0].iri == ENT + "Giorgia_Meloni"
    # The alias "Japan’s Prime Minister" (typographic apostrophe), typed with a plain one and without.
    for text in ("Japan's Prime Minister", "japan’s prime minister", "japans prime minister"):
        assert ENT + "Prime_Minister_of_Japan" in iris(search(index, text, limit=5)), text
    dashed = iris(search(index, "Italy–Japan strategic partnership", limit=3))
    assert dashed[0] == ENT + "Italy-Japan_Strategic_Partnership"
    assert dashed == iris(search(index, "italy japan strategic partnership", limit=3))


def test_an_alias_is_shown_in_the_snippet(index):
    hit = next(h for h in search(index, "GCAP") if h.iri == ENT + "GCAP")
    assert hit.label == "Global Combat Air Programme"
    assert snippet_html(hit.snippet) == "Global Combat Air Programme (also <mark>GCAP</mark>)"


def test_entities_come_before_quotes(index):
    hits = search(index, "Meloni", limit=200)
    kinds = [h.kind for h in hits]
    assert kinds[0] == "entity" and "quote" in kinds
    assert kinds == sorted(kinds)  # "entity" < "quote": no entity after a quote


def test_a_phrase_from_a_quote_finds_its_evidence_with_the_article(index):
    hits = search(index, "first bilateral meeting between the two leaders")
    quotes = [h for h in hits if h.kind == "quote"]
    assert quotes[0].iri == EVD + "001-04"
    assert quotes[0].article == "https://w3id.org/ijkg/article/001_cc7736c37995a10d"
    assert quotes[0].label == "Why and How Italy and Japan Are Upgrading Their Partnership"
    assert snippet_html(quotes[0].snippet) == (
        "This was also <mark>the</mark> <mark>first</mark> <mark>bilateral</mark> <mark>meeting</mark> <mark>between</mark> "
        "<mark>the</mark> <mark>two</mark> <mark>leaders</mark>."
    )


def test_no_match_is_an_empty_result(index):
    assert search(index, "qqzzyx vvwwk") == []
    assert search(index, "!!! ... ???") == []  # no word at all


@pytest.mark.parametrize(
    "text",
    [
        '"Kishida',
        "Kishida*",
        "Kishida AND",
        "NEAR(Kishida",
        "-Kishida",
        "(Kishida)",
        "Kishida OR",
        "{label}: Kishida",
        "Kishida^",
        "NOT Kishida",
        "'Kishida'",
    ],
)
def test_search_syntax_is_matched_as_text(index, text):
    hits = search(index, text)  # never an error
    words = [w for w in ("AND", "NEAR", "OR", "NOT", "label") if w in text]
    if not words:  # the punctuation changes nothing
        assert iris(hits) == iris(search(index, "Kishida")), text
    else:  # the operator is a word like any other: every hit has it too (a prefix of a word)
        assert len(hits) < len(search(index, "Kishida", limit=200))
        for h in hits:
            assert "kishida" in h.snippet.lower(), h


def test_empty_and_too_long_queries_are_refused(index):
    with pytest.raises(SearchError, match="empty"):
        search(index, "   ")
    with pytest.raises(SearchError, match=f"at most {MAX_QUERY_CHARS}"):
        search(index, "a" * (MAX_QUERY_CHARS + 1))
    assert search(index, "Kishida " * 60)  # 480 characters: allowed


def test_apostrophe_free_spelling_finds_a_label_with_one(tmp_path):
    path = tmp_path / "search.sqlite"
    triples = [
        (f"<{ENT}Massimo_DAlema>", f"<{SKOS}prefLabel>", '"Massimo D\'Alema"@en'),
        (f"<{ENT}Massimo_DAlema>", RDF_TYPE, f"<{KG}Person>"),
        (f"<{KG}Person>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"Person"@en'),
        (f"<{ENT}Sant_Egidio>", f"<{SKOS}prefLabel>", '"Comunità di Sant’Egidio"@it'),
    ]
    counts = write_index(path, triples, asserted_types=[triples[1]])
    assert counts["entities"] == 3
    for text in ("dalema", "d'alema", "D’Alema", "massimo d alema"):
        assert iris(search(path, text)) == [ENT + "Massimo_DAlema"], text
    assert search(path, "dalema")[0].cls == "Person"
    assert iris(search(path, "comunita santegidio")) == [ENT + "Sant_Egidio"]
    assert iris(search(path, "sant egidio")) == [ENT + "Sant_Egidio"]


# --- broad queries: more matches than kg.search.CANDIDATES ------------------------------------------

CITIES = ["Rome", "Tokyo", "Milan", "Osaka", "Naples", "Kyoto", "Turin", "Nagoya"]


def label_triples(iri, label, *aliases, cls="Meeting"):
    out = [(f"<{ENT}{iri}>", f"<{SKOS}prefLabel>", f'"{label}"@en'), (f"<{ENT}{iri}>", RDF_TYPE, f"<{KG}{cls}>")]
    out += [(f"<{ENT}{iri}>", f"<{SKOS}altLabel>", f'"{a}"@en') for a in aliases]
    return out


@pytest.fixture(scope="module")
def broad(tmp_path_factory):
    """An index where 'Italy' matches many more entities, and 'discussed' many more quotes, than are ranked."""
    n = CANDIDATES + 1000
    triples = []
    for i in range(n):
        # Labels of four to seven words; the shorter ones come first in the index.
        words = " ".join(["in", CITIES[i % len(CITIES)]] * (i % 4))
        triples += label_triples(f"Meeting_{i:05}", f"Italy Japan meeting {i:05} {words}".strip())
    # The one entity whose label is the whole query; its many aliases make it the longest row of all,
    # far beyond the candidates.
    triples += label_triples(
        "Italy", "Italy", *(f"Italian Republic {c} {c} {c} {c} {c}" for c in CITIES), cls="Country"
    )
    # An alias equal to the query comes before mere prefix matches too.
    triples += label_triples("Italia_Meeting", "Roma meeting of the Italia council", "Italy Japan", cls="Meeting")
    for i in range(n):
        ev = f"<{EVD}q{i:05}>"
        quote = f"The ministers discussed the {'long ' * (i % 5)}agenda ({i:05})."
        triples += [(ev, f"<{KG}quote>", f'"{quote}"'), (ev, f"<{KG}article>", f"<{ENT}Article_{i % 7}>")]
    path = tmp_path_factory.mktemp("broad") / "search.sqlite"
    write_index(path, triples, asserted_types=[t for t in triples if t[1] == RDF_TYPE])
    return path


def test_an_exact_label_comes_first_when_thousands_of_entities_match(broad):
    hits = search(broad, "Italy")
    assert hits[0].iri == ENT + "Italy"
    assert hits[0].cls == "Country" and hits[0].snippet == "\x02Italy\x03"
    assert search(broad, "italy japan")[0].iri == ENT + "Italia_Meeting"  # an alias that is the whole query


def test_broad_queries_rank_the_shortest_matching_labels_first_then_by_label(broad):
    hits = search(broad, "Italy", limit=10)
    # After the exact matches: every label matches once, so bm25 prefers the shortest (i % 4 == 0),
    # and among those of the same length the label decides.
    assert [h.label for h in hits[1:5]] == [f"Italy Japan meeting {i:05}" for i in (0, 4, 8, 12)]
    assert all(h.kind == "entity" for h in hits)
    assert [h.iri for h in search(broad, "japan meet", limit=3)] == [ENT + f"Meeting_{i:05}" for i in (0, 4, 8)]


def test_broad_queries_rank_like_the_full_ranking_when_the_best_rows_are_candidates(broad, monkeypatch):
    bounded = search(broad, "Italy", limit=50)
    monkeypatch.setattr(kg.search, "CANDIDATES", 1 << 40)
    assert search(broad, "Italy", limit=50) == bounded
    # Never fewer candidates than results; here the 50 shortest rows that match are the best 50.
    monkeypatch.setattr(kg.search, "CANDIDATES", 10)
    assert search(broad, "Italy", limit=50) == bounded


def test_quotes_that_match_by_thousands_come_shortest_first_then_by_iri(broad):
    hits = search(broad, "discussed", limit=4)
    assert [h.iri for h in hits] == [f"{EVD}q{i:05}" for i in (0, 5, 10, 15)]
    assert snippet_html(hits[0].snippet) == "The ministers <mark>discussed</mark> the agenda (00000)."
    assert hits[0].article == ENT + "Article_0"


# --- the command ---------------------------------------------------------------------------------


def run(build_dir, *args):
    return CliRunner().invoke(cli, ["search", "--root", str(ROOT), "--out", str(build_dir), *args])


def test_kg_search_prints_the_same_results_as_json(build_dir, index):
    result = run(build_dir, "Kisida", "--format", "json", "--limit", "3")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows == [h.as_json() for h in search(index, "Kisida", limit=3)]
    assert rows[0] == {
        "iri": ENT + "Fumio_Kishida",
        "label": "Fumio Kishida",
        "kind": "entity",
        "class": "Person",
        "article": None,
        "snippet": "Fumio <mark>Kishida</mark>",
    }


def test_kg_search_text_format_and_exit_codes(build_dir):
    result = run(build_dir, "Kishida", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "entity  Fumio Kishida  (Person)",
        "        Fumio [Kishida]",
        f"        <{ENT}Fumio_Kishida>",
    ]
    empty = run(build_dir, "")
    assert empty.exit_code == 2 and "the search text is empty" in empty.output and "Traceback" not in empty.output
    long = run(build_dir, "x" * 501)
    assert long.exit_code == 2 and "at most 500" in long.output
    none = run(build_dir, "qqzzyx")
    assert none.exit_code == 0 and none.stdout == ""


# --- the page ------------------------------------------------------------------------------------

HTML = {"Accept": "text/html"}
JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def client(build_dir):
    app = create_app({"ROOT": str(ROOT), "OUT": str(build_dir), "CACHE_ENTRIES": 0})
    yield app.test_client()
    app.extensions["kg_engine"].close()


def test_the_page_lists_results_with_links_and_marks(client):
    r = client.get("/search?q=Kisida", headers=HTML)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<a href="/id/Fumio_Kishida">Fumio <mark>Kishida</mark></a>' in html
    r = client.get("/search?q=first+bilateral+meeting+between+the+two+leaders", headers=HTML)
    assert 'href="/articles/001_cc7736c37995a10d#q-001-04"' in r.get_data(as_text=True)


def test_every_page_has_the_search_box(client):
    for path in ("/", "/id/Italy", "/articles", "/search?q=Italy"):
        html = client.get(path, headers=HTML).get_data(as_text=True)
        assert 'role="search"' in html and 'name="q"' in html, path


def test_json_gives_the_same_results(client, index):
    r = client.get("/search?q=GCAP", headers=JSON)
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.get_json() == [h.as_json() for h in search(index, "GCAP")]
    assert client.get("/search?q=qqzzyx", headers=JSON).get_json() == []


def test_bad_queries_on_the_page_and_as_json(client):
    r = client.get("/search?q=", headers=HTML)
    assert r.status_code == 200 and "the search text is empty" in r.get_data(as_text=True)
    r = client.get("/search", headers=JSON)
    assert r.status_code == 400 and r.get_json()["status"] == 400 and "empty" in r.get_json()["error"]
    r = client.get("/search?q=" + "x" * 501, headers=JSON)
    assert r.status_code == 400 and "at most 500" in r.get_json()["error"]
    r = client.get("/search?q=" + "x" * 501, headers=HTML)
    assert r.status_code == 400 and "at most 500" in r.get_data(as_text=True)
    r = client.get("/search?q=%22NEAR(%20*%20AND%20-", headers=JSON)
    assert r.status_code == 200


def test_the_search_text_is_escaped_on_the_page(client):
    html = client.get("/search?q=<script>alert(1)</script>", headers=HTML).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_javascript_iri_is_never_a_link(client):
    """Regression: /explore?iri=javascript:alert(1) rendered <a href="javascript:alert(1)">."""
    html = client.get("/explore?iri=javascript:alert(1)", headers=HTML).get_data(as_text=True)
    assert 'href="javascript' not in html.lower()
    assert "javascript:alert(1)" in html  # shown as text
