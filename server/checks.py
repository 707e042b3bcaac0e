"""What the endpoint refuses before evaluating anything, whichever engine answers.

One lexical pass over the query (:func:`kg.query.inspect`) finds SERVICE (it would
make the server fetch a URL), update keywords and the nesting depth; FROM and FROM
NAMED may only name the graphs the endpoint holds.
"""

from __future__ import annotations

from kg.query import Inspected, inspect

#: The one wording of the refusal of an update, on every route.
UPDATES_REFUSED = "updates are not supported: this endpoint is read-only."


class QueryRefused(Exception):
    """A query the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def held_graphs(known) -> str:
    """The end of a message refusing a graph IRI the endpoint does not hold."""
    return ", ".join(f"<{g}>" for g in sorted(known)) + " and fetches nothing."


def check_query(query: str, max_depth: int, *, refuse_updates: bool = False) -> Inspected:
    """Refuse what the endpoint never runs: SERVICE, nesting deeper than ``max_depth`` and,
    with ``refuse_updates``, text with an update keyword (for an engine that would run it).

    Returns what :func:`kg.query.inspect` found, for the caller's further use.
    """
    seen = inspect(query)
    if seen.service:
        raise QueryRefused(400, "SERVICE is not allowed: this endpoint answers from its own graph and fetches nothing.")
    if seen.depth > max_depth:
        raise QueryRefused(400, f"the query nests {seen.depth} levels deep; the limit is {max_depth}.")
    if refuse_updates and seen.update:
        raise QueryRefused(400, UPDATES_REFUSED)
    return seen
