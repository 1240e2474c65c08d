"""Metric attribution (extract/metric.py), one form of sentence per row.

Each rule of the module has rows of its form: an invented sentence of that
form and, where the corpus has one, a sentence of the built-in corpus
(corpus/seeds) or of the development gold sets (marked "corpus" / "dev").
A row names the number (its mention), the metric, the phrase it must be
read from and the rule that decides it. Rows marked "other" are numbers no
phrase governs: the extractor must say so rather than guess.
"""
import pytest

from claimbench.extract.claims import explain_claims, extract_claims
from claimbench.extract.papers import Paper

# (source, sentence, mention, metric, phrase, rule)
ROWS = [
    # 1. unit: a unit that names its metric
    ("invented", "The median request finishes in 200 ms on our cluster.", "200 ms", "latency", "200 ms", "unit"),
    ("invented", "Serving reaches 900 tokens/s per GPU.", "900 tokens/s", "throughput", "900 tokens/s", "unit"),
    # 2. size: a model size the system reaches; device time
    ("invented", "Our system trains models with up to 1T parameters.", "1T parameters", "scale", "1T parameters", "size"),
    ("invented", "Training the model took 5,000 GPU hours.", "5,000 GPU hours", "cost", "5,000 GPU hours", "size"),
    # 3. peak: a share of a hardware peak
    ("corpus", "FlashAttention-2 reaches 50-73\\% of the theoretical maximum FLOPs/s on A100.", "50-73\\%", "utilization",
     "% of the theoretical maximum", "peak"),
    ("invented", "The kernel sustains 81% of peak bandwidth.", "81%", "utilization", "% of peak", "peak"),
    # 4. after: the noun phrase right after the number
    ("invented", "The scheduler gives a 2.49x speedup.", "2.49x", "speedup", "speedup", "after"),
    ("invented", "It delivers 30% lower tail latency than the default.", "30%", "latency", "latency", "after"),
    ("invented", "We observe a 35% reduction in energy on every board.", "35%", "energy", "energy", "after"),
    ("invented", "It is 2x faster than the reference.", "2x", "speedup", "faster", "after"),
    ("invented", "The new router gives 2.2x lower (request-level) tail latency.", "2.2x", "latency", "latency", "after"),
    ("corpus", "It delivers up to 3.7x lower (token-level) tail latency, compared to state-of-the-art systems like vLLM.",
     "3.7x", "latency", "latency", "after"),
    ("corpus", "It attains 2.2-3.3X higher throughput.", "2.2-3.3X", "throughput", "throughput", "after"),
    ("invented", "The student reaches 71.2% in-domain and 64.8% out-of-domain accuracy.", "71.2%", "accuracy", "accuracy", "after"),
    ("corpus", "On vision-language contrastive learning, we achieve 88.3% zero-shot and 91.1% fine-tuning accuracy on ImageNet.",
     "88.3%", "accuracy", "accuracy", "after"),
    # 5. by: what the verb before "by N" changes
    ("invented", "It improves performance by 4.1x and reduces energy by 1.5x.", "4.1x", "speedup", "performance", "by"),
    ("invented", "It improves performance by 4.1x and reduces energy by 1.5x.", "1.5x", "energy", "energy", "by"),
    ("invented", "The new allocator cuts peak memory of the server by 40%.", "40%", "memory", "memory", "by"),
    ("dev", "Our design may improve the performance by up to 20% when compared to processing at the host.", "20%",
     "speedup", "performance", "by"),
    ("invented", "Our planner outperforms the greedy planner by 3x.", "3x", "speedup", "outperforms", "by"),
    ("corpus", "CacheBlend reduces time-to-first-token (TTFT) by 2.2-3.3X.", "2.2-3.3X", "latency", "TTFT", "by"),
    ("corpus", "Our implementation improves the throughput over three leading inference systems DeepSpeed Zero-Inference, "
     "Hugging Face Accelerate, and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B.", "3times", "throughput",
     "throughput", "list: its first member's"),
    ("invented", "It raises the goodput over Orca, vLLM, and TGI by 40%.", "40%", "throughput", "goodput", "by"),
    ("corpus", "SkipPipe reduces training iteration time by up to 55% compared to full pipeline.", "55%", "speedup",
     "iteration time", "by"),
    # ... a list member that names its own object is not measured as the first: "and area by 20%"
    ("invented", "We reduce energy per bit by 35% and area by 20%.", "20%", "other", None, None),
    ("invented", "We reduce energy per bit by 35% and area by 20%.", "35%", "energy", "energy per bit", "by"),
    ("dev", "BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%.",
     "430%", "throughput", "throughput", "parallel: the previous figure's"),
    ("invented", "Our accelerator achieves 3.4x higher performance per watt than the GPU.", "3.4x", "energy",
     "performance per watt", "after"),
    ("invented", "Memory consumption is cut in half.", "half", "memory", "Memory", "before"),
    ("invented", "Throughput degrades by less than 2% when a node fails.", "2%", "throughput", "Throughput", "by"),
    ("dev", "It eliminates over-provisioning while improving key performance indicators by at least 40%.", "40%", "other",
     None, None),
    ("invented", "With 4-bit weights, the model retains 98.5% of its full-precision accuracy.", "98.5%", "accuracy",
     "accuracy", "in"),
    ("invented", "Our model beats all baselines by 1.2% and 4.2% in zero-shot and few-shot retrieval accuracy, respectively.",
     "1.2%", "accuracy", "accuracy", "in"),
    ("corpus", "FSMoE outperforms the state-of-the-art MoE training systems (DeepSpeed-MoE and Tutel) by 1.18times-1.22times "
     "on 1458 MoE layers.", "1.18times-1.22times", "speedup", "outperforms", "by"),
    # ... the head of the verb's object, not a keyword of a phrase inside it
    ("invented", "The runtime improves request throughput within the latency budget of each tenant by 2.1x.", "2.1x",
     "throughput", "throughput", "by"),
    ("corpus", "Sarathi-Serve improves serving throughput within desired latency SLOs of Mistral-7B by up to 2.6x on a "
     "single A100 GPU.", "2.6x", "throughput", "throughput", "by"),
    ("invented", "It reduces latency by up to 7x for latency-bound jobs and increases throughput by over 1.5x.", "1.5x",
     "throughput", "throughput", "by"),
    # ... past examples of what it is compared with ("such as A, B, and C,")
    ("invented", "The fused kernel surpasses popular libraries, such as cuBLAS, CUTLASS, oneDNN, rocBLAS, Triton, TVM "
     "and Ansor, by 31%, 24%, 40%, 18%, 22%, 27% and 35%, respectively.", "31%", "speedup", "surpasses", "by"),
    ("invented", "The compiler beats TVM, Ansor and XLA, by 17%, 24% and 31%, respectively.", "17%", "speedup", "beats", "by"),
    ("invented", "Our scheduler outperforms FIFO (typically by 22%).", "22%", "speedup", "outperforms", "by"),
    ("invented", "Our agent solves 48 of the 100 tasks, more than any baseline.", "48", "accuracy", "tasks", "in"),
    ("invented", "The detector reports 35% lower number of false positives.", "35%", "accuracy", "false positives", "after"),
    ("invented", "We can host 30% more users on the same cluster.", "30%", "scale", "more users", "after"),
    ("invented", "This is a drop of up to 12% from their accuracy.", "12%", "accuracy", "accuracy", "in"),
    ("corpus", "For LLaMa-33B on A100 GPU, we achieve 1.25x higher end-to-end-throughput.", "1.25x", "throughput", "throughput",
     "after"),
    ("invented", "The method brings a 2-3x relative gain in goodput.", "2-3x", "throughput", "goodput", "after"),
    ("invented", "It supports close to maximum (3.5x) decoding speedup.", "3.5x", "speedup", "speedup", "after"),
    ("invented", "It gives end-to-end speedups (of up to 2.8x) in vLLM.", "2.8x", "speedup", "speedups", "before"),
    # 6. before: a keyword the number is given for
    ("invented", "The system achieves a speedup of up to 6x.", "6x", "speedup", "speedup", "before"),
    ("invented", "The monitor adds an average overhead of 4.6% to each request.", "4.6%", "speedup", "overhead", "before"),
    ("invented", "Top-1 accuracy reaches 81.2% after fine-tuning.", "81.2%", "accuracy", "accuracy", "before"),
    ("invented", "Its memory overhead is only 0.5%.", "0.5%", "memory", "memory overhead", "before"),
    ("invented", "Raters preferred our captions 71% of the time.", "71%", "accuracy", "preferred", "before"),
    ("invented", "The accuracy of the 7B model (trained with our curriculum) rises from 41% to 58%.", "41%", "accuracy",
     "accuracy", "before"),
    ("invented", "The pipeline handles 3x as many requests per second as the baseline.", "3x", "throughput",
     "requests per second", "after"),
    ("invented", "Our partitioner improves NMI by 12% over Louvain.", "12%", "accuracy", "NMI", "by"),
    ("invented", "Idle power drops by half while storage—35% and network—20% shrink too.", "35%", "memory", "storage", "before"),
    ("invented", "It cuts the slow-down factor of tracing by 4.2x.", "4.2x", "speedup", "slow-down", "by"),
    ("invented", "The detector keeps a false positive rate below 0.1% on every trace.", "0.1%", "accuracy",
     "false positive rate", "before"),
    # 7. in: a keyword after a preposition, a score on a named benchmark, N out of M tasks
    ("invented", "We save 40% in storage cost with the new format.", "40%", "memory", "storage cost", "in"),
    ("corpus", "It can potentially reduce 95% energy cost by element-wise floating point tensor multiplications.", "95%",
     "energy", "energy cost", "after"),
    ("invented", "The agent reaches 45.3% on SWE-bench Verified.", "45.3%", "accuracy", "SWE-bench Verified", "in"),
    ("invented", "The planner wins on 14 out of 16 datasets.", "14", "accuracy", "datasets", "in"),
    # "outperforms by N in X": the metric named after says what was better
    ("dev", "Our method outperforms the 1F1B schedule up to 23% in throughput under a similar memory limit.", "23%",
     "throughput", "throughput", "in"),
    # 8. antecedent: a relative clause about a figure
    ("invented", "It keeps a p99 latency of 40 ms, which is 3x lower than the baseline.", "3x", "latency", "latency", "antecedent"),
    # ... or an apposition that restates the change of the figure before it
    ("invented", "Energy per inference falls to 3.1 mJ, a 4.7x improvement over the CPU implementation.", "4.7x", "energy",
     "3.1 mJ", "antecedent"),
    ("invented", "The prototype handles 10 Gbps of traffic per core, 3 times more than DPDK.", "3 times", "throughput",
     "10 Gbps", "antecedent"),
    ("invented", "Tail latency drops to 12 ms, a 3x reduction compared to Linux.", "3x", "latency", "12 ms", "antecedent"),
    ("invented", "We reach a compression ratio of 5.3 on genomic data, 40% better than gzip.", "40%", "compression",
     "compression", "antecedent"),
    # 9. frame: an opening phrase names what the sentence measures
    ("corpus", "In terms of parallel speedup, our design improves the sequential execution by 7.04x on average.", "7.04x",
     "speedup", "speedup", "frame"),
    ("invented", "In terms of energy, the new layout improves the baseline design by 18%.", "18%", "energy", "energy", "frame"),
    # an absolute (points, R14) gain in "performance" is a quality score
    ("invented", "The retriever brings a 3.1% absolute performance gain on our held-out split.", "3.1%", "accuracy",
     "performance", "absolute performance: a quality score"),
    # R20 after any rule: a latency gain stated as a factor is a speedup
    ("invented", "The cache enhances lookup latency by 12-fold.", "12-fold", "speedup", "latency",
     "R20: a latency gain stated as a factor"),
    ("invented", "The batching policy gives a 2x latency improvement over FIFO.", "2x", "speedup", "latency",
     "R20: a latency gain stated as a factor"),
    ("corpus", "LLMCompiler achieves up to 1.35x latency gain over OpenAI's recent parallel function calling.", "1.35x",
     "speedup", "latency", "R20: a latency gain stated as a factor"),
    # "N1 <phrase> on A and N2 on B": the second is measured as the first
    ("invented", "The kernel gives a 3.1x decoding speedup on Llama and 2.4x on Mistral.", "2.4x", "speedup", "speedup",
     "parallel: the previous figure's"),
    ("corpus", "It brings over 11x inference speedup on GPT and 16x on LLAMA compared to NVIDIA FasterTransformer.", "16x",
     "speedup", "speedup", "parallel: the previous figure's"),
    # the earlier level of the figure before: "up from N"
    ("invented", "The policy reaches a 91% grasp success rate, up from 64% for the baseline.", "64%", "accuracy",
     "success rate", "parallel: the previous figure's"),
    # a comparison whose measure is left out is the previous figure's ("..., and over 90% compared to B")
    ("invented", "It needs 45% less memory than Orca, and over 60% compared to TGI.", "60%", "memory", "memory",
     "parallel: the previous figure's"),
    # a sentence that opens with "This number ..." points back at the previous figure
    ("invented", "The planner yields 18% higher goodput. This gain grows to 25% with larger batches.", "25%", "throughput",
     "goodput", "anaphora: the previous sentence's figure"),
    # other: no phrase governs the number (the kind 1)
    ("invented", "It reduces write amplification by 4x.", "4x", "other", None, None),
    ("invented", "We find that 43% of the surveyed apps use TLS 1.0 and that our tool detects 12 more of them.", "43%", "other",
     None, None),
    ("invented", "The cache lowers the number of TLB invalidations by up to 98%.", "98%", "other", None, None),
    ("invented", "It expands the communication range by 2.65x.", "2.65x", "other", None, None),
]


@pytest.mark.parametrize("source,sentence,mention,metric,phrase,rule", ROWS, ids=[f"{r[5]}:{r[2]}:{r[1][:30]}" for r in ROWS])
def test_metric_rule(source, sentence, mention, metric, phrase, rule):
    claims = {c.mention: c for c in extract_claims(Paper("T", sentence, "test:1"))}
    assert mention in claims, f"{mention!r} not found as a claim in {sentence!r}: {sorted(claims)}"
    claim = claims[mention]
    assert (claim.metric, claim.metric_phrase) == (metric, phrase)
    traced = {r["mention"]: r for r in explain_claims(Paper("T", sentence, "test:1"))}
    assert traced[mention]["fields"]["metric"] == (metric, phrase, rule or "none: other")


def test_every_rule_has_an_invented_row():
    rules = {"unit", "size", "peak", "after", "by", "before", "in", "antecedent", "frame"}  # extract/metric.py
    assert rules <= {r[5] for r in ROWS if r[0] == "invented"}


def test_other_has_no_phrase_on_the_built_in_corpus():
    """On the whole built-in corpus, metric_phrase is null exactly when the metric is other."""
    from claimbench.corpus import seed_dir
    from claimbench.extract.readers import read_papers

    seen = 0
    for paper in (p for f in sorted(seed_dir().glob("*.txt")) for p in read_papers(f)):
        for c in extract_claims(paper):
            seen += 1
            assert (c.metric == "other") == (c.metric_phrase is None), (c.mention, c.metric, c.metric_phrase)
    assert seen > 300
