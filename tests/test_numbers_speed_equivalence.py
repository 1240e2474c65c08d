"""The fast paths of quantity finding and sentence splitting give what the general paths give.

For ASCII text, :mod:`claimbench.extract.numbers` reads unit words inside the number
pattern (``re``, ASCII) and scans for number phrases only in the runs of words that
hold a stem, in the lowered text; :mod:`claimbench.extract.sentences` splits with
``re`` patterns. Other text takes the general paths (unit words with ``regex``, the
whole text scanned for phrases, ``regex`` boundaries). The same quantities and
boundaries must come out of both: a text and the same text with a non-ASCII word
appended (which no quantity reaches) are compared.

Also: the knowledge files still allow the fast paths (:func:`numbers.fast_path_blockers`:
a phrase or unit word that did not would silently slow extraction down), every unit word
tells its unit alone (:func:`numbers.unit_of_word`, the shortcut the ASCII path takes),
a phrase of every stem is found in the runs the ASCII path scans, and many phrases among
many numbers take linear time. Only public names are used (tests/test_no_private_names.py).
"""
from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimbench.extract import numbers, sentences
from claimbench.extract.knowledge import knowledge

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

FRAGMENTS = [
    *"0123456789", "1", "2.49", "10", ".5", "1,000", "12,000,000", "1,23", "1e-5", "5e3x", "10^{4}", "10^4", "2.4\\times 10^{4}",
    "2 x 10^5", "$4.30", "$ 5", "US$3", "$.5", "2--4x", "2-4x", "2~4x", " to ", "between 2 and 3x", "from ", "ranging from ",
    "at Level I to ", "factor of ", "by a factor of about ", "%", "\\%", "x", "X", " times", "times", "-fold", "fold", " percent",
    " percentage points", " pp", " points", " ms", " s", " sec", " hours", " GPU-hours", " A100 hours", " GB", " GB/s", " TFLOPS",
    " tokens/s", " tokens per second", " tokens", " samples/kJ", " samples", " QPS", " W", " kWh", " USD", " params", " MACs/cycle",
    "K", "k", "M", "B", " billion", " Million", "+", " ", "  ", "\n", "\t", "\x1c", ", ", " and ", " or ", "/", ". ", "! ", "? ",
    "e.g. ", "i.e. ", "et al. ", "Fig. ", "No. ", "approx. ", "GPT-3", "Llama2-70B", "pass@1", "\\textless", "\\sim", "sim", "~",
    "x2013", "\\textendash", "an order of magnitude", "one order", "two orders of magnitude", "twice", "Doubles", "TRIPLED",
    "halved", "by half", "half as ", "ten-fold", "four times", "Five  times", "a hundred times", "thousandfold", "sometimes",
    "4times70", "8x7B", "percentile", "A", "The", "We", "speedup", "of", "(", ")", "[", "\"", "'", ";", "-", "_", "^", "{", "}",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=50).map("".join)
NOT_ASCII = "\n\u00e9t\u00e9"  # a word no quantity reaches: the text is no longer ASCII


def _quantities(text: str) -> list[tuple]:
    return [dataclasses.astuple(q) for q in numbers.find_quantities(text)]


@SETTINGS
@given(text=TEXTS)
@example("It is 2.5 times faster, and twice as cheap: 3 tokens/s, 40 GB/s and 12,000 samples/kJ.")
@example("from 10% at Level I to 20% at Level IV; by a factor of about 3.2; between 2 and 3x")
def test_quantities_of_ascii_text_are_those_of_the_general_path(text):
    assert text.isascii()
    assert _quantities(text) == _quantities(text + NOT_ASCII)


@SETTINGS
@given(text=TEXTS)
@example("We get 2x, e.g. on A100. It is 3.5% better! Why? (Fig. 2) No. 5 is next.")
def test_sentence_boundaries_of_ascii_text_are_those_of_the_general_pattern(text):
    spans = [m.span() for m in sentences.BOUNDARY.finditer(text)]
    assert [m.span() for m in sentences.BOUNDARY_ASCII.finditer(text)] == spans
    if "!" not in text and "?" not in text:
        assert [m.span() for m in sentences.FULL_STOP_ASCII.finditer(text)] == spans


def test_knowledge_allows_the_fast_paths():
    assert numbers.fast_path_blockers() == []


# Every word a unit fragment is written to match.
UNIT_WORDS = ["x", "X", "\\times", "times", "-fold", "fold", "%", "\\%", "percent", "percentage", "percentage points", "pp", "points",
              "ms", "s", "sec", "hours", "h", "GPU-hours", "A100 hours", "kB", "KB", "MB", "GB/s", "GBps", "TFLOPS", "PFLOP/s",
              "tokens/s", "tokens / sec", "tokens per second", "tok/s", "samples/kJ", "samples", "QPS", "queries/s", "W", "watts",
              "kWh", "J", "USD", "dollars", "US dollars", "params", "steps", "rollouts", "MACs/cycle", "s/token", "ms/token", "tokens"]


@pytest.mark.parametrize("word", UNIT_WORDS)
def test_a_unit_word_alone_tells_its_unit(word):
    """The whole word after a number is its unit, the one the word alone tells (:func:`numbers.unit_of_word`,
    which the ASCII path takes), and the one the general path reads in place."""
    text = f"2 {word}."
    assert [(q.mention, q.unit) for q in numbers.find_quantities(text)] == [(f"2 {word}", numbers.unit_of_word(word))]
    assert _quantities(text) == _quantities(text + NOT_ASCII)


def test_a_phrase_of_every_stem_is_found_on_the_ascii_path():
    """The ASCII path scans for number phrases only in the runs of words that hold a stem: a phrase of each stem,
    between punctuation, digits and other stems, is found there as on the general path (which scans the whole text)."""
    text = ("In order to be twice as fast (x), it is three-fold; halving it, 2.5 times. An order of magnitude, doubled/tripled: "
            "quadrupling by half,10-fold/ten-fold;four times(one dollar per month), five percent.")
    assert _quantities(text) == _quantities(text + NOT_ASCII)
    words = [q.mention.lower() for q in numbers.find_quantities(text) if q.kind == "word"]
    assert [stem for stem in knowledge().number_words.stems if not any(stem in w for w in words)] == []


def test_many_phrases_among_many_numbers_take_linear_time():
    """Words are filtered against numbers by bisection, and each run of words is scanned once."""
    one = "2.5 times faster, and twice as cheap. "
    t0 = time.perf_counter()
    found = numbers.find_quantities(one * 20_000)
    assert len(found) == 40_000
    words = numbers.find_quantities("twice as " * 50_000)  # "twice" is a factor before "as" (number_words.toml)
    assert len(words) == 50_000
    assert time.perf_counter() - t0 < 30  # about 1 s; quadratic work took minutes


@pytest.mark.parametrize("text", [
    "It doubles the speed and is twice\u017f as fast.",  # "ſ" folds to "s": the scan matched, no phrase did
    "A gain by half\u0130 of the baseline.",
    "Up to ten-fold\u212a faster.",
])
def test_number_words_next_to_letters_that_fold_do_not_crash(text):
    """Extractor 0.7.0 raised AttributeError on these (the paper was rejected as "extraction failed")."""
    found = numbers.find_quantities(text)
    assert all(text[q.start : q.end] == q.mention for q in found)
