"""Which releases exist, and which version a new build gets.

The rules (README, "Versions"), applied against the newest release:

- no release yet: ``0.1.0``;
- **major**: the schema changed (its ``SCHEMA_VERSION`` differs from the
  newest release's manifest): ``X+1.0.0``;
- **minor**: the data changed (new papers, changed extraction: the Parquet
  bytes differ): ``X.Y+1.0``;
- **patch**: the data is byte-identical but the card (README.md) that would
  be written now differs from the newest release's: ``X.Y.Z+1``;
- otherwise the newest release already holds this build: up to date.

For the card comparison the builder passes ``card_text_for(version, date)``,
which renders the card it would write, but for the newest release's own
version and date, so that neither makes a difference on its own.

>>> bump("1.4.2", "minor"), bump("1.4.2", "major"), bump("1.4.2", "patch")
('1.5.0', '2.0.0', '1.4.3')
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from claimbench.errors import ClaimbenchError, UsageError

VersionKey = tuple[int, int, int]

_VERSION = re.compile(r"v?(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")  # at most 9 digits a part


class ReleaseNotFound(ClaimbenchError, ValueError):
    """No release of the asked version (or none at all) where it was looked for."""


def parse_version(version: str) -> str:
    """The version as "X.Y.Z", from "X.Y.Z" or "vX.Y.Z"; anything else is a ValueError.

    >>> parse_version("v1.2.0")
    '1.2.0'
    >>> parse_version("../x")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: version must be X.Y.Z or vX.Y.Z (digits only, no leading zeros, at most 9 a part), got '../x'
    """
    match = _VERSION.fullmatch(version)
    if not match:
        raise UsageError(f"version must be X.Y.Z or vX.Y.Z (digits only, no leading zeros, at most 9 a part), got {version[:40]!r}")
    return ".".join(match.groups())


def version_key(version: str) -> VersionKey:
    """The version as a sortable tuple.

    >>> version_key("v0.10.1") > version_key("0.9.3")
    True
    """
    major, minor, patch = (int(x) for x in parse_version(version).split("."))
    return major, minor, patch


def bump(version: str, part: str) -> str:
    """The next version after ``version`` for a change of kind ``part`` (major, minor or patch)."""
    major, minor, patch = version_key(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise UsageError(f"part must be major, minor or patch, got {part!r}")


def releases_in(releases_dir: Path) -> list[tuple[VersionKey, Path]]:
    """Existing releases, oldest first, as ((major, minor, patch), folder).

    A release is a folder named ``vX.Y.Z`` holding a MANIFEST.json; anything
    else (temporary folders, CHANGELOG.md) is ignored.
    For the committed releases: ``[((0, 1, 0), Path("releases/v0.1.0")), ((0, 2, 0), Path("releases/v0.2.0"))]``.
    """
    found = []
    releases_dir = Path(releases_dir)
    if releases_dir.is_dir():
        for folder in releases_dir.iterdir():
            if not folder.name.startswith("v") or not (folder / "MANIFEST.json").is_file():
                continue
            try:
                found.append((version_key(folder.name), folder))
            except ValueError:
                continue
    return sorted(found)


def available_versions(releases_dir: Path) -> list[str]:
    """The versions under ``releases_dir``, oldest first, as "X.Y.Z"."""
    return [".".join(map(str, key)) for key, _ in releases_in(releases_dir)]


def find_release(releases_dir: Path, version: str | None = None) -> Path:
    """The folder of release ``version`` (default: the newest) under ``releases_dir``.

    Raises ReleaseNotFound naming the folder and listing the versions there.
    """
    existing = releases_in(releases_dir)
    if not existing:
        raise ReleaseNotFound(f"no release under {releases_dir} (expected folders vX.Y.Z with a MANIFEST.json)")
    if version is None:
        return existing[-1][1]
    wanted = version_key(version)
    for key, folder in existing:
        if key == wanted:
            return folder
    shown = ", ".join("v" + v for v in available_versions(releases_dir))
    raise ReleaseNotFound(f"no release v{'.'.join(map(str, wanted))} under {releases_dir}; available: {shown}")


def read_manifest(folder: Path) -> dict:
    """The parsed MANIFEST.json of a release folder, its structure checked (:func:`claimbench.release.layout.read_manifest`)."""
    from claimbench.release import layout

    path = Path(folder) / "MANIFEST.json"
    if not path.is_file():
        raise ReleaseNotFound(f"{folder} is not a release folder: {path} is missing")
    return layout.read_manifest(folder)


def parquet_sha256(table, schema=None) -> str:
    """sha256 of the bytes a release would hold for ``table``: cast to ``schema`` (as the release
    writer does) when its columns are the schema's, then written by ``release.write_parquet``."""
    from claimbench.release.table import conform, write_parquet  # pyarrow: only when needed

    if schema is not None and table.schema.names == schema.names:
        table = conform(table, schema)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.parquet"
        write_parquet(table, path)
        return hashlib.sha256(path.read_bytes()).hexdigest()


def _sha256_of(table_or_sha256, schema) -> str:
    return table_or_sha256 if isinstance(table_or_sha256, str) else parquet_sha256(table_or_sha256, schema)


def next_version(releases_dir: Path, claims, papers=None,
                 card_text_for: Callable[[str, str], str] | None = None) -> tuple[str, bool]:
    """(version, up_to_date) for a build of these tables, given the releases under ``releases_dir``.

    ``claims`` is the build's data files as ``{release-relative path: sha256}`` (a streamed
    build's case: every shard of claims and papers, see :mod:`claimbench.release.layout`), or
    ``claims`` and ``papers`` are the pyarrow tables the build would write in one shard.
    The data is the same when the newest release holds the same files (names and bytes):
    a release of another layout (v0.7.0 and before: ``data/claims.parquet``) differs.
    ``card_text_for(version, date)`` returns the README.md the build would write
    if it were release ``version`` of ``date``; without it, the card is not compared
    (data identical -> up to date).
    """
    from claimbench.release.layout import data_entries, shard_path
    from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA, SCHEMA_VERSION

    if isinstance(claims, dict):
        data = dict(claims)
    else:
        data = {shard_path("claims", 0, 1): _sha256_of(claims, CLAIMS_SCHEMA), shard_path("papers", 0, 1): _sha256_of(papers, PAPERS_SCHEMA)}

    existing = releases_in(releases_dir)
    if not existing:
        return "0.1.0", False
    key, folder = existing[-1]
    newest = ".".join(map(str, key))
    manifest = read_manifest(folder)
    if manifest.get("schema_version") != SCHEMA_VERSION:
        return bump(newest, "major"), False
    if data_entries(manifest.get("files", {})) != data_entries(data):
        return bump(newest, "minor"), False
    if card_text_for is not None:
        card = card_text_for(manifest.get("version", newest), manifest.get("date", ""))
        readme = folder / "README.md"
        if not readme.is_file() or readme.read_text(encoding="utf-8") != card:
            return bump(newest, "patch"), False
    return newest, True


def resolve_release(spec: str | Path, releases_dir: Path = Path("releases")) -> Path:
    """The release folder meant by ``spec``: a release folder, or a version ("0.2.0", "v0.2.0") under ``releases_dir``.

    ``resolve_release("v0.2.0", Path("releases"))`` returns ``Path("releases/v0.2.0")``;
    ``resolve_release("releases/v0.1.0")`` returns that folder. Anything else raises
    ReleaseNotFound with a message naming the path and the versions available.
    """
    path = Path(spec)
    if path.is_dir():
        if not (path / "MANIFEST.json").is_file():
            raise ReleaseNotFound(f"{path} is not a release folder (no MANIFEST.json)")
        return path
    try:
        version_key(str(spec))
    except ValueError:
        raise ReleaseNotFound(f"{path}: no such release folder, and not a version X.Y.Z to look up under {releases_dir}") from None
    return find_release(releases_dir, str(spec))
