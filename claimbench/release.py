"""Write one release of the dataset: a Hugging Face dataset repository folder ``releases/vX.Y.Z``.

::

    releases/v1.0.0/
      README.md               dataset card (claimbench.card)
      data/claims.parquet     config "claims" (default)
      data/papers.parquet     config "papers"
      data/quarantine.parquet rows that failed row-level validation, when there are any
      rejects.jsonl           input records rejected, when there are any
      validation/report.json  the validation report
      MANIFEST.json           versions, date, row counts, sha256 of every file and input

A release is never overwritten. It is written into a temporary sibling
folder and renamed into place at the end, so the final path holds either a
complete release or nothing. The same tables give byte-identical Parquet.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
from datetime import date as Date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimbench.card import ReleaseFacts, card_text
from claimbench.corpus import seed_dir
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION

REPO_ROOT = Path(__file__).resolve().parents[1]

# Fixed Parquet options: together with the same pyarrow, the same table gives the same bytes.
PARQUET_OPTIONS = dict(
    version="2.6",
    compression="zstd",
    compression_level=9,
    row_group_size=1_000_000,
    data_page_version="1.0",
    write_statistics=True,
    store_schema=True,
    write_page_index=False,
)
# Low-cardinality string columns, dictionary-encoded on disk (leaf paths: a list's strings are "<col>.list.element").
DICTIONARY_COLUMNS = ("unit", "unit_canonical", "metric", "qualifier", "change", "extractor_version", "categories.list.element")

_VERSION = re.compile(r"v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


class ReleaseExistsError(FileExistsError):
    """The release folder already exists; releases are never overwritten."""


def parse_version(version: str) -> str:
    """The version as "X.Y.Z", from "X.Y.Z" or "vX.Y.Z"; anything else is a ValueError.

    >>> parse_version("v1.2.0")
    '1.2.0'
    >>> parse_version("../x")
    Traceback (most recent call last):
    ...
    ValueError: version must be X.Y.Z or vX.Y.Z (digits only, no leading zeros), got '../x'
    """
    match = _VERSION.fullmatch(version)
    if not match:
        raise ValueError(f"version must be X.Y.Z or vX.Y.Z (digits only, no leading zeros), got {version!r}")
    return ".".join(match.groups())


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
) -> Path:
    """Write release ``version`` under ``releases_dir`` and return its folder.

    ``write_release(Path("releases"), "1.0.0", claims, papers, [seed], report,
    extractor_version="0.1.0", builder_version="0.1.0")`` returns
    ``Path("releases/v1.0.0")``. Raises ReleaseExistsError if that folder exists.
    """
    number = parse_version(version)
    day = Date.fromisoformat(date).isoformat() if date else datetime.now(timezone.utc).date().isoformat()
    releases_dir = Path(releases_dir)
    final = releases_dir / f"v{number}"
    _refuse_existing(final)
    releases_dir.mkdir(parents=True, exist_ok=True)
    tmp = releases_dir / f".tmp-v{number}-{secrets.token_hex(8)}"
    tmp.mkdir()  # unlike tempfile.mkdtemp, keeps the umask's permissions, which the release inherits
    try:
        facts = ReleaseFacts(
            version=number,
            date=day,
            extractor_version=extractor_version,
            builder_version=builder_version,
            inputs=tuple(input_entry(Path(p)) for p in inputs),
            builtin_corpus=any(_is_inside(Path(p), seed_dir()) for p in inputs),
            quarantine_rows=quarantine.num_rows if quarantine is not None else 0,
            rejected=len(rejects or ()),
            validation_success=validation.get("success"),
            evaluation=evaluation,
        )
        _fill(tmp, facts, claims, papers, quarantine, rejects or [], validation)
        _move_into_place(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _refuse_existing(final: Path) -> None:
    if os.path.lexists(final):
        raise ReleaseExistsError(f"release {final} already exists; releases are never overwritten")


def _move_into_place(tmp: Path, final: Path) -> None:
    """Rename the finished folder to its final name; a folder that appeared meanwhile is kept."""
    _refuse_existing(final)
    try:
        os.rename(tmp, final)
    except OSError as err:
        if os.path.lexists(final):
            raise ReleaseExistsError(f"release {final} already exists; releases are never overwritten") from err
        raise


def _fill(folder: Path, facts: ReleaseFacts, claims: pa.Table, papers: pa.Table,
          quarantine: pa.Table | None, rejects: list[dict], validation: dict) -> None:
    """Write every file of the release into ``folder``, the manifest last."""
    claims, papers = conform(claims, CLAIMS_SCHEMA), conform(papers, PAPERS_SCHEMA)
    (folder / "data").mkdir()
    (folder / "validation").mkdir()
    write_parquet(claims, folder / "data" / "claims.parquet")
    write_parquet(papers, folder / "data" / "papers.parquet")
    if facts.quarantine_rows:
        write_parquet(quarantine, folder / "data" / "quarantine.parquet")
    if rejects:
        _write_text(folder / "rejects.jsonl", "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rejects))
    _write_text(folder / "validation" / "report.json", _json(validation))
    _write_text(folder / "README.md", card_text(facts, claims, papers))
    manifest = _manifest(facts, claims.num_rows, papers.num_rows, file_hashes(folder))
    _write_text(folder / "MANIFEST.json", _json(manifest))


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` cast to ``schema`` (field metadata included); its columns must be the schema's, in order.

    >>> conform(pa.table({"a": [1]}), pa.schema([("a", pa.int32())])).schema.field("a").type
    DataType(int32)
    """
    if table.schema.names != schema.names:
        raise ValueError(f"table columns {table.schema.names} differ from the schema's {schema.names}")
    return table.cast(schema)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write ``table`` with the fixed options: the same rows give the same bytes, however chunked.

    pandas metadata, if any, is dropped; the footer names the pyarrow version
    (``created_by``), so bytes match between runs of the same pyarrow.
    """
    metadata = {k: v for k, v in (table.schema.metadata or {}).items() if k != b"pandas"}
    table = table.replace_schema_metadata(metadata or None).combine_chunks()
    present = set(table.schema.names)
    dictionary = [c for c in DICTIONARY_COLUMNS if c.split(".")[0] in present]
    pq.write_table(table, path, use_dictionary=dictionary, **PARQUET_OPTIONS)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(folder: Path) -> dict[str, str]:
    """{posix relative path: sha256} of every file under ``folder`` except MANIFEST.json."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in files if p.relative_to(folder).as_posix() != "MANIFEST.json"}


def input_entry(path: Path) -> dict:
    """The manifest entry of one input file: its path relative to the repository if inside it, else its name.

    For corpus/seeds/000_1ab15dee3ca9e80c.txt: ``{"path": "corpus/seeds/000_1ab15dee3ca9e80c.txt",
    "sha256": "...", "bytes": ...}``.
    """
    shown = path.resolve().relative_to(REPO_ROOT).as_posix() if _is_inside(path, REPO_ROOT) else path.name
    return {"path": shown, "sha256": sha256_file(path), "bytes": path.stat().st_size}


def _is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _manifest(facts: ReleaseFacts, n_claims: int, n_papers: int, files: dict[str, str]) -> dict:
    return {
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
