"""`tdkt run PATH...`: the main job on a batch of reports, with a progress bar and a summary."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract import extract_file, iter_files
from extract.contract import to_contract
from tdkt.cli.console import err, out


def run_command(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục báo cáo")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi kết quả JSON")] = Path("out"),
) -> None:
    """Đọc và trích xuất cả lô báo cáo; ghi mỗi tệp một JSON và in tổng kết."""
    files = list(iter_files(paths))
    if not files:
        err.print("Không có tệp báo cáo nào để xử lý.")
        raise typer.Exit(1)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    totals = {"figures": 0, "awards": 0, "warnings": 0}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("Đang xử lý", total=len(files))
        for path in files:
            progress.update(task, description=f"Đang xử lý {path.name[:40]}")
            result = extract_file(path)
            if result.extraction is None:
                failed.append(result.problems[0])
            else:
                x = result.extraction
                totals["figures"] += len(x.figures)
                totals["awards"] += len(x.awards)
                totals["warnings"] += len(result.problems)
                target = out_dir / f"{path.name}.json"
                target.write_text(json.dumps(to_contract(x), ensure_ascii=False, indent=1), encoding="utf-8")
            progress.advance(task)
    out.print(
        f"Đã xử lý {len(files)} tệp, {len(failed)} tệp lỗi; {totals['figures']} số liệu, "
        f"{totals['awards']} mục khen thưởng, {totals['warnings']} cảnh báo. Kết quả JSON trong {out_dir}/",
        markup=False,
    )
    for line in failed:
        err.print(f"  - {line}", markup=False)
    if failed:
        raise typer.Exit(1)
