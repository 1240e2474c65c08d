"""Merging papers read more than once, on the built-in corpus: its four seed dumps repeat papers.

Checked on the papers the production path merges in memory (``read_and_merge``: a run's read and
merge, :mod:`claimbench.run.plan`) and on the papers table of a release built from the seeds
(conftest's ``seed_release``).
"""
from __future__ import annotations

import json
import random
from collections import Counter, defaultdict

import pytest

from claimbench.corpus import seed_dir, seed_files
from claimbench.extract.papers import paper_id_for
from claimbench.extract.readers import expand_inputs, read_papers
from claimbench.release.layout import read_table
from claimbench.run.pipeline import RunStats, read_and_merge

INFINITYMATH = "InfinityMATH: A Scalable Instruction Tuning Dataset in Programmatic Mathematical Reasoning"


@pytest.fixture(scope="module")
def records():
    """Every paper record of the seed dumps, duplicates included, in build order."""
    return [p for path in expand_inputs([seed_dir()]) for p in read_papers(path)]


def merged(inputs) -> list:
    """The merged papers of ``inputs``, sorted by paper_id, as a run reads and merges them."""
    return read_and_merge(inputs, RunStats())[1]


@pytest.fixture(scope="module")
def papers_table(seed_release):
    """The papers table of the release built from the seeds, as rows keyed by paper_id."""
    rows = read_table(seed_release, "papers").to_pylist()
    return {row["paper_id"]: row for row in rows}


def _summary(papers, sources=lambda s: s) -> list[tuple]:
    """What the merge decided, with each source mapped by ``sources``, in source order."""
    return [(m.paper.paper_id, m.paper.title, m.paper.abstract, tuple(sorted(map(sources, m.sources))), m.abstract_variants)
            for m in papers]


def test_seed_dumps_do_repeat_papers(records):
    assert len({r.paper_id for r in records}) < len(records)


def test_one_merged_paper_per_distinct_lowercased_title(records, papers_table):
    titles = {r.title.lower() for r in records}
    assert len(merged([seed_dir()])) == len(titles)
    assert len(papers_table) == len(titles)
    assert sorted(papers_table) == sorted(paper_id_for(t) for t in titles)


# Orders in which to read the seed dumps: the merge must not depend on it.
ORDERS = {
    "reversed": lambda files: files[::-1],
    "rotated": lambda files: files[1:] + files[:1],
    "shuffled": lambda files: random.Random(7).sample(files, len(files)),
}


@pytest.mark.parametrize("order", ORDERS, ids=list(ORDERS))
def test_merge_does_not_depend_on_file_order(order):
    files = ORDERS[order](seed_files())
    assert files != seed_files()
    assert _summary(merged(files)) == _summary(merged(seed_files()))


def test_merge_does_not_depend_on_record_order(records, tmp_path):
    """The seed records shuffled into one JSON-lines file; its line i is shuffled[i - 1], whose source it maps back to.

    (The copies of a seed paper differ at most in their abstract, so which copy is kept, which follows the
    sources, shows only in the paper's source, which the summary leaves out.)
    """
    shuffled = random.Random(11).sample(records, len(records))
    assert shuffled != records
    path = tmp_path / "shuffled.jsonl"
    path.write_text("".join(json.dumps({"title": r.title, "abstract": r.abstract}) + "\n" for r in shuffled), encoding="utf-8")
    original = {f"{path.name}:{line}": r.source for line, r in enumerate(shuffled, start=1)}
    assert _summary(merged([path]), original.__getitem__) == _summary(merged([seed_dir()]))


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
