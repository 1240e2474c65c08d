"""Incremental builds: sharded releases, shards reused from the newest release, input indexes cached.

Synthetic corpora made from the built-in one (263 papers as JSON lines), with shards of 64 records
(``--shard-records 64``) so that a few hundred papers make several shards:

- a rebuild after adding a file gives, byte for byte, the release a fresh build (no cache) of both files gives,
  and extracts only the new papers (the shards of the old file are copied);
- a changed paper in the old file rebuilds only its shard;
- a paper of the new file that repeats one of the old file is merged as before;
- the committed single-file releases (v0.1.0 to v0.7.0) still load, diff and verify;
- the spec's scorer, reading the first ``claims*.parquet`` of a release, sees every claim of a one-shard release.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import claimbench
from claimbench.analysis.diff import diff_releases, diff_tables, release_info
from claimbench.corpus import seed_dir
from claimbench.release.layout import read_frame, read_table, table_files
from claimbench.run.pipeline import RunStats, read_and_merge

from conftest import COMMITTED_RELEASES, run_main, snapshot

SHARD = ("--shard-records", 64)
DATE = ("--date", "2025-01-31")


def _papers() -> list[dict]:
    merged = sorted(read_and_merge([seed_dir()], RunStats())[1], key=lambda m: m.paper.source)
    return [{"id": f"x{i}", "title": m.paper.title, "abstract": m.paper.abstract} for i, m in enumerate(merged)]


def _write(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _build(releases: Path, *args) -> str:
    code, out, err = run_main("build", *args, "--releases-dir", releases, "--workers", 1, "--quiet", *SHARD, *DATE)
    assert code == 0, out + err
    return out


def _figure(stdout: str, name: str) -> int:
    match = re.search(rf"^{name}:\s+(\d+)$", stdout, re.MULTILINE)
    assert match, f"no {name!r} in the summary:\n{stdout}"
    return int(match.group(1))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """(old file: 200 papers, new file: the other 63)."""
    folder = tmp_path_factory.mktemp("corpus")
    papers = _papers()
    assert len(papers) == 263
    return _write(folder / "papers.jsonl", papers[:200]), _write(folder / "papers-added.jsonl", papers[200:])


def _fresh(tmp_path: Path, *inputs: Path) -> Path:
    """A build of ``inputs`` with no cache at all, as release v9.0.0."""
    _build(tmp_path / "fresh", *inputs, "--no-cache", "--version", "9.0.0")
    return tmp_path / "fresh" / "v9.0.0"


def test_rebuild_after_adding_a_file_reuses_the_old_shards_and_equals_a_fresh_build(tmp_path, corpus):
    old, new = corpus
    releases = tmp_path / "releases"
    first = _build(releases, old)
    assert (_figure(first, "shards"), _figure(first, "papers extracted")) == (4, 200)  # 64 + 64 + 64 + 8 records
    again = _build(releases, old, new, "--version", "9.0.0")
    assert (_figure(again, "shards"), _figure(again, "shards reused"), _figure(again, "papers reused")) == (5, 4, 200)
    assert (_figure(again, "papers extracted"), _figure(again, "cache hits")) == (63, 0)
    assert snapshot(releases / "v9.0.0") == snapshot(_fresh(tmp_path, old, new))
    manifest = json.loads((releases / "v9.0.0" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert [s["papers"] for s in manifest["shards"]] == [64, 64, 64, 8, 63]
    assert [p.name for p in table_files(releases / "v9.0.0", "claims")] == [f"claims-0000{i}-of-00005.parquet" for i in range(5)]
    # The diff reads only the shards that differ, and says what a diff of the whole tables says.
    full = diff_tables(*(release_info(r) for r in (releases / "v0.1.0", releases / "v9.0.0")),
                       *(read_frame(r, t) for r in (releases / "v0.1.0", releases / "v9.0.0") for t in ("claims", "papers")))
    assert diff_releases(releases / "v0.1.0", releases / "v9.0.0").to_dict() == full.to_dict()
    assert full.counts()["papers_added"] == 63
    # The same inputs again: every shard reused, nothing written.
    same = _build(releases, old, new)
    assert (_figure(same, "shards reused"), _figure(same, "papers extracted")) == (5, 0) and "up to date" in same


def test_a_changed_paper_rebuilds_only_its_shard(tmp_path, corpus):
    old, new = corpus
    releases = tmp_path / "releases"
    _build(releases, old, new)
    records = [json.loads(line) for line in old.read_text(encoding="utf-8").splitlines()]
    records[70]["abstract"] += " It is up to 3.5x faster than the baseline."  # record 70: the second shard
    changed = _write(tmp_path / "changed" / "papers.jsonl", records)
    again = _build(releases, changed, new, "--version", "9.0.0")
    assert (_figure(again, "shards reused"), _figure(again, "papers extracted"), _figure(again, "cache hits")) == (4, 1, 63)
    assert snapshot(releases / "v9.0.0") == snapshot(_fresh(tmp_path, changed, new))


def test_a_paper_repeated_in_the_new_file_is_merged_as_in_a_fresh_build(tmp_path, corpus):
    old, _ = corpus
    releases = tmp_path / "releases"
    _build(releases, old)
    repeated = json.loads(old.read_text(encoding="utf-8").splitlines()[5])  # in the first shard
    extra = _write(tmp_path / "in" / "a-added.jsonl", [{**repeated, "id": "2401.00001", "categories": "cs.LG"}])
    again = _build(releases, old, extra, "--version", "9.0.0")
    assert (_figure(again, "duplicates merged"), _figure(again, "papers"), _figure(again, "shards reused")) == (1, 200, 3)
    assert snapshot(releases / "v9.0.0") == snapshot(_fresh(tmp_path, old, extra))
    papers = read_table(releases / "v9.0.0", "papers").to_pylist()
    [merged] = [p for p in papers if p["title"] == repeated["title"]]
    # The kept copy is the one whose file:line sorts first ("a-added.jsonl:1"): the paper moves to the new file's shard.
    assert merged["sources"] == ["a-added.jsonl:1", "papers.jsonl:6"] and merged["external_id"] == "2401.00001"
    assert papers[-1]["title"] == repeated["title"]


def test_a_rebuild_with_another_extractor_version_reuses_nothing(tmp_path, corpus, monkeypatch):
    old, _ = corpus
    releases = tmp_path / "releases"
    _build(releases, old)
    monkeypatch.setattr("claimbench.extract.claims.EXTRACTOR_VERSION", "99.0.0-test")
    again = _build(releases, old)
    assert (_figure(again, "shards reused"), _figure(again, "papers extracted")) == (0, 200)


def test_input_indexes_are_cached_by_content(tmp_path, corpus):
    old, _ = corpus
    _build(tmp_path / "releases", old)
    [stored] = (tmp_path / ".claimbench-cache" / "inputs").glob("*.npz")
    from claimbench.release.writer import sha256_file

    assert stored.name.startswith(sha256_file(old))


@pytest.mark.parametrize("release", COMMITTED_RELEASES, ids=lambda p: p.name)
def test_committed_single_file_releases_still_load_and_verify(release, cli):
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    if "data/claims.parquet" not in manifest["files"]:
        pytest.skip("a sharded release")
    claims = claimbench.load(release)
    assert len(claims) == manifest["row_counts"]["claims"]
    assert len(claimbench.load(release, config="papers")) == manifest["row_counts"]["papers"]
    code, out, _ = cli("verify", release)
    assert code == 0, out


def test_diff_from_a_single_file_release_to_a_sharded_one(tmp_path, cli):
    single = [r for r in COMMITTED_RELEASES if (r / "data" / "claims.parquet").is_file()]
    if not single:
        pytest.skip("no committed single-file release")
    _build(tmp_path / "releases", "--version", "9.0.0")
    code, out, err = cli("diff", single[-1], tmp_path / "releases" / "v9.0.0", "--format", "json")
    assert code == 0, err
    counts = json.loads(out)["counts"]
    assert counts["added"] + counts["changed"] + counts["unchanged"] == json.loads(
        (tmp_path / "releases" / "v9.0.0" / "MANIFEST.json").read_text(encoding="utf-8"))["row_counts"]["claims"]


def test_the_scorer_reads_every_claim_of_a_one_shard_release(seed_release):
    """score.py reads ``sorted(release.rglob("claims*.parquet"))[0]``: a release of one shard has all its claims there."""
    first = sorted(seed_release.rglob("claims*.parquet"))[0]
    manifest = json.loads((seed_release / "MANIFEST.json").read_text(encoding="utf-8"))
    assert first.name == "claims-00000-of-00001.parquet"
    assert pq.read_metadata(first).num_rows == manifest["row_counts"]["claims"] > 400  # every claim of the seed corpus
