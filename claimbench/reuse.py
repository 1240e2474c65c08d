"""Shards a build does not write again: those of the newest release it would write the same.

A shard's key (:mod:`claimbench.plan`) names its content and the code that writes it. When a
build writes a shard, the cache folder keeps what it must know of it besides its files, under
that key: ``<cache>/shards/<key>.json`` (rows, claims, extraction failures, its validation
report, the sha256 of its claims and papers files) and ``<key>.quarantine.parquet`` when rows
were quarantined. A later build that needs a shard of the same key looks for files of those
sha256 among the newest release's data files; when they are there, still with those bytes,
they are copied (``shutil.copyfile``) instead of being extracted, validated and written
again. Anything missing or different and the shard is built again. The key stays in the
cache: a release's files depend on its data only, never on the code that wrote them.

>>> ShardStore(Path("/nonexistent")).get("0" * 64) is None
True
"""
from __future__ import annotations

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
    papers whose extraction raised; ``validation``: :func:`claimbench.shardreport.shard_validation`.
    """

    key: str
    papers: int
    claims: int
    files: dict[str, str]
    failures: list[dict] = field(default_factory=list)
    validation: dict | None = None
    quarantine: object = None  # a pyarrow Table of quarantined rows, or None

    def to_json(self) -> str:
        data = {"key": self.key, "papers": self.papers, "claims": self.claims, "files": self.files,
                "failures": self.failures, "validation": self.validation,
                "quarantined": self.quarantine.num_rows if self.quarantine is not None else 0}
        return json.dumps(data, sort_keys=True, ensure_ascii=False)


class ShardStore:
    """``<cache>/shards/``: the description of every shard written with this cache."""

    def __init__(self, cache_dir: Path):
        self.folder = Path(cache_dir) / SHARDS_DIRNAME

    def get(self, key: str) -> ShardResult | None:
        """The stored description of shard ``key``, or None."""
        path = self.folder / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            quarantine = None
            if data.get("quarantined"):
                import pyarrow.parquet as pq

                quarantine = pq.read_table(self.folder / f"{key}.quarantine.parquet")
                if quarantine.num_rows != data["quarantined"]:
                    return None
            return ShardResult(data["key"], data["papers"], data["claims"], data["files"], data["failures"],
                               data["validation"], quarantine)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, result: ShardResult) -> None:
        """Store ``result`` (its quarantined rows first, then the description, each renamed into place)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if result.quarantine is not None and result.quarantine.num_rows:
            from claimbench.table import write_parquet

            tmp = self.folder / f".tmp-{os.getpid()}-{secrets.token_hex(4)}.parquet"
            write_parquet(result.quarantine, tmp)
            os.replace(tmp, self.folder / f"{result.key}.quarantine.parquet")
        tmp = self.folder / f".tmp-{os.getpid()}-{secrets.token_hex(4)}.json"
        tmp.write_text(result.to_json(), encoding="utf-8")
        os.replace(tmp, self.folder / f"{result.key}.json")


class Reuse:
    """Shards of ``release`` (the newest release, or None) described in ``store``, to copy instead of build."""

    def __init__(self, release: Path | None, store: ShardStore):
        from claimbench.layout import data_entries

        self.release, self.store = release, store
        self._by_sha: dict[tuple[str, str], str] = {}  # (table, sha256) -> release-relative path
        if release is not None:
            manifest = json.loads((Path(release) / "MANIFEST.json").read_text(encoding="utf-8"))
            for table in ("claims", "papers"):
                for rel, sha in data_entries(manifest.get("files", {}), (table,)).items():
                    self._by_sha.setdefault((table, sha), rel)

    def take(self, key: str, targets: dict[str, Path]) -> ShardResult | None:
        """Copy shard ``key``'s files to ``targets`` (table -> path) and return its description, or None."""
        from claimbench.release import sha256_file

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
