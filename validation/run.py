"""validate_tables: the validation step of a build, from two Arrow tables to a ValidationReport."""
from __future__ import annotations

import pyarrow as pa

from claimbench.schemas import schema_version_of
from claimbench.validation.engine import run_suite
from claimbench.validation.frames import claims_frame, table_frame
from claimbench.validation.quarantine import split_claims
from claimbench.validation.report import ValidationReport
from claimbench.validation.suite import load_suite, suite_for_schema


def validate_tables(claims: pa.Table, papers: pa.Table, max_quarantine_fraction: float = 0.01) -> ValidationReport:
    """Run the committed suite (validation/suite.json) over a claims and a papers table.

    Rows failing row-level expectations go to ``report.quarantine``; ``report.success``
    is False when a table-level expectation failed or more than
    ``max_quarantine_fraction`` of the claims rows were quarantined. A claims table of an
    older schema (a release up to v0.16.0, which has no ``metric_phrase``) is checked
    against the suite as it applies to that schema (:func:`suite_for_schema`).

    >>> from claimbench.release.table import claims_table, papers_table
    >>> report = validate_tables(claims_table([]), papers_table([]))
    >>> report.success, report.quarantine.column_names[-1], report.valid_claims.num_rows
    (True, 'reason', 0)
    """
    frames = {"claims": claims_frame(claims, papers), "papers": table_frame(papers)}
    # Rows of unknown papers are a row-level fault (paper_known); the papers' n_claims cannot count them.
    of_known_papers = int(frames["claims"]["paper_known"].sum())
    suite = suite_for_schema(load_suite(), schema_version_of(claims.schema))
    outcomes = run_suite(suite, frames, {"claims_of_known_papers": of_known_papers})
    valid, quarantine = split_claims(claims, outcomes)
    return ValidationReport(tuple(outcomes), quarantine, valid, max_quarantine_fraction)
