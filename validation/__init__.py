"""Validation of a build's tables with great-expectations: a verdict, a report, and a quarantine.

The expectation suite is validation/suite.json, generated from schemas/ by
``python -m claimbench.validation.suite --write``. Importing this package does not
import great-expectations (seconds); :func:`validate_tables` does, when called.

>>> from claimbench.release.table import claims_table, papers_table
>>> report = validate_tables(claims_table([]), papers_table([]))
>>> report.success, report.to_dict()["totals"]["claims_rows"]
(True, 0)
"""
from claimbench.validation.report import Outcome, ValidationReport
from claimbench.validation.run import validate_tables

__all__ = ["Outcome", "ValidationReport", "validate_tables"]
