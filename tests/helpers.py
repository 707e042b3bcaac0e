"""Helpers the tests share: small projects in temporary folders, servers on loopback ports, HTTP, references.

Imported as ``helpers`` (``pythonpath`` in pyproject.toml puts tests/ on the path), so
that plain ``pytest`` and ``python -m pytest`` both work.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def make_project(tmp_path: Path, data: dict[str, str] | None = None, articles: dict[str, str] | None = None) -> Path:
    """A small project in ``tmp_path``: the real ontology and shapes, and the given data and article files.

    ``data`` maps paths below data/ (like "claims/x.ttl") to Turtle text;
    ``articles`` maps article file names to their text.
    """
    (tmp_path / "ontology").mkdir(parents=True)
    shutil.copy(ROOT / "ontology" / "kg.ttl", tmp_path / "ontology" / "kg.ttl")
    shutil.copy(ROOT / "ontology" / "shapes.ttl", tmp_path / "ontology" / "shapes.ttl")
    (tmp_path / "data" / "claims").mkdir(parents=True)
    (tmp_path / "data" / "articles").mkdir()
    for name, text in (data or {}).items():
        (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    for name, text in (articles or {}).items():
        (tmp_path / "data" / "articles" / name).write_text(text, encoding="utf-8")
    return tmp_path


def copy_project(tmp_path: Path) -> Path:
    """A full copy of the project's inputs (ontology, data, articles) in ``tmp_path``."""
    for part in ("ontology", "data"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


PREFIXES = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix art:  <https://w3id.org/ijkg/article/> .
@prefix evd:  <https://w3id.org/ijkg/evidence/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""

#: A tiny article and the data that quotes it, valid against the shapes.
MINI_ARTICLE_NAME = "900_00000000000000aa.txt"
MINI_ARTICLE = (
    "Rome meeting.\n"
    "The Italian Prime Minister Giorgia Meloni met Fumio Kishida at Palazzo Chigi on 10 January 2023.\n"
    "They agreed to raise relations to a strategic partnership.\n"
)
MINI_DATA = (
    PREFIXES
    + """
art:900_00000000000000aa a kg:Article ;
    kg:fileName "900_00000000000000aa.txt" ;
    kg:publicationDate "2023-01-10"^^xsd:date ;
    kg:dateMethod "Test fixture." .

ent:Italy a kg:Country ; skos:prefLabel "Italy"@en ; kg:demonym "Italian"@en .
ent:Rome a kg:City ; skos:prefLabel "Rome"@en .
ent:Palazzo_Chigi a kg:Building ; skos:prefLabel "Palazzo Chigi"@en .
ent:Giorgia_Meloni a kg:Person ; skos:prefLabel "Giorgia Meloni"@en .
ent:Fumio_Kishida a kg:Person ; skos:prefLabel "Fumio Kishida"@en .
ent:Prime_Minister_of_Italy a kg:LeaderOffice ; skos:prefLabel "Prime Minister of Italy"@en .
ent:M1 a kg:Meeting ; skos:prefLabel "Meloni-Kishida meeting"@en .

evd:900-01 a kg:Evidence ;
    kg:article art:900_00000000000000aa ;
    kg:quote "The Italian Prime Minister Giorgia Meloni met Fumio Kishida at Palazzo Chigi on 10 January 2023." ;
    kg:supports
        [ rdf:subject ent:M1 ; rdf:predicate kg:participant ; rdf:object ent:Giorgia_Meloni ] ,
        [ rdf:subject ent:M1 ; rdf:predicate kg:participant ; rdf:object ent:Fumio_Kishida ] ,
        [ rdf:subject ent:M1 ; rdf:predicate kg:location ; rdf:object ent:Palazzo_Chigi ] ,
        [ rdf:subject ent:M1 ; rdf:predicate kg:date ; rdf:object "2023-01-10"^^xsd:date ] ,
        [ rdf:subject ent:M1 ; rdf:predicate kg:status ; rdf:object kg:Happened ] ,
        [ rdf:subject ent:Palazzo_Chigi ; rdf:predicate kg:locatedIn ; rdf:object ent:Rome ] ,
        [ rdf:subject ent:Rome ; rdf:predicate kg:locatedIn ; rdf:object ent:Italy ] ,
        [ rdf:subject ent:Giorgia_Meloni ; rdf:predicate kg:heldOffice ; rdf:object ent:Prime_Minister_of_Italy ;
          kg:pointInTime "2023-01-10"^^xsd:date ] .
"""
)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(cmd: list[str], ready_url: str, log_path: Path, env: dict | None = None, seconds: float = 60):
    """Start a server process in its own process group and wait until ``ready_url`` answers.

    Returns the process; stop it with :func:`stop_server`. Raises with the server's log when it
    exits or does not answer in time.
    """
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(ready_url, timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_server(proc)
                raise RuntimeError("server did not start: " + log_path.read_text(errors="replace")) from None
            time.sleep(0.1)


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server started by :func:`start_server` by its process id, then anything left in its process group.

    The signal goes to the server's own process first, and Granian stops its workers
    itself (0.1 s); with the whole group signalled at once, two workers took 10 s to stop.
    A Granian worker still starting when the signal comes catches it and goes on serving,
    and Granian waits for it without end: a server still running after a second gets the
    signal again at its child processes (by their ids), which then stop in 0.3 s.
    """
    proc.terminate()
    try:
        proc.wait(1)
    except subprocess.TimeoutExpired:
        for child in _children(proc.pid):
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # what the server left behind (its evaluators, if any)
    except ProcessLookupError:
        pass
    proc.wait()


def _children(pid: int) -> list[int]:
    """The ids of the child processes of ``pid`` (Linux; none where /proc does not list them)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def http(method, url, *, data=None, headers=None):
    """(status, headers, body) of one request, without raising on error statuses."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def oxigraph() -> str:
    """The Oxigraph server's executable (it comes with the test extras)."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(found).exists(), "the oxigraph server comes with the test extras (pip install -e '.[test]')"
    return found


def start_oxigraph(tmp: Path):
    """An empty Oxigraph server on a free loopback port: (base URL, process); stop it with stop_server."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [oxigraph(), "serve", "--location", str(tmp / "db"), "--bind", f"127.0.0.1:{port}"]
    return base, start_server(cmd, base + "/query?query=ASK%7B%7D", tmp / "oxigraph.log")


def kg_serve(out: Path, log: Path, *args: str, env: dict | None = None, root: Path = ROOT):
    """`kg serve` of the build in ``out`` on a free loopback port: (base URL, process); stop it with stop_server."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg", "serve", "--root", str(root), "--out", str(out), "--port", str(port), *args]
    base = f"http://127.0.0.1:{port}"
    return base, start_server(cmd, base + "/sparql?query=ASK%7B%7D", log, env=env)


def rdflib_query(graph, text: str):
    """The reference: rdflib's SPARQL engine over an rdflib ``graph``, the project's prefixes known."""
    from rdflib.plugins.sparql import prepareQuery

    from kg.namespaces import PREFIXES

    return graph.query(prepareQuery(text, initNs=PREFIXES))


def canonical_lines(graph) -> list[str]:
    """The sorted N-Triples lines of an rdflib ``graph`` with blank nodes renamed by pyoxigraph's canonicalisation.

    Two graphs are isomorphic exactly when their lists are equal, so each graph is
    canonicalised once (in Rust) instead of comparing pairs with rdflib's ``isomorphic``.
    """
    import pyoxigraph as ox

    text = graph.serialize(format="nt", encoding="utf-8")
    ds = ox.Dataset(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(f"{q.subject} {q.predicate} {q.object} ." for q in ds)
