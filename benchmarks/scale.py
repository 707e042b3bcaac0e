"""How the pipeline scales: time and peak memory of each stage on synthetic projects of growing size.

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--timeout 300] [--seed 0] [--keep DIR]

For each size it generates a project with benchmarks/synth.py, then runs each stage in a child
process of its own, so that the peak resident memory it reports (from ``os.wait4``, which covers the
child and every process it waited for) belongs to that stage alone:

``load``      kg.load.load (parse the data files with pyoxigraph, materialise the claims)
``evidence``  kg.load.check_evidence (every quote verbatim, every fact claimed)
``validate``  kg.validate.validate of the asserted data (the shacl engine, on their sorted N-Triples)
``reason``    kg.reason.reason_nt (the OWL-RL closure with the default reasoner)
``build``     ``kg build`` (all of the above, the closure check, and writing out/)
``export``    ``kg export --format turtle --graph all`` of the build's outputs
``serve``     ``kg serve`` on a free loopback port until it answers a SPARQL query (then stopped)

The seconds are those of the stage's own call; load, evidence, validate and reason first load the
project (not timed, but in the peak memory). A stage whose process runs over ``--timeout`` seconds
(its own project load included) is stopped and shown as "> T s"; export and serve are skipped when
the build did not finish. It prints
a markdown table, then a note for every stage that failed. Memory for serve is the largest single
process (the server's worker holding the graph), not the sum of its processes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from loadgen import free_port, kg_command, stop  # noqa: E402

STAGES = ("load", "evidence", "validate", "reason", "build", "export", "serve")
NEEDS_BUILD = ("export", "serve")


# --- one stage, in its own process --------------------------------------------


def run_stage(stage: str, root: Path, timeout: float) -> dict:
    """Run one stage on the project at ``root`` and return its figures (called in the child)."""
    if stage in ("load", "evidence", "validate", "reason"):
        from kg.evidence import check_evidence
        from kg.load import load
        from kg.project import find_project

        project = find_project(root)
        if stage == "load":
            t = time.perf_counter()
            dataset = load(project)
            return {"seconds": time.perf_counter() - t, "asserted": len(dataset.triples)}
        dataset = load(project)
        if stage == "evidence":
            t = time.perf_counter()
            problems = check_evidence(project, dataset)
            return {"seconds": time.perf_counter() - t, "problems": len(problems)}
        if stage == "validate":
            from kg.triples import ntriples_text
            from kg.validate import load_shapes, validate

            shapes = load_shapes(project.shapes_file)
            t = time.perf_counter()
            text = ntriples_text(dataset.triples)
            report = validate(None, shapes, dataset.ontology, data_text=text, provenance=dataset.provenance())
            return {
                "seconds": time.perf_counter() - t,
                "violations": len(report.violations),
                "warnings": len(report.warnings),
            }
        from kg.reason import reason_nt
        from kg.triples import from_graph

        t = time.perf_counter()
        reasoned = reason_nt(from_graph(dataset.ontology) + dataset.triples)
        return {"seconds": time.perf_counter() - t, "inferred": len(reasoned.inferred)}
    if stage == "build":
        t = time.perf_counter()
        done = subprocess.run([*kg_command(), "build", "--root", str(root)], capture_output=True, text=True)
        seconds = time.perf_counter() - t
        if done.returncode != 0:
            raise RuntimeError(f"kg build exited {done.returncode}: {(done.stderr or done.stdout).strip()[:400]}")
        build = json.loads((root / "out" / "build.json").read_text(encoding="utf-8"))
        return {"seconds": seconds, "inferred": build["triples"]["inferred"], "timings": build["timings_s"]}
    if stage == "export":
        target = root / "export.ttl"
        t = time.perf_counter()
        done = subprocess.run(
            [*kg_command(), "export", "--root", str(root), "--format", "turtle", "--graph", "all", "-o", str(target)],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - t
        if done.returncode != 0:
            raise RuntimeError(f"kg export exited {done.returncode}: {done.stderr.strip()[:400]}")
        size = target.stat().st_size
        target.unlink()
        return {"seconds": seconds, "bytes": size}
    if stage == "serve":
        return serve_until_answer(root, timeout)
    raise SystemExit(f"unknown stage {stage}")


def serve_until_answer(root: Path, timeout: float) -> dict:
    """Start ``kg serve`` in its own process group; time until a SPARQL query is answered; stop the group."""
    port = free_port()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Claim }"
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    log = (root / "serve.log").open("wb")
    t = time.perf_counter()
    proc = subprocess.Popen(
        [*kg_command(), "serve", "--root", str(root), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    try:
        while True:
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"}), timeout=5
                ) as resp:
                    body = json.loads(resp.read())
                seconds = time.perf_counter() - t
                claims = int(body["results"]["bindings"][0]["n"]["value"])
                return {"seconds": seconds, "claims_answered": claims}
            except OSError:
                if proc.poll() is not None:
                    tail = (root / "serve.log").read_text(errors="replace")[-400:]
                    raise RuntimeError(f"kg serve exited {proc.returncode}: {tail.strip()}") from None
                if time.perf_counter() - t > timeout:
                    raise TimeoutError from None
                time.sleep(0.2)
    finally:
        stop(proc)


def child_main(stage: str, root: Path, timeout: float, result: Path) -> int:
    # The parent stops a stage that runs too long with SIGTERM: turn it into an exception so that
    # `finally` blocks (the server's process group) run.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        figures = run_stage(stage, root, timeout)
    except TimeoutError:
        figures = {"timeout": True}
    except Exception as err:  # report, do not hide: the parent prints it under the table
        figures = {"error": f"{type(err).__name__}: {' '.join(str(err).split())[:500]}"}
    result.write_text(json.dumps(figures), encoding="utf-8")
    return 0


# --- the parent -------------------------------------------------------------------


def measure(stage: str, root: Path, timeout: float, workdir: Path) -> dict:
    """Run ``stage`` in a child process; return its figures with its peak memory in MiB."""
    result = workdir / f"{stage}.json"
    result.unlink(missing_ok=True)
    log = (workdir / f"{stage}.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--root", str(root)]
        + ["--timeout", str(timeout), "--result", str(result)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    started = time.perf_counter()
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if not timed_out and time.perf_counter() - started > timeout + 5:
            timed_out = True
            os.killpg(proc.pid, signal.SIGTERM)
            kill_at = time.perf_counter() + 20
        if timed_out and time.perf_counter() > kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            kill_at = float("inf")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    figures = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {}
    if timed_out or figures.get("timeout") or figures.get("seconds", 0) > timeout:
        return {"timeout": True}
    if not figures:
        tail = (workdir / f"{stage}.log").read_text(errors="replace").strip()[-400:]
        figures = {"error": f"stage process exited {proc.returncode}: {tail}"}
    figures["mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return figures


def cell(figures: dict | None, timeout: float) -> str:
    if figures is None:
        return "skipped"
    if figures.get("timeout"):
        return f"> {timeout:g} s"
    if "error" in figures:
        return "error"
    return f"{figures['seconds']:.1f} s / {figures['mib']:.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated asserted-triple targets")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per stage")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of " + ",".join(STAGES))
    parser.add_argument("--keep", type=Path, default=None, help="generate into DIR and keep the projects")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        return child_main(args.stage, args.root, args.timeout, args.result)

    sys.path.insert(0, str(HERE))
    import synth

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    stages = [s for s in args.stages.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error("unknown stage(s): " + ", ".join(sorted(unknown)))
    base = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    base.mkdir(parents=True, exist_ok=True)
    rows, notes = [], []
    try:
        for size in sizes:
            root = base / f"synth-{size}"
            t = time.perf_counter()
            manifest = synth.generate(root, size, seed=args.seed)
            gen = time.perf_counter() - t
            print(f"[{size}] generated {manifest['asserted_triples']} asserted triples in {gen:.1f} s", flush=True)
            results: dict[str, dict | None] = {}
            for stage in stages:
                if stage in NEEDS_BUILD and not (root / "out" / "build.json").is_file():
                    results[stage] = None
                    print(f"[{size}] {stage}: skipped (no build)", flush=True)
                    continue
                figures = measure(stage, root, args.timeout, base)
                results[stage] = figures
                extra = {k: v for k, v in figures.items() if k not in ("seconds", "mib")}
                print(
                    f"[{size}] {stage}: {cell(figures, args.timeout)} {json.dumps(extra) if extra else ''}", flush=True
                )
                if "error" in figures:
                    notes.append(f"- {size}, {stage}: {figures['error']}")
            rows.append((size, manifest["asserted_triples"], gen, results))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)

    print()
    print("| size | asserted triples | generate | " + " | ".join(stages) + " |")
    print("|---:|---:|---:|" + "---:|" * len(stages))
    for size, asserted, gen, results in rows:
        cells = " | ".join(cell(results[s], args.timeout) for s in stages)
        print(f"| {size:,} | {asserted:,} | {gen:.1f} s | {cells} |")
    print()
    print("Each cell: seconds of the stage's own call / peak resident MiB of its process (see --help).")
    if notes:
        print("\nFailures:")
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
