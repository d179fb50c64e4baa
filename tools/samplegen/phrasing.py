"""What the reports say and the several ways they say it: indicators, figure clauses, awards.

A template is a clause with placeholders: {raw} the number with its unit words, {q} an
optional qualifier ("ước đạt "), {att} an optional attainment (", đạt 98,5% KH"). The clause
becomes the figure's quote, so the gold is read off the same strings the document prints.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str  # the indicator as the key states it (the document's words)
    unit: str  # the key's unit (lower case; money in đồng)
    word: str  # what follows the number in the text ("ha", "hộ", "triệu đồng" is added for money)
    lo: float
    hi: float
    places: int = 0
    flags: str = ""  # m money (value in millions), p zero-pad small counts, q qualifier, a attainment, r range
    templates: tuple[str, ...] = ()

    @property
    def money(self) -> bool:
        return "m" in self.flags

    @property
    def percent(self) -> bool:
        return self.unit == "%"


def _ind(id: str, text: str, unit: str, word: str, lo: float, hi: float, places: int, flags: str, *templates: str) -> Indicator:
    return Indicator(id, text, unit, word, lo, hi, places, flags, templates)


QUALIFIERS = {"q": ("ước đạt ", "ước đạt ", "khoảng ", "")}
ATTAINMENT_OF = ("KH", "kế hoạch", "KH huyện giao", "chỉ tiêu")
MONEY_ATTAINMENT_OF = ("dự toán", "dự toán giao", "dự toán huyện giao")

# --- communes and the town --------------------------------------------------------------------
COMMUNE_ECONOMY = (
    _ind("dien_tich_lua", "Diện tích gieo trồng lúa", "ha", "ha", 120, 520, 1, "qa",
         "diện tích gieo trồng lúa {q}{raw}{att}", "tổng diện tích lúa gieo trồng {q}{raw}{att}"),
    _ind("dien_tich_ngo", "Diện tích trồng ngô", "ha", "ha", 60, 380, 1, "q",
         "diện tích trồng ngô {q}{raw}", "cây ngô gieo trồng được {raw}"),
    _ind("san_luong_luong_thuc", "Tổng sản lượng lương thực có hạt", "tấn", "tấn", 700, 3800, 0, "qa",
         "tổng sản lượng lương thực có hạt {q}{raw}{att}", "sản lượng lương thực có hạt {q}{raw}{att}"),
    _ind("tong_dan_gia_suc", "Tổng đàn gia súc", "con", "con", 1800, 7500, 0, "q",
         "tổng đàn gia súc {q}{raw}", "tổng đàn gia súc hiện có {raw}"),
    _ind("tong_dan_gia_cam", "Tổng đàn gia cầm", "con", "con", 9000, 42000, 0, "q",
         "tổng đàn gia cầm {q}{raw}", "đàn gia cầm phát triển ổn định với {raw}"),
    _ind("dien_tich_rung_bao_ve", "Diện tích rừng được giao khoán bảo vệ", "ha", "ha", 900, 4800, 1, "",
         "diện tích rừng được giao khoán bảo vệ là {raw}", "giao khoán bảo vệ {raw} rừng cho các hộ, nhóm hộ"),
    _ind("trong_rung", "Diện tích trồng rừng mới", "ha", "ha", 3, 45, 1, "a",
         "trồng mới {raw} rừng{att}", "diện tích trồng rừng mới đạt {raw}{att}"),
    _ind("cay_an_qua", "Diện tích cây ăn quả", "ha", "ha", 15, 160, 1, "",
         "diện tích cây ăn quả hiện có {raw}", "duy trì {raw} cây ăn quả (xoài, nhãn, mắc ca)"),
    _ind("thuy_san", "Diện tích nuôi trồng thủy sản", "ha", "ha", 4, 40, 1, "",
         "diện tích nuôi trồng thủy sản {raw}", "nuôi trồng thủy sản trên diện tích {raw}"),
    _ind("thu_ngan_sach", "Thu ngân sách trên địa bàn", "đồng", "", 180, 2400, 1, "mqa",
         "thu ngân sách trên địa bàn {q}{raw}{att}", "tổng thu ngân sách trên địa bàn xã {q}{raw}{att}"),
)
COMMUNE_SOCIETY = (
    _ind("ho_dang_ky_gia_dinh_van_hoa", "Hộ gia đình đăng ký xây dựng gia đình văn hóa", "hộ", "hộ", 350, 2600, 0, "",
         "có {raw} gia đình đăng ký xây dựng gia đình văn hóa", "{raw} gia đình đăng ký danh hiệu gia đình văn hóa"),
    _ind("ban_dang_ky_van_hoa", "Bản đăng ký xây dựng bản văn hóa", "bản", "bản", 6, 22, 0, "p",
         "{raw} đăng ký xây dựng bản văn hóa", "có {raw} đăng ký xây dựng bản văn hóa"),
    _ind("tiem_chung", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "%", 88, 99.5, 1, "",
         "tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {raw}", "tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt {raw}"),
    _ind("giai_quyet_viec_lam", "Giải quyết việc làm mới", "lao động", "lao động", 12, 75, 0, "a",
         "giải quyết việc làm mới cho {raw}{att}", "tạo việc làm mới cho {raw}{att}"),
    _ind("lao_dong_ngoai_tinh", "Đưa lao động đi làm việc ngoài tỉnh", "lao động", "lao động", 20, 160, 0, "",
         "đưa {raw} đi làm việc ngoài tỉnh", "có {raw} đi làm việc tại các doanh nghiệp ngoài tỉnh"),
    _ind("the_bhyt", "Cấp thẻ BHYT cho người nghèo, cận nghèo", "thẻ", "thẻ", 700, 5200, 0, "",
         "cấp {raw} BHYT cho người nghèo, cận nghèo", "cấp phát {raw} bảo hiểm y tế cho người nghèo, cận nghèo"),
    _ind("ho_thoat_ngheo", "Hộ thoát nghèo", "hộ", "hộ", 8, 70, 0, "p",
         "có {raw} thoát nghèo", "số hộ thoát nghèo là {raw}"),
    _ind("qua_tet", "Tặng quà Tết cho hộ nghèo, gia đình chính sách", "suất", "suất", 40, 420, 0, "",
         "tặng {raw} quà Tết cho hộ nghèo, gia đình chính sách", "trao {raw} quà cho hộ nghèo, gia đình chính sách dịp Tết"),
    _ind("kinh_phi_qua_tet", "Kinh phí tặng quà Tết", "đồng", "", 20, 300, 1, "m",
         "tổng kinh phí tặng quà Tết {raw}", "kinh phí tặng quà là {raw}"),
    _ind("hoa_giai", "Hòa giải thành công", "vụ việc", "vụ việc", 2, 18, 0, "p",
         "hòa giải thành công {raw}", "các tổ hòa giải đã hòa giải thành công {raw}"),
    _ind("thu_nhap_ho_gioi", "Thu nhập của hộ sản xuất, kinh doanh giỏi", "đồng", "", 80, 150, 0, "mr",
         "các hộ sản xuất, kinh doanh giỏi có thu nhập {raw} mỗi năm",),
)
COMMUNE_DEFENCE = (
    _ind("giao_quan", "Giao quân", "thanh niên", "thanh niên", 3, 14, 0, "pa",
         "hoàn thành chỉ tiêu giao quân với {raw} lên đường nhập ngũ{att}", "giao {raw} nhập ngũ{att}"),
    _ind("huan_luyen_dan_quan", "Huấn luyện dân quân", "đồng chí", "đồng chí", 25, 70, 0, "",
         "tổ chức huấn luyện cho {raw} dân quân", "huấn luyện dân quân với quân số {raw}"),
    _ind("vu_ma_tuy", "Phát hiện, bắt giữ vụ về ma túy", "vụ", "vụ", 1, 6, 0, "p",
         "phối hợp phát hiện, bắt giữ {raw} về ma túy", "phát hiện, bắt giữ {raw} vi phạm về ma túy"),
)

# --- schools ----------------------------------------------------------------------------------
SCHOOL_COMMON = (
    _ind("duy_tri_si_so", "Tỷ lệ duy trì sĩ số", "%", "%", 97, 100, 1, "",
         "tỷ lệ duy trì sĩ số đạt {raw}", "duy trì sĩ số đạt {raw}"),
    _ind("gv_gioi_huyen", "Giáo viên dạy giỏi cấp huyện", "giáo viên", "giáo viên", 1, 9, 0, "p",
         "có {raw} đạt danh hiệu giáo viên dạy giỏi cấp huyện", "{raw} được công nhận giáo viên dạy giỏi cấp huyện"),
    _ind("sang_kien", "Sáng kiến được công nhận cấp cơ sở", "sáng kiến", "sáng kiến", 2, 14, 0, "p",
         "có {raw} được công nhận cấp cơ sở", "nhà trường xét, công nhận {raw}"),
    _ind("xa_hoi_hoa", "Huy động xã hội hóa", "đồng", "", 8, 180, 1, "m",
         "huy động xã hội hóa được {raw}", "huy động các nguồn lực xã hội hóa với tổng giá trị {raw}"),
)
SCHOOL_BY_LEVEL = {
    "mam_non": (
        _ind("so_tre", "Tổng số trẻ", "trẻ", "trẻ", 150, 420, 0, "a",
             "tổng số trẻ ra lớp {raw}{att}", "nhà trường huy động {raw} ra lớp{att}"),
        _ind("suy_dinh_duong", "Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân", "%", "%", 2, 9, 1, "",
             "tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân còn {raw}", "trẻ suy dinh dưỡng thể nhẹ cân giảm còn {raw}"),
    ),
    "tieu_hoc": (
        _ind("so_hoc_sinh", "Tổng số học sinh", "học sinh", "học sinh", 220, 900, 0, "a",
             "tổng số học sinh cuối năm {raw}{att}", "nhà trường có {raw}{att}"),
        _ind("hoan_thanh_chuong_trinh", "Học sinh hoàn thành chương trình lớp học", "%", "%", 95, 99.8, 1, "",
             "học sinh hoàn thành chương trình lớp học đạt {raw}", "tỷ lệ học sinh hoàn thành chương trình lớp học {raw}"),
        _ind("hs_gioi_huyen", "Học sinh đạt giải cấp huyện", "học sinh", "học sinh", 3, 35, 0, "p",
             "có {raw} đạt giải trong các cuộc thi cấp huyện", "{raw} đạt giải cấp huyện"),
    ),
    "thcs": (
        _ind("so_hoc_sinh", "Tổng số học sinh", "học sinh", "học sinh", 250, 950, 0, "a",
             "tổng số học sinh cuối năm {raw}{att}", "nhà trường có {raw}{att}"),
        _ind("tot_nghiep_thcs", "Học sinh được công nhận tốt nghiệp THCS", "%", "%", 96, 100, 1, "",
             "tỷ lệ học sinh được công nhận tốt nghiệp THCS đạt {raw}", "công nhận tốt nghiệp THCS đạt {raw}"),
        _ind("hs_gioi_huyen", "Học sinh giỏi cấp huyện", "học sinh", "học sinh", 3, 35, 0, "p",
             "có {raw} đạt giải học sinh giỏi cấp huyện", "{raw} đạt học sinh giỏi cấp huyện"),
        _ind("hs_gioi_tinh", "Học sinh giỏi cấp tỉnh", "học sinh", "học sinh", 1, 6, 0, "p",
             "{raw} đạt giải học sinh giỏi cấp tỉnh", "có {raw} đạt giải cấp tỉnh"),
    ),
}

# --- district offices and organisations (district-wide values) -------------------------------
OFFICE_INDICATORS: dict[str, tuple[Indicator, ...]] = {
    "phong_nong_nghiep_va_ptnt": (
        _ind("dien_tich_luong_thuc", "Tổng diện tích gieo trồng cây lương thực có hạt", "ha", "ha", 10500, 11800, 1, "qa",
             "tổng diện tích gieo trồng cây lương thực có hạt {q}{raw}{att}",),
        _ind("san_luong_luong_thuc", "Tổng sản lượng lương thực có hạt", "tấn", "tấn", 38000, 44000, 0, "qa",
             "tổng sản lượng lương thực có hạt {q}{raw}{att}",),
        _ind("tong_dan_gia_suc", "Tổng đàn gia súc", "con", "con", 80000, 90000, 0, "q",
             "tổng đàn gia súc {q}{raw}", "tổng đàn gia súc được duy trì và phát triển ổn định, {q}{raw}"),
        _ind("thuy_san", "Diện tích nuôi trồng thủy sản", "ha", "ha", 280, 300, 0, "a",
             "diện tích nuôi trồng thủy sản {raw}{att}",),
        _ind("trong_rung", "Diện tích trồng rừng mới", "ha", "ha", 50, 120, 1, "a",
             "trồng rừng phòng hộ, rừng sản xuất {raw}{att}",),
    ),
    "phong_giao_duc_va_dao_tao": (
        _ind("so_hoc_sinh", "Tổng số học sinh", "học sinh", "học sinh", 26000, 28500, 0, "",
             "tổng số học sinh cuối năm học {raw}", "toàn huyện có {raw} các cấp học"),
        _ind("truong_chuan_quoc_gia", "Trường đạt chuẩn quốc gia", "trường", "trường", 45, 60, 0, "",
             "tổng số trường đạt chuẩn quốc gia là {raw}", "có {raw} đạt chuẩn quốc gia"),
        _ind("sang_kien", "Sáng kiến được công nhận", "sáng kiến", "sáng kiến", 250, 360, 0, "",
             "xét, công nhận {raw} thuộc lĩnh vực giáo dục", "công nhận {raw} cấp huyện"),
        _ind("hs_gioi_tinh", "Học sinh giỏi cấp tỉnh", "học sinh", "học sinh", 20, 60, 0, "",
             "có {raw} đạt giải học sinh giỏi cấp tỉnh",),
        _ind("gv_gioi_huyen", "Giáo viên dạy giỏi cấp huyện", "giáo viên", "giáo viên", 80, 160, 0, "",
             "{raw} được công nhận giáo viên dạy giỏi cấp huyện",),
    ),
    "phong_van_hoa_thong_tin": (
        _ind("ho_dang_ky_gia_dinh_van_hoa", "Hộ gia đình đăng ký xây dựng gia đình văn hóa", "hộ", "hộ", 15000, 17000, 0, "",
             "có {raw} gia đình đăng ký xây dựng gia đình văn hóa",),
        _ind("khoi_ban_dang_ky_van_hoa", "Khối, bản đăng ký xây dựng khối, bản văn hóa", "khối, bản", "khối, bản", 160, 180, 0, "",
             "{raw} đăng ký xây dựng khối, bản văn hóa",),
        _ind("tin_bai", "Tin, bài tuyên truyền", "tin, bài", "tin, bài", 300, 700, 0, "",
             "biên tập, phát sóng {raw} tuyên truyền", "thực hiện {raw} trên sóng truyền thanh, truyền hình"),
        _ind("giai_the_thao", "Giải thể thao cấp huyện", "giải", "giải", 3, 8, 0, "p",
             "tổ chức {raw} thể thao cấp huyện",),
        _ind("chieu_phim", "Buổi chiếu phim lưu động", "buổi", "buổi", 30, 80, 0, "",
             "tổ chức {raw} chiếu phim lưu động tại các bản",),
    ),
    "phong_lao_dong_tb_xh": (
        _ind("giai_quyet_viec_lam", "Giải quyết việc làm mới", "lao động", "lao động", 400, 700, 0, "a",
             "giải quyết việc làm mới cho {raw}{att}",),
        _ind("qua_nguoi_co_cong", "Tặng quà người có công", "suất", "suất", 300, 450, 0, "",
             "tặng {raw} quà cho người có công với cách mạng",),
        _ind("kinh_phi_qua_nguoi_co_cong", "Kinh phí tặng quà người có công", "đồng", "", 1100, 1700, 1, "m",
             "với tổng kinh phí {raw}",),
        _ind("tro_cap_xa_hoi", "Chi trả trợ cấp xã hội hàng tháng", "người", "người", 3000, 3500, 0, "",
             "chi trả trợ cấp xã hội hàng tháng cho {raw}",),
        _ind("dao_tao_nghe", "Đào tạo nghề cho lao động nông thôn", "học viên", "học viên", 300, 550, 0, "a",
             "đào tạo nghề cho {raw}{att}",),
    ),
    "phong_tai_chinh_ke_hoach": (
        _ind("tong_thu_ngan_sach", "Tổng thu ngân sách địa phương", "đồng", "", 300000, 380000, 0, "mqa",
             "tổng thu ngân sách địa phương {q}{raw}{att}",),
        _ind("thu_ngan_sach", "Thu ngân sách trên địa bàn", "đồng", "", 24000, 30000, 0, "mqa",
             "thu ngân sách trên địa bàn {q}{raw}{att}",),
        _ind("tong_chi_ngan_sach", "Tổng chi ngân sách địa phương", "đồng", "", 280000, 350000, 0, "mq",
             "tổng chi ngân sách địa phương {q}{raw}",),
        _ind("giai_ngan_dau_tu_cong", "Giải ngân vốn đầu tư công", "%", "%", 35, 60, 1, "",
             "tỷ lệ giải ngân vốn đầu tư công đạt {raw}",),
    ),
    "trung_tam_y_te_huyen": (
        _ind("luot_kham_benh", "Tổng số lần khám bệnh", "lượt người", "lượt người", 30000, 42000, 0, "",
             "tổng số lần khám bệnh là {raw}", "khám bệnh cho {raw}"),
        _ind("dieu_tri_noi_tru", "Điều trị nội trú", "lượt người", "lượt người", 4500, 6000, 0, "",
             "điều trị nội trú cho {raw}",),
        _ind("dieu_tri_ngoai_tru", "Điều trị ngoại trú", "lượt người", "lượt người", 500, 900, 0, "",
             "điều trị ngoại trú cho {raw}",),
        _ind("tiem_chung", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "%", 90, 99, 1, "",
             "tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {raw}",),
        _ind("xa_chuan_y_te", "Xã, thị trấn đạt chuẩn quốc gia về y tế", "xã, thị trấn", "xã, thị trấn", 12, 17, 0, "",
             "duy trì {raw} đạt chuẩn quốc gia về y tế",),
    ),
    "cong_an_huyen": (
        _ind("vu_trat_tu_xa_hoi", "Vụ phạm tội về trật tự xã hội", "vụ", "vụ", 8, 25, 0, "",
             "phát hiện {raw} phạm tội về trật tự xã hội",),
        _ind("vu_ma_tuy", "Vụ phạm tội về ma túy", "vụ", "vụ", 40, 70, 0, "",
             "bắt giữ {raw} phạm tội về ma túy",),
        _ind("doi_tuong_ma_tuy", "Đối tượng phạm tội về ma túy", "đối tượng", "đối tượng", 45, 80, 0, "",
             "với {raw}",),
        _ind("heroin", "Heroin thu giữ", "gam", "gam", 300, 2500, 2, "",
             "thu giữ {raw} heroin",),
        _ind("vu_khi", "Súng tự chế thu hồi", "khẩu", "khẩu", 40, 90, 0, "",
             "vận động nhân dân giao nộp {raw} súng tự chế",),
        _ind("tai_nan_giao_thong", "Tai nạn giao thông", "vụ", "vụ", 2, 9, 0, "p",
             "xảy ra {raw} tai nạn giao thông",),
    ),
    "ban_chqs_huyen": (
        _ind("tan_binh", "Giao quân", "đồng chí", "đồng chí", 140, 170, 0, "a",
             "hoàn thành chỉ tiêu giao quân với {raw} tân binh{att}",),
        _ind("luc_luong_thuong_truc", "Huấn luyện lực lượng thường trực", "đồng chí", "đồng chí", 80, 110, 0, "",
             "huấn luyện lực lượng thường trực với {raw}",),
        _ind("dan_quan_tu_ve", "Huấn luyện dân quân tự vệ", "đồng chí", "đồng chí", 800, 1200, 0, "a",
             "huấn luyện dân quân tự vệ cho {raw}{att}",),
        _ind("dien_tap", "Diễn tập chiến đấu phòng thủ", "xã", "xã", 2, 4, 0, "p",
             "tổ chức diễn tập chiến đấu phòng thủ tại {raw}",),
    ),
    "hoi_lhpn_huyen": (
        _ind("hoi_vien", "Hội viên phụ nữ", "hội viên", "hội viên", 9000, 12000, 0, "",
             "toàn huyện có {raw} phụ nữ", "tổng số {raw}"),
        _ind("du_no_uy_thac", "Dư nợ ủy thác qua Hội", "đồng", "", 40000, 60000, 0, "m",
             "dư nợ ủy thác qua Hội đạt {raw}",),
        _ind("ho_vay_von", "Hộ vay vốn", "hộ", "hộ", 1000, 1600, 0, "",
             "với {raw} vay vốn",),
        _ind("to_tiet_kiem", "Tổ tiết kiệm", "tổ", "tổ", 20, 50, 0, "",
             "duy trì {raw} tiết kiệm",),
    ),
    "huyen_doan": (
        _ind("doan_vien", "Đoàn viên", "đoàn viên", "đoàn viên", 3000, 4500, 0, "",
             "toàn huyện có {raw}",),
        _ind("cong_trinh_thanh_nien", "Công trình thanh niên", "công trình", "công trình", 10, 30, 0, "",
             "thực hiện {raw} thanh niên",),
        _ind("ngay_cong", "Ngày công lao động tình nguyện", "ngày công", "ngày công", 2000, 5000, 0, "",
             "huy động {raw} lao động tình nguyện",),
        _ind("hien_mau", "Hiến máu tình nguyện", "đơn vị máu", "đơn vị máu", 150, 300, 0, "",
             "tiếp nhận {raw} hiến tình nguyện",),
    ),
}

# --- awards -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AwardKind:
    id: str  # taxonomy id
    name: str  # as written in the text
    giver: str | None  # who gives it, as written ("Chủ tịch UBND huyện"), None for titles
    recipients: str  # any of c (collectives), i (individuals), h (households)
    title: bool = False  # an emulation title (danh hiệu) rather than a form of commendation


AWARDS = {
    "bang_khen_tinh": AwardKind("bang_khen_chu_tich_ubnd_tinh", "Bằng khen", "Chủ tịch UBND tỉnh", "ci"),
    "giay_khen_huyen": AwardKind("giay_khen_chu_tich_ubnd_huyen", "Giấy khen", "Chủ tịch UBND huyện", "ci"),
    "giay_khen_xa": AwardKind("giay_khen_chu_tich_ubnd_xa", "Giấy khen", "Chủ tịch UBND xã", "cih"),
    "giay_khen_thi_tran": AwardKind("giay_khen_chu_tich_ubnd_xa", "Giấy khen", "Chủ tịch UBND thị trấn", "cih"),
    "giay_khen_thu_truong": AwardKind("giay_khen_thu_truong_co_quan_don_vi", "Giấy khen", "Giám đốc Sở Giáo dục và Đào tạo", "ci"),
    "giay_khen_cong_an": AwardKind("giay_khen_thu_truong_co_quan_don_vi", "Giấy khen", "Giám đốc Công an tỉnh", "ci"),
    "giay_khen_doan": AwardKind("giay_khen_to_chuc_dang_doan_the", "Giấy khen", "Ban Thường vụ Huyện đoàn", "ci"),
    "bang_khen_hoi_tinh": AwardKind("bang_khen_to_chuc_dang_doan_the_dia_phuong", "Bằng khen", "Hội LHPN tỉnh", "ci"),
    "ldtt": AwardKind("lao_dong_tien_tien", "Lao động tiên tiến", None, "i", title=True),
    "cstdcs": AwardKind("chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở", None, "i", title=True),
    "ttldtt": AwardKind("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến", None, "c", title=True),
    "ttldxs": AwardKind("tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc", None, "c", title=True),
    "gdvh": AwardKind("gia_dinh_van_hoa", "Gia đình văn hóa", None, "h", title=True),
    "ban_van_hoa": AwardKind("thon_to_dan_pho_van_hoa", "Bản văn hóa", None, "c", title=True),
    "khoi_van_hoa": AwardKind("thon_to_dan_pho_van_hoa", "Khối văn hóa", None, "c", title=True),
}
REASONS = (
    "thành tích xuất sắc trong công tác phòng, chống dịch Covid-19",
    "thành tích xuất sắc trong phong trào thi đua yêu nước",
    "thành tích xuất sắc trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
    "thành tích xuất sắc trong phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”",
    "thành tích xuất sắc trong thực hiện nhiệm vụ chính trị",
    "thành tích tiêu biểu trong công tác bảo đảm an ninh trật tự",
)
REASONS_2021 = ("thành tích xuất sắc trong công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026",)
REASONS_2020 = ("thành tích xuất sắc trong công tác tổ chức Đại hội Đảng bộ các cấp",)

# Narrative filler: sentences without numbers or names, so they add no key items.
LEAD_ECONOMY = (
    "Trong 6 tháng đầu năm, cấp ủy, chính quyền tập trung chỉ đạo sản xuất nông, lâm nghiệp đúng khung thời vụ",
    "Phong trào thi đua phát triển kinh tế được nhân dân tích cực hưởng ứng",
    "Sản xuất nông nghiệp cơ bản ổn định, các mô hình chuyển đổi cơ cấu cây trồng được duy trì",
)
LEAD_SOCIETY = (
    "Công tác văn hóa - xã hội tiếp tục được quan tâm, an sinh xã hội được bảo đảm",
    "Các chính sách an sinh xã hội được thực hiện kịp thời, đúng đối tượng",
    "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tiếp tục được duy trì",
)
LEAD_DEFENCE = (
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định",
    "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, tuần tra bảo đảm an toàn địa bàn",
)
LEADERSHIP = (
    "Ngay từ đầu năm, {who} đã xây dựng kế hoạch, phát động các phong trào thi đua thường xuyên và theo đợt, gắn với nhiệm vụ chính trị của {where}.",
    "{Who} chỉ đạo tổ chức ký kết giao ước thi đua, đăng ký danh hiệu thi đua ngay từ đầu năm; công tác tuyên truyền được đẩy mạnh bằng nhiều hình thức phong phú.",
    "Công tác thi đua, khen thưởng được {who} quan tâm chỉ đạo sát sao, bảo đảm công khai, dân chủ, đúng quy định.",
)
LIMITS = (
    "Một số phong trào thi đua còn mang tính hình thức, chưa thu hút đông đảo người tham gia.",
    "Việc phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến còn chậm; hồ sơ đề nghị khen thưởng có lúc chưa kịp thời.",
    "Cán bộ làm công tác thi đua, khen thưởng chủ yếu kiêm nhiệm nên chất lượng tham mưu còn hạn chế.",
)
TASKS = (
    "Tiếp tục đẩy mạnh các phong trào thi đua yêu nước, phấn đấu hoàn thành thắng lợi các chỉ tiêu năm {year}.",
    "Làm tốt công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; khen thưởng kịp thời người lao động trực tiếp.",
    "Thực hiện tốt công tác bình xét, đề nghị khen thưởng cuối năm bảo đảm chính xác, công khai, đúng quy định.",
    "Nâng cao chất lượng công tác tham mưu về thi đua, khen thưởng; thực hiện nghiêm chế độ thông tin, báo cáo.",
)
EXEMPLARY_MODELS = (
    "mô hình nuôi cá lồng", "mô hình trồng cây ăn quả", "mô hình chăn nuôi tổng hợp", "mô hình trồng mắc ca",
    "mô hình nuôi ong lấy mật", "mô hình trồng rau an toàn", "mô hình dệt thổ cẩm",
)
COMMUNE_POSITIONS = (
    "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng",
    "Công chức Văn hóa - Xã hội", "Chỉ huy trưởng Quân sự xã", "Trưởng bản", "Bí thư chi bộ bản",
)
SCHOOL_POSITIONS = ("Giáo viên", "Giáo viên", "Giáo viên", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng", "Nhân viên kế toán")
OFFICE_POSITIONS = ("Chuyên viên", "Chuyên viên", "Phó Trưởng phòng", "Kế toán", "Nhân viên")
