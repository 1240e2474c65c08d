"""Behavioral suite (CheckList-style): no capability's pass rate falls below its floor.

The capabilities are invented template sentences crossed with perturbations
(tests/behavioral/templates.py, expanded and scored by tests/behavioral/runner.py);
the floors are each capability's pass rate when they were last written,
rounded down to 0.01 (tests/behavioral/floors.json). After an improvement,
raise them with ``.venv/bin/python bench/behavioral.py --write-floors``;
``bench/behavioral.py --failures CAP`` shows what a capability gets wrong.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BEHAVIORAL = Path(__file__).resolve().parent / "behavioral"


def _load_runner():
    name = "claimbench_behavioral_runner"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BEHAVIORAL / "runner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


runner = _load_runner()
CAPABILITIES = [cap["name"] for cap in runner.capabilities()]


@pytest.fixture(scope="module")
def cases():
    return runner.all_cases()


@pytest.fixture(scope="module")
def rates(cases):
    return runner.rates(runner.run_all(cases), lambda r: r.case.capability)


@pytest.fixture(scope="module")
def floors():
    return json.loads(runner.FLOORS_PATH.read_text(encoding="utf-8"))


def test_suite_size(cases):
    assert len(CAPABILITIES) >= 25
    assert len(set(CAPABILITIES)) == len(CAPABILITIES), "capability names must be unique"
    per_cap = {name: 0 for name in CAPABILITIES}
    for case in cases:
        per_cap[case.capability] += 1
    small = {name: n for name, n in per_cap.items() if n < 5}
    assert not small, f"capabilities with fewer than 5 cases: {small}"


def test_every_capability_has_a_floor(floors):
    missing = [name for name in CAPABILITIES if name not in floors]
    assert not missing, f"no floor in floors.json for {missing}: run bench/behavioral.py --write-floors"
    stale = [name for name in floors if name not in CAPABILITIES]
    assert not stale, f"floors.json names capabilities that no longer exist: {stale}"


def test_expected_mentions_are_in_the_abstract(cases):
    """Each expected mention occurs in the case's abstract, in the order the claims are listed."""
    bad = []
    for case in cases:
        pos = 0
        for claim in case.expected:
            found = case.abstract.find(claim["mention"], pos)
            if found < 0:
                bad.append((case.id, claim["mention"], case.abstract))
                break
            pos = found + 1
    assert not bad, bad[:5]


def test_case_ids_are_unique(cases):
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("capability", CAPABILITIES)
def test_pass_rate_at_least_floor(capability, rates, floors):
    floor = floors.get(capability)
    if floor is None:
        pytest.fail(f"{capability} has no floor: run bench/behavioral.py --write-floors")
    rate = rates[capability]
    assert rate.rate >= floor, (
        f"{capability}: {rate.passed}/{rate.cases} cases pass = {rate.rate:.2f}, below its floor {floor:.2f}; "
        f"see .venv/bin/python bench/behavioral.py --failures {capability}")
