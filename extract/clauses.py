"""Clauses: where a sentence's clauses break, so that a number's fields are read within its own clause.

A clause ends at ";" or ":", at a comma before a conjunction that opens a new
clause (", while", ", and", ", which"), and before "while", "whereas",
"whilst" or "although".

>>> s = "It cuts latency by 30%, while memory grows by 2x."
>>> clause_bounds(s, s.index("30"), s.index("30") + 3), clause_bounds(s, s.index("2x"), s.index("2x") + 2)
((0, 22), (30, 49))
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

# A clause ends at these marks.
CLAUSE_BREAK = regex.compile(
    r"""
      [;:]                                                            # a semicolon or colon
    | ,\s(?:while|whereas|and|but|which|although|though|yet|whilst)\s   # a comma and a conjunction
    | \s(?:while|whereas|whilst|although)\s                           # a subordinating conjunction
    """,
    regex.VERBOSE,
)
# CLAUSE_BREAK for ASCII text, with the standard library's ``re``: the same breaks, twice as fast.
# A match starts with one of the characters of the leading class, so re skips the others fast;
# the branches then look back at it. The white space is that of regex's \s in ASCII text
# (re's \s also takes \x1c-\x1f).
CLAUSE_BREAK_ASCII = re.compile(
    r"""
    [;:,\t\n\v\f\r\x20]                                 # where a break starts
    (?:
        (?<=[;:])                                       # ; or :
      | (?<=,)[\t\n\v\f\r\x20](?:while|whereas|and|but|which|although|though|yet|whilst)[\t\n\v\f\r\x20]
      | (?<=[\t\n\v\f\r\x20])(?:while|whereas|whilst|although)[\t\n\v\f\r\x20]
    )
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=1024)
def clause_breaks(sent: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's clauses break, found once for all its numbers."""
    pattern = CLAUSE_BREAK_ASCII if sent.isascii() else CLAUSE_BREAK
    return tuple(m.span() for m in pattern.finditer(sent))


def clause_bounds(sent: str, s: int, e: int) -> tuple[int, int]:
    """The clause of the sentence holding [s, e): from the last break before it to the first after it."""
    start, end = 0, len(sent)
    for break_start, break_end in clause_breaks(sent):
        if break_end <= s:
            start = break_end
        elif break_start >= e:
            end = break_start
            break
    return start, end
