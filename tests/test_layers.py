"""Layers depend one way: web layers → services → storage; vocabularies import nothing of ours."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

OURS = ("catalog", "catalog_api", "search_ui", "ingest", "schemas", "vocabularies")
ENTRY_MODULES = {"catalog/app.py", "catalog/worker.py", *(f"catalog/cli/{name}" for name in ("__init__.py", "common.py", "export.py", "__main__.py"))}
# package → the packages of ours it must never import
FORBIDDEN = {
    "catalog": {"catalog_api", "search_ui"},
    "catalog_api": {"search_ui"},
    "search_ui": {"catalog_api"},
    "ingest": {"catalog", "catalog_api", "search_ui"},   # readers, mapping, pipeline, report: no database
    "schemas": {"catalog", "catalog_api", "search_ui", "ingest"},
    "vocabularies": set(OURS) - {"vocabularies"},
}


def imported_packages(path) -> set[str]:
    return imported_top_level(path) & set(OURS)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_upward_imports(package):
    offenders = []
    for path in sorted((REPO / package).rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative in ENTRY_MODULES:
            continue
        wrong = imported_packages(path) & FORBIDDEN[package]
        if wrong:
            offenders.append((relative, sorted(wrong)))
    assert offenders == []


def module_graph() -> dict[str, set[str]]:
    """Each module of ours → the modules of ours it imports, at any depth of its code (a function-local import
    is still an import)."""
    modules = {}
    for package in OURS:
        for path in (REPO / package).rglob("*.py"):
            parts = path.relative_to(REPO).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {owner(alias.name) for alias in node.names if alias.name.split(".")[0] in OURS}
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]) if node.level else ""
                module = ".".join(part for part in (base, node.module or "") if part)
                if module.split(".")[0] in OURS:
                    found |= {f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else owner(module)
                              for alias in node.names}
        graph[name] = {module for module in found if module and module != name}
    return graph


def test_no_import_circles():
    graph = module_graph()
    circles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == "open":
                circles.append(trail[trail.index(imported):] + [imported])
            elif imported not in state:
                visit(imported, trail + [imported])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_http_code_lives_in_the_web_layers():
    """Flask is for catalog_api, search_ui, the app factory and catalog/web.py (which hands them the services);
    services, search, exports and linked data answer Python calls only."""
    speaks_http = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "catalog").rglob("*.py")
                         if "flask" in imported_top_level(path))
    assert speaks_http == ["catalog/app.py", "catalog/web.py"]


def imported_top_level(path) -> set[str]:
    """The top-level names of every package a module imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found
