"""Paper ids that do not collide in practice, collisions that are caught anyway, and inputs rewritten mid-run.

- ``paper_id`` is 16 hex digits (64 bits) of sha1(folded, lower-cased title). Two different titles
  with the same id (forced here by replacing the id function) are never merged: the title read first
  keeps the id, every record of the other one is a reject naming the id and the kept paper's
  ``file:line``, or, with ``--on-error fail``, stops the run; every record is still accounted for.
- A file rewritten between the index pass and the read pass (same titles, other abstracts or
  metadata) stops the run with one line naming the file and the record; nothing is stored under a
  shard key the data was not computed from, so a later build of the original content gives the
  original claims.

Everything runs through the command line, in this process (``--workers 1``), or through the
in-memory ``read_and_merge`` (the same run's read and merge), so that the replaced functions are
the ones the run calls.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimbench.extract import papers as papers_module
from claimbench.extract import readers as readers_module
from claimbench.extract.dedup import InputChanged
from claimbench.extract.papers import paper_id_for
from claimbench.extract.readers import InputError
from claimbench.run import index as index_step
from claimbench.run.pipeline import RunStats, read_and_merge

from conftest import run_main

DATE = "2025-01-31"
FORCED_ID = "00c0111de0c0111d"
ALPHA = {"id": "a1", "title": "Alpha Serving", "abstract": "Alpha is 2x faster than vLLM."}
GAMMA = {"id": "c1", "title": "Gamma Kernels", "abstract": "Gamma reduces latency by 30%."}
BETA = {"id": "b1", "title": "Beta Training", "abstract": "Beta reaches a 3x speedup over DeepSpeed."}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def colliding_inputs(tmp_path: Path) -> list[Path]:
    """a.jsonl: Alpha (line 1), Gamma (2), Beta (3); b.txt, a daily-papers dump: Beta again (line 3), Alpha again (7)."""
    a = write_jsonl(tmp_path / "a.jsonl", [ALPHA, GAMMA, BETA])
    b = tmp_path / "b.txt"
    b.write_text(f"Mar 11\n\nBeta  Training\n\n{BETA['abstract']}\n\nalpha serving\n\n{ALPHA['abstract']}\n", encoding="utf-8")
    return [a, b]


@pytest.fixture
def forced_collision(monkeypatch):
    """Alpha Serving and Beta Training get the same paper id; every other title its own.

    The readers take the id from ``folded_title_id`` (imported by name in readers, looked up in
    papers by ``paper_id_for``): both are replaced. The title's second fingerprint is left alone.
    """
    real = papers_module.folded_title_id

    def folded_title_id(folded: str) -> str:
        return FORCED_ID if folded.lower() in ("alpha serving", "beta training") else real(folded)

    monkeypatch.setattr(papers_module, "folded_title_id", folded_title_id)
    monkeypatch.setattr(readers_module, "folded_title_id", folded_title_id)
    assert paper_id_for("Alpha  Serving") == paper_id_for("Beta Training") == FORCED_ID


def read_rejects(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------------------------------------- ids


def test_paper_ids_are_64_bits_of_the_sha1_of_the_folded_title(tmp_path: Path, colliding_inputs):
    out = tmp_path / "claims.parquet"
    code, stdout, err = run_main("extract", *colliding_inputs, "-o", out, "--no-cache", "--workers", 1, "--quiet")
    assert code == 0, err
    papers = pq.read_table(tmp_path / "claims.papers.parquet").to_pylist()
    assert sorted(p["title"] for p in papers) == ["Alpha Serving", "Beta Training", "Gamma Kernels"]
    for p in papers:
        assert p["paper_id"] == hashlib.sha1(" ".join(p["title"].split()).lower().encode()).hexdigest()[:16]
    assert "accounting:         5 records read = 3 papers + 2 duplicates merged + 0 rejected" in stdout


# ------------------------------------------------------------------------------------- collisions


def test_a_collision_is_reported_never_merged(tmp_path: Path, colliding_inputs, forced_collision):
    out = tmp_path / "claims.parquet"
    code, stdout, err = run_main("extract", *colliding_inputs, "-o", out, "--no-cache", "--workers", 1, "--quiet",
                                 "--on-error", "skip")
    assert code == 0, err
    papers = {p["title"]: p for p in pq.read_table(tmp_path / "claims.papers.parquet").to_pylist()}
    assert sorted(papers) == ["Alpha Serving", "Gamma Kernels"]
    alpha = papers["Alpha Serving"]
    # Alpha keeps the id and is merged only with its own copy; nothing of Beta went into it.
    assert alpha["paper_id"] == FORCED_ID
    assert alpha["sources"] == ["a.jsonl:1", "b.txt:7"] and alpha["abstract"] == ALPHA["abstract"]
    assert alpha["abstract_variants"] == 1
    claims = pq.read_table(out).to_pylist()
    assert {c["paper_id"] for c in claims} == {FORCED_ID, papers["Gamma Kernels"]["paper_id"]}
    assert not [c for c in claims if "DeepSpeed" in (c["sentence"] or "")]
    # Both records of Beta are rejects, in input order, each naming the id and the paper that keeps it.
    rejects = read_rejects(tmp_path / "claims.rejects.jsonl")
    assert [r["source"] for r in rejects] == ["a.jsonl:3", "b.txt:3"]
    for r in rejects:
        assert FORCED_ID in r["reason"] and "a.jsonl:1" in r["reason"] and "collision" in r["reason"]
        assert r["excerpt"].startswith("Beta") and "DeepSpeed" in r["excerpt"]
    assert "accounting:         5 records read = 2 papers + 1 duplicates merged + 2 rejected" in stdout


def test_a_collision_stops_a_run_that_fails_on_errors(tmp_path: Path, colliding_inputs, forced_collision):
    out = tmp_path / "claims.parquet"
    code, stdout, err = run_main("extract", *colliding_inputs, "-o", out, "--no-cache", "--workers", 1, "--quiet")
    assert code == 2
    assert err.count("\n") == 1 and "bad input:" in err and "a.jsonl:3:" in err
    assert f"paper_id {FORCED_ID} collision" in err and "a.jsonl:1" in err
    assert not out.exists() and not (tmp_path / "claims.papers.parquet").exists()


def test_a_collision_in_a_release_is_listed_in_its_rejects(tmp_path: Path, colliding_inputs, forced_collision):
    releases = tmp_path / "releases"
    code, stdout, err = run_main("build", *colliding_inputs, "--releases-dir", releases, "--cache", tmp_path / "cache",
                                 "--workers", 1, "--quiet", "--no-report", "--on-error", "skip", "--version", "1.0.0",
                                 "--date", DATE)
    assert code == 0, err
    release = releases / "v1.0.0"
    papers = pq.read_table(next((release / "data").glob("papers-*.parquet"))).to_pylist()
    assert sorted((p["title"], tuple(p["sources"])) for p in papers) == [
        ("Alpha Serving", ("a.jsonl:1", "b.txt:7")), ("Gamma Kernels", ("a.jsonl:2",))]
    rejects = read_rejects(release / "rejects.jsonl")
    assert [r["source"] for r in rejects] == ["a.jsonl:3", "b.txt:3"]
    assert all(FORCED_ID in r["reason"] and "a.jsonl:1" in r["reason"] for r in rejects)
    assert "5 records read = 2 papers + 1 duplicates merged + 2 rejected" in stdout


def test_the_in_memory_merge_sets_a_collision_aside(colliding_inputs, forced_collision):
    stats = RunStats()
    _, merged = read_and_merge(colliding_inputs, stats, on_error="skip")
    assert sorted((m.paper.title, m.sources) for m in merged) == [
        ("Alpha Serving", ("a.jsonl:1", "b.txt:7")), ("Gamma Kernels", ("a.jsonl:2",))]
    assert [(r.source, FORCED_ID in r.reason and "a.jsonl:1" in r.reason) for r in stats.rejects] == [
        ("a.jsonl:3", True), ("b.txt:3", True)]
    assert (stats.records_read, stats.papers, stats.duplicates_merged, stats.rejected) == (5, 2, 1, 2)
    with pytest.raises(InputError, match="a.jsonl:3: paper_id 00c0111de0c0111d collision"):
        read_and_merge(colliding_inputs, RunStats())


# ------------------------------------------------------------------- inputs rewritten between passes


ORIGINAL = [
    {"id": "1", "title": "Fast Decoding", "abstract": "Our decoder is 2x faster than vLLM on an A100."},
    {"id": "2", "title": "Small Caches", "abstract": "The cache reduces memory by 40%."},
]
REWRITTEN = [  # the same titles, other abstracts
    {"id": "1", "title": "Fast Decoding", "abstract": "Our decoder is 7x faster than vLLM on an A100."},
    {"id": "2", "title": "Small Caches", "abstract": "The cache reduces memory by 90%."},
]


def rewrite_after_indexing(monkeypatch, path: Path, records: list[dict]) -> None:
    """Rewrite ``path`` once the run has indexed its inputs and planned, before it reads them again."""

    class RewritingPlan(index_step.Plan):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            write_jsonl(path, records)

    monkeypatch.setattr(index_step, "Plan", RewritingPlan)


def build(inputs, releases: Path, cache: Path | None, version: str) -> tuple[int, str, str]:
    cache_args = ("--cache", cache) if cache is not None else ("--no-cache",)
    return run_main("build", *inputs, "--releases-dir", releases, *cache_args, "--workers", 1, "--quiet", "--no-report",
                    "--version", version, "--date", DATE)


def claim_values(release: Path) -> list[tuple[str, float]]:
    table = pq.read_table(next((release / "data").glob("claims-*.parquet")), columns=["mention", "value"])
    return sorted(zip(table.column("mention").to_pylist(), table.column("value").to_pylist()))


def test_a_file_rewritten_between_the_passes_stops_the_build_and_stores_nothing(tmp_path: Path, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", ORIGINAL)
    releases, cache = tmp_path / "releases", tmp_path / "cache"
    rewrite_after_indexing(monkeypatch, source, REWRITTEN)
    code, _, err = build([source], releases, cache, "1.0.0")
    assert code == 2
    assert err.count("\n") == 1 and "in.jsonl:1" in err and "the input changed while it was being read" in err
    assert "'Fast Decoding'" in err
    assert not list(releases.glob("v*")), "a release was written"
    assert not list((cache / "shards").glob("*.json")), "a shard was stored under the key of content it was not made from"
    monkeypatch.undo()

    # The file now holds the rewritten content: it builds, and is what the release holds.
    code, _, err = build([source], releases, cache, "1.0.0")
    assert code == 0, err
    assert [m for m, _ in claim_values(releases / "v1.0.0")] == ["7x", "90%"]

    # The original content again: its own claims, not those read under its key by the failed run.
    write_jsonl(source, ORIGINAL)
    code, _, err = build([source], releases, cache, "1.1.0")
    assert code == 0, err
    fresh = tmp_path / "fresh"
    code, _, err = build([source], fresh, None, "1.1.0")
    assert code == 0, err
    assert [m for m, _ in claim_values(releases / "v1.1.0")] == ["2x", "40%"]
    for table in ("claims", "papers"):
        [built] = (releases / "v1.1.0" / "data").glob(f"{table}-*.parquet")
        [expected] = (fresh / "v1.1.0" / "data").glob(f"{table}-*.parquet")
        assert built.read_bytes() == expected.read_bytes()


def test_metadata_rewritten_between_the_passes_is_caught_too(tmp_path: Path, monkeypatch):
    """Not only the abstract: anything the rows keep (here the categories) must be what was indexed."""
    source = write_jsonl(tmp_path / "in.jsonl", ORIGINAL)
    rewrite_after_indexing(monkeypatch, source, [dict(r, categories="cs.DC") for r in ORIGINAL])
    out = tmp_path / "claims.parquet"
    code, _, err = run_main("extract", source, "-o", out, "--no-cache", "--workers", 1, "--quiet")
    assert code == 2 and "in.jsonl:1" in err and "the input changed while it was being read" in err
    assert not out.exists()


def test_a_cached_index_of_the_old_bytes_does_not_hide_a_rewrite(tmp_path: Path, monkeypatch):
    """The second run finds the first one's index of the file's bytes in the cache; the file changes after."""
    source = write_jsonl(tmp_path / "in.jsonl", ORIGINAL)
    cache = tmp_path / "cache"
    code, _, err = run_main("extract", source, "-o", tmp_path / "first.parquet", "--cache", cache, "--workers", 1, "--quiet")
    assert code == 0, err
    rewrite_after_indexing(monkeypatch, source, REWRITTEN)
    code, _, err = run_main("extract", source, "-o", tmp_path / "second.parquet", "--cache", cache, "--workers", 1, "--quiet")
    assert code == 2 and "the input changed while it was being read" in err


def test_the_in_memory_merge_checks_the_abstract_too(tmp_path: Path, monkeypatch):
    """Same titles, other abstracts: the record read again is not the one indexed."""
    source = write_jsonl(tmp_path / "in.jsonl", ORIGINAL)
    rewrite_after_indexing(monkeypatch, source, REWRITTEN)
    with pytest.raises(InputChanged, match="in.jsonl:1: the input changed"):
        read_and_merge([source], RunStats())
