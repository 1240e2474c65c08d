"""Claims and papers as Arrow tables, cast to the schemas in schemas/, and written to Parquet.

Rows come in the order the pipeline gives them (papers in input order, see
:mod:`claimbench.run.pipeline`; a paper's claims by offset), so the same input
always gives the same table. :class:`ParquetSink` writes a table batch by
batch in row groups of a fixed number of rows, so the bytes do not depend on
how the rows were batched: the same rows give the same file, however they
arrive.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimbench.errors import UsageError
from claimbench.extract.dedup import MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.units import canonical
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA

# Rows per row group: fixed, so that bytes never depend on batch sizes (a table this size or smaller is one group).
ROW_GROUP_ROWS = 65_536
# Fixed Parquet options: together with the same pyarrow, the same rows give the same bytes.
PARQUET_OPTIONS = dict(
    version="2.6",
    compression="zstd",
    compression_level=3,  # zstd 3 against 9: papers 12% larger, written several times faster (README, "Scale")
    data_page_version="1.0",
    write_statistics=True,
    store_schema=True,
    write_page_index=False,
)
# Low-cardinality string columns, dictionary-encoded on disk (leaf paths: a list's strings are "<col>.list.element").
DICTIONARY_COLUMNS = ("unit", "unit_canonical", "metric", "qualifier", "change", "extractor_version", "categories.list.element")


def claim_id_for(paper_id: str, start: int, end: int) -> str:
    """A claim's stable id: it names the mention's place, so it survives changes to other fields.

    >>> claim_id_for("02766bd313", 10, 16)
    'ba95750f0a0a37df'
    """
    return hashlib.sha1(f"{paper_id}:{start}:{end}".encode("ascii")).hexdigest()[:16]


def claim_rows(paper_id: str, title: str, claims: Sequence[Claim], extractor_version: str) -> list[dict]:
    """One row per claim, in the claims schema's column order."""
    rows = []
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        value_canonical, unit_canonical = canonical(claim.value, claim.unit)
        low_canonical, _ = canonical(claim.value_low, claim.unit)
        rows.append(
            {
                "claim_id": claim_id_for(paper_id, claim.start, claim.end),
                "paper_id": paper_id,
                "title": title,
                "mention": claim.mention,
                "mention_start": claim.start,
                "mention_end": claim.end,
                "value": claim.value,
                "value_low": claim.value_low,
                "unit": claim.unit,
                "value_canonical": value_canonical,
                "value_low_canonical": low_canonical,
                "unit_canonical": unit_canonical,
                "metric": claim.metric,
                "metric_phrase": claim.metric_phrase,
                "qualifier": claim.qualifier,
                "change": claim.change,
                "baseline": claim.baseline,
                "hardware": claim.hardware,
                "workload": claim.workload,
                "sentence": claim.sentence,
                "sentence_start": claim.sentence_start,
                "extractor_version": extractor_version,
            }
        )
    return rows


def paper_row(merged: MergedPaper, n_claims: int) -> dict:
    """The papers-table row of one merged paper."""
    paper = merged.paper
    return {
        "paper_id": paper.paper_id,
        "title": paper.title,
        "abstract": paper.abstract,
        "external_id": paper.external_id,
        "categories": list(paper.categories),
        "update_date": paper.update_date,
        "sources": list(merged.sources),
        "abstract_variants": merged.abstract_variants,
        "n_claims": n_claims,
    }


def claims_table(rows: Iterable[dict]) -> pa.Table:
    """Claim rows (see :func:`claim_rows`) as a table with the claims schema."""
    return pa.Table.from_pylist(list(rows), schema=CLAIMS_SCHEMA)


def papers_table(rows: Iterable[dict]) -> pa.Table:
    """Paper rows (see :func:`paper_row`) as a table with the papers schema."""
    return pa.Table.from_pylist(list(rows), schema=PAPERS_SCHEMA)


def batch_tables(batch: Sequence[tuple[MergedPaper, Sequence[Claim]]], extractor_version: str) -> tuple[pa.Table, pa.Table]:
    """(claims table, papers table) of merged papers and the claims found in each, in the order given."""
    claim_list: list[dict] = []
    paper_list: list[dict] = []
    for merged, found in batch:
        claim_list.extend(claim_rows(merged.paper.paper_id, merged.paper.title, found, extractor_version))
        paper_list.append(paper_row(merged, len(found)))
    return claims_table(claim_list), papers_table(paper_list)


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` cast to ``schema`` (field metadata included); its columns must be the schema's, in order.

    >>> conform(pa.table({"a": [1]}), pa.schema([("a", pa.int32())])).schema.field("a").type
    DataType(int32)
    """
    if table.schema.names != schema.names:
        raise UsageError(f"table columns {table.schema.names} differ from the schema's {schema.names}")
    return table.cast(schema)


def _without_pandas(schema: pa.Schema) -> pa.Schema:
    metadata = {k: v for k, v in (schema.metadata or {}).items() if k != b"pandas"}
    return schema.with_metadata(metadata) if metadata else schema.remove_metadata()


class ParquetSink:
    """A Parquet file written a batch at a time, in row groups of exactly ``row_group_rows`` (the last one shorter).

    pandas metadata, if any, is dropped; the footer names the pyarrow version
    (``created_by``), so bytes match between runs of the same pyarrow. A file
    that received no rows still gets one empty row group, as ``pq.write_table``
    writes for an empty table.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "t.parquet")
    ...     with ParquetSink(path, pa.schema([("n", pa.int32())]), row_group_rows=2) as sink:
    ...         sink.write(pa.table({"n": pa.array([1, 2, 3], pa.int32())}))
    ...         sink.write(pa.table({"n": pa.array([4], pa.int32())}))
    ...     meta = pq.read_metadata(path)
    ...     meta.num_rows, [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    (4, [2, 2])
    """

    def __init__(self, path: str | Path, schema: pa.Schema, row_group_rows: int | None = None):
        self.path = Path(path)
        self.schema = _without_pandas(schema)
        self.row_group_rows = row_group_rows or ROW_GROUP_ROWS
        present = set(self.schema.names)
        dictionary = [c for c in DICTIONARY_COLUMNS if c.split(".")[0] in present]
        self._writer = pq.ParquetWriter(self.path, self.schema, use_dictionary=dictionary, **PARQUET_OPTIONS)
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self.rows = 0  # rows written or pending

    def write(self, table: pa.Table) -> None:
        """Add rows (a table with this sink's columns)."""
        if table.num_rows == 0:
            return
        table = table.replace_schema_metadata(self.schema.metadata).cast(self.schema)
        self._pending.append(table)
        self._pending_rows += table.num_rows
        self.rows += table.num_rows
        while self._pending_rows >= self.row_group_rows:
            self._flush(self.row_group_rows)

    def _flush(self, rows: int) -> None:
        pending = pa.concat_tables(self._pending)
        group, rest = pending.slice(0, rows), pending.slice(rows)
        self._writer.write_table(group.combine_chunks(), row_group_size=rows)
        self._pending = [rest] if rest.num_rows else []
        self._pending_rows = rest.num_rows

    def close(self) -> None:
        """Write what is pending and the footer."""
        if self._writer is None:
            return
        if self._pending_rows:
            self._flush(self._pending_rows)
        elif self.rows == 0:
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()
        self._writer = None

    def abort(self) -> None:
        """Close without caring about the file (it is about to be removed)."""
        if self._writer is not None:
            try:
                self._writer.close()
            finally:
                self._writer = None

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write ``table`` with the fixed options: the same rows give the same bytes, however chunked or batched."""
    with ParquetSink(path, table.schema) as sink:
        sink.write(table)
