r"""Hardware names from tables, and what a name needs around it to count as hardware.

The hardware scanner of :mod:`claimbench.extract.context` matches three sets of spellings
(case-sensitive regex fragments), each by what it needs around it:

- ``free``: the name alone is hardware ("A100", "Xeon Gold 6248", "Fugaku", "KNL");
- ``device``: only with a vendor before it or a device word after it: codes of one letter
  and one digit ("NVIDIA L2", "P4 GPUs": alone, a cache level and a language), a code written
  lower-case ("NVIDIA k40m GPU"), GPU generations ("NVIDIA Volta", "Volta GPUs");
- ``machine``: names that are also ordinary words or other things' names ("Summit",
  "Titan", "Theta", "Frontier"): only where the sentence says it is a machine
  (:func:`machine_context`).

The spellings come from

- ``knowledge/accelerators.csv``, Epoch AI's table of ML accelerators (CC BY 4.0):
  :func:`product_forms` derives from each name the token a paper writes;
- ``knowledge/machines.csv``, processors, supercomputers, boards, radios and testbeds
  written for claimbench, each with the context it needs;
- ``knowledge/hardware.toml`` ``[products]``, hand-kept spellings the tables lack (free).

>>> [f for f, need in product_forms("NVIDIA A100 SXM4 80 GB", "NVIDIA") if need == "free"]
['A100[a-z]?']
>>> product_forms("NVIDIA Tesla P4", "NVIDIA")
[('Tesla\\s+P4[a-z]?', 'free'), ('P4[a-z]?', 'device'), ('p4[a-z]?', 'device')]
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from .knowledge import CONTEXTS, knowledge, top_level_alternatives
from .regex_subset import fragment_width

FREE, DEVICE, MACHINE = CONTEXTS  # "free", "device", "machine" (machines.csv's context column)


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of ``knowledge/<name>`` (accelerators.csv or machines.csv) as the loader read and checked them, one dict a row.

    >>> read_table("machines.csv")[0]
    {'name': 'Knights Landing', 'kind': 'cpu_generation', 'context': 'free', 'suffix': '-'}
    """
    hardware = knowledge().hardware
    if name == "accelerators.csv":
        return [{"Hardware name": a.name, "Manufacturer": a.manufacturer, "Type": a.type, "Release date": a.release_date}
                for a in hardware.accelerators]
    if name == "machines.csv":
        return [{"name": m.name, "kind": m.kind, "context": m.context, "suffix": m.suffix} for m in hardware.machines]
    raise KeyError(f"no knowledge table {name!r}")


# ------------------------------------------------------------ accelerators.csv

# Words of a table name that a paper leaves out or writes apart: the maker ("NVIDIA A100"
# is read with its vendor by the caller), a product line ("Tesla V100" is "V100"), and the
# board variant after the product ("A100 SXM4 80 GB", "H100 PCIe", "L2 PCle").
# hardware.toml [table_names].
MAKERS = set(knowledge().hardware.table_names.makers)
LINES = knowledge().hardware.table_names.lines
VARIANT = re.compile(r"(?:" + "|".join(knowledge().hardware.table_names.variants) + r")")
CODE = re.compile(r"[A-Z]{1,3}\d{1,4}[A-Za-z]?")  # A100, K20X, K40s, MI300X, GB200, T4
SHORT_CODE = re.compile(r"[A-Z]\d")  # L2, P4, T4, D1: a cache level, a language, a template as often


def _drop_variant(words: list[str]) -> list[str]:
    words = list(words)
    while len(words) > 1 and VARIANT.fullmatch(words[-1]):
        words.pop()
        if words[-1:] and words[-1].isdigit() and len(words) > 1:
            words.pop()  # "80 GB"
    return words


def _split_line(words: list[str]) -> tuple[list[str], list[str]]:
    """(product line words, the rest): "Tesla V100" -> (["Tesla"], ["V100"])."""
    text = " ".join(words)
    for line in LINES:
        if text.startswith(line + " ") and len(line.split()) < len(words):
            n = len(line.split())
            inner, rest = _split_line(words[n:])
            return words[:n] + inner, rest
    return [], words


def spell(words: list[str]) -> str:
    r"""A case-sensitive fragment for ``words`` as a paper may write them: between two words
    any white space, or, next to a digit, none or a hyphen ("TPU v4", "TPUv4", "TPU-v4");
    a hyphen in a word may be a space or left out ("Tianhe-2", "Tianhe 2", "Tianhe2"); a
    word of letters then digits may be written apart ("Gaudi3", "Gaudi 3"); an all-capital
    word of four letters or more may be written capitalized ("TITAN", "Titan").

    >>> print(spell(["TPU", "v4"]), spell(["Data", "Center", "GPU"]), spell(["Tianhe-2"]), spell(["Gaudi3"]))
    TPU[\s-]?v4 Data\s+Center\s+GPU Tianhe[- ]?2 Gaudi[\s-]?3
    """
    parts = []
    for i, word in enumerate(words):
        if i:
            digit_near = any(c.isdigit() for c in words[i - 1] + word)
            parts.append(r"[\s-]?" if digit_near else r"\s+")
        parts.append(_spell_word(word))
    return "".join(parts)


def _spell_word(word: str) -> str:
    apart = re.fullmatch(r"([A-Z][a-z]{3,})(\d+[A-Za-z]?)", word)  # Gaudi3, Trainium2, Graviton3
    if apart:
        return re.escape(apart.group(1)) + r"[\s-]?" + re.escape(apart.group(2))
    out = []
    for piece in re.split(r"(-)", word):
        if piece == "-":
            out.append("[- ]?")
        elif piece.isupper() and piece.isalpha() and len(piece) >= 4:
            out.append(f"(?:{piece}|{piece.capitalize()})")
        else:
            out.append(re.escape(piece))
    return "".join(out)


def _code_form(code: str) -> str:
    """A code with any one lower-case letter after it: the board variant ("K40m", "K20c")
    or a plural ("8 H100s"). A lower-case variant letter in the table is dropped first ("K40s" -> "K40")."""
    base = code[:-1] if code[-1].islower() else code
    return re.escape(base) + "[a-z]?"


def product_forms(name: str, maker: str = "") -> list[tuple[str, str]]:
    r"""The spellings of one accelerator of the table, as (fragment, context), most specific first.

    The maker and a parenthesis are dropped, then the board variant; the product line
    ("Tesla", "GeForce", "Radeon Instinct", "Habana") may be written or left out; a code
    of one letter and one digit needs a vendor or device word when its line is left out,
    and so does a code written lower-case ("k40m"); a name that ends in a code name after
    its number may leave it out ("TPU v7 Ironwood" -> "TPU v7").

    >>> print(*[f for f, need in product_forms("Google TPU v7 Ironwood", "Google")])
    TPU[\s-]?v7[\s-]?Ironwood TPU[\s-]?v7
    >>> print(*[f for f, need in product_forms("NVIDIA Tesla K40s", "NVIDIA") if need == "free"])
    Tesla\s+K40[a-z]? K40[a-z]?
    """
    words = re.sub(r"\([^)]*\)", " ", name).split()
    makers = MAKERS | set(maker.split())
    while len(words) > 1 and words[0] in makers:
        words = words[1:]
    words = _drop_variant(words)
    line, core = _split_line(words)
    cores = [core]
    numbered = [i for i, w in enumerate(core) if any(c.isdigit() for c in w)]
    if numbered and numbered[-1] < len(core) - 1 and all(w.isalpha() for w in core[numbered[-1] + 1 :]):
        cores.append(core[: numbered[-1] + 1])  # "TPU v7 Ironwood" -> "TPU v7"; "RTX 6000 Ada" -> "RTX 6000"
    forms: list[tuple[str, str]] = []
    for words_ in cores:
        is_code = len(words_) == 1 and CODE.fullmatch(words_[0])
        body = _code_form(words_[0]) if is_code else spell(words_)
        if line:
            forms.append((spell(line) + r"\s+" + body, FREE))
        forms.append((body, DEVICE if is_code and SHORT_CODE.fullmatch(words_[0].rstrip("abcdefghijklmnopqrstuvwxyz")) else FREE))
        if is_code and words_[0][1].isdigit():
            forms.append((body[0].lower() + body[1:], DEVICE))  # "k40m", "p100"
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def accelerator_forms() -> tuple[tuple[str, str], ...]:
    """Every spelling derived from accelerators.csv, as (fragment, context)."""
    return tuple(dict.fromkeys(f for a in knowledge().hardware.accelerators for f in product_forms(a.name, a.manufacturer)))


# ------------------------------------------------------------ machines.csv

SUFFIX = {
    "-": "",
    # a model or generation number: "EPYC 7742", "Graviton3", "TSUBAME 2.5", "Tianhe-2A", "Tegra X1", "Shaheen II"
    "number": r"(?:[\s-]?(?:v|[A-Z]{1,2})?\d+(?:\.\d+)?[A-Za-z]{0,3}|\s(?:II|III|IV|VIIIfx|IXfx|XIfx))?",
    # a processor variant: "Haswell-EP", "Skylake-SP", "Ice Lake-SP"
    "gen": r"(?:-(?:EP|EX|SP|AP|EN|E|X|D|W|H|U))?",
}


@lru_cache(maxsize=1)
def machine_forms() -> tuple[tuple[str, str], ...]:
    """Every spelling of machines.csv, as (fragment, context)."""
    out = []
    for machine in knowledge().hardware.machines:  # contexts and suffixes checked at load
        out.append((spell(machine.name.split()) + SUFFIX[machine.suffix], machine.context))
    return tuple(dict.fromkeys(out))


# ------------------------------------------------------------ all spellings

@lru_cache(maxsize=1)
def hand_forms() -> tuple[tuple[str, str], ...]:
    """The hand-kept spellings of hardware.toml [products] (all free)."""
    return tuple((alt, FREE) for group in knowledge().hardware.products.values() for alt in top_level_alternatives(group))


def _specificity(fragment: str) -> tuple[int, int]:
    """How long a fragment's shortest match is (then how long it is written): the longer first,
    so that "EPYC Milan" is tried before "EPYC" with its optional number at the same position."""
    return fragment_width(fragment), len(fragment)


@lru_cache(maxsize=1)
def spellings() -> dict[str, list[str]]:
    """The fragments of every hardware spelling by the context it needs, most specific first.
    A fragment free anywhere is free; one that needs a device word needs no more than that."""
    need: dict[str, str] = {}
    for fragment, context in (*hand_forms(), *accelerator_forms(), *machine_forms()):
        if fragment not in need or CONTEXTS.index(context) < CONTEXTS.index(need[fragment]):
            need[fragment] = context
    out: dict[str, list[str]] = {c: [] for c in CONTEXTS}
    for fragment, context in need.items():
        out[context].append(fragment)
    return {c: sorted(fs, key=lambda f: (tuple(-n for n in _specificity(f)), f)) for c, fs in out.items()}


# ------------------------------------------------------------ context

_MACHINE = knowledge().hardware.machine_context  # hardware.toml [machine_context]
# A machine word right before the name: "the supercomputer Summit", "supercomputers such as Titan",
# "the current Top-1 supercomputing cluster, Frontier", "nodes of Titan".
MACHINE_BEFORE = regex.compile(
    r"""(?:
        (?:""" + "|".join(_MACHINE.before) + r""")
        \s*+(?:,\s*+)?(?:(?:""" + "|".join(_MACHINE.naming) + r""")\s++)?(?:(?:the|both)\s++)?
      | (?:""" + "|".join(_MACHINE.parts_before) + r""")\s++(?:of|on)\s++(?:the\s++)?
    )$""",
    regex.VERBOSE | regex.IGNORECASE,
)
# "on Summit", "at Titan" (a bare name after these prepositions is a place something ran).
ON_BEFORE = regex.compile(r"(?<![\w-])(?:on|at)\s++$", regex.IGNORECASE)
# After "on <Name>": the name ends a phrase (punctuation, a function word, a vendor or a number),
# not "on Frontier models", "on Summit-scale problems", "on Sierra Leone", "on Theta(n)".
PHRASE_ENDS = regex.compile(
    r"""(?:
        \s*+(?:$|[,.;:)\[])
      | \s++\(
      | \s++(?:""" + "|".join(_MACHINE.phrase_ends) + r"""|\d)(?![\w-])   # a word of phrase_ends, or a number
    )""",
    regex.VERBOSE,
)
# An apposition naming the machine: "Frontier, the world's first exascale supercomputer" (hardware.toml [apposition]).
APPOSITION = regex.compile(
    r",\s*+(?:the|a|an|which\s+is\s+(?:the|a|an))\s++(?:[\w'-]++\s++){0,5}?(?:" + "|".join(knowledge().hardware.apposition.machine) + r")(?![\w-])",
    regex.IGNORECASE,
)
# An apposition naming something else: "on Aurora, a foundation model of the atmosphere".
OTHER_APPOSITION = regex.compile(
    r",\s*+(?:the|a|an|which\s+is\s+(?:the|a|an))\s++(?:[\w'-]++\s++){0,5}?"
    r"(?:" + "|".join(knowledge().hardware.apposition.other) + r")(?![\w-])",
    regex.IGNORECASE,
)
# The device words that tell a name needing one is hardware: "NVIDIA Volta GPUs", "P4 GPUs", "k40m GPU";
# not "Turing machines", "P4 switches", "P4 devices".
DEVICE_WORD = regex.compile(
    r"\s*+(?:\S+\s++)?(?:" + "|".join(knowledge().hardware.after_name.device) + r")"  # hardware.toml [after_name]
)
# The words after a name that tell it is a machine: "the Summit supercomputer", "Titan nodes";
# not a plural class ("Frontier systems" are also frontier AI systems).
MACHINE_WORD = regex.compile(
    r"\s*+(?:\S+\s++)?(?:" + "|".join(knowledge().hardware.after_name.machine) + r")"
)


def device_word(word: str | None) -> bool:
    """True when ``word`` (the device word found after a name, or None) tells a name needing one is hardware."""
    return bool(word and DEVICE_WORD.fullmatch(word))


def machine_word(word: str | None) -> bool:
    """True when ``word`` (the device word found after a name, or None) tells a name is a machine."""
    return bool(word and MACHINE_WORD.fullmatch(word))


def machine_context(sentence: str, start: int, end: int) -> bool:
    """True when ``sentence`` says the name at [start, end) is a machine: a machine word right
    before it, "on"/"at" before it with the phrase ending after it, or an apposition after it.
    (A device word right after it is checked by the caller; so is a list with another machine.)

    >>> s = "We ran it on Summit, the supercomputer Sierra and Frontier, the first exascale system."
    >>> [machine_context(s, s.index(n), s.index(n) + len(n)) for n in ("Summit", "Sierra", "Frontier")]
    [True, True, True]
    >>> s = "Frontier models trained on Summit-scale data reach the Pareto Frontier, unlike on Aurora, a weather model."
    >>> [machine_context(s, i, i + len(n)) for n, i in (("Frontier", 0), ("Summit", 26), ("Frontier", 62), ("Aurora", s.index("Aurora")))]
    [False, False, False, False]
    """
    before = sentence[max(0, start - 60) : start]
    if MACHINE_BEFORE.search(before):
        return True
    after = min(len(sentence), end + 80)
    if ON_BEFORE.search(before) and PHRASE_ENDS.match(sentence, end, end + 40) and not OTHER_APPOSITION.match(sentence, end, after):
        return True
    return bool(APPOSITION.match(sentence, end, after))


# What joins the members of a list of machines: "Tianhe-2 and Stampede", "Titan, Summit, and Sierra".
LIST_JOIN = regex.compile(r"\s*+(?:,\s*+(?:(?:and|or)\s++)?|(?:and|or)\s++)")


# ------------------------------------------------------------ not workloads

# Classes of devices and instruction sets: hardware words, never a workload ("speedup on TPU",
# "overhead of 4.56% on x86-64"); and not hardware either (R2: not a named product). hardware.toml [classes].
DEVICE_CLASSES = "(?:" + "|".join(knowledge().hardware.classes.devices) + ")"
ISAS = "(?:" + "|".join(knowledge().hardware.classes.isas) + ")"


@lru_cache(maxsize=1)
def _hardware_word() -> re.Pattern:
    every = [f for fs in spellings().values() for f in fs]
    after = "|".join(knowledge().hardware.classes.after)  # hardware.toml [classes] after
    return re.compile("(?:" + "|".join([DEVICE_CLASSES, ISAS, *every]) + r")(?:[\s-]?\d+\s?GB|\s+(?:" + after + "))?")


@lru_cache(maxsize=4096)
def is_hardware_word(name: str) -> bool:
    """True when ``name`` is, as a whole, a device class, an instruction set or a hardware
    name, whatever its context: never a workload.

    >>> [is_hardware_word(n) for n in ("TPU", "GPUs", "x86-64", "ARM32", "Summit", "A100", "Llama2-70B", "TPC-H")]
    [True, True, True, True, True, True, False, False]
    """
    return bool(_hardware_word().fullmatch(name.strip()))
