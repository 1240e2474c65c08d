"""Writing and verifying a release folder (claimbench.release.writer, claimbench.release.verify, claimbench.release.card).

The tables are built with the real table code from two sentences of a real
abstract (corpus/seeds/000_1ab15dee3ca9e80c.txt, "Hardware-Aware Parallel
Prompt Decoding ..."), with the claims' true offsets.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

from claimbench.analysis.report import write_report
from claimbench.corpus import seed_files
from claimbench.extract.dedup import MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.papers import Paper
from claimbench.release.card import ReleaseFacts, card_text
from claimbench.release.table import claim_rows, claims_table, paper_row, papers_table
from claimbench.release.verify import verify_release
from claimbench.release.writer import (
    ReleaseExistsError,
    input_entry,
    parse_version,
    write_parquet,
    write_release,
)

from conftest import REPO_ROOT

TITLE = "Hardware-Aware Parallel Prompt Decoding for Memory-Efficient Acceleration of LLM Inference"
SENTENCE_1 = (
    "This approach partially recovers the missing conditional dependency information necessary for "
    "multi-token generation, resulting in up to a 28% higher acceptance rate for long-range predictions."
)
SENTENCE_2 = (
    "Through extensive experiments across LLMs ranging from MobileLlama to Vicuna-13B on a wide range of "
    "benchmarks, our approach demonstrates up to 2.49times speedup and maintains a minimal runtime memory "
    "overhead of just 0.0004%."
)
ABSTRACT = SENTENCE_1 + " " + SENTENCE_2


def _claim(mention: str, sentence: str, **fields) -> Claim:
    """A claim for ``mention`` in ``sentence``, with its true offsets in ABSTRACT."""
    sentence_start = ABSTRACT.index(sentence)
    start = sentence_start + sentence.index(mention)
    return Claim(mention=mention, start=start, end=start + len(mention), sentence=sentence,
                 sentence_start=sentence_start, **fields)


CLAIMS = [
    _claim("28%", SENTENCE_1, value=28.0, value_low=None, unit="%", metric="other", qualifier="up_to",
           change="increase", baseline=None, hardware=None, workload=None),
    _claim("2.49times", SENTENCE_2, value=2.49, value_low=None, unit="x", metric="speedup", qualifier="up_to",
           change="increase", baseline=None, hardware=None, workload=None),
    _claim("0.0004%", SENTENCE_2, value=0.0004, value_low=None, unit="%", metric="memory", qualifier="none",
           change="increase", baseline=None, hardware=None, workload=None),
]
REPORT = {"success": True, "statistics": {"evaluated_expectations": 16, "successful_expectations": 16}}


def _tables() -> tuple[pa.Table, pa.Table]:
    paper = Paper(TITLE, ABSTRACT, "000_1ab15dee3ca9e80c.txt:40")
    merged = MergedPaper(paper, (paper.source,), 1)
    rows = claim_rows(merged.paper.paper_id, TITLE, CLAIMS, "0.1.0")
    return claims_table(rows), papers_table([paper_row(merged, len(CLAIMS))])


@pytest.fixture
def tables() -> tuple[pa.Table, pa.Table]:
    return _tables()


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    other = tmp_path / "extra_input.jsonl"
    other.write_text('{"title": "T", "abstract": "A"}\n', encoding="utf-8")
    return [seed_files()[0], other]


def _write(releases_dir: Path, tables, inputs, version: str = "1.0.0", **extra) -> Path:
    claims, papers = tables
    extra.setdefault("report", write_report)  # the HTML report, as a build draws it
    return write_release(releases_dir, version, claims, papers, inputs, REPORT,
                         extractor_version="0.1.0", builder_version="0.1.0", date="2025-01-31", **extra)


def _load_offline(folder: Path, cache: Path, configs: list[str]) -> dict[str, list[dict]]:
    """Rows of each config as ``datasets.load_dataset`` returns them, in a fresh offline interpreter."""
    script = textwrap.dedent(
        """
        import json, sys
        from datasets import load_dataset
        folder, configs = sys.argv[1], sys.argv[2:]
        print(json.dumps({c: load_dataset(folder, c, split="train").to_list() for c in configs}))
        """
    )
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1",
           "HF_HOME": str(cache / "hf"), "HF_DATASETS_CACHE": str(cache / "datasets")}
    done = subprocess.run([sys.executable, "-c", script, str(folder), *configs],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_claims_have_true_offsets(tables):
    claims, _ = tables
    for row in claims.to_pylist():
        assert ABSTRACT[row["mention_start"]:row["mention_end"]] == row["mention"]
        assert ABSTRACT[row["sentence_start"]:].startswith(row["sentence"])


def test_release_loads_offline_with_datasets(tmp_path, tables, inputs):
    quarantine = pa.table({"claim_id": ["0123456789abcdef"], "reason": ["value_canonical is null"]})
    path = _write(tmp_path / "releases", tables, inputs, quarantine=quarantine)
    loaded = _load_offline(path, tmp_path / "cache", ["claims", "papers", "quarantine"])

    keys = ("claim_id", "value", "mention")
    claims, papers = tables
    assert [{k: r[k] for k in keys} for r in loaded["claims"]] == [{k: r[k] for k in keys} for r in claims.to_pylist()]
    assert loaded["papers"] == papers.to_pylist()
    assert loaded["quarantine"] == quarantine.to_pylist()
    assert verify_release(path) == []


def test_written_release_verifies_and_has_its_manifest(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs, rejects=[{"source": "x.txt:3", "reason": "no abstract"}])
    assert path == tmp_path / "releases" / "v1.0.0"
    assert verify_release(path) == []

    text = (path / "MANIFEST.json").read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert manifest["version"] == "1.0.0" and manifest["date"] == "2025-01-31"
    assert manifest["row_counts"] == {"claims": 3, "papers": 1, "quarantine": 0}
    assert manifest["validation"] == {"success": True}
    assert sorted(f for f in manifest["files"] if not f.startswith("report/")) == [
        "README.md", "data/claims-00000-of-00001.parquet", "data/papers-00000-of-00001.parquet", "rejects.jsonl", "validation/report.json"]
    assert "report/index.html" in manifest["files"]  # the HTML report (and its screenshot with Chromium)
    assert [i["path"] for i in manifest["inputs"]] == ["corpus/seeds/000_1ab15dee3ca9e80c.txt", "extra_input.jsonl"]
    assert json.loads((path / "validation" / "report.json").read_text(encoding="utf-8")) == REPORT
    assert not (path / "data" / "quarantine.parquet").exists()


def _scores(f1: float, papers: int = 99) -> dict:
    """A scorer's result (claimbench.analysis.scoring.score) with this f1, for cards."""
    fields = ("metric", "qualifier", "change", "baseline", "hardware", "workload")
    return {"gold_papers": papers, "papers_with_predictions": 50, "gold_claims": 123, "predicted_claims": 103,
            "tp": 91, "fp": 12, "fn": 32, "precision": 0.9029, "recall": 0.7561, "f1": f1, "metric_f1": 0.6018,
            "exact_f1": 0.2832, "field_accuracy": dict.fromkeys(fields, 0.75),
            "field_f1": {"baseline": 0.7407, "hardware": 0.5714, "workload": 0.3774}}


EVALUATION = {"dev.jsonl": _scores(0.9595, 144), "dev_external.jsonl": _scores(0.8517, 200), "test.jsonl": _scores(0.823)}


def test_card_front_matter_configs_and_content(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs, evaluation=EVALUATION)
    card = (path / "README.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(card.split("---\n")[1])

    assert meta["configs"] == [
        {"config_name": "claims", "default": True, "data_files": [{"split": "train", "path": "data/claims-*.parquet"}]},
        {"config_name": "papers", "data_files": [{"split": "train", "path": "data/papers-*.parquet"}]},
    ]
    assert meta["license"] == "other" and meta["pretty_name"] and meta["tags"]
    assert "dataset_info" not in meta
    assert "| `mention_start` | `int32` | no |" in card
    assert "| speedup | 1 |" in card and "| memory | 1 |" in card and "| throughput | 0 |" in card
    assert "| f1 | 0.8230 |" in card  # the held-out set's table: four decimals
    assert "Daily Papers" in card  # the built-in corpus's SOURCE.md
    assert "@misc{claimbench_v1_0_0," in card


def test_card_is_deterministic(tables):
    facts = ReleaseFacts("1.0.0", "2025-01-31", "0.1.0", "0.1.0", evaluation=EVALUATION)
    claims, papers = tables
    shuffled = ReleaseFacts("1.0.0", "2025-01-31", "0.1.0", "0.1.0", evaluation=dict(reversed(EVALUATION.items())))
    assert card_text(facts, claims, papers) == card_text(shuffled, claims, papers)


def test_card_evaluation_heads_with_the_test_set_then_the_development_sets(tables):
    claims, papers = tables
    card = card_text(ReleaseFacts("1.0.0", "2025-01-31", "0.1.0", "0.1.0", evaluation=EVALUATION), claims, papers)
    section = card[card.index("## Evaluation"):card.index("## Provenance")]
    assert section.index("### Held-out test set: `test.jsonl`") < section.index(
        "### Development sets: the rules were developed against these")
    assert "**f1 0.8230** (precision 0.9029, recall 0.7561), **metric_f1 0.6018**, exact_f1 0.2832" in section
    assert "| figure | `dev.jsonl` | `dev_external.jsonl` |" in section
    assert "| f1 | 0.9595 | 0.8517 |" in section
    for label in ("precision", "recall", "metric_f1", "exact_f1", "metric accuracy", "qualifier accuracy",
                  "change accuracy", "baseline accuracy", "baseline f1", "hardware accuracy", "hardware f1",
                  "workload accuracy", "workload f1"):
        assert section.count(f"| {label} | ") == 2  # in the test set's table and in the development sets'
    assert "Accuracy on abstracts of other fields of research (non-systems, non-ML papers) has not been measured " \
           "and may be lower." in section
    assert "Eitan Frachtenberg" in section and "CC BY-SA 4.0" in section


def test_a_build_card_reports_the_extractor_on_the_three_gold_sets(seed_release):
    """Figures of the extractor run on the shipped gold files when the card is written (as `claimbench evaluate`)."""
    from claimbench.analysis.evaluate import evaluate_sets
    from claimbench.corpus import GOLD_SETS, gold_files

    card = (seed_release / "README.md").read_text(encoding="utf-8")
    scores = {s.name: s.result for s in evaluate_sets(gold_files())}
    assert [card.index(f"`{name}` |") for name in ("test.jsonl", "dev.jsonl")] == sorted(
        card.index(f"`{name}` |") for name in ("test.jsonl", "dev.jsonl"))
    assert f"**f1 {scores['test.jsonl']['f1']:.4f}**" in card
    assert f"| f1 | {scores['dev.jsonl']['f1']:.4f} | {scores['dev_external.jsonl']['f1']:.4f} |" in card
    assert set(GOLD_SETS) <= set(scores)


def test_same_tables_give_identical_parquet(tmp_path, tables, inputs):
    first = _write(tmp_path / "one", tables, inputs)
    claims, papers = tables
    rechunked = (pa.concat_tables([claims.slice(0, 1), claims.slice(1)]), papers)
    second = _write(tmp_path / "two", rechunked, inputs)
    for name in ("claims-00000-of-00001.parquet", "papers-00000-of-00001.parquet"):
        assert (first / "data" / name).read_bytes() == (second / "data" / name).read_bytes()
    assert (first / "README.md").read_bytes() == (second / "README.md").read_bytes()
    assert (first / "MANIFEST.json").read_bytes() == (second / "MANIFEST.json").read_bytes()


def test_write_parquet_twice_gives_identical_bytes_without_pandas_metadata(tmp_path, tables):
    claims, _ = tables
    with_pandas = pa.Table.from_pandas(claims.to_pandas(), schema=claims.schema, preserve_index=False)
    write_parquet(claims, tmp_path / "a.parquet")
    write_parquet(with_pandas, tmp_path / "b.parquet")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert b"pandas" not in (tmp_path / "a.parquet").read_bytes()


def test_existing_release_is_never_overwritten(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs)
    before = {p: p.read_bytes() for p in path.rglob("*") if p.is_file()}
    with pytest.raises(ReleaseExistsError, match="v1.0.0"):
        _write(tmp_path / "releases", tables, inputs, version="v1.0.0")
    assert {p: p.read_bytes() for p in path.rglob("*") if p.is_file()} == before
    assert [p.name for p in (tmp_path / "releases").iterdir()] == ["v1.0.0"]


def test_leftover_temp_folder_does_not_block(tmp_path, tables, inputs):
    leftover = tmp_path / "releases" / ".tmp-v1.0.0-killed"
    leftover.mkdir(parents=True)
    path = _write(tmp_path / "releases", tables, inputs)
    assert verify_release(path) == []


def test_tampered_byte_is_reported(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs)
    target = path / "data" / "claims-00000-of-00001.parquet"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    problems = verify_release(path)
    assert any(p.startswith("data/claims-00000-of-00001.parquet: sha256") for p in problems), problems


def test_verify_reports_manifest_mismatches(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs)
    (path / "data" / "extra.parquet").write_bytes(b"x")
    renamed = path.parent / "v2.0.0"
    path.rename(renamed)
    problems = verify_release(renamed)
    assert "data/extra.parquet: present but not listed in MANIFEST.json" in problems
    assert any("does not match the folder name 'v2.0.0'" in p for p in problems)
    (renamed / "MANIFEST.json").unlink()
    assert verify_release(renamed) == [f"{renamed}: MANIFEST.json is missing"]


def test_verify_reports_wrong_schema_and_row_count(tmp_path, tables, inputs):
    claims, papers = tables
    path = _write(tmp_path / "releases", tables, inputs)
    manifest = json.loads((path / "MANIFEST.json").read_text(encoding="utf-8"))
    bad = claims.set_column(claims.schema.get_field_index("value"), "value", claims["value"].cast(pa.float32()))
    write_parquet(bad.slice(0, 2), path / "data" / "claims-00000-of-00001.parquet")
    problems = verify_release(path)
    assert "data/claims-00000-of-00001.parquet: column 'value' is float, expected double" in problems
    assert "data/claims-00000-of-00001.parquet: 2 rows, manifest counts 3" in problems
    assert manifest["row_counts"]["claims"] == 3


@pytest.mark.parametrize("bad", ["../x", "1.0.0/../../etc", "1.0", "1.0.0.0", "v1.0.0-rc1", "01.0.0", "", "1.0.0 ", "١.٠.٠"])
def test_bad_version_is_refused(tmp_path, tables, inputs, bad):
    with pytest.raises(ValueError, match="version must be X.Y.Z"):
        _write(tmp_path / "releases", tables, inputs, version=bad)
    assert not (tmp_path / "releases").exists()


def test_parse_version_accepts_leading_v():
    assert parse_version("v1.2.3") == parse_version("1.2.3") == "1.2.3"


def test_failure_while_writing_leaves_nothing(tmp_path, tables, inputs, monkeypatch):
    def broken_card(*args, **kwargs):
        raise RuntimeError("card failed")

    monkeypatch.setattr("claimbench.release.writer.card_text", broken_card)
    with pytest.raises(RuntimeError, match="card failed"):
        _write(tmp_path / "releases", tables, inputs)
    assert list((tmp_path / "releases").iterdir()) == []


def test_table_with_wrong_columns_is_refused_and_leaves_nothing(tmp_path, tables, inputs):
    claims, papers = tables
    with pytest.raises(ValueError, match="differ from the schema"):
        _write(tmp_path / "releases", (claims.drop_columns(["title"]), papers), inputs)
    assert list((tmp_path / "releases").iterdir()) == []


def test_input_entry_path_is_builtin_cwd_relative_or_name(tmp_path, monkeypatch):
    seed = seed_files()[0]
    assert input_entry(seed)["path"] == f"corpus/seeds/{seed.name}"  # wherever the package is installed
    outside = tmp_path / "sub" / "dump.txt"
    outside.parent.mkdir()
    outside.write_bytes(b"abc")
    assert input_entry(outside) == {
        "path": "dump.txt",
        "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "bytes": 3,
    }
    monkeypatch.chdir(tmp_path)  # inside the working directory: relative to it
    assert input_entry(outside)["path"] == "sub/dump.txt"


def test_release_folder_has_ordinary_permissions(tmp_path, tables, inputs):
    path = _write(tmp_path / "releases", tables, inputs)
    ordinary = tmp_path / "releases" / "ordinary"
    ordinary.mkdir()
    assert path.stat().st_mode & 0o777 == ordinary.stat().st_mode & 0o777


def test_metric_phrase_is_a_nullable_string_column_documented_in_the_card(tmp_path, tables, inputs):
    claims, papers = tables
    field = claims.schema.field("metric_phrase")
    assert (field.type, field.nullable) == (pa.string(), True)
    assert claims.schema.names.index("metric_phrase") == claims.schema.names.index("metric") + 1
    assert claims["metric_phrase"].to_pylist() == [None, None, None]  # these hand-made claims give none
    card = (_write(tmp_path / "releases", tables, inputs) / "README.md").read_text(encoding="utf-8")
    assert "| `metric_phrase` | `string` | yes | the words of the abstract the metric was read from" in card


def test_a_release_of_schema_1_verifies_against_schema_1(tmp_path):
    """Releases up to v0.16.0 have no metric_phrase: checked against the columns of their manifest's schema."""
    import shutil

    from claimbench.schemas import SCHEMA_VERSION

    committed = sorted((REPO_ROOT / "releases").glob("v0.16.*"))
    if not committed:
        pytest.skip("release v0.16.x is not committed here")
    release = tmp_path / committed[-1].name
    shutil.copytree(committed[-1], release)
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == 1
    assert verify_release(release) == []
    (release / "MANIFEST.json").write_text(json.dumps({**manifest, "schema_version": SCHEMA_VERSION}), encoding="utf-8")
    [problem] = verify_release(release)
    assert problem.startswith("data/claims-00000-of-00001.parquet: columns [") and "'metric_phrase'" in problem
