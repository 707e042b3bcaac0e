"""Publish the built graphs to an external store through the SPARQL 1.1 Graph Store Protocol.

Before anything is replaced, every distinct literal of the four graphs (asserted,
inferred, ontology, shapes) is written to a scratch graph, read back and the scratch
graph deleted: a store that would rewrite a literal (Virtuoso stores the
``xsd:duration`` "P5M" as "5") is found out first, and ``publish`` refuses, naming each
rewritten value, unless the caller allows the rewrites. Then each graph is sent with
one ``PUT <store>?graph=<iri>``, which replaces that named graph and nothing else, read
back with ``GET`` and compared by content with what was sent: the same triples
(blank nodes up to renaming), or exactly the allowed rewrites.

This works with any store that speaks the protocol: Oxigraph server
(``http://host:7878/store``), Apache Jena Fuseki (``http://host:3030/<dataset>/data``),
GraphDB (``http://host:7200/repositories/<repo>/rdf-graphs/service``), Virtuoso
(``http://host:8890/sparql-graph-crud-auth``, with HTTP Digest).

Credentials come from the environment only (see :mod:`kg.store`, the client this
module shares with ``kg serve --store``). This module writes nothing locally.
"""

from __future__ import annotations

import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import GRAPHS
from kg.store import check_store_url, gsp_request


class PublishError(KgError):
    """The store refused, could not be reached, or holds other triples than were sent."""


class RewriteError(PublishError):
    """The store would change some literals; nothing was replaced. Exit code 1, like data that does not conform."""

    exit_code = 1


@dataclass(frozen=True)
class Rewrite:
    """A literal the store keeps in another form than was sent."""

    graph: str
    subject: str
    predicate: str
    sent: str
    kept: str

    def __str__(self) -> str:
        return f"{self.subject} {self.predicate}: sent {self.sent}, the store keeps {self.kept} (graph {self.graph})"


@dataclass(frozen=True)
class Published:
    graph: str
    iri: str
    triples: int
    rewrites: list[Rewrite] = field(default_factory=list)


def graph_iris(prefix: str | None) -> dict[str, str]:
    """The graph IRI for each part: the project's own, or ``prefix`` + name."""
    if prefix:
        return {name: f"{prefix}{name}" for name in GRAPHS}
    return dict(GRAPHS)


def _parse(body: bytes, media: str, shown: str) -> list[ox.Triple]:
    """The triples of a store's answer (N-Triples or Turtle); :class:`PublishError` when it is not RDF."""
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None or fmt not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        fmt = ox.RdfFormat.TURTLE  # N-Triples is Turtle; some stores answer text/plain
    try:
        return [q.triple for q in ox.parse(body, format=fmt)]
    except SyntaxError as err:
        raise PublishError(
            f"the store answered GET for {shown} with {media or 'an untyped body'} that is not RDF ({err}).",
            "Check the store URL: it must be the Graph Store Protocol endpoint, not a web page.",
        ) from None


def _split(triples) -> tuple[set, list]:
    """The ground triples as a set, and the triples with a blank node (compared up to renaming)."""
    ground, blank = set(), []
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            blank.append(t)
        else:
            ground.add(t)
    return ground, blank


def _isomorphic(a: list, b: list) -> bool:
    if len(a) != len(b):
        return False
    if not a:
        return True

    def canonical(triples):  # pyoxigraph's canonical blank-node labels: equal exactly when isomorphic
        ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        return ds

    return canonical(a) == canonical(b)


def _difference(sent: list[ox.Triple], back: list[ox.Triple]) -> list[str]:
    """What the store changed: missing and extra triples, paired by subject and property where they match."""
    s_ground, s_blank = _split(sent)
    b_ground, b_blank = _split(back)
    missing, extra = s_ground - b_ground, b_ground - s_ground
    extra_by = {(t.subject, t.predicate): t for t in extra}
    lines = []
    for t in sorted(missing, key=str):
        other = extra_by.pop((t.subject, t.predicate), None)
        if other is not None:
            lines.append(f"{t.subject} {t.predicate}: sent {t.object}, the store holds {other.object}")
        else:
            lines.append(f"missing: {t}")
    lines += [f"not sent: {t}" for t in sorted(extra_by.values(), key=str)]
    if not _isomorphic(s_blank, b_blank):
        lines.append(f"the {len(s_blank)} triples with blank nodes came back as {len(b_blank)} other ones")
    return lines


def _same(sent: list[ox.Triple], back: list[ox.Triple]) -> bool:
    s_ground, s_blank = _split(sent)
    b_ground, b_blank = _split(back)
    return s_ground == b_ground and _isomorphic(s_blank, b_blank)


def _show(lines: list[str], limit: int = 12) -> str:
    shown = "\n".join(f"  {line}" for line in lines[:limit])
    more = f"\n  … and {len(lines) - limit} more" if len(lines) > limit else ""
    return shown + more


def probe_rewrites(
    base: str, graphs: dict[str, list[ox.Triple]], *, timeout: float, error=PublishError
) -> dict[ox.Literal, ox.Literal]:
    """The literals the store would rewrite, sent -> kept, found with a scratch graph that is deleted after.

    Every distinct literal of ``graphs`` is written once, as the object of a triple with
    its own subject, to a new graph named ``urn:uuid:…``; the graph is read back, compared
    literal by literal, and deleted, whatever happened.
    """
    literals = sorted({t.object for ts in graphs.values() for t in ts if isinstance(t.object, ox.Literal)}, key=str)
    if not literals:
        return {}
    scratch = f"urn:uuid:{uuid.uuid4()}"
    url = f"{base}?{urllib.parse.urlencode({'graph': scratch})}"
    shown = f"the scratch graph <{scratch}> at {base}"
    value = ox.NamedNode("urn:x-kg:literal")
    body = "".join(f"<urn:x-kg:literal:{i}> {value} {lit} .\n" for i, lit in enumerate(literals)).encode("utf-8")
    try:
        gsp_request(
            "PUT",
            url,
            data=body,
            headers={"Content-Type": "application/n-triples"},
            timeout=timeout,
            shown=shown,
            error=error,
        )
        _, back, media = gsp_request(
            "GET",
            url,
            data=None,
            headers={"Accept": "application/n-triples"},
            timeout=timeout,
            shown=shown,
            error=error,
        )
    finally:
        try:
            gsp_request("DELETE", url, data=None, headers={}, timeout=timeout, shown=shown, error=error)
        except PublishError:
            pass  # a store that refused the PUT has no scratch graph to delete
    kept = {}
    for t in _parse(back, media, shown):
        if t.predicate == value and isinstance(t.subject, ox.NamedNode):
            kept[int(t.subject.value.rsplit(":", 1)[1])] = t.object
    return {lit: kept.get(i) for i, lit in enumerate(literals) if kept.get(i) != lit}


def publish(
    out_dir: Path,
    store: str,
    *,
    graph_prefix: str | None = None,
    timeout: float = 60.0,
    allow_rewrites: bool = False,
) -> list[Published]:
    """Check the store keeps every literal, PUT each built graph, read it back and compare; return what was published.

    Raises :class:`RewriteError` (exit 1) before replacing anything when the store would
    rewrite literals and ``allow_rewrites`` is false; with it, the rewrites are published
    and returned in each :class:`Published`. Raises :class:`PublishError` when the store
    cannot be reached, refuses a graph, or holds other triples than were sent (naming
    them). Graphs already replaced stay replaced: publishing again is idempotent, so the
    remedy for a failure half-way is to publish again.
    """
    store = check_store_url(store, PublishError, "Graph Store Protocol URL")
    base = store.split("?", 1)[0]
    iris = graph_iris(graph_prefix)
    bodies = {name: (Path(out_dir) / f"{name}.nt").read_bytes() for name in GRAPHS}
    triples = {name: [q.triple for q in ox.parse(bodies[name], format=ox.RdfFormat.N_TRIPLES)] for name in GRAPHS}
    rewritten = probe_rewrites(base, triples, timeout=timeout)
    rewrites = {
        name: [
            Rewrite(iris[name], str(t.subject), str(t.predicate), str(t.object), str(rewritten[t.object] or "nothing"))
            for t in triples[name]
            if isinstance(t.object, ox.Literal) and t.object in rewritten
        ]
        for name in GRAPHS
    }
    every = [r for name in GRAPHS for r in rewrites[name]]
    if every and not allow_rewrites:
        raise RewriteError(
            f"the store at {base} would rewrite {len(every)} literal(s); nothing was replaced:\n"
            + _show([str(r) for r in every], limit=20),
            "Change those values in the data, use a store that keeps them, or publish anyway with --allow-rewrites.",
        )
    published = []
    for name in GRAPHS:
        url = f"{base}?{urllib.parse.urlencode({'graph': iris[name]})}"
        shown = f"<{iris[name]}> at {base}"
        headers = {"Content-Type": "application/n-triples"}
        gsp_request("PUT", url, data=bodies[name], headers=headers, timeout=timeout, shown=shown, error=PublishError)
        headers = {"Accept": "application/n-triples"}
        _, back, media = gsp_request(
            "GET", url, data=None, headers=headers, timeout=timeout, shown=shown, error=PublishError
        )
        expected = [
            ox.Triple(t.subject, t.predicate, rewritten[t.object]) if t.object in rewritten else t
            for t in triples[name]
            if rewritten.get(t.object, t.object) is not None  # a literal the store drops is not expected back
        ]
        got = _parse(back, media, shown)
        if not _same(expected, got):
            raise PublishError(
                f"the store holds other triples in <{iris[name]}> than were sent "
                f"({len(got)} back for {len(expected)} sent):\n" + _show(_difference(expected, got)),
                "Another writer may be changing that graph, or the store cuts long answers "
                "(Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini); publish again.",
            )
        published.append(Published(name, iris[name], len(expected), rewrites[name]))
    return published
