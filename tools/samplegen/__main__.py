"""`python -m tools.samplegen generate`: the sample corpus of unit reports with its answer key.

A developer's tool, run from the source tree; the corpus itself ships in samples/.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extract.errors import ReadError
from tools.samplegen import ALL_FORMATS, LIBREOFFICE_FORMATS, generate

samples_app = typer.Typer(help="Bộ báo cáo mẫu của các đơn vị cấp huyện và đáp án.", no_args_is_help=True)


@samples_app.callback()
def samples_group() -> None:
    """Bộ báo cáo mẫu của các đơn vị cấp huyện và đáp án."""


@samples_app.command("generate")
def generate_command(
    out_dir: Annotated[Path, typer.Option("--out", help="Thư mục ghi bộ mẫu")] = Path("samples"),
    seed: Annotated[int, typer.Option("--seed", help="Hạt giống ngẫu nhiên: cùng hạt giống cho cùng nội dung")] = 2021,
    units: Annotated[int | None, typer.Option("--units", min=1, help="Số báo cáo đơn vị mỗi kỳ (mặc định: mọi đơn vị trong danh mục)")] = None,
    period: Annotated[list[str] | None, typer.Option("--period", help="Kỳ báo cáo, lặp lại được (mặc định 2020-H1 và 2021-H1)")] = None,
    no_libreoffice: Annotated[bool, typer.Option("--no-libreoffice", help="Chỉ ghi DOCX/XLSX, không cần LibreOffice")] = False,
) -> None:
    """Sinh báo cáo mẫu (DOCX, PDF, PDF scan, DOC, DOCX TCVN3, XLSX) và đáp án trong OUT/key/."""
    formats = ALL_FORMATS - LIBREOFFICE_FORMATS if no_libreoffice else ALL_FORMATS
    try:
        manifest = generate(out_dir, seed=seed, units=units, periods=period or ("2020-H1", "2021-H1"), formats=formats)
    except ReadError as e:
        raise _fail(e.message) from None
    except ValueError as e:
        raise _fail(str(e)) from None
    counts = Counter(e.format for e in manifest.entries)
    summary = ", ".join(f"{fmt}: {n}" for fmt, n in sorted(counts.items()))
    Console().print(f"Đã sinh {len(manifest.entries)} tệp vào {out_dir} ({summary}); đáp án trong {out_dir / 'key'}.", markup=False)


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"Lỗi: {message}", markup=False)
    return typer.Exit(1)


if __name__ == "__main__":
    samples_app()
