"""Writing a release: durable before it is published, and two builds at once both listed (issue 15).

Each case goes through the command line (in-process for the fsync count, two processes for the race).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import run_main

ABSTRACT = '{"id": "1", "title": "A title", "abstract": "It is 2x faster than vLLM."}\n'
REPO = Path(__file__).resolve().parents[1]


def test_every_file_and_folder_of_a_release_is_synced_before_it_is_published(tmp_path: Path, monkeypatch):
    """No fsync before the rename that publishes a release: a power loss could leave empty files in it."""
    source = tmp_path / "in.jsonl"
    source.write_text(ABSTRACT, encoding="utf-8")
    releases = tmp_path / "releases"
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    code, out, err = run_main("build", source, "--releases-dir", releases, "--no-cache", "--workers", 1, "--no-report", "--quiet")
    assert code == 0, out + err
    release = next(releases.glob("v*"))
    # synced under the staging folder's name, before the rename: compare paths relative to their release folder
    staged = {Path(p).relative_to(releases).parts[1:] for p in synced if Path(p).is_relative_to(releases)
              and len(Path(p).relative_to(releases).parts) > 1}
    files = {p.relative_to(release).parts for p in release.rglob("*") if p.is_file()}
    folders = {p.relative_to(release).parts for p in release.rglob("*") if p.is_dir()} | {()}
    assert files <= staged, sorted(files - staged)
    assert folders <= staged | {()}, sorted(folders - staged)
    assert str(releases) in synced  # the rename itself


def test_two_builds_at_once_are_both_in_the_changelog(tmp_path: Path):
    """Two builds at once: both releases were written but CHANGELOG.md listed one."""
    releases = tmp_path / "releases"
    builds = []
    for n, version in enumerate(("1.0.0", "2.0.0")):
        source = tmp_path / f"in{n}.jsonl"
        source.write_text(ABSTRACT.replace("A title", f"A title {n}"), encoding="utf-8")
        builds.append(subprocess.Popen(
            [sys.executable, "-c", "import sys; from claimbench.cli import main; sys.exit(main())", "build", str(source), "--releases-dir", str(releases), "--version", version,
             "--no-cache", "--workers", "1", "--no-report", "--quiet"],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))
    for build in builds:
        _, err = build.communicate(timeout=600)
        assert build.returncode == 0, err
    changelog = (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## v1.0.0" in changelog and "## v2.0.0" in changelog
    assert run_main("changelog", "--releases-dir", releases, "--check")[0] == 0
