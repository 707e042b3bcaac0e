"""Publish the built graphs to an external store through the SPARQL 1.1 Graph Store Protocol.

Each of the four graphs (asserted, inferred, ontology, shapes) is sent with one
``PUT <store>?graph=<iri>``, which replaces that named graph and nothing else, then
read back with ``GET`` to check its triple count. This works with any store that
speaks the protocol: Oxigraph server (``http://host:7878/store``), Apache Jena
Fuseki (``http://host:3030/<dataset>/data``), GraphDB
(``http://host:7200/repositories/<repo>/rdf-graphs/service``), Virtuoso
(``http://host:8890/sparql-graph-crud``).

Credentials come from the environment only: ``KG_STORE_USER`` and
``KG_STORE_PASSWORD`` (HTTP Basic) or ``KG_STORE_TOKEN`` (Bearer). They are never
printed. This module writes nothing locally.
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.export import GRAPH_IRIS

GRAPHS = ("asserted", "inferred", "ontology", "shapes")


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
    return {name: str(GRAPH_IRIS[name]) for name in GRAPHS}


def auth_header() -> dict[str, str]:
    """The Authorization header for the store, from KG_STORE_TOKEN or KG_STORE_USER/KG_STORE_PASSWORD."""
    token = os.environ.get("KG_STORE_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user is not None:
        raw = f"{user}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
    return {}


def check_store_url(store: str, error: type[KgError] = PublishError, what: str = "Graph Store Protocol URL") -> str:
    """``store`` if it is an http(s) URL without credentials in it; else ``error`` with the next step."""
    parts = urllib.parse.urlsplit(store)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise error(f"'{store}' is not an http(s) URL.", f"Give the store's {what}.")
    if parts.username or parts.password:
        raise error(
            "the store URL carries credentials.",
            "Put them in KG_STORE_USER and KG_STORE_PASSWORD (or KG_STORE_TOKEN) instead, so they stay out of logs.",
        )
    return store


def _request(method: str, url: str, *, data: bytes | None, headers: dict, timeout: float, shown: str):
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(300).decode("utf-8", "replace").split())
        hint = (
            "Check the credentials (KG_STORE_USER, KG_STORE_PASSWORD or KG_STORE_TOKEN)."
            if err.code in (401, 403)
            else "Check the store URL: it must be the Graph Store Protocol endpoint."
        )
        raise PublishError(
            f"the store answered {err.code} {err.reason} to {method} for {shown}: {detail}", hint
        ) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PublishError(
            f"the store at {shown} could not be reached ({reason}).",
            "Start the store or check the URL, then publish again.",
        ) from None


def publish(out_dir: Path, store: str, *, graph_prefix: str | None = None, timeout: float = 60.0) -> list[Published]:
    """PUT each built graph into ``store`` and check the counts; return what was published.

    Raises :class:`PublishError` when the store cannot be reached, refuses a graph, or
    reads back another number of triples. Graphs already replaced stay replaced: publishing
    again is idempotent, so the remedy for a failure half-way is to publish again.
    """
    store = check_store_url(store)
    base = store.split("?", 1)[0]
    auth = auth_header()
    iris = graph_iris(graph_prefix)
    bodies = {name: (Path(out_dir) / f"{name}.nt").read_bytes() for name in GRAPHS}
    published = []
    for name in GRAPHS:
        url = f"{base}?{urllib.parse.urlencode({'graph': iris[name]})}"
        body = bodies[name]
        expected = sum(1 for line in body.splitlines() if line.strip())
        _request(
            "PUT",
            url,
            data=body,
            headers={"Content-Type": "application/n-triples", **auth},
            timeout=timeout,
            shown=f"<{iris[name]}> at {base}",
        )
        _, back = _request(
            "GET",
            url,
            data=None,
            headers={"Accept": "application/n-triples", **auth},
            timeout=timeout,
            shown=f"<{iris[name]}> at {base}",
        )
        got = sum(1 for line in back.splitlines() if line.strip() and not line.startswith(b"#"))
        if got != expected:
            raise PublishError(
                f"the store holds {got} triples in <{iris[name]}> after publishing {expected}.",
                "Another writer may be changing that graph; publish again.",
            )
        published.append(Published(name, iris[name], expected))
    return published
