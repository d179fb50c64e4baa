"""Photos and scans of pages as image files: JPEG (a phone photo, turned by its EXIF
orientation), PNG and a multi-page TIFF read through OCR like a scanned PDF; bad images give
a clear error."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract import extract, iter_files, read
from extract.errors import CorruptFile, TooLarge

LINES = ["ỦY BAN NHÂN DÂN XÃ QUÀI NƯA", "", "QUYẾT ĐỊNH", "Về việc tặng Giấy khen",
         "Điều 1. Tặng Giấy khen của Chủ tịch UBND xã cho 05 tập thể và 12 cá nhân."]


def page(lines: list[str] = LINES) -> Image.Image:
    image = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi, as a phone or a scanner gives
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    for i, text in enumerate(lines):
        draw.text((130, 200 + 60 * i), text, font=font, fill=0)
    return image


def test_a_phone_photo_lying_on_its_side_is_turned_upright(tmp_path: Path, tesseract) -> None:
    photo = tmp_path / "anh-chup.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": the camera was held sideways
    page().rotate(90, expand=True).save(photo, "JPEG", quality=85, exif=exif)
    document = read(photo)
    assert document.source.format == "jpg" and document.source.ocr and document.source.pages == 1
    awards = extract(document).awards
    assert [(a.award, a.collectives, a.individuals) for a in awards] == [("giay_khen_chu_tich_ubnd_xa", 5, 12)]


def test_png_and_multi_page_tiff(tmp_path: Path, tesseract) -> None:
    png = tmp_path / "trang.png"
    page().save(png)
    assert "Tặng Giấy khen" in read(png).text
    tiff = tmp_path / "ho-so.tif"
    first, second = page(LINES[:3]), page(["Điều 2. Quyết định có hiệu lực kể từ ngày ký."])
    first.save(tiff, save_all=True, append_images=[second])
    document = read(tiff)
    assert document.source.format == "tiff" and document.source.pages == 2
    assert {b.page for b in document.blocks} == {1, 2} and "hiệu lực" in document.text
    assert {p.name for p in iter_files([tmp_path])} == {"trang.png", "ho-so.tif"}


def test_a_broken_or_huge_image_says_so(tmp_path: Path) -> None:
    cut = tmp_path / "hong.jpg"
    buf = tmp_path / "full.jpg"
    page().save(buf, "JPEG")
    cut.write_bytes(buf.read_bytes()[:200])
    with pytest.raises(CorruptFile) as e:
        read(cut)
    assert "hong.jpg" in e.value.message and "ảnh hỏng" in e.value.message
    huge = tmp_path / "lon.png"
    Image.new("1", (9000, 9000), 1).save(huge)  # 81 million pixels: more than any page photo
    with pytest.raises(TooLarge):
        read(huge)
