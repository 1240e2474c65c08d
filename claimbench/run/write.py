"""The write step: each shard's Parquet files, written chunk by chunk and validated on the way when asked;
then the rejects file and the quarantine.

A :class:`ShardWriter` holds one shard's sinks, its chunk being made, its validation
(:class:`~claimbench.validation.stream.ChunkedValidation`) and its tallies. Every
:data:`CHUNK_BATCHES` batches (and at the shard's end) :meth:`ShardWriter.flush` validates the chunk
and appends it in row groups of fixed size (:class:`~claimbench.release.table.ParquetSink`), so the
bytes do not depend on how the rows were batched; :meth:`ShardWriter.close` finishes the files and
the shard's report and stores its description in the shard cache (:mod:`claimbench.cache.shards`).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa

from claimbench.cache.shards import ShardResult, ShardStore
from claimbench.extract.readers import Reject
from claimbench.release.table import ParquetSink
from claimbench.release.writer import reject_line, sha256_file
from claimbench.run.extract import BatchOutput
from claimbench.run.plan import Shard
from claimbench.run.stats import RunStats
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA

CHUNK_BATCHES = 256  # batches a chunk: the unit validated and written (65,536 papers: a full shard is one chunk;
# validating a chunk has a fixed cost of about 0.45 s CPU, and each shard's ChunkedValidation 0.15 s, next to which
# its rows cost little: bench/validation_speed.py)


class RejectSpool:
    """Rejected records as rejects-file lines, in a spooled temporary file (memory until 1 MB, then disk)."""

    def __init__(self, keep: bool = False):
        self._file = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8", newline="\n")
        self.kept: list[Reject] = []
        self.keep = keep

    def add(self, reject: Reject) -> None:
        self._file.write(reject_line(reject.to_dict()))
        if self.keep:
            self.kept.append(reject)

    def copy_to(self, handle) -> None:
        self._file.seek(0)
        for line in self._file:
            handle.write(line)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


class ShardWriter:
    """The files, validation and tallies of one shard being written."""

    def __init__(self, shard: Shard, targets: dict[str, Path], validate: bool):
        self.shard, self.targets = shard, targets
        self.claims_sink = ParquetSink(targets["claims"], CLAIMS_SCHEMA)
        self.papers_sink = ParquetSink(targets["papers"], PAPERS_SCHEMA)
        self.validate = validate
        self._checker = None
        self.chunk: list[BatchOutput] = []  # the batches of the chunk being made
        self.batches = 0
        self.claims = 0
        self.failures: list[dict] = []
        self.quarantine: list = []

    @property
    def checker(self):
        """The shard's ChunkedValidation (None without validation), made at its first chunk: it imports
        great-expectations, which takes seconds, and meanwhile the first batches are extracted."""
        if self.validate and self._checker is None:
            from claimbench.validation.stream import ChunkedValidation

            self._checker = ChunkedValidation()
        return self._checker

    def abort(self) -> None:
        for sink in (self.claims_sink, self.papers_sink):
            sink.abort()

    def flush(self, stats: RunStats) -> None:
        """Validate (if asked) and write one chunk of a shard."""
        claims = pa.concat_tables([output.claims for output in self.chunk])
        papers = pa.concat_tables([output.papers for output in self.chunk])
        if self.validate:
            with stats.timing("validate"):
                claims, quarantine = self.checker.check(claims, papers)
            if quarantine.num_rows:
                self.quarantine.append(quarantine)
        with stats.timing("write"):
            self.claims_sink.write(claims)
            self.papers_sink.write(papers)
        self.chunk, self.batches = [], 0

    def close(self, stats: RunStats, store: ShardStore | None) -> ShardResult:
        """Finish a shard's files and report; store its description in the cache (a build's shards)."""
        with stats.timing("write"):
            self.claims_sink.close()
            self.papers_sink.close()
        validation = None
        if self.validate:
            from claimbench.release.shard_validation import shard_validation

            with stats.timing("validate"):
                validation = shard_validation(self.checker.finish())
        quarantine = pa.concat_tables(self.quarantine) if self.quarantine else None
        shard = self.shard
        result = ShardResult(shard.key, shard.papers - len(self.failures), self.claims, {}, self.failures, validation, quarantine)
        if store is not None and validation is not None:
            with stats.timing("write"):
                result.files = {table: sha256_file(path) for table, path in self.targets.items()}
                store.put(result)
        return result


def write_rejects(path: Path | None, spool: RejectSpool, results: list[ShardResult], rejected: int) -> None:
    """Input rejects (in input order), then papers whose extraction failed (in output order)."""
    if path is None or not rejected:
        return
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        spool.copy_to(handle)
        for result in results:
            for failure in result.failures:
                handle.write(reject_line(failure))


def write_quarantine(path: Path | None, results: list[ShardResult]) -> None:
    tables = [r.quarantine for r in results if r.quarantine is not None and r.quarantine.num_rows]
    if not tables:
        return
    if path is None:
        raise ValueError("claims were quarantined but the run has no quarantine output")
    with ParquetSink(path, tables[0].schema) as sink:
        for quarantine in tables:
            sink.write(quarantine)
