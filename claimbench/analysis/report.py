"""``claimbench report RELEASE --output DIR``: one static HTML page about a release.

``write_report(Path("releases/v0.2.0"), Path("report"))`` writes::

    report/index.html       the page: facts, four plots (inline SVG), a searchable table of every claim
    report/screenshot.png   the page as headless Chromium draws it (when a Chromium binary is found)

and returns ``ReportResult(index=Path("report/index.html"), screenshot=Path("report/screenshot.png"),
claims=418, papers=263, ...)``.

The page needs no server and no network: the CSS, the SVG plots and a small
vanilla-JS search are all inside ``index.html``; open it from disk. The
search box keeps its state in the URL hash (``index.html#q=A100&metric=speedup``),
so a filtered view can be linked, and is applied when the page loads.

The plots are drawn with matplotlib (the SVG backend, through ``Figure``
directly, so no GUI backend and no global pyplot state), with a fixed
``svg.hashsalt`` and no date in the SVG metadata: the same release gives a
byte-identical ``index.html``. The screenshot is a PNG from Chromium and is
not byte-stable; it is a preview only.
"""
from __future__ import annotations

import html
import io
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimbench.extract.readers import InputError

INDEX_NAME = "index.html"
SCREENSHOT_NAME = "screenshot.png"
WINDOW_SIZE = (1400, 2400)
# Environment variable naming a Chromium binary; otherwise the usual names are looked up on PATH.
CHROMIUM_ENV = "CLAIMBENCH_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome", "headless_shell")
# Flags that keep headless Chromium off the network (this page needs none) and away from the user's profile.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--hide-scrollbars", "--mute-audio",
)
CHROMIUM_TIMEOUT = 120  # seconds for one Chromium run

TABLE_COLUMNS = (  # (header, claims column or computed key, css class, sort type)
    ("Paper", "title", "title", "text"),
    ("Mention", "mention", "", "text"),
    ("Metric", "metric", "", "text"),
    ("Value", "value", "num", "number"),
    ("Unit", "unit", "", "text"),
    ("Baseline", "baseline", "", "text"),
    ("Hardware", "hardware", "", "text"),
    ("Sentence", "sentence", "sentence", "text"),
)
TOP_BASELINES = 15
TOP_HARDWARE = 8
_COLOR = "#3b6ea5"
_COLOR_LIGHT = "#9bb8d6"
_MISSING = "not stated"


@dataclass(frozen=True)
class ReportResult:
    """What ``write_report`` wrote: the page, the screenshot (None when none was taken, with the reason), counts."""

    index: Path
    screenshot: Path | None
    screenshot_note: str | None
    version: str
    claims: int
    papers: int
    dated_papers: int
    plots: tuple[str, ...] = field(default=())
    bytes: int = 0


# --- grouping helpers (pure) ---------------------------------------------------------------------

def _text(value) -> str | None:
    """A string cell, or None for null/NaN (pandas reads missing strings as NaN).

    >>> _text(float("nan")), _text(None), _text("A100")
    (None, None, 'A100')
    """
    return value if isinstance(value, str) else None


def hardware_group(name: str | None) -> str:
    """The hardware's model name, without counts, vendor, memory size and device words, to group claims by
    (the leaderboard's cleaning, from extract/knowledge/aliases.toml; a device class alone in the singular).

    >>> [hardware_group(h) for h in ("2,048 A100 GPUs", "a single A100-40GB GPU", "NVIDIA A100 GPU", "A100")]
    ['A100', 'A100', 'A100', 'A100']
    >>> [hardware_group(h) for h in ("NVIDIA RTX 4070", "8-socket RDU Node", "eight RDU sockets", "8x H100 (80GB)")]
    ['RTX 4070', 'RDU', 'RDU', 'H100']
    >>> [hardware_group(h) for h in ("Ascend NPUs", "SMIC-28nm", "two GPUs", "a single RTX 4090 GPU", None, "  ")]
    ['Ascend', 'SMIC-28nm', 'GPU', 'RTX 4090', 'not stated', 'not stated']
    """
    from claimbench.analysis.leaderboard import clean_hardware

    name = _text(name)
    if name is None or not name.strip():
        return _MISSING
    group, _ = clean_hardware(name)
    generic = group.lower().rstrip("s")
    return generic.upper() if generic in ("gpu", "npu", "cpu") else group


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def baseline_key(name: str | None) -> str | None:
    """The key baselines are counted under: case-folded, without a leading article or spacing differences.

    >>> baseline_key("the  vLLM"), baseline_key("vllm"), baseline_key(None), baseline_key(" ")
    ('vllm', 'vllm', None, None)
    """
    name = _text(name)
    if name is None:
        return None
    key = _ARTICLE.sub("", " ".join(str(name).split())).casefold()
    return key or None


_ARXIV_ID = re.compile(r"(?:arxiv:)?(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?", re.IGNORECASE | re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-\d{2})?(?:[T ].*)?", re.ASCII)  # ASCII digits only: "２０２４" is no date
# The years a paper's date is drawn in: others ("0001-01-01", "9999-12-31") are odd fields, left undated in the plot.
FIRST_YEAR, LAST_YEAR = 1991, 2100


def paper_month(update_date: str | None, external_id: str | None) -> str | None:
    """The paper's month "YYYY-MM": from a new-style arXiv id (first submission), else the input's update date.

    >>> paper_month(None, "2401.12345v2"), paper_month("2023-05-17", None), paper_month("2023-05-17", "2101.00001")
    ('2024-01', '2023-05', '2021-01')
    >>> paper_month(None, None), paper_month("May 2023", "hep-th/9901001")
    (None, None)
    >>> paper_month("0001-01-01", None), paper_month("9999-12-31", None), paper_month("\uff12\uff10\uff12\uff14-01-01", None)
    (None, None, None)
    """
    update_date, external_id = _text(update_date), _text(external_id)
    if external_id and (m := _ARXIV_ID.fullmatch(external_id.strip())):
        year, month = 2000 + int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and year >= 2007:
            return f"{year:04d}-{month:02d}"
    if update_date and (m := _ISO_MONTH.fullmatch(update_date.strip())):
        if 1 <= int(m.group(2)) <= 12 and FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR:
            return f"{m.group(1)}-{m.group(2)}"
    return None


def format_value(value: float | None, low: float | None = None) -> str:
    """A claim's value as shown in the table: up to 4 significant digits, a range as "low–high".

    >>> format_value(2.49), format_value(242000.0), format_value(73.0, 50.0), format_value(0.000123)
    ('2.49', '242,000', '50–73', '0.000123')
    """
    def one(x: float) -> str:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return ""
        if not math.isfinite(x):
            return str(x)
        if x == int(x) and abs(x) < 1e15:
            return f"{int(x):,}"
        return f"{x:.4g}" if abs(x) >= 1e-3 else f"{x:.3g}"

    shown = one(value)
    if low is not None and not (isinstance(low, float) and math.isnan(low)) and low != value:
        shown = f"{one(low)}–{shown}"
    return shown


# --- reading the release -------------------------------------------------------------------------


def _load_release(release_dir: Path):
    """(manifest, claims DataFrame, papers DataFrame) of a release folder; InputError naming the path if absent."""

    folder = Path(release_dir)
    if not folder.is_dir():
        raise InputError(folder, None, "no such release folder")
    from claimbench.release.layout import read_frame, table_files

    expected = "expected MANIFEST.json and the claims and papers tables under data/"
    if not (folder / "MANIFEST.json").is_file():
        raise InputError(folder / "MANIFEST.json", None, f"missing: not a release folder ({expected})")
    for table in ("claims", "papers"):
        if not table_files(folder, table):
            raise InputError(folder / "data" / f"{table}.parquet", None, f"missing (nor any {table}-*.parquet shard): "
                                                                          f"not a release folder ({expected})")
    try:
        manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    except ValueError as err:
        raise InputError(folder / "MANIFEST.json", None, f"does not parse: {err}") from None
    return manifest, read_frame(folder, "claims"), read_frame(folder, "papers")


# --- plots ---------------------------------------------------------------------------------------


def _svg(fig, name: str) -> str:
    """The figure as an inline <svg> element: no XML prolog, ids salted per plot, no date: stable bytes."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"claimbench-{name}", "svg.fonttype": "none", "svg.id": "svg"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    svg = _prefix_ids(text[text.index("<svg"):].strip(), f"{name}-")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(name)} plot" ', 1)


_SVG_ID = re.compile(r'(\sid=")([^"]+)(")|((?:xlink:)?href="#)([^"]+)(")|(url\(#)([^)]+)(\))')


def _prefix_ids(svg: str, prefix: str) -> str:
    """Every id of an SVG, and every reference to one, prefixed: several plots' ids never clash in one page.

    >>> _prefix_ids('<g id="axes_1"><use xlink:href="#m1" clip-path="url(#p2)"/></g>', "time-")
    '<g id="time-axes_1"><use xlink:href="#time-m1" clip-path="url(#time-p2)"/></g>'
    """
    def sub(m: re.Match) -> str:
        groups = [g for g in m.groups() if g is not None]
        return groups[0] + prefix + groups[1] + groups[2]

    return _SVG_ID.sub(sub, svg)


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=9)
    return fig, ax


_RC = {
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "axes.edgecolor": "#8a919c",
    "axes.labelcolor": "#1f2430",
    "xtick.color": "#3a404a",
    "ytick.color": "#3a404a",
    "axes.titlesize": 10,
    "text.parse_math": False,  # labels are text from papers ("$\\badcmd{x}$" as a baseline): never read as markup
}


def _short(text: str, width: int = 42) -> str:
    """``text`` cut to ``width`` characters with an ellipsis.

    >>> _short("state-of-the-art systems like vLLM and SGLang", 20)
    'state-of-the-art sy…'
    """
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _barh(labels: list[str], counts: list[int], name: str, xlabel: str) -> str:
    from matplotlib.ticker import MaxNLocator

    fig, ax = _figure(7.0, max(2.2, 0.28 * len(labels) + 0.9))
    y = list(range(len(labels)))[::-1]
    bars = ax.barh(y, counts, color=_COLOR, height=0.7)
    ax.set_yticks(y, labels)
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(counts) * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.01)
    return _svg(fig, name)


def _plot_metrics(claims) -> tuple[str | None, str]:
    if not len(claims):
        return None, "No claims in this release."
    counts = claims["metric"].value_counts()
    counts = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    svg = _barh([k for k, _ in counts], [int(v) for _, v in counts], "metrics", "claims")
    top = ", ".join(f"{k} {v}" for k, v in counts[:3])
    return svg, f"{len(claims)} claims over {len(counts)} metrics; most: {top}."


def _plot_speedups(claims) -> tuple[str | None, str]:
    speed = claims[(claims["metric"] == "speedup") & (claims["unit"] == "x") & (claims["value"] > 0)]
    others = int(((claims["metric"] == "speedup") & (claims["unit"] != "x")).sum())
    if speed.empty:
        return None, "No speedup claims given as a factor (x) in this release."
    groups = [hardware_group(h) for h in speed["hardware"]]
    spelled: dict[str, Counter] = {}
    for g in groups:
        spelled.setdefault(g.casefold(), Counter())[g] += 1
    display = {k: c.most_common(1)[0][0] for k, c in spelled.items()}
    keys = [g.casefold() for g in groups]
    named = Counter(k for k in keys if k != _MISSING)
    chosen = [k for k, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_HARDWARE]]
    def bucket(k: str) -> str:
        return k if k in chosen or k == _MISSING else "other hardware"
    buckets = [bucket(k) for k in keys]
    order = chosen + [b for b in ("other hardware", _MISSING) if b in buckets]
    values = list(speed["value"].astype(float))
    fig, ax = _figure(7.0, max(2.4, 0.42 * len(order) + 1.1))
    for row, b in enumerate(order):
        xs = sorted(v for v, bb in zip(values, buckets) if bb == b)
        ys = [len(order) - 1 - row + ((i * 0.618034) % 1 - 0.5) * 0.5 for i in range(len(xs))]  # fixed jitter
        ax.scatter(xs, ys, s=18, color=_COLOR if b != _MISSING else _COLOR_LIGHT, alpha=0.8, edgecolors="none", zorder=3)
        median = xs[len(xs) // 2] if len(xs) % 2 else math.sqrt(xs[len(xs) // 2 - 1] * xs[len(xs) // 2])
        y0 = len(order) - 1 - row
        ax.plot([median, median], [y0 - 0.35, y0 + 0.35], color="#c0392b", linewidth=2, zorder=4)
    labels = [f"{display.get(b, b)} (n={buckets.count(b)})" for b in order]
    ax.set_yticks(list(range(len(order)))[::-1], labels)
    ax.set_xscale("log")
    ax.set_xlabel("claimed speedup (x, log scale); red line: median")
    ax.grid(axis="x", which="major", color="#e3e6ea", zorder=0)
    ax.set_ylim(-0.6, len(order) - 0.4)
    n_named = sum(1 for k in keys if k != _MISSING)
    note = (f"{len(speed)} speedups given as a factor; {n_named} name their hardware "
            f"(grouped by model: counts, vendor, memory and device words dropped). "
            f"Range {format_value(min(values))}x to {format_value(max(values))}x.")
    if others:
        note += f" {others} speedups given in other units (e.g. %) are not drawn."
    return _svg(fig, "speedups"), note


def _plot_baselines(claims) -> tuple[str | None, str]:
    keyed = [(baseline_key(b), b) for b in claims["baseline"] if baseline_key(b)]
    if not keyed:
        return None, "No claim in this release names a baseline."
    counts = Counter(k for k, _ in keyed)
    spelled: dict[str, Counter] = {}
    for k, b in keyed:
        spelled.setdefault(k, Counter())[" ".join(b.split())] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_BASELINES]
    labels = [_short(spelled[k].most_common(1)[0][0]) for k, _ in top]
    svg = _barh(labels, [v for _, v in top], "baselines", "claims comparing against it")
    return svg, (f"{len(keyed)} of {len(claims)} claims name a baseline ({len(counts)} different ones, "
                 f"as written, case and leading article ignored); the {len(top)} most frequent.")


def _plot_time(claims, papers) -> tuple[str | None, str, int]:
    months = {pid: paper_month(d, e) for pid, d, e in zip(papers["paper_id"], papers["update_date"], papers["external_id"])}
    dated = sum(1 for m in months.values() if m)
    if not dated:
        return None, (f"No dates in this release: none of its {len(papers)} papers has an arXiv id or an update date, "
                      f"so claims cannot be placed in time."), 0
    per_month = Counter(months[p] for p in claims["paper_id"] if months.get(p))
    first, last = min(m for m in months.values() if m), max(m for m in months.values() if m)
    axis = _month_range(first, last)
    from matplotlib.ticker import MaxNLocator

    fig, ax = _figure(7.0, 3.0)
    x = list(range(len(axis)))
    ax.bar(x, [per_month.get(m, 0) for m in axis], color=_COLOR, width=0.8)
    step = max(1, math.ceil(len(axis) / 12))
    ax.set_xticks(x[::step], axis[::step], rotation=45, ha="right")
    ax.set_ylabel("claims")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(-0.6, len(axis) - 0.4)
    undated = sum(1 for p in claims["paper_id"] if not months.get(p))
    note = (f"Claims per month of their paper ({dated} of {len(papers)} papers dated: arXiv id month, else update date)"
            + (f"; {undated} claims from undated papers are not drawn." if undated else "."))
    return _svg(fig, "time"), note, dated


def _month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both "YYYY-MM".

    >>> _month_range("2023-11", "2024-02")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --- the page ------------------------------------------------------------------------------------


def _esc(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _sentence_cell(sentence: str, mention: str, start: int, sentence_start: int) -> str:
    """The sentence, escaped, with the mention marked where its offsets put it.

    >>> _sentence_cell("Up to 2.49x <faster>.", "2.49x", 106, 100)
    'Up to <mark>2.49x</mark> &lt;faster&gt;.'
    """
    i = int(start) - int(sentence_start)
    if 0 <= i and sentence[i : i + len(mention)] == mention and mention:
        return html.escape(sentence[:i]) + "<mark>" + html.escape(mention) + "</mark>" + html.escape(sentence[i + len(mention):])
    return html.escape(sentence)


def _rows(claims) -> str:
    out = []
    cols = {name: list(claims[name]) for name in
            ("claim_id", "title", "mention", "metric", "value", "value_low", "unit", "baseline", "hardware", "sentence",
             "mention_start", "sentence_start")}
    for i in range(len(claims)):
        get = {k: v[i] for k, v in cols.items()}
        value = float(get["value"])
        low = get["value_low"]
        low = None if low is None or (isinstance(low, float) and math.isnan(low)) else float(low)
        cells = [
            f'<td class="title">{_esc(get["title"])}</td>',
            f"<td>{_esc(get['mention'])}</td>",
            f"<td>{_esc(get['metric'])}</td>",
            f'<td class="num" data-sort="{value!r}">{_esc(format_value(value, low))}</td>',
            f"<td>{_esc(get['unit'])}</td>",
            _optional_cell(get["baseline"]),
            _optional_cell(get["hardware"]),
            f'<td class="sentence">{_sentence_cell(get["sentence"], get["mention"], get["mention_start"], get["sentence_start"])}</td>',
        ]
        out.append(f'<tr id="c-{_esc(get["claim_id"])}" data-metric="{_esc(get["metric"])}">{"".join(cells)}</tr>')
    return "\n".join(out)


def _optional_cell(value) -> str:
    text = _esc(value)
    return f"<td>{text}</td>" if text else '<td class="none"></td>'


def _figure_html(name: str, title: str, svg: str | None, note: str) -> str:
    body = svg if svg else f'<p class="note">{html.escape(note)}</p>'
    caption = f"<figcaption>{html.escape(note)}</figcaption>" if svg else ""
    return f'<figure id="plot-{name}" data-plot="{name}" data-drawn="{"yes" if svg else "no"}">\n<h3>{html.escape(title)}</h3>\n{caption}\n{body}\n</figure>'


def _template() -> str:
    return (resources.files("claimbench.analysis") / "report_template.html").read_text(encoding="utf-8")


def render_html(manifest: dict, claims, papers) -> tuple[str, tuple[str, ...], int]:
    """(the page, names of the plots drawn, papers with a date) for a release's manifest and tables."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        metrics_svg, metrics_note = _plot_metrics(claims)
        speed_svg, speed_note = _plot_speedups(claims)
        base_svg, base_note = _plot_baselines(claims)
        time_svg, time_note, dated = _plot_time(claims, papers)
    figures = [
        ("metrics", "Claims per metric", metrics_svg, metrics_note),
        ("speedups", "Claimed speedups by hardware (log scale)", speed_svg, speed_note),
        ("baselines", "Most frequent baselines", base_svg, base_note),
        ("time", "Claims over time", time_svg, time_note),
    ]
    version = str(manifest.get("version", "?"))
    validation = (manifest.get("validation") or {}).get("success")
    facts = [
        (f"{len(claims):,}", "claims"),
        (f"{len(papers):,}", "papers"),
        (f"{claims['paper_id'].nunique():,}", "papers with claims"),
        (f"{claims['metric'].nunique()}", "metrics"),
        (f"{int(claims['hardware'].notna().sum()):,}", "claims naming hardware"),
        (f"{int(claims['baseline'].notna().sum()):,}", "claims naming a baseline"),
    ]
    metrics = sorted(claims["metric"].unique())
    values = {
        "title": f"claimbench v{_esc(version)} report",
        "heading": f"claimbench v{_esc(version)}",
        "subtitle": _esc(
            f"Quantitative claims from research abstracts. Release date {manifest.get('date', '?')}, "
            f"extractor {manifest.get('extractor_version', '?')}, builder {manifest.get('builder_version', '?')}, "
            f"validation {'passed' if validation else 'FAILED' if validation is False else 'not recorded'}."),
        "facts": "".join(f"<li><b>{v}</b>{_esc(k)}</li>" for v, k in facts),
        "plots": "\n".join(_figure_html(*f) for f in figures),
        "metric_options": "\n".join(f'        <option value="{_esc(m)}">{_esc(m)}</option>' for m in metrics),
        "n_claims": str(len(claims)),
        "header_cells": "".join(f'<th data-key="{key}" data-type="{kind}" scope="col">{_esc(head)}</th>'
                                for head, key, _, kind in TABLE_COLUMNS),
        "rows": _rows(claims),
        "footer": (f"Made by <code>claimbench report</code> from release v{_esc(version)} ({_esc(_claims_files(manifest))}). "
                   f"Link a view with <code>#q=WORDS&amp;metric=NAME&amp;sort=-value</code> "
                   f"(search words, a metric, a column to sort by; '-' for descending)."),
    }
    page = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], _template())
    return page, tuple(name for name, _, svg, _ in figures if svg), dated


def _claims_files(manifest: dict) -> str:
    """The claims files of a release and the start of their sha256, from its manifest.

    >>> _claims_files({"files": {"data/claims.parquet": "dd2035a7421993bd"}})
    'data/claims.parquet sha256 dd2035a74219…'
    >>> _claims_files({"files": {"data/claims-00000-of-00002.parquet": "ab" * 8, "data/claims-00001-of-00002.parquet": "cd" * 8}})
    'data/claims-00000-of-00002.parquet sha256 abababababab…, and 1 more shard'
    """
    from claimbench.release.layout import data_entries

    files = sorted(data_entries(manifest.get("files") or {}, ("claims",)).items())
    if not files:
        return "data/claims.parquet sha256 ?"
    rel, sha = files[0]
    more = f", and {len(files) - 1} more shard{'s' if len(files) > 2 else ''}" if len(files) > 1 else ""
    return f"{rel} sha256 {str(sha)[:12]}…{more}"


def write_report(release_dir: Path, out_dir: Path, screenshot: bool = True) -> ReportResult:
    """Write ``out_dir/index.html`` (and ``out_dir/screenshot.png`` if ``screenshot`` and Chromium is found).

    ``write_report(Path("releases/v0.2.0"), Path("out"))`` ->
    ``ReportResult(index=Path("out/index.html"), screenshot=Path("out/screenshot.png"), version="0.2.0",
    claims=418, papers=263, dated_papers=0, plots=("metrics", "speedups", "baselines"), ...)``.
    A missing release raises InputError naming the path. With ``screenshot=True`` and no Chromium
    binary, ``screenshot`` is None and ``screenshot_note`` says why; a Chromium that fails raises
    RuntimeError. The same release always gives the same ``index.html`` bytes.
    """
    manifest, claims, papers = _load_release(Path(release_dir))
    page, plots, dated = render_html(manifest, claims, papers)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = out / INDEX_NAME
    index.write_text(page, encoding="utf-8", newline="\n")
    shot, note = None, None
    png = out / SCREENSHOT_NAME
    if screenshot:
        binary = find_chromium()
        if binary is None:
            note = f"no Chromium binary found (looked for ${CHROMIUM_ENV}, then {', '.join(CHROMIUM_NAMES)} on PATH)"
        else:
            take_screenshot(index, png, binary)
            shot = png
    else:
        note = "not requested"
    if shot is None and png.exists():
        png.unlink()  # a stale screenshot of an earlier page would mislead
    return ReportResult(index=index, screenshot=shot, screenshot_note=note, version=str(manifest.get("version", "?")),
                        claims=len(claims), papers=len(papers), dated_papers=dated, plots=plots, bytes=len(page.encode("utf-8")))


# --- headless Chromium ---------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Path of a Chromium binary: ``$CLAIMBENCH_CHROMIUM`` if set, else the first of CHROMIUM_NAMES on PATH, else None."""
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        return explicit if shutil.which(explicit) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(binary: str, url: str, *extra: str, window: tuple[int, int] = WINDOW_SIZE) -> subprocess.CompletedProcess:
    """Run headless Chromium once on ``url`` with ``extra`` flags (``--dump-dom``, ``--screenshot=...``), in a
    throw-away profile, off the network; RuntimeError with its stderr if it fails."""
    with tempfile.TemporaryDirectory(prefix="claimbench-chromium-") as profile:
        cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={window[0]},{window[1]}",
               "--virtual-time-budget=5000", *extra, url]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT,
                                  stdin=subprocess.DEVNULL, cwd=profile)
        except subprocess.TimeoutExpired as err:
            raise RuntimeError(f"{binary} did not finish within {CHROMIUM_TIMEOUT} s on {url}") from err
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"{binary} exited with {done.returncode} on {url}:\n{tail}")
    return done


def take_screenshot(page: Path, png: Path, binary: str, window: tuple[int, int] = WINDOW_SIZE) -> Path:
    """Draw ``page`` in headless Chromium and save it as ``png`` (``window`` pixels); returns ``png``.

    Releases hold the screenshot, so it must be reproducible: the page has no
    sticky or animated parts (a sticky table header was painted with stray lines
    now and then on a loaded machine), and the same page gives the same bytes.
    """
    png = Path(png).resolve()
    if png.exists():
        png.unlink()
    run_chromium(binary, Path(page).resolve().as_uri(), f"--screenshot={png}", window=window)
    if not png.is_file() or png.stat().st_size == 0:
        raise RuntimeError(f"{binary} wrote no screenshot to {png}")
    return png


def dump_dom(page: Path, binary: str, fragment: str = "") -> str:
    """The page's DOM after its scripts ran, as headless Chromium serializes it (``fragment``: e.g. "q=A100")."""
    url = Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    return run_chromium(binary, url, "--dump-dom").stdout


# --- command line --------------------------------------------------------------------------------
