"""Query evaluation over an external SPARQL store, for ``kg serve --store URL``.

The store holds the graphs that ``kg publish`` put there. The endpoint and the
pages ask it through the SPARQL 1.1 Protocol with the same checks and limits as the
embedded engine: SERVICE and updates are refused before anything is sent, FROM and
FROM NAMED may only name the project's graphs, nesting is bounded, the answer must
come within the time limit and fit the size limit. The dataset is made explicit on
every request (the asserted, inferred and ontology graphs as the default graph, the
four graphs as named graphs), so a query means the same here as on the embedded store.

The HTTP client, with the credentials (``KG_STORE_USER`` and ``KG_STORE_PASSWORD`` or
``KG_STORE_TOKEN``, as for ``kg publish``), is :mod:`kg.store`; it never follows a redirect.
"""

from __future__ import annotations

from kg.query import missing_prologue
from kg.store import StoreQueryError, check_store_url, sparql_query
from server.checks import QueryRefused, check_query, held_graphs
from server.engine import Answer
from server.negotiate import accept_of

DEFAULT_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"


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

    def start(self) -> None:
        """Nothing to start: the store runs on its own. :func:`kg.store.check_store` says whether it is usable."""

    def close(self) -> None:
        pass

    def answer(self, query: str, accept, default_uris: list[str], named_uris: list[str]) -> Answer:
        """Check ``query`` as the embedded engine does, then ask the store; ``accept`` is the request's Accept header."""
        seen = check_query(query, self.max_depth, refuse_updates=True)
        params: list[tuple[str, str]] = []
        known = set(self.named_graphs)
        for iri in seen.from_graphs:
            if iri not in known:
                raise QueryRefused(
                    400, f"FROM <{iri}> names a graph this endpoint does not hold; it holds only " + held_graphs(known)
                )
        if default_uris or named_uris:
            params += [("default-graph-uri", u) for u in default_uris]
            params += [("named-graph-uri", u) for u in named_uris]
        elif not seen.from_graphs:
            params += [("default-graph-uri", u) for u in self.default_graph]
            params += [("named-graph-uri", u) for u in self.named_graphs]
        header = accept_of(accept).to_header()
        try:
            media, body = sparql_query(
                self.url,
                missing_prologue(query, seen.prefixes) + query,
                accept=header or DEFAULT_ACCEPT,
                params=params,
                timeout=self.timeout,
                max_bytes=self.max_bytes,
            )
        except StoreQueryError as err:
            raise QueryRefused(err.status, str(err)) from None
        return Answer(200, body, media)
