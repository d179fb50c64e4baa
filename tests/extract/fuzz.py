"""A fuzz corpus made from real reports by mutation, deterministic from a seed.

`build(folder)` writes the files and returns what was written: each `Case` says how it was
made and whether it must come out as a stored document (`valid`: a copy under an odd name, a
ZIP with its members shuffled) or may fail (with one clean line naming the file).
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.builders import build_pdf, ole2, text_page

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed"
SAMPLES = ROOT / "samples"


@dataclass
class Case:
    path: Path
    kind: str
    valid: bool = False  # must be stored (its content, possibly under another name)


def sources() -> dict[str, Path]:
    return {
        "docx": SEED / "bao-cao-tdkt-6t-2021.docx",
        "tcvn3": SEED / "bao-cao-tdkt-6t-2021-tcvn3.docx",
        "pdf": SEED / "bao-cao-tdkt-6t-2021.pdf",
        "txt": SEED / "bao-cao-tdkt-6t-2021.txt",
        "doc": SAMPLES / "2020-H1" / "bc-tdkt-6t-2020-truong-mam-non-hoa-mi.doc",
        "xlsx": next(iter(sorted(SAMPLES.rglob("*.xlsx")))),
        "small_pdf": SAMPLES / "2020-H1" / "bc-tdkt-6t-2020-xa-quai-to.pdf",
    }


class Builder:
    def __init__(self, folder: Path, seed: int) -> None:
        self.folder = folder
        self.rng = random.Random(seed)
        self.cases: list[Case] = []
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, data: bytes, kind: str, valid: bool = False) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        self.cases.append(Case(path, kind, valid))
        return path

    # --- mutations -------------------------------------------------------------------------
    def truncations(self, label: str, data: bytes, n: int, ext: str) -> None:
        for i in range(n):
            cut = self.rng.randrange(1, len(data))
            self.add(f"cat-{label}-{i:02d}{ext}", data[:cut], "truncated")

    def flips(self, label: str, data: bytes, n: int, ext: str) -> None:
        for i in range(n):
            buf = bytearray(data)
            for _ in range(self.rng.choice((1, 4, 32, 256))):
                pos = self.rng.randrange(len(buf))
                buf[pos] ^= 1 << self.rng.randrange(8)
            self.add(f"lat-bit-{label}-{i:02d}{ext}", bytes(buf), "flipped")

    def zip_members(self, label: str, data: bytes, n: int, ext: str) -> None:
        members = _members(data)
        for i in range(n):
            order = members[:]
            self.rng.shuffle(order)
            self.add(f"xao-tron-{label}-{i:02d}{ext}", _zip(order), "shuffled_zip", valid=True)

    def broken_xml(self, label: str, data: bytes, part: str, n: int, ext: str) -> None:
        members = _members(data)
        for i in range(n):
            out = []
            for name, body in members:
                if name == part:
                    how = i % 4
                    if how == 0:
                        body = body[: self.rng.randrange(1, len(body))]
                    elif how == 1:
                        body = body.replace(b"<w:t>", b"<w:t", 1) if b"<w:t>" in body else b"<" + body
                    elif how == 2:
                        body = b"\x00\xff" + body
                    else:
                        body = body.replace(b"?>", b"?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", 1)
                out.append((name, body))
            self.add(f"xml-hong-{label}-{i:02d}{ext}", _zip(out), "broken_xml")

    def broken_xref(self, label: str, data: bytes, n: int) -> None:
        for i in range(n):
            how = i % 3
            if how == 0:  # every xref offset shifted
                body = data.replace(b" 00000 n", b" 00099 n")
            elif how == 1:  # no trailer, no startxref
                body = data[: data.rfind(b"trailer")] if b"trailer" in data else data[:-200]
            else:  # startxref points past the end
                body = data[: data.rfind(b"startxref")] + b"startxref\n99999999\n%%EOF\n"
            self.add(f"xref-hong-{label}-{i:02d}.pdf", body, "broken_xref")


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(name, zf.read(name)) for name in zf.namelist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members:
            zf.writestr(name, body)
    return buf.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a huge canvas (a decompression bomb's first bytes)."""
    import zlib

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 4096)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _docx_with_image(docx: bytes, image: bytes) -> bytes:
    members = _members(docx) + [("word/media/image99.png", image)]
    return _zip(members)


def _pdf_with_page_size(width: float, height: float) -> bytes:
    """One page of a huge size holding only an image: rendering it for OCR must stay bounded."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buf, "JPEG")
    jpeg = buf.getvalue()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
               f"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".encode()]
    content = f"q {width} 0 0 {height} 0 0 cm /Im1 Do Q".encode()
    objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    objects.append(f"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
                   f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>\nstream\n".encode()
                   + jpeg + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def build(folder: Path, seed: int = 20261203) -> list[Case]:
    src = {k: p.read_bytes() for k, p in sources().items()}
    b = Builder(folder, seed)
    # truncation at many offsets and flipped bits, every format
    # (the 3-page sample PDF rather than the 15-page seed: a damaged text layer falls back to OCR)
    for label, ext, n in (("docx", ".docx", 24), ("tcvn3", ".docx", 6), ("pdf", ".pdf", 6), ("small_pdf", ".pdf", 18),
                          ("txt", ".txt", 8), ("doc", ".doc", 4), ("xlsx", ".xlsx", 10)):
        b.truncations(label, src[label], n, ext)
    for label, ext, n in (("docx", ".docx", 22), ("small_pdf", ".pdf", 22), ("txt", ".txt", 8), ("xlsx", ".xlsx", 10),
                          ("doc", ".doc", 3)):
        b.flips(label, src[label], n, ext)
    # ZIP containers reordered (still valid) and with broken XML inside
    b.zip_members("docx", src["docx"], 5, ".docx")
    b.zip_members("xlsx", src["xlsx"], 3, ".xlsx")
    b.broken_xml("docx", src["docx"], "word/document.xml", 8, ".docx")
    b.broken_xml("xlsx", src["xlsx"], "xl/workbook.xml", 4, ".xlsx")
    b.broken_xref("pdf", src["small_pdf"], 6)
    # wrong extensions
    for i, (label, ext) in enumerate((("pdf", ".docx"), ("docx", ".pdf"), ("txt", ".xlsx"), ("doc", ".docx"),
                                      ("xlsx", ".doc"), ("txt", ".pdf"), ("pdf", ".txt"), ("docx", ".txt"))):
        b.add(f"sai-duoi-{label}-{i}{ext}", src[label], "wrong_extension")
    # ZIPs in ZIPs
    inner = _zip([("bao-cao.docx", src["docx"])])
    b.add("zip-long-zip.docx", inner, "nested_zip")
    b.add("zip-long-zip-2.zip", _zip([("a.zip", inner)]), "nested_zip")
    b.add("goi-lo-ngoai.docx", _zip([("word/document.xml", b"<w:document/>"), ("x.zip", inner)]), "nested_zip")
    # huge images and pages
    huge = _png_header(60000, 60000)
    b.add("anh-khong-lo.docx", _docx_with_image(src["docx"], huge), "huge_image", valid=True)
    b.add("anh-khong-lo.png", huge, "huge_image")
    b.add("trang-khong-lo.pdf", _pdf_with_page_size(14400, 14400), "huge_page")
    # empty files of every kind
    for ext in (".docx", ".pdf", ".txt", ".xlsx", ".doc", ".odt", ".rtf"):
        b.add(f"rong{ext}", b"", "empty")
    # encrypted: an OLE2 EncryptedPackage (what Word writes for a password) and a PDF with /Encrypt
    b.add("mat-khau.docx", ole2({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01" * 5000}),
          "encrypted")
    b.add("mat-khau.pdf", build_pdf([text_page(["Bao cao thi dua"])], encrypt=(b"user", b"owner")), "encrypted")
    # odd names, each a valid copy
    for i, name in enumerate(("bao cao co dau cach.docx", "báo-cáo-tiếng-việt.docx",
                              "bao-cao-nfd-\u0062\u0061\u0301o.docx", "-bat-dau-bang-gach.docx", "--help.txt",
                              "ten'nhay\"kep;$(x).txt", "rất " + "dài-" * 40 + ".txt")):
        data = src["txt"] if name.endswith(".txt") else src["docx"]
        b.add(name, data + (b"\n" * (i + 1) if name.endswith(".txt") else b""), "odd_name", valid=True)
    # a folder that is named like a file, holding a valid report
    d = folder / "thu-muc.docx"
    d.mkdir()
    b.cases.append(Case(d, "directory_named_docx"))
    b.add("thu-muc.docx/ben-trong.txt", src["txt"] + b"\n\n\n\n\n\n\n\n\n", "inside_directory", valid=True)
    # symlinks: a loop of folders, a file linking to itself, one pointing nowhere
    loop = folder / "vong-lap"
    loop.mkdir()
    os.symlink("..", loop / "len-tren")
    os.symlink("tu-tro.docx", folder / "tu-tro.docx")
    os.symlink("khong-ton-tai.pdf", folder / "tro-vao-khong.pdf")
    b.cases += [Case(loop, "symlink_loop"), Case(folder / "tu-tro.docx", "symlink_loop"),
                Case(folder / "tro-vao-khong.pdf", "dangling_symlink")]
    # hostile content: control characters and bidi marks in names, very long lines
    text = src["txt"].decode("utf-8")
    b.add("ky-tu-dieu-khien.txt", text.replace("Vũ Thị Ngọt", "Vũ\u202eThị\u0007 Ngọt\u200f")
          .replace("Nguyễn", "Nguy\u001bễn", 1).encode(), "control_characters", valid=True)
    b.add("dong-rat-dai.txt", (text.replace("\n", " ") * 12).encode(), "long_line", valid=True)
    b.add("mot-tu-rat-dai.txt", ("Báo cáo " + "x" * 2_000_000 + "\n").encode(), "long_line", valid=True)
    b.add("nhi-phan.txt", bytes(b.rng.randrange(256) for _ in range(50_000)), "binary_as_text")
    return b.cases
