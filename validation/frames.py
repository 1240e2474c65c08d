"""The pandas frames GX validates: the tables as they are, plus claims columns derived by joining papers.

GX checks one frame at a time, so facts that need both tables are computed here as
boolean columns that the suite then expects to be true:

- ``paper_known``: the claim's ``paper_id`` is in the papers table;
- ``mention_in_abstract``: ``abstract[mention_start:mention_end] == mention``
  (so the offsets are inside the abstract too); null when it cannot be checked
  (unknown paper, missing offsets), so that only the cause is reported.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    import pandas as pd

DERIVED_CLAIMS_COLUMNS = ("paper_known", "mention_in_abstract")


def table_frame(table: pa.Table) -> "pd.DataFrame":
    """The table as a frame whose int32 columns stay integers when they hold nulls (dtype ``Int32``).

    >>> table_frame(pa.table({"n": pa.array([1, None], pa.int32())}))["n"].dtype.name
    'Int32'
    """
    import pandas as pd

    return table.to_pandas(types_mapper={pa.int32(): pd.Int32Dtype()}.get)


def claims_frame(claims: pa.Table, papers: pa.Table) -> "pd.DataFrame":
    """The claims frame with ``paper_known`` and ``mention_in_abstract`` appended."""
    import pandas as pd

    abstracts = dict(zip(_values(papers, "paper_id"), _values(papers, "abstract")))
    paper_ids = _values(claims, "paper_id")
    frame = table_frame(claims)
    frame["paper_known"] = pd.array([_known(p, abstracts) for p in paper_ids], dtype="boolean")
    rows = zip(paper_ids, *(_values(claims, name) for name in ("mention", "mention_start", "mention_end")))
    frame["mention_in_abstract"] = pd.array(
        [_mention_matches(abstracts.get(p), mention, start, end) for p, mention, start, end in rows], dtype="boolean"
    )
    return frame


def _values(table: pa.Table, name: str) -> list:
    """A column as Python values; all None when the table lacks it (the suite reports missing columns)."""
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def _known(paper_id: str | None, abstracts: dict) -> bool | None:
    """Whether the paper is in the papers table; None for a null id (reported by the not-null check).

    >>> _known("p1", {"p1": "An abstract."}), _known("p2", {"p1": "An abstract."}), _known(None, {})
    (True, False, None)
    """
    return None if paper_id is None else paper_id in abstracts


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
