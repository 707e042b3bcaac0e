"""Term-string triples: the fast parser agrees with rdflib, and terms convert both ways exactly."""

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from helpers import PREFIXES, canonical_lines
from kg.errors import LoadError
from kg.triples import from_graph, nt_to_term, ntriples_text, parse_file, parse_triples, to_graph


def test_every_project_file_parses_to_the_graph_rdflib_reads(project):
    for path in [project.ontology_file, project.shapes_file, *project.data_files()]:
        fast = to_graph(parse_triples(path))
        assert canonical_lines(fast) == canonical_lines(parse_file(path)), path.name  # isomorphic


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/ijkg/id/Giorgia_Meloni"),
        Literal("plain"),
        Literal('two\nlines with "quotes" and a \\ backslash\ttab'),
        Literal("Roma", lang="it"),
        Literal("2023-01-10", datatype=XSD.date),
        Literal("5", datatype=XSD.integer),
        Literal("控え目な"),
        Literal("é \u0007 bell"),
    ],
    ids=repr,
)
def test_terms_round_trip_through_their_ntriples_form(term):
    g = Graph()
    g.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), term))
    (triple,) = from_graph(g)
    assert nt_to_term(triple[2]) == term
    assert to_graph([triple]).value(URIRef("https://example.org/s"), URIRef("https://example.org/p")) == term


def test_blank_nodes_of_two_files_stay_apart(tmp_path):
    for name in ("a.ttl", "b.ttl"):
        (tmp_path / name).write_text(PREFIXES + '_:x kg:note "same label" .\n', encoding="utf-8")
    triples = parse_triples(tmp_path / "a.ttl") + parse_triples(tmp_path / "b.ttl")
    assert len({s for s, _, _ in triples}) == 2
    assert all(isinstance(nt_to_term(s), BNode) for s, _, _ in triples)


def test_syntax_error_names_file_and_line_as_rdflib_words_it(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(PREFIXES + "\nent:a kg:participant ent:b\nent:c kg:participant ent:d .\n", encoding="utf-8")
    with pytest.raises(LoadError) as fast:
        parse_triples(bad)
    with pytest.raises(LoadError) as slow:
        parse_file(bad)
    assert str(fast.value) == str(slow.value)
    assert "bad.ttl: line 11:" in str(fast.value)


def test_missing_file_and_unknown_ending_get_one_clear_error(tmp_path):
    with pytest.raises(LoadError, match=r"nothere\.ttl: no such file"):
        parse_triples(tmp_path / "nothere.ttl")
    (tmp_path / "x.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"unknown RDF file ending '\.csv'"):
        parse_triples(tmp_path / "x.csv")


def test_ntriples_text_is_sorted_once_each_and_parses_back():
    triples = [
        ("<https://e.org/b>", "<https://e.org/p>", '"x"'),
        ("<https://e.org/a>", "<https://e.org/p>", "<https://e.org/b>"),
        ("<https://e.org/b>", "<https://e.org/p>", '"x"'),
    ]
    text = ntriples_text(triples)
    assert text.splitlines() == sorted(set(text.splitlines()))
    assert len(text.splitlines()) == 2
    assert len(to_graph(text)) == 2
    assert ntriples_text([]) == ""
