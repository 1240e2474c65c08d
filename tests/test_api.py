"""claimbench.load / claimbench.load_dataset on the committed releases (offline), and a Hub id passed through."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import claimbench
from claimbench.release.layout import read_frame
from claimbench.release.versioning import ReleaseNotFound

from conftest import REPO_ROOT, newest_committed_release

RELEASES = REPO_ROOT / "releases"


def _parquet(version: str, config: str = "claims") -> pd.DataFrame:
    return pd.read_parquet(RELEASES / f"v{version}" / "data" / f"{config}.parquet")


def test_import_stays_light():
    code = "import sys, claimbench; print(sorted(m for m in ('pandas', 'pyarrow', 'datasets') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


@pytest.mark.parametrize("version", ["0.1.0", "v0.2.0"])
def test_load_a_version_from_the_releases_folder(version):
    df = claimbench.load(RELEASES, version=version)
    pd.testing.assert_frame_equal(df, _parquet(version.lstrip("v")))
    assert set(df.extractor_version) == {"0.1.0" if "0.1" in version else "0.2.0"}


def test_load_defaults_to_the_newest_release():
    newest = newest_committed_release()
    pd.testing.assert_frame_equal(claimbench.load(str(RELEASES)), read_frame(newest, "claims"))


def test_load_a_release_folder_and_the_papers_config():
    papers = claimbench.load(RELEASES / "v0.1.0", config="papers")
    pd.testing.assert_frame_equal(papers, _parquet("0.1.0", "papers"))
    assert claimbench.load(RELEASES / "v0.1.0", version="0.1.0").shape == (418, 21)


def test_missing_version_lists_available_ones():
    with pytest.raises(ReleaseNotFound) as err:
        claimbench.load(RELEASES, version="0.0.9")
    assert "no release v0.0.9" in str(err.value) and "v0.1.0, v0.2.0" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_a_release_folder_with_another_version_is_refused():
    with pytest.raises(ReleaseNotFound, match="is release v0.1.0, not v0.2.0"):
        claimbench.load(RELEASES / "v0.1.0", version="0.2.0")


def test_unknown_config_and_missing_table():
    with pytest.raises(ValueError, match="config must be one of claims, papers, quarantine"):
        claimbench.load(RELEASES, config="gold")
    with pytest.raises(ReleaseNotFound, match="quarantine.parquet does not exist"):
        claimbench.load(RELEASES, version="0.2.0", config="quarantine")  # v0.2.0 quarantined nothing


def test_nonexistent_local_path_names_it(tmp_path):
    with pytest.raises(ReleaseNotFound, match=str(tmp_path / "nope")):
        claimbench.load(tmp_path / "nope")
    with pytest.raises(ReleaseNotFound, match="no release under"):
        claimbench.load(tmp_path)  # an existing folder without releases


def test_load_dataset_offline_from_a_local_release(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    ds = claimbench.load_dataset(RELEASES, version="0.1.0", cache_dir=str(tmp_path))
    expected = _parquet("0.1.0")
    assert ds.num_rows == len(expected) and ds.column_names == list(expected.columns)
    assert ds[0]["claim_id"] == expected.claim_id[0]
    papers = claimbench.load_dataset(RELEASES / "v0.2.0", config="papers", cache_dir=str(tmp_path))
    assert papers.num_rows == len(_parquet("0.2.0", "papers"))


@pytest.fixture
def fake_hub(monkeypatch):
    """datasets.load_dataset replaced at the boundary: records its arguments, returns a small Dataset."""
    import datasets

    calls = []

    def fake_load_dataset(path, name=None, **kwargs):
        calls.append((path, name, kwargs))
        return datasets.Dataset.from_dict({"claim_id": ["abc"], "value": [2.49]})

    monkeypatch.setattr(datasets, "load_dataset", fake_load_dataset)
    return calls


def test_repo_id_is_passed_to_datasets_pinned_to_the_version(fake_hub):
    df = claimbench.load("someone/claimbench", version="0.2.0")
    assert fake_hub == [("someone/claimbench", "claims", {"split": "train", "revision": "v0.2.0"})]
    assert isinstance(df, pd.DataFrame) and df.value.tolist() == [2.49]
    claimbench.load_dataset("someone/claimbench", config="papers", token="t")
    assert fake_hub[1] == ("someone/claimbench", "papers", {"split": "train", "revision": None, "token": "t"})


def test_local_paths_never_reach_the_hub(fake_hub):
    claimbench.load(RELEASES, version="0.1.0")
    assert fake_hub == []
