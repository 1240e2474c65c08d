"""Named examples for the extractor's tests (issue 14: tests as examples).

An :class:`Example` is a text and what the extractor must find in it, with the form of
text it stands for and where it comes from. :func:`check` runs the extractor's public
API on it and compares; :func:`params` makes the pytest parameters, one per example, its
id naming the section and the text.

A test file lists its examples in sections, as price-parser's tests do:

- corpus sentences: ``source="corpus"``, texts of the built-in corpus (corpus/seeds) or
  of the development gold sets (corpus/gold/dev.jsonl, dev_external.jsonl), verbatim
  or cut from one sentence: every sentence of the text has at least 70% of its
  characters in runs of 12 or more taken from one sentence of those files (among the 10
  sharing the most words with it), and each figure of it is in that sentence
  (:func:`from_corpus`; never corpus/gold/test.jsonl, whose errors are not read);
- invented sentences: ``source="invented"``, every other text, most written for the form;
- bugs caught: ``bug=`` says which wrong output the example guards against, found
  after the form was handled (the commit that fixed it);
- known misses: ``miss=`` says what the extractor still gets wrong; the example runs as
  a strict xfail (it fails the suite when the extractor gets it right: move it then).

Only what an example states is checked:

- ``claims``: every claim of the text, in order, with the seven fields of :class:`Claim`
  (and baseline, hardware, workload where the Claim gives them);
- ``has``: the claim with this mention has these fields (:class:`Has`; any of them, if several
  claims have the mention), the others unchecked;
- ``hardware`` / ``workloads``: the names ``context.find_hardware`` /
  ``context.find_workloads`` find in the text, as written;
- ``quantities``: the numbers ``numbers.find_quantities`` finds in the normalized text,
  with their units (:class:`Number`).

Test files import this module as a sibling (``from examples import ...``), as they do
``conftest``.
"""
from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest

from claimbench.corpus import DEVELOPMENT_SETS, REPORT_ONLY_SETS, gold_file, seed_files
from claimbench.extract import context, numbers
from claimbench.extract.claims import explain_claims, extract_claims
from claimbench.extract.normalize import normalize
from claimbench.extract.papers import Paper

PAPER_ID = "test:1"


class Unchecked:
    """The value of a field an example does not check."""

    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED: Any = Unchecked()


@dataclass(frozen=True)
class Claim:
    """One claim as the extractor must give it.

    The seven fields are always compared; baseline, hardware and workload only when given.
    """

    mention: str
    value: float
    unit: str
    metric: str
    value_low: float | None = None
    qualifier: str = "none"
    change: str = "none"
    baseline: Any = UNCHECKED
    hardware: Any = UNCHECKED
    workload: Any = UNCHECKED

    CORE = ("mention", "value", "value_low", "unit", "metric", "qualifier", "change")
    EXTRA = ("baseline", "hardware", "workload")

    def fields(self) -> dict[str, Any]:
        """The fields this claim checks, by name."""
        got = {name: getattr(self, name) for name in self.CORE}
        got.update({name: getattr(self, name) for name in self.EXTRA if getattr(self, name) is not UNCHECKED})
        return got


class Has:
    """The claim of the text with this mention has these fields; its others are not checked.

    Field names are those of the extractor's Claim (metric, metric_phrase, baseline, ...),
    and ``metric_rule``: the rule that decides the metric, as ``explain_claims`` traces it
    ("none: other" for a number no phrase governs; given with metric and metric_phrase).

    >>> Has("2.49times", baseline="vLLM")
    Has('2.49times', baseline='vLLM')
    """

    def __init__(self, mention: str, **fields: Any):
        if not fields:
            raise TypeError("Has needs at least one field to check")
        self.mention = mention
        self.fields = fields

    def __repr__(self) -> str:
        return f"Has({self.mention!r}, " + ", ".join(f"{k}={v!r}" for k, v in self.fields.items()) + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Has) and (self.mention, self.fields) == (other.mention, other.fields)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Number:
    """A number ``find_quantities`` finds, with its unit ("" for none)."""

    mention: str
    value: float
    unit: str = ""
    value_low: float | None = None


@dataclass(frozen=True)
class Workload:
    """A workload name ``find_workloads`` finds, as written, with its kind ("model" or "bench")."""

    name: str
    kind: str


@dataclass(frozen=True)
class Example:
    """A text and what the extractor must find in it (see the module docstring)."""

    text: str
    claims: list[Claim] | None = None
    has: list[Has] = field(default_factory=list)
    hardware: list[str] | None = None
    workloads: list[Workload] | None = None
    quantities: list[Number] | None = None
    form: str = ""
    source: str = "invented"
    bug: str | None = None
    miss: str | None = None
    title: str = "T"

    def __post_init__(self):
        if self.source not in ("corpus", "invented"):
            raise ValueError(f"source must be 'corpus' or 'invented', not {self.source!r}")
        if self.claims is None and not self.has and self.hardware is None and self.workloads is None and self.quantities is None:
            raise ValueError(f"an example that checks nothing: {self.text!r}")

    @property
    def section(self) -> str:
        """known miss, bug caught, corpus or invented."""
        return "miss" if self.miss else "bug" if self.bug else self.source

    @property
    def id(self) -> str:
        """The pytest id: the section, which mention (for ``has``) and what of it, the text's start.

        >>> Example("It is 2x faster than vLLM.", has=[Has("2x", baseline="vLLM")]).id
        'invented: baseline of 2x: It is 2x faster than vLLM.'
        """
        about = "; ".join(_about(h) for h in self.has)
        return f"{self.section}: " + (f"{about}: {self.text[:40]}" if about else self.text[:60])


def _about(has: Has) -> str:
    if "metric_rule" in has.fields:
        return f"{has.fields['metric_rule']}: {has.mention}"
    if len(has.fields) == 1:
        return f"{next(iter(has.fields))} of {has.mention}"
    return has.mention


def params(examples: list[Example]) -> list:
    """pytest parameters, one an example, with its id; a known miss is a strict xfail."""
    return [
        pytest.param(e, id=e.id, marks=pytest.mark.xfail(strict=True, reason=e.miss) if e.miss else ())
        for e in examples
    ]


def check(example: Example, before: str = "") -> None:
    """Run the extractor on the example's text (after ``before``, in the same abstract) and compare."""
    text = before + example.text
    paper = Paper(example.title, text, PAPER_ID)
    if example.claims is not None or example.has:
        claims = extract_claims(paper)
    if example.claims is not None:
        got = [{name: getattr(c, name) for name in Claim.CORE} for c in claims]
        assert got == [{name: getattr(e, name) for name in Claim.CORE} for e in example.claims]
        for c, e in zip(claims, example.claims):
            want = e.fields()
            assert {name: getattr(c, name) for name in want} == want
    for has in example.has:
        found = [c for c in claims if c.mention == has.mention]
        assert found, f"{has.mention!r} not found as a claim in {text!r}: {[c.mention for c in claims]}"
        fields = {k: v for k, v in has.fields.items() if k != "metric_rule"}
        got = [{name: getattr(c, name) for name in fields} for c in found]
        assert fields in got, (got[0] if len(got) == 1 else got)
        if "metric_rule" in has.fields:
            traced = {r["mention"]: r for r in explain_claims(paper)}
            want = (has.fields["metric"], has.fields["metric_phrase"], has.fields["metric_rule"])
            assert traced[has.mention]["fields"]["metric"] == want
    if example.hardware is not None:
        assert [h[2] for h in context.find_hardware(text)] == example.hardware
    if example.workloads is not None:
        assert [Workload(w[2], w[3]) for w in context.find_workloads(text)] == example.workloads
    if example.quantities is not None:
        got = [Number(q.mention, q.value, q.unit, q.value_low) for q in numbers.find_quantities(normalize(text))]
        assert got == example.quantities


# ------------------------------------------------------------------ where a text comes from

CORPUS_SETS = ("seeds",) + DEVELOPMENT_SETS  # corpus/seeds and the development gold sets
_SPACES = re.compile(r"\s+")
_CORPUS_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")
_TEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_WORD = re.compile(r"[A-Za-z0-9][\w.-]*")
_FIGURE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?!\d)")
RUN, SHARE, CANDIDATES = 12, 0.7, 10


@cache
def _index(sets: tuple[str, ...]) -> tuple[str, list[str], dict[str, list[int]]]:
    """The abstracts of ``sets`` (white space made single spaces), their sentences, and the sentences of each word."""
    docs = []
    for name in sets:
        if name == "seeds":
            docs += [p.read_text(encoding="utf-8") for p in seed_files()]
        else:
            rows = map(json.loads, gold_file(name).read_text(encoding="utf-8").splitlines())
            docs += [r["title"] + "\n" + r["abstract"] for r in rows]
    whole = "\n".join(_SPACES.sub(" ", d) for d in docs)
    sentences = [_SPACES.sub(" ", s.strip()) for d in docs for s in _CORPUS_SENTENCE.split(d)]
    sentences = [s for s in sentences if len(s) > 10]
    words: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        for w in set(_WORD.findall(s.lower())):
            words.setdefault(w, []).append(i)
    return whole, sentences, words


def _cut_from(sentence: str, sets: tuple[str, ...]) -> bool:
    whole, sentences, words = _index(sets)
    if sentence in whole:
        return True
    shared = Counter(i for w in set(_WORD.findall(sentence.lower())) for i in words.get(w, ()))
    for i, _ in shared.most_common(CANDIDATES):
        other = sentences[i]
        blocks = difflib.SequenceMatcher(None, sentence, other, autojunk=False).get_matching_blocks()
        if sum(b.size for b in blocks if b.size >= RUN) >= SHARE * len(sentence) and all(
            re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d|[.,]\d)", other) for f in _FIGURE.findall(sentence)
        ):
            return True
    return False


def from_corpus(text: str, sets: tuple[str, ...] = CORPUS_SETS) -> bool:
    """Whether every sentence of ``text`` is a sentence of ``sets`` or cut from one (the module docstring's rule).

    >>> from_corpus("Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained) across 9636 nodes.")
    True
    >>> from_corpus("Galactos scales to the full Cori system, achieving 9.9 PF (peak) and 5.06 PF (sustained) across 9636 nodes.")
    False
    """
    parts = [_SPACES.sub(" ", p) for p in _TEXT_SENTENCE.split(text) if p.strip()]
    return all(_cut_from(p, sets) for p in parts)


def check_sources(examples: list[Example]) -> None:
    """Each example's source is what the corpus says, and no text comes from the report-only gold set."""
    wrong = [(e.source, e.text) for e in examples if (e.source == "corpus") != from_corpus(e.text)]
    assert wrong == [], "source not what from_corpus says"
    assert [e.text for e in examples if from_corpus(e.text, REPORT_ONLY_SETS)] == [], "text from the report-only gold set"
