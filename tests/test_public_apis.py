"""Issue 14, "public APIs only": the package's code uses no private or protocol-only API of its libraries
that has been replaced by a public one.

The source (claimbench/, extract/, validation/, schemas/) is read token by token, so that comments
and docstrings may name what was replaced; code may not use it again:

- ``._units`` (pint's private ``UnitsContainer`` of a ``Unit``/``Quantity``): ``Quantity.unit_items()``;
- ``__from_arrow__`` (the pandas extension-dtype protocol that pyarrow calls): ``Array.to_pandas(types_mapper=...)``;
- ``object.__new__`` (an instance made without its ``__init__``): the classes' constructors.

Left for later (not checked here): ``re._parser`` / ``re._constants`` in extract/knowledge.py and
extract/names.py, great-expectations' Validator in validation/engine.py.
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
