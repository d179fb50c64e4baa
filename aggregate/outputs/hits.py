"""Search results as rows a person reads (the CLI's table, CSV and XLSX; the web app's export):
names of awards and units instead of ids, mentions in the same columns as commendations."""
from __future__ import annotations

from aggregate.model import CommendationHit, MentionHit
from aggregate.outputs.format import STATUS_WORDS
from domain.registry import Registry
from domain.taxonomy import load_taxonomy

HEADERS = ["Điểm", "Người/tập thể", "Loại", "Khen thưởng", "Tình trạng", "Kỳ", "Đơn vị", "Quyết định",
           "Tệp nguồn", "Trang", "Trích dẫn"]
WIDTHS = [7, 28, 10, 40, 20, 10, 36, 16, 40, 7, 60]
KIND_WORDS = {"person": "cá nhân", "collective": "tập thể"}
MENTIONED = "mentioned"


def unit_name(unit_id: str | None, units: Registry) -> str | None:
    unit = units.find(unit_id) if unit_id else None
    return unit.full_name if unit else unit_id


def award_name(award_id: str) -> str:
    award = load_taxonomy().awards.get(award_id)
    return award.name if award else award_id


def hit_row(h: CommendationHit, units: Registry) -> list:
    return [h.score, h.recipient, KIND_WORDS.get(h.recipient_kind, h.recipient_kind), award_name(h.award_id),
            STATUS_WORDS.get(h.status, h.status), h.period, unit_name(h.unit_id, units), h.decision, h.file, h.page,
            h.quote]


def mention_row(m: MentionHit, units: Registry) -> list:
    """A person named in a report, as a row of the same table as the commendations."""
    what = "Được nêu tên" + (f": {m.named_for}" if m.named_for else "")
    return [m.score, m.name, KIND_WORDS["person"], what, "nêu tên trong báo cáo", m.period,
            unit_name(m.unit_id, units) or m.organization, None, m.file, m.page, m.quote]


def result_rows(hits: list[CommendationHit], mentions: list[MentionHit], units: Registry) -> list[list]:
    return [hit_row(h, units) for h in hits] + [mention_row(m, units) for m in mentions]
