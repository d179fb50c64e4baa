"""The `tdkt` command: one module per subcommand, joined here."""
from __future__ import annotations

import signal
import sys

import typer

from tdkt.cli.check import check_command
from tdkt.cli.compare import compare_command
from tdkt.cli.extract import extract_command
from tdkt.cli.indicators import indicators_app
from tdkt.cli.ingest import ingest_command
from tdkt.cli.messages import install as install_messages
from tdkt.cli.normalize import normalize_command
from tdkt.cli.read import read_command
from tdkt.cli.report import report_command
from tdkt.cli.run import run_command
from tdkt.cli.search import history_command, search_command
from tdkt.cli.serve import serve_command
from tdkt.cli.units import units_app
from tdkt.cli.users import users_app

install_messages()

app = typer.Typer(
    name="tdkt",
    help="Đọc, trích xuất và tổng hợp báo cáo thi đua, khen thưởng.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("read")(read_command)
app.command("extract")(extract_command)
app.command("normalize")(normalize_command)
app.command("ingest")(ingest_command)
app.command("report")(report_command)
app.command("run")(run_command)
app.command("search")(search_command)
app.command("compare")(compare_command)
app.command("check")(check_command)
app.command("history")(history_command)
app.command("serve")(serve_command)
app.add_typer(units_app, name="units")
app.add_typer(indicators_app, name="indicators")
app.add_typer(users_app, name="users")


def _interrupted(_signum, _frame) -> None:
    # said here, at the Ctrl-C: Typer turns KeyboardInterrupt into a silent exit 130
    print("Đã dừng theo yêu cầu (Ctrl-C). Những gì đã lưu được giữ nguyên; chạy lại lệnh để làm tiếp.",
          file=sys.stderr)
    raise KeyboardInterrupt


def main() -> None:
    """Entry point: no traceback for users unless --debug is given."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    signal.signal(signal.SIGINT, _interrupted)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug, not bad input: say so briefly
        if debug:
            raise
        print(f"Lỗi không mong đợi: {type(e).__name__}: {e} (chạy lại với --debug để xem chi tiết)", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
