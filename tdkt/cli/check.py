"""`tdkt check FILE` (one report before it is accepted) and `tdkt check --period` (the database)."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import fail, out
from tdkt.cli.ingest import DbOption, RegistryOption

if TYPE_CHECKING:
    from aggregate.model import Finding


SEVERITY_STYLE = {"loi": "bold red", "canh_bao": "yellow", "luu_y": "cyan"}


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def check_command(
    file: Annotated[Path | None, typer.Argument(help="Tệp báo cáo cần kiểm tra")] = None,
    period: Annotated[str | None, typer.Option("--period", "-p", help="Kiểm tra mọi báo cáo của kỳ này trong CSDL (vd. 2021-H1)")] = None,
    against: Annotated[str | None, typer.Option("--against", help="Kỳ so sánh (mặc định: cùng kỳ năm trước)")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="table hoặc json")] = CheckFormat.table,
) -> None:
    """Kiểm tra số liệu của một báo cáo (tỷ lệ đạt, tổng và các phần, khen thưởng trùng, văn bản dẫn
    mâu thuẫn, số viết không rõ, hình thức khen thưởng chưa rõ); với --period: mọi báo cáo của kỳ
    trong CSDL, so với kỳ trước (tăng giảm bất thường, lệch 1000 lần, thiếu báo cáo, số liệu huyện).

    Mã thoát: 0 khi không có lỗi mức “Lỗi” (chỉ có cảnh báo, lưu ý hoặc không có gì), 1 khi có ít
    nhất một lỗi mức “Lỗi” hoặc không đọc được tệp.
    """
    from aggregate.check_rules import LOI

    if (file is None) == (period is None):
        raise fail("cần đúng một trong hai: TỆP báo cáo hoặc --period KỲ")
    findings = _check_file(file, registry) if file is not None else _check_db(period or "", against, db, registry)
    if format is CheckFormat.json:
        print(json.dumps({"schema": "tdkt.checks/1", "findings": [f.to_dict() for f in findings]},
                         ensure_ascii=False, indent=1))
    else:
        print_findings(findings, str(file) if file is not None else f"kỳ {period}")
    if any(f.severity == LOI for f in findings):
        raise typer.Exit(1)


def _check_file(file: Path, registry_path: Path | None) -> list[Finding]:
    from aggregate.checks import check_report, report_facts
    from domain.registry import load_registry
    from extract import extract, read
    from extract.errors import ReadError
    from normalize import report

    try:
        document = read(file)
        extraction = extract(document)
    except ReadError as e:
        raise fail(e.message) from None
    normalized = report(extraction, load_registry(registry_path))
    return check_report(report_facts(document, extraction, normalized))


def _check_db(period: str, against: str | None, db: str | None, registry_path: Path | None) -> list[Finding]:
    from aggregate.checks import check_period
    from domain.registry import load_registry
    from normalize.period_keys import parse_key
    from tdkt.cli.report import _engine

    for key in (period, against):
        if key:
            try:
                parse_key(key)
            except ValueError as e:
                raise fail(str(e)) from None
    return check_period(_engine(db), period, load_registry(registry_path), against).findings


def print_findings(findings: list[Finding], what: str) -> None:
    from rich.table import Table

    from aggregate.check_rules import SEVERITY_TEXT

    if not findings:
        out.print(f"{what}: không phát hiện vấn đề nào.", markup=False)
        return
    table = Table(title=f"Kết quả kiểm tra {what}", show_lines=True)
    for col in ("Mức", "Quy tắc", "Nội dung", "Nguồn"):
        table.add_column(col)
    for f in findings:
        sources = "\n".join(f"{e.file}" + (f", tr.{e.page}" if e.page else "") + (f": “{_short(e.quote)}”" if e.quote else "")
                            for e in f.evidence)
        table.add_row(f"[{SEVERITY_STYLE[f.severity]}]{SEVERITY_TEXT[f.severity]}[/]", f.rule, _escape(f.message),
                      _escape(sources))
    out.print(table)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_TEXT}
    out.print(", ".join(f"{n} {SEVERITY_TEXT[s].lower()}" for s, n in counts.items()), markup=False)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


__all__ = ["check_command"]
