"""Soak test: kg serve under 16 concurrent clients for 60 s on loopback, counting errors and sampling memory.

    python benchmarks/soak.py [--seconds 60] [--clients 16]

The clients cycle through every query in queries/ (so both cached and fresh
answers are served). It prints requests, errors, latency and the server's
resident memory (all its processes) every 10 s; memory is stable when the last
samples stay flat. Exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import ROOT, free_port, kg_command, rss_kib, run_load, start, stop, wait_ready  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    subprocess.run([*kg_command(), "build", "--root", str(ROOT)], check=True, stdout=subprocess.DEVNULL)
    queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))]
    port = free_port()
    proc = start([*kg_command(), "serve", "--root", str(ROOT), "--port", str(port), "--workers", "2"])
    samples: list[tuple[float, int]] = []
    results = []
    try:
        wait_ready(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", proc)
        began = time.perf_counter()
        done = threading.Event()

        def sample():
            while not done.is_set():
                samples.append((time.perf_counter() - began, rss_kib(proc.pid)))
                done.wait(10)

        sampler = threading.Thread(target=sample)
        sampler.start()
        per_query = args.seconds / len(queries)
        for text in queries:
            results.append(
                run_load("127.0.0.1", port, "/sparql", text, clients=args.clients, seconds=per_query, accept="*/*")
            )
        done.set()
        sampler.join()
        samples.append((time.perf_counter() - began, rss_kib(proc.pid)))
    finally:
        stop(proc)
    requests = sum(r.requests for r in results)
    errors = sum(r.errors for r in results)
    seconds = sum(r.seconds for r in results)
    worst_p99 = max(r.p99_ms for r in results)
    print(f"{args.clients} clients, {seconds:.0f} s, {len(queries)} queries in turn")
    print(
        f"requests: {requests}  errors: {errors}  throughput: {requests / seconds:.0f} req/s  worst p99: {worst_p99:.1f} ms"
    )
    print("memory (all server processes):")
    for t, kib in samples:
        print(f"  {t:5.0f} s  {kib / 1024:7.1f} MiB")
    growth = (samples[-1][1] - samples[1][1]) / 1024 if len(samples) > 2 else 0.0
    print(f"growth after warm-up: {growth:+.1f} MiB")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
