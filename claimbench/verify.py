"""Check a release folder against its MANIFEST.json and the dataset's schemas.

``verify_release(Path("releases/v1.0.0"))`` returns ``[]`` for an intact
release, else one sentence per problem, e.g.
``["data/claims-00000-of-00001.parquet: sha256 3f2a9c01d4e5... does not match the manifest's 9b0c7e11aa42..."]``.
Releases of both layouts (:mod:`claimbench.layout`: shards, or one file a table up to v0.7.0) are checked.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.parquet as pq

from claimbench.layout import data_files_pattern, relative, shard_problems, table_files
from claimbench.release import parse_version, sha256_file
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION, claims_schema

TABLES = {"claims": CLAIMS_SCHEMA, "papers": PAPERS_SCHEMA, "quarantine": None}


def verify_release(path: Path) -> list[str]:
    """Every problem found in the release at ``path``; an empty list means it is intact."""
    folder = Path(path)
    manifest, problems = _read_manifest(folder)
    if manifest is None:
        return problems
    files = manifest.get("files")
    if not isinstance(files, dict):
        return ["MANIFEST.json: 'files' is missing or not an object"]
    return (
        _version_problems(folder, manifest)
        + _checksum_problems(folder, files)
        + _unlisted_problems(folder, files)
        + _row_count_problems(folder, manifest.get("row_counts") or {})
        + _schema_problems(folder, manifest.get("schema_version"))
    )


def _read_manifest(folder: Path) -> tuple[dict | None, list[str]]:
    try:
        manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [f"{folder}: MANIFEST.json is missing"]
    except (ValueError, OSError) as err:
        return None, [f"MANIFEST.json does not parse: {err}"]
    if not isinstance(manifest, dict):
        return None, ["MANIFEST.json is not a JSON object"]
    return manifest, []


def _version_problems(folder: Path, manifest: dict) -> list[str]:
    """The manifest's version must be valid and name the folder.

    >>> _version_problems(Path("releases/v1.0.0"), {"version": "1.0.1"})
    ["MANIFEST.json: version '1.0.1' does not match the folder name 'v1.0.0'"]
    """
    version = manifest.get("version")
    try:
        number = parse_version(version) if isinstance(version, str) else None
    except ValueError:
        number = None
    if number is None or f"v{number}" != folder.name or version != number:
        return [f"MANIFEST.json: version {version!r} does not match the folder name {folder.name!r}"]
    return []


def _checksum_problems(folder: Path, files: dict) -> list[str]:
    problems = []
    for rel, expected in sorted(files.items()):
        if not _is_safe(rel):
            problems.append(f"MANIFEST.json: listed path {rel!r} points outside the release")
        elif not (folder / rel).is_file():
            problems.append(f"{rel}: listed in MANIFEST.json but missing")
        elif (actual := sha256_file(folder / rel)) != expected:
            problems.append(f"{rel}: sha256 {actual[:12]}... does not match the manifest's {str(expected)[:12]}...")
    return problems


def _is_safe(rel: str) -> bool:
    """A manifest path stays inside the release.

    >>> _is_safe("data/claims.parquet"), _is_safe("../x"), _is_safe("/etc/passwd")
    (True, False, False)
    """
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel


def _unlisted_problems(folder: Path, files: dict) -> list[str]:
    present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    unlisted = [rel for rel in present if rel not in files and not _unlisted_by_design(rel)]
    return [f"{rel}: present but not listed in MANIFEST.json" for rel in unlisted]


def _unlisted_by_design(rel: str) -> bool:
    """The manifest itself, and the git files a clone of the Hub repository carries.

    >>> _unlisted_by_design(".git/HEAD"), _unlisted_by_design("data/x.parquet")
    (True, False)
    """
    return rel in ("MANIFEST.json", ".gitattributes") or rel.startswith(".git/")


def _row_count_problems(folder: Path, row_counts: dict) -> list[str]:
    """Each table's rows (over its shards) against the manifest's counts; shards must make a complete set."""
    problems = []
    for name in TABLES:
        files, expected = table_files(folder, name), row_counts.get(name)
        shown = relative(folder, files[0]) if len(files) == 1 else data_files_pattern(name)
        if not files:
            if expected or name != "quarantine":
                problems.append(f"data/{name}.parquet: missing (nor any {data_files_pattern(name)} shard), manifest counts {expected} rows")
            continue
        problems += shard_problems(folder, name)
        counts = [_num_rows(p) for p in files]
        actual = next((c for c in counts if isinstance(c, str)), None) or sum(counts)
        if actual != expected:
            problems.append(f"{shown}: {actual} rows, manifest counts {expected}")
    claims, papers = (len(table_files(folder, name)) for name in ("claims", "papers"))
    if claims and papers and claims != papers:
        problems.append(f"data/: {claims} claims files but {papers} papers files (shard i of both holds the same papers)")
    return problems


def _num_rows(path: Path) -> int | str:
    try:
        return pq.read_metadata(path).num_rows
    except (pa.ArrowException, OSError) as err:
        return f"unreadable ({err})"


def expected_schemas(schema_version: object) -> dict[str, pa.Schema | None]:
    """The schema each table must have in a release of ``schema_version`` (its manifest's): a release
    of an older schema is checked against the columns it was written with; an unknown or missing
    version, against the current schema.

    >>> "metric_phrase" in expected_schemas(1)["claims"].names, "metric_phrase" in expected_schemas(None)["claims"].names
    (False, True)
    """
    known = isinstance(schema_version, int) and not isinstance(schema_version, bool) and 1 <= schema_version <= SCHEMA_VERSION
    return {**TABLES, "claims": claims_schema(schema_version) if known else CLAIMS_SCHEMA}


def _schema_problems(folder: Path, schema_version: object = SCHEMA_VERSION) -> list[str]:
    problems = []
    for name, schema in expected_schemas(schema_version).items():
        if schema is None:
            continue
        for path in table_files(folder, name):
            rel = relative(folder, path)
            try:
                found = pq.read_schema(path)
            except (pa.ArrowException, OSError) as err:
                problems.append(f"{rel}: schema unreadable ({err})")
                continue
            problems += [f"{rel}: {p}" for p in schema_differences(found, schema)]
    return problems


def schema_differences(found: pa.Schema, expected: pa.Schema) -> list[str]:
    """How ``found`` differs from ``expected`` in field names, order and types.

    >>> schema_differences(pa.schema([("a", pa.int64())]), pa.schema([("a", pa.int32()), ("b", pa.string())]))
    ["column 'a' is int64, expected int32", "columns ['a'] differ from the expected ['a', 'b']"]
    """
    types = dict(zip(found.names, found.types))
    problems = [
        f"column {f.name!r} is {types[f.name]}, expected {f.type}"
        for f in expected
        if f.name in types and types[f.name] != f.type
    ]
    if found.names != expected.names:
        problems.append(f"columns {found.names} differ from the expected {expected.names}")
    return problems
