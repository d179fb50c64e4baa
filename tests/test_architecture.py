"""The layout holds: stages import only downwards (domain <- extract <- normalize <- aggregate <- tdkt),
no module imports itself back through others, and no module or function grows past its limit."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"domain": 0, "extract": 1, "normalize": 2, "aggregate": 3, "tdkt": 4}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules(packages: tuple[str, ...] = tuple(LAYERS)) -> dict[str, Path]:
    out = {}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = path
    return out


MODULES = _modules()
SIZED = _modules((*LAYERS, "tools"))  # the developers' tools keep the same sizes


def _imports(name: str, path: Path) -> set[str]:
    """Project modules that `name` imports, at module level or inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            submodules = {f"{base}.{a.name}" for a in node.names} & MODULES.keys()
            found |= submodules if len(submodules) == len(node.names) else ({base} & MODULES.keys()) | submodules
    found.discard(name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    return LAYERS[name.split(".")[0]]


def test_layout_is_what_the_test_reads() -> None:
    assert {"domain.taxonomy", "extract.readers.pdf", "normalize.awards", "aggregate.checks", "tdkt.cli.main"} <= MODULES.keys()
    assert GRAPH["aggregate.checks"], "the import graph is empty: the parser reads nothing"


def test_no_import_against_the_flow() -> None:
    against = sorted(f"{a} -> {b}" for a, targets in GRAPH.items() for b in targets if _layer(b) > _layer(a))
    assert against == []


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in GRAPH:
        if v not in index:
            visit(v)
    assert cycles == []


@pytest.mark.parametrize("name", sorted(n for n in SIZED if ".migrations" not in n))
def test_module_and_function_sizes(name: str) -> None:
    text = SIZED[name].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines" for node in ast.walk(ast.parse(text))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_the_checks_are_wired_from_the_rule_data() -> None:
    from aggregate import check_rules
    from aggregate.checks import PERIOD_RULES, REPORT_RULES

    wired = {r.rule for r in REPORT_RULES} | {r.rule for r in PERIOD_RULES}
    assert wired == set(check_rules.RULES)
