"""The extract step: the batches a run feeds its engine, and what the engine's workers run on each.

:func:`batches` cuts the papers of the shards to make into batches of :data:`BATCH_PAPERS`
(never across shards), reading each record again from its file; :func:`extracted` asks the
claims cache for each batch's papers, has the engine map :func:`tabulate_batch` over the batches
(in input order, at most :data:`READ_AHEAD` a worker queued), and stores the new claims in the
cache. :func:`tabulate_batch` runs in the workers: it extracts the papers the cache does not hold
(:func:`extract_batch`) and makes the batch's rows as Arrow tables, and says how long that took.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from claimbench.cache.claims import ClaimCache, content_key, decode_claims, encode_claims
from claimbench.extract.claims import extract_claims
from claimbench.extract.dedup import InputChanged, MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper
from claimbench.release.table import batch_tables
from claimbench.run.plan import Plan, Shard
from claimbench.run.stats import RunStats

BATCH_PAPERS = 256  # papers a batch: the unit the engine maps and the cache stores in one transaction
READ_AHEAD = 16  # batches a worker may have queued (4,096 papers, about 2 s of work): enough for the workers to go on while a chunk is validated and written


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


@dataclass
class Item:
    """A merged paper on its way to extraction, with the file of its kept copy (named by a reject)."""

    merged: MergedPaper
    path: Path  # the file of its kept copy, for a reject


def batches(plan: Plan, todo: list[Shard], stats: RunStats) -> Iterator[tuple[Shard, list[Item], bool]]:
    """(shard, batch, last batch of the shard?): the papers of the shards ``todo`` in batches of BATCH_PAPERS,
    never across shards (an empty shard gives one empty batch); reading time counts as "read"."""
    source = plan.read(np.concatenate([plan.emitted_in(s) for s in todo]))
    for shard in todo:
        left = shard.papers
        while True:
            with stats.timing("read"):
                batch = []
                size = min(BATCH_PAPERS, left)
                for ordinal, path, paper in itertools.islice(source, size):
                    batch.append(Item(plan.merged(ordinal, paper), path))
            if len(batch) < size:
                raise InputChanged(f"the inputs changed while they were being read (fewer records than indexed in shard {shard.number}); "
                                   "run again on files that do not change")
            left -= size
            yield shard, batch, left == 0
            if left == 0:
                break


def extracted(engine, cache: ClaimCache | None, version: str, plan: Plan, todo: list[Shard], stats: RunStats,
              preload: bool = False):
    """(shard, batch, its :class:`BatchOutput`, last) for each batch, in input order: the engine's workers make
    the rows, extracting the papers whose claims the cache does not hold; their claims are stored in the cache.

    ``preload``: once the engine has its first batch (a process pool has then started all its
    processes), import the validation engine in a thread, while the batches are extracted.
    The cache is keyed by what the claims were computed from (:func:`extractor_key`), not by the
    hand-bumped version alone.
    """
    cache_key = extractor_key(version) if cache is not None else version
    pending: deque = deque()

    def to_extract() -> Iterator[list[tuple[MergedPaper, str | None]]]:
        first = True
        for shard, batch, last in batches(plan, todo, stats):
            keys = [content_key(item.merged.paper) for item in batch]
            hits = cache.get_encoded(cache_key, keys) if cache is not None and keys else {}
            pending.append((shard, batch, keys, len(hits), last))
            yield [(item.merged, hits.get(key)) for item, key in zip(batch, keys)]
            if first and preload:
                preload_validation()
            first = False
        if first and preload:
            preload_validation()

    for output in engine.map_batches(functools.partial(tabulate_batch, version), to_extract()):
        shard, batch, keys, hits, last = pending.popleft()
        stats.cache_hits += hits
        stats.cache_misses += len(batch) - hits
        stats.seconds["extract"] += output.seconds  # measured by the worker that made the output
        if cache is not None:
            cache.put_encoded(cache_key, [(key, text) for key, text in zip(keys, output.fresh) if text is not None])
        output.fresh = []  # stored: not kept with the chunk's rows
        yield shard, batch, output, last


def preload_validation() -> None:
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
