"""so_lieu_ocr_tin_cay_thap: a number read from a page image with a low OCR confidence, to be
compared with the paper (until an officer accepts or corrects it in the review)."""
from __future__ import annotations

from aggregate.checks.award_lists import counts_text
from aggregate.model import Finding, ReportFacts


def uncertain_numbers(facts: ReportFacts) -> list[Finding]:
    out = [Finding("so_lieu_ocr_tin_cay_thap",
                   f"Số liệu đọc từ ảnh, độ tin cậy thấp: {f.indicator} “{f.raw}”; hãy đối chiếu với bản giấy",
                   [f.evidence], facts.unit_id, facts.period)
           for f in facts.figures if f.ocr_uncertain]
    out += [Finding("so_lieu_ocr_tin_cay_thap",
                    f"Số lượng khen thưởng đọc từ ảnh, độ tin cậy thấp: “{a.raw}” ({counts_text(a) or 'không rõ số lượng'});"
                    " hãy đối chiếu với bản giấy", [a.evidence], facts.unit_id, facts.period)
            for a in facts.awards if a.ocr_uncertain]
    return out
