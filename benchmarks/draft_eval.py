"""How good are the drafts? Leave-one-out over the curated articles.

For each article: its curated claims (data/claims/<id>.ttl) are taken out of the registry,
the article is drafted (kg.draft), and the draft is compared with the curated claims:

* entities: recall of the registry entities the curated claims use, and the precision of the
  draft's linked entities (a linked entity the curated claims use anywhere in the article);
* dates: recall of the distinct relative-date phrases (curated kg:resolvedFrom, with the
  value they resolve to: the claim's date or xsd:duration object, else its kg:pointInTime, kg:validFrom,
  kg:validUntil or kg:endedBy) that the draft finds with the same value, with the article date the draft found, and again with the
  curated article date given (--date), which measures resolution apart from date finding;
* events: recall of the curated events that have participants, found as a proposed event
  with the same participants (exactly, and: all the curated participants among the proposed);
* claims: the precision of the proposed claims, by kind;
* new entities: with the entities that only this article's claims use removed from the
  registry, how many are proposed as new entities (by a surface form that folds to a label).

    python benchmarks/draft_eval.py [--root DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.draft import ENT, draft_article, load_registry, registry_files  # noqa: E402
from kg.namespaces import KG  # noqa: E402
from kg.project import find_project  # noqa: E402
from kg.quotecheck import fold  # noqa: E402

EVENT_CLASSES = {
    "Event",
    "Meeting",
    "Summit",
    "PhoneCall",
    "Visit",
    "Tour",
    "NavalDeployment",
    "PortCall",
    "Exercise",
    "Announcement",
}
ROLES = {"participant", "host", "visitor"}
_TIME_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear, XSD.duration}
DATE_PREDICATES = {"date", "startDate", "endDate", "signedDate", "inForceDate"}


def local(term) -> str:
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def curated_claims(path: Path):
    """(quote, subject, predicate, object, resolvedFrom, pointInTime) for every claim of a claims file."""
    g = Graph().parse(path, format="turtle")
    out = []
    for ev, claim in g.subject_objects(KG.supports):
        quote = str(g.value(ev, KG.quote))
        s, p, o = (g.value(claim, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        rf = g.value(claim, KG.resolvedFrom)
        # The date or duration the phrase resolves to: the object when it is one (a date, or an
        # xsd:duration such as "for over three years", P3Y), else the qualifier that carries it
        # (kg:pointInTime, or kg:validFrom/kg:validUntil/kg:endedBy for "Today" as the start of a partnership).
        pit = o if isinstance(o, Literal) and o.datatype in _TIME_TYPES else None
        for q in (KG.pointInTime, KG.validFrom, KG.validUntil, KG.endedBy):
            pit = pit if pit is not None else g.value(claim, q)
        out.append((quote, s, p, o, str(rf) if rf is not None else None, pit))
    return out, g


def types_of(graphs) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for g in graphs:
        for s, o in g.subject_objects(RDF.type):
            if str(o).startswith(str(KG)):
                out[str(s)].add(local(o))
    return out


def overlaps(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.0f} %" if d else "n/a"


def evaluate(project, aid: str, curated_date: str | None):
    claims_file = project.data_dir / "claims" / f"{aid}.ttl"
    article = project.articles_dir / f"{aid}.txt"
    curated, cg = curated_claims(claims_file)
    others = [f for f in registry_files(project, skip={aid}) if f.name != "entities.ttl"]
    all_graphs = [Graph().parse(project.data_dir / "entities.ttl"), cg] + [Graph().parse(f) for f in others]
    types = types_of(all_graphs)
    registry = load_registry(registry_files(project, skip={aid}))
    t = time.perf_counter()
    draft = draft_article(article, registry)
    seconds = time.perf_counter() - t
    given = draft_article(article, registry, date=curated_date) if curated_date else draft

    def is_entity(term) -> bool:
        return isinstance(term, URIRef) and str(term).startswith(ENT)

    used = {str(x) for _, s, _, o, _, _ in curated for x in (s, o) if is_entity(x)}
    known_used = {e for e in used if e in registry.entities}

    def draft_claims(d):
        for sd in d.sentences:
            for s, p, o, q in sd.claims:
                yield sd, s.strip("<>"), local(p.strip("<>")), o, q

    linked = {o.strip("<>") for _, _, _, o, _ in draft_claims(draft) if o.strip("<>") in registry.entities}
    linked |= {s for _, s, _, _, _ in draft_claims(draft) if s in registry.entities}
    entity_recall = (len(known_used & linked), len(known_used))
    entity_precision = (len(linked & used), len(linked))

    # Dates: the curated relative phrases, by (quote, phrase, value).
    # Each distinct (phrase, value) once: "Today" in twelve claims of one article is one phrase to resolve.
    wanted = {(fold(rf).strip(), rf, str(pit if pit is not None else o)) for _, _, _, o, rf, pit in curated if rf}
    wanted = {
        (rf, value)
        for _, rf, value in {(k, min(r for kk, r, vv in wanted if kk == k and vv == v), v) for k, _, v in wanted}
    }

    def date_recall(d):
        mentions = [dm for sd in d.sentences for dm in sd.dates] + [dm for _, ds in d.unclaimed_dates for dm in ds]
        found = [
            (dm.phrase, v) for dm in mentions for v in (dm.value, dm.end_value, getattr(dm, "duration", None)) if v
        ]
        hit = 0
        misses = []
        for rf, value in sorted(wanted):
            if any(v == value and overlaps(ph, rf) for ph, v in found):
                hit += 1
            else:
                misses.append(f"{rf!r}={value}")
        return (hit, len(wanted)), misses

    dates_found, date_misses = date_recall(draft)
    dates_given, date_misses_given = date_recall(given)

    # Events: the curated events with participants, and their participant sets.
    participants: dict[str, set[str]] = defaultdict(set)
    for _, s, p, o, _, _ in curated:
        if local(p) in ROLES and types.get(str(s), set()) & EVENT_CLASSES:
            participants[str(s)].add(str(o))
    proposed = [(ev, set(ev.participants)) for ev in draft.events]
    exact = sum(1 for parts in participants.values() if any(pp == parts for _, pp in proposed))
    covering = sum(1 for parts in participants.values() if any(parts <= pp for _, pp in proposed))
    events_missed = {
        local(e): {
            "curated": sorted(local(x) for x in parts),
            "nearest": sorted(
                local(x) for x in max(proposed, key=lambda x: len(x[1] & parts), default=(None, set()))[1]
            ),
        }
        for e, parts in sorted(participants.items())
        if not any(pp == parts for _, pp in proposed)
    }

    # Claims: each proposed claim against the curated ones (events mapped by participant overlap).
    curated_set = {(str(s), local(p), str(o)) for _, s, p, o, _, _ in curated}
    by_event: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o in curated_set:
        by_event[s].add((p, o))

    def mapped(ev) -> str | None:
        best, score = None, 0
        for e, parts in participants.items():
            n = len(parts & set(ev.participants))
            if n > score:
                best, score = e, n
        return best

    event_map = {ev.iri: mapped(ev) for ev in draft.events}
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, s, p, o, _ in draft_claims(draft):
        if p == "mentions":
            kind, ok = "mentions", o.strip("<>") in used
        elif p == "heldOffice":
            kind, ok = "heldOffice", (s, p, o.strip("<>")) in curated_set
        elif s in event_map:
            e = event_map[s]
            kind = (
                f"event {p}"
                if p in ("status", "participant", "visitor", "ordinal", "duration", "firstIn")
                else "event " + ("date" if p in DATE_PREDICATES else "place")
            )
            if e is None:
                ok = False
            elif p in DATE_PREDICATES:
                value = o.split('"')[1]
                ok = any(pp in DATE_PREDICATES and str(oo) == value for pp, oo in by_event[e])
            else:
                target = o.split('"')[1] if o.startswith('"') else o.strip("<>")  # a literal by its value
                ok = any(pp == p and str(oo) == target for pp, oo in by_event[e]) or (
                    p in ROLES and any(pp in ROLES and str(oo) == target for pp, oo in by_event[e])
                )
        else:
            kind, ok = "other", False
        kinds[kind][0] += int(ok)
        kinds[kind][1] += 1
    total = [sum(v[0] for v in kinds.values()), sum(v[1] for v in kinds.values())]

    # New entities: remove what only this article's claims use, then see what is proposed as new.
    other_used = set()
    for f in others:
        for _, s, _, o, _, _ in curated_claims(f)[0]:
            other_used |= {str(s), str(o)}
    only_here = {
        e for e in used if e not in other_used and e in registry.entities and not (types.get(e, set()) & EVENT_CLASSES)
    }
    reduced = load_registry(registry_files(project, skip={aid}), exclude=only_here)
    reduced_draft = draft_article(article, reduced)
    proposed_forms = {fold(f) for _, forms in reduced_draft.new_entities.values() for f in forms}
    entity_labels = defaultdict(set)
    for g in all_graphs:
        for e in only_here:
            for pred in (SKOS.prefLabel, SKOS.altLabel):
                entity_labels[e] |= {fold(str(x)) for x in g.objects(URIRef(e), pred)}
    proposed_new = sorted(local(e) for e in only_here if entity_labels[e] & proposed_forms)
    missed_new = sorted(local(e) for e in only_here if not entity_labels[e] & proposed_forms)

    return {
        "article": aid,
        "article_date": {"found": draft.date.value, "curated": curated_date, "method": draft.date.method},
        "seconds": round(seconds, 2),
        "sentences": len(draft.sentences),
        "draft_claims": draft.claim_count,
        "entity_recall": entity_recall,
        "entity_precision": entity_precision,
        "entities_missed": sorted(local(e) for e in known_used - linked),
        "entities_not_used": sorted(local(e) for e in linked - used),
        "date_recall_found": dates_found,
        "date_recall_given": dates_given,
        "date_misses_given": date_misses_given,
        "events": len(participants),
        "event_recall_exact": (exact, len(participants)),
        "event_recall_covering": (covering, len(participants)),
        "events_missed": events_missed,
        "proposed_events": len(draft.events),
        "claim_precision": tuple(total),
        "claim_precision_by_kind": {k: tuple(v) for k, v in sorted(kinds.items())},
        "new_entities": (len(proposed_new), len(only_here)),
        "new_entities_missed": missed_new,
        "new_entities_proposed_in_all": len(reduced_draft.new_entities),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=None)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    project = find_project(args.root)
    articles_graph = Graph().parse(project.data_dir / "articles.ttl")
    results = []
    for claims_file in sorted((project.data_dir / "claims").glob("*.ttl")):
        if claims_file.name.endswith(".draft.ttl"):
            continue
        aid = claims_file.stem
        value = articles_graph.value(URIRef(f"https://w3id.org/ijkg/article/{aid}"), KG.publicationDate)
        results.append(evaluate(project, aid, str(value) if value is not None else None))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    keys = (
        "entity_recall",
        "entity_precision",
        "date_recall_found",
        "date_recall_given",
        "event_recall_exact",
        "event_recall_covering",
        "claim_precision",
        "new_entities",
    )
    for r in results:
        print(f"== {r['article']}  ({r['sentences']} sentences, {r['draft_claims']} draft claims, {r['seconds']} s)")
        print(f"   article date: found {r['article_date']['found']}, curated {r['article_date']['curated']}")
        for k in keys:
            n, d = r[k]
            sums[k][0] += n
            sums[k][1] += d
            print(f"   {k:24} {ratio(n, d)}")
        print(
            "   claim precision by kind: "
            + ", ".join(f"{k} {ratio(*v)}" for k, v in r["claim_precision_by_kind"].items())
        )
        if r["date_misses_given"]:
            print("   dates missed (curated date given): " + "; ".join(r["date_misses_given"]))
        if r["new_entities_missed"]:
            print("   article-only entities not proposed as new: " + ", ".join(r["new_entities_missed"]))
    print("== all articles")
    for k in keys:
        print(f"   {k:24} {ratio(*sums[k])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
