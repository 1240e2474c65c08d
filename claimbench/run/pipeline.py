"""The steps of a run: index -> merge duplicates -> plan shards -> extract (cached) -> validate -> write, streamed.

Memory does not grow with the corpus beyond a compact index (56 bytes a
record, see :mod:`claimbench.cache.inputs`, plus the copies of papers read more
than once). This module runs the steps (:class:`Run`); each is a module of its own, and each
adds to the figures it owns in the run's :class:`~claimbench.run.stats.RunStats`. The steps:

1. **index** (:mod:`claimbench.run.index`): every input file is read once, record by record, or not at all
   when the cache holds the index of its bytes (keyed by sha256). Bad records
   are rejected here (``on_error="fail"``: the first one stops the run before
   anything is written). After this step the number of papers is known.
2. **plan** (:class:`~claimbench.run.plan.Plan`): papers read more than once are
   merged (:mod:`claimbench.extract.dedup`'s rules), and the records are cut
   into shards in input order, each with a key naming its content. A run
   writing one file (``extract``) has one shard. A record whose paper id
   collided with that of a different title read before it is never merged: it
   is a reject (``paper_id ... collision``, naming the ``file:line`` of the paper
   keeping the id), placed among its file's rejects by line.
3. **reuse** (``build`` with a cache): a shard whose key the newest release
   holds, with its description in the cache (:mod:`claimbench.cache.shards`), is
   copied from there; nothing of it is read, extracted, validated or written.
4. **extract** (:mod:`claimbench.run.extract`) **and write** (:mod:`claimbench.run.write`) the other shards: the records they emit are read
   again (only the files, and only up to the records, needed; the copies of a
   merged paper first), in batches of :data:`BATCH_PAPERS`. Each record read
   again must be the one indexed (its id and the digest of everything kept of
   it), else the run stops with :class:`~claimbench.extract.dedup.InputChanged`
   naming the file and record: a file rewritten between the passes is never
   written, nor stored, under the key of what was indexed. For each batch,
   the cache (:mod:`claimbench.cache.claims`) is asked for the claims of papers whose
   content (title and abstract) and extractor version it holds; then the
   engine (:mod:`claimbench.run.engines`: in-process, a process pool or a Dask
   cluster) maps :func:`tabulate_batch` over the batches: it extracts the
   other papers and makes the batch's rows as Arrow tables, so the workers,
   not this process, do the work a paper costs. Results come back in input
   order, with at most :data:`READ_AHEAD` batches a worker queued; new claims
   are stored in the cache, one transaction a batch. Every :data:`CHUNK_BATCHES`
   batches of a shard (and its end) make a chunk, validated by the expectation
   suite (:class:`~claimbench.validation.stream.ChunkedValidation`, one a
   shard) when asked, and appended to the shard's Parquet files in row groups
   of fixed size (:class:`~claimbench.release.table.ParquetSink`). The shards'
   reports are merged into the run's (:mod:`claimbench.release.shard_validation`).

**Row order** is input order: papers in the order they were read (files in
the order given, a folder's files by name), a merged paper at its kept copy;
a paper's claims by offset; shard ``i`` before shard ``i + 1``. Batches,
chunks and shards are cut by paper and record counts in this process, never
by the engine, and results come back in input order, so the same input and
extractor version give byte-identical Parquet whatever the engine and the
number of workers, with or without the cache, and whether shards were reused
or written.

An exception raised while extracting one paper does not stop the run: the
paper is rejected (its ``file:line``, reason ``extraction failed:
<ExceptionType>: message``) and counted among the rejected records, or, with
``on_error="fail"``, the run stops with that message
(:class:`ExtractionFailed`).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimbench.cache.claims import ClaimCache
from claimbench.cache.shards import Reuse, ShardResult, ShardStore
from claimbench.extract import claims as claims_module
from claimbench.extract import knowledge as knowledge_files
from claimbench.extract.dedup import MergedPaper
from claimbench.extract.readers import EXCERPT_CHARS, InputError, OnError, Reject
from claimbench.run import write as write_step
from claimbench.run.engines import make_engine
from claimbench.run.extract import READ_AHEAD, Item, extracted
from claimbench.run.index import index_inputs
from claimbench.run.plan import Plan, Shard
from claimbench.run.stats import Progress, RunStats
from claimbench.run.write import RejectSpool, ShardWriter, write_quarantine, write_rejects

SHARD_RECORDS = 65_536  # input records a shard (a release's file): see claimbench.run.plan


class ExtractionFailed(InputError):
    """Extracting one paper raised, and the run was asked to stop on errors (``on_error="fail"``)."""

    label = ""  # not the input's fault: the message says "extraction failed"


@dataclass(frozen=True)
class Outputs:
    """Where a run writes: the claims and papers tables, and optionally quarantined claims and rejects.

    ``quarantine`` and ``rejects`` are created only when there is something to put in them.
    """

    claims: Path
    papers: Path
    quarantine: Path | None = None
    rejects: Path | None = None


class Run:
    """One run over ``inputs``: :meth:`read` (index and plan), then :meth:`write` (one file of each table,
    ``claimbench extract``) or :meth:`write_shards` (the data of a release, ``claimbench build``).

    ``engine``, ``workers`` and ``scheduler`` choose how extraction is mapped
    (see :func:`claimbench.run.engines.make_engine`); ``cache_dir`` None means no cache (no
    extraction cache, no index cache, no reuse of shards). ``shard_records``: records a
    shard at most (see :mod:`claimbench.run.plan`); None (``extract``): one shard.
    """

    def __init__(self, inputs: Sequence[str | Path], *, on_error: OnError = "fail", engine: str = "local",
                 workers: int | None = 1, scheduler: str | None = None, cache_dir: Path | None = None,
                 progress: bool = True, keep_rejects: bool = False, shard_records: int | None = None):
        self.inputs = list(inputs)
        self.on_error = on_error
        self.engine, self.workers, self.scheduler = engine, workers, scheduler
        self.cache_dir = cache_dir
        self.progress = progress
        self.shard_records = shard_records
        self.stats = RunStats()
        self.files: list[Path] = []
        self.plan: Plan | None = None
        self._rejects = RejectSpool(keep=keep_rejects)
        self._read = False

    # -- index and plan ---------------------------------------------------------------------------

    def read(self) -> Run:
        """Index the inputs and plan the run; the first bad record raises InputError with ``on_error="fail"``."""
        knowledge_files.knowledge()  # a broken knowledge file stops the run here, naming file [key], before any paper
        self.files, self.plan = index_inputs(self.inputs, on_error=self.on_error, cache_dir=self.cache_dir,
                                             shard_records=self.shard_records, stats=self.stats, spool=self._rejects)
        self._read = True
        return self

    def merged(self) -> Iterator[tuple[Path, MergedPaper]]:
        """The merged papers in output order, with the file of each one's kept copy (after :meth:`read`)."""
        if not self._read:
            raise RuntimeError("Run.read() first")
        plan = self.plan
        plan.collect(plan.shards)
        for ordinal, path, paper in plan.read(np.flatnonzero(plan.emitted)):
            yield path, plan.merged(ordinal, paper)

    # -- writing ----------------------------------------------------------------------------------

    def write(self, outputs: Outputs, validate: bool = False):
        """Extract, validate (``validate=True``), write ``outputs``; returns the validation report or None.

        The caller removes the outputs if this raises.
        """
        if not self._read:
            self.read()
        if len(self.plan.shards) != 1:
            raise ValueError("Run.write writes one file of each table: make the Run without shard_records")
        report, _ = self._produce(lambda shard: {"claims": outputs.claims, "papers": outputs.papers},
                                  outputs.quarantine, outputs.rejects, validate, reuse=None, store=None)
        return report

    def write_shards(self, folder: Path, reuse: Reuse | None = None):
        """Extract, validate and write the data of a release into ``folder`` (its ``data/`` shards, quarantine
        and ``rejects.jsonl``), copying the shards ``reuse`` has; returns (validation report, shard results).

        The caller removes ``folder`` if this raises.
        """
        from claimbench.release.layout import shard_path

        if not self._read:
            self.read()
        count = len(self.plan.shards)

        def targets(shard: Shard) -> dict[str, Path]:
            return {table: folder / shard_path(table, shard.number, count) for table in ("claims", "papers")}

        store = ShardStore(self.cache_dir) if self.cache_dir is not None else None
        return self._produce(targets, folder / "data" / "quarantine.parquet", folder / "rejects.jsonl", True, reuse, store)

    def _produce(self, targets, quarantine_path: Path | None, rejects_path: Path | None, validate: bool,
                 reuse: Reuse | None, store: ShardStore | None):
        plan, stats = self.plan, self.stats
        version = claims_module.EXTRACTOR_VERSION  # looked up now: a test may change it
        results: list[ShardResult | None] = [None] * len(plan.shards)
        todo: list[Shard] = []
        try:
            with stats.timing("write"):
                for shard in plan.shards:
                    found = reuse.take(shard.key, targets(shard)) if reuse is not None else None
                    if found is not None and found.failures and self.on_error == "fail":
                        found = None  # built again, to stop at its first failure
                    if found is None:
                        todo.append(shard)
                        continue
                    results[shard.number] = found
                    stats.shards_reused += 1
                    stats.papers_reused += shard.papers
                    stats.papers -= len(found.failures)
                    stats.rejected += len(found.failures)
                    stats.extraction_failed += len(found.failures)
            if todo:
                self._build(todo, targets, validate, version, results, store)
            stats.claims = sum(r.claims for r in results)
            with stats.timing("write"):
                write_rejects(rejects_path, self._rejects, results, stats.rejected)
                write_quarantine(quarantine_path, results)
        finally:
            self._rejects.close()
        report = None
        if validate:
            from claimbench.release.shard_validation import merge_shard_validations

            with stats.timing("validate"):
                report = merge_shard_validations([r.validation for r in results], self._id_values(targets, results))
            stats.quarantined = report.quarantined_rows
        return report, results

    def _id_values(self, targets, results: list[ShardResult]):
        """Values of a column, shard after shard, from the files written (and the quarantined rows)."""
        import pyarrow.parquet as pq

        def values(table: str, column: str) -> Iterator:
            for shard, result in zip(self.plan.shards, results):
                yield pq.read_table(targets(shard)[table], columns=[column]).column(0).combine_chunks()
                if table == "claims" and result.quarantine is not None and column in result.quarantine.column_names:
                    yield result.quarantine.column(column).combine_chunks()

        return values

    def _build(self, todo: list[Shard], targets, validate: bool, version: str, results: list, store: ShardStore | None) -> None:
        """Extract, validate and write the shards ``todo``, in order, filling in ``results``."""
        stats = self.stats
        with stats.timing("read"):
            self.plan.collect(todo)
        cache = ClaimCache(self.cache_dir) if self.cache_dir is not None else None
        bar = Progress(sum(s.papers for s in todo), enabled=self.progress)
        done = claims = 0
        writer: ShardWriter | None = None
        try:
            with make_engine(self.engine, self.workers, self.scheduler, read_ahead=READ_AHEAD) as engine:
                for shard, batch, output, last in extracted(engine, cache, version, self.plan, todo, stats, preload=validate):
                    if writer is None:
                        with stats.timing("write"):
                            writer = ShardWriter(shard, targets(shard), validate)
                    for item, outcome in zip(batch, output.outcomes):
                        if isinstance(outcome, str):
                            writer.failures.append(self._failed(item, outcome).to_dict())
                    found = output.claims.num_rows
                    writer.chunk.append(output)
                    writer.claims += found
                    claims += found
                    done += len(batch)
                    bar.update(done, claims, stats.cache_hits)
                    writer.batches += 1
                    if writer.batches == write_step.CHUNK_BATCHES or last:  # looked up now: tests make it small
                        writer.flush(stats)
                    if last:
                        results[shard.number] = writer.close(stats, store)
                        writer = None
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
        finally:
            if cache is not None:
                cache.close()

    def _failed(self, item: Item, error: str) -> Reject:
        """Account for a paper whose extraction raised: a reject, or the end of the run."""
        paper = item.merged.paper
        line = int(paper.source.rpartition(":")[2]) if paper.source.rpartition(":")[2].isdigit() else None
        reason = f"extraction failed: {error}"
        if self.on_error == "fail":
            raise ExtractionFailed(item.path, line, reason)
        self.stats.papers -= 1
        self.stats.rejected += 1
        self.stats.extraction_failed += 1
        reject = Reject(str(item.path), line, reason, f"{paper.title}\n{paper.abstract}"[:EXCERPT_CHARS])
        if self._rejects.keep:
            self._rejects.kept.append(reject)
        return reject


def read_and_merge(inputs: Sequence[str | Path], stats: RunStats, on_error: OnError = "fail") -> tuple[list[Path], list[MergedPaper]]:
    """Read every input and merge papers read more than once, in memory (for small inputs and tests).

    ``on_error="fail"``: the first bad record raises InputError (``file:line: reason``).
    ``on_error="skip"``: bad records are kept in ``stats.rejects`` and counted in ``stats.rejected``.
    Papers come sorted by paper_id.
    """
    run = Run(inputs, on_error=on_error, progress=False, keep_rejects=True)
    run.stats = stats
    run.read()
    merged = sorted((m for _, m in run.merged()), key=lambda m: m.paper.paper_id)
    return run.files, merged
