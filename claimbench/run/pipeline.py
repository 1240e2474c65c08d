"""The steps of a run: index -> merge duplicates -> plan shards -> extract (cached) -> validate -> write, streamed.

Memory does not grow with the corpus beyond a compact index (56 bytes a
record, see :mod:`claimbench.cache.inputs`, plus the copies of papers read more
than once). The steps:

1. **index**: every input file is read once, record by record, or not at all
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
4. **extract and write** the other shards: the records they emit are read
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

import functools
import hashlib
import itertools
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

from claimbench.cache.claims import ClaimCache, content_key, decode_claims, encode_claims
from claimbench.cache.inputs import IndexStore, index_file
from claimbench.cache.shards import Reuse, ShardResult, ShardStore
from claimbench.extract import claims as claims_module
from claimbench.extract import knowledge as knowledge_files
from claimbench.extract.claims import extract_claims
from claimbench.extract.dedup import InputChanged, MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper
from claimbench.extract.readers import EXCERPT_CHARS, InputError, OnError, Reject, expand_inputs, screen
from claimbench.release import table as table_module
from claimbench.release.table import ParquetSink, batch_tables
from claimbench.release.writer import reject_line, sha256_file
from claimbench.run.engines import default_workers, make_engine
from claimbench.run.plan import Plan, Shard, fingerprint
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA

__all__ = ["BATCH_PAPERS", "CHUNK_BATCHES", "SHARD_RECORDS", "BatchOutput", "ExtractionFailed", "Outputs", "Progress", "Run",
           "RunStats", "default_workers", "extract_batch", "read_and_merge", "tabulate_batch"]

BATCH_PAPERS = 256  # papers a batch: the unit the engine maps and the cache stores in one transaction
CHUNK_BATCHES = 256  # batches a chunk: the unit validated and written (65,536 papers: a full shard is one chunk;
# validating a chunk has a fixed cost of about 0.3 s CPU, next to which its rows cost little: bench/validation_speed.py)
READ_AHEAD = 16  # batches a worker may have queued (4,096 papers, about 2 s of work): enough for the workers to go on while a chunk is validated and written
SHARD_RECORDS = 65_536  # input records a shard (a release's file): see claimbench.run.plan
STAGES = ("read", "extract", "validate", "write")


class ExtractionFailed(InputError):
    """Extracting one paper raised, and the run was asked to stop on errors (``on_error="fail"``)."""


@dataclass
class RunStats:
    """Counters and timings of one run, printed as its summary."""

    files: int = 0
    records_read: int = 0  # every record met, rejected ones included: records_read = papers + duplicates_merged + rejected
    papers: int = 0
    duplicates_merged: int = 0
    rejected: int = 0  # input records rejected, and papers whose extraction failed
    extraction_failed: int = 0
    cache_hits: int = 0
    cache_misses: int = 0  # papers extracted in this run
    shards: int = 0  # shards of a release (0: a run writing one file)
    shards_reused: int = 0  # copied from the newest release
    papers_reused: int = 0  # the papers of those shards: neither read, extracted, validated nor written
    claims: int = 0
    quarantined: int = 0
    # read, validate, write: the time this process spent in each; extract: the time the workers spent making rows,
    # each batch's measured where it was made and summed (with several workers, more than the wall time).
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    # The rejected records themselves, in input order, for in-memory callers (read_and_merge).
    rejects: list[Reject] = field(default_factory=list, repr=False)

    def summary(self) -> str:
        """One line per figure, then the accounting of records, then the time of each stage.

        >>> print(RunStats(files=1, records_read=4, papers=2, duplicates_merged=1, rejected=1, claims=4,
        ...                cache_hits=1, cache_misses=1, seconds={"read": 0.5}).summary())
        files read:         1
        records read:       4
        records rejected:   1
        duplicates merged:  1
        papers:             2
        cache hits:         1
        papers extracted:   1
        claims:             4
        accounting:         4 records read = 2 papers + 1 duplicates merged + 1 rejected
        time read:          0.50 s
        """
        lines = [
            f"files read:         {self.files}",
            f"records read:       {self.records_read}",
            f"records rejected:   {self.rejected}",
        ]
        if self.extraction_failed:
            lines.append(f"extraction failed:  {self.extraction_failed}")
        lines += [
            f"duplicates merged:  {self.duplicates_merged}",
            f"papers:             {self.papers}",
        ]
        if self.shards:
            lines += [f"shards:             {self.shards}",
                      f"shards reused:      {self.shards_reused}",
                      f"papers reused:      {self.papers_reused}"]
        lines += [
            f"cache hits:         {self.cache_hits}",
            f"papers extracted:   {self.cache_misses}",
            f"claims:             {self.claims}",
        ]
        if self.quarantined:
            lines.append(f"claims quarantined: {self.quarantined}")
        lines.append(f"accounting:         {self.records_read} records read = {self.papers} papers + "
                     f"{self.duplicates_merged} duplicates merged + {self.rejected} rejected")
        lines += [f"{'time ' + stage + ':':<20}{secs:.2f} s" for stage, secs in self.seconds.items()]
        return "\n".join(lines)

    @contextmanager
    def timing(self, stage: str):
        """Add the time spent in the block to ``seconds[stage]``."""
        t0 = time.monotonic()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.monotonic() - t0


class Progress:
    """Prints papers done, papers/s, claims found, cache hits and time left to stderr, at most once a second."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total, self.enabled, self.stream = total, enabled, stream if stream is not None else sys.stderr
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, claims: int, hits: int = 0) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 1.0 and done < self.total):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        left = (self.total - done) / rate if rate else 0.0
        self.stream.write(f"\rextract: {done:,}/{self.total:,} papers, {rate:,.0f} papers/s, {claims:,} claims, "
                          f"{hits:,} from cache, {left:,.0f} s left ")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


@dataclass(frozen=True)
class Outputs:
    """Where a run writes: the claims and papers tables, and optionally quarantined claims and rejects.

    ``quarantine`` and ``rejects`` are created only when there is something to put in them.
    """

    claims: Path
    papers: Path
    quarantine: Path | None = None
    rejects: Path | None = None


def extract_batch(papers: list[Paper]) -> list[list[Claim] | str]:
    """The claims of each paper, or for a paper whose extraction raised, the error as ``"Type: message"``.

    The function engines map over batches (module-level, so it pickles).

    >>> [len(r) for r in extract_batch([Paper("T", "We get a 2.49x speedup over vLLM.", "a.txt:1")])]
    [1]
    """
    out: list[list[Claim] | str] = []
    for paper in papers:
        try:
            out.append(extract_claims(paper))
        except Exception as err:  # one paper's failure must not cost the run
            out.append(f"{type(err).__name__}: {err}")
    return out


@dataclass
class BatchOutput:
    """What :func:`tabulate_batch` returns for a batch: its rows, and what became of each paper.

    ``claims``/``papers``: the rows of the papers whose claims are known, in
    the batch's order; ``outcomes[i]``: paper ``i``'s number of claims, or the
    error (``"Type: message"``) its extraction raised; ``fresh[i]``: its claims
    as the cache stores them (:func:`~claimbench.cache.claims.encode_claims`) when it
    was extracted here, else None.
    """

    claims: pa.Table
    papers: pa.Table
    outcomes: list[int | str]
    fresh: list[str | None]
    seconds: float = 0.0  # the time the worker took to make this output (extraction and rows), measured there


def extractor_key(version: str) -> str:
    """The claims cache's key for extraction: the extractor's version and a digest of everything that decides its
    claims (the extractor's code and knowledge files, and the schemas' unit definitions and bounds), so an edit of
    a knowledge file serves no stale claims even when nobody bumps the version.

    >>> extractor_key("1.0").startswith("1.0+") and len(extractor_key("1.0")) == 4 + 16
    True
    """
    return f"{version}+{_extractor_digest()}"


@functools.lru_cache(maxsize=1)
def _extractor_digest() -> str:
    from claimbench import extract, schemas

    return files_digest([Path(extract.__file__).parent, Path(schemas.__file__).parent])


def files_digest(folders: Sequence[Path]) -> str:
    """16 hex digits of the sha256 of the code and data files under ``folders`` (names and bytes, in order)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix in (".py", ".toml", ".csv", ".json", ".txt") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    return digest.hexdigest()[:16]


def _decodes(cached: str) -> bool:
    """A cached entry decodes into claims (a damaged one is extracted again, and stored anew)."""
    try:
        decode_claims(cached)
    except (ValueError, TypeError):
        return False
    return True


def tabulate_batch(extractor_version: str, items: list[tuple[MergedPaper, str | None]]) -> BatchOutput:
    """The rows of a batch of (merged paper, its cached claims or None): the papers without cached claims
    are extracted. The function engines map (bound to the version with functools.partial), so the
    workers, not the process that reads and writes, make the rows and the cache's entries.

    >>> paper = Paper("T", "We get a 2.49x speedup over vLLM.", "a.txt:1")
    >>> out = tabulate_batch("0.0.0", [(MergedPaper(paper, (paper.source,), 1), None)])
    >>> out.outcomes, out.claims.column("baseline").to_pylist(), out.papers.column("n_claims").to_pylist()
    ([1], ['vLLM'], [1])
    >>> tabulate_batch("0.0.0", [(MergedPaper(paper, (paper.source,), 1), out.fresh[0])]).fresh
    [None]
    """
    t0 = time.perf_counter()
    items = [(merged, cached if cached is None or _decodes(cached) else None) for merged, cached in items]  # damaged: a miss
    extracted = iter(extract_batch([merged.paper for merged, cached in items if cached is None]))
    rows: list[tuple[MergedPaper, list[Claim]]] = []
    outcomes: list[int | str] = []
    fresh: list[str | None] = []
    for merged, cached in items:
        if cached is not None:
            found, text = decode_claims(cached), None
        else:
            found = next(extracted)
            text = None if isinstance(found, str) else encode_claims(found)
        fresh.append(text)
        if isinstance(found, str):
            outcomes.append(found)
        else:
            outcomes.append(len(found))
            rows.append((merged, found))
    claims, papers = batch_tables(rows, extractor_version)
    return BatchOutput(claims, papers, outcomes, fresh, time.perf_counter() - t0)


class _RejectSpool:
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


@dataclass
class _Item:
    merged: MergedPaper
    path: Path  # the file of its kept copy, for a reject


def _preload_validation() -> None:
    """Import great-expectations (seconds) in a daemon thread, so that it overlaps extraction.

    Called once the engine's processes have started (a forked process must not inherit a half-done
    import); an import that fails here fails again, with its message, where validation imports it.
    """
    import importlib
    import threading

    def load() -> None:
        try:
            importlib.import_module("great_expectations")
        except Exception:  # reported by the import that needs it
            pass

    threading.Thread(target=load, name="claimbench-preload-validation", daemon=True).start()


class _ShardWriter:
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
        self._rejects = _RejectSpool(keep=keep_rejects)
        self._read = False

    # -- index and plan ---------------------------------------------------------------------------

    def read(self) -> Run:
        """Index the inputs and plan the run; the first bad record raises InputError with ``on_error="fail"``."""
        stats = self.stats
        knowledge_files.knowledge()  # a broken knowledge file stops the run here, naming file [key], before any paper
        with stats.timing("read"):
            self.files = expand_inputs(self.inputs)
            store = IndexStore(self.cache_dir) if self.cache_dir is not None else None
            indexes = []
            file_rejects: list[list[Reject]] = []  # each file's rejects (on_error="skip"), in file order
            for path in self.files:
                index = store.index(path) if store is not None else index_file(path)
                rejects: list[Reject] = []
                for _ in screen(index.rejects, self.on_error, rejects):
                    pass
                file_rejects.append(rejects)
                indexes.append(index)
            key = ""
            if self.shard_records is not None:
                settings = (BATCH_PAPERS * CHUNK_BATCHES, table_module.ROW_GROUP_ROWS, sorted(table_module.PARQUET_OPTIONS.items()))
                key = fingerprint(claims_module.EXTRACTOR_VERSION, settings)
            self.plan = Plan(self.files, indexes, self.shard_records, key)
            # A record whose paper id collided with that of another title is a reject like any other
            # (on_error="fail": the run stops at the first), placed among its file's rejects by line.
            collided = self.plan.collision_rejects() if self.plan.colliding else {}
            for number, rejects in collided.items():
                for _ in screen(rejects, self.on_error, file_rejects[number]):
                    pass
                file_rejects[number].sort(key=lambda r: (r.line is not None, r.line or 0))
            for rejects in file_rejects:
                for reject in rejects:
                    self._rejects.add(reject)
            if store is not None:
                store.save()  # once the inputs are accepted
        stats.rejected += sum(len(r) for r in file_rejects) - len(self.plan.colliding)  # rejected by the readers
        stats.files = len(self.files)
        stats.records_read = self.plan.records + stats.rejected
        stats.rejected += len(self.plan.colliding)
        stats.papers = self.plan.papers
        stats.duplicates_merged = self.plan.duplicates
        stats.shards = len(self.plan.shards) if self.shard_records is not None else 0
        stats.rejects = self._rejects.kept
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
                self._write_rejects(rejects_path, results)
                self._write_quarantine(quarantine_path, results)
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

    def _write_rejects(self, path: Path | None, results: list[ShardResult]) -> None:
        """Input rejects (in input order), then papers whose extraction failed (in output order)."""
        if path is None or not self.stats.rejected:
            return
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            self._rejects.copy_to(handle)
            for result in results:
                for failure in result.failures:
                    handle.write(reject_line(failure))

    def _write_quarantine(self, path: Path | None, results: list[ShardResult]) -> None:
        tables = [r.quarantine for r in results if r.quarantine is not None and r.quarantine.num_rows]
        if not tables:
            return
        if path is None:
            raise ValueError("claims were quarantined but the run has no quarantine output")
        with ParquetSink(path, tables[0].schema) as sink:
            for quarantine in tables:
                sink.write(quarantine)

    def _build(self, todo: list[Shard], targets, validate: bool, version: str, results: list, store: ShardStore | None) -> None:
        """Extract, validate and write the shards ``todo``, in order, filling in ``results``."""
        stats = self.stats
        with stats.timing("read"):
            self.plan.collect(todo)
        cache = ClaimCache(self.cache_dir) if self.cache_dir is not None else None
        bar = Progress(sum(s.papers for s in todo), enabled=self.progress)
        done = claims = 0
        writer: _ShardWriter | None = None
        try:
            with make_engine(self.engine, self.workers, self.scheduler, read_ahead=READ_AHEAD) as engine:
                for shard, batch, output, last in self._extracted(engine, cache, version, todo, preload=validate):
                    if writer is None:
                        with stats.timing("write"):
                            writer = _ShardWriter(shard, targets(shard), validate)
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
                    if writer.batches == CHUNK_BATCHES or last:
                        self._flush(writer)
                    if last:
                        results[shard.number] = self._close(writer, store)
                        writer = None
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
        finally:
            if cache is not None:
                cache.close()

    def _failed(self, item: _Item, error: str) -> Reject:
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

    def _batches(self, todo: list[Shard]) -> Iterator[tuple[Shard, list[_Item], bool]]:
        """(shard, batch, last batch of the shard?): the papers of the shards ``todo`` in batches of BATCH_PAPERS,
        never across shards (an empty shard gives one empty batch); reading time counts as "read"."""
        plan = self.plan
        source = plan.read(np.concatenate([plan.emitted_in(s) for s in todo]))
        for shard in todo:
            left = shard.papers
            while True:
                with self.stats.timing("read"):
                    batch = []
                    size = min(BATCH_PAPERS, left)
                    for ordinal, path, paper in itertools.islice(source, size):
                        batch.append(_Item(plan.merged(ordinal, paper), path))
                if len(batch) < size:
                    raise InputChanged(f"the inputs changed while they were being read (fewer records than indexed in shard {shard.number}); "
                                       "run again on files that do not change")
                left -= size
                yield shard, batch, left == 0
                if left == 0:
                    break

    def _extracted(self, engine, cache: ClaimCache | None, version: str, todo: list[Shard], preload: bool = False):
        """(shard, batch, its :class:`BatchOutput`, last) for each batch, in input order: the engine's workers make
        the rows, extracting the papers whose claims the cache does not hold; their claims are stored in the cache.

        ``preload``: once the engine has its first batch (a process pool has then started all its
        processes), import the validation engine in a thread, while the batches are extracted.
        The cache is keyed by what the claims were computed from (:func:`extractor_key`), not by the
        hand-bumped version alone.
        """
        cache_key = extractor_key(version) if cache is not None else version
        pending: deque = deque()
        stats = self.stats

        def to_extract() -> Iterator[list[tuple[MergedPaper, str | None]]]:
            first = True
            for shard, batch, last in self._batches(todo):
                keys = [content_key(item.merged.paper) for item in batch]
                hits = cache.get_encoded(cache_key, keys) if cache is not None and keys else {}
                pending.append((shard, batch, keys, len(hits), last))
                yield [(item.merged, hits.get(key)) for item, key in zip(batch, keys)]
                if first and preload:
                    _preload_validation()
                first = False
            if first and preload:
                _preload_validation()

        for output in engine.map_batches(functools.partial(tabulate_batch, version), to_extract()):
            shard, batch, keys, hits, last = pending.popleft()
            stats.cache_hits += hits
            stats.cache_misses += len(batch) - hits
            stats.seconds["extract"] += output.seconds  # measured by the worker that made the output
            if cache is not None:
                cache.put_encoded(cache_key, [(key, text) for key, text in zip(keys, output.fresh) if text is not None])
            output.fresh = []  # stored: not kept with the chunk's rows
            yield shard, batch, output, last

    def _flush(self, writer: _ShardWriter) -> None:
        """Validate (if asked) and write one chunk of a shard."""
        claims = pa.concat_tables([output.claims for output in writer.chunk])
        papers = pa.concat_tables([output.papers for output in writer.chunk])
        if writer.validate:
            with self.stats.timing("validate"):
                claims, quarantine = writer.checker.check(claims, papers)
            if quarantine.num_rows:
                writer.quarantine.append(quarantine)
        with self.stats.timing("write"):
            writer.claims_sink.write(claims)
            writer.papers_sink.write(papers)
        writer.chunk, writer.batches = [], 0

    def _close(self, writer: _ShardWriter, store: ShardStore | None) -> ShardResult:
        """Finish a shard's files and report; store its description in the cache (a build's shards)."""
        with self.stats.timing("write"):
            writer.claims_sink.close()
            writer.papers_sink.close()
        validation = None
        if writer.validate:
            from claimbench.release.shard_validation import shard_validation

            with self.stats.timing("validate"):
                validation = shard_validation(writer.checker.finish())
        quarantine = pa.concat_tables(writer.quarantine) if writer.quarantine else None
        shard = writer.shard
        result = ShardResult(shard.key, shard.papers - len(writer.failures), writer.claims, {}, writer.failures, validation, quarantine)
        if store is not None and validation is not None:
            with self.stats.timing("write"):
                result.files = {table: sha256_file(path) for table, path in writer.targets.items()}
                store.put(result)
        return result


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
