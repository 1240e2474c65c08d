"""A build killed at any moment leaves no partial release, and a rerun gives the bytes of an uninterrupted build.

Each case runs ``claimbench build`` of the built-in corpus in a subprocess
that SIGKILLs itself at one point (the function named is wrapped to do so):
while reading the inputs, while extracting (after several batches have been
stored in the cache), while validating, while writing the Parquet files, and
just before the final rename. Then:

- no ``vX.Y.Z`` folder exists (a temporary folder may: it is not a release);
- a rerun in the same folders succeeds, removes the killed run's temporary
  folder, and writes a release byte-identical to an uninterrupted build's;
- the cache is consistent (SQLite's integrity check passes, every entry
  decodes) and complete after the rerun.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimbench.cache.claims import DB_NAME, ClaimCache
from claimbench.extract.claims import EXTRACTOR_VERSION
from claimbench.run.extract import extractor_key

from conftest import run_main, snapshot

ARGS = ("--version", "1.0.0", "--date", "2025-01-31", "--workers", "1", "--quiet")

# Run in the subprocess: wrap the function named by argv[1] so that the process kills itself there.
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from claimbench.cache import inputs as inputindex
    from claimbench.run import extract as extract_step
    from claimbench.release import writer as release
    from claimbench.release import table
    from claimbench.validation import stream

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    def after(n, fn):
        calls = [0]
        def wrapper(*args, **kwargs):
            calls[0] += 1
            if calls[0] > n:
                die()
            return fn(*args, **kwargs)
        return wrapper

    point = sys.argv[1]
    extract_step.BATCH_PAPERS = 32  # several cache transactions before the kill while extracting
    if point == "read":
        real = inputindex.read_records  # the index pass
        def read_records(path):
            for i, item in enumerate(real(path)):
                if i == 40:
                    die()
                yield item
        inputindex.read_records = read_records
    elif point == "extract":
        extract_step.extract_claims = after(150, extract_step.extract_claims)
    elif point == "validate":
        stream.ChunkedValidation.check = after(0, stream.ChunkedValidation.check)
    elif point == "write":
        table.ParquetSink.close = after(1, table.ParquetSink.close)  # claims written, papers not
    elif point == "rename":
        release._move_into_place = after(0, release._move_into_place)
    from claimbench.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)
POINTS = ["read", "extract", "validate", "write", "rename"]


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> dict[str, bytes]:
    releases = tmp_path_factory.mktemp("uninterrupted") / "releases"
    code, out, err = run_main("build", "--releases-dir", releases, "--no-cache", *ARGS)
    assert code == 0, out + err
    return snapshot(releases / "v1.0.0")


def _releases(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("v")) if folder.exists() else []


@pytest.mark.parametrize("point", POINTS)
def test_killed_build_leaves_no_release_and_rerun_completes(tmp_path, uninterrupted, point):
    releases = tmp_path / "releases"
    done = subprocess.run([sys.executable, "-c", KILLER, point, "build", "--releases-dir", str(releases), *ARGS],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -9, f"the build was not killed at {point}: exit {done.returncode}\n{done.stdout}{done.stderr}"
    assert _releases(releases) == []
    leftovers = [p.name for p in releases.iterdir()] if releases.exists() else []
    assert all(name.startswith(".tmp-") for name in leftovers), leftovers
    if point in ("write", "rename"):
        assert leftovers, "the killed build's temporary folder should still be there"

    cache = tmp_path / ".claimbench-cache"
    if point == "extract":
        with ClaimCache(cache) as store:
            assert 0 < store.count(extractor_key(EXTRACTOR_VERSION)) < 263  # some batches were committed, not all

    code, out, err = run_main("build", "--releases-dir", releases, *ARGS)
    assert code == 0, out + err
    assert sorted(p.name for p in releases.iterdir()) == ["CHANGELOG.md", "v1.0.0"]  # the temporary folder is gone
    assert snapshot(releases / "v1.0.0") == uninterrupted

    with sqlite3.connect(cache / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with ClaimCache(cache) as store:
        assert store.count(extractor_key(EXTRACTOR_VERSION)) == 263
    code, out, err = run_main("verify", releases / "v1.0.0")
    assert code == 0, out + err
