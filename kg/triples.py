"""Triples as N-Triples term strings: the form the build keeps a large graph in.

A term is the string N-Triples writes for it, as ``str()`` of a pyoxigraph term
gives it: ``<iri>``, ``_:label``, ``"text"``, ``"text"@en`` or
``"5"^^<http://www.w3.org/2001/XMLSchema#integer>``. Equal strings are equal
terms, so a set of such triples is a graph, and a sorted list of
``f"{s} {p} {o} ."`` lines is its N-Triples file. They are parsed by pyoxigraph
(about fifteen times faster than rdflib's Turtle parser) and take far less memory
than rdflib's term objects; :func:`to_graph` gives an rdflib graph when one is
wanted, and :func:`parse_file` reads a file with rdflib where a library needs its
graph. This module does not materialise claims or check anything.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import LoadError
from kg.namespaces import bind_prefixes
from kg.project import display_path

Triple = tuple[str, str, str]

#: File endings the project reads: the pyoxigraph format and the rdflib parser of each.
FILE_FORMATS = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".n3": (ox.RdfFormat.N3, "n3"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".owl": (ox.RdfFormat.RDF_XML, "xml"),
    ".xml": (ox.RdfFormat.RDF_XML, "xml"),
}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def parse_triples(path: str | Path) -> list[Triple]:
    """The triples of one RDF file, with blank nodes renamed apart from every other file's.

    Raises :class:`~kg.errors.LoadError` naming the file and line, with the same
    message :func:`parse_file` gives, when the file is missing or not valid RDF.
    """
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"{display_path(path)}: no such file.", "Check the path.")
    fmt = _formats_for(path)[0]
    intern = sys.intern
    try:
        return [
            (intern(str(q.subject)), intern(str(q.predicate)), intern(str(q.object)))
            for q in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True)
        ]
    except (SyntaxError, ValueError, UnicodeDecodeError, OSError) as err:
        # rdflib's parser words errors for people (line, unbound prefix and its fix): use it for the message.
        parse_file(path)
        where = f"line {err.lineno}: " if isinstance(err, SyntaxError) and err.lineno else ""
        msg = str(err).split(": ", 1)[-1] if where else str(err)
        raise LoadError(f"{display_path(path)}: {where}{msg}.", "Fix the file at that line.") from None


def _formats_for(path: Path) -> tuple[ox.RdfFormat, str]:
    formats = FILE_FORMATS.get(path.suffix.lower())
    if formats is None:
        raise LoadError(
            f"{path}: unknown RDF file ending '{path.suffix}'.",
            "Use one of " + ", ".join(sorted(FILE_FORMATS)) + ".",
        )
    return formats


def parse_file(path: str | os.PathLike, graph: Graph | None = None) -> Graph:
    """Parse one RDF file with rdflib into ``graph`` (a new graph if None) and return it.

    For the places that need an rdflib graph (the ontology, the shapes, references in
    tests). Raises :class:`LoadError` naming the file and, for Turtle, the line, when the
    file is missing or not valid RDF.
    """
    path = Path(path)
    graph = bind_prefixes(Graph()) if graph is None else graph
    shown = display_path(path)
    if not path.is_file():
        raise LoadError(f"{shown}: no such file.", "Check the path.")
    fmt = _formats_for(path)[1]
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


def from_graph(graph: Graph) -> list[Triple]:
    """The triples of an rdflib graph as term strings (through N-Triples, so escapes are exact)."""
    text = graph.serialize(format="nt", encoding="utf-8")
    return [
        (str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(input=text, format=ox.RdfFormat.N_TRIPLES)
    ]


def ntriples_text(triples: Iterable[Triple]) -> str:
    """Sorted N-Triples of ``triples``: the same set always gives the same text."""
    lines = sorted({f"{s} {p} {o} ." for s, p, o in triples})
    return "\n".join(lines) + ("\n" if lines else "")


def to_graph(triples: Iterable[Triple] | str) -> Graph:
    """An rdflib graph, with the project's prefixes, of ``triples`` (or of N-Triples text)."""
    text = triples if isinstance(triples, str) else ntriples_text(triples)
    graph = bind_prefixes(Graph())
    if text:
        graph.parse(data=text, format="nt")
    return graph


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if (m[1] or m[2]) else _SIMPLE[m[3]], text)


def literal_text(text: str) -> tuple[str, str]:
    """The lexical form and the language tag (``""`` for none) of an N-Triples literal string, without rdflib."""
    end = text.rindex('"')
    rest = text[end + 1 :]
    return _unescape(text[1:end]), (rest[1:] if rest.startswith("@") else "")


def term_to_nt(term, *, xsd_string: bool = True) -> str:
    """The N-Triples string of an rdflib term, literals escaped by pyoxigraph.

    A literal typed xsd:string is ``"lex"^^<…#string>`` when ``xsd_string`` is true, so
    that it stays a different term from the plain ``"lex"`` as it is in rdflib;
    otherwise it is ``"lex"`` as pyoxigraph writes it. Language tags are lower-cased, as
    pyoxigraph does.
    """
    if isinstance(term, Literal):
        text = str(ox.Literal(str(term)))
        if term.language is not None:
            return f"{text}@{term.language.lower()}"
        dt = term.datatype
        if dt is None or (not xsd_string and str(dt) == _XSD_STRING):
            return text
        return f"{text}^^<{dt}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


def nt_to_term(text: str):
    """The rdflib term of an N-Triples string; a typed literal keeps its lexical form (no normalisation)."""
    if text[0] == "<":
        return URIRef(text[1:-1])
    if text[0] == "_":
        return BNode(text[2:])
    end = text.rindex('"')
    lexical = _unescape(text[1:end])
    rest = text[end + 1 :]
    if rest.startswith("@"):
        return Literal(lexical, lang=rest[1:])
    if rest.startswith("^^<"):
        dt = rest[3:-1]
        if dt == _XSD_STRING:
            return Literal(lexical, datatype=URIRef(dt))
        return Literal(lexical, datatype=URIRef(dt), normalize=False)
    return Literal(lexical)


def to_rdflib(triples: Iterable[Triple]) -> tuple[set[tuple], dict]:
    """The triples as rdflib terms, and a map from each rdflib term back to the string it came from."""
    to_term: dict[str, object] = {}
    back: dict[object, str] = {}
    out: set[tuple] = set()
    for t in triples:
        terms = []
        for x in t:
            term = to_term.get(x)
            if term is None:
                term = to_term[x] = nt_to_term(x)
                back.setdefault(term, x)
            terms.append(term)
        out.add(tuple(terms))
    return out, back


def iri(term: str) -> str | None:
    """The IRI of an IRI term string, else None."""
    return term[1:-1] if term.startswith("<") else None


__all__ = [
    "FILE_FORMATS",
    "Triple",
    "from_graph",
    "iri",
    "ntriples_text",
    "parse_file",
    "parse_triples",
    "to_graph",
    "to_rdflib",
    "nt_to_term",
    "term_to_nt",
]
