"""Run the endpoint under gunicorn, a production WSGI server; never Flask's development server."""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict, app_config: dict):
        self.options = options
        self.app_config = app_config
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from server.app import create_app

        return create_app(self.app_config)


def run_serve(*, host: str, port: int, workers: int, threads: int, timeout: float, root: str | None) -> None:
    """Serve /sparql on ``host:port`` with ``workers`` processes of ``threads`` threads each.

    Each worker loads the last build's outputs and starts its own query evaluator.
    """
    app_config = {"QUERY_TIMEOUT": timeout}
    if root:
        app_config["ROOT"] = str(root)
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        # The worker's own watchdog: longer than any query, which the engine stops itself.
        "timeout": int(timeout) + 30,
        "graceful_timeout": 10,
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "loglevel": os.environ.get("KG_LOG_LEVEL", "warning"),
        "accesslog": os.environ.get("KG_ACCESS_LOG") or None,
        "errorlog": "-",
        "preload_app": False,
        "proc_name": "kg-serve",
    }
    _Gunicorn(options, app_config).run()
