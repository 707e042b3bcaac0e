"""The WSGI entry point for any server: ``server.wsgi:app``, configured from ``KG_*`` environment variables.

What the app made at start (Flask, rdflib, the templates, the build's figures) lives as
long as the worker, so it is moved out of the garbage collector's reach once made
(:func:`gc.freeze`): a full collection walked it all, a pause of about 30 ms every
few thousand requests, and now takes under 1 ms.
"""

import gc

from server.app import create_app

app = create_app()
gc.collect()
gc.freeze()
