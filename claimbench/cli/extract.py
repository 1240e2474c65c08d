"""``claimbench extract`` (claims of inputs into one Parquet file) and ``claimbench explain`` (how a text is read)."""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
from pathlib import Path

from claimbench.cli.common import add_on_error, add_workers, cache_dir, check_output, engine_args, naming, papers_path_for, rejects_path_for


def register(sub) -> None:
    """Add this group's commands to the ``claimbench`` subparsers ``sub``."""
    p = sub.add_parser("extract", help="extract claims from inputs into one Parquet file")
    p.add_argument("inputs", nargs="+", help="seed dumps (.txt), JSONL, CSV or Parquet files (optionally .gz), or folders of them")
    p.add_argument("--output", "-o", required=True, type=Path, help="the claims Parquet file to write")
    add_on_error(p, "OUTPUT_STEM.rejects.jsonl beside the output")
    add_workers(p, "the output file")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser(
        "explain",
        help="show each number of a text, whether it is a claim and why, and the rule behind each field",
        description="Explain how the extractor reads a text: each number, whether it is a claim (and why not), "
        "and for each field of a claim the phrase and rule that decided it. TEXT '-' reads standard input.",
    )
    p.add_argument("text", help="the abstract (or sentence) to explain; '-' for standard input")
    p.add_argument("--title", default="", help="the paper's title (some rules read it: R16)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_explain)


def cmd_extract(args) -> int:
    from claimbench.run.pipeline import Run

    check_output(args.output, args.inputs)
    run = Run(args.inputs, on_error=args.on_error, cache_dir=cache_dir(args, args.output),
              progress=not args.quiet, **engine_args(args))
    run.read()  # a bad input stops here, before anything is written
    output = args.output
    with naming(output):
        return _write_extract(args, run, output)


def _write_extract(args, run, output: Path) -> int:
    """Write ``extract``'s outputs (claims, papers, rejects) beside each other, all or none."""
    from claimbench.release.writer import remove_stale_temp
    from claimbench.run.pipeline import Outputs

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


def cmd_explain(args: argparse.Namespace) -> int:
    from claimbench.analysis.explain import explain, explanation_text

    text = sys.stdin.read() if args.text == "-" else args.text
    if args.format == "json":
        records = explain(text, args.title)
        for r in records:
            r["fields"] = {k: {"value": v[0], "phrase": v[1], "rule": v[2]} for k, v in r["fields"].items()}
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        print(explanation_text(text, args.title))
    return 0
