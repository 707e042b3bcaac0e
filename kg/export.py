"""Serialise graphs for other tools, deterministically, and write files atomically.

Formats are the ones GraphDB, Fuseki and Protégé load as they are: Turtle,
N-Triples, JSON-LD, TriG and RDF/XML. Every output declares the project's
prefixes and uses absolute IRIs only. N-Triples and N-Quads output is sorted
line by line after blank nodes get canonical labels, so the same graph always
gives the same bytes. This module does not load, validate or reason.
"""

from __future__ import annotations

import heapq
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD

from kg.errors import UsageError
from kg.namespaces import GRAPHS, PREFIXES, bind_prefixes

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


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}'.", "Use one of: " + ", ".join(FORMATS) + ".")
    return fmt


def canonical(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes have labels derived from the graph's content."""
    if getattr(graph, "_kg_canonical", False) or not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    key = _isomorphism_key(graph)
    labelled = _canonical_cache.get(key) if key is not None else None
    if labelled is None:
        labelled = list(to_canonical_graph(graph))
        if key is not None:
            _canonical_cache[key] = labelled
            while len(_canonical_cache) > 8:
                del _canonical_cache[next(iter(_canonical_cache))]
    out = bind_prefixes(Graph())
    for triple in labelled:
        out.add(triple)
    out._kg_canonical = True
    return out


#: rdflib's canonical triples of recent graphs, by :func:`_isomorphism_key`: a process that canonicalises the
#: same ontology, shapes or export again (every build does) gets them in milliseconds instead of seconds.
_canonical_cache: dict = {}


def _isomorphism_key(graph: Graph):
    """A key equal for two graphs only if they are isomorphic: pyoxigraph's canonical form (fast, in Rust).

    None when pyoxigraph would read two of rdflib's distinct terms as one (a literal typed xsd:string, or a
    language tag not in lower case), so that the key could not tell such graphs apart.
    """
    for o in graph.objects():
        if isinstance(o, Literal) and (o.datatype == XSD.string or (o.language and o.language != o.language.lower())):
            return None
    try:
        ds = ox.Dataset(ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError):  # a term pyoxigraph refuses: no key, rdflib does it all
        return None
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return "\n".join(sorted(str(q) for q in ds))


def ntriples(graph: Graph) -> str:
    """Sorted N-Triples with canonical blank node labels: the same graph always gives the same text."""
    text = canonical(graph).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + ("\n" if lines else "")


def nquads(graphs: dict[URIRef, Graph], texts: dict[URIRef, str] | None = None) -> str:
    """Sorted N-Quads of several named graphs, deterministic like :func:`ntriples`.

    ``texts`` may give the :func:`ntriples` text of some of the graphs, already computed.
    """
    texts = dict(texts or {})
    for name in graphs:
        if name not in texts:
            texts[name] = ntriples(graphs[name])
    return "".join(nquads_lines(texts))


def nquads_lines(texts: dict) -> Iterator[str]:
    """The sorted N-Quads lines of named graphs given as sorted N-Triples texts (graph IRI -> text).

    Lines are produced one at a time by merging the graphs' sorted lines, so a caller
    can write a million quads without holding them all.
    """

    def lines(name, text: str):
        suffix = f" <{name}> .\n"
        for line in io.StringIO(text):
            line = line.rstrip("\n")
            if line.strip():
                yield line[:-1].rstrip() + suffix

    return heapq.merge(*(lines(name, texts[name]) for name in sorted(texts)))


def trig(graphs: dict[URIRef, Graph]) -> str:
    """TriG of several named graphs: the prefixes once, then each graph's Turtle body in a GRAPH block."""
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
        context = {p: str(ns) for p, ns in PREFIXES.items()}
        return union.serialize(format="json-ld", context=context, indent=2, sort_keys=True)
    return union.serialize(format=FORMATS[fmt][0])


#: Formats that :func:`export_built` writes with pyoxigraph, straight from the build's N-Triples.
_OXIGRAPH_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "xml": "RDF_XML", "ntriples": "N_TRIPLES", "nquads": "N_QUADS"}


def export_built(out_dir: str | os.PathLike, which: str, fmt: str, profile: str = "plain") -> bytes:
    """Serialise the built graphs in ``out_dir`` (``asserted``, ``inferred`` or ``all``) in ``fmt``.

    It reads the build's sorted N-Triples files instead of the graphs: N-Triples and
    N-Quads are merged line by line, and Turtle, TriG and RDF/XML are written by
    pyoxigraph from the sorted statements, so the cost stays a few seconds at a
    million triples and the output is the same for the same build. JSON-LD goes
    through rdflib, for its compact form with the project's prefixes as context.

    ``profile`` (:data:`kg.profiles.PROFILES`) rewrites the claims first: ``owl`` as OWL
    axiom annotations for the OWL API and Protégé, ``rdf12`` as RDF 1.2 reifiers of
    triple terms (Turtle, TriG, N-Triples and N-Quads only).
    """
    from kg.profiles import RDF12_FORMATS, check_profile, owl_profile, rdf12_profile

    check_format(fmt)
    check_profile(profile)
    if which not in GRAPH_CHOICES:
        raise UsageError(f"unknown graph '{which}'.", "Use one of: " + ", ".join(GRAPH_CHOICES) + ".")
    if profile == "rdf12" and fmt not in RDF12_FORMATS:
        raise UsageError(
            f"the rdf12 profile has no {fmt} form: RDF 1.2 triple terms are written in "
            + ", ".join(RDF12_FORMATS)
            + ".",
            "Use --format turtle (or trig, ntriples, nquads), or --profile plain for RDF 1.1.",
        )
    names = ["asserted", "inferred", "ontology"] if which == "all" else [which]
    out_dir = Path(out_dir)
    texts = {n: (out_dir / f"{n}.nt").read_text(encoding="utf-8") for n in names}
    if profile != "plain":
        asserted = texts.get("asserted") or (out_dir / "asserted.nt").read_text(encoding="utf-8")
        if profile == "owl":
            ontology = texts.get("ontology") or (out_dir / "ontology.nt").read_text(encoding="utf-8")
            texts = owl_profile(texts, asserted, ontology)
        else:
            texts = rdf12_profile(texts, asserted)
    if fmt == "jsonld":
        graphs = {GRAPHS[n]: bind_prefixes(Graph()).parse(data=texts[n], format="nt") for n in names}
        return serialize(graphs, fmt).encode("utf-8")
    if fmt == "ntriples":
        return merge_sorted(list(texts.values())).encode("utf-8")
    if fmt == "nquads":
        return nquads({GRAPHS[n]: None for n in names}, {GRAPHS[n]: texts[n] for n in names}).encode("utf-8")
    if fmt == "trig":
        return trig_from_ntriples({GRAPHS[n]: texts[n] for n in names})
    return _oxigraph_serialize({None: merge_sorted([texts[n] for n in names])}, fmt)


def trig_from_ntriples(texts: dict, output=None) -> bytes | None:
    """TriG of named graphs given as sorted N-Triples texts (graph IRI -> text), written by pyoxigraph.

    One block per graph, the graphs in IRI order. With ``output`` (a path or binary
    file) the TriG is streamed there and None is returned.
    """
    return _oxigraph_serialize(texts, "trig", output)


def _oxigraph_serialize(texts: dict, fmt: str, output=None) -> bytes | None:
    """``texts`` (graph IRI, or None for the default graph -> sorted N-Triples) in ``fmt``.

    Statements come out graph by graph, sorted, once each. They are streamed from the
    texts to the serialiser, so memory stays flat whatever the size.
    """
    import pyoxigraph as ox

    def quads():
        for name in sorted(texts, key=lambda n: "" if n is None else str(n)):
            graph = ox.NamedNode(str(name)) if name is not None else ox.DefaultGraph()
            for t in ox.parse(texts[name], format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    return ox.serialize(quads(), output, format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[fmt]), prefixes=prefixes)


def merge_sorted(texts: list[str]) -> str:
    """One sorted N-Triples text from several, each line once."""
    lines = heapq.merge(*(io.StringIO(t) for t in texts))
    out, last = [], None
    for line in lines:
        if not line.endswith("\n"):
            line += "\n"
        if line != last and line.strip():
            out.append(line)
        last = line
    return "".join(out)


class Staged:
    """Output files written under temporary names in one folder and renamed into place together.

    ``with Staged(folder) as staged:`` then :meth:`path` or :meth:`write` for each file,
    and :meth:`commit` to rename them all, in the order given. Until then readers see
    the old files; on an error the temporary files are removed and nothing changes.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.temps: dict[str, Path] = {}

    def __enter__(self) -> Staged:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def path(self, name: str) -> Path:
        """A new temporary file that will become ``name``; the caller writes it."""
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        os.close(fd)
        self.temps[name] = Path(tmp)
        return self.temps[name]

    def write(self, name: str, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.path(name).write_bytes(data)

    def commit(self, order: list[str]) -> None:
        """Make every staged file durable, then rename each into place in ``order``."""
        umask = os.umask(0)
        os.umask(umask)
        for name in order:
            tmp = self.temps[name]
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o666 & ~umask)
        for name in order:
            os.replace(self.temps.pop(name), self.folder / name)

    def __exit__(self, *exc) -> None:
        for tmp in self.temps.values():
            tmp.unlink(missing_ok=True)


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
