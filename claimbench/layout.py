"""Where a release keeps its tables: the one place that knows the names of the data files.

Since v0.8.0 the ``claims`` and ``papers`` tables are sharded, Hugging Face style:
``data/claims-00000-of-00002.parquet``, ``data/claims-00001-of-00002.parquet`` and
``data/papers-0000i-of-00002.parquet`` beside them, shard ``i`` of both tables holding the
same papers (whole papers, in input order). Rows that failed validation are in one file,
``data/quarantine.parquet``, when there are any. Releases up to v0.7.0 keep each table in one
file, ``data/claims.parquet``: every reader (:func:`table_files`, :func:`read_table`) takes
both layouts.

>>> shard_path("claims", 0, 2)
'data/claims-00000-of-00002.parquet'
>>> [p.name for p in table_files(Path("releases/v0.7.0"), "claims")]
['claims.parquet']
"""
from __future__ import annotations

import re
from pathlib import Path

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


def table_files(folder: Path, table: str) -> list[Path]:
    """The Parquet files of ``table`` in release ``folder``, in row order; [] when it has none.

    The shards ``data/<table>-NNNNN-of-MMMMM.parquet`` (sorted) if there are any, else
    ``data/<table>.parquet`` if it exists.
    """
    data = Path(folder) / "data"
    _check_listed(Path(folder), table)
    shards = sorted(p for p in data.glob(f"{table}-*-of-*.parquet") if _is_shard_of(p.name, table))
    if shards:
        return shards
    single = data / f"{table}.parquet"
    return [single] if single.is_file() else []


def _check_listed(folder: Path, table: str) -> None:
    """Every file of ``table`` that the release's MANIFEST.json lists is there: a release missing a shard (or its
    whole data/ folder) is an error naming what is missing, never read as if what is left were all of it."""
    manifest = folder / "MANIFEST.json"
    if not manifest.is_file():
        return  # not a release folder (a claims file's folder, a staging folder being written)
    import json

    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files")
    except (ValueError, AttributeError) as err:
        raise ValueError(f"{manifest}: not a readable manifest ({err})") from None
    if not isinstance(files, dict):
        raise ValueError(f"{manifest}: its 'files' is not a table of file -> sha256")
    listed = [rel for rel in data_entries(files, (table,))]
    missing = [rel for rel in listed if not (folder / rel).is_file()]
    if missing:
        raise FileNotFoundError(
            f"release {folder} is incomplete: {', '.join(str(folder / m) for m in missing[:5])}{' ...' if len(missing) > 5 else ''} "
            f"listed in MANIFEST.json {'is' if len(missing) == 1 else 'are'} missing")


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
    files = [p for p in table_files(folder, table) if _SHARD.fullmatch(p.name)]
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
    parts = [pq.read_table(p, columns=columns) for p in files]
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


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
    frames = [pd.read_parquet(p, columns=columns) for p in files]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def num_rows(folder: Path, table: str) -> int:
    """Rows of ``table`` in release ``folder``, from the Parquet footers (0 when it has no such table)."""
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(p).num_rows for p in table_files(folder, table))
