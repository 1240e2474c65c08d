"""Find named things near a quantity: metric keywords, cues, baselines, hardware, workloads.

Every function here reads one sentence (normalized text, with offsets into
the abstract) and the position of a quantity in it. The knowledge it uses
comes from extract/knowledge/*.toml.

>>> s = "FlashAttention-2 yields around 2times speedup compared to FlashAttention on A100."
>>> find_hardware(s)[0][2]
'A100'
>>> baseline_after(s, s.index("speedup"))[2]
'FlashAttention'
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter

import regex

from .knowledge import (
    FoldedScanner,
    Prefilter,
    alternation,
    ascii_twin,
    compile_scanner,
    compile_words,
    first_letter_alternation,
    knowledge,
    longest_first,
    prefilter_for,
)

Span = tuple[int, int, str]  # (start, end, text)

# How far around a number any lookup reaches, in characters: every per-number search is bounded by it, so
# a sentence with thousands of numbers costs in proportion to its length, not its square.
WINDOW = 400
_START = itemgetter(0)


def within(hits, lo: int, hi: int):
    """The hits (sorted by start, as every ``*_hits`` function returns them) that start in [lo, hi), found by
    bisection: a lookup costs what its window holds, not the whole sentence.

    >>> within(((0, 2, "a"), (5, 7, "b"), (9, 11, "c")), 3, 9)
    ((5, 7, 'b'),)
    """
    return hits[bisect_left(hits, lo, key=_START) : bisect_left(hits, hi, key=_START)]


# ------------------------------------------------------------ metric keywords


@lru_cache(maxsize=1)
def generic_pattern() -> regex.Pattern:
    return compile_words(knowledge().metrics.generic)


def _labelled(table: dict[str, list[str]]) -> tuple[FoldedScanner, Callable[[str], str]]:
    r"""One pattern for the words of every label, longest word first whatever its label
    (so that "compute utilization" wins over "compute"), and a function giving the label of a match.

    The pattern has no groups: a named group per word made the scan about 5x slower.
    The label of a matched text is that of the first word, in the pattern's order,
    that matches the whole text; it is cached per text.

    >>> pattern, label_of = _labelled({"cost": ["compute"], "utilization": [r"compute\s+utili[sz]ation"]})
    >>> [(m.group(0), label_of(m.group(0))) for m in pattern.finditer("100% compute utilization")]
    [('compute utilization', 'utilization')]
    """
    words = sorted({(w, label) for label, ws in table.items() for w in ws}, key=lambda x: (-len(x[0]), x[0], x[1]))
    alternatives = first_letter_alternation([w for w, _ in words])
    compiled = [(re.compile(w, re.IGNORECASE), label) for w, label in words]

    @lru_cache(maxsize=4096)
    def label_of(text: str) -> str:
        return next(label for word, label in compiled if word.fullmatch(text))

    return FoldedScanner(f"(?<![A-Za-z]){alternatives}(?![A-Za-z])", re.IGNORECASE), label_of


def _hits(combined: tuple[FoldedScanner, Callable[[str], str]], sentence: str) -> tuple[tuple[int, int, str], ...]:
    pattern, label_of = combined
    return tuple((m.start(), m.end(), label_of(m.group(0))) for m in pattern.finditer(sentence))


@lru_cache(maxsize=1)
def _keywords_combined():
    metrics = knowledge().metrics
    table = dict(metrics.keywords)
    for name, entry in metrics.contextual.items():
        table[CONTEXTUAL + name] = entry.words
    return _labelled(table)


# A word right before "performance" that makes it a speed whatever the sentence: "runtime performance"
# (metrics.toml [contextual.performance] default_before).
SPEED_MODIFIER = regex.compile(r"(?i:\b(?:" + "|".join(knowledge().metrics.contextual["performance"].default_before) + r")\s++$)")
# The label prefix of a word whose metric the sentence decides (metrics.toml [contextual]).
CONTEXTUAL = "contextual:"
# Between a keyword and a contextual word it names: "memory overhead", "GPU-memory overheads".
COMPOUND_GAP = regex.compile(r"[\s-]?")


@lru_cache(maxsize=1)
def _quality_words() -> regex.Pattern:
    return compile_words(knowledge().metrics.contextual["performance"].quality_words)


def _resolve(sentence: str, hits: list[tuple[int, int, str]], at: int) -> str:
    """The metric of the contextual word ``hits[at]`` in ``sentence`` (metrics.toml [contextual]).

    >>> [h[2] for h in keyword_hits("It improves performance by 78% with a small memory overhead.")]
    ['speedup', 'memory']
    >>> [h[2] for h in keyword_hits("It improves reasoning task performance by 5%.")]
    ['accuracy', 'accuracy']
    """
    start, _, label = hits[at]
    name = label[len(CONTEXTUAL):]
    entry = knowledge().metrics.contextual[name]
    if name == "overhead" and at > 0 and _compound(sentence, hits[at - 1], start):
        return hits[at - 1][2]  # "memory overhead"
    if name == "performance":
        if SPEED_MODIFIER.search(sentence, max(0, start - 30), start):
            return entry.default  # "runtime performance", "end-to-end inference performance": a speed
        if _quality_words().search(sentence) or any(kind == "bench" for *_, kind in find_workloads(sentence)):
            return entry.quality
    return entry.default


@lru_cache(maxsize=1024)
def keyword_hits(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every metric keyword in the sentence as (start, end, metric), cached per sentence.

    >>> keyword_hits("a 2x speedup")
    ((5, 12, 'speedup'),)
    """
    hits = list(_hits(_keywords_combined(), sentence))
    for at, (start, end, label) in enumerate(hits):
        if label.startswith(CONTEXTUAL):
            hits[at] = (start, end, _resolve(sentence, hits, at))
            if at and label == CONTEXTUAL + "overhead" and _compound(sentence, hits[at - 1], start):
                hits[at - 1], hits[at] = None, (hits[at - 1][0], end, hits[at - 1][2])  # one phrase: "memory overhead"
    return tuple(h for h in hits if h is not None)


def _compound(sentence: str, before, start: int) -> bool:
    """``before`` (a hit) modifies the word at ``start``: "memory overhead"."""
    return before is not None and not before[2].startswith(CONTEXTUAL) and bool(COMPOUND_GAP.fullmatch(sentence, before[1], start))


# ------------------------------------------------------------------- cues


@lru_cache(maxsize=1)
def qualifier_patterns() -> list[tuple[str, regex.Pattern]]:
    """(qualifier, pattern anchored at the end of the text before a number)."""
    table = knowledge().cues.qualifier_before
    out = []
    for qualifier, cues in table.items():
        if qualifier == "average":
            continue
        out.append(
            (
                qualifier,
                # (a LaTeX math opener or escape may stand right before the number: "up to $8\times$", "under \$2,000")
                regex.compile(r"(?:(?<![A-Za-z])" + alternation(cues) + r")[\s(]*+(?:the\s+|a\s+|an\s+)?[\\$]?$", regex.IGNORECASE),
            )
        )
    return out


@lru_cache(maxsize=1)
def _list_qualifiers():
    return _labelled(knowledge().cues.qualifier_respectively)


@lru_cache(maxsize=1024)
def list_qualifier_hits(text: str) -> tuple[tuple[int, int, str], ...]:
    """Qualifying adjectives of a "respectively" list, as (start, end, qualifier); cached per
    text (every member of a list reads the same text before the list).

    >>> [h[2] for h in list_qualifier_hits("median and maximum speedups of 45x and 6150x")]
    ['average', 'up_to']
    """
    return _hits(_list_qualifiers(), text)


@lru_cache(maxsize=1)
def average_pattern() -> regex.Pattern:
    return compile_words(knowledge().cues.qualifier_before["average"])


@lru_cache(maxsize=1)
def _changes_combined():
    return _labelled(knowledge().cues.change)


@lru_cache(maxsize=1024)
def change_hits(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every change cue in the sentence as (start, end, direction), cached per sentence."""
    return _hits(_changes_combined(), sentence)


@lru_cache(maxsize=1)
def _better() -> tuple[regex.Pattern, regex.Pattern]:
    """(a change word that only says "better", a word that makes the clause about an efficiency or saving)."""
    cues = knowledge().cues
    return regex.compile(alternation(cues.better), regex.IGNORECASE), compile_words(cues.better_unless)


def better_words() -> regex.Pattern:
    """The change words that only say "better" (cues.toml [better] words)."""
    return _better()[0]


@lru_cache(maxsize=1024)
def _naming_spans(sentence: str) -> frozenset[tuple[int, int]]:
    """Spans of the sentence's keywords that name a metric, not only a change ("throughput"); "outperforms"
    names one and still says only "better". Worked out once a sentence."""
    words = _better()[0]
    return frozenset((s, e) for s, e, _ in keyword_hits(sentence) if not words.fullmatch(sentence, s, e))


def better_before(sentence: str, lo: int, at: int) -> int | None:
    """Where the last change word before ``at`` (a number's start) in the clause from ``lo`` starts,
    when it only says "better" and nothing from it to the number names an efficiency or saving;
    else None. A metric where lower is better that "better" is said of went down (R21).

    >>> s = "It reduces memory and improves latency by 30%."
    >>> better_before(s, 0, s.index("30")), better_before("It improves accuracy and cuts latency by 30%.", 0, 40)
    (22, None)
    >>> better_before("It improves energy efficiency by 30%.", 0, 33) is None
    True
    """
    words, unless = _better()
    named = _naming_spans(sentence)
    lo = max(lo, at - WINDOW)
    before = [(s, e) for s, e, _ in within(change_hits(sentence), lo, at) if e <= at and (s, e) not in named]
    if not before:
        return None
    start, end = before[-1]
    return start if words.fullmatch(sentence, start, end) and not unless.search(sentence, start, at) else None


@lru_cache(maxsize=1)
def setup_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(text before the number ends with a setup cue, text after starts with one,
    text after a unitless number starts with a count of devices or model parts)."""
    setup = knowledge().cues.setup
    before = regex.compile(r"(?:(?<![A-Za-z])" + alternation(setup.before) + r")$", regex.IGNORECASE)
    after = regex.compile(alternation(setup.after) + r"(?![A-Za-z])", regex.IGNORECASE)
    count_after = regex.compile(alternation(setup.after_count) + r"(?![A-Za-z])", regex.IGNORECASE)
    return before, after, count_after


@lru_cache(maxsize=1)
def word_setup_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """(text before a number word ends with a cue that it counts parts, text after it starts with one).

    >>> before, after = word_setup_patterns()
    >>> bool(before.search("Our contribution is ")), bool(after.match("-precision")), bool(before.search("It runs "))
    (True, True, False)
    """
    setup = knowledge().cues.setup
    before = regex.compile(r"(?<![A-Za-z])" + alternation(setup.word_before) + r"$", regex.IGNORECASE)
    return before, regex.compile(alternation(setup.word_after))


@lru_cache(maxsize=1)
def _background() -> tuple[regex.Pattern, Prefilter]:
    """The background cues' pattern, and its prefilter."""
    pattern = alternation(knowledge().cues.background)
    return regex.compile(pattern, regex.IGNORECASE), Prefilter(pattern, re.IGNORECASE)


def is_background(sentence: str) -> bool:
    """True for a sentence about the field or earlier trends (ruling R7).

    >>> is_background("In the last three years, models have grown over 1000x.")
    True
    """
    pattern, prefilter = _background()
    return prefilter.may_match(sentence) and bool(pattern.search(sentence))


# --------------------------------------------------------------- baselines


@lru_cache(maxsize=1)
def _baseline_marker() -> FoldedScanner:
    markers = knowledge().cues.baseline.markers
    return FoldedScanner(r"(?<![A-Za-z])" + first_letter_alternation(longest_first(markers)) + r"(?![A-Za-z])\s++", re.IGNORECASE)


def _whole(word: str) -> str:
    """A stop word as a whole word, unless it says itself what may follow it ("and\\s+(?=[a-z])")."""
    return word if "(?=" in word else word + r"(?![\w-])"


@lru_cache(maxsize=1)
def _baseline_stop() -> regex.Pattern:
    stops = knowledge().cues.baseline.stop
    return regex.compile(
        r"""
        [,;:()\[\]]                                # punctuation ends the phrase
      | \.(?:\s|$)                                 # so does a full stop
      | \s(?:""" + "|".join(_whole(w) for w in stops) + r""")   # or a word that starts another part (not "on-device")
      | \s(?=\d(?!\d*+\s++[A-Z][a-z]))               # or a number, unless a name goes on ("Claude 3 Opus")
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=1)
def _baseline_stop_ascii() -> re.Pattern | regex.Pattern:
    """:func:`_baseline_stop` for ASCII text (see knowledge.ascii_twin)."""
    return ascii_twin(_baseline_stop()) or _baseline_stop()


# Words that cannot be a baseline on their own (cues.toml [baseline] not_names).
NOT_A_BASELINE = regex.compile(r"(?i)^(?:" + "|".join(knowledge().cues.baseline.not_names) + r")$")
# A phrase ending in one of these names a condition, not a competitor ("over the tested inputs"; cues.toml [baseline] not_systems).
NOT_A_SYSTEM = regex.compile(r"(?i)\b(?:" + "|".join(knowledge().cues.baseline.not_systems) + r")$")
LEADING_FILLER = regex.compile(r"(?i:with|using)\s++(?=[A-Za-z])")
TRAILING_JUNK = regex.compile(r"(?i)(?:\s+(?:and|or|the|a|an|of|such))+$")  # "strong baselines such [as vLLM]"


@lru_cache(maxsize=2048)
def _phrase_from(sentence: str, start: int, max_words: int = 10) -> Span | None:
    """The noun phrase starting at ``start``, up to a stop word or punctuation (cached: the
    claims of a sentence look for baselines after the same markers)."""
    lead = LEADING_FILLER.match(sentence, start, start + 20)
    if lead:
        start = lead.end()  # "than with GPU-only solutions"
    stop = (_baseline_stop_ascii() if sentence.isascii() else _baseline_stop()).search(sentence, start, start + WINDOW)
    end = stop.start() if stop else len(sentence)
    text = TRAILING_JUNK.sub("", sentence[start:end].rstrip(". "))
    words = text.split()
    if not words or len(words) > max_words or not words[0][0].isalpha() or words[0].lower() == "by":
        return None  # empty, too long, or "outperforms by 1.6 times": no phrase here
    if NOT_A_BASELINE.match(text) or NOT_A_SYSTEM.search(text):
        return None
    return start, start + len(text), text


# What joins the items of a list of names: "vLLM, Orca, and TGI".
LIST_JOIN = regex.compile(r"\s*+(?:,\s*+(?:(?:and|or)\s++)?|(?:and|or)\s++)")


def phrase_list(sentence: str, first: Span, count: int) -> list[Span] | None:
    """The ``count`` phrases of a list that starts with the phrase ``first`` ("vLLM, Orca, and TGI"),
    or None when the sentence does not name that many there.

    >>> s = "It is 2x, 3x, and 5x faster than vLLM, Orca, and TGI, respectively."
    >>> [p[2] for p in phrase_list(s, baseline_after(s, s.index("5x")), 3)]
    ['vLLM', 'Orca', 'TGI']
    >>> phrase_list(s, baseline_after(s, s.index("5x")), 4) is None
    True
    >>> s = "Compared with tensor parallelism, our approach achieved 13.7x and 3.0x, respectively."
    >>> phrase_list(s, (14, 32, "tensor parallelism"), 2) is None
    True
    >>> s = "It outperforms vLLM, SGLang and TensorRT-LLM by 2x, 3x and 5x, respectively."
    >>> [p[2] for p in phrase_list(s, (15, 19, "vLLM"), 3)]
    ['vLLM', 'SGLang', 'TensorRT-LLM']
    """
    spans, pos = [first], first[1]
    while len(spans) < count:
        join = LIST_JOIN.match(sentence, pos, pos + 20)
        following = _phrase_from(sentence, join.end()) if join else None
        if following is None or not LIST_NAME.match(following[2]):
            return None  # not a name: "..., and reduces latency by 30%", "respectively"
        last_two = _split_last_two(following)
        if last_two and len(spans) == count - 2:
            spans.extend(last_two)  # "vLLM, SGLang and TensorRT-LLM": the phrase after the comma holds the last two
            break
        if len(spans) == count - 1 and not AND_OR.search(join.group()):
            return None  # a list ends with "and" or "or": "Compared with A, our approach ..." is none
        spans.append(following)
        pos = following[1]
    return spans


# "SGLang and TensorRT-LLM": the last two names of a list written without a comma before "and".
LAST_TWO = regex.compile(r"(?P<a>.+?)\s++(?:and|or)\s++(?P<b>.+)")


def _split_last_two(phrase: Span) -> list[Span] | None:
    """The two names of a phrase "A and B" when both look like names, else None.

    >>> _split_last_two((10, 33, "SGLang and TensorRT-LLM"))
    [(10, 16, 'SGLang'), (21, 33, 'TensorRT-LLM')]
    """
    m = LAST_TWO.fullmatch(phrase[2])
    if not m or not (LIST_NAME.match(m.group("a")) and LIST_NAME.match(m.group("b"))):
        return None
    start = phrase[0]
    return [(start + m.start("a"), start + m.end("a"), m.group("a")), (start + m.start("b"), start + m.end("b"), m.group("b"))]


AND_OR = regex.compile(r"\b(?:and|or)\b")
# How a name in a list starts: a capital or a digit ("Orca", "3D-Stack"), a word with a capital inside ("vLLM"),
# or an article ("a naive ... approach").
LIST_NAME = regex.compile(r"[A-Z0-9]|[a-z]++[A-Z]|(?:the|a|an)\s")


# What introduces examples of a kind: "compilers like Triton and Ladder", "frameworks, such as PyTorch JIT".
EXAMPLES = regex.compile(r"\s*+,?\s*+(?i:" + "|".join(knowledge().cues.baseline.examples) + r")\s++")  # cues.toml [baseline] examples
# What joins two compared kinds: "compilers like A and B, as well as kernels such as C and D".
AS_WELL_AS = regex.compile(r"\s*+,?\s*+(?i:as\s+well\s+as|and\s+also)\s++$")


def _examples_of(sentence: str, at: int) -> list[Span]:
    """The names given as examples right after a compared kind that ends at ``at``: "kernels such as QuantLLM
    and Marlin" -> QuantLLM, Marlin. Names only: every word of each has a capital or a digit."""
    intro = EXAMPLES.match(sentence, at, at + 30)
    if not intro:
        return []
    names: list[Span] = []
    pos = intro.end()
    while (found := _phrase_from(sentence, pos)) and LIST_NAME.match(found[2]):
        at = found[0]
        for item in LIST_SPLIT.split(found[2]):  # "Triton and Ladder"
            start = sentence.index(item, at)
            if not all(NAME_WORD.match(word) for word in item.split()):
                return []  # not a name: "LLaMA-13B reduce memory"
            names.append((start, start + len(item), item))
            at = start + len(item)
        join = LIST_JOIN.match(sentence, found[1], found[1] + 20)
        if not join:
            break
        pos = join.end()
    return names


def example_names(sentence: str, found: Span) -> list[Span]:
    """The names given as examples of the compared kind ``found`` and of the kinds joined to it before by
    "as well as", in order; [] when ``found`` is followed by no examples.

    >>> s = "Compared to existing compilers like Triton and Ladder, as well as hand-optimized kernels such as QuantLLM and Marlin, our VM"
    >>> [n[2] for n in example_names(s, baseline_before(s, s.index("our VM")))]
    ['Triton', 'Ladder', 'QuantLLM', 'Marlin']
    >>> s = "It is 2x and 3x faster than FasterTransformer on models such as LLaMA-7B and OPT-13B, respectively."
    >>> example_names(s, baseline_after(s, s.index("3x")))
    []
    """
    names = _examples_of(sentence, found[1])
    start = found[0]
    while names and (joined := AS_WELL_AS.search(sentence, max(0, start - 30), start)) is not None:
        # The kind before "as well as", after the marker that introduces the comparison ("Compared to").
        markers = list(_baseline_marker().finditer(sentence, max(0, joined.start() - 150), joined.start()))
        intro = EXAMPLES.search(sentence, markers[-1].end(), joined.start()) if markers else None
        before = _examples_of(sentence, intro.start()) if intro else []
        if not before or not regex.fullmatch(r"\s*+,?\s*+", sentence[before[-1][1] : joined.start()]):
            break
        names, start = before + names, markers[-1].start()
    return names


# The items of one phrase that names several: "Triton and Ladder", "A, B or C".
LIST_SPLIT = regex.compile(r",\s*+(?:and\s++|or\s++)?|\s++and\s++|\s++or\s++")
# A word of a name: a capital or a digit in it ("PyTorch", "JIT", "vLLM", "3D").
NAME_WORD = regex.compile(r"\S*?[A-Z0-9]")


def baseline_after(sentence: str, pos: int, end: int | None = None, limit: int = 90) -> Span | None:
    """The baseline named after ``pos`` (before ``end``): "2x faster than vLLM" -> vLLM."""
    stop = min(len(sentence) if end is None else end, pos + limit)
    for m in _baseline_marker().finditer(sentence, pos, stop):
        phrase = _phrase_from(sentence, m.end())
        if phrase:
            return phrase
    return None


@lru_cache(maxsize=1)
def _object_verb() -> regex.Pattern:
    verbs = knowledge().cues.baseline.object_verbs
    return regex.compile(
        r"""
        (?<![A-Za-z])""" + alternation(verbs) + r"""\s++   # improves
        (?:(?:over|upon|on)\s++)?                          # improving over ...
        (?P<object>(?:[\w-]++\s++){1,6}?)                  # the base model
        by\s++(?:[\w$\\~<>+]++\s++){0,2}$                  # by (up to) <the number>
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _object_verb_prefilter() -> Prefilter:
    """The prefilter of :func:`_object_verb`: a window without its verbs' stems holds no match."""
    verbs = _object_verb()
    return prefilter_for(verbs)


def improved_object(sentence: str, pos: int) -> Span | None:
    """The thing improved upon, named between the verb and "by" before ``pos``; None when it is a metric.

    >>> s = "It improves the base model by 7-15% in accuracy."
    >>> improved_object(s, s.index("7-15%"))[2]
    'the base model'
    >>> s = "It improves throughput by 2x."
    >>> improved_object(s, s.index("2x")) is None
    True
    >>> s = "Skip blocks accelerate failure recovery by 7.9x."
    >>> improved_object(s, s.index("7.9x")) is None
    True
    """
    start = max(0, pos - 90)
    if not _object_verb_prefilter().may_match(sentence[start:pos]):
        return None  # a match lies in the window: it would hold one of the words
    m = _object_verb().search(sentence, start, pos)
    if not m:
        return None
    start = m.start("object")
    phrase = _phrase_from(sentence, start)
    if not phrase or phrase[1] > m.end("object") or _names_a_metric(phrase[2]):
        return None
    if not sentence[m.start() : start].lower().startswith("improv") and (
        not SYSTEM_LIKE.search(phrase[2]) or any(phrase[0] <= w[0] and w[1] <= phrase[1] for w in find_workloads(sentence))
    ):
        # what is improved is the baseline; what is sped up may be a task ("accelerate failure recovery"), or a
        # model's run ("accelerates Llama2-70B inference": Llama2-70B is the workload)
        return None
    return phrase


# An object that names a system, not a task sped up ("accelerates failure recovery by 7.9x" names no baseline):
# a name (a capital letter or a digit inside) or a word for a system.
SYSTEM_LIKE = regex.compile(
    r"[A-Z0-9]|(?i:\b(?:" + "|".join(knowledge().cues.baseline.system_nouns) + r")\b)"  # cues.toml [baseline] system_nouns
)


# "outperforms by 1.6 times previous implementations": the verb, "by", then the number.
SPACES = regex.compile(r"\s++")
VERB_BY_BEFORE = regex.compile(  # cues.toml [comparison] verbs
    r"(?i:(?<![A-Za-z])(?:" + "|".join(knowledge().cues.comparison.verbs) + r")\w*+\s++by\s++(?:[\w~]++\s++){0,2}$)"
)


def baseline_after_number(sentence: str, start: int, end: int) -> Span | None:
    """The baseline right after a number that follows "outperforms by".

    >>> s = "It outperforms by 1.6 times previous FP32 parallel implementations on a CL setup."
    >>> baseline_after_number(s, s.index("1.6"), s.index(" previous"))[2]
    'previous FP32 parallel implementations'
    """
    if not VERB_BY_BEFORE.search(sentence, max(0, start - 40), start):
        return None
    gap = SPACES.match(sentence[end:])
    return _phrase_from(sentence, end + gap.end()) if gap else None


def _names_a_metric(text: str) -> bool:
    return bool(keyword_hits(text) or generic_pattern().search(text))


# A share of a named system's figure (ruling R15): "97.7% of GPT-4's performance".
SHARE_OF_NAMED = regex.compile(
    r"""
    \s*+of\s++(?:the\s++)?
    (?P<name>[A-Z][\w.+-]*+(?:\s++[A-Z0-9][\w.+-]*+){0,3}?)   # GPT-4, Llama 3 70B
    (?:'s|’s)\s                                               # its possessive
    """,
    regex.VERBOSE,
)


# A share of a figure of something named after it: "97% of the energy of Eyeriss", "97% of the throughput of vLLM".
SHARE_OF_FIGURE = regex.compile(r"\s*+of\s++(?:the\s++|its\s++)?(?P<figure>[\w-]++(?:\s++[\w-]++){0,2}?)\s++of\s++")


# What a verb of a number changes, of something named: "doubles the throughput of vLLM".
FIGURE_OF = regex.compile(r"\s++(?:the\s++|its\s++)?(?P<figure>[\w-]++(?:\s++[\w-]++){0,2}?)\s++of\s++")


def figure_of(sentence: str, end: int) -> Span | None:
    """The system whose figure a number word changes, right after it: "doubles the throughput of vLLM" -> vLLM.

    >>> s = "It doubles the throughput of vLLM."
    >>> figure_of(s, s.index(" the"))[2]
    'vLLM'
    """
    m = FIGURE_OF.match(sentence, end, end + 120)
    if m and keyword_hits(m.group("figure")):
        return _phrase_from(sentence, m.end())
    return None


def share_of(sentence: str, end: int) -> Span | None:
    """The system whose figure a percentage is a share of, right after it (R15): a possessive name,
    or the phrase after "of" when the words before it name a metric.

    >>> s = "It achieves 97.7% of GPT-4's performance on HumanEval."
    >>> share_of(s, s.index("%") + 1)[2]
    'GPT-4'
    >>> s = "It uses only 79% of the energy of the GPU baseline."
    >>> share_of(s, s.index("%") + 1)[2]
    'the GPU baseline'
    """
    m = SHARE_OF_NAMED.match(sentence, end, end + 120)
    if m:
        return m.start("name"), m.end("name"), m.group("name")
    m = SHARE_OF_FIGURE.match(sentence, end, end + 120)
    if m and keyword_hits(m.group("figure")):
        return _phrase_from(sentence, m.end())
    return None


def baseline_before(sentence: str, pos: int) -> Span | None:
    """The baseline named before ``pos``: "Compared to vLLM, ... 2x" or "outperforms vLLM by 2x"."""
    found = None
    for m in _baseline_marker().finditer(sentence, max(0, pos - WINDOW), pos):
        phrase = _phrase_from(sentence, m.end())
        if phrase and phrase[1] <= pos:
            found = phrase
    return found


# ---------------------------------------------------------------- hardware


@lru_cache(maxsize=1)
def hardware_pattern() -> regex.Pattern:
    """A product name with its variant and device word ("A100-40GB GPU", "KNL manycore processor").

    The names (see hardware.toml and extract/names.py) come in three groups, by what they
    need around them: ``free`` ones are hardware alone; ``device`` ones need a vendor before
    or a device word (group ``word``) after; ``machine`` ones need the sentence to say they
    are a machine. :func:`find_hardware` checks the last two.
    """
    spellings = names.spellings()
    ctx = knowledge().hardware.context
    # Every product's spellings, factored by first letter: only those starting with the
    # letter at hand are tried (the scan runs over every sentence of every abstract).
    groups = "|".join(
        f"(?P<{need}>{first_letter_alternation(spellings[need], ignore_case=False)})" for need in names.CONTEXTS
    )
    return compile_scanner(
        r"""
        (?<![\w-])(?:""" + groups + r""")[®™]?(?![\w])              # the product: A100, Xeon Phi™
        (?:\s?\([A-Z][A-Z0-9-]{1,9}\))?                              # its abbreviation: Hybrid Memory Cube (HMC)
        (?:[- ](?:\d+\s?GB|PCIe|SXM\d?))?                            # a variant: A100-40GB
        (?P<word>\s++(?:""" + ctx.modifier + r"""\s++)?""" + ctx.device + r"""(?![\w]))?   # a device word: GPUs
        """,
        re.VERBOSE,
    )


from . import names  # noqa: E402  (hardware and workload names from tables: extract/names.py)


@lru_cache(maxsize=1)
def hardware_prefix() -> regex.Pattern:
    """What may stand right before a product: a count and a vendor ("8 NVIDIA ", "64-core Intel® ")."""
    ctx = knowledge().hardware.context
    return regex.compile(
        r"""
        (?:(?<![\w-])""" + ctx.count + r"""[\s-]++(?:x\s*)?)?      # a count: 8, a single, two
        (?:(?P<vendor>""" + ctx.vendor + r""")[®™]?\s++)?          # a vendor: NVIDIA
        $""",
        regex.VERBOSE,
    )


_LEADING_ARTICLE = regex.compile(r"^(?:a|an|the|our)\s+", regex.IGNORECASE)


@lru_cache(maxsize=4096)
def find_hardware(sentence: str) -> tuple[Span, ...]:
    """Hardware named in the sentence, as written (articles dropped, counts kept).

    The product is found first; its count and vendor are then read backwards
    from it, so the scan costs one pass of the product pattern. A name that needs
    a context (see :func:`hardware_pattern`) is kept only where the sentence gives
    it; a machine name also where it is listed with another machine kept
    ("on Tianhe-2 and Stampede").

    >>> [h[2] for h in find_hardware("trained on 512 NVIDIA V100 GPUs and a single RTX 4090 GPU")]
    ['512 NVIDIA V100 GPUs', 'a single RTX 4090 GPU']
    >>> [h[2] for h in find_hardware("It scales to 4,608 nodes of Summit and Sierra, near the Pareto Frontier.")]
    ['Summit', 'Sierra']
    """
    found = []  # [start, end, kept, start of the name, a machine name]
    for m in hardware_pattern().finditer(sentence):
        prefix = hardware_prefix().search(sentence, max(0, m.start() - 40), m.start())
        start = prefix.start() if prefix else m.start()
        if m.group("free") is not None:
            kept = True
        elif m.group("device") is not None:
            kept = names.device_word(m.group("word")) or bool(prefix and prefix.group("vendor"))
        else:
            kept = names.machine_word(m.group("word")) or names.machine_context(sentence, m.start(), m.end())
        found.append([start, m.end(), kept, m.start(), m.group("machine") is not None])
    _keep_listed_machines(sentence, found)
    out = []
    for start, end, kept, _, _ in found:
        if not kept:
            continue
        text = sentence[start:end]
        strip = _LEADING_ARTICLE.match(text)
        if strip and not text.lower().startswith("a single"):
            start += strip.end()
            text = text[strip.end() :]
        out.append((start, end, text))
    return tuple(out)


def _keep_listed_machines(sentence: str, found: list[list]) -> None:
    """Keep a machine name listed right next to a name kept: "on Tianhe-2 and Stampede", "Summit, Sierra and Titan".
    (Not a name that needs a device word: "A100 GPUs and L2 cache"; not one a noun follows: "on Summit
    and Frontier models".) One pass rightwards, then one leftwards: a list is kept from any name kept in it."""
    joined = [
        names.LIST_JOIN.fullmatch(sentence, a[1], b[3]) is not None if a[1] <= b[3] else False for a, b in zip(found, found[1:])
    ]
    for order in (range(1, len(found)), range(len(found) - 2, -1, -1)):
        for i in order:
            item = found[i]
            if item[2] or not item[4] or not names.PHRASE_ENDS.match(sentence, item[1], item[1] + 40):
                continue
            j = i - 1 if order.step == 1 else i + 1
            if found[j][2] and joined[min(i, j)]:
                item[2] = True


# --------------------------------------------------------------- workloads


@lru_cache(maxsize=1)
def workload_pattern() -> regex.Pattern:
    """Models, benchmarks and the workloads of systems papers ("TPC-H", "Redis", "Hive join job"),
    and a capitalized name said to be a benchmark or data set ("the Retwis benchmark"); see workloads.toml."""
    w = knowledge().workloads
    model = w.model_families + w.model_size + w.model_variant
    return compile_scanner(
        r"""
        (?<![\w-])
        (?:
            (?P<model>""" + model + r""")
          | (?P<bench>""" + w.benchmarks + r""")
          | (?P<system>(?:""" + w.systems_benchmarks + r""")(?:\s?\([A-Z][A-Za-z0-9-]{1,9}\))?   # NAS Parallel Benchmark (NPB)
                     |(?:""" + w.applications + ")(?!-)" + w.job + r""")           # Spark join job
          | (?P<named>(?!""" + w.not_names + r"""(?![\w]))""" + w.named_name + r"""\s++""" + w.named_what + r""")
        )
        (?![\w])
        """,
        re.VERBOSE,
    )


def find_workloads(sentence: str) -> list[tuple[int, int, str, str]]:
    """Models and benchmarks named in the sentence, as (start, end, text, "model" or "bench").

    The workloads of systems papers, benchmarks ("TPC-H", "SPEC CPU2006") and applications
    ("Redis", "Spark join job"), are given as workloads.toml [systems] ``kind`` says; a
    name that is hardware is not a workload ("TPU", "x86-64", "Summit").

    >>> [w[2:] for w in find_workloads("up to 9.1times higher throughput on Llama2-70B and HumanEval")]
    [('Llama2-70B', 'model'), ('HumanEval', 'bench')]
    >>> [w[2:] for w in find_workloads("41-137x speedup on 8 GPT models with up to 1.4 billion parameters")]
    [('GPT models', 'model')]
    >>> [w[2:] for w in find_workloads("It improves the throughput of Tomcat by 75% and the accuracy on the Jester dataset.")]
    [('Tomcat', 'model'), ('Jester dataset', 'bench')]
    """
    return list(_workloads_in(sentence))


@lru_cache(maxsize=4096)
def _workloads_in(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """find_workloads, cached per sentence (claims and metrics ask for the same sentence's several times)."""
    kinds = _workload_kinds()
    hardware = [(s, e) for s, e, _ in find_hardware(sentence)]
    named = [
        (m.start(), m.end(), m.group(0), kinds[next(g for g in kinds if m.group(g) is not None)])
        for m in workload_pattern().finditer(sentence)
        if not names.is_hardware_word(m.group(0))
        and not any(s < m.end() and m.start() < e for s, e in hardware)
        and (m.group("named") is None or _a_name(sentence, m))
    ]
    described = [
        (m.start(), m.end(), m.group(0), "model")
        for m in described_models().finditer(sentence)
        if not any(s < m.end() and m.start() < e for s, e, _, _ in named)
    ]
    return tuple(sorted(named + described))


# Before a name said to be a benchmark: another capitalized word ("Training Algorithms benchmark").
_CAPITALIZED_BEFORE = regex.compile(r"[A-Z][\w+-]*+[\s:]++$")
# An acronym before a plural: a class, not a name ("VLM benchmarks", "RAG datasets").
_ACRONYM_CLASS = regex.compile(r"[A-Z]{2,5}s?\s++\w+s")


def _a_name(sentence: str, m: re.Match) -> bool:
    """True when the "named" match ``m`` of workload_pattern is a name, not part of a longer
    capitalized phrase nor an acronym naming a class."""
    before = _CAPITALIZED_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
    if before and sentence[: before.start()].strip():  # not the sentence's first word: "Utilizing Amazon EC2 traces"
        return False
    return not _ACRONYM_CLASS.fullmatch(m.group(0))


@lru_cache(maxsize=1)
def _workload_kinds() -> dict[str, str]:
    """The kind find_workloads gives each group of workload_pattern."""
    kind = knowledge().workloads.systems_kind
    return {"model": "model", "bench": "bench", "system": kind, "named": "bench"}


@lru_cache(maxsize=1)
def described_models() -> regex.Pattern:
    """Models described rather than named: "on 8 GPT models" -> "GPT models" (workloads.toml [described])."""
    return regex.compile(knowledge().workloads.described_models)


# A name right after a number: "4.53x in Img128cond", "speedup on MPI_Pack". A name
# here is one token with a capital letter, digit or underscore after its first letter.
NAME_AFTER = regex.compile(
    r"""
    \s*+(?:[a-z-]+\s+){0,2}?            # at most two words: "speedup", "higher throughput"
    (?:on|in|for)\s+(?:the\s+)?         # the preposition
    (?P<name>[A-Za-z][\w-]*(?:[A-Z0-9_][\w-]*)(?:\.\d[\w-]*)*\+{0,2})   # the name: Img128cond, AFHQ, MPI_Pack, OPT-6.7B, MBPP+
    (?![\w-])
    """,
    regex.VERBOSE,
)
NAME_AFTER_ASCII = ascii_twin(NAME_AFTER) or NAME_AFTER  # for ASCII text


def name_after(sentence: str, pos: int) -> tuple[int, int, str, str] | None:
    """A workload named right after ``pos``, as find_workloads gives them; not hardware
    ("speedup on TPU", "4.56% on x86-64").

    >>> name_after("speed-ups of 4.53x in Img128cond, 5.32x in AFHQ", 18)[2]
    'Img128cond'
    >>> name_after("a 98x speedup on CPU", 8) is None
    True
    >>> name_after("a 1.71x increase in TFLOPS per GPU", 7) is None
    True
    >>> name_after("and 3x on OPT-6.7B and OPT-30B", 6)[2]
    'OPT-6.7B'
    >>> name_after("a pass@1 of 64.5% on HumanEval+.", 17)[2]
    'HumanEval+'
    """
    m = (NAME_AFTER_ASCII if sentence.isascii() else NAME_AFTER).match(sentence, pos, min(len(sentence), pos + 40))
    if not m or find_hardware(m.group("name")) or names.is_hardware_word(m.group("name")) or keyword_hits(m.group("name")):
        return None  # hardware, or a metric's name: "a 1.71x increase in TFLOPS per GPU"
    return m.start("name"), m.end("name"), m.group("name"), "bench"


# ------------------------------------------------------------ speed shortcuts


def shortcuts() -> dict[str, dict]:
    """Every speed shortcut of this module next to what it stands for, for the tests that prove they agree
    (tests/test_scan_shortcuts.py, tests/test_ascii_twins.py): a shortcut must never change what is found.

    - ``"scanners"``: name -> a scanner made by :func:`knowledge.compile_scanner` or a :class:`knowledge.FoldedScanner`
      (its own pattern source, compiled plainly, is what it stands for);
    - ``"labelled"``: name -> (scanner, the label of a matched text, the function giving a text's (start, end, label)
      hits through the scanner), for the scanners whose matches are labelled;
    - ``"prefilters"``: name -> (the patterns, the :class:`knowledge.Prefilter` the module tries first);
    - ``"twins"``: name -> (a ``regex`` pattern, the ASCII twin read in its place on ASCII text).

    >>> sorted(shortcuts()["scanners"])
    ['baseline markers', 'change cues', 'hardware', 'list qualifiers', 'metric keywords', 'workloads']
    """
    labelled = {"metric keywords": _keywords_combined(), "change cues": _changes_combined(), "list qualifiers": _list_qualifiers()}
    background, background_filter = _background()
    return {
        "scanners": {
            "hardware": hardware_pattern(),
            "workloads": workload_pattern(),
            **{name: combined[0] for name, combined in labelled.items()},
            "baseline markers": _baseline_marker(),
        },
        "labelled": {
            name: (combined[0], combined[1], lambda text, combined=combined: _hits(combined, text)) for name, combined in labelled.items()
        },
        "prefilters": {
            "background": ((background,), background_filter),
            "object verb": ((_object_verb(),), _object_verb_prefilter()),
        },
        "twins": {
            "NAME_AFTER": (NAME_AFTER, NAME_AFTER_ASCII),
            "baseline stop": (_baseline_stop(), _baseline_stop_ascii()),
        },
    }
