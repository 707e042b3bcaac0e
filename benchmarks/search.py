"""How long the search index takes to build, and to answer, at a million synthetic triples.

    python benchmarks/search.py [--triples 1000000] [--project DIR] [--repeat 50]

Generates a synthetic project (benchmarks/synth.py; reused when --project already holds one),
loads and reasons it as the build does, then times :func:`kg.search.write_index` over the
asserted, inferred and ontology triples, and the latency of a set of queries (labels, a
prefix, a typo, a quote phrase, no match), each run ``--repeat`` times. The reference in the
same run is a plain ``LIKE '%…%'`` scan over the same labels and quotes in an ordinary SQLite
table, which is what a search without an index would do. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from kg.evidence import derive_mentions  # noqa: E402
from kg.load import load  # noqa: E402
from kg.project import find_project  # noqa: E402
from kg.reason import reason_nt  # noqa: E402
from kg.search import LABELS, fold, open_index, search, write_index  # noqa: E402
from kg.triples import from_graph, nt_to_term  # noqa: E402

QUERIES = ["Italy", "Meloni", "Kishida", "Kisida", "prime min", "strategic partnership", "Tempest", "qqzzyx"]


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--project", type=Path, default=None, help="generate into DIR (reused if made by synth.py)")
    parser.add_argument("--repeat", type=int, default=50)
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

    path = work / "search.sqlite"
    t = time.perf_counter()
    counts = write_index(
        path,
        chain(dataset.triples, inferred, ontology),
        asserted_types=(x for x in chain(dataset.triples, ontology) if x[1].endswith("#type>")),
    )
    built = time.perf_counter() - t
    print(
        f"index built in {built:.2f} s: {counts['entities']:,} entities, {counts['quotes']:,} quotes, "
        f"{counts['words']:,} label words; {path.stat().st_size / 1e6:.1f} MB"
    )

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
    print(f"\n{'query':<24} {'hits':>5} {'index median':>13} {'p95':>8} {'LIKE scan median':>17}")
    for q in QUERIES:
        hits = search(db, q)
        med, p95 = timed(lambda q=q: search(db, q), args.repeat)
        like = "%" + fold(q) + "%"
        ref, _ = timed(
            lambda like=like: plain.execute("SELECT iri FROM t WHERE text LIKE ? LIMIT 20", (like,)).fetchall(),
            max(3, args.repeat // 10),
        )
        print(f"{q!r:<24} {len(hits):>5} {med:>10.2f} ms {p95:>5.2f} ms {ref:>14.2f} ms")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
