"""Quote verification: every fact traces to a verbatim sentence of its article."""

import re

import pytest
from rdflib.namespace import RDF

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, make_project
from kg.errors import EvidenceError
from kg.evidence import check_evidence, require_evidence
from kg.load import load
from kg.namespaces import KG
from kg.project import find_project


def test_mini_project_evidence_holds(mini_project):
    project = find_project(mini_project)
    assert check_evidence(project, load(project)) == []


def test_quote_not_in_article_fails_naming_article_and_fact(tmp_path):
    data = MINI_DATA.replace("met Fumio Kishida at Palazzo Chigi", "met Fumio Kishida in Palazzo Chigi")
    project = find_project(make_project(tmp_path, {"mini.ttl": data}, {MINI_ARTICLE_NAME: MINI_ARTICLE}))
    with pytest.raises(EvidenceError) as err:
        require_evidence(project, load(project))
    message = str(err.value)
    assert "mini.ttl: evd:900-01" in message
    assert "quote not found verbatim in" in message and MINI_ARTICLE_NAME in message
    assert "(supports 8 claims, such as ent:Giorgia_Meloni kg:heldOffice ent:Prime_Minister_of_Italy)" in message


def test_quote_with_other_quote_marks_gets_a_precise_hint(tmp_path):
    article = MINI_ARTICLE.replace("They agreed", "They “agreed”")
    data = MINI_DATA.replace(
        'kg:quote "The Italian Prime Minister Giorgia Meloni met Fumio Kishida at Palazzo Chigi on 10 January 2023."',
        "kg:quote 'They \"agreed\" to raise relations to a strategic partnership.'",
    )
    project = find_project(make_project(tmp_path, {"mini.ttl": data}, {MINI_ARTICLE_NAME: article}))
    problems = check_evidence(project, load(project))
    assert len(problems) == 1
    assert "other quote marks" in problems[0].message


def test_missing_article_text_is_reported(tmp_path):
    project = find_project(make_project(tmp_path, {"mini.ttl": MINI_DATA}))
    problems = check_evidence(project, load(project))
    assert [p.node for p in problems] == ["evd:900-01"]
    assert "has no text file" in problems[0].message


def test_fact_about_an_event_without_evidence_is_reported(tmp_path):
    data = MINI_DATA + '\nent:M1 kg:date "2023-01-11"^^xsd:date .\n'
    project = find_project(make_project(tmp_path, {"mini.ttl": data}, {MINI_ARTICLE_NAME: MINI_ARTICLE}))
    problems = check_evidence(project, load(project))
    assert len(problems) == 1
    assert problems[0].node == "ent:M1"
    assert "kg:date" in problems[0].message and "has no evidence" in problems[0].message


def test_every_project_quote_is_verbatim_in_its_article(project):
    """Independent of kg.load: read the quotes and the texts directly."""
    from rdflib import Graph

    for f in sorted((project.data_dir / "claims").glob("*.ttl")):
        g = Graph().parse(f)
        evidence = list(g.subjects(RDF.type, KG.Evidence))
        assert evidence, f"{f.name} has no evidence"
        for ev in evidence:
            article = str(g.value(ev, KG.article)).rsplit("/", 1)[1]
            text = (project.articles_dir / f"{article}.txt").read_text(encoding="utf-8")
            assert str(g.value(ev, KG.quote)) in text, ev


def test_claim_files_are_named_after_their_article_and_quote_only_it(project):
    for f in sorted((project.data_dir / "claims").glob("*.ttl")):
        from rdflib import Graph

        g = Graph().parse(f)
        articles = {str(a).rsplit("/", 1)[1] for a in g.objects(None, KG.article)}
        assert articles == {f.stem}
        assert (project.articles_dir / f"{f.stem}.txt").is_file()


def test_articles_in_data_are_the_shared_source_texts(project):
    names = sorted(p.name for p in project.articles_dir.glob("*.txt"))
    assert len(names) == 5
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", n) for n in names)
