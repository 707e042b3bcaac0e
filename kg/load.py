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
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import EvidenceError, LoadError
from kg.namespaces import CLAIM, KG, bind_prefixes
from kg.quotecheck import check_mentions
from kg.timebounds import add_time_bounds
from kg.triples import Triple, nt_to_term, parse_triples, to_graph

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
IDENTITY_PROPERTIES = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.wikidata, KG.demonym})


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


# The terms loading and the evidence check look up, as term strings.
_T = {
    name: f"<{iri}>"
    for name, iri in {
        "type": RDF.type,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        "supports": KG.supports,
        "article": KG.article,
        "quote": KG.quote,
        "fileName": KG.fileName,
        "Evidence": KG.Evidence,
        "Claim": KG.Claim,
    }.items()
}
_INDEXED = frozenset(
    _T[k] for k in ("type", "subject", "predicate", "object", "supports", "article", "quote", "fileName")
)


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
        index: dict[str, dict[str, list[str]]] = {p: defaultdict(list) for p in _INDEXED}
        for s, p, o in self.triples:
            if p in _INDEXED:
                index[p][s].append(o)
        return index

    def objects(self, s: str, p: str) -> list[str]:
        return self.index[p].get(s, [])

    def value(self, s: str, p: str) -> str | None:
        found = self.index[p].get(s)
        return found[0] if found else None

    def provenance(self) -> dict[str, set[str]]:
        """Map each evidence, claim, and claim subject and object to the ids of the articles it comes from."""
        index: dict[str, set[str]] = defaultdict(set)
        for ev, claims in self.index[_T["supports"]].items():
            article = self.value(ev, _T["article"])
            if article is None:
                continue
            aid = article[1:-1].rsplit("/", 1)[-1]
            index[ev].add(aid)
            for claim in claims:
                index[claim].add(aid)
                for p in (_T["subject"], _T["object"]):
                    node = self.value(claim, p)
                    if node is not None:
                        index[node].add(aid)
        return index


def load_ontology(project: Project) -> Graph:
    return parse_file(project.ontology_file)


def load_data(files: list[Path]) -> tuple[list[Triple], dict[str, Path]]:
    """Parse the data files (with pyoxigraph) into one set of triples and materialise their claims.

    Returns the triples, without duplicates, and a map from each evidence node to the file it came from.
    """
    triples: dict[Triple, None] = {}
    origin: dict[str, Path] = {}
    rdf_type, evidence, supports = _T["type"], _T["Evidence"], _T["supports"]
    for f in files:
        part = parse_triples(f)
        for s, p, o in part:
            if p == supports or (p == rdf_type and o == evidence):
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
    names = {_T["subject"]: 0, _T["predicate"]: 1, _T["object"]: 2}
    wanted = {p.claim for p in problems}
    for s, p, o in triples:
        if s in wanted and p in names:
            parts[s][p] = o
    lines = []
    for problem in problems[:50]:
        got = parts[problem.claim]
        statement = " ".join(_show(got[p]) for p in names if p in got)
        lines.append(f"claim {statement}: {problem.message}")
    return EvidenceError(
        f"{len(problems)} time bound problem(s):\n  " + "\n  ".join(lines),
        "\nFix kg:earliest, kg:latest or kg:precision on these claims (README, 'How facts are recorded').",
    )


def load(project: Project | None = None, files: list[Path] | None = None) -> Dataset:
    """Load the ontology and the data (the project's ``data/`` files unless ``files`` is given)."""
    project = project or find_project()
    files = project.data_files() if files is None else [Path(f) for f in files]
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


def _show(term: str) -> str:
    """A term string as messages show it: prefixed where a project prefix fits."""
    return _NAMES.normalizeUri(nt_to_term(term)) if term.startswith("<") else nt_to_term(term).n3(_NAMES)


_NAMES = bind_prefixes(Graph()).namespace_manager


def materialise_claims(triples: list[Triple], origin: dict | None = None) -> list[Triple]:
    """Give every claim a stable IRI, type it kg:Claim and assert the statement it describes.

    Returns the new list of triples. Raises :class:`EvidenceError` for a claim that
    lacks rdf:subject, rdf:predicate or rdf:object.
    """
    origin = origin or {}
    names = {_T["subject"]: "rdf:subject", _T["predicate"]: "rdf:predicate", _T["object"]: "rdf:object"}
    supports: list[tuple[str, str]] = []
    parts: dict[str, dict[str, str]] = {}
    for s, p, o in triples:
        if p == _T["supports"]:
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
                f"{where}evidence {_show(evidence)} has a claim without {', '.join(missing)}.",
                "Each claim needs rdf:subject, rdf:predicate and rdf:object.",
            )
        if claim.startswith("_:"):
            renames[claim] = _claim_iri(evidence, *(got[p] for p in names))
    if renames:
        get = renames.get
        triples = [(get(s, s), p, get(o, o)) for s, p, o in triples]
    out = dict.fromkeys(triples)
    for claim in {renames.get(c, c) for _, c in supports}:
        out[(claim, _T["type"], _T["Claim"])] = None
    for _, claim in supports:
        got = parts[claim]
        out[tuple(got[p] for p in names)] = None
    return list(out)


# --- evidence ---------------------------------------------------------------


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
    name = dataset.value(article, _T["fileName"])
    name = str(nt_to_term(name)) if name is not None else article[1:-1].rstrip("/").rsplit("/", 1)[-1] + ".txt"
    path = project.articles_dir / name
    if not path.is_file():
        return path, None
    return path, path.read_text(encoding="utf-8")


def _normalise(text: str) -> str:
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
    types = dataset.index[_T["type"]]
    supports = dataset.index[_T["supports"]]

    def where(node) -> str:
        f = dataset.origin.get(node)
        return display_path(f) if f else "data"

    def statement(claim: str) -> Triple:
        return tuple(dataset.value(claim, _T[p]) for p in ("subject", "predicate", "object"))

    evidences = {s for s, classes in types.items() if _T["Evidence"] in classes} | set(supports)
    for ev in sorted(evidences, key=_order):
        articles = dataset.objects(ev, _T["article"])
        quotes = dataset.objects(ev, _T["quote"])
        label = _show(ev)
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
                EvidenceProblem(where(ev), label, f"article {_show(article)} has no text file {display_path(path)}.")
            )
            continue
        quote = str(nt_to_term(quotes[0]))
        if quote not in text:
            claims = sorted(
                (statement(c) for c in supports.get(ev, ())), key=lambda t: tuple(str(nt_to_term(x)) for x in t)
            )
            fact = ""
            if claims:
                first = " ".join(_show(x) for x in claims[0])
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

    problems.extend(_mention_problems(dataset, where))

    claims = [s for s, classes in types.items() if _T["Claim"] in classes]
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
            problems.append(EvidenceProblem("data", _show(s), f"the statement {_show(p)} {_show(o)} has no evidence."))
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
            where(m.evidence), f"{_show(m.evidence)} claim {' '.join(_show(t) for t in m.statement)}", m.message
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
