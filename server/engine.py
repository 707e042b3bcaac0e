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
import select
import struct
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
    """A write target that refuses to grow past ``limit`` bytes; ``parts`` starts with ``first``."""

    def __init__(self, limit: int, first: bytes):
        self.limit = limit
        self.parts: list[bytes] = [first]
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _Limit()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


# The messages between a worker and its evaluator: bytes, written and read by hand, because
# pickling tuples cost as much as evaluating a simple query (both ends, every request).
#
# A request is ``!BBBHH`` (the indexes of the ASK, SELECT and graph media types in
# BOOLEAN_TYPES, RESULT_TYPES and GRAPH_TYPES, then how many default and named graph
# IRIs follow), each IRI ended by NUL (an IRI cannot hold one), then the query in UTF-8.
# A reply is one byte, then the body: 0, 1 or 2 an answer in the ASK, SELECT or graph
# media type of the request; 3 a refusal, its HTTP status in two bytes and its message.
_REQUEST = struct.Struct("!BBBHH")
_BOOLEAN, _SOLUTIONS, _GRAPH, _REFUSED = b"\x00", b"\x01", b"\x02", 3
_MEDIA_TABLES = (tuple(BOOLEAN_TYPES), tuple(RESULT_TYPES), tuple(GRAPH_TYPES))
_INDEX = tuple({media: i for i, media in enumerate(table)} for table in _MEDIA_TABLES)


def _encode_request(query: str, media: tuple[str, str, str], default_uris: list[str], named_uris: list[str]) -> bytes:
    head = _REQUEST.pack(
        *(index[m] for index, m in zip(_INDEX, media, strict=True)), len(default_uris), len(named_uris)
    )
    if not default_uris and not named_uris:
        return head + query.encode("utf-8", "surrogatepass")
    iris = "".join(u + "\0" for u in (*default_uris, *named_uris))
    return head + iris.encode("utf-8") + query.encode("utf-8", "surrogatepass")


def _decode_request(data: bytes) -> tuple[str, tuple[str, str, str], list[str], list[str]]:
    boolean, solutions, graph, n_default, n_named = _REQUEST.unpack_from(data)
    media = (_MEDIA_TABLES[0][boolean], _MEDIA_TABLES[1][solutions], _MEDIA_TABLES[2][graph])
    rest = data[_REQUEST.size :]
    iris: list[str] = []
    if n_default or n_named:
        *parts, rest = rest.split(b"\0", n_default + n_named)
        iris = [p.decode("utf-8") for p in parts]
    return rest.decode("utf-8", "surrogatepass"), media, iris[:n_default], iris[n_default:]


def _refusal(status: int, message: str) -> bytes:
    return bytes([_REFUSED]) + status.to_bytes(2, "big") + message.encode("utf-8", "replace")


def _evaluator_main(conn, nquads: str, default_graph: list[str], max_bytes: int) -> None:  # pragma: no cover - a child
    import pyoxigraph as ox

    from kg.query import OX_PREFIXES as prefixes
    from kg.query import load_store

    store = load_store(nquads, default_graph)
    solution_formats = {m: getattr(ox.QueryResultsFormat, name) for m, name in RESULT_TYPES.items()}
    graph_formats = {m: getattr(ox.RdfFormat, name) for m, name in GRAPH_TYPES.items()}
    too_large = _refusal(413, f"the result is larger than {max_bytes} bytes; add a LIMIT or narrow the query.")
    conn.send_bytes(str(len(store)).encode())
    while True:
        try:
            request = conn.recv_bytes()
        except EOFError:
            return
        try:
            query, (boolean_media, solutions_media, graph_media), default_uris, named_uris = _decode_request(request)
            kwargs = {}
            if default_uris:
                kwargs["default_graph"] = [ox.NamedNode(u) for u in default_uris]
            if named_uris:
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_uris]
            result = store.query(query, prefixes=prefixes, **kwargs)
            if isinstance(result, ox.QueryBoolean):
                conn.send_bytes(_BOOLEAN + _serialize_boolean(bool(result), BOOLEAN_TYPES[boolean_media]))
                continue
            if isinstance(result, ox.QuerySolutions):
                buf, fmt = _BoundedBuffer(max_bytes, _SOLUTIONS), solution_formats[solutions_media]
            else:
                buf, fmt = _BoundedBuffer(max_bytes, _GRAPH), graph_formats[graph_media]
            try:
                result.serialize(buf, format=fmt)
            except _Limit:
                conn.send_bytes(too_large)
                continue
            except OSError as err:
                if "_Limit" in repr(err) or buf.size > max_bytes:
                    conn.send_bytes(too_large)
                    continue
                raise
            conn.send_bytes(b"".join(buf.parts))
        except SyntaxError as err:
            message = " ".join(str(err).split())
            if len(message) > 240:
                message = message[:240] + "…"
            conn.send_bytes(_refusal(400, f"the query does not parse: {message}"))
        except Exception as err:
            conn.send_bytes(_refusal(400, f"the query failed: {' '.join(str(err).split())}"))


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
    """One child process holding the graph in Oxigraph; restarted after a timeout or a crash.

    Results larger than ``max_bytes`` are refused by the child while it serialises them.
    """

    def __init__(self, nquads: Path, default_graph: list[str], *, max_bytes: int):
        self._args = (str(nquads), default_graph, max_bytes)
        self._ctx = mp.get_context("spawn")
        self._lock = threading.Lock()
        self._proc = None
        self._conn = None
        self._poll = None
        self.triples = 0

    def start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_evaluator_main, args=(child, *self._args), daemon=True)
        proc.start()
        child.close()
        if not parent.poll(60):
            proc.kill()
            raise RuntimeError("the query evaluator did not start within 60 s")
        count = int(parent.recv_bytes())
        # One poll object for the life of the pipe: Connection.poll builds a selector at each call.
        poll = select.poll()
        poll.register(parent.fileno(), select.POLLIN)
        self._proc, self._conn, self._poll, self.triples = proc, parent, poll, count

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
    ) -> Answer:
        """Evaluate ``query`` in the child; past ``timeout`` seconds the child is killed and 503 raised."""
        request = _encode_request(query, media, default_uris, named_uris)
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._restart()
            self._conn.send_bytes(request)
            if not self._poll.poll(timeout * 1000):
                self._restart()
                raise QueryRefused(
                    503, f"the query ran longer than the {timeout:g} s limit and was stopped; narrow it or add a LIMIT."
                )
            try:
                reply = self._conn.recv_bytes()
            except (EOFError, OSError):
                self._restart()
                raise QueryRefused(
                    400,
                    "the query could not be evaluated (it crashed the evaluator, for example by nesting too deep); simplify it.",
                ) from None
        kind = reply[0]
        if kind == _REFUSED:
            raise QueryRefused(int.from_bytes(reply[1:3], "big"), reply[3:].decode("utf-8"))
        return Answer(200, reply[1:], media[kind])

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
            self._proc = None


class Engine:
    """What the endpoint asks: check the query, then evaluate it within the limits.

    Answers are cached once, by :class:`server.cache.ResponseCache`, in front of the app.
    """

    def __init__(self, nquads: Path, default_graph: list[str], *, timeout: float, max_bytes: int, max_depth: int):
        self.evaluator = Evaluator(nquads, default_graph, max_bytes=max_bytes)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    def start(self) -> None:
        self.evaluator.start()

    def answer(self, query: str, accept, default_uris: list[str], named_uris: list[str]) -> Answer:
        """Check ``query`` and evaluate it; ``accept`` is the request's Accept header (text or Werkzeug's MIMEAccept)."""
        check_query(query, self.max_depth)
        return self.evaluator.run(query, negotiated(accept), default_uris, named_uris, timeout=self.timeout)

    def close(self) -> None:
        self.evaluator.close()
