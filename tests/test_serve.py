"""`kg serve` itself: started with its defaults on a loopback port, it says nothing but where it serves,
and it serves the build named by --out. Stopped by its process id."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse

import pytest

from helpers import http, kg_serve, stop_server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory):
    """A one-article project built into a folder that is not its out/."""
    from helpers import MINI_ARTICLE, MINI_ARTICLE_NAME, MINI_DATA, make_project

    root = make_project(tmp_path_factory.mktemp("mini"), {"mini.ttl": MINI_DATA}, {MINI_ARTICLE_NAME: MINI_ARTICLE})
    out = tmp_path_factory.mktemp("elsewhere") / "build"
    result = subprocess.run(
        [sys.executable, "-m", "kg", "build", "--root", str(root), "--out", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return root, out


def test_serve_with_its_defaults_starts_without_warnings_and_serves_the_out_folder(elsewhere, tmp_path):
    root, out = elsewhere
    log = tmp_path / "serve.log"
    base, proc = kg_serve(out, log, root=root)  # default workers and threads
    try:
        q = urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/ijkg/graph/asserted> { ?s ?p ?o } }"}
        )
        status, _, body = http("GET", f"{base}/sparql?{q}", headers={"Accept": "application/sparql-results+json"})
    finally:
        stop_server(proc)
    assert status == 200, body
    built = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == built["triples"]["asserted"]
    assert not (root / "out").exists(), "kg serve --out built into out/ instead of serving the folder given"
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    assert lines and lines[0].startswith("serving http://127.0.0.1:")
    noise = [line for line in lines[1:] if "warn" in line.lower() or "error" in line.lower()]
    assert noise == [], "\n".join(noise)


def test_default_threads_stay_below_granians_warning():
    import multiprocessing

    from server.run import default_threads

    assert 1 <= default_threads() <= multiprocessing.cpu_count() * 2 + 1


def test_the_wsgi_entry_point_freezes_what_the_app_made_at_start(build_dir):
    """Full collections do not walk the app's start-up objects (they paused a worker for about 30 ms)."""
    from helpers import ROOT

    env = dict(os.environ, KG_ROOT=str(ROOT), KG_OUT=json.dumps(str(build_dir)))
    result = subprocess.run(
        [sys.executable, "-c", "import gc, server.wsgi; print(gc.get_freeze_count())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 10_000
