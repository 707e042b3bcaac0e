"""The web pages: home, query editor, linked-data pages, article reader, timeline, graph view, validation.

Every IRI of the graph under ``https://w3id.org/ijkg/`` is served at the same path
here (``https://w3id.org/ijkg/id/Italy`` at ``/id/Italy``). A browser gets HTML;
an RDF client gets Turtle, JSON-LD or N-Triples by the Accept header, or by
``?format=ttl|jsonld|nt``. Pages are rendered on the server and work without
JavaScript, except the query editor and the graph view; every script and style
they load comes from this server.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, send_file, url_for
from rdflib import Graph

from kg.evidence import normalise
from kg.namespaces import PREFIXES
from kg.query import read_stored
from server import graphdata as gd
from server.checks import QueryRefused
from server.negotiate import best

bp = Blueprint("pages", __name__)

RDF_TYPES = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt"}
RDF_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
}
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", **RDF_TYPES}
FORMAT_PARAM = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
GRAPH_FILES = {"asserted", "inferred", "ontology", "shapes"}


def negotiate() -> str:
    """The media type to answer with: ``?format=``, else the Accept header; HTML by default."""
    fmt = request.args.get("format")
    if fmt is not None:
        if fmt not in FORMAT_PARAM:
            abort(400, description=f"unknown format '{fmt}': use one of {', '.join(FORMAT_PARAM)}.")
        return FORMAT_PARAM[fmt]
    return best(request.accept_mimetypes, PAGE_TYPES, "text/html")


def _vary(response: Response) -> Response:
    response.headers["Vary"] = "Accept"
    return response


@bp.app_context_processor
def page_globals():
    return {"manifest": current_app.extensions["kg_manifest"]}


@bp.record_once
def template_helpers(state):
    state.app.jinja_env.globals.update(href=gd.href, short=gd.short, local_name=gd.local_name, nt=gd.nt)


# --- home, editor, queries ---------------------------------------------------------------


def stored_queries() -> list:
    """The stored questions, read once per worker (they belong to the build being served, like the graph)."""
    if "kg_queries" not in current_app.extensions:
        folder = current_app.extensions["kg_project"].queries_dir
        current_app.extensions["kg_queries"] = [read_stored(p) for p in sorted(folder.glob("*.rq"))]
    return current_app.extensions["kg_queries"]


@bp.get("/")
def home():
    manifest = current_app.extensions["kg_manifest"]
    classes = manifest.get("classes", {})
    core = ["Country", "Leader", "Agreement", "DefenceProgramme", "Meeting"]
    return render_template(
        "home.html",
        articles=gd.articles(),
        classes=sorted(classes.items(), key=lambda kv: (kv[0] not in core, kv[0])),
        core=core,
        queries=stored_queries(),
    )


@bp.get("/query")
def query_editor():
    gallery = [
        {"name": q.name, "title": q.question or q.name, "returns": q.returns, "query": q.text} for q in stored_queries()
    ]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    example = request.args.get("example", "")
    if example and example not in {q["name"] for q in gallery}:
        example = ""
    return render_template("query.html", gallery=gallery, prefixes=prefixes, example=example)


def find_stored(name: str):
    for q in stored_queries():
        if q.name == name:
            return q
    abort(404, description=f"no stored query '{name}'; the list is on /queries.")


@bp.get("/queries")
def query_list():
    return render_template("queries.html", queries=stored_queries())


@bp.get("/queries/<name>.rq")
def stored_query(name: str):
    return Response(find_stored(name).text, mimetype="application/sparql-query")


@bp.get("/queries/<name>")
def stored_query_page(name: str):
    """A stored question with its answer as a table, rendered on the server (no JavaScript needed)."""
    q = find_stored(name)
    columns, rows = gd.results(q.text)
    names = gd.labels({t.value for row in rows for t in row if t is not None and t.is_iri})
    return render_template("stored_query.html", q=q, columns=columns, rows=rows, names=names)


@bp.get("/search")
def search_page():
    """Entities by label and alias, then evidence quotes: a page, or JSON for ``Accept: application/json``."""
    from kg.search import DEFAULT_LIMIT, SearchError, search

    wants_json = best(request.accept_mimetypes, ("text/html", "application/json"), "text/html") == "application/json"
    text = request.args.get("q", "")
    try:
        hits = search(current_app.extensions["kg_out"] / "search.sqlite", text, limit=DEFAULT_LIMIT)
        problem = None
    except SearchError as err:
        if wants_json:
            abort(400, description=str(err))
        hits, problem = [], str(err)
    if wants_json:
        body = json.dumps([h.as_json() for h in hits], ensure_ascii=False)
        return _vary(current_app.response_class(body, mimetype="application/json"))
    shown = [
        {
            **h.as_json(),
            "cls": h.cls,
            "snippet_html": h.as_json()["snippet"],
            "article_id": gd.local_name(h.article) if h.article else None,
            "anchor": gd.local_name(h.iri),
        }
        for h in hits
    ]
    status = 400 if problem and text.strip() else 200  # an empty box is a page that says so, not an error
    html = render_template(
        "search.html", hits=shown, text=text[:500], problem=problem, limit=DEFAULT_LIMIT, search_text=text[:500]
    )
    return _vary(Response(html, status=status))


def explainer():
    """The build's graphs indexed for explanations, made on first use in each worker."""
    from kg.explain import Explainer

    if "kg_explainer" not in current_app.extensions:
        current_app.extensions["kg_explainer"] = Explainer(current_app.extensions["kg_out"])
    return current_app.extensions["kg_explainer"]


#: The longest term /why reads: IRIs and literals of the build are far shorter; the message never echoes more.
WHY_TERM_LIMIT = 2000


@bp.get("/why")
def why():
    """The proof of a triple of the build (``?s=&p=&o=`` as N-Triples terms), as a tree ending in quotes."""
    from kg.errors import KgError
    from kg.explain import NotInBuild, parse_term

    terms = [request.args.get(k, "") for k in ("s", "p", "o")]
    if any(len(t) > WHY_TERM_LIMIT for t in terms):
        abort(400, description=f"a term of /why is longer than {WHY_TERM_LIMIT} characters.")
    try:
        triple = tuple(parse_term(t) for t in terms)
    except KgError as err:
        abort(400, description=str(err))
    e = explainer()
    try:
        found = e.explain(triple)
    except NotInBuild as err:
        abort(404, description=err.message)
    if best(request.accept_mimetypes, ("text/html", "application/json"), "text/html") == "application/json":
        body = json.dumps({**found.as_json(), "replayed": e.replayed}, ensure_ascii=False)
        return _vary(current_app.response_class(body, mimetype="application/json"))
    return _vary(Response(render_template("why.html", e=found, x=e)))


# --- linked data ---------------------------------------------------------------------------


def _rdf_description(iri: str, media: str) -> Response:
    """The triples in and out of ``iri`` (stated and inferred), sorted, Turtle with the project's prefixes."""
    iri = gd.checked_iri(iri)
    answer = gd.construct(
        f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ "
        f"VALUES ?g {{ <{gd.ASSERTED}> <{gd.INFERRED}> <{gd.ONTOLOGY}> }} "
        f"{{ GRAPH ?g {{ <{iri}> ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?q <{iri}> }} }} }}",
        "application/n-triples",
    )
    triples = sorted(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES), key=str)
    if not triples:
        abort(404, description=f"the graph says nothing about <{iri}>.")
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if media == "text/turtle" else None
    body = ox.serialize(triples, format=RDF_FORMATS[media], prefixes=prefixes)
    return _vary(Response(body, mimetype=media))


def resource(path: str):
    iri = gd.iri_for_path(path)
    try:
        gd.checked_iri(iri)
    except gd.BadIri:
        abort(400, description="that path is not an IRI this server can look up.")
    media = negotiate()
    if media in RDF_TYPES:
        return _rdf_description(iri, media)
    description = gd.describe(iri)
    if not description.exists:
        abort(404, description=f"the graph says nothing about <{iri}>.")
    return _vary(Response(render_template("entity.html", d=description)))


@bp.get("/id/<path:name>")
def entity(name: str):
    return resource("id/" + name)


@bp.get("/evidence/<path:name>")
def evidence(name: str):
    return resource("evidence/" + name)


@bp.get("/claim/<path:name>")
def claim(name: str):
    return resource("claim/" + name)


@bp.get("/article/<name>")
def article_resource(name: str):
    """The article's IRI: RDF for RDF clients, the reader for browsers."""
    if negotiate() in RDF_TYPES:
        return resource("article/" + name)
    return redirect(url_for("pages.article_reader", name=name), code=303)


@bp.get("/ontology")
def ontology():
    media = negotiate()
    if media in RDF_TYPES:
        answer = gd.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{gd.ONTOLOGY}> {{ ?s ?p ?o }} }}", media)
        return _vary(Response(answer.body, mimetype=answer.media_type))
    terms = gd.ontology_terms()
    return _vary(
        Response(
            render_template(
                "ontology.html", classes=terms["class"], properties=terms["property"], individuals=terms["individual"]
            )
        )
    )


@bp.get("/graph/<name>")
def named_graph(name: str):
    """A named graph of the build: its N-Triples file (also valid Turtle), or a page about it."""
    if name not in GRAPH_FILES:
        abort(404, description=f"no graph '{name}': the graphs are {', '.join(sorted(GRAPH_FILES))}.")
    media = negotiate()
    path = current_app.extensions["kg_out"] / f"{name}.nt"
    if media == "application/ld+json":
        abort(406, description="named graphs are served as N-Triples or Turtle; ask for text/turtle.")
    if media in RDF_TYPES:
        return _vary(send_file(path, mimetype=media, download_name=f"{name}.nt", max_age=60))
    size = current_app.extensions["kg_manifest"]["triples"].get(name, 0)
    return _vary(Response(render_template("graph.html", name=name, iri=gd.BASE + "graph/" + name, size=size)))


# --- articles ------------------------------------------------------------------------------


@bp.get("/articles")
def article_list():
    return render_template("articles.html", articles=gd.articles())


def highlight(text: str, quotes: list[tuple[str, str]]) -> tuple[list[tuple[str, list[str]]], list[str], float]:
    """Cut ``text`` into segments, each with the ids of the quotes that cover it.

    Quotes are found the way the build checks them (typographic quotes and runs of
    white space normalised). Returns the segments, the ids of quotes not found,
    and the share of the text's non-space characters that quotes cover.
    """
    norm, where = [], []
    space = True
    for i, ch in enumerate(text):
        t = normalise(ch)
        if not t:
            if not space:
                norm.append(" ")
                where.append(i)
            space = True
            continue
        norm.append(t)
        where.append(i)
        space = False
    flat = "".join(norm)
    marks, missing = [], []
    for qid, quote in quotes:
        q = normalise(quote)
        pos = flat.find(q) if q else -1
        if pos < 0:
            missing.append(qid)
            continue
        marks.append((where[pos], where[pos + len(q) - 1] + 1, qid))
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    segments = []
    covered = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        ids = [qid for s, e, qid in marks if s <= a and b <= e]
        if ids:
            covered += sum(1 for ch in text[a:b] if not ch.isspace())
        segments.append((text[a:b], ids))
    total = sum(1 for ch in text if not ch.isspace()) or 1
    return segments, missing, covered / total


@bp.get("/articles/<name>")
def article_reader(name: str):
    known = {a["id"]: a for a in gd.articles()}
    if name not in known:
        abort(404, description=f"no article '{name}'; the list is on /articles.")
    article = known[name]
    evidence, names = gd.article_evidence(article["iri"])
    path = current_app.extensions["kg_project"].articles_dir / Path(article["file"]).name
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    segments, missing, coverage = highlight(text, [(e["id"], e["quote"]) for e in evidence])
    return render_template(
        "article.html",
        article=article,
        evidence=evidence,
        names=names,
        segments=segments,
        missing=missing,
        coverage=coverage,
        has_text=bool(text),
    )


# --- timeline, graph view, validation --------------------------------------------------------


@bp.get("/timeline")
def timeline():
    items, _ = gd.timeline()
    kinds = request.args.getlist("kind") or ["event", "agreement"]
    shown = [i for i in items if i["kind"] in kinds]
    dated = [i for i in shown if i["when"]]
    undated = [i for i in shown if not i["when"]]
    years: dict[str, list] = {}
    for i in dated:
        years.setdefault(i["year"], []).append(i)
    return render_template("timeline.html", years=years, undated=undated, kinds=kinds, total=len(shown))


@bp.get("/explore")
def explore():
    iri = request.args.get("iri", gd.BASE + "id/Italy")
    try:
        gd.checked_iri(iri)
    except gd.BadIri:
        abort(400, description="the 'iri' parameter is not an IRI.")
    names = gd.labels([iri])
    return render_template("explore.html", iri=iri, label=names.get(iri, gd.local_name(iri)))


@bp.get("/api/neighbourhood")
def neighbourhood():
    iri = request.args.get("iri", "")
    try:
        data = gd.neighbourhood(iri)
    except gd.BadIri:
        abort(400, description="the 'iri' parameter must be an absolute IRI, such as https://w3id.org/ijkg/id/Italy.")
    return current_app.response_class(json.dumps(data, ensure_ascii=False), mimetype="application/json")


def validation_results(path: Path) -> list[dict]:
    g = Graph()
    g.parse(path, format="turtle")
    rows = g.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?severity ?message ?path ?value ?component WHERE {
          ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultSeverity ?severity .
          OPTIONAL { ?r sh:resultMessage ?message } OPTIONAL { ?r sh:resultPath ?path }
          OPTIONAL { ?r sh:value ?value } OPTIONAL { ?r sh:sourceConstraintComponent ?component } }"""
    )
    results = []
    for focus, severity, message, rpath, value, component in rows:
        results.append(
            {
                "focus": str(focus),
                "severity": gd.local_name(str(severity)),
                "message": str(message or ""),
                "path": str(rpath) if rpath is not None else None,
                "value": str(value) if value is not None else None,
                "component": gd.local_name(str(component)) if component is not None else None,
            }
        )
    results.sort(key=lambda r: (r["severity"] != "Violation", r["focus"], r["path"] or "", r["message"]))
    return results


@bp.get("/validation")
def validation():
    path = current_app.extensions["kg_out"] / "validation.ttl"
    media = negotiate()
    if media in RDF_TYPES and media != "application/ld+json":
        return _vary(send_file(path, mimetype="text/turtle", download_name="validation.ttl", max_age=60))
    if media == "application/ld+json":
        abort(406, description="the validation report is served as Turtle; ask for text/turtle.")
    results = validation_results(path)
    names = gd.labels({r["focus"] for r in results if r["focus"].startswith("http")})
    return _vary(Response(render_template("validation.html", results=results, names=names)))


@bp.errorhandler(QueryRefused)
def refused(err: QueryRefused):
    return render_template("error.html", status=err.status, message=err.message), err.status
