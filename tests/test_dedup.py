"""Merging papers read more than once, on the built-in corpus: its four seed dumps repeat papers.

Checked on the records the readers give (``merge_duplicates``) and on the
papers table of a release built from the seeds (conftest's ``seed_release``).
"""
from __future__ import annotations

import itertools
import random
from collections import Counter, defaultdict

import pyarrow.parquet as pq
import pytest

from claimbench.release.layout import read_table
from claimbench.corpus import seed_dir, seed_files
from claimbench.extract.dedup import merge_duplicates
from claimbench.extract.papers import paper_id_for
from claimbench.extract.readers import read_inputs, read_papers

INFINITYMATH = "InfinityMATH: A Scalable Instruction Tuning Dataset in Programmatic Mathematical Reasoning"


@pytest.fixture(scope="module")
def records():
    """Every paper record of the seed dumps, duplicates included, in build order."""
    return list(read_inputs([seed_dir()]))


@pytest.fixture(scope="module")
def papers_table(seed_release):
    """The papers table of the release built from the seeds, as rows keyed by paper_id."""
    rows = read_table(seed_release, "papers").to_pylist()
    return {row["paper_id"]: row for row in rows}


def _summary(merged) -> list[tuple]:
    return [(m.paper.paper_id, m.paper.title, m.paper.abstract, m.sources, m.abstract_variants) for m in merged]


def test_seed_dumps_do_repeat_papers(records):
    assert len({r.paper_id for r in records}) < len(records)


def test_one_merged_paper_per_distinct_lowercased_title(records, papers_table):
    titles = {r.title.lower() for r in records}
    assert len(merge_duplicates(records)) == len(titles)
    assert len(papers_table) == len(titles)
    assert sorted(papers_table) == sorted(paper_id_for(t) for t in titles)


# Orders in which to read the seed dumps: the merge must not depend on it.
ORDERS = {
    "reversed": lambda files: files[::-1],
    "rotated": lambda files: files[1:] + files[:1],
    "shuffled": lambda files: random.Random(7).sample(files, len(files)),
}


@pytest.mark.parametrize("order", ORDERS, ids=list(ORDERS))
def test_merge_does_not_depend_on_file_order(records, order):
    files = ORDERS[order](seed_files())
    assert files != seed_files()
    reordered = list(itertools.chain.from_iterable(read_papers(f) for f in files))
    assert _summary(merge_duplicates(reordered)) == _summary(merge_duplicates(records))


def test_merge_does_not_depend_on_record_order(records):
    shuffled = random.Random(11).sample(records, len(records))
    assert _summary(merge_duplicates(shuffled)) == _summary(merge_duplicates(records))


def test_infinitymath_keeps_the_majority_abstract(records, papers_table):
    copies = [r for r in records if r.title == INFINITYMATH]
    counts = Counter(r.abstract for r in copies)
    (majority, n_majority), (_, n_minority) = counts.most_common()
    assert len(copies) == len(seed_files()) and n_majority > n_minority  # the case this test is about

    row = papers_table[paper_id_for(INFINITYMATH)]
    assert row["abstract"] == majority
    assert row["abstract_variants"] == 2
    assert row["sources"] == sorted(r.source for r in copies)


def test_sources_list_every_file_line(records, papers_table):
    expected = defaultdict(list)
    for r in records:
        expected[r.paper_id].append(r.source)
    assert {pid: row["sources"] for pid, row in papers_table.items()} == {pid: sorted(s) for pid, s in expected.items()}


def test_sources_point_at_the_title_line(papers_table):
    lines = {f.name: f.read_text(encoding="utf-8").split("\n") for f in seed_files()}
    wrong = []
    for row in papers_table.values():
        for source in row["sources"]:
            name, line = source.rsplit(":", 1)
            if lines[name][int(line) - 1].strip().lower() != row["title"].lower():
                wrong.append((row["paper_id"], source))
    assert wrong == []


def test_abstract_variants_count_the_different_abstracts(records, papers_table):
    abstracts = defaultdict(set)
    for r in records:
        abstracts[r.paper_id].add(r.abstract)
    assert {pid: row["abstract_variants"] for pid, row in papers_table.items()} == {
        pid: len(a) for pid, a in abstracts.items()}
