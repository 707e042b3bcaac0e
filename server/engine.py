"""Query evaluation for the endpoint: Oxigraph in a child process, bounded in time and size, with a cache.

rdflib authors, checks and reasons over the graph; serving uses pyoxigraph, a
native SPARQL engine made for this field, over the build's N-Quads. Each web
worker owns one evaluator process. A query that runs past the time limit is
stopped by killing that process (Oxigraph has no cancellation), so the worker
answers with a clear error and carries on with a fresh evaluator. A query that
crashes the evaluator (for example through deep nesting) costs the evaluator,
never the web worker.

The engine never fetches anything: queries with SERVICE are refused before
evaluation, and FROM / FROM NAMED only name graphs held in the store.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from dataclasses import dataclass
from pathlib import Path

from kg.query import strip_lexical, uses_service

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


class QueryRefused(Exception):
    """A query the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str


# --- static checks -----------------------------------------------------------------


def check_query(query: str, max_depth: int) -> None:
    """Refuse what the endpoint never runs: SERVICE (it would make the server fetch a URL),
    updates, and nesting deeper than ``max_depth``."""
    if uses_service(query):
        raise QueryRefused(400, "SERVICE is not allowed: this endpoint answers from its own graph and fetches nothing.")
    depth = deepest = 0
    for ch in strip_lexical(query):
        if ch in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})":
            depth -= 1
    if deepest > max_depth:
        raise QueryRefused(400, f"the query nests {deepest} levels deep; the limit is {max_depth}.")


# --- content negotiation -------------------------------------------------------------


def parse_accept(header: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (q-values, then specificity, then order)."""
    if not header:
        return []
    ranges = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((-q, -specificity, i, media))
    return [m for *_, m in sorted(ranges)]


def choose(accept: list[str], table: dict[str, str], default: str) -> str:
    """The first media type of ``table`` that ``accept`` allows; ``default`` when none matches."""
    for media in accept:
        if media in table:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            major = media[:-1]
            if default.startswith(major):
                return default
            for candidate in table:
                if candidate.startswith(major):
                    return candidate
    return default


# --- the evaluator process -------------------------------------------------------------


class _Limit(Exception):
    pass


class _BoundedBuffer:
    """A write target that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _Limit()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _evaluator_main(conn, nquads: str, default_graph: list[str]) -> None:  # pragma: no cover - runs in a child
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    store = ox.Store()
    store.load(path=nquads, format=ox.RdfFormat.N_QUADS)
    for name in default_graph:
        store.update(f"ADD <{name}> TO DEFAULT")
    conn.send(("ready", len(store)))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        query, accept, default_uris, named_uris, max_bytes = request
        try:
            kwargs = {}
            if default_uris:
                kwargs["default_graph"] = [ox.NamedNode(u) for u in default_uris]
            if named_uris:
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_uris]
            result = store.query(query, prefixes=prefixes, **kwargs)
            if isinstance(result, ox.QueryBoolean):
                media = choose(
                    accept,
                    {k: v for k, v in RESULT_TYPES.items() if v in ("JSON", "XML")}
                    | {"text/csv": "CSV", "text/tab-separated-values": "TSV"},
                    DEFAULT_RESULT_TYPE,
                )
                body = _serialize_boolean(bool(result), RESULT_TYPES[media])
                conn.send(("ok", 200, body, media))
                continue
            if isinstance(result, ox.QuerySolutions):
                media = choose(accept, RESULT_TYPES, DEFAULT_RESULT_TYPE)
                fmt = getattr(ox.QueryResultsFormat, RESULT_TYPES[media])
            else:
                media = choose(accept, GRAPH_TYPES, DEFAULT_GRAPH_TYPE)
                fmt = getattr(ox.RdfFormat, GRAPH_TYPES[media])
            buf = _BoundedBuffer(max_bytes)
            try:
                result.serialize(buf, format=fmt)
            except _Limit:
                conn.send(
                    ("error", 413, f"the result is larger than {max_bytes} bytes; add a LIMIT or narrow the query.")
                )
                continue
            except OSError as err:
                if "_Limit" in repr(err) or buf.size > max_bytes:
                    conn.send(
                        ("error", 413, f"the result is larger than {max_bytes} bytes; add a LIMIT or narrow the query.")
                    )
                    continue
                raise
            conn.send(("ok", 200, b"".join(buf.parts), media))
        except SyntaxError as err:
            message = " ".join(str(err).split())
            if len(message) > 240:
                message = message[:240] + "…"
            conn.send(("error", 400, f"the query does not parse: {message}"))
        except Exception as err:
            conn.send(("error", 400, f"the query failed: {' '.join(str(err).split())}"))


def _serialize_boolean(value: bool, kind: str) -> bytes:
    if kind == "XML":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    if kind in ("CSV", "TSV"):
        return b"_askResult\r\n" + (b"true\r\n" if value else b"false\r\n")
    return b'{"head":{},"boolean":' + (b"true" if value else b"false") + b"}"


class Evaluator:
    """One child process holding the graph in Oxigraph; restarted after a timeout or a crash."""

    def __init__(self, nquads: Path, default_graph: list[str]):
        self._args = (str(nquads), default_graph)
        self._ctx = mp.get_context("spawn")
        self._lock = threading.Lock()
        self._proc = None
        self._conn = None
        self.triples = 0

    def start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_evaluator_main, args=(child, *self._args), daemon=True)
        proc.start()
        child.close()
        if not parent.poll(60):
            proc.kill()
            raise RuntimeError("the query evaluator did not start within 60 s")
        status, count = parent.recv()
        self._proc, self._conn, self.triples = proc, parent, count

    def _restart(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self.start()

    def run(
        self,
        query: str,
        accept: list[str],
        default_uris: list[str],
        named_uris: list[str],
        *,
        timeout: float,
        max_bytes: int,
    ) -> Answer:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._restart()
            self._conn.send((query, accept, default_uris, named_uris, max_bytes))
            if not self._conn.poll(timeout):
                self._restart()
                raise QueryRefused(
                    503, f"the query ran longer than the {timeout:g} s limit and was stopped; narrow it or add a LIMIT."
                )
            try:
                reply = self._conn.recv()
            except (EOFError, OSError):
                self._restart()
                raise QueryRefused(
                    400,
                    "the query could not be evaluated (it crashed the evaluator, for example by nesting too deep); simplify it.",
                ) from None
        if reply[0] == "ok":
            return Answer(reply[1], reply[2], reply[3])
        raise QueryRefused(reply[1], reply[2])

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
            self._proc = None


class Engine:
    """What the endpoint asks: check the query, then evaluate it within the limits.

    Answers are cached once, by :class:`server.app.ResponseCache`, in front of the app.
    """

    def __init__(self, nquads: Path, default_graph: list[str], *, timeout: float, max_bytes: int, max_depth: int):
        self.evaluator = Evaluator(nquads, default_graph)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    def start(self) -> None:
        self.evaluator.start()

    def answer(self, query: str, accept_header: str | None, default_uris: list[str], named_uris: list[str]) -> Answer:
        check_query(query, self.max_depth)
        return self.evaluator.run(
            query, parse_accept(accept_header), default_uris, named_uris, timeout=self.timeout, max_bytes=self.max_bytes
        )

    def close(self) -> None:
        self.evaluator.close()
