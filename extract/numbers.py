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
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .knowledge import compile_scanner, load

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


# ---------------------------------------------------------------- patterns


@lru_cache(maxsize=1)
def _unit_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern for every unit word (longest fragment first), and the unit of each group.

    One ``match`` call finds the unit; ``m.lastgroup`` names which word matched.
    """
    table = load("units")
    entries = [(frag, unit) for section in ("factor", "percent", "quantity") for frag, unit in table[section].items()]
    entries.sort(key=lambda e: (-len(e[0]), e[0]))
    units = {f"u{i}": unit for i, (_, unit) in enumerate(entries)}
    pattern = "|".join(f"(?P<u{i}>{frag})" for i, (frag, _) in enumerate(entries))
    return regex.compile(pattern), units


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    return {k: float(v) for k, v in load("number_words")["scales"].items()}


NUMBER = regex.compile(
    r"""
    (?:
        (?<=\\textless|\\textgreater|\\sim|\\approx|(?<![A-Za-z])sim)  # LaTeX residue: \textless2MB, sim2%
      | (?<![\w.@^/\\])          # else not glued to a word, a decimal point, pass@, 10^ or a LaTeX command
    )
    (?<!\b[A-Za-z][A-Za-z\d.]{0,15}[-_])  # not the tail of a name such as GPT-3 or Llama2-70B
    (?:(?P<dollar>(?<![A-Za-z}\\])\$)\s?)?  # a currency sign: $4.30 (not the closing $ of $\sim$)
    (?P<num>
        \d{1,3}(?:,\d{3})++(?![\d,]\d)   # thousands separators: 12,000 or 2,048
        (?:\.\d++)?
      | \d++(?:\.\d++)?          # 2 or 2.49
      | \.\d++                   # .5
    )
    (?![\d])
    (?P<exp>
        \s?(?:\\times|x)\s?10\^\{?(?P<pow1>-?\d{1,3})\}?     # 2.4 \times 10^{4}
      | [eE](?P<pow2>[-+]?\d{1,3})(?![\w])                 # 1e-5
      | (?<=^10|[^\d.]10)\^\{?(?P<pow3>-?\d{1,3})\}?       # 10^4 (the number was 10)
    )?
    (?P<scale>
        \s?(?i:thousand|million|billion|trillion)(?![A-Za-z])   # 1.5 billion
      | [KMBT](?![A-Za-z0-9])                                    # 114K, 1.5B
      | k(?![A-Za-z0-9])                                         # 4k
    )?
    (?P<plus>\+)?                # 100K+
    """,
    regex.VERBOSE | regex.ASCII,  # ASCII digits only: float() reads no other
)

# What may stand between the two ends of a range.
RANGE_SEP = regex.compile(
    r"""
    \s*+
    (?:
        -{1,2}                  # 2-4x, 50--73%
      | ~                       # 2~4x
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

# "by a factor of 3.2", "a factor of about 10": the number is a multiplicative factor.
FACTOR_OF = regex.compile(
    r"""
    (?<![A-Za-z])factors?\s++of\s++                                   # factor of
    (?:(?:about|around|roughly|nearly|approximately|almost|over|up\s+to|more\s+than|at\s+least)\s++)?  # a qualifier
    $""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Separators inside a list: "87%, 131%, 138% and 74%"
LIST_SEP = regex.compile(r"\s*+(?:,\s*+(?:and\s++|or\s++)?|and\s++|or\s++|/\s*+)")


@lru_cache(maxsize=1)
def _word_pattern() -> tuple[re.Pattern, list[tuple[re.Pattern, tuple[float, str, str]]], re.Pattern]:
    """The number phrases ("an order of magnitude", "ten-fold", "four times", "doubles"):
    one group-free scanning pattern (groups make it several times slower), each phrase
    with its (value, unit, direction), value 0 meaning "read the cardinal word", and the
    pattern of a cardinal followed by -fold or times."""
    words = load("number_words")
    phrases = [
        (re.compile(f"(?:{frag})(?![A-Za-z])", re.IGNORECASE), (float(v), unit, direction))
        for frag, (v, unit, direction) in words["phrases"].items()
    ]
    card = "|".join(sorted((k.replace("-", "[- ]") for k in words["cardinals"]), key=len, reverse=True))
    cardinal = re.compile(r"(?P<card>" + card + r")(?:[- ]?fold|\s+times)", re.IGNORECASE)
    scan = compile_scanner(r"(?<![A-Za-z-])(?i:" + "|".join([*words["phrases"], cardinal.pattern.replace("?P<card>", "")]) + r")(?![A-Za-z])")
    return scan, phrases, cardinal


def _cardinal(word: str) -> float:
    cardinals = load("number_words")["cardinals"]
    key = regex.sub(r"[- ]", "-", word.lower())
    return float(cardinals.get(key, cardinals.get(key.replace("-", ""), 0)))


# ---------------------------------------------------------------- parsing


@dataclass
class _Token:
    start: int
    num_end: int  # end of the number (and scale)
    end: int  # end of the unit, or num_end
    value: float
    unit: str | None  # None when no unit follows
    dollar: bool
    bare: bool  # plain integer: no decimal point, scale, exponent or unit


def _number_value(m: regex.Match) -> float:
    value = float(m.group("num").replace(",", ""))
    power = m.group("pow1") or m.group("pow2") or m.group("pow3")
    try:
        if m.group("pow3") is not None:
            value = 10.0 ** int(power)
        elif power is not None:
            value *= 10.0 ** int(power)
    except OverflowError:
        return math.inf  # "10^{500}": not a finite measurement; the caller skips it
    scale = (m.group("scale") or "").strip()
    if scale:
        value *= _scales()[scale.lower() if len(scale) > 1 else scale]
    return value


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """The unit word starting at ``pos`` (after at most one space), and its end."""
    at = pos + 1 if pos < len(text) and text[pos] == " " else pos
    pattern, units = _unit_pattern()
    m = pattern.match(text, at, timeout=REGEX_TIMEOUT)
    if m and m.end() > at:
        return units[m.lastgroup], m.end()
    return None


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for m in NUMBER.finditer(text, timeout=REGEX_TIMEOUT):
        value = _number_value(m)
        if not math.isfinite(value):
            continue
        num_end = m.end()
        dollar = m.group("dollar") is not None
        unit_end = _unit_at(text, num_end)
        if dollar:
            unit, end = "USD", num_end
        elif unit_end:
            unit, end = unit_end
        elif FACTOR_OF.search(text, max(0, m.start() - 40), m.start()):
            unit, end = "x", num_end  # "by a factor of 3.2"
        else:
            unit, end = None, num_end
        bare = unit is None and not dollar and not (m.group("scale") or m.group("exp")) and "." not in m.group("num")
        tokens.append(_Token(m.start(), num_end, end, value, unit, dollar, bare))
    return tokens


def _mention(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim white space from a span and cut the mention."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, text[start:end]


def _join_ranges(text: str, tokens: list[_Token]) -> list[Quantity]:
    """Turn tokens into quantities, pairing the two ends of each range."""
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        b = tokens[i + 1] if i + 1 < len(tokens) else None
        if b is not None and b.unit is not None and a.unit in (None, b.unit) and a.value < b.value:
            gap = text[a.end : b.start]
            sep = RANGE_SEP.fullmatch(gap)
            between = BETWEEN.search(text, max(0, a.start - 12), a.start) and AND.fullmatch(gap)
            if sep or between:
                if FROM_BEFORE.search(text, max(0, a.start - 20), a.start):
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
        s, e, mention = _mention(text, a.start, a.end)
        out.append(Quantity(s, e, mention, a.value, None, a.unit or "", "number", unit_given=a.unit is not None, bare_count=a.bare))
        i += 1
    return out


def _propagate_list_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Give unitless numbers in a list the unit of the list's last member.

    "0.065 and 0.31 samples/kJ" -> both in sample/kJ.
    """
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.unit_given or not nxt.unit or q.kind != "number":
            continue
        if not nxt.unit_given and not nxt.unit:
            continue
        if LIST_SEP.fullmatch(text, q.end, nxt.start):
            out[i] = replace(q, unit=nxt.unit, unit_given=False)
    return out


# Every number phrase contains one of these stems: a cheap test before the full pattern.
_WORD_STEMS = ("order", "twice", "doubl", "tripl", "quadrupl", "halv", "half", "fold", "times")


def _word_quantities(text: str) -> list[Quantity]:
    lowered = text.lower()
    if not any(stem in lowered for stem in _WORD_STEMS):
        return []
    scan, phrases, cardinal = _word_pattern()
    found = []
    for m in scan.finditer(text):
        # Which phrase matched, tried in the scan's order and in place (some look around them).
        meaning = next((mn for phrase, mn in phrases if (p := phrase.match(text, m.start())) and p.end() == m.end()), None)
        if meaning is None:
            value, unit, direction = _cardinal(cardinal.match(text, m.start()).group("card")), "x", ""
        else:
            value, unit, direction = meaning
        if value:
            found.append(Quantity(m.start(), m.end(), m.group(0), value, None, unit, "word", direction))
    return found


# "from 77.67% at Level I to 32.96% at Level IV": a short phrase may stand between the two
# figures of a "from X to Y" (R12); no number, comma or full stop may.
FROM_TO_GAP = regex.compile(r"\s++(?:at|on|in|for|with|under|when)\s[^\d,;.()]{1,40}?\s++to\s++$", regex.IGNORECASE)


def _from_to_with_words(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Mark "from X <phrase> to Y" as two absolute figures (R12), as _join_ranges does for "from X to Y".

    >>> [(q.mention, q.from_to) for q in find_quantities("It drops from 77.67% at Level I to 32.96% at Level IV.")]
    [('77.67%', True), ('32.96%', True)]
    """
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind == b.kind == "number" and a.unit == b.unit and not a.from_to and (
            FROM_BEFORE.search(text, max(0, a.start - 20), a.start) and FROM_TO_GAP.fullmatch(text, a.end, b.start)
        ):
            out[i], out[i + 1] = replace(a, from_to=True), replace(b, from_to=True)
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (already normalized), in order of position."""
    numbers = _from_to_with_words(text, _propagate_list_units(text, _join_ranges(text, _tokens(text))))
    words = [w for w in _word_quantities(text) if not any(n.start < w.end and w.start < n.end for n in numbers)]
    merged = sorted(numbers + words, key=lambda q: (q.start, -q.end))
    # Drop anything nested inside an earlier, longer quantity.
    out: list[Quantity] = []
    for q in merged:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out
