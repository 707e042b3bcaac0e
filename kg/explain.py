"""Why a triple of the build holds: its evidence when asserted, its proof tree when inferred.

The build writes ``derivations.nt``: the inferred triples in the order the ``rules``
reasoner derived them (:attr:`kg.reason.ReasonedNT.order`), so every inferred triple has a
rank, and each was derived from triples of the input or of lower rank. :func:`explain`
finds, for an inferred triple, the first OWL 2 RL rule instance (in a fixed order of
rules and of premises) whose premises are in the build and of lower rank, and explains
each premise the same way, down to asserted triples (data, with their evidence, or
ontology axioms). The rules replayed here are the ones the ontology uses (cax-sco,
cax-eqc, prp-dom, prp-rng, prp-spo1, prp-eqp, prp-inv, prp-symp, prp-trp, prp-spo2,
cls-svf1/2 and the scm-* rules of the schema), plus the build's own kg:mentions rule.

When ``owlrl`` or ``reasonable`` made the build they record no order; the rules are then
replayed over the closure with a search that never uses a triple to prove itself, and
the explanation says so (``replayed``). A triple about a restriction's blank node (the
class "holds some office of head of state") is not kept in the inferred graph; it is
proved here like any other, from the closure. This module reads the build's files and
does not reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, UsageError
from kg.namespaces import PREFIXES
from kg.reason.rules import (
    CHAIN,
    CLASS,
    DOMAIN,
    EQC,
    EQP,
    FIRST,
    INVERSE,
    ON_PROPERTY,
    RANGE,
    REST,
    SCO,
    SPO,
    SVF,
    SYMMETRIC,
    THING,
    TRANSITIVE,
    TYPE,
)
from kg.triples import Triple, nt_to_term

ORDER_FILE = "derivations.nt"
KG_NS = str(PREFIXES["kg"])
T_ARTICLE, T_SUPPORTS, T_QUOTE = f"<{KG_NS}article>", f"<{KG_NS}supports>", f"<{KG_NS}quote>"
T_MENTIONS, T_MENTIONED_IN = f"<{KG_NS}mentions>", f"<{KG_NS}mentionedIn>"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
T_SUBJ, T_PRED, T_OBJ = f"<{RDF_NS}subject>", f"<{RDF_NS}predicate>", f"<{RDF_NS}object>"
RESTRICTION = "<http://www.w3.org/2002/07/owl#Restriction>"
SCHEMA_PREDICATES = {SCO, SPO, DOMAIN, RANGE, EQC, EQP, INVERSE, CHAIN}
EXPLAIN_FORMATS = ("text", "json")


class NotInBuild(KgError):
    """The triple is not in the build; exit code 1."""

    exit_code = 1


@dataclass
class Explanation:
    """The derivation of one triple: the JSON shape of ``kg explain``."""

    triple: Triple
    asserted: bool
    rule: str | None = None
    axiom: str | None = None
    premises: list[Explanation] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    graph: str = "asserted"  # asserted, ontology or inferred

    def as_json(self) -> dict:
        return {
            "triple": list(self.triple),
            "asserted": self.asserted,
            "rule": self.rule,
            "axiom": self.axiom,
            "premises": [p.as_json() for p in self.premises],
            "evidence": self.evidence,
            "graph": self.graph,
        }

    def leaves(self) -> list[Explanation]:
        if not self.premises:
            return [self]
        return [leaf for p in self.premises for leaf in p.leaves()]


def _read(path: Path) -> list[Triple]:
    if not path.is_file():
        return []
    return [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    ]


class Explainer:
    """The build's graphs indexed for explaining; make one per build and ask it many times."""

    def __init__(self, out: str | Path):
        out = Path(out)
        if not (out / "build.json").is_file():
            raise KgError(f"{out}: no build outputs.", "Run 'kg build' first.")
        self.asserted = set(_read(out / "asserted.nt"))
        self.ontology = set(_read(out / "ontology.nt"))
        self.inferred = set(_read(out / "inferred.nt"))
        order = _read(out / ORDER_FILE)
        self.rank = {t: i for i, t in enumerate(order)}
        self.replayed = not self.rank and bool(self.inferred)
        self.all = self.asserted | self.ontology | self.inferred
        self.sp: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.po: dict[tuple[str, str], list[str]] = defaultdict(list)
        for s, p, o in sorted(self.all):
            self.sp[(s, p)].append(o)
            self.po[(p, o)].append(s)
        self.memo: dict[Triple, Explanation] = {}

    # --- lookups -----------------------------------------------------------------------------

    def objects(self, s: str, p: str) -> list[str]:
        return self.sp.get((s, p), [])

    def subjects(self, p: str, o: str) -> list[str]:
        return self.po.get((p, o), [])

    def holds(self, t: Triple) -> bool:
        return t in self.all

    def items(self, head: str) -> list[str]:
        out, node, seen = [], head, set()
        while node not in seen and node != f"<{RDF_NS}nil>":
            seen.add(node)
            first = self.objects(node, FIRST)
            if first:
                out.append(first[0])
            rest = self.objects(node, REST)
            if not rest:
                break
            node = rest[0]
        return out

    def name(self, term: str) -> str:
        """A term for people: a prefixed name, a restriction as "(p some C)", a literal as written."""
        if term.startswith("_:"):
            on = self.objects(term, ON_PROPERTY)
            some = self.objects(term, SVF)
            if on and some:
                return f"({self.name(on[0])} some {self.name(some[0])})"
            if self.objects(term, FIRST):
                return "(" + " ".join(self.name(x) for x in self.items(term)) + ")"
            return term
        if term.startswith("<"):
            iri = term[1:-1]
            if iri == RDF_NS + "type":
                return "a"
            best = max(
                ((p, str(ns)) for p, ns in PREFIXES.items() if iri.startswith(str(ns))),
                key=lambda x: len(x[1]),
                default=None,
            )
            if best and re.fullmatch(r"[A-Za-z0-9_.\-]+", iri[len(best[1]) :]):
                return f"{best[0]}:{iri[len(best[1]) :]}"
            return term
        return term

    def show(self, t: Triple) -> str:
        return " ".join(self.name(x) for x in t)

    # --- evidence ------------------------------------------------------------------------------

    def evidence(self, t: Triple) -> list[dict]:
        s, p, o = t
        found = []
        for claim in self.subjects(T_SUBJ, s):
            if p in self.objects(claim, T_PRED) and o in self.objects(claim, T_OBJ):
                for ev in self.subjects(T_SUPPORTS, claim):
                    for article in self.objects(ev, T_ARTICLE):
                        for quote in self.objects(ev, T_QUOTE):
                            item = {"article": article[1:-1], "quote": str(nt_to_term(quote)), "evidence": ev[1:-1]}
                            if item not in found:
                                found.append(item)
        return sorted(found, key=lambda e: (e["article"], e["evidence"]))

    # --- the rules, backwards --------------------------------------------------------------------

    def candidates(self, t: Triple):
        """(rule, axiom text, premises) for every rule instance that gives ``t``, in a fixed order."""
        s, p, o = t
        if p in (T_MENTIONS, T_MENTIONED_IN):
            article, node = (s, o) if p == T_MENTIONS else (o, s)
            for ev in self.subjects(T_ARTICLE, article):
                for claim in self.objects(ev, T_SUPPORTS):
                    for part in (T_SUBJ, T_OBJ):
                        if node in self.objects(claim, part):
                            yield (
                                "kg-mentions",
                                "an article mentions the subject and the object of every claim its quotes support",
                                [(ev, T_ARTICLE, article), (ev, T_SUPPORTS, claim), (claim, part, node)],
                            )
        if p == TYPE:
            for c1 in self.subjects(SCO, o):
                if c1 != o:
                    yield "cax-sco", self.show((c1, SCO, o)), [(c1, SCO, o), (s, TYPE, c1)]
            for c1 in self.objects(o, EQC) + self.subjects(EQC, o):
                ax = (o, EQC, c1) if c1 in self.objects(o, EQC) else (c1, EQC, o)
                yield "cax-eqc", self.show(ax), [ax, (s, TYPE, c1)]
            for q in self.subjects(DOMAIN, o):
                for y in self.objects(s, q):
                    yield "prp-dom", self.show((q, DOMAIN, o)), [(q, DOMAIN, o), (s, q, y)]
            for q in self.subjects(RANGE, o):
                for x in self.subjects(q, s):
                    yield "prp-rng", self.show((q, RANGE, o)), [(q, RANGE, o), (x, q, s)]
            for q in self.objects(o, ON_PROPERTY):
                for filler in self.objects(o, SVF):
                    axiom = [(o, SVF, filler), (o, ON_PROPERTY, q)]
                    text = f"{self.name(o)} is the restriction {self.name(q)} some {self.name(filler)}"
                    for v in self.objects(s, q):
                        if filler == THING:
                            yield "cls-svf2", text, [*axiom, (s, q, v)]
                        elif self.holds((v, TYPE, filler)):
                            yield "cls-svf1", text, [*axiom, (s, q, v), (v, TYPE, filler)]
            return
        for p1 in self.subjects(SPO, p):
            if p1 != p:
                yield "prp-spo1", self.show((p1, SPO, p)), [(p1, SPO, p), (s, p1, o)]
        for p1 in self.objects(p, EQP) + self.subjects(EQP, p):
            ax = (p, EQP, p1) if p1 in self.objects(p, EQP) else (p1, EQP, p)
            yield "prp-eqp", self.show(ax), [ax, (s, p1, o)]
        for q in self.objects(p, INVERSE):
            yield "prp-inv1", self.show((p, INVERSE, q)), [(p, INVERSE, q), (o, q, s)]
        for q in self.subjects(INVERSE, p):
            yield "prp-inv2", self.show((q, INVERSE, p)), [(q, INVERSE, p), (o, q, s)]
        if self.holds((p, TYPE, SYMMETRIC)):
            yield "prp-symp", self.show((p, TYPE, SYMMETRIC)), [(p, TYPE, SYMMETRIC), (o, p, s)]
        if self.holds((p, TYPE, TRANSITIVE)):
            for m in self.objects(s, p):
                if m not in (s, o) and self.holds((m, p, o)):
                    yield "prp-trp", self.show((p, TYPE, TRANSITIVE)), [(p, TYPE, TRANSITIVE), (s, p, m), (m, p, o)]
        for head in self.objects(p, CHAIN):
            chain = self.items(head)
            text = f"{self.name(p)} owl:propertyChainAxiom ({' '.join(self.name(x) for x in chain)})"
            for path in self.paths(s, chain, o):
                yield "prp-spo2", text, [(p, CHAIN, head), *path]
        if p in (SCO, SPO):
            for mid in self.objects(s, p):
                if mid not in (s, o) and self.holds((mid, p, o)):
                    yield ("scm-sco" if p == SCO else "scm-spo"), None, [(s, p, mid), (mid, p, o)]
            eq = EQC if p == SCO else EQP
            for ax in ((s, eq, o), (o, eq, s)):
                if self.holds(ax):
                    yield ("scm-eqc1" if p == SCO else "scm-eqp1"), None, [ax]
        if p == SCO and o == THING:
            for c in (CLASS, RESTRICTION):
                if self.holds((s, TYPE, c)):
                    yield "scm-cls", None, [(s, TYPE, c)]
        if p in (DOMAIN, RANGE) and o == THING:
            for c1 in self.objects(s, p):
                if c1 != o:
                    yield ("scm-dom1" if p == DOMAIN else "scm-rng1"), None, [(s, p, c1), (c1, SCO, THING)]
        if p in (DOMAIN, RANGE):
            for c1 in self.objects(s, p):
                if c1 != o and self.holds((c1, SCO, o)):
                    yield ("scm-dom1" if p == DOMAIN else "scm-rng1"), None, [(s, p, c1), (c1, SCO, o)]
            for p2 in self.objects(s, SPO):
                if p2 != s and self.holds((p2, p, o)):
                    yield ("scm-dom2" if p == DOMAIN else "scm-rng2"), None, [(p2, p, o), (s, SPO, p2)]

    def paths(self, s: str, chain: list[str], o: str, limit: int = 8):
        """Paths ``s p1 x1 . x1 p2 x2 … pn o`` through the build, at most ``limit``."""
        found = []

        def walk(node: str, i: int, acc: list[Triple]):
            if len(found) >= limit:
                return
            if i == len(chain) - 1:
                if self.holds((node, chain[i], o)):
                    found.append([*acc, (node, chain[i], o)])
                return
            for nxt in self.objects(node, chain[i]):
                walk(nxt, i + 1, [*acc, (node, chain[i], nxt)])

        if chain:
            walk(s, 0, [])
        return found

    # --- proofs ------------------------------------------------------------------------------------

    def explain(self, t: Triple) -> Explanation:
        """The explanation of ``t``; :class:`NotInBuild` when the build does not hold it."""
        if t not in self.all:
            raise NotInBuild(
                f"the build does not hold {self.show(t)}.", "Check the terms, or ask 'kg query' what it holds."
            )
        found = self._prove(t, frozenset())
        if found is None:  # a reasoner rule this module does not replay
            found = Explanation(
                t, False, rule="owl-rl", axiom="a rule this explanation does not replay", graph="inferred"
            )
        return found

    def _prove(self, t: Triple, path: frozenset) -> Explanation | None:
        if t in self.memo:
            return self.memo[t]
        if t in self.asserted:
            e = Explanation(t, True, evidence=self.evidence(t))
            self.memo[t] = e
            return e
        if t in self.ontology:
            e = Explanation(t, True, graph="ontology")
            self.memo[t] = e
            return e
        rank = self.rank.get(t)
        inner = path | {t}
        for ranked in (True, False) if rank is not None and t[1] not in SCHEMA_PREDICATES else (False,):
            for rule, axiom, premises in self.candidates(t):
                if any(x in inner or (x not in self.all and not _closure_only(x)) for x in premises):
                    continue
                if ranked and not all(self._earlier(x, rank) for x in premises):
                    continue
                proofs = []
                for x in premises:
                    proof = self._prove(x, inner)
                    if proof is None:
                        break
                    proofs.append(proof)
                else:
                    e = Explanation(t, False, rule=rule, axiom=axiom, premises=proofs, graph=self._graph(t))
                    self.memo[t] = e
                    return e
        return None

    def _earlier(self, x: Triple, rank: int) -> bool:
        if x in self.asserted or x in self.ontology:
            return True
        r = self.rank.get(x)
        return r is None or r < rank  # unranked: a restriction's blank node, proved from the closure

    def _graph(self, t: Triple) -> str:
        return "inferred" if t in self.inferred else "closure"


def _closure_only(t: Triple) -> bool:
    """Triples of the closure that the build drops as trivial but a proof may pass through."""
    return any(x.startswith("_:") for x in t) or (t[1] == SCO and t[2] == THING)


# --- terms on the command line ----------------------------------------------------------------------


def parse_term(text: str) -> str:
    """A term given as a prefixed name, ``a``, an IRI (with or without ``<>``) or an N-Triples literal."""
    text = text.strip()
    if text == "a":
        return TYPE
    if text.startswith("<") and text.endswith(">"):
        return _checked(text, text)
    if text.startswith('"'):
        try:
            q = next(ox.parse(input=f"<x:s> <x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, StopIteration):
            raise UsageError(
                f"'{text}' is not an N-Triples literal.", 'Write it as "text", "text"@en or "5"^^<…#integer>.'
            ) from None
        return str(q.object)
    m = re.fullmatch(r"([A-Za-z][\w.-]*)?:(.*)", text)
    if m and m.group(1) in PREFIXES and not m.group(2).startswith("//"):
        return _checked(f"<{PREFIXES[m.group(1)]}{m.group(2)}>", text)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        return _checked(f"<{text}>", text)
    raise UsageError(
        f"'{text}' is not a term: give a prefixed name (kg:Leader, ent:Italy), an IRI or an N-Triples literal.",
        "The prefixes are " + ", ".join(sorted(PREFIXES)) + ".",
    )


def _checked(term: str, given: str) -> str:
    try:
        return str(next(ox.parse(input=f"{term} <x:p> <x:o> .", format=ox.RdfFormat.N_TRIPLES)).subject)
    except (SyntaxError, StopIteration):
        raise UsageError(f"'{given}' is not a valid IRI.", "Check the spelling.") from None


def render_text(e: Explanation, explainer: Explainer) -> str:
    """The proof as an indented tree: each inferred triple with its rule and axiom, each asserted one with its quotes."""
    lines: list[str] = []
    if explainer.replayed:
        lines.append(
            "(the build's reasoner records no derivations; this one replays the OWL 2 RL rules over the closure)"
        )

    def walk(x: Explanation, depth: int) -> None:
        pad = "  " * depth
        if x.asserted:
            where = "in the ontology" if x.graph == "ontology" else "asserted"
            lines.append(f"{pad}{explainer.show(x.triple)}   [{where}]")
            for ev in x.evidence:
                lines.append(f"{pad}  “{ev['quote']}” — <{ev['article']}>")
            return
        rule = f"{x.rule}: {x.axiom}" if x.axiom else x.rule
        lines.append(f"{pad}{explainer.show(x.triple)}   [inferred by {rule}]")
        for p in x.premises:
            walk(p, depth + 1)

    walk(e, 0)
    return "\n".join(lines) + "\n"
