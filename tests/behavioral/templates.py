"""The capabilities of the behavioral suite, as data (see runner.py for how they expand).

Every sentence here is invented for this suite. The expected claims are read
off the spec (CLAIMS.md and its rulings R1-R21), not off the extractor's
output. Where the spec leaves a field open, the sentences are chosen to avoid
the question (a second claim gets its own baseline, hardware is written
without an article, ...).

A template is ``T(text, claim, claim, ...)``; ``{slot}`` placeholders are
filled from the capability's ``fill`` (or the template's own), ``{X}`` is the
factor sign ("x", or "×", "$\\times$", "\\times" under the unit-form
perturbations) and ``{PCT}`` the percent sign ("%" or "\\%"). ``claim`` lists
the fields of one expected claim; those not given are the spec's defaults
(value_low null, qualifier none, change none, baseline/hardware/workload null).
A unit given as a tuple accepts any of its spellings.
"""
from __future__ import annotations


def claim(mention, value, unit, metric, *, change="none", qualifier="none", low=None,
          baseline=None, hardware=None, workload=None) -> dict:
    """One expected claim (strings may hold {slots}; value and low are numbers or '{slot}')."""
    return {"mention": mention, "value": value, "value_low": low, "unit": unit, "metric": metric,
            "qualifier": qualifier, "change": change, "baseline": baseline, "hardware": hardware,
            "workload": workload}


def T(text, *claims, fill=None, cases=None, perturb=None, skip=(), names_setting=False, title=None,
      no_trailing=False) -> dict:
    """One template: its text and the claims it must give.

    ``perturb`` replaces the capability's perturbations, ``skip`` removes some;
    ``names_setting`` marks a template whose text names hardware or a workload
    that no expected claim carries (so no clause is added that might inherit it);
    ``no_trailing`` keeps the joined-clause perturbations off a sentence they would garble.
    """
    t = {"text": text, "claims": list(claims), "fill": fill or {}, "skip": tuple(skip),
         "names_setting": names_setting, "no_trailing": no_trailing}
    if cases:
        t["cases"] = cases
    if perturb is not None:
        t["perturb"] = tuple(perturb)
    if title:
        t["title"] = title
    return t


def capability(name, about, templates, *, fill=None, perturb=(), cases=4, title=None) -> dict:
    return {"name": name, "about": about, "templates": templates, "fill": fill or {},
            "perturb": tuple(perturb), "cases": cases, "title": title}


# ----------------------------------------------------------------------------- perturbation sets

PLAIN = ("lead_clause", "sentence_before")
UNIT_FORMS = ("unicode_x", "latex_x", "latex_times", "latex_pct")
JOINED = ("trailing_and", "trailing_while", "claim_after")
HW = ("hw_lead", "hw_end")
MOVED = ("hw_front", "wl_front", "hw_back", "wl_back")
SYSTEMS_PERTURBATIONS = PLAIN + UNIT_FORMS + JOINED + HW + MOVED
QUALITY_PERTURBATIONS = PLAIN + UNIT_FORMS + JOINED + ("wl_front", "wl_back")  # quality scores: no hardware added
NONCLAIM_PERTURBATIONS = PLAIN + ("claim_after",)

# ----------------------------------------------------------------------------- fill values

SYSTEMS = ["FlashServe", "TurboKV", "SparseFlow", "Our system", "The proposed runtime", "Hydra"]
NAMES = ["FlashServe", "TurboKV", "SparseFlow", "Hydra", "QuickTune"]  # for the middle of a sentence
BASELINES = ["vLLM", "FlashAttention", "PyTorch", "DeepSpeed", "TensorRT-LLM", "Megatron-LM", "SGLang", "cuBLAS"]
LLMS = ["GPT-3.5", "Llama-3-70B", "Mistral-7B", "GPT-4o", "Qwen2-72B"]
MODELS = ["Llama2-70B", "OPT-30B", "Llama-3-8B", "Mixtral-8x7B", "Qwen2.5-7B", "BERT-Large"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "ImageNet", "MATH-500", "LiveCodeBench", "HellaSwag", "GPQA Diamond"]
HARDWARE = ["8 A100 GPUs", "H100", "TPU v4", "a single RTX 4090 GPU", "64 V100 GPUs", "Jetson Orin", "MI250X",
            "Xeon Gold 6248 CPUs"]
FACTORS = ["2.5", "3.1", "1.8", "12", "4.6", "7.3"]
PERCENTS = ["30", "42.5", "18", "67", "23.4", "55"]
SMALL_PERCENTS = ["1.5", "3.2", "0.8", "4.7", "2.1"]
GENERIC_BASELINES = ["existing systems", "state-of-the-art methods", "prior work", "baseline approaches",
                     "existing serving systems"]

FACTOR_FILL = {"sys": SYSTEMS, "name": NAMES, "n": FACTORS, "p": PERCENTS, "base": BASELINES}


def speedup(mention="{n}{X}", value="{n}", **kw):
    return claim(mention, value, "x", "speedup", change="increase", **kw)


CAPABILITIES = [
    # ========================================================================= metrics
    capability(
        "metric_speedup",
        "A speedup factor over a named system: metric speedup, unit x, change increase, baseline (R1, R21).",
        fill=FACTOR_FILL, perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base}.", speedup(baseline="{base}")),
            T("{sys} runs {n}{X} faster than {base}.", speedup(baseline="{base}")),
            T("Compared to {base}, {name} accelerates end-to-end training by {n}{X}.", speedup(baseline="{base}")),
            T("{sys} speeds up inference by {n}{X} relative to {base}.", speedup(baseline="{base}")),
        ],
    ),
    capability(
        "metric_throughput",
        "Work per time: 'throughput by 2x', 'higher throughput', tokens/s, requests per second (throughput).",
        fill={**FACTOR_FILL, "model": MODELS, "t": ["1,250", "3,400", "980", "12,000", "2,150"],
              "r": ["420", "1,800", "95", "2,600", "730"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} improves serving throughput by {n}{X} over {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} delivers {n}{X} higher throughput than {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} increases training throughput by {p}{PCT} compared with {base}.",
              claim("{p}{PCT}", "{p}", "%", "throughput", change="increase", baseline="{base}")),
            T("{sys} sustains {t} tokens/s when serving {model}.",
              claim("{t} tokens/s", "{t}", "token/s", "throughput", workload="{model}")),
            # "more than" after the number is the comparison, not a qualifier
            T("{sys} handles {r} requests per second, {n}{X} more than {base}.",
              claim("{r} requests per second", "{r}", "request/s", "throughput"),
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
        ],
    ),
    capability(
        "metric_latency",
        "A time: reductions of a named latency are latency, decrease (R20); absolute ms / hours of one run.",
        fill={**FACTOR_FILL, "model": MODELS, "ms": ["38", "4.2", "120", "17.5", "260"],
              "h": ["16", "3.5", "41", "7", "120"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} reduces end-to-end latency by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", baseline="{base}")),
            T("{sys} achieves {n}{X} lower tail latency than {base}.",
              claim("{n}{X}", "{n}", "x", "latency", change="decrease", baseline="{base}")),
            T("{sys} answers a query in {ms} ms on average.",
              claim("{ms} ms", "{ms}", "ms", "latency", qualifier="average")),
            T("{sys} cuts the time-to-first-token by {p}{PCT} relative to {base}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", baseline="{base}")),
            T("With {name}, one full training run of {model} takes {h} hours.",
              claim("{h} hours", "{h}", "hour", "latency", workload="{model}")),
        ],
    ),
    capability(
        "metric_memory",
        "Bytes, memory footprint, KV cache size: memory; 'peak memory' names the metric, not a qualifier (R8).",
        fill={**FACTOR_FILL, "model": MODELS, "g": ["14", "2.7", "48", "7.5", "22"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} reduces peak memory usage by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "memory", change="decrease", baseline="{base}")),
            T("{sys} uses {n}{X} less memory than {base}.",
              claim("{n}{X}", "{n}", "x", "memory", change="decrease", baseline="{base}")),
            T("{sys} shrinks the KV cache by {n}{X}.",
              claim("{n}{X}", "{n}", "x", "memory", change="decrease")),
            T("{sys} needs only {g} GB of memory to serve {model}.",
              claim("{g} GB", "{g}", "GB", "memory", workload="{model}")),
            T("{sys} cuts activation memory by {p}{PCT} when training {model}.",
              claim("{p}{PCT}", "{p}", "%", "memory", change="decrease", workload="{model}")),
        ],
    ),
    capability(
        "metric_energy",
        "Energy, power, energy efficiency: metric energy (W, J, or relative).",
        fill={**FACTOR_FILL, "w": ["65", "210", "4.8", "95", "12"], "j": ["0.42", "3.1", "12", "0.08", "1.6"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} reduces energy consumption by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "energy", change="decrease", baseline="{base}")),
            T("{sys} improves energy efficiency by {n}{X} over {base}.",
              claim("{n}{X}", "{n}", "x", "energy", change="increase", baseline="{base}")),
            T("{sys} draws {w} W on average.", claim("{w} W", "{w}", "W", "energy", qualifier="average")),
            T("{sys} consumes only {j} J per inference.", claim("{j} J", "{j}", "J", "energy")),
            T("{sys} lowers power consumption by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "energy", change="decrease")),
        ],
    ),
    capability(
        "metric_cost",
        "Money and cost savings: metric cost; 'USD' and '$' amounts are unit USD; savings are a decrease.",
        fill={**FACTOR_FILL, "usd": ["2,300", "450", "12,000", "87", "1,150"],
              "d": ["4.30", "120", "18.50", "2,400", "65"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} reduces training cost by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "cost", change="decrease", baseline="{base}")),
            T("{sys} lowers the serving cost by {n}{X} relative to {base}.",
              claim("{n}{X}", "{n}", "x", "cost", change="decrease", baseline="{base}")),
            T("Training a model with {name} costs {usd} USD in total.",
              claim("{usd} USD", "{usd}", "USD", "cost")),
            T("{sys} completes the whole evaluation for ${d}.", claim("${d}", "{d}", "USD", "cost")),
            T("{sys} achieves {p}{PCT} cost savings over {base}.",
              claim("{p}{PCT}", "{p}", "%", "cost", change="decrease", baseline="{base}")),
        ],
    ),
    capability(
        "metric_utilization",
        "Share of a hardware peak, MFU, scaling efficiency: utilization, change none unless 'improves by' (R15).",
        fill={**FACTOR_FILL, "hw": HARDWARE, "model": MODELS, "p": ["52", "71.3", "64", "83", "45.5"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} reaches {p}{PCT} of peak FLOPs on {hw}.",
              claim("{p}{PCT}", "{p}", "%", "utilization", hardware="{hw}")),
            T("{sys} achieves {p}{PCT} model FLOPs utilization when training {model}.",
              claim("{p}{PCT}", "{p}", "%", "utilization", workload="{model}")),
            T("{sys} attains {p}{PCT} of the theoretical memory bandwidth.",
              claim("{p}{PCT}", "{p}", "%", "utilization")),
            # "1,024 GPUs" is a device count of a generic class: no claim, no hardware (R2, R4)
            T("{sys} maintains a weak-scaling efficiency of {p}{PCT} on 1,024 GPUs.",
              claim("{p}{PCT}", "{p}", "%", "utilization")),
            T("{sys} improves GPU utilization by {p}{PCT} over {base}.",
              claim("{p}{PCT}", "{p}", "%", "utilization", change="increase", baseline="{base}")),
        ],
    ),
    capability(
        "metric_accuracy",
        "Task quality (accuracy, pass@k, BLEU, F1): accuracy; the benchmark is the workload (R3); the k of pass@k is no claim.",
        fill={**FACTOR_FILL, "bench": BENCHMARKS, "llm": LLMS, "p": ["85.3", "71.2", "92.8", "64.5", "58.1"],
              "d": ["3.2", "1.5", "7.8", "4.4", "11.6"],
              "code": ["HumanEval", "LiveCodeBench", "MBPP", "HumanEval+"],
              "b": ["31.2", "28.7", "40.1", "35.6", "26.9"], "f": ["0.87", "91.2", "0.794", "88.5", "0.66"],
              "qa": ["SQuAD", "HotpotQA", "TriviaQA", "Natural Questions"]},
        perturb=QUALITY_PERTURBATIONS,
        templates=[
            T("{sys} achieves {p}{PCT} accuracy on {bench}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{bench}")),
            T("{sys} improves accuracy on {bench} by {d}{PCT} over {llm}.",
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase", baseline="{llm}", workload="{bench}")),
            T("{sys} reaches a pass@1 of {p}{PCT} on {code}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{code}")),
            T("{sys} obtains a BLEU score of {b}.", claim("{b}", "{b}", "", "accuracy")),
            T("{sys} attains an F1 score of {f} on {qa}.", claim("{f}", "{f}", "", "accuracy", workload="{qa}")),
        ],
    ),
    capability(
        "metric_scale",
        "The size a system reaches or enables (R5): context length, x larger models, maximum batch size, model size fine-tuned.",
        fill={**FACTOR_FILL, "hw": HARDWARE,
              "k,kv": [("1M", 1e6), ("128K", 128000), ("2M", 2e6), ("512K", 512000), ("4M", 4e6)],
              "b,bv": [("175", 175e9), ("70", 70e9), ("30", 30e9), ("13", 13e9), ("65", 65e9)]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} supports context lengths of up to {k} tokens.",
              claim("{k} tokens", "{kv}", "token", "scale", qualifier="up_to")),
            T("{sys} handles sequences of more than {k} tokens on {hw}.",
              claim("{k} tokens", "{kv}", "token", "scale", qualifier="at_least", hardware="{hw}")),
            T("{sys} trains models {n}{X} larger than {base} can.",
              claim("{n}{X}", "{n}", "x", "scale", change="increase", baseline="{base}")),
            T("{sys} increases the maximum batch size by {n}{X} compared to {base}.",
              claim("{n}{X}", "{n}", "x", "scale", change="increase", baseline="{base}")),
            T("{sys} enables fine-tuning a model with {b}B parameters on a single RTX 4090 GPU.",
              claim("{b}B parameters", "{bv}", ("", "parameter"), "scale", hardware="a single RTX 4090 GPU")),
        ],
    ),
    capability(
        "metric_compression",
        "Size reductions of a model or data, fewer parameters: compression, decrease.",
        fill={**FACTOR_FILL, "peft": ["LoRA", "full fine-tuning", "prefix tuning", "adapter tuning"]},
        perturb=PLAIN + UNIT_FORMS + JOINED,
        templates=[
            T("{sys} reduces the model size by {p}{PCT} with negligible accuracy loss.",
              claim("{p}{PCT}", "{p}", "%", "compression", change="decrease")),
            T("{sys} uses {n}{X} fewer parameters than the uncompressed model.",
              claim("{n}{X}", "{n}", "x", "compression", change="decrease", baseline="the uncompressed model")),
            T("{sys} shrinks model checkpoints by {n}{X}.",
              claim("{n}{X}", "{n}", "x", "compression", change="decrease")),
            T("{sys} reduces the number of parameters by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "compression", change="decrease")),
            T("{sys} needs {n}{X} fewer trainable parameters than {peft}.",
              claim("{n}{X}", "{n}", "x", "compression", change="decrease", baseline="{peft}")),
        ],
    ),
    capability(
        "metric_other",
        "Results that fit no metric (write amplification, page faults, bugs found, survey shares): other.",
        fill={**FACTOR_FILL, "kv": ["RocksDB", "LevelDB", "WiredTiger", "PebblesDB"],
              "k": ["42", "17", "103", "8", "250"], "proto": ["Raft", "Multi-Paxos", "two-phase commit", "ZooKeeper"],
              "p": ["43", "12.5", "27", "61", "8.9"]},
        perturb=PLAIN + UNIT_FORMS + JOINED,
        templates=[
            T("{sys} reduces write amplification by {n}{X} compared to {kv}.",
              claim("{n}{X}", "{n}", "x", "other", change="decrease", baseline="{kv}")),
            T("We find that {p}{PCT} of the surveyed apps still use TLS 1.0.",
              claim("{p}{PCT}", "{p}", "%", "other"), no_trailing=True),
            T("{sys} found {k} previously unknown bugs in the Linux kernel.", claim("{k}", "{k}", "", "other")),
            T("{sys} reduces the number of page faults by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "other", change="decrease")),
            T("{sys} sends {p}{PCT} fewer cross-node messages than {proto}.",
              claim("{p}{PCT}", "{p}", "%", "other", change="decrease", baseline="{proto}")),
        ],
    ),
    # ========================================================================= baselines and R1
    capability(
        "baseline_phrasing",
        "The compared system, however the comparison is phrased: over, than, compared to/with, relative to, against, outperforms.",
        fill=FACTOR_FILL, perturb=PLAIN + ("latex_x",), cases=3,
        templates=[
            T("{sys} is {n}{X} faster than {base}.", speedup(baseline="{base}")),
            T("{sys} achieves a {n}{X} speedup compared to {base}.", speedup(baseline="{base}")),
            T("{sys} achieves a {n}{X} speedup compared with {base}.", speedup(baseline="{base}")),
            T("{sys} achieves a {n}{X} speedup relative to {base}.", speedup(baseline="{base}")),
            T("{sys} achieves a {n}{X} speedup against {base}.", speedup(baseline="{base}")),
            T("Compared to {base}, {name} achieves a {n}{X} speedup.", speedup(baseline="{base}")),
            T("{sys} outperforms {base} by {n}{X} in throughput.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
        ],
    ),
    capability(
        "baseline_generic",
        "Generic comparison phrases are kept as the baseline when that is all the abstract says (R19).",
        fill={**FACTOR_FILL, "gen": GENERIC_BASELINES, "bench": BENCHMARKS, "d": ["3.2", "1.5", "7.8", "4.4", "11.6"]},
        perturb=PLAIN + UNIT_FORMS + JOINED,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {gen}.", speedup(baseline="{gen}")),
            T("{sys} reduces latency by {p}{PCT} compared to {gen}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", baseline="{gen}")),
            T("{sys} outperforms {gen} by {d}{PCT} in accuracy on {bench}.",
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase", baseline="{gen}", workload="{bench}")),
        ],
    ),
    capability(
        "relative_vs_absolute",
        "Absolute numbers get change none and baseline null even beside a competitor (R1); a competitor's own figure is a claim (R7).",
        fill={**FACTOR_FILL, "bench": BENCHMARKS, "llm": LLMS, "p": ["85.3", "71.2", "92.8", "64.5", "58.1"],
              "p2": ["80.1", "66.9", "88.4", "60.2", "51.7"], "d": ["3.2", "1.5", "7.8", "4.4", "11.6"],
              "t,t2": [("1,200", "400"), ("3,150", "1,020"), ("860", "310"), ("5,400", "2,700"), ("2,050", "990")],
              "ms": ["38", "4.2", "120", "17.5", "260"]},
        perturb=PLAIN + ("latex_pct", "hw_lead"),
        templates=[
            T("{sys} achieves {p}{PCT} accuracy on {bench}, outperforming {llm}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{bench}"), skip=("hw_lead",)),
            T("{sys} reaches {t} tokens/s, compared to {t2} tokens/s for {base}.",
              claim("{t} tokens/s", "{t}", "token/s", "throughput"),
              claim("{t2} tokens/s", "{t2}", "token/s", "throughput")),
            T("{sys} improves accuracy on {bench} by {d}{PCT} over {llm}.",
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase", baseline="{llm}", workload="{bench}"),
              skip=("hw_lead",)),
            T("With a median latency of {ms} ms, {name} responds faster than {base}.",
              claim("{ms} ms", "{ms}", "ms", "latency", qualifier="average")),
            T("{sys} scores {p}{PCT} on {bench}, while {llm} scores {p2}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{bench}"),
              claim("{p2}{PCT}", "{p2}", "%", "accuracy", workload="{bench}"), skip=("hw_lead",)),
        ],
    ),
    # ========================================================================= several numbers
    capability(
        "lists",
        "A list of values shares its metric, baseline and a qualifier in front of it (R8): one claim per value.",
        fill={**FACTOR_FILL, "llm": LLMS,
              "a,b,c": [("2", "3", "5"), ("1.4", "2.2", "3.8"), ("4.1", "6.5", "9"), ("1.2", "1.9", "2.7"),
                        ("3", "7.5", "11")],
              "pa,pb,pc": [("20", "35", "48"), ("12", "18.5", "27"), ("31", "44", "59"), ("8", "15", "22"),
                           ("25", "40", "63")]},
        perturb=PLAIN + UNIT_FORMS + ("trailing_while", "hw_end"),
        templates=[
            T("{sys} achieves speedups of {a}{X}, {b}{X} and {c}{X} over {base}.",
              speedup("{a}{X}", "{a}", baseline="{base}"), speedup("{b}{X}", "{b}", baseline="{base}"),
              speedup("{c}{X}", "{c}", baseline="{base}")),
            T("{sys} reduces latency by {pa}{PCT}, {pb}{PCT}, and {pc}{PCT} compared to {base}.",
              *[claim(f"{{{s}}}{{PCT}}", f"{{{s}}}", "%", "latency", change="decrease", baseline="{base}")
                for s in ("pa", "pb", "pc")]),
            T("{sys} achieves up to {a}{X}, {b}{X}, and {c}{X} higher throughput than {base}.",
              *[claim(f"{{{s}}}{{X}}", f"{{{s}}}", "x", "throughput", change="increase", qualifier="up_to",
                      baseline="{base}") for s in ("a", "b", "c")]),
            T("{sys} achieves average speedups of {a}{X} and {b}{X} over {base}.",
              speedup("{a}{X}", "{a}", qualifier="average", baseline="{base}"),
              speedup("{b}{X}", "{b}", qualifier="average", baseline="{base}")),
        ],
    ),
    capability(
        "ranges",
        "A range is one claim: value the upper end, value_low the lower ('2-3x', '2x to 5x', '7x-9x', '20% to 35%').",
        fill={**FACTOR_FILL,
              "a,b": [("2", "3"), ("1.5", "4.2"), ("3", "7"), ("1.2", "2.8"), ("5", "40")],
              "pa,pb": [("20", "35"), ("12", "48"), ("30", "60"), ("8", "15"), ("25", "70")]},
        perturb=PLAIN + UNIT_FORMS + JOINED + HW,
        templates=[
            T("{sys} achieves {a}-{b}{X} speedups over {base}.",
              speedup("{a}-{b}{X}", "{b}", low="{a}", baseline="{base}")),
            T("{sys} is {a}{X} to {b}{X} faster than {base}.",
              speedup("{a}{X} to {b}{X}", "{b}", low="{a}", baseline="{base}")),
            T("{sys} reduces memory usage by {pa}-{pb}{PCT}.",
              claim("{pa}-{pb}{PCT}", "{pb}", "%", "memory", low="{pa}", change="decrease")),
            T("{sys} improves throughput by {a}{X}-{b}{X} over {base}.",
              claim("{a}{X}-{b}{X}", "{b}", "x", "throughput", low="{a}", change="increase", baseline="{base}")),
            T("{sys} lowers latency by {pa}{PCT} to {pb}{PCT} compared to {base}.",
              claim("{pa}{PCT} to {pb}{PCT}", "{pb}", "%", "latency", low="{pa}", change="decrease",
                    baseline="{base}")),
        ],
    ),
    capability(
        "from_to",
        "'from X to Y' gives two absolute claims, change none, baseline null (R12, R1).",
        fill={**FACTOR_FILL, "bench": BENCHMARKS,
              "a,b": [("120", "35"), ("48", "9.5"), ("2,300", "410"), ("15", "2"), ("260", "88")],
              "pa,pb": [("43.3", "76.8"), ("51", "68.2"), ("12.5", "40"), ("70.1", "81.9"), ("33", "57")],
              "ta,tb": [("1,000", "2,400"), ("350", "910"), ("4,200", "9,800"), ("75", "260"), ("1,800", "3,100")],
              "ga,gb": [("80", "22"), ("16", "6.5"), ("140", "48"), ("9", "2.5"), ("320", "96")]},
        perturb=PLAIN + ("latex_pct",) + JOINED + HW,
        templates=[
            T("{sys} reduces the tail latency from {a} ms to {b} ms.",
              claim("{a} ms", "{a}", "ms", "latency"), claim("{b} ms", "{b}", "ms", "latency")),
            T("{sys} raises accuracy on {bench} from {pa}{PCT} to {pb}{PCT}.",
              claim("{pa}{PCT}", "{pa}", "%", "accuracy", workload="{bench}"),
              claim("{pb}{PCT}", "{pb}", "%", "accuracy", workload="{bench}")),
            T("{sys} increases throughput from {ta} tokens/s to {tb} tokens/s.",
              claim("{ta} tokens/s", "{ta}", "token/s", "throughput"),
              claim("{tb} tokens/s", "{tb}", "token/s", "throughput")),
            T("{sys} cuts the memory footprint from {ga} GB to {gb} GB.",
              claim("{ga} GB", "{ga}", "GB", "memory"), claim("{gb} GB", "{gb}", "GB", "memory")),
        ],
    ),
    capability(
        "respectively_baselines",
        "'by A, B and C over X, Y and Z, respectively': one claim per value, each with its own baseline.",
        fill={**FACTOR_FILL, "a,b,c": [("2.1", "3.4", "5.6"), ("1.3", "1.9", "2.6"), ("4", "7.5", "12"),
                                        ("1.6", "2.4", "8.9"), ("3.3", "4.8", "6.1")],
              "b1,b2,b3": [("vLLM", "SGLang", "TensorRT-LLM"), ("PyTorch", "JAX", "TensorFlow"),
                           ("DeepSpeed", "Megatron-LM", "FSDP"), ("FlashAttention", "xFormers", "cuDNN"),
                           ("Orca", "FasterTransformer", "TGI")],
              "l1,l2": [("GPT-3.5", "Llama-3-70B"), ("Mistral-7B", "Gemma-7B"), ("GPT-4o", "Claude 3 Opus"),
                        ("Qwen2-72B", "DeepSeek-V2")],
              "pa,pb": [("20", "35"), ("12", "48"), ("30", "60"), ("8", "15"), ("25", "70")]},
        perturb=PLAIN + UNIT_FORMS + ("trailing_while", "claim_after"),
        templates=[
            T("{sys} outperforms {b1}, {b2} and {b3} by {a}{X}, {b}{X} and {c}{X} in throughput, respectively.",
              *[claim(f"{{{v}}}{{X}}", f"{{{v}}}", "x", "throughput", change="increase", baseline=f"{{{s}}}")
                for v, s in (("a", "b1"), ("b", "b2"), ("c", "b3"))]),
            T("{sys} achieves {a}{X} and {b}{X} speedups over {b1} and {b2}, respectively.",
              speedup("{a}{X}", "{a}", baseline="{b1}"), speedup("{b}{X}", "{b}", baseline="{b2}")),
            T("Compared to {b1} and {b2}, {name} reduces latency by {pa}{PCT} and {pb}{PCT}, respectively.",
              claim("{pa}{PCT}", "{pa}", "%", "latency", change="decrease", baseline="{b1}"),
              claim("{pb}{PCT}", "{pb}", "%", "latency", change="decrease", baseline="{b2}")),
            T("{sys} improves accuracy by {pa}{PCT} and {pb}{PCT} over {l1} and {l2}, respectively.",
              claim("{pa}{PCT}", "{pa}", "%", "accuracy", change="increase", baseline="{l1}"),
              claim("{pb}{PCT}", "{pb}", "%", "accuracy", change="increase", baseline="{l2}")),
        ],
    ),
    capability(
        "respectively_hardware",
        "Values mapped to hardware 'respectively': each claim gets its own device; counts stay in the string (R2, R4).",
        fill={**FACTOR_FILL, "a,b": [("1.8", "2.6"), ("3.2", "4.1"), ("1.4", "2.9"), ("5.5", "7.7"), ("2.2", "3.9")],
              "h1,h2": [("A100", "H100"), ("RTX 4090", "A6000"), ("TPU v4", "TPU v5e"), ("Jetson Orin", "Raspberry Pi 5"),
                        ("8 A100 GPUs", "8 H100 GPUs")],
              "pa,pb": [("52", "61"), ("38.5", "47"), ("70", "74.2"), ("29", "41"), ("66", "58")],
              "ta,tb": [("1,100", "2,300"), ("640", "1,450"), ("3,900", "5,200"), ("48", "17"), ("2,750", "4,600")],
              "n1,n2": [("16", "2,048"), ("8", "64"), ("4", "32"), ("64", "1,024"), ("2", "16")],
              "gpu": ["A100", "H100", "V100", "MI250X"]},
        perturb=PLAIN + UNIT_FORMS,
        templates=[
            T("{sys} achieves {a}{X} and {b}{X} speedups over {base} on {h1} and {h2}, respectively.",
              speedup("{a}{X}", "{a}", baseline="{base}", hardware="{h1}"),
              speedup("{b}{X}", "{b}", baseline="{base}", hardware="{h2}")),
            T("On {h1} and {h2}, {name} reaches {pa}{PCT} and {pb}{PCT} of peak FLOPs, respectively.",
              claim("{pa}{PCT}", "{pa}", "%", "utilization", hardware="{h1}"),
              claim("{pb}{PCT}", "{pb}", "%", "utilization", hardware="{h2}")),
            T("{sys} sustains {ta} tokens/s and {tb} tokens/s on {h1} and {h2}, respectively.",
              claim("{ta} tokens/s", "{ta}", "token/s", "throughput", hardware="{h1}"),
              claim("{tb} tokens/s", "{tb}", "token/s", "throughput", hardware="{h2}")),
            # the spec's own example: "over 16 and 2,048 A100 GPUs, respectively"
            T("{sys} achieves {a}{X} and {b}{X} speedups over {base} on {n1} and {n2} {gpu} GPUs, respectively.",
              speedup("{a}{X}", "{a}", baseline="{base}", hardware="{n1} {gpu} GPUs"),
              speedup("{b}{X}", "{b}", baseline="{base}", hardware="{n2} {gpu} GPUs")),
        ],
    ),
    # ========================================================================= shares (R15)
    capability(
        "share_of_system",
        "A share of another system's figure: unit %, change none, baseline = that system (R15).",
        fill={**FACTOR_FILL, "bench": BENCHMARKS, "p": ["97", "88.5", "79", "93.2", "64"],
              "ref": ["GPT-4", "GPT-4o", "Llama-3-70B", "Claude 3.5 Sonnet"],
              "acc": ["Eyeriss", "the GPU baseline", "Simba", "a dense accelerator"]},
        perturb=PLAIN + ("latex_pct",) + JOINED,
        templates=[
            T("{sys} reaches {p}{PCT} of {ref}'s accuracy on {bench}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", baseline="{ref}", workload="{bench}")),
            T("{sys} uses only {p}{PCT} of the energy of {acc}.",
              claim("{p}{PCT}", "{p}", "%", "energy", baseline="{acc}")),
            T("{sys} retains {p}{PCT} of the throughput of {base}.",
              claim("{p}{PCT}", "{p}", "%", "throughput", baseline="{base}")),
            T("{sys} needs only {p}{PCT} of the memory of {base}.",
              claim("{p}{PCT}", "{p}", "%", "memory", baseline="{base}")),
        ],
    ),
    capability(
        "share_of_peak",
        "A share of a hardware peak ('% of peak', 'theoretical maximum', 'roofline'): utilization, baseline null (R15).",
        fill={**FACTOR_FILL, "hw": HARDWARE, "p": ["52", "71.3", "64", "83", "45.5"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} attains {p}{PCT} of peak on {hw}.", claim("{p}{PCT}", "{p}", "%", "utilization", hardware="{hw}")),
            T("{sys} reaches {p}{PCT} of the theoretical maximum FLOPs/s.",
              claim("{p}{PCT}", "{p}", "%", "utilization")),
            T("{sys} runs at {p}{PCT} of the roofline bound.", claim("{p}{PCT}", "{p}", "%", "utilization")),
            T("{sys} achieves {p}{PCT} of peak memory bandwidth on {hw}.",
              claim("{p}{PCT}", "{p}", "%", "utilization", hardware="{hw}")),
            T("{sys} sustains {p}{PCT} of the hardware's peak throughput.",
              claim("{p}{PCT}", "{p}", "%", "utilization")),
        ],
    ),
    # ========================================================================= number words (R6)
    capability(
        "number_words",
        "Definite numbers in words count (R6): an order of magnitude = 10x, twice/doubles = 2x, ten-fold = 10x, four times = 4x.",
        fill=FACTOR_FILL, perturb=PLAIN + ("hw_end",), cases=3,
        templates=[
            T("{sys} is an order of magnitude faster than {base}.",
              speedup("an order of magnitude", 10, baseline="{base}")),
            T("{sys} is two orders of magnitude faster than {base}.",
              speedup("two orders of magnitude", 100, baseline="{base}")),
            T("{sys} is twice as fast as {base}.", speedup("twice", 2, baseline="{base}")),
            T("{sys} reduces memory usage ten-fold compared to {base}.",
              claim("ten-fold", 10, "x", "memory", change="decrease", baseline="{base}")),
            T("{sys} doubles the throughput of {base}.",
              claim("doubles", 2, "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} trains four times faster than {base}.", speedup("four times", 4, baseline="{base}")),
            T("{sys} achieves a three-fold reduction in latency over {base}.",
              claim("three-fold", 3, "x", "latency", change="decrease", baseline="{base}")),
        ],
    ),
    capability(
        "vague_amounts",
        "Vague amounts in words are no claims (R6): orders of magnitude, tens of thousands, several times.",
        fill=FACTOR_FILL, perturb=NONCLAIM_PERTURBATIONS, cases=3,
        templates=[
            T("{sys} is orders of magnitude faster than {base}."),
            T("{sys} serves tens of thousands of requests per second."),
            T("Thousands of developers rely on {base} every day."),
            T("{sys} is several times faster than {base}."),
            T("{sys} cuts latency by a few milliseconds compared to {base}."),
        ],
    ),
    # ========================================================================= qualifiers (R8, R10)
    capability(
        "qualifiers",
        "Qualifier words map to the enum and stay out of the mention (R8, R10): up to, more than, about, on average, median, maximum, less than.",
        fill={**FACTOR_FILL, "ms": ["20", "4.5", "150", "9"], "e": ["1.5", "0.3", "4", "2.2"],
              "a,b": [("2.1", "3.4"), ("1.3", "1.9"), ("4", "7.5")],
              "b1,b2": [("vLLM", "SGLang"), ("PyTorch", "JAX"), ("DeepSpeed", "FSDP")]},
        perturb=PLAIN + ("unicode_x", "latex_x"),
        templates=[
            T("{sys} achieves {q} {n}{X} speedup over {base}.",
              speedup(qualifier="{qual}", baseline="{base}"), cases=9,
              fill={"q,qual": [("up to", "up_to"), ("more than", "at_least"), ("at least", "at_least"),
                               ("over", "at_least"), ("about", "approx"), ("approximately", "approx"),
                               ("nearly", "approx"), ("around", "approx"), ("an average", "average")]}),
            T("{sys} achieves ~{n}{X} speedup over {base}.", speedup(qualifier="approx", baseline="{base}"), cases=2),
            T("{sys} is {n}{X} faster than {base} on average.", speedup(qualifier="average", baseline="{base}")),
            T("{sys} achieves a median speedup of {n}{X} over {base}.",
              speedup(qualifier="average", baseline="{base}")),
            T("{sys} achieves a maximum speedup of {n}{X} over {base}.", speedup(qualifier="up_to", baseline="{base}")),
            T("{sys} answers queries in less than {ms} ms.",
              claim("{ms} ms", "{ms}", "ms", "latency", qualifier="at_most")),
            T("{sys} achieves an error rate of less than {e}{PCT}.",
              claim("{e}{PCT}", "{e}", "%", "accuracy", qualifier="at_most")),
            T("{sys} reduces peak memory by {p}{PCT}.", claim("{p}{PCT}", "{p}", "%", "memory", change="decrease")),
            T("{sys} achieves speedups of up to {a}{X} and {b}{X} over {b1} and {b2}, respectively.",
              speedup("{a}{X}", "{a}", qualifier="up_to", baseline="{b1}"),
              speedup("{b}{X}", "{b}", qualifier="up_to", baseline="{b2}"), cases=3),
        ],
    ),
    # ========================================================================= direction (R13, R21)
    capability(
        "direction",
        "change is the direction of the quantity named (R21): reduces -> decrease, faster -> increase, slower -> decrease, overhead -> increase.",
        fill={**FACTOR_FILL, "s": SMALL_PERCENTS, "llm": LLMS, "d": ["0.8", "1.3", "2.1", "0.45", "3.6"]},
        perturb=PLAIN + UNIT_FORMS + JOINED + HW,
        templates=[
            T("{sys} is {p}{PCT} faster than {base}.",
              claim("{p}{PCT}", "{p}", "%", "speedup", change="increase", baseline="{base}")),
            T("{sys} runs only {n}{X} slower than {base}.",
              claim("{n}{X}", "{n}", "x", "speedup", change="decrease", baseline="{base}")),
            T("{sys} incurs only {s}{PCT} runtime overhead.", claim("{s}{PCT}", "{s}", "%", "speedup", change="increase")),
            T("{sys} reduces runtime by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "speedup", change="decrease", baseline="{base}")),
            T("{sys} lowers perplexity on WikiText-103 by {d}.",
              claim("{d}", "{d}", "", "accuracy", change="decrease", workload="WikiText-103"),
              perturb=PLAIN + ("wl_front",)),
            T("{sys} incurs a memory overhead of {s}{PCT}.", claim("{s}{PCT}", "{s}", "%", "memory", change="increase")),
            T("{sys} cuts the error rate by {p}{PCT}.", claim("{p}{PCT}", "{p}", "%", "accuracy", change="decrease"),
              perturb=PLAIN + ("latex_pct",) + JOINED),
            T("{sys} slows down training by only {s}{PCT}.",
              claim("{s}{PCT}", "{s}", "%", "speedup", change="decrease")),
        ],
    ),
    capability(
        "performance_is_speed",
        "In systems text 'performance' means speed (R13): a performance gain / overhead / degradation is a speedup.",
        fill={**FACTOR_FILL, "s": SMALL_PERCENTS, "hw": HARDWARE,
              "kb": ["the stock Linux kernel", "KVM", "gVisor", "Firecracker", "Docker"]},
        perturb=SYSTEMS_PERTURBATIONS,
        templates=[
            T("{sys} delivers a performance gain of {p}{PCT} over {kb}.",
              claim("{p}{PCT}", "{p}", "%", "speedup", change="increase", baseline="{kb}")),
            T("{sys} improves performance by {n}{X} over {kb}.", speedup(baseline="{kb}")),
            T("{sys} incurs a {s}{PCT} performance overhead.", claim("{s}{PCT}", "{s}", "%", "speedup", change="increase")),
            T("{sys} achieves {n}{X} better performance than {kb} on {hw}.", speedup(baseline="{kb}", hardware="{hw}")),
            T("{sys} introduces a performance degradation of only {s}{PCT}.",
              claim("{s}{PCT}", "{s}", "%", "speedup", change="decrease")),
        ],
    ),
    capability(
        "detection_quality",
        "Detection rate, false-positive rate, error rate, recall, precision, EER: all accuracy.",
        fill={**FACTOR_FILL, "p": ["98.5", "91.2", "99.1", "87.4", "95"], "q": ["96.3", "89", "97.7", "92.6", "90.4"],
              "f": ["0.3", "1.2", "2.1", "0.05", "4.4"], "ids": ["Snort", "Zeek", "Kitsune", "existing detectors"],
              "ds": ["MNIST", "CIFAR-10", "ImageNet", "SVHN"]},
        perturb=PLAIN + ("latex_pct",) + JOINED,
        templates=[
            T("{sys} detects {p}{PCT} of the attacks with a false-positive rate of {f}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy"), claim("{f}{PCT}", "{f}", "%", "accuracy")),
            T("{sys} achieves a detection rate of {p}{PCT}.", claim("{p}{PCT}", "{p}", "%", "accuracy")),
            T("{sys} achieves a recall of {p}{PCT} and a precision of {q}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy"), claim("{q}{PCT}", "{q}", "%", "accuracy")),
            T("{sys} reaches an equal error rate (EER) of {f}{PCT}.", claim("{f}{PCT}", "{f}", "%", "accuracy")),
            T("{sys} reduces the false-positive rate by {p}{PCT} compared to {ids}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", change="decrease", baseline="{ids}")),
            T("{sys} has an error rate of {f}{PCT} on {ds}.", claim("{f}{PCT}", "{f}", "%", "accuracy", workload="{ds}")),
        ],
    ),
    capability(
        "governing_phrase",
        "Each number takes the metric and direction of its own phrase, not of the nearest keyword.",
        fill={**FACTOR_FILL, "a,b": [("4.1", "1.5"), ("2.3", "3.7"), ("1.6", "2.2"), ("5", "1.8"), ("3.4", "2.9")],
              "d": ["3.2", "1.5", "7.8", "4.4", "11.6"]},
        perturb=PLAIN + UNIT_FORMS + HW,
        templates=[
            T("{sys} improves performance by {a}{X} and reduces energy by {b}{X}.",
              speedup("{a}{X}", "{a}"), claim("{b}{X}", "{b}", "x", "energy", change="decrease")),
            T("{sys} reduces memory by {a}{X} and improves throughput by {b}{X}.",
              claim("{a}{X}", "{a}", "x", "memory", change="decrease"),
              claim("{b}{X}", "{b}", "x", "throughput", change="increase")),
            T("{sys} achieves {a}{X} higher throughput and {p}{PCT} lower latency.",
              claim("{a}{X}", "{a}", "x", "throughput", change="increase"),
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease")),
            T("{sys} cuts latency by {p}{PCT} while improving accuracy by {d}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease"),
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase")),
            T("{sys} reduces energy by {p}{PCT} and improves throughput by {a}{X}.",
              claim("{p}{PCT}", "{p}", "%", "energy", change="decrease"),
              claim("{a}{X}", "{a}", "x", "throughput", change="increase")),
            T("The speedup of {name} reaches {a}{X}, and its energy savings reach {p}{PCT}.",
              speedup("{a}{X}", "{a}"), claim("{p}{PCT}", "{p}", "%", "energy", change="decrease")),
        ],
    ),
    capability(
        "two_metrics_one_number",
        "One number covering two metrics is one claim, with the first metric named (R17).",
        fill=FACTOR_FILL, perturb=PLAIN + UNIT_FORMS,
        templates=[
            T("With {name}, energy and latency decrease by up to {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "energy", change="decrease", qualifier="up_to")),
            T("{sys} reduces memory and energy by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "memory", change="decrease")),
            T("{sys} lowers both latency and cost by {n}{X}.",
              claim("{n}{X}", "{n}", "x", "latency", change="decrease")),
            T("{sys} improves throughput and energy efficiency by {n}{X} over {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
        ],
    ),
    # ========================================================================= units
    capability(
        "units_absolute",
        "Absolute figures with physical units: ms, hours, seconds, GB, MB, tokens/s, TFLOPS, Gbps, FPS, W, USD.",
        fill={**FACTOR_FILL, "hw": HARDWARE, "v": ["12.5", "340", "2.8", "0.6", "75"]},
        perturb=PLAIN + ("hw_end",), cases=2,
        templates=[
            T("{sys} processes a request in {v} ms.", claim("{v} ms", "{v}", "ms", "latency")),
            T("{sys} trains the model in {v} hours.", claim("{v} hours", "{v}", "hour", "latency")),
            T("{sys} finishes each job in {v} seconds.", claim("{v} seconds", "{v}", "s", "latency")),
            T("{sys} occupies only {v} GB of memory.", claim("{v} GB", "{v}", "GB", "memory")),
            T("The index built by {name} takes {v} MB.", claim("{v} MB", "{v}", "MB", "memory")),
            T("{sys} generates {v} tokens/s.", claim("{v} tokens/s", "{v}", "token/s", "throughput")),
            T("{sys} delivers {v} TFLOPS on {hw}.", claim("{v} TFLOPS", "{v}", "TFLOPS", "throughput", hardware="{hw}")),
            T("{sys} achieves a network throughput of {v} Gbps.", claim("{v} Gbps", "{v}", "Gbps", "throughput")),
            # pint does not know "FPS": the spec's R11 says "", a frames/s spelling is accepted too
            T("{sys} reaches a throughput of {v} FPS on Jetson Orin.",
              claim("{v} FPS", "{v}", ("", "FPS", "frame/s", "1/s"), "throughput", hardware="Jetson Orin")),
            T("{sys} consumes {v} W.", claim("{v} W", "{v}", "W", "energy")),
            T("{sys} costs {v} USD to deploy.", claim("{v} USD", "{v}", "USD", "cost")),
        ],
    ),
    capability(
        "factor_spellings",
        "Every spelling of a factor or a percent is unit x / %: x, X, ×, times, -fold, $\\times$, \\times; %, \\%, percent.",
        fill={**FACTOR_FILL,
              "form": ["x", "X", "×", " times", "-fold", "$\\times$", "\\times", "times"],
              "pform": ["%", "\\%", " percent", " %"]},
        perturb=("lead_clause",),
        templates=[
            T("{sys} achieves a {n}{form} speedup over {base}.",
              speedup("{n}{form}", baseline="{base}"), cases=8),
            T("{sys} is {n}{form} faster than {base}.", speedup("{n}{form}", baseline="{base}"), cases=8),
            T("{sys} reduces latency by {p}{pform} compared to {base}.",
              claim("{p}{pform}", "{p}", "%", "latency", change="decrease", baseline="{base}"), cases=4),
        ],
    ),
    capability(
        "percentage_points",
        "A percentage said to be absolute ('percentage points', 'pp', 'absolute gain') is unit pp; otherwise % (R14).",
        fill={**FACTOR_FILL, "bench": BENCHMARKS, "llm": LLMS, "d": ["4.2", "1.7", "9.5", "3", "12.8"]},
        perturb=PLAIN + ("latex_pct", "wl_front"),
        templates=[
            T("{sys} improves accuracy on {bench} by {d} percentage points.",
              claim("{d} percentage points", "{d}", "pp", "accuracy", change="increase", workload="{bench}")),
            T("{sys} improves the resolve rate on SWE-bench Verified by {d} pp over {llm}.",
              claim("{d} pp", "{d}", "pp", "accuracy", change="increase", baseline="{llm}",
                    workload="SWE-bench Verified")),
            T("{sys} yields an absolute gain of {d}{PCT} in accuracy on {bench}.",
              claim("{d}{PCT}", "{d}", "pp", "accuracy", change="increase", workload="{bench}")),
            T("{sys} improves accuracy by {d}{PCT} over {llm}.",
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase", baseline="{llm}")),
        ],
    ),
    # ========================================================================= setting (R2, R3, R4)
    capability(
        "hardware",
        "The named product the result was measured on, counts kept ('8 A100 GPUs'); counts are never claims (R2, R4).",
        fill={**FACTOR_FILL, "hw": HARDWARE, "model": MODELS,
              "cnt,gpu": [("512", "H100"), ("64", "A100"), ("1,024", "V100"), ("16", "MI250X")],
              "h": ["16", "3.5", "41", "7", "120"], "tf": ["156", "312.5", "45", "820", "97"]},
        perturb=PLAIN + UNIT_FORMS + MOVED,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base} on {hw}.", speedup(baseline="{base}", hardware="{hw}")),
            T("Running on {hw}, {name} reduces latency by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", baseline="{base}", hardware="{hw}")),
            # an explicit statement that the evaluation ran on it (R2)
            T("All experiments run on {hw}. {name} improves throughput by {n}{X} over {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}", hardware="{hw}")),
            T("{sys} trains {model} on {cnt} {gpu} GPUs in {h} hours.",
              claim("{h} hours", "{h}", "hour", "latency", hardware="{cnt} {gpu} GPUs", workload="{model}")),
            T("{sys} sustains {tf} TFLOPS on {hw}.",
              claim("{tf} TFLOPS", "{tf}", "TFLOPS", "throughput", hardware="{hw}")),
        ],
    ),
    capability(
        "hardware_generic",
        "Generic hardware classes ('GPUs', 'edge devices', 'a GPU cluster') give hardware null (R2).",
        fill={**FACTOR_FILL, "model": MODELS,
              "generic": ["GPUs", "modern GPUs", "commodity CPUs", "edge devices", "a GPU cluster", "consumer hardware"]},
        perturb=PLAIN + UNIT_FORMS,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base} on {generic}.", speedup(baseline="{base}")),
            T("On {generic}, {name} reduces latency by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease")),
            T("{sys} trains {model} on 512 GPUs with {p}{PCT} scaling efficiency.",
              claim("{p}{PCT}", "{p}", "%", "utilization", workload="{model}")),
        ],
    ),
    capability(
        "workload",
        "The model of a systems number, the benchmark of a quality score; generic descriptions give null (R3).",
        fill={**FACTOR_FILL, "model": MODELS, "bench": BENCHMARKS, "q": ["85.3", "71.2", "92.8", "64.5", "58.1"],
              "d": ["3.2", "1.5", "7.8", "4.4", "11.6"]},
        perturb=PLAIN + UNIT_FORMS + ("wl_front", "wl_back"),
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base} when serving {model}.",
              speedup(baseline="{base}", workload="{model}")),
            T("{sys} accelerates {model} inference by {n}{X}.", speedup(workload="{model}")),
            T("For {model}, {name} reduces time-to-first-token by {p}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", workload="{model}")),
            T("On six real-world datasets, {name} improves accuracy by {d}{PCT}.",
              claim("{d}{PCT}", "{d}", "%", "accuracy", change="increase")),
            T("{sys} reaches {q}{PCT} accuracy on {bench} with {model}.",
              claim("{q}{PCT}", "{q}", "%", "accuracy", workload="{bench}")),
        ],
    ),
    # ========================================================================= non-claims
    capability(
        "nonclaim_setup",
        "Sizes of datasets and benchmarks, models studied or chosen, are no claims (R5).",
        fill={**FACTOR_FILL, "model,model2": [("OPT-6.7B", "Llama2-13B"), ("Qwen2.5-32B", "Mistral-7B"),
                                               ("Llama-3-405B", "Phi-3-mini")],
              "k,m": [("12", "8"), ("35", "6"), ("7", "14")],
              "cnt": ["10,000", "54,210", "2,500"],
              "a,b": [("7", "405"), ("1.3", "70"), ("0.5", "32")]},
        perturb=NONCLAIM_PERTURBATIONS, cases=3,
        templates=[
            T("We evaluate {name} on {k} tasks and {m} LLMs."),
            T("Our benchmark contains {cnt} samples drawn from {k} domains."),
            T("We study models ranging from {a}B to {b}B parameters."),
            T("We fine-tune {model} and {model2} on our data.", names_setting=True),
            T("Our dataset contains {cnt} images collected from {m} countries."),
        ],
    ),
    capability(
        "nonclaim_config",
        "Years, parameters and configuration (k=100, pass@10, p99, 20% heavy hitters, 4-bit) are no claims.",
        fill={**FACTOR_FILL, "year": ["2017", "2019", "2020"], "k,bs": [("100", "32"), ("8", "256"), ("50", "64")],
              "bench": ["HumanEval", "MBPP", "LiveCodeBench"], "hh": ["20", "10", "5"]},
        perturb=NONCLAIM_PERTURBATIONS + ("latex_x", "latex_pct"), cases=3,
        templates=[
            T("Since {year}, transformer models have dominated language modeling."),
            T("We set k={k} and use a batch size of {bs}."),
            T("We report pass@{k} on {bench}.", names_setting=True),
            T("With {hh}% heavy hitters, {name} improves throughput by {n}{X} over {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} reduces p99 latency by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease", baseline="{base}")),
            T("Using 4-bit weights, {name} reduces memory usage by {n}{X}.",
              claim("{n}{X}", "{n}", "x", "memory", change="decrease")),
            T("Our code is available at https://github.com/example/flashserve-{year}."),
        ],
    ),
    capability(
        "nonclaim_slo",
        "A target or constraint the result was measured under (latency SLO, TPOT target) is no claim (R18).",
        fill={**FACTOR_FILL, "ms": ["200", "50", "15", "100"], "s": ["2", "5", "1"]},
        perturb=PLAIN + UNIT_FORMS,
        templates=[
            T("Under a {ms} ms latency SLO, {name} serves {n}{X} more requests than {base}.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} improves goodput by {n}{X} over {base} while meeting a {ms} ms TPOT target.",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("{sys} sustains {n}{X} higher throughput than {base} under tight latency targets (<{ms} ms TPOT).",
              claim("{n}{X}", "{n}", "x", "throughput", change="increase", baseline="{base}")),
            T("With a {s}-second TTFT budget, {name} reduces cost by {p}{PCT} compared to {base}.",
              claim("{p}{PCT}", "{p}", "%", "cost", change="decrease", baseline="{base}")),
        ],
    ),
    capability(
        "nonclaim_background",
        "Numbers about the field or earlier trends are no claims (R7); the paper's own result after them is.",
        fill={**FACTOR_FILL, "m": ["1.9", "2.4", "3.3", "1.5"], "q": ["21", "34.5", "17", "46"],
              "bg": ["100", "1,000", "50"], "idle": ["40", "60", "35"], "usd": ["100,000", "2,000,000", "500,000"]},
        perturb=("sentence_before", "latex_x", "latex_pct"), cases=3,
        templates=[
            T("Model sizes have grown by more than {bg}x in the last five years. "
              "{name} improves training throughput by {m}{X} over {base}.",
              claim("{m}{X}", "{m}", "x", "throughput", change="increase", baseline="{base}")),
            T("Prior studies report that GPUs in production clusters sit idle {idle}% of the time. "
              "{name} raises GPU utilization by {q}{PCT}.",
              claim("{q}{PCT}", "{q}", "%", "utilization", change="increase")),
            T("The memory demand of LLM serving has doubled every year. {name} reduces KV cache memory by {q}{PCT}.",
              claim("{q}{PCT}", "{q}", "%", "memory", change="decrease")),
            T("Training frontier models already costs over {usd} USD per run. {name} cuts training cost by {q}{PCT}.",
              claim("{q}{PCT}", "{q}", "%", "cost", change="decrease")),
        ],
    ),
    capability(
        "error_bars",
        "Error bars (±, +/-, a standard deviation) are not separate claims (R9).",
        fill={**FACTOR_FILL, "bench": BENCHMARKS, "p": ["85.3", "71.2", "92.8", "64.5", "58.1"],
              "e": ["0.3", "1.2", "0.8", "2.5", "0.4"], "se": ["0.2", "0.1", "0.4", "0.3", "0.5"]},
        perturb=PLAIN + ("latex_pct", "latex_x"),
        templates=[
            T("{sys} achieves {p}{PCT} ± {e}{PCT} accuracy on {bench}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{bench}")),
            T("{sys} speeds up training by {n}{X} (±{se}{X}) over {base}.", speedup(baseline="{base}")),
            T("{sys} reduces latency by {p}{PCT} +/- {e}{PCT}.",
              claim("{p}{PCT}", "{p}", "%", "latency", change="decrease")),
            T("{sys} achieves an accuracy of {p}{PCT} (standard deviation {e}{PCT}) on {bench}.",
              claim("{p}{PCT}", "{p}", "%", "accuracy", workload="{bench}")),
        ],
    ),
    capability(
        "title_numbers",
        "Numbers in the title are never claims; mentions point into the abstract only.",
        fill={**FACTOR_FILL, "tn": ["10", "3", "100", "2.5"], "tk": ["4", "8", "2", "3"]},
        perturb=PLAIN,
        templates=[
            T("{sys} achieves a {n}{X} speedup over {base}.", speedup(baseline="{base}"),
              title="{name}: {tn}x Faster Inference with {tk}-bit Weights on 8 GPUs"),
            # the title repeats the abstract's own figure
            T("{sys} achieves a {n}{X} speedup over {base}.", speedup(baseline="{base}"),
              title="{name}: {n}x Faster Serving than {base}"),
            T("We present {name}, a system for serving large models.",
              title="{name}: Serving LLMs {tn}x Faster on A100 GPUs"),
        ],
    ),
    capability(
        "turnaround",
        "A comparison stated from the baseline's side is recorded from the paper's system's side (R16).",
        fill={**FACTOR_FILL, "kind": ["inference engine", "training framework", "serving system", "runtime"]},
        perturb=PLAIN + UNIT_FORMS,
        templates=[
            T("We present {name}, a new {kind}. {base} is {n}{X} slower than {name}.", speedup(baseline="{base}")),
            T("We present {name}, a new {kind}. {base} needs {n}{X} more memory than {name}.",
              claim("{n}{X}", "{n}", "x", "memory", change="decrease", baseline="{base}")),
            T("We present {name}, a new {kind}. {base} consumes {n}{X} more energy than {name}.",
              claim("{n}{X}", "{n}", "x", "energy", change="decrease", baseline="{base}")),
            T("We present {name}, a new {kind}. {base} has {n}{X} higher latency than {name}.",
              claim("{n}{X}", "{n}", "x", "latency", change="decrease", baseline="{base}")),
        ],
    ),
]
