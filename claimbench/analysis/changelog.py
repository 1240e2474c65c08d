"""releases/CHANGELOG.md, written purely from the release folders.

For each release, newest first: version and date, extractor, schema and
builder versions, paper and claim counts, what kind of change it was
(schema, data, or card only, from the manifests' checksums), and its diff
from the previous release (claims added, removed and changed, which columns
changed, papers added and removed, counts by metric). Nothing but the
releases goes in, so the same releases always give the same bytes.

    $ claimbench changelog
    wrote releases/CHANGELOG.md (2 releases, newest v0.2.0)
"""
from __future__ import annotations

import os
from pathlib import Path

from claimbench.errors import RefusedWrite
from claimbench.release.layout import data_entries, is_shard_file

HEADER = (
    "# Changelog\n\n"
    "Every release of the claimbench dataset, newest first. Written by `claimbench changelog` from the "
    "release folders alone (their MANIFEST.json and Parquet files); regenerate it rather than editing it.\n\n"
    "Versions: **major** = the schema changed; **minor** = new papers, changed extraction, or the same data in other files (v0.8.0: shards); "
    "**patch** = the card or documentation only. Claims are matched across releases by `claim_id`; "
    "a claim is *changed* when any other column differs (`extractor_version` aside).\n"
)


def changelog_text(releases_dir: Path) -> str:
    """The whole CHANGELOG.md for the releases under ``releases_dir`` (raises ReleaseNotFound if there are none)."""
    from claimbench.analysis.diff import diff_releases, release_info
    from claimbench.release.versioning import ReleaseNotFound, read_manifest, releases_in

    folders = [folder for _, folder in releases_in(releases_dir)]
    if not folders:
        raise ReleaseNotFound(f"no release under {releases_dir} (expected folders vX.Y.Z with a MANIFEST.json)")
    sections = []
    for i, folder in enumerate(folders):
        info = release_info(folder)
        if i == 0:
            sections.append(_first_section(info, folder))
        else:
            previous = folders[i - 1]
            kind = change_kind(read_manifest(previous), read_manifest(folder))
            sections.append(_section(info, kind, diff_releases(previous, folder)))
    return HEADER + "".join(reversed(sections))


def _inputs(manifest: dict) -> list[tuple]:
    return [tuple(sorted(entry.items())) for entry in manifest.get("inputs", [])]


def _sharded(files: dict) -> bool:
    return any(is_shard_file(rel) for rel in files)


def change_kind(old: dict, new: dict) -> str:
    """What kind of release ``new`` is after ``old``, from their manifests.

    >>> files = {"data/claims.parquet": "1", "data/papers.parquet": "2", "README.md": "3"}
    >>> old = {"schema_version": 1, "files": files}
    >>> change_kind(old, {"schema_version": 2, "files": files})
    'major: the schema changed'
    >>> change_kind(old, {"schema_version": 1, "files": {**files, "README.md": "4"}})
    'patch: the card or documentation only'
    >>> change_kind(old, {"schema_version": 1, "files": {**files, "data/papers.parquet": "5"}})
    'minor: the extraction changed'
    >>> change_kind(old, {"schema_version": 1, "files": {**files, "data/papers.parquet": "5"}, "inputs": [{"path": "more.jsonl"}]})
    'minor: the input papers changed'
    >>> change_kind(old, {"schema_version": 1, "files": {"data/claims-00000-of-00001.parquet": "1", "data/papers-00000-of-00001.parquet": "2"}})[:38]
    'minor: the data files changed layout ('
    """
    if old.get("schema_version") != new.get("schema_version"):
        return "major: the schema changed"
    old_data, new_data = data_entries(old.get("files", {})), data_entries(new.get("files", {}))
    if old_data != new_data:
        # The papers table counts each paper's claims, so it changes with the extraction too:
        # the inputs (paths and sha256 in the manifest) tell new papers from new extraction.
        if _inputs(old) != _inputs(new):
            return "minor: the input papers changed"
        if _sharded(old_data) != _sharded(new_data) and old.get("extractor_version") == new.get("extractor_version"):
            return "minor: the data files changed layout (one file a table -> shards data/<table>-NNNNN-of-NNNNN.parquet)"
        return "minor: the extraction changed"
    if old.get("files", {}).get("README.md") != new.get("files", {}).get("README.md"):
        return "patch: the card or documentation only"
    return "no change in data or card"


def _heading(info) -> str:
    return (
        f"\n## v{info.version} ({info.date})\n\n"
        f"- extractor {info.extractor_version}, schema {info.schema_version}\n"
        f"- {info.n_papers} papers, {info.n_claims} claims\n"
    )


def _first_section(info, folder: Path) -> str:
    from claimbench.release.layout import read_frame
    from claimbench.schemas import vocabularies

    counts = read_frame(folder, "claims", columns=["metric"]).metric.value_counts().to_dict()
    known = vocabularies()["metric"]
    order = known + sorted(set(counts) - set(known))
    rows = "".join(f"| {m} | {counts[m]} |\n" for m in order if counts.get(m))
    return _heading(info) + "- first release\n\n| metric | claims |\n|---|---:|\n" + rows


def _section(info, kind: str, diff) -> str:
    counts = diff.counts()
    columns = ", ".join(f"{c} {n}" for c, n in diff.changed_columns.items())
    text = _heading(info) + (
        f"- {kind}\n"
        f"- since v{diff.a.version}: {counts['added']} claims added, {counts['removed']} removed, "
        f"{counts['changed']} changed" + (f" ({columns})" if columns else "") + f", {counts['unchanged']} unchanged; "
        f"{counts['papers_added']} papers added, {counts['papers_removed']} removed\n"
    )
    if diff.a.extractor_version != diff.b.extractor_version:
        text += f"- extractor {diff.a.extractor_version} -> {diff.b.extractor_version}\n"
    return text + "\n" + metric_markdown(diff)


def metric_markdown(diff) -> str:
    """The diff's counts by metric as a markdown table (metrics absent from both releases left out)."""
    from claimbench.analysis.diff import signed

    head = (f"| metric | v{diff.a.version} | v{diff.b.version} | delta | added | removed | changed |\n"
            "|---|---:|---:|---:|---:|---:|---:|\n")
    rows = "".join(f"| {m.metric} | {m.a} | {m.b} | {signed(m.b - m.a)} | {m.added} | {m.removed} | {m.changed} |\n"
                   for m in diff.by_metric if m.a or m.b)
    return head + rows


def refuse_link(path: Path) -> None:
    """A ValueError naming ``path`` when it is a symbolic link: claimbench never writes through one."""
    if path.is_symlink():
        raise RefusedWrite(f"{path} is a link: claimbench never writes through a link (remove it, then build again)")


def write_changelog(releases_dir: Path) -> Path:
    """Write ``releases_dir/CHANGELOG.md`` from the releases there and return its path.

    Never through a link (a link there is refused, naming it). Two builds at once take turns (a lock on
    the releases folder itself), each regenerating from every release present, so the last one lists
    both. The text goes to a temporary file, synced, then renamed over the old one: a kill midway
    leaves the previous CHANGELOG.md whole, and the next build repairs it."""
    import fcntl

    releases_dir = Path(releases_dir)
    path = releases_dir / "CHANGELOG.md"
    refuse_link(path)
    folder = os.open(releases_dir, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # released when the descriptor is closed
        tmp = releases_dir / f".CHANGELOG.md.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(changelog_text(releases_dir))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            os.fsync(folder)
        finally:
            if tmp.exists():
                tmp.unlink()
    finally:
        os.close(folder)
    return path
