"""Units through pint: parse a unit string once, convert values to a canonical unit.

The registry is pint's default plus claimbench's definitions in
``schemas/units.txt`` (token, FLOP, FLOPS, GPU-hour, parameter, USD, ...).
Factors (``x``), percentages (``%``), percentage points (``pp``) and unitless
scores (``""``) are not physical units and keep their own unit.

>>> canonical(2.0, "MB")
(2000000.0, 'byte')
>>> canonical(17.1, "ms")
(0.0171, 'second')
>>> canonical(2.49, "x")
(2.49, 'x')
>>> canonical(32.5, "dB")
(32.5, 'dB')
"""
from __future__ import annotations

from functools import lru_cache

import pint

from claimbench.schemas import data_path

# Units that are not pint quantities: they stay as they are.
SPECIAL_UNITS = frozenset({"x", "%", "pp", ""})
# Units pint parses whose value is kept as written: a level on a logarithmic scale ("32.5 dB" of PSNR; pint's
# base units would turn it into a power ratio of 1778) and a rate of simulated time ("11.4 ns/day", which
# pint would reduce to a ratio of 1.3e-13).
KEPT_UNITS = frozenset({"dB", "ns/day"})


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """pint's default registry plus claimbench's definitions file."""
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=None)
    ureg.load_definitions(str(data_path("units.txt")))
    return ureg


def _root(unit: str) -> tuple[float, frozenset[tuple[str, float]]]:
    """``unit`` in root units, as (factor, {(root unit, power)}), with byte for bit.

    pint counts information as dimensionless (bit = []), so that a byte rate and a
    frequency have one dimensionality (1 / [time]); claimbench gives sizes in bytes:
    the root units keep the byte (1 bit = 1/8 byte), which tells the two apart.

    >>> _root("GB/s") == (1e9, frozenset({("byte", 1), ("second", -1)}))
    True
    """
    ureg = registry()
    factor, root = ureg.get_root_units(unit)
    parts = dict(ureg.Quantity(1, root).unit_items())  # root unit name -> power (pint's public view of a unit)
    factor = float(factor) * 8.0 ** -parts.get("bit", 0)
    return factor, frozenset(("byte" if name == "bit" else name, power) for name, power in parts.items())


@lru_cache(maxsize=1)
def _canonical_units() -> dict[frozenset[tuple[str, float]], tuple[float, str]]:
    """root units -> (factor of the canonical unit in those root units, its name), the first of the file's names."""
    import json

    names = json.loads(data_path("canonical_units.json").read_text(encoding="utf-8"))["canonical"]
    found: dict[frozenset[tuple[str, float]], tuple[float, str]] = {}
    for name in names:
        factor, key = _root(name)
        found.setdefault(key, (factor, name))
    return found


class UnitError(ValueError):
    """A unit string that pint does not know."""


@lru_cache(maxsize=4096)
def conversion(unit: str) -> tuple[float, str]:
    """(factor, canonical unit) such that value * factor is the value in the canonical unit.

    Cached: each distinct unit string is parsed by pint once.

    >>> conversion("GB")
    (1000000000.0, 'byte')
    >>> conversion("TFLOPS")
    (1000000000000.0, 'FLOPS')
    """
    if unit in SPECIAL_UNITS or unit in KEPT_UNITS:
        return 1.0, unit
    ureg = registry()
    try:
        quantity = ureg.Quantity(1.0, ureg.parse_units(unit))
    except Exception as err:  # pint raises several error types for unknown units
        raise UnitError(f"unknown unit {unit!r}: {err}") from None
    factor, key = _root(unit)
    if not key:  # a dimensionless unit (an amount of bits is not one: its key holds the byte)
        return factor, ""
    if quantity.dimensionless and not any(name == "byte" for name, _ in key):
        return float(quantity.to("dimensionless").magnitude), ""  # degree, radian
    # The canonical unit with the same root units (not merely the same dimensionality:
    # hertz and byte / second share one, since pint's bit is dimensionless).
    canonical_unit = _canonical_units().get(key)
    if canonical_unit is not None:
        return factor / canonical_unit[0], canonical_unit[1]
    if any(name == "byte" for name, _ in key):
        return factor, _format_units(sorted(key))
    base = quantity.to_base_units()
    return float(base.magnitude), str(base.units)


def _format_units(parts: list[tuple[str, float]]) -> str:
    """Write root units as pint would: ``[("byte", 1), ("second", -1)]`` -> ``byte / second``."""
    def term(name: str, power: float) -> str:
        power = abs(power)
        return name if power == 1 else f"{name} ** {power:g}"

    num = " * ".join(term(n, p) for n, p in parts if p > 0) or "1"
    den = " / ".join(term(n, p) for n, p in parts if p < 0)
    return f"{num} / {den}" if den else num


def is_unit(unit: str) -> bool:
    """True when pint (with claimbench's definitions) parses ``unit``.

    >>> is_unit("token/s"), is_unit("MAC/clk")
    (True, False)
    """
    try:
        conversion(unit)
        return True
    except UnitError:
        return False


def canonical(value: float | None, unit: str) -> tuple[float | None, str]:
    """``value`` in the canonical unit of ``unit``'s dimension, and that unit's name."""
    factor, target = conversion(unit)
    return (None if value is None else value * factor), target
