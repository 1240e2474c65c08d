"""Split an abstract into sentences, keeping each sentence's offset.

>>> [(s.start, s.text) for s in split_sentences("We get 2x, e.g. on A100. It is 3.5% better.")]
[(0, 'We get 2x, e.g. on A100.'), (25, 'It is 3.5% better.')]
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

# A sentence ends at . ! or ? followed by white space and a capital, digit or
# opening bracket -- unless the full stop closes a common abbreviation.
BOUNDARY = regex.compile(
    r"""
    [.!?]                     # a sentence-final mark, consumed so that the scan jumps from mark to mark
    (?<!\b(?:e\.g|i\.e|vs|etc|al|Fig|fig|Eq|eq|approx|resp|cf|Sec|No|Ref|Tab)\.)  # not an abbreviation
    (?P<gap>\s++)             # white space
    (?=[A-Z0-9(\["'])         # the next sentence starts with a capital, a digit or a bracket
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their start offsets (white space between them dropped)."""
    out: list[Sentence] = []
    pos = 0
    for m in BOUNDARY.finditer(text):
        out.append(Sentence(pos, text[pos : m.start("gap")]))
        pos = m.end()
    if pos < len(text):
        out.append(Sentence(pos, text[pos:]))
    return [s for s in out if s.text.strip()]
