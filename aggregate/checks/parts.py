"""tong_khong_khop: parts ("trong đó ...") that do not add up to their total."""
from __future__ import annotations

import re
from decimal import Decimal

from aggregate import check_rules as cfg
from aggregate.checks.facts import fmt
from aggregate.model import FigureFact, Finding, ReportFacts
from domain.text import fold

_TRONG_DO = re.compile(r"\btrong do\b")
_LEVELS = (("mam non", "mau giao", "nha tre"), ("tieu hoc",), ("thcs", "trung hoc co so"))


def parts_over_total(facts: ReportFacts) -> list[Finding]:
    """"55 trường, trong đó: mầm non 20, tiểu học 25, THCS 12": the parts of a total (same
    unit, after "trong đó", up to the end of the sentence) never exceed it, and the parts by
    school level (all of mầm non, tiểu học, THCS named) add up to it."""
    out = []
    by_block: dict[int, list[FigureFact]] = {}
    for f in facts.figures:
        if f.evidence.block in facts.blocks and f.start is not None and f.end is not None:
            by_block.setdefault(f.evidence.block, []).append(f)
    for block, figures in by_block.items():
        text = facts.blocks[block]
        figures.sort(key=lambda f: f.start or 0)
        for i, total in enumerate(figures):
            parts = _parts_after(text, total, figures[i + 1:])
            if len(parts) < 2:
                continue
            finding = _compare_parts(facts, total, parts)
            if finding:
                out.append(finding)
    return out


def _parts_after(text: str, total: FigureFact, rest: list[FigureFact]) -> list[FigureFact]:
    if not rest or rest[0].start is None or total.end is None:
        return []
    between = fold(text[total.end:rest[0].start])
    if not _TRONG_DO.search(between) or "." in between.replace("trong do", ""):
        return []
    parts = []
    cursor = total.end
    for f in rest:
        gap = text[cursor:f.start or cursor]
        if f.unit != total.unit or re.search(r"\.\s", gap) or f.value_max is not None:
            break
        parts.append(f)
        cursor = f.end or cursor
    return parts


def _compare_parts(facts: ReportFacts, total: FigureFact, parts: list[FigureFact]) -> Finding | None:
    whole = sum((p.value for p in parts), Decimal(0))
    listing = "; ".join(p.raw for p in parts)
    evidence = [total.evidence]
    if whole > total.value:
        return Finding("tong_khong_khop", f"{total.indicator}: tổng {total.raw} nhưng các phần “trong đó” "
                       f"cộng lại {fmt(whole)} {total.unit} ({listing})", evidence, facts.unit_id, facts.period)
    words = fold(" ".join(p.indicator + " " + p.raw for p in parts))
    if all(any(w in words for w in level) for level in _LEVELS) and whole != total.value:
        return Finding("tong_khong_khop", f"{total.indicator}: tổng {total.raw} nhưng cộng theo cấp học được "
                       f"{fmt(whole)} {total.unit} ({listing})", evidence, facts.unit_id, facts.period,
                       severity=cfg.CANH_BAO)
    return None
