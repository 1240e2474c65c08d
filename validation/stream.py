"""Validation chunk by chunk, for a build that streams: the same suite and report as :func:`validate_tables`.

A build validates each chunk of papers (with their claims) as it comes:
row-level expectations quarantine the chunk's failing rows at once, and
each expectation's outcomes are merged over the chunks
(:func:`merge_outcomes`). A chunk holds whole papers and all their claims,
so the checks that join the two tables (``paper_known``,
``mention_in_abstract``, the sum of ``n_claims``) hold chunk by chunk
exactly when they hold over the whole tables. Uniqueness is the one check a
chunk cannot settle alone: every ``expect_column_values_to_be_unique``
column is also tallied across chunks as 64-bit integers (8 bytes a row: the
ids are hex digests), and duplicates between chunks fail that expectation
(:class:`IdTally`). For one chunk, the report is exactly
:func:`validate_tables`'s.

>>> from claimbench.release.table import claims_table, papers_table
>>> checker = ChunkedValidation()
>>> valid, quarantine = checker.check(claims_table([]), papers_table([]))
>>> report = checker.finish()
>>> report.success, report.to_dict()["totals"]["claims_rows"]
(True, 0)
"""
from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION, schema_version_of
from claimbench.validation.engine import EXAMPLES as EXAMPLES_KEPT
from claimbench.validation.engine import SuiteRunner
from claimbench.validation.frames import claims_frame, ragged_positions, string_buffers, table_frame
from claimbench.validation.quarantine import split_claims
from claimbench.validation.report import EXAMPLES, ChunkedReport, Outcome, quarantine_examples_of
from claimbench.validation.suite import load_suite, suite_for_schema

UNIQUE = "expect_column_values_to_be_unique"


class IdTally:
    """The values of one id column over every chunk, 8 bytes each, to find duplicates between chunks.

    Hex ids (``claim_id``, ``paper_id``) are kept as their integer value;
    any other text by a 64-bit hash of it; nulls are left out (the not-null
    expectations report them). An Arrow string column is read at once
    (:func:`hex_numbers`); values that are not plain lower-case hex of at most
    16 digits, and lists, go one by one (:func:`number_of`).

    >>> tally = IdTally()
    >>> tally.add(["ba95750f0a0a37df", "02766bd313"]); tally.add(pa.chunked_array([["02766bd313", None]]))
    >>> tally.duplicates()
    (2, ('02766bd313', '02766bd313'))
    """

    def __init__(self) -> None:
        self._values: list[np.ndarray] = []  # uint64, one array per add
        self._width: dict[int, int] = {}  # hex width of the values seen (first seen first), to show them again

    def add(self, values) -> None:
        """Tally the non-null values of a column: an Arrow (chunked) array, or a list."""
        if isinstance(values, (pa.Array, pa.ChunkedArray)) and pa.types.is_string(values.type):
            for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
                self._append(*hex_numbers(chunk))
            return
        items = values.to_pylist() if isinstance(values, (pa.Array, pa.ChunkedArray)) else values
        pairs = [number_of(value) for value in items if value is not None]
        self._append(np.array([n for n, _ in pairs], dtype=np.uint64), np.array([w for _, w in pairs], dtype=np.int64))

    def _append(self, numbers: np.ndarray, widths: np.ndarray) -> None:
        """Keep the numbers; count the hex widths (0: a hashed value), new widths in order of first appearance."""
        self._values.append(numbers)
        seen, first, counts = np.unique(widths, return_index=True, return_counts=True)
        for order in np.argsort(first, kind="stable"):
            if seen[order]:
                self._width[int(seen[order])] = self._width.get(int(seen[order]), 0) + int(counts[order])

    def duplicates(self) -> tuple[int, tuple[str, ...]]:
        """(rows whose value occurs more than once, the first few of those values in row order)."""
        values = np.concatenate(self._values) if self._values else np.zeros(0, dtype=np.uint64)
        if not values.size:
            return 0, ()
        unique, counts = np.unique(values, return_counts=True)
        repeated = unique[counts > 1]
        if not repeated.size:
            return 0, ()
        rows = values[np.isin(values, repeated)]
        width = max(self._width, key=self._width.get) if self._width else 16
        return int(rows.size), tuple(f"{int(v):0{width}x}" for v in rows[:EXAMPLES_KEPT])


def number_of(value: str) -> tuple[int, int]:
    """(the 64-bit number a value is tallied as, its hex width or 0 when it is a hash of the text).

    >>> number_of("02766bd313"), number_of("02766BD313")[1], number_of("not hex")[1]
    ((10576712467, 10), 0, 0)
    """
    try:
        number = int(value, 16) if 0 < len(value) <= 16 and value == value.lower() else None
    except ValueError:
        number = None
    if number is None:
        return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"), 0
    return number, len(value)


def hex_numbers(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """:func:`number_of` each non-null value of a string array, in row order: (numbers as uint64, widths).

    Values of 1 to 16 characters, all of them ``0-9a-f``, are read as hex all at once; the rest one by one.

    >>> numbers, widths = hex_numbers(pa.array(["ff", None, "0x1f", "ba95750f0a0a37df"]))
    >>> [hex(n) for n in numbers.tolist()], widths.tolist()
    (['0xff', '0x1f', '0xba95750f0a0a37df'], [2, 4, 16])
    """
    offsets, data = string_buffers(array)
    lengths = offsets[1:] - offsets[:-1]
    valid = pc.is_valid(array).to_numpy(zero_copy_only=False)
    numbers = np.zeros(len(array), dtype=np.uint64)
    widths = np.zeros(len(array), dtype=np.int64)
    rows = np.flatnonzero(valid & (lengths >= 1) & (lengths <= 16))
    size = lengths[rows]
    firsts, within = ragged_positions(size)
    digits = HEX_DIGITS[data[np.repeat(offsets[rows], size) + within]]
    all_hex = np.maximum.reduceat(digits, firsts) < 16 if rows.size else np.zeros(0, dtype=bool)
    shifted = digits.astype(np.uint64) << (4 * (np.repeat(size, size) - 1 - within)).astype(np.uint64)
    values = np.bitwise_or.reduceat(shifted, firsts) if rows.size else np.zeros(0, dtype=np.uint64)
    numbers[rows[all_hex]], widths[rows[all_hex]] = values[all_hex], size[all_hex]
    others = np.setdiff1d(np.flatnonzero(valid), rows[all_hex], assume_unique=True)
    if others.size:
        pairs = [number_of(v) for v in array.take(pa.array(others, pa.int64())).to_pylist()]
        numbers[others] = np.array([n for n, _ in pairs], dtype=np.uint64)
        widths[others] = [w for _, w in pairs]
    return numbers[valid], widths[valid]


HEX_DIGITS = np.full(256, 16, dtype=np.uint8)  # byte -> its value as a lower-case hex digit, 16 for any other byte
HEX_DIGITS[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint8)


def merge_outcomes(chunks: list[Outcome]) -> Outcome:
    """One expectation's outcome over all chunks, from its outcome in each.

    Counts add up; examples are the first ones met; a sum's observed value is
    the total; other observed values and details are the first failing
    chunk's (else the first chunk's).

    >>> a = Outcome("x", "claims", "row", "t", ("metric",), False, 1, ("speed",))
    >>> b = Outcome("x", "claims", "row", "t", ("metric",), True, 0)
    >>> merge_outcomes([a, b]).unexpected_count, merge_outcomes([a, b]).success
    (1, False)
    """
    first = chunks[0]
    if len(chunks) == 1:
        return _without_rows(first)
    failing = next((o for o in chunks if not o.success), first)
    counts = [o.unexpected_count for o in chunks if o.unexpected_count is not None]
    examples = tuple(e for o in chunks for e in o.unexpected_examples)[:EXAMPLES_KEPT]
    observed = failing.observed_value
    if first.type == "expect_column_sum_to_be_between":
        observed = sum(o.observed_value or 0 for o in chunks)
    return Outcome(
        name=first.name,
        table=first.table,
        level=first.level,
        type=first.type,
        columns=first.columns,
        success=all(o.success for o in chunks),
        unexpected_count=sum(counts) if counts else None,
        unexpected_examples=examples,
        observed_value=observed,
        details=failing.details,
        error=next((o.error for o in chunks if o.error), None),
    )


def _without_rows(outcome: Outcome) -> Outcome:
    from dataclasses import replace

    return replace(outcome, unexpected_rows=())


class ChunkedValidation:
    """Validate a build chunk by chunk; :meth:`finish` gives the report of the whole."""

    def __init__(self, max_quarantine_fraction: float = 0.01):
        self.suite = load_suite()
        self.runner = SuiteRunner(self.suite)  # GX objects made once, for every chunk
        self.schema_version = SCHEMA_VERSION  # of the claims chunks (see check)
        self.max_quarantine_fraction = max_quarantine_fraction
        self._outcomes: dict[tuple[str, str], list[Outcome]] = {}  # (table, name) -> one outcome a chunk
        self._order: list[tuple[str, str]] = []
        self._tallies: dict[tuple[str, str], IdTally] = {
            (c["meta"]["table"], c["kwargs"]["column"]): IdTally() for c in self.suite["expectations"] if c["type"] == UNIQUE
        }
        self.quarantined_rows = 0
        self.valid_rows = 0
        self.examples: tuple[str, ...] = ()  # the first quarantined rows, named
        self.chunks = 0

    def check(self, claims: pa.Table, papers: pa.Table) -> tuple[pa.Table, pa.Table]:
        """Validate one chunk (papers and all their claims): (valid claims, quarantined claims with ``reason``).

        Chunks of a claims table of an older schema (a release up to v0.16.0) are checked against the
        suite as it applies to that schema (:func:`~claimbench.validation.suite.suite_for_schema`);
        every chunk of one run must be of one schema.
        """
        self._follow_schema(schema_version_of(claims.schema))
        frames = {"claims": claims_frame(claims, papers), "papers": table_frame(papers)}
        of_known_papers = int(frames["claims"]["paper_known"].sum())
        outcomes = self.runner.run(frames, {"claims_of_known_papers": of_known_papers})
        valid, quarantine = split_claims(claims, outcomes)
        for outcome in outcomes:
            key = (outcome.table, outcome.name)
            if key not in self._outcomes:
                self._order.append(key)
            self._outcomes.setdefault(key, []).append(outcome)
        for (table, column), tally in self._tallies.items():
            source = claims if table == "claims" else papers
            if column in source.column_names:
                tally.add(source.column(column))
        if len(self.examples) < EXAMPLES and quarantine.num_rows:
            self.examples += quarantine_examples_of(quarantine, EXAMPLES - len(self.examples))
        self.quarantined_rows += quarantine.num_rows
        self.valid_rows += valid.num_rows
        self.chunks += 1
        return valid, quarantine

    def _follow_schema(self, version: int | None) -> None:
        """Use the suite of the chunks' schema version (the current one unless a chunk declares an older one)."""
        version = version if version is not None and version < SCHEMA_VERSION else SCHEMA_VERSION
        if version == self.schema_version:
            return
        if self.chunks:
            raise ValueError(f"a chunk of claims schema {version} after chunks of schema {self.schema_version}")
        self.schema_version = version
        self.suite = suite_for_schema(load_suite(), version)
        self.runner = SuiteRunner(self.suite)

    def finish(self) -> ChunkedReport:
        """The merged report (call after the last chunk; a run with no chunk validates one empty chunk)."""
        if not self.chunks:  # one empty chunk: the schemas' tables of no rows
            self.check(pa.Table.from_pylist([], schema=CLAIMS_SCHEMA), pa.Table.from_pylist([], schema=PAPERS_SCHEMA))
        merged = []
        for key in self._order:
            chunks = self._outcomes[key]
            outcome = merge_outcomes(chunks)
            if outcome.type == UNIQUE and len(chunks) > 1:
                outcome = self._across_chunks(outcome)
            merged.append(outcome)
        return ChunkedReport(tuple(merged), self.quarantined_rows, self.valid_rows, self.max_quarantine_fraction, self.examples)

    def _across_chunks(self, outcome: Outcome) -> Outcome:
        from dataclasses import replace

        tally = self._tallies.get((outcome.table, outcome.columns[0]))
        if tally is None:
            return outcome
        count, examples = tally.duplicates()
        if count == (outcome.unexpected_count or 0):
            return outcome
        return replace(outcome, success=False, unexpected_count=count, unexpected_examples=examples)
