"""`tdkt report --period 2021-H1 --out FILE.docx`: the consolidated district report and its appendix."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import fail, out

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from aggregate.model import DistrictTotals, Statistics
    from domain.registry import Registry


class ReportFormat(str, Enum):
    docx = "docx"
    json = "json"


def report_command(
    period: Annotated[str, typer.Option("--period", "-p", help="Kỳ báo cáo, ví dụ 2021-H1, 2021-Y")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="Tệp kết quả (.docx, hoặc .json với --format json)")],
    db: Annotated[str | None, typer.Option("--db", help="Cơ sở dữ liệu (mặc định sqlite:///tdkt.db)")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="docx hoặc json")] = ReportFormat.docx,
    stats: Annotated[Path | None, typer.Option("--stats", help="Ghi biểu thống kê ra tệp XLSX riêng")] = None,
    registry: Annotated[Path | None, typer.Option("--registry", help="Danh mục đơn vị (YAML) của huyện")] = None,
) -> None:
    """Lập báo cáo tổng hợp thi đua, khen thưởng của huyện cho một kỳ, kèm phụ lục truy nguồn."""
    from aggregate.computations.statistics import period_statistics
    from aggregate.computations.totals import district_totals
    from aggregate.outputs.appendix import appendix_json
    from aggregate.outputs.output import atomic_write_text
    from domain.registry import load_registry
    from normalize.period_keys import parse_key

    try:
        parse_key(period)
    except ValueError as e:
        raise fail(str(e)) from None
    units = load_registry(registry)
    engine = _engine(db)
    _require_reports(engine, period)
    try:
        if format is ReportFormat.json:
            totals = district_totals(engine, period, units)
            statistics = period_statistics(totals)
            atomic_write_text(out_file, json.dumps(appendix_json(totals, statistics, units.full_name),
                                                   ensure_ascii=False, indent=1))
            out.print(f"Đã ghi {out_file}")
            return
        write_consolidated(engine, period, units, out_file, stats)
    except OSError as e:
        raise fail(f"{e.filename or out_file}: không ghi được tệp "
                   "(thư mục không tồn tại hoặc không có quyền ghi)") from None


def write_consolidated(engine: Engine, period: str, units: Registry, out_file: Path, stats: Path | None = None) -> None:
    """The report DOCX, its XLSX appendix (with the statistics sheets unless `stats` is given)
    and a summary line; shared by `tdkt report` and `tdkt run`."""
    from aggregate.computations.statistics import period_statistics
    from aggregate.computations.totals import district_totals
    from aggregate.outputs.appendix import appendix_path, write_appendix
    from aggregate.outputs.report import write_report

    totals = district_totals(engine, period, units)
    statistics = period_statistics(totals)
    district = units.full_name
    write_report(totals, units, out_file)
    appendix = appendix_path(out_file)
    write_appendix(totals, None if stats else statistics, appendix, district)
    if stats:
        _write_stats(statistics, stats, totals, district)
    extra = f", biểu thống kê {stats}" if stats else ""
    out.print(f"Đã ghi báo cáo tổng hợp {out_file} và phụ lục {appendix}{extra}")
    out.print(f"{len(totals.documents)} báo cáo đơn vị, {len(totals.figures)} chỉ tiêu cộng được, "
              f"{len(totals.not_comparable)} số liệu không cộng được, {len(totals.missing_units)} đơn vị chưa báo cáo")


def _engine(url: str | None) -> Engine:
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    from aggregate.storage.db import database_url, make_engine

    url = database_url(url)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        raise fail(f"{url[len('sqlite:///'):]}: chưa có cơ sở dữ liệu (chạy “tdkt ingest” trước)")
    try:
        engine = make_engine(url)
        if not inspect(engine).has_table("documents"):
            raise fail(f"{url}: cơ sở dữ liệu chưa có bảng báo cáo (chạy “tdkt ingest” trước)")
    except SQLAlchemyError as e:
        raise fail(f"{url}: không kết nối được cơ sở dữ liệu ({type(e).__name__})") from None
    return engine


def _require_reports(engine: Engine, period: str) -> None:
    """A period with no stored report would give a report of zeros that says every unit is
    missing — or worse, looks complete: refuse it and name the periods there are."""
    from aggregate.storage.db import stored_periods
    from normalize.period_keys import consolidated_into

    periods = stored_periods(engine)
    if not set(consolidated_into(period)) & set(periods):
        known = ", ".join(periods) if periods else "chưa có kỳ nào"
        raise fail(f"Kỳ {period}: chưa có báo cáo đơn vị nào trong cơ sở dữ liệu (các kỳ đã có: {known})")


def _write_stats(statistics: Statistics, path: Path, totals: DistrictTotals, district: str) -> None:
    from openpyxl import Workbook

    from aggregate.computations.statistics import write_statistics
    from aggregate.outputs.format import period_label
    from aggregate.outputs.output import save_workbook

    wb = Workbook()
    wb.remove(wb.active)
    write_statistics(wb, statistics, f"Kỳ báo cáo: {period_label(totals.period)} - {district}")
    save_workbook(wb, path)
