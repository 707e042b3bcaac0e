"""The kg command in-process: exit codes, formats and one-line messages for bad input."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, ROOT, make_project
from kg.cli import cli


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def built_mini(runner, tmp_path_factory):
    """The one-article project, built once for the module's tests that only read it."""
    root = make_project(tmp_path_factory.mktemp("mini"), {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})
    result = runner.invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


def invoke(runner, *args):
    return runner.invoke(cli, [str(a) for a in args])


def test_build_reports_counts(built_mini):
    assert (built_mini / "out" / "asserted.nt").is_file()


def test_validate_conforming_data_exits_0(runner, mini_project):
    result = invoke(runner, "validate", "--root", mini_project)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms: yes")


def test_validate_violation_exits_1_and_names_focus_shape_and_article(runner, tmp_path):
    root = make_project(
        tmp_path, {"mini.ttl": MINI_DATA.replace("kg:Happened", "kg:Postponed")}, {MINI_ARTICLE_NAME: MINI_ARTICLE}
    )
    result = invoke(runner, "validate", "--root", root)
    assert result.exit_code == 1, result.output
    assert "ent:M1   [from 900_00000000000000aa]" in result.output
    assert "kgsh:EventShape/kg:status (InConstraintComponent), path kg:status, value kg:Postponed" in result.output


@pytest.mark.parametrize("fmt", ["json", "turtle"])
def test_validate_machine_formats(runner, tmp_path, fmt):
    root = make_project(
        tmp_path, {"mini.ttl": MINI_DATA.replace("kg:Happened", "kg:Postponed")}, {MINI_ARTICLE_NAME: MINI_ARTICLE}
    )
    result = invoke(runner, "validate", "--root", root, "--format", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        report = json.loads(result.output)
        assert report["conforms"] is False
        assert report["results"][0]["focus"] == "ent:M1"
        assert report["results"][0]["articles"] == ["900_00000000000000aa"]
    else:
        from rdflib import Graph

        assert len(Graph().parse(data=result.output, format="turtle")) > 0


def test_validate_given_files_only(runner, mini_project, tmp_path):
    other = tmp_path / "other.ttl"
    other.write_text(MINI_DATA.replace('skos:prefLabel "Rome"@en', ""), encoding="utf-8")
    result = invoke(runner, "validate", "--root", mini_project, other)
    assert result.exit_code == 1
    assert "ent:Rome" in result.output and "skos:prefLabel" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["validate", "{root}/nothere.ttl"], "nothere.ttl: no such file."),
        (["validate", "--format", "yaml"], "unknown report format 'yaml'.\n  Use one of: text, turtle, json."),
        (["export", "--format", "yaml"], "unknown export format 'yaml'."),
        (["export", "--graph", "some"], "unknown graph 'some'."),
        (["query", "SELEKT ?x"], "the query does not parse"),
        (["query", "missing.rq"], "missing.rq: no such query file."),
        (["query", "--format", "xls", "ASK {}"], "unknown result format 'xls'."),
        (["query", "INSERT DATA { <a:b> <a:c> <a:d> }"], "updates are not allowed"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(runner, built_mini, args, message):
    args = [a.replace("{root}", str(built_mini)) for a in args]
    result = runner.invoke(cli, [args[0], "--root", str(built_mini), *args[1:]])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_malformed_turtle_names_file_and_line(runner, tmp_path):
    root = make_project(
        tmp_path,
        {"mini.ttl": MINI_DATA.replace("ent:M1 a kg:Meeting ;", "ent:M1 a kg:Meeting")},
        {MINI_ARTICLE_NAME: MINI_ARTICLE},
    )
    result = invoke(runner, "build", "--root", root)
    assert result.exit_code == 2
    assert "mini.ttl: line " in result.output
    assert "Traceback" not in result.output
    assert not (root / "out").exists()


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(runner, built_mini, fmt):
    q = "SELECT ?p WHERE { ent:M1 kg:participant ?p } ORDER BY ?p"
    result = invoke(runner, "query", "--root", built_mini, "--format", fmt, q)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        bindings = json.loads(result.output)["results"]["bindings"]
        assert [b["p"]["value"] for b in bindings] == [
            "https://w3id.org/ijkg/id/Fumio_Kishida",
            "https://w3id.org/ijkg/id/Giorgia_Meloni",
        ]
    elif fmt == "table":
        assert "ent:Fumio_Kishida" in result.output and "(2 rows)" in result.output
    else:
        sep = "," if fmt == "csv" else "\t"
        assert result.output.splitlines() == [
            "p",
            "https://w3id.org/ijkg/id/Fumio_Kishida",
            "https://w3id.org/ijkg/id/Giorgia_Meloni",
        ]
        assert sep not in result.output.splitlines()[0]


def test_query_with_and_without_reasoning(runner, built_mini):
    q = "ASK { ent:M1 kg:location ent:Italy }"
    assert invoke(runner, "query", "--root", built_mini, q).output == "true\n"
    assert invoke(runner, "query", "--root", built_mini, "--graph", "asserted", q).output == "false\n"


def test_query_refuses_service(runner, built_mini):
    result = invoke(
        runner, "query", "--root", built_mini, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    )
    assert result.exit_code == 2
    assert "SERVICE is not allowed" in result.output


def test_service_inside_a_string_or_iri_is_not_a_service_clause(runner, built_mini):
    q = 'SELECT ?x WHERE { VALUES ?x { "SERVICE <http://127.0.0.1:9/>" <urn:service:SERVICE> } } # SERVICE'
    result = invoke(runner, "query", "--root", built_mini, "--format", "csv", q)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["SERVICE <http://127.0.0.1:9/>", "urn:service:SERVICE"]


def test_export_to_file_and_stats(runner, built_mini, tmp_path):
    target = tmp_path / "kg.ttl"
    result = invoke(runner, "export", "--root", built_mini, "--format", "turtle", "--graph", "asserted", "-o", target)
    assert result.exit_code == 0, result.output
    from rdflib import Graph

    assert len(Graph().parse(target)) > 0
    stats = invoke(runner, "stats", "--root", built_mini, "--format", "json")
    figures = json.loads(stats.output)
    assert figures["classes"]["Leader"] == {"asserted": 0, "with_reasoning": 1}


def test_stats_from_the_manifest_equal_counting_the_built_graphs(runner, built_mini):
    from kg.build import read_outputs
    from kg.project import find_project
    from kg.stats import compute_stats

    outputs = read_outputs(find_project(built_mini))
    expected = compute_stats(outputs.asserted, outputs.inferred, outputs.ontology)
    figures = json.loads(invoke(runner, "stats", "--root", built_mini, "--format", "json").output)
    assert figures == expected
    assert figures["classes"]["Meeting"]["asserted"] == 1


def test_stale_outputs_are_announced(runner, mini_project):
    assert invoke(runner, "build", "--root", mini_project).exit_code == 0
    data = mini_project / "data" / "mini.ttl"
    data.write_text(data.read_text() + "\n", encoding="utf-8")
    result = invoke(runner, "stats", "--root", mini_project)
    assert "the data changed since the last build" in result.output


def test_python_dash_m_kg_works():
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0
    assert "build" in result.stdout and "Exit codes" in result.stdout


def test_reasoner_choices_are_the_reasoners_kg_reason_knows():
    from kg import cli, reason

    assert cli.REASONERS == reason.REASONERS
    assert cli.REASONERS[0] == reason.DEFAULT_REASONER


def test_every_command_that_reads_a_build_reads_the_out_folder(runner, mini_project, tmp_path):
    """Build into a folder that is not out/; each reader must answer from it, and none may build out/."""
    out = tmp_path / "elsewhere"
    result = invoke(runner, "build", "--root", mini_project, "--out", out)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))

    result = invoke(runner, "query", "--root", mini_project, "--out", out, "ASK { ent:M1 kg:location ent:Italy }")
    assert (result.exit_code, result.output) == (0, "true\n")
    result = invoke(
        runner, "export", "--root", mini_project, "--out", out, "--format", "ntriples", "--graph", "asserted"
    )
    assert result.exit_code == 0, result.output
    assert result.output == (out / "asserted.nt").read_text(encoding="utf-8")
    result = invoke(runner, "stats", "--root", mini_project, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["triples"]["asserted"] == manifest["triples"]["asserted"]
    assert not (mini_project / "out").exists(), "a command built out/ instead of reading --out"


def test_a_reader_of_an_empty_out_folder_builds_there(runner, mini_project, tmp_path):
    out = tmp_path / "fresh"
    result = invoke(runner, "stats", "--root", mini_project, "--out", out)
    assert result.exit_code == 0, result.output
    assert (out / "build.json").is_file() and not (mini_project / "out").exists()
