"""Validation speed benchmark: prints figures, asserts nothing. Run on demand:

    .venv/bin/python bench/validation_speed.py [--papers 25600] [--chunks 1] [--repeat 3]

Synthetic papers (``throughput.synthetic_papers``: the seed abstracts, copied
and made distinct) are extracted and made into a claims and a papers table as
a build makes them (``batch_tables``); the papers are cut into ``--chunks``
chunks of whole papers, each with its claims, as a streaming build cuts them.
It prints, in one run:

- the time to import great-expectations (once a build);
- the time to make a :class:`~claimbench.validation.stream.ChunkedValidation` (the suite made GX objects);
- one checker fed the chunks ``--repeat`` + 1 times over, as a build feeds it
  chunk after chunk: the first ``check`` of a build, the best later one (claims
  rows/s, seconds per 32k claims rows) and ``finish``;
- the floor: a plain pyarrow scan of the same tables (every column's null
  count and min/max, or total length for text and lists), and the ratio of
  the validation time to it (the machine is noisy: compare ratios, not seconds).

Times are CPU seconds of this process (``time.process_time``), which vary less than wall
seconds when other processes keep the machine busy.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import synthetic_papers  # noqa: E402

from claimbench.extract.claims import extract_claims  # noqa: E402
from claimbench.extract.dedup import MergedPaper  # noqa: E402
from claimbench.release.table import batch_tables  # noqa: E402

ROWS_PER_UNIT = 32_000  # the figure the build profile was given in: seconds per 32k claims rows


def synthetic_tables(n: int) -> tuple[pa.Table, pa.Table]:
    """(claims, papers) of ``n`` synthetic papers, as a build makes them."""
    batch = [(MergedPaper(p, (p.source,), 1), extract_claims(p)) for p in synthetic_papers(n)]
    return batch_tables(batch, "bench")


def chunked(claims: pa.Table, papers: pa.Table, chunks: int) -> list[tuple[pa.Table, pa.Table]]:
    """The tables cut into ``chunks`` runs of whole papers, each with its claims (claims come in paper order)."""
    paper_rows = np.array_split(np.arange(papers.num_rows), chunks)
    paper_of_claim = pc.index_in(claims["paper_id"], value_set=papers["paper_id"]).to_numpy(zero_copy_only=False)
    out = []
    for rows in paper_rows:
        first, last = (rows[0], rows[-1]) if rows.size else (0, -1)
        mine = np.flatnonzero((paper_of_claim >= first) & (paper_of_claim <= last))
        out.append((claims.take(pa.array(mine)), papers.take(pa.array(rows))))
    return out


def scan(tables: list[pa.Table]) -> int:
    """A plain pass over every column: null count and min/max (total length for text and lists); returns a checksum."""
    total = 0
    for table in tables:
        for column in table.columns:
            total += column.null_count
            if pa.types.is_string(column.type) or pa.types.is_list(column.type):
                lengths = pc.utf8_length(column) if pa.types.is_string(column.type) else pc.list_value_length(column)
                total += pc.sum(lengths).as_py() or 0
            else:
                total += len(pc.min_max(column).as_py() or {})
    return total


def timed(fn) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def best(fn, repeat: int) -> tuple[float, float]:
    """The least CPU and the least wall seconds over ``repeat`` calls."""
    runs = [timed(fn) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def check_times(chunks, rounds: int) -> tuple[list[float], float]:
    """CPU seconds of each ``check`` of one ChunkedValidation fed the chunks ``rounds`` times over (as a build's
    chunks follow each other), and of its ``finish``."""
    from claimbench.validation.stream import ChunkedValidation

    checker = ChunkedValidation()
    times = [timed(lambda c=claims, p=papers: checker.check(c, p))[0] for _ in range(rounds) for claims, papers in chunks]
    return times, timed(checker.finish)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=25_600, help="synthetic papers (a build's chunk is 25,600)")
    parser.add_argument("--chunks", type=int, default=1, help="chunks the papers are cut into")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over the chunks")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    claims, papers = synthetic_tables(args.papers)
    print(f"tables: {papers.num_rows} papers, {claims.num_rows} claims rows, {args.chunks} chunk(s) "
          f"(extracted in {time.perf_counter() - t0:.1f} s)")
    chunks = chunked(claims, papers, args.chunks)

    cpu, wall = timed(lambda: __import__("great_expectations"))
    print(f"import great_expectations: {cpu:.2f} s CPU, {wall:.2f} s wall (once a build)")
    from claimbench.validation.stream import ChunkedValidation

    cpu, wall = best(ChunkedValidation, args.repeat)
    print(f"ChunkedValidation(): {cpu:.3f} s CPU, {wall:.3f} s wall (once a build)")

    times, finish = check_times(chunks, args.repeat + 1)
    first, later = times[0], min(times[len(chunks):])  # the first round builds what later chunks reuse
    rows = claims.num_rows / args.chunks
    print(f"check, first chunk of a build: {first:.3f} s CPU; a later chunk (best): {later:.3f} s CPU; finish: {finish:.3f} s CPU")
    print(f"a later chunk: {rows / later:,.0f} claims rows/s (CPU), {later / rows * ROWS_PER_UNIT:.3f} s CPU per 32k claims rows")
    floor_cpu, floor_wall = best(lambda: scan([claims, papers]), args.repeat)
    later_all = later * args.chunks
    print(f"pyarrow scan of the same tables: {floor_cpu:.4f} s CPU, {claims.num_rows / max(floor_cpu, 1e-9):,.0f} claims rows/s")
    print(f"validation (later chunks) / scan: {later_all / max(floor_cpu, 1e-9):,.0f}x (CPU)")


if __name__ == "__main__":
    main()
