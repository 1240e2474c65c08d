"""The ``claimbench`` command line.

    claimbench extract INPUT... --output FILE.parquet   claims table only
    claimbench build [INPUT...] [--version X.Y.Z]        extract, validate, write releases/vX.Y.Z
    claimbench validate PATH                             run the expectation suite on a table or release
    claimbench verify RELEASE                            checksums, schema, row counts
    claimbench evaluate [GOLD.jsonl...]                 precision / recall / field scores, one row per gold file

A problem in the input ends the run with a message naming the file and line
(exit 2), never a traceback; with ``--on-error skip`` (extract and build) bad
records are set aside in a rejects file instead, and the run ends with the
accounting: records read = papers + duplicates merged + records rejected.
A paper whose extraction raises is treated the same way (its file and line,
reason ``extraction failed: <ExceptionType>: message``).

extract and build stream: ``--engine local|dask`` with ``--workers N`` (default
all cores) or ``--scheduler ADDRESS`` chooses how extraction runs; the
extraction cache (``--cache DIR``, default ``.claimbench-cache`` beside the
releases folder or the output file; ``--no-cache`` to do without) makes a
rebuild extract only papers it has not seen with this extractor version, read
only the input files it has not indexed, and copy the shards of the newest
release it would write again (see claimbench.plan and claimbench.reuse).
"""
from __future__ import annotations

import argparse
import importlib
import os
import secrets
import shutil
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from claimbench import __version__
from claimbench.extract.readers import InputError


def _add_on_error(p: argparse.ArgumentParser, where: str) -> None:
    p.add_argument("--on-error", choices=("fail", "skip"), default="fail",
                   help=f"a bad input record, or a paper whose extraction raises: fail = stop with its file:line "
                        f"(exit 2, the default); skip = leave it out, list it in {where} and go on")


def _add_workers(p: argparse.ArgumentParser, cache_beside: str) -> None:
    p.add_argument("--workers", type=_workers_arg, default=None, metavar="N",
                   help="processes for extraction (default: all cores; 1 = in this process)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local = this machine (a process pool, or this process with --workers 1); "
                        "dask = a Dask cluster (--scheduler ADDRESS, or a LocalCluster of --workers processes)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler, e.g. tcp://10.0.0.1:8786 (--engine dask)")
    p.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help=f"extraction cache folder (default: .claimbench-cache beside {cache_beside})")
    p.add_argument("--no-cache", action="store_true", help="extract every paper, neither reading nor writing the cache")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# Processes a build may start on this machine at most: more would fork until memory runs out.
MAX_WORKERS = max(64, 4 * (os.cpu_count() or 1))


def _workers_arg(text: str) -> int:
    """--workers N: at least 1 and at most MAX_WORKERS (a Dask cluster's own workers are not counted here)."""
    value = _positive(text)
    if value > MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"at most {MAX_WORKERS} on this machine ({os.cpu_count()} cores), got {value}")
    return value


def _check_output(output: Path, inputs: list[str]) -> None:
    """``extract -o``: not an existing folder, and not one of the inputs (it would be overwritten)."""
    if output.is_dir():
        raise ValueError(f"--output {output} is a folder: name the claims .parquet file to write")
    target = output.resolve()
    for item in inputs:
        if Path(item).exists() and Path(item).resolve() == target:
            raise ValueError(f"--output {output} is also an input: writing it would destroy the input")


def _check_releases_dir(releases_dir: Path) -> None:
    """``build --releases-dir``: not inside a release folder (it would write into a published release)."""
    here = releases_dir.resolve()
    for folder in (here, *here.parents):
        if (folder / "MANIFEST.json").is_file():
            raise ValueError(f"--releases-dir {releases_dir} is inside the release {folder}: releases are never written into")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="claimbench", description="Quantitative claims from research abstracts, as a versioned dataset.")
    ap.add_argument("--version", action="version", version=f"claimbench {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from inputs into one Parquet file")
    p.add_argument("inputs", nargs="+", help="seed dumps (.txt), JSONL, CSV or Parquet files (optionally .gz), or folders of them")
    p.add_argument("--output", "-o", required=True, type=Path, help="the claims Parquet file to write")
    _add_on_error(p, "OUTPUT_STEM.rejects.jsonl beside the output")
    _add_workers(p, "the output file")

    p = sub.add_parser("build", help="extract, validate and write a versioned release folder")
    p.add_argument("inputs", nargs="*", help="inputs as for extract (default: the built-in corpus)")
    p.add_argument("--version", dest="release_version", metavar="X.Y.Z", help="release version (default: the next one, from what changed)")
    p.add_argument("--releases-dir", type=Path, default=Path("releases"), help="where releases live (default: ./releases)")
    p.add_argument("--date", help="release date, ISO (default: today, UTC)")
    p.add_argument("--no-report", dest="report_page", action="store_false",
                   help="do not put the HTML report (report/index.html, and report/screenshot.png when Chromium is installed) "
                        "in the release")
    _add_on_error(p, "the release's rejects.jsonl")
    _add_workers(p, "the releases folder")
    p.add_argument("--shard-records", type=_positive, default=None, metavar="N",
                   help="input records a shard of the release at most (default 65,536); a rebuild copies the shards "
                        "of the newest release whose content it would write again")

    p = sub.add_parser("validate", help="run the expectation suite over a claims Parquet file or a release")
    p.add_argument("path", type=Path)

    p = sub.add_parser("verify", help="check a release: checksums, schema, row counts, expectation suite")
    p.add_argument("release", type=Path)

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

    # Commands kept in their own modules: each module's add_command(sub) adds its
    # subparser and sets ``handler`` (a function args -> exit code) as its default.
    for module in COMMAND_MODULES:
        importlib.import_module(module).add_command(sub)
    return ap


def _workers(args) -> int | None:
    """Workers asked for; None lets the engine decide (all cores, or every thread of a Dask scheduler)."""
    if args.workers:
        return args.workers
    if args.engine == "dask" and args.scheduler:
        return None
    from claimbench.engines import default_workers

    return default_workers()


def _engine_args(args) -> dict:
    if args.scheduler and args.engine != "dask":
        raise ValueError("--scheduler is for --engine dask")
    return {"engine": args.engine, "workers": _workers(args), "scheduler": args.scheduler}


def _cache_dir(args, beside: Path) -> Path | None:
    from claimbench.cache import default_cache_dir

    if args.no_cache:
        return None
    return args.cache if args.cache is not None else default_cache_dir(beside)


def cmd_extract(args) -> int:
    from claimbench.pipeline import Run

    _check_output(args.output, args.inputs)
    run = Run(args.inputs, on_error=args.on_error, cache_dir=_cache_dir(args, args.output),
              progress=not args.quiet, **_engine_args(args))
    run.read()  # a bad input stops here, before anything is written
    output = args.output
    with _naming(output):
        return _write_extract(args, run, output)


def _write_extract(args, run, output: Path) -> int:
    """Write ``extract``'s outputs (claims, papers, rejects) beside each other, all or none."""
    from claimbench.pipeline import Outputs
    from claimbench.release import remove_stale_temp

    output.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp(output.parent)
    # Written into a temporary folder beside the output, then renamed: a killed run leaves no partial file.
    tmp = output.parent / f".tmp-{os.getpid()}-{secrets.token_hex(8)}"
    tmp.mkdir()
    final = {"claims": output, "papers": papers_path_for(output), "rejects": rejects_path_for(output)}
    try:
        outputs = Outputs(tmp / "claims.parquet", tmp / "papers.parquet", rejects=tmp / "rejects.jsonl")
        run.write(outputs)
        if args.on_error == "skip" and not outputs.rejects.exists():
            outputs.rejects.write_text("", encoding="utf-8")  # always written with skip: it describes this output
        os.replace(outputs.papers, final["papers"])  # the abstracts the offsets point into
        if args.on_error == "skip":
            os.replace(outputs.rejects, final["rejects"])
        elif final["rejects"].exists():
            final["rejects"].unlink()  # left by an earlier run with --on-error skip; this output rejected nothing
        os.replace(outputs.claims, final["claims"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stats = run.stats
    print(stats.summary())
    print(f"wrote {stats.claims} claims to {output} (papers: {final['papers']})")
    if args.on_error == "skip":
        print(f"wrote {stats.rejected} rejected records to {final['rejects']}")
    return 0


@contextmanager
def _naming(target: Path):
    """An OSError that names no file (pyarrow's "File too large", say) is raised again naming ``target``,
    what was being written, so that the one line the user sees says where."""
    try:
        yield
    except OSError as err:
        if err.filename is None:
            raise OSError(err.errno, err.strerror or str(err), str(target)) from err
        raise


def papers_path_for(output: Path) -> Path:
    """The papers table written beside a claims file: ``claims.parquet`` -> ``claims.papers.parquet``."""
    return output.with_name(output.name.removesuffix(".parquet") + ".papers.parquet")


def rejects_path_for(output: Path) -> Path:
    """Where ``extract --on-error skip`` lists rejected records: ``claims.parquet`` -> ``claims.rejects.jsonl``."""
    return output.with_name(output.stem + ".rejects.jsonl")


def cmd_build(args) -> int:
    from claimbench.build import ValidationFailed, build

    _check_releases_dir(args.releases_dir)
    try:
        with _naming(args.releases_dir):
            result = build(args.inputs, args.releases_dir, args.release_version, progress=not args.quiet, date=args.date,
                           on_error=args.on_error, cache_dir=_cache_dir(args, args.releases_dir),
                           report_page=args.report_page, shard_records=args.shard_records, **_engine_args(args))
    except ValidationFailed as err:
        print(f"claimbench: {err}", file=sys.stderr)
        return 1
    print(result.stats.summary())
    print(result.validation_summary)
    if result.up_to_date:
        print(f"up to date: {args.releases_dir / ('v' + result.version)} already holds this exact data and card; nothing written")
    else:
        print(f"wrote release v{result.version} to {result.path}")
        if result.stats.rejected:
            print(f"{result.stats.rejected} rejected input records listed in {result.path / 'rejects.jsonl'}")
    return 0


def _claims_and_papers(path: Path):
    """(claims, papers) of a release folder, or of a claims file and the papers file beside it."""
    import pyarrow.parquet as pq

    if path.is_dir():
        from claimbench.layout import read_table, table_files

        for table in ("claims", "papers"):
            if not table_files(path, table):
                raise InputError(path / "data" / f"{table}.parquet", None,
                                 f"no {table} table here (nor any data/{table}-*.parquet shard; expected a release folder or a claims .parquet file)")
        return read_table(path, "claims"), read_table(path, "papers")
    claims_path, papers_path = path, papers_path_for(path)
    if not claims_path.is_file():
        raise InputError(claims_path, None, "no claims table here (expected a release folder or a claims .parquet file)")
    if not papers_path.is_file():
        raise InputError(papers_path, None, "the papers table is missing: validation checks each mention against its abstract")
    return pq.read_table(claims_path), pq.read_table(papers_path)


def cmd_validate(args) -> int:
    from claimbench.validation import validate_tables

    claims, papers = _claims_and_papers(args.path)
    report = validate_tables(claims, papers)
    print(report.summary_text())
    return 0 if report.success and report.quarantine.num_rows == 0 else 1


def cmd_verify(args) -> int:
    from claimbench.verify import verify_release

    problems = verify_release(args.release)
    if not problems:
        from claimbench.validation import validate_tables

        claims, papers = _claims_and_papers(args.release)
        report = validate_tables(claims, papers)
        if not report.success or report.quarantine.num_rows:
            problems.append("the expectation suite fails on this release:\n" + report.summary_text())
    for problem in problems:
        print(f"{args.release}: {problem}")
    if not problems:
        print(f"{args.release}: OK (checksums, schema, row counts, expectation suite)")
    return 1 if problems else 0


def cmd_evaluate(args) -> int:
    from claimbench.corpus import gold_files
    from claimbench.evaluate import (Floor, evaluate_sets, floor_failures, floors_for, format_result, format_table,
                                     is_report_only, parse_floor, set_names, unmatched_floors)

    every = {name: value for name, value in (("f1", args.min_f1), ("metric_f1", args.min_metric_f1)) if value is not None}
    floors = [Floor(None, every)] + [parse_floor(text) for text in args.floor]  # a bad --floor: ValueError, exit 2
    paths = args.gold or gold_files()
    unknown = unmatched_floors(floors, list(zip(set_names(paths), paths)))
    if unknown:
        raise ValueError(f"--floor for {', '.join(unknown)}: no such gold set here (the sets: {', '.join(set_names(paths))})")
    claims = _predictions(args.predictions) if args.predictions else None
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


def _predictions(path: Path):
    """The claims table to score: a Parquet file or a release folder."""
    import pyarrow.parquet as pq

    if path.is_dir():
        from claimbench.layout import read_table, table_files

        if not table_files(path, "claims"):
            raise InputError(path / "data" / "claims.parquet", None,
                             "no claims table here (nor any data/claims-*.parquet shard; expected a release folder or a claims .parquet file)")
        return read_table(path, "claims")
    if not path.is_file():
        raise InputError(path, None, "no claims table here (expected a release folder or a claims .parquet file)")
    return pq.read_table(path)


# Modules that each contribute one subcommand (see _parser). They import
# their heavy dependencies inside the handler, so ``--help`` stays fast.
COMMAND_MODULES = (
    "claimbench.changelog",
    "claimbench.explain",
    "claimbench.diff",
    "claimbench.leaderboard",
    "claimbench.report",
    "claimbench.publish",
)

COMMANDS = {"extract": cmd_extract, "build": cmd_build, "validate": cmd_validate, "verify": cmd_verify, "evaluate": cmd_evaluate}


def _exit_on_sigterm() -> None:
    """SIGTERM ends the run as an exception would: the engine's pool is shut down (its workers stopped, none
    left running with no parent) and temporary folders are removed, as for Ctrl-C."""
    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():  # (signal handlers belong to the main thread)
        signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    from claimbench.release import ReleaseExistsError

    args = _parser().parse_args(argv)
    if args.command in ("extract", "build"):
        _exit_on_sigterm()
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return handler(args)
    except InputError as err:
        from claimbench.pipeline import ExtractionFailed

        print(f"claimbench: {'' if isinstance(err, ExtractionFailed) else 'bad input: '}{err}", file=sys.stderr)
        return 2
    except RuntimeError as err:
        from claimbench.extract.dedup import InputChanged

        if not isinstance(err, InputChanged):
            raise
        print(f"claimbench: {err}", file=sys.stderr)
        return 2
    except (ReleaseExistsError, ValueError) as err:
        print(f"claimbench: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        # A read-only folder, a full disk, a file-size limit: one line naming the path and the cause (whatever was
        # being written is left out whole: releases and outputs are renamed into place only when complete).
        from claimbench.extract.readers import printable_path

        where = f": {printable_path(err.filename)}" if err.filename else ""
        print(f"claimbench: cannot write or read{where}: {err.strerror or err}", file=sys.stderr)
        return 2 if isinstance(err, FileNotFoundError) else 1  # a missing input or release file is the user's to fix
    except ImportError as err:
        from claimbench.engines import EngineUnavailable

        if not isinstance(err, EngineUnavailable):
            raise
        print(f"claimbench: {err}", file=sys.stderr)  # --engine dask without Dask: which extra to install
        return 2


if __name__ == "__main__":
    sys.exit(main())
