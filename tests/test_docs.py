"""The documentation stays true: the README's commands, links and counts, and the reference in docs/.

The README keeps what a newcomer needs (the two commands, every ``kg`` command, the three
jobs); docs/ holds the reference, each fact checked here against the code where it lives.
"""

import re

import pytest
from rdflib.namespace import OWL, RDF
from test_layers import GRAPH

from helpers import ROOT
from kg.cli import cli
from kg.namespaces import KG

DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}


def test_readme_is_short():
    assert len(README.splitlines()) < 250


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert f"`kg {command}" in README


def test_every_class_and_property_is_in_the_vocabulary_table(ontology):
    vocabulary = doc("vocabulary.md")
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        terms |= {t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(KG))}
    names = {f"kg:{str(t).split('#')[1]}" for t in terms}
    missing = sorted(n for n in names if f"| `{n}` |" not in vocabulary)
    assert missing == [], "run kg build, then tools/vocab.py, to add their rows to docs/vocabulary.md"
    rows = set(re.findall(r"^\| `(kg:\w[\w-]*)` \|", vocabulary, flags=re.M))
    assert rows - names == set(), "docs/vocabulary.md has rows for terms the ontology no longer has"


def test_readme_quick_start_commands_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test"):
        assert f"make {target}" in README
        assert f"\n{target}:" in makefile


def test_query_count_is_current():
    count = len(list((ROOT / "queries").glob("*.rq")))
    assert f"{count} stored SPARQL questions" in README
    assert f"holds {count} questions" in README
    assert f"holds {count} questions" in doc("endpoint.md")


def test_every_page_route_is_in_the_endpoint_doc():
    from flask import Flask

    from server.drafts import bp as drafts
    from server.pages import bp

    app = Flask(__name__)
    app.register_blueprint(bp)
    app.register_blueprint(drafts)  # served with kg serve --drafts only
    rules = [r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith(("pages.", "drafts."))]
    assert "/drafts/<name>" in rules
    assert len(rules) > 10
    endpoint = doc("endpoint.md")
    for rule in rules:
        fixed = re.split(r"<", rule)[0]  # the part before the first variable
        assert f"| `{fixed}" in endpoint or f", `{fixed}" in endpoint, f"{rule} is not in docs/endpoint.md's pages"


def test_readme_links_every_doc_and_every_link_resolves():
    documents = {"README.md": README} | {f"docs/{p.name}": p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert set(documents) >= {
        f"docs/{n}.md" for n in ("vocabulary", "endpoint", "stores", "performance", "architecture")
    }
    linked = set(re.findall(r"\]\((docs/[\w.-]+\.md)", README))
    assert linked == set(documents) - {"README.md"}, "the README links every file in docs/"
    broken = []
    for name, text in documents.items():
        for target, anchor in re.findall(r"\]\(([\w./-]*\.md)?(?:#([\w-]+))?\)", text):
            if not target and not anchor:
                continue
            path = (ROOT / name).parent / target if target else ROOT / name
            key = str(path.resolve().relative_to(ROOT))
            if key not in documents or (anchor and anchor not in anchors(documents[key])):
                broken.append(f"{name}: {target}#{anchor}")
    assert broken == []


def test_the_architecture_table_says_what_each_module_imports():
    table = {}
    for name, imports in re.findall(r"^\| `([\w.]+)` \| [^|]+ \| (.+) \|$", doc("architecture.md"), flags=re.M):
        table[name] = sorted(set(re.findall(r"`((?:kg|server)[\w.]*)`", imports)))
    modules = {m for m in GRAPH if m not in ("kg", "server")}  # the two empty package __init__ files
    assert set(table) == modules, "docs/architecture.md has one row per module"
    assert {m: table[m] for m in modules} == {m: GRAPH[m] for m in modules}


def test_the_stores_and_performance_docs_name_their_commands():
    stores, performance = doc("stores.md"), doc("performance.md")
    for command in ("kg export", "kg publish --store", "kg serve --store"):
        assert command in stores
    for script in (
        "benchmarks/endpoint.py",
        "benchmarks/scale.py",
        "benchmarks/synth.py",
        "benchmarks/search.py",
        "benchmarks/reasoners.py",
    ):
        assert script in performance
        assert (ROOT / script).exists()
