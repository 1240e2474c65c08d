"""What a validation run found: one Outcome per expectation, the quarantined rows, and the verdict.

A failed *table-level* expectation (columns, types, unique ids, the papers table)
fails the build. A failed *row-level* expectation only sends the failing claims rows
to quarantine, unless more than ``max_quarantine_fraction`` of the rows end up there.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pyarrow as pa


@dataclass(frozen=True)
class Outcome:
    """The result of one expectation of the suite.

    ``unexpected_rows`` are positions of the failing rows in the validated table;
    ``details`` is GX's account of a mismatch (which column is where, say);
    ``error`` is set when GX could not evaluate the expectation (a missing column, say).
    """

    name: str
    table: str
    level: str
    type: str
    columns: tuple[str, ...]
    success: bool
    unexpected_count: int | None = None
    unexpected_examples: tuple = ()
    observed_value: object = None
    details: object = None
    error: str | None = None
    unexpected_rows: tuple[int, ...] = field(default=(), repr=False)

    @property
    def fails_build(self) -> bool:
        """Whether this outcome alone fails the build: a table-level failure, or an expectation that errored.

        >>> Outcome("x", "claims", "row", "t", ("metric",), success=False, unexpected_count=1).fails_build
        False
        """
        return not self.success and (self.level == "table" or self.error is not None)

    @property
    def quarantines(self) -> bool:
        """Whether this outcome sends rows to quarantine: a failed row-level claims expectation."""
        return not self.success and self.level == "row" and self.table == "claims" and self.error is None

    def to_dict(self) -> dict:
        """The JSON-serialisable summary of this outcome (row positions left out).

        >>> Outcome("n", "claims", "row", "t", ("value",), False, 1, (math.inf,)).to_dict()["unexpected_examples"]
        ['inf']
        """
        return {
            "name": self.name,
            "table": self.table,
            "level": self.level,
            "type": self.type,
            "columns": list(self.columns),
            "success": self.success,
            "unexpected_count": self.unexpected_count,
            "unexpected_examples": jsonable(list(self.unexpected_examples)),
            "observed_value": jsonable(self.observed_value),
            "details": jsonable(self.details),
            "error": self.error,
        }


class Verdict:
    """The verdict, the totals and the report of a validation run, from its outcomes and row counts.

    Subclasses provide ``outcomes``, ``quarantined_rows``, ``valid_rows`` and ``max_quarantine_fraction``.
    """

    outcomes: tuple[Outcome, ...]
    max_quarantine_fraction: float

    @property
    def claims_rows(self) -> int:
        """Rows of the validated claims table."""
        return self.quarantined_rows + self.valid_rows

    @property
    def quarantine_fraction(self) -> float:
        """Share of the claims rows that went to quarantine (0.0 for no rows)."""
        return self.quarantined_rows / self.claims_rows if self.claims_rows else 0.0

    @property
    def success(self) -> bool:
        """False when a table-level expectation failed or too many rows were quarantined."""
        too_many = self.quarantine_fraction > self.max_quarantine_fraction
        return not too_many and not any(o.fails_build for o in self.outcomes)

    def to_dict(self) -> dict:
        """A deterministic, JSON-serialisable summary: verdict, totals, one entry per expectation."""
        failed = [o for o in self.outcomes if not o.success]
        return {
            "success": self.success,
            "totals": {
                "expectations": len(self.outcomes),
                "failed": len(failed),
                "failed_fatal": sum(o.fails_build for o in failed),
                "failed_row_level": sum(o.quarantines for o in failed),
                "claims_rows": self.claims_rows,
                "quarantined_rows": self.quarantined_rows,
                "valid_rows": self.valid_rows,
                "quarantine_fraction": round(self.quarantine_fraction, 6),
                "max_quarantine_fraction": self.max_quarantine_fraction,
            },
            "expectations": [o.to_dict() for o in self.outcomes],
        }

    def summary_text(self) -> str:
        """A few lines for the CLI: the verdict, then one line per failed expectation.

        Example (a build with one bad metric among 200 rows)::

            validation passed: 74 expectations, 1 failed; 1 of 200 claims rows quarantined (0.50%, at most 1.00% allowed)
              row    claims  expect_column_values_to_be_in_set(metric): 1 unexpected, e.g. 'speed'
        """
        totals = self.to_dict()["totals"]
        head = (
            f"validation {'passed' if self.success else 'FAILED'}: {totals['expectations']} expectations, "
            f"{totals['failed']} failed; {totals['quarantined_rows']} of {totals['claims_rows']} claims rows "
            f"quarantined ({self.quarantine_fraction:.2%}, at most {self.max_quarantine_fraction:.2%} allowed)"
        )
        lines = [head] + [failure_line(o) for o in self.outcomes if not o.success]
        if self.quarantine_fraction > self.max_quarantine_fraction:  # say which records went there
            lines += [f"  quarantined: {example}" for example in self.quarantine_examples()]
        return "\n".join(lines)

    def quarantine_examples(self) -> tuple[str, ...]:
        """The first few quarantined rows, each named by :func:`quarantine_example` (none by default)."""
        return ()


@dataclass(frozen=True)
class ValidationReport(Verdict):
    """The outcomes of the suite over a claims and a papers table, and the claims split by them.

    ``quarantine`` has the claims columns plus ``reason`` (the names of the failed
    row-level expectations, joined by "; "); ``valid_claims`` is the rest of the claims.
    """

    outcomes: tuple[Outcome, ...]
    quarantine: pa.Table
    valid_claims: pa.Table
    max_quarantine_fraction: float = 0.01

    @property
    def quarantined_rows(self) -> int:
        return self.quarantine.num_rows

    def quarantine_examples(self) -> tuple[str, ...]:
        return quarantine_examples_of(self.quarantine)

    @property
    def valid_rows(self) -> int:
        return self.valid_claims.num_rows


@dataclass(frozen=True)
class ChunkedReport(Verdict):
    """The report of a validation run chunk by chunk (:class:`~claimbench.validation.stream.ChunkedValidation`):
    the merged outcomes and the row counts; the rows themselves went to the writers as they came."""

    outcomes: tuple[Outcome, ...]
    quarantined_rows: int
    valid_rows: int
    max_quarantine_fraction: float = 0.01
    examples: tuple[str, ...] = ()  # the first quarantined rows, each named (see quarantine_example)

    def quarantine_examples(self) -> tuple[str, ...]:
        return self.examples


EXAMPLES = 3  # quarantined rows named when too many went there


def quarantine_example(row: dict) -> str:
    """One quarantined claims row, named for the user: its paper, mention and reason.

    >>> quarantine_example({"paper_id": "02766bd313aa01f2", "title": "LLMOPT", "mention": "0x", "reason": "value"})
    "paper 02766bd313aa01f2 'LLMOPT', mention '0x': value"
    """
    return f"paper {row.get('paper_id')} {str(row.get('title'))[:60]!r}, mention {row.get('mention')!r}: {row.get('reason')}"


def quarantine_examples_of(table: pa.Table, limit: int = EXAMPLES) -> tuple[str, ...]:
    """:func:`quarantine_example` of the first ``limit`` rows of a quarantine table."""
    return tuple(quarantine_example(row) for row in table.slice(0, limit).to_pylist())


def failure_line(outcome: Outcome) -> str:
    """One indented line about a failed expectation.

    >>> failure_line(Outcome("expect_column_values_to_be_unique(claim_id)", "claims", "table", "t", ("claim_id",),
    ...                      False, 2, ("ba95750f0a0a37df", "ba95750f0a0a37df")))
    "  table  claims  expect_column_values_to_be_unique(claim_id): 2 unexpected, e.g. 'ba95750f0a0a37df'"
    """
    if outcome.error:
        detail = f"error: {outcome.error}"
    elif outcome.unexpected_count is not None:
        example = f", e.g. {outcome.unexpected_examples[0]!r}" if outcome.unexpected_examples else ""
        detail = f"{outcome.unexpected_count} unexpected{example}"
    elif outcome.details:
        detail = f"{jsonable(outcome.details)}"
    else:
        detail = f"observed {jsonable(outcome.observed_value)!r}"
    return f"  {outcome.level:<6} {outcome.table:<7} {outcome.name}: {detail}"


def jsonable(value: object) -> object:
    """The value with everything JSON cannot hold made plain: numpy scalars, NaN/inf (as strings), tuples.

    >>> jsonable([1.5, float("nan"), ("a", -math.inf)])
    [1.5, 'nan', ['a', '-inf']]
    """
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
