"""Metric attribution: which phrase says what a number measures.

A number's metric is the class (``metrics.toml [keywords]``) of the phrase
that *governs* it, found by the rules below, tried in this fixed order
within the number's clause; the first that finds a phrase wins. When no
rule finds one, the metric is ``other`` and the phrase is None: a keyword
that merely stands near a number does not name its metric, and no unit
gives a default ("a 4x reduction in write amplification" is ``other``, not
a speedup).

====  ===============  ==========================================================
 #    rule             the form of phrase (N is the number)
====  ===============  ==========================================================
 1    ``unit``         a unit that names its metric: "200 ms", "80 GB", "900 tokens/s"
 2    ``size``         a size the system reaches ("175B parameters": scale;
                       "with only 5.7M parameters": compression); device time
                       ("5,000 GPU hours": cost)
 3    ``peak``         a share of a peak: "52% of peak", "73% of the theoretical maximum"
 4    ``after``        the noun phrase right after N: "2.49x speedup", "30% lower
                       latency", "2x faster", "a 35% reduction in latency"
 5    ``by``           what the verb before "by N" changes: "reduces latency by 30%",
                       "latency drops by 30%", "speeds up training by 2x"
 6    ``before``       a keyword that N is given for: "a speedup of 2x", "an overhead
                       of 4.6%", "throughput improvement of 30%", "accuracy
                       reaches 80%", "pass@1 = 41.4%"
 7    ``in``           a keyword after a preposition: "79% in memory usage",
                       "a gain of 5% in accuracy"; a score on a named benchmark
                       ("45.3% on SWE-bench", "On EgoSchema it reaches 67.2%") is a
                       quality score
 8    ``antecedent``   a relative clause (comma or not) or apposition about a
                       figure: "a latency of 200 ms, which is 3x lower", "a sequence
                       length that is 2.5x", "falls to 3.1 mJ, a 4.7x improvement"
                       (the antecedent's metric)
 9    ``frame``        an opening phrase that names what the sentence measures:
                       "In terms of parallel speedup, our design improves X by 7x"
====  ===============  ==========================================================

Once the claim's direction of change is known, :func:`settle` decides four
forms where the direction, not the words, tells the class (an absolute
"performance" percentage is a quality score; a latency gain as a factor is a
speedup, R20; a size reduced is a compression; an absolute percentage of a
throughput is a share of its peak). The claim code also lets a figure that
names nothing share the metric of the figures it stands with (a list's first
member, a parallel or elliptic figure, "This number ..." in the next sentence).

The keywords and their classes are data (``extract/knowledge/metrics.toml``);
so are the words whose class the sentence decides ("performance" is a speed
in systems text, a quality in a sentence about tasks; "overhead" takes the
keyword right before it: "memory overhead").

>>> from claimbench.extract.numbers import find_quantities
>>> def show(sentence):
...     out = []
...     for q in find_quantities(sentence):
...         a = attribute(sentence, q.start, q.end, q.unit, q.mention)
...         out.append((q.mention, a.metric, a.phrase(sentence), a.rule))
...     return out
>>> show("It improves performance by 4.1x and reduces energy by 1.5x.")
[('4.1x', 'speedup', 'performance', 'by'), ('1.5x', 'energy', 'energy', 'by')]
>>> show("It reduces write amplification by 4x.")
[('4x', 'other', None, None)]
>>> show("We reach 52% of peak and a 2.3x speedup.")
[('52%', 'utilization', '% of peak', 'peak'), ('2.3x', 'speedup', 'speedup', 'after')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import context
from .clauses import clause_bounds
from .knowledge import knowledge
from .numbers import find_quantities

# ---------------------------------------------------------------- patterns

_CUES = knowledge().cues

# Qualifier and filler words that may stand between a governing word and the number: the qualifiers
# (cues.toml [leading] filler: "by up to", "a false positive rate below 0.1%"), then averages, articles, signs.
_FILLER = r"""(?:
      """ + "|".join(_CUES.leading.filler) + r"""
    | an?\s+(?:average|maximum|minimum|total|factor)\s+of | (?:a\s+)?factor(?:\s+of)? | on\s+average | average
    | an? | the | some | ~ | \$?\\sim\$? | >\s*+ | <\s*+ | \$[<>]=?\$ | \$\\(?:geq?|leq?|gt|lt|approx)\$ | \+ | averaged
    | within                                          # "stays within 6% of RocksDB"
)"""

# Rule 6: what gives a number to the keyword before it ("of", "=", "is", "reaches", "increases from"): signs and
# prepositions, and the words of metrics.toml [giving].
_GIVING = knowledge().metrics.giving
_GIVES = r"""(?:
        of | = | : | \( | -(?=\d|$) | at | to | from | between | rang\w*+\s++(?:from|between)   # "storage—90%" (a dash once normalized)
      | (?:""" + "|".join(_GIVING.copulas) + r""")(?:\s++(?:""" + "|".join(_GIVING.after_copula) + r"""))?   # metrics.toml [giving]
      | (?:""" + "|".join(_GIVING.verbs) + r""")(?:\s++to)?
      | (?:""" + "|".join(_GIVING.change_stems) + r""")\w*+
        (?:\s++(?:by|to|from))?                           # "latency decreases by", "accuracy increased from"
)"""

# Rule 4, "after": what may stand between the number and the keyword right after it (metrics.toml [keyword_gap]).
_GAP = knowledge().metrics.keyword_gap
AFTER_TIGHT = regex.compile(
    r"""^
    \$?\)?\s*+(?:-\s*+)?                                  # "2x speedup", "2x-faster", "$5.6\\%$ accuracy", "(4x) speedup"
    (?:(?:±|\+/-|\\pm)\s*+[\d.]++\s*+(?:\\?%)?\s++)?         # an error bar: "85.3% ± 0.3% accuracy" (R9)
    (?:(?:""" + "|".join(_GAP.after_comparatives) + r"""|as\s++(?:many|much))\s++)?
                                                          # "30% lower latency", "4x as many operations per second"
    (?:(?:""" + "|".join(_GAP.after_modifiers) + r""")\s++)?
    (?:(?:""" + "|".join(_GAP.after_changes) + r""")\s++(?:in|of|on)\s++)?    # "a 35% reduction in latency", "a 2x relative gain in"
    (?:(?:number|amount|count)\s++of\s++)?                  # "35% lower number of false negatives"
    (?:(?!(?:and|or|but|than|over|by|with|while|whereas|which|that|when|using|compared|to|from|vs|versus|
             against|on|in|for|at|of|is|are|was|were|as|per|under|across|without)\b)
       [a-z][\w-]*+(?:\s++|(?<=-))){0,2}                 # at most two modifiers: "end-to-end", "decoding", "end-to-end-"
    $""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Rule 4, for two figures sharing a noun: " zero-shot and 91.1% fine-tuning " before "accuracy".
COORDINATED_FIGURE = regex.compile(
    r"""\s++[a-z][\w-]*+\s++(?:and|or)\s++\d[\d.,]*+\s*+(?:\\?%|x|×)?\s*+(?:[a-z][\w-]*+\s++)?""", regex.VERBOSE
)

# Rule 5, "by": "by" (and qualifiers) right before the number.
BY_NUMBER = regex.compile(rf"(?i:\bby\s++(?:{_FILLER}\s*+)*+)\$?$", regex.VERBOSE)  # "$": LaTeX math, "by $8\times$"
# What may stand between the keyword the verb changes and "by": "the throughput of LLM serving by".
# What may stand between the keyword the verb changes and "by": "the throughput of LLM serving by".
BY_OBJECT_GAP = regex.compile(  # matched whole against the text from the keyword's end to the number's "by "
    r"""
    \)?                                   # the end of "(TTFT)"
    (?:\s++(?!(?:and|or)\s++(?!(?:(?:a|an|the)\s++)?[A-Z])|(?<=,\s++)(?:and|or)\b|(?:but|than|while|whereas|which|that|when)\b)[^\s;:()]++){0,10}?
                                          # the object or the rest of the subject, no new clause: "the execution of X",
                                          # "of MobileNet-V1 and ResNeXt-50 is increased", "vLLM, Orca and TGI,"
                                          # (not ", and Chromium's binary size grows by": ", and" opens a clause)
    (?:\s++(?:over|than|compared\s+(?:to|with)|against|relative\s+to)\s[^;:()]{1,120}?)?
                                          # what it is compared with, a list maybe: "over A, B, and C"
    (?:,?\s++(?:""" + "|".join(_CUES.baseline.examples) + r""")\s[^;:()]{1,160}?)?
                                          # examples of it: "frameworks, such as PyTorch JIT, ..., and XLA," (cues.toml [baseline] examples)
    (?:\s*+\(\s*+[a-z]+ly|\s++[a-z]+ly)?     # "(generally by", "consistently by"
    \s++by\s""",
    regex.VERBOSE,
)
# The keyword heads its phrase: what follows it is "by", a preposition, an auxiliary, a verb, or a noun that
# carries the keyword's metric ("energy consumption by", "latency drops by"); not another noun it only
# modifies ("communication range by", "performance indicators by"). Words: metrics.toml [by_head].
BY_HEAD = regex.compile(
    r"\)?\s*+(?:" + "|".join(knowledge().metrics.by_head) + "|(?:" + "|".join(knowledge().metrics.by_head_verbs) + r")[a-z]*+)\b"
)
# A keyword that is itself the verb: what follows it is its object ("accelerates failure recovery by 7.9x").
VERB_KEYWORD = regex.compile(r"(?i:(?:" + "|".join(knowledge().metrics.verb_keywords) + r")\w*+(?:\s++down)?)")  # metrics.toml [verb_keywords]

# Rule 6, "before": from a keyword to the number it is given for.
BEFORE_GAP = regex.compile(
    r"""^
    \)?                                                 # "an equal error rate (EER) of"
    (?:\s++(?:""" + "|".join(_GAP.before_heads) + r"""))?   # "memory usage ten-fold"
    (?:\s++(?:""" + "|".join(_GAP.before_changes) + rf"""))?           # "throughput improvement of", "compression ratio of"
    (?:
        \s*+,?\s*+\(?\s*+{_GIVES}?                         # "accuracy 80%", "speedups, achieving up to", "speedups (of"
      | \s++(?:for|on|in)\s++[^\s,;:()]++(?:\s++[^\s,;:()]++){{0,2}}?   # "for HTTP connections" ...
        \s*+,?\s*+\(?\s*+{_GIVES}                          # ... and what gives the number: not "accuracy on X with 40%"
      | (?:\s++(?!(?:and|or)\s++(?![A-Z])|(?:but|than|while|whereas|which|that|when)\b)[^\s,;:()]++){{1,8}}?
        \s++{_GIVES}                                      # "the pass@1 of X generated code increases from"
      | \s++of\s++(?:[^\s,;:()]++\s++){{1,4}}?           # "the runtime overhead of checkpointing below 4%":
        (?=(?:below|under|above|within|less\s+than|at\s+most|at\s+least)\b)   # "of" what, then a bound
    )
    \s*+(?:{_FILLER}\s*+)*+
    $""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A parenthetical remark, left out of the words between a keyword and its number.
PARENTHETICAL = regex.compile(r"\s*+\([^()]{0,60}\)")

# Rule 7, "in": a preposition and the keyword after the number: "79% in memory usage".
AFTER_PREPOSITION = regex.compile(
    r"""^
    \$?\s*+(?:in(?:\s++terms\s++of)?|of|on|for|from|with\s++respect\s++to)\s++  # "79% in memory usage", "in terms of latency"
    (?:(?:the|its|their|our|overall|average|total|end-to-end|[a-z][\w-]*+|[A-Z0-9][\w.-]*+(?:'s|’s)?)\s++){0,5}
    $""",                                                # "97% of GPT-4's accuracy"
    regex.VERBOSE | regex.IGNORECASE,
)
# Rule 7 where the words before the number say only "better": the preposition that names what was better,
# "outperforms X by 23% in throughput", "by 2x in terms of latency"; not "for" or "with", which name where or
# what it was measured on ("improves runtime performance by 15% for applications with high communication costs").
DIMENSION_AFTER = regex.compile(
    r"""^
    \$?\s*+(?:(?:on\s++)?(?:an?\s++)?average\s++)?       # "by 180% on an average in NMI"
    (?:in(?:\s++terms\s++of)?|with\s++respect\s++to|regarding)\s++  # "by 23% in throughput", "in terms of latency"
    (?:(?!(?:like|such|as|including|tasks?)\b)(?:the|its|their|our|overall|average|total|end-to-end|[a-z][\w-]*+)\s++){0,5}
                                          # not examples of where: "by 130% in tasks like memory capacity"
    $""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A share right after a number, of a keyword a few words on: "5% of its cost", "90% of GPT-4's accuracy".
SHARE_OF_KEYWORD = regex.compile(
    r"^\$?\s*+of\s++(?:(?:the|its|their|our|[A-Z0-9][\w.-]*+(?:'s|’s)?)\s++){0,2}$", regex.IGNORECASE
)

# "45.3% on SWE-bench": the start of a named benchmark right after the number.
ON_BENCHMARK = regex.compile(
    r"^\s*+(?:(?:" + "|".join(_GAP.before_benchmark) + r")\s++)?(?:on|in)\s++(?:the\s++)?$", regex.IGNORECASE  # [keyword_gap]
)
# "On EgoSchema it reaches 67.2%": a named benchmark the clause opens with ("on"/"in" right before it).
BENCHMARK_OPENS = regex.compile(r"(?i:(?:^|[,;:(]\s*+|\band\s++)(?:on|in)\s++(?:the\s++)?$)")

# Rule 7, for counts: "14 out of 16 datasets", "20 out of the 21 tasks" are shares of tasks won or solved.
OUT_OF_TASKS = regex.compile(
    r"""\s++(?:out\s++)?of\s++(?:the\s++)?\d[\d,]*+\s++(?:[\w-]++\s++)?
    (?P<what>(?:""" + "|".join(_CUES.totals.nouns) + r"""))\b""",  # cues.toml [totals] nouns
    regex.VERBOSE | regex.IGNORECASE,
)

# Rule 7, for shares of what is solved: "completes 47.3% of tasks", "resolves 12% of the issues".
SHARE_OF_TASKS = regex.compile(
    r"\s*+of\s++(?:the\s++)?(?:[\w-]++\s++)?(?P<what>(?:" + "|".join(_CUES.totals.solved) + r"))\b",  # cues.toml [totals] solved
    regex.IGNORECASE,
)

# Rule 6, for rates of outcomes: "preferred 80.3% of the time" names a quality keyword before the number.
OF_THE_TIME = regex.compile(  # "preferred 80.3% of the time", "prefer our answers in 68% of comparisons"
    r"\s*+of\s++(?:the\s++)?(?:" + "|".join(_CUES.totals.outcomes) + r")\b", regex.IGNORECASE  # cues.toml [totals] outcomes
)

# Rule 3, "peak": a share of a hardware peak (metrics.toml [peak]).
_PEAK = knowledge().metrics.peak
PEAK_SHARE = regex.compile(
    r"(?i:\s*of\s+(?:the\s+)?(?:[\w'’/.-]+\s+){0,3}?(?:" + "|".join(m + r"\s+" for m in _PEAK.modifiers) + r")?(?:" + "|".join(_PEAK.words) + r")\b)"
)
# An error a figure in a physical unit may be given for (rule 1 gives way to rule 6 for it).
ERROR_WORD = regex.compile(r"(?i:\b(?:errors?|MAE|RMSE|MSE|drift|bias|deviations?)\b)")
WITHIN_BEFORE = regex.compile(r"(?i:\bwithin\s++$)")
# Rule 2, "size": device time and model sizes.
DEVICE_TIME = regex.compile(r"(?i:\b(?:" + "|".join(_CUES.size.device_time) + r")[- ]hours?\b)")  # cues.toml [size] device_time
SIZE_MENTION = regex.compile(r"(?i:param|[BMT]$|billion|million|trillion)")
ONLY_BEFORE = regex.compile(r"(?i:\b(?:only|just|merely)\s+$)")

# Rule 8, "antecedent": ", which is 3x lower": the break, and what may stand between it and the number.
# The relative pronoun, with or without a comma: ", which is", "per event which is", "a sequence length that is".
RELATIVE_BREAK = regex.compile(r"(?:,\s*+|\s++)(?:which|that)\s++")
# ", a 4.7x improvement": an apposition to the figure before it, restating its change.
APPOSED_TO_FIGURE = regex.compile(
    r"""\d[^\s,]*+(?:\s++[^\s,]++){0,8}       # the figure: "3.1 mJ", "45%", "85.2% accuracy on the reasoning suite"
    (?P<comma>\s*+,)\s*+(?:an?\s++)?            # ", a", ","
    (?:(?:""" + "|".join(_CUES.leading.apposed) + r""")\s++)?$""",  # cues.toml [leading] apposed
    regex.VERBOSE,
)
APPOSED_CHANGE = regex.compile(
    r"(?i:[\s-]*+(?:(?:relative|absolute)\s++)?(?:(?:" + "|".join(_CUES.comparison.apposed_nouns) + r")s?|" + "|".join(_CUES.comparison.apposed_comparatives) + r")\b)"
)  # cues.toml [comparison] apposed_nouns, apposed_comparatives  # "a 4.7x improvement", "40% better than gzip", "3 times more than DPDK"
# ", showing an order of magnitude improvement": a participle apposition restating the change of the
# clause before it (claims.py gives it the previous claim's metric).
APPOSING = regex.compile(
    r""",\s*+(?:""" + "|".join(_CUES.leading.apposing) + r""")\s++   # cues.toml [leading] apposing: ", showing"
    (?:an?\s++)?(?:(?:""" + "|".join(_CUES.leading.apposed) + r""")\s++)?$""",  # "an", "up to"
    regex.VERBOSE,
)


def restates_change(sent: str, s: int, e: int) -> bool:
    """The number at [s, e) opens a participle apposition that restates a change ("..., showing a 10x improvement").

    >>> t = "It serves 3 tokens/s on one GPU with 24GB memory, showing a 10x improvement over X."
    >>> restates_change(t, t.index("10x"), t.index("10x") + 3), restates_change(t, t.index("24GB"), t.index("24GB") + 4)
    (True, False)
    """
    return bool(APPOSING.search(sent, max(0, s - 40), s)) and bool(APPOSED_CHANGE.match(sent, e, e + 30))


RELATIVE_VERB = regex.compile(r"(?:is|are|was|were)\s++(?:(?:" + "|".join(_CUES.leading.relative_verb) + r")\s++)?")  # [leading] relative_verb
RELATIVE_BEFORE = regex.compile(RELATIVE_BREAK.pattern + RELATIVE_VERB.pattern + "$")  # right before the number
# A number right before a word: the word is its unit ("900 tokens"), not its antecedent.
UNIT_OF_NUMBER = regex.compile(r"(?:^|[^\w@])\d[\d.,]*+\s?$")  # "900 tokens", not "p99 latency"

# How far each rule looks, in characters.
AFTER_REACH = 60
BEFORE_REACH = 90
BY_REACH = 160  # before the window of "by": the keyword a verb changes may come before a list of baselines or examples


@dataclass(frozen=True)
class Attribution:
    """A number's metric, the span of the sentence it was read from, and the rule that found it."""

    metric: str
    start: int | None = None
    end: int | None = None
    rule: str | None = None

    def phrase(self, sentence: str) -> str | None:
        """The words the metric was read from (None for ``other``)."""
        return None if self.start is None else sentence[self.start : self.end]


OTHER = Attribution("other")


@lru_cache(maxsize=1)
def metric_by_unit() -> dict[str, str]:
    """Units that name their metric whatever the words around them say (metrics.toml [by_unit])."""
    return dict(knowledge().metrics.by_unit)


def attribute(
    sent: str, s: int, e: int, unit: str, mention: str, lo: int = 0, hi: int | None = None, group_end: int | None = None
) -> Attribution:
    """The metric of the number at [s, e) of ``sent`` (its clause [lo, hi)), by the rules of this module in order.
    ``group_end``: where the list the number belongs to ends; a list shares the phrase right after its last member
    ("41-137x, 631-1074x speedup") unless its members name their own."""
    hi = len(sent) if hi is None else hi
    by_unit = metric_by_unit()
    if DEVICE_TIME.search(mention):
        return Attribution("cost", s, e, "size")
    if unit == "" and SIZE_MENTION.search(mention):
        return Attribution("compression" if ONLY_BEFORE.search(sent, max(0, s - 20), s) else "scale", s, e, "size")
    if unit in by_unit:
        # ... unless the figure is given for an error: "a median absolute error of 1.0 week", "an RMSE of 2.1 s"
        # (a cheap test first: most figures with a unit have no error word before them)
        if ERROR_WORD.search(sent, max(0, s - BEFORE_REACH), s):
            error = _before(sent, s, e, [h for h in context.within(context.keyword_hits(sent), max(0, s - BEFORE_REACH), s) if h[1] <= s])
            if error is not None and ERROR_WORD.search(error.phrase(sent) or ""):
                return Attribution("accuracy", error.start, error.end, "before")
        return Attribution(by_unit[unit], s, e, "unit")
    if unit == "%" and not WITHIN_BEFORE.search(sent, max(0, s - 12), s):  # "within 8% of the optimal" is a gap, not a share
        peak = PEAK_SHARE.match(sent, e, e + AFTER_REACH + 40)
        if peak:
            return Attribution("utilization", e - 1, peak.end(), "peak")
    lo, hi = max(lo, s - context.WINDOW), min(hi, e + context.WINDOW)  # every rule looks within this window
    hits = [h for h in context.within(context.keyword_hits(sent), lo, hi) if h[1] <= hi]
    end = e
    if group_end and group_end > e and not any(e <= h[0] and h[1] <= group_end for h in hits):
        end = group_end  # a list's members say nothing themselves: the phrase after its last member speaks
    for rule in (_after, _by, _before, _in):
        # "by" looks past the clause's start: a list of baselines may hold ", and" ("over A, B, and C by 29x")
        found = rule(sent, s, end, context.within(context.keyword_hits(sent), s - context.WINDOW, s) if rule is _by else hits)
        if found and rule is _before:
            # "N% of <keyword>" names what N is a share of, before a keyword it is given for: "reaches 90% of
            # GPT-4's accuracy at 5% of its cost" (5% is a cost)
            found = _in(sent, s, end, hits, SHARE_OF_KEYWORD) or found
        if found:
            if rule is not _in and only_says_better(sent, found):
                # "outperforms X by 23% in throughput": the metric named after the number says what was better
                return _in(sent, s, end, hits, DIMENSION_AFTER) or found
            return found
    if unit in ("%", "", "pp"):
        bench = on_benchmark(sent, e, hi) or on_benchmark(sent, end, hi) or benchmark_opens(sent, lo, s)  # a list member's own "on GSM8K" first
        if bench:
            return bench
    if unit == "%" and OF_THE_TIME.match(sent, e, e + 20):
        liked = [h for h in hits if h[2] == "accuracy" and s - BEFORE_REACH <= h[0] and h[1] <= s]
        if liked:  # "preferred by humans 80.3% of the time": a win rate
            return Attribution("accuracy", liked[-1][0], liked[-1][1], "before")
    if unit in ("", "%"):  # "solves 48 of the 100 tasks", "completes 47.3% of tasks on WebArena"
        counted = (OUT_OF_TASKS if unit == "" else SHARE_OF_TASKS).match(sent, e, e + 80)
        if counted:
            return Attribution("accuracy", counted.start("what"), counted.end(), "in")
    return _antecedent(sent, s, lo, e) or _frame(sent, context.within(context.keyword_hits(sent), 0, context.WINDOW)) or OTHER


# Rule 9, "frame": a sentence that opens by naming what it measures: "In terms of parallel speedup, ...".
FRAME = regex.compile(r"(?i:in\s++terms\s++of|regarding|with\s++(?:respect|regard)\s++to|as\s++for)\s++(?:the\s++)?")


def _frame(sent: str, hits_all) -> Attribution | None:
    """Rule 9: the metric a sentence's opening phrase names, for a number nothing else names.

    >>> s = "In terms of parallel speedup, our design improves the sequential execution by 7.04x."
    >>> _frame(s, context.keyword_hits(s)).metric
    'speedup'
    """
    m = FRAME.match(sent)
    if not m:
        return None
    comma = sent.find(",", m.end(), m.end() + 60)
    framed = [h for h in hits_all if m.end() <= h[0] and h[1] <= comma] if comma > 0 else []
    return Attribution(framed[-1][2], framed[-1][0], framed[-1][1], "frame") if framed else None


@lru_cache(maxsize=1)
def _better_words() -> regex.Pattern:
    """The words that say only that a system did better ("performance", "outperforms": metrics.toml [contextual.performance])."""
    return regex.compile(r"(?:" + "|".join(knowledge().metrics.contextual["performance"].words) + r")", regex.IGNORECASE)


def only_says_better(sent: str, found: Attribution) -> bool:
    """The phrase found only says that something did better ("performance", "outperforms")."""
    return found.start is not None and bool(_better_words().fullmatch(sent, found.start, found.end))


def settle(
    metric: str, unit: str, change: str, *, only_better: bool, better_said: bool, share_of_system: bool
) -> tuple[str, str] | None:
    """(metric, rule) where the direction of change decides the class, or None to keep ``metric``.
    ``only_better``: the phrase only says "performance"/"outperforms" (and is no share: "% of ... performance");
    ``better_said``: only "better" is said of the metric; ``share_of_system``: a share of a named system's figure.

    >>> settle("speedup", "%", "none", only_better=True, better_said=False, share_of_system=False)
    ('accuracy', 'absolute performance: a quality score')
    >>> settle("speedup", "pp", "increase", only_better=True, better_said=False, share_of_system=False)
    ('accuracy', 'absolute performance: a quality score')
    >>> settle("latency", "x", "increase", only_better=False, better_said=True, share_of_system=False)
    ('speedup', 'R20: a latency gain stated as a factor')
    >>> settle("scale", "%", "decrease", only_better=False, better_said=False, share_of_system=False)
    ('compression', 'a size reduced: compression')
    >>> settle("throughput", "%", "none", only_better=False, better_said=False, share_of_system=False)
    ('utilization', 'absolute percentage of a throughput: a share of its peak')
    """
    if only_better and (change == "none" and unit in ("%", "") or unit == "pp"):
        # "average performance drops from 77% to 33%"; "a 2.5% absolute performance gain" (points, R14: a score)
        return "accuracy", "absolute performance: a quality score"
    if metric == "latency" and unit == "x" and change == "increase" and better_said:
        return "speedup", "R20: a latency gain stated as a factor"  # "enhances latency by 35-fold"
    if metric == "scale" and change == "decrease" and unit in ("x", "%"):
        return "compression", "a size reduced: compression"  # "reduces the model size by 30%"
    if metric == "throughput" and unit == "%" and change == "none" and not share_of_system:
        return "utilization", "absolute percentage of a throughput: a share of its peak"  # "GPU throughputs of 38.38%"
    return None


def _first_after(hits, end: int, reach: int, sent: str):
    """The first keyword within ``reach`` after ``end``, spanning the compound of keywords it opens: the first
    names the resource the rest measures ("95% energy cost": energy; "80% GPU memory footprint": memory)."""
    at = next((k for k, h in enumerate(hits) if end <= h[0] <= end + reach), None)
    if at is None:
        return None
    first = last = hits[at]
    while at + 1 < len(hits) and COMPOUND.fullmatch(sent, last[1], hits[at + 1][0]):
        at += 1
        last = hits[at]
    return (first[0], last[1], first[2])


# Between two keywords of one compound noun: "storage cost", "GPU-memory".
COMPOUND = regex.compile(r"[\s-]")


def _after(sent: str, s: int, e: int, hits) -> Attribution | None:
    """Rule 4: "2.49x speedup", "30% lower latency", "a 35% reduction in latency", "3.7x lower (token-level) tail
    latency"; also the first of two figures that share the noun after the second ("88.3% zero-shot and 91.1%
    fine-tuning accuracy")."""
    h = _first_after(hits, e, AFTER_REACH, sent)
    if h and AFTER_TIGHT.match(PARENTHETICAL.sub(" ", sent[e : h[0]]).replace("  ", " ")):
        return Attribution(h[2], h[0], h[1], "after")
    both = COORDINATED_FIGURE.match(sent, e, e + AFTER_REACH)
    h = _first_after(hits, both.end(), 0, sent) if both else None
    if h and h[0] == both.end():
        return Attribution(h[2], h[0], h[1], "after")
    return None


def _by(sent: str, s: int, e: int, hits) -> Attribution | None:
    """Rule 5: the last keyword before "by N" that the verb changes: "reduces latency by 30%"."""
    window_start = max(0, s - BEFORE_REACH)
    by = BY_NUMBER.search(sent, window_start, s)
    if not by:
        return None
    by_end = by.start() + 3  # "by" and one space: the gap must end at this "by", not an earlier one
    found = [
        h for h in hits
        if window_start - BY_REACH <= h[0] and h[1] <= by.start()
        and (VERB_KEYWORD.fullmatch(sent, h[0], h[1]) or BY_HEAD.match(sent, h[1], h[1] + 40))
        and BY_OBJECT_GAP.fullmatch(PARENTHETICAL.sub("", sent[h[1] : by_end]))  # "outperforms the systems (A and B) by"
    ]
    if not found:
        return None
    last = found[-1]
    if not VERB_KEYWORD.fullmatch(sent, last[0], last[1]) and EARLIER_BY.search(sent, last[1], by.start()):
        # a noun that an earlier "by N" measured: "reduces energy consumption by 27% and SLA violations by 61%" (but a
        # verb keyword governs each of its objects: "accelerates Vicuna-13B by 3.9x and LLaMA-2-Chat-70B by 3.5x")
        return None
    # The head of the verb's object when the verb is there ("improves serving throughput within the latency SLO by"),
    # else the last keyword before "by".
    h = next(
        (
            h for h in found[:-1]
            if _by_verb_object().search(sent, max(0, h[0] - 60), h[0]) and not ANOTHER_FIGURE.search(sent, h[1], by.start())
        ),
        found[-1],
    )
    return Attribution(h[2], h[0], h[1], "by")


# Between a keyword and "by": an earlier "by N" means the keyword is that figure's ("energy by 27% and SLA violations by").
EARLIER_BY = regex.compile(r"(?i:\bby\s++(?:(?:" + "|".join(_CUES.leading.filler) + r")\s++)?[+~$]?\d)")
# Between a verb's object and "by": another "by" or a number means the object belongs to an earlier figure.
ANOTHER_FIGURE = regex.compile(r"(?i:\bby\b|(?<![\w.-])\d)")  # not a digit of a name: "Mistral-7B"


@lru_cache(maxsize=1)
def _by_verb_object() -> regex.Pattern:
    """A verb of metrics.toml [by_verbs] and at most three words of its object before a keyword: "improves serving "."""
    verbs = "|".join(knowledge().metrics.by_verbs)
    return regex.compile(rf"(?i:\b(?:{verbs})\s++(?:[a-z][\w-]*+\s++){{0,3}})$")


def _before(sent: str, s: int, e: int, hits) -> Attribution | None:
    """Rule 6: a keyword that the number is given for: "a speedup of 2x", "accuracy reaches 80%"."""
    for h in reversed([h for h in hits if s - BEFORE_REACH <= h[0] and h[1] <= s]):
        if BEFORE_GAP.match(PARENTHETICAL.sub("", sent[h[1] : s])):  # "the accuracy of X (fine-tuned with RL) rises from"
            return Attribution(h[2], h[0], h[1], "before")
    return None


def given_for(sent: str, s: int) -> Attribution | None:
    """Rule 6 alone: the metric keyword the number at ``s`` is given for ("a compression ratio of 5.3"), if any.

    >>> given_for("We reach a compression ratio of 5.3 on logs.", 32).metric
    'compression'
    >>> given_for("We train for 5 epochs.", 13) is None
    True
    """
    return _before(sent, s, s, context.within(context.keyword_hits(sent), max(0, s - BEFORE_REACH), s))


def _in(sent: str, s: int, e: int, hits, gap: regex.Pattern = AFTER_PREPOSITION) -> Attribution | None:
    """Rule 7: "79% in memory usage", "a gain of 5% in accuracy". ``gap``: what may stand between the number and
    the keyword (:data:`DIMENSION_AFTER` where the keyword must name the dimension of a comparison)."""
    h = _first_after(hits, e, AFTER_REACH, sent)
    if h and gap.match(sent[e : h[0]]):
        return Attribution(h[2], h[0], h[1], "in")
    return None


def on_benchmark(sent: str, e: int, hi: int) -> Attribution | None:
    """Rule 7, for scores: a percentage or score on a named benchmark is a quality score ("45.3% on SWE-bench")."""
    for start, end, _, kind in context.find_workloads(sent):
        if kind == "bench" and e <= start <= e + 30 and end <= hi and ON_BENCHMARK.match(sent[e:start]):
            return Attribution("accuracy", start, end, "in")
    return None


def benchmark_opens(sent: str, lo: int, s: int) -> Attribution | None:
    """Rule 7, for scores: a percentage or score in a clause that opens on a named benchmark, with no
    other figure or metric word between them, is a quality score ("On EgoSchema it reaches 67.2%").

    >>> t = "On Video-MME it attains 59.6%, and on EgoSchema it reaches 67.2% with 2x fewer tokens."
    >>> benchmark_opens(t, t.index("and"), t.index("67.2")).phrase(t), benchmark_opens(t, 0, t.index("2x"))
    ('EgoSchema', None)
    """
    for start, end, _, kind in context.find_workloads(sent):
        if kind == "bench" and lo <= start and end <= s and s - end <= 40 and BENCHMARK_OPENS.search(sent, max(0, start - 12), start):
            between = sent[end:s]
            if not any(ch.isdigit() for ch in between) and not context.keyword_hits(between):
                return Attribution("accuracy", start, end, "in")
    return None


def _antecedent(sent: str, s: int, lo: int, e: int) -> Attribution | None:
    """Rule 8: a number opening a relative clause (", which is 3x lower") takes the metric its antecedent names
    (not a number's own unit word: "a throughput of 900 tokens/s, which is 2.1x higher" names throughput).

    >>> t = "It has a latency of 200 ms, which is 3x lower than Clipper."
    >>> _antecedent(t, t.index("3x"), clause_bounds(t, t.index("3x"), t.index("3x") + 2)[0], t.index("3x") + 2).metric
    'latency'
    >>> t = "Energy per inference falls to 3.1 mJ, a 4.7x improvement over the CPU."
    >>> _antecedent(t, t.index("4.7x"), 0, t.index("4.7x") + 4).metric
    'energy'
    >>> t = "The prototype handles 10 Gbps of traffic per core, 3 times more than DPDK."
    >>> _antecedent(t, t.index("3 times"), 0, t.index("3 times") + 7).metric
    'throughput'
    """
    relative = RELATIVE_BEFORE.search(sent, max(0, s - 40), s)
    if relative:
        lo = relative.start()
    else:
        # Or an apposition to a figure: "falls to 3.1 mJ, a 4.7x improvement over the CPU" (a change noun right after).
        apposed = APPOSED_TO_FIGURE.search(sent, max(0, s - 80), s)
        if not apposed or not APPOSED_CHANGE.match(sent, e, e + 30):
            return None
        lo = apposed.start("comma")
        # the last figure before the comma whose unit names a metric (not a count: "on 8 H100 GPUs, a 2.3x improvement")
        named = [q for q in find_quantities(sent[apposed.start() : lo]) if q.unit in metric_by_unit()]
        figure = named[-1] if named else None
        if figure is not None:
            # the figure's own unit names it: "handles 10 Gbps of traffic per core, 3 times more than DPDK"
            at = apposed.start()
            return Attribution(metric_by_unit()[figure.unit], at + figure.start, at + figure.end, "antecedent")
    start = clause_bounds(sent, max(0, lo - 12), max(0, lo - 12))[0]
    before = [
        h for h in context.within(context.keyword_hits(sent), max(start, lo - context.WINDOW), lo)
        if h[1] <= lo and not UNIT_OF_NUMBER.search(sent[max(0, h[0] - 12) : h[0]])
    ]
    return Attribution(before[-1][2], before[-1][0], before[-1][1], "antecedent") if before else None
