"""Statistical tables of commendations, in the shape of the home-affairs reporting forms.

Thông tư 02/2023/TT-BNV (chế độ báo cáo thống kê ngành Nội vụ) has, for thi đua, khen thưởng,
biểu 0602.N/BNV-TĐKT "số lượng khen thưởng cấp Nhà nước" and biểu 0603.N/BNV-TĐKT "khen thưởng
cấp bộ, ban, ngành, tỉnh". UNCERTAIN: the form titles come from a vendor's templates
(/work/shared/domain/awards.yaml, tt_02_2023_bnv, `uncertain: true`); the official row and column
layout was not available. The structure below is therefore the project's own, built from what is
known: rows are the award forms of the level (grouped as Luật Thi đua, khen thưởng groups them:
huân chương, huy chương, danh hiệu vinh dự, giải thưởng, cờ thi đua, bằng khen, danh hiệu thi đua,
giấy khen), columns are tập thể / cá nhân / hộ gia đình for proposals and for decisions, and the
individuals are split into "người trực tiếp công tác, lao động, sản xuất" and leaders (the
recipient categories of the vendor templates, also `uncertain` there). The same table is made for
the district and commune levels, which the Thông tư does not cover, and one more table counts by
kind of commendation (loại hình, Điều 8 Luật 2022).
"""
from __future__ import annotations

import re

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aggregate.model import AwardItem, Counts, DistrictTotals, KindTable, Recipient, Statistics, StatRow, StatTable
from domain.taxonomy import AwardType, load_taxonomy
from domain.text import fold, normalize_text

# (sheet id, title, taxonomy levels)
LEVEL_SHEETS: tuple[tuple[str, str, tuple[str | None, ...]], ...] = (
    ("0602", "Biểu 0602: Số lượng khen thưởng cấp Nhà nước", ("nha_nuoc", "chinh_phu")),
    ("0603", "Biểu 0603: Số lượng khen thưởng cấp bộ, ban, ngành, tỉnh", ("bo_tinh",)),
    ("huyen", "Số lượng khen thưởng cấp huyện", ("huyen",)),
    ("co_so", "Số lượng khen thưởng cấp xã, cơ sở", ("co_so",)),
    ("khong_ro", "Khen thưởng chưa xác định được cấp", (None,)),
)
GROUP_LABELS = {
    "huan_chuong": "Huân chương", "huy_chuong": "Huy chương",
    "danh_hieu_vinh_du_nha_nuoc": "Danh hiệu vinh dự nhà nước", "giai_thuong": "Giải thưởng",
    "co_thi_dua": "Cờ thi đua", "bang_khen": "Bằng khen", "danh_hieu": "Danh hiệu thi đua",
    "ky_niem_chuong": "Kỷ niệm chương", "giay_khen": "Giấy khen", None: "Khác",
}
# Điều 8 Luật Thi đua, khen thưởng 2022: loại hình khen thưởng; words that state it in a report
KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cong_trang", "Công trạng, thường xuyên", ("thuong xuyen", "tong ket nam", "cong trang", "dinh ky",
                                                "nam hoc", "hang nam")),
    ("chuyen_de", "Theo đợt, chuyên đề", ("chuyen de", "theo dot", "tong ket phong trao")),
    ("dot_xuat", "Đột xuất", ("dot xuat",)),
    ("nien_han", "Niên hạn", ("nien han",)),
    ("doi_ngoai", "Đối ngoại", ("doi ngoai", "nguoi nuoc ngoai")),
    ("cong_hien", "Quá trình cống hiến", ("cong hien",)),
)
# reports often count the two together ("Chuyên đề, đột xuất: 39 tập thể"): kept as one row
BOTH_KIND = ("chuyen_de_dot_xuat", "Chuyên đề, đột xuất (không tách riêng)")
UNKNOWN_KIND = ("khong_ro", "Không rõ")
KIND_LABELS = dict([(k, label) for k, label, _ in KINDS] + [BOTH_KIND, UNKNOWN_KIND])

# a role naming a leading post; "trưởng" and "phó" as whole words ("trường", "phố" are not posts)
LEADER = re.compile(
    r"\b(chủ tịch|phó|trưởng|hiệu trưởng|giám đốc|bí thư|thủ trưởng|chánh|chỉ huy|lãnh đạo|tổng biên tập)\b"
)
# a word of address alone says nothing about the work
HONORIFICS = {"ong", "ba", "anh", "chi", "co", "chu", "bac", "dong chi", "em", "thay"}
ROLE_CLASSES = ("truc_tiep", "lanh_dao", "khong_ro")


def commendation_kind(text: str) -> str:
    """The kind of commendation the statement's words state, else "khong_ro"."""
    folded = fold(text)
    found = [k for k, _, words in KINDS if any(re.search(rf"\b{fold(w)}\b", folded) for w in words)]
    if set(found) == {"chuyen_de", "dot_xuat"}:
        return BOTH_KIND[0]
    return found[0] if len(found) == 1 else UNKNOWN_KIND[0]


def role_class(role: str | None) -> str:
    """"lanh_dao" for a leading post, "truc_tiep" for any other stated work, "khong_ro" otherwise."""
    if not role or not role.strip():
        return "khong_ro"
    text = normalize_text(role).lower()
    if LEADER.search(text):
        return "lanh_dao"
    return "khong_ro" if fold(text) in HONORIFICS else "truc_tiep"


def recipient_role(recipient: str, context: str | None = None) -> str | None:
    """The post of a named recipient: written after the name ("Lò Văn A, Chủ tịch UBND xã"), or,
    in a list table (STT | Họ và tên | Chức vụ | Đơn vị), the cell after the name's cell."""
    parts = re.split(r",| - | – |\(", recipient, maxsplit=1)
    if len(parts) == 2:
        return parts[1].strip(" )")
    key = fold(recipient)
    for line in (context or "").splitlines():
        cells = [c.strip() for c in line.split(" | ")]
        for i, cell in enumerate(cells[:-1]):
            if fold(cell) == key:
                return cells[i + 1] or None
    return None


def role_of(recipient: Recipient) -> str | None:
    """The recipient's post from its own text, its block (list table) or its quote."""
    return (recipient_role(recipient.contribution.raw, recipient.context)
            or recipient_role(recipient.contribution.raw, recipient.contribution.quote))


def item_counts(item: AwardItem) -> Counts:
    """The statement's counts; its named people split by role, the others of unknown role."""
    direct = leaders = 0
    for r in item.recipients:
        if r.kind == "person":
            cls = role_class(role_of(r))
            direct += cls == "truc_tiep"
            leaders += cls == "lanh_dao"
    unknown = item.individuals - direct - leaders
    if item.status == "proposed":
        return Counts(proposed_collectives=item.collectives, proposed_individuals=item.individuals,
                      proposed_direct=direct, proposed_leaders=leaders, proposed_unknown_role=unknown,
                      proposed_households=item.households)
    return Counts(collectives=item.collectives, individuals=item.individuals, direct=direct, leaders=leaders,
                  unknown_role=unknown, households=item.households)


def _sheet_of(award: AwardType | None) -> str:
    level = award.level if award else None
    return next((sid for sid, _, levels in LEVEL_SHEETS if level in levels), "khong_ro")


def period_statistics(totals: DistrictTotals) -> Statistics:
    """The statistics sheets of a period: from the units' award statements, or from the
    district's own report when no unit has reported."""
    return build_statistics(totals.award_items or totals.district_award_items)


def build_statistics(items: list[AwardItem]) -> Statistics:
    taxonomy = load_taxonomy()
    per_award: dict[str, Counts] = {}
    kinds: dict[str, dict[str, Counts]] = {k: {} for k in KIND_LABELS}
    for item in items:
        counts = item_counts(item)
        per_award.setdefault(item.award_id, Counts()).add(counts)
        sheet = _sheet_of(taxonomy.awards.get(item.award_id))
        kinds[commendation_kind(item.text)].setdefault(sheet, Counts()).add(counts)
    tables = [_table(sid, title, levels, per_award, taxonomy.awards) for sid, title, levels in LEVEL_SHEETS]
    return Statistics(tables, KindTable([(sid, title) for sid, title, _ in LEVEL_SHEETS], kinds))


def _table(sid: str, title: str, levels: tuple[str | None, ...], per_award: dict[str, Counts],
           awards: dict[str, AwardType]) -> StatTable:
    """Every award form of the level (a form's fixed rows), grouped; unknown ids at the end."""
    table = StatTable(sid, title)
    members = [a for a in awards.values() if a.level in levels and a.id != "khong_ro"]
    if None in levels:
        members = [awards["khong_ro"], *members] if "khong_ro" in awards else members
        members += [AwardType(i, i, None) for i in per_award if i not in awards]
    for group in dict.fromkeys(a.group for a in members):
        group_row = StatRow(group or "khac", GROUP_LABELS.get(group, group or "Khác"), group=True)
        table.rows.append(group_row)
        for award in (a for a in members if a.group == group):
            counts = per_award.get(award.id, Counts())
            table.rows.append(StatRow(award.id, award.name, counts))
            group_row.counts.add(counts)
            table.total.add(counts)
    return table


# --- XLSX --------------------------------------------------------------------------------------

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD = Font(name="Times New Roman", bold=True, size=12)
NORMAL = Font(name="Times New Roman", size=12)
NCOLS = 15  # STT, form, 6 proposed, 7 awarded
ROLE_HEADERS = ("Tổng số", "Người trực tiếp công tác, lao động, sản xuất", "Lãnh đạo, quản lý",
                "Không rõ chức vụ")
UNCERTAIN_NOTE = ("Cấu trúc biểu do tdkt lập theo Thông tư 02/2023/TT-BNV; chưa đối chiếu được mẫu biểu gốc "
                  "(hàng, cột có thể khác).")


def write_statistics(wb: Workbook, stats: Statistics, subtitle: str) -> None:
    """One sheet per level table and one by kind of commendation, with merged header rows."""
    for table in stats.tables:
        _level_sheet(wb.create_sheet(_sheet_name(table)), table, subtitle)
    _kind_sheet(wb.create_sheet("Theo loại hình"), stats.kinds, subtitle)


def _sheet_name(table: StatTable) -> str:
    names = {"0602": "Biểu 0602", "0603": "Biểu 0603", "huyen": "Cấp huyện", "co_so": "Cấp xã",
             "khong_ro": "Chưa rõ cấp"}
    return names.get(table.id, table.id)[:31]


def _title(ws: Worksheet, title: str, subtitle: str, ncols: int) -> None:
    for row, text, font in ((1, title, Font(name="Times New Roman", bold=True, size=14)),
                            (2, subtitle, Font(name="Times New Roman", italic=True, size=12)),
                            (3, UNCERTAIN_NOTE, Font(name="Times New Roman", italic=True, size=10))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        cell = ws.cell(row, 1, text)
        cell.font, cell.alignment = font, CENTER


def _header(ws: Worksheet, r1: int, c1: int, r2: int, c2: int, text: str) -> None:
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(r, c).border = BOX
    cell = ws.cell(r1, c1, text)
    cell.font, cell.alignment = BOLD, CENTER


def _level_headers(ws: Worksheet) -> None:
    """Rows 5-8: the two blocks (proposed, awarded), each with the individuals split by role."""
    _header(ws, 5, 1, 7, 1, "STT")
    _header(ws, 5, 2, 7, 2, "Hình thức khen thưởng")
    _header(ws, 5, 3, 5, 8, "Đề nghị")
    _header(ws, 5, 9, 5, 15, "Đã khen thưởng (quyết định)")
    _header(ws, 6, 9, 7, 9, "Tổng số")
    for first in (3, 10):  # tập thể, cá nhân (4 columns), hộ gia đình
        _header(ws, 6, first, 7, first, "Tập thể")
        _header(ws, 6, first + 1, 6, first + 4, "Cá nhân")
        for i, text in enumerate(ROLE_HEADERS):
            _header(ws, 7, first + 1 + i, 7, first + 1 + i, text)
        _header(ws, 6, first + 5, 7, first + 5, "Hộ gia đình")
    for col in range(1, NCOLS + 1):
        cell = ws.cell(8, col, f"({col})")
        cell.font, cell.alignment, cell.border = NORMAL, CENTER, BOX


def _level_sheet(ws: Worksheet, table: StatTable, subtitle: str) -> None:
    _title(ws, table.title, subtitle, NCOLS)
    _level_headers(ws)
    row = 9
    number = 0
    for stat in table.rows:
        if stat.group:
            label, font = stat.label.upper(), BOLD
        else:
            number += 1
            label, font = stat.label, NORMAL
        _data_row(ws, row, "" if stat.group else str(number), label, stat.counts.row(), font)
        row += 1
    _data_row(ws, row, "", "TỔNG CỘNG", table.total.row(), BOLD)
    ws.cell(row + 2, 2, _share_note("khen thưởng", table.direct_share, table.total.individuals,
                                    table.total.unknown_role)).font = Font(name="Times New Roman", italic=True, size=12)
    ws.cell(row + 3, 2, _share_note("đề nghị", table.proposed_direct_share, table.total.proposed_individuals,
                                    table.total.proposed_unknown_role)).font = Font(name="Times New Roman", italic=True,
                                                                                    size=12)
    _widths(ws, [6, 44] + [10] * (NCOLS - 2))
    ws.freeze_panes = "C9"


def _share_note(what: str, share: float | None, individuals: int, unknown: int) -> str:
    head = f"Tỷ lệ cá nhân được {what} là người trực tiếp công tác, lao động, sản xuất: "
    if not individuals:
        return head + "không có cá nhân"
    if share is None:
        return head + f"chưa xác định được (cả {individuals} cá nhân không rõ chức vụ)"
    return head + f"{share * 100:.1f}%".replace(".", ",") + f" (không rõ chức vụ: {unknown} cá nhân)"


def _data_row(ws: Worksheet, row: int, number: str, label: str, values: list[int], font: Font) -> None:
    cells = [number, label, *values]
    for col, value in enumerate(cells, start=1):
        cell = ws.cell(row, col, value)
        cell.font, cell.border = font, BOX
        cell.alignment = Alignment(horizontal="left" if col == 2 else "center", vertical="center", wrap_text=True)


def _kind_sheet(ws: Worksheet, kinds: KindTable, subtitle: str) -> None:
    ncols = 2 + 3 * len(kinds.levels) + 3
    _title(ws, "Số lượng khen thưởng theo loại hình khen thưởng", subtitle, ncols)
    _header(ws, 5, 1, 6, 1, "STT")
    _header(ws, 5, 2, 6, 2, "Loại hình khen thưởng")
    labels = [(sid, label.split(": ")[-1]) for sid, label in kinds.levels] + [("all", "Tổng số")]
    for i, (_, label) in enumerate(labels):
        col = 3 + 3 * i
        _header(ws, 5, col, 5, col + 2, label)
        for j, text in enumerate(("Tập thể", "Cá nhân", "Hộ gia đình")):
            _header(ws, 6, col + j, 6, col + j, text)
    row = 7
    for n, (kind, per_level) in enumerate(kinds.rows.items(), start=1):
        values, total = [], Counts()
        for sid, _ in kinds.levels:
            c = per_level.get(sid, Counts())
            values += [c.collectives + c.proposed_collectives, c.individuals + c.proposed_individuals,
                       c.households + c.proposed_households]
            total.add(c)
        values += [total.collectives + total.proposed_collectives, total.individuals + total.proposed_individuals,
                   total.households + total.proposed_households]
        _data_row(ws, row, str(n), KIND_LABELS[kind], values, NORMAL)
        row += 1
    ws.cell(row + 1, 2, "Số liệu gồm cả khen thưởng đã quyết định và đề nghị; loại hình lấy từ lời văn báo cáo, "
                        "không nêu thì ghi “Không rõ”.").font = Font(name="Times New Roman", italic=True, size=11)
    _widths(ws, [6, 40] + [10] * (ncols - 2))


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def statistics_json(stats: Statistics) -> dict[str, object]:
    def counts(c: Counts) -> dict[str, int]:
        return {**vars(c), "total": c.total}

    return {
        "tables": [{"id": t.id, "title": t.title, "total": counts(t.total), "direct_share": t.direct_share,
                    "rows": [{"key": r.key, "label": r.label, "group": r.group, **counts(r.counts)}
                             for r in t.rows if r.group or r.counts.total or r.counts.row()[:3] != [0, 0, 0]]}
                   for t in stats.tables],
        "by_kind": {kind: {sid: counts(c) for sid, c in per.items()} for kind, per in stats.kinds.rows.items()},
    }
