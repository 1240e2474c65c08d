"""Running a build or an extraction, step by step; each step a module, each adding to the figures it owns.

- :mod:`~claimbench.run.index`: index every input file (or take its index from the cache), screen its rejects;
- :mod:`~claimbench.run.plan`: merge papers read more than once, cut the records into shards;
- :mod:`~claimbench.run.extract`: the batches fed to the engine, and what its workers run on each;
- :mod:`~claimbench.run.engines`: where extraction runs (this process, a process pool, Dask), kept apart;
- :mod:`~claimbench.run.write`: each shard's files, validated chunk by chunk; the rejects and quarantine;
- :mod:`~claimbench.run.stats`: the run's figures and times, and its progress line;
- :mod:`~claimbench.run.pipeline`: :class:`~claimbench.run.pipeline.Run`, the steps in order;
- :mod:`~claimbench.run.build`: a build end to end, from inputs to a release folder.
"""
