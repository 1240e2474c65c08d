"""Find quantities in text: numbers with their units, ranges, lists and number words.

This module knows the *form* of a quantity, not whether it is a claim
(that is :mod:`claimbench.extract.claims`). It works on normalized text
(:func:`claimbench.extract.normalize.normalize`), whose offsets equal the
original's.

>>> [(q.mention, q.value, q.value_low, q.unit) for q in find_quantities("up to 2.49times speedup and 50-73\\\\% of peak")]
[('2.49times', 2.49, None, 'x'), ('50-73\\\\%', 73.0, 50.0, '%')]
>>> [(q.mention, q.value, q.unit) for q in find_quantities("over 114K tokens, an order of magnitude faster")]
[('114K tokens', 114000.0, 'token'), ('an order of magnitude', 10.0, 'x')]
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

import regex

from .knowledge import compile_scanner, knowledge, lower_literals

# Time limit for one regex call (seconds): a guard on top of patterns that are
# written to run in linear time (possessive quantifiers, anchored starts).
REGEX_TIMEOUT = 2.0


@dataclass(frozen=True)
class Quantity:
    """One quantity found in the text.

    ``start``/``end`` delimit the mention (number and unit); ``kind`` is
    ``number``, ``range`` or ``word``; ``direction`` is the change a number
    word implies (``doubles``: increase) or ``""``; ``unit_given`` is False
    when the unit was borrowed from a neighbour in a list ("0.065 and 0.31
    samples/kJ").
    """

    start: int
    end: int
    mention: str
    value: float
    value_low: float | None
    unit: str
    kind: str
    direction: str = ""
    unit_given: bool = True
    bare_count: bool = False  # a plain integer with no unit, decimal point or scale
    from_to: bool = False  # one end of "from X to Y": two absolute claims (ruling R12)

    def __init__(
        self, start: int, end: int, mention: str, value: float, value_low: float | None, unit: str, kind: str,
        direction: str = "", unit_given: bool = True, bare_count: bool = False, from_to: bool = False,
    ) -> None:
        """The dataclass's own ``__init__`` would set each of the eleven fields through
        ``object.__setattr__`` (the class is frozen); this one sets them at once, three times
        as fast (the numbers step makes about eleven quantities an abstract). Its parameters
        are the fields, in order, with their defaults:

        >>> import inspect
        >>> from dataclasses import MISSING, fields
        >>> [(p.name, p.default) for p in inspect.signature(Quantity).parameters.values()] == [
        ...     (f.name, inspect.Parameter.empty if f.default is MISSING else f.default) for f in fields(Quantity)]
        True
        >>> q = Quantity(0, 2, "2x", 2.0, None, "x", "number")
        >>> q.unit = "%"
        Traceback (most recent call last):
        ...
        dataclasses.FrozenInstanceError: cannot assign to field 'unit'
        >>> replace(q, unit="%") == Quantity(0, 2, "2x", 2.0, None, "%", "number"), hash(q) == hash(Quantity(0, 2, "2x", 2.0, None, "x", "number"))
        (True, True)
        """
        self.__dict__.update({
            "start": start, "end": end, "mention": mention, "value": value, "value_low": value_low, "unit": unit, "kind": kind,
            "direction": direction, "unit_given": unit_given, "bare_count": bare_count, "from_to": from_to,
        })


# ---------------------------------------------------------------- patterns


@lru_cache(maxsize=1)
def _unit_entries() -> list[tuple[str, str]]:
    """(fragment, unit) for every unit word, longest fragment first."""
    units = knowledge().units
    entries = [(frag, unit) for section in (units.factor, units.percent, units.quantity) for frag, unit in section.items()]
    entries.sort(key=lambda e: (-len(e[0]), e[0]))
    return entries


@lru_cache(maxsize=1)
def _unit_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern for every unit word (longest fragment first), and the unit of each group.

    One ``match`` call finds the unit; ``m.lastgroup`` names which word matched.
    """
    entries = _unit_entries()
    units = {f"u{i}": unit for i, (_, unit) in enumerate(entries)}
    pattern = "|".join(f"(?P<u{i}>{frag})" for i, (frag, _) in enumerate(entries))
    return regex.compile(pattern), units


@lru_cache(maxsize=1)
def _unit_words() -> list[tuple[re.Pattern, str]]:
    """Each unit fragment compiled alone with the standard library's ``re`` (ASCII), in the pattern's order."""
    return [(re.compile(frag, re.ASCII), unit) for frag, unit in _unit_entries()]


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    return dict(knowledge().number_words.scales)


# re's lookbehinds have a fixed width, so "not the tail of a name" (GPT-3, Llama2-70B: a word that starts
# with a letter, then up to 15 letters, digits or points, then - or _) is written once per length. Each
# ends with "." for the number's first character (see _number_pattern).
_NOT_NAME_TAIL = "".join(rf"(?<!\b[A-Za-z][A-Za-z\d.]{{{k}}}[-_].)" for k in range(16))


@lru_cache(maxsize=1)
def _number_pattern() -> re.Pattern:
    """A number with its exponent and scale, and the unit word after it (when one follows).

    Compiled with the standard library's ``re``, which searches a pattern that starts with a
    character set fast: the former ``regex`` pattern, with its timeout guard, took 2.5x as
    long. ``re`` needs no guard: the pattern has no nested unbounded repetition, and the
    number's own are possessive, so the scan runs in linear time. The pattern reads the
    number's first character (a digit, a decimal point or a currency sign) before looking
    behind it, so its lookbehinds end with "." for that character. The unit word is read
    in a lookahead, so that the next search starts right after the number, without a group
    per word (see :func:`unit_of_word`). Its ASCII semantics are the unit words' own for
    ASCII text only (see :func:`_tokens`).

    >>> m = _number_pattern().search("costs $4.30 per 1.5B tokens")
    >>> m.group(0), m.start("dollar") > 0, m.group("unit")
    ('$4.30', True, None)
    >>> [(m.group(0), m.group("scale"), m.group("unit")) for m in _number_pattern().finditer("1.5B tokens, 2x")]
    [('1.5B', 'B', 'tokens'), ('2', None, 'x')]
    >>> m = _number_pattern().search("over $3$ tokens per second")
    >>> m.group(0), m.start("math") > 0, m.group("unit")
    ('$3$', True, 'tokens per second')
    """
    units = "|".join(frag for frag, _ in _unit_entries())
    return re.compile(
        r"""
        [0-9.$]                      # the number's first character: a digit, a decimal point or a currency sign
                                     # (written as a range, re searches for it with a table: twice as fast as [\d.$])
        (?:
            (?<=\\textless.)|(?<=\\textgreater.)|(?<=\\sim.)|(?<=\\approx.)   # LaTeX residue: \textless2MB, \sim2%
          | (?<=sim.)(?<![A-Za-z]sim.)                                         # sim2%
          | (?<=\\\$)                 # an escaped dollar sign, LaTeX's "\$2,000"
          | (?<![\w.@^/\\].)         # else not glued to a word, a decimal point, pass@, 10^ or a LaTeX command
        )
        (?:(?<![-_].)|(?=[\d.,]*+\\?%)|""" + _NOT_NAME_TAIL + r""")   # not the tail of a name such as GPT-3 or
                                     # Llama2-70B (a percentage is none: "CPU-80%", as normalize writes "CPU—80%")
        (?:                          # a currency sign (not the closing $ of $\sim$), then the number: $4.30, $ 5
            (?<=\$)(?<![A-Za-z}]\$)\s?(?P<dollar>)[\d.]   # (the empty group marks where the number starts; "\$5" too)
        )?
        (?:
            (?<=\.)\d++              # .5
          | (?<=\d)\d{0,2}(?:,\d{3})++(?![\d,]\d)(?:\.\d++)?   # thousands separators: 12,000 or 2,048
          | (?<=\d)\d*+(?:\.\d++)?   # 2 or 2.49
        )
        (?P<digits_end>)
        (?![\d])
        (?:(?=\s?[\\x]|[eE^])         # (how an exponent starts: a cheap test first)
            (?P<exp>
                \s?(?:\\times|x)\s?10\^\{?(?P<pow1>-?\d{1,3})\}?        # 2.4 \times 10^{4}
              | [eE](?P<pow2>[-+]?\d{1,3})(?![\w])                    # 1e-5
              | (?:(?<=^10)|(?<=[^\d.]10))\^\{?(?P<pow3>-?\d{1,3})\}?   # 10^4 (the number was 10)
            )
        )?+                           # (possessive, here and below: nothing after can fail, and ?+ is faster)
        (?:(?=\s?[tTmMbB]|[KMBTk])     # (how a scale starts: a cheap test first)
            (?P<scale>
                \s?(?i:thousand|million|billion|trillion)(?![A-Za-z])   # 1.5 billion
              | [KMBT](?![A-Za-z0-9])                                    # 114K, 1.5B
              | k(?![A-Za-z0-9])                                         # 4k
            )
        )?+
        \+?+                        # 100K+
        (?(dollar)(?:\$(?P<math>))?+)   # the closing $ of inline math: "$3$ tokens per second", "$10^6$ samples"
        (?:(?=\x20?+(?P<unit>(?-sx:""" + units + r"""))))?+   # the unit word, after at most one space
        """,
        re.VERBOSE | re.ASCII | re.DOTALL,  # ASCII digits only: float() reads no other
    )


# What may stand between the two ends of a range.
RANGE_SEP = regex.compile(
    r"""
    \s*+
    (?:
        -{1,2}                  # 2-4x, 50--73%
      | ~                       # 2~4x
      | \$?\\?sim\$?(?![A-Za-z]) # 2.35x sim 3.47x, 2x $\sim$ 4x: the residue of LaTeX's \sim between two figures
      | to                      # 1.1x to 2x
      | x201[34]                # the residue of an en/em dash
      | \\textendash
    )
    \s*+
    """,
    regex.VERBOSE,
)

# "between 2 and 3x"
BETWEEN = regex.compile(r"(?i:between)\s++$")
AND = regex.compile(r"\s++and\s++")
# "from 43.3% to 76.8%": the word before a range that makes it two claims (R12),
# unless the range is a spread ("ranging from 2x to 13x", "varies from").
FROM_BEFORE = regex.compile(r"(?i:(?<!rang\w{1,3}\s|var\w{1,4}\s)\bfrom)\s++$")

# A qualifier between "factor (of)" and its number: "a factor of about 10".
_FACTOR_QUALIFIER = r"(?:(?:about|around|roughly|nearly|approximately|almost|over|up\s+to|more\s+than|at\s+least)\s++)?"
# "by a factor of 3.2", "a factor of about 10", "(factor up to 38)": the number is a multiplicative factor.
FACTOR_OF = regex.compile(
    r"""
    (?<![A-Za-z])factors?\s++
    (?:
        of\s++                                                        # factor of
      | (?<=(?:^|[(\[,;:]|\b(?:by\s++)?an?)\s*+factors?\s++)    # "(factor up to 38)", "by a factor 5": no setting's name before
    )
    """ + _FACTOR_QUALIFIER + r"""
    $""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Separators inside a list: "87%, 131%, 138% and 74%"
LIST_SEP = regex.compile(r"\s*+(?:,\s*+(?:and\s++|or\s++)?|and\s++|or\s++|/\s*+)")
# The same, a sign maybe before the next member: "by +3.4 and +2.9 points".
SIGNED_LIST_SEP = regex.compile(LIST_SEP.pattern + r"\+?")


class _Phrases(NamedTuple):
    scan: re.Pattern  # every number phrase, without groups (groups make it several times slower)
    phrases: list[tuple[re.Pattern, tuple[float, str, str]]]  # each phrase and its (value, unit, direction)
    cardinal: re.Pattern  # a cardinal followed by -fold, times or percent
    scan_lowered: re.Pattern | None  # the scan for lowered ASCII text (see _word_pattern), or None


@lru_cache(maxsize=1)
def _word_pattern() -> _Phrases:
    """The number phrases ("an order of magnitude", "ten-fold", "four times", "doubles").

    A phrase's value 0 means "read the cardinal word". When every phrase is written in
    lower case and made of letters, white space and hyphens (:func:`_made_of_words`),
    ``scan_lowered`` finds the same phrases, case-sensitively, in the lowered copy of an
    ASCII text: about 3x as fast as scanning case-insensitively, and only the runs of
    such characters that hold a stem need scanning.
    """
    words = knowledge().number_words
    phrases = [
        (re.compile(f"(?:{frag})(?![A-Za-z])", re.IGNORECASE), (phrase.value, phrase.unit, phrase.direction))
        for frag, phrase in words.phrases.items()
    ]
    card = "|".join(sorted((k.replace("-", "[- ]") for k in words.cardinals), key=len, reverse=True))
    # "four times", "ten-fold": a factor; "four percent": a percentage
    cardinal = re.compile(r"(?P<card>" + card + r")(?:[- ]?fold|\s+times|\s+percent(?!age))", re.IGNORECASE)
    fragments = [*words.phrases, cardinal.pattern.replace("?P<card>", "")]
    body = "|".join(fragments)
    scan = compile_scanner(r"(?<![A-Za-z-])(?i:" + body + r")(?![A-Za-z])")
    lowered = lower_literals(r"(?<![A-Za-z-])(?:" + body + r")(?![A-Za-z])") if all(map(_made_of_words, fragments)) else None
    scan_lowered = re.compile(lowered) if lowered else None
    return _Phrases(scan, phrases, cardinal, scan_lowered)


def _cardinal(word: str) -> float:
    cardinals = knowledge().number_words.cardinals
    key = regex.sub(r"[- ]", "-", word.lower())
    return float(cardinals.get(key, cardinals.get(key.replace("-", ""), 0)))


# ---------------------------------------------------------------- parsing


class _Token(NamedTuple):
    start: int
    num_end: int  # end of the number (and scale)
    end: int  # end of the unit, or num_end
    value: float
    unit: str | None  # None when no unit follows
    dollar: bool
    bare: bool  # plain integer: no decimal point, scale, exponent or unit


# _Token(...) goes through a generated Python __new__: this makes the same tuple 2.5x as fast.
_new_token = partial(tuple.__new__, _Token)


@lru_cache(maxsize=4096)
def _number_value(num: str, pow1: str | None, pow2: str | None, pow3: str | None, scale: str | None) -> float:
    """The value of a number from its parts (cached: abstracts repeat their numbers).

    >>> _number_value("2.4", "4", None, None, None), _number_value("10", None, None, "-3", None), _number_value("1,500", None, None, None, " million")
    (24000.0, 0.001, 1500000000.0)
    """
    value = float(num.replace(",", ""))
    power = pow1 or pow2 or pow3
    try:
        if pow3 is not None:
            value = 10.0 ** int(power)
        elif power is not None:
            value *= 10.0 ** int(power)
    except OverflowError:
        return math.inf  # "10^{500}": not a finite measurement; the caller skips it
    scale = (scale or "").strip()
    if scale:
        value *= _scales()[scale.lower() if len(scale) > 1 else scale]
    return value


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """The unit word starting at ``pos`` (after at most one space), and its end.

    With Unicode semantics (``regex``): :func:`_tokens` calls it for text that is not ASCII.
    """
    at = pos + 1 if pos < len(text) and text[pos] == " " else pos
    pattern, units = _unit_pattern()
    m = pattern.match(text, at, timeout=REGEX_TIMEOUT)
    if m and m.end() > at:
        return units[m.lastgroup], m.end()
    return None


# What a unit fragment may hold for the word alone to tell its unit (see unit_of_word): nothing that
# looks behind it, ahead for something that must follow, or at a boundary.
_CONTEXT_SYNTAX = ("(?<", "(?=", "\\b", "\\B", "\\A", "\\Z", "^", "$")


@lru_cache(maxsize=1)
def _unit_words_tell() -> bool:
    """True when a unit fragment that matches after a number also matches the word alone.

    Unit fragments only look ahead to rule out what follows ("(?![A-Za-z])"), which the
    end of the word alone never is.
    """
    unescaped = [re.sub(r"\\([^bBAZ])", "", frag) for frag, _ in _unit_entries()]  # an escaped "\^" is a caret, not a boundary
    return not any(syntax in frag for frag in unescaped for syntax in _CONTEXT_SYNTAX)


@lru_cache(maxsize=4096)
def unit_of_word(word: str) -> str | None:
    """The unit of a unit word found after a number, or None when the word alone does not tell.

    Every fragment that matches the word in a text also matches the word alone
    (:func:`_unit_words_tell`): when those that match it alone agree on a unit, so does
    the fragment that matched in the text. For ASCII text, :func:`find_quantities` takes the
    unit from here, and only for None tries the fragments in place, in the pattern's order
    (the general path's way): the unit is the same either way.

    >>> unit_of_word("tokens/s"), unit_of_word("%"), unit_of_word("x")
    ('token/s', '%', 'x')
    """
    units = {unit for frag, unit in _unit_words() if frag.fullmatch(word)}
    return units.pop() if len(units) == 1 and _unit_words_tell() else None


def _unit_in_place(text: str, at: int) -> str:
    """The unit of the unit word at ``at``: that of the first fragment (in the pattern's order) matching there."""
    return next(unit for frag, unit in _unit_words() if frag.match(text, at))


@lru_cache(maxsize=1)
def _per_currency_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """"/" or "per" and a word of units.toml [per_currency], and the unit of each group (as in :func:`_unit_pattern`)."""
    entries = list(knowledge().units.per_currency.items())
    units = {f"p{i}": unit for i, (_, unit) in enumerate(entries)}
    words = "|".join(f"(?P<p{i}>{frag})" for i, (frag, _) in enumerate(entries))
    return regex.compile(r"(?:\x20?+/\x20?+|\s++per\s++)(?:" + words + ")"), units


def _per_currency(text: str, end: int) -> tuple[str, int] | None:
    """The rate an amount of money ending at ``end`` is given in ("$0.02 per query": USD/query), and its end.

    >>> _per_currency("$0.02 per query", 5), _per_currency("2.5 USD/hour", 7), _per_currency("$4.30 per 1.5B tokens", 5)
    (('USD/query', 15), ('USD/hour', 12), None)
    """
    pattern, units = _per_currency_pattern()
    m = pattern.match(text, end, timeout=REGEX_TIMEOUT)
    return ("USD/" + units[m.lastgroup], m.end()) if m else None


def _tokens(text: str, lowered: str) -> list[_Token]:
    """The numbers of ``text`` with their units; ``lowered`` is ``text.lower()``."""
    # The pattern reads unit words with ASCII semantics, the unit words' own for ASCII text only.
    ascii_text = text.isascii()
    factor_named = "factor" in lowered  # FACTOR_OF cannot match otherwise
    tokens = []
    for m in _number_pattern().finditer(text):
        dollar, _, exp, pow1, pow2, pow3, scale, math_end, unit_word = m.groups()  # one call for all the groups
        start, num_end = m.span()
        num = text[start if dollar is None else m.end("dollar") : m.end("digits_end")]
        if dollar is not None and (math_end is not None or (unit_word or "").startswith("\\")):
            # Not a currency: inline math. "$3$ tokens per second" keeps its $...$ (the unit is outside);
            # "$5.6\\%$", "$3\\times$" are the number and its unit inside.
            if math_end is None:
                start = m.end("dollar")
            dollar = None
        if exp is None and scale is None:
            value = float(num.replace(",", ""))  # what _number_value gives a plain number, without its cache's key
        else:
            value = _number_value(num, pow1, pow2, pow3, scale)
        if not math.isfinite(value):
            continue
        if dollar is not None:
            unit, end = "USD", num_end
        elif ascii_text and unit_word:
            at, end = m.span("unit")
            unit = unit_of_word(unit_word)
            if unit is None:
                unit = _unit_in_place(text, at)
        elif not ascii_text and (unit_end := _unit_at(text, num_end)):
            unit, end = unit_end
        elif factor_named and "factor" in text[max(0, start - 40) : start].lower() and FACTOR_OF.search(text, max(0, start - 40), start):
            unit, end = "x", num_end  # "by a factor of 3.2"
        else:
            unit, end = None, num_end
        if unit == "USD" and (rate := _per_currency(text, end)):
            unit, end = rate  # "$0.02 per query", "2.5 USD/hour"
        bare = unit is None and dollar is None and not (scale or exp) and "." not in num
        tokens.append(_new_token((start, num_end, end, value, unit, dollar is not None, bare)))
    return tokens


def _mention(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim white space from a span and cut the mention."""
    mention = text[start:end].rstrip()
    return start, start + len(mention), mention


def _join_ranges(text: str, tokens: list[_Token], lowered: str) -> list[Quantity]:
    """Turn tokens into quantities, pairing the two ends of each range; ``lowered`` is ``text.lower()``."""
    between_named = "between" in lowered  # BETWEEN cannot match otherwise
    out: list[Quantity] = []
    i, count = 0, len(tokens)
    while i < count:
        a = tokens[i]
        b = tokens[i + 1] if i + 1 < count else None
        if b is not None and b.unit is not None and a.unit in (None, b.unit):
            gap = text[a.end : b.start]
            # "from 43.3% to 76.8%" and "from 80 ms to 20 ms": two absolute claims (R12), whichever is larger
            from_to = RANGE_SEP.fullmatch(gap) and FROM_BEFORE.search(text, max(0, a.start - 20), a.start)
            if a.value < b.value and (RANGE_SEP.fullmatch(gap) or (
                between_named and BETWEEN.search(text, max(0, a.start - 12), a.start) and AND.fullmatch(gap)
            )) or from_to:
                if from_to:
                    # "from 43.3% to 76.8%": two absolute claims, not a range
                    for t in (a, b):
                        s, e, mention = _mention(text, t.start, t.end)
                        out.append(Quantity(s, e, mention, t.value, None, b.unit, "number", unit_given=t.unit is not None, from_to=True))
                    i += 2
                    continue
                s, e, mention = _mention(text, a.start, b.end)
                out.append(Quantity(s, e, mention, b.value, a.value, b.unit, "range"))
                i += 2
                continue
        # A number alone, the common case: its fields read at once, the mention trimmed in place (as _mention does).
        start, _, end, value, unit, _, bare = a
        mention = text[start:end].rstrip()
        out.append(Quantity(start, start + len(mention), mention, value, None, unit or "", "number", "", unit is not None, bare))
        i += 1
    return out


def _propagate_list_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Give unitless numbers in a list the unit of the list's last member.

    "0.065 and 0.31 samples/kJ" -> both in sample/kJ; "+3.4 and +2.9 points" -> both in points.
    """
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.unit_given or not nxt.unit or q.kind != "number":
            continue
        if not nxt.unit_given and not nxt.unit:
            continue
        if SIGNED_LIST_SEP.fullmatch(text, q.end, nxt.start):
            out[i] = replace(q, unit=nxt.unit, unit_given=False)
    return out


# Every number phrase contains one of these stems (number_words.toml [stems], checked at load): a cheap test before the full pattern.
_WORD_STEMS = knowledge().number_words.stems

# A run of the characters a number phrase is made of (see _made_of_words).
_PHRASE_RUN = re.compile(r"[\w\s-]*")


def _made_of_words(fragment: str) -> bool:
    r"""True when every text ``fragment`` (a regex) matches is made of letters, white space and hyphens.

    A conservative reading of the fragment's syntax: anything it does not know makes it False.

    >>> _made_of_words(r"(?:an|one)\s+order(?!\s+of)"), _made_of_words(r"ten[- ]?fold"), _made_of_words(r"x\d")
    (True, True, False)
    """
    rest = re.sub(r"\\s|\(\?(?:<=|<!|=|!|:)", "", fragment)  # white space; lookarounds and groups
    rest = re.sub(r"\[-?[A-Za-z ]*-?\]", "", rest)  # classes of letters and spaces, a hyphen first or last
    return all(c.isascii() and (c.isalpha() or c in " -()|?+*") for c in rest)


def _phrase_regions(text: str, lowered: str) -> list[tuple[int, int]]:
    """Where number phrases may be in ASCII ``text``: each run of letters, digits, white space
    and hyphens that holds a stem, as (start, end) with the character after the run (that the
    phrases' lookaheads read).

    >>> _phrase_regions("It is 2.5 times faster, and twice as cheap.", "it is 2.5 times faster, and twice as cheap.")
    [(8, 23), (23, 43)]
    """
    runs = set()
    backwards = None
    for stem in _WORD_STEMS:
        run_end = -1
        i = lowered.find(stem)
        while i >= 0:
            if i >= run_end:  # not in the run of this stem's previous occurrence
                if backwards is None:
                    backwards = lowered[::-1]
                back = len(text) - 1 - i  # where text[i] is in backwards
                start = i + 1 - (_PHRASE_RUN.match(backwards, back).end() - back)
                run_end = _PHRASE_RUN.match(text, i).end()
                runs.add((start, min(len(text), run_end + 1)))
            i = lowered.find(stem, i + len(stem))
    return sorted(runs)


def _word_quantities(text: str, lowered: str) -> list[Quantity]:
    """Amounts written in words; ``lowered`` is ``text.lower()``.

    In ASCII text, ``lowered`` has the offsets of ``text``: only the runs that hold a
    stem are scanned (:func:`_phrase_regions`), in ``lowered`` (:func:`_word_pattern`).
    """
    scan, phrases, cardinal, scan_lowered = _word_pattern()
    if scan_lowered is not None and text.isascii():
        scan, scanned, regions = scan_lowered, lowered, _phrase_regions(text, lowered)  # no region without a stem
    elif any(stem in lowered for stem in _WORD_STEMS):
        scanned, regions = text, [(0, len(text))]
    else:
        return []
    found = []
    for region_start, region_end in regions:
        for m in scan.finditer(scanned, region_start, region_end):
            start, end = m.span()
            # Which phrase matched, tried in the scan's order and in place (some look around them).
            meaning = next((mn for phrase, mn in phrases if (p := phrase.match(text, start)) and p.end() == end), None)
            if meaning is None:
                card = cardinal.match(text, start)
                if card is None:  # the scan folds case more widely than the phrases do ("twiceſ"): no phrase here
                    continue
                value, direction = _cardinal(card.group("card")), ""
                unit = "%" if card.group(0).lower().endswith("percent") else "x"
            else:
                value, unit, direction = meaning
            if value:
                if unit == "USD" and (rate := _per_currency(text, end)):
                    unit, end = rate  # "one dollar per month"
                found.append(Quantity(start, end, text[start:end], value, None, unit, "word", direction))
    return found


# "from 77.67% at Level I to 32.96% at Level IV": a short phrase may stand between the two
# figures of a "from X to Y" (R12); no number, comma or full stop may.
FROM_TO_GAP = regex.compile(r"\s++(?:at|on|in|for|with|under|when)\s[^\d,;.()]{1,40}?\s++to\s++$", regex.IGNORECASE)


def _from_to_with_words(text: str, quantities: list[Quantity], lowered: str) -> list[Quantity]:
    """Mark "from X <phrase> to Y" as two absolute figures (R12), as _join_ranges does for "from X to Y".

    >>> [(q.mention, q.from_to) for q in find_quantities("It drops from 77.67% at Level I to 32.96% at Level IV.")]
    [('77.67%', True), ('32.96%', True)]
    """
    out = list(quantities)
    if "from" not in lowered:  # FROM_BEFORE cannot match
        return out
    ascii_text = text.isascii()  # then ``lowered`` has the offsets of ``text``: no window to cut and lower-case
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        near = max(0, a.start - 20)
        if a.kind == b.kind == "number" and a.unit == b.unit and not a.from_to and (
            # FROM_BEFORE cannot match without "from" in the 20 characters before the number
            (lowered.find("from", near, a.start) >= 0 if ascii_text else "from" in text[near : a.start].lower())
            and FROM_BEFORE.search(text, near, a.start)
            and FROM_TO_GAP.fullmatch(text, a.end, b.start)
        ):
            out[i], out[i + 1] = replace(a, from_to=True), replace(b, from_to=True)
    return out


def _not_overlapping(words: list[Quantity], numbers: list[Quantity]) -> list[Quantity]:
    """The words that overlap no number; ``numbers`` are in order of their (distinct) starts.

    >>> q = lambda s, e: Quantity(s, e, "", 1.0, None, "", "number")
    >>> [(w.start, w.end) for w in _not_overlapping([q(0, 2), q(3, 5), q(9, 12)], [q(1, 4), q(6, 9)])]
    [(9, 12)]
    """
    if not words:
        return words
    starts = [n.start for n in numbers]
    reach = list(accumulate((n.end for n in numbers), max))  # the furthest end among the first k numbers
    # The numbers that start before a word ends are the first k: one overlaps it when the furthest reaches past its start.
    return [w for w in words if (k := bisect_left(starts, w.end)) == 0 or reach[k - 1] <= w.start]


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (already normalized), in order of position."""
    lowered = text.lower()
    numbers = _from_to_with_words(text, _propagate_list_units(text, _join_ranges(text, _tokens(text, lowered), lowered)), lowered)
    words = _not_overlapping(_word_quantities(text, lowered), numbers)
    # Numbers come in order of their (distinct) starts: only words need sorting in.
    merged = sorted(numbers + words, key=lambda q: (q.start, -q.end)) if words else numbers
    # Drop anything nested inside an earlier, longer quantity.
    out: list[Quantity] = []
    for q in merged:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def fast_path_blockers() -> list[str]:
    """What in the knowledge files keeps ASCII text off a shortcut of :func:`find_quantities`: nothing (``[]``) as shipped.

    For ASCII text, :func:`find_quantities` reads the unit of a unit word from the word alone
    (:func:`unit_of_word`), and scans for number phrases in the lowered text, only in the runs of
    words that hold a stem. A unit fragment that looks behind it, ahead for what must follow or at
    a boundary, or a number phrase not made of lower-case letters, white space and hyphens, turns
    that shortcut off: the same quantities come out, more slowly.

    >>> fast_path_blockers()
    []
    """
    blockers = []
    if not _unit_words_tell():
        blockers.append("a unit fragment looks behind, ahead for what must follow, or at a boundary: each unit word is read in place")
    if _word_pattern().scan_lowered is None:
        blockers.append("a number phrase is not lower-case letters, spaces and hyphens: the whole text is scanned, case-insensitively")
    return blockers
