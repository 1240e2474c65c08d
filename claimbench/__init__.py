"""claimbench: quantitative claims from research abstracts, as a versioned dataset.

The package maps the repository's top-level folders under one name:
``claimbench.extract`` (extract/), ``claimbench.schemas`` (schemas/),
``claimbench.validation`` (validation/) and ``claimbench.corpus`` (corpus/).
"""
__version__ = "0.1.0"
