"""Serialise graphs for other tools, deterministically, and write files atomically.

Formats are the ones GraphDB, Fuseki and Protégé load as they are: Turtle,
N-Triples, JSON-LD, TriG and RDF/XML. Every output declares the project's
prefixes and uses absolute IRIs only. N-Triples and N-Quads output is sorted
line by line after blank nodes get canonical labels, so the same graph always
gives the same bytes. This module does not load, validate or reason.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.errors import UsageError
from kg.namespaces import (
    GRAPH_ASSERTED,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_SHAPES,
    bind_prefixes,
)

#: Export format name -> (rdflib serializer, file ending, media type).
FORMATS = {
    "turtle": ("turtle", ".ttl", "text/turtle"),
    "ntriples": ("nt", ".nt", "application/n-triples"),
    "jsonld": ("json-ld", ".jsonld", "application/ld+json"),
    "trig": ("trig", ".trig", "application/trig"),
    "nquads": ("nquads", ".nq", "application/n-quads"),
    "xml": ("xml", ".rdf", "application/rdf+xml"),
}

#: Which part of the graph to export.
GRAPH_CHOICES = ("asserted", "inferred", "all")

GRAPH_IRIS = {
    "asserted": GRAPH_ASSERTED,
    "inferred": GRAPH_INFERRED,
    "ontology": GRAPH_ONTOLOGY,
    "shapes": GRAPH_SHAPES,
}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}'.", "Use one of: " + ", ".join(FORMATS) + ".")
    return fmt


def canonical(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes have labels derived from the graph's content."""
    if getattr(graph, "_kg_canonical", False) or not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    out = bind_prefixes(Graph())
    for triple in to_canonical_graph(graph):
        out.add(triple)
    out._kg_canonical = True
    return out


def ntriples(graph: Graph) -> str:
    """Sorted N-Triples with canonical blank node labels: the same graph always gives the same text."""
    text = canonical(graph).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + ("\n" if lines else "")


def nquads(graphs: dict[URIRef, Graph], texts: dict[URIRef, str] | None = None) -> str:
    """Sorted N-Quads of several named graphs, deterministic like :func:`ntriples`.

    ``texts`` may give the :func:`ntriples` text of some of the graphs, already computed.
    """
    texts = texts or {}
    lines = []
    for name in sorted(graphs):
        text = texts[name] if name in texts else ntriples(graphs[name])
        for line in text.splitlines():
            lines.append(f"{line[:-1].rstrip()} <{name}> .")
    lines.sort()
    return "\n".join(lines) + ("\n" if lines else "")


def trig(graphs: dict[URIRef, Graph]) -> str:
    """TriG of several named graphs: the prefixes once, then each graph's Turtle body in a GRAPH block."""
    from kg.namespaces import PREFIXES

    prefixes = {f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()}
    blocks = []
    for name in sorted(graphs):
        body = canonical(graphs[name]).serialize(format="turtle")
        prefixes.update(line.strip() for line in body.splitlines() if line.startswith("@prefix"))
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        blocks.append(f"<{name}> {{\n{indented}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def serialize(graphs: dict[URIRef, Graph], fmt: str) -> str:
    """Serialise the named ``graphs`` in ``fmt``.

    Quad formats (TriG, N-Quads) keep the graph names; triple formats get the union.
    """
    check_format(fmt)
    if fmt == "nquads":
        return nquads(graphs)
    if fmt == "trig":
        return trig(graphs)
    union = bind_prefixes(Graph())
    for g in graphs.values():
        union += g
    if fmt == "ntriples":
        return ntriples(union)
    union = canonical(union)
    if fmt == "jsonld":
        from kg.namespaces import PREFIXES

        context = {p: str(ns) for p, ns in PREFIXES.items()}
        return union.serialize(format="json-ld", context=context, indent=2, sort_keys=True)
    return union.serialize(format=FORMATS[fmt][0])


#: Formats that :func:`export_built` writes with pyoxigraph, straight from the build's N-Triples.
_OXIGRAPH_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "xml": "RDF_XML", "ntriples": "N_TRIPLES", "nquads": "N_QUADS"}


def export_built(out_dir: str | os.PathLike, which: str, fmt: str) -> bytes:
    """Serialise the built graphs in ``out_dir`` (``asserted``, ``inferred`` or ``all``) in ``fmt``.

    It reads the build's sorted N-Triples files instead of the graphs: N-Triples and
    N-Quads are merged line by line, and Turtle, TriG and RDF/XML are written by
    pyoxigraph from the sorted statements, so the cost stays a few seconds at a
    million triples and the output is the same for the same build. JSON-LD goes
    through rdflib, for its compact form with the project's prefixes as context.
    """
    check_format(fmt)
    if which not in GRAPH_CHOICES:
        raise UsageError(f"unknown graph '{which}'.", "Use one of: " + ", ".join(GRAPH_CHOICES) + ".")
    names = ["asserted", "inferred", "ontology"] if which == "all" else [which]
    out_dir = Path(out_dir)
    if fmt == "jsonld":
        from kg.load import parse_file

        graphs = {GRAPH_IRIS[n]: parse_file(out_dir / f"{n}.nt") for n in names}
        return serialize(graphs, fmt).encode("utf-8")
    texts = {n: (out_dir / f"{n}.nt").read_text(encoding="utf-8") for n in names}
    if fmt == "ntriples":
        lines = sorted({line for text in texts.values() for line in text.splitlines() if line.strip()})
        return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
    if fmt == "nquads":
        return nquads({GRAPH_IRIS[n]: None for n in names}, {GRAPH_IRIS[n]: texts[n] for n in names}).encode("utf-8")
    if fmt == "trig":
        return trig_from_ntriples({GRAPH_IRIS[n]: texts[n] for n in names})
    return _oxigraph_serialize({None: "".join(texts[n] for n in names)}, fmt)


def trig_from_ntriples(texts: dict) -> bytes:
    """TriG of named graphs given as N-Triples texts (graph IRI -> text), written by pyoxigraph in sorted order."""
    return _oxigraph_serialize(texts, "trig")


def _oxigraph_serialize(texts: dict, fmt: str) -> bytes:
    """``texts`` (graph IRI or None for the default graph -> N-Triples) in ``fmt``, statements sorted, once each."""
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    unique = {}
    for name, text in texts.items():
        graph = ox.NamedNode(str(name)) if name is not None else ox.DefaultGraph()
        for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            quad = ox.Quad(t.subject, t.predicate, t.object, graph)
            unique[str(quad)] = quad
    ordered = [unique[k] for k in sorted(unique)]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    return ox.serialize(ordered, format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[fmt]), prefixes=prefixes)


def write_atomic(path: str | os.PathLike, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    Readers see the old file or the new one, never a half-written one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
