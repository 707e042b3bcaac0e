"""Find the project's files, parse them, and turn evidence claims into asserted facts.

A claim is written once, as a reified statement under the kg:Evidence that
quotes the article sentence supporting it. Loading gives each claim a stable
IRI (a hash of the evidence and the statement, so builds are deterministic),
types it kg:Claim, and asserts the statement it describes. Checking that the
quotes really are in the articles is :func:`check_evidence`; this module does
not validate shapes or reason.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import EvidenceError, LoadError
from kg.namespaces import CLAIM, KG, bind_prefixes

#: File endings rdflib can read, and the parser each one uses.
RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

#: Properties that describe an entity's identity rather than a reported fact;
#: they need no evidence.
IDENTITY_PROPERTIES = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.wikidata})


@dataclass(frozen=True)
class Project:
    """Where the project's inputs live. Build with :func:`find_project`."""

    root: Path

    @property
    def ontology_file(self) -> Path:
        return self.root / "ontology" / "kg.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def articles_dir(self) -> Path:
        return self.root / "data" / "articles"

    @property
    def out_dir(self) -> Path:
        return self.root / "out"

    def data_files(self) -> list[Path]:
        """The Turtle files of ``data/`` and ``data/claims/``, in a fixed order."""
        files = sorted(self.data_dir.glob("*.ttl")) + sorted((self.data_dir / "claims").glob("*.ttl"))
        return files


def find_project(root: str | os.PathLike | None = None) -> Project:
    """Locate the project: ``root`` if given, else ``$KG_ROOT``, else the nearest folder
    upwards from the working directory that holds ``ontology/kg.ttl``, else the checkout
    this package was installed from."""
    candidates: list[Path] = []
    if root is not None:
        candidates.append(Path(root))
    elif os.environ.get("KG_ROOT"):
        candidates.append(Path(os.environ["KG_ROOT"]))
    else:
        cwd = Path.cwd().resolve()
        candidates.extend([cwd, *cwd.parents])
        candidates.append(Path(__file__).resolve().parent.parent)
    for c in candidates:
        if (c / "ontology" / "kg.ttl").is_file():
            return Project(c.resolve())
    where = candidates[0] if (root is not None or os.environ.get("KG_ROOT")) else Path.cwd()
    raise LoadError(
        f"{where}: no project here (ontology/kg.ttl not found).",
        "Run kg from the project folder, or pass --root or set KG_ROOT to it.",
    )


def rdf_format_for(path: Path) -> str:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise LoadError(
            f"{path}: unknown RDF file ending '{path.suffix}'.",
            "Use one of " + ", ".join(sorted(RDF_FORMATS)) + ".",
        )
    return fmt


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, for messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_file(path: str | os.PathLike, graph: Graph | None = None) -> Graph:
    """Parse one RDF file into ``graph`` (a new graph if None) and return it.

    Raises :class:`LoadError` naming the file and, for Turtle, the line, when the
    file is missing or not valid RDF.
    """
    path = Path(path)
    graph = bind_prefixes(Graph()) if graph is None else graph
    shown = display_path(path)
    if not path.is_file():
        raise LoadError(f"{shown}: no such file.", "Check the path.")
    fmt = rdf_format_for(path)
    try:
        graph.parse(path, format=fmt)
    except BadSyntax as err:
        why = getattr(err, "_why", str(err))
        line = getattr(err, "lines", 0) + 1
        hint = "Fix the syntax at that line."
        if "not bound" in why:
            prefix = why.split('"')[1] if '"' in why else why
            hint = f"Add '@prefix {prefix} <...> .' to the file (kg/namespaces.py lists the project's prefixes)."
        raise LoadError(f"{shown}: line {line}: {why}.", hint) from None
    except UnicodeDecodeError as err:
        raise LoadError(
            f"{shown}: not UTF-8 text ({err.reason} at byte {err.start}).", "Save the file as UTF-8."
        ) from None
    except Exception as err:  # rdflib's other parsers raise many kinds of error
        msg = " ".join(str(err).split()) or type(err).__name__
        raise LoadError(f"{shown}: not valid {fmt}: {msg}", "Fix the file or check its ending.") from None
    return graph


@dataclass
class Dataset:
    """The loaded inputs: the ontology and the asserted data, with where each evidence came from."""

    ontology: Graph
    data: Graph
    files: list[Path]
    origin: dict[URIRef, Path] = field(default_factory=dict)


def load_ontology(project: Project) -> Graph:
    return parse_file(project.ontology_file)


def load_data(files: list[Path]) -> tuple[Graph, dict[URIRef, Path]]:
    """Parse the data files into one graph and materialise their claims.

    Returns the graph and a map from each evidence node to the file it came from.
    """
    data = bind_prefixes(Graph())
    origin: dict[URIRef, Path] = {}
    for f in files:
        part = parse_file(f)
        for ev in part.subjects(RDF.type, KG.Evidence):
            origin.setdefault(ev, f)
        for ev in part.subjects(KG.supports, None):
            origin.setdefault(ev, f)
        data += part
    materialise_claims(data, origin)
    return data, origin


def load(project: Project | None = None, files: list[Path] | None = None) -> Dataset:
    """Load the ontology and the data (the project's ``data/`` files unless ``files`` is given)."""
    project = project or find_project()
    files = project.data_files() if files is None else [Path(f) for f in files]
    if not files:
        raise LoadError(f"{display_path(project.data_dir)}: no .ttl files to load.", "Add data files.")
    ontology = load_ontology(project)
    data, origin = load_data(files)
    return Dataset(ontology=ontology, data=data, files=files, origin=origin)


def _claim_iri(evidence, s, p, o) -> URIRef:
    key = "|".join(term.n3() for term in (evidence, s, p, o))
    return CLAIM[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


def materialise_claims(graph: Graph, origin: dict | None = None) -> None:
    """Give every claim a stable IRI, type it kg:Claim and assert the statement it describes.

    Raises :class:`EvidenceError` for a claim that lacks rdf:subject, rdf:predicate or rdf:object.
    """
    origin = origin or {}
    renames: dict = {}
    for evidence, claim in list(graph.subject_objects(KG.supports)):
        s = graph.value(claim, RDF.subject)
        p = graph.value(claim, RDF.predicate)
        o = graph.value(claim, RDF.object)
        if s is None or p is None or o is None:
            missing = [n for n, v in (("rdf:subject", s), ("rdf:predicate", p), ("rdf:object", o)) if v is None]
            where = display_path(origin[evidence]) + ": " if evidence in origin else ""
            raise EvidenceError(
                f"{where}evidence {graph.namespace_manager.normalizeUri(evidence)} has a claim without {', '.join(missing)}.",
                "Each claim needs rdf:subject, rdf:predicate and rdf:object.",
            )
        if isinstance(claim, BNode):
            renames[claim] = _claim_iri(evidence, s, p, o)
    for old, new in renames.items():
        for p, o in list(graph.predicate_objects(old)):
            graph.remove((old, p, o))
            graph.add((new, p, o))
        for s, p in list(graph.subject_predicates(old)):
            graph.remove((s, p, old))
            graph.add((s, p, new))
    for claim in set(graph.objects(None, KG.supports)):
        graph.add((claim, RDF.type, KG.Claim))
        graph.add((graph.value(claim, RDF.subject), graph.value(claim, RDF.predicate), graph.value(claim, RDF.object)))


# --- evidence ---------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceProblem:
    """One failed evidence check: where, what and the next step."""

    file: str
    node: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.node}: {self.message}"


def article_text(project: Project, article: URIRef, graph: Graph) -> tuple[Path, str | None]:
    """The text of ``article``: its kg:fileName in ``data/articles/``, else its IRI's last segment + .txt."""
    name = graph.value(article, KG.fileName)
    name = str(name) if name is not None else str(article).rstrip("/").rsplit("/", 1)[-1] + ".txt"
    path = project.articles_dir / name
    if not path.is_file():
        return path, None
    return path, path.read_text(encoding="utf-8")


def _normalise(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(text.translate(table).split())


def check_evidence(project: Project, dataset: Dataset) -> list[EvidenceProblem]:
    """Check that every quote is verbatim in its article and every reported fact has evidence.

    Returns the problems found (an empty list when all hold). The checks:
    every kg:Evidence names one article that exists and a quote found verbatim in
    its text; every claim is supported; and every statement about an event,
    agreement, programme, initiative or office holder other than its type and
    labels is the statement of some claim.
    """
    g = dataset.data
    nm = g.namespace_manager
    problems: list[EvidenceProblem] = []
    cache: dict[URIRef, tuple[Path, str | None]] = {}

    def where(node) -> str:
        f = dataset.origin.get(node)
        return display_path(f) if f else "data"

    for ev in sorted(set(g.subjects(RDF.type, KG.Evidence)) | set(g.subjects(KG.supports, None))):
        articles = list(g.objects(ev, KG.article))
        quotes = list(g.objects(ev, KG.quote))
        label = nm.normalizeUri(ev)
        if len(articles) != 1:
            problems.append(EvidenceProblem(where(ev), label, f"needs exactly one kg:article, has {len(articles)}."))
            continue
        if len(quotes) != 1:
            problems.append(EvidenceProblem(where(ev), label, f"needs exactly one kg:quote, has {len(quotes)}."))
            continue
        article = articles[0]
        if article not in cache:
            cache[article] = article_text(project, article, g)
        path, text = cache[article]
        if text is None:
            problems.append(
                EvidenceProblem(
                    where(ev), label, f"article {nm.normalizeUri(article)} has no text file {display_path(path)}."
                )
            )
            continue
        quote = str(quotes[0])
        if quote not in text:
            claims = sorted(
                (
                    tuple(g.value(c, p) for p in (RDF.subject, RDF.predicate, RDF.object))
                    for c in g.objects(ev, KG.supports)
                ),
                key=lambda t: tuple(str(x) for x in t),
            )
            fact = ""
            if claims:
                first = " ".join(nm.normalizeUri(x) if isinstance(x, URIRef) else x.n3(nm) for x in claims[0])
                fact = f" (supports {len(claims)} claim{'s' if len(claims) != 1 else ''}, such as {first})"
            hint = "Copy the sentence from the article exactly."
            if _normalise(quote) in _normalise(text):
                hint = "It is there with other quote marks, dashes or spaces: copy the article's exact characters."
            problems.append(
                EvidenceProblem(
                    where(ev),
                    label + fact,
                    f'quote not found verbatim in {display_path(path)}: "{quote[:90]}{"…" if len(quote) > 90 else ""}". {hint}',
                )
            )

    claimed = {
        (g.value(c, RDF.subject), g.value(c, RDF.predicate), g.value(c, RDF.object))
        for c in g.subjects(RDF.type, KG.Claim)
    }
    needs_evidence = set()
    # The data types events as kg:Meeting, kg:Visit and so on: walk the subclasses.
    for cls in _subclasses(dataset.ontology, (KG.Event, KG.Agreement, KG.DefenceProgramme, KG.Initiative)):
        needs_evidence |= set(g.subjects(RDF.type, cls))
    for s in sorted(needs_evidence):
        for p, o in g.predicate_objects(s):
            if p in IDENTITY_PROPERTIES or (s, p, o) in claimed:
                continue
            problems.append(
                EvidenceProblem(
                    "data",
                    nm.normalizeUri(s),
                    f"the statement {nm.normalizeUri(p)} {o.n3(nm)} has no evidence.",
                )
            )
    if not any(True for _ in g.subjects(RDF.type, KG.Claim)) and needs_evidence:
        problems.append(EvidenceProblem("data", "-", "no claims found: every reported fact needs kg:Evidence."))
    return problems


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
    "Dataset",
    "EvidenceProblem",
    "Project",
    "check_evidence",
    "find_project",
    "load",
    "load_data",
    "load_ontology",
    "materialise_claims",
    "parse_file",
    "require_evidence",
]
