"""Does each claim's quote say what the claim claims?

The evidence check (kg.load.check_evidence) proves that a quote is verbatim in
its article. That is not enough: a claim can hang on a sentence that does not
mention it (the fact is in the sentence before). This module checks, for every
claim, that its quote, together with the quotes of its ``kg:context`` evidence:

* names the claim's subject or object by one of its labels (``skos:prefLabel``,
  ``skos:altLabel``, ``rdfs:label``, ``kg:demonym``), or, when the subject is an event or a
  statement, one of its participants, hosts, visitors, invitees, speakers,
  sharers or places, or what the statement concerns (an article's own assessment
  has no speaker, and its sentence names what it is about); or contains the
  object's lexical form when it is a literal;
* and, for a claim whose object is a date, gives that date as written (its year,
  month name and day, as far as its precision goes) or its ``kg:resolvedFrom``
  phrase; and any ``kg:resolvedFrom`` phrase is in the quote.

Names are compared folded: case, accents, quote marks, dashes and a final
possessive "'s" do not matter, and a name must match whole words.

It works on term-string triples (see :mod:`kg.triples`) and reports; it raises
nothing and changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.namespaces import KG, RDF, RDFS, SKOS
from kg.timebounds import date_term
from kg.triples import nt_to_term

_T = {
    name: f"<{iri}>"
    for name, iri in {
        "type": RDF.type,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        "supports": KG.supports,
        "quote": KG.quote,
        "context": KG.context,
        "resolvedFrom": KG.resolvedFrom,
    }.items()
}
_LABELS = frozenset(f"<{p}>" for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.demonym))
#: Who or where an event or statement is, or what a statement is about, for a quote that names them instead.
_ROLES = frozenset(
    f"<{p}>"
    for p in (
        KG.participant,
        KG.host,
        KG.visitor,
        KG.invitee,
        KG.location,
        KG.destination,
        KG.speaker,
        KG.sharedBy,
        KG.concerns,
        KG.party,
    )
)
_MONTHS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]


def fold(text: str) -> str:
    """Text as names are compared: lower case, no accents, words separated by single spaces,
    and no possessive "'s"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return f" {' '.join(text.split())} "


def _lexical(term: str) -> str | None:
    """The lexical form of a literal term string, else None."""
    if not term.startswith('"'):
        return None
    return str(nt_to_term(term))


def date_as_written(folded_quote: str, lexical: str, precision: str) -> bool:
    """Whether a folded quote gives the date: its year, and its month and day as far as its precision goes."""
    parts = lexical.split("-")
    if not parts or not parts[0].isdigit():
        return False
    if f" {int(parts[0])} " not in folded_quote:
        return False
    if precision in ("month", "day"):
        names = _MONTHS[int(parts[1]) - 1]
        if not any(f" {n} " in folded_quote for n in names):
            return False
    if precision == "day" and f" {int(parts[2])} " not in folded_quote:
        return False
    return True


@dataclass(frozen=True)
class MentionProblem:
    """A claim whose quote does not say what it claims."""

    evidence: str
    statement: tuple[str, str, str]
    message: str


def check_mentions(
    triples: Iterable[tuple[str, str, str]], ontology_labels: dict[str, list[str]]
) -> list[MentionProblem]:
    """Check every claim of ``triples`` against its quote (and its context's quotes).

    ``ontology_labels`` maps term strings of ontology terms (status values, kinds) to their labels,
    so that "agreed" in a quote names kg:Agreed.
    """
    labels: dict[str, list[str]] = defaultdict(list)
    for term, names in ontology_labels.items():
        labels[term].extend(names)
    roles: dict[str, list[str]] = defaultdict(list)
    quotes: dict[str, str] = {}
    supports: list[tuple[str, str]] = []
    parts: dict[str, dict[str, str]] = defaultdict(dict)
    context: dict[str, list[str]] = defaultdict(list)
    resolved: dict[str, str] = {}
    for s, p, o in triples:
        if p in _LABELS:
            text = _lexical(o)
            if text:
                labels[s].append(text)
        elif p in _ROLES:
            roles[s].append(o)
        elif p == _T["quote"]:
            quotes[s] = _lexical(o) or ""
        elif p == _T["supports"]:
            supports.append((s, o))
        elif p in (_T["subject"], _T["predicate"], _T["object"]):
            parts[s][p] = o
        elif p == _T["context"]:
            context[s].append(o)
        elif p == _T["resolvedFrom"]:
            resolved[s] = _lexical(o) or ""
    folded_labels: dict[str, list[str]] = {}

    def forms(term: str) -> list[str]:
        if term not in folded_labels:
            folded_labels[term] = [f for f in (fold(x) for x in labels.get(term, ())) if f.strip()]
        return folded_labels[term]

    def named(term: str, quote: str) -> bool:
        return any(f in quote for f in forms(term))

    folded_quotes = {ev: fold(q) for ev, q in quotes.items()}
    problems: list[MentionProblem] = []
    for evidence, claim in supports:
        got = parts.get(claim, {})
        if len(got) < 3:
            continue  # materialise_claims reports it
        s, p, o = got[_T["subject"]], got[_T["predicate"]], got[_T["object"]]
        text = folded_quotes.get(evidence, " ")
        for ctx in context.get(claim, ()):
            text += folded_quotes.get(ctx, " ")
        statement = (s, p, o)
        phrase = resolved.get(claim)
        if phrase is not None and fold(phrase) not in text:
            problems.append(
                MentionProblem(
                    evidence,
                    statement,
                    f'its kg:resolvedFrom phrase "{phrase}" is not in the quote. '
                    "Hang the claim on the sentence that has the phrase, or add kg:context.",
                )
            )
            continue
        date = date_term(o)
        if date is not None and phrase is None and not date_as_written(text, *date):
            problems.append(
                MentionProblem(
                    evidence,
                    statement,
                    f"the quote does not give the date {date[0]} as written. If the sentence gives it as a relative "
                    "phrase ('last year'), put the phrase in kg:resolvedFrom; else hang the claim on the sentence "
                    "that gives the date, or add kg:context.",
                )
            )
            continue
        if named(s, text):
            continue
        literal = _lexical(o) if not o.startswith(("<", "_:")) else None
        if date is None and literal is not None and fold(literal) in text:
            continue
        if date is not None:
            continue  # the date is in the quote, which is what a date claim says
        if named(o, text) or any(named(r, text) for r in roles.get(s, ())):
            continue
        problems.append(
            MentionProblem(
                evidence,
                statement,
                "the quote names neither the claim's subject nor its object (nor, for an event or statement, "
                "who took part or where). Add the name the sentence uses as a skos:altLabel, hang the claim on "
                "the sentence that names it, or add kg:context with that sentence's evidence.",
            )
        )
    return problems


__all__ = ["MentionProblem", "check_mentions", "date_as_written", "fold"]
