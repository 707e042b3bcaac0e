"""Export profiles: the built graph rewritten for tools that cannot read its claims as they are.

The build records each claim as an RDF 1.1 reified statement (a ``kg:Claim`` with
``rdf:subject``, ``rdf:predicate`` and ``rdf:object``) that a ``kg:Evidence`` quote
``kg:supports``. Two profiles say the same thing in the form other tools read:

- ``owl``: each claim becomes an OWL 2 axiom annotation (``owl:Axiom`` with
  ``owl:annotatedSource``, ``owl:annotatedProperty`` and ``owl:annotatedTarget``)
  carrying the quote, the article and the evidence as annotation properties, and every
  property, class and datatype used is declared, so that the OWL API (and Protégé on it)
  leaves no triple unparsed and guesses no declaration.
- ``rdf12``: each claim becomes an RDF 1.2 reifier (``claim rdf:reifies <<( s p o )>>``)
  carrying its qualifiers, its evidence, and the evidence's quote and article.

Both work on the build's N-Triples texts and return N-Triples texts (graph name ->
text), so :mod:`kg.export` serialises them like the plain graph. This module does not
load, validate or reason, and does not change the facts: the asserted statements stay.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from kg.errors import UsageError

#: Export profiles: plain (the graph as built, RDF 1.1), owl and rdf12.
PROFILES = ("plain", "owl", "rdf12")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
KG = "https://w3id.org/ijkg/ontology#"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE, SUBJECT, PREDICATE, OBJECT = (_n(RDF + x) for x in ("type", "subject", "predicate", "object"))
REIFIES = _n(RDF + "reifies")
SUPPORTS, SUPPORTED_BY, QUOTE, ARTICLE = (_n(KG + x) for x in ("supports", "supportedBy", "quote", "article"))
CLAIM_CLASS = _n(KG + "Claim")
AXIOM = _n(OWL + "Axiom")
SOURCE, PROPERTY, TARGET = (_n(OWL + x) for x in ("annotatedSource", "annotatedProperty", "annotatedTarget"))
ANNOTATION_PROPERTY, OBJECT_PROPERTY, DATATYPE_PROPERTY = (
    _n(OWL + x) for x in ("AnnotationProperty", "ObjectProperty", "DatatypeProperty")
)
OWL_CLASS, DATATYPE = _n(OWL + "Class"), _n(RDFS + "Datatype")
SUBPROPERTY_OF, SUBCLASS_OF = _n(RDFS + "subPropertyOf"), _n(RDFS + "subClassOf")
DOMAIN, RANGE = _n(RDFS + "domain"), _n(RDFS + "range")

#: Property characteristics and links that OWL 2 DL allows on object or data properties only.
_NOT_FOR_ANNOTATIONS = {
    _n(OWL + x)
    for x in (
        "ObjectProperty",
        "DatatypeProperty",
        "FunctionalProperty",
        "InverseFunctionalProperty",
        "TransitiveProperty",
        "SymmetricProperty",
        "AsymmetricProperty",
        "ReflexiveProperty",
        "IrreflexiveProperty",
    )
}
_PROPERTY_LINKS = {_n(OWL + x) for x in ("inverseOf", "equivalentProperty", "propertyDisjointWith")}

#: Properties OWL 2 defines itself, or RDF and RDFS terms the OWL API maps to OWL constructs.
_BUILTIN_PREFIXES = (RDF, OWL)
_BUILTIN_PROPERTIES = {RDFS + x for x in ("subClassOf", "subPropertyOf", "domain", "range")}
#: The RDFS annotation properties OWL 2 predeclares.
_BUILTIN_ANNOTATIONS = {RDFS + x for x in ("label", "comment", "seeAlso", "isDefinedBy")}
#: Datatypes of the OWL 2 datatype map: these need no declaration.
_OWL_DATATYPES = {
    RDF + "PlainLiteral",
    RDF + "XMLLiteral",
    RDF + "langString",
    RDFS + "Literal",
    OWL + "real",
    OWL + "rational",
} | {
    XSD + x
    for x in (
        "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short "
        "byte unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token "
        "language Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp"
    ).split()
}
#: Classes that are not IRIs of the graph: rdf:type objects the OWL API reads as built-in.
_BUILTIN_CLASSES = {OWL + x for x in ("Thing", "Nothing")}


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise UsageError(f"unknown export profile '{profile}'.", "Use one of: " + ", ".join(PROFILES) + ".")
    return profile


def parse_nt(text: str) -> list[ox.Triple]:
    return list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))


def ntriples_text(triples) -> str:
    """Sorted N-Triples of ``triples``, each once (the form the build writes)."""
    lines = {str(t) + " .\n" for t in triples}
    return "".join(sorted(lines))


class Claims:
    """The claims of the asserted graph: their statements and the evidence that supports each."""

    def __init__(self, asserted: list[ox.Triple]):
        parts: dict = defaultdict(dict)
        self.evidence: dict = defaultdict(list)  # claim -> evidence nodes, in sorted order
        self.quote: dict = {}
        self.article: dict = {}
        for t in asserted:
            if t.predicate in (SUBJECT, PREDICATE, OBJECT):
                parts[t.subject][t.predicate] = t.object
            elif t.predicate == SUPPORTS:
                self.evidence[t.object].append(t.subject)
            elif t.predicate == QUOTE:
                self.quote[t.subject] = t.object
            elif t.predicate == ARTICLE:
                self.article[t.subject] = t.object
        self.statement = {c: (p[SUBJECT], p[PREDICATE], p[OBJECT]) for c, p in parts.items() if len(p) == 3}
        for c in self.evidence:
            self.evidence[c].sort(key=str)

    def __contains__(self, node) -> bool:
        return node in self.statement

    def __len__(self) -> int:
        return len(self.statement)


# ---------------------------------------------------------------------------------------------- owl


def owl_profile(graphs: dict[str, str], asserted: str, ontology: str) -> dict[str, str]:
    """The ``graphs`` (name -> sorted N-Triples) with claims as OWL axiom annotations, OWL 2 DL-declared.

    ``asserted`` and ``ontology`` are the build's asserted and ontology texts, read for the
    claims and for the declarations of what the exported graphs use, whichever graphs
    those are. Each claim node becomes the ``owl:Axiom`` that annotates its statement with
    ``kg:supportedBy`` (the evidence), ``kg:quote`` and ``kg:article`` (the evidence's) and
    its qualifiers; ``rdf:subject``/``rdf:predicate``/``rdf:object``, the claim's types and
    ``kg:supports`` links to it are left out. Properties used on claims become annotation
    properties (OWL 2 DL allows no object or data property there), with the
    characteristics that only object and data properties can have removed.
    """
    claims = Claims(parse_nt(asserted))
    onto = parse_nt(ontology)
    parsed = {name: parse_nt(text) for name, text in graphs.items()}
    out: dict[str, list[ox.Triple]] = {}
    annotation = {QUOTE, ARTICLE, SUPPORTED_BY}
    for name, triples in parsed.items():
        kept = []
        for t in triples:
            if t.subject in claims:
                if t.predicate in (SUBJECT, PREDICATE, OBJECT, TYPE):
                    continue
                annotation.add(t.predicate)
            if t.object in claims:
                continue
            kept.append(t)
        if name == "asserted":
            for claim, (s, p, o) in claims.statement.items():
                kept += [
                    ox.Triple(claim, TYPE, AXIOM),
                    ox.Triple(claim, SOURCE, s),
                    ox.Triple(claim, PROPERTY, p),
                    ox.Triple(claim, TARGET, o),
                ]
                for evd in claims.evidence.get(claim, ()):
                    kept.append(ox.Triple(claim, SUPPORTED_BY, evd))
                    if evd in claims.quote:
                        kept.append(ox.Triple(claim, QUOTE, claims.quote[evd]))
                    if evd in claims.article:
                        kept.append(ox.Triple(claim, ARTICLE, claims.article[evd]))
        out[name] = kept
    _declare(out, onto, annotation)
    return {name: ntriples_text(triples) for name, triples in out.items()}


def _declare(out: dict[str, list[ox.Triple]], onto: list[ox.Triple], annotation: set) -> None:
    """Make ``out`` OWL 2 DL-declared in place: every property, class and datatype it uses gets its kind.

    The declarations go with the first graph (the ontology when it is exported); the
    kinds come from the ontology, else from use (a property with only literal values is
    a data property, with only IRI values an object property, else an annotation one).
    """
    every = [t for triples in out.values() for t in triples]
    declared: dict = {}
    for t in onto + every:
        if t.predicate == TYPE and t.object in (ANNOTATION_PROPERTY, OBJECT_PROPERTY, DATATYPE_PROPERTY):
            declared.setdefault(t.subject, set()).add(t.object)
    # A super-property of an annotation property must be one too; of an object or data property, of that kind.
    # A sub-property of one too, unless the ontology says it is an object or data property.
    annotation |= {_n(iri) for iri in _BUILTIN_ANNOTATIONS}
    annotation |= {p for p, kinds in declared.items() if kinds == {ANNOTATION_PROPERTY}}
    supers = [(t.subject, t.object) for t in onto + every if t.predicate == SUBPROPERTY_OF]

    def free(p) -> bool:
        return p not in annotation and not (declared.get(p, set()) - {ANNOTATION_PROPERTY})

    changed = True
    while changed:
        changed = False
        for sub, sup in supers:
            for a, b in ((sub, sup), (sup, sub)):
                if a in annotation and free(b):
                    annotation.add(b)
                    changed = True

    def kind(p) -> ox.NamedNode | None:
        if p in annotation or p.value in _BUILTIN_ANNOTATIONS:
            return ANNOTATION_PROPERTY
        return None

    # Drop what OWL 2 DL does not allow on an annotation property, and links between kinds.
    def allowed(t: ox.Triple) -> bool:
        if t.predicate == TYPE and t.subject in annotation and t.object in _NOT_FOR_ANNOTATIONS:
            return False
        if t.predicate in _PROPERTY_LINKS and (t.subject in annotation or t.object in annotation):
            return False
        if t.predicate == SUBPROPERTY_OF and ((t.subject in annotation) != (t.object in annotation)):
            return False
        # rdf: and rdfs: terms are reserved in OWL 2 DL: no class, property or individual may be one.
        if t.predicate in (TYPE, SUBCLASS_OF, DOMAIN, RANGE) and isinstance(t.object, ox.NamedNode):
            if t.object.value.startswith(RDF) or t.object.value in (RDFS + "Resource", RDFS + "Class"):
                return t.object.value in _OWL_DATATYPES
        return True

    for name in out:
        out[name] = [t for t in out[name] if allowed(t)]
    every = [t for triples in out.values() for t in triples]

    values: dict = defaultdict(set)
    classes, datatypes = set(), set()
    for t in every:
        p = t.predicate
        if not p.value.startswith(_BUILTIN_PREFIXES) and p.value not in _BUILTIN_PROPERTIES:
            values[p].add("literal" if isinstance(t.object, ox.Literal) else "node")
        if isinstance(t.object, ox.Literal):
            datatypes.add(t.object.datatype)
        if p == TYPE and isinstance(t.object, ox.NamedNode) and not t.object.value.startswith(_BUILTIN_PREFIXES):
            classes.add(t.object)
        if p == SUBCLASS_OF:
            for term in (t.subject, t.object):
                if isinstance(term, ox.NamedNode):
                    classes.add(term)
    # The range and domain of object properties are classes, the range of data properties a datatype.
    kinds: dict = {}
    for p, objects in values.items():
        if kind(p) is not None:
            kinds[p] = kind(p)
        elif p in declared:
            kinds[p] = sorted(declared[p], key=str)[0]
        elif objects == {"literal"}:
            kinds[p] = DATATYPE_PROPERTY
        elif objects == {"node"}:
            kinds[p] = OBJECT_PROPERTY
        else:
            kinds[p] = ANNOTATION_PROPERTY
    for sub, sup in supers:
        if sub in kinds and sup not in kinds and sup not in declared:
            kinds[sup] = kinds[sub]
    for t in every:
        if t.predicate in (DOMAIN, RANGE) and isinstance(t.object, ox.NamedNode):
            k = kinds.get(t.subject) or next(iter(declared.get(t.subject, ())), None)
            if k == OBJECT_PROPERTY or t.predicate == DOMAIN and k == DATATYPE_PROPERTY:
                classes.add(t.object)
            elif k == DATATYPE_PROPERTY:
                datatypes.add(t.object)
    have = {(t.subject, t.object) for t in every if t.predicate == TYPE}
    decl = [ox.Triple(p, TYPE, k) for p, k in kinds.items() if (p, k) not in have]
    decl += [
        ox.Triple(c, TYPE, OWL_CLASS) for c in classes if (c, OWL_CLASS) not in have and c.value not in _BUILTIN_CLASSES
    ]
    decl += [
        ox.Triple(d, TYPE, DATATYPE) for d in datatypes if d.value not in _OWL_DATATYPES and (d, DATATYPE) not in have
    ]
    first = "ontology" if "ontology" in out else next(iter(out))
    out[first] = out[first] + decl


# -------------------------------------------------------------------------------------------- rdf12

#: Export formats that write RDF 1.2 triple terms (pyoxigraph's Turtle, TriG, N-Triples and N-Quads).
RDF12_FORMATS = ("turtle", "trig", "ntriples", "nquads")

STATEMENT = _n(RDF + "Statement")


def rdf12_profile(graphs: dict[str, str], asserted: str) -> dict[str, str]:
    """The ``graphs`` (name -> sorted N-Triples) with each claim as an RDF 1.2 reifier of its triple term.

    A claim keeps its IRI, its ``kg:Claim`` type and its qualifiers, and says what it
    reifies with ``rdf:reifies <<( s p o )>>`` instead of ``rdf:subject``,
    ``rdf:predicate`` and ``rdf:object``. ``kg:supportedBy`` links it to each evidence
    (whose ``kg:quote`` and ``kg:article`` stay on the evidence node, shared by its
    claims), and the evidence's ``kg:supports`` links stay. An ``rdf:Statement`` type
    (from reasoning) is left out: in RDF 1.2 a reifier is not a reified statement.
    ``asserted`` is the build's asserted text, read for the claims.
    """
    claims = Claims(parse_nt(asserted))
    out = {}
    for name, text in graphs.items():
        kept = []
        for t in parse_nt(text):
            if t.subject in claims and (t.predicate in (SUBJECT, PREDICATE, OBJECT) or t.object == STATEMENT):
                continue
            kept.append(t)
        if name == "asserted":
            for claim, (s, p, o) in claims.statement.items():
                kept.append(ox.Triple(claim, REIFIES, ox.Triple(s, p, o)))
                kept += [ox.Triple(claim, SUPPORTED_BY, evd) for evd in claims.evidence.get(claim, ())]
        out[name] = ntriples_text(kept)
    return out
