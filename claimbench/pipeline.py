"""The steps of a run: read -> merge duplicates -> extract -> tables.

Each step keeps counters that the run reports at the end. Extraction maps
the pure function :func:`~claimbench.extract.claims.extract_claims` over
papers; how it is mapped (one process or a pool) is the executor's business,
never the extractor's.
"""
from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pyarrow as pa

from claimbench.extract.claims import EXTRACTOR_VERSION, extract_claims
from claimbench.extract.dedup import MergedPaper, merge_duplicates
from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper
from claimbench.extract.readers import OnError, Reject, expand_inputs, read_records, screen
from claimbench.table import build_tables


@dataclass
class RunStats:
    """Counters and timings of one run, printed as its summary."""

    files: int = 0
    records_read: int = 0  # every record met, rejected ones included: records_read = papers + duplicates_merged + rejected
    papers: int = 0
    duplicates_merged: int = 0
    rejected: int = 0
    claims: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    # The rejected records themselves (on_error="skip"), in input order.
    rejects: list[Reject] = field(default_factory=list, repr=False)

    def summary(self) -> str:
        """One line per figure, then the accounting of records.

        >>> print(RunStats(files=1, records_read=4, papers=2, duplicates_merged=1, rejected=1, claims=4).summary())
        files read:         1
        records read:       4
        records rejected:   1
        duplicates merged:  1
        papers:             2
        claims:             4
        accounting:         4 records read = 2 papers + 1 duplicates merged + 1 rejected
        """
        lines = [
            f"files read:         {self.files}",
            f"records read:       {self.records_read}",
            f"records rejected:   {self.rejected}",
            f"duplicates merged:  {self.duplicates_merged}",
            f"papers:             {self.papers}",
            f"claims:             {self.claims}",
            f"accounting:         {self.records_read} records read = {self.papers} papers + "
            f"{self.duplicates_merged} duplicates merged + {self.rejected} rejected",
        ]
        lines += [f"time {stage + ':':<14}{secs:.2f} s" for stage, secs in self.seconds.items()]
        return "\n".join(lines)


class Progress:
    """Prints papers/s, claims found and time left to stderr, at most once a second."""

    def __init__(self, total: int, enabled: bool = True, stream=sys.stderr):
        self.total, self.enabled, self.stream = total, enabled, stream
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, claims: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 1.0 and done < self.total):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        left = (self.total - done) / rate if rate else 0.0
        self.stream.write(f"\rextract: {done}/{self.total} papers, {claims} claims, {rate:,.0f} papers/s, {left:.0f} s left ")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def read_and_merge(
    inputs: Sequence[str | Path], stats: RunStats, on_error: OnError = "fail"
) -> tuple[list[Path], list[MergedPaper]]:
    """Read every input and merge papers read more than once.

    ``on_error="fail"``: the first bad record raises InputError (``file:line: reason``).
    ``on_error="skip"``: bad records are kept in ``stats.rejects`` and counted in ``stats.rejected``.
    """
    t0 = time.monotonic()
    files = expand_inputs(inputs)
    papers: list[Paper] = []
    rejects: list[Reject] = []
    for path in files:
        papers.extend(screen(read_records(path), on_error, rejects))
    merged = merge_duplicates(papers)
    stats.files = len(files)
    stats.records_read = len(papers) + len(rejects)
    stats.papers = len(merged)
    stats.duplicates_merged = len(papers) - len(merged)
    stats.rejected = len(rejects)
    stats.rejects = rejects
    stats.seconds["read"] = time.monotonic() - t0
    return files, merged


def _extract_chunk(papers: list[Paper]) -> list[list[Claim]]:
    return [extract_claims(p) for p in papers]


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def extract_all(
    merged: Sequence[MergedPaper], workers: int = 1, progress: bool = True, chunk_size: int = 500
) -> tuple[dict[str, list[Claim]], float]:
    """Claims of every paper, keyed by paper_id; the same whatever ``workers`` is."""
    t0 = time.monotonic()
    papers = [m.paper for m in merged]
    bar = Progress(len(papers), enabled=progress)
    results: dict[str, list[Claim]] = {}
    found = 0
    runner: Callable
    if workers > 1 and len(papers) > chunk_size:
        pool = ProcessPoolExecutor(max_workers=workers)
        runner = pool.map
    else:
        pool, runner = None, map
    try:
        done = 0
        chunks = list(_chunks(papers, chunk_size))
        for chunk, claims in zip(chunks, runner(_extract_chunk, chunks)):
            for paper, paper_claims in zip(chunk, claims):
                results[paper.paper_id] = paper_claims
                found += len(paper_claims)
            done += len(chunk)
            bar.update(done, found)
    finally:
        if pool is not None:
            pool.shutdown()
    return results, time.monotonic() - t0


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    inputs: Sequence[str | Path], workers: int = 1, progress: bool = True, *, on_error: OnError = "fail"
) -> tuple[list[Path], pa.Table, pa.Table, RunStats]:
    """Read, merge, extract: (input files, claims table, papers table, stats).

    Rejected input records (``on_error="skip"``) are in ``stats.rejects``.
    """
    stats = RunStats()
    files, merged = read_and_merge(inputs, stats, on_error=on_error)
    claims_by_paper, secs = extract_all(merged, workers=workers, progress=progress)
    stats.seconds["extract"] = secs
    t0 = time.monotonic()
    claims, papers = build_tables(merged, claims_by_paper, EXTRACTOR_VERSION)
    stats.seconds["tables"] = time.monotonic() - t0
    stats.claims = claims.num_rows
    return files, claims, papers, stats
