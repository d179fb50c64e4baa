"""The administrative frame of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Top of page 1: issuing body (left; its superior body above it), "Số: 25/KH-UBND", the motto
and "<địa danh>, ngày DD tháng MM năm YYYY" (right); then the type name ("BÁO CÁO") with the
trích yếu under it. End: "Nơi nhận:" list (left) and the signature (right): authority prefix
(TM., KT., TL., TUQ., Q.), position, and the signer's name on the last line.

DOCX and PDF readers deliver these zones as HEADER and SIGNATURE blocks with cell rows; plain
text (TXT, some OCR) gives only paragraphs, so every rule also works on lines of plain blocks.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extract.model import Block, BlockKind, Document, Metadata, Period, Signer
from extract.periods import parse_period
from extract.vietnamese import fold, is_syllable, normalize_text

FRONT_BLOCKS = 20  # the header, type name and trích yếu sit in the first blocks
TAIL_BLOCKS = 15  # "Nơi nhận" and the signature sit in the last blocks
BODY_PARAGRAPH_CHARS = 300  # a longer block is body text, never part of the title
OPENING_PARAGRAPHS = 4
BODY_LINE_CHARS = 120  # a longer non-list line is running text, not part of the signature zone
MAX_NAME_WORDS = 6  # where an undated title's period is looked for next

# Phụ lục III Nghị định 30/2020 (and Party documents): type name -> abbreviation in the ký hiệu.
DOC_TYPES: dict[str, str] = {
    "bao cao": "BC", "ke hoach": "KH", "quyet dinh": "QĐ", "chi thi": "CT", "huong dan": "HD",
    "thong bao": "TB", "to trinh": "TTr", "nghi quyet": "NQ", "cong van": "CV", "chuong trinh": "CTr",
    "bien ban": "BB", "de an": "ĐA", "phuong an": "PA", "du an": "DA", "quy che": "QC", "quy dinh": "QyĐ",
    "thong cao": "TC", "giay moi": "GM", "ket luan": "KL", "cong dien": "CĐ", "hop dong": "HĐ",
    "giay gioi thieu": "GGT", "giay uy quyen": "GUQ", "ban ghi nho": "BGN", "ban thoa thuan": "BTT",
}
TYPE_ABBRS = {fold(a): a for a in DOC_TYPES.values()}
LIST_TITLE_RE = re.compile(r"^(?:danh sach|bieu (?:mau|tong hop|thong ke)|bang (?:tong hop|thong ke|ke))\b")

SHORT_POSITION_WORDS = 4  # a position without a known word ("GIÁO VIÊN") is short
POSITION_WORDS = (
    "chủ tịch", "phó", "trưởng", "hiệu trưởng", "giám đốc", "bí thư", "chánh", "chỉ huy", "chủ nhiệm",
    "thủ trưởng", "kế toán", "người lập", "ủy viên", "tổng", "thư ký", "chính trị viên", "chủ tọa",
)
AUTHORITIES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}
AUTHORITY_RE = re.compile(
    r"^(?:(?P<prefix>T/?M|K/?T|T/?L|T/?UQ|Q)\s*[./]\s*|(?P<bare>TM|KT|TL|TUQ)\s+(?=[A-ZĐ]))(?P<rest>.*)$",
    re.IGNORECASE,
)
# "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG": the deputy's position run into the authority line
_DEPUTY_IN_LINE = re.compile(r"\s(PHÓ\s.+)$")

MERGED_AUTHORITY_RE = re.compile(r"^(?P<left>.*?\S)\s+(?P<right>(?:TM|KT|TL|TUQ|Q)\.\s.*)$")
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
PLACE_DATE_RE = re.compile(
    # a day or month filled in by hand on a scan may come out of OCR as a short non-number ("ngày Lãi")
    r"(?P<place>[^\W\d_][^,\n]{0,60}?)\s*,\s*ngày\s*(?:(?P<d>\d{1,2})|[^\s\d]{1,4}(?=\s))?[\s.…_]*"
    r"tháng\s*(?:(?P<m>\d{1,2})|[^\s\d]{1,4}(?=\s))?[\s.…_]*năm\s*(?P<y>(?:19|20)\d{2})",
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
RECIPIENTS_RE = re.compile(r"^\W*n[ơo]i\s+nh[ậa]n\s*:?\s*", re.IGNORECASE)
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
    "Giáo dục thường xuyên", "Nhân dân",
]
_LEXICON = sorted(((tuple(p.lower().split()), p.split()) for p in NAME_LEXICON), key=lambda e: -len(e[0]))
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
class _Line:
    text: str
    block: Block
    column: int | None = None  # 0 left, 1 right, for the cells of HEADER/SIGNATURE blocks


def extract_metadata(document: Document) -> Metadata:
    front = _front_lines(document)
    tail = _tail_lines(document)
    number = _number(front)
    place, date = _place_date(front)
    title_type, title = _title(front)
    doc_type = _type_from_number(number) or title_type or _congvan_hint(title)
    signer, on_behalf_of = _signer(tail)
    issuer = (_issuer_from_header(front) or _deciding_authority(front)
              or _issuer_from_body(document, place, on_behalf_of))
    period = _period(document, title, date)
    return Metadata(
        number=number, doc_type=doc_type, issuer=issuer, place=place, date=date, title=title,
        period=period, signer=signer, recipients=_recipients(tail),
    )


# --- lines of the front and tail zones ---------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(normalize_text(text).replace("*", " ").split())


def _block_lines(block: Block) -> list[_Line]:
    if block.kind in (BlockKind.HEADER, BlockKind.SIGNATURE) and block.rows:
        return _cell_lines(block)
    return [_Line(_clean(t), block) for t in block.text.split("\n") if _clean(t)]


def _cell_lines(block: Block) -> list[_Line]:
    """Lines of the left cells first, then of the right cells (merged cells read once)."""
    out: list[_Line] = []
    rows = block.rows or []
    width = max((len(r) for r in rows), default=0)
    for col in range(width):
        seen: set[str] = set()
        for row in rows:
            cell = row[col] if col < len(row) else ""
            if cell in seen or (col > 0 and cell == row[col - 1]):
                continue
            seen.add(cell)
            side = 0 if col == 0 else 1
            out.extend(_Line(_clean(t), block, side) for t in cell.split("\n") if _clean(t))
    return out


def _front_lines(document: Document) -> list[_Line]:
    lines: list[_Line] = []
    for block in _content_blocks(document)[:FRONT_BLOCKS]:
        if block.kind is BlockKind.TABLE or block.kind is BlockKind.SIGNATURE:
            continue
        if lines and block.kind is not BlockKind.HEADER and len(block.text) > BODY_PARAGRAPH_CHARS:
            break
        lines.extend(_block_lines(block))
    return lines


def _tail_lines(document: Document) -> list[_Line]:
    blocks = _content_blocks(document)
    signatures = [b for b in blocks if b.kind is BlockKind.SIGNATURE]
    if signatures:
        return _block_lines(signatures[-1])
    tail = blocks[-TAIL_BLOCKS:]
    start = next((i for i in range(len(tail) - 1, -1, -1) if _is_body_text(tail[i].text)), -1)
    lines = [line for b in tail[start + 1:] for line in _block_lines(b)]
    return [_Line(part, line.block) for line in lines for part in _split_columns(line.text)]


def _split_columns(text: str) -> list[str]:
    """Undo a two-column line that OCR or text extraction merged:
    'Nơi nhận: TM. ỦY BAN NHÂN DÂN' -> ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'];
    '- Sở Nội vụ; CHỦ TỊCH' -> ['- Sở Nội vụ;', 'CHỦ TỊCH']."""
    match = MERGED_AUTHORITY_RE.match(text)
    if match:
        return [match.group("left"), match.group("right")]
    match = MERGED_POSITION_RE.match(text)
    if match and _is_upper(match.group("right")) and _names_position(match.group("right")):
        return [match.group("left"), match.group("right")]
    return [text]


def _is_body_text(text: str) -> bool:
    """The closing sentence or any running text: the signature zone starts after the last one."""
    stripped = text.strip()
    if _is_closing(stripped):
        return True
    return len(stripped) > BODY_LINE_CHARS and not _is_upper(stripped) and not re.match(r"^[-+•–]", stripped)


def _content_blocks(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind is not BlockKind.PAGE_HEADER and b.text.strip()]


def _is_closing(text: str) -> bool:
    """The closing sentence ("Trên đây là báo cáo ...", "... ./.") ends the body."""
    stripped = text.strip()
    return fold(stripped).startswith("tren day la") or stripped.endswith("./.")


# --- number, type, place and date ----------------------------------------------------------------


def _number(front: list[_Line]) -> str | None:
    for line in front:
        match = NUMBER_RE.search(line.text)
        if match and (line.column is not None or line.text.lstrip().startswith("S")):
            raw = re.sub(r"\s+", "", match.group("num"))
            return re.sub(r"^[.…_]+", "", raw).rstrip(".")
    return None


def _type_from_number(number: str | None) -> str | None:
    """'25/KH-UBND' -> KH; '127-QĐ/TW' -> QĐ; '229/UBND-NV' (no type group) -> CV."""
    if not number:
        return None
    party = re.match(r"^\d*-([^/]+)/", number)
    if party and fold(party.group(1)) in TYPE_ABBRS:
        return TYPE_ABBRS[fold(party.group(1))]
    groups = number.rsplit("/", 1)[-1].split("-")
    if fold(groups[0]) in TYPE_ABBRS:
        return TYPE_ABBRS[fold(groups[0])]
    if len(groups) >= 2 and number.count("/") == 1:
        return "CV"  # Công văn: the ký hiệu is <cơ quan>-<đơn vị soạn thảo>, with no type group
    return None


def _congvan_hint(title: str | None) -> str | None:
    return "CV" if title and fold(title).startswith("v/v") else None


def _place_date(front: list[_Line]) -> tuple[str | None, str | None]:
    """The document's own "Tuần Giáo, ngày 20 tháng 6 năm 2021": it ends its line; a date inside a
    sentence ("Xét tờ trình số 02/TTr-BCĐ, ngày 18 tháng 11 năm 2020 về việc ...") is a cited one."""
    for line in front:
        text = MOTTO_RE.sub(" ", line.text)
        for match in (*PLACE_DATE_RE.finditer(text), *SLASH_DATE_RE.finditer(text)):
            rest = text[match.end():].split("\n", 1)[0]
            if rest.strip(" .,;:)|") or CITING_RE.match(text):
                continue
            return _place(match.group("place")), _iso_date(match.group("y"), match.group("m"), match.group("d"))
    return None, None


def _place(raw: str) -> str | None:
    """The trailing run of capitalised words: 'Số: /BC-UBND Tuần Giáo' -> 'Tuần Giáo'."""
    words = raw.split()
    kept: list[str] = []
    for word in reversed(words):
        if not (word[0].isupper() or word.lower() in ("tp.", "tx.")):
            break
        kept.insert(0, word)
    if kept and "/" in kept[0]:
        kept = kept[1:]
    return " ".join(kept) or None


def _iso_date(year: str, month: str | None, day: str | None) -> str:
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


# --- type name and trích yếu ---------------------------------------------------------------------


def _type_word(text: str) -> tuple[str, str] | None:
    """('BC', rest) when an upper-case line starts with a type name: 'BÁO CÁO', 'KẾ HOẠCH ...'."""
    if not _is_upper(text) or text.rstrip().endswith(":"):
        return None
    folded = fold(text)
    for name, abbr in sorted(DOC_TYPES.items(), key=lambda kv: -len(kv[0])):
        if folded == name or folded.startswith(name + " "):
            rest = text.split(None, len(name.split()))[len(name.split()):]
            return abbr, " ".join(rest)
    return None


def _title(front: list[_Line]) -> tuple[str | None, str | None]:
    for i, line in enumerate(front):
        if line.column is not None:
            continue
        found = _type_word(line.text)
        if found:
            abbr, rest = found
            return abbr, _trich_yeu(front[i + 1:], rest)
    listing = next((i for i, ln in enumerate(front) if ln.column is None and _is_upper(ln.text)
                    and LIST_TITLE_RE.match(fold(ln.text))), None)
    if listing is not None:  # "DANH SÁCH ĐỀ NGHỊ ...": a list has no type of its own (ND30 names none)
        return None, _trich_yeu(front[listing + 1:], front[listing].text)
    vv = next((ln.text for ln in front if fold(ln.text).startswith("v/v")), None)
    return None, vv


def _trich_yeu(after: list[_Line], rest: str) -> str | None:
    parts = [rest] if rest else []
    first: _Line | None = None
    for line in after:
        if DECORATION_RE.match(line.text):
            if parts:
                break
            continue
        if first is None and not parts:
            if not _can_start_title(line.text):
                break
            first = line
            parts.append(line.text)
            continue
        if not _continues_title(first, parts[-1], line):
            break
        parts.append(line.text)
    title = " ".join(" ".join(parts).split())
    return title or None


def _can_start_title(text: str) -> bool:
    return not (SECTION_START_RE.match(text) or len(text) > BODY_PARAGRAPH_CHARS or text.endswith(":"))


def _continues_title(first: _Line | None, previous: str, line: _Line) -> bool:
    """A wrapped trích yếu line: same bold face as the first line, or clearly unfinished text."""
    text = line.text
    if not _can_start_title(text) or text.endswith((".", ";")):
        return False
    if _is_upper(text) and not _is_upper(previous):
        return False  # "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." under a decision's "Về việc ..."
    if first is not None and first.block is not line.block and first.block.style.bold:
        return line.block.style.bold
    if first is not None and first.block is line.block:
        return True
    return text[:1].islower() or text[:1].isdigit() or previous.rstrip().endswith((",", "-", "và", "của"))


# --- issuer ---------------------------------------------------------------------------------------


def _issuer_from_header(front: list[_Line]) -> str | None:
    """The upper-case lines above "Số:" (or the date, or the type name) in the left column."""
    names: list[str] = []
    for line in front:
        if line.column == 1:
            continue
        text = MOTTO_RE.sub(" ", line.text).strip(" -–—:;,.")
        if NUMBER_RE.search(text) or PLACE_DATE_RE.search(text) or _type_word(text):
            return official_name(_issuing_line(names)) if names else None
        if _is_upper(text) and not DECORATION_RE.match(text):
            names.append(text)
    return None  # no header frame: upper-case lines alone may be a heading, not a body name


# the line a decision opens its preamble with: who decides ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN
# NHÂN DÂN XÃ", "GIÁM ĐỐC SỞ Y TẾ"), between the trích yếu and "Căn cứ"
DECIDER_RE = re.compile(
    r"^(?:CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|CỤC\s+TRƯỞNG|"
    r"VIỆN\s+TRƯỞNG|TRƯỞNG\s+BAN|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|THỦ\s+TRƯỞNG|CHÁNH\s+ÁN)\b"
)


def _deciding_authority(front: list[_Line]) -> str | None:
    """A decision without its header table still names who decides above "Căn cứ"."""
    for i, line in enumerate(front):
        text = line.text.strip(" |*\t")
        if re.match(r"^căn\s+cứ", text, re.IGNORECASE):
            return None
        if DECIDER_RE.match(text) and _is_upper(text) and len(text.split()) <= 12 and i > 0:
            return official_name(text)
    return None


def _issuing_line(names: list[str]) -> str:
    """The last body name; a locality line continues the name above it ("ỦY BAN NHÂN DÂN" / "HUYỆN X")."""
    joined: list[str] = []
    for name in names:
        starts_locality = re.match(rf"^(?:{ADMIN_LEVEL_RE})\s+(?!ủy\b)", name, re.IGNORECASE)
        above_has_place = joined and re.search(rf"\b(?:{ADMIN_LEVEL_RE})\s", joined[-1], re.IGNORECASE)
        wrapped = joined and joined[-1].rstrip().upper().endswith((" VÀ", "&", "-", ","))
        if joined and ((starts_locality and not above_has_place) or wrapped):
            joined[-1] = f"{joined[-1]} {name}"
        else:
            joined.append(name)
    return joined[-1]


def _issuer_from_body(document: Document, place: str | None, on_behalf_of: str | None) -> str | None:
    blocks = [b for b in _content_blocks(document) if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]
    for block in blocks[:OPENING_PARAGRAPHS]:
        match = OPENING_ISSUER_RE.search(normalize_text(block.text)) or ATTACHED_ISSUER_RE.match(
            normalize_text(block.text))
        if match and _is_name_phrase(match.group("org")):
            return _complete(official_name(match.group("org")), place)
    for block in reversed(blocks[-TAIL_BLOCKS:]):
        if _is_closing(block.text):
            match = CLOSING_ISSUER_RE.search(normalize_text(block.text.strip()))
            if match and _is_name_phrase(match.group("org")):
                return _complete(official_name(match.group("org")), place)
    if on_behalf_of:
        return _complete(official_name(on_behalf_of), place, _admin_level(document, place))
    return None


def _is_name_phrase(text: str) -> bool:
    """A body's name: after its head, capitalised words, tier words and "và" only ("Ủy ban nhân
    dân huyện Tuần Giáo"), not a clause ("Sở Nội vụ cấp cho đơn vị")."""
    words = text.split()[1:]
    lower_ok = {"ban", "nhân", "dân", "và", "huyện", "tỉnh", "xã", "phường", "thị", "trấn", "xã", "thành", "phố",
                "quận", "nhân", "đào", "tạo", "dục", "ủy", "vụ", "học", "cơ", "sở", "non", "số", "phổ", "thông"}
    return all(w[:1].isupper() or w.lower() in lower_ok or not w[:1].isalpha() for w in words)


def _complete(name: str, place: str | None, level: str | None = None) -> str:
    """'Ủy ban nhân dân huyện' + place 'Tuần Giáo' -> 'Ủy ban nhân dân huyện Tuần Giáo'."""
    if not place:
        return name
    if re.search(rf"\b(?:{ADMIN_LEVEL_RE})$", name):
        return f"{name} {place}"
    if level and fold(place) not in fold(name):
        return f"{name} {level} {place}"
    return name


def _admin_level(document: Document, place: str | None) -> str | None:
    """Which unit the place is ('huyện Tuần Giáo'), by how the body text names it."""
    if not place:
        return None
    pattern = re.compile(rf"\b({ADMIN_LEVEL_RE})\s+{re.escape(place)}\b", re.IGNORECASE)
    counts = Counter(m.group(1).lower() for b in document.blocks for m in pattern.finditer(b.text))
    return counts.most_common(1)[0][0] if counts else None


def official_name(name: str) -> str:
    """Full, conventionally cased body name: 'UBND HUYỆN TUẦN GIÁO' -> 'Ủy ban nhân dân huyện Tuần Giáo'."""
    text = " ".join(normalize_text(name).split()).strip(" ,;:.")
    upper = _is_upper(text)
    for abbr, full in EXPANSIONS.items():
        text = re.sub(rf"(?<![\w&]){abbr}(?![\w&])", full.upper() if upper else full, text)
    words = _recase(text.split()) if upper else text.split()
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _recase(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, canonical in _LEXICON:
            if tuple(w.lower() for w in words[i:i + len(key)]) == key:
                out.extend(canonical)
                i += len(key)
                break
        else:
            out.append(_title_word(words[i]))
            i += 1
    return out


def _title_word(word: str) -> str:
    """Title case for a syllable; abbreviations (THCS, GD&ĐT) and numbers stay as written."""
    letters = word.strip("().,;:")
    if not letters or not is_syllable(letters.lower()):
        return word
    return word[:1].upper() + word[1:].lower()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# --- signature and recipients ---------------------------------------------------------------------


def _signer(tail: list[_Line]) -> tuple[Signer | None, str | None]:
    """The signer, and the body a TM. signature acts for ("ỦY BAN NHÂN DÂN" in "TM. ỦY BAN NHÂN DÂN")."""
    lines = _signature_lines(tail)
    caps = [ln for ln in lines if _is_upper(ln) and not ln.startswith("(")]
    if not caps:
        return None, None
    signer = Signer()
    if len(caps) >= 2 and _looks_like_name(caps[-1]) and not _names_position(caps[-1]):
        signer.name = _person_case(caps.pop())  # the name typed in capitals under the position
    on_behalf_of: str | None = None
    last_prefixed: str | None = None
    for text in caps:
        match = AUTHORITY_RE.match(text)
        if match:
            prefix = fold(match.group("prefix") or match.group("bare")).replace("/", "")
            if signer.authority is None and prefix == "tm":
                on_behalf_of = match.group("rest")
            signer.authority = AUTHORITIES.get(prefix)
            deputy = _DEPUTY_IN_LINE.search(match.group("rest"))
            # after KT./TM./TL./TUQ. the line names the principal ("KT. THỦ TƯỚNG"), not the one
            # who signs; only a deputy's position run into it is the signer's
            last_prefixed = deputy.group(1) if deputy else (match.group("rest") if prefix == "q" else None)
    plain = [t for t in caps if not AUTHORITY_RE.match(t)]
    # the position names one ("CHỦ TỊCH", "HIỆU TRƯỞNG"); a capitals line that does not — an
    # annex's title after the signature, "DANH SÁCH ĐƯỢC TẶNG THƯỞNG ..." — is no position
    positions = [t for t in plain if _names_position(t)]
    short = [t for t in plain if len(t.split()) <= SHORT_POSITION_WORDS]
    position = (positions[-1] if positions else _position_under_authority(lines) or last_prefixed
                or (short[-1] if short else None))
    signer.position = _position_case(position) if position else None
    names = [ln for ln in lines[lines.index(caps[-1]) + 1:] if _looks_like_name(ln)]
    if names:
        signer.name = _person_case(names[-1])
    return signer, on_behalf_of


def _position_under_authority(lines: list[str]) -> str | None:
    """"KT. THỦ TƯỚNG" / "Phó Thủ tướng": the position typed under the authority line, not in capitals."""
    for i, text in enumerate(lines):
        if AUTHORITY_RE.match(text) and i + 1 < len(lines):
            below = lines[i + 1].strip()
            if not _is_upper(below) and _names_position(below) and len(below.split()) <= 6:
                return below
    return None


def _signature_lines(tail: list[_Line]) -> list[str]:
    """The signature column: the right cell of a SIGNATURE block, else the lines after the
    recipients list, from the first authority prefix or upper-case position line."""
    if any(ln.column == 1 for ln in tail):
        return [ln.text for ln in tail if ln.column == 1]
    texts = [ln.text for ln in tail if not _is_recipient_line(ln.text)]
    start = next((i for i, t in enumerate(texts) if AUTHORITY_RE.match(t) or _is_position_line(t)), None)
    return texts[start:] if start is not None else []


def _is_position_line(text: str) -> bool:
    return _is_upper(text) and len(text.split()) <= 8 and not RECIPIENTS_RE.match(text) and not _type_word(text)


def _names_position(text: str) -> bool:
    lowered = f" {text.lower()} "
    return any(f" {word} " in lowered for word in POSITION_WORDS)


def _looks_like_name(text: str) -> bool:
    """'Vũ Văn Đức', 'VŨ VĂN ĐỨC': 2-6 capitalised words, no digits or sentence punctuation."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or re.search(r"[\d,;:()/]", text):
        return False
    return all(w[:1].isupper() for w in words)


def _is_recipient_line(text: str) -> bool:
    return bool(RECIPIENTS_RE.match(text) or re.match(r"^[-+•–]\s*", text))


def _position_case(text: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch'; 'HIỆU TRƯỞNG' -> 'Hiệu trưởng'."""
    words = text.lower().split()
    if words and words[0] == "phó" and len(words) > 1:
        words[1] = words[1].capitalize()
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _person_case(text: str) -> str:
    text = " ".join(text.split())
    if _is_upper(text):
        return " ".join(w.capitalize() for w in text.split())
    return text


def _recipients(tail: list[_Line]) -> list[str]:
    lines = [ln.text for ln in tail if ln.column in (None, 0)]
    start = next((i for i, t in enumerate(lines) if RECIPIENTS_RE.match(t)), None)
    if start is None:
        return []
    items: list[str] = []
    first_rest = RECIPIENTS_RE.sub("", lines[start])
    for text in ([first_rest] if first_rest else []) + lines[start + 1:]:
        if re.match(r"^[-+•–]\s*", text):
            items.append(re.sub(r"^[-+•–]\s*", "", text))
        elif AUTHORITY_RE.match(text) or _is_position_line(text):
            continue  # the signature column interleaved with the list
        elif items and _unfinished(items[-1], text):
            items[-1] = f"{items[-1]} {text}"
        else:
            break
    return [r for r in (item.rstrip(" ;.,") for item in items) if r]


def _unfinished(previous: str, text: str) -> bool:
    """A wrapped recipient line, not the signature: "(UBND thị xã Mường Lay);" after "...;"."""
    if AUTHORITY_RE.match(text) or _is_position_line(text) or previous.rstrip().endswith("."):
        return False  # the list's last item ends with "." ("- Lưu: VT, NV.")
    return text.startswith("(") or text[:1].islower() or not previous.rstrip().endswith(";")


# --- period ----------------------------------------------------------------------------------------


def _period(document: Document, title: str | None, date: str | None) -> Period | None:
    year = int(date[:4]) if date else None
    candidates = [title] if title else []
    # the preamble of a decision ("Căn cứ ...", "Xét đề nghị ...") cites other documents' periods
    paragraphs = [b for b in _content_blocks(document) if b.kind is BlockKind.PARAGRAPH and not CITING_RE.match(b.text)]
    candidates += [b.text for b in paragraphs[:OPENING_PARAGRAPHS]]
    for text in candidates:
        period = parse_period(normalize_text(text), default_year=year)
        if period is not None:
            return period
    return None
