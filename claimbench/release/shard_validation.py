"""The validation report of a sharded build, from the report of each shard.

Each shard is validated on its own, chunk by chunk
(:class:`~claimbench.validation.stream.ChunkedValidation`); its report is kept as JSON
(:func:`shard_validation`), so that a shard reused by a later build brings its outcomes
with it. The report of the build merges them, expectation by expectation, with the same
rules as the chunks of one shard (:func:`~claimbench.validation.stream.merge_outcomes`:
counts add up, the first examples and the first failing observation are kept). The one
check no shard settles alone is uniqueness: the id columns of every shard are read
again from the Parquet files and their distinct values counted (pyarrow); when some value
is repeated, they are tallied as the chunks of a shard are
(:class:`~claimbench.validation.stream.IdTally`), and a value in two shards fails the
expectation. A fresh build and a build that reuses shards merge the same JSON, so their
reports are the same bytes.

>>> from claimbench.validation.report import Outcome, ChunkedReport
>>> ok = Outcome("n", "claims", "row", "t", ("metric",), True, 0)
>>> one = shard_validation(ChunkedReport((ok,), 0, 2))
>>> merged = merge_shard_validations([one, one], lambda table, column: [])
>>> merged.valid_rows, merged.success
(4, True)
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from claimbench.validation.report import ChunkedReport, Outcome

UNIQUE = "expect_column_values_to_be_unique"


def shard_validation(report) -> dict:
    """A shard's report as plain JSON data: its outcomes (``Outcome.to_dict``) and row counts."""
    data = {
        "quarantined_rows": report.quarantined_rows,
        "valid_rows": report.valid_rows,
        "max_quarantine_fraction": report.max_quarantine_fraction,
        "outcomes": [o.to_dict() for o in report.outcomes],
    }
    return json.loads(json.dumps(data, sort_keys=True))  # exactly what a reused shard reads back


def outcome_from_dict(data: dict) -> Outcome:
    """The Outcome ``Outcome.to_dict`` described (row positions are not kept)."""
    return Outcome(
        name=data["name"], table=data["table"], level=data["level"], type=data["type"], columns=tuple(data["columns"]),
        success=data["success"], unexpected_count=data["unexpected_count"],
        unexpected_examples=tuple(data["unexpected_examples"]), observed_value=data["observed_value"],
        details=data["details"], error=data["error"],
    )


def merge_shard_validations(shards: Sequence[dict], id_values: Callable[[str, str], Iterable[list]]) -> ChunkedReport:
    """The report of the whole build from its shards' (in shard order).

    ``id_values(table, column)`` yields the values of that column, shard after shard (pyarrow
    arrays), for the uniqueness checks across shards; it is called only when there are several shards.
    """
    from claimbench.validation.stream import IdTally, merge_outcomes

    per_expectation: dict[tuple[str, str], list[Outcome]] = {}
    for shard in shards:
        for data in shard["outcomes"]:
            outcome = outcome_from_dict(data)
            per_expectation.setdefault((outcome.table, outcome.name), []).append(outcome)
    merged = []
    for outcomes in per_expectation.values():
        outcome = merge_outcomes(outcomes)
        if outcome.type == UNIQUE and len(shards) > 1 and not outcome.error:
            count, examples = _duplicates(list(id_values(outcome.table, outcome.columns[0])), IdTally)
            if count != (outcome.unexpected_count or 0):
                outcome = replace(outcome, success=False, unexpected_count=count, unexpected_examples=examples)
        merged.append(outcome)
    fraction = shards[0]["max_quarantine_fraction"] if shards else 0.01
    return ChunkedReport(tuple(merged), sum(s["quarantined_rows"] for s in shards), sum(s["valid_rows"] for s in shards), fraction)


def _duplicates(arrays: list, tally_class) -> tuple[int, tuple]:
    """(rows whose value occurs more than once, examples) over ``arrays``, nulls left out: pyarrow counts the
    distinct values (the usual case, no repeat, at C speed); only when some value repeats are they tallied.

    >>> import pyarrow as pa
    >>> from claimbench.validation.stream import IdTally
    >>> _duplicates([pa.array(["a1", None]), pa.array(["b2"])], IdTally), _duplicates([pa.array(["a1"]), pa.array(["a1"])], IdTally)
    ((0, ()), (2, ('a1', 'a1')))
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    values = pa.chunked_array(arrays, type=arrays[0].type if arrays else pa.string())
    present = len(values) - values.null_count
    if len(pc.unique(values).drop_null()) == present:
        return 0, ()
    tally = tally_class()
    for array in arrays:
        tally.add(array.to_pylist())
    return tally.duplicates()
