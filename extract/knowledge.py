"""The extractor's knowledge (extract/knowledge/): one loader, a typed record per file.

Metric keywords, unit words, number words, cue phrases, hardware and workload names and the
leaderboard's aliases live in TOML and CSV files that a contributor edits without touching the
parser; each file's header documents its grammar. :func:`knowledge` reads the package's folder
once; :func:`read_knowledge` reads any folder (a copy being edited, a test's). Every file is
checked as it is read: each pattern is compiled (``re``, or the ``regex`` module where a key
says so) and must lie in the subset extract/regex_subset.py reads; vocabulary values (metric
classes, qualifiers, directions) must be the dataset's (schemas/vocabularies.json); a duplicate
(a key, a list member, a pattern under two labels) and a disagreement between files (the
vendors of hardware.toml and aliases.toml, the units of metrics.toml and units.toml, the stems
of number_words.toml) are errors too. Every error is one :class:`KnowledgeError` naming
``file [key]``.

>>> knowledge().units.factor["-?folds?(?![A-Za-z])"]
'x'
>>> knowledge().metrics.keywords["latency"][:2]
('latency', 'latencies')

Below the loader: the scan shortcuts built from these patterns (compile_scanner, FoldedScanner,
Prefilter, ascii_twin, ...).
"""
from __future__ import annotations

import copy
import csv
import io
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import regex

from claimbench.errors import ClaimbenchError
from claimbench.schemas import vocabularies

from .regex_subset import Unsupported, first_set, lowered, needles, parse

Fragments = tuple[str, ...]  # regular-expression fragments, in the file's order


class KnowledgeError(ClaimbenchError, ValueError):
    """A knowledge file that cannot be used: its message names ``file [key]`` and what is wrong.

    A run loads the knowledge before it reads any paper (:meth:`claimbench.run.pipeline.Run.read`),
    so a broken file stops ``claimbench extract`` or ``build`` at once with this one line (exit 2).

    >>> str(KnowledgeError("metrics.toml", "keywords.speedup", "bad pattern 'speed(': missing )"))
    "metrics.toml [keywords.speedup]: bad pattern 'speed(': missing )"
    """

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file} [{key}]: {problem}")
        self.file, self.key, self.problem = file, key, problem


# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class Contextual:
    """metrics.toml [contextual.NAME]: words whose metric the sentence decides."""

    words: Fragments
    default: str
    quality: str | None = None
    quality_words: Fragments = ()
    default_before: Fragments = ()  # words right before it that make it `default` whatever the sentence


@dataclass(frozen=True)
class KeywordGap:
    """metrics.toml [keyword_gap]: words between a number and its keyword (case aside)."""

    after_comparatives: Fragments  # "30% lower latency" (metric.AFTER_TIGHT)
    after_modifiers: Fragments  # "a 2x relative gain in" (metric.AFTER_TIGHT)
    after_changes: Fragments  # "a 35% reduction in latency" (metric.AFTER_TIGHT)
    before_heads: Fragments  # "memory usage ten-fold" (metric.BEFORE_GAP)
    before_changes: Fragments  # "throughput improvement of", "compression ratio of" (metric.BEFORE_GAP)
    before_benchmark: Fragments  # "a 5% gain on MMLU" (metric.ON_BENCHMARK)


@dataclass(frozen=True)
class Giving:
    """metrics.toml [giving]: words that give a number to the keyword before it (metric rule 6, case aside)."""

    copulas: Fragments  # "latency is 3 ms"
    after_copula: Fragments  # "is reduced to"
    verbs: Fragments  # "reaches", "goes up to"
    change_stems: Fragments  # "decreas" ("latency decreases by 30%")


@dataclass(frozen=True)
class Peak:
    """metrics.toml [peak]: a share of a hardware peak (metric.PEAK_SHARE, case aside)."""

    modifiers: Fragments  # plain lower-case words: "theoretical"
    words: Fragments  # "peak", "(?:memory\s+)?bandwidth"


@dataclass(frozen=True)
class Metrics:
    """metrics.toml."""

    keywords: Mapping[str, Fragments]  # metric -> keywords
    contextual: Mapping[str, Contextual]
    generic: Fragments  # [generic] keywords
    by_verbs: Fragments  # [by_verbs] words
    by_head: Fragments  # [by_head] words: what may follow a keyword that heads its phrase
    by_head_verbs: Fragments  # [by_head] verb_stems
    lower_is_better: Fragments  # [direction] lower_is_better (metrics)
    time_words: Fragments  # [direction] time_words
    scores: Fragments  # [scores] words
    verb_keywords: Fragments  # [verb_keywords] stems: keywords that are themselves the verb ("accelerat")
    keyword_gap: KeywordGap
    peak: Peak
    giving: Giving
    by_unit: Mapping[str, str]  # unit -> metric


@dataclass(frozen=True)
class Units:
    """units.toml: fragment -> unit of each section."""

    factor: Mapping[str, str]
    percent: Mapping[str, str]
    quantity: Mapping[str, str]
    per_currency: Mapping[str, str]
    written_unitless: Fragments  # units


@dataclass(frozen=True)
class Phrase:
    """number_words.toml [phrases]: an amount written in words."""

    value: float
    unit: str
    direction: str  # "increase", "decrease" or ""


@dataclass(frozen=True)
class NumberWords:
    """number_words.toml."""

    phrases: Mapping[str, Phrase]
    cardinals: Mapping[str, int]
    scales: Mapping[str, float]
    stems: Fragments  # [stems] words: every phrase holds one


@dataclass(frozen=True)
class Setup:
    """cues.toml [setup]."""

    before: Fragments
    after: Fragments
    error_bar: Fragments
    word_before: Fragments
    word_after: Fragments
    after_count: Fragments


@dataclass(frozen=True)
class Baseline:
    """cues.toml [baseline]."""

    markers: Fragments
    object_verbs: Fragments
    stop: Fragments
    compared_with: Fragments
    not_names: Fragments
    not_systems: Fragments
    system_nouns: Fragments  # an object that names a system: "the baseline model" (context.SYSTEM_LIKE)
    examples: Fragments  # what introduces examples of a compared kind: "such as" (context.EXAMPLES)


@dataclass(frozen=True)
class Turnaround:
    """cues.toml [turnaround]."""

    slower: Fragments
    less_efficient: Fragments
    comparative: Fragments
    own: Fragments
    introduce: Fragments
    first_person: Fragments
    copula: Fragments
    side_stop: Fragments


@dataclass(frozen=True)
class Leading:
    """cues.toml [leading]: the short qualifiers each position accepts between its marker and the number (case aside)."""

    by_outperform: Fragments  # "outperforms X by up to 2x" (claims.OUTPERFORMS_BY)
    by_own_object: Fragments  # ", and area by about 20%" (claims.OWN_OBJECT_BY)
    by_figure: Fragments  # "and B by up to N" (claims.GAPPED_COMPARED, OWN_FIGURE_AFTER)
    by_gapped: Fragments  # ", and the memory by up to 36%" (claims.GAPPED_BY)
    by_measured: Fragments  # "latency by about 30%" (claims.MEASURED_BY)
    absolute: Fragments  # "absolute gains of up to 5%" (claims.ABSOLUTE_BEFORE)
    list: Fragments  # a list member's own: "up to 1.6x and on average 1.3x" (claims.LIST_GAP)
    to_level: Fragments  # "to nearly 90%" (claims.TO_LEVEL)
    up_from: Fragments  # "up from about 64%" (claims.UP_FROM)
    than: Fragments  # "more than about 2x" (claims.QUALIFIER_THAN)
    compared: Fragments  # "compared to only 400 tokens/s" (claims.COMPARED_FIGURE)
    found: Fragments  # "found over 500 bugs" (claims' [found] count)
    copula: Fragments  # "is about 12x slower" (turnaround's copula)
    apposed: Fragments  # ", a 4.7x improvement" (metric.APPOSED_TO_FIGURE)
    apposing: Fragments  # the word that opens such an apposition: ", showing a 4.7x improvement"
    relative_verb: Fragments  # ", which is about 3x lower" (metric.RELATIVE_VERB)
    filler: Fragments  # "by up to", "below 0.1%" (metric.BY_NUMBER, BEFORE_GAP)


@dataclass(frozen=True)
class Comparison:
    """cues.toml [comparison]: comparisons and changes named by a verb or a noun (case aside)."""

    verbs: Fragments  # plain lower-case stems: "outperform" (claims.OUTPERFORMS_BY)
    comparatives: Fragments  # plain lower-case words before "than" (claims.QUALIFIER_THAN)
    elliptic: Fragments  # markers before a capitalised name (claims.ELLIPTIC_COMPARISON)
    change_nouns: Fragments  # before "of": "an improvement of" (claims.CHANGE_NOUN_OF)
    share_nouns: Fragments  # after "of": "52% of improvement" (claims.OF_CHANGE_NOUN)
    apposed_nouns: Fragments  # ", a 4.7x improvement" (metric.APPOSED_CHANGE)
    apposed_comparatives: Fragments  # plain lower-case words: "40% better than gzip" (metric.APPOSED_CHANGE)


@dataclass(frozen=True)
class Totals:
    """cues.toml [totals]: what a count or a share is of (case aside)."""

    nouns: Fragments  # plain lower-case words: "17 of the 20 tasks" (claims.OUT_OF_AFTER, metric.OUT_OF_TASKS)
    solved: Fragments  # "completes 47.3% of tasks" (metric.SHARE_OF_TASKS)
    outcomes: Fragments  # plain lower-case words: "preferred 80.3% of the time" (metric.OF_THE_TIME)


@dataclass(frozen=True)
class Reach:
    """cues.toml [reach]: words that present a size as what the system reaches (R5; claims.REACH, case aside)."""

    before: Fragments  # right before the size: "over 114K tokens"
    verbs: Fragments  # "fine-tune 175B", "scales to 1T parameters"
    after_verb: Fragments  # between such a verb's object and the size: "trains models with up to 1T"


@dataclass(frozen=True)
class ModelSize:
    """cues.toml [size]: a model's size written with the number (case aside)."""

    parameters: Fragments  # "parameters", "params" (claims.PARAMETER_WORDS)
    magnitudes: Fragments  # "B", "billion" (claims.SIZE_WORDS, with `parameters`)
    not_counted: Fragments  # lower-case nouns after a size that count nothing: "175B model" (claims.COUNTED_NOUN)
    device_time: Fragments  # "GPU-hours" (metric.DEVICE_TIME)


@dataclass(frozen=True)
class Cues:
    """cues.toml."""

    qualifier_before: Mapping[str, Fragments]  # qualifier -> cues, in order of precedence
    qualifier_respectively: Mapping[str, Fragments]
    change: Mapping[str, Fragments]  # direction -> words
    better: Fragments
    better_unless: Fragments
    baseline: Baseline
    turnaround: Turnaround
    setup: Setup
    background: Fragments  # [background] sentence
    found_verbs: Fragments
    found_nouns: Fragments
    counted_units: Fragments
    counted_result_before: Fragments
    governed_units: Fragments  # [counted] governed_units: lengths, claims only with a metric word near
    giving: Fragments  # [giving] words: what gives a number to a metric's name ("a compression ratio of 5.3")
    anaphora_determiners: Fragments  # [anaphora] determiners ("this", "such a")
    anaphora_nouns: Fragments  # [anaphora] nouns ("number", "gain"): "This number ..." points back at a figure
    evaluation_cues: tuple[tuple[str, str], ...]  # [evaluation] cues as (the letters each starts with, the rest of its pattern)
    evaluation_platforms: Fragments  # [evaluation] platforms: "as our testbed"
    leading: Leading
    comparison: Comparison
    totals: Totals
    reach: Reach
    size: ModelSize


@dataclass(frozen=True)
class HardwareContext:
    """hardware.toml [context]: one fragment each."""

    count: str
    vendor: str  # made of `vendors`: one of them
    device: str
    modifier: str
    vendors: Fragments  # [context] vendors: names, a space standing for any white space


@dataclass(frozen=True)
class MemoryContext:
    """hardware.toml [memory]: words that make a memory size a device's (case aside)."""

    after: Fragments  # right after the size: "24GB GPU", "80GB of HBM"
    device_with: Fragments  # before "with" and the size: "a single GPU with 24GB memory"
    measured_on: Fragments  # between a size and a device named near it: where the size was measured ("22 GB on an A100")


@dataclass(frozen=True)
class MachineContext:
    """hardware.toml [machine_context]: what tells a name that is also a word ("Summit") is a machine."""

    before: Fragments  # a machine word right before it: "the supercomputer Summit" (case aside)
    naming: Fragments  # between that word and the name: "supercomputers such as Titan" (case aside)
    parts_before: Fragments  # parts of a machine, before "of" or "on": "nodes of Titan" (case aside)
    phrase_ends: Fragments  # a word after "on <Name>" that ends the phrase: "on Summit with", "on Titan NVIDIA"


@dataclass(frozen=True)
class HardwareClasses:
    """hardware.toml [classes]: classes of devices and instruction sets, never a workload (case-sensitive)."""

    devices: Fragments  # "TPU", "FPGAs", "SmartNIC"
    isas: Fragments  # "x86-64", "ARMv8", "RISC-V"
    after: Fragments  # a device word after one, or a product: "ARM CPUs" (names.is_hardware_word)


@dataclass(frozen=True)
class Apposition:
    """hardware.toml [apposition]: what an apposition after a name says it is (case aside)."""

    machine: Fragments  # ", the world's first exascale supercomputer"
    other: Fragments  # ", a foundation model of the atmosphere"


@dataclass(frozen=True)
class AfterName:
    """hardware.toml [after_name]: the word after a name that makes it hardware (case-sensitive)."""

    device: Fragments  # "P4 GPUs", "NVIDIA Volta GPUs"
    machine: Fragments  # "the Summit supercomputer", "Titan nodes"


@dataclass(frozen=True)
class TableNames:
    """hardware.toml [table_names]: words of an accelerators.csv name a paper leaves out or writes apart."""

    makers: Fragments  # plain names: "NVIDIA"
    lines: Fragments  # plain names, tried in order: "Tesla" ("Tesla V100" is "V100")
    variants: Fragments  # case-sensitive fragments: "SXM\d?", "PCIe"


@dataclass(frozen=True)
class Accelerator:
    """A row of accelerators.csv."""

    name: str
    manufacturer: str
    type: str
    release_date: str


@dataclass(frozen=True)
class Machine:
    """A row of machines.csv."""

    name: str
    kind: str
    context: str  # free, device, machine
    suffix: str  # -, number, gen


@dataclass(frozen=True)
class Hardware:
    """hardware.toml, accelerators.csv and machines.csv."""

    products: Mapping[str, str]  # group -> fragment
    context: HardwareContext
    accelerators: tuple[Accelerator, ...]
    machines: tuple[Machine, ...]
    memory: MemoryContext
    machine_context: MachineContext
    classes: HardwareClasses
    apposition: Apposition
    after_name: AfterName
    table_names: TableNames


@dataclass(frozen=True)
class Workloads:
    """workloads.toml: one fragment each."""

    model_families: str
    model_size: str
    model_variant: str
    benchmarks: str
    systems_kind: str
    systems_benchmarks: str
    applications: str
    job: str
    named_name: str
    named_what: str
    not_names: str
    described_models: str  # the regex module's syntax (a lookbehind of varying width)


@dataclass(frozen=True)
class Aliases:
    """aliases.toml (compiled by claimbench's leaderboard, claimbench.analysis.leaderboard.aliases)."""

    vendors: Fragments
    device_words: Fragments
    determiners: Fragments
    count_words: Mapping[str, int]
    brands: Fragments  # [cleaning] brands: dropped from names, but no vendor the extractor reads before a product
    kept: Fragments  # [cleaning] kept: vendors the extractor reads before a product, kept in names
    hardware: Mapping[str, Fragments]
    baselines: Mapping[str, Fragments]


@dataclass(frozen=True)
class Knowledge:
    """Every knowledge file, read and checked."""

    metrics: Metrics
    units: Units
    number_words: NumberWords
    cues: Cues
    hardware: Hardware
    workloads: Workloads
    aliases: Aliases
    tables: Mapping[str, Mapping]  # each TOML file's parsed contents, by name (for :func:`load`)


# ------------------------------------------------------------------ loading

TOML_FILES = ("metrics", "units", "number_words", "cues", "hardware", "workloads", "aliases")
CSV_FILES = ("accelerators.csv", "machines.csv")


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The package's knowledge files (extract/knowledge/), read and checked once.

    >>> knowledge().cues.qualifier_before["at_most"][:2]
    ('less\\\\s+than', 'under')
    """
    return read_knowledge(resources.files(__package__) / "knowledge")


def load(name: str) -> Mapping:
    """The parsed contents of ``knowledge/<name>.toml``, checked: a file as written, for a reader that wants
    it so (tests compare the records with it); the extractor and the leaderboard read :func:`knowledge`'s records.

    >>> load("units")["factor"]["-?folds?(?![A-Za-z])"]
    'x'
    """
    return knowledge().tables[name]


def read_knowledge(folder) -> Knowledge:
    r"""Read and check the knowledge files of ``folder`` (a path, or a package resource folder).

    >>> import tempfile, shutil
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = shutil.copytree(resources.files(__package__) / "knowledge", tmp, dirs_exist_ok=True)
    ...     path = Path(tmp) / "metrics.toml"
    ...     _ = path.write_text(path.read_text(encoding="utf-8").replace("'goodput'", "'goodput('"), encoding="utf-8")
    ...     try:
    ...         read_knowledge(tmp)
    ...     except KnowledgeError as err:
    ...         print(err)
    metrics.toml [keywords.throughput]: bad pattern 'goodput(': missing ), unterminated subpattern at position 7
    """
    folder = Path(folder) if isinstance(folder, str) else folder
    tables = {name: _read_toml(folder, f"{name}.toml") for name in TOML_FILES}
    vocab = vocabularies()
    metrics = _metrics(_File("metrics.toml", tables["metrics"]), vocab)
    units = _units(_File("units.toml", tables["units"]))
    number_words = _number_words(_File("number_words.toml", tables["number_words"]), vocab)
    cues = _cues(_File("cues.toml", tables["cues"]), vocab)
    hardware = _hardware(_File("hardware.toml", tables["hardware"]), _read_csv(folder, "accelerators.csv"),
                         _read_csv(folder, "machines.csv"))
    workloads = _workloads(_File("workloads.toml", tables["workloads"]))
    aliases = _aliases(_File("aliases.toml", tables["aliases"]))
    found = Knowledge(metrics, units, number_words, cues, hardware, workloads, aliases,
                      MappingProxyType({k: _frozen(v) for k, v in tables.items()}))
    _check_across(found)
    return found


def _read_toml(folder, name: str) -> dict:
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except OSError as err:
        raise KnowledgeError(name, "", f"cannot be read: {err}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # a duplicate key, a syntax error: name the line
        m = re.search(r"line (\d+)", str(err))
        line = text.splitlines()[int(m.group(1)) - 1].strip() if m and int(m.group(1)) <= len(text.splitlines()) else ""
        raise KnowledgeError(name, f"line {m.group(1) if m else '?'}: {line}", str(err)) from None


def _read_csv(folder, name: str) -> list[dict[str, str]]:
    """The rows of a CSV file whose lines starting with "#" are comments."""
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except OSError as err:
        raise KnowledgeError(name, "", f"cannot be read: {err}") from None
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


def _frozen(value):
    """A parsed TOML value made read-only: tables as mappings, arrays as tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


class _File:
    """One parsed TOML file, read key by key: every problem raised as a KnowledgeError naming file and key."""

    def __init__(self, name: str, data: dict) -> None:
        self.name, self.data = name, data

    def error(self, key: str, problem: str) -> KnowledgeError:
        return KnowledgeError(self.name, key, problem)

    def get(self, key: str, kind: type | tuple[type, ...], default=...):
        value = self.data
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                if default is not ...:
                    return default
                raise self.error(key, "missing")
            value = value[part]
        if not isinstance(value, kind) or isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.error(key, f"{value!r} is not a {_kind_name(kind)}")
        return value

    def table(self, key: str) -> dict:
        return self.get(key, dict)

    def pattern(self, key: str, value, engine: str = "re") -> str:
        """A pattern, compiled (with ``re``, or ``regex``) and within extract/regex_subset.py's subset."""
        if not isinstance(value, str) or not value:
            raise self.error(key, f"{value!r} is not a pattern (a non-empty string)")
        try:
            (regex.compile(value) if engine == "regex" else re.compile(value))
        except (re.error, regex.error) as err:
            raise self.error(key, f"bad pattern {value!r}: {err}") from None
        try:
            parse(value)
        except Unsupported as err:
            raise self.error(key, f"pattern {value!r} outside the subset extract/regex_subset.py reads: {err.what}") from None
        return value

    def fragments(self, key: str, engine: str = "re", casefold: bool = True, values=None) -> Fragments:
        """A list of patterns (at ``key``, or ``values`` named ``key``), none twice (nor twice but for case, where ``casefold``)."""
        values = self.get(key, list) if values is None else values
        if not isinstance(values, list):
            raise self.error(key, f"{values!r} is not a list")
        out = tuple(self.pattern(key, v, engine) for v in values)
        _no_duplicates(self, key, out, casefold)
        return out

    def words(self, key: str) -> Fragments:
        """A list of plain words (no pattern), none twice."""
        values = self.get(key, list)
        for v in values:
            if not isinstance(v, str) or not v:
                raise self.error(key, f"{v!r} is not a word (a non-empty string)")
        _no_duplicates(self, key, tuple(values), casefold=False)
        return tuple(values)

    def one_of(self, key: str, value, allowed) -> str:
        if value not in allowed:
            raise self.error(key, f"{value!r} is not one of {sorted(allowed)}")
        return value

    def labelled(self, key: str, labels, casefold: bool = True) -> Mapping[str, Fragments]:
        """A table of label -> patterns; each label one of ``labels``, no pattern under two labels."""
        table = self.table(key)
        out = {}
        for label in table:
            self.one_of(f"{key}.{label}", label, labels)
            out[label] = self.fragments(f"{key}.{label}", casefold=casefold)
        seen: dict[str, str] = {}
        for label, frags in out.items():
            for frag in frags:
                folded = frag.lower() if casefold else frag
                if folded in seen and seen[folded] != label:
                    raise self.error(f"{key}.{label}", f"{frag!r} is also under {key}.{seen[folded]}")
                seen.setdefault(folded, label)
        return MappingProxyType(out)

    def unknown_keys(self, key: str, known) -> None:
        table = self.data if not key else self.table(key)
        for name in table:
            if name not in known:
                raise self.error(f"{key}.{name}" if key else name, f"unknown key (known: {', '.join(known)})")


def _number(f: _File, key: str, value, kind) -> None:
    if isinstance(value, bool) or not isinstance(value, kind):
        raise f.error(key, f"{value!r} is not a {_kind_name(kind)}")


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "string", list: "list", dict: "table", int: "integer", float: "number"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _no_duplicates(file: _File, key: str, values: Fragments, casefold: bool) -> None:
    seen = set()
    for v in values:
        folded = v.lower() if casefold else v
        if folded in seen:
            raise file.error(key, f"{v!r} is listed twice" + (" (case aside)" if casefold else ""))
        seen.add(folded)


def _metrics(f: _File, vocab) -> Metrics:
    classes = vocab["metric"]
    f.unknown_keys("", ("keywords", "contextual", "generic", "by_verbs", "by_head", "direction", "scores", "by_unit", "verb_keywords",
                        "keyword_gap", "peak", "giving"))
    f.unknown_keys("verb_keywords", ("stems",))
    f.unknown_keys("keyword_gap", KeywordGap.__dataclass_fields__)
    f.unknown_keys("peak", Peak.__dataclass_fields__)
    f.unknown_keys("giving", Giving.__dataclass_fields__)
    keywords = f.labelled("keywords", classes)
    contextual = {}
    for name in f.table("contextual"):
        key = f"contextual.{name}"
        f.unknown_keys(key, ("words", "default", "quality", "quality_words", "default_before"))
        contextual[name] = Contextual(
            words=f.fragments(f"{key}.words"),
            default=f.one_of(f"{key}.default", f.get(f"{key}.default", str), classes),
            quality=f.one_of(f"{key}.quality", f.get(f"{key}.quality", str), classes) if f.get(f"{key}.quality", str, None) else None,
            quality_words=f.fragments(f"{key}.quality_words") if f.get(f"{key}.quality_words", list, None) is not None else (),
            default_before=f.fragments(f"{key}.default_before") if f.get(f"{key}.default_before", list, None) is not None else (),
        )
    by_unit = f.table("by_unit")
    for unit, metric in by_unit.items():
        f.one_of(f"by_unit.{unit}", metric, classes)
    lower = f.words("direction.lower_is_better")
    for metric in lower:
        f.one_of("direction.lower_is_better", metric, classes)
    return Metrics(
        keywords=keywords,
        contextual=MappingProxyType(contextual),
        generic=f.fragments("generic.keywords"),
        by_verbs=f.fragments("by_verbs.words"),
        by_head=f.fragments("by_head.words", casefold=False),
        by_head_verbs=f.fragments("by_head.verb_stems", casefold=False),
        lower_is_better=lower,
        time_words=f.fragments("direction.time_words"),
        scores=f.fragments("scores.words"),
        verb_keywords=f.fragments("verb_keywords.stems"),
        keyword_gap=KeywordGap(**{k: f.fragments(f"keyword_gap.{k}") for k in KeywordGap.__dataclass_fields__}),
        peak=Peak(modifiers=_lower_words(f, "peak.modifiers"), words=f.fragments("peak.words")),
        giving=Giving(**{k: f.fragments(f"giving.{k}") for k in Giving.__dataclass_fields__}),
        by_unit=MappingProxyType(dict(by_unit)),
    )


def _unit_table(f: _File, key: str) -> Mapping[str, str]:
    table = f.table(key)
    for frag, unit in table.items():
        f.pattern(f"{key}.{frag}", frag)
        if not isinstance(unit, str):
            raise f.error(f"{key}.{frag}", f"{unit!r} is not a unit (a string)")
    return MappingProxyType(dict(table))


def _units(f: _File) -> Units:
    f.unknown_keys("", ("factor", "percent", "quantity", "per_currency", "written_unitless"))
    sections = {s: _unit_table(f, s) for s in ("factor", "percent", "quantity")}
    seen: dict[str, str] = {}
    for section, table in sections.items():
        for frag in table:
            if frag in seen:
                raise f.error(f"{section}.{frag}", f"also in [{seen[frag]}]")
            seen[frag] = section
    return Units(**sections, per_currency=_unit_table(f, "per_currency"), written_unitless=f.words("written_unitless.units"))


def _number_words(f: _File, vocab) -> NumberWords:
    f.unknown_keys("", ("phrases", "cardinals", "scales", "stems"))
    directions = [d for d in vocab["change"] if d != "none"] + [""]
    phrases = {}
    for frag, entry in f.table("phrases").items():
        key = f"phrases.{frag}"
        f.pattern(key, frag)
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], (int, float)) and not isinstance(entry[0], bool)
                and isinstance(entry[1], str)):
            raise f.error(key, f"{entry!r} is not [number, unit, direction]")
        phrases[frag] = Phrase(float(entry[0]), entry[1], f.one_of(key, entry[2], directions))
    cardinals = f.table("cardinals")
    for word, value in cardinals.items():
        _number(f, f"cardinals.{word}", value, int)
    scales = f.table("scales")
    for word, value in scales.items():
        _number(f, f"scales.{word}", value, (int, float))
    stems = f.words("stems.words")
    for frag in phrases:
        if not any(stem in frag for stem in stems):
            raise f.error(f"phrases.{frag}", f"holds none of the stems of [stems] words {list(stems)}")
    return NumberWords(MappingProxyType(phrases), MappingProxyType(dict(cardinals)),
                       MappingProxyType({k: float(v) for k, v in scales.items()}), stems)


def _cues(f: _File, vocab) -> Cues:
    f.unknown_keys("", ("qualifier", "change", "better", "baseline", "turnaround", "setup", "background", "found", "counted",
                        "giving", "anaphora", "evaluation", "leading", "comparison", "totals", "reach", "size"))
    for name, record in (("leading", Leading), ("comparison", Comparison), ("reach", Reach), ("size", ModelSize)):
        f.unknown_keys(name, record.__dataclass_fields__)
    f.unknown_keys("totals", Totals.__dataclass_fields__)
    f.unknown_keys("anaphora", ("determiners", "nouns"))
    f.unknown_keys("evaluation", ("cues", "platforms"))
    qualifiers = [q for q in vocab["qualifier"] if q != "none"]
    changes = [c for c in vocab["change"] if c != "none"]
    f.unknown_keys("qualifier", ("before", "respectively"))
    f.unknown_keys("better", ("words", "unless"))
    f.unknown_keys("baseline", Baseline.__dataclass_fields__)
    f.unknown_keys("setup", ("before", "after", "error_bar", "word_before", "word_after", "after_count"))
    f.unknown_keys("turnaround", Turnaround.__dataclass_fields__)
    return Cues(
        qualifier_before=f.labelled("qualifier.before", qualifiers),
        qualifier_respectively=f.labelled("qualifier.respectively", qualifiers),
        change=f.labelled("change", changes),
        better=f.fragments("better.words"),
        better_unless=f.fragments("better.unless"),
        baseline=Baseline(
            markers=f.fragments("baseline.markers"),
            object_verbs=f.fragments("baseline.object_verbs"),
            stop=f.fragments("baseline.stop"),
            compared_with=f.fragments("baseline.compared_with"),
            not_names=f.words("baseline.not_names"),
            not_systems=f.fragments("baseline.not_systems"),
            system_nouns=f.fragments("baseline.system_nouns"),
            examples=f.fragments("baseline.examples"),
        ),
        turnaround=Turnaround(**{k: f.fragments(f"turnaround.{k}") for k in Turnaround.__dataclass_fields__}),
        setup=Setup(**{k: f.fragments(f"setup.{k}") for k in Setup.__dataclass_fields__}),
        background=f.fragments("background.sentence"),
        found_verbs=f.fragments("found.verbs"),
        found_nouns=f.fragments("found.nouns"),
        counted_units=f.words("counted.units"),
        counted_result_before=f.fragments("counted.result_before"),
        governed_units=f.words("counted.governed_units"),
        giving=f.fragments("giving.words"),
        anaphora_determiners=f.fragments("anaphora.determiners"),
        anaphora_nouns=f.fragments("anaphora.nouns"),
        evaluation_cues=tuple(_leading_letters(f, "evaluation.cues", cue) for cue in f.fragments("evaluation.cues")),
        evaluation_platforms=f.fragments("evaluation.platforms"),
        leading=Leading(**{k: f.fragments(f"leading.{k}") for k in Leading.__dataclass_fields__}),
        comparison=Comparison(
            verbs=_lower_words(f, "comparison.verbs"),
            comparatives=_lower_words(f, "comparison.comparatives"),
            elliptic=f.fragments("comparison.elliptic"),
            change_nouns=f.fragments("comparison.change_nouns"),
            share_nouns=f.fragments("comparison.share_nouns"),
            apposed_nouns=f.fragments("comparison.apposed_nouns"),
            apposed_comparatives=_lower_words(f, "comparison.apposed_comparatives"),
        ),
        totals=Totals(nouns=_lower_words(f, "totals.nouns"), solved=f.fragments("totals.solved"),
                      outcomes=_lower_words(f, "totals.outcomes")),
        reach=Reach(**{k: f.fragments(f"reach.{k}") for k in Reach.__dataclass_fields__}),
        size=ModelSize(**{k: f.fragments(f"size.{k}") for k in ModelSize.__dataclass_fields__}),
    )


_LOWER_WORD = re.compile(r"[a-z]+")


def _lower_words(f: _File, key: str) -> Fragments:
    """A list of plain lower-case words (letters only, matched case aside), none twice."""
    out = f.fragments(key)
    for word in out:
        if not _LOWER_WORD.fullmatch(word):
            raise f.error(key, f"{word!r} is not a plain lower-case word (letters a-z only)")
    return out


# The letters a fragment starts with, unless the last of them is optional or repeated ("evaluat\w*" -> "evaluat").
_LEADING_LETTERS = re.compile(r"[a-z]+(?![?*{+])")


def _leading_letters(f: _File, key: str, fragment: str) -> tuple[str, str]:
    """(the lower-case letters every match of ``fragment`` starts with, the rest of it): a text without
    those letters holds no match, so the extractor looks for a match only where they stand."""
    m = _LEADING_LETTERS.match(fragment)
    if not m or _top_level_bar(fragment):
        raise f.error(key, f"{fragment!r} does not start with plain lower-case letters (one word, no top-level |)")
    return m.group(0), fragment[m.end():]


CONTEXTS = ("free", "device", "machine")  # what a machine.csv name needs around it (extract/names.py)
SUFFIXES = ("-", "number", "gen")


def _hardware(f: _File, accelerator_rows, machine_rows) -> Hardware:
    f.unknown_keys("", ("products", "context", "memory", "machine_context", "classes", "apposition", "after_name", "table_names"))
    for name, record in (("apposition", Apposition), ("after_name", AfterName), ("table_names", TableNames)):
        f.unknown_keys(name, record.__dataclass_fields__)
    f.unknown_keys("memory", ("after", "device_with", "measured_on"))
    f.unknown_keys("machine_context", ("before", "naming", "parts_before", "phrase_ends"))
    f.unknown_keys("classes", HardwareClasses.__dataclass_fields__)
    products = {}
    for group, frag in f.table("products").items():
        products[group] = f.pattern(f"products.{group}", frag)
    f.unknown_keys("context", ("count", "vendors", "device", "modifier"))
    vendors = f.words("context.vendors")
    context = HardwareContext(
        **{k: f.pattern(f"context.{k}", f.get(f"context.{k}", str)) for k in ("count", "device", "modifier")},
        vendor=f.pattern("context.vendors", "(?:" + "|".join(r"\s+".join(map(re.escape, v.split())) for v in vendors) + ")"),
        vendors=vendors,
    )
    accelerators = []
    for i, row in enumerate(accelerator_rows, 1):
        cells = [row.get(c) for c in ("Hardware name", "Manufacturer", "Type", "Release date")]
        if any(c is None for c in cells) or not cells[0].strip():
            raise KnowledgeError("accelerators.csv", f"row {i}", f"needs a name and the columns Hardware name, Manufacturer, Type, Release date: {row}")
        accelerators.append(Accelerator(*cells))
    _no_duplicates(_File("accelerators.csv", {}), "Hardware name", tuple(a.name for a in accelerators), casefold=False)
    machines = []
    for i, row in enumerate(machine_rows, 1):
        cells = [(row.get(c) or "").strip() for c in ("name", "kind", "context", "suffix")]
        if not cells[0]:
            raise KnowledgeError("machines.csv", f"row {i}", f"has no name: {row}")
        if cells[2] not in CONTEXTS:
            raise KnowledgeError("machines.csv", cells[0], f"has context {cells[2]!r}, not one of {list(CONTEXTS)}")
        if cells[3] not in SUFFIXES:
            raise KnowledgeError("machines.csv", cells[0], f"has suffix {cells[3]!r}, not one of {list(SUFFIXES)}")
        machines.append(Machine(*cells))
    _no_duplicates(_File("machines.csv", {}), "name", tuple(m.name for m in machines), casefold=False)
    memory = MemoryContext(after=f.fragments("memory.after"), device_with=f.fragments("memory.device_with"),
                           measured_on=f.fragments("memory.measured_on"))
    machine_context = MachineContext(**{k: f.fragments(f"machine_context.{k}", casefold=k != "phrase_ends")
                                        for k in MachineContext.__dataclass_fields__})
    classes = HardwareClasses(**{k: f.fragments(f"classes.{k}", casefold=False) for k in HardwareClasses.__dataclass_fields__})
    apposition = Apposition(machine=f.fragments("apposition.machine"), other=f.fragments("apposition.other"))
    after_name = AfterName(**{k: f.fragments(f"after_name.{k}", casefold=False) for k in AfterName.__dataclass_fields__})
    lines = f.words("table_names.lines")
    for i, line in enumerate(lines):
        for earlier in lines[:i]:
            if line.startswith(earlier + " "):
                raise f.error("table_names.lines", f"{line!r} comes after {earlier!r}, which would be taken first")
    table_names = TableNames(makers=f.words("table_names.makers"), lines=lines,
                             variants=f.fragments("table_names.variants", casefold=False))
    return Hardware(MappingProxyType(products), context, tuple(accelerators), tuple(machines), memory, machine_context, classes,
                    apposition, after_name, table_names)


def _workloads(f: _File) -> Workloads:
    f.unknown_keys("", ("models", "benchmarks", "systems", "named", "described"))
    one = lambda key, engine="re": f.pattern(key, f.get(key, str), engine)  # noqa: E731
    return Workloads(
        model_families=one("models.families"),
        model_size=one("models.size"),
        model_variant=one("models.variant"),
        benchmarks=one("benchmarks.names"),
        systems_kind=f.one_of("systems.kind", f.get("systems.kind", str), ("model", "bench")),
        systems_benchmarks=one("systems.benchmarks"),
        applications=one("systems.applications"),
        job=one("systems.job"),
        named_name=one("named.name"),
        named_what=one("named.what"),
        not_names=one("named.not_names"),
        described_models=one("described.models", "regex"),
    )


def _aliases(f: _File) -> Aliases:
    f.unknown_keys("", ("cleaning", "hardware", "baselines"))
    f.unknown_keys("cleaning", ("vendors", "brands", "kept", "device_words", "determiners", "count_words"))
    count_words = f.table("cleaning.count_words")
    for word, value in count_words.items():
        _number(f, f"cleaning.count_words.{word}", value, int)
    names = {}
    for section in ("hardware", "baselines"):
        table = {}
        for name, values in f.table(section).items():
            table[name] = f.fragments(f"{section}.{name}", values=values)
        names[section] = MappingProxyType(table)
    return Aliases(
        vendors=f.words("cleaning.vendors"),
        device_words=f.words("cleaning.device_words"),
        determiners=f.words("cleaning.determiners"),
        count_words=MappingProxyType(dict(count_words)),
        brands=f.words("cleaning.brands"),
        kept=f.words("cleaning.kept"),
        hardware=names["hardware"],
        baselines=names["baselines"],
    )


def _check_across(k: Knowledge) -> None:
    """Disagreements between files, each a KnowledgeError naming the file to edit."""
    # Every unit that names its metric is a unit the unit words give (or a money rate of units.toml [per_currency]).
    written = {*k.units.factor.values(), *k.units.percent.values(), *k.units.quantity.values()}
    written |= {"USD/" + u for u in k.units.per_currency.values()}
    for unit in k.metrics.by_unit:
        if unit not in written:
            raise KnowledgeError("metrics.toml", f"by_unit.{unit}", "no unit word of units.toml gives this unit")
    for unit in k.units.written_unitless:
        if unit not in written:
            raise KnowledgeError("units.toml", "written_unitless.units", f"{unit!r}: no unit word gives this unit")
        if unit not in k.metrics.by_unit:
            raise KnowledgeError("units.toml", "written_unitless.units", f"{unit!r} is not in metrics.toml [by_unit]")
    # Cardinals are read before "fold", "times" and "percent": each must be a stem of number_words.toml.
    for stem in ("fold", "times", "percent"):
        if stem not in k.number_words.stems:
            raise KnowledgeError("number_words.toml", "stems.words", f"{stem!r} missing: the cardinals are read before it")
    # The vendors: those the extractor reads before a product (hardware.toml [context] vendors) are those
    # the leaderboard drops from a name (aliases.toml [cleaning] vendors), but for the differences
    # aliases.toml declares: brands it drops that are no vendor in text, vendors in text whose names it keeps.
    # (The leaderboard reads names case-insensitively: "ARM" is "Arm". Sets of folded names; errors name them as written.)
    written = {v.lower(): v for v in (*k.aliases.kept, *k.aliases.brands, *k.aliases.vendors, *k.hardware.context.vendors)}
    text_vendors, name_vendors = {v.lower() for v in k.hardware.context.vendors}, {v.lower() for v in k.aliases.vendors}
    brands, kept = {v.lower() for v in k.aliases.brands}, {v.lower() for v in k.aliases.kept}
    for name in sorted(brands - name_vendors):
        raise KnowledgeError("aliases.toml", "cleaning.brands", f"{written[name]!r} is not in [cleaning] vendors")
    for name in sorted(brands & text_vendors):
        raise KnowledgeError("aliases.toml", "cleaning.brands", f"{written[name]!r} is a vendor of hardware.toml [context] vendors")
    for name in sorted(kept - text_vendors):
        raise KnowledgeError("aliases.toml", "cleaning.kept", f"{written[name]!r} is not a vendor of hardware.toml [context] vendors")
    for name in sorted(kept & name_vendors):
        raise KnowledgeError("aliases.toml", "cleaning.kept", f"{written[name]!r} is also in [cleaning] vendors")
    for name in sorted(name_vendors - brands - text_vendors):
        raise KnowledgeError("aliases.toml", "cleaning.vendors",
                             f"{written[name]!r} is not in hardware.toml [context] vendors (a brand? list it in [cleaning] brands)")
    for name in sorted(text_vendors - name_vendors - kept):
        raise KnowledgeError("hardware.toml", "context.vendors",
                             f"{written[name]!r} is not in aliases.toml [cleaning] vendors (nor in [cleaning] kept)")


# ------------------------------------------------------------------ scan shortcuts


def alternation(fragments) -> str:
    """One regex alternation of fragments, longest first so that the longest wins.

    >>> alternation(["ms", "s", "min"])
    '(?:min|ms|s)'
    """
    return "(?:" + "|".join(longest_first(fragments)) + ")"


def longest_first(fragments) -> list[str]:
    """The distinct fragments, longest first (ties in alphabetical order), as :func:`alternation` orders them."""
    return sorted(set(fragments), key=lambda f: (-len(f), f))


def compile_words(words, flags=regex.IGNORECASE) -> regex.Pattern:
    """A pattern matching any of ``words`` (regex fragments) as whole words.

    >>> bool(compile_words(["speed-?up"]).search("a 2x speedup"))
    True
    """
    return regex.compile(r"(?<![A-Za-z])" + alternation(words) + r"(?![A-Za-z])", flags)


def compile_scanner(pattern: str, flags: int = 0) -> re.Pattern:
    r"""Compile a word-list pattern for scanning whole sentences, with the standard library's ``re``.

    Keyword, hardware and workload patterns are long alternations tried at
    every position of a sentence. Measured on the built-in corpus, ``re``
    scans them about 1.7x faster than ``regex``, and a leading ``(?=\w)``
    (a match starts at a letter or digit) lets the engine skip the other
    positions before trying the alternatives: together about 3x. Every
    fragment in the knowledge files starts with a letter or digit, and these
    patterns have no nested repetition, so they run in linear time.
    ``flags`` are ``re`` flags (re.IGNORECASE, re.VERBOSE).

    When the first-character class (:func:`first_chars`) holds only ASCII letters,
    digits, ``_`` and ``\d``, every character it matches (case folded too: "ſ",
    the Kelvin sign) is a word character: the class alone then says what
    ``(?=\w)`` says, and leads alone (the workload scan got about 1.5x as fast).

    >>> [m.group(0) for m in compile_scanner(r"(?<![A-Za-z])(?:speed-?ups?)(?![A-Za-z])", re.I).finditer("2x Speedup")]
    ['Speedup']
    >>> compile_scanner(r"(?<![a-z])(?:mfu|speed-?ups?)").pattern
    '(?=[ms])(?<![a-z])(?:mfu|speed-?ups?)'
    >>> print(compile_scanner(r"\$\d|x").pattern)
    (?=\w)(?=[\$x])\$\d|x
    """
    chars = _first_set(pattern, flags)
    if chars and all(c == r"\d" or (len(c) == 1 and c.isascii() and (c.isalnum() or c == "_")) for c in chars):
        return re.compile(f"(?={_char_class(chars)})" + pattern, flags)
    return re.compile(r"(?=\w)" + (f"(?={_char_class(chars)})" if chars else "") + pattern, flags)


class FoldedScanner:
    r"""A case-insensitive scanner (:func:`compile_scanner`) that reads ASCII texts lower-cased,
    with a case-sensitive copy of itself whose letters are lower-cased: the standard
    library's ``re`` matches case-sensitively about 1.8x faster (measured on the metric
    keywords). Offsets are those of the text; matched texts come lower-cased. Texts
    that are not ASCII, where case folding and ``str.lower`` may part, and patterns that
    turn case-insensitivity off inside (``(?-i:...)``), are scanned with the pattern itself.

    >>> scanner = FoldedScanner(r"(?<![A-Za-z])(?:MFU|speed-?ups?)(?![A-Za-z])", re.IGNORECASE)
    >>> [(m.start(), m.group(0)) for m in scanner.finditer("2x Speedup at 50% MFU")]
    [(3, 'speedup'), (18, 'mfu')]
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = compile_scanner(pattern, flags)
        lowered = lower_literals(pattern) if flags & re.IGNORECASE else None
        self.lowered = compile_scanner(lowered, flags & ~re.IGNORECASE) if lowered else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.lowered is not None:
            lowered = ascii_lowered(text)
            if lowered is not None:
                return self.lowered.finditer(lowered, pos, endpos)
        return self.pattern.finditer(text, pos, endpos)


@lru_cache(maxsize=256)
def ascii_lowered(text: str) -> str | None:
    """``text.lower()`` for an ASCII text, None for another; worked out once a text (a sentence is scanned
    once for each of its numbers: lower-casing it each time would cost its length squared).

    >>> ascii_lowered("2x Speedup"), ascii_lowered("2× Speedup")
    ('2x speedup', None)
    """
    return text.lower() if text.isascii() else None


def lower_literals(pattern: str) -> str | None:
    r"""The pattern with every character lower-cased except those right after a backslash
    (``\S`` stays ``\S``), when that matches lower-cased text exactly as the pattern matches
    text case-insensitively; else None. The two trees (extract/regex_subset.py) are compared: every literal and
    range must read the same lower-cased, with nothing that turns case-insensitivity off
    (``(?-i:...)``), no letter written as an escape (``\x4D``), no range across the cases
    (``[A-z]``) and nothing outside ASCII (``ſ`` matches ``s`` case-insensitively).

    >>> lower_literals(r"(?<![A-Za-z])MFU\s?\S")
    '(?<![a-za-z])mfu\\s?\\S'
    >>> [lower_literals(p) for p in (r"(?-i:MFU)", r"\x4DFU", r"x[A-z]", "\u017fpeed")]
    [None, None, None, None]
    """
    return lowered(pattern)


def first_chars(pattern: str, flags: int = 0) -> str | None:
    r"""A character class holding every character a match of ``pattern`` can start with, or None.

    A scanner led by it (``(?=[AHV])...``) rejects the other positions with
    one test instead of trying the pattern there: for the hardware names,
    which start with capitals, the scan of a sentence got about 2x faster.
    Read off the pattern's tree (extract/regex_subset.py); None when the pattern may
    start with any character (a class such as ``\w``, or an empty match).
    Compile the class with the pattern's flags (case is then folded alike).

    >>> first_chars(r"(?<![\w-])(?:A100|H(?:100|800)|(?:GeForce\s+)?RTX\s?\d{4})")
    '[AGHR]'
    >>> first_chars(r"\d+\s?nm|TPU")
    '[T\\d]'
    >>> first_chars(r".+") is None
    True
    """
    chars = _first_set(pattern, flags)
    return _char_class(chars) if chars is not None else None


def _first_set(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters (and class escapes such as ``\\d``) of :func:`first_chars`, as a set; or None."""
    return first_set(pattern, flags)


def _char_class(chars: set[str]) -> str:
    """The character class of :func:`first_chars` holding ``chars``."""
    return "[" + "".join(c if len(c) > 1 else re.escape(c) for c in sorted(chars)) + "]"


def first_letter_alternation(fragments: list[str], ignore_case: bool = True) -> str:
    r"""An alternation of ``fragments`` (in their order) with each fragment's first letter
    factored out, so that at each position the engine tries only the fragments that
    start with the letter there (matched case-insensitively: compile with IGNORECASE).
    Fragments that do not start with a letter come last, unchanged. Fragments that
    start with different letters never match at the same position, so the order
    among those starting with the same letter is all that matters, and it is kept.
    One exception: a fragment that does not start with a letter may still match
    at one (``(?:GeForce\s+)?RTX\s?\d{4}`` starts at "R" too); it is tried after
    the fragments of that letter, wherever it stood in ``fragments``. (In the
    hardware names this made "RTX 6000 Ada GPU" win over "RTX 6000", found
    when the spellings were first factored; the longer name is the one meant.)

    >>> first_letter_alternation(["speed-?ups?", "slower", "MFU", r"\$\d"])
    '(?:[Ss](?:peed-?ups?|lower)|[Mm](?:FU)|\\$\\d)'
    """
    by_letter: dict[str, list[str]] = {}
    others = []
    for frag in fragments:
        head = frag[:1]
        if head.isascii() and head.isalpha() and frag[1:2] not in ("?", "*", "+", "{") and not _top_level_bar(frag):
            by_letter.setdefault(head.lower() if ignore_case else head, []).append(frag[1:])
        else:
            others.append(frag)
    parts = [f"{_letter(c, ignore_case)}(?:{'|'.join(rests)})" for c, rests in by_letter.items()]
    return "(?:" + "|".join(parts + others) + ")"


def _letter(c: str, ignore_case: bool) -> str:
    return f"[{c.upper()}{c}]" if ignore_case else c


def _top_level_bar(fragment: str) -> bool:
    """True when ``fragment`` is itself an alternation ("a|b") outside any group."""
    return len(top_level_alternatives(fragment, unwrap=False)) > 1


def top_level_alternatives(fragment: str, unwrap: bool = True) -> list[str]:
    r"""The alternatives of ``fragment`` at its top level; with ``unwrap``, a group
    ``(?:...)`` spanning the whole fragment is opened first.

    >>> top_level_alternatives(r"(?:A100|H100|Titan\s?(?:RTX|V))")
    ['A100', 'H100', 'Titan\\s?(?:RTX|V)']
    """
    if unwrap and fragment.startswith("(?:") and fragment.endswith(")") and _closes_at_end(fragment):
        fragment = fragment[3:-1]
    parts, start = [], 0
    for i, ch, depth in _unescaped(fragment):
        if ch == "|" and depth == 0:
            parts.append(fragment[start:i])
            start = i + 1
    return parts + [fragment[start:]]


def _closes_at_end(fragment: str) -> bool:
    """True when the group opened at position 0 closes at the last character."""
    for i, ch, depth in _unescaped(fragment):
        if ch in ")]" and depth == 0:
            return i == len(fragment) - 1
    return False


def _unescaped(fragment: str):
    """(index, character, bracket depth after it) of each character not escaped by a backslash."""
    depth, escaped = 0, False
    for i, ch in enumerate(fragment):
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        yield i, ch, depth


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    r"""Words one of which every match of ``pattern`` contains, or None when none can be told.

    A cheap test before a scan: a text holding none of these words cannot
    match, so the scan is skipped. The words are read off the pattern's
    tree (extract/regex_subset.py, public means only): runs of literal
    characters, and alternations of them, that every match must pass
    through; the most selective such part (longest shortest word) is taken
    for each alternative. The words are lower-cased: compare them with a
    lower-cased text (:class:`Prefilter` does).

    >>> sorted(required_words(r"(?:in|over)\s+the\s+(?:last|past)\s+years?|account(?:s|ed)?\s+for", re.I))
    ['account', 'last', 'past']
    >>> required_words(r"\d+(?:\.\d+)?") is None
    True
    """
    if not pattern.isascii():
        return None  # a letter such as "ſ" matches "s" case-insensitively: the words would not tell
    words = needles(pattern, flags)  # None too for syntax outside extract/regex_subset.py's subset
    if words is None:
        return None
    return frozenset(w.lower() for w in words)


class Prefilter:
    r"""A cheap necessary test for a pattern: does the text hold one of the words every match holds?

    ``may_match`` is False only when the pattern cannot match; True says
    nothing (search then). Texts that are not ASCII always get True: the
    pattern's case folding may differ from ``str.lower`` there.

    >>> f = Prefilter(r"(?:has|have)\s+(?:grown|doubled)", re.IGNORECASE)
    >>> f.may_match("Models have GROWN."), f.may_match("Models have shrunk.")
    (True, False)
    """

    __slots__ = ("_words", "_needles")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.words = required_words(pattern, flags)

    @property
    def words(self) -> frozenset[str] | None:
        """The lower-cased words, one of which every match holds; None when none can be told."""
        return self._words

    @words.setter
    def words(self, words: frozenset[str] | None) -> None:
        self._words = words
        self._needles = None if words is None else fewest_needles(words)

    def may_match(self, text: str) -> bool:
        if self._needles is None or not text.isascii():
            return True
        return bool(self._needles) and self.may_match_lowered(text.lower())  # no words (see within): nothing to lower

    def within(self, text: str) -> Prefilter:
        r"""The prefilter for pieces (substrings) of ``text``: it tests only the words ``text`` holds,
        the only ones a piece can hold. One pass over a whole abstract spares testing every
        word on each of its sentences. Texts that are not ASCII keep the prefilter as it is.

        >>> f = Prefilter(r"(?:has|have)\s+(?:grown|doubled)", re.IGNORECASE).within("Models have GROWN. Others doubled.")
        >>> sorted(f.words), f.may_match("Models have GROWN."), f.may_match("Models have shrunk.")
        (['doubled', 'grown'], True, False)
        """
        if self._needles is None or not text.isascii():
            return self
        lowered = text.lower()
        kept = tuple(needle for needle in self._needles if needle in lowered)  # fewest already: none holds another
        narrowed = copy.copy(self)  # public construction (no pattern to parse again): about 1.7 µs more than object.__new__
        narrowed._words, narrowed._needles = frozenset(kept), kept
        return narrowed

    def may_match_lowered(self, lowered: str) -> bool:
        """``may_match`` of an ASCII text, given lower-cased (callers that test several
        prefilters, or several windows, on one text lower-case it once)."""
        if self._needles is None:
            return True
        for needle in self._needles:  # a plain loop: about twice as fast as any() over a generator
            if needle in lowered:
                return True
        return False


def fewest_needles(words) -> tuple[str, ...]:
    """The words that hold no other of the words, shortest first: a text holds one of
    these exactly when it holds one of ``words`` (a word holding another one is found
    through it), and the test tries fewer of them.

    >>> fewest_needles({"average", "averaged", "avg", "mean", "geomean"})
    ('avg', 'mean', 'average')
    """
    kept = [w for w in words if not any(other != w and other in w for other in words)]
    return tuple(sorted(kept, key=lambda w: (len(w), w)))


@cache
def prefilter_for(*patterns: re.Pattern | regex.Pattern) -> Prefilter:
    r"""The :class:`Prefilter` of compiled patterns (``re`` or ``regex``), made once: it may
    match a text when any of them may.

    >>> prefilter_for(regex.compile(r"(?i:on\s+average)")).may_match("2x faster")
    False
    """
    filters = [Prefilter(p.pattern, p.flags & (re.IGNORECASE | re.VERBOSE)) for p in patterns]
    for pattern, one in zip(patterns, filters):
        if isinstance(pattern, regex.Pattern) and _regex_only_syntax(pattern):
            one.words = None  # the re parser would misread it: no shortcut
    union = filters[0]
    for other in filters[1:]:
        union.words = None if union.words is None or other.words is None else union.words | other.words
    return union


# Syntax of the regex module that the standard library's parser accepts but reads otherwise:
# POSIX classes, fuzzy constraints, named lists, version-1 set operations, \p{...}, \X, \G.
_REGEX_ONLY = re.compile(r"\[\[:|\{[^}\d,]|\\L<|\\[pPXG]|\(\?V1|\(\?\||--|&&|\|\||~~")


# Escapes that name a character by its code (\x.., \u...., \U........, \N{...}, octal): it may lie beyond ASCII.
_CHARACTER_ESCAPE = re.compile(r"\\[xuUN0-7]")


def ascii_twin(pattern: regex.Pattern) -> re.Pattern | None:
    r"""The ``regex`` pattern compiled with the standard library's ``re`` and ASCII semantics, for
    ASCII texts: there ``\w``, ``\s``, ``\d``, ``\b`` and case folding read alike in both (re's
    Unicode ``\s`` would also take ``\x1c``-``\x1f``; with ``re.ASCII`` it does not), and ``re``
    answers a short ``match`` or ``search`` about twice as fast. None when the source is not ASCII
    (``ſ`` matches ``s`` case-insensitively in ``regex`` alone), when it may use syntax ``re`` reads
    otherwise, when it has flags other than IGNORECASE and VERBOSE, or when ``re`` cannot compile it.

    >>> twin = ascii_twin(regex.compile(r"\s*(?:GPUs?|nodes)\b", regex.IGNORECASE))
    >>> twin.match(" gpus, 8").span(), twin.flags & re.ASCII > 0
    ((0, 5), True)
    >>> ascii_twin(regex.compile("\u017fpeed", regex.IGNORECASE)) is None, ascii_twin(regex.compile(r"\u017fpeed", regex.IGNORECASE)) is None
    (True, True)
    """
    known = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0 | regex.UNICODE
    if not pattern.pattern.isascii() or _regex_only_syntax(pattern) or pattern.flags & ~known:
        return None
    if _CHARACTER_ESCAPE.search(pattern.pattern):
        return None  # an escape may name a character beyond ASCII ("\u017f" folds to "s" in regex alone)
    flags = re.ASCII | (re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0) | (re.VERBOSE if pattern.flags & regex.VERBOSE else 0)
    try:
        return re.compile(pattern.pattern, flags)
    except re.error:
        return None


def _regex_only_syntax(pattern: regex.Pattern) -> bool:
    """True when a ``regex`` pattern may use syntax that ``re`` reads differently.

    >>> _regex_only_syntax(regex.compile(r"[[:alpha:]]+ing")), _regex_only_syntax(regex.compile(r"speed-?ups?"))
    (True, False)
    """
    return bool(pattern.flags & regex.VERSION1 or _REGEX_ONLY.search(pattern.pattern))
