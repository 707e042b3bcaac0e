"""Run SPARQL over the build in-process with Oxigraph, the endpoint's engine, and format the answers.

:func:`open_build` loads a build's ``kg.nq`` into an Oxigraph store the way the
endpoint does; :func:`run` evaluates a query against it (the project's prefixes are
known without PREFIX lines); :func:`format_result` renders SELECT and ASK answers as
a table, CSV, TSV or SPARQL results JSON, and CONSTRUCT or DESCRIBE answers as
Turtle. :func:`inspect` is the one lexical look at a query that the command line and
the endpoint's checks share. Stored questions live in ``queries/*.rq`` with a header
comment; see :func:`read_stored`. This module never fetches anything: SERVICE clauses
are refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kg.errors import QueryError, UsageError
from kg.namespaces import DEFAULT_GRAPHS, GRAPHS, PREFIXES

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
_LEXICAL = re.compile(
    r'(?P<s>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<i><[^<>"{}|^`\\\s]*>)|(?P<c>#[^\n]*)',
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])", re.IGNORECASE)
_UPDATE = re.compile(r"(?<![\w:?$.-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|COPY|MOVE|ADD)(?![\w:-])", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w:?$.-])FROM\s+(NAMED\s+)?<(\d+)>", re.IGNORECASE)
_PREFIX_DECL = re.compile(r"(?<![\w:?$.-])PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_NESTING = re.compile(r"[{}()]")


class Inspected(NamedTuple):
    """What one lexical pass over a query finds (keywords inside strings, IRIs or comments do not count)."""

    service: bool  #: a SERVICE clause (the evaluator would fetch a URL)
    update: bool  #: an update keyword (INSERT, DELETE, LOAD, CLEAR, DROP, ...)
    depth: int  #: the deepest nesting of { and (
    from_graphs: tuple[str, ...]  #: the IRIs of FROM and FROM NAMED clauses
    prefixes: frozenset[str]  #: the prefixes the query declares itself


def inspect(query: str) -> Inspected:
    """Look at ``query`` once: strings and comments blanked, each IRI replaced by its number."""
    iris: list[str] = []

    def blank(m: re.Match) -> str:
        if m.lastgroup == "i":
            iris.append(m.group()[1:-1])
            return f"<{len(iris) - 1}>"
        return '""' if m.lastgroup == "s" else ""

    text = _LEXICAL.sub(blank, query) if ('"' in query or "'" in query or "<" in query or "#" in query) else query
    depth = deepest = 0
    for m in _NESTING.finditer(text):
        if m.group() in "{(":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return Inspected(
        service=_SERVICE.search(text) is not None,
        update=_UPDATE.search(text) is not None,
        depth=deepest,
        from_graphs=tuple(iris[int(m.group(2))] for m in _FROM.finditer(text)) if iris else (),
        prefixes=frozenset((m.group(1) or "") for m in _PREFIX_DECL.finditer(text)),
    )


def uses_service(query: str) -> bool:
    """True when the query has a SERVICE clause (which would make the evaluator fetch a URL)."""
    return inspect(query).service


def looks_like_update(query: str) -> bool:
    """True when the text uses an update keyword (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    return inspect(query).update


def missing_prologue(query: str, declared: frozenset[str] | None = None) -> str:
    """PREFIX lines for the project's prefixes that ``query`` does not declare itself."""
    declared = inspect(query).prefixes if declared is None else declared
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)


#: The prefixes every query may use without declaring them, as pyoxigraph takes them.
OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}

GRAPH_CHOICES = ("asserted", "all")


def load_store(nquads: str | Path, default_graphs: Iterable[str]):
    """An in-memory Oxigraph store of a build's ``kg.nq`` whose default graph is the union of ``default_graphs``.

    The named graphs stay as they are, so ``GRAPH ?g`` and ``FROM NAMED`` see them. This is
    the store both ``kg query`` and the endpoint's evaluator answer from.
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    for iri in default_graphs:
        store.update(f"ADD <{iri}> TO DEFAULT")
    return store


def open_build(out_dir: str | Path, which: str = "all"):
    """The Oxigraph store of the build in ``out_dir``: ``all`` (asserted, inferred, ontology) or ``asserted`` (and the ontology)."""
    if which not in GRAPH_CHOICES:
        raise UsageError(f"unknown graph '{which}'.", "Use asserted or all.")
    names = DEFAULT_GRAPHS if which == "all" else ("asserted", "ontology")
    return load_store(Path(out_dir) / "kg.nq", [GRAPHS[n] for n in names])


def run(store, text: str):
    """Evaluate the SPARQL query ``text`` over an Oxigraph ``store`` and return pyoxigraph's result.

    The project's prefixes are known without PREFIX lines. Raises :class:`QueryError`
    when the query does not parse, is an update, or uses SERVICE (federation is off: the
    graph answers alone).
    """
    seen = inspect(text)
    if seen.service:
        raise QueryError("SERVICE is not allowed: the graph answers queries alone.", "Remove the SERVICE clause.")
    try:
        return store.query(text, prefixes=OX_PREFIXES)
    except SyntaxError as err:
        msg = " ".join(str(err).split())
        if seen.update:
            raise QueryError(f"not a query (updates are not allowed): {msg}", "The graph is read-only.") from None
        raise QueryError(f"the query does not parse: {msg}", "Check the SPARQL syntax.") from None
    except Exception as err:
        raise QueryError(f"the query failed: {' '.join(str(err).split())}", "Check the query.") from None


def _cell(term) -> str:
    return "" if term is None else term.value


def format_result(result, fmt: str = "table") -> str:
    """Render a pyoxigraph result: SELECT/ASK as ``table``, ``csv``, ``tsv`` or ``json``; graphs as Turtle."""
    import pyoxigraph as ox

    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format '{fmt}'.", "Use one of: " + ", ".join(RESULT_FORMATS) + ".")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result)}) + "\n"
        return ("true" if result else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=OX_PREFIXES).decode("utf-8")
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    names = [v.value for v in result.variables]
    rows = list(result)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_cell(row[i]) for i in range(len(names))] for row in rows)
        return buf.getvalue()
    return _table(names, [[_short(row[i]) for i in range(len(names))] for row in rows])


def _table(names: list[str], table: list[list[str]]) -> str:
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


_LOCAL = re.compile(r"^[A-Za-z0-9_][\w.-]*(?<!\.)$|^$")
_BY_LENGTH = sorted(OX_PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _short(term) -> str:
    """A cell of the table: an IRI as prefix:name where a project prefix fits, else as <iri>; a literal's text."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in _BY_LENGTH:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"
    return term.value
