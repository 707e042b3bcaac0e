"""Namespace constants, named-graph IRIs and the prefixes every output declares."""

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

KG = Namespace("https://w3id.org/ijkg/ontology#")
ENT = Namespace("https://w3id.org/ijkg/id/")
ART = Namespace("https://w3id.org/ijkg/article/")
EVD = Namespace("https://w3id.org/ijkg/evidence/")
CLAIM = Namespace("https://w3id.org/ijkg/claim/")
GRAPH = Namespace("https://w3id.org/ijkg/graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_IRI = "https://w3id.org/ijkg/ontology"

#: Named graphs that the build writes and the endpoint serves.
GRAPH_ASSERTED = GRAPH.asserted
GRAPH_INFERRED = GRAPH.inferred
GRAPH_ONTOLOGY = GRAPH.ontology
GRAPH_SHAPES = GRAPH.shapes

#: The named graphs by name, as IRI strings: the one table every module reads them from.
GRAPHS = {
    "asserted": str(GRAPH_ASSERTED),
    "inferred": str(GRAPH_INFERRED),
    "ontology": str(GRAPH_ONTOLOGY),
    "shapes": str(GRAPH_SHAPES),
}

#: The graphs whose union is the default graph of a query (the shapes are a named graph only).
DEFAULT_GRAPHS = ("asserted", "inferred", "ontology")


def nt(iri) -> str:
    """The N-Triples term string of an IRI: ``<iri>``."""
    return f"<{iri}>"


#: The terms loading, evidence checks and the build look up, as N-Triples term strings.
T_TYPE, T_SUBJECT, T_PREDICATE, T_OBJECT = (nt(t) for t in (RDF.type, RDF.subject, RDF.predicate, RDF.object))
T_SUPPORTS, T_ARTICLE, T_QUOTE, T_FILE_NAME = (nt(t) for t in (KG.supports, KG.article, KG.quote, KG.fileName))
T_EVIDENCE, T_CLAIM = nt(KG.Evidence), nt(KG.Claim)
T_MENTIONS, T_MENTIONED_IN = nt(KG.mentions), nt(KG.mentionedIn)

PREFIXES = {
    "kg": KG,
    "ent": ENT,
    "art": ART,
    "evd": EVD,
    "claim": CLAIM,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "sh": SH,
    "schema": SCHEMA,
    "org": ORG,
    "foaf": FOAF,
    "wd": WD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, for queries typed without them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
