"""Load a release from Python: ``claimbench.load`` (pandas) and ``claimbench.load_dataset`` (datasets).

``source`` is one of

- a release folder: ``load("releases/v0.2.0")``;
- a folder of releases, with ``version`` (default: the newest): ``load("releases", version="0.1.0")``;
- a Hugging Face Hub repository id ``owner/name``: ``load("owner/claimbench", version="0.2.0")``
  calls ``datasets.load_dataset("owner/claimbench", "claims", split="train", revision="v0.2.0")``
  (no version: the repository's default branch).

>>> import claimbench
>>> df = claimbench.load("releases", version="0.2.0")          # doctest: +SKIP
>>> df.shape                                                     # doctest: +SKIP
(418, 21)

A local release is read from its Parquet files (pandas) or loaded with
``datasets.load_dataset(folder, config)`` offline; a missing version is a
``ReleaseNotFound`` (a ValueError) that lists the versions available.
"""
from __future__ import annotations

import re
from pathlib import Path

from claimbench.errors import UsageError

CONFIGS = ("claims", "papers", "quarantine")
# owner/name, as the Hub spells repository ids.
_REPO_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def load(source: str | Path, version: str | None = None, config: str = "claims"):
    """The ``config`` table ("claims", "papers" or "quarantine") of a release, as a pandas DataFrame."""
    folder = local_release(source, version)
    if folder is None:
        return load_dataset(source, version, config).to_pandas()
    data_file(folder, config)  # a clear error for a config the release lacks
    from claimbench.release.layout import read_frame

    return read_frame(folder, config)


def load_dataset(source: str | Path, version: str | None = None, config: str = "claims", **kwargs):
    """The ``config`` table of a release as a ``datasets.Dataset`` (its train split).

    ``kwargs`` go to ``datasets.load_dataset`` (``cache_dir=...``, ``token=...``).
    """
    import datasets

    _check_config(config)
    folder = local_release(source, version)
    if folder is not None:
        data_file(folder, config)  # a clear error for a config the release lacks
        return datasets.load_dataset(str(folder), config, split="train", **kwargs)
    revision = None if version is None else "v" + _version(version)
    return datasets.load_dataset(str(source), config, split="train", revision=revision, **kwargs)


def local_release(source: str | Path, version: str | None = None) -> Path | None:
    """The local release folder ``source`` (and ``version``) names, or None for a Hub repository id.

    Raises ReleaseNotFound when ``source`` is neither an existing folder nor a repository id,
    or when the version asked for is not there (listing those that are).
    """
    from claimbench.release.versioning import ReleaseNotFound, find_release, read_manifest

    path = Path(source)
    if path.is_dir():
        if (path / "MANIFEST.json").is_file():
            if version is not None and read_manifest(path).get("version") != _version(version):
                raise ReleaseNotFound(f"{path} is release v{read_manifest(path).get('version')}, not v{_version(version)}; "
                                      f"pass its parent folder to choose a version")
            return path
        return find_release(path, version)
    if isinstance(source, str) and _REPO_ID.fullmatch(source) and not source.startswith("."):
        return None
    raise ReleaseNotFound(f"{source}: no such release folder or releases folder, and not a Hub repository id owner/name")


def data_file(folder: Path, config: str) -> Path:
    """The (first) Parquet file of ``config`` in a release folder (raises if the release has none).

    A release's tables are in shards since v0.8.0 (``data/claims-00000-of-00001.parquet``),
    in one file before (``data/claims.parquet``): see :mod:`claimbench.release.layout`.
    """
    from claimbench.release.layout import missing_table, table_files
    from claimbench.release.versioning import ReleaseNotFound

    _check_config(config)
    files = table_files(folder, config)
    if not files:
        raise ReleaseNotFound(missing_table(folder, config))
    return files[0]


def _check_config(config: str) -> None:
    if config not in CONFIGS:
        raise UsageError(f"config must be one of {', '.join(CONFIGS)}, got {config!r}")


def _version(version: str) -> str:
    from claimbench.release.writer import parse_version

    return parse_version(version)
