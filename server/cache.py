"""The response cache in front of the app: a repeated request is answered from memory."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict


class ResponseCache:
    """Answers a repeated request from memory, before Flask: the one cache of the endpoint and pages.

    A request is the same when its method, host, path, query string, content type, body
    and Accept header are (some pages show the endpoint's full address); only GET of pages
    and GET or POST of /sparql are kept. The graph is read-only for the life of the
    process, so an answer never goes stale. Only successful answers up to 1 MiB are kept,
    at most ``entries`` of them and ``max_bytes`` in all, least recently used first out.
    """

    def __init__(self, wsgi_app, entries: int, max_body: int, *, max_bytes: int = 64 << 20):
        self.wsgi_app = wsgi_app
        self.entries = entries
        self.max_body = max_body
        self.max_bytes = max_bytes
        self.size = 0
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def _key(self, environ):
        method = environ.get("REQUEST_METHOD")
        path = environ.get("PATH_INFO", "")
        if path != "/sparql":
            if method != "GET" or path.startswith(("/static/", "/graph/")):
                return None  # files are streamed, with their own caching headers
            if path == "/drafts" or path.startswith("/drafts/"):
                return None  # read from the draft file at each request
            return (
                method,
                environ.get("HTTP_HOST", ""),
                path,
                environ.get("QUERY_STRING", ""),
                "",
                b"",
                environ.get("HTTP_ACCEPT", ""),
            )
        if method not in ("GET", "POST"):
            return None
        body = b""
        if method == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return None
            if length <= 0 or length > self.max_body:
                return None  # Flask answers it (400, 413)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
        elif not environ.get("QUERY_STRING"):
            return None  # the Service Description depends on the Host
        return (
            method,
            environ.get("HTTP_HOST", ""),
            path,
            environ.get("QUERY_STRING", ""),
            environ.get("CONTENT_TYPE", ""),
            body,
            environ.get("HTTP_ACCEPT", ""),
        )

    def __call__(self, environ, start_response):
        key = self._key(environ) if self.entries else None
        if key is None:
            return self.wsgi_app(environ, start_response)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, headers)
            return [body]
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        answer = self.wsgi_app(environ, capture)
        try:
            body = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        if captured.get("status", "").startswith("200") and len(body) <= min(1 << 20, self.max_bytes):
            with self._lock:
                old = self._cache.pop(key, None)
                if old is not None:
                    self.size -= len(old[2])
                self._cache[key] = (captured["status"], list(captured["headers"]), body)
                self.size += len(body)
                while len(self._cache) > self.entries or self.size > self.max_bytes:
                    _, evicted = self._cache.popitem(last=False)
                    self.size -= len(evicted[2])
        return [body]
