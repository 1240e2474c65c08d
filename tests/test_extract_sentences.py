"""Extraction, one sentence at a time, as named examples (tests/examples.py).

SENTENCES: every claim of a sentence, each with (mention, value, value_low, unit, metric,
qualifier, change), on its own and after another sentence of the same abstract. FIELDS: one
field of one claim (baseline, hardware, workload, ...), the others unchecked. Each table is in
sections: corpus sentences (the built-in corpus, corpus/seeds, and the development gold sets,
verbatim or cut from one of their sentences: tests/examples.py says how that is decided, and
test_sources checks it), invented sentences, and bugs caught (the commit that fixed each). No
known misses yet: one goes in a KNOWN_MISSES section with ``miss="what is wrong"``.
The held-out evaluation sets are never a source.
"""
import pytest

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper

from examples import Claim, Example, Has, check, check_sources, params

# ------------------------------------------------------------------ sentences: every claim

# Sentences of the built-in corpus and of the development gold sets.
CORPUS = [
    Example(
        "This enables up to 4times larger batch size, bringing 2.35times sim 3.47times throughput on real LLM inference "
        "workload.",
        claims=[Claim("4times", 4.0, "x", "scale", qualifier="up_to", change="increase"),
                Claim("2.35times sim 3.47times", 3.47, "x", "throughput", value_low=2.35, change="increase")],
        form="a range written with the residue of LaTeX's \\sim between its ends",
        source="corpus",
    ),
    Example(
        "Coverage grows to over 95% with 10,000 samples.",
        claims=[Claim("95%", 95.0, "%", "accuracy", qualifier="at_least")],
        form="R5: a count of samples, queries, images ... is a claim only when reached or needed, not when drawn or used",
        source="corpus",
    ),
    Example(
        "It runs on a single server with 8x NVIDIA 3090 GPUs at less than 5% runtime overhead.",
        claims=[Claim("5%", 5.0, "%", "speedup", qualifier="at_most", change="increase")],
        form="R4: a factor before a device is a count of devices, not a claim",
        source="corpus",
    ),
    Example(
        "On LLMs, we achieve up to 6.7\\times inference acceleration.",
        claims=[Claim("6.7\\times", 6.7, "x", "speedup", qualifier="up_to", change="increase")],
        form="factors, with LaTeX residue",
        source="corpus",
    ),
    Example(
        "We showcase how this can be used to give a 113x acceleration on general symbolic transformations.",
        claims=[Claim("113x", 113.0, "x", "speedup", change="increase")],
        form="factors, with LaTeX residue",
        source="corpus",
    ),
    Example(
        "In all attempts, the performance improvement is significant (factor up to 38).",
        claims=[Claim("38", 38.0, "x", "speedup", qualifier="up_to", change="increase")],
        form='"factor" before a number makes it a factor: "factor of", "factor up to", "by a factor 5"; not "sparsity '
             'factor 0.5"',
        source="corpus",
    ),
    Example(
        "It reduces the slow-down factor by 1.41, 5.67, and 10.26 folds.",
        claims=[Claim("1.41", 1.41, "x", "speedup", change="decrease"),
                Claim("5.67", 5.67, "x", "speedup", change="decrease"),
                Claim("10.26 folds", 10.26, "x", "speedup", change="decrease")],
        form="a list of plain numbers shares the unit or score word after its last member",
        source="corpus",
    ),
    Example(
        "FlashAttention-2 yields around 2times speedup compared to FlashAttention, reaching 50-73\\% of the theoretical "
        "maximum FLOPs/s on A100.",
        claims=[Claim("2times", 2.0, "x", "speedup", qualifier="approx", change="increase"),
                Claim("50-73\\%", 73.0, "%", "utilization", value_low=50.0)],
        form="percentages and ranges",
        source="corpus",
    ),
    Example(
        "GS-Jacobi sampling achieves speed-ups of 4.53x in Img128cond, 5.32x in AFHQ, 2.96x in Img64uncond, and 2.51x in "
        "Img64cond without degrading FID scores or sample quality.",
        claims=[Claim("4.53x", 4.53, "x", "speedup", change="increase"),
                Claim("5.32x", 5.32, "x", "speedup", change="increase"),
                Claim("2.96x", 2.96, "x", "speedup", change="increase"),
                Claim("2.51x", 2.51, "x", "speedup", change="increase")],
        form="lists: members share the metric named once (R8)",
        source="corpus",
    ),
    Example(
        "In C++/CUDA, our algorithms have median and maximum speedups of 45x and 6150x for GPU and 17x and 3403x for CPU, "
        "respectively, over the ranges of inputs and third-party libraries tested.",
        claims=[Claim("45x", 45.0, "x", "speedup", qualifier="average", change="increase"),
                Claim("6150x", 6150.0, "x", "speedup", qualifier="up_to", change="increase"),
                Claim("17x", 17.0, "x", "speedup", qualifier="average", change="increase"),
                Claim("3403x", 3403.0, "x", "speedup", qualifier="up_to", change="increase")],
        form='"respectively" maps qualifying adjectives to the members in turn',
        source="corpus",
    ),
    Example(
        "Overall, PIM-GPT achieves 41-137times, 631-1074times speedup and 339-1085times, 890-1632times energy efficiency "
        "over GPU and CPU baseline, respectively.",
        claims=[Claim("41-137times", 137.0, "x", "speedup", value_low=41.0, change="increase"),
                Claim("631-1074times", 1074.0, "x", "speedup", value_low=631.0, change="increase"),
                Claim("339-1085times", 1085.0, "x", "energy", value_low=339.0, change="increase"),
                Claim("890-1632times", 1632.0, "x", "energy", value_low=890.0, change="increase")],
        form='a list shares the metric word after its last member; "respectively" maps metrics named before a list',
        source="corpus",
    ),
    Example(
        "BlockLLM outperforms existing serving approaches in tail latency and GPU utilization by 33.5\\% and 20.1\\%, "
        "respectively.",
        claims=[Claim("33.5\\%", 33.5, "%", "latency", change="decrease"),  # better latency is lower latency (R21)
                Claim("20.1\\%", 20.1, "%", "utilization", change="increase")],
        form='a list shares the metric word after its last member; "respectively" maps metrics named before a list',
        source="corpus",
    ),
    Example(
        "We demonstrated a reduction of up to 79% in memory usage and 72% in prediction time.",
        claims=[Claim("79%", 79.0, "%", "memory", qualifier="up_to", change="decrease"),
                Claim("72%", 72.0, "%", "speedup", qualifier="up_to", change="decrease")],
        form='a list shares the metric word after its last member; "respectively" maps metrics named before a list',
        source="corpus",
    ),
    Example(
        "FuseMax enables attention with nearly 100% compute utilization.",
        claims=[Claim("100%", 100.0, "%", "utilization", qualifier="approx")],
        form='the longest metric phrase wins: "compute utilization", "acceptance rate"',
        source="corpus",
    ),
    Example(
        "It results in up to a 28% higher acceptance rate for long-range predictions.",
        claims=[Claim("28%", 28.0, "%", "accuracy", qualifier="up_to", change="increase")],
        form='the longest metric phrase wins: "compute utilization", "acceptance rate"',
        source="corpus",
    ),
    Example(
        "The pass rate of generated code increases from 43.3\\% to 76.8\\%.",
        claims=[Claim("43.3\\%", 43.3, "%", "accuracy"),
                Claim("76.8\\%", 76.8, "%", "accuracy")],
        form="from X to Y: two absolute claims (R12)",
        source="corpus",
    ),
    Example(
        "For instance, average performance drops from 77.67% at Level I to 32.96% at Level IV.",
        claims=[Claim("77.67%", 77.67, "%", "accuracy", qualifier="average"),
                Claim("32.96%", 32.96, "%", "accuracy", qualifier="average")],
        form="from X to Y: two absolute claims (R12)",
        source="corpus",
    ),
    Example(
        "It reaches up to 225 TFLOPs/s per A100 GPU.",
        claims=[Claim("225 TFLOPs/s", 225.0, "TFLOPS", "throughput", qualifier="up_to")],
        form="units through pint",
        source="corpus",
    ),
    Example(
        "SWE-agent resolves 57.4% of issues using a budget of approximately 2300 USD.",
        claims=[Claim("57.4%", 57.4, "%", "accuracy"),
                Claim("2300 USD", 2300.0, "USD", "cost", qualifier="approx")],
        form="units through pint",
        source="corpus",
    ),
    Example(
        "NanoFlow provides 1.91x throughput boost compared to state-of-the-art serving systems achieving 59% to 72% of "
        "optimal throughput.",
        claims=[Claim("1.91x", 1.91, "x", "throughput", change="increase"),
                Claim("59% to 72%", 72.0, "%", "utilization", value_low=59.0)],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="corpus",
    ),
    Example(
        "Our extensive experiments demonstrate that ExpertFlow achieves up to 93.72\\% GPU memory savings and enhances "
        "inference speed by 2 to 10 times compared to baseline methods.",
        claims=[Claim("93.72\\%", 93.72, "%", "memory", qualifier="up_to", change="decrease"),
                Claim("2 to 10 times", 10.0, "x", "speedup", value_low=2.0, change="increase")],
        form="a percentage before a device word is a claim; a count before one is not (R4)",
        source="corpus",
    ),
    Example(
        "We evaluate ReaLHF on the LLaMA-2 models with up to 4times70 billion parameters and 128 GPUs.",
        claims=[],
        form="not claims: setup numbers",
        source="corpus",
    ),
    Example(
        "This generalization is able to solve problems about detecting triple-wise connections that were shown to be "
        "impossible for transformers.",
        claims=[],
        form="number words that count parts or name a format, and cross-validation folds, are not factors",
        source="corpus",
    ),
    Example(
        "We introduce GLM-130B, a bilingual (English and Chinese) pre-trained language model with 130 billion parameters.",
        claims=[],
        form="the sizes of the models a paper describes or studies are not claims (R5)",
        source="corpus",
    ),
    Example(
        "However, the original scaling law paper by OpenAI did not disclose the complete details necessary to derive the "
        "precise scaling law formulas, and their conclusions are only based on models containing up to 1.5 billion "
        "parameters.",
        claims=[],
        form="the sizes of the models a paper describes or studies are not claims (R5)",
        source="corpus",
    ),
    Example(
        "Prompted by these insights, a thorough review of existing ML literature was conducted, utilizing large language "
        "models to analyze over 1.5 million papers from arXiv.",
        claims=[],
        form="a count of things is not a size the system reaches; a trend over time is background (R7)",
        source="corpus",
    ),
    Example(
        "The rapid advancement of large language models (LLMs) has been paralleled by unprecedented increases in "
        "computational demands, with training costs for state-of-the-art models doubling every few months.",
        claims=[],
        form="a count of things is not a size the system reaches; a trend over time is background (R7)",
        source="corpus",
    ),
    Example(
        "For the training of the 175 Billion parameter model and the 1 Trillion parameter model, we achieved 100% weak "
        "scaling efficiency on 1024 and 3072 MI250X GPUs, respectively.",
        claims=[Claim("100%", 100.0, "%", "utilization")],
        form='a size used is not a claim (R5): "the training of the 175 Billion parameter model"',
        source="corpus",
    ),
    Example(
        "In terms of parallel speedup, our design improves the sequential execution by 7.04x on average on the targeted "
        "octa-core platforms leading to energy and latency decrease up to 87%.",
        claims=[Claim("7.04x", 7.04, "x", "speedup", qualifier="average", change="increase"),
                Claim("87%", 87.0, "%", "energy", qualifier="up_to", change="decrease")],
        form="one number that covers two metrics is read under the first metric named (R17)",
        source="corpus",
    ),
    Example(
        "Experimental results show that a target-optimized emulation library can lead to an average 1.61x runtime "
        "improvement and 37% energy reduction compared to a standard emulation library, while the native FPU support "
        "reaches up to 32.09x and 99%, respectively.",
        claims=[Claim("1.61x", 1.61, "x", "speedup", qualifier="average", change="increase"),
                Claim("37%", 37.0, "%", "energy", change="decrease"),
                Claim("32.09x", 32.09, "x", "speedup", qualifier="up_to", change="increase"),
                Claim("99%", 99.0, "%", "energy", qualifier="up_to", change="decrease")],
        form='a change word belongs to its own conjunct ("improvement and 37% energy reduction"); a "respectively" list '
             "that names no metric reads as the figures right before it, as many and of the same units",
        source="corpus",
    ),
    Example(
        "Notably, on HotpotQA, when applied to gpt-4o-mini, AoT achieves an 80.6% F1 score, surpassing o3-mini by 3.4% and "
        "DeepSeek-R1 by 10.6%.",
        claims=[Claim("80.6%", 80.6, "%", "accuracy"),
                Claim("3.4%", 3.4, "%", "accuracy", change="increase"),
                Claim("10.6%", 10.6, "%", "accuracy", change="increase")],
        form='a change word after a comma does not make a score a change ("surpassing X by 3.4%" is the change)',
        source="corpus",
    ),
    Example(
        "For 22 Billion, 175 Billion, and 1 Trillion parameters, we achieved GPU throughputs of 38.38%, 36.14%, and "
        "31.96%, respectively.",
        claims=[Claim("38.38%", 38.38, "%", "utilization"),
                Claim("36.14%", 36.14, "%", "utilization"),
                Claim("31.96%", 31.96, "%", "utilization")],
        form="an absolute percentage of a throughput is a share of its peak",
        source="corpus",
    ),
]

# Sentences written for the form.
INVENTED = [
    Example(
        "It brings 2x sim 3x higher throughput on our traces.",
        claims=[Claim("2x sim 3x", 3.0, "x", "throughput", value_low=2.0, change="increase")],
        form="a range written with the residue of LaTeX's \\sim between its ends",
        source="invented",
    ),
    Example(
        "We achieve a compression ratio of 5.3 on genomic data.",
        claims=[Claim("5.3", 5.3, "", "compression")],
        form="a unitless ratio that a metric's name gives it is a claim; a number inside a name is not",
        source="invented",
    ),
    Example(
        "We observe a scaling efficiency of 0.94 on 384 GCDs.",
        claims=[Claim("0.94", 0.94, "", "utilization")],
        form="a unitless ratio that a metric's name gives it is a claim; a number inside a name is not",
        source="invented",
    ),
    Example(
        "It speeds up Llama2-7B-128K by up to 2.31x.",
        claims=[Claim("2.31x", 2.31, "x", "speedup", qualifier="up_to", change="increase")],
        form="a unitless ratio that a metric's name gives it is a claim; a number inside a name is not",
        source="invented",
    ),
    Example(
        "The proposed scheduler achieves up to 1.6x and on average 1.3x speedup.",
        claims=[Claim("1.6x", 1.6, "x", "speedup", qualifier="up_to", change="increase"),
                Claim("1.3x", 1.3, "x", "speedup", qualifier="average", change="increase")],
        form="a list whose members carry their own qualifiers",
        source="invented",
    ),
    Example(
        "It improves over the previous best by 3.1 points on average.",
        claims=[Claim("3.1 points", 3.1, "", "accuracy", qualifier="average", change="increase")],
        form='points after "by" and a change verb further back',
        source="invented",
    ),
    Example(
        "The ranker reaches 81.4% recall (std 0.6%) across five seeds.",
        claims=[Claim("81.4%", 81.4, "%", "accuracy")],
        form='R9: an error bar written out ("standard deviation", "std", "SD") is not a claim of its own',
        source="invented",
    ),
    Example(
        "Mean reward is 412 points (SD = 9) after tuning.",
        claims=[],
        form='R9: an error bar written out ("standard deviation", "std", "SD") is not a claim of its own',
        source="invented",
    ),
    Example(
        "Previous studies have shown that 30% of cloud VMs are idle. Our packer cuts idle capacity by 12%.",
        claims=[Claim("12%", 12.0, "%", "other", change="decrease")],
        form="R7: what prior studies report is background",
        source="invented",
    ),
    Example(
        "We measure 9.3% and 17.5% of end-to-end speedups on one and two nodes.",
        claims=[Claim("9.3%", 9.3, "%", "speedup", change="increase"),
                Claim("17.5%", 17.5, "%", "speedup", change="increase")],
        form='"N% and M% of <change noun>s": changes, not shares',
        source="invented",
    ),
    Example(
        "The tuned model scores 83.1 on MT-Bench.",
        claims=[Claim("83.1", 83.1, "", "accuracy")],
        form="a unitless score on a named benchmark is a claim",
        source="invented",
    ),
    Example(
        "The agent completes 47.3% of tasks on WebArena, compared with 14.9% for the GPT-4 baseline.",
        claims=[Claim("47.3%", 47.3, "%", "accuracy"),
                Claim("14.9%", 14.9, "%", "accuracy")],
        form='shares of what is solved; a figure given after "compared with" is measured as the one before',
        source="invented",
    ),
    Example(
        "Annotators prefer our summaries in 68% of comparisons.",
        claims=[Claim("68%", 68.0, "%", "accuracy")],
        form='a rate of outcomes: "in N% of comparisons"',
        source="invented",
    ),
    Example(
        "The retriever lifts Recall@10 from 61.2 to 74.8.",
        claims=[Claim("61.2", 61.2, "", "accuracy"),
                Claim("74.8", 74.8, "", "accuracy")],
        form='"recall@k" is one keyword',
        source="invented",
    ),
    Example(
        "We reduce the KV cache footprint by 80% with a negligible perplexity increase.",
        claims=[Claim("80%", 80.0, "%", "memory", change="decrease")],
        form='"by N%" binds to the verb before it, not to a change word later in the clause',
        source="invented",
    ),
    Example(
        "The model reaches 90% of GPT-4's accuracy at 5% of its cost.",
        claims=[Claim("90%", 90.0, "%", "accuracy"),
                Claim("5%", 5.0, "%", "cost")],
        form='"N% of <keyword>" names what N is a share of',
        source="invented",
    ),
    Example(
        "The prefetcher raises IPC by 12.4% on average, and by up to 41% on memory-intensive workloads.",
        claims=[Claim("12.4%", 12.4, "%", "speedup", qualifier="average", change="increase"),
                Claim("41%", 41.0, "%", "speedup", qualifier="up_to", change="increase")],
        form='"memory-intensive" describes a workload; a share "of the total runtime" is a claim; "under 80% load" is a '
             "condition",
        source="invented",
    ),
    Example(
        "Scheduling overhead is under 3% of the total runtime.",
        claims=[Claim("3%", 3.0, "%", "speedup", qualifier="at_most", change="increase")],
        form='"memory-intensive" describes a workload; a share "of the total runtime" is a claim; "under 80% load" is a '
             "condition",
        source="invented",
    ),
    Example(
        "Tail latency stays at 120 us under 80% load.",
        claims=[Claim("120 us", 120.0, "µs", "latency")],
        form='"memory-intensive" describes a workload; a share "of the total runtime" is a claim; "under 80% load" is a '
             "condition",
        source="invented",
    ),
    Example(
        "We label 5,000 images per class and reach 91.2% accuracy.",
        claims=[Claim("91.2%", 91.2, "%", "accuracy")],
        form="R5: a count of samples, queries, images ... is a claim only when reached or needed, not when drawn or used",
        source="invented",
    ),
    Example(
        "The policy converges after requiring at most 20,000 samples.",
        claims=[Claim("20,000 samples", 20000.0, "sample", "other", qualifier="at_most")],
        form="R5: a count of samples, queries, images ... is a claim only when reached or needed, not when drawn or used",
        source="invented",
    ),
    Example(
        "Top-1 accuracy improves to 91.3% after distillation.",
        claims=[Claim("91.3%", 91.3, "%", "accuracy")],
        form='"to N" after a change verb: the level reached, absolute (R12)',
        source="invented",
    ),
    Example(
        "Distillation improves top-1 accuracy by 2.1%.",
        claims=[Claim("2.1%", 2.1, "%", "accuracy", change="increase")],
        form='"to N" after a change verb: the level reached, absolute (R12)',
        source="invented",
    ),
    Example(
        "Speculative decoding achieves up to 2.49times speedup on MobileLlama.",
        claims=[Claim("2.49times", 2.49, "x", "speedup", qualifier="up_to", change="increase")],
        form="factors, with LaTeX residue",
        source="invented",
    ),
    Example(
        "The sparsity factor 0.5 is used for all layers.",
        claims=[],
        form='"factor" before a number makes it a factor: "factor of", "factor up to", "by a factor 5"; not "sparsity '
             'factor 0.5"',
        source="invented",
    ),
    Example(
        "It trims overheads across the stack (CPU—80%, storage—90%).",
        claims=[Claim("80%", 80.0, "%", "other"),
                Claim("90%", 90.0, "%", "memory")],
        form='a percentage after a word and a dash is not the tail of a name (GPT-3): "CPU—80%", "storage-90%"',
        source="invented",
    ),
    Example(
        "Our encoder beats both teachers by 3.1 and 2.4 mIoU.",
        claims=[Claim("3.1", 3.1, "", "accuracy", change="increase"),
                Claim("2.4", 2.4, "", "accuracy", change="increase")],
        form="a list of plain numbers shares the unit or score word after its last member",
        source="invented",
    ),
    Example(
        "The translator beats the previous best by 1.8 and 5.2 in BLEU and chrF scores.",
        claims=[Claim("1.8", 1.8, "", "accuracy", change="increase"),
                Claim("5.2", 5.2, "", "accuracy", change="increase")],
        form="a list of plain numbers shares the unit or score word after its last member",
        source="invented",
    ),
    Example(
        "The filter shows a large recall increase for benign inputs from 0.92 to 0.95.",
        claims=[Claim("0.92", 0.92, "", "accuracy"),
                Claim("0.95", 0.95, "", "accuracy")],
        form="a decimal with a score word a few words before it",
        source="invented",
    ),
    Example(
        "The scheme cuts control traffic by six orders of magnitude.",
        claims=[Claim("six orders of magnitude", 1000000.0, "x", "other", change="decrease")],
        form="R6: a definite number of orders of magnitude",
        source="invented",
    ),
    Example(
        "The new scheduler brings tail latency from 80 ms to 20 ms.",
        claims=[Claim("80 ms", 80.0, "ms", "latency"),
                Claim("20 ms", 20.0, "ms", "latency")],
        form='R12 whichever end is larger: "from 80 ms to 20 ms" is two absolute claims; the "to" of a setup "from" is '
             "setup",
        source="invented",
    ),
    Example(
        "We vary the sampling fraction from 80% to 10% and keep 2x higher throughput.",
        claims=[Claim("2x", 2.0, "x", "throughput", change="increase")],
        form='R12 whichever end is larger: "from 80 ms to 20 ms" is two absolute claims; the "to" of a setup "from" is '
             "setup",
        source="invented",
    ),
    Example(
        "Each node reports every 5 minutes, and we test at a confidence level of 95%.",
        claims=[],
        form="periods, confidence levels and ideals are settings, not results",
        source="invented",
    ),
    Example(
        "Our heuristic improved overall execution time by 16% over list scheduling.",
        claims=[Claim("16%", 16.0, "%", "speedup", change="decrease")],
        form='"better" said of an amount of time: it went down (R13, R21)',
        source="invented",
    ),
    Example(
        "It brings a 10x speedup and 4x memory reduction over the sampler.",
        claims=[Claim("10x", 10.0, "x", "speedup", change="increase"),
                Claim("4x", 4.0, "x", "memory", change="decrease")],
        form='the change noun right after a factor\'s metric ("4x memory reduction"), not the other figure\'s word',
        source="invented",
    ),
    Example(
        "Spot pricing reduces cost by 70% relative to on-demand, and by 25% relative to reserved instances.",
        claims=[Claim("70%", 70.0, "%", "cost", change="decrease"),
                Claim("25%", 25.0, "%", "cost", change="decrease")],
        form='gapping: ", and by N" repeats the previous figure\'s change',
        source="invented",
    ),
    Example(
        "We achieve gains up to 12.5% on the MMLU benchmark, 8.1% on GSM8K and 3.3% on HumanEval.",
        claims=[Claim("12.5%", 12.5, "%", "accuracy", qualifier="up_to", change="increase"),
                Claim("8.1%", 8.1, "%", "accuracy", qualifier="up_to", change="increase"),
                Claim("3.3%", 3.3, "%", "accuracy", qualifier="up_to", change="increase")],
        form='a list whose members each name their benchmark in a few words ("on the GSM8K dataset")',
        source="invented",
    ),
    Example(
        "Our planner outperforms the greedy schedule up to 19% in goodput.",
        claims=[Claim("19%", 19.0, "%", "throughput", qualifier="up_to", change="increase")],
        form="a comparison verb, what it beats, then a percentage: the comparison is the change",
        source="invented",
    ),
    Example(
        "Our benchmark contains 10,000 samples drawn from 12 domains.",
        claims=[],
        form="the size of what a dataset contains is setup",
        source="invented",
    ),
    Example(
        "The cluster links nodes with 400Gbps InfiniBand and reaches 2x higher goodput.",
        claims=[Claim("2x", 2.0, "x", "throughput", change="increase")],
        form="a link's speed is the hardware's configuration; a detection share is a quality; device time is a cost in "
             'GPU*hour; "accuracy points" are percentage points (R14)',
        source="invented",
    ),
    Example(
        "Our detector detects 98.5% of the attacks.",
        claims=[Claim("98.5%", 98.5, "%", "accuracy")],
        form="a link's speed is the hardware's configuration; a detection share is a quality; device time is a cost in "
             'GPU*hour; "accuracy points" are percentage points (R14)',
        source="invented",
    ),
    Example(
        "Fine-tuning takes only 74 GPU hours.",
        claims=[Claim("74 GPU hours", 74.0, "GPU*hour", "cost")],
        form="a link's speed is the hardware's configuration; a detection share is a quality; device time is a cost in "
             'GPU*hour; "accuracy points" are percentage points (R14)',
        source="invented",
    ),
    Example(
        "It beats the baseline by 3.1 accuracy points.",
        claims=[Claim("3.1 accuracy points", 3.1, "pp", "accuracy", change="increase")],
        form="a link's speed is the hardware's configuration; a detection share is a quality; device time is a cost in "
             'GPU*hour; "accuracy points" are percentage points (R14)',
        source="invented",
    ),
    Example(
        "Our fuzzer uncovered 42 previously unknown bugs in 12 libraries.",
        claims=[Claim("42", 42.0, "", "other")],
        form="a count of what the system found is a result (cues.toml [found]); a count of what it was run on is not",
        source="invented",
    ),
    Example(
        "We ran the checker on 4,838 apps and identified 597 vulnerable authorizations.",
        claims=[Claim("597", 597.0, "", "other")],
        form="a count of what the system found is a result (cues.toml [found]); a count of what it was run on is not",
        source="invented",
    ),
    Example(
        "We identify 3 key challenges of serving.",
        claims=[],
        form="a count of what the system found is a result (cues.toml [found]); a count of what it was run on is not",
        source="invented",
    ),
    Example(
        "This yields 2x to 5x speedups on OPT models.",
        claims=[Claim("2x to 5x", 5.0, "x", "speedup", value_low=2.0, change="increase")],
        form="percentages and ranges",
        source="invented",
    ),
    Example(
        "Our method improves throughput by 1.1x to 2x over vLLM.",
        claims=[Claim("1.1x to 2x", 2.0, "x", "throughput", value_low=1.1, change="increase")],
        form="percentages and ranges",
        source="invented",
    ),
    Example(
        "It attains 2.2-3.3X higher throughput.",
        claims=[Claim("2.2-3.3X", 3.3, "x", "throughput", value_low=2.2, change="increase")],
        form="percentages and ranges",
        source="invented",
    ),
    Example(
        "Our approach reduces the memory footprint by up to 79%.",
        claims=[Claim("79%", 79.0, "%", "memory", qualifier="up_to", change="decrease")],
        form="reductions",
        source="invented",
    ),
    Example(
        "Compared with FasterTransformer, it reduces latency by 37%.",
        claims=[Claim("37%", 37.0, "%", "latency", change="decrease")],
        form="reductions",
        source="invented",
    ),
    Example(
        "Our implementation achieves 1148 tokens/s on Ascend NPUs.",
        claims=[Claim("1148 tokens/s", 1148.0, "token/s", "throughput")],
        form="units through pint",
        source="invented",
    ),
    Example(
        "The end-to-end latency is 17.1 ms on ResNet8.",
        claims=[Claim("17.1 ms", 17.1, "ms", "latency")],
        form="units through pint",
        source="invented",
    ),
    Example(
        "Our method is an order of magnitude faster than existing approaches.",
        claims=[Claim("an order of magnitude", 10.0, "x", "speedup", change="increase")],
        form="number words (R6)",
        source="invented",
    ),
    Example(
        "The system delivers a ten-fold increase in throughput.",
        claims=[Claim("ten-fold", 10.0, "x", "throughput", change="increase")],
        form="number words (R6)",
        source="invented",
    ),
    Example(
        "Our approach cuts energy consumption by a factor of 3.2 relative to the CPU implementation.",
        claims=[Claim("3.2", 3.2, "x", "energy", change="decrease")],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="invented",
    ),
    Example(
        "The accelerator delivers 4.5 TOPS/W at 28nm.",
        claims=[Claim("4.5 TOPS/W", 4.5, "", "energy")],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="invented",
    ),
    Example(
        "The kernel reaches 0.81 MAC/clk on the cluster.",
        claims=[Claim("0.81 MAC/clk", 0.81, "", "throughput")],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="invented",
    ),
    Example(
        "Our system trains 3x faster and uses 50% less memory than PyTorch.",
        claims=[Claim("3x", 3.0, "x", "speedup", change="increase"),
                Claim("50%", 50.0, "%", "memory", change="decrease")],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="invented",
    ),
    Example(
        "Our kernel attains 92% of the memory bandwidth of the H100 GPU.",
        claims=[Claim("92%", 92.0, "%", "utilization")],
        form='"a factor of", units pint does not parse written "" (R11), the cue right after a percentage',
        source="invented",
    ),
    Example(
        "Our method achieves state-of-the-art results, with an average improvement of 3.4 points over prior work across 12 "
        "benchmarks.",
        claims=[Claim("3.4 points", 3.4, "", "accuracy", qualifier="average", change="increase")],
        form='points: a claim when a score word or a change word says so (not "1000 points")',
        source="invented",
    ),
    Example(
        "Compared with Faster R-CNN, our detector improves mAP by 2.3 points on COCO.",
        claims=[Claim("2.3 points", 2.3, "", "accuracy", change="increase")],
        form='points: a claim when a score word or a change word says so (not "1000 points")',
        source="invented",
    ),
    Example(
        "Each point cloud is downsampled to 1024 points before training.",
        claims=[],
        form='points: a claim when a score word or a change word says so (not "1000 points")',
        source="invented",
    ),
    Example(
        "We evaluate on 8 A100 GPUs with Llama2-70B and OPT-6.7B models.",
        claims=[],
        form="not claims: setup numbers",
        source="invented",
    ),
    Example(
        "We collect 10,000 subject samples across 12 tasks in 2023.",
        claims=[],
        form="not claims: setup numbers",
        source="invented",
    ),
    Example(
        "We report pass@200 and top-5 results.",
        claims=[],
        form="not claims: setup numbers",
        source="invented",
    ),
    Example(
        "All requests are served under a 15 ms SLO.",
        claims=[],
        form="not claims: setup numbers",
        source="invented",
    ),
    Example(
        "Our contribution is two-fold.",
        claims=[],
        form="number words that count parts or name a format, and cross-validation folds, are not factors",
        source="invented",
    ),
    Example(
        "The challenges are threefold: data movement, load imbalance and stragglers.",
        claims=[],
        form="number words that count parts or name a format, and cross-validation folds, are not factors",
        source="invented",
    ),
    Example(
        "Double-precision GEMM reaches 90% of peak.",
        claims=[Claim("90%", 90.0, "%", "utilization")],
        form="number words that count parts or name a format, and cross-validation folds, are not factors",
        source="invented",
    ),
    Example(
        "Models are selected by 10-fold cross-validation, then by ten-fold cross validation on the test split.",
        claims=[],
        form="number words that count parts or name a format, and cross-validation folds, are not factors",
        source="invented",
    ),
    Example(
        "Our system can train models with over 100 billion parameters on 400 GPUs.",
        claims=[Claim("100 billion parameters", 100000000000.0, "", "scale", qualifier="at_least")],
        form="the sizes of the models a paper describes or studies are not claims (R5) ... but a size the system reaches "
             'is, a qualifier and "models with" between the verb and the size',
        source="invented",
    ),
    Example(
        "Our scheduler improves tail latency by 30% over vLLM.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease")],
        form='"better" said of a metric where less is better: the quantity went down (R21) ...',
        source="invented",
    ),
    Example(
        "Our method improves energy efficiency by 30% over the baseline.",
        claims=[Claim("30%", 30.0, "%", "energy", change="increase")],
        form='"better" said of a metric where less is better: the quantity went down (R21) ... but not of an efficiency, '
             'nor of a factor ("latency gain" stated as a factor is a speedup, R20)',
        source="invented",
    ),
    Example(
        "It improves KV cache hit ratio by 30% over LRU.",
        claims=[Claim("30%", 30.0, "%", "accuracy", change="increase")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike (what "by" measures is '
             'the hit ratio, which "KV cache" only qualifies)',
        source="invented",
    ),
    Example(
        "Our approach reduces memory and 30% of the latency compared to vLLM.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease")],
        form='a change word belongs to its own conjunct ("improvement and 37% energy reduction"); a "respectively" list '
             "that names no metric reads as the figures right before it, as many and of the same units ... but a verb "
             "before both conjuncts still counts, and a list of one unit, or one naming its metric, keeps its own reading "
             '(the figure measures what it is a share of: "30% of the latency")',
        source="invented",
    ),
    Example(
        "It improves throughput by 2x and 3x on A100 and H100, respectively.",
        claims=[Claim("2x", 2.0, "x", "throughput", change="increase"),
                Claim("3x", 3.0, "x", "throughput", change="increase")],
        form='a change word belongs to its own conjunct ("improvement and 37% energy reduction"); a "respectively" list '
             "that names no metric reads as the figures right before it, as many and of the same units ... but a verb "
             "before both conjuncts still counts, and a list of one unit, or one naming its metric, keeps its own reading "
             '(the figure measures what it is a share of: "30% of the latency")',
        source="invented",
    ),
    Example(
        "The pass@1 rate improves from 32.1% to 48.6% on HumanEval.",
        claims=[Claim("32.1%", 32.1, "%", "accuracy"),
                Claim("48.6%", 48.6, "%", "accuracy")],
        form='"pass@1 rate" is a score, not a rate of work',
        source="invented",
    ),
    Example(
        "The system achieves a 95th percentile latency of 200 ms, which is 3x lower than Clipper.",
        claims=[Claim("200 ms", 200.0, "ms", "latency"),
                Claim("3x", 3.0, "x", "latency", change="decrease")],
        form='a relative clause about a figure ("..., which is 3x lower") takes the metric its antecedent names (R20)',
        source="invented",
    ),
    Example(
        "It reaches a throughput of 900 tokens/s, which is 2.1x higher than vLLM.",
        claims=[Claim("900 tokens/s", 900.0, "token/s", "throughput"),
                Claim("2.1x", 2.1, "x", "throughput", change="increase")],
        form='a relative clause about a figure ("..., which is 3x lower") takes the metric its antecedent names (R20)',
        source="invented",
    ),
    Example(
        "The 7B model is 1.5 points higher than Llama-2-13B on MMLU.",
        claims=[Claim("1.5 points", 1.5, "", "accuracy", change="increase", baseline="Llama-2-13B", workload="MMLU")],
        form='R21: "N <unit> <comparative> than X" states a change, whatever the unit',
        source="invented",
    ),
    Example(
        "Our cache answers reads with 12 ms lower tail latency than Redis.",
        claims=[Claim("12 ms", 12.0, "ms", "latency", change="decrease", baseline="Redis")],
        form='R21: "N <unit> <comparative> than X" states a change, whatever the unit',
        source="invented",
    ),
    Example(
        "Our model achieves state-of-the-art results, 4.5 BLEU higher than the previous best.",
        claims=[Claim("4.5", 4.5, "", "accuracy", change="increase", baseline="the previous best")],
        form='R21: "N <unit> <comparative> than X" states a change, whatever the unit',
        source="invented",
    ),
    Example(
        "The agent outperforms GPT-4 (+4.3 points) on WebArena.",
        claims=[Claim("4.3 points", 4.3, "", "accuracy", change="increase", baseline="GPT-4", workload="WebArena")],
        form='a sign before the figure: "+N" is an increase, whatever the unit',
        source="invented",
    ),
    Example(
        "Our largest model reaches a Lichess blitz Elo of 2895 against humans.",
        claims=[Claim("2895", 2895.0, "", "accuracy")],
        form='a whole number a score word gives ("<score> of N") is a score, not a count',
        source="corpus",
    ),
    Example(
        "The translator reaches a BLEU score of 31 on WMT14 with 8 GPUs.",
        claims=[Claim("31", 31.0, "", "accuracy", workload="WMT14")],
        form='a whole number a score word gives ("<score> of N") is a score, not a count',
        source="invented",
    ),
    Example(
        "The codec achieves 32.5 dB PSNR on Kodak and improves SSIM by 0.02.",
        claims=[Claim("32.5 dB", 32.5, "dB", "accuracy"),
                Claim("0.02", 0.02, "", "accuracy", change="increase")],
        form="a level in decibels (dB) is a claim; PSNR names a quality",
        source="invented",
    ),

    Example(
        "The student outperforms Phi-1.5 by 12.0 and 8.4 points, respectively.",
        claims=[Claim("12.0", 12.0, "", "accuracy", change="increase", baseline="Phi-1.5"),
                Claim("8.4 points", 8.4, "", "accuracy", change="increase", baseline="Phi-1.5")],
        form='a later member of a list of points reaches back to its list\'s change word ("by N and M points")',
        source="invented",
    ),
    Example(
        "The filtered model beats the unfiltered one by 4.1 points on MMLU and 7.3 points on ARC-Challenge.",
        claims=[Claim("4.1 points", 4.1, "", "accuracy", change="increase", workload="MMLU"),
                Claim("7.3 points", 7.3, "", "accuracy", change="increase", workload="ARC-Challenge")],
        form='a later member of a list of points reaches back to its list\'s change word ("by N points on A and M '
             'points on B")',
        source="invented",
    ),
    Example(
        "On MT-Bench, ReflectPO scores 7.84, compared with 7.31 for DPO.",
        claims=[Claim("7.84", 7.84, "", "accuracy", workload="MT-Bench"),
                Claim("7.31", 7.31, "", "accuracy", workload="MT-Bench")],
        form='"<system> scores N": the verb is a score word',
        source="invented",
    ),
    Example(
        "The video model achieves an FVD of 242 on UCF-101 and a gFID of 2.13 on ImageNet.",
        claims=[Claim("242", 242.0, "", "accuracy", workload="UCF-101"),
                Claim("2.13", 2.13, "", "accuracy", workload="ImageNet")],
        form="generation-quality scores (FVD, gFID) are scores: a whole number they give is not a count",
        source="invented",
    ),
    Example(
        "Kestrel cuts the write latency from 9.1 \u03bcs to 1.6 \u03bcs.",
        claims=[Claim("9.1 \u03bcs", 9.1, "µs", "latency"), Claim("1.6 \u03bcs", 1.6, "µs", "latency")],
        form="a Greek mu (U+03BC) is the micro sign: microseconds",
        source="invented",
    ),
    Example(
        "When looking ahead two layers, expert prediction accuracy is $>$90\\% and the miss rate is $<$2\\%.",
        claims=[Claim("90\\%", 90.0, "%", "accuracy", qualifier="at_least"),
                Claim("2\\%", 2.0, "%", "accuracy", qualifier="at_most")],
        form='LaTeX comparison signs are qualifiers: "$>$" at_least, "$<$" at_most',
        source="invented",
    ),
    Example(
        "We introduce Qwen2.5-1M, a series of models that extend the context length to 1 million tokens.",
        claims=[Claim("1 million tokens", 1e6, "token", "scale")],
        form='R5: "extend the context length (of X) to N" presents a size the system reaches',
        source="corpus",
    ),
    Example(
        "Position interpolation extends the context window of Mistral-7B to 256K tokens.",
        claims=[Claim("256K tokens", 256000.0, "token", "scale", workload="Mistral-7B")],
        form='R5: "extend the context length (of X) to N" presents a size the system reaches',
        source="invented",
    ),
    Example(
        "We further propose a remedy that encourages models to think twice before answering the question. "
        "Surprisingly, this simple method can even double the accuracy.",
        claims=[Claim("double", 2.0, "x", "accuracy", change="increase")],
        form='R6: "twice" is a factor before "as", "the" or a comparative, not a repetition ("think twice")',
        source="corpus",
    ),
    Example(
        "Each request is retried twice on failure, and the cache delivers twice the hit rate of LRU.",
        claims=[Claim("twice", 2.0, "x", "accuracy", change="increase", baseline="LRU")],
        form='R6: "twice" is a factor before "as", "the" or a comparative, not a repetition ("think twice")',
        source="invented",
    ),
    Example(
        "On the MIMIC-IV test split, the model achieved an AUROC of 0.874 (95% CI 0.861-0.887), outperforming the "
        "Epic Sepsis Model (AUROC 0.763; p < 0.001).",
        claims=[Claim("0.874", 0.874, "", "accuracy"), Claim("0.763", 0.763, "", "accuracy")],
        form="R9: a confidence interval and a p-value are statistics about a figure, not figures",
        source="invented",
    ),
    Example(
        "AffiGNN achieves a Pearson correlation of 0.852, while PIGNet and OnionNet-2 reach correlations of 0.761 and "
        "0.816, respectively.",
        claims=[Claim("0.852", 0.852, "", "accuracy"), Claim("0.761", 0.761, "", "accuracy"),
                Claim("0.816", 0.816, "", "accuracy")],
        form="a score word in the plural gives its numbers too; quality scores of other fields (Dice, RMSE, MAE, "
             "C-index, fidelity, errors)",
        source="invented",
    ),
    Example(
        "MissFormer reaches a Hausdorff distance of 3.6 mm, while the tracker needs 2 devices within a radius of 1 km.",
        claims=[Claim("3.6 mm", 3.6, "mm", "accuracy")],
        form="a length is a claim only with a metric word near it, not the size of a setup",
        source="invented",
    ),
    Example(
        "Our framework achieved an R^2 score of 0.98 for runtime prediction and 0.78 for power prediction.",
        claims=[Claim("0.98", 0.98, "", "accuracy"), Claim("0.78", 0.78, "", "accuracy")],
        form='a metric noun before "prediction" names a task, not the metric ("0.78 for power prediction")',
        source="corpus",
    ),
    Example(
        "We propose a novel interleaved pipeline parallelism schedule that can improve throughput by 10+% with memory "
        "footprint comparable to existing approaches.",
        claims=[Claim("10+%", 10.0, "%", "throughput", qualifier="at_least", change="increase")],
        form='"N+" in a mention is at least N',
        source="corpus",
    ),
    Example(
        "The deployment costs $250K+ a year, and the scheduler cuts queueing delay by 30+%.",
        claims=[Claim("$250K+", 250000.0, "USD", "cost", qualifier="at_least"),
                Claim("30+%", 30.0, "%", "latency", qualifier="at_least", change="decrease")],
        form='"N+" in a mention is at least N',
        source="invented",
    ),
    Example(
        "The rollout freed 1,200 node hours in savings and cut the bill by 40%.",
        claims=[Claim("1,200 node hours", 1200.0, "hour", "cost", change="decrease"),
                Claim("40%", 40.0, "%", "cost", change="decrease")],
        form='"N <unit> in <change noun>": the noun says the direction ("in savings": a decrease)',
        source="invented",
    ),
    Example(
        "The tail latency increases by four percent at most. The controller uses less than one percent of the CPU.",
        claims=[Claim("four percent", 4.0, "%", "latency", change="increase"),
                Claim("one percent", 1.0, "%", "other", qualifier="at_most")],
        form='R6: a cardinal in words before "percent" is a percentage ("four percent"), not before "percentage points"',
        source="invented",
    ),
    Example(
        "MarginPO reaches a win rate of 44.1% on AlpacaEval 2.0 and 35.8% on Arena-Hard, exceeding SimPO by +3.4 and "
        "+2.9 points, respectively.",
        claims=[Claim("44.1%", 44.1, "%", "accuracy"),
                Claim("35.8%", 35.8, "%", "accuracy", workload="Arena-Hard"),
                Claim("3.4", 3.4, "", "accuracy", change="increase", baseline="SimPO"),
                Claim("2.9 points", 2.9, "", "accuracy", change="increase", baseline="SimPO")],
        form='a number that ends a benchmark\'s name is its version ("AlpacaEval 2.0"); a list of signed figures shares '
             'its unit ("+3.4 and +2.9 points")',
        source="invented",
    ),
    Example(
        "Training costs under \\$2,000 on rented A100s, and inference costs \\$0.84 per task.",
        claims=[Claim("$2,000", 2000.0, "USD", "cost", qualifier="at_most"),
                Claim("$0.84", 0.84, "USD", "cost")],
        form='an escaped dollar sign ("\\$2,000", LaTeX) is a currency',
        source="invented",
    ),
    Example(
        "ToolForge-8B reaches an overall accuracy of 85.9%, trailing GPT-4-Turbo by only 1.2 points.",
        claims=[Claim("85.9%", 85.9, "%", "accuracy"),
                Claim("1.2 points", 1.2, "", "accuracy", change="decrease", baseline="GPT-4-Turbo")],
        form='points after a comparison verb\'s "by" are a change: "trailing X by N points" a decrease, "surpassing X by '
             'N points" an increase',
        source="invented",
    ),
    Example(
        "Fine-tuning on the synthetic problems lifts MATH accuracy to 64.9%, 10.3 points above training on MetaMathQA.",
        claims=[Claim("64.9%", 64.9, "%", "accuracy"),
                Claim("10.3 points", 10.3, "", "accuracy", change="increase")],
        form='"N points above/below X" is a change',
        source="invented",
    ),
    Example(
        "At a fixed specificity of 90%, sensitivity on the held-out split was 61.3% when predicting onset 6 hours in advance.",
        claims=[Claim("61.3%", 61.3, "%", "accuracy")],
        form='setup of a measurement: the operating point ("at a fixed specificity of 90%") and the horizon ("6 hours in '
             'advance")',
        source="invented",
    ),
    Example(
        "HelixCall processes a 30x HG002 genome in 21 minutes on 8 A100 GPUs, 34x faster than GATK.",
        claims=[Claim("21 minutes", 21.0, "minute", "latency"),
                Claim("34x", 34.0, "x", "speedup", change="increase", baseline="GATK")],
        form='a sequencing depth ("a 30x genome") is setup, not a factor',
        source="invented",
    ),
    Example(
        "At external validation, the model achieved an AUROC of 0.87 (95% CI, 0.86-0.88), compared with 0.74 for the "
        "Epic Sepsis Model and 0.68 for qSOFA.",
        claims=[Claim("0.87", 0.87, "", "accuracy"), Claim("0.74", 0.74, "", "accuracy"),
                Claim("0.68", 0.68, "", "accuracy")],
        form="a later member of a list of scores is a score when the list's first has a score word before it",
        source="invented",
    ),
    Example(
        "OrganSAM segments 512 x 512 x 300 volumes, and BandMamba runs on an Apple M2 laptop and uses 1.9 GB of memory.",
        claims=[Claim("1.9 GB", 1.9, "GB", "memory")],
        form='"N x M" is a product of sizes, not a factor; a size a system uses is a result even next to a device',
        source="invented",
    ),
    Example(
        "FluCast's median absolute error for the peak week was 1.0 week, and the grid forecaster's MAE is 312 MW, while "
        "a single petascale system can draw more than 10 MW.",
        claims=[Claim("1.0 week", 1.0, "week", "accuracy", qualifier="average"),
                Claim("312 MW", 312.0, "MW", "accuracy")],
        form="units of other fields (week, MW, mph, t/ha); the power of a facility with no metric word near is setup",
        source="invented",
    ),
]

# Sentences that guard a wrong output once fixed.
BUGS_CAUGHT = [
    Example(
        "Tuning improves throughput by an average of 9.2% and 13.7% on the two GPUs, respectively.",
        claims=[Claim("9.2%", 9.2, "%", "throughput", qualifier="average", change="increase"),
                Claim("13.7%", 13.7, "%", "throughput", qualifier="average", change="increase")],
        form="a list member that says nothing itself is read with its list's change: a throughput gain, not a share of "
             "peak",
        source="invented",
        bug="7081be7: a list member that says nothing itself was read as a share of peak, not with its list's change",
    ),
    Example(
        "At the same accuracy, latency drops by 30% compared with vLLM.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease")],
        form="R17 needs a conjunction and a number alone: not an introductory phrase, nor a list of numbers",
        source="invented",
        bug="7888c63, review of R17 (extractor 0.8.0): one number was read under two coordinated metrics without a "
            "conjunction and a number alone",
    ),
    Example(
        "It reduces latency and energy by 30% and 40% over the GPU baseline.",
        claims=[Claim("30%", 30.0, "%", "energy", change="decrease"),
                Claim("40%", 40.0, "%", "energy", change="decrease")],
        form="R17 needs a conjunction and a number alone: not an introductory phrase, nor a list of numbers",
        source="invented",
        bug="7888c63, review of R17 (extractor 0.8.0): one number was read under two coordinated metrics without a "
            "conjunction and a number alone",
    ),
    Example(
        "It improves memory capacity by 30% over paged attention.",
        claims=[Claim("30%", 30.0, "%", "memory", change="increase")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike',
        source="invented",
        bug="7888c63, review of R21 (extractor 0.8.0): 'better' turned a metric into a decrease where 'by' did not "
            "measure its own keyword, list members read differently, or a change word after the number counted",
    ),
    Example(
        "It improves latency by up to 30%, 40%, and 50% over vLLM, Orca, and TGI.",
        claims=[Claim("30%", 30.0, "%", "latency", qualifier="up_to", change="decrease"),
                Claim("40%", 40.0, "%", "latency", qualifier="up_to", change="decrease"),
                Claim("50%", 50.0, "%", "latency", qualifier="up_to", change="decrease")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike',
        source="invented",
        bug="7888c63, review of R21 (extractor 0.8.0): 'better' turned a metric into a decrease where 'by' did not "
            "measure its own keyword, list members read differently, or a change word after the number counted",
    ),
    Example(
        "It improves latency and throughput by 30%.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike',
        source="invented",
        bug="7888c63, review of R21 (extractor 0.8.0): 'better' turned a metric into a decrease where 'by' did not "
            "measure its own keyword, list members read differently, or a change word after the number counted",
    ),
    Example(
        "It improves tail latency by 30% with higher throughput.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike',
        source="invented",
        bug="7888c63, review of R21 (extractor 0.8.0): 'better' turned a metric into a decrease where 'by' did not "
            "measure its own keyword, list members read differently, or a change word after the number counted",
    ),
    Example(
        "It has 30% higher latency than vLLM.",
        claims=[Claim("30%", 30.0, "%", "latency", change="increase")],
        form='R21 only when "by" measures the metric itself, and the members of a list read alike',
        source="invented",
        bug="7888c63, review of R21 (extractor 0.8.0): 'better' turned a metric into a decrease where 'by' did not "
            "measure its own keyword, list members read differently, or a change word after the number counted",
    ),
    Example(
        "It achieves 30%, 40%, and 50% lower latency than vLLM.",
        claims=[Claim("30%", 30.0, "%", "latency", change="decrease"),
                Claim("40%", 40.0, "%", "latency", change="decrease"),
                Claim("50%", 50.0, "%", "latency", change="decrease")],
        form="the word right after a list's last member speaks for every member, an Oxford comma or not",
        source="invented",
        bug="d7a2179: only the last member of a list read the change word right after it: the first members gave "
            "none/increase",
    ),
    Example(
        "Existing frameworks are 2x, 3x, and 5x slower than TensorRT-LLM.",
        claims=[Claim("2x", 2.0, "x", "speedup", change="decrease"),
                Claim("3x", 3.0, "x", "speedup", change="decrease"),
                Claim("5x", 5.0, "x", "speedup", change="decrease")],
        form="the word right after a list's last member speaks for every member, an Oxford comma or not",
        source="invented",
        bug="d7a2179: only the last member of a list read the change word right after it: the first members gave "
            "none/increase",
    ),
    Example(
        "It achieves speedups of 2.1x and 3.4x, and 30% lower energy consumption than PyTorch.",
        claims=[Claim("2.1x", 2.1, "x", "speedup", change="increase"),
                Claim("3.4x", 3.4, "x", "speedup", change="increase"),
                Claim("30%", 30.0, "%", "energy", change="decrease")],
        form="the word right after a list's last member speaks for every member, an Oxford comma or not ... but a list of "
             "other units shares no word, and a member's own cue comes first",
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: a list's trailing word spoke for members of another unit",
    ),
    Example(
        "Our solution is twice as fast as the state-of-the-art system.",
        claims=[Claim("twice", 2.0, "x", "speedup", change="increase")],
        form='number words: a comparison is a claim whatever its subject; "-fold" before a comparative is a factor',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'solution is twice' was read as counting parts ('is two-fold'), which "
            "only an -fold word ending its clause does",
    ),
    Example(
        "It delivers a two-fold-higher throughput than vLLM.",
        claims=[Claim("two-fold", 2.0, "x", "throughput", change="increase")],
        form='number words: a comparison is a claim whatever its subject; "-fold" before a comparative is a factor',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'two-fold-higher' was read as a format word, not a factor",
    ),
    Example(
        "It achieves 92.3% cross-validation accuracy.",
        claims=[Claim("92.3%", 92.3, "%", "accuracy")],
        form='number words: a comparison is a claim whatever its subject; "-fold" before a comparative is a factor',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'cross-validation' after any number made it setup (folds only after "
            "N-fold)",
    ),
    Example(
        "It makes it possible to run models with up to 70B parameters on a single consumer GPU.",
        claims=[Claim("70B parameters", 70000000000.0, "", "scale", qualifier="up_to")],
        form='sizes: a verb before "models with up to" makes it a size reached; a rate\'s count is a claim',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'models with up to' was a size studied wherever it stood (only after "
            "on/for/across/in)",
    ),
    Example(
        "We report results for models with up to 33B parameters.",
        claims=[],
        form='sizes: a verb before "models with up to" makes it a size reached; a rate\'s count is a claim',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'models with up to' was a size studied wherever it stood (only after "
            "on/for/across/in)",
    ),
    Example(
        "Our system saves over 1.2 million USD every year in production.",
        claims=[Claim("1.2 million USD", 1200000.0, "USD", "cost", qualifier="at_least")],
        form='a saving every year is not a trend (R7 needs one: "doubling every few months")',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'every year' made the sentence a trend (background, R7) without a "
            "trend's verb",
    ),
    Example(
        "We use a replication factor up to 3.",
        claims=[],
        form='a setting\'s name before "factor" is no factor',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: a setting's name before 'factor up to' was read as a factor",
    ),
    Example(
        "It improves top-1 accuracy by 3.2% and 4.1% over ResNet-50 and ViT-B, reaching 78.5% and 81.3%, respectively.",
        claims=[Claim("3.2%", 3.2, "%", "accuracy", change="increase"),
                Claim("4.1%", 4.1, "%", "accuracy", change="increase"),
                Claim("78.5%", 78.5, "%", "accuracy"),
                Claim("81.3%", 81.3, "%", "accuracy")],
        form='a change word belongs to its own conjunct ("improvement and 37% energy reduction"); a "respectively" list '
             "that names no metric reads as the figures right before it, as many and of the same units ... but a verb "
             "before both conjuncts still counts, and a list of one unit, or one naming its metric, keeps its own reading "
             '(the figure measures what it is a share of: "30% of the latency")',
        source="invented",
        bug="601ab1d, review of extractor 0.8.4: a 'respectively' list of one unit was read as the figures before it",
    ),
    # R4: a size measured on a device ("on", "using", ... between them) is a result, not the device's memory
    Example(
        "FlashServe cuts the memory footprint from 80 GB to 22 GB on Jetson Orin.",
        claims=[Claim("80 GB", 80, "GB", "memory", hardware="Jetson Orin"), Claim("22 GB", 22, "GB", "memory", hardware="Jetson Orin")],
        form="R4: a size measured on a device is a result, not the device's memory",
        bug="a hardware name within 25 characters made any size the device's memory (a known miss until then)",
    ),
    Example(
        "Peak memory drops to 14 GB using two V100 GPUs.",
        has=[Has("14 GB", metric="memory", hardware="two V100 GPUs")],
        form="R4: a size measured on a device is a result, not the device's memory",
        bug="a device word within 20 characters after a size made it the device's memory",
    ),
    Example(
        "On an A100 (80 GB), our kernel reaches a 2.1x speedup over FlashAttention.",
        claims=[Claim("2.1x", 2.1, "x", "speedup", change="increase", baseline="FlashAttention")],
        form="R4: the device's own memory, in parentheses after its name, is no claim",
    ),
    # R3: a benchmark named right after the number keeps a trailing '+' of its name (HumanEval+, MBPP+)
    Example(
        "Our system reaches a pass@1 of 64.5% on HumanEval+.",
        has=[Has("64.5%", metric="accuracy", workload="HumanEval+")],
        form="R3: a benchmark whose name ends in '+', right after the number",
        bug="the workload lost the '+' of its name (HumanEval); a known miss until extractor 0.10.3",
    ),
    Example(
        "The 7B model scores 48.1 on MBPP+ and 52.0 on HumanEval+, respectively.",
        has=[Has("48.1", workload="MBPP+"), Has("52.0", workload="HumanEval+")],
        form="R3: a benchmark whose name ends in '+', right after the number",
        bug="the workload lost the '+' of its name",
    ),
    # "by" belongs to the figure right after it: an absolute figure in a next conjunct is not "by" anything
    Example(
        "Compared to DeepSpeed, Hydra accelerates end-to-end training by 12x and sustains 1,450 tokens/s.",
        has=[Has("12x", metric="speedup", change="increase", baseline="DeepSpeed"), Has("1,450 tokens/s", change="none", baseline=None)],
        form="'by' with a figure between it and the number does not govern the number",
        bug="'by' and up to three words of any kind before a number linked it to the verb of an earlier figure; a known miss until extractor 0.10.3",
    ),
    Example(
        "Against PostgreSQL, the engine improves query time by 3x and handles 120,000 queries/s.",
        has=[Has("3x", change="increase", baseline="PostgreSQL"), Has("120,000 queries/s", change="none", baseline=None)],
        form="'by' with a figure between it and the number does not govern the number",
        bug="the absolute figure took the earlier figure's change and baseline",
    ),
    # a name listed right after a name compared against is compared too: never another claim's workload
    Example(
        "Our system improves accuracy by 8% and 15% over Qwen2-72B and DeepSeek-V2, respectively, while drawing only 35 W.",
        has=[Has("8%", baseline="Qwen2-72B"), Has("15%", baseline="DeepSeek-V2"), Has("35 W", metric="energy", workload=None)],
        form="a list of names compared against ('over X and Y'), then a clause with a claim of its own",
        bug="the list's second name, 20+ characters from 'over', was read as the next claim's workload; a known miss until extractor 0.10.3",
    ),
    Example(
        "SpecKV raises accuracy by 3.1% and 4.4% over Llama-3-8B and Mistral-7B, respectively, while using only 12 GB.",
        has=[Has("3.1%", baseline="Llama-3-8B"), Has("4.4%", baseline="Mistral-7B"), Has("12 GB", metric="memory", workload=None)],
        form="a list of names compared against ('over X and Y'), then a clause with a claim of its own",
        bug="the list's second name was read as the next claim's workload",
    ),
    # R4: a number inside a hardware name (a CPU's model number) is part of the name, never a claim
    Example(
        "On an AMD EPYC 7763, it is 5.2 times faster than BWA-MEM2.",
        claims=[Claim("5.2 times", 5.2, "x", "speedup", change="increase", baseline="BWA-MEM2", hardware="AMD EPYC 7763")],
        form="R4: a number inside a hardware name is part of the name",
        bug="a CPU's model number before ', N times faster' was read as a list member: a 7763x speedup",
    ),
    Example(
        "With a Xeon Platinum 8380, the join runs 3.4x faster than DuckDB.",
        claims=[Claim("3.4x", 3.4, "x", "speedup", change="increase", baseline="DuckDB", hardware="Xeon Platinum 8380")],
        form="R4: a number inside a hardware name is part of the name",
    ),
    # scores of vision and speech given without a unit: "54.3 box AP", "a MOS of 4.21" (metrics.toml [scores])
    Example(
        "Our detector reaches 54.3 box AP on COCO.",
        claims=[Claim("54.3", 54.3, "", "accuracy", workload="COCO")],
        form="a unitless score named by its metric (AP, MOS, SSIM, CIDEr, METEOR)",
        bug="found by blind probes: AP and MOS were not score words, so the number was a plain count",
    ),
    Example(
        "The vocoder attains a MOS of 4.21.",
        claims=[Claim("4.21", 4.21, "", "accuracy")],
        form="a unitless score named by its metric (AP, MOS, SSIM, CIDEr, METEOR)",
    ),
    # setup, not results: the size of the data worked on, a budget of time spent doing something
    Example(
        "The index answers range queries 4x faster on a 2 TB dataset.",
        claims=[Claim("4x", 4, "x", "speedup", change="increase")],
        form="a data size ('a 2 TB dataset', '1.2M images') is setup",
        bug="found by blind probes: the dataset's size was a memory claim",
    ),
    Example(
        "We train on 1.2M images from ImageNet-1K and reach 81.2% top-1 accuracy.",
        has=[Has("81.2%", metric="accuracy")],
        form="a data size ('a 2 TB dataset', '1.2M images') is setup",
    ),
    Example(
        "The fuzzer finds 31 new bugs within 24 hours of fuzzing.",
        has=[Has("31", metric="other")],
        form="a time budget ('within 24 hours of fuzzing', 'tune for 2 hours') is setup",
        bug="found by blind probes: the budget was a latency claim",
    ),
    Example(
        "We tune for 2 hours and obtain a 1.3x speedup.",
        claims=[Claim("1.3x", 1.3, "x", "speedup", change="increase")],
        form="a time budget ('within 24 hours of fuzzing', 'tune for 2 hours') is setup",
    ),
]

# Known misses: forms the extractor still reads wrong (from the behavioral suite's failing cases). Each runs
# as a strict xfail: when a change fixes one, its test fails until the example moves to INVENTED.
KNOWN_MISSES = [
    Example(
        "Training frontier models already costs over 100,000 USD per run. FlashServe cuts training cost by 21%.",
        claims=[Claim("21%", 21, "%", "cost", change="decrease")],
        form="R7: a figure of the field's state, stated as a fact before the paper's own claim",
        miss="with no cue of prior work, the background figure is read as a claim (at_least 100,000 USD)",
    ),
]

SENTENCES = CORPUS + INVENTED + BUGS_CAUGHT + KNOWN_MISSES


@pytest.mark.parametrize("example", params(SENTENCES))
def test_sentence(example):
    check(example)


# A real opening sentence of the corpus, with no claim in it.
OPENING = "Large language models (LLMs) have shown remarkable capabilities across a wide range of tasks. "


@pytest.mark.parametrize("example", params(SENTENCES))
def test_sentence_after_another(example):
    """A sentence's claims do not depend on where it stands in the abstract (offsets are per sentence)."""
    check(example, before=OPENING)


# ------------------------------------------------------------------ fields: one field of one claim

FIELDS_CORPUS = [
    Example(
        "Rattrap saves a large amount of system resources such as 75% memory footprint and at least 79% disk capacity.",
        has=[Has("79%", metric="memory", qualifier="at_least")],
        form="disk space or capacity is storage: memory",
        source="corpus",
    ),
    Example(
        "Skip blocks accelerate failure recovery by 7.9x on average.",
        has=[Has("7.9x", baseline=None)],
        form="what a verb speeds up is the baseline only when it names a system, not a task or a model's run",
        source="corpus",
    ),
    Example(
        "It consistently improves the base model by 7-15% in accuracy and outperforms widely used test-time learning "
        "baselines.",
        has=[Has("7-15%", baseline="the base model")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "Our design improves the sequential execution by 7.04x on average on the targeted octa-core platforms.",
        has=[Has("7.04x", baseline="the sequential execution")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "On ImageNet, it improves the accuracy by 2.7% compared to the E2E baseline.",
        has=[Has("2.7%", baseline="the E2E baseline")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "Overall, our approach outperforms by 1.6 times previous FP32 parallel implementations on a Continual Learning "
        "setup.",
        has=[Has("1.6 times", baseline="previous FP32 parallel implementations")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "It can inference 25x larger models than with GPU-only solutions, while delivering a high throughput of 84 TFLOPS.",
        has=[Has("25x", baseline="GPU-only solutions")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "D^2MoE reduces the peak memory footprint by up to 53% over the latest on-device inference frameworks.",
        has=[Has("53%", baseline="the latest on-device inference frameworks")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        "We show that our kernels can achieve 50x speed-ups over a vanilla PyTorch implementation and allow 40x larger "
        "hidden sizes.",
        has=[Has("50x", baseline="a vanilla PyTorch implementation")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="corpus",
    ),
    Example(
        'Our evaluation demonstrates that compared to GPU-only, NPU-only, and a na\\"ive NPU+PIM integrated acceleration '
        "approaches, NeuPIMs achieves 3times, 2.4times and 1.6times throughput improvement, respectively.",
        has=[Has("2.4times", baseline="NPU-only")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers',
        source="corpus",
    ),
    Example(
        "Compared to existing compilers like Triton and Ladder, as well as hand-optimized kernels such as QuantLLM and "
        "Marlin, our VM achieves performance improvements of 1.75x, 2.61x, 1.29x and 1.03x, respectively.",
        has=[Has("1.29x", baseline="QuantLLM")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... or '
             'the names given as examples ("such as", "like"), every list of them on the baseline\'s side',
        source="corpus",
    ),
    Example(
        "Overall, PIM-GPT achieves 41-137times, 631-1074times speedup and 339-1085times, 890-1632times energy efficiency "
        "over GPU and CPU baseline, respectively, on 8 GPT models with up to 1.4 billion parameters.",
        has=[Has("631-1074times", baseline="CPU baseline")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... '
             'names, not the verb phrase after "and"',
        source="corpus",
    ),
    Example(
        "Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence "
        "length respectively when scaling up to 64 NVIDIA P100 GPUs.",
        has=[Has("3.0times", baseline="tensor parallelism")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... but '
             "an introductory phrase and the subject after it are not a list",
        source="corpus",
    ),
    Example(
        "MegaScale achieves 55.2% Model FLOPs Utilization (MFU) when training on 12,288 GPUs, improving the MFU by 1.34x "
        "compared to Megatron-LM.",
        has=[Has("55.2%", workload=None)],
        form="workload: not a system named as what is compared against",
        source="corpus",
    ),
    Example(
        "DSPy allows GPT-3.5 to self-bootstrap pipelines that outperform standard few-shot prompting by over 25%.",
        has=[Has("25%", workload="GPT-3.5")],
        form="workload: not a system named as what is compared against",
        source="corpus",
    ),
    Example(
        "Overall, PIM-GPT achieves 41-137times speedup over GPU on 8 GPT models with up to 1.4 billion parameters.",
        has=[Has("41-137times", workload="GPT models")],
        form="workload: not a system named as what is compared against",
        source="corpus",
    ),
    Example(
        "H_2O improves the throughput over three leading inference systems DeepSpeed Zero-Inference, Hugging Face "
        "Accelerate, and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B and OPT-30B.",
        has=[Has("3times", baseline="FlexGen")],
        form='three figures or more against as many names, "respectively" left out (spec: "by up to 29times, 29times, and '
             '3times")',
        source="corpus",
    ),
    Example(
        "H_2O improves the throughput over three leading inference systems DeepSpeed Zero-Inference, Hugging Face "
        "Accelerate, and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B and OPT-30B.",
        has=[Has("3times", workload="OPT-6.7B")],
        form='three figures or more against as many names, "respectively" left out (spec: "by up to 29times, 29times, and '
             '3times")',
        source="corpus",
    ),
    Example(
        "AoT achieves an 80.6% F1 score, surpassing o3-mini by 3.4% and DeepSeek-R1 by 10.6%.",
        has=[Has("10.6%", baseline="DeepSeek-R1")],
        form='gapping: "outperforms A by N1 and B by N2", the verb left out before B',
        source="corpus",
    ),
    Example(
        "For a 20B GPT model, we observe a 1.71x increase in TFLOPS per GPU when compared with ZeRO++.",
        has=[Has("1.71x", workload=None)],
        form="workload: not a metric's name after the number",
        source="corpus",
    ),
    Example(
        "Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence "
        "length respectively when scaling up to 64 NVIDIA P100 GPUs.",
        has=[Has("13.7times", hardware="64 NVIDIA P100 GPUs")],
        form='hardware: "up to" and "with" do not make a device a comparison',
        source="corpus",
    ),
    Example(
        "FlexLLM reduces the activation GPU memory overhead by up to 8x.",
        has=[Has("8x", change="decrease")],
        form='change: "<verb> <object> by N" takes the verb\'s direction, not that of a change noun in the object',
        source="corpus",
    ),
    Example(
        "FlexLLM reduces the activation GPU memory overhead by up to 8x, and the end-to-end GPU memory requirement of "
        "finetuning by up to 36%.",
        has=[Has("36%", change="decrease")],
        form='gapping: "<verb> X by N1, and Y by N2" repeats the verb for Y',
        source="corpus",
    ),
    Example(
        "It improves runtime performance by 15% for applications with heavy communication costs.",
        has=[Has("15%", metric="speedup")],
        form='metric: after a word that says only "better", "for ..." names where it was measured, not what was better',
        source="corpus",
    ),
    Example(
        "Local tuning improves performance by up to 130% in tasks like memory capacity and time series prediction.",
        has=[Has("130%", metric="accuracy")],
        form='metric: after a word that says only "better", "for ..." names where it was measured, not what was better',
        source="corpus",
    ),
    Example(
        "It can inference 25x larger models than with GPU-only solutions, while delivering a high throughput of 84 TFLOPS "
        "(over 50% of A6000 peak).",
        has=[Has("25x", hardware=None)],
        form="hardware: not one named in a later clause",
        source="corpus",
    ),
]

FIELDS_INVENTED = [
    Example(
        "The deduplicating store needs 40% less disk space than ZFS.",
        has=[Has("40%", metric="memory", change="decrease", baseline="ZFS")],
        form="disk space or capacity is storage: memory",
        source="invented",
    ),
    Example(
        "Our system achieves up to 2.49times speedup over vLLM on an A100 GPU.",
        has=[Has("2.49times", baseline="vLLM")],
        form="",
        source="invented",
    ),
    Example(
        "Our system achieves up to 2.49times speedup over vLLM on an A100 GPU.",
        has=[Has("2.49times", hardware="A100 GPU")],
        form="",
        source="invented",
    ),
    Example(
        "We achieve 4.96x and 5.75x speedup over the previous state-of-the-art when training a single MoE layer on 16 and "
        "2,048 A100 GPUs, respectively.",
        has=[Has("4.96x", baseline="the previous state-of-the-art")],
        form="",
        source="invented",
    ),
    Example(
        "It achieves up to 9.1times higher throughput on Llama2-70B.",
        has=[Has("9.1times", workload="Llama2-70B")],
        form="",
        source="invented",
    ),
    Example(
        "The model attains 35.2% accuracy on TestGenEval.",
        has=[Has("35.2%", workload="TestGenEval")],
        form="",
        source="invented",
    ),
    Example(
        "The absolute accuracy reaches 57.4%, although it outperforms GPT-4 by 3%.",
        has=[Has("57.4%", baseline=None)],
        form="",
        source="invented",
    ),
    Example(
        "Our engine outperforms Orca, SGLang and TensorRT-LLM by 2x, 3x and 4x in goodput, respectively.",
        has=[Has("3x", baseline="SGLang")],
        form='"respectively" over a list written "A, B and C" (no comma before "and")',
        source="invented",
    ),
    Example(
        "Our engine outperforms Orca, SGLang and TensorRT-LLM by 2x, 3x and 4x in goodput, respectively.",
        has=[Has("4x", baseline="TensorRT-LLM")],
        form='"respectively" over a list written "A, B and C" (no comma before "and")',
        source="invented",
    ),
    Example(
        "The compiler achieves a maximum speedup of 3.7x over TVM.",
        has=[Has("3.7x", qualifier="up_to")],
        form='R8: "maximum" before a change noun marks a best case; "peak memory" names the metric',
        source="invented",
    ),
    Example(
        "The peak memory of the server is 80 GB during decoding.",
        has=[Has("80 GB", qualifier="none")],
        form='R8: "maximum" before a change noun marks a best case; "peak memory" names the metric',
        source="invented",
    ),
    Example(
        "Our runtime accelerates Mixtral-8x7B inference by 3.1x.",
        has=[Has("3.1x", baseline=None)],
        form="what a verb speeds up is the baseline only when it names a system, not a task or a model's run",
        source="invented",
    ),
    Example(
        "Our runtime accelerates Mixtral-8x7B inference by 3.1x.",
        has=[Has("3.1x", workload="Mixtral-8x7B")],
        form="what a verb speeds up is the baseline only when it names a system, not a task or a model's run",
        source="invented",
    ),
    Example(
        "Our runtime accelerates PyTorch by 3.1x.",
        has=[Has("3.1x", baseline="PyTorch")],
        form="what a verb speeds up is the baseline only when it names a system, not a task or a model's run",
        source="invented",
    ),
    Example(
        "The new allocator doubles the throughput of Orca.",
        has=[Has("doubles", baseline="Orca")],
        form='"doubles the X of Y": Y is the baseline; a share of the figure of something named (R15)',
        source="invented",
    ),
    Example(
        "The accelerator uses only 64% of the energy of Eyeriss.",
        has=[Has("64%", baseline="Eyeriss")],
        form='"doubles the X of Y": Y is the baseline; a share of the figure of something named (R15)',
        source="invented",
    ),
    Example(
        "The accelerator uses only 64% of the energy of Eyeriss.",
        has=[Has("64%", metric="energy")],
        form='"doubles the X of Y": Y is the baseline; a share of the figure of something named (R15)',
        source="invented",
    ),
    Example(
        "The verifier yields an absolute gain of 4.2% in accuracy on MMLU.",
        has=[Has("4.2%", unit="pp")],
        form='R14: "absolute" makes a percentage percentage points',
        source="invented",
    ),
    Example(
        "The verifier yields an absolute gain of 4.2% in accuracy on MMLU.",
        has=[Has("4.2%", metric="accuracy")],
        form='R14: "absolute" makes a percentage percentage points',
        source="invented",
    ),
    Example(
        "The detector achieves an error rate of less than 1.5%.",
        has=[Has("1.5%", change="none")],
        form="a qualifier's comparative is no change; a size reduced is a compression",
        source="invented",
    ),
    Example(
        "Pruning reduces the model size by 30% with no loss.",
        has=[Has("30%", metric="compression")],
        form="a qualifier's comparative is no change; a size reduced is a compression",
        source="invented",
    ),
    Example(
        "Our model is approximately four times as fast as ConvNeXt on A100.",
        has=[Has("four times", baseline="ConvNeXt")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="invented",
    ),
    Example(
        "It surpasses GPT-3.5 by 6% and achieves 97.7% of GPT-4's performance on HumanEval.",
        has=[Has("97.7%", baseline="GPT-4")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="invented",
    ),
    Example(
        "Our model improves over the Transformer baseline by 1.2 BLEU on WMT14.",
        has=[Has("1.2", baseline="the Transformer baseline")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="invented",
    ),
    Example(
        "Compared to existing compilers, it runs 2x faster than Triton and Ladder on A100.",
        has=[Has("2x", baseline="Triton and Ladder")],
        form='baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by '
             'N X"',
        source="invented",
    ),
    Example(
        "It is 2x, 3x, and 5x faster than vLLM, Orca, and TGI, respectively.",
        has=[Has("5x", baseline="TGI")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers',
        source="invented",
    ),
    Example(
        "It outperforms strong baselines such as vLLM and Orca by 2x and 3x, respectively.",
        has=[Has("3x", baseline="Orca")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... or '
             'the names given as examples ("such as", "like"), every list of them on the baseline\'s side',
        source="invented",
    ),
    Example(
        "Compared to GPT-4 on benchmarks such as MMLU and GSM8K, it improves accuracy by 2% and 3%, respectively.",
        has=[Has("3%", baseline="GPT-4")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... but '
             "only examples right after the compared kind: not those of what was run, nor of another noun",
        source="invented",
    ),
    Example(
        "It outperforms strong baselines such as vLLM by 2x.",
        has=[Has("2x", baseline="strong baselines")],
        form='a phrase cut at "such [as]" loses "such"',
        source="invented",
    ),
    Example(
        "Our engine beats three popular servers vLLM, TGI, and Orca by 2x, 3x, and 4x.",
        has=[Has("2x", baseline="vLLM")],
        form='three figures or more against as many names, "respectively" left out (spec: "by up to 29times, 29times, and '
             '3times")',
        source="invented",
    ),
    Example(
        "Our engine beats three popular servers vLLM, TGI, and Orca by 2x, 3x, and 4x.",
        has=[Has("4x", baseline="Orca")],
        form='three figures or more against as many names, "respectively" left out (spec: "by up to 29times, 29times, and '
             '3times")',
        source="invented",
    ),
    Example(
        "Our planner outperforms FIFO by 2x and LIFO by 3x on every trace.",
        has=[Has("3x", baseline="LIFO")],
        form='gapping: "outperforms A by N1 and B by N2", the verb left out before B',
        source="invented",
    ),
    Example(
        "The tool compresses the checkpoint 20x, in less than a day on one GPU.",
        has=[Has("20x", baseline=None)],
        form='baseline: not a span of time ("in less than a day")',
        source="invented",
    ),
    Example(
        "It improves recall by up to 29%, and also outperforms the previous best system RetroNet by 1.6 points in F1.",
        has=[Has("29%", baseline=None)],
        form='baseline: not one a later figure of its own follows ("outperforms X by N")',
        source="invented",
    ),
    Example(
        "It reduces latency by 30% and increases throughput by 2x compared to vLLM.",
        has=[Has("30%", baseline="vLLM")],
        form='baseline: not one a later figure of its own follows ("outperforms X by N")',
        source="invented",
    ),
    Example(
        "The agent improves accuracy by 12% and 19% over GPT-4o and Claude 3 Opus, respectively.",
        has=[Has("19%", baseline="Claude 3 Opus")],
        form='baselines: a name goes on past a number ("Claude 3 Opus"); none of a list of compared names is a workload',
        source="invented",
    ),
    Example(
        "Our runtime outperforms Ray, Dask and Spark by 2x, 3x and 5x in throughput, respectively.",
        has=[Has("2x", workload=None)],
        form='baselines: a name goes on past a number ("Claude 3 Opus"); none of a list of compared names is a workload',
        source="invented",
    ),
    Example(
        "Our engine answers 90 queries/s, versus 35 queries/s for DuckDB.",
        has=[Has("35 queries/s", workload=None)],
        form="workload: not the system a compared figure was measured for",
        source="invented",
    ),
    Example(
        "It answers 90 queries/s on TPC-H, compared with 35 queries/s for DuckDB.",
        has=[Has("90 queries/s", workload="TPC-H")],
        form="workload: not the system a compared figure was measured for",
        source="invented",
    ),
    Example(
        "The kernel shows a 2x gain in GFLOPS on every matrix.",
        has=[Has("2x", workload=None)],
        form="workload: not a metric's name after the number",
        source="invented",
    ),
    Example(
        "It achieves a 2.1x speedup with 8 A100 GPUs.",
        has=[Has("2.1x", hardware="8 A100 GPUs")],
        form='hardware: "up to" and "with" do not make a device a comparison',
        source="invented",
    ),
    Example(
        "The allocator reduces the scheduling overhead by up to 8x.",
        has=[Has("8x", change="decrease")],
        form='change: "<verb> <object> by N" takes the verb\'s direction, not that of a change noun in the object',
        source="invented",
    ),
    Example(
        "The new cache cuts lookup overhead by roughly 30% on every trace.",
        has=[Has("30%", change="decrease")],
        form='change: "<verb> <object> by N" takes the verb\'s direction, not that of a change noun in the object',
        source="invented",
    ),
    Example(
        "It improves throughput and reduces memory by 30%.",
        has=[Has("30%", change="decrease")],
        form='change: "<verb> <object> by N" takes the verb\'s direction, not that of a change noun in the object',
        source="invented",
    ),
    Example(
        "The planner improves the memory savings by 30%.",
        has=[Has("30%", change="increase")],
        form='change: "<verb> <object> by N" takes the verb\'s direction, not that of a change noun in the object',
        source="invented",
    ),
    Example(
        "Fine-tuned models outperform the base model by +20% (+/-3%) in absolute score.",
        has=[Has("20%", unit="pp")],
        form='R14: "absolute" after the number, an error bar between',
        source="invented",
    ),
    Example(
        "The retriever brings a 3.1% absolute gain in recall.",
        has=[Has("3.1%", unit="pp")],
        form='R14: "absolute" after the number, an error bar between',
        source="invented",
    ),
    Example(
        "The scheduler cuts job completion time by up to 62% and improves cluster utilization by 19 percentage points.",
        has=[Has("62%", change="decrease")],
        form='a change word after the number counts only in its own conjunct, not after "and"',
        source="invented",
    ),
    Example(
        "The patch shrinks the heap by 20% and increases the hit rate.",
        has=[Has("20%", change="decrease")],
        form='a change word after the number counts only in its own conjunct, not after "and"',
        source="invented",
    ),
    Example(
        "The cache reduces lookup latency by 2x, and the index size by up to 40%.",
        has=[Has("40%", change="decrease")],
        form='gapping: "<verb> X by N1, and Y by N2" repeats the verb for Y',
        source="invented",
    ),
    Example(
        "The cache reduces lookup latency by 2x, and the model fits on 40% of the devices.",
        has=[Has("40%", change="none")],
        form='gapping: "<verb> X by N1, and Y by N2" repeats the verb for Y',
        source="invented",
    ),
    Example(
        "Our tool outperforms the baseline by 23% in throughput.",
        has=[Has("23%", metric="throughput")],
        form='metric: after a word that says only "better", "for ..." names where it was measured, not what was better',
        source="invented",
    ),
    Example(
        "On the C4 corpus jobs, the cache improves runtime performance by 15% for most applications.",
        has=[Has("15%", metric="speedup")],
        form='"runtime performance" is a speed whatever else the sentence names',
        source="invented",
    ),
]

FIELDS_BUGS_CAUGHT = [
    Example(
        "Our system achieves 1.8x and 2.3x speedups over FasterTransformer on models such as LLaMA-7B and OPT-13B, "
        "respectively.",
        has=[Has("2.3x", baseline="FasterTransformer")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... but '
             "only examples right after the compared kind: not those of what was run, nor of another noun",
        source="invented",
        bug="430c58f, review of extractor 0.8.3: 'respectively' took the examples of what was run ('on models such as') "
            "or of another noun ('which uses libraries such as') as the baselines",
    ),
    Example(
        "Compared with the baseline, which uses libraries such as cuBLAS and cuDNN, our method achieves 1.5x and 2.1x "
        "speedups on ResNet and BERT, respectively.",
        has=[Has("2.1x", baseline="the baseline")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... but '
             "only examples right after the compared kind: not those of what was run, nor of another noun",
        source="invented",
        bug="430c58f, review of extractor 0.8.3: 'respectively' took the examples of what was run ('on models such as') "
            "or of another noun ('which uses libraries such as') as the baselines",
    ),
    Example(
        "For models such as GPT-3 and BLOOM, compared with Megatron-LM, our system achieves 4.2x and 3.7x speedups, "
        "respectively.",
        has=[Has("3.7x", baseline="Megatron-LM")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... but '
             "only examples right after the compared kind: not those of what was run, nor of another noun",
        source="invented",
        bug="430c58f, review of extractor 0.8.3: 'respectively' took the examples of what was run ('on models such as') "
            "or of another noun ('which uses libraries such as') as the baselines",
    ),
    Example(
        "It improves throughput by 1.7x and 2.4x over vLLM, and reduces latency by 30% and 40% over TGI, respectively.",
        has=[Has("2.4x", baseline="vLLM")],
        form='"respectively": the members of a list take the names of a list in turn, before or after the numbers ... '
             'names, not the verb phrase after "and"',
        source="invented",
        bug="5cc4ea4, review of extractor 0.8.2: 'respectively' names took the verb phrase after 'and'",
    ),
]

FIELDS = FIELDS_CORPUS + FIELDS_INVENTED + FIELDS_BUGS_CAUGHT


@pytest.mark.parametrize("example", params(FIELDS))
def test_fields(example):
    check(example)
    check(example, before=OPENING)  # the same wherever the sentence stands


def test_sources():
    """Each example's source is what the corpus says (tests/examples.py: from_corpus)."""
    check_sources(SENTENCES + FIELDS)


def test_mentions_are_exact_substrings():
    text = "It is 2.4× faster – about ∼3 ms per token, and uses \\textless2MB of storage."
    for c in extract_claims(Paper("T", text, "test:1")):
        assert text[c.start : c.end] == c.mention
