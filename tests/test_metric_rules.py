"""Metric attribution (extract/metric.py), one form of sentence per example (tests/examples.py).

Each rule of the module has examples of its form: an invented sentence of that form and,
where the corpus has one, a sentence of the built-in corpus (corpus/seeds) or of the
development gold sets, in sections: corpus sentences (verbatim or cut from one of their
sentences: tests/examples.py says how that is decided, and test_sources checks it), invented
sentences, bugs caught (the commit that fixed each); no known misses yet. An example names the
number (its mention), the metric, the phrase it must be read from (metric_phrase) and the rule
that decides it (metric_rule, as ``explain_claims`` traces it). Numbers no phrase governs are
"other", rule "none: other": the extractor must say so rather than guess.
"""
import pytest

from claimbench.extract.claims import extract_claims

from examples import Example, Has, check, check_sources, params

# Sentences of the built-in corpus and of the development gold sets.
CORPUS = [
    Example(
        "FlashAttention-2 reaches 50-73\\% of the theoretical maximum FLOPs/s on A100.",
        has=[Has("50-73\\%", metric="utilization", metric_phrase="% of the theoretical maximum", metric_rule="peak")],
        form="3. peak: a share of a hardware peak",
        source="corpus",
    ),
    Example(
        "It delivers up to 3.7x lower (token-level) tail latency, compared to state-of-the-art systems like vLLM.",
        has=[Has("3.7x", metric="latency", metric_phrase="latency", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="corpus",
    ),
    Example(
        "On vision-language contrastive learning, we achieve 88.3% zero-shot and 91.1% fine-tuning accuracy on ImageNet.",
        has=[Has("88.3%", metric="accuracy", metric_phrase="accuracy", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="corpus",
    ),
    Example(
        "Our design may improve the performance by up to 20% when compared to processing at the host.",
        has=[Has("20%", metric="speedup", metric_phrase="performance", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="corpus",
    ),
    Example(
        "CacheBlend reduces time-to-first-token (TTFT) by 2.2-3.3X.",
        has=[Has("2.2-3.3X", metric="latency", metric_phrase="TTFT", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="corpus",
    ),
    Example(
        "Our implementation improves the throughput over three leading inference systems DeepSpeed Zero-Inference, Hugging "
        "Face Accelerate, and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B.",
        has=[Has("3times", metric="throughput", metric_phrase="throughput", metric_rule="list: its first member's")],
        form='5. by: what the verb before "by N" changes',
        source="corpus",
    ),
    Example(
        "SkipPipe reduces training iteration time by up to 55% compared to full pipeline.",
        has=[Has("55%", metric="speedup", metric_phrase="iteration time", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="corpus",
    ),
    Example(
        "BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%.",
        has=[Has("430%", metric="throughput", metric_phrase="throughput", metric_rule="parallel: the previous figure's")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="corpus",
    ),
    Example(
        "It eliminates over-provisioning while improving key performance indicators by at least 40%.",
        has=[Has("40%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="corpus",
    ),
    Example(
        "FSMoE outperforms the state-of-the-art MoE training systems (DeepSpeed-MoE and Tutel) by 1.18times-1.22times on "
        "1458 MoE layers.",
        has=[Has("1.18times-1.22times", metric="speedup", metric_phrase="outperforms", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="corpus",
    ),
    Example(
        "Sarathi-Serve improves serving throughput within desired latency SLOs of Mistral-7B by up to 2.6x on a single "
        "A100 GPU.",
        has=[Has("2.6x", metric="throughput", metric_phrase="throughput", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... the head of the verb\'s object, not a keyword of a phrase '
             "inside it",
        source="corpus",
    ),
    Example(
        "For LLaMa-33B on A100 GPU, we achieve 1.25x higher end-to-end-throughput.",
        has=[Has("1.25x", metric="throughput", metric_phrase="throughput", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="corpus",
    ),
    Example(
        "It can potentially reduce 95% energy cost by element-wise floating point tensor multiplications.",
        has=[Has("95%", metric="energy", metric_phrase="energy cost", metric_rule="after")],
        form="7. in: a keyword after a preposition, a score on a named benchmark, N out of M tasks",
        source="corpus",
    ),
    Example(
        "Our method outperforms the 1F1B schedule up to 23% in throughput under a similar memory limit.",
        has=[Has("23%", metric="throughput", metric_phrase="throughput", metric_rule="in")],
        form='"outperforms by N in X": the metric named after says what was better',
        source="corpus",
    ),
    Example(
        "In terms of parallel speedup, our design improves the sequential execution by 7.04x on average.",
        has=[Has("7.04x", metric="speedup", metric_phrase="speedup", metric_rule="frame")],
        form="9. frame: an opening phrase names what the sentence measures",
        source="corpus",
    ),
    Example(
        "LLMCompiler achieves up to 1.35x latency gain over OpenAI's recent parallel function calling.",
        has=[Has("1.35x", metric="speedup", metric_phrase="latency", metric_rule="R20: a latency gain stated as a factor")],
        form="R20 after any rule: a latency gain stated as a factor is a speedup",
        source="corpus",
    ),
    Example(
        "It brings over 11x inference speedup on GPT and 16x on LLAMA compared to NVIDIA FasterTransformer.",
        has=[Has("16x", metric="speedup", metric_phrase="speedup", metric_rule="parallel: the previous figure's")],
        form='"N1 <phrase> on A and N2 on B": the second is measured as the first',
        source="corpus",
    ),
    Example(
        "The cache lowers the number of TLB invalidations by up to 98%.",
        has=[Has("98%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="other: no phrase governs the number (the issue's kind 1)",
        source="corpus",
    ),
    Example(
        "Our elastic switching mechanism provides 1.24 seconds average latency improvement per processed event which is "
        "16.70% improvement compared to private cloud only deployment.",
        has=[Has("16.70%", metric="latency", metric_phrase="latency", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure, without a comma before \"which\"",
        source="corpus",
    ),
    Example(
        "We show for the first time that standard Transformers can extrapolate to a sequence length that is 2.5x the "
        "input length.",
        has=[Has("2.5x", metric="scale", metric_phrase="sequence length", metric_rule="antecedent")],
        form="8. antecedent: \"<keyword> that is N\"",
        source="corpus",
    ),
    Example(
        "Our evaluation shows that Fiddler can run the uncompressed Mixtral-8x7B model to generate over $3$ tokens per "
        "second on a single GPU with 24GB memory, showing an order of magnitude improvement over existing methods.",
        has=[Has("an order of magnitude", metric="throughput", metric_phrase="$3$ tokens per second",
                 metric_rule="apposition: the claim it restates")],
        form="a participle apposition (\", showing a 5x improvement\") restates the previous claim, not the nearest "
             "figure",
        source="corpus",
    ),
    Example(
        "Using SKIS, we design high-quality influence oracles for seed sets with average estimation error up to 10x "
        "times smaller than those using RIS and 6x times smaller than SKIMs.",
        has=[Has("6x", metric="accuracy", metric_phrase="error", metric_rule="parallel: the previous figure's")],
        form='parallel comparatives: "N1 <comparative> than A and N2 <same comparative> than B" share N1\'s metric',
        source="corpus",
    ),
    Example(
        "It significantly outperforms existing train-free methods by 30\\% and even a training method by 25\\%.",
        has=[Has("25\\%", metric="speedup", metric_phrase="outperforms",
                 metric_rule="gapping: 'outperforms A by N1 and B by N2'")],
        form='gapping: "<outperforms> A by N1 and B by N2" shares the verb\'s metric',
        source="corpus",
    ),
    Example(
        "Our design may improve the performance by up to 20% when compared to processing at the host processor only, "
        "and 6x when compared to processing at the SSD processor only.",
        has=[Has("6x", metric="speedup", metric_phrase="performance", metric_rule="parallel: the previous figure's")],
        form='parallel comparisons: "N1 compared to A, and N2 compared to B" share N1\'s metric, a factor and a '
             "percentage alike",
        source="corpus",
    ),
]

# Sentences written for the form.
INVENTED = [
    Example(
        "The median request finishes in 200 ms on our cluster.",
        has=[Has("200 ms", metric="latency", metric_phrase="200 ms", metric_rule="unit")],
        form="1. unit: a unit that names its metric",
        source="invented",
    ),
    Example(
        "Serving reaches 900 tokens/s per GPU.",
        has=[Has("900 tokens/s", metric="throughput", metric_phrase="900 tokens/s", metric_rule="unit")],
        form="1. unit: a unit that names its metric",
        source="invented",
    ),
    Example(
        "Our system trains models with up to 1T parameters.",
        has=[Has("1T parameters", metric="scale", metric_phrase="1T parameters", metric_rule="size")],
        form="2. size: a model size the system reaches; device time",
        source="invented",
    ),
    Example(
        "Training the model took 5,000 GPU hours.",
        has=[Has("5,000 GPU hours", metric="cost", metric_phrase="5,000 GPU hours", metric_rule="size")],
        form="2. size: a model size the system reaches; device time",
        source="invented",
    ),
    Example(
        "The kernel sustains 81% of peak bandwidth.",
        has=[Has("81%", metric="utilization", metric_phrase="% of peak", metric_rule="peak")],
        form="3. peak: a share of a hardware peak",
        source="invented",
    ),
    Example(
        "The scheduler gives a 2.49x speedup.",
        has=[Has("2.49x", metric="speedup", metric_phrase="speedup", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "It delivers 30% lower tail latency than the default.",
        has=[Has("30%", metric="latency", metric_phrase="latency", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "We observe a 35% reduction in energy on every board.",
        has=[Has("35%", metric="energy", metric_phrase="energy", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "It is 2x faster than the reference.",
        has=[Has("2x", metric="speedup", metric_phrase="faster", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "The new router gives 2.2x lower (request-level) tail latency.",
        has=[Has("2.2x", metric="latency", metric_phrase="latency", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "It attains 2.2-3.3X higher throughput.",
        has=[Has("2.2-3.3X", metric="throughput", metric_phrase="throughput", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "The student reaches 71.2% in-domain and 64.8% out-of-domain accuracy.",
        has=[Has("71.2%", metric="accuracy", metric_phrase="accuracy", metric_rule="after")],
        form="4. after: the noun phrase right after the number",
        source="invented",
    ),
    Example(
        "It improves performance by 4.1x and reduces energy by 1.5x.",
        has=[Has("4.1x", metric="speedup", metric_phrase="performance", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="invented",
    ),
    Example(
        "It improves performance by 4.1x and reduces energy by 1.5x.",
        has=[Has("1.5x", metric="energy", metric_phrase="energy", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="invented",
    ),
    Example(
        "The new allocator cuts peak memory of the server by 40%.",
        has=[Has("40%", metric="memory", metric_phrase="memory", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="invented",
    ),
    Example(
        "Our planner outperforms the greedy planner by 3x.",
        has=[Has("3x", metric="speedup", metric_phrase="outperforms", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="invented",
    ),
    Example(
        "It raises the goodput over Orca, vLLM, and TGI by 40%.",
        has=[Has("40%", metric="throughput", metric_phrase="goodput", metric_rule="by")],
        form='5. by: what the verb before "by N" changes',
        source="invented",
    ),
    Example(
        "We reduce energy per bit by 35% and area by 20%.",
        has=[Has("20%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "We reduce energy per bit by 35% and area by 20%.",
        has=[Has("35%", metric="energy", metric_phrase="energy per bit", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "Our accelerator achieves 3.4x higher performance per watt than the GPU.",
        has=[Has("3.4x", metric="energy", metric_phrase="performance per watt", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "Memory consumption is cut in half.",
        has=[Has("half", metric="memory", metric_phrase="Memory", metric_rule="before")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "With 4-bit weights, the model retains 98.5% of its full-precision accuracy.",
        has=[Has("98.5%", metric="accuracy", metric_phrase="accuracy", metric_rule="in")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "Our model beats all baselines by 1.2% and 4.2% in zero-shot and few-shot retrieval accuracy, respectively.",
        has=[Has("1.2%", metric="accuracy", metric_phrase="accuracy", metric_rule="in")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
    ),
    Example(
        "The runtime improves request throughput within the latency budget of each tenant by 2.1x.",
        has=[Has("2.1x", metric="throughput", metric_phrase="throughput", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... the head of the verb\'s object, not a keyword of a phrase '
             "inside it",
        source="invented",
    ),
    Example(
        "It reduces latency by up to 7x for latency-bound jobs and increases throughput by over 1.5x.",
        has=[Has("1.5x", metric="throughput", metric_phrase="throughput", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... the head of the verb\'s object, not a keyword of a phrase '
             "inside it",
        source="invented",
    ),
    Example(
        "The fused kernel surpasses popular libraries, such as cuBLAS, CUTLASS, oneDNN, rocBLAS, Triton, TVM and Ansor, by "
        "31%, 24%, 40%, 18%, 22%, 27% and 35%, respectively.",
        has=[Has("31%", metric="speedup", metric_phrase="surpasses", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "The compiler beats TVM, Ansor and XLA, by 17%, 24% and 31%, respectively.",
        has=[Has("17%", metric="speedup", metric_phrase="beats", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "Our scheduler outperforms FIFO (typically by 22%).",
        has=[Has("22%", metric="speedup", metric_phrase="outperforms", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "Our agent solves 48 of the 100 tasks, more than any baseline.",
        has=[Has("48", metric="accuracy", metric_phrase="tasks", metric_rule="in")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "The detector reports 35% lower number of false positives.",
        has=[Has("35%", metric="accuracy", metric_phrase="false positives", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "We can host 30% more users on the same cluster.",
        has=[Has("30%", metric="scale", metric_phrase="more users", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "This is a drop of up to 12% from their accuracy.",
        has=[Has("12%", metric="accuracy", metric_phrase="accuracy", metric_rule="in")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "The method brings a 2-3x relative gain in goodput.",
        has=[Has("2-3x", metric="throughput", metric_phrase="goodput", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "It supports close to maximum (3.5x) decoding speedup.",
        has=[Has("3.5x", metric="speedup", metric_phrase="speedup", metric_rule="after")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "It gives end-to-end speedups (of up to 2.8x) in vLLM.",
        has=[Has("2.8x", metric="speedup", metric_phrase="speedups", metric_rule="before")],
        form='5. by: what the verb before "by N" changes ... past examples of what it is compared with ("such as A, B, '
             'and C,")',
        source="invented",
    ),
    Example(
        "The system achieves a speedup of up to 6x.",
        has=[Has("6x", metric="speedup", metric_phrase="speedup", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "The monitor adds an average overhead of 4.6% to each request.",
        has=[Has("4.6%", metric="speedup", metric_phrase="overhead", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "Top-1 accuracy reaches 81.2% after fine-tuning.",
        has=[Has("81.2%", metric="accuracy", metric_phrase="accuracy", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "Its memory overhead is only 0.5%.",
        has=[Has("0.5%", metric="memory", metric_phrase="memory overhead", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "Raters preferred our captions 71% of the time.",
        has=[Has("71%", metric="accuracy", metric_phrase="preferred", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "The accuracy of the 7B model (trained with our curriculum) rises from 41% to 58%.",
        has=[Has("41%", metric="accuracy", metric_phrase="accuracy", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "The pipeline handles 3x as many requests per second as the baseline.",
        has=[Has("3x", metric="throughput", metric_phrase="requests per second", metric_rule="after")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "Our partitioner improves NMI by 12% over Louvain.",
        has=[Has("12%", metric="accuracy", metric_phrase="NMI", metric_rule="by")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "Idle power drops by half while storage—35% and network—20% shrink too.",
        has=[Has("35%", metric="memory", metric_phrase="storage", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "It cuts the slow-down factor of tracing by 4.2x.",
        has=[Has("4.2x", metric="speedup", metric_phrase="slow-down", metric_rule="by")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "The detector keeps a false positive rate below 0.1% on every trace.",
        has=[Has("0.1%", metric="accuracy", metric_phrase="false positive rate", metric_rule="before")],
        form="6. before: a keyword the number is given for",
        source="invented",
    ),
    Example(
        "We save 40% in storage cost with the new format.",
        has=[Has("40%", metric="memory", metric_phrase="storage cost", metric_rule="in")],
        form="7. in: a keyword after a preposition, a score on a named benchmark, N out of M tasks",
        source="invented",
    ),
    Example(
        "The agent reaches 45.3% on SWE-bench Verified.",
        has=[Has("45.3%", metric="accuracy", metric_phrase="SWE-bench Verified", metric_rule="in")],
        form="7. in: a keyword after a preposition, a score on a named benchmark, N out of M tasks",
        source="invented",
    ),
    Example(
        "The planner wins on 14 out of 16 datasets.",
        has=[Has("14", metric="accuracy", metric_phrase="datasets", metric_rule="in")],
        form="7. in: a keyword after a preposition, a score on a named benchmark, N out of M tasks",
        source="invented",
    ),
    Example(
        "On EgoSchema it reaches 67.2%, and on ChartQA-Pro it reaches 41.0%.",
        has=[Has("67.2%", metric="accuracy", metric_phrase="EgoSchema", metric_rule="in"),
             Has("41.0%", metric="accuracy", metric_phrase="ChartQA-Pro", metric_rule="in")],
        form="7. in: a clause that opens on a named benchmark (a name whose last part says benchmark: QA, Bench, "
             "Arena, Eval, MME, Schema)",
        source="invented",
    ),
    Example(
        "The agent reaches a task success rate of 26.4%, a 39% relative improvement over the agent without search.",
        has=[Has("39%", metric="accuracy", metric_phrase="task success", metric_rule="antecedent")],
        form="8. antecedent: an apposition that restates the change of the figure before it, \"relative\" before "
             "the change noun",
        source="invented",
    ),
    Example(
        "On TPC-C, Tidal commits 1.9 million transactions per second, 4.2x more than Silo and 2.7x more than TicToc.",
        has=[Has("2.7x", metric="throughput", metric_phrase="transactions per second",
                 metric_rule="parallel: the previous figure's")],
        form='parallel comparatives: "N1 <comparative> than A and N2 <same comparative> than B" share N1\'s metric',
        source="invented",
    ),
    Example(
        "Kestrel provides 2.2 times higher throughput than ext4-DAX and 1.4 times higher than PMFS.",
        has=[Has("1.4 times", metric="throughput", metric_phrase="throughput",
                 metric_rule="parallel: the previous figure's")],
        form='parallel comparatives: "N1 <comparative> than A and N2 <same comparative> than B" share N1\'s metric',
        source="invented",
    ),
    Example(
        "SLPlus speeds up the floating-point benchmarks by 9.1% on average and by up to 1.41x over clang -O3.",
        has=[Has("1.41x", metric="speedup", metric_phrase="speeds up",
                 metric_rule='gapped: a second "by" of the same verb')],
        form='gapping: "V X by N1 and by N2" (a second "by", its object left out) shares the verb\'s metric, whatever '
             "the unit",
        source="invented",
    ),
    Example(
        "Read throughput stays within 6% of RocksDB, and prediction accuracy is $>$90\\%.",
        has=[Has("6%", metric="throughput", metric_phrase="throughput", metric_rule="before"),
             Has("90\\%", metric="accuracy", metric_phrase="accuracy", metric_rule="before")],
        form='6. before: "within" and LaTeX comparison signs ("$>$") may stand between a keyword and its number',
        source="invented",
    ),
    Example(
        "Blink extends battery life by 3.4x on a Nexus 5X phone.",
        has=[Has("3.4x", metric="energy", metric_phrase="battery life", metric_rule="by")],
        form="5. by: battery life is energy",
        source="invented",
    ),
    Example(
        "On Chromium, it adds 3.4% overhead on the JetStream benchmark, and Chromium's binary size grows by 6%.",
        has=[Has("6%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form='5. by: ", and" opens a clause: a keyword before it does not govern a later "by N"',
        source="invented",
    ),
    Example(
        "Ebb reduces the average job completion time by 27% and the makespan by 12% compared with Tetris.",
        has=[Has("27%", metric="speedup", metric_phrase="completion time", metric_rule="by"),
             Has("12%", metric="speedup", metric_phrase="makespan", metric_rule="by")],
        form="5. by: R13, a job's completion time or a schedule's makespan is a run time: its change is a speedup",
        source="invented",
    ),
    Example(
        "The planner beats prior heuristics by 12% and even a learned scheduler by 4%.",
        has=[Has("4%", metric="speedup", metric_phrase="beats", baseline="a learned scheduler",
                 metric_rule="gapping: 'outperforms A by N1 and B by N2'")],
        form='gapping: "<outperforms> A by N1 and B by N2" shares the verb\'s metric',
        source="invented",
    ),
    Example(
        "Batching cuts energy use by 35% relative to eager dispatch, and 2.1x relative to the vendor driver.",
        has=[Has("2.1x", metric="energy", metric_phrase="energy", metric_rule="parallel: the previous figure's")],
        form='parallel comparisons: "N1 compared to A, and N2 compared to B" share N1\'s metric, a factor and a '
             "percentage alike",
        source="invented",
    ),
    Example(
        "In outdoor trials the robot succeeded in 94% of 50 traversals, and 81.0% of its repairs are correct.",
        has=[Has("94%", metric="accuracy", metric_phrase="succeeded in", metric_rule="before")],
        form="6. before: quality words of other fields (succeeded in, correct, drift, bias, kappa, IoU, R^2, "
             "collision rate, success probability)",
        source="invented",
    ),
    Example(
        "The model reaches R^2 = 0.93, and weak-scaling efficiency stays above 90% on Frontier.",
        has=[Has("0.93", metric="accuracy", metric_phrase="R^2", metric_rule="before"),
             Has("90%", metric="utilization", metric_phrase="weak-scaling", metric_rule="before")],
        form="6. before: quality words of other fields (succeeded in, correct, drift, bias, kappa, IoU, R^2, "
             "collision rate, success probability)",
        source="invented",
    ),
    Example(
        "WinoFlex keeps 92% of the DSP slices busy, and the tuned kernel reaches 76% of the P100's 732 GB/s peak memory "
        "bandwidth.",
        has=[Has("92%", metric="utilization", metric_phrase="busy", metric_rule="in"),
             Has("76%", metric="utilization", metric_phrase="% of the P100's 732 GB/s peak", baseline=None,
                 metric_rule="peak")],
        form="3. peak: a share of a device's peak (a few words, a possessive or a figure between), or of its parts kept "
             "busy; R15: no baseline",
        source="invented",
    ),
    Example(
        "These reductions translate into a 2.6% IPC improvement over TAGE-SC-L.",
        has=[Has("2.6%", metric="speedup", metric_phrase="IPC", metric_rule="after")],
        form="4. after: instructions per cycle (IPC) is a speed",
        source="invented",
    ),
    Example(
        "Pulse reduces the 99th-percentile flow completion time of short flows by 4.7X compared to DCTCP.",
        has=[Has("4.7X", metric="latency", metric_phrase="flow completion time", metric_rule="by")],
        form="5. by: a flow's completion time (FCT) is a latency of the network, unlike a job's (R13)",
        source="invented",
    ),
    Example(
        "The kernel accelerates attention by up to $8\\times$ over FlashAttention-2.",
        has=[Has("8\\times", metric="speedup", metric_phrase="accelerates", qualifier="up_to", metric_rule="by")],
        form='5. by: a LaTeX math opener may stand between "by up to" and the number',
        source="invented",
    ),
    Example(
        "Ration speeds up LULESH, miniFE and a Graph500 BFS by 14%, 9% and 21%, respectively.",
        has=[Has("14%", metric="speedup", metric_phrase="speeds up", metric_rule="by")],
        form='5. by: the verb\'s object may be a list whose last member opens with an article ("and a Graph500 BFS")',
        source="invented",
    ),
    Example(
        "DeltaCR keeps the runtime overhead of checkpointing below 4% at 1,024 nodes.",
        has=[Has("4%", metric="speedup", metric_phrase="runtime overhead", metric_rule="before")],
        form='6. before: "<keyword> of <what> below N" (a bound after the keyword\'s "of" phrase)',
        source="invented",
    ),
    Example(
        "LeakTrap incurs 3.5% runtime overhead on SPEC CPU2006 and less than 2% on server applications.",
        has=[Has("2%", metric="speedup", metric_phrase="runtime overhead", metric_rule="parallel: the previous figure's")],
        form='parallel: "N1 <phrase> on A and (less than) N2 on B" shares N1\'s metric',
        source="invented",
    ),
    Example(
        "Ferry reduces total migration time by 58%, and Thresher reduces the time-to-completion of a campaign by 3.4x.",
        has=[Has("58%", metric="speedup", metric_phrase="migration time", metric_rule="by"),
             Has("3.4x", metric="speedup", metric_phrase="time-to-completion", metric_rule="by")],
        form="5. by: R13, the time a task takes (migration, testing, repair, restart, transfer, ...) is a run time",
        source="invented",
    ),
    Example(
        "Sluice covers 27% more branches than AFL.",
        has=[Has("27%", metric="accuracy", metric_phrase="covers", metric_rule="before")],
        form='6. before: what a tool covers is a coverage, a quality ("covers 27% more branches")',
        source="invented",
    ),
    Example(
        "DoRA-X reaches 85.2% accuracy on the eight-task commonsense suite, 2.7% higher than LoRA.",
        has=[Has("2.7%", metric="accuracy", metric_phrase="accuracy", metric_rule="antecedent")],
        form="8. antecedent: an apposition restating the change of a figure a few words before the comma",
        source="invented",
    ),
    Example(
        "On the STMV benchmark, OpenMMX reaches 128 ns/day on 8 H100 GPUs, a 2.3x improvement over GROMACS.",
        has=[Has("2.3x", metric="throughput", metric_phrase="128 ns/day", metric_rule="antecedent")],
        form="8. antecedent: the apposition restates the last figure whose unit names a metric, not a count of devices",
        source="invented",
    ),
    Example(
        "Compared to FreeNoise, it improves subject consistency by 3.4% and completes 74% of long-horizon instructions.",
        has=[Has("3.4%", metric="accuracy", metric_phrase="consistency", metric_rule="by"),
             Has("74%", metric="accuracy", metric_rule="in", metric_phrase="instructions")],
        form="quality words of generation and agents: consistency, success; instructions or episodes completed",
        source="invented",
    ),
    Example(
        "CorrPack reduces energy consumption by 27% and SLA violations by 61%, and CascadeSpec accelerates Vicuna-13B by "
        "3.9x and LLaMA-2-70B by 3.5x.",
        has=[Has("61%", metric="other", metric_phrase=None, metric_rule="none: other"),
             Has("3.5x", metric="speedup", metric_phrase="accelerates", metric_rule="by")],
        form='5. by: a noun an earlier "by N" measured does not govern a later "by" (its own object does); a verb '
             "keyword governs each of its objects",
        source="invented",
    ),
    Example(
        "CorrPack's energy is within 8% of the optimal placement, and the kernel reaches 84% of the performance "
        "attainable under the roofline bound.",
        has=[Has("8%", metric="energy", metric_phrase="energy", metric_rule="before"),
             Has("84%", metric="utilization", metric_phrase="% of the performance attainable", metric_rule="peak")],
        form='3. peak: "within N% of the optimal" is a gap, not a share of a peak; "attainable" and "roofline" name a peak',
        source="invented",
    ),
    Example(
        "ValApprox reduces off-chip memory traffic by 41% compared with exact execution.",
        has=[Has("41%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="other: traffic is no cost (no phrase names money or device time)",
        source="invented",
    ),
    Example(
        "The new sampler raises the decoding speed of Vicuna-7B by 1.8x over autoregressive decoding.",
        has=[Has("1.8x", metric="speedup", metric_phrase="decoding speed", metric_rule="by")],
        form="5. by: a relative change of a decoding, generation or inference speed is a speedup (relative speed); a "
             "rate with its unit stays a throughput",
        source="invented",
    ),
    Example(
        "The pick error of the new phase picker is 0.041 s, and the forecaster's peak-timing MAE is 1.0 week.",
        has=[Has("0.041 s", metric="accuracy", metric_phrase="error", metric_rule="before"),
             Has("1.0 week", metric="accuracy", metric_phrase="MAE", metric_rule="before")],
        form="1. unit, unless the figure is given for an error: an error in seconds or weeks is a quality (rule 6 first)",
        source="invented",
    ),
    Example(
        "Its residuals have a mean absolute error of 0.041 s, compared with 0.067 s for PhaseNet, and STMixer attains "
        "MAEs of 3.21 mph and 1.79 mph.",
        has=[Has("0.067 s", metric="accuracy", metric_phrase="error", metric_rule="parallel: the previous figure's"),
             Has("3.21 mph", metric="accuracy", metric_phrase="MAEs", metric_rule="before")],
        form='a figure compared with an error ("compared with 0.067 s for X") is an error too, whatever its unit; score '
             "names in the plural (MAEs)",
        source="invented",
    ),
    Example(
        "BandMamba achieves a vocals SDR of 9.21 dB, and training consumed 29.8 MWh with PowerFlow.",
        has=[Has("9.21 dB", metric="accuracy", metric_phrase="SDR", metric_rule="before"),
             Has("29.8 MWh", metric="energy", metric_phrase="29.8 MWh", metric_rule="unit")],
        form="quality ratios of audio (SDR, SNR) and energies in MWh",
        source="invented",
    ),
    Example(
        "It keeps a p99 latency of 40 ms, which is 3x lower than the baseline.",
        has=[Has("3x", metric="latency", metric_phrase="latency", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure",
        source="invented",
    ),
    Example(
        "Energy per inference falls to 3.1 mJ, a 4.7x improvement over the CPU implementation.",
        has=[Has("4.7x", metric="energy", metric_phrase="3.1 mJ", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure ... or an apposition that restates the change of the figure "
             "before it",
        source="invented",
    ),
    Example(
        "The prototype handles 10 Gbps of traffic per core, 3 times more than DPDK.",
        has=[Has("3 times", metric="throughput", metric_phrase="10 Gbps", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure ... or an apposition that restates the change of the figure "
             "before it",
        source="invented",
    ),
    Example(
        "Tail latency drops to 12 ms, a 3x reduction compared to Linux.",
        has=[Has("3x", metric="latency", metric_phrase="12 ms", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure ... or an apposition that restates the change of the figure "
             "before it",
        source="invented",
    ),
    Example(
        "We reach a compression ratio of 5.3 on genomic data, 40% better than gzip.",
        has=[Has("40%", metric="compression", metric_phrase="compression", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure ... or an apposition that restates the change of the figure "
             "before it",
        source="invented",
    ),
    Example(
        "The cache serves 2 million requests per second per core which is 35% more than Memcached.",
        has=[Has("35%", metric="throughput", metric_phrase="requests per second", metric_rule="antecedent")],
        form="8. antecedent: a relative clause about a figure, without a comma before \"which\"",
        source="invented",
    ),
    Example(
        "The planner handles a horizon that is 4x the training horizon.",
        has=[Has("4x", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="8. antecedent: a relative clause whose antecedent names no metric stays other",
        source="invented",
    ),
    Example(
        "The indexer supports a context length that is 8x the pretraining window.",
        has=[Has("8x", metric="scale", metric_phrase="context length", metric_rule="antecedent")],
        form="8. antecedent: \"<keyword> that is N\"",
        source="invented",
    ),
    Example(
        "The decoder reaches 14 ms per frame on a phone with 8 GB memory, showing a 5x improvement over the prior app.",
        has=[Has("5x", metric="latency", metric_phrase="14 ms", metric_rule="apposition: the claim it restates")],
        form="a participle apposition (\", showing a 5x improvement\") restates the previous claim, not the nearest "
             "figure",
        source="invented",
    ),
    Example(
        "In terms of energy, the new layout improves the baseline design by 18%.",
        has=[Has("18%", metric="energy", metric_phrase="energy", metric_rule="frame")],
        form="9. frame: an opening phrase names what the sentence measures",
        source="invented",
    ),
    Example(
        "The retriever brings a 3.1% absolute performance gain on our held-out split.",
        has=[Has("3.1%", metric="accuracy", metric_phrase="performance",
                 metric_rule="absolute performance: a quality score")],
        form='an absolute (points, R14) gain in "performance" is a quality score',
        source="invented",
    ),
    Example(
        "The cache enhances lookup latency by 12-fold.",
        has=[Has("12-fold", metric="speedup", metric_phrase="latency",
                 metric_rule="R20: a latency gain stated as a factor")],
        form="R20 after any rule: a latency gain stated as a factor is a speedup",
        source="invented",
    ),
    Example(
        "The batching policy gives a 2x latency improvement over FIFO.",
        has=[Has("2x", metric="speedup", metric_phrase="latency", metric_rule="R20: a latency gain stated as a factor")],
        form="R20 after any rule: a latency gain stated as a factor is a speedup",
        source="invented",
    ),
    Example(
        "The kernel gives a 3.1x decoding speedup on Llama and 2.4x on Mistral.",
        has=[Has("2.4x", metric="speedup", metric_phrase="speedup", metric_rule="parallel: the previous figure's")],
        form='"N1 <phrase> on A and N2 on B": the second is measured as the first',
        source="invented",
    ),
    Example(
        "The policy reaches a 91% grasp success rate, up from 64% for the baseline.",
        has=[Has("64%", metric="accuracy", metric_phrase="success rate", metric_rule="parallel: the previous figure's")],
        form='the earlier level of the figure before: "up from N"',
        source="invented",
    ),
    Example(
        "It needs 45% less memory than Orca, and over 60% compared to TGI.",
        has=[Has("60%", metric="memory", metric_phrase="memory", metric_rule="parallel: the previous figure's")],
        form='a comparison whose measure is left out is the previous figure\'s ("..., and over 90% compared to B")',
        source="invented",
    ),
    Example(
        "The planner yields 18% higher goodput. This gain grows to 25% with larger batches.",
        has=[Has("25%", metric="throughput", metric_phrase="goodput",
                 metric_rule="anaphora: the previous sentence's figure")],
        form='a sentence that opens with "This number ..." points back at the previous figure',
        source="invented",
    ),
    Example(
        "It reduces write amplification by 4x.",
        has=[Has("4x", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="other: no phrase governs the number (the issue's kind 1)",
        source="invented",
    ),
    Example(
        "We find that 43% of the surveyed apps use TLS 1.0 and that our tool detects 12 more of them.",
        has=[Has("43%", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="other: no phrase governs the number (the issue's kind 1)",
        source="invented",
    ),
    Example(
        "It expands the communication range by 2.65x.",
        has=[Has("2.65x", metric="other", metric_phrase=None, metric_rule="none: other")],
        form="other: no phrase governs the number (the issue's kind 1)",
        source="invented",
    ),
]

# Sentences that guard a wrong output once fixed.
BUGS_CAUGHT = [
    Example(
        "Throughput degrades by less than 2% when a node fails.",
        has=[Has("2%", metric="throughput", metric_phrase="Throughput", metric_rule="by")],
        form='5. by: what the verb before "by N" changes ... a list member that names its own object is not measured as '
             'the first: "and area by 20%"',
        source="invented",
        bug="fd43854: the keyword's own verb before 'by' ('degrades by') never matched: the possessive [a-z]++(?:ed|es|s) "
            "could not",
    ),
]

EXAMPLES = CORPUS + INVENTED + BUGS_CAUGHT


@pytest.mark.parametrize("example", params(EXAMPLES))
def test_metric_rule(example):
    check(example)


def test_every_rule_has_an_invented_row():
    rules = {"unit", "size", "peak", "after", "by", "before", "in", "antecedent", "frame"}  # extract/metric.py
    assert rules <= {h.fields["metric_rule"] for e in EXAMPLES if e.source == "invented" for h in e.has}


def test_sources():
    """Each example's source is what the corpus says (tests/examples.py: from_corpus)."""
    check_sources(EXAMPLES)


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
