"""Issue 14, "public APIs only": the package's code uses no private or protocol-only API of its libraries
that has been replaced by a public one.

The source (claimbench/, extract/, validation/, schemas/) is read token by token, so that comments
and docstrings may name what was replaced; code may not use it again:

- ``._units`` (pint's private ``UnitsContainer`` of a ``Unit``/``Quantity``): ``Quantity.unit_items()``;
- ``__from_arrow__`` (the pandas extension-dtype protocol that pyarrow calls): ``Array.to_pandas(types_mapper=...)``;
- ``object.__new__`` (an instance made without its ``__init__``): the classes' constructors.

great-expectations is checked on the syntax tree (:func:`private_gx_uses`): no import of a GX module or
name whose dotted path has a part starting with ``_``, no ``_name`` read on anything a GX import bound, no
class derived from a GX class defining a ``_method`` (an override of its internals), and none of the GX
internals validation/engine.py used before issue 14 (:data:`GX_REPLACED`): the engine runs
``batch_definition.get_batch(...)`` and ``batch.validate(...)`` instead.

Left for later (not checked here): ``re._parser`` / ``re._constants`` in extract/knowledge.py and
extract/names.py.
"""
from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("claimbench", "extract", "validation", "schemas")
# The files whose private uses were replaced: they must be among those scanned.
REPLACED_IN = ("extract/units.py", "validation/frames.py", "extract/papers.py", "extract/numbers.py", "extract/knowledge.py")


def private_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for each private use in ``source``'s code (not in its comments or docstrings).

    >>> private_uses("x = root._units  # not ._units in a comment\\n")
    [(1, '._units')]
    """
    found = []
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)]
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i else None
        before2 = tokens[i - 2] if i > 1 else None
        dotted = before is not None and before.type == tokenize.OP and before.string == "."
        if tok.type == tokenize.NAME and tok.string == "_units" and dotted:
            found.append((tok.start[0], "._units"))
        elif tok.type == tokenize.NAME and tok.string == "__from_arrow__":
            found.append((tok.start[0], "__from_arrow__"))
        elif tok.type == tokenize.NAME and tok.string == "__new__" and dotted and before2 is not None and before2.string == "object":
            found.append((tok.start[0], "object.__new__"))
        elif tok.type == tokenize.STRING:  # getattr(x, "_units") and the like
            try:
                value = ast.literal_eval(tok.string)
            except (ValueError, SyntaxError):  # f-strings
                continue
            if value in ("_units", "__from_arrow__"):
                found.append((tok.start[0], repr(value)))
    return found


def scanned_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_the_scan_covers_the_source_tree():
    files = scanned_files()
    assert len(files) >= 20, files  # the package has dozens of modules: an empty or partial scan fails here
    names = {p.relative_to(ROOT).as_posix() for p in files}
    assert set(REPLACED_IN) <= names
    assert {folder for folder in FOLDERS if any(n.startswith(folder + "/") for n in names)} == set(FOLDERS)


@pytest.mark.parametrize("snippet, what", [
    ("parts = root._units\n", "._units"),
    ("parts = registry().get_root_units(u)[1]._units.get('bit', 0)\n", "._units"),
    ("col = pd.BooleanDtype().__from_arrow__(values)\n", "__from_arrow__"),
    ("q = object.__new__(Quantity)\n", "object.__new__"),
    ("q = object .__new__ (cls)\n", "object.__new__"),
    ("parts = getattr(root, '_units')\n", "'_units'"),
])
def test_the_scan_finds_each_private_use(snippet, what):
    assert private_uses(snippet) == [(1, what)]


@pytest.mark.parametrize("snippet", [
    "parts = dict(ureg.Quantity(1, root).unit_items())\n",
    "# root._units was private; object.__new__ too\n",
    'def f():\n    """Not ``object.__new__`` nor ``__from_arrow__``."""\n',
    "other_units = {}\nx = self.other_units\n",
])
def test_the_scan_lets_public_code_and_prose_pass(snippet):
    assert private_uses(snippet) == []


def test_no_private_api_in_the_source():
    found = [f"{path.relative_to(ROOT)}:{line}: {what}"
             for path in scanned_files() for line, what in private_uses(path.read_text(encoding="utf-8"))]
    assert not found, "private APIs replaced by public ones are used again:\n" + "\n".join(found)


# GX internals validation/engine.py used before issue 14, undocumented though their names have no underscore.
GX_REPLACED = ("LegacyBatchDefinition", "PandasBatchData", "PandasExecutionEngine", "graph_validate",
               "process_expectations_for_validation", "_generate_metric_dependency_subgraphs_for_each_expectation_configuration")


def _private_name(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _root_name(node: ast.AST) -> str | None:
    """The name an attribute chain ``a.b.c`` starts from, else None."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def private_gx_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for each use of a private or replaced great-expectations API in ``source``'s code.

    >>> private_gx_uses("import great_expectations as gx\\nx = gx._version\\n")
    [(2, 'gx._version')]
    >>> private_gx_uses("from great_expectations.validator.validator import Validator\\n"
    ...                 "class V(Validator):\\n    def _generate(self):\\n        pass\\n")
    [(3, 'V._generate overrides a GX class')]
    """
    tree = ast.parse(source)
    bound: set[str] = set()  # names a great_expectations import binds
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "great_expectations":
                    bound.add(alias.asname or "great_expectations")
                    if any(_private_name(part) for part in alias.name.split(".")):
                        found.append((node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "great_expectations":
            if any(_private_name(part) for part in node.module.split(".")):
                found.append((node.lineno, node.module))
            for alias in node.names:
                bound.add(alias.asname or alias.name)
                if _private_name(alias.name) or alias.name in GX_REPLACED:
                    found.append((node.lineno, f"{node.module}.{alias.name}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _root_name(node) in bound and _private_name(node.attr):
            found.append((node.lineno, f"{_root_name(node)}.{node.attr}"))
        elif isinstance(node, ast.Attribute) and node.attr in GX_REPLACED:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Name) and node.id in GX_REPLACED:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in GX_REPLACED:
            found.append((node.lineno, repr(node.value)))  # getattr(validator, "graph_validate") and the like
        elif isinstance(node, ast.ClassDef) and any(_root_name(base) in bound for base in node.bases):
            found += [(item.lineno, f"{node.name}.{item.name} overrides a GX class") for item in node.body
                      if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and _private_name(item.name)]
    return sorted(set(found))


@pytest.mark.parametrize("snippet, what", [
    ("from great_expectations.core.batch import LegacyBatchDefinition\n", "great_expectations.core.batch.LegacyBatchDefinition"),
    ("from great_expectations.execution_engine._x import y\n", "great_expectations.execution_engine._x"),
    ("import great_expectations._version\n", "great_expectations._version"),
    ("from great_expectations.core import _private\n", "great_expectations.core._private"),
    ("import great_expectations as gx\nv = gx.core._impl\n", "gx._impl"),
    ("results = validator.graph_validate(configurations=c)\n", ".graph_validate"),
    ("f = getattr(validator, 'process_expectations_for_validation')\n", "'process_expectations_for_validation'"),
    ("def run():\n    from great_expectations.validator.validator import Validator\n\n"
     "    class V(Validator):\n        def _generate_metric_dependency_subgraphs_for_each_expectation_configuration(self):\n"
     "            pass\n", "V._generate_metric_dependency_subgraphs_for_each_expectation_configuration overrides a GX class"),
])
def test_the_gx_scan_finds_each_private_use(snippet, what):
    assert [w for _, w in private_gx_uses(snippet)] == [what]


@pytest.mark.parametrize("snippet", [
    "import great_expectations as gx\ncontext = gx.get_context(mode='ephemeral')\n",
    "batch = definition.get_batch(batch_parameters={'dataframe': frame})\nbatch.validate(suite, result_format='COMPLETE')\n",
    "from great_expectations.data_context.types.base import DataContextConfig, ProgressBarsConfig\n",
    '"""Until issue 14 this used ``LegacyBatchDefinition`` and ``graph_validate``."""\n# and a _private override\n',
    "class Runner:\n    def _validator(self):\n        pass\n",
])
def test_the_gx_scan_lets_public_code_and_prose_pass(snippet):
    assert private_gx_uses(snippet) == []


def test_no_private_gx_api_in_the_source():
    assert any("great_expectations" in p.read_text(encoding="utf-8") for p in scanned_files())  # the scan sees GX's users
    found = [f"{path.relative_to(ROOT)}:{line}: {what}"
             for path in scanned_files() for line, what in private_gx_uses(path.read_text(encoding="utf-8"))]
    assert not found, "private or replaced great-expectations APIs are used:\n" + "\n".join(found)
