"""OWL 2 RL reasoning, keeping what the reasoner adds apart from what was asserted.

:func:`reason` expands the union of ontology and data with owlrl's OWL-RL
semantics and returns only the new, non-trivial triples. It does not validate;
the build validates the closure afterwards.

Two reasoners compute that closure:

``reasonable`` (the default)
    the Rust reasoner `reasonable <https://github.com/gtfierro/reasonable>`_ for the
    rules it implements, plus, in Python, the OWL-RL rules it lacks and that can add
    a non-trivial triple: property chains (prp-spo2), enumerations (cls-oo) and the
    schema rules (scm-*). The two are run in turn until neither adds anything.
    ``tests/test_reasoner_equivalence.py`` checks that this gives exactly the
    non-trivial triples owlrl gives. An input it cannot reproduce exactly (an
    ontology with owl:hasKey or max cardinalities, or a string that appears both
    as a plain literal and as an xsd:string literal) is reasoned with owlrl.
``owlrl``
    the reference: owlrl's ``OWLRL_Semantics``, about twenty times slower.

The rules that either reasoner applies and the other does not (eq-ref, cls-thing,
datatype typing of literals, inconsistency reports) only give triples that
:func:`is_trivial` drops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import UsageError
from kg.namespaces import KG, bind_prefixes

#: The reasoners :func:`reason` can use; the first is the default.
REASONERS = ("reasonable", "owlrl")
DEFAULT_REASONER = REASONERS[0]

#: Namespaces of the built-in vocabularies: statements about their terms are
#: the reasoner's axioms, not knowledge about the graph.
_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))

_REFLEXIVE = {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs}

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}

#: Vocabulary whose OWL-RL rules (prp-key, cls-maxc2, cls-maxqc3/4) reasonable does not
#: implement and this module does not add: an input using it is reasoned with owlrl.
_UNSUPPORTED = {
    OWL.hasKey: "owl:hasKey",
    OWL.maxCardinality: "owl:maxCardinality",
    OWL.maxQualifiedCardinality: "owl:maxQualifiedCardinality",
}

Triple = tuple

# The terms the rules below use, looked up once (rdflib namespaces resolve attributes in Python).
_TYPE, _FIRST, _REST, _NIL = RDF.type, RDF.first, RDF.rest, RDF.nil
_SCO, _SPO, _DOMAIN, _RANGE = RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range
_EQC, _EQP, _CLASS, _THING, _NOTHING = OWL.equivalentClass, OWL.equivalentProperty, OWL.Class, OWL.Thing, OWL.Nothing
_CHAIN, _ONE_OF, _ON_PROPERTY = OWL.propertyChainAxiom, OWL.oneOf, OWL.onProperty
_HAS_VALUE, _SVF, _AVF, _INTERSECTION, _UNION = (
    OWL.hasValue,
    OWL.someValuesFrom,
    OWL.allValuesFrom,
    OWL.intersectionOf,
    OWL.unionOf,
)
_PROPERTY_TYPES = frozenset({OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property})


class Reasoned(NamedTuple):
    """The outcome of reasoning: the kept inferred triples, how many were dropped, and which reasoner ran."""

    inferred: Graph
    dropped: int
    reasoner: str = "owlrl"


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


def reason(asserted: Graph, ontology: Graph, reasoner: str = DEFAULT_REASONER) -> Reasoned:
    """Compute the OWL-RL closure of ``asserted`` with ``ontology`` and return the new triples.

    Parameters:
        asserted: the data graph (claims materialised).
        ontology: the ontology graph.
        reasoner: ``"reasonable"`` (default) or ``"owlrl"``; see the module documentation.

    Returns a :class:`Reasoned` whose ``inferred`` graph holds only triples that are
    in neither input and are not trivial (see :func:`is_trivial`), and whose
    ``reasoner`` names the reasoner that ran (with the reason when ``reasonable``
    handed an input over to owlrl).
    """
    if reasoner not in REASONERS:
        raise UsageError(f"unknown reasoner '{reasoner}'.", "Use one of: " + ", ".join(REASONERS) + ".")
    base = set(ontology)
    base.update(asserted)
    used = "owlrl"
    closure = None
    if reasoner == "reasonable":
        why = _unsupported(base)
        if why is None:
            closure = closure_reasonable(base)
            used = "reasonable"
        else:
            used = f"owlrl (reasonable cannot: {why})"
    if closure is None:
        closure = closure_owlrl(base)
    inferred = bind_prefixes(Graph())
    dropped = 0
    for t in closure:
        if t in base:
            continue
        if is_trivial(*t):
            dropped += 1
            continue
        inferred.add(t)
    return Reasoned(inferred, dropped, used)


class Differences(NamedTuple):
    """How the non-trivial inferences of the two reasoners differ on one input."""

    missing: set  #: triples owlrl infers and reasonable does not
    extra: set  #: triples reasonable infers and owlrl does not
    reasoner: str  #: what ran for "reasonable" (owlrl itself when it handed the input over)


def reasoner_differences(data: Graph, ontology: Graph) -> Differences:
    """Reason over ``data`` with ``ontology`` with both reasoners and compare the kept inferred triples.

    For tests and benchmarks: empty ``missing`` and ``extra`` mean :func:`reason` gives
    the same inferred graph whichever reasoner it uses.
    """
    reference = set(reason(data, ontology, "owlrl").inferred)
    fast = reason(data, ontology, "reasonable")
    found = set(fast.inferred)
    return Differences(reference - found, found - reference, fast.reasoner)


def closure_owlrl(triples: Iterable[Triple]) -> set[Triple]:
    """The OWL-RL closure of ``triples`` as owlrl computes it (no axiomatic triples, no RDFS closure)."""
    import owlrl

    graph = Graph()
    for t in triples:
        graph.add(t)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics,
        axiomatic_triples=False,
        datatype_axioms=False,
        rdfs_closure=False,
    ).expand(graph)
    return set(graph)


def closure_reasonable(triples: Iterable[Triple]) -> set[Triple]:
    """The OWL-RL closure of ``triples`` with reasonable and the rules it lacks (see the module documentation).

    Call :func:`_unsupported` first: for an input it names, the result may lack triples owlrl derives.
    """
    import reasonable

    current = set(triples)
    literal = _literal_restorer(current)
    # reasonable returns new term objects: map them to the input's, so that sets compare by identity.
    canon = {x: x for t in current for x in t}

    def term(x):
        return canon.setdefault(x, x)

    current |= _complement_closure(current)
    engine = reasonable.PyReasoner()
    engine.from_graph(list(current))
    while True:
        closure = {(term(s), term(p), term(literal(o) if type(o) is Literal else o)) for s, p, o in engine.reason()}
        closure |= current
        extra = _complement_closure(closure)
        if not extra:
            return closure
        current = closure | extra
        engine.update_graph(list(current))


def _complement_closure(triples: set[Triple]) -> set[Triple]:
    """What :func:`_complement_rules` adds to ``triples``, applied until it adds nothing."""
    added: set[Triple] = set()
    while True:
        new = _complement_rules(triples | added if added else triples) - triples - added
        if not new:
            return added
        added |= new


def _unsupported(triples: set[Triple]) -> str | None:
    """Why reasonable plus this module's rules would not give owlrl's closure of ``triples``; None when they would."""
    plain, typed = set(), set()
    for _, p, o in triples:
        if p in _UNSUPPORTED:
            return f"the ontology uses {_UNSUPPORTED[p]}"
        if type(o) is Literal and o.language is None:
            if o.datatype is None:
                plain.add(str(o))
            elif o.datatype == XSD.string:
                typed.add(str(o))
    both = plain & typed
    if both:
        return f'"{min(both)}" is both a plain and an xsd:string literal'
    return None


def _literal_restorer(triples: set[Triple]):
    """reasonable returns plain literals typed xsd:string; give them back the form they had in the input."""
    typed = {str(o) for _, _, o in triples if type(o) is Literal and o.datatype == XSD.string}

    def restore(o: Literal) -> Literal:
        if o.datatype == XSD.string and o.language is None and str(o) not in typed:
            return Literal(str(o))
        return o

    return restore


def _complement_rules(triples: set[Triple]) -> set[Triple]:
    """One application of the OWL-RL rules reasonable lacks: prp-spo2, cls-oo and scm-*, as owlrl words them."""
    by_p: dict = defaultdict(list)
    for t in triples:
        by_p[t[1]].append(t)
    sp: dict = defaultdict(lambda: defaultdict(set))  # predicate -> subject -> objects

    def index(p):
        if p not in sp:
            for s, _, o in by_p.get(p, ()):
                sp[p][s].add(o)
        return sp[p]

    def items(head) -> list:
        first, rest = index(_FIRST), index(_REST)
        out, seen = [], set()
        while head != _NIL and head not in seen:
            seen.add(head)
            out.extend(first.get(head, ()))
            nxt = rest.get(head)
            if not nxt:
                break
            head = next(iter(nxt))
        return out

    def objects(p, s):
        return index(p).get(s, ())

    sco, spo = index(_SCO), index(_SPO)
    sub_props: dict = defaultdict(set)  # p2 -> {p1 : p1 spo p2}
    for p1, supers in spo.items():
        for p2 in supers:
            sub_props[p2].add(p1)
    out: set[Triple] = set()
    add = out.add

    # prp-spo2: property chains.
    for p, _, head in by_p.get(_CHAIN, ()):
        chain = items(head)
        if not chain:
            continue
        for u1, _, z in by_p.get(chain[0], ()):
            ends = {z}
            for pi in chain[1:]:
                ends = {u for e in ends for u in objects(pi, e)}
                if not ends:
                    break
            for un in ends:
                add((u1, p, un))
    # cls-oo: enumerations.
    for c, _, head in by_p.get(_ONE_OF, ()):
        for y in items(head):
            add((y, _TYPE, c))
    # scm-cls, scm-op, scm-dp.
    for s, _, o in by_p.get(_TYPE, ()):
        if o == _CLASS:
            add((s, _SCO, s))
            add((s, _EQC, s))
            add((s, _SCO, _THING))
            add((_NOTHING, _SCO, s))
        elif o in _PROPERTY_TYPES:
            add((s, _SPO, s))
            add((s, _EQP, s))
    # scm-sco, scm-eqc2.
    for c1, supers in sco.items():
        for c2 in supers:
            if c1 != c2:
                for c3 in sco.get(c2, ()):
                    if c1 != c3:
                        add((c1, _SCO, c3))
            if c1 in sco.get(c2, ()):
                add((c1, _EQC, c2))
    # scm-eqc1.
    for c1, _, c2 in by_p.get(_EQC, ()):
        if c1 != c2:
            add((c1, _SCO, c2))
            add((c2, _SCO, c1))
    # scm-spo, scm-eqp2.
    for p1, supers in spo.items():
        for p2 in supers:
            if p1 != p2:
                for p3 in spo.get(p2, ()):
                    if p1 != p3:
                        add((p1, _SPO, p3))
                if p1 in spo.get(p2, ()):
                    add((p1, _EQP, p2))
    # scm-eqp1.
    for p1, _, p2 in by_p.get(_EQP, ()):
        if p1 != p2:
            add((p1, _SPO, p2))
            add((p2, _SPO, p1))
    # scm-dom1, scm-dom2, scm-rng1, scm-rng2.
    for axiom in (_DOMAIN, _RANGE):
        for p, _, c1 in by_p.get(axiom, ()):
            for c2 in sco.get(c1, ()):
                if c1 != c2:
                    add((p, axiom, c2))
            for p1 in sub_props.get(p, ()):
                if p1 != p:
                    add((p1, axiom, c1))
    # scm-hv, scm-svf1, scm-svf2, scm-avf1, scm-avf2.
    on_property = index(_ON_PROPERTY)
    for restriction, rules in ((_HAS_VALUE, False), (_SVF, True), (_AVF, True)):
        by_filler: dict = defaultdict(set)
        by_prop: dict = defaultdict(set)
        fillers = index(restriction)
        for c, ys in fillers.items():
            for y in ys:
                by_filler[y].add(c)
            for pp in on_property.get(c, ()):
                by_prop[pp].add(c)
        for c1, ys in fillers.items():
            for y in ys:
                for p1 in on_property.get(c1, ()):
                    # Same filler, sub-property (scm-hv, scm-svf2, scm-avf2).
                    for c2 in by_filler[y]:
                        for p2 in on_property.get(c2, ()):
                            if p1 in sub_props.get(p2, ()):
                                if restriction == _AVF:
                                    add((c2, _SCO, c1))
                                else:
                                    add((c1, _SCO, c2))
                    if not rules:
                        continue
                    # Same property, sub-class filler (scm-svf1, scm-avf1).
                    for c2 in by_prop[p1]:
                        for y2 in fillers.get(c2, ()):
                            if y2 in sco.get(y, ()):
                                add((c1, _SCO, c2))
    # scm-int, scm-uni.
    for c, _, head in by_p.get(_INTERSECTION, ()):
        for ci in items(head):
            add((c, _SCO, ci))
    for c, _, head in by_p.get(_UNION, ()):
        for ci in items(head):
            add((ci, _SCO, c))
    return out


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
