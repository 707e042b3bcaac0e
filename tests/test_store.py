"""`kg serve --store`: the endpoint and pages over a real Oxigraph server, started on a loopback port by the
tests and stopped by its process id, after `kg publish` filled it."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import urllib.parse

import pytest

from helpers import ROOT, free_port, http, kg_serve, start_oxigraph, stop_server
from kg.query import missing_prologue, read_stored

QUESTIONS = ["leaders", "meetings_of_giorgia_meloni", "programme_lineage", "event_outcomes", "officials"]


pytestmark = pytest.mark.server


def kg(out, *args, env=None, timeout=120):
    """`kg` in a subprocess on the project, reading the build in ``out``."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args, "--root", str(ROOT), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base, proc = start_oxigraph(tmp_path_factory.mktemp("store"))
    yield base, proc
    stop_server(proc)


@pytest.fixture(scope="module")
def published(store, build_dir):
    base, _ = store
    result = kg(build_dir, "publish", "--store", base + "/store")
    assert result.returncode == 0, result.stderr
    return base


@pytest.fixture(scope="module")
def servers(published, build_dir, tmp_path_factory):
    """The same project served twice, from the embedded store and from the Oxigraph server, with a 200 kB result limit."""
    tmp = tmp_path_factory.mktemp("serve")
    procs, bases = [], {}
    for name, extra in (("embedded", []), ("store", ["--store", published + "/query"])):
        env = dict(os.environ, KG_MAX_RESULT_BYTES="200000")
        bases[name], proc = kg_serve(
            build_dir, tmp / f"{name}.log", "--workers", "1", "--timeout", "3", *extra, env=env
        )
        procs.append(proc)
    yield bases
    for proc in procs:
        stop_server(proc)


def select(base, query, **params):
    qs = urllib.parse.urlencode({"query": query, **params}, doseq=True)
    status, headers, body = http("GET", f"{base}/sparql?{qs}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    data = json.loads(body)
    return sorted(tuple(sorted((k, v["value"]) for k, v in row.items())) for row in data["results"]["bindings"]), data[
        "head"
    ]["vars"]


@pytest.mark.parametrize("name", QUESTIONS)
def test_stored_questions_have_the_same_answers_from_the_store(servers, name):
    text = read_stored(ROOT / "queries" / f"{name}.rq").text
    embedded = select(servers["embedded"], text)
    assert embedded[0], "the question has answers"
    assert select(servers["store"], text) == embedded


def test_short_queries_without_prefixes_and_named_graphs_work_on_the_store(servers):
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Meeting } } GROUP BY ?g"
    assert select(servers["store"], q) == select(servers["embedded"], q)
    asserted = "https://w3id.org/ijkg/graph/asserted"
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Leader }"
    assert select(servers["store"], q, **{"default-graph-uri": asserted}) == select(
        servers["embedded"], q, **{"default-graph-uri": asserted}
    )
    q = f"SELECT (COUNT(*) AS ?n) FROM <{asserted}> WHERE {{ ?s ?p ?o }}"
    assert select(servers["store"], q) == select(servers["embedded"], q)


def test_pages_are_served_over_the_store(servers):
    for path in ("/", "/id/Giorgia_Meloni", "/timeline", "/articles/002_7b46b79a9830cf4e"):
        status, headers, body = http("GET", servers["store"] + path, headers={"Accept": "text/html"})
        assert status == 200, path
        embedded = http("GET", servers["embedded"] + path, headers={"Accept": "text/html"})[2]
        body, embedded = (re.sub(rb"127\.0\.0\.1:\d+", b"HOST", b).decode() for b in (body, embedded))
        assert body == embedded, "\n".join(difflib.unified_diff(embedded.splitlines(), body.splitlines(), lineterm=""))


@pytest.mark.parametrize(
    "query, status, fragment",
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400, "SERVICE"),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", 400, "read-only"),
        ("DROP ALL", 400, "read-only"),
        ("SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }", 400, "fetches nothing"),
        ("SELECT WHERE {", 400, "refused"),
        ("SELECT * WHERE { ?s ?p ?o }", 413, "larger than"),
    ],
)
def test_the_same_protection_and_limits_over_the_store(servers, query, status, fragment):
    qs = urllib.parse.urlencode({"query": query})
    got, headers, body = http("GET", f"{servers['store']}/sparql?{qs}")
    assert got == status, body
    payload = json.loads(body)
    assert payload["status"] == status and fragment in payload["error"]


def test_publish_again_is_idempotent_and_the_store_still_serves(published, servers, build_dir):
    before = select(servers["store"], "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    result = kg(build_dir, "publish", "--store", published + "/store")
    assert result.returncode == 0, result.stderr
    after = select(servers["store"], "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert after == before


def test_serve_refuses_a_store_that_is_down_or_empty(tmp_path, build_dir):
    closed = f"http://127.0.0.1:{free_port()}/query"
    result = kg(build_dir, "serve", "--store", closed, "--port", str(free_port()), timeout=60)
    assert result.returncode == 2
    assert closed in result.stderr and "Traceback" not in result.stderr
    empty, proc = start_oxigraph(tmp_path)
    try:
        result = kg(build_dir, "serve", "--store", empty + "/query", "--port", str(free_port()), timeout=60)
    finally:
        stop_server(proc)
    assert result.returncode == 2
    assert "kg publish" in result.stderr and "Traceback" not in result.stderr


def test_a_store_that_goes_down_gives_a_clear_error_and_the_server_keeps_running(tmp_path, build_dir):
    store, oxi = start_oxigraph(tmp_path)
    try:
        assert kg(build_dir, "publish", "--store", store + "/store").returncode == 0
        served, server = kg_serve(build_dir, tmp_path / "s.log", "--workers", "1", "--store", store + "/query")
    finally:
        stop_server(oxi)
    try:
        status, headers, body = http("GET", served + "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")
        assert status == 502
        assert "could not be reached" in json.loads(body)["error"]
        status, headers, body = http("GET", served + "/id/Italy", headers={"Accept": "text/html"})
        assert status == 502 and b"could not be reached" in body and b"Traceback" not in body
    finally:
        stop_server(server)


def test_prologue_declares_only_missing_prefixes():
    text = missing_prologue("PREFIX kg: <https://example.org/other#>\nSELECT * WHERE { ?s kg:x ent:y }")
    assert "PREFIX kg:" not in text
    assert "PREFIX ent: <https://w3id.org/ijkg/id/>" in text


def test_a_query_past_the_time_limit_is_stopped_with_503_over_the_store(servers):
    """Last in the module: the store itself goes on evaluating until the fixture stops it."""
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    qs = urllib.parse.urlencode({"query": heavy})
    status, headers, body = http("GET", f"{servers['store']}/sparql?{qs}")
    assert status == 503 and "limit" in json.loads(body)["error"]
    assert select(servers["store"], "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Country }")[0]
