"""Shared fixtures: the seed fixtures in ../shared (skipped when absent) and tool checks."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not (SEED / "gold.json").is_file():
        pytest.skip("../shared/fixtures/seed is not here (a user's clone has no ../shared)")
    return SEED


def require_program(name: str) -> str:
    """Skip the test, saying why, when an external program is missing."""
    exe = shutil.which(name) or (shutil.which("libreoffice") if name == "soffice" else None)
    if exe is None:
        pytest.skip(f"{name} is not installed")
    return exe


@pytest.fixture
def soffice() -> str:
    return require_program("soffice")


@pytest.fixture
def tesseract() -> str:
    exe = require_program("tesseract")
    from extract.tools import tesseract_languages

    if "vie" not in tesseract_languages():
        pytest.skip("tesseract-ocr-vie is not installed")
    return exe
