"""Reliability (issue 15): damaged caches are disposable, and a damaged MANIFEST.json is named, never a traceback.

Each case goes through the command line, as an unlucky user would meet it:

- the cache's stores (input indexes under ``<cache>/inputs``, shard descriptions under ``<cache>/shards``, the
  claims cache ``claims.sqlite``): a store damaged after a first run (garbage, truncated, the wrong shape, a
  folder where a file should be) is named on stderr and rebuilt, exit 0, and the output is byte for byte that of
  the undamaged run; a cache folder (or a store's sub-folder) that is a regular file is named on stderr and the
  run goes on without that store, to the output of a run with ``--no-cache``;
- a release whose manifest is damaged (not JSON, not UTF-8, nested past reading, a key missing or of the wrong
  type, a list of shards that does not match the files): ``verify`` names MANIFEST.json and the key, exit 1; the
  readers (load, leaderboard, report, diff) stop with the same problem named, exit 2.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from conftest import newest_committed_release, run_main, snapshot

DATE = ("--date", "2025-01-31")


# --- inputs ------------------------------------------------------------------------------------------------------

def _records(count: int, start: int = 0) -> str:
    return "".join(json.dumps({"id": f"p{i}", "title": f"System {i} for serving",
                               "abstract": f"System {i} is {i % 7 + 2}x faster than vLLM on an A100 GPU."}) + "\n"
                   for i in range(start, start + count))


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    """Three papers and one bad line (so that the index holds a reject too)."""
    path = tmp_path / "in.jsonl"
    path.write_text(_records(2) + "{not json\n" + _records(1, start=2), encoding="utf-8")
    return path


def _extract(jsonl: Path, out: Path, *cache: object) -> tuple[int, str, str]:
    return run_main("extract", jsonl, "-o", out, *cache, "--workers", 1, "--quiet", "--on-error", "skip")


def _outputs(out: Path) -> dict[str, bytes]:
    """The bytes of everything ``extract -o out`` writes."""
    return {p.name: p.read_bytes() for p in sorted(out.parent.glob(out.stem + "*"))}


# --- the input index store -----------------------------------------------------------------------------------------

def _rewrite_npz(path: Path, **changes) -> None:
    with np.load(path) as data:
        arrays = {name: data[name] for name in data.files}
    arrays.update(changes)
    path.unlink()
    np.savez(path, **arrays)


def _rejects(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), np.uint8)


def _folder_in_place(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "x").write_text("x", encoding="utf-8")


INDEX_DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage": lambda p: p.write_bytes(b"this is not a numpy archive, just garbage " * 40),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "rejects not JSON": lambda p: _rewrite_npz(p, rejects=_rejects("[[3, \"bad JSON")),
    "rejects of the wrong shape": lambda p: _rewrite_npz(p, rejects=_rejects('{"line": 3}')),
    "rejects with a wrong field": lambda p: _rewrite_npz(p, rejects=_rejects('[["3", "bad", "x"]]')),
    "arrays of unequal lengths": lambda p: _rewrite_npz(p, ids=np.zeros(1, np.uint64)),
    "an array of the wrong type": lambda p: _rewrite_npz(p, lines=np.zeros(3, np.float64)),
    "an array missing": lambda p: _drop_npz(p, "lengths"),
    "a folder in its place": _folder_in_place,
}


def _drop_npz(path: Path, name: str) -> None:
    with np.load(path) as data:
        arrays = {key: data[key] for key in data.files if key != name}
    path.unlink()
    np.savez(path, **arrays)


@pytest.mark.parametrize("damage", list(INDEX_DAMAGE))
def test_a_damaged_input_index_is_named_and_rebuilt(tmp_path: Path, jsonl: Path, damage: str):
    cache, out = tmp_path / "cache", tmp_path / "out" / "claims.parquet"
    code, _, err = _extract(jsonl, out, "--cache", cache)
    assert code == 0, err
    undamaged = _outputs(out)
    [stored] = (cache / "inputs").glob("*.npz")
    INDEX_DAMAGE[damage](stored)
    code, _, err = _extract(jsonl, out, "--cache", cache)
    assert code == 0, err
    assert str(stored) in err and "input index cache file" in err and "is damaged" in err and "rebuilding" in err
    assert len([line for line in err.splitlines() if "damaged" in line]) == 1
    assert "Traceback" not in err
    assert _outputs(out) == undamaged
    # Rebuilt: the next run reads it without a word.
    assert stored.is_file()
    code, _, err = _extract(jsonl, out, "--cache", cache)
    assert code == 0 and "damaged" not in err and _outputs(out) == undamaged


# --- the shard store ---------------------------------------------------------------------------------------------

def _build(releases: Path, *args: object) -> tuple[int, str, str]:
    return run_main("build", *args, "--releases-dir", releases, "--workers", 1, "--quiet", "--no-report",
                    "--shard-records", 16, *DATE)


def _figure(stdout: str, name: str) -> int:
    line = next(line for line in stdout.splitlines() if line.startswith(name + ":"))
    return int(line.split(":")[1])


@pytest.fixture(scope="module")
def reuse_setup(tmp_path_factory) -> dict:
    """Two input files (16 and 8 papers); v0.1.0 built from the first, with its cache kept as a template; and the
    reference v0.2.0 of both files, built by an undamaged cache that copies v0.1.0's shard."""
    root = tmp_path_factory.mktemp("reuse")
    old, new = root / "old.jsonl", root / "new.jsonl"
    old.write_text(_records(16), encoding="utf-8")
    new.write_text(_records(8, start=16), encoding="utf-8")
    template = root / "template"
    code, out, err = _build(template / "releases", old, "--cache", template / "cache")
    assert code == 0, out + err
    reference = root / "reference"
    shutil.copytree(template, reference)
    code, out, err = _build(reference / "releases", old, new, "--cache", reference / "cache")
    assert code == 0, out + err
    assert (_figure(out, "shards"), _figure(out, "shards reused")) == (2, 1)
    return {"old": old, "new": new, "template": template, "release": snapshot(reference / "releases" / "v0.2.0")}


def _edit_json(path: Path, change: Callable[[dict], None], digest: bool = False) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    if digest:  # made consistent, as a deliberate edit would be: the shape check must catch it
        from claimbench.cache.shards import entry_digest

        data["digest"] = entry_digest(data)
    path.write_text(json.dumps(data), encoding="utf-8")


SHARD_DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage": lambda p: p.write_bytes(b"\x00\xffgarbage" * 30),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "not an object": lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"),
    "deeply nested": lambda p: p.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),
    "a field of the wrong type": lambda p: _edit_json(p, lambda d: d.update(papers="16"), digest=True),
    "a field missing": lambda p: _edit_json(p, lambda d: d.pop("validation"), digest=True),
    "files of the wrong shape": lambda p: _edit_json(p, lambda d: d.update(files=["claims", "papers"]), digest=True),
    "an outcome of the wrong shape": lambda p: _edit_json(p, lambda d: d["validation"]["outcomes"].__setitem__(0, []),
                                                          digest=True),
    "a count edited": lambda p: _edit_json(p, lambda d: d.update(papers=d["papers"] + 1)),
    "a folder in its place": _folder_in_place,
}


@pytest.mark.parametrize("damage", list(SHARD_DAMAGE))
def test_a_damaged_shard_description_is_named_and_the_shard_built_again(tmp_path: Path, reuse_setup: dict, damage: str):
    work = tmp_path / "work"
    shutil.copytree(reuse_setup["template"], work)
    [stored] = (work / "cache" / "shards").glob("*.json")
    SHARD_DAMAGE[damage](stored)
    code, out, err = _build(work / "releases", reuse_setup["old"], reuse_setup["new"], "--cache", work / "cache")
    assert code == 0, out + err
    assert str(stored) in err and "shard cache file" in err and "is damaged" in err and "Traceback" not in err
    assert _figure(out, "shards reused") == 0  # built again, not copied on the word of a damaged description
    assert snapshot(work / "releases" / "v0.2.0") == reuse_setup["release"]
    data = json.loads(stored.read_text(encoding="utf-8"))  # stored anew
    assert data["key"] == stored.stem and data["papers"] == 16


# --- a cache folder that is a file ----------------------------------------------------------------------------------

def _file_at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("a file of the user's, not a folder\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("where,stores", [
    ("cache", ["claims cache", "input index cache"]),            # --cache names a regular file
    ("cache/inputs", ["input index cache"]),                     # a file where a store's folder should be
    ("cache/claims.sqlite/", ["claims cache"]),                  # a folder where the store's file should be
])
def test_extract_with_a_cache_path_that_is_a_file_goes_on_without_it(tmp_path: Path, jsonl: Path, where: str, stores):
    reference = tmp_path / "reference" / "claims.parquet"
    assert _extract(jsonl, reference, "--no-cache")[0] == 0
    blocker = tmp_path / where.rstrip("/")
    if where.endswith("/"):
        blocker.mkdir(parents=True)
    else:
        _file_at(blocker)
    out = tmp_path / "out" / "claims.parquet"
    code, _, err = _extract(jsonl, out, "--cache", tmp_path / "cache")
    assert code == 0, err
    assert "Traceback" not in err and str(blocker) in err
    for store in stores:
        assert f"cannot use the {store}" in err and "going on without this cache" in err
    assert [n for n in _outputs(out)] == [n for n in _outputs(reference)]
    assert list(_outputs(out).values()) == list(_outputs(reference).values())
    assert blocker.is_dir() if where.endswith("/") else blocker.read_text(encoding="utf-8").startswith("a file of the user's")


@pytest.mark.parametrize("where", ["cache", "cache/shards", "default"])
def test_build_with_a_cache_path_that_is_a_file_goes_on_without_it(tmp_path: Path, reuse_setup: dict, where: str):
    inputs = (reuse_setup["old"], reuse_setup["new"])
    code, out, err = _build(tmp_path / "reference", *inputs, "--no-cache", "--version", "1.0.0")
    assert code == 0, out + err
    releases = tmp_path / "releases"
    if where == "default":  # .claimbench-cache beside the releases folder, the default place
        blocker, cache = _file_at(tmp_path / ".claimbench-cache"), ()
    else:
        blocker, cache = _file_at(tmp_path / where), ("--cache", tmp_path / "cache")
    code, out, err = _build(releases, *inputs, *cache, "--version", "1.0.0")
    assert code == 0, out + err
    assert "Traceback" not in err and str(blocker) in err and "going on without this cache" in err
    assert "cannot use the shard cache" in err
    assert snapshot(releases / "v1.0.0") == snapshot(tmp_path / "reference" / "v1.0.0")
    assert blocker.read_text(encoding="utf-8").startswith("a file of the user's")


# --- the claims cache: damage found after opening ----------------------------------------------------------------

def test_a_claims_cache_damaged_past_its_first_pages_is_named_and_started_afresh(tmp_path: Path, jsonl: Path):
    """Opening reads the first pages only; a store whose claims pages are damaged failed at the first lookup."""
    import sqlite3

    from claimbench.cache.claims import DB_NAME

    cache, out = tmp_path / "cache", tmp_path / "out" / "claims.parquet"
    assert _extract(jsonl, out, "--cache", cache)[0] == 0
    undamaged = _outputs(out)
    with sqlite3.connect(cache / DB_NAME) as db:  # the claims table's root page, overwritten with garbage
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
        page = db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray((cache / DB_NAME).read_bytes())
    data[(root - 1) * page: root * page] = b"\xa5" * page
    (cache / DB_NAME).write_bytes(bytes(data))
    code, _, err = _extract(jsonl, out, "--cache", cache)
    assert code == 0, err
    assert str(cache / DB_NAME) in err and "damaged" in err and "Traceback" not in err
    assert _outputs(out) == undamaged
    code, _, err = _extract(jsonl, out, "--cache", cache)
    assert code == 0 and "damaged" not in err and _outputs(out) == undamaged


# --- a damaged manifest: verify and the readers ------------------------------------------------------------------

def _release(tmp_path: Path) -> Path:
    """A copy of the newest committed release, under its own name (verify checks the version against it)."""
    source = newest_committed_release()
    release = tmp_path / "releases" / source.name
    shutil.copytree(source, release)
    return release


def _edit(change: Callable[[dict], object]) -> Callable[[Path], None]:
    def damage(release: Path) -> None:
        path = release / "MANIFEST.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        change(manifest)
        path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return damage


def _raw(make: Callable[[str], str | bytes]) -> Callable[[Path], None]:
    def damage(release: Path) -> None:
        path = release / "MANIFEST.json"
        data = make(path.read_text(encoding="utf-8"))
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return damage


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _shard_file(table: str = "claims") -> Callable[[Path], Path]:
    return lambda release: next(release.glob(f"data/{table}-00000-of-*.parquet"))


def _delete_shard(release: Path) -> None:
    _shard_file()(release).unlink()


def _extra_shard(release: Path) -> None:
    shutil.copyfile(_shard_file()(release), release / "data" / "claims-00001-of-00002.parquet")


def _truncate_shard(release: Path) -> None:
    shard = _shard_file()(release)
    shard.write_bytes(shard.read_bytes()[:-100])


# (damage, what verify must say): each message names MANIFEST.json (or the data file) and the key.
STRUCTURE = {
    "not JSON": (_raw(lambda text: text[: len(text) // 2]), "MANIFEST.json: not JSON ("),
    "empty": (_raw(lambda text: b""), "MANIFEST.json: not JSON (Expecting value"),
    "not UTF-8": (_raw(lambda text: text.encode("utf-8").replace(b'"claimbench"', b'"claim\xffbench"', 1)),
                  "MANIFEST.json: not UTF-8 text (byte 0xFF"),
    "nested 100000 levels": (_raw(lambda text: "[" * 100_000 + "]" * 100_000), "MANIFEST.json: not a manifest: its JSON is nested too deeply"),
    "nested under a key": (_raw(lambda text: '{"files": ' + "[" * 100_000 + "]" * 100_000 + "}"),
                           "MANIFEST.json: not a manifest: its JSON is nested too deeply"),
    "nested deep but readable": (_edit(lambda m: m.update(files=_nested(500))), "key 'files': expected an object (release file -> sha256), found an array"),
    "an array, not an object": (_raw(lambda text: "[]"), "MANIFEST.json: not a manifest: its JSON is an array, not an object"),
    "null": (_raw(lambda text: "null"), "MANIFEST.json: not a manifest: its JSON is null, not an object"),
    "a key twice": (_raw(lambda text: text.replace('"version":', '"version": "0.0.1", "version":', 1)),
                    "MANIFEST.json: not a manifest (key 'version' appears twice in one object)"),
    "a number for a string": (_edit(lambda m: m.update(version=140)), "key 'version': expected a string, found a number"),
    "a string for a number": (_edit(lambda m: m["row_counts"].update(claims="415")),
                              "key 'row_counts.claims': expected a whole number >= 0, found a string"),
    "a list for an object": (_edit(lambda m: m.update(files=sorted(m["files"]))),
                             "key 'files': expected an object (release file -> sha256), found an array"),
    "null for an object": (_edit(lambda m: m.update(row_counts=None)), "key 'row_counts': expected an object (table -> rows), found null"),
    "a number for a sha256": (_edit(lambda m: m["files"].update({next(iter(m["files"])): 5})),
                              "expected a sha256 (64 hex digits), found a number"),
    "a negative count": (_edit(lambda m: m["row_counts"].update(papers=-1)), "key 'row_counts.papers': expected a whole number >= 0"),
    "a boolean for a number": (_edit(lambda m: m.update(schema_version=True)), "key 'schema_version': expected a whole number, found a boolean"),
    "an object for an array": (_edit(lambda m: m.update(shards={})), "key 'shards': expected an array (of shards), found an object"),
    "an input of the wrong type": (_edit(lambda m: m["inputs"].__setitem__(0, "corpus/seeds")),
                                   "key 'inputs[0]': expected an object (path, bytes, sha256), found a string"),
    "validation not a boolean": (_edit(lambda m: m["validation"].update(success="yes")),
                                 "key 'validation.success': expected a boolean, found a string"),
    "'files' missing": (_edit(lambda m: m.pop("files")), "key 'files' is missing"),
    "'row_counts.claims' missing": (_edit(lambda m: m["row_counts"].pop("claims")), "key 'row_counts.claims' is missing"),
    "a shard's files missing": (_edit(lambda m: m["shards"][0].pop("files")), "key 'shards[0].files' is missing"),
    "a shard's file null": (_edit(lambda m: m["shards"][0]["files"].update(papers=None)),
                            "key 'shards[0].files.papers': expected a string, found null"),
}
# Damage that leaves the manifest readable, but its list of shards or files disagrees with the release.
SHARD_LIST = {
    "a shard file missing": (_delete_shard, "data/claims-00000-of-00001.parquet: listed in MANIFEST.json but missing"),
    "an extra, unlisted shard": (_extra_shard, "data/claims-00001-of-00002.parquet: present but not listed in MANIFEST.json"),
    "a shard of another size": (_truncate_shard, "data/claims-00000-of-00001.parquet: sha256"),
    "the list names another file": (_edit(lambda m: m["shards"][0]["files"].update(claims="data/claims-00000-of-00002.parquet")),
                                    "key 'shards[0].files.claims': 'data/claims-00000-of-00002.parquet', expected "
                                    "'data/claims-00000-of-00001.parquet'"),
    "a shard's papers miscounted": (_edit(lambda m: m["shards"][0].update(papers=m["shards"][0]["papers"] + 1)),
                                    "MANIFEST.json's shards[0].papers counts"),
    "a listed shard not in the list": (_edit(lambda m: m.update(shards=[])),
                                       "key 'files.data/claims-00000-of-00001.parquet': a shard file missing from the list 'shards'"),
}


@pytest.mark.parametrize("kind", list(STRUCTURE) + list(SHARD_LIST))
def test_verify_names_the_manifest_and_the_key(tmp_path: Path, kind: str):
    damage, expected = {**STRUCTURE, **SHARD_LIST}[kind]
    release = _release(tmp_path)
    damage(release)
    code, out, err = run_main("verify", release)
    assert code == 1, out + err
    assert expected in out, out
    assert "OK" not in out and "Traceback" not in out + err
    problem_lines = [line for line in out.splitlines() if line.startswith(f"{release}: ")]
    assert problem_lines and all("MANIFEST.json" in line for line in problem_lines if expected in line)


def test_an_intact_copy_verifies(tmp_path: Path):
    code, out, _ = run_main("verify", _release(tmp_path))
    assert code == 0 and "OK" in out


def test_a_manifest_nested_past_reading_gives_no_traceback_in_a_process(tmp_path: Path):
    """The deepest case again, in a process of its own: Python's own recursion limit, no pytest in between."""
    release = _release(tmp_path)
    STRUCTURE["nested 100000 levels"][0](release)
    for args in (["verify", str(release)], ["leaderboard", "--metric", "speedup", "--release", str(release)]):
        proc = subprocess.run([sys.executable, "-m", "claimbench.cli", *args], capture_output=True, text=True, timeout=300)
        assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr, proc.stderr
        assert "MANIFEST.json" in proc.stdout + proc.stderr and "nested too deeply" in proc.stdout + proc.stderr


READERS = ["load", "leaderboard", "report", "diff"]
# For the readers, each damage to the manifest's structure, and a data file that it does not list or that is missing.
READER_CASES = {**STRUCTURE,
                "an extra, unlisted shard": (_extra_shard, "key 'files' does not list data/claims-00001-of-00002.parquet"),
                "a shard file missing": (_delete_shard, "claims-00000-of-00001.parquet listed in MANIFEST.json is missing")}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", list(READER_CASES))
def test_readers_stop_with_the_same_message(tmp_path: Path, reader: str, kind: str):
    damage, expected = READER_CASES[kind]
    release = _release(tmp_path)
    damage(release)
    expected = expected.removeprefix("MANIFEST.json: ")
    if reader == "load":
        import claimbench

        with pytest.raises((ValueError, FileNotFoundError)) as info:
            claimbench.load(release)
        message = str(info.value)
    else:
        args = {"leaderboard": ["leaderboard", "--metric", "speedup", "--release", release],
                "report": ["report", release, "--output", tmp_path / "out", "--no-screenshot"],
                "diff": ["diff", newest_committed_release(), release]}[reader]
        code, out, message = run_main(*args)
        assert code == 2, out + message
        assert message.startswith("claimbench: ") and len(message.strip().splitlines()) == 1 and "Traceback" not in message
        assert not (tmp_path / "out").exists()
    assert expected in message, message
    assert str(release) in message and ("MANIFEST.json" in message or "claims-0000" in message)
