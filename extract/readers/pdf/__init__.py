"""PDF reader: text layer through pdfplumber, OCR (Tesseract) for pages without a usable one.

Lines are rebuilt from characters (or OCR lines) by geometry, so Vietnamese marks never
split a word off ("ĐIỀ U KHO ẢN") and two side-by-side columns stay apart. Then:
running headers/footers and page numbers go, the Nghị định 30 header and the signature
area become HEADER/SIGNATURE blocks, ruled tables become TABLE blocks, lines become
paragraphs and headings, and paragraphs cut by a page break are joined back.

The steps, one module each: `pages` (open, characters, ruled `tables`, text-layer `quality`),
`ocr` (Tesseract for pages without a usable text layer), `lines` (characters to lines over the
`geometry` types), `layout` (margins, header, signature, columns, paragraphs), `blocks` (emit).
"""
from __future__ import annotations

import logging
from pathlib import Path

from extract.model import Document, Source
from extract.readers.pdf.blocks import emit
from extract.readers.pdf.layout import document_chunks, drop_running_lines
from extract.readers.pdf.pages import read_pages

# pdfminer logs every oddity of a damaged file ("Data-loss while decompressing corrupted data",
# "Cannot render horizontal string ...") as a warning on stderr: an officer would read English
# noise in the middle of the progress bar. What matters reaches the user as a ReadError or a
# warning of the document.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read(path: Path, source: Source) -> Document:
    pages = list(read_pages(path, source))
    drop_running_lines(pages)
    chunks = document_chunks(pages)
    doc = Document(source)
    for chunk in chunks:
        emit(doc, chunk)
    return doc


