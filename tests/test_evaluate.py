"""``claimbench evaluate`` on the development gold set (corpus/gold/dev.jsonl).

Its figures must be the spec's scorer's: they are compared with
<repo>/../shared/tools/score.py run on the newest committed release when that
scorer is present (those tests skip on a fresh clone). The gold abstracts are
the seed abstracts, so extracting from the gold abstracts scores the same as
the release built from the seeds. The quality floor guards against regressions.
"""
from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from claimbench.corpus import dev_gold
from conftest import newest_committed_release, require_score_py, run_main

# Figures on the dev gold set when the floor was last raised: f1 0.9595, metric_f1 0.8829 (release v0.12.0).
F1_FLOOR = 0.95
METRIC_F1_FLOOR = 0.87

# Lines that must agree between `claimbench evaluate` (extracting itself) and score.py on the release.
COMPARED = ["precision", "recall", "f1", "metric_f1", "field_accuracy", "field_f1"]
STALE = "the newest committed release does not hold what the current extractor finds: build and commit a new release"


def figures(output: str) -> dict[str, str]:
    """The figure lines of the scorer's output (``{name:>24}: {value}``), values as printed; error lines left out."""
    return {line[:24].strip(): line[26:] for line in output.splitlines() if line[24:26] == ": " and line[:24].strip()}


@functools.lru_cache(maxsize=None)
def score_py(predictions: Path, show_errors: int = 0) -> str:
    """The reference scorer's output on the dev gold set, its ``predictions_file`` line dropped (run once per arguments)."""
    done = subprocess.run([sys.executable, str(require_score_py()), str(predictions), str(dev_gold()),
                           "--show-errors", str(show_errors)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return "\n".join(line for line in done.stdout.splitlines() if not line.lstrip().startswith("predictions_file:"))


@pytest.fixture(scope="module")
def self_evaluation() -> str:
    """Output of ``claimbench evaluate corpus/gold/dev.jsonl`` (the extractor run on the gold abstracts)."""
    code, stdout, stderr = run_main("evaluate", dev_gold())
    assert code == 0, stderr
    return stdout


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
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", release, "--show-errors", show_errors)
    assert code == 0, stderr
    assert stdout.rstrip("\n") == expected


def test_self_evaluation_equals_evaluation_of_a_fresh_seed_build(cli, self_evaluation, seed_release):
    """The gold abstracts are the seed abstracts: the release built now from the seeds scores the same, exactly."""
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", seed_release)
    assert code == 0, stderr
    assert stdout == self_evaluation


def test_fresh_seed_build_evaluates_as_score_py(cli, seed_release):
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", seed_release)
    assert code == 0, stderr
    assert stdout.rstrip("\n") == score_py(seed_release)


def test_self_evaluation_equals_evaluation_of_newest_release(cli, self_evaluation):
    """Without the reference scorer: extracting from the gold abstracts scores as the committed release does."""
    code, stdout, stderr = cli("evaluate", dev_gold(), "--predictions", newest_committed_release())
    assert code == 0, stderr
    assert {k: figures(stdout)[k] for k in COMPARED} == {k: figures(self_evaluation)[k] for k in COMPARED}, STALE


def test_quality_floor(cli, self_evaluation):
    result = figures(self_evaluation)
    assert float(result["f1"]) >= F1_FLOOR
    assert float(result["metric_f1"]) >= METRIC_F1_FLOOR
    code, stdout, stderr = cli("evaluate", dev_gold(), "--min-f1", F1_FLOOR, "--min-metric-f1", METRIC_F1_FLOOR)
    assert code == 0 and stderr == ""


@pytest.mark.parametrize("option, name", [("--min-f1", "f1"), ("--min-metric-f1", "metric_f1")])
def test_floor_above_the_figures_exits_1(cli, option, name):
    code, stdout, stderr = cli("evaluate", dev_gold(), option, "0.999")
    assert code == 1
    assert f"quality below floor: {name} " in stderr and "< floor 0.999" in stderr
    assert figures(stdout)["f1"]  # the figures are still printed
