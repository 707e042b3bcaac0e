"""Load the project's inputs and turn evidence claims into asserted facts.

A claim is written once, as a reified statement under the kg:Evidence that
quotes the article sentence supporting it. Loading gives each claim a stable
IRI (a hash of the evidence and the statement, so builds are deterministic),
types it kg:Claim, and asserts the statement it describes. Checking that the
quotes really are in the articles is :func:`kg.evidence.check_evidence`; finding
the files is :mod:`kg.project`. This module does not validate shapes or reason.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg.errors import EvidenceError, LoadError
from kg.namespaces import (
    CLAIM,
    T_ARTICLE,
    T_CLAIM,
    T_EVIDENCE,
    T_FILE_NAME,
    T_OBJECT,
    T_PREDICATE,
    T_QUOTE,
    T_SUBJECT,
    T_SUPPORTS,
    T_TYPE,
    bind_prefixes,
)
from kg.project import Project, display_path, find_project
from kg.timebounds import add_time_bounds
from kg.triples import Triple, nt_to_term, parse_file, parse_triples, to_graph

# The predicates loading and the evidence checks look up by subject.
_INDEXED = frozenset({T_TYPE, T_SUBJECT, T_PREDICATE, T_OBJECT, T_SUPPORTS, T_ARTICLE, T_QUOTE, T_FILE_NAME})


@dataclass
class Dataset:
    """The loaded inputs: the ontology, the asserted data and where each evidence came from.

    The data is kept as term-string triples (see :mod:`kg.triples`), which a million
    triples fit in; :attr:`data` gives it as an rdflib graph, built on first use.
    """

    ontology: Graph
    triples: list[Triple]
    files: list[Path]
    origin: dict[str, Path] = field(default_factory=dict)

    @cached_property
    def data(self) -> Graph:
        """The asserted data as an rdflib graph, with the project's prefixes."""
        return to_graph(self.triples)

    @cached_property
    def index(self) -> dict[str, dict[str, list[str]]]:
        """predicate -> subject -> objects, for the few predicates loading and checking look up."""
        return index_triples(self.triples)

    def objects(self, s: str, p: str) -> list[str]:
        return self.index[p].get(s, [])

    def value(self, s: str, p: str) -> str | None:
        found = self.index[p].get(s)
        return found[0] if found else None


def index_triples(triples) -> dict[str, dict[str, list[str]]]:
    """predicate -> subject -> objects of ``triples``, for the predicates of evidence and claims."""
    index: dict[str, dict[str, list[str]]] = {p: defaultdict(list) for p in _INDEXED}
    for s, p, o in triples:
        if p in _INDEXED:
            index[p][s].append(o)
    return index


def load_ontology(project: Project) -> Graph:
    return parse_file(project.ontology_file)


def load_data(files: list[Path]) -> tuple[list[Triple], dict[str, Path]]:
    """Parse the data files (with pyoxigraph) into one set of triples and materialise their claims.

    Returns the triples, without duplicates, and a map from each evidence node to the file it came from.
    """
    triples: dict[Triple, None] = {}
    origin: dict[str, Path] = {}
    for f in files:
        part = parse_triples(f)
        for s, p, o in part:
            if p == T_SUPPORTS or (p == T_TYPE and o == T_EVIDENCE):
                origin.setdefault(s, f)
        triples.update(dict.fromkeys(part))
    materialised = materialise_claims(list(triples), origin)
    bounded, problems = add_time_bounds(materialised)
    if problems:
        raise _bounds_error(materialised, problems)
    return bounded, origin


def _bounds_error(triples: list[Triple], problems) -> EvidenceError:
    """One error naming each claim whose time bounds do not fit its date, by its statement."""
    parts: dict[str, dict[str, str]] = defaultdict(dict)
    names = {T_SUBJECT: 0, T_PREDICATE: 1, T_OBJECT: 2}
    wanted = {p.claim for p in problems}
    for s, p, o in triples:
        if s in wanted and p in names:
            parts[s][p] = o
    lines = []
    for problem in problems[:50]:
        got = parts[problem.claim]
        statement = " ".join(show(got[p]) for p in names if p in got)
        lines.append(f"claim {statement}: {problem.message}")
    return EvidenceError(
        f"{len(problems)} time bound problem(s):\n  " + "\n  ".join(lines),
        "\nFix kg:earliest, kg:latest or kg:precision on these claims (docs/vocabulary.md, 'How facts are recorded').",
    )


def load(project: Project | None = None, files: list[Path] | None = None, *, with_drafts: bool = False) -> Dataset:
    """Load the ontology and the data (the project's ``data/`` files unless ``files`` is given).

    Draft files (``*.draft.ttl``) are loaded only with ``with_drafts`` or when named in ``files``.
    """
    project = project or find_project()
    files = project.data_files(with_drafts=with_drafts) if files is None else [Path(f) for f in files]
    if not files:
        raise LoadError(f"{display_path(project.data_dir)}: no .ttl files to load.", "Add data files.")
    ontology = load_ontology(project)
    triples, origin = load_data(files)
    return Dataset(ontology=ontology, triples=triples, files=files, origin=origin)


def _n3(term: str) -> str:
    """rdflib's N3 form of a term string (it differs from N-Triples for literals only)."""
    return term if term[0] in "<_" else nt_to_term(term).n3()


def _claim_iri(evidence: str, s: str, p: str, o: str) -> str:
    key = "|".join(_n3(term) for term in (evidence, s, p, o))
    return f"<{CLAIM}{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}>"


def show(term: str) -> str:
    """A term string as messages show it: prefixed where a project prefix fits."""
    return _NAMES.normalizeUri(nt_to_term(term)) if term.startswith("<") else nt_to_term(term).n3(_NAMES)


_NAMES = bind_prefixes(Graph()).namespace_manager


def materialise_claims(triples: list[Triple], origin: dict | None = None) -> list[Triple]:
    """Give every claim a stable IRI, type it kg:Claim and assert the statement it describes.

    Returns the new list of triples. Raises :class:`EvidenceError` for a claim that
    lacks rdf:subject, rdf:predicate or rdf:object.
    """
    origin = origin or {}
    names = {T_SUBJECT: "rdf:subject", T_PREDICATE: "rdf:predicate", T_OBJECT: "rdf:object"}
    supports: list[tuple[str, str]] = []
    parts: dict[str, dict[str, str]] = {}
    for s, p, o in triples:
        if p == T_SUPPORTS:
            supports.append((s, o))
        elif p in names:
            parts.setdefault(s, {}).setdefault(p, o)
    renames: dict[str, str] = {}
    for evidence, claim in supports:
        got = parts.get(claim, {})
        if len(got) < 3:
            missing = [n for p, n in names.items() if p not in got]
            where = display_path(origin[evidence]) + ": " if evidence in origin else ""
            raise EvidenceError(
                f"{where}evidence {show(evidence)} has a claim without {', '.join(missing)}.",
                "Each claim needs rdf:subject, rdf:predicate and rdf:object.",
            )
        if claim.startswith("_:"):
            renames[claim] = _claim_iri(evidence, *(got[p] for p in names))
    if renames:
        get = renames.get
        triples = [(get(s, s), p, get(o, o)) for s, p, o in triples]
    out = dict.fromkeys(triples)
    for claim in {renames.get(c, c) for _, c in supports}:
        out[(claim, T_TYPE, T_CLAIM)] = None
    for _, claim in supports:
        got = parts[claim]
        out[tuple(got[p] for p in names)] = None
    return list(out)


__all__ = [
    "Dataset",
    "index_triples",
    "load",
    "load_data",
    "load_ontology",
    "materialise_claims",
    "show",
]
