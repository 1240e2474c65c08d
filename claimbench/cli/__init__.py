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
release it would write again (see claimbench.run.plan and claimbench.cache.shards).
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading

from claimbench import __version__
from claimbench.cli import analysis, build, extract, releases
from claimbench.errors import ClaimbenchError

# The command groups, in the order --help lists them; each module's register(sub) adds its commands, each
# with its handler (args -> exit code) as the parser's default ``handler``.
GROUPS = (extract, build, releases, analysis)


def parser() -> argparse.ArgumentParser:
    """The ``claimbench`` argument parser, every command of every group."""
    ap = argparse.ArgumentParser(prog="claimbench", description="Quantitative claims from research abstracts, as a versioned dataset.")
    ap.add_argument("--version", action="version", version=f"claimbench {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return ap


def _exit_on_sigterm() -> None:
    """SIGTERM ends the run as an exception would: the engine's pool is shut down (its workers stopped, none
    left running with no parent) and temporary folders are removed, as for Ctrl-C."""
    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():  # (signal handlers belong to the main thread)
        signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command in ("extract", "build"):
        _exit_on_sigterm()
    try:
        return args.handler(args)
    except ClaimbenchError as err:  # the user's to fix: one line, no traceback
        print(f"claimbench: {err.label}{err}", file=sys.stderr)
        return err.exit_code
    except OSError as err:
        # A read-only folder, a full disk, a file-size limit: one line naming the path and the cause (whatever was
        # being written is left out whole: releases and outputs are renamed into place only when complete).
        from claimbench.extract.readers import printable_path

        where = f": {printable_path(err.filename)}" if err.filename else ""
        print(f"claimbench: cannot write or read{where}: {err.strerror or err}", file=sys.stderr)
        return 2 if isinstance(err, FileNotFoundError) else 1  # a missing input or release file is the user's to fix
