"""The patterns and words of the Nghị định 30/2020 layout that the metadata rules look for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.text import fold
from extract.model import Block

FRONT_BLOCKS = 20  # the header, type name and trích yếu sit in the first blocks
# Phụ lục III Nghị định 30/2020 (and Party documents): type name -> abbreviation in the ký hiệu.
DOC_TYPES: dict[str, str] = {
    "bao cao": "BC", "ke hoach": "KH", "quyet dinh": "QĐ", "chi thi": "CT", "huong dan": "HD",
    "thong bao": "TB", "to trinh": "TTr", "nghi quyet": "NQ", "cong van": "CV", "chuong trinh": "CTr",
    "bien ban": "BB", "de an": "ĐA", "phuong an": "PA", "du an": "DA", "quy che": "QC", "quy dinh": "QyĐ",
    "thong cao": "TC", "giay moi": "GM", "ket luan": "KL", "cong dien": "CĐ", "hop dong": "HĐ",
    "giay gioi thieu": "GGT", "giay uy quyen": "GUQ", "ban ghi nho": "BGN", "ban thoa thuan": "BTT",
}
TAIL_BLOCKS = 15  # "Nơi nhận" and the signature sit in the last blocks
BODY_PARAGRAPH_CHARS = 300  # a longer block is body text, never part of the title
OPENING_PARAGRAPHS = 4
BODY_LINE_CHARS = 120  # a longer non-list line is running text, not part of the signature zone
MAX_NAME_WORDS = 6  # where an undated title's period is looked for next
TYPE_ABBRS = {fold(a): a for a in DOC_TYPES.values()}
LIST_TITLE_RE = re.compile(r"^(?:danh sach|bieu (?:mau|tong hop|thong ke)|bang (?:tong hop|thong ke|ke))\b")
SHORT_POSITION_WORDS = 4  # a position without a known word ("GIÁO VIÊN") is short
POSITION_WORDS = (
    "chủ tịch", "phó", "trưởng", "hiệu trưởng", "giám đốc", "bí thư", "chánh", "chỉ huy", "chủ nhiệm",
    "thủ trưởng", "kế toán", "người lập", "ủy viên", "tổng", "thư ký", "chính trị viên", "chủ tọa",
)
AUTHORITIES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}
AUTHORITY_RE = re.compile(
    r"^[\W_]{0,2}(?:(?P<prefix>T/?M|K/?T|T/?L|T/?UQ|Q)\s*[./]\s*|(?P<bare>TM|KT|TL|TUQ)\s+(?=[A-ZĐ]))(?P<rest>.*)$",
    re.IGNORECASE,
)
# "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG": the deputy's position run into the authority line
DEPUTY_IN_LINE = re.compile(r"\s(PHÓ\s.+)$")
MERGED_AUTHORITY_RE = re.compile(r"^(?P<left>.*?\S)\s+[\W_]{0,2}(?P<right>(?:TM|KT|TL|TUQ|Q)\.\s.*)$")
MERGED_POSITION_RE = re.compile(r"^(?P<left>.*[;.,:])\s+(?P<right>[^\W\d_][^;.,:]*)$")
MOTTO_RE = re.compile(
    r"c[oộ]ng\s+h[oòà]a\s+x[aã]\s+h[oộ]i\s+ch[uủ]\s+ngh[iĩ]a\s+vi[eệ]t(?:\s+nam)?"
    r"|[đd][oộ]c\s+l[aậ]p\s*[-–—]\s*t[uự]\s+do\s*[-–—]\s*h[aạ]nh\s+ph[uú]c"
    r"|[đd][aả]ng\s+c[oộ]ng\s+s[aả]n\s+vi[eệ]t\s+nam"
    r"|^\W*nam\W*$",  # the motto's last word wrapped onto a line of its own
    re.IGNORECASE,
)
NUMBER_RE = re.compile(
    r"\bS[ốo]\s*:?\s*(?P<num>[\d.…_ ]*\s*[/-]\s*[^\W_][\w&.]*(?:\s*[-/]\s*[^\W_][\w&.]*)*)"
)
# the label of the number line, also when OCR garbles the number itself ("Số: 4ZZ /QĐ-...")
NUMBER_LABEL_RE = re.compile(r"(?:^|\s)số\s*:", re.IGNORECASE)
PLACE_DATE_RE = re.compile(
    # a day or month filled in by hand on a scan may come out of OCR as a short non-number ("ngày Lãi")
    r"(?P<place>[^\W\d_][^,\n]{0,60}?)\s*,\s*ngày\s*(?:(?P<d>\d{1,2})|[^\s\d]{1,4}(?=\s))?[\s.…_]*"
    r"tháng\s*(?:(?P<m>\d{1,2})|[^\s\d]{1,4}(?=\s))?[\s.…_]*năm\s*(?P<y>(?:19|20)\d{2})",
    re.IGNORECASE,
)
# the same line as a scan's OCR gives it when the day and month were written by hand over the
# dots: marks glued to the words ("ngày⁄4háng 01 năm 2022", "ngàu 4à tháng 3"), or left blank
# with no year ("Hà Nội, ngày tháng năm"): the place is still read, the date as far as it goes
SCAN_DATE_RE = re.compile(
    r"(?P<place>[^\W\d_][^,\n]{0,60}?)\s*,\s*ng[àa][yu](?:\s*(?P<d>\d{1,2})(?=\s*t?h[áa]ng)|[^\n]{0,8}?)"
    r"\s*t?h[áa]ng(?:\s*(?P<m>\d{1,2})(?=\s*n[ăa]m)|[^\n]{0,6}?)\s*n[ăa]m\b\s*(?P<y>(?:19|20)\d{2})?",
    re.IGNORECASE,
)
SLASH_DATE_RE = re.compile(
    r"(?P<place>[^\W\d_][^,\n]{0,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})",
    re.IGNORECASE,
)
CITING_RE = re.compile(r"^\s*(?:căn\s+cứ|xét|theo|thực\s+hiện|thi\s+hành)\b", re.IGNORECASE)
DECORATION_RE = re.compile(r"^[\s\-_–—=*.~•]*$")
SECTION_START_RE = re.compile(
    r"^(?:phần\s+thứ|phần\s+[IVX]+\b|chương\s+[IVX\d]+|[IVX]+\s*[.)]\s|\d+\s*[.)]\s|điều\s+\d+|căn\s+cứ|kính\s+gửi)",
    re.IGNORECASE,
)
RECIPIENTS_RE = re.compile(r"^\W*n[ơoưu]i\s+nh[ậa]n\s*:?\s*", re.IGNORECASE)  # OCR: "Nui nhận"
ADMIN_LEVELS = ("huyện", "xã", "tỉnh", "thị trấn", "thành phố", "thị xã", "phường", "quận")
ADMIN_LEVEL_RE = "|".join(ADMIN_LEVELS)

# Common nouns and field names of body names, with their conventional casing; any other
# word of an upper-case name is part of a proper name and gets title case.
NAME_LEXICON = [
    "ủy ban nhân dân", "hội đồng nhân dân", "ủy ban", "hội đồng", "huyện ủy", "tỉnh ủy", "thành ủy",
    "đảng ủy", "đảng bộ", "chi bộ", "văn phòng", "phòng", "trường", "ban", "sở", "bộ", "cục", "chi cục",
    "trung tâm", "công an", "hội", "đoàn", "liên đoàn lao động", "thanh tra", "kho bạc nhà nước",
    "huyện", "xã", "tỉnh", "thị trấn", "thành phố", "thị xã", "phường", "quận", "số", "và",
    "Giáo dục và Đào tạo", "Nội vụ", "Tài chính - Kế hoạch", "Tài chính", "Kế hoạch và Đầu tư",
    "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường",
    "Nông nghiệp và Phát triển nông thôn", "Văn hóa và Thông tin", "Văn hóa - Thông tin",
    "Văn hóa, Thể thao và Du lịch", "Y tế", "Tư pháp", "Kinh tế và Hạ tầng", "Kinh tế - Hạ tầng",
    "Dân tộc", "Thi đua - Khen thưởng", "Thi đua, Khen thưởng", "Thi đua", "Khen thưởng",
    "Chỉ huy quân sự", "Tổ chức", "Tuyên giáo", "Dân vận", "Kiểm tra", "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc", "Thường trực", "Trung học cơ sở", "Trung học phổ thông", "Tiểu học",
    "Mầm non", "Phổ thông dân tộc bán trú", "Phổ thông dân tộc nội trú", "Giáo dục nghề nghiệp",
    "Giáo dục thường xuyên", "Nhân dân", "Chính phủ", "Tập đoàn",
]
LEXICON = sorted(((tuple(p.lower().split()), p.split()) for p in NAME_LEXICON), key=lambda e: -len(e[0]))
EXPANSIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc"}
ORG_HEAD = (
    r"(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Hội đồng|Phòng|Trường|Sở|Ban|Công an|Huyện ủy|"
    r"Đảng ủy|Văn phòng|Trung tâm|Hội|Đoàn|Bộ|Chi cục|Cục)"
)
OPENING_ISSUER_RE = re.compile(
    rf"(?P<org>{ORG_HEAD}(?:\s+[\w&.-]+){{0,9}}?)\s+(?:kính\s+)?(?:báo\s+cáo|trình|ban\s+hành|xây\s+dựng|"
    r"hướng\s+dẫn|thông\s+báo|tổng\s+kết|sơ\s+kết)\b"
)
# an annex or list says whose paper it goes with: "(Kèm theo Tờ trình số 12/TTr-THCS của Trường ...)"
ATTACHED_ISSUER_RE = re.compile(
    rf"^\W*kèm\s+theo\s+(?:tờ\s+trình|công\s+văn|báo\s+cáo|văn\s+bản)(?:\s+số\s+\S+)?(?:\s+ngày\s+[\d/.-]+)?"
    rf"\s+của\s+(?P<org>{ORG_HEAD}(?:\s+[\w&.-]+){{0,9}}?)\s*\W*$",
    re.IGNORECASE,
)
CLOSING_ISSUER_RE = re.compile(rf"\bcủa\s+(?P<org>{ORG_HEAD}(?:\s+[\w&.-]+){{0,9}}?)\s*(?:\./\.|[.;]?\s*$)")


@dataclass
class Line:
    text: str
    block: Block
    column: int | None = None  # 0 left, 1 right, for the cells of HEADER/SIGNATURE blocks


# the line a decision opens its preamble with: who decides ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN
# NHÂN DÂN XÃ", "GIÁM ĐỐC SỞ Y TẾ"), between the trích yếu and "Căn cứ"; matched folded, since
# OCR misreads the marks of a scan's capitals ("GIÁM ĐÓC", "TỎNG GIÁM ĐÓC")
DECIDER_RE = re.compile(
    r"^(?:chu tich|thu tuong|bo truong|giam doc|tong giam doc|hieu truong|cuc truong|"
    r"vien truong|truong ban|ban thuong vu|ban chap hanh|thu truong|chanh an)\b"
)
