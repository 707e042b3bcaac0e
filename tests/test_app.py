"""The app factory in-process (Flask test client): configuration order and the one error shape."""

import json

import pytest

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, make_project
from server.app import create_app


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    """A one-article project for the module, not built yet: the app builds it."""
    return make_project(tmp_path_factory.mktemp("mini"), {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})


@pytest.fixture(scope="module")
def app(mini):
    """One app for the module (it builds the project once), configured from the environment and test config."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_QUERY_TIMEOUT", "7")
        mp.setenv("KG_CORS_ORIGIN", '"https://analysts.example"')
        app = create_app({"ROOT": str(mini), "MAX_RESULT_BYTES": 5000})
    yield app
    app.extensions["kg_engine"].close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_configuration_defaults_then_environment_then_test_config(app):
    assert app.config["QUERY_TIMEOUT"] == 7  # environment
    assert app.config["MAX_RESULT_BYTES"] == 5000  # test config
    assert app.config["MAX_QUERY_DEPTH"] == 64  # default
    assert app.debug is False


def test_factory_builds_when_there_is_no_build(mini, app):
    assert (mini / "out" / "build.json").is_file()


def test_query_through_the_test_client(client):
    response = client.get("/sparql", query_string={"query": "SELECT ?p WHERE { ent:M1 kg:participant ?p }"})
    assert response.status_code == 200
    values = sorted(b["p"]["value"] for b in response.get_json()["results"]["bindings"])
    assert values == ["https://w3id.org/ijkg/id/Fumio_Kishida", "https://w3id.org/ijkg/id/Giorgia_Meloni"]
    assert response.headers["Access-Control-Allow-Origin"] == "https://analysts.example"


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("get", "/sparql", {"query_string": {"query": "SELECT WHERE"}}, 400),
        ("post", "/sparql", {"data": "x", "content_type": "text/plain"}, 415),
        ("put", "/sparql", {}, 405),
        ("get", "/nothing-here", {}, 404),
        ("get", "/sparql/sub", {}, 404),
        ("get", "/sparql/", {}, 404),
        ("post", "/sparql", {"data": {"query": "ASK {} #" + "x" * 70000}}, 413),
        ("get", "/sparql", {"query_string": {"query": "SELECT * WHERE { ?s ?p ?o }"}}, 413),
    ],
)
def test_every_error_has_the_one_json_shape(client, method, path, kwargs, status):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    payload = json.loads(response.data)
    assert set(payload) == {"error", "status"}
    assert payload["status"] == status
    assert payload["error"]


def test_response_cache_keys_on_the_body_of_a_post(client):
    def ask(query, form=False):
        if form:
            return client.post("/sparql", data={"query": query})
        return client.post("/sparql", data=query, content_type="application/sparql-query")

    for form in (False, True):
        yes = ask("ASK { ent:M1 kg:participant ent:Giorgia_Meloni }", form)
        no = ask("ASK { ent:M1 kg:participant ent:Italy }", form)
        again = ask("ASK { ent:M1 kg:participant ent:Giorgia_Meloni }", form)
        assert (yes.get_json()["boolean"], no.get_json()["boolean"], again.get_json()["boolean"]) == (True, False, True)


def _counting_app(sizes):
    """A WSGI app that answers each path with a body of the given size and counts its calls."""
    calls = []

    def app(environ, start_response):
        calls.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"x" * sizes.get(environ["PATH_INFO"], 10)]

    return app, calls


def _get(cache, path, host="a.example"):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "HTTP_HOST": host}
    return b"".join(cache(environ, lambda status, headers, exc_info=None: None))


def test_response_cache_is_bounded_in_bytes_not_only_in_entries():
    from server.cache import ResponseCache

    inner, calls = _counting_app({"/big1": 600, "/big2": 600, "/small": 10})
    cache = ResponseCache(inner, entries=100, max_body=1000, max_bytes=1000)
    for path in ("/big1", "/big2", "/big1"):
        _get(cache, path)
    assert cache.size <= 1000
    assert calls == ["/big1", "/big2", "/big1"]  # big1 was evicted to make room for big2
    _get(cache, "/big1")
    assert calls.count("/big1") == 2  # and is now kept


def test_pages_are_cached_per_host_because_they_show_the_endpoint_address():
    from server.cache import ResponseCache

    inner, calls = _counting_app({})
    cache = ResponseCache(inner, entries=10, max_body=1000)
    _get(cache, "/", host="a.example")
    _get(cache, "/", host="a.example")
    _get(cache, "/", host="b.example")
    assert calls == ["/", "/"]


def test_graph_downloads_are_streamed_not_cached():
    from server.cache import ResponseCache

    inner, calls = _counting_app({})
    cache = ResponseCache(inner, entries=10, max_body=1000)
    _get(cache, "/graph/asserted")
    _get(cache, "/graph/asserted")
    assert calls == ["/graph/asserted", "/graph/asserted"]


# --- the SPARQL 1.1 Protocol's charset and parameter rules ------------------------------------

ASK_MELONI = "ASK { ent:M1 kg:participant ent:Giorgia_Meloni }"


@pytest.mark.parametrize("charset", ["UTF-16", "utf-16le", "iso-8859-1", "nonsense"])
def test_a_direct_post_declaring_another_charset_than_utf8_is_415(client, charset):
    body = ASK_MELONI.encode("utf-16" if "16" in charset else "latin-1")
    response = client.post("/sparql", data=body, content_type=f"application/sparql-query; charset={charset}")
    assert response.status_code == 415
    assert response.get_json() == {"error": response.get_json()["error"], "status": 415}
    assert charset in response.get_json()["error"] and "UTF-8" in response.get_json()["error"]


def test_a_direct_post_whose_body_is_not_utf8_is_400(client):
    for content_type in ("application/sparql-query", "application/sparql-query; charset=utf-8"):
        response = client.post("/sparql", data=ASK_MELONI.encode("utf-16"), content_type=content_type)
        assert response.status_code == 400
        assert "not valid UTF-8" in response.get_json()["error"]


def test_a_direct_post_in_utf8_is_answered(client):
    for content_type in ("application/sparql-query", "application/sparql-query; charset=UTF-8"):
        response = client.post("/sparql", data='ASK { ?s ?p "Meloni–Kishida" }'.encode(), content_type=content_type)
        assert response.status_code == 200
        assert response.get_json()["boolean"] is False


@pytest.mark.parametrize(
    "params",
    [
        {"default-graph-uri": "https://w3id.org/ijkg/graph/asserted"},
        {"named-graph-uri": "https://w3id.org/ijkg/graph/asserted"},
        {"default-graph-uri": "https://w3id.org/ijkg/graph/asserted", "named-graph-uri": "urn:x"},
    ],
)
def test_a_get_with_protocol_parameters_but_no_query_is_400(client, params):
    response = client.get("/sparql", query_string=params)
    assert response.status_code == 400
    assert "'query' parameter is required" in response.get_json()["error"]


def test_a_bare_get_is_the_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert b"sparql-service-description" in response.data


@pytest.mark.parametrize(
    "accept, media",
    [
        ("text/csv", "text/csv"),
        ("text/csv; charset=utf-8", "text/csv"),  # parameters do not stop a match
        ("text/*", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        ("application/sparql-results+xml;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("image/png", "application/sparql-results+json"),  # nothing matches: the default, not 406
        ("", "application/sparql-results+json"),
    ],
)
def test_accept_is_negotiated_by_werkzeug(client, accept, media):
    response = client.get(
        "/sparql", query_string={"query": "SELECT ?p WHERE { ent:M1 kg:participant ?p }"}, headers={"Accept": accept}
    )
    assert response.status_code == 200 and response.mimetype == media


# --- /sparql in front of Flask -------------------------------------------------------------------


def test_head_is_answered_as_get_without_the_body(client):
    params = {
        "query_string": {"query": "SELECT ?p WHERE { ent:M1 kg:participant ?p }"},
        "headers": {"Accept": "text/csv"},
    }
    get, head = client.get("/sparql", **params), client.head("/sparql", **params)
    assert head.status_code == get.status_code == 200
    assert head.data == b""
    for name in ("Content-Type", "Content-Length", "Vary", "Access-Control-Allow-Origin"):
        assert head.headers[name] == get.headers[name]
    assert client.head("/sparql").headers["Content-Type"].startswith("text/turtle")  # the Service Description


def test_options_is_204_with_the_cors_headers_and_no_body(client):
    response = client.options("/sparql")
    assert response.status_code == 204 and response.data == b""
    assert response.headers["Access-Control-Allow-Origin"] == "https://analysts.example"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_graph_iris_and_any_query_text_reach_the_evaluator_intact(client):
    """The evaluator's messages carry the graph IRIs and the query, NUL and non-ASCII included."""
    asserted, ontology = "https://w3id.org/ijkg/graph/asserted", "https://w3id.org/ijkg/graph/ontology"
    query = (
        'SELECT ?g (COUNT(*) AS ?n) ("Meloni–Kishida \x00 会談" AS ?t) WHERE { GRAPH ?g { ent:M1 ?p ?o } } GROUP BY ?g'
    )
    graphs = [("default-graph-uri", ontology), ("named-graph-uri", asserted)] * 2
    response = client.get("/sparql", query_string=[("query", query), *graphs])
    assert response.status_code == 200, response.data
    (row,) = response.get_json()["results"]["bindings"]
    assert row["g"]["value"] == asserted and int(row["n"]["value"]) > 0
    assert row["t"]["value"] == "Meloni–Kishida \x00 会談"
    empty = client.get("/sparql", query_string={"query": "ASK { ent:M1 ?p ?o }", "default-graph-uri": ontology})
    assert empty.get_json()["boolean"] is False  # the default graph is only the ontology


def test_an_error_in_the_endpoint_is_a_json_500_and_the_next_request_is_answered(app, client, monkeypatch):
    engine = app.extensions["kg_engine"]

    def broken(*args):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(engine, "answer", broken)
    response = client.get("/sparql", query_string={"query": "ASK { ent:M1 ?p ?o } # broken"})
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error; the server log has the details.", "status": 500}
    monkeypatch.undo()
    assert client.get("/sparql", query_string={"query": "ASK { ent:M1 ?p ?o } # mended"}).get_json()["boolean"]
