"""Who may do what: sign-in, roles, CSRF, the first account, redirects that stay on the site."""
from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORD, csrf_of


def test_every_page_needs_a_signed_in_user(make_client):
    from fastapi.testclient import TestClient

    make_client()  # an account exists, so strangers are sent to the login page
    anonymous = TestClient(make_client.app)
    for path in ("/nhan-bao-cao", "/van-ban", "/tong-hop", "/tra-cuu?q=a", "/nhat-ky", "/van-ban/1/tep",
                 "/tong-hop/2021-H1/bao-cao.docx", "/tra-cuu/xuat.csv?q=a"):
        r = anonymous.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/dang-nhap"), path


def test_first_visit_creates_the_first_account_then_never_again(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from tdkt.web.app import create_app
    from tdkt.web.config import WebConfig

    app = create_app(WebConfig(db_url=db_url, files=tmp_path / "files"))
    with TestClient(app) as c:
        assert c.get("/", follow_redirects=False).headers["location"] == "/khoi-tao"
        form = {"username": "Admin", "display_name": "Cán bộ", "password": "ngan", "password2": "ngan"}
        r = c.post("/khoi-tao", data={"csrf": csrf_of(c.get("/khoi-tao").text), **form})
        assert r.status_code == 400 and "ít nhất 8 ký tự" in r.text
        form.update(password=PASSWORD, password2=PASSWORD)
        r = c.post("/khoi-tao", data={"csrf": csrf_of(c.get("/khoi-tao").text), **form}, follow_redirects=False)
        assert r.headers["location"] == "/nhan-bao-cao"
    with TestClient(app) as stranger:  # the setup page is gone once an account exists
        assert stranger.get("/khoi-tao", follow_redirects=False).headers["location"] == "/dang-nhap"
        r = stranger.post("/khoi-tao", data={"csrf": "x", **form}, follow_redirects=False)
        assert r.status_code == 403
    app.state.engine.dispose()


def test_wrong_password_is_refused_and_passwords_are_not_stored(make_client):
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    make_client(username="mai")
    c = TestClient(make_client.app)
    r = c.post("/dang-nhap", data={"csrf": csrf_of(c.get("/dang-nhap").text), "username": "mai", "password": "sai"})
    assert r.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in r.text
    with make_client.app.state.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE username = 'mai'")).scalar()
    assert PASSWORD not in stored and stored.startswith("scrypt$")


def test_a_post_without_the_session_token_is_refused(make_client):
    c = make_client()
    for path, data in (("/nhan-bao-cao", {}), ("/sua/figure/1", {"action": "delete"}), ("/dang-xuat", {})):
        assert c.post(path, data=data).status_code == 403, path
        assert c.post(path, data={**data, "csrf": "not-the-token"}).status_code == 403, path


def test_a_leader_reads_but_changes_nothing(make_client, seed_dir):
    from tests.web.conftest import upload

    officer = make_client()
    job = upload(officer, [seed_dir / "bao-cao-tdkt-6t-2021.txt"])
    doc = job.files[0].document_id
    leader = make_client("lanh_dao_xem")
    page = leader.get(f"/van-ban/{doc}")
    assert page.status_code == 200 and "Đọc lại tệp" not in page.text and ">Sửa<" not in page.text
    token = csrf_of(page.text)
    with officer.app.state.engine.connect() as conn:
        figure = conn.exec_driver_sql(f"SELECT id FROM figures WHERE document_id = {doc} LIMIT 1").scalar()
    r = leader.post(f"/sua/figure/{figure}", data={"csrf": token, "action": "delete"})
    assert r.status_code == 403 and "chỉ xem" in r.text
    assert leader.post("/nhan-bao-cao", data={"csrf": token}, files=[("files", ("a.txt", b"x"))]).status_code == 403
    assert leader.get("/tai-khoan").status_code == 403


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_login_never_sends_the_user_to_another_site(make_client, target):
    from fastapi.testclient import TestClient

    make_client(username="lan")
    c = TestClient(make_client.app)
    token = csrf_of(c.get("/dang-nhap", params={"tiep": target}).text)
    r = c.post("/dang-nhap", data={"csrf": token, "username": "lan", "password": PASSWORD, "next": target},
               follow_redirects=False)
    assert r.headers["location"] == "/"


def test_accounts_page_adds_a_leader(make_client):
    c = make_client()
    token = csrf_of(c.get("/tai-khoan").text)
    r = c.post("/tai-khoan", data={"csrf": token, "username": "truongphong", "display_name": "Trưởng phòng",
                                   "password": PASSWORD, "role": "lanh_dao_xem"})
    assert r.status_code == 200 and "truongphong" in r.text and "Lãnh đạo (chỉ xem)" in r.text
    r = c.post("/tai-khoan", data={"csrf": token, "username": "truongphong", "password": PASSWORD,
                                   "role": "lanh_dao_xem"})
    assert r.status_code == 400 and "Đã có tài khoản" in r.text
