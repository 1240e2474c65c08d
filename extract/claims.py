"""Claims: decide which quantities are outcomes, and fill in every field of each.

:func:`extract_claims` is a pure, deterministic function of one paper: the
same abstract and extractor version always give the same claims.

>>> from claimbench.extract.papers import Paper
>>> p = Paper("T", "Our system achieves up to 2.49times speedup over vLLM on an A100 GPU.", "x.txt:1")
>>> [(c.mention, c.value, c.metric, c.qualifier, c.change, c.baseline, c.hardware) for c in extract_claims(p)]
[('2.49times', 2.49, 'speedup', 'up_to', 'increase', 'vLLM', 'A100 GPU')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

import regex

from claimbench.schemas import value_problem

from . import context, units
from .clauses import clause_bounds as _clause_bounds
from .knowledge import Prefilter, ascii_twin, knowledge, prefilter_for
from .metric import Attribution, attribute, given_for, on_benchmark, only_says_better, restates_change, settle
from .model import Claim
from .normalize import normalize
from .numbers import LIST_SEP, Quantity, find_quantities
from .papers import Paper
from .sentences import Sentence, split_sentences
from .turnaround import OwnSystems, baseline_side, opens_in_first_person, other_side

EXTRACTOR_VERSION = "0.12.1"

# A year such as 2023 or a bare small integer is never a claim on its own.
YEAR = regex.compile(r"^(?:19|20)\d{2}$")
# "by up to", "by about": the quantity measures the change named before it.
BY_BEFORE = regex.compile(r"(?i:\bby|\bof|\bto)\s++(?:[\w$\\~<>+]++\s++){0,3}$")
BY_BEFORE_ASCII = ascii_twin(BY_BEFORE) or BY_BEFORE  # for ASCII text (see knowledge.ascii_twin)
# "by" and at most three words, none a figure, right before the number ("by up to 30%", "by a factor of 3");
# not "by 12x and sustains 1,450 tokens/s", where "by" belongs to the figure before.
BY_ONLY = regex.compile(r"(?i:\bby)\s++(?:(?![^\s\d]*+\d)[\w$\\~<>+]++\s++){0,3}[+~]?$")
# A later member of a list of figures: "by 12.0 and 8.4 points", "by 4.1 points on MMLU and 7.3 points on ARC".
LIST_MEMBER_BEFORE = regex.compile(
    r"""\d(?:\s*+points?)?                                  # the figure before: "12.0", "4.1 points"
    (?:\s++(?:on|in|for|with)\s++[^\d,;]{1,30}?)?          # where it was measured: "on MMLU"
    (?:\s*+,\s*+(?:and\s++)?|\s++and\s++)$""",            # the joint: ", ", ", and ", " and "
    regex.VERBOSE,
)
# "an improvement of 3.4 points", "a reduction of 30%": the noun before "of" names the change.
_CUES = knowledge().cues
_LEADING = _CUES.leading  # cues.toml [leading]: the short qualifiers each position below accepts
CHANGE_NOUN_OF = regex.compile(  # cues.toml [comparison] change_nouns
    r"(?i:\b(?:" + "|".join(_CUES.comparison.change_nouns) + r")s?\s++of\s++(?:[\w~]++\s++){0,2}$)"
)
# A share of something: "52% of peak", "79% of the energy of FLAT".
SHARE_AFTER = regex.compile(r"^\s*+(?:of|the)\s", regex.IGNORECASE)
# "20 out of the 21 tasks"
# A count of a total: "14 out of 16", "solves 17 of the 20 tasks" (plain "of" only before tasks, benchmarks, ...).
OUT_OF_AFTER = regex.compile(
    r"""^\s++(?:out\s++of\s
    | of\s++(?:the\s++)?\d[\d,]*+\s++(?:[\w-]++\s++)?
      (?:""" + "|".join(_CUES.totals.nouns) + r""")\b)""",  # cues.toml [totals] nouns
    regex.IGNORECASE | regex.VERBOSE,
)
# Words that present a size as what the system reaches (ruling R5), right before it:
# "handle sequences with over 114K tokens", "fine-tune 175B", "models of up to 13B parameters".
REACH = regex.compile(
    r"""(?i:
        (?<!\b(?:on|for|across|in)\s++(?:[\w-]++\s++){0,3}?models?\s++(?:with|containing|having|of)\s++)   # not the models
        # studied: "on 8 GPT models with up to 1.4B parameters"; but "trains models with up to 1T parameters"
        \b(?:""" + "|".join(_CUES.reach.before) + r""")\s+(?:a\s+|the\s+)?$   # cues.toml [reach] before
      | \b(?<!pre-?)(?:""" + "|".join(_CUES.reach.verbs) + r""")(?P<verb>)   # [reach] verbs
        \s+(?!of\s)(?:\w+\s+){0,2}?(?:models?\s+(?:with|of)\s+)?     # not "the training of the 175B model" (a size used),
        (?:(?:""" + "|".join(_CUES.reach.after_verb) + r""")\s+)?$           # nor "a pre-trained model with 130B parameters"
    )""",
    regex.VERBOSE,
)
# The character before a number that makes it part of a name: "Llama2-7B-128K".
NAME_PART = regex.compile(r"[-\w./]")
# The earlier level of the figure before: "a 91% success rate, up from 64% for the baseline".
UP_FROM = regex.compile(r"(?i:\b(?:up|down)\s++from\s++(?:(?:" + "|".join(_LEADING.up_from) + r")\s++)?$)")
# A word that gives a number to a metric's name: "of", "is", "=", "reaches".
GIVING_WORD = regex.compile(r"(?i:\b(?:" + "|".join(knowledge().cues.giving) + r")\b|[=:])")  # cues.toml [giving]
# Scores reported without a unit ("F1 score of 0.98", "BLEU 31.2").
_SCORES = "|".join(knowledge().metrics.scores)  # metrics.toml [scores]
SCORE_WORDS = regex.compile(r"(?i:\b(?:" + _SCORES + r")\b)")
# A score given as a whole number: "a Lichess blitz Elo of 2895", "a BLEU score of 31", "F1 = 87" (not a count).
SCORE_GIVEN = regex.compile(
    r"""(?i:\b(?:""" + _SCORES + r""")    # metrics.toml [scores]: "Elo", "score"
    \s*+(?:(?:""" + "|".join(knowledge().cues.giving) + r""")\b|[=:])     # cues.toml [giving]: "of", "reaches", "="
    \s*+(?:(?:""" + "|".join(knowledge().cues.leading.filler) + r""")\s++)?$)""",  # [leading] filler: "over", "about"
    regex.VERBOSE,
)
_SCORE_GIVEN_FILTER = prefilter_for(SCORE_GIVEN)
# What may stand between two members of one list: "87%, 131%", "4.53x in Img128cond, 5.32x".
LIST_GAP = regex.compile(
    r"""^
    (?:\s++(?:in|on|for|with)\s++[^\s,;]++(?:\s++[^\s,;]++){0,2})?   # an optional "in AFHQ", "on the GSM8K dataset" per member
    \s*+(?:,\s*+(?:and\s++|or\s++)?|and\s++|or\s++)              # the separator
    (?:by\s++)?
    (?:(?:""" + "|".join(_LEADING.list) + r""")\s++)?  # its own qualifier: "up to 1.6x and on average 1.3x"
    $""",
    regex.VERBOSE,
)
LIST_GAP_ASCII = ascii_twin(LIST_GAP) or LIST_GAP  # for ASCII text
# The rest of a list of plain numbers after its first member: " and 4.3", ", 5.67, and 10.26 ".
LIST_REST = regex.compile(r"(?:\s*+,?\s*+(?:and\s++|or\s++)?\d[\d.]*+)*+\s*+(?:(?:in|on)\s++)?")  # "... and 6.92 in BLEU"
# A comparative that is the qualifier of the number after it: "less than ", "more than about ".
QUALIFIER_THAN = regex.compile(  # cues.toml [comparison] comparatives, [leading] than
    r"(?i:(?:" + "|".join(_CUES.comparison.comparatives) + r")\s++than\s++(?:(?:" + "|".join(_LEADING.than) + r")\s++)?)"
)
QUALIFIER_REACH = 30  # "more than about " is at most this long: only the change words this close are tested
# A comparison verb, what it beats, then the number: "outperforms the 1F1B schedule up to ", "beats X by ".
OUTPERFORMS_BY = regex.compile(
    r"(?i:\b(?:" + "|".join(_CUES.comparison.verbs) + r")\w*+\s++(?:[^\s,;:()]++\s++){0,6}?(?:by\s++)?"  # [comparison] verbs
    r"(?:(?:" + "|".join(_LEADING.by_outperform) + r")\s++)?\+?$)"
)
# The other side of a comparison verb: "trails 16-bit LoRA by only 1.1 points" (a decrease), "lags behind X by 2%".
TRAILS_BY = regex.compile(
    r"(?i:\b(?:trail|lag)\w*+\s++(?:[^\s,;:()]++\s++){0,6}?by\s++(?:(?:" + "|".join(_LEADING.filler) + r")\s++)?$)"  # [leading] filler
)
# Right after a number of points: how it compares ("10.3 points above training on MetaMathQA").
POINTS_COMPARED = regex.compile(r"\s*+(?:(?P<up>above|ahead\s+of)|(?P<down>below|behind))\b")
# A size used as an adjective, "a 270M parameter transformer", and the lower-case noun it names after it.
ADJECTIVE_SIZE = regex.compile(r"(?i:[\s-]param(?:eter)?$)")
LOWER_WORD = regex.compile(r"\s++[a-z]")
# "parameters", "7B", "1.5 billion": a model size written with the number.
_SIZE = _CUES.size  # cues.toml [size]
SIZE_WORDS = regex.compile(r"(?i:" + "|".join(_SIZE.parameters + _SIZE.magnitudes) + r")")
PARAMETER_WORDS = regex.compile(r"(?i:" + "|".join(_SIZE.parameters) + r")")
# Between a change word and a number, what puts them in different conjuncts: "1.61x runtime improvement and 37% energy reduction".
CONJUNCT_BREAK = regex.compile(r"\b(?:and|or)\b")
# "N+" in a mention: at least N ("improves throughput by 10+%", "$100K+ in cost reduction").
PLUS_AFTER_DIGITS = regex.compile(r"\d[KMBkmb]?\+")
# "N <unit> in <change noun>": "35,000 GPU hours in savings", "$100K+ in cost reduction".
IN_CHANGE_NOUN = regex.compile(  # cues.toml [comparison] change_nouns
    r"\+?\s++in\s++(?:[\w-]++\s++){0,2}?(?=(?:" + "|".join(_CUES.comparison.change_nouns) + r")s?\b)"
)
THAN_AFTER = regex.compile(r"(?:\s++[\w@-]++){0,3}?\s++than\b")  # after a comparative: "higher than", "lower tail latency than"
# The end of a clause right after a word: "Our contribution is two-fold." / "... threefold: first, ..."
CLAUSE_END = regex.compile(r"\s*+(?:[.:;,]|$)")
# What "N-fold" counts when it is not a factor: "10-fold cross-validation".
FOLDS_OF = regex.compile(r"(?i:\s*+cross[- ]?validat)")
# A common noun (lower case, not a model's) right after a size: what is counted ("1.5 million papers").
COUNTED_NOUN = regex.compile(  # not a rate: "events per second"
    r"\s++(?!(?:" + "|".join(_SIZE.parameters + _SIZE.not_counted) + r")\b)[a-z][a-z-]*+\b(?!\s++per\b)"
)
# A device word right after a memory size: "24GB GPU", "80GB of HBM".
DEVICE_AFTER = regex.compile(r"(?i:\b(?:" + "|".join(knowledge().hardware.memory.after) + r")\b)")  # hardware.toml [memory]
# "52% of improvement": a share of a change is still a change.
OF_CHANGE_NOUN = regex.compile(  # "of end-to-end speedups"; cues.toml [comparison] share_nouns
    r"(?i:\s*of\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(_CUES.comparison.share_nouns) + r")s?\b)"
)
# "2x on average", "3.1x faster on average": average stated within three words after the number.
AVERAGE_AFTER = regex.compile(r"\s*+(?:\S+\s++){0,3}?(?i:on\s+average|in\s+average|averaged)")
# The counts of a list: "16, 64 and 2,048".
COUNT = regex.compile(r"\d[\d,]*\d|\d")
RESPECTIVELY = regex.compile(r"(?i:\brespectively\b)")


@dataclass(frozen=True)
class _Where:
    """A quantity and the sentence holding it (offsets relative to the sentence)."""

    q: Quantity
    sentence: Sentence
    s: int  # start of the mention in the sentence
    e: int  # end of the mention in the sentence


class _SentenceClaims(NamedTuple):
    """What every claim of one sentence reads, worked out once for the sentence (see :func:`_claim`)."""

    text: str  # the abstract as written (the same offsets as the normalized text): claims quote it
    sentence: Sentence  # the sentence, normalized
    original: str  # the sentence as written
    ws: list[_Where]  # its claimed quantities, in order
    groups: list[tuple[int, int]]  # (index in its list, size of the list) of each (see :func:`_groups`)
    hardware: list  # the hardware it names, those named as compared against left out (see :func:`_not_compared`)
    workloads: list  # likewise the workloads it names
    fallback_hardware: str | None  # the hardware of its claims when it names none (see :class:`_FallbackHardware`)
    respectively: bool  # it says "respectively"
    own: OwnSystems  # the paper's own systems (ruling R16)


class _Place(NamedTuple):
    """One claimed quantity of a sentence and what surrounds it, worked out once for every field's resolver."""

    w: _Where
    i: int  # its position among the sentence's claimed quantities
    index: int  # its position in its list
    size: int  # the size of its list
    last: _Where  # the last member of its list
    lo: int  # its clause is [lo, hi) (a list of one unit: to its last member's clause end)
    hi: int
    prev_end: int  # where the quantity before it ends (0 for the first)
    next_start: int  # where the quantity after it starts (the sentence's end for the last)
    before_text: str  # the text before it, from the quantity before or its clause start
    prefer_before: bool  # "by", "of" or "to" right before it: the change is named before it


class _Made(NamedTuple):
    """What :func:`_claim` returns."""

    claim: Claim
    said: str  # the direction its words say (the members of its list share it)
    fields: dict[str, tuple] | None  # with ``explain``: (value, phrase, rule) of each field (see :func:`explain_claims`)


# ------------------------------------------------------------------ claims?


# The words "N out of M" needs: a sentence without them has no number of that form.
_OUT_OF_FILTER = prefilter_for(OUT_OF_AFTER)


def _plain_count(q: Quantity, sent: str, e: int, out_of_named: bool = True, found_named: bool = True) -> bool:
    """A plain integer with no unit that is not "N out of M": never a claim ("8 GPUs", "in 2023", "3 tasks").

    The quick form of what :func:`_is_claim` concludes for these, the most
    common numbers in abstracts, tested before anything else is computed.
    ``out_of_named`` False says the sentence cannot hold "out of" (see
    :func:`_claimed`): then no window needs looking at; ``found_named`` False, likewise,
    that it names nothing a system finds (:func:`_found_count`).

    >>> s = "We solve 20 out of 21 tasks on 8 GPUs."
    >>> [_plain_count(q, s, q.end) for q in find_quantities(s)]
    [False, True, True]
    """
    if not q.bare_count or q.unit:
        return False
    if found_named and _found_count(sent, q.start - (q.end - e), e):
        return False
    if _score_given(sent, q.start - (q.end - e)):
        return False
    if not out_of_named:
        return True
    after = sent[e : e + 80]
    return not (_OUT_OF_FILTER.may_match(after) and OUT_OF_AFTER.match(after))


@lru_cache(maxsize=1)
def _found_patterns() -> tuple[regex.Pattern, regex.Pattern, Prefilter]:
    """(a discovery verb right before a count, what was found after it, the nouns' prefilter): cues.toml [found]."""
    cues = knowledge().cues
    verbs = "|".join(cues.found_verbs)
    nouns = "|".join(cues.found_nouns)
    before = regex.compile(
        rf"(?i:\b(?:{verbs})\s++(?:(?:{'|'.join(cues.leading.found)})\s++)?$)"  # cues.toml [leading] found
    )
    after = regex.compile(rf"(?i:\s*+(?:[\w-]++\s++){{0,4}}?(?:{nouns})\b)")
    return before, after, prefilter_for(after)


def _score_given(sent: str, s: int) -> bool:
    """A whole number a score word gives, right before it: "reaches a Lichess blitz Elo of 2895" (a result).

    >>> t = "It reaches an Elo of 2895 on 8 GPUs."
    >>> _score_given(t, t.index("2895")), _score_given(t, t.index("8 GPUs"))
    (True, False)
    """
    window = sent[max(0, s - 40) : s]
    return _SCORE_GIVEN_FILTER.may_match(window) and bool(SCORE_GIVEN.search(window))


def _found_count(sent: str, s: int, e: int) -> bool:
    """A count of things the system found ("identified 597 0-day vulnerable authorizations"): a result.

    >>> t = "We identified 597 vulnerable authorizations in 4,838 apps."
    >>> _found_count(t, 14, 17), _found_count(t, 47, 52)
    (True, False)
    """
    before, after, nouns = _found_patterns()
    window = sent[e : e + 60]
    return nouns.may_match(window) and bool(after.match(window)) and bool(before.search(sent, max(0, s - 40), s))


def _claimed(sentence: Sentence, inside: list[Quantity], out_of: Prefilter = _OUT_OF_FILTER) -> list[_Where]:
    """The quantities of the sentence (``inside``, those within it) that are claims, in order.
    ``out_of``: the prefilter of OUT_OF_AFTER, or the same narrowed to the sentence's abstract."""
    sent, begin = sentence.text, sentence.start
    out_of_named = out_of.may_match(sent)  # a window of the sentence holds the words only if the sentence does
    found_named = _found_patterns()[2].may_match(sent)  # likewise the nouns of what a system found
    ws = []
    previous: Quantity | None = None  # the quantity before, if it was not a claim
    for q in inside:
        if q.from_to and previous is not None and previous.from_to:
            continue  # the "to" of "from X to Y" when X is setup: "a sampling fraction of 80% to 10%"
        previous = q
        if _plain_count(q, sent, q.end - begin, out_of_named, found_named):
            continue
        w = _Where(q, sentence, q.start - begin, q.end - begin)
        if _is_claim(w):
            ws.append(w)
            previous = None
    return ws


class _SetupChecks(NamedTuple):
    """The setup patterns of :func:`context.setup_patterns`, ready for :func:`_is_claim`."""

    before: regex.Pattern  # a setup cue right before the number, searched backwards
    before_filter: Prefilter  # its prefilter
    after: tuple[regex.Pattern, re.Pattern | None]  # a setup cue right after it, and its ASCII twin
    count_after: tuple[regex.Pattern, re.Pattern | None]  # a count of devices or model parts, and its twin


# A possessive quantifier or an atomic group in a pattern's source.
_POSSESSIVE_OR_ATOMIC = re.compile(r"[*+?}]\+|\(\?>")


@lru_cache(maxsize=1)
def _setup_checks() -> _SetupChecks:
    """The setup patterns, made once.

    The first (a cue right before the number: anchored at the end of the window, with no
    possessive or atomic part, so a match exists read either way) is searched backwards
    (``regex.REVERSE``): the search starts at the end, the one place a match can end,
    instead of trying every start: about twice as fast, the same answer. The two matched
    right after the number come with their ASCII twins (:func:`knowledge.ascii_twin`).
    """
    setup_before, setup_after, count_after = context.setup_patterns()
    # Read backwards only without possessive or atomic parts: those may match one way and not the other.
    possessive = _POSSESSIVE_OR_ATOMIC.search(setup_before.pattern)
    backwards = setup_before if possessive else regex.compile(setup_before.pattern, setup_before.flags | regex.REVERSE)
    return _SetupChecks(
        backwards, prefilter_for(setup_before), (setup_after, ascii_twin(setup_after)), (count_after, ascii_twin(count_after))
    )


@lru_cache(maxsize=1)
def _error_bar() -> regex.Pattern:
    """The sign of an error bar right before a number (cues.toml [setup] error_bar): "85.3% ± 0.3%" (R9)."""
    return regex.compile(r"(?:" + "|".join(knowledge().cues.setup.error_bar) + r")\s*+$")


def _for_text(patterns: tuple[regex.Pattern, re.Pattern | None], text: str):
    """The pattern to read ``text`` with: the ASCII twin for an ASCII text, when there is one."""
    pattern, twin = patterns
    return twin if twin is not None and text.isascii() else pattern


def _is_claim(w: _Where) -> bool:
    """The quantity is a claim (see :func:`not_a_claim`)."""
    return not_a_claim(w) is None


def _in_hardware_name(sent: str, w: _Where) -> bool:
    """The number is inside a hardware name, after its first word ("AMD EPYC 7763", "Xeon Platinum 8380"); a count
    at the start of one ("8 A100 GPUs") is not (see the device-count checks).

    >>> s = "On an AMD EPYC 7763, it is 5.2 times faster; 8 A100 GPUs reach 2.1x."
    >>> [(q.mention, _in_hardware_name(s, _Where(q, Sentence(0, s), q.start, q.end))) for q in find_quantities(s)]
    [('7763', True), ('5.2 times', False), ('8', False), ('2.1x', False)]
    """
    return any(start < w.s and w.e <= end for start, end, _ in _hardware_around(sent, w, 40, 12))


# A name's last word right before a unitless number: "AlpacaEval 2.0", "Llama 3.1" (a cheap test first).
NAME_BEFORE = regex.compile(r"[A-Za-z][\w-]*+\s$")


def _in_workload_name(sent: str, w: _Where) -> bool:
    """The number is the end of a workload's name ("on AlpacaEval 2.0": a version, not a score; a unit a list gave it aside).

    >>> s = "It reaches 35.8% on AlpacaEval 2.0 and a score of 8.3 on MT-Bench."
    >>> [(q.mention, _in_workload_name(s, _Where(q, Sentence(0, s), q.start, q.end))) for q in find_quantities(s)]
    [('35.8%', False), ('2.0', True), ('8.3', False)]
    """
    if not NAME_BEFORE.search(sent, max(0, w.s - 30), w.s):
        return False
    lo = max(0, w.s - 40)
    return any(lo + start < w.s and w.e <= lo + end for start, end, *_ in context.find_workloads(sent[lo : w.e + 12]))


def _hardware_around(sent: str, w: _Where, before: int, after: int) -> list[tuple[int, int, str]]:
    """Hardware named within ``before`` characters before the number and ``after`` after it, as (start, end, text)
    in the sentence: a bounded window, so a long sentence costs no more per number."""
    lo = max(0, w.s - before)
    return [(lo + start, lo + end, text) for start, end, text in context.find_hardware(sent[lo : w.e + after])]


def not_a_claim(w: _Where) -> str | None:
    """Why the quantity is not a claim (spec: "Not claims"), or None when it is one.

    >>> s = "We use 8 GPUs and 10-fold cross-validation and reach a 2x speedup."
    >>> [(q.mention, not_a_claim(_Where(q, Sentence(0, s), q.start, q.end))) for q in find_quantities(s)]
    [('8', 'a count of devices or model parts (R4)'), ('10-fold', 'cross-validation folds'), ('2x', None)]
    """
    q, sent = w.q, w.sentence.text
    problem = value_problem(float(q.value), q.unit, _canonical(float(q.value), q.unit))
    if problem:
        return f"{problem}: outside the dataset's range"  # "0x speedup", "200000%", "1e308 GB"
    # Bounded windows: slicing the rest of a long sentence for every number would be quadratic.
    before, after = sent[max(0, w.s - 80) : w.s], sent[w.e : w.e + 80]
    if q.kind != "word" and _in_hardware_name(sent, w):
        return "part of a hardware name (R4)"  # "an AMD EPYC 7763, 5.2 times faster": 7763 names the CPU
    if q.kind != "word" and _in_workload_name(sent, w):
        return "part of a benchmark's or model's name"  # "35.8% on AlpacaEval 2.0": the version of the benchmark
    checks = _setup_checks()
    setup_before, setup_filter = checks.before, checks.before_filter
    setup_after, count_after = _for_text(checks.after, after), _for_text(checks.count_after, after)
    if q.mention.lower().endswith("fold") and FOLDS_OF.match(after):
        return "cross-validation folds"  # "10-fold cross-validation", "ten-fold cross validation"
    if q.kind == "word":
        if q.direction and not _metric_word_near(sent, w):
            return "a number word with no metric near it (setup)"  # "doubling the batch size"; "doubles throughput" is a claim
        parts_before, parts_after = context.word_setup_patterns()  # "Our contribution is two-fold:", "double-precision"
        counts_parts = q.mention.lower().endswith("fold") and CLAUSE_END.match(after) and parts_before.search(before[-60:])
        if setup_after.match(after) or parts_after.match(after) or counts_parts:
            return "a number word that counts parts or names a format"
        return None
    window = before[-40:]
    if _error_bar().search(window):
        return "an error bar (R9)"
    if q.unit not in ("%", "pp") and count_after.match(after):
        return "a count of devices or model parts (R4)"  # "8 GPUs", "64 experts"; not "93.72% GPU memory savings"
    if (setup_filter.may_match(window) and setup_before.search(window)) or setup_after.match(after):
        return "a setup cue next to it (configuration, target or data size)"
    if q.unit in ("x", "%", "pp"):
        # "8x A100 GPUs" is a device count (R4).
        if q.unit == "x":
            hw = context.find_hardware(sent[w.e : w.e + 40])
            if hw and hw[0][0] <= 1:
                return "a device count (R4)"
        return None
    if q.unit in knowledge().cues.governed_units and not _metric_word_near(sent, w):
        return "a length with no metric word near it (the size of a setup)"  # "whose radius is 1 kilometer"
    if q.unit in _counted_units():
        reached = REACH.search(before[-60:]) or _count_result().search(before[-60:])
        return None if reached else "a count not presented as what the system reaches or needs (R5)"
    if q.unit in _metric_by_unit():
        if q.unit == "points":  # "improves mAP by 2.3 points", "an improvement of 3.4 points"; not "1000 points"
            by_change = BY_ONLY.search(before[-40:]) and _change_word_near(sent, w, reach=80)  # "improving over X by 3.1 points"
            # (a later member of a list reaches back to the change word of the list's first: "by 12.0 and 8.4 points")
            listed = LIST_MEMBER_BEFORE.search(before[-60:]) and _change_word_near(sent, w, reach=100)
            # ... or a comparison verb's "by" ("surpassing X and Y by 7.2 points", "trailing X by only 1.2 points"),
            # or a comparison right after ("10.3 points above training on MetaMathQA")
            compared = OUTPERFORMS_BY.search(before[-80:]) or TRAILS_BY.search(before[-80:]) or POINTS_COMPARED.match(after)
            return None if SCORE_WORDS.search(before[-40:]) or _change_word_near(sent, w) or by_change or listed or compared else "points with no score or change word near"
        if _metric_by_unit()[q.unit] == "memory" and _next_to_hardware(sent, w):
            return "the memory of a device (hardware, R4)"
        return None
    if q.unit:  # another pint unit or an unparsed one kept as ""
        return None
    # Unitless from here on.
    if q.bare_count:
        if YEAR.match(q.mention):
            return "a year"
        return None if OUT_OF_AFTER.match(after) or _found_count(sent, w.s, w.e) or _score_given(sent, w.s) else "a plain count"
    mention = q.mention
    if ADJECTIVE_SIZE.search(mention) and LOWER_WORD.match(after) and not REACH.search(before[-60:]):
        return "a size naming a model, not reached (R5)"  # "we train a 270M parameter transformer"
    if SIZE_WORDS.search(mention):
        reach = REACH.search(before[-60:])
        if reach and reach.group("verb") is None and not PARAMETER_WORDS.search(mention) and COUNTED_NOUN.match(after):
            return "a count of things, not a size the system reaches (R5)"  # "analyze over 1.5 million papers"
        return None if reach else "a size studied or used, not reached (R5)"
    # A decimal with no unit: a score only when a score word is near (or after the list it opens: "by 6.2 and 4.3 mIoU";
    # or, for a later member of a list, before its first: "an AUROC of 0.87, compared with 0.74 for X and 0.68 for Y").
    if SCORE_WORDS.search(before[-60:]) or SCORE_WORDS.match(after.lstrip()[:20]) or SCORE_WORDS.match(after, LIST_REST.match(after).end()):
        return None
    if LIST_MEMBER_BEFORE.search(before[-60:]) and SCORE_WORDS.search(sent, max(0, w.s - 140), w.s):
        return None
    # ... or a score on a named benchmark: "achieves 83.1 on MT-Bench"
    if on_benchmark(sent, w.e, min(len(sent), w.e + 60)):
        return None
    # ... or a ratio that a metric's name gives it: "a compression ratio of 5.3", "a scaling efficiency of 0.94"
    given = given_for(sent, w.s) if not NAME_PART.match(sent, max(0, w.s - 1), w.s) else None  # not "Llama2-7B-128K"
    if given is not None and given.metric != "scale" and GIVING_WORD.search(sent, given.end, w.s):  # not "sparsity factor 0.5"
        return None
    return "a number with no unit and no score word near it"


@lru_cache(maxsize=1)
def _counted_units() -> frozenset[str]:
    """Units that count things (cues.toml [counted]): "250 samples" is a claim only when reached (R5)."""
    return frozenset(knowledge().cues.counted_units)


@lru_cache(maxsize=1)
def _count_result() -> regex.Pattern:
    """A word before a count that makes it a result (cues.toml [counted] result_before), a few words at most before it."""
    words = "|".join(knowledge().cues.counted_result_before)
    return regex.compile(rf"(?i:\b(?:{words})\s++(?:[\w$]++\s++){{0,6}}$)")


def _canonical(value: float, unit: str) -> float | None:
    """The value in its unit's canonical unit, or None for a unit pint does not know."""
    try:
        return units.canonical(value, unit)[0]
    except units.UnitError:
        return None


def _metric_word_near(sent: str, w: _Where, reach: int = 40) -> bool:
    lo, hi = _clause_bounds(sent, w.s, w.e)
    lo, hi = max(lo, w.s - reach), min(hi, w.e + reach)
    return any(e <= hi for s, e, _ in context.within(context.keyword_hits(sent), lo, hi))


def _change_word_near(sent: str, w: _Where, reach: int = 30) -> bool:
    return any(e <= w.e + reach for s, e, _ in context.within(context.change_hits(sent), w.s - reach, w.e + reach))


# Between a size and a device named near it, where the size was measured: "22 GB on an A100" (hardware.toml [memory]).
MEASURED_ON = regex.compile(r"(?i:\b(?:" + "|".join(knowledge().hardware.memory.measured_on) + r")\b)")
# A device described by its memory right before the size: "a single GPU with 24GB memory".
DEVICE_WITH = regex.compile(  # hardware.toml [memory] device_with
    r"(?i:\b(?:" + "|".join(knowledge().hardware.memory.device_with) + r")\s++with\s++(?:only\s++|just\s++)?$)"
)


def _next_to_hardware(sent: str, w: _Where) -> bool:
    """A memory size that belongs to a device ("A100-80GB", "24GB GPU", "80GB of HBM", "a GPU with 24GB memory",
    "an A100 (80 GB)"); not a size measured on one ("from 80 GB to 22 GB on an A100").

    >>> s = "It runs on a single GPU with 24GB memory and cuts memory to 12 GB."
    >>> [_next_to_hardware(s, _Where(q, Sentence(0, s), q.start, q.end)) for q in find_quantities(s)]
    [True, False]
    >>> s = "On the A100 40GB, it cuts the footprint from 30 GB to 9 GB on an H100 GPU."
    >>> [_next_to_hardware(s, _Where(q, Sentence(0, s), q.start, q.end)) for q in find_quantities(s)]
    [True, False, False]
    """
    after = DEVICE_AFTER.search(sent[w.e : w.e + 20])
    if (after and not MEASURED_ON.search(sent, w.e, w.e + after.start())) or DEVICE_WITH.search(sent, max(0, w.s - 40), w.s):
        return True
    for start, end, _ in _hardware_around(sent, w, 25, 25):
        gap = sent[end : w.s] if end <= w.s else sent[w.e : start] if start >= w.e else ""
        if not MEASURED_ON.search(gap):
            return True
    return False


@lru_cache(maxsize=1)
def _written_unitless() -> frozenset[str]:
    """Units known to the extractor that pint does not parse, written as "" (R11): TOPS/W, MAC/clk."""
    return frozenset(knowledge().units.written_unitless)


@lru_cache(maxsize=1)
def _metric_by_unit() -> dict[str, str]:
    return dict(knowledge().metrics.by_unit)


# ------------------------------------------------------------------ fields


def _nearest_hit(hits, s: int, e: int, lo: int, hi: int, prefer_before: bool) -> tuple[int, int, str] | None:
    """The hit nearest to [s, e) within [lo, hi); ties go to the preferred side."""
    best, best_key = None, None
    for hit in hits:
        hs, he = hit[0], hit[1]
        if hs < lo or he > hi or (hs < e and s < he):
            continue
        if hs >= e:
            dist = (hs - e) * (3.0 if prefer_before else 0.7)
        else:
            dist = (s - he) * 1.0
        key = (dist, hs)
        if best_key is None or key < best_key:
            best, best_key = hit, key
    return best


def _nearest(hits, s: int, e: int, lo: int, hi: int, prefer_before: bool) -> str | None:
    """The label of the hit nearest to [s, e) within [lo, hi); ties go to the preferred side."""
    hit = _nearest_hit(hits, s, e, lo, hi, prefer_before)
    return hit[2] if hit else None


# What joins two coordinated metric keywords: "energy and latency", "latency or energy", "latency/energy".
COORDINATED = regex.compile(r"\s*+(?:,\s*+)?(?:and|or|&)\s++|\s*+/\s*+")


def _first_coordinated(hits, hit: tuple[int, int, str], sent: str, lo: int) -> tuple[int, int, str]:
    """The first of the keywords (from ``lo`` on) coordinated with ``hit`` ("A and B", "A, B or C",
    "A/B"), the one before ``hit`` joined by a conjunction or slash (R17: one number that covers two
    metrics is read under the first metric named). A comma alone does not coordinate: "At the same
    accuracy, latency drops by 30%" names latency.

    >>> sent = "energy and latency decrease up to 87%"
    >>> _first_coordinated(context.keyword_hits(sent), (11, 18, "latency"), sent, 0)
    (0, 6, 'energy')
    >>> sent = "At the same accuracy, latency drops by 30%"
    >>> _first_coordinated(context.keyword_hits(sent), (22, 29, "latency"), sent, 0)
    (22, 29, 'latency')
    """
    at = hits.index(hit)
    joined = COORDINATED  # the gap right before ``hit`` needs a conjunction; earlier ones may be commas
    while at > 0 and lo <= hits[at - 1][0] and joined.fullmatch(sent, hits[at - 1][1], hits[at][0]):
        at, joined = at - 1, LIST_SEP
    return hits[at]


def _respectively_metric(sc: _SentenceClaims, p: _Place, reach: int = 120) -> tuple[int, int, str] | None:
    """The index-th of as many metrics named before a list as it has members, when the
    sentence says "respectively": "in latency and GPU utilization by 33.5% and 20.1%, respectively".
    None when a metric word follows the list itself ("2x and 3x speedup ..., respectively")."""
    ws, i, index, size, sent = sc.ws, p.i, p.index, p.size, sc.sentence.text
    first, last = ws[i - index], p.last
    hits = context.keyword_hits(sent)
    if any(e <= last.e + 20 for s, e, _ in context.within(hits, last.e, last.e + 20)):
        return None
    named = [hit for hit in context.within(hits, first.s - reach, first.s) if hit[1] <= first.s][-size:]
    if len(named) == size and len({label for _, _, label in named}) == size:
        return named[index]
    return None


def _respectively_qualifier(sc: _SentenceClaims, p: _Place, reach: int = 60) -> str | None:
    """The qualifier of the index-th member when adjectives before a "respectively" list qualify its
    members in turn: "median and maximum speedups of 45x and 6150x for GPU and 17x and 3403x for CPU"."""
    index, size = p.index, p.size
    first = sc.ws[p.i - index]
    named = [q for s, e, q in context.list_qualifier_hits(sc.sentence.text[max(0, first.s - reach) : first.s])]
    if len(named) > 1 and size % len(named) == 0:
        return named[index % len(named)]
    return None


def _metric(p: _Place) -> Attribution:
    """The metric of a claim and the phrase it was read from (see :mod:`metric`). A number alone over two
    coordinated metrics takes the first named (R17: "energy and latency decrease up to 87%" -> energy)."""
    w, lo = p.w, p.lo
    found = attribute(w.sentence.text, w.s, w.e, w.q.unit, w.q.mention, lo, p.hi, p.last.e)
    if p.size == 1 and found.rule in ("by", "before"):
        hits = context.within(context.keyword_hits(w.sentence.text), max(lo, w.s - context.WINDOW), w.s)
        hit = (found.start, found.end, found.metric)
        if hit in hits:
            first = _first_coordinated(hits, hit, w.sentence.text, lo)
            if first != hit:
                return Attribution(first[2], first[0], first[1], found.rule)
    return found


@lru_cache(maxsize=1)
def _qualifier_checks() -> tuple[tuple[tuple[str, regex.Pattern, re.Pattern | None, Prefilter], ...], regex.Pattern, Prefilter]:
    """((qualifier, pattern, its ASCII twin, its prefilter) for each qualifier cue before a number,
    the average pattern, its prefilter): looked up once, not for every claim."""
    cues = tuple(
        (qualifier, pattern, ascii_twin(pattern), prefilter_for(pattern)) for qualifier, pattern in context.qualifier_patterns()
    )
    average = context.average_pattern()
    return cues, average, prefilter_for(average)


def _qualifier(p: _Place) -> str:
    """The qualifier the cues before the number (since the quantity before) or right after it say."""
    w, before_text, hi = p.w, p.before_text, p.hi
    window = before_text[-40:]
    cues, average, average_filter = _qualifier_checks()
    lowered = window.lower() if window.isascii() else None  # lower-cased once for every cue's prefilter
    for qualifier, pattern, twin, prefilter in cues:
        if lowered is None:
            if pattern.search(window):
                return qualifier
        elif prefilter.may_match_lowered(lowered) and (twin or pattern).search(window):
            return qualifier
    if PLUS_AFTER_DIGITS.search(w.q.mention):
        return "at_least"  # "10+%", "$100K+", "10K+ hours"
    sent = w.sentence.text
    # "average" before the number (since the previous one) or "on average" right after it.
    if (
        (average_filter.may_match(before_text) and average.search(before_text))
        or average.match(sent, w.e + 1, min(hi, w.e + 25))
        or _average_after(sent[w.e : min(hi, w.e + 40)])
    ):
        return "average"
    return "none"


# The words "on average" after a number needs.
_AVERAGE_AFTER_FILTER = prefilter_for(AVERAGE_AFTER)


def _average_after(after: str) -> bool:
    """"On average" within three words after the number (the text after it, ``after``).

    >>> _average_after(" faster on average"), _average_after(" faster than vLLM")
    (True, False)
    """
    return _AVERAGE_AFTER_FILTER.may_match(after) and bool(AVERAGE_AFTER.match(after))


# "to" (and a qualifier) right before a percentage that a change verb governs: the level reached, not the change.
TO_LEVEL = regex.compile(
    r"(?i:(?<!\bup\s)(?<!\bclose\s)(?<!\bcompared\s)\bto\s++(?:(?:" + "|".join(_LEADING.to_level) + r")\s++)?[~+]?$)"
)


def _change(p: _Place) -> str:
    """The direction the change words linked to the number say (see :func:`_change_field`)."""
    w, prefer_before, lo, hi, prev_end, next_start = p.w, p.prefer_before, p.lo, p.hi, p.prev_end, p.next_start
    group_end, last_unit = p.last.e, p.last.q.unit
    q, sent = w.q, w.sentence.text
    if q.direction:
        return q.direction
    if q.from_to:
        return "none"
    after = sent[w.e : w.e + 80]
    # "less than", "more than" right before the number are its qualifier, not a change: "an error rate of less than 1.5%"
    lo, hi = max(lo, w.s - context.WINDOW), min(hi, w.e + context.WINDOW)  # bounded per number
    hits = [
        h for h in context.within(context.change_hits(sent), lo, hi)
        if not (w.s - QUALIFIER_REACH <= h[0] and h[1] <= w.s and QUALIFIER_THAN.fullmatch(sent, h[0], w.s))
    ]
    # The word right after a list's last member speaks for every member that says nothing itself: "2x, 3x, and 5x slower",
    # "30% and 50% lower latency" (``last_unit``: that member's unit; a list of other units shares no word).
    list_word = None
    if group_end and group_end > w.e and last_unit == q.unit:
        of_noun = OF_CHANGE_NOUN.match(sent, group_end, group_end + 60)  # "9.3% and 17.5% of end-to-end speedups"
        reach = of_noun.end() if of_noun else group_end + 1
        list_word = next((h[2] for h in hits if group_end <= h[0] <= reach), None)
    # "By" right before the number: the verb it completes says ("reduces footprint by up to 19x"), looked at once.
    by_before = _by_before(sent, lo, w.s)
    by_verb = _governing_change(hits, sent, max(lo, prev_end), w.s) if by_before else None
    if q.unit == "x":
        return by_verb or _nearest(hits, w.s, w.e, lo, hi, prefer_before) or list_word or "increase"
    percent = q.unit in ("%", "pp")
    if sent[max(0, w.s - 1) : w.s] == "+":
        return "increase"  # "+24%", "(+4.3 points)", "+1.2 BLEU"
    if TRAILS_BY.search(sent, max(lo, w.s - 80), w.s):
        return "decrease"  # "trails 16-bit LoRA by only 1.1 points"
    compared_points = POINTS_COMPARED.match(sent, w.e) if q.unit == "points" else None
    if compared_points:
        return "increase" if compared_points.group("up") else "decrease"  # "10.3 points above X"
    adjacent = [h for h in hits if w.e <= h[0] <= w.e + 1]
    if percent and adjacent:
        return adjacent[0][2]  # "uses 50% less memory", "30% lower latency": the word right after says
    # A verb right before a percentage: "reduce 95% energy cost", "removed up to 58% of FLOPs".
    # (not one that follows the previous figure across "and": "1.61x runtime improvement and 37% energy reduction")
    verb = [
        h for h in hits
        if h[1] <= w.s and h[0] >= max(lo, w.s - 30, prev_end) and not (prev_end and CONJUNCT_BREAK.search(sent, h[1], w.s))
    ]
    if percent and verb:
        if TO_LEVEL.search(sent, max(0, w.s - 30), w.s):
            return "none"  # "coverage grows to over 95%", "accuracy improves to 91%": the level reached, absolute (R12)
        return by_verb or max(verb)[2]
    if percent and OUTPERFORMS_BY.search(sent[max(lo, w.s - 80, prev_end) : w.s]):
        return "increase"  # "outperforms the 1F1B schedule (by) up to 23%": the comparison is the change
    if percent and SHARE_AFTER.match(after) and not OF_CHANGE_NOUN.match(after):
        return "none"  # a share: "52% of peak"
    if percent and by_verb:  # "reduces the footprint by 80% with a negligible increase": the verb, not "increase"
        return by_verb
    # Otherwise a percentage or an absolute quantity is a change only when linked to a change word:
    # right after it ("30% lower latency") or before it through "by" ("reduces latency by 30%").
    window_end = min(hi, next_start, w.e + (45 if percent else 20))
    # (not across a comma: "45.2% accuracy on MMLU, surpassing GPT-3.5 by 3.1 points" is an absolute score)
    # (nor across "and"/"or": "cuts job completion time by up to 62% and improves utilization" is a new conjunct)
    after_hits = [
        h for h in hits
        if h[0] >= w.e and h[1] <= window_end and "," not in sent[w.e : h[0]] and not CONJUNCT_BREAK.search(sent, w.e, h[0])
    ]
    if after_hits and percent:
        return min(after_hits)[2]
    # Form "N <unit or score name> <comparative> than X": an absolute figure compared ("1.5 points higher than
    # Llama-2", "4.5 BLEU higher than the previous best", "12 ms lower than vLLM"): the comparative says.
    compared = [h for h in after_hits if THAN_AFTER.match(sent, h[1])]
    if compared:
        return compared[0][2]
    # Form "N <unit> in <change noun>": the noun says ("35,000 GPU hours in savings": a decrease).
    noun = IN_CHANGE_NOUN.match(sent, w.e)
    said = [h for h in hits if noun and h[0] == noun.end()]
    if said:
        return said[0][2]
    if by_before:  # (from the clause's start, past an earlier figure: "..., and latency by 30 ms")
        governing = _governing_change(hits, sent, lo, w.s)
        if governing:
            return governing
    return (percent and list_word) or "none"


# Where a clause's conjuncts meet: "X and Y", "X, Y", "X or Y".
CONJUNCT_SPLIT = regex.compile(r",|\b(?:and|or)\b")


def _governing_change(hits, sent: str, lo: int, s: int) -> str | None:
    """The direction of the verb that "by" before the number at ``s`` completes ("V the X by N"): the first
    change word of the last conjunct (split at "and", "or", commas) between ``lo`` and ``s`` that holds one.
    The verb comes before the nouns of its object, which may be change words of their own ("overhead",
    "throughput", "savings").

    Form "<verb> <object naming a change> by N": "reduces the memory overhead by up to 8x" (decrease, not the
    increase of "overhead"), "cuts the scheduling overhead by 40%"; but "improves throughput and reduces
    memory by 30%" (the last conjunct's "reduces").

    >>> s = "It reduces the activation memory overhead by up to 8x."
    >>> _governing_change(context.change_hits(s), s, 0, s.index("8x"))
    'decrease'
    >>> s = "It improves throughput and reduces memory by 30%."
    >>> _governing_change(context.change_hits(s), s, 0, s.index("30"))
    'decrease'
    """
    before = [h for h in hits if lo <= h[0] and h[1] <= s]
    if not before:
        return None
    breaks = [m.end() for m in CONJUNCT_SPLIT.finditer(sent, lo, s)]
    for cut in reversed(breaks):
        tail = [h for h in before if h[0] >= cut]
        if tail:
            return tail[0][2]
    return before[0][2]


def _by_before(sent: str, lo: int, s: int) -> bool:
    """"By" right before the number at ``s`` ("reduces latency by 30%"), or a change noun and "of"
    ("a reduction of 30%"), within its clause (from ``lo``). Looked at only where :func:`_change` needs it.

    >>> s = "It reduces latency by up to 30%."
    >>> _by_before(s, 0, s.index("30")), _by_before(s, s.index("up"), s.index("30"))
    (True, False)
    """
    window = sent[max(lo, s - 40) : s]
    return bool(BY_ONLY.search(window) or CHANGE_NOUN_OF.search(window))


def _respectively_names(sent: str, found, count: int):
    """The ``count`` names a "respectively" list of ``count`` figures is compared with, in turn: a list that
    starts with the baseline phrase ``found`` ("than vLLM, Orca, and TGI"), or the names given as examples
    right after it ("compilers like Triton and Ladder, as well as kernels such as QuantLLM and Marlin, our
    VM achieves 1.75x, 2.61x, 1.29x, and 1.03x"). None when neither gives ``count``."""
    listed = context.phrase_list(sent, found, count)
    if listed:
        return listed
    examples = context.example_names(sent, found)  # the examples right after the compared kind itself
    if len(examples) != count:
        return None
    # Examples of benchmarks, models or devices are what was run, not what was beaten.
    ran = [w[:2] for w in context.find_workloads(sent)] + [h[:2] for h in context.find_hardware(sent)]
    return None if any(s < n[1] and n[0] < e for n in examples for s, e in ran) else examples


# A description in lower case and the name it introduces: "three leading inference systems DeepSpeed Zero-Inference".
DESCRIBED_NAME = regex.compile(r"(?:[a-z0-9][\w-]*+\s++)++(?P<name>(?:[A-Z]|[a-z]++[A-Z])[\w.+-]*+(?:\s++[A-Z0-9][\w.+-]*+)*+)")  # "vLLM" too


def _named_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of the name a list's first item introduces, without the description before it.

    >>> t = "over three leading systems DeepSpeed Zero-Inference, Accelerate, and FlexGen"
    >>> s, e = _named_tail(t, (5, t.index(",")))
    >>> t[s:e]
    'DeepSpeed Zero-Inference'
    """
    m = DESCRIBED_NAME.fullmatch(text, span[0], span[1])
    return (m.start("name"), m.end("name")) if m else span


def _respectively_pick(phrase: str, index: int, count: int) -> str:
    """The index-th item of "A, B, and C" when the sentence says "respectively"."""
    items = [p.strip() for p in context.LIST_SPLIT.split(phrase) if p and p.strip()]
    if len(items) == count:
        return items[index]
    return phrase


def _groups(ws: list[_Where], text: str) -> list[tuple[int, int]]:
    """(index in its list, size of the list) of each of a sentence's quantities, worked out in one pass.

    >>> s = "It is 2x, 3x and 5x faster, and uses 30% less memory."
    >>> _groups([_Where(q, Sentence(0, s), q.start, q.end) for q in find_quantities(s)], s)
    [(0, 3), (1, 3), (2, 3), (0, 1)]
    """
    sep = LIST_GAP_ASCII if text.isascii() else LIST_GAP
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(ws) + 1):
        if i == len(ws) or not sep.match(text[ws[i - 1].e : ws[i].s]):
            out.extend((k, i - start) for k in range(i - start))
            start = i
    return out


def _nearest_span(spans, s: int, e: int, exclude: tuple[int, int] | None = None):
    """The span nearest to [s, e), skipping any inside ``exclude``."""
    best, best_d = None, None
    for span in spans:
        hs, he = span[0], span[1]
        if exclude and hs >= exclude[0] and he <= exclude[1]:
            continue
        d = hs - e if hs >= e else s - he
        if best_d is None or d < best_d:
            best, best_d = span, d
    return best


# A sentence that opens by pointing back at the previous figure: "This number can be further pushed to 31%".
ANAPHORA = regex.compile(  # cues.toml [anaphora]
    r"(?i:(?:" + "|".join(knowledge().cues.anaphora_determiners) + r")\s++(?:" + "|".join(knowledge().cues.anaphora_nouns) + r")s?\b)"
)


def extract_claims(paper: Paper, trace: list[dict] | None = None) -> list[Claim]:
    """Every claim in the paper's abstract, in order of position.

    ``trace``, when given, receives one record per number found, in order: its mention, whether it is a
    claim and why not, and for a claim the value, phrase and rule that decided each field (see
    :func:`explain_claims`)."""
    text = paper.abstract
    norm = normalize(text)
    sentences = split_sentences(norm)
    quantities = find_quantities(norm)
    starts = [q.start for q in quantities]
    fallback = _FallbackHardware(sentences)
    own = OwnSystems(paper.title, norm, lambda: _own_platforms(sentences))
    out_of = _OUT_OF_FILTER.within(norm)  # a sentence holds no word of "out of" the abstract lacks
    claims: list[Claim] = []
    for n, sentence in enumerate(sentences):
        begin, end = sentence.start, sentence.start + len(sentence.text)
        # Quantities are sorted by start: those starting in the sentence, if they also end in it.
        inside = [q for q in quantities[bisect_left(starts, begin) : bisect_left(starts, end)] if q.end <= end]
        if not inside:
            continue
        ws = _claimed(sentence, inside, out_of)
        background = bool(ws) and context.is_background(sentence.text)
        if trace is not None:
            _trace_numbers(trace, sentence, inside, ws, background)
        if not ws or background:
            continue
        hardware = context.find_hardware(sentence.text)
        fallback_hardware = None if hardware else fallback.of_sentence(n)
        # Names introduced as what is compared against ("compared to Megatron-LM") are baselines:
        # neither the hardware nor the workload of a claim. Told once for all the sentence's claims.
        hardware = _not_compared(sentence.text, hardware)
        workloads = _not_compared(sentence.text, context.find_workloads(sentence.text))
        respectively = bool(RESPECTIVELY.search(sentence.text))
        groups = _groups(ws, sentence.text)  # each quantity's place in its list, found once
        sc = _SentenceClaims(text, sentence, text[sentence.start : sentence.end], ws, groups, hardware, workloads,
                             fallback_hardware, respectively, own)
        heads: dict[int, tuple[Claim, str]] = {}  # the first claim of each list, by index, and the change its words say
        made: list[Claim] = []
        whys = [] if trace is None else [next(r for r in trace if r["start"] == w.q.start)["fields"] for w in ws]
        for i in range(len(ws)):
            index = groups[i][0]
            one = _claim(sc, i, prev=made[-1] if made else None, head=heads.get(i - index) if index > 0 else None,
                         explain=trace is not None)
            if index == 0:
                heads[i] = (one.claim, one.said)
            if whys:
                whys[i].update(one.fields)
            made.append(one.claim)
        made = _parallel_lists(ws, made, sentence.text, groups) if respectively else made
        if claims and ANAPHORA.match(sentence.text):
            made = _anaphora(made, claims[-1], whys)
        claims.extend(made)
    return claims


def _anaphora(made: list[Claim], previous: Claim, whys: list[dict]) -> list[Claim]:
    """The claims of a sentence that opens with "This number ..." that name no metric take the previous claim's.

    >>> ab = "It reaches 23% higher throughput. This number can be further pushed to 31% with more memory."
    >>> [(c.mention, c.metric) for c in extract_claims(Paper("T", ab, "x"))]
    [('23%', 'throughput'), ('31%', 'throughput')]
    """
    out = []
    for k, claim in enumerate(made):
        if claim.metric == "other" and previous.metric != "other":
            claim = replace(claim, metric=previous.metric, metric_phrase=previous.metric_phrase)
            if whys:
                whys[k]["metric"] = (claim.metric, claim.metric_phrase, "anaphora: the previous sentence's figure")
        out.append(claim)
    return out


def _trace_numbers(trace: list[dict], sentence: Sentence, inside: list[Quantity], ws: list[_Where], background: bool) -> None:
    """Add a record to ``trace`` for each number of the sentence: a claim (with an empty ``fields`` for
    :func:`_claim` to fill) or the reason it is not one."""
    claimed = {w.q.start for w in ws}
    for q in inside:
        w = _Where(q, sentence, q.start - sentence.start, q.end - sentence.start)
        if q.start in claimed:
            reason = "a background sentence about the field (R7)" if background else None
        else:
            reason = not_a_claim(w) or ("the other end of a from-to pair that is not a claim" if q.from_to else "a plain count")
        trace.append({"mention": q.mention, "start": q.start, "sentence": sentence.text, "claim": reason is None,
                      "reason": reason, "fields": {}})


def explain_claims(paper: Paper) -> list[dict]:
    """Each number of the abstract, whether it is a claim and why not, and for a claim each field's
    value, the phrase it was read from (where one phrase decided it) and the rule that decided it.

    >>> [r for r in explain_claims(Paper("T", "It uses 8 GPUs and cuts latency by 30%.", "x"))][1]["fields"]["metric"]
    ('latency', 'latency', 'by')
    >>> explain_claims(Paper("T", "It uses 8 GPUs and cuts latency by 30%.", "x"))[0]["reason"]
    'a count of devices or model parts (R4)'
    """
    trace: list[dict] = []
    extract_claims(paper, trace)
    return trace


def _parallel_lists(ws: list[_Where], made: list[Claim], sent: str, groups: list[tuple[int, int]]) -> list[Claim]:
    """The claims of a sentence, where a "respectively" list of figures of different units that names no metric
    of its own reads as the figures right before it, as many and of the same units in turn: "an average 1.61x runtime improvement
    and 37% energy reduction compared to a standard emulation library, while the native FPU support reaches
    up to 32.09x and 99%, respectively" -> 99% is an energy reduction too (its metric; the change and the
    baseline it lacks)."""
    out = list(made)
    hits = context.keyword_hits(sent)
    start = 0
    while start < len(ws):
        size = groups[start][1]
        first, last = ws[start], ws[start + size - 1]
        named = bool(context.within(hits, first.s - 40, last.e + 61))  # the list names its metrics, maybe after "respectively"
        units = [w.q.unit for w in ws[start : start + size]]
        # Only a tuple of different units ("32.09x and 99%") is surely the same measures as the figures before it.
        if size > 1 and start >= size and not named and len(set(units)) > 1:
            if [w.q.unit for w in ws[start - size : start]] == units:
                for k in range(size):
                    model, claim = out[start - size + k], out[start + k]
                    out[start + k] = replace(
                        claim,
                        metric=model.metric,
                        metric_phrase=model.metric_phrase,
                        change=model.change if claim.change == "none" else claim.change,
                        baseline=claim.baseline or model.baseline,
                    )
        start += size
    return out


def _place(sc: _SentenceClaims, i: int) -> _Place:
    """Where the sentence's i-th claimed quantity stands, worked out once for all its fields."""
    ws, w, sent = sc.ws, sc.ws[i], sc.sentence.text
    lo, hi = _clause_bounds(sent, w.s, w.e)
    prev_end = ws[i - 1].e if i > 0 else 0
    by_window = sent[max(0, w.s - 40) : w.s]
    prefer_before = bool((BY_BEFORE_ASCII if by_window.isascii() else BY_BEFORE).search(by_window))
    index, size = sc.groups[i]
    last = ws[i + size - index - 1]  # the last member of the list this quantity belongs to
    if index < size - 1 and last.q.unit == w.q.unit:
        # A list of one unit is one phrase: its clause runs to its last member's ("30%, 40%, and 50% lower latency").
        hi = max(hi, _clause_bounds(sent, last.s, last.e)[1])
    next_start = ws[i + 1].s if i + 1 < len(ws) else len(sent)
    return _Place(w, i, index, size, last, lo, hi, prev_end, next_start, sent[max(prev_end, lo) : w.s], prefer_before)


def _claim(sc: _SentenceClaims, i: int, *, prev: Claim | None, head: tuple[Claim, str] | None, explain: bool = False) -> _Made:
    """The claim of quantity ``sc.ws[i]``, every field decided, read after ``prev`` (the claim before it in
    the sentence) and ``head`` (the first claim of its list and the change its words say, for a later
    member). With ``explain``, the result also says the rule that decided each field (see :func:`explain_claims`)."""
    p = _place(sc, i)
    w, sent, original = p.w, sc.sentence.text, sc.original
    head_claim, head_change = head if head is not None else (None, None)
    found, metric, phrase, metric_rule = _metric_field(sc, p, prev, head_claim)
    qualifier, qualifier_rule = _qualifier_field(sc, p, prev, head_claim)
    change, change_rule = _change_field(sc, p, found, prev)
    unit = "pp" if w.q.unit == "%" and _absolute(sent, w) else "" if w.q.unit in _written_unitless() else w.q.unit  # R14, R11
    # A list member that says nothing itself is read with its list's change ("by an average of 9.16% and 13.7%").
    listed = head_claim.change if change == "none" and head_claim is not None and head_claim.unit == unit else change
    settled = settle(
        metric, unit, listed,
        only_better=only_says_better(sent, found) and not SHARE_AFTER.match(sent[w.e : w.e + 10]),
        # (the two lookups are made only for the claims whose form asks them: not on every claim's path)
        better_said=metric == "latency" and w.q.unit == "x" and change == "increase" and _better_said(sent, p.lo, w, found),
        share_of_system=metric == "throughput" and w.q.unit == "%" and change == "none" and bool(context.share_of(sent, w.e)),
    )
    if settled:
        metric, metric_rule = settled
    if head_claim is not None and head_claim.unit == unit and change != head_change:
        # No new cue inside the list nor right after the member: "speed-ups of 4.53x in A, ..., and 2.51x in B
        # without degrading FID", "a reduction of up to 79% in memory usage and 72% in prediction time".
        head_end = head_claim.end - w.sentence.start
        if not any(e <= w.e + 20 for s, e, _ in context.within(context.change_hits(sent), head_end, w.e + 20)):
            change, change_rule = head_change, "list: its first member's words"
    said = change  # the direction the words say, which the members of a list share
    if head_claim is not None and head_claim.metric == metric and change == head_change:
        change = head_claim.change  # a list shares its first member's reading: "improves latency by 30%, 40%, and 50%"
    elif (
        change == "increase" and w.q.unit != "x" and (metric in _lower_is_better() or _time_phrase(phrase))
        and _better_of_less(sent, p.lo, w.s, metric)
    ):  # "improves latency by 30%", "improved overall execution time by 16%" (R13, R21)
        change, change_rule = "decrease", "R21: better of a metric where less is better"
    baseline, baseline_span, compared_span, baseline_rule = _baseline_field(sc, p, change, prev)
    if metric == "utilization" and baseline_rule.startswith("R15"):
        # R15: a share of a hardware peak has no baseline ("76% of the P100's 732 GB/s peak memory bandwidth")
        baseline, baseline_span, baseline_rule = None, None, "R15: a share of a hardware peak, no baseline"
    hw, hardware_rule = _hardware_field(sc, p, baseline_span)
    turned = _turned_around(sc, p, metric, change, baseline, baseline_span, hw)
    if turned is not None:
        change, baseline, baseline_span, hw = turned
        change_rule = baseline_rule = hardware_rule = "R16: turned to the paper's side"
    workload, workload_rule = _pick_workload(sc, p, metric, compared_span or baseline_span)
    start, end = w.q.start, w.q.end
    claim = Claim(
        mention=sc.text[start:end],
        start=start,
        end=end,
        value=float(w.q.value),
        value_low=None if w.q.value_low is None else float(w.q.value_low),
        unit=unit,
        metric=metric,
        qualifier=qualifier,
        change=change,
        baseline=baseline,
        hardware=hw,
        workload=workload,
        sentence=original,
        sentence_start=w.sentence.start,
        metric_phrase=phrase,
    )
    fields = None
    if explain:
        fields = {
            "metric": (metric, phrase, metric_rule),
            "qualifier": (qualifier, None, qualifier_rule),
            "change": (change, None, change_rule),
            "baseline": (baseline, baseline, baseline_rule),
            "hardware": (hw, hw, hardware_rule),
            "workload": (workload, workload, workload_rule),
        }
    return _Made(claim, said, fields)


# A figure given for what the paper's result is compared with: "compared to 400 tokens/s for vLLM".
COMPARED_FIGURE = regex.compile(
    r"(?i:(?:compared\s+(?:to|with)|versus|vs\.?|against|(?<!less\s)(?<!more\s)(?<!fewer\s)(?<!rather\s)than|relative\s+to)"
    r"\s++(?:(?:" + "|".join(_LEADING.compared) + r")\s++)?$)"  # not a qualifier's "less than"
)


# A list member that names its own object before "by": "reduces energy by 35% and area by 20%" (area is not energy);
# not a word that points back to the first one's: "the throughput of Tomcat by 75%, that of MySQL by 430%".
OWN_OBJECT_BY = regex.compile(r"(?i:\s*+,?\s*+(?:and\s++)?(?!(?:that|those|it|them|of|for|on|in|with)\b)(?:the\s++)?[a-z][\w-]*+(?:\s++[a-z][\w-]*+){0,3}\s++by\s++(?:(?:" + "|".join(_LEADING.by_own_object) + r")\s++)?$)")


def _metric_field(sc: _SentenceClaims, p: _Place, prev: Claim | None, head: Claim | None) -> tuple[Attribution, str, str | None, str]:
    """(the attribution read around the number, the claim's metric, its phrase, the rule), before the
    metric is settled with the claim's unit and change (see :func:`metric.settle`)."""
    w, i, sent = p.w, p.i, sc.sentence.text
    mapped = _respectively_metric(sc, p) if sc.respectively and p.size > 1 else None
    found = Attribution(mapped[2], mapped[0], mapped[1], "respectively") if mapped else _metric(p)
    metric, phrase, metric_rule = found.metric, found.phrase(sc.original), found.rule or "none: other"
    own_object = i > 0 and bool(OWN_OBJECT_BY.match(sent, p.prev_end, w.s))  # "..., and area by 20%": its own object
    if head is not None and head.unit == w.q.unit:
        if not mapped and not _own_keyword_after(w) and not own_object:
            # "speed-ups of 4.53x in A, 5.32x in B": the list shares its metric
            metric, phrase, metric_rule = head.metric, head.metric_phrase, "list: its first member's"
    elif metric == "other" and prev is not None:
        rule = _previous_figure_rule(sc, p, prev, head, own_object)
        if rule:
            metric, phrase, metric_rule = prev.metric, prev.metric_phrase, rule
    elif (
        found.rule == "unit" and prev is not None and prev.unit == w.q.unit and prev.metric != metric
        and COMPARED_FIGURE.search(sent, max(0, w.s - 30), w.s)
    ):
        # "an MAE of 0.041 s, compared with 0.067 s for PhaseNet": the figure compared is measured as the first one,
        # whatever its unit alone would say
        metric, phrase, metric_rule = prev.metric, prev.metric_phrase, "parallel: the previous figure's"
    return found, metric, phrase, metric_rule


def _previous_figure_rule(sc: _SentenceClaims, p: _Place, prev: Claim, head: Claim | None, own_object: bool) -> str | None:
    """The rule by which a figure that names no metric is measured as ``prev``, the claim before it in the
    sentence, or None. The forms, tried in this order:

    - parallel (same unit, not in a list, no object of its own): nothing between the two figures names a metric
      or a change ("a speedup of 1.33x for miners and 1.69x for validators"), an elliptic comparison, "up from N",
      "N1 <phrase> on A and N2 on B", "..., compared with N", or the same comparative repeated ("4.2x more than
      Silo and 2.7x more than TicToc"); not "2x higher throughput and reduces write amplification by 4x";
    - parallel comparisons (a factor and a percentage alike): "by up to 20% when compared to the host, and 6x
      when compared to the SSD";
    - gapping of a comparison verb: "outperforms existing methods by 30% and even a training method by 25%";
    - a second "by" of the same verb: "speeds up the benchmarks by 9.1% on average and by up to 1.41x";
    - a participle apposition restating the previous claim: "3 tokens per second ..., showing an order of
      magnitude improvement".
    """
    w, ws, i, sent = p.w, sc.ws, p.i, sc.sentence.text
    before = ws[i - 1]
    forms = (
        ("parallel: the previous figure's", lambda: head is None and prev.unit == w.q.unit and not own_object and (
            _parallel(sent, before, w) or _elliptic(sent, p.lo, p.hi) or UP_FROM.search(sent, max(0, w.s - 20), w.s)
            or _shares_phrase(sent, before, w, prev.metric_phrase) or COMPARED_FIGURE.search(sent, max(0, w.s - 30), w.s)
        )),
        ("parallel: the previous figure's",
         lambda: (prev.unit == w.q.unit or {prev.unit, w.q.unit} <= {"%", "x"}) and _same_comparative(sent, before, w)),
        ("gapping: 'outperforms A by N1 and B by N2'",
         lambda: w.q.unit in ("%", "x", "pp") and _gapped_compared(sent, w.s, prev, w.sentence.start)),
        ('gapped: a second "by" of the same verb', lambda: AND_BY.search(sent, max(0, w.s - 40), w.s) and _parallel(sent, before, w)),
        ("apposition: the claim it restates", lambda: restates_change(sent, w.s, w.e)),
    )
    return next((rule for rule, holds in forms if holds()), None)


def _qualifier_field(sc: _SentenceClaims, p: _Place, prev: Claim | None, head: Claim | None) -> tuple[str, str]:
    """(the claim's qualifier, the rule that decided it)."""
    w = p.w
    qualifier = _qualifier(p)
    qualifier_rule = "a cue before or after the number" if qualifier != "none" else "no cue"
    if sc.respectively and p.size > 1 and _respectively_qualifier(sc, p):
        qualifier, qualifier_rule = _respectively_qualifier(sc, p), "respectively: adjectives in turn"
    if w.q.from_to and p.i > 0 and sc.ws[p.i - 1].q.from_to and qualifier == "none" and prev is not None:
        qualifier, qualifier_rule = prev.qualifier, "from-to: one qualifier for both"  # "average performance drops from 77.67% ... to 32.96%"
    if head is not None and qualifier == "none":
        qualifier, qualifier_rule = head.qualifier, "R8: the list's qualifier"  # a qualifier before a list covers it
    return qualifier, qualifier_rule


def _change_field(sc: _SentenceClaims, p: _Place, found: Attribution, prev: Claim | None) -> tuple[str, str]:
    """(the change the words around the number say, the rule), before the list and the metric have their say
    (see :func:`_claim`). ``found``: the attribution of :func:`_metric_field`."""
    w, sent = p.w, sc.sentence.text
    change = _change(p)
    change_rule = "the change words around the number" if change != "none" else "no change word linked to it"
    if found.rule == "after" and w.q.unit == "x":
        named = next((h[2] for h in context.within(context.change_hits(sent), found.end, found.end + 2)), None)
        if named:  # "4x memory reduction": the change noun right after the metric says
            change, change_rule = named, "the change noun after the metric"
    if change == "none" and found.rule == "by" and not w.q.from_to:
        verb = [h for h in context.within(context.change_hits(sent), found.start - 40, found.start) if h[1] <= found.start]
        if verb:  # "raises the goodput over Orca, vLLM, and TGI by 40%": the verb of the metric "by" measures
            change, change_rule = verb[-1][2], "the verb of the phrase 'by' measures"
    if change == "none" and prev is not None and prev.change != "none" and _gapped(sent, p.lo, w.s, prev.start - w.sentence.start):
        change, change_rule = prev.change, "gapping: ', and [X] by N' repeats the previous figure's verb"
    return change, change_rule


# How far after a number a baseline marker counts as "right after" it: "by 2.5x relative to vLLM".
MARKER_NEXT = 25


def _baseline_field(sc: _SentenceClaims, p: _Place, change: str, prev: Claim | None):
    """(the baseline as written, its span, the span of the names a list of figures is compared with in turn,
    the rule that decided it) of a claim whose change is ``change``."""
    w, sent, original, last, hi = p.w, sc.sentence.text, sc.original, p.last, p.hi
    baseline = None
    baseline_span = compared_span = None
    baseline_rule = "R1: absolute, no baseline" if change == "none" else "none named"
    share = context.share_of(sent, w.e) if w.q.unit == "%" and change == "none" else None
    if share:  # R15: "97.7% of GPT-4's performance" is compared with GPT-4
        baseline_span, baseline = (share[0], share[1]), original[share[0] : share[1]]
        baseline_rule = "R15: a share of a system's figure"
    elif change != "none":
        before = context.baseline_before(sent, w.s)
        finders = (  # a marker next to the number or before it ("compared to vLLM") names it before the object
            # the verb improves ("improves the base model by 7%"), which comes before a marker later in the clause
            ("after 'outperforms by N'", lambda: context.baseline_after_number(sent, w.s, w.e)),
            ("'doubles the X of Y'", lambda: context.figure_of(sent, w.e) if w.q.kind == "word" else None),
            ("a marker right after the number", lambda: context.baseline_after(sent, last.e, hi, limit=MARKER_NEXT)),
            ("gapping: 'outperforms A by N1 and B by N2'", lambda: _gapped_compared(sent, w.s, prev, w.sentence.start)),
            ("a marker before the number", lambda: None if _owned(before, sc.ws[: p.i]) else before),
            ("the object the verb improves", lambda: context.improved_object(sent, w.s)),
            ("a marker after the number, in its clause", lambda: context.baseline_after(sent, last.e, hi)),
            ("a marker before the number, after an earlier figure", lambda: before),
            ("a marker later in the sentence", lambda: _not_its_own(sent, context.baseline_after(sent, last.e, len(sent), limit=120))),
        )
        found = None
        for baseline_rule, finder in finders:  # noqa: B007 (the rule that found it is read after the loop)
            found = finder()
            if found:
                break
        if found:
            index, size = p.index, p.size
            baseline_span = (found[0], found[1])
            baseline = original[found[0] : found[1]]
            if sc.respectively and size > 1:
                picked = _respectively_pick(baseline, index, size)  # "over GPU and CPU baseline, respectively"
                listed = _respectively_names(sent, found, size) if picked == baseline else None
                if listed:  # "2x, 3x, and 5x faster than vLLM, Orca, and TGI, respectively"
                    compared_span = (listed[0][0], listed[-1][1])  # none of them is a workload
                    baseline_span, baseline_rule = listed[index][:2], "respectively: names in turn"
                    picked = original[baseline_span[0] : baseline_span[1]]
                baseline = picked
            elif size > 2:  # three figures or more against as many names, "respectively" left out (spec: "by up to
                # 29x, 29x, and 3x" over three named systems)
                listed = _respectively_names(sent, found, size)
                if listed:
                    compared_span = (listed[0][0], listed[-1][1])
                    baseline_span, baseline_rule = _named_tail(original, listed[index][:2]), "a list of names as long as the list of figures"
                    baseline = original[baseline_span[0] : baseline_span[1]]
    return baseline, baseline_span, compared_span, baseline_rule


def _hardware_field(sc: _SentenceClaims, p: _Place, baseline_span) -> tuple[str | None, str]:
    """(the claim's hardware, the rule): the sentence's (see :func:`_pick_hardware`), else the abstract's fallback."""
    hw = _pick_hardware(sc, p, baseline_span)
    hardware_rule = "named in the sentence (R2)" if hw else "none named (R2)"
    if hw is None and sc.fallback_hardware:
        hw, hardware_rule = sc.fallback_hardware, "where the abstract says the evaluation ran (R2)"
    return hw, hardware_rule


_TURNED = {"increase": "decrease", "decrease": "increase"}


def _turned_around(sc: _SentenceClaims, p: _Place, metric: str, change: str, baseline, baseline_span, hw):
    """R16: (change, baseline, its span, hardware) turned to the paper's side when the sentence says the paper's own
    system is the slower or less efficient one; None when it does not."""
    w, sent, original, own = p.w, sc.sentence.text, sc.original, sc.own
    turned = baseline_side(sent, w.e, baseline_span[0]) if change != "none" and baseline_span else None
    if turned != "comparative" and change != "decrease":
        turned = None  # "slower", "less efficient" say a decrease
    if not (turned and (
        w.q.unit == "x" if turned == "slower" else metric in _lower_is_better() if turned == "less_efficient" else True
    ) and own.holds(baseline)):
        return None
    # R16: "the MCU is 12.87x slower and 98% less energy-efficient than PULP-OPEN", PULP-OPEN the paper's own:
    # PULP-OPEN's 12.87x speedup over the MCU (increase), and its 98% less energy (still a decrease).
    named = context.find_hardware(sent)  # all of it, those named as compared against included
    side = other_side(sent, p.lo, w.s, named)
    theirs = original[side[0] : side[1]] if side else None
    if not theirs or own.holds(theirs) or opens_in_first_person(theirs):
        return None  # not the paper's own against itself
    # "slower": the paper's speedup; "less efficient": still less energy; any other comparison turns around
    change = {"slower": "increase", "less_efficient": "decrease"}.get(turned) or _TURNED[change]
    if baseline in own.platforms or any(h[:2] == baseline_span for h in named):
        hw = baseline  # the paper's own platform ran the faster side
    elif hw == theirs:
        hw = None if sc.fallback_hardware == theirs else sc.fallback_hardware
    return change, theirs, side, hw


# ", and B by N": a figure whose clause names only what it is compared with, the comparison verb left out.
GAPPED_COMPARED = regex.compile(
    r"""(?:,\s*+)?\band\s++(?:even\s++)?              # "and", "and even"
    (?P<name>[^\s,;:()][^,;:()]{0,60}?)          # what it is compared with: "DeepSeek-R1"
    \s++by\s++(?:(?:""" + "|".join(_LEADING.by_figure) + r""")\s++)?[+~]?$""",
    regex.VERBOSE | regex.IGNORECASE,
)


def _gapped_compared(sent: str, s: int, prev: Claim | None, offset: int):
    """Form "<outperforms> A by N1 and B by N2": B is the second figure's baseline (the verb left out).

    >>> from claimbench.extract.model import Claim
    >>> t = "It surpasses o3-mini by 3.4% and DeepSeek-R1 by 10.6%."
    >>> prev = Claim(mention="3.4%", start=t.index("3.4"), end=t.index("3.4") + 4, value=3.4, value_low=None, unit="%",
    ...              metric="accuracy", qualifier="none", change="increase", baseline="o3-mini", hardware=None, workload=None,
    ...              sentence=t, sentence_start=0, metric_phrase="surpasses")
    >>> _gapped_compared(t, t.index("10.6"), prev, 0)[2]
    'DeepSeek-R1'
    """
    if prev is None or prev.baseline is None:
        return None
    m = GAPPED_COMPARED.search(sent, max(0, s - 80), s)
    prev_s = prev.start - offset
    if not m or m.start() < prev_s or not OUTPERFORMS_BY.search(sent, max(0, prev_s - 80), prev_s):
        return None
    name = m.group("name")
    if context.keyword_hits(name) or context.change_hits(name):
        return None  # a metric or a verb, not a name: "and reduces latency by 30%"
    return m.start("name"), m.end("name"), name


# After a baseline: "by" and a number, the figure the baseline belongs to.
OWN_FIGURE_AFTER = regex.compile(r"(?i:\s*+(?:\([^()]*\)\s*+)?by\s++(?:(?:" + "|".join(_LEADING.by_figure) + r")\s++)?[+~]?\d)")


def _not_its_own(sent: str, found):
    """A baseline found later in the sentence, unless a later figure of its own follows it: in "improves Pass@1 by
    29%, but also outperforms CodeRosetta by 1.56 in BLEU", CodeRosetta is the 1.56's baseline, not the 29%'s.

    >>> s = "It improves Pass@1 by 29%, but also outperforms CodeRosetta by 1.56 in BLEU."
    >>> _not_its_own(s, (s.index("Code"), s.index(" by 1"), "CodeRosetta")) is None
    True
    """
    return None if found and OWN_FIGURE_AFTER.match(sent, found[1], found[1] + 40) else found


def _owned(phrase, earlier: list[_Where], reach: int = 40) -> bool:
    """The baseline ``phrase`` (found before a number) follows one of the ``earlier`` figures closely: it is
    that figure's ("50x speed-ups over a vanilla PyTorch implementation and allow 40x larger hidden sizes
    compared to our Triton implementation": the 40x is compared with the latter)."""
    return phrase is not None and any(w.e <= phrase[0] <= w.e + reach for w in earlier[-4:])  # the last few suffice


def _pick_workload(sc: _SentenceClaims, p: _Place, metric: str, baseline_span) -> tuple[str | None, str]:
    """The workload of a claim (R3): a name right after the number; else, for quality
    scores the nearest benchmark, for systems numbers the nearest model (among ``workloads``,
    the sentence's, those named as compared against left out: see :func:`_not_compared`); and the rule that chose it."""
    w, workloads, original = p.w, sc.workloads, sc.original
    direct = context.name_after(w.sentence.text, w.e)
    if direct and COMPARED_FIGURE.search(w.sentence.text, max(0, w.s - 30), w.s) and " for " in w.sentence.text[w.e : direct[0] + 1]:
        direct = None  # "compared to 400 tokens/s for vLLM": vLLM is the system compared, not a workload
    if direct and not (baseline_span and baseline_span[0] <= direct[0] < baseline_span[1]):
        return original[direct[0] : direct[1]], "a name right after the number"
    first = "bench" if metric == "accuracy" else "model"
    for kind in (first, "model" if first == "bench" else "bench"):
        found = _nearest_span([s for s in workloads if s[3] == kind], w.s, w.e, baseline_span)
        if found:
            return original[found[0] : found[1]], f"the nearest {'benchmark' if kind == 'bench' else 'model'} (R3)"
    return None, "none named (R3)"


# "absolute" before a percentage (a few words at most) or right after it.
ABSOLUTE_BEFORE = regex.compile(r"(?i:\babsolute\s++(?:[a-z-]++\s++){0,2}?(?:of\s++)?(?:(?:" + "|".join(_LEADING.absolute) + r")\s++)?\+?$)")


ABSOLUTE_AFTER = regex.compile(r"(?i:\s*+(?:\([^()]{0,20}\)\s*+)?(?:absolute|in\s+absolute)\b)")  # "+20% (+/-3%) in absolute score"


def _absolute(sent: str, w: _Where) -> bool:
    """The percentage is said to be absolute, in percentage points (R14): "an absolute gain of 4.2%", "+3% absolute".

    >>> s = "It yields an absolute gain of 4.2% and a 9% relative gain."
    >>> [_absolute(s, _Where(q, Sentence(0, s), q.start, q.end)) for q in find_quantities(s)]
    [True, False]
    """
    return bool(ABSOLUTE_BEFORE.search(sent, max(0, w.s - 40), w.s) or ABSOLUTE_AFTER.match(sent, w.e, w.e + 40))


def _better_said(sent: str, lo: int, w: _Where, found: Attribution) -> bool:
    """Only "better" is said of the number's metric: before it ("enhances latency by 35-fold") or between it and
    the phrase after it ("a factor of 6 better latency").

    >>> s = "It enhances latency by 35-fold."
    >>> q = find_quantities(s)[0]
    >>> _better_said(s, 0, _Where(q, Sentence(0, s), q.start, q.end), Attribution("latency", 12, 19, "by"))
    True
    >>> s = "It achieves up to 1.35x latency gain."
    >>> q = find_quantities(s)[0]
    >>> _better_said(s, 0, _Where(q, Sentence(0, s), q.start, q.end), Attribution("latency", 24, 31, "after"))
    True
    """
    if context.better_before(sent, lo, w.s) is not None:
        return True
    # "a factor of 6 better latency", "1.35x latency gain", "a 2x latency improvement"
    return found.rule == "after" and bool(
        context.better_words().search(sent, w.e, found.start) or context.better_words().match(sent, found.end + 1, found.end + 16)
    )


# A comparison marker in a clause with no metric word: ", and over 90% compared to Transformers".
ELLIPTIC_COMPARISON = regex.compile(r"(?i:\b(?:" + "|".join(_CUES.comparison.elliptic) + r")\s+(?:the\s+)?[A-Z])")  # [comparison] elliptic


def _elliptic(sent: str, lo: int, hi: int) -> bool:
    """The number's clause [lo, hi) names no metric and only what it is compared with: a comparison with its
    measure left out, the previous figure's ("80% less latency than A, and over 90% compared to B").

    >>> s = "It needs 80% less latency than A, and over 90% compared to B."
    >>> _elliptic(s, s.index("over"), len(s)), _elliptic("It has 2x lower latency, and 43% of apps use it.", 29, 49)
    (True, False)
    """
    return not any(h[1] <= hi for h in context.within(context.keyword_hits(sent), lo, hi)) and bool(
        ELLIPTIC_COMPARISON.search(sent, lo, hi)
    )


def _parallel(sent: str, a: _Where, b: _Where) -> bool:
    """Nothing between figures ``a`` and ``b`` names a metric or a change (see :func:`_claim`).

    >>> s = "A speedup of 1.33x for miners and 1.69x for validators; 2x higher throughput and reduces X by 4x."
    >>> ws = [_Where(q, Sentence(0, s), q.start, q.end) for q in find_quantities(s)]
    >>> _parallel(s, ws[0], ws[1]), _parallel(s, ws[2], ws[3])
    (True, False)
    """
    inside = lambda hits: any(h[1] <= b.s for h in context.within(hits, a.e, b.s))  # noqa: E731
    return not (inside(context.keyword_hits(sent)) or inside(context.change_hits(sent)))


# Between two figures: the first one's phrase, where it was measured, and "and": "11x inference speedup on GPT and".
SHARED_PHRASE = regex.compile(
    r"""\s*+(?P<phrase>[\w-]++(?:\s++[\w-]++){0,3}?)        # the first figure's phrase: "inference speedup"
    \s++(?:on|for|in|with|over)\s++[^\s,;]++(?:\s++[^\s,;]++){0,2}?   # where: "on GPT", "for the small model"
    \s*+,?\s*+(?:and|or)\s++(?:(?:""" + "|".join(_CUES.leading.filler) + r""")\s++)?$""",  # "and less than"
    regex.VERBOSE,
)


def _shares_phrase(sent: str, a: _Where, b: _Where, phrase: str | None) -> bool:
    """Form "N1 <phrase> on A and N2 on B": figure ``b`` is measured as ``a``, whose phrase stands between them.

    >>> s = "It brings over 11x inference speedup on GPT and 16x on LLAMA."
    >>> ws = [_Where(q, Sentence(0, s), q.start, q.end) for q in find_quantities(s)]
    >>> _shares_phrase(s, ws[0], ws[1], "speedup"), _shares_phrase(s, ws[0], ws[1], "latency")
    (True, False)
    """
    m = SHARED_PHRASE.fullmatch(sent, a.e, b.s) if phrase else None
    return bool(m) and phrase.lower() in m.group("phrase").lower()


# A second "by" of one verb, nothing between "and" and it: "by 9.1% on average and by up to 1.41x".
AND_BY = regex.compile(r"(?i:(?:,|\band)\s++by\s++(?:(?:" + "|".join(_CUES.leading.filler) + r")\s++)?$)")  # [leading] filler
# Right after a figure, how it is compared: a comparative and "than" ("4.2x more than Silo", "1.4 times higher
# than PMFS"), or a comparison marker ("20% when compared to processing at the host").
COMPARATIVE_THAN = regex.compile(
    r"""\s*+(?:times\s++)?                          # "10x times smaller"
    (?:
        (?P<word>""" + "|".join(_CUES.comparison.comparatives) + r""")\b   # cues.toml [comparison] comparatives ...
        (?:\s++[\w-]++){0,2}?\s++than\b                 # ... and "than": "more than", "higher throughput than"
      | (?:when\s++)?(?P<word>compared\s++(?:to|with)|relative\s++to|versus|vs\.)   # or a marker
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)


def _same_comparative(sent: str, a: _Where, b: _Where) -> bool:
    """Form "N1 <comparative> than A and N2 <comparative> than B" (or "N1 compared to A, and N2 compared to B"):
    figure ``b`` repeats the comparison of ``a`` with the same words, so it measures what ``a`` does ("1.9 million
    transactions per second, 4.2x more than Silo and 2.7x more than TicToc").

    >>> s = "It commits 1.9M transactions/s, 4.2x more than Silo and 2.7x more than TicToc, and 2x lower latency."
    >>> ws = [_Where(q, Sentence(0, s), q.start, q.end) for q in find_quantities(s)]
    >>> _same_comparative(s, ws[1], ws[2]), _same_comparative(s, ws[2], ws[3])
    (True, False)
    """
    first, second = COMPARATIVE_THAN.match(sent, a.e), COMPARATIVE_THAN.match(sent, b.e)
    return bool(first and second) and first.group("word").lower().split() == second.group("word").lower().split()


def _own_keyword_after(w: _Where, reach: int = 20) -> bool:
    """A metric keyword right after the number: "72% in prediction time"."""
    return any(e <= w.e + reach for s, e, _ in context.within(context.keyword_hits(w.sentence.text), w.e, w.e + reach))


@lru_cache(maxsize=1)
def _time_words() -> regex.Pattern:
    """Phrases that name an amount of time (metrics.toml [direction] time_words): less of one is better."""
    return regex.compile(r"(?i:" + "|".join(knowledge().metrics.time_words) + r")")


def _time_phrase(phrase: str | None) -> bool:
    """The metric was read from an amount of time ("execution time", "runtime"), whatever its class.

    >>> _time_phrase("overall execution time"), _time_phrase("speedup")
    (True, False)
    """
    return phrase is not None and bool(_time_words().search(phrase))


# A figure whose clause holds only "by" and maybe an object before it, the verb left out:
# ", and by 43% relative to previous approaches", ", and the end-to-end memory requirement by up to 36%".
GAPPED_BY = regex.compile(
    r"""\s*+(?:,\s*+)?(?:and\s++)?
    (?:[^\s,;:.()]++\s++){0,8}?                   # the object, if any: "the end-to-end memory requirement of finetuning"
    by\s++(?:(?:""" + "|".join(_LEADING.by_gapped) + r""")\s++)?$""",
    regex.IGNORECASE | regex.VERBOSE,
)


def _gapped(sent: str, lo: int, s: int, prev_s: int) -> bool:
    """Form "<verb> X by N1, and Y by N2": the figure at ``s`` (its clause from ``lo``) has no verb of its own and
    takes the verb of the figure before it (at ``prev_s``), itself given "by".

    >>> t = "It reduces the memory overhead by up to 8x, and the memory requirement of finetuning by up to 36%."
    >>> _gapped(t, t.index(", and"), t.index("36"), t.index("8x"))
    True
    >>> t = "It reduces the memory overhead by up to 8x, and the model runs on 36% of the devices."
    >>> _gapped(t, t.index(", and"), t.index("36"), t.index("8x"))
    False
    """
    return (
        bool(GAPPED_BY.match(sent, lo, s)) and not context.within(context.change_hits(sent), lo, s)
        and _by_before(sent, max(0, prev_s - 60), prev_s)
    )


# From a metric keyword to the number that "by" gives it: " by 30%", " and GPU utilization by 33.5%",
# " by up to 30%" (at most a coordinated phrase between them, no other noun: not "memory capacity by").
MEASURED_BY = regex.compile(
    r"(?:\s*+(?:,\s*+)?(?:and|or)\s++[^\s,;:.()]++(?:\s++[^\s,;:.()]++){0,3}?)?"
    r"\s++by\s++(?:(?:" + "|".join(_LEADING.by_measured) + r")\s++)?"
)


def _better_of_less(sent: str, lo: int, at: int, metric: str) -> bool:
    """True when only "better" is said (in the clause from ``lo``) of the claim's metric, whose keyword
    is what "by" before the number (at ``at``) measures: "improves latency by 30%", "outperforming X in
    latency and GPU utilization by 33.5% and 20.1%". For a metric where less is better, the quantity went
    down (R21). Not when the keyword only qualifies another noun ("improves memory capacity by 30%"), nor
    for a factor, checked by the caller ("1.35x latency gain" is a speedup, R20).

    >>> s = "It improves latency by 30%, and memory capacity by 40%."
    >>> _better_of_less(s, 0, s.index("30"), "latency"), _better_of_less(s, s.index(","), s.index("40"), "memory")
    (True, False)
    """
    start = context.better_before(sent, lo, at)
    return start is not None and any(
        e <= at and label == metric and MEASURED_BY.fullmatch(sent, e, at)
        for s, e, label in context.within(context.keyword_hits(sent), start, at)
    )


@lru_cache(maxsize=1)
def _lower_is_better() -> frozenset[str]:
    """The metrics where less is better (metrics.toml [direction])."""
    return frozenset(knowledge().metrics.lower_is_better)


COMPARED_WITH = regex.compile(  # cues.toml [baseline] compared_with
    r"(?i:\b(?:" + "|".join(knowledge().cues.baseline.compared_with) + r")\s+(?:a\s+|an\s+|the\s+)?$)"
)


# Between two names of one list: "X and Y", "X, Y", "X, and Y", "X or Y".
LIST_JOIN = regex.compile(r"\s*+(?:,\s*+(?:(?:and|or)\s++)?|(?:and|or)\s++)")


def _not_compared(sent: str, spans):
    """The spans (hardware or workloads of the sentence) not introduced as what is compared against.

    >>> s = "2x faster than vLLM on Llama-2, compared to Megatron-LM"
    >>> _not_compared(s, [(15, 19), (23, 30), (44, 55)])  # vLLM and Megatron-LM are compared against
    [(23, 30)]
    >>> s = "8% and 15% over Qwen2-72B and DeepSeek-V2 on GSM8K"
    >>> _not_compared(s, [(16, 25), (30, 41), (45, 50)])  # the second name of the compared list too
    [(45, 50)]
    """
    compared: list = []
    for span in sorted(spans):
        if COMPARED_WITH.search(sent, max(0, span[0] - 20), span[0]) or (
            compared and LIST_JOIN.fullmatch(sent, compared[-1][1], span[0])
        ):  # compared, or listed right after a name compared: "over Qwen2-72B and DeepSeek-V2"
            compared.append(span)
    return [span for span in spans if span not in compared]


def _pick_hardware(sc: _SentenceClaims, p: _Place, baseline_span) -> str | None:
    """The hardware of the claim, as written: not one named as the thing compared against
    (``hardware``, the sentence's, comes without those: see :func:`_not_compared`; nor one
    inside the baseline), nor one in a later clause ("25x larger models ..., while delivering
    84 TFLOPS on A6000")."""
    hardware, w, index, size, respectively, original, clause_end = sc.hardware, p.w, p.index, p.size, sc.respectively, sc.original, p.hi
    candidates = [
        h
        for h in hardware
        if not (baseline_span and h[0] >= baseline_span[0] and h[1] <= baseline_span[1])
        and (respectively or h[0] < clause_end)
    ]
    if not candidates:
        return None
    if respectively and size > 1 and len(candidates) == size:
        start, end, _ = candidates[index]
        return original[start:end]
    if respectively and size > 1 and len(candidates) == 1:
        shared = _shared_device(original, candidates[0], index, size)
        if shared:
            return shared
    nearest = _nearest_span(candidates, w.s, w.e)
    return original[nearest[0] : nearest[1]] if nearest else None


# "over 16 and 2,048 A100 GPUs, respectively": counts listed before one device name.
COUNT_LIST = regex.compile(r"(?P<counts>\d[\d,]*(?:,\s*\d[\d,]*)*,?\s+(?:and|or)\s+)$")
LEADING_COUNT = regex.compile(r"^\d[\d,]*\s+")


def _shared_device(original: str, span, index: int, size: int) -> str | None:
    """The index-th of several counts sharing one device name: "16 A100 GPUs" from "16 and 2,048 A100 GPUs"."""
    m = COUNT_LIST.search(original, max(0, span[0] - 40), span[0])
    name = original[span[0] : span[1]]
    head = LEADING_COUNT.match(name)
    if not m or not head:
        return None
    counts = COUNT.findall(m.group("counts")) + [head.group(0).strip()]
    if len(counts) != size:
        return None
    return f"{counts[index]} {name[head.end():]}"


# Hardware named as where something ran: "on two RTX 4090 GPUs", "using 512 V100 GPUs".
EVALUATED_ON = regex.compile(r"(?i:\b(?:on|using|across)\s+(?:a\s+single\s+|an?\s+|the\s+|\w+\s+)?$)")
# An explicit statement that the whole evaluation ran on a machine (ruling R2): a cue word (cues.toml
# [evaluation] cues), then the machine right after "on" or "using" (and a word). The cue words come as
# the letters each starts with and the rest of its pattern (_evaluation_cue looks for those letters).
_EVALUATION_CUE_WORDS = knowledge().cues.evaluation_cues
_EVALUATION_CUE = r"\b(?:" + "|".join(start + rest for start, rest in _EVALUATION_CUE_WORDS) + r")\b[^.;]{0,60}\b(?:on|using)"
EVALUATION_RAN_ON = regex.compile(r"(?i:" + _EVALUATION_CUE + r"\s+(?:a\s+single\s+|an?\s+|the\s+|\w+\s+)?$)")


# "Using the NVIDIA RTX 4070 as our experimental platform" (cues.toml [evaluation] platforms)
_PLATFORMS = "|".join(knowledge().cues.evaluation_platforms)
AS_PLATFORM = regex.compile(r"(?i:\s+as\s+(?:our|the)\s+(?:\w+\s+)?(?:" + _PLATFORMS + r"))")

# Where EVALUATION_RAN_ON or AS_PLATFORM could stand anywhere in a sentence: EVALUATION_RAN_ON
# before a machine holds the cue with "on" or "using" and a space; AS_PLATFORM after one holds
# "as" after a space (possessive here: the same matches, and the search stays linear).
EVALUATION_CUE_ANYWHERE = regex.compile(r"(?i:" + _EVALUATION_CUE + r"\s)")
EVALUATION_CUE_ASCII = ascii_twin(EVALUATION_CUE_ANYWHERE) or EVALUATION_CUE_ANYWHERE  # for ASCII text
AS_PLATFORM_ANYWHERE = regex.compile(r"(?i:(?<=\s)as\s++(?:our|the)\s++(?:\w++\s++)?(?:" + _PLATFORMS + r"))")


# The words one of these two patterns needs: a sentence without them names no hardware so.
EVALUATED_ON_FILTER = prefilter_for(EVALUATED_ON, AS_PLATFORM)
EVALUATION_RAN_ON_FILTER = prefilter_for(EVALUATION_RAN_ON, AS_PLATFORM)


def _ran_on(sentence: Sentence, pattern: regex.Pattern, prefilter: Prefilter) -> list[str]:
    """Hardware in the sentence introduced as where things ran (``pattern`` before it, or AS_PLATFORM
    after it); ``prefilter`` is that of the two patterns."""
    if not prefilter.may_match(sentence.text):
        return []  # neither cue can be there: no need to look for hardware
    return [
        sentence.text[start:end]
        for start, end, _ in context.find_hardware(sentence.text)
        if pattern.search(sentence.text, max(0, start - 100), start) or AS_PLATFORM.match(sentence.text, end, end + 80)
    ]


class _FallbackHardware:
    """Hardware for the claims of a sentence that names none itself, for the sentences of one abstract.

    The previous sentence's, when it says the work ran on one machine
    ("... on Ascend NPUs. The inference achieves 1148 tokens/s"); else the
    one machine the abstract says its evaluation ran on, worked out once
    for the abstract when first needed.
    """

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences

    @cached_property
    def stated(self) -> str | None:
        """The one machine the abstract says its evaluation ran on (see :func:`_stated_hardware`)."""
        return _stated_hardware(self.sentences)

    def of_sentence(self, index: int) -> str | None:
        """The fallback hardware of sentence ``index``."""
        if index > 0:
            previous = sorted(set(_ran_on(self.sentences[index - 1], EVALUATED_ON, EVALUATED_ON_FILTER)))
            if len(previous) == 1:
                return previous[0]
        return self.stated


def _own_platforms(sentences: list[Sentence]) -> set[str]:
    """The hardware that sentences opening in the first person say the work ran on ("We optimized ... on GAP8")."""
    return {name for s in sentences if opens_in_first_person(s.text) for name in _ran_on(s, EVALUATED_ON, EVALUATED_ON_FILTER)}


def _stated_hardware(sentences: list[Sentence]) -> str | None:
    """The one machine the abstract says its evaluation ran on, if exactly one."""
    whole = " ".join(s.text for s in sentences)
    prefilter = EVALUATION_RAN_ON_FILTER.within(whole)  # a sentence holds no word the whole abstract lacks
    if not prefilter.may_match(whole):
        return None  # no sentence can say so: no need to look at each
    stated = sorted({name for s in sentences if _may_state_machine(s, prefilter) for name in _ran_on(s, EVALUATION_RAN_ON, prefilter)})
    return stated[0] if len(stated) == 1 else None


def _may_state_machine(sentence: Sentence, prefilter: Prefilter = EVALUATION_RAN_ON_FILTER) -> bool:
    """False when the sentence cannot say the evaluation ran on a machine: neither the cue
    of EVALUATION_RAN_ON nor AS_PLATFORM is anywhere in it. Two searches of the sentence,
    cheaper than looking for hardware in it, which most sentences that pass the words'
    prefilter ("results", "tested") would then need for nothing. ``prefilter``: that of
    EVALUATION_RAN_ON and AS_PLATFORM, or the same narrowed to the sentence's abstract.

    >>> [_may_state_machine(Sentence(0, s)) for s in ("Results on two A100 GPUs.", "Results improve with A100.", "It uses A100 as our testbed.")]
    [True, False, True]
    """
    text = sentence.text
    return prefilter.may_match(text) and bool(_evaluation_cue(text) or AS_PLATFORM_ANYWHERE.search(text))


def _evaluation_cue(text: str) -> bool:
    """EVALUATION_CUE_ANYWHERE is somewhere in ``text``. A match starts with the first letters of
    a cue word (case aside): in ASCII text it is tried where those stand, not at every position
    (and with its ASCII twin).

    >>> _evaluation_cue("Our EXPERIMENTS were run on eight GPUs."), _evaluation_cue("Results improve.")
    (True, False)
    """
    if not text.isascii():
        return bool(EVALUATION_CUE_ANYWHERE.search(text))
    lowered = text.lower()
    for start, _ in _EVALUATION_CUE_WORDS:
        at = lowered.find(start)
        while at >= 0:
            if EVALUATION_CUE_ASCII.match(text, at, at + 120):
                return True
            at = lowered.find(start, at + 1)
    return False


# ------------------------------------------------------------------ speed shortcuts


def shortcuts() -> dict[str, dict]:
    """Every speed shortcut of this module next to what it stands for, for the tests that prove they agree
    (tests/test_scan_shortcuts.py, tests/test_ascii_twins.py): a shortcut must never change what is found.

    - ``"prefilters"``: name -> (the patterns, the :class:`knowledge.Prefilter` tried before them);
    - ``"twins"``: name -> (a ``regex`` pattern, the ASCII twin read in its place on ASCII text);
    - ``"backwards"``: name -> (a pattern read backwards, ``regex.REVERSE``, the same read forwards);
    - ``"functions"``: name -> (a quick function of a text, the plain function it stands for).

    >>> sorted(shortcuts())
    ['backwards', 'functions', 'prefilters', 'twins']
    """
    setup = _setup_checks()
    cues, average, average_filter = _qualifier_checks()
    found_before, found_after, found_filter = _found_patterns()
    return {
        "prefilters": {
            "setup before": ((context.setup_patterns()[0],), setup.before_filter),
            "average": ((average,), average_filter),
            "out of": ((OUT_OF_AFTER,), _OUT_OF_FILTER),
            "average after": ((AVERAGE_AFTER,), _AVERAGE_AFTER_FILTER),
            "found count": ((found_after,), found_filter),
            "score given": ((SCORE_GIVEN,), _SCORE_GIVEN_FILTER),
            "evaluated on / as platform": ((EVALUATED_ON, AS_PLATFORM), EVALUATED_ON_FILTER),
            "evaluation ran on / as platform": ((EVALUATION_RAN_ON, AS_PLATFORM), EVALUATION_RAN_ON_FILTER),
            **{f"qualifier {name}": ((pattern,), prefilter) for name, pattern, _, prefilter in cues},
        },
        "twins": {
            "BY_BEFORE": (BY_BEFORE, BY_BEFORE_ASCII),
            "LIST_GAP": (LIST_GAP, LIST_GAP_ASCII),
            "EVALUATION_CUE_ANYWHERE": (EVALUATION_CUE_ANYWHERE, EVALUATION_CUE_ASCII),
            "setup after": setup.after,
            "count after": setup.count_after,
            **{f"qualifier {name}": (pattern, twin) for name, pattern, twin, _ in cues},
        },
        "backwards": {"setup before": (setup.before, context.setup_patterns()[0])},
        "functions": {
            "evaluation cue": (_evaluation_cue, lambda text: bool(EVALUATION_CUE_ANYWHERE.search(text))),
            "as platform anywhere": (lambda text: bool(AS_PLATFORM_ANYWHERE.search(text)), lambda text: bool(AS_PLATFORM.search(text))),
        },
    }
