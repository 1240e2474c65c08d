"""``claimbench explain TEXT``: why the extractor read a text as it did.

For each number in the text: whether it is a claim and, if not, why not;
for a claim, each field's value, the words it was read from (where one
phrase decided it) and the rule that decided it.

>>> print(explanation_text("It uses 8 GPUs and cuts latency by 30% over vLLM."))
8  not a claim: a count of devices or model parts (R4)
30%  claim
    metric     latency        from "latency"  [by]
    qualifier  none           [no cue]
    change     decrease       [the change words around the number]
    baseline   vLLM           [a marker right after the number]
    hardware   -              [none named (R2)]
    workload   -              [none named (R3)]
"""
from __future__ import annotations

from claimbench.extract.claims import explain_claims
from claimbench.extract.papers import Paper

FIELDS = ("metric", "qualifier", "change", "baseline", "hardware", "workload")


def explain(text: str, title: str = "") -> list[dict]:
    """One record per number of ``text`` (an abstract): see :func:`claimbench.extract.claims.explain_claims`."""
    return explain_claims(Paper(title or "(explain)", text, "explain"))


def explanation_text(text: str, title: str = "") -> str:
    """The explanation of ``text`` as lines a person reads."""
    lines = []
    for record in explain(text, title):
        if not record["claim"]:
            lines.append(f"{record['mention']}  not a claim: {record['reason']}")
            continue
        lines.append(f"{record['mention']}  claim")
        for field in FIELDS:
            value, phrase, rule = record["fields"].get(field, (None, None, None))
            source = f'from "{phrase}"  ' if phrase and field == "metric" else ""
            lines.append(f"    {field:<10} {value if value is not None else '-':<14} {source}[{rule}]".rstrip())
    return "\n".join(lines) if lines else "no numbers found"
