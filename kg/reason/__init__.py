"""OWL 2 RL reasoning, keeping what the reasoner adds apart from what was asserted.

:func:`reason` (rdflib graphs) and :func:`reason_nt` (N-Triples term strings, what
the build uses) expand the union of ontology and data with owlrl's OWL-RL semantics
and return only the new, non-trivial triples. They do not validate; the build
validates the closure afterwards.

Three reasoners compute that closure; ``tests/test_reasoner_equivalence.py`` checks
that each gives exactly the non-trivial triples owlrl gives:

``rules`` (the default)
    :mod:`kg.reason.rules`: owlrl closes the ontology's axioms, which are compiled into rules
    over the data that run to a fixpoint in pure Python over term strings encoded as
    ints. A million triples take about 8 s and 0.7 GiB (input list included). An input it cannot reproduce
    exactly (owl:sameAs between distinct terms, given or derived; owl:hasKey or max
    cardinalities; …) is handed over to ``reasonable`` (or owlrl), and the returned
    reasoner name says so.
``reasonable``
    :mod:`kg.reason.reasonable`: the Rust reasoner `reasonable <https://github.com/gtfierro/reasonable>`_ for the
    rules it implements, plus, in Python, the OWL-RL rules it lacks and that can add
    a non-trivial triple: property chains (prp-spo2), enumerations (cls-oo) and the
    schema rules (scm-*). The two are run in turn until neither adds anything. An
    input it cannot reproduce exactly (an ontology with owl:hasKey or max
    cardinalities, or a string that appears both as a plain literal and as an
    xsd:string literal) is reasoned with owlrl. It needs about 18 GiB for a million
    triples.
``owlrl``
    :mod:`kg.reason.owlrl`, the reference: owlrl's ``OWLRL_Semantics``, about twenty times slower than ``reasonable``.

The rules that one reasoner applies and another does not (eq-ref, cls-thing,
datatype typing of literals, inconsistency reports) only give triples that
:func:`is_trivial` drops.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rdflib import Graph

from kg.errors import UsageError
from kg.namespaces import bind_prefixes
from kg.reason.owlrl import closure_owlrl
from kg.reason.reasonable import closure_reasonable, unsupported
from kg.reason.rules import HandOver, infer, is_trivial_nt
from kg.triples import Triple, nt_to_term, term_to_nt, to_rdflib

#: The reasoners :func:`reason` and :func:`reason_nt` can use; the first is the default.
REASONERS = ("rules", "reasonable", "owlrl")
DEFAULT_REASONER = REASONERS[0]


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

    inferred: set[Triple]
    dropped: int
    reasoner: str
    #: The inferred triples in the order the ``rules`` reasoner derived them; None from the others.
    order: list[Triple] | None = None


@lru_cache(maxsize=1 << 16)
def _nt(term) -> str:
    return term_to_nt(term)


def is_trivial(s, p, o) -> bool:
    """True for inferred triples that carry no information a user wants (rdflib terms).

    The rules are :func:`kg.reason.rules.is_trivial_nt`'s, applied to the terms' N-Triples
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


def _closure(base: set[tuple], reasoner: str) -> tuple[set[tuple], str]:
    """The closure of ``base`` with "reasonable" or "owlrl", and the name of what ran."""
    if reasoner == "reasonable":
        why = unsupported(base)
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


def reason_nt(triples: Iterable[Triple], reasoner: str = DEFAULT_REASONER, *, record: bool = True) -> ReasonedNT:
    """:func:`reason` for ontology and data together as N-Triples term strings (``str()`` of pyoxigraph terms).

    With ``"rules"`` no rdflib object is built for the data (unless the input is handed
    over); ``"reasonable"`` and ``"owlrl"`` reason over an rdflib graph of the input
    (typed literals kept as written, ``"lex"`` a plain literal) and convert back.
    ``record`` (the default, what ``kg build`` uses) has the ``rules`` reasoner keep the
    order of its derivations in :attr:`ReasonedNT.order`; the others never record one.
    """
    _check(reasoner)
    rules_why = None
    if reasoner == "rules":
        if not isinstance(triples, list | tuple | set | frozenset):
            triples = list(triples)
        try:
            result = infer(triples, record=record)
        except HandOver as err:
            rules_why = err
            reasoner = err.to
        else:
            return ReasonedNT(result.inferred, result.dropped, "rules", result.order)
    base, back = to_rdflib(triples)
    closure, used = _closure(base, reasoner)
    inferred: set[Triple] = set()
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
