"""The dataset card (README.md) of a release: YAML for the Hugging Face Hub, then documentation.

The card is a pure function of the release's facts and tables, so the same
inputs and date always give the same text. It carries no
``dataset_info.features`` block: ``datasets`` reads the column types from the
Parquet files themselves.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

import pyarrow as pa
import pyarrow.compute as pc

from claimbench.release.layout import data_files_pattern
from claimbench.schemas import CLAIMS_FIELDS, PAPERS_FIELDS, vocabularies

PRETTY_NAME = "claimbench: quantitative claims from research abstracts"
# The Hub's "license: other": the extractions are CC-BY-4.0, the abstracts' text stays under its authors' arXiv licenses.
LICENSE_NAME = "cc-by-4.0-extractions-abstracts-under-arxiv-licenses"
TAGS = ("quantitative-claims", "information-extraction", "scientific-papers", "machine-learning-systems", "arxiv")


@dataclass(frozen=True)
class ReleaseFacts:
    """What the card says about a release besides its tables.

    ``inputs`` are the manifest's input entries (``{"path", "sha256", "bytes"}``);
    ``builtin_corpus`` is true when they include claimbench's own seed dumps.
    """

    version: str
    date: str
    extractor_version: str
    builder_version: str
    inputs: tuple[Mapping, ...] = ()
    builtin_corpus: bool = False
    quarantine_rows: int = 0
    rejected: int = 0
    validation_success: object = None
    evaluation: Mapping | None = field(default=None, compare=False)


def card_text(facts: ReleaseFacts, claims: pa.Table, papers: pa.Table) -> str:
    """The whole README.md: front matter, then one markdown section after another."""
    sections = [
        front_matter(facts, claims.num_rows),
        _intro(facts, claims.num_rows, papers.num_rows),
        _loading(facts),
        _files(facts),
        "## Columns\n\n### claims\n\n" + column_table(CLAIMS_FIELDS) + "\n### papers\n\n" + column_table(PAPERS_FIELDS),
        _vocabularies(),
        "## Claims by metric\n\n" + metric_counts_table(claims),
        _evaluation(facts.evaluation),
        _provenance(facts),
        _versioning(facts),
        _limitations(),
        "## Citation\n\n```bibtex\n" + bibtex(facts.version, facts.date) + "```\n",
    ]
    return "\n".join(s for s in sections if s)


def front_matter(facts: ReleaseFacts, n_claims: int) -> str:
    """The YAML block the Hub and ``datasets.load_dataset`` read.

    >>> facts = ReleaseFacts("1.0.0", "2025-01-31", "e1", "b1")
    >>> print(front_matter(facts, 2).splitlines()[1:6])
    ['configs:', '- config_name: claims', '  default: true', '  data_files:', '  - split: train']
    """
    configs = _config("claims", data_files_pattern("claims"), default=True) + _config("papers", data_files_pattern("papers"))
    if facts.quarantine_rows:
        configs += _config("quarantine", data_files_pattern("quarantine"))
    tags = "".join(f"- {tag}\n" for tag in TAGS)
    return (
        "---\n"
        f"configs:\n{configs}"
        "license: other\n"
        f"license_name: {LICENSE_NAME}\n"
        "license_link: README.md\n"
        f"pretty_name: '{PRETTY_NAME}'\n"
        "language:\n- en\n"
        f"size_categories:\n- {size_category(n_claims)}\n"
        f"tags:\n{tags}"
        "---\n"
    )


def _config(name: str, path: str, default: bool = False) -> str:
    flag = "  default: true\n" if default else ""
    return f"- config_name: {name}\n{flag}  data_files:\n  - split: train\n    path: {path}\n"


def size_category(n: int) -> str:
    """The Hub's size bucket for ``n`` rows.

    >>> size_category(2), size_category(1500), size_category(2_000_000)
    ('n<1K', '1K<n<10K', '1M<n<10M')
    """
    buckets = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
               (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B")]
    return next((label for limit, label in buckets if n < limit), "n>1B")


def _intro(facts: ReleaseFacts, n_claims: int, n_papers: int) -> str:
    return (
        f"# claimbench v{facts.version}\n\n"
        "Quantitative claims from research abstracts, one row per claim: the number a paper reports "
        "(\"up to 2.49x speedup over vLLM on an A100\"), its unit and its value in a canonical unit, "
        "what it measures, its qualifier and direction, the baseline, hardware and workload named "
        "with it, and the exact place in the abstract it was taken from.\n\n"
        f"This release holds **{counted(n_claims, 'claim')}** from **{counted(n_papers, 'paper')}**. "
        f"Built {facts.date} by claimbench {facts.builder_version} "
        f"with extractor {facts.extractor_version}; validation success: {facts.validation_success}.\n"
    )


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1.

    >>> counted(1, "paper"), counted(3, "claim")
    ('1 paper', '3 claims')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _loading(facts: ReleaseFacts) -> str:
    return (
        "## Loading\n\n"
        "With `datasets` (a local copy of this folder, or the Hub repository pinned to this version):\n\n"
        "```python\n"
        "from datasets import load_dataset\n"
        'claims = load_dataset("path/to/this/folder", "claims", split="train")\n'
        'papers = load_dataset("path/to/this/folder", "papers", split="train")\n'
        f'# from the Hub: load_dataset("<owner>/claimbench", "claims", revision="v{facts.version}")\n'
        "```\n\n"
        "With pandas:\n\n"
        "```python\n"
        "import glob\n"
        "import pandas as pd\n"
        'claims = pd.concat(map(pd.read_parquet, sorted(glob.glob("data/claims-*.parquet"))), ignore_index=True)\n'
        'papers = pd.concat(map(pd.read_parquet, sorted(glob.glob("data/papers-*.parquet"))), ignore_index=True)\n'
        'claims.merge(papers[["paper_id", "abstract"]], on="paper_id")  # each claim with its abstract\n'
        "```\n\n"
        "With claimbench installed, by release folder, releases folder and version, or Hub repository id:\n\n"
        "```python\n"
        "import claimbench\n"
        f'claims = claimbench.load("releases", version="{facts.version}")           # a pandas DataFrame\n'
        f'ds = claimbench.load_dataset("releases", version="{facts.version}", config="papers")  # a datasets.Dataset\n'
        "```\n\n"
        "and rank claims from the command line, aliases of baselines and hardware grouped "
        "(\"8 A100 GPUs\" and \"NVIDIA A100 80GB\" are both NVIDIA A100):\n\n"
        "```bash\n"
        "claimbench leaderboard --metric speedup --baseline vLLM --hardware A100 --top 10\n"
        "```\n\n"
        "With DuckDB, the largest claimed speedups over vLLM:\n\n"
        "```sql\n"
        "SELECT title, mention, value, hardware, workload\n"
        "FROM 'data/claims-*.parquet'\n"
        "WHERE metric = 'speedup' AND unit = 'x' AND baseline ILIKE '%vLLM%'\n"
        "ORDER BY value DESC LIMIT 10;\n"
        "```\n"
    )


def _files(facts: ReleaseFacts) -> str:
    rows = [
        ("data/claims-NNNNN-of-NNNNN.parquet", "the claims (config `claims`, the default), in shards of whole papers in input order"),
        ("data/papers-NNNNN-of-NNNNN.parquet", "the papers the claims come from, with their abstracts (config `papers`); "
                                               "papers shard i holds the papers of claims shard i"),
    ]
    if facts.quarantine_rows:
        rows.append(("data/quarantine.parquet",
                     f"{counted(facts.quarantine_rows, 'row')} that failed row-level validation, kept aside with the reason (config `quarantine`)"))
    if facts.rejected:
        rows.append(("rejects.jsonl", f"{counted(facts.rejected, 'input record')} rejected before extraction, with the reason"))
    rows += [
        ("validation/report.json", "the validation report of this build"),
        ("MANIFEST.json", "version, date, row counts, the sha256 of every file and input, and the rows and files of each shard"),
    ]
    return "## Files\n\n| file | content |\n|---|---|\n" + "".join(f"| `{f}` | {c} |\n" for f, c in rows)


def column_table(fields: list[tuple[str, pa.DataType, bool, str]]) -> str:
    """A markdown table of columns, from a schema's field list.

    >>> print(column_table([("value", pa.float64(), False, "the number")]), end="")
    | column | type | nullable | meaning |
    |---|---|---|---|
    | `value` | `double` | no | the number |
    """
    head = "| column | type | nullable | meaning |\n|---|---|---|---|\n"
    return head + "".join(
        f"| `{name}` | `{dtype}` | {'yes' if nullable else 'no'} | {_md(doc)} |\n"
        for name, dtype, nullable, doc in fields
    )


def _md(text: str) -> str:
    """Text made safe for a markdown table cell: pipes escaped."""
    return text.replace("|", "\\|")


# What each value of the vocabularies means (spec/CLAIMS.md); a value missing here is listed without a meaning.
VOCABULARY_MEANINGS = {
    "metric": {
        "speedup": "relative speed: x faster, time reduction as a factor or percent",
        "throughput": "work per time: tokens/s, samples/s, FLOP/s",
        "latency": "a time: ms, s, hours of one run; latency reductions",
        "memory": "bytes, memory footprint and savings, KV cache size, storage",
        "energy": "energy, power, energy efficiency",
        "cost": "money, GPU-hours, cost savings",
        "utilization": "share of a hardware peak: % of peak, MFU, scaling efficiency",
        "accuracy": "task quality of any kind: accuracy, F1, pass@k, BLEU, perplexity, error rate",
        "scale": "the size the system reaches: sequence length, batch size, model size, devices",
        "compression": "compression ratio, parameter savings, size reduction of a model or data",
        "other": "a result that fits none of the other metrics",
    },
    "qualifier": {
        "up_to": "up to, as much as, a maximum of",
        "at_least": "more than, over, at least, >",
        "at_most": "less than, under, <",
        "approx": "about, ~, approximately, nearly, around",
        "average": "on average, average, median",
        "none": "no qualifier",
    },
    "change": {
        "increase": "the number states an increase relative to a baseline",
        "decrease": "the number states a decrease relative to a baseline",
        "none": "an absolute figure, not relative to a baseline",
    },
}


def _vocabularies() -> str:
    """Each vocabulary as a list of its values with their meanings."""
    parts = ["## Vocabularies\n"]
    for name, values in vocabularies().items():
        meanings = VOCABULARY_MEANINGS.get(name, {})
        parts.append(f"\n`{name}`:\n\n" + "".join(
            f"- `{v}`" + (f": {meanings[v]}" if v in meanings else "") + "\n" for v in values))
    return "".join(parts)


def metric_counts_table(claims: pa.Table) -> str:
    """Claims per metric, every metric of the vocabulary listed (zero included), then any other value.

    >>> t = pa.table({"metric": ["speedup", "memory", "speedup"]})
    >>> print(metric_counts_table(t).splitlines()[2:4])
    ['| speedup | 2 |', '| throughput | 0 |']
    """
    counts = {row["values"]: row["counts"] for row in pc.value_counts(claims["metric"]).to_pylist()}
    order = vocabularies()["metric"] + sorted(set(counts) - set(vocabularies()["metric"]))
    rows = "".join(f"| {metric} | {counts.get(metric, 0)} |\n" for metric in order)
    return "| metric | claims |\n|---|---|\n" + rows + f"| **total** | {claims.num_rows} |\n"


# What each shipped gold set holds (corpus/gold/README.md); a set not listed here is shown without a description.
GOLD_SET_TEXT = {
    "test.jsonl": "abstracts of 2017 systems conferences (the sysconf dataset: SOSP, NSDI, ATC, ISCA, MICRO, SC, "
                  "SIGMOD, KDD, CCS, ...; PDF-extracted text) and daily-papers arXiv abstracts of Dec 2023 - Apr 2024",
    "dev.jsonl": "papers of the built-in corpus (daily research-papers pages, ML systems, 2023-25)",
    "dev_external.jsonl": "abstracts of 2017 systems conferences (sysconf) and daily-papers arXiv abstracts of "
                          "Dec 2023 - Apr 2024, other papers than test.jsonl's",
}
# The rows of an evaluation table: (label, how to read it off the scorer's result).
_EVALUATION_ROWS = (
    ("papers", lambda r: r["gold_papers"]),
    ("gold claims", lambda r: r["gold_claims"]),
    ("predicted claims", lambda r: r["predicted_claims"]),
    ("precision", lambda r: r["precision"]),
    ("recall", lambda r: r["recall"]),
    ("f1", lambda r: r["f1"]),
    ("metric_f1", lambda r: r["metric_f1"]),
    ("exact_f1", lambda r: r["exact_f1"]),
    *((f"{f} accuracy", lambda r, f=f: r["field_accuracy"][f]) for f in ("metric", "qualifier", "change")),
    *(row for f in ("baseline", "hardware", "workload")
      for row in ((f"{f} accuracy", lambda r, f=f: r["field_accuracy"][f]), (f"{f} f1", lambda r, f=f: r["field_f1"][f]))),
)


def _evaluation(evaluation: Mapping | None) -> str:
    """The extractor's figures on each gold set (``evaluation``: set name -> the scorer's result):
    the report-only test set first, as the headline, then the sets the rules were developed against."""
    if not evaluation:
        return ""
    from claimbench.corpus import GOLD_SETS, REPORT_ONLY_SETS

    held_out = [name for name in REPORT_ONLY_SETS if name in evaluation]
    developed = [name for name in GOLD_SETS if name in evaluation and name not in held_out]
    developed += sorted(name for name in evaluation if name not in held_out and name not in developed)
    text = (
        "## Evaluation\n\n"
        "How well the extractor that built this release reads claims, measured with the spec's scorer on "
        "hand-annotated abstracts: the gold sets shipped with claimbench in `corpus/gold/` (their abstracts come "
        "from arXiv, each under its arXiv licence, and from the sysconf dataset by Eitan Frachtenberg, "
        "CC BY-SA 4.0; the annotations are CC BY-SA 4.0). The figures are computed when the card is written, "
        "by running the extractor on each set's abstracts. A predicted claim matches a gold claim when its value "
        "(and range) and unit agree: precision, recall and f1 count those; `metric_f1` also needs the metric right, "
        "`exact_f1` every field (metric, qualifier, change, baseline, hardware, workload). A field's accuracy is "
        "over matched claims (null = null is right); the f1 of baseline, hardware and workload scores their "
        "non-null values only.\n"
    )
    for name in held_out:
        result = evaluation[name]
        about = f": {GOLD_SET_TEXT[name]}" if name in GOLD_SET_TEXT else ""
        text += (
            f"\n### Held-out test set: `{name}`\n\n"
            f"{counted(result['gold_papers'], 'paper')}, {counted(result['gold_claims'], 'gold claim')}{about}. "
            "It is for reporting only: the rules were not developed against it, its errors are not read, and "
            "nothing is tuned on it. These are the figures to expect on similar abstracts: "
            f"**f1 {_figure(result['f1'])}** (precision {_figure(result['precision'])}, recall "
            f"{_figure(result['recall'])}), **metric_f1 {_figure(result['metric_f1'])}**, "
            f"exact_f1 {_figure(result['exact_f1'])}.\n\n"
            + _evaluation_table([name], evaluation)
        )
    if developed:
        described = "".join(f"- `{name}`: {GOLD_SET_TEXT[name]}\n" for name in developed if name in GOLD_SET_TEXT)
        text += (
            "\n### Development sets: the rules were developed against these\n\n"
            "The extractor's rules were written while reading these sets' errors, so their figures are higher "
            "than what to expect on new abstracts: the test set's figures are the ones to expect.\n\n"
            + (described + "\n" if described else "")
            + _evaluation_table(developed, evaluation)
        )
    text += (
        "\n**Other fields of research.** Every gold set is made of abstracts of computer-systems and "
        "machine-learning papers. Accuracy on abstracts of other fields of research (non-systems, non-ML "
        "papers) has not been measured and may be lower.\n"
    )
    return text


def _evaluation_table(names: list[str], evaluation: Mapping) -> str:
    """A table of every figure (rows) of the gold sets ``names`` (columns).

    >>> result = {"gold_papers": 2, "gold_claims": 3, "predicted_claims": 3, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    ...           "metric_f1": 0.6667, "exact_f1": 0.3333, "field_accuracy": dict.fromkeys(
    ...           ("metric", "qualifier", "change", "baseline", "hardware", "workload"), 1.0),
    ...           "field_f1": dict.fromkeys(("baseline", "hardware", "workload"), 0.5)}
    >>> print(_evaluation_table(["a.jsonl"], {"a.jsonl": result}).splitlines()[:3])
    ['| figure | `a.jsonl` |', '|---|---|', '| papers | 2 |']
    """
    head = "| figure | " + " | ".join(f"`{n}`" for n in names) + " |\n|---|" + "---|" * len(names) + "\n"
    return head + "".join(
        f"| {label} | " + " | ".join(_md(_figure(read(evaluation[n]))) for n in names) + " |\n"
        for label, read in _EVALUATION_ROWS
    )


def _figure(value: object) -> str:
    """A figure as shown in the card: floats with 4 decimals (as the scorer rounds them), the rest as written.

    >>> _figure(0.823), _figure(99)
    ('0.8230', '99')
    """
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def _provenance(facts: ReleaseFacts) -> str:
    inputs = "".join(f"| `{i['path']}` | {i['bytes']} | `{i['sha256']}` |\n" for i in facts.inputs)
    text = (
        "## Provenance and license\n\n"
        "Every claim points back to its paper (`paper_id`) and to its place in the abstract "
        "(`mention_start`, `mention_end`, `sentence_start`); every paper lists the `file:line` "
        "of each input record it was read from (`sources`). The inputs of this build:\n\n"
        "| input | bytes | sha256 |\n|---|---|---|\n" + inputs + "\n"
        + ("The sources are arXiv abstracts: the built-in corpus is a set of daily dumps of a research-papers "
           "listing page (Hugging Face Daily Papers), each paper's title and abstract as published on arXiv "
           "(see below).\n\n" if facts.builtin_corpus else "")
        + "**License.** The extractions and annotations of this dataset (the claims' structured fields: "
        "`claim_id`, offsets, `value`s, units, `metric`, `qualifier`, `change`, and the choice of "
        "`baseline`, `hardware` and `workload`) are released under "
        "[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/), with this caveat: titles and "
        "abstracts, and all text copied from them (`title`, `abstract`, `mention`, `sentence`, "
        "`metric_phrase`, and `baseline`, `hardware` and `workload` as written), remain the authors' own text under the "
        "license each paper has on arXiv; their copyright stays with the authors. They are included "
        "only as the provenance of each claim; reuse them under their own licenses. "
        "claimbench's code is licensed under Apache-2.0.\n"
    )
    if facts.builtin_corpus:
        text += "\n" + _demoted(source_notes())
    return text


def source_notes() -> str:
    """corpus/SOURCE.md: where the built-in corpus comes from."""
    return (resources.files("claimbench.corpus") / "SOURCE.md").read_text(encoding="utf-8")


def _demoted(markdown: str) -> str:
    """Markdown with every heading two levels deeper, to nest it under a section.

    >>> _demoted("# A\\ntext\\n")
    '### A\\ntext\\n'
    """
    return "".join("##" + line if line.startswith("#") else line for line in markdown.splitlines(keepends=True))


def _versioning(facts: ReleaseFacts) -> str:
    return (
        "## Versions\n\n"
        f"This is version {facts.version}. Versions follow these rules: **major** when the schema changes "
        "(a column added, removed or retyped); **minor** for new papers or changed extraction; **patch** "
        "for changes to this card or other documentation only. Releases are never overwritten; "
        "`CHANGELOG.md` beside the release folders lists every release with its claims added, removed "
        "and changed (`claimbench diff vA vB` shows them claim by claim). Claims keep their "
        "`claim_id` across versions as long as their paper's abstract does not change.\n"
    )


def _limitations() -> str:
    return (
        "## Known limitations\n\n"
        "- Claims are extracted automatically from abstracts only (never from titles, bodies or "
        "tables), by rules; see the evaluation figures (the held-out test set's first) for how often they "
        "miss or misread a claim.\n"
        "- The rules were developed on, and measured on, abstracts of computer-systems and machine-learning "
        "papers; on other fields of research they may miss or misread more claims.\n"
        "- `baseline`, `hardware` and `workload` are copied as written: the same system can appear "
        "under several spellings.\n"
        "- Papers are deduplicated by title; when copies of an abstract differ, the most common is "
        "kept (`abstract_variants` counts the variants).\n"
        "- The corpus is whatever the inputs hold (for the built-in corpus, papers picked for the "
        "Hugging Face Daily Papers page): it is not a sample of any field.\n"
        "- A claim is what the authors state; nothing here checks that it is true or that two "
        "claims were measured the same way.\n"
        "- Rows that failed validation are not in `claims`; they are in `data/quarantine.parquet` "
        "when there are any.\n"
        "- Values in different units do not compare (2.5x vs 30%; a percentage of a baseline vs a "
        "reduction in percent); `claimbench leaderboard` ranks one canonical unit at a time, and its "
        "grouping of baseline and hardware spellings is by a hand-kept alias list plus generic "
        "cleaning, so rare spellings may stay apart.\n"
    )


def bibtex(version: str, date: str) -> str:
    """A BibTeX entry citing this version of the dataset.

    >>> print(bibtex("1.0.0", "2025-01-31").splitlines()[0])
    @misc{claimbench_v1_0_0,
    """
    return (
        f"@misc{{claimbench_v{version.replace('.', '_')},\n"
        f"  title = {{{{claimbench}}: quantitative claims from research abstracts, version {version}}},\n"
        "  author = {{claimbench contributors}},\n"
        f"  year = {{{date[:4]}}},\n"
        f"  version = {{{version}}},\n"
        f"  note = {{Dataset release v{version} of {date}; extractions under CC-BY-4.0, abstracts under their authors' arXiv licenses}},\n"
        "}\n"
    )
