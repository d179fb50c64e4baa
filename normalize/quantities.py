"""Units of measure and money: canonical units and exact conversions.

Money is held as `Decimal` đồng: a figure extracted as a float (344919000000.0) is turned into an
exact Decimal from its shortest decimal representation, so sums never drift by float error.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.measures import lexicon
from domain.text import fold

# exact conversions to the canonical unit of the same dimension
CONVERSIONS: dict[str, tuple[str, Decimal]] = {
    "m2": ("ha", Decimal("0.0001")),
    "km2": ("ha", Decimal("100")),
    "tạ": ("tấn", Decimal("0.1")),
    "yến": ("tấn", Decimal("0.01")),
    "kg": ("tấn", Decimal("0.001")),
    "km": ("m", Decimal("1000")),
    "lượt": ("lượt người", Decimal("1")),
    "hộ gia đình": ("hộ", Decimal("1")),
}


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str  # canonical


def to_decimal(value: float | int | str | Decimal) -> Decimal:
    """Exact Decimal of a figure value: repr() gives the shortest round-tripping decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _lookup(unit: str) -> tuple[str, Decimal]:
    """(canonical spelling, factor to it): "m³" -> ("m3", 1), "triệu đồng" -> ("đồng", 10^6)."""
    u = " ".join(unit.lower().split())
    entry = lexicon().get(u)
    if entry is None:
        folded = fold(u)
        entry = next((e for form, e in lexicon().items() if fold(form) == folded), None)
    if entry is None:
        return u, Decimal(1)
    return entry.unit, to_decimal(entry.factor)


def canonical_unit(unit: str) -> str:
    """The canonical spelling of a unit ("m³" -> "m3", "Héc-ta" -> "ha"), lower case."""
    return _lookup(unit)[0]


def convert(value: float | int | str | Decimal, unit: str) -> Quantity:
    """The quantity in its dimension's canonical unit (exact; unknown units stay as they are)."""
    u, factor = _lookup(unit)
    amount = to_decimal(value) * factor
    if u in CONVERSIONS:
        target, factor = CONVERSIONS[u]
        return Quantity(amount * factor, target)
    return Quantity(amount, u)


def same_dimension(unit_a: str, unit_b: str) -> bool:
    return convert(0, unit_a).unit == convert(0, unit_b).unit
