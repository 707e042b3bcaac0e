"""Run the endpoint under Granian, a production HTTP server; never Flask's development server."""

from __future__ import annotations

import json
import os

from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels


def default_threads() -> int:
    """Threads per worker: twice the CPU cores plus one, at most 8.

    Granian warns about more than that for a WSGI app, and a worker runs one query at a
    time anyway (its evaluator is one process); the threads wait on it and serve pages.
    """
    return max(1, min(8, 2 * (os.cpu_count() or 1) + 1))


def run_serve(
    *,
    host: str,
    port: int,
    workers: int,
    threads: int | None,
    timeout: float,
    root: str | None,
    out: str | None = None,
    store: str | None = None,
    drafts: bool = False,
) -> None:
    """Serve /sparql on ``host:port`` with ``workers`` processes of ``threads`` threads each.

    Each worker imports :mod:`server.wsgi`, which makes the app from the ``KG_*``
    environment set here, loads the last build's outputs and starts its own
    query evaluator. A worker that dies is started again. ``drafts`` serves the
    review pages of the draft files; the caller keeps ``host`` on loopback then.
    """
    threads = threads or default_threads()
    os.environ["KG_QUERY_TIMEOUT"] = repr(float(timeout))
    if store:
        os.environ["KG_STORE"] = json.dumps(store)  # from_prefixed_env reads JSON
    if root:
        os.environ["KG_ROOT"] = str(root)
    # Always set: a KG_DRAFTS left in the environment must not serve drafts beyond loopback.
    os.environ["KG_DRAFTS"] = "true" if drafts else "false"  # from_prefixed_env reads JSON
    if out:
        os.environ["KG_OUT"] = json.dumps(str(out))  # from_prefixed_env reads JSON
    level = os.environ.get("KG_LOG_LEVEL", "warning").lower()
    Granian(
        "server.wsgi:app",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        respawn_failed_workers=True,
        log_level=LogLevels(level) if level in {lv.value for lv in LogLevels} else LogLevels.warning,
        log_access=bool(os.environ.get("KG_ACCESS_LOG")),
    ).serve()
