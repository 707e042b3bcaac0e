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
