"""Incremental builds: the extraction cache (claimbench/cache.py) on the built-in corpus.

- a second build of the same corpus extracts no paper (the summary says how many were reused);
- adding papers extracts only those;
- a new extractor version extracts every paper again;
- the output is byte-identical with and without the cache;
- the cache lives in ``.claimbench-cache`` beside the releases folder unless ``--cache DIR`` or ``--no-cache``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimbench.cache.claims import CLAIM_FIELDS, DB_NAME, TABLE_LAYOUT, ClaimCache
from claimbench.corpus import seed_dir, seed_files

from conftest import run_main, snapshot

DATE = ("--date", "2025-01-31")


def _figure(stdout: str, name: str) -> int:
    match = re.search(rf"^{name}:\s+(\d+)$", stdout, re.MULTILINE)
    assert match, f"no {name!r} in the summary:\n{stdout}"
    return int(match.group(1))


def _build(releases: Path, *args) -> str:
    code, stdout, stderr = run_main("build", *args, "--releases-dir", releases, "--workers", 1, "--quiet", *DATE)
    assert code == 0, stdout + stderr
    return stdout


def _extract(out: Path, *args) -> str:
    code, stdout, stderr = run_main("extract", *args, "-o", out, "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    return stdout


def test_second_build_extracts_nothing_and_says_so(tmp_path):
    releases = tmp_path / "releases"
    first = _build(releases)
    assert (_figure(first, "papers extracted"), _figure(first, "cache hits")) == (263, 0)
    assert (tmp_path / ".claimbench-cache" / DB_NAME).is_file()  # beside the releases folder

    second = _build(releases)
    # Its one shard is the newest release's: copied, not even looked up in the cache.
    assert (_figure(second, "papers extracted"), _figure(second, "papers reused"), _figure(second, "cache hits")) == (0, 263, 0)
    assert "up to date" in second
    assert sorted(p.name for p in releases.iterdir()) == ["CHANGELOG.md", "v0.1.0"]


def test_adding_papers_extracts_only_those(tmp_path):
    half = seed_files()[:2]
    cache = tmp_path / "cache"
    first = _extract(tmp_path / "a" / "claims.parquet", *half, "--cache", cache)
    papers_before = _figure(first, "papers")
    everything = _extract(tmp_path / "b" / "claims.parquet", seed_dir(), "--cache", cache)
    assert _figure(everything, "cache hits") == papers_before
    assert _figure(everything, "papers extracted") == _figure(everything, "papers") - papers_before > 0


def test_new_extractor_version_extracts_everything_again(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _extract(tmp_path / "a" / "claims.parquet", seed_dir(), "--cache", cache)
    monkeypatch.setattr("claimbench.extract.claims.EXTRACTOR_VERSION", "99.0.0-test")
    again = _extract(tmp_path / "b" / "claims.parquet", seed_dir(), "--cache", cache)
    assert (_figure(again, "papers extracted"), _figure(again, "cache hits")) == (263, 0)
    import pyarrow.parquet as pq

    assert set(pq.read_table(tmp_path / "b" / "claims.parquet")["extractor_version"].to_pylist()) == {"99.0.0-test"}
    from claimbench.run.extract import extractor_key

    with ClaimCache(cache) as store:  # keyed by the version and a digest of the extractor's files
        assert store.count(extractor_key("99.0.0-test")) == store.count() // 2 == 263


def test_output_is_identical_with_and_without_the_cache(tmp_path):
    cache = tmp_path / "cache"
    outs = {}
    for name, args in (("none", ["--no-cache"]), ("cold", ["--cache", cache]), ("warm", ["--cache", cache])):
        out = tmp_path / name / "claims.parquet"
        _extract(out, seed_dir(), *args)
        outs[name] = (out.read_bytes(), out.with_name("claims.papers.parquet").read_bytes())
    assert outs["none"] == outs["cold"] == outs["warm"]
    assert not (tmp_path / "none" / ".claimbench-cache").exists()


def test_build_with_and_without_cache_gives_the_same_release(tmp_path):
    _build(tmp_path / "cached", "--version", "1.0.0")
    _build(tmp_path / "cached2", "--version", "1.0.0", "--cache", tmp_path / ".claimbench-cache")  # warm
    _build(tmp_path / "plain", "--version", "1.0.0", "--no-cache")
    releases = [tmp_path / name / "v1.0.0" for name in ("cached", "cached2", "plain")]
    files = [snapshot(r) for r in releases]  # every byte, the report's screenshot aside (see conftest.snapshot)
    assert files[0] == files[1] == files[2]


def test_a_paper_whose_abstract_changed_is_extracted_again(tmp_path):
    """The key is the content: the same title with another abstract is a miss."""
    source = tmp_path / "in.jsonl"
    cache = tmp_path / "cache"
    title = "Hardware-Aware Parallel Prompt Decoding for Memory-Efficient Acceleration of LLM Inference"
    source.write_text(f'{{"title": "{title}", "abstract": "It is up to 2.49x faster."}}\n', encoding="utf-8")
    assert _figure(_extract(tmp_path / "a.parquet", source, "--cache", cache), "papers extracted") == 1
    source.write_text(f'{{"title": "{title}", "abstract": "It is up to 3.1x faster."}}\n', encoding="utf-8")
    assert _figure(_extract(tmp_path / "b.parquet", source, "--cache", cache), "papers extracted") == 1
    assert _figure(_extract(tmp_path / "c.parquet", source, "--cache", cache), "cache hits") == 1


@pytest.mark.parametrize("written_by", ["other claim fields", "first store layout"])
def test_cache_written_for_another_claim_layout_is_dropped(tmp_path, written_by):
    """Entries stored under another Claim layout, or by the first layout of the store (a WITHOUT ROWID
    table named by its claim fields), are dropped, never misread."""
    cache = tmp_path / "cache"
    _extract(tmp_path / "a.parquet", seed_files()[0], "--cache", cache)
    import sqlite3

    with sqlite3.connect(cache / DB_NAME) as db:
        if written_by == "other claim fields":
            db.execute("UPDATE meta SET value = ? WHERE name = 'layout'", ("rowid-v2;mention,start,end,value",))
        else:
            db.execute("DELETE FROM meta WHERE name = 'layout'")
            db.execute("INSERT INTO meta VALUES ('claim_fields', ?)", (",".join(CLAIM_FIELDS),))
    db.close()
    again = _extract(tmp_path / "b.parquet", seed_files()[0], "--cache", cache)
    assert _figure(again, "cache hits") == 0
    with sqlite3.connect(cache / DB_NAME) as db:
        assert dict(db.execute("SELECT name, value FROM meta")) == {"layout": f"{TABLE_LAYOUT};{','.join(CLAIM_FIELDS)}"}
    db.close()
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
