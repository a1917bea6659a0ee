"""Layers depend one way: web layers → services → storage; vocabularies import nothing of ours."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

OURS = ("catalog", "catalog_api", "search_ui", "ingest", "schemas", "vocabularies")
ENTRY_MODULES = {"catalog/app.py", "catalog/cli.py", "catalog/worker.py"}
# package → the packages of ours it must never import
FORBIDDEN = {
    "catalog": {"catalog_api", "search_ui"},
    "catalog_api": {"search_ui"},
    "search_ui": {"catalog_api"},
    "ingest": {"catalog_api", "search_ui"},
    "schemas": {"catalog", "catalog_api", "search_ui", "ingest"},
    "vocabularies": set(OURS) - {"vocabularies"},
}


def imported_packages(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(OURS)


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
