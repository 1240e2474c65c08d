"""Readers: turn input files into :class:`Paper` records.

Formats, chosen by the file name:

- ``*.txt``: a dump of a daily-papers page (header, then title / blank /
  abstract / blank, repeated), the format of the built-in corpus;
- ``*.jsonl`` / ``*.json``: one JSON object a line with ``id`` or
  ``paper_id``, ``title`` and ``abstract``. The arXiv metadata snapshot
  (``arxiv-metadata-oai-snapshot.json``: ``id``, ``title``, ``abstract``,
  ``categories``, ``versions`` [{version, created}], ``update_date``,
  ``authors``, ``doi``, ...) is read as it is, a line at a time: the arXiv id
  becomes ``external_id``, ``categories`` (space-separated) a list, and
  ``update_date`` is kept (the date of the last version when it is absent);
  other fields are ignored. Line breaks and runs of spaces in titles and
  abstracts are folded to one space;
- ``*.csv`` and ``*.parquet``: a table with those columns (a Parquet file's
  "line" is its row number, from 1);
- any of these with ``.gz`` appended, read through gzip;
- a folder: every file in it with one of those endings, sorted by name.

Reading never raises for a problem in the input. :func:`read_records` yields,
in file order, a :class:`Paper` for every good record and a :class:`Reject`
(file, line, reason, excerpt) for every bad one; what to do with rejects
(stop at the first, or keep them aside and go on) is decided in one place,
:func:`screen`. :func:`read_papers` reads one file with the old behaviour:
the first reject raises :class:`InputError` (``file:line: reason``).

What is rejected, and how much of the file goes with it:

- a file that cannot be opened (permission denied, a folder, a broken link),
  is not gzip although named ``.gz``, is not Parquet although named
  ``.parquet``, holds binary data (NUL bytes in its first 4 KB), or lacks the
  ``title`` and ``abstract`` columns: the whole file, as one reject with line
  ``None``;
- a file whose reading stops half-way (a truncated gzip stream, bad UTF-16):
  what was read is kept, the rest is one reject at the line where it stopped;
- one record: malformed JSON or CSV, a record with fewer or more CSV fields
  than the header, a missing, empty or non-text title or abstract, bytes that
  are not UTF-8 (Latin-1, say: files are never guessed to be in another
  encoding), control characters, a lone surrogate, a title longer than
  :data:`MAX_TITLE_CHARS` or an abstract longer than :data:`MAX_ABSTRACT_CHARS`
  (such a record is not an abstract: a swallowed file, a full text);
- in a ``.txt`` dump, a title without an abstract (or an abstract without a
  title): the dump alternates title and abstract blocks, so a missing block
  would pair every later title with the wrong abstract. A block longer than
  :data:`DUMP_TITLE_CHARS` where a title is expected (an abstract without a
  title), or a title followed by a title-like block (short, not ending with a
  period) and then a long block (a title without an abstract), shows where
  the dump is out of step; that one block is rejected and pairing resumes in
  step. In a well-formed dump, where no title is that long, neither fires.

Encodings: UTF-8; a byte-order mark selects UTF-8 (the mark is dropped),
UTF-16 or UTF-32.

Speed shortcuts: the usual record is read through three functions faster than the plain
code they stand for, each giving what that code gives: :func:`fast_fold` (a title or
abstract folded and checked on its bytes; None sends it to ``" ".join(text.split())`` and
the character checks), :func:`fast_json_object` (the usual JSON line without
``json.loads``'s checks; None sends it to ``json.loads``) and :func:`created_date` (arXiv's
version dates read directly, other dates by ``email.utils``). The readers look each up in
this module when they call it, so that setting one to its plain code switches it off:
tests/test_reader_speed_equivalence.py reads whole files both ways.

Identity: a paper is its title (``paper_id`` is derived from it). Two records
with the same external ``id`` and different titles are kept as two papers,
each with that ``external_id`` (nothing is dropped on the strength of an id
the input gives; a revised title is a different row); two records with the
same title are merged by :mod:`~claimbench.extract.dedup` whatever their ids.
"""
from __future__ import annotations

import codecs
import csv
import datetime
import email.utils
import gzip
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex

from claimbench.errors import ClaimbenchError

from .normalize import blank
from .papers import Paper, folded_title_id

SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".parquet")

# Longer than this is not a title or an abstract (arXiv allows 1,920 characters of abstract).
MAX_TITLE_CHARS = 1_000
MAX_ABSTRACT_CHARS = 100_000
# In a .txt dump, a block longer than this where a title is expected means the dump is out of step.
DUMP_TITLE_CHARS = 400
# A reject keeps the first characters of the record.
EXCERPT_CHARS = 200

OnError = Literal["fail", "skip"]
ON_ERROR_CHOICES = ("fail", "skip")

# The last header line of a daily-papers dump is the listing date, e.g. "Mar 11".
_DATE_LINE = regex.compile(
    r"""^
    (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)   # month
    \ \d{1,2}                                               # day
    (?:,\ \d{4})?                                           # optional year
    $""",
    regex.VERBOSE,
)
# Characters no title or abstract holds: C0 controls but tab, new line and carriage
# return; DEL; surrogates (undecodable bytes come back as U+DC80..U+DCFF).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Bytes of UTF-8 text that are not C0 controls (but tab, new line, carriage return) or DEL.
_TEXT_BYTES = bytes(b for b in range(256) if (b >= 0x20 or b in (0x09, 0x0A, 0x0D)) and b != 0x7F)
# Bytes that are not C0 controls or DEL; the ASCII white space str.split() splits on (it also splits on
# the 19 characters of _WIDE_SPACES), and the table that makes each of them a space.
_NOT_CONTROL_BYTES = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
_ASCII_SPACES = bytes(b for b in range(0x80) if chr(b).isspace())
_TO_SPACE = bytes.maketrans(_ASCII_SPACES, b" " * len(_ASCII_SPACES))
# The characters beyond ASCII str.split() splits on (Unicode white space).
_WIDE_SPACES = ("\x85", "\xa0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
                "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096


class InputError(ClaimbenchError, ValueError):
    """A problem in an input file, with the place it was found."""

    label = "bad input: "

    def __init__(self, path: str | Path, line: int | None, reason: str):
        self.path, self.line, self.reason = printable_path(path), line, reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


def printable_path(path: str | Path) -> str:
    r"""A path as text that can be printed: bytes of a file name that is not UTF-8 are escaped.

    >>> printable_path(Path(b"in/caf\xe9.jsonl".decode("utf-8", "surrogateescape")))
    'in/caf\\xe9.jsonl'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Reject:
    """An input record that was not read as a paper, and why.

    ``line`` is None when the whole file is rejected (it cannot be opened or
    decoded at all); it counts as one record.

    >>> r = Reject("in/a.jsonl", 3, "record has no title", '{"abstract": "x"}')
    >>> r.to_dict()
    {'source': 'a.jsonl:3', 'line': 3, 'reason': 'record has no title', 'excerpt': '{"abstract": "x"}'}
    >>> str(r.error())
    'in/a.jsonl:3: record has no title'
    """

    path: str
    line: int | None
    reason: str
    excerpt: str = ""
    # True when reading the file stopped at this record (a read error): the lines after it are not read.
    rest_unread: bool = False

    @property
    def source(self) -> str:
        """``file:line`` (the file's name, as papers' sources), or the name alone for a whole file."""
        name = Path(self.path).name
        return name if self.line is None else f"{name}:{self.line}"

    def error(self) -> InputError:
        return InputError(self.path, self.line, self.reason)

    def to_dict(self) -> dict:
        """The line of a rejects file: source, line, reason, excerpt (first characters of the record)."""
        return {"source": self.source, "line": self.line, "reason": self.reason, "excerpt": self.excerpt}


def _reject(path: Path, line: int | None, reason: str, text: str = "", rest_unread: bool = False) -> Reject:
    excerpt = text[: EXCERPT_CHARS + 2].rstrip("\r\n")[:EXCERPT_CHARS]
    if _SURROGATE.search(excerpt):  # undecodable bytes: shown as U+FFFD, so the excerpt is valid text
        excerpt = _SURROGATE.sub("\ufffd", excerpt)
    if _SURROGATE.search(reason):
        reason = _SURROGATE.sub("\ufffd", reason)
    return Reject(str(path), line, reason, excerpt, rest_unread)


def screen(items: Iterable[Paper | Reject], on_error: OnError, rejects: list[Reject]) -> Iterator[Paper]:
    """The papers among ``items``: the one place the error policy is applied.

    ``on_error="fail"``: the first reject raises its :class:`InputError`.
    ``on_error="skip"``: rejects are appended to ``rejects`` and reading goes on.
    """
    if on_error not in ON_ERROR_CHOICES:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR_CHOICES)}, got {on_error!r}")
    fail = on_error == "fail"
    for item in items:
        if type(item) is Reject:
            if fail:
                raise item.error()
            rejects.append(item)
        else:
            yield item


def _format_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    raise InputError(path, None, f"unknown input format (expected one of {', '.join(SUFFIXES)}, optionally .gz)")


class _Unreadable(Exception):
    """The file cannot be read as records at all: one reject for the whole file (at ``line``, if one is to blame)."""

    def __init__(self, reason: str, line: int | None = None, excerpt: str = ""):
        super().__init__(reason)
        self.reason, self.line, self.excerpt = reason, line, excerpt


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _open_text(path: Path, newline: str | None = "") -> io.TextIOWrapper:
    """The file as text: UTF-8, or what its byte-order mark says.

    Bytes that are not UTF-8 come back as lone surrogates (``surrogateescape``)
    so that one bad record does not cost the whole file; the record checks
    reject them.
    """
    raw = _open_binary(path)
    try:
        head = raw.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), "utf-8")
        if encoding == "utf-8" and b"\x00" in head:
            raise _Unreadable("binary data, not text: NUL bytes in the first 4 KB (or UTF-16/UTF-32 text without a byte-order mark)")
        errors = "surrogateescape" if encoding.startswith("utf-8") else "strict"
        return io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline=newline)
    except BaseException:
        raw.close()
        raise


def _is_input(path: Path) -> bool:
    try:
        _format_of(path)
        return True
    except InputError:
        return False


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to read, in order: folders are expanded to their input files, sorted.

    A path that does not exist, or a folder with no input file in it, is a
    mistake in the command, not in the input: it raises :class:`InputError`
    whatever the error policy. Inside a folder, an entry with an input
    file's name that is not a regular file (a sub-folder named ``x.jsonl``, a
    broken link) is listed too, so that reading it is rejected rather than
    silently passed over.

    >>> [p.name for p in expand_inputs(["corpus/seeds"])][:2]
    ['000_1ab15dee3ca9e80c.txt', '001_bcea4c278e4935e6.txt']
    """
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if _is_input(p))
            if not found:
                raise InputError(path, None, "folder holds no input files")
            files.extend(_regular(p) for p in found)
        elif path.exists():
            files.append(_regular(path))
        else:
            raise InputError(path, None, "no such file or folder")
    return files


def _regular(path: Path) -> Path:
    """``path``, when it is a regular file (or a link to one, or a folder reading will reject); a FIFO, socket or
    device is refused by name: reading one twice (the index pass, then the read pass) would hang or lose data."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return path  # a broken link: reading it is rejected with the reason
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return path
    raise InputError(path, None, "not a regular file (a FIFO, socket or device); only files are read")


class _Cursor:
    """The last line a reader has got to, for a reject when the file stops half-way."""

    __slots__ = ("line",)

    def __init__(self) -> None:
        self.line = 0


def read_records(path: str | Path) -> Iterator[Paper | Reject]:
    """Papers and rejects of one input file, in file order; never raises for a problem in the input."""
    path = Path(path)
    try:
        fmt = _format_of(path)
    except InputError as err:
        yield _reject(path, None, err.reason)
        return
    cursor = _Cursor()
    try:
        if fmt == ".txt":
            yield from _read_dump(path, cursor)
        elif fmt in (".jsonl", ".json"):
            yield from _read_jsonl(path, cursor)
        elif fmt == ".csv":
            yield from _read_csv(path, cursor)
        else:
            yield from _read_parquet(path, cursor)
    except _Unreadable as err:
        yield _reject(path, err.line, err.reason, err.excerpt)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as err:
        stopped = cursor.line + 1 if cursor.line else None
        reason = _stream_problem(err)
        if stopped is not None:
            reason += f"; lines from {stopped} on are not read"
        yield _reject(path, stopped, reason, rest_unread=stopped is not None)


def _stream_problem(err: BaseException) -> str:
    if isinstance(err, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(err, FileNotFoundError):
        return "no such file (a broken link?)"
    if isinstance(err, PermissionError):
        return f"cannot open the file: {err.strerror or err}"
    if isinstance(err, gzip.BadGzipFile):
        return f"not a valid gzip file ({err})"
    if isinstance(err, EOFError):
        return "the gzip stream is truncated (the file ends before the end of the compressed data)"
    if isinstance(err, zlib.error):
        return f"corrupt gzip data ({err})"
    if isinstance(err, UnicodeDecodeError):
        return f"not valid {err.encoding.upper()} text ({err.reason})"
    return f"cannot read the file: {getattr(err, 'strerror', None) or err}"


def read_papers(path: str | Path) -> Iterator[Paper]:
    """Papers in one input file, in file order; the first bad record raises :class:`InputError`."""
    return screen(read_records(path), "fail", [])


# ------------------------------------------------------------------ checks


def _is_clean(text: str) -> bool:
    """True when ``text`` holds no surrogate, no control character but tab, new line or carriage return, no DEL.

    The usual case, checked at C speed (a regular-expression search is ten times slower).
    """
    try:
        data = text.encode("utf-8")  # fails on surrogates
    except UnicodeEncodeError:
        return False
    return not data.translate(None, _TEXT_BYTES)  # in UTF-8, bytes below 0x80 are ASCII characters


def fast_fold(text: str) -> str | None:
    """``" ".join(text.split())`` when ``text`` holds no control character but ASCII white space, no white
    space beyond ASCII and no lone surrogate; else None.

    Folded text of that kind is clean (:func:`_is_clean`), so the usual title or abstract is folded and
    checked in one go on its UTF-8 bytes, at C speed (splitting a 2,000-character abstract into words
    and joining them again takes two to four times as long). Other text (None) takes the general path.

    >>> fast_fold("  A  title\\n split\\tin lines\\r\\n"), fast_fold("Folded already."), fast_fold("Caf\\u00e9  \\u2264 2")
    ('A title split in lines', 'Folded already.', 'Caf\\xe9 \\u2264 2')
    >>> fast_fold("Bell\\x07"), fast_fold("Del\\x7f"), fast_fold("No\\xa0break"), fast_fold("\\udce9")
    (None, None, None, None)
    """
    if type(text) is not str:
        return None
    if text.isascii():
        data = text.encode("ascii")
    else:
        for space in _WIDE_SPACES:  # (instant for a wider space than the text's widest character)
            if space in text:
                return None
        try:
            data = text.encode("utf-8")  # UTF-8 makes no byte below 0x80 of a character beyond ASCII
        except UnicodeEncodeError:  # a lone surrogate
            return None
    controls = data.translate(None, _NOT_CONTROL_BYTES)
    if controls:
        if controls.translate(None, _ASCII_SPACES):
            return None  # a control character that is not white space
        data = data.translate(_TO_SPACE)
    folded = data.strip(b" ")
    while True:  # each pass halves the runs of spaces; one that finds none returns its input
        shorter = folded.replace(b"  ", b" ")
        if len(shorter) == len(folded):
            break
        folded = shorter
    if not controls and len(folded) == len(data):
        return text  # folded already
    return folded.decode("utf-8")


def _char_problem(field: str, text: str, raw: str | None = None) -> str | None:
    """Why ``text`` (a title or abstract) holds a character no text should, or None.

    ``raw`` is the record as read, for JSON, where a surrogate can also come
    from a ``\\udXXX`` escape rather than from a byte that is not UTF-8.
    """
    if _is_clean(text):
        return None
    match = _BAD_CHAR.search(text)
    if match is None:
        return None
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF and (raw is None or char in raw):
        return (f"not UTF-8 text: byte 0x{code - 0xDC00:02X} in the {field} cannot be decoded "
                "(Latin-1 or Windows-1252? convert the file to UTF-8)")
    if 0xD800 <= code <= 0xDFFF:
        return f"{field} holds a lone surrogate U+{code:04X} (not valid Unicode)"
    if code == 0:
        return f"{field} holds a NUL character (binary data?)"
    return f"{field} holds the control character U+{code:04X}"


def _length_problem(title: str, abstract: str) -> str | None:
    if len(title) > MAX_TITLE_CHARS:
        return f"title is {len(title):,} characters long (at most {MAX_TITLE_CHARS:,}): not a title"
    if len(abstract) > MAX_ABSTRACT_CHARS:
        return f"abstract is {len(abstract):,} characters long (at most {MAX_ABSTRACT_CHARS:,}): not an abstract"
    return None


# ------------------------------------------------------------------ .txt dumps


def _looks_like_title(block: str) -> bool:
    """Short and not ending a sentence: a title rather than an abstract."""
    return len(block) <= DUMP_TITLE_CHARS and not block.endswith(".")


def _read_dump(path: Path, cursor: _Cursor) -> Iterator[Paper | Reject]:
    lines: list[str] = []
    with _open_text(path, newline=None) as fh:  # \r\n and \r count as line ends too
        try:
            for line in fh:
                lines.append(line)
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as err:
            # Keep the complete lines read so far; the rest of the file is one reject.
            stopped: tuple[int, BaseException] | None = (len(lines) + 1, err)
        else:
            stopped = None
    name = path.name
    clean = _is_clean("".join(lines))  # then no record needs checking character by character
    # Skip the page header: everything up to and including the date line.
    start = next((i + 1 for i, line in enumerate(lines[:40]) if _DATE_LINE.match(line.strip())), 0)
    blocks: list[tuple[int, str]] = [(i + 1, text) for i in range(start, len(lines)) if (text := lines[i].strip())]
    n, i = len(blocks), 0
    while i < n:
        t_line, title = blocks[i]
        if len(title) > DUMP_TITLE_CHARS:
            yield _reject(path, t_line, f"an abstract without a title ({len(title):,} characters where a title is expected): "
                                        "a title is missing, the dump is out of step here", title)
            i += 1
            continue
        if i + 1 == n:
            yield _reject(path, t_line, f"title without an abstract: {title[:60]!r}", title)
            break
        abstract = blocks[i + 1][1]
        if _looks_like_title(abstract) and i + 2 < n and len(blocks[i + 2][1]) > DUMP_TITLE_CHARS:
            yield _reject(path, t_line, f"title without an abstract: {title[:60]!r} is followed by another title", title)
            i += 1
            continue
        i += 2
        problem = (None if clean else _char_problem("title", title) or _char_problem("abstract", abstract)) or _length_problem(title, abstract)
        if problem:
            yield _reject(path, t_line, problem, f"{title}\n{abstract}")
        else:
            yield Paper(title=title, abstract=abstract, source=f"{name}:{t_line}")
    if stopped is not None:
        line, err = stopped
        if line == 1:  # nothing could be read: the whole file
            yield _reject(path, None, _stream_problem(err))
        else:
            yield _reject(path, line, f"{_stream_problem(err)}; lines from {line} on are not read", rest_unread=True)


# ------------------------------------------------------------------ records (JSON lines, CSV, Parquet)


def _record_paper(path: Path, line_no: int, record: dict, raw: str | None = None) -> Paper | Reject:
    """The paper of one record, or why it is rejected.

    >>> _record_paper(Path("in/a.jsonl"), 3, {"id": 7, "title": " A\\n title ", "abstract": "An  abstract.", "categories": "cs.LG cs.CL"})
    Paper(title='A title', abstract='An abstract.', source='a.jsonl:3', external_id='7', categories=('cs.LG', 'cs.CL'), update_date=None, paper_id='46a939301ca2b16d')
    >>> _record_paper(Path("in/a.jsonl"), 4, {"title": "A title", "abstract": " "}).reason
    'record has no abstract'
    """
    title, abstract = record.get("title"), record.get("abstract")
    for field, value in (("title", title), ("abstract", abstract)):
        if value is None or (isinstance(value, str) and blank(value)):  # white space or invisible characters only
            return _reject(path, line_no, f"record has no {field}", _excerpt(record, raw))
        if not isinstance(value, str):
            return _reject(path, line_no, f"record's {field} is not text (got {type(value).__name__})", _excerpt(record, raw))
    cats = record.get("categories") or ()
    if isinstance(cats, str):
        categories = tuple(cats.split())  # words of a str are str
    elif isinstance(cats, (list, tuple)):
        categories = tuple(str(c) for c in cats)
    else:
        return _reject(path, line_no, f"categories must be a string or a list (got {type(cats).__name__})", _excerpt(record, raw))
    ext = record.get("id", record.get("paper_id"))
    ext = None if ext is None else str(ext)
    date = record.get("update_date")
    date = _last_version_date(record.get("versions")) if date is None else str(date)
    plain_title, plain_abstract = fast_fold(title), fast_fold(abstract)
    if plain_title is not None and plain_abstract is not None:  # the usual record: folded, and clean
        title, abstract = plain_title, plain_abstract
        problem = _length_problem(title, abstract)
    else:
        title, abstract = " ".join(title.split()), " ".join(abstract.split())
        # Checked before the Paper is made: its id hashes the title, which must be valid text.
        problem = _char_problem("title", title, raw) or _char_problem("abstract", abstract, raw) or _length_problem(title, abstract)
    if problem is None and not _is_clean(f"{ext or ''}{''.join(categories)}{date or ''}"):
        problem = (
            _char_problem("id", ext or "", raw)
            or _char_problem("categories", " ".join(categories), raw)
            or _char_problem("update_date", date or "", raw)
        )
    if problem:
        return _reject(path, line_no, problem, _excerpt(record, raw))
    return Paper(title, abstract, f"{path.name}:{line_no}", ext, categories, date, folded_title_id(title))


def _last_version_date(versions: object) -> str | None:
    """The ISO date of the last entry of an arXiv ``versions`` list, for records without ``update_date``.

    >>> _last_version_date([{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
    ...                     {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"}])
    '2007-07-24'
    >>> _last_version_date(None), _last_version_date([{"created": "yesterday"}])
    (None, None)
    """
    if not isinstance(versions, list) or not versions or not isinstance(versions[-1], dict):
        return None
    created = versions[-1].get("created")
    if not isinstance(created, str):
        return None
    return created_date(created)


# arXiv's form of a version's date, which email.utils.parsedate_to_datetime reads as day, month, year, time.
_ARXIV_CREATED = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                            r"([1-9][0-9]{3}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT")
_MONTHS = {name: number for number, name in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}


def created_date(created: str) -> str | None:
    """The ISO date of an e-mail style date, as ``email.utils.parsedate_to_datetime`` reads it, or None.

    arXiv's form is read directly (two to three times as fast); any other goes through the e-mail parser.

    >>> created_date("Tue, 24 Jul 2007 20:10:27 GMT"), created_date("Thu, 31 Feb 2007 20:10:27 GMT")
    ('2007-07-24', None)
    >>> created_date("24 Jul 07 20:10 +0200"), created_date("yesterday")
    ('2007-07-24', None)
    """
    match = _ARXIV_CREATED.fullmatch(created)
    if match is None:
        try:
            return email.utils.parsedate_to_datetime(created).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    day, month, year, hour, minute, second = match.groups()
    try:  # a day, hour, minute or second out of range is no date, for the e-mail parser too
        return datetime.datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second)).date().isoformat()
    except ValueError:
        return None


def _excerpt(record: dict, raw: str | None) -> str:
    if raw is not None:
        return raw
    return f"{record.get('title')} | {record.get('abstract')}"[: EXCERPT_CHARS + 2]


_JSON = json.JSONDecoder()  # json.loads's decoder: the same options


def fast_json_object(line: str) -> dict | None:
    """``json.loads(line)`` for the usual line, a JSON object then white space; None for any other (good or bad).

    A little faster than ``json.loads``, which checks its argument's type and encoding first: this
    calls the same decoder's ``raw_decode`` directly. It takes as many nested calls as ``json.loads``
    (this, :func:`_decoded_object`, ``raw_decode``), so a line nested as deeply as the recursion
    limit allows parses, or fails, the same way.

    >>> fast_json_object('{"title": "T", "n": [1, 2.5]}\\n'), fast_json_object('[1]\\n'), fast_json_object('{"a": 1} x'), fast_json_object('{"a": ')
    ({'title': 'T', 'n': [1, 2.5]}, None, None, None)
    """
    return _decoded_object(line) if line.startswith("{") else None


def _decoded_object(line: str) -> dict | None:
    """The object a line starting with ``{`` holds, or None (malformed, nested too deeply, more than white space after it)."""
    try:
        value, end = _JSON.raw_decode(line)
    except Exception:  # json.loads will say what is wrong
        return None
    return value if end == len(line) or not line[end:].strip(" \t\n\r") else None  # JSON's white space after it


def _read_jsonl(path: Path, cursor: _Cursor) -> Iterator[Paper | Reject]:
    with _open_text(path) as fh:
        first = True
        for line_no, line in enumerate(fh, start=1):
            cursor.line = line_no
            if not line or line.isspace():  # not line.strip(), without a copy
                continue
            if first:
                first = False
                if line.strip() in ("[", "{"):
                    raise _Unreadable(f"not JSON lines: the line is {line.strip()!r} (a JSON array or pretty-printed "
                                      "JSON? write one object a line, e.g. with jq -c '.[]')", line_no, line)
            try:
                record = fast_json_object(line)
                if record is None:  # not the usual line: json.loads reads it, or says what is wrong
                    record = json.loads(line)
            except json.JSONDecodeError as err:
                yield _reject(path, line_no, f"malformed JSON ({err.msg}, column {err.colno})", line)
                continue
            except RecursionError:
                yield _reject(path, line_no, "malformed JSON (nested too deeply)", line)
                continue
            except ValueError as err:  # a number too long to convert to int
                yield _reject(path, line_no, f"malformed JSON ({str(err).split(';')[0][:150]})", line)
                continue
            if not isinstance(record, dict):
                yield _reject(path, line_no, "a line must hold one JSON object", line)
                continue
            yield _record_paper(path, line_no, record, line)


def _read_csv(path: Path, cursor: _Cursor) -> Iterator[Paper | Reject]:
    with _open_text(path) as fh:
        pending: list[str] = []  # the physical lines of the record being read, for its excerpt

        def lines() -> Iterator[str]:
            for line in fh:
                pending.append(line)
                yield line

        reader = csv.reader(lines(), strict=True)
        try:
            header = next(reader)
        except StopIteration:
            return  # an empty file holds no records
        except csv.Error as err:
            raise _Unreadable(f"malformed CSV header ({err})", 1, "".join(pending)) from None
        cursor.line = reader.line_num
        if not {"title", "abstract"} <= set(header):
            yield _reject(path, 1, "CSV header must name the columns title and abstract", "".join(pending))
            return
        pending.clear()
        width = len(header)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                where = "" if reader.line_num == start else f" at line {reader.line_num}"
                yield _reject(path, start, f"malformed CSV ({err}{where})", "".join(pending))
                pending.clear()
                cursor.line = reader.line_num
                continue
            cursor.line = reader.line_num
            text = "".join(pending)
            pending.clear()
            if not row:
                continue  # a blank line
            if len(row) != width:
                yield _reject(path, start, f"malformed CSV record: {len(row)} field{'s' if len(row) > 1 else ''}, the header has {width}"
                                           + (" (an unquoted comma?)" if len(row) > width else ""), text)
                continue
            yield _record_paper(path, start, dict(zip(header, row)), text)


def _read_parquet(path: Path, cursor: _Cursor) -> Iterator[Paper | Reject]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                source = pa.BufferReader(fh.read())
        else:
            source = path
        pf = pq.ParquetFile(source)
    except (pa.ArrowException, ValueError) as err:  # ArrowInvalid and friends
        raise _Unreadable(f"not a readable Parquet file ({err})") from None
    names = set(pf.schema_arrow.names)
    if not {"title", "abstract"} <= names:
        raise _Unreadable("Parquet file must have the columns title and abstract")
    try:
        for batch in pf.iter_batches(batch_size=10_000):
            for record in batch.to_pylist():
                cursor.line += 1
                yield _record_paper(path, cursor.line, record)
    except (pa.ArrowException, UnicodeDecodeError) as err:
        raise OSError(f"Parquet data cannot be read ({err})") from None
