"""``claimbench diff`` and diff_releases on the committed releases, cross-checked with plain pandas."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from claimbench.analysis.diff import diff_releases

from conftest import REPO_ROOT

RELEASES = REPO_ROOT / "releases"
V010, V020 = RELEASES / "v0.1.0", RELEASES / "v0.2.0"


def _claims(folder: Path) -> pd.DataFrame:
    return pd.read_parquet(folder / "data" / "claims.parquet").set_index("claim_id")


def expected(a: Path, b: Path) -> dict:
    """The diff computed independently: set operations on claim_id, column-wise comparison of the rest."""
    ca, cb = _claims(a), _claims(b)
    common = ca.index.intersection(cb.index)
    columns = [c for c in ca.columns if c != "extractor_version"]
    differs = pd.DataFrame({c: ~((ca.loc[common, c] == cb.loc[common, c]).fillna(False)
                                 | (ca.loc[common, c].isna() & cb.loc[common, c].isna())) for c in columns})
    changed = differs.any(axis=1)
    pa_, pb_ = (set(pd.read_parquet(f / "data" / "papers.parquet").paper_id) for f in (a, b))
    return {
        "added": len(cb.index.difference(ca.index)), "removed": len(ca.index.difference(cb.index)),
        "changed": int(changed.sum()), "unchanged": int((~changed).sum()),
        "papers_added": len(pb_ - pa_), "papers_removed": len(pa_ - pb_),
        "columns": {c: int(n) for c, n in differs.sum().items() if n},
    }


def test_committed_releases_counts_match_pandas():
    diff = diff_releases(V010, V020)
    want = expected(V010, V020)
    assert diff.counts() == {k: v for k, v in want.items() if k != "columns"}
    assert diff.changed_columns == want["columns"]
    assert diff.counts()["changed"] > 0 and "metric" in diff.changed_columns  # v0.2.0 did change the extraction
    assert "extractor_version" not in diff.changed_columns


def test_changed_claims_list_the_columns_and_values():
    diff = diff_releases(V010, V020)
    ca, cb = _claims(V010), _claims(V020)
    for row in diff.changed:
        for column, (old, new) in row["changes"].items():
            assert (None if pd.isna(ca.at[row["claim_id"], column]) else ca.at[row["claim_id"], column]) == old
            assert (None if pd.isna(cb.at[row["claim_id"], column]) else cb.at[row["claim_id"], column]) == new


def test_counts_by_metric_match_value_counts():
    diff = diff_releases(V010, V020)
    in_a, in_b = _claims(V010).metric.value_counts(), _claims(V020).metric.value_counts()
    changed_ids = [r["claim_id"] for r in diff.changed]
    changed_b = _claims(V020).loc[changed_ids].metric.value_counts()
    for m in diff.by_metric:
        assert (m.a, m.b, m.changed) == (in_a.get(m.metric, 0), in_b.get(m.metric, 0), changed_b.get(m.metric, 0))


def test_cli_text_on_versions(cli):
    code, out, err = cli("diff", "v0.1.0", "0.2.0", "--releases-dir", RELEASES, "--show", "2")
    assert code == 0, err
    want = expected(V010, V020)
    assert out.startswith("claimbench diff v0.1.0 -> v0.2.0\n")
    assert f"claims: {want['added']} added, {want['removed']} removed, {want['changed']} changed, {want['unchanged']} unchanged" in out
    assert "extractor 0.1.0" in out and "extractor 0.2.0" in out
    assert f"changed (showing 2 of {want['changed']}):" in out
    assert "speedup      107    106     -1" in out  # by metric: A, B, delta


def test_cli_json_on_folders(cli):
    code, out, err = cli("diff", V010, V020, "--format", "json", "--show", "-1")
    assert code == 0, err
    data = json.loads(out)
    want = expected(V010, V020)
    assert data["counts"]["changed"] == want["changed"] == len(data["changed"])
    assert data["changed_columns"] == want["columns"]
    assert (data["a"]["version"], data["b"]["version"]) == ("0.1.0", "0.2.0")


def test_a_release_against_itself_has_no_changes(cli):
    code, out, _ = cli("diff", V020, V020, "--format", "json")
    assert code == 0
    assert json.loads(out)["counts"] == {"added": 0, "removed": 0, "changed": 0, "unchanged": 418,
                                         "papers_added": 0, "papers_removed": 0}


def test_added_removed_and_papers_on_an_edited_copy(tmp_path):
    """v0.2.0 copied, then: one paper and its claims removed, one value changed, one claim added."""
    b = tmp_path / "v0.2.1"
    shutil.copytree(V020, b)
    claims = pd.read_parquet(b / "data" / "claims.parquet")
    papers = pd.read_parquet(b / "data" / "papers.parquet")
    gone = claims.paper_id.iloc[0]
    n_gone = int((claims.paper_id == gone).sum())
    claims = claims[claims.paper_id != gone].reset_index(drop=True)
    papers = papers[papers.paper_id != gone]
    claims.loc[0, "value"] = claims.loc[0, "value"] + 1
    new = claims.iloc[[1]].copy()
    new["claim_id"] = "ffffffffffffffff"
    claims = pd.concat([claims, new], ignore_index=True)
    claims.to_parquet(b / "data" / "claims.parquet")
    papers.to_parquet(b / "data" / "papers.parquet")
    diff = diff_releases(V020, b)
    assert diff.counts() == {"added": 1, "removed": n_gone, "changed": 1, "unchanged": 418 - n_gone - 1,
                             "papers_added": 0, "papers_removed": 1}
    assert diff.changed[0]["changes"].keys() == {"value"}
    assert diff.added[0]["claim_id"] == "ffffffffffffffff"
    assert diff.papers_removed[0]["paper_id"] == gone


@pytest.mark.parametrize("b, message", [
    ("v9.9.0", f"no release v9.9.0 under {RELEASES}; available: v0.1.0, v0.2.0"),
    ("no/such/folder", "no/such/folder: no such release folder"),
])
def test_missing_release_exits_2_naming_it(cli, b, message):
    code, out, err = cli("diff", "v0.1.0", b, "--releases-dir", RELEASES)
    assert (code, out) == (2, "")
    assert message in err
