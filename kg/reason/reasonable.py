"""The ``reasonable`` reasoner: the Rust OWL-RL engine, plus the rules it lacks written in Python.

:func:`closure_reasonable` runs reasonable and this module's complement rules
(property chains, enumerations, the schema rules) in turn until neither adds
anything; :func:`unsupported` says when that would not give owlrl's closure, so
that :mod:`kg.reason` hands the input to owlrl instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

#: Vocabulary whose OWL-RL rules (prp-key, cls-maxc2, cls-maxqc3/4) reasonable does not
#: implement and this module does not add: an input using it is reasoned with owlrl.
_UNSUPPORTED = {
    OWL.hasKey: "owl:hasKey",
    OWL.maxCardinality: "owl:maxCardinality",
    OWL.maxQualifiedCardinality: "owl:maxQualifiedCardinality",
}


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


def closure_reasonable(triples: Iterable[tuple]) -> set[tuple]:
    """The OWL-RL closure of ``triples`` with reasonable and the rules it lacks (see the module documentation).

    Call :func:`unsupported` first: for an input it names, the result may lack triples owlrl derives.
    """
    import reasonable

    current = set(triples)
    literal = _literal_restorer(current)
    # reasonable returns new term objects: map them to the input's, so that sets compare by identity.
    canon = {x: x for t in current for x in t}
    # It also returns typed literals in rdflib's normal form ("1" for "01"^^xsd:integer): give them back theirs.
    for x in list(canon):
        if type(x) is Literal and x.datatype is not None:
            canon.setdefault(Literal(str(x), datatype=x.datatype), x)

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


def _complement_closure(triples: set[tuple]) -> set[tuple]:
    """What :func:`_complement_rules` adds to ``triples``, applied until it adds nothing."""
    added: set[tuple] = set()
    while True:
        new = _complement_rules(triples | added if added else triples) - triples - added
        if not new:
            return added
        added |= new


def unsupported(triples: set[tuple]) -> str | None:
    """Why reasonable plus this module's rules would not give owlrl's closure of ``triples``; None when they would.

    When several reasons hold, the one named is always the same (the first in the order checked below).
    """
    found: dict[int, str] = {}
    plain, typed = set(), set()
    xsd = str(XSD)
    for s, p, o in triples:
        if p in _UNSUPPORTED:
            found[0] = min(found.get(0, "~"), f"the ontology uses {_UNSUPPORTED[p]}")
        elif p == OWL.inverseOf and type(s) is BNode:
            found[1] = "an anonymous inverse property (reasonable misreads it in property chains)"
        elif type(o) is URIRef and (o == RDFS.Literal or o.startswith(xsd)):
            # reasonable does not give literals (or resources typed with a datatype) their datatype's
            # supertypes, as owlrl does before its rules, so a restriction to a datatype can come out differently.
            if p in (OWL.someValuesFrom, OWL.allValuesFrom):
                found[2] = "a restriction's filler is a datatype"
            elif p == RDF.type:
                found[3] = "a resource is typed with a datatype"
        elif type(o) is Literal and o.language is None:
            if o.datatype is None:
                plain.add(str(o))
            elif o.datatype == XSD.string:
                typed.add(str(o))
    both = plain & typed
    if both:
        found[4] = f'"{min(both)}" is both a plain and an xsd:string literal'
    return found[min(found)] if found else None


def _literal_restorer(triples: set[tuple]):
    """reasonable returns plain literals typed xsd:string; give them back the form they had in the input."""
    typed = {str(o) for _, _, o in triples if type(o) is Literal and o.datatype == XSD.string}

    def restore(o: Literal) -> Literal:
        if o.datatype == XSD.string and o.language is None and str(o) not in typed:
            return Literal(str(o))
        return o

    return restore


def _complement_rules(triples: set[tuple]) -> set[tuple]:
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
    out: set[tuple] = set()
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
