"""Units of systems text, one form a row: found by ``find_quantities``, kept by ``extract_claims``.

Each row is a number with its unit as a user would write it in a sentence such as
"Our system reaches <X> on the benchmark.": the quantity found (mention, value,
value_low, unit), the unit the claim is written in (spec ruling R11: "" for a unit
the evaluation's plain pint does not parse, such as FPS or TOPS), and the value in
claimbench's canonical unit (:func:`claimbench.extract.units.canonical`). The metric
of a claim is not checked here.

Also: ordinary words stay words (a unit is a whole token right after a number), the
ASCII fast path reads these forms as the general path does, each new unit word alone
tells its unit, and the units claims are written in are read by the reference scorer
(tools/score.py) as the gold files' conventions are ("4 Mbps" is Mbit/s, "9.8 PF" is
PFLOPS, "52.0 FPS" is "").
"""
from __future__ import annotations

import dataclasses
import importlib.util
import math

import pytest

from claimbench.extract import numbers, units
from claimbench.extract.claims import extract_claims
from claimbench.extract.normalize import normalize
from claimbench.extract.papers import Paper
from conftest import require_score_py

NOT_ASCII = "\n\u00e9t\u00e9"  # a word no quantity reaches: the text is no longer ASCII (see test_numbers_speed_equivalence)

# (X, mention, value, value_low, unit found, unit of the claim, canonical value, canonical unit)
FORMS = [
    # compute rates
    ("502 petaFLOP/s", "502 petaFLOP/s", 502.0, None, "PFLOPS", "PFLOPS", 5.02e17, "FLOPS"),
    ("9.8 PF", "9.8 PF", 9.8, None, "PFLOPS", "PFLOPS", 9.8e15, "FLOPS"),
    ("1.1 PF/s", "1.1 PF/s", 1.1, None, "PFLOPS", "PFLOPS", 1.1e15, "FLOPS"),
    ("3.2 teraFLOPS", "3.2 teraFLOPS", 3.2, None, "TFLOPS", "TFLOPS", 3.2e12, "FLOPS"),
    ("3.5 GFLOPS", "3.5 GFLOPS", 3.5, None, "GFLOPS", "GFLOPS", 3.5e9, "FLOPS"),
    ("120 TOPS", "120 TOPS", 120.0, None, "TOPS", "", 1.2e14, "operation / second"),
    ("8.2 MOPS", "8.2 MOPS", 8.2, None, "MOPS", "", 8.2e6, "operation / second"),
    ("2.1M IOPS", "2.1M IOPS", 2.1e6, None, "IOPS", "", 2.1e6, "operation / second"),
    ("2 million ops/s", "2 million ops/s", 2e6, None, "op/s", "", 2e6, "operation / second"),
    ("3x10^5 transactions per second", "3x10^5 transactions per second", 3e5, None, "transaction/s", "", 3e5, "transaction / second"),
    ("100K requests per second", "100K requests per second", 1e5, None, "request/s", "request/s", 1e5, "request / second"),
    # data rates: bits (pint reads "Mbps" as megabaud, "Gb" as gilbert: written Mbit/s, Gbit/s) and bytes
    ("150 Gbps", "150 Gbps", 150.0, None, "Gbit/s", "Gbit/s", 1.875e10, "byte / second"),
    ("40 Gb/s", "40 Gb/s", 40.0, None, "Gbit/s", "Gbit/s", 5e9, "byte / second"),
    ("15 Mbps", "15 Mbps", 15.0, None, "Mbit/s", "Mbit/s", 1.875e6, "byte / second"),
    ("4 Mbps", "4 Mbps", 4.0, None, "Mbit/s", "Mbit/s", 5e5, "byte / second"),
    ("1.6 Tbps", "1.6 Tbps", 1.6, None, "Tbit/s", "Tbit/s", 2e11, "byte / second"),
    ("10 GB/s", "10 GB/s", 10.0, None, "GB/s", "GB/s", 1e10, "byte / second"),
    ("1.2 TB/s", "1.2 TB/s", 1.2, None, "TB/s", "TB/s", 1.2e12, "byte / second"),
    # frames
    ("30 FPS", "30 FPS", 30.0, None, "FPS", "", 30.0, "frame / second"),
    ("52.0 FPS", "52.0 FPS", 52.0, None, "FPS", "", 52.0, "frame / second"),
    ("24 fps", "24 fps", 24.0, None, "FPS", "", 24.0, "frame / second"),
    ("45 frames per second", "45 frames per second", 45.0, None, "FPS", "", 45.0, "frame / second"),
    # energy and power
    ("0.5 pJ/bit", "0.5 pJ/bit", 0.5, None, "pJ/bit", "pJ/bit", 4e-12, "joule / byte"),
    ("12 fJ/bit", "12 fJ/bit", 12.0, None, "fJ/bit", "fJ/bit", 9.6e-14, "joule / byte"),
    ("3.4 pJ", "3.4 pJ", 3.4, None, "pJ", "pJ", 3.4e-12, "joule"),
    ("1.5 kW", "1.5 kW", 1.5, None, "kW", "kW", 1500.0, "watt"),
    ("0.3 mJ", "0.3 mJ", 0.3, None, "mJ", "mJ", 3e-4, "joule"),
    # time
    ("5 us", "5 us", 5.0, None, "µs", "µs", 5e-6, "second"),
    ("5 µs", "5 µs", 5.0, None, "µs", "µs", 5e-6, "second"),
    ("200 ns", "200 ns", 200.0, None, "ns", "ns", 2e-7, "second"),
    # device time, a product name between the number and its unit
    ("5,000 GPU hours", "5,000 GPU hours", 5000.0, None, "GPU*hour", "GPU*hour", 5000.0, "GPU_hour"),
    ("2.788M H800 GPU hours", "2.788M H800 GPU hours", 2.788e6, None, "GPU*hour", "GPU*hour", 2.788e6, "GPU_hour"),
    # money, and money per something (pint: a month is a twelfth of a Julian year, 730.5 hours)
    ("2.5 USD/hour", "2.5 USD/hour", 2.5, None, "USD/hour", "USD/hour", 2.5, "USD / hour"),
    ("$0.02 per query", "$0.02 per query", 0.02, None, "USD/query", "USD/query", 0.02, "USD / query"),
    ("$1.20/h", "$1.20/h", 1.2, None, "USD/hour", "USD/hour", 1.2, "USD / hour"),
    ("10 dollars per month", "10 dollars per month", 10.0, None, "USD/month", "USD/month", 10 / 730.5, "USD / hour"),
    ("one dollar per month", "one dollar per month", 1.0, None, "USD/month", "USD/month", 1 / 730.5, "USD / hour"),
    # numbers in LaTeX inline math: not a currency
    ("$3$ tokens per second", "$3$ tokens per second", 3.0, None, "token/s", "token/s", 3.0, "token / second"),
    ("$10^6$ samples", "$10^6$ samples", 1e6, None, "sample", "sample", 1e6, "sample"),
    ("$5.6\\%$", "5.6\\%", 5.6, None, "%", "%", 5.6, "%"),
    ("20$\\times$", "20$\\times$", 20.0, None, "x", "x", 20.0, "x"),
    # a range
    ("10-40 Gbps", "10-40 Gbps", 40.0, 10.0, "Gbit/s", "Gbit/s", 5e9, "byte / second"),
]

IDS = [row[0] for row in FORMS]


def _sentence(x: str) -> str:
    return f"Our system reaches {x} on the benchmark."


def _found(text: str) -> list[tuple]:
    return [(q.mention, q.value, q.value_low, q.unit) for q in numbers.find_quantities(normalize(text))]


def _claims(text: str) -> list[tuple]:
    return [(c.mention, c.value, c.value_low, c.unit) for c in extract_claims(Paper("T", text, "x.txt:1"))]


@pytest.mark.parametrize("x, mention, value, low, unit, claim_unit, canonical, canonical_unit", FORMS, ids=IDS)
def test_the_quantity_is_found_with_its_whole_unit(x, mention, value, low, unit, claim_unit, canonical, canonical_unit):
    assert _found(_sentence(x)) == [(mention, pytest.approx(value), None if low is None else pytest.approx(low), unit)]


@pytest.mark.parametrize("x, mention, value, low, unit, claim_unit, canonical, canonical_unit", FORMS, ids=IDS)
def test_the_claim_is_extracted_with_its_value_and_unit(x, mention, value, low, unit, claim_unit, canonical, canonical_unit):
    text = _sentence(x)
    claims = _claims(text)
    assert (mention, pytest.approx(value), None if low is None else pytest.approx(low), claim_unit) in claims, claims
    start = text.index(mention)
    assert text[start : start + len(mention)] == mention


@pytest.mark.parametrize("x, mention, value, low, unit, claim_unit, canonical, canonical_unit", FORMS, ids=IDS)
def test_the_unit_goes_through_pint_to_its_canonical_value(x, mention, value, low, unit, claim_unit, canonical, canonical_unit):
    assert units.is_unit(unit), unit
    got, got_unit = units.canonical(value, unit)
    assert got_unit == canonical_unit
    assert got == pytest.approx(canonical, rel=1e-9)
    if low is not None:
        assert units.canonical(low, unit)[0] == pytest.approx(canonical * low / value, rel=1e-9)


@pytest.mark.parametrize("x", IDS)
def test_the_ascii_fast_path_reads_the_form_as_the_general_path_does(x):
    text = _sentence(x)
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]


# Other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range.
SENTENCES = [
    ("Compared with vLLM, serving drops to $0.02 per query, and the cluster bills 2.5 USD/hour.",
     [("$0.02 per query", 0.02, None, "USD/query"), ("2.5 USD/hour", 2.5, None, "USD/hour")]),
    ("The link sustains 40 Gb/s at 0.5 pJ/bit, while the decoder runs at 45 frames per second.",
     [("40 Gb/s", 40.0, None, "Gbit/s"), ("0.5 pJ/bit", 0.5, None, "pJ/bit"), ("45 frames per second", 45.0, None, "FPS")]),
    ("On one V100 the detector runs at 30, 45 and 60 FPS.",
     [("30", 30.0, None, "FPS"), ("45", 45.0, None, "FPS"), ("60 FPS", 60.0, None, "FPS")]),
    ("Its bandwidth ranges from 10 to 40 Gbps across nodes.",
     [("10 to 40 Gbps", 40.0, 10.0, "Gbit/s")]),
    ("Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained).",
     [("9.8 PF", 9.8, None, "PFLOPS"), ("5.06 PF", 5.06, None, "PFLOPS")]),
    ("It reduces the cost to less than one dollar per month and serves 2.1M IOPS.",
     [("one dollar per month", 1.0, None, "USD/month"), ("2.1M IOPS", 2.1e6, None, "IOPS")]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_other_sentence_shapes(text, expected):
    assert _found(text) == expected
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]
    written = {"FPS": "", "IOPS": ""}  # R11: the dataset writes these as ""
    claims = _claims(text)
    for mention, value, low, unit in expected:
        assert (mention, value, low, written.get(unit, unit)) in claims, claims


# Ordinary words after a number stay words: a unit word is a whole token.
NOT_UNITS = [
    ("We compare 4 PFs of the model.", [("4", 4.0, None, "")]),
    ("The 3 PFC stages run in order.", [("3", 3.0, None, "")]),
    ("It renders 30 frames of video.", [("30", 30.0, None, "")]),
    ("A 4 Mb buffer holds the tail.", [("4", 4.0, None, "")]),
    ("There are 7 ops per layer.", [("7", 7.0, None, "")]),
    ("It scored 30 FPSx points.", [("30", 30.0, None, "")]),
    ("We survey $122$ models.", [("$122$", 122.0, None, "")]),
    ("Training took 3640 petaflop/s-days of compute.", [("3640", 3640.0, None, "")]),
    ("It costs $4.30 per 1.5B tokens.", [("$4.30", 4.3, None, "USD"), ("1.5B tokens", 1.5e9, None, "token")]),
    ("It costs $3 and $5 in total.", [("$3", 3.0, None, "USD"), ("$5", 5.0, None, "USD")]),
    ("Everyone gets one dollar.", [("one dollar", 1.0, None, "USD")]),
]


@pytest.mark.parametrize("text, expected", NOT_UNITS)
def test_ordinary_words_are_not_units(text, expected):
    assert _found(text) == expected
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]


def test_a_math_number_without_a_unit_is_not_a_claim():
    assert _claims("We survey $122$ models in this paper.") == []


NEW_WORDS = ["PF", "PF/s", "petaFLOP/s", "petaflop/s", "PetaFLOPs/s", "petaFLOPS", "teraFLOPS", "gigaFLOP/s", "exaFLOPS",
             "Gbps", "Gb/s", "Gbit/s", "Gbits/sec", "Gb per second", "gigabits per second", "Mbps", "Mb/s", "kbps", "Kb/s",
             "Tbps", "bit/s", "bits per second", "FPS", "fps", "frames per second", "frames/s", "frame/sec", "IOPS", "MOPS",
             "GOPS", "ops/s", "op/s", "operations per second", "transactions per second", "txn/s", "pJ/bit", "pJ per bit",
             "fJ/bit", "nJ/b", "pJ", "nJ", "uJ", "$\\times$"]


@pytest.mark.parametrize("word", NEW_WORDS)
def test_a_new_unit_word_alone_tells_its_unit(word):
    """As test_numbers_speed_equivalence.test_a_unit_word_alone_tells_its_unit, for the words added here."""
    m = numbers._number_pattern().match(f"2 {word}.")
    assert m is not None and m.group("unit") == word
    assert numbers._unit_of_word(word) == numbers._unit_in_place(f"2 {word}.", 2)


def _score_canon():
    path = require_score_py()
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.canon


# (X, the unit the gold files write it in: corpus gold dev_external, "Mbit/s because pint reads 'Mbps' as megabaud")
GOLD_CONVENTIONS = [
    ("4 Mbps", "Mbit/s"),
    ("9.8 PF", "PFLOPS"),
    ("52.0 FPS", ""),
    ("$3$ tokens per second", "token/s"),
    ("one dollar per month", "USD/month"),
    ("$10^6$ samples", "sample"),
]


@pytest.mark.parametrize("x, gold_unit", GOLD_CONVENTIONS)
def test_the_reference_scorer_matches_the_gold_convention(x, gold_unit):
    canon = _score_canon()
    (mention, value, low, unit), = [c for c in _claims(_sentence(x)) if c[0] in x]
    assert canon(value, unit) == canon(value, gold_unit)


@pytest.mark.parametrize("x, mention, value, low, unit, claim_unit, canonical, canonical_unit", FORMS, ids=IDS)
def test_the_reference_scorer_parses_the_written_unit(x, mention, value, low, unit, claim_unit, canonical, canonical_unit):
    """A unit a claim is written in is one plain pint reads (with the scorer's few definitions), or "",
    and plain pint gives it the dimension claimbench's registry does (not a gilbert, a petafarad or a baud)."""
    dimension, base = _score_canon()(value, claim_unit)
    assert not dimension.startswith("unit:"), (claim_unit, dimension)
    assert math.isfinite(base)
    if claim_unit not in units.SPECIAL_UNITS:
        assert dimension == str(units.registry().parse_units(claim_unit).dimensionality), claim_unit
