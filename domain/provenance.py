"""Where a fact is written: the one provenance type every stage carries.

`Provenance` points into a document's blocks (block index, character span of the quote in the
block's text, page). `Evidence` is the same place seen from a finding or a report, which names
the file too and may point at a whole document (no block, no quote).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass
class Provenance:
    block: int
    start: int
    end: int
    quote: str
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "block": self.block, "start": self.start, "end": self.end, "quote": self.quote}


class _Placed(Protocol):
    page: int | None
    quote: str | None
    block: int | None


@dataclass(frozen=True)
class Evidence:
    """A place in a stored file that a claim rests on."""

    file: str
    page: int | None
    quote: str | None
    block: int | None = None

    @classmethod
    def of(cls, file: str, place: _Placed) -> Evidence:
        """The evidence of a `Provenance`, or of a stored row with the same page/quote/block."""
        return cls(file, place.page, place.quote, place.block)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "page": self.page, "block": self.block, "quote": self.quote}
