"""Throughput benchmark: prints figures, asserts nothing. Run on demand:

    .venv/bin/python bench/throughput.py [--papers 2000] [--sizes 10000,100000] [--quantulum 50]

One synthetic corpus is made from the built-in corpus: every seed abstract,
copied until there are N papers, each copy's sentences given a distinct
prefix so that no per-sentence cache makes a copy cheaper than a new paper.
On that corpus, in one run, it measures:

- claimbench's extraction rate on one worker (abstracts/s and MB/s);
- the floor: one compiled ``regex`` pattern for numbers scanned over the same text;
- quantulum3 on a sample, when installed (``pip install -e ".[bench]"``);
- the ratios between them (the machine is noisy: compare ratios, not seconds);
- peak memory (max RSS) and end-to-end ``build`` time for each size in --sizes.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import regex

from claimbench.corpus import seed_dir
from claimbench.extract.claims import extract_claims
from claimbench.extract.dedup import merge_duplicates
from claimbench.extract.papers import Paper
from claimbench.extract.readers import read_inputs

# The floor: a bare scan for numbers with one compiled pattern.
BARE_NUMBER = regex.compile(r"(?<![\d.])\d++(?:[.,]\d++)*+")


def synthetic_papers(n: int) -> list[Paper]:
    """N papers made from the seed abstracts, each copy's sentences made distinct."""
    seeds = [m.paper for m in merge_duplicates(read_inputs([seed_dir()]))]
    out = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        copy = i // len(seeds)
        abstract = base.abstract if copy == 0 else base.abstract.replace(". ", f". In run {copy}, ")
        out.append(Paper(f"{base.title} [{copy}]", abstract, f"synthetic:{i}"))
    return out


def rate(fn, papers: list[Paper]) -> float:
    t0 = time.perf_counter()
    for p in papers:
        fn(p)
    return len(papers) / (time.perf_counter() - t0)


def quantulum_rate(papers: list[Paper]) -> float | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse(papers[0].abstract)  # load its models outside the timing
    return rate(lambda p: parser.parse(p.abstract), papers)


def build_seconds(n: int, workers: int) -> float:
    """End-to-end build (read JSONL, extract, validate, write a release) of n synthetic papers."""
    from claimbench.build import build

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "papers.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for p in synthetic_papers(n):
                fh.write(json.dumps({"id": p.source, "title": p.title, "abstract": p.abstract}) + "\n")
        t0 = time.perf_counter()
        build([src], Path(tmp) / "releases", "1.0.0", workers=workers, progress=False)
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=2000, help="papers for the rate measurements")
    ap.add_argument("--sizes", default="10000", help="comma-separated corpus sizes for end-to-end builds ('' for none)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quantulum", type=int, default=50, help="papers for quantulum3's rate")
    a = ap.parse_args()

    papers = synthetic_papers(a.papers)
    megabytes = sum(len(p.abstract.encode("utf-8")) for p in papers) / 1e6
    extract_claims(papers[0])  # compile patterns and load knowledge outside the timing
    ours = rate(extract_claims, papers)
    floor = rate(lambda p: BARE_NUMBER.findall(p.abstract), papers)
    peer = quantulum_rate(papers[: a.quantulum])

    print(f"corpus: {len(papers)} synthetic abstracts, {megabytes:.2f} MB")
    print(f"claimbench extract (1 worker): {ours:,.0f} abstracts/s, {ours * megabytes / len(papers):.2f} MB/s")
    print(f"bare regex number scan:        {floor:,.0f} abstracts/s")
    print(f"ratio claimbench / bare scan:  {ours / floor:.4f} (target >= 0.1)")
    if peer:
        print(f"quantulum3 ({a.quantulum} abstracts):   {peer:,.1f} abstracts/s; claimbench / quantulum3 = {ours / peer:,.0f}x")
    else:
        print("quantulum3: not installed (pip install -e '.[bench]')")
    for size in [int(s) for s in a.sizes.split(",") if s.strip()]:
        secs = build_seconds(size, a.workers)
        print(f"build end to end, {size:,} papers, {a.workers} workers: {secs:.1f} s ({size / secs:,.0f} papers/s)")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
