"""The pandas frames GX validates: the tables as they are, plus claims columns derived by joining papers.

GX checks one frame at a time, so facts that need both tables are computed here as
boolean columns that the suite then expects to be true:

- ``paper_known``: the claim's ``paper_id`` is in the papers table;
- ``mention_in_abstract``: ``abstract[mention_start:mention_end] == mention``
  (so the offsets are inside the abstract too); null when it cannot be checked
  (unknown paper, missing offsets), so that only the cause is reported.

Both are computed on the Arrow columns at once (:func:`paper_known`,
:func:`mention_in_abstract`); rows the fast path cannot settle exactly (an
abstract with non-ASCII text, offsets outside it or negative, ids that are not
strings) are settled one by one in Python, as ``str`` slicing would.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:
    import pandas as pd

DERIVED_CLAIMS_COLUMNS = ("paper_known", "mention_in_abstract")


def table_frame(table: pa.Table) -> pd.DataFrame:
    """The table as a frame whose int32 columns stay integers when they hold nulls (dtype ``Int32``).

    >>> table_frame(pa.table({"n": pa.array([1, None], pa.int32())}))["n"].dtype.name
    'Int32'
    """
    import pandas as pd

    return table.to_pandas(types_mapper={pa.int32(): pd.Int32Dtype()}.get)


def claims_frame(claims: pa.Table, papers: pa.Table) -> pd.DataFrame:
    """The claims frame with ``paper_known`` and ``mention_in_abstract`` appended (pandas ``boolean`` columns).

    >>> claims = pa.table({"paper_id": ["p1", "p2"], "mention": ["2x", "2x"], "mention_start": [3, 0], "mention_end": [5, 2]})
    >>> frame = claims_frame(claims, pa.table({"paper_id": ["p1"], "abstract": ["It 2x faster."]}))
    >>> frame["paper_known"].tolist(), frame["mention_in_abstract"].tolist()
    ([True, False], [True, <NA>])
    """
    import pandas as pd

    frame = table_frame(claims)
    as_boolean = {pa.bool_(): pd.BooleanDtype()}.get
    for name, values in (("paper_known", paper_known(claims, papers)), ("mention_in_abstract", mention_in_abstract(claims, papers))):
        frame[name] = values.to_pandas(types_mapper=as_boolean).array  # the array, not the Series: nothing to align
    return frame


def paper_known(claims: pa.Table, papers: pa.Table) -> pa.Array:
    """Per claim: whether its ``paper_id`` is in the papers table; null for a null id (reported by the not-null check).

    >>> paper_known(pa.table({"paper_id": ["p1", "p2", None]}), pa.table({"paper_id": ["p1"]})).to_pylist()
    [True, False, None]
    """
    ids, known = _column(claims, "paper_id"), _column(papers, "paper_id")
    if not _both_strings(ids, known):
        return pa.array(_known_one_by_one(ids.to_pylist(), known.to_pylist()), pa.bool_())
    found = pc.is_in(ids, value_set=known)
    return pc.if_else(pc.is_valid(ids), found, pa.scalar(None, pa.bool_()))


def mention_in_abstract(claims: pa.Table, papers: pa.Table) -> pa.Array:
    """Per claim: whether the abstract of its paper holds the mention at its offsets; null when a part is missing.

    A paper id given twice is looked up as a dict of the papers would: its last row.

    >>> papers = pa.table({"paper_id": ["p1", "p2"], "abstract": ["It yields a 2.49times speedup.", "Über 3x."]})
    >>> claims = pa.table({"paper_id": ["p1", "p1", "p2", "p3"], "mention": ["2.49times", "2.49times", "3x", "3x"],
    ...                    "mention_start": [12, 11, 5, 0], "mention_end": [21, 20, 7, 2]})
    >>> mention_in_abstract(claims, papers).to_pylist()
    [True, False, True, None]
    """
    ids, paper_ids = _column(claims, "paper_id"), _column(papers, "paper_id")
    mention, start, end = (_column(claims, name) for name in ("mention", "mention_start", "mention_end"))
    abstract = _column(papers, "abstract")
    if not (_both_strings(ids, paper_ids) and _is_string(mention) and _is_string(abstract) and _are_ints(start, end)):
        return pa.array(_matches_one_by_one(ids, paper_ids, abstract, mention, start, end), pa.bool_())
    row = _last_row_of(ids, paper_ids)  # the paper row of each claim, or null
    abstract = abstract.combine_chunks() if isinstance(abstract, pa.ChunkedArray) else abstract
    row_values = row.to_numpy(zero_copy_only=False)
    has_abstract = _filled(pc.take(pc.is_valid(abstract), row), False)
    checkable = has_abstract & _all_valid(mention, start, end)
    result = np.zeros(len(row_values), dtype=bool)
    fast = checkable & _ascii_within(abstract, row, start, end)
    fast_rows = np.flatnonzero(fast)
    result[fast_rows] = _ascii_slices_equal(
        abstract, row_values[fast_rows].astype(np.int64), _ints(start, fast_rows), _ints(end, fast_rows), mention, fast_rows
    )
    slow_rows = np.flatnonzero(checkable & ~fast)
    if slow_rows.size:
        result[slow_rows] = _slow_matches(abstract, row_values, mention, start, end, slow_rows)
    return pa.array(result, pa.bool_(), mask=~checkable)


def _column(table: pa.Table, name: str) -> pa.ChunkedArray:
    """A column; all nulls (as strings) when the table lacks it (the suite reports missing columns)."""
    if name in table.column_names:
        return table.column(name)
    return pa.chunked_array([pa.nulls(table.num_rows, pa.string())], pa.string())


def _is_string(column: pa.ChunkedArray) -> bool:
    return pa.types.is_string(column.type) or pa.types.is_large_string(column.type)


def _both_strings(a: pa.ChunkedArray, b: pa.ChunkedArray) -> bool:
    return _is_string(a) and a.type == b.type


def _are_ints(*columns: pa.ChunkedArray) -> bool:
    return all(pa.types.is_integer(c.type) for c in columns)


def _all_valid(*columns: pa.ChunkedArray) -> np.ndarray:
    """Per row: whether no column is null there (numpy bool)."""
    valid = np.ones(len(columns[0]), dtype=bool)
    for column in columns:
        valid &= pc.is_valid(column).to_numpy(zero_copy_only=False)
    return valid


def _ints(column: pa.ChunkedArray, rows: np.ndarray) -> np.ndarray:
    """The column's values at these rows (none of them null) as int64."""
    return pc.take(column, pa.array(rows)).to_numpy(zero_copy_only=False).astype(np.int64)


def _last_row_of(ids: pa.ChunkedArray, paper_ids: pa.ChunkedArray) -> pa.Array:
    """Per claim: the last papers row with its paper id (a null id finds a null id, as a dict lookup would), or null.

    >>> _last_row_of(pa.chunked_array([["a", "b", None]]), pa.chunked_array([["a", "c", "a", None]])).to_pylist()
    [2, None, 3]
    """
    n = len(paper_ids)
    backwards = pc.take(paper_ids, pa.array(np.arange(n - 1, -1, -1, dtype=np.int64)))
    found = pc.index_in(ids, value_set=backwards, skip_nulls=False)
    found = found.combine_chunks() if isinstance(found, pa.ChunkedArray) else found
    return pc.subtract(pa.scalar(n - 1, pa.int64()), found.cast(pa.int64()))


def _ascii_within(abstract: pa.Array, row: pa.Array, start: pa.ChunkedArray, end: pa.ChunkedArray) -> np.ndarray:
    """Per claim: its abstract is ASCII and 0 <= start <= end <= its length (then characters are bytes)."""
    ascii_text = _filled(pc.take(pc.string_is_ascii(abstract), row), False)
    length = _filled(pc.binary_length(abstract).take(row), -1).astype(np.int64)
    first, last = _filled(start, 0).astype(np.int64), _filled(end, -1).astype(np.int64)
    return ascii_text & (first >= 0) & (first <= last) & (last <= length)


def _filled(values, fill) -> np.ndarray:
    """The values as numpy, nulls replaced by ``fill``."""
    return pc.fill_null(values, fill).to_numpy(zero_copy_only=False)


def string_buffers(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets of each value in the data, data bytes) of a string or large_string array, nulls included.

    >>> offsets, data = string_buffers(pa.array(["ab", None, "c"]).slice(1))
    >>> offsets.tolist(), bytes(data[offsets[1]:offsets[2]])
    ([2, 2, 3], b'c')
    """
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    _, offsets, data = array.buffers()
    offsets = np.frombuffer(offsets, dtype=width)[array.offset : array.offset + len(array) + 1].astype(np.int64)
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    return offsets, data


def _ascii_slices_equal(abstract, rows, starts, ends, mention, claim_rows) -> np.ndarray:
    """Per claim: ``abstract[rows][start:end] == mention``, for ASCII abstracts with offsets inside them.

    Compares bytes: equal lengths, then every byte (``np.repeat`` lays all compared bytes out in one pass).
    """
    text_offsets, text = string_buffers(abstract)
    mention_offsets, mention_data = string_buffers(pc.take(mention, pa.array(claim_rows, pa.int64())))
    lengths = ends - starts
    equal = (mention_offsets[1:] - mention_offsets[:-1]) == lengths
    compare = np.flatnonzero(equal & (lengths > 0))
    if not compare.size:
        return equal
    size = lengths[compare]
    firsts, within = ragged_positions(size)
    in_text = np.repeat(text_offsets[rows[compare]] + starts[compare], size) + within
    in_mention = np.repeat(mention_offsets[compare], size) + within
    equal[compare] = ~np.logical_or.reduceat(text[in_text] != mention_data[in_mention], firsts)  # sizes > 0: no empty run
    return equal


def ragged_positions(size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(where each run starts when runs of these sizes are laid end to end, each position's offset in its run).

    >>> [a.tolist() for a in ragged_positions(np.array([2, 3]))]
    [[0, 2], [0, 1, 0, 1, 2]]
    """
    firsts = np.cumsum(size) - size
    return firsts, np.arange(size.sum()) - np.repeat(firsts, size)


def _slow_matches(abstract, row_values, mention, start, end, rows: np.ndarray) -> list[bool]:
    """``_mention_matches`` on these claims, one at a time (non-ASCII abstracts, offsets outside them)."""
    take = pa.array(rows, pa.int64())
    texts = pc.take(abstract, pa.array(row_values[rows].astype(np.int64))).to_pylist()
    parts = (pc.take(c, take).to_pylist() for c in (mention, start, end))
    return [_mention_matches(text, m, s, e) for text, m, s, e in zip(texts, *parts)]


def _known_one_by_one(ids: list, known_ids: list) -> list:
    """``_known`` of each id (for id columns that are not both strings)."""
    known = set(known_ids)
    return [_known(paper_id, known) for paper_id in ids]


def _matches_one_by_one(ids, paper_ids, abstract, mention, start, end) -> list:
    """``_mention_matches`` of each claim, looking its abstract up in a dict of the papers (for unusual column types)."""
    abstracts = dict(zip(paper_ids.to_pylist(), abstract.to_pylist()))
    rows = zip(ids.to_pylist(), mention.to_pylist(), start.to_pylist(), end.to_pylist())
    return [_mention_matches(abstracts.get(p), m, s, e) for p, m, s, e in rows]


def _known(paper_id: str | None, known) -> bool | None:
    """Whether the paper is in the papers table; None for a null id (reported by the not-null check).

    >>> _known("p1", {"p1"}), _known("p2", {"p1"}), _known(None, set())
    (True, False, None)
    """
    return None if paper_id is None else paper_id in known


def _mention_matches(abstract: str | None, mention: str | None, start: int | None, end: int | None) -> bool | None:
    """Whether the abstract holds the mention at its offsets; None when a part is missing.

    >>> abstract = "It yields a 2.49times speedup."
    >>> _mention_matches(abstract, "2.49times", 12, 21), _mention_matches(abstract, "2.49times", 11, 20)
    (True, False)
    >>> _mention_matches(None, "2.49times", 12, 21) is None
    True
    """
    if abstract is None or mention is None or start is None or end is None:
        return None
    return abstract[start:end] == mention
