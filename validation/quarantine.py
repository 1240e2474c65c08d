"""Split the claims table by the row-level outcomes: rows that failed go to quarantine with a reason."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa

from claimbench.validation.report import Outcome

REASON_FIELD = pa.field("reason", pa.string(), nullable=False)


def reasons_by_row(outcomes: Iterable[Outcome]) -> dict[int, str]:
    """Row position -> the names of the row-level expectations it failed, in suite order, joined by "; ".

    >>> bad_metric = Outcome("in_set(metric)", "claims", "row", "t", ("metric",), False, 1, unexpected_rows=(2,))
    >>> bad_low = Outcome("a_gt_b(value, value_low)", "claims", "row", "t", (), False, 2, unexpected_rows=(0, 2))
    >>> reasons_by_row([bad_metric, bad_low])
    {0: 'a_gt_b(value, value_low)', 2: 'in_set(metric); a_gt_b(value, value_low)'}
    """
    names: dict[int, list[str]] = {}
    for outcome in outcomes:
        if outcome.quarantines:
            for row in outcome.unexpected_rows:
                names.setdefault(row, []).append(outcome.name)
    return {row: "; ".join(names[row]) for row in sorted(names)}


def split_claims(claims: pa.Table, outcomes: Iterable[Outcome]) -> tuple[pa.Table, pa.Table]:
    """(valid claims, quarantine): the quarantine has the claims columns plus ``reason``.

    >>> claims = pa.table({"claim_id": ["a", "b", "c"]})
    >>> bad = Outcome("in_set(metric)", "claims", "row", "t", ("metric",), False, 1, unexpected_rows=(1,))
    >>> valid, quarantine = split_claims(claims, [bad])
    >>> valid["claim_id"].to_pylist(), quarantine.to_pylist()
    (['a', 'c'], [{'claim_id': 'b', 'reason': 'in_set(metric)'}])
    """
    reasons = reasons_by_row(outcomes)
    keep = np.ones(claims.num_rows, dtype=bool)
    keep[np.fromiter(reasons, dtype=np.int64, count=len(reasons))] = False
    quarantine = claims.take(pa.array(list(reasons), pa.int64()))
    quarantine = quarantine.append_column(REASON_FIELD, pa.array(list(reasons.values()), pa.string()))
    return claims.filter(pa.array(keep)), quarantine
