"""Figure clauses: a number written one of several ways, and the key item read off it."""
from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from tools.samplegen.builder import Builder
from tools.samplegen.numbers import as_json, money, quantize, write
from tools.samplegen.phrasing import ATTAINMENT_OF, MONEY_ATTAINMENT_OF, QUALIFIERS, Indicator


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def written_number(rng: random.Random, ind: Indicator, value: Decimal, shrink: bool = False) -> tuple[str, Decimal, Decimal | None]:
    """(raw, value, value_max) as the text writes them. `shrink` writes value/1000 with a decimal
    comma: the planted number-format slip ('3,41 ha' for 3.412 ha)."""
    if shrink:
        small = quantize(value / 1000, 2)
        return f"{write(small, 2)} {ind.word}", small, None
    if ind.money and "r" in ind.flags:
        low = quantize(value, 0)
        high = low * 2
        return f"từ {write(low)} đến {write(high)} triệu đồng", low * 1_000_000, high * 1_000_000
    if ind.money:
        text, amount = money(value, rng.randrange(3))
        return text, amount, None
    places = ind.places
    if places and rng.random() < 0.25 and not ind.percent:
        places = 0  # some reports round areas to whole hectares
    shown = quantize(value, places)
    if ind.percent:
        places = 0 if shown == shown.to_integral_value() else places
        return f"{write(shown, places)}%", shown, None
    pad = "p" in ind.flags and rng.random() < 0.7
    return f"{write(shown, places, pad=pad)} {ind.word}", shown, None


def figure(b: Builder, rng: random.Random, ind: Indicator, value: Decimal, shrink: bool = False,
           template: str | None = None) -> tuple[str, dict[str, Any]]:
    """One clause stating the figure; registers the key item and returns (clause, item)."""
    raw, shown, shown_max = written_number(rng, ind, value, shrink)
    template = template or rng.choice(ind.templates)
    qualifier = rng.choice(QUALIFIERS["q"]) if "q" in ind.flags and "{q}" in template else ""
    attainment = None
    att_text = ""
    if "a" in ind.flags and "{att}" in template and rng.random() < 0.45:
        percent = quantize(rng.uniform(42, 112), rng.choice((0, 1)))
        of = rng.choice(MONEY_ATTAINMENT_OF if ind.money else ATTAINMENT_OF)
        att_text = f", đạt {write(percent, 1 if percent != percent.to_integral_value() else 0)}% {of}"
        attainment = {"percent": as_json(percent), "of": of}
    clause = template.format(raw=raw, q=qualifier, att=att_text)
    item = {
        "indicator": ind.text,
        "indicator_id": ind.id,
        "value": as_json(shown),
        "value_max": as_json(shown_max) if shown_max is not None else None,
        "unit": ind.unit,
        "raw": raw,
        "qualifier": qualifier.strip() or None,
        "attainment": attainment,
    }
    return clause, item


def figure_blocks(b: Builder, rng: random.Random, pairs: list[tuple[Indicator, Decimal, bool]], leads: tuple[str, ...]) -> list[dict[str, Any]]:
    """Write figures as a bullet list or as one or two paragraphs; returns the key items."""
    if not pairs:
        return []
    clauses: list[tuple[str, dict[str, Any]]] = [figure(b, rng, ind, value, shrink) for ind, value, shrink in pairs]
    style = rng.randrange(3)
    if style == 0:
        for i, (clause, item) in enumerate(clauses):
            text = capitalize(clause)
            b.add("list_item", f"- {text}{'.' if i == len(clauses) - 1 else ';'}")
            b.item("figures", item, text)
        return [item for _, item in clauses]
    lead = rng.choice(leads)
    chunks = [clauses] if style == 1 or len(clauses) < 4 else [clauses[: len(clauses) // 2], clauses[len(clauses) // 2:]]
    for n, chunk in enumerate(chunks):
        prefix = f"{lead}: " if n == 0 else "Bên cạnh đó, "
        body = "; ".join(c for c, _ in chunk)
        if n == 0:
            body = capitalize(chunk[0][0]) + body[len(chunk[0][0]):] if prefix.endswith(": ") else body
        b.add("paragraph", f"{prefix}{body}.")
        for i, (clause, item) in enumerate(chunk):
            b.item("figures", item, capitalize(clause) if i == 0 and n == 0 else clause)
    return [item for _, item in clauses]
