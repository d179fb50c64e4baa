"""`tdkt run PATH...`: the main job — ingest the reports, then write the consolidated report of
every period found, on the default database (or `--db`)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.cli.console import out
from tdkt.cli.ingest import DbOption, RegistryOption, WorkersOption, run_ingest
from tdkt.cli.report import write_consolidated


def run_command(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục báo cáo")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi báo cáo tổng hợp")] = Path("out"),
    db: DbOption = None,
    registry: RegistryOption = None,
    workers: WorkersOption = None,
) -> None:
    """Lưu cả lô báo cáo vào CSDL rồi lập báo cáo tổng hợp của huyện cho từng kỳ có trong CSDL."""
    from aggregate.storage.db import make_engine, stored_periods
    from domain.registry import load_registry
    from normalize.period_keys import report_periods

    summary = run_ingest(paths, db, registry, workers)
    engine = make_engine(db)
    periods = report_periods(stored_periods(engine))
    out_dir.mkdir(parents=True, exist_ok=True)
    units = load_registry(registry)
    for period in periods:
        write_consolidated(engine, period, units, out_dir / f"bao-cao-tong-hop-{period}.docx")
    if not periods:
        out.print("Chưa có báo cáo nào xác định được kỳ báo cáo, nên chưa lập báo cáo tổng hợp.")
    if summary.failures:
        raise typer.Exit(1)
