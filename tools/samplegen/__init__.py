"""A sample corpus of a district's unit reports with its answer key.

    >>> from tools.samplegen import generate
    >>> manifest = generate(Path("samples"), seed=2021)

Deterministic from the seed: the same seed gives the same texts and the same key (DOCX and
XLSX files are byte-identical too; LibreOffice PDF/DOC embed their own dates).
"""
from __future__ import annotations

import hashlib
import json
import random
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from domain.registry import Registry, Unit, load_registry
from tools.samplegen.builder import Report
from tools.samplegen.context import DEFAULT_PERIODS, PeriodContext, Plants, district_documents, parse_period
from tools.samplegen.district import award_list, district_report
from tools.samplegen.key import district_totals
from tools.samplegen.reports import unit_report
from tools.samplegen.writers import convert, scan, write_docx, write_xlsx

ALL_FORMATS = frozenset({"docx", "tcvn3", "pdf", "scan", "doc", "xlsx"})
LIBREOFFICE_FORMATS = frozenset({"pdf", "scan", "doc"})
# How many documents of the default corpus get each non-DOCX format (the rest are DOCX).
FORMAT_QUOTA = (("scan", 3), ("doc", 4), ("tcvn3", 4), ("pdf", 10))
AWARD_LISTS_PER_PERIOD = 2
EXTENSION = {"docx": "docx", "tcvn3": "docx", "pdf": "pdf", "scan": "pdf", "doc": "doc", "xlsx": "xlsx"}


@dataclass
class Entry:
    file: str  # relative to the output folder
    key: str
    unit_id: str
    period: str
    doc_kind: str  # unit_report, district_report, award_list
    format: str  # docx, tcvn3, pdf, scan, doc, xlsx
    sha256: str
    text_sha256: str  # of the text the document prints (the same for every format)


@dataclass
class Manifest:
    seed: int
    periods: list[str]
    entries: list[Entry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "periods": self.periods, "documents": [asdict(e) for e in self.entries]}


def generate(out_dir: Path, seed: int = 2021, units: int | None = None, periods: Iterable[str] = DEFAULT_PERIODS,
             formats: Iterable[str] | None = None, registry: Registry | None = None) -> Manifest:
    """Write the reports of `units` reporting units (all of them when None) for each period,
    the district's consolidated report per period, a few XLSX award lists, and the key."""
    registry = registry or load_registry()
    specs = [parse_period(p, i) for i, p in enumerate(periods)]
    allowed = frozenset(formats or ALL_FORMATS)
    chosen = select_units(registry, units)
    plants = choose_plants(seed, chosen)
    manifest = Manifest(seed, [s.id for s in specs])
    golds: list[tuple[str, str, str | None, dict[str, Any]]] = []
    reports: list[Report] = []
    for spec in specs:
        ctx = PeriodContext(seed, spec, registry, plants, district_documents(seed, spec.year), spec is specs[-1])
        reports.extend(period_reports(ctx, chosen, registry))
    assign_formats(seed, reports, plants, allowed, full_corpus=units is None)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tdkt-samples-") as tmp:
        for report in reports:
            manifest.entries.append(write_report(report, out_dir, Path(tmp), seed))
            golds.append((report.period, report.doc_kind, report.unit_id, report.gold))
    if plants.missing_unit and len(specs) > 1:
        plants.records.append(missing_record(registry, plants.missing_unit, specs[-2].id, specs[-1].id))
    write_json(out_dir / "key" / "district-totals.json", district_totals(golds, registry))
    write_json(out_dir / "key" / "planted-problems.json", {"seed": seed, "problems": plants.records})
    write_json(out_dir / "key" / "planted-cases.json", {"seed": seed, "cases": plants.cases})
    write_json(out_dir / "manifest.json", manifest.to_dict())
    return manifest


def select_units(registry: Registry, count: int | None) -> list[tuple[Unit, int]]:
    """The reporting units, interleaved by kind so a small `count` still mixes communes,
    schools and offices; past the registry's size units repeat with a copy number."""
    groups = [[u for u in registry.reporting() if u.is_commune],
              [u for u in registry.reporting() if u.kind == "truong"],
              [u for u in registry.reporting() if not u.is_commune and u.kind != "truong"]]
    order: list[Unit] = []
    while any(groups):
        for group in groups:
            if group:
                order.append(group.pop(0))
    if count is None:
        return [(u, 0) for u in order]
    return [(order[i % len(order)], i // len(order)) for i in range(count)]


def copy_of(unit: Unit, copy: int) -> Unit:
    if copy == 0:
        return unit
    from dataclasses import replace

    return replace(unit, id=f"{unit.id}_{copy}")


def choose_plants(seed: int, chosen: list[tuple[Unit, int]]) -> Plants:
    rng = random.Random(f"{seed}:plants")
    communes = [u.id for u, copy in chosen if u.is_commune and copy == 0]
    rng.shuffle(communes)
    schools = [u.id for u, copy in chosen if u.kind == "truong" and copy == 0]
    has_pgd = any(u.id == "phong_giao_duc_va_dao_tao" for u, _ in chosen)
    picks = communes + [None] * 5
    return Plants(missing_unit=picks[0], magnitude_unit=picks[1], jump_unit=picks[2], mismatch_unit=picks[3],
                  duplicate_school=rng.choice(schools) if schools and has_pgd else None, same_name_unit=picks[4])


def period_reports(ctx: PeriodContext, chosen: list[tuple[Unit, int]], registry: Registry) -> list[Report]:
    rng = ctx.rng("formats")
    out: list[Report] = []
    order = sorted(chosen, key=lambda uc: (0 if uc[0].kind == "truong" else 1 if uc[0].is_commune else 2))
    for unit, copy in order:
        if ctx.last_period and unit.id == ctx.plants.missing_unit and copy == 0:
            continue
        real = copy_of(unit, copy)
        stem = f"bc-tdkt-6t-{ctx.period.year}-{real.id.replace('_', '-')}"
        out.append(unit_report(ctx, real, stem, old_tone_marks=rng.random() < 0.25))
    schools = [u for u, copy in chosen if u.kind == "truong" and copy == 0]
    for unit in random.Random(f"{ctx.seed}:{ctx.period.id}:lists").sample(schools, min(AWARD_LISTS_PER_PERIOD, len(schools))):
        out.append(award_list(ctx, unit, f"ds-ldtt-{ctx.period.year}-{unit.id.replace('_', '-')}"))
    communes = sum(1 for r in out if r.doc_kind == "unit_report" and r.unit_id in ctx.commune_ids)
    others = sum(1 for r in out if r.doc_kind == "unit_report") - communes
    district = registry.get("ubnd_huyen_tuan_giao")
    out.append(district_report(ctx, f"bc-tdkt-6t-{ctx.period.year}-ubnd-huyen-tuan-giao", district, communes, others))
    return out


def assign_formats(seed: int, reports: list[Report], plants: Plants, allowed: frozenset[str], full_corpus: bool) -> None:
    """Mostly DOCX; a fixed quota of the other formats on documents carrying no planted problem."""
    kept = plants.records + [c for c in plants.cases if c["kind"] == "same_name_two_units"]
    planted = {d for r in kept for d in ([r["document"]] if isinstance(r["document"], str) else r["document"])}
    candidates = [r for r in reports if r.doc_kind == "unit_report" and r.stem not in planted]
    rng = random.Random(f"{seed}:formats")
    rng.shuffle(candidates)
    # Scans are costly to store: take the shortest documents for them.
    short_first = sorted(candidates, key=lambda r: len(r.text()))
    taken: set[str] = set()
    for fmt, quota in FORMAT_QUOTA:
        count = quota if full_corpus else max(0, round(len(candidates) * quota / 80))
        pool = short_first if fmt == "scan" else candidates
        for report in [r for r in pool if r.stem not in taken][:count]:
            taken.add(report.stem)
            report.format = fmt if fmt in allowed else "docx"
    for report in reports:
        if report.doc_kind == "award_list" and "xlsx" not in allowed:
            report.format = "xlsx"  # award lists exist only as spreadsheets


def write_report(report: Report, out_dir: Path, tmp: Path, seed: int) -> Entry:
    folder = out_dir / report.period
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{report.stem}.{EXTENSION[report.format]}"
    if report.format == "xlsx":
        write_xlsx(report, target)
    elif report.format in ("docx", "tcvn3"):
        write_docx(report, target, tcvn3=report.format == "tcvn3")
    else:
        source = tmp / f"{report.stem}.docx"
        write_docx(report, source)
        if report.format == "doc":
            convert(source, target, "doc")
        else:
            pdf = tmp / f"{report.stem}.pdf" if report.format == "scan" else target
            convert(source, pdf, "pdf")
            if report.format == "scan":
                scan(pdf, target, f"{seed}:{report.stem}:scan")
    gold = dict(report.gold)
    gold["source"] = {"file": target.name, "format": EXTENSION[report.format] if report.format != "xlsx" else "xlsx",
                      "ocr": report.format == "scan", "encoding_repaired": "tcvn3" if report.format == "tcvn3" else None}
    report.gold = gold
    key = out_dir / "key" / report.period / f"{report.stem}.json"
    write_json(key, gold)
    return Entry(file=str(target.relative_to(out_dir)), key=str(key.relative_to(out_dir)), unit_id=report.unit_id,
                 period=report.period, doc_kind=report.doc_kind, format=report.format, sha256=sha256(target.read_bytes()),
                 text_sha256=sha256(report.text().encode("utf-8")))


def missing_record(registry: Registry, unit_id: str, before: str, now: str) -> dict[str, Any]:
    unit = registry.get(unit_id)
    return {"kind": "missing_unit", "document": None, "unit": unit_id, "period": now, "item": {"previous_period": before},
            "expected_finding": f"{unit.full_name} có báo cáo kỳ {before} nhưng không có báo cáo kỳ {now}"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


__all__ = ["ALL_FORMATS", "LIBREOFFICE_FORMATS", "Entry", "Manifest", "generate", "load_registry"]
