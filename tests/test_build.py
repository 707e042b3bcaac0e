"""The build: outputs, determinism, and a failed build that leaves the previous outputs untouched."""

import json

import pytest

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, make_project
from kg.build import OUTPUT_FILES, ValidationFailed, build, read_outputs
from kg.errors import EvidenceError, LoadError
from kg.project import find_project


@pytest.fixture(scope="module")
def mini_build(tmp_path_factory):
    """The mini project built once into its out/ folder, for the tests that only read a build: (project, Built, out)."""
    root = make_project(tmp_path_factory.mktemp("mini"), {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})
    project = find_project(root)
    built, out = build(project)
    return project, built, out


def test_build_writes_every_output_and_a_manifest(mini_build):
    _, built, out = mini_build
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    manifest = json.loads((out / "build.json").read_text())
    assert manifest["validation"]["conforms"] is True
    assert manifest["triples"]["asserted"] == len(built.asserted)
    assert "data/mini.ttl" in manifest["inputs"]


def test_builds_are_byte_identical(mini_build, tmp_path):
    project, _, first = mini_build
    build(project, tmp_path / "b")
    for name in ("asserted.nt", "inferred.nt", "ontology.nt", "shapes.nt", "kg.nq"):
        assert (first / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_builds_in_separate_processes_are_byte_identical(mini_project, tmp_path):
    """Hash seeds differ between processes: no output may depend on set or map order."""
    import subprocess
    import sys

    for out in ("a", "b"):
        cmd = [sys.executable, "-m", "kg", "build", "--root", str(mini_project), "--out", str(tmp_path / out)]
        subprocess.run(cmd, check=True, capture_output=True)
    for name in ("asserted.nt", "inferred.nt", "ontology.nt", "shapes.nt", "kg.nq", "kg.trig", "validation.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_both_reasoners_give_byte_identical_outputs(mini_project, tmp_path):
    project = find_project(mini_project)
    build(project, tmp_path / "owlrl", reasoner="owlrl")
    built, _ = build(project, tmp_path / "reasonable", reasoner="reasonable")
    assert built.reasoner == "reasonable"
    for name in ("asserted.nt", "inferred.nt", "kg.nq", "kg.trig", "validation.ttl"):
        assert (tmp_path / "owlrl" / name).read_bytes() == (tmp_path / "reasonable" / name).read_bytes(), name
    manifest = json.loads((tmp_path / "reasonable" / "build.json").read_text())
    assert manifest["reasoner"] == "reasonable"


@pytest.mark.parametrize(
    "change, error",
    [
        (lambda d: d.replace("kg:Happened", "kg:Postponed"), ValidationFailed),
        (lambda d: d.replace('on 10 January 2023." ;', 'on 11 January 2023." ;'), EvidenceError),
        (lambda d: d.replace("ent:M1 a kg:Meeting ;", "ent:M1 a kg:Meeting"), LoadError),
    ],
    ids=["shape-violation", "quote-not-verbatim", "malformed-turtle"],
)
def test_failed_build_leaves_previous_outputs_untouched(tmp_path, change, error):
    root = make_project(tmp_path / "p", {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})
    project = find_project(root)
    _, out = build(project)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (root / "data" / "mini.ttl").write_text(change(MINI_DATA), encoding="utf-8")
    with pytest.raises(error):
        build(project)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_read_outputs_builds_when_missing_and_notices_stale_inputs(mini_project):
    project = find_project(mini_project)
    outputs = read_outputs(project)
    assert not outputs.stale and len(outputs.asserted) > 0
    data = mini_project / "data" / "mini.ttl"
    data.write_text(data.read_text() + "\n# a comment\n", encoding="utf-8")
    assert read_outputs(project).stale


def test_project_build_conforms_with_known_warnings_only(built):
    assert built.report.conforms
    assert built.report.violations == []
    assert all(r.severity == "Warning" for r in built.report.results)


def test_build_failing_while_writing_leaves_outputs_untouched_and_no_temporary_files(mini_project, monkeypatch):
    import kg.build

    project = find_project(mini_project)
    _, out = build(project)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(kg.build, "trig_from_ntriples", broken)
    (mini_project / "data" / "mini.ttl").write_text(
        (mini_project / "data" / "mini.ttl").read_text() + "\n# changed\n", encoding="utf-8"
    )
    with pytest.raises(OSError, match="disk full"):
        build(project)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_trig_has_one_block_per_graph_and_the_quads_of_kg_nq(mini_build):
    import pyoxigraph as ox

    _, _, out = mini_build
    trig = (out / "kg.trig").read_text(encoding="utf-8")
    blocks = [line.split()[0] for line in trig.splitlines() if line.endswith("{")]
    assert blocks == sorted(set(blocks)) and len(blocks) == 4
    assert {str(q) for q in ox.parse(path=out / "kg.trig")} == {str(q) for q in ox.parse(path=out / "kg.nq")}
    nq = (out / "kg.nq").read_text(encoding="utf-8").splitlines()
    assert nq == sorted(set(nq))
