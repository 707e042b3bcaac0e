"""Figures about the graph: entities by class, before and after reasoning, and triple counts."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.namespaces import KG


def compute_stats(asserted: Graph, inferred: Graph, ontology: Graph) -> dict:
    """Counts of instances of each kg: class (asserted, and with inferred types), and of triples."""

    def by_class(graphs) -> Counter:
        members: dict[URIRef, set] = {}
        for g in graphs:
            for s, o in g.subject_objects(RDF.type):
                if isinstance(o, URIRef) and str(o).startswith(str(KG)):
                    members.setdefault(o, set()).add(s)
        return Counter({str(k).split("#", 1)[1]: len(v) for k, v in members.items()})

    asserted_classes = by_class([asserted])
    all_classes = by_class([asserted, inferred])
    return {
        "triples": {"asserted": len(asserted), "inferred": len(inferred), "ontology": len(ontology)},
        "classes": {
            name: {"asserted": asserted_classes.get(name, 0), "with_reasoning": all_classes[name]}
            for name in sorted(all_classes)
        },
    }


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
