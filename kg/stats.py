"""Figures about the graph: entities by class, before and after reasoning, and triple counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Identifier

from kg.namespaces import KG


def compute_stats(asserted: Iterable, inferred: Iterable, ontology: Iterable) -> dict:
    """Counts of instances of each kg: class (asserted, and with inferred types), and of triples.

    Each argument is an rdflib graph or a collection of term-string triples (:mod:`kg.triples`).
    """
    asserted_classes = _by_class([asserted])
    all_classes = _by_class([asserted, inferred])
    return {
        "triples": {"asserted": len(asserted), "inferred": len(inferred), "ontology": len(ontology)},
        "classes": {
            name: {"asserted": asserted_classes.get(name, 0), "with_reasoning": all_classes[name]}
            for name in sorted(all_classes)
        },
    }


_TYPES = (RDF.type, f"<{RDF.type}>")


def _by_class(graphs) -> Counter:
    members: dict[str, set] = {}
    kg = str(KG)
    for g in graphs:
        pairs = g.subject_objects(RDF.type) if isinstance(g, Graph) else ((s, o) for s, p, o in g if p in _TYPES)
        for s, o in pairs:
            if isinstance(o, URIRef):
                name = str(o)
            elif isinstance(o, Identifier):  # a literal or blank node from an rdflib graph
                continue
            else:
                name = o[1:-1] if o.startswith("<") else ""
            if name.startswith(kg):
                members.setdefault(name.split("#", 1)[1], set()).add(str(s))
    return Counter({k: len(v) for k, v in members.items()})


def render_stats(figures: dict) -> str:
    t = figures["triples"]
    lines = [
        f"triples: {t['asserted']} asserted, {t['inferred']} inferred, {t['ontology']} in the ontology",
        "",
        f"{'class':<22} {'asserted':>9} {'with reasoning':>15}",
    ]
    for name, counts in figures["classes"].items():
        lines.append(f"{name:<22} {counts['asserted']:>9} {counts['with_reasoning']:>15}")
    return "\n".join(lines) + "\n"
