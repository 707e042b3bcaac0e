"""Publish the built graphs to an external store through the SPARQL 1.1 Graph Store Protocol.

Each of the four graphs (asserted, inferred, ontology, shapes) is sent with one
``PUT <store>?graph=<iri>``, which replaces that named graph and nothing else, then
read back with ``GET`` to check its triple count. This works with any store that
speaks the protocol: Oxigraph server (``http://host:7878/store``), Apache Jena
Fuseki (``http://host:3030/<dataset>/data``), GraphDB
(``http://host:7200/repositories/<repo>/rdf-graphs/service``), Virtuoso
(``http://host:8890/sparql-graph-crud``).

Credentials come from the environment only (see :mod:`kg.store`, the client this
module shares with ``kg serve --store``). This module writes nothing locally.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.namespaces import GRAPHS
from kg.store import check_store_url, gsp_request


class PublishError(KgError):
    """The store refused, could not be reached, or holds other counts than were sent."""


@dataclass(frozen=True)
class Published:
    graph: str
    iri: str
    triples: int


def graph_iris(prefix: str | None) -> dict[str, str]:
    """The graph IRI for each part: the project's own, or ``prefix`` + name."""
    if prefix:
        return {name: f"{prefix}{name}" for name in GRAPHS}
    return dict(GRAPHS)


def publish(out_dir: Path, store: str, *, graph_prefix: str | None = None, timeout: float = 60.0) -> list[Published]:
    """PUT each built graph into ``store`` and check the counts; return what was published.

    Raises :class:`PublishError` when the store cannot be reached, refuses a graph, or
    reads back another number of triples. Graphs already replaced stay replaced: publishing
    again is idempotent, so the remedy for a failure half-way is to publish again.
    """
    store = check_store_url(store, PublishError, "Graph Store Protocol URL")
    base = store.split("?", 1)[0]
    iris = graph_iris(graph_prefix)
    bodies = {name: (Path(out_dir) / f"{name}.nt").read_bytes() for name in GRAPHS}
    published = []
    for name in GRAPHS:
        url = f"{base}?{urllib.parse.urlencode({'graph': iris[name]})}"
        body = bodies[name]
        expected = sum(1 for line in body.splitlines() if line.strip())
        shown = f"<{iris[name]}> at {base}"
        headers = {"Content-Type": "application/n-triples"}
        gsp_request("PUT", url, data=body, headers=headers, timeout=timeout, shown=shown, error=PublishError)
        headers = {"Accept": "application/n-triples"}
        _, back = gsp_request("GET", url, data=None, headers=headers, timeout=timeout, shown=shown, error=PublishError)
        got = sum(1 for line in back.splitlines() if line.strip() and not line.startswith(b"#"))
        if got != expected:
            raise PublishError(
                f"the store holds {got} triples in <{iris[name]}> after publishing {expected}.",
                "Another writer may be changing that graph; publish again.",
            )
        published.append(Published(name, iris[name], expected))
    return published
