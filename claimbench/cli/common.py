"""What the commands share: their common options, the files written beside an output, reading a table to check."""
from __future__ import annotations

import argparse
import os
from contextlib import contextmanager
from pathlib import Path

from claimbench.errors import RefusedWrite, UsageError
from claimbench.extract.readers import InputError


def add_on_error(p: argparse.ArgumentParser, where: str) -> None:
    p.add_argument("--on-error", choices=("fail", "skip"), default="fail",
                   help=f"a bad input record, or a paper whose extraction raises: fail = stop with its file:line "
                        f"(exit 2, the default); skip = leave it out, list it in {where} and go on")


def add_workers(p: argparse.ArgumentParser, cache_beside: str) -> None:
    p.add_argument("--workers", type=workers_arg, default=None, metavar="N",
                   help="processes for extraction (default: all cores; 1 = in this process)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local = this machine (a process pool, or this process with --workers 1); "
                        "dask = a Dask cluster (--scheduler ADDRESS, or a LocalCluster of --workers processes)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler, e.g. tcp://10.0.0.1:8786 (--engine dask)")
    p.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help=f"extraction cache folder (default: .claimbench-cache beside {cache_beside})")
    p.add_argument("--no-cache", action="store_true", help="extract every paper, neither reading nor writing the cache")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# Processes a build may start on this machine at most: more would fork until memory runs out.
MAX_WORKERS = max(64, 4 * (os.cpu_count() or 1))


def workers_arg(text: str) -> int:
    """--workers N: at least 1 and at most MAX_WORKERS (a Dask cluster's own workers are not counted here)."""
    value = positive(text)
    if value > MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"at most {MAX_WORKERS} on this machine ({os.cpu_count()} cores), got {value}")
    return value


def check_output(output: Path, inputs: list[str]) -> None:
    """``extract -o``: not an existing folder, and not one of the inputs (it would be overwritten)."""
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder: name the claims .parquet file to write")
    target = output.resolve()
    for item in inputs:
        if Path(item).exists() and Path(item).resolve() == target:
            raise RefusedWrite(f"--output {output} is also an input: writing it would destroy the input")


def check_releases_dir(releases_dir: Path) -> None:
    """``build --releases-dir``: not inside a release folder (it would write into a published release)."""
    here = releases_dir.resolve()
    for folder in (here, *here.parents):
        if (folder / "MANIFEST.json").is_file():
            raise RefusedWrite(f"--releases-dir {releases_dir} is inside the release {folder}: releases are never written into")


def workers_for(args) -> int | None:
    """Workers asked for; None lets the engine decide (all cores, or every thread of a Dask scheduler)."""
    if args.workers:
        return args.workers
    if args.engine == "dask" and args.scheduler:
        return None
    from claimbench.run.engines import default_workers

    return default_workers()


def engine_args(args) -> dict:
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    return {"engine": args.engine, "workers": workers_for(args), "scheduler": args.scheduler}


def cache_dir(args, beside: Path) -> Path | None:
    from claimbench.cache.claims import default_cache_dir

    if args.no_cache:
        return None
    return args.cache if args.cache is not None else default_cache_dir(beside)


@contextmanager
def naming(target: Path):
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


def claims_and_papers(path: Path):
    """(claims, papers) of a release folder, or of a claims file and the papers file beside it."""
    import pyarrow.parquet as pq

    if path.is_dir():
        return release_table(path, "claims"), release_table(path, "papers")
    claims = predictions_table(path)
    papers_path = papers_path_for(path)
    if not papers_path.is_file():
        raise InputError(papers_path, None, "the papers table is missing: validation checks each mention against its abstract")
    return claims, pq.read_table(papers_path)


def predictions_table(path: Path):
    """The claims table to score: a Parquet file or a release folder."""
    import pyarrow.parquet as pq

    if path.is_dir():
        return release_table(path, "claims")
    if not path.is_file():
        raise InputError(path, None, "no claims table here (expected a release folder or a claims .parquet file)")
    return pq.read_table(path)


def release_table(folder: Path, table: str):
    """One table of a release folder (its shards, or one file before v0.8.0); an InputError naming it if absent."""
    from claimbench.release.layout import read_table, table_files

    if not table_files(folder, table):
        raise InputError(folder / "data" / f"{table}.parquet", None,
                         f"no {table} table here (nor any data/{table}-*.parquet shard; expected a release folder or a claims .parquet file)")
    return read_table(folder, table)
