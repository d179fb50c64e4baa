"""Photos and scans of pages as image files (JPEG, PNG, TIFF): each page becomes a page of a
PDF with no text layer, read by the PDF reader, which sends it to OCR like any scanned PDF.

A phone photo is turned upright by its EXIF orientation first; a multi-page TIFF keeps its pages.
The page is given an A4-like size so the OCR renders it near its own resolution.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from extract.errors import CorruptFile, TooLarge
from extract.model import Document, Source

A4_LONG_SIDE_INCHES = 11.69
MAX_IMAGE_PIXELS = 64_000_000  # as a rendered PDF page: a photo of a page is far below
MAX_IMAGE_PAGES = 200


def read(path: Path, source: Source) -> Document:
    from extract.readers.pdf import read as read_pdf

    with tempfile.TemporaryDirectory(prefix="tdkt-img-") as tmp:
        pdf = Path(tmp) / "trang.pdf"
        as_pdf(path, pdf)
        document = read_pdf(pdf, source)
    source.path = str(path)
    return document


def as_pdf(path: Path, out: Path) -> None:
    """The image's pages as a PDF of page images (also what the web app shows as its pages)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            pages = []
            for index in range(min(getattr(image, "n_frames", 1), MAX_IMAGE_PAGES)):
                image.seek(index)
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise TooLarge(path, f"ảnh {image.width}×{image.height} điểm, quá lớn để nhận dạng")
                pages.append(ImageOps.exif_transpose(image).convert("L"))
    except Image.DecompressionBombError as e:
        raise TooLarge(path, "ảnh quá lớn để nhận dạng (có thể là ảnh độc hại)") from e
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise CorruptFile(path, f"ảnh hỏng hoặc không đọc được ({type(e).__name__})") from e
    resolution = max(max(p.size) / A4_LONG_SIDE_INCHES for p in pages)
    pages[0].save(out, "PDF", resolution=resolution, save_all=True, append_images=pages[1:])
