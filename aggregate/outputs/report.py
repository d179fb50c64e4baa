"""The consolidated district report (DOCX) in the layout of Nghị định 30/2020/NĐ-CP.

Layout (Phụ lục I of the decree): A4; margins top and bottom 20-25 mm, left 30-35 mm, right
15-20 mm; Times New Roman 13-14 pt; the header table (issuing body with a short rule under it and
the number on the left, the national motto with its rule and the place and date on the right),
the document type and its trích yếu centred, the body, then the signature table (Nơi nhận on the
left, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH on the right). Every number in the text comes from
`DistrictTotals`, i.e. from the stored facts; names come from the registry, never from here.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from aggregate.computations.statistics import role_of
from aggregate.model import AwardTotal, DistrictTotals, FigureTotal, Recipient
from aggregate.outputs.format import (
    MILLION,
    STATUS_WORDS,
    display,
    format_number,
    format_quantity,
    period_label,
    report_year,
)
from aggregate.outputs.output import atomic_write
from domain.registry import Registry

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 12
# lĩnh vực of the indicator catalogue, grouped as district reports group their movements
FIELD_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Lĩnh vực kinh tế", (
        ("nong_nghiep", "Nông nghiệp, thủy sản"), ("lam_nghiep", "Lâm nghiệp"),
        ("cong_nghiep", "Công nghiệp - Tiểu thủ công nghiệp"), ("kinh_doanh", "Thương mại - Dịch vụ"),
        ("kinh_te", "Kinh tế chung"), ("tai_chinh", "Tài chính - Ngân sách"),
        ("khoa_hoc", "Khoa học - Công nghệ"), ("dat_dai", "Tài nguyên - Môi trường"))),
    ("Lĩnh vực văn hóa - xã hội", (
        ("giao_duc", "Giáo dục và Đào tạo"), ("van_hoa", "Văn hóa - Thông tin"), ("y_te", "Y tế"),
        ("lao_dong", "Lao động, việc làm"), ("xa_hoi", "An sinh xã hội, giảm nghèo"))),
    ("Lĩnh vực quốc phòng - an ninh", (("quoc_phong", "Quốc phòng"), ("an_ninh", "An ninh, trật tự"))),
    ("Xây dựng nông thôn mới", (("nong_thon_moi", "Nông thôn mới"),)),
    ("Lĩnh vực khác", (("thi_dua", "Thi đua"), ("khac", "Khác"))),
)
LEVEL_TITLES = (
    (("nha_nuoc", "chinh_phu"), "Khen thưởng cấp Nhà nước"),
    (("bo_tinh",), "Khen thưởng cấp bộ, ban, ngành, tỉnh"),
    (("huyen",), "Khen thưởng cấp huyện"),
    (("co_so",), "Khen thưởng cấp cơ sở"),
    ((None,), "Khen thưởng chưa xác định được hình thức, cấp khen"),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI")
KIND_WORDS = {"xa": "Xã", "thi_tran": "Thị trấn", "truong": "Trường học", "phong": "Phòng, ban chuyên môn",
              "co_quan": "Cơ quan, đơn vị", "doan_the": "Đoàn thể", "don_vi_vu_trang": "Đơn vị vũ trang",
              "doanh_nghiep": "Doanh nghiệp"}


def write_report(totals: DistrictTotals, registry: Registry, path: Path) -> None:
    atomic_write(path, lambda tmp: build_report(totals, registry).save(str(tmp)))


def build_report(totals: DistrictTotals, registry: Registry) -> DocxDocument:
    doc = new_docx()
    _page_setup(doc)
    _header_table(doc, registry, totals.period)
    _title(doc, totals.period)
    _intro(doc, totals, registry)
    sections = (_figures_section, _awards_section, _examples_section, _missing_section)
    for number, section in zip(ROMAN, sections):
        section(doc, number, totals, registry)
    _closing(doc, totals.period, registry)
    _signature_table(doc, registry)
    return doc


# --- page and text helpers ---------------------------------------------------------------------


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)
    # Word takes Vietnamese letters from the East Asian and complex-script font slots too
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.space_before = Pt(0)
    _page_numbers(section)


def _page_numbers(section) -> None:
    """Nghị định 30/2020, Phụ lục I: the page number in Arabic numerals, centred at the top,
    from the second page on (the first page has none)."""
    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    run.font.name, run.font.size = FONT, Pt(BODY_PT - 1)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text  # shown until the field is updated
        run._r.append(element)


def _para(container: DocxDocument | _Cell, text: str = "", *, bold: bool = False, italic: bool = False,
          size: int | None = None, align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY,
          indent: bool = False, after: int | None = None) -> Paragraph:
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(1.27)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _cell_para(cell: _Cell, text: str, **kw: object) -> Paragraph:
    """The cell's first (empty) paragraph is used before new ones are added."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.text and not first.runs:
        first._element.getparent().remove(first._element)
    kw.setdefault("align", WD_ALIGN_PARAGRAPH.CENTER)
    kw.setdefault("after", 0)
    return _para(cell, text, **kw)  # type: ignore[arg-type]


def _short_rule(cell: _Cell, indent_cm: float) -> None:
    """The short line under the issuer and the motto: a bottom border on an indented empty line."""
    p = _cell_para(cell, "", size=2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(indent_cm)
    p_pr = p._element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)
    p.paragraph_format.space_after = Pt(4)


def _table(doc: DocxDocument, widths_cm: Iterable[float], rows: int = 0, grid: bool = True) -> Table:
    widths = list(widths_cm)
    table = doc.add_table(rows=rows, cols=len(widths))
    if grid:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # LibreOffice lays out by the grid columns, Word by the cells: set both
    for column, w in zip(table.columns, widths):
        column.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Cm(w)
    return table


def _add_row(table: Table, values: list[str], widths_cm: list[float], bold: bool = False) -> None:
    cells = table.add_row().cells
    for i, (cell, value, w) in enumerate(zip(cells, values, widths_cm)):
        cell.width = Cm(w)
        align = WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER
        _cell_para(cell, value, bold=bold, size=TABLE_PT, align=align)


# --- header, title, signature ------------------------------------------------------------------


def _header_table(doc: DocxDocument, registry: Registry, period: str) -> None:
    table = _table(doc, (6.0, 10.5), rows=1, grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "ỦY BAN NHÂN DÂN", size=HEADER_PT)
    _cell_para(left, registry.full_name.upper(), bold=True, size=HEADER_PT)
    _short_rule(left, 1.8)
    _cell_para(left, "Số:       /BC-UBND", size=HEADER_PT)
    _cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=HEADER_PT)
    _cell_para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=BODY_PT)
    _short_rule(right, 2.4)
    _cell_para(right, f"{registry.name}, ngày      tháng      năm {report_year(period)}", italic=True,
               size=BODY_PT)


def _title(doc: DocxDocument, period: str) -> None:
    _para(doc, "", after=0)
    _para(doc, "BÁO CÁO", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, f"Tổng hợp kết quả công tác thi đua, khen thưởng {period_label(period)}", bold=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def _signature_table(doc: DocxDocument, registry: Registry) -> None:
    _para(doc, "", after=0)
    table = _table(doc, (8.0, 8.5), rows=1, grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in (f"- Sở Nội vụ tỉnh {registry.province} (Ban Thi đua - Khen thưởng);",
                 f"- Thường trực Huyện ủy, HĐND {registry.full_name};", "- Lãnh đạo UBND huyện;",
                 "- Hội đồng Thi đua - Khen thưởng huyện;", "- Lưu: VT, NV."):
        _cell_para(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_para(right, "TM. ỦY BAN NHÂN DÂN", bold=True, size=BODY_PT)
    _cell_para(right, "CHỦ TỊCH", bold=True, size=BODY_PT)


# --- body --------------------------------------------------------------------------------------


def _heading(doc: DocxDocument, text: str, level: int = 1) -> None:
    _para(doc, text, bold=True, italic=level > 2, indent=True, after=6)


def _intro(doc: DocxDocument, totals: DistrictTotals, registry: Registry) -> None:
    label = period_label(totals.period)
    if not totals.documents:
        text = (f"Chưa có báo cáo của cơ quan, đơn vị, địa phương nào cho kỳ {label}. "
                + ("Số liệu dưới đây là số liệu trong báo cáo của huyện, để đối chiếu:" if totals.district_documents
                   else "Báo cáo chưa có số liệu tổng hợp."))
        _para(doc, text, indent=True)
        return
    communes = sum(1 for d in totals.documents if d.unit_id in {u.id for u in registry.communes()})
    text = (f"Trên cơ sở báo cáo của {len(totals.documents)} cơ quan, đơn vị, địa phương ({communes} xã, thị trấn) "
            f"gửi về, Ủy ban nhân dân {registry.full_name} tổng hợp kết quả công tác thi đua, khen thưởng {label} "
            "như sau")
    if totals.district_documents:
        text += " (số liệu trong báo cáo của huyện được ghi riêng để đối chiếu, không cộng vào tổng)"
    _para(doc, text + ":", indent=True)


def _figures_section(doc: DocxDocument, number: str, totals: DistrictTotals, _registry: Registry) -> None:
    _heading(doc, f"{number}. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA THEO LĨNH VỰC")
    figures = totals.figures if totals.documents else totals.district_figures
    if not figures:
        _para(doc, "Các báo cáo chưa có số liệu cộng được theo chỉ tiêu.", indent=True)
    by_field: dict[str, list[FigureTotal]] = {}
    for total in figures:
        by_field.setdefault(total.field, []).append(total)
    known = {f for _, fields in FIELD_GROUPS for f, _ in fields}
    for extra in [f for f in by_field if f not in known]:
        by_field.setdefault("khac", []).extend(by_field.pop(extra))
    n = 0
    for group, fields in FIELD_GROUPS:
        present = [(f, label) for f, label in fields if by_field.get(f)]
        if not present:
            continue
        n += 1
        _heading(doc, f"{n}. {group}", level=2)
        for fld, label in present:
            parts = [_figure_phrase(t, bool(totals.documents)) for t in by_field[fld]]
            _para(doc, f"- {label}: " + "; ".join(parts) + ".", indent=True)
    _figures_table(doc, totals)
    if totals.not_comparable:
        _para(doc, f"Có {len(totals.not_comparable)} số liệu không cộng được (chưa xác định được chỉ tiêu, "
                   "tỷ lệ, bình quân hoặc khoảng giá trị), được liệt kê tại Phụ lục kèm theo.", italic=True,
              indent=True)


def _figure_phrase(total: FigureTotal, counted: bool) -> str:
    phrase = f"{total.name} {format_quantity(total.value, total.unit)}"
    if total.covered:
        return f"{phrase} ({scope_note(total)})"
    return f"{phrase} ({total.units_reporting} đơn vị báo cáo)" if counted else phrase


def scope_note(total: FigureTotal) -> str:
    """Which figure the total takes when an office's figure already counts its units', and why."""
    offices = ", ".join(total.offices)
    units = len({c.document.id for c in total.covered})
    return (f"số của {offices}, toàn huyện; {units} đơn vị trực thuộc báo cáo "
            f"{format_quantity(total.covered_value, total.unit)}, đã nằm trong số này, không cộng thêm")


FIGURE_WIDTHS = [1.0, 4.6, 2.2, 1.9, 1.6, 2.2, 2.5]


def _figures_table(doc: DocxDocument, totals: DistrictTotals) -> None:
    district = {(t.indicator_id, t.unit): t for t in totals.district_figures}
    keys = [(t.indicator_id, t.unit) for t in totals.figures]
    keys += [k for k in district if k not in set(keys)]
    if not keys:
        return
    mine = {(t.indicator_id, t.unit): t for t in totals.figures}
    _para(doc, "Bảng 1. Tổng hợp số liệu theo chỉ tiêu", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    table = _table(doc, FIGURE_WIDTHS)
    _add_row(table, ["STT", "Chỉ tiêu", "Tổng số", "Đơn vị tính", "Số đơn vị báo cáo",
                     "Các đơn vị trực thuộc (đã có trong tổng)", "Báo cáo của huyện"], FIGURE_WIDTHS, bold=True)
    for i, key in enumerate(keys, start=1):
        own, dist = mine.get(key), district.get(key)
        name = (own or dist).name  # type: ignore[union-attr]
        _, unit = display((own or dist).value, key[1])  # type: ignore[union-attr]
        inside = "—"
        if own and own.covered:
            inside = f"{_in_value(own.covered_value, unit)} ({len({c.document.id for c in own.covered})} đơn vị)"
        _add_row(table, [str(i), name, _in_unit(own, unit), unit, str(own.units_reporting) if own else "0",
                         inside, _in_unit(dist, unit)], FIGURE_WIDTHS)
    _para(doc, "", after=0)


def _in_unit(total: FigureTotal | None, unit: str) -> str:
    """The total written in the table row's unit ("triệu đồng" rows in millions)."""
    if total is None:
        return "—"
    return _in_value(total.value, unit)


def _in_value(value, unit: str) -> str:
    return format_number(value / MILLION if unit == "triệu đồng" else value)


AWARD_WIDTHS = [1.2, 6.3, 1.9, 1.9, 2.0, 3.2]


def _awards_section(doc: DocxDocument, number: str, totals: DistrictTotals, _registry: Registry) -> None:
    _heading(doc, f"{number}. KẾT QUẢ KHEN THƯỞNG")
    awards = totals.awards if totals.documents else totals.district_awards
    if not awards:
        _para(doc, "Các báo cáo chưa nêu kết quả khen thưởng.", indent=True)
        return
    n = 0
    for levels, title in LEVEL_TITLES:
        rows = [a for a in awards if a.level in levels]
        if not rows:
            continue
        n += 1
        _heading(doc, f"{n}. {title}", level=2)
        for a in rows:
            _para(doc, f"- {_award_label(a)}: {_award_counts(a)} ({STATUS_WORDS.get(a.status, a.status)}).",
                  indent=True)
    for status in ("awarded", "proposed"):
        done = [a for a in awards if a.status == status]
        if done:
            summary = _award_counts(_sum(done))
            _para(doc, f"Tổng số {STATUS_WORDS[status]}: {summary}.", bold=True, indent=True)
    _awards_table(doc, awards)


def _award_label(a: AwardTotal) -> str:
    return "Chưa xác định được hình thức khen thưởng" if a.award_id == "khong_ro" else a.name


def _award_counts(a: AwardTotal) -> str:
    parts = [f"{format_number(v)} {word}" for v, word in
             ((a.collectives, "tập thể"), (a.individuals, "cá nhân"), (a.households, "hộ gia đình")) if v]
    return ", ".join(parts) if parts else f"{format_number(a.total)} lượt"


def _sum(awards: list[AwardTotal]) -> AwardTotal:
    out = AwardTotal("tong", "Tổng", None, None, awards[0].status)
    for a in awards:
        out.collectives += a.collectives
        out.individuals += a.individuals
        out.households += a.households
        out.total += a.total
    return out


def _awards_table(doc: DocxDocument, awards: list[AwardTotal]) -> None:
    _para(doc, "Bảng 2. Tổng hợp kết quả khen thưởng", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    table = _table(doc, AWARD_WIDTHS)
    _add_row(table, ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Hộ gia đình", "Tình trạng"],
             AWARD_WIDTHS, bold=True)
    for i, a in enumerate(awards, start=1):
        _add_row(table, [str(i), _award_label(a), format_number(a.collectives), format_number(a.individuals),
                         format_number(a.households), STATUS_WORDS.get(a.status, a.status)], AWARD_WIDTHS)
    _para(doc, "", after=0)


MAX_EXAMPLES = 30  # the report names this many; the appendix lists everyone
# section III: the named recipients, those already awarded apart from those only proposed
EXAMPLE_PARTS = (("awarded", "Tập thể, cá nhân được khen thưởng"), ("proposed", "Tập thể, cá nhân được đề nghị khen thưởng"))


def _examples_section(doc: DocxDocument, number: str, totals: DistrictTotals, registry: Registry) -> None:
    _heading(doc, f"{number}. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN")
    if not totals.recipients:
        _para(doc, "Các báo cáo chưa nêu tên tập thể, cá nhân điển hình.", indent=True)
        return
    from domain.taxonomy import load_taxonomy

    awards = load_taxonomy().awards
    names = {u.id: u.full_name for u in registry.units}
    for n, (status, title) in enumerate(((s, t) for s, t in EXAMPLE_PARTS
                                         if any(r.status == s for r in totals.recipients)), start=1):
        _heading(doc, f"{n}. {title}", level=2)
        named = [r for r in totals.recipients if r.status == status]
        people = [r for r in named if r.kind == "person"]
        collectives = [r for r in named if r.kind != "person"]
        if collectives:
            listed = list(dict.fromkeys(r.name for r in collectives))
            _para(doc, f"- Tập thể: {'; '.join(listed[:MAX_EXAMPLES])}{_more(len(listed))}.", indent=True)
        for r in people[:MAX_EXAMPLES]:
            _para(doc, f"- {_person(r, names)}: {_award_name(r, awards)}.", indent=True)
        if len(people) > MAX_EXAMPLES:
            _para(doc, f"- Và {len(people) - MAX_EXAMPLES} cá nhân khác (danh sách tại Phụ lục).", indent=True)


def _more(count: int) -> str:
    return f" và {count - MAX_EXAMPLES} tập thể khác (danh sách tại Phụ lục)" if count > MAX_EXAMPLES else ""


def _person(r: Recipient, unit_names: dict[str, str]) -> str:
    title = {"nam": "Ông", "nu": "Bà"}.get(r.gender or "", "")
    name = f"{title} {r.name}".strip()
    role = role_of(r)
    unit = unit_names.get(r.unit_id or "") or r.contribution.document.unit_name
    where = ", ".join(x for x in (role, unit) if x)
    return f"{name} ({where})" if where else name


def _award_name(r: Recipient, awards: dict[str, object]) -> str:
    award = awards.get(r.award_id)
    name = getattr(award, "name", r.award_id)
    return f"{name} ({STATUS_WORDS.get(r.status, r.status)})"


def _missing_section(doc: DocxDocument, number: str, totals: DistrictTotals, _registry: Registry) -> None:
    _heading(doc, f"{number}. ĐƠN VỊ CHƯA GỬI BÁO CÁO")
    unknown = [d.file for d in totals.documents if d.unit_id is None]
    if unknown:
        _para(doc, f"Có {len(unknown)} báo cáo chưa xác định được đơn vị gửi (cần kiểm tra): {', '.join(unknown)}.",
              italic=True, indent=True)
    if not totals.missing_units:
        _para(doc, "Tất cả các đơn vị thuộc diện báo cáo đã gửi báo cáo.", indent=True)
        return
    _para(doc, f"Đến thời điểm tổng hợp còn {len(totals.missing_units)} đơn vị chưa gửi báo cáo:", indent=True)
    by_kind: dict[str, list[str]] = {}
    for unit in totals.missing_units:
        by_kind.setdefault(unit.kind, []).append(unit.full_name)
    for kind, names in by_kind.items():
        _para(doc, f"- {KIND_WORDS.get(kind, 'Đơn vị khác')}: {', '.join(names)}.", indent=True)


def _closing(doc: DocxDocument, period: str, registry: Registry) -> None:
    _para(doc, f"Trên đây là báo cáo tổng hợp kết quả công tác thi đua, khen thưởng {period_label(period)} "
               f"của Ủy ban nhân dân {registry.full_name}./.", indent=True)


def figure_text(total: FigureTotal) -> str:
    """How a total is written in the report's sentences (the tests look for it in the PDF)."""
    return format_quantity(total.value, total.unit)

