"""Vietnamese number writing: thousands dots, decimal comma, zero-padded counts, money words.

Every written number is produced from a Decimal, and the gold value is read back from the
same Decimal, so text and key cannot disagree.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

MILLION = Decimal(1_000_000)
BILLION = Decimal(1_000_000_000)


def quantize(value: Decimal | float | int, places: int) -> Decimal:
    step = Decimal(1).scaleb(-places) if places else Decimal(1)
    return Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)


def write(value: Decimal, places: int = 0, pad: bool = False, group: bool = True) -> str:
    """1234.5 -> '1.234,5'; pad writes counts under 10 as '05' (as reports do)."""
    value = quantize(value, places)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.{places}f}".partition(".")
    if group and len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", ".")
    if pad and not frac and len(whole) == 1:
        whole = "0" + whole
    return sign + whole + ("," + frac if frac else "")


def as_json(value: Decimal) -> int | float:
    """The JSON number of a Decimal: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def money(value_million: Decimal, rng_choice: int) -> tuple[str, Decimal]:
    """A sum of money written as reports do; returns (text, value in đồng).

    rng_choice picks the style: 0 'triệu đồng' with one decimal, 1 'tỷ đồng' for large sums,
    2 whole 'triệu đồng'.
    """
    if rng_choice == 1 and value_million >= 1000:
        billions = quantize(value_million / 1000, 2)
        return f"{write(billions, 2 if billions != billions.to_integral_value() else 0)} tỷ đồng", billions * BILLION
    if rng_choice == 2:
        whole = quantize(value_million, 0)
        return f"{write(whole)} triệu đồng", whole * MILLION
    tenth = quantize(value_million, 1)
    places = 0 if tenth == tenth.to_integral_value() else 1
    return f"{write(tenth, places)} triệu đồng", tenth * MILLION
