"""The web app under test: in-process (Starlette's TestClient) for the rules, and the real
`tdkt serve` process driven by headless Chromium for the officer's flow."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

PASSWORD = "mat-khau-thu-nghiem"
SCREENSHOTS = Path(os.environ.get("TDKT_SCREENSHOTS", ROOT / "out" / "screenshots"))


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@pytest.fixture
def make_client(db_url, tmp_path, monkeypatch):
    """A function giving a signed-in TestClient (first account: data entry; more by role); the
    unit names it confirms are remembered in this test's own TDKT_HOME."""
    from fastapi.testclient import TestClient

    from tdkt.web.accounts import create_user
    from tdkt.web.app import create_app
    from tdkt.web.config import WebConfig

    monkeypatch.setenv("TDKT_HOME", str(tmp_path / "home"))
    app = create_app(WebConfig(db_url=db_url, files=tmp_path / "files", max_upload_mb=2))
    made = []

    def client(role: str = "can_bo_nhap_lieu", username: str | None = None) -> TestClient:
        name = username or f"{role[:6]}{len(made)}"
        create_user(app.state.engine, name, PASSWORD, role, f"Người thử {name}")
        c = TestClient(app)
        page = c.get("/dang-nhap")
        r = c.post("/dang-nhap", data={"csrf": csrf_of(page.text), "username": name, "password": PASSWORD},
                   follow_redirects=False)
        assert r.status_code == 303, r.text
        made.append(c)
        return c

    client.app = app
    yield client
    for c in made:
        c.close()
    app.state.engine.dispose()


def upload(client, files: list[Path], again: bool = False):
    """Upload through the form and wait for the background job; returns the job."""
    token = csrf_of(client.get("/nhan-bao-cao").text)
    data = {"csrf": token, **({"again": "1"} if again else {})}
    r = client.post("/nhan-bao-cao", data=data, files=[("files", (f.name, f.read_bytes())) for f in files],
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    job = client.app.state.jobs.get(r.headers["location"].rsplit("/", 1)[1])
    assert client.app.state.jobs.wait(job, timeout=600)
    return job


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(db_url, tmp_path, monkeypatch):
    """`tdkt serve` as a user starts it, on a free port; its URL."""
    monkeypatch.setenv("TDKT_HOME", str(tmp_path / "home"))
    port = free_port()
    exe = Path(sys.executable).with_name("tdkt")
    cmd = [str(exe), "serve", "--db", db_url, "--port", str(port), "--files", str(tmp_path / "files")]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"tdkt serve stopped: {proc.stdout.read()}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("tdkt serve did not start in 60 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("Debian's chromium is not installed (make setup installs it); browser tests skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    return exe


@pytest.fixture
def browser_page(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="vi-VN")
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        context.close()
        browser.close()
