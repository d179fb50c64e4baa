"""`tdkt ingest PATH...`: read, extract, normalize and store a batch of reports."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import err, out

if TYPE_CHECKING:
    from aggregate.model import IngestSummary


DbOption = Annotated[str | None, typer.Option("--db", help="Địa chỉ CSDL (mặc định: sqlite:///tdkt.db hoặc TDKT_DATABASE_URL)")]
RegistryOption = Annotated[Path | None, typer.Option("--registry", help="Danh mục đơn vị (YAML) của huyện")]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-j", help="Số tiến trình (mặc định: số lõi CPU)")]


def run_ingest(paths: list[Path], db: str | None, registry: Path | None, workers: int | None,
               again: bool = False, cluster: str | None = None) -> IngestSummary:
    """Ingest with a progress bar on stderr, then print the summary; shared by ingest and run."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from aggregate.storage.db import database_url, make_engine
    from aggregate.storage.ingest import default_workers, ingest
    from extract import iter_files

    files = list(iter_files(paths))
    if not files:
        err.print("Không có tệp báo cáo nào để xử lý.")
        raise typer.Exit(1)
    engine = make_engine(db)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:
        task = progress.add_task("Đang xử lý", total=len(files))

        def on_file(path: Path, status: str, _message: str | None) -> None:
            progress.update(task, advance=1, description=f"{path.name[:40]}")

        summary = ingest(paths, engine, registry_path=str(registry) if registry else None,
                         workers=workers or default_workers(), on_file=on_file, again=again, cluster=cluster)
    print_summary(summary, database_url(db))
    return summary


IGNORED_SHOWN = 5


def print_summary(s: IngestSummary, url: str) -> None:

    out.print(
        f"Đã xử lý {s.files} tệp, {len(s.failures)} tệp lỗi: lưu mới {s.stored} (thay thế {s.replaced}), "
        f"{f'đọc lại {s.reread} tệp đã có, ' if s.reread else ''}bỏ qua {s.skipped} đã có; {s.figures} số liệu, {s.awards} mục khen thưởng, {s.warnings} cảnh báo. "
        f"CSDL: {url}",
        markup=False,
    )
    if s.ignored:
        shown = ", ".join(s.ignored[:IGNORED_SHOWN]) + (" ..." if len(s.ignored) > IGNORED_SHOWN else "")
        out.print(f"Bỏ qua {len(s.ignored)} tệp không phải định dạng báo cáo (.docx, .doc, .pdf, ảnh .jpg/.png/.tif, "
                  f".txt, .xlsx, .odt, .rtf): {shown}", markup=False)
    for line in s.failures:
        err.print(f"  - {line}", markup=False)


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục báo cáo (đọc cả thư mục con)")],
    db: DbOption = None,
    registry: RegistryOption = None,
    workers: WorkersOption = None,
    again: Annotated[bool, typer.Option("--again", help="Đọc lại cả các tệp đã lưu (giữ các chỉnh sửa đã làm)")] = False,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Địa chỉ cụm máy Dask (tcp://máy:8786) để đọc tệp trên nhiều máy")] = None,
) -> None:
    """Đọc, trích xuất, chuẩn hóa và lưu cả lô báo cáo vào CSDL (chạy lại không lưu trùng)."""
    summary = run_ingest(paths, db, registry, workers, again, cluster)
    if summary.failures:
        raise typer.Exit(1)
