"""Execution engines: how a function is mapped over batches, kept apart from what it does.

Like datatrove's local, slurm and ray executors, an engine knows nothing of
extraction; the pipeline hands it a picklable function (module-level, or a
``functools.partial`` of one: ``batch -> result``) and an iterable of batches, and reads the
results back **in input order**, lazily, with at most ``max_in_flight``
batches (``read_ahead`` a worker, 2 unless asked) read from the input and not yet handed
back, so memory does not grow with the corpus.

======================  =====================================================
``make_engine(...)``    what runs the batches
======================  =====================================================
``"local"``, 1 worker   this process, one batch after the other (no pool)
``"local"``, N workers  a :class:`concurrent.futures.ProcessPoolExecutor`
``"dask"``              a Dask distributed cluster: the scheduler at
                        ``scheduler`` (``tcp://host:8786``), or a LocalCluster
                        of ``workers`` single-threaded processes started and
                        closed by the engine (``pip install -e ".[scale]"``)
======================  =====================================================

>>> with make_engine("local", workers=1) as engine:
...     list(engine.map_batches(sorted, [[3, 1, 2], [9, 8]]))
[[1, 2, 3], [8, 9]]

An exception raised by the function in a batch reaches the caller with its
own type and message (the pipeline catches per-paper errors itself, so a
failed batch is a bug); the batches still running are cancelled.
"""
from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from contextlib import contextmanager
from typing import Any

from claimbench.errors import ClaimbenchError, UsageError

__all__ = ["ENGINES", "Engine", "LocalEngine", "PoolEngine", "DaskEngine", "make_engine", "default_workers"]

ENGINES = ("local", "dask")
MAX_READ_AHEAD = 64  # batches read ahead in all, however many workers ask for read_ahead each (at least 2 a worker)

Batch = list
BatchFn = Callable[[list], list]


def default_workers() -> int:
    """All cores this process may use (at least 1).

    >>> default_workers() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Engine:
    """Maps a function over batches; a context manager that owns its workers.

    ``name`` is the engine's name, ``workers`` how many batches run at once,
    ``max_in_flight`` the most batches read from the input and not yet
    yielded back. Resources (a pool, a cluster) start on ``__enter__`` or on
    the first :meth:`map_batches`, and are released by ``__exit__`` /
    :meth:`close` (idempotent).
    """

    name = "engine"

    def __init__(self, workers: int, max_in_flight: int | None = None, read_ahead: int = 2):
        if workers < 1:
            raise UsageError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self._max_in_flight = max_in_flight
        self.read_ahead = read_ahead
        if max_in_flight is not None and max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
        if read_ahead < 1:
            raise ValueError(f"read_ahead must be at least 1, not {read_ahead}")

    @property
    def max_in_flight(self) -> int:
        """Batches read but not yet yielded, at most, unless set: ``read_ahead x workers``, but no more than
        :data:`MAX_READ_AHEAD` in all (a large cluster) unless that is less than 2 a worker."""
        return self._max_in_flight or max(2 * self.workers, min(self.read_ahead * self.workers, MAX_READ_AHEAD))

    def start(self) -> Engine:
        return self

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        """One line for a run's summary, e.g. ``local, 2 processes``."""
        return f"{self.name}, {self.workers} workers"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.describe()}>"

    def map_batches(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list]:
        """``fn(batch)`` for each batch, yielded in input order, lazily."""
        raise NotImplementedError


class LocalEngine(Engine):
    """One process: a plain lazy map, no pool, nothing pickled.

    >>> list(LocalEngine().map_batches(len, [[1, 2], [], [3]]))
    [2, 0, 1]
    """

    name = "local"

    def __init__(self) -> None:
        super().__init__(1, max_in_flight=1)

    def describe(self) -> str:
        return "local, 1 process (in-process)"

    def map_batches(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list]:
        for batch in batches:
            yield fn(batch)


def _ordered_window(
    submit: Callable[[int, Batch], Any],
    wait_some: Callable[[list], Iterable[Any]],
    result_of: Callable[[Any], list],
    cancel: Callable[[list], None],
    batches: Iterable[Batch],
    limit: int,
) -> Iterator[list]:
    """The bookkeeping shared by the pool and Dask engines.

    Keeps at most ``limit`` batches read and not yet yielded (running, or
    finished and waiting for an earlier one), yields results in input order,
    and raises the first failure as soon as it is seen (not only when its
    turn comes), cancelling whatever is still running.
    """
    source = iter(enumerate(batches))
    pending: dict[Any, int] = {}  # future -> batch index
    done: dict[int, list] = {}  # finished, waiting for an earlier batch
    next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) + len(done) < limit:
                try:
                    index, batch = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[submit(index, batch)] = index
            if next_out in done:
                result = done.pop(next_out)
                next_out += 1
                yield result
                continue
            if not pending:
                return
            for future in wait_some(list(pending)):
                index = pending.pop(future)
                done[index] = result_of(future)  # re-raises the batch's exception
    finally:
        if pending:
            cancel(list(pending))


class PoolEngine(Engine):
    """Several processes on this machine (:class:`~concurrent.futures.ProcessPoolExecutor`).

    ``fn`` and the batches are pickled: ``fn`` must be a module-level function, or a partial of one.
    The pool starts on first use and is shut down on exit.

    >>> with PoolEngine(2) as engine:
    ...     list(engine.map_batches(sorted, [[2, 1], [4, 3], [5]]))
    [[1, 2], [3, 4], [5]]
    """

    name = "local"

    def __init__(self, workers: int, max_in_flight: int | None = None, read_ahead: int = 2):
        super().__init__(workers, max_in_flight, read_ahead)
        self._pool: ProcessPoolExecutor | None = None

    def describe(self) -> str:
        return f"local, {self.workers} processes"

    def start(self) -> PoolEngine:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return self

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map_batches(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list]:
        pool = self.start()._pool
        assert pool is not None

        def wait_some(futures: list) -> Iterable:
            return wait_futures(futures, return_when=FIRST_COMPLETED).done

        def cancel(futures: list) -> None:
            for future in futures:
                future.cancel()

        return _ordered_window(
            lambda _index, batch: pool.submit(fn, batch),
            wait_some,
            lambda future: future.result(),
            cancel,
            batches,
            self.max_in_flight,
        )


_MISSING_DASK = (
    'the "dask" engine needs Dask distributed, which is not installed: '
    'pip install -e ".[scale]"  (or: pip install "dask[distributed]")'
)


class EngineUnavailable(ClaimbenchError, ImportError):
    """An engine asked for whose package is not installed; the message says which extra to install."""


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError as err:
        raise EngineUnavailable(_MISSING_DASK) from err
    return distributed


@contextmanager
def _quiet_distributed(quiet: bool):
    """Keep distributed's loggers at ERROR while a cluster starts or stops (when ``quiet``)."""
    if not quiet:
        yield
        return
    loggers = [logging.getLogger(n) for n in ("distributed", "distributed.scheduler", "distributed.nanny",
                                               "distributed.worker", "distributed.core", "distributed.http")]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, saved):
            lg.setLevel(level)


class DaskEngine(Engine):
    """A Dask distributed cluster.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``);
    its workers must have claimbench installed (they import ``fn``'s module).
    ``None``: a LocalCluster of ``workers`` single-threaded worker processes,
    without a dashboard, started here and closed on exit. Each batch is one
    task, submitted with a key unique to the run and the batch's index, so
    two equal batches are never merged into one task.

    >>> engine = DaskEngine(workers=2)
    >>> engine.describe()
    'dask, LocalCluster of 2 processes (not started)'
    """

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 max_in_flight: int | None = None, quiet: bool = True, connect_timeout: float = 30.0, read_ahead: int = 2):
        _import_distributed()
        super().__init__(workers if workers is not None else (1 if scheduler else default_workers()), max_in_flight, read_ahead)
        self._workers_given = workers is not None
        self.scheduler = scheduler
        self.quiet = quiet
        self.connect_timeout = connect_timeout
        self._cluster = None
        self._client = None

    def describe(self) -> str:
        if self.scheduler:
            return f"dask, scheduler {self.scheduler} ({self.workers} worker threads)"
        state = self._cluster.scheduler_address if self._cluster is not None else "not started"
        return f"dask, LocalCluster of {self.workers} processes ({state})"

    @property
    def client(self):
        """The ``distributed.Client`` (starting the engine if needed)."""
        self.start()
        return self._client

    def start(self) -> DaskEngine:
        if self._client is not None:
            return self
        from distributed import Client, LocalCluster

        with _quiet_distributed(self.quiet):
            if self.scheduler:
                try:
                    self._client = Client(self.scheduler, set_as_default=False, timeout=self.connect_timeout)
                except OSError as err:
                    raise ConnectionError(f"cannot reach the Dask scheduler at {self.scheduler}: {err}") from err
                if not self._workers_given:
                    # Size the window by the threads the cluster has now.
                    self.workers = max(1, sum(self._client.nthreads().values()))
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # No dashboard; the scheduler's small HTTP server (health,
                    # metrics) on a free port of localhost, never 8787, so a
                    # second cluster does not warn "Port 8787 is already in use".
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.ERROR if self.quiet else logging.INFO,
                )
                try:
                    self._client = Client(self._cluster, set_as_default=False)
                except BaseException:
                    self._cluster.close()
                    self._cluster = None
                    raise
        return self

    def close(self) -> None:
        with _quiet_distributed(self.quiet):
            if self._client is not None:
                self._client.close()
                self._client = None
            if self._cluster is not None:
                self._cluster.close()
                self._cluster = None

    def map_batches(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list]:
        from distributed import as_completed

        client = self.client
        # One prefix per call: keys differ between batches (their index) and
        # between calls, so equal batches are never deduplicated into one task.
        prefix = f"{getattr(fn, '__name__', 'batch')}-{uuid.uuid4().hex}"
        finished = as_completed(loop=client.loop)  # tied to this client, not the default one

        def submit(index: int, batch: Batch):
            future = client.submit(fn, batch, key=f"{prefix}-{index}")
            finished.add(future)
            return future

        def wait_some(_pending: list) -> Iterable:
            ready = [next(finished)]  # blocks until one finishes
            while finished.has_ready():
                ready.append(next(finished))
            return ready

        def cancel(futures: list) -> None:
            try:
                client.cancel(futures)
            except Exception:  # the client is already closed: its tasks went with it
                pass

        return _ordered_window(submit, wait_some, lambda future: future.result(), cancel, batches, self.max_in_flight)


def make_engine(name: str = "local", workers: int | None = None, scheduler: str | None = None,
                *, max_in_flight: int | None = None, quiet: bool = True, connect_timeout: float = 30.0,
                read_ahead: int = 2) -> Engine:
    """The engine called ``name``; ``workers=None`` means all cores (``"local"``, a LocalCluster)
    or every thread of the cluster at ``scheduler``.

    Keywords: ``max_in_flight`` (batches read ahead, default ``read_ahead x workers``; ``read_ahead``
    is 2 unless given: more keeps workers busy while the caller pauses, e.g. to write),
    ``quiet`` (False: let Dask log at INFO), ``connect_timeout`` (seconds to
    reach ``scheduler``, then ConnectionError).

    >>> make_engine("local", workers=1)
    <LocalEngine local, 1 process (in-process)>
    >>> make_engine("local", workers=4)
    <PoolEngine local, 4 processes>
    >>> make_engine("spark")
    Traceback (most recent call last):
    ...
    claimbench.errors.UsageError: unknown engine 'spark': choose one of local, dask
    """
    if name == "local":
        if scheduler:
            raise UsageError("a scheduler address is for the dask engine: use make_engine('dask', scheduler=...)")
        count = workers if workers is not None else default_workers()
        if count < 1:
            raise UsageError(f"workers must be at least 1, not {count}")
        return LocalEngine() if count == 1 else PoolEngine(count, max_in_flight, read_ahead)
    if name == "dask":
        return DaskEngine(workers, scheduler, max_in_flight, quiet, connect_timeout, read_ahead)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
