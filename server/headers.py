"""The response headers every answer carries, whichever layer writes it: CORS, nosniff, caching.

The SPARQL endpoint (:mod:`server.sparql`) answers in front of Flask and the pages
behind it (:mod:`server.app`); both take their headers from here, so a client sees
the same policy on every route.
"""

from __future__ import annotations

#: Answers to GET and POST that succeeded may be kept a minute: the graph is read-only.
CACHE_CONTROL = "public, max-age=60"
NOSNIFF = ("X-Content-Type-Options", "nosniff")


def cors_headers(origin: str) -> list[tuple[str, str]]:
    """The CORS headers for ``origin`` (``""``: none, CORS off)."""
    if not origin:
        return []
    return [
        ("Access-Control-Allow-Origin", origin),
        ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
        ("Access-Control-Allow-Headers", "Content-Type, Accept"),
        ("Access-Control-Max-Age", "86400"),
    ]
