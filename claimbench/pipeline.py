"""The steps of a run: read and index -> merge duplicates -> extract (cached) -> validate -> write, streamed.

Memory does not grow with the corpus beyond a compact index (about 20 bytes
a record, plus the copies of papers read more than once, and 8 bytes an id
for the uniqueness checks). The inputs are read in passes:

1. **index**: every input is read once, record by record; bad records are
   rejected here (``on_error="fail"``: the first one stops the run before
   anything is written), and each good record leaves its paper id, a 64-bit
   hash of its abstract and the abstract's length in a
   :class:`~claimbench.extract.dedup.DedupIndex`. After this pass the
   number of papers is known (progress shows the time left).
2. **copies** (only when some title was read more than once): the inputs
   are read again and the copies of those papers noted (source, metadata),
   which decides, for each, the abstract kept (the majority) and the copy
   that carries it.
3. **extract and write**: the inputs are read a third time; each paper is
   emitted where it was read (a merged paper where its kept copy was read),
   in batches of :data:`BATCH_PAPERS`. For each batch, papers whose content
   (title and abstract) and extractor version are in the cache
   (:mod:`claimbench.cache`) take their claims from it; the others are
   extracted by the engine (:mod:`claimbench.engines`: in-process, a process
   pool or a Dask cluster), which returns results in input order, and are
   stored in the cache, one transaction a batch. Every :data:`CHUNK_BATCHES`
   batches make a chunk, validated by the expectation suite
   (:class:`~claimbench.validation.stream.ChunkedValidation`) when asked, and
   appended to the Parquet files in row groups of fixed size
   (:class:`~claimbench.table.ParquetSink`).

**Row order** is input order: papers in the order they were read (files in
the order given, a folder's files by name), a merged paper at its kept copy;
a paper's claims by offset. Batches and chunks are cut by paper count in
this process, never by the engine, and results come back in input order, so
the same input and extractor version give byte-identical Parquet whatever
the engine and the number of workers, with or without the cache.

An exception raised while extracting one paper does not stop the run: the
paper is rejected (its ``file:line``, reason ``extraction failed:
<ExceptionType>: message``) and counted among the rejected records, or, with
``on_error="fail"``, the run stops with that message
(:class:`ExtractionFailed`).
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from claimbench.cache import ClaimCache, content_key
from claimbench.engines import default_workers, make_engine
from claimbench.extract import claims as claims_module
from claimbench.extract.claims import extract_claims
from claimbench.extract.dedup import DedupIndex, MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper
from claimbench.extract.readers import EXCERPT_CHARS, InputError, OnError, Reject, expand_inputs, read_records, screen
from claimbench.release import reject_line
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA
from claimbench.table import ParquetSink, batch_tables

__all__ = ["BATCH_PAPERS", "CHUNK_BATCHES", "ExtractionFailed", "Outputs", "Progress", "Run", "RunStats",
           "default_workers", "extract_batch", "read_and_merge"]

BATCH_PAPERS = 256  # papers a batch: the unit the engine maps and the cache stores in one transaction
CHUNK_BATCHES = 100  # batches a chunk: the unit validated and written (25,600 papers)
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
    claims: int = 0
    quarantined: int = 0
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


class Run:
    """One run over ``inputs``: :meth:`read` (the index passes), then :meth:`write` (extract, validate, write).

    ``engine``, ``workers`` and ``scheduler`` choose how extraction is mapped
    (see :func:`claimbench.engines.make_engine`); ``cache_dir`` None means no cache.
    """

    def __init__(self, inputs: Sequence[str | Path], *, on_error: OnError = "fail", engine: str = "local",
                 workers: int | None = 1, scheduler: str | None = None, cache_dir: Path | None = None,
                 progress: bool = True, keep_rejects: bool = False):
        self.inputs = list(inputs)
        self.on_error = on_error
        self.engine, self.workers, self.scheduler = engine, workers, scheduler
        self.cache_dir = cache_dir
        self.progress = progress
        self.stats = RunStats()
        self.files: list[Path] = []
        self.index = DedupIndex()
        self._rejects = _RejectSpool(keep=keep_rejects)
        self._read = False

    # -- passes 1 and 2 ----------------------------------------------------------------------------

    def read(self) -> Run:
        """Index the inputs; the first bad record raises InputError with ``on_error="fail"``."""
        stats = self.stats
        with stats.timing("read"):
            self.files = expand_inputs(self.inputs)
            rejects: list[Reject] = []
            for path in self.files:
                for paper in screen(read_records(path), self.on_error, rejects):
                    self.index.add(paper)
                for reject in rejects:
                    self._rejects.add(reject)
                stats.rejected += len(rejects)
                rejects.clear()
            self.index.finish()
            if self.index.needs_collect:
                for _, paper in self._papers():
                    self.index.collect(paper)
        stats.files = len(self.files)
        stats.records_read = self.index.records + stats.rejected
        stats.papers = self.index.papers
        stats.duplicates_merged = self.index.duplicates
        stats.rejects = self._rejects.kept
        self._read = True
        return self

    def _papers(self) -> Iterator[tuple[Path, Paper]]:
        """The good records again, in the order of the first pass (rejects are already counted)."""
        for path in self.files:
            for item in read_records(path):
                if type(item) is not Reject:
                    yield path, item

    def merged(self) -> Iterator[tuple[Path, MergedPaper]]:
        """The merged papers in output order, with the file of each one's kept copy (after :meth:`read`)."""
        if not self._read:
            raise RuntimeError("Run.read() first")
        for path, paper in self._papers():
            merged = self.index.merged(paper)
            if merged is not None:
                yield path, merged

    # -- pass 3 -----------------------------------------------------------------------------------

    def write(self, outputs: Outputs, validate: bool = False):
        """Extract, validate (``validate=True``), write ``outputs``; returns the validation report or None.

        The caller removes the outputs if this raises.
        """
        if not self._read:
            self.read()
        stats = self.stats
        version = claims_module.EXTRACTOR_VERSION  # looked up now: a test may change it
        rejects_file = None
        if outputs.rejects is not None and stats.rejected:
            rejects_file = self._open_rejects(outputs.rejects)
        checker = None
        if validate:
            with stats.timing("validate"):
                from claimbench.validation.stream import ChunkedValidation  # imports great-expectations: slow

                checker = ChunkedValidation()
        extract_t0 = time.monotonic()
        busy_before = sum(stats.seconds[s] for s in ("read", "validate", "write"))
        claims_sink = ParquetSink(outputs.claims, CLAIMS_SCHEMA)
        papers_sink = ParquetSink(outputs.papers, PAPERS_SCHEMA)
        quarantine_sink: ParquetSink | None = None
        cache = ClaimCache(self.cache_dir) if self.cache_dir is not None else None
        bar = Progress(stats.papers, enabled=self.progress)
        done = 0
        try:
            with make_engine(self.engine, self.workers, self.scheduler) as engine:
                chunk: list[tuple[MergedPaper, list[Claim]]] = []
                batches = 0
                for results in self._extracted(engine, cache, version):
                    for item, result in results:
                        if isinstance(result, str):
                            reject = self._failed(item, result)
                            if rejects_file is None and outputs.rejects is not None:
                                rejects_file = self._open_rejects(outputs.rejects)
                            if rejects_file is not None:
                                rejects_file.write(reject_line(reject.to_dict()))
                        else:
                            chunk.append((item.merged, result))
                            stats.claims += len(result)
                    done += len(results)
                    bar.update(done, stats.claims, stats.cache_hits)
                    batches += 1
                    if batches == CHUNK_BATCHES:
                        quarantine_sink = self._flush(chunk, version, checker, claims_sink, papers_sink, quarantine_sink, outputs)
                        chunk, batches = [], 0
                if chunk or batches:
                    quarantine_sink = self._flush(chunk, version, checker, claims_sink, papers_sink, quarantine_sink, outputs)
            with stats.timing("write"):
                for sink in (claims_sink, papers_sink, quarantine_sink):
                    if sink is not None:
                        sink.close()
        except BaseException:
            for sink in (claims_sink, papers_sink, quarantine_sink):
                if sink is not None:
                    sink.abort()
            raise
        finally:
            if rejects_file is not None:
                rejects_file.close()
            if cache is not None:
                cache.close()
            self._rejects.close()
            busy = sum(stats.seconds[s] for s in ("read", "validate", "write")) - busy_before
            stats.seconds["extract"] += time.monotonic() - extract_t0 - busy
        report = None
        if checker is not None:
            with stats.timing("validate"):
                report = checker.finish()
            stats.quarantined = report.quarantined_rows
        return report

    def _open_rejects(self, path: Path):
        handle = open(path, "w", encoding="utf-8", newline="\n")
        self._rejects.copy_to(handle)
        return handle

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

    def _batches(self) -> Iterator[list[_Item]]:
        """The merged papers in batches of BATCH_PAPERS; reading time counts as "read"."""
        source = self.merged()
        while True:
            with self.stats.timing("read"):
                batch = []
                for path, merged in source:
                    batch.append(_Item(merged, path))
                    if len(batch) == BATCH_PAPERS:
                        break
            if not batch:
                return
            yield batch

    def _extracted(self, engine, cache: ClaimCache | None, version: str) -> Iterator[list[tuple[_Item, list[Claim] | str]]]:
        """Each batch with every paper's claims (or error), from the cache or the engine, in input order."""
        pending: deque = deque()
        stats = self.stats

        def to_extract() -> Iterator[list[Paper]]:
            for batch in self._batches():
                keys = [content_key(item.merged.paper) for item in batch]
                hits = cache.get_many(version, keys) if cache is not None else {}
                pending.append((batch, keys, hits))
                yield [item.merged.paper for item, key in zip(batch, keys) if key not in hits]

        for results in engine.map_batches(extract_batch, to_extract()):
            batch, keys, hits = pending.popleft()
            fresh = iter(results)
            out, new = [], []
            for item, key in zip(batch, keys):
                if key in hits:
                    out.append((item, hits[key]))
                    continue
                result = next(fresh)
                out.append((item, result))
                if not isinstance(result, str):
                    new.append((key, result))
            stats.cache_hits += len(hits)
            stats.cache_misses += len(batch) - len(hits)
            if cache is not None and new:
                cache.put_many(version, new)
            yield out

    def _flush(self, chunk, version, checker, claims_sink, papers_sink, quarantine_sink, outputs):
        """Validate (if asked) and write one chunk; returns the quarantine sink (opened at the first quarantined row)."""
        claims, papers = batch_tables(chunk, version)
        if checker is not None:
            with self.stats.timing("validate"):
                claims, quarantine = checker.check(claims, papers)
            if quarantine.num_rows:
                if outputs.quarantine is None:
                    raise ValueError("claims were quarantined but the run has no quarantine output")
                with self.stats.timing("write"):
                    if quarantine_sink is None:
                        quarantine_sink = ParquetSink(outputs.quarantine, quarantine.schema)
                    quarantine_sink.write(quarantine)
        with self.stats.timing("write"):
            claims_sink.write(claims)
            papers_sink.write(papers)
        return quarantine_sink


def read_and_merge(inputs: Sequence[str | Path], stats: RunStats, on_error: OnError = "fail") -> tuple[list[Path], list[MergedPaper]]:
    """Read every input and merge papers read more than once, in memory (for small inputs and tests).

    ``on_error="fail"``: the first bad record raises InputError (``file:line: reason``).
    ``on_error="skip"``: bad records are kept in ``stats.rejects`` and counted in ``stats.rejected``.
    Papers come sorted by paper_id, like :func:`~claimbench.extract.dedup.merge_duplicates`.
    """
    run = Run(inputs, on_error=on_error, progress=False, keep_rejects=True)
    run.stats = stats
    run.read()
    merged = sorted((m for _, m in run.merged()), key=lambda m: m.paper.paper_id)
    return run.files, merged
