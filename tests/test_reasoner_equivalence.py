"""The fast reasoner (reasonable plus the rules it lacks) infers exactly what owlrl infers.

:func:`kg.reason.reasoner_differences` takes a data graph and an ontology graph, so a
larger (synthetic) graph can be added here as one more case.
"""

import pytest
from rdflib import Graph
from rdflib.namespace import PROV, RDFS

from kg.load import find_project, load
from kg.namespaces import ENT, KG
from kg.reason import reason, reasoner_differences

PREFIXES = """
@prefix : <https://example.org/t#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def show(triples) -> list[str]:
    return sorted(" ".join(term.n3() for term in t) for t in triples)


def assert_same(data: Graph, ontology: Graph) -> None:
    diff = reasoner_differences(data, ontology)
    assert diff.reasoner == "reasonable"
    assert show(diff.missing) == [], "owlrl infers these, reasonable does not"
    assert show(diff.extra) == [], "reasonable infers these, owlrl does not"


def test_seed_graph(project):
    """The project's own data and ontology: every one of the ~4,200 OWL-RL inferences agrees."""
    ds = load(project)
    diff = reasoner_differences(ds.data, ds.ontology)
    assert diff.reasoner == "reasonable"
    assert show(diff.missing) == []
    assert show(diff.extra) == []
    # The seed needs the rules reasonable lacks and kg.reason adds:
    inferred = reason(ds.data, ds.ontology).inferred
    assert (ENT["Meeting_2023-01-10_Meloni_Kishida"], KG.location, ENT.Italy) in inferred  # prp-spo2, twice
    assert (KG.host, RDFS.domain, KG.Event) in inferred  # scm-dom2
    assert (KG.host, RDFS.subPropertyOf, PROV.wasAssociatedWith) in inferred  # scm-spo


def test_synthetic_10k_graph(tmp_path):
    """A generated project of about 10,000 triples (benchmarks/synth.py): meetings, offices that change,
    agreements, programmes, places nested in places, follow-up articles."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "synth.py"
    out = tmp_path / "synth"
    subprocess.run(
        [sys.executable, str(script), str(out), "--triples", "10000", "--seed", "7"], check=True, capture_output=True
    )
    ds = load(find_project(out))
    assert len(ds.data) > 9000
    diff = reasoner_differences(ds.data, ds.ontology)
    assert diff.reasoner == "reasonable"
    assert show(diff.missing) == []
    assert show(diff.extra) == []


def test_mini_project(mini_project):
    ds = load(find_project(mini_project))
    assert_same(ds.data, ds.ontology)


# Small ontologies, one OWL 2 RL construct each, with data that makes its rules fire.
CASES = {
    "property-chain": (
        """
        :loc owl:propertyChainAxiom ( :loc :in ) .
        :in a owl:TransitiveProperty .
        :uncle owl:propertyChainAxiom ( :parent :parent :brother ) .
        """,
        """
        :m :loc :a . :a :in :b . :b :in :c . :c :in :d .
        :x :parent :y . :y :parent :z . :z :brother :w . :z :brother :v .
        """,
    ),
    "inverse-symmetric-transitive": (
        """
        :p owl:inverseOf :q . :s a owl:SymmetricProperty . :t a owl:TransitiveProperty .
        :t rdfs:subPropertyOf :u . :u rdfs:subPropertyOf :v .
        """,
        ":a :p :b . :c :q :d . :a :s :b . :a :t :b . :b :t :c . :c :t :d .",
    ),
    "domain-range-subproperty": (
        """
        :A a owl:Class ; rdfs:subClassOf :B . :B a owl:Class ; rdfs:subClassOf :C .
        :p a owl:ObjectProperty ; rdfs:domain :A ; rdfs:range :B ; rdfs:subPropertyOf :q .
        :q a owl:ObjectProperty ; rdfs:domain :C .
        :r a owl:ObjectProperty ; rdfs:subPropertyOf :p .
        :d a owl:DatatypeProperty ; rdfs:range xsd:date .
        """,
        ':x :r :y . :y :d "2024-01-01"^^xsd:date . :y :d "2024" .',
    ),
    "some-values-from": (
        """
        [] a owl:Restriction ; owl:onProperty :held ; owl:someValuesFrom :LeaderOffice ; rdfs:subClassOf :Leader .
        :Leader rdfs:subClassOf :Person .
        :PM rdfs:subClassOf :LeaderOffice .
        """,
        ":a :held :o1 . :o1 a :PM . :b :held :o2 . :o2 a :Other .",
    ),
    "has-value": (
        """
        :Italian owl:equivalentClass [ a owl:Restriction ; owl:onProperty :country ; owl:hasValue :Italy ] .
        :country rdfs:subPropertyOf :place .
        """,
        ":a :country :Italy . :b a :Italian .",
    ),
    "all-values-from": (
        """
        :Fleet rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :ship ; owl:allValuesFrom :Ship ] .
        :Ship rdfs:subClassOf :Vessel .
        """,
        ":f a :Fleet ; :ship :s1 , :s2 .",
    ),
    "intersection-union": (
        """
        :WomanLeader owl:intersectionOf ( :Woman :Leader ) .
        :Actor owl:unionOf ( :Person :Country ) .
        """,
        ":a a :Woman , :Leader . :b a :WomanLeader . :c a :Country .",
    ),
    "one-of": (
        """
        :Status a owl:Class ; owl:oneOf ( :Happened :Planned ) .
        """,
        ":e :status :Happened .",
    ),
    "equivalence": (
        """
        :A owl:equivalentClass :B . :p owl:equivalentProperty :q .
        :f a owl:FunctionalProperty . :g a owl:InverseFunctionalProperty .
        """,
        ':x a :A . :y a :B . :x :p :y . :z :q :w . :x :f :o1 . :x :f :o2 . :o1 :name "one" . :a :g :k . :b :g :k .',
    ),
    "same-as": (
        ":p a owl:ObjectProperty .",
        ':x owl:sameAs :y . :y :p :z . :z owl:sameAs :w . :w :p :v . :x :label "x"@en .',
    ),
    "literals": (
        ":name a owl:DatatypeProperty ; rdfs:subPropertyOf :label .",
        ':x :name "plain" , "tagged"@it , "typed"^^xsd:token , "1"^^xsd:integer , "01"^^xsd:integer .',
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_construct(case):
    ontology, data = CASES[case]
    assert_same(turtle(data), turtle(ontology))


@pytest.mark.parametrize(
    "ontology, data, why",
    [
        (":Person owl:hasKey ( :email ) .", ":a a :Person ; :email :e . :b a :Person ; :email :e .", "owl:hasKey"),
        (
            '[] owl:onProperty :p ; owl:maxCardinality "1"^^xsd:nonNegativeInteger ; rdfs:subClassOf :C .',
            ":x a :C ; :p :a , :b .",
            "owl:maxCardinality",
        ),
        ("", ':x :p "s" . :y :p "s"^^xsd:string .', "plain and an xsd:string literal"),
    ],
    ids=["has-key", "max-cardinality", "string-literal-forms"],
)
def test_inputs_reasonable_cannot_reproduce_go_to_owlrl(ontology, data, why):
    diff = reasoner_differences(turtle(data), turtle(ontology))
    assert diff.reasoner.startswith("owlrl") and why in diff.reasoner
    assert diff.missing == set() and diff.extra == set()
