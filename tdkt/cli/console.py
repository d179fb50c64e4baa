"""Consoles and the one way the CLI reports a failed file."""
from __future__ import annotations

import typer
from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error line (the file and the cause) and return the Exit to raise."""
    err.print(f"[bold red]Lỗi:[/] {message}", markup=True, highlight=False)
    return typer.Exit(code)
