"""Fixtures shared by the command-line, dedup and evaluate tests.

- ``cli``: run ``claimbench.cli.main`` in-process, returning (exit code, stdout, stderr);
- ``seed_release``: one release v1.0.0 built from the built-in corpus (corpus/seeds)
  into a temporary releases folder, shared by the whole session (a build takes
  seconds, so it is done once);
- ``COMMITTED_RELEASES`` / ``newest_committed_release()``: the release folders
  committed under <repo>/releases/;
- ``SCORE_PY``: the spec's reference scorer, <repo>/../shared/tools/score.py,
  which is absent on a fresh clone (tests using it skip then).
"""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from claimbench.cli import main
from claimbench.release.writer import parse_version

REPO_ROOT = Path(__file__).resolve().parents[1]
SCORE_PY = REPO_ROOT.parent / "shared" / "tools" / "score.py"
SEED_DATE = "2025-01-31"


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in parse_version(folder.name).split("."))


def _committed_releases() -> list[Path]:
    found = []
    for folder in (REPO_ROOT / "releases").glob("v*"):
        try:
            parse_version(folder.name)
        except ValueError:
            continue
        if (folder / "MANIFEST.json").is_file():
            found.append(folder)
    return sorted(found, key=_version_key)


COMMITTED_RELEASES = _committed_releases()


def newest_committed_release() -> Path:
    if not COMMITTED_RELEASES:
        pytest.skip(f"no committed release under {REPO_ROOT / 'releases'}")
    return COMMITTED_RELEASES[-1]


def require_score_py() -> Path:
    if not SCORE_PY.is_file():
        pytest.skip(f"the reference scorer {SCORE_PY} is not present")
    return SCORE_PY


def run_main(*args: object) -> tuple[int, str, str]:
    """``claimbench ARGS`` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli():
    """Call as ``cli("extract", path, "-o", out)`` -> (exit code, stdout, stderr)."""
    return run_main


SCREENSHOT = "report/screenshot.png"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative posix path -> bytes), hidden ones included.

    A release's screenshot is Chromium's drawing of its report, the one file whose
    bytes are not guaranteed across runs: it stands here as a marker (checked to be
    a PNG), and its line in MANIFEST.json is left out. Everything else must match.
    """
    found = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        name, data = p.relative_to(folder).as_posix(), p.read_bytes()
        if name.endswith(SCREENSHOT):
            assert data.startswith(b"\x89PNG"), f"{p} is not a PNG"
            data = b"<a PNG screenshot>"
        elif name.endswith("MANIFEST.json") and SCREENSHOT.encode() in data:
            manifest = json.loads(data)
            del manifest["files"][SCREENSHOT]
            data = json.dumps(manifest, sort_keys=True).encode()
        found[name] = data
    return found


def build_release(releases_dir: Path, *extra: object) -> tuple[int, str, str]:
    """``claimbench build`` of the built-in corpus into ``releases_dir`` (one process, quiet)."""
    return run_main("build", "--releases-dir", releases_dir, "--workers", 1, "--quiet", *extra)


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory) -> Path:
    """releases/v1.0.0 built from the built-in corpus with a fixed date; treat as read-only."""
    releases_dir = tmp_path_factory.mktemp("seed_releases")
    code, out, err = build_release(releases_dir, "--version", "1.0.0", "--date", SEED_DATE)
    assert code == 0, out + err
    return releases_dir / "v1.0.0"
