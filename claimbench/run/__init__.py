"""Running a build or an extraction: plan the work, extract (on an engine), validate, write.

- :mod:`~claimbench.run.plan`: which input files to read, in which shards (from the input index);
- :mod:`~claimbench.run.engines`: where extraction runs (this process, a process pool, Dask);
- :mod:`~claimbench.run.pipeline`: the streaming run (read, dedup, extract, validate, write shards);
- :mod:`~claimbench.run.build`: a build end to end, from inputs to a release folder.
"""
