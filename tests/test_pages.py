"""The web pages through the Flask test client: every route, every content type, against the built graph."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS

from helpers import ROOT
from kg.evidence import normalise
from kg.namespaces import ART, ENT, KG
from kg.query import read_stored
from server.app import create_app
from server.pages import highlight

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
MELONI = ENT.Giorgia_Meloni


@pytest.fixture(scope="module")
def app(build_dir):
    app = create_app({"ROOT": str(ROOT), "OUT": str(build_dir), "CACHE_ENTRIES": 0})
    yield app
    app.extensions["kg_engine"].close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


class Page(HTMLParser):
    """The parts of an HTML page the tests look at: links, resources, marks, rows and ids."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.marks: list[dict] = []
        self.rows: list[str | None] = []
        self._mark = None
        self._tbody = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img") and "src" in a:
            self.resources.append(a["src"])
        if tag == "link" and "href" in a:
            self.resources.append(a["href"])
        if tag == "tbody":
            self._tbody = True
        if tag == "tr" and self._tbody:
            self.rows.append(a.get("class"))
        if tag == "mark" and "data-evidence" in a:
            self._mark = {"evidence": a["data-evidence"].split(), "text": ""}

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._tbody = False
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None


def page(client, path, headers=BROWSER) -> tuple[int, Page, object]:
    response = client.get(path, headers=headers)
    return response.status_code, Page(response.get_data(as_text=True)), response


# --- every page -----------------------------------------------------------------------------

PAGES = [
    "/",
    "/query",
    "/articles",
    "/articles/001_cc7736c37995a10d",
    "/timeline",
    "/timeline?kind=agreement",
    "/explore",
    "/explore?iri=https://w3id.org/ijkg/id/Japan",
    "/ontology",
    "/validation",
    "/graph/asserted",
    "/id/Italy",
    "/id/Giorgia_Meloni",
    "/evidence/001-02",
    "/queries",
    "/queries/leaders",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_that_loads_only_from_this_origin(client, path):
    status, parsed, response = page(client, path)
    assert status == 200, response.data[:500]
    assert response.mimetype == "text/html"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    for url in parsed.resources:
        assert url.startswith("/") or url.startswith("data:"), f"{path} loads {url} from elsewhere"
    assert "main" in parsed.ids  # the skip link's target


def test_following_every_link_from_the_start_page_never_breaks(client):
    """A crawl of the site (up to 400 pages): every local link answers 200 (or 303 to a page that does)."""
    seen, queue, checked = set(), ["/"], 0
    while queue and checked < 400:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, headers=BROWSER, follow_redirects=True)
        response.close()
        checked += 1
        assert response.status_code == 200, f"{path}: {response.status_code}"
        if response.mimetype != "text/html":
            continue
        for link in Page(response.get_data(as_text=True)).links:
            url = urlsplit(urljoin("http://localhost" + path, link))
            if url.netloc != "localhost" or url.path.startswith("/static/"):
                continue
            local = url.path + (f"?{url.query}" if url.query else "")
            if local not in seen:
                queue.append(local)
    assert checked > 100  # the crawl reached the entity pages, not just the menu


# --- home -----------------------------------------------------------------------------------


def test_home_shows_counts_articles_build_and_validation(client, app):
    status, parsed, response = page(client, "/")
    html = response.get_data(as_text=True)
    manifest = app.extensions["kg_manifest"]
    articles = Graph().parse(ROOT / "data" / "articles.ttl")
    for article, title in articles.subject_objects(DCTERMS.title):
        assert str(title).replace("'", "&#39;") in html
        assert f"/articles/{str(article).rsplit('/', 1)[-1]}" in parsed.links
    for name in ("Country", "Leader", "Agreement", "DefenceProgramme", "Meeting"):
        counts = manifest["classes"][name]
        assert re.search(rf'#{name}">{name}</a></th>\s*<td class="num">{counts["asserted"]}</td>', html)
    assert manifest["built_at"] in html
    assert f"{manifest['validation']['violations']} violation(s)" in html
    for target in ("/query", "/timeline", "/explore", "/ontology", "/validation", "/sparql", "/articles"):
        assert target in parsed.links


# --- linked data ----------------------------------------------------------------------------


def test_entity_page_has_labels_types_facts_evidence_and_marks_inferred(client, built):
    status, parsed, response = page(client, "/id/Giorgia_Meloni")
    html = response.get_data(as_text=True)
    assert "<h1>Giorgia Meloni</h1>" in html
    for alias in built.asserted.objects(MELONI, SKOS.altLabel):
        assert str(alias) in html
    # Leader is inferred from the office she holds, and marked so.
    assert re.search(r'href="/ontology#Leader"[^>]*>Leader</a> <abbr[^>]*class="badge">inferred', html)
    # One row per fact, in and out; inferred rows carry the class.
    skip = {RDF.type, SKOS.prefLabel, SKOS.altLabel, URIRef("http://www.w3.org/2000/01/rdf-schema#label")}
    out_asserted = {(p, o) for p, o in built.asserted.predicate_objects(MELONI) if p not in skip}
    out_inferred = {(p, o) for p, o in built.inferred.predicate_objects(MELONI) if p not in skip} - out_asserted
    claim_links = {RDF.subject, RDF.object}
    in_asserted = {(s, p) for s, p in built.asserted.subject_predicates(MELONI) if p not in claim_links}
    in_inferred = {(s, p) for s, p in built.inferred.subject_predicates(MELONI)} - in_asserted
    rows = parsed.rows
    assert len(rows) == len(out_asserted) + len(out_inferred) + len(in_asserted) + len(in_inferred)
    assert rows.count("inferred") == len(out_inferred) + len(in_inferred)
    # The office she holds is shown with the sentence that says so, linked to the article.
    quote = "The President of the Council Giorgia Meloni welcomed the prime minister Fumio Kishida at Palazzo Chigi."
    assert quote in html
    assert "/articles/000_a4b397bc01061804#q-000-" in html
    assert "/id/Prime_Minister_of_Italy" in parsed.links


@pytest.mark.parametrize(
    "accept, parse",
    [
        ("text/turtle", lambda body: Graph().parse(data=body, format="turtle")),
        ("application/ld+json", lambda body: Graph().parse(data=body, format="json-ld")),
        ("application/n-triples", lambda body: Graph().parse(data=body, format="nt")),
    ],
)
def test_entity_iri_gives_rdf_by_content_negotiation(client, built, accept, parse):
    response = client.get("/id/Giorgia_Meloni", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    assert response.headers["Vary"] == "Accept"
    text = response.get_data(as_text=True)
    g = parse(text)
    if accept == "text/turtle":  # readable: the project's prefixes, not full IRIs
        assert "@prefix ent: <https://w3id.org/ijkg/id/> ." in text and "ent:Giorgia_Meloni" in text
    assert (MELONI, KG.heldOffice, ENT.Prime_Minister_of_Italy) in g  # asserted
    assert (MELONI, RDF.type, KG.Leader) in g  # inferred
    expected = {t for t in built.asserted.triples((MELONI, None, None))}
    assert expected <= set(g)


def test_format_parameter_and_an_independent_parser(client):
    response = client.get("/id/Italy?format=nt")
    assert response.mimetype == "application/n-triples"
    quads = list(pyoxigraph.parse(response.data, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert any(q.subject == pyoxigraph.NamedNode(str(ENT.Italy)) for q in quads)
    assert client.get("/id/Italy?format=xml").status_code == 400


def test_unknown_entity_is_404_as_html_for_browsers_and_json_for_others(client):
    status, parsed, response = page(client, "/id/No_Such_Thing")
    assert status == 404 and response.mimetype == "text/html"
    assert "says nothing about" in response.get_data(as_text=True)
    response = client.get("/id/No_Such_Thing", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    response = client.get("/id/No_Such_Thing", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.get_json()["status"] == 404


@pytest.mark.parametrize("path", ["/id/a%3E%20%7B%20%3Fs", "/id/a%22b", "/claim/x%5Cy"])
def test_paths_that_would_break_out_of_an_iri_are_refused(client, path):
    response = client.get(path, headers=BROWSER)
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)


def test_article_iri_redirects_browsers_to_the_reader_and_gives_rdf_to_clients(client):
    response = client.get("/article/002_7b46b79a9830cf4e", headers=BROWSER)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/articles/002_7b46b79a9830cf4e")
    response = client.get("/article/002_7b46b79a9830cf4e", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (ART["002_7b46b79a9830cf4e"], RDF.type, KG.Article) in g


def test_ontology_page_anchors_every_term_and_downloads_the_ontology(client, ontology):
    status, parsed, response = page(client, "/ontology")
    terms = {
        str(s)[len(str(KG)) :] for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))
    }
    assert terms <= parsed.ids
    g = Graph().parse(data=client.get("/ontology?format=ttl").get_data(as_text=True), format="turtle")
    assert len(g) == len(ontology)


def test_named_graph_downloads_match_the_build(client, app):
    for name, size in app.extensions["kg_manifest"]["triples"].items():
        with client.get(f"/graph/{name}", headers={"Accept": "application/n-triples"}) as response:
            assert response.status_code == 200
            assert len(Graph().parse(data=response.get_data(as_text=True), format="nt")) == size
    assert client.get("/graph/other", headers=BROWSER).status_code == 404


# --- articles -------------------------------------------------------------------------------


@pytest.mark.parametrize("article", sorted(p.stem for p in (ROOT / "data" / "articles").glob("*.txt")))
def test_article_reader_highlights_every_quote_and_lists_its_facts(client, built, article):
    status, parsed, response = page(client, f"/articles/{article}")
    assert status == 200
    evidence = {
        e: str(q)
        for e in built.asserted.subjects(KG.article, ART[article])
        for q in built.asserted.objects(e, KG.quote)
    }
    marked = {i for m in parsed.marks for i in m["evidence"]}
    ids = {str(e).rsplit("/", 1)[-1] for e in evidence}
    assert marked == ids
    # Each quote is highlighted whole: the marked text that carries its id is the quote.
    for e, quote in evidence.items():
        eid = str(e).rsplit("/", 1)[-1]
        text = "".join(m["text"] for m in parsed.marks if eid in m["evidence"])
        assert normalise(quote) in normalise(text)
        assert f"e-{eid}" in parsed.ids
    html = response.get_data(as_text=True)
    assert "Quotes not found" not in html


def test_highlight_finds_quotes_across_typography_and_line_breaks():
    text = "First line.\nHe said “yes”  to the\nplan. Then more. Unquoted tail."
    segments, missing, coverage = highlight(
        text, [("a", 'He said "yes" to the plan.'), ("b", "plan. Then more."), ("c", "not there")]
    )
    assert missing == ["c"]
    assert "".join(s for s, _ in segments) == text
    covered = {s: ids for s, ids in segments if ids}
    assert covered["He said “yes”  to the\n"] == ["a"]
    assert covered["plan."] == ["a", "b"]
    assert covered[" Then more."] == ["b"]
    assert 0 < coverage < 1


def test_unknown_article_is_404(client):
    assert client.get("/articles/999_nothing", headers=BROWSER).status_code == 404


# --- timeline, graph view, validation, editor ----------------------------------------------------


def test_timeline_orders_by_date_and_styles_each_status(client, full_graph):
    status, parsed, response = page(client, "/timeline")
    html = response.get_data(as_text=True)
    dates = re.findall(r'<time datetime="([^"]+)"', html)
    assert dates == sorted(dates) and len(dates) > 20
    # An event planned in one article and reported as held in a later one shows as held.
    cancelled = set(full_graph.subjects(KG.status, KG.Cancelled))
    happened = set(full_graph.subjects(KG.status, KG.Happened)) - cancelled
    planned = set(full_graph.subjects(KG.status, KG.Planned)) - cancelled - happened
    for events, css in ((happened, "happened"), (planned, "planned"), (cancelled, "cancelled")):
        assert events
        for event in events:
            local = "/" + str(event)[len("https://w3id.org/ijkg/") :]
            assert re.search(
                rf'class="tl-item event status-{css}">\s*<time[^>]*>[^<]*</time>\s*<a href="{re.escape(local)}"', html
            ), event
    agreements_only = client.get("/timeline?kind=agreement", headers=BROWSER).get_data(as_text=True)
    assert 'class="tl-item event' not in agreements_only
    assert len(re.findall(r'<li class="tl-item agreement', agreements_only)) == len(
        set(full_graph.subjects(RDF.type, KG.Agreement))
    )


def test_neighbourhood_api_returns_entities_and_marks_inferred_links(client, built):
    response = client.get("/api/neighbourhood", query_string={"iri": str(ENT.Japan)})
    assert response.mimetype == "application/json"
    data = response.get_json()
    ids = {n["id"] for n in data["nodes"]}
    assert str(ENT.Japan) in ids and str(ENT.Italy) in ids
    for edge in data["edges"]:
        triple = (URIRef(edge["from"]), URIRef(edge["predicate"]), URIRef(edge["to"]))
        graph = built.inferred if edge["inferred"] else built.asserted
        assert triple in graph
    assert any(e["inferred"] for e in data["edges"]) and any(not e["inferred"] for e in data["edges"])
    bad = client.get("/api/neighbourhood", query_string={"iri": "x> { ?s ?p ?o"})
    assert bad.status_code == 400 and bad.get_json()["status"] == 400


def test_validation_page_shows_the_report_of_the_build(client, built):
    status, parsed, response = page(client, "/validation")
    html = response.get_data(as_text=True)
    for r in built.report.results:
        assert r.message in html
        if r.focus.startswith("ent:"):
            assert "/id/" + r.focus[4:] in parsed.links
    with client.get("/validation?format=ttl") as response:
        report = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (None, RDF.type, SH.ValidationReport) in report
    assert (None, SH.conforms, Literal(True)) in report


def test_query_page_offers_every_stored_question(client):
    status, parsed, response = page(client, "/query")
    html = response.get_data(as_text=True)
    data = re.search(r'<script type="application/json" id="gallery-data">(.*?)</script>', html, re.S).group(1)
    gallery = {q["name"]: q for q in json.loads(data)}
    stored = [read_stored(p) for p in sorted((ROOT / "queries").glob("*.rq"))]
    assert set(gallery) == {q.name for q in stored}
    for q in stored:
        assert gallery[q.name]["query"] == q.text
        assert gallery[q.name]["title"] == q.question
        assert f"/queries/{q.name}" in parsed.links
    assert "/static/vendor/yasgui/yasgui.min.js" in parsed.resources
    text = client.get("/queries/leaders.rq")
    assert text.mimetype == "application/sparql-query" and "SELECT" in text.get_data(as_text=True)
    assert client.get("/queries/nothing.rq", headers=BROWSER).status_code == 404


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_each_stored_question_has_a_page_with_its_answer(client, full_graph, path):
    stored = read_stored(path)
    status, parsed, response = page(client, f"/queries/{stored.name}")
    assert status == 200
    html = response.get_data(as_text=True)
    result = full_graph.query(stored.text)
    expected = 1 if result.type == "ASK" else len(result)
    assert f"<caption>{expected} row(s)</caption>" in html
    assert len(parsed.rows) == expected
    assert f"/query?example={stored.name}" in parsed.links


def test_question_list_links_every_question(client):
    status, parsed, response = page(client, "/queries")
    for p in (ROOT / "queries").glob("*.rq"):
        assert f"/queries/{p.stem}" in parsed.links


def test_vendored_libraries_are_served_with_their_licences(client):
    for path in (
        "/static/vendor/yasgui/yasgui.min.js",
        "/static/vendor/yasgui/yasgui.min.css",
        "/static/vendor/vis-network/vis-network.min.js",
    ):
        response = client.get(path)
        assert response.status_code == 200 and len(response.data) > 10000
        response.close()
    vendor = ROOT / "server" / "static" / "vendor"
    assert "MIT" in (vendor / "yasgui" / "LICENSE").read_text()
    assert (vendor / "vis-network" / "LICENSE-MIT").is_file()


def test_pages_are_cached_per_accept_header(app, build_dir):
    cached = create_app({"ROOT": str(ROOT), "OUT": str(build_dir), "CACHE_ENTRIES": 16})
    try:
        c = cached.test_client()
        first = c.get("/id/Japan", headers=BROWSER)
        again = c.get("/id/Japan", headers=BROWSER)
        turtle = c.get("/id/Japan", headers={"Accept": "text/turtle"})
        assert first.data == again.data
        assert turtle.mimetype == "text/turtle" and turtle.data != first.data
    finally:
        cached.extensions["kg_engine"].close()
