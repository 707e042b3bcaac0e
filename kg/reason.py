"""OWL 2 RL reasoning, keeping what the reasoner adds apart from what was asserted.

:func:`reason` (rdflib graphs) and :func:`reason_nt` (N-Triples term strings, what
the build uses) expand the union of ontology and data with owlrl's OWL-RL semantics
and return only the new, non-trivial triples. They do not validate; the build
validates the closure afterwards.

Three reasoners compute that closure; ``tests/test_reasoner_equivalence.py`` checks
that each gives exactly the non-trivial triples owlrl gives:

``rules`` (the default)
    :mod:`kg.rules`: owlrl closes the ontology's axioms, which are compiled into rules
    over the data that run to a fixpoint in pure Python over term strings encoded as
    ints. A million triples take about 8 s and 0.7 GiB (input list included). An input it cannot reproduce
    exactly (owl:sameAs between distinct terms, given or derived; owl:hasKey or max
    cardinalities; …) is handed over to ``reasonable`` (or owlrl), and the returned
    reasoner name says so.
``reasonable``
    the Rust reasoner `reasonable <https://github.com/gtfierro/reasonable>`_ for the
    rules it implements, plus, in Python, the OWL-RL rules it lacks and that can add
    a non-trivial triple: property chains (prp-spo2), enumerations (cls-oo) and the
    schema rules (scm-*). The two are run in turn until neither adds anything. An
    input it cannot reproduce exactly (an ontology with owl:hasKey or max
    cardinalities, or a string that appears both as a plain literal and as an
    xsd:string literal) is reasoned with owlrl. It needs about 18 GiB for a million
    triples.
``owlrl``
    the reference: owlrl's ``OWLRL_Semantics``, about twenty times slower than ``reasonable``.

The rules that one reasoner applies and another does not (eq-ref, cls-thing,
datatype typing of literals, inconsistency reports) only give triples that
:func:`is_trivial` drops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import UsageError
from kg.namespaces import bind_prefixes
from kg.rules import HandOver, infer, is_trivial_nt
from kg.triples import nt_to_term, term_to_nt, to_rdflib

#: The reasoners :func:`reason` and :func:`reason_nt` can use; the first is the default.
REASONERS = ("rules", "reasonable", "owlrl")
DEFAULT_REASONER = REASONERS[0]

#: Vocabulary whose OWL-RL rules (prp-key, cls-maxc2, cls-maxqc3/4) reasonable does not
#: implement and this module does not add: an input using it is reasoned with owlrl.
_UNSUPPORTED = {
    OWL.hasKey: "owl:hasKey",
    OWL.maxCardinality: "owl:maxCardinality",
    OWL.maxQualifiedCardinality: "owl:maxQualifiedCardinality",
}

Triple = tuple
NTriple = tuple[str, str, str]

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


class ReasonedNT(NamedTuple):
    """:class:`Reasoned` for term strings: the kept inferred triples, how many were dropped, which reasoner ran.

    ``dropped`` counts the new triples the reasoner derived that :func:`is_trivial`
    drops; it depends on the reasoner (owlrl, for one, derives ``x owl:sameAs x`` for
    every term).
    """

    inferred: set[NTriple]
    dropped: int
    reasoner: str


@lru_cache(maxsize=1 << 16)
def _nt(term) -> str:
    return term_to_nt(term)


def is_trivial(s, p, o) -> bool:
    """True for inferred triples that carry no information a user wants (rdflib terms).

    The rules are :func:`kg.rules.is_trivial_nt`'s, applied to the terms' N-Triples
    strings (an xsd:string literal kept apart from the plain one, as in rdflib): literal
    subjects, ``x owl:sameAs x`` and other reflexive axioms, typings as
    ``owl:Thing``/``rdfs:Resource``, statements about the built-in vocabularies (rdf:,
    rdfs:, owl:, xsd:), datatype axioms and blank-node restriction bookkeeping.
    """
    return is_trivial_nt(_nt(s), _nt(p), _nt(o))


def _check(reasoner: str) -> None:
    if reasoner not in REASONERS:
        raise UsageError(f"unknown reasoner '{reasoner}'.", "Use one of: " + ", ".join(REASONERS) + ".")


def reason(asserted: Graph, ontology: Graph, reasoner: str = DEFAULT_REASONER) -> Reasoned:
    """Compute the OWL-RL closure of ``asserted`` with ``ontology`` and return the new triples.

    Parameters:
        asserted: the data graph (claims materialised).
        ontology: the ontology graph.
        reasoner: one of :data:`REASONERS`; see the module documentation.

    Returns a :class:`Reasoned` whose ``inferred`` graph holds only triples that are
    in neither input and are not trivial (see :func:`is_trivial`), and whose
    ``reasoner`` names the reasoner that ran (with the reason when one handed the
    input over to another).
    """
    _check(reasoner)
    base = set(ontology)
    base.update(asserted)
    rules_why = None
    if reasoner == "rules":
        to_nt: dict = {}
        back: dict[str, object] = {}
        for t in base:
            for x in t:
                if x not in to_nt:
                    text = to_nt[x] = term_to_nt(x)
                    if back.setdefault(text, x) != x:
                        rules_why = HandOver(f"two input terms are both {text} in N-Triples")
        if rules_why is None:
            try:
                result = infer([(to_nt[s], to_nt[p], to_nt[o]) for s, p, o in base])
            except HandOver as err:
                rules_why = err
            else:
                inferred = bind_prefixes(Graph())
                for t in result.inferred:
                    inferred.add(tuple(back[x] if x in back else nt_to_term(x) for x in t))
                return Reasoned(inferred, result.dropped, "rules")
        reasoner = rules_why.to
    closure, used = _closure(base, reasoner)
    inferred = bind_prefixes(Graph())
    dropped = 0
    for t in closure:
        if t in base:
            continue
        if is_trivial(*t):
            dropped += 1
            continue
        inferred.add(t)
    return Reasoned(inferred, dropped, _name(used, rules_why))


def _closure(base: set[Triple], reasoner: str) -> tuple[set[Triple], str]:
    """The closure of ``base`` with "reasonable" or "owlrl", and the name of what ran."""
    if reasoner == "reasonable":
        why = _unsupported(base)
        if why is None:
            try:
                return closure_reasonable(base), "reasonable"
            except Exception as err:  # noqa: BLE001 - e.g. "Cannot have literal as subject" from a symmetric property
                why = f"it failed: {err}"
        return closure_owlrl(base), f"owlrl (reasonable cannot: {why})"
    return closure_owlrl(base), "owlrl"


def _name(used: str, rules_why: HandOver | None) -> str:
    """The reasoner name, with why the rules reasoner handed the input over, if it did."""
    if rules_why is None:
        return used
    if used.endswith(")"):  # "owlrl (reasonable cannot: …)"
        return f"{used[:-1]}; rules cannot: {rules_why.why})"
    return f"{used} (rules cannot: {rules_why.why})"


def reason_nt(triples: Iterable[NTriple], reasoner: str = DEFAULT_REASONER) -> ReasonedNT:
    """:func:`reason` for ontology and data together as N-Triples term strings (``str()`` of pyoxigraph terms).

    With ``"rules"`` no rdflib object is built for the data (unless the input is handed
    over); ``"reasonable"`` and ``"owlrl"`` reason over an rdflib graph of the input
    (typed literals kept as written, ``"lex"`` a plain literal) and convert back.
    """
    _check(reasoner)
    rules_why = None
    if reasoner == "rules":
        if not isinstance(triples, list | tuple | set | frozenset):
            triples = list(triples)
        try:
            result = infer(triples)
        except HandOver as err:
            rules_why = err
            reasoner = err.to
        else:
            return ReasonedNT(result.inferred, result.dropped, "rules")
    base, back = to_rdflib(triples)
    closure, used = _closure(base, reasoner)
    inferred: set[NTriple] = set()
    dropped = 0
    for t in closure:
        if t in base:
            continue
        nt = tuple(back[x] if x in back else term_to_nt(x, xsd_string=False) for x in t)
        if is_trivial_nt(*nt):
            dropped += 1
        else:
            inferred.add(nt)
    return ReasonedNT(inferred, dropped, _name(used, rules_why))


class Differences(NamedTuple):
    """How the non-trivial inferences of a reasoner and owlrl differ on one input."""

    missing: set  #: triples owlrl infers and the reasoner does not
    extra: set  #: triples the reasoner infers and owlrl does not
    reasoner: str  #: what ran (another reasoner when it handed the input over)


def reasoner_differences(data: Graph, ontology: Graph, reasoner: str = "reasonable") -> Differences:
    """Reason over ``data`` with ``ontology`` with ``reasoner`` and with owlrl, and compare the kept inferred triples.

    For tests and benchmarks: empty ``missing`` and ``extra`` mean :func:`reason` gives
    the same inferred graph whichever of the two reasoners it uses.
    """
    reference = set(reason(data, ontology, "owlrl").inferred)
    fast = reason(data, ontology, reasoner)
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


def _complement_closure(triples: set[Triple]) -> set[Triple]:
    """What :func:`_complement_rules` adds to ``triples``, applied until it adds nothing."""
    added: set[Triple] = set()
    while True:
        new = _complement_rules(triples | added if added else triples) - triples - added
        if not new:
            return added
        added |= new


def _unsupported(triples: set[Triple]) -> str | None:
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
