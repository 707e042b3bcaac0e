"""Run SPARQL over the built graph in-process, and format the answers.

:func:`run` evaluates a query against a graph (the project's prefixes are known
without PREFIX lines); :func:`format_result` renders SELECT and ASK answers as a
table, CSV, TSV or SPARQL results JSON, and CONSTRUCT or DESCRIBE answers as
Turtle. Stored questions live in ``queries/*.rq`` with a header comment; see
:func:`read_stored`. This module never fetches anything: SERVICE clauses are refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from kg.errors import QueryError, UsageError
from kg.namespaces import PREFIXES

RESULT_FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class StoredQuery:
    """A ``queries/*.rq`` file: its name, header fields and text."""

    name: str
    path: Path
    question: str
    returns: str
    needs_reasoning: bool
    text: str


def read_stored(path: str | Path) -> StoredQuery:
    """Read a stored query and its header comment (``# Question:``, ``# Returns:``, ``# Needs reasoning:``)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:].strip()
        m = re.match(r"^(Question|Returns|Needs reasoning):\s*(.*)$", body)
        if m:
            key = m.group(1)
            fields[key] = m.group(2)
        elif key and body:
            fields[key] += " " + body
    return StoredQuery(
        name=path.stem,
        path=path,
        question=fields.get("Question", ""),
        returns=fields.get("Returns", ""),
        needs_reasoning=fields.get("Needs reasoning", "no").strip().lower().startswith("yes"),
        text=text,
    )


def query_text(arg: str) -> str:
    """The SPARQL text of ``arg``: the contents of a ``.rq`` file, or ``arg`` itself."""
    candidate = arg.strip()
    looks_like_file = candidate.endswith((".rq", ".sparql")) and "\n" not in candidate and "{" not in candidate
    if looks_like_file:
        path = Path(candidate)
        if not path.is_file():
            raise QueryError(
                f"{candidate}: no such query file.", "Give a path to a .rq file or the SPARQL text itself."
            )
        return path.read_text(encoding="utf-8")
    return arg


# A lexical look at a query: strings, IRIs and comments blanked out, so that a
# keyword found afterwards is a keyword, not part of a literal or a name.
_STRINGS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'',
    re.S,
)
_IRIS = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])", re.IGNORECASE)
_UPDATE = re.compile(r"(?<![\w:?$.-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|COPY|MOVE|ADD)(?![\w:-])", re.IGNORECASE)


def strip_lexical(query: str) -> str:
    """The query with strings, IRIs and comments blanked out, leaving keywords and punctuation."""
    text = _STRINGS.sub('""', query)
    text = _IRIS.sub("<>", text)
    return _COMMENTS.sub("", text)


def strip_strings_and_comments(query: str) -> str:
    """The query with strings and comments blanked out and IRIs kept (a ``#`` inside an IRI is not a comment)."""
    text = _STRINGS.sub('""', query)
    return re.sub(r"(<[^<>\"{}|^`\\\s]*>)|#[^\n]*", lambda m: m.group(1) or "", text)


def uses_service(query: str) -> bool:
    """True when the query has a SERVICE clause (which would make the evaluator fetch a URL)."""
    return bool(_SERVICE.search(strip_lexical(query)))


def looks_like_update(query: str) -> bool:
    """True when the text uses an update keyword (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    return bool(_UPDATE.search(strip_lexical(query)))


def run(graph: Graph, text: str) -> Result:
    """Evaluate the SPARQL query ``text`` over ``graph`` and return rdflib's result.

    Raises :class:`QueryError` with the parser's message when the query does not
    parse, is an update, or uses SERVICE (federation is off: the graph answers alone).
    """
    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except Exception as err:
        msg = " ".join(str(err).split())
        if looks_like_update(text):
            raise QueryError(f"not a query (updates are not allowed): {msg}", "The graph is read-only.") from None
        raise QueryError(f"the query does not parse: {msg}", "Check the SPARQL syntax.") from None
    if uses_service(text):
        raise QueryError("SERVICE is not allowed: the graph answers queries alone.", "Remove the SERVICE clause.")
    try:
        return graph.query(prepared)
    except Exception as err:
        raise QueryError(f"the query failed: {' '.join(str(err).split())}", "Check the query.") from None


def _cell(term) -> str:
    return "" if term is None else str(term)


def format_result(result: Result, fmt: str = "table", graph: Graph | None = None) -> str:
    """Render a result: SELECT/ASK as ``table``, ``csv``, ``tsv`` or ``json``; graphs as Turtle."""
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format '{fmt}'.", "Use one of: " + ", ".join(RESULT_FORMATS) + ".")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True, replace=True)
        return g.serialize(format="turtle")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
        return ("true" if result.askAnswer else "false") + "\n"
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    names = [str(v) for v in result.vars]
    table = [[_cell(row[i]) for i in range(len(names))] for row in result]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(table)
        return buf.getvalue()
    return _table(names, table, graph)


def _table(names: list[str], table: list[list[str]], graph: Graph | None) -> str:
    if graph is not None:
        nm = graph.namespace_manager
        table = [[_short(c, nm) for c in row] for row in table]
    widths = [max([len(n)] + [len(r[i]) for r in table]) for i, n in enumerate(names)]
    widths = [min(w, 80) for w in widths]

    def fmt_row(cells):
        return " | ".join(
            (c if len(c) <= 80 else c[:79] + "…").ljust(w) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [fmt_row(names), "-+-".join("-" * w for w in widths)]
    out.extend(fmt_row(r) for r in table)
    out.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(out) + "\n"


def _short(cell: str, nm) -> str:
    if cell.startswith(("http://", "https://")):
        try:
            return nm.normalizeUri(URIRef(cell))
        except Exception:
            return cell
    return cell
