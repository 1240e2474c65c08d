"""Measure extraction against gold annotations, with the spec's scorer.

``claimbench evaluate`` scores one or more gold files (by default the three shipped
sets, :data:`claimbench.corpus.GOLD_SETS`) and prints one row of figures per file
(:func:`figures_row`, :func:`format_table`); floors on any figure of the row can be
set for every file or per file (:func:`parse_floor`, :func:`floor_failures`).

>>> from claimbench.corpus import dev_gold
>>> result, errors = evaluate_rows([], dev_gold())
>>> result["gold_claims"], result["f1"]
(223, 0.0)
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from claimbench.analysis import scoring
from claimbench.corpus import REPORT_ONLY_SETS, gold_file
from claimbench.errors import UsageError
from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper
from claimbench.extract.readers import InputError
from claimbench.release.table import claim_rows


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


@dataclass(frozen=True)
class SetScore:
    """The scorer's figures and errors on one gold set."""

    name: str  # as the table shows it (set_names)
    path: Path
    result: dict
    errors: dict

    @property
    def row(self) -> dict:
        return figures_row(self.name, self.result)


def evaluate_sets(paths: list[Path], claims: pa.Table | None = None) -> list[SetScore]:
    """Score each gold file: ``claims`` (a predictions table) if given, else the extractor run on its abstracts.

    Every file is checked first (missing, or a malformed line: an InputError naming it).
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.is_file():
            raise InputError(path, None, "no such gold file")
        load_gold(path)
    scores = []
    for name, path in zip(set_names(paths), paths):
        result, errors = evaluate_table(claims, path) if claims is not None else evaluate_rows(extract_gold(path), path)
        scores.append(SetScore(name, path, result, errors))
    return scores


def format_result(result: dict, errors: dict, show_errors: int = 0) -> str:
    """The figures as score.py prints them, then up to ``show_errors`` errors of each kind."""
    lines = [f"{k:>24}: {v}" for k, v in result.items()]
    for kind, errs in errors.items():
        lines += [f"{kind}: {e}" for e in errs[:show_errors]]
    return "\n".join(lines)


# ---------------------------------------------------------------- several gold files, one row each

FIELDS = ("metric", "qualifier", "change", "baseline", "hardware", "workload")
TEXT_FIELDS = ("baseline", "hardware", "workload")  # scored by field f1 too (non-null values only)
# The columns of a row, in order: the set, its counts, then every figure (each may carry a floor).
COUNT_COLUMNS = ("papers", "gold_claims", "predicted")
FIGURE_COLUMNS = ("precision", "recall", "f1", "metric_f1", "exact_f1") + tuple(
    name for f in FIELDS for name in ((f"{f}_acc", f"{f}_f1") if f in TEXT_FIELDS else (f"{f}_acc",)))
COLUMNS = ("set",) + COUNT_COLUMNS + FIGURE_COLUMNS


def figures_row(name: str, result: dict) -> dict:
    """One row of the table: the set's name, its counts and every figure of the scorer's ``result``.

    ``<field>_acc`` is the scorer's field accuracy over matched claims, ``<field>_f1`` its
    field f1 over non-null values (baseline, hardware and workload).

    >>> from claimbench.corpus import dev_gold
    >>> row = figures_row("dev.jsonl", evaluate_rows([], dev_gold())[0])
    >>> list(row) == list(COLUMNS), row["gold_claims"], row["f1"], row["workload_f1"]
    (True, 223, 0.0, 0.0)
    """
    row = {"set": name, "papers": result["gold_papers"], "gold_claims": result["gold_claims"],
           "predicted": result["predicted_claims"]}
    row.update({key: result[key] for key in ("precision", "recall", "f1", "metric_f1", "exact_f1")})
    for f in FIELDS:
        row[f"{f}_acc"] = result["field_accuracy"][f]
        if f in TEXT_FIELDS:
            row[f"{f}_f1"] = result["field_f1"][f]
    return row


def format_table(rows: list[dict]) -> str:
    """The rows as an aligned text table, a header line first; figures with 4 decimals.

    >>> print(format_table([{"set": "a.jsonl", "papers": 3, "f1": 0.5}, {"set": "bb.jsonl", "papers": 12, "f1": 1.0}]))
    set       papers      f1
    a.jsonl        3  0.5000
    bb.jsonl      12  1.0000
    """
    if not rows:
        return ""
    columns = list(rows[0])
    cells = [columns] + [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = []
    for line in cells:
        parts = [line[0].ljust(widths[0])] + [text.rjust(width) for text, width in zip(line[1:], widths[1:])]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _cell(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Floor:
    """Floors on figures of one gold set (``target``: its name or path as given), or of every set (None)."""

    target: str | None
    figures: dict[str, float] = field(default_factory=dict)


def parse_floor(text: str) -> Floor:
    """A ``--floor`` argument: ``SET:FIGURE=VALUE[,FIGURE=VALUE...]``, SET a gold file's name or path.

    >>> parse_floor("dev.jsonl:f1=0.95,metric_f1=0.87")
    Floor(target='dev.jsonl', figures={'f1': 0.95, 'metric_f1': 0.87})
    >>> parse_floor("dev.jsonl:f2=0.9")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: --floor dev.jsonl:f2=0.9: unknown figure 'f2' (one of precision, recall, f1, metric_f1, exact_f1, metric_acc, qualifier_acc, change_acc, baseline_acc, baseline_f1, hardware_acc, hardware_f1, workload_acc, workload_f1)
    """
    target, colon, spec = text.rpartition(":")
    if not colon or not target or not spec:
        raise UsageError(f"--floor {text}: expected SET:FIGURE=VALUE[,FIGURE=VALUE...], e.g. dev.jsonl:f1=0.95,metric_f1=0.87")
    figures = {}
    for part in spec.split(","):
        name, eq, value = (x.strip() for x in part.partition("="))
        if name not in FIGURE_COLUMNS:
            raise UsageError(f"--floor {text}: unknown figure {name!r} (one of {', '.join(FIGURE_COLUMNS)})")
        if not eq:
            raise UsageError(f"--floor {text}: expected {name}=VALUE")
        try:
            figures[name] = float(value)
        except ValueError:
            raise UsageError(f"--floor {text}: {name} needs a number, got {value!r}") from None
    return Floor(target, figures)


def floors_for(name: str, path: Path, floors: list[Floor]) -> dict[str, float]:
    """The floors that apply to gold set ``name`` (at ``path``): every-set floors, then the set's own
    (which replace an every-set floor of the same figure)."""
    found: dict[str, float] = {}
    for floor in sorted(floors, key=lambda f: f.target is not None):
        if floor.target is None or _names(floor.target, name, path):
            found.update(floor.figures)
    return found


def _names(target: str, name: str, path: Path) -> bool:
    """Whether a --floor's SET names this gold set: its set name, or its path."""
    return target == name or Path(target).resolve() == Path(path).resolve()


def unmatched_floors(floors: list[Floor], sets: list[tuple[str, Path]]) -> list[str]:
    """The SETs of per-set floors that name none of the gold sets scored (a typo would silently check nothing)."""
    return [f.target for f in floors if f.target is not None and not any(_names(f.target, n, p) for n, p in sets)]


def floor_failures(row: dict, floors: dict[str, float]) -> list[str]:
    """One message per figure of ``row`` below its floor.

    >>> floor_failures({"set": "dev.jsonl", "f1": 0.9, "metric_f1": 0.9}, {"f1": 0.95, "metric_f1": 0.87})
    ['dev.jsonl: f1 0.9 < floor 0.95']
    """
    return [f"{row['set']}: {name} {row[name]} < floor {floor}" for name, floor in floors.items() if row[name] < floor]


def set_names(paths: list[Path]) -> list[str]:
    """The name each gold file goes by in the table: its file name, or the path as given when two share a name.

    >>> set_names([Path("a/dev.jsonl"), Path("test.jsonl"), Path("b/dev.jsonl")])
    ['a/dev.jsonl', 'test.jsonl', 'b/dev.jsonl']
    """
    names = [Path(p).name for p in paths]
    return [n if names.count(n) == 1 else str(p) for n, p in zip(names, paths)]


def is_report_only(path: Path) -> bool:
    """True for a copy of a report-only gold set (the shipped test.jsonl, by content): its errors are never shown."""
    data = Path(path).read_bytes()
    return any(data == gold_file(name).read_bytes() for name in REPORT_ONLY_SETS)
