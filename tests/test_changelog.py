"""releases/CHANGELOG.md (claimbench.analysis.changelog): written from the releases alone, newest first, deterministic."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimbench.analysis import changelog
from claimbench.analysis.diff import diff_releases
from claimbench.release.versioning import ReleaseNotFound, releases_in

from conftest import REPO_ROOT, run_main

RELEASES = REPO_ROOT / "releases"


def run_changelog_cli(*args) -> tuple[int, str, str]:
    """``claimbench changelog ARGS`` through the real CLI."""
    return run_main("changelog", *args)


@pytest.fixture
def releases(tmp_path) -> Path:
    for name in ("v0.1.0", "v0.2.0"):
        shutil.copytree(RELEASES / name, tmp_path / name)
    return tmp_path


def test_sections_newest_first_with_manifest_facts(releases):
    text = changelog.write_changelog(releases).read_text(encoding="utf-8")
    assert text.index("## v0.2.0 (2026-11-24)") < text.index("## v0.1.0 (2026-11-24)")
    for _, folder in releases_in(releases):
        manifest = json.loads((folder / "MANIFEST.json").read_text())
        section = text.split(f"## v{manifest['version']} ")[1].split("\n## ")[0]
        assert f"- extractor {manifest['extractor_version']}, schema {manifest['schema_version']}" in section
        assert f"- {manifest['row_counts']['papers']} papers, {manifest['row_counts']['claims']} claims" in section


def test_diff_from_previous_release_is_the_diff_command(releases):
    text = changelog.changelog_text(releases)
    counts = diff_releases(releases / "v0.1.0", releases / "v0.2.0").counts()
    assert (f"- since v0.1.0: {counts['added']} claims added, {counts['removed']} removed, {counts['changed']} changed"
            in text)
    assert "- minor: the extraction changed" in text
    assert "| speedup | 107 | 106 | -1 | 0 | 0 |" in text          # by metric, v0.1.0 -> v0.2.0
    assert "- first release" in text.split("## v0.1.0")[1]


def test_same_releases_same_bytes(releases, tmp_path):
    first = changelog.write_changelog(releases).read_bytes()
    assert changelog.write_changelog(releases).read_bytes() == first
    assert b"\r\n" not in first


def test_a_card_only_release_is_a_patch(releases):
    patch = releases / "v0.2.1"
    shutil.copytree(releases / "v0.2.0", patch)
    manifest = json.loads((patch / "MANIFEST.json").read_text())
    manifest.update(version="0.2.1", date="2026-12-01")
    manifest["files"]["README.md"] = "0" * 64
    (patch / "MANIFEST.json").write_text(json.dumps(manifest))
    text = changelog.changelog_text(releases)
    assert text.index("## v0.2.1 (2026-12-01)") < text.index("## v0.2.0")
    section = text.split("## v0.2.1")[1].split("\n## ")[0]
    assert "- patch: the card or documentation only" in section
    assert "0 claims added, 0 removed, 0 changed" in section


def test_committed_changelog_is_up_to_date():
    """releases/CHANGELOG.md must be regenerated whenever a release is added."""
    assert (RELEASES / "CHANGELOG.md").read_text(encoding="utf-8") == changelog.changelog_text(RELEASES)


def test_cli_writes_and_checks(releases):
    code, out, err = run_changelog_cli("--releases-dir", releases, "--check")
    assert code == 1 and "out of date" in err
    code, out, err = run_changelog_cli("--releases-dir", releases)
    assert code == 0, err
    assert out == f"wrote {releases / 'CHANGELOG.md'} (2 releases, newest v0.2.0)\n"
    code, out, _ = run_changelog_cli("--releases-dir", releases, "--check")
    assert code == 0 and "up to date" in out


def test_no_release_is_a_clear_error(tmp_path):
    with pytest.raises(ReleaseNotFound, match=str(tmp_path)):
        changelog.changelog_text(tmp_path)
