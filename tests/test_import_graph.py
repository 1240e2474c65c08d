"""The project's modules import one another without a cycle, and each layer imports only the layers below it.

The graph is read from the source with :mod:`ast`: every ``import x`` and ``from x import y``
of a module counts, wherever it stands, at the top or inside a function (an import deferred
into a function hides a cycle, it does not remove it) or under ``if TYPE_CHECKING``; relative
imports are resolved. ``from package import name`` is an edge to the submodule when ``name``
is one, else to the package. A module that imports by name (``importlib.import_module``) gets
an edge to every project module named by a string literal in it (the CLI's command modules,
``claimbench.__getattr__``'s lazy names). ``import claimbench.x`` is an edge to
``claimbench.x`` only, not to the packages above it (Python runs those first, whoever imports).
The packages and their folders are pyproject.toml's ``package-dir``.

Layers, bottom to top (a module may import modules of its own layer and of the layers it lists)::

    layer       modules                                     may import
    ----------  ------------------------------------------  ------------------------------------
    data        claimbench.schemas, claimbench.corpus,      nothing of the project
                claimbench.errors
    extract     claimbench.extract.* (the extractor)        data
    validation  claimbench.validation.*                     data
    release     claimbench.release.* (tables, layout,       data, extract, validation
                versions, card, writer, verify, publish)
    cache       claimbench.cache.*                          data, extract, validation, release
    analysis    claimbench.analysis.* (diff, changelog,     data, extract, validation, release
                leaderboard, report, scores, explain)
    run         claimbench.run.* (plan, engines,            every layer above
                pipeline, build)
    interface   claimbench, claimbench.api, claimbench.cli  every layer
Within a layer only the absence of cycles is checked. Any module may import the root package
``claimbench`` itself (its ``__version__``).
"""
from __future__ import annotations

import ast
import tomllib
from collections import deque
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LAYERS = {  # layer -> (module prefixes, layers it may import)
    "data": (("claimbench.schemas", "claimbench.corpus", "claimbench.errors"), ()),
    "extract": (("claimbench.extract",), ("data",)),
    "validation": (("claimbench.validation",), ("data",)),
    "release": (("claimbench.release",), ("data", "extract", "validation")),
    "cache": (("claimbench.cache",), ("data", "extract", "validation", "release")),
    "analysis": (("claimbench.analysis",), ("data", "extract", "validation", "release")),
    "run": (("claimbench.run",), ("data", "extract", "validation", "release", "cache", "analysis")),
    "interface": (("claimbench",), ("data", "extract", "validation", "release", "cache", "analysis", "run")),
}

ROOT_PACKAGE = "claimbench"  # any layer may import it (for __version__); it imports only claimbench.api, lazily

Graph = dict[str, dict[str, str]]  # module -> {imported module: "file:line" of the first such import}


def project_packages(root: Path = ROOT) -> dict[str, Path]:
    """{importable package: its folder}, from pyproject.toml's ``[tool.setuptools] package-dir``."""
    setuptools = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    return {package: root / folder for package, folder in setuptools["package-dir"].items()}


def module_files(packages: dict[str, Path]) -> dict[str, Path]:
    """{module name: source file} of every .py file under the packages' folders (``__init__.py`` is the package)."""
    found = {}
    for package, folder in packages.items():
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


def _is_dynamic_import(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in ("import_module", "__import__")


def import_graph(packages: dict[str, Path], root: Path = ROOT) -> Graph:
    """The project's import graph: every module's imports of project modules (itself left out)."""
    files = module_files(packages)

    def resolve(name: str) -> str | None:
        """The project module ``name`` is, or is inside of (``a.b.c`` when ``a.b`` is a module and ``c`` a name in it)."""
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: Graph = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        edges: dict[str, str] = {}

        def add(target: str | None, node: ast.AST) -> None:
            if target is not None and target != module:  # noqa: B023 (called within this iteration only)
                edges.setdefault(target, f"{path.relative_to(root).as_posix()}:{node.lineno}")  # noqa: B023

        dynamic = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(resolve(alias.name), node)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package
                    for _ in range(node.level - 1):
                        base = base.rpartition(".")[0]
                    source = f"{base}.{node.module}" if node.module else base
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    add(submodule if submodule in files else resolve(source), node)
            elif _is_dynamic_import(node):
                dynamic = True
        if dynamic:
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in files:
                    add(node.value, node)
        graph[module] = edges
    return graph


def find_cycles(graph: dict[str, dict[str, str] | set[str]]) -> list[list[str]]:
    """One shortest cycle through the first module (by name) of each strongly connected component
    of more than one module, as [m0, m1, ..., mk] where mk imports m0; none: []."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm (a few hundred modules at most: recursion is fine)
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)

    cycles = []
    for component in components:
        start = min(component)
        came_from = {start: None}
        queue = deque([start])
        while queue:  # breadth first, inside the component, back to start
            v = queue.popleft()
            for w in sorted(graph.get(v, ())):
                if w == start:
                    cycle = [v]
                    while came_from[cycle[-1]] is not None:
                        cycle.append(came_from[cycle[-1]])
                    cycles.append(cycle[::-1])
                    queue.clear()
                    break
                if w in component and w not in came_from:
                    came_from[w] = v
                    queue.append(w)
    return sorted(cycles)


def describe_cycle(graph: Graph, cycle: list[str]) -> str:
    """The cycle, one import a line: who imports whom, and where."""
    width = max(map(len, cycle))
    lines = [f"import cycle of {len(cycle)} modules:"]
    for a, b in zip(cycle, cycle[1:] + cycle[:1]):
        lines.append(f"  {a:<{width}} imports {b:<{width}}  at {graph[a][b]}")
    return "\n".join(lines)


def layer_of(module: str) -> str | None:
    """The layer of a module: that of the longest prefix it matches."""
    best, length = None, -1
    for layer, (prefixes, _) in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = layer, len(prefix)
    return best


def layer_violations(graph: Graph) -> list[str]:
    """Every import of a layer that layer may not import, as a line naming both modules, layers and the place."""
    found = []
    for module, edges in sorted(graph.items()):
        layer = layer_of(module)
        allowed = {layer, *LAYERS[layer][1]}
        for target, where in sorted(edges.items()):
            if target == ROOT_PACKAGE:
                continue  # its __version__: Python runs the root package first, whoever imports
            if layer_of(target) not in allowed:
                found.append(f"  {module} ({layer}) imports {target} ({layer_of(target)})  at {where}; "
                             f"{layer} may import only: {', '.join(LAYERS[layer][1]) or 'nothing of the project'}")
    return found


@pytest.fixture(scope="module")
def graph() -> Graph:
    return import_graph(project_packages())


# ---------------------------------------------------------------- the project


def test_the_graph_covers_every_package(graph):
    packages = project_packages()
    assert {"claimbench", "claimbench.extract", "claimbench.validation", "claimbench.schemas", "claimbench.corpus"} <= set(packages)
    assert set(packages) <= set(graph)
    assert "claimbench.extract.claims" in graph and "claimbench.validation.stream" in graph


def test_no_import_cycle(graph):
    cycles = find_cycles(graph)
    assert not cycles, "\n".join(describe_cycle(graph, c) for c in cycles)


def test_every_module_is_in_a_layer(graph):
    assert [m for m in graph if layer_of(m) is None] == []


def test_layers_import_only_downwards(graph):
    violations = layer_violations(graph)
    assert not violations, "imports against the layers (tests/test_import_graph.py's docstring):\n" + "\n".join(violations)


# ---------------------------------------------------------------- the checks can fail


def test_find_cycles_on_a_small_graph():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []
    assert find_cycles({"a": {"b"}, "b": {"a"}, "x": {"y"}, "y": {"z"}, "z": {"x", "y"}}) == [["a", "b"], ["x", "y", "z"]]


def test_a_cycle_hidden_in_functions_is_found(tmp_path):
    toy = tmp_path / "toy"
    (toy / "sub").mkdir(parents=True)
    (toy / "__init__.py").write_text("")
    (toy / "a.py").write_text("import json\n\ndef f():\n    from toy import b\n    return b\n")
    (toy / "b.py").write_text("from .sub import c  # relative\n")
    (toy / "sub" / "__init__.py").write_text("")
    (toy / "sub" / "c.py").write_text("def g():\n    import toy.a\n")
    (toy / "d.py").write_text("import importlib\nNAMES = ('toy.a', 'toy.nothing')\n"
                              "def h(n):\n    return importlib.import_module(n)\n")
    (toy / "e.py").write_text("from toy.sub.c import g\nfrom toy import __doc__\nfrom . import d\n")
    graph = import_graph({"toy": toy}, root=tmp_path)
    assert {m: set(e) for m, e in graph.items()} == {
        "toy": set(), "toy.sub": set(),
        "toy.a": {"toy.b"}, "toy.b": {"toy.sub.c"}, "toy.sub.c": {"toy.a"},
        "toy.d": {"toy.a"}, "toy.e": {"toy.sub.c", "toy", "toy.d"},
    }
    assert graph["toy.a"]["toy.b"] == "toy/a.py:4"
    cycles = find_cycles(graph)
    assert cycles == [["toy.a", "toy.b", "toy.sub.c"]]
    text = describe_cycle(graph, cycles[0])
    assert "toy.sub.c imports toy.a" in text and "toy/sub/c.py:2" in text


def test_a_layer_violation_is_found():
    graph = {
        "claimbench.extract.claims": {"claimbench.release.writer": "extract/claims.py:1", "claimbench.schemas": "extract/claims.py:2"},
        "claimbench.validation.stream": {"claimbench.release.table": "validation/stream.py:3"},
        "claimbench.release.table": {"claimbench.extract.model": "claimbench/release/table.py:4"},
        "claimbench.release.writer": {"claimbench.release.table": "claimbench/release/writer.py:5"},
    }
    violations = layer_violations(graph)
    assert len(violations) == 2
    assert "claimbench.extract.claims (extract) imports claimbench.release.writer (release)" in violations[0]
    assert "claimbench.validation.stream (validation) imports claimbench.release.table (release)" in violations[1]
    assert layer_of("claimbench") == layer_of("claimbench.cli") == layer_of("claimbench.api") == "interface"
    assert layer_of("claimbench.extract") == "extract" and layer_of("claimbench.releases") == "interface"
