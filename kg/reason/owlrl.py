"""The reference OWL-RL reasoner: owlrl's ``OWLRL_Semantics``, called in one place.

:func:`closure_owlrl` is what ``--reasoner owlrl`` runs, what the other reasoners hand
an input over to, and what :mod:`kg.reason.rules` closes the ontology's axioms with.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph
from rdflib.namespace import RDF


def closure_owlrl(triples: Iterable[tuple], *, drop_errors: bool = False) -> set[tuple]:
    """The OWL-RL closure of rdflib ``triples`` as owlrl computes it (no axiomatic triples, no RDFS closure).

    With ``drop_errors`` the inconsistency reports owlrl writes into the graph after its
    rules are left out: they are not facts to reason on.
    """
    import owlrl

    # SimpleMemory: the store without contexts, which owlrl never uses; its lookups cost a quarter less.
    graph = Graph(store="SimpleMemory")
    for t in triples:
        graph.add(t)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics,
        axiomatic_triples=False,
        datatype_axioms=False,
        rdfs_closure=False,
    ).expand(graph)
    if not drop_errors:
        return set(graph)
    from owlrl.Namespaces import ERRNS

    errors = set(graph.subjects(RDF.type, ERRNS.ErrorMessage))
    return {t for t in graph if t[0] not in errors}
