"""Page images of a stored original, for the review page: a PDF page rendered with pdfium; a
Word or OpenDocument file converted to PDF once with LibreOffice. Cached in the file's folder of
the web app's store (`cache`), never beside an original that the CLI read from a user's folder."""
from __future__ import annotations

from pathlib import Path

PAGE_DPI = 110
CONVERTIBLE = {".docx", ".doc", ".odt", ".rtf"}
IMAGES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
MAX_VIEW_PAGES = 200


class NoPages(Exception):
    """The file has no pages to show (text, spreadsheet, or LibreOffice is missing)."""


def viewable_pdf(original: Path, cache: Path) -> Path:
    """The PDF the page images are drawn from: the file itself, or its LibreOffice conversion."""
    suffix = original.suffix.lower()
    if suffix == ".pdf":
        return original
    if suffix not in CONVERTIBLE | IMAGES:
        raise NoPages()
    converted = cache / "xem-truoc.pdf"
    if not converted.is_file() and suffix in IMAGES:
        from extract.readers.image import as_pdf

        cache.mkdir(parents=True, exist_ok=True)
        as_pdf(original, converted)
    if not converted.is_file():
        from extract.errors import ReadError
        from extract.tools import convert_with_libreoffice

        try:
            data = convert_with_libreoffice(original, "pdf")
        except ReadError as e:
            raise NoPages() from e
        cache.mkdir(parents=True, exist_ok=True)
        temp = converted.with_suffix(".tmp")
        temp.write_bytes(data)
        temp.replace(converted)
    return converted


def page_count(original: Path, cache: Path) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(viewable_pdf(original, cache))
    except (NoPages, pdfium.PdfiumError, OSError):
        return 0
    try:
        return min(len(pdf), MAX_VIEW_PAGES)
    finally:
        pdf.close()


def page_image(original: Path, cache: Path, number: int) -> Path:
    """PNG of page `number` (from 1), rendered once."""
    import pypdfium2 as pdfium

    image = cache / f"trang-{number}.png"
    if image.is_file():
        return image
    pdf = pdfium.PdfDocument(viewable_pdf(original, cache))
    try:
        if not 1 <= number <= min(len(pdf), MAX_VIEW_PAGES):
            raise NoPages()
        bitmap = pdf[number - 1].render(scale=PAGE_DPI / 72)
        cache.mkdir(parents=True, exist_ok=True)
        temp = image.with_suffix(".tmp")
        bitmap.to_pil().save(temp, format="PNG")
        temp.replace(image)
    finally:
        pdf.close()
    return image
