"""A small closed-loop HTTP load generator for SPARQL endpoints: N clients, keep-alive, fixed duration.

Used by the benchmark scripts; it runs on loopback only and stops by itself.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figures:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run_load(host: str, port: int, path: str, query: str, *, clients: int, seconds: float, accept: str) -> Figures:
    """Send GET path?query=... from ``clients`` threads for ``seconds``; count answers and latencies."""
    target = f"{path}?{urllib.parse.urlencode({'query': query})}"
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    deadline = time.perf_counter() + seconds

    def client(i: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        lat = latencies[i]
        while True:
            start = time.perf_counter()
            if start >= deadline:
                break
            try:
                conn.request("GET", target, headers={"Accept": accept})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errors[i] += 1
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
                continue
            lat.append(time.perf_counter() - start)
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    flat = sorted(x for lat in latencies for x in lat)
    if not flat:
        return Figures(0, sum(errors), elapsed, float("nan"), float("nan"))
    p99 = flat[min(len(flat) - 1, int(len(flat) * 0.99))]
    return Figures(len(flat), sum(errors), elapsed, statistics.median(flat) * 1000, p99 * 1000)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, seconds: float = 60) -> float:
    """Wait until ``url`` answers; return how long it took."""
    began = time.perf_counter()
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return time.perf_counter() - began
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}") from None
            if time.perf_counter() - began > seconds:
                raise RuntimeError("server did not start") from None
            time.sleep(0.05)


def start(cmd: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started by :func:`start` by its process id (its whole process group)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            pids.extend(int(c) for c in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def kg_command() -> list[str]:
    return [sys.executable, "-m", "kg"]
