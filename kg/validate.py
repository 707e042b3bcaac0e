"""SHACL validation, and a report a data steward can read or a CI job can parse.

:func:`validate` runs the shapes over a data graph (with the ontology mixed in,
so that ``sh:class`` sees subclasses) and returns a :class:`Report`. Each result
names the focus node, the shape, the path, the value, the message and, for the
project's own data, the article the focus node comes from. The module does not
load files or reason; see :mod:`kg.load` and :mod:`kg.reason`.

Two engines run the shapes and give the same results:

``shacl`` (the default)
    the `shacl <https://pypi.org/project/shacl/>`_ package, a SHACL engine written
    in Rust that also runs SHACL-AF SPARQL targets: about 50 times faster than
    pySHACL at a million triples, in a tenth of the memory.
``pyshacl``
    pySHACL, the reference. ``tests/test_shapes.py`` runs every shape fixture
    through both, and ``tests/test_validators.py`` compares their full reports on
    the seed graph and on synthetic graphs with planted violations.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.util import from_n3

from kg.errors import ShapesError, UsageError
from kg.evidence import provenance_of
from kg.namespaces import bind_prefixes
from kg.triples import from_graph, parse_file, term_to_nt

REPORT_FORMATS = ("text", "turtle", "json")

#: The SHACL engines :func:`validate` can use; the first is the default.
ENGINES = ("shacl", "pyshacl")
DEFAULT_ENGINE = ENGINES[0]

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_NAMES = {"Violation": "Violation", "Warning": "Warning", "Info": "Info"}


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
    try:
        return parse_file(path)
    except Exception as err:
        raise ShapesError(str(err), "The shapes file must be valid Turtle.") from None


def validate(
    data: Graph | None,
    shapes: Graph,
    ontology: Graph | None = None,
    *,
    engine: str = DEFAULT_ENGINE,
    data_text: str | None = None,
    provenance: dict[str, set[str]] | None = None,
) -> Report:
    """Validate ``data`` against ``shapes``.

    Parameters:
        data: the graph to check (asserted, or the closure after reasoning).
        shapes: the SHACL shapes graph.
        ontology: mixed into the data for the check, so that ``sh:class kg:Actor``
            accepts a ``kg:Person``. The caller's graphs are not changed.
        engine: ``"shacl"`` (fast, the default) or ``"pyshacl"`` (the reference); both
            give the same results.
        data_text: N-Triples to check instead of ``data``, for a caller that has them
            already (the build writes them anyway); ``data`` may then be None.
        provenance: which articles each node comes from, keyed by N-Triples term
            (:func:`kg.evidence.provenance`); computed from ``data`` when not given.

    Returns a :class:`Report`. Warnings do not make the data non-conforming.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine '{engine}'.", "Use one of: " + ", ".join(ENGINES) + ".")
    if data is None and data_text is None:
        raise UsageError("nothing to validate.", "Pass a graph or its N-Triples.")
    if provenance is None:
        provenance = _article_index(data) if data is not None else {}
    if engine == "shacl":
        return _validate_shacl(data, shapes, ontology, data_text, provenance)
    checked = data if data_text is None else Graph().parse(data=data_text, format="nt")
    try:
        conforms, report_graph, _ = pyshacl.validate(
            checked,
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
                articles=tuple(sorted(provenance.get(term_to_nt(focus), ()))),
            )
        )
    return Report(conforms=bool(conforms), results=sorted(results, key=_sort_key), graph=report_graph)


_COMPILED: dict[str, object] = {}


def _compiled(shapes: Graph):
    """The shapes compiled by the shacl engine, cached by their N-Triples text."""
    import shacl

    text = shapes.serialize(format="nt")
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _COMPILED:
        try:
            _COMPILED[key] = shacl.Shapes.from_text(text, format="ntriples")
        except Exception as err:  # the engine raises its own types for broken shapes
            raise ShapesError(
                f"the shapes could not be run: {' '.join(str(err).split())}", "Check ontology/shapes.ttl."
            ) from None
    return _COMPILED[key]


def _validate_shacl(
    data: Graph | None, shapes: Graph, ontology: Graph | None, data_text: str | None, provenance: dict
) -> Report:
    """:func:`validate` with the shacl engine; results named exactly as from pySHACL."""
    compiled = _compiled(shapes)
    text = data.serialize(format="nt") if data_text is None else data_text
    if ontology is not None:
        text += ontology.serialize(format="nt")
    try:
        run = compiled.validate_text(text, format="ntriples", allow_warnings=True)
    except Exception as err:
        raise ShapesError(
            f"the shapes could not be run: {' '.join(str(err).split())}", "Check ontology/shapes.ttl."
        ) from None
    names = bind_prefixes(Graph())
    for prefix, ns in shapes.namespaces():
        if prefix not in dict(names.namespaces()):
            names.bind(prefix, ns)
    nm = names.namespace_manager

    def term(nt: str | None):
        if nt is None:
            return None
        t = from_n3(nt)
        if isinstance(t, Literal) and t.datatype is None and t.language is None:
            # The engine follows RDF 1.1, where "x" and "x"^^xsd:string are one term; show it as the data has it.
            typed = Literal(str(t), datatype=XSD.string)
            if data is not None and (None, None, typed) in data:
                t = typed
        return t

    def show(nt: str | None) -> str | None:
        t = term(nt)
        if t is None:
            return None
        return nm.normalizeUri(t) if isinstance(t, URIRef) else t.n3(nm)

    def show_path(path: str | None) -> str | None:
        if path is None:
            return None
        if path.startswith("^<"):
            return "^" + nm.normalizeUri(URIRef(path[2:-1]))
        return nm.normalizeUri(URIRef(path[1:-1]))

    report_graph = bind_prefixes(Graph())
    report = BNode()
    report_graph.add((report, RDF.type, SH.ValidationReport))
    report_graph.add((report, SH.conforms, Literal(bool(run.conforms))))
    results = []
    for r in run.results:
        _add_result(report_graph, report, r, term, shapes)
        path = show_path(r.path)
        if r.source_shape and r.source_shape.startswith("_:"):
            # A property shape: named after its node shape and path, as for pySHACL above.
            shape = nm.normalizeUri(URIRef(r.root_shape[1:-1]))
            if path and not path.startswith("^"):
                shape += "/" + path
        else:
            shape = show(r.source_shape)
        results.append(
            Result(
                focus=show(r.focus_node),
                severity=_SEVERITY_NAMES.get(r.severity, "Violation"),
                shape=shape,
                constraint=r.component,
                path=path,
                value=show(r.value),
                message=r.message or "",
                articles=tuple(sorted(provenance.get(r.focus_node, ()))),
            )
        )
    return Report(conforms=bool(run.conforms), results=sorted(results, key=_sort_key), graph=report_graph)


def _add_result(g: Graph, report, r, term, shapes: Graph) -> None:
    """Add one of the shacl engine's results to the report graph, in the form pySHACL gives it.

    A property shape is a blank node of the shapes graph: the result gets a copy of its
    description (path, constraint, message), as pySHACL's report does, so that a reader of
    the report alone can tell which constraint failed.
    """
    node = BNode()
    g.add((report, SH.result, node))
    g.add((node, RDF.type, SH.ValidationResult))
    g.add((node, SH.focusNode, term(r.focus_node)))
    g.add((node, SH.resultSeverity, SH[r.severity]))
    g.add((node, SH.sourceConstraintComponent, SH[r.component]))
    if r.message:
        g.add((node, SH.resultMessage, Literal(r.message)))
    if r.value is not None:
        g.add((node, SH.value, term(r.value)))
    if r.path is not None:
        if r.path.startswith("^<"):
            inverse = BNode()
            g.add((inverse, SH.inversePath, URIRef(r.path[2:-1])))
            g.add((node, SH.resultPath, inverse))
        else:
            g.add((node, SH.resultPath, URIRef(r.path[1:-1])))
    if r.source_shape and not r.source_shape.startswith("_:"):
        g.add((node, SH.sourceShape, term(r.source_shape)))
        return
    shape = _property_shape(shapes, URIRef(r.root_shape[1:-1]), r.path, r.component)
    if shape is None:
        g.add((node, SH.sourceShape, BNode()))
        return
    copies: dict = {}

    def copy(b):
        if b not in copies:
            copies[b] = BNode()
            for p, o in shapes.predicate_objects(b):
                g.add((copies[b], p, copy(o) if isinstance(o, BNode) else o))
        return copies[b]

    g.add((node, SH.sourceShape, copy(shape)))


def _property_shape(shapes: Graph, root: URIRef, path: str | None, component: str):
    """The blank-node property shape of ``root`` with ``path`` whose parameters ``component`` checks."""
    parameter = SH[component[0].lower() + component[1:].removesuffix("ConstraintComponent")]
    candidates = []
    for shape in shapes.objects(root, SH.property):
        p = shapes.value(shape, SH.path)
        if (
            path is None
            or (isinstance(p, URIRef) and path == f"<{p}>")
            or (isinstance(p, BNode) and path == f"^<{shapes.value(p, SH.inversePath)}>")
        ):
            candidates.append(shape)
    for shape in candidates:
        if (shape, parameter, None) in shapes:
            return shape
    return candidates[0] if candidates else None


def _describe_path(g: Graph, node) -> str | None:
    inverse = g.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{g.namespace_manager.normalizeUri(inverse)}"
    return None


def _article_index(data: Graph) -> dict[str, set[str]]:
    """Map nodes (as N-Triples terms) to the ids of the articles whose evidence mentions them."""
    return provenance_of(from_graph(data))
