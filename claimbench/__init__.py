"""claimbench: quantitative claims from research abstracts, as a versioned dataset.

The package maps the repository's top-level folders under one name:
``claimbench.extract`` (extract/), ``claimbench.schemas`` (schemas/),
``claimbench.validation`` (validation/) and ``claimbench.corpus`` (corpus/).

For users of the dataset (imported on first use, so ``import claimbench`` stays light):

- ``claimbench.load(source, version=None, config="claims")`` -> pandas.DataFrame
- ``claimbench.load_dataset(source, version=None, config="claims")`` -> datasets.Dataset

``source`` is a release folder, a folder of releases (``version`` picks one,
default the newest) or a Hugging Face Hub repository id. Rankings:
``from claimbench.analysis.leaderboard import leaderboard`` (a function of a claims DataFrame).
"""
__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {"load": "claimbench.api", "load_dataset": "claimbench.api"}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    """Import ``load`` and ``load_dataset`` on first access."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimbench' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
