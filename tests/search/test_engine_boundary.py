"""Only search/backends/ knows which engine answers: no other module of the hub checks a backend's
name, reaches into its connection or client, or imports an engine's library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from search.backends.base import BaseSearchBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.contract import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("search", "library", "governance", "hub")
ENGINE_MODULES = {"sqlite3", "elasticsearch"}
ENGINE_NAMES = {"embedded", "elasticsearch"}
ENGINE_INTERNALS = {"_connect", "client", "alias"}
# The django-tasks backend has an alias too (its name in settings.TASKS): not a search engine.
ALLOWED = {("hub/task_queue.py", "alias"), ("hub/tasks.py", "alias")}


def _sources() -> list[Path]:
    return [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "backends" not in path.relative_to(ROOT / package).parts or package != "search"
    ]


def _is_name_of_a_backend(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "name"
        and "backend" in ast.unparse(node.value).lower()
    )


def violations(source: str, relative: str) -> list[str]:
    """What in one module knows which engine it talks to, as 'path:line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        what = ""
        if isinstance(node, ast.Import):
            modules = {alias.name.split(".")[0] for alias in node.names}
            if modules & ENGINE_MODULES:
                what = f"imports {', '.join(sorted(modules & ENGINE_MODULES))}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in ENGINE_MODULES:
                what = f"imports from {node.module}"
        elif isinstance(node, ast.Attribute) and node.attr in ENGINE_INTERNALS:
            if (relative, node.attr) not in ALLOWED:
                what = f"touches .{node.attr}"
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            named = any(
                isinstance(o, ast.Constant) and o.value in ENGINE_NAMES for o in operands
            ) or any(
                isinstance(o, ast.Tuple | ast.List | ast.Set)
                and any(isinstance(e, ast.Constant) and e.value in ENGINE_NAMES for e in o.elts)
                for o in operands
            )
            if named or any(_is_name_of_a_backend(o) for o in operands):
                what = "checks which engine it is"
        elif isinstance(node, ast.Match) and _is_name_of_a_backend(node.subject):
            what = "checks which engine it is"
        if what:
            found.append(f"{relative}:{node.lineno}: {what}")
    return found


def test_no_module_outside_the_backends_knows_the_engine():
    sources = _sources()
    assert any(path.name == "spelling.py" for path in sources)  # the walk finds the modules
    found = [
        line
        for path in sources
        for line in violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import sqlite3",
        "from elasticsearch import ApiError",
        "import elasticsearch.helpers",
        "connection = backend._connect()",
        "backend.client.search(index=backend.alias)",
        "if backend.name == 'embedded': pass",
        "if get_backend().name != 'elasticsearch': pass",
        "if kind in ('embedded', 'other'): pass",
        "match backend.name:\n    case _: pass",
    ],
)
def test_the_check_sees_each_way_of_knowing_the_engine(source):
    assert violations(source, "search/example.py")


def test_naming_the_engine_in_a_message_is_not_a_check():
    assert violations('print(f"Indexed with the {backend.name} backend.")', "x.py") == []


@pytest.mark.parametrize("backend_class", [EmbeddedBackend, ElasticsearchBackend])
def test_each_declared_operation_is_implemented(backend_class):
    for capability, methods in OPERATIONS.items():
        for method in methods:
            implemented = getattr(backend_class, method) is not getattr(BaseSearchBackend, method)
            assert implemented == (capability in backend_class.capabilities), (capability, method)


def test_an_engine_without_an_operation_says_so():
    class Bare(BaseSearchBackend):
        name = "bare"

    with pytest.raises(NotImplementedError, match="bare"):
        Bare().similar(1, 5, ("public",))
    with pytest.raises(NotImplementedError):
        Bare().rebuild([])


class _Searching(BaseSearchBackend):
    """An engine that searches (finding nothing) but offers none of the other operations."""

    name = "searching-only"

    def search(self, request):
        from search.contract import SearchResults

        return SearchResults(total=0, hits=[], page=1, page_size=request.page_size)


def test_callers_do_without_what_an_engine_does_not_offer():
    from search.query import parse_query
    from search.related import similar_resources, similar_resources_later
    from search.spelling import did_you_mean

    backend = _Searching()
    assert did_you_mean(backend, parse_query("remitances"), 0) == ""
    assert similar_resources(backend, 1) == []
    assert similar_resources_later(backend, 1)() == []


@pytest.mark.django_db
def test_suggestions_do_without_an_engine_that_offers_none():
    from search.suggest import suggest

    suggestions, degraded = suggest("migration", _Searching())
    assert not degraded
    assert [s for s in suggestions if s["kind"] == "resource"] == []


@pytest.mark.django_db
def test_the_index_command_says_what_the_engine_cannot_do(monkeypatch):
    from django.core.management import CommandError, call_command

    import search.management.commands.search_index as command

    monkeypatch.setattr(command, "get_backend", lambda: _Searching())
    for action in ("rebuild", "check"):
        with pytest.raises(CommandError, match="cannot"):
            call_command("search_index", action)
