"""Hardware and workload names (spec: fields ``hardware`` and ``workload``, rulings R2, R3, R4).

One example (tests/examples.py) per form of name the extractor knows, each with a sentence from
the development corpus (corpus/seeds and the development gold sets, verbatim or cut from one of
their sentences: tests/examples.py says how that is decided, and test_sources checks it) where
there is one, and invented sentences beside it, so that the rule is a rule for the form and not
for one sentence. No bugs caught or known misses yet. Three levels:

- ``context.find_hardware`` / ``context.find_workloads`` on a sentence: every name found, as written;
- names that are not hardware or not workloads (precision: a wrong name is worse than none);
- end to end, ``extract_claims`` on a small abstract: only the claim's hardware and workload
  fields are checked (the metric fields are someone else's to test).

Also the tables the names come from: accelerators.csv (Epoch AI, CC BY 4.0) and machines.csv.
"""
from __future__ import annotations

import pytest

from claimbench.extract import context, names

from examples import Example, Has, Workload, check, check_sources, params

# ------------------------------------------------------------------ hardware found, as written

# Hardware found: sentences of the development corpus.
HARDWARE_CORPUS = [
    Example(
        "It runs on a single server with 4x NVIDIA A6000 or 8x NVIDIA 3090 GPUs.",
        hardware=["NVIDIA A6000", "NVIDIA 3090 GPUs"],
        form="a bare GeForce number after the vendor",
        source="corpus",
    ),
    Example(
        "We perform experiments on two GPUs, P100 and P4000.",
        hardware=["P100", "P4000"],
        form="a bare GeForce number after the vendor",
        source="corpus",
    ),
    Example(
        "FlashAttention-2 yields around 2times speedup, reaching 50-73% of the theoretical maximum FLOPs/s on A100.",
        hardware=["A100"],
        form="hand-kept spellings the table lacks",
        source="corpus",
    ),
    Example(
        "Our implementation achieves high performance on Intel® Xeon Phi™ processors (1.1 - 2.1x faster than Intel® Xeon® "
        "processors).",
        hardware=["Intel® Xeon Phi™ processors", "Intel® Xeon® processors"],
        form="Xeon SKUs, with the marks of a trade name kept as written",
        source="corpus",
    ),
    Example(
        "Our implementation is optimized for the Intel Xeon Phi architecture, reaching 39% of peak performance on a single "
        "node.",
        hardware=["Intel Xeon Phi architecture"],
        form="Xeon SKUs, with the marks of a trade name kept as written",
        source="corpus",
    ),
    Example(
        "A high-performance implementation of the algorithm attains up to 15x speedup on a 24-core Intel Ivy Bridge "
        "processor and up to 49x speedup on a 64-core Intel KNL manycore processor.",
        hardware=["24-core Intel Ivy Bridge processor", "64-core Intel KNL manycore processor"],
        form="processor generations, with a count and a device word",
        source="corpus",
    ),
    Example(
        "We use two platforms with differences in architecture and price points: an Intel Xeon and an ARM-based Cavium "
        "ThunderX server.",
        hardware=["Intel Xeon", "Cavium ThunderX server"],
        form="ARM and POWER server chips",
        source="corpus",
    ),
    Example(
        "Quartet uses optimized CUDA kernels tailored for NVIDIA Blackwell GPUs.",
        hardware=["NVIDIA Blackwell GPUs"],
        form="GPU generations: only with a vendor or a GPU word",
        source="corpus",
    ),
    Example(
        "We validated its performance on Tianhe-2 and Stampede that are respectively the world's current 2nd and 12th "
        "fastest supercomputers.",
        hardware=["Tianhe-2", "Stampede"],
        form="supercomputers whose names are names only",
        source="corpus",
    ),
    Example(
        "The framework have demonstrated good weak scalability on the TSUBAME 2.5 supercomputer.",
        hardware=["TSUBAME 2.5 supercomputer"],
        form="supercomputers whose names are names only",
        source="corpus",
    ),
    Example(
        "Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained) across 9636 nodes.",
        hardware=["Cori system"],
        form="supercomputers whose names are names only",
        source="corpus",
    ),
    Example(
        "We facilitate training a trillion-parameter model on Frontier.",
        hardware=["Frontier"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="corpus",
    ),
    Example(
        "We extract this computation from Frontier, the world's first exascale supercomputer.",
        hardware=["Frontier"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="corpus",
    ),
    Example(
        "We optimize LLM workloads on Frontier AMD GPUs.",
        hardware=["Frontier"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="corpus",
    ),
    Example(
        "The proposed compression architecture is applied to the Hybrid Memory Cube (HMC) with a logic layer under the "
        "stacked DRAMs.",
        hardware=["Hybrid Memory Cube (HMC)"],
        form="memory, network, radios, boards",
        source="corpus",
    ),
    Example(
        "We implement and evaluate Choir on USRP N210 base stations serving a 10 square kilometer area.",
        hardware=["USRP N210 base stations"],
        form="memory, network, radios, boards",
        source="corpus",
    ),
    Example(
        "We apply NORAX to the commonly used Android system binaries running on SAMSUNG Galaxy S6 and LG Nexus 5X devices.",
        hardware=["SAMSUNG Galaxy S6", "LG Nexus 5X devices"],
        form="phones, with their vendor",
        source="corpus",
    ),
]

# Hardware found: sentences written for the form.
HARDWARE_INVENTED = [
    Example(
        "We show how to specialize one warp on an NVIDIA k40m GPU across a set of 25 kernels.",
        hardware=["NVIDIA k40m GPU"],
        form="accelerators.csv: product tokens derived from Epoch AI's names",
        source="invented",
    ),
    Example(
        "Specifically, on 8 NVIDIA Tesla K20X GPUs and a Tesla V100S it runs 2x faster.",
        hardware=["8 NVIDIA Tesla K20X GPUs", "Tesla V100S"],
        form="accelerators.csv: product tokens derived from Epoch AI's names",
        source="invented",
    ),
    Example(
        "It is 3x faster on a K40m GPU than on the K20c, and 2x on 16 V100s.",
        hardware=["K40m GPU", "K20c", "16 V100s"],
        form="accelerators.csv: product tokens derived from Epoch AI's names",
        source="invented",
    ),
    Example(
        "A single AMD Instinct MI300X matches 8 H100s in throughput.",
        hardware=["single AMD Instinct MI300X", "8 H100s"],
        form="accelerators.csv: product tokens derived from Epoch AI's names",
        source="invented",
    ),
    Example(
        "Training fits on two Nvidia 4090 cards.",
        hardware=["two Nvidia 4090 cards"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "We measure 3x on two Intel Habana Gaudi2 accelerators and on Gaudi 3.",
        hardware=["two Intel Habana Gaudi2 accelerators", "Gaudi 3"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "It reaches 40% MFU on 1,024 Trainium2 chips and on AWS Inferentia2.",
        hardware=["1,024 Trainium2 chips", "AWS Inferentia2"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "Training on TPU v5e and Google TPU v7 Ironwood pods is 2x cheaper.",
        hardware=["TPU v5e", "Google TPU v7 Ironwood"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "It achieves 30 tokens/s on a GeForce GTX 1080 Ti and 45 tokens/s on an NVIDIA TITAN Xp.",
        hardware=["GeForce GTX 1080 Ti", "NVIDIA TITAN Xp"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "The Quadro RTX 6000 and the RTX 6000 Ada reach 2x.",
        hardware=["Quadro RTX 6000", "RTX 6000 Ada"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "Inference on a Huawei Ascend 910B and on Baidu Kunlun R200 is 3x faster.",
        hardware=["Huawei Ascend 910B", "Baidu Kunlun R200"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "On an Intel Data Center GPU Max 1550 we see 2x.",
        hardware=["Intel Data Center GPU Max 1550"],
        form="a bare GeForce number after the vendor",
        source="invented",
    ),
    Example(
        "The NVIDIA L2 is twice as fast as the L2 cache; P4 programs run on Tofino2 switches.",
        hardware=["NVIDIA L2", "Tofino2 switches"],
        form='a one-letter, one-digit code needs a vendor or a GPU word ("L2 cache", "P4 programs" are not hardware)',
        source="invented",
    ),
    Example(
        "It serves 2x more requests on NVIDIA P4 GPUs than P4 switches.",
        hardware=["NVIDIA P4 GPUs"],
        form='a one-letter, one-digit code needs a vendor or a GPU word ("L2 cache", "P4 programs" are not hardware)',
        source="invented",
    ),
    Example(  # kept alone, as before the table (hardware.toml)
        "Inference on a T4 takes 12 ms.",
        hardware=["T4"],
        form='a one-letter, one-digit code needs a vendor or a GPU word ("L2 cache", "P4 programs" are not hardware)',
        source="invented",
    ),
    Example(
        "On a Jetson AGX Orin and a Jetson TX1 it runs at 20 FPS.",
        hardware=["Jetson AGX Orin", "Jetson TX1"],
        form="hand-kept spellings the table lacks",
        source="invented",
    ),
    Example(
        "The Radeon RX 7900 XTX and Radeon GPUs achieve 2x.",
        hardware=["Radeon RX 7900 XTX", "Radeon GPUs"],
        form="hand-kept spellings the table lacks",
        source="invented",
    ),
    Example(
        "A 32-core AMD Threadripper 3990X and a Ryzen 9 5950X reach 2x.",
        hardware=["32-core AMD Threadripper 3990X", "Ryzen 9 5950X"],
        form="hand-kept spellings the table lacks",
        source="invented",
    ),
    Example(
        "It runs on a Xeon Gold 6248, a Xeon E5-2680 v4 and a Xeon Platinum 8380H.",
        hardware=["Xeon Gold 6248", "Xeon E5-2680 v4", "Xeon Platinum 8380H"],
        form="Xeon SKUs, with the marks of a trade name kept as written",
        source="invented",
    ),
    Example(
        "Our code attains 3x on Intel Knights Landing and 2x on Haswell-EP and Skylake-SP nodes.",
        hardware=["Intel Knights Landing", "Haswell-EP", "Skylake-SP nodes"],
        form="processor generations, with a count and a device word",
        source="invented",
    ),
    Example(
        "It speeds up a Sapphire Rapids server and a Cascade Lake CPU by 2x.",
        hardware=["Sapphire Rapids server", "Cascade Lake CPU"],
        form="processor generations, with a count and a device word",
        source="invented",
    ),
    Example(
        "It is 4x faster on dual-socket AMD EPYC 7742 CPUs and 3x on EPYC Milan.",
        hardware=["dual-socket AMD EPYC 7742 CPUs", "EPYC Milan"],
        form="processor generations, with a count and a device word",
        source="invented",
    ),
    Example(
        "We port it to the Fujitsu A64FX, Cavium ThunderX2, AWS Graviton3 and Ampere Altra processors.",
        hardware=["Fujitsu A64FX", "Cavium ThunderX2", "AWS Graviton3", "Ampere Altra processors"],
        form="ARM and POWER server chips",
        source="invented",
    ),
    Example(
        "On IBM POWER9 and IBM POWER processors it is 2x faster.",
        hardware=["IBM POWER9", "IBM POWER processors"],
        form="ARM and POWER server chips",
        source="invented",
    ),
    Example(
        "NVIDIA Volta GPUs, Turing GPUs and NVIDIA Hopper reach 2x, unlike Turing machines.",
        hardware=["NVIDIA Volta GPUs", "Turing GPUs", "NVIDIA Hopper"],
        form="GPU generations: only with a vendor or a GPU word",
        source="invented",
    ),
    Example(
        "It runs on Tianhe-2A, TSUBAME3.0, Fugaku, Perlmutter, Piz Daint and Blue Waters.",
        hardware=["Tianhe-2A", "TSUBAME3.0", "Fugaku", "Perlmutter", "Piz Daint", "Blue Waters"],
        form="supercomputers whose names are names only",
        source="invented",
    ),
    Example(
        "It scales to 4,096 nodes of Stampede2, the Sunway TaihuLight and a Blue Gene/Q.",
        hardware=["Stampede2", "Sunway TaihuLight", "Blue Gene/Q"],
        form="supercomputers whose names are names only",
        source="invented",
    ),
    Example(
        "Cray XC40 and JUWELS Booster runs, on MareNostrum 4, Marconi100 and Shaheen II.",
        hardware=["Cray XC40", "JUWELS Booster", "MareNostrum 4", "Marconi100", "Shaheen II"],
        form="supercomputers whose names are names only",
        source="invented",
    ),
    Example(
        "We ran on the K computer, Oakforest-PACS, ABCI and Frontera.",
        hardware=["K computer", "Oakforest-PACS", "ABCI", "Frontera"],
        form="supercomputers whose names are names only",
        source="invented",
    ),
    Example(
        "Our setting targets the current Top-1 supercomputing cluster, Frontier, which uses AMD GPUs.",
        hardware=["Frontier"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "It runs on Titan, a Cray XK7.",
        hardware=["Titan", "Cray XK7"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "The supercomputer Aurora reaches 2x.",
        hardware=["Aurora"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "Supercomputers such as Mira and Edison, and the El Capitan system.",
        hardware=["Mira", "Edison", "El Capitan system"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "It uses 27,648 GPUs of Summit.",
        hardware=["Summit"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "It scales to 4,608 nodes of Summit and Sierra, near the Pareto Frontier.",
        hardware=["Summit", "Sierra"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "It is 2x faster on Polaris.",
        hardware=["Polaris"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "The Summit, Sierra and Titan supercomputers run it 2x faster.",
        hardware=["Summit", "Sierra", "Titan supercomputers"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "Both the Titan V and the Titan supercomputer run it.",
        hardware=["Titan V", "Titan supercomputer"],
        form='supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list',
        source="invented",
    ),
    Example(
        "Intel Optane cuts latency by 2x.",
        hardware=["Intel Optane"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "Mellanox ConnectX-5 NICs and NVIDIA BlueField-2 DPUs and a NetFPGA-SUME board.",
        hardware=["Mellanox ConnectX-5 NICs", "NVIDIA BlueField-2 DPUs", "NetFPGA-SUME board"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "We evaluate on USRP B210 radios, bladeRF and HackRF.",
        hardware=["USRP B210 radios", "bladeRF", "HackRF"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "It runs on an Arduino Uno, an ESP32, an MSP430 and an nRF52840.",
        hardware=["Arduino Uno", "ESP32", "MSP430", "nRF52840"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "On a Xilinx Zynq UltraScale+ ZCU102 board, a Virtex-7 FPGA, a Spartan-6 FPGA and a PYNQ-Z1.",
        hardware=["Xilinx Zynq UltraScale+", "ZCU102 board", "Virtex-7 FPGA", "Spartan-6 FPGA", "PYNQ-Z1"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "An Intel Movidius and a Myriad X reach 20 FPS.",
        hardware=["Intel Movidius", "Myriad X"],
        form="memory, network, radios, boards",
        source="invented",
    ),
    Example(
        "On a Galaxy Note 9, a OnePlus 8T and a Moto G4 it saves 30% energy.",
        hardware=["Galaxy Note 9", "OnePlus 8T", "Moto G4"],
        form="phones, with their vendor",
        source="invented",
    ),
    Example(
        "On p3.16xlarge instances, g4dn.xlarge, n1-standard-8 and a2-highgpu-8g VMs it is 2x cheaper.",
        hardware=["p3.16xlarge instances", "g4dn.xlarge", "n1-standard-8", "a2-highgpu-8g VMs"],
        form="clouds and testbeds",
        source="invented",
    ),
    Example(
        "It runs on Amazon EC2 and EC2 instances; we replay EC2 traces.",
        hardware=["Amazon EC2", "EC2 instances"],
        form="clouds and testbeds",
        source="invented",
    ),
    Example(
        "We deploy it on CloudLab, Chameleon Cloud, Emulab, Grid'5000, PlanetLab, GENI and FIT IoT-LAB.",
        hardware=["CloudLab", "Chameleon Cloud", "Emulab", "Grid'5000", "PlanetLab", "GENI", "FIT IoT-LAB"],
        form="clouds and testbeds",
        source="invented",
    ),
]

HARDWARE = HARDWARE_CORPUS + HARDWARE_INVENTED


@pytest.mark.parametrize("example", params(HARDWARE))
def test_hardware_found(example):
    check(example)


# ------------------------------------------------------------------ not hardware

# No hardware: sentences of the development corpus.
NOT_HARDWARE_CORPUS = [
    Example(
        "We prove a lower bound under the standard Word-RAM model with Theta(log n)-bit words.",
        hardware=[],
        form="not hardware",
        source="corpus",
    ),
    Example(
        "It only rules out an I/O complexity of o(Nd) when M=Theta(Nd).",
        hardware=[],
        form="not hardware",
        source="corpus",
    ),
    Example(  # an instruction set
        "We leverage the advancements in RISC-V RV32 architectures with FP16 SIMD operations.",
        hardware=[],
        form="not hardware",
        source="corpus",
    ),
]

# No hardware: sentences written for the form.
NOT_HARDWARE_INVENTED = [
    Example(
        "Our method pushes the Pareto Frontier of accuracy and cost by 2x.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(  # a number that is also a GeForce model, no vendor
        "We collected 3090 samples from 4090 users.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "Frontier models are 3x more capable; Frontier systems are costlier.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "At the Summit on AI safety, we show 3x.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "The Aurora model achieves 5x, trained on Aurora, a foundation model of the atmosphere.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "It converges on Sierra Leone data, on Summit-scale problems and on Frontier models.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "Based on Edison's work, the Titan model and the Comet score improve by 3%.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "Turing machines and the Turing test, Maxwell equations, Pascal's triangle, 10 Ampere.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "P4 programs on P4 switches and P4 devices, an L2 cache and L2 regularization.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "We replay Amazon EC2 traces and EC2 spot markets.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
    Example(
        "GPUs, modern GPUs, CPUs, edge devices and a GPU cluster are generic classes.",
        hardware=[],
        form="not hardware",
        source="invented",
    ),
]

NOT_HARDWARE = NOT_HARDWARE_CORPUS + NOT_HARDWARE_INVENTED


@pytest.mark.parametrize("example", params(NOT_HARDWARE))
def test_not_hardware(example):
    check(example)


def test_hardware_keeps_no_sentence_period():
    assert [h[2] for h in context.find_hardware("It trains a trillion-parameter model on Frontier.")] == ["Frontier"]
    assert [h[2] for h in context.find_hardware("It runs on TSUBAME 2.5.")] == ["TSUBAME 2.5"]


# ------------------------------------------------------------------ workloads found, as written, with their kind

# Workloads found: sentences of the development corpus.
WORKLOADS_CORPUS = [
    Example(
        "Less than 5% overhead for the TPC-C workload with ~ 10 seconds of data loss.",
        workloads=[Workload("TPC-C", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="corpus",
    ),
    Example(
        "We evaluate SLAB using SPEC CPU2006 and Cloudsuite benchmarks.",
        workloads=[Workload("SPEC CPU2006", "model"), Workload("Cloudsuite", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="corpus",
    ),
    Example(
        "We studied 28 OpenMP parallel regions from five NAS Parallel Benchmark (NPB) applications.",
        workloads=[Workload("NAS Parallel Benchmark (NPB)", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="corpus",
    ),
    Example(
        "Under the Retwis benchmark, client-local validation yields a 35% reduction in latency.",
        workloads=[Workload("Retwis", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="corpus",
    ),
    Example(
        "BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%, and "
        "reduce the running time of Hive join job by about 50% and that of Spark join job by about 80%.",
        workloads=[Workload("Tomcat", "model"), Workload("Cassandra", "model"), Workload("MySQL", "model"),
                   Workload("Hive join job", "model"), Workload("Spark join job", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="corpus",
    ),
    Example(
        "We evaluated QDIME with Gzip, MySQE server, Apache HTTP server, and Redis.",
        workloads=[Workload("Gzip", "model"), Workload("Apache HTTP server", "model"), Workload("Redis", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="corpus",
    ),
    Example(
        "We achieve performance improvements of 41% for Cassandra and 9% for ScyllaDB.",
        workloads=[Workload("Cassandra", "model"), Workload("ScyllaDB", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="corpus",
    ),
    Example(
        "It reduces tail latency for two representative interactive services, Memcached and NGINX.",
        workloads=[Workload("Memcached", "model"), Workload("NGINX", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="corpus",
    ),
    Example(
        "We show that, considering the Movielens dataset, 5.94% of the clicks improve the recommender utility.",
        workloads=[Workload("Movielens", "bench")],
        form='data sets named in the lists (kind "bench": quality scores are about them)',
        source="corpus",
    ),
    Example(
        "In a single query deployment with EmailProcessor benchmark we observed 16.70% improvement.",
        workloads=[Workload("EmailProcessor benchmark", "bench")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="corpus",
    ),
    Example(
        "Experimental results on SPC and Microsoft traces have shown that DEFT-Cache improves I/O performance by 26.81% to "
        "56.26%.",
        workloads=[Workload("Microsoft traces", "bench")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="corpus",
    ),
    Example(
        "We used two application benchmarks called EmailProcessor and a Social Networking Benchmark (SNB2016).",
        workloads=[Workload("Social Networking Benchmark", "bench")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="corpus",
    ),
    Example(
        "On the challenging LVIS dataset, YOLO-World achieves 35.4 AP with 52.0 FPS on V100.",
        workloads=[Workload("LVIS dataset", "bench"), Workload("YOLO-World", "model")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="corpus",
    ),
    Example(
        "We compare with instruction-tuned LLMs like Mixtral-Instruct.",
        workloads=[Workload("Mixtral-Instruct", "model")],
        form="names end before a sentence period",
        source="corpus",
    ),
    Example(
        "We evaluate Qwen2.5-7B-Instruct-1M, as well as the API-accessed model Qwen2.5-Turbo.",
        workloads=[Workload("Qwen2.5-7B-Instruct-1M", "model"), Workload("Qwen2.5-Turbo", "model")],
        form="names end before a sentence period",
        source="corpus",
    ),
]

# Workloads found: sentences written for the form.
WORKLOADS_INVENTED = [
    Example(
        "It sustains 2x higher throughput on TPC-H, TPC-C, TPC-DS and TPCx-BB queries.",
        workloads=[Workload("TPC-H", "model"), Workload("TPC-C", "model"), Workload("TPC-DS", "model"),
                   Workload("TPCx-BB", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "On YCSB and YCSB-A it is 3x faster; on PARSEC 3.0 and SPLASH-2 it saves 20%.",
        workloads=[Workload("YCSB", "model"), Workload("YCSB-A", "model"), Workload("PARSEC 3.0", "model"),
                   Workload("SPLASH-2", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "We evaluate with SPEC CPU 2017, SPECjbb2015 and CloudSuite.",
        workloads=[Workload("SPEC CPU 2017", "model"), Workload("SPECjbb2015", "model"), Workload("CloudSuite", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "DeathStarBench and TailBench latencies drop by 30%; Graph500 runs 2x faster.",
        workloads=[Workload("DeathStarBench", "model"), Workload("TailBench", "model"), Workload("Graph500", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "NPB and the NAS Parallel Benchmarks run 2x faster.",
        workloads=[Workload("NPB", "model"), Workload("NAS Parallel Benchmarks", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "LULESH, DaCapo, Rodinia, PolyBench, HPL, HPCG and MLPerf all speed up by 2x.",
        workloads=[Workload("LULESH", "model"), Workload("DaCapo", "model"), Workload("Rodinia", "model"),
                   Workload("PolyBench", "model"), Workload("HPL", "model"), Workload("HPCG", "model"),
                   Workload("MLPerf", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "PageRank on LiveJournal and TeraSort run 3x faster; LDBC SNB too.",
        workloads=[Workload("PageRank", "model"), Workload("LiveJournal", "model"), Workload("TeraSort", "model"),
                   Workload("LDBC SNB", "model")],
        form='systems benchmarks (kind "model": what a systems number is about, R3)',
        source="invented",
    ),
    Example(
        "It improves the throughput of Redis, memcached and the MySQL server by 2x.",
        workloads=[Workload("Redis", "model"), Workload("memcached", "model"), Workload("MySQL server", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "PostgreSQL, SQLite, MongoDB, RocksDB and LevelDB gain 20%.",
        workloads=[Workload("PostgreSQL", "model"), Workload("SQLite", "model"), Workload("MongoDB", "model"),
                   Workload("RocksDB", "model"), Workload("LevelDB", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "Spark Streaming, Hadoop, Flink, Kafka and ZooKeeper gain 2x; Spark-based systems do not.",
        workloads=[Workload("Spark Streaming", "model"), Workload("Hadoop", "model"), Workload("Flink", "model"),
                   Workload("Kafka", "model"), Workload("ZooKeeper", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "Tomcat, Nginx, lighttpd, Varnish and HAProxy serve 2x more requests.",
        workloads=[Workload("Tomcat", "model"), Workload("Nginx", "model"), Workload("lighttpd", "model"),
                   Workload("Varnish", "model"), Workload("HAProxy", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "Elasticsearch, etcd and Ceph gain 30%; Firefox, Chromium and SpiderMonkey slow down by 5%.",
        workloads=[Workload("Elasticsearch", "model"), Workload("etcd", "model"), Workload("Ceph", "model"),
                   Workload("Firefox", "model"), Workload("Chromium", "model"), Workload("SpiderMonkey", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "Node.js, OpenSSL, gzip and FFmpeg run 10% faster.",
        workloads=[Workload("Node.js", "model"), Workload("OpenSSL", "model"), Workload("gzip", "model"),
                   Workload("FFmpeg", "model")],
        form='applications, with what belongs to them ("join job", "server")',
        source="invented",
    ),
    Example(
        "On MovieLens-1M and Criteo it improves accuracy by 2%.",
        workloads=[Workload("MovieLens-1M", "bench"), Workload("Criteo", "bench")],
        form='data sets named in the lists (kind "bench": quality scores are about them)',
        source="invented",
    ),
    Example(
        "Under the Foobar benchmark and on the Quux dataset, latency falls by 35%.",
        workloads=[Workload("Foobar benchmark", "bench"), Workload("Quux dataset", "bench")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="invented",
    ),
    Example(
        "We measure 80% of peak bandwidth on the well-known STREAM benchmark.",
        workloads=[Workload("STREAM benchmark", "bench")],
        form="a capitalized name said to be a benchmark, data set or traces",
        source="invented",
    ),
    Example(
        "It is 2x faster on Llama-2-7B.",
        workloads=[Workload("Llama-2-7B", "model")],
        form="names end before a sentence period",
        source="invented",
    ),
]

WORKLOADS = WORKLOADS_CORPUS + WORKLOADS_INVENTED


@pytest.mark.parametrize("example", params(WORKLOADS))
def test_workloads_found(example):
    check(example)


# No workload: sentences of the development corpus.
NOT_WORKLOADS_CORPUS = [
    Example(
        "FollowRAG can seamlessly integrate with different RAG benchmarks.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="corpus",
    ),
    Example(
        "It achieves better or on-par performance on standard VLM benchmarks compared with much larger VLMs.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="corpus",
    ),
    Example(
        "With meta-data sizes of less than 7% of the original LLC traces, SLAB demonstrates over 91% accuracy.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="corpus",
    ),
    Example(
        "We run on fixed hardware, the AlgoPerf: Training Algorithms benchmark.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="corpus",
    ),
]

# No workload: sentences written for the form.
NOT_WORKLOADS_INVENTED = [
    Example(
        "It beats prior work on HPC benchmarks and Real-world datasets by 3x.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="invented",
    ),
    Example(
        "Large-scale datasets and Synthetic datasets show 2x.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="invented",
    ),
    Example(
        "Spark-based and Hadoop-style systems are 2x slower.",
        workloads=[],
        form="generic classes (R3) and phrases around a name",
        source="invented",
    ),
    Example(
        "It is 3x faster on TPU and 2x faster on x86-64 and ARM32 than on Summit.",
        workloads=[],
        form="hardware is never a workload",
        source="invented",
    ),
]

NOT_WORKLOADS = NOT_WORKLOADS_CORPUS + NOT_WORKLOADS_INVENTED


@pytest.mark.parametrize("example", params(NOT_WORKLOADS))
def test_not_workloads(example):
    check(example)


@pytest.mark.parametrize("sentence,at", [
    ("Our algorithms have maximum speedups of 6150x for GPU and 3403x for CPU.", 33),
    ("It is 2.5x faster on TPU.", 10),
    ("A combined average overhead of 4.56% on x86-64 and 4.88% on ARM32.", 34),
    ("It scales 2x better on Titan.", 13),
])
def test_no_name_right_after_a_number_is_hardware(sentence, at):
    """A name right after a number (context.name_after) is a workload only if it is not a hardware word."""
    assert context.name_after(sentence, at) is None


def test_a_name_right_after_a_number_is_still_a_workload():
    assert context.name_after("speed-ups of 4.53x in Img128cond", 18)[2] == "Img128cond"


# ------------------------------------------------------------------ end to end: hardware and workload fields only

# Hardware and workload of a claim: sentences of the development corpus.
END_TO_END_CORPUS = [
    Example(
        "Our work achieves a 3.6x (and up to 32x) performance improvement over a baseline that does not exploit fork-join "
        "parallelism on an NVIDIA k40m GPU across a set of 25 kernels.",
        has=[Has("3.6x", hardware="NVIDIA k40m GPU", workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "A high-performance implementation of the algorithm attains up to 15x speedup on a 24-core Intel Ivy Bridge "
        "processor.",
        has=[Has("15x", hardware="24-core Intel Ivy Bridge processor", workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained) across 9636 nodes.",
        has=[Has("9.8 PF", hardware="Cori system", workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "We implement and evaluate Choir on USRP N210 base stations serving a 10 square kilometer area. Our results reveal "
        "that Choir improves network throughput of commodity LP-WAN clients by 6.84 x.",
        has=[Has("6.84 x", hardware="USRP N210 base stations", workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%.",
        has=[Has("63%", hardware=None, workload="Cassandra")],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "BestConfig can reduce the running time of Hive join job by about 50% and that of Spark join job by about 80%.",
        has=[Has("50%", hardware=None, workload="Hive join job")],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "Under the Retwis benchmark, client-local validation of read-only transactions yields a 35% reduction in latency.",
        has=[Has("35%", hardware=None, workload="Retwis")],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "We show, for instance, that, considering the Movielens dataset, 5.94% of the clicks improve the recommender "
        "utility.",
        has=[Has("5.94%", hardware=None, workload="Movielens")],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "In C++/CUDA, our algorithms have maximum speedups of 6150x for GPU and 3403x for CPU, respectively.",
        has=[Has("3403x", hardware=None, workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
    Example(
        "We find a combined average overhead of 4.56% on x86-64 and 4.88% on ARM32.",
        has=[Has("4.56%", hardware=None, workload=None)],
        form="end to end: hardware and workload fields only",
        source="corpus",
    ),
]

# Hardware and workload of a claim: sentences written for the form.
END_TO_END_INVENTED = [
    Example(
        "Our compiler achieves a 2.4x speedup on an NVIDIA K40m GPU.",
        has=[Has("2.4x", hardware="NVIDIA K40m GPU", workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "Our solver runs 3x faster on a 68-core Intel KNL processor.",
        has=[Has("3x", hardware="68-core Intel KNL processor", workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "The solver achieves a 3x speedup on Frontier.",
        has=[Has("3x", hardware="Frontier", workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "Our code runs 4x faster on Summit than the baseline code.",
        has=[Has("4x", hardware="Summit", workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "Our method pushes the Pareto Frontier by improving accuracy by 3%.",
        has=[Has("3%", hardware=None, workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "On TPC-H, our optimizer cuts query latency by 40%.",
        has=[Has("40%", hardware=None, workload="TPC-H")],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "Our recommender improves accuracy by 4% on the Quux dataset.",
        has=[Has("4%", hardware=None, workload="Quux dataset")],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
    Example(
        "Our kernel is 2.5x faster on TPU.",
        has=[Has("2.5x", hardware=None, workload=None)],
        form="end to end: hardware and workload fields only",
        source="invented",
    ),
]

END_TO_END = END_TO_END_CORPUS + END_TO_END_INVENTED


@pytest.mark.parametrize("example", params(END_TO_END))
def test_end_to_end(example):
    check(example)


def test_sources():
    """Each example's source is what the corpus says (tests/examples.py: from_corpus)."""
    check_sources(HARDWARE + NOT_HARDWARE + WORKLOADS + NOT_WORKLOADS + END_TO_END)


# ------------------------------------------------------------------ the tables

def test_accelerators_table_is_attributed():
    """The copy of Epoch AI's table says where it comes from and under which licence (CC BY 4.0)."""
    from importlib import resources

    head = (resources.files("claimbench.extract") / "knowledge" / "accelerators.csv").read_text(encoding="utf-8")[:1000]
    assert "Epoch AI" in head and "CC BY 4.0" in head and "epoch.ai/data/machine-learning-hardware" in head


def test_every_accelerator_gets_a_spelling_that_finds_it():
    """Each row of accelerators.csv, written as the table writes it after a vendor and before "GPUs", is found."""
    rows = names.read_table("accelerators.csv")
    assert len(rows) >= 150
    missed = []
    for row in rows:
        forms = names.product_forms(row["Hardware name"], row["Manufacturer"])
        assert forms, row
        assert any(need == names.FREE for _, need in forms) or forms[0][1] == names.DEVICE, row
    # the product token a paper writes, from the table's long names
    for name, token in [("NVIDIA A100 SXM4 80 GB", "A100"), ("NVIDIA H100 SXM5 80GB", "H100"), ("NVIDIA Tesla V100 PCIe 32 GB", "V100"),
                        ("NVIDIA L2 PCle", "NVIDIA L2"), ("AMD Radeon Instinct MI250X", "MI250X"), ("Google TPU v6e Trillium", "TPU v6e"),
                        ("NVIDIA GeForce RTX 2080 Ti 11GB", "RTX 2080 Ti"), ("Intel Habana Gaudi2", "Gaudi2"), ("NVIDIA Tesla K40s", "K40")]:
        sentence = f"It runs 2x faster on {token}."
        if not [h[2] for h in context.find_hardware(sentence)] == [token]:
            missed.append((name, token))
    assert missed == []


@pytest.mark.parametrize("name,forms", [
    ("NVIDIA Tesla P4", [("Tesla\\s+P4[a-z]?", "free"), ("P4[a-z]?", "device"), ("p4[a-z]?", "device")]),
    ("Google TPU v4", [("TPU[\\s-]?v4", "free")]),
    ("Amazon Trainium2", [("Trainium[\\s-]?2", "free")]),
    ("NVIDIA RTX 6000 Ada Generation", [("RTX[\\s-]?6000[\\s-]?Ada", "free"), ("RTX[\\s-]?6000", "free")]),
])
def test_product_forms(name, forms):
    assert names.product_forms(name, name.split()[0]) == forms


def test_machines_table_rows_are_well_formed():
    rows = names.read_table("machines.csv")
    assert {r["context"] for r in rows} <= set(names.CONTEXTS)
    assert {r["suffix"] for r in rows} <= set(names.SUFFIX)
    by_name = {r["name"]: r["context"] for r in rows}
    # names that are also words or other things' names need a context
    for word in ("Titan", "Summit", "Aurora", "Theta", "Frontier", "Sierra", "Mira", "Edison", "Polaris"):
        assert by_name[word] == names.MACHINE, word


@pytest.mark.parametrize("name,answer", [
    ("TPU", True), ("GPUs", True), ("CPU", True), ("x86-64", True), ("ARM32", True), ("AArch64", True), ("RISC-V", True),
    ("Summit", True), ("A100", True), ("Xeon Phi", True),
    ("Llama2-70B", False), ("TPC-H", False), ("Redis", False), ("Img128cond", False),
])
def test_is_hardware_word(name, answer):
    assert names.is_hardware_word(name) is answer
