"""Throughput benchmark: prints figures, asserts nothing. Run on demand:

    .venv/bin/python bench/throughput.py [--papers 2000] [--rounds 3] [--sizes 10000,100000,1000000] [--workers 2] [--quantulum 50]

Synthetic papers are made from the built-in corpus: every seed abstract,
copied until there are N papers, each copy's title numbered and its
sentences given a distinct prefix, so that no cache makes a copy cheaper
than a new paper. It measures, in one run:

- claimbench's extraction rate on one core (abstracts/s and MB/s), the best of ``--rounds`` sets of
  distinct papers (so that no cache inside the extractor has seen what is timed);
- the floor: one compiled ``regex`` pattern for numbers scanned over the same text;
- where the extractor's time goes: the rates of its first two steps alone (splitting
  sentences; finding the numbers with their units, ranges and number words), which
  every claim needs before any of its fields is read, each as a ratio to the floor;
- quantulum3 on a sample, when installed (``pip install -e ".[bench]"``);
- the ratios between them (the machine is noisy: compare ratios, not seconds);
- peak memory (max RSS) of this process while measuring the rates;
- for each size in --sizes: ``claimbench build`` end to end on a JSON-lines
  file of N synthetic papers (written to a temporary folder a line at a
  time), run in a subprocess whose peak memory is measured
  (``getrusage(RUSAGE_CHILDREN)`` of a wrapper process, so it is that
  build's alone); then the same build again after adding 1% new papers in a
  second file (the cache holds the rest: the shards of the first file are
  copied from the first release), as a fraction of the full build's time.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import regex

from claimbench.corpus import seed_dir
from claimbench.extract.claims import extract_claims
from claimbench.extract.normalize import normalize
from claimbench.extract.numbers import find_quantities
from claimbench.extract.papers import Paper
from claimbench.extract.sentences import split_sentences
from claimbench.run.pipeline import RunStats, read_and_merge

# The floor: a bare scan for numbers with one compiled pattern.
BARE_NUMBER = regex.compile(r"(?<![\d.])\d++(?:[.,]\d++)*+")

# Runs the command in argv[1:] as its child and prints the child's exit code, wall time, peak RSS (KiB), CPU time
# (of the child and the worker processes it waited for) and output as JSON.
MEASURE = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True)
seconds = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "seconds": seconds, "output": done.stdout,
                  "max_rss_kib": usage.ru_maxrss, "cpu_seconds": usage.ru_utime + usage.ru_stime}))
"""


def figure(output: str, name: str) -> str:
    """A figure of a build's summary ("papers reused:  1000" -> "1000"), or "?".

    >>> figure("papers:  12\\npapers reused:      10\\n", "papers reused")
    '10'
    """
    for line in output.splitlines():
        if line.startswith(name + ":"):
            return line.split(":", 1)[1].strip()
    return "?"


def stage_times(output: str) -> str:
    """The stage times of a build's summary, on one line.

    >>> stage_times("time read:          1.50 s\\ntime extract:       9.00 s\\n")
    'stages: read 1.50 s, extract 9.00 s, validate ?, write ?'
    """
    return "stages: " + ", ".join(f"{stage} {figure(output, 'time ' + stage)}" for stage in ("read", "extract", "validate", "write"))


def synthetic_papers(n: int, start: int = 0) -> Iterator[Paper]:
    """Papers number ``start`` to ``start + n - 1``, made from the seed abstracts, each copy made distinct."""
    seeds = [m.paper for m in read_and_merge([seed_dir()], RunStats())[1]]
    for i in range(start, start + n):
        base = seeds[i % len(seeds)]
        copy = i // len(seeds)
        abstract = base.abstract if copy == 0 else base.abstract.replace(". ", f". In run {copy}, ")
        yield Paper(f"{base.title} [{copy}]", abstract, f"synthetic:{i}")


def write_jsonl(path: Path, papers: Iterator[Paper]) -> int:
    """Write papers as JSON lines, one at a time; returns the bytes written."""
    with path.open("w", encoding="utf-8") as fh:
        for p in papers:
            fh.write(json.dumps({"id": p.source, "title": p.title, "abstract": p.abstract, "categories": "cs.LG"}) + "\n")
    return path.stat().st_size


def rate(fn, papers: list[Paper], passes: int = 1) -> float:
    """Papers a second through ``fn``, over ``passes`` passes of ``papers``."""
    t0 = time.perf_counter()
    for _ in range(passes):
        for p in papers:
            fn(p)
    return passes * len(papers) / (time.perf_counter() - t0)


def quantulum_rate(papers: list[Paper]) -> float | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse(papers[0].abstract)  # load its models outside the timing
    return rate(lambda p: parser.parse(p.abstract), papers)


def measured_build(inputs: list[Path], releases: Path, workers: int) -> dict:
    """``claimbench build INPUTS`` in a subprocess: {"code", "seconds", "max_rss_kib"}.

    Timed as the issue defines a build (read, extract, validate, write): without
    the HTML report (--no-report), which a release of more than 20k claims skips anyway.
    """
    command = [sys.executable, "-m", "claimbench.cli", "build", *map(str, inputs), "--releases-dir", str(releases),
               "--workers", str(workers), "--quiet", "--date", "2025-01-31", "--no-report"]
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"build of {inputs} failed with exit code {result['code']}")
    return result


def build_figures(n: int, workers: int) -> tuple[dict, dict, float]:
    """(full build, rebuild after adding 1% new papers, MB of input) for n synthetic papers."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = folder / "papers.jsonl"
        size = write_jsonl(base, synthetic_papers(n))
        full = measured_build([base], folder / "releases", workers)
        extra = folder / "papers-added.jsonl"
        write_jsonl(extra, synthetic_papers(max(1, n // 100), start=n))
        again = measured_build([base, extra], folder / "releases", workers)
        return full, again, size / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=2000, help="papers for the rate measurements")
    ap.add_argument("--sizes", default="10000", help="comma-separated corpus sizes for end-to-end builds ('' for none)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quantulum", type=int, default=50, help="papers for quantulum3's rate")
    ap.add_argument("--rounds", type=int, default=3, help="sets of --papers distinct papers timed; each rate is the best")
    a = ap.parse_args()

    # --rounds sets of --papers distinct papers (no cache inside the extractor has seen a set before it is
    # timed); each rate is the best round, so a burst of load on this noisy machine does not decide it.
    sets = [list(synthetic_papers(a.papers, start=k * a.papers)) for k in range(a.rounds)]
    papers = sets[0]
    megabytes = sum(len(p.abstract.encode("utf-8")) for p in papers) / 1e6
    extract_claims(next(synthetic_papers(1, start=a.rounds * a.papers)))  # compile patterns, load knowledge
    # Each round times every rate on its set, one after the other, so that a burst of load falls on all alike.
    # The bare scan keeps no cache, so it passes over its set 20 times: a single pass takes about 30 ms,
    # short enough for a burst of load on this machine to halve the rate it reads.
    measures = {
        "ours": lambda one: rate(extract_claims, one),
        "floor": lambda one: rate(lambda p: BARE_NUMBER.findall(p.abstract), one, passes=20),
        # The extractor's first steps alone (extract_claims runs them before reading any claim's fields).
        "sentences": lambda one: rate(lambda p: split_sentences(normalize(p.abstract)), one),
        "numbers": lambda one: rate(lambda p: find_quantities(normalize(p.abstract)), one),
    }
    rounds = [{name: measure(one) for name, measure in measures.items()} for one in sets]
    ours, floor, sentences, numbers = (max(r[name] for r in rounds) for name in measures)
    peer = quantulum_rate(papers[: a.quantulum]) if a.quantulum > 0 else None

    print(f"corpus: {len(papers)} synthetic abstracts, {megabytes:.2f} MB (rates: best of {a.rounds} such sets)")
    print(f"claimbench extract (1 core):   {ours:,.0f} abstracts/s, {ours * megabytes / len(papers):.2f} MB/s")
    print(f"bare regex number scan:        {floor:,.0f} abstracts/s")
    print(f"ratio claimbench / bare scan:  {ours / floor:.4f} (target >= 0.1)")
    print(f"  its steps alone: sentences {sentences:,.0f} abstracts/s ({sentences / floor:.3f} of the bare scan), "
          f"numbers with units {numbers:,.0f} abstracts/s ({numbers / floor:.3f}); "
          f"all else (claim test and fields) {1e6 * (1 / ours - 1 / sentences - 1 / numbers):,.0f} µs an abstract")
    if peer:
        print(f"quantulum3 ({a.quantulum} abstracts):   {peer:,.1f} abstracts/s; claimbench / quantulum3 = {ours / peer:,.0f}x")
    elif a.quantulum > 0:
        print("quantulum3: not installed (pip install -e '.[bench]')")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process, rates): {peak_mib:,.0f} MiB")
    sys.stdout.flush()
    for size in [int(s) for s in a.sizes.split(",") if s.strip()]:
        full, again, mb = build_figures(size, a.workers)
        print(f"build end to end, {size:,} papers ({mb:,.0f} MB JSONL), {a.workers} workers: {full['seconds']:.1f} s "
              f"({size / full['seconds']:,.0f} papers/s), peak RSS {full['max_rss_kib'] / 1024:,.0f} MiB")
        print(f"  CPU {full['cpu_seconds']:.0f} s, {full['cpu_seconds'] / full['seconds']:.2f} cores busy on average; "
              f"{stage_times(full['output'])}")
        print(f"  rebuild after adding {max(1, size // 100):,} papers (1%), with the cache: {again['seconds']:.1f} s "
              f"= {again['seconds'] / full['seconds']:.1%} of the full build, peak RSS {again['max_rss_kib'] / 1024:,.0f} MiB; "
              f"shards reused {figure(again['output'], 'shards reused')} of {figure(again['output'], 'shards')}, "
              f"papers extracted {figure(again['output'], 'papers extracted')}")
        print(f"  rebuild {stage_times(again['output'])}")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
