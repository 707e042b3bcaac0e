"""SHACL validation with pySHACL, and a report a data steward can read or a CI job can parse.

:func:`validate` runs the shapes over a data graph (with the ontology mixed in,
so that ``sh:class`` sees subclasses) and returns a :class:`Report`. Each result
names the focus node, the shape, the path, the value, the message and, for the
project's own data, the article the focus node comes from. The module does not
load files or reason; see :mod:`kg.load` and :mod:`kg.reason`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass

import pyshacl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import ShapesError, UsageError
from kg.namespaces import KG, bind_prefixes

REPORT_FORMATS = ("text", "turtle", "json")

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, with terms shown in prefixed form."""

    focus: str
    severity: str
    shape: str
    constraint: str
    path: str | None
    value: str | None
    message: str
    articles: tuple[str, ...] = ()


@dataclass
class Report:
    """A validation report: whether the data conforms, its results, and pySHACL's report graph."""

    conforms: bool
    results: list[Result]
    graph: Graph

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Warning"]

    def by_focus(self) -> dict[str, list[Result]]:
        grouped: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            grouped[r.focus].append(r)
        return dict(sorted(grouped.items()))

    def render(self, fmt: str = "text") -> str:
        """The report as ``text`` (grouped by focus node), ``turtle`` (the SHACL report graph) or ``json``."""
        if fmt not in REPORT_FORMATS:
            raise UsageError(f"unknown report format '{fmt}'.", "Use one of: " + ", ".join(REPORT_FORMATS) + ".")
        if fmt == "turtle":
            return self.graph.serialize(format="turtle")
        if fmt == "json":
            return json.dumps(
                {
                    "conforms": self.conforms,
                    "violations": len(self.violations),
                    "warnings": len(self.warnings),
                    "results": [asdict(r) for r in sorted(self.results, key=_sort_key)],
                },
                indent=2,
                ensure_ascii=False,
            )
        return self._render_text()

    def _render_text(self) -> str:
        lines = []
        if self.conforms and not self.results:
            return "Conforms: yes (no violations, no warnings)\n"
        lines.append(
            f"Conforms: {'yes' if self.conforms else 'no'} "
            f"({len(self.violations)} violation(s), {len(self.warnings)} warning(s))"
        )
        for focus, results in self.by_focus().items():
            articles = sorted({a for r in results for a in r.articles})
            lines.append("")
            lines.append(focus + (f"   [from {', '.join(articles)}]" if articles else ""))
            for r in sorted(results, key=_sort_key):
                lines.append(f"  {r.severity}: {r.message}")
                detail = f"    shape {r.shape} ({r.constraint})"
                if r.path:
                    detail += f", path {r.path}"
                if r.value:
                    detail += f", value {r.value}"
                lines.append(detail)
        return "\n".join(lines) + "\n"


def _sort_key(r: Result):
    return (r.focus, r.severity != "Violation", r.shape, r.path or "", r.value or "", r.message)


def load_shapes(path) -> Graph:
    from kg.load import parse_file

    try:
        return parse_file(path)
    except Exception as err:
        raise ShapesError(str(err), "The shapes file must be valid Turtle.") from None


def validate(data: Graph, shapes: Graph, ontology: Graph | None = None) -> Report:
    """Validate ``data`` against ``shapes``.

    Parameters:
        data: the graph to check (asserted, or the closure after reasoning).
        shapes: the SHACL shapes graph.
        ontology: mixed into the data for the check, so that ``sh:class kg:Actor``
            accepts a ``kg:Person``. The caller's graphs are not changed.

    Returns a :class:`Report`. Warnings do not make the data non-conforming.
    """
    try:
        conforms, report_graph, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="none",
            advanced=True,
            allow_warnings=True,
            abort_on_first=False,
        )
    except Exception as err:  # pySHACL raises its own types for broken shapes
        raise ShapesError(
            f"the shapes could not be run: {' '.join(str(err).split())}", "Check ontology/shapes.ttl."
        ) from None
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure for a broken shape
        raise ShapesError(
            f"the shapes could not be run: {' '.join(str(report_graph).split())}", "Check ontology/shapes.ttl."
        )
    bind_prefixes(report_graph)
    provenance = _article_index(data)
    nm = report_graph.namespace_manager

    def show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, URIRef):
            return nm.normalizeUri(term)
        if isinstance(term, BNode):
            return _describe_path(report_graph, term) or "[blank node]"
        return term.n3(nm)

    def show_shape(shape) -> str | None:
        # Property shapes are blank nodes: name them after their node shape and path.
        if isinstance(shape, BNode):
            parent = shapes.value(None, SH.property, shape)
            path = shapes.value(shape, SH.path)
            if parent is None:
                parent = next((s for s in shapes.subjects(None, shape) if isinstance(s, URIRef)), None)
            name = nm.normalizeUri(parent) if isinstance(parent, URIRef) else "[shape]"
            if isinstance(path, URIRef):
                name += "/" + nm.normalizeUri(path)
            return name
        return show(shape)

    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        results.append(
            Result(
                focus=show(focus),
                severity=_SEVERITY.get(report_graph.value(node, SH.resultSeverity), "Violation"),
                shape=show_shape(report_graph.value(node, SH.sourceShape)),
                constraint=show(report_graph.value(node, SH.sourceConstraintComponent)).replace("sh:", ""),
                path=show(report_graph.value(node, SH.resultPath)),
                value=show(report_graph.value(node, SH.value)),
                message=str(report_graph.value(node, SH.resultMessage) or ""),
                articles=tuple(sorted(provenance.get(focus, ()))),
            )
        )
    return Report(conforms=bool(conforms), results=sorted(results, key=_sort_key), graph=report_graph)


def _describe_path(g: Graph, node) -> str | None:
    inverse = g.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{g.namespace_manager.normalizeUri(inverse)}"
    return None


def _article_index(data: Graph) -> dict:
    """Map nodes to the ids of the articles whose evidence mentions them."""
    index: dict = defaultdict(set)
    for ev, claim in data.subject_objects(KG.supports):
        article = data.value(ev, KG.article)
        if article is None:
            continue
        aid = str(article).rsplit("/", 1)[-1]
        index[ev].add(aid)
        index[claim].add(aid)
        for p in (RDF.subject, RDF.object):
            node = data.value(claim, p)
            if node is not None:
                index[node].add(aid)
    return index
