"""The Flask app factory: configuration, the query engine, one JSON error shape, CORS.

Configuration comes from the defaults below, then ``KG_*`` environment variables
(``KG_QUERY_TIMEOUT=5``), then ``test_config``. The app serves the outputs of the
last ``kg build`` (building first when there are none) and never runs in debug mode.
"""

from __future__ import annotations

import atexit
import io
import threading
from collections import OrderedDict
from pathlib import Path

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kg.build import ensure_built
from kg.load import find_project
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY, GRAPH_SHAPES
from server.engine import Engine, choose, parse_accept
from server.remote import RemoteEngine

DEFAULTS = {
    "ROOT": None,  # the project folder; None: $KG_ROOT or the folder holding ontology/kg.ttl
    "QUERY_TIMEOUT": 10.0,  # seconds a query may run before it is stopped
    "MAX_REQUEST_BYTES": 64 * 1024,  # a larger query or form gets 413
    "MAX_RESULT_BYTES": 16 * 1024 * 1024,  # a larger serialised result gets 413
    "MAX_QUERY_DEPTH": 64,  # deeper nesting of { and ( gets 400
    "CACHE_ENTRIES": 1024,  # answers kept per worker; the graph is read-only
    "CACHE_BYTES": 64 * 1024 * 1024,  # and at most this many bytes of them per worker
    "CORS_ORIGIN": "*",  # Access-Control-Allow-Origin; "" turns CORS off
    "STORE": None,  # an external store's SPARQL query endpoint to serve from; None: the embedded Oxigraph
}


def create_app(test_config: dict | None = None) -> Flask:
    """Make the endpoint app. ``test_config`` overrides defaults and environment."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("KG")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["DEBUG"] = False
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_REQUEST_BYTES"])

    project = find_project(app.config["ROOT"])
    manifest, stale = ensure_built(project)  # builds when there is no build yet
    if stale:
        app.logger.warning("the data changed since the last build; serving the last build (run 'kg build').")
    out_dir = project.out_dir
    graphs = {
        "asserted": str(GRAPH_ASSERTED),
        "inferred": str(GRAPH_INFERRED),
        "ontology": str(GRAPH_ONTOLOGY),
        "shapes": str(GRAPH_SHAPES),
    }
    limits = {
        "timeout": float(app.config["QUERY_TIMEOUT"]),
        "max_bytes": int(app.config["MAX_RESULT_BYTES"]),
        "max_depth": int(app.config["MAX_QUERY_DEPTH"]),
    }
    if app.config["STORE"]:
        engine = RemoteEngine(str(app.config["STORE"]), graphs, **limits)
    else:
        engine = Engine(Path(out_dir) / "kg.nq", [graphs["asserted"], graphs["inferred"], graphs["ontology"]], **limits)
    engine.start()
    atexit.register(engine.close)
    app.extensions["kg_engine"] = engine
    app.extensions["kg_manifest"] = manifest
    app.extensions["kg_graphs"] = graphs
    app.extensions["kg_project"] = project

    from server.pages import bp as pages_bp
    from server.sparql import bp as sparql_bp

    app.register_blueprint(sparql_bp)
    app.register_blueprint(pages_bp)

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        message = err.description or err.name
        if err.code == 413:
            message = f"the request is larger than {app.config['MAX_REQUEST_BYTES']} bytes."
        if wants_html():
            return render_template("error.html", status=err.code, message=message), err.code
        response = jsonify({"error": message, "status": err.code})
        response.status_code = err.code
        if err.code == 405 and hasattr(err, "valid_methods") and err.valid_methods:
            response.headers["Allow"] = ", ".join(err.valid_methods)
        return response

    @app.errorhandler(Exception)
    def internal_error(err: Exception):
        app.logger.exception("unhandled error")
        if wants_html():
            message = "internal error; the server log has the details."
            return render_template("error.html", status=500, message=message), 500
        response = jsonify({"error": "internal error; the server log has the details.", "status": 500})
        response.status_code = 500
        return response

    @app.after_request
    def cors(response):
        origin = app.config["CORS_ORIGIN"]
        if origin:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
            response.headers["Access-Control-Max-Age"] = "86400"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.mimetype == "text/html":
            # Pages load nothing from anywhere but this server.
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.method in ("GET", "POST") and response.status_code == 200:
            response.headers.setdefault("Cache-Control", "public, max-age=60")
        return response

    app.wsgi_app = ResponseCache(
        app.wsgi_app,
        int(app.config["CACHE_ENTRIES"]),
        int(app.config["MAX_REQUEST_BYTES"]),
        max_bytes=int(app.config["CACHE_BYTES"]),
    )
    return app


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
)


def wants_html() -> bool:
    """Whether the client of a page (not of /sparql or /api) would rather read an HTML error."""
    if request.path.startswith(("/sparql", "/api/")):
        return False
    best = choose(parse_accept(request.headers.get("Accept")), {"text/html": "", "application/json": ""}, "")
    return best == "text/html"


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
