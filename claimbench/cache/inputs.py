"""The index of one input file: what a build must know of every record without keeping the text.

For each good record, in file order: its paper id (as an integer), a second 64-bit fingerprint of
its title (:func:`~claimbench.extract.papers.title_check`: an id collision is told from a
duplicate), a 64-bit hash of its abstract and the abstract's length (for the merge of duplicates,
:mod:`claimbench.extract.dedup`), its line
(its source is ``file:line``), and a 128-bit digest of everything the build keeps of it (title,
abstract, external id, categories, update date), which the keys of shards are made of. Rejected
records are kept whole (line, reason, excerpt), in file order.

An index is cached by the sha256 of the file's bytes (about 1.4 GB/s here), its format and the
readers' code (:data:`READER_KEY`), in ``<cache>/inputs/``, so that a rebuild does not parse an
unchanged file again. An index holding a whole-file reject or a read that stopped half-way (a
permission refused, a truncated stream) is not cached: those depend on more than the bytes.

>>> index = index_file(Path("corpus/seeds/000_1ab15dee3ca9e80c.txt"))
>>> index.name, len(index) > 50, index.source(0)
('000_1ab15dee3ca9e80c.txt', True, '000_1ab15dee3ca9e80c.txt:11')
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimbench.extract import dedup, papers, readers
from claimbench.extract.dedup import utf8_abstract_hash
from claimbench.extract.papers import title_check
from claimbench.extract.readers import Reject, read_records
from claimbench.release.writer import sha256_file

INDEX_DIRNAME = "inputs"


def _code_key(*modules) -> str:
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


# The readers' code: an index made by other code is not used.
READER_KEY = _code_key(readers, papers, dedup)


def record_digest(paper) -> bytes:
    """16 bytes naming everything a build keeps of a record but its place.

    >>> from claimbench.extract.papers import Paper
    >>> record_digest(Paper("T", "A.", "a.txt:1")) == record_digest(Paper("T", "A.", "b.txt:7")), len(record_digest(Paper("T", "A.", "x")))
    (True, 16)
    """
    return _utf8_record_digest(paper, paper.abstract.encode("utf-8", "surrogatepass"))


def _utf8_record_digest(paper, abstract: bytes) -> bytes:
    """:func:`record_digest` of ``paper``, given the UTF-8 bytes of its abstract (lone surrogates passed through).

    The digest hashes the UTF-8 bytes of title, abstract, external id, categories and update date
    joined by NUL; UTF-8 is made character by character, so the bytes can be joined as well.

    >>> from claimbench.extract.papers import Paper
    >>> paper = Paper("T", "Caf\\u00e9.", "a.txt:1", "x1", ("cs.LG", "cs.CL"), "2024-01-02")
    >>> joined = "T\\x00Caf\\u00e9.\\x00x1\\x00cs.LG\\x1fcs.CL\\x002024-01-02".encode()
    >>> _utf8_record_digest(paper, "Caf\\u00e9.".encode()) == hashlib.blake2b(joined, digest_size=16).digest() == record_digest(paper)
    True
    """
    tail = "\x00".join((paper.external_id or "\x01", "\x1f".join(paper.categories), paper.update_date or "\x01"))
    data = b"\x00".join((paper.title.encode("utf-8", "surrogatepass"), abstract, tail.encode("utf-8", "surrogatepass")))
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass
class FileIndex:
    """The index of one input file (see the module's docstring)."""

    name: str
    ids: np.ndarray  # uint64: int(paper_id, 16)
    digests: np.ndarray  # uint64: abstract_hash
    lengths: np.ndarray  # int64: len(abstract)
    lines: np.ndarray  # int64: the record's line
    records: np.ndarray  # uint8, 16 a record: record_digest
    rejects: list[Reject]
    titles: np.ndarray  # uint64: title_check

    def __len__(self) -> int:
        return len(self.ids)

    def source(self, i: int) -> str:
        """``file:line`` of good record ``i``."""
        return f"{self.name}:{int(self.lines[i])}"

    @property
    def cacheable(self) -> bool:
        """False when a reject depends on more than the bytes (a file that could not be opened or read to its end)."""
        return not any(r.line is None or r.rest_unread for r in self.rejects)


def index_file(path: Path) -> FileIndex:
    """Read ``path`` once and index it (rejects are kept, never raised)."""
    ids, digests, lengths, lines, titles = [], [], [], [], []
    records = bytearray()
    rejects: list[Reject] = []
    name = path.name
    for item in read_records(path):
        if type(item) is Reject:
            rejects.append(item)
            continue
        file_name, _, line = item.source.rpartition(":")
        if file_name != name or not line.isdigit():
            raise ValueError(f"{path}: record source {item.source!r} is not {name}:<line>")
        abstract = item.abstract.encode("utf-8", "surrogatepass")  # once, for both hashes
        ids.append(int(item.paper_id, 16))
        titles.append(title_check(item.title))
        digests.append(utf8_abstract_hash(abstract))
        lengths.append(len(item.abstract))
        lines.append(int(line))
        records += _utf8_record_digest(item, abstract)
    return FileIndex(name, np.array(ids, np.uint64), np.array(digests, np.uint64), np.array(lengths, np.int64),
                     np.array(lines, np.int64), np.frombuffer(bytes(records), np.uint8), rejects,
                     np.array(titles, np.uint64))


def file_sha256(path: Path) -> str | None:
    """Hex sha256 of the file's bytes, or None when it cannot be read (the reader will say why)."""
    try:
        return sha256_file(path)
    except OSError:
        return None


class IndexStore:
    """Indexes of input files under ``<folder>/inputs``, by the sha256 of their bytes.

    New indexes are written by :meth:`save`, once the run has accepted the inputs (a run
    stopped by a bad record leaves nothing behind). A stored index that cannot be read back
    whole (garbage, a truncated file, arrays of the wrong type or length, rejects that are not
    JSON of the right shape) is named on stderr, removed, and the file is indexed again; a
    folder that cannot be made (a regular file in its place) is named on stderr and the run
    goes on without this store (:func:`claimbench.cache.claims.store_folder`).
    """

    WHAT = "input index cache"

    def __init__(self, folder: Path):
        from claimbench.cache.claims import store_folder

        self.folder = store_folder(Path(folder) / INDEX_DIRNAME, self.WHAT, make=False)  # None: not used (made by save)
        self._pending: list[tuple[Path, FileIndex]] = []

    def _path(self, path: Path, sha256: str) -> Path:
        suffix = "".join(path.suffixes[-2:]).lower().replace(".", "_") or "_"
        return self.folder / f"{sha256}{suffix}-{READER_KEY}.npz"

    def index(self, path: Path) -> FileIndex:
        """The index of ``path``: from the store when its bytes were indexed before, else read (and stored)."""
        sha256 = file_sha256(path) if self.folder is not None and path.is_file() else None
        if sha256 is None:
            return index_file(path)
        stored = self._path(path, sha256)
        if os.path.lexists(stored):
            try:
                return self._load(stored, path)
            except Exception as err:  # noqa: BLE001 -- numpy and zipfile raise many kinds on a damaged file
                self._discard(stored, err)
        index = index_file(path)
        if index.cacheable and file_sha256(path) == sha256:  # unchanged while it was read
            self._pending.append((stored, index))
        return index

    def _discard(self, stored: Path, err: BaseException) -> None:
        """Name a damaged stored index on stderr and remove it (it is written again by :meth:`save`)."""
        from claimbench.cache.claims import discard_damaged

        discard_damaged(self.WHAT, stored, err, "indexing the input again and rebuilding it")  # written again by save

    def save(self) -> None:
        """Store the indexes made since the last call (a store that cannot be written is named and left alone)."""
        from claimbench.cache.claims import warn

        for stored, index in self._pending if self.folder is not None else ():
            try:
                self._save(stored, index)
            except OSError as err:
                warn(f"cannot write the {self.WHAT} file {stored} ({err.strerror or err}); going on without it")
        self._pending.clear()

    def _load(self, stored: Path, path: Path) -> FileIndex:
        """The index stored in ``stored``, checked whole: raises when any part is missing or of the wrong shape."""
        with np.load(stored, allow_pickle=False) as data:
            arrays = {name: data[name] for name in ("ids", "digests", "lengths", "lines", "records", "rejects", "titles")}
        count = len(arrays["ids"]) if arrays["ids"].ndim == 1 else -1
        shapes = {"ids": (np.uint64, count), "digests": (np.uint64, count), "lengths": (np.int64, count),
                  "lines": (np.int64, count), "records": (np.uint8, 16 * count), "rejects": (np.uint8, None),
                  "titles": (np.uint64, count)}
        for name, (dtype, length) in shapes.items():
            array = arrays[name]
            if array.dtype != dtype or array.ndim != 1 or (length is not None and len(array) != length):
                raise ValueError(f"array {name!r} is {array.dtype}{list(array.shape)}, expected {np.dtype(dtype)}[{length if length is not None else 'n'}]")
        if count and (arrays["lines"].min() < 0 or arrays["lengths"].min() < 0):
            raise ValueError("array 'lines' or 'lengths' holds impossible values")
        rejects = json.loads(arrays["rejects"].tobytes().decode("utf-8"))
        if not isinstance(rejects, list) or not all(_is_reject(r) for r in rejects):
            raise ValueError("'rejects' is not a list of [line, reason, excerpt]")
        return FileIndex(path.name, arrays["ids"], arrays["digests"], arrays["lengths"], arrays["lines"], arrays["records"],
                         [Reject(str(path), line, reason, excerpt) for line, reason, excerpt in rejects], arrays["titles"])

    def _save(self, stored: Path, index: FileIndex) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        rejects = json.dumps([[r.line, r.reason, r.excerpt] for r in index.rejects], ensure_ascii=False)
        tmp = stored.with_name(f".tmp-{os.getpid()}-{secrets.token_hex(4)}.npz")
        try:
            np.savez(tmp, ids=index.ids, digests=index.digests, lengths=index.lengths, lines=index.lines,
                     records=index.records, titles=index.titles, rejects=np.frombuffer(rejects.encode("utf-8"), np.uint8))
            os.replace(tmp, stored)
        finally:
            tmp.unlink(missing_ok=True)


def _is_reject(entry: object) -> bool:
    """``entry`` is a stored reject: [line (an int, not negative, or null), reason, excerpt].

    >>> _is_reject([3, "bad JSON", "{x"]), _is_reject([None, "unreadable", ""]), _is_reject([True, "x", ""]), _is_reject({"line": 1})
    (True, True, False, False)
    """
    if not isinstance(entry, list) or len(entry) != 3:
        return False
    line, reason, excerpt = entry
    return (line is None or (type(line) is int and line >= 0)) and isinstance(reason, str) and isinstance(excerpt, str)
