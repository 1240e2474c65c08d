"""Run the suite's expectations over pandas frames with great-expectations; one Outcome per expectation.

great-expectations is imported when a :class:`SuiteRunner` is made (by :func:`run_suite`,
say), never at import: importing it takes seconds, and the CLI imports this package at start-up.

Only GX's public, documented API is used (issue 14): an ephemeral data context
(``gx.get_context(mode="ephemeral", project_config=DataContextConfig(...))``, progress
bars off in that config), a pandas data source with one dataframe asset and one
whole-dataframe batch definition per group of expectations, and for each frame
``batch_definition.get_batch(batch_parameters={"dataframe": ...})`` and
``batch.validate(suite, result_format=..., expectation_parameters=...)`` -- GX's own
results, as its documentation shows them. A runner makes the context, data source,
assets, batch definitions and GX suites once and then validates any number of frames,
so a build that validates chunk after chunk pays for them only once.

Two savings leave GX's results as they are and are plain pandas: each group of expectations
is validated over the frame cut down to what it reads -- the columns it names
(:meth:`SuiteRunner.frame_for`; no rows at all for the checks of column names and dtypes), and
for not-null checks only where the nulls are (:func:`nullness`). GX fingerprints every frame it
is given, twice a group, so what it is not given it does not hash or pickle.

Until issue 14 this module used GX internals instead: a hand-made batch
(``LegacyBatchDefinition``, ``Batch``, ``PandasBatchData``, ``PandasExecutionEngine``)
run through ``process_expectations_for_validation`` / ``graph_validate``, and a subclass
of GX's ``Validator`` overriding its private
``_generate_metric_dependency_subgraphs_for_each_expectation_configuration`` to keep each
expectation's metric graph from one chunk to the next. What leaving them cost, measured
with ``.venv/bin/python bench/validation_speed.py`` (CPU seconds, same machine, the two
versions run back to back; compare ratios, the machine is noisy):

- ``bench/validation_speed.py`` (25,600 papers, 40,274 claims rows, one chunk; three runs of
  each, alternating): a later chunk 0.32-0.37 s before, 0.68-0.78 s now (about 2.1x; 22-25x,
  now 47-54x, the pyarrow scan of the same tables); the first chunk 0.79-0.90 s before,
  0.77-0.83 s now (about 1.0x: the old engine built the graphs at the first chunk too);
  ``ChunkedValidation()`` 0.005 s before, 0.15 s now (the data source, assets and batch definitions).
- ``--papers 3200 --chunks 8`` (chunks of 400 papers): a later chunk 0.21 s before, 0.45 s now (2.1x);
  the first 0.53-0.59 s before, 0.52-0.58 s now.
- ``--papers 65536 --repeat 2`` (one shard, 103,152 claims rows): a later chunk 0.61-0.67 s before,
  1.01-1.11 s now (1.65x); ``ChunkedValidation()`` + first chunk + ``finish`` 1.18-1.57 s before,
  1.53 s now. A build validates each shard as one chunk with a checker of its own, so it never had
  a later chunk: what a build pays per shard is about the same (README's build figures stand).

The kept metric graphs were what a later chunk saved: GX builds each expectation's graph again for
every chunk (pure Python, the same however many rows: the old engine's first chunk cost 0.3-0.5 s
more than its later ones). Without the no-rows and nullness savings,
the public path cost a later 25,600-paper chunk 1.76-1.85 s (about 4.5x the old engine): GX's two
fingerprints a group of the papers' abstracts and lists (pickled) were most of it. The old figures
were taken with a copy of the old module in place of this one, on the same saved tables.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING

from claimbench.validation.report import Outcome
from claimbench.validation.suite import expectation_columns

if TYPE_CHECKING:
    import pandas as pd

EXAMPLES = 5  # unexpected values kept per expectation in the report
RESULT_FORMAT = "COMPLETE"  # the row positions of unexpected values are needed for the quarantine


def run_suite(suite: dict, frames: Mapping[str, pd.DataFrame], parameters: Mapping[str, object]) -> list[Outcome]:
    """Validate each frame against the suite's expectations whose ``meta.table`` names it (one-off :class:`SuiteRunner`).

    ``parameters`` fill the suite's ``{"$PARAMETER": ...}`` placeholders. Outcomes come
    frame by frame, each frame's in the suite's order; ``unexpected_rows`` are positions in the frame.
    """
    return SuiteRunner(suite).run(frames, parameters)


class SuiteRunner:
    """The suite as GX expectation suites with their batch definitions, made once; :meth:`run` validates frames with them.

    A table's expectations are grouped by the columns they read (:func:`read_columns`), and each
    group is validated over the frame cut down to those columns (:meth:`frame_for`): GX copies the
    whole frame it is given for most checks of values (to drop a column's nulls, to apply a
    ``row_condition``, to drop rows of a pair with a missing value), and GX 1.24 fingerprints the
    whole frame of a batch (an md5 of pandas' row hashes, or of a pickle when a column holds
    lists) twice a group -- once for ``get_batch``, once more inside ``batch.validate`` -- so a
    narrow frame makes the same check cheaper. The expectations that read only the table's column
    names and dtypes (:data:`SCHEMA_TYPES`) get the frame with no rows; those whose columns are not
    all in the frame (GX reports that) get the whole frame.

    Each group has a dataframe asset and a whole-dataframe batch definition of its own in one
    pandas data source of an in-memory data context. The data source keeps one execution engine,
    which holds the last frame given to each asset and the metrics computed on it until the next
    frame replaces them: one chunk's worth, not a build's.

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
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        self.name = suite["name"]
        self.configs: dict[str, list[dict]] = {}
        for config in suite["expectations"]:
            self.configs.setdefault(config["meta"]["table"], []).append(config)
        # An in-memory context (GX's documented config for a context without files), with no progress bars.
        self.context = gx.get_context(mode="ephemeral", project_config=DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(), progress_bars=ProgressBarsConfig(globally=False)))
        source = self.context.data_sources.add_pandas(name=self.name)
        # table -> columns read (see read_columns) -> (batch definition, GX suite, whether it reads only where the nulls are)
        self.groups: dict[str, dict[tuple[str, ...] | None, tuple]] = {}
        for table, configs in self.configs.items():
            by_columns: dict[tuple[str, ...] | None, list[dict]] = {}
            for config in configs:
                by_columns.setdefault(read_columns(config), []).append(config)
            self.groups[table] = {}
            for columns, group in by_columns.items():
                name = f"{table}[{_group_name(columns)}]"
                definition = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe(name)
                self.groups[table][columns] = (definition, _gx_suite(gx, f"{self.name}.{name}", group), reads_nulls_only(group))

    def run(self, frames: Mapping[str, pd.DataFrame], parameters: Mapping[str, object]) -> list[Outcome]:
        """One Outcome per expectation of each frame's table, frame by frame, each in the suite's order."""
        outcomes = []
        for table, frame in frames.items():
            results = {r.expectation_config.meta["name"]: r for r in self.validate(table, frame, parameters)}  # GX reorders them
            outcomes += [outcome(c, results[c["meta"]["name"]]) for c in self.configs.get(table, [])]
        return outcomes

    def validate(self, table: str, frame: pd.DataFrame, parameters: Mapping[str, object]) -> list:
        """GX's ExpectationValidationResults of the table's expectations over the frame (group by group, in GX's order)."""
        results = []
        for columns, (definition, gx_suite, nulls_only) in self.groups.get(table, {}).items():
            part = self.frame_for(frame, columns)
            batch = definition.get_batch(batch_parameters={"dataframe": nullness(part) if nulls_only else part})
            validated = batch.validate(gx_suite, result_format=RESULT_FORMAT, expectation_parameters=dict(parameters))
            results += validated.results
        return results

    @staticmethod
    def frame_for(frame: pd.DataFrame, columns: tuple[str, ...] | None) -> pd.DataFrame:
        """The frame cut down to these columns, in its own order; for ``()``, its columns with no rows; the whole
        frame for None or when a column is missing.

        >>> import pandas as pd
        >>> frame = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
        >>> list(SuiteRunner.frame_for(frame, ("c", "a")).columns), list(SuiteRunner.frame_for(frame, ("a", "z")).columns)
        (['a', 'c'], ['a', 'b', 'c'])
        >>> schema = SuiteRunner.frame_for(frame, ())
        >>> list(schema.columns), len(schema), schema.dtypes.equals(frame.dtypes)
        (['a', 'b', 'c'], 0, True)
        """
        if columns == ():
            return frame.iloc[:0]
        if columns is None or not set(columns) <= set(frame.columns):
            return frame
        return frame[[c for c in frame.columns if c in columns]]


# Expectations that read only the table's column names and dtypes, no values: GX documents
# expect_column_type_to_be as "a schema-level check against the column's exact dtype".
SCHEMA_TYPES = ("expect_table_columns_to_match_ordered_list", "expect_column_type_to_be")


def read_columns(config: dict) -> tuple[str, ...] | None:
    """The columns an expectation reads (its own and its ``row_condition``'s), sorted; ``()`` when it reads the
    table's columns and their dtypes only (no values); None when it needs the whole table.

    >>> read_columns({"type": "expect_column_values_to_be_between", "kwargs": {"column": "value",
    ...               "row_condition": {"column": {"name": "unit"}, "operator": "==", "parameter": "%", "type": "comparison"}}})
    ('unit', 'value')
    >>> read_columns({"type": "expect_column_type_to_be", "kwargs": {"column": "value", "type_": "float64"}})
    ()
    >>> read_columns({"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}) is None
    True
    """
    if config["type"] in SCHEMA_TYPES:
        return ()
    kwargs = config["kwargs"]
    columns = expectation_columns(kwargs)
    condition = kwargs.get("row_condition")
    if condition is not None:
        if not isinstance(condition, dict):
            return None  # a condition GX parses from text: its columns are not known here
        columns += _condition_columns(condition)
    if not columns:
        return None
    return tuple(sorted(set(columns)))


NOT_NULL = "expect_column_values_to_not_be_null"


def reads_nulls_only(configs: list[dict]) -> bool:
    """Whether every expectation of a group is a not-null check with no ``row_condition``: GX documents that
    such a check counts as unexpected only values that are null (empty strings are not), and it reports
    those values; so it gives the same result over :func:`nullness` of the frame as over the frame.

    >>> reads_nulls_only([{"type": NOT_NULL, "kwargs": {"column": "abstract"}}])
    True
    >>> reads_nulls_only([{"type": NOT_NULL, "kwargs": {"column": "value"}},
    ...                   {"type": "expect_column_values_to_be_between", "kwargs": {"column": "value", "min_value": 0}}])
    False
    """
    return all(c["type"] == NOT_NULL and c["kwargs"].get("row_condition") is None for c in configs)


def nullness(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every non-null value of its text and object columns replaced by ``""``; nulls stay as they are.

    What a not-null check reads of a column is where its nulls are, and the nulls themselves (its
    unexpected values). Long texts and columns of lists cost GX much to fingerprint (lists are
    pickled); ``""`` costs next to nothing. Other columns (numbers, booleans) are left as they are.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"a": [["x", "y"], None], "b": pd.array(["long text", None], dtype="str"), "n": [1, 2]})
    >>> stand_in = nullness(frame)
    >>> stand_in["a"].tolist(), stand_in["b"].isna().tolist(), stand_in["b"].dtype == frame["b"].dtype, stand_in["n"].tolist()
    (['', None], [False, True], True, [1, 2])
    """
    import pandas as pd

    text = [c for c in frame.columns if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]
    return frame.assign(**{c: frame[c].where(frame[c].isna(), "") for c in text}) if text else frame


def _group_name(columns: tuple[str, ...] | None) -> str:
    """How a group of expectations is named in GX: by the columns it reads, ``schema`` or ``*``.

    >>> _group_name(("unit", "value")), _group_name(()), _group_name(None)
    ('unit,value', 'schema', '*')
    """
    return ",".join(columns) if columns else ("schema" if columns == () else "*")


def _condition_columns(condition) -> list[str]:
    """Every column a structured row condition names (``{"column": {"name": ...}}``, at any depth)."""
    if isinstance(condition, list):
        return [name for part in condition for name in _condition_columns(part)]
    if not isinstance(condition, dict):
        return []
    names = [condition["column"]["name"]] if isinstance(condition.get("column"), dict) and "name" in condition["column"] else []
    return names + [name for key, part in condition.items() if key != "column" for name in _condition_columns(part)]


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
