"""The synthetic project generator (benchmarks/synth.py) makes projects that build, and plants exactly what it says."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.evidence import check_evidence
from kg.load import load
from kg.namespaces import KG, PREFIXES
from kg.project import find_project

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT / "benchmarks" / "synth.py"


def _synth_module():
    spec = importlib.util.spec_from_file_location("synth", SYNTH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _synth_module()


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)


def expand(name: str) -> str:
    prefix, rest = name.split(":", 1)
    return str(PREFIXES[prefix]) + rest


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "p"
    synth.generate(out, 2000, seed=7)
    return out


def test_cli_writes_a_project_and_prints_its_size(tmp_path):
    out = tmp_path / "p"
    done = subprocess.run(
        [sys.executable, str(SYNTH), str(out), "--triples", "1500", "--seed", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "planted.json").read_text(encoding="utf-8"))
    assert f"{manifest['asserted_triples']} asserted triples" in done.stdout
    assert (out / "ontology" / "kg.ttl").read_bytes() == (ROOT / "ontology" / "kg.ttl").read_bytes()
    assert (out / "ontology" / "shapes.ttl").read_bytes() == (ROOT / "ontology" / "shapes.ttl").read_bytes()
    assert manifest["violations"] == []


def test_small_project_builds_with_no_violations_or_warnings(small):
    done = kg("build", "--root", str(small))
    assert done.returncode == 0, done.stderr
    built = json.loads((small / "out" / "build.json").read_text(encoding="utf-8"))
    assert built["validation"] == {"conforms": True, "violations": 0, "warnings": 0}
    manifest = json.loads((small / "planted.json").read_text(encoding="utf-8"))
    # The count the generator prints is the loader's count, exactly.
    assert built["triples"]["asserted"] == manifest["asserted_triples"]
    assert 1800 <= manifest["asserted_triples"] <= 2300
    # The reasoner has something to do: leaders, officials, participation, locations along locatedIn.
    assert built["classes"]["Leader"]["with_reasoning"] > 0
    assert built["classes"]["Official"]["with_reasoning"] > 0
    assert built["triples"]["inferred"] > 0


def test_every_quote_is_verbatim_in_its_article(small):
    g = Graph()
    for f in sorted((small / "data").rglob("*.ttl")):
        g.parse(f, format="turtle")
    quotes = list(g.subject_objects(KG.quote))
    assert len(quotes) > 50
    texts: dict = {}
    for ev, quote in quotes:
        article = g.value(ev, KG.article)
        name = str(g.value(article, KG.fileName))
        if name not in texts:
            texts[name] = (small / "data" / "articles" / name).read_text(encoding="utf-8")
        assert str(quote) in texts[name], (ev, quote)
    project = find_project(small)
    assert check_evidence(project, load(project)) == []


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(tmp_path):
    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    synth.generate(tmp_path / "a", 3000, seed=11, violations=2)
    synth.generate(tmp_path / "b", 3000, seed=11, violations=2)
    synth.generate(tmp_path / "c", 3000, seed=12, violations=2)
    a, b, c = files(tmp_path / "a"), files(tmp_path / "b"), files(tmp_path / "c")
    assert a == b
    assert a != c
    # Regenerating into a folder it made replaces it, leaving no stale files.
    synth.generate(tmp_path / "a", 1000, seed=11)
    assert len(files(tmp_path / "a")) < len(a)


def test_refuses_to_overwrite_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit):
        synth.generate(tmp_path, 1000)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


def _planted(root: Path) -> set[tuple[str, str, str]]:
    manifest = json.loads((root / "planted.json").read_text(encoding="utf-8"))
    return {(v["focus"], v["shape"], v["constraint"]) for v in manifest["violations"]}


def test_validate_reports_exactly_the_three_planted_violations(tmp_path):
    root = tmp_path / "p"
    synth.generate(root, 2000, seed=5, violations=3)
    planted = _planted(root)
    assert len(planted) == 3 and len({shape for _, shape, _ in planted}) == 3
    done = kg("validate", "--root", str(root), "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    found = {(expand(r["focus"]), r["shape"], r["constraint"]) for r in report["results"]}
    assert report["warnings"] == 0
    assert report["violations"] == 3
    assert found == planted


def test_every_kind_of_planted_violation_is_reported_and_nothing_else(tmp_path):
    from kg.validate import load_shapes, validate

    root = tmp_path / "p"
    synth.generate(root, 1500, seed=9, violations=len(synth.PLANTS))
    project = find_project(root)
    dataset = load(project)
    assert check_evidence(project, dataset) == []  # planted data passes the quote checks; only shapes fail
    report = validate(dataset.data, load_shapes(project.shapes_file), dataset.ontology)
    found = {(expand(r.focus), r.shape, r.constraint) for r in report.results}
    assert not report.warnings
    assert found == _planted(root)
    assert {kind for kind, _, _ in synth.PLANTS} == {
        v["kind"] for v in json.loads((root / "planted.json").read_text(encoding="utf-8"))["violations"]
    }
