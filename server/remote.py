"""Query evaluation over an external SPARQL store, for ``kg serve --store URL``.

The store holds the graphs that ``kg publish`` put there. The endpoint and the
pages ask it through the SPARQL 1.1 Protocol with the same checks and limits as the
embedded engine: SERVICE and updates are refused before anything is sent, FROM and
FROM NAMED may only name the project's graphs, nesting is bounded, the answer must
come within the time limit and fit the size limit. The dataset is made explicit on
every request (the asserted, inferred and ontology graphs as the default graph, the
four graphs as named graphs), so a query means the same here as on the embedded store.

Credentials for the store come from ``KG_STORE_USER`` and ``KG_STORE_PASSWORD`` or
``KG_STORE_TOKEN``, as for ``kg publish``; the server never follows a redirect.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request

from kg import publish
from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.publish import auth_header
from kg.query import looks_like_update, strip_lexical, strip_strings_and_comments
from server.engine import Answer, QueryRefused, check_query

_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_FROM = re.compile(r"\bFROM\s+(NAMED\s+)?<([^>]*)>", re.IGNORECASE)
DEFAULT_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"


class StoreError(KgError):
    """The external store cannot be used: unreachable, refusing, or without the published graphs."""

    exit_code = 2


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_store_url(url: str) -> str:
    return publish.check_store_url(url, StoreError, "SPARQL query endpoint URL")


class RemoteEngine:
    """The :class:`server.engine.Engine` interface over a store's SPARQL query endpoint."""

    def __init__(
        self,
        url: str,
        graphs: dict[str, str],
        *,
        timeout: float,
        max_bytes: int,
        max_depth: int,
    ):
        self.url = check_store_url(url)
        self.graphs = graphs
        self.default_graph = [graphs["asserted"], graphs["inferred"], graphs["ontology"]]
        self.named_graphs = [graphs[n] for n in ("asserted", "inferred", "ontology", "shapes")]
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_depth = max_depth
        self._opener = urllib.request.build_opener(_NoRedirect)

    def start(self) -> None:
        """Nothing to start: the store runs on its own. :func:`check_store` says whether it is usable."""

    def close(self) -> None:
        pass

    def answer(self, query: str, accept_header: str | None, default_uris: list[str], named_uris: list[str]) -> Answer:
        check_query(query, self.max_depth)
        if looks_like_update(query):
            raise QueryRefused(400, "updates are not supported: this endpoint is read-only.")
        params: list[tuple[str, str]] = []
        named_in_query = _FROM.findall(strip_strings_and_comments(query))
        known = set(self.named_graphs)
        for _, iri in named_in_query:
            if iri not in known:
                raise QueryRefused(
                    400,
                    f"FROM <{iri}> names a graph this endpoint does not hold; it holds only "
                    + ", ".join(f"<{g}>" for g in sorted(known))
                    + " and fetches nothing.",
                )
        if default_uris or named_uris:
            params += [("default-graph-uri", u) for u in default_uris]
            params += [("named-graph-uri", u) for u in named_uris]
        elif not named_in_query:
            params += [("default-graph-uri", u) for u in self.default_graph]
            params += [("named-graph-uri", u) for u in self.named_graphs]
        body = (prologue_for(query) + query).encode("utf-8")
        url = self.url + ("&" if "?" in self.url else "?") + urllib.parse.urlencode(params) if params else self.url
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/sparql-query; charset=utf-8",
                "Accept": accept_header or DEFAULT_ACCEPT,
                **auth_header(),
            },
        )
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data = _read_bounded(response, self.max_bytes, deadline, self.timeout)
                media = response.headers.get_content_type()
                return Answer(200, data, media)
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(400).decode("utf-8", "replace").split())
            if err.code in (400, 406, 415):
                raise QueryRefused(400, f"the store refused the query: {detail}") from None
            raise QueryRefused(502, f"the store answered {err.code} {err.reason}: {detail}") from None
        except TimeoutError:
            raise QueryRefused(
                503, f"the store did not answer within the {self.timeout:g} s limit; narrow the query or add a LIMIT."
            ) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            if isinstance(reason, TimeoutError):
                raise QueryRefused(
                    503,
                    f"the store did not answer within the {self.timeout:g} s limit; narrow the query or add a LIMIT.",
                ) from None
            raise QueryRefused(502, f"the store could not be reached ({reason}); try again later.") from None


def _read_bounded(response, limit: int, deadline: float, timeout: float) -> bytes:
    parts, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise QueryRefused(
                503, f"the store did not answer within the {timeout:g} s limit; narrow the query or add a LIMIT."
            )
        chunk = response.read(65536)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            raise QueryRefused(413, f"the result is larger than {limit} bytes; add a LIMIT or narrow the query.")
        parts.append(chunk)


def prologue_for(query: str) -> str:
    """PREFIX lines for the project's prefixes that ``query`` does not declare itself."""
    declared = {(m.group(1) or "") for m in _PREFIX_DECL.finditer(strip_lexical(query))}
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)


def check_store(url: str, graphs: dict[str, str], expected: dict[str, int], timeout: float = 10.0) -> dict[str, int]:
    """Count the triples the store holds in each graph; raise :class:`StoreError` when it cannot serve.

    ``expected`` is the build's count per graph name; a store with no triples in a graph
    has not been published to.
    """
    engine = RemoteEngine(url, graphs, timeout=timeout, max_bytes=1 << 20, max_depth=64)
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    try:
        answer = engine.answer(query, "application/sparql-results+json", [], list(graphs.values()))
        rows = json.loads(answer.body)["results"]["bindings"]
    except QueryRefused as err:
        raise StoreError(
            f"the store at {url} cannot be queried: {err.message}",
            "Start the store, or give its SPARQL query endpoint (for Oxigraph: http://host:7878/query).",
        ) from None
    except (ValueError, KeyError):
        raise StoreError(
            f"{url} did not answer with SPARQL JSON results.",
            "Give the store's SPARQL query endpoint (for Oxigraph: http://host:7878/query), not its web page.",
        ) from None
    held = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    counts = {name: held.get(iri, 0) for name, iri in graphs.items()}
    empty = [graphs[n] for n in ("asserted", "inferred", "ontology") if counts[n] == 0]
    if empty:
        raise StoreError(
            f"the store at {url} holds no triples in <{empty[0]}>.",
            "Publish the graphs first: kg publish --store <the store's Graph Store Protocol URL>.",
        )
    return counts
