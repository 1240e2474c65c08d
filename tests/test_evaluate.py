"""``claimbench evaluate`` on the shipped gold sets (corpus/gold: dev.jsonl, dev_external.jsonl, test.jsonl).

Its figures must be the spec's scorer's: with ``--format figures`` it prints them as
<repo>/../shared/tools/score.py does, and they are compared with that scorer run on
the newest committed release when it is present (those tests skip on a fresh clone).
The dev gold abstracts are the seed abstracts, so extracting from them scores the same
as the release built from the seeds. The quality floors (the same as .ci/run's) guard
against regressions on all three sets. No test here reads test.jsonl's errors.
"""
from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimbench.analysis.evaluate import COLUMNS
from claimbench.corpus import GOLD_SETS, dev_gold, gold_file

from conftest import REPO_ROOT, newest_committed_release, require_score_py, run_main

# Floors on each shipped gold set, the same as .ci/run's --floor arguments (checked below); set about 0.01
# under the figures when they were set (extractor 0.9.3, release v1.3.0: dev f1 0.9595, metric_f1 0.8874;
# dev_external f1 0.8950, metric_f1 0.7437; test f1 0.8297, metric_f1 0.6201), raised as the extractor improves
# (extractor 0.11.0, release v1.9.0: dev metric_f1 0.8899; dev_external f1 0.9015, metric_f1 0.7925; extractor
# 0.12.0, release v1.10.0: test f1 0.8421, metric_f1 0.6491).
FLOORS = {
    "dev.jsonl": {"f1": 0.95, "metric_f1": 0.88},
    "dev_external.jsonl": {"f1": 0.89, "metric_f1": 0.78},
    "test.jsonl": {"f1": 0.83, "metric_f1": 0.63},
}
F1_FLOOR = FLOORS["dev.jsonl"]["f1"]
METRIC_F1_FLOOR = FLOORS["dev.jsonl"]["metric_f1"]

# Lines that must agree between `claimbench evaluate` (extracting itself) and score.py on the release.
COMPARED = ["precision", "recall", "f1", "metric_f1", "field_accuracy", "field_f1"]
STALE = "the newest committed release does not hold what the current extractor finds: build and commit a new release"


def figures(output: str) -> dict[str, str]:
    """The figure lines of the scorer's output (``{name:>24}: {value}``), values as printed; error lines left out."""
    return {line[:24].strip(): line[26:] for line in output.splitlines() if line[24:26] == ": " and line[:24].strip()}


@functools.cache
def score_py(predictions: Path, show_errors: int = 0) -> str:
    """The reference scorer's output on the dev gold set, its ``predictions_file`` line dropped (run once per arguments)."""
    done = subprocess.run([sys.executable, str(require_score_py()), str(predictions), str(dev_gold()),
                           "--show-errors", str(show_errors)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return "\n".join(line for line in done.stdout.splitlines() if not line.lstrip().startswith("predictions_file:"))


@pytest.fixture(scope="module")
def self_evaluation() -> str:
    """Output of ``claimbench evaluate corpus/gold/dev.jsonl --format figures`` (the extractor run on the gold abstracts)."""
    code, stdout, stderr = run_main("evaluate", dev_gold(), "--format", "figures")
    assert code == 0, stderr
    return stdout


@pytest.fixture(scope="module")
def three_sets() -> tuple[str, list[dict]]:
    """(the table ``claimbench evaluate`` prints with no argument, the figures of ``--format json``)."""
    code, table, stderr = run_main("evaluate")
    assert code == 0, stderr
    code, text, stderr = run_main("evaluate", "--format", "json")
    assert code == 0, stderr
    return table, json.loads(text)


def table_rows(table: str) -> list[dict[str, str]]:
    """The rows of the printed table, by column name (cells as printed)."""
    header, *lines = table.splitlines()
    return [dict(zip(header.split(), line.split())) for line in lines]


def test_self_evaluation_prints_every_figure(self_evaluation):
    assert list(figures(self_evaluation)) == [
        "gold_papers", "papers_with_predictions", "gold_claims", "predicted_claims", "tp", "fp", "fn",
        "precision", "recall", "f1", "metric_f1", "exact_f1", "field_accuracy", "field_f1"]


@pytest.mark.parametrize("name", COMPARED)
def test_self_evaluation_matches_score_py_on_newest_release(self_evaluation, name):
    reference = figures(score_py(newest_committed_release()))
    assert figures(self_evaluation)[name] == reference[name], STALE


@pytest.mark.parametrize("show_errors", [0, 5])
def test_evaluate_release_equals_score_py(cli, show_errors):
    release = newest_committed_release()
    expected = score_py(release, show_errors)
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", release, "--show-errors", show_errors,
                               "--format", "figures")
    assert code == 0, stderr
    assert stdout.rstrip("\n") == expected


def test_self_evaluation_equals_evaluation_of_a_fresh_seed_build(cli, self_evaluation, seed_release):
    """The gold abstracts are the seed abstracts: the release built now from the seeds scores the same, exactly."""
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", seed_release, "--format", "figures")
    assert code == 0, stderr
    assert stdout == self_evaluation


def test_fresh_seed_build_evaluates_as_score_py(cli, seed_release):
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", seed_release, "--format", "figures")
    assert code == 0, stderr
    assert stdout.rstrip("\n") == score_py(seed_release)


def test_self_evaluation_equals_evaluation_of_newest_release(cli, self_evaluation):
    """Without the reference scorer: extracting from the gold abstracts scores as the committed release does."""
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", newest_committed_release(), "--format", "figures")
    assert code == 0, stderr
    assert {k: figures(stdout)[k] for k in COMPARED} == {k: figures(self_evaluation)[k] for k in COMPARED}, STALE


def test_quality_floors_on_the_three_sets(cli, three_sets):
    _, scored = three_sets
    below = [f"{r['set']} {name} {r[name]} < {floor}" for r in scored for name, floor in FLOORS[r["set"]].items()
             if r[name] < floor]
    assert below == []
    floors = [f"{name}:{','.join(f'{k}={v}' for k, v in figs.items())}" for name, figs in FLOORS.items()]
    code, stdout, stderr = cli("evaluate", *(a for f in floors for a in ("--floor", f)))
    assert code == 0 and stderr == ""


def test_ci_checks_the_same_floors():
    """.ci/run calls ``claimbench evaluate`` with a --floor for each shipped set: these floors."""
    ci = REPO_ROOT / ".ci" / "run"
    if not ci.is_file():
        pytest.skip("no .ci/run here")
    found = re.findall(r"--floor ([\w.]+):(\S+)", ci.read_text(encoding="utf-8"))
    assert {name: {k: float(v) for k, v in (p.split("=") for p in spec.split(","))} for name, spec in found} == FLOORS


# --- several gold files, one row each ---------------------------------------------------------------------------


def test_no_argument_scores_the_three_shipped_sets_one_row_each(three_sets):
    table, scored = three_sets
    assert table.splitlines()[0].split() == list(COLUMNS)
    rows = table_rows(table)
    assert [r["set"] for r in rows] == list(GOLD_SETS) == [r["set"] for r in scored]
    assert [r["gold"] for r in scored] == [str(gold_file(name)) for name in GOLD_SETS]
    assert [(r["papers"], r["gold_claims"]) for r in rows] == [("144", "223"), ("200", "235"), ("99", "123")]
    for row, result in zip(rows, scored):  # the table shows the scorer's figures, 4 decimals
        assert row["predicted"] == str(result["predicted_claims"])
        assert row["f1"] == f"{result['f1']:.4f}" and row["metric_f1"] == f"{result['metric_f1']:.4f}"
        assert row["change_acc"] == f"{result['field_accuracy']['change']:.4f}"
        assert row["workload_f1"] == f"{result['field_f1']['workload']:.4f}"


def test_files_given_are_scored_in_their_order(cli, three_sets, self_evaluation):
    _, scored = three_sets
    code, stdout, stderr = cli("evaluate", gold_file("dev_external.jsonl"), dev_gold())
    assert code == 0, stderr
    rows = table_rows(stdout)
    assert [r["set"] for r in rows] == ["dev_external.jsonl", "dev.jsonl"]
    assert rows[1]["f1"] == f"{float(figures(self_evaluation)['f1']):.4f}" == f"{scored[0]['f1']:.4f}"


def test_figures_of_several_files_are_headed_by_their_set(cli, self_evaluation):
    code, stdout, stderr = cli("evaluate", dev_gold(), gold_file("dev_external.jsonl"), "--format", "figures")
    assert code == 0, stderr
    first, second = stdout.split("== dev_external.jsonl\n")
    assert first == "== dev.jsonl\n" + self_evaluation
    assert list(figures(second)) == list(figures(self_evaluation))


@pytest.mark.parametrize("option, name", [("--min-f1", "f1"), ("--min-metric-f1", "metric_f1")])
def test_a_floor_for_every_file_is_checked_on_each(cli, option, name):
    code, stdout, stderr = cli("evaluate", option, "0.999")
    assert code == 1
    failed = [line for line in stderr.splitlines() if "quality below floor" in line]
    assert [line.split(": ")[2] for line in failed] == list(GOLD_SETS)
    assert all(f": {name} " in line and line.endswith("< floor 0.999") for line in failed)
    assert len(table_rows(stdout)) == 3  # the figures are still printed


def test_a_floor_for_one_file_is_checked_on_that_file_only(cli):
    code, _, stderr = cli("evaluate", "--floor", "dev_external.jsonl:f1=0.999,change_acc=0.9999")
    assert code == 1
    assert [line.split("quality below floor: ")[1].split(" < ")[0].rsplit(" ", 1)[0] for line in stderr.splitlines()] == [
        "dev_external.jsonl: f1", "dev_external.jsonl: change_acc"]


def test_a_floor_for_one_file_replaces_the_floor_for_every_file(cli):
    code, _, stderr = cli("evaluate", dev_gold(), gold_file("dev_external.jsonl"), "--min-f1", "0.999",
                          "--floor", "dev.jsonl:f1=0.5")
    assert code == 1
    assert [line.split(": ")[2] for line in stderr.splitlines()] == ["dev_external.jsonl"]
    path = str(gold_file("dev_external.jsonl"))  # a file is also named by its path
    assert cli("evaluate", dev_gold(), path, "--floor", f"{path}:f1=0.5")[0] == 0


@pytest.mark.parametrize("floor, message", [
    ("nope.jsonl:f1=0.5", "--floor for nope.jsonl: no such gold set here (the sets: dev.jsonl)"),
    ("dev.jsonl:f2=0.5", "unknown figure 'f2'"),
    ("dev.jsonl:f1=high", "f1 needs a number, got 'high'"),
    ("f1=0.5", "expected SET:FIGURE=VALUE"),
])
def test_a_bad_floor_exits_2(cli, floor, message):
    code, stdout, stderr = cli("evaluate", dev_gold(), "--floor", floor)
    assert code == 2 and message in stderr


def test_errors_are_listed_for_development_sets_only(cli):
    code, stdout, stderr = cli("evaluate", dev_gold(), gold_file("test.jsonl"), "--show-errors", 2)
    assert code == 0
    assert "errors in dev.jsonl (at most 2 of each kind):" in stdout
    assert "errors in test.jsonl" not in stdout
    after_table = stdout.split("errors in dev.jsonl")[1]
    assert 0 < sum(line.startswith(("missed: ", "spurious: ", "field: ")) for line in after_table.splitlines()) <= 6
    assert stderr == "claimbench: test.jsonl: errors not shown: a report-only gold set (its errors are never read)\n"
    code, stdout, stderr = cli("evaluate", gold_file("test.jsonl"), "--show-errors", 2, "--format", "figures")
    assert not any(line.startswith(("missed: ", "spurious: ", "field: ")) for line in stdout.splitlines())


def test_shipped_gold_sets_and_their_readme():
    readme = (gold_file("dev.jsonl").parent / "README.md").read_text(encoding="utf-8")
    for name in GOLD_SETS:
        assert gold_file(name).is_file() and f"`{name}`" in readme
    assert "Eitan Frachtenberg" in readme and "CC BY-SA 4.0" in readme and "report only" in readme
