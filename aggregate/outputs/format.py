"""Vietnamese formatting of numbers, quantities and periods for the consolidated report.

Vietnamese writes "." between thousands and "," before decimals: 11.120,3 ha; 1.478,8 triệu
đồng. Values are Decimal end to end: nothing here goes through float.
"""
from __future__ import annotations

from decimal import Decimal

from normalize.period_keys import parse_key

MILLION = Decimal(1_000_000)
STATUS_WORDS = {"awarded": "đã khen thưởng", "proposed": "đề nghị khen thưởng"}
LEVEL_WORDS = {"nha_nuoc": "Nhà nước", "chinh_phu": "Chính phủ", "bo_tinh": "Bộ, ban, ngành, tỉnh",
               "huyen": "Huyện", "co_so": "Cơ sở"}
# a money total is written in "triệu đồng" when it is exact to this many decimals of a million
MONEY_DECIMALS = 3
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def plain(value: Decimal) -> str:
    """The shortest exact decimal string, never in exponent form: 11120.300000 -> '11120.3'."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def format_number(value: Decimal | int, places: int | None = None) -> str:
    """'11.120,3' for Decimal('11120.3'); `places` rounds first (half up is not needed: exact)."""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    text = plain(number) if places is None else format(number, "f")
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-")
    whole, _, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{fraction}" if fraction else out


def display(value: Decimal, unit: str) -> tuple[str, str]:
    """The number and unit as written: money of a million đồng and more in "triệu đồng"."""
    if unit == "đồng" and abs(value) >= MILLION:
        millions = value / MILLION
        if millions == millions.quantize(Decimal(1).scaleb(-MONEY_DECIMALS)):
            return format_number(millions), "triệu đồng"
    return format_number(value), unit


def format_quantity(value: Decimal, unit: str) -> str:
    """'11.120,3 ha', '1.478,8 triệu đồng', '45%'."""
    number, shown = display(value, unit)
    return f"{number}%" if shown == "%" else f"{number} {shown}"


def period_label(key: str) -> str:
    """'6 tháng đầu năm 2021' for 2021-H1; ValueError for a key that is not canonical."""
    period = parse_key(key)
    year = period.start[:4]
    if period.kind == "half_year":
        return f"6 tháng {'đầu' if key.endswith('H1') else 'cuối'} năm {year}"
    if period.kind == "year":
        return f"năm {year}"
    if period.kind == "nine_months":
        return f"9 tháng đầu năm {year}"
    if period.kind == "quarter":
        return f"quý {ROMAN[int(key[-1]) - 1]} năm {year}"
    if period.kind == "month":
        return f"tháng {int(key[-2:])} năm {year}"
    if period.kind == "school_year":
        return f"năm học {key[2:6]} - {key[7:11]}"
    if period.kind == "term":
        return f"học kỳ {ROMAN[int(key[2]) - 1]} năm học {key[4:8]} - {key[9:13]}"
    return f"giai đoạn {key[:4]} - {key[5:9]}"


def report_year(key: str) -> str:
    """The year a report on the period is written in: the period's last year."""
    return parse_key(key).end[:4]
