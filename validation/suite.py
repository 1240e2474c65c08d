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


def suite_for_schema(suite: dict, version: int | None) -> dict:
    """The suite as it applies to a claims table of schema ``version``: the expectations about columns
    added after it left out, and those columns left out of the expected column list.

    A release of an older schema (schemas.ADDED_IN) is checked as it was written; None or the
    current version gives the suite unchanged.

    >>> old = suite_for_schema(load_suite(), 1)
    >>> [e for e in old["expectations"] if "metric_phrase" in json.dumps(e["kwargs"])]
    []
    >>> len(load_suite()["expectations"]) - len(old["expectations"])
    3
    """
    from claimbench.schemas import ADDED_IN, SCHEMA_VERSION

    if version is None or version >= SCHEMA_VERSION:
        return suite
    later = {name for name, added in ADDED_IN.items() if added > version}
    expectations = []
    for config in suite["expectations"]:
        kwargs = config["kwargs"]
        if config["meta"].get("table") == "claims" and later & set(expectation_columns(kwargs)):
            continue
        if config["meta"].get("table") == "claims" and "column_list" in kwargs:
            config = {**config, "kwargs": {**kwargs, "column_list": [c for c in kwargs["column_list"] if c not in later]}}
        expectations.append(config)
    return {**suite, "expectations": expectations}


def expectation_columns(kwargs: dict) -> list[str]:
    """The column(s) an expectation's kwargs name, in order.

    >>> expectation_columns({"column_A": "value", "column_B": "value_low", "or_equal": True})
    ['value', 'value_low']
    """
    return [kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs]
