"""Reading releases: differences, rankings, reports and the extractor's scores.

- :mod:`~claimbench.analysis.diff`: claims added, removed and changed between two releases;
- :mod:`~claimbench.analysis.changelog`: releases/CHANGELOG.md, from every release's diff;
- :mod:`~claimbench.analysis.leaderboard`: rankings of one metric's claims;
- :mod:`~claimbench.analysis.report`: a static HTML report of a release;
- :mod:`~claimbench.analysis.scoring` and :mod:`~claimbench.analysis.evaluate`: scores against gold files;
- :mod:`~claimbench.analysis.explain`: why each number of a text is or is not a claim.
"""
