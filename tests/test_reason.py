"""Reasoning: paired questions answered before and after OWL-RL, and what is kept out of the inferred graph."""

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import UsageError
from kg.load import load
from kg.namespaces import ENT, KG
from kg.project import find_project
from kg.reason import is_trivial, reason


def test_leaders_are_inferred_from_offices(asserted_graph, full_graph):
    assert set(asserted_graph.subjects(RDF.type, KG.Leader)) == set()
    leaders = set(full_graph.subjects(RDF.type, KG.Leader))
    assert {ENT.Giorgia_Meloni, ENT.Fumio_Kishida, ENT.Sanae_Takaichi, ENT.Shigeru_Ishiba} <= leaders
    # Ministers and admirals are officials, not leaders.
    assert ENT.Lorenzo_Guerini not in leaders
    assert (ENT.Lorenzo_Guerini, RDF.type, KG.Official) in full_graph


def test_location_follows_located_in_transitively(asserted_graph, full_graph):
    meeting = ENT["Meeting_2023-01-10_Meloni_Kishida"]
    assert (meeting, KG.location, ENT.Palazzo_Chigi) in asserted_graph
    assert (meeting, KG.location, ENT.Italy) not in asserted_graph
    assert (meeting, KG.location, ENT.Rome) in full_graph
    assert (meeting, KG.location, ENT.Italy) in full_graph


def test_participation_has_an_inverse(asserted_graph, full_graph):
    meeting = ENT["Meeting_2023-01-10_Meloni_Kishida"]
    assert (ENT.Fumio_Kishida, KG.participatedIn, meeting) not in asserted_graph
    assert (ENT.Fumio_Kishida, KG.participatedIn, meeting) in full_graph


def test_counterpart_is_symmetric(full_graph):
    pairs = set(full_graph.subject_objects(KG.counterpart))
    assert pairs and all((b, a) in pairs for a, b in pairs)


def test_inferred_graph_holds_no_trivial_triples(built):
    for s, p, o in built.inferred:
        assert not isinstance(s, Literal)
        assert not (p == OWL.sameAs and s == o)
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource))
        assert not str(s).startswith(("http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#"))


def test_inferred_and_asserted_are_disjoint(built):
    assert len(built.inferred & built.asserted) == 0


def test_is_trivial_table():
    x = ENT.x
    assert is_trivial(x, OWL.sameAs, x)
    assert is_trivial(Literal("a"), RDF.type, RDFS.Literal)
    assert is_trivial(x, RDF.type, OWL.Thing)
    assert is_trivial(OWL.Thing, RDF.type, OWL.Class)
    assert not is_trivial(x, RDF.type, KG.Leader)
    assert not is_trivial(x, KG.participatedIn, ENT.y)


def test_mini_project_reasoning(mini_project):
    ds = load(find_project(mini_project))
    inferred = reason(ds.data, ds.ontology).inferred
    assert (ENT.Giorgia_Meloni, RDF.type, KG.Leader) in inferred
    assert (ENT.M1, KG.location, ENT.Italy) in inferred
    assert (ENT.Fumio_Kishida, RDF.type, KG.Leader) not in inferred  # no office claimed for him here


def test_unknown_reasoner_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown reasoner"):
        reason(Graph(), Graph(), "hermit")
