"""kg.timebounds: every dated claim gets comparable bounds; written bounds must fit the date."""

import shutil
from pathlib import Path

import pytest

from kg.errors import EvidenceError
from kg.load import find_project, load
from kg.namespaces import KG, RDF, XSD
from kg.timebounds import add_time_bounds, bounds_of

CLAIM = "<https://w3id.org/ijkg/claim/c1>"
TYPE, OBJECT = f"<{RDF.type}>", f"<{RDF.object}>"
E, L, P = f"<{KG.earliest}>", f"<{KG.latest}>", f"<{KG.precision}>"


def lit(value, dt):
    return f'"{value}"^^<{XSD[dt]}>'


def run(obj, *extra):
    triples = [(CLAIM, TYPE, f"<{KG.Claim}>"), (CLAIM, OBJECT, obj), *extra]
    out, problems = add_time_bounds(triples)
    return {(p, o) for s, p, o in out[len(triples) :]}, problems


@pytest.mark.parametrize(
    "lexical, precision, earliest, latest",
    [
        ("2024-02-29", "day", "2024-02-29", "2024-02-29"),
        ("2023-02", "month", "2023-02-01", "2023-02-28"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2025", "year", "2025-01-01", "2025-12-31"),
        ("2030", "decade", "2030-01-01", "2039-12-31"),
    ],
)
def test_bounds_of_each_precision(lexical, precision, earliest, latest):
    b = bounds_of(lexical, precision)
    assert (b.earliest, b.latest, b.precision) == (earliest, latest, precision)


@pytest.mark.parametrize(
    "lexical, precision", [("2023-02-30", "day"), ("2023-13", "month"), ("2023-01", "year"), ("x", "year")]
)
def test_malformed_dates_have_no_bounds(lexical, precision):
    assert bounds_of(lexical, precision) is None


def test_a_month_gets_its_first_and_last_day_and_its_precision():
    added, problems = run(lit("2025-07", "gYearMonth"))
    assert problems == []
    assert added == {(E, lit("2025-07-01", "date")), (L, lit("2025-07-31", "date")), (P, f"<{KG.MonthPrecision}>")}


def test_point_in_time_is_bounded_when_the_object_is_not_a_date():
    triples = [
        (CLAIM, TYPE, f"<{KG.Claim}>"),
        (CLAIM, OBJECT, "<https://w3id.org/ijkg/id/Prime_Minister_of_Japan>"),
        (CLAIM, f"<{KG.pointInTime}>", lit("2023", "gYear")),
    ]
    out, problems = add_time_bounds(triples)
    assert problems == [] and (CLAIM, E, lit("2023-01-01", "date")) in out


def test_written_season_bounds_are_kept_and_not_duplicated():
    added, problems = run(
        lit("2025", "gYear"),
        (CLAIM, P, f"<{KG.SeasonPrecision}>"),
        (CLAIM, E, lit("2025-09-01", "date")),
        (CLAIM, L, lit("2025-12-31", "date")),
    )
    assert problems == [] and added == set()


def test_a_decade_without_written_bounds_gets_ten_years():
    added, problems = run(lit("2030", "gYear"), (CLAIM, P, f"<{KG.DecadePrecision}>"))
    assert problems == []
    assert added == {(E, lit("2030-01-01", "date")), (L, lit("2039-12-31", "date"))}


@pytest.mark.parametrize(
    "obj, extra, words",
    [
        (lit("2025", "gYear"), [(CLAIM, E, lit("2024-12-01", "date"))], "do not lie within"),
        (lit("2025-07", "gYearMonth"), [(CLAIM, P, f"<{KG.SeasonPrecision}>")], "xsd:gYear"),
        (lit("2025-07", "gYearMonth"), [(CLAIM, P, f"<{KG.YearPrecision}>")], "month precision"),
        (
            lit("2025", "gYear"),
            [(CLAIM, E, lit("2025-10-01", "date")), (CLAIM, L, lit("2025-09-01", "date"))],
            "do not lie",
        ),
        ('"x"', [(CLAIM, E, lit("2025-10-01", "date"))], "no date"),
    ],
)
def test_bounds_that_do_not_fit_the_date_are_problems(obj, extra, words):
    _, problems = run(obj, *extra)
    assert len(problems) == 1 and words in problems[0].message


ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """@prefix kg: <https://w3id.org/ijkg/ontology#> . @prefix ent: <https://w3id.org/ijkg/id/> .
@prefix art: <https://w3id.org/ijkg/article/> . @prefix evd: <https://w3id.org/ijkg/evidence/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def test_loading_refuses_bounds_outside_the_date_naming_the_claim(tmp_path):
    (tmp_path / "ontology").mkdir()
    for name in ("kg.ttl", "shapes.ttl"):
        shutil.copy(ROOT / "ontology" / name, tmp_path / "ontology" / name)
    (tmp_path / "data" / "claims").mkdir(parents=True)
    (tmp_path / "data" / "claims" / "x.ttl").write_text(
        PREFIXES
        + """ent:M a kg:Meeting ; skos:prefLabel "M"@en .
evd:900-01 kg:article art:900_00000000000000aa ; kg:quote "They met in 2025." ;
    kg:supports [ rdf:subject ent:M ; rdf:predicate kg:date ; rdf:object "2025"^^xsd:gYear ;
                  kg:earliest "2026-01-01"^^xsd:date ] .
""",
        encoding="utf-8",
    )
    with pytest.raises(EvidenceError) as err:
        load(find_project(tmp_path))
    assert "ent:M kg:date" in str(err.value) and "2026-01-01" in str(err.value)
