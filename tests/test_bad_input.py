"""Bad input, under both error policies: nothing lost, nothing broken.

Each case writes one input file into a folder and runs ``claimbench extract``
on the folder, once with ``--on-error fail`` and once with ``--on-error skip``:

- fail: a case with a bad record exits 2 with ``<file>:<line>: <reason>`` of
  its first bad record (``<file>: <reason>`` for a whole file), no traceback,
  no output; a case that is handled (a byte-order mark, CR line ends, an empty
  file) exits 0;
- skip: exits 0, the rejects file beside the output lists exactly the bad
  records (source, line, reason, excerpt), and the accounting holds:
  records read = papers + duplicates merged + records rejected, with records
  read equal to the records the case wrote.

The good records are sentences from the built-in corpus's abstracts.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimbench.cli.common import rejects_path_for
from claimbench.extract import readers
from claimbench.extract.readers import (
    EXCERPT_CHARS,
    MAX_ABSTRACT_CHARS,
    InputError,
    Reject,
    read_papers,
    read_records,
    screen,
)
from claimbench.run.pipeline import RunStats, read_and_merge

from conftest import run_main

ABSTRACT_1 = ("We showcase how this can be used to optimize term construction and give a 113x acceleration "
              "on general symbolic transformations.")
ABSTRACT_2 = ("Our system achieves up to 2.49x speedup over vLLM on an A100 GPU while using 40% less memory.")
ABSTRACT_3 = "The method reduces latency by 35% and reaches 50-73% of the theoretical maximum FLOPs/s."


def _json_line(**record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


GOOD_JSON = [_json_line(id=f"2401.0000{i}", title=f"A good title number {i}", abstract=a)
             for i, a in enumerate((ABSTRACT_1, ABSTRACT_2, ABSTRACT_3), start=1)]


def _dump(*blocks: str, header: str = "new\n\nGet trending papers in your email inbox!\n\nMar 11\n\n") -> str:
    """A daily-papers dump: the page header, then blocks separated by blank lines."""
    return header + "".join(b + "\n\n" for b in blocks)


def _csv(rows: list[list[str]], header=("id", "title", "abstract")) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _parquet(records: list[dict]) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(records), sink)
    return sink.getvalue()


def _truncated_gzip() -> bytes:
    lines = "".join(_json_line(id=str(i), title=f"Paper number {i}", abstract=f"{ABSTRACT_2} Run {i}.") for i in range(3000))
    data = gzip.compress(lines.encode("utf-8"), mtime=0)
    return data[: len(data) // 2]


def _garbage(n: int, seed: int, nul: bool = True) -> bytes:
    data = random.Random(seed).randbytes(n)
    return data if nul else data.replace(b"\x00", b"\x01")


@dataclass
class Case:
    """One bad (or awkward) input file and what reading it must give."""

    id: str
    name: str  # the file's name
    content: bytes | str | Callable[[], bytes] | None  # None: a folder of that name
    records: int | None  # records in the file (None: not known in advance, a truncated stream)
    papers: int | None  # papers in the output (None: as records - rejects - merged)
    rejects: list[tuple[int | None, str]] = field(default_factory=list)  # (line, fragment of the reason)
    merged: int = 0
    excerpt: str | None = None  # a fragment the first reject's excerpt must hold

    def data(self) -> bytes | None:
        content = self.content() if callable(self.content) else self.content
        return content.encode("utf-8") if isinstance(content, str) else content


FIVE_MB = "We measure a 2x speedup. " * (5_000_000 // 25)
MILLION = "x" * 1_000_000

CASES = [
    # --- encodings
    Case("latin1-jsonl", "latin1.jsonl", GOOD_JSON[0].encode() + _json_line(title="Café au lait", abstract=ABSTRACT_2).encode("latin-1")
         + GOOD_JSON[2].encode(), 3, 2, [(2, "not UTF-8 text: byte 0xE9 in the title")], excerpt='{"title": "Caf\ufffd au lait"'),
    Case("latin1-txt", "latin1.txt", _dump("First paper", ABSTRACT_1, "Second paper", "Résumé: " + ABSTRACT_2).encode("latin-1"),
         2, 1, [(11, "not UTF-8 text: byte 0xE9 in the abstract")], excerpt="Second paper\nR\ufffdsum\ufffd"),
    Case("latin1-csv", "latin1.csv", _csv([["1", "Naïve title", ABSTRACT_1], ["2", "Plain title", ABSTRACT_2]]).encode("latin-1"),
         2, 1, [(2, "not UTF-8 text: byte 0xEF in the title")]),
    Case("utf16-bom-jsonl", "utf16.jsonl", "".join(GOOD_JSON).encode("utf-16"), 3, 3),
    Case("utf16be-bom-txt", "utf16be.txt", codecs.BOM_UTF16_BE + _dump("First paper", ABSTRACT_1, "Second paper", ABSTRACT_2).encode("utf-16-be"), 2, 2),
    Case("utf16-bom-csv", "utf16.csv", _csv([["1", "Titre déjà vu", ABSTRACT_1]]).encode("utf-16"), 1, 1),
    Case("utf32-bom-jsonl", "utf32.jsonl", "".join(GOOD_JSON).encode("utf-32"), 3, 3),
    Case("utf8-bom-jsonl", "bom.jsonl", codecs.BOM_UTF8 + "".join(GOOD_JSON).encode(), 3, 3),
    Case("utf8-bom-csv", "bom.csv", codecs.BOM_UTF8 + _csv([["1", "T one", ABSTRACT_1], ["2", "T two", ABSTRACT_2]]).encode(), 2, 2),
    Case("utf8-bom-txt", "bom.txt", codecs.BOM_UTF8 + _dump("First paper", ABSTRACT_1).encode(), 1, 1),
    Case("utf16-without-bom", "nobom.jsonl", "".join(GOOD_JSON).encode("utf-16-le"), 1, 0, [(None, "NUL bytes in the first 4 KB")]),
    Case("cr-line-ends-txt", "cr.txt", _dump("First paper", ABSTRACT_1, "Second paper", ABSTRACT_2).replace("\n", "\r"), 2, 2),
    Case("crlf-csv", "crlf.csv", _csv([["1", "T one", ABSTRACT_1]]).replace("\n", "\r\n"), 1, 1),
    # --- files that cannot be read at all
    Case("folder-named-as-a-file", "folder.jsonl", None, 1, 0, [(None, "is a folder, not a file")]),
    Case("binary-jsonl", "garbage.jsonl", lambda: _garbage(20_000, 1), 1, 0, [(None, "binary data")]),
    Case("binary-txt-without-nul", "garbage.txt", lambda: b"Mar 11\n\nA title\n\n" + _garbage(3000, 2, nul=False).replace(b"\n", b" ").replace(b"\r", b" ")
         + b"\n\nT\n\n" + ABSTRACT_1.encode() + b"\n", 2, 1, [(3, "abstract")]),
    Case("binary-parquet", "garbage.parquet", lambda: _garbage(5000, 3), 1, 0, [(None, "not a readable Parquet file")]),
    Case("binary-gz", "garbage.csv.gz", lambda: _garbage(5000, 4), 1, 0, [(None, "not a valid gzip file")]),
    Case("truncated-gzip", "cut.jsonl.gz", _truncated_gzip, None, None, [(-1, "the gzip stream is truncated")]),
    Case("parquet-without-abstract", "noabs.parquet", lambda: _parquet([{"title": "T"}]), 1, 0,
         [(None, "must have the columns title and abstract")]),
    Case("empty-file", "empty.jsonl", b"", 0, 0),
    # --- malformed JSON lines
    Case("malformed-json", "bad.jsonl", GOOD_JSON[0] + '{"title": "T", "abstract": \n' + "[1, 2]\n" + "null\n" + GOOD_JSON[1]
         + "[" * 100_000 + "\n" + '{"id": ' + "9" * 5000 + ', "title": "T", "abstract": "A"}\n', 7, 2,
         [(2, "malformed JSON (Expecting value"), (3, "a line must hold one JSON object"), (4, "a line must hold one JSON object"),
          (6, "malformed JSON (nested too deeply)"), (7, "malformed JSON (Exceeds the limit")]),
    Case("pretty-printed-json", "array.json", json.dumps([{"title": "T", "abstract": ABSTRACT_1}], indent=1), 1, 0,
         [(1, "not JSON lines")]),
    Case("lone-surrogate-escape", "surrogate.jsonl", '{"title": "T \\ud800", "abstract": "A"}\n' + GOOD_JSON[0], 2, 1,
         [(1, "title holds a lone surrogate U+D800")]),
    Case("control-characters", "ctl.jsonl", _json_line(title="Bell\x07title", abstract=ABSTRACT_1) + GOOD_JSON[1]
         + _json_line(title="NUL title", abstract="A\x00B"), 3, 1,
         [(1, "title holds the control character U+0007"), (3, "abstract holds a NUL character")]),
    Case("nul-after-4kb-txt", "nul.txt", _dump(*[x for i in range(40) for x in (f"Paper {i}", ABSTRACT_1)], "Paper NUL", "A\x00" + ABSTRACT_2),
         41, 40, [(167, "abstract holds a NUL character")]),
    Case("bad-categories", "cats.jsonl", _json_line(title="T", abstract=ABSTRACT_1, categories=5) + GOOD_JSON[1], 2, 1,
         [(1, "categories must be a string or a list")]),
    # --- malformed CSV records
    Case("malformed-csv", "bad.csv", "id,title,abstract\n1,T one,A one\n2,T two,A, with an unquoted comma\n3,T three\n"
         '4,"T "four",A\n5,T five,"A five\nover two lines"\n6,T six,"unterminated\n', 6, 2,
         [(3, "4 fields, the header has 3 (an unquoted comma?)"), (4, "2 fields, the header has 3"), (5, "malformed CSV (',' expected after '\"')"),
          (8, "malformed CSV (unexpected end of data")]),
    Case("csv-without-abstract-column", "nocol.csv", "id,title,summary\n1,T,A\n", 1, 0,
         [(1, "CSV header must name the columns title and abstract")]),
    Case("csv-million-char-field", "wide.csv", _csv([["1", "Wide", MILLION], ["2", "Narrow", ABSTRACT_1]]), 2, 1,
         [(2, "field larger than field limit")]),
    # --- missing or empty titles and abstracts
    Case("missing-fields-jsonl", "missing.jsonl", _json_line(abstract=ABSTRACT_1) + _json_line(title="", abstract=ABSTRACT_1)
         + _json_line(title="  ", abstract=ABSTRACT_1) + _json_line(title=None, abstract=ABSTRACT_1) + _json_line(title=5, abstract=ABSTRACT_1)
         + _json_line(title="Has no abstract") + _json_line(title="Empty abstract", abstract=" \t ") + GOOD_JSON[2], 8, 1,
         [(1, "record has no title"), (2, "record has no title"), (3, "record has no title"), (4, "record has no title"),
          (5, "record's title is not text (got int)"), (6, "record has no abstract"), (7, "record has no abstract")]),
    Case("missing-fields-csv", "missing.csv", _csv([["1", "", ABSTRACT_1], ["2", "No abstract", ""], ["3", "Good", ABSTRACT_2]]), 3, 1,
         [(2, "record has no title"), (3, "record has no abstract")]),
    Case("missing-fields-parquet", "missing.parquet", lambda: _parquet([{"title": None, "abstract": ABSTRACT_1}, {"title": "Good", "abstract": ABSTRACT_2},
                                                                       {"title": "No abstract", "abstract": ""}]), 3, 1,
         [(1, "record has no title"), (3, "record has no abstract")]),
    Case("dump-last-title-without-abstract", "tail.txt", _dump("First paper", ABSTRACT_1, "Orphan title"), 2, 1,
         [(11, "title without an abstract: 'Orphan title'")]),
    Case("dump-abstract-missing-in-the-middle", "gap.txt", _dump("First paper", ABSTRACT_1, "Lost its abstract", "Third paper", ABSTRACT_3 * 5,
                                                                 "Fourth paper", ABSTRACT_2 * 5), 4, 3,
         [(11, "title without an abstract: 'Lost its abstract' is followed by another title")]),
    Case("dump-title-missing-in-the-middle", "gap2.txt", _dump("First paper", ABSTRACT_1 * 5, ABSTRACT_2 * 5, "Third paper", ABSTRACT_3 * 5), 3, 2,
         [(11, "an abstract without a title")]),
    # --- duplicate ids with different text
    Case("same-id-different-titles", "dupid.jsonl", _json_line(id="2401.00001", title="Version one title", abstract=ABSTRACT_1)
         + _json_line(id="2401.00001", title="A revised title", abstract=ABSTRACT_1), 2, 2),
    Case("same-id-same-title-different-abstracts", "dupabs.jsonl", _json_line(id="2401.00001", title="Same title", abstract=ABSTRACT_1)
         + _json_line(id="2401.00001", title="Same title", abstract=ABSTRACT_1 + " v2"), 2, 1, merged=1),
    # --- sizes
    Case("five-mb-abstract-jsonl", "big.jsonl", GOOD_JSON[0] + _json_line(title="Huge", abstract=FIVE_MB), 2, 1,
         [(2, f"abstract is {len(FIVE_MB) - 1:,} characters long (at most {MAX_ABSTRACT_CHARS:,})")]),
    Case("five-mb-abstract-txt", "big.txt", _dump("Huge", FIVE_MB, "Small", ABSTRACT_1), 2, 1,
         [(7, "abstract is 4,999,999 characters long")]),
    Case("million-char-title-jsonl", "longtitle.jsonl", _json_line(title=MILLION, abstract=ABSTRACT_1) + GOOD_JSON[1], 2, 1,
         [(1, "title is 1,000,000 characters long")]),
    Case("million-char-line-txt", "longline.txt", _dump("First paper", ABSTRACT_1, MILLION, "Next paper", ABSTRACT_2), 3, 2,
         [(11, "an abstract without a title (1,000,000 characters")]),
    Case("million-char-json-line", "longjson.jsonl", '{"title": "T", "abstract": "' + "y" * 1_000_000 + '"' + "\n" + GOOD_JSON[0], 2, 1,
         [(1, "malformed JSON (Expecting ',' delimiter")]),
]


def _write_case(folder: Path, case: Case) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / case.name
    data = case.data()
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    return path


def _figures(stdout: str) -> dict[str, int]:
    figures = {}
    for line in stdout.splitlines():
        key, _, value = line.partition(":")
        if value.strip().isdigit():
            figures[key.strip()] = int(value)
    return figures


def _expected_lines(case: Case, papers: int) -> list[int | None]:
    return [papers + 1 if line == -1 else line for line, _ in case.rejects]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fail_policy(tmp_path, case):
    path = _write_case(tmp_path / "in", case)
    out = tmp_path / "out" / "claims.parquet"
    code, stdout, stderr = run_main("extract", tmp_path / "in", "-o", out, "--on-error", "fail", "--workers", 1, "--quiet")
    assert "Traceback" not in stderr
    if not case.rejects:
        assert code == 0, stderr
        assert out.exists()
        return
    assert code == 2, stdout + stderr
    line, fragment = case.rejects[0]
    where = str(path) if line is None else f"{path}:"
    assert f"claimbench: bad input: {where}" in stderr
    if line not in (None, -1):
        assert f"{path}:{line}: " in stderr
    assert fragment in stderr
    assert not out.exists() and not rejects_path_for(out).exists()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_skip_policy(tmp_path, case):
    _write_case(tmp_path / "in", case)
    out = tmp_path / "out" / "claims.parquet"
    code, stdout, stderr = run_main("extract", tmp_path / "in", "-o", out, "--on-error", "skip", "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    assert "Traceback" not in stderr
    assert out.exists()
    figures = _figures(stdout)
    rejects = [json.loads(line) for line in rejects_path_for(out).read_text(encoding="utf-8").splitlines()]

    # the accounting: every record read is a paper of the output, a merged duplicate or a reject
    assert figures["records read"] == figures["papers"] + figures["duplicates merged"] + figures["records rejected"]
    assert (f"accounting:         {figures['records read']} records read = {figures['papers']} papers + "
            f"{figures['duplicates merged']} duplicates merged + {figures['records rejected']} rejected") in stdout
    assert figures["records rejected"] == len(rejects) == len(case.rejects)
    assert figures["duplicates merged"] == case.merged
    if case.records is not None:
        assert figures["records read"] == case.records
    if case.papers is not None:
        assert figures["papers"] == case.papers
    else:
        assert figures["papers"] > 0  # the part of a truncated stream before the cut is kept

    # the rejects file: one line per rejected record, in file order
    lines = _expected_lines(case, figures["papers"] + figures["duplicates merged"])
    for reject, line, (_, fragment) in zip(rejects, lines, case.rejects):
        assert set(reject) == {"source", "line", "reason", "excerpt"}
        assert reject["line"] == line
        assert reject["source"] == (case.name if line is None else f"{case.name}:{line}")
        assert fragment in reject["reason"]
        assert len(reject["excerpt"]) <= EXCERPT_CHARS
        if line is not None and "folder" not in reject["reason"] and "truncated" not in reject["reason"]:
            assert reject["excerpt"], "a rejected record keeps its first characters"
    if case.excerpt is not None:
        assert rejects[0]["excerpt"].startswith(case.excerpt)


def test_rejects_file_is_valid_utf8_json(tmp_path):
    """Undecodable bytes and control characters survive into the rejects file as valid JSON text."""
    for case_id in ("latin1-jsonl", "nul-after-4kb-txt"):
        _write_case(tmp_path / "in", next(c for c in CASES if c.id == case_id))
    out = tmp_path / "claims.parquet"
    code, _, _ = run_main("extract", tmp_path / "in", "-o", out, "--on-error", "skip", "--workers", 1, "--quiet")
    assert code == 0
    text = rejects_path_for(out).read_bytes().decode("utf-8")  # strict
    rejects = [json.loads(line) for line in text.splitlines()]
    assert [r["source"] for r in rejects] == ["latin1.jsonl:2", "nul.txt:167"]
    assert "\ufffd" in rejects[0]["excerpt"] and rejects[1]["excerpt"].startswith("Paper NUL\nA\x00Our system")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "in" / "locked.jsonl"
    path.parent.mkdir()
    path.write_text("".join(GOOD_JSON), encoding="utf-8")
    (tmp_path / "in" / "open.jsonl").write_text(GOOD_JSON[0], encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: make the reader's open() refuse this file as the OS would
            real_open = open

            def refusing_open(file, *args, **kwargs):
                if Path(file) == path:
                    raise PermissionError(13, "Permission denied", str(file))
                return real_open(file, *args, **kwargs)

            monkeypatch.setattr(readers, "open", refusing_open, raising=False)
        code, _, stderr = run_main("extract", tmp_path / "in", "-o", tmp_path / "c.parquet", "--workers", 1, "--quiet")
        assert code == 2 and f"claimbench: bad input: {path}: cannot open the file: Permission denied" in stderr
        out = tmp_path / "c.parquet"
        code, stdout, _ = run_main("extract", tmp_path / "in", "-o", out, "--on-error", "skip", "--workers", 1, "--quiet")
        assert code == 0
        assert [json.loads(x) for x in rejects_path_for(out).read_text(encoding="utf-8").splitlines()] == [
            {"source": "locked.jsonl", "line": None, "reason": "cannot open the file: Permission denied", "excerpt": ""}
        ]
        figures = _figures(stdout)
        assert (figures["records read"], figures["papers"], figures["records rejected"]) == (2, 1, 1)
    finally:
        path.chmod(0o644)


def test_folder_given_where_a_file_is_read(tmp_path):
    folder = tmp_path / "papers.jsonl"
    folder.mkdir()
    assert [r.to_dict() for r in read_records(folder)] == [
        {"source": "papers.jsonl", "line": None, "reason": "is a folder, not a file", "excerpt": ""}
    ]
    with pytest.raises(InputError, match="papers.jsonl: is a folder, not a file"):
        list(read_papers(folder))


@pytest.mark.parametrize("policy", ["fail", "skip"])
def test_command_line_mistakes_fail_under_both_policies(tmp_path, policy):
    """A path that does not exist, or a folder without inputs, is a mistake in the command, not a bad record."""
    (tmp_path / "empty").mkdir()
    for target, reason in ((tmp_path / "absent.jsonl", "no such file or folder"), (tmp_path / "empty", "folder holds no input files")):
        code, _, stderr = run_main("extract", target, "-o", tmp_path / "c.parquet", "--on-error", policy, "--quiet")
        assert code == 2 and f"{target}: {reason}" in stderr


def test_stale_rejects_file_is_removed_by_a_clean_run(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD_JSON[0] + "{bad\n", encoding="utf-8")
    out = tmp_path / "claims.parquet"
    assert run_main("extract", source, "-o", out, "--on-error", "skip", "--workers", 1, "--quiet")[0] == 0
    assert rejects_path_for(out).read_text(encoding="utf-8").count("\n") == 1
    source.write_text(GOOD_JSON[0], encoding="utf-8")
    assert run_main("extract", source, "-o", out, "--workers", 1, "--quiet")[0] == 0
    assert not rejects_path_for(out).exists()
    assert run_main("extract", source, "-o", out, "--on-error", "skip", "--workers", 1, "--quiet")[0] == 0
    assert rejects_path_for(out).read_text(encoding="utf-8") == ""


# --- the reader API: readers yield rejects, one place applies the policy ----------------------------------------


def test_readers_yield_rejects_in_file_order_and_never_raise(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(GOOD_JSON[0] + "{bad\n" + GOOD_JSON[1] + '{"title": "T"}\n', encoding="utf-8")
    items = list(read_records(path))
    assert [type(i).__name__ for i in items] == ["Paper", "Reject", "Paper", "Reject"]
    assert [i.source for i in items] == ["mixed.jsonl:1", "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4"]


def test_screen_applies_the_policy(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(GOOD_JSON[0] + "{bad\n" + GOOD_JSON[1] + '{"title": "T"}\n', encoding="utf-8")
    rejects: list[Reject] = []
    assert [p.source for p in screen(read_records(path), "skip", rejects)] == ["mixed.jsonl:1", "mixed.jsonl:3"]
    assert [(r.line, r.reason) for r in rejects] == [(2, "malformed JSON (Expecting property name enclosed in double quotes, column 2)"),
                                                      (4, "record has no abstract")]
    with pytest.raises(InputError) as err:
        list(screen(read_records(path), "fail", []))
    assert str(err.value) == f"{path}:2: malformed JSON (Expecting property name enclosed in double quotes, column 2)"
    with pytest.raises(ValueError, match="on_error"):
        list(screen([], "ignore", []))  # type: ignore[arg-type]


def test_read_and_merge_accounting(tmp_path):
    folder = tmp_path / "in"
    for case in CASES:
        if case.id in ("malformed-json", "missing-fields-jsonl", "dump-abstract-missing-in-the-middle", "same-id-same-title-different-abstracts",
                       "binary-parquet", "utf16-bom-jsonl"):
            _write_case(folder, case)
    stats = RunStats()
    files, merged = read_and_merge([folder], stats, on_error="skip")
    assert len(files) == 6
    assert stats.records_read == 7 + 8 + 4 + 2 + 1 + 3
    assert stats.records_read == stats.papers + stats.duplicates_merged + stats.rejected
    assert stats.papers == len(merged) and stats.rejected == len(stats.rejects) == 5 + 7 + 1 + 1
    with pytest.raises(InputError):
        read_and_merge([folder], RunStats())


def test_duplicate_external_ids_stay_separate_papers(tmp_path):
    """Identity is the title: the same id with another title is another paper (both keep the id); the same title is merged."""
    case = next(c for c in CASES if c.id == "same-id-different-titles")
    stats = RunStats()
    _, merged = read_and_merge([_write_case(tmp_path, case)], stats)
    assert sorted((m.paper.title, m.paper.external_id) for m in merged) == [("A revised title", "2401.00001"),
                                                                            ("Version one title", "2401.00001")]


def test_builtin_corpus_reads_without_rejects():
    from claimbench.corpus import seed_dir

    stats = RunStats()
    read_and_merge([seed_dir()], stats, on_error="skip")
    assert stats.rejected == 0 and stats.records_read == stats.papers + stats.duplicates_merged


# --- build ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build_inputs")
    (folder / "good.jsonl").write_text("".join(GOOD_JSON), encoding="utf-8")
    (folder / "bad.jsonl").write_bytes(b'{"title": "T", "abstract": \n' + _json_line(title="Caf\xe9", abstract=ABSTRACT_1).encode("latin-1"))
    (folder / "cut.jsonl.gz").write_bytes(b"not gzip")
    return folder


def test_build_fail_policy(tmp_path, build_inputs):
    code, _, stderr = run_main("build", build_inputs, "--releases-dir", tmp_path / "rel", "--workers", 1, "--quiet")
    assert code == 2 and f"{build_inputs / 'bad.jsonl'}:1: malformed JSON" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "rel").exists()


def test_build_skip_policy_writes_rejects_into_the_release(tmp_path, build_inputs):
    code, stdout, stderr = run_main("build", build_inputs, "--releases-dir", tmp_path / "rel", "--on-error", "skip",
                                "--workers", 1, "--quiet", "--date", "2025-01-31")
    assert code == 0, stdout + stderr
    release = tmp_path / "rel" / "v0.1.0"
    rejects = [json.loads(line) for line in (release / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["line"]) for r in rejects] == [("bad.jsonl:1", 1), ("bad.jsonl:2", 2), ("cut.jsonl.gz", None)]
    assert "not UTF-8 text: byte 0xE9" in rejects[1]["reason"] and rejects[1]["excerpt"].startswith('{"title": "Caf\ufffd"')
    figures = _figures(stdout)
    assert (figures["records read"], figures["papers"], figures["records rejected"]) == (6, 3, 3)
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    assert "rejects.jsonl" in manifest["files"]
    assert "3 input records rejected" in (release / "README.md").read_text(encoding="utf-8")
    code, stdout, stderr = run_main("verify", release)
    assert code == 0, stdout + stderr


# --- a paper whose extraction raises -----------------------------------------------------------------------------

# A real paper of the built-in corpus (read from two of its dumps, so the failure is that of a merged paper).
FAILING_TITLE = "InfinityMATH: A Scalable Instruction Tuning Dataset in Programmatic Mathematical Reasoning"


@pytest.fixture
def failing_extractor(monkeypatch):
    """The real extractor, except that it raises for FAILING_TITLE."""
    from claimbench.run import extract as extract_step

    real = extract_step.extract_claims

    def extract(paper):
        if paper.title == FAILING_TITLE:
            raise ZeroDivisionError("float division by zero")
        return real(paper)

    monkeypatch.setattr(extract_step, "extract_claims", extract)


def _kept_source() -> tuple[Path, int]:
    """The file and line of FAILING_TITLE's kept copy (the one whose abstract the merge keeps)."""
    from claimbench.corpus import seed_dir
    from claimbench.run.pipeline import RunStats, read_and_merge

    [merged] = [m for m in read_and_merge([seed_dir()], RunStats())[1] if m.paper.title == FAILING_TITLE]
    name, line = merged.paper.source.rsplit(":", 1)
    assert len(merged.sources) > 1
    return seed_dir() / name, int(line)


def test_extraction_failure_is_rejected_and_the_run_goes_on(tmp_path, failing_extractor):
    from claimbench.corpus import seed_dir

    out = tmp_path / "out" / "claims.parquet"
    code, stdout, stderr = run_main("extract", seed_dir(), "-o", out, "--on-error", "skip", "--workers", 1, "--quiet", "--no-cache")
    assert code == 0, stdout + stderr
    figures = _figures(stdout)
    assert figures["records rejected"] == figures["extraction failed"] == 1
    assert figures["papers"] == 262
    assert figures["records read"] == figures["papers"] + figures["duplicates merged"] + figures["records rejected"]
    path, line = _kept_source()
    [reject] = [json.loads(line) for line in rejects_path_for(out).read_text(encoding="utf-8").splitlines()]
    assert reject["source"] == f"{path.name}:{line}" and reject["line"] == line
    assert reject["reason"] == "extraction failed: ZeroDivisionError: float division by zero"
    assert reject["excerpt"].startswith(FAILING_TITLE)
    papers = pq.read_table(out.with_name("claims.papers.parquet"))
    assert FAILING_TITLE not in papers["title"].to_pylist() and papers.num_rows == 262
    assert FAILING_TITLE not in pq.read_table(out)["title"].to_pylist()


def test_extraction_failure_in_a_build_goes_to_the_release_rejects(tmp_path, failing_extractor):
    code, stdout, stderr = run_main("build", "--releases-dir", tmp_path / "rel", "--on-error", "skip", "--workers", 1,
                                    "--quiet", "--no-cache", "--date", "2025-01-31")
    assert code == 0, stdout + stderr
    release = tmp_path / "rel" / "v0.1.0"
    [reject] = [json.loads(line) for line in (release / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["reason"].startswith("extraction failed: ZeroDivisionError")
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["row_counts"]["papers"] == 262
    assert run_main("verify", release)[0] == 0


def test_extraction_failure_with_fail_policy_stops_with_its_message(tmp_path, failing_extractor):
    from claimbench.corpus import seed_dir

    out = tmp_path / "out" / "claims.parquet"
    code, stdout, stderr = run_main("extract", seed_dir(), "-o", out, "--workers", 1, "--quiet", "--no-cache")
    path, line = _kept_source()
    assert code == 2
    assert f"claimbench: {path}:{line}: extraction failed: ZeroDivisionError: float division by zero" in stderr
    assert "Traceback" not in stderr
    assert not out.exists() and not out.with_name("claims.papers.parquet").exists()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".tmp-")] == []


def test_a_file_read_to_its_end_is_indexed_for_reuse_one_cut_short_is_not(tmp_path):
    """The input index keeps a file's rejects only when they follow from its bytes: a bad record does; a
    read that stopped part-way (a truncated gzip stream) may not, so that file is read again next time."""
    from claimbench.cache.inputs import index_file

    bad_record = tmp_path / "bad.jsonl"
    bad_record.write_text('{"title": "A", "abstract": "x"}\n{"abstract": "no title"}\n', encoding="utf-8")
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(_truncated_gzip())
    kept, stopped = index_file(bad_record), index_file(cut)
    assert [r.rest_unread for r in kept.rejects] == [False] and kept.cacheable
    assert [r.rest_unread for r in stopped.rejects] == [True] and not stopped.cacheable
