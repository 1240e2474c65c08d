"""Issue 14: the extractor's knowledge is a checked, typed layer (extract/knowledge.py).

- the shipped files load cleanly, through the public loader, into the typed records;
- each bad snippet of the table below, written into a copy of the files, gives one
  KnowledgeError whose message names the file and the key;
- the loader's records are what the extractor reads: no vocabulary left in code that a
  knowledge file holds, and no private ``re`` API (``re._parser``, ``re._constants``,
  ``sre_parse``, ``sre_constants``) in the extractor.
"""
from __future__ import annotations

import ast
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from claimbench.extract import knowledge as knowledge_module
from claimbench.extract import names
from claimbench.extract.knowledge import (
    Aliases,
    Cues,
    Hardware,
    Knowledge,
    KnowledgeError,
    Metrics,
    NumberWords,
    Units,
    Workloads,
    knowledge,
    load,
    read_knowledge,
)
from claimbench.schemas import vocabularies

PACKAGE = resources.files("claimbench.extract") / "knowledge"
EXTRACT = Path(knowledge_module.__file__).parent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge files, to edit."""
    shutil.copytree(PACKAGE, tmp_path / "knowledge")
    return tmp_path / "knowledge"


def test_the_shipped_files_load_into_typed_records():
    k = knowledge()
    assert isinstance(k, Knowledge)
    for field, kind in (("metrics", Metrics), ("units", Units), ("number_words", NumberWords), ("cues", Cues),
                        ("hardware", Hardware), ("workloads", Workloads), ("aliases", Aliases)):
        assert isinstance(getattr(k, field), kind), field
    assert set(k.metrics.keywords) <= set(vocabularies()["metric"])
    assert k.metrics.by_unit["ms"] == "latency" and k.units.factor["-?folds?(?![A-Za-z])"] == "x"
    assert k.number_words.phrases[r"tripl(?:e|es|ed|ing)"].value == 3.0 and "twice" in k.number_words.stems
    assert len(k.hardware.accelerators) >= 150 and len(k.hardware.machines) >= 200
    assert re.fullmatch(k.hardware.context.vendor, "Texas  Instruments")


def test_a_copy_of_the_shipped_files_reads_the_same(folder: Path):
    assert read_knowledge(folder) == knowledge()


def test_records_are_read_only():
    k = knowledge()
    with pytest.raises(TypeError):  # a read-only mapping
        k.metrics.keywords["speedup"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):  # a frozen record
        k.metrics.generic = ()  # type: ignore[misc]


def test_load_gives_a_files_parsed_contents_for_code_outside_the_extractor():
    """claimbench's leaderboard reads aliases.toml through load()."""
    aliases = load("aliases")
    assert "NVIDIA A100" in aliases["hardware"] and "Nvidia" in aliases["cleaning"]["vendors"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}: the case no longer applies"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# (id, file, edit (old, new) or text to append, the file and key the error must name, a word of the problem)
BAD = [
    ("bad pattern", "metrics.toml", ("'goodput'", "'goodput('"), "metrics.toml [keywords.throughput]", "bad pattern"),
    ("bad pattern as a key", "units.toml", ("'ms(?![A-Za-z/])' = \"ms\"", "'ms(?![A-Za-z/]' = \"ms\""),
     "units.toml [quantity.ms(?![A-Za-z/]]", "bad pattern"),
    ("pattern outside the subset", "cues.toml", ("'under', 'below'", "'under', '\\x62elow'"), "cues.toml [qualifier.before.at_most]",
     "outside the subset"),
    ("global flag", "workloads.toml", ("benchmarks = '(?:MLPerf", "benchmarks = '(?i)(?:MLPerf"), "workloads.toml [systems.benchmarks]",
     "outside the subset"),
    ("duplicate key", "metrics.toml", ('"ms" = "latency"\n', '"ms" = "latency"\n"ms" = "memory"\n'),
     'metrics.toml [line ', "overwrite"),
    ("duplicate fragment", "cues.toml", ("'over', 'at\\s+least'", "'over', 'over', 'at\\s+least'"), "cues.toml [qualifier.before.at_least]",
     "twice"),
    ("duplicate but for case", "metrics.toml", ("'RAM', 'HBM'", "'RAM', 'ram'"), "metrics.toml [keywords.memory]", "case aside"),
    ("one keyword under two metrics", "metrics.toml", ("'goodput'", "'goodput', 'turnaround'"), "metrics.toml [keywords.latency]",
     "also under keywords.throughput"),
    ("unknown metric class", "metrics.toml", ('"ms" = "latency"', '"ms" = "slowness"'), "metrics.toml [by_unit.ms]", "not one of"),
    ("unknown metric in keywords", "metrics.toml", ("\nother = []", "\nfastness = []"), "metrics.toml [keywords.fastness]", "not one of"),
    ("unknown qualifier", "cues.toml", ("\nup_to = ['up\\s+to'", "\nupto = ['up\\s+to'"), "cues.toml [qualifier.before.upto]",
     "not one of"),
    ("unknown direction", "number_words.toml", ('[2, "x", "increase"]', '[2, "x", "up"]'), "number_words.toml [phrases.doubl(?:e|es|ed|ing)]",
     "not one of"),
    ("wrong value type", "number_words.toml", ("two = 2\n", 'two = "2"\n'), "number_words.toml [cardinals.two]", "not a integer"),
    ("missing key", "cues.toml", ("error_bar = [", "error_bars = ["), "cues.toml [setup.error_bars]", "unknown key"),
    ("unknown key", "hardware.toml", ("[context]\n", "[context]\nvendor = 'NVIDIA'\n"), "hardware.toml [context.vendor]", "unknown key"),
    ("phrase without a stem", "number_words.toml", ("'tripl(?:e|es|ed|ing)' = [3", "'dreifach' = [3"),
     "number_words.toml [phrases.dreifach]", "none of the stems"),
    ("machine context", "machines.csv", ("Knights Landing,cpu_generation,free,-", "Knights Landing,cpu_generation,anywhere,-"),
     "machines.csv [Knights Landing]", "context"),
    ("machine listed twice", "machines.csv", ("Knights Landing,cpu_generation,free,-", "Knights Landing,cpu_generation,free,-\nKNL,cpu,device,-"),
     "machines.csv [name]", "twice"),
    # Across files.
    ("unit no unit word gives", "metrics.toml", ('"ms" = "latency"', '"ms" = "latency"\n"fortnight" = "latency"'),
     "metrics.toml [by_unit.fortnight]", "units.toml"),
    ("unitless unit that names no metric", "units.toml", ('units = ["TOPS/W",', 'units = ["sample", "TOPS/W",'),
     "units.toml [written_unitless.units]", "metrics.toml"),
    ("vendor in hardware.toml only", "hardware.toml", ('"Texas Instruments"]', '"Texas Instruments", "Rivos"]'),
     "hardware.toml [context.vendors]", "'Rivos' is not in aliases.toml"),
    ("vendor in aliases.toml only", "aliases.toml", ('"GeForce", "Tesla"]\ndevice_words', '"GeForce", "Tesla", "Rivos"]\ndevice_words'),
     "aliases.toml [cleaning.vendors]", "'Rivos' is not in hardware.toml"),
    ("a brand that is a vendor in text", "aliases.toml", ('brands = ["SambaNova",', 'brands = ["NVIDIA", "SambaNova",'),
     "aliases.toml [cleaning.brands]", "vendor of hardware.toml"),
    ("stem the cardinals need", "number_words.toml", ('"fold", "times", "dollar", "percent"]', '"fold", "dollar", "percent"]'),
     "number_words.toml [stems.words]", "'times' missing"),
    # Vocabularies moved out of code's patterns.
    ("evaluation cue not led by letters", "cues.toml", ("cues = ['evaluat\\w*',", "cues = ['\\w*valuat',"),
     "cues.toml [evaluation.cues]", "plain lower-case letters"),
    ("evaluation cue whose last letter is optional", "cues.toml", ("'measured',", "'m?easured',"),
     "cues.toml [evaluation.cues]", "plain lower-case letters"),
    ("evaluation cue that is two words", "cues.toml", ("'tested',", "'tested|run',"), "cues.toml [evaluation.cues]", "no top-level |"),
    ("unknown key in [anaphora]", "cues.toml", ("[anaphora]\n", "[anaphora]\npronouns = ['it']\n"), "cues.toml [anaphora.pronouns]",
     "unknown key"),
    ("missing [giving] words", "cues.toml", ("[giving]\nwords =", "[giving]\nword ="), "cues.toml [giving.words]", "missing"),
    ("bad default_before", "metrics.toml", ("'run-?time',", "'run-?time(',"), "metrics.toml [contextual.performance.default_before]",
     "bad pattern"),
    ("unknown key in [machine_context]", "hardware.toml", ("[machine_context]\n", "[machine_context]\nafter = ['GPU']\n"),
     "hardware.toml [machine_context.after]", "unknown key"),
    ("phrase end listed twice", "hardware.toml", ("'Cray', 'HPE',", "'Cray', 'Cray', 'HPE',"), "hardware.toml [machine_context.phrase_ends]",
     "twice"),
    ("device class outside the subset", "hardware.toml", ("'NVM', 'PIM'", "'NVM', '\\x50IM'"), "hardware.toml [classes.devices]",
     "outside the subset"),
    ("memory word missing", "hardware.toml", ("device_with = ['GPUs?'", "with = ['GPUs?'"), "hardware.toml [memory.with]", "unknown key"),
    ("comparison verb with a pattern", "cues.toml", ("verbs = ['outperform',", "verbs = ['outperform\\w*',"),
     "cues.toml [comparison.verbs]", "plain lower-case word"),
    ("comparative in capitals", "cues.toml", ("comparatives = ['less',", "comparatives = ['Less',"), "cues.toml [comparison.comparatives]",
     "plain lower-case word"),
    ("total noun listed twice", "cues.toml", ("'datasets', 'tasks',", "'datasets', 'tasks', 'Tasks',"), "cues.toml [totals.nouns]", "twice"),
    ("leading qualifier listed twice", "cues.toml", ("up_from = ['about',", "up_from = ['about', 'About',"), "cues.toml [leading.up_from]",
     "twice"),
    ("unknown position in [leading]", "cues.toml", ("[leading]\n", "[leading]\nfrom = ['about']\n"), "cues.toml [leading.from]",
     "unknown key"),
    ("misspelt key in [reach]", "cues.toml", ("[reach]\nbefore", "[reach]\nbefor"), "cues.toml [reach.befor]", "unknown key"),
    ("bad change noun", "cues.toml", ("change_nouns = ['improvement',", "change_nouns = ['improvement(',"),
     "cues.toml [comparison.change_nouns]", "bad pattern"),
    ("product line after a shorter one it starts with", "hardware.toml", ('"Radeon Instinct", "Tesla", "GeForce", "Radeon",', '"Tesla", "GeForce", "Radeon", "Radeon Instinct",'),
     "hardware.toml [table_names.lines]", "would be taken first"),
    ("maker listed twice", "hardware.toml", ('"Meta", "Microsoft",', '"Meta", "Microsoft", "Meta",'), "hardware.toml [table_names.makers]", "twice"),
    ("unknown key in [after_name]", "hardware.toml", ("[after_name]\n", "[after_name]\nvendor = ['NVIDIA']\n"),
     "hardware.toml [after_name.vendor]", "unknown key"),
    ("apposition word listed twice", "hardware.toml", ("'tools?', 'languages?',", "'tools?', 'Tools?', 'languages?',"),
     "hardware.toml [apposition.other]", "twice (case aside)"),
    ("bad board variant", "hardware.toml", ("'SXM\\d?',", "'SXM\\d?)',"), "hardware.toml [table_names.variants]", "bad pattern"),
    ("system noun listed twice", "cues.toml", ("'policies', 'policy']", "'policies', 'policy', 'Policy']"), "cues.toml [baseline.system_nouns]",
     "twice"),
    ("outcome that is a pattern", "cues.toml", ("outcomes = ['time',", "outcomes = ['times?',"), "cues.toml [totals.outcomes]",
     "plain lower-case word"),
    ("unknown key in [totals]", "cues.toml", ("[totals]\n", "[totals]\nwon = ['games']\n"), "cues.toml [totals.won]", "unknown key"),
    ("apposed comparative listed twice", "cues.toml", ("'more', 'less', 'fewer']\n", "'more', 'less', 'fewer', 'More']\n"),
     "cues.toml [comparison.apposed_comparatives]", "twice (case aside)"),
    ("verb keyword listed twice", "metrics.toml", ("'slow', 'boost']", "'slow', 'boost', 'Boost']"), "metrics.toml [verb_keywords.stems]",
     "twice (case aside)"),
    ("missing [verb_keywords] stems", "metrics.toml", ("[verb_keywords]\nstems =", "[verb_keywords]\nstem ="),
     "metrics.toml [verb_keywords.stem]", "unknown key"),
    ("unknown key in [keyword_gap]", "metrics.toml", ("[keyword_gap]\n", "[keyword_gap]\nbetween = ['of']\n"),
     "metrics.toml [keyword_gap.between]", "unknown key"),
    ("keyword gap word listed twice", "metrics.toml", ("'factors?', 'levels?']", "'factors?', 'levels?', 'Rates?']"),
     "metrics.toml [keyword_gap.before_changes]", "twice (case aside)"),
    ("peak modifier that is a pattern", "metrics.toml", ("modifiers = ['theoretical',", "modifiers = ['theoretical\\s+',"),
     "metrics.toml [peak.modifiers]", "plain lower-case word"),
    ("device word after a class listed twice", "hardware.toml", ("'chips?', 'processors?']", "'chips?', 'processors?', 'chips?']"),
     "hardware.toml [classes.after]", "twice"),
    ("unknown key in metrics' [giving]", "metrics.toml", ("[giving]\n", "[giving]\nnouns = ['value']\n"), "metrics.toml [giving.nouns]",
     "unknown key"),
    ("bad change stem", "metrics.toml", ("change_stems = ['increas',", "change_stems = ['increas)',"), "metrics.toml [giving.change_stems]",
     "bad pattern"),
    ("filler qualifier listed twice", "cues.toml", ("'below', 'under', 'above']", "'below', 'under', 'above', 'Over']"),
     "cues.toml [leading.filler]", "twice (case aside)"),
    ("size magnitude outside the subset", "cues.toml", ("'billion',", "'\\x62illion',"), "cues.toml [size.magnitudes]", "outside the subset"),
]


@pytest.mark.parametrize("name, edit, names_key, problem", [pytest.param(*row[1:], id=row[0]) for row in BAD])
def test_a_bad_snippet_names_file_and_key(folder: Path, name: str, edit, names_key: str, problem: str):
    if isinstance(edit, tuple):
        _edit(folder / name, *edit)
    else:
        _append(folder / name, edit)
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    message = str(caught.value)
    assert message.startswith(names_key), message
    assert problem in message, message
    assert caught.value.file == names_key.split(" ")[0]


def test_a_bad_pattern_error_names_the_pattern(folder: Path):
    _edit(folder / "hardware.toml", "google = '(?:TPU", "google = '(?:(?:TPU")
    with pytest.raises(KnowledgeError, match=r"^hardware\.toml \[products\.google\]: bad pattern '\(\?:\(\?:TPU"):
        read_knowledge(folder)


def test_a_missing_file_is_named(folder: Path):
    (folder / "workloads.toml").unlink()
    with pytest.raises(KnowledgeError, match=r"^workloads\.toml \[\]: cannot be read"):
        read_knowledge(folder)


def test_a_knowledge_error_is_a_value_error():
    assert issubclass(KnowledgeError, ValueError)


# ---------------------------------------------------------------- no vocabulary left in code


def test_the_moved_vocabularies_come_from_the_files():
    """The word lists once written in code are built from the knowledge records."""
    from claimbench.extract import claims, context, metric

    k = knowledge()
    # numbers tests a text for the stems (number_words [stems]) before scanning it for phrases: each phrase holds one
    assert [frag for frag in k.number_words.phrases if not any(stem in frag for stem in k.number_words.stems)] == []
    assert "|".join(k.metrics.scores) in claims.SCORE_WORDS.pattern
    assert "|".join(k.cues.baseline.compared_with) in claims.COMPARED_WITH.pattern
    assert "|".join(k.cues.baseline.not_names) in context.NOT_A_BASELINE.pattern
    assert "|".join(k.cues.baseline.not_systems) in context.NOT_A_SYSTEM.pattern
    assert "|".join(k.metrics.by_head) in metric.BY_HEAD.pattern
    # Words once written inside claims.py's, context.py's and names.py's patterns.
    assert "|".join(k.cues.giving) in claims.GIVING_WORD.pattern
    assert "|".join(k.cues.anaphora_nouns) in claims.ANAPHORA.pattern and "|".join(k.cues.anaphora_determiners) in claims.ANAPHORA.pattern
    assert "|".join(start + rest for start, rest in k.cues.evaluation_cues) in claims.EVALUATION_CUE_ANYWHERE.pattern
    assert all("|".join(k.cues.evaluation_platforms) in p.pattern for p in (claims.AS_PLATFORM, claims.AS_PLATFORM_ANYWHERE))
    assert "|".join(k.hardware.memory.after) in claims.DEVICE_AFTER.pattern
    assert "|".join(k.hardware.memory.device_with) in claims.DEVICE_WITH.pattern
    assert "|".join(k.metrics.contextual["performance"].default_before) in context.SPEED_MODIFIER.pattern
    machine = k.hardware.machine_context
    assert all("|".join(words) in names.MACHINE_BEFORE.pattern for words in (machine.before, machine.naming, machine.parts_before))
    assert "|".join(machine.phrase_ends) in names.PHRASE_ENDS.pattern
    assert names.DEVICE_CLASSES == "(?:" + "|".join(k.hardware.classes.devices) + ")"
    assert names.ISAS == "(?:" + "|".join(k.hardware.classes.isas) + ")"
    # Words once written inside claims.py's patterns: the nouns and verbs of comparisons and changes, reach, sizes, and
    # the short qualifiers each position accepts before the number (cues.toml [leading], one list per position).
    cues = k.cues
    assert "|".join(cues.comparison.change_nouns) in claims.CHANGE_NOUN_OF.pattern
    assert "|".join(cues.comparison.share_nouns) in claims.OF_CHANGE_NOUN.pattern
    assert "|".join(cues.comparison.verbs) in claims.OUTPERFORMS_BY.pattern
    assert "|".join(cues.comparison.comparatives) in claims.QUALIFIER_THAN.pattern
    assert "|".join(cues.comparison.elliptic) in claims.ELLIPTIC_COMPARISON.pattern
    assert "|".join(cues.totals.nouns) in claims.OUT_OF_AFTER.pattern
    assert all("|".join(words) in claims.REACH.pattern for words in (cues.reach.before, cues.reach.verbs, cues.reach.after_verb))
    assert claims.SIZE_WORDS.pattern == "(?i:" + "|".join(cues.size.parameters + cues.size.magnitudes) + ")"
    assert claims.PARAMETER_WORDS.pattern == "(?i:" + "|".join(cues.size.parameters) + ")"
    assert "|".join(cues.size.parameters + cues.size.not_counted) in claims.COUNTED_NOUN.pattern
    # ... and in metric.py's.
    assert metric.VERB_KEYWORD.pattern.startswith("(?i:(?:" + "|".join(k.metrics.verb_keywords) + ")")
    assert "|".join(cues.totals.nouns) in metric.OUT_OF_TASKS.pattern
    assert "|".join(cues.totals.solved) in metric.SHARE_OF_TASKS.pattern
    assert "|".join(cues.totals.outcomes) in metric.OF_THE_TIME.pattern
    assert "|".join(cues.size.device_time) in metric.DEVICE_TIME.pattern
    assert all("|".join(words) in metric.APPOSED_CHANGE.pattern for words in (cues.comparison.apposed_nouns, cues.comparison.apposed_comparatives))
    giving = k.metrics.giving
    assert all("|".join(words) in metric.BEFORE_GAP.pattern
               for words in (giving.copulas, giving.after_copula, giving.verbs, giving.change_stems, cues.leading.filler))
    assert "|".join(cues.leading.filler) in metric.BY_NUMBER.pattern
    gap = k.metrics.keyword_gap
    assert "|".join(gap.before_benchmark) in metric.ON_BENCHMARK.pattern
    assert "|".join(m + "\\s+" for m in k.metrics.peak.modifiers) in metric.PEAK_SHARE.pattern
    assert "|".join(k.metrics.peak.words) in metric.PEAK_SHARE.pattern
    assert all("|".join(words) in metric.AFTER_TIGHT.pattern for words in (gap.after_comparatives, gap.after_modifiers, gap.after_changes))
    assert all("|".join(words) in metric.BEFORE_GAP.pattern for words in (gap.before_heads, gap.before_changes))
    leading = cues.leading
    for words, patterns in (
        (leading.by_outperform, [claims.OUTPERFORMS_BY]), (leading.by_own_object, [claims.OWN_OBJECT_BY]),
        (leading.by_figure, [claims.GAPPED_COMPARED, claims.OWN_FIGURE_AFTER]), (leading.by_gapped, [claims.GAPPED_BY]),
        (leading.by_measured, [claims.MEASURED_BY]), (leading.absolute, [claims.ABSOLUTE_BEFORE]), (leading.list, [claims.LIST_GAP]),
        (leading.to_level, [claims.TO_LEVEL]), (leading.up_from, [claims.UP_FROM]), (leading.than, [claims.QUALIFIER_THAN]),
        (leading.compared, [claims.COMPARED_FIGURE]), (leading.apposed, [metric.APPOSED_TO_FIGURE]),
        (leading.relative_verb, [metric.RELATIVE_VERB]),
    ):
        assert all("(?:" + "|".join(words) + ")" in p.pattern for p in patterns), words
    assert "|".join(cues.baseline.system_nouns) in context.SYSTEM_LIKE.pattern
    assert "|".join(cues.baseline.examples) in context.EXAMPLES.pattern
    assert "|".join(cues.comparison.verbs) in context.VERB_BY_BEFORE.pattern
    # Words once written in names.py's patterns and sets.
    hardware = k.hardware
    assert "|".join(hardware.apposition.machine) in names.APPOSITION.pattern
    assert "|".join(hardware.apposition.other) in names.OTHER_APPOSITION.pattern
    assert "|".join(hardware.after_name.device) in names.DEVICE_WORD.pattern
    assert "|".join(hardware.after_name.machine) in names.MACHINE_WORD.pattern
    assert names.MAKERS == set(hardware.table_names.makers) and names.LINES == hardware.table_names.lines
    assert names.VARIANT.pattern == "(?:" + "|".join(hardware.table_names.variants) + ")"
    assert names.CONTEXTS == knowledge_module.CONTEXTS and set(names.SUFFIX) == set(knowledge_module.SUFFIXES)


def _word_tuples(path: Path) -> list[str]:
    """Module-level tuples, lists or sets of three or more plain words (a vocabulary) in a module."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.Tuple, ast.List, ast.Set)):
            items = node.value.elts
            if len(items) >= 3 and all(isinstance(i, ast.Constant) and isinstance(i.value, str) and i.value.isalpha() for i in items):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                found.append(f"{path.name}:{getattr(target, 'id', node.lineno)}")
    return found


# Not vocabularies: the values of machines.csv's context column, which extract/names.py's logic reads one by one.
GRAMMAR = {"knowledge.py:CONTEXTS"}


def test_no_word_list_left_in_the_extractors_code():
    assert [f for p in sorted(EXTRACT.glob("*.py")) for f in _word_tuples(p) if f not in GRAMMAR] == []


def _moved_lists():
    """(name, fragments) for each list moved out of the extractors' patterns, two entries or more."""
    k = knowledge()
    records = {"cues.leading": k.cues.leading, "cues.comparison": k.cues.comparison, "cues.totals": k.cues.totals,
               "cues.reach": k.cues.reach, "cues.size": k.cues.size, "hardware.apposition": k.hardware.apposition,
               "hardware.after_name": k.hardware.after_name, "hardware.table_names": k.hardware.table_names,
               "metrics.keyword_gap": k.metrics.keyword_gap, "metrics.peak": k.metrics.peak,
               "metrics.giving": k.metrics.giving}
    out = [(f"{name}.{field}", getattr(record, field)) for name, record in records.items() for field in record.__dataclass_fields__]
    out += [("cues.baseline.system_nouns", k.cues.baseline.system_nouns), ("cues.baseline.examples", k.cues.baseline.examples),
            ("metrics.verb_keywords", k.metrics.verb_keywords), ("hardware.classes.after", k.hardware.classes.after)]
    return [(name, words) for name, words in out if len(words) >= 2]


def test_no_moved_list_written_again_in_code():
    """A list moved into the knowledge files is not also written, joined as a pattern, in the extractors' code (where a
    pattern's compiled form cannot be read from a test, as claims' [found] count and turnaround's copula, this is the check)."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXTRACT.glob("*.py"))}
    written = [(name, file) for name, words in _moved_lists() for file, text in sources.items()
               if "|".join(words) in text or "|".join(words).replace("\\", "\\\\") in text]
    assert written == []


def test_no_loading_of_knowledge_files_outside_the_loader():
    """Only extract/knowledge.py opens the knowledge folder."""
    for path in sorted(EXTRACT.glob("*.py")):
        if path.name != "knowledge.py":
            text = path.read_text(encoding="utf-8")
            assert 'load("' not in text and "tomllib" not in text and '"knowledge"' not in text, path.name


# ---------------------------------------------------------------- public APIs only

PRIVATE_RE = re.compile(r"\bre\._parser\b|\bre\._constants\b|\bsre_parse\b|\bsre_constants\b|\bsre_compile\b")


def _code_lines(source: str) -> list[tuple[int, str]]:
    """(line, text) of the code, docstrings and comments left out."""
    import io
    import tokenize

    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (tokenize.NAME, tokenize.OP):
            out.append((tok.start[0], tok.string))
    return out


def test_no_private_re_api_in_the_extractor():
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        tokens = _code_lines(path.read_text(encoding="utf-8"))
        code = "".join(t for _, t in tokens)
        for m in PRIVATE_RE.finditer(code.replace(" ", "")):
            found.append(f"{path.name}: {m.group(0)}")
    assert found == []


def test_the_private_re_scan_has_teeth():
    tokens = _code_lines("import re\nx = re._parser.parse('a')\n# re._constants in a comment\n")
    assert [m.group(0) for m in PRIVATE_RE.finditer("".join(t for _, t in tokens))] == ["re._parser"]


def test_a_broken_file_stops_extract_at_once_with_one_line_naming_file_and_key(folder, tmp_path, monkeypatch, capsys):
    """Not an "extraction failed" reject of every paper: the run checks the knowledge before reading any."""
    from claimbench.corpus import seed_files
    from claimbench.errors import ClaimbenchError

    from conftest import run_main

    path = folder / "metrics.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("'goodput'", "'goodput('", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    assert isinstance(caught.value, ClaimbenchError)
    monkeypatch.setattr(knowledge_module, "knowledge", lambda: read_knowledge(folder))
    out = tmp_path / "claims.parquet"
    code, _, err = run_main("extract", str(seed_files()[0]), "-o", str(out), "--workers", "1", "--no-cache", "--quiet")
    assert code == 2 and not out.exists()
    assert err.startswith("claimbench: metrics.toml [keywords.throughput]: bad pattern") and "Traceback" not in err and len(err.splitlines()) == 1
