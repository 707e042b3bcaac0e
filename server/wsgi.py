"""The WSGI entry point for any server: ``server.wsgi:app``, configured from ``KG_*`` environment variables."""

from server.app import create_app

app = create_app()
