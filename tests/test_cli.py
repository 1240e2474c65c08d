"""The ``claimbench`` command line on real data: the built-in corpus (corpus/seeds) and the committed releases.

Commands run in-process through ``claimbench.cli.main``; one test runs the
installed console script in a subprocess. The release built from the seeds is
shared by the session (see conftest.py); tests that write releases of their
own do so in their own temporary folders.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from test_release import _load_offline  # the offline datasets.load_dataset helper, reused

from claimbench.corpus import seed_dir, seed_files
from claimbench.extract.readers import read_papers
from claimbench.release.layout import num_rows, read_table
from claimbench.schemas import CLAIMS_SCHEMA

from conftest import COMMITTED_RELEASES, SEED_DATE, build_release, run_main, snapshot

N_FORMAT_PAPERS = 20


def _key_rows(table: pa.Table) -> list[tuple]:
    return sorted(zip(*(table[c].to_pylist() for c in ("paper_id", "mention", "value"))))


# --- extract -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_extract(tmp_path_factory) -> tuple[pa.Table, str]:
    """``claimbench extract corpus/seeds -o claims.parquet``: (the table written, stdout)."""
    out = tmp_path_factory.mktemp("extract") / "claims.parquet"
    code, stdout, stderr = run_main("extract", seed_dir(), "-o", out, "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    return pq.read_table(out), stdout


def test_extract_seeds_writes_claims_schema(seed_extract):
    claims, stdout = seed_extract
    assert claims.schema.equals(CLAIMS_SCHEMA, check_metadata=True)
    assert claims.num_rows > 0
    assert f"wrote {claims.num_rows} claims to" in stdout


def test_extract_seeds_claim_ids_are_unique(seed_extract):
    claims, _ = seed_extract
    ids = claims["claim_id"].to_pylist()
    assert len(set(ids)) == len(ids)


def test_extract_seeds_mentions_are_abstract_slices(seed_extract, seed_release):
    claims, _ = seed_extract
    abstracts = dict(zip(*(read_table(seed_release, "papers")[c].to_pylist()
                           for c in ("paper_id", "abstract"))))
    wrong = [
        (row["claim_id"], row["mention"])
        for row in claims.select(["claim_id", "paper_id", "mention", "mention_start", "mention_end"]).to_pylist()
        if abstracts[row["paper_id"]][row["mention_start"]:row["mention_end"]] != row["mention"]
    ]
    assert wrong == []


def test_extract_and_build_give_the_same_claims(seed_extract, seed_release):
    claims, _ = seed_extract
    assert claims.equals(read_table(seed_release, "claims"))


# --- input formats -------------------------------------------------------------------------------


def _records(papers) -> list[dict]:
    return [{"id": f"seed-{i}", "title": p.title, "abstract": p.abstract} for i, p in enumerate(papers)]


def _write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def _write_jsonl_gz(path: Path, records: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _write_csv(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "abstract"])
        writer.writeheader()
        writer.writerows(records)


def _write_parquet(path: Path, records: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(records), path)


FORMATS = [
    ("papers.jsonl", _write_jsonl),
    ("papers.jsonl.gz", _write_jsonl_gz),
    ("papers.csv", _write_csv),
    ("papers.parquet", _write_parquet),
]


@pytest.fixture(scope="module")
def dump_claims(tmp_path_factory):
    """The first papers of the first seed dump, and the claims ``extract`` finds for them in the .txt dump."""
    dump = seed_files()[0]
    papers = list(read_papers(dump))[:N_FORMAT_PAPERS]
    out = tmp_path_factory.mktemp("dump") / "claims.parquet"
    code, stdout, stderr = run_main("extract", dump, "-o", out, "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    claims = pq.read_table(out)
    wanted = pa.array(sorted({p.paper_id for p in papers}))
    expected = _key_rows(claims.filter(pc.is_in(claims["paper_id"], value_set=wanted)))
    assert expected, "the first seed papers should hold claims"
    return papers, expected


@pytest.mark.parametrize("name, write", FORMATS, ids=[name for name, _ in FORMATS])
def test_other_formats_give_the_dump_claims(tmp_path, dump_claims, name, write):
    papers, expected = dump_claims
    source = tmp_path / name
    write(source, _records(papers))
    out = tmp_path / "claims.parquet"
    code, stdout, stderr = run_main("extract", source, "-o", out, "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    assert re.search(rf"^papers:\s+{len(papers)}$", stdout, re.MULTILINE), stdout
    assert _key_rows(pq.read_table(out)) == expected


# --- bad input -----------------------------------------------------------------------------------

GOOD_LINE = json.dumps({"id": "1", "title": "A title", "abstract": "We get a 2x speedup."})

# (case, file name, content or None for a missing file, command, what stderr must name besides the file)
BAD_INPUTS = [
    ("extract-missing-file", "absent.jsonl", None, "extract", "no such file or folder"),
    ("build-missing-file", "absent.txt", None, "build", "no such file or folder"),
    ("extract-malformed-jsonl", "bad.jsonl", f'{GOOD_LINE}\n{{"title": "T", "abstract": \n{GOOD_LINE}\n', "extract",
     ":2: malformed JSON"),
    ("build-malformed-jsonl", "bad.jsonl", f"{GOOD_LINE}\n{GOOD_LINE}\n[1, 2\n", "build", ":3: malformed JSON"),
]


@pytest.mark.parametrize("case, name, content, command, names", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_exits_2_naming_the_file(tmp_path, case, name, content, command, names):
    source = tmp_path / name
    if content is not None:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    args = ["-o", out / "claims.parquet"] if command == "extract" else ["--releases-dir", out]
    code, stdout, stderr = run_main(command, source, *args, "--workers", 1, "--quiet")
    assert code == 2
    assert str(source) in stderr and names in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def _console_script() -> Path:
    for candidate in (Path(sys.executable).with_name("claimbench"), shutil.which("claimbench")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    pytest.fail("the claimbench console script is not installed beside the interpreter nor on PATH")


def test_console_script_reports_malformed_jsonl_without_traceback(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text(f'{GOOD_LINE}\n{GOOD_LINE}\n{{"title": "T"\n', encoding="utf-8")
    done = subprocess.run([str(_console_script()), "extract", str(source), "-o", str(tmp_path / "c.parquet"), "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"{source}:3: malformed JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "c.parquet").exists()


# --- build, verify, validate ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["verify", "validate"])
def test_built_release_passes(cli, seed_release, command):
    code, stdout, stderr = cli(command, seed_release)
    assert code == 0, stdout + stderr


def test_built_release_manifest(seed_release):
    manifest = json.loads((seed_release / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["version"] == "1.0.0" and manifest["date"] == SEED_DATE
    assert [i["path"] for i in manifest["inputs"]] == [f"corpus/seeds/{p.name}" for p in seed_files()]
    assert manifest["row_counts"]["claims"] == num_rows(seed_release, "claims")


def test_built_release_holds_its_report(seed_release):
    """The HTML report is part of the release and listed in its manifest (the screenshot too, when Chromium is here)."""
    manifest = json.loads((seed_release / "MANIFEST.json").read_text(encoding="utf-8"))
    page = (seed_release / "report" / "index.html").read_text(encoding="utf-8")
    assert "report/index.html" in manifest["files"] and "<svg" in page
    from claimbench.analysis.report import find_chromium

    if find_chromium() is not None:
        assert "report/screenshot.png" in manifest["files"]
    code, stdout, stderr = run_main("verify", seed_release)
    assert code == 0, stdout + stderr


def test_build_same_version_again_is_refused_and_changes_nothing(seed_release):
    before = snapshot(seed_release.parent)
    code, stdout, stderr = build_release(seed_release.parent, "--version", "1.0.0", "--date", SEED_DATE)
    assert code != 0
    assert str(seed_release) in stderr and "already exists" in stderr
    assert snapshot(seed_release.parent) == before


def test_build_without_version_on_unchanged_data_writes_nothing(seed_release):
    before = snapshot(seed_release.parent)
    code, stdout, stderr = build_release(seed_release.parent)
    assert code == 0, stdout + stderr
    assert "up to date" in stdout and "wrote release" not in stdout
    assert snapshot(seed_release.parent) == before
    assert sorted(p.name for p in seed_release.parent.iterdir()) == ["CHANGELOG.md", "v1.0.0"]


def test_same_version_and_date_give_byte_identical_release(tmp_path, seed_release):
    code, stdout, stderr = build_release(tmp_path, "--version", "1.0.0", "--date", SEED_DATE)
    assert code == 0, stdout + stderr
    first, second = snapshot(seed_release), snapshot(tmp_path / "v1.0.0")
    assert {"data/claims-00000-of-00001.parquet", "data/papers-00000-of-00001.parquet", "README.md", "MANIFEST.json"} <= set(first)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_build_from_other_input_picks_next_minor(tmp_path, seed_release):
    releases = tmp_path / "releases"
    shutil.copytree(seed_release.parent, releases)
    half = seed_files()[: len(seed_files()) // 2]
    code, stdout, stderr = run_main("build", *half, "--releases-dir", releases, "--workers", 1, "--quiet")
    assert code == 0, stdout + stderr
    assert f"wrote release v1.1.0 to {releases / 'v1.1.0'}" in stdout
    assert sorted(p.name for p in releases.iterdir()) == ["CHANGELOG.md", "v1.0.0", "v1.1.0"]
    changelog = (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("v1.1.0") < changelog.index("v1.0.0")  # rewritten by the build, newest first
    assert json.loads((releases / "v1.1.0" / "MANIFEST.json").read_text(encoding="utf-8"))["version"] == "1.1.0"
    assert snapshot(releases / "v1.0.0") == snapshot(seed_release)


# --- committed releases --------------------------------------------------------------------------


@pytest.mark.parametrize("release", COMMITTED_RELEASES, ids=[r.name for r in COMMITTED_RELEASES])
def test_committed_release_loads_offline_with_datasets(tmp_path, release):
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    loaded = _load_offline(release, tmp_path / "cache", ["claims", "papers"])
    assert {name: len(rows) for name, rows in loaded.items()} == {
        name: manifest["row_counts"][name] for name in ("claims", "papers")}
    assert [r["claim_id"] for r in loaded["claims"]] == read_table(release, "claims")["claim_id"].to_pylist()


@pytest.mark.parametrize("release", COMMITTED_RELEASES, ids=[r.name for r in COMMITTED_RELEASES])
def test_committed_release_verifies(cli, release):
    code, stdout, stderr = cli("verify", release)
    assert code == 0, stdout + stderr
    assert stdout.strip() == f"{release}: OK (checksums, schema, row counts, expectation suite)"


def test_there_is_a_committed_release():
    assert COMMITTED_RELEASES, "releases/ should hold at least one release"


def test_validate_a_claims_file_from_extract(tmp_path):
    """extract writes the papers table beside the claims, so validate can check every offset."""
    path = tmp_path / "claims.parquet"
    assert run_main("extract", seed_files()[0], "-o", path, "--workers", 1, "--quiet")[0] == 0
    assert (tmp_path / "claims.papers.parquet").is_file()
    code, out, _ = run_main("validate", path)
    assert code == 0, out
    assert "validation passed" in out


@pytest.mark.parametrize(
    "args,names",
    [
        (["evaluate", "no-such-gold.jsonl"], "no-such-gold.jsonl"),
        (["evaluate", "corpus/gold/dev.jsonl", "--predictions", "no-such.parquet"], "no-such.parquet"),
        (["validate", "no-such.parquet"], "no-such.parquet"),
    ],
    ids=["missing-gold", "missing-predictions", "missing-claims"],
)
def test_missing_paths_exit_2_naming_them(args, names):
    code, _, err = run_main(*args)
    assert code == 2 and names in err and "Traceback" not in err


def test_malformed_gold_line_is_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"title": "T", "abstract": "A", "claims": []}\n{"title": \n', encoding="utf-8")
    code, _, err = run_main("evaluate", gold)
    assert code == 2 and f"{gold}:2" in err


# --- engines, workers, cache options ------------------------------------------------------------------


def test_scheduler_without_dask_engine_is_refused(tmp_path):
    code, _, err = run_main("extract", seed_files()[0], "-o", tmp_path / "c.parquet", "--scheduler", "tcp://127.0.0.1:1", "--quiet")
    assert code == 2 and "--scheduler is for --engine dask" in err
    assert not (tmp_path / "c.parquet").exists()


def test_workers_must_be_positive(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_main("extract", seed_files()[0], "-o", tmp_path / "c.parquet", "--workers", 0)
    assert exit_.value.code == 2


def test_summary_reports_every_stage_and_leaves_no_temporary_files(tmp_path):
    out = tmp_path / "claims.parquet"
    code, stdout, stderr = run_main("extract", seed_files()[0], "-o", out, "--workers", 1, "--cache", tmp_path / "cache")
    assert code == 0, stdout + stderr
    for stage in ("read", "extract", "validate", "write"):
        assert re.search(rf"^time {stage}:\s+\d+\.\d\d s$", stdout, re.MULTILINE), stdout
    assert re.search(r"^cache hits:\s+0$", stdout, re.MULTILINE)
    assert "papers/s" in stderr and "s left" in stderr  # progress, without --quiet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "claims.papers.parquet", "claims.parquet"]


def test_only_errors_the_user_can_fix_are_one_line_a_bug_keeps_its_traceback(monkeypatch, capsys):
    """A ClaimbenchError ends the command with its exit code and one line; any other exception (a bug in
    claimbench, say a ValueError from deep inside) is not dressed up as a usage error."""
    import claimbench.cli.analysis as analysis_commands
    from claimbench.cli import main
    from claimbench.errors import UsageError

    def usage(args):
        raise UsageError("--top must be at least 0, got -1")

    def bug(args):
        raise ValueError("an internal invariant broke")

    monkeypatch.setattr(analysis_commands, "cmd_diff", usage)
    assert main(["diff", "0.1.0", "0.2.0"]) == 2
    assert capsys.readouterr().err == "claimbench: --top must be at least 0, got -1\n"
    monkeypatch.setattr(analysis_commands, "cmd_diff", bug)
    with pytest.raises(ValueError, match="internal invariant"):
        main(["diff", "0.1.0", "0.2.0"])


def test_the_extract_time_is_the_workers_measured_time_not_what_is_left_of_the_wall_time(tmp_path):
    """Each batch's output carries the time its worker took to make it; the run adds those up."""
    from claimbench.corpus import seed_files
    from claimbench.run.pipeline import Outputs, Run

    run = Run([seed_files()[0]], progress=False).read()
    t0 = time.monotonic()
    run.write(Outputs(tmp_path / "claims.parquet", tmp_path / "papers.parquet"))
    wall = time.monotonic() - t0
    seconds = run.stats.seconds
    assert 0 < seconds["extract"] <= wall  # one worker (this process): within the wall time
    assert seconds["extract"] + seconds["write"] <= wall + 0.05
