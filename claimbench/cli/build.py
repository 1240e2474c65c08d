"""``claimbench build``: extract, validate and write a versioned release folder."""
from __future__ import annotations

from pathlib import Path

from claimbench.cli.common import add_on_error, add_workers, cache_dir, check_releases_dir, engine_args, naming, positive


def register(sub) -> None:
    """Add this group's commands to the ``claimbench`` subparsers ``sub``."""
    p = sub.add_parser("build", help="extract, validate and write a versioned release folder")
    p.add_argument("inputs", nargs="*", help="inputs as for extract (default: the built-in corpus)")
    p.add_argument("--version", dest="release_version", metavar="X.Y.Z", help="release version (default: the next one, from what changed)")
    p.add_argument("--releases-dir", type=Path, default=Path("releases"), help="where releases live (default: ./releases)")
    p.add_argument("--date", help="release date, ISO (default: today, UTC)")
    p.add_argument("--no-report", dest="report_page", action="store_false",
                   help="do not put the HTML report (report/index.html, and report/screenshot.png when Chromium is installed) "
                        "in the release")
    add_on_error(p, "the release's rejects.jsonl")
    add_workers(p, "the releases folder")
    p.add_argument("--shard-records", type=positive, default=None, metavar="N",
                   help="input records a shard of the release at most (default 65,536); a rebuild copies the shards "
                        "of the newest release whose content it would write again")
    p.set_defaults(handler=cmd_build)


def cmd_build(args) -> int:
    from claimbench.run.build import build

    check_releases_dir(args.releases_dir)
    with naming(args.releases_dir):  # a failed validation is a ValidationFailed: exit 1, no release
        result = build(args.inputs, args.releases_dir, args.release_version, progress=not args.quiet, date=args.date,
                       on_error=args.on_error, cache_dir=cache_dir(args, args.releases_dir),
                       report_page=args.report_page, shard_records=args.shard_records, **engine_args(args))
    print(result.stats.summary())
    print(result.validation_summary)
    if result.up_to_date:
        print(f"up to date: {args.releases_dir / ('v' + result.version)} already holds this exact data and card; nothing written")
    else:
        print(f"wrote release v{result.version} to {result.path}")
        if result.stats.rejected:
            print(f"{result.stats.rejected} rejected input records listed in {result.path / 'rejects.jsonl'}")
    return 0
