"""The project's modules import one another in layers and without cycles.

import-linter (`lint-imports`, part of `make check`) holds the `layers` contract of
pyproject.toml, which does not look for cycles among the modules of one layer
(`wizard.tui.app` and `wizard.tui.save_flow` imported each other). This test reads
every import with `ast` — also those inside functions and under `if TYPE_CHECKING` —
and fails naming each cycle, file and line of each import in it. It also checks that
the diagram of docs/ARCHITECTURE.md lists the contract's layers in the contract's
order, and that no module of the project lies outside the layers.

Importing `a.b` runs `a/__init__.py` first; that implicit import is not an edge here
(a package's `__init__` re-exporting one of its modules is no cycle), as it is not for
import-linter.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections import deque
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
IMPORTLINTER: dict[str, Any] = PYPROJECT["tool"]["importlinter"]
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"

Graph = dict[str, dict[str, tuple[Path, int]]]
"""Module → the project modules it imports → (file, line) of the first such import."""


def project_modules(root: Path, packages: list[str]) -> dict[str, Path]:
    """Every module of `packages` under `root` (a package by its `__init__.py`)."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """`name` or the nearest package above it that is a module of the project."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imported(node: ast.Import | ast.ImportFrom, module: str, path: Path) -> list[str]:
    """The names an import statement imports: `a.b` for `import a.b`, and for
    `from a import b` both `a.b` (if it is a module) and `a`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph(root: Path, packages: list[str]) -> Graph:
    """Which project modules each module of `packages` imports, anywhere in its file."""
    modules = project_modules(root, packages)
    graph: Graph = {}
    for module, path in modules.items():
        edges: dict[str, tuple[Path, int]] = {}
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            names = _imported(node, module, path)
            if isinstance(node, ast.ImportFrom):
                # `from a import b`: the module a.b if there is one, else the package a.
                submodules = [n for n in names[:-1] if n in modules]
                names = submodules or names[-1:]
            for name in names:
                target = _known(name, modules)
                if target is not None and target != module:
                    edges.setdefault(target, (path, node.lineno))
        graph[module] = edges
    return graph


def _components(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def find_cycles(graph: Graph) -> list[list[str]]:
    """One shortest cycle [a, b, …, a] through the first module of each tangle of
    modules that import each other (a strongly connected component)."""
    cycles = []
    for component in _components(graph):
        members = set(component)
        start = component[0]
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if start in graph[node]:
                cycle = [node]
                while cycle[-1] != start:
                    cycle.append(came_from[cycle[-1]])
                cycles.append([*reversed(cycle), start])
                break
            for target in sorted(graph[node]):
                if target in members and target not in came_from and target != start:
                    came_from[target] = node
                    queue.append(target)
    return sorted(cycles)


def describe(cycle: list[str], graph: Graph, root: Path) -> str:
    """`a → b (a.py:3) → a (b.py:7)`: each import of the cycle with its file and line."""
    text = cycle[0]
    for source, target in pairwise(cycle):
        path, line = graph[source][target]
        text += f" → {target} ({path.relative_to(root)}:{line})"
    return text


def contract_layers() -> list[str]:
    """The layers of the `layers` contract in pyproject.toml, top first."""
    contracts = [c for c in IMPORTLINTER["contracts"] if c["type"] == "layers"]
    assert len(contracts) == 1, "pyproject.toml has one `layers` contract"
    layers: list[str] = contracts[0]["layers"]
    return layers


def diagram_layers(markdown: str) -> list[str]:
    """The layers of the diagram under `## Layers`, top first: the first word of each
    line of its first code block that does not start with a blank or an arrow."""
    section = markdown.split("\n## Layers\n", 1)[1]
    block = re.search(r"^```\n(.*?)^```$", section, re.DOTALL | re.MULTILINE)
    assert block is not None, "the Layers section of ARCHITECTURE.md has a diagram"
    return [line.split()[0] for line in block.group(1).splitlines() if re.match(r"\w", line)]


# -- the finder itself -------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_cycle_through_function_level_relative_and_type_only_imports_is_found(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.a import A\n",
            "pkg/a.py": "from pkg import b\nA = 1\n",
            "pkg/b.py": "def f():\n    from . import c\n",
            "pkg/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n",
            "pkg/d.py": "import pkg.a\n",
            "other/__init__.py": "",
            "other/e.py": "from pkg.a import A\n",
        },
    )
    graph = import_graph(tmp_path, ["pkg", "other"])
    cycles = find_cycles(graph)
    assert cycles == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    assert describe(cycles[0], graph, tmp_path) == (
        "pkg.a → pkg.b (pkg/a.py:1) → pkg.c (pkg/b.py:2) → pkg.a (pkg/c.py:3)"
    )


def test_a_package_that_reexports_its_module_and_a_chain_are_no_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "top/__init__.py": "from top.program import main\n",
            "top/program.py": "def main():\n    from top import commands\n",
            "top/commands.py": "from low import base\n",
            "low/__init__.py": "",
            "low/base.py": "import os\n",
        },
    )
    graph = import_graph(tmp_path, ["top", "low"])
    assert graph["top.program"] == {"top.commands": (tmp_path / "top/program.py", 2)}
    assert find_cycles(graph) == []


def test_two_cycles_are_both_named(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "p/__init__.py": "",
            "p/a.py": "import p.b\n",
            "p/b.py": "import p.a\n",
            "p/c.py": "from p.d import x\n",
            "p/d.py": "from p.c import y\nx = 1\n",
        },
    )
    assert find_cycles(import_graph(tmp_path, ["p"])) == [
        ["p.a", "p.b", "p.a"],
        ["p.c", "p.d", "p.c"],
    ]


def test_the_diagram_reader_takes_the_first_word_of_each_layer_line() -> None:
    markdown = "# A\n\n## Layers\n\n```\ntop    words\n  │    more\n  ▼\nbottom   x\n```\n"
    assert diagram_layers(markdown) == ["top", "bottom"]


# -- the project ---------------------------------------------------------------------


def test_the_project_has_no_module_cycles() -> None:
    graph = import_graph(ROOT, IMPORTLINTER["root_packages"])
    assert "wizard.tui.save_flow" in graph["wizard.tui.app"]  # the graph sees the project
    cycles = find_cycles(graph)
    assert not cycles, "modules that import each other:\n" + "\n".join(
        describe(cycle, graph, ROOT) for cycle in cycles
    )


def test_the_diagram_in_architecture_md_is_the_layers_contract() -> None:
    diagram = diagram_layers(ARCHITECTURE.read_text(encoding="utf-8"))
    assert diagram == contract_layers()


def test_every_module_lies_in_a_layer() -> None:
    layers = contract_layers()
    # The package's own docstring and `python -m wizard` (which calls wizard.cli) stand
    # above the layers.
    entry = {"wizard", "wizard.__main__"}
    outside = [
        module
        for module in project_modules(ROOT, IMPORTLINTER["root_packages"])
        if module not in entry
        and not any(module == layer or module.startswith(layer + ".") for layer in layers)
    ]
    assert not outside, f"modules in no layer of pyproject.toml's contract: {outside}"
