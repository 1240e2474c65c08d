"""Merge papers read more than once (the seed dumps repeat papers).

Papers are the same when their ``paper_id`` (derived from the title) is.
When copies differ in their abstract, the variant seen most often wins, then
the longest, then the first in sort order: the choice depends only on the
set of copies, never on the order of the inputs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from .papers import Paper


@dataclass(frozen=True)
class MergedPaper:
    """A paper with every place it was read from."""

    paper: Paper
    sources: tuple[str, ...]
    abstract_variants: int


def merge_duplicates(papers: Iterable[Paper]) -> list[MergedPaper]:
    """One record per paper_id, sorted by paper_id.

    >>> a = Paper("T", "short", "a.txt:3")
    >>> b = Paper("T", "short", "b.txt:9")
    >>> [(m.sources, m.abstract_variants) for m in merge_duplicates([a, b])]
    [(('a.txt:3', 'b.txt:9'), 1)]
    """
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        groups.setdefault(paper.paper_id, []).append(paper)
    merged = []
    for pid in sorted(groups):
        copies = groups[pid]
        counts = Counter(p.abstract for p in copies)
        best = min(counts, key=lambda text: (-counts[text], -len(text), text))
        first = min((p for p in copies if p.abstract == best), key=lambda p: p.source)
        # Keep metadata (external id, categories, dates) from whichever copy has it.
        ext = next((p.external_id for p in copies if p.external_id), None)
        cats = next((p.categories for p in copies if p.categories), ())
        date = max((p.update_date for p in copies if p.update_date), default=None)
        paper = replace(first, external_id=ext, categories=cats, update_date=date)
        merged.append(MergedPaper(paper, tuple(sorted(p.source for p in copies)), len(counts)))
    return merged
