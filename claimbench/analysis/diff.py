"""What changed between two releases: claims added, removed and changed, papers added and removed.

Claims are matched by ``claim_id`` (sha1 of the paper and the mention's
offsets, so the same number in the same abstract keeps its id across
extractor versions). A claim is *changed* when its id is in both releases
and any other column differs (nulls compare equal to nulls). The
``extractor_version`` column is left out of that comparison: it differs on
every row whenever the extractor's version does, and the header of the diff
shows it once instead.

    $ claimbench diff v0.1.0 v0.2.0
    claimbench diff v0.1.0 -> v0.2.0
      A  v0.1.0  2026-11-24  extractor 0.1.0  schema 1  263 papers  418 claims
      B  v0.2.0  2026-11-24  extractor 0.2.0  schema 1  263 papers  418 claims
    claims: 0 added, 0 removed, 113 changed, 305 unchanged
    ...

``diff_releases(a, b)`` is the same comparison as a value (a ReleaseDiff),
used by ``claimbench changelog`` too.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Compared for "changed"? Every column but the id and the extractor's version (shown in the header).
NOT_COMPARED = ("claim_id", "extractor_version")
# Fields shown for an added or removed claim.
SHOWN = ("claim_id", "paper_id", "title", "mention", "metric", "value", "unit", "baseline", "hardware", "workload")


@dataclass(frozen=True)
class ReleaseInfo:
    """One side of a diff, from its MANIFEST.json."""

    path: str
    version: str
    date: str
    extractor_version: str
    schema_version: int | None
    n_papers: int
    n_claims: int


@dataclass(frozen=True)
class MetricCounts:
    """Claims of one metric: in A, in B, and added / removed / changed (counted under B's metric, A's for removed)."""

    metric: str
    a: int
    b: int
    added: int
    removed: int
    changed: int


@dataclass(frozen=True)
class ReleaseDiff:
    """The difference from release A to release B.

    ``added``/``removed``: one dict per claim (the SHOWN fields), sorted by claim_id;
    ``changed``: ``{"claim_id", "title", "mention", "changes": {column: [old, new]}}``, sorted by claim_id;
    ``changed_columns``: how many changed claims differ in each column, most first;
    ``papers_added``/``papers_removed``: ``{"paper_id", "title"}``, sorted by paper_id.
    """

    a: ReleaseInfo
    b: ReleaseInfo
    added: tuple[dict, ...]
    removed: tuple[dict, ...]
    changed: tuple[dict, ...]
    unchanged: int
    changed_columns: dict[str, int]
    by_metric: tuple[MetricCounts, ...]
    papers_added: tuple[dict, ...] = field(default=())
    papers_removed: tuple[dict, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """{"added", "removed", "changed", "unchanged", "papers_added", "papers_removed"}."""
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed),
                "unchanged": self.unchanged, "papers_added": len(self.papers_added), "papers_removed": len(self.papers_removed)}

    def to_dict(self, show: int | None = None) -> dict:
        """A JSON-ready dict; ``show`` limits the listed claims and papers of each kind (None: all)."""
        cut = (lambda rows: list(rows)) if show is None else (lambda rows: list(rows[:show]))
        return {
            "a": asdict(self.a), "b": asdict(self.b), "counts": self.counts(),
            "changed_columns": self.changed_columns,
            "by_metric": [asdict(m) for m in self.by_metric],
            "added": cut(self.added), "removed": cut(self.removed), "changed": cut(self.changed),
            "papers_added": cut(self.papers_added), "papers_removed": cut(self.papers_removed),
        }


def release_info(folder: Path) -> ReleaseInfo:
    """The facts of a release folder the diff shows, from its MANIFEST.json."""
    from claimbench.release.versioning import read_manifest

    manifest = read_manifest(folder)
    counts = manifest.get("row_counts", {})
    return ReleaseInfo(
        path=str(folder), version=manifest.get("version", "?"), date=manifest.get("date", "?"),
        extractor_version=manifest.get("extractor_version", "?"), schema_version=manifest.get("schema_version"),
        n_papers=int(counts.get("papers", 0)), n_claims=int(counts.get("claims", 0)),
    )


def diff_releases(a: Path, b: Path) -> ReleaseDiff:
    """Compare release folder ``a`` (older) with release folder ``b`` (newer); reads, never writes.

    For the committed releases, ``diff_releases(Path("releases/v0.1.0"), Path("releases/v0.2.0")).counts()``
    is ``{"added": 0, "removed": 0, "changed": 113, "unchanged": 305, "papers_added": 0, "papers_removed": 0}``.
    """
    import pandas as pd

    from claimbench.release.layout import read_frame, read_shard, table_files

    a, b = Path(a), Path(b)
    skip = shared_shards(a, b)
    if not skip[1]:
        frames = [read_frame(folder, table) for folder in (a, b) for table in ("claims", "papers")]
        return diff_tables(release_info(a), release_info(b), *frames)

    def read(folder: Path, table: str, left_out: set[str]):
        every = table_files(folder, table)
        files = [p for p in every if p.relative_to(folder).as_posix() not in left_out]
        if not files:  # no rows to compare: the columns only
            import pyarrow.parquet as pq

            return read_shard(every[0], pq.read_schema).empty_table().to_pandas()
        return pd.concat([read_shard(p, pd.read_parquet) for p in files], ignore_index=True)

    frames = [read(folder, table, left_out) for folder, left_out in zip((a, b), skip) for table in ("claims", "papers")]
    same = [p for p in table_files(b, "claims") if p.relative_to(b).as_posix() in skip[1]]
    metrics = pd.concat([read_shard(p, lambda path: pd.read_parquet(path, columns=["metric"])) for p in same], ignore_index=True).metric
    return diff_tables(release_info(a), release_info(b), *frames, shared_metrics=metrics.value_counts().to_dict())


def shared_shards(a: Path, b: Path) -> tuple[set[str], set[str]]:
    """(files of release ``a``, files of release ``b``), release-relative, of the shards both hold unchanged: the same
    sha256 of its claims file and of its papers file. Their rows are the same in both: the diff need not read them.

    >>> shared_shards(Path("releases/v0.1.0"), Path("releases/v0.2.0"))  # single-file releases have no shards
    (set(), set())
    """
    from claimbench.release.versioning import read_manifest

    def shards(folder: Path) -> dict[tuple[str, str], tuple[str, str]]:
        manifest = read_manifest(folder)
        files = manifest.get("files", {})
        found = {}
        for entry in manifest.get("shards", []):
            paths = entry.get("files", {})
            if sorted(paths) == ["claims", "papers"] and files.get(paths["claims"]) and files.get(paths["papers"]):
                found[files[paths["claims"]], files[paths["papers"]]] = (paths["claims"], paths["papers"])
        return found

    in_a, in_b = shards(a), shards(b)
    common = in_a.keys() & in_b.keys()
    return {f for k in common for f in in_a[k]}, {f for k in common for f in in_b[k]}


def diff_tables(info_a: ReleaseInfo, info_b: ReleaseInfo, claims_a, papers_a, claims_b, papers_b,
                shared_metrics: dict | None = None) -> ReleaseDiff:
    """The diff of two releases' tables (pandas DataFrames), described by ``info_a`` and ``info_b``.

    ``shared_metrics``: claims left out of both tables because they are the same in both
    releases (shards with the same key), counted by metric: unchanged, and in both releases' counts.
    """
    ca, cb = claims_a.set_index("claim_id", drop=False), claims_b.set_index("claim_id", drop=False)
    added_ids = sorted(set(cb.index) - set(ca.index))
    removed_ids = sorted(set(ca.index) - set(cb.index))
    common = sorted(set(ca.index) & set(cb.index))
    columns = [c for c in ca.columns if c in cb.columns and c not in NOT_COMPARED]
    old, new = ca.loc[common, columns], cb.loc[common, columns]
    differs = {c: _differs(old[c], new[c]) for c in columns}
    changed = []
    for i, claim_id in enumerate(common):
        cols = [c for c in columns if differs[c][i]]
        if cols:
            changes = {c: [_py(old[c].iloc[i]), _py(new[c].iloc[i])] for c in cols}
            changed.append({"claim_id": claim_id, "title": cb.at[claim_id, "title"], "mention": cb.at[claim_id, "mention"], "changes": changes})
    changed_columns = {c: int(sum(differs[c])) for c in columns if any(differs[c])}
    changed_columns = dict(sorted(changed_columns.items(), key=lambda kv: (-kv[1], columns.index(kv[0]))))
    changed_ids = [row["claim_id"] for row in changed]
    return ReleaseDiff(
        a=info_a, b=info_b,
        added=tuple(_shown(cb.loc[i]) for i in added_ids),
        removed=tuple(_shown(ca.loc[i]) for i in removed_ids),
        changed=tuple(changed),
        unchanged=len(common) - len(changed) + sum((shared_metrics or {}).values()),
        changed_columns=changed_columns,
        by_metric=_by_metric(ca, cb, added_ids, removed_ids, changed_ids, shared_metrics or {}),
        papers_added=_papers(papers_b, set(papers_b.paper_id) - set(papers_a.paper_id)),
        papers_removed=_papers(papers_a, set(papers_a.paper_id) - set(papers_b.paper_id)),
    )


def _differs(old, new) -> list[bool]:
    """Element-wise "differs", with null equal to null."""
    both_null = old.isna().to_numpy() & new.isna().to_numpy()
    equal = (old.to_numpy(dtype=object) == new.to_numpy(dtype=object))
    return [not (bn or bool(eq)) for bn, eq in zip(both_null, equal)]


def _py(value):
    """A cell as a plain JSON-ready Python value (numpy scalars unwrapped, NaN and NA as None)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if value is pd.NA:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return value


def _shown(row) -> dict:
    return {c: _py(row[c]) for c in SHOWN if c in row.index}


def _papers(papers, ids: set) -> tuple[dict, ...]:
    rows = papers[papers.paper_id.isin(ids)].sort_values("paper_id")
    return tuple({"paper_id": p, "title": t} for p, t in zip(rows.paper_id, rows.title))


def _by_metric(ca, cb, added_ids, removed_ids, changed_ids, shared: dict) -> tuple[MetricCounts, ...]:
    from claimbench.schemas import vocabularies

    def count(series) -> dict:
        return series.value_counts().to_dict()

    in_a, in_b = count(ca.metric), count(cb.metric)
    for metric, n in shared.items():
        in_a[metric] = in_a.get(metric, 0) + n
        in_b[metric] = in_b.get(metric, 0) + n
    added, removed, changed = count(cb.loc[added_ids, "metric"]), count(ca.loc[removed_ids, "metric"]), count(cb.loc[changed_ids, "metric"])
    known = vocabularies()["metric"]
    order = known + sorted((set(in_a) | set(in_b)) - set(known))
    return tuple(MetricCounts(m, int(in_a.get(m, 0)), int(in_b.get(m, 0)), int(added.get(m, 0)), int(removed.get(m, 0)),
                              int(changed.get(m, 0))) for m in order)


# ---------------------------------------------------------------- text output


def format_text(diff: ReleaseDiff, show: int = 5) -> str:
    """The diff as the ``claimbench diff`` command prints it (``show`` examples of each kind)."""
    counts = diff.counts()
    lines = [f"claimbench diff v{diff.a.version} -> v{diff.b.version}", _info_line("A", diff.a), _info_line("B", diff.b)]
    if diff.a.schema_version != diff.b.schema_version:
        lines.append(f"schema changed: {diff.a.schema_version} -> {diff.b.schema_version}")
    lines.append(f"claims: {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed, "
                 f"{counts['unchanged']} unchanged")
    if diff.changed_columns:
        lines.append("changed columns: " + ", ".join(f"{c} {n}" for c, n in diff.changed_columns.items()))
    lines.append(f"papers: {counts['papers_added']} added, {counts['papers_removed']} removed")
    lines += ["", metric_table(diff.by_metric)]
    if show > 0:
        lines += _examples("added", diff.added, show, _claim_line("+"))
        lines += _examples("removed", diff.removed, show, _claim_line("-"))
        lines += _examples("changed", diff.changed, show, _changed_lines)
        lines += _examples("papers added", diff.papers_added, show, lambda p: [f"  + {p['paper_id']}  {p['title']}"])
        lines += _examples("papers removed", diff.papers_removed, show, lambda p: [f"  - {p['paper_id']}  {p['title']}"])
    return "\n".join(lines) + "\n"


def _info_line(side: str, info: ReleaseInfo) -> str:
    return (f"  {side}  v{info.version}  {info.date}  extractor {info.extractor_version}  schema {info.schema_version}  "
            f"{info.n_papers} papers  {info.n_claims} claims")


def metric_table(rows: tuple[MetricCounts, ...]) -> str:
    """Counts by metric as an aligned text table (metrics with no claims on either side left out).

    >>> print(metric_table((MetricCounts("speedup", 107, 106, 0, 0, 12),)))
    metric         A      B  delta  added  removed  changed
    speedup      107    106     -1      0        0       12
    """
    head = f"{'metric':<12}{'A':>4}{'B':>7}{'delta':>7}{'added':>7}{'removed':>9}{'changed':>9}"
    body = [f"{m.metric:<12}{m.a:>4}{m.b:>7}{signed(m.b - m.a):>7}{m.added:>7}{m.removed:>9}{m.changed:>9}"
            for m in rows if m.a or m.b]
    return "\n".join([head] + body)


def signed(n: int) -> str:
    """A change in count, signed unless zero.

    >>> signed(3), signed(-1), signed(0)
    ('+3', '-1', '0')
    """
    return f"{n:+d}" if n else "0"


def _examples(kind: str, rows, show: int, render) -> list[str]:
    if not rows:
        return []
    lines = ["", f"{kind} (showing {min(show, len(rows))} of {len(rows)}):"]
    for row in rows[:show]:
        lines += render(row)
    return lines


def _claim_line(sign: str):
    def render(row: dict) -> list[str]:
        return [f"  {sign} {row['claim_id']}  {row['metric']} {_value(row['value'])} {row['unit']}  "
                f"{row['mention']!r}  ({row['title']})"]
    return render


def _changed_lines(row: dict) -> list[str]:
    lines = [f"  ~ {row['claim_id']}  {row['mention']!r}  ({row['title']})"]
    lines += [f"      {col}: {old!r} -> {new!r}" for col, (old, new) in row["changes"].items()]
    return lines


def _value(value) -> str:
    return format(value, "g") if isinstance(value, float) else str(value)


# ---------------------------------------------------------------- command
