"""What a run counts, and how long each step took (:class:`RunStats`); the progress line it prints (:class:`Progress`).

Each step adds to the figures it owns: the index step (:mod:`claimbench.run.index`) the files,
records, papers, duplicates and rejects; the extract step (:mod:`claimbench.run.extract`) the
cache hits, papers extracted and failures; the write step (:mod:`claimbench.run.write`) the claims,
shards and quarantined rows. Times: ``read``, ``validate`` and ``write`` are the time this process
spent in each; ``extract`` is the time the workers spent making rows, measured where each batch
was made and summed.
"""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from claimbench.extract.readers import Reject

STAGES = ("read", "extract", "validate", "write")


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
