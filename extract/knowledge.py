"""Load the extractor's knowledge files (extract/knowledge/*.toml).

Metric keywords, unit words, number words, hardware names and cue phrases
live in TOML files that a contributor edits without touching the parser.

>>> load("units")["factor"]["-?folds?(?![A-Za-z])"]
'x'
"""
from __future__ import annotations

import copy
import re
import sys
import tomllib
from functools import lru_cache
from importlib import resources

import regex

from .regex_subset import first_set, lowered, needles


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
    return "(?:" + "|".join(longest_first(fragments)) + ")"


def longest_first(fragments) -> list[str]:
    """The distinct fragments, longest first (ties in alphabetical order), as :func:`alternation` orders them."""
    return sorted(set(fragments), key=lambda f: (-len(f), f))


def compile_words(words, flags=regex.IGNORECASE) -> regex.Pattern:
    """A pattern matching any of ``words`` (regex fragments) as whole words.

    >>> bool(compile_words(["speed-?up"]).search("a 2x speedup"))
    True
    """
    return regex.compile(r"(?<![A-Za-z])" + alternation(words) + r"(?![A-Za-z])", flags)


def compile_scanner(pattern: str, flags: int = 0) -> re.Pattern:
    r"""Compile a word-list pattern for scanning whole sentences, with the standard library's ``re``.

    Keyword, hardware and workload patterns are long alternations tried at
    every position of a sentence. Measured on the built-in corpus, ``re``
    scans them about 1.7x faster than ``regex``, and a leading ``(?=\w)``
    (a match starts at a letter or digit) lets the engine skip the other
    positions before trying the alternatives: together about 3x. Every
    fragment in the knowledge files starts with a letter or digit, and these
    patterns have no nested repetition, so they run in linear time.
    ``flags`` are ``re`` flags (re.IGNORECASE, re.VERBOSE).

    When the first-character class (:func:`first_chars`) holds only ASCII letters,
    digits, ``_`` and ``\d``, every character it matches (case folded too: "ſ",
    the Kelvin sign) is a word character: the class alone then says what
    ``(?=\w)`` says, and leads alone (the workload scan got about 1.5x as fast).

    >>> [m.group(0) for m in compile_scanner(r"(?<![A-Za-z])(?:speed-?ups?)(?![A-Za-z])", re.I).finditer("2x Speedup")]
    ['Speedup']
    >>> compile_scanner(r"(?<![a-z])(?:mfu|speed-?ups?)").pattern
    '(?=[ms])(?<![a-z])(?:mfu|speed-?ups?)'
    >>> print(compile_scanner(r"\$\d|x").pattern)
    (?=\w)(?=[\$x])\$\d|x
    """
    chars = _first_set(pattern, flags)
    if chars and all(c == r"\d" or (len(c) == 1 and c.isascii() and (c.isalnum() or c == "_")) for c in chars):
        return re.compile(f"(?={_char_class(chars)})" + pattern, flags)
    return re.compile(r"(?=\w)" + (f"(?={_char_class(chars)})" if chars else "") + pattern, flags)


class FoldedScanner:
    r"""A case-insensitive scanner (:func:`compile_scanner`) that reads ASCII texts lower-cased,
    with a case-sensitive copy of itself whose letters are lower-cased: the standard
    library's ``re`` matches case-sensitively about 1.8x faster (measured on the metric
    keywords). Offsets are those of the text; matched texts come lower-cased. Texts
    that are not ASCII, where case folding and ``str.lower`` may part, and patterns that
    turn case-insensitivity off inside (``(?-i:...)``), are scanned with the pattern itself.

    >>> scanner = FoldedScanner(r"(?<![A-Za-z])(?:MFU|speed-?ups?)(?![A-Za-z])", re.IGNORECASE)
    >>> [(m.start(), m.group(0)) for m in scanner.finditer("2x Speedup at 50% MFU")]
    [(3, 'speedup'), (18, 'mfu')]
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = compile_scanner(pattern, flags)
        lowered = lower_literals(pattern) if flags & re.IGNORECASE else None
        self.lowered = compile_scanner(lowered, flags & ~re.IGNORECASE) if lowered else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.lowered is not None:
            lowered = ascii_lowered(text)
            if lowered is not None:
                return self.lowered.finditer(lowered, pos, endpos)
        return self.pattern.finditer(text, pos, endpos)


@lru_cache(maxsize=256)
def ascii_lowered(text: str) -> str | None:
    """``text.lower()`` for an ASCII text, None for another; worked out once a text (a sentence is scanned
    once for each of its numbers: lower-casing it each time would cost its length squared).

    >>> ascii_lowered("2x Speedup"), ascii_lowered("2× Speedup")
    ('2x speedup', None)
    """
    return text.lower() if text.isascii() else None


def lower_literals(pattern: str) -> str | None:
    r"""The pattern with every character lower-cased except those right after a backslash
    (``\S`` stays ``\S``), when that matches lower-cased text exactly as the pattern matches
    text case-insensitively; else None. The two trees (extract/regex_subset.py) are compared: every literal and
    range must read the same lower-cased, with nothing that turns case-insensitivity off
    (``(?-i:...)``), no letter written as an escape (``\x4D``), no range across the cases
    (``[A-z]``) and nothing outside ASCII (``ſ`` matches ``s`` case-insensitively).

    >>> lower_literals(r"(?<![A-Za-z])MFU\s?\S")
    '(?<![a-za-z])mfu\\s?\\S'
    >>> [lower_literals(p) for p in (r"(?-i:MFU)", r"\x4DFU", r"x[A-z]", "\u017fpeed")]
    [None, None, None, None]
    """
    return lowered(pattern)


def first_chars(pattern: str, flags: int = 0) -> str | None:
    r"""A character class holding every character a match of ``pattern`` can start with, or None.

    A scanner led by it (``(?=[AHV])...``) rejects the other positions with
    one test instead of trying the pattern there: for the hardware names,
    which start with capitals, the scan of a sentence got about 2x faster.
    Read off the pattern's tree (extract/regex_subset.py); None when the pattern may
    start with any character (a class such as ``\w``, or an empty match).
    Compile the class with the pattern's flags (case is then folded alike).

    >>> first_chars(r"(?<![\w-])(?:A100|H(?:100|800)|(?:GeForce\s+)?RTX\s?\d{4})")
    '[AGHR]'
    >>> first_chars(r"\d+\s?nm|TPU")
    '[T\\d]'
    >>> first_chars(r".+") is None
    True
    """
    chars = _first_set(pattern, flags)
    return _char_class(chars) if chars is not None else None


def _first_set(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters (and class escapes such as ``\\d``) of :func:`first_chars`, as a set; or None."""
    return first_set(pattern, flags)


def _char_class(chars: set[str]) -> str:
    """The character class of :func:`first_chars` holding ``chars``."""
    return "[" + "".join(c if len(c) > 1 else re.escape(c) for c in sorted(chars)) + "]"


def first_letter_alternation(fragments: list[str], ignore_case: bool = True) -> str:
    r"""An alternation of ``fragments`` (in their order) with each fragment's first letter
    factored out, so that at each position the engine tries only the fragments that
    start with the letter there (matched case-insensitively: compile with IGNORECASE).
    Fragments that do not start with a letter come last, unchanged. Fragments that
    start with different letters never match at the same position, so the order
    among those starting with the same letter is all that matters, and it is kept.
    One exception: a fragment that does not start with a letter may still match
    at one (``(?:GeForce\s+)?RTX\s?\d{4}`` starts at "R" too); it is tried after
    the fragments of that letter, wherever it stood in ``fragments``. (In the
    hardware names this made "RTX 6000 Ada GPU" win over "RTX 6000", found
    when the spellings were first factored; the longer name is the one meant.)

    >>> first_letter_alternation(["speed-?ups?", "slower", "MFU", r"\$\d"])
    '(?:[Ss](?:peed-?ups?|lower)|[Mm](?:FU)|\\$\\d)'
    """
    by_letter: dict[str, list[str]] = {}
    others = []
    for frag in fragments:
        head = frag[:1]
        if head.isascii() and head.isalpha() and frag[1:2] not in ("?", "*", "+", "{") and not _top_level_bar(frag):
            by_letter.setdefault(head.lower() if ignore_case else head, []).append(frag[1:])
        else:
            others.append(frag)
    parts = [f"{_letter(c, ignore_case)}(?:{'|'.join(rests)})" for c, rests in by_letter.items()]
    return "(?:" + "|".join(parts + others) + ")"


def _letter(c: str, ignore_case: bool) -> str:
    return f"[{c.upper()}{c}]" if ignore_case else c


def _top_level_bar(fragment: str) -> bool:
    """True when ``fragment`` is itself an alternation ("a|b") outside any group."""
    return len(top_level_alternatives(fragment, unwrap=False)) > 1


def top_level_alternatives(fragment: str, unwrap: bool = True) -> list[str]:
    r"""The alternatives of ``fragment`` at its top level; with ``unwrap``, a group
    ``(?:...)`` spanning the whole fragment is opened first.

    >>> top_level_alternatives(r"(?:A100|H100|Titan\s?(?:RTX|V))")
    ['A100', 'H100', 'Titan\\s?(?:RTX|V)']
    """
    if unwrap and fragment.startswith("(?:") and fragment.endswith(")") and _closes_at_end(fragment):
        fragment = fragment[3:-1]
    parts, start = [], 0
    for i, ch, depth in _unescaped(fragment):
        if ch == "|" and depth == 0:
            parts.append(fragment[start:i])
            start = i + 1
    return parts + [fragment[start:]]


def _closes_at_end(fragment: str) -> bool:
    """True when the group opened at position 0 closes at the last character."""
    for i, ch, depth in _unescaped(fragment):
        if ch in ")]" and depth == 0:
            return i == len(fragment) - 1
    return False


def _unescaped(fragment: str):
    """(index, character, bracket depth after it) of each character not escaped by a backslash."""
    depth, escaped = 0, False
    for i, ch in enumerate(fragment):
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        yield i, ch, depth


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    r"""Words one of which every match of ``pattern`` contains, or None when none can be told.

    A cheap test before a scan: a text holding none of these words cannot
    match, so the scan is skipped. The words are read off the pattern's
    tree (extract/regex_subset.py, public means only): runs of literal
    characters, and alternations of them, that every match must pass
    through; the most selective such part (longest shortest word) is taken
    for each alternative. The words are lower-cased: compare them with a
    lower-cased text (:class:`Prefilter` does).

    >>> sorted(required_words(r"(?:in|over)\s+the\s+(?:last|past)\s+years?|account(?:s|ed)?\s+for", re.I))
    ['account', 'last', 'past']
    >>> required_words(r"\d+(?:\.\d+)?") is None
    True
    """
    if not pattern.isascii():
        return None  # a letter such as "ſ" matches "s" case-insensitively: the words would not tell
    words = needles(pattern, flags)  # None too for syntax outside extract/regex_subset.py's subset
    if words is None:
        return None
    return frozenset(w.lower() for w in words)


class Prefilter:
    r"""A cheap necessary test for a pattern: does the text hold one of the words every match holds?

    ``may_match`` is False only when the pattern cannot match; True says
    nothing (search then). Texts that are not ASCII always get True: the
    pattern's case folding may differ from ``str.lower`` there.

    >>> f = Prefilter(r"(?:has|have)\s+(?:grown|doubled)", re.IGNORECASE)
    >>> f.may_match("Models have GROWN."), f.may_match("Models have shrunk.")
    (True, False)
    """

    __slots__ = ("_words", "_needles")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.words = required_words(pattern, flags)

    @property
    def words(self) -> frozenset[str] | None:
        """The lower-cased words, one of which every match holds; None when none can be told."""
        return self._words

    @words.setter
    def words(self, words: frozenset[str] | None) -> None:
        self._words = words
        self._needles = None if words is None else fewest_needles(words)

    def may_match(self, text: str) -> bool:
        if self._needles is None or not text.isascii():
            return True
        return bool(self._needles) and self.may_match_lowered(text.lower())  # no words (see within): nothing to lower

    def within(self, text: str) -> Prefilter:
        r"""The prefilter for pieces (substrings) of ``text``: it tests only the words ``text`` holds,
        the only ones a piece can hold. One pass over a whole abstract spares testing every
        word on each of its sentences. Texts that are not ASCII keep the prefilter as it is.

        >>> f = Prefilter(r"(?:has|have)\s+(?:grown|doubled)", re.IGNORECASE).within("Models have GROWN. Others doubled.")
        >>> sorted(f.words), f.may_match("Models have GROWN."), f.may_match("Models have shrunk.")
        (['doubled', 'grown'], True, False)
        """
        if self._needles is None or not text.isascii():
            return self
        lowered = text.lower()
        kept = tuple(needle for needle in self._needles if needle in lowered)  # fewest already: none holds another
        narrowed = copy.copy(self)  # public construction (no pattern to parse again): about 1.7 µs more than object.__new__
        narrowed._words, narrowed._needles = frozenset(kept), kept
        return narrowed

    def may_match_lowered(self, lowered: str) -> bool:
        """``may_match`` of an ASCII text, given lower-cased (callers that test several
        prefilters, or several windows, on one text lower-case it once)."""
        if self._needles is None:
            return True
        for needle in self._needles:  # a plain loop: about twice as fast as any() over a generator
            if needle in lowered:
                return True
        return False


def fewest_needles(words) -> tuple[str, ...]:
    """The words that hold no other of the words, shortest first: a text holds one of
    these exactly when it holds one of ``words`` (a word holding another one is found
    through it), and the test tries fewer of them.

    >>> fewest_needles({"average", "averaged", "avg", "mean", "geomean"})
    ('avg', 'mean', 'average')
    """
    kept = [w for w in words if not any(other != w and other in w for other in words)]
    return tuple(sorted(kept, key=lambda w: (len(w), w)))


@lru_cache(maxsize=None)
def prefilter_for(*patterns: re.Pattern | regex.Pattern) -> Prefilter:
    r"""The :class:`Prefilter` of compiled patterns (``re`` or ``regex``), made once: it may
    match a text when any of them may.

    >>> prefilter_for(regex.compile(r"(?i:on\s+average)")).may_match("2x faster")
    False
    """
    filters = [Prefilter(p.pattern, p.flags & (re.IGNORECASE | re.VERBOSE)) for p in patterns]
    for pattern, one in zip(patterns, filters):
        if isinstance(pattern, regex.Pattern) and _regex_only_syntax(pattern):
            one.words = None  # the re parser would misread it: no shortcut
    union = filters[0]
    for other in filters[1:]:
        union.words = None if union.words is None or other.words is None else union.words | other.words
    return union


# Syntax of the regex module that the standard library's parser accepts but reads otherwise:
# POSIX classes, fuzzy constraints, named lists, version-1 set operations, \p{...}, \X, \G.
_REGEX_ONLY = re.compile(r"\[\[:|\{[^}\d,]|\\L<|\\[pPXG]|\(\?V1|\(\?\||--|&&|\|\||~~")


# Escapes that name a character by its code (\x.., \u...., \U........, \N{...}, octal): it may lie beyond ASCII.
_CHARACTER_ESCAPE = re.compile(r"\\[xuUN0-7]")


def ascii_twin(pattern: regex.Pattern) -> re.Pattern | None:
    r"""The ``regex`` pattern compiled with the standard library's ``re`` and ASCII semantics, for
    ASCII texts: there ``\w``, ``\s``, ``\d``, ``\b`` and case folding read alike in both (re's
    Unicode ``\s`` would also take ``\x1c``-``\x1f``; with ``re.ASCII`` it does not), and ``re``
    answers a short ``match`` or ``search`` about twice as fast. None when the source is not ASCII
    (``ſ`` matches ``s`` case-insensitively in ``regex`` alone), when it may use syntax ``re`` reads
    otherwise, when it has flags other than IGNORECASE and VERBOSE, or when ``re`` cannot compile it.

    >>> twin = ascii_twin(regex.compile(r"\s*(?:GPUs?|nodes)\b", regex.IGNORECASE))
    >>> twin.match(" gpus, 8").span(), twin.flags & re.ASCII > 0
    ((0, 5), True)
    >>> ascii_twin(regex.compile("\u017fpeed", regex.IGNORECASE)) is None, ascii_twin(regex.compile(r"\u017fpeed", regex.IGNORECASE)) is None
    (True, True)
    """
    known = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0 | regex.UNICODE
    if not pattern.pattern.isascii() or _regex_only_syntax(pattern) or pattern.flags & ~known:
        return None
    if _CHARACTER_ESCAPE.search(pattern.pattern):
        return None  # an escape may name a character beyond ASCII ("\u017f" folds to "s" in regex alone)
    flags = re.ASCII | (re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0) | (re.VERBOSE if pattern.flags & regex.VERBOSE else 0)
    try:
        return re.compile(pattern.pattern, flags)
    except re.error:
        return None


def _regex_only_syntax(pattern: regex.Pattern) -> bool:
    """True when a ``regex`` pattern may use syntax that ``re`` reads differently.

    >>> _regex_only_syntax(regex.compile(r"[[:alpha:]]+ing")), _regex_only_syntax(regex.compile(r"speed-?ups?"))
    (True, False)
    """
    return bool(pattern.flags & regex.VERSION1 or _REGEX_ONLY.search(pattern.pattern))
