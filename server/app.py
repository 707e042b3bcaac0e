"""The Flask app factory: configuration, the query engine, one JSON error shape, CORS.

Configuration comes from the defaults below, then ``KG_*`` environment variables
(``KG_QUERY_TIMEOUT=5``), then ``test_config``. The app serves the outputs of the
last ``kg build`` (building first when there are none) and never runs in debug mode.
"""

from __future__ import annotations

import atexit

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kg.build import ensure_built, stale_message
from kg.namespaces import DEFAULT_GRAPHS, GRAPHS
from kg.project import find_project
from server.cache import ResponseCache
from server.engine import Engine
from server.headers import CACHE_CONTROL, NOSNIFF, cors_headers
from server.negotiate import best
from server.remote import RemoteEngine
from server.sparql import PATH as SPARQL_PATH
from server.sparql import SparqlEndpoint

DEFAULTS = {
    "ROOT": None,  # the project folder; None: $KG_ROOT or the folder holding ontology/kg.ttl
    "OUT": None,  # the build folder to serve; None: out/ in the project folder
    "QUERY_TIMEOUT": 10.0,  # seconds a query may run before it is stopped
    "MAX_REQUEST_BYTES": 64 * 1024,  # a larger query or form gets 413
    "MAX_RESULT_BYTES": 16 * 1024 * 1024,  # a larger serialised result gets 413
    "MAX_QUERY_DEPTH": 64,  # deeper nesting of { and ( gets 400
    "CACHE_ENTRIES": 1024,  # answers kept per worker; the graph is read-only
    "CACHE_BYTES": 64 * 1024 * 1024,  # and at most this many bytes of them per worker
    "CORS_ORIGIN": "*",  # Access-Control-Allow-Origin; "" turns CORS off
    "STORE": None,  # an external store's SPARQL query endpoint to serve from; None: the embedded Oxigraph
    "DRAFTS": False,  # serve /drafts, the review pages of data/claims/*.draft.ttl (kg serve --drafts, loopback only)
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
    out_dir = project.output(app.config["OUT"])
    manifest, stale = ensure_built(project, out_dir)  # builds when there is no build yet
    if stale:
        app.logger.warning(stale_message("serving the last build (run 'kg build')."))
    graphs = dict(GRAPHS)
    limits = {
        "timeout": float(app.config["QUERY_TIMEOUT"]),
        "max_bytes": int(app.config["MAX_RESULT_BYTES"]),
        "max_depth": int(app.config["MAX_QUERY_DEPTH"]),
    }
    if app.config["STORE"]:
        engine = RemoteEngine(str(app.config["STORE"]), graphs, **limits)
    else:
        engine = Engine(out_dir / "kg.nq", [graphs[n] for n in DEFAULT_GRAPHS], **limits)
    engine.start()
    atexit.register(engine.close)
    app.extensions["kg_engine"] = engine
    app.extensions["kg_manifest"] = manifest
    app.extensions["kg_graphs"] = graphs
    app.extensions["kg_project"] = project
    app.extensions["kg_out"] = out_dir

    from server.pages import bp as pages_bp

    # /sparql is answered in front of Flask (see below); the rule only lets pages write its address.
    app.add_url_rule(SPARQL_PATH, endpoint="sparql", build_only=True)
    app.register_blueprint(pages_bp)
    if app.config["DRAFTS"] is True:
        from server.drafts import bp as drafts_bp

        app.register_blueprint(drafts_bp)

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

    cors = cors_headers(app.config["CORS_ORIGIN"])

    @app.after_request
    def common_headers(response):
        if request.blueprint != "drafts":  # no page elsewhere may read unreviewed drafts
            for name, value in cors:
                response.headers[name] = value
        response.headers.setdefault(*NOSNIFF)
        if response.mimetype == "text/html":
            # Pages load nothing from anywhere but this server.
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.method in ("GET", "POST") and response.status_code == 200:
            response.headers.setdefault("Cache-Control", CACHE_CONTROL)
        return response

    endpoint = SparqlEndpoint(
        app.wsgi_app,
        engine,
        graphs=graphs,
        manifest=manifest,
        max_request_bytes=int(app.config["MAX_REQUEST_BYTES"]),
        cors_origin=app.config["CORS_ORIGIN"],
        logger=app.logger,
    )
    app.wsgi_app = ResponseCache(
        endpoint,
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
    return best(request.accept_mimetypes, ("application/json", "text/html"), "application/json") == "text/html"
