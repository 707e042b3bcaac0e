"""Loading: parse errors name the file and line; claims become stable IRIs and asserted facts."""

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from helpers import MINI_DATA, PREFIXES
from kg.errors import EvidenceError, LoadError
from kg.load import load
from kg.namespaces import ENT, KG
from kg.project import find_project
from kg.triples import parse_file


def test_malformed_turtle_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(PREFIXES + "\nent:a kg:participant ent:b\nent:c kg:participant ent:d .\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        parse_file(bad)
    assert "bad.ttl: line 11:" in str(err.value)
    assert "expected '.'" in str(err.value)


def test_unknown_prefix_names_the_prefix_and_the_fix(tmp_path):
    bad = tmp_path / "prefix.ttl"
    bad.write_text("schema:x schema:y schema:z .\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        parse_file(bad)
    message = str(err.value)
    assert "prefix.ttl: line 1:" in message
    assert 'Prefix "schema:" not bound' in message
    assert "@prefix schema:" in message


def test_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(LoadError, match=r"nothere\.ttl: no such file"):
        parse_file(tmp_path / "nothere.ttl")


def test_unknown_file_ending_lists_the_known_ones(tmp_path):
    f = tmp_path / "data.csv"
    f.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"unknown RDF file ending '\.csv'.*\.ttl"):
        parse_file(f)


def test_no_project_here_names_the_folder(tmp_path):
    with pytest.raises(LoadError, match="no project here"):
        find_project(tmp_path)


def test_claims_are_asserted_typed_and_named_stably(mini_project):
    first = load(find_project(mini_project))
    second = load(find_project(mini_project))
    g = first.data
    assert (ENT.M1, KG.participant, ENT.Giorgia_Meloni) in g
    claims = set(g.subjects(RDF.type, KG.Claim))
    assert len(claims) == 8
    assert all(isinstance(c, URIRef) and str(c).startswith("https://w3id.org/ijkg/claim/") for c in claims)
    assert claims == set(second.data.subjects(RDF.type, KG.Claim))


def test_incomplete_claim_is_refused_with_file_and_evidence(tmp_path):
    from helpers import make_project

    data = MINI_DATA.replace(
        "[ rdf:subject ent:M1 ; rdf:predicate kg:status ; rdf:object kg:Happened ]",
        "[ rdf:subject ent:M1 ; rdf:predicate kg:status ]",
    )
    root = make_project(tmp_path, {"mini.ttl": data})
    with pytest.raises(EvidenceError, match=r"mini\.ttl: evidence evd:900-01 has a claim without rdf:object"):
        load(find_project(root))
