"""Regenerate the class and property tables of docs/vocabulary.md from the ontology and a build.

Each row gives the term, its rdfs:comment and one example triple from the built graph (an
entity as subject where there is one, the shortest otherwise). Run it after changing
ontology/kg.ttl and building:

    kg build && .venv/bin/python tools/vocab.py [--root .] [--out out] [--doc docs/vocabulary.md]

It rewrites the two tables in place (atomically) and leaves the rest of the file alone;
tests/test_docs.py fails while a class or property of the ontology has no row.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import KG, bind_prefixes

CLASS_HEADER = "| Class | Meaning | Example |"
PROPERTY_HEADER = "| Property | Meaning | Example |"
NONE = "(none in the seed data)"


def tables(ontology: Graph, data: Graph) -> tuple[list[str], list[str]]:
    """The rows of the class table and of the property table, headers included."""
    names = data.namespace_manager

    def short(term) -> str:
        return names.normalizeUri(term) if isinstance(term, URIRef) else term.n3(names)

    def comment(term) -> str:
        return str(ontology.value(term, RDFS.comment)).replace("|", "\\|")

    def pick(triples):
        triples = sorted(triples, key=lambda t: (len(short(t[0])) + len(short(t[2])), str(t)))
        entities = [t for t in triples if "/id/" in str(t[0])]
        return (entities or triples or [None])[0]

    def ours(kinds) -> list:
        found = {t for kind in kinds for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(KG))}
        return sorted(found, key=lambda t: str(t).lower())

    classes = ["| Class | Meaning | Example |", "|---|---|---|"]
    for cls in ours([OWL.Class]):
        example = pick([(s, RDF.type, cls) for s in data.subjects(RDF.type, cls)])
        if example is None:  # an enumeration: a member of the class used as a value in the data
            members = list(ontology.subjects(RDF.type, cls))
            example = pick([t for m in members for t in data.triples((None, None, m))])
        if example is None:
            text = NONE
        else:
            verb = "a" if example[1] == RDF.type else short(example[1])
            text = f"`{short(example[0])} {verb} {short(example[2])}`"
        classes.append(f"| `{short(cls)}` | {comment(cls)} | {text} |")
    properties = ["| Property | Meaning | Example |", "|---|---|---|"]
    for prop in ours([OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty]):
        example = pick(list(data.triples((None, prop, None))))
        text = f"`{short(example[0])} {short(prop)} {short(example[2])}`" if example else NONE
        if len(text) > 400:
            text = text[:380] + "…`"
        properties.append(f"| `{short(prop)}` | {comment(prop)} | {text} |")
    return classes, properties


def replace_table(text: str, header: str, rows: list[str]) -> str:
    """Replace the table that starts with ``header`` (up to its first non-table line) with ``rows``."""
    if header not in text:
        raise SystemExit(f"tools/vocab.py: no table starting '{header}' in the document. Add its header line first.")
    start = text.index(header)
    end = start
    for line in text[start:].split("\n"):
        if not line.startswith("|"):
            break
        end += len(line) + 1
    return text[:start] + "\n".join(rows) + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=".", help="the project folder (default: .)")
    parser.add_argument("--out", default=None, help="the build folder (default: ROOT/out)")
    parser.add_argument("--doc", default=None, help="the document to rewrite (default: ROOT/docs/vocabulary.md)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    out = Path(args.out) if args.out else root / "out"
    doc = Path(args.doc) if args.doc else root / "docs" / "vocabulary.md"
    built = [out / "asserted.nt", out / "inferred.nt"]
    if not all(p.exists() for p in built):
        print(f"tools/vocab.py: no build in {out}. Run 'kg build' first (or pass --out).", file=sys.stderr)
        return 2
    ontology = Graph().parse(root / "ontology" / "kg.ttl")
    data = Graph()
    for path in built:
        data.parse(path, format="nt")
    bind_prefixes(data)
    classes, properties = tables(ontology, data)
    text = doc.read_text(encoding="utf-8")
    text = replace_table(replace_table(text, CLASS_HEADER, classes), PROPERTY_HEADER, properties)
    fd, tmp = tempfile.mkstemp(dir=doc.parent, prefix=f".{doc.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, doc)
    print(f"{doc}: {len(classes) - 2} classes, {len(properties) - 2} properties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
