"""Throughput and scale, the pipeline side: arXiv snapshot input, streaming, engines, determinism.

Real data: the built-in corpus (corpus/seeds) and arXiv-shaped JSON lines
made from its abstracts (the snapshot's fields: id, submitter, authors,
title, comments, journal-ref, doi, report-no, categories, license, abstract,
versions, update_date, authors_parsed; titles and abstracts wrapped over
lines and indented, as the snapshot has them).

What must hold:

- the arXiv id, categories and update date reach the papers table, from a
  plain or a gzip-compressed snapshot;
- the same input gives byte-identical Parquet whatever the engine (local on
  one process, local on two, Dask on a LocalCluster) and whatever the batch,
  chunk and row-group sizes of the streaming (the pipeline's constants are
  shrunk here so the built-in corpus spans many batches, chunks and row groups);
- validation chunk by chunk finds what validating the whole table finds.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimbench.corpus import seed_dir
from claimbench.release import table
from claimbench.run import extract as extract_step
from claimbench.run import write as write_step
from claimbench.run.pipeline import RunStats, read_and_merge

from conftest import run_main

HAS_DASK = importlib.util.find_spec("distributed") is not None
SNAPSHOT_PAPERS = 120


def _wrap(text: str, width: int = 78) -> str:
    """Text broken over lines the way the arXiv snapshot stores abstracts."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "  " + "\n".join(lines + [line]) + "\n"


def arxiv_record(i: int, title: str, abstract: str) -> dict:
    """One line of the arXiv metadata snapshot, for a real title and abstract."""
    record = {
        "id": f"2401.{i:05d}",
        "submitter": "A. Author",
        "authors": "A. Author, B. Author",
        "title": title if i % 3 else title.replace(" ", "\n  ", 1),
        "comments": "12 pages",
        "journal-ref": None,
        "doi": f"10.48550/arXiv.2401.{i:05d}",
        "report-no": None,
        "categories": "cs.LG cs.DC" if i % 2 else "cs.CL",
        "license": "http://creativecommons.org/licenses/by/4.0/",
        "abstract": _wrap(abstract),
        "versions": [{"version": "v1", "created": "Mon, 8 Jan 2024 18:59:59 GMT"},
                     {"version": "v2", "created": "Tue, 20 Feb 2024 09:00:00 GMT"}],
        "update_date": "2024-02-21",
        "authors_parsed": [["Author", "A.", ""], ["Author", "B.", ""]],
    }
    if i % 5 == 0:
        del record["update_date"]  # then the date of the last version is kept
    return record


@pytest.fixture(scope="module")
def seed_papers():
    return [m.paper for m in read_and_merge([seed_dir()], RunStats())[1]]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory, seed_papers) -> Path:
    """arxiv-metadata-oai-snapshot.json of SNAPSHOT_PAPERS seed papers."""
    path = tmp_path_factory.mktemp("arxiv") / "arxiv-metadata-oai-snapshot.json"
    with path.open("w", encoding="utf-8") as fh:
        for i, paper in enumerate(seed_papers[:SNAPSHOT_PAPERS]):
            fh.write(json.dumps(arxiv_record(i, paper.title, paper.abstract)) + "\n")
    return path


def _extract(inputs, out: Path, *extra) -> str:
    code, stdout, stderr = run_main("extract", *inputs, "-o", out, "--quiet", "--no-cache", *extra)
    assert code == 0, stdout + stderr
    return stdout


def _bytes(out: Path) -> tuple[bytes, bytes]:
    return out.read_bytes(), out.with_name(out.stem + ".papers.parquet").read_bytes()


@pytest.mark.parametrize("compress", [False, True], ids=["json", "json.gz"])
def test_arxiv_snapshot_keeps_id_categories_and_dates(tmp_path, snapshot, seed_papers, compress):
    source = snapshot
    if compress:
        source = tmp_path / (snapshot.name + ".gz")
        source.write_bytes(gzip.compress(snapshot.read_bytes()))
    out = tmp_path / "claims.parquet"
    stdout = _extract([source], out, "--workers", 1)
    assert "records read:       120" in stdout
    papers = {row["external_id"]: row for row in pq.read_table(out.with_name("claims.papers.parquet")).to_pylist()}
    assert len(papers) == SNAPSHOT_PAPERS
    for i, paper in enumerate(seed_papers[:SNAPSHOT_PAPERS]):
        row = papers[f"2401.{i:05d}"]
        assert (row["paper_id"], row["title"], row["abstract"]) == (paper.paper_id, paper.title, paper.abstract)
        assert row["categories"] == (["cs.LG", "cs.DC"] if i % 2 else ["cs.CL"])
        assert row["update_date"] == ("2024-02-20" if i % 5 == 0 else "2024-02-21")
        assert row["sources"] == [f"{source.name}:{i + 1}"]


def test_arxiv_snapshot_gives_the_dump_claims(tmp_path, snapshot, seed_papers):
    """The same papers read from the snapshot and from the seed dumps give the same claims."""
    from_snapshot = pq.read_table(_write_and_read(tmp_path / "a", [snapshot]))
    from_seeds = pq.read_table(_write_and_read(tmp_path / "b", [seed_dir()]))
    wanted = {p.paper_id for p in seed_papers[:SNAPSHOT_PAPERS]}
    keys = ("claim_id", "paper_id", "mention", "value", "unit", "metric")

    def rows(t):
        return sorted(tuple(r[k] for k in keys) for r in t.select(list(keys)).to_pylist() if r["paper_id"] in wanted)

    assert rows(from_snapshot) and rows(from_snapshot) == rows(from_seeds)


def _write_and_read(folder: Path, inputs) -> Path:
    out = folder / "claims.parquet"
    _extract(inputs, out, "--workers", 1)
    return out


@pytest.fixture
def small_units(monkeypatch):
    """Batches of 16 papers, chunks of 3 batches, row groups of 50 rows: the corpus spans many of each."""
    monkeypatch.setattr(extract_step, "BATCH_PAPERS", 16)
    monkeypatch.setattr(write_step, "CHUNK_BATCHES", 3)
    monkeypatch.setattr(table, "ROW_GROUP_ROWS", 50)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[bytes, bytes]:
    """claims and papers bytes of ``extract corpus/seeds`` on one process: default batches and chunks, row groups of 50 rows."""
    mp = pytest.MonkeyPatch()
    mp.setattr(table, "ROW_GROUP_ROWS", 50)
    try:
        out = tmp_path_factory.mktemp("reference") / "claims.parquet"
        _extract([seed_dir()], out, "--workers", 1)
    finally:
        mp.undo()
    return _bytes(out)


def test_row_groups_have_the_fixed_size(tmp_path, small_units):
    out = tmp_path / "claims.parquet"
    _extract([seed_dir()], out, "--workers", 1)
    meta = pq.read_metadata(out)
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert len(sizes) > 3 and set(sizes[:-1]) == {50} and 0 < sizes[-1] <= 50


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_output_is_identical_whatever_the_workers_and_batches(tmp_path, small_units, reference, workers):
    out = tmp_path / "claims.parquet"
    stdout = _extract([seed_dir()], out, "--engine", "local", "--workers", workers)
    assert "papers extracted:   263" in stdout
    assert _bytes(out) == reference


@pytest.mark.skipif(not HAS_DASK, reason='Dask distributed is not installed (pip install -e ".[scale]")')
def test_dask_engine_output_is_identical(tmp_path, small_units, reference):
    out = tmp_path / "claims.parquet"
    _extract([seed_dir()], out, "--engine", "dask", "--workers", 2)
    assert _bytes(out) == reference


def test_build_validated_in_chunks_equals_build_in_one_chunk(tmp_path, monkeypatch):
    """Many validation chunks (and a pool of two) give the same release files as one chunk on one process."""
    args = ("--version", "1.0.0", "--date", "2025-01-31", "--quiet", "--no-cache")
    code, out, err = run_main("build", "--releases-dir", tmp_path / "one", "--workers", 1, *args)
    assert code == 0, out + err
    monkeypatch.setattr(extract_step, "BATCH_PAPERS", 16)
    monkeypatch.setattr(write_step, "CHUNK_BATCHES", 2)
    code, out, err = run_main("build", "--releases-dir", tmp_path / "many", "--workers", 2, *args)
    assert code == 0, out + err
    one, many = tmp_path / "one" / "v1.0.0", tmp_path / "many" / "v1.0.0"
    for name in ("data/claims-00000-of-00001.parquet", "data/papers-00000-of-00001.parquet", "README.md"):
        assert (one / name).read_bytes() == (many / name).read_bytes(), name
    report_one = json.loads((one / "validation" / "report.json").read_text(encoding="utf-8"))
    report_many = json.loads((many / "validation" / "report.json").read_text(encoding="utf-8"))
    assert report_one["totals"] == report_many["totals"]
    assert [(e["name"], e["success"], e["unexpected_count"]) for e in report_one["expectations"]] == \
           [(e["name"], e["success"], e["unexpected_count"]) for e in report_many["expectations"]]
    # The sum of n_claims is checked chunk by chunk, and totalled.
    [one_sum] = [e for e in report_one["expectations"] if e["type"] == "expect_column_sum_to_be_between"]
    [many_sum] = [e for e in report_many["expectations"] if e["type"] == "expect_column_sum_to_be_between"]
    assert one_sum["observed_value"] == many_sum["observed_value"] > 0


def test_papers_come_in_input_order(tmp_path):
    """Row order is input order (documented in pipeline.py): papers read once in (file, line) order, claims by offset."""
    out = tmp_path / "claims.parquet"
    _extract([seed_dir()], out, "--workers", 1)
    papers = pq.read_table(out.with_name("claims.papers.parquet")).to_pylist()
    assert len(papers) == 263
    singles = [(name, int(line)) for name, line in (r["sources"][0].rsplit(":", 1) for r in papers if len(r["sources"]) == 1)]
    assert len(singles) > 100 and singles == sorted(singles)
    position = {r["paper_id"]: i for i, r in enumerate(papers)}
    claims = pq.read_table(out).select(["paper_id", "mention_start"]).to_pylist()
    keys = [(position[c["paper_id"]], c["mention_start"]) for c in claims]
    assert keys == sorted(keys)
