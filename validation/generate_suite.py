"""Generate the expectation suite (validation/suite.json) from schemas/, so the two never drift.

Run after changing a schema or a vocabulary, and commit the result::

    python -m claimbench.validation.generate_suite --write

Columns, types and nullability come from CLAIMS_FIELDS / PAPERS_FIELDS; the
allowed metric, qualifier and change values from schemas/vocabularies.json.
"""
from __future__ import annotations

import argparse
import json
import sys

import pyarrow as pa

from claimbench.schemas import CLAIMS_FIELDS, PAPERS_FIELDS, vocabularies
from claimbench.validation.frames import DERIVED_CLAIMS_COLUMNS
from claimbench.validation.suite import expectation_columns, suite_path

SUITE_NAME = "claimbench"
REGENERATE = "python -m claimbench.validation.generate_suite --write"
LARGEST_FLOAT = sys.float_info.max  # "between -max and +max" is how GX says "finite"
from claimbench.schemas import LARGEST_PERCENT  # noqa: E402  (the extractor refuses values outside it too)

_PANDAS_DTYPES = {pa.string(): "str", pa.int32(): "Int32", pa.float64(): "float64"}


def pandas_dtype(arrow_type: pa.DataType) -> str:
    """The dtype name a column of this Arrow type has in the frame GX validates (see frames.table_frame).

    >>> pandas_dtype(pa.int32()), pandas_dtype(pa.list_(pa.string()))
    ('Int32', 'object')
    """
    return _PANDAS_DTYPES.get(arrow_type, "object")


def expectation_name(config: dict) -> str:
    """A readable, unique name for an expectation: its type, its columns and its row condition.

    >>> expectation_name({"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "metric"}})
    'expect_column_values_to_be_in_set(metric)'
    >>> expectation_name({"type": "expect_column_values_to_be_between",
    ...                   "kwargs": {"column": "value", "row_condition": {"column": {"name": "unit"},
    ...                              "operator": "==", "parameter": "x", "type": "comparison"}}})
    "expect_column_values_to_be_between(value where unit == 'x')"
    """
    kwargs = config["kwargs"]
    columns = ", ".join(expectation_columns(kwargs))
    condition = kwargs.get("row_condition")
    if condition:
        columns += f" where {condition['column']['name']} {condition['operator']} {condition['parameter']!r}"
    return f"{config['type']}({columns})"


def suite_text(suite: dict) -> str:
    """The suite as the text of suite.json: indented, key order kept, newline at the end."""
    return json.dumps(suite, indent=2, ensure_ascii=False) + "\n"


def build_suite() -> dict:
    """The suite generated from schemas/, as a JSON dict without ids; each expectation's meta names it."""
    import great_expectations as gx

    expectations = _claims_expectations() + _papers_expectations()
    suite = gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations, meta={"generated_by": REGENERATE})
    data = suite.to_json_dict()
    data.pop("id")  # null here: GX gives a suite and its expectations random ids only when added to a context
    data["meta"].pop("great_expectations_version")  # so a GX upgrade alone does not change the file
    for config in data["expectations"]:
        config["meta"] = {"name": expectation_name(config), **config["meta"]}
    return data


def _tagged(table: str, level: str, expectations: list) -> list:
    """The expectations, with meta saying which table they check and at what level."""
    for expectation in expectations:
        expectation.meta = {"table": table, "level": level}
    return expectations


def _claims_expectations() -> list:
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    vocab = vocabularies()
    columns = [name for name, _, _, _ in CLAIMS_FIELDS]
    table_level = [
        gxe.ExpectTableColumnsToMatchOrderedList(column_list=columns + list(DERIVED_CLAIMS_COLUMNS)),
        *(gxe.ExpectColumnTypeToBe(column=name, type_=pandas_dtype(dtype)) for name, dtype, _, _ in CLAIMS_FIELDS),
        gxe.ExpectColumnValuesToBeUnique(column="claim_id"),
    ]
    row_level = [
        *(gxe.ExpectColumnValuesToNotBeNull(column=name) for name, _, nullable, _ in CLAIMS_FIELDS if not nullable),
        *(gxe.ExpectColumnValuesToBeInSet(column=name, value_set=vocab[name]) for name in ("metric", "qualifier", "change")),
        *(
            gxe.ExpectColumnValuesToBeBetween(column=name, min_value=-LARGEST_FLOAT, max_value=LARGEST_FLOAT)
            for name in ("value", "value_low", "value_canonical", "value_low_canonical")
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value", column_B="value_low", or_equal=True, ignore_row_if="either_value_is_missing"
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_canonical", column_B="value_low_canonical", or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value", min_value=0, max_value=LARGEST_PERCENT, row_condition=Column("unit") == "%"
        ),
        gxe.ExpectColumnValuesToBeBetween(column="value", min_value=0, strict_min=True, row_condition=Column("unit") == "x"),
        gxe.ExpectColumnValuesToBeBetween(column="mention_start", min_value=0),
        # metric_phrase is null exactly when metric is `other`: a metric is read from words of the abstract.
        gxe.ExpectColumnValuesToBeNull(column="metric_phrase", row_condition=Column("metric") == "other"),
        gxe.ExpectColumnValuesToNotBeNull(column="metric_phrase", row_condition=Column("metric") != "other"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="mention_end", column_B="mention_start", ignore_row_if="either_value_is_missing"
        ),
        *(gxe.ExpectColumnValuesToBeInSet(column=name, value_set=[True]) for name in DERIVED_CLAIMS_COLUMNS),
    ]
    return _tagged("claims", "table", table_level) + _tagged("claims", "row", row_level)


def _papers_expectations() -> list:
    import great_expectations.expectations as gxe

    columns = [name for name, _, _, _ in PAPERS_FIELDS]
    return _tagged("papers", "table", [
        gxe.ExpectTableColumnsToMatchOrderedList(column_list=columns),
        *(gxe.ExpectColumnTypeToBe(column=name, type_=pandas_dtype(dtype)) for name, dtype, _, _ in PAPERS_FIELDS),
        *(gxe.ExpectColumnValuesToNotBeNull(column=name) for name, _, nullable, _ in PAPERS_FIELDS if not nullable),
        gxe.ExpectColumnValuesToBeUnique(column="paper_id"),
        gxe.ExpectColumnValuesToBeBetween(column="n_claims", min_value=0),
        # The claims table's row count is known at run time only: a suite parameter.
        gxe.ExpectColumnSumToBeBetween(
            column="n_claims", min_value={"$PARAMETER": "claims_of_known_papers"}, max_value={"$PARAMETER": "claims_of_known_papers"}
        ),
    ])


def main(argv: list[str] | None = None) -> int:
    """``--write`` regenerates suite.json; ``--check`` exits 1 when it differs from the generated suite."""
    parser = argparse.ArgumentParser(prog="python -m claimbench.validation.generate_suite", description=main.__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="regenerate validation/suite.json")
    action.add_argument("--check", action="store_true", help="fail if validation/suite.json is stale")
    args = parser.parse_args(argv)
    text = suite_text(build_suite())
    if args.write:
        suite_path().write_text(text, encoding="utf-8")
        print(f"wrote {suite_path()}")
        return 0
    stale = suite_path().read_text(encoding="utf-8") != text
    print(f"{suite_path()} is {'stale: run ' + REGENERATE if stale else 'up to date'}")
    return int(stale)


if __name__ == "__main__":
    raise SystemExit(main())
