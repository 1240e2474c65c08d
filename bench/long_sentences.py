"""Extraction time of one long sentence holding many numbers, at 25k and 100k characters.

Every per-number lookup is bounded (a window around the number, bisection into the sentence's
keyword and cue hits, an end position on every anchored match), so 4x the text should cost
about 4x the time. Prints each form's times and their ratio, measured in the same run.

    .venv/bin/python bench/long_sentences.py
"""
from __future__ import annotations

import time

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper

FORMS = ["5% ", "2x speedup over A, ", "5%, ", "reduces latency by 30% and ", "It is 2x faster than vLLM. "]


def seconds(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    claims = extract_claims(Paper("T", text, "bench"))
    return time.perf_counter() - start, len(claims)


def main() -> None:
    print(f"{'form':<32} {'25k chars':>10} {'100k chars':>11} {'ratio':>6}  (linear: about 4)")
    for form in FORMS:
        times = []
        for chars in (25_000, 100_000):
            times.append(seconds("We see " + form * (chars // len(form)) + ".")[0])
        print(f"{form!r:<32} {times[0]:>9.2f}s {times[1]:>10.2f}s {times[1] / times[0]:>6.1f}")


if __name__ == "__main__":
    main()
