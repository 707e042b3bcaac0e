"""Query evaluation for the endpoint: Oxigraph in a child process, bounded in time and size.

rdflib authors, checks and reasons over the graph; serving uses pyoxigraph, a
native SPARQL engine made for this field, over the build's N-Quads. Each web
worker owns one evaluator process. A query that runs past the time limit is
stopped by killing that process (Oxigraph has no cancellation), so the worker
answers with a clear error and carries on with a fresh evaluator. A query that
crashes the evaluator (for example through deep nesting) costs the evaluator,
never the web worker.

The engine never fetches anything: queries with SERVICE are refused before
evaluation (:mod:`server.checks`), and FROM / FROM NAMED only name graphs held in
the store. Which media type to answer with is decided before evaluation
(:mod:`server.negotiate`), for each kind of result the query may give.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from dataclasses import dataclass
from pathlib import Path

from server.checks import QueryRefused, check_query
from server.negotiate import BOOLEAN_TYPES, GRAPH_TYPES, RESULT_TYPES, negotiated


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str


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

    from kg.query import OX_PREFIXES as prefixes
    from kg.query import load_store

    store = load_store(nquads, default_graph)
    conn.send(("ready", len(store)))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        query, (boolean_media, solutions_media, graph_media), default_uris, named_uris, max_bytes = request
        try:
            kwargs = {}
            if default_uris:
                kwargs["default_graph"] = [ox.NamedNode(u) for u in default_uris]
            if named_uris:
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_uris]
            result = store.query(query, prefixes=prefixes, **kwargs)
            if isinstance(result, ox.QueryBoolean):
                body = _serialize_boolean(bool(result), BOOLEAN_TYPES[boolean_media])
                conn.send(("ok", 200, body, boolean_media))
                continue
            if isinstance(result, ox.QuerySolutions):
                media = solutions_media
                fmt = getattr(ox.QueryResultsFormat, RESULT_TYPES[media])
            else:
                media = graph_media
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
        media: tuple[str, str, str],
        default_uris: list[str],
        named_uris: list[str],
        *,
        timeout: float,
        max_bytes: int,
    ) -> Answer:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._restart()
            self._conn.send((query, media, default_uris, named_uris, max_bytes))
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

    def answer(self, query: str, accept, default_uris: list[str], named_uris: list[str]) -> Answer:
        """Check ``query`` and evaluate it; ``accept`` is the request's :class:`~werkzeug.datastructures.MIMEAccept`."""
        check_query(query, self.max_depth)
        return self.evaluator.run(
            query, negotiated(accept), default_uris, named_uris, timeout=self.timeout, max_bytes=self.max_bytes
        )

    def close(self) -> None:
        self.evaluator.close()
