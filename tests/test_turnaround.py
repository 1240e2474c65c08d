"""Comparisons stated from the baseline's side are recorded from the paper's side (spec ruling R16).

Each row is an abstract (title, text), a mention, and the claim's expected
(change, baseline, hardware). The first rows are from the built-in corpus
(paper b93dd53516 of corpus/gold/dev.jsonl, whose annotation they follow);
the others vary who is the paper's own.
"""
import pytest

from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper

PULP = (
    "We optimized the parallel algorithms through a fine-grained analysis and intensive optimization to maximize the "
    "speedup, considering two alternative Floating-Point (FP) emulation libraries on GAP8 and the native FPU support on "
    "PULP-OPEN. Lastly, we present a comparison with the ARM Cortex-M4 microcontroller (MCU), a widely adopted commercial "
    "solution for edge deployments, which is 12.87x slower and 98% less energy-efficient than PULP-OPEN."
)

CASES = [
    # the paper's platform is the faster side: its speedup over the MCU, and its energy saving
    (("DNN is not all you need", PULP), "12.87x", ("increase", "ARM Cortex-M4", "PULP-OPEN")),
    (("DNN is not all you need", PULP), "98%", ("decrease", "ARM Cortex-M4", "PULP-OPEN")),
    # the paper's own said in the first person, or the name its title or text introduces
    (("T", "Existing systems are up to 3x slower than our approach."), "3x", ("increase", "Existing systems", None)),
    (("TriForce: Lossless Acceleration", "The auto-regressive baseline is 2.5x slower than TriForce on an A100."),
     "2.5x", ("increase", "auto-regressive baseline", "A100")),
    (("T", "We introduce Tilus, a virtual machine. Triton is 1.8x slower than Tilus."), "1.8x", ("increase", "Triton", None)),
    # not the paper's own: kept as the text states it (the baseline's side is then what was compared with)
    (("T", "We study attention kernels. The baseline is 2.5x slower than FlashAttention-3."),
     "2.5x", ("decrease", "FlashAttention-3", None)),
    # the authors' own baselines are not the paper's system: kept as stated
    (("T", "The default scheduler is 2x slower than our baseline implementation."),
     "2x", ("decrease", "our baseline implementation", None)),
    (("T", "We propose RocketKV. RocketKV is 1.4x slower than our previous work, SnapKV-2, but uses less memory."),
     "1.4x", ("decrease", "our previous work", None)),
    # hardware is the paper's platform only where a sentence opening in the first person says the work ran on it
    (("T", "Unlike our approach, prior work runs on a V100. The CPU is 14x slower than V100."), "14x", ("decrease", "V100", None)),
    # the other side is the phrase before the verb, not hardware of the setup nor the words before it
    (("FlexGen: High-throughput Generative Inference", "With a 16GB T4 GPU, DeepSpeed Zero-Inference is 100x slower than FlexGen."),
     "100x", ("increase", "DeepSpeed Zero-Inference", "T4 GPU")),
    (("T", "Our evaluation shows that the stock scheduler is 2x slower than our design."), "2x", ("increase", "stock scheduler", None)),
    # the "than" of another comparison: kept as stated
    (("T", "Existing systems are 3x slower on long sequences, while vLLM is faster than our approach."),
     "3x", ("decrease", "our approach", None)),
    # no other side the sentence names ("which" alone): kept as stated
    (("T", "We compare with the stock kernel, which is 2x slower than ours."), "2x", ("decrease", None, None)),
]


@pytest.mark.parametrize("paper,mention,expected", CASES, ids=[f"{c[1]}:{c[0][1][:40]}" for c in CASES])
def test_turned_around(paper, mention, expected):
    claims = {c.mention: c for c in extract_claims(Paper(paper[0], paper[1], "test:1"))}
    claim = claims[mention]
    assert (claim.change, claim.baseline, claim.hardware) == expected
    assert claim.metric == ("energy" if claim.unit == "%" else "speedup")


# Any other comparison stated from the baseline's side turns around too: the paper's system has the opposite change.
COMPARATIVE_CASES = [
    # (paper, mention, (metric, change, baseline))
    (("T", "We present Quill, a log store. RocksDB needs 2.5x more memory than Quill."), "2.5x", ("memory", "decrease", "RocksDB")),
    (("T", "We introduce Tern. Existing schedulers show 40% higher tail latency than Tern."), "40%",
     ("latency", "decrease", "Existing schedulers")),
    (("T", "Our evaluation shows that the greedy decoder achieves 12% lower accuracy than our method."), "12%",
     ("accuracy", "increase", "greedy decoder")),
    # not the paper's own: kept as stated
    (("T", "We study caches. RocksDB needs 2.5x more memory than LevelDB."), "2.5x", ("memory", "increase", "LevelDB")),
]


@pytest.mark.parametrize("paper,mention,expected", COMPARATIVE_CASES, ids=[f"{c[1]}:{c[0][1][:40]}" for c in COMPARATIVE_CASES])
def test_other_comparisons_turned_around(paper, mention, expected):
    claims = {c.mention: c for c in extract_claims(Paper(paper[0], paper[1], "test:1"))}
    claim = claims[mention]
    assert (claim.metric, claim.change, claim.baseline) == expected
