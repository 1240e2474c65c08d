"""Comparisons stated from the baseline's side (spec ruling R16).

"the ARM Cortex-M4 microcontroller, ..., which is 12.87x slower than PULP-OPEN",
PULP-OPEN being the paper's platform, is recorded from the paper's side: a
speedup of 12.87x (change increase) over the ARM Cortex-M4. This module tells
whether a baseline is the paper's own (:class:`OwnSystems`) and what the other
side of the comparison is (:func:`other_side`). Its cue words are in
``knowledge/cues.toml`` [turnaround].

>>> own = OwnSystems("PULP-OPEN: a platform", "We introduce PULP-OPEN, a research platform.", lambda: set())
>>> own.holds("PULP-OPEN"), own.holds("our design"), own.holds("vLLM")
(True, True, False)
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Callable

import regex

from .knowledge import alternation, compile_words, load

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """(the baseline's side after a number, a phrase naming the paper's own, an introduced name, the verb before a number)."""
    table = load("cues")["turnaround"]
    slower = regex.compile(
        r"\s*+(?:(?P<slower>" + alternation(table["slower"]) + r")|(?P<less_efficient>" + alternation(table["less_efficient"]) + r"))(?![A-Za-z])",
        regex.IGNORECASE,
    )
    own = regex.compile(alternation(table["own"]) + r"(?![A-Za-z])", regex.IGNORECASE)
    # The name after the verb: a capitalised word, with hyphens or digits ("TriForce", "PULP-OPEN", "FlashAttention-2").
    introduce = regex.compile(
        r"(?i:(?<![A-Za-z])" + alternation(table["introduce"]) + r")\s++(?:(?i:a|an|the)\s++)?(?P<name>[A-Z][\w.+-]*+)"
    )
    # The other side: a phrase with no clause punctuation, then the verb, then (a qualifier and) the factor.
    copula = regex.compile(
        r"(?<![\w-])(?!(?i:which|that)\s)(?P<side>\w[^,;:()]{0,59}?)\s++(?i:(?:which|that)\s++)?(?i:" + alternation(table["copula"]) + r")"
        r"\s++(?i:(?:up\s+to|about|around|nearly|almost|approximately|over|more\s+than)\s++)?$"
    )
    return slower, own, introduce, copula


def baseline_side(sentence: str, end: int) -> str | None:
    """How the words after the number ending at ``end`` state it from the baseline's side:
    "slower" ("12.87x slower"), "less_efficient" ("98% less energy-efficient"), or None.

    >>> s = "the MCU is 12.87x slower and 98% less energy-efficient than PULP-OPEN"
    >>> baseline_side(s, s.index("x slower") + 1), baseline_side(s, s.index("% less") + 1), baseline_side("2x faster", 2)
    ('slower', 'less_efficient', None)
    """
    m = _patterns()[0].match(sentence, end)
    return m.lastgroup if m else None


class OwnSystems:
    """What an abstract presents as the paper's own: phrases such as "our system", the name before
    the title's colon, names it introduces ("We introduce TriForce"), and the hardware its own work
    ran on (``platforms``, worked out only when needed)."""

    def __init__(self, title: str, abstract: str, platforms: Callable[[], set[str]]) -> None:
        self.title, self.abstract, self._platforms = title, abstract, platforms

    @cached_property
    def names(self) -> set[str]:
        lead = self.title.split(":", 1)[0].strip() if ":" in self.title else ""
        names = {lead} if lead and len(lead.split()) <= 2 else set()
        return names | {m.group("name").rstrip(".") for m in _patterns()[2].finditer(self.abstract)}

    @cached_property
    def platforms(self) -> set[str]:
        return self._platforms()

    def holds(self, baseline: str) -> bool:
        """True when ``baseline`` names the paper's own system or platform."""
        if _patterns()[1].match(baseline):
            return True
        return baseline in self.names or baseline in self.platforms


def other_side(sentence: str, lo: int, start: int, hardware: tuple[Span, ...], baseline: tuple[int, int]) -> tuple[int, int] | None:
    """The other side of "A is 12.87x slower than B" (the factor at ``start``, B at ``baseline``), within
    the clause from ``lo``: the nearest hardware named before the factor, else the phrase before the verb
    (articles dropped). None when the sentence says neither.

    >>> s = "Existing systems are up to 3x slower than our approach."
    >>> s[slice(*other_side(s, 0, s.index("3x"), (), (s.index("our"), len(s) - 1)))]
    'Existing systems'
    >>> s = "We compare with the stock kernel, which is 2x slower than ours."  # "which" is not a side
    >>> other_side(s, s.index(",") + 1, s.index("2x"), (), (s.index("ours"), len(s) - 1)) is None
    True
    """
    before = [h for h in hardware if h[1] <= start and not (baseline[0] <= h[0] < baseline[1])]
    if before:
        return before[-1][0], before[-1][1]
    m = _patterns()[3].search(sentence, lo, start)
    if not m:
        return None
    side_start, side_end = m.span("side")
    article = regex.match(r"(?i:the|a|an)\s++", sentence[side_start:side_end])
    return side_start + (article.end() if article else 0), side_end
