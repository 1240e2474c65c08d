"""Did a refactor change what the extractor gives? Fingerprints of its claims on every bundled text.

    .venv/bin/python bench/same_output.py --save /tmp/before.json     # before the change
    .venv/bin/python bench/same_output.py --compare /tmp/before.json  # after: exit 1 and the differences

The texts are the built-in corpus (``corpus/seeds``) and the three gold files bundled in
``corpus/gold`` (dev, dev_external, test: only their titles and abstracts are read, never
their annotations). Each paper's claims (every field of :class:`Claim`) are written as
sorted JSON and hashed; ``--compare`` prints, for each paper whose hash differs, the claims
that appear on one side only, so a difference can be named in a closing note.

Example output::

    seeds: 263 papers, 412 claims, digest 9625fec36c50
    dev: 144 papers, 221 claims, digest 25c85cef7228
    dev_external: 200 papers, 241 claims, digest 83b1b0f9ad01
    test: 99 papers, 106 claims, digest d0549484c1ae
    same output on 4 sets (706 papers)
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper
from claimbench.extract.readers import expand_inputs, read_records

ROOT = Path(__file__).resolve().parents[1]
GOLD = ("dev", "dev_external", "test")


def papers_of_sets() -> dict[str, list[Paper]]:
    """{set name: its papers}: the seed dumps, then each gold file's titles and abstracts."""
    sets = {"seeds": [p for path in expand_inputs([ROOT / "corpus" / "seeds"])
                      for p in read_records(path) if isinstance(p, Paper)]}
    for name in GOLD:
        with open(ROOT / "corpus" / "gold" / f"{name}.jsonl", encoding="utf-8") as f:
            sets[name] = [Paper(title=r["title"], abstract=r["abstract"], source=f"{name}.jsonl:{i}")
                          for i, r in enumerate(map(json.loads, f), 1)]
    return sets


def fingerprints() -> dict[str, dict[str, list[str]]]:
    """{set: {paper title: its claims, one sorted-JSON string each}}."""
    out = {}
    for name, papers in papers_of_sets().items():
        out[name] = {p.title: [json.dumps(dataclasses.asdict(c), sort_keys=True) for c in extract_claims(p)]
                     for p in papers}
    return out


def digest(claims: dict[str, list[str]]) -> str:
    return hashlib.sha256(json.dumps(claims, sort_keys=True).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with fingerprints saved before")
    args = parser.parse_args(argv)
    now = fingerprints()
    for name, claims in now.items():
        print(f"{name}: {len(claims)} papers, {sum(map(len, claims.values()))} claims, digest {digest(claims)[:12]}")
    if args.save:
        args.save.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
        print(f"saved to {args.save}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(set(before) | set(now)):
        old, new = before.get(name, {}), now.get(name, {})
        for title in sorted(set(old) | set(new)):
            a, b = old.get(title, []), new.get(title, [])
            if a == b:
                continue
            changed += 1
            print(f"\n[{name}] {title[:90]}")
            for claim in a:
                if claim not in b:
                    print(f"  - {claim}")
            for claim in b:
                if claim not in a:
                    print(f"  + {claim}")
    papers = sum(len(v) for v in now.values())
    if changed:
        print(f"\n{changed} papers give different claims")
        return 1
    print(f"same output on {len(now)} sets ({papers} papers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
