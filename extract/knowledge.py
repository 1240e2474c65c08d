"""Load the extractor's knowledge files (extract/knowledge/*.toml).

Metric keywords, unit words, number words, hardware names and cue phrases
live in TOML files that a contributor edits without touching the parser.

>>> load("units")["factor"]["times(?![A-Za-z])"]
'x'
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

import regex


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of ``knowledge/<name>.toml``."""
    text = (resources.files(__package__) / "knowledge" / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(fragments) -> str:
    """One regex alternation of fragments, longest first so that the longest wins.

    >>> alternation(["ms", "s", "min"])
    '(?:min|ms|s)'
    """
    ordered = sorted(set(fragments), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(ordered) + ")"


def compile_words(words, flags=regex.IGNORECASE) -> regex.Pattern:
    """A pattern matching any of ``words`` (regex fragments) as whole words.

    >>> bool(compile_words(["speed-?up"]).search("a 2x speedup"))
    True
    """
    return regex.compile(r"(?<![A-Za-z])" + alternation(words) + r"(?![A-Za-z])", flags)


def compile_scanner(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile a word-list pattern for scanning whole sentences, with the standard library's ``re``.

    Keyword, hardware and workload patterns are long alternations tried at
    every position of a sentence. Measured on the built-in corpus, ``re``
    scans them about 1.7x faster than ``regex``, and a leading ``(?=\\w)``
    (a match starts at a letter or digit) lets the engine skip the other
    positions before trying the alternatives: together about 3x. Every
    fragment in the knowledge files starts with a letter or digit, and these
    patterns have no nested repetition, so they run in linear time.
    ``flags`` are ``re`` flags (re.IGNORECASE, re.VERBOSE).

    >>> [m.group(0) for m in compile_scanner(r"(?<![A-Za-z])(?:speed-?ups?)(?![A-Za-z])", re.I).finditer("2x Speedup")]
    ['Speedup']
    """
    return re.compile(r"(?=\w)" + pattern, flags)
