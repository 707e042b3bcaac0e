"""kg publish against Debian's Virtuoso (virtuoso-opensource 7.2), started on loopback ports with its own database.

The server runs from a generated ini in a temporary folder and is stopped by its process
id. It asks for HTTP Digest on /sparql-graph-crud-auth and stores the seed data's
xsd:duration "P5M" as "5", which kg publish must find before replacing anything.
``make test`` installs the package when it is missing.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from helpers import ROOT, free_port, start_server, stop_server
from kg.cli import cli
from kg.namespaces import GRAPHS
from kg.publish import PublishError, RewriteError, publish
from kg.store import gsp_request

pytestmark = pytest.mark.server

INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 200M
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
; the Debian default of 10,000 rows also cuts what the Graph Store Protocol's GET returns
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60

[Plugins]
LoadPath = /usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
"""

CANARY = "http://example.org/someone-elses-graph"
CANARY_NT = b'<http://example.org/a> <http://example.org/b> "kept as it is"@en .\n'


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """The base URL of a fresh Virtuoso (user dba, password dba, as a new database has)."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip(
            "Virtuoso is not installed (needs Debian's virtuoso-opensource: "
            "apt-get install -y virtuoso-opensource, which 'make test' runs)"
        )
    tmp = tmp_path_factory.mktemp("virtuoso")
    (tmp / "db").mkdir()
    http_port, sql_port = free_port(), free_port()
    ini = tmp / "virtuoso.ini"
    ini.write_text(INI.format(db=tmp / "db", http_port=http_port, sql_port=sql_port), encoding="utf-8")
    base = f"http://127.0.0.1:{http_port}"
    proc = start_server(
        [binary, "+foreground", "+configfile", str(ini)],
        base + "/sparql?query=ASK%7B%7D",
        tmp / "server.log",
        seconds=120,
    )
    yield base
    stop_server(proc)


@pytest.fixture
def dba(monkeypatch):
    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", "dba")
    monkeypatch.delenv("KG_STORE_TOKEN", raising=False)


def held(base) -> dict[str, int]:
    """Triples per named graph, from Virtuoso's /sparql (a GET: it does not answer a sparql-query POST)."""
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(
        base + "/sparql?" + urllib.parse.urlencode({"query": q}), headers={"Accept": "application/sparql-results+json"}
    )
    rows = json.loads(urllib.request.urlopen(req, timeout=30).read())["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def put_canary(base):
    url = f"{base}/sparql-graph-crud-auth?" + urllib.parse.urlencode({"graph": CANARY})
    gsp_request("PUT", url, data=CANARY_NT, headers={"Content-Type": "application/n-triples"}, timeout=30, shown=CANARY)


def canary(base) -> bytes:
    url = f"{base}/sparql-graph-crud?" + urllib.parse.urlencode({"graph": CANARY})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    return urllib.request.urlopen(req, timeout=30).read()


def test_publish_names_the_rewrites_and_replaces_nothing(virtuoso, dba, build_dir):
    put_canary(virtuoso)
    before = held(virtuoso)
    with pytest.raises(RewriteError) as caught:
        publish(build_dir, virtuoso + "/sparql-graph-crud-auth")
    message = caught.value.message
    assert '"P5M"^^<http://www.w3.org/2001/XMLSchema#duration>, the store keeps "5"^^' in message
    assert "<https://w3id.org/ijkg/ontology#duration>" in message
    assert caught.value.exit_code == 1
    after = held(virtuoso)
    assert after == before  # no project graph, and the scratch graph is gone
    assert not any(g.startswith("urn:uuid:") for g in after)
    assert GRAPHS["asserted"] not in after


def test_publish_with_allow_rewrites_reads_back_exactly_the_named_rewrites_and_is_idempotent(virtuoso, dba, build_dir):
    put_canary(virtuoso)
    first = publish(build_dir, virtuoso + "/sparql-graph-crud-auth", allow_rewrites=True)
    rewrites = [r for p in first for r in p.rewrites]
    duration = "^^<http://www.w3.org/2001/XMLSchema#duration>"
    lines = (build_dir / "asserted.nt").read_text(encoding="utf-8").splitlines()
    sent = sum(1 for line in lines if duration in line)
    # Virtuoso keeps every xsd:duration as a bare number (P5M as 5, P3Y as 36), so each one sent is a rewrite.
    assert len(rewrites) == sent > 0
    assert all(r.sent.endswith(duration) and r.kept.endswith(duration) and r.sent != r.kept for r in rewrites)
    assert ('"P5M"' + duration, '"5"' + duration) in {(r.sent, r.kept) for r in rewrites}
    counts = {p.iri: p.triples for p in first}
    assert {g: n for g, n in held(virtuoso).items() if g in counts} == counts
    again = publish(build_dir, virtuoso + "/sparql-graph-crud-auth", allow_rewrites=True)
    assert [(p.iri, p.triples, len(p.rewrites)) for p in again] == [(p.iri, p.triples, len(p.rewrites)) for p in first]
    assert {g: n for g, n in held(virtuoso).items() if g in counts} == counts
    assert b'"kept as it is"@en' in canary(virtuoso) and held(virtuoso)[CANARY] == 1


def test_cli_warns_with_each_rewrite_when_allowed(virtuoso, dba, build_dir):
    result = CliRunner().invoke(
        cli,
        ["publish", "--root", str(ROOT), "--out", str(build_dir), "--store", virtuoso + "/sparql-graph-crud-auth"]
        + ["--allow-rewrites"],
    )
    assert result.exit_code == 0, result.output
    assert "kg: warning: the store rewrote" in result.output and '"P5M"' in result.output
    assert result.output.count("read back as sent") == 4


@pytest.mark.parametrize(
    ("endpoint", "password", "expected"),
    [
        ("/sparql-graph-crud-auth", "not-the-password", "answered 401 Unauthorized"),
        ("/sparql-graph-crud", "dba", "answered 403 Forbidden"),
    ],
)
def test_refusals_are_one_error_naming_the_store_and_status(
    virtuoso, monkeypatch, build_dir, endpoint, password, expected
):
    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", password)
    result = CliRunner().invoke(
        cli, ["publish", "--root", str(ROOT), "--out", str(build_dir), "--store", virtuoso + endpoint]
    )
    assert result.exit_code == 2
    assert expected in result.output and virtuoso + endpoint in result.output
    assert "Traceback" not in result.output
    with pytest.raises(PublishError):
        publish(build_dir, virtuoso + endpoint)
