"""Award statements ('Chủ tịch UBND huyện tặng Giấy khen cho 02 tập thể, 05 cá nhân') and award
lists (a table of recipients under the statement that introduces it)."""
from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from tools.samplegen.builder import Builder
from tools.samplegen.figures import capitalize
from tools.samplegen.numbers import write
from tools.samplegen.phrasing import AwardKind


def counts_text(rng: random.Random, collectives: int | None, individuals: int | None, households: int | None) -> str:
    pad = rng.random() < 0.7
    parts = []
    if collectives:
        parts.append(f"{write(Decimal(collectives), pad=pad)} tập thể")
    if individuals:
        parts.append(f"{write(Decimal(individuals), pad=pad)} cá nhân")
    if households:
        parts.append(f"{write(Decimal(households), pad=pad)} hộ gia đình")
    joiner = rng.choice((", ", " và ")) if len(parts) == 2 else ", "
    return joiner.join(parts)


def statement(rng: random.Random, kind: AwardKind, status: str, collectives: int | None = None,
              individuals: int | None = None, households: int | None = None, form: str | None = None) -> tuple[str, dict[str, Any]]:
    """(clause, key item without reason/decision) for one award statement."""
    counts = counts_text(rng, collectives, individuals, households)
    quoted_name = f"“{kind.name}”" if rng.random() < 0.4 else kind.name
    if kind.title:
        if status == "proposed":
            raw = f"đề nghị công nhận danh hiệu {quoted_name}"
            clause = f"{raw} cho {counts}"
        elif form == "bullet":
            raw = f"Danh hiệu {kind.name}"
            clause = f"{raw}: {counts}"
        else:
            raw = f"danh hiệu {quoted_name}"
            clause = f"công nhận {raw} cho {counts}" if not households else f"công nhận {counts} đạt {raw}"
    else:
        award = f"{kind.name} của {kind.giver}"
        if status == "proposed":
            raw = f"đề nghị {kind.giver} tặng {kind.name}"
            clause = f"{raw} cho {counts}"
        elif form == "bullet":
            raw = award
            clause = f"{award}: {counts}"
        else:
            raw = f"{kind.giver} tặng {kind.name}"
            clause = f"{raw} cho {counts}"
    item = {
        "award": kind.id,
        "raw": raw,
        "status": status,
        "collectives": collectives,
        "individuals": individuals,
        "households": households,
        "total": None,
        "qualifier": None,
        "reason": None,
        "decision": None,
        "recipients": [],
    }
    return clause, item


def total_statement(rng: random.Random, kind: AwardKind, total: int) -> tuple[str, dict[str, Any]]:
    """A count that does not split collectives and individuals: 'tặng 25 Giấy khen'."""
    raw = f"{kind.giver} tặng {write(Decimal(total), pad=rng.random() < 0.5)} {kind.name}"
    item = {"award": kind.id, "raw": f"{kind.giver} tặng {kind.name}", "status": "awarded", "collectives": None,
            "individuals": None, "households": None, "total": total, "qualifier": None, "reason": None,
            "decision": None, "recipients": []}
    return raw, item


def add_statement(b: Builder, clause: str, item: dict[str, Any], text: str, reason: str | None = None,
                  decision: str | None = None, kind: str = "list_item") -> dict[str, Any]:
    """Print `text` (which contains `clause`) and register the award with reason and decision."""
    item = dict(item, reason=reason, decision=decision)
    b.add(kind, text)
    return b.item("awards", item, clause if clause in text else capitalize(clause))
