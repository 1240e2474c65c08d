"""The built-in corpus: daily research-paper listings shipped with claimbench.

>>> from claimbench.corpus import seed_files
>>> [p.name for p in seed_files()][:1]
['000_1ab15dee3ca9e80c.txt']
"""
from importlib import resources
from pathlib import Path


def seed_dir() -> Path:
    """The folder holding the built-in seed dumps."""
    return Path(str(resources.files(__name__) / "seeds"))


def seed_files() -> list[Path]:
    """The seed dumps, sorted by name (the order of the build)."""
    return sorted(seed_dir().glob("*.txt"))


def dev_gold() -> Path:
    """The development gold set (hand-annotated claims for 144 seed papers)."""
    return Path(str(resources.files(__name__) / "gold" / "dev.jsonl"))
