"""OCR of one PDF page: render it with pypdfium2, run Tesseract, rebuild text lines from its TSV.

The lines come back in PDF points (top-left origin) so the PDF reader can lay them out
exactly like lines built from a text layer (paragraphs, header table, signature).
"""
from __future__ import annotations

import os
import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import MissingTool
from extract.model import Source
from extract.readers.pdf.geometry import PageContent
from extract.readers.pdf.lines import build_lines
from extract.tools import ocr_image

OCR_DPI = 300
# an A4 page at 300 dpi is 8.7 million pixels; a page declared poster-sized or larger is rendered
# at a lower resolution so that its bitmap stays under this (64 MB in grayscale)
MAX_PAGE_PIXELS = 64_000_000
MIN_WORD_CONF = 30.0  # Tesseract confidence (0-100) under which a lone symbol is noise
MIN_LINE_CONF = 45.0  # a line averaging less than this and holding no real word is noise
POINTS_PER_INCH = 72.0
# a token of underscores, dashes and dots alone is a scan's line or speck, never a word: between
# the two columns of a header it would bridge the gap that tells them apart ("GIANG | _ CỘNG")
_SCAN_MARKS = re.compile(r"^[_¬~`^•*.,:;'\"-]*[_¬~`^•*][_¬~`^•*.,:;'\"-]*$|^[.,:;'\"]+$")

_ETH_PAIR = re.compile("ĐÐ|ÐĐ")
_ETH_TO_D = str.maketrans({"Ð": "Đ", "ð": "đ"})


@dataclass
class OcrWord:
    text: str
    conf: float
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class OcrLine:
    """One Tesseract line; coordinates in points, top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float
    size: float  # estimated font size in points
    words: list[OcrWord]


def render_page(pdf: Any, index: int, dpi: int = OCR_DPI) -> Any:
    """Render page `index` of an open pypdfium2 document to a grayscale PIL image."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = min(dpi / POINTS_PER_INCH, (MAX_PAGE_PIXELS / max(1.0, width * height)) ** 0.5)
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil()
        rendered = round(scale * POINTS_PER_INCH)
        image.info["dpi"] = (rendered, rendered)
        return image
    finally:
        page.close()


def ocr_page_lines(image: Any, file: str | Path) -> list[OcrLine]:
    """OCR one page image (rendered by `render_page`, which records its dpi) into text lines,
    noise dropped."""
    tsv = ocr_image(image, file, lang="vie", psm=3)
    return lines_from_tsv(tsv, image.info.get("dpi", (OCR_DPI, OCR_DPI))[0])


def lines_from_tsv(tsv: str, dpi: int = OCR_DPI) -> list[OcrLine]:
    """Group Tesseract TSV words into lines by their (block, paragraph, line) numbers."""
    scale = POINTS_PER_INCH / dpi
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for fields in _tsv_rows(tsv):
        word = _word(fields, scale)
        if word is not None:
            key = (int(fields["block_num"]), int(fields["par_num"]), int(fields["line_num"]))
            groups.setdefault(key, []).append(word)
    lines = [_line(words) for words in groups.values()]
    return [line for line in lines if not _is_noise(line)]


def _tsv_rows(tsv: str) -> list[dict[str, str]]:
    rows = tsv.splitlines()
    if not rows:
        return []
    header = rows[0].split("\t")
    out = []
    for row in rows[1:]:
        values = row.split("\t")
        if len(values) == len(header):
            out.append(dict(zip(header, values)))
    return out


def _word(fields: dict[str, str], scale: float) -> OcrWord | None:
    if fields.get("level") != "5":
        return None
    # Tesseract's vie model reads some printed Đ as Đ plus an Icelandic eth ("QĐÐ"), or as the
    # eth alone; Vietnamese has no eth
    text = _ETH_PAIR.sub("Đ", fields.get("text", "").strip()).translate(_ETH_TO_D)
    try:
        conf = float(fields["conf"])
        left, top = int(fields["left"]), int(fields["top"])
        width, height = int(fields["width"]), int(fields["height"])
    except (KeyError, ValueError):
        return None
    if not text or conf < 0:
        return None
    if conf < MIN_WORD_CONF and not any(ch.isalnum() for ch in text):
        return None
    if _SCAN_MARKS.match(text):
        return None
    return OcrWord(text, conf, left * scale, top * scale, (left + width) * scale, (top + height) * scale)


def _line(words: list[OcrWord]) -> OcrLine:
    words.sort(key=lambda w: w.x0)
    heights = [w.bottom - w.top for w in words]
    return OcrLine(
        text=" ".join(w.text for w in words),
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
        conf=sum(w.conf for w in words) / len(words),
        # The tallest word spans ascenders and descenders (or stacked Vietnamese marks): about 1 em.
        size=max(max(heights), 4.0),
        words=words,
    )


def _is_noise(line: OcrLine) -> bool:
    """Specks and scan borders read as stray symbols: low confidence and no word of 2+ letters."""
    has_word = any(sum(ch.isalpha() for ch in token) >= 2 for token in line.text.split())
    if not has_word and not any(ch.isdigit() for ch in line.text):
        return True
    return line.conf < MIN_LINE_CONF and not has_word


OCR_WORKERS = 2  # Tesseract processes at once (each runs single-threaded)


class OcrRun:
    """OCR of the pages that need it: pypdfium2 renders in this thread (it is not thread-safe),
    Tesseract runs in up to OCR_WORKERS processes; at most that many page images exist at once."""

    def __init__(self, path: Path, source: Source) -> None:
        self.path = path
        self.source = source

    def run(self, pages: list[PageContent]) -> None:
        todo = [page for page in pages if page.needs_ocr]
        if not todo:
            return
        if not _tesseract_ready():
            self._without_tesseract(pages, todo)
            return
        import pypdfium2


        pdf = pypdfium2.PdfDocument(str(self.path))
        workers = max(1, min(OCR_WORKERS, os.cpu_count() or 1, len(todo)))
        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                pending: deque[tuple[PageContent, Future[list[Any]]]] = deque()
                for page in todo:
                    image = render_page(pdf, page.number - 1)
                    pending.append((page, pool.submit(self._ocr, image)))
                    if len(pending) >= workers:
                        self._collect(*pending.popleft())
                while pending:
                    self._collect(*pending.popleft())
        finally:
            pdf.close()

    def _ocr(self, image: Any) -> list[Any]:

        try:
            return ocr_page_lines(image, self.path)
        finally:
            image.close()

    def _collect(self, page: PageContent, future: Future[list[Any]]) -> None:
        page.lines = build_lines(future.result(), page.number, ocr=True)
        page.ocr = True
        self.source.ocr = True
        cause = "lớp chữ bị lỗi mã" if page.needs_ocr == "garbage" else "không có lớp chữ"
        self.source.warnings.append(f"trang {page.number}: {cause}, đã nhận dạng OCR")

    def _without_tesseract(self, pages: list[PageContent], todo: list[PageContent]) -> None:
        """An image-only PDF is an error; a few image pages in a text PDF are only a warning."""
        if not any(page.lines for page in pages):
            raise MissingTool(
                self.path,
                "tệp PDF chỉ có ảnh, cần Tesseract để nhận dạng chữ",
                "Cài Tesseract tiếng Việt: sudo apt-get install tesseract-ocr tesseract-ocr-vie",
            )
        for page in todo:
            if page.needs_ocr == "garbage":
                note = "lớp chữ có thể bị lỗi mã, thiếu Tesseract để nhận dạng lại"
            else:
                note = "không có lớp chữ, thiếu Tesseract nên đã bỏ qua"
            self.source.warnings.append(f"trang {page.number}: {note}")


def _tesseract_ready() -> bool:
    from extract.tools import tesseract_languages, which

    return which("tesseract") is not None and "vie" in tesseract_languages()
