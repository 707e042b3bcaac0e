"""The build: load, check evidence, validate, reason, validate the closure, write the outputs.

Everything is computed in memory first; files are written only when every step
has passed, each through a temporary file and a rename, so a failed build leaves
the previous outputs as they were. The outputs in ``out/``:

``asserted.nt``, ``inferred.nt``, ``ontology.nt``, ``shapes.nt``
    one sorted N-Triples file per named graph (byte-identical for the same input);
``kg.nq`` and ``kg.trig``
    the four named graphs together;
``validation.ttl``
    the SHACL report of the closure;
``derivations.nt``
    the inferred triples in the order the ``rules`` reasoner derived them, for :mod:`kg.explain`
    (empty when another reasoner ran);
``search.sqlite``
    the full-text index of labels and quotes (:mod:`kg.search`);
``build.json``
    the manifest: input hashes, triple counts, validation summary, timings.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from itertools import chain
from pathlib import Path

from rdflib import Graph

from kg.errors import KgError, LoadError
from kg.evidence import derive_mentions, provenance, require_evidence
from kg.export import Staged, canonical, nquads_lines, ntriples, trig_from_ntriples
from kg.load import Dataset, load
from kg.namespaces import GRAPHS, KG, T_MENTIONED_IN, T_MENTIONS, T_SUPPORTS, T_TYPE, bind_prefixes
from kg.project import Project, display_path, find_project
from kg.reason import DEFAULT_REASONER, reason_nt
from kg.search import write_index
from kg.stats import compute_stats
from kg.triples import from_graph, ntriples_text, parse_file, to_graph
from kg.triples import parse_triples as parse_file_triples
from kg.validate import DEFAULT_ENGINE, Report, load_shapes, validate

T_DRAFT = f"<{KG.Draft}>"

OUTPUT_FILES = (
    "asserted.nt",
    "inferred.nt",
    "ontology.nt",
    "shapes.nt",
    "kg.nq",
    "kg.trig",
    "validation.ttl",
    "search.sqlite",
    "derivations.nt",
    "build.json",
)


def stale_message(consequence: str) -> str:
    """The one wording of the warning that the inputs changed since the build being used."""
    return f"the data changed since the last build; {consequence}"


class ValidationFailed(KgError):
    """The data does not conform to the shapes; the message holds the report."""

    exit_code = 1


@dataclass
class Built:
    """The graphs of a build, with its validation report and timings.

    The asserted and inferred graphs are kept as their sorted N-Triples (``texts``),
    which is what the build writes; :attr:`asserted` and :attr:`inferred` parse them
    into rdflib graphs on first use.
    """

    texts: dict[str, str]
    ontology: Graph
    shapes: Graph
    report: Report
    counts: dict[str, int]
    classes: dict
    timings: dict[str, float] = field(default_factory=dict)
    dataset: Dataset | None = None
    reasoner: str = DEFAULT_REASONER
    #: The inferred and ontology triples as term strings, for the search index.
    inferred_triples: set | None = None
    ontology_triples: list | None = None
    #: The inferred triples in derivation order (the ``rules`` reasoner only).
    order: list | None = None

    @cached_property
    def asserted(self) -> Graph:
        return to_graph(self.texts["asserted.nt"])

    @cached_property
    def inferred(self) -> Graph:
        return to_graph(self.texts["inferred.nt"])

    @property
    def graphs(self) -> dict:
        return {
            GRAPHS["asserted"]: self.asserted,
            GRAPHS["inferred"]: self.inferred,
            GRAPHS["ontology"]: self.ontology,
            GRAPHS["shapes"]: self.shapes,
        }


def input_files(project: Project, *, with_drafts: bool = False) -> list[Path]:
    articles = sorted(project.articles_dir.glob("*.txt"))
    return [project.ontology_file, project.shapes_file, *project.data_files(with_drafts=with_drafts), *articles]


def input_digest(project: Project, *, with_drafts: bool = False) -> dict[str, str]:
    """SHA-256 of every input file, keyed by its path relative to the project."""
    return {
        str(f.relative_to(project.root)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in input_files(project, with_drafts=with_drafts)
    }


@dataclass(frozen=True)
class PendingDrafts:
    """The drafts waiting for review: their files and how many claims in them are still marked kg:Draft."""

    files: tuple[Path, ...]
    claims: int
    #: Drafts that do not parse (a steward's edit in progress), with the parser's message.
    unreadable: tuple[tuple[Path, str], ...] = ()


def pending_drafts(project: Project) -> PendingDrafts:
    """Count the kg:Draft claims (claims some evidence supports) in ``data/claims/*.draft.ttl``.

    A draft that does not parse is reported in ``unreadable``, not raised: a build that leaves
    drafts out must not fail on a file someone is still editing.
    """
    files = project.draft_files()
    count = 0
    unreadable = []
    for f in files:
        try:
            triples = parse_file_triples(f)
        except LoadError as err:
            unreadable.append((f, err.message))
            continue
        supported = {o for _, p, o in triples if p == T_SUPPORTS}
        count += sum(1 for s, p, o in triples if p == T_TYPE and o == T_DRAFT and s in supported)
    return PendingDrafts(tuple(files), count, tuple(unreadable))


def compute(project: Project | None = None, reasoner: str = DEFAULT_REASONER, *, with_drafts: bool = False) -> Built:
    """Run every step of the build in memory and return the graphs.

    ``reasoner`` is one of :data:`kg.reason.REASONERS`; all give the same inferred
    graph (see :mod:`kg.reason`). The data stays in term-string triples throughout
    (:mod:`kg.triples`), so a graph of a million triples builds in about half a minute.

    ``with_drafts`` also loads ``data/claims/*.draft.ttl`` (their claims stay typed kg:Draft).

    Raises :class:`~kg.errors.LoadError` or :class:`~kg.errors.EvidenceError` for bad
    input, and :class:`ValidationFailed` when the data or its closure violates the shapes.
    """
    project = project or find_project()
    timings: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = round(now - t, 3)
        t = now

    dataset = load(project, with_drafts=with_drafts)
    shapes = load_shapes(project.shapes_file)
    lap("load")
    require_evidence(project, dataset)
    lap("evidence")
    # The sorted N-Triples that the build writes are also what the SHACL engine reads.
    texts = {"asserted.nt": ntriples_text(dataset.triples)}
    provenance_index = provenance(dataset.index)
    report = validate(None, shapes, dataset.ontology, data_text=texts["asserted.nt"], provenance=provenance_index)
    lap("validate")
    if not report.conforms:
        raise ValidationFailed(
            "the data does not conform to the shapes:\n" + report.render("text"), "Fix the data and build again."
        )
    ontology = from_graph(dataset.ontology)
    reasoned = reason_nt(ontology + dataset.triples, reasoner)
    stated = {t for t in dataset.triples if t[1] in (T_MENTIONS, T_MENTIONED_IN)}
    inferred = reasoned.inferred | (derive_mentions(dataset) - stated)
    lap("reason")
    texts["inferred.nt"] = ntriples_text(inferred)
    closure_report = validate(
        None,
        shapes,
        dataset.ontology,
        data_text=texts["asserted.nt"] + texts["inferred.nt"],
        provenance=provenance_index,
    )
    lap("validate_closure")
    if not closure_report.conforms:
        raise ValidationFailed(
            "the data conforms, but what follows from it by reasoning does not:\n" + closure_report.render("text"),
            "Check the ontology's domains and ranges against the data.",
        )
    classes = compute_stats(dataset.triples, inferred, ontology)["classes"]
    lap("stats")
    return Built(
        texts=texts,
        ontology=dataset.ontology,
        shapes=shapes,
        report=closure_report,
        counts={"asserted": len(dataset.triples), "inferred": len(inferred)},
        classes=classes,
        timings=timings,
        dataset=dataset,
        reasoner=reasoned.reasoner,
        inferred_triples=inferred,
        ontology_triples=ontology,
        order=reasoned.order,
    )


def build(
    project: Project | None = None,
    out_dir: str | Path | None = None,
    reasoner: str = DEFAULT_REASONER,
    *,
    with_drafts: bool = False,
) -> tuple[Built, Path]:
    """Build the graph and write the outputs to ``out_dir`` (default ``out/``).

    Returns the :class:`Built` graphs and the output folder. Nothing is written
    unless every step passes. Drafts are left out unless ``with_drafts``.
    """
    project = project or find_project()
    out = project.output(out_dir)
    started = time.perf_counter()
    built = compute(project, reasoner, with_drafts=with_drafts)
    drafts = pending_drafts(project)
    t = time.perf_counter()
    # Canonical blank-node labels once per graph; the serialisers below reuse them.
    built.ontology = canonical(built.ontology)
    built.shapes = canonical(built.shapes)
    texts = {f"{name}.nt": built.texts.get(f"{name}.nt") or ntriples(getattr(built, name)) for name in GRAPHS}
    by_graph = {iri: texts[f"{name}.nt"] for name, iri in GRAPHS.items()}
    with Staged(out) as staged:
        for name, text in texts.items():
            staged.write(name, text)
        # The two files of all four graphs are streamed: a million-triple build does not hold them.
        with open(staged.path("kg.nq"), "w", encoding="utf-8") as fh:
            fh.writelines(nquads_lines(by_graph))
        trig_from_ntriples(by_graph, staged.path("kg.trig"))
        staged.write("validation.ttl", built.report.graph.serialize(format="turtle"))
        built.timings["serialise"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        asserted = built.dataset.triples if built.dataset is not None else []
        write_index(
            staged.path("search.sqlite"),
            chain(asserted, built.inferred_triples or (), built.ontology_triples or ()),
            asserted_types=(x for x in chain(asserted, built.ontology_triples or ()) if x[1] == T_TYPE),
        )
        built.timings["search_index"] = round(time.perf_counter() - t, 3)
        with open(staged.path("derivations.nt"), "w", encoding="utf-8") as fh:
            fh.writelines(f"{s} {p} {o} .\n" for s, p, o in built.order or ())
        manifest = {
            "built_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "inputs": input_digest(project, with_drafts=with_drafts),
            "drafts": {
                "included": with_drafts,
                "files": [str(f.relative_to(project.root)) for f in drafts.files],
                "claims": drafts.claims,
            },
            "triples": {
                "asserted": built.counts["asserted"],
                "inferred": built.counts["inferred"],
                "ontology": len(built.ontology),
                "shapes": len(built.shapes),
            },
            "reasoner": built.reasoner,
            "validator": DEFAULT_ENGINE,
            "classes": built.classes,
            "validation": {
                "conforms": built.report.conforms,
                "violations": len(built.report.violations),
                "warnings": len(built.report.warnings),
            },
            "timings_s": {**built.timings, "total": round(time.perf_counter() - started, 3)},
        }
        staged.write("build.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        staged.commit(list(OUTPUT_FILES))  # build.json last: it marks a complete build
    return built, out


def ensure_built(project: Project | None = None, out_dir: str | Path | None = None) -> tuple[dict, bool]:
    """The manifest of the last build (building first if there is none), and whether inputs changed since.

    Cheaper than :func:`read_outputs`: it parses no graph.
    """
    project = project or find_project()
    out = project.output(out_dir)
    if not (out / "build.json").is_file():
        build(project, out)
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    return manifest, manifest.get("inputs") != input_digest(project, with_drafts=_drafts_included(manifest))


def _drafts_included(manifest: dict) -> bool:
    return bool(manifest.get("drafts", {}).get("included"))


@dataclass
class Outputs:
    """The graphs of the last build, read back from ``out/``."""

    asserted: Graph
    inferred: Graph
    ontology: Graph
    shapes: Graph
    manifest: dict
    stale: bool


def read_outputs(
    project: Project | None = None, out_dir: str | Path | None = None, *, build_if_missing: bool = True
) -> Outputs:
    """Read the outputs of the last build; build first if there are none.

    ``stale`` is true when an input changed since that build.
    """
    project = project or find_project()
    out = project.output(out_dir)
    manifest_path = out / "build.json"
    if not manifest_path.is_file():
        if not build_if_missing:
            raise KgError(f"{display_path(out)}: no build outputs.", "Run 'kg build' first.")
        build(project, out)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    graphs = {}
    for name in ("asserted", "inferred", "ontology", "shapes"):
        graphs[name] = bind_prefixes(parse_file(out / f"{name}.nt"))
    stale = manifest.get("inputs") != input_digest(project, with_drafts=_drafts_included(manifest))
    return Outputs(manifest=manifest, stale=stale, **graphs)
