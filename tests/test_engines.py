"""The execution engines (claimbench/engines.py) on the built-in corpus.

Every engine must give the same claims in the same order as a plain loop:
``local`` on one process, ``local`` on a pool of two, and Dask distributed,
both on a LocalCluster the engine starts itself and on a running cluster
reached by its scheduler's address. Also checked: input order is kept when
batches finish out of order, no more than ``max_in_flight`` batches are read
ahead, an exception in a batch reaches the caller as itself, and equal
batches are never merged into one Dask task.

The Dask tests share one LocalCluster of two worker processes per module and
skip when Dask distributed is not installed (``pip install -e ".[scale]"``).
The functions mapped are module-level, so worker processes import them.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import time
import uuid

import pytest

from claimbench.corpus import seed_dir
from claimbench.extract.claims import extract_claims
from claimbench.run.engines import DaskEngine, LocalEngine, PoolEngine, make_engine
from claimbench.run.pipeline import RunStats, read_and_merge

HAS_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAS_DASK, reason='Dask distributed is not installed (pip install -e ".[scale]")'
)

BATCH = 20  # papers a batch: the built-in corpus (263 papers) makes 14 batches


# ---------------------------------------------------------- mapped functions


def extract_batch(papers):
    """What the pipeline maps: the claims of each paper of a batch."""
    return [extract_claims(p) for p in papers]


def sleep_then_stamp(batch):
    """Earlier batches sleep longer, so they finish after later ones."""
    (delay,) = batch
    time.sleep(delay)
    return [(delay, time.time())]


def double(batch):
    return [2 * x for x in batch]


class BatchBug(RuntimeError):
    """A failure of the kind the pipeline does not catch inside a batch."""


def fail_on_13(batch):
    if 13 in batch:
        raise BatchBug(f"batch {batch} holds 13")
    return batch


def token(batch):
    """A fresh token each call, with the process that made it."""
    return [(uuid.uuid4().hex, os.getpid())]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def batches():
    papers = [m.paper for m in read_and_merge([seed_dir()], RunStats())[1]]
    assert len(papers) > 5 * BATCH
    return [papers[i : i + BATCH] for i in range(0, len(papers), BATCH)]


@pytest.fixture(scope="module")
def expected(batches):
    """The reference: a plain loop in this process."""
    return [extract_batch(b) for b in batches]


@pytest.fixture(scope="module")
def cluster_address():
    """The scheduler address of a LocalCluster (2 single-threaded worker processes) shared by the module."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


ENGINES = ["local/1", "local/2", pytest.param("dask/address", marks=needs_dask)]
PARALLEL = ["local/2", pytest.param("dask/address", marks=needs_dask)]


def _engine(request, kind: str):
    if kind == "local/1":
        return make_engine("local", workers=1)
    if kind == "local/2":
        return make_engine("local", workers=2)
    return make_engine("dask", scheduler=request.getfixturevalue("cluster_address"))


@pytest.fixture(params=ENGINES)
def engine(request):
    with _engine(request, request.param) as eng:
        yield eng


@pytest.fixture(params=PARALLEL)
def parallel_engine(request):
    with _engine(request, request.param) as eng:
        yield eng


# ------------------------------------------------------------------- tests


def test_kinds_of_engine():
    assert isinstance(make_engine("local", workers=1), LocalEngine)
    pool = make_engine("local", workers=2)
    assert isinstance(pool, PoolEngine) and pool.max_in_flight == 4
    assert make_engine("local", workers=3, max_in_flight=5).max_in_flight == 5
    assert make_engine("local", workers=3, read_ahead=5).max_in_flight == 15  # batches queued per worker
    assert make_engine("local", workers=8, read_ahead=16).max_in_flight == 64  # capped in all (MAX_READ_AHEAD)
    assert make_engine("local", workers=40, read_ahead=16).max_in_flight == 80  # but 2 a worker at least
    with pytest.raises(ValueError, match="read_ahead must be at least 1"):
        make_engine("local", workers=2, read_ahead=0)


@pytest.mark.parametrize(
    "args, message",
    [
        (("spark",), "unknown engine 'spark'"),
        (("local", 0), "workers must be at least 1"),
        (("local", 2, "tcp://127.0.0.1:8786"), "scheduler address is for the dask engine"),
    ],
)
def test_bad_engine_arguments(args, message):
    with pytest.raises(ValueError, match=message):
        make_engine(*args)


def test_missing_dask_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(ImportError, match=r'pip install -e "\.\[scale\]"'):
        make_engine("dask", workers=2)


def test_same_claims_in_the_same_order(engine, batches, expected):
    got = list(engine.map_batches(extract_batch, batches))
    assert got == expected
    assert sum(len(claims) for batch in got for claims in batch) > 100


@needs_dask
def test_dask_starts_and_closes_its_own_local_cluster(batches, expected):
    with make_engine("dask", workers=2) as engine:
        assert len(engine.client.nthreads()) == 2
        assert engine.max_in_flight == 4
        assert list(engine.map_batches(extract_batch, batches)) == expected
        cluster = engine._cluster
    assert engine._client is None and engine._cluster is None
    assert cluster.status.name == "closed"


def test_order_kept_when_batches_finish_out_of_order(parallel_engine):
    delays = [0.4, 0.3, 0.2, 0.1, 0.0, 0.0]
    got = list(parallel_engine.map_batches(sleep_then_stamp, [[d] for d in delays]))
    assert [row[0][0] for row in got] == delays
    finish = [row[0][1] for row in got]
    assert finish != sorted(finish), "the test meant later batches to finish first"


class CountingBatches:
    """Batches of one number each that count how many were read."""

    def __init__(self, n: int):
        self.n, self.pulled = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.pulled += 1
            yield [i]


def test_bounded_read_ahead(engine):
    source = CountingBatches(40)
    ahead = []
    for yielded, result in enumerate(engine.map_batches(double, source), start=1):
        assert result == [2 * (yielded - 1)]
        ahead.append(source.pulled - yielded)  # read and not yet handed back, this one excluded
        if yielded == 1:
            assert source.pulled < source.n, "batches must be read lazily"
    assert len(ahead) == 40 and source.pulled == 40
    assert max(ahead) + 1 <= engine.max_in_flight
    if engine.workers > 1:
        assert max(ahead) + 1 == engine.max_in_flight, "the window should be kept full"


def test_batch_exception_surfaces_as_itself(engine):
    with pytest.raises(BatchBug, match=r"batch \[13\] holds 13"):
        list(engine.map_batches(fail_on_13, ([i] for i in range(30))))
    # The engine is still usable after a failed map.
    assert list(engine.map_batches(double, [[1], [2]])) == [[2], [4]]


def test_stopping_early_reads_no_further(parallel_engine):
    source = CountingBatches(1000)
    results = parallel_engine.map_batches(double, source)
    assert next(results) == [0]
    results.close()
    assert source.pulled <= parallel_engine.max_in_flight


def test_pool_runs_batches_in_other_processes():
    with make_engine("local", workers=2) as engine:
        got = list(engine.map_batches(token, [[0]] * 4))
    assert all(pid != os.getpid() for (_, pid), in got)


@needs_dask
def test_equal_batches_are_separate_dask_tasks(cluster_address):
    with make_engine("dask", scheduler=cluster_address) as engine:
        assert isinstance(engine, DaskEngine) and engine.workers == 2
        first = list(engine.map_batches(token, [[1, 2]] * 6))
        second = list(engine.map_batches(token, [[1, 2]] * 6))
    tokens = [tok for (tok, _), in first + second]
    assert len(set(tokens)) == 12
    assert all(pid != os.getpid() for (_, pid), in first)


@needs_dask
def test_unreachable_scheduler_is_named():
    import socket

    with socket.socket() as s:  # a port of localhost that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = make_engine("dask", scheduler=f"tcp://127.0.0.1:{port}", connect_timeout=1)
    with pytest.raises(ConnectionError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        engine.start()
