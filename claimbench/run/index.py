"""The index step: every input file indexed (or its index taken from the cache), its rejects screened, the run planned.

Each file is read once, record by record (:func:`claimbench.cache.inputs.index_file`), or not at
all when the input index (:class:`~claimbench.cache.inputs.IndexStore`) holds the index of its
bytes. Bad records are screened here: with ``on_error="fail"`` the first one raises its
:class:`~claimbench.extract.readers.InputError` before anything is written; with ``"skip"`` they
go to the run's rejects, in file order. Then the :class:`~claimbench.run.plan.Plan` merges papers
read more than once and cuts the records into shards; a record whose paper id collided with that of
a different title is a reject like any other, placed among its file's rejects by line.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claimbench.cache.inputs import IndexStore, index_file
from claimbench.extract import claims as claims_module
from claimbench.extract.readers import OnError, Reject, expand_inputs, screen
from claimbench.release import table as table_module
from claimbench.run import extract as extract_step
from claimbench.run import write as write_step
from claimbench.run.plan import Plan, fingerprint
from claimbench.run.stats import RunStats
from claimbench.run.write import RejectSpool


def index_inputs(inputs: Sequence[str | Path], *, on_error: OnError, cache_dir: Path | None, shard_records: int | None,
                 stats: RunStats, spool: RejectSpool) -> tuple[list[Path], Plan]:
    """(the input files, the run's plan); the rejects go to ``spool`` and the counts to ``stats``.

    ``shard_records`` None: one shard (``extract``); else records a shard at most, and each shard's
    key also names the settings that decide its bytes (batch, chunk and row-group sizes).
    """
    with stats.timing("read"):
        files = expand_inputs(inputs)
        store = IndexStore(cache_dir) if cache_dir is not None else None
        indexes = []
        file_rejects: list[list[Reject]] = []  # each file's rejects (on_error="skip"), in file order
        for path in files:
            index = store.index(path) if store is not None else index_file(path)
            rejects: list[Reject] = []
            for _ in screen(index.rejects, on_error, rejects):
                pass
            file_rejects.append(rejects)
            indexes.append(index)
        key = ""
        if shard_records is not None:
            settings = (extract_step.BATCH_PAPERS * write_step.CHUNK_BATCHES, table_module.ROW_GROUP_ROWS, sorted(table_module.PARQUET_OPTIONS.items()))
            key = fingerprint(claims_module.EXTRACTOR_VERSION, settings)
        plan = Plan(files, indexes, shard_records, key)
        # A record whose paper id collided with that of another title is a reject like any other
        # (on_error="fail": the run stops at the first), placed among its file's rejects by line.
        collided = plan.collision_rejects() if plan.colliding else {}
        for number, rejects in collided.items():
            for _ in screen(rejects, on_error, file_rejects[number]):
                pass
            file_rejects[number].sort(key=lambda r: (r.line is not None, r.line or 0))
        for rejects in file_rejects:
            for reject in rejects:
                spool.add(reject)
        if store is not None:
            store.save()  # once the inputs are accepted
    stats.rejected += sum(len(r) for r in file_rejects) - len(plan.colliding)  # rejected by the readers
    stats.files = len(files)
    stats.records_read = plan.records + stats.rejected
    stats.rejected += len(plan.colliding)
    stats.papers = plan.papers
    stats.duplicates_merged = plan.duplicates
    stats.shards = len(plan.shards) if shard_records is not None else 0
    stats.rejects = spool.kept
    return files, plan
