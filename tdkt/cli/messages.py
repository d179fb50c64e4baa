"""Click's and Typer's own messages in Vietnamese ("Missing argument", "Show this message and
exit.", "No such option").

Click passes its messages through `gettext` (`from gettext import gettext as _` in each module)
and ships no Vietnamese catalogue; the click copy inside Typer writes some of them as plain
f-strings. `install()` gives the modules a translating `_`, rewrites the f-string messages of the
exceptions as they are formatted, and resets the panel titles Typer computes at import. A message
missing here stays in English rather than fails.
"""
from __future__ import annotations

import re

VI = {
    # click.exceptions
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Did you mean {possibility}?": "Có phải là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải là một trong: {possibilities}?)",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    # click.core
    "Aborted!": "Đã dừng.",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Missing command.": "Thiếu lệnh.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Show this message and exit.": "Xem hướng dẫn này rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "(dynamic)": "(tùy lúc chạy)",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    # click.types
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "integer": "số nguyên",
    "float": "số thực",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    # click.formatting, click.parser
    "Usage:": "Cách dùng:",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    # typer.rich_utils
    "[default: {}]": "[mặc định: {}]",
    "[env var: {}]": "[biến môi trường: {}]",
    "[required]": "[bắt buộc]",
    "(deprecated) ": "(không dùng nữa) ",
    "Arguments": "Đối số",
    "Error": "Lỗi",
    "Aborted.": "Đã dừng.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Xem hướng dẫn: [blue]{command_path} {help_option}[/]",
}
# Typer reads these titles once, at import: they are set again after the translation is in place
TYPER_CONSTANTS = {
    "DEFAULT_STRING": "[default: {}]", "ENVVAR_STRING": "[env var: {}]", "REQUIRED_LONG_STRING": "[required]",
    "DEPRECATED_STRING": "(deprecated) ", "ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error", "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


# the messages Typer's own click copy builds with f-strings: patterns and their Vietnamese
PATTERNS = [(re.compile(p), r) for p, r in (
    (r"^Missing argument (.+)\.$", r"Thiếu đối số \1."),
    (r"^Missing option (.+)\.$", r"Thiếu tùy chọn \1."),
    (r"^Missing parameter (.+)\.$", r"Thiếu tham số \1."),
    (r"^No such option: (\S+)", r"Không có tùy chọn: \1"),
    (r"\(Possible options: (.+)\)", r"(Các tùy chọn có: \1)"),
    (r"Did you mean (.+)\?", r"Có phải là \1?"),
    (r"^Invalid value for (.+?): (?:Value error, )?", r"Giá trị không hợp lệ cho \1: "),
    (r"^Invalid value: ", r"Giá trị không hợp lệ: "),
    (r"(.+) is not one of (.+)\.$", r"\1 không phải một trong \2."),
    (r"(.+) is not a valid integer\.", r"\1 không phải số nguyên hợp lệ."),
    (r"(.+) is not a valid float\.", r"\1 không phải số hợp lệ."),
    (r"^(File|Directory|Path) (.+) does not exist\.", r"\1 \2 không tồn tại."),
    (r"^Got unexpected extra arguments? \((.+)\)", r"Thừa đối số (\1)"),
    (r"^No such command (.+)\.", r"Không có lệnh \1."),
    (r"^Missing command\.", r"Thiếu lệnh."),
    (r"^(?:File) ", "Tệp "), (r"^(?:Directory) ", "Thư mục "), (r"^(?:Path) ", "Đường dẫn "),
)]


def translate(message: str) -> str:
    if message in VI:
        return VI[message]
    for pattern, repl in PATTERNS:
        message = pattern.sub(repl, message)
    return message


def translate_plural(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def _modules() -> list:
    """Every module of click, of the click Typer carries inside it, and of Typer with messages."""
    import importlib
    import pkgutil

    import click
    import typer

    out = []
    for package in (click, typer):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(("__main__", "_completion_classes", "testing")):
                continue
            try:
                out.append(importlib.import_module(info.name))
            except Exception:  # an optional part (shell completion helpers ...) that does not import
                continue
    return out


def _translated(method):
    def format_message(self) -> str:
        return translate(method(self))

    return format_message


def _help_option(original):
    """Typer's --help option with its help text in Vietnamese."""
    def help_option(*param_decls, **kwargs):
        decorate = original(*param_decls, **kwargs)

        def apply(f):
            result = decorate(f)
            params = getattr(f, "params", None) or getattr(f, "__click_params__", None) or []
            if params and getattr(params[-1], "help", None):
                params[-1].help = translate(params[-1].help)
            return result

        return apply

    return help_option


def install() -> None:
    import typer._click.decorators
    import typer._click.exceptions
    import typer._click.formatting
    import typer.rich_utils

    for cls in vars(typer._click.exceptions).values():
        if isinstance(cls, type) and "format_message" in vars(cls):
            cls.format_message = _translated(cls.format_message)
    if not getattr(typer._click.decorators.help_option, "_tdkt", False):
        typer._click.decorators.help_option = _help_option(typer._click.decorators.help_option)
        typer._click.decorators.help_option._tdkt = True
    _usage_prefix(typer._click.formatting.HelpFormatter)

    for module in _modules():
        if getattr(module, "_", None) is not None and callable(module._):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural
    for name, english in TYPER_CONSTANTS.items():
        if hasattr(typer.rich_utils, name):
            setattr(typer.rich_utils, name, translate(english))


def _usage_prefix(formatter: type) -> None:
    original = formatter.write_usage
    if getattr(original, "_tdkt", False):
        return

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args.replace("[OPTIONS]", "[TÙY CHỌN]").replace("COMMAND [ARGS]", "LỆNH [ĐỐI SỐ]"), "Cách dùng: " if prefix is None else prefix)

    write_usage._tdkt = True
    formatter.write_usage = write_usage
