"""Behavioral suite of the extractor (CheckList-style): pass rate per capability.

    .venv/bin/python bench/behavioral.py                     # the table
    .venv/bin/python bench/behavioral.py --failures lists    # failing cases of one capability, expected vs got
    .venv/bin/python bench/behavioral.py --show lists        # every case of a capability, as expanded
    .venv/bin/python bench/behavioral.py --kinds 15          # the most common kinds of error, an example each
    .venv/bin/python bench/behavioral.py --write-floors      # write tests/behavioral/floors.json

The capabilities, their templates and perturbations are in tests/behavioral/
(templates.py: the data; runner.py: expansion and scoring). A case passes
when the extractor gives exactly the expected claims (as many; every field
equal). "claims ok" / "fully right claims" is the share of expected claims
that were found with every field right; "missed" counts expected claims not
found, "spurious" claims found that no case expects. tests/test_behavioral.py keeps each capability's pass
rate at or above its floor in tests/behavioral/floors.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_runner():
    name = "claimbench_behavioral_runner"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "behavioral" / "runner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def print_table(runner, results, caps, floors) -> None:
    by_cap = runner.rates(results, lambda r: r.case.capability)
    width = max(len(c["name"]) for c in caps) + 2
    print(f"{'capability':<{width}}{'cases':>6}{'passed':>8}{'rate':>8}{'claims ok':>11}{'missed':>8}{'spurious':>9}"
          f"{'floor':>7}")
    for cap in caps:
        r = by_cap.get(cap["name"], runner.Rate())
        floor = floors.get(cap["name"])
        mark = "  < floor" if floor is not None and r.rate < floor else ""
        floor_s = "-" if floor is None else f"{floor:.2f}"
        print(f"{cap['name']:<{width}}{r.cases:>6}{r.passed:>8}{r.rate:>8.2f}{r.claim_rate:>11.2f}{r.missed:>8}"
              f"{r.spurious:>9}{floor_s:>7}{mark}")
    t = runner.total(results)
    print("-" * (width + 57))
    print(f"{'overall':<{width}}{t.cases:>6}{t.passed:>8}{t.rate:>8.2f}{t.claim_rate:>11.2f}{t.missed:>8}{t.spurious:>9}")
    print(f"\ncases passed: {t.passed}/{t.cases} = {t.rate:.3f}")
    print(f"fully right claims: {t.right_claims}/{t.expected_claims} = {t.claim_rate:.3f}"
          " (expected claims found with every field right)")


def print_perturbations(runner, results) -> None:
    base = runner.rates(results, lambda r: "(none)" if r.case.perturbation is None else None)
    by_p = runner.rates(results, lambda r: r.case.perturbation)
    print(f"\n{'perturbation':<18}{'cases':>6}{'passed':>8}{'rate':>8}")
    for name, r in list(base.items()) + sorted(by_p.items()):
        print(f"{name:<18}{r.cases:>6}{r.passed:>8}{r.rate:>8.2f}")


def print_kinds(runner, results, n: int) -> None:
    kinds = runner.failure_kinds(results)
    print(f"\nmost common kinds of error (of {sum(kinds.values())}):")
    for kind, count in kinds.most_common(n):
        print(f"\n{count:5d}  {kind}")
        example = runner.first_example(results, kind)
        if example is not None:
            print("       " + runner.describe_result(example).replace("\n", "\n       "))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--failures", metavar="CAP", help="print the failing cases of one capability")
    ap.add_argument("--show", metavar="CAP", help="print every case of one capability with its expected claims")
    ap.add_argument("--kinds", type=int, nargs="?", const=10, metavar="N",
                    help="print the N most common kinds of error with an example each (default 10)")
    ap.add_argument("--perturbations", action="store_true", help="also print the pass rate per perturbation")
    ap.add_argument("--write-floors", action="store_true",
                    help="write tests/behavioral/floors.json: each capability's pass rate rounded down to 0.01")
    ap.add_argument("--limit", type=int, default=0, help="with --failures/--show: print at most N cases")
    args = ap.parse_args(argv)

    runner = load_runner()
    caps = runner.capabilities()
    names = [c["name"] for c in caps]
    for wanted in (args.failures, args.show):
        if wanted and wanted not in names:
            print(f"no capability {wanted!r}; there are: {', '.join(names)}", file=sys.stderr)
            return 2

    if args.show:
        cases = [c for c in runner.all_cases() if c.capability == args.show]
        for case in cases[: args.limit or None]:
            print(f"{case.id:<40} {case.abstract}")
            for e in case.expected:
                print(f"    {runner.describe_claim(e)}")
            if not case.expected:
                print("    (no claim)")
        return 0

    cases = runner.all_cases() if not args.failures else [c for c in runner.all_cases() if c.capability == args.failures]
    started = time.perf_counter()
    results = runner.run_all(cases)
    seconds = time.perf_counter() - started

    if args.failures:
        failed = [r for r in results if not r.passed]
        print(f"{args.failures}: {len(failed)} of {len(results)} cases fail\n")
        for r in failed[: args.limit or None]:
            print(runner.describe_result(r) + "\n")
        return 0

    floors = json.loads(runner.FLOORS_PATH.read_text()) if runner.FLOORS_PATH.exists() else {}
    print_table(runner, results, caps, floors)
    print(f"({len(results)} cases in {seconds:.1f} s)")
    if args.perturbations:
        print_perturbations(runner, results)
    if args.kinds:
        print_kinds(runner, results, args.kinds)
    if args.write_floors:
        by_cap = runner.rates(results, lambda r: r.case.capability)
        new = {name: runner.floor_of(by_cap[name].rate) for name in names}
        runner.FLOORS_PATH.write_text(json.dumps(new, indent=2) + "\n")
        print(f"\nwrote {runner.FLOORS_PATH.relative_to(ROOT)} ({len(new)} capabilities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
