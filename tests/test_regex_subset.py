"""extract/regex_subset.py: what it reads off a pattern is true of every match of that pattern.

The scan shortcuts of the extractor skip text by these answers (the characters a match starts
with, the words every match holds, the pattern lower-cased, the shortest match), so a wrong
answer would lose claims silently. Each is checked against the regular-expression engine itself:
on every pattern of the shipped knowledge files, over the abstracts of the built-in corpus, and on
a table of invented patterns over generated text.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimbench.corpus import seed_files
from claimbench.extract.knowledge import knowledge
from claimbench.extract.readers import read_papers
from claimbench.extract.regex_subset import Unsupported, first_set, fragment_width, lowered, needles, parse

CLASS_OF = {r"\d": str.isdigit, r"\s": str.isspace, r"\w": lambda c: c.isalnum() or c == "_"}


def strings(value) -> Iterator[str]:
    """Every string held by a knowledge record, at any depth."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name))
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for v in value:
            yield from strings(v)


def knowledge_patterns() -> list[str]:
    """The shipped knowledge's strings that are patterns of the subset (words and names are patterns too)."""
    found = set()
    for text in strings(knowledge()):
        try:
            parse(text)
            re.compile(text)
        except (Unsupported, re.error):
            continue
        found.add(text)
    return sorted(found)


PATTERNS = knowledge_patterns()
TEXT = "\n".join(f"{p.title} {p.abstract}" for path in seed_files() for p in read_papers(path))


def starts_in(char: str, chars: set[str]) -> bool:
    return char in chars or any(test(char) for escape, test in CLASS_OF.items() if escape in chars)


def check(pattern: str, text: str, flags: int) -> None:
    """Every answer about ``pattern`` holds for every match of it in ``text`` (with ``flags``)."""
    compiled = re.compile(pattern, flags)
    first, words, width = first_set(pattern, flags), needles(pattern, flags), fragment_width(pattern)
    for m in compiled.finditer(text):
        assert len(m[0]) >= width, (pattern, m[0])
        if first is not None:
            assert m[0] and starts_in(m[0][0], first if not flags & re.IGNORECASE else first | {c.swapcase() for c in first}), (pattern, m[0])
        if words is not None:
            held = m[0].lower() if flags & re.IGNORECASE else m[0]
            assert any((w.lower() if flags & re.IGNORECASE else w) in held for w in words), (pattern, m[0], words)


def test_the_knowledge_holds_many_patterns_of_the_subset():
    assert len(PATTERNS) > 300


@pytest.mark.parametrize("flags", [0, re.IGNORECASE], ids=["case", "nocase"])
def test_every_knowledge_pattern_over_the_corpus(flags):
    for pattern in PATTERNS:
        check(pattern, TEXT, flags)


def test_lowered_matches_as_the_pattern_matches_without_case():
    lower_text = TEXT.lower()
    tried = 0
    for pattern in PATTERNS:
        low = lowered(pattern)
        if low is None:
            continue
        tried += 1
        ours = [m.span() for m in re.finditer(low, lower_text)]
        theirs = [m.span() for m in re.finditer(pattern, TEXT, re.IGNORECASE)]
        assert ours == theirs, pattern
    assert tried > 100


# Invented patterns of each construct of the subset, over text of the characters they use.
INVENTED = [
    r"(?:ab|ac)\d?",
    r"x[0-9]{2,3}",
    r"(?<![\w-])(?:A100|H(?:100|800)|(?:GeForce\s+)?RTX\s?\d{4})",
    r"(?:in|over)\s+the\s+(?:last|past)\s+years?",
    r"(?P<n>ab)+c\1",
    r"(?>a+)b|ba*",
    r"(?i:ab)c|B",
    r"[^ab]c",
    r"a(?=b)|b(?!a)",
    r"(?-i:Ab)c?",
    r"\bH\w*\s*[-.]",
]
ALPHABET = "aAbBcCx0123 -.HRTXe\n"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_invented_patterns_over_generated_text(text):
    for pattern in INVENTED:
        for flags in (0, re.IGNORECASE):
            check(pattern, text, flags)
            low = lowered(pattern)
            if low is not None and flags:
                assert [m.span() for m in re.finditer(low, text.lower())] == [m.span() for m in re.finditer(pattern, text, re.I)]


@pytest.mark.parametrize("pattern", [r"\x41", r"(?i)ab", r"(?s:a.)", r"a(?#note)", r"[[:alpha:]]", r"\p{L}"])
def test_outside_the_subset_is_refused_and_costs_only_the_shortcut(pattern):
    with pytest.raises(Unsupported):
        parse(pattern)
    assert first_set(pattern) is None and needles(pattern) is None and lowered(pattern) is None
