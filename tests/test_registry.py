"""One way in, no circles: the registry imports no stage, the stages never import back.

The stage packages register their stages in :mod:`marsad.registry`; the default pipeline
(:mod:`marsad.pipeline`) imports the stage packages. A stage package that imported
``marsad.pipeline``, or a registry that imported a stage, would close a circle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
STAGE_PACKAGES = ("amounts", "dates", "entities", "events", "quotes")
STAGE_MODULES = (*(f"marsad.{p}" for p in STAGE_PACKAGES), "marsad.stages")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in (SRC / "marsad").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package_of(name: str) -> str:
    return name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]


def _targets(name: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The marsad modules one import statement of module ``name`` imports."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in MODULES}
    if node.level:
        base = _package_of(name).split(".")
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    found = {target} if target in MODULES else set()
    found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES}
    return found


def _module_level(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module is imported (not in functions, not under TYPE_CHECKING)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If):
            checking = isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
            found += _module_level(node.orelse if checking else node.body + node.orelse)
        elif isinstance(node, ast.Try):
            handlers = [s for h in node.handlers for s in h.body]
            found += _module_level(node.body + handlers + node.orelse + node.finalbody)
        elif isinstance(node, ast.ClassDef):
            found += _module_level(node.body)
    return found


def _imports(name: str, *, anywhere: bool) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    if anywhere:
        nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    else:
        nodes = _module_level(tree.body)
    found: set[str] = set()
    for node in nodes:
        found |= _targets(name, node)
    # a package is imported before its modules: an edge to one's own package is no circle
    return {m for m in found if m != name and not name.startswith(m + ".")}


def _in_stage_package(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in STAGE_MODULES)


def test_no_stage_module_imports_the_pipeline() -> None:
    offenders = {
        name: sorted(m for m in _imports(name, anywhere=True) if m == "marsad.pipeline")
        for name in MODULES
        if _in_stage_package(name)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_registry_imports_no_stage() -> None:
    imported = _imports("marsad.registry", anywhere=True)
    assert not {m for m in imported if _in_stage_package(m) or m == "marsad.pipeline"}


def test_the_pipeline_imports_every_stage_package() -> None:
    assert set(STAGE_MODULES) <= _imports("marsad.pipeline", anywhere=False)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of ``graph`` as a path, or None."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found is not None:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found is not None:
                return found
    return None


def test_no_import_circles_at_module_level() -> None:
    graph = {name: _imports(name, anywhere=False) for name in MODULES}
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(out.stdout.split())


def test_importing_the_registry_alone_imports_no_stage() -> None:
    loaded = _loaded_after("import marsad.registry")
    assert not {m for m in loaded if _in_stage_package(m) or m == "marsad.pipeline"}


def test_the_public_api_still_lists_the_built_in_stages() -> None:
    import marsad

    assert {"clean", "entities", "quotes", "events"} <= set(marsad.registered_stages())
    assert marsad.Pipeline().names == list(marsad.Pipeline.DEFAULT)
