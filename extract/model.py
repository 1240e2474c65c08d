"""The unit of output: one claim, with its fields as the spec (CLAIMS.md) defines them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    """One quantitative claim found in an abstract.

    ``start``/``end`` are offsets of ``mention`` in the abstract
    (``abstract[start:end] == mention``); ``sentence_start`` is the offset of
    the sentence holding it. ``metric_phrase`` is the provenance of ``metric``:
    the words of the abstract that named it (None when nothing did: ``other``).
    """

    mention: str
    start: int
    end: int
    value: float
    value_low: float | None
    unit: str
    metric: str
    qualifier: str
    change: str
    baseline: str | None
    hardware: str | None
    workload: str | None
    sentence: str
    sentence_start: int
    # The words the metric was read from ("speedup", "lower latency", "of peak"); None for metric ``other``.
    metric_phrase: str | None = None
