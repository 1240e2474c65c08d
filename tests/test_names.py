"""Hardware and workload names (spec: fields ``hardware`` and ``workload``, rulings R2, R3, R4).

One row per form of name the extractor knows, each with a sentence from the development
corpus (``corpus`` rows: abstracts of corpus/gold/dev.jsonl and dev_external.jsonl, or the
seeds) where there is one, and invented sentences beside it, so that the rule is a rule for
the form and not for one sentence. Three levels:

- ``context.find_hardware`` / ``context.find_workloads`` on a sentence: every name found, as written;
- names that are not hardware or not workloads (precision: a wrong name is worse than none);
- end to end, ``extract_claims`` on a small abstract: only the claim's hardware and workload
  fields are checked (the metric fields are someone else's to test).

Also the tables the names come from: accelerators.csv (Epoch AI, CC BY 4.0) and machines.csv.
"""
from __future__ import annotations

import pytest

from claimbench.extract import context, names
from claimbench.extract.claims import extract_claims
from claimbench.extract.papers import Paper


def corpus(*values):
    return pytest.param(*values, id="corpus: " + values[0][:60])


def invented(*values):
    return pytest.param(*values, id="invented: " + values[0][:60])


# ------------------------------------------------------------------ hardware found, as written

HARDWARE = [
    # accelerators.csv: product tokens derived from Epoch AI's names
    corpus("We show how to specialize one warp on an NVIDIA k40m GPU across a set of 25 kernels.", ["NVIDIA k40m GPU"]),
    invented("Specifically, on 8 NVIDIA Tesla K20X GPUs and a Tesla V100S it runs 2x faster.", ["8 NVIDIA Tesla K20X GPUs", "Tesla V100S"]),
    invented("It is 3x faster on a K40m GPU than on the K20c, and 2x on 16 V100s.", ["K40m GPU", "K20c", "16 V100s"]),
    invented("A single AMD Instinct MI300X matches 8 H100s in throughput.", ["single AMD Instinct MI300X", "8 H100s"]),
    # a bare GeForce number after the vendor
    corpus("It runs on a single server with 4x NVIDIA A6000 or 8x NVIDIA 3090 GPUs.", ["NVIDIA A6000", "NVIDIA 3090 GPUs"]),
    invented("Training fits on two Nvidia 4090 cards.", ["two Nvidia 4090 cards"]),
    invented("We measure 3x on two Intel Habana Gaudi2 accelerators and on Gaudi 3.", ["two Intel Habana Gaudi2 accelerators", "Gaudi 3"]),
    invented("It reaches 40% MFU on 1,024 Trainium2 chips and on AWS Inferentia2.", ["1,024 Trainium2 chips", "AWS Inferentia2"]),
    invented("Training on TPU v5e and Google TPU v7 Ironwood pods is 2x cheaper.", ["TPU v5e", "Google TPU v7 Ironwood"]),
    invented("It achieves 30 tokens/s on a GeForce GTX 1080 Ti and 45 tokens/s on an NVIDIA TITAN Xp.", ["GeForce GTX 1080 Ti", "NVIDIA TITAN Xp"]),
    invented("The Quadro RTX 6000 and the RTX 6000 Ada reach 2x.", ["Quadro RTX 6000", "RTX 6000 Ada"]),
    invented("Inference on a Huawei Ascend 910B and on Baidu Kunlun R200 is 3x faster.", ["Huawei Ascend 910B", "Baidu Kunlun R200"]),
    invented("On an Intel Data Center GPU Max 1550 we see 2x.", ["Intel Data Center GPU Max 1550"]),
    corpus("We perform experiments on two GPUs, P100 and P4000.", ["P100", "P4000"]),
    # a one-letter, one-digit code needs a vendor or a GPU word ("L2 cache", "P4 programs" are not hardware)
    invented("The NVIDIA L2 is twice as fast as the L2 cache; P4 programs run on Tofino2 switches.", ["NVIDIA L2", "Tofino2 switches"]),
    invented("It serves 2x more requests on NVIDIA P4 GPUs than P4 switches.", ["NVIDIA P4 GPUs"]),
    invented("Inference on a T4 takes 12 ms.", ["T4"]),  # kept alone, as before the table (hardware.toml)
    # hand-kept spellings the table lacks
    corpus("FlashAttention-2 yields around 2times speedup, reaching 50-73% of the theoretical maximum FLOPs/s on A100.", ["A100"]),
    invented("On a Jetson AGX Orin and a Jetson TX1 it runs at 20 FPS.", ["Jetson AGX Orin", "Jetson TX1"]),
    invented("The Radeon RX 7900 XTX and Radeon GPUs achieve 2x.", ["Radeon RX 7900 XTX", "Radeon GPUs"]),
    invented("A 32-core AMD Threadripper 3990X and a Ryzen 9 5950X reach 2x.", ["32-core AMD Threadripper 3990X", "Ryzen 9 5950X"]),
    # Xeon SKUs, with the marks of a trade name kept as written
    corpus("Our implementation achieves high performance on Intel® Xeon Phi™ processors (1.1 - 2.1x faster than Intel® Xeon® processors).",
           ["Intel® Xeon Phi™ processors", "Intel® Xeon® processors"]),
    corpus("Our implementation is optimized for the Intel Xeon Phi architecture, reaching 39% of peak performance on a single node.",
           ["Intel Xeon Phi architecture"]),
    invented("It runs on a Xeon Gold 6248, a Xeon E5-2680 v4 and a Xeon Platinum 8380H.", ["Xeon Gold 6248", "Xeon E5-2680 v4", "Xeon Platinum 8380H"]),
    # processor generations, with a count and a device word
    corpus("A high-performance implementation of the algorithm attains up to 15x speedup on a 24-core Intel Ivy Bridge processor "
           "and up to 49x speedup on a 64-core Intel KNL manycore processor.",
           ["24-core Intel Ivy Bridge processor", "64-core Intel KNL manycore processor"]),
    invented("Our code attains 3x on Intel Knights Landing and 2x on Haswell-EP and Skylake-SP nodes.", ["Intel Knights Landing", "Haswell-EP", "Skylake-SP nodes"]),
    invented("It speeds up a Sapphire Rapids server and a Cascade Lake CPU by 2x.", ["Sapphire Rapids server", "Cascade Lake CPU"]),
    invented("It is 4x faster on dual-socket AMD EPYC 7742 CPUs and 3x on EPYC Milan.", ["dual-socket AMD EPYC 7742 CPUs", "EPYC Milan"]),
    # ARM and POWER server chips
    corpus("We use two platforms with differences in architecture and price points: an Intel Xeon and an ARM-based Cavium ThunderX server.",
           ["Intel Xeon", "Cavium ThunderX server"]),
    invented("We port it to the Fujitsu A64FX, Cavium ThunderX2, AWS Graviton3 and Ampere Altra processors.",
             ["Fujitsu A64FX", "Cavium ThunderX2", "AWS Graviton3", "Ampere Altra processors"]),
    invented("On IBM POWER9 and IBM POWER processors it is 2x faster.", ["IBM POWER9", "IBM POWER processors"]),
    # GPU generations: only with a vendor or a GPU word
    corpus("Quartet uses optimized CUDA kernels tailored for NVIDIA Blackwell GPUs.", ["NVIDIA Blackwell GPUs"]),
    invented("NVIDIA Volta GPUs, Turing GPUs and NVIDIA Hopper reach 2x, unlike Turing machines.", ["NVIDIA Volta GPUs", "Turing GPUs", "NVIDIA Hopper"]),
    # supercomputers whose names are names only
    corpus("We validated its performance on Tianhe-2 and Stampede that are respectively the world's current 2nd and 12th fastest supercomputers.",
           ["Tianhe-2", "Stampede"]),
    corpus("The framework have demonstrated good weak scalability on the TSUBAME 2.5 supercomputer.", ["TSUBAME 2.5 supercomputer"]),
    corpus("Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained) across 9636 nodes.", ["Cori system"]),
    invented("It runs on Tianhe-2A, TSUBAME3.0, Fugaku, Perlmutter, Piz Daint and Blue Waters.",
             ["Tianhe-2A", "TSUBAME3.0", "Fugaku", "Perlmutter", "Piz Daint", "Blue Waters"]),
    invented("It scales to 4,096 nodes of Stampede2, the Sunway TaihuLight and a Blue Gene/Q.", ["Stampede2", "Sunway TaihuLight", "Blue Gene/Q"]),
    invented("Cray XC40 and JUWELS Booster runs, on MareNostrum 4, Marconi100 and Shaheen II.",
             ["Cray XC40", "JUWELS Booster", "MareNostrum 4", "Marconi100", "Shaheen II"]),
    invented("We ran on the K computer, Oakforest-PACS, ABCI and Frontera.", ["K computer", "Oakforest-PACS", "ABCI", "Frontera"]),
    # supercomputers whose names are also words: a machine word, "on", "nodes of", an apposition, a list
    corpus("We facilitate training a trillion-parameter model on Frontier.", ["Frontier"]),
    corpus("We extract this computation from Frontier, the world's first exascale supercomputer.", ["Frontier"]),
    corpus("We optimize LLM workloads on Frontier AMD GPUs.", ["Frontier"]),
    corpus("Our setting targets the current Top-1 supercomputing cluster, Frontier, which uses AMD GPUs.", ["Frontier"]),
    invented("It runs on Titan, a Cray XK7.", ["Titan", "Cray XK7"]),
    invented("The supercomputer Aurora reaches 2x.", ["Aurora"]),
    invented("Supercomputers such as Mira and Edison, and the El Capitan system.", ["Mira", "Edison", "El Capitan system"]),
    invented("It uses 27,648 GPUs of Summit.", ["Summit"]),
    invented("It scales to 4,608 nodes of Summit and Sierra, near the Pareto Frontier.", ["Summit", "Sierra"]),
    invented("It is 2x faster on Polaris.", ["Polaris"]),
    invented("The Summit, Sierra and Titan supercomputers run it 2x faster.", ["Summit", "Sierra", "Titan supercomputers"]),
    invented("Both the Titan V and the Titan supercomputer run it.", ["Titan V", "Titan supercomputer"]),
    # memory, network, radios, boards
    corpus("The proposed compression architecture is applied to the Hybrid Memory Cube (HMC) with a logic layer under the stacked DRAMs.",
           ["Hybrid Memory Cube (HMC)"]),
    invented("Intel Optane cuts latency by 2x.", ["Intel Optane"]),
    invented("Mellanox ConnectX-5 NICs and NVIDIA BlueField-2 DPUs and a NetFPGA-SUME board.",
             ["Mellanox ConnectX-5 NICs", "NVIDIA BlueField-2 DPUs", "NetFPGA-SUME board"]),
    corpus("We implement and evaluate Choir on USRP N210 base stations serving a 10 square kilometer area.", ["USRP N210 base stations"]),
    invented("We evaluate on USRP B210 radios, bladeRF and HackRF.", ["USRP B210 radios", "bladeRF", "HackRF"]),
    invented("It runs on an Arduino Uno, an ESP32, an MSP430 and an nRF52840.", ["Arduino Uno", "ESP32", "MSP430", "nRF52840"]),
    invented("On a Xilinx Zynq UltraScale+ ZCU102 board, a Virtex-7 FPGA, a Spartan-6 FPGA and a PYNQ-Z1.",
             ["Xilinx Zynq UltraScale+", "ZCU102 board", "Virtex-7 FPGA", "Spartan-6 FPGA", "PYNQ-Z1"]),
    invented("An Intel Movidius and a Myriad X reach 20 FPS.", ["Intel Movidius", "Myriad X"]),
    # phones, with their vendor
    corpus("We apply NORAX to the commonly used Android system binaries running on SAMSUNG Galaxy S6 and LG Nexus 5X devices.",
           ["SAMSUNG Galaxy S6", "LG Nexus 5X devices"]),
    invented("On a Galaxy Note 9, a OnePlus 8T and a Moto G4 it saves 30% energy.", ["Galaxy Note 9", "OnePlus 8T", "Moto G4"]),
    # clouds and testbeds
    invented("On p3.16xlarge instances, g4dn.xlarge, n1-standard-8 and a2-highgpu-8g VMs it is 2x cheaper.",
             ["p3.16xlarge instances", "g4dn.xlarge", "n1-standard-8", "a2-highgpu-8g VMs"]),
    invented("It runs on Amazon EC2 and EC2 instances; we replay EC2 traces.", ["Amazon EC2", "EC2 instances"]),
    invented("We deploy it on CloudLab, Chameleon Cloud, Emulab, Grid'5000, PlanetLab, GENI and FIT IoT-LAB.",
             ["CloudLab", "Chameleon Cloud", "Emulab", "Grid'5000", "PlanetLab", "GENI", "FIT IoT-LAB"]),
]


@pytest.mark.parametrize("sentence,expected", HARDWARE)
def test_hardware_found(sentence, expected):
    assert [h[2] for h in context.find_hardware(sentence)] == expected


# ------------------------------------------------------------------ not hardware

NOT_HARDWARE = [
    corpus("We prove a lower bound under the standard Word-RAM model with Theta(log n)-bit words."),
    corpus("It only rules out an I/O complexity of o(Nd) when M=Theta(Nd)."),
    corpus("We leverage the advancements in RISC-V RV32 architectures with FP16 SIMD operations."),  # an instruction set
    invented("Our method pushes the Pareto Frontier of accuracy and cost by 2x."),
    invented("We collected 3090 samples from 4090 users."),  # a number that is also a GeForce model, no vendor
    invented("Frontier models are 3x more capable; Frontier systems are costlier."),
    invented("At the Summit on AI safety, we show 3x."),
    invented("The Aurora model achieves 5x, trained on Aurora, a foundation model of the atmosphere."),
    invented("It converges on Sierra Leone data, on Summit-scale problems and on Frontier models."),
    invented("Based on Edison's work, the Titan model and the Comet score improve by 3%."),
    invented("Turing machines and the Turing test, Maxwell equations, Pascal's triangle, 10 Ampere."),
    invented("P4 programs on P4 switches and P4 devices, an L2 cache and L2 regularization."),
    invented("We replay Amazon EC2 traces and EC2 spot markets."),
    invented("GPUs, modern GPUs, CPUs, edge devices and a GPU cluster are generic classes."),
]


@pytest.mark.parametrize("sentence", NOT_HARDWARE)
def test_not_hardware(sentence):
    assert context.find_hardware(sentence) == ()


def test_hardware_keeps_no_sentence_period():
    assert [h[2] for h in context.find_hardware("It trains a trillion-parameter model on Frontier.")] == ["Frontier"]
    assert [h[2] for h in context.find_hardware("It runs on TSUBAME 2.5.")] == ["TSUBAME 2.5"]


# ------------------------------------------------------------------ workloads found, as written, with their kind

WORKLOADS = [
    # systems benchmarks (kind "model": what a systems number is about, R3)
    corpus("Less than 5% overhead for the TPC-C workload with ~ 10 seconds of data loss.", [("TPC-C", "model")]),
    invented("It sustains 2x higher throughput on TPC-H, TPC-C, TPC-DS and TPCx-BB queries.",
             [("TPC-H", "model"), ("TPC-C", "model"), ("TPC-DS", "model"), ("TPCx-BB", "model")]),
    invented("On YCSB and YCSB-A it is 3x faster; on PARSEC 3.0 and SPLASH-2 it saves 20%.",
             [("YCSB", "model"), ("YCSB-A", "model"), ("PARSEC 3.0", "model"), ("SPLASH-2", "model")]),
    corpus("We evaluate SLAB using SPEC CPU2006 and Cloudsuite benchmarks.", [("SPEC CPU2006", "model"), ("Cloudsuite", "model")]),
    invented("We evaluate with SPEC CPU 2017, SPECjbb2015 and CloudSuite.", [("SPEC CPU 2017", "model"), ("SPECjbb2015", "model"), ("CloudSuite", "model")]),
    invented("DeathStarBench and TailBench latencies drop by 30%; Graph500 runs 2x faster.",
             [("DeathStarBench", "model"), ("TailBench", "model"), ("Graph500", "model")]),
    corpus("We studied 28 OpenMP parallel regions from five NAS Parallel Benchmark (NPB) applications.", [("NAS Parallel Benchmark (NPB)", "model")]),
    invented("NPB and the NAS Parallel Benchmarks run 2x faster.", [("NPB", "model"), ("NAS Parallel Benchmarks", "model")]),
    invented("LULESH, DaCapo, Rodinia, PolyBench, HPL, HPCG and MLPerf all speed up by 2x.",
             [("LULESH", "model"), ("DaCapo", "model"), ("Rodinia", "model"), ("PolyBench", "model"), ("HPL", "model"), ("HPCG", "model"), ("MLPerf", "model")]),
    corpus("Under the Retwis benchmark, client-local validation yields a 35% reduction in latency.", [("Retwis", "model")]),
    invented("PageRank on LiveJournal and TeraSort run 3x faster; LDBC SNB too.",
             [("PageRank", "model"), ("LiveJournal", "model"), ("TeraSort", "model"), ("LDBC SNB", "model")]),
    # applications, with what belongs to them ("join job", "server")
    corpus("BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%, and reduce "
           "the running time of Hive join job by about 50% and that of Spark join job by about 80%.",
           [("Tomcat", "model"), ("Cassandra", "model"), ("MySQL", "model"), ("Hive join job", "model"), ("Spark join job", "model")]),
    corpus("We evaluated QDIME with Gzip, MySQE server, Apache HTTP server, and Redis.", [("Gzip", "model"), ("Apache HTTP server", "model"), ("Redis", "model")]),
    corpus("We achieve performance improvements of 41% for Cassandra and 9% for ScyllaDB.", [("Cassandra", "model"), ("ScyllaDB", "model")]),
    corpus("It reduces tail latency for two representative interactive services, Memcached and NGINX.", [("Memcached", "model"), ("NGINX", "model")]),
    invented("It improves the throughput of Redis, memcached and the MySQL server by 2x.", [("Redis", "model"), ("memcached", "model"), ("MySQL server", "model")]),
    invented("PostgreSQL, SQLite, MongoDB, RocksDB and LevelDB gain 20%.",
             [("PostgreSQL", "model"), ("SQLite", "model"), ("MongoDB", "model"), ("RocksDB", "model"), ("LevelDB", "model")]),
    invented("Spark Streaming, Hadoop, Flink, Kafka and ZooKeeper gain 2x; Spark-based systems do not.",
             [("Spark Streaming", "model"), ("Hadoop", "model"), ("Flink", "model"), ("Kafka", "model"), ("ZooKeeper", "model")]),
    invented("Tomcat, Nginx, lighttpd, Varnish and HAProxy serve 2x more requests.",
             [("Tomcat", "model"), ("Nginx", "model"), ("lighttpd", "model"), ("Varnish", "model"), ("HAProxy", "model")]),
    invented("Elasticsearch, etcd and Ceph gain 30%; Firefox, Chromium and SpiderMonkey slow down by 5%.",
             [("Elasticsearch", "model"), ("etcd", "model"), ("Ceph", "model"), ("Firefox", "model"), ("Chromium", "model"), ("SpiderMonkey", "model")]),
    invented("Node.js, OpenSSL, gzip and FFmpeg run 10% faster.", [("Node.js", "model"), ("OpenSSL", "model"), ("gzip", "model"), ("FFmpeg", "model")]),
    # data sets named in the lists (kind "bench": quality scores are about them)
    corpus("We show that, considering the Movielens dataset, 5.94% of the clicks improve the recommender utility.", [("Movielens", "bench")]),
    invented("On MovieLens-1M and Criteo it improves accuracy by 2%.", [("MovieLens-1M", "bench"), ("Criteo", "bench")]),
    # a capitalized name said to be a benchmark, data set or traces
    corpus("In a single query deployment with EmailProcessor benchmark we observed 16.70% improvement.", [("EmailProcessor benchmark", "bench")]),
    corpus("Experimental results on SPC and Microsoft traces have shown that DEFT-Cache improves I/O performance by 26.81% to 56.26%.",
           [("Microsoft traces", "bench")]),
    corpus("We used two application benchmarks called EmailProcessor and a Social Networking Benchmark (SNB2016).", [("Social Networking Benchmark", "bench")]),
    corpus("On the challenging LVIS dataset, YOLO-World achieves 35.4 AP with 52.0 FPS on V100.", [("LVIS dataset", "bench"), ("YOLO-World", "model")]),
    invented("Under the Foobar benchmark and on the Quux dataset, latency falls by 35%.", [("Foobar benchmark", "bench"), ("Quux dataset", "bench")]),
    invented("We measure 80% of peak bandwidth on the well-known STREAM benchmark.", [("STREAM benchmark", "bench")]),
    # names end before a sentence period
    corpus("We compare with instruction-tuned LLMs like Mixtral-Instruct.", [("Mixtral-Instruct", "model")]),
    corpus("We evaluate Qwen2.5-7B-Instruct-1M, as well as the API-accessed model Qwen2.5-Turbo.",
           [("Qwen2.5-7B-Instruct-1M", "model"), ("Qwen2.5-Turbo", "model")]),
    invented("It is 2x faster on Llama-2-7B.", [("Llama-2-7B", "model")]),
]


@pytest.mark.parametrize("sentence,expected", WORKLOADS)
def test_workloads_found(sentence, expected):
    assert [(w[2], w[3]) for w in context.find_workloads(sentence)] == expected


NOT_WORKLOADS = [
    # generic classes (R3) and phrases around a name
    corpus("FollowRAG can seamlessly integrate with different RAG benchmarks."),
    corpus("It achieves better or on-par performance on standard VLM benchmarks compared with much larger VLMs."),
    corpus("With meta-data sizes of less than 7% of the original LLC traces, SLAB demonstrates over 91% accuracy."),
    corpus("We run on fixed hardware, the AlgoPerf: Training Algorithms benchmark."),
    invented("It beats prior work on HPC benchmarks and Real-world datasets by 3x."),
    invented("Large-scale datasets and Synthetic datasets show 2x."),
    invented("Spark-based and Hadoop-style systems are 2x slower."),
    # hardware is never a workload
    invented("It is 3x faster on TPU and 2x faster on x86-64 and ARM32 than on Summit."),
]


@pytest.mark.parametrize("sentence", NOT_WORKLOADS)
def test_not_workloads(sentence):
    assert context.find_workloads(sentence) == []


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

END_TO_END = [
    corpus("Our work achieves a 3.6x (and up to 32x) performance improvement over a baseline that does not exploit fork-join "
           "parallelism on an NVIDIA k40m GPU across a set of 25 kernels.", "3.6x", "NVIDIA k40m GPU", None),
    invented("Our compiler achieves a 2.4x speedup on an NVIDIA K40m GPU.", "2.4x", "NVIDIA K40m GPU", None),
    corpus("A high-performance implementation of the algorithm attains up to 15x speedup on a 24-core Intel Ivy Bridge processor.",
           "15x", "24-core Intel Ivy Bridge processor", None),
    invented("Our solver runs 3x faster on a 68-core Intel KNL processor.", "3x", "68-core Intel KNL processor", None),
    corpus("Galactos scales to the full Cori system, achieving 9.8 PF (peak) and 5.06 PF (sustained) across 9636 nodes.",
           "9.8 PF", "Cori system", None),
    invented("The solver achieves a 3x speedup on Frontier.", "3x", "Frontier", None),
    invented("Our code runs 4x faster on Summit than the baseline code.", "4x", "Summit", None),
    invented("Our method pushes the Pareto Frontier by improving accuracy by 3%.", "3%", None, None),
    corpus("We implement and evaluate Choir on USRP N210 base stations serving a 10 square kilometer area. "
           "Our results reveal that Choir improves network throughput of commodity LP-WAN clients by 6.84 x.",
           "6.84 x", "USRP N210 base stations", None),
    corpus("BestConfig can improve the throughput of Tomcat by 75%, that of Cassandra by 63%, that of MySQL by 430%.",
           "63%", None, "Cassandra"),
    corpus("BestConfig can reduce the running time of Hive join job by about 50% and that of Spark join job by about 80%.",
           "50%", None, "Hive join job"),
    corpus("Under the Retwis benchmark, client-local validation of read-only transactions yields a 35% reduction in latency.",
           "35%", None, "Retwis"),
    invented("On TPC-H, our optimizer cuts query latency by 40%.", "40%", None, "TPC-H"),
    corpus("We show, for instance, that, considering the Movielens dataset, 5.94% of the clicks improve the recommender utility.",
           "5.94%", None, "Movielens"),
    invented("Our recommender improves accuracy by 4% on the Quux dataset.", "4%", None, "Quux dataset"),
    corpus("In C++/CUDA, our algorithms have maximum speedups of 6150x for GPU and 3403x for CPU, respectively.", "3403x", None, None),
    corpus("We find a combined average overhead of 4.56% on x86-64 and 4.88% on ARM32.", "4.56%", None, None),
    invented("Our kernel is 2.5x faster on TPU.", "2.5x", None, None),
]


@pytest.mark.parametrize("abstract,mention,hardware,workload", END_TO_END)
def test_end_to_end(abstract, mention, hardware, workload):
    claims = [c for c in extract_claims(Paper("Title", abstract, "x.txt:1")) if c.mention == mention]
    assert claims, f"no claim {mention!r}"
    assert (claims[0].hardware, claims[0].workload) == (hardware, workload)


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
