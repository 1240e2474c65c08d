"""The scan shortcuts of extract/knowledge.py never change what a pattern finds.

- ``compile_scanner``'s first-character lookahead (``first_chars``) and
  ``FoldedScanner``'s lower-cased scan: every scanner of extract/context.py
  (hardware, workloads, metric keywords, change cues, list qualifiers,
  baseline markers) finds the spans and groups of its own pattern source
  compiled plainly with ``re`` (keeping the ``(?=\\w)`` that predates the
  shortcuts), on every sentence of the built-in corpus, lower-cased,
  upper-cased and with non-ASCII characters put in ("é", "İ", "ſ", "ı", the
  Kelvin sign), and between offsets (``finditer(text, pos, endpos)``); the
  labels of the lower-cased matches are those of the texts as written;
- ``Prefilter`` / ``prefilter_for``: a pattern never matches a text its
  prefilter rules out (the corpus texts, the 40 and 80 characters before each
  digit as claims.py scans them, hand-written cases), and it rules some out;
- ``first_chars`` and ``required_words`` on tricky patterns, each answer
  checked by brute force: every match starts with a character of the class,
  every match holds one of the words;
- Hypothesis property tests of all of it: the knowledge scanners and
  prefilters on random text, and the shortcuts of random patterns.

Rows made with ``edge(...)`` are patterns no knowledge file uses today on
which an earlier version of a shortcut parted from its pattern (letters as
escapes, ``(?-i:...)``, ranges across the cases, non-ASCII letters that fold
to ASCII ones, regex-module syntax the ``re`` parser misreads); the
shortcuts now refuse them, and these rows keep it so.
"""
from __future__ import annotations

import inspect
import re
import string
import warnings
from functools import cache, lru_cache

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimbench.corpus import seed_dir
from claimbench.extract import claims, context
from claimbench.extract.knowledge import FoldedScanner, Prefilter, compile_scanner, first_chars, prefilter_for, required_words
from claimbench.extract.normalize import normalize
from claimbench.extract.readers import expand_inputs, read_papers
from claimbench.extract.sentences import split_sentences

# Characters where Unicode case folding and str.lower part: "İ".lower() is two characters,
# "ſ" (long s) folds to "s", the Kelvin sign to "k", "ı" (dotless i) to "i" in ``re``.
ODD = ["é", "İ", "ſ", "\u212a", "ı"]


def edge(*values, id: str, why: str):
    """A row on which a shortcut once parted from its pattern; ``why`` says how."""
    return pytest.param(*values, id=f"edge: {id}")


# ------------------------------------------------------------------ corpus


def seed_records():
    """Every paper record of the seed dumps, in input order, duplicates included (their abstract variants too)."""
    return (p for path in expand_inputs([seed_dir()]) for p in read_papers(path))


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    """Every distinct sentence of the built-in corpus, normalized as the extractor reads it."""
    papers = list(seed_records())
    found = {s.text for p in papers for s in split_sentences(normalize(p.abstract))}
    return tuple(sorted(found))


def _variants(i: int, s: str) -> list[str]:
    """The sentence, lower-cased or upper-cased (in turn), and with odd characters put in or swapped in (in turn)."""
    k = (7 * i) % (len(s) + 1)
    odd = [
        s[:k] + ODD[i % len(ODD)] + s[k:],  # a character put in
        s.replace("s", "ſ").replace("k", "\u212a"),  # letters that fold to ASCII ones under IGNORECASE
        s.replace("i", "ı").replace("I", "İ"),
    ]
    return [s, s.upper() if i % 2 else s.lower(), odd[i % len(odd)]]


@lru_cache(maxsize=1)
def corpus_texts() -> tuple[str, ...]:
    """The corpus sentences and their variants, plus each paper's sentences joined (as _stated_hardware reads them)."""
    texts = [v for i, s in enumerate(corpus_sentences()) for v in _variants(i, s)]
    for p in seed_records():
        texts.append(" ".join(s.text for s in split_sentences(normalize(p.abstract))))
        texts.append(p.abstract)  # as written, before normalization
    return tuple(dict.fromkeys(texts))


@lru_cache(maxsize=1)
def corpus_windows() -> tuple[str, ...]:
    """The 40 and 80 characters before each digit of each corpus sentence, as claims.py cuts them."""
    windows = dict.fromkeys(
        s[max(0, i - width) : i] for s in corpus_sentences() for i, ch in enumerate(s) if ch.isdigit() for width in (40, 80)
    )
    return tuple(windows)


# ---------------------------------------------------------------- scanners

# The scanners context.py lists as its shortcuts (context.shortcuts), by name: each a zero-argument function.
SCANNERS = {name: (lambda name=name: context.shortcuts()["scanners"][name]) for name in context.shortcuts()["scanners"]}

LEAD = r"(?=\w)"  # what every scanner started with before the shortcuts: part of the semantics


def _made_by_compile_scanner(item) -> bool:
    """A pattern compile_scanner makes: led by LEAD, or by the first-character class alone."""
    return isinstance(item, re.Pattern) and (item.pattern.startswith(LEAD) or item.pattern.startswith("(?=["))


def _split_lead(compiled: re.Pattern) -> tuple[str, str | None]:
    """(the pattern source, the first-character class) of a pattern made by compile_scanner:
    LEAD then the class, LEAD alone, or the class alone (when it holds only word characters)."""
    text = compiled.pattern
    assert _made_by_compile_scanner(compiled), text[:40]
    rest = text[len(LEAD) :] if text.startswith(LEAD) else text
    if not rest.startswith("(?=["):
        return rest, None
    i, escaped = 4, False
    while escaped or rest[i] != "]":
        escaped = not escaped and rest[i] == "\\"
        i += 1
    assert rest[i + 1] == ")", rest[: i + 2]
    return rest[i + 2 :], rest[3 : i + 1]


@cache
def plain(name: str) -> re.Pattern:
    """The scanner's own pattern compiled plainly: ``(?=\\w)`` and the source, no first-character lookahead."""
    scanner = SCANNERS[name]()
    compiled = scanner.pattern if isinstance(scanner, FoldedScanner) else scanner
    source, lead_class = _split_lead(compiled)
    flags = compiled.flags
    assert lead_class == first_chars(source, flags), "the lookahead is not first_chars of the source"
    return re.compile(LEAD + source, flags)


def found(matches) -> list[tuple]:
    """(span, lower-cased text, span of every group) of each match: a FoldedScanner gives texts lower-cased."""
    return [(m.span(), m.group(0).lower(), m.regs) for m in matches]


def mismatches(name: str, texts, limit: int = 5) -> tuple[list[tuple], int]:
    """(texts where the scanner and its plain pattern part, with what each found; how many matches in all)."""
    scanner, reference = SCANNERS[name](), plain(name)
    bad, count = [], 0
    for text in texts:
        got, want = found(scanner.finditer(text)), found(reference.finditer(text))
        count += len(want)
        if got != want:
            bad.append((text, got, want))
            if len(bad) == limit:
                break
    return bad, count


def test_every_scanner_is_covered():
    """Every shortcut scanner a cached builder of context.py makes is one context.shortcuts lists (so one of SCANNERS)."""
    made_scanners = []
    for fn in vars(context).values():
        if not hasattr(fn, "cache_info") or any(p.default is p.empty for p in inspect.signature(fn).parameters.values()):
            continue
        made = fn()
        made_scanners += [item for item in (made if isinstance(made, tuple) else (made,))
                          if isinstance(item, FoldedScanner) or _made_by_compile_scanner(item)]
    listed = [make() for make in SCANNERS.values()]
    assert {id(s) for s in made_scanners} == {id(s) for s in listed}
    for module in (context, claims):
        for name, item in vars(module).items():
            assert not isinstance(item, FoldedScanner) and not _made_by_compile_scanner(item), name


@pytest.mark.parametrize("name", SCANNERS)
def test_scanner_finds_what_its_pattern_finds(name):
    """Spans, texts and groups of the scanner == those of its pattern compiled plainly, on every corpus text."""
    bad, count = mismatches(name, corpus_texts())
    assert bad == []
    assert count > 100, "the corpus barely exercises this scanner"


LABELLED = context.shortcuts()["labelled"]  # name -> (scanner, label of a matched text, the text's labelled hits)


@pytest.mark.parametrize("name", LABELLED)
def test_labels_of_folded_matches(name):
    """The labels given to the lower-cased matched texts are those of the texts as written."""
    scanner, label_of, hits = LABELLED[name]
    assert scanner is SCANNERS[name]()
    for text in corpus_texts()[::3]:
        want = tuple((m.start(), m.end(), label_of(m.group(0))) for m in plain(name).finditer(text))
        assert hits(text) == want, text


@pytest.mark.parametrize("name", SCANNERS)
def test_scanner_between_offsets(name):
    """finditer(text, pos, endpos), as baseline_after and baseline_before call it, agrees too."""
    scanner, reference = SCANNERS[name](), plain(name)
    for i, text in enumerate(corpus_texts()[::7]):
        pos, endpos = (3 * i) % (len(text) + 1), (len(text) * 2) // 3 + i % 5
        assert found(scanner.finditer(text, pos, endpos)) == found(reference.finditer(text, pos, endpos)), (text, pos, endpos)


@pytest.mark.parametrize("name", [n for n in SCANNERS if isinstance(SCANNERS[n](), FoldedScanner)])
def test_folded_scanner_scans_lower_cased(name):
    """The folded scanners do take the lower-cased path on ASCII texts (else half of the test above proves nothing)."""
    scanner = SCANNERS[name]()
    assert scanner.lowered is not None and not scanner.lowered.flags & re.IGNORECASE


# Case-insensitive patterns and texts: (pattern, text). FoldedScanner(pattern, re.I) must find what the
# plain pattern finds, also between any two offsets.
FOLDED_CASES = [
    (r"(?<![A-Za-z])(?:MFU|speed-?ups?)(?![A-Za-z])", "2x Speedup at 50% MFU, SPEED-UPS"),
    (r"(?<![A-Za-z])(?:[Ss](?:peed-?ups?|lower)|[Mm](?:FU))(?![A-Za-z])", "Slower MFU sLOWER"),
    (r"(?-i:MFU)", "mfu MFU Mfu"),  # case-sensitivity turned off inside: scanned with the pattern itself
    (r"(?P<m>MFU)s?", "mfus MFU"),  # a group name is not lower-cased
    (r"[^A-Z]x", "Ax ax 1x _x"),
    (r"ROUGE\S*", "Rouge-L ROUGE-1 rouge"),
    (r"\bSpeed\B", "speedup Speed SPEEDY"),
    (r"\Sx\W", "Ax. ax! 1X?"),
    (r"[A-Z]\d", "a1 A1 _1"),
    (r"(?<=[A-Z])x", "Ax ax 1x"),
    (r"(?=[A-Z]{2})\w+", "ab AB Ab"),
    (r"K\w+", "kernel Kernel \u212aernel"),  # not ASCII: the pattern itself
    (r"\w*s", "Speeds ſpeedſ SPEEDS"),
    ("caf\u00e9", "CAF\u00c9 caf\u00e9"),
    edge(r"\x4D\x46\x55", "MFU mfu", id="\\x4D\\x46\\x55",
           why="an escape naming an upper-case letter is kept as it is, then matched case-sensitively with a lower-cased text"),
    edge(r"(?s-i:MFU)", "MFU mfu", id="(?s-i:MFU)",
           why="case-sensitivity turned off along with another flag: only '(?-i' is looked for, so 'mfu' matches"),
    edge(r"x[A-z]", "x_ xa", id="x[A-z]", why="a range across the cases: [A-z] holds [\\]^_`, lower-cased to [a-z] it does not"),
    edge("\u017fpeed", "speed", id="long s", why="'ſ' matches 's' under IGNORECASE, but 'ſ'.lower() is 'ſ'"),
]


@pytest.mark.parametrize("pattern,text", FOLDED_CASES)
def test_folded_scanner_cases(pattern, text):
    """FoldedScanner(pattern, re.I) agrees with the plain pattern on the text, between any two offsets."""
    scanner, reference = FoldedScanner(pattern, re.IGNORECASE), re.compile(LEAD + pattern, re.IGNORECASE)
    assert reference.search(text), "the case does not match at all"
    for pos in range(len(text) + 1):
        for endpos in range(pos, len(text) + 1):
            got, want = found(scanner.finditer(text, pos, endpos)), found(reference.finditer(text, pos, endpos))
            assert got == want, (pos, endpos)


# -------------------------------------------------------------- prefilters


def _prefilters() -> dict[str, tuple[tuple, Prefilter]]:
    """Every prefilter of context.py and claims.py, with the patterns it stands for, as each module lists them
    (context.shortcuts, claims.shortcuts): the prefilter objects the extractor itself tries."""
    table = {**context.shortcuts()["prefilters"], **claims.shortcuts()["prefilters"]}
    assert {f"qualifier {q}" for q, _ in context.qualifier_patterns()} <= set(table), "a qualifier cue's prefilter is not listed"
    assert table["average"][0] == (context.average_pattern(),)
    return table


PREFILTERS = _prefilters()
# Where context.py and claims.py make or fetch a prefilter, all covered by PREFILTERS.
PREFILTER_CALLS = {
    "Prefilter(pattern, re.IGNORECASE)",  # context._background
    "prefilter_for(setup_before)",
    "prefilter_for(pattern)",  # each qualifier pattern
    "prefilter_for(average)",
    "prefilter_for(EVALUATED_ON, AS_PLATFORM)",  # EVALUATED_ON_FILTER, for _ran_on
    "prefilter_for(EVALUATION_RAN_ON, AS_PLATFORM)",  # EVALUATION_RAN_ON_FILTER, for _ran_on and _stated_hardware
    "prefilter_for(OUT_OF_AFTER)",  # _plain_count
    "prefilter_for(AVERAGE_AFTER)",  # _average_after
    "prefilter_for(verbs)",  # context._object_verb_prefilter
    "prefilter_for(after)",  # claims._found_patterns, for _found_count
    "prefilter_for(SCORE_GIVEN)",  # claims._score_given
}


def test_every_prefilter_is_covered():
    """Each prefilter made in context.py or claims.py is one of PREFILTERS (add a new one there)."""
    calls = {m for module in (context, claims) for m in re.findall(r"\b(?:Prefilter|prefilter_for)\([^()]*\)", inspect.getsource(module))}
    assert calls == PREFILTER_CALLS


def unsound(patterns, prefilter: Prefilter, texts, limit: int = 5) -> list[str]:
    """Texts that a pattern matches but the prefilter rules out."""
    bad = []
    for text in texts:
        if not prefilter.may_match(text) and any(p.search(text) for p in patterns):
            bad.append(text)
            if len(bad) == limit:
                break
    return bad


@pytest.mark.parametrize("name", PREFILTERS)
def test_prefilter_is_sound_on_the_corpus(name):
    """No corpus text, whole or cut before a digit, is ruled out by the prefilter yet matched by its pattern."""
    patterns, prefilter = PREFILTERS[name]
    texts = corpus_texts() + corpus_windows()
    assert unsound(patterns, prefilter, texts) == []
    assert prefilter.words, "no words: the prefilter rules nothing out"
    assert any(not prefilter.may_match(t) for t in texts), "the prefilter rules no corpus text out"


# (prefilter, text, whether one of its patterns matches): the matching ones must pass the prefilter;
# the others show that it has teeth.
PREFILTER_CASES = [
    ("background", "In the   last\nthree YEARS, models grew", True),
    ("background", "Demand HAS\tGROWN fast", True),
    ("background", "which accounted for 40%", True),
    ("background", "is expected to REACH", True),
    ("background", "over the pa\u017ft decade", True),  # "ſ" folds to "s": not ASCII, so never ruled out
    ("background", "\u0130n the last decade", True),  # regex folds "İ" with "i"
    ("background", "2x faster than vLLM", False),
    ("setup before", "with a top-", True),
    ("setup before", "at K=", True),
    ("setup before", "(  <", True),
    ("setup before", "pass@", True),
    ("setup before", "IN THE PAST ", True),
    ("setup before", "PRE-TRAINED ON ", True),
    ("setup before", "a speedup of ", False),
    ("qualifier up_to", "speedups of UP\nTO ", True),
    ("qualifier up_to", "as FAST as ", True),
    ("qualifier up_to", "a 2x rise of ", False),
    ("qualifier at_least", "\\textgreater ", True),
    ("qualifier at_least", "> ", True),
    ("qualifier at_least", "Exceeding ", True),
    ("qualifier at_most", "< ", True),
    ("qualifier at_most", "\\textless ", True),
    ("qualifier approx", "$\\sim$", True),
    ("qualifier approx", "~", True),
    ("qualifier approx", "CA. ", True),
    ("qualifier approx", "on the order of the ", True),
    ("qualifier approx", "a speedup of ", False),
    ("average", "geometric   mean", True),
    ("average", "an Avg. speedup of", True),
    ("average", "the maximum speedup", False),
    ("evaluated on / as platform", "trained on an ", True),
    ("evaluated on / as platform", "using the ", True),
    ("evaluated on / as platform", " as our testbed", True),
    ("evaluated on / as platform", "a 2x speedup", False),
    ("evaluation ran on / as platform", "Experiments were run on a single ", True),
    ("evaluation ran on / as platform", "results measured using ", True),
    ("evaluation ran on / as platform", " as the target", True),
    ("evaluation ran on / as platform", "we ran it on ", False),
    ("average after", " faster ON\nAverage", True),
    ("average after", "x speedup, averaged", True),
    ("average after", " faster than vLLM", False),
    ("object verb", "It Improves the base model by ", True),
    ("object verb", "accelerating LLM inference by up to ", True),
    ("object verb", "It reduces latency by ", False),
]


@pytest.mark.parametrize("name,text,matches", PREFILTER_CASES)
def test_prefilter_cases(name, text, matches):
    """A text one of the patterns matches passes the prefilter; a text none matches may be ruled out."""
    patterns, prefilter = PREFILTERS[name]
    assert any(p.search(text) for p in patterns) == matches
    if matches:
        assert prefilter.may_match(text)
    elif text.isascii():
        assert not prefilter.may_match(text)


# ------------------------------------------------------- first characters

SAMPLES = [
    "", "ab", "b", "cab", "a b", "AB", "Ab aB", "acdeg", "fg", "abeg", "g", "xxy", "y", "zy", "07x", "7x", "ax7x",
    "on GPU", "TPU T4x", "abc def", "12 nm TPU", "12nm", "  x", "\tx", "\nx", "é_-x", "a-x", "fx", "gx", "sx Sx \u017fx",
    "kx Kx \u212ax", " x #y", "foo bar", "foobar", "aab", "aaab", "ac ab abc", "ba bc", "abd", "xyzq q xyzxyz",
    "In the LAST two years", "K = ", "2.5", "-x", "ÿb", "\u0100b", "\x00b",
]


def _matches(pattern: str, flags: int, texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        compiled = re.compile(pattern, flags)
    return [(text, m) for text in texts for m in compiled.finditer(text)]


# (pattern, flags, characters the class must accept or None for no class, characters it must not accept, a text it matches)
FIRST_CHARS = [
    (r"(?:a)?b", 0, "ab", "cAB", "cab"),
    (r"(?:(?:ab|cd)e|f)?g", 0, "acfg", "bdeh", "acdeg"),
    (r"(?:ab|)c", 0, "ac", "b", "ac ab abc"),
    (r"x*y", 0, "xy", "z", "xxy"),
    (r"x+y", 0, "x", "yz", "xxy"),
    (r"x{0,3}y", 0, "xy", "z", "zy"),
    (r"x{2,}y", 0, "x", "y", "xxy"),
    (r"x*?y", 0, "xy", "z", "xxy"),
    (r"(?:x?)+y", 0, "xy", "z", "zy"),
    (r"(?:x|y?)z?q", 0, "xyzq", "a", "xyzq q xyzxyz"),
    (r"(x)(?:(y)|z)", 0, "x", "yz", "xxy"),
    (r"(?<![A-Za-z])(?=\d)\d+x", 0, "07", "ax", "07x"),
    (r"(?<=on )GPU", 0, "G", "o ", "on GPU"),
    (r"(?!TPU)T\w+", 0, "T", "P", "TPU T4x"),
    (r"^abc|\bdef$", 0, "ad", "bcef", "abc def"),
    (r"\Aab\Z|\Bb", 0, "ab", "c", "ab"),
    (r"\d+\s?nm|TPU", 0, "0T9", "nm ", "12 nm TPU"),
    (r"\s+x", 0, " \t\n", "x", "  x"),
    (r"\w+", 0, "aZ_0é", "- ", "foo bar"),
    (r"[\w-]x", 0, "a-_", " ", "a-x"),
    (r"[a-f]x", 0, "af", "gA", "fx"),
    (r"[a-f]x", re.IGNORECASE, "afAF", "g", "fx"),
    (r"[^a]b", 0, None, "", "ab"),
    (r".b", 0, None, "", "ab"),
    (r"\Wb", 0, None, "", "a b"),
    (r"\Db", 0, None, "", "ab"),
    (r"[\x00-\xff]b", 0, None, "", "ab"),  # a wide range
    (r"(?i:a)b", 0, None, "", "Ab aB"),  # (?i:...) in a case-sensitive pattern: folding is not ours to guess
    (r"A(?i:b)", 0, "A", "ab", "AB"),
    (r"(?-i:A)b", re.IGNORECASE, "A", "b", "Ab aB"),
    (r"ab", re.IGNORECASE, "aA", "b", "Ab aB"),
    ("\u017fx", re.IGNORECASE, "sS\u017f", "x", "sx Sx \u017fx"),  # the class is folded alike
    ("\u212ax", re.IGNORECASE, "kK\u212a", "x", "kx Kx \u212ax"),
    (
        r"""
        (?<![\w-])      # not inside a word
        (?: foo         # a comment with (?: and [ in it
          | bar )
        """,
        re.VERBOSE,
        "fb",
        " #",
        "foo bar",
    ),
    (r"\ x|\#y", re.VERBOSE, " #", "xy", " x #y"),
    (r"(?>ab)c", 0, "a", "bc", "cab"),  # atomic group
    (r"a++b|c*+d", 0, "acd", "b", "aab"),  # possessive repeats
    (r"(a)\1", 0, "a", "b", "aab"),
    (r"(a)?\1b", 0, None, "", "ab"),
    (r"(a)?(?(1)b|c)", 0, None, "", "ab"),
    (r"", 0, None, "", "ab"),
    (r"a?", 0, None, "", "ab"),
    (r"(?:a|)", 0, None, "", "ab"),
    (r"(?=a)", 0, None, "", "ab"),
    (r"\b", 0, None, "", "ab"),
    (r"\p{L}+", 0, None, "", None),  # regex-module syntax: re cannot parse it
    (r"(?|(a)|(b))", 0, None, "", None),
    (r"(?V1)a", 0, None, "", None),
]


@pytest.mark.parametrize("pattern,flags,accepts,rejects,text", FIRST_CHARS)
def test_first_chars(pattern, flags, accepts, rejects, text):
    """The class (or None) of first_chars, checked against every match on the samples."""
    got = first_chars(pattern, flags)
    if accepts is None:
        assert got is None
        return
    assert got is not None
    cls = re.compile(got, flags)
    assert all(cls.fullmatch(c) for c in accepts), got
    assert not any(cls.fullmatch(c) for c in rejects), got
    found_any = False
    for sample, m in _matches(pattern, flags, SAMPLES + [text]):
        assert m.end() > m.start(), f"an empty match at {m.start()} of {sample!r}, yet a class {got}"
        assert cls.fullmatch(sample[m.start()]), f"{m.group(0)!r} in {sample!r} starts outside {got}"
        found_any = True
    assert found_any, "the samples never match: the check proves nothing"


@pytest.mark.parametrize("pattern,flags,accepts,rejects,text", [r for r in FIRST_CHARS if r[4] is not None])
def test_compile_scanner_cases(pattern, flags, accepts, rejects, text):
    """compile_scanner finds what ``(?=\\w)`` + the pattern finds, on the samples."""
    scanner, reference = compile_scanner(pattern, flags), re.compile(LEAD + pattern, flags)
    for sample in SAMPLES + [text]:
        assert found(scanner.finditer(sample)) == found(reference.finditer(sample)), sample


# ------------------------------------------------------------ required words

UNPINNED = "any sound answer"

# (pattern, flags, the words or None, a text it matches; None: re cannot parse the pattern)
REQUIRED_WORDS = [
    (r"(?:in|over)\s+the\s+(?:last|past)\s+years?|account(?:s|ed)?\s+for", re.IGNORECASE, {"account", "last", "past"}, "In the LAST years"),
    (r"\d+(?:\.\d+)?", 0, None, "2.5"),
    (r"(?:ab)?cd", 0, {"cd"}, "xcd"),
    (r"(?:ab|)cd", 0, {"cd"}, "abcd"),
    (r"(?:ab|)", 0, None, "ab"),
    (r"(?:abc|ab)d", 0, {"ab"}, "abd"),
    (r"(?:a|b)cd", 0, {"cd"}, "bcd"),
    (r"x*yz", 0, {"yz"}, "xyz"),
    (r"(?:xyz)+q", 0, {"xyz"}, "xyzq q xyzxyz"),
    (r"(?:xyz){0,2}q", 0, {"q"}, "xyzq q xyzxyz"),
    (r"(?:xyz){2}", 0, {"xyz"}, "xyzq q xyzxyz"),
    (r"(?:xyz)*?q", 0, {"q"}, "xyzq"),
    (r"(?:(?:in|on)\s+the|at)\s+(?:peak|top)", 0, {"peak", "top"}, "in the peak"),
    (r"(?:(?:in|on)\s+the|at)\s+(?:peak|top|)", 0, {"at", "the"}, "on the top"),
    (r"(?<=foo)bar", 0, {"bar"}, "foobar"),
    (r"(?!foo)\w+", 0, None, "foo bar"),
    (r"(?=foobar)\w+", 0, None, "foobar"),
    (r"^abc$", 0, {"abc"}, "abc"),
    (r"\bk\s*=\s*$", re.IGNORECASE, {"="}, "K = "),
    (r"""(?:has|have) \s+ (?:grown|doubled)   # a trend""", re.IGNORECASE | re.VERBOSE, {"grown", "doubled"}, "Models have  DOUBLED"),
    (r"(?i:MFU)", 0, {"mfu"}, "50% mfu"),
    (r"GPU", 0, {"gpu"}, "a GPU"),
    (r"speed-?ups?", re.IGNORECASE, {"speed"}, "Speed-ups"),
    (r"(MFU)\1", 0, {"mfu"}, "MFUMFU"),
    (r"(?>speed)ups", 0, {"ups"}, "speedups"),  # an atomic group tells nothing
    ("\u212aB", re.IGNORECASE, None, "64 kB"),  # the Kelvin sign folds to "k": a non-ASCII pattern gets no words
    (r"\p{L}+ing", 0, None, None),  # regex-module syntax: re cannot parse it
    # A non-ASCII letter that folds to an ASCII one matches an ASCII text holding none of the (lower-cased) words.
    edge("\u017fpeed", re.IGNORECASE, UNPINNED, "speed", id="long s", why="'ſ' matches 's' under IGNORECASE; the word is 'ſpeed'"),
    edge("\u0131ntel", re.IGNORECASE, UNPINNED, "Intel", id="dotless i", why="re folds 'ı' with 'i'; the word is 'ıntel'"),
    edge("\u0130ntel", re.IGNORECASE, UNPINNED, "intel", id="dotted capital I", why="'İ' matches 'i'; 'İ'.lower() is 'i̇', two characters"),
]


@pytest.mark.parametrize("pattern,flags,words,text", REQUIRED_WORDS)
def test_required_words(pattern, flags, words, text):
    """The words of required_words (or None), checked against every match on the samples."""
    got = required_words(pattern, flags)
    if text is None:
        assert got is None
        return
    found_any = False
    for sample, m in _matches(pattern, flags, SAMPLES + [text]):
        found_any = True
        if got is not None:
            assert Prefilter(pattern, flags).may_match(sample), f"{m.group(0)!r} matches in {sample!r}, ruled out"
            if sample.isascii():
                assert any(w in m.group(0).lower() for w in got), f"{m.group(0)!r} in {sample!r} holds none of {sorted(got)}"
    assert found_any, "the samples never match: the check proves nothing"
    if words is not UNPINNED:
        assert got == (None if words is None else frozenset(words))


# Patterns compiled with the regex module, as claims.py hands them to prefilter_for, and a text each matches.
REGEX_PATTERNS = [
    (regex.compile(r"(?i:\bby|\bof|\bto)\s++(?:[\w$\\~<>+]++\s++){0,3}$"), "reduced BY up to "),
    (regex.compile(r"\p{Lu}\p{Ll}+ly", regex.IGNORECASE), "Nearly"),
    (regex.compile(r"(?|(up)|(to))\s+to"), "up to"),
    (regex.compile(r"(?r)speedup"), "a speedup"),
    # Syntax that re reads otherwise, without an error: the words come from re's reading.
    edge(regex.compile(r"[[:alpha:]]+ing"), "running", id="[[:alpha:]]", why="re reads a set '[[:alph]' then ']+': the word is ']'"),
    edge(regex.compile(r"(?:speedup){e<=1}"), "a speedip", id="fuzzy", why="re reads '{e<=1}' as text: the word is 'speedup{e<=1}'"),
    edge(regex.compile(r"[[a-z]--[aeiou]]{3}ing", regex.VERSION1), "stringing", id="V1 set difference",
           why="prefilter_for drops the VERSION1 flag and re reads '--' as text: the word is '--'"),
]


@pytest.mark.parametrize("pattern,text", REGEX_PATTERNS)
def test_prefilter_for_regex_patterns(pattern, text):
    """prefilter_for never rules out a text a regex-module pattern matches."""
    assert pattern.search(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        prefilter = prefilter_for(pattern)
    assert prefilter.may_match(text), sorted(prefilter.words or ())


# ---------------------------------------------------------------- property

VOCAB = [
    "Speedup", "speed-ups", "A100", "H100-80GB GPU", "RTX 6000 Ada", "8x", "GPUs", "Llama2-70B", "HumanEval", "MFU",
    "in the last", "years", "has grown", "accounts for", "up to", "on average", "Avg.", "median", "maximum", "than",
    "compared to", "vs.", "K =", "pass@", "top-", "faster", "reduces", "as our testbed", "evaluated on", "using a single",
    "28 nm CMOS", "TSMC 7nm", "\u017fpeedup", "\u212aV cache", "İntel", "é",
]
ALPHABET = string.ascii_letters + string.digits + " -.,;:()@=<>~$\\%\n" + "".join(ODD)
TEXT = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(alphabet=ALPHABET, max_size=6)), max_size=14).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(text=TEXT, cut=st.tuples(st.integers(0, 200), st.integers(0, 200)))
@example(text="trained on 512 NVIDIA V100 GPUs and a single RTX 4090 GPU", cut=(0, 200))
@example(text="2x \u017fpeedup over vLLM in the la\u017ft years", cut=(5, 30))
def test_random_text(text, cut):
    """On random text: each scanner == its plain pattern (whole and between offsets); no match a prefilter rules out."""
    pos, endpos = min(cut), max(cut)
    for name, make in SCANNERS.items():
        scanner, reference = make(), plain(name)
        assert found(scanner.finditer(text)) == found(reference.finditer(text)), name
        assert found(scanner.finditer(text, pos, endpos)) == found(reference.finditer(text, pos, endpos)), name
    for name, (patterns, prefilter) in PREFILTERS.items():
        for piece in (text, text[pos:endpos]):
            assert prefilter.may_match(piece) or not any(p.search(piece) for p in patterns), name


# Random patterns: pieces of the syntax the shortcuts read (the edge cases above left out).
ATOMS = [
    "a", "b", "B", "ab", "Ab", "x", "1", "-", " ", "\\d", "\\w", "\\s", "\\S", "\\W", "[a-c]", "[^a]", "[A-Z]", "[ab1]",
    "[\\w-]", ".", "\\b", "\\B", "^", "$", "(?=a)", "(?!b)", "(?<=a)", "(?<![A-Za-z])", "é", "\u212a",
]
PATTERNS = st.recursive(
    st.sampled_from(ATOMS),
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map("".join),
        st.tuples(st.lists(inner, min_size=1, max_size=3), st.booleans()).map(lambda t: "(?:" + "|".join(t[0] + [""] * t[1]) + ")"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "{1,3}", "??", "+?", "*+"])).map(lambda t: f"(?:{t[0]}){t[1]}"),
        st.tuples(st.sampled_from(["(?i:", "(?-i:", "(?>", "(?x:"]), inner).map(lambda t: f"{t[0]}{t[1]})"),
    ),
    max_leaves=8,
)
SHORT_TEXT = st.text(alphabet="aAbBxX1 -_é\u017fKk.\n", max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(pattern=PATTERNS, flags=st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.VERBOSE]), texts=st.lists(SHORT_TEXT, max_size=8))
@example(pattern=r"(?:GeForce\s+)?RTX", flags=0, texts=["RTX", "GeForce RTX"])
@example(pattern=r"(?:in|on)?\s*the|at", flags=re.IGNORECASE, texts=["THE", "at the"])
def test_random_patterns(pattern, flags, texts):
    """On random patterns and texts: compile_scanner and FoldedScanner == the plain pattern, and the
    answers of first_chars, required_words and Prefilter hold for every match."""
    try:
        reference, bare = re.compile(LEAD + pattern, flags), re.compile(pattern, flags)
    except re.error:
        return
    scanners = [compile_scanner(pattern, flags)] + ([FoldedScanner(pattern, flags)] if flags & re.IGNORECASE else [])
    cls = first_chars(pattern, flags)
    words, prefilter = required_words(pattern, flags), Prefilter(pattern, flags)
    for text in texts:
        want = found(reference.finditer(text))
        for scanner in scanners:
            assert found(scanner.finditer(text)) == want, (type(scanner).__name__, text)
        for m in bare.finditer(text):
            assert prefilter.may_match(text), (text, m.group(0), sorted(words))
            if words is not None and text.isascii():
                assert any(w in m.group(0).lower() for w in words), (text, m.group(0), sorted(words))
            if cls is not None:
                assert m.end() > m.start() and re.fullmatch(cls, text[m.start()], flags), (text, m.group(0), cls)
