"""Extraction, one real sentence at a time.

Development set: sentences from the built-in corpus (corpus/seeds), most of
them from papers annotated in corpus/gold/dev.jsonl. The held-out
evaluation sets are not in this repository. Each row is
(sentence, expected claims as (mention, value, value_low, unit, metric,
qualifier, change)); fields not listed are checked by test_fields below.
"""
import pytest

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper

CASES = [
    # a list member that says nothing itself is read with its list's change: a throughput gain, not a share of peak
    ("Tuning improves throughput by an average of 9.2% and 13.7% on the two GPUs, respectively.",
     [("9.2%", 9.2, None, "%", "throughput", "average", "increase"), ("13.7%", 13.7, None, "%", "throughput", "average", "increase")]),
    # a range written with the residue of LaTeX's \sim between its ends
    ("It brings 2x sim 3x higher throughput on our traces.", [("2x sim 3x", 3.0, 2.0, "x", "throughput", "none", "increase")]),
    ("This enables up to 4times larger batch size, bringing 2.35times sim 3.47times throughput on real LLM inference workload.",
     [("4times", 4.0, None, "x", "scale", "up_to", "increase"), ("2.35times sim 3.47times", 3.47, 2.35, "x", "throughput", "none", "increase")]),
    # a unitless ratio that a metric's name gives it is a claim; a number inside a name is not
    ("We achieve a compression ratio of 5.3 on genomic data.", [("5.3", 5.3, None, "", "compression", "none", "none")]),
    ("We observe a scaling efficiency of 0.94 on 384 GCDs.", [("0.94", 0.94, None, "", "utilization", "none", "none")]),
    ("It speeds up Llama2-7B-128K by up to 2.31x.", [("2.31x", 2.31, None, "x", "speedup", "up_to", "increase")]),
    # a list whose members carry their own qualifiers
    ("The proposed scheduler achieves up to 1.6x and on average 1.3x speedup.",
     [("1.6x", 1.6, None, "x", "speedup", "up_to", "increase"), ("1.3x", 1.3, None, "x", "speedup", "average", "increase")]),
    # points after "by" and a change verb further back
    ("It improves over the previous best by 3.1 points on average.",
     [("3.1 points", 3.1, None, "", "accuracy", "average", "increase")]),
    # R9: an error bar written out ("standard deviation", "std", "SD") is not a claim of its own
    ("The ranker reaches 81.4% recall (std 0.6%) across five seeds.", [("81.4%", 81.4, None, "%", "accuracy", "none", "none")]),
    ("Mean reward is 412 points (SD = 9) after tuning.", []),
    # R7: what prior studies report is background
    ("Previous studies have shown that 30% of cloud VMs are idle. Our packer cuts idle capacity by 12%.",
     [("12%", 12.0, None, "%", "other", "none", "decrease")]),
    # "N% and M% of <change noun>s": changes, not shares
    ("We measure 9.3% and 17.5% of end-to-end speedups on one and two nodes.",
     [("9.3%", 9.3, None, "%", "speedup", "none", "increase"), ("17.5%", 17.5, None, "%", "speedup", "none", "increase")]),
    # a unitless score on a named benchmark is a claim
    ("The tuned model scores 83.1 on MT-Bench.", [("83.1", 83.1, None, "", "accuracy", "none", "none")]),
    # shares of what is solved; a figure given after "compared with" is measured as the one before
    ("The agent completes 47.3% of tasks on WebArena, compared with 14.9% for the GPT-4 baseline.",
     [("47.3%", 47.3, None, "%", "accuracy", "none", "none"), ("14.9%", 14.9, None, "%", "accuracy", "none", "none")]),
    # a rate of outcomes: "in N% of comparisons"
    ("Annotators prefer our summaries in 68% of comparisons.", [("68%", 68.0, None, "%", "accuracy", "none", "none")]),
    # "recall@k" is one keyword
    ("The retriever lifts Recall@10 from 61.2 to 74.8.",
     [("61.2", 61.2, None, "", "accuracy", "none", "none"), ("74.8", 74.8, None, "", "accuracy", "none", "none")]),
    # "by N%" binds to the verb before it, not to a change word later in the clause
    ("We reduce the KV cache footprint by 80% with a negligible perplexity increase.",
     [("80%", 80.0, None, "%", "memory", "none", "decrease")]),
    # "N% of <keyword>" names what N is a share of
    ("The model reaches 90% of GPT-4's accuracy at 5% of its cost.",
     [("90%", 90.0, None, "%", "accuracy", "none", "none"), ("5%", 5.0, None, "%", "cost", "none", "none")]),
    # "memory-intensive" describes a workload; a share "of the total runtime" is a claim; "under 80% load" is a condition
    ("The prefetcher raises IPC by 12.4% on average, and by up to 41% on memory-intensive workloads.",
     [("12.4%", 12.4, None, "%", "other", "average", "increase"), ("41%", 41.0, None, "%", "other", "up_to", "increase")]),
    ("Scheduling overhead is under 3% of the total runtime.", [("3%", 3.0, None, "%", "speedup", "at_most", "increase")]),
    ("Tail latency stays at 120 us under 80% load.", [("120 us", 120.0, None, "µs", "latency", "none", "none")]),
    # R5: a count of samples, queries, images ... is a claim only when reached or needed, not when drawn or used
    ("Coverage grows to over 95% with 10,000 samples.", [("95%", 95.0, None, "%", "accuracy", "at_least", "none")]),
    ("We label 5,000 images per class and reach 91.2% accuracy.", [("91.2%", 91.2, None, "%", "accuracy", "none", "none")]),
    ("The policy converges after requiring at most 20,000 samples.",
     [("20,000 samples", 20000.0, None, "sample", "other", "at_most", "none")]),
    # "to N" after a change verb: the level reached, absolute (R12)
    ("Top-1 accuracy improves to 91.3% after distillation.", [("91.3%", 91.3, None, "%", "accuracy", "none", "none")]),
    ("Distillation improves top-1 accuracy by 2.1%.", [("2.1%", 2.1, None, "%", "accuracy", "none", "increase")]),
    # R4: a factor before a device is a count of devices, not a claim
    ("It runs on a single server with 8x NVIDIA 3090 GPUs at less than 5% runtime overhead.",
     [("5%", 5.0, None, "%", "speedup", "at_most", "increase")]),
    # factors, with LaTeX residue
    ("Speculative decoding achieves up to 2.49times speedup on MobileLlama.",
     [("2.49times", 2.49, None, "x", "speedup", "up_to", "increase")]),
    ("On LLMs, we achieve up to 6.7\\times inference acceleration.",
     [("6.7\\times", 6.7, None, "x", "speedup", "up_to", "increase")]),
    ("We showcase how this can be used to give a 113x acceleration on general symbolic transformations.",
     [("113x", 113.0, None, "x", "speedup", "none", "increase")]),
    # "factor" before a number makes it a factor: "factor of", "factor up to", "by a factor 5"; not "sparsity factor 0.5"
    ("In all attempts, the performance improvement is significant (factor up to 38).",
     [("38", 38.0, None, "x", "speedup", "up_to", "increase")]),
    ("The sparsity factor 0.5 is used for all layers.", []),
    # a percentage after a word and a dash is not the tail of a name (GPT-3): "CPU—80%", "storage-90%"
    ("It trims overheads across the stack (CPU—80%, storage—90%).",
     [("80%", 80.0, None, "%", "other", "none", "none"), ("90%", 90.0, None, "%", "memory", "none", "none")]),
    # a list of plain numbers shares the unit or score word after its last member
    ("It reduces the slow-down factor by 1.41, 5.67, and 10.26 folds.",
     [("1.41", 1.41, None, "x", "speedup", "none", "decrease"), ("5.67", 5.67, None, "x", "speedup", "none", "decrease"),
      ("10.26 folds", 10.26, None, "x", "speedup", "none", "decrease")]),
    ("Our encoder beats both teachers by 3.1 and 2.4 mIoU.",
     [("3.1", 3.1, None, "", "accuracy", "none", "increase"), ("2.4", 2.4, None, "", "accuracy", "none", "increase")]),
    ("The translator beats the previous best by 1.8 and 5.2 in BLEU and chrF scores.",
     [("1.8", 1.8, None, "", "accuracy", "none", "increase"), ("5.2", 5.2, None, "", "accuracy", "none", "increase")]),
    # a decimal with a score word a few words before it
    ("The filter shows a large recall increase for benign inputs from 0.92 to 0.95.",
     [("0.92", 0.92, None, "", "accuracy", "none", "none"), ("0.95", 0.95, None, "", "accuracy", "none", "none")]),
    # R6: a definite number of orders of magnitude
    ("The scheme cuts control traffic by six orders of magnitude.",
     [("six orders of magnitude", 1000000.0, None, "x", "cost", "none", "decrease")]),
    # R12 whichever end is larger: "from 80 ms to 20 ms" is two absolute claims; the "to" of a setup "from" is setup
    ("The new scheduler brings tail latency from 80 ms to 20 ms.",
     [("80 ms", 80.0, None, "ms", "latency", "none", "none"), ("20 ms", 20.0, None, "ms", "latency", "none", "none")]),
    ("We vary the sampling fraction from 80% to 10% and keep 2x higher throughput.",
     [("2x", 2.0, None, "x", "throughput", "none", "increase")]),
    # periods, confidence levels and ideals are settings, not results
    ("Each node reports every 5 minutes, and we test at a confidence level of 95%.", []),
    # "better" said of an amount of time: it went down (R13, R21)
    ("Our heuristic improved overall execution time by 16% over list scheduling.",
     [("16%", 16.0, None, "%", "speedup", "none", "decrease")]),
    # the change noun right after a factor's metric ("4x memory reduction"), not the other figure's word
    ("It brings a 10x speedup and 4x memory reduction over the sampler.",
     [("10x", 10.0, None, "x", "speedup", "none", "increase"), ("4x", 4.0, None, "x", "memory", "none", "decrease")]),
    # gapping: ", and by N" repeats the previous figure's change
    ("Spot pricing reduces cost by 70% relative to on-demand, and by 25% relative to reserved instances.",
     [("70%", 70.0, None, "%", "cost", "none", "decrease"), ("25%", 25.0, None, "%", "cost", "none", "decrease")]),
    # a list whose members each name their benchmark in a few words ("on the GSM8K dataset")
    ("We achieve gains up to 12.5% on the MMLU benchmark, 8.1% on GSM8K and 3.3% on HumanEval.",
     [("12.5%", 12.5, None, "%", "accuracy", "up_to", "increase"), ("8.1%", 8.1, None, "%", "accuracy", "up_to", "increase"),
      ("3.3%", 3.3, None, "%", "accuracy", "up_to", "increase")]),
    # a comparison verb, what it beats, then a percentage: the comparison is the change
    ("Our planner outperforms the greedy schedule up to 19% in goodput.",
     [("19%", 19.0, None, "%", "throughput", "up_to", "increase")]),
    # the size of what a dataset contains is setup
    ("Our benchmark contains 10,000 samples drawn from 12 domains.", []),
    # a link's speed is the hardware's configuration; a detection share is a quality; device time is a cost in GPU*hour;
    # "accuracy points" are percentage points (R14)
    ("The cluster links nodes with 400Gbps InfiniBand and reaches 2x higher goodput.",
     [("2x", 2.0, None, "x", "throughput", "none", "increase")]),
    ("Our detector detects 98.5% of the attacks.", [("98.5%", 98.5, None, "%", "accuracy", "none", "none")]),
    ("Fine-tuning takes only 74 GPU hours.", [("74 GPU hours", 74.0, None, "GPU*hour", "cost", "none", "none")]),
    ("It beats the baseline by 3.1 accuracy points.", [("3.1 accuracy points", 3.1, None, "pp", "accuracy", "none", "increase")]),
    # a count of what the system found is a result (cues.toml [found]); a count of what it was run on is not
    ("Our fuzzer uncovered 42 previously unknown bugs in 12 libraries.",
     [("42", 42.0, None, "", "other", "none", "none")]),
    ("We ran the checker on 4,838 apps and identified 597 vulnerable authorizations.",
     [("597", 597.0, None, "", "other", "none", "none")]),
    ("We identify 3 key challenges of serving.", []),
    # percentages and ranges
    ("FlashAttention-2 yields around 2times speedup compared to FlashAttention, reaching 50-73\\% of the theoretical maximum FLOPs/s on A100.",
     [("2times", 2.0, None, "x", "speedup", "approx", "increase"),
      ("50-73\\%", 73.0, 50.0, "%", "utilization", "none", "none")]),
    ("This yields 2x to 5x speedups on OPT models.",
     [("2x to 5x", 5.0, 2.0, "x", "speedup", "none", "increase")]),
    ("Our method improves throughput by 1.1x to 2x over vLLM.",
     [("1.1x to 2x", 2.0, 1.1, "x", "throughput", "none", "increase")]),
    ("It attains 2.2-3.3X higher throughput.",
     [("2.2-3.3X", 3.3, 2.2, "x", "throughput", "none", "increase")]),
    # lists: members share the metric named once (R8)
    ("GS-Jacobi sampling achieves speed-ups of 4.53x in Img128cond, 5.32x in AFHQ, 2.96x in Img64uncond, "
     "and 2.51x in Img64cond without degrading FID scores or sample quality.",
     [("4.53x", 4.53, None, "x", "speedup", "none", "increase"),
      ("5.32x", 5.32, None, "x", "speedup", "none", "increase"),
      ("2.96x", 2.96, None, "x", "speedup", "none", "increase"),
      ("2.51x", 2.51, None, "x", "speedup", "none", "increase")]),
    # "respectively" maps qualifying adjectives to the members in turn
    ("In C++/CUDA, our algorithms have median and maximum speedups of 45x and 6150x for GPU and 17x and 3403x for CPU, "
     "respectively, over the ranges of inputs and third-party libraries tested.",
     [("45x", 45.0, None, "x", "speedup", "average", "increase"),
      ("6150x", 6150.0, None, "x", "speedup", "up_to", "increase"),
      ("17x", 17.0, None, "x", "speedup", "average", "increase"),
      ("3403x", 3403.0, None, "x", "speedup", "up_to", "increase")]),
    # a list shares the metric word after its last member; "respectively" maps metrics named before a list
    ("Overall, PIM-GPT achieves 41-137times, 631-1074times speedup and 339-1085times, 890-1632times energy efficiency "
     "over GPU and CPU baseline, respectively.",
     [("41-137times", 137.0, 41.0, "x", "speedup", "none", "increase"),
      ("631-1074times", 1074.0, 631.0, "x", "speedup", "none", "increase"),
      ("339-1085times", 1085.0, 339.0, "x", "energy", "none", "increase"),
      ("890-1632times", 1632.0, 890.0, "x", "energy", "none", "increase")]),
    ("BlockLLM outperforms existing serving approaches in tail latency and GPU utilization by 33.5\\% and 20.1\\%, respectively.",
     [("33.5\\%", 33.5, None, "%", "latency", "none", "decrease"),  # better latency is lower latency (R21)
      ("20.1\\%", 20.1, None, "%", "utilization", "none", "increase")]),
    ("We demonstrated a reduction of up to 79% in memory usage and 72% in prediction time.",
     [("79%", 79.0, None, "%", "memory", "up_to", "decrease"),
      ("72%", 72.0, None, "%", "speedup", "up_to", "decrease")]),
    # the longest metric phrase wins: "compute utilization", "acceptance rate"
    ("FuseMax enables attention with nearly 100% compute utilization.",
     [("100%", 100.0, None, "%", "utilization", "approx", "none")]),
    ("It results in up to a 28% higher acceptance rate for long-range predictions.",
     [("28%", 28.0, None, "%", "accuracy", "up_to", "increase")]),
    # from X to Y: two absolute claims (R12)
    ("The pass rate of generated code increases from 43.3\\% to 76.8\\%.",
     [("43.3\\%", 43.3, None, "%", "accuracy", "none", "none"),
      ("76.8\\%", 76.8, None, "%", "accuracy", "none", "none")]),
    ("For instance, average performance drops from 77.67% at Level I to 32.96% at Level IV.",
     [("77.67%", 77.67, None, "%", "accuracy", "average", "none"),
      ("32.96%", 32.96, None, "%", "accuracy", "average", "none")]),
    # reductions
    ("Our approach reduces the memory footprint by up to 79%.",
     [("79%", 79.0, None, "%", "memory", "up_to", "decrease")]),
    ("Compared with FasterTransformer, it reduces latency by 37%.",
     [("37%", 37.0, None, "%", "latency", "none", "decrease")]),
    # units through pint
    ("Our implementation achieves 1148 tokens/s on Ascend NPUs.",
     [("1148 tokens/s", 1148.0, None, "token/s", "throughput", "none", "none")]),
    ("It reaches up to 225 TFLOPs/s per A100 GPU.",
     [("225 TFLOPs/s", 225.0, None, "TFLOPS", "throughput", "up_to", "none")]),
    ("SWE-agent resolves 57.4% of issues using a budget of approximately 2300 USD.",
     [("57.4%", 57.4, None, "%", "accuracy", "none", "none"),
      ("2300 USD", 2300.0, None, "USD", "cost", "approx", "none")]),
    ("The end-to-end latency is 17.1 ms on ResNet8.",
     [("17.1 ms", 17.1, None, "ms", "latency", "none", "none")]),
    # number words (R6)
    ("Our method is an order of magnitude faster than existing approaches.",
     [("an order of magnitude", 10.0, None, "x", "speedup", "none", "increase")]),
    ("The system delivers a ten-fold increase in throughput.",
     [("ten-fold", 10.0, None, "x", "throughput", "none", "increase")]),
    # "a factor of", units pint does not parse written "" (R11), the cue right after a percentage
    ("Our approach cuts energy consumption by a factor of 3.2 relative to the CPU implementation.",
     [("3.2", 3.2, None, "x", "energy", "none", "decrease")]),
    ("The accelerator delivers 4.5 TOPS/W at 28nm.",
     [("4.5 TOPS/W", 4.5, None, "", "energy", "none", "none")]),
    ("The kernel reaches 0.81 MAC/clk on the cluster.",
     [("0.81 MAC/clk", 0.81, None, "", "throughput", "none", "none")]),
    ("Our system trains 3x faster and uses 50% less memory than PyTorch.",
     [("3x", 3.0, None, "x", "speedup", "none", "increase"),
      ("50%", 50.0, None, "%", "memory", "none", "decrease")]),
    ("Our kernel attains 92% of the memory bandwidth of the H100 GPU.",
     [("92%", 92.0, None, "%", "utilization", "none", "none")]),
    ("NanoFlow provides 1.91x throughput boost compared to state-of-the-art serving systems achieving 59% to 72% of optimal throughput.",
     [("1.91x", 1.91, None, "x", "throughput", "none", "increase"),
      ("59% to 72%", 72.0, 59.0, "%", "utilization", "none", "none")]),
    # points: a claim when a score word or a change word says so (not "1000 points")
    ("Our method achieves state-of-the-art results, with an average improvement of 3.4 points over prior work across 12 benchmarks.",
     [("3.4 points", 3.4, None, "", "accuracy", "average", "increase")]),
    ("Compared with Faster R-CNN, our detector improves mAP by 2.3 points on COCO.",
     [("2.3 points", 2.3, None, "", "accuracy", "none", "increase")]),
    ("Each point cloud is downsampled to 1024 points before training.", []),
    # a percentage before a device word is a claim; a count before one is not (R4)
    ("Our extensive experiments demonstrate that ExpertFlow achieves up to 93.72\\% GPU memory savings and enhances "
     "inference speed by 2 to 10 times compared to baseline methods.",
     [("93.72\\%", 93.72, None, "%", "memory", "up_to", "decrease"),
      ("2 to 10 times", 10.0, 2.0, "x", "throughput", "none", "increase")]),
    # not claims: setup numbers
    ("We evaluate on 8 A100 GPUs with Llama2-70B and OPT-6.7B models.", []),
    ("We collect 10,000 subject samples across 12 tasks in 2023.", []),
    ("We report pass@200 and top-5 results.", []),
    ("All requests are served under a 15 ms SLO.", []),
    ("We evaluate ReaLHF on the LLaMA-2 models with up to 4times70 billion parameters and 128 GPUs.", []),
    # number words that count parts or name a format, and cross-validation folds, are not factors
    ("This generalization is able to solve problems about detecting triple-wise connections that were shown to be "
     "impossible for transformers.", []),
    ("Our contribution is two-fold.", []),
    ("The challenges are threefold: data movement, load imbalance and stragglers.", []),
    ("Double-precision GEMM reaches 90% of peak.", [("90%", 90.0, None, "%", "utilization", "none", "none")]),
    ("Models are selected by 10-fold cross-validation, then by ten-fold cross validation on the test split.", []),
    # the sizes of the models a paper describes or studies are not claims (R5)
    ("We introduce GLM-130B, a bilingual (English and Chinese) pre-trained language model with 130 billion parameters.", []),
    ("However, the original scaling law paper by OpenAI did not disclose the complete details necessary to derive the "
     "precise scaling law formulas, and their conclusions are only based on models containing up to 1.5 billion parameters.", []),
    # ... but a size the system reaches is, a qualifier and "models with" between the verb and the size
    ("Our system can train models with over 100 billion parameters on 400 GPUs.",
     [("100 billion parameters", 100e9, None, "", "scale", "at_least", "none")]),
    # a count of things is not a size the system reaches; a trend over time is background (R7)
    ("Prompted by these insights, a thorough review of existing ML literature was conducted, utilizing large language "
     "models to analyze over 1.5 million papers from arXiv.", []),
    ("The rapid advancement of large language models (LLMs) has been paralleled by unprecedented increases in "
     "computational demands, with training costs for state-of-the-art models doubling every few months.", []),
    # a size used is not a claim (R5): "the training of the 175 Billion parameter model"
    ("For the training of the 175 Billion parameter model and the 1 Trillion parameter model, we achieved 100% weak "
     "scaling efficiency on 1024 and 3072 MI250X GPUs, respectively.",
     [("100%", 100.0, None, "%", "utilization", "none", "none")]),
    # one number that covers two metrics is read under the first metric named (R17)
    ("In terms of parallel speedup, our design improves the sequential execution by 7.04x on average on the targeted "
     "octa-core platforms leading to energy and latency decrease up to 87%.",
     [("7.04x", 7.04, None, "x", "speedup", "average", "increase"),
      ("87%", 87.0, None, "%", "energy", "up_to", "decrease")]),
    # "better" said of a metric where less is better: the quantity went down (R21) ...
    ("Our scheduler improves tail latency by 30% over vLLM.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease")]),
    # ... but not of an efficiency, nor of a factor ("latency gain" stated as a factor is a speedup, R20)
    ("Our method improves energy efficiency by 30% over the baseline.",
     [("30%", 30.0, None, "%", "energy", "none", "increase")]),
    # R17 needs a conjunction and a number alone: not an introductory phrase, nor a list of numbers
    ("At the same accuracy, latency drops by 30% compared with vLLM.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease")]),
    ("It reduces latency and energy by 30% and 40% over the GPU baseline.",
     [("30%", 30.0, None, "%", "energy", "none", "decrease"),
      ("40%", 40.0, None, "%", "energy", "none", "decrease")]),
    # R21 only when "by" measures the metric itself, and the members of a list read alike
    ("It improves memory capacity by 30% over paged attention.",
     [("30%", 30.0, None, "%", "memory", "none", "increase")]),
    # (what "by" measures is the hit ratio, which "KV cache" only qualifies)
    ("It improves KV cache hit ratio by 30% over LRU.",
     [("30%", 30.0, None, "%", "accuracy", "none", "increase")]),
    ("It improves latency by up to 30%, 40%, and 50% over vLLM, Orca, and TGI.",
     [("30%", 30.0, None, "%", "latency", "up_to", "decrease"),
      ("40%", 40.0, None, "%", "latency", "up_to", "decrease"),
      ("50%", 50.0, None, "%", "latency", "up_to", "decrease")]),
    ("It improves latency and throughput by 30%.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease")]),
    ("It improves tail latency by 30% with higher throughput.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease")]),
    ("It has 30% higher latency than vLLM.",
     [("30%", 30.0, None, "%", "latency", "none", "increase")]),
    # the word right after a list's last member speaks for every member, an Oxford comma or not
    ("It achieves 30%, 40%, and 50% lower latency than vLLM.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease"),
      ("40%", 40.0, None, "%", "latency", "none", "decrease"),
      ("50%", 50.0, None, "%", "latency", "none", "decrease")]),
    ("Existing frameworks are 2x, 3x, and 5x slower than TensorRT-LLM.",
     [("2x", 2.0, None, "x", "speedup", "none", "decrease"),
      ("3x", 3.0, None, "x", "speedup", "none", "decrease"),
      ("5x", 5.0, None, "x", "speedup", "none", "decrease")]),
    # ... but a list of other units shares no word, and a member's own cue comes first
    ("It achieves speedups of 2.1x and 3.4x, and 30% lower energy consumption than PyTorch.",
     [("2.1x", 2.1, None, "x", "speedup", "none", "increase"),
      ("3.4x", 3.4, None, "x", "speedup", "none", "increase"),
      ("30%", 30.0, None, "%", "energy", "none", "decrease")]),
    # number words: a comparison is a claim whatever its subject; "-fold" before a comparative is a factor
    ("Our solution is twice as fast as the state-of-the-art system.",
     [("twice", 2.0, None, "x", "speedup", "none", "increase")]),
    ("It delivers a two-fold-higher throughput than vLLM.",
     [("two-fold", 2.0, None, "x", "throughput", "none", "increase")]),
    ("It achieves 92.3% cross-validation accuracy.", [("92.3%", 92.3, None, "%", "accuracy", "none", "none")]),
    # sizes: a verb before "models with up to" makes it a size reached; a rate's count is a claim
    ("It makes it possible to run models with up to 70B parameters on a single consumer GPU.",
     [("70B parameters", 70e9, None, "", "scale", "up_to", "none")]),
    ("We report results for models with up to 33B parameters.", []),
    # a saving every year is not a trend (R7 needs one: "doubling every few months")
    ("Our system saves over 1.2 million USD every year in production.",
     [("1.2 million USD", 1.2e6, None, "USD", "cost", "at_least", "none")]),
    # a setting's name before "factor" is no factor
    ("We use a replication factor up to 3.", []),
    # a change word belongs to its own conjunct ("improvement and 37% energy reduction"); a "respectively" list that
    # names no metric reads as the figures right before it, as many and of the same units
    ("Experimental results show that a target-optimized emulation library can lead to an average 1.61x runtime improvement "
     "and 37% energy reduction compared to a standard emulation library, while the native FPU support reaches up to 32.09x "
     "and 99%, respectively.",
     [("1.61x", 1.61, None, "x", "speedup", "average", "increase"),
      ("37%", 37.0, None, "%", "energy", "none", "decrease"),
      ("32.09x", 32.09, None, "x", "speedup", "up_to", "increase"),
      ("99%", 99.0, None, "%", "energy", "up_to", "decrease")]),
    # ... but a verb before both conjuncts still counts, and a list of one unit, or one naming its metric, keeps its own reading
    # (the figure measures what it is a share of: "30% of the latency")
    ("Our approach reduces memory and 30% of the latency compared to vLLM.",
     [("30%", 30.0, None, "%", "latency", "none", "decrease")]),
    ("It improves top-1 accuracy by 3.2% and 4.1% over ResNet-50 and ViT-B, reaching 78.5% and 81.3%, respectively.",
     [("3.2%", 3.2, None, "%", "accuracy", "none", "increase"),
      ("4.1%", 4.1, None, "%", "accuracy", "none", "increase"),
      ("78.5%", 78.5, None, "%", "accuracy", "none", "none"),
      ("81.3%", 81.3, None, "%", "accuracy", "none", "none")]),
    ("It improves throughput by 2x and 3x on A100 and H100, respectively.",
     [("2x", 2.0, None, "x", "throughput", "none", "increase"),
      ("3x", 3.0, None, "x", "throughput", "none", "increase")]),
    # a change word after a comma does not make a score a change ("surpassing X by 3.4%" is the change)
    ("Notably, on HotpotQA, when applied to gpt-4o-mini, AoT achieves an 80.6% F1 score, surpassing o3-mini by 3.4% and "
     "DeepSeek-R1 by 10.6%.",
     [("80.6%", 80.6, None, "%", "accuracy", "none", "none"),
      ("3.4%", 3.4, None, "%", "accuracy", "none", "increase"),
      ("10.6%", 10.6, None, "%", "accuracy", "none", "increase")]),
    # "pass@1 rate" is a score, not a rate of work
    ("The pass@1 rate improves from 32.1% to 48.6% on HumanEval.",
     [("32.1%", 32.1, None, "%", "accuracy", "none", "none"),
      ("48.6%", 48.6, None, "%", "accuracy", "none", "none")]),
    # a relative clause about a figure ("..., which is 3x lower") takes the metric its antecedent names (R20)
    ("The system achieves a 95th percentile latency of 200 ms, which is 3x lower than Clipper.",
     [("200 ms", 200.0, None, "ms", "latency", "none", "none"),
      ("3x", 3.0, None, "x", "latency", "none", "decrease")]),
    ("It reaches a throughput of 900 tokens/s, which is 2.1x higher than vLLM.",
     [("900 tokens/s", 900.0, None, "token/s", "throughput", "none", "none"),
      ("2.1x", 2.1, None, "x", "throughput", "none", "increase")]),
    # an absolute percentage of a throughput is a share of its peak
    ("For 22 Billion, 175 Billion, and 1 Trillion parameters, we achieved GPU throughputs of 38.38%, 36.14%, and 31.96%, respectively.",
     [("38.38%", 38.38, None, "%", "utilization", "none", "none"),
      ("36.14%", 36.14, None, "%", "utilization", "none", "none"),
      ("31.96%", 31.96, None, "%", "utilization", "none", "none")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(sentence, expected):
    claims = extract_claims(Paper("T", sentence, "test:1"))
    got = [(c.mention, c.value, c.value_low, c.unit, c.metric, c.qualifier, c.change) for c in claims]
    assert got == expected


# A real opening sentence of the corpus, with no claim in it.
OPENING = "Large language models (LLMs) have shown remarkable capabilities across a wide range of tasks. "


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_after_another(sentence, expected):
    """A sentence's claims do not depend on where it stands in the abstract (offsets are per sentence)."""
    claims = extract_claims(Paper("T", OPENING + sentence, "test:1"))
    got = [(c.mention, c.value, c.value_low, c.unit, c.metric, c.qualifier, c.change) for c in claims]
    assert got == expected


FIELD_CASES = [
    # (sentence, mention, field, expected)
    ("Our system achieves up to 2.49times speedup over vLLM on an A100 GPU.", "2.49times", "baseline", "vLLM"),
    ("Our system achieves up to 2.49times speedup over vLLM on an A100 GPU.", "2.49times", "hardware", "A100 GPU"),
    ("We achieve 4.96x and 5.75x speedup over the previous state-of-the-art when training a single MoE layer on 16 and 2,048 A100 GPUs, respectively.",
     "4.96x", "baseline", "the previous state-of-the-art"),
    ("It achieves up to 9.1times higher throughput on Llama2-70B.", "9.1times", "workload", "Llama2-70B"),
    ("The model attains 35.2% accuracy on TestGenEval.", "35.2%", "workload", "TestGenEval"),
    ("The absolute accuracy reaches 57.4%, although it outperforms GPT-4 by 3%.", "57.4%", "baseline", None),
    # "respectively" over a list written "A, B and C" (no comma before "and")
    ("Our engine outperforms Orca, SGLang and TensorRT-LLM by 2x, 3x and 4x in goodput, respectively.", "3x", "baseline", "SGLang"),
    ("Our engine outperforms Orca, SGLang and TensorRT-LLM by 2x, 3x and 4x in goodput, respectively.", "4x", "baseline",
     "TensorRT-LLM"),
    # R8: "maximum" before a change noun marks a best case; "peak memory" names the metric
    ("The compiler achieves a maximum speedup of 3.7x over TVM.", "3.7x", "qualifier", "up_to"),
    ("The peak memory of the server is 80 GB during decoding.", "80 GB", "qualifier", "none"),
    # what a verb speeds up is the baseline only when it names a system, not a task or a model's run
    ("Skip blocks accelerate failure recovery by 7.9x on average.", "7.9x", "baseline", None),
    ("Our runtime accelerates Mixtral-8x7B inference by 3.1x.", "3.1x", "baseline", None),
    ("Our runtime accelerates Mixtral-8x7B inference by 3.1x.", "3.1x", "workload", "Mixtral-8x7B"),
    ("Our runtime accelerates PyTorch by 3.1x.", "3.1x", "baseline", "PyTorch"),
    # "doubles the X of Y": Y is the baseline; a share of the figure of something named (R15)
    ("The new allocator doubles the throughput of Orca.", "doubles", "baseline", "Orca"),
    ("The accelerator uses only 64% of the energy of Eyeriss.", "64%", "baseline", "Eyeriss"),
    ("The accelerator uses only 64% of the energy of Eyeriss.", "64%", "metric", "energy"),
    # R14: "absolute" makes a percentage percentage points
    ("The verifier yields an absolute gain of 4.2% in accuracy on MMLU.", "4.2%", "unit", "pp"),
    ("The verifier yields an absolute gain of 4.2% in accuracy on MMLU.", "4.2%", "metric", "accuracy"),
    # a qualifier's comparative is no change; a size reduced is a compression
    ("The detector achieves an error rate of less than 1.5%.", "1.5%", "change", "none"),
    ("Pruning reduces the model size by 30% with no loss.", "30%", "metric", "compression"),
    # baselines: the object of "improves ... by", "as fast as", a share of a named system (R15), "outperforms by N X"
    ("It consistently improves the base model by 7-15% in accuracy and outperforms widely used test-time learning baselines.",
     "7-15%", "baseline", "the base model"),
    ("Our design improves the sequential execution by 7.04x on average on the targeted octa-core platforms.",
     "7.04x", "baseline", "the sequential execution"),
    ("On ImageNet, it improves the accuracy by 2.7% compared to the E2E baseline.", "2.7%", "baseline", "the E2E baseline"),
    ("Our model is approximately four times as fast as ConvNeXt on A100.", "four times", "baseline", "ConvNeXt"),
    ("It surpasses GPT-3.5 by 6% and achieves 97.7% of GPT-4's performance on HumanEval.", "97.7%", "baseline", "GPT-4"),
    ("Overall, our approach outperforms by 1.6 times previous FP32 parallel implementations on a Continual Learning setup.",
     "1.6 times", "baseline", "previous FP32 parallel implementations"),
    ("It can inference 25x larger models than with GPU-only solutions, while delivering a high throughput of 84 TFLOPS.",
     "25x", "baseline", "GPU-only solutions"),
    ("Our model improves over the Transformer baseline by 1.2 BLEU on WMT14.", "1.2", "baseline", "the Transformer baseline"),
    ("D^2MoE reduces the peak memory footprint by up to 53% over the latest on-device inference frameworks.",
     "53%", "baseline", "the latest on-device inference frameworks"),
    ("We show that our kernels can achieve 50x speed-ups over a vanilla PyTorch implementation and allow 40x larger hidden sizes.",
     "50x", "baseline", "a vanilla PyTorch implementation"),
    ("Compared to existing compilers, it runs 2x faster than Triton and Ladder on A100.", "2x", "baseline", "Triton and Ladder"),
    # "respectively": the members of a list take the names of a list in turn, before or after the numbers
    ('Our evaluation demonstrates that compared to GPU-only, NPU-only, and a na\\"ive NPU+PIM integrated acceleration '
     'approaches, NeuPIMs achieves 3times, 2.4times and 1.6times throughput improvement, respectively.',
     "2.4times", "baseline", "NPU-only"),
    ("It is 2x, 3x, and 5x faster than vLLM, Orca, and TGI, respectively.", "5x", "baseline", "TGI"),
    # ... or the names given as examples ("such as", "like"), every list of them on the baseline's side
    ("Compared to existing compilers like Triton and Ladder, as well as hand-optimized kernels such as QuantLLM and Marlin, "
     "our VM achieves performance improvements of 1.75x, 2.61x, 1.29x and 1.03x, respectively.", "1.29x", "baseline", "QuantLLM"),
    ("It outperforms strong baselines such as vLLM and Orca by 2x and 3x, respectively.", "3x", "baseline", "Orca"),
    # ... but only examples right after the compared kind: not those of what was run, nor of another noun
    ("Our system achieves 1.8x and 2.3x speedups over FasterTransformer on models such as LLaMA-7B and OPT-13B, respectively.",
     "2.3x", "baseline", "FasterTransformer"),
    ("Compared with the baseline, which uses libraries such as cuBLAS and cuDNN, our method achieves 1.5x and 2.1x speedups "
     "on ResNet and BERT, respectively.", "2.1x", "baseline", "the baseline"),
    ("For models such as GPT-3 and BLOOM, compared with Megatron-LM, our system achieves 4.2x and 3.7x speedups, respectively.",
     "3.7x", "baseline", "Megatron-LM"),
    ("Compared to GPT-4 on benchmarks such as MMLU and GSM8K, it improves accuracy by 2% and 3%, respectively.",
     "3%", "baseline", "GPT-4"),
    # a phrase cut at "such [as]" loses "such"
    ("It outperforms strong baselines such as vLLM by 2x.", "2x", "baseline", "strong baselines"),
    # ... names, not the verb phrase after "and"
    ("It improves throughput by 1.7x and 2.4x over vLLM, and reduces latency by 30% and 40% over TGI, respectively.",
     "2.4x", "baseline", "vLLM"),
    ("Overall, PIM-GPT achieves 41-137times, 631-1074times speedup and 339-1085times, 890-1632times energy efficiency "
     "over GPU and CPU baseline, respectively, on 8 GPT models with up to 1.4 billion parameters.",
     "631-1074times", "baseline", "CPU baseline"),
    # ... but an introductory phrase and the subject after it are not a list
    ("Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence length "
     "respectively when scaling up to 64 NVIDIA P100 GPUs.", "3.0times", "baseline", "tensor parallelism"),
    # workload: not a system named as what is compared against
    ("MegaScale achieves 55.2% Model FLOPs Utilization (MFU) when training on 12,288 GPUs, improving the MFU by 1.34x "
     "compared to Megatron-LM.", "55.2%", "workload", None),
    ("DSPy allows GPT-3.5 to self-bootstrap pipelines that outperform standard few-shot prompting by over 25%.",
     "25%", "workload", "GPT-3.5"),
    ("Overall, PIM-GPT achieves 41-137times speedup over GPU on 8 GPT models with up to 1.4 billion parameters.",
     "41-137times", "workload", "GPT models"),
    # three figures or more against as many names, "respectively" left out (spec: "by up to 29times, 29times, and 3times")
    ("Our engine beats three popular servers vLLM, TGI, and Orca by 2x, 3x, and 4x.", "2x", "baseline", "vLLM"),
    ("Our engine beats three popular servers vLLM, TGI, and Orca by 2x, 3x, and 4x.", "4x", "baseline", "Orca"),
    ("H_2O improves the throughput over three leading inference systems DeepSpeed Zero-Inference, Hugging Face Accelerate, "
     "and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B and OPT-30B.", "3times", "baseline", "FlexGen"),
    ("H_2O improves the throughput over three leading inference systems DeepSpeed Zero-Inference, Hugging Face Accelerate, "
     "and FlexGen by up to 29times, 29times, and 3times on OPT-6.7B and OPT-30B.", "3times", "workload", "OPT-6.7B"),
    # gapping: "outperforms A by N1 and B by N2", the verb left out before B
    ("Our planner outperforms FIFO by 2x and LIFO by 3x on every trace.", "3x", "baseline", "LIFO"),
    ("AoT achieves an 80.6% F1 score, surpassing o3-mini by 3.4% and DeepSeek-R1 by 10.6%.", "10.6%", "baseline", "DeepSeek-R1"),
    # baseline: not a span of time ("in less than a day")
    ("The tool compresses the checkpoint 20x, in less than a day on one GPU.", "20x", "baseline", None),
    # baseline: not one a later figure of its own follows ("outperforms X by N")
    ("It improves recall by up to 29%, and also outperforms the previous best system RetroNet by 1.6 points in F1.",
     "29%", "baseline", None),
    ("It reduces latency by 30% and increases throughput by 2x compared to vLLM.", "30%", "baseline", "vLLM"),
    # baselines: a name goes on past a number ("Claude 3 Opus"); none of a list of compared names is a workload
    ("The agent improves accuracy by 12% and 19% over GPT-4o and Claude 3 Opus, respectively.", "19%", "baseline",
     "Claude 3 Opus"),
    ("Our runtime outperforms Ray, Dask and Spark by 2x, 3x and 5x in throughput, respectively.", "2x", "workload", None),
    # workload: not the system a compared figure was measured for
    ("Our engine answers 90 queries/s, versus 35 queries/s for DuckDB.", "35 queries/s", "workload", None),
    ("It answers 90 queries/s on TPC-H, compared with 35 queries/s for DuckDB.", "90 queries/s", "workload", "TPC-H"),
    # workload: not a metric's name after the number
    ("For a 20B GPT model, we observe a 1.71x increase in TFLOPS per GPU when compared with ZeRO++.", "1.71x", "workload",
     None),
    ("The kernel shows a 2x gain in GFLOPS on every matrix.", "2x", "workload", None),
    # hardware: "up to" and "with" do not make a device a comparison
    ("Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence length "
     "respectively when scaling up to 64 NVIDIA P100 GPUs.", "13.7times", "hardware", "64 NVIDIA P100 GPUs"),
    ("It achieves a 2.1x speedup with 8 A100 GPUs.", "2.1x", "hardware", "8 A100 GPUs"),
    # change: "<verb> <object> by N" takes the verb's direction, not that of a change noun in the object
    ("The allocator reduces the scheduling overhead by up to 8x.", "8x", "change", "decrease"),
    ("FlexLLM reduces the activation GPU memory overhead by up to 8x.", "8x", "change", "decrease"),
    ("The new cache cuts lookup overhead by roughly 30% on every trace.", "30%", "change", "decrease"),
    ("It improves throughput and reduces memory by 30%.", "30%", "change", "decrease"),
    ("The planner improves the memory savings by 30%.", "30%", "change", "increase"),
    # R14: "absolute" after the number, an error bar between
    ("Fine-tuned models outperform the base model by +20% (+/-3%) in absolute score.", "20%", "unit", "pp"),
    ("The retriever brings a 3.1% absolute gain in recall.", "3.1%", "unit", "pp"),
    # a change word after the number counts only in its own conjunct, not after "and"
    ("The scheduler cuts job completion time by up to 62% and improves cluster utilization by 19 percentage points.",
     "62%", "change", "decrease"),
    ("The patch shrinks the heap by 20% and increases the hit rate.", "20%", "change", "decrease"),
    # gapping: "<verb> X by N1, and Y by N2" repeats the verb for Y
    ("The cache reduces lookup latency by 2x, and the index size by up to 40%.", "40%", "change", "decrease"),
    ("FlexLLM reduces the activation GPU memory overhead by up to 8x, and the end-to-end GPU memory requirement of "
     "finetuning by up to 36%.", "36%", "change", "decrease"),
    ("The cache reduces lookup latency by 2x, and the model fits on 40% of the devices.", "40%", "change", "none"),
    # metric: after a word that says only "better", "for ..." names where it was measured, not what was better
    ("It improves runtime performance by 15% for applications with heavy communication costs.", "15%", "metric", "speedup"),
    ("Our tool outperforms the baseline by 23% in throughput.", "23%", "metric", "throughput"),
    ("Local tuning improves performance by up to 130% in tasks like memory capacity and time series prediction.", "130%",
     "metric", "accuracy"),
    # "runtime performance" is a speed whatever else the sentence names
    ("On the C4 corpus jobs, the cache improves runtime performance by 15% for most applications.", "15%", "metric", "speedup"),
    # hardware: not one named in a later clause
    ("It can inference 25x larger models than with GPU-only solutions, while delivering a high throughput of "
     "84 TFLOPS (over 50% of A6000 peak).", "25x", "hardware", None),
]


@pytest.mark.parametrize("sentence,mention,field,expected", FIELD_CASES, ids=[f"{c[2]}:{c[0][:40]}" for c in FIELD_CASES])
def test_fields(sentence, mention, field, expected):
    for text in (sentence, OPENING + sentence):  # the same wherever the sentence stands
        claims = {c.mention: c for c in extract_claims(Paper("T", text, "test:1"))}
        assert getattr(claims[mention], field) == expected


def test_mentions_are_exact_substrings():
    text = "It is 2.4× faster – about ∼3 ms per token, and uses \\textless2MB of storage."
    for c in extract_claims(Paper("T", text, "test:1")):
        assert text[c.start : c.end] == c.mention
