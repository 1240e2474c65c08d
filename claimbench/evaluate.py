"""Measure extraction against gold annotations, with the spec's scorer.

>>> from claimbench.corpus import dev_gold
>>> result, errors = evaluate_rows([], dev_gold())
>>> result["gold_claims"], result["f1"]
(223, 0.0)
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from claimbench import scoring
from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper
from claimbench.extract.readers import InputError
from claimbench.table import claim_rows


def evaluate_rows(rows: list[dict], gold: Path) -> tuple[dict, dict]:
    """(figures, errors) of predicted claim rows (each with a ``title``) against a gold file."""
    return scoring.score(rows, str(gold))


def evaluate_table(claims: pa.Table, gold: Path) -> tuple[dict, dict]:
    """Score a claims table (e.g. a release's) against a gold file."""
    return evaluate_rows(claims.to_pylist(), gold)


def load_gold(gold: Path) -> list[dict]:
    """The records of a gold file; a malformed line is an InputError naming file and line."""
    records = []
    with open(gold, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(gold, line_no, f"malformed JSON ({err.msg}, column {err.colno})") from None
            missing = [k for k in ("title", "abstract", "claims") if not isinstance(record, dict) or k not in record]
            if missing:
                raise InputError(gold, line_no, f"gold record lacks {', '.join(missing)}")
            records.append(record)
    return records


def extract_gold(gold: Path) -> list[dict]:
    """Run the extractor on the abstracts of a gold file: claim rows, one per claim."""
    rows: list[dict] = []
    for record in load_gold(gold):
        paper = Paper(record["title"], record["abstract"], Path(gold).name)
        rows.extend(claim_rows(paper.paper_id, paper.title, extract_claims(paper), "eval"))
    return rows


def format_result(result: dict, errors: dict, show_errors: int = 0) -> str:
    """The figures as score.py prints them, then up to ``show_errors`` errors of each kind."""
    lines = [f"{k:>24}: {v}" for k, v in result.items()]
    for kind, errs in errors.items():
        lines += [f"{kind}: {e}" for e in errs[:show_errors]]
    return "\n".join(lines)
