"""kg publish against a real Oxigraph server started on a loopback port and stopped by its process id."""

import io
import json
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from helpers import free_port, oxigraph, start_server, stop_server
from kg.cli import cli
from kg.publish import PublishError, publish

pytestmark = pytest.mark.server


@pytest.fixture
def store(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [oxigraph(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    proc = start_server(cmd, base + "/query?query=ASK%7B%7D", tmp_path / "oxigraph.log")
    yield base
    stop_server(proc)


def counts(base) -> dict[str, int]:
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(
        base + "/query?" + urllib.parse.urlencode({"query": q}), headers={"Accept": "application/sparql-results+json"}
    )
    rows = json.loads(urllib.request.urlopen(req, timeout=10).read())["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


@pytest.fixture(scope="module")
def built_out(tmp_path_factory):
    """The mini project built once for this module; publishing only reads it (one test checks that)."""
    from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, make_project
    from kg.build import build
    from kg.project import find_project

    root = make_project(tmp_path_factory.mktemp("mini"), {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})
    _, out = build(find_project(root))
    return out


def test_publish_replaces_only_its_graphs_and_is_idempotent(store, built_out):
    other = "http://example.org/someone-elses-graph"
    urllib.request.urlopen(
        urllib.request.Request(
            store + "/store?" + urllib.parse.urlencode({"graph": other}),
            data=b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        ),
        timeout=10,
    ).read()
    first = publish(built_out, store + "/store")
    expected = {p.iri: p.triples for p in first}
    assert all(n > 0 for n in expected.values())
    assert counts(store) == {**expected, other: 1}
    publish(built_out, store + "/store")
    assert counts(store) == {**expected, other: 1}


def test_graph_prefix(store, built_out):
    published = publish(built_out, store + "/store", graph_prefix="http://example.org/kg/")
    assert {p.iri for p in published} == {
        f"http://example.org/kg/{n}" for n in ("asserted", "inferred", "ontology", "shapes")
    }
    assert set(counts(store)) == {p.iri for p in published}


def test_store_down_is_a_clear_error_and_nothing_is_written(built_out):
    before = {p.name: p.read_bytes() for p in built_out.iterdir()}
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(PublishError, match=r"could not be reached"):
        publish(built_out, url)
    assert {p.name: p.read_bytes() for p in built_out.iterdir()} == before


def test_store_refusing_names_the_graph_and_status(store, built_out):
    # The first write is the scratch graph that checks the store keeps every literal.
    with pytest.raises(
        PublishError, match=r"answered 4\d\d .* for the scratch graph <urn:uuid:[-0-9a-f]+> at .*/no-such-endpoint"
    ):
        publish(built_out, store + "/no-such-endpoint")


def test_credentials_in_the_url_are_refused(built_out):
    with pytest.raises(PublishError, match="KG_STORE_USER"):
        publish(built_out, "http://user:secret@127.0.0.1:9/store")


def test_cli_publish(store, mini_project):
    result = CliRunner().invoke(cli, ["publish", "--root", str(mini_project), "--store", store + "/store"])
    assert result.exit_code == 0, result.output
    assert result.output.count("published") == 4
    down = CliRunner().invoke(
        cli, ["publish", "--root", str(mini_project), "--store", f"http://127.0.0.1:{free_port()}/store"]
    )
    assert down.exit_code == 2
    assert "could not be reached" in down.output and "Traceback" not in down.output


def test_publish_reads_the_out_folder(store, mini_project, tmp_path):
    out = tmp_path / "elsewhere"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--root", str(mini_project), "--out", str(out)]).exit_code == 0
    result = runner.invoke(
        cli, ["publish", "--root", str(mini_project), "--out", str(out), "--store", store + "/store"]
    )
    assert result.exit_code == 0, result.output
    asserted = sum(1 for line in (out / "asserted.nt").read_text(encoding="utf-8").splitlines() if line.strip())
    assert counts(store)["https://w3id.org/ijkg/graph/asserted"] == asserted
    assert not (mini_project / "out").exists()


@pytest.mark.parametrize(
    "challenge",
    [
        {"realm": "SPARQL", "nonce": "abc", "qop": "auth", "algorithm": "SHA-512"},
        {"realm": "SPARQL", "nonce": "abc", "qop": "auth-int"},
    ],
)
def test_a_digest_the_client_cannot_compute_is_one_error_naming_it(challenge):
    import urllib.request

    from kg.store import StoreError, _Digest

    signer = _Digest("http://127.0.0.1:9/x", "dba", "secret", challenge)
    with pytest.raises(StoreError) as caught:
        signer.header(urllib.request.Request("http://127.0.0.1:9/x"))
    assert "which kg does not speak" in caught.value.message and "MD5 Digest with qop auth" in caught.value.hint


def test_a_query_endpoint_that_was_down_is_asked_for_its_scheme_again(monkeypatch):
    """A failed first probe must not leave the endpoint marked as probed (it then refused every signed query)."""
    import email.message
    import urllib.error

    import kg.store as store

    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", "secret")
    monkeypatch.delenv("KG_STORE_TOKEN", raising=False)
    url = "http://127.0.0.1:9/sparql-auth"
    monkeypatch.setattr(store, "_PROBED", set())
    monkeypatch.setattr(store, "_DIGESTS", {})
    answers = iter(["down", "digest"])

    def open_(request, timeout):
        if next(answers) == "down":
            raise urllib.error.URLError("connection refused")
        headers = email.message.Message()
        headers["WWW-Authenticate"] = 'Digest realm="SPARQL", nonce="abc", qop="auth"'
        raise urllib.error.HTTPError(url, 401, "Unauthorized", headers, io.BytesIO(b""))

    monkeypatch.setattr(store._OPENER, "open", open_)
    store._probe_query_endpoint(url, 5)
    assert store._origin(url) not in store._PROBED
    store._probe_query_endpoint(url, 5)
    assert store._origin(url) in store._PROBED and store._origin(url) in store._DIGESTS


@pytest.mark.parametrize("challenge", ['Basic realm="store"', None])
def test_a_basic_store_is_asked_for_its_scheme_once_not_before_every_graph(monkeypatch, challenge):
    """kg publish sends several Graph Store requests; only the first may be preceded by the bodiless probe."""
    import email.message
    import urllib.error

    import kg.store as store

    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", "secret")
    monkeypatch.delenv("KG_STORE_TOKEN", raising=False)
    monkeypatch.setattr(store, "_DIGESTS", {})
    monkeypatch.setattr(store, "_BASIC", set())
    url = "http://127.0.0.1:9/sparql-graph-crud-auth"
    sent = []

    class Answer(io.BytesIO):
        status = 201
        headers = email.message.Message()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def open_(request, timeout):
        sent.append((request.get_method(), request.get_header("Authorization")))
        if request.get_method() == "GET":
            headers = email.message.Message()
            if challenge:
                headers["WWW-Authenticate"] = challenge
            raise urllib.error.HTTPError(request.full_url, 401, "Unauthorized", headers, io.BytesIO(b""))
        return Answer(b"")

    monkeypatch.setattr(store._OPENER, "open", open_)
    for graph in ("asserted", "inferred", "ontology"):
        status, _, _ = store.gsp_request(
            "PUT", f"{url}?graph=urn:{graph}", data=b"", headers={}, timeout=5, shown=url, error=store.StoreError
        )
        assert status == 201
    assert [method for method, _ in sent] == ["GET", "PUT", "PUT", "PUT"]
    assert all(auth and auth.startswith("Basic ") for method, auth in sent if method == "PUT")


@pytest.mark.parametrize(("status", "headers"), [(206, {}), (200, {"X-SQL-State": "S1TAT"})])
def test_an_answer_the_store_cut_at_its_own_time_limit_is_not_served_as_whole(status, headers):
    """Virtuoso sends what it had when its own limit stops a query; kg serve --store must say 503, not pass it on."""
    import http.server
    import threading

    from kg.store import StoreQueryError, sparql_query

    class Partial(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/sparql-results+json")
            body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Partial)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        with pytest.raises(StoreQueryError) as caught:
            sparql_query(
                url, "SELECT * {}", accept="application/sparql-results+json", params=[], timeout=5, max_bytes=1000
            )
        assert caught.value.status == 503 and "partial answer" in caught.value.message
    finally:
        server.shutdown()
        server.server_close()


def test_blank_node_triples_read_back_compare_up_to_renaming():
    """What publish reads back is compared to what it sent up to blank-node labels, and nothing more."""
    import pyoxigraph as ox

    from kg.publish import _isomorphic

    def triples(text):
        return list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))

    sent = triples('_:a <http://e.org/p> _:b .\n_:b <http://e.org/q> "x" .\n_:c <http://e.org/p> _:a .\n')
    renamed = triples('_:z <http://e.org/p> _:y .\n_:y <http://e.org/q> "x" .\n_:w <http://e.org/p> _:z .\n')
    moved = triples('_:z <http://e.org/p> _:y .\n_:z <http://e.org/q> "x" .\n_:w <http://e.org/p> _:z .\n')
    assert _isomorphic(sent, renamed) and _isomorphic([], [])
    assert not _isomorphic(sent, moved) and not _isomorphic(sent, renamed[:2])
