"""The district's consolidated report and the XLSX award list of the sample corpus."""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from domain.registry import Unit
from tools.samplegen import names
from tools.samplegen.awards import add_statement, statement
from tools.samplegen.builder import Builder, Report
from tools.samplegen.context import PeriodContext
from tools.samplegen.figures import capitalize, figure_blocks
from tools.samplegen.numbers import write
from tools.samplegen.phrasing import AWARDS, REASONS, REASONS_2020, REASONS_2021, SCHOOL_POSITIONS, TASKS, Indicator
from tools.samplegen.reports import cite, finish, header, signature, signer_name, title

DISTRICT_SUMS = ("dien_tich_lua", "tong_dan_gia_suc", "giai_quyet_viec_lam", "ho_dang_ky_gia_dinh_van_hoa", "the_bhyt")


def district_report(ctx: PeriodContext, stem: str, unit: Unit, commune_count: int, other_count: int) -> Report:

    rng = ctx.rng("district")
    b = Builder(rng.random() < 0.3)
    rep = Report(stem=stem, unit_id=unit.id, period=ctx.period.id, doc_kind="district_report")
    year = ctx.period.year
    day = date(year, 6, rng.randint(26, 30))
    meta = header(b, rep, rng, ctx, unit, ["ỦY BAN NHÂN DÂN", "HUYỆN TUẦN GIÁO"], "BC-UBND", ctx.registry.name, day)
    trich_yeu = title(b, rng, year)
    issuer = b.org(unit.id, unit.full_name, "co_quan")
    b.add("paragraph", f"Nhằm đánh giá kết quả phong trào thi đua, công tác khen thưởng {ctx.period.label}, {issuer} báo cáo như sau:")
    b.heading("I", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", 1)
    docs = ctx.district_docs
    for key in ("decree", "circular") + (("province_rule",) if year >= 2021 else ()):
        b.org(f"issuer_{key}", docs[key].issuer or "", "co_quan", optional=True)
    refs = [cite(b, docs[k], docs[k].issuer) for k in ("decree", "circular") + (("province_rule",) if year >= 2021 else ())]
    b.add("paragraph", f"Tiếp tục triển khai thực hiện Luật Thi đua, Khen thưởng; {'; '.join(refs)}.")
    own = [cite(b, docs[k], None) for k in ("plan", "directive")]
    b.org(unit.id, "Ủy ban nhân dân huyện", "co_quan")
    b.org(unit.id, "UBND huyện", "co_quan")
    b.add("paragraph", f"Ủy ban nhân dân huyện đã ban hành {own[0]}; {own[1]}.")
    clause_c = f"{write(Decimal(commune_count))} xã, thị trấn"
    clause_o = f"{write(Decimal(other_count))} cơ quan, đơn vị, trường học"
    b.add("paragraph", f"Đến ngày {day.day - 3}/6/{year}, có {clause_c} và {clause_o} gửi báo cáo {ctx.period.label}.")
    b.item("figures", {"indicator": "Xã, thị trấn gửi báo cáo", "indicator_id": "don_vi_gui_bao_cao", "value": commune_count,
                       "value_max": None, "unit": "xã, thị trấn", "raw": clause_c, "qualifier": None, "attainment": None}, f"có {clause_c}")
    b.item("figures", {"indicator": "Cơ quan, đơn vị, trường học gửi báo cáo", "indicator_id": "co_quan_gui_bao_cao", "value": other_count,
                       "value_max": None, "unit": "cơ quan, đơn vị, trường học", "raw": clause_o, "qualifier": None, "attainment": None}, clause_o)

    b.heading("II", "KẾT QUẢ CÁC PHONG TRÀO THI ĐUA", 1)
    _district_results(b, ctx, rng)

    b.heading("III", "CÔNG TÁC TUYÊN TRUYỀN, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN", 1)
    picks = [p for p in ctx.exemplary if p["unit"].is_commune][:4]
    clauses = []
    for p in picks:
        org = b.org(p["unit"].id, p["unit"].full_name, p["unit"].kind)
        clause = f"gia đình {p['role']} {p['name']} ({org})"
        clauses.append((clause, {"name": p["name"], "role": p["role"], "organization": org}))
    if clauses:
        b.add("paragraph", "Tiêu biểu trong phong trào thi đua lao động sản xuất: " + "; ".join(c for c, _ in clauses) + ".")
        for clause, item in clauses:
            b.item("people", item, clause)

    b.heading("IV", f"KẾT QUẢ KHEN THƯỞNG {ctx.period.label.upper()}", 1)
    reasons = REASONS + (REASONS_2021 if year == 2021 else REASONS_2020)
    reason = rng.choice(reasons)
    clause, item = statement(rng, AWARDS["bang_khen_tinh"], "awarded", rng.randint(1, 4), rng.randint(1, 5))
    add_statement(b, clause, item, f"- Khen thưởng {reason}: {capitalize(clause)}.", reason=f"{reason}")
    granted = ctx.huyen_proposals.get("giay_khen_chu_tich_ubnd_huyen", [0, 0])
    clause, item = statement(rng, AWARDS["giay_khen_huyen"], "awarded", rng.randint(3, 12), max(1, granted[1]))
    add_statement(b, clause, item, f"- {capitalize(clause)} có thành tích xuất sắc trong các phong trào thi đua.",
                  reason="thành tích xuất sắc trong các phong trào thi đua")
    b.heading("V", f"PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM {year}", 1)
    for task in rng.sample(TASKS, 3):
        b.add("list_item", "- " + task.format(year=year))
    b.add("paragraph", f"Trên đây là báo cáo công tác thi đua, khen thưởng {ctx.period.label} của {issuer}./.")
    b.org("ban_tdkt_tinh", "Ban TĐKT tỉnh", "co_quan")
    b.org("so_noi_vu", "Sở Nội vụ", "co_quan")
    recipients = ["Ban TĐKT tỉnh - Sở Nội vụ;", "Thường trực Huyện ủy;", "Lãnh đạo UBND huyện;", "Lưu: VT, NV."]
    b.org("huyen_uy", "Huyện ủy", "co_quan", optional=True)
    sign = signature(rep, ctx, "district", unit.id, recipients, rng.randrange(2))
    metadata = dict(meta, issuer=unit.full_name, title=trich_yeu, period=ctx.period.gold(), **sign)
    rep.body = b.body
    rep.gold = finish(b, rep, metadata)
    return rep


def _district_results(b: Builder, ctx: PeriodContext, rng: random.Random) -> None:
    """Section II: the communes' sums and one figure of each office."""
    from tools.samplegen.phrasing import COMMUNE_ECONOMY as ECO, COMMUNE_SOCIETY as SOC

    b.heading("1", "Tổng hợp từ báo cáo của các xã, thị trấn", 2)
    catalog = {i.id: i for i in ECO + SOC}
    pairs = []
    for ind_id in DISTRICT_SUMS:
        ind = catalog[ind_id]
        values = [v for (u, i, _), v in ctx.true_values.items() if i == ind_id and u in ctx.commune_ids]
        if values:
            total = sum(values, Decimal(0))
            pairs.append((Indicator(ind.id, ind.text, ind.unit, ind.word, 0, 0, ind.places, ind.flags.replace("p", ""), ind.templates), total, False))
    figure_blocks(b, rng, pairs, ("Tổng hợp số liệu các xã, thị trấn",))
    b.heading("2", "Kết quả của các cơ quan, đơn vị", 2)
    known = {u.id for u in ctx.registry.units}
    for unit_id, items in sorted(ctx.office_figures.items()):
        if unit_id not in known:
            continue  # benchmark copies of a unit are not restated
        office = ctx.registry.get(unit_id)
        name = b.org(unit_id, office.name, office.kind)
        for f in items[:1]:
            clause = f"{name}: {f['indicator'].lower()} {f['raw']}"
            b.add("list_item", f"- {clause}.")
            b.item("figures", {k: f[k] for k in ("indicator", "indicator_id", "value", "value_max", "unit", "raw")} | {"qualifier": None, "attainment": None}, clause)


def award_list(ctx: PeriodContext, unit: Unit, stem: str) -> Report:
    """A school's list of proposed 'Lao động tiên tiến' for the school year, as a spreadsheet."""
    rng = ctx.rng(unit.id, "award_list")
    b = Builder(False)
    rep = Report(stem=stem, unit_id=unit.id, period=ctx.period.id, doc_kind="award_list", format="xlsx")
    title_text = f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM HỌC {ctx.period.school_year}"
    b.add("title", title_text, bold=True, align="center")
    issuer = b.org(unit.id, unit.full_name if len(unit.full_name) <= 34 else f"Trường {unit.name}", "truong")
    b.add("paragraph", f"(Kèm theo Tờ trình của {issuer})", italic=True, align="center")
    rows = rng.randint(8, 16)
    table = [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu đề nghị"]]
    listed = []
    for n, person in enumerate(names.distinct_people(rng, rows, ctx.names_taken), 1):
        role = rng.choice(SCHOOL_POSITIONS)
        row = [str(n), person.full, role, issuer, "Lao động tiên tiến"]
        table.append(row)
        listed.append(person.full)
        b.item("people", {"name": person.full, "role": role, "organization": issuer}, " | ".join(row))
    b.table(table)
    item = {"award": "lao_dong_tien_tien", "raw": "DANH HIỆU LAO ĐỘNG TIÊN TIẾN", "status": "proposed", "collectives": None,
            "individuals": rows, "households": None, "total": None, "qualifier": None,
            "reason": None, "decision": None, "recipients": listed}
    b.item("awards", item, "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN")
    person = signer_name(ctx, unit.id, 0)
    b.add("paragraph", "HIỆU TRƯỞNG", bold=True, align="right")
    b.add("paragraph", person.full, bold=True, align="right")
    metadata = {"number": None, "doc_type": None, "issuer": unit.full_name, "place": None, "date": None,
                "title": title_text, "period": {"label": f"năm học {ctx.period.school_year}", "kind": "school_year",
                                                "start": f"{ctx.period.year - 1}-09", "end": f"{ctx.period.year}-05"},
                "signer": {"name": person.full, "position": "Hiệu trưởng", "authority": None}, "recipients": []}
    rep.body = b.body
    rep.gold = finish(b, rep, metadata)
    return rep
