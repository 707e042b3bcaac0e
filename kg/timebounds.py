"""Machine-comparable bounds for the time of every dated claim.

A date keeps the precision its article gives (``xsd:date``, ``xsd:gYearMonth``,
``xsd:gYear``), which SPARQL cannot order across precisions: ``"2025"`` and
``"2025-07-14"`` do not compare. So each claim whose object is such a date, or
that carries a ``kg:pointInTime``, also gets ``kg:earliest`` and ``kg:latest``
(the first and last day its time can be, as ``xsd:date``) and ``kg:precision``.

The data may write them where the text is narrower than an XSD type ("late last
year", "last summer": a gYear with ``kg:SeasonPrecision`` and its bounds) or
wider ("in the next decade": the decade's first year with
``kg:DecadePrecision``). Written bounds are kept, and must lie within what the
date itself allows; anything else is an error naming the claim.

This module works on term-string triples (see :mod:`kg.triples`) and does not
load, check quotes or reason.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from kg.namespaces import KG, RDF, XSD

_XSD_DATE = f"<{XSD.date}>"
_DATE_TYPES = {f"<{XSD.date}>": "day", f"<{XSD.gYearMonth}>": "month", f"<{XSD.gYear}>": "year"}
_LITERAL = re.compile(r'^"([^"]*)"\^\^(<[^>]+>)$')

EARLIEST = f"<{KG.earliest}>"
LATEST = f"<{KG.latest}>"
PRECISION = f"<{KG.precision}>"
POINT_IN_TIME = f"<{KG.pointInTime}>"
_OBJECT = f"<{RDF.object}>"
_TYPE = f"<{RDF.type}>"
_CLAIM = f"<{KG.Claim}>"

PRECISIONS = {
    "day": f"<{KG.DayPrecision}>",
    "month": f"<{KG.MonthPrecision}>",
    "season": f"<{KG.SeasonPrecision}>",
    "year": f"<{KG.YearPrecision}>",
    "decade": f"<{KG.DecadePrecision}>",
}
_PRECISION_NAMES = {v: k for k, v in PRECISIONS.items()}


@dataclass(frozen=True)
class Bounds:
    """The first and last day (ISO strings) a date can denote, and its precision name."""

    earliest: str
    latest: str
    precision: str


def date_term(term: str) -> tuple[str, str] | None:
    """``(lexical form, precision)`` of an xsd:date, gYearMonth or gYear term string, else None."""
    m = _LITERAL.match(term)
    if not m or m.group(2) not in _DATE_TYPES:
        return None
    return m.group(1), _DATE_TYPES[m.group(2)]


def bounds_of(lexical: str, precision: str) -> Bounds | None:
    """The bounds of a date at its precision (``day``, ``month``, ``year`` or ``decade``), or None if malformed.

    A decade is written as its first year, so ``2030`` at decade precision is 2030-01-01 to 2039-12-31.
    """
    m = re.fullmatch(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:Z|[+-]\d{2}:\d{2})?", lexical)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if precision == "day":
        if month is None or day is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return Bounds(iso, iso, "day")
    if precision == "month":
        if month is None or day is not None:
            return None
        last = calendar.monthrange(year, month)[1]
        return Bounds(f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month")
    if precision in ("year", "season"):
        if month is not None:
            return None
        return Bounds(f"{year:04d}-01-01", f"{year:04d}-12-31", precision)
    if precision == "decade":
        if month is not None:
            return None
        return Bounds(f"{year:04d}-01-01", f"{year + 9:04d}-12-31", "decade")
    return None


def _xsd_date(iso: str) -> str:
    return f'"{iso}"^^{_XSD_DATE}'


def _iso(term: str) -> str | None:
    m = _LITERAL.match(term)
    if not m or m.group(2) != _XSD_DATE or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.group(1)):
        return None
    return m.group(1)


@dataclass(frozen=True)
class BoundsProblem:
    """A claim whose written bounds or precision do not fit its date."""

    claim: str
    message: str


def add_time_bounds(triples: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[BoundsProblem]]:
    """Add ``kg:earliest``, ``kg:latest`` and ``kg:precision`` to every dated claim that lacks them.

    Returns the triples (the input's, then the added ones) and the problems found:
    written bounds outside the date's own bounds, an earliest after a latest, a precision
    that the date's datatype cannot carry.
    """
    claims: set[str] = set()
    objects: dict[str, str] = {}
    point: dict[str, str] = {}
    written: dict[str, dict[str, list[str]]] = {}
    for s, p, o in triples:
        if p == _TYPE and o == _CLAIM:
            claims.add(s)
        elif p == _OBJECT:
            objects[s] = o
        elif p == POINT_IN_TIME:
            point.setdefault(s, o)
        elif p in (EARLIEST, LATEST, PRECISION):
            written.setdefault(s, {}).setdefault(p, []).append(o)
    added: list[tuple[str, str, str]] = []
    problems: list[BoundsProblem] = []
    for claim in sorted(claims):
        found = date_term(objects.get(claim, "")) or (date_term(point[claim]) if claim in point else None)
        given = written.get(claim, {})
        if found is None:
            if given:
                problems.append(
                    BoundsProblem(
                        claim, "has kg:earliest, kg:latest or kg:precision but no date (object or kg:pointInTime)."
                    )
                )
            continue
        lexical, natural = found
        stated = [_PRECISION_NAMES.get(x) for x in given.get(PRECISION, [])]
        if None in stated or len(stated) > 1:
            problems.append(BoundsProblem(claim, "needs one kg:precision from kg:TimePrecision."))
            continue
        precision = stated[0] if stated else natural
        if precision in ("season", "decade") and natural != "year":
            problems.append(
                BoundsProblem(claim, f"a {precision} is written as an xsd:gYear (the year, or a decade's first year).")
            )
            continue
        if precision not in ("season", "decade") and precision != natural:
            problems.append(
                BoundsProblem(claim, f"kg:precision says {precision} but the date {lexical} is at {natural} precision.")
            )
            continue
        outer = bounds_of(lexical, precision)
        if outer is None:
            problems.append(BoundsProblem(claim, f"the date {lexical} is not a valid {natural}."))
            continue
        lo = [_iso(x) for x in given.get(EARLIEST, [])]
        hi = [_iso(x) for x in given.get(LATEST, [])]
        if None in lo or None in hi or len(lo) > 1 or len(hi) > 1:
            problems.append(BoundsProblem(claim, "kg:earliest and kg:latest are each one xsd:date (YYYY-MM-DD)."))
            continue
        earliest = lo[0] if lo else outer.earliest
        latest = hi[0] if hi else outer.latest
        if not (outer.earliest <= earliest <= latest <= outer.latest):
            problems.append(
                BoundsProblem(
                    claim,
                    f"bounds {earliest} to {latest} do not lie within {outer.earliest} to {outer.latest}, "
                    f"what {lexical} at {precision} precision allows.",
                )
            )
            continue
        if precision == "season" and not (lo and hi):
            continue  # the shapes report the missing bounds (kgsh:TimeBoundsShape)
        if not lo:
            added.append((claim, EARLIEST, _xsd_date(earliest)))
        if not hi:
            added.append((claim, LATEST, _xsd_date(latest)))
        if not stated:
            added.append((claim, PRECISION, PRECISIONS[precision]))
    return triples + added, problems


__all__ = ["Bounds", "BoundsProblem", "PRECISIONS", "add_time_bounds", "bounds_of", "date_term"]
