"""Time and peak memory of each OWL-RL reasoner on synthetic projects.

    python benchmarks/reasoners.py [--sizes 10000,100000,1000000] [--max-reference 100000]
                                   [--reasoners rules,reasonable,owlrl] [--seed 0] [--keep DIR] [--timeout 600]
    python benchmarks/reasoners.py --recording 5 [--sizes 1000000]

For each size it generates a project with benchmarks/synth.py and loads it once (kg.load), writing
the ontology and the data as one N-Triples file. Then each reasoner runs in a child process of its
own that parses that file into a list of term-string triples (what ``kg build`` hands the reasoner)
and calls ``kg.reason.reason_nt``; the seconds are those of that call, the peak resident memory is
the child's up to the end of that call, its input list included. ``reasonable`` and ``owlrl`` are skipped
above ``--max-reference`` triples (reasonable needs about 18 GiB for a million; owlrl did not finish
a million in 5 minutes).
The last column is a digest of the sorted inferred triples: equal digests, equal answers.

``--recording N`` measures instead what the ``rules`` reasoner's recording of its derivation
order (``reason_nt(..., record=True)``, what ``kg build`` does for ``kg explain``) costs: one
child process per size parses the input once, then runs the reasoner N times with recording
and N times without, alternating which goes first, and prints the median seconds of each, the
ratio, and the time to write the recorded order as ``derivations.nt`` (as the build does, into
a temporary file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REASONERS = ("rules", "reasonable", "owlrl")


def child(reasoner: str, source: Path, result: Path) -> None:
    import pyoxigraph as ox

    from kg.reason import reason_nt

    triples = [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ]
    t = time.perf_counter()
    reasoned = reason_nt(triples, reasoner)
    seconds = time.perf_counter() - t
    mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the digest below; Linux: KiB
    digest = hashlib.sha256("".join(sorted(f"{s} {p} {o} .\n" for s, p, o in reasoned.inferred)).encode())
    result.write_text(
        json.dumps(
            {
                "seconds": seconds,
                "triples": len(triples),
                "inferred": len(reasoned.inferred),
                "reasoner": reasoned.reasoner,
                "digest": digest.hexdigest()[:12],
                "mib": mib,
            }
        )
    )


def child_recording(source: Path, result: Path, repeats: int) -> None:
    import gc

    import pyoxigraph as ox

    from kg.reason import reason_nt

    triples = [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ]
    seconds: dict[bool, list[float]] = {True: [], False: []}
    write = []
    inferred = 0
    for i in range(repeats):
        for record in (True, False) if i % 2 == 0 else (False, True):
            gc.collect()
            t = time.perf_counter()
            reasoned = reason_nt(triples, "rules", record=record)
            seconds[record].append(time.perf_counter() - t)
            inferred = len(reasoned.inferred)
            if record:
                assert reasoned.order is not None and len(reasoned.order) == inferred
                t = time.perf_counter()
                with tempfile.TemporaryFile("w", encoding="utf-8") as fh:
                    fh.writelines(f"{s} {p} {o} .\n" for s, p, o in reasoned.order)
                write.append(time.perf_counter() - t)
            else:
                assert reasoned.order is None
            del reasoned
    result.write_text(
        json.dumps(
            {
                "triples": len(triples),
                "inferred": inferred,
                "with": statistics.median(seconds[True]),
                "without": statistics.median(seconds[False]),
                "runs_with": seconds[True],
                "runs_without": seconds[False],
                "write": statistics.median(write),
            }
        )
    )


def recording(sizes: list[int], workdir: Path, seed: int, repeats: int, timeout: float) -> None:
    print(
        "| asserted target | input triples | inferred | with recording s (median, min) | without s (median, min) | "
        "ratio of medians | median of paired ratios | writing derivations.nt s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        source = prepare(size, workdir, seed)
        result = workdir / "recording.json"
        result.unlink(missing_ok=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "recording", "--input", str(source)]
        try:
            subprocess.run(
                [*cmd, "--result", str(result), "--recording", str(repeats)], check=True, timeout=timeout * repeats
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
            print(f"| {size:,} | | | {err} | | | | |", flush=True)
            continue
        f = json.loads(result.read_text())
        ratio = f["with"] / f["without"]
        # Each pair ran back to back, so its ratio shares the machine's load of the moment.
        paired = statistics.median(a / b for a, b in zip(f["runs_with"], f["runs_without"], strict=True))
        print(
            f"| {size:,} | {f['triples']:,} | {f['inferred']:,} | {f['with']:.2f}, {min(f['runs_with']):.2f} | "
            f"{f['without']:.2f}, {min(f['runs_without']):.2f} | {ratio:.3f} | {paired:.3f} | {f['write']:.2f} |",
            flush=True,
        )
        runs = ", ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(f["runs_with"], f["runs_without"], strict=True))
        print(f"  (each run, with/without: {runs})", flush=True)


def prepare(size: int, workdir: Path, seed: int) -> Path:
    """The N-Triples input of a synthetic project of ``size`` asserted triples, generated once into ``workdir``."""
    root = workdir / f"synth-{size}"
    if not root.exists():
        subprocess.run(
            [sys.executable, str(HERE / "synth.py"), str(root), "--triples", str(size), "--seed", str(seed)],
            check=True,
            capture_output=True,
        )
    source = workdir / f"input-{size}.nt"
    if not source.exists():
        write_input(root, source)
    return source


def write_input(root: Path, target: Path) -> int:
    """Load the project at ``root`` as the build does and write ontology and data as N-Triples to ``target``."""
    from kg.load import load
    from kg.project import find_project
    from kg.reason.rules import term_to_nt

    dataset = load(find_project(root))
    lines = {" ".join(term_to_nt(x, xsd_string=False) for x in t) + " .\n" for t in dataset.ontology}
    lines.update(f"{s} {p} {o} .\n" for s, p, o in dataset.triples)
    target.write_text("".join(sorted(lines)))
    return len(lines)


def measure(reasoner: str, source: Path, workdir: Path, timeout: float) -> dict:
    result = workdir / f"{reasoner}.json"
    result.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", reasoner, "--input", str(source)]
    proc = subprocess.Popen([*cmd, "--result", str(result)])
    start = time.monotonic()
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return {"error": f"> {timeout:.0f} s"}
        time.sleep(0.05)
    if status != 0 or not result.exists():
        return {"error": f"exit status {status}"}
    return json.loads(result.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated asserted-triple targets")
    parser.add_argument(
        "--max-reference", type=int, default=100_000, help="skip reasonable and owlrl above this many triples"
    )
    parser.add_argument("--reasoners", default=",".join(REASONERS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per run")
    parser.add_argument("--keep", type=Path, default=None, help="generate into DIR and keep the projects")
    parser.add_argument(
        "--recording",
        type=int,
        default=0,
        metavar="N",
        help="time the rules reasoner with and without recording, N runs each",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "recording":
        child_recording(args.input, args.result, args.recording)
        return 0
    if args.child:
        child(args.child, args.input, args.result)
        return 0

    reasoners = [r for r in args.reasoners.split(",") if r]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="kg-reasoners-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.recording:
        recording([int(s) for s in args.sizes.split(",")], workdir, args.seed, args.recording, args.timeout)
        return 0
    print("| asserted target | input triples | reasoner | seconds | peak MiB | inferred | ran | digest |")
    print("|---:|---:|---|---:|---:|---:|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        source = prepare(size, workdir, args.seed)
        for reasoner in reasoners:
            if reasoner != "rules" and size > args.max_reference:
                print(f"| {size:,} | | {reasoner} | skipped (> --max-reference) | | | | |", flush=True)
                continue
            f = measure(reasoner, source, workdir, args.timeout)
            if "error" in f:
                print(f"| {size:,} | | {reasoner} | {f['error']} | | | | |", flush=True)
                continue
            print(
                f"| {size:,} | {f['triples']:,} | {reasoner} | {f['seconds']:.1f} | {f['mib']:.0f} | "
                f"{f['inferred']:,} | {f['reasoner']} | {f['digest']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
