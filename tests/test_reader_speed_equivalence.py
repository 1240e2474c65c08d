"""The readers' and the input index's fast paths give what the straightforward code gives.

:mod:`claimbench.extract.readers` folds and checks the usual title and abstract (no control
character but white space) with byte operations (:func:`readers.fast_fold`), parses the usual
JSON line without json.loads's checks (:func:`readers.fast_json_object`) and reads arXiv's version
dates directly (:func:`readers.created_date`): the module's documented speed shortcuts, which the
readers look up at each call; :func:`claimbench.cache.inputs.index_file` encodes each abstract once
for both of its hashes. Each shortcut is compared with its reference, and whole files (every
bad-input case of ``test_bad_input``, tricky records in JSON lines, CSV and Parquet, arXiv-style
records, the built-in corpus) are read both ways, the shortcuts set to the plain code: the same
papers (every field) and rejects, in the same order, and the same index (its ids, hashes and
record digests computed from the papers with the public hash functions). Paper ids, abstract
hashes and record digests name papers in published datasets: they must never change.
"""
from __future__ import annotations

import dataclasses
import email.utils
import gzip
import hashlib
import json
import random
import re
from pathlib import Path

import pytest
import test_bad_input as bad
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimbench import corpus
from claimbench.cache import inputs as inputindex
from claimbench.extract import dedup, readers
from claimbench.extract.papers import Paper, folded_title_id, paper_id_for

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


# --- references: the straightforward code each fast path stands for ---------------------------------------------


def reference_created_date(created: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(created).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# What no title or abstract may hold (the readers' docstring): C0 controls but tab, new line and carriage return; DEL; surrogates.
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@pytest.fixture
def reference_readers(monkeypatch):
    """Switch the shortcuts off: the general fold and text checks, json.loads, the e-mail date parser."""

    def switch_off():
        monkeypatch.setattr(readers, "fast_fold", lambda text: None)
        monkeypatch.setattr(readers, "fast_json_object", lambda line: None)
        monkeypatch.setattr(readers, "created_date", reference_created_date)

    return switch_off


def as_rows(items) -> list[tuple]:
    """Papers and rejects as comparable rows: their type and every field."""
    return [(type(item).__name__, dataclasses.astuple(item)) for item in items]


def index_rows(index: inputindex.FileIndex) -> tuple:
    return (index.name, index.ids.tolist(), index.digests.tolist(), index.lengths.tolist(), index.lines.tolist(),
            index.records.tobytes(), as_rows(index.rejects))


def reference_index(path: Path, rows: list[tuple]) -> tuple:
    """The index of ``path`` computed from its papers with the public hash functions, one by one."""
    papers = [Paper(*fields) for kind, fields in rows if kind == "Paper"]
    rejects = [readers.Reject(*fields) for kind, fields in rows if kind == "Reject"]
    return (path.name, [int(paper_id_for(p.title), 16) for p in papers], [dedup.abstract_hash(p.abstract) for p in papers],
            [len(p.abstract) for p in papers], [int(p.source.rpartition(":")[2]) for p in papers],
            b"".join(inputindex.record_digest(p) for p in papers), as_rows(rejects))


# --- inputs -------------------------------------------------------------------------------------------------------

TRICKY_RECORDS = [
    {"title": "A  b\u00a0c\u2028d", "abstract": "x\u3000y\u0085z"}, {"title": "T\u200b", "abstract": "Zero\u200bwidth"},
    {"title": "T", "abstract": "A", "id": 5}, {"title": "T", "abstract": "A", "id": None, "paper_id": 7},
    {"title": "T", "abstract": "A", "categories": ["a", 1, None]}, {"title": "T", "abstract": "A", "categories": ""},
    {"title": "T", "abstract": "A", "categories": None}, {"title": "T", "abstract": "A", "categories": 0},
    {"title": "T", "abstract": "A", "categories": {"a": 1}}, {"title": "T", "abstract": "A", "update_date": 20240101},
    {"title": "T", "abstract": "A", "update_date": "2024\x07"}, {"title": "T", "abstract": "A", "id": "x\x01"},
    {"title": "T", "abstract": "A", "categories": "a\x1fb  c\td"}, {"title": "T", "abstract": "A", "categories": ["a\udc80"]},
    {"title": "T", "abstract": "A", "versions": []}, {"title": "T", "abstract": "A", "versions": [{"created": 5}]},
    {"title": "T", "abstract": "A", "versions": "x"}, {"title": "T", "abstract": "A", "versions": [1]},
    {"title": "T", "abstract": "A", "versions": [{"created": "Mon, 2 Apr 2007 19:18:42 GMT"}, {"created": "Tue, 31 Apr 2007 10:00:00 GMT"}]},
    {"title": "T", "abstract": "A", "update_date": None, "versions": [{"created": "Mon, 2 Apr 2007 19:18:42 GMT"}]},
    {"title": "T", "abstract": "A", "update_date": "", "versions": [{"created": "Mon, 2 Apr 2007 19:18:42 GMT"}]},
    {"title": "T\t\r\nU", "abstract": "\tA\r\n"}, {"title": "T\x7f", "abstract": "A"}, {"title": "T", "abstract": "A\x1b[0m"},
    {"title": "x" * 1000, "abstract": "A"}, {"title": "x" * 1001, "abstract": "A"}, {"title": " " + "x" * 1000 + " \n", "abstract": "A"},
    {"title": "T", "abstract": "y" * 100_000}, {"title": "T", "abstract": "y " * 50_001}, {"title": "T", "abstract": "y" * 100_001},
    {"title": "T\ud800", "abstract": "A"}, {"title": "T\udc80", "abstract": "A"}, {"title": "T", "abstract": "A\udcff"},
    {"title": "\u0130stanbul \u00c9T\u00c9 \u1e9e", "abstract": "\U0001F600 emoji"}, {"title": "T", "abstract": "A", "id": "\ud83d"},
    {"title": "T", "abstract": "A", "id": True}, {"title": "T", "abstract": "A", "id": 1.5}, {"title": "T", "abstract": "A", "id": ["a"]},
    {"title": ["T"], "abstract": "A"}, {"title": "T", "abstract": 5.5}, {"title": "T", "abstract": {}}, {"title": "T", "abstract": False},
    {"title": "T", "abstract": 0}, {"title": 0, "abstract": "A"}, {"title": "", "abstract": "A"}, {"title": "T", "abstract": "\x1c \x1d"},
    {"title": "\u1680T\u2000\u200a", "abstract": "\x1c\x1d\x1e\x1fA\x0b\x0cB"}, {"title": "T\x85", "abstract": "A"},
    {"title": "Mixed\u00a0and ASCII  spaces\n", "abstract": "  Lines\nbroken  and\r\n  indented.   Twice  .  "},
    {"title": "T", "abstract": "A", "id": ""}, {"title": "T", "abstract": "A", "categories": ["", " "]},
    {"title": "UPPER Case TITLE", "abstract": "A", "categories": ("x",)},
]

TRICKY_LINES = [
    '{"title": "T", "abstract": "A"}   ', '  {"title": "T", "abstract": "A"}', "\t", "", '{"title": "T", "abstract": "A", "title": "U"}',
    '{"title": "T", "abstract": "A\\u0000"}', '{"title": "T", "abstract": "NaN", "id": NaN}', '{"title": "T", "abstract": "A"} x',
    '"str"', "1", '{"title": "T", "abstract": "\\ud83d\\ude00"}', '{"title": "T", "abstract": "\\udc80"}', "{", '{"title": "T"',
    '{"title": "T", "abstract": "A"}\t', '{"id": ' + "9" * 5000 + ', "title": "T", "abstract": "A"}', '{"a": ' + "[" * 50_000,
]


def _has_surrogate(value) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(value, ensure_ascii=False))


def tricky_jsonl() -> bytes:
    lines = [json.dumps(r, ensure_ascii=True) for r in TRICKY_RECORDS]
    lines += [json.dumps(r, ensure_ascii=False) for r in TRICKY_RECORDS if not any(map(_has_surrogate, r.values()))]
    data = ("\n".join(lines + TRICKY_LINES) + "\n").encode("utf-8")
    return data + (b'{"title": "T\xff", "abstract": "A"}\n{"title": "T", "abstract": "A", "id": "\xe9"}\n{"title": "T", "abstract": "A"}\r\n'
                   b'{"title": "T", "abstract": "A"}\r{"title": "U", "abstract": "B"}\n{"title": "V", "abstract": "C"}\x0b\n'
                   b'{"title": "W\xc3", "abstract": "C"}')


def arxiv_jsonl(n: int = 400) -> bytes:
    """Records as in the arXiv metadata snapshot: wrapped, indented abstracts, categories, versions, update_date sometimes missing."""
    rnd = random.Random(5)
    days, months = "Mon Tue Wed Thu Fri Sat Sun".split(), "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    words = (bad.ABSTRACT_1 + " " + bad.ABSTRACT_2 + " " + bad.ABSTRACT_3).split()
    out = []
    for i in range(n):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(20, 120)))
        cut = text.split(" ")
        abstract = "  " + "\n".join(" ".join(cut[j:j + 11]) for j in range(0, len(cut), 11)) + "\n"
        if i % 5 == 0:
            abstract = abstract.replace(". ", ".  ")
        if i % 9 == 0:
            abstract += " Caf\u00e9 \u2264 5\u00d7 \u2013 r\u00e9sum\u00e9"
        title = f"Paper {i}: " + " ".join(rnd.choice(words) for _ in range(6))
        if i % 3 == 0:
            title = title.replace(" ", "\n  ", 1)
        versions = [{"version": f"v{k + 1}", "created": f"{rnd.choice(days)}, {rnd.randint(0, 32)} {rnd.choice(months)} "
                     f"{rnd.randint(1990, 2025)} {rnd.randint(0, 24):02d}:{rnd.randint(0, 60):02d}:{rnd.randint(0, 60):02d} GMT"}
                    for k in range(rnd.randint(1, 3))]
        record = {"id": f"{2000 + i // 100}.{i:05d}", "submitter": "A. Person", "authors": "A. Person, B. Other", "title": title,
                  "comments": None, "journal-ref": None, "doi": None, "categories": " ".join(rnd.sample(["cs.LG", "cs.CL", "hep-th", "math.OC"], 2)),
                  "abstract": abstract, "versions": versions, "update_date": f"2020-0{i % 9 + 1}-1{i % 10}",
                  "authors_parsed": [["Person", "A.", ""]]}
        if i % 4 == 0:
            del record["update_date"]
        out.append(json.dumps(record, ensure_ascii=i % 2 == 0))
    return ("\n".join(out) + "\n").encode("utf-8")


def _csv_bytes(records: list[dict]) -> bytes:
    fields = ["id", "title", "abstract", "categories", "update_date"]
    rows = [[r.get(k, "") if isinstance(r.get(k, ""), str) else json.dumps(r.get(k)) for k in fields] for r in records]
    return bad._csv(rows, header=fields).encode("utf-8", "surrogatepass")


def _parquet_bytes(records: list[dict]) -> bytes:
    fields = ["id", "title", "abstract", "categories", "update_date"]
    table = [{k: r.get(k) if isinstance(r.get(k), str) or r.get(k) is None else json.dumps(r.get(k)) for k in fields}
             for r in records if not any(map(_has_surrogate, r.values()))]
    return bad._parquet(table)


def _input_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for case in bad.CASES:
        path = bad._write_case(folder / case.id, case)
        files.append(path)
        data = case.data()
        if data is not None and not case.name.endswith(".gz"):
            (path.parent / (case.name + ".gz")).write_bytes(gzip.compress(data, mtime=0))
            files.append(path.parent / (case.name + ".gz"))
    arxiv, tricky = arxiv_jsonl(), tricky_jsonl()
    records = [json.loads(line) for line in arxiv.decode().splitlines()] + TRICKY_RECORDS
    contents = {
        "tricky.jsonl": tricky, "tricky.jsonl.gz": gzip.compress(tricky, mtime=0),
        "tricky16.jsonl": tricky.decode("utf-8", "surrogateescape").encode("utf-16", "surrogatepass"),
        "array.jsonl": b"\n \n  [ \n" + tricky, "arxiv.jsonl": arxiv, "arxiv.jsonl.gz": gzip.compress(arxiv, mtime=0),
        "records.csv": _csv_bytes(records), "records.parquet": _parquet_bytes(records),
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        files.append(folder / name)
    return files + corpus.seed_files()


@pytest.fixture(scope="module")
def input_files(tmp_path_factory) -> list[Path]:
    return _input_files(tmp_path_factory.mktemp("inputs"))


# --- whole files ----------------------------------------------------------------------------------------------------


def test_files_read_as_the_straightforward_readers_read_them(input_files, reference_readers):
    fast = {path: as_rows(readers.read_records(path)) for path in input_files}
    indexes = {path: index_rows(inputindex.index_file(path)) for path in input_files}
    reference_readers()
    papers = rejects = 0
    for path in input_files:
        expected = as_rows(readers.read_records(path))
        assert fast[path] == expected, path
        assert indexes[path] == reference_index(path, expected), path
        assert all(fields[-1] == paper_id_for(fields[0]) for kind, fields in expected if kind == "Paper"), path  # id of the title
        papers += sum(kind == "Paper" for kind, _ in expected)
        rejects += sum(kind == "Reject" for kind, _ in expected)
    assert papers > 800 and rejects > 150  # the inputs hold both, plenty of each


def test_fast_paths_are_taken_for_usual_records(tmp_path, monkeypatch):
    """The arXiv-style records go through the fast paths: a silent fall-back would only cost speed."""
    path = tmp_path / "arxiv.jsonl"
    path.write_bytes(arxiv_jsonl(60))
    calls = {"fold": 0, "folded": 0}
    real = readers.fast_fold

    def counting(text):
        calls["fold"] += 1
        folded = real(text)
        calls["folded"] += folded is not None
        return folded

    monkeypatch.setattr(readers, "fast_fold", counting)
    assert all(type(item) is Paper for item in readers.read_records(path))
    assert calls["fold"] == calls["folded"] == 120  # titles and abstracts, those beyond ASCII too


# --- each fast path -------------------------------------------------------------------------------------------------

# Every character str.split() splits on, controls, DEL, letters beyond ASCII, lone surrogates.
CHARS = st.sampled_from([*" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f",
                         "\u205f", "\u3000", "\x00", "\x07", "\x1b", "\x7f", "\x80", "\u200b", "\u00e9", "\u2013", "\ud800", "\udc80",
                         "\U0001F600", *"aZ.,0"])
TEXTS = st.lists(st.one_of(CHARS, st.sampled_from(["word", "  ", "Word. ", "\n  ", "\r\n"])), max_size=40).map("".join)


@SETTINGS
@given(text=TEXTS)
@example("")
@example("  Folded  text\nin lines.\n")
@example("\x1c\x1d")
def test_fast_fold_is_split_and_join_of_clean_text(text):
    folded = " ".join(text.split())
    fast = readers.fast_fold(text)
    if fast is not None:
        assert fast == folded and type(fast) is str
        assert not BAD_CHARS.search(fast)  # clean: the general path's checks find nothing to reject
    if not BAD_CHARS.search(folded) and not any(c.isspace() and not c.isascii() for c in text):
        assert fast == folded  # the usual text takes the fast path


def test_fast_fold_knows_every_character():
    """Each character, twice between two letters: ASCII white space is folded, white space beyond ASCII and the
    characters no text may hold send the text to the general path (None), any other is kept. (The shortcut lists
    the white space it folds and the white space beyond ASCII it leaves to the general path: a character missing
    from either list fails here.) No character beyond the Basic Multilingual Plane is white space: a few stand
    for them all."""
    assert not any(chr(code).isspace() for code in range(0x10000, 0x110000))
    wrong = []
    for code in [*range(0x10000), 0x10000, 0x1F600, 0xE0001, 0x10FFFF]:
        char = chr(code)
        text = f" a{char}{char}b "
        general = (char.isspace() and not char.isascii()) or (BAD_CHARS.match(char) and not char.isspace())
        if readers.fast_fold(text) != (None if general else " ".join(text.split())):
            wrong.append(f"U+{code:04X}")
    assert wrong == []


@SETTINGS
@given(text=TEXTS)
def test_titles_get_the_ids_they_always_had(text):
    folded = " ".join(text.split())
    try:
        expected = hashlib.sha1(folded.lower().encode("utf-8")).hexdigest()[:16]
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            paper_id_for(text)
        return
    assert paper_id_for(text) == folded_title_id(folded) == expected


@SETTINGS
@given(text=TEXTS)
def test_hashes_of_bytes_are_the_hashes_of_text(text):
    data = text.encode("utf-8", "surrogatepass")
    assert dedup.utf8_abstract_hash(data) == dedup.abstract_hash(text) == int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")
    paper = Paper(text, text + "\x00" + text, "a.txt:1", text or None, (text, "x"), text or None, paper_id="0")
    joined = "\x00".join((paper.title, paper.abstract, paper.external_id or "\x01", "\x1f".join(paper.categories), paper.update_date or "\x01"))
    expected = hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    assert inputindex.record_digest(paper) == expected  # index_file's digest of the bytes it encoded once: the whole-files test


DAYS = st.sampled_from(["Mon", "Tue", "Sun", "Xyz", "mon", ""])
MONTHS = st.sampled_from(["Jan", "Feb", "Apr", "Dec", "jan", "April", "Foo"])
NUMBER = st.one_of(st.integers(0, 99).map(str), st.integers(0, 99).map("{:02d}".format), st.sampled_from(["", "-1", "\u0661", "1.5"]))
YEAR = st.one_of(st.integers(0, 10_000).map(str), st.integers(0, 99).map("{:02d}".format), st.sampled_from(["0000", "0999", "\u0662\u0660\u0660\u0667"]))
ZONE = st.sampled_from(["GMT", "UT", "UTC", "+0200", "-0000", "EST", "gmt", "", "GMT "])


@SETTINGS
@given(day=DAYS, date=NUMBER, month=MONTHS, year=YEAR, hour=NUMBER, minute=NUMBER, second=NUMBER, zone=ZONE,
       comma=st.sampled_from([", ", " ", ","]), trail=st.sampled_from(["", " ", "\n"]))
@example(day="Mon", date="2", month="Apr", year="2007", hour="19", minute="18", second="42", zone="GMT", comma=", ", trail="")
@example(day="Thu", date="29", month="Feb", year="2001", hour="23", minute="59", second="59", zone="GMT", comma=", ", trail="")
@example(day="Thu", date="29", month="Feb", year="2000", hour="24", minute="00", second="00", zone="GMT", comma=", ", trail="")
@example(day="Thu", date="00", month="Feb", year="2000", hour="10", minute="60", second="00", zone="GMT", comma=", ", trail="")
def test_created_dates_are_read_as_the_email_parser_reads_them(day, date, month, year, hour, minute, second, zone, comma, trail):
    created = f"{day}{comma}{date} {month} {year} {hour}:{minute}:{second} {zone}{trail}"
    assert readers.created_date(created) == reference_created_date(created)


JSON_LINES = st.one_of(
    st.sampled_from(TRICKY_LINES + ["{}", "{}\n", "{}\r\n", "{} \n", "{}\n\n", '{"a": 1}x\n', '{"a": 1}{}\n', '{"a": }\n', "\ufeff{}\n"]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=5),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                 max_leaves=8).map(json.dumps).flatmap(lambda s: st.sampled_from([s, s + "\n", s[:-1] + "\n", " " + s, s + " x\n"])),
)


def _outcome(loads, line):
    try:
        return "value", repr(loads(line))
    except (ValueError, RecursionError) as err:
        return type(err).__name__, str(err)


def fast_loads(line):
    """What the JSON lines reader does: the fast path, else json.loads (one frame deeper, as json.loads below)."""
    record = readers.fast_json_object(line)
    return json.loads(line) if record is None else record


def plain_loads(line):
    return json.loads(line)


@SETTINGS
@given(line=JSON_LINES)
def test_json_lines_parse_as_json_loads_parses_them(line):
    assert _outcome(fast_loads, line) == _outcome(plain_loads, line)


def test_lines_nested_near_the_recursion_limit_parse_or_fail_as_with_json_loads():
    """The fast path has no more room in the stack than json.loads: a line it reads, json.loads reads too."""
    deepest = next(d for d in range(50, 5000, 50) if _outcome(plain_loads, '{"a": ' + "[" * d + "]" * d + "}")[0] != "value")
    outcomes = set()
    for depth in range(deepest - 60, deepest + 10):
        for line in ('{"a": ' + "[" * depth + "]" * depth + "}\n", '{"a": ' + '{"b": ' * depth + "1" + "}" * depth + "}\n",
                     "[" * depth + "]" * depth + "\n"):
            outcome = _outcome(fast_loads, line)
            assert outcome == _outcome(plain_loads, line), depth
            outcomes.add(outcome[0])
    assert outcomes == {"value", "RecursionError"}
