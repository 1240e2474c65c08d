"""Build a release: extract, validate, choose the version, write the folder, streaming.

Versioning rules (see README, "Versions"): a schema change is a major
version; new papers or changed extraction a minor one; a change to the card
or documentation only, a patch. ``build`` without ``--version`` picks the
next version from what changed, and writes nothing when the data is
byte-identical to the newest release.

The tables are streamed into a temporary folder of ``releases_dir``
(:func:`claimbench.release.writer.stage`) while they are extracted and validated,
in shards (:mod:`claimbench.release.layout`, :mod:`claimbench.run.plan`); a shard the
newest release already holds, under the same key, is copied from it instead
(:mod:`claimbench.cache.shards`), so a rebuild after adding papers costs about the
new papers. The version is chosen from the sha256 of the Parquet files
written there, and the folder is completed and renamed to ``vX.Y.Z`` only at
the end (:func:`claimbench.release.writer.finish_release`). A build that fails or is
killed leaves no release folder; an up-to-date build leaves nothing at all.
"""
from __future__ import annotations

import copy
import functools
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimbench import __version__
from claimbench.analysis.changelog import refuse_link, write_changelog
from claimbench.analysis.report import write_report
from claimbench.cache.claims import default_cache_dir
from claimbench.cache.shards import Reuse, ShardStore
from claimbench.corpus import seed_dir
from claimbench.errors import ClaimbenchError
from claimbench.extract import claims as claims_module
from claimbench.release.layout import shard_path
from claimbench.release.versioning import next_version, releases_in
from claimbench.release.writer import ReleaseExistsError, finish_release, parse_date, parse_version, sha256_file, stage, staged_card, staged_facts
from claimbench.run.pipeline import SHARD_RECORDS, Run
from claimbench.run.stats import RunStats

DEFAULT_CACHE = "default"  # build(cache_dir=...): the default place, beside the releases folder


class ValidationFailed(ClaimbenchError, RuntimeError):
    """The claims table failed table-level expectations: no release is written (exit 1: the build ran)."""

    exit_code = 1


@dataclass
class BuildResult:
    path: Path | None  # the release written, or None when up to date
    version: str
    up_to_date: bool
    stats: RunStats
    validation_summary: str


def gold_evaluation(extractor_version: str) -> dict[str, dict]:
    """The card's evaluation: the spec scorer's figures of the extractor run on each shipped gold set
    (set name -> figures). They describe the extractor, whatever the inputs, so every card has them;
    computed once a process for an extractor version and the gold files' contents (about a second)."""
    from claimbench.corpus import gold_files

    return copy.deepcopy(dict(_gold_evaluation(extractor_version, tuple((p, p.read_bytes()) for p in gold_files()))))


@functools.lru_cache(maxsize=4)
def _gold_evaluation(extractor_version: str, gold: tuple[tuple[Path, bytes], ...]) -> tuple:
    from claimbench.analysis.evaluate import evaluate_sets  # imports pint

    return tuple((s.name, s.result) for s in evaluate_sets([path for path, _ in gold]))


def build(
    inputs: Sequence[str | Path] | None,
    releases_dir: Path,
    version: str | None = None,
    workers: int | None = 1,
    progress: bool = True,
    date: str | None = None,
    on_error: str = "fail",
    *,
    engine: str = "local",
    scheduler: str | None = None,
    cache_dir: Path | str | None = DEFAULT_CACHE,
    report_page: bool = True,
    shard_records: int | None = None,
) -> BuildResult:
    """Build a release from ``inputs`` (default: the built-in corpus) into ``releases_dir``.

    ``on_error="skip"``: bad input records (and papers whose extraction raised) are left
    out and listed in the release's rejects.jsonl. ``cache_dir``: the cache of extractions,
    input indexes and shard descriptions (default ``.claimbench-cache`` beside
    ``releases_dir``; None: no cache, and no shard of the newest release reused).
    ``report_page``: put the HTML report (and its screenshot, when Chromium is installed)
    under report/. ``shard_records``: input records a shard at most (default
    :data:`~claimbench.run.pipeline.SHARD_RECORDS`; tests make it small).
    """
    releases_dir = Path(releases_dir)
    if date is not None:
        parse_date(date)  # a bad date fails before the work, naming option and value
    refuse_link(releases_dir / "CHANGELOG.md")  # found before the work, not after it (write_changelog refuses it too)
    if version is not None:
        version = parse_version(version)
        if (releases_dir / f"v{version}").exists():  # fail before the work, not after it
            raise ReleaseExistsError(f"release {releases_dir / ('v' + version)} already exists; releases are never overwritten")
    if cache_dir == DEFAULT_CACHE:
        cache_dir = default_cache_dir(releases_dir)
    cache_dir = Path(cache_dir) if cache_dir is not None else None
    run = Run(inputs or [seed_dir()], on_error=on_error, engine=engine, workers=workers, scheduler=scheduler,
              cache_dir=cache_dir, progress=progress, shard_records=shard_records or SHARD_RECORDS)
    run.read()  # a bad input stops the build here, before anything is written
    stats = run.stats
    tmp = stage(releases_dir)
    try:
        existing = releases_in(releases_dir)
        reuse = Reuse(existing[-1][1], ShardStore(cache_dir)) if existing and cache_dir is not None else None
        report, results = run.write_shards(tmp, reuse)
        if not report.success:
            raise ValidationFailed("the claims table failed validation; no release written\n" + report.summary_text())
        count = len(results)
        shards = [{"papers": r.papers, "claims": r.claims,
                   "files": {table: shard_path(table, i, count) for table in ("claims", "papers")}}
                  for i, r in enumerate(results)]
        known = {shard_path(table, i, count): sha for i, r in enumerate(results) for table, sha in r.files.items()}
        with stats.timing("write"):
            # The shards' files only (rejects and quarantine are hashed once, when the release is finished).
            hashes = {rel: known.get(rel) or sha256_file(tmp / rel) for rel in sorted(f for s in shards for f in s["files"].values())}
        evaluation = gold_evaluation(claims_module.EXTRACTOR_VERSION)
        about = dict(inputs=list(run.files), validation=report.to_dict(), extractor_version=claims_module.EXTRACTOR_VERSION,
                     builder_version=__version__, evaluation=evaluation)
        if version is None:
            def card_for(v: str, d: str) -> str:  # the card this build would write, were it release v of date d
                return staged_card(tmp, staged_facts(tmp, v, d, **about))[0]

            version, up_to_date = next_version(releases_dir, hashes, card_text_for=card_for)
            if up_to_date:
                shutil.rmtree(tmp, ignore_errors=True)
                return BuildResult(None, version, True, stats, report.summary_text())
        with stats.timing("write"):
            path = finish_release(tmp, releases_dir, version, date=date, report=write_report if report_page else None, shards=shards,
                                  known_hashes={**known, **hashes}, **about)
            write_changelog(releases_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(path, parse_version(version), False, stats, report.summary_text())
