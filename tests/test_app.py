"""The app factory in-process (Flask test client): configuration order and the one error shape."""

import json

import pytest

from server.app import create_app


@pytest.fixture
def app(mini_project, monkeypatch):
    monkeypatch.setenv("KG_QUERY_TIMEOUT", "7")
    monkeypatch.setenv("KG_CORS_ORIGIN", '"https://analysts.example"')
    app = create_app({"ROOT": str(mini_project), "MAX_RESULT_BYTES": 5000})
    yield app
    app.extensions["kg_engine"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def test_configuration_defaults_then_environment_then_test_config(app):
    assert app.config["QUERY_TIMEOUT"] == 7  # environment
    assert app.config["MAX_RESULT_BYTES"] == 5000  # test config
    assert app.config["MAX_QUERY_DEPTH"] == 64  # default
    assert app.debug is False


def test_factory_builds_when_there_is_no_build(mini_project, app):
    assert (mini_project / "out" / "build.json").is_file()


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
    from server.app import ResponseCache

    inner, calls = _counting_app({"/big1": 600, "/big2": 600, "/small": 10})
    cache = ResponseCache(inner, entries=100, max_body=1000, max_bytes=1000)
    for path in ("/big1", "/big2", "/big1"):
        _get(cache, path)
    assert cache.size <= 1000
    assert calls == ["/big1", "/big2", "/big1"]  # big1 was evicted to make room for big2
    _get(cache, "/big1")
    assert calls.count("/big1") == 2  # and is now kept


def test_pages_are_cached_per_host_because_they_show_the_endpoint_address():
    from server.app import ResponseCache

    inner, calls = _counting_app({})
    cache = ResponseCache(inner, entries=10, max_body=1000)
    _get(cache, "/", host="a.example")
    _get(cache, "/", host="a.example")
    _get(cache, "/", host="b.example")
    assert calls == ["/", "/"]


def test_graph_downloads_are_streamed_not_cached():
    from server.app import ResponseCache

    inner, calls = _counting_app({})
    cache = ResponseCache(inner, entries=10, max_body=1000)
    _get(cache, "/graph/asserted")
    _get(cache, "/graph/asserted")
    assert calls == ["/graph/asserted", "/graph/asserted"]
