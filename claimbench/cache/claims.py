"""The extraction cache: claims already found for a paper, so a rebuild extracts only what changed.

An entry is keyed by the paper's content (sha1 of its title and abstract)
and the extractor's version, and holds the claims :func:`extract_claims`
returned for it. Extraction is a pure function of the paper, so an entry
never goes stale: a changed abstract has another key, a new extractor
version another version. The store is one SQLite file (the standard
library's ``sqlite3``) in write-ahead-log mode; each batch of new entries is
one transaction, so a run killed at any moment leaves every batch either
fully stored or absent, and the next run carries on from there.

Default place: ``.claimbench-cache/`` beside the releases folder (``build``)
or beside the output file (``extract``).

Every store of the cache folder (this one, the input indexes of :mod:`claimbench.cache.inputs`,
the shard descriptions of :mod:`claimbench.cache.shards`) is disposable: a damaged file is named on
stderr and rebuilt, and a store whose folder cannot be made (a regular file stands where it or
one of its parents should be, a folder that may not be written) is named on stderr and the run
goes on without it (:func:`store_folder`). Its output is the same either way.

>>> import tempfile; from claimbench.extract.papers import Paper
>>> paper = Paper("A title", "We get a 2x speedup.", "a.txt:1")
>>> with tempfile.TemporaryDirectory() as tmp, ClaimCache(Path(tmp)) as cache:
...     _ = cache.put_many("0.2.0", [(content_key(paper), [])])
...     cache.get_many("0.2.0", [content_key(paper)]), cache.get_many("0.3.0", [content_key(paper)])
({'5d9312f92b515d9d82771b0ad597611ba86e6544': []}, {})
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper

CACHE_DIRNAME = ".claimbench-cache"
DB_NAME = "claims.sqlite"
# The order in which a claim's fields are stored; entries written with other fields are dropped on open.
CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
_field_values = operator.attrgetter(*CLAIM_FIELDS)  # a claim's field values, in that order, as a tuple
TABLE_LAYOUT = "rowid-v2"  # the claims table's layout; a store written with another is emptied on open


def content_key(paper: Paper) -> str:
    """The cache key of a paper's content: sha1 of its title and abstract, hex.

    >>> content_key(Paper("A title", "We get a 2x speedup.", "a.txt:1"))
    '5d9312f92b515d9d82771b0ad597611ba86e6544'
    """
    data = f"{paper.title}\x00{paper.abstract}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()


def default_cache_dir(beside: Path) -> Path:
    """``.claimbench-cache`` in the folder holding ``beside`` (the releases folder, or the output file).

    >>> default_cache_dir(Path("work/releases"))
    PosixPath('work/.claimbench-cache')
    """
    return Path(beside).parent / CACHE_DIRNAME


def warn(message: str) -> None:
    """One line on stderr about the cache (the run goes on)."""
    print(f"claimbench: {message}", file=sys.stderr)


def discard_damaged(what: str, path: Path, err: BaseException, then: str, also: tuple[Path, ...] = ()) -> None:
    """Name a damaged stored file of store ``what`` on stderr (``then``: what the run does instead) and remove it,
    with ``also`` (files that go with it); a file or folder that cannot be removed is left: it is read again, found
    damaged again and never trusted."""
    reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    warn(f"the {what} file {path} is damaged ({reason[:200]}); {then}")
    for stale in (path, *also):
        try:
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale)
            else:
                stale.unlink(missing_ok=True)
        except OSError:
            pass


def store_folder(folder: Path, what: str, make: bool = True) -> Path | None:
    """``folder``, for the store ``what`` (e.g. "input index cache"), made if ``make``; or None when it cannot be
    used: a regular file stands where it or one of its parents should be, or it cannot be made. Then one line on
    stderr names the path and says the run goes on without that store (a cache is never worth stopping a run for).

    >>> import tempfile, contextlib, io
    >>> with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stderr(io.StringIO()) as err:
    ...     _ = Path(tmp, "cache").write_text("a file")
    ...     store_folder(Path(tmp, "cache", "inputs"), "input index cache"), "cache is not a folder" in err.getvalue()
    (None, True)
    """
    folder = Path(folder)
    for place in (folder, *folder.parents):
        if os.path.lexists(place):
            if not place.is_dir():
                warn(f"cannot use the {what} {folder}: {place} is not a folder; going on without this cache")
                return None
            break
    if make:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            warn(f"cannot use the {what} {folder}: {err.strerror or err}; going on without this cache")
            return None
    return folder


def encode_claims(claims: Sequence[Claim]) -> str:
    """Claims as compact JSON: one list of field values per claim (floats round-trip exactly).

    >>> encode_claims([Claim("2x", 3, 5, 2.0, None, "x", "speedup", "none", "increase", None, None, None, "A 2x gain.", 0)])
    '[["2x",3,5,2.0,null,"x","speedup","none","increase",null,null,null,"A 2x gain.",0,null]]'
    """
    return json.dumps([_field_values(c) for c in claims], ensure_ascii=False, separators=(",", ":"))


def decode_claims(text: str) -> list[Claim]:
    """The claims :func:`encode_claims` wrote."""
    return [Claim(*values) for values in json.loads(text)]


def _is_damage(err: sqlite3.DatabaseError) -> bool:
    """``err`` says the file is not a database or is malformed (garbage, a truncated file), not that it may not be
    opened or written (a read-only file, a full disk, a lock held too long)."""
    code = getattr(err, "sqlite_errorcode", None)  # SQLite's own code (extended codes keep the primary in the low byte)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class ClaimCache:
    """The SQLite store of claims by (content key, extractor version)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self._db: sqlite3.Connection | None = None
        if store_folder(self.folder, "claims cache") is None:
            self._without()
            return
        for stale in self._files():
            if os.path.lexists(stale) and not stale.is_file():
                warn(f"cannot use the claims cache {self.folder}: {stale} is not a file; going on without this cache")
                self._without()
                return
        try:
            self._open(self.path)
        except sqlite3.DatabaseError as err:
            self._failed(err)

    def _files(self) -> tuple[Path, Path, Path]:
        """The store's file and its write-ahead log and shared-memory files."""
        return self.path, self.path.with_name(self.path.name + "-wal"), self.path.with_name(self.path.name + "-shm")

    def _open(self, path: Path | str) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, timeout=60)  # transactions are explicit
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: consistent after a crash, at most the last commits lost
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._check_layout()

    def _close_db(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _without(self) -> None:
        """Go on with an empty store in memory, which keeps nothing past the run (the cache is not used)."""
        self._close_db()
        self._open(":memory:")

    def _failed(self, err: sqlite3.DatabaseError) -> None:
        """SQLite raised ``err`` on the store: a damaged file (garbage, truncated, malformed pages) is named and
        started afresh; any other failure (a read-only file, a full disk) is named and the run goes on without it."""
        self._close_db()
        if not _is_damage(err):
            warn(f"cannot use the claims cache {self.path} ({err}); going on without this cache")
            self._without()
            return
        warn(f"the claims cache {self.path} is damaged ({err}); starting it afresh")
        try:
            for stale in self._files():
                stale.unlink(missing_ok=True)
            self._open(self.path)
        except (OSError, sqlite3.DatabaseError) as again:
            warn(f"cannot start the claims cache {self.path} afresh ({again}); going on without this cache")
            self._without()

    def _check_layout(self) -> None:
        """Start the claims table afresh when it was written by another layout of the store or of Claim.

        The claims table is an ordinary (rowid) table with a primary-key index: an entry is
        about 500 bytes, and inserting rows that size in key order into a ``WITHOUT ROWID``
        table (the first layout) cost three times as much CPU.
        """
        layout = f"{TABLE_LAYOUT};{','.join(CLAIM_FIELDS)}"
        if self._layout() == layout:
            return
        with self._transaction():
            if self._layout() == layout:
                return  # another process started it afresh meanwhile
            self._db.execute("DROP TABLE IF EXISTS claims")
            self._db.execute(
                "CREATE TABLE claims (content TEXT NOT NULL, extractor_version TEXT NOT NULL, claims TEXT NOT NULL, "
                "PRIMARY KEY (content, extractor_version))"
            )
            self._db.execute("DELETE FROM meta WHERE name = 'claim_fields'")  # the first layout's entry
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('layout', ?)", (layout,))

    def _layout(self) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = 'layout'").fetchone()
        return None if row is None else row[0]

    def _transaction(self):
        db = self._db

        class _Tx:
            def __enter__(self_inner):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self_inner, exc_type, exc, tb):
                db.execute("ROLLBACK" if exc_type else "COMMIT")

        return _Tx()

    def get_many(self, extractor_version: str, keys: Iterable[str]) -> dict[str, list[Claim]]:
        """The cached claims of those keys that are stored for this extractor version (an entry that does not
        decode, damaged, is a miss: it is extracted again and stored anew)."""
        found = {}
        for key, text in self.get_encoded(extractor_version, keys).items():
            try:
                found[key] = decode_claims(text)
            except (ValueError, TypeError):
                continue
        return found

    def get_encoded(self, extractor_version: str, keys: Iterable[str]) -> dict[str, str]:
        """The stored text (:func:`encode_claims`) of those keys that are stored for this extractor version."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT content, claims FROM claims WHERE extractor_version = ? AND content IN ({marks})",
                    (extractor_version, *chunk),
                ).fetchall()
            except sqlite3.DatabaseError as err:  # a page damaged past what opening reads: the rest are misses
                self._failed(err)
                break
            found.update((key, text) for key, text in rows if isinstance(key, str) and isinstance(text, str))
        return found

    def put_many(self, extractor_version: str, entries: Iterable[tuple[str, Sequence[Claim]]]) -> int:
        """Store entries in one transaction; returns how many were given."""
        return self.put_encoded(extractor_version, ((key, encode_claims(claims)) for key, claims in entries))

    def put_encoded(self, extractor_version: str, entries: Iterable[tuple[str, str]]) -> int:
        """Store (key, :func:`encode_claims` text) entries in one transaction; returns how many were given."""
        rows = [(key, extractor_version, text) for key, text in entries]
        if rows:
            try:
                self._insert(rows)
            except sqlite3.DatabaseError as err:
                self._failed(err)  # started afresh, or an empty store in memory: store them there
                try:
                    self._insert(rows)
                except sqlite3.DatabaseError as again:
                    warn(f"cannot store entries in the claims cache {self.path} ({again}); going on without this cache")
                    self._without()
        return len(rows)

    def _insert(self, rows: list[tuple[str, str, str]]) -> None:
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?)", rows)

    def count(self, extractor_version: str | None = None) -> int:
        """Entries stored (for one extractor version, or all)."""
        if extractor_version is None:
            return self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return self._db.execute("SELECT count(*) FROM claims WHERE extractor_version = ?", (extractor_version,)).fetchone()[0]

    def close(self) -> None:
        self._close_db()

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
