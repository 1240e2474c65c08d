"""Units of systems text, one form an example: found by ``find_quantities``, kept by ``extract_claims``.

Each :class:`UnitForm` is a number with its unit as a user would write it in a sentence such as
"Our system reaches <X> on the benchmark." (an invented sentence): the quantity found (mention,
value, value_low, unit), the unit the claim is written in (spec ruling R11: "" for a unit the
evaluation's plain pint does not parse, such as FPS or TOPS), the value in claimbench's canonical
unit (:func:`claimbench.extract.units.canonical`) and, for some, the unit the gold files write it
in. The metric of a claim is not checked here.

Also, as named examples (tests/examples.py; corpus and invented sentences, no bugs caught or
known misses yet): other sentence shapes, and ordinary words that stay words (a unit is a whole
token right after a number). The ASCII fast path reads these forms as the general path does, each new unit
word alone tells its unit, and the units claims are written in are read by the reference scorer
(tools/score.py) as the gold files' conventions are ("4 Mbps" is Mbit/s, "9.8 PF" is PFLOPS,
"52.0 FPS" is "").
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
from examples import Example, Number, check, check_sources, params

NOT_ASCII = "\n\u00e9t\u00e9"  # a word no quantity reaches: the text is no longer ASCII (see test_numbers_speed_equivalence)


@dataclasses.dataclass(frozen=True)
class UnitForm:
    """A number with its unit, X, as written in "Our system reaches X on the benchmark."

    ``mention`` is X unless given; ``unit`` is the unit found, ``claim_unit`` the one the claim is
    written in (R11), ``canonical`` / ``canonical_unit`` the value in claimbench's canonical unit;
    ``gold_unit``, where given, the unit the gold files write X in (corpus/gold/dev_external.jsonl:
    "Mbit/s because pint reads 'Mbps' as megabaud").
    """

    x: str
    value: float
    unit: str
    claim_unit: str
    canonical: float
    canonical_unit: str
    mention: str = ""
    value_low: float | None = None
    gold_unit: str | None = None

    def __post_init__(self):
        if not self.mention:
            object.__setattr__(self, "mention", self.x)

    @property
    def sentence(self) -> str:
        return f"Our system reaches {self.x} on the benchmark."


FORMS = [
    # compute rates
    UnitForm("502 petaFLOP/s", value=502.0, unit="PFLOPS", claim_unit="PFLOPS", canonical=5.02e17, canonical_unit="FLOPS"),
    UnitForm("9.8 PF", value=9.8, unit="PFLOPS", claim_unit="PFLOPS", canonical=9.8e15, canonical_unit="FLOPS",
             gold_unit="PFLOPS"),
    UnitForm("1.1 PF/s", value=1.1, unit="PFLOPS", claim_unit="PFLOPS", canonical=1.1e15, canonical_unit="FLOPS"),
    UnitForm("3.2 teraFLOPS", value=3.2, unit="TFLOPS", claim_unit="TFLOPS", canonical=3.2e12, canonical_unit="FLOPS"),
    UnitForm("62 Gflop/s", value=62.0, unit="GFLOPS", claim_unit="GFLOPS", canonical=6.2e10, canonical_unit="FLOPS"),
    UnitForm("3.5 GFLOPS", value=3.5, unit="GFLOPS", claim_unit="GFLOPS", canonical=3.5e9, canonical_unit="FLOPS"),
    UnitForm("120 TOPS", value=120.0, unit="TOPS", claim_unit="", canonical=1.2e14, canonical_unit="operation / second"),
    UnitForm("8.2 MOPS", value=8.2, unit="MOPS", claim_unit="", canonical=8.2e6, canonical_unit="operation / second"),
    UnitForm("2.1M IOPS", value=2.1e6, unit="IOPS", claim_unit="", canonical=2.1e6, canonical_unit="operation / second"),
    UnitForm("2 million ops/s", value=2e6, unit="op/s", claim_unit="", canonical=2e6, canonical_unit="operation / second"),
    UnitForm("3x10^5 transactions per second", value=3e5, unit="transaction/s", claim_unit="", canonical=3e5,
             canonical_unit="transaction / second"),
    UnitForm("100,000 packets per second", value=1e5, unit="event/s", claim_unit="", canonical=1e5,
             canonical_unit="event / second"),
    UnitForm("210 million edge updates per second", value=2.1e8, unit="event/s", claim_unit="", canonical=2.1e8,
             canonical_unit="event / second"),
    UnitForm("2 million lookups/s", value=2e6, unit="event/s", claim_unit="", canonical=2e6, canonical_unit="event / second"),
    UnitForm("100K requests per second", value=1e5, unit="request/s", claim_unit="request/s", canonical=1e5,
             canonical_unit="request / second"),
    # data rates: bits (pint reads "Mbps" as megabaud, "Gb" as gilbert: written Mbit/s, Gbit/s) and bytes
    UnitForm("150 Gbps", value=150.0, unit="Gbit/s", claim_unit="Gbit/s", canonical=1.875e10,
             canonical_unit="byte / second"),
    UnitForm("40 Gb/s", value=40.0, unit="Gbit/s", claim_unit="Gbit/s", canonical=5e9, canonical_unit="byte / second"),
    UnitForm("15 Mbps", value=15.0, unit="Mbit/s", claim_unit="Mbit/s", canonical=1.875e6, canonical_unit="byte / second"),
    UnitForm("4 Mbps", value=4.0, unit="Mbit/s", claim_unit="Mbit/s", canonical=5e5, canonical_unit="byte / second",
             gold_unit="Mbit/s"),
    UnitForm("1.6 Tbps", value=1.6, unit="Tbit/s", claim_unit="Tbit/s", canonical=2e11, canonical_unit="byte / second"),
    UnitForm("10 GB/s", value=10.0, unit="GB/s", claim_unit="GB/s", canonical=1e10, canonical_unit="byte / second"),
    UnitForm("1.2 TB/s", value=1.2, unit="TB/s", claim_unit="TB/s", canonical=1.2e12, canonical_unit="byte / second"),
    # frames
    UnitForm("30 FPS", value=30.0, unit="FPS", claim_unit="", canonical=30.0, canonical_unit="frame / second"),
    UnitForm("52.0 FPS", value=52.0, unit="FPS", claim_unit="", canonical=52.0, canonical_unit="frame / second",
             gold_unit=""),
    UnitForm("24 fps", value=24.0, unit="FPS", claim_unit="", canonical=24.0, canonical_unit="frame / second"),
    UnitForm("45 frames per second", value=45.0, unit="FPS", claim_unit="", canonical=45.0,
             canonical_unit="frame / second"),
    # energy and power
    UnitForm("0.5 pJ/bit", value=0.5, unit="pJ/bit", claim_unit="pJ/bit", canonical=4e-12, canonical_unit="joule / byte"),
    UnitForm("12 fJ/bit", value=12.0, unit="fJ/bit", claim_unit="fJ/bit", canonical=9.6e-14, canonical_unit="joule / byte"),
    UnitForm("3.4 pJ", value=3.4, unit="pJ", claim_unit="pJ", canonical=3.4e-12, canonical_unit="joule"),
    UnitForm("1.5 kW", value=1.5, unit="kW", claim_unit="kW", canonical=1500.0, canonical_unit="watt"),
    UnitForm("0.3 mJ", value=0.3, unit="mJ", claim_unit="mJ", canonical=3e-4, canonical_unit="joule"),
    # time
    UnitForm("5 us", value=5.0, unit="µs", claim_unit="µs", canonical=5e-6, canonical_unit="second"),
    UnitForm("5 µs", value=5.0, unit="µs", claim_unit="µs", canonical=5e-6, canonical_unit="second"),
    UnitForm("32.5 dB", value=32.5, unit="dB", claim_unit="dB", canonical=32.5, canonical_unit="dB"),  # a level: kept in dB
    UnitForm("200 ns", value=200.0, unit="ns", claim_unit="ns", canonical=2e-7, canonical_unit="second"),
    UnitForm("11.4 ns/day", value=11.4, unit="ns/day", claim_unit="ns/day", canonical=11.4, canonical_unit="ns/day"),
    # lengths, speeds, physical energies and masses (other fields)
    UnitForm("3.6 mm", value=3.6, unit="mm", claim_unit="mm", canonical=0.0036, canonical_unit="meter"),
    UnitForm("6.4 cm", value=6.4, unit="cm", claim_unit="cm", canonical=0.064, canonical_unit="meter"),
    UnitForm("3.1 m/s", value=3.1, unit="m/s", claim_unit="m/s", canonical=3.1, canonical_unit="meter / second"),
    UnitForm("19.8 meV", value=19.8, unit="meV", claim_unit="meV", canonical=19.8 * 1.602176634e-22, canonical_unit="joule"),
    UnitForm("85 kg", value=85.0, unit="kg", claim_unit="kg", canonical=85.0, canonical_unit="kilogram"),
    UnitForm("3.21 mph", value=3.21, unit="mph", claim_unit="mph", canonical=3.21 * 0.44704, canonical_unit="meter / second"),
    UnitForm("0.71 t/ha", value=0.71, unit="t/ha", claim_unit="t/ha", canonical=0.71 * 1000 / 10000,
             canonical_unit="kilogram / meter ** 2"),
    # device time, a product name between the number and its unit
    UnitForm("5,000 GPU hours", value=5000.0, unit="GPU*hour", claim_unit="GPU*hour", canonical=5000.0,
             canonical_unit="GPU_hour"),
    UnitForm("2.788M H800 GPU hours", value=2.788e6, unit="GPU*hour", claim_unit="GPU*hour", canonical=2.788e6,
             canonical_unit="GPU_hour"),
    # money, and money per something (pint: a month is a twelfth of a Julian year, 730.5 hours)
    UnitForm("2.5 USD/hour", value=2.5, unit="USD/hour", claim_unit="USD/hour", canonical=2.5, canonical_unit="USD / hour"),
    UnitForm("$0.02 per query", value=0.02, unit="USD/query", claim_unit="USD/query", canonical=0.02,
             canonical_unit="USD / query"),
    UnitForm("$1.20/h", value=1.2, unit="USD/hour", claim_unit="USD/hour", canonical=1.2, canonical_unit="USD / hour"),
    UnitForm("10 dollars per month", value=10.0, unit="USD/month", claim_unit="USD/month", canonical=10 / 730.5,
             canonical_unit="USD / hour"),
    UnitForm("one dollar per month", value=1.0, unit="USD/month", claim_unit="USD/month", canonical=1 / 730.5,
             canonical_unit="USD / hour", gold_unit="USD/month"),
    # numbers in LaTeX inline math: not a currency
    UnitForm("$3$ tokens per second", value=3.0, unit="token/s", claim_unit="token/s", canonical=3.0,
             canonical_unit="token / second", gold_unit="token/s"),
    UnitForm("$10^6$ samples", value=1e6, unit="sample", claim_unit="sample", canonical=1e6, canonical_unit="sample",
             gold_unit="sample"),
    UnitForm("$5.6\\%$", mention="5.6\\%", value=5.6, unit="%", claim_unit="%", canonical=5.6, canonical_unit="%"),
    UnitForm("20$\\times$", value=20.0, unit="x", claim_unit="x", canonical=20.0, canonical_unit="x"),
    # a range
    UnitForm("10-40 Gbps", value=40.0, value_low=10.0, unit="Gbit/s", claim_unit="Gbit/s", canonical=5e9,
             canonical_unit="byte / second"),
]

IDS = [f.x for f in FORMS]


def _found(text: str) -> list[tuple]:
    return [(q.mention, q.value, q.value_low, q.unit) for q in numbers.find_quantities(normalize(text))]


def _claims(text: str) -> list[tuple]:
    return [(c.mention, c.value, c.value_low, c.unit) for c in extract_claims(Paper("T", text, "x.txt:1"))]


def _approx(value: float | None):
    return None if value is None else pytest.approx(value)


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_quantity_is_found_with_its_whole_unit(form):
    assert _found(form.sentence) == [(form.mention, _approx(form.value), _approx(form.value_low), form.unit)]


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_claim_is_extracted_with_its_value_and_unit(form):
    text = form.sentence
    claims = _claims(text)
    assert (form.mention, _approx(form.value), _approx(form.value_low), form.claim_unit) in claims, claims
    start = text.index(form.mention)
    assert text[start : start + len(form.mention)] == form.mention


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_unit_goes_through_pint_to_its_canonical_value(form):
    assert units.is_unit(form.unit), form.unit
    got, got_unit = units.canonical(form.value, form.unit)
    assert got_unit == form.canonical_unit
    assert got == pytest.approx(form.canonical, rel=1e-9)
    if form.value_low is not None:
        assert units.canonical(form.value_low, form.unit)[0] == pytest.approx(form.canonical * form.value_low / form.value, rel=1e-9)


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_ascii_fast_path_reads_the_form_as_the_general_path_does(form):
    text = form.sentence
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]


# Other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range.
# Sentences of the development corpus.
SENTENCES_CORPUS = [
    Example(
        "Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained).",
        quantities=[Number("9.8 PF", 9.8, "PFLOPS"), Number("5.06 PF", 5.06, "PFLOPS")],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="corpus",
    ),
]

# Sentences written for the shape.
SENTENCES_INVENTED = [
    Example(
        "Compared with vLLM, serving drops to $0.02 per query, and the cluster bills 2.5 USD/hour.",
        quantities=[Number("$0.02 per query", 0.02, "USD/query"), Number("2.5 USD/hour", 2.5, "USD/hour")],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="invented",
    ),
    Example(
        "The link sustains 40 Gb/s at 0.5 pJ/bit, while the decoder runs at 45 frames per second.",
        quantities=[Number("40 Gb/s", 40.0, "Gbit/s"), Number("0.5 pJ/bit", 0.5, "pJ/bit"),
                    Number("45 frames per second", 45.0, "FPS")],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="invented",
    ),
    Example(
        "On one V100 the detector runs at 30, 45 and 60 FPS.",
        quantities=[Number("30", 30.0, "FPS"), Number("45", 45.0, "FPS"), Number("60 FPS", 60.0, "FPS")],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="invented",
    ),
    Example(
        "Its bandwidth ranges from 10 to 40 Gbps across nodes.",
        quantities=[Number("10 to 40 Gbps", 40.0, "Gbit/s", value_low=10.0)],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="invented",
    ),
    Example(
        "It reduces the cost to less than one dollar per month and serves 2.1M IOPS.",
        quantities=[Number("one dollar per month", 1.0, "USD/month"), Number("2.1M IOPS", 2100000.0, "IOPS")],
        form="other sentence shapes: several forms in one sentence, a list sharing its last member's unit, a range",
        source="invented",
    ),
]

SENTENCES = SENTENCES_CORPUS + SENTENCES_INVENTED


@pytest.mark.parametrize("example", params(SENTENCES))
def test_other_sentence_shapes(example):
    check(example)  # the quantities found
    text = example.text
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]
    written = {"FPS": "", "IOPS": ""}  # R11: the dataset writes these as ""
    claims = _claims(text)
    for n in example.quantities:
        assert (n.mention, n.value, n.value_low, written.get(n.unit, n.unit)) in claims, claims


# Ordinary words after a number stay words: a unit word is a whole token.
NOT_UNITS = [
    Example(
        "We compare 4 PFs of the model.",
        quantities=[Number("4", 4.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "The 3 PFC stages run in order.",
        quantities=[Number("3", 3.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "It renders 30 frames of video.",
        quantities=[Number("30", 30.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "A 4 Mb buffer holds the tail.",
        quantities=[Number("4", 4.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "There are 7 ops per layer.",
        quantities=[Number("7", 7.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "It scored 30 FPSx points.",
        quantities=[Number("30", 30.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "We survey $122$ models.",
        quantities=[Number("$122$", 122.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "Training took 3640 petaflop/s-days of compute.",
        quantities=[Number("3640", 3640.0)],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "It costs $4.30 per 1.5B tokens.",
        quantities=[Number("$4.30", 4.3, "USD"), Number("1.5B tokens", 1500000000.0, "token")],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "It costs $3 and $5 in total.",
        quantities=[Number("$3", 3.0, "USD"), Number("$5", 5.0, "USD")],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
    Example(
        "Everyone gets one dollar.",
        quantities=[Number("one dollar", 1.0, "USD")],
        form="ordinary words after a number stay words: a unit word is a whole token",
        source="invented",
    ),
]


@pytest.mark.parametrize("example", params(NOT_UNITS))
def test_ordinary_words_are_not_units(example):
    check(example)  # the quantities found
    assert [dataclasses.astuple(q) for q in numbers.find_quantities(example.text)] == \
        [dataclasses.astuple(q) for q in numbers.find_quantities(example.text + NOT_ASCII)]


def test_sources():
    """Each example's source is what the corpus says (tests/examples.py: from_corpus)."""
    check_sources(SENTENCES + NOT_UNITS)


def test_a_math_number_without_a_unit_is_not_a_claim():
    assert _claims("We survey $122$ models in this paper.") == []


# The unit words added here, and the unit each tells.
NEW_WORDS = {
    "PF": "PFLOPS", "PF/s": "PFLOPS", "petaFLOP/s": "PFLOPS", "petaflop/s": "PFLOPS", "PetaFLOPs/s": "PFLOPS",
    "petaFLOPS": "PFLOPS", "teraFLOPS": "TFLOPS", "gigaFLOP/s": "GFLOPS", "exaFLOPS": "EFLOPS", "Gbps": "Gbit/s",
    "Gb/s": "Gbit/s", "Gbit/s": "Gbit/s", "Gbits/sec": "Gbit/s", "Gb per second": "Gbit/s", "gigabits per second": "Gbit/s",
    "Mbps": "Mbit/s", "Mb/s": "Mbit/s", "kbps": "kbit/s", "Kb/s": "kbit/s", "Tbps": "Tbit/s", "bit/s": "bit/s",
    "bits per second": "bit/s", "FPS": "FPS", "fps": "FPS", "frames per second": "FPS", "frames/s": "FPS",
    "frame/sec": "FPS", "IOPS": "IOPS", "MOPS": "MOPS", "GOPS": "GOPS", "ops/s": "op/s", "op/s": "op/s",
    "operations per second": "op/s", "transactions per second": "transaction/s", "txn/s": "transaction/s",
    "pJ/bit": "pJ/bit", "pJ per bit": "pJ/bit", "fJ/bit": "fJ/bit", "nJ/b": "nJ/bit", "pJ": "pJ", "nJ": "nJ", "uJ": "µJ",
    "$\\times$": "x",
}


@pytest.mark.parametrize("word, unit", NEW_WORDS.items(), ids=list(NEW_WORDS))
def test_a_new_unit_word_alone_tells_its_unit(word, unit):
    """The whole word after a number is read as its unit, the same on the ASCII fast path as on the general path.

    As test_numbers_speed_equivalence.test_a_unit_word_alone_tells_its_unit, for the words added here, through
    the public ``find_quantities`` (which cannot tell whether the fast path's shortcut for the word was taken).
    """
    text = f"2 {word}."
    found = numbers.find_quantities(text)
    assert [(q.mention, q.unit) for q in found] == [(f"2 {word}", unit)]
    assert [dataclasses.astuple(q) for q in found] == [dataclasses.astuple(q) for q in numbers.find_quantities(text + NOT_ASCII)]


def _score_canon():
    path = require_score_py()
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.canon


@pytest.mark.parametrize("form", [f for f in FORMS if f.gold_unit is not None], ids=[f.x for f in FORMS if f.gold_unit is not None])
def test_the_reference_scorer_matches_the_gold_convention(form):
    canon = _score_canon()
    (mention, value, low, unit), = [c for c in _claims(form.sentence) if c[0] in form.x]
    assert canon(value, unit) == canon(value, form.gold_unit)


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_reference_scorer_parses_the_written_unit(form):
    """A unit a claim is written in is one plain pint reads (with the scorer's few definitions), or "",
    and plain pint gives it the dimension claimbench's registry does (not a gilbert, a petafarad or a baud)."""
    dimension, base = _score_canon()(form.value, form.claim_unit)
    assert not dimension.startswith("unit:"), (form.claim_unit, dimension)
    assert math.isfinite(base)
    if form.claim_unit not in units.SPECIAL_UNITS:
        assert dimension == str(units.registry().parse_units(form.claim_unit).dimensionality), form.claim_unit
