"""kg.quotecheck: a claim's quote must name what the claim claims, or cite a context quote that does."""

import shutil
from pathlib import Path

import pytest

from kg.evidence import check_evidence
from kg.load import load
from kg.project import find_project
from kg.quotecheck import check_mentions, date_as_written, fold

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Meloni's visit to Tokyo was a success. During the visit, she met the Japanese PM. "
    "They agreed to deepen cooperation. The two leaders will meet again last July."
)
PREFIXES = """@prefix kg: <https://w3id.org/ijkg/ontology#> . @prefix ent: <https://w3id.org/ijkg/id/> .
@prefix art: <https://w3id.org/ijkg/article/> . @prefix evd: <https://w3id.org/ijkg/evidence/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
art:900_00000000000000aa a kg:Article ; kg:fileName "900_00000000000000aa.txt" .
ent:Giorgia_Meloni a kg:Person ; skos:prefLabel "Giorgia Meloni"@en ; skos:altLabel "Meloni"@en .
ent:Japan a kg:Country ; skos:prefLabel "Japan"@en ; kg:demonym "Japanese"@en .
ent:Tokyo a kg:City ; skos:prefLabel "Tokyo"@en .
ent:V a kg:Visit ; skos:prefLabel "Meloni's visit to Japan"@en .
ent:M a kg:Meeting ; skos:prefLabel "Meloni-Takaichi meeting"@en .
ent:C a kg:Commitment ; skos:prefLabel "commitment to deepen cooperation"@en .
"""


def project(tmp_path, claims: str) -> Path:
    (tmp_path / "ontology").mkdir()
    for name in ("kg.ttl", "shapes.ttl"):
        shutil.copy(ROOT / "ontology" / name, tmp_path / "ontology" / name)
    (tmp_path / "data" / "claims").mkdir(parents=True)
    (tmp_path / "data" / "articles").mkdir()
    (tmp_path / "data" / "articles" / "900_00000000000000aa.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "data" / "claims" / "900_00000000000000aa.ttl").write_text(PREFIXES + claims, encoding="utf-8")
    return tmp_path


def problems(tmp_path, claims):
    root = project(tmp_path, claims)
    found = check_evidence(find_project(root), load(find_project(root)))
    return [str(p) for p in found if "names neither" in str(p) or "date" in str(p) or "resolvedFrom" in str(p)]


def evidence(n, quote, claims):
    return f'evd:900-0{n} a kg:Evidence ; kg:article art:900_00000000000000aa ; kg:quote "{quote}" ;\n    kg:supports {claims} .\n'


def test_fold_ignores_case_accents_possessives_and_punctuation():
    assert fold("Meloni’s Côte-d'Ivoire, U.K.") == " meloni cote d ivoire u k "
    assert " kishida " in fold("KISHIDA's")


@pytest.mark.parametrize(
    "quote, lexical, precision, ok",
    [
        (" on 10 january 2023 ", "2023-01-10", "day", True),
        (" on jan 10 2023 ", "2023-01-10", "day", True),
        (" in january 2023 ", "2023-01-10", "day", False),
        (" in 2023 ", "2023-01", "month", False),
        (" in 2023 ", "2023", "year", True),
        (" the 15 17 january ", "2026-01-15", "day", False),
    ],
)
def test_date_as_written(quote, lexical, precision, ok):
    assert date_as_written(quote, lexical, precision) is ok


def test_subject_named_by_an_alias_passes(tmp_path):
    claims = evidence(
        1,
        "Meloni's visit to Tokyo was a success.",
        "[ rdf:subject ent:V ; rdf:predicate kg:visitor ; rdf:object ent:Giorgia_Meloni ]",
    )
    assert problems(tmp_path, claims) == []


def test_event_named_only_by_its_place_passes(tmp_path):
    claims = evidence(
        1,
        "Meloni's visit to Tokyo was a success.",
        "[ rdf:subject ent:V ; rdf:predicate kg:status ; rdf:object kg:Happened ]",
    )
    claims += "ent:V kg:destination ent:Tokyo .\n"
    claims += evidence(
        2,
        "Meloni's visit to Tokyo was a success.",
        "[ rdf:subject ent:V ; rdf:predicate kg:destination ; rdf:object ent:Tokyo ]",
    )
    assert problems(tmp_path, claims) == []


def test_a_demonym_names_its_country(tmp_path):
    claims = evidence(
        1,
        "During the visit, she met the Japanese PM.",
        "[ rdf:subject ent:M ; rdf:predicate kg:participant ; rdf:object ent:Japan ]",
    )
    assert problems(tmp_path, claims) == []


def test_a_pronoun_sentence_fails_naming_the_claim_and_the_next_step(tmp_path):
    claims = evidence(
        1, "They agreed to deepen cooperation.", "[ rdf:subject ent:M ; rdf:predicate kg:outcome ; rdf:object ent:C ]"
    )
    claims = claims.replace("ent:C ]", "ent:Japan ]")
    found = problems(tmp_path, claims)
    assert len(found) == 1
    assert "evd:900-01 claim ent:M kg:outcome ent:Japan" in found[0] and "kg:context" in found[0]


def test_a_context_quote_that_names_it_passes(tmp_path):
    claims = evidence(
        1,
        "During the visit, she met the Japanese PM.",
        "[ rdf:subject ent:M ; rdf:predicate kg:participant ; rdf:object ent:Japan ]",
    )
    claims += evidence(
        2,
        "They agreed to deepen cooperation.",
        "[ rdf:subject ent:M ; rdf:predicate kg:topic ; rdf:object ent:Tokyo ; kg:context evd:900-03 ]",
    )
    claims += evidence(
        3,
        "Meloni's visit to Tokyo was a success.",
        "[ rdf:subject ent:V ; rdf:predicate kg:destination ; rdf:object ent:Tokyo ]",
    )
    assert problems(tmp_path, claims) == []


def test_an_articles_own_statement_is_named_by_what_it_concerns(tmp_path):
    """A statement in the article's own voice (kg:statedIn) has no speaker to name; its sentence names its subject."""
    claims = 'ent:S a kg:Statement ; skos:prefLabel "the visit was a success"@en ; kg:concerns ent:Tokyo .\n'
    claims += evidence(
        1,
        "Meloni's visit to Tokyo was a success.",
        "[ rdf:subject ent:S ; rdf:predicate kg:statedIn ; rdf:object art:900_00000000000000aa ]",
    )
    (tmp_path / "named").mkdir()
    (tmp_path / "unnamed").mkdir()
    assert problems(tmp_path / "named", claims) == []
    unnamed = claims.replace("kg:concerns ent:Tokyo", "kg:concerns ent:C")
    found = problems(tmp_path / "unnamed", unnamed)
    assert len(found) == 1 and "ent:S kg:statedIn" in found[0]


def test_a_date_not_in_the_quote_fails(tmp_path):
    claims = evidence(
        1,
        "Meloni's visit to Tokyo was a success.",
        '[ rdf:subject ent:V ; rdf:predicate kg:date ; rdf:object "2026-01"^^xsd:gYearMonth ]',
    )
    found = problems(tmp_path, claims)
    assert len(found) == 1 and "does not give the date 2026-01" in found[0]


def test_a_resolved_from_phrase_not_in_the_quote_fails(tmp_path):
    claims = evidence(
        1,
        "Meloni's visit to Tokyo was a success.",
        '[ rdf:subject ent:V ; rdf:predicate kg:date ; rdf:object "2025-07"^^xsd:gYearMonth ; kg:resolvedFrom "last July" ]',
    )
    found = problems(tmp_path, claims)
    assert len(found) == 1 and 'phrase "last July" is not in the quote' in found[0]


def test_a_resolved_from_phrase_in_the_quote_passes(tmp_path):
    claims = evidence(
        1,
        "The two leaders will meet again last July.",
        '[ rdf:subject ent:M ; rdf:predicate kg:date ; rdf:object "2025-07"^^xsd:gYearMonth ; kg:resolvedFrom "last July" ]',
    )
    assert problems(tmp_path, claims) == []


def test_a_status_value_is_named_by_its_label():
    # "agreed" in the quote names kg:Agreed through the ontology's labels.
    ev, c = "<https://w3id.org/ijkg/evidence/1>", "_:c"
    kg = "https://w3id.org/ijkg/ontology#"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    triples = [
        (ev, f"<{kg}quote>", '"They agreed to deepen cooperation."'),
        (ev, f"<{kg}supports>", c),
        (c, f"<{rdf}subject>", "<https://w3id.org/ijkg/id/C>"),
        (c, f"<{rdf}predicate>", f"<{kg}agreementStatus>"),
        (c, f"<{rdf}object>", f"<{kg}Agreed>"),
    ]
    assert check_mentions(triples, {f"<{kg}Agreed>": ["agreed"]}) == []
    assert len(check_mentions(triples, {})) == 1
