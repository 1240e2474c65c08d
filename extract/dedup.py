"""Merge papers read more than once (the seed dumps repeat papers), with memory bounded by the corpus's index.

Papers are the same when their ``paper_id`` (64 bits of the sha1 of the folded, lower-cased
title) is, and their titles agree: each record also carries a second, independent 64-bit
fingerprint of that title (:func:`~claimbench.extract.papers.title_check`). Records whose
ids match but whose checks differ are different papers whose ids collided (about 2e-7 at
2.7M papers, but never assumed away): they are never merged. The title read first (in input
order) keeps the id; every record of another title with that id is set aside as a reject
naming the id and the ``file:line`` of the paper that kept it (:func:`collision_reason`),
so every record is still accounted for: papers + duplicates merged + rejected.

When copies differ in their abstract, the variant seen most often wins, then
the longest, then the first in sort order; the copy kept is the one with the
winning abstract whose source (``file:line``) sorts first. Its external id
and categories are its own, or else those of the first copy in source order
that has them; the update date is the latest of all copies. Every choice
depends only on the set of copies, never on the order of the inputs (only
which of two titles with a colliding id keeps it does: the one read first).

The passes are done in :mod:`claimbench.run.plan`, with these rules. :class:`~claimbench.run.plan.Plan`
works on the indexes of the input files (:mod:`claimbench.cache.inputs`: per record the paper id,
the title's check, a 64-bit hash of the abstract, :func:`abstract_hash`, and its length): it finds
the papers read more than once and the records whose id collided (their rejects:
:func:`collision_reject`), the abstract variants that may win (:func:`best_variants`; their texts
are read only when variants tie on count and length) and the copy kept (:func:`kept_copy`). Then
it reads the records again: the metadata of every copy of a merged paper (:class:`Copy`), and the
papers to emit (:func:`merged_paper`). A record read again that is not the one indexed raises
:class:`InputChanged`. :func:`claimbench.run.pipeline.read_and_merge` runs all of it in memory, for
small inputs and tests.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from claimbench.errors import ClaimbenchError

from .papers import Paper
from .readers import EXCERPT_CHARS, Reject


@dataclass(frozen=True)
class MergedPaper:
    """A paper with every place it was read from."""

    paper: Paper
    sources: tuple[str, ...]
    abstract_variants: int


def abstract_hash(text: str) -> int:
    """A 64-bit hash of an abstract, to count its variants without keeping the text.

    >>> abstract_hash("We get a 2x speedup.") == abstract_hash("We get a 2x speedup."), abstract_hash("a") == abstract_hash("b")
    (True, False)
    """
    return utf8_abstract_hash(text.encode("utf-8", "surrogatepass"))


def utf8_abstract_hash(data: bytes) -> int:
    """:func:`abstract_hash` of the abstract whose UTF-8 bytes (lone surrogates passed through) are ``data``.

    >>> utf8_abstract_hash("Caf\u00e9".encode()) == abstract_hash("Caf\u00e9")
    True
    """
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class InputChanged(ClaimbenchError, RuntimeError):
    """A later pass over the inputs did not read what the first pass read (a file changed meanwhile)."""


def collision_reason(paper_id: str, kept_source: str) -> str:
    """Why a record whose paper id collided with that of a different title is set aside.

    >>> collision_reason("02766bd313f1991b", "a.jsonl:3")
    'paper_id 02766bd313f1991b collision: this title differs from that of a.jsonl:3, which has the same id and keeps it; not merged'
    """
    return (f"paper_id {paper_id} collision: this title differs from that of {kept_source}, which has the same id "
            "and keeps it; not merged")


def collision_reject(paper: Paper, kept_source: str) -> Reject:
    """The reject of ``paper`` (read at ``file:line``), whose id collided with that of the paper read at ``kept_source``."""
    name, _, line = paper.source.rpartition(":")
    excerpt = f"{paper.title}\n{paper.abstract}"[:EXCERPT_CHARS]
    return Reject(name if line.isdigit() else paper.source, int(line) if line.isdigit() else None,
                  collision_reason(paper.paper_id, kept_source), excerpt)


@dataclass
class Copy:
    """One copy of a paper read more than once: its place in the input (``ordinal``: its rank among all
    good records; ``source``: ``file:line``), the hash of its abstract, and its metadata."""

    ordinal: int
    source: str
    digest: int
    external_id: str | None
    categories: tuple[str, ...]
    update_date: str | None


def best_variants(tally: Counter, lengths: dict[int, int]) -> frozenset[int]:
    """The abstract hashes that may win: those read most often, then longest (several only on a tie).

    >>> sorted(best_variants(Counter({1: 2, 2: 2, 3: 1}), {1: 10, 2: 12, 3: 50}))
    [2]
    """
    top = max((n, lengths[d]) for d, n in tally.items())
    return frozenset(d for d, n in tally.items() if (n, lengths[d]) == top)


def kept_copy(copies: Iterable[Copy], winner: int) -> Copy:
    """The copy kept: among those with the winning abstract, the one whose source sorts first."""
    return min((c for c in copies if c.digest == winner), key=lambda c: (c.source, c.ordinal))


def merged_paper(paper: Paper, ordinal: int, copies: Iterable[Copy], variants: int) -> MergedPaper:
    """The kept copy ``paper`` (record ``ordinal``) merged with every copy: sources in order, external
    id and categories its own or the first copy's that has them, the latest update date."""
    in_order = sorted(copies, key=lambda c: (c.source, c.ordinal))
    kept = next(c for c in in_order if c.ordinal == ordinal)
    ext = kept.external_id or next((c.external_id for c in in_order if c.external_id), None)
    cats = kept.categories or next((c.categories for c in in_order if c.categories), ())
    date = max((c.update_date for c in in_order if c.update_date), default=None)
    return MergedPaper(replace(paper, external_id=ext, categories=cats, update_date=date),
                       tuple(c.source for c in in_order), variants)
