"""Readers: turn input files into :class:`Paper` records.

Formats, chosen by the file name:

- ``*.txt``: a dump of a daily-papers page (header, then title / blank /
  abstract / blank, repeated), the format of the built-in corpus;
- ``*.jsonl`` / ``*.json``: one JSON object a line with ``id`` or
  ``paper_id``, ``title`` and ``abstract`` (the arXiv metadata snapshot has
  this shape, plus ``categories`` and ``update_date``, which are kept);
- ``*.csv`` and ``*.parquet``: a table with those columns;
- any of these with ``.gz`` appended, read through gzip;
- a folder: every file in it with one of those endings, sorted by name.

A problem in the input raises :class:`InputError` naming the file and line.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Iterable, Iterator

import regex

from .papers import Paper

SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".parquet")

# The last header line of a daily-papers dump is the listing date, e.g. "Mar 11".
_DATE_LINE = regex.compile(
    r"""^
    (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)   # month
    \ \d{1,2}                                               # day
    (?:,\ \d{4})?                                           # optional year
    $""",
    regex.VERBOSE,
)


class InputError(ValueError):
    """A problem in an input file, with the place it was found."""

    def __init__(self, path: str | Path, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


def _format_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    raise InputError(path, None, f"unknown input format (expected one of {', '.join(SUFFIXES)}, optionally .gz)")


def _open_text(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to read, in order: folders are expanded to their input files, sorted.

    >>> [p.name for p in expand_inputs(["corpus/seeds"])][:2]
    ['000_1ab15dee3ca9e80c.txt', '001_bcea4c278e4935e6.txt']
    """
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and _is_input(p))
            if not found:
                raise InputError(path, None, "folder holds no input files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, None, "no such file or folder")
    return files


def _is_input(path: Path) -> bool:
    try:
        _format_of(path)
        return True
    except InputError:
        return False


def read_papers(path: str | Path) -> Iterator[Paper]:
    """Papers in one input file, in file order."""
    path = Path(path)
    fmt = _format_of(path)
    try:
        if fmt == ".txt":
            yield from _read_dump(path)
        elif fmt in (".jsonl", ".json"):
            yield from _read_jsonl(path)
        elif fmt == ".csv":
            yield from _read_csv(path)
        else:
            yield from _read_parquet(path)
    except UnicodeDecodeError as err:
        raise InputError(path, None, f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise InputError(path, None, f"cannot read file: {err}") from None


def _read_dump(path: Path) -> Iterator[Paper]:
    with _open_text(path) as fh:
        lines = fh.read().split("\n")
    # Skip the page header: everything up to and including the date line.
    start = next((i + 1 for i, line in enumerate(lines[:40]) if _DATE_LINE.match(line.strip())), 0)
    blocks: list[tuple[int, str]] = [(i + 1, line.strip()) for i, line in enumerate(lines) if i >= start and line.strip()]
    if len(blocks) % 2:
        line_no, text = blocks[-1]
        raise InputError(path, line_no, f"title without an abstract: {text[:60]!r}")
    for (t_line, title), (_, abstract) in zip(blocks[::2], blocks[1::2]):
        yield Paper(title=title, abstract=abstract, source=f"{path.name}:{t_line}")


def _record_paper(path: Path, line_no: int, record: dict) -> Paper:
    title, abstract = record.get("title"), record.get("abstract")
    if not isinstance(title, str) or not title.strip():
        raise InputError(path, line_no, "record has no title")
    if not isinstance(abstract, str) or not abstract.strip():
        raise InputError(path, line_no, "record has no abstract")
    ext = record.get("id", record.get("paper_id"))
    cats = record.get("categories") or ()
    if isinstance(cats, str):
        cats = tuple(cats.split())
    return Paper(
        title=" ".join(title.split()),
        abstract=" ".join(abstract.split()),
        source=f"{path.name}:{line_no}",
        external_id=None if ext is None else str(ext),
        categories=tuple(str(c) for c in cats),
        update_date=None if record.get("update_date") is None else str(record["update_date"]),
    )


def _read_jsonl(path: Path) -> Iterator[Paper]:
    with _open_text(path) as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(path, line_no, f"malformed JSON ({err.msg}, column {err.colno})") from None
            if not isinstance(record, dict):
                raise InputError(path, line_no, "a line must hold one JSON object")
            yield _record_paper(path, line_no, record)


def _read_csv(path: Path) -> Iterator[Paper]:
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"title", "abstract"} <= set(reader.fieldnames):
            raise InputError(path, 1, "CSV header must name the columns title and abstract")
        try:
            for record in reader:
                yield _record_paper(path, reader.line_num, record)
        except csv.Error as err:
            raise InputError(path, reader.line_num, f"malformed CSV ({err})") from None


def _read_parquet(path: Path) -> Iterator[Paper]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid and friends
        raise InputError(path, None, f"not a readable Parquet file ({err})") from None
    names = set(pf.schema_arrow.names)
    if not {"title", "abstract"} <= names:
        raise InputError(path, None, "Parquet file must have the columns title and abstract")
    row = 0
    for batch in pf.iter_batches(batch_size=10_000):
        for record in batch.to_pylist():
            row += 1
            yield _record_paper(path, row, record)


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Paper]:
    """Papers from every input, in order (duplicates included)."""
    for path in expand_inputs(inputs):
        yield from read_papers(path)
