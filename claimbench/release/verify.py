"""Check a release folder against its MANIFEST.json and the dataset's schemas.

``verify_release(Path("releases/v1.0.0"))`` returns ``[]`` for an intact
release, else one sentence per problem, e.g.
``["data/claims-00000-of-00001.parquet: sha256 3f2a9c01d4e5... (52114 bytes) does not match MANIFEST.json's
'files.data/claims-00000-of-00001.parquet' 9b0c7e11aa42..."]``.
Releases of both layouts (:mod:`claimbench.release.layout`: shards, or one file a table up to v0.7.0) are checked.

What is checked, in order: the manifest is UTF-8 JSON, not nested past reading, with no key twice in
one object (:func:`claimbench.release.layout.load_manifest`); its structure, every key present with a value
of its type (:func:`claimbench.release.layout.manifest_problems`; a manifest that fails either is reported
alone, nothing else can be read from it); its version names the folder; every file it lists is
there with its sha256 (a file of another size or other bytes fails), and no file is there
unlisted; its list of shards names each shard file listed (shard ``i`` of ``n`` at ``i``, both
tables), and every shard file listed is in it; each shard's papers and claims agree with its files'
rows, and the tables' rows with ``row_counts``; the schema of each table.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.parquet as pq

from claimbench.release.layout import (
    MANIFEST,
    SHARDED_TABLES,
    ManifestError,
    data_files_pattern,
    is_shard_file,
    load_manifest,
    manifest_problems,
    relative,
    shard_path,
    shard_problems,
    table_files,
)
from claimbench.release.writer import parse_version, sha256_file
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION, claims_schema

TABLES = {"claims": CLAIMS_SCHEMA, "papers": PAPERS_SCHEMA, "quarantine": None}


def verify_release(path: Path) -> list[str]:
    """Every problem found in the release at ``path``; an empty list means it is intact."""
    folder = Path(path)
    manifest, problems = _read_manifest(folder)
    if manifest is None:
        return problems
    files = manifest["files"]
    return (
        _version_problems(folder, manifest)
        + _checksum_problems(folder, files)
        + _unlisted_problems(folder, files)
        + _shard_list_problems(folder, manifest)
        + _row_count_problems(folder, manifest["row_counts"])
        + _schema_problems(folder, manifest["schema_version"])
    )


def _read_manifest(folder: Path) -> tuple[dict | None, list[str]]:
    """(the manifest, []) when it is sound; else (None, what is wrong with it, each naming the key at fault)."""
    if not (folder / MANIFEST).is_file():
        return None, [f"{folder}: MANIFEST.json is missing"]
    try:
        manifest = load_manifest(folder / MANIFEST)
    except ManifestError as err:
        return None, [f"MANIFEST.json: {err.problem}"]
    except OSError as err:
        return None, [f"MANIFEST.json: cannot be read ({err.strerror or err})"]
    problems = manifest_problems(manifest)
    if problems:
        return None, [f"MANIFEST.json: {problem}" for problem in problems]
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
            problems.append(f"{rel}: sha256 {actual[:12]}... ({(folder / rel).stat().st_size} bytes) does not match "
                            f"MANIFEST.json's 'files.{rel}' {str(expected)[:12]}...")
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


def _shard_list_problems(folder: Path, manifest: dict) -> list[str]:
    """The manifest's ``shards`` (when it has one) against its ``files`` and the files on disk: shard ``i`` of ``n`` names
    ``data/<table>-0000i-of-0000n.parquet`` of both tables, each listed in ``files``; every shard file that ``files``
    lists is in ``shards``; each shard's papers are its papers file's rows, its claims (found, quarantined ones
    included) at least its claims file's rows; and they add up to ``row_counts``."""
    if "shards" not in manifest:
        return []  # releases up to v0.7.0, and those written by release.write_release, have no list of shards
    files = manifest["files"]
    listed = sorted(rel for rel in files if is_shard_file(rel))
    shards, problems, named = manifest["shards"], [], set()
    for i, entry in enumerate(shards):
        counted = {}  # table -> rows of the shard's file (read only from the path it must have)
        for table in SHARDED_TABLES:
            rel, expected = entry["files"][table], shard_path(table, i, len(shards))
            named.add(rel)
            if rel != expected:
                problems.append(f"MANIFEST.json: key 'shards[{i}].files.{table}': {rel!r}, expected {expected!r} "
                                f"(shard {i} of {len(shards)})")
            elif rel not in files:
                problems.append(f"MANIFEST.json: key 'shards[{i}].files.{table}': {rel} is not listed in 'files'")
            elif (folder / rel).is_file():
                counted[table] = _num_rows(folder / rel)
        papers, claims = counted.get("papers"), counted.get("claims")
        if isinstance(papers, int) and papers != entry["papers"]:
            problems.append(f"{entry['files']['papers']}: {papers} rows, MANIFEST.json's shards[{i}].papers counts {entry['papers']}")
        if isinstance(claims, int) and claims > entry["claims"]:
            problems.append(f"{entry['files']['claims']}: {claims} rows, more than the {entry['claims']} claims "
                            f"MANIFEST.json's shards[{i}].claims counts")
    for rel in listed:
        if rel not in named:
            problems.append(f"MANIFEST.json: key 'files.{rel}': a shard file missing from the list 'shards'")
    counts = manifest["row_counts"]
    if shards and sum(e["papers"] for e in shards) != counts["papers"]:
        problems.append(f"MANIFEST.json: key 'shards': its papers add up to {sum(e['papers'] for e in shards)}, "
                        f"row_counts.papers counts {counts['papers']}")
    if shards and sum(e["claims"] for e in shards) != counts["claims"] + counts["quarantine"]:
        problems.append(f"MANIFEST.json: key 'shards': its claims add up to {sum(e['claims'] for e in shards)}, "
                        f"row_counts counts {counts['claims']} claims and {counts['quarantine']} quarantined")
    return problems


def _row_count_problems(folder: Path, row_counts: dict) -> list[str]:
    """Each table's rows (over its shards) against the manifest's counts; shards must make a complete set."""
    problems = []
    for name in TABLES:
        files, expected = table_files(folder, name, check=False), row_counts.get(name)
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
    claims, papers = (len(table_files(folder, name, check=False)) for name in ("claims", "papers"))
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
        for path in table_files(folder, name, check=False):
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
