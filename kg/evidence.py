"""The evidence behind the facts: quotes found verbatim, every fact claimed, and where facts come from.

:func:`check_evidence` checks that every kg:Evidence quotes its article exactly and
that every reported fact is the statement of a claim; :func:`provenance` maps nodes
to the articles their evidence comes from, and :func:`derive_mentions` says which
entities each article mentions. Both of those walk evidence to claims to nodes with
:func:`claim_nodes`. This module does not load files (:mod:`kg.load` does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import EvidenceError
from kg.load import Dataset, index_triples, show
from kg.namespaces import (
    KG,
    T_ARTICLE,
    T_CLAIM,
    T_EVIDENCE,
    T_FILE_NAME,
    T_MENTIONED_IN,
    T_MENTIONS,
    T_OBJECT,
    T_PREDICATE,
    T_QUOTE,
    T_SUBJECT,
    T_SUPPORTS,
    T_TYPE,
)
from kg.project import Project, display_path
from kg.quotecheck import check_mentions
from kg.triples import Triple, nt_to_term

#: Properties that describe an entity's identity rather than a reported fact;
#: they need no evidence.
IDENTITY_PROPERTIES = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.wikidata, KG.demonym})


def claim_nodes(index: dict) -> Iterator[tuple[str, str, str, str | None]]:
    """``(evidence, article, claim, node)`` for the subject and the object of every claim an evidence supports.

    ``index`` is :attr:`kg.load.Dataset.index` (or :func:`kg.load.index_triples`); an
    evidence without an article is skipped, and ``node`` is None for a claim without
    that part. The one walk from evidence to what its claims are about.
    """
    articles, subjects, objects = index[T_ARTICLE], index[T_SUBJECT], index[T_OBJECT]
    for ev, claims in index[T_SUPPORTS].items():
        found = articles.get(ev)
        if not found:
            continue
        article = found[0]
        for claim in claims:
            for part in (subjects, objects):
                node = part.get(claim)
                yield ev, article, claim, node[0] if node else None


def provenance(index: dict) -> dict[str, set[str]]:
    """Map each evidence, claim, and claim subject and object to the ids of the articles it comes from."""
    out: dict[str, set[str]] = defaultdict(set)
    ids: dict[str, str] = {}
    for ev, article, claim, node in claim_nodes(index):
        aid = ids.get(article)
        if aid is None:
            aid = ids[article] = article[1:-1].rsplit("/", 1)[-1]
        out[ev].add(aid)
        out[claim].add(aid)
        if node is not None:
            out[node].add(aid)
    return out


def provenance_of(triples) -> dict[str, set[str]]:
    """:func:`provenance` of term-string triples that are not a loaded :class:`~kg.load.Dataset`."""
    return provenance(index_triples(triples))


def derive_mentions(dataset: Dataset) -> set[Triple]:
    """Which entities each article mentions: the subjects and objects of the claims its quotes support.

    This is derived by the build, not by OWL-RL, and goes into the inferred graph.
    """
    own = f"<{KG}"
    out: set[Triple] = set()
    for _, article, _, node in claim_nodes(dataset.index):
        if node is not None and node.startswith("<") and not node.startswith(own):
            out.add((article, T_MENTIONS, node))
            out.add((node, T_MENTIONED_IN, article))
    return out


@dataclass(frozen=True)
class EvidenceProblem:
    """One failed evidence check: where, what and the next step."""

    file: str
    node: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.node}: {self.message}"


def article_text(project: Project, article: str, dataset: Dataset) -> tuple[Path, str | None]:
    """The text of ``article``: its kg:fileName in ``data/articles/``, else its IRI's last segment + .txt."""
    name = dataset.value(article, T_FILE_NAME)
    name = str(nt_to_term(name)) if name is not None else article[1:-1].rstrip("/").rsplit("/", 1)[-1] + ".txt"
    path = project.articles_dir / name
    if not path.is_file():
        return path, None
    return path, path.read_text(encoding="utf-8")


def normalise(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(text.translate(table).split())


def _order(term: str) -> str:
    """Sort key giving terms in the order of their IRIs (or lexical forms)."""
    return term[1:-1] if term.startswith("<") else term


def check_evidence(project: Project, dataset: Dataset) -> list[EvidenceProblem]:
    """Check that every quote is verbatim in its article and every reported fact has evidence.

    Returns the problems found (an empty list when all hold). The checks:
    every kg:Evidence names one article that exists and a quote found verbatim in
    its text; every claim is supported; and every statement about an event,
    agreement, programme, initiative or office holder other than its type and
    labels is the statement of some claim.
    """
    problems: list[EvidenceProblem] = []
    cache: dict[str, tuple[Path, str | None]] = {}
    types = dataset.index[T_TYPE]
    supports = dataset.index[T_SUPPORTS]

    def where(node) -> str:
        f = dataset.origin.get(node)
        return display_path(f) if f else "data"

    def statement(claim: str) -> Triple:
        return tuple(dataset.value(claim, p) for p in (T_SUBJECT, T_PREDICATE, T_OBJECT))

    evidences = {s for s, classes in types.items() if T_EVIDENCE in classes} | set(supports)
    for ev in sorted(evidences, key=_order):
        articles = dataset.objects(ev, T_ARTICLE)
        quotes = dataset.objects(ev, T_QUOTE)
        label = show(ev)
        if len(articles) != 1:
            problems.append(EvidenceProblem(where(ev), label, f"needs exactly one kg:article, has {len(articles)}."))
            continue
        if len(quotes) != 1:
            problems.append(EvidenceProblem(where(ev), label, f"needs exactly one kg:quote, has {len(quotes)}."))
            continue
        article = articles[0]
        if article not in cache:
            cache[article] = article_text(project, article, dataset)
        path, text = cache[article]
        if text is None:
            problems.append(
                EvidenceProblem(where(ev), label, f"article {show(article)} has no text file {display_path(path)}.")
            )
            continue
        quote = str(nt_to_term(quotes[0]))
        if quote not in text:
            claims = sorted(
                (statement(c) for c in supports.get(ev, ())), key=lambda t: tuple(str(nt_to_term(x)) for x in t)
            )
            fact = ""
            if claims:
                first = " ".join(show(x) for x in claims[0])
                fact = f" (supports {len(claims)} claim{'s' if len(claims) != 1 else ''}, such as {first})"
            hint = "Copy the sentence from the article exactly."
            if normalise(quote) in normalise(text):
                hint = "It is there with other quote marks, dashes or spaces: copy the article's exact characters."
            problems.append(
                EvidenceProblem(
                    where(ev),
                    label + fact,
                    f'quote not found verbatim in {display_path(path)}: "{quote[:90]}{"…" if len(quote) > 90 else ""}". {hint}',
                )
            )

    # A quote that is not in its article is the one problem to report for its claims.
    broken = {p.node.split(" ", 1)[0] for p in problems}
    problems.extend(m for m in _mention_problems(dataset, where) if m.node.split(" ", 1)[0] not in broken)

    claims = [s for s, classes in types.items() if T_CLAIM in classes]
    claimed = {statement(c) for c in claims}
    # The data types events as kg:Meeting, kg:Visit and so on: walk the subclasses.
    checked = {
        f"<{c}>" for c in _subclasses(dataset.ontology, (KG.Event, KG.Agreement, KG.DefenceProgramme, KG.Initiative))
    }
    needs_evidence = {s for s, classes in types.items() if not checked.isdisjoint(classes)}
    identity = {f"<{p}>" for p in IDENTITY_PROPERTIES}
    unclaimed: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in dataset.triples:
        if s in needs_evidence and p not in identity and (s, p, o) not in claimed:
            unclaimed[s].append((p, o))
    for s in sorted(unclaimed, key=_order):
        for p, o in unclaimed[s]:
            problems.append(EvidenceProblem("data", show(s), f"the statement {show(p)} {show(o)} has no evidence."))
    if not claims and needs_evidence:
        problems.append(EvidenceProblem("data", "-", "no claims found: every reported fact needs kg:Evidence."))
    return problems


def _mention_problems(dataset: Dataset, where) -> list[EvidenceProblem]:
    """The claims whose quote does not name what they claim (see :mod:`kg.quotecheck`)."""
    ontology_labels: dict[str, list[str]] = defaultdict(list)
    for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label):
        for term, label in dataset.ontology.subject_objects(p):
            if isinstance(term, URIRef):
                ontology_labels[f"<{term}>"].append(str(label))
    found = check_mentions(dataset.triples, ontology_labels)
    return [
        EvidenceProblem(
            where(m.evidence), f"{show(m.evidence)} claim {' '.join(show(t) for t in m.statement)}", m.message
        )
        for m in sorted(found, key=lambda m: (_order(m.evidence), m.statement))
    ]


def _subclasses(ontology: Graph, roots) -> set:
    """All named subclasses of ``roots`` in the ontology, the roots included."""
    seen = set(roots)
    frontier = list(roots)
    while frontier:
        cls = frontier.pop()
        for sub in ontology.subjects(RDFS.subClassOf, cls):
            if isinstance(sub, URIRef) and sub not in seen:
                seen.add(sub)
                frontier.append(sub)
    return seen


def require_evidence(project: Project, dataset: Dataset) -> None:
    """Raise :class:`EvidenceError` listing every problem :func:`check_evidence` finds."""
    problems = check_evidence(project, dataset)
    if problems:
        shown = "\n  ".join(str(p) for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise EvidenceError(
            f"{len(problems)} evidence problem(s):\n  {shown}{more}",
            "\nEvery fact needs a verbatim quote from its article (see README, 'Adding facts').",
        )


__all__ = [
    "IDENTITY_PROPERTIES",
    "EvidenceProblem",
    "check_evidence",
    "claim_nodes",
    "derive_mentions",
    "normalise",
    "provenance",
    "provenance_of",
    "require_evidence",
]
