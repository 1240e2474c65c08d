"""Behavioral tests of the claim extractor, in the spirit of CheckList (Ribeiro et al., ACL 2020).

A *capability* is one thing the extractor must get right, as the spec
(CLAIMS.md, rulings R1-R21) defines it: "a factor after 'faster than X' is a
speedup over X", "a device count is hardware, not a claim". Each capability is
written in ``templates.py`` as data: a few invented sentence templates, the
claims each one must give (every field, from the spec), the values the slots
are filled with, and the perturbations that must not change the answer (or
change it in a known way). This module expands them into cases, runs the
extractor on each, and scores it. A case passes when the extractor returns
exactly the expected claims: as many, and every field equal.

An example template (from ``templates.py``)::

    capability(
        "metric_speedup",
        "A speedup factor over a named system: metric speedup, unit x, change increase, baseline (R1, R21).",
        fill=FACTOR_FILL,  # sys: FlashServe, TurboKV, ...; n: 2.5, 3.1, 1.8, 12, ...; base: vLLM, FlashAttention, ...
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base}.",
              claim("{n}{X}", "{n}", "x", "speedup", change="increase", baseline="{base}")),
            ...
        ],
    )

and some of the cases it expands to (``bench/behavioral.py --show metric_speedup``)::

    metric_speedup#0.0                  FlashServe achieves a 2.5x speedup over vLLM.
        2.5x | 2.5 | x | speedup | none | increase | baseline=vLLM
    metric_speedup#0.1                  TurboKV achieves a 3.1x speedup over FlashAttention.
        3.1x | 3.1 | x | speedup | none | increase | baseline=FlashAttention
    metric_speedup#0.0+lead_clause      In our experiments, FlashServe achieves a 2.5x speedup over vLLM.
        2.5x | 2.5 | x | speedup | none | increase | baseline=vLLM
    metric_speedup#0.0+latex_x          FlashServe achieves a 2.5$\\times$ speedup over vLLM.
        2.5$\\times$ | 2.5 | x | speedup | none | increase | baseline=vLLM
    metric_speedup#0.1+trailing_while   TurboKV achieves a 3.1x speedup over FlashAttention, while reaching 48% of peak FLOPs.
        3.1x | 3.1 | x | speedup | none | increase | baseline=FlashAttention
        48% | 48 | % | utilization | none | none
    metric_speedup#0.2+claim_after      SparseFlow achieves a 1.8x speedup over PyTorch. Our system also uses 35% less energy than DeepSpeed.
        1.8x | 1.8 | x | speedup | none | increase | baseline=PyTorch
        35% | 35 | % | energy | none | decrease | baseline=DeepSpeed
    metric_speedup#1.3+hw_lead          On a single RTX 4090 GPU, our system runs 12x faster than DeepSpeed.
        12x | 12 | x | speedup | none | increase | baseline=DeepSpeed | hardware=a single RTX 4090 GPU

(each claim: mention | value | unit | metric | qualifier | change | baseline/hardware/workload when set).

Filling: base case ``i`` of a template takes, for every slot, the value at
``i % len(values)`` of that slot's list (a slot named ``"a,b"`` fills two
placeholders from one tuple, for values that go together). ``{X}`` and
``{PCT}`` are the multiplication and percent signs ("x", "%"); the unit-form
perturbations write them as "×", "$\\times$", "\\times", "\\%". Each
perturbation of a capability is applied to ``PER_PERTURBATION`` of its base
cases, taken in turn from the templates it applies to.

Perturbations (see ``PERTURBATIONS``): ``lead_clause`` ("In our experiments,
..."), ``sentence_before`` (an unrelated sentence without numbers first),
``trailing_and`` / ``trailing_while`` (a second, absolute claim joined to the
sentence), ``claim_after`` (a second sentence with its own claim),
``hw_lead`` / ``hw_end`` ("On 8 A100 GPUs, ..." / "... on 8 A100 GPUs."; the
claims gain that hardware, R2), ``hw_front`` / ``wl_front`` (the template's
own hardware or workload phrase moved to the front), ``hw_back`` /
``wl_back`` (a leading "Running on H100," / "For Llama2-70B," moved to the
end), and the unit forms
``unicode_x``, ``latex_x``, ``latex_times``, ``latex_pct``.
"""
from __future__ import annotations

import importlib.util
import math
import string
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS_PATH = HERE / "floors.json"

FIELDS = ("mention", "value", "value_low", "unit", "metric", "qualifier", "change", "baseline", "hardware", "workload")
TEXT_FIELDS = ("mention", "metric", "qualifier", "change", "baseline", "hardware", "workload")

# How many base cases of a capability each of its perturbations is applied to.
PER_PERTURBATION = 2
# The default title of a case (titles are never annotated; ``title_numbers`` tests that).
DEFAULT_TITLE = "An Efficient System for Machine Learning Workloads"

# Words that may start a template and are lower-cased when a clause is put in front of them.
FUNCTION_WORDS = {
    "Our", "The", "We", "This", "It", "Its", "Compared", "On", "When", "Across", "For", "Under", "With",
    "All", "Each", "Training", "Since", "Recent", "Model", "Thousands", "In", "Using", "A", "An", "At",
    "Relative", "Against", "Evaluated", "Running", "Prior", "Both", "From", "Serving", "Only", "Over",
}


def _load(name: str, path: Path):
    """Import a file of this folder by path (the folder is not a package on sys.path)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def templates_module():
    return _load("claimbench_behavioral_templates", HERE / "templates.py")


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    id: str
    capability: str
    perturbation: str | None
    title: str
    abstract: str
    expected: list[dict]


class _Fmt(string.Formatter):
    """str.format that fails loudly on a missing slot."""

    def get_value(self, key, args, kwargs):
        if key not in kwargs:
            raise KeyError(f"template slot {{{key}}} has no value")
        return kwargs[key]


_FMT = _Fmt()


def _render(value, slots: dict):
    if isinstance(value, str):
        return _FMT.format(value, **slots)
    if isinstance(value, tuple):
        return tuple(_render(v, slots) for v in value)
    return value


def _number(value, slots: dict) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        return float(_render(value, slots).replace(",", ""))
    return float(value)


def _slots_for(fill: dict, i: int) -> dict:
    """The slot values of base case ``i``: each list cycled; ``"a,b"`` keys fill several slots from one tuple."""
    slots = {}
    for key, values in fill.items():
        value = values[i % len(values)]
        names = [k.strip() for k in key.split(",")]
        if len(names) == 1:
            slots[names[0]] = value
        else:
            if len(value) != len(names):
                raise ValueError(f"fill {key!r}: {value!r} does not have {len(names)} parts")
            slots.update(zip(names, value))
    return slots


def _expected(claims: Iterable[dict], slots: dict) -> list[dict]:
    out = []
    for c in claims:
        e = {}
        for f in FIELDS:
            v = c.get(f)
            if f in ("value", "value_low"):
                e[f] = _number(v, slots)
            else:
                e[f] = _render(v, slots)
        out.append(e)
    return out


def expand(cap: dict) -> list[Case]:
    """All cases of one capability: each template's base cases, then the perturbed ones.

    Each perturbation is applied to ``PER_PERTURBATION`` base cases of the
    capability, taken in turn from its templates (a template's ``perturb``
    and ``skip`` say which apply to it), so that every perturbation is seen
    on different sentences.
    """
    cases: list[Case] = []
    base_cases: list[list[tuple[Case, dict]]] = []
    for t_index, tmpl in enumerate(cap["templates"]):
        fill = {**cap.get("fill", {}), **tmpl.get("fill", {})}
        n_base = tmpl.get("cases") or cap.get("cases") or 4
        title_t = tmpl.get("title") or cap.get("title") or DEFAULT_TITLE
        mine = []
        for i in range(n_base):
            slots = {"X": "x", "PCT": "%", **_slots_for(fill, i)}
            case = Case(f"{cap['name']}#{t_index}.{i}", cap["name"], None, _render(title_t, slots),
                        _render(tmpl["text"], slots), _expected(tmpl["claims"], slots))
            mine.append((case, slots))
            cases.append(case)
        base_cases.append(mine)

    def applies(tmpl: dict) -> list[str]:
        return [p for p in tmpl.get("perturb", cap.get("perturb", ())) if p not in tmpl.get("skip", ())]

    names: list[str] = []
    for tmpl in cap["templates"]:
        names += [p for p in applies(tmpl) if p not in names]
    # base cases in turn across templates: (template 0, case 0), (template 1, case 0), ...
    order = [(t, i) for i in range(max(len(b) for b in base_cases)) for t in range(len(base_cases))
             if i < len(base_cases[t])]
    for j, p_name in enumerate(names):
        perturb = PERTURBATIONS[p_name]
        applied = 0
        offset = (j * 5) % len(order)
        for t, i in order[offset:] + order[:offset]:
            if applied == PER_PERTURBATION:
                break
            tmpl = cap["templates"][t]
            if p_name not in applies(tmpl):
                continue
            base, slots = base_cases[t][i]
            out = perturb(tmpl, base, slots, j + i)
            if out is None:
                continue
            text, expected = out
            cases.append(Case(f"{base.id}+{p_name}", cap["name"], p_name, base.title, text, expected))
            applied += 1
    return cases


def capabilities() -> list[dict]:
    return templates_module().CAPABILITIES


def all_cases() -> list[Case]:
    return [case for cap in capabilities() for case in expand(cap)]


# --------------------------------------------------------------------------- perturbations


def _lower_first(text: str) -> str:
    """'Our system ...' -> 'our system ...'; names ('FlashServe', 'vLLM') are kept."""
    first = text.split(" ", 1)[0].rstrip(",")
    return text[0].lower() + text[1:] if first in FUNCTION_WORDS else text


def _single_sentence(text: str) -> bool:
    return text.count(". ") == 0


def _has_setting(expected: list[dict], tmpl: dict) -> bool:
    """True when the template names hardware or a workload (a clause added to it might inherit them)."""
    if any(e["hardware"] or e["workload"] for e in expected):
        return True
    return bool(tmpl.get("names_setting"))


def _prefix(text: str, lead: str) -> str:
    return lead + _lower_first(text)


def _append_to_last_sentence(text: str, clause: str) -> str | None:
    if not text.endswith("."):
        return None
    return text[:-1] + clause + "."


def _shift_units(tmpl, base, slots, i, *, X=None, PCT=None):
    src = tmpl["text"]
    if (X and "{X}" not in src) or (PCT and "{PCT}" not in src):
        return None
    new = dict(slots)
    if X:
        new["X"] = X
    if PCT:
        new["PCT"] = PCT
    return _render(src, new), _expected(tmpl["claims"], new)


def _claim(mention, value, unit, metric, change="none", baseline=None) -> dict:
    return {"mention": mention, "value": float(value), "value_low": None, "unit": unit, "metric": metric,
            "qualifier": "none", "change": change, "baseline": baseline, "hardware": None, "workload": None}


LEAD_CLAUSES = ["In our experiments, ", "Experimentally, ", "In extensive evaluations, "]
SENTENCES_BEFORE = [
    "Large language models are increasingly deployed in latency-sensitive applications. ",
    "Efficient use of accelerators remains an open problem. ",
    "This paper revisits a classic question in systems design. ",
]
# (clause, its claim): absolute claims, so no baseline question arises (R1).
TRAILING_AND = [
    (" and uses only 3.2 GB of memory", _claim("3.2 GB", 3.2, "GB", "memory")),
    (" and sustains 1,450 tokens/s", _claim("1,450 tokens/s", 1450, "token/s", "throughput")),
]
TRAILING_WHILE = [
    (", while reaching 48% of peak FLOPs", _claim("48%", 48, "%", "utilization")),
    (", while drawing only 35 W", _claim("35 W", 35, "W", "energy")),
]
CLAIMS_AFTER = [
    (" Our system also uses 35% less energy than DeepSpeed.",
     _claim("35%", 35, "%", "energy", "decrease", "DeepSpeed")),
    (" In addition, our system lowers the serving cost by 2.2x relative to Orca.",
     _claim("2.2x", 2.2, "x", "cost", "decrease", "Orca")),
]
HARDWARE = ["8 A100 GPUs", "TPU v4", "a single RTX 4090 GPU", "4 H100 GPUs", "Jetson Orin"]


def p_lead_clause(tmpl, base, slots, i):
    return _prefix(base.abstract, LEAD_CLAUSES[i % len(LEAD_CLAUSES)]), base.expected


def p_sentence_before(tmpl, base, slots, i):
    return SENTENCES_BEFORE[i % len(SENTENCES_BEFORE)] + base.abstract, base.expected


def _trailing(options):
    def perturb(tmpl, base, slots, i):
        if _has_setting(base.expected, tmpl) or tmpl.get("no_trailing"):
            return None
        clause, extra = options[i % len(options)]
        text = _append_to_last_sentence(base.abstract, clause)
        return None if text is None else (text, base.expected + [dict(extra)])
    return perturb


def p_claim_after(tmpl, base, slots, i):
    if _has_setting(base.expected, tmpl):
        return None
    sentence, extra = CLAIMS_AFTER[i % len(CLAIMS_AFTER)]
    return base.abstract + sentence, base.expected + [dict(extra)]


def _with_hardware(expected, hw):
    return [{**e, "hardware": hw} for e in expected]


def p_hw_lead(tmpl, base, slots, i):
    if any(e["hardware"] for e in base.expected) or tmpl.get("names_setting"):
        return None
    if not _single_sentence(base.abstract) or not base.expected:
        return None
    hw = HARDWARE[i % len(HARDWARE)]
    return _prefix(base.abstract, f"On {hw}, "), _with_hardware(base.expected, hw)


def p_hw_end(tmpl, base, slots, i):
    if any(e["hardware"] for e in base.expected) or tmpl.get("names_setting"):
        return None
    if not _single_sentence(base.abstract) or not base.expected or base.abstract.endswith("respectively."):
        return None
    if ", and " in base.abstract or ", while " in base.abstract:  # would "on X" qualify both clauses? leave it
        return None
    hw = HARDWARE[(i + 2) % len(HARDWARE)]
    text = _append_to_last_sentence(base.abstract, f" on {hw}")
    return None if text is None else (text, _with_hardware(base.expected, hw))


def _move_front(base, name_field, preps):
    names = {e[name_field] for e in base.expected}
    if len(names) != 1 or None in names:
        return None
    name = names.pop()
    for prep in preps:
        phrase = f" {prep} {name}"
        if base.abstract.count(phrase) == 1 and phrase + "," not in base.abstract and _single_sentence(base.abstract):
            rest = base.abstract.replace(phrase, "", 1)
            return f"{prep[0].upper()}{prep[1:]} {name}, " + _lower_first(rest), base.expected
    return None


def p_hw_front(tmpl, base, slots, i):
    return _move_front(base, "hardware", ["on"])


def p_wl_front(tmpl, base, slots, i):
    return _move_front(base, "workload", ["when serving", "when training", "on", "for"])


def _move_back(base, name_field, preps):
    """'Running on H100, X does Y.' -> 'X does Y on H100.' (the setting phrase moved to the end)."""
    names = {e[name_field] for e in base.expected}
    if len(names) != 1 or None in names or not _single_sentence(base.abstract) or not base.abstract.endswith("."):
        return None
    name = names.pop()
    for prep in preps:
        lead = f"{prep[0].upper()}{prep[1:]} {name}, "
        if base.abstract.startswith(lead):
            rest = base.abstract[len(lead):]
            end = " on" if prep.endswith(" on") else f" {prep}"
            return rest[0].upper() + rest[1:-1] + f"{end} {name}.", base.expected
    return None


def p_hw_back(tmpl, base, slots, i):
    return _move_back(base, "hardware", ["on", "running on"])


def p_wl_back(tmpl, base, slots, i):
    return _move_back(base, "workload", ["for", "on", "when serving"])


PERTURBATIONS: dict[str, Callable] = {
    "lead_clause": p_lead_clause,
    "sentence_before": p_sentence_before,
    "trailing_and": _trailing(TRAILING_AND),
    "trailing_while": _trailing(TRAILING_WHILE),
    "claim_after": p_claim_after,
    "hw_lead": p_hw_lead,
    "hw_end": p_hw_end,
    "hw_front": p_hw_front,
    "wl_front": p_wl_front,
    "hw_back": p_hw_back,
    "wl_back": p_wl_back,
    "unicode_x": lambda t, b, s, i: _shift_units(t, b, s, i, X="×"),
    "latex_x": lambda t, b, s, i: _shift_units(t, b, s, i, X="$\\times$"),
    "latex_times": lambda t, b, s, i: _shift_units(t, b, s, i, X="\\times"),
    "latex_pct": lambda t, b, s, i: _shift_units(t, b, s, i, PCT="\\%"),
}


# --------------------------------------------------------------------------- scoring


def _unit_registry():
    try:
        from claimbench.extract.units import registry
        return registry()
    except Exception:  # the extractor is being changed: fall back to pint's defaults
        import pint
        return pint.UnitRegistry()


_SPECIAL_UNITS = {"x", "%", "pp", ""}
_unit_cache: dict[str, tuple | None] = {}


def _unit_key(unit: str):
    """(dimensionality, magnitude of one unit in base units), or None when pint does not parse it."""
    if unit not in _unit_cache:
        try:
            ureg = _unit_registry()
            q = ureg.Quantity(1.0, ureg.parse_units(unit.replace("/", " / "))).to_base_units()
            _unit_cache[unit] = (str(q.dimensionality), float(q.magnitude))
        except Exception:
            _unit_cache[unit] = None
    return _unit_cache[unit]


def unit_ok(expected, got) -> bool:
    """Equal, one of the accepted spellings (a tuple), or the same pint unit ("Gbps" = "Gbit/s")."""
    options = expected if isinstance(expected, tuple) else (expected,)
    for e in options:
        if got == e:
            return True
        if e in _SPECIAL_UNITS or got in _SPECIAL_UNITS or got is None:
            continue
        ke, kg = _unit_key(e), _unit_key(got)
        if ke and kg and ke[0] == kg[0] and math.isclose(ke[1], kg[1], rel_tol=1e-9):
            return True
    return False


def field_ok(name: str, expected, got) -> bool:
    if name in ("value", "value_low"):
        if expected is None or got is None:
            return expected is None and got is None
        return math.isclose(expected, got, rel_tol=1e-6, abs_tol=1e-12)
    if name == "unit":
        return unit_ok(expected, got)
    if isinstance(expected, tuple):
        return got in expected
    return expected == got


def claim_fields(claim) -> dict:
    return {f: getattr(claim, f) for f in FIELDS} | {"start": claim.start, "end": claim.end}


@dataclass
class CaseResult:
    case: Case
    got: list[dict]
    pairs: list[tuple[dict, dict | None, list[str]]] = field(default_factory=list)  # (expected, got, wrong fields)
    spurious: list[dict] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not self.spurious and all(g is not None and not bad for _, g, bad in self.pairs)

    @property
    def right_claims(self) -> int:
        return sum(1 for _, g, bad in self.pairs if g is not None and not bad)


def _align(case: Case, got: list[dict]) -> CaseResult:
    result = CaseResult(case, got)
    used = [False] * len(got)
    pos = 0
    for exp in case.expected:
        start = case.abstract.find(exp["mention"], pos)
        span = (start, start + len(exp["mention"])) if start >= 0 else (-1, -1)
        if start >= 0:
            pos = start + 1
        hit = None
        for k, g in enumerate(got):  # the same mention, at the same place if it occurs twice
            if not used[k] and g["mention"] == exp["mention"] and (start < 0 or g["start"] == start):
                hit = k
                break
        if hit is None:
            for k, g in enumerate(got):  # the same mention anywhere, then an overlapping one
                if not used[k] and g["mention"] == exp["mention"]:
                    hit = k
                    break
        if hit is None:
            for k, g in enumerate(got):
                if not used[k] and g["start"] < span[1] and span[0] < g["end"]:
                    hit = k
                    break
        if hit is None:
            result.pairs.append((exp, None, list(FIELDS)))
            continue
        used[hit] = True
        g = got[hit]
        result.pairs.append((exp, g, [f for f in FIELDS if not field_ok(f, exp[f], g[f])]))
    result.spurious = [g for k, g in enumerate(got) if not used[k]]
    return result


def default_extract():
    from claimbench.extract.claims import extract_claims
    from claimbench.extract.papers import Paper

    def run(title: str, abstract: str):
        return extract_claims(Paper(title, abstract, "x.txt:1"))
    return run


def run_case(case: Case, extract=None) -> CaseResult:
    extract = extract or default_extract()
    try:
        got = sorted((claim_fields(c) for c in extract(case.title, case.abstract)), key=lambda g: (g["start"], g["end"]))
    except Exception as err:  # a crash is a failure of the case, not of the suite
        r = CaseResult(case, [])
        r.error = f"{type(err).__name__}: {err}"
        r.pairs = [(e, None, list(FIELDS)) for e in case.expected]
        return r
    return _align(case, got)


def run_all(cases: list[Case] | None = None, extract=None) -> list[CaseResult]:
    extract = extract or default_extract()
    return [run_case(c, extract) for c in (all_cases() if cases is None else cases)]


@dataclass
class Rate:
    cases: int = 0
    passed: int = 0
    expected_claims: int = 0
    right_claims: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    @property
    def claim_rate(self) -> float:
        return self.right_claims / self.expected_claims if self.expected_claims else 1.0

    def add(self, r: CaseResult) -> None:
        self.cases += 1
        self.passed += r.passed
        self.expected_claims += len(r.case.expected)
        self.right_claims += r.right_claims
        self.missed += sum(1 for _, g, _ in r.pairs if g is None)
        self.spurious += len(r.spurious)


def rates(results: list[CaseResult], key: Callable[[CaseResult], str | None]) -> dict[str, Rate]:
    out: dict[str, Rate] = {}
    for r in results:
        k = key(r)
        if k is None:
            continue
        out.setdefault(k, Rate()).add(r)
    return out


def total(results: list[CaseResult]) -> Rate:
    t = Rate()
    for r in results:
        t.add(r)
    return t


def floor_of(rate: float) -> float:
    """The pass rate rounded down to 0.01."""
    return math.floor(rate * 100 + 1e-9) / 100


def _short(v) -> str:
    return "-" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))


def _field_kind(f: str, expected, got) -> str:
    """A name for one wrong field: enum fields by their values, text fields by missing / extra / other."""
    if f in ("mention", "value", "value_low"):
        return f"wrong {f}"
    if f in ("baseline", "hardware", "workload"):
        if expected is None:
            return f"{f}: none expected, one given"
        if got is None:
            return f"{f}: missing"
        return f"{f}: another string"
    exp = "/".join(expected) if isinstance(expected, tuple) else _short(expected)
    return f"{f}: {exp} -> {_short(got)}"


def _kinds_of(r: CaseResult):
    if r.error:
        yield "extractor raised"
    for exp, got, bad in r.pairs:
        if got is None:
            yield "missed claim"
            continue
        for f in bad:
            yield _field_kind(f, exp[f], got[f])
    for _ in r.spurious:
        yield "spurious claim"


def failure_kinds(results: list[CaseResult]) -> Counter:
    """How often each kind of error occurs: 'missed claim', 'metric: latency -> speedup', 'baseline: missing', ..."""
    kinds: Counter = Counter()
    for r in results:
        kinds.update(_kinds_of(r))
    return kinds


def first_example(results: list[CaseResult], kind: str) -> CaseResult | None:
    for r in results:
        if kind in set(_kinds_of(r)):
            return r
    return None


def describe_claim(c: dict) -> str:
    parts = [c["mention"], _short(c["value"])]
    if c.get("value_low") is not None:
        parts.append(f"low={_short(c['value_low'])}")
    unit = c["unit"]
    parts += ["/".join(unit) if isinstance(unit, tuple) else repr(unit) if unit == "" else unit,
              c["metric"], c["qualifier"], c["change"]]
    for f in ("baseline", "hardware", "workload"):
        if c.get(f):
            parts.append(f"{f}={c[f]}")
    return " | ".join(parts)


def describe_result(r: CaseResult) -> str:
    lines = [f"{r.case.id}", f"  text:     {r.case.abstract}"]
    if r.error:
        lines.append(f"  ERROR:    {r.error}")
    for exp, got, bad in r.pairs:
        lines.append(f"  expected: {describe_claim(exp)}")
        if got is None:
            lines.append("  got:      (nothing)")
        elif bad:
            lines.append(f"  got:      {describe_claim(got)}   <- wrong: {', '.join(bad)}")
    for g in r.spurious:
        lines.append(f"  spurious: {describe_claim(g)}")
    if not r.case.expected and not r.spurious:
        lines.append("  expected: (no claim)")
    return "\n".join(lines)
