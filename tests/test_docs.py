"""The README stays true: every command, every vocabulary term and every query folder fact is in it."""

from pathlib import Path

import pytest
from rdflib.namespace import OWL, RDF

from kg.cli import cli
from kg.namespaces import KG

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert f"`kg {command}" in README


def test_every_class_and_property_is_in_the_vocabulary_table(ontology):
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        terms |= {t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(KG))}
    missing = sorted(f"kg:{str(t).split('#')[1]}" for t in terms if f"| `kg:{str(t).split('#')[1]}` |" not in README)
    assert missing == []


def test_readme_quick_start_commands_exist():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test"):
        assert f"make {target}" in README
        assert f"\n{target}:" in makefile


def test_query_count_in_readme_is_current():
    count = len(list((Path(__file__).resolve().parent.parent / "queries").glob("*.rq")))
    assert f"{count} questions" in README


def test_every_page_route_is_in_the_readme():
    import re

    from flask import Flask

    from server.pages import bp

    app = Flask(__name__)
    app.register_blueprint(bp)
    rules = [r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("pages.")]
    assert len(rules) > 10
    for rule in rules:
        fixed = re.split(r"<", rule)[0]  # the part before the first variable
        assert f"`{fixed}" in README, f"{rule} is not in the README's table of pages"
