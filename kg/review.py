"""Read a draft back for review: what ``kg serve --drafts`` shows on ``/drafts/<article>``.

:func:`read_review` parses ``data/claims/<article>.draft.ttl`` as it is now (the steward
may have edited it), finds each evidence quote in the article's text, and marks in each
quote the names its claims use (registry entities, or entities the draft proposes) and
the date expressions (:func:`kg.dates.find_dates`, against the article date the draft
file gives). It reads; it never writes, and it decides nothing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.dates import ArticleDate, find_dates, is_date_text
from kg.draft import ENT, Registry, find_mentions, registry_files, registry_from_graph
from kg.errors import LoadError
from kg.namespaces import KG
from kg.project import Project, display_path
from kg.triples import parse_file

DRAFT_SUFFIX = ".draft.ttl"
_PRECISION = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}


@dataclass(frozen=True)
class Mark:
    """A marked stretch of a quote: a name (``linked`` or ``proposed``) or a ``date``."""

    start: int
    end: int
    kind: str  # "linked", "proposed" or "date"
    text: str
    title: str
    iri: str | None = None  # the entity, for names
    value: str | None = None  # the resolved value, for dates (None when unresolved)


@dataclass(frozen=True)
class Claim:
    """One proposed (or accepted) claim: rdflib terms, its qualifiers, and whether it is still a draft."""

    subject: object
    predicate: object
    object: object
    qualifiers: tuple[tuple[object, object], ...]
    draft: bool


@dataclass
class ReviewSentence:
    evidence: str
    quote: str
    start: int | None  # where the quote is in the article's text; None when it is not there verbatim
    marks: list[Mark]
    claims: list[Claim]

    @property
    def anchor(self) -> str:
        return "s-" + self.evidence.rsplit("/", 1)[-1]


@dataclass
class Review:
    article_id: str
    file: str  # the draft file, as shown to people
    article_file: str | None
    article_date: ArticleDate
    text: str | None
    sentences: list[ReviewSentence]
    labels: dict[str, str]
    proposed: set[str]  # IRIs the draft proposes (typed kg:Draft in the file)
    known: set[str]  # IRIs the registry knows
    chunks: list[tuple[str, ReviewSentence | None]] = field(default_factory=list)

    @property
    def missing(self) -> list[ReviewSentence]:
        return [s for s in self.sentences if s.start is None]

    @property
    def claim_count(self) -> tuple[int, int]:
        """(claims still typed kg:Draft, claims accepted)."""
        claims = [c for s in self.sentences for c in s.claims]
        drafts = sum(1 for c in claims if c.draft)
        return drafts, len(claims) - drafts


def draft_files(project: Project) -> dict[str, Path]:
    """The draft files of the project by article id (``data/claims/<id>.draft.ttl``)."""
    return {p.name[: -len(DRAFT_SUFFIX)]: p for p in project.draft_files() if p.is_file()}


@dataclass(frozen=True)
class DraftFile:
    """A draft file for the list: its article, how many claims wait and how many are accepted, or its error."""

    article_id: str
    file: str
    drafts: int = 0
    accepted: int = 0
    error: str | None = None


def list_drafts(project: Project) -> list[DraftFile]:
    """Every draft file of the project, each parsed now (a file that does not parse gives its error)."""
    out = []
    for aid, path in draft_files(project).items():
        try:
            g = parse_file(path)
        except LoadError as err:
            out.append(DraftFile(aid, _shown(project, path), error=err.message))
            continue
        nodes = set(g.subjects(RDF.subject, None))
        drafts = sum(1 for n in nodes if (n, RDF.type, KG.Draft) in g)
        out.append(DraftFile(aid, _shown(project, path), drafts, len(nodes) - drafts))
    return out


def _shown(project: Project, path: Path) -> str:
    """``path`` relative to the project folder (``data/claims/…``), as the steward finds it."""
    try:
        return str(path.resolve().relative_to(project.root.resolve()))
    except ValueError:
        return display_path(path)


def _base_graph(project: Project) -> Graph:
    """The registry's files (``data/entities.ttl`` and the curated claims) as one graph."""
    graph = Graph()
    for f in registry_files(project):
        parse_file(f, graph)
    return graph


_cache: dict[tuple, Graph] = {}


def base_graph(project: Project) -> Graph:
    """:func:`_base_graph`, parsed again only when one of its files changed."""
    files = registry_files(project)
    key = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _base_graph(project)
    return _cache[key]


def _article_date(graph: Graph, article: URIRef) -> ArticleDate:
    value = graph.value(article, KG.publicationDate)
    method = str(graph.value(article, KG.dateMethod) or "")
    if isinstance(value, Literal) and value.datatype in _PRECISION:
        text = str(value)
        if is_date_text(text):
            return ArticleDate(text, _PRECISION[value.datatype], method)
    return ArticleDate(None, None, method or "The draft gives no article date.")


def _sub_registry(full: Registry, iris: set[str]) -> Registry:
    names = {k: v for k, v in full.names.items() if v in iris}
    return Registry(full.entities, names, {k: full.cased.get(k, False) for k in names})


def read_review(project: Project, article_id: str) -> Review:
    """The draft of ``article_id`` read back for review.

    Raises :class:`LoadError` naming the file and line when the draft file is not valid Turtle.
    """
    path = draft_files(project).get(article_id)
    if path is None:
        raise LoadError(f"no draft for article '{article_id}'.", f"kg draft data/articles/{article_id}.txt writes one.")
    draft = parse_file(path)
    base = base_graph(project)
    known = set(registry_from_graph(base).entities)
    union = Graph()
    union += base
    union += draft
    full = registry_from_graph(union, drafts=True)
    proposed = {str(s) for s in draft.subjects(RDF.type, KG.Draft) if isinstance(s, URIRef)}

    article = next(iter(draft.subjects(RDF.type, KG.Article)), URIRef(f"https://w3id.org/ijkg/article/{article_id}"))
    article_date = _article_date(draft, article)
    file_name = draft.value(article, KG.fileName)
    candidates = [Path(str(file_name)).name] if file_name else []
    candidates.append(f"{article_id}.txt")
    text, article_file = None, None
    for name in candidates:
        p = project.articles_dir / name
        if p.is_file():
            try:
                text, article_file = p.read_text(encoding="utf-8"), _shown(project, p)
            except UnicodeDecodeError:
                text = None
            break

    labels: dict[str, str] = {}
    for g in (base, draft):
        for s, o in g.subject_objects(SKOS.prefLabel):
            labels.setdefault(str(s), str(o))

    sentences: list[ReviewSentence] = []
    for evidence in set(draft.subjects(RDF.type, KG.Evidence)) | set(draft.subjects(KG.quote, None)):
        quote = draft.value(evidence, KG.quote)
        if quote is None:
            continue
        quote = str(quote)
        claims = []
        for node in draft.objects(evidence, KG.supports):
            s, p, o = (draft.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
            if s is None or p is None or o is None:
                continue
            quals = tuple(
                sorted(
                    (
                        (qp, qo)
                        for qp, qo in draft.predicate_objects(node)
                        if qp not in (RDF.subject, RDF.predicate, RDF.object, RDF.type)
                    ),
                    key=lambda x: (str(x[0]), str(x[1])),
                )
            )
            claims.append(Claim(s, p, o, quals, (node, RDF.type, KG.Draft) in draft))
        claims.sort(key=lambda c: (c.predicate == KG.mentions, str(c.subject), str(c.predicate), str(c.object)))
        iris = {
            str(t) for c in claims for t in (c.subject, c.object) if isinstance(t, URIRef) and str(t).startswith(ENT)
        }
        marks = []
        for m in find_mentions(quote, _sub_registry(full, iris)):
            if m.entity is None:
                continue  # a capitalised run no claim of this sentence uses
            kind = "proposed" if m.entity in proposed else "linked"
            label = labels.get(m.entity, m.entity.rsplit("/", 1)[-1])
            what = "proposed in this draft" if kind == "proposed" else "registry entity"
            marks.append(Mark(m.start, m.end, kind, m.surface, f"{label} ({what}, {m.how})", iri=m.entity))
        for d in find_dates(quote, article_date):
            end = d.start + len(d.phrase)
            if d.value:
                value = d.value + (f" to {d.end_value}" if d.end_value else "")
                title = f"{value} ({d.precision})" + (f"; {d.note}" if d.note else "")
            else:
                title = f"unresolved: {d.note}"
            marks.append(Mark(d.start, end, "date", d.phrase, title, value=d.value))
        marks.sort(key=lambda m: (m.start, -m.end))
        kept: list[Mark] = []
        for m in marks:  # no two marks overlap: the first (and longest) wins
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        sentences.append(ReviewSentence(str(evidence), quote, None, kept, claims))

    # Find each quote in the text, in the text's order.
    if text is not None:
        for s in sentences:
            pos = text.find(s.quote)
            s.start = pos if pos >= 0 and s.quote else None
    sentences.sort(key=lambda s: (s.start is None, s.start or 0, _natural(s.evidence)))
    review = Review(
        article_id, _shown(project, path), article_file, article_date, text, sentences, labels, proposed, known
    )
    review.chunks = _chunks(text, sentences) if text is not None else []
    return review


def _natural(text: str):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _chunks(text: str, sentences: list[ReviewSentence]) -> list[tuple[str, ReviewSentence | None]]:
    """The article's text cut into plain stretches and quoted sentences, in order.

    A quote found twice, or inside another, is shown once: its claims go with the sentence
    shown in its place, so every proposed claim is on the page.
    """
    out: list[tuple[str, ReviewSentence | None]] = []
    at = 0
    shown: int | None = None  # where in ``out`` the last sentence shown is
    for s in sentences:
        if s.start is None:
            continue
        if s.start < at and shown is not None:
            quote, place = out[shown]
            extra = [c for c in s.claims if c not in place.claims]
            out[shown] = (
                quote,
                dataclasses.replace(place, claims=place.claims + extra),
            )  # the sentence list stays as read
            continue
        if text[at : s.start].strip():
            out.append((text[at : s.start], None))
        out.append((s.quote, s))
        shown = len(out) - 1
        at = s.start + len(s.quote)
    if text[at:].strip():
        out.append((text[at:], None))
    return out


def pieces(sentence: ReviewSentence) -> list[tuple[str, Mark | None]]:
    """The quote cut at its marks: (text, the mark or None)."""
    out: list[tuple[str, Mark | None]] = []
    at = 0
    for m in sentence.marks:
        if m.start > at:
            out.append((sentence.quote[at : m.start], None))
        out.append((sentence.quote[m.start : m.end], m))
        at = m.end
    if at < len(sentence.quote):
        out.append((sentence.quote[at:], None))
    return out


__all__ = [
    "Claim",
    "DraftFile",
    "Mark",
    "Review",
    "ReviewSentence",
    "draft_files",
    "list_drafts",
    "pieces",
    "read_review",
]
