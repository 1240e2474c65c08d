"""Every store a run keeps between runs; each is disposable (a damaged one is discarded and rebuilt).

- :mod:`~claimbench.cache.claims`: a paper's claims, keyed by its content and a digest of the extractor;
- :mod:`~claimbench.cache.inputs`: the input index (records, ids and offsets of each input file, by its sha256);
- :mod:`~claimbench.cache.shards`: finished shards (Parquet and validation), keyed by what they were computed from.
"""
