"""Text -> claims: readers, normalization, numbers, units and claim semantics.

The entry point is :func:`claimbench.extract.claims.extract_claims`, a pure and
deterministic function of one :class:`~claimbench.extract.papers.Paper`.
"""
