"""The ``rules`` reasoner: owlrl's OWL 2 RL closure, computed over N-Triples term strings.

A term is the string N-Triples writes for it, as ``str()`` of a pyoxigraph term gives
it: ``<iri>``, ``_:id``, ``"lex"``, ``"lex"@lang`` or ``"lex"^^<datatype>``.
:func:`infer` takes the ontology and the data together as such triples and returns
the triples owlrl's ``OWLRL_Semantics`` would add that :func:`is_trivial_nt` keeps,
without building rdflib objects for the data:

1. The input is split into the *schema*: the triples some OWL-RL rule reads as an
   axiom (rdfs:subClassOf, owl:inverseOf, rdf:first, ``p a owl:TransitiveProperty``,
   ``c a owl:Class`` …, see :data:`SCHEMA_PREDICATES` and :data:`SCHEMA_TYPES`), a few
   hundred triples, and the rest. owlrl itself closes the schema, so everything whose
   premises are all schema follows owlrl's own wording of the rules (scm-*, cls-oo …).
2. The closed schema is compiled into rules over the data (cax-sco, cax-eqc, prp-dom,
   prp-rng, prp-spo1, prp-spo2 of any length, prp-eqp, prp-inv, prp-symp, prp-trp,
   prp-fp, prp-ifp, cls-int1/2, cls-uni, cls-svf1/2, cls-avf, cls-hv1/2, and the
   datatype typing of literals owlrl does once), which run semi-naively to a fixpoint
   over the whole graph, terms encoded as ints.
3. A data triple that the rules turn into a schema triple (say a range of
   rdf:Property) goes back to step 1 unless owlrl shows it adds nothing but reflexive
   axioms.

Where the result could differ from owlrl's it raises :class:`HandOver` instead of
answering, naming the reasoner that gets it right: ``reasonable`` for owl:sameAs
between distinct terms (given, or derived by a functional or inverse functional
property) unless one is a term of the ontology; owlrl for such owl:sameAs, owl:hasKey and max cardinalities (which derive owl:sameAs), rules
that read owl:sameAs triples (owlrl's eq-ref gives one for every term) and rdf:List
nodes with two rdf:first or rdf:rest (which rdflib reads in no fixed order); reasonable
gets these wrong.

owlrl's rules that only report inconsistencies (cax-dw, prp-irp, eq-diff …) add
triples about a fresh blank node, which :func:`is_trivial_nt` drops; eq-ref's
``x owl:sameAs x`` is dropped as well, so neither is computed here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from kg.reason.owlrl import closure_owlrl
from kg.triples import Triple, term_to_nt, to_rdflib

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

TYPE = f"<{RDF_NS}type>"
FIRST, REST, NIL = f"<{RDF_NS}first>", f"<{RDF_NS}rest>", f"<{RDF_NS}nil>"
SCO, SPO = f"<{RDFS_NS}subClassOf>", f"<{RDFS_NS}subPropertyOf>"
DOMAIN, RANGE = f"<{RDFS_NS}domain>", f"<{RDFS_NS}range>"
EQC, EQP, SAME_AS = f"<{OWL_NS}equivalentClass>", f"<{OWL_NS}equivalentProperty>", f"<{OWL_NS}sameAs>"
INVERSE, CHAIN = f"<{OWL_NS}inverseOf>", f"<{OWL_NS}propertyChainAxiom>"
ON_PROPERTY, SVF, AVF, HAS_VALUE = (
    f"<{OWL_NS}onProperty>",
    f"<{OWL_NS}someValuesFrom>",
    f"<{OWL_NS}allValuesFrom>",
    f"<{OWL_NS}hasValue>",
)
INTERSECTION, UNION, ONE_OF = f"<{OWL_NS}intersectionOf>", f"<{OWL_NS}unionOf>", f"<{OWL_NS}oneOf>"
HAS_KEY, MAX_CARD, MAX_QCARD, ON_CLASS = (
    f"<{OWL_NS}hasKey>",
    f"<{OWL_NS}maxCardinality>",
    f"<{OWL_NS}maxQualifiedCardinality>",
    f"<{OWL_NS}onClass>",
)
THING, NOTHING, CLASS = f"<{OWL_NS}Thing>", f"<{OWL_NS}Nothing>", f"<{OWL_NS}Class>"
OBJECT_PROPERTY, DATATYPE_PROPERTY, PROPERTY = (
    f"<{OWL_NS}ObjectProperty>",
    f"<{OWL_NS}DatatypeProperty>",
    f"<{RDF_NS}Property>",
)
FUNCTIONAL, INVERSE_FUNCTIONAL = f"<{OWL_NS}FunctionalProperty>", f"<{OWL_NS}InverseFunctionalProperty>"
SYMMETRIC, TRANSITIVE = f"<{OWL_NS}SymmetricProperty>", f"<{OWL_NS}TransitiveProperty>"
XSD_STRING = f"<{XSD_NS}string>"

#: Predicates whose triples some OWL-RL rule reads as an axiom (not as a fact about individuals).
#: The vocabulary of rules that only report inconsistencies (owl:disjointWith, owl:differentFrom …)
#: is not here: those triples add nothing that is kept, wherever they are.
SCHEMA_PREDICATES = frozenset(
    {
        SCO,
        SPO,
        DOMAIN,
        RANGE,
        EQC,
        EQP,
        SAME_AS,
        INVERSE,
        CHAIN,
        ON_PROPERTY,
        SVF,
        AVF,
        HAS_VALUE,
        INTERSECTION,
        UNION,
        ONE_OF,
        HAS_KEY,
        MAX_CARD,
        MAX_QCARD,
        ON_CLASS,
        FIRST,
        REST,
    }
)
#: Classes whose ``x rdf:type c`` triples some OWL-RL rule reads as an axiom.
SCHEMA_TYPES = frozenset(
    {CLASS, OBJECT_PROPERTY, DATATYPE_PROPERTY, PROPERTY, FUNCTIONAL, INVERSE_FUNCTIONAL, SYMMETRIC, TRANSITIVE}
)
#: Vocabulary owlrl turns into owl:sameAs (prp-key, cls-maxc2, cls-maxqc3/4), which reasonable does not do either.
_TO_OWLRL = {HAS_KEY: "owl:hasKey", MAX_CARD: "owl:maxCardinality", MAX_QCARD: "owl:maxQualifiedCardinality"}
_REFLEXIVE = frozenset({SCO, SPO, EQC, EQP, SAME_AS})
#: Schema typings that the rules compiled here do not read (owlrl's scm-cls, scm-op and scm-dp do).


def _rl_datatypes() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions, OWL_RL_Datatypes

    return (
        frozenset(f"<{dt}>" for dt in OWL_RL_Datatypes),
        {f"<{dt}>": tuple(f"<{sup}>" for sup in sups) for dt, sups in OWL_Datatype_Subsumptions.items()},
    )


# ---------------------------------------------------------------------------------------------------------------
# Triviality: the one definition (kg.reason.is_trivial applies it to rdflib terms through term_to_nt).

_BUILTIN = tuple(f"<{ns}" for ns in (RDF_NS, RDFS_NS, OWL_NS, XSD_NS))
_TRIVIAL_TYPES = frozenset({THING, f"<{RDFS_NS}Resource>", f"<{OWL_NS}NamedIndividual>", f"<{RDFS_NS}Datatype>"})
_KEPT_BUILTIN_TYPES = frozenset({CLASS, OBJECT_PROPERTY, DATATYPE_PROPERTY, f"<{RDF_NS}Statement>"})
_SCHEMA_LINKS = frozenset({SCO, SPO, EQC})


def is_trivial_nt(s: str, p: str, o: str) -> bool:
    """True for inferred triples that carry no information a user wants (terms as N-Triples strings).

    These are: literal subjects, ``x owl:sameAs x`` and other reflexive axioms,
    typings as ``owl:Thing``/``rdfs:Resource``/``owl:NamedIndividual``, statements
    about the built-in vocabularies (rdf:, rdfs:, owl:, xsd:), datatype axioms and
    blank-node restriction bookkeeping.
    """
    if s[0] == '"' or s[0] == "_":
        # Literal subjects; inferences about OWL restrictions and lists are the reasoner's scaffolding.
        return True
    if s == o and p in _REFLEXIVE:
        return True
    if s.startswith(_BUILTIN):
        return True
    if p == TYPE:
        if o in _TRIVIAL_TYPES or o[0] == "_":
            return True
        if o.startswith(_BUILTIN) and o not in _KEPT_BUILTIN_TYPES:
            # Keep nothing like "kg:x a rdf:Property" or "a owl:Restriction"; they restate the ontology.
            return True
        if o[0] == '"' and o[-1] == ">":  # a typed literal
            return True
        return False
    return p in _SCHEMA_LINKS and o.startswith(_BUILTIN)


# ---------------------------------------------------------------------------------------------------------------
# Terms: rdflib <-> N-Triples strings are kg.triples.term_to_nt and nt_to_term.


def _literal_datatype(text: str) -> str | None:
    """The datatype IRI (``<…>``) of a typed literal's string, else None."""
    if text[-1] != ">":
        return None
    return text[text.rindex('"') + 3 :]


# ---------------------------------------------------------------------------------------------------------------


class HandOver(Exception):
    """The rules reasoner cannot reproduce owlrl's closure of this input; ``to`` says which reasoner can."""

    def __init__(self, why: str, to: str = "reasonable"):
        super().__init__(why)
        self.why = why
        self.to = to


def _same_as(why: str, ends: tuple, schema_terms) -> HandOver:
    """Hand-over for owl:sameAs between distinct terms: to owlrl when one is a term of the ontology
    (reasonable's eq-rep-* rules then disagree with owlrl's), else to reasonable."""
    if any(x in schema_terms for x in ends):
        return HandOver(f"{why}, one a term of the ontology", "owlrl")
    return HandOver(why)


class Inferred(NamedTuple):
    """The new, non-trivial triples, and how many new trivial ones were dropped."""

    inferred: set[Triple]
    dropped: int
    #: The kept triples in the order the rules derived them (see :mod:`kg.explain`): each one's
    #: premises are input triples or come before it.
    order: list[Triple] | None = None


def owlrl_closure(triples: Iterable[Triple]) -> set[Triple]:
    """owlrl's OWL-RL closure (as kg.reason runs it) of a small set of string triples.

    The closures of the last few inputs are kept, by the input with its blank nodes relabelled
    (:func:`_relabel_blank_nodes`): every build of a project parses the same ontology (blank nodes named
    anew each time) and closes the same schema, a second or so of owlrl each time. owlrl runs on the
    relabelled input, and its closure is given back in the caller's labels.
    """
    relabelled, back = _relabel_blank_nodes(triples)
    key = frozenset(relabelled)
    closed = _CLOSURES.pop(key, None)
    if closed is None:
        rdflib_triples, to_nt = to_rdflib(relabelled)
        closed = frozenset(
            tuple(to_nt.get(x) or term_to_nt(x) for x in t) for t in closure_owlrl(rdflib_triples, drop_errors=True)
        )
    _CLOSURES[key] = closed  # the most recent last
    while len(_CLOSURES) > 8:
        del _CLOSURES[next(iter(_CLOSURES))]
    if not back:
        return set(closed)
    return {tuple(back.get(x, x) for x in t) for t in closed}


#: owlrl's closures of recent inputs of :func:`owlrl_closure`, by the input with relabelled blank nodes.
_CLOSURES: dict[frozenset, frozenset] = {}


def _relabel_blank_nodes(triples: Iterable[Triple]) -> tuple[list[Triple], dict[str, str]]:
    """``triples`` with each blank node renamed after its surroundings, and the map from new to old names.

    A blank node's name comes from rounds of colour refinement (Weisfeiler-Leman) over the triples it is
    in, so the same schema parsed twice usually gets the same names; blank nodes the rounds cannot tell
    apart are numbered in the order of their old names. The renaming is one to one whatever the input,
    so two inputs with equal relabelled triples are the same graph up to blank node names.
    """
    import hashlib

    triples = list(triples)
    nodes = sorted({x for t in triples for x in (t[0], t[2]) if x.startswith("_:")})
    if not nodes:
        return triples, {}
    colour = dict.fromkeys(nodes, "")
    classes = 1
    for _ in range(len(nodes)):
        around: dict[str, list] = defaultdict(list)
        for s, p, o in triples:
            s_blank, o_blank = s.startswith("_:"), o.startswith("_:")
            if s_blank:
                around[s].append(("out", p, "self" if o == s else (colour[o] if o_blank else o)))
            if o_blank and o != s:
                around[o].append(("in", p, colour[s] if s_blank else s))
        colour = {b: hashlib.sha1(repr((colour[b], sorted(around[b]))).encode()).hexdigest()[:20] for b in nodes}
        refined = len(set(colour.values()))
        if refined == classes:
            break
        classes = refined
    names: dict[str, str] = {}
    seen: dict[str, int] = defaultdict(int)
    for b in sorted(nodes, key=lambda b: (colour[b], b)):
        names[b] = f"_:k{colour[b]}n{seen[colour[b]]}"
        seen[colour[b]] += 1
    relabelled = [(names.get(s, s), p, names.get(o, o)) for s, p, o in triples]
    return relabelled, {new: old for old, new in names.items()}


def _is_schema(t: Triple) -> bool:
    return t[1] in SCHEMA_PREDICATES or (t[1] == TYPE and t[2] in SCHEMA_TYPES)


_BITS = 28  # up to 2**28 distinct terms; a triple is one int of at most 84 bits
_MASK = (1 << _BITS) - 1
_BITS2 = 2 * _BITS


def infer(triples: Iterable[Triple], *, record: bool = True) -> Inferred:
    """The triples owlrl's OWL-RL closure adds to ``triples`` that :func:`is_trivial_nt` keeps.

    ``triples`` is ontology and data together, terms as N-Triples strings. ``record``
    keeps the order in which the kept triples were derived (:attr:`Inferred.order`, what
    :mod:`kg.explain` reads); without it ``order`` is None. Raises :class:`HandOver` for
    an input whose closure this module would not get exactly.
    """
    return _Reasoner(triples).run(record=record)


class _Reasoner:
    def __init__(self, triples: Iterable[Triple]):
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        idx = self.id
        self.rl_datatypes, self.subsumptions = _rl_datatypes()
        for term in sorted(SCHEMA_PREDICATES | SCHEMA_TYPES | {TYPE, THING, NIL}):
            idx(term)
        for term in sorted(self.rl_datatypes):
            idx(term)
        ids, terms = self.ids, self.terms
        get = ids.get
        type_id = ids[TYPE]
        schema_p = {ids[x] for x in SCHEMA_PREDICATES}
        schema_t = {ids[x] for x in SCHEMA_TYPES}
        rl_dt = {ids[x] for x in self.rl_datatypes}
        keys: list[int] = []
        schema: list[Triple] = []
        explicit: list[tuple[int, int]] = []  # (s, dt): resources typed with a datatype
        append = keys.append
        for t in triples:
            s, p, o = t
            si = get(s)
            if si is None:
                si = ids[s] = len(terms)
                terms.append(s)
            pi = get(p)
            if pi is None:
                pi = ids[p] = len(terms)
                terms.append(p)
            oi = get(o)
            if oi is None:
                oi = ids[o] = len(terms)
                terms.append(o)
            append((si << _BITS2) | (pi << _BITS) | oi)
            if pi in schema_p or (pi == type_id and oi in schema_t):
                schema.append(t)
            elif pi == type_id and oi in rl_dt:
                explicit.append((si, oi))
        if len(terms) > _MASK:
            raise HandOver(f"more than {_MASK} distinct terms")
        self.input_keys = keys
        self.input_schema = set(schema)
        self.explicit = explicit
        self.n_input_terms = len(terms)

    def id(self, term: str) -> int:
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return i

    # ----------------------------------------------------------------------------------------------------------

    def run(self, *, record: bool = True) -> Inferred:
        schema_terms = {x for t in self.input_schema if t[1] != SAME_AS for x in t}
        for t in sorted(self.input_schema):  # sorted: the same input always names the same reason
            if t[1] == SAME_AS and t[0] != t[2]:
                raise _same_as("the input states owl:sameAs between distinct terms", (t[0], t[2]), schema_terms)
            if t[1] in _TO_OWLRL:
                raise HandOver(f"the ontology uses {_TO_OWLRL[t[1]]}", "owlrl")
            if t[1] == REST and t[2].startswith('"'):
                # rdflib's Graph.items, which owlrl reads lists with, stops at a literal that is false in Python.
                raise HandOver("an rdf:rest is a literal", "owlrl")
        schema = set(self.input_schema)
        while True:
            closed = owlrl_closure(schema)
            derived_schema = self.saturate(closed)
            if not derived_schema:
                break
            if any(t[1] in (FIRST, REST) for t in derived_schema):
                # owlrl reads a list once per round and keeps what it derived from the shorter list;
                # reasoning again from the start with the longer list would not give the same closure.
                raise HandOver("the data derives rdf:List structure", "owlrl")
            # The data gave schema triples (say "p a rdf:Property" from a range): reason again with them in
            # the schema, since a rule may read even the reflexive axioms owlrl then adds.
            schema |= derived_schema
        return self.output(record=record)

    def saturate(self, closed: set[Triple]) -> set[Triple]:
        """Run the rules compiled from ``closed`` (owlrl's closure of the schema) over everything.

        Returns the schema triples the rules derived that ``closed`` lacks.
        """
        idx = self.id
        schema_terms = {x for t in closed if t[1] != SAME_AS and _is_schema(t) for x in t}
        for t in closed:
            if t[1] == SAME_AS and t[0] != t[2]:
                raise _same_as(
                    "owl:sameAs between distinct terms follows from the ontology", (t[0], t[2]), schema_terms
                )
            if t[1] in _TO_OWLRL:
                raise HandOver(f"the ontology uses {_TO_OWLRL[t[1]]}", "owlrl")
        closed_ids = [(idx(s), idx(p), idx(o)) for s, p, o in closed if not (p == SAME_AS and s == o)]
        if len(self.terms) > _MASK:
            raise HandOver(f"more than {_MASK} distinct terms")
        rules = _compile(closed_ids, self.ids, self.terms)
        ids = self.ids
        schema_ids = {ids[x] for x in schema_terms}
        type_id, same_as = ids[TYPE], ids[SAME_AS]
        schema_p = {ids[x] for x in SCHEMA_PREDICATES}
        schema_t = {ids[x] for x in SCHEMA_TYPES}

        facts = set(self.input_keys)
        derived: list[int] = []
        self.derived = derived
        found_schema: list[int] = []
        fwd: dict[int, dict[int, list[int]]] = {p: {} for p in rules.fwd}
        bwd: dict[int, dict[int, list[int]]] = {p: {} for p in rules.bwd}
        for k in self.input_keys:
            p = (k >> _BITS) & _MASK
            if p in fwd:
                fwd[p].setdefault(k >> _BITS2, []).append(k & _MASK)
            if p in bwd:
                bwd[p].setdefault(k & _MASK, []).append(k >> _BITS2)

        stack: list[int] = []
        push = stack.append
        B1, B2, M = _BITS, _BITS2, _MASK

        def insert(k: int, s: int, p: int, o: int) -> None:
            facts.add(k)
            derived.append(k)
            f = fwd.get(p)
            if f is not None:
                lst = f.get(s)
                if lst is None:
                    f[s] = [o]
                else:
                    lst.append(o)
            b = bwd.get(p)
            if b is not None:
                lst = b.get(o)
                if lst is None:
                    b[o] = [s]
                else:
                    lst.append(s)

        def add(s: int, p: int, o: int) -> None:
            k = (s << B2) | (p << B1) | o
            if k in facts:
                return
            if p in schema_p or (p == type_id and o in schema_t):
                if p == same_as:
                    if s == o:
                        return  # eq-ref: dropped as trivial, and no rule here reads owl:sameAs
                    raise _same_as("owl:sameAs between distinct terms follows from the data", (s, o), schema_ids)
                found_schema.append(k)
            insert(k, s, p, o)
            push(k)

        # The closed schema's triples (enumerated individuals, scm-* inferences …) join the facts first,
        # so that a schema triple the rules derive is "found" only when the closed schema lacks it.
        closed_new = []
        for s, p, o in closed_ids:
            k = (s << B2) | (p << B1) | o
            if k not in facts:
                insert(k, s, p, o)
                closed_new.append(k)

        prop_rules = rules.props
        class_rules = rules.classes

        def process(k: int) -> None:
            s, p, o = k >> B2, (k >> B1) & M, k & M
            r = prop_rules.get(p)
            if r is not None:
                for c in r.dom:
                    add(s, type_id, c)
                for c in r.rng:
                    add(o, type_id, c)
                for q in r.sup:
                    add(s, q, o)
                for q in r.inv:
                    add(o, q, s)
                if r.symmetric:
                    add(o, p, s)
                if r.transitive:
                    for z in tuple(fwd[p].get(o, ())):
                        add(s, p, z)
                    for w in tuple(bwd[p].get(s, ())):
                        add(w, p, o)
                for chain, i, q in r.chains:
                    lefts = {s}
                    for pj in reversed(chain[:i]):
                        b = bwd[pj]
                        lefts = {u for x in lefts for u in b.get(x, ())}
                        if not lefts:
                            break
                    if not lefts:
                        continue
                    rights = {o}
                    for pj in chain[i + 1 :]:
                        f = fwd[pj]
                        rights = {u for x in rights for u in f.get(x, ())}
                        if not rights:
                            break
                    for u in lefts:
                        for v in rights:
                            add(u, q, v)
                for restriction, filler in r.svf:
                    if filler < 0 or ((o << B2) | (type_id << B1) | filler) in facts:
                        add(s, type_id, restriction)
                if r.has_value:
                    for restriction in r.has_value.get(o, ()):
                        add(s, type_id, restriction)
                for restriction, filler in r.avf:
                    if ((s << B2) | (type_id << B1) | restriction) in facts:
                        add(o, type_id, filler)
                if r.functional:
                    for y in fwd[p].get(s, ()):
                        if y != o:
                            raise _same_as(
                                "a functional property gives owl:sameAs between distinct terms", (y, o), schema_ids
                            )
                if r.inverse_functional:
                    for x in bwd[p].get(o, ()):
                        if x != s:
                            raise _same_as(
                                "an inverse functional property gives owl:sameAs between distinct terms",
                                (x, s),
                                schema_ids,
                            )
            if p == type_id:
                c = class_rules.get(o)
                if c is None:
                    return
                for d in c.sup:
                    add(s, type_id, d)
                base = (s << B2) | (type_id << B1)
                for intersection, members in c.int1:
                    for m in members:
                        if (base | m) not in facts:
                            break
                    else:
                        add(s, type_id, intersection)
                for q, restriction in c.svf:
                    for x in tuple(bwd[q].get(s, ())):
                        add(x, type_id, restriction)
                for q, filler in c.avf:
                    for y in tuple(fwd[q].get(s, ())):
                        add(y, type_id, filler)
                for q, v in c.has_value:
                    add(s, q, v)

        def drain(k: int) -> None:
            process(k)
            while stack:
                process(stack.pop())

        if rules.any:
            for k in self.input_keys:
                drain(k)
            for k in closed_new:
                drain(k)
        # dt-type2 and the datatype subsumptions owlrl adds once, for the literals of the input.
        terms = self.terms
        subsumptions = self.subsumptions
        rl = self.rl_datatypes
        for i in range(self.n_input_terms):
            term = terms[i]
            if term[0] == '"':
                dt = _literal_datatype(term)
                if dt in rl:
                    add(i, type_id, ids[dt])
                    for sup in subsumptions.get(dt, ()):
                        add(i, type_id, self.id(sup))
        for s, dt in self.explicit:
            for sup in subsumptions.get(terms[dt], ()):
                add(s, type_id, self.id(sup))
        while stack:
            process(stack.pop())

        return {(terms[k >> B2], terms[(k >> B1) & M], terms[k & M]) for k in found_schema}

    def output(self, *, record: bool = True) -> Inferred:
        terms = self.terms
        out: set[Triple] = set()
        # self.derived is in derivation order already, each triple once: recording is keeping that order.
        order: list[Triple] | None = [] if record else None
        keep = order.append if record else None
        dropped = 0
        B1, B2, M = _BITS, _BITS2, _MASK
        for k in self.derived:
            t = (terms[k >> B2], terms[(k >> B1) & M], terms[k & M])
            # owlrl removes the triples with a blank-node predicate at the end (generalised RDF).
            if t[1][0] == "_" or is_trivial_nt(*t):
                dropped += 1
            else:
                out.add(t)
                if record:
                    keep(t)
        return Inferred(out, dropped, order)


class _PropertyRules:
    __slots__ = (
        "dom",
        "rng",
        "sup",
        "inv",
        "symmetric",
        "transitive",
        "chains",
        "svf",
        "has_value",
        "avf",
        "functional",
        "inverse_functional",
    )

    def __init__(self):
        self.dom, self.rng, self.sup, self.inv = [], [], [], []
        self.symmetric = self.transitive = self.functional = self.inverse_functional = False
        self.chains, self.svf, self.avf = [], [], []
        self.has_value: dict[int, list[int]] = {}


class _ClassRules:
    __slots__ = ("sup", "int1", "svf", "avf", "has_value")

    def __init__(self):
        self.sup, self.int1, self.svf, self.avf, self.has_value = [], [], [], [], []


class _Rules(NamedTuple):
    props: dict[int, _PropertyRules]
    classes: dict[int, _ClassRules]
    fwd: set[int]  # properties whose facts are indexed subject -> objects
    bwd: set[int]  # properties whose facts are indexed object -> subjects
    any: bool


def _compile(closed: list[tuple[int, int, int]], ids: dict[str, int], terms: list[str]) -> _Rules:
    """The rules over the data that owlrl's closure of the schema, ``closed``, gives (see the module docstring)."""
    by_p: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, p, o in closed:
        by_p[p].append((s, o))

    def objects(p: str) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for s, o in by_p.get(ids[p], ()):
            out[s].append(o)
        return out

    first, rest = objects(FIRST), objects(REST)
    if any(len(x) > 1 for x in first.values()) or any(len(x) > 1 for x in rest.values()):
        # rdflib's Graph.items, which owlrl reads lists with, would take any one of them.
        raise HandOver("an rdf:List node has more than one rdf:first or rdf:rest", "owlrl")

    def items(head: int) -> list[int]:
        # rdflib's Graph.items, as owlrl reads lists.
        out, seen, node = [], {head}, head
        while True:
            f = first.get(node)
            if f:
                out.append(f[0])
            r = rest.get(node)
            if not r:
                return out
            node = r[0]
            if node in seen:
                raise HandOver("an rdf:List is cyclic", "owlrl")
            seen.add(node)

    props: dict[int, _PropertyRules] = defaultdict(_PropertyRules)
    classes: dict[int, _ClassRules] = defaultdict(_ClassRules)
    fwd: set[int] = set()
    bwd: set[int] = set()
    type_id, thing = ids[TYPE], ids[THING]

    def literal(i: int) -> bool:
        # owlrl never stores a triple whose predicate is a literal.
        return terms[i][0] == '"'

    for p, c in by_p.get(ids[DOMAIN], ()):
        props[p].dom.append(c)
    for p, c in by_p.get(ids[RANGE], ()):
        props[p].rng.append(c)
    for p1, p2 in by_p.get(ids[SPO], ()):
        if p1 != p2 and not literal(p2):
            props[p1].sup.append(p2)
    for p1, p2 in by_p.get(ids[EQP], ()):
        if p1 != p2:
            if not literal(p2):
                props[p1].sup.append(p2)
            if not literal(p1):
                props[p2].sup.append(p1)
    for p1, p2 in by_p.get(ids[INVERSE], ()):
        if not literal(p2):
            props[p1].inv.append(p2)
        if not literal(p1):
            props[p2].inv.append(p1)
    for x, c in by_p.get(type_id, ()):
        if c == ids[SYMMETRIC]:
            props[x].symmetric = True
        elif c == ids[TRANSITIVE]:
            props[x].transitive = True
            fwd.add(x)
            bwd.add(x)
        elif c == ids[FUNCTIONAL]:
            props[x].functional = True
            fwd.add(x)
        elif c == ids[INVERSE_FUNCTIONAL]:
            props[x].inverse_functional = True
            bwd.add(x)
    for q, head in by_p.get(ids[CHAIN], ()):
        chain = tuple(items(head))
        if not chain or literal(q):
            continue
        for i, pi in enumerate(chain):
            props[pi].chains.append((chain, i, q))
        fwd.update(chain)
        bwd.update(chain)
    for c1, c2 in by_p.get(ids[SCO], ()):
        if c1 != c2:
            classes[c1].sup.append(c2)
    for c1, c2 in by_p.get(ids[EQC], ()):
        if c1 != c2:
            classes[c1].sup.append(c2)
            classes[c2].sup.append(c1)
    for c, head in by_p.get(ids[INTERSECTION], ()):
        members = tuple(items(head))
        if members:
            for m in set(members):
                classes[m].int1.append((c, members))
        for m in members:
            classes[c].sup.append(m)  # cls-int2
    for c, head in by_p.get(ids[UNION], ()):
        for m in items(head):
            classes[m].sup.append(c)  # cls-uni
    on_property = objects(ON_PROPERTY)
    for r, y in by_p.get(ids[SVF], ()):
        for q in on_property.get(r, ()):
            props[q].svf.append((r, -1 if y == thing else y))
            if y != thing:
                classes[y].svf.append((q, r))
                bwd.add(q)
    for r, y in by_p.get(ids[AVF], ()):
        for q in on_property.get(r, ()):
            props[q].avf.append((r, y))
            classes[r].avf.append((q, y))
            fwd.add(q)
    for r, v in by_p.get(ids[HAS_VALUE], ()):
        for q in on_property.get(r, ()):
            props[q].has_value.setdefault(v, []).append(r)
            if not literal(q):
                classes[r].has_value.append((q, v))

    # Deduplicate, and hand over when a rule would read owl:sameAs triples (eq-ref gives one for every term).
    for pr in props.values():
        pr.dom, pr.rng, pr.sup, pr.inv = (tuple(dict.fromkeys(x)) for x in (pr.dom, pr.rng, pr.sup, pr.inv))
        pr.chains, pr.svf, pr.avf = (tuple(dict.fromkeys(x)) for x in (pr.chains, pr.svf, pr.avf))
        pr.has_value = {v: tuple(dict.fromkeys(rs)) for v, rs in pr.has_value.items()}
    for cr in classes.values():
        cr.sup = tuple(d for d in dict.fromkeys(cr.sup))
        cr.int1, cr.svf, cr.avf, cr.has_value = (
            tuple(dict.fromkeys(x)) for x in (cr.int1, cr.svf, cr.avf, cr.has_value)
        )
    same_as = ids[SAME_AS]
    read = set(props) | fwd | bwd
    if same_as in read:
        raise HandOver("a rule of the ontology reads owl:sameAs triples", "owlrl")
    return _Rules(dict(props), dict(classes), fwd, bwd, bool(props or classes))
