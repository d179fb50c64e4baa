"""Opening a PDF and reading its pages: characters, ruled tables and the text layer's quality."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import CorruptFile, EncryptedFile, ReadError, TooLarge
from extract.model import Source
from extract.readers.pdf.geometry import PageContent
from extract.readers.pdf.lines import build_lines, glyphs_of
from extract.readers.pdf.ocr import OcrRun
from extract.readers.pdf.quality import dominant_font, legacy_encoding, repair_page, text_quality
from extract.readers.pdf.tables import find_tables

MAX_PAGES = 2000


def _open(path: Path) -> Any:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:
        raise _open_error(path, e) from e
    try:
        count = _declared_pages(pdf)
        if count is not None and count > MAX_PAGES:
            raise TooLarge(path, f"{count} trang, giới hạn {MAX_PAGES} trang")
        len(pdf.pages)  # the page tree is parsed lazily; a broken one fails here
    except ReadError:
        _close(pdf)
        raise
    except Exception as e:
        _close(pdf)
        raise _open_error(path, e) from e
    return pdf


def _open_error(path: Path, error: Exception) -> ReadError:
    if _is_password_error(error):
        return EncryptedFile(path, hint="Hãy gỡ mật khẩu rồi đọc lại")
    return CorruptFile(path, f"PDF không mở được: {type(error).__name__}"[:200])


def _close(pdf: Any) -> None:
    """Close without pdfplumber's `close()` building every page object first (slow on a huge tree)."""
    try:
        if hasattr(pdf, "_pages"):
            pdf.close()
        else:
            pdf.stream.close()
    except Exception:  # closing a broken file must not hide the error being reported
        pass


def _declared_pages(pdf: Any) -> int | None:
    """/Count of the page tree: refuses a huge file before pdfplumber builds every page object."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None
    return count if isinstance(count, int) else None


def _is_password_error(error: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def read_pages(path: Path, source: Source) -> list[PageContent]:
    """Each page's lines and tables, pdfplumber's caches released page by page; then the pages
    without a usable text layer go through OCR."""
    pdf = _open(path)
    pages: list[PageContent] = []
    try:
        count = len(pdf.pages)
        if count > MAX_PAGES:
            raise TooLarge(path, f"{count} trang, giới hạn {MAX_PAGES} trang")
        source.pages = count
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_read_page(page, number, source))
            except ReadError:
                raise
            except Exception as e:
                if _is_password_error(e):
                    raise EncryptedFile(path, hint="Hãy gỡ mật khẩu rồi đọc lại") from e
                raise CorruptFile(path, f"trang {number}: {type(e).__name__}: {e}"[:200]) from e
            finally:
                page.close()
    finally:
        _close(pdf)
    OcrRun(path, source).run(pages)
    return pages


@dataclass
class PageObjects:
    chars: list[dict[str, Any]] = field(default_factory=list)
    rules: int = 0  # lines, rectangles and curves: table borders, or text drawn as outlines
    images: int = 0


def _page_objects(page: Any) -> PageObjects:
    """Characters straight from pdfminer's layout, in pdfplumber's coordinates.

    pdfplumber's own `page.chars` converts every attribute of every object to a dict, which
    costs as much again as parsing the page; the reader needs a handful of fields.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    out = PageObjects()
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.height)
    stack = list(reversed(page.layout._objs))  # popped in content-stream order
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            out.chars.append(
                {
                    "text": obj.get_text(),
                    "x0": obj.x0 + mb_x0,
                    "x1": obj.x1 + mb_x0,
                    "top": height - obj.y1 + mb_top,
                    "bottom": height - obj.y0 + mb_top,
                    "size": obj.size,
                    "fontname": obj.fontname if isinstance(obj.fontname, str) else str(obj.fontname),
                    "upright": obj.upright,
                }
            )
        elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves too
            out.rules += 1
        elif isinstance(obj, LTImage):
            out.images += 1
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
    return out


def _read_page(page: Any, number: int, source: Source) -> PageContent:
    content = PageContent(number, float(page.width), float(page.height))
    objects = _page_objects(page)
    chars = objects.chars
    quality = text_quality(chars)
    if quality == "ok":
        content.tables = find_tables(page, number, chars) if objects.rules else []
        content.lines = build_lines(glyphs_of(chars, [t.bbox for t in content.tables]), number)
        encoding = legacy_encoding(" ".join(line.text for line in content.lines), dominant_font(chars))
        if encoding:
            repair_page(content, encoding)
            source.encoding_repaired = encoding
    elif quality == "garbage" or objects.images or objects.rules >= 50:
        content.needs_ocr = quality
        content.lines = build_lines(glyphs_of(chars, []), number)  # kept only if OCR cannot run
    return content  # else a blank page
