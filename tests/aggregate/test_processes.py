"""No process outlives an ingest: not a worker, not LibreOffice, not Tesseract, whether the
ingest ends, is interrupted (SIGINT to it, or Ctrl-C to its whole process group) or is killed.
Each ingest runs as the leader of its own process group, which the tests list from /proc."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_SCAN = ROOT / "tests" / "data" / "seed" / "bao-cao-tdkt-6t-2021-scan.pdf"
LEGACY_DOC = ROOT / "samples" / "2020-H1" / "bc-tdkt-6t-2020-truong-mam-non-hoa-mi.doc"
TOOLS = ("tesseract", "soffice.bin", "soffice", "oosplash")


def group(pgid: int) -> list[tuple[int, str]]:
    """(pid, command name) of every process, zombies included, in process group `pgid`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        name = stat[stat.index("(") + 1: stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid:
            members.append((int(entry.name), name))
    return members


def start_ingest(tmp_path: Path, *files: Path, workers: int) -> subprocess.Popen:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in files:
        (folder / f.name).symlink_to(f)
    cmd = [sys.executable, "-m", "tdkt.cli.main", "ingest", str(folder), "--db",
           f"sqlite:///{tmp_path / 'p.db'}", "-j", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_tool(proc: subprocess.Popen) -> str:
    """Block until a LibreOffice or Tesseract process runs in the ingest's group."""
    while proc.poll() is None:
        running = [name for _, name in group(proc.pid) if name in TOOLS]
        if running:
            return running[0]
        time.sleep(0.02)
    raise AssertionError("the ingest ended before any tool ran: the corpus is too small for this test")


def left_behind(pgid: int, within: float = 20.0) -> list[tuple[int, str]]:
    """What is still in the group once the kernel has delivered the parent-death signals."""
    deadline = time.monotonic() + within
    while (members := group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return members


@pytest.fixture(autouse=True)
def _tools(soffice, tesseract):
    """Both programs must be installed for these tests to mean anything."""


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_nothing_left_when_ingest_ends(tmp_path, workers):
    proc = start_ingest(tmp_path, LEGACY_DOC, ROOT / "tests" / "data" / "seed" / "bao-cao-tdkt-6t-2021.docx",
                        workers=workers)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    assert group(proc.pid) == []


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_nothing_left_after_sigint(tmp_path, workers):
    proc = start_ingest(tmp_path, SEED_SCAN, LEGACY_DOC, workers=workers)
    wait_for_tool(proc)
    os.kill(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Đã dừng theo yêu cầu" in stderr
    assert left_behind(proc.pid) == []


@pytest.mark.slow
def test_nothing_left_after_ctrl_c_to_the_group(tmp_path):
    proc = start_ingest(tmp_path, SEED_SCAN, LEGACY_DOC, workers=2)
    wait_for_tool(proc)
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert left_behind(proc.pid) == []


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_nothing_left_when_ingest_is_killed(tmp_path, workers):
    proc = start_ingest(tmp_path, SEED_SCAN, LEGACY_DOC, workers=workers)
    tool = wait_for_tool(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert left_behind(proc.pid) == [], f"{tool} or a worker outlived the killed ingest"
