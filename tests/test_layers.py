"""The layers run one way: kg/ is a library that never imports server/, and no modules import each other.

The import statements are read with ``ast`` (nothing is imported), at module level and
inside functions alike. The command line may start the server, from one import in
one function (``kg serve``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGES = ("kg", "server")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at module level) for every import of a project module in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from kg import publish" imports the module kg.publish
            names = [
                f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names
            ]
        for name in names:
            if name.split(".")[0] in PACKAGES:
                found.append((name, id(node) in top))
    return found


GRAPH = {name: sorted({m for m, _ in imports(path) if m != name}) for name, path in MODULES.items()}


def test_the_modules_are_found():
    assert {"kg.cli", "kg.load", "kg.triples", "kg.project", "kg.evidence", "kg.store", "server.app"} <= set(MODULES)
    assert {"kg.reason", "kg.reason.rules", "kg.reason.reasonable", "kg.reason.owlrl"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("kg")))
def test_kg_never_imports_server_except_the_serve_command(name):
    reached = [(m, top) for m, top in imports(MODULES[name]) if m.split(".")[0] == "server"]
    if name == "kg.cli":
        assert reached == [("server.run", False)], "kg serve imports server.run, once, inside the command"
    else:
        assert reached == []


def test_server_imports_only_kg_and_itself():
    for name in (n for n in MODULES if n.startswith("server")):
        assert all(m.split(".")[0] in PACKAGES for m in GRAPH[name])


def test_every_imported_project_module_exists():
    missing = {(name, m) for name, targets in GRAPH.items() for m in targets if m not in MODULES}
    assert missing == set()


def test_imports_have_no_cycle():
    """Depth-first search over the import graph; a module seen again on the current path is a cycle."""
    cycles = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in GRAPH.get(name, ()):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize(
    "module, needs",
    [
        ("kg.store", set()),  # the store client: no graph, no server
        ("kg.project", {"kg.errors"}),
        ("kg.namespaces", set()),
        ("server.negotiate", set()),
    ],
)
def test_small_modules_stay_small(module, needs):
    assert set(GRAPH[module]) <= needs | {"kg.errors"}
