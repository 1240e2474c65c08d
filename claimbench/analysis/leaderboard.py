"""Leaderboards: the claims of one metric, ranked, with baselines and hardware grouped under canonical names.

    $ claimbench leaderboard --metric speedup --hardware A100 --top 3
    $ claimbench leaderboard --metric throughput --baseline vLLM --format json

``leaderboard(df, "speedup", baseline="vLLM")`` does the same on a claims
DataFrame (``claimbench.load(...)``).

Grouping. ``baseline`` and ``hardware`` are free text as written in the
abstract; spellings are grouped by extract/knowledge/aliases.toml (which
documents the cleaning): "A100", "NVIDIA A100 80GB", "8 A100 GPUs" and
"A100-40GB GPU" are all ``NVIDIA A100`` (count 8 for the third), and
"vLLM v0.6" or "state-of-the-art systems like vLLM" are ``vLLM``. A filter
matches when it names the same canonical name: ``--hardware a100``,
``--hardware "NVIDIA A100"`` and ``--hardware "8 A100 GPUs"`` select the
same rows; ``--workload`` matches a part of the workload, case and
punctuation ignored (``llama`` finds "Llama 2-70B").

Ranking. A board ranks the claims of one metric in one canonical unit, since
2.5x and 30% do not compare: by default the unit most of the matching claims
have (``--unit`` picks another; the header says how many were left out).
Larger values rank first, with one exception: absolute figures of a
lower-is-better metric (latency, memory, energy, cost) in a physical unit
(second, byte, joule, watt, USD, hour), where the smallest latency, memory,
energy or cost ranks first. A rate of those (samples per kJ) is an
efficiency and ranks larger first. A factor or percentage of such a metric
(``x``, ``%``) is the size of the change the paper states, so larger ranks
first: "reduces memory by 10x" above "by 2x"; add ``--change decrease`` to
rank stated reductions only (``change = increase`` there is usually an
overhead). Equal values share a rank; ties are listed by claim_id.
"""
from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from functools import cache

from claimbench.errors import UsageError

LOWER_IS_BETTER = ("latency", "memory", "energy", "cost")
RELATIVE_UNITS = ("x", "%", "pp", "")
FORMATS = ("table", "csv", "json", "markdown")
COLUMNS = ("rank", "value", "value_low", "unit", "qualifier", "change", "metric", "mention", "title", "paper_id", "claim_id",
           "baseline", "baseline_canonical", "hardware", "hardware_canonical", "hardware_count", "workload", "sentence")


# ---------------------------------------------------------------- aliases


@dataclass(frozen=True)
class Aliases:
    """The compiled contents of extract/knowledge/aliases.toml."""

    count: re.Pattern          # a leading device count
    count_words: dict          # lower-cased word -> number
    determiners: re.Pattern    # leading "the", "our", ...
    vendors: re.Pattern        # vendor and brand words (with a possessive 's)
    memory: re.Pattern         # memory sizes: "40GB", "-80 GB", "HBM3"
    devices: re.Pattern        # trailing device words
    hardware: tuple            # (canonical, [compiled fullmatch patterns]) in file order
    baselines: tuple           # (canonical, [compiled search patterns]) in file order


def _words(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


@cache
def aliases() -> Aliases:
    """Compile extract/knowledge/aliases.toml's record (read and checked by the knowledge loader), once."""
    from claimbench.extract.knowledge import knowledge

    data = knowledge().aliases
    words = {k.lower(): v for k, v in data.count_words.items()}
    devices = _words(data.device_words)
    count = re.compile(
        r"^(?:(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s*[x×]\s*|-" + devices + r"\s+|\s+)"   # 8 / 2,048 / 4x / 8-socket
        r"|(?P<word>" + _words(words) + r")(?:-" + devices + r")?\s+)",                  # a single / eight / eight-GPU
        re.IGNORECASE)
    return Aliases(
        count=count,
        count_words=words,
        determiners=re.compile(r"^(?:" + _words(data.determiners) + r")\s+", re.IGNORECASE),
        vendors=re.compile(r"(?<![\w-])" + _words(data.vendors) + r"(?:'s|’s)?(?![\w])[\s-]*", re.IGNORECASE),
        memory=re.compile(r"[\s(-]*\b\d+\s?(?:GB|GiB|TB|MB)\b\)?|\s*\bHBM\d?e?\b", re.IGNORECASE),
        devices=re.compile(r"\s+" + devices + r"$", re.IGNORECASE),
        hardware=tuple((name, [re.compile(p, re.IGNORECASE) for p in pats]) for name, pats in data.hardware.items()),
        baselines=tuple((name, [re.compile(r"(?<![\w-])(?:" + p + r")(?![\w+]|-\w)", re.IGNORECASE) for p in pats])
                        for name, pats in data.baselines.items()),
    )


def name_key(name: str) -> str:
    """The form names are compared in: case-folded, spaces, hyphens, dots and underscores dropped.

    >>> name_key("RTX-4090"), name_key("rtx 4090"), name_key("ZeRO++")
    ('rtx4090', 'rtx4090', 'zero++')
    """
    return re.sub(r"[\s\-_.]+", "", name.casefold())


def clean_hardware(text: str) -> tuple[str, int | None]:
    """(the product name, the device count or None) of a hardware string, before alias lookup.

    >>> clean_hardware("a single A100-40GB GPU")
    ('A100', 1)
    >>> clean_hardware("2,048 NVIDIA A100 GPUs")
    ('A100', 2048)
    >>> clean_hardware("8-socket RDU Node")
    ('RDU', 8)
    """
    a = aliases()
    name, count = text.strip(), None
    name = a.determiners.sub("", name) if not a.count.match(name) else name
    match = a.count.match(name)
    if match:
        count = int(match["num"].replace(",", "")) if match["num"] else a.count_words[match["word"].lower()]
        name = name[match.end():]
    name = a.memory.sub("", a.vendors.sub("", name))
    while True:
        shorter = a.devices.sub("", name)
        if shorter == name or not shorter.strip():
            break
        name = shorter
    name = re.sub(r"\s+", " ", name).strip(" ,;:-()")
    return (name or text.strip()), count


def canonical_hardware(text: str) -> tuple[str, int | None]:
    """(canonical name, count) of a hardware string; unknown products keep their cleaned name.

    >>> canonical_hardware("8 A100 GPUs"), canonical_hardware("NVIDIA A100 80GB")
    (('NVIDIA A100', 8), ('NVIDIA A100', None))
    >>> canonical_hardware("two Foo X9 chips")
    ('Foo X9', 2)
    """
    name, count = clean_hardware(text)
    for canonical, patterns in aliases().hardware:
        if any(p.fullmatch(name) for p in patterns):
            return canonical, count
    return name, count


def canonical_baselines(text: str) -> list[str]:
    """The canonical names of the systems a baseline string names; else its cleaned self.

    >>> canonical_baselines("vLLM v0.6"), canonical_baselines("Orca and vLLM")
    (['vLLM'], ['Orca', 'vLLM'])
    >>> canonical_baselines("the state-of-the-art")
    ['state-of-the-art']
    """
    a = aliases()
    found = []  # (start, -length, canonical)
    for canonical, patterns in a.baselines:
        for pattern in patterns:
            found += [(m.start(), -(m.end() - m.start()), canonical) for m in pattern.finditer(text)]
    names, taken_until = [], -1
    for start, neg_length, canonical in sorted(found):
        if start >= taken_until:
            taken_until = start - neg_length
            if canonical not in names:
                names.append(canonical)
    if names:
        return names
    name = text.strip()
    while a.determiners.match(name):
        name = a.determiners.sub("", name, count=1)
    name = re.sub(r"\s+(?:v|version\s*)\d+(?:\.\d+)*$", "", name, flags=re.IGNORECASE)
    return [re.sub(r"\s+", " ", name).strip() or text.strip()]


def _display_names(raw_to_name: dict) -> dict:
    """Unknown names spelled differently but with the same key shown one way: the most common spelling, then the first."""
    spellings: dict[str, Counter] = {}
    for name, n in raw_to_name.values():
        spellings.setdefault(name_key(name), Counter())[name] += n
    return {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, c in spellings.items()}


def with_canonical_names(df):
    """``df`` plus columns baseline_canonical (names joined by ", "), hardware_canonical and hardware_count."""
    import pandas as pd

    out = df.copy()
    base_counts = out["baseline"].dropna().value_counts()
    base_names = {raw: canonical_baselines(raw) for raw in base_counts.index}
    shown = _display_names({(raw, i): (name, int(base_counts[raw])) for raw in base_names for i, name in enumerate(base_names[raw])})
    out["baseline_canonical"] = out["baseline"].map(
        lambda raw: None if pd.isna(raw) else ", ".join(shown[name_key(n)] for n in base_names[raw]))
    hw_counts = out["hardware"].dropna().value_counts()
    hw = {raw: canonical_hardware(raw) for raw in hw_counts.index}
    shown_hw = _display_names({raw: (hw[raw][0], int(hw_counts[raw])) for raw in hw})
    out["hardware_canonical"] = out["hardware"].map(lambda raw: None if pd.isna(raw) else shown_hw[name_key(hw[raw][0])])
    out["hardware_count"] = out["hardware"].map(lambda raw: None if pd.isna(raw) else hw[raw][1]).astype("Int64")
    return out


# ---------------------------------------------------------------- ranking


def lower_is_better(metric: str, unit: str) -> bool:
    """True when a smaller value of ``metric`` in canonical ``unit`` is the better result.

    >>> lower_is_better("latency", "second"), lower_is_better("latency", "x"), lower_is_better("energy", "sample / kilojoule")
    (True, False, False)
    """
    is_rate = "/" in unit or unit.endswith("FLOPS")
    return metric in LOWER_IS_BETTER and unit not in RELATIVE_UNITS and not is_rate


def check_metric(metric: str) -> None:
    """Raise ValueError naming the valid metrics when ``metric`` is not one of the vocabulary."""
    from claimbench.schemas import vocabularies

    valid = vocabularies()["metric"]
    if metric not in valid:
        raise UsageError(f"unknown metric {metric!r}; valid metrics: {', '.join(valid)}")


def leaderboard(df, metric: str, baseline: str | None = None, hardware: str | None = None, workload: str | None = None,
                top: int | None = 20, unit: str | None = None, change: str | None = None):
    """The claims of ``metric`` in ``df`` ranked, best first, as a DataFrame with the COLUMNS.

    ``value``/``value_low``/``unit`` are the canonical ones (what the ranking
    compares). ``top`` None or 0 keeps every row. The result's ``attrs`` say
    how it was ranked: ``unit``, ``order`` ("descending" or "ascending"),
    ``matched`` (claims passing the filters, in any unit) and
    ``other_units`` ({unit: claims} left out).
    """
    import pandas as pd

    check_metric(metric)
    rows = with_canonical_names(df[df["metric"] == metric])
    if baseline:
        wanted = {name_key(n) for n in canonical_baselines(baseline)}
        rows = rows[rows["baseline_canonical"].map(
            lambda names: isinstance(names, str) and wanted <= {name_key(n) for n in names.split(", ")})]
    if hardware:
        wanted_hw = name_key(canonical_hardware(hardware)[0])
        rows = rows[rows["hardware_canonical"].map(lambda name: isinstance(name, str) and name_key(name) == wanted_hw)]
    if workload:
        part = name_key(workload)
        rows = rows[rows["workload"].map(lambda name: isinstance(name, str) and part in name_key(name))]
    if change:
        rows = rows[rows["change"] == change]
    units = rows["unit_canonical"].value_counts()
    chosen = unit if unit is not None else (sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if len(units) else "")
    board = rows[rows["unit_canonical"] == chosen]
    ascending = lower_is_better(metric, chosen)
    board = board.sort_values(["value_canonical", "claim_id"], ascending=[ascending, True], kind="mergesort")
    board = board.assign(rank=board["value_canonical"].rank(method="min", ascending=ascending).astype("int64"))
    if top:
        board = board.head(top)
    result = pd.DataFrame({
        **{c: board[c] for c in COLUMNS if c in board.columns and c not in ("value", "value_low", "unit")},
        "value": board["value_canonical"], "value_low": board["value_low_canonical"], "unit": board["unit_canonical"],
    })[list(COLUMNS)].reset_index(drop=True)
    result.attrs.update(unit=chosen, order="ascending" if ascending else "descending", matched=int(len(rows)),
                        other_units={u: int(n) for u, n in sorted(units.items()) if u != chosen})
    return result


# ---------------------------------------------------------------- output


def _number(value) -> str:
    """A value as shown: whole numbers without a decimal point, others to 6 significant digits.

    >>> _number(242000.0), _number(2.49), _number(1.5e-07)
    ('242000', '2.49', '1.5e-07')
    """
    if value != value:  # NaN
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".6g")


def _hardware_text(row) -> str:
    """The canonical hardware with its count: "8x NVIDIA A100", "NVIDIA A100", or "-" when none is named."""
    import pandas as pd

    name = row["hardware_canonical"]
    if not isinstance(name, str):
        return "-"
    count = row["hardware_count"]
    return name if pd.isna(count) else f"{int(count)}x {name}"


def records(board) -> list[dict]:
    """The board's rows as JSON-ready dicts (nulls as None)."""
    import pandas as pd

    out = []
    for row in board.to_dict(orient="records"):
        out.append({k: (None if (v is None or v is pd.NA or (isinstance(v, float) and v != v)) else
                        (v.item() if hasattr(v, "item") else v)) for k, v in row.items()})
    return out


def header(board, metric: str, release: str) -> str:
    """One line saying what the board ranks and what it left out."""
    attrs = board.attrs
    unit = attrs.get("unit", "")
    better = "smallest first" if attrs.get("order") == "ascending" else "largest first"
    text = f"{release}: {metric} claims in {unit or 'no unit'!s} ({better}); {attrs.get('matched', len(board))} matched"
    if attrs.get("other_units"):
        others = ", ".join(f"{u or '(no unit)'} {n}" for u, n in attrs["other_units"].items())
        text += f"; not ranked, other units: {others} (choose with --unit)"
    return text


def format_table(board, metric: str, release: str) -> str:
    """Aligned columns, each row followed by its sentence."""
    lines = [header(board, metric, release)]
    if board.empty:
        return "\n".join(lines + ["no claims match"]) + "\n"
    cells = [("rank", "value", "unit", "qualifier", "mention", "baseline", "hardware", "paper")]
    for _, row in board.iterrows():
        value = _number(row["value"]) if row["value_low"] != row["value_low"] else f"{_number(row['value_low'])}-{_number(row['value'])}"
        paper = f"{textwrap.shorten(row['title'], 60, placeholder='...')} [{row['paper_id']}]"
        cells.append((str(row["rank"]), value, row["unit"] or "-", row["qualifier"], row["mention"],
                      row["baseline_canonical"] if isinstance(row["baseline_canonical"], str) else "-", _hardware_text(row), paper))
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    lines.append("  ".join(h.ljust(w) for h, w in zip(cells[0], widths)).rstrip())
    for (_, row), cell in zip(board.iterrows(), cells[1:]):
        lines.append("  ".join(c.ljust(w) for c, w in zip(cell, widths)).rstrip())
        lines.append(textwrap.fill(row["sentence"], 110, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines) + "\n"


def format_markdown(board, metric: str, release: str) -> str:
    """A markdown table with every shown field, the sentence last."""
    def cell(v) -> str:
        return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")

    head = "| rank | value | unit | qualifier | mention | baseline | hardware | workload | paper | paper_id | sentence |\n"
    rows = "".join(
        f"| {r['rank']} | {_number(r['value'])} | {cell(r['unit'])} | {r['qualifier']} | {cell(r['mention'])} | "
        f"{cell(r['baseline_canonical'])} | {cell(_hardware_text(r)) if r['hardware_canonical'] else ''} | {cell(r['workload'])} | "
        f"{cell(r['title'])} | {r['paper_id']} | {cell(r['sentence'])} |\n"
        for r in records(board))
    return f"{header(board, metric, release)}\n\n" + head + "|" + "---|" * 11 + "\n" + rows


def render(board, fmt: str, metric: str, release: str) -> str:
    """The board in one of FORMATS."""
    if fmt == "json":
        return json.dumps(records(board), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return board.to_csv(index=False, lineterminator="\n")
    if fmt == "markdown":
        return format_markdown(board, metric, release)
    return format_table(board, metric, release)


# ---------------------------------------------------------------- command
