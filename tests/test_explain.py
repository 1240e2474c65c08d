"""``claimbench explain``: each number, whether it is a claim and why, and the rule behind each field.

Rows are invented sentences of the forms the explanation must cover: a claim
(each field's rule named), setup numbers (with the reason they are not claims),
and a number no phrase names (metric ``other``, no phrase).
"""
import json

import pytest

from claimbench.cli import main

# (text, mention, is a claim, reason or the metric's (value, phrase, rule))
ROWS = [
    ("We train on 8 GPUs and cut tail latency by 30% over vLLM.", "8", False, "a count of devices or model parts (R4)"),
    ("We train on 8 GPUs and cut tail latency by 30% over vLLM.", "30%", True, ("latency", "latency", "by")),
    ("Since 2021 the method has been in use.", "2021", False, "a year"),
    ("Accuracy is 85.3% ± 0.4% on the held-out split.", "0.4%", False, "an error bar (R9)"),
    ("Accuracy is 85.3% $\\pm$ 0.4% on the held-out split.", "0.4%", False, "an error bar (R9)"),
    ("It reduces write amplification by 4x.", "4x", True, ("other", None, "none: other")),
]


@pytest.mark.parametrize("text,mention,claim,expected", ROWS, ids=[f"{r[1]}:{r[0][:30]}" for r in ROWS])
def test_explain_json(capsys, text, mention, claim, expected):
    assert main(["explain", text, "--format", "json"]) == 0
    records = {r["mention"]: r for r in json.loads(capsys.readouterr().out)}
    record = records[mention]
    assert record["claim"] is claim
    if claim:
        metric = record["fields"]["metric"]
        assert (metric["value"], metric["phrase"], metric["rule"]) == expected
        assert set(record["fields"]) == {"metric", "qualifier", "change", "baseline", "hardware", "workload"}
        assert all(f["rule"] for f in record["fields"].values())
    else:
        assert record["reason"] == expected


def test_explain_text_names_every_field(capsys):
    assert main(["explain", "Our system achieves up to 2.49x speedup over vLLM on an A100 GPU."]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2.49x  claim"
    for line in ('metric     speedup        from "speedup"  [after]', "qualifier  up_to", "baseline   vLLM", "hardware   A100 GPU"):
        assert line in out


def test_explain_reads_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("It is 3x faster than PyTorch."))
    assert main(["explain", "-"]) == 0
    assert "3x  claim" in capsys.readouterr().out
