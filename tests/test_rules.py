"""The string-level pieces of the rules reasoner: triviality, N-Triples terms, reason_nt."""

import itertools

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import UsageError
from kg.reason import DEFAULT_REASONER, REASONERS, is_trivial, reason_nt
from kg.reason.rules import HandOver, infer, is_trivial_nt
from kg.triples import nt_to_term, term_to_nt

EX = "https://example.org/t#"


def iri(local: str) -> str:
    return f"<{EX}{local}>"


def legacy_is_trivial(s, p, o) -> bool:
    """kg.reason.is_trivial as it was written for rdflib terms before the rules reasoner (the reference)."""
    builtin = (str(RDF), str(RDFS), str(OWL), str(XSD))
    if isinstance(s, Literal):
        return True
    if p in {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs} and s == o:
        return True
    if p == RDF.type and (
        o in {OWL.Thing, RDFS.Resource, OWL.NamedIndividual} or o == RDFS.Datatype or isinstance(o, BNode)
    ):
        return True
    if isinstance(s, URIRef) and str(s).startswith(builtin):
        return True
    if isinstance(s, BNode):
        return True
    if isinstance(o, URIRef) and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass):
        if str(o).startswith(builtin):
            return True
    if (
        p == RDF.type
        and isinstance(o, URIRef)
        and str(o).startswith(builtin)
        and o not in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Statement)
    ):
        return True
    if isinstance(o, Literal) and o.datatype is not None and p == RDF.type:
        return True
    return False


TERMS = [
    URIRef(EX + "x"),
    URIRef(EX + "C"),
    BNode("b1"),
    OWL.Thing,
    OWL.Class,
    OWL.ObjectProperty,
    OWL.Restriction,
    OWL.NamedIndividual,
    RDFS.Resource,
    RDFS.Datatype,
    RDFS.Literal,
    RDF.Property,
    RDF.Statement,
    XSD.integer,
    Literal("plain"),
    Literal("tagged", lang="en"),
    Literal("5", datatype=XSD.integer),
    Literal("s", datatype=XSD.string),
]
PREDICATES = [
    RDF.type,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    OWL.equivalentClass,
    OWL.equivalentProperty,
    OWL.sameAs,
    RDFS.domain,
    RDFS.label,
    URIRef(EX + "p"),
]


def test_is_trivial_is_one_definition_for_rdflib_terms_and_strings():
    checked = 0
    for s, p, o in itertools.product(TERMS, PREDICATES, TERMS):
        expected = legacy_is_trivial(s, p, o)
        assert is_trivial(s, p, o) == expected, (s, p, o)
        assert is_trivial_nt(term_to_nt(s), term_to_nt(p), term_to_nt(o)) == expected, (s, p, o)
        checked += 1
    assert checked == len(TERMS) ** 2 * len(PREDICATES)


def test_is_trivial_nt_table():
    x, c = iri("x"), iri("C")
    t = f"<{RDF}type>"
    assert is_trivial_nt(x, f"<{OWL}sameAs>", x)
    assert is_trivial_nt('"a"', t, f"<{RDFS}Literal>")
    assert is_trivial_nt(x, t, f"<{OWL}Thing>")
    assert is_trivial_nt("_:b", t, c)
    assert is_trivial_nt(x, t, f'"5"^^<{XSD}integer>')
    assert not is_trivial_nt(x, t, c)
    assert not is_trivial_nt(x, t, f"<{RDF}Statement>")
    assert not is_trivial_nt(x, iri("p"), '"5"')


LITERALS = [
    Literal("plain"),
    Literal('quote " and backslash \\ and tab \t'),
    Literal("two\nlines\r\nand more"),
    Literal("unicode é 日本 \U0001f600 and control \x01"),
    Literal("tagged", lang="en"),
    Literal("tagged", lang="en-GB"),
    Literal("5", datatype=XSD.integer),
    Literal("01", datatype=XSD.integer, normalize=False),
    Literal("2024-01-01", datatype=XSD.date),
    Literal("s", datatype=XSD.string),
    Literal("custom", datatype=URIRef("https://example.org/dt")),
]


@pytest.mark.parametrize("term", LITERALS + [URIRef(EX + "x"), BNode("b1")], ids=repr)
def test_ntriples_round_trip(term):
    text = term_to_nt(term)
    back = nt_to_term(text)
    if isinstance(term, Literal) and term.language:
        assert back == Literal(str(term), lang=term.language.lower())  # pyoxigraph lower-cases tags
    else:
        assert back == term and type(back) is type(term)
    # The string is what pyoxigraph writes for the term (xsd:string aside: see term_to_nt).
    plain = term_to_nt(term, xsd_string=False)
    parsed = next(iter(ox.parse(input=f"<{EX}s> <{EX}p> {plain} .\n", format=ox.RdfFormat.N_TRIPLES)))
    if isinstance(term, BNode):
        assert plain == "_:b1"
    else:
        assert str(parsed.object) == plain
    if isinstance(term, Literal) and term.datatype == XSD.string:
        assert text == f'"s"^^<{XSD}string>' and plain == '"s"'


def test_rdflib_literals_are_not_normalised():
    assert str(nt_to_term(f'"01"^^<{XSD}integer>')) == "01"
    assert nt_to_term('"s"') == Literal("s") and nt_to_term('"s"').datatype is None


def triples(text: str) -> list[tuple[str, str, str]]:
    prefixes = (
        f"@prefix : <{EX}> . @prefix owl: <{OWL}> . @prefix rdfs: <{RDFS}> . @prefix rdf: <{RDF}> . "
        f"@prefix xsd: <{XSD}> .\n"
    )
    return [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(input=prefixes + text, format=ox.RdfFormat.TURTLE)
    ]


TINY = """
:Leader rdfs:subClassOf :Person . :held rdfs:domain :Person ; rdfs:range :Office .
:in a owl:TransitiveProperty . :counterpart a owl:SymmetricProperty .
:meloni a :Leader ; :held :pm ; :counterpart :kishida ; :note "two\\nlines" , "01"^^xsd:integer .
:rome :in :italy . :italy :in :europe .
"""
TINY_EXPECTED = {
    (iri("meloni"), f"<{RDF}type>", iri("Person")),
    (iri("pm"), f"<{RDF}type>", iri("Office")),
    (iri("kishida"), iri("counterpart"), iri("meloni")),
    (iri("rome"), iri("in"), iri("europe")),
}


@pytest.mark.parametrize("reasoner", REASONERS)
def test_reason_nt_on_a_tiny_graph(reasoner):
    result = reason_nt(triples(TINY), reasoner)
    assert result.reasoner == reasoner
    assert result.inferred == TINY_EXPECTED
    assert result.dropped > 0  # at least '"01"^^xsd:integer a xsd:integer', a trivial triple


def test_reason_nt_keeps_literals_as_written():
    """Multi-line strings, language tags and non-canonical numbers come back as the same strings."""
    data = triples(':p rdfs:subPropertyOf :q . :x :p "a\\nb" , "c"@en-GB , "01"^^xsd:integer , "d" , "e"^^xsd:string .')
    literals = {o for _, p, o in data if p == iri("p")}
    assert literals == {'"a\\nb"', '"c"@en-gb', f'"01"^^<{XSD}integer>', '"d"', '"e"'}
    for reasoner in REASONERS:
        result = reason_nt(data, reasoner)
        assert result.inferred == {(iri("x"), iri("q"), o) for o in literals}, reasoner


def test_reason_nt_hands_over_and_says_so():
    data = triples(":x owl:sameAs :y . :y :p :z .")
    result = reason_nt(data)
    assert result.reasoner == "reasonable (rules cannot: the input states owl:sameAs between distinct terms)"
    assert (iri("x"), iri("p"), iri("z")) in result.inferred
    assert result.inferred == reason_nt(data, "owlrl").inferred
    with pytest.raises(HandOver):
        infer(data)


def test_reason_nt_accepts_an_iterator():
    assert reason_nt(iter(triples(TINY))).inferred == TINY_EXPECTED


def test_reasoners():
    assert REASONERS == ("rules", "reasonable", "owlrl")
    assert DEFAULT_REASONER == "rules"
    with pytest.raises(UsageError, match="unknown reasoner"):
        reason_nt([], "hermit")
    assert reason_nt([]).inferred == set()


def test_recording_the_derivation_order_can_be_switched_off():
    recorded = reason_nt(triples(TINY))
    assert sorted(recorded.order) == sorted(recorded.inferred)  # every kept triple once, in derivation order
    plain = reason_nt(triples(TINY), record=False)
    assert plain.order is None
    assert plain.inferred == recorded.inferred and plain.dropped == recorded.dropped
    assert infer(triples(TINY), record=False).order is None


def test_owlrl_closure_is_kept_for_the_same_schema_parsed_again(project):
    """Two parses of the ontology name their blank nodes differently; the second gets the closure owlrl gave
    the first, in its own names, and that is what owlrl gives it."""
    from kg.reason import rules
    from kg.triples import from_graph, parse_file

    first, second = (from_graph(parse_file(project.ontology_file)) for _ in range(2))
    assert set(first) != set(second)  # the blank nodes are named anew
    relabelled, back = rules._relabel_blank_nodes(first)
    assert len(back) == len({x for t in first for x in t if x.startswith("_:")})  # one to one
    assert {tuple(back.get(x, x) for x in t) for t in relabelled} == set(first)
    assert set(relabelled) == set(rules._relabel_blank_nodes(second)[0])
    rules._CLOSURES.clear()
    closed_first = rules.owlrl_closure(first)
    assert len(rules._CLOSURES) == 1
    kept = rules.owlrl_closure(second)
    assert len(rules._CLOSURES) == 1  # no second owlrl run
    rules._CLOSURES.clear()
    assert kept == rules.owlrl_closure(second)
    assert len(kept) == len(closed_first) and set(second) <= kept


def test_relabelling_is_one_to_one_for_blank_nodes_it_cannot_tell_apart():
    from kg.reason import rules

    triples = [("_:a", iri("p"), iri("x")), ("_:b", iri("p"), iri("x")), ("_:a", iri("q"), "_:b")]
    swapped = [("_:b", iri("p"), iri("x")), ("_:a", iri("p"), iri("x")), ("_:b", iri("q"), "_:a")]
    for given in (triples, swapped):
        relabelled, back = rules._relabel_blank_nodes(given)
        assert len(set(relabelled)) == 3 and len(back) == 2
        assert [tuple(back.get(x, x) for x in t) for t in relabelled] == given
    twins = [("_:a", iri("p"), iri("x")), ("_:b", iri("p"), iri("x"))]
    relabelled, back = rules._relabel_blank_nodes(twins)
    assert len({t[0] for t in relabelled}) == 2  # indistinguishable, still two names
