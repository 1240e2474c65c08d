"""Comparisons stated from the baseline's side (spec ruling R16).

"the ARM Cortex-M4 microcontroller, ..., which is 12.87x slower than PULP-OPEN",
PULP-OPEN being the paper's platform, is recorded from the paper's side: a
speedup of 12.87x (change increase) over the ARM Cortex-M4. This module tells
how a number is stated from the baseline's side (:func:`baseline_side`),
whether the baseline is the paper's own (:class:`OwnSystems`), and what the
other side of the comparison is (:func:`other_side`). Its cue words are in
``knowledge/cues.toml`` [turnaround]. It is meant to fire rarely and surely:
where any of the three is in doubt, the claim is kept as the text states it.

>>> own = OwnSystems("PULP-OPEN: a platform", "We introduce PULP-OPEN, a research platform.", lambda: set())
>>> own.holds("PULP-OPEN"), own.holds("our design"), own.holds("our previous work"), own.holds("vLLM")
(True, True, False, False)
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import NamedTuple

import regex

from .knowledge import alternation, knowledge

Span = tuple[int, int, str]

# How far before the number the other side's phrase may start (characters).
SIDE_REACH = 90


class _Patterns(NamedTuple):
    stated: regex.Pattern  # from the number to "than": the baseline's side of it
    own: regex.Pattern  # a phrase that is the paper's own, whole
    introduce: regex.Pattern  # a name the abstract introduces
    first_person: regex.Pattern  # a sentence that opens in the first person
    copula: regex.Pattern  # the verb before the number, read backwards from it
    side: regex.Pattern  # the other side's phrase, read backwards from the verb


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    table = knowledge().cues.turnaround
    stated = regex.compile(
        r"""
        \s*+(?:(?P<slower>""" + alternation(table.slower) + r""")       # 12.87x slower
        (?:\s++and\s++[^,;:()]{1,60}?)?                                   #   [and 98% less energy-efficient]
        |(?P<less_efficient>""" + alternation(table.less_efficient) + r""")   # 98% less energy-efficient
        |(?P<comparative>""" + alternation(table.comparative) + r"""))      # 2.5x more memory
        \s++than\s++$                                                     # than (the baseline follows)
        """,
        regex.IGNORECASE | regex.VERBOSE,
    )
    own = regex.compile(alternation(table.own), regex.IGNORECASE)
    # The name after the verb: a capitalised word, with hyphens or digits ("TriForce", "PULP-OPEN", "FlashAttention-2").
    introduce = regex.compile(
        r"(?i:(?<![A-Za-z])" + alternation(table.introduce) + r")\s++(?:(?i:a|an|the)\s++)?(?P<name>[A-Z][\w+-]*+)"
    )
    first_person = regex.compile(r"(?i:" + alternation(table.first_person) + r")(?![A-Za-z])")
    # Read backwards (regex.REVERSE) from the number: the verb, a qualifier, and the first of two figures
    # that share the verb ("is 12.87x slower and [98%] less energy-efficient").
    copula = regex.compile(
        r"(?<![A-Za-z])(?i:" + alternation(table.copula) + r")"
        r"\s++(?i:(?:" + "|".join(knowledge().cues.leading.copula) + r")\s++)?"  # cues.toml [leading] copula
        r"(?:[\d.]++\s?+(?:x|times|%)?\s++(?i:" + alternation(table.slower) + r")\s++and\s++)?$",
        regex.REVERSE,
    )
    # Read backwards from the verb: one to six words (letters, digits, hyphens), none a stop word.
    word = r"(?!(?i:" + alternation(table.side_stop) + r")(?![\w-]))[\w+-]++"
    side = regex.compile(r"(?<![\w+-])" + word + r"(?:\s++" + word + r"){0,5}\s++$", regex.REVERSE)
    return _Patterns(stated, own, introduce, first_person, copula, side)


def baseline_side(sentence: str, end: int, baseline_start: int) -> str | None:
    """How the words from the number (ending at ``end``) to its baseline (at ``baseline_start``) state
    it from the baseline's side: "slower" ("12.87x slower than"), "less_efficient" ("98% less
    energy-efficient than"), "comparative" (any other: "2.5x more memory than"), or None (also when
    another comparison stands between them).

    >>> s = "the MCU is 12.87x slower and 98% less energy-efficient than PULP-OPEN"
    >>> at = s.index("PULP")
    >>> baseline_side(s, s.index("x slower") + 1, at), baseline_side(s, s.index("% less") + 1, at)
    ('slower', 'less_efficient')
    >>> s = "Existing systems are 3x slower on long prompts, while vLLM is faster than our approach"
    >>> baseline_side(s, s.index("x slower") + 1, s.index("our")) is None
    True
    """
    m = _patterns().stated.match(sentence, end, baseline_start)
    return m.lastgroup if m else None


def _is_name(word: str) -> bool:
    """A system's name, not a word: a capital after the first letter, a digit or a hyphen ("TriForce", "vLLM",
    "PULP-OPEN"; not "Scaling")."""
    return any(c.isupper() or c.isdigit() or c == "-" for c in word[1:])


class OwnSystems:
    """What an abstract presents as the paper's own: phrases such as "our system", the name before
    the title's colon, names it introduces ("We introduce TriForce"), and the hardware that sentences
    opening in the first person say the work ran on (``platforms``, worked out only when needed)."""

    def __init__(self, title: str, abstract: str, platforms: Callable[[], set[str]]) -> None:
        self.title, self.abstract, self._platforms = title, abstract, platforms

    @cached_property
    def names(self) -> set[str]:
        lead = self.title.split(":", 1)[0].strip() if ":" in self.title else ""
        names = {lead} if lead and " " not in lead and _is_name(lead) else set()
        return names | {m.group("name") for m in _patterns().introduce.finditer(self.abstract)}

    @cached_property
    def platforms(self) -> set[str]:
        return self._platforms()

    def holds(self, baseline: str) -> bool:
        """True when ``baseline`` names the paper's own system or platform."""
        return bool(_patterns().own.fullmatch(baseline)) or baseline in self.names or baseline in self.platforms


def opens_in_first_person(sentence: str) -> bool:
    """True for a sentence whose subject is the authors: "We optimized ...", "Lastly, we present ...".

    >>> opens_in_first_person("In this paper, we focus on PULP"), opens_in_first_person("Unlike our approach, X runs on V100")
    (True, False)
    """
    return bool(_patterns().first_person.match(sentence))


def other_side(sentence: str, lo: int, start: int, hardware: tuple[Span, ...]) -> tuple[int, int] | None:
    """The other side of "A is 12.87x slower than B" (the number at ``start``), within the clause
    from ``lo``: the phrase of up to six words right before the verb, or the hardware in it (articles
    dropped); for "X, which is 12.87x slower", the hardware nearest before the "which". None when the
    sentence says neither.

    >>> s = "Existing systems are up to 3x slower than our approach."
    >>> s[slice(*other_side(s, 0, s.index("3x"), ()))]
    'Existing systems'
    >>> s = "Our evaluation shows that the stock scheduler is 2x slower than our design."
    >>> s[slice(*other_side(s, 0, s.index("2x"), ()))]
    'stock scheduler'
    >>> s = "We compare with the stock kernel, which is 2x slower than ours."  # "which", and no hardware
    >>> other_side(s, 0, s.index("2x"), ()) is None
    True
    """
    pats = _patterns()
    verb = pats.copula.search(sentence, max(lo, start - SIDE_REACH), start)
    if not verb:
        return None
    side = pats.side.search(sentence, max(lo, start - SIDE_REACH), verb.start())
    if side:
        s, e = side.span()
        e = len(sentence[s:e].rstrip()) + s
        inside = [h for h in hardware if s <= h[0] and h[1] <= e]
        if inside:
            return inside[-1][0], inside[-1][1]
        article = regex.match(r"(?i:the|a|an)\s++", sentence[s:e])
        return s + (article.end() if article else 0), e
    which = regex.search(r",\s*+(?i:which|that)\s++$", sentence[max(0, verb.start() - 20) : verb.start()])
    if which:
        comma = verb.start() - (len(sentence[max(0, verb.start() - 20) : verb.start()]) - which.start())
        before = [h for h in hardware if h[1] <= comma]
        if before:
            return before[-1][0], before[-1][1]
    return None
