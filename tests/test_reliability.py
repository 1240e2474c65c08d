"""Reliability: bad arguments and odd inputs are refused up front, by name, before any work.

Each case is tried through the command line as a hostile or unlucky user would; each
fails with exit 2 (argparse's own errors: exit 2 too) and a message naming the option
or file, and leaves nothing behind.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_main

ABSTRACT = '{"id": "1", "title": "A title", "abstract": "It is 2x faster than vLLM."}\n'


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(ABSTRACT, encoding="utf-8")
    return path


def test_a_fifo_input_is_refused_by_name(tmp_path: Path, jsonl: Path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    code, _, err = run_main("extract", fifo, "-o", tmp_path / "out.parquet", "--no-cache", "--workers", 1)
    assert code == 2 and "pipe.jsonl" in err and "not a regular file" in err
    # inside a folder too
    code, _, err = run_main("extract", tmp_path, "-o", tmp_path / "out2.parquet", "--no-cache", "--workers", 1)
    assert code == 2 and "pipe.jsonl" in err and "not a regular file" in err
    assert not (tmp_path / "out.parquet").exists() and not (tmp_path / "out2.parquet").exists()


def test_a_file_name_that_is_not_utf8_is_named_escaped(tmp_path: Path):
    name = os.fsdecode(b"caf\xe9.csv")
    (tmp_path / name).write_bytes(b"id,title\n1,x\n")  # a CSV without an abstract column: a bad input
    code, _, err = run_main("extract", tmp_path / name, "-o", tmp_path / "out.parquet", "--no-cache", "--workers", 1)
    assert code == 2 and "caf\\xe9.csv" in err


def test_output_equal_to_an_input_is_refused(jsonl: Path):
    code, _, err = run_main("extract", jsonl, "-o", jsonl, "--no-cache", "--workers", 1)
    assert code == 2 and "is also an input" in err
    assert jsonl.read_text(encoding="utf-8") == ABSTRACT


def test_output_that_is_a_folder_is_refused(tmp_path: Path, jsonl: Path):
    folder = tmp_path / "outdir"
    folder.mkdir()
    code, _, err = run_main("extract", jsonl, "-o", folder, "--no-cache", "--workers", 1)
    assert code == 2 and "is a folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "outdir"]


def test_too_many_workers_are_refused(tmp_path: Path, jsonl: Path, capsys):
    from claimbench.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(jsonl), "-o", str(tmp_path / "out.parquet"), "--workers", "100000"])
    assert exit_info.value.code == 2
    assert "--workers" in capsys.readouterr().err


@pytest.mark.parametrize("option,value,message", [
    ("--date", "2026-02-30", "--date must be an ISO date"),
    ("--date", "0001-01-01", "--date must be an ISO date"),
    ("--version", "1." + "9" * 400 + ".0", "version must be X.Y.Z"),
])
def test_build_arguments_are_checked_before_the_work(tmp_path: Path, jsonl: Path, option, value, message):
    releases = tmp_path / "releases"
    code, out, err = run_main("build", jsonl, "--releases-dir", releases, option, value, "--no-cache", "--workers", 1,
                              "--no-report", "--quiet")
    assert code == 2 and message in err
    assert "papers:" not in out  # nothing was read or extracted
    assert not releases.exists() or not any(releases.iterdir())


def test_releases_dir_inside_a_release_is_refused(tmp_path: Path, jsonl: Path):
    releases = tmp_path / "releases"
    code, _, _ = run_main("build", jsonl, "--releases-dir", releases, "--no-cache", "--workers", 1, "--no-report", "--quiet")
    assert code == 0
    release = next(releases.glob("v*"))
    before = sorted(p.relative_to(release) for p in release.rglob("*"))
    code, _, err = run_main("build", jsonl, "--releases-dir", release / "data", "--no-cache", "--workers", 1, "--no-report",
                            "--quiet")
    assert code == 2 and "inside the release" in err
    assert sorted(p.relative_to(release) for p in release.rglob("*")) == before


def test_changelog_is_never_written_through_a_link(tmp_path: Path, jsonl: Path):
    releases = tmp_path / "releases"
    releases.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("precious\n", encoding="utf-8")
    (releases / "CHANGELOG.md").symlink_to(outside)
    code, _, err = run_main("build", jsonl, "--releases-dir", releases, "--no-cache", "--workers", 1, "--no-report", "--quiet")
    assert code == 2 and "is a link" in err and "CHANGELOG.md" in err
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in releases.iterdir()] == ["CHANGELOG.md"]  # refused before the work: no release written


def test_changelog_repairs_itself_after_a_kill(tmp_path: Path, jsonl: Path):
    """A CHANGELOG.md left empty (a kill during an older, non-atomic write) is rewritten whole by the next build."""
    releases = tmp_path / "releases"
    assert run_main("build", jsonl, "--releases-dir", releases, "--no-cache", "--workers", 1, "--no-report", "--quiet")[0] == 0
    (releases / "CHANGELOG.md").write_text("", encoding="utf-8")
    assert run_main("changelog", "--releases-dir", releases)[0] == 0
    assert "0.1.0" in (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    assert run_main("changelog", "--releases-dir", releases, "--check")[0] == 0


def test_a_malformed_token_is_refused_and_never_printed(monkeypatch):
    from conftest import newest_committed_release

    first, second = "hf_FirstLineOfTheToken123", "hf_SecondLineNobodyMaySee456"
    monkeypatch.setenv("HF_TOKEN", f"{first}\n{second}")
    code, out, err = run_main("publish", newest_committed_release(), "--repo-id", "someone/claims")
    assert code == 2 and "HF_TOKEN is malformed" in err
    for part in (first, second, "FirstLine", "SecondLine"):
        assert part not in out and part not in err


def test_dask_engine_without_dask_says_which_extra(monkeypatch, tmp_path: Path, jsonl: Path):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    code, _, err = run_main("extract", jsonl, "-o", tmp_path / "out.parquet", "--engine", "dask", "--workers", 2, "--no-cache")
    assert code == 2 and 'pip install -e ".[scale]"' in err
    assert not (tmp_path / "out.parquet").exists()


def test_a_title_of_invisible_characters_is_no_title(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "1", "title": "\\u200b\\ufeff\\u2060", "abstract": "It is 2x faster than vLLM."}\n'
                    '{"id": "2", "title": "A real title", "abstract": "It is 3x faster than Orca."}\n', encoding="utf-8")
    out = tmp_path / "out.parquet"
    code, _, err = run_main("extract", path, "-o", out, "--no-cache", "--workers", 1)
    assert code == 2 and "in.jsonl:1: record has no title" in err
    code, stdout, _ = run_main("extract", path, "-o", out, "--no-cache", "--workers", 1, "--on-error", "skip")
    assert code == 0 and "wrote 1 claims" in stdout
    assert "record has no title" in (tmp_path / "out.rejects.jsonl").read_text(encoding="utf-8")


def test_latex_in_a_baseline_is_drawn_as_text_not_markup(tmp_path: Path):
    """The report's plots draw baselines as written: "$\\badcmd{x}$" is text, not mathtext to parse (it crashed)."""
    import json

    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(6):
            abstract = f"Our system is {i + 2}x faster than Foo$\\badcmd{{x}}$ on an A100 GPU."
            fh.write(json.dumps({"id": str(i), "title": f"Title {i}", "abstract": abstract}) + "\n")
    releases = tmp_path / "releases"
    code, _, err = run_main("build", path, "--releases-dir", releases, "--no-cache", "--workers", 1, "--quiet")
    assert code == 0, err
    page = next(releases.glob("v*")).joinpath("report", "index.html").read_text(encoding="utf-8")
    assert "badcmd" in page


def test_a_corpus_with_no_claims_builds(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "1", "title": "A", "abstract": "No numbers here."}\n', encoding="utf-8")
    releases = tmp_path / "releases"
    code, out, err = run_main("build", path, "--releases-dir", releases, "--no-cache", "--workers", 1, "--quiet")
    assert code == 0, err
    assert "No claims in this release." in next(releases.glob("v*")).joinpath("report", "index.html").read_text(encoding="utf-8")


def test_odd_update_dates_are_kept_and_not_drawn(tmp_path: Path):
    """Dates far outside the years papers have, or written in other digits, keep their record (the field as
    given) and are left out of the report's timeline, which drew ~120,000 monthly bars or looped forever."""
    import pyarrow.parquet as pq

    path = tmp_path / "in.jsonl"
    rows = [("1", "0001-01-01"), ("2", "9999-12-31"), ("3", "\uff12\uff10\uff12\uff14-01-01"), ("4", "2024-03-05")]
    path.write_text("".join(
        f'{{"id": "{i}", "title": "T{i}", "abstract": "It is {i}x faster than vLLM.", "update_date": "{d}"}}\n'
        for i, d in rows), encoding="utf-8")
    releases = tmp_path / "releases"
    code, _, err = run_main("build", path, "--releases-dir", releases, "--no-cache", "--workers", 1, "--quiet")
    assert code == 0, err
    release = next(releases.glob("v*"))
    papers = pq.read_table(next(release.glob("data/papers-*.parquet"))).to_pylist()
    assert sorted(p["update_date"] for p in papers) == sorted(d for _, d in rows)
    page = release.joinpath("report", "index.html").read_text(encoding="utf-8")
    assert "1 of 4 papers dated" in page


@pytest.mark.parametrize("abstract", ["It gives a 0x speedup over vLLM.", "It cuts latency by 200000%.", "It stores 1e308 GB of state."])
def test_values_outside_the_dataset_range_are_no_claims_and_the_build_finishes(tmp_path: Path, abstract):
    """Such values pushed the quarantine over its 1% and stopped the build with no record named."""
    path = tmp_path / "in.jsonl"
    path.write_text(f'{{"id": "1", "title": "Odd", "abstract": "{abstract}"}}\n{{"id": "2", "title": "Fine", "abstract": "It is 2x faster than Orca."}}\n',
                    encoding="utf-8")
    releases = tmp_path / "releases"
    code, out, err = run_main("build", path, "--releases-dir", releases, "--no-cache", "--workers", 1, "--quiet", "--no-report")
    assert code == 0, err
    assert "1 claims" in out or "claims:             1" in out
    code, out, _ = run_main("explain", abstract)
    assert "outside the dataset's range" in out


def test_sigterm_stops_the_pool_workers_too(tmp_path: Path):
    """SIGTERM to a build left its pool workers running, reparented to init, for a minute or more."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from claimbench.corpus import seed_dir
    from claimbench.extract.readers import read_papers

    papers = [p for f in sorted(seed_dir().glob("*.txt")) for p in read_papers(f)]
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(200):  # a build of many seconds
            for p in papers:
                fh.write(json.dumps({"id": f"{k}-{p.paper_id}", "title": f"{p.title} ({k})", "abstract": p.abstract}) + "\n")
    marker = str(tmp_path / "releases")
    proc = subprocess.Popen([sys.executable, "-m", "claimbench.cli", "build", str(path), "--releases-dir", marker,
                             "--no-cache", "--workers", "2", "--no-report", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120  # signal once the build is writing its staged release (not before, not after)
    while not any(Path(marker).glob(".tmp-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be signalled"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)

    def still_running() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if marker.encode() in (entry / "cmdline").read_bytes():
                        found.append(int(entry.name))
                except OSError:
                    pass
        return found

    deadline = time.monotonic() + 10
    while still_running() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert still_running() == []
    assert not any(Path(marker).glob("v*"))  # and no release


def test_a_file_size_limit_gives_one_line_and_nothing_partial(tmp_path: Path, jsonl: Path):
    """A full disk or a file-size limit mid-build: one line naming the path and the cause, no traceback, no release."""
    import resource
    import signal
    import subprocess
    import sys

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    releases = tmp_path / "releases"
    proc = subprocess.run([sys.executable, "-m", "claimbench.cli", "build", "--releases-dir", str(releases), "--no-cache",
                           "--workers", "1", "--quiet"], preexec_fn=limit, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "File too large" in proc.stderr and str(tmp_path) in proc.stderr
    assert not any(releases.glob("v*"))


@pytest.mark.parametrize("command", ["load", "leaderboard", "report", "diff"])
def test_a_release_missing_a_shard_is_an_error_naming_it(tmp_path: Path, command):
    """Readers read what was left of a release without a word ('diff' reported '0 removed')."""
    import shutil

    from conftest import newest_committed_release

    release = tmp_path / "releases" / "v9.0.0"
    shutil.copytree(newest_committed_release(), release)
    shard = next(release.glob("data/claims-*.parquet"))
    shard.unlink()
    if command == "load":
        import claimbench

        with pytest.raises(FileNotFoundError, match=shard.name):
            claimbench.load(release)
        return
    args = {"leaderboard": ["leaderboard", "--metric", "speedup", "--release", release],
            "report": ["report", release, "--output", tmp_path / "out", "--no-screenshot"],
            "diff": ["diff", newest_committed_release(), release]}[command]
    code, _, err = run_main(*args)
    assert code != 0 and shard.name in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["leaderboard", "report", "diff"])
def test_a_release_with_a_truncated_shard_is_an_error_naming_it(tmp_path: Path, command):
    """A shard cut short (its manifest intact) gave pyarrow's traceback in every reader."""
    import shutil

    from conftest import newest_committed_release

    release = tmp_path / "releases" / "v9.0.0"
    shutil.copytree(newest_committed_release(), release)
    shard = next(release.glob("data/claims-*.parquet"))
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    args = {"leaderboard": ["leaderboard", "--metric", "speedup", "--release", release],
            "report": ["report", release, "--output", tmp_path / "out", "--no-screenshot"],
            "diff": ["diff", newest_committed_release(), release]}[command]
    code, _, err = run_main(*args)
    assert code == 2 and shard.name in err and "not a readable Parquet file" in err and "Traceback" not in err


def test_a_damaged_claims_cache_is_named_and_rebuilt(tmp_path: Path, jsonl: Path):
    from claimbench.cache.claims import DB_NAME

    cache = tmp_path / "cache"
    args = ["extract", jsonl, "-o", tmp_path / "out.parquet", "--cache", cache, "--workers", 1]
    assert run_main(*args)[0] == 0
    (cache / DB_NAME).write_bytes(b"this is not an SQLite database, just garbage" * 100)
    for suffix in ("-wal", "-shm"):
        (cache / (DB_NAME + suffix)).unlink(missing_ok=True)
    code, out, err = run_main(*args)
    assert code == 0 and str(cache / DB_NAME) in err and "damaged" in err and "wrote 1 claims" in out


def test_a_damaged_cache_entry_is_extracted_again(tmp_path: Path, jsonl: Path):
    import sqlite3

    from claimbench.cache.claims import DB_NAME

    cache = tmp_path / "cache"
    args = ["extract", jsonl, "-o", tmp_path / "out.parquet", "--cache", cache, "--workers", 1]
    assert run_main(*args)[0] == 0
    with sqlite3.connect(cache / DB_NAME) as db:
        db.execute("UPDATE claims SET claims = '{not json'")
    code, out, err = run_main(*args)
    assert code == 0 and "wrote 1 claims" in out, err


def test_the_claims_cache_is_keyed_by_the_extractor_files_not_the_version(tmp_path: Path, jsonl: Path):
    """Editing a knowledge file (the documented way to extend the extractor) without bumping the version
    served the old claims from the cache. The key is now the version and a digest of the extractor's files."""
    import shutil

    from claimbench.cache.claims import ClaimCache
    from claimbench.extract import claims as claims_module
    from claimbench.run import extract as extract_step

    cache = tmp_path / "cache"
    assert run_main("extract", jsonl, "-o", tmp_path / "out.parquet", "--cache", cache, "--workers", 1)[0] == 0
    version = claims_module.EXTRACTOR_VERSION
    with ClaimCache(cache) as store:
        assert store.count(extract_step.extractor_key(version)) == 1 and store.count(version) == 0
    # The digest follows the files' bytes: one edited knowledge file gives another key.
    package = Path(claims_module.__file__).parent
    copy = tmp_path / "extract"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = extract_step.files_digest([copy])
    toml = copy / "knowledge" / "metrics.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("'faster', ", "", 1), encoding="utf-8")
    assert extract_step.files_digest([copy]) != before
