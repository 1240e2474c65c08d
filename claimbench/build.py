"""Build a release: extract, validate, choose the version, write the folder.

Versioning rules (see README, "Versions"): a schema change is a major
version; new papers or changed extraction a minor one; a change to the card
or documentation only, a patch. ``build`` without ``--version`` picks the
next version from what changed, and writes nothing when the data is
byte-identical to the newest release.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pyarrow as pa

from claimbench import __version__
from claimbench.corpus import dev_gold, seed_dir, seed_files
from claimbench.evaluate import evaluate_table
from claimbench.extract.claims import EXTRACTOR_VERSION
from claimbench.pipeline import RunStats, run
from claimbench.release import ReleaseExistsError, parse_version, write_parquet, write_release
from claimbench.schemas import SCHEMA_VERSION


class ValidationFailed(RuntimeError):
    """The claims table failed table-level expectations: no release is written."""


@dataclass
class BuildResult:
    path: Path | None  # the release written, or None when up to date
    version: str
    up_to_date: bool
    stats: RunStats
    validation_summary: str


def releases_in(releases_dir: Path) -> list[tuple[tuple[int, int, int], Path]]:
    """Existing releases, oldest first, as ((major, minor, patch), folder)."""
    found = []
    if releases_dir.is_dir():
        for folder in releases_dir.iterdir():
            try:
                version = parse_version(folder.name)
            except ValueError:
                continue
            if folder.is_dir() and folder.name.startswith("v") and (folder / "MANIFEST.json").is_file():
                found.append((tuple(int(x) for x in version.split(".")), folder))
    return sorted(found)


def _parquet_sha256(table: pa.Table) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.parquet"
        write_parquet(table, path)
        return hashlib.sha256(path.read_bytes()).hexdigest()


def next_version(releases_dir: Path, claims: pa.Table, papers: pa.Table) -> tuple[str, bool]:
    """(version, up_to_date) for these tables, given the releases already written.

    No release yet: 0.1.0. Same data as the newest: its version, up to date.
    Another schema version: next major. Otherwise: next minor.
    """
    existing = releases_in(releases_dir)
    if not existing:
        return "0.1.0", False
    (major, minor, _), folder = existing[-1]
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    if manifest.get("schema_version") != SCHEMA_VERSION:
        return f"{major + 1}.0.0", False
    files = manifest.get("files", {})
    same = files.get("data/claims.parquet") == _parquet_sha256(claims) and files.get("data/papers.parquet") == _parquet_sha256(papers)
    if same:
        return f"{major}.{minor}.{existing[-1][0][2]}", True
    return f"{major}.{minor + 1}.0", False


def _uses_builtin_corpus(files: Sequence[Path]) -> bool:
    """True when the input is exactly the built-in corpus (so the dev gold's papers are all in it)."""
    return sorted(f.resolve() for f in files) == sorted(f.resolve() for f in seed_files())


def build(
    inputs: Sequence[str | Path] | None,
    releases_dir: Path,
    version: str | None = None,
    workers: int = 1,
    progress: bool = True,
    date: str | None = None,
    on_error: str = "fail",
) -> BuildResult:
    """Build a release from ``inputs`` (default: the built-in corpus) into ``releases_dir``.

    ``on_error="skip"``: bad input records are left out and listed in the release's rejects.jsonl.
    """
    from claimbench.validation import validate_tables  # imports great-expectations: slow, so only here

    if version is not None:
        version = parse_version(version)
        if (releases_dir / f"v{version}").exists():  # fail before the work, not after it
            raise ReleaseExistsError(f"release {releases_dir / ('v' + version)} already exists; releases are never overwritten")
    files, claims, papers, stats = run(inputs or [seed_dir()], workers=workers, progress=progress, on_error=on_error)
    report = validate_tables(claims, papers)
    if not report.success:
        raise ValidationFailed("the claims table failed validation; no release written\n" + report.summary_text())
    valid = report.valid_claims
    if version is None:
        version, up_to_date = next_version(releases_dir, valid, papers)
        if up_to_date:
            return BuildResult(None, version, True, stats, report.summary_text())
    version = parse_version(version)
    evaluation = None
    if _uses_builtin_corpus(files):
        figures, _ = evaluate_table(valid, dev_gold())
        evaluation = {"gold": "corpus/gold/dev.jsonl", **figures}
    path = write_release(
        releases_dir,
        version,
        valid,
        papers,
        inputs=list(files),
        validation=report.to_dict(),
        quarantine=report.quarantine,
        rejects=[r.to_dict() for r in stats.rejects],
        extractor_version=EXTRACTOR_VERSION,
        builder_version=__version__,
        evaluation=evaluation,
        date=date,
    )
    return BuildResult(path, version, False, stats, report.summary_text())
