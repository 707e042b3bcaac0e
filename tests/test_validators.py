"""The fast SHACL engine (the shacl package) reports exactly what pySHACL reports.

Every shape fixture already runs through both engines, their report graphs compared
(tests/test_shapes.py); here whole reports are compared: the seed graph, its closure
after reasoning, synthetic graphs with planted violations of several shapes, and the
seed with facts broken on purpose (dropped, retyped, mistyped and conflicting values).
"""

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import UsageError
from kg.load import load
from kg.namespaces import ENT, KG
from kg.project import find_project
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent


def same_reports(data: Graph, shapes: Graph, ontology: Graph) -> list:
    fast = validate(data, shapes, ontology, engine="shacl")
    reference = validate(data, shapes, ontology, engine="pyshacl")
    assert fast.conforms == reference.conforms
    assert fast.results == reference.results
    return fast.results


def test_seed_graph_and_its_closure(built, shapes, ontology):
    # The articles' data conforms with no warnings, before and after reasoning; both engines agree.
    assert same_reports(built.asserted, shapes, ontology) == []
    closure = Graph()
    closure += built.asserted
    closure += built.inferred
    assert same_reports(closure, shapes, ontology) == []


@pytest.mark.parametrize("seed", [1, 2])
def test_synthetic_graph_with_planted_violations(tmp_path, shapes, ontology, seed):
    out = tmp_path / "synth"
    script = ROOT / "benchmarks" / "synth.py"
    cmd = [sys.executable, str(script), str(out), "--triples", "8000", "--seed", str(seed), "--violations", "7"]
    subprocess.run(cmd, check=True, capture_output=True)
    ds = load(find_project(out))
    results = same_reports(ds.data, shapes, ontology)
    assert len([r for r in results if r.severity == "Violation"]) == 7


def test_seed_with_facts_broken_on_purpose(built, shapes, ontology):
    data = Graph()
    data += built.asserted
    meeting = ENT["Meeting_2023-01-10_Meloni_Kishida"]
    data.remove((meeting, KG.date, None))
    data.add((meeting, KG.date, Literal("2023-01-11", datatype=XSD.date)))  # a conflicting date
    data.add((meeting, KG.date, Literal("soon", datatype=XSD.date)))  # ill-typed
    data.add((meeting, KG.status, KG.Signed))  # not an event status
    data.add((meeting, KG.status, KG.Cancelled))  # happened and cancelled
    data.set((ENT.Giorgia_Meloni, KG.nationality, ENT.Rome))  # not a country
    for agreement in list(data.subjects(RDF.type, KG.Agreement))[:3]:
        data.remove((agreement, KG.party, None))
    data.add((URIRef(ENT.Nobody), RDF.type, KG.Meeting))  # no label, nothing else
    results = same_reports(data, shapes, ontology)
    assert len(results) >= 8


def test_unknown_engine_is_a_usage_error(built, shapes, ontology):
    with pytest.raises(UsageError, match="shacl, pyshacl"):
        validate(built.asserted, shapes, ontology, engine="other")
