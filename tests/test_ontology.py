"""Ontology hygiene: one versioned ontology, every term labelled and explained, the core names fixed."""

import pyoxigraph
import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from kg.namespaces import KG

CORE_CLASSES = ["Country", "Leader", "Agreement", "DefenceProgramme", "Meeting"]


def test_exactly_one_versioned_ontology_with_licence_and_description(ontology):
    onts = list(ontology.subjects(RDF.type, OWL.Ontology))
    assert len(onts) == 1
    rows = list(
        ontology.query(
            """SELECT ?v ?lic ?desc WHERE {
                 ?o a owl:Ontology ; owl:versionIRI ?v ; dcterms:license ?lic ; dcterms:description ?desc }""",
            initNs={"owl": OWL, "dcterms": URIRef("http://purl.org/dc/terms/")},
        )
    )
    assert len(rows) == 1


@pytest.mark.parametrize("name", CORE_CLASSES)
def test_core_class_names_are_fixed(ontology, name):
    assert (KG[name], RDF.type, OWL.Class) in ontology


def test_every_class_and_property_has_label_and_comment(ontology):
    missing = ontology.query(
        """SELECT ?term WHERE {
             VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
             ?term a ?kind .
             FILTER(isIRI(?term) && STRSTARTS(STR(?term), STR(kg:)))
             FILTER NOT EXISTS { ?term rdfs:label ?l . ?term rdfs:comment ?c . }
           }""",
        initNs={"kg": KG},
    )
    assert [str(r.term) for r in missing] == []


def test_every_kg_term_used_in_the_ontology_is_declared(ontology):
    declared = set(ontology.subjects(RDF.type, None))
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert sorted(str(t) for t in used - declared) == []


def test_status_values_are_closed_lists(ontology):
    from rdflib.collection import Collection

    values = Collection(ontology, ontology.value(KG.EventStatus, OWL.oneOf))
    assert set(values) == {KG.Happened, KG.Ongoing, KG.Planned, KG.Possible, KG.Rescheduled, KG.Cancelled}
    values = Collection(ontology, ontology.value(KG.AgreementStatus, OWL.oneOf))
    assert set(values) == {KG.Possible, KG.Discussed, KG.Proposed, KG.Agreed, KG.Signed, KG.InForce, KG.Ended}


@pytest.mark.parametrize(
    "cls, path",
    [
        ("EventStatus", "status"),
        ("AgreementStatus", "agreementStatus"),
        ("StatementKind", "statementKind"),
        ("TimePrecision", "precision"),
    ],
)
def test_shapes_allow_exactly_the_enumerated_values(ontology, shapes, cls, path):
    """Every sh:in list on a property equals the ontology's owl:oneOf for the property's range."""
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    enumerated = set(Collection(ontology, ontology.value(KG[cls], OWL.oneOf)))
    lists = [
        set(Collection(shapes, lst))
        for ps in shapes.subjects(SH.path, KG[path])
        for lst in shapes.objects(ps, SH["in"])
    ]
    assert lists, f"no sh:in list on kg:{path}"
    for allowed in lists:
        assert allowed == enumerated


def test_core_kinds_are_pairwise_disjoint(ontology):
    from rdflib.collection import Collection

    members = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= set(Collection(ontology, ontology.value(axiom, OWL.members)))
    for name in ("Person", "Organisation", "Place", "Event", "Agreement", "Document", "Statement"):
        assert KG[name] in members


def test_leader_is_defined_by_holding_a_leader_office(ontology):
    rows = list(
        ontology.query(
            """SELECT ?r WHERE { ?r owl:onProperty kg:heldOffice ; owl:someValuesFrom kg:LeaderOffice ;
                                  rdfs:subClassOf kg:Leader }""",
            initNs={"kg": KG},
        )
    )
    assert len(rows) == 1


def test_ontology_parses_with_an_independent_parser(project):
    store = pyoxigraph.Store()
    store.load(path=str(project.ontology_file), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 300
