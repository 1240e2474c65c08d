"""Run the suite's expectations over pandas frames with great-expectations; one Outcome per expectation.

great-expectations is imported when a :class:`SuiteRunner` is made (by :func:`run_suite`,
say), never at import: importing it takes seconds, and the CLI imports this package at start-up.

A runner turns the suite into GX objects once and then validates any number of
frames, so a build that validates chunk after chunk pays for that only once. For
each frame it makes what GX's ``ValidationDefinition.run`` makes -- a pandas
execution engine, a batch of the frame, a validator -- and runs the same
``process_expectations_for_validation`` and ``graph_validate``, so the results are
GX's own; it only leaves out what a run adds around them and the report never
reads: a data context, data source and validation definition per run, the md5
fingerprint of the whole frame in the batch markers (a pickle of it when a
column holds lists), and the copy of every result kept in the context's store.

Two more savings leave GX's results as they are: each expectation is validated over
the frame cut down to the columns it reads (:meth:`SuiteRunner.frame_for`), and the
metric graph GX builds for an expectation is kept for the next chunk
(:func:`graph_caching_validator`).
"""
from __future__ import annotations

import copy
import functools
from typing import TYPE_CHECKING, Mapping

from claimbench.validation.report import Outcome
from claimbench.validation.suite import expectation_columns

if TYPE_CHECKING:
    import pandas as pd

EXAMPLES = 5  # unexpected values kept per expectation in the report
RESULT_FORMAT = "COMPLETE"  # the row positions of unexpected values are needed for the quarantine


def run_suite(suite: dict, frames: Mapping[str, "pd.DataFrame"], parameters: Mapping[str, object]) -> list[Outcome]:
    """Validate each frame against the suite's expectations whose ``meta.table`` names it (one-off :class:`SuiteRunner`).

    ``parameters`` fill the suite's ``{"$PARAMETER": ...}`` placeholders. Outcomes come
    frame by frame, each frame's in the suite's order; ``unexpected_rows`` are positions in the frame.
    """
    return SuiteRunner(suite).run(frames, parameters)


class SuiteRunner:
    """The suite as GX expectation suites, made once; :meth:`run` validates frames with them.

    A table's expectations are grouped by the columns they read (:func:`read_columns`), and each
    group is validated over the frame cut down to those columns (:meth:`frame_for`): GX copies the
    whole frame it is given for most checks of values (to drop a column's nulls, to apply a
    ``row_condition``, to drop rows of a pair with a missing value), so a narrow frame makes the
    same check cheaper. Expectations about the table's shape (columns, types) and those whose
    columns are not all in the frame (GX reports that) get the whole frame.

    >>> from claimbench.validation.suite import load_suite
    >>> import pandas as pd
    >>> runner = SuiteRunner({"name": "s", "expectations": [e for e in load_suite()["expectations"]
    ...                                                      if e["meta"]["name"] == "expect_column_values_to_be_in_set(metric)"]})
    >>> frame = pd.DataFrame({"metric": ["speedup", "mfu"], "unit": ["x", "%"]})
    >>> [(o.success, o.unexpected_count, o.unexpected_rows) for o in runner.run({"claims": frame}, {})]
    [(False, 1, (1,))]
    """

    def __init__(self, suite: dict):
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.name = suite["name"]
        self.configs: dict[str, list[dict]] = {}
        for config in suite["expectations"]:
            self.configs.setdefault(config["meta"]["table"], []).append(config)
        self.groups: dict[str, dict[tuple[str, ...] | None, object]] = {}  # table -> columns read (None: all) -> GX suite
        for table, configs in self.configs.items():
            by_columns: dict[tuple[str, ...] | None, list[dict]] = {}
            for config in configs:
                by_columns.setdefault(read_columns(config), []).append(config)
            self.groups[table] = {
                columns: _gx_suite(gx, f"{self.name}.{table}[{','.join(columns or ('*',))}]", group)
                for columns, group in by_columns.items()
            }
        # An in-memory context, only for its settings: no progress bars; suite parameters are resolved with it as in a run.
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.graphs: dict[tuple, tuple] = {}  # metric graphs of the expectations, for the next frames (see graph_caching_validator)

    def run(self, frames: Mapping[str, "pd.DataFrame"], parameters: Mapping[str, object]) -> list[Outcome]:
        """One Outcome per expectation of each frame's table, frame by frame, each in the suite's order."""
        outcomes = []
        for table, frame in frames.items():
            results = {r.expectation_config.meta["name"]: r for r in self.validate(table, frame, parameters)}  # GX reorders them
            outcomes += [outcome(c, results[c["meta"]["name"]]) for c in self.configs.get(table, [])]
        return outcomes

    def validate(self, table: str, frame: "pd.DataFrame", parameters: Mapping[str, object]) -> list:
        """GX's ExpectationValidationResults of the table's expectations over the frame (group by group, in GX's order)."""
        results = []
        for columns, gx_suite in self.groups.get(table, {}).items():
            part = self.frame_for(frame, columns)
            validator = self._validator(f"{table}[{','.join(part.columns if columns else ('*',))}]", part)
            # Fresh configurations each run: GX writes the parameters' values into them.
            configs = validator.process_expectations_for_validation(gx_suite.expectation_configurations, dict(parameters))
            results += validator.graph_validate(configurations=configs, runtime_configuration={"result_format": RESULT_FORMAT})
        return results

    @staticmethod
    def frame_for(frame: "pd.DataFrame", columns: tuple[str, ...] | None) -> "pd.DataFrame":
        """The frame cut down to these columns, in its own order; the whole frame for None or when one is missing.

        >>> import pandas as pd
        >>> frame = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
        >>> list(SuiteRunner.frame_for(frame, ("c", "a")).columns), list(SuiteRunner.frame_for(frame, ("a", "z")).columns)
        (['a', 'c'], ['a', 'b', 'c'])
        """
        if columns is None or not set(columns) <= set(frame.columns):
            return frame
        return frame[[c for c in frame.columns if c in columns]]

    def _validator(self, asset: str, frame: "pd.DataFrame"):
        """A GX validator of one batch holding the frame, on an execution engine of its own.

        A new engine each time: an engine keeps every batch loaded into it and every metric it
        computed, so one engine for a whole build would hold them all. The batch is named after
        ``asset`` (the table and the columns), so every chunk of a table has the same batch id.
        """
        from great_expectations.core.batch import Batch, LegacyBatchDefinition
        from great_expectations.core.id_dict import IDDict
        from great_expectations.execution_engine import PandasExecutionEngine
        from great_expectations.execution_engine.pandas_batch_data import PandasBatchData

        engine = PandasExecutionEngine()
        definition = LegacyBatchDefinition(
            datasource_name=self.name, data_connector_name="dataframe", data_asset_name=asset, batch_identifiers=IDDict()
        )
        batch = Batch(data=PandasBatchData(engine, frame), batch_definition=definition)
        return graph_caching_validator()(self.graphs, execution_engine=engine, data_context=self.context, batches=[batch])


WHOLE_TABLE_TYPES = ("expect_table_columns_to_match_ordered_list", "expect_column_type_to_be")


def read_columns(config: dict) -> tuple[str, ...] | None:
    """The columns an expectation reads (its own and its ``row_condition``'s), sorted; None when it needs the whole table.

    >>> read_columns({"type": "expect_column_values_to_be_between", "kwargs": {"column": "value",
    ...               "row_condition": {"column": {"name": "unit"}, "operator": "==", "parameter": "%", "type": "comparison"}}})
    ('unit', 'value')
    >>> read_columns({"type": "expect_column_type_to_be", "kwargs": {"column": "value", "type_": "float64"}}) is None
    True
    """
    kwargs = config["kwargs"]
    columns = expectation_columns(kwargs)
    condition = kwargs.get("row_condition")
    if condition is not None:
        if not isinstance(condition, dict):
            return None  # a condition GX parses from text: its columns are not known here
        columns += _condition_columns(condition)
    if config["type"] in WHOLE_TABLE_TYPES or not columns:
        return None
    return tuple(sorted(set(columns)))


def _condition_columns(condition) -> list[str]:
    """Every column a structured row condition names (``{"column": {"name": ...}}``, at any depth)."""
    if isinstance(condition, list):
        return [name for part in condition for name in _condition_columns(part)]
    if not isinstance(condition, dict):
        return []
    names = [condition["column"]["name"]] if isinstance(condition.get("column"), dict) and "name" in condition["column"] else []
    return names + [name for key, part in condition.items() if key != "column" for name in _condition_columns(part)]


@functools.cache
def graph_caching_validator() -> type:
    """GX's Validator, keeping the metric dependency graph it builds for each expectation, to use again.

    Before it computes anything, GX's ``graph_validate`` turns each expectation into the graph of
    the metrics it needs (``_generate_metric_dependency_subgraphs_for_each_expectation_configuration``):
    pure Python, the same however many rows, about half of what a chunk costs GX when it has
    no rows. That graph follows from the expectation's
    configuration (its parameters' values included) and the batch id only -- GX reads no data to
    build it -- and a table's batch id is the same every chunk, so it is built once and kept in
    ``graphs``, which the caller owns (one dict for a run of chunks). Each frame still gets its own
    engine, and every metric is computed on it; an expectation GX could not make a graph of is
    tried again each time.
    """
    from great_expectations.validator.validation_graph import ExpectationValidationGraph
    from great_expectations.validator.validator import Validator

    class GraphCachingValidator(Validator):
        def __init__(self, graphs: dict, **kwargs):
            super().__init__(**kwargs)
            self._graphs = graphs

        def _generate_metric_dependency_subgraphs_for_each_expectation_configuration(
            self, expectation_configurations, processed_configurations, catch_exceptions, runtime_configuration=None
        ):
            graphs, evrs = [], []
            for configuration in expectation_configurations:
                key = (self.active_batch_id, configuration.type, repr(configuration.kwargs), repr(configuration.meta),
                       repr(runtime_configuration))
                if key in self._graphs:
                    evaluated, graph = self._graphs[key]
                    graphs.append(ExpectationValidationGraph(configuration=evaluated, graph=graph))
                    processed_configurations.append(evaluated)
                    continue
                built, failed, _ = super()._generate_metric_dependency_subgraphs_for_each_expectation_configuration(
                    [configuration], processed_configurations, catch_exceptions, runtime_configuration
                )
                if built and not failed:
                    self._graphs[key] = (built[0].configuration, built[0].graph)
                graphs += built
                evrs += failed
            return graphs, evrs, processed_configurations

    return GraphCachingValidator


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
