"""Shards a build does not write again: those of the newest release it would write the same.

A shard's key (:mod:`claimbench.run.plan`) names its content and the code that writes it. When a
build writes a shard, the cache folder keeps what it must know of it besides its files, under
that key: ``<cache>/shards/<key>.json`` (rows, claims, extraction failures, its validation
report, the sha256 of its claims and papers files, and of its own content) and
``<key>.quarantine.parquet`` when rows were quarantined; a damaged description is named on stderr,
removed, and its shard built again. A later build that needs a shard of the same key looks for files of those
sha256 among the newest release's data files; when they are there, still with those bytes,
they are copied (``shutil.copyfile``) instead of being extracted, validated and written
again. Anything missing or different and the shard is built again. The key stays in the
cache: a release's files depend on its data only, never on the code that wrote them.

>>> ShardStore(Path("/nonexistent")).get("0" * 64) is None
True
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

SHARDS_DIRNAME = "shards"


@dataclass
class ShardResult:
    """What a build knows of one shard once written: enough to account for it and to merge its report.

    ``files``: table name -> sha256 of its shard file; ``failures``: the rejects-file lines of
    papers whose extraction raised; ``validation``: :func:`claimbench.release.shard_validation.shard_validation`.
    """

    key: str
    papers: int
    claims: int
    files: dict[str, str]
    failures: list[dict] = field(default_factory=list)
    validation: dict | None = None
    quarantine: object = None  # a pyarrow Table of quarantined rows, or None

    def to_json(self, quarantine_sha256: str | None = None) -> str:
        """The description stored in the cache; ``quarantine_sha256``: that of the stored quarantine file, if any.
        It holds a sha256 of its own content (``digest``), so that a damaged one is never taken for another."""
        data = {"key": self.key, "papers": self.papers, "claims": self.claims, "files": self.files,
                "failures": self.failures, "validation": self.validation,
                "quarantined": self.quarantine.num_rows if self.quarantine is not None else 0}
        if quarantine_sha256 is not None:
            data["quarantine_sha256"] = quarantine_sha256
        data = json.loads(json.dumps(data, sort_keys=True, ensure_ascii=False))  # as it reads back (tuples are lists)
        data["digest"] = entry_digest(data)
        return json.dumps(data, sort_keys=True, ensure_ascii=False)


class ShardStore:
    """``<cache>/shards/``: the description of every shard written with this cache.

    A description is checked whole when read: its JSON, the type of every field, a sha256 of
    its own content (``digest``) and of its quarantine file. One that fails is named on stderr
    and removed, and the shard is built again (its description stored anew). A folder that
    cannot be made (a regular file in its place) is named on stderr and the run goes on without
    this store (:func:`claimbench.cache.claims.store_folder`).
    """

    WHAT = "shard cache"

    def __init__(self, cache_dir: Path):
        self.folder = Path(cache_dir) / SHARDS_DIRNAME
        self._usable: bool | None = None  # checked when first needed (and made by put)

    def _ready(self) -> bool:
        if self._usable is None:
            from claimbench.cache.claims import store_folder

            self._usable = store_folder(self.folder, self.WHAT, make=False) is not None
        return self._usable

    def get(self, key: str) -> ShardResult | None:
        """The stored description of shard ``key``, or None (none stored, or a damaged one: named, removed)."""
        if not self._ready():
            return None
        path = self.folder / f"{key}.json"
        if not os.path.lexists(path):
            return None
        try:
            return self._read(key, path)
        except Exception as err:  # noqa: BLE001 -- what a damaged file raises (JSON, Parquet, types) is of many kinds
            self._discard(key, path, err)
            return None

    def _read(self, key: str, path: Path) -> ShardResult:
        """The description in ``path``, checked whole: raises ValueError saying what is wrong."""
        from claimbench.release.writer import sha256_file

        data = json.loads(path.read_text(encoding="utf-8"))
        problem = _entry_problem(data, key)
        if problem:
            raise ValueError(problem)
        quarantine = None
        if data["quarantined"]:
            import pyarrow.parquet as pq

            qpath = self.folder / f"{key}.quarantine.parquet"
            if sha256_file(qpath) != data["quarantine_sha256"]:
                raise ValueError(f"{qpath.name} is not the file described (sha256 differs)")
            quarantine = pq.read_table(qpath)
            if quarantine.num_rows != data["quarantined"]:
                raise ValueError(f"{qpath.name} holds {quarantine.num_rows} rows, the description {data['quarantined']}")
        return ShardResult(data["key"], data["papers"], data["claims"], data["files"], data["failures"], data["validation"],
                           quarantine)

    def _discard(self, key: str, path: Path, err: BaseException) -> None:
        from claimbench.cache.claims import discard_damaged

        discard_damaged(self.WHAT, path, err, "building the shard again and rebuilding it",
                        also=(self.folder / f"{key}.quarantine.parquet",))  # written again by put

    def put(self, result: ShardResult) -> None:
        """Store ``result`` (its quarantined rows first, then the description, each renamed into place); a store
        that cannot be written is named on stderr and left alone."""
        if not self._ready():
            return
        try:
            self._write(result)
        except OSError as err:
            from claimbench.cache.claims import warn

            warn(f"cannot write the {self.WHAT} entry {self.folder / (result.key + '.json')} ({err.strerror or err}); "
                 "going on without it")

    def _write(self, result: ShardResult) -> None:
        from claimbench.release.writer import sha256_file

        self.folder.mkdir(parents=True, exist_ok=True)
        quarantine_sha256 = None
        if result.quarantine is not None and result.quarantine.num_rows:
            from claimbench.release.table import write_parquet

            tmp = self.folder / f".tmp-{os.getpid()}-{secrets.token_hex(4)}.parquet"
            try:
                write_parquet(result.quarantine, tmp)
                quarantine_sha256 = sha256_file(tmp)
                os.replace(tmp, self.folder / f"{result.key}.quarantine.parquet")
            finally:
                tmp.unlink(missing_ok=True)
        tmp = self.folder / f".tmp-{os.getpid()}-{secrets.token_hex(4)}.json"
        try:
            tmp.write_text(result.to_json(quarantine_sha256), encoding="utf-8")
            os.replace(tmp, self.folder / f"{result.key}.json")
        finally:
            tmp.unlink(missing_ok=True)


def entry_digest(data: dict) -> str:
    """sha256 of a description's content (every field but ``digest``), as :meth:`ShardResult.to_json` writes it
    and :class:`ShardStore` checks it: what a deliberate edit of a description must set ``digest`` to.

    >>> entry_digest({"key": "k", "digest": "x"}) == entry_digest({"key": "k"}) != entry_digest({"key": "j"})
    True
    """
    body = {name: value for name, value in data.items() if name != "digest"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _entry_problem(data: object, key: str) -> str | None:
    """What is wrong with a stored description of shard ``key`` (None: nothing).

    >>> _entry_problem([], "k"), _entry_problem({"key": "k"}, "k")
    ('not a JSON object', "field 'papers' is missing or not a count")
    """
    from claimbench.release.shard_validation import outcome_from_dict

    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("key") != key:
        return f"its key is not {key}"
    for name in ("papers", "claims", "quarantined"):
        if not _is_count(data.get(name)):
            return f"field {name!r} is missing or not a count"
    files = data.get("files")
    if not isinstance(files, dict) or not all(isinstance(t, str) and _is_sha256(sha) for t, sha in files.items()):
        return "field 'files' is not a table -> sha256 object"
    failures = data.get("failures")
    if not isinstance(failures, list) or not all(isinstance(f, dict) for f in failures):
        return "field 'failures' is not a list of objects"
    validation = data.get("validation")
    if validation is not None:
        if not isinstance(validation, dict) or not all(_is_count(validation.get(n)) for n in ("quarantined_rows", "valid_rows")) \
                or type(validation.get("max_quarantine_fraction")) not in (int, float) \
                or not isinstance(validation.get("outcomes"), list):
            return "field 'validation' is not a shard's validation report"
        for outcome in validation["outcomes"]:
            try:
                outcome_from_dict(outcome)
            except (KeyError, TypeError, ValueError):
                return "field 'validation' holds an outcome of the wrong shape"
    if data["quarantined"] and not _is_sha256(data.get("quarantine_sha256")):
        return "field 'quarantine_sha256' is missing or not a sha256"
    if data.get("digest") != entry_digest(data):
        return "its content does not match its digest"
    return None


class Reuse:
    """Shards of ``release`` (the newest release, or None) described in ``store``, to copy instead of build."""

    def __init__(self, release: Path | None, store: ShardStore):
        from claimbench.release.layout import data_entries, read_manifest

        self.release, self.store = release, store
        self._by_sha: dict[tuple[str, str], str] = {}  # (table, sha256) -> release-relative path
        if release is not None:
            manifest = read_manifest(Path(release))  # checked: a damaged one is an error naming it and the key
            for table in ("claims", "papers"):
                for rel, sha in data_entries(manifest["files"], (table,)).items():
                    self._by_sha.setdefault((table, sha), rel)

    def take(self, key: str, targets: dict[str, Path]) -> ShardResult | None:
        """Copy shard ``key``'s files to ``targets`` (table -> path) and return its description, or None."""
        from claimbench.release.writer import sha256_file

        result = self.store.get(key) if self._by_sha else None
        if result is None or set(result.files) != set(targets):
            return None
        sources = {}
        for table, expected in result.files.items():
            rel = self._by_sha.get((table, expected))
            source = Path(self.release) / rel if rel else None
            if source is None or not source.is_file() or sha256_file(source) != expected:
                return None
            sources[table] = source
        for table, source in sources.items():
            shutil.copyfile(source, targets[table])
        return result
