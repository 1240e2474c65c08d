"""Split an abstract into sentences, keeping each sentence's offset.

>>> [(s.start, s.text) for s in split_sentences("We get 2x, e.g. on A100. It is 3.5% better.")]
[(0, 'We get 2x, e.g. on A100.'), (25, 'It is 3.5% better.')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

# Common abbreviations whose full stop does not end a sentence (regex fragments).
ABBREVIATIONS = ("e\\.g", "i\\.e", "vs", "etc", "al", "Fig", "fig", "Eq", "eq", "approx", "resp", "cf", "Sec", "No", "Ref", "Tab")

# A sentence ends at . ! or ? followed by white space and a capital, digit or
# opening bracket -- unless the full stop closes a common abbreviation.
BOUNDARY = regex.compile(
    r"""
    [.!?]                     # a sentence-final mark, consumed so that the scan jumps from mark to mark
    (?<!\b(?:"""
    + "|".join(ABBREVIATIONS)
    + r""")\.)  # not an abbreviation
    (?P<gap>\s++)             # white space
    (?=[A-Z0-9(\["'])         # the next sentence starts with a capital, a digit or a bracket
    """,
    regex.VERBOSE,
)


def _not_abbreviation(abbreviations) -> str:
    r"""Lookbehinds for re, whose lookbehinds have a fixed width: one per length of abbreviation.

    >>> _not_abbreviation(["vs", "e\\.g", "al"])
    '(?<!\\b(?:vs|al)\\.)(?<!\\b(?:e\\.g)\\.)'
    """
    by_width: dict[int, list[str]] = {}
    for abbreviation in abbreviations:  # literal text: its width is its length once unescaped
        by_width.setdefault(len(re.sub(r"\\(.)", r"\1", abbreviation)), []).append(abbreviation)
    return "".join(rf"(?<!\b(?:{'|'.join(group)})\.)" for group in by_width.values())


def _boundary_ascii(marks: str) -> re.Pattern:
    """BOUNDARY for ASCII text, for the sentence-final marks ``marks`` (a character set),
    with the standard library's ``re``: two to four times as fast.

    ``\\b`` means the same as in ``regex`` on ASCII text, and the white space is that of
    ``regex``'s \\s (re's \\s also takes \\x1c-\\x1f). A pattern that starts with one
    character is searched for fastest: four times as fast as with ``[.!?]``.
    """
    return re.compile(
        r"""
        [""" + marks + r"""]          # a sentence-final mark
        (?=[\t\n\v\f\r\x20])      # white space follows (a cheap test first)
        """
        + _not_abbreviation(ABBREVIATIONS)
        + r"""  # not an abbreviation
        (?P<gap>[\t\n\v\f\r\x20]++)   # white space
        (?=[A-Z0-9(\["'])         # the next sentence starts with a capital, a digit or a bracket
        """,
        re.VERBOSE,
    )


BOUNDARY_ASCII = _boundary_ascii(".!?")
FULL_STOP_ASCII = _boundary_ascii(".")  # for text with no ! or ?


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their start offsets (white space between them dropped).

    >>> [(s.start, s.text) for s in split_sentences("We did.  2x faster! ")]
    [(0, 'We did.'), (9, '2x faster! ')]
    """
    if not text.isascii():
        boundaries = BOUNDARY
    elif "!" in text or "?" in text:
        boundaries = BOUNDARY_ASCII
    else:
        boundaries = FULL_STOP_ASCII
    out: list[Sentence] = []
    pos = 0
    for m in boundaries.finditer(text):
        mark, after = m.span()  # the mark is one character: the sentence ends right after it
        sentence = text[pos : mark + 1]  # never empty: it holds the mark
        if not sentence.isspace():
            out.append(Sentence(pos, sentence))
        pos = after
    rest = text[pos:]
    if rest and not rest.isspace():
        out.append(Sentence(pos, rest))
    return out
