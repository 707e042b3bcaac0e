"""How long the search index takes to build, and to answer, at a million synthetic triples.

    python benchmarks/search.py [--triples 1000000] [--project DIR] [--repeat 50] [--compare-rev REV]

Generates a synthetic project (benchmarks/synth.py; reused when --project already holds one),
loads and reasons it as the build does, then times :func:`kg.search.write_index` over the
asserted, inferred and ontology triples, and the latency of a set of queries (labels, a
prefix, a typo, a quote phrase, broad words and single letters, no match), each run
``--repeat`` times. The references in the same run:

- "all ranked": the same index and code with no bound on the candidates
  (:data:`kg.search.CANDIDATES`), and whether it gives the same results in the same order;
- ``--compare-rev REV``: ``kg/search.py`` as it was at the git revision REV (say ``main``),
  its own index built from the same triples and timed on the same queries;
- a plain ``LIKE '%…%'`` scan over the same labels and quotes in an ordinary SQLite table,
  which is what a search without an index would do.

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

import kg.search  # noqa: E402
from kg.evidence import derive_mentions  # noqa: E402
from kg.load import load  # noqa: E402
from kg.project import find_project  # noqa: E402
from kg.reason import reason_nt  # noqa: E402
from kg.search import LABELS, fold, open_index, search, write_index  # noqa: E402
from kg.triples import from_graph, nt_to_term  # noqa: E402

QUERIES = [
    "Italy",
    "Japan",
    "the",
    "a",
    "m",
    "Meloni",
    "Kishida",
    "Kisida",
    "prime min",
    "strategic partnership",
    "discussed",
    "two leaders",
    "Tempest",
    "qqzzyx",
]


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def module_at(rev: str):
    """``kg/search.py`` as it was at git revision ``rev``, imported as a module of its own."""
    repo = Path(__file__).resolve().parent.parent
    text = subprocess.run(
        ["git", "-C", str(repo), "show", f"{rev}:kg/search.py"], check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp(prefix="kg-search-rev-")) / "search_at_rev.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location("search_at_rev", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def unbounded(db, q):
    """:func:`kg.search.search` with every match ranked (no candidate bound)."""
    bound = kg.search.CANDIDATES
    kg.search.CANDIDATES = 1 << 40
    try:
        return search(db, q)
    finally:
        kg.search.CANDIDATES = bound


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--project", type=Path, default=None, help="generate into DIR (reused if made by synth.py)")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--compare-rev", default=None, help="also time kg/search.py as of this git revision")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-search-bench-"))
    root = args.project or work / "project"
    if not (root / "planted.json").is_file():
        t = time.perf_counter()
        synth.generate(root, args.triples)
        print(f"generated {root} ({time.perf_counter() - t:.1f} s)")
    project = find_project(root)
    t = time.perf_counter()
    dataset = load(project)
    ontology = from_graph(dataset.ontology)
    reasoned = reason_nt(ontology + dataset.triples)
    inferred = reasoned.inferred | derive_mentions(dataset)
    print(
        f"loaded and reasoned: {len(dataset.triples):,} asserted, {len(inferred):,} inferred triples "
        f"({time.perf_counter() - t:.1f} s)"
    )

    triples = lambda: chain(dataset.triples, inferred, ontology)  # noqa: E731
    types = lambda: (x for x in chain(dataset.triples, ontology) if x[1].endswith("#type>"))  # noqa: E731
    path = work / "search.sqlite"
    t = time.perf_counter()
    counts = write_index(path, triples(), asserted_types=types())
    built = time.perf_counter() - t
    print(
        f"index built in {built:.2f} s: {counts['entities']:,} entities, {counts['quotes']:,} quotes, "
        f"{counts['words']:,} label words; {path.stat().st_size / 1e6:.1f} MB"
    )
    rev = rev_db = None
    if args.compare_rev:
        rev = module_at(args.compare_rev)
        rev_path = work / "search-rev.sqlite"
        t = time.perf_counter()
        rev.write_index(rev_path, triples(), asserted_types=types())
        print(
            f"index of {args.compare_rev}'s kg/search.py built in {time.perf_counter() - t:.2f} s; "
            f"{rev_path.stat().st_size / 1e6:.1f} MB"
        )
        rev_db = rev.open_index(rev_path)

    # The reference: the same texts in a plain table, searched with LIKE (what no index costs).
    plain = sqlite3.connect(":memory:")
    plain.execute("CREATE TABLE t (iri TEXT, text TEXT)")
    quote = "<https://w3id.org/ijkg/ontology#quote>"
    plain.executemany(
        "INSERT INTO t VALUES (?, ?)",
        (
            (s, fold(str(nt_to_term(o))))
            for s, p, o in chain(dataset.triples, ontology)
            if (p in LABELS or p == quote) and o.startswith('"')
        ),
    )
    db = open_index(path)
    entity_match = "SELECT count(*) FROM entity WHERE entity MATCH ?"
    rev_head = f" {args.compare_rev + ' median':>13} {'p95':>8} {'same':>5}" if rev else ""
    print(
        f"\n{'query':<24} {'entities':>8} {'hits':>5} {'median':>9} {'p95':>8} "
        f"{'all ranked':>10} {'same':>5}{rev_head} {'LIKE scan':>10}"
    )
    for q in QUERIES:
        hits = search(db, q)
        matched = db.execute(
            entity_match, (kg.search._match([(w, []) for w in kg.search.words(q)], "label aliases variants"),)
        ).fetchone()[0]
        med, p95 = timed(lambda q=q: search(db, q), args.repeat)
        full, _ = timed(lambda q=q: unbounded(db, q), max(3, args.repeat // 5))
        same = "yes" if hits == unbounded(db, q) else "no"
        line = f"{q!r:<24} {matched:>8,} {len(hits):>5} {med:>6.2f} ms {p95:>5.2f} ms {full:>7.2f} ms {same:>5}"
        if rev:
            rmed, rp95 = timed(lambda q=q: rev.search(rev_db, q), args.repeat)
            rsame = (
                "yes"
                if [(h.iri, h.snippet) for h in rev.search(rev_db, q)] == [(h.iri, h.snippet) for h in hits]
                else "no"
            )
            line += f" {rmed:>10.2f} ms {rp95:>5.2f} ms {rsame:>5}"
        like = "%" + fold(q) + "%"
        ref, _ = timed(
            lambda like=like: plain.execute("SELECT iri FROM t WHERE text LIKE ? LIMIT 20", (like,)).fetchall(),
            max(3, args.repeat // 10),
        )
        print(f"{line} {ref:>7.2f} ms", flush=True)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
