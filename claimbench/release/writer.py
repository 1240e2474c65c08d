"""Write one release of the dataset: a Hugging Face dataset repository folder ``releases/vX.Y.Z``.

::

    releases/v1.0.0/
      README.md                            dataset card (claimbench.release.card)
      data/claims-00000-of-00002.parquet   config "claims" (default), in shards (claimbench.release.layout)
      data/claims-00001-of-00002.parquet
      data/papers-00000-of-00002.parquet   config "papers": shard i holds the papers of claims shard i
      data/papers-00001-of-00002.parquet
      data/quarantine.parquet              rows that failed row-level validation, when there are any
      rejects.jsonl                        input records rejected, when there are any
      validation/report.json               the validation report
      MANIFEST.json                        versions, date, row counts, sha256 of every file and input,
                                           and the rows and files of each shard

A release is never overwritten. It is written into a temporary sibling
folder (``.tmp-<pid>-<random>``: the build streams its Parquet files there,
see :func:`stage`) and renamed into place at the end (:func:`finish_release`),
so the final path holds either a complete release or nothing. A temporary
folder left by a killed build is never read as a release (its name is not
``vX.Y.Z``) and is removed by the next build in the same folder once its
process is gone. The same tables give byte-identical Parquet.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path

import pyarrow as pa

from claimbench.corpus import seed_dir
from claimbench.errors import ClaimbenchError, UsageError
from claimbench.release.card import ReleaseFacts, card_text
from claimbench.release.layout import num_rows, read_table, shard_path, single_path
from claimbench.release.table import DICTIONARY_COLUMNS, PARQUET_OPTIONS, ParquetSink, conform, write_parquet  # noqa: F401 (re-exported)
from claimbench.release.versioning import parse_version
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION

# Draws the HTML report of a release folder into a folder: (release, out) -> anything. The writer
# takes it as an argument so that writing a release does not depend on the analysis package.
DrawReport = Callable[[Path, Path], object]


_TEMP = re.compile(r"\.tmp-(\d+)-[0-9a-f]+")


class ReleaseExistsError(ClaimbenchError, FileExistsError):
    """The release folder already exists; releases are never overwritten."""


def parse_date(date: str) -> str:
    """A release date as YYYY-MM-DD, from an ISO date; anything else (or a year before 1970) is a ValueError
    naming the option and the value.

    >>> parse_date("2026-12-07")
    '2026-12-07'
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: --date must be an ISO date YYYY-MM-DD from 1970 on, got '2026-02-30'
    """
    try:
        day = Date.fromisoformat(date)
    except (TypeError, ValueError):
        day = None
    if day is None or day.year < 1970 or len(date) != 10:
        raise UsageError(f"--date must be an ISO date YYYY-MM-DD from 1970 on, got {date[:40]!r}")
    return day.isoformat()


def write_release(
    releases_dir: Path,
    version: str,
    claims: pa.Table,
    papers: pa.Table,
    inputs: list[Path],
    validation: dict,
    quarantine: pa.Table | None = None,
    rejects: list[dict] | None = None,
    *,
    extractor_version: str,
    builder_version: str,
    evaluation: dict | None = None,
    date: str | None = None,
    report: DrawReport | None = None,
) -> Path:
    """Write release ``version`` of whole tables under ``releases_dir`` and return its folder.

    ``write_release(Path("releases"), "1.0.0", claims, papers, [seed], report,
    extractor_version="0.1.0", builder_version="0.1.0")`` returns
    ``Path("releases/v1.0.0")``. Raises ReleaseExistsError if that folder exists.
    (A build streams its tables instead: :func:`stage`, then :func:`finish_release`.)
    """
    number = parse_version(version)
    releases_dir = Path(releases_dir)
    _refuse_existing(releases_dir / f"v{number}")
    tmp = stage(releases_dir)
    try:
        claims, papers = conform(claims, CLAIMS_SCHEMA), conform(papers, PAPERS_SCHEMA)
        write_parquet(claims, tmp / shard_path("claims", 0, 1))
        write_parquet(papers, tmp / shard_path("papers", 0, 1))
        if quarantine is not None and quarantine.num_rows:
            write_parquet(quarantine, tmp / single_path("quarantine"))
        if rejects:
            _write_text(tmp / "rejects.jsonl", "".join(reject_line(r) for r in rejects))
        return finish_release(tmp, releases_dir, number, inputs=inputs, validation=validation,
                              extractor_version=extractor_version, builder_version=builder_version,
                              evaluation=evaluation, date=date, report=report)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def reject_line(reject: dict) -> str:
    """One line of a rejects file.

    >>> reject_line({"source": "a.jsonl:3", "reason": "record has no title"})
    '{"reason": "record has no title", "source": "a.jsonl:3"}\\n'
    """
    return json.dumps(reject, sort_keys=True, ensure_ascii=False) + "\n"


def stage(releases_dir: Path) -> Path:
    """A new temporary folder under ``releases_dir`` (with ``data/`` in it) for a release being written.

    Temporary folders of builds whose process is gone are removed first.
    """
    releases_dir = Path(releases_dir)
    releases_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp(releases_dir)
    tmp = releases_dir / f".tmp-{os.getpid()}-{secrets.token_hex(8)}"
    tmp.mkdir()  # unlike tempfile.mkdtemp, keeps the umask's permissions, which the release inherits
    (tmp / "data").mkdir()
    return tmp


def remove_stale_temp(folder: Path) -> list[Path]:
    """Remove the ``.tmp-<pid>-<hex>`` folders (or files) of processes no longer running; returns them.

    Names of another form, and those of live processes (a build running now), are left alone.
    """
    removed = []
    for entry in Path(folder).glob(".tmp-*"):
        match = _TEMP.fullmatch(entry.name)
        if match and not _alive(int(match.group(1))):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def finish_release(
    tmp: Path,
    releases_dir: Path,
    version: str,
    *,
    inputs: list[Path],
    validation: dict,
    extractor_version: str,
    builder_version: str,
    evaluation: dict | None = None,
    date: str | None = None,
    report: DrawReport | None = None,
    shards: list[dict] | None = None,
    known_hashes: dict[str, str] | None = None,
) -> Path:
    """Complete a staged folder (its ``data/*.parquet`` and ``rejects.jsonl`` written) and rename it to ``vX.Y.Z``.

    Writes validation/report.json, the card and the manifest, then (``report``: a function
    ``report(release_folder, out_folder)`` such as
    :func:`claimbench.analysis.report.write_report`) the HTML report under report/
    and the manifest again so that it lists it, then renames. ``shards``: the manifest's list of shards
    (rows and files of each); ``known_hashes``: sha256 of files already hashed (release-relative
    path -> hex), not read again. The caller removes ``tmp`` if this raises.
    """
    number = parse_version(version)
    final = Path(releases_dir) / f"v{number}"
    _refuse_existing(final)
    facts = staged_facts(tmp, number, date, inputs=inputs, validation=validation, extractor_version=extractor_version,
                         builder_version=builder_version, evaluation=evaluation)
    (tmp / "validation").mkdir(exist_ok=True)
    _write_text(tmp / "validation" / "report.json", _json(validation))
    card, n_claims, n_papers = staged_card(tmp, facts)
    _write_text(tmp / "README.md", card)
    _write_text(tmp / "MANIFEST.json", _json(_manifest(facts, n_claims, n_papers, file_hashes(tmp, known_hashes), shards)))
    if report is not None and n_claims <= REPORT_MAX_CLAIMS:
        report(tmp, tmp / "report")
        _write_text(tmp / "MANIFEST.json", _json(_manifest(facts, n_claims, n_papers, file_hashes(tmp, known_hashes), shards)))
    _move_into_place(tmp, final)
    return final


# A release's HTML report holds every claim (about 700 bytes each): above this many (a 14 MB
# page), none is written; `claimbench report` still draws one on demand.
REPORT_MAX_CLAIMS = 20_000


def staged_facts(
    tmp: Path,
    version: str,
    date: str | None,
    *,
    inputs: list[Path],
    validation: dict,
    extractor_version: str,
    builder_version: str,
    evaluation: dict | None = None,
) -> ReleaseFacts:
    """What the card and manifest say about a staged folder, were it release ``version`` of ``date``."""
    day = parse_date(date) if date else datetime.now(UTC).date().isoformat()
    rejects = tmp / "rejects.jsonl"
    return ReleaseFacts(
        version=parse_version(version),
        date=day,
        extractor_version=extractor_version,
        builder_version=builder_version,
        inputs=tuple(input_entry(Path(p)) for p in inputs),
        builtin_corpus=any(_is_inside(Path(p), seed_dir()) for p in inputs),
        quarantine_rows=num_rows(tmp, "quarantine"),
        rejected=_count_lines(rejects) if rejects.is_file() else 0,
        validation_success=validation.get("success"),
        evaluation=evaluation,
    )


def staged_card(tmp: Path, facts: ReleaseFacts) -> tuple[str, int, int]:
    """(card text, claims, papers) of a staged folder. The card needs the counts and the
    metric column only: just that is read, whatever the size."""
    claims = read_table(tmp, "claims", columns=["metric"])
    papers = read_table(tmp, "papers", columns=["paper_id"])
    return card_text(facts, claims, papers), claims.num_rows, papers.num_rows


def _count_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))


def _refuse_existing(final: Path) -> None:
    if os.path.lexists(final):
        raise ReleaseExistsError(f"release {final} already exists; releases are never overwritten")


def sync_tree(folder: Path) -> None:
    """fsync every file under ``folder``, then every folder, deepest first: a power loss after the rename that
    publishes it cannot leave empty files in it."""
    folders = [folder]
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            continue
        if path.is_dir():
            folders.append(path)
        else:
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        sync_folder(path)


def sync_folder(folder: Path) -> None:
    """fsync a folder (its entries: names created or renamed in it)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _move_into_place(tmp: Path, final: Path) -> None:
    """Rename the finished folder to its final name, its bytes on disk first; a folder that appeared meanwhile is kept."""
    _refuse_existing(final)
    sync_tree(tmp)
    try:
        os.rename(tmp, final)
        sync_folder(final.parent)  # the rename itself
    except OSError as err:
        if os.path.lexists(final):
            raise ReleaseExistsError(f"release {final} already exists; releases are never overwritten") from err
        raise


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(folder: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """{posix relative path: sha256} of every file under ``folder`` except MANIFEST.json
    (``known``: hashes already computed, by relative path, taken as they are)."""
    known = known or {}
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return {rel: known.get(rel) or sha256_file(folder / rel) for rel in files if rel != "MANIFEST.json"}


def input_entry(path: Path) -> dict:
    """The manifest entry of one input file: {"path", "sha256", "bytes"}.

    The path shown is ``corpus/seeds/NAME`` for a file of the built-in corpus (wherever the package is
    installed), else the path relative to the working directory when the file is inside it, else its
    name: the manifest never records where the package or the user's home is.
    For the built-in corpus's first dump: ``{"path": "corpus/seeds/000_1ab15dee3ca9e80c.txt",
    "sha256": "...", "bytes": ...}``.
    """
    return {"path": shown_path(path), "sha256": sha256_file(path), "bytes": path.stat().st_size}


def shown_path(path: Path) -> str:
    """How a manifest names an input file (see :func:`input_entry`).

    >>> from claimbench.corpus import seed_files
    >>> shown_path(seed_files()[0])
    'corpus/seeds/000_1ab15dee3ca9e80c.txt'
    """
    if path.resolve().parent == seed_dir().resolve():
        return f"corpus/seeds/{path.name}"
    here = Path.cwd()
    return path.resolve().relative_to(here.resolve()).as_posix() if _is_inside(path, here) else path.name


def _is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _manifest(facts: ReleaseFacts, n_claims: int, n_papers: int, files: dict[str, str], shards: list[dict] | None = None) -> dict:
    extra = {"shards": shards} if shards is not None else {}
    return {
        **extra,
        "name": "claimbench",
        "version": facts.version,
        "date": facts.date,
        "builder_version": facts.builder_version,
        "extractor_version": facts.extractor_version,
        "schema_version": SCHEMA_VERSION,
        "row_counts": {"claims": n_claims, "papers": n_papers, "quarantine": facts.quarantine_rows},
        "files": files,
        "inputs": list(facts.inputs),
        "validation": {"success": facts.validation_success},
    }


def _json(obj: object) -> str:
    return json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
