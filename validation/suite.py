"""The committed expectation suite, validation/suite.json, as GX reads it at run time.

Each expectation's ``meta`` names it and says which table it checks and at what level:

- ``"level": "row"`` -- a failing claims row is quarantined with the expectation's name as reason;
- ``"level": "table"`` -- a failure fails the build.

>>> [e["meta"] for e in load_suite()["expectations"] if e["kwargs"].get("column") == "metric"][-1]
{'name': 'expect_column_values_to_be_in_set(metric)', 'table': 'claims', 'level': 'row'}

The file is generated from schemas/ by :mod:`claimbench.validation.generate_suite`.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def suite_path() -> Path:
    """Where the committed suite lives (validation/suite.json)."""
    return Path(str(resources.files(__package__) / "suite.json"))


def load_suite() -> dict:
    """The committed suite, as the JSON dict GX reads."""
    return json.loads(suite_path().read_text(encoding="utf-8"))


def expectation_columns(kwargs: dict) -> list[str]:
    """The column(s) an expectation's kwargs name, in order.

    >>> expectation_columns({"column_A": "value", "column_B": "value_low", "or_equal": True})
    ['value', 'value_low']
    """
    return [kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs]
