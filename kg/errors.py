"""The one error hierarchy of the package. The CLI turns these into one-line messages."""


class KgError(Exception):
    """An error the user can act on: ``message`` says what is wrong, ``hint`` what to do next."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class LoadError(KgError):
    """A file is missing, unreadable or not valid RDF."""


class EvidenceError(KgError):
    """A claim's evidence does not hold: a quote not found verbatim, a claim without evidence."""


class ShapesError(KgError):
    """The SHACL shapes could not be loaded or run."""


class QueryError(KgError):
    """A SPARQL query could not be parsed or run."""


class UsageError(KgError):
    """An option has a value outside its allowed set."""
