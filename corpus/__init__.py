"""The built-in corpus: daily research-paper listings shipped with claimbench.

>>> from claimbench.corpus import seed_files
>>> [p.name for p in seed_files()][:1]
['000_1ab15dee3ca9e80c.txt']
"""
from importlib import resources
from pathlib import Path

from claimbench.errors import UsageError


def seed_dir() -> Path:
    """The folder holding the built-in seed dumps."""
    return Path(str(resources.files(__name__) / "seeds"))


def seed_files() -> list[Path]:
    """The seed dumps, sorted by name (the order of the build)."""
    return sorted(seed_dir().glob("*.txt"))


# The gold sets shipped in gold/ (gold/README.md: sources, licences, use), in the order they are reported.
# dev.jsonl and dev_external.jsonl were developed against; test.jsonl is for reporting only.
GOLD_SETS = ("dev.jsonl", "dev_external.jsonl", "test.jsonl")
DEVELOPMENT_SETS = ("dev.jsonl", "dev_external.jsonl")
REPORT_ONLY_SETS = ("test.jsonl",)


def gold_dir() -> Path:
    """The folder holding the gold sets."""
    return Path(str(resources.files(__name__) / "gold"))


def gold_file(name: str) -> Path:
    """The path of a shipped gold set, by file name (one of :data:`GOLD_SETS`).

    >>> gold_file("test.jsonl").name
    'test.jsonl'
    >>> gold_file("nope.jsonl")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: no gold set 'nope.jsonl': the shipped ones are dev.jsonl, dev_external.jsonl, test.jsonl
    """
    if name not in GOLD_SETS:
        raise UsageError(f"no gold set {name!r}: the shipped ones are {', '.join(GOLD_SETS)}")
    return gold_dir() / name


def gold_files() -> list[Path]:
    """The paths of every shipped gold set, in the order of :data:`GOLD_SETS`."""
    return [gold_file(name) for name in GOLD_SETS]


def dev_gold() -> Path:
    """The development gold set (hand-annotated claims for 144 seed papers)."""
    return gold_file("dev.jsonl")
