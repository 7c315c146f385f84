"""The package's imports go one way: subpackages import only their own layer or the layers below
(:data:`LAYERS`), no module imports, directly or through others, a module that imports it back,
and the result types import no stage and no renderer (docs/ARCHITECTURE.md).

Every ``import`` statement counts, wherever it is: module level, inside functions, under
``if TYPE_CHECKING:``. The graph is read from the source (AST), so nothing is imported.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarize"

#: The layers, bottom first: a module may import its own layer and those before it. ``base`` is
#: every top-level module (errors, defaults, progress, threads); the package's ``__init__`` (the
#: lazy public API) stands above all and is imported from below only for ``__version__``.
LAYERS = (
    "base",
    "types",
    "models",
    "inputs",
    "comparison",
    "summarizers",
    "pipeline",
    "render",
    "cli",
)


def module_name(path: Path) -> str:
    parts = ("summarize", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, modules: set[str]) -> set[str]:
    """The package modules ``name`` imports anywhere in its source.

    ``from a.b import c`` is an import of ``a.b.c`` when that is a module, else of ``a.b``;
    relative imports are resolved against the module's package.
    """
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if is_package else name.split(".")[:-1]
                anchor = here[: len(here) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        found.update(target for target in targets if target in modules)
    found.discard(name)
    return found


@functools.cache
def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imports_of(name, path, set(modules)) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path ``[a, b, ..., a]``, or ``None`` when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_checker_finds_a_cycle_and_function_local_imports(tmp_path: Path) -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    source = tmp_path / "mod.py"
    source.write_text("def f():\n    from summarize.render.html import e\n    return e\n")
    assert imports_of("summarize.x", source, {"summarize.render.html"}) == {"summarize.render.html"}


def test_the_graph_covers_the_package() -> None:
    graph = import_graph()
    assert {"summarize.types", "summarize.pipeline.briefing", "summarize.render.html"} <= set(graph)
    assert "summarize.types.digest" in graph["summarize.summarizers.extractive"]
    # function-local imports are read too: brief() imports compare() inside the function
    assert "summarize.comparison.comparison" in graph["summarize.pipeline.briefing"]


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    "name", sorted(n for n in package_modules() if n.startswith("summarize.types"))
)
def test_types_import_only_types_and_defaults(name: str) -> None:
    """The bottom layer: result types reach renderers only through types.display's lookup."""
    allowed = {"summarize.defaults"}
    imported = import_graph()[name]
    assert {m for m in imported if not m.startswith("summarize.types")} <= allowed, imported


@pytest.mark.parametrize(
    "name", sorted(n for n in package_modules() if n.startswith("summarize.render"))
)
def test_renderers_import_no_stage(name: str) -> None:
    """Renderers read the result types; they never call a stage (nothing is computed twice)."""
    allowed = {
        "summarize",
        "summarize.types",
        "summarize.errors",
        "summarize.defaults",
        "summarize.wording",  # counts in words ("1 outlet"): text, not a stage
        "summarize.readable",  # does a sentence read on its own: text, not a stage
    }
    imported = import_graph()[name]
    outside = {m for m in imported if not m.startswith(("summarize.render", "summarize.types."))}
    assert outside <= allowed, outside


def layer_of(name: str) -> int:
    """Index in :data:`LAYERS` of a package module (top-level modules are ``base``)."""
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else 0


def test_every_subpackage_has_a_layer() -> None:
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert packages <= set(LAYERS), packages - set(LAYERS)


@pytest.mark.parametrize("name", sorted(n for n in package_modules() if n != "summarize"))
def test_imports_go_down_the_layers(name: str) -> None:
    """inputs -> models -> types, comparison -> inputs..., never the other way round."""
    upward = {
        module
        for module in import_graph()[name]
        if module != "summarize" and layer_of(module) > layer_of(name)
    }
    assert not upward, f"{name} ({LAYERS[layer_of(name)]}) imports a higher layer: {upward}"


def test_the_top_package_is_imported_only_for_its_version() -> None:
    for name, path in package_modules().items():
        if name == "summarize" or "summarize" not in import_graph()[name]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "summarize"
            for alias in node.names
        }
        assert imported <= {"__version__"}, (name, imported)
