"""The plan of a run, from the indexes of its inputs: which records are merged, which shard holds what, and each shard's key.

Input: one :class:`~claimbench.cache.inputs.FileIndex` per input file, in input order.
Output: a :class:`Plan`:

- **records**: the good records of every file, numbered in input order (``ordinal``);
- **merge**: a paper read more than once (same ``paper_id`` and the same title check) is emitted
  once, at its kept copy, chosen by the rules of :mod:`claimbench.extract.dedup` (most frequent
  abstract, then longest, then the copy whose ``file:line`` sorts first); every other record is
  emitted where it is read;
- **collisions**: a record whose ``paper_id`` is that of a different title read before it (the
  ids match, the indexes' title checks do not: an id collision) is neither merged nor emitted:
  :meth:`Plan.collision_rejects` gives its reject (naming the id and the ``file:line`` of the
  paper that keeps it), which the run accounts for like any rejected record;
- **shards**: ranges of records cut in input order: a shard ends after ``shard_records``
  records, or at the end of an input file once it holds at least ``shard_records // 8``
  (:data:`CLOSE_FRACTION`). So appending a file to the inputs leaves every earlier shard as it
  was (unless its last shard was small, or the new file repeats papers of an earlier one);
- **keys**: a shard's key is the sha256 of the build's fingerprint (code and extractor
  version) and of everything its rows are made of: each emitted record's ``file:line`` and
  content digest, and for a merged paper the places and digests of all its copies. Two shards
  with the same key hold the same bytes.

Only the copies of papers read more than once whose abstracts tie on count and length are
read here, to compare their texts; the rest is known from the indexes.

Every record read again (:meth:`Plan.read`) must be the one indexed: its paper id and the
digest of everything kept of it (:func:`~claimbench.cache.inputs.record_digest`: title,
abstract, external id, categories, date), which the shard keys are made of. A file rewritten
between the passes, even with the same titles, raises :class:`InputChanged` naming the file
and the record, before anything read from it is written or stored under a key.

>>> from claimbench.cache.inputs import index_file
>>> from claimbench.corpus import seed_files
>>> files = seed_files()
>>> plan = Plan(files, [index_file(p) for p in files], shard_records=None, fingerprint="test")
>>> plan.records, plan.papers, len(plan.shards)
(317, 263, 1)
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimbench.cache.inputs import FileIndex, record_digest
from claimbench.extract.dedup import Copy, InputChanged, MergedPaper, best_variants, collision_reject, kept_copy, merged_paper
from claimbench.extract.papers import Paper
from claimbench.extract.readers import Reject, read_records

CLOSE_FRACTION = 8  # a shard ends at the end of a file once it holds shard_records // CLOSE_FRACTION records


@dataclass
class Group:
    """A paper read more than once: the ordinals of its copies, its abstract variants, the copy kept."""

    ordinals: list[int]
    variants: int
    chosen: int = -1
    best: frozenset[int] = frozenset()
    copies: list[Copy] = field(default_factory=list)  # with their metadata, once collected


@dataclass
class Shard:
    """Records ``lo`` to ``hi`` (excluded) of the input, the ``papers`` emitted there, and the key of its content."""

    number: int
    lo: int
    hi: int
    papers: int
    key: str = ""


def cut_shards(sizes: Sequence[int], shard_records: int | None) -> list[tuple[int, int]]:
    """Record ranges of the shards of files of ``sizes`` records (None: one shard for everything).

    >>> cut_shards([100, 5, 30], 64)
    [(0, 64), (64, 100), (100, 135)]
    >>> cut_shards([3, 4, 2], 64), cut_shards([], 64)
    ([(0, 9)], [(0, 0)])
    """
    total = sum(sizes)
    if shard_records is None:
        return [(0, total)]
    close = max(1, shard_records // CLOSE_FRACTION)
    cuts, lo, pos = [], 0, 0
    for size in sizes:
        pos += size
        while pos - lo >= shard_records:
            cuts.append((lo, lo + shard_records))
            lo += shard_records
        if pos - lo >= close:
            cuts.append((lo, pos))
            lo = pos
    if pos > lo or not cuts:
        cuts.append((lo, pos))
    return cuts


class Plan:
    """See the module's docstring. ``texts(ordinals)`` is not needed: ties are read from the files."""

    def __init__(self, files: Sequence[Path], indexes: Sequence[FileIndex], shard_records: int | None, fingerprint: str):
        self.files = list(files)
        self.indexes = list(indexes)
        sizes = [len(ix) for ix in self.indexes]
        self.starts = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]).astype(np.int64)
        self.records = int(self.starts[-1])
        self.fingerprint = fingerprint
        empty = np.zeros(0, np.uint64)
        self.ids = np.concatenate([ix.ids for ix in self.indexes]) if self.indexes else empty
        self.digests = np.concatenate([ix.digests for ix in self.indexes]) if self.indexes else empty
        self.emitted = np.ones(self.records, dtype=bool)
        self.groups: dict[int, Group] = {}  # paper id -> group
        self.colliding: dict[int, int] = {}  # record whose id collided -> the record of the title that keeps the id
        self._find_groups()
        if any(len(g.best) > 1 for g in self.groups.values()):
            self._break_ties()
        for group in self.groups.values():
            (winner,) = group.best
            group.chosen = kept_copy(self._bare_copies(group), winner).ordinal
            self.emitted[group.ordinals] = False
            self.emitted[group.chosen] = True
        self.papers = int(self.emitted.sum())
        self.chosen = {g.chosen: g for g in self.groups.values()}
        self.shards = [Shard(i, lo, hi, int(self.emitted[lo:hi].sum())) for i, (lo, hi) in enumerate(cut_shards(sizes, shard_records))]
        for shard in self.shards:
            shard.key = self._key(shard)

    # -- merging -----------------------------------------------------------------------------

    def _find_groups(self) -> None:
        if not self.records:
            return
        unique, counts = np.unique(self.ids, return_counts=True)
        repeated = unique[counts > 1]
        if not repeated.size:
            return
        rows = np.flatnonzero(np.isin(self.ids, repeated))
        lengths = np.concatenate([ix.lengths for ix in self.indexes])
        titles = np.concatenate([ix.titles for ix in self.indexes])
        members: dict[int, list[int]] = {}
        for row in rows.tolist():  # in input order: the first record of an id is that of the title keeping it
            ordinals = members.setdefault(int(self.ids[row]), [])
            if ordinals and titles[row] != titles[ordinals[0]]:
                self.colliding[row] = ordinals[0]
                self.emitted[row] = False
            else:
                ordinals.append(row)
        for pid, ordinals in members.items():
            if len(ordinals) < 2:
                continue  # read once, besides the records whose id collided with it
            tally = Counter(int(self.digests[o]) for o in ordinals)
            best = best_variants(tally, {int(self.digests[o]): int(lengths[o]) for o in ordinals})
            self.groups[pid] = Group(ordinals, len(tally), best=best)

    def _break_ties(self) -> None:
        """Variants tied on count and length: the one whose text sorts first wins (their texts are read)."""
        tied = {o: g for g in self.groups.values() if len(g.best) > 1 for o in g.ordinals if int(self.digests[o]) in g.best}
        texts: dict[int, str] = {}
        for ordinal, _, paper in self.read(sorted(tied)):
            texts[ordinal] = paper.abstract
        for group in (g for g in self.groups.values() if len(g.best) > 1):
            by_digest = {int(self.digests[o]): texts[o] for o in group.ordinals if o in texts}
            group.best = frozenset([min(group.best, key=lambda d: by_digest[d])])

    def _bare_copies(self, group: Group) -> list[Copy]:
        return [Copy(o, self.source(o), int(self.digests[o]), None, (), None) for o in group.ordinals]

    def collect(self, shards: Iterable[Shard]) -> None:
        """Read the metadata of every copy of the papers kept in ``shards`` (needed to merge them)."""
        wanted = [g for s in shards for o, g in self.chosen.items() if s.lo <= o < s.hi and not g.copies]
        needed = sorted(o for g in wanted for o in g.ordinals)
        copies: dict[int, Copy] = {}
        for ordinal, _, paper in self.read(needed):
            copies[ordinal] = Copy(ordinal, paper.source, int(self.digests[ordinal]), paper.external_id,
                                   paper.categories, paper.update_date)
        for group in wanted:
            group.copies = [copies[o] for o in group.ordinals]

    def merged(self, ordinal: int, paper: Paper) -> MergedPaper:
        """The paper emitted at record ``ordinal`` (after :meth:`collect` of its shard)."""
        group = self.chosen.get(ordinal)
        if group is None:
            return MergedPaper(paper, (paper.source,), 1)
        return merged_paper(paper, ordinal, group.copies, group.variants)

    @property
    def duplicates(self) -> int:
        """Records merged into another copy (the records whose id collided are neither papers nor duplicates)."""
        return self.records - self.papers - len(self.colliding)

    def collision_rejects(self) -> dict[int, list[Reject]]:
        """The rejects of the records whose id collided with that of another title: input file number -> its
        rejects in file order. The records are read, for their excerpts (there are none but by a chance of
        about 2e-7 at 2.7M papers)."""
        rejects: dict[int, list[Reject]] = {}
        for ordinal, path, paper in self.read(sorted(self.colliding)):
            reject = collision_reject(paper, self.source(self.colliding[ordinal]))
            rejects.setdefault(self.file_of(ordinal), []).append(Reject(str(path), reject.line, reject.reason, reject.excerpt, reject.rest_unread))
        return rejects

    # -- places ------------------------------------------------------------------------------

    def file_of(self, ordinal: int) -> int:
        return int(np.searchsorted(self.starts, ordinal, side="right")) - 1

    def source(self, ordinal: int) -> str:
        """``file:line`` of record ``ordinal``."""
        f = self.file_of(ordinal)
        return self.indexes[f].source(ordinal - int(self.starts[f]))

    def emitted_in(self, shard: Shard) -> np.ndarray:
        """Ordinals of the records emitted in ``shard``, in order."""
        return shard.lo + np.flatnonzero(self.emitted[shard.lo:shard.hi])

    def read(self, ordinals: Sequence[int]) -> Iterator[tuple[int, Path, Paper]]:
        """(ordinal, file, paper) of the records ``ordinals`` (sorted), reading only the files that hold them,
        each up to its last record needed. Raises InputChanged when a file no longer holds what was indexed."""
        ordinals = np.asarray(ordinals, dtype=np.int64)
        if not ordinals.size:
            return
        for f, path in enumerate(self.files):
            lo, hi = int(self.starts[f]), int(self.starts[f + 1])
            mine = ordinals[(ordinals >= lo) & (ordinals < hi)]
            if not mine.size:
                continue
            index = self.indexes[f]
            wanted = iter((mine - lo).tolist())
            target = next(wanted)
            local = 0
            for item in read_records(path):
                if type(item) is Reject:
                    continue
                if local == target:
                    if (local >= len(index) or int(item.paper_id, 16) != int(index.ids[local])
                            or record_digest(item) != index.records[16 * local:16 * local + 16].tobytes()):
                        raise InputChanged(f"{item.source}: the input changed while it was being read (record {local + 1} of "
                                           f"{path}, {item.title[:60]!r}, differs from what the first pass indexed); "
                                           "run again on files that do not change")
                    yield lo + local, path, item
                    target = next(wanted, None)
                    if target is None:
                        break
                local += 1
            else:
                if target is not None:
                    raise InputChanged(f"{path}: the input changed while it was being read (it holds fewer records than "
                                       "its index); run again on files that do not change")

    # -- keys --------------------------------------------------------------------------------

    def _key(self, shard: Shard) -> str:
        digest = hashlib.sha256(f"claimbench shard\x00{self.fingerprint}\x00".encode())
        for f, index in enumerate(self.indexes):
            lo, hi = max(shard.lo, int(self.starts[f])), min(shard.hi, int(self.starts[f + 1]))
            if lo >= hi:
                continue
            a, b = lo - int(self.starts[f]), hi - int(self.starts[f])
            digest.update(f"\x00file\x00{index.name}\x00{b - a}\x00".encode("utf-8", "surrogatepass"))
            digest.update(index.lines[a:b].astype("<i8").tobytes())
            digest.update(index.records[16 * a:16 * b].tobytes())
            digest.update(self.emitted[lo:hi].tobytes())
        for ordinal in sorted(o for o in self.chosen if shard.lo <= o < shard.hi):
            group = self.chosen[ordinal]
            digest.update(f"\x00group\x00{ordinal - shard.lo}\x00{group.variants}\x00".encode())
            for copy in sorted(self._bare_copies(group), key=lambda c: (c.source, c.ordinal)):
                f = self.file_of(copy.ordinal)
                local = copy.ordinal - int(self.starts[f])
                digest.update(copy.source.encode("utf-8", "surrogatepass") + b"\x00" + self.indexes[f].records[16 * local:16 * local + 16].tobytes())
        return digest.hexdigest()


# The modules of claimbench/ whose code decides a shard's bytes (besides extract/, schemas/ and validation/, all of whose files count).
SHARD_MODULES = ("table.py", "pipeline.py", "plan.py", "inputindex.py", "shardreport.py", "cache.py", "reuse.py")


def fingerprint(extractor_version: str, settings: Iterable[object] = ()) -> str:
    """What, besides the inputs, decides the bytes of a shard: the code and data files that extract,
    make the tables, validate and write them (:data:`SHARD_MODULES`, and every file of the extractor,
    the schemas and the validation suite), the extractor's version, the versions of the libraries
    that write and validate, and ``settings`` (chunk and row-group sizes).
    """
    import importlib.metadata

    import claimbench
    from claimbench import extract, schemas, validation

    digest = hashlib.sha256(f"{extractor_version}\x00{list(settings)!r}\x00".encode())
    for package in ("pyarrow", "pandas", "numpy", "great-expectations"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}\x00".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}=none\x00".encode())
    for module in (claimbench, extract, schemas, validation):
        folder = Path(module.__file__).parent
        for path in sorted(folder.rglob("*")):
            if module is claimbench and path.name not in SHARD_MODULES:
                continue
            if path.suffix in (".py", ".json", ".toml", ".txt") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    return digest.hexdigest()
