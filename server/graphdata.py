"""What the pages show, read from the graph through the endpoint's own query engine.

Every function here asks SPARQL of the same evaluator that answers ``/sparql``, so
the pages see exactly what analysts' queries see, with the same time and size
limits. IRIs that reach a query come from :func:`checked_iri`, which refuses
anything that could end an IRI reference early.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import current_app

from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY, PREFIXES

BASE = "https://w3id.org/ijkg/"
ASSERTED, INFERRED, ONTOLOGY = str(GRAPH_ASSERTED), str(GRAPH_INFERRED), str(GRAPH_ONTOLOGY)
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
KG_NS = str(PREFIXES["kg"])
RDF_TYPE = RDF_NS + "type"
LABEL_PREDICATES = {SKOS_NS + "prefLabel", SKOS_NS + "altLabel", RDFS_NS + "label"}
#: Incoming links from the reified claims are shown as evidence, not as facts.
CLAIM_LINKS = {RDF_NS + "subject", RDF_NS + "object"}
MAX_INCOMING = 500
MAX_EDGES = 300

_LINKABLE = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)
_IRI_OK = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*$")


class BadIri(ValueError):
    """A string that is not an IRI the pages can put into a query."""


def checked_iri(text: str) -> str:
    """``text`` if it is an absolute IRI with no character that could break out of ``<...>``."""
    if not text or len(text) > 2000 or not _IRI_OK.match(text):
        raise BadIri(text)
    return text


@dataclass(frozen=True)
class Term:
    """An RDF term as the SPARQL JSON results give it."""

    kind: str  # "uri", "literal" or "bnode"
    value: str
    datatype: str | None = None
    lang: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"


def _term(binding: dict) -> Term:
    kind = "literal" if binding["type"] in ("literal", "typed-literal") else binding["type"]
    return Term(kind, binding["value"], binding.get("datatype"), binding.get("xml:lang"))


def select(query: str) -> list[dict[str, Term]]:
    """The rows of a SELECT query, each a dict of variable name to :class:`Term`."""
    engine = current_app.extensions["kg_engine"]
    answer = engine.answer(query, "application/sparql-results+json", [], [])
    data = json.loads(answer.body)
    return [{k: _term(v) for k, v in row.items()} for row in data["results"]["bindings"]]


def results(query: str) -> tuple[list[str], list[list[Term | None]]]:
    """The columns and rows of a query: a SELECT's variables; an ASK's one column, ``answer``, with yes
    or no; a CONSTRUCT's or DESCRIBE's triples as subject, predicate, object."""
    engine = current_app.extensions["kg_engine"]
    answer = engine.answer(query, "application/sparql-results+json, application/n-triples;q=0.9", [], [])
    if answer.media_type == "application/n-triples":
        rows = []
        for t in ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES):
            rows.append([_ox_term(t.subject), _ox_term(t.predicate), _ox_term(t.object)])
        rows.sort(key=lambda r: [(t.kind, t.value) for t in r])
        return ["subject", "predicate", "object"], rows
    data = json.loads(answer.body)
    if "boolean" in data:
        return ["answer"], [[Term("literal", "yes" if data["boolean"] else "no")]]
    columns = data["head"]["vars"]
    return columns, [[_term(b[c]) if c in b else None for c in columns] for b in data["results"]["bindings"]]


def _ox_term(term) -> Term:
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    datatype = term.datatype.value
    if term.language or datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Term("literal", term.value, datatype, term.language)


def construct(query: str, accept: str):
    """The answer of a CONSTRUCT query in the media type ``accept`` prefers."""
    return current_app.extensions["kg_engine"].answer(query, accept, [], [])


# --- names of things -----------------------------------------------------------------------


def href(iri: str) -> str | None:
    """Where a browser finds ``iri``: the graph's own IRIs on this server, other http(s) IRIs as they are.

    None for any other IRI (``javascript:``, ``data:``, ``urn:`` …): pages make no link of it.
    """
    if iri.startswith(BASE):
        return "/" + iri[len(BASE) :]
    if _LINKABLE.match(iri):
        return iri
    return None


def nt(term) -> str:
    """A :class:`Term` (or an IRI string) as its N-Triples term string, as ``kg explain`` reads it."""
    if isinstance(term, str):
        return f"<{term}>"
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    lit = (
        ox.Literal(term.value, language=term.lang)
        if term.lang
        else ox.Literal(term.value, datatype=ox.NamedNode(term.datatype or "http://www.w3.org/2001/XMLSchema#string"))
    )
    return str(lit)


def iri_for_path(path: str) -> str:
    """The IRI that a local path names (the inverse of :func:`href`)."""
    return BASE + path.lstrip("/")


def short(iri: str) -> str:
    """``iri`` as a prefixed name where a project prefix fits."""
    best = None
    for prefix, ns in PREFIXES.items():
        ns = str(ns)
        if iri.startswith(ns) and (best is None or len(ns) > len(str(PREFIXES[best]))):
            rest = iri[len(ns) :]
            if rest and re.fullmatch(r"[A-Za-z0-9_.\-]+", rest):
                best = prefix
    if best is None:
        return iri
    return f"{best}:{iri[len(str(PREFIXES[best])) :]}"


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def labels(iris) -> dict[str, str]:
    """Preferred labels of ``iris`` (skos:prefLabel, else rdfs:label), English first."""
    iris = sorted({i for i in iris if i})
    found: dict[str, str] = {}
    for start in range(0, len(iris), 200):
        values = " ".join(f"<{checked_iri(i)}>" for i in iris[start : start + 200])
        rows = select(
            "SELECT ?x ?pref ?label ?title WHERE { VALUES ?x { " + values + " } "
            "OPTIONAL { ?x skos:prefLabel ?pref FILTER(langMatches(lang(?pref), 'en') || lang(?pref) = '') } "
            "OPTIONAL { ?x rdfs:label ?label FILTER(langMatches(lang(?label), 'en') || lang(?label) = '') } "
            "OPTIONAL { ?x dcterms:title ?title } }"
        )
        for row in rows:
            x = row["x"].value
            text = (row.get("pref") or row.get("label") or row.get("title") or Term("literal", "")).value
            if text and (x not in found or (row.get("pref") and text < found[x])):
                found[x] = text
    return found


# --- the pages' data -------------------------------------------------------------------------


@dataclass
class Evidence:
    iri: str
    article: str
    quote: str

    @property
    def article_id(self) -> str:
        return local_name(self.article)

    @property
    def anchor(self) -> str:
        return "q-" + local_name(self.iri)


@dataclass
class Fact:
    """One triple about an entity, the graph it is in, and the sentences that support it."""

    subject: Term
    predicate: str
    object: Term
    graph: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def inferred(self) -> bool:
        return self.graph == INFERRED


@dataclass
class Description:
    iri: str
    label: str
    alt_labels: list[str]
    types: list[tuple[str, bool]]  # (class IRI, inferred)
    outgoing: list[Fact]
    incoming: list[Fact]
    incoming_truncated: bool
    names: dict[str, str]

    @property
    def exists(self) -> bool:
        return bool(self.types or self.outgoing or self.incoming)


def _evidence_index(rows) -> dict[tuple, list[Evidence]]:
    index: dict[tuple, list[Evidence]] = defaultdict(list)
    for row in rows:
        key = (row["s"], row["p"].value, row["o"])
        ev = Evidence(row["evd"].value, row["article"].value, row["quote"].value)
        if ev not in index[key]:
            index[key].append(ev)
    for key in index:
        index[key].sort(key=lambda e: e.iri)
    return index


def describe(iri: str) -> Description:
    """Everything the graph says about ``iri``: labels, types, facts out and in, with their evidence."""
    iri = checked_iri(iri)
    graphs = f"VALUES ?g {{ <{ASSERTED}> <{INFERRED}> <{ONTOLOGY}> }}"
    out_rows = select(f"SELECT ?p ?o ?g WHERE {{ {graphs} GRAPH ?g {{ <{iri}> ?p ?o }} }}")
    in_rows = select(
        f"SELECT ?s ?p ?g WHERE {{ {graphs} GRAPH ?g {{ ?s ?p <{iri}> }} "
        f"FILTER(?p NOT IN (rdf:subject, rdf:object)) }} ORDER BY ?s ?p LIMIT {MAX_INCOMING + 1}"
    )
    ev_rows = select(
        f"SELECT DISTINCT ?s ?p ?o ?evd ?quote ?article WHERE {{ "
        f"{{ ?c rdf:subject <{iri}> }} UNION {{ ?c rdf:object <{iri}> }} "
        f"?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
        f"?evd kg:supports ?c ; kg:quote ?quote ; kg:article ?article . }}"
    )
    evidence = _evidence_index(ev_rows)
    me = Term("uri", iri)
    seen_out: dict[tuple, Fact] = {}
    alt_labels, types, pref = [], [], None
    for row in out_rows:
        p, o, g = row["p"].value, row["o"], row["g"].value
        if p == RDF_TYPE:
            if (o.value, g == INFERRED) not in types:
                types.append((o.value, g == INFERRED))
            continue
        if p == SKOS_NS + "altLabel":
            alt_labels.append(o.value)
            continue
        if p == SKOS_NS + "prefLabel":
            pref = pref or o.value
            continue
        if p in LABEL_PREDICATES and g == INFERRED:
            continue  # rdfs:label inferred from the SKOS labels above
        key = (p, o)
        if key in seen_out and seen_out[key].graph == ASSERTED:
            continue
        seen_out[key] = Fact(me, p, o, g, evidence.get((me, p, o), []))
    incoming = []
    seen_in = set()
    for row in in_rows[:MAX_INCOMING]:
        s, p, g = row["s"], row["p"].value, row["g"].value
        if (s, p) in seen_in:
            continue
        seen_in.add((s, p))
        incoming.append(Fact(s, p, me, g, evidence.get((s, p, me), [])))
    iris = {iri, *(t for t, _ in types)}
    for f in [*seen_out.values(), *incoming]:
        iris.add(f.predicate)
        for t in (f.subject, f.object):
            if t.is_iri:
                iris.add(t.value)
    names = labels(iris)
    label = pref or names.get(iri) or local_name(iri)
    # Most specific first is what a reader wants; asserted before inferred is the next best thing.
    types.sort(key=lambda t: (t[1], names.get(t[0], t[0])))
    outgoing = sorted(
        seen_out.values(), key=lambda f: (names.get(f.predicate, f.predicate), _sort_key(f.object, names))
    )
    incoming.sort(key=lambda f: (names.get(f.predicate, f.predicate), _sort_key(f.subject, names)))
    return Description(
        iri=iri,
        label=label,
        alt_labels=sorted(set(alt_labels)),
        types=types,
        outgoing=outgoing,
        incoming=incoming,
        incoming_truncated=len(in_rows) > MAX_INCOMING,
        names=names,
    )


def _sort_key(term: Term, names: dict[str, str]) -> str:
    return names.get(term.value, term.value) if term.is_iri else term.value


def articles() -> list[dict]:
    """The articles with their titles, publishers and dates, newest first; undated last."""
    rows = select(
        "SELECT ?a ?title ?publisher ?date ?file (COUNT(DISTINCT ?e) AS ?quotes) (COUNT(DISTINCT ?c) AS ?claims) "
        "WHERE { ?a a kg:Article . OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a kg:publisher ?publisher } "
        "OPTIONAL { ?a kg:publicationDate ?date } OPTIONAL { ?a kg:fileName ?file } "
        "OPTIONAL { ?e kg:article ?a . OPTIONAL { ?e kg:supports ?c } } } "
        "GROUP BY ?a ?title ?publisher ?date ?file"
    )
    out = []
    for r in rows:
        out.append(
            {
                "iri": r["a"].value,
                "id": local_name(r["a"].value),
                "title": r["title"].value if "title" in r else local_name(r["a"].value),
                "publisher": r["publisher"].value if "publisher" in r else None,
                "date": r["date"].value if "date" in r else None,
                "file": r["file"].value if "file" in r else local_name(r["a"].value) + ".txt",
                "quotes": int(r["quotes"].value),
                "claims": int(r["claims"].value),
            }
        )
    out.sort(key=lambda a: (a["date"] is None, "" if a["date"] is None else _neg(a["date"]), a["id"]))
    return out


def _neg(date: str) -> str:
    # newest first: sort on the complement of each digit
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def article_evidence(article_iri: str) -> list[dict]:
    """The evidence quoted from one article, each with the facts it supports."""
    a = checked_iri(article_iri)
    rows = select(
        f"SELECT ?evd ?quote ?s ?p ?o WHERE {{ ?evd kg:article <{a}> ; kg:quote ?quote . "
        f"OPTIONAL {{ ?evd kg:supports ?c . ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}"
    )
    by_evd: dict[str, dict] = {}
    iris = set()
    for r in rows:
        e = by_evd.setdefault(
            r["evd"].value,
            {"iri": r["evd"].value, "quote": r["quote"].value, "facts": [], "id": local_name(r["evd"].value)},
        )
        if "s" in r:
            fact = (r["s"], r["p"].value, r["o"])
            if fact not in e["facts"]:
                e["facts"].append(fact)
            iris.update(t.value for t in (r["s"], r["o"]) if t.is_iri)
            iris.add(r["p"].value)
    names = labels(iris)
    for e in by_evd.values():
        e["facts"].sort(key=lambda f: (_sort_key(f[0], names), names.get(f[1], f[1]), _sort_key(f[2], names)))
    return sorted(by_evd.values(), key=lambda e: _natural(e["id"])), names


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


EVENT_STATUS = {KG_NS + "Happened": "happened", KG_NS + "Planned": "planned", KG_NS + "Cancelled": "cancelled"}
#: When articles give an item several statuses (planned in one, held in a later one), the
#: furthest along is shown, after the others: an outcome supersedes a plan.
STATUS_ORDER = [
    KG_NS + s for s in ("Proposed", "Planned", "Agreed", "Signed", "InForce", "Happened", "Cancelled", "Ended")
]


def timeline() -> tuple[list[dict], dict[str, str]]:
    """Events and agreements with their dates, kinds and statuses, in date order."""
    rows = select(
        "SELECT ?e ?kind ?status ?date ?start ?end ?signed ?inforce ?type WHERE { "
        "{ ?e a kg:Event . BIND('event' AS ?kind) OPTIONAL { ?e kg:status ?status } } UNION "
        "{ ?e a kg:Agreement . BIND('agreement' AS ?kind) OPTIONAL { ?e kg:agreementStatus ?status } } "
        "OPTIONAL { ?e kg:date ?date } OPTIONAL { ?e kg:startDate ?start } OPTIONAL { ?e kg:endDate ?end } "
        "OPTIONAL { ?e kg:signedDate ?signed } OPTIONAL { ?e kg:inForceDate ?inforce } "
        "OPTIONAL { GRAPH <" + ASSERTED + "> { ?e a ?type } } }"
    )
    items: dict[str, dict] = {}
    for r in rows:
        e = r["e"].value
        item = items.setdefault(
            e,
            {
                "iri": e,
                "kind": r["kind"].value,
                "statuses": set(),
                "when": None,
                "end": None,
                "types": set(),
            },
        )
        if "type" in r:
            item["types"].add(r["type"].value)
        if "status" in r:
            item["statuses"].add(r["status"].value)
        when = next((r[k].value for k in ("date", "start", "signed", "inforce") if k in r), None)
        if when and (item["when"] is None or when < item["when"]):
            item["when"] = when
        if "end" in r:
            item["end"] = r["end"].value
    names = labels({*items, *(t for i in items.values() for t in i["types"] | i["statuses"])})
    for item in items.values():
        order = sorted(item["statuses"], key=lambda s: (STATUS_ORDER.index(s) if s in STATUS_ORDER else -1, s))
        item["status"] = order[-1] if order else None
        item["label"] = names.get(item["iri"], local_name(item["iri"]))
        item["type_labels"] = sorted(names.get(t, local_name(t)) for t in item["types"])
        item["status_key"] = (
            EVENT_STATUS.get(item["status"], local_name(item["status"]).lower()) if item["status"] else "unknown"
        )
        item["status_label"] = " → ".join(names.get(s, local_name(s)) for s in order) if order else "status unknown"
        item["year"] = item["when"][:4] if item["when"] else None
    ordered = sorted(items.values(), key=lambda i: (i["when"] is None, i["when"] or "", i["label"]))
    return ordered, names


def neighbourhood(iri: str) -> dict:
    """The entities one step from ``iri``, for the graph view.

    Only links between the graph's own entities (``/id/``) are drawn: literals, types,
    provenance (claims, evidence, articles) and outside IRIs are left to the entity page.
    """
    iri = checked_iri(iri)
    graphs = f"VALUES ?g {{ <{ASSERTED}> <{INFERRED}> }}"
    rows = select(
        f"SELECT ?s ?p ?o ?g WHERE {{ {graphs} "
        f"{{ GRAPH ?g {{ <{iri}> ?p ?o }} BIND(<{iri}> AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p <{iri}> }} BIND(<{iri}> AS ?o) }} "
        f"FILTER(STRSTARTS(STR(?s), '{BASE}id/') && STRSTARTS(STR(?o), '{BASE}id/')) "
        f"FILTER(?p NOT IN (rdf:type, rdf:subject, rdf:object, kg:supportedBy, kg:supports, kg:mentions, kg:mentionedIn)) "
        f"}} ORDER BY ?p ?s ?o LIMIT {MAX_EDGES}"
    )
    edges, nodes = {}, {iri}
    for r in rows:
        s, p, o, g = r["s"].value, r["p"].value, r["o"].value, r["g"].value
        key = (s, p, o)
        if key in edges and not edges[key]["inferred"]:
            continue
        edges[key] = {"from": s, "to": o, "predicate": p, "inferred": g == INFERRED}
        nodes.update((s, o))
    kinds = {}
    if nodes:
        values = " ".join(f"<{n}>" for n in sorted(nodes))
        for r in select(
            f"SELECT ?x ?t WHERE {{ VALUES ?x {{ {values} }} GRAPH <{ASSERTED}> {{ ?x a ?t }} }} ORDER BY ?t"
        ):
            kinds.setdefault(r["x"].value, r["t"].value)
    names = labels(nodes | {e["predicate"] for e in edges.values()} | set(kinds.values()))
    return {
        "center": iri,
        "nodes": [
            {
                "id": n,
                "label": names.get(n, local_name(n)),
                "href": href(n),
                "type": names.get(kinds[n], local_name(kinds[n])) if n in kinds else None,
            }
            for n in sorted(nodes)
        ],
        "edges": [
            {**e, "label": names.get(e["predicate"], local_name(e["predicate"]))}
            for e in sorted(edges.values(), key=lambda e: (e["predicate"], e["from"], e["to"]))
        ],
        "truncated": len(rows) >= MAX_EDGES,
    }


def ontology_terms() -> dict[str, list[dict]]:
    """The ontology's classes, properties and named individuals (such as kg:Planned), with labels,
    comments and parents."""
    rows = select(
        f"SELECT ?t ?kind ?label ?comment ?parent WHERE {{ GRAPH <{ONTOLOGY}> {{ "
        f"{{ ?t a owl:Class BIND('class' AS ?kind) }} UNION {{ ?t a owl:ObjectProperty BIND('property' AS ?kind) }} "
        f"UNION {{ ?t a owl:DatatypeProperty BIND('property' AS ?kind) }} "
        f"UNION {{ ?t a owl:AnnotationProperty BIND('property' AS ?kind) }} "
        f"UNION {{ ?t a ?c . ?c a owl:Class BIND('individual' AS ?kind) }} "
        f"FILTER(STRSTARTS(STR(?t), '{KG_NS}')) "
        f"OPTIONAL {{ ?t rdfs:label ?label }} OPTIONAL {{ ?t rdfs:comment ?comment }} "
        f"OPTIONAL {{ {{ ?t rdfs:subClassOf ?parent }} UNION {{ ?t rdfs:subPropertyOf ?parent }} FILTER(isIRI(?parent)) }} }} }}"
    )
    terms: dict[str, dict] = {}
    for r in rows:
        t = terms.setdefault(
            r["t"].value,
            {"iri": r["t"].value, "name": local_name(r["t"].value), "kind": r["kind"].value, "parents": set()},
        )
        t["label"] = r["label"].value if "label" in r else t.get("label", t["name"])
        t["comment"] = r["comment"].value if "comment" in r else t.get("comment", "")
        if "parent" in r:
            t["parents"].add(r["parent"].value)
    for t in terms.values():
        t["parents"] = sorted(t["parents"])
    ordered = sorted(terms.values(), key=lambda t: t["name"].lower())
    return {kind: [t for t in ordered if t["kind"] == kind] for kind in ("class", "property", "individual")}
