"""``claimbench publish RELEASE --repo-id ORG/NAME [--dry-run] [--private]``: put a release on the Hugging Face Hub.

The release is verified first (``claimbench.release.verify.verify_release``: checksums,
schema, row counts, and the manifest must record a passed validation); a
release that fails is never published. Then, with huggingface_hub:

1. ``HfApi.create_repo(repo_id, repo_type="dataset", exist_ok=True, private=...)``;
   then ``list_repo_refs``: a repository that already has the tag vX.Y.Z is left alone (exit 1);
2. ``HfApi.upload_folder(folder_path=RELEASE, repo_type="dataset", allow_patterns=[the files])``:
   exactly the files of the manifest plus MANIFEST.json (and .gitattributes, if present);
3. ``HfApi.create_tag(repo_id, tag="vX.Y.Z", revision=<the commit upload_folder made>)``,
   so users pin the data with ``load_dataset(repo_id, "claims", revision="vX.Y.Z")``.

``publish_plan(Path("releases/v0.2.0"), "org/claims")`` ->
``PublishPlan(repo_id="org/claims", repo_type="dataset", tag="v0.2.0", files=(PlannedFile("MANIFEST.json", 1386, "065a1f5c..."),
PlannedFile("README.md", 9120, "11a7e729..."), ...))`` (sizes from disk, sha256 from MANIFEST.json, the
manifest's own computed); ``--dry-run`` prints that plan and makes no network call.

The token is ``$HF_TOKEN``, else the one ``hf auth login`` stored
(``huggingface_hub.get_token()``). It is never printed or logged: error
messages are redacted, and while publishing every log record is too.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from claimbench.errors import ClaimbenchError, UsageError
from claimbench.extract.readers import InputError
from claimbench.release.layout import read_manifest

REPO_TYPE = "dataset"
TOKEN_ENV = "HF_TOKEN"
_REPO_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")
# Things that look like Hugging Face tokens, redacted from messages even when they are not ours.
_TOKEN_LIKE = re.compile(r"\bhf_[A-Za-z0-9]{10,}\b")
REDACTED = "<redacted>"


class PublishError(ClaimbenchError):
    """Publishing stopped; ``code`` is the exit status (1: verification or upload failed, 2: usage or setup)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.exit_code = code


@dataclass(frozen=True)
class PlannedFile:
    """One file of the upload: path in the repository, size in bytes, sha256 (from MANIFEST.json)."""

    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class PublishPlan:
    """What ``publish`` uploads where."""

    folder: Path
    repo_id: str
    repo_type: str
    tag: str
    version: str
    private: bool
    files: tuple[PlannedFile, ...]

    @property
    def total_bytes(self) -> int:
        return sum(f.bytes for f in self.files)

    def describe(self) -> str:
        """The plan as ``--dry-run`` prints it: destination, then one line per file."""
        width = max(len(f.path) for f in self.files)
        lines = [
            f"destination: {self.repo_type} repository {self.repo_id} "
            f"({'private' if self.private else 'public'}), commit on main, tag {self.tag}",
            f"{len(self.files)} files, {self.total_bytes:,} bytes, from {self.folder}:",
        ]
        lines += [f"  {f.path:<{width}}  {f.bytes:>12,}  sha256 {f.sha256}" for f in self.files]
        return "\n".join(lines)


@dataclass(frozen=True)
class PublishResult:
    """What ``publish`` did: the plan, the repository URL, the commit made and the tag put on it."""

    plan: PublishPlan
    repo_url: str
    commit: str
    commit_url: str | None


def check_repo_id(repo_id: str) -> str:
    """``repo_id`` if it has the form ORG/NAME, else ValueError.

    >>> check_repo_id("claimbench/claims")
    'claimbench/claims'
    >>> check_repo_id("claims")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: --repo-id must be ORG/NAME (letters, digits, '.', '_', '-'), got 'claims'
    """
    if not _REPO_ID.fullmatch(repo_id) or ".." in repo_id or repo_id.endswith((".", "-")):
        raise UsageError(f"--repo-id must be ORG/NAME (letters, digits, '.', '_', '-'), got {repo_id!r}")
    return repo_id


def publish_plan(release: Path, repo_id: str, private: bool = False) -> PublishPlan:
    """Verify the release at ``release`` and list what would be uploaded; no network.

    Raises InputError naming the path when there is no release there, and
    PublishError (code 1) listing every problem when the release fails verification.
    """
    from claimbench.release.verify import verify_release
    from claimbench.release.writer import sha256_file

    folder = Path(release)
    check_repo_id(repo_id)
    if not folder.is_dir():
        raise InputError(folder, None, "no such release folder")
    if not (folder / "MANIFEST.json").is_file():
        raise InputError(folder / "MANIFEST.json", None, "missing: not a release folder")
    problems = verify_release(folder)
    manifest = read_manifest(folder) if not problems else {}  # read only once verify found its structure sound
    if not problems and (manifest.get("validation") or {}).get("success") is not True:
        problems.append("MANIFEST.json: the release's validation did not pass (validation.success is not true)")
    if problems:
        listed = "\n".join(f"  {p}" for p in problems)
        raise PublishError(f"{folder} fails verification; not publishing:\n{listed}", code=1)
    files = dict(manifest["files"])
    files["MANIFEST.json"] = sha256_file(folder / "MANIFEST.json")
    if (folder / ".gitattributes").is_file():
        files[".gitattributes"] = sha256_file(folder / ".gitattributes")
    planned = tuple(PlannedFile(rel, (folder / rel).stat().st_size, sha) for rel, sha in sorted(files.items()))
    version = manifest["version"]
    return PublishPlan(folder=folder, repo_id=repo_id, repo_type=REPO_TYPE, tag=f"v{version}", version=version,
                       private=private, files=planned)


def find_token() -> str | None:
    """The Hub token: ``$HF_TOKEN``, else the stored login (``huggingface_hub.get_token()``), else None.
    A malformed ``$HF_TOKEN`` (white space or control characters inside it, e.g. two lines) is a
    PublishError that names the variable and never echoes any part of it (tests/test_reliability.py)."""
    token = os.environ.get(TOKEN_ENV)
    if token and token.strip():
        token = token.strip()
        if any(c.isspace() or not c.isprintable() for c in token):
            raise PublishError(
                f"{TOKEN_ENV} is malformed (it holds white space or control characters inside it, e.g. two lines); "
                "set it to the token alone", code=2)
        return token
    from huggingface_hub import get_token

    return get_token() or None


def redact(text: str, token: str | None) -> str:
    """``text`` without ``token`` nor anything shaped like a Hugging Face token.

    >>> redact("401 for hf_abcdefghijklmnop at /api", None)
    '401 for <redacted> at /api'
    >>> redact("bad token s3cret-value", "s3cret-value")
    'bad token <redacted>'
    """
    if token:
        text = text.replace(token, REDACTED)
    return _TOKEN_LIKE.sub(REDACTED, text)


@contextlib.contextmanager
def redacted_logging(token: str | None):
    """While inside, every log record created anywhere has ``token`` redacted from its message."""
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error handling
            return record
        clean = redact(message, token)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            # A traceback would print the exception's text; keep only the redacted message.
            record.msg = f"{clean} ({type(record.exc_info[1]).__name__}: {redact(str(record.exc_info[1]), token)})"
            record.args, record.exc_info, record.exc_text = None, None, None
        return record

    logging.setLogRecordFactory(factory)
    try:
        yield
    finally:
        logging.setLogRecordFactory(previous)


def publish(plan: PublishPlan, token: str, api=None) -> PublishResult:
    """Create the repository, upload the plan's files in one commit and tag that commit; returns what was made.

    ``api`` is a ``huggingface_hub.HfApi`` (made with ``token`` when None). Any
    failure is a PublishError (code 1) whose message has the token redacted.
    """
    if not token:
        raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login` (or use --dry-run)", code=2)
    with redacted_logging(token):
        step = "connecting to the Hub"
        try:
            if api is None:
                from huggingface_hub import HfApi

                api = HfApi(token=token, library_name="claimbench")
            step = f"creating the {plan.repo_type} repository {plan.repo_id}"
            repo_url = api.create_repo(plan.repo_id, repo_type=plan.repo_type, private=plan.private, exist_ok=True, token=token)
            step = f"reading the tags of {plan.repo_id}"
            tags = {ref.name for ref in api.list_repo_refs(plan.repo_id, repo_type=plan.repo_type, token=token).tags}
            if plan.tag in tags:
                raise PublishError(f"{plan.repo_id} already has tag {plan.tag}: a published release is never replaced "
                                   f"(build a new version instead)", code=1)
            step = f"uploading {len(plan.files)} files to {plan.repo_id}"
            commit = api.upload_folder(
                repo_id=plan.repo_id, repo_type=plan.repo_type, folder_path=str(plan.folder),
                allow_patterns=[f.path for f in plan.files],
                commit_message=f"claimbench release {plan.tag}",
                commit_description=f"Files of release {plan.tag}, verified against its MANIFEST.json before upload.",
                token=token,
            )
            step = f"tagging commit {commit.oid} as {plan.tag}"
            api.create_tag(plan.repo_id, tag=plan.tag, revision=commit.oid, repo_type=plan.repo_type,
                           tag_message=f"claimbench release {plan.tag}", token=token)
        except PublishError:
            raise
        except Exception as err:  # noqa: BLE001 -- any failure of the Hub client ends here, redacted
            message = redact(f"{type(err).__name__}: {err}", token)
            raise PublishError(f"publishing {plan.folder} failed while {step}: {message}", code=1) from None
    return PublishResult(plan=plan, repo_url=str(repo_url), commit=commit.oid, commit_url=getattr(commit, "commit_url", None))


# --- command line --------------------------------------------------------------------------------
