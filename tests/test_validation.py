"""The validation step: the expectation suite over claims and papers tables built from real abstracts.

Abstracts (sentences as arXiv's metadata dump gives them, LaTeX residue kept):
FlashAttention-2 (arXiv 2307.08691) and vLLM / PagedAttention (arXiv 2309.06180).
Each bad row is a good row with one field broken; the reason it is quarantined
with must name the expectation it breaks. One GX run per table fixture, shared.
"""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from claimbench.extract.model import Claim
from claimbench.extract.papers import paper_id_for
from claimbench.release.table import claim_id_for, claim_rows, claims_table, papers_table
from claimbench.validation import ValidationReport, validate_tables
from claimbench.validation.generate_suite import build_suite, suite_text
from claimbench.validation.suite import suite_path

FLASH_TITLE = "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning"
FLASH_ABSTRACT = (
    "FlashAttention-2 yields around 2times speedup compared to FlashAttention, reaching 50-73\\% of the "
    "theoretical maximum FLOPs/s on A100. When used end-to-end to train GPT-style models, FlashAttention-2 "
    "reaches training speed of up to 225 TFLOPs/s per A100 GPU (72\\% model FLOPs utilization)."
)
VLLM_TITLE = "Efficient Memory Management for Large Language Model Serving with PagedAttention"
VLLM_ABSTRACT = (
    "Our evaluations show that vLLM improves the throughput of popular LLMs by 2-4times with the same level "
    "of latency compared to the state-of-the-art systems, such as FasterTransformer and Orca."
)
UNKNOWN_PAPER = "ffffffffff"

# (mention, value, value_low, unit, metric, qualifier, change, baseline, hardware, workload)
FLASH_CLAIMS = [
    ("2times", 2.0, None, "x", "speedup", "approx", "increase", "FlashAttention", "A100", None),
    ("50-73\\%", 73.0, 50.0, "%", "utilization", "none", "none", None, "A100", None),
    ("225 TFLOPs/s", 225.0, None, "TFLOPS", "throughput", "up_to", "none", None, "A100 GPU", "GPT-style models"),
    ("72\\%", 72.0, None, "%", "utilization", "none", "none", None, "A100 GPU", "GPT-style models"),
]
VLLM_CLAIMS = [
    ("2-4times", 4.0, 2.0, "x", "throughput", "none", "increase", "the state-of-the-art systems", None, "popular LLMs"),
]


# The words each metric is read from (metric_phrase), by mention.
PHRASES = {"2times": "speedup", "50-73\\%": "of the theoretical maximum", "225 TFLOPs/s": "training speed",
           "72\\%": "model FLOPs utilization", "2-4times": "throughput"}


def make_claims(abstract: str, specs: list[tuple]) -> list[Claim]:
    """Claims at the true offsets of their mentions, each in its true sentence, with its metric's phrase."""
    claims = []
    for mention, value, low, unit, metric, qualifier, change, baseline, hardware, workload in specs:
        start = abstract.index(mention)
        sentence_start = abstract.rfind(". ", 0, start) + 2 if ". " in abstract[:start] else 0
        sentence_end = abstract.index(".", start + len(mention)) + 1
        claims.append(Claim(
            mention, start, start + len(mention), value, low, unit, metric, qualifier, change,
            baseline, hardware, workload, abstract[sentence_start:sentence_end], sentence_start, PHRASES[mention],
        ))
    return claims


def paper(title: str, abstract: str, n_claims: int) -> dict:
    return {
        "paper_id": paper_id_for(title), "title": title, "abstract": abstract, "external_id": None,
        "categories": ["cs.LG"], "update_date": None, "sources": ["seeds.txt:1"],
        "abstract_variants": 1, "n_claims": n_claims,
    }


def good_rows() -> list[dict]:
    return (claim_rows(paper_id_for(FLASH_TITLE), FLASH_TITLE, make_claims(FLASH_ABSTRACT, FLASH_CLAIMS), "test")
            + claim_rows(paper_id_for(VLLM_TITLE), VLLM_TITLE, make_claims(VLLM_ABSTRACT, VLLM_CLAIMS), "test"))


def good_papers(extra_flash_claims: int = 0):
    return papers_table([paper(FLASH_TITLE, FLASH_ABSTRACT, len(FLASH_CLAIMS) + extra_flash_claims),
                         paper(VLLM_TITLE, VLLM_ABSTRACT, len(VLLM_CLAIMS))])


def by_mention(rows: list[dict], mention: str) -> dict:
    return next(row for row in rows if row["mention"] == mention)


def bad_rows() -> list[dict]:
    """The good rows, three of them broken in place, plus a claim of a paper the papers table lacks."""
    rows = good_rows()
    by_mention(rows, "72\\%")["metric"] = "mfu"
    by_mention(rows, "2-4times").update(value=2.0, value_low=4.0, value_canonical=2.0, value_low_canonical=4.0)
    shifted = by_mention(rows, "225 TFLOPs/s")
    shifted.update(mention_start=shifted["mention_start"] + 1, mention_end=shifted["mention_end"] + 1)
    orphan = dict(by_mention(rows, "2times"), paper_id=UNKNOWN_PAPER)
    orphan["claim_id"] = claim_id_for(UNKNOWN_PAPER, orphan["mention_start"], orphan["mention_end"])
    return rows + [orphan]


@pytest.fixture(scope="module")
def good() -> ValidationReport:
    return validate_tables(claims_table(good_rows()), good_papers())


@pytest.fixture(scope="module")
def bad() -> ValidationReport:
    return validate_tables(claims_table(bad_rows()), good_papers())


def test_the_true_offsets_hold_the_mentions():
    rows = good_rows()
    assert (by_mention(rows, "50-73\\%")["mention_start"], by_mention(rows, "50-73\\%")["mention_end"]) == (83, 90)
    assert all(FLASH_ABSTRACT[r["mention_start"]:r["mention_end"]] == r["mention"] for r in rows[:4])


def test_a_good_table_passes(good):
    assert good.success
    assert [o.name for o in good.outcomes if not o.success] == []
    assert good.valid_claims.equals(claims_table(good_rows()))
    assert good.quarantine.num_rows == 0
    assert good.quarantine.column_names == good.valid_claims.column_names + ["reason"]


@pytest.mark.parametrize(
    ("paper_id", "mention", "reason"),
    [
        (paper_id_for(FLASH_TITLE), "72\\%", "expect_column_values_to_be_in_set(metric)"),
        (paper_id_for(VLLM_TITLE), "2-4times",
         "expect_column_pair_values_a_to_be_greater_than_b(value, value_low); "
         "expect_column_pair_values_a_to_be_greater_than_b(value_canonical, value_low_canonical)"),
        (paper_id_for(FLASH_TITLE), "225 TFLOPs/s", "expect_column_values_to_be_in_set(mention_in_abstract)"),
        (UNKNOWN_PAPER, "2times", "expect_column_values_to_be_in_set(paper_known)"),
    ],
)
def test_a_bad_row_is_quarantined_with_the_expectation_it_breaks(bad, paper_id, mention, reason):
    reasons = {(r["paper_id"], r["mention"]): r["reason"] for r in bad.quarantine.to_pylist()}
    assert reasons[paper_id, mention] == reason


def test_good_rows_stay_valid_beside_bad_ones(bad):
    assert bad.valid_claims.column("mention").to_pylist() == ["2times", "50-73\\%"]
    assert bad.valid_claims.column("paper_id").to_pylist() == [paper_id_for(FLASH_TITLE)] * 2
    assert bad.quarantine.num_rows == 4


def test_row_failures_fail_the_build_only_above_the_quarantine_threshold(bad):
    assert [o.name for o in bad.outcomes if o.fails_build] == []
    assert not bad.success  # 4 of 6 rows quarantined, over the default 1%
    assert dataclasses.replace(bad, max_quarantine_fraction=0.7).success


@pytest.mark.parametrize(
    ("case", "failed"),
    [
        ("duplicate claim_id", "expect_column_values_to_be_unique(claim_id)"),
        ("n_claims off by one", "expect_column_sum_to_be_between(n_claims)"),
        ("hardware column missing", "expect_table_columns_to_match_ordered_list()"),
    ],
)
def test_a_table_level_failure_fails_the_build(case, failed):
    claims, papers = claims_table(good_rows()), good_papers()
    if case == "duplicate claim_id":
        claims, papers = claims_table(good_rows() + good_rows()[:1]), good_papers(extra_flash_claims=1)
    elif case == "n_claims off by one":
        papers = good_papers(extra_flash_claims=1)
    else:
        claims = claims.drop_columns(["hardware"])
    report = validate_tables(claims, papers, max_quarantine_fraction=1.0)
    assert not report.success
    assert failed in [o.name for o in report.outcomes if o.fails_build]
    assert report.quarantine.num_rows == 0


def test_the_report_is_json_with_one_entry_per_expectation(bad):
    report = bad.to_dict()
    assert json.loads(json.dumps(report, allow_nan=False)) == report
    assert len(report["expectations"]) == len(json.loads(suite_path().read_text())["expectations"])
    entry = next(e for e in report["expectations"] if e["name"] == "expect_column_values_to_be_in_set(metric)")
    assert entry == {
        "name": "expect_column_values_to_be_in_set(metric)", "table": "claims", "level": "row",
        "type": "expect_column_values_to_be_in_set", "columns": ["metric"], "success": False,
        "unexpected_count": 1, "unexpected_examples": ["mfu"], "observed_value": None, "details": None, "error": None,
    }
    assert report["totals"]["quarantined_rows"] == 4 and report["totals"]["failed_fatal"] == 0


def test_the_summary_names_the_verdict_and_each_failure(bad):
    lines = bad.summary_text().splitlines()
    assert lines[0].startswith("validation FAILED: ")
    assert "4 of 6 claims rows quarantined" in lines[0]
    assert "  row    claims  expect_column_values_to_be_in_set(metric): 1 unexpected, e.g. 'mfu'" in lines


def test_too_many_quarantined_rows_are_named_by_paper_mention_and_reason(bad):
    """A build that fails on the quarantine share says which records went there (issue 15), in both the whole-table
    and the chunk-by-chunk validation."""
    lines = [line for line in bad.summary_text().splitlines() if line.startswith("  quarantined: ")]
    assert len(lines) == 3
    assert f"  quarantined: paper {paper_id_for(FLASH_TITLE)} " in lines[0] and "mention" in lines[0]
    from claimbench.validation.stream import ChunkedValidation

    checker = ChunkedValidation()
    checker.check(claims_table(bad_rows()), good_papers())
    assert [line for line in checker.finish().summary_text().splitlines() if line.startswith("  quarantined: ")] == lines


def test_the_committed_suite_is_the_generated_one():
    assert suite_path().read_text(encoding="utf-8") == suite_text(build_suite())


def test_importing_the_package_does_not_import_great_expectations():
    code = "import sys, claimbench.validation; print('great_expectations' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


# --- chunk by chunk (a streaming build) -----------------------------------------------------------------------


def _chunks(rows: list[dict], papers):
    """The claims and papers split into one chunk per paper (each paper with all its claims)."""
    from claimbench.validation.stream import ChunkedValidation

    checker = ChunkedValidation(max_quarantine_fraction=1.0)
    quarantined = []
    for row in papers.to_pylist():
        mine = [r for r in rows if r["paper_id"] == row["paper_id"]]
        _, quarantine = checker.check(claims_table(mine), papers_table([row]))
        quarantined += quarantine.to_pylist()
    return checker.finish(), quarantined


def test_chunks_quarantine_what_the_whole_table_quarantines():
    rows = bad_rows()[:-1]  # every claim of a known paper
    whole = validate_tables(claims_table(rows), good_papers(), max_quarantine_fraction=1.0)
    report, quarantined = _chunks(rows, good_papers())
    assert sorted((r["claim_id"], r["reason"]) for r in quarantined) == \
           sorted((r["claim_id"], r["reason"]) for r in whole.quarantine.to_pylist())
    assert report.to_dict()["totals"] == whole.to_dict()["totals"]
    assert [(o.name, o.success, o.unexpected_count) for o in report.outcomes] == \
           [(o.name, o.success, o.unexpected_count) for o in whole.outcomes]


def test_a_claim_id_repeated_in_another_chunk_fails_uniqueness():
    """Each chunk alone has unique ids; the tally across chunks finds the repeat."""
    rows = good_rows()
    flash = paper_id_for(FLASH_TITLE)
    copy = dict(next(r for r in rows if r["paper_id"] == flash), paper_id=paper_id_for(VLLM_TITLE))
    copy.update(mention="2times", mention_start=by_mention(rows, "2times")["mention_start"])
    report, _ = _chunks(rows + [copy], good_papers())
    unique = next(o for o in report.outcomes if o.name == "expect_column_values_to_be_unique(claim_id)")
    assert not unique.success and unique.unexpected_count == 2
    assert unique.unexpected_examples == (copy["claim_id"], copy["claim_id"])
    assert not report.success and unique.fails_build


# --- metric_phrase (schema 2) and tables of schema 1 ---------------------------------------------------------


def test_metric_phrase_is_null_exactly_when_the_metric_is_other():
    rows = good_rows()
    by_mention(rows, "72\\%").update(metric="other")  # a phrase, yet metric other
    by_mention(rows, "2times").update(metric_phrase=None)  # a metric, yet no phrase
    by_mention(rows, "2-4times").update(metric="other", metric_phrase=None)  # other, and no phrase: fine
    report = validate_tables(claims_table(rows), good_papers(), max_quarantine_fraction=1.0)
    assert sorted((r["mention"], r["reason"]) for r in report.quarantine.to_pylist()) == [
        ("2times", "expect_column_values_to_not_be_null(metric_phrase where metric != 'other')"),
        ("72\\%", "expect_column_values_to_be_null(metric_phrase where metric == 'other')")]


def _schema_1(claims):
    """A claims table as releases up to v0.16.0 hold it: no metric_phrase, schema version 1."""
    from claimbench.schemas import claims_schema

    return claims.drop_columns(["metric_phrase"]).cast(claims_schema(1))


def test_a_table_of_schema_1_is_checked_as_schema_1():
    claims = _schema_1(claims_table(good_rows()))
    report = validate_tables(claims, good_papers())
    assert report.success and [o.name for o in report.outcomes if not o.success] == []
    assert not any("metric_phrase" in o.name for o in report.outcomes)
    from claimbench.validation.stream import ChunkedValidation

    checker = ChunkedValidation()
    checker.check(claims, good_papers())
    assert checker.finish().to_dict()["totals"] == report.to_dict()["totals"]


def test_a_table_of_the_current_schema_without_metric_phrase_fails():
    claims = claims_table(good_rows()).drop_columns(["metric_phrase"])  # declares schema 2, lacks the column
    report = validate_tables(claims, good_papers(), max_quarantine_fraction=1.0)
    assert not report.success
    assert "expect_table_columns_to_match_ordered_list()" in [o.name for o in report.outcomes if o.fails_build]
