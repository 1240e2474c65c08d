"""Versioning rules (claimbench.release.versioning) on copies of the committed releases.

major: schema change; minor: data change (a change of layout included); patch: card only; else up to date.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimbench.release.versioning import ReleaseNotFound, bump, find_release, next_version, releases_in, resolve_release, version_key
from claimbench.schemas import CLAIMS_SCHEMA, SCHEMA_VERSION

from conftest import REPO_ROOT

RELEASES = REPO_ROOT / "releases"
V020 = RELEASES / "v0.2.0"


def _tables(folder: Path):
    """A committed release's tables, as a build of today's schema would hold them (columns added since, null)."""
    claims = pq.read_table(folder / "data" / "claims.parquet")
    for name in CLAIMS_SCHEMA.names:
        if name not in claims.column_names:
            claims = claims.add_column(CLAIMS_SCHEMA.get_field_index(name), name, pa.nulls(claims.num_rows, pa.string()))
    return claims.cast(CLAIMS_SCHEMA), pq.read_table(folder / "data" / "papers.parquet")


def test_the_schema_change_of_metric_phrase_is_next_major(tmp_path):
    """v0.2.0 is of schema 1 (no metric_phrase): the same claims with the column are a new major version."""
    shutil.copytree(V020, tmp_path / "v0.2.0")
    assert next_version(tmp_path, *_tables(V020)) == ("1.0.0", False)


@pytest.fixture
def releases(tmp_path) -> Path:
    """A releases folder holding a copy of the committed v0.1.0, and v0.2.0's tables written again as v0.2.0
    of the same date in the current layout (one shard)."""
    from claimbench.release.writer import write_release

    shutil.copytree(RELEASES / "v0.1.0", tmp_path / "v0.1.0")
    manifest = json.loads((V020 / "MANIFEST.json").read_text())
    write_release(tmp_path, "0.2.0", *_tables(V020), inputs=[], validation={"success": True},
                  extractor_version=manifest["extractor_version"], builder_version=manifest["builder_version"], date=manifest["date"])
    return tmp_path


def test_a_release_of_the_old_layout_holds_other_data(tmp_path):
    """v0.2.0 keeps each table in one file (data/claims.parquet): the same tables in shards are a new minor version."""
    shutil.copytree(V020, tmp_path / "v0.2.0")
    manifest_path = tmp_path / "v0.2.0" / "MANIFEST.json"  # as if of today's schema: the layout is the one difference
    manifest_path.write_text(json.dumps({**json.loads(manifest_path.read_text()), "schema_version": SCHEMA_VERSION}))
    assert next_version(tmp_path, *_tables(V020)) == ("0.3.0", False)


def test_committed_releases_are_found_oldest_first():
    found = releases_in(RELEASES)
    assert [key for key, _ in found][:2] == [(0, 1, 0), (0, 2, 0)]
    assert [key for key, _ in found] == sorted(key for key, _ in found)


def test_non_release_folders_are_ignored(releases):
    (releases / "v9.9.9").mkdir()              # no MANIFEST.json
    (releases / ".tmp-v1.0.0-abc").mkdir()
    (releases / "CHANGELOG.md").write_text("x")
    assert [key for key, _ in releases_in(releases)] == [(0, 1, 0), (0, 2, 0)]


def test_no_release_gives_0_1_0(tmp_path):
    claims, papers = _tables(V020)
    assert next_version(tmp_path / "missing", claims, papers) == ("0.1.0", False)


def test_same_data_is_up_to_date(releases):
    claims, papers = _tables(V020)
    assert next_version(releases, claims, papers) == ("0.2.0", True)


def test_changed_extraction_is_next_minor(releases):
    claims, papers = _tables(V020)
    assert next_version(releases, claims.slice(1), papers) == ("0.3.0", False)
    claims_v010, _ = _tables(RELEASES / "v0.1.0")  # v0.1.0's extraction, built after v0.2.0
    assert next_version(releases, claims_v010, papers) == ("0.3.0", False)


def test_new_papers_are_next_minor(releases):
    claims, papers = _tables(V020)
    assert next_version(releases, claims, papers.slice(0, papers.num_rows - 1)) == ("0.3.0", False)


def test_other_schema_version_is_next_major(releases):
    manifest_path = releases / "v0.2.0" / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema_version"] = 0
    manifest_path.write_text(json.dumps(manifest))
    claims, papers = _tables(V020)
    assert next_version(releases, claims, papers) == ("1.0.0", False)


def test_card_only_change_is_next_patch_rendered_for_the_newest_release(releases):
    claims, papers = _tables(V020)
    calls = []

    def card_for(version: str, date: str) -> str:
        calls.append((version, date))
        return (releases / "v0.2.0" / "README.md").read_text(encoding="utf-8") + "\nA new paragraph of documentation.\n"

    assert next_version(releases, claims, papers, card_text_for=card_for) == ("0.2.1", False)
    assert calls == [("0.2.0", "2026-11-24")]  # the newest release's own version and date, not the new ones


def test_same_card_is_up_to_date(releases):
    claims, papers = _tables(V020)
    same = (releases / "v0.2.0" / "README.md").read_text(encoding="utf-8")
    assert next_version(releases, claims, papers, card_text_for=lambda v, d: same) == ("0.2.0", True)


def test_current_card_code_differs_from_the_committed_card(releases):
    """The real renderer: with the card's current text, v0.2.0's data gets a patch (or is up to date
    once a release with this card exists) -- never a minor, since the data is the same."""
    from claimbench.release.card import ReleaseFacts, card_text

    manifest = json.loads((V020 / "MANIFEST.json").read_text())
    claims, papers = _tables(V020)

    def card_for(version, date):
        facts = ReleaseFacts(version, date, manifest["extractor_version"], manifest["builder_version"],
                             tuple(manifest["inputs"]), True, 0, 0, True, None)
        return card_text(facts, claims, papers)

    version, up_to_date = next_version(releases, claims, papers, card_text_for=card_for)
    readme = (releases / "v0.2.0" / "README.md").read_text(encoding="utf-8")
    assert (version, up_to_date) == (("0.2.0", True) if card_for("0.2.0", "2026-11-24") == readme else ("0.2.1", False))


def test_bump_and_version_key():
    assert [bump("0.2.0", p) for p in ("major", "minor", "patch")] == ["1.0.0", "0.3.0", "0.2.1"]
    assert version_key("v0.10.0") > version_key("0.9.9")
    with pytest.raises(ValueError):
        bump("0.2.0", "micro")


def test_find_and_resolve_release(releases):
    assert find_release(releases) == releases / "v0.2.0"
    assert find_release(releases, "v0.1.0") == releases / "v0.1.0"
    assert resolve_release("0.1.0", releases) == releases / "v0.1.0"
    assert resolve_release(releases / "v0.2.0") == releases / "v0.2.0"


def test_missing_version_lists_the_available_ones(releases):
    with pytest.raises(ReleaseNotFound) as err:
        find_release(releases, "0.7.0")
    assert str(releases) in str(err.value) and "v0.1.0, v0.2.0" in str(err.value)
    with pytest.raises(ReleaseNotFound, match="no such release folder"):
        resolve_release(releases / "nowhere", releases)
    with pytest.raises(ReleaseNotFound, match="no release under"):
        find_release(releases / "empty")
