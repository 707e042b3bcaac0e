"""The SPARQL endpoint over real HTTP: the server is started with `kg serve` on a loopback port
and stopped by its process id."""

from __future__ import annotations

import io
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from helpers import http, kg_serve, stop_server

pytestmark = pytest.mark.server

SD = "http://www.w3.org/ns/sparql-service-description#"
COUNT_MEETINGS = "PREFIX kg: <https://w3id.org/ijkg/ontology#> SELECT (COUNT(?m) AS ?n) WHERE { ?m a kg:Meeting }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(build_dir, tmp_path_factory):
    """`kg serve` of the session build on a free loopback port, with a 2 s query timeout and a 200 kB result limit."""
    env = dict(os.environ, KG_MAX_RESULT_BYTES="200000", KG_MAX_REQUEST_BYTES="20000")
    log = tmp_path_factory.mktemp("server") / "server.log"
    base, proc = kg_serve(build_dir, log, "--workers", "1", "--timeout", "2", env=env)
    yield base + "/sparql"
    stop_server(proc)


def get(base, query, accept=None, **params):
    qs = urllib.parse.urlencode({"query": query, **params}, doseq=True)
    return http("GET", f"{base}?{qs}", headers={"Accept": accept} if accept else {})


def post_form(base, fields, accept=None):
    return http(
        "POST",
        base,
        data=urllib.parse.urlencode(fields, doseq=True).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", **({"Accept": accept} if accept else {})},
    )


def post_query(base, query, accept=None, params=""):
    return http(
        "POST",
        base + params,
        data=query.encode(),
        headers={"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})},
    )


def count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def assert_error(status, headers, body, expected_status, fragment):
    assert status == expected_status, body
    assert headers["Content-Type"].startswith("application/json")
    payload = json.loads(body)
    assert payload["status"] == expected_status
    assert fragment in payload["error"]
    assert "Traceback" not in payload["error"]


# --- the protocol -----------------------------------------------------------------


def test_get_post_form_and_post_query_agree(server, full_graph):
    from kg.namespaces import KG

    expected = len(set(full_graph.subjects(RDF.type, KG.Meeting)))
    answers = {
        "get": get(server, COUNT_MEETINGS),
        "form": post_form(server, {"query": COUNT_MEETINGS}),
        "body": post_query(server, COUNT_MEETINGS),
    }
    counts = {k: count(v[2]) for k, v in answers.items()}
    assert len(set(counts.values())) == 1
    assert counts["get"] == expected > 0
    assert all(v[0] == 200 for v in answers.values())


@pytest.mark.parametrize(
    "accept, media, parse_format",
    [
        (None, "application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
        ("application/sparql-results+json", "application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", pyoxigraph.QueryResultsFormat.XML),
        ("text/csv", "text/csv", "csv"),
        ("text/tab-separated-values", "text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
        (
            "text/csv;q=0.5, application/sparql-results+xml;q=0.9",
            "application/sparql-results+xml",
            pyoxigraph.QueryResultsFormat.XML,
        ),
        ("text/*", "text/csv", "csv"),
        ("image/png", "application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
    ],
)
def test_select_results_formats_parse_independently(server, accept, media, parse_format):
    q = "SELECT ?p WHERE { <https://w3id.org/ijkg/id/Meeting_2023-01-10_Meloni_Kishida> <https://w3id.org/ijkg/ontology#participant> ?p } ORDER BY ?p"
    status, headers, body = get(server, q, accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media
    if parse_format == "csv":  # pyoxigraph does not read CSV results (the format is lossy)
        import csv

        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows[0] == ["p"]
        values = sorted(r[0] for r in rows[1:])
    else:
        solutions = pyoxigraph.parse_query_results(io.BytesIO(body), format=parse_format)
        values = sorted(str(s["p"].value) for s in solutions)
    assert values == ["https://w3id.org/ijkg/id/Fumio_Kishida", "https://w3id.org/ijkg/id/Giorgia_Meloni"]


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask(server, accept):
    status, _, body = get(server, "ASK { ent:Meeting_2023-01-10_Meloni_Kishida kg:location ent:Italy }", accept)
    assert status == 200
    fmt = pyoxigraph.QueryResultsFormat.JSON if "json" in accept else pyoxigraph.QueryResultsFormat.XML
    assert bool(pyoxigraph.parse_query_results(io.BytesIO(body), format=fmt)) is True


@pytest.mark.parametrize(
    "accept, rdflib_format",
    [
        (None, "turtle"),
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_formats_reparse(server, accept, rdflib_format):
    q = "CONSTRUCT { ent:Giorgia_Meloni kg:participatedIn ?m } WHERE { ent:Giorgia_Meloni kg:participatedIn ?m }"
    status, _, body = get(server, q, accept)
    assert status == 200
    g = Graph().parse(data=body.decode(), format=rdflib_format)
    assert len(g) >= 5


def test_describe(server):
    status, headers, body = get(server, "DESCRIBE ent:GCAP")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body.decode(), format="turtle")) > 5


def test_service_description_with_void(server):
    status, headers, body = http("GET", server)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode(), format="turtle")
    services = list(g.subjects(RDF.type, None))
    assert any(str(t) == SD + "Service" for t in g.objects(None, RDF.type))
    names = {str(o) for o in g.objects(None, g.namespace_manager.expand_curie("sd:name"))}
    assert names == {f"https://w3id.org/ijkg/graph/{n}" for n in ("asserted", "inferred", "ontology", "shapes")}
    assert services


def test_named_graphs_are_addressable(server, built):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    onto = count(get(server, q, **{"default-graph-uri": "https://w3id.org/ijkg/graph/ontology"})[2])
    assert onto == len(built.ontology)
    q_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/ijkg/graph/asserted> { ?s ?p ?o } }"
    assert count(get(server, q_graph)[2]) == len(built.asserted)
    union = count(get(server, q)[2])
    assert union == len(built.asserted + built.inferred + built.ontology)


# --- errors -------------------------------------------------------------------------


def test_malformed_query_is_400_with_the_parser_message(server):
    assert_error(*get(server, "SELECT ?x WHERE { ?x ?y }"), 400, "does not parse")


def test_missing_query_and_two_queries_are_400(server):
    assert_error(*post_form(server, {"default-graph-uri": "x"}), 400, "exactly one 'query' parameter")
    assert_error(*post_form(server, {"query": ["ASK {}", "ASK {}"]}), 400, "got 2")


def test_wrong_content_type_is_415_and_wrong_method_405(server):
    assert_error(
        *http("POST", server, data=b"ASK {}", headers={"Content-Type": "text/plain"}), 415, "unsupported content type"
    )
    assert_error(*http("PUT", server, data=b"x"), 405, "not allowed")
    assert_error(*http("DELETE", server), 405, "not allowed")


def test_unknown_graph_parameter_is_400(server):
    assert_error(*get(server, "ASK {}", **{"default-graph-uri": "http://example.org/g"}), 400, "unknown graph")


@pytest.mark.parametrize(
    "route",
    ["get-query", "get-update", "form-query", "form-update", "body-query", "sparql-update"],
)
@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "CLEAR DEFAULT",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/x>",
    ],
)
def test_every_update_by_every_route_is_refused_and_data_stays(server, route, update):
    before = count(get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[2])
    if route == "get-query":
        result = get(server, update)
    elif route == "get-update":
        result = http("GET", server + "?" + urllib.parse.urlencode({"update": update}))
    elif route == "form-query":
        result = post_form(server, {"query": update})
    elif route == "form-update":
        result = post_form(server, {"update": update})
    elif route == "body-query":
        result = post_query(server, update)
    else:
        result = http("POST", server, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    assert_error(
        *result, 400, "read-only" if route != "body-query" and route != "get-query" and route != "form-query" else ""
    )
    after = count(get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # " + update[:4])[2])
    assert after == before


# --- safety ---------------------------------------------------------------------------


def test_nothing_a_query_names_is_fetched(server):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    url = f"http://127.0.0.1:{port}/sparql"
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                connections.append(1)
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        attempts = [
            get(server, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"),
            get(server, f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}"),
            get(server, f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }} LIMIT 1"),
            get(server, f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1"),
            get(server, "ASK {}", **{"default-graph-uri": url}),
            get(server, "ASK {}", **{"named-graph-uri": url}),
            get(server, "ASK {}", **{"default-graph-uri": "file:///etc/passwd"}),
            post_form(server, {"update": f"LOAD <{url}>"}),
        ]
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join()
        listener.close()
    assert connections == []
    assert attempts[0][0] == 400 and b"SERVICE is not allowed" in attempts[0][2]
    assert attempts[1][0] == 400
    assert attempts[2][0] == 200  # FROM only names graphs in the store: an empty answer, no fetch


def test_timeout_stops_the_query_and_the_server_keeps_serving(server):
    started = time.monotonic()
    status, headers, body = get(server, HEAVY)
    elapsed = time.monotonic() - started
    assert_error(status, headers, body, 503, "longer than the 2 s limit")
    assert elapsed < 15
    assert count(get(server, COUNT_MEETINGS + " # after timeout")[2]) > 0


def test_request_size_limit_is_413(server):
    big = "ASK {} #" + "x" * 30000
    assert_error(*post_query(server, big), 413, "larger than")


def test_result_size_limit(server):
    assert_error(*get(server, "SELECT * WHERE { ?s ?p ?o }"), 413, "result is larger than")


def test_deep_nesting_is_400(server):
    q = "SELECT * WHERE " + "{ " * 200 + "?s ?p ?o " + "} " * 200
    assert_error(*get(server, q), 400, "nests")


def test_cors_default(server):
    status, headers, _ = get(server, "ASK {}")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in headers
    status, headers, _ = http(
        "OPTIONS", server, headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"}
    )
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


# --- third-party clients -----------------------------------------------------------------


def test_sparqlwrapper_client(server):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(server)
    client.setQuery("PREFIX kg: <https://w3id.org/ijkg/ontology#> SELECT ?c WHERE { ?c a kg:Country } ORDER BY ?c")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert "https://w3id.org/ijkg/id/Italy" in {r["c"]["value"] for r in rows}


def test_rdflib_sparqlstore_client(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server, returnFormat="json")
    g = Graph(store=store)
    rows = list(
        g.query(
            "SELECT ?l WHERE { <https://w3id.org/ijkg/id/Japan> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
        )
    )
    assert [str(r.l) for r in rows] == ["Japan"]
