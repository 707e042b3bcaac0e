"""Where the project's files are: finding the project folder, its inputs and its build folder.

This module reads no RDF; :mod:`kg.load` parses what :class:`Project` points at.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import LoadError


@dataclass(frozen=True)
class Project:
    """Where the project's inputs live. Build with :func:`find_project`."""

    root: Path

    @property
    def ontology_file(self) -> Path:
        return self.root / "ontology" / "kg.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def articles_dir(self) -> Path:
        return self.root / "data" / "articles"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def out_dir(self) -> Path:
        """The default build folder, ``out/``."""
        return self.root / "out"

    def output(self, out_dir: str | os.PathLike | None = None) -> Path:
        """The build folder: ``out_dir`` when given, else ``out/``."""
        return Path(out_dir) if out_dir is not None else self.out_dir

    def data_files(self, *, with_drafts: bool = False) -> list[Path]:
        """The Turtle files of ``data/`` and ``data/claims/``, in a fixed order.

        Drafts (``data/claims/*.draft.ttl``, written by ``kg draft``) are left out unless ``with_drafts``.
        """
        claims = sorted((self.data_dir / "claims").glob("*.ttl"))
        if not with_drafts:
            claims = [f for f in claims if not f.name.endswith(".draft.ttl")]
        return sorted(self.data_dir.glob("*.ttl")) + claims

    def draft_files(self) -> list[Path]:
        """The drafts waiting for review: ``data/claims/*.draft.ttl``."""
        return sorted((self.data_dir / "claims").glob("*.draft.ttl"))


def find_project(root: str | os.PathLike | None = None) -> Project:
    """Locate the project: ``root`` if given, else ``$KG_ROOT``, else the nearest folder
    upwards from the working directory that holds ``ontology/kg.ttl``, else the checkout
    this package was installed from."""
    candidates: list[Path] = []
    if root is not None:
        candidates.append(Path(root))
    elif os.environ.get("KG_ROOT"):
        candidates.append(Path(os.environ["KG_ROOT"]))
    else:
        cwd = Path.cwd().resolve()
        candidates.extend([cwd, *cwd.parents])
        candidates.append(Path(__file__).resolve().parent.parent)
    for c in candidates:
        if (c / "ontology" / "kg.ttl").is_file():
            return Project(c.resolve())
    where = candidates[0] if (root is not None or os.environ.get("KG_ROOT")) else Path.cwd()
    raise LoadError(
        f"{where}: no project here (ontology/kg.ttl not found).",
        "Run kg from the project folder, or pass --root or set KG_ROOT to it.",
    )


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, for messages."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


__all__ = ["Project", "display_path", "find_project"]
