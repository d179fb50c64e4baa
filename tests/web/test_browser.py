"""The officer's whole flow in headless Chromium against the real `tdkt serve`, on SQLite and
PostgreSQL: first account, upload the seed .docx, see the facts marked in the text, correct a
figure, read the file again and keep the correction, download the report with the corrected
figure, search a teacher named only in prose and open her page, then upload the same report's
scan (a newer version of the same paper: it replaces the .docx) and see its facts and pages.
Each page is photographed into out/screenshots/<database>/."""
from __future__ import annotations

import re

import docx
import pytest

from tests.conftest import SEED
from tests.web.conftest import PASSWORD, SCREENSHOTS

pytestmark = pytest.mark.slow


def shot(page, folder, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def docx_text(path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_officer_flow_in_the_browser(served, browser_page, db_url, tesseract, tmp_path):
    page = browser_page
    folder = SCREENSHOTS / db_url.split(":", 1)[0]

    page.goto(served)
    assert page.url.endswith("/khoi-tao")
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Họ và tên").fill("Lò Thị Mai")
    page.get_by_label("Mật khẩu (ít nhất 8 ký tự)").fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    shot(page, folder, "01-khoi-tao")
    page.get_by_role("button", name="Tạo tài khoản").click()

    page.set_input_files("#files", [str(SEED / "bao-cao-tdkt-6t-2021.docx")])
    shot(page, folder, "02-nhan-bao-cao")
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_selector("h1:has-text('Đã đọc xong')", timeout=600_000)
    shot(page, folder, "03-da-doc-xong")
    assert page.locator("tr.done").count() == 1, page.content()

    page.get_by_role("link", name="bao-cao-tdkt-6t-2021.docx").click()
    marks = page.locator("mark.fact.figure")
    assert marks.count() > 50  # every figure of the report is marked where it was read
    row = page.locator("tr", has_text="“11.120,3 ha”")
    assert row.count() == 1
    shot(page, folder, "04-ra-soat")
    row.locator("summary", has_text="Sửa").click()
    row.get_by_label("Giá trị (kiểu Việt Nam: 11.120,3)").fill("11.125,5")
    row.get_by_role("button", name="Lưu").click()
    row = page.locator("tr", has_text="“11.120,3 ha”")
    assert "11.125,5 ha" in row.inner_text() and "đã sửa" in row.inner_text()
    shot(page, folder, "05-da-sua")

    page.get_by_role("button", name="Đọc lại tệp (giữ các chỉnh sửa)").click()
    page.wait_for_selector("h1:has-text('Đã đọc xong')", timeout=600_000)
    page.get_by_role("link", name="bao-cao-tdkt-6t-2021.docx").click()
    row = page.locator("tr", has_text="“11.120,3 ha”")
    assert "11.125,5 ha" in row.inner_text(), "the correction was lost when the file was read again"

    page.get_by_role("link", name="Tổng hợp").click()
    shot(page, folder, "07-tong-hop")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo tổng hợp (DOCX)").click()
    report = tmp_path / "bao-cao.docx"
    download.value.save_as(report)
    assert "11.125,5" in docx_text(report)

    page.get_by_role("link", name="Tra cứu").click()
    page.get_by_label(re.compile("Tên người, tập thể")).fill("vu thi ngot")
    page.get_by_role("button", name="Tìm").click()
    shot(page, folder, "08-tra-cuu")
    page.get_by_role("link", name="Vũ Thị Ngọt").first.click()
    assert page.locator("h1").inner_text() == "Vũ Thị Ngọt"
    assert "Giáo dục" in page.content()
    shot(page, folder, "09-ca-nhan")

    page.get_by_role("link", name="Nhật ký").click()
    assert "11125.5" in page.content() or "11.125,5" in page.content()
    shot(page, folder, "10-nhat-ky")

    page.get_by_role("link", name="Nhận báo cáo").click()
    page.set_input_files("#files", [str(SEED / "bao-cao-tdkt-6t-2021-scan.pdf")])
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_selector("h1:has-text('Đã đọc xong')", timeout=600_000)
    assert page.locator("tr.done").count() == 1, page.content()
    listing = page.goto(served + "/van-ban")
    assert listing.ok and "đã thay thế" in page.content()  # the scan is the paper's newer version
    page.get_by_role("link", name="bao-cao-tdkt-6t-2021-scan.pdf").click()
    assert page.locator("mark.fact").count() > 20
    page.locator("summary", has_text="Xem trang gốc").click()
    first_page = page.locator("img[alt^='Trang 1 ']")
    first_page.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 500", arg=first_page.element_handle())
    shot(page, folder, "11-ra-soat-ban-scan")


LABELLESS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
    .map(el => el.outerHTML.slice(0, 120))"""


def test_drop_a_zip_and_every_page_fits_the_office_screen_with_labelled_controls(served, browser_page, db_url,
                                                                                seed_dir, tmp_path):
    """A ZIP dropped on the upload area (a real drop event with a DataTransfer) is read; on each
    page every form control has a label and nothing is wider than a 1366 px screen."""
    import base64
    import io
    import zipfile

    page = browser_page
    page.goto(served)
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Mật khẩu (ít nhất 8 ký tự)").fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Tạo tài khoản").click()
    # the upload page and its script loaded: a drop dispatched before its handler is not seen
    page.wait_for_url("**/nhan-bao-cao")
    page.wait_for_load_state("load")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.write(seed_dir / "bao-cao-tdkt-6t-2021.txt", "cac-xa/bao-cao-tdkt-6t-2021.txt")
    page.evaluate("""(data) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "bao-cao.zip", {type: "application/zip"}));
        document.querySelector("label.drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
    }""", base64.b64encode(buffer.getvalue()).decode())
    page.wait_for_function("document.querySelector('label.drop strong').innerText !== 'Kéo thả tệp vào đây'")
    assert page.locator("label.drop strong").inner_text() == "1 tệp đã chọn"
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_selector("h1:has-text('Đã đọc xong')", timeout=300_000)
    assert page.locator("tr.done").count() == 1

    doc = page.get_by_role("link", name="bao-cao-tdkt-6t-2021.txt").get_attribute("href")
    for path in ("/nhan-bao-cao", doc, "/van-ban", "/tong-hop", "/tra-cuu?q=nguyen", "/ca-nhan?ten=vu+thi+ngot",
                 "/nhat-ky", "/tai-khoan"):
        page.goto(served + path)
        assert page.evaluate(LABELLESS) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366, path
    page.goto(served + "/nhan-bao-cao")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua thanh điều hướng"
