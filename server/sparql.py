"""The SPARQL 1.1 Protocol at /sparql: query by GET, by POST form and by POST application/sparql-query.

Updates are refused by every route: the graph is read-only. ``default-graph-uri``
and ``named-graph-uri`` may name the graphs the endpoint holds (asserted,
inferred, ontology, shapes); any other IRI gets 400, so nothing is ever fetched.
GET with no parameters returns the Service Description; GET with protocol parameters
but no query is 400. A query sent directly (``application/sparql-query``) must be
UTF-8: another declared charset is 415, a body that does not decode is 400.

The endpoint is a plain WSGI app in front of Flask (behind the response cache, see
:func:`server.app.create_app`): a question never asked before costs Werkzeug's parsing
of the request, the query check and the evaluator's round trip, and no Flask routing,
request context or response object. Every other path goes on to Flask. Errors have the
one JSON shape of the app, ``{"error": ..., "status": ...}``.
"""

from __future__ import annotations

import json
import logging

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, VOID, XSD
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.utils import get_content_type
from werkzeug.wrappers import Request

from kg.namespaces import KG, bind_prefixes
from kg.query import looks_like_update
from server.checks import UPDATES_REFUSED, QueryRefused, held_graphs
from server.headers import CACHE_CONTROL, NOSNIFF, cors_headers
from server.negotiate import best

PATH = "/sparql"

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

DESCRIPTION_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
ALLOWED = "GET, HEAD, POST, OPTIONS"


def _status(code: int) -> str:
    return f"{code} {HTTP_STATUS_CODES[code].upper()}"


class SparqlEndpoint:
    """``/sparql`` (and ``/sparql/...``, 404) answered here; any other path by ``fallback``, the Flask app.

    ``engine`` checks and evaluates a query (:class:`server.engine.Engine` or
    :class:`server.remote.RemoteEngine`); ``graphs`` maps the names of the held graphs to
    their IRIs and ``manifest`` is the build's ``build.json``, for the Service Description.
    """

    def __init__(
        self,
        fallback,
        engine,
        *,
        graphs: dict[str, str],
        manifest: dict,
        max_request_bytes: int,
        cors_origin: str,
        logger: logging.Logger,
    ):
        self.fallback = fallback
        self.engine = engine
        self.graphs = graphs
        self.known = frozenset(graphs.values())
        self.manifest = manifest
        self.max_request_bytes = max_request_bytes
        self.logger = logger
        self.common = [*cors_headers(cors_origin), NOSNIFF]
        self._content_types: dict[str, str] = {}

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path != PATH and not path.startswith(PATH + "/"):
            return self.fallback(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            if path != PATH:
                code, headers, body = self.error(404, "the endpoint is /sparql.")
            else:
                code, headers, body = self.respond(method, environ)
        except Exception:
            self.logger.exception("unhandled error")
            code, headers, body = self.error(500, "internal error; the server log has the details.")
        if code == 200 and method in ("GET", "HEAD", "POST"):
            headers.append(("Cache-Control", CACHE_CONTROL))
        headers += self.common
        start_response(_status(code), headers)
        return [b""] if method == "HEAD" else [body]

    def respond(self, method: str, environ) -> tuple[int, list[tuple[str, str]], bytes]:
        """The status, headers and body of the answer to one request to /sparql."""
        if method == "OPTIONS":
            return 204, [], b""
        if method not in ("GET", "HEAD", "POST"):
            code, headers, body = self.error(405, "The method is not allowed for the requested URL.")
            headers.append(("Allow", ALLOWED))
            return code, headers, body
        request = Request(environ)
        request.max_content_length = self.max_request_bytes
        try:
            return self.answer(method, request)
        except HTTPException as err:  # raised by Werkzeug while reading a form or body
            message = err.description or err.name
            if err.code == 413:
                message = f"the request is larger than {self.max_request_bytes} bytes."
            return self.error(err.code or 400, message)

    def answer(self, method: str, request: Request) -> tuple[int, list[tuple[str, str]], bytes]:
        if method != "POST":
            limit = self.max_request_bytes
            if len(request.query_string) > limit:
                return self.error(413, f"the request is larger than {limit} bytes; send long queries by POST.")
            args = request.args
            queries = args.getlist("query")
            if "update" in args:
                return self.error(400, UPDATES_REFUSED)
            if not queries:
                if not args:
                    return self.service_description(request)
                given = ", ".join(sorted(args))
                return self.error(
                    400,
                    f"a 'query' parameter is required with {given}; GET without parameters gives the Service Description.",
                )
            default_uris = args.getlist("default-graph-uri")
            named_uris = args.getlist("named-graph-uri")
        else:
            content_type = (request.mimetype or "").lower()
            if content_type == "application/x-www-form-urlencoded":
                form = request.form
                if "update" in form:
                    return self.error(400, UPDATES_REFUSED)
                queries = form.getlist("query")
                default_uris = form.getlist("default-graph-uri") + request.args.getlist("default-graph-uri")
                named_uris = form.getlist("named-graph-uri") + request.args.getlist("named-graph-uri")
            elif content_type == "application/sparql-query":
                charset = request.mimetype_params.get("charset", "utf-8")
                if charset.strip().lower() not in ("utf-8", "utf8"):
                    return self.error(415, f"unsupported charset '{charset}': send the query as UTF-8 (charset=utf-8).")
                try:
                    queries = [request.get_data(cache=False).decode("utf-8")]
                except UnicodeDecodeError as err:
                    return self.error(
                        400, f"the query body is not valid UTF-8 (byte {err.start}); send the query as UTF-8."
                    )
                default_uris = request.args.getlist("default-graph-uri")
                named_uris = request.args.getlist("named-graph-uri")
            elif content_type == "application/sparql-update":
                return self.error(400, UPDATES_REFUSED)
            else:
                return self.error(
                    415,
                    f"unsupported content type '{content_type or 'none'}': send application/sparql-query "
                    "or application/x-www-form-urlencoded.",
                )
        if len(queries) != 1:
            return self.error(400, f"exactly one 'query' parameter is required, got {len(queries)}.")
        query = queries[0]
        if not query.strip():
            return self.error(400, "the 'query' parameter is empty.")
        if default_uris or named_uris:
            unknown = [u for u in default_uris + named_uris if u not in self.known]
            if unknown:
                return self.error(
                    400, f"unknown graph <{unknown[0]}>: this endpoint holds only " + held_graphs(self.known)
                )
        try:
            answer = self.engine.answer(query, request.environ.get("HTTP_ACCEPT"), default_uris, named_uris)
        except QueryRefused as refused:
            if refused.status == 400 and looks_like_update(query) and "does not parse" in refused.message:
                return self.error(400, UPDATES_REFUSED + " " + refused.message)
            return self.error(refused.status, refused.message)
        return answer.status, self.headers(answer.media_type, answer.body, vary=True), answer.body

    def headers(self, media_type: str, body: bytes, *, vary: bool = False) -> list[tuple[str, str]]:
        """Content-Type (with a charset where Werkzeug gives one) and Content-Length of ``body``."""
        content_type = self._content_types.get(media_type)
        if content_type is None:
            content_type = self._content_types.setdefault(media_type, get_content_type(media_type, "utf-8"))
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        if vary:
            headers.append(("Vary", "Accept"))
        return headers

    def error(self, status: int, message: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """The app's one error shape, as Flask's ``jsonify`` writes it."""
        body = json.dumps({"error": message, "status": status}, separators=(",", ":")).encode() + b"\n"
        return status, self.headers("application/json", body), body

    def service_description(self, request: Request) -> tuple[int, list[tuple[str, str]], bytes]:
        """The SPARQL Service Description of this endpoint, with VoID figures of its dataset."""
        endpoint = URIRef(request.base_url)
        g = bind_prefixes(Graph())
        g.bind("sd", SD)
        g.bind("void", VOID)
        g.bind("formats", FORMATS)
        g.add((endpoint, RDF.type, SD.Service))
        g.add((endpoint, SD.endpoint, endpoint))
        g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
        for fmt in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "RDF_XML",
            "JSON-LD",
            "TriG",
            "N-Quads",
        ):
            g.add((endpoint, SD.resultFormat, FORMATS[fmt]))
        g.add((endpoint, SD.feature, SD.UnionDefaultGraph))
        dataset = BNode("dataset")
        g.add((endpoint, SD.defaultDataset, dataset))
        g.add((dataset, RDF.type, SD.Dataset))
        default = BNode("default")
        g.add((dataset, SD.defaultGraph, default))
        g.add((default, RDF.type, SD.Graph))
        g.add((default, RDF.type, VOID.Dataset))
        sizes = self.manifest["triples"]
        g.add(
            (
                default,
                VOID.triples,
                Literal(sizes["asserted"] + sizes["inferred"] + sizes["ontology"], datatype=XSD.integer),
            )
        )
        for name, counts in sorted(self.manifest.get("classes", {}).items()):
            partition = BNode(f"class-{name}")
            g.add((default, VOID.classPartition, partition))
            g.add((partition, VOID["class"], KG[name]))
            g.add((partition, VOID.entities, Literal(counts["with_reasoning"], datatype=XSD.integer)))
        for name, iri in self.graphs.items():
            named = BNode(f"named-{name}")
            g.add((dataset, SD.namedGraph, named))
            g.add((named, SD.name, URIRef(iri)))
            inner = BNode(f"graph-{name}")
            g.add((named, SD.graph, inner))
            g.add((inner, RDF.type, SD.Graph))
            g.add((inner, VOID.triples, Literal(sizes[name], datatype=XSD.integer)))
        media = best(request.accept_mimetypes, DESCRIPTION_TYPES, "text/turtle")
        body = g.serialize(format=DESCRIPTION_TYPES[media]).encode("utf-8")
        return 200, self.headers(media, body), body
