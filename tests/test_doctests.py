"""Every module's docstring examples run and hold: they show an input and its output, so they must be true.

(The package maps extract/, schemas/ and validation/ under ``claimbench``; pytest's
``--doctest-modules`` would collect those folders under other names, so the examples
are run here with :mod:`doctest`, module by module.)
"""
import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("claimbench", "claimbench.extract", "claimbench.schemas", "claimbench.validation", "claimbench.corpus")
MODULES = sorted(
    {name for package in PACKAGES for _, name, _ in pkgutil.walk_packages(importlib.import_module(package).__path__, package + ".")
     if not name.endswith(".__main__")}  # running it would run the command line
    | set(PACKAGES)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} fail (python -m doctest -v)"


def test_the_extractor_modules_are_covered():
    assert {"claimbench.extract.claims", "claimbench.extract.metric", "claimbench.extract.clauses",
            "claimbench.run.pipeline", "claimbench.release.writer", "claimbench.analysis.report", "claimbench.cli"} <= set(MODULES)
