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

Streaming, in passes over the same records (:class:`DedupIndex`):

1. :meth:`DedupIndex.add` every paper, in read order: the index keeps 28
   bytes a record (paper id, the title's check, a 64-bit hash of the abstract,
   its length as 32 bits);
2. :meth:`DedupIndex.finish`: the papers read more than once (``groups``), and the
   records whose id collides with that of another title (``collisions``);
3. only when there are such papers, :meth:`DedupIndex.collect` every paper
   again: the copies of those papers are noted (source, hash, metadata; the
   text only when two abstract variants tie on count and length);
4. :meth:`DedupIndex.merged` every paper again, in the same order: the
   :class:`MergedPaper` to emit at this record, or None when the record is a
   copy merged into another one. A paper read once is emitted where it was
   read; a paper read more than once, where its kept copy was read. A record whose
   id collided gives None too, and its :class:`~claimbench.extract.readers.Reject`
   is appended to :attr:`DedupIndex.rejects`.

Each later pass checks that it reads what pass 1 read (the id, the title's check and the
abstract's hash of every record), else raises :class:`InputChanged`.

:func:`merge_duplicates` runs those passes over a list, for small inputs.
"""
from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from .papers import Paper, title_check
from .readers import EXCERPT_CHARS, Reject

from claimbench.errors import ClaimbenchError


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


@dataclass
class _Group:
    """What is known of a paper read more than once."""

    best: frozenset[int]  # hashes of the abstract variants tied at the top by (count, length)
    variants: int
    copies: list[Copy] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)  # only when several variants tie
    chosen: int = -1  # ordinal of the copy kept, once resolved
    merged: MergedPaper | None = None  # built when the chosen copy is met in the last pass


class DedupIndex:
    """The passes of a streaming merge (see the module's docstring).

    >>> copies = [Paper("T", "short", "b.txt:9"), Paper("U", "other", "b.txt:10"), Paper("T", "short", "a.txt:3")]
    >>> index = DedupIndex()
    >>> for p in copies: index.add(p)
    >>> index.finish(); index.groups, index.duplicates
    (1, 1)
    >>> for p in copies: index.collect(p)
    >>> [(m.paper.source, m.sources) if m else None for m in map(index.merged, copies)]
    [None, ('b.txt:10', ('b.txt:10',)), ('a.txt:3', ('a.txt:3', 'b.txt:9'))]
    """

    def __init__(self) -> None:
        self._ids = array("Q")  # paper_id as an integer, per record
        self._titles = array("Q")  # title_check, per record
        self._digests = array("Q")  # abstract_hash, per record
        self._lengths = array("I")  # len(abstract), per record
        self._groups: dict[int, _Group] = {}
        self._colliding: dict[int, int] = {}  # record whose id collided -> the record of the title that keeps the id
        self._keepers: dict[int, str | None] = {}  # those records -> their source, once met in pass 4
        self.rejects: list[Reject] = []  # the records whose id collided, as met in pass 4
        self._finished = False
        self._ordinal = {"collect": 0, "merged": 0}

    # pass 1 ------------------------------------------------------------------------------------

    def add(self, paper: Paper) -> None:
        """Note one record (pass 1)."""
        self._ids.append(int(paper.paper_id, 16))
        self._titles.append(title_check(paper.title))
        self._digests.append(abstract_hash(paper.abstract))
        self._lengths.append(len(paper.abstract))

    @property
    def records(self) -> int:
        """Records added."""
        return len(self._ids)

    def finish(self) -> None:
        """End pass 1: find the papers read more than once, the abstract variants that may win, and the
        records whose id collided with that of another title."""
        import numpy as np

        ids = np.frombuffer(self._ids, dtype=np.uint64) if self._ids else np.zeros(0, np.uint64)
        unique, counts = np.unique(ids, return_counts=True)
        repeated = unique[counts > 1]
        self._unique = int(unique.size)
        rows = np.flatnonzero(np.isin(ids, repeated)) if repeated.size else np.zeros(0, np.int64)
        per_paper: dict[int, Counter] = {}
        lengths: dict[tuple[int, int], int] = {}
        keeper: dict[int, int] = {}  # paper id -> the first record read with it, whose title keeps it
        for row in rows.tolist():
            pid, digest = self._ids[row], self._digests[row]
            first = keeper.setdefault(pid, row)
            if self._titles[row] != self._titles[first]:
                self._colliding[row] = first
                self._keepers[first] = None
                continue
            per_paper.setdefault(pid, Counter())[digest] += 1
            lengths[pid, digest] = self._lengths[row]
        for pid, tally in per_paper.items():
            if sum(tally.values()) > 1:
                best = best_variants(tally, {d: lengths[pid, d] for d in tally})
                self._groups[pid] = _Group(best=best, variants=len(tally))
        self._finished = True

    @property
    def papers(self) -> int:
        """Distinct papers (after :meth:`finish`)."""
        return self._unique

    @property
    def groups(self) -> int:
        """Papers read more than once (after :meth:`finish`)."""
        return len(self._groups)

    @property
    def collisions(self) -> int:
        """Records set aside because their id collided with that of another title (after :meth:`finish`)."""
        return len(self._colliding)

    @property
    def duplicates(self) -> int:
        """Records merged into another copy: records - papers - collisions (after :meth:`finish`)."""
        return self.records - self._unique - len(self._colliding)

    @property
    def needs_collect(self) -> bool:
        """Whether pass 3 (:meth:`collect`) is needed: some paper was read more than once."""
        return bool(self._groups)

    # pass 3 ------------------------------------------------------------------------------------

    def collect(self, paper: Paper) -> None:
        """Note the copies of papers read more than once (pass 3, the records in pass-1 order)."""
        ordinal = self._check("collect", paper)
        group = self._groups.get(int(paper.paper_id, 16)) if ordinal not in self._colliding else None
        if group is not None:
            digest = self._digests[ordinal]
            group.copies.append(Copy(ordinal, paper.source, digest, paper.external_id, paper.categories, paper.update_date))
            if len(group.best) > 1 and digest in group.best:
                group.texts.setdefault(digest, paper.abstract)
        if ordinal + 1 == self.records:
            self._resolve()

    def _resolve(self) -> None:
        for group in self._groups.values():
            if len(group.best) > 1:
                winner = min(group.best, key=lambda d: group.texts[d])
            else:
                (winner,) = group.best
            group.chosen = kept_copy(group.copies, winner).ordinal
            group.texts.clear()

    # pass 4 ------------------------------------------------------------------------------------

    def merged(self, paper: Paper) -> MergedPaper | None:
        """The merged paper to emit at this record, or None for a copy merged elsewhere or a record whose id
        collided (pass 4; its reject is appended to :attr:`rejects`)."""
        ordinal = self._check("merged", paper)
        if ordinal in self._keepers:
            self._keepers[ordinal] = paper.source
        kept = self._colliding.get(ordinal)
        if kept is not None:
            self.rejects.append(collision_reject(paper, self._keepers[kept]))
            return None
        group = self._groups.get(int(paper.paper_id, 16))
        if group is None:
            return MergedPaper(paper, (paper.source,), 1)
        if ordinal != group.chosen:
            return None
        merged = merged_paper(paper, ordinal, group.copies, group.variants)
        group.copies = []  # no longer needed
        return merged

    def _check(self, step: str, paper: Paper) -> int:
        if not self._finished:
            raise RuntimeError("DedupIndex.finish() must be called after the first pass")
        ordinal = self._ordinal[step]
        self._ordinal[step] = ordinal + 1
        if step == "merged" and self._groups and self._ordinal["collect"] != self.records:
            raise RuntimeError("DedupIndex.collect() must see every record before merged()")
        if (ordinal >= self.records or self._ids[ordinal] != int(paper.paper_id, 16)
                or self._titles[ordinal] != title_check(paper.title) or self._digests[ordinal] != abstract_hash(paper.abstract)):
            raise InputChanged(f"{paper.source}: the input changed while it was being read (record {ordinal + 1} "
                               "differs from the first pass); run again on files that do not change")
        return ordinal


def merge_duplicates(papers: Iterable[Paper], rejects: list[Reject] | None = None) -> list[MergedPaper]:
    """One record per paper_id, sorted by paper_id (the passes of :class:`DedupIndex` over a list).

    A record whose id collided with that of another title is appended to ``rejects``; without
    ``rejects``, the first one raises its :class:`~claimbench.extract.readers.InputError`.

    >>> a = Paper("T", "short", "a.txt:3")
    >>> b = Paper("T", "short", "b.txt:9")
    >>> [(m.sources, m.abstract_variants) for m in merge_duplicates([a, b])]
    [(('a.txt:3', 'b.txt:9'), 1)]
    >>> other = Paper("U", "long", "b.txt:12", paper_id=a.paper_id)  # an id collision, forced
    >>> found = []
    >>> [m.sources for m in merge_duplicates([a, other, b], found)], [r.source for r in found]
    ([('a.txt:3', 'b.txt:9')], ['b.txt:12'])
    """
    papers = list(papers)
    index = DedupIndex()
    for paper in papers:
        index.add(paper)
    index.finish()
    if index.needs_collect:
        for paper in papers:
            index.collect(paper)
    merged = [m for m in map(index.merged, papers) if m is not None]
    if index.rejects:
        if rejects is None:
            raise index.rejects[0].error()
        rejects.extend(index.rejects)
    return sorted(merged, key=lambda m: m.paper.paper_id)
