"""``claimbench report`` on the committed release releases/v0.2.0 (418 claims, 263 papers, no dates).

The page is checked twice: as written (its HTML parsed here: every claim a
row, the plots inline, nothing fetched from outside) and as headless Chromium
renders it (``--dump-dom`` after the page's script ran: the SVG plots in the
live DOM, the table's rows, the search applied from the URL hash; and
``--screenshot``: a PNG of the page with the plots drawn). The Chromium tests
skip when no binary is found: install Debian's ``chromium`` (CI does), or
point ``$CLAIMBENCH_CHROMIUM`` at one.

A copy of v0.2.0 whose papers are given arXiv ids and dates stands in for a
release with dates, to draw the plot of claims over time.
"""
from __future__ import annotations

import doctest
import re
import shutil
import struct
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import claimbench.analysis.report
from claimbench.analysis.report import find_chromium, format_value, hardware_group, write_report
from claimbench.release.writer import write_parquet

from conftest import REPO_ROOT, run_main

RELEASE = REPO_ROOT / "releases" / "v0.2.0"
N_CLAIMS, N_PAPERS = 418, 263  # MANIFEST.json's row counts of v0.2.0
PLOTS = ("metrics", "speedups", "baselines", "time")
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium binary found: `apt-get install -y chromium` (Debian), or set CLAIMBENCH_CHROMIUM to one",
)
pytestmark = pytest.mark.skipif(not (RELEASE / "MANIFEST.json").is_file(), reason=f"{RELEASE} is not committed here")


# --- reading a page back -------------------------------------------------------------------------


class Page(HTMLParser):
    """The parts of a report page the tests look at: rows of the claims table, plots, outside references."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []  # {"id", "metric", "hidden", "cells": [text, ...]}
        self.figures: dict[str, dict] = {}  # plot name -> {"drawn", "svg", "path", "text"}
        self.count_text = ""
        self.sources: list[str] = []  # every src= / href= / url( found, to check nothing is fetched
        self.tags: list[str] = []
        self._in_tbody = False
        self._cell: list[str] | None = None
        self._figure: str | None = None
        self._in_count = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        for name in ("src", "href", "xlink:href"):
            if a.get(name):
                self.sources.append(a[name])
        if tag == "tbody":
            self._in_tbody = True
        elif tag == "tr" and self._in_tbody:
            self.rows.append({"id": a.get("id"), "metric": a.get("data-metric"), "hidden": "hidden" in a, "cells": []})
        elif tag == "td" and self._in_tbody:
            self._cell = []
        elif tag == "figure":
            self._figure = a["data-plot"]
            self.figures[self._figure] = {"drawn": a.get("data-drawn"), "svg": 0, "path": 0, "text": []}
        elif self._figure and tag in ("svg", "path"):
            self.figures[self._figure][tag] += 1
        elif tag == "span" and a.get("id") == "count":
            self._in_count = True

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_tbody = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell))
            self._cell = None
        elif tag == "figure":
            self._figure = None
        elif tag == "span":
            self._in_count = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._figure:
            self.figures[self._figure]["text"].append(data)
        if self._in_count:
            self.count_text += data

    def visible(self) -> list[dict]:
        return [r for r in self.rows if not r["hidden"]]

    def figure_text(self, name: str) -> str:
        return " ".join(" ".join(self.figures[name]["text"]).split())


def _claims() -> list[dict]:
    return pq.read_table(RELEASE / "data" / "claims.parquet").to_pylist()


def _row_text(c: dict) -> str:
    """A claim's row as the page's search sees it: its cells' text run together, lower-cased."""
    parts = (c["title"], c["mention"], c["metric"], format_value(c["value"], c["value_low"]), c["unit"],
             c["baseline"] or "", c["hardware"] or "", c["sentence"])
    return "".join(parts).lower()


def _expected(claims: list[dict], query: str = "", metric: str = "") -> list[dict]:
    terms = query.lower().split()
    return [c for c in claims if (not metric or c["metric"] == metric) and all(t in _row_text(c) for t in terms)]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of v0.2.0 written by the command line (no screenshot): (ReportResult-like output, folder, page text)."""
    out = tmp_path_factory.mktemp("report")
    code, stdout, stderr = run_main("report", RELEASE, "--output", out, "--no-screenshot")
    assert code == 0, stderr
    return stdout, out, (out / "index.html").read_text(encoding="utf-8")


# --- the page as written -------------------------------------------------------------------------


def test_command_prints_what_it_wrote(report):
    stdout, out, _ = report
    assert f"report of release v0.2.0: {N_CLAIMS} claims, {N_PAPERS} papers, plots: metrics, speedups, baselines" in stdout
    assert "no dates in this release" in stdout
    assert f"wrote {out / 'index.html'}" in stdout
    assert "screenshot: skipped (not requested)" in stdout
    assert not (out / "screenshot.png").exists()


def test_every_claim_is_a_row_with_its_fields(report):
    page = Page(report[2])
    claims = _claims()
    assert len(claims) == N_CLAIMS
    assert len(page.rows) == N_CLAIMS and not any(r["hidden"] for r in page.rows)
    assert page.count_text == f"{N_CLAIMS} of {N_CLAIMS} claims"
    by_id = {r["id"]: r for r in page.rows}
    for c in claims:
        row = by_id[f"c-{c['claim_id']}"]
        title, mention, metric, value, unit, baseline, hardware, sentence = row["cells"]
        assert (title, mention, metric, unit) == (c["title"], c["mention"], c["metric"], c["unit"])
        assert (baseline, hardware) == (c["baseline"] or "", c["hardware"] or "")
        assert sentence == c["sentence"]  # the <mark> around the mention adds no text
        assert value == format_value(c["value"], c["value_low"]) and row["metric"] == c["metric"]
    assert report[2].count("<mark>") == N_CLAIMS  # every mention found at its offsets in its sentence


def test_plots_are_inline_svg_and_the_missing_dates_are_said(report):
    page = Page(report[2])
    assert set(page.figures) == set(PLOTS)
    for name in ("metrics", "speedups", "baselines"):
        fig = page.figures[name]
        assert fig["drawn"] == "yes" and fig["svg"] == 1 and fig["path"] >= 10, (name, fig)
    assert page.figures["time"]["drawn"] == "no" and page.figures["time"]["svg"] == 0
    assert f"No dates in this release: none of its {N_PAPERS} papers" in page.figure_text("time")
    # The numbers behind the plots, from the data: 10 metrics, accuracy the most frequent; 95 speedups in x.
    assert "418 claims over 10 metrics; most: accuracy 118, speedup 106" in page.figure_text("metrics")
    assert "95 speedups given as a factor; 17 name their hardware" in page.figure_text("speedups")
    assert "A100 (n=5)" in page.figure_text("speedups")  # "2,048 A100 GPUs", "NVIDIA A100 GPU", ... grouped
    assert "183 of 418 claims name a baseline" in page.figure_text("baselines")


def test_page_needs_no_server_and_no_network(report):
    text = report[2]
    page = Page(text)
    assert "script" in page.tags and "style" in page.tags
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert all(s.startswith("#") for s in page.sources), [s for s in page.sources if not s.startswith("#")]
    assert "<script src" not in text and "@import" not in text and "url(http" not in text
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "").replace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "").replace(
        "http://creativecommons.org/ns#", "").replace("http://purl.org/dc/elements/1.1/", "").replace("http://purl.org/dc/dcmitype/", "")


def test_same_release_gives_byte_identical_html(report, tmp_path):
    first = report[2].encode("utf-8")
    again = write_report(RELEASE, tmp_path / "again", screenshot=False)
    assert again.index.read_bytes() == first
    # A fresh interpreter too (matplotlib's caches and id counters start anew).
    fresh = tmp_path / "fresh"
    done = subprocess.run([sys.executable, "-m", "claimbench.cli", "report", str(RELEASE), "-o", str(fresh), "--no-screenshot"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (fresh / "index.html").read_bytes() == first
    assert b"<dc:date>" not in first  # no date in the SVG metadata


def test_write_report_result(tmp_path):
    result = write_report(RELEASE, tmp_path / "r", screenshot=False)
    assert (result.version, result.claims, result.papers, result.dated_papers) == ("0.2.0", N_CLAIMS, N_PAPERS, 0)
    assert result.plots == ("metrics", "speedups", "baselines")
    assert result.index == tmp_path / "r" / "index.html" and result.bytes == result.index.stat().st_size
    assert result.screenshot is None and result.screenshot_note == "not requested"


def test_missing_release_exits_2_naming_the_path(tmp_path):
    missing = tmp_path / "releases" / "v9.9.9"
    code, out, err = run_main("report", missing, "-o", tmp_path / "out")
    assert code == 2 and str(missing) in err and "no such release folder" in err
    half = tmp_path / "v1.0.0"
    (half / "data").mkdir(parents=True)
    shutil.copy(RELEASE / "MANIFEST.json", half / "MANIFEST.json")
    code, out, err = run_main("report", half, "-o", tmp_path / "out")
    assert code == 2 and str(half / "data" / "claims.parquet") in err
    assert not (tmp_path / "out" / "index.html").exists()


# --- a release with dates ------------------------------------------------------------------------


def _dated_copy(tmp_path: Path) -> tuple[Path, int, str, str]:
    """v0.2.0 copied with arXiv ids on every third paper and update dates on every fifth; (folder, papers dated,
    first month, last month: an arXiv id's month wins over an update date)."""
    folder = tmp_path / "v0.2.0"
    shutil.copytree(RELEASE, folder)
    papers = pq.read_table(folder / "data" / "papers.parquet")
    ids, dates = [], []
    for i in range(papers.num_rows):
        ids.append(f"24{i % 12 + 1:02d}.{10000 + i:05d}" if i % 3 == 0 else None)
        dates.append(f"2023-{i % 12 + 1:02d}-15" if i % 5 == 0 else None)
    papers = papers.set_column(papers.schema.get_field_index("external_id"), papers.schema.field("external_id"), pa.array(ids, pa.string()))
    papers = papers.set_column(papers.schema.get_field_index("update_date"), papers.schema.field("update_date"), pa.array(dates, pa.string()))
    write_parquet(papers, folder / "data" / "papers.parquet")
    months = [f"20{a[:2]}-{a[2:4]}" if a else b[:7] if b else None for a, b in zip(ids, dates)]
    known = [m for m in months if m]
    return folder, len(known), min(known), max(known)


def test_claims_over_time_are_drawn_when_papers_have_dates(tmp_path):
    folder, dated, first, last = _dated_copy(tmp_path)
    result = write_report(folder, tmp_path / "r", screenshot=False)
    assert result.plots == PLOTS and result.dated_papers == dated
    page = Page(result.index.read_text(encoding="utf-8"))
    fig = page.figures["time"]
    assert fig["drawn"] == "yes" and fig["svg"] == 1 and fig["path"] >= 10
    caption = page.figure_text("time")
    assert f"{dated} of {N_PAPERS} papers dated" in caption and "No dates" not in caption
    ticks = re.findall(r"\b20\d\d-\d\d\b", caption.split("not drawn.")[1])  # the month labels on the x axis
    assert (first, last) == ("2023-02", "2024-10") and ticks[0] == first and ticks[-1] == last, ticks


# --- grouping on real strings --------------------------------------------------------------------

HARDWARE = [  # (as written in v0.2.0, group)
    ("2,048 A100 GPUs", "A100"),
    ("a single A100-40GB GPU", "A100"),
    ("NVIDIA A100 GPU", "A100"),
    ("512 NVIDIA V100 GPUs", "V100"),
    ("8-socket RDU Node", "RDU"),
    ("eight RDU sockets", "RDU"),
    ("two RTX 4090 GPUs", "RTX 4090"),
    ("NVIDIA RTX 4070", "RTX 4070"),
    ("MI250X GPUs", "MI250X"),
    ("Ascend NPUs", "Ascend"),
    ("SMIC-28nm", "SMIC-28nm"),
]


@pytest.mark.parametrize("written, group", HARDWARE)
def test_hardware_groups(written, group):
    assert written in {c["hardware"] for c in _claims()}  # a real string of the release
    assert hardware_group(written) == group


def test_module_doctests():
    assert doctest.testmod(claimbench.analysis.report, raise_on_error=False).failed == 0


# --- the page as Chromium renders it -------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(report):
    """DOM dumps of the page under several URL fragments, and how long each Chromium run took."""
    index = report[1] / "index.html"
    dumps, seconds = {}, []
    for fragment in ("", "q=A100", "metric=speedup", "q=vLLM+up&metric=speedup", "metric=speedup&sort=-value", "q=zzzz-no-such"):
        start = time.perf_counter()
        dumps[fragment] = Page(claimbench.analysis.report.dump_dom(index, CHROMIUM, fragment))
        seconds.append(time.perf_counter() - start)
    print(f"\nchromium --dump-dom: {len(seconds)} runs, {sum(seconds):.1f} s")
    return dumps


@needs_chromium
def test_rendered_dom_has_the_plots_and_every_row(rendered):
    page = rendered[""]
    assert len(page.rows) == N_CLAIMS and len(page.visible()) == N_CLAIMS
    assert page.count_text == f"{N_CLAIMS} of {N_CLAIMS} claims"
    for name in ("metrics", "speedups", "baselines"):
        assert page.figures[name]["svg"] == 1 and page.figures[name]["path"] >= 10, name


@needs_chromium
@pytest.mark.parametrize("fragment, query, metric", [
    ("q=A100", "A100", ""),
    ("metric=speedup", "", "speedup"),
    ("q=vLLM+up&metric=speedup", "vLLM up", "speedup"),
    ("q=zzzz-no-such", "zzzz-no-such", ""),
])
def test_search_from_the_url_hash_filters_rows(rendered, fragment, query, metric):
    page = rendered[fragment]
    expected = _expected(_claims(), query, metric)
    shown = page.visible()
    assert {r["id"] for r in shown} == {f"c-{c['claim_id']}" for c in expected}
    assert page.count_text == f"{len(expected)} of {N_CLAIMS} claims"
    assert len(page.rows) == N_CLAIMS  # hidden, not removed


def test_expected_counts_are_what_the_data_says():
    """The oracle the Chromium tests compare against, pinned on v0.2.0 so it cannot drift unnoticed."""
    claims = _claims()
    assert len(_expected(claims, metric="speedup")) == 106
    assert 0 < len(_expected(claims, "A100")) < N_CLAIMS
    assert _expected(claims, "zzzz-no-such") == []


@needs_chromium
def test_sort_from_the_url_hash(rendered):
    shown = rendered["metric=speedup&sort=-value"].visible()
    values = sorted((c["value"] for c in _claims() if c["metric"] == "speedup"), reverse=True)
    assert len(shown) == len(values)
    assert [r["cells"][3] for r in shown[:3]] == [format_value(v) for v in values[:3]]


@needs_chromium
def test_screenshot_shows_the_plots(tmp_path):
    start = time.perf_counter()
    result = write_report(RELEASE, tmp_path / "shot", screenshot=True)
    print(f"\nwrite_report with screenshot: {time.perf_counter() - start:.1f} s")
    assert result.screenshot == tmp_path / "shot" / "screenshot.png" and result.screenshot_note is None
    data = result.screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == claimbench.analysis.report.WINDOW_SIZE
    import numpy as np
    from PIL import Image  # comes with matplotlib

    top = Image.open(result.screenshot).convert("RGB").crop((0, 0, width, 1400))  # header and plots
    pixels = np.asarray(top, dtype=np.int16)
    bar = np.array([0x3B, 0x6E, 0xA5], dtype=np.int16)  # the bars' colour
    near = int((np.abs(pixels - bar).max(axis=2) <= 12).sum())
    assert near > 20_000, f"only {near} pixels of the bar colour: the plots were not drawn"
    assert len(top.getcolors(maxcolors=1 << 20)) > 100  # text, axes, points: not a blank page


def test_no_chromium_means_no_screenshot_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMBENCH_CHROMIUM", str(tmp_path / "no-such-chromium"))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "screenshot.png").write_bytes(b"stale")
    code, out, err = run_main("report", RELEASE, "-o", tmp_path / "out")
    assert code == 0, err
    assert "screenshot: skipped (no Chromium binary found" in out
    assert not (tmp_path / "out" / "screenshot.png").exists()  # a stale preview is not left beside a new page
