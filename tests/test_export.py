"""Exports load in other tools: re-parsed isomorphic by rdflib and parsed by pyoxigraph, no relative IRIs."""

import io
import re
from typing import NamedTuple

import pyoxigraph
import pytest
from rdflib import Dataset, Graph

from helpers import canonical_lines
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


@pytest.fixture(scope="module")
def union_lines(union):
    """The union's canonical N-Triples lines: what an isomorphic re-parse must give."""
    return canonical_lines(union)


@pytest.fixture(scope="module")
def serialized(graphs):
    """serialize(graphs, fmt), computed once per format for the tests of this module."""
    texts = {}

    def get(fmt):
        if fmt not in texts:
            texts[fmt] = serialize(graphs, fmt)
        return texts[fmt]

    return get


class Read(NamedTuple):
    """An export's bytes and what rdflib reads from them."""

    data: bytes
    graph_names: set | None  #: the non-empty named graphs, for TriG and N-Quads
    count: int  #: statements: triples, or quads for TriG and N-Quads
    lines: list  #: the canonical lines of the triples (of every graph)


_reads: dict = {}


def rdflib_read(data: bytes, fmt: str) -> Read:
    """What rdflib reads from the bytes ``data`` in ``fmt``, parsed once per module for equal bytes: the in-memory
    export (:func:`serialize`) and the export of the built files give the same bytes in JSON-LD, N-Triples and
    N-Quads, and the tests of both check what rdflib reads from them."""
    import hashlib

    key = fmt, hashlib.sha256(data).hexdigest()
    if key not in _reads:
        parser = FORMATS[fmt][0]
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(data=data.decode("utf-8"), format=parser)
            names = {str(c.identifier) for c in ds.graphs() if len(c)}
            back, count = Graph(), 0
            for s, p, o, _ in ds.quads():
                back.add((s, p, o))
                count += 1
        else:
            back = Graph().parse(data=data.decode("utf-8"), format=parser)
            names, count = None, len(back)
        _reads[key] = Read(data, names, count, canonical_lines(back))
    return _reads[key]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_is_isomorphic(fmt, serialized, graphs, union_lines):
    read = rdflib_read(serialized(fmt).encode("utf-8"), fmt)
    if fmt in ("trig", "nquads"):
        assert read.graph_names == {str(k) for k in graphs}
    assert read.lines == union_lines  # isomorphic


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_independent_parser_reads_every_format(fmt, serialized, union):
    text = serialized(fmt)
    quads = list(pyoxigraph.parse(io.BytesIO(text.encode("utf-8")), format=OX_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(union)


def test_turtle_declares_prefixes_and_has_no_relative_iris(serialized):
    text = serialized("turtle")
    assert "@prefix kg: <https://w3id.org/ijkg/ontology#> ." in text
    assert "@prefix ent: <https://w3id.org/ijkg/id/> ." in text
    assert "@base" not in text
    for line in serialized("ntriples").splitlines():
        for token in line.split(" "):
            if token.startswith("<"):
                assert token.startswith(("<http://", "<https://")), line


def test_ntriples_is_sorted_and_stable(built):
    text = ntriples(built.ontology)
    lines = text.splitlines()
    assert lines == sorted(lines)
    assert text == ntriples(built.ontology)


def test_canonical_labels_are_remembered_for_isomorphic_graphs_only(project):
    """Two parses of the shapes (fresh blank nodes each) get the same labels, the second from the cache;
    graphs that differ only in a term pyoxigraph would normalise are not confused."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.compare import isomorphic
    from rdflib.namespace import XSD

    from kg import export
    from kg.triples import parse_file

    first, second = parse_file(project.shapes_file), parse_file(project.shapes_file)
    assert ntriples(first) == ntriples(second)
    assert export._isomorphism_key(first) in export._canonical_cache
    assert isomorphic(export.canonical(second), first)
    for obj in (Literal("x", datatype=XSD.string), Literal("x"), Literal("x", lang="EN"), Literal("x", lang="en")):
        g = Graph()
        g.add((BNode(), URIRef("https://e.org/p"), obj))
        assert set(export.canonical(g).objects()) == {obj}


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


@pytest.fixture(scope="module")
def built_out(build_dir):
    """The session's build of the seed project (a temporary out/ folder); the tests here only read it."""
    return build_dir


@pytest.fixture(scope="module")
def expected_lines(built_out):
    """For "asserted" and "all": the canonical lines of the graph rdflib reads from the build's N-Triples files."""
    from kg.triples import parse_file

    lines = {}
    for which, names in (("asserted", ["asserted"]), ("all", ["asserted", "inferred", "ontology"])):
        expected = Graph()
        for n in names:
            expected += parse_file(built_out / f"{n}.nt")
        lines[which] = canonical_lines(expected)
    return lines


@pytest.fixture(scope="module")
def read_export(built_out):
    """export_built(built_out, which, fmt, profile), read by rdflib once for every test that asks for it."""
    from kg.export import export_built

    done = {}

    def get(which, fmt, profile="plain"):
        key = which, fmt, profile
        if key not in done:
            done[key] = rdflib_read(export_built(built_out, which, fmt, profile), fmt)
        return done[key]

    return get


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("which", ["asserted", "all"])
def test_export_of_the_built_files_is_isomorphic_stable_and_keeps_graph_names(
    built_out, expected_lines, read_export, fmt, which
):
    from kg.export import export_built

    names = ["asserted", "inferred", "ontology"] if which == "all" else ["asserted"]
    expected = expected_lines[which]
    read = read_export(which, fmt)
    data = read.data
    assert data == export_built(built_out, which, fmt)  # the same build gives the same bytes
    if fmt in ("trig", "nquads"):
        assert read.graph_names == {str(GRAPHS[n]) for n in names}
    assert read.lines == expected  # isomorphic
    quads = list(pyoxigraph.parse(io.BytesIO(data), format=OX_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(expected)
    if fmt in ("turtle", "trig"):
        assert b"@prefix kg: <https://w3id.org/ijkg/ontology#> ." in data


# Outside parsers: Raptor's rapper (raptor2-utils) and Serd's serdi (serdi), the command-line RDF tools of Debian.
# Each counts the statements of every export it reads; the count must be rdflib's for the same bytes.

#: The kg export formats each tool reads, with the tool's name for the syntax (neither reads JSON-LD; serdi no RDF/XML).
TOOL_SYNTAX = {
    "rapper": {"turtle": "turtle", "ntriples": "ntriples", "trig": "trig", "nquads": "nquads", "xml": "rdfxml"},
    "serdi": {"turtle": "turtle", "ntriples": "ntriples", "trig": "trig", "nquads": "nquads"},
}
TOOL_PACKAGE = {"rapper": "raptor2-utils", "serdi": "serdi"}


def tool(name: str) -> str:
    import shutil

    found = shutil.which(name)
    if found is None:
        pytest.skip(
            f"{name} is not installed (needs Debian's {TOOL_PACKAGE[name]}: "
            f"apt-get install -y {TOOL_PACKAGE[name]}, which 'make test' runs)"
        )
    return found


def tool_count(name: str, path, syntax: str) -> int:
    """The number of statements (triples, or quads in TriG and N-Quads) the tool reads from ``path``, strictly."""
    import subprocess

    if name == "rapper":
        cmd = [tool(name), "--count", "--input", syntax, str(path)]  # it prints the count to stderr
    else:  # serdi writes what it read, one statement a line; -q: errors only
        cmd = [
            tool(name),
            "-q",
            "-i",
            syntax,
            "-o",
            "nquads" if syntax in ("trig", "nquads") else "ntriples",
            str(path),
        ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{name} refused {path.name}: {done.stderr[-500:]}"
    assert not re.search(r"error|warning", done.stderr, flags=re.I), done.stderr[-500:]
    if name == "rapper":
        return int(re.search(r"returned (\d+) (?:triples|statements)", done.stderr).group(1))
    return sum(1 for line in done.stdout.splitlines() if line.strip())


@pytest.mark.parametrize("profile", ["plain", "owl"])
@pytest.mark.parametrize(
    ("name", "fmt"), [(name, fmt) for name, syntaxes in sorted(TOOL_SYNTAX.items()) for fmt in sorted(syntaxes)]
)
def test_rapper_and_serdi_read_every_export_they_know_with_rdflibs_count(read_export, tmp_path, name, fmt, profile):
    read = read_export("all", fmt, profile)
    data, expected = read.data, read.count
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(data)
    assert expected > 20000
    assert tool_count(name, path, TOOL_SYNTAX[name][fmt]) == expected


@pytest.mark.parametrize("name", sorted(TOOL_SYNTAX))
@pytest.mark.parametrize("fmt", ["turtle", "trig", "ntriples", "nquads"])
def test_rapper_and_serdi_do_not_read_rdf12_triple_terms(built_out, tmp_path, name, fmt):
    """raptor2 2.0 and serd 0.30 know RDF 1.1 only: they stop at the first <<( s p o )>>, exit 1 (docs/exports.md)."""
    import subprocess

    from kg.export import export_built

    path = tmp_path / f"rdf12.{fmt}"
    path.write_bytes(export_built(built_out, "all", fmt, "rdf12"))
    assert b"<<( " in path.read_bytes()
    binary, syntax = tool(name), TOOL_SYNTAX[name][fmt]
    cmd = (
        [binary, "--quiet", "--count", "--input", syntax, str(path)]
        if name == "rapper"
        else [binary, "-i", syntax, str(path)]
    )
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip(), "the tool says why"


def test_rdflib_does_not_read_rdf12_triple_terms(built_out):
    """rdflib 7 reads RDF 1.1 only: the rdf12 export is for Oxigraph, Jena 5 and RDF4J 6 (docs/exports.md)."""
    from rdflib.plugins.parsers.notation3 import BadSyntax

    from kg.export import export_built

    data = export_built(built_out, "asserted", "turtle", "rdf12")
    with pytest.raises(BadSyntax):
        Graph().parse(data=data.decode("utf-8"), format="turtle")
