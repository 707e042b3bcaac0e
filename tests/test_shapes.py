"""Every shape with a valid fixture and invalid ones that trip the exact focus node and constraint.

Fixtures live in tests/shapes/, named after the shape they exercise. Each invalid
file says in its header what it must trip:
``# expect: focus=ent:E shape=EventShape constraint=InConstraintComponent path=kg:status``.
"""

import re
from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import ENGINES, validate

SHAPES_DIR = Path(__file__).parent / "shapes"
EXPECT = re.compile(r"^# expect: (.*)$", re.MULTILINE)


def _fixtures(kind):
    return sorted(SHAPES_DIR.glob(f"*-{kind}*.ttl"))


_data: dict = {}
_reports: dict = {}


def _results(path, shapes, ontology, engine):
    """The report of ``engine`` on the fixture, computed once per engine; both engines read the same parse."""
    if path not in _data:
        _data[path] = Graph().parse(path)
    if (path, engine) not in _reports:
        _reports[path, engine] = validate(_data[path], shapes, ontology, engine=engine)
    return _reports[path, engine]


def test_every_node_shape_has_valid_and_invalid_fixtures(shapes):
    from rdflib.namespace import RDF, SH

    names = {str(s).split("#", 1)[1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    valid = {p.name.split("-valid")[0] for p in _fixtures("valid")}
    invalid = {p.name.split("-invalid")[0] for p in _fixtures("invalid")}
    assert names == valid == invalid


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", _fixtures("valid"), ids=lambda p: p.stem)
def test_valid_fixture_has_no_results(path, shapes, ontology, engine):
    report = _results(path, shapes, ontology, engine)
    assert report.results == [], report.render("text")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", _fixtures("invalid"), ids=lambda p: p.stem)
def test_invalid_fixture_trips_exactly_the_expected_constraint(path, shapes, ontology, engine):
    expected = dict(item.split("=", 1) for item in EXPECT.search(path.read_text()).group(1).split())
    report = _results(path, shapes, ontology, engine)
    got = {(r.focus, r.shape.split("/")[0], r.constraint, r.path) for r in report.results}
    want = {(expected["focus"], "kgsh:" + expected["shape"], expected["constraint"], expected.get("path"))}
    assert got == want, report.render("text")
    assert all(r.message for r in report.results)


@pytest.mark.parametrize("path", _fixtures("invalid"), ids=lambda p: p.stem)
def test_report_graphs_are_isomorphic(path, shapes, ontology):
    """validation.ttl and 'kg validate --format turtle' say the same whichever engine ran."""
    from rdflib.compare import isomorphic

    fast = _results(path, shapes, ontology, "shacl").graph
    reference = _results(path, shapes, ontology, "pyshacl").graph
    assert isomorphic(fast, reference)
