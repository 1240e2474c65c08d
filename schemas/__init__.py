"""The dataset's contract: Arrow schemas, vocabularies, unit definitions, canonical units.

Every table claimbench writes is cast to one of these schemas, so a column
never changes type between builds. Changing a schema is a major version.

>>> [f.name for f in CLAIMS_SCHEMA][:4]
['claim_id', 'paper_id', 'title', 'mention']
"""
from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from pathlib import Path

import pyarrow as pa

SCHEMA_VERSION = 2  # 2: claims.metric_phrase added (releases up to v0.16.0 are schema 1)

# The values a claim may hold (the expectation suite checks the same: validation/generate_suite.py).
LARGEST_PERCENT = 100_000.0  # lenient: a 1000x speedup is also written "99900% faster"


def value_problem(value: float, unit: str, canonical: float | None) -> str | None:
    """Why a claim's value is outside what the dataset admits, or None: the extractor makes no claim of it
    (rather than a row the suite would quarantine, or a build it would stop).

    >>> value_problem(0.0, "x", 0.0), value_problem(200000.0, "%", 200000.0), value_problem(1e308, "GB", math.inf)
    ('a factor of zero or less', 'a percentage outside 0-100000', 'a value too large to hold in its canonical unit')
    >>> value_problem(2.5, "x", 2.5) is None
    True
    """
    if not math.isfinite(value):
        return "a value that is not a finite number"
    if canonical is not None and not math.isfinite(canonical):
        return "a value too large to hold in its canonical unit"
    if unit == "%" and not 0 <= value <= LARGEST_PERCENT:
        return f"a percentage outside 0-{LARGEST_PERCENT:g}"
    if unit == "x" and value <= 0:
        return "a factor of zero or less"
    return None


def data_path(name: str) -> Path:
    """Path of a data file kept in schemas/."""
    return Path(str(resources.files(__name__) / name))


@cache
def vocabularies() -> dict[str, list[str]]:
    """The allowed values of metric, qualifier and change."""
    return json.loads(data_path("vocabularies.json").read_text(encoding="utf-8"))


_STR = pa.string()
_DICT = pa.string()  # Parquet dictionary-encodes these on disk; readers get plain strings

CLAIMS_FIELDS: list[tuple[str, pa.DataType, bool, str]] = [
    # (name, type, nullable, meaning) -- the dataset card's column table is generated from this.
    ("claim_id", _STR, False, "stable id of the claim: sha1 of paper_id and the mention's offsets, 16 hex digits"),
    ("paper_id", _STR, False, "id of the paper: sha1 of the folded, lower-cased title, 16 hex digits (64 bits)"),
    ("title", _STR, False, "title of the paper"),
    ("mention", _STR, False, "the exact substring of the abstract holding the number and its unit"),
    ("mention_start", pa.int32(), False, "offset of the mention's first character in the abstract (Python str index)"),
    ("mention_end", pa.int32(), False, "offset just past the mention's last character in the abstract"),
    ("value", pa.float64(), False, "the number in `unit`; for a range, its upper end"),
    ("value_low", pa.float64(), True, "the lower end of a range, else null"),
    ("unit", _STR, False, "x (factor), % (percent), pp (percentage points), '' (unitless score or count), or a pint unit"),
    ("value_canonical", pa.float64(), False, "value converted to unit_canonical"),
    ("value_low_canonical", pa.float64(), True, "value_low converted to unit_canonical"),
    ("unit_canonical", _STR, False, "canonical unit of the value's dimension (e.g. byte, second, FLOPS), or the unit itself for x, %, pp and ''"),
    ("metric", _DICT, False, "what is measured: one of the metric vocabulary"),
    ("metric_phrase", _STR, True, "the words of the abstract the metric was read from, as written; null when the metric is other"),
    ("qualifier", _DICT, False, "up_to, at_least, at_most, approx, average or none"),
    ("change", _DICT, False, "increase or decrease relative to a baseline, or none for an absolute figure"),
    ("baseline", _STR, True, "what the number is compared against, as written"),
    ("hardware", _STR, True, "hardware the number was measured on, as written"),
    ("workload", _STR, True, "model, dataset or benchmark the number is about, as written"),
    ("sentence", _STR, False, "the sentence of the abstract holding the mention"),
    ("sentence_start", pa.int32(), False, "offset of the sentence in the abstract"),
    ("extractor_version", _STR, False, "version of the extractor that produced the row"),
]

PAPERS_FIELDS: list[tuple[str, pa.DataType, bool, str]] = [
    ("paper_id", _STR, False, "id of the paper: sha1 of the folded, lower-cased title, 16 hex digits (64 bits)"),
    ("title", _STR, False, "title of the paper"),
    ("abstract", _STR, False, "the abstract the claims' offsets point into"),
    ("external_id", _STR, True, "the id the input gave the paper (an arXiv id, say), if any"),
    ("categories", pa.list_(_STR), False, "subject categories given by the input (arXiv), else empty"),
    ("update_date", _STR, True, "last update date given by the input (arXiv), else null"),
    ("sources", pa.list_(_STR), False, "every file:line the paper was read from"),
    ("abstract_variants", pa.int32(), False, "number of different abstracts seen for this paper (the most common was kept)"),
    ("n_claims", pa.int32(), False, "number of claims extracted from the abstract"),
]


# Columns added after schema 1, with the schema version that added them. A release of an older
# schema lacks them, and still loads, diffs, verifies and validates as it was written.
ADDED_IN: dict[str, int] = {"metric_phrase": 2}


def _schema(fields, version: int = SCHEMA_VERSION) -> pa.Schema:
    return pa.schema(
        [pa.field(name, dtype, nullable=nullable, metadata={"description": doc}) for name, dtype, nullable, doc in fields],
        metadata={"claimbench_schema_version": str(version)},
    )


CLAIMS_SCHEMA = _schema(CLAIMS_FIELDS)
PAPERS_SCHEMA = _schema(PAPERS_FIELDS)


def claims_schema(version: int = SCHEMA_VERSION) -> pa.Schema:
    """The claims schema of schema ``version`` (1 up to release v0.16.0): the columns it had.

    >>> [n for n in CLAIMS_SCHEMA.names if n not in claims_schema(1).names]
    ['metric_phrase']
    >>> claims_schema(SCHEMA_VERSION) == CLAIMS_SCHEMA
    True
    """
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(f"no claims schema version {version} (known: 1 to {SCHEMA_VERSION})")
    return _schema([f for f in CLAIMS_FIELDS if ADDED_IN.get(f[0], 1) <= version], version)


def schema_version_of(schema: pa.Schema) -> int | None:
    """The schema version a table's Arrow schema declares (its ``claimbench_schema_version``), or None.

    >>> schema_version_of(claims_schema(1)), schema_version_of(pa.schema([("a", pa.int32())]))
    (1, None)
    """
    value = (schema.metadata or {}).get(b"claimbench_schema_version")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
