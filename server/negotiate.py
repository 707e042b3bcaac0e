"""Content negotiation: which media type to answer with, from Werkzeug's parsing of the Accept header.

The tables map the media types the endpoint writes to pyoxigraph's format names, in
the order preferred when the client accepts anything. :func:`best` picks from a
table; parameters on an Accept entry (``text/turtle; charset=utf-8``) are ignored, and
an Accept header that nothing matches gets the default type (no 406).
"""

from __future__ import annotations

from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

# Media types, in the order they are preferred when the client accepts anything.
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "text/xml": "XML",
}
#: An ASK answer's types: the same, XML before CSV (the endpoint writes the boolean itself).
BOOLEAN_TYPES = {k: v for k, v in RESULT_TYPES.items() if v in ("JSON", "XML")} | {
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "application/trig": "TRIG",
    "application/n-quads": "N_QUADS",
}
DEFAULT_RESULT_TYPE = "application/sparql-results+json"
DEFAULT_GRAPH_TYPE = "text/turtle"


def _plain(accept: MIMEAccept) -> MIMEAccept:
    """``accept`` without media type parameters, which Werkzeug would otherwise require to match."""
    if any(";" in value for value, _ in accept):
        return MIMEAccept([(value.split(";", 1)[0].strip(), q) for value, q in accept])
    return accept


def accept_of(accept: MIMEAccept | str | None) -> MIMEAccept:
    """``accept`` as Werkzeug's :class:`MIMEAccept` (a header string is parsed by Werkzeug)."""
    if isinstance(accept, MIMEAccept):
        return accept
    return parse_accept_header(accept, MIMEAccept)


def best(accept: MIMEAccept | str | None, table, default: str) -> str:
    """The media type of ``table`` (or ``default``) that ``accept`` prefers; ``default`` when none matches.

    A wildcard (``*/*``) gets ``default``; ``text/*`` gets the first ``text/`` type,
    ``default`` first.
    """
    accept = accept_of(accept)
    if not accept:
        return default
    candidates = [default, *table] if default in table else list(table)
    return _plain(accept).best_match(candidates, default)


def negotiated(accept: MIMEAccept | str | None) -> tuple[str, str, str]:
    """The media types for an ASK answer, a SELECT answer and a graph, as ``accept`` prefers them.

    An Accept header given as text is negotiated once: clients send few different ones,
    and matching takes longer than evaluating a simple query.
    """
    if isinstance(accept, MIMEAccept):
        return _negotiated(accept)
    return _negotiated_header(accept or "")


@lru_cache(maxsize=256)
def _negotiated_header(header: str) -> tuple[str, str, str]:
    return _negotiated(parse_accept_header(header, MIMEAccept))


def _negotiated(accept: MIMEAccept) -> tuple[str, str, str]:
    return (
        best(accept, BOOLEAN_TYPES, DEFAULT_RESULT_TYPE),
        best(accept, RESULT_TYPES, DEFAULT_RESULT_TYPE),
        best(accept, GRAPH_TYPES, DEFAULT_GRAPH_TYPE),
    )
