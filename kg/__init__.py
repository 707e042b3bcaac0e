"""Italy-Japan Knowledge Graph: load, check, validate, reason over, export and query the graph."""

__version__ = "1.0.0"
