"""Builders of real test files shared by several test modules: PDFs written byte by byte (text
pages, an image page, encryption), OLE2 compound files, and a folder of unit reports for ingest."""
from __future__ import annotations

import hashlib
import io
import struct
from pathlib import Path

import docx
from sqlalchemy import func, select

from aggregate.storage import db
from aggregate.storage.db import make_engine

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def text_page(lines: list[str], top: float = 120, size: float = 12, invisible: bool = False) -> bytes:
    """A content stream showing ASCII `lines` in Helvetica; invisible = render mode 3 (an OCR layer)."""
    out = ["BT", f"/F1 {size} Tf", "3 Tr" if invisible else "0 Tr", f"{size * 1.5} TL", f"72 {A4[1] - top} Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        out.append(f"({escaped}) Tj T*")
    out.append("ET")
    return "\n".join(out).encode("latin-1")


def build_pdf(pages: list[bytes], image: bytes | None = None, image_size: tuple[int, int] = (0, 0),
              encrypt: tuple[bytes, bytes] | None = None) -> bytes:
    """A PDF whose pages have the given content streams; `image` (JPEG) is drawn full page as /Im1.

    `encrypt` = (user password, owner password): RC4 40-bit (Standard handler, R2).
    """
    objects: list[bytes] = []  # object i+1
    n = len(pages)
    font_id, image_id, pages_id = 3, 4, 2
    first_page = 5
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    if image is not None:
        w, h = image_size
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(image)} >>\nstream\n".encode()
            + image + b"\nendstream"
        )
    else:
        objects.append(b"null")
    file_id = hashlib.md5(str(n).encode()).digest()
    key = None
    encrypt_obj = b""
    if encrypt is not None:
        key, encrypt_obj = _standard_security(encrypt[0], encrypt[1], file_id)
    for i, content in enumerate(pages):
        page_obj = first_page + 2 * i
        xobj = f"/XObject << /Im1 {image_id} 0 R >>" if image is not None else ""
        objects.append(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> {xobj} >> /Contents {page_obj + 1} 0 R >>".encode()
        )
        if image is not None:
            content = f"q {A4[0]} 0 0 {A4[1]} 0 0 cm /Im1 Do Q\n".encode() + content
        if key is not None:
            content = _rc4(_object_key(key, page_obj + 1), content)
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    if encrypt is not None:
        objects.append(encrypt_obj)
    return _serialize(objects, file_id, encrypt_id=len(objects) if encrypt is not None else None)


def _serialize(objects: list[bytes], file_id: bytes, encrypt_id: int | None) -> bytes:
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(buf.tell())
        buf.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        buf.write(f"{off:010d} 00000 n \n".encode())
    enc = f" /Encrypt {encrypt_id} 0 R" if encrypt_id else ""
    hexid = file_id.hex()
    buf.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /ID [<{hexid}> <{hexid}>]{enc} >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return buf.getvalue()


def ole2(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (v3, 512-byte sectors) holding the given streams.

    LibreOffice cannot write password-protected files headless, so the encrypted containers are
    built here: sector 0 is the FAT, sector 1 the directory, streams follow (each padded to
    4096 bytes so none lives in the mini-stream).
    """
    free, end, fat_sect, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    datas = [s.ljust(max(4096, -(-len(s) // 512) * 512), b"\0") for s in streams.values()]
    fat = [fat_sect, end]
    starts = []
    for data in datas:
        starts.append(len(fat))
        count = len(data) // 512
        fat += [len(fat) + k + 1 for k in range(count - 1)] + [end]
    assert len(fat) <= 128 and len(streams) <= 3
    fat_bytes = struct.pack(f"<{128}I", *(fat + [free] * (128 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, no_stream, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    names = list(streams)
    directory = entry("Root Entry", 5, 1, no_stream, end, 0)
    for i, (name, start) in enumerate(zip(names, starts), 1):
        directory += entry(name, 2, no_stream, i + 1 if i < len(names) else no_stream, start, len(datas[i - 1]))
    directory = directory.ljust(512, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))
    return header + fat_bytes + directory + b"".join(datas)


COMMUNES = ["Quài Cang", "Quài Nưa", "Chiềng Sinh", "Pú Nhung", "Mường Thín", "Nà Sáy", "Tỏa Tình", "Ta Ma"]


def write_report(path: Path, commune: str, day: int, area: str, cattle: str, collectives: int) -> Path:
    path.write_text(
        f"ỦY BAN NHÂN DÂN\nXÃ {commune.upper()}\n\nSố: {day}/BC-UBND\n\n{commune}, ngày {day} tháng 6 năm 2021\n\n"
        "BÁO CÁO\n\nKết quả công tác thi đua, khen thưởng 6 tháng đầu năm 2021\n\n"
        f"Tổng diện tích gieo trồng cây lương thực ước đạt {area} ha. Tổng đàn gia súc ước đạt {cattle} con.\n\n"
        f"Chủ tịch UBND xã đã tặng Giấy khen cho {collectives:02d} tập thể, 12 cá nhân.\n\n"
        f"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLò Văn {chr(65 + day % 20)}\n",
        encoding="utf-8",
    )
    return path


def corpus(folder: Path, n: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, commune in enumerate(COMMUNES[:n]):
        write_report(folder / f"bao-cao-{i:02d}.txt", commune, 10 + i, f"{1 + i}.120,5", f"4.72{i}", 3 + i)
    return folder


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        out = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
               for t in (db.documents, db.blocks, db.figures, db.awards, db.organizations, db.replacements)}
        out["value_sum"] = conn.execute(select(func.sum(db.figures.c.value))).scalar_one()
    engine.dispose()
    return out


A4 = (595, 842)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _standard_security(user: bytes, owner: bytes, file_id: bytes) -> tuple[bytes, bytes]:
    """PDF Reference 1.7, algorithms 3.2-3.4 (revision 2): the file key and the /Encrypt dict."""
    permissions = -44
    o_value = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    p_bytes = (permissions & 0xFFFFFFFF).to_bytes(4, "little")
    key = hashlib.md5(pad(user) + o_value + p_bytes + file_id).digest()[:5]
    u_value = _rc4(key, PAD)
    encrypt = (
        f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}> /P {permissions} >>"
    ).encode()
    return key, encrypt


def _object_key(key: bytes, number: int, generation: int = 0) -> bytes:
    digest = hashlib.md5(key + number.to_bytes(3, "little") + generation.to_bytes(2, "little")).digest()
    return digest[: min(len(key) + 5, 16)]


def pad(password: bytes) -> bytes:
    return (password + PAD)[:32]


# a statistical form: title with its unit, two heading rows (one group over three columns),
# column numbers, two data rows and their total
FUND = [
    ["TỔNG HỢP TRÍCH LẬP VÀ SỬ DỤNG QUỸ THI ĐUA, KHEN THƯỞNG NĂM 2023 - Đơn vị tính: triệu đồng"] * 6,
    ["STT", "Nội dung", "Tổng số đã trích", "Số đã chi trong năm", "Số đã chi trong năm", "Tỷ lệ % đã chi"],
    ["STT", "Nội dung", "Tổng số đã trích", "Chi khen thưởng", "Chi khác", "Tỷ lệ % đã chi"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["1", "Quỹ hình thành từ ngân sách huyện", "1.250,5", "1.020", "130", "91,9"],
    ["2", "Quỹ huy động từ doanh nghiệp", "85", "60", "5", "76,5"],
    ["", "Tổng cộng", "1.335,5", "1.080", "135", "91,0"],
]


def form_docx(path: Path, grid: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_paragraph("Biểu mẫu số 05")  # the caption above the table
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if c and text == row[c - 1] and (r == 0 or grid[r - 1][c] != text or grid[r - 1][c - 1] != text):
                continue
            table.cell(r, c).text = text
    for r, row in enumerate(grid):  # merge runs of one text across a row, then down a column
        c = 0
        while c < len(row):
            end = c
            while end + 1 < len(row) and row[end + 1] == row[c] and row[c]:
                end += 1
            if end > c:
                table.cell(r, c).merge(table.cell(r, end)).text = row[c]
            c = end + 1
    for c in range(len(grid[0])):
        if grid[1][c] == grid[2][c] and grid[1][c] and (c == 0 or grid[1][c - 1] != grid[1][c]):
            table.cell(1, c).merge(table.cell(2, c)).text = grid[1][c]
    document.save(path)
    return path


SMUDGED_LINES = ["BÁO CÁO KẾT QUẢ THI ĐUA NĂM 2022", "",
                 "Toàn xã có 1.250 hộ gia đình đạt danh hiệu Gia đình văn hóa.",
                 "Diện tích lúa đạt 845 ha, sản lượng 4.120 tấn."]
SMUDGED_WORD = "845"  # blotted: blurred and speckled, as ink or a fold on a real scan


def smudged_scan(path: Path) -> Path:
    """A scanned page (an image-only PDF, 300 dpi) whose number "845" is blotted, so that
    Tesseract reads it with a low confidence (or misreads it), and the other numbers cleanly."""
    import random

    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    width, height = 2480, 3508
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 42)
    for i, text in enumerate(SMUDGED_LINES):
        draw.text((200, 300 + 90 * i), text, font=font, fill=0)
    line = SMUDGED_LINES[3]
    x = 200 + int(draw.textlength(line[:line.index(SMUDGED_WORD)], font=font))
    box = (x, 300 + 3 * 90 - 5, x + int(draw.textlength(SMUDGED_WORD, font=font)) + 4, 300 + 3 * 90 + 50)
    blot = page.crop(box).filter(ImageFilter.GaussianBlur(2.4))
    pixels, rnd = blot.load(), random.Random(3)
    for _ in range(blot.size[0] * blot.size[1] // 5):
        pixels[rnd.randrange(blot.size[0]), rnd.randrange(blot.size[1])] = rnd.choice((0, 255))
    page.paste(blot, box)
    jpeg = io.BytesIO()
    page.save(jpeg, "JPEG", quality=80)
    path.write_bytes(build_pdf([b"q 595 0 0 842 0 0 cm /Im1 Do Q"], image=jpeg.getvalue(), image_size=(width, height)))
    return path
