r"""A small parser of the regular-expression subset the knowledge files use, and what the scan
shortcuts of extract/knowledge.py read off a pattern: the characters a match can start with, the
words every match holds, whether the pattern means the same lower-cased, a fragment's shortest match.

Written over the pattern text with public means only (the standard library's own parser,
``re._parser``, is private). The subset, which :func:`parse` accepts and everything else it
refuses with :class:`Unsupported` (a ``ValueError``):

- a character other than ``\ [ ] ( ) { } | ? * + . ^ $`` stands for itself; ``{`` that does not
  start a repeat count stands for itself too (as in ``re``);
- escapes: ``\`` and any ASCII character that is not a letter or digit (``\.``, ``\$``, ``\-``,
  ``\\``); ``\d \w \s \D \W \S``; ``\n \t \r \f \v``; ``\b \B \A \Z`` (anchors; in a class
  ``\b`` is refused); ``\1``-``\9``, a back reference to a group already closed;
- classes ``[...]`` and ``[^...]``: characters, escapes as above, ranges ``a-z`` between two
  characters (``]`` first and ``-`` first or last stand for themselves; ``[`` and the doubled
  ``-- && ~~ ||`` of set operations are refused);
- ``.``, ``^``, ``$``, ``|``;
- repeats ``? * + {m} {m,} {,n} {m,n}``, each lazy with ``?`` after it or possessive with ``+``;
- groups ``(...)``, ``(?:...)``, ``(?P<name>...)``, atomic ``(?>...)``, lookarounds ``(?=...)``
  ``(?!...)`` ``(?<=...)`` ``(?<!...)``, and scoped case flags ``(?i:...)``, ``(?-i:...)``;
- with ``re.VERBOSE``: white space and ``#`` comments outside classes are skipped.

Refused: other escapes (``\x41``, ``\u00e9``, ``\p{L}``, ``\N{...}``, octal), global flags
(``(?i)``), other scoped flags (``(?s:``, ``(?x:``), conditionals ``(?(1)a|b)``, comments
``(?#...)``, named back references, and the regex module's own syntax. A refusal costs only a
shortcut (:func:`first_set`, :func:`needles` and :func:`lowered` answer None); for a knowledge
file it is an error naming the file and key (extract/knowledge.py).

The tree is made of tuples, as the standard library's parser shapes its own (so the answers are
the same): an alternation of single characters becomes a class, a prefix that every alternative
starts with is moved out of the alternation, a class of one character is that character, and a
plain group ``(?:...)`` is its contents (in a sequence, and under a repeat).

>>> parse(r"(?:ab|ac)\d?")
(('lit', 'a'), ('in', (('lit', 'b'), ('lit', 'c')), False), ('repeat', 0, 1, 'greedy', (('in', (('cat', 'd'),), False),)))
>>> try:
...     parse(r"\x41")
... except Unsupported as err:
...     print(err)
\x41 at 0: escape \x
"""
from __future__ import annotations

import re

UNBOUNDED = None  # the upper bound of an unbounded repeat
_SPECIAL = set("\\[]()|?*+.^${}")
_REPEAT = set("?*+{")
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_CATEGORIES = set("dwsDWS")
_ANCHORS = {"b": "boundary", "B": "not_boundary", "A": "start_string", "Z": "end_string"}
_WHITESPACE = set(" \t\n\r\v\f")
# Node kinds whose nodes compare by value in the standard library's tree (the others hold
# sub-trees, which it compares by identity): only these are moved out of an alternation.
_PLAIN = {"lit", "not_lit", "in", "any", "at", "groupref"}


class Unsupported(ValueError):
    """A pattern outside the subset this module reads (or not a valid pattern)."""

    def __init__(self, pattern: str, position: int, what: str) -> None:
        super().__init__(f"{pattern} at {position}: {what}")
        self.pattern, self.position, self.what = pattern, position, what


def parse(pattern: str, flags: int = 0) -> tuple:
    r"""The tree of ``pattern`` (a sequence of nodes), or :class:`Unsupported`. ``flags``: ``re``
    flags; only ``re.VERBOSE`` changes the reading.

    >>> parse("a|b"), parse("(?i:A)x")
    ((('in', (('lit', 'a'), ('lit', 'b')), False),), (('group', None, 'i', '', (('lit', 'A'),)), ('lit', 'x')))
    """
    return _Parser(pattern, bool(flags & re.VERBOSE)).parse()


class _Parser:
    def __init__(self, pattern: str, verbose: bool) -> None:
        self.text, self.verbose, self.i = pattern, verbose, 0
        self.groups = 0
        self.names: set[str] = set()
        self.closed: dict[int, int] = {}  # group number -> shortest width, once closed

    def error(self, what: str, at: int | None = None) -> Unsupported:
        return Unsupported(self.text, self.i if at is None else at, what)

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def parse(self) -> tuple:
        tree = self.alternation()
        if self.i < len(self.text):
            raise self.error("unbalanced )")
        return tree

    def alternation(self) -> tuple:
        items = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            items.append(self.sequence())
        if len(items) == 1:
            return tuple(items[0])
        out: list = []
        while all(items) and items[0][0][0] in _PLAIN and all(item[0] == items[0][0] for item in items):
            out.append(items[0][0])  # a prefix all alternatives share
            for item in items:
                del item[0]
        chars: list = []
        for item in items:
            if len(item) != 1:
                break
            node = item[0]
            if node[0] == "lit":
                chars.append(node)
            elif node[0] == "in" and not node[2]:
                chars.extend(node[1])
            else:
                break
        else:
            out.append(("in", tuple(dict.fromkeys(chars)), False))
            return tuple(out)
        out.append(("branch", tuple(tuple(item) for item in items)))
        return tuple(out)

    def sequence(self) -> list:
        seq: list = []
        while self.i < len(self.text):
            start, ch = self.i, self.text[self.i]
            if ch in "|)":
                break
            if self.verbose and ch in _WHITESPACE:
                self.i += 1
                continue
            if self.verbose and ch == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end + 1
                continue
            if ch in _REPEAT:
                if ch == "{" and not self.count_ahead():
                    self.i += 1
                    seq.append(("lit", "{"))
                    continue
                self.repeat(seq, start)
                continue
            self.i += 1
            if ch == "\\":
                seq.append(self.escape(in_class=False))
            elif ch == "[":
                seq.append(self.char_class())
            elif ch == "(":
                seq.append(self.group(start))
            elif ch == ".":
                seq.append(("any",))
            elif ch == "^":
                seq.append(("at", "start"))
            elif ch == "$":
                seq.append(("at", "end"))
            else:  # "]" and "}" outside a class and a repeat count stand for themselves
                seq.append(("lit", ch))
        out: list = []
        for node in seq:  # a plain group (?:...) is its contents
            if node[0] == "group" and node[1] is None and not node[2] and not node[3]:
                out.extend(node[4])
            else:
                out.append(node)
        return out

    def count_ahead(self) -> bool:
        """True when a repeat count ``{m}``, ``{m,}``, ``{,n}``, ``{m,n}`` starts here."""
        return re.match(r"\{(?:\d+(?:,\d*)?|,\d*)\}", self.text[self.i :]) is not None

    def repeat(self, seq: list, start: int) -> None:
        ch = self.text[self.i]
        if ch == "{":
            m = re.match(r"\{(\d*)(?:(,)(\d*))?\}", self.text[self.i :])
            low = int(m.group(1)) if m.group(1) else 0
            high = (int(m.group(3)) if m.group(3) else UNBOUNDED) if m.group(2) else low
            if high is not None and high < low:
                raise self.error("min repeat greater than max repeat")
            self.i += m.end()
        else:
            low, high = {"?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}[ch]
            self.i += 1
        if not seq or seq[-1][0] == "at":
            raise self.error("nothing to repeat", start)
        if seq[-1][0] == "repeat":
            raise self.error("multiple repeat", start)
        kind = "greedy"
        if self.peek() == "?":
            kind, self.i = "lazy", self.i + 1
        elif self.peek() == "+":
            kind, self.i = "possessive", self.i + 1
        item = seq[-1]
        body = item[4] if item[0] == "group" and item[1] is None and not item[2] and not item[3] else (item,)
        seq[-1] = ("repeat", low, high, kind, body)

    def escape(self, in_class: bool):
        if self.i >= len(self.text):
            raise self.error("bad escape (end of pattern)")
        ch = self.text[self.i]
        self.i += 1
        if ch in _CATEGORIES:
            return ("cat", ch) if in_class else ("in", (("cat", ch),), False)
        if ch in _CONTROL:
            return ("lit", _CONTROL[ch])
        if ch in _ANCHORS and not in_class:
            return ("at", _ANCHORS[ch])
        if ch.isdigit() and ch != "0" and not in_class:
            if self.peek().isdigit():
                raise self.error("a back reference past \\9", self.i - 2)
            number = int(ch)
            if number not in self.closed:
                raise self.error(f"back reference \\{ch} to a group not closed", self.i - 2)
            return ("groupref", number)
        if ch.isascii() and not ch.isalnum():
            return ("lit", ch)
        raise self.error(f"escape \\{ch}", self.i - 2)

    def char_class(self):
        start = self.i - 1
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        items: list = []
        while True:
            if self.i >= len(self.text):
                raise self.error("unterminated character set", start)
            ch = self.text[self.i]
            if ch == "]" and items:
                self.i += 1
                break
            if ch == "[":
                raise self.error("[ inside a class (a nested set?)")
            if items and ch in "-&~|" and self.peek(2) == ch * 2:
                raise self.error(f"{ch * 2} inside a class (a set operation?)")
            self.i += 1
            first = self.escape(in_class=True) if ch == "\\" else ("lit", ch)
            if self.peek() == "-" and self.peek(2) != "-]":
                self.i += 1
                if self.peek() == "]":
                    items.extend([first, ("lit", "-")])
                    continue
                other_ch = self.text[self.i] if self.i < len(self.text) else ""
                if other_ch == "[":
                    raise self.error("[ inside a class (a nested set?)")
                self.i += 1
                second = self.escape(in_class=True) if other_ch == "\\" else ("lit", other_ch)
                if first[0] != "lit" or second[0] != "lit" or second[1] < first[1]:
                    raise self.error("bad character range", self.i - 3)
                items.append(("range", ord(first[1]), ord(second[1])))
            elif self.peek(2) == "-]":
                self.i += 1
                items.extend([first, ("lit", "-")])
                self.i += 1
                break
            else:
                items.append(first)
        items = list(dict.fromkeys(items))
        if len(items) == 1 and items[0][0] == "lit":
            return ("not_lit", items[0][1]) if negate else items[0]
        return ("in", tuple(items), negate)

    def captured(self, start: int):
        """A capturing group (plain or named) whose body starts here: numbered, and its shortest width kept."""
        self.groups += 1
        number = self.groups
        body = self.alternation()
        self.close(start)
        self.closed[number] = min_width(body, self.closed)
        return ("group", number, "", "", body)

    def group(self, start: int):
        if self.peek() != "?":
            return self.captured(start)
        self.i += 1
        rest = self.text[self.i :]
        if rest.startswith("P<"):
            end = rest.find(">")
            name = rest[2:end] if end > 0 else ""
            if not name.isidentifier() or name in self.names:
                raise self.error("bad or repeated group name")
            self.names.add(name)
            self.i += end + 1
            return self.captured(start)
        for lead, kind in ((":", None), (">", "atomic"), ("=", (1, False)), ("!", (1, True)), ("<=", (-1, False)), ("<!", (-1, True))):
            if rest.startswith(lead):
                self.i += len(lead)
                body = self.alternation()
                self.close(start)
                if kind is None:
                    return ("group", None, "", "", body)
                if kind == "atomic":
                    return ("atomic", body)
                return ("assert", kind[0], kind[1], body)
        m = re.match(r"(i?)(?:-(i))?:", rest)
        if m and (m.group(1) or m.group(2)) and m.group(1) != m.group(2):
            self.i += m.end()
            body = self.alternation()
            self.close(start)
            return ("group", None, m.group(1), m.group(2) or "", body)
        raise self.error(f"group (?{rest[:2]}", start)

    def close(self, start: int) -> None:
        if self.peek() != ")":
            raise self.error("missing ), unterminated subpattern", start)
        self.i += 1


def min_width(tree, groups: dict[int, int] | None = None) -> int:
    r"""The length of the shortest text a parsed sequence can match.

    >>> [min_width(parse(p)) for p in (r"EPYC(?:\s\d+)?", r"a{2,3}|bcd", r"(?<=x)ab", r"(a)\1")]
    [4, 2, 2, 2]
    """
    groups = {} if groups is None else groups
    total = 0
    for node in tree:
        kind = node[0]
        if kind in ("lit", "not_lit", "in", "any"):
            total += 1
        elif kind == "branch":
            total += min(min_width(alt, groups) for alt in node[1])
        elif kind == "group":
            width = min_width(node[4], groups)
            if node[1] is not None:
                groups[node[1]] = width
            total += width
        elif kind == "atomic":
            total += min_width(node[1], groups)
        elif kind == "repeat":
            total += node[1] * min_width(node[4], groups)
        elif kind == "groupref":
            total += groups.get(node[1], 0)
    return total


def fragment_width(fragment: str) -> int:
    """:func:`min_width` of a pattern's text.

    >>> fragment_width(r"Xeon(?:\\s+Gold)?")
    4
    """
    return min_width(parse(fragment))


# ------------------------------------------------------------------ first characters

_ESCAPE_OF = {"d": r"\d", "s": r"\s", "w": r"\w"}


def first_set(pattern: str, flags: int = 0) -> set[str] | None:
    r"""The characters (and class escapes such as ``\d``) a match of ``pattern`` can start with,
    or None when it may start with any character, match the empty string, or lies outside the subset.

    >>> sorted(first_set(r"(?<![\w-])(?:A100|H(?:100|800)|(?:GeForce\s+)?RTX\s?\d{4})"))
    ['A', 'G', 'H', 'R']
    >>> first_set(r".+") is None, first_set(r"\p{L}") is None
    (True, True)
    """
    try:
        tree = parse(pattern, flags)
    except Unsupported:
        return None
    chars, empty = _first(tree, bool(flags & re.IGNORECASE))
    if empty or None in chars:
        return None
    return chars


def _first(sequence, folded: bool) -> tuple[set, bool]:
    """(the characters a match of a sequence can start with, whether it can match the empty string);
    None in the set means "any character", and a class escape (``\\d``) stands for its class."""
    chars: set = set()
    for node in sequence:
        kind = node[0]
        if kind in ("assert", "at"):
            continue  # zero width: the next item starts the match
        if kind == "lit":
            return chars | {node[1]}, False
        if kind == "in":
            if node[2]:
                return chars | {None}, False  # a negated class
            for item in node[1]:
                if item[0] == "lit":
                    chars.add(item[1])
                elif item[0] == "range" and item[2] - item[1] < 64:
                    chars.update(chr(c) for c in range(item[1], item[2] + 1))
                elif item[0] == "cat" and item[1] in _ESCAPE_OF:
                    chars.add(_ESCAPE_OF[item[1]])
                else:  # a negated category (\D, \W), a wide range
                    return chars | {None}, False
            return chars, False
        if kind == "branch":
            inner = [_first(alt, folded) for alt in node[1]]
            chars = chars.union(*(c for c, _ in inner))
            empty = any(e for _, e in inner)
        elif kind in ("group", "atomic", "repeat"):
            if kind == "group" and "i" in node[2] and not folded:
                return chars | {None}, False  # (?i:...) in a pattern that is not: folding is not ours to guess
            body = node[4] if kind in ("group", "repeat") else node[1]
            inner, empty = _first(body, folded)
            chars |= inner
            empty = empty or (kind == "repeat" and node[1] == 0)
        else:
            return chars | {None}, False  # any other item (., [^x], a back reference): any character
        if not empty:
            return chars, False  # this item must match here, so the match starts inside it
    return chars, True  # every item may match empty


# ------------------------------------------------------------------ required words


def needles(pattern: str, flags: int = 0) -> set[str] | None:
    r"""Words (as written) one of which every match of ``pattern`` contains, or None when none can
    be told: runs of literal characters, and alternations of them, that every match passes through;
    the most selective such part (longest shortest word) is taken.

    >>> sorted(needles(r"(?:in|over)\s+the\s+(?:last|past)\s+years?"))
    ['last', 'past']
    """
    try:
        tree = parse(pattern, flags)
    except Unsupported:
        return None
    return _needles(tree)


def _needles(sequence) -> set[str] | None:
    best: tuple[int, set[str]] | None = None
    run: list[str] = []

    def consider(words: set[str] | None) -> None:
        nonlocal best
        if not words:
            return
        # Longer words are rarer; so are marks ("=" over "k" in "k\s*=").
        score = min(len(w) + (0 if w.isalnum() else 2) for w in words)
        if best is None or score > best[0]:
            best = (score, words)

    for node in sequence:
        kind = node[0]
        if kind == "lit":
            run.append(node[1])
            continue
        consider({"".join(run)} if run else None)
        run = []
        if kind == "branch":  # every alternative must give words, else the alternation tells nothing
            alternatives = [_needles(alt) for alt in node[1]]
            consider(set().union(*alternatives) if all(alternatives) else None)
        elif kind == "group":
            consider(_needles(node[4]))
        elif kind == "repeat" and node[1] >= 1:  # repeated at least once
            consider(_needles(node[4]))
        # any other item (a class, a lookaround, an anchor, an atomic group) ends the literal run and adds nothing
    consider({"".join(run)} if run else None)
    return best[1] if best else None


# ------------------------------------------------------------------ lower-cased patterns


class _CaseMatters(Exception):
    """Raised inside :func:`_canonical` where lower-casing a pattern would change what it matches."""


def lowered(pattern: str) -> str | None:
    r"""The pattern with every character lower-cased except those right after a backslash, when that
    matches lower-cased text exactly as the pattern matches text case-insensitively; else None.
    The two trees are compared: every literal and range must read the same lower-cased, with nothing
    that turns case-insensitivity off, no range across the cases and nothing outside ASCII.

    >>> lowered(r"(?<![A-Za-z])MFU\s?\S"), lowered(r"(?-i:MFU)"), lowered(r"x[A-z]")
    ('(?<![a-za-z])mfu\\s?\\S', None, None)
    """
    if not pattern.isascii():
        return None
    out, escaped = [], False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    lower = "".join(out)
    try:
        same = _canonical(parse(pattern), fold=True) == _canonical(parse(lower), fold=False)
    except (Unsupported, _CaseMatters):
        return None
    return lower if same else None


def _canonical(node, fold: bool):
    """A tree as nested tuples, its literals and ranges lower-cased when ``fold``; classes as sets."""
    if not isinstance(node, tuple) or not node:
        return node
    kind = node[0]
    if not isinstance(kind, str):  # a sequence
        return tuple(_canonical(child, fold) for child in node)
    if kind == "group" and "i" in node[3]:
        raise _CaseMatters("(?-i:...)")
    if fold and kind in ("lit", "not_lit"):
        return kind, node[1].lower()
    if kind == "range":
        low, high = node[1], node[2]
        if fold and ord("A") <= low <= high <= ord("Z"):
            return "range", low + 32, high + 32
        if fold and any(chr(c).isalpha() for c in range(low, min(high, 127) + 1)) and not ord("a") <= low <= high <= ord("z"):
            raise _CaseMatters("a range across the cases")
        return node
    if kind == "in":  # a class is a set: "[A-Za-z]" lower-cased reads as "[a-z]"
        items = frozenset(_canonical(item, fold) for item in node[1])
        single = next(iter(items)) if len(items) == 1 and not node[2] else None
        return single if single and single[0] == "lit" else ("in", items, node[2])  # "[Oo]" lower-cased is "o"
    return tuple(_canonical(child, fold) for child in node)
