"""Exports load in other tools: re-parsed isomorphic by rdflib and parsed by pyoxigraph, no relative IRIs."""

import io

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import FORMATS, ntriples, serialize, write_atomic
from kg.namespaces import GRAPHS

OX_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "xml": pyoxigraph.RdfFormat.RDF_XML,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module")
def graphs(built):
    return {
        GRAPHS["asserted"]: built.asserted,
        GRAPHS["inferred"]: built.inferred,
        GRAPHS["ontology"]: built.ontology,
    }


@pytest.fixture(scope="module")
def union(graphs):
    g = Graph()
    for part in graphs.values():
        g += part
    return g


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_is_isomorphic(fmt, graphs, union):
    text = serialize(graphs, fmt)
    parser = FORMATS[fmt][0]
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=text, format=parser)
        assert {str(c.identifier) for c in ds.graphs() if len(c)} == {str(k) for k in graphs}
        back = Graph()
        for s, p, o, _ in ds.quads():
            back.add((s, p, o))
    else:
        back = Graph().parse(data=text, format=parser)
    assert isomorphic(back, union)


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_independent_parser_reads_every_format(fmt, graphs, union):
    text = serialize(graphs, fmt)
    quads = list(pyoxigraph.parse(io.BytesIO(text.encode("utf-8")), format=OX_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(union)


def test_turtle_declares_prefixes_and_has_no_relative_iris(graphs):
    text = serialize(graphs, "turtle")
    assert "@prefix kg: <https://w3id.org/ijkg/ontology#> ." in text
    assert "@prefix ent: <https://w3id.org/ijkg/id/> ." in text
    assert "@base" not in text
    for line in serialize(graphs, "ntriples").splitlines():
        for token in line.split(" "):
            if token.startswith("<"):
                assert token.startswith(("<http://", "<https://")), line


def test_ntriples_is_sorted_and_stable(built):
    text = ntriples(built.ontology)
    lines = text.splitlines()
    assert lines == sorted(lines)
    assert text == ntriples(built.ontology)


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


@pytest.fixture(scope="module")
def built_out(tmp_path_factory):
    """The seed project built into a temporary out/ folder."""
    from helpers import ROOT
    from kg.build import build
    from kg.project import find_project

    _, out = build(find_project(ROOT), tmp_path_factory.mktemp("export") / "out")
    return out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("which", ["asserted", "all"])
def test_export_of_the_built_files_is_isomorphic_stable_and_keeps_graph_names(built_out, fmt, which):
    from kg.export import export_built
    from kg.triples import parse_file

    names = ["asserted", "inferred", "ontology"] if which == "all" else ["asserted"]
    expected = Graph()
    for n in names:
        expected += parse_file(built_out / f"{n}.nt")
    data = export_built(built_out, which, fmt)
    assert data == export_built(built_out, which, fmt)  # the same build gives the same bytes
    parser = FORMATS[fmt][0]
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=data.decode("utf-8"), format=parser)
        assert {str(c.identifier) for c in ds.graphs() if len(c)} == {str(GRAPHS[n]) for n in names}
        back = Graph()
        for s, p, o, _ in ds.quads():
            back.add((s, p, o))
    else:
        back = Graph().parse(data=data.decode("utf-8"), format=parser)
    assert isomorphic(back, expected)
    quads = list(pyoxigraph.parse(io.BytesIO(data), format=OX_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(expected)
    if fmt in ("turtle", "trig"):
        assert b"@prefix kg: <https://w3id.org/ijkg/ontology#> ." in data
