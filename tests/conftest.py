"""Shared fixtures: the project, its ontology and shapes, and one build per session in a temporary folder."""

from __future__ import annotations

import pytest
from rdflib import Graph

from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, ROOT, make_project
from kg.build import build
from kg.project import find_project
from kg.triples import parse_file


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
