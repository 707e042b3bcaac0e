"""OWL 2 RL reasoning with owlrl, keeping what the reasoner adds apart from what was asserted.

:func:`reason` expands the union of ontology and data with owlrl's OWL-RL
semantics and returns only the new, non-trivial triples. It does not validate;
the build validates the closure afterwards.
"""

from __future__ import annotations

from typing import NamedTuple

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.namespaces import KG, bind_prefixes

#: Namespaces of the built-in vocabularies: statements about their terms are
#: the reasoner's axioms, not knowledge about the graph.
_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))

_REFLEXIVE = {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs}

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


class Reasoned(NamedTuple):
    """The outcome of reasoning: the kept inferred triples, and counts of what was dropped."""

    inferred: Graph
    dropped: int


def is_trivial(s, p, o) -> bool:
    """True for inferred triples that carry no information a user wants.

    These are: literal subjects, ``x owl:sameAs x`` and other reflexive axioms,
    typings as ``owl:Thing``/``rdfs:Resource``, statements about the built-in
    vocabularies (rdf:, rdfs:, owl:, xsd:), datatype axioms and blank-node
    restriction bookkeeping.
    """
    if isinstance(s, Literal):
        return True
    if p in _REFLEXIVE and s == o:
        return True
    if p == RDF.type and (o in _TRIVIAL_TYPES or o == RDFS.Datatype or isinstance(o, BNode)):
        return True
    if isinstance(s, URIRef) and str(s).startswith(_BUILTIN):
        return True
    if isinstance(s, BNode):
        # Inferences about OWL restrictions and lists are the reasoner's scaffolding.
        return True
    if (
        isinstance(o, URIRef)
        and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
        and str(o).startswith(_BUILTIN)
    ):
        return True
    if (
        p == RDF.type
        and isinstance(o, URIRef)
        and str(o).startswith(_BUILTIN)
        and o
        not in (
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            RDF.Statement,
        )
    ):
        # Keep nothing like "kg:x a rdf:Property" or "a owl:Restriction"; they restate the ontology.
        return True
    if isinstance(o, Literal) and o.datatype is not None and p == RDF.type:
        return True
    return False


def reason(asserted: Graph, ontology: Graph) -> Reasoned:
    """Compute the OWL-RL closure of ``asserted`` with ``ontology`` and return the new triples.

    Parameters:
        asserted: the data graph (claims materialised).
        ontology: the ontology graph.

    Returns a :class:`Reasoned` whose ``inferred`` graph holds only triples that are
    in neither input and are not trivial (see :func:`is_trivial`).
    """
    closure = Graph()
    closure += ontology
    closure += asserted
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics,
        axiomatic_triples=False,
        datatype_axioms=False,
        rdfs_closure=False,
    ).expand(closure)
    inferred = bind_prefixes(Graph())
    dropped = 0
    for t in closure:
        if t in asserted or t in ontology:
            continue
        if is_trivial(*t):
            dropped += 1
            continue
        inferred.add(t)
    return Reasoned(inferred, dropped)


def derive_mentions(asserted: Graph) -> Graph:
    """Which entities each article mentions: the subjects and objects of the claims its quotes support.

    This is derived by the build, not by OWL-RL, and goes into the inferred graph.
    """
    out = Graph()
    for ev, claim in asserted.subject_objects(KG.supports):
        article = asserted.value(ev, KG.article)
        if article is None:
            continue
        for p in (RDF.subject, RDF.object):
            node = asserted.value(claim, p)
            if isinstance(node, URIRef) and not str(node).startswith(str(KG)):
                out.add((article, KG.mentions, node))
                out.add((node, KG.mentionedIn, article))
    return out
