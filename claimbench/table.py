"""Claims and papers as Arrow tables, cast to the schemas in schemas/.

Rows are sorted (papers by ``paper_id``; claims by ``paper_id`` then offset),
so the same input always gives the same table, byte for byte once written.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Mapping, Sequence

import pyarrow as pa

from claimbench.extract.dedup import MergedPaper
from claimbench.extract.model import Claim
from claimbench.extract.units import canonical
from claimbench.schemas import CLAIMS_SCHEMA, PAPERS_SCHEMA


def claim_id_for(paper_id: str, start: int, end: int) -> str:
    """A claim's stable id: it names the mention's place, so it survives changes to other fields.

    >>> claim_id_for("02766bd313", 10, 16)
    'ba95750f0a0a37df'
    """
    return hashlib.sha1(f"{paper_id}:{start}:{end}".encode("ascii")).hexdigest()[:16]


def claim_rows(paper_id: str, title: str, claims: Sequence[Claim], extractor_version: str) -> list[dict]:
    """One row per claim, in the claims schema's column order."""
    rows = []
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        value_canonical, unit_canonical = canonical(claim.value, claim.unit)
        low_canonical, _ = canonical(claim.value_low, claim.unit)
        rows.append(
            {
                "claim_id": claim_id_for(paper_id, claim.start, claim.end),
                "paper_id": paper_id,
                "title": title,
                "mention": claim.mention,
                "mention_start": claim.start,
                "mention_end": claim.end,
                "value": claim.value,
                "value_low": claim.value_low,
                "unit": claim.unit,
                "value_canonical": value_canonical,
                "value_low_canonical": low_canonical,
                "unit_canonical": unit_canonical,
                "metric": claim.metric,
                "qualifier": claim.qualifier,
                "change": claim.change,
                "baseline": claim.baseline,
                "hardware": claim.hardware,
                "workload": claim.workload,
                "sentence": claim.sentence,
                "sentence_start": claim.sentence_start,
                "extractor_version": extractor_version,
            }
        )
    return rows


def paper_row(merged: MergedPaper, n_claims: int) -> dict:
    """The papers-table row of one merged paper."""
    paper = merged.paper
    return {
        "paper_id": paper.paper_id,
        "title": paper.title,
        "abstract": paper.abstract,
        "external_id": paper.external_id,
        "categories": list(paper.categories),
        "update_date": paper.update_date,
        "sources": list(merged.sources),
        "abstract_variants": merged.abstract_variants,
        "n_claims": n_claims,
    }


def claims_table(rows: Iterable[dict]) -> pa.Table:
    """Claim rows (see :func:`claim_rows`) as a table with the claims schema."""
    return pa.Table.from_pylist(list(rows), schema=CLAIMS_SCHEMA)


def papers_table(rows: Iterable[dict]) -> pa.Table:
    """Paper rows (see :func:`paper_row`) as a table with the papers schema."""
    return pa.Table.from_pylist(list(rows), schema=PAPERS_SCHEMA)


def build_tables(
    merged: Sequence[MergedPaper], claims_by_paper: Mapping[str, Sequence[Claim]], extractor_version: str
) -> tuple[pa.Table, pa.Table]:
    """(claims table, papers table) for merged papers and the claims found in each."""
    claim_list: list[dict] = []
    paper_list: list[dict] = []
    for m in sorted(merged, key=lambda m: m.paper.paper_id):
        found = claims_by_paper.get(m.paper.paper_id, ())
        claim_list.extend(claim_rows(m.paper.paper_id, m.paper.title, found, extractor_version))
        paper_list.append(paper_row(m, len(found)))
    return claims_table(claim_list), papers_table(paper_list)
