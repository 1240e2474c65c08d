"""The fast paths of the validation step give what the plain ones give.

- ``mention_in_abstract`` / ``paper_known`` (Arrow and numpy) against Python's ``str`` slicing and a dict of the papers;
- ``IdTally`` fed Arrow columns against the same tally fed Python lists;
- ``SuiteRunner`` reused chunk after chunk (one GX data source and its batch definitions for every chunk) against
  a fresh runner a chunk;
- ``SuiteRunner``'s savings (each group of expectations over the columns it reads; no rows for the checks of
  column names and dtypes; only where the nulls are for not-null checks) against GX run over the whole frames;
- the committed release's validation report, made again;
- a chunk given as many Arrow pieces (as the build gives it) against the same rows in one piece.
"""
from __future__ import annotations

import json

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimbench.validation import validate_tables
from claimbench.validation.frames import mention_in_abstract, paper_known
from claimbench.validation.stream import ChunkedValidation, IdTally, number_of

from conftest import COMMITTED_RELEASES

PAPER_IDS = ["p1", "p2", "p3", None]
TEXTS = ["It yields a 2.49times speedup.", "Über 3× less memory, 4x faster.", "", "ascii only 12 % here"]


def _by_hand(claims: pa.Table, papers: pa.Table) -> tuple[list, list]:
    """(paper_known, mention_in_abstract) per claim with a dict of the papers (the last row of an id wins)."""
    abstracts = dict(zip(papers["paper_id"].to_pylist(), papers["abstract"].to_pylist()))
    known = [None if p is None else p in abstracts for p in claims["paper_id"].to_pylist()]
    rows = zip(*(claims[name].to_pylist() for name in ("paper_id", "mention", "mention_start", "mention_end")))
    return known, [_slice_matches(abstracts.get(p), m, s, e) for p, m, s, e in rows]


def _slice_matches(abstract: str | None, mention: str | None, start: int | None, end: int | None) -> bool | None:
    """``abstract[start:end] == mention`` with Python's own slicing; None when a part is missing."""
    if abstract is None or mention is None or start is None or end is None:
        return None
    return abstract[start:end] == mention


@st.composite
def claims_and_papers(draw):
    """Papers (ids may repeat or be null) and claims whose offsets are often right, sometimes off, negative or past the end."""
    papers = draw(st.lists(st.tuples(st.sampled_from(PAPER_IDS), st.one_of(st.none(), st.sampled_from(TEXTS))), max_size=5))
    claims = []
    for _ in range(draw(st.integers(0, 12))):
        paper_id = draw(st.sampled_from(PAPER_IDS + ["unknown"]))
        text = draw(st.sampled_from(TEXTS))
        start = draw(st.integers(-5, len(text) + 3))
        end = draw(st.one_of(st.integers(-5, len(text) + 3), st.none()))
        true = text[start:end if end is not None else len(text)]
        near = true[:-1] + ("#" if true[-1:] != "#" else "$")  # the same length, one character off
        mention = draw(st.one_of(st.none(), st.just(true), st.just(near), st.text(max_size=4)))
        claims.append({"paper_id": paper_id, "mention": mention, "mention_start": start, "mention_end": end})
    schema = pa.schema([("paper_id", pa.string()), ("mention", pa.string()), ("mention_start", pa.int32()), ("mention_end", pa.int32())])
    return (pa.Table.from_pylist(claims, schema=schema),
            pa.table({"paper_id": pa.array([p for p, _ in papers], pa.string()), "abstract": pa.array([t for _, t in papers], pa.string())}))


@settings(max_examples=300, deadline=None)
@given(claims_and_papers())
def test_the_joined_columns_are_what_a_dict_and_str_slicing_give(tables):
    claims, papers = tables
    known, matches = _by_hand(claims, papers)
    assert paper_known(claims, papers).to_pylist() == known
    assert mention_in_abstract(claims, papers).to_pylist() == matches


def test_a_missing_id_column_reads_as_null_ids():
    """As before: a missing column is all nulls, and a null id finds the paper with a null id."""
    claims = pa.table({"mention": ["2x", "2x"], "mention_start": pa.array([0, 1], pa.int32()), "mention_end": pa.array([2, 3], pa.int32())})
    papers = pa.table({"abstract": ["2x faster"]})
    assert paper_known(claims, papers).to_pylist() == [None, None]
    assert mention_in_abstract(claims, papers).to_pylist() == [True, False]
    assert mention_in_abstract(claims.drop_columns(["mention"]), papers).to_pylist() == [None, None]


IDS = st.one_of(
    st.none(),
    st.text(alphabet="0123456789abcdef", min_size=1, max_size=18),
    st.sampled_from(["0x1f", "1_f", " ff", "ABCDEF", "", "ba95750f0a0a37df", "02766bd313", "ü1", "not hex"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(IDS, max_size=8), max_size=4))
def test_a_tally_of_arrow_columns_is_the_tally_of_python_lists(chunks):
    from_arrow, from_lists = IdTally(), IdTally()
    for values in chunks:
        from_arrow.add(pa.chunked_array([pa.array(values[:3], pa.string()), pa.array(values[3:], pa.string())]))
        from_lists.add(values)
    assert from_arrow.duplicates() == from_lists.duplicates()


def test_hex_ids_are_tallied_as_their_value_and_the_rest_as_a_hash():
    tally = IdTally()
    tally.add(pa.chunked_array([["00000000000000ff", "ff", "FF", "ff", None]]))
    assert tally.duplicates() == (3, ("ff", "ff", "ff"))  # shown at the width most ids have
    assert number_of("FF")[1] == 0 and number_of("FF")[0] != 255


def _chunk(claims: pa.Table, papers: pa.Table, papers_from: int, papers_to: int) -> tuple[pa.Table, pa.Table]:
    part = papers.slice(papers_from, papers_to - papers_from)
    ids = set(part["paper_id"].to_pylist())
    return claims.filter(pa.array([p in ids for p in claims["paper_id"].to_pylist()])), part


@pytest.fixture(scope="module")
def release_tables():
    release = COMMITTED_RELEASES[-1] if COMMITTED_RELEASES else None
    if release is None:
        pytest.skip("no committed release")
    from claimbench.release.layout import read_table  # one file a table up to v0.7.0, shards from v0.8.0

    return release, read_table(release, "claims"), read_table(release, "papers")


def _spoilt(claims: pa.Table) -> pa.Table:
    """The claims with a bad metric, a swapped range, a shifted mention and a negative offset."""
    rows = claims.to_pylist()
    rows[0]["metric"] = "mfu"
    rows[1].update(value=1.0, value_low=4.0)
    rows[2].update(mention_start=rows[2]["mention_start"] + 1, mention_end=rows[2]["mention_end"] + 1)
    rows[3]["mention_start"] = -1
    return pa.Table.from_pylist(rows, schema=claims.schema)


def _last_chunk(checker: ChunkedValidation) -> list:
    """The outcomes of the chunk the checker checked last (row positions included)."""
    return [checker._outcomes[key][-1] for key in checker._order]


def test_one_checker_reused_over_chunks_reports_what_a_new_checker_a_chunk_reports(release_tables):
    """One data source (its engine keeps the last frame of each batch definition) and narrow frames leak nothing
    from one chunk into the next, in either order: every chunk of a table has the same GX batch id."""
    _, claims, papers = release_tables
    half = papers.num_rows // 2
    good, bad = _chunk(claims, papers, 0, half), _chunk(claims, papers, half, papers.num_rows)
    bad = (_spoilt(bad[0]), bad[1])
    for order in ([good, bad, good], [bad, good, bad]):
        reused = ChunkedValidation(max_quarantine_fraction=1.0)
        for claims_part, papers_part in order:
            fresh = ChunkedValidation(max_quarantine_fraction=1.0)
            kept = reused.check(claims_part, papers_part)
            new = fresh.check(claims_part, papers_part)
            assert kept[0].equals(new[0]) and kept[1].equals(new[1])
            assert _last_chunk(reused) == _last_chunk(fresh)
    assert any(not o.success for o in _last_chunk(reused))  # the spoilt chunk was checked last


def test_the_committed_release_validates_to_its_committed_report(release_tables):
    release, claims, papers = release_tables
    committed = json.loads((release / "validation" / "report.json").read_text(encoding="utf-8"))
    checker = ChunkedValidation()
    checker.check(claims, papers)
    for report in (validate_tables(claims, papers), checker.finish()):
        made = report.to_dict()
        assert {k: made[k] for k in committed} == committed


def test_a_spoilt_table_reports_each_fault_with_its_rows(release_tables):
    _, claims, papers = release_tables
    report = validate_tables(_spoilt(claims), papers, max_quarantine_fraction=1.0)
    failed = {o.name: (o.unexpected_count, o.unexpected_rows) for o in report.outcomes if not o.success}
    assert failed == {
        "expect_column_values_to_be_in_set(metric)": (1, (0,)),
        "expect_column_pair_values_a_to_be_greater_than_b(value, value_low)": (1, (1,)),
        "expect_column_values_to_be_between(mention_start)": (1, (3,)),
        "expect_column_values_to_be_in_set(mention_in_abstract)": (2, (2, 3)),
    }
    assert report.quarantine["reason"].to_pylist()[0] == "expect_column_values_to_be_in_set(metric)"


def _in_pieces(table: pa.Table, rows: int) -> pa.Table:
    """The same rows as a table of many Arrow chunks, as the build passes a chunk (one piece a batch)."""
    return pa.concat_tables([table.slice(i, rows) for i in range(0, table.num_rows, rows)] or [table])


def test_a_chunk_in_many_arrow_pieces_checks_as_the_same_rows_in_one(release_tables):
    """The build validates the batches' tables concatenated, not combined: same kept rows, quarantine and outcomes."""
    _, claims, papers = release_tables
    spoilt = _spoilt(claims)
    whole, pieces = ChunkedValidation(max_quarantine_fraction=1.0), ChunkedValidation(max_quarantine_fraction=1.0)
    one = whole.check(spoilt, papers)
    many = pieces.check(_in_pieces(spoilt, 7), _in_pieces(papers, 5))
    assert _in_pieces(spoilt, 7).column("metric").num_chunks > 1
    assert one[0].equals(many[0]) and one[1].equals(many[1]) and one[1].num_rows == 4
    assert _last_chunk(whole) == _last_chunk(pieces)
    assert whole.finish().to_dict() == pieces.finish().to_dict()


def _with_nulls(claims: pa.Table, papers: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Spoilt claims, and papers with nulls in text and list columns (what the not-null checks read)."""
    rows = papers.to_pylist()
    for i, column in enumerate(("abstract", "categories", "sources", "title", "abstract_variants", "abstract")):
        rows[i][column] = None
    return _spoilt(claims), pa.Table.from_pylist(rows, schema=papers.schema)


def _plain_runner(monkeypatch, suite):
    """A SuiteRunner without its savings: one group a table, over the whole frame, as GX is documented to run."""
    from claimbench.validation import engine

    monkeypatch.setattr(engine, "read_columns", lambda config: None)
    monkeypatch.setattr(engine, "reads_nulls_only", lambda configs: False)
    runner = engine.SuiteRunner(suite)
    monkeypatch.undo()
    assert all(list(groups) == [None] for groups in runner.groups.values())
    return runner


def _comparable(outcomes) -> list[str]:
    """Outcomes as text, so that NaN examples compare equal."""
    from dataclasses import astuple

    return [repr(astuple(o)) for o in outcomes]


def test_the_runners_savings_give_what_gx_gives_over_the_whole_frames(release_tables, monkeypatch):
    import pandas as pd

    from claimbench.validation.engine import SuiteRunner
    from claimbench.validation.frames import claims_frame, table_frame
    from claimbench.validation.suite import load_suite

    _, claims, papers = release_tables
    suite = load_suite()
    runner, plain = SuiteRunner(suite), _plain_runner(monkeypatch, suite)
    assert any(nulls_only for groups in runner.groups.values() for _, _, nulls_only in groups.values())
    assert any(columns == () for groups in runner.groups.values() for columns in groups)
    for claims_part, papers_part in ((claims, papers), _with_nulls(claims, papers), (claims.slice(0, 0), papers.slice(0, 0))):
        frames = {"claims": claims_frame(claims_part, papers_part), "papers": table_frame(papers_part)}
        shuffled = {"claims": frames["claims"].drop(columns=["unit"]),  # a missing column, papers' columns reordered,
                    "papers": frames["papers"][list(frames["papers"].columns)[::-1]].astype({"abstract": object})}
        shuffled["papers"].loc[shuffled["papers"].index[:1], "abstract"] = pd.NA  # another null, in an object column
        for run in (frames, shuffled):
            parameters = {"claims_of_known_papers": int(frames["claims"]["paper_known"].sum())}
            saved = runner.run(run, parameters)
            assert _comparable(saved) == _comparable(plain.run(run, parameters))
    failed = {o.name: (o.unexpected_count, o.unexpected_rows) for o in runner.run(
        {"papers": table_frame(_with_nulls(claims, papers)[1])}, {"claims_of_known_papers": 0}) if not o.success}
    assert failed["expect_column_values_to_not_be_null(abstract)"] == (2, (0, 5))
    assert failed["expect_column_values_to_not_be_null(categories)"] == (1, (1,))
