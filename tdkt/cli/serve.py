"""`tdkt serve`: the officer's web app on this machine's database."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.cli.console import out
from tdkt.cli.ingest import DbOption, RegistryOption


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Địa chỉ nghe (0.0.0.0: cho cả mạng nội bộ)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng")] = 8000,
    files: Annotated[Path, typer.Option("--files", help="Thư mục giữ tệp gốc và ảnh trang")] = Path("tdkt-files"),
    registry: RegistryOption = None,
    https: Annotated[bool, typer.Option("--https-cookies", help="Chỉ gửi cookie đăng nhập qua HTTPS (khi chạy sau proxy HTTPS)")] = False,
) -> None:
    """Chạy ứng dụng web: nhận báo cáo, rà soát, sửa, tổng hợp, tra cứu (mở trình duyệt tới địa chỉ in ra)."""
    import uvicorn

    from tdkt.web.app import create_app
    from tdkt.web.config import WebConfig

    app = create_app(WebConfig(db_url=db, files=files, registry=registry, secure_cookies=https))
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    out.print(f"Ứng dụng tdkt: http://{shown}:{port}/  (Ctrl-C để dừng)", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
