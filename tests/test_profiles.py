"""Export profiles in the tools they are for: --profile owl in the OWL API (Protégé's library), rdf12 in pyoxigraph.

The OWL API test compiles tests/owlapi/LoadCheck.java against Debian's libowlapi-java
(``make test`` installs it with a JDK) and loads the export as Protégé would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from helpers import ROOT, TESTS
from kg.cli import cli
from kg.errors import UsageError
from kg.export import export_built
from kg.profiles import RDF12_FORMATS

KG = "https://w3id.org/ijkg/ontology#"
OWLAPI_JAR = Path("/usr/share/java/owlapi-distribution.jar")
OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX kg: <https://w3id.org/ijkg/ontology#>
"""
#: Every claim with its evidence's quote and article, as the plain (RDF 1.1) export records them.
PLAIN_ROWS = (
    PREFIXES
    + """SELECT ?s ?p ?o ?quote ?article WHERE {
  ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?e kg:supports ?c ; kg:quote ?quote ; kg:article ?article .
}"""
)
#: The same rows from the rdf12 export, in SPARQL 1.2: the claim reifies a triple term.
RDF12_ROWS = (
    PREFIXES
    + """SELECT ?s ?p ?o ?quote ?article WHERE {
  ?c rdf:reifies <<( ?s ?p ?o )>> ; kg:supportedBy ?e .
  ?e kg:quote ?quote ; kg:article ?article .
}"""
)
#: The same rows from the owl export: the axiom annotation carries the evidence, its quote and its article.
OWL_ROWS = (
    PREFIXES
    + """SELECT ?s ?p ?o ?quote ?article WHERE {
  ?c a owl:Axiom ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
     kg:supportedBy ?e .
  ?e kg:quote ?quote ; kg:article ?article .
}"""
)


def store_of(data: bytes, fmt: str) -> ox.Store:
    store = ox.Store()
    store.load(data, format=OX[fmt], to_graph=None if fmt in ("trig", "nquads") else ox.DefaultGraph())
    return store


def rows(store: ox.Store, query: str) -> list[tuple]:
    """The distinct solutions over every graph of the store (a triple in two named graphs matches twice)."""
    return sorted({tuple(str(v) for v in r) for r in store.query(query, use_default_graph_as_union=True)})


def ask(store: ox.Store, query: str) -> bool:
    """An ASK over every graph of the store."""
    return bool(store.query(PREFIXES + query, use_default_graph_as_union=True))


@pytest.fixture(scope="module")
def claims(build_dir) -> int:
    text = (build_dir / "asserted.nt").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>" in line)


@pytest.fixture(scope="module")
def plain_rows(build_dir):
    found = rows(store_of(export_built(build_dir, "asserted", "ntriples"), "ntriples"), PLAIN_ROWS)
    assert len(found) > 1000  # the seed data has over a thousand claims
    return found


# ---------------------------------------------------------------------------------------------- rdf12


@pytest.mark.parametrize("fmt", RDF12_FORMATS)
@pytest.mark.parametrize("which", ["asserted", "all"])
def test_rdf12_gives_the_plain_exports_rows_with_a_sparql_12_query(build_dir, plain_rows, claims, fmt, which):
    data = export_built(build_dir, which, fmt, "rdf12")
    assert data == export_built(build_dir, which, fmt, "rdf12")  # deterministic
    store = store_of(data, fmt)
    assert rows(store, RDF12_ROWS) == plain_rows
    assert len(rows(store, PREFIXES + "SELECT ?c WHERE { ?c rdf:reifies ?t ; a kg:Claim }")) == claims
    for p in ("subject", "predicate", "object"):
        assert not ask(store, f"ASK {{ ?c rdf:{p} ?x }}")
    assert not ask(store, "ASK { ?c rdf:reifies ?t ; a rdf:Statement }")
    # The facts stay asserted: every reified triple is in the graph as well.
    assert not ask(store, "ASK { ?c rdf:reifies <<( ?s ?p ?o )>> FILTER NOT EXISTS { ?s ?p ?o } }")


def test_rdf12_turtle_writes_triple_terms_and_the_default_export_stays_rdf11(build_dir):
    text = export_built(build_dir, "asserted", "turtle", "rdf12").decode("utf-8")
    assert "rdf:reifies <<( " in text
    plain = export_built(build_dir, "asserted", "turtle").decode("utf-8")
    assert "<<" not in plain and "reifies" not in plain
    assert "rdf:subject" in plain


@pytest.mark.parametrize("fmt", ["xml", "jsonld"])
def test_rdf12_refuses_formats_without_triple_terms(build_dir, fmt):
    with pytest.raises(UsageError, match=f"no {fmt} form"):
        export_built(build_dir, "all", fmt, "rdf12")


def test_cli_export_profile_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--root", str(ROOT), "--profile", "rdf-star"])
    assert result.exit_code == 2
    assert "unknown export profile 'rdf-star'" in result.output
    assert "Traceback" not in result.output


# ------------------------------------------------------------------------------------------------ owl


@pytest.mark.parametrize("which", ["asserted", "all"])
def test_owl_annotations_carry_each_claims_quote_and_article(build_dir, plain_rows, which):
    store = store_of(export_built(build_dir, which, "ntriples", "owl"), "ntriples")
    assert rows(store, OWL_ROWS) == plain_rows
    # Quote and article sit on the axiom itself, where Protégé shows them.
    direct = PREFIXES + "SELECT ?s ?p ?o ?quote ?article WHERE { ?c a owl:Axiom ; owl:annotatedSource ?s ; "
    direct += "owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; kg:quote ?quote ; kg:article ?article }"
    assert set(plain_rows) <= set(rows(store, direct))
    for p in ("subject", "predicate", "object"):
        assert not ask(store, f"ASK {{ ?c rdf:{p} ?x }}")
    for p in ("quote", "article", "supportedBy", "context", "earliest"):
        assert ask(store, f"ASK {{ kg:{p} a owl:AnnotationProperty }}")
        assert not ask(store, f"ASK {{ kg:{p} a ?k FILTER(?k != owl:AnnotationProperty) }}")


#: The exports the OWL API reads: (which, format, profile).
OWLAPI_EXPORTS = [
    ("all", "turtle", "owl"),
    ("asserted", "turtle", "owl"),
    ("all", "xml", "owl"),
    ("all", "turtle", "plain"),
]


@pytest.fixture(scope="module")
def owlapi(tmp_path_factory, build_dir):
    """The OWL API's report on each export of :data:`OWLAPI_EXPORTS`, by (which, format, profile).

    LoadCheck.java is compiled here, and one JVM loads every export (each with an OWL ontology manager
    of its own) instead of one JVM per export.
    """
    javac, java = shutil.which("javac"), shutil.which("java")
    if not (javac and java and OWLAPI_JAR.exists()):
        pytest.skip(
            "the OWL API is not installed (needs Debian's libowlapi-java and a JDK: "
            "apt-get install -y libowlapi-java default-jdk-headless, which 'make test' runs)"
        )
    classes = tmp_path_factory.mktemp("owlapi")
    classpath = f"{OWLAPI_JAR.parent}/*"
    subprocess.run(
        [javac, "-d", str(classes), "-cp", classpath, str(TESTS / "owlapi" / "LoadCheck.java")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    exports = tmp_path_factory.mktemp("owlapi-exports")
    paths = []
    for which, fmt, profile in OWLAPI_EXPORTS:
        # the names the tests gave them when each had a JVM of its own
        path = exports / (f"kg-owl-{which}.{fmt}" if profile == "owl" else "kg.ttl")
        path.write_bytes(export_built(build_dir, which, fmt, profile))
        paths.append(str(path))
    done = subprocess.run(
        [java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", f"{classpath}:{classes}", "LoadCheck", *paths],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"triples"')]
    assert len(reports) == len(OWLAPI_EXPORTS), done.stdout[-2000:]
    return dict(zip(OWLAPI_EXPORTS, reports, strict=True))


#: The one kind of OWL 2 DL violation the owl profile keeps: dates typed xsd:date, xsd:gYear or xsd:gYearMonth and
#: durations typed xsd:duration, which are outside the OWL 2 datatype map (the export declares them as datatypes
#: rather than change the data). The OWL API lists only some examples, so which ones appear varies.
DATE_TYPES = ("xsd:date", "xsd:gYear", "xsd:gYearMonth", "xsd:duration")


@pytest.mark.parametrize(("which", "fmt"), [("all", "turtle"), ("asserted", "turtle"), ("all", "xml")])
def test_owl_api_parses_everything_and_gets_one_annotated_axiom_per_claim(owlapi, claims, which, fmt):
    report = owlapi[which, fmt, "owl"]
    assert report["unparsed"] == 0, report["unparsed_examples"]
    assert report["guessed"] == 0, report["guessed_examples"]
    assert report["annotated_logical_axioms"] == claims
    annotations = report["axiom_annotations"]
    for p in ("quote", "article", "supportedBy"):
        assert annotations[KG + p] >= claims
    violations = report["dl_violations"]
    assert set(violations) <= {"UseOfDefinedDatatypeInLiteral"}, report["dl_violation_examples"]
    for example in report["dl_violation_examples"]:
        literal = example.split(" [", 1)[0]  # 'Use of defined datatype in datatype restriction "2023"^^xsd:gYear'
        assert literal.rsplit("^^", 1)[-1] in DATE_TYPES, example


def test_owl_api_leaves_the_plain_exports_claims_unparsed(owlapi, claims):
    """Why the profile exists: the plain export's reified claims are lost on the way into Protégé."""
    report = owlapi["all", "turtle", "plain"]
    assert report["unparsed"] >= claims
    assert any("22-rdf-syntax-ns#subject>" in t for t in report["unparsed_examples"])
    assert report["annotated_logical_axioms"] == 0
