"""thieu_bao_cao: a unit that reported last period and not this one."""
from __future__ import annotations

from aggregate.model import Comparison, Finding
from domain.provenance import Evidence


def missing_reports(comp: Comparison) -> list[Finding]:
    return [Finding("thieu_bao_cao", f"{m.unit_name} có báo cáo kỳ {comp.against} nhưng chưa có báo cáo kỳ {comp.period}",
                    [Evidence(d.file, None, None) for d in m.previous_documents], m.unit_id, comp.period)
            for m in comp.missing_units]
