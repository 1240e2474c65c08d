"""Run the suite's expectations over pandas frames with great-expectations; one Outcome per expectation.

great-expectations is imported inside :func:`run_suite` only: importing it takes
seconds, and the CLI imports this package at start-up.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Mapping

from claimbench.validation.report import Outcome
from claimbench.validation.suite import expectation_columns

if TYPE_CHECKING:
    import pandas as pd

EXAMPLES = 5  # unexpected values kept per expectation in the report


def run_suite(suite: dict, frames: Mapping[str, "pd.DataFrame"], parameters: Mapping[str, object]) -> list[Outcome]:
    """Validate each frame against the suite's expectations whose ``meta.table`` names it.

    ``parameters`` fill the suite's ``{"$PARAMETER": ...}`` placeholders. Outcomes come
    frame by frame, each frame's in the suite's order; ``unexpected_rows`` are positions in the frame.
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas(name=suite["name"])
    outcomes = []
    for table, frame in frames.items():
        configs = [c for c in suite["expectations"] if c["meta"]["table"] == table]
        gx_suite = context.suites.add(_gx_suite(gx, f"{suite['name']}.{table}", configs))
        batch = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(name=table)
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=table, data=batch, suite=gx_suite))
        run = definition.run(
            batch_parameters={"dataframe": frame}, expectation_parameters=dict(parameters), result_format="COMPLETE"
        )
        results = {r.expectation_config.meta["name"]: r for r in run.results}  # GX reorders them
        outcomes += [outcome(c, results[c["meta"]["name"]]) for c in configs]
    return outcomes


def _gx_suite(gx, name: str, configs: list[dict]):
    """A GX suite of these expectation configs; raises if GX rejects one (it would only log and drop it)."""
    suite = gx.ExpectationSuite(name=name, expectations=copy.deepcopy(configs))
    if len(suite.expectations) != len(configs):
        raise ValueError(f"great-expectations rejected {len(configs) - len(suite.expectations)} expectation(s) of {name}")
    return suite


def outcome(config: dict, result) -> Outcome:
    """The Outcome of one expectation from its config and GX's ExpectationValidationResult."""
    details = result.result or {}
    return Outcome(
        name=config["meta"]["name"],
        table=config["meta"]["table"],
        level=config["meta"]["level"],
        type=config["type"],
        columns=tuple(expectation_columns(config["kwargs"])),
        success=bool(result.success),
        unexpected_count=details.get("unexpected_count"),
        unexpected_examples=tuple(details.get("partial_unexpected_list", ())[:EXAMPLES]),
        observed_value=details.get("observed_value"),
        details=details.get("details"),
        error=error_message(result.exception_info),
        unexpected_rows=tuple(details.get("unexpected_index_list", ())),
    )


def error_message(exception_info: dict | None) -> str | None:
    """The message of an exception GX caught while evaluating an expectation, else None.

    GX gives either one ``{"raised_exception", "exception_message", ...}`` dict or
    one such dict per metric that failed.

    >>> error_message({"raised_exception": False, "exception_message": None}) is None
    True
    >>> error_message({"metric-id": {"raised_exception": True, "exception_message": "no column x"}})
    'no column x'
    """
    exception_info = exception_info or {}
    infos = [exception_info] if "raised_exception" in exception_info else exception_info.values()
    messages = [info["exception_message"] for info in infos if info.get("raised_exception")]
    return "; ".join(messages) or None
