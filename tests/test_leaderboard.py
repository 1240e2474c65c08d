"""``claimbench leaderboard`` and its alias grouping, on real values from releases/v0.2.0.

Development set: every hardware and baseline value of releases/v0.2.0/data/claims.parquet
(HARDWARE and BASELINES below hold each with its expected canonical name).
Evaluation set: spellings the releases do not hold (UNSEEN), to check the generic cleaning.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from claimbench.analysis.leaderboard import canonical_baselines, canonical_hardware, leaderboard
from claimbench.extract.knowledge import load as load_knowledge
from claimbench.schemas import vocabularies

from conftest import REPO_ROOT

RELEASES = REPO_ROOT / "releases"
V020 = RELEASES / "v0.2.0"

# (hardware as written in v0.2.0, canonical name, count)
HARDWARE = [
    ("2,048 A100 GPUs", "NVIDIA A100", 2048),
    ("512 NVIDIA V100 GPUs", "NVIDIA V100", 512),
    ("8-socket RDU Node", "SambaNova RDU", 8),
    ("A100", "NVIDIA A100", None),
    ("A100 GPU", "NVIDIA A100", None),
    ("A6000", "NVIDIA RTX A6000", None),
    ("A6000 GPU", "NVIDIA RTX A6000", None),
    ("Ascend NPUs", "Huawei Ascend", None),
    ("MI250X GPUs", "AMD Instinct MI250X", None),
    ("NVIDIA A100 GPU", "NVIDIA A100", None),
    ("NVIDIA A6000", "NVIDIA RTX A6000", None),
    ("NVIDIA RTX 4070", "NVIDIA RTX 4070", None),
    ("P100 GPU", "NVIDIA P100", None),
    ("RTX 4090", "NVIDIA RTX 4090", None),
    ("RTX 4090 GPU", "NVIDIA RTX 4090", None),
    ("SMIC-28nm", "SMIC 28nm", None),
    ("a single A100 GPU", "NVIDIA A100", 1),
    ("a single A100-40GB GPU", "NVIDIA A100", 1),
    ("a single RTX 4090 GPU", "NVIDIA RTX 4090", 1),
    ("eight RDU sockets", "SambaNova RDU", 8),
    ("two RTX 4090 GPUs", "NVIDIA RTX 4090", 2),
]

# (baseline as written in v0.2.0, canonical names); the rest of v0.2.0's baselines group under their cleaned selves.
BASELINES = [
    ("vLLM", ["vLLM"]),
    ("state-of-the-art systems like vLLM", ["vLLM"]),
    ("Orca and vLLM", ["Orca", "vLLM"]),
    ("DeepSpeed-Zero-Inference", ["DeepSpeed ZeRO-Inference"]),
    ("three leading inference systems DeepSpeed Zero-Inference", ["DeepSpeed ZeRO-Inference"]),
    ("ZeRO++", ["ZeRO++"]),
    ("NVIDIA's CUTLASS", ["CUTLASS"]),
    ("PyTorch", ["PyTorch"]),
    ("a vanilla PyTorch implementation and allow", ["PyTorch"]),
    ("existing compilers like Triton and Ladder", ["Triton", "Ladder"]),
    ("HuggingFace pipelines", ["Hugging Face Transformers"]),
    ("Accelerate", ["Hugging Face Accelerate"]),
    ("a DGX H100", ["NVIDIA DGX H100"]),
    ("the MPI implementation deployed", ["MPI"]),
    ("GPT-4o-mini", ["GPT-4o-mini"]),
    ("GPT-3.5", ["GPT-3.5"]),
    ("Megatron-LM", ["Megatron-LM"]),
    ("the state-of-the-art", ["state-of-the-art"]),
    ("state-of-the-art", ["state-of-the-art"]),
    ("the previous state-of-the-art method CodeRosetta", ["previous state-of-the-art method CodeRosetta"]),
]

# Spellings not in the releases: the generic cleaning must still group them.
UNSEEN = [
    ("NVIDIA A100 80GB", "NVIDIA A100", None),
    ("8 A100 GPUs", "NVIDIA A100", 8),
    ("8x H100 SXM5 80GB GPUs", "NVIDIA H100", 8),
    ("64 NVIDIA P100 GPUs", "NVIDIA P100", 64),
    ("4xRTX 3090", "NVIDIA RTX 3090", 4),
    ("a GeForce RTX 4090", "NVIDIA RTX 4090", 1),
    ("TPU v4-128 pods", "Google TPU v4", None),
    ("sixteen Foo X9 accelerators", "Foo X9", 16),
    ("Foo X9 (32GB)", "Foo X9", None),
]


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return pd.read_parquet(V020 / "data" / "claims.parquet")


def test_tables_cover_every_hardware_value_of_the_release(claims):
    assert {h for h, _, _ in HARDWARE} == set(claims.hardware.dropna())
    assert {b for b, _ in BASELINES} <= set(claims.baseline.dropna())


@pytest.mark.parametrize("text, name, count", HARDWARE + UNSEEN)
def test_hardware_grouping(text, name, count):
    assert canonical_hardware(text) == (name, count)


@pytest.mark.parametrize("text, names", BASELINES + [("vLLM v0.6", ["vLLM"]), ("PyTorch eager", ["PyTorch"]),
                                                     ("cuBLAS", ["cuBLAS"]), ("FlashAttention-2", ["FlashAttention-2"]),
                                                     ("Foo-serve version 2.1", ["Foo-serve"])])
def test_baseline_grouping(text, names):
    assert canonical_baselines(text) == names


def test_every_canonical_name_maps_to_itself():
    data = load_knowledge("aliases")
    assert [n for n in data["hardware"] if canonical_hardware(n)[0] != n] == []
    assert [n for n in data["baselines"] if canonical_baselines(n) != [n]] == []


def test_speedup_board_is_x_ranked_largest_first(claims):
    board = leaderboard(claims, "speedup", top=None)
    speedups = claims[claims.metric == "speedup"]
    assert board.attrs["unit"] == "x" and board.attrs["order"] == "descending"
    assert len(board) == (speedups.unit_canonical == "x").sum()
    assert board.attrs["other_units"] == {"%": int((speedups.unit_canonical == "%").sum())}
    assert board.value.tolist() == sorted(speedups[speedups.unit_canonical == "x"].value_canonical, reverse=True)
    assert board.iloc[0]["rank"] == 1 and board.iloc[0]["mention"] == "242000x"
    assert list(leaderboard(claims, "speedup").claim_id) == list(board.claim_id[:20])


def test_hardware_filter_selects_every_a100_spelling(claims):
    board = leaderboard(claims, "speedup", hardware="A100", top=None)
    a100 = claims[(claims.metric == "speedup") & claims.hardware.str.contains("A100", na=False)]
    assert set(board.claim_id) == set(a100[a100.unit_canonical == "x"].claim_id) and len(board) > 1
    assert set(board.hardware_canonical) == {"NVIDIA A100"}
    for alias in ("a100", "NVIDIA A100", "NVIDIA A100 80GB", "8 A100 GPUs"):
        assert leaderboard(claims, "speedup", hardware=alias, top=None).claim_id.tolist() == board.claim_id.tolist()
    counts = dict(zip(board.hardware, board.hardware_count))
    assert counts["2,048 A100 GPUs"] == 2048


def test_baseline_filter_finds_vllm_in_longer_phrases(claims):
    for metric in ("throughput", "speedup", "latency"):
        board = leaderboard(claims, metric, baseline="vllm v0.6", top=None)
        rows = claims[(claims.metric == metric) & claims.baseline.str.contains("vllm", case=False, na=False)]
        unit = board.attrs["unit"]
        assert set(board.claim_id) == set(rows[rows.unit_canonical == unit].claim_id)
    orca = claims[claims.baseline == "Orca and vLLM"].iloc[0]  # a claim over two systems counts for each
    for name in ("vLLM", "orca"):
        board = leaderboard(claims, orca.metric, baseline=name, unit=orca.unit_canonical, top=None)
        assert orca.claim_id in set(board.claim_id)


def test_absolute_latency_ranks_smallest_first(claims):
    board = leaderboard(claims, "latency", unit="second", top=None)
    assert board.attrs["order"] == "ascending"
    assert board.value.tolist() == sorted(board.value) and len(board) >= 2
    rates = leaderboard(claims, "energy", unit="sample / kilojoule", top=None)
    assert rates.attrs["order"] == "descending"


def test_workload_and_change_filters(claims):
    board = leaderboard(claims, "accuracy", workload="humaneval", top=None)
    assert len(board) and all("humaneval" in w.lower() for w in board.workload)
    decreases = leaderboard(claims, "memory", unit="%", change="decrease", top=None)
    assert set(decreases.change) == {"decrease"}


def test_equal_values_share_a_rank(claims):
    board = leaderboard(claims, "accuracy", top=None)
    for _, group in board.groupby("value"):
        assert group["rank"].nunique() == 1


def test_cli_table(cli):
    code, out, err = cli("leaderboard", "--metric", "speedup", "--hardware", "A100", "--top", "3", "--releases-dir", RELEASES,
                         "--release", "v0.2.0")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("claimbench v0.2.0: speedup claims in x (largest first)")
    assert lines[1].split() == ["rank", "value", "unit", "qualifier", "mention", "baseline", "hardware", "paper"]
    assert re.match(r"1\s+7\.78\s+x\s+none\s+7\.78times\s+-\s+NVIDIA A100\s+TriForce", lines[2])
    assert "2048x NVIDIA A100" in out and "[4f5c7fd421]" in out  # count and paper_id shown
    assert lines[3].startswith("      ")  # the sentence under its row


def test_cli_json_csv_markdown(cli, claims):
    args = ("leaderboard", "--metric", "throughput", "--baseline", "vLLM", "--release", V020)
    code, out, _ = cli(*args, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and isinstance(rows, list) and rows
    assert {"rank", "value", "unit", "qualifier", "title", "paper_id", "mention", "baseline_canonical",
            "hardware_canonical", "hardware_count", "sentence"} <= set(rows[0])
    assert all(r["baseline_canonical"] and "vLLM" in r["baseline_canonical"] for r in rows)
    code, out, _ = cli(*args, "--format", "csv")
    assert [r["claim_id"] for r in csv.DictReader(io.StringIO(out))] == [r["claim_id"] for r in rows]
    code, out, _ = cli(*args, "--format", "markdown")
    assert "| rank | value | unit |" in out and out.count("\n| 1 |") == 1


def test_default_release_is_the_newest(cli, monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    code, out, _ = cli("leaderboard", "--metric", "cost", "--top", "1")
    from conftest import newest_committed_release
    assert code == 0 and out.startswith(f"claimbench {newest_committed_release().name}: cost claims")


def test_unknown_metric_exits_2_listing_valid_ones(cli):
    code, out, err = cli("leaderboard", "--metric", "speed", "--releases-dir", RELEASES)
    assert code == 2 and out == ""
    assert "unknown metric 'speed'" in err and ", ".join(vocabularies()["metric"]) in err


def test_missing_release_exits_2_naming_the_path(cli, tmp_path):
    code, _, err = cli("leaderboard", "--metric", "speedup", "--releases-dir", tmp_path)
    assert code == 2 and f"no release under {tmp_path}" in err
    code, _, err = cli("leaderboard", "--metric", "speedup", "--release", "v7.0.0", "--releases-dir", RELEASES)
    assert code == 2 and "no release v7.0.0" in err and "available: v0.1.0, v0.2.0" in err
