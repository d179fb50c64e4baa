"""Uploads: kept by content under a safe name, size-capped, ZIPs opened with the readers' limits,
bad files reported with the file and the cause while the rest of the batch goes on."""
from __future__ import annotations

import io
import zipfile

import pytest

from tests.web.conftest import upload


@pytest.mark.parametrize("sent, kept", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\cb\\Báo cáo 6 tháng.docx", "Báo cáo 6 tháng.docx"),
    ("..", "tep-tai-len"),
    (".bashrc", "bashrc"),
    ("a\x00b<script>.pdf", "ab_script_.pdf"),
])
def test_uploaded_names_cannot_reach_outside_the_store(sent, kept):
    from tdkt.web.uploads import safe_name

    assert safe_name(sent) == kept


def test_files_are_kept_under_their_hash_and_the_batch_goes_on_past_bad_ones(make_client, seed_dir, tmp_path):
    c = make_client()
    corrupt = tmp_path / "hong.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    other = tmp_path / "anh.gif"
    other.write_bytes(b"GIF89a")
    job = upload(c, [corrupt, seed_dir / "bao-cao-tdkt-6t-2021.txt", empty, other])
    by_name = {f.name: f for f in job.files}
    assert by_name["bao-cao-tdkt-6t-2021.txt"].status == "done"
    assert by_name["hong.docx"].status == "failed" and "hong.docx" in by_name["hong.docx"].message
    assert "rỗng" in by_name["rong.pdf"].message
    assert "không phải định dạng báo cáo" in by_name["anh.gif"].message
    kept = by_name["bao-cao-tdkt-6t-2021.txt"].path
    files = make_client.app.state.config.files
    assert kept.parent.name == by_name["bao-cao-tdkt-6t-2021.txt"].sha256 and files in kept.parents
    page = c.get(f"/nhan-bao-cao/{job.id}").text
    assert "hong.docx" in page and "Đã lưu" in page and "Lỗi" in page

    again = upload(c, [seed_dir / "bao-cao-tdkt-6t-2021.txt"])
    assert again.files[0].status == "skipped"  # the same file twice is stored once
    assert again.files[0].document_id == by_name["bao-cao-tdkt-6t-2021.txt"].document_id


def test_a_file_over_the_size_cap_is_refused(make_client, tmp_path):
    c = make_client()  # the test app caps files at 2 MB
    big = tmp_path / "lon.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    job = upload(c, [big])
    assert job.files[0].status == "failed" and "lớn hơn giới hạn 2 MB" in job.files[0].message
    assert not any((make_client.app.state.config.files / "incoming").iterdir())


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_is_opened_file_by_file_with_safe_names(make_client, seed_dir, tmp_path):
    c = make_client()
    archive = tmp_path / "bao-cao-cac-xa.zip"
    archive.write_bytes(_zip({
        "../../../tmp/evil/bao-cao.txt": (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_bytes(),
        "ghi-chu.exe": b"MZ",
        "bom.txt": b"0" * (1024 * 1024),  # compresses ~1000 times: refused before it is unpacked
    }))
    job = upload(c, [archive])
    states = {f.name: f for f in job.files}
    assert states["bao-cao.txt"].status == "done"
    assert states["bao-cao.txt"].path.parent.parent.parent == make_client.app.state.config.files
    assert not (tmp_path / "evil").exists()
    messages = " ".join(f.message or "" for f in job.files)
    assert "ghi-chu.exe: không phải định dạng báo cáo" in messages and "bom.txt: quá lớn khi giải nén" in messages


def test_a_corrupt_zip_says_so(make_client, tmp_path):
    c = make_client()
    bad = tmp_path / "hong.zip"
    bad.write_bytes(b"PK\x05\x06" + b"\x00" * 10)
    job = upload(c, [bad])
    assert job.files[0].status == "failed" and "ZIP hỏng" in job.files[0].message
