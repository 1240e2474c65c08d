"""Commands that read releases: ``evaluate``, ``diff``, ``leaderboard`` and ``report``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimbench.analysis.leaderboard import FORMATS
from claimbench.cli.common import predictions_table
from claimbench.errors import UsageError


def register(sub) -> None:
    """Add this group's commands to the ``claimbench`` subparsers ``sub``."""
    p = sub.add_parser("evaluate", help="score extraction against gold files, one row each (the spec's score.py figures)")
    p.add_argument("gold", type=Path, nargs="*",
                   help="gold JSONL files (the spec's format; default: the shipped sets dev.jsonl, dev_external.jsonl, test.jsonl)")
    p.add_argument("--predictions", type=Path, help="a claims Parquet file or release to score (default: run the extractor on the gold abstracts)")
    p.add_argument("--show-errors", type=int, default=0, metavar="N",
                   help="list N errors of each kind for each set (never for a report-only set: the shipped test.jsonl)")
    p.add_argument("--format", choices=("table", "figures", "json"), default="table",
                   help="table = one row per gold file (the default); figures = each file's figures as score.py prints them; json")
    p.add_argument("--min-f1", type=float, default=None, help="exit 1 when f1 is below this floor (every file)")
    p.add_argument("--min-metric-f1", type=float, default=None, help="exit 1 when metric_f1 is below this floor (every file)")
    p.add_argument("--floor", action="append", default=[], metavar="SET:FIGURE=V[,FIGURE=V...]",
                   help="floors for one gold file (its name or path), e.g. dev.jsonl:f1=0.95,metric_f1=0.87; any figure "
                        "of the table (f1, recall, change_acc, workload_f1, ...); replaces --min-* for the figures it names; repeatable")
    p.set_defaults(handler=cmd_evaluate)

    p = sub.add_parser("diff", help="claims added, removed and changed between two releases",
                       description="Compare release A (older) with release B (newer), matching claims by claim_id.")
    p.add_argument("a", help="release A: a release folder, or a version (0.1.0 / v0.1.0) under --releases-dir")
    p.add_argument("b", help="release B, likewise")
    p.add_argument("--releases-dir", type=Path, default=Path("releases"), help="where versions are looked up (default: ./releases)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.add_argument("--show", type=int, default=5, metavar="N",
                   help="list N claims of each kind (default 5; with --format json, -1 lists all)")
    p.set_defaults(handler=cmd_diff)

    p = sub.add_parser("leaderboard", help="rank the claims of one metric (baselines and hardware grouped by alias)",
                       description="Rank the claims of one metric, largest first (smallest first for absolute latency, "
                                   "memory, energy and cost), in one canonical unit.")
    p.add_argument("--metric", required=True, help="the metric to rank (speedup, throughput, latency, ...)")
    p.add_argument("--baseline", help="only claims over this baseline (a canonical name or any alias, e.g. vLLM)")
    p.add_argument("--hardware", help="only claims measured on this hardware (e.g. A100, 'NVIDIA A100 80GB')")
    p.add_argument("--workload", help="only claims whose workload contains this (case and punctuation ignored)")
    p.add_argument("--change", choices=("increase", "decrease", "none"), help="only claims with this direction of change")
    p.add_argument("--unit", help="rank claims in this canonical unit (default: the most common among the matches)")
    p.add_argument("--release", help="a release folder or version (default: the newest under --releases-dir)")
    p.add_argument("--releases-dir", type=Path, default=Path("releases"), help="where releases live (default: ./releases)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="show the first N rows (default 20; 0 for all)")
    p.add_argument("--format", choices=FORMATS, default="table", help="table (default), csv, json or markdown")
    p.set_defaults(handler=cmd_leaderboard)

    p = sub.add_parser("report", help="write a static HTML report of a release (plots and a searchable claims table)")
    p.add_argument("release", type=Path, help="a release folder, e.g. releases/v0.2.0")
    p.add_argument("--output", "-o", required=True, type=Path, help="folder to write index.html (and screenshot.png) into")
    p.add_argument("--no-screenshot", action="store_true", help="skip the PNG preview drawn by headless Chromium")
    p.set_defaults(handler=cmd_report)


def cmd_evaluate(args) -> int:
    from claimbench.analysis.evaluate import (
        Floor,
        evaluate_sets,
        floor_failures,
        floors_for,
        format_result,
        format_table,
        is_report_only,
        parse_floor,
        set_names,
        unmatched_floors,
    )
    from claimbench.corpus import gold_files

    every = {name: value for name, value in (("f1", args.min_f1), ("metric_f1", args.min_metric_f1)) if value is not None}
    floors = [Floor(None, every)] + [parse_floor(text) for text in args.floor]  # a bad --floor: ValueError, exit 2
    paths = args.gold or gold_files()
    unknown = unmatched_floors(floors, list(zip(set_names(paths), paths)))
    if unknown:
        raise UsageError(f"--floor for {', '.join(unknown)}: no such gold set here (the sets: {', '.join(set_names(paths))})")
    claims = predictions_table(args.predictions) if args.predictions else None
    scores = evaluate_sets(paths, claims)
    hidden = {s.name for s in scores if args.show_errors and is_report_only(s.path)}
    if args.format == "json":
        import json

        print(json.dumps([{"set": s.name, "gold": str(s.path), **s.result} for s in scores], indent=2))
    elif args.format == "figures":
        for s in scores:
            if len(scores) > 1:
                print(f"== {s.name}")
            print(format_result(s.result, {} if s.name in hidden else s.errors, args.show_errors))
    else:
        print(format_table([s.row for s in scores]))
        for s in scores:
            if args.show_errors and s.name not in hidden:
                print(f"\nerrors in {s.name} (at most {args.show_errors} of each kind):")
                print(format_result({}, s.errors, args.show_errors))
    for name in sorted(hidden):
        print(f"claimbench: {name}: errors not shown: a report-only gold set (its errors are never read)", file=sys.stderr)
    failed = [line for s in scores for line in floor_failures(s.row, floors_for(s.name, s.path, floors))]
    for line in failed:
        print(f"claimbench: quality below floor: {line}", file=sys.stderr)
    return 1 if failed else 0


def cmd_diff(args: argparse.Namespace) -> int:
    from claimbench.analysis.diff import diff_releases, format_text
    from claimbench.release.versioning import resolve_release

    a, b = resolve_release(args.a, args.releases_dir), resolve_release(args.b, args.releases_dir)
    diff = diff_releases(a, b)
    if args.format == "json":
        print(json.dumps(diff.to_dict(None if args.show < 0 else args.show), indent=2, ensure_ascii=False))
    else:
        print(format_text(diff, max(args.show, 0)), end="")
    return 0


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from claimbench.analysis.leaderboard import check_metric, leaderboard, render
    from claimbench.release.layout import read_frame
    from claimbench.release.versioning import find_release, read_manifest, resolve_release

    check_metric(args.metric)  # before reading anything
    folder = resolve_release(args.release, args.releases_dir) if args.release else find_release(args.releases_dir)
    claims = read_frame(folder, "claims")
    board = leaderboard(claims, args.metric, baseline=args.baseline, hardware=args.hardware, workload=args.workload,
                        top=args.top, unit=args.unit, change=args.change)
    release = f"claimbench v{read_manifest(folder).get('version', '?')}"
    sys.stdout.write(render(board, args.format, args.metric, release))
    return 0


def cmd_report(args) -> int:
    """Handler of ``claimbench report``: prints what was written; exit 0, or 2 for a missing release."""
    import sys

    from claimbench.analysis.report import write_report

    try:
        result = write_report(args.release, args.output, screenshot=not args.no_screenshot)
    except RuntimeError as err:  # Chromium failed: the page is written, the preview is not
        print(f"claimbench: report: {err}", file=sys.stderr)
        return 1
    print(f"report of release v{result.version}: {result.claims} claims, {result.papers} papers, "
          f"plots: {', '.join(result.plots) or 'none'}"
          + ("" if "time" in result.plots else " (no dates in this release: no plot over time)"))
    print(f"wrote {result.index} ({result.bytes:,} bytes; open it in a browser, no server needed)")
    if result.screenshot:
        print(f"wrote {result.screenshot}")
    else:
        print(f"screenshot: skipped ({result.screenshot_note})")
    return 0
