"""`tdkt read FILE`: the document model as the readers see it."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.cli.console import fail, out

if TYPE_CHECKING:
    from extract.model import Document


class ReadFormat(str, Enum):
    text = "text"
    json = "json"


def read_command(
    file: Annotated[Path, typer.Argument(help="Tệp báo cáo (.docx, .doc, .pdf, ảnh .jpg/.png/.tif, .txt, .xlsx, .odt, .rtf)")],
    format: Annotated[ReadFormat, typer.Option("--format", "-f", help="text hoặc json")] = ReadFormat.text,
) -> None:
    """Đọc một tệp và in mô hình tài liệu (các khối theo thứ tự đọc)."""
    from extract import read
    from extract.errors import ReadError

    try:
        document = read(file)
    except ReadError as e:
        raise fail(e.message) from None
    if format is ReadFormat.json:
        print(json.dumps(document.to_dict(), ensure_ascii=False, indent=1))
    else:
        print_document(document)


def print_document(document: Document) -> None:

    src = document.source
    flags = [f"{src.format}", f"{src.pages} trang" if src.pages else None, "OCR" if src.ocr else None,
             f"đã chuyển mã {src.encoding_repaired}" if src.encoding_repaired else None]
    out.print(f"# {src.file} ({', '.join(f for f in flags if f)})", markup=False)
    for w in src.warnings:
        out.print(f"! {w}", markup=False)
    for b in document.blocks:
        where = f"p{b.page}" if b.page else "  "
        out.print(f"[{b.index:>3} {where:>4} {b.kind.value:<11}] {b.text}", markup=False)
