"""Shared fixtures: the project, its ontology and shapes, and one build per session in a temporary folder."""

from __future__ import annotations

import pytest
from rdflib import Graph

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, ROOT, make_project
from kg.build import build
from kg.project import find_project
from kg.triples import parse_file


def _translate_each_sparql_text_once() -> None:
    """Have rdflib parse and translate each SPARQL text once per test process, not at every call.

    rdflib's SPARQL engine is the tests' reference (stored queries, pySHACL's SPARQL targets and
    constraints), and it parses the text anew each time: pySHACL alone asks the same few texts over a
    thousand times in a run, at about 50 ms a parse. The translated query (rdflib's algebra, which its
    evaluation never changes; what ``prepareQuery`` returns for reuse) is kept by text, base and prefixes,
    so every evaluation still runs; a text rdflib refuses is refused again each time.
    """
    from rdflib.plugins import sparql
    from rdflib.plugins.sparql import processor

    translated: dict = {}

    def prepared(text: str, base, init_ns):
        key = text, base, tuple(sorted((str(k), str(v)) for k, v in (init_ns or {}).items()))
        query = translated.get(key)
        if query is None:
            query = translated[key] = processor.translateQuery(processor.parseQuery(text), base, init_ns)
            query._original_args = (text, init_ns or {}, base)
        return query

    def prepare_query(queryString, initNs=None, base=None):  # noqa: N803 - rdflib's signature
        return prepared(queryString, base, initNs if initNs is not None else {})

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            strOrQuery = prepared(strOrQuery, base, initNs)
        return processor.evalQuery(self.graph, strOrQuery, initBindings, base)

    processor.prepareQuery = sparql.prepareQuery = prepare_query
    processor.SPARQLProcessor.query = query


_translate_each_sparql_text_once()


@pytest.fixture(scope="session")
def project():
    return find_project(ROOT)


@pytest.fixture(scope="session")
def ontology(project) -> Graph:
    return parse_file(project.ontology_file)


@pytest.fixture(scope="session")
def shapes(project) -> Graph:
    return parse_file(project.shapes_file)


@pytest.fixture(scope="session")
def session_build(project, tmp_path_factory):
    """The project built once for the whole session into a temporary folder: (Built, the folder)."""
    return build(project, tmp_path_factory.mktemp("build") / "out")


@pytest.fixture(scope="session")
def built(session_build):
    """The graphs of the session's build."""
    return session_build[0]


@pytest.fixture(scope="session")
def build_dir(session_build):
    """The folder the session's build was written to (never the checkout's out/)."""
    return session_build[1]


@pytest.fixture(scope="session")
def asserted_graph(built) -> Graph:
    g = Graph()
    g += built.asserted
    g += built.ontology
    return g


@pytest.fixture(scope="session")
def full_graph(built) -> Graph:
    g = Graph()
    g += built.asserted
    g += built.inferred
    g += built.ontology
    return g


@pytest.fixture
def mini_project(tmp_path):
    """A valid one-article project in a temporary folder."""
    return make_project(tmp_path, {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})


#: About how many seconds the slowest test files take on one core of the project's two-core machine (measured
#: with ``--durations``), for :func:`pytest_collection_modifyitems`. Files not named here take a few seconds.
FILE_SECONDS = {
    "test_export.py": 60,
    "test_reasoner_equivalence.py": 45,
    "test_e2e.py": 32,
    "test_virtuoso.py": 26,
    "test_shapes.py": 18,
    "test_validators.py": 20,
    "test_queries.py": 14,
    "test_profiles.py": 12,
    "test_store.py": 12,
    "test_build.py": 11,
    "test_pages.py": 10,
    "test_server.py": 8,
    "test_publish.py": 5,
    "test_draft.py": 4,
}


def pytest_configure(config):
    if getattr(config.option, "dist", "no") == "loadfile":
        # xdist would hand out the files with the most tests first; the workers' order (below) is by time.
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(config, items):
    """In an xdist worker (``make test``: ``-n N --dist loadfile``) the longest files come first, so xdist
    hands them out first and the workers finish together instead of one running a long file while the
    others are done. Each file's tests keep their order; a run without xdist keeps the usual order."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: -FILE_SECONDS.get(item.path.name, 0))
