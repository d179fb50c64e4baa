"""Errors for bad input. A `ReadError` means the file is at fault, never a bug in tdkt.

Every message names the file and says the cause in Vietnamese; `code` is stable for tests and logs.
"""
from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    code = "read_error"
    cause = "không đọc được tệp"

    def __init__(self, file: str | Path, detail: str | None = None, hint: str | None = None) -> None:
        self.file = Path(file).name
        self.detail = detail
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.file}: {self.cause}"
        if self.detail:
            text += f" ({self.detail})"
        if self.hint:
            text += f". {self.hint}"
        return text


class EmptyFile(ReadError):
    code = "empty"
    cause = "tệp rỗng"


class CorruptFile(ReadError):
    code = "corrupt"
    cause = "tệp hỏng hoặc không đúng định dạng"


class EncryptedFile(ReadError):
    code = "encrypted"
    cause = "tệp có mật khẩu"


class UnsupportedFormat(ReadError):
    code = "unsupported"
    cause = "định dạng không được hỗ trợ"


class MissingTool(ReadError):
    code = "missing_tool"
    cause = "thiếu công cụ cần thiết"


class SecurityRisk(ReadError):
    code = "security"
    cause = "tệp có nội dung nguy hiểm, đã từ chối đọc"


class TooLarge(ReadError):
    code = "too_large"
    cause = "tệp quá lớn"


class ToolFailed(ReadError):
    code = "tool_failed"
    cause = "công cụ chuyển đổi bị lỗi"
