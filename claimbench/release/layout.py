"""Where a release keeps its tables: the one place that knows the names of the data files.

Since v0.8.0 the ``claims`` and ``papers`` tables are sharded, Hugging Face style:
``data/claims-00000-of-00002.parquet``, ``data/claims-00001-of-00002.parquet`` and
``data/papers-0000i-of-00002.parquet`` beside them, shard ``i`` of both tables holding the
same papers (whole papers, in input order). Rows that failed validation are in one file,
``data/quarantine.parquet``, when there are any. Releases up to v0.7.0 keep each table in one
file, ``data/claims.parquet``: every reader (:func:`table_files`, :func:`read_table`) takes
both layouts.

Every reader of a release reads its ``MANIFEST.json`` through :func:`read_manifest`, which
checks its structure (:func:`manifest_problems`: keys, types, nesting) and raises
:class:`ManifestError` naming the file and the key, never a traceback; :func:`table_files`
also checks that every data file it lists is there.

>>> shard_path("claims", 0, 2)
'data/claims-00000-of-00002.parquet'
>>> [p.name for p in table_files(Path("releases/v0.7.0"), "claims")]
['claims.parquet']
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from claimbench.errors import ClaimbenchError

TABLES = ("claims", "papers", "quarantine")
SHARDED_TABLES = ("claims", "papers")
_SHARD = re.compile(r"(?P<table>[a-z]+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.parquet")


def shard_path(table: str, index: int, count: int) -> str:
    """The release-relative path of shard ``index`` of ``count`` of ``table``."""
    return f"data/{table}-{index:05d}-of-{count:05d}.parquet"


def single_path(table: str) -> str:
    """The release-relative path of a table kept in one file (quarantine; any table before v0.8.0)."""
    return f"data/{table}.parquet"


def data_files_pattern(table: str) -> str:
    """The ``data_files`` pattern of a config in the dataset card.

    >>> data_files_pattern("claims"), data_files_pattern("quarantine")
    ('data/claims-*.parquet', 'data/quarantine.parquet')
    """
    return f"data/{table}-*.parquet" if table in SHARDED_TABLES else single_path(table)


def table_files(folder: Path, table: str, check: bool = True) -> list[Path]:
    """The Parquet files of ``table`` in release ``folder``, in row order; [] when it has none.

    The shards ``data/<table>-NNNNN-of-MMMMM.parquet`` (sorted) if there are any, else
    ``data/<table>.parquet`` if it exists. ``check`` (for every reader but ``verify``, which
    lists each problem itself): a release's manifest must be sound (:func:`read_manifest`) and
    every file of ``table`` it lists must be there.
    """
    data = Path(folder) / "data"
    if check:
        _check_listed(Path(folder), table)
    shards = sorted(p for p in data.glob(f"{table}-*-of-*.parquet") if _is_shard_of(p.name, table))
    if shards:
        return shards
    single = data / f"{table}.parquet"
    return [single] if single.is_file() else []


def _check_listed(folder: Path, table: str) -> None:
    """Every file of ``table`` that the release's MANIFEST.json lists is there: a release missing a shard (or its
    whole data/ folder) is an error naming what is missing, never read as if what is left were all of it. A
    manifest that is not sound raises :class:`ManifestError` (:func:`read_manifest`)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return  # not a release folder (a claims file's folder, a staging folder being written)
    files = read_manifest(folder)["files"]
    listed = [rel for rel in data_entries(files, (table,))]
    missing = [rel for rel in listed if not (folder / rel).is_file()]
    if missing:
        raise FileNotFoundError(
            f"release {folder} is incomplete: {', '.join(str(folder / m) for m in missing[:5])}{' ...' if len(missing) > 5 else ''} "
            f"listed in MANIFEST.json {'is' if len(missing) == 1 else 'are'} missing")
    unlisted = sorted(p.name for p in (folder / "data").glob(f"{table}-*-of-*.parquet")
                      if _is_shard_of(p.name, table) and f"data/{p.name}" not in files)
    if unlisted:  # it would be read with the listed ones, as if it were part of the release
        shown = ", ".join(f"data/{name}" for name in unlisted[:5]) + (" ..." if len(unlisted) > 5 else "")
        raise ManifestError(folder / MANIFEST, f"key 'files' does not list {shown}, which {'is' if len(unlisted) == 1 else 'are'} "
                                               "in the release's data/ folder: an unlisted shard is not read as part of the release")


# --- the manifest --------------------------------------------------------------------------------------------------

MANIFEST = "MANIFEST.json"


class ManifestError(ClaimbenchError, ValueError):
    """A release's MANIFEST.json that cannot be read as a manifest; ``problem`` says why, naming the key at fault."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = Path(path), problem


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        twice = next(key for key in keys if keys.count(key) > 1)
        raise ValueError(f"key {twice!r} appears twice in one object")
    return dict(pairs)


def load_manifest(path: Path) -> object:
    """The JSON value of the manifest file ``path``, parsed but not checked (see :func:`manifest_problems`).

    Raises :class:`ManifestError` when it is not UTF-8, not JSON, nested too deeply to read or holds a key
    twice in one object (readers could take either value); OSError when it cannot be read.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, MANIFEST).write_text("[" * 100_000 + "]" * 100_000)
    ...     load_manifest(Path(tmp, MANIFEST))
    Traceback (most recent call last):
    ...
    claimbench.release.layout.ManifestError: ...MANIFEST.json: not a manifest: its JSON is nested too deeply to read
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ManifestError(path, f"not UTF-8 text (byte 0x{data[err.start]:02X} at offset {err.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except RecursionError:
        raise ManifestError(path, "not a manifest: its JSON is nested too deeply to read") from None
    except json.JSONDecodeError as err:
        raise ManifestError(path, f"not JSON ({err.msg} at line {err.lineno} column {err.colno})") from None
    except ValueError as err:  # a key twice, a number too long to read
        raise ManifestError(path, f"not a manifest ({err})") from None


def read_manifest(folder: Path) -> dict:
    """The manifest of release ``folder``, parsed and checked (:func:`load_manifest`, :func:`manifest_problems`):
    raises :class:`ManifestError` naming the file and the first key at fault.

    >>> read_manifest(Path("releases/v0.7.0"))["row_counts"]
    {'claims': 418, 'papers': 263, 'quarantine': 0}
    """
    path = Path(folder) / MANIFEST
    manifest = load_manifest(path)
    problems = manifest_problems(manifest)
    if problems:
        more = f" (and {len(problems) - 1} more: `claimbench verify` lists them)" if len(problems) > 1 else ""
        raise ManifestError(path, problems[0] + more)
    return manifest


_TEXT_KEYS = ("name", "version", "date", "builder_version", "extractor_version")
_TABLE_COUNTS = ("claims", "papers", "quarantine")


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages.

    >>> _kind(None), _kind(True), _kind(3), _kind(2.5), _kind("x"), _kind([]), _kind({})
    ('null', 'a boolean', 'a number', 'a number', 'a string', 'an array', 'an object')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {str: "a string", list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def manifest_problems(manifest: object) -> list[str]:
    """What is wrong with the structure of a parsed manifest, each naming its key (``files``, ``row_counts.claims``,
    ``shards[0].files.papers``): a key missing, a value of the wrong type, a count that is not a whole number >= 0,
    a sha256 that is not 64 hex digits. [] for a sound one. Whether it agrees with the files on disk is
    :func:`claimbench.release.verify.verify_release`'s to check.

    >>> manifest_problems([])
    ['not a manifest: its JSON is an array, not an object']
    >>> good = read_manifest(Path("releases/v0.7.0"))
    >>> manifest_problems({**good, "files": [], "version": 1, "row_counts": {"claims": None, "papers": 1}})
    ["key 'version': expected a string, found a number", "key 'row_counts.claims': expected a whole number >= 0, found null", "key 'row_counts.quarantine' is missing", "key 'files': expected an object (release file -> sha256), found an array"]
    """
    if not isinstance(manifest, dict):
        return [f"not a manifest: its JSON is {_kind(manifest)}, not an object"]
    problems: list[str] = []

    def need(key: str, value: object, ok: bool, expected: str) -> bool:
        if not ok:
            problems.append(f"key {key!r}: expected {expected}, found {_kind(value)}")
        return ok

    def present(container: dict, key: str, path: str) -> bool:
        if key not in container:
            problems.append(f"key {path!r} is missing")
            return False
        return True

    for key in _TEXT_KEYS:
        if present(manifest, key, key):
            need(key, manifest[key], isinstance(manifest[key], str), "a string")
    if present(manifest, "schema_version", "schema_version"):
        value = manifest["schema_version"]
        need("schema_version", value, type(value) is int, "a whole number")
    if present(manifest, "row_counts", "row_counts"):
        counts = manifest["row_counts"]
        if need("row_counts", counts, isinstance(counts, dict), "an object (table -> rows)"):
            for table in _TABLE_COUNTS:
                if present(counts, table, f"row_counts.{table}"):
                    need(f"row_counts.{table}", counts[table], _is_count(counts[table]), "a whole number >= 0")
    if present(manifest, "files", "files"):
        files = manifest["files"]
        if need("files", files, isinstance(files, dict), "an object (release file -> sha256)"):
            for rel, sha in files.items():
                if not _is_sha256(sha):
                    problems.append(f"key 'files.{rel}': expected a sha256 (64 hex digits), found "
                                    + (f"{sha[:20]!r}" if isinstance(sha, str) else _kind(sha)))
    if present(manifest, "inputs", "inputs"):
        inputs = manifest["inputs"]
        if need("inputs", inputs, isinstance(inputs, list), "an array (of inputs)"):
            for i, item in enumerate(inputs):
                key = f"inputs[{i}]"
                if not need(key, item, isinstance(item, dict), "an object (path, bytes, sha256)"):
                    continue
                for name, ok, expected in (("path", isinstance(item.get("path"), str), "a string"),
                                           ("bytes", _is_count(item.get("bytes")), "a whole number >= 0"),
                                           ("sha256", _is_sha256(item.get("sha256")), "a sha256 (64 hex digits)")):
                    if present(item, name, f"{key}.{name}"):
                        need(f"{key}.{name}", item[name], ok, expected)
    if present(manifest, "validation", "validation"):
        validation = manifest["validation"]
        if need("validation", validation, isinstance(validation, dict), "an object") and present(validation, "success", "validation.success"):
            need("validation.success", validation["success"], isinstance(validation["success"], bool), "a boolean")
    if "shards" in manifest:
        problems += _shards_problems(manifest["shards"])
    return problems


def _shards_problems(shards: object) -> list[str]:
    """What is wrong with the structure of a manifest's ``shards``: an array of {papers, claims, files: {claims, papers}}."""
    if not isinstance(shards, list):
        return [f"key 'shards': expected an array (of shards), found {_kind(shards)}"]
    problems = []
    for i, entry in enumerate(shards):
        key = f"shards[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"key {key!r}: expected an object (papers, claims, files), found {_kind(entry)}")
            continue
        for name in ("papers", "claims"):
            if name not in entry:
                problems.append(f"key '{key}.{name}' is missing")
            elif not _is_count(entry[name]):
                problems.append(f"key '{key}.{name}': expected a whole number >= 0, found {_kind(entry[name])}")
        files = entry.get("files")
        if "files" not in entry:
            problems.append(f"key '{key}.files' is missing")
        elif not isinstance(files, dict):
            problems.append(f"key '{key}.files': expected an object (claims, papers -> release file), found {_kind(files)}")
        else:
            for table in SHARDED_TABLES:
                if table not in files:
                    problems.append(f"key '{key}.files.{table}' is missing")
                elif not isinstance(files[table], str):
                    problems.append(f"key '{key}.files.{table}': expected a string, found {_kind(files[table])}")
            for extra in sorted(set(files) - set(SHARDED_TABLES)):
                problems.append(f"key '{key}.files.{extra}': not a table of a shard (claims, papers)")
    return problems


def _is_shard_of(name: str, table: str) -> bool:
    match = _SHARD.fullmatch(name)
    return bool(match) and match.group("table") == table


def is_shard_file(path: str) -> bool:
    """True for a shard's file (``data/<table>-NNNNN-of-NNNNN.parquet``), by its name.

    >>> is_shard_file("data/claims-00000-of-00002.parquet"), is_shard_file("data/claims.parquet")
    (True, False)
    """
    return bool(_SHARD.fullmatch(Path(path).name))


def shard_problems(folder: Path, table: str) -> list[str]:
    """What is wrong with the set of shards of ``table``: a missing shard, a count that disagrees.

    >>> shard_problems(Path("releases/v0.7.0"), "claims")
    []
    """
    files = [p for p in table_files(folder, table, check=False) if _SHARD.fullmatch(p.name)]
    if not files:
        return []
    counts = {int(_SHARD.fullmatch(p.name).group("count")) for p in files}
    indexes = [int(_SHARD.fullmatch(p.name).group("index")) for p in files]
    if len(counts) != 1 or sorted(indexes) != list(range(counts.pop())):
        return [f"data/{table}-*.parquet: shards {[p.name for p in files]} are not one complete set 00000..N-1 of N"]
    return []


def data_entries(files: dict[str, str], tables: tuple[str, ...] = SHARDED_TABLES) -> dict[str, str]:
    """The entries of a manifest's ``files`` that are files of ``tables`` (either layout).

    >>> data_entries({"README.md": "1", "data/claims.parquet": "2", "data/papers-00000-of-00001.parquet": "3"})
    {'data/claims.parquet': '2', 'data/papers-00000-of-00001.parquet': '3'}
    """
    def of_tables(rel: str) -> bool:
        folder, _, name = rel.rpartition("/")
        return folder == "data" and any(name == f"{t}.parquet" or _is_shard_of(name, t) for t in tables)

    return {rel: sha for rel, sha in files.items() if of_tables(rel)}


def relative(folder: Path, path: Path) -> str:
    """``path`` relative to release ``folder``, as the manifest names it."""
    return Path(path).relative_to(folder).as_posix()


def read_table(folder: Path, table: str, columns: list[str] | None = None):
    """``table`` of release ``folder`` as one pyarrow Table (its shards concatenated in order).

    Raises FileNotFoundError naming the file looked for when the release has no such table.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = table_files(folder, table)
    if not files:
        raise FileNotFoundError(missing_table(folder, table))
    parts = [read_shard(p, lambda path: pq.read_table(path, columns=columns)) for p in files]
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


class DamagedShard(ClaimbenchError, ValueError):
    """A data file of a release that is not a readable Parquet file (truncated, overwritten)."""


def read_shard(path: Path, read):
    """``read(path)``, a pyarrow or pandas reader of one data file; a file it cannot read is a :class:`DamagedShard`
    naming it (not pyarrow's traceback)."""
    import pyarrow as pa

    try:
        return read(path)
    except (pa.ArrowException, OSError) as err:
        problem = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DamagedShard(f"{path}: not a readable Parquet file ({problem}); the release is damaged "
                           "(`claimbench verify` on it lists what is wrong)") from None


def missing_table(folder: Path, table: str) -> str:
    """The message for a release that has no ``table``, naming the files looked for."""
    shards = "" if data_files_pattern(table) == single_path(table) else f" (nor any {data_files_pattern(table)} shard)"
    return f"{Path(folder) / single_path(table)}{shards} does not exist: release {folder} has no {table!r} table"


def read_frame(folder: Path, table: str, columns: list[str] | None = None):
    """``table`` of release ``folder`` as a pandas DataFrame (see :func:`read_table`)."""
    import pandas as pd

    files = table_files(folder, table)
    if not files:
        raise FileNotFoundError(missing_table(folder, table))
    frames = [read_shard(p, lambda path: pd.read_parquet(path, columns=columns)) for p in files]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def num_rows(folder: Path, table: str) -> int:
    """Rows of ``table`` in release ``folder``, from the Parquet footers (0 when it has no such table)."""
    import pyarrow.parquet as pq

    return sum(read_shard(p, pq.read_metadata).num_rows for p in table_files(folder, table))
