"""``claimbench publish`` on the committed release releases/v0.2.0, offline.

Everything up to the network is real: the verification, the plan, the
huggingface_hub client and its token lookup. The four HfApi methods that
would reach the Hub (create_repo, list_repo_refs, upload_folder, create_tag)
are replaced by recorders, so the tests check the exact arguments the Hub
would receive. Sockets are closed off in every test: any real connection
attempt fails the test. The token is a sentinel that must never appear in
stdout, stderr or any log record, including when the fake upload fails with
an error that quotes it.
"""
from __future__ import annotations

import doctest
import json
import logging
import shutil
import socket
from pathlib import Path

import huggingface_hub
import pytest
from huggingface_hub import CommitInfo, GitRefInfo, GitRefs, HfApi, RepoUrl

import claimbench.release.publish
from claimbench.release.writer import sha256_file

from conftest import REPO_ROOT, run_main

RELEASE = REPO_ROOT / "releases" / "v0.2.0"
REPO_ID = "claimbench-test/claims"
SENTINEL = "hf_SentinelTokenValue0123456789abcdef"
COMMIT_OID = "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567"

pytestmark = pytest.mark.skipif(not (RELEASE / "MANIFEST.json").is_file(), reason=f"{RELEASE} is not committed here")


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """No sockets, no stored login, no token in the environment unless a test sets one."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_OIDC_RESOURCE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(huggingface_hub.constants, "HF_TOKEN_PATH", str(tmp_path / "no-login" / "token"))


class FakeHub:
    """Records the calls publish makes on HfApi; ``fail`` makes upload_folder raise with that message."""

    def __init__(self, monkeypatch, tags=(), fail: str | None = None):
        self.calls: list[tuple[str, tuple, dict]] = []
        self.tokens: list[object] = []
        self.fail = fail
        hub = self
        original_init = HfApi.__init__

        def init(api, *args, **kwargs):
            hub.tokens.append(kwargs.get("token"))
            original_init(api, *args, **kwargs)

        def create_repo(api, repo_id, **kwargs):
            hub.calls.append(("create_repo", (repo_id,), kwargs))
            return RepoUrl(f"https://huggingface.co/datasets/{repo_id}")

        def list_repo_refs(api, repo_id, **kwargs):
            hub.calls.append(("list_repo_refs", (repo_id,), kwargs))
            refs = [GitRefInfo(name=t, ref=f"refs/tags/{t}", target_commit="1" * 40) for t in tags]
            return GitRefs(branches=[], converts=[], tags=refs)

        def upload_folder(api, **kwargs):
            hub.calls.append(("upload_folder", (), kwargs))
            if hub.fail:
                logging.getLogger("claimbench.tests.fakehub").error("upload refused for %s", hub.fail)
                try:
                    raise OSError(hub.fail)
                except OSError:
                    logging.getLogger("claimbench.tests.fakehub").exception("traceback of the refusal")
                raise OSError(hub.fail)
            return CommitInfo(commit_url=f"https://huggingface.co/datasets/{kwargs['repo_id']}/commit/{COMMIT_OID}",
                              commit_message=kwargs.get("commit_message"), commit_description="", oid=COMMIT_OID)

        def create_tag(api, repo_id, **kwargs):
            hub.calls.append(("create_tag", (repo_id,), kwargs))

        monkeypatch.setattr(HfApi, "__init__", init)
        for name, fn in (("create_repo", create_repo), ("list_repo_refs", list_repo_refs),
                         ("upload_folder", upload_folder), ("create_tag", create_tag)):
            monkeypatch.setattr(HfApi, name, fn)

    def names(self) -> list[str]:
        return [name for name, _, _ in self.calls]

    def call(self, name: str) -> tuple[tuple, dict]:
        found = [(args, kwargs) for n, args, kwargs in self.calls if n == name]
        assert len(found) == 1, self.calls
        return found[0]


def _manifest_files() -> dict[str, str]:
    files = dict(json.loads((RELEASE / "MANIFEST.json").read_text(encoding="utf-8"))["files"])
    files["MANIFEST.json"] = sha256_file(RELEASE / "MANIFEST.json")
    return files


def _assert_no_token(out: str, err: str, caplog, token: str = SENTINEL) -> None:
    assert token not in out
    assert token not in err
    for record in caplog.records:
        assert token not in record.getMessage(), record
        assert token not in caplog.handler.format(record)
    assert token not in caplog.text


# --- dry run -------------------------------------------------------------------------------------


def test_dry_run_lists_every_file_and_the_destination_without_network(monkeypatch):
    hub = FakeHub(monkeypatch)
    monkeypatch.setenv("HF_TOKEN", SENTINEL)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID, "--dry-run")
    assert code == 0, err
    assert hub.calls == [] and hub.tokens == []  # the Hub client is not even made
    assert f"dataset repository {REPO_ID}" in out and "tag v0.2.0" in out and "(public)" in out
    files = _manifest_files()
    listed = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  ")}
    assert set(listed) == set(files)
    for rel, sha in files.items():
        assert listed[rel][-1] == sha
        assert int(listed[rel][1].replace(",", "")) == (RELEASE / rel).stat().st_size
    assert f"{len(files)} files, {sum((RELEASE / r).stat().st_size for r in files):,} bytes" in out
    assert SENTINEL not in out + err


def test_dry_run_needs_no_token_and_says_private(monkeypatch):
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID, "--dry-run", "--private")
    assert code == 0, err
    assert "(private)" in out


# --- the upload, up to the network ---------------------------------------------------------------


def test_publish_creates_uploads_and_tags_the_upload_commit(monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    hub = FakeHub(monkeypatch)
    monkeypatch.setenv("HF_TOKEN", SENTINEL)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID, "--private")
    assert code == 0, err
    assert hub.names() == ["create_repo", "list_repo_refs", "upload_folder", "create_tag"]
    assert hub.tokens == [SENTINEL]

    (repo_id,), kwargs = hub.call("create_repo")
    assert repo_id == REPO_ID and kwargs["repo_type"] == "dataset" and kwargs["exist_ok"] is True and kwargs["private"] is True

    _, kwargs = hub.call("upload_folder")
    assert Path(kwargs["folder_path"]) == RELEASE
    assert kwargs["repo_id"] == REPO_ID and kwargs["repo_type"] == "dataset"
    assert sorted(kwargs["allow_patterns"]) == sorted(_manifest_files())
    assert kwargs.get("revision") is None  # the commit goes on main

    (repo_id,), kwargs = hub.call("create_tag")
    assert repo_id == REPO_ID and kwargs["tag"] == "v0.2.0" and kwargs["repo_type"] == "dataset"
    assert kwargs["revision"] == COMMIT_OID  # the commit upload_folder made, not whatever main is by then

    assert f"in commit {COMMIT_OID}" in out and "tagged v0.2.0" in out
    assert "revision='v0.2.0'" in out
    _assert_no_token(out, err, caplog)


def test_token_from_the_stored_login_when_hf_token_is_unset(monkeypatch, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    stored = "hf_StoredLoginToken9876543210zyxwvu"
    token_file = tmp_path / "login" / "token"
    token_file.parent.mkdir()
    token_file.write_text(stored + "\n", encoding="utf-8")
    monkeypatch.setattr(huggingface_hub.constants, "HF_TOKEN_PATH", str(token_file))
    hub = FakeHub(monkeypatch)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID)
    assert code == 0, err
    assert hub.tokens == [stored]
    assert all(kwargs.get("token") == stored for _, _, kwargs in hub.calls)
    _assert_no_token(out, err, caplog, stored)


def test_no_token_is_a_clear_error_exit_2_before_any_call(monkeypatch):
    hub = FakeHub(monkeypatch)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID)
    assert code == 2
    assert "no Hugging Face token" in err and "HF_TOKEN" in err and "--dry-run" in err
    assert hub.calls == []


def test_a_failing_upload_never_shows_the_token(monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    hub = FakeHub(monkeypatch, fail=f"401 Unauthorized: invalid credentials in header 'Bearer {SENTINEL}'")
    monkeypatch.setenv("HF_TOKEN", SENTINEL)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID)
    assert code == 1
    assert "create_tag" not in hub.names()  # nothing is tagged after a failed upload
    assert "failed while uploading 5 files" in err and "401 Unauthorized" in err and "<redacted>" in err
    assert any("upload refused" in r.getMessage() for r in caplog.records)  # the fake's log lines were captured...
    _assert_no_token(out, err, caplog)  # ...redacted, as is the error message


def test_an_existing_tag_is_never_replaced(monkeypatch):
    hub = FakeHub(monkeypatch, tags=("v0.1.0", "v0.2.0"))
    monkeypatch.setenv("HF_TOKEN", SENTINEL)
    code, out, err = run_main("publish", RELEASE, "--repo-id", REPO_ID)
    assert code == 1
    assert "already has tag v0.2.0" in err
    assert hub.names() == ["create_repo", "list_repo_refs"]


# --- refusals ------------------------------------------------------------------------------------


def test_a_release_that_fails_verification_is_not_published(monkeypatch, tmp_path):
    hub = FakeHub(monkeypatch)
    monkeypatch.setenv("HF_TOKEN", SENTINEL)
    broken = tmp_path / "v0.2.0"
    shutil.copytree(RELEASE, broken)
    with open(broken / "validation" / "report.json", "a", encoding="utf-8") as f:
        f.write(" ")
    (broken / "notes.txt").write_text("not in the manifest\n", encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        code, out, err = run_main("publish", broken, "--repo-id", REPO_ID, *extra)
        assert code == 1, out + err
        assert "fails verification; not publishing" in err
        assert "validation/report.json: sha256" in err and "notes.txt: present but not listed" in err
    assert hub.calls == []


@pytest.mark.parametrize("manifest", ["[" * 100000 + "]" * 100000, '{"version": "0.2.0"', '{"version": 2}'],
                         ids=["nested past reading", "not JSON", "wrong shape"])
def test_a_release_with_a_damaged_manifest_is_refused_without_a_traceback(monkeypatch, tmp_path, manifest):
    hub = FakeHub(monkeypatch)
    broken = tmp_path / "v0.2.0"
    shutil.copytree(RELEASE, broken)
    (broken / "MANIFEST.json").write_text(manifest, encoding="utf-8")
    code, out, err = run_main("publish", broken, "--repo-id", REPO_ID, "--dry-run")
    assert code in (1, 2), out + err
    assert "MANIFEST.json" in err and "Traceback" not in err
    assert hub.calls == []


def test_missing_release_and_bad_repo_id_exit_2_naming_them(tmp_path):
    missing = tmp_path / "releases" / "v9.9.9"
    code, out, err = run_main("publish", missing, "--repo-id", REPO_ID, "--dry-run")
    assert code == 2 and str(missing) in err
    not_a_release = tmp_path
    code, out, err = run_main("publish", not_a_release, "--repo-id", REPO_ID, "--dry-run")
    assert code == 2 and str(not_a_release / "MANIFEST.json") in err
    code, out, err = run_main("publish", RELEASE, "--repo-id", "no-slash", "--dry-run")
    assert code == 2 and "ORG/NAME" in err and "'no-slash'" in err


def test_publish_function_returns_what_was_made(monkeypatch):
    FakeHub(monkeypatch)
    plan = claimbench.release.publish.publish_plan(RELEASE, REPO_ID)
    assert plan.tag == "v0.2.0" and plan.repo_type == "dataset" and plan.version == "0.2.0"
    assert [f.path for f in plan.files] == sorted(_manifest_files())
    result = claimbench.release.publish.publish(plan, SENTINEL)
    assert result.commit == COMMIT_OID
    assert result.repo_url == f"https://huggingface.co/datasets/{REPO_ID}"


def test_module_doctests():
    assert doctest.testmod(claimbench.release.publish, raise_on_error=False).failed == 0
