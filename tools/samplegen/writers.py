"""Write a `Report` as DOCX (Unicode or TCVN3 fonts), PDF, scanned PDF, DOC or XLSX.

Byte-for-byte repeatable where the format allows: DOCX and XLSX get fixed core-properties dates
and fixed zip entry times. LibreOffice output (PDF, DOC) embeds its own dates, so for those the
extracted text and the key are what repeats.
"""
from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tools.samplegen.builder import Line, Report

FIXED_TIME = datetime(2021, 6, 30, 8, 0, 0)
ZIP_TIME = (2021, 6, 30, 8, 0, 0)
MODIFIED_RE = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
UNICODE_FONT = "Times New Roman"
TCVN3_FONT, TCVN3_CAPS_FONT = ".VnTime", ".VnTimeH"
# --- DOCX ------------------------------------------------------------------------------------


class Runs:
    """Adds text to a paragraph as runs: plain Unicode, or TCVN3 bytes in the legacy fonts."""

    def __init__(self, tcvn3: bool) -> None:
        self.tcvn3 = tcvn3

    def add(self, paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
        for chunk, font in self._chunks(text):
            run = paragraph.add_run(chunk)
            run.bold = bold or None
            run.italic = italic or None
            _set_font(run, font)

    def _chunks(self, text: str) -> list[tuple[str, str]]:
        if not self.tcvn3:
            return [(text, UNICODE_FONT)] if text else []
        from domain.encodings import TCVN3_INVERSE, encode_tcvn3

        # A toned capital has no byte of its own in TCVN3: it is the lower-case byte drawn in
        # the capital font (.VnTimeH), so such letters get a run of their own, as Word does.
        out: list[tuple[str, str]] = []
        for char in text:
            caps = char.isupper() and char not in TCVN3_INVERSE and char.lower() in TCVN3_INVERSE
            font = TCVN3_CAPS_FONT if caps else TCVN3_FONT
            byte = encode_tcvn3(char.lower() if caps else char)
            if out and out[-1][1] == font:
                out[-1] = (out[-1][0] + byte, font)
            else:
                out.append((byte, font))
        return out


def _set_font(run, font: str) -> None:
    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), font)


def write_docx(report: Report, path: Path, tcvn3: bool = False) -> None:
    doc = new_docx()
    _page_setup(doc)
    runs = Runs(tcvn3)
    _two_column_table(doc, runs, report.header_left, report.header_right, widths=(Cm(6.5), Cm(10.5)))
    for block in report.body:
        if block.kind == "table":
            _grid_table(doc, runs, block.rows or [])
            continue
        paragraph = doc.add_paragraph()
        paragraph.alignment = ALIGN[block.align]
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(3)
        if block.kind in ("paragraph", "list_item") and block.align == "justify":
            fmt.first_line_indent = Cm(1)
        runs.add(paragraph, block.text, bold=block.bold, italic=block.italic)
    _two_column_table(doc, runs, report.sign_left, report.sign_right, widths=(Cm(8), Cm(8.5)), small_left=True)
    props = doc.core_properties
    props.author = "tdkt samplegen"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(fixed_zip_times(buffer.getvalue()))


def _page_setup(doc) -> None:
    # Nghị định 30/2020 Phụ lục I: A4, margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = UNICODE_FONT
    style.font.size = Pt(14)


def _two_column_table(doc, runs: Runs, left: list[Line], right: list[Line], widths, small_left: bool = False) -> None:
    if not left and not right:
        return
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for cell, lines, width, align in ((table.cell(0, 0), left, widths[0], "left" if small_left else "center"),
                                      (table.cell(0, 1), right, widths[1], "center")):
        cell.width = width
        first = True
        for line in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = ALIGN[align]
            runs.add(paragraph, line.text, bold=line.bold, italic=line.italic)
            # Nghị định 30/2020: header and signature lines are set in 12-13 pt, "Nơi nhận" list in 11 pt.
            size = Pt(11 if line.text != "Nơi nhận:" else 12) if small_left and cell is table.cell(0, 0) else Pt(13)
            for run in paragraph.runs:
                run.font.size = size


def _grid_table(doc, runs: Runs, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            runs.add(paragraph, text, bold=r == 0)
            for run in paragraph.runs:
                run.font.size = Pt(12)


def fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip package with fixed entry times so the same content gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified whatever was set.
                data = MODIFIED_RE.sub(rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)
            dst.writestr(entry, data)
    return out.getvalue()


# --- LibreOffice formats -----------------------------------------------------------------------


def convert(docx_path: Path, target: Path, to: str) -> None:
    from extract.tools import convert_with_libreoffice

    target.write_bytes(convert_with_libreoffice(docx_path, to))


def scan(pdf_path: Path, target: Path, seed: str, dpi: int = 200) -> None:
    """An image-only PDF that looks scanned: grey pages, a slight tilt, speckle, JPEG."""
    import pypdfium2
    from PIL import Image, ImageChops, ImageFilter

    rng = random.Random(seed)
    pages = []
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, expand=False, fillcolor=255)
            noise = Image.frombytes("L", image.size, rng.randbytes(image.size[0] * image.size[1]))
            noise = noise.point(lambda v: 255 if v > 6 else 150)  # ~2.5% light specks
            image = ImageChops.darker(image, noise).filter(ImageFilter.GaussianBlur(0.4))
            image = image.point(lambda v: min(255, int(v * 0.93 + 12)))  # paper grey, ink not quite black
            pages.append(image)
    finally:
        pdf.close()
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=40,
                  creationDate=FIXED_TIME.timetuple(), modDate=FIXED_TIME.timetuple(), producer="tdkt samplegen")
    target.write_bytes(buffer.getvalue())


# --- XLSX ------------------------------------------------------------------------------------------


def write_xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    table = next(b for b in report.body if b.kind == "table")
    width = len(table.rows[0])
    row = 1
    thin = Side(style="thin")
    for block in report.body:
        if block.kind == "table":
            for r, values in enumerate(block.rows or []):
                for c, value in enumerate(values, 1):
                    cell = ws.cell(row=row, column=c, value=int(value) if value.isdigit() else value)
                    cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                    cell.font = Font(name=UNICODE_FONT, bold=r == 0)
                row += 1
            row += 1
            continue
        ws.cell(row=row, column=1 if block.align != "right" else width - 1, value=block.text)
        start = 1 if block.align != "right" else width - 1
        ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=width)
        cell = ws.cell(row=row, column=start)
        cell.font = Font(name=UNICODE_FONT, bold=block.bold, italic=block.italic, size=13 if block.kind == "title" else 12)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        row += 1
    for column, size in zip("ABCDE", (6, 26, 24, 30, 24)):
        ws.column_dimensions[column].width = size
    wb.properties.creator = "tdkt samplegen"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(fixed_zip_times(buffer.getvalue()))
