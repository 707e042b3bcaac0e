"""The SPARQL 1.1 Protocol at /sparql: query by GET, by POST form and by POST application/sparql-query.

Updates are refused by every route: the graph is read-only. ``default-graph-uri``
and ``named-graph-uri`` may name the graphs the endpoint holds (asserted,
inferred, ontology, shapes); any other IRI gets 400, so nothing is ever fetched.
GET with no parameters returns the Service Description; GET with protocol parameters
but no query is 400. A query sent directly (``application/sparql-query``) must be
UTF-8: another declared charset is 415, a body that does not decode is 400.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, VOID, XSD

from kg.namespaces import KG, bind_prefixes
from kg.query import looks_like_update
from server.checks import UPDATES_REFUSED, QueryRefused, held_graphs
from server.negotiate import best

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

DESCRIPTION_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


def error(status: int, message: str) -> Response:
    response = jsonify({"error": message, "status": status})
    response.status_code = status
    return response


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def sparql():
    if request.method == "OPTIONS":
        return Response(status=204)
    if request.method == "GET":
        limit = current_app.config["MAX_REQUEST_BYTES"]
        if len(request.query_string) > limit:
            return error(413, f"the request is larger than {limit} bytes; send long queries by POST.")
        queries = request.args.getlist("query")
        if "update" in request.args:
            return error(400, UPDATES_REFUSED)
        if not queries:
            if not request.args:
                return service_description()
            given = ", ".join(sorted(request.args))
            return error(
                400,
                f"a 'query' parameter is required with {given}; GET without parameters gives the Service Description.",
            )
        default_uris = request.args.getlist("default-graph-uri")
        named_uris = request.args.getlist("named-graph-uri")
    else:
        content_type = (request.mimetype or "").lower()
        if content_type == "application/x-www-form-urlencoded":
            form = request.form
            if "update" in form:
                return error(400, UPDATES_REFUSED)
            queries = form.getlist("query")
            default_uris = form.getlist("default-graph-uri") + request.args.getlist("default-graph-uri")
            named_uris = form.getlist("named-graph-uri") + request.args.getlist("named-graph-uri")
        elif content_type == "application/sparql-query":
            charset = request.mimetype_params.get("charset", "utf-8")
            if charset.strip().lower() not in ("utf-8", "utf8"):
                return error(415, f"unsupported charset '{charset}': send the query as UTF-8 (charset=utf-8).")
            try:
                queries = [request.get_data(cache=False).decode("utf-8")]
            except UnicodeDecodeError as err:
                return error(400, f"the query body is not valid UTF-8 (byte {err.start}); send the query as UTF-8.")
            default_uris = request.args.getlist("default-graph-uri")
            named_uris = request.args.getlist("named-graph-uri")
        elif content_type == "application/sparql-update":
            return error(400, UPDATES_REFUSED)
        else:
            return error(
                415,
                f"unsupported content type '{content_type or 'none'}': send application/sparql-query "
                "or application/x-www-form-urlencoded.",
            )
    if len(queries) != 1:
        return error(400, f"exactly one 'query' parameter is required, got {len(queries)}.")
    query = queries[0]
    if not query.strip():
        return error(400, "the 'query' parameter is empty.")
    graphs = current_app.extensions["kg_graphs"]
    known = set(graphs.values())
    unknown = [u for u in default_uris + named_uris if u not in known]
    if unknown:
        return error(
            400,
            f"unknown graph <{unknown[0]}>: this endpoint holds only " + held_graphs(known),
        )
    engine = current_app.extensions["kg_engine"]
    try:
        answer = engine.answer(query, request.accept_mimetypes, default_uris, named_uris)
    except QueryRefused as refused:
        if refused.status == 400 and looks_like_update(query) and "does not parse" in refused.message:
            return error(400, UPDATES_REFUSED + " " + refused.message)
        return error(refused.status, refused.message)
    response = Response(answer.body, status=answer.status, mimetype=answer.media_type)
    if answer.media_type.startswith("text/") or "json" in answer.media_type or "xml" in answer.media_type:
        response.charset = "utf-8"
    response.headers["Vary"] = "Accept"
    return response


def service_description() -> Response:
    """The SPARQL Service Description of this endpoint, with VoID figures of its dataset."""
    manifest = current_app.extensions["kg_manifest"]
    graphs = current_app.extensions["kg_graphs"]
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
    sizes = manifest["triples"]
    g.add(
        (
            default,
            VOID.triples,
            Literal(sizes["asserted"] + sizes["inferred"] + sizes["ontology"], datatype=XSD.integer),
        )
    )
    for name, counts in sorted(manifest.get("classes", {}).items()):
        partition = BNode(f"class-{name}")
        g.add((default, VOID.classPartition, partition))
        g.add((partition, VOID["class"], KG[name]))
        g.add((partition, VOID.entities, Literal(counts["with_reasoning"], datatype=XSD.integer)))
    for name, iri in graphs.items():
        named = BNode(f"named-{name}")
        g.add((dataset, SD.namedGraph, named))
        g.add((named, SD.name, URIRef(iri)))
        inner = BNode(f"graph-{name}")
        g.add((named, SD.graph, inner))
        g.add((inner, RDF.type, SD.Graph))
        g.add((inner, VOID.triples, Literal(sizes[name], datatype=XSD.integer)))
    media = best(request.accept_mimetypes, DESCRIPTION_TYPES, "text/turtle")
    body = g.serialize(format=DESCRIPTION_TYPES[media])
    return Response(body, mimetype=media)


@bp.route("/sparql/<path:anything>", methods=["GET", "POST"])
def not_here(anything):
    abort(404, description="the endpoint is /sparql.")
