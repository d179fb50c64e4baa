"""Build the held-out test reports (issue #3): five TĐKT documents in styles and layouts other
than the seed's, written as real DOCX files with python-docx.

    .venv/bin/python tests/data/heldout/make.py      # rewrites the *.docx next to this file

The texts are invented but follow real district practice (Nghị định 30/2020 layout, Luật TĐKT
2022 award names). Each has a hand-written gold file <name>.gold.json in this directory.
Generation is deterministic apart from the DOCX timestamps python-docx writes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


@dataclass
class Writer:
    """Writes runs in Unicode, or in TCVN3 with the .VnTime/.VnTimeH fonts when `legacy`."""

    doc: Document
    legacy: bool = False

    def run(self, paragraph: Paragraph, text: str, bold: bool = False, caps: bool = False) -> None:
        if self.legacy:
            from domain.encodings import encode_tcvn3

            # capital fonts are typed in lower case: the font draws every letter as a capital
            font = ".VnTimeH" if caps else ".VnTime"
            text = encode_tcvn3(text.lower() if caps else text)
        else:
            font = "Times New Roman"
        r = paragraph.add_run(text)
        r.bold = bold
        r.font.name = font
        r.font.size = Pt(13)
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)

    def para(self, text: str, align=JUSTIFY, bold: bool = False, caps: bool = False, style: str | None = None) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        p.alignment = align
        self.run(p, text, bold=bold, caps=caps)
        return p

    def cell(self, cell: _Cell, lines: list[tuple[str, bool, bool]], align=CENTER) -> None:
        """Cell text, one paragraph per (text, bold, caps) line."""
        first = cell.paragraphs[0]
        for i, (text, bold, caps) in enumerate(lines):
            p = first if i == 0 else cell.add_paragraph()
            p.alignment = align
            if text:
                self.run(p, text, bold=bold, caps=caps)

    def two_cells(self, left: list[tuple[str, bool, bool]], right: list[tuple[str, bool, bool]], left_align=CENTER) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        self.cell(table.cell(0, 0), left, align=left_align)
        self.cell(table.cell(0, 1), right)

    def grid(self, rows: list[list[str]], header_rows: int = 1) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                align = LEFT if j == 1 and i >= header_rows else CENTER
                self.cell(table.cell(i, j), [(text, i < header_rows, False)], align=align)


def B(text: str) -> tuple[str, bool, bool]:
    return (text, True, False)


def N(text: str) -> tuple[str, bool, bool]:
    return (text, False, False)


def H(text: str) -> tuple[str, bool, bool]:
    """A capital line (bold, .VnTimeH in legacy documents)."""
    return (text, True, True)


def body(w: Writer, items: list[tuple[str, str]]) -> None:
    for kind, text in items:
        if kind == "title":
            w.para(text, align=CENTER, bold=True, caps=text.isupper())
        elif kind == "H":
            w.para(text, align=LEFT, bold=True, caps=True)
        elif kind == "h":
            w.para(text, align=JUSTIFY, bold=True)
        elif kind == "p":
            w.para(text)
        elif kind == "bullet":
            w.para(text, style="List Bullet")
        else:
            raise ValueError(kind)


# --- a. commune year-end report ---------------------------------------------------------------


def commune_report() -> Document:
    w = Writer(new_document())
    w.two_cells([B("UBND XÃ MƯỜNG KHONG"), N(""), N("Số: 48/BC-UBND")],
                [B(MOTTO[0]), B(MOTTO[1]), N(""), N("Mường Khong, ngày 12 tháng 12 năm 2022")])
    body(w, [
        ("title", "BÁO CÁO"),
        ("title", "Tổng kết công tác thi đua, khen thưởng năm 2022 và phương hướng, nhiệm vụ năm 2023"),
        ("p", "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2022 của UBND xã Mường Khong về tổ chức phong trào thi đua năm 2022; Hướng dẫn số 1856/HD-UBND ngày 15/11/2022 của UBND huyện Tuần Giáo về tổng kết công tác thi đua, khen thưởng năm 2022, Ủy ban nhân dân xã Mường Khong báo cáo kết quả như sau:"),
        ("H", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
        ("p", "Xã Mường Khong có 12 bản với 1.046 hộ, 4.985 nhân khẩu, gồm 3 dân tộc cùng sinh sống là Thái, Mông và Khơ Mú. Năm 2022, Đảng ủy, HĐND, UBND xã đã lãnh đạo, chỉ đạo các bản, các ngành đoàn thể tổ chức phong trào thi đua gắn với thực hiện nhiệm vụ phát triển kinh tế - xã hội của địa phương; Quyết định số 35/QĐ-UBND ngày 28/3/2022 của UBND xã kiện toàn Hội đồng Thi đua - Khen thưởng xã."),
        ("H", "II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA"),
        ("h", "1. Phong trào thi đua phát triển kinh tế"),
        ("p", "Tổng diện tích gieo trồng cây lương thực năm 2022 đạt 1.325 ha, đạt 105% kế hoạch; tổng sản lượng lương thực ước đạt 4.120 tấn, tăng 12% so với cùng kỳ. Tổng đàn gia súc 6.350 con; đàn gia cầm trên 21.000 con. Trồng mới 45,5 ha rừng sản xuất; bảo vệ 2.118 ha rừng hiện có."),
        ("p", "Thu ngân sách trên địa bàn đạt 1,85 tỷ đồng, đạt 112,4% dự toán huyện giao. Nhân dân đóng góp 2,5 tỷ đồng và hiến 3.200 m² đất để làm 4,8 km đường giao thông nông thôn. Đến nay xã đạt 15/19 tiêu chí nông thôn mới."),
        ("h", "2. Phong trào thi đua trên lĩnh vực văn hóa - xã hội"),
        ("p", "Năm học 2021-2022, toàn xã có 4 trường với 1.478 học sinh; tỷ lệ học sinh đi học chuyên cần đạt 98,5%. Trường PTDTBT Tiểu học Mường Khong được công nhận đạt chuẩn quốc gia mức độ 1."),
        ("p", "Trạm Y tế xã khám bệnh cho trên 1.200 lượt người; tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96%. Giải quyết việc làm mới cho 65 lao động; số hộ nghèo giảm còn 312 hộ."),
        ("p", "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” được duy trì: năm 2022 có 892 hộ gia đình đạt danh hiệu Gia đình văn hóa (chiếm 85,3%) và 9 bản đạt danh hiệu Bản văn hóa."),
        ("h", "3. Phong trào thi đua bảo đảm quốc phòng - an ninh"),
        ("p", "Giao 09 thanh niên nhập ngũ, đạt 100% chỉ tiêu; tổ chức huấn luyện cho 42 dân quân. Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định."),
        ("H", "III. CÔNG TÁC KHEN THƯỞNG"),
        ("p", "Năm 2022, UBND xã đã đề nghị cấp trên khen thưởng và khen thưởng theo thẩm quyền như sau:"),
        ("bullet", "Chủ tịch UBND huyện tặng Giấy khen cho 02 tập thể, 05 cá nhân có thành tích xuất sắc trong phong trào thi đua xây dựng nông thôn mới;"),
        ("bullet", "Chủ tịch UBND xã tặng Giấy khen cho 06 tập thể, 18 cá nhân và 10 hộ gia đình có thành tích trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”;"),
        ("bullet", "Công nhận danh hiệu Lao động tiên tiến cho 21 cá nhân;"),
        ("bullet", "Đề nghị Chủ tịch UBND huyện công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 03 cá nhân."),
        ("p", "Tiêu biểu trong phong trào có ông Lò Văn Hặc (bản Phiêng Pi) với mô hình nuôi lợn đen, thu nhập mỗi năm trên 150 triệu đồng; bà Quàng Thị Xiêng, Chi hội trưởng Chi hội Phụ nữ bản Co Sản; anh Cà Văn Thanh, Công an viên bản Huổi Cáy."),
        ("H", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023"),
        ("p", "Tiếp tục đẩy mạnh các phong trào thi đua yêu nước gắn với thực hiện nhiệm vụ phát triển kinh tế - xã hội; nâng cao chất lượng bình xét, khen thưởng, chú trọng khen thưởng người trực tiếp lao động, sản xuất."),
        ("p", "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2022 của UBND xã Mường Khong./."),
    ])
    w.two_cells([B("Nơi nhận:"), N("- Phòng Nội vụ huyện;"), N("- Đảng ủy, HĐND xã;"), N("- Lưu: VP.")],
                [B("TM. ỦY BAN NHÂN DÂN"), B("CHỦ TỊCH"), N(""), N(""), B("Cà Văn Chiến")], left_align=LEFT)
    return w.doc


# --- b. school year-end report with a recipients table ----------------------------------------


def school_report() -> Document:
    w = Writer(new_document())
    w.two_cells([N("PHÒNG GD&ĐT TUẦN GIÁO"), B("TRƯỜNG TIỂU HỌC QUÀI NƯA"), N("Số: 36/BC-THQN")],
                [B(MOTTO[0]), B(MOTTO[1]), N("Quài Nưa, ngày 25 tháng 5 năm 2022")])
    body(w, [
        ("title", "BÁO CÁO"),
        ("title", "Tổng kết công tác thi đua, khen thưởng năm học 2021-2022"),
        ("p", "Căn cứ Công văn số 245/PGDĐT-TH ngày 10/5/2022 của Phòng Giáo dục và Đào tạo huyện Tuần Giáo về việc hướng dẫn tổng kết công tác thi đua, khen thưởng năm học 2021-2022, Trường Tiểu học Quài Nưa báo cáo như sau:"),
        ("H", "A. ĐẶC ĐIỂM TÌNH HÌNH"),
        ("p", "Năm học 2021-2022, nhà trường có 01 điểm trường chính và 05 điểm trường lẻ, với 28 lớp, 652 học sinh, trong đó học sinh dân tộc thiểu số 618 em (chiếm 94,8%). Tổng số cán bộ, giáo viên, nhân viên là 46 người, gồm 03 cán bộ quản lý, 39 giáo viên và 04 nhân viên; có 25 đảng viên."),
        ("H", "B. KẾT QUẢ THỰC HIỆN"),
        ("h", "I. Kết quả các phong trào thi đua"),
        ("h", "1. Phong trào “Dạy tốt - Học tốt”"),
        ("p", "Cuối năm học, tỷ lệ học sinh hoàn thành chương trình lớp học đạt 98,9%; 112 học sinh lớp 5 hoàn thành chương trình tiểu học. Có 186 học sinh được Hiệu trưởng tặng Giấy khen. Tham gia Hội thi giáo viên dạy giỏi cấp huyện có 06 giáo viên dự thi, 05 giáo viên đạt giải; giao lưu Trạng nguyên Tiếng Việt cấp huyện đạt 01 giải Nhì và 02 giải Ba."),
        ("h", "2. Phong trào “Xây dựng trường học thân thiện, học sinh tích cực”"),
        ("p", "Nhà trường tu sửa 04 phòng học, trồng mới 150 cây xanh; huy động xã hội hóa được 85.500.000 đồng để mua sắm bàn ghế và đồ dùng dạy học."),
        ("h", "3. Cuộc vận động “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”"),
        ("p", "100% cán bộ, giáo viên, nhân viên đăng ký thực hiện cuộc vận động; có 09 sáng kiến kinh nghiệm được Hội đồng khoa học nhà trường công nhận."),
        ("h", "II. Công tác khen thưởng"),
        ("p", "Căn cứ kết quả bình xét, Hội đồng Thi đua - Khen thưởng nhà trường đề nghị công nhận danh hiệu Lao động tiên tiến cho 32 cá nhân, danh hiệu Chiến sĩ thi đua cơ sở cho 04 cá nhân, danh hiệu Tập thể lao động tiên tiến cho 05 tổ chuyên môn; đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 01 tập thể và 03 cá nhân."),
        ("p", "Danh sách cá nhân tiêu biểu đề nghị công nhận danh hiệu thi đua:"),
    ])
    w.grid([
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"],
        ["1", "Quàng Văn Duẩn", "Phó Hiệu trưởng", "Chiến sĩ thi đua cơ sở"],
        ["2", "Nguyễn Thị Minh Hạnh", "Giáo viên", "Chiến sĩ thi đua cơ sở"],
        ["3", "Tòng Văn Khiêm", "Tổng phụ trách Đội", "Chiến sĩ thi đua cơ sở"],
        ["4", "Đỗ Thị Lan Anh", "Giáo viên", "Chiến sĩ thi đua cơ sở"],
        ["5", "Lường Văn Thắng", "Tổ trưởng tổ 4-5", "Lao động tiên tiến"],
        ["6", "Cầm Thị Pọm", "Nhân viên", "Lao động tiên tiến"],
        ["7", "Vì Văn Sơn", "Giáo viên", "Lao động tiên tiến"],
        ["8", "Hoàng Thị Thu Trang", "Giáo viên", "Lao động tiên tiến"],
    ])
    body(w, [
        ("H", "C. PHƯƠNG HƯỚNG NĂM HỌC 2022-2023"),
        ("p", "Tiếp tục thực hiện có hiệu quả các phong trào thi đua, cuộc vận động của ngành; đổi mới công tác bình xét thi đua bảo đảm công khai, dân chủ, đúng thực chất."),
    ])
    w.two_cells([B("Nơi nhận:"), N("- Phòng GD&ĐT (b/c);"), N("- Lưu: VT.")],
                [B("HIỆU TRƯỞNG"), N(""), N(""), B("Lò Thị Hiền")], left_align=LEFT)
    return w.doc


# --- c. decision with an attached list ----------------------------------------------------------


def decision() -> Document:
    w = Writer(new_document())
    w.two_cells([N("ỦY BAN NHÂN DÂN"), B("HUYỆN TUẦN GIÁO"), N(""), N("Số: 1245/QĐ-UBND")],
                [B(MOTTO[0]), B(MOTTO[1]), N(""), N("Tuần Giáo, ngày 18 tháng 8 năm 2024")])
    body(w, [
        ("title", "QUYẾT ĐỊNH"),
        ("title", "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong công tác khắc phục hậu quả mưa lũ năm 2024"),
        ("title", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO"),
        ("p", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"),
        ("p", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"),
        ("p", "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"),
        ("p", "Căn cứ Quyết định số 25/2024/QĐ-UBND ngày 12 tháng 4 năm 2024 của UBND tỉnh Điện Biên ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh;"),
        ("p", "Theo đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 156/TTr-PNV ngày 14 tháng 8 năm 2024."),
        ("title", "QUYẾT ĐỊNH:"),
        ("p", "Điều 1. Tặng Giấy khen của Chủ tịch UBND huyện cho 03 tập thể và 05 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong công tác khắc phục hậu quả mưa lũ năm 2024."),
        ("p", "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo mức tiền thưởng 540.000 đồng; mỗi cá nhân được tặng Giấy khen kèm theo mức tiền thưởng 270.000 đồng. Tổng số tiền thưởng là 2.970.000 đồng (Bằng chữ: Hai triệu, chín trăm bảy mươi nghìn đồng), trích từ Quỹ thi đua, khen thưởng của huyện năm 2024."),
        ("p", "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    ])
    w.two_cells([B("Nơi nhận:"), N("- Như Điều 3;"), N("- Lãnh đạo UBND huyện;"), N("- Lưu: VT, NV.")],
                [B("KT. CHỦ TỊCH"), B("PHÓ CHỦ TỊCH"), N(""), N(""), B("Lường Văn Khánh")], left_align=LEFT)
    body(w, [
        ("title", "DANH SÁCH"),
        ("title", "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND huyện"),
        ("p", "(Kèm theo Quyết định số 1245/QĐ-UBND ngày 18/8/2024 của Chủ tịch UBND huyện Tuần Giáo)"),
        ("h", "I. TẬP THỂ"),
        ("p", "1. Ủy ban nhân dân xã Mùn Chung;"),
        ("p", "2. Trạm Y tế xã Pú Nhung;"),
        ("p", "3. Ban Chỉ huy Quân sự xã Rạng Đông."),
        ("h", "II. CÁ NHÂN"),
        ("p", "1. Ông Lò Văn Thưởng, Chủ tịch UBND xã Mùn Chung;"),
        ("p", "2. Bà Quàng Thị Dung, Trưởng Trạm Y tế xã Pú Nhung;"),
        ("p", "3. Ông Giàng A Chứ, Trưởng bản Huổi Lóng, xã Pú Nhung;"),
        ("p", "4. Ông Tòng Văn Hưng, Chỉ huy trưởng Ban Chỉ huy Quân sự xã Rạng Đông;"),
        ("p", "5. Bà Lò Thị Ngân, chuyên viên Phòng Nông nghiệp và Phát triển nông thôn huyện."),
    ])
    return w.doc


# --- d. a TCVN3 (.VnTime / .VnTimeH) report of the district women's union -----------------------


def tcvn3_report() -> Document:
    w = Writer(new_document(), legacy=True)
    w.two_cells([H("HỘI LHPN TỈNH ĐIỆN BIÊN"), H("BCH HỘI LHPN HUYỆN TUẦN GIÁO"), N("Số: 27/BC-HPN")],
                [N(""), N("Tuần Giáo, ngày 20 tháng 6 năm 2019")])
    body(w, [
        ("title", "BÁO CÁO"),
        ("title", "Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm 2019"),
        ("p", "Thực hiện Kế hoạch số 05/KH-HPN ngày 15/01/2019 của Ban Thường vụ Hội LHPN huyện về tổ chức phong trào thi đua năm 2019; Hướng dẫn số 18/HD-ĐCT ngày 22/5/2019 của Đoàn Chủ tịch Hội LHPN tỉnh Điện Biên về sơ kết công tác thi đua, khen thưởng, Ban Thường vụ Hội LHPN huyện Tuần Giáo báo cáo kết quả như sau:"),
        ("H", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
        ("p", "Toàn huyện có 19 cơ sở Hội với 180 chi hội, tổng số 15.862 hội viên, chiếm 78,6% tổng số phụ nữ từ 18 tuổi trở lên."),
        ("H", "II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA"),
        ("h", "1. Phong trào thi đua “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”"),
        ("p", "Các cấp Hội đã phối hợp tổ chức 24 lớp tập huấn chuyển giao khoa học kỹ thuật cho 1.150 lượt hội viên; giúp 86 hộ phụ nữ nghèo thoát nghèo. Tổng dư nợ ủy thác qua Ngân hàng Chính sách xã hội đạt 98,7 tỷ đồng với 2.435 hộ vay vốn. Vận động hội viên tiết kiệm được 1.236 triệu đồng, giúp nhau 320 ngày công lao động."),
        ("h", "2. Cuộc vận động “Xây dựng gia đình 5 không, 3 sạch”"),
        ("p", "Có 6.120 hộ gia đình đăng ký thực hiện cuộc vận động, trong đó 4.870 hộ đạt tiêu chí “3 sạch”."),
        ("h", "3. Công tác xây dựng tổ chức Hội"),
        ("p", "Kết nạp mới 412 hội viên, đạt 51,5% chỉ tiêu năm; tập huấn nghiệp vụ cho 210 chi hội trưởng."),
        ("H", "III. CÔNG TÁC KHEN THƯỞNG"),
        ("p", "- Trung ương Hội LHPN Việt Nam tặng Bằng khen cho 01 tập thể (Hội LHPN xã Quài Cang);"),
        ("p", "- Hội LHPN tỉnh tặng Bằng khen cho 02 tập thể, 04 cá nhân;"),
        ("p", "- Ban Thường vụ Hội LHPN huyện tặng Giấy khen cho 08 tập thể, 21 cá nhân có thành tích xuất sắc trong thực hiện Nghị quyết Đại hội Phụ nữ các cấp."),
        ("p", "Tiêu biểu có chị Lò Thị Thoa, Chủ tịch Hội LHPN xã Quài Cang; chị Lường Thị Hoa (xã Chiềng Sinh) với mô hình nuôi gà thả đồi."),
        ("H", "IV. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2019"),
        ("p", "Tiếp tục triển khai các phong trào thi đua, cuộc vận động của Hội; chú trọng phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến trong hội viên, phụ nữ."),
    ])
    w.two_cells([B("Nơi nhận:"), N("- Hội LHPN tỉnh;"), N("- Thường trực Huyện ủy;"), N("- Lưu: VP.")],
                [H("TM. BAN THƯỜNG VỤ"), H("CHỦ TỊCH"), N(""), N(""), B("Quàng Thị Mai")], left_align=LEFT)
    return w.doc


# --- e. statistics table of awards by form and level -------------------------------------------


def statistics_report() -> Document:
    w = Writer(new_document())
    w.two_cells([N("UBND HUYỆN TUẦN GIÁO"), B("PHÒNG NỘI VỤ"), N("Số: 142/BC-PNV")],
                [B(MOTTO[0]), B(MOTTO[1]), N("Tuần Giáo, ngày 28 tháng 12 năm 2022")])
    body(w, [
        ("title", "BÁO CÁO"),
        ("title", "Kết quả công tác khen thưởng năm 2022"),
        ("p", "Thực hiện Công văn số 1520/SNV-BTĐKT ngày 05/12/2022 của Sở Nội vụ tỉnh Điện Biên về việc báo cáo số liệu khen thưởng năm 2022, Phòng Nội vụ huyện Tuần Giáo báo cáo như sau:"),
        ("p", "Năm 2022, Hội đồng Thi đua - Khen thưởng huyện đã tổ chức 04 phiên họp, xét duyệt 386 hồ sơ đề nghị khen thưởng; 100% hồ sơ được thẩm định đúng quy trình, thời gian giải quyết trung bình 07 ngày làm việc. Tổng kinh phí chi khen thưởng năm 2022 là 485,6 triệu đồng, tăng 12,5% so với năm 2021. Kết quả cụ thể như sau:"),
        ("title", "Biểu thống kê kết quả khen thưởng năm 2022"),
    ])
    w.grid([
        ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng số"],
        ["1", "Huân chương Lao động hạng Ba", "01", "01", "-", "02"],
        ["2", "Bằng khen của Thủ tướng Chính phủ", "02", "03", "-", "05"],
        ["3", "Cờ thi đua của UBND tỉnh", "01", "-", "-", "01"],
        ["4", "Bằng khen của Chủ tịch UBND tỉnh", "12", "27", "02", "41"],
        ["5", "Tập thể lao động xuất sắc", "06", "", "", "06"],
        ["6", "Giấy khen của Chủ tịch UBND huyện", "48", "156", "15", "219"],
        ["7", "Chiến sĩ thi đua cơ sở", "", "64", "", "64"],
        ["8", "Tập thể lao động tiên tiến", "35", "", "", "35"],
        ["9", "Lao động tiên tiến", "", "1.250", "", "1.250"],
        ["", "Tổng cộng", "105", "1.501", "17", "1.623"],
    ])
    body(w, [
        ("p", "Ngoài ra, UBND huyện đã trình cấp có thẩm quyền đề nghị tặng Huân chương Lao động hạng Ba cho 01 cá nhân, hiện đang chờ xét duyệt."),
        ("p", "Phòng Nội vụ huyện Tuần Giáo kính báo cáo Sở Nội vụ tổng hợp./."),
    ])
    w.two_cells([B("Nơi nhận:"), N("- Sở Nội vụ (b/c);"), N("- UBND huyện;"), N("- Lưu: VT.")],
                [B("TRƯỞNG PHÒNG"), N(""), N(""), B("Đinh Công Thành")], left_align=LEFT)
    return w.doc


DOCUMENTS = {
    "bao-cao-xa-muong-khong-2022": commune_report,
    "bao-cao-truong-th-quai-nua-2022": school_report,
    "quyet-dinh-khen-thuong-mua-lu-2024": decision,
    "bao-cao-hlhpn-6t-2019-tcvn3": tcvn3_report,
    "bieu-thong-ke-khen-thuong-2022": statistics_report,
}


def main() -> None:
    for name, build in DOCUMENTS.items():
        build().save(HERE / f"{name}.docx")


if __name__ == "__main__":
    main()
