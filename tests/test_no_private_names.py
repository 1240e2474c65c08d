"""Issue 14, "no test imports a private name": the tests and the benchmarks use claimbench's public names only.

Every ``tests/**/*.py`` and ``bench/*.py`` is parsed (:mod:`ast`, so comments and docstrings may name
anything) and these are offences, listed as ``file:line``:

- ``from claimbench... import _x`` (and ``import claimbench._x``);
- an attribute ``_x`` read on a name bound by an import from claimbench, or on a chain of
  attributes starting there: ``numbers._word_pattern``, ``claimbench.cache.shards._entry_digest``,
  ``Paper._made``;
- ``setattr``/``getattr``/``hasattr``/``delattr`` (``monkeypatch.setattr`` too) with such a name and
  the string ``"_x"``, or with a dotted string ``"claimbench....._x"``.

Dunder names (``__version__``, ``__file__``) are public. A speed shortcut is proved through the
public interface or through a documented public hook of its module (``numbers.fast_path_blockers``,
``readers.fast_fold``), not by calling the private helper. A private use that must stay for now is
listed in :data:`ALLOWED` with its reason; any other fails the test.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "claimbench"

# (file, private name as reached from the import) -> why it stays. Keep it short: each entry is a debt, and
# test_every_allowed_use_is_still_there asks for an entry to be dropped once its use is gone.
ALLOWED: dict[tuple[str, str], str] = {}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__")) and name != "_"


def _from_package(module: str | None) -> bool:
    return module is not None and (module == PACKAGE or module.startswith(PACKAGE + "."))


def _dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None when the chain does not start with a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def private_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for each use of a private claimbench name in ``source``, ``what`` spelled from the package.

    >>> private_uses("from claimbench.extract import numbers\\nx = numbers._unit_entries()\\ny = numbers.__file__\\n")
    [(2, 'claimbench.extract.numbers._unit_entries')]
    """
    tree = ast.parse(source)
    bound: dict[str, str] = {}  # local name -> what it is in the package ("claimbench.extract.numbers")
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _from_package(alias.name):
                    found += [(node.lineno, alias.name) for part in alias.name.split(".") if _private(part)][:1]
                    if alias.asname:
                        bound[alias.asname] = alias.name
                    else:
                        bound[alias.name.split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and _from_package(node.module):
            if any(_private(part) for part in node.module.split(".")):
                found.append((node.lineno, node.module))
            for alias in node.names:
                if _private(alias.name):
                    found.append((node.lineno, f"{node.module}.{alias.name}"))
                elif alias.name != "*":
                    bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            parts = _dotted(node)
            if parts and parts[0] in bound and not any(_private(p) for p in parts[1:-1]):  # the first private link only
                found.append((node.lineno, ".".join([bound[parts[0]], *parts[1:]])))
        elif isinstance(node, ast.Call) and len(node.args) >= 2 and (_dotted(node.func) or [""])[-1] in (
                "setattr", "getattr", "hasattr", "delattr"):
            target, name = node.args[0], node.args[1]
            parts = _dotted(target)
            if parts and parts[0] in bound and isinstance(name, ast.Constant) and isinstance(name.value, str) and _private(name.value):
                found.append((node.lineno, ".".join([bound[parts[0]], *parts[1:], name.value])))
        if isinstance(node, ast.Call) and (_dotted(node.func) or [""])[-1] in ("setattr", "getattr", "hasattr", "delattr") \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            path = node.args[0].value
            if _from_package(path) and any(_private(part) for part in path.split(".")):
                found.append((node.lineno, path))  # monkeypatch.setattr("claimbench.x._y", ...)
    return sorted(set(found))


def scanned_files() -> list[Path]:
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").glob("*.py")]
    return sorted(p for p in files if "__pycache__" not in p.parts)


def all_private_uses() -> list[tuple[str, int, str]]:
    """(file, line, what) over every scanned file, the file relative to the repository."""
    return [(path.relative_to(ROOT).as_posix(), line, what)
            for path in scanned_files() for line, what in private_uses(path.read_text(encoding="utf-8"))]


def test_no_test_or_benchmark_uses_a_private_name():
    offences = [f"{file}:{line}: {what}" for file, line, what in all_private_uses() if (file, what) not in ALLOWED]
    assert offences == [], "private claimbench names (use a public one, or give the module a documented public hook):\n" + \
        "\n".join(offences)


def test_every_allowed_use_is_still_there():
    """An allowance whose use is gone is dropped from ALLOWED, so that the use cannot come back unnoticed."""
    used = {(file, what) for file, _, what in all_private_uses()}
    stale = [f"{file}: {what}" for file, what in ALLOWED if (file, what) not in used]
    assert stale == [], "no longer used: drop these entries from ALLOWED in tests/test_no_private_names.py"


def test_the_scan_covers_the_tests_and_benchmarks():
    names = {p.relative_to(ROOT).as_posix() for p in scanned_files()}
    assert len(names) >= 40, names  # dozens of test modules: an empty or partial scan fails here
    assert {"tests/conftest.py", "tests/behavioral/runner.py", "bench/same_output.py", "tests/test_no_private_names.py"} <= names


@pytest.mark.parametrize("snippet, expected", [
    ("from claimbench.cache.shards import _entry_digest\n", [(1, "claimbench.cache.shards._entry_digest")]),
    ("from claimbench.extract.readers import Reject, _json_object as fast\n", [(1, "claimbench.extract.readers._json_object")]),
    ("from claimbench.extract import numbers\nnumbers._WORD_STEMS\n", [(2, "claimbench.extract.numbers._WORD_STEMS")]),
    ("from claimbench.extract import readers as r\nr._created_date('x')\n", [(2, "claimbench.extract.readers._created_date")]),
    ("import claimbench.cache.inputs\nclaimbench.cache.inputs._utf8_record_digest(p, b'')\n",
     [(2, "claimbench.cache.inputs._utf8_record_digest")]),
    ("import claimbench.cache.inputs as inputindex\ninputindex._code_key(m)\n", [(2, "claimbench.cache.inputs._code_key")]),
    ("from claimbench.extract.papers import Paper\nPaper._made('T')\n", [(2, "claimbench.extract.papers.Paper._made")]),
    ("from claimbench.extract import numbers\nnumbers._word_pattern().scan_lowered._x\n",
     [(2, "claimbench.extract.numbers._word_pattern")]),
    ("from claimbench.extract import readers\nmonkeypatch.setattr(readers, '_plain_fold', f)\n",
     [(2, "claimbench.extract.readers._plain_fold")]),
    ("monkeypatch.setattr('claimbench.extract.readers._json_object', f)\n", [(1, "claimbench.extract.readers._json_object")]),
    ("import claimbench._private\n", [(1, "claimbench._private")]),
    ("def f():\n    from claimbench.validation.frames import _mention_matches\n",
     [(2, "claimbench.validation.frames._mention_matches")]),
])
def test_the_scan_finds_each_private_use(snippet, expected):
    assert private_uses(snippet) == expected


@pytest.mark.parametrize("snippet", [
    "import claimbench\nclaimbench.__version__\n",
    "from claimbench.extract import numbers\nnumbers.find_quantities('2x')\nnumbers.__file__\n",
    "import test_bad_input as bad\nbad._write_case(folder, case)\n",  # a test helper module, not claimbench
    "import re\nre._parser\n",  # another library's: tests/test_knowledge.py and test_public_apis.py keep those out of the code
    "from claimbench.extract import readers\n# readers._plain_fold in a comment\nx = 'readers._json_object in a string'\n",
    "from claimbench.extract import readers\nmonkeypatch.setattr(readers, 'fast_fold', f)\n",
    "from claimbench.extract import readers\nx = readers.read_records(p)._private\n",  # an attribute of a value, not of the module
])
def test_public_uses_are_not_offences(snippet):
    assert private_uses(snippet) == []
