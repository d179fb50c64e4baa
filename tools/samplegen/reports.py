"""Compose the reports: a unit's half-year report, the district's consolidated report, and
an award list (XLSX). Each returns a `Report` whose key is built from the same data as its text."""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from domain.registry import Unit
from tools.samplegen import names
from tools.samplegen.awards import add_statement, statement, total_statement
from tools.samplegen.builder import Builder, Line, Report
from tools.samplegen.context import DocRef, PeriodContext
from tools.samplegen.figures import capitalize, figure_blocks
from tools.samplegen.numbers import as_json, write
from tools.samplegen.phrasing import (
    AWARDS,
    COMMUNE_DEFENCE,
    COMMUNE_ECONOMY,
    COMMUNE_POSITIONS,
    COMMUNE_SOCIETY,
    EXEMPLARY_MODELS,
    LEAD_DEFENCE,
    LEAD_ECONOMY,
    LEAD_SOCIETY,
    LEADERSHIP,
    LIMITS,
    OFFICE_INDICATORS,
    OFFICE_POSITIONS,
    REASONS,
    REASONS_2020,
    REASONS_2021,
    SCHOOL_BY_LEVEL,
    SCHOOL_COMMON,
    SCHOOL_POSITIONS,
    TASKS,
    Indicator,
)

MOTTO = [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), Line("Độc lập - Tự do - Hạnh phúc", bold=True)]
DOC_SUFFIX = {
    "phong_giao_duc_va_dao_tao": "BC-PGDĐT", "phong_nong_nghiep_va_ptnt": "BC-NN", "phong_van_hoa_thong_tin": "BC-VHTT",
    "phong_lao_dong_tb_xh": "BC-LĐTBXH", "phong_tai_chinh_ke_hoach": "BC-TCKH", "trung_tam_y_te_huyen": "BC-TTYT",
    "cong_an_huyen": "BC-CAH", "ban_chqs_huyen": "BC-BCH", "hoi_lhpn_huyen": "BC-HPN",
}
SUPERIOR = {  # the line above the issuer in the header, and the unit it names
    "trung_tam_y_te_huyen": ("SỞ Y TẾ TỈNH ĐIỆN BIÊN", "Sở Y tế tỉnh Điện Biên"),
    "cong_an_huyen": ("CÔNG AN TỈNH ĐIỆN BIÊN", "Công an tỉnh Điện Biên"),
    "ban_chqs_huyen": ("BỘ CHQS TỈNH ĐIỆN BIÊN", "Bộ CHQS tỉnh Điện Biên"),
    "hoi_lhpn_huyen": ("HỘI LHPN TỈNH ĐIỆN BIÊN", "Hội LHPN tỉnh Điện Biên"),
    "huyen_doan": ("TỈNH ĐOÀN ĐIỆN BIÊN", "Tỉnh đoàn Điện Biên"),
}
GIVER_ORGS = {  # awards whose giver names a body: the body is an (optional) organization of the text
    "giay_khen_thu_truong": ("so_giao_duc_va_dao_tao", "Sở Giáo dục và Đào tạo", "co_quan"),
    "giay_khen_cong_an": ("cong_an_tinh", "Công an tỉnh", "don_vi_vu_trang"),
    "giay_khen_doan": ("ban_thuong_vu_huyen_doan", "Ban Thường vụ Huyện đoàn", "doan_the"),
    "bang_khen_hoi_tinh": ("hoi_lhpn_tinh", "Hội LHPN tỉnh", "doan_the"),
}
SIGNERS = {  # (lines above the name, authority, position)
    "commune": ((["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "TM.", "Chủ tịch"),
                (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT.", "Phó Chủ tịch")),
    "truong": ((["HIỆU TRƯỞNG"], None, "Hiệu trưởng"), (["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"], "KT.", "Phó Hiệu trưởng")),
    "phong": ((["TRƯỞNG PHÒNG"], None, "Trưởng phòng"), (["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"], "KT.", "Phó Trưởng phòng")),
    "trung_tam_y_te_huyen": ((["GIÁM ĐỐC"], None, "Giám đốc"),),
    "cong_an_huyen": ((["TRƯỞNG CÔNG AN HUYỆN"], None, "Trưởng Công an huyện"),),
    "ban_chqs_huyen": ((["CHỈ HUY TRƯỞNG"], None, "Chỉ huy trưởng"),),
    "hoi_lhpn_huyen": ((["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"], "TM.", "Chủ tịch"),),
    "huyen_doan": ((["TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN", "BÍ THƯ"], "TM.", "Bí thư"),),
    "district": ((["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT.", "Phó Chủ tịch"),
                 (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "TM.", "Chủ tịch")),
}
TITLES = (
    "Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm {y} và phương hướng, nhiệm vụ 6 tháng cuối năm {y}",
    "Công tác thi đua, khen thưởng 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm {y}",
    "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {y}",
)
# --- shared pieces ----------------------------------------------------------------------------


def signer_name(ctx: PeriodContext, unit_id: str, option: int) -> names.PersonName:
    # The same person signs for a unit in every period (seeded without the period).
    return names.person(random.Random(f"{ctx.seed}:{unit_id}:signer:{option}"))


def place_of(ctx: PeriodContext, unit: Unit) -> str:
    if unit.is_commune:
        return unit.name
    if unit.kind == "truong" and unit.parent:
        parent = ctx.registry.get(unit.parent)
        return parent.name
    return ctx.registry.name


def report_date(rng: random.Random, year: int) -> date:
    return date(year, 6, rng.randint(8, 26))


def header(b: Builder, rep: Report, rng: random.Random, ctx: PeriodContext, unit: Unit | None, issuer_lines: list[str],
           suffix: str, place: str, day: date) -> dict[str, Any]:
    """The Nghị định 30/2020 header table; returns the metadata it fixes."""
    blank_number = rng.random() < 0.12
    blank_day = rng.random() < 0.1
    serial = rng.randint(5, 180)
    number = f"/{suffix}" if blank_number else (f"{serial}-{suffix}" if suffix.startswith("BC/") else f"{serial}/{suffix}")
    written_number = number.replace("/", "      /", 1) if blank_number else number
    rep.header_left = [Line(issuer_lines[0], bold=len(issuer_lines) == 1)] + [Line(t, bold=True) for t in issuer_lines[1:]]
    rep.header_left.append(Line(f"Số: {written_number}"))
    day_text = "      " if blank_day else f"{day.day:02d}"
    rep.header_right = MOTTO + [Line(f"{place}, ngày {day_text} tháng {day.month} năm {day.year}", italic=True)]
    return {"number": number, "doc_type": "BC", "place": place,
            "date": f"{day.year}-{day.month:02d}" if blank_day else day.isoformat()}


def title(b: Builder, rng: random.Random, year: int) -> str:
    text = rng.choice(TITLES).format(y=year)
    b.add("title", "BÁO CÁO", bold=True, align="center")
    b.add("title", text, bold=True, align="center")
    return text


def signature(rep: Report, ctx: PeriodContext, key: str, unit_id: str, recipients: list[str], option: int) -> dict[str, Any]:
    options = SIGNERS[key]
    option %= len(options)
    lines, authority, position = options[option]
    person = signer_name(ctx, unit_id, option)
    rep.sign_left = [Line("Nơi nhận:", bold=True, italic=True)] + [Line(f"- {r}") for r in recipients]
    rep.sign_right = [Line(l, bold=True) for l in lines] + [Line(""), Line(""), Line(""), Line(person.full, bold=True)]
    clean = [r.rstrip(";.") for r in recipients]
    return {"signer": {"name": person.full, "position": position, "authority": authority},
            "recipients": clean, "recipients_raw": list(recipients)}


def cite(b: Builder, doc: DocRef, issuer_written: str | None, with_about: bool = True) -> str:
    """'Kế hoạch số 25/KH-UBND ngày 03/02/2021 của UBND huyện về ...' and its reference item."""
    core = f"{doc.type_word} số {doc.number} ngày {doc.written_date}"
    text = core + (f" của {issuer_written}" if issuer_written else "")
    quote = text
    if with_about:
        text += f" về {doc.about}" if not doc.about.startswith(("triển khai", "phát động", "báo cáo")) else f" về việc {doc.about}"
    b.item("references", doc.gold(issuer_written), quote)
    return text


def register_issuer_org(b: Builder, unit: Unit, full: bool = True) -> str:
    kind = "co_quan" if unit.is_commune else unit.kind
    return b.org(unit.id, unit.issuer if full else unit.full_name, kind)


# --- people -----------------------------------------------------------------------------------


def exemplary_people(b: Builder, ctx: PeriodContext, rng: random.Random, unit: Unit, count: int) -> list[dict[str, Any]]:
    people = names.distinct_people(rng, count, ctx.names_taken)
    clauses: list[str] = []
    found: list[dict[str, Any]] = []
    for person in people:
        if unit.kind == "truong":
            role = "cô giáo" if person.female else "thầy giáo"
            clause = f"{role} {person.full} - {rng.choice(SCHOOL_POSITIONS).lower()} có nhiều sáng kiến trong giảng dạy"
        elif unit.is_commune:
            role = "bà" if person.female else "ông"
            clause = f"gia đình {role} {person.full} với {rng.choice(EXEMPLARY_MODELS)}"
        else:
            role = rng.choice(OFFICE_POSITIONS)
            clause = f"đồng chí {person.full} - {role}"
        item = {"name": person.full, "role": role, "organization": None}
        found.append((clause, item))  # type: ignore[arg-type]
        clauses.append(clause)
    lead = rng.choice(("Tiêu biểu như: ", "Một số gương điển hình: ", "Điển hình là "))
    b.add("paragraph", f"{lead}{'; '.join(clauses)}.")
    out = []
    for clause, item in found:  # type: ignore[misc]
        b.item("people", item, clause)
        out.append(dict(item, unit=unit))
    return out


def award_table(b: Builder, ctx: PeriodContext, rng: random.Random, unit: Unit, award_name: str, rows: int,
                unit_cell: str, positions: tuple[str, ...], extra_people: list[dict[str, Any]] | None = None,
                collectives: list[tuple[str, str]] | None = None) -> list[str]:
    """'Danh sách đề nghị khen thưởng' with one row per person; returns the names listed. With
    `collectives` (name, kind), the list has two groups, "I. Tập thể" and "II. Cá nhân", as
    real lists do; the collectives are registered as organizations."""
    b.add("paragraph", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", bold=True, align="center")
    table = [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"]]
    listed: list[str] = []
    if collectives:
        table.append(["I", "Tập thể", "", "", ""])
        for n, (name, kind) in enumerate(collectives, 1):
            table.append([str(n), name, "", unit_cell, award_name])
            listed.append(name)
            b.org(f"collective:{name}", name, kind)
        table.append(["II", "Cá nhân", "", "", ""])
    entries = list(extra_people or [])
    for person in names.distinct_people(rng, rows - len(entries), ctx.names_taken):
        entries.append({"name": person.full, "role": rng.choice(positions), "organization": unit_cell})
    for n, entry in enumerate(entries, 1):
        row = [str(n), entry["name"], entry["role"], entry["organization"], award_name]
        table.append(row)
        listed.append(entry["name"])
        b.item("people", {"name": entry["name"], "role": entry["role"], "organization": entry["organization"]}, " | ".join(row))
    b.table(table)
    return listed


COMMUNE_COLLECTIVES = (("Trạm Y tế", "co_quan"), ("Hội Nông dân", "doan_the"), ("Đoàn Thanh niên", "doan_the"),
                       ("Hội Cựu chiến binh", "doan_the"), ("Hội Liên hiệp Phụ nữ", "doan_the"))


def commune_collectives(ctx: PeriodContext, unit: Unit) -> list[tuple[str, str]]:
    """One or two of the commune's own bodies proposed with its people (their own stream of
    chance, so the rest of the report stays as it was)."""
    rng = ctx.rng(unit.id, "collectives")
    picks = rng.sample(COMMUNE_COLLECTIVES, rng.randint(1, 2))
    return [(f"{head} {unit.full_name}", kind) for head, kind in picks]


# --- unit reports -----------------------------------------------------------------------------


def unit_report(ctx: PeriodContext, unit: Unit, stem: str, old_tone_marks: bool) -> Report:
    rng = ctx.rng(unit.id, "report")
    b = Builder(old_tone_marks)
    rep = Report(stem=stem, unit_id=unit.id, period=ctx.period.id, doc_kind="unit_report")
    year = ctx.period.year
    place = place_of(ctx, unit)
    district = ctx.registry.name
    issuer_lines, suffix = _issuer_lines(b, rng, unit, district)
    day = report_date(rng, year)
    meta = header(b, rep, rng, ctx, unit, issuer_lines, suffix, place, day)
    trich_yeu = title(b, rng, year)
    issuer = register_issuer_org(b, unit)
    request = ctx.district_docs["request"]
    b.org("ubnd_huyen_tuan_giao", "UBND huyện Tuần Giáo", "co_quan")
    intro = (f"Thực hiện {cite(b, request, 'UBND huyện Tuần Giáo')}, {issuer} báo cáo kết quả công tác thi đua, "
             f"khen thưởng {ctx.period.label} như sau:")
    b.add("paragraph", intro)

    b.heading("I", "CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC PHONG TRÀO THI ĐUA", 1)
    who = "Ủy ban nhân dân" if unit.is_commune else ("nhà trường" if unit.kind == "truong" else "lãnh đạo cơ quan")
    if unit.is_commune:
        b.org(unit.id, who, "co_quan")  # "Ủy ban nhân dân" alone means the issuer
    where = "địa phương" if unit.is_commune else "đơn vị"
    b.add("paragraph", rng.choice(LEADERSHIP).format(who=who, Who=capitalize(who), where=where))
    plan = ctx.district_docs["plan"]
    if rng.random() < 0.7:
        b.org("ubnd_huyen_tuan_giao", "UBND huyện", "co_quan")
        serial = rng.choice([n for n in range(3, 31) if not plan.number.startswith(f"{n}/")])
        own_plan = DocRef(f"{serial:02d}/KH-{suffix.split('-', 1)[-1] if '-' in suffix else 'HĐTN'}", "KH", "Kế hoạch",
                          date(year, plan.day.month, min(28, plan.day.day + rng.randint(2, 9))) if plan.day.month == 2 else date(year, 2, rng.randint(3, 20)),
                          None, f"tổ chức phong trào thi đua năm {year}")
        text = f"Căn cứ {cite(b, plan, 'UBND huyện')}, {who} đã ban hành {cite(b, own_plan, None)}."
        b.add("paragraph", text)

    b.heading("II", "KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA", 1)
    sections = _results(b, ctx, rng, unit, stem)
    b.heading(str(len(sections) + 1), "Công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 2)
    people = exemplary_people(b, ctx, rng, unit, rng.randint(2, 3))
    ctx.exemplary.extend(people)

    b.heading("III", "CÔNG TÁC KHEN THƯỞNG", 1)
    awards_section(b, ctx, rng, unit, stem)

    _assessment(b, rng, ctx, where, issuer, year)
    b.org("phong_noi_vu", "Phòng Nội vụ huyện", "phong")
    recipients = ["UBND huyện Tuần Giáo (b/c);", "Phòng Nội vụ huyện;", "Lưu: VT."]
    key = "commune" if unit.is_commune else ("truong" if unit.kind == "truong" else (unit.id if unit.id in SIGNERS else "phong"))
    sign = signature(rep, ctx, key, unit.id, recipients, rng.randrange(2))
    metadata = dict(meta, issuer=unit.issuer, title=trich_yeu, period=ctx.period.gold(), **sign)
    rep.body = b.body
    rep.gold = finish(b, rep, metadata)
    ctx.reported_units.append(unit.id)
    if unit.is_commune:
        ctx.commune_ids.add(unit.id)
    if not unit.is_commune and unit.kind != "truong":
        ctx.office_figures[unit.id] = b.items["figures"]
    return rep


def _issuer_lines(b: Builder, rng: random.Random, unit: Unit, district: str) -> tuple[list[str], str]:
    """The header's issuer lines (superior body, then the unit) and the ký hiệu suffix."""
    if unit.is_commune:
        issuer_lines = ["ỦY BAN NHÂN DÂN", unit.full_name.upper()]
        suffix = "BC-UBND"
    elif unit.kind == "truong":
        sup = rng.choice(("UBND HUYỆN TUẦN GIÁO", "PHÒNG GD&ĐT TUẦN GIÁO"))
        issuer_lines = [sup, unit.full_name.upper() if len(unit.full_name) <= 34 else f"TRƯỜNG {unit.name.upper()}"]
        key = "ubnd_huyen_tuan_giao" if sup.startswith("UBND") else "phong_giao_duc_va_dao_tao"
        b.org(key, "UBND huyện Tuần Giáo" if key.startswith("ubnd") else "Phòng GD&ĐT Tuần Giáo", "co_quan" if key.startswith("ubnd") else "phong", optional=True)
        b.org(key, sup, "co_quan", optional=True)
        suffix = {"mam_non": "BC-MN", "tieu_hoc": "BC-TH", "thcs": "BC-THCS"}.get(unit.level or "", "BC-THCS")
    else:
        sup_line, sup_name = SUPERIOR.get(unit.id, ("UBND HUYỆN TUẦN GIÁO", "UBND huyện Tuần Giáo"))
        sup_key = "ubnd_huyen_tuan_giao" if sup_line.startswith("UBND") else f"sup_{unit.id}"
        b.org(sup_key, sup_name, "co_quan", optional=True)
        b.org(sup_key, sup_line, "co_quan", optional=True)
        own = unit.full_name.replace(f" huyện {district}", "") if unit.kind == "phong" else unit.full_name
        issuer_lines = [sup_line, own.upper()]
        suffix = DOC_SUFFIX.get(unit.id, "BC/HĐTN" if unit.id == "huyen_doan" else "BC")
    return issuer_lines, suffix


def _results(b: Builder, ctx: PeriodContext, rng: random.Random, unit: Unit, stem: str) -> list[tuple[str, tuple[str, ...], list[Indicator]]]:
    """Section II's figures, with the planted jump and magnitude slip of the last period."""
    sections = indicator_sections(ctx, unit)
    for n, (heading, leads, inds) in enumerate(sections, 1):
        b.heading(str(n), heading, 2)
        pairs = []
        for ind in inds:
            value = ctx.value(unit.id, ind)
            shrink = False
            if ctx.last_period and ind.id == "giai_quyet_viec_lam" and unit.id == ctx.plants.jump_unit:
                value = ctx_value_previous(ctx, unit, ind) * 5
                ctx.plants.records.append(plant("implausible_jump", stem, unit.id, ind.id, value, ctx_value_previous(ctx, unit, ind)))
            if ctx.last_period and ind.id == "dien_tich_rung_bao_ve" and unit.id == ctx.plants.magnitude_unit:
                shrink = True
                ctx.plants.records.append(plant("magnitude_1000x", stem, unit.id, ind.id, value, ctx_value_previous(ctx, unit, ind)))
            ctx.true_values[(unit.id, ind.id, ind.unit)] = value
            pairs.append((ind, value, shrink))
        figure_blocks(b, rng, pairs, leads)
    return sections


def _assessment(b: Builder, rng: random.Random, ctx: PeriodContext, where: str, issuer: str, year: int) -> None:
    """Sections IV and V and the closing sentence."""
    b.heading("IV", "ĐÁNH GIÁ CHUNG", 1)
    b.heading("1", "Ưu điểm", 2)
    b.add("paragraph", f"Các phong trào thi đua được triển khai đồng bộ, gắn với nhiệm vụ chính trị của {where}; "
                       "công tác khen thưởng bảo đảm đúng người, đúng thành tích, kịp thời.")
    b.heading("2", "Tồn tại, hạn chế", 2)
    b.add("paragraph", rng.choice(LIMITS))
    b.heading("V", f"PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM {year}", 1)
    for task in rng.sample(TASKS, 3):
        b.add("list_item", "- " + task.format(year=year))
    b.add("paragraph", f"Trên đây là báo cáo kết quả công tác thi đua, khen thưởng {ctx.period.label} của {issuer}./.")


def ctx_value_previous(ctx: PeriodContext, unit: Unit, ind: Indicator) -> Decimal:
    from tools.samplegen.context import PeriodContext as _P
    from tools.samplegen.context import PeriodSpec

    prev = _P(ctx.seed, PeriodSpec("prev", ctx.period.year - 1, ctx.period.index - 1), ctx.registry, ctx.plants, {}, False)
    return prev.value(unit.id, ind)


def plant(kind: str, stem: str, unit_id: str, indicator: str, value: Decimal, previous: Decimal) -> dict[str, Any]:
    if kind == "implausible_jump":
        finding = f"chỉ tiêu {indicator} tăng {as_json((value / previous - 1) * 100):.0f}% so với kỳ trước ({write(previous)} → {write(value)})"
    else:
        finding = (f"giá trị {indicator} ghi nhỏ hơn khoảng 1000 lần so với kỳ trước ({write(previous, 1)} → "
                   f"{write(value / 1000, 2)}): nghi đọc sai dấu phân cách hàng nghìn")
    return {"kind": kind, "document": stem, "unit": unit_id, "item": {"indicator_id": indicator},
            "true_value": as_json(value), "previous_value": as_json(previous), "expected_finding": finding}


def indicator_sections(ctx: PeriodContext, unit: Unit) -> list[tuple[str, tuple[str, ...], list[Indicator]]]:
    """Which indicators a unit reports: a stable subset per unit, the same in every period."""
    pick = random.Random(f"{ctx.seed}:{unit.id}:indicators")
    if unit.is_commune:
        economy = pick.sample(COMMUNE_ECONOMY, 5)
        society = pick.sample(COMMUNE_SOCIETY, 5)
        defence = pick.sample(COMMUNE_DEFENCE, 2)
        for planted, pool, chosen in ((ctx.plants.magnitude_unit, COMMUNE_ECONOMY, economy), (ctx.plants.jump_unit, COMMUNE_SOCIETY, society)):
            wanted = "dien_tich_rung_bao_ve" if pool is COMMUNE_ECONOMY else "giai_quyet_viec_lam"
            if unit.id == planted and all(i.id != wanted for i in chosen):
                chosen[-1] = next(i for i in pool if i.id == wanted)
        if unit.kind == "thi_tran":
            society = [i for i in society if i.id != "ban_dang_ky_van_hoa"]
        return [("Phong trào thi đua phát triển kinh tế", LEAD_ECONOMY, economy),
                ("Phong trào thi đua trên lĩnh vực văn hóa - xã hội", LEAD_SOCIETY, society),
                ("Phong trào thi đua bảo đảm quốc phòng - an ninh", LEAD_DEFENCE, defence)]
    if unit.kind == "truong":
        inds = list(SCHOOL_BY_LEVEL.get(unit.level or "thcs", ())) + pick.sample(SCHOOL_COMMON, 3)
        return [("Phong trào thi đua “Dạy tốt - Học tốt”", ("Kết quả năm học " + ctx.period.school_year,
                 "Chất lượng giáo dục được duy trì"), inds)]
    inds = list(OFFICE_INDICATORS.get(unit.id, ()))
    return [("Kết quả thực hiện nhiệm vụ chuyên môn", ("Kết quả nổi bật", "Trong 6 tháng đầu năm"), inds)]


def awards_section(b: Builder, ctx: PeriodContext, rng: random.Random, unit: Unit, stem: str) -> None:
    year = ctx.period.year
    reasons = REASONS + (REASONS_2021 if year == 2021 else REASONS_2020)
    b.heading("1", "Kết quả khen thưởng", 2)
    if unit.is_commune:
        giver = AWARDS["giay_khen_thi_tran" if unit.kind == "thi_tran" else "giay_khen_xa"]
        c, i = rng.randint(1, 6), rng.randint(3, 18)
        reason = rng.choice(reasons)
        clause, item = statement(rng, giver, "awarded", c, i)
        add_statement(b, clause, item, f"- {capitalize(clause)} có {reason}.", reason=reason)
        households = rng.randint(250, 1900)
        clause, item = statement(rng, AWARDS["gdvh"], "awarded", households=households)
        add_statement(b, clause, item, f"- Năm {year - 1}, {clause}.")
        if rng.random() < 0.6:
            ban = AWARDS["khoi_van_hoa" if unit.kind == "thi_tran" else "ban_van_hoa"]
            clause, item = statement(rng, ban, "awarded", collectives=rng.randint(2, 9))
            add_statement(b, clause, item, f"- {capitalize(clause)} năm {year - 1}.")
        if rng.random() < 0.35:
            clause, item = total_statement(rng, giver, rng.randint(15, 40))
            add_statement(b, clause, item, f"- Khen thưởng chuyên đề, đột xuất: {clause}.", reason="Khen thưởng chuyên đề, đột xuất")
    elif unit.kind == "truong":
        c = rng.randint(1, 4)
        clause, item = statement(rng, AWARDS["ttldtt"], "awarded", collectives=c, form="bullet")
        add_statement(b, clause, item, f"- {clause};")
        if unit.level != "mam_non" and rng.random() < 0.5:
            b.org(*GIVER_ORGS["giay_khen_thu_truong"], optional=True)
            clause, item = statement(rng, AWARDS["giay_khen_thu_truong"], "awarded", individuals=rng.randint(1, 4), form="bullet")
            add_statement(b, clause, item, f"- {clause}.", reason=f"thành tích xuất sắc năm học {ctx.period.school_year}")
    else:
        kind = {"cong_an_huyen": "giay_khen_cong_an", "huyen_doan": "giay_khen_doan", "hoi_lhpn_huyen": "bang_khen_hoi_tinh"}.get(unit.id, "bang_khen_tinh")
        if kind in GIVER_ORGS:
            b.org(*GIVER_ORGS[kind], optional=True)
        reason = rng.choice(reasons)
        clause, item = statement(rng, AWARDS[kind], "awarded", rng.randint(1, 3), rng.randint(1, 6))
        add_statement(b, clause, item, f"- {capitalize(clause)} vì có {reason}.", reason=reason)
        if rng.random() < 0.5:
            decision = DocRef(f"{rng.randint(100, 900)}/QĐ-UBND", "QĐ", "Quyết định", date(year, rng.randint(2, 5), rng.randint(1, 28)), None, "")
            clause, item = statement(rng, AWARDS["giay_khen_huyen"], "awarded", rng.randint(1, 3), rng.randint(2, 9))
            text = f"- {capitalize(clause)} ({decision.type_word} số {decision.number} ngày {decision.written_date})."
            add_statement(b, clause, item, text, decision=decision.number)
            b.item("references", decision.gold(None), f"{decision.type_word} số {decision.number} ngày {decision.written_date}")
    proposals(b, ctx, rng, unit, stem, reasons)


def proposals(b: Builder, ctx: PeriodContext, rng: random.Random, unit: Unit, stem: str, reasons: tuple[str, ...]) -> None:
    b.heading("2", "Đề nghị cấp trên khen thưởng", 2)
    last = ctx.last_period
    if unit.kind == "truong":
        rows = rng.randint(2, 4)
        kind = AWARDS["cstdcs"]
        clause, item = statement(rng, kind, "proposed", individuals=rows)
        text = f"{capitalize(clause)} năm học {ctx.period.school_year} (có danh sách kèm theo)."
        item = add_statement(b, clause, item, text, kind="paragraph")
        cell = unit.name if unit.name.startswith(("THCS", "Tiểu học", "Mầm non")) else unit.full_name
        b.org(unit.id, cell, "truong")
        listed = award_table(b, ctx, rng, unit, "Chiến sĩ thi đua cơ sở", rows, cell, SCHOOL_POSITIONS)
        item["recipients"] = listed
        if last and not ctx.same_name_people and unit.id != ctx.plants.duplicate_school:
            ctx.same_name_people.append({"name": listed[-1], "unit_id": unit.id, "stem": stem})
        if last and unit.id == ctx.plants.duplicate_school:
            ctx.school_proposals.append({"name": listed[0], "organization": cell, "unit_id": unit.id, "stem": stem})
        return
    kind = AWARDS["giay_khen_huyen"]
    rows = rng.randint(2, 5)
    stated = rows + 1 if last and unit.id == ctx.plants.mismatch_unit else rows
    reason = rng.choice(reasons)
    collectives = commune_collectives(ctx, unit) if unit.is_commune else []
    clause, item = statement(rng, kind, "proposed", collectives=len(collectives) or None, individuals=stated)
    text = f"{capitalize(clause)} có {reason} (có danh sách kèm theo)."
    item = add_statement(b, clause, item, text, reason=reason, kind="paragraph")
    ctx.huyen_proposals.setdefault(kind.id, [0, 0])[0] += len(collectives)
    ctx.huyen_proposals[kind.id][1] += stated
    cell = unit.authority.replace("Ủy ban nhân dân", "UBND") if unit.authority else unit.name
    b.org(unit.id, cell, "co_quan" if unit.is_commune else unit.kind)
    positions = COMMUNE_POSITIONS if unit.is_commune else OFFICE_POSITIONS
    extra = None
    if unit.id == "phong_giao_duc_va_dao_tao":
        extra = [{"name": p["name"], "role": "Giáo viên", "organization": p["organization"]} for p in ctx.school_proposals]
        for p in ctx.school_proposals:
            b.org(p["unit_id"], p["organization"], "truong")
        kind = AWARDS["cstdcs"]
        # Phòng GD&ĐT forwards the schools' proposals: the same person, the same title, twice.
        clause2, item2 = statement(rng, kind, "proposed", individuals=len(extra) + 2)
        item2 = add_statement(b, clause2, item2, f"{capitalize(clause2)} (có danh sách kèm theo).", kind="paragraph")
        listed2 = award_table(b, ctx, rng, unit, "Chiến sĩ thi đua cơ sở", len(extra) + 2, cell, OFFICE_POSITIONS, extra)
        item2["recipients"] = listed2
        for p in ctx.school_proposals:
            ctx.plants.records.append({"kind": "duplicate_award", "document": [p["stem"], stem], "unit": p["unit_id"],
                                       "item": {"name": p["name"], "award": kind.id},
                                       "expected_finding": f"{p['name']} được đề nghị “{kind.name}” hai lần trong kỳ {ctx.period.id}"})
    same = ctx.same_name_people.pop(0) if ctx.last_period and unit.id == ctx.plants.same_name_unit and \
        ctx.same_name_people else None
    extra_people = [{"name": same["name"], "role": positions[0], "organization": cell}] if same else None
    listed = award_table(b, ctx, rng, unit, "Giấy khen của Chủ tịch UBND huyện", rows, cell, positions,
                         extra_people, collectives)
    item["recipients"] = listed
    if same:
        ctx.plants.cases.append({"kind": "same_name_two_units", "document": [same["stem"], stem],
                                 "unit": [same["unit_id"], unit.id], "item": {"name": same["name"]},
                                 "expected": f"hai người tên {same['name']}, ở hai đơn vị, là hai người"})
    if collectives:
        ctx.plants.cases.append({"kind": "collective_recipients", "document": stem, "unit": unit.id,
                                 "item": {"award": kind.id, "recipients": [n for n, _ in collectives]},
                                 "expected": "tập thể được đề nghị khen thưởng tìm được theo tên"})
    if stated != rows:
        ctx.plants.records.append({"kind": "total_mismatch", "document": stem, "unit": unit.id,
                                   "item": {"award": kind.id, "stated_individuals": stated, "listed": rows},
                                   "expected_finding": f"báo cáo ghi {stated} cá nhân nhưng danh sách kèm theo chỉ có {rows} người"})


# --- the district's consolidated report --------------------------------------------------------


# --- the XLSX award list ------------------------------------------------------------------------


# --- the key --------------------------------------------------------------------------------------


def finish(b: Builder, rep: Report, metadata: dict[str, Any]) -> dict[str, Any]:
    """The gold extraction of the report (contract tdkt.extraction/1 with `quote` for provenance)."""
    texts = rep.text_blocks()
    body_first = texts[1:] + texts[:1]  # quote organizations from the body before the header
    organizations = b.organizations(body_first)
    for kind, items in b.items.items():
        for item in items:
            if not any(item["quote"] in t for t in texts):
                raise ValueError(f"{rep.stem}: {kind} quote not in text: {item['quote']!r}")
    return {
        "schema": "tdkt.extraction/1",
        "source": {"file": "", "format": "", "ocr": False, "encoding_repaired": None},
        "metadata": metadata,
        "sections": b.sections,
        "figures": b.items["figures"],
        "awards": b.items["awards"],
        "people": b.items["people"],
        "organizations": organizations,
        "references": b.items["references"],
    }
