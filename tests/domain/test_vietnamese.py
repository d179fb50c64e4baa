"""domain.text and domain.encodings: normalization, folding, TCVN3/VNI repair and legacy detection."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest

from domain.encodings import TCVN3_TABLE, decode_tcvn3, decode_vni, detect_legacy, encode_tcvn3, encode_vni, repair
from domain.text import clean_text, fold, is_syllable, normalize_text, strip_diacritics

LOWER = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
MARKED = [c for c in LOWER + LOWER.upper() if c.lower() not in "aeiouy"]  # the 134 letters with marks
SENTENCE = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Ủy ban nhân dân huyện "
    "Tuần Giáo khen thưởng 16 tập thể và 465 cá nhân có thành tích xuất sắc trong năm học."
)
# --- TCVN3 ---------------------------------------------------------------------------------------


def test_tcvn3_table_covers_every_marked_letter() -> None:
    assert len(MARKED) == 134
    lower = [c for c in MARKED if c.islower()]
    assert sorted(TCVN3_TABLE[b] for b in TCVN3_TABLE if TCVN3_TABLE[b].islower()) == sorted(lower)
    # Toned capitals are the lower-case bytes drawn by the capital font (.VnTimeH).
    for letter in MARKED:
        if letter.isupper():
            byte = encode_tcvn3(letter.lower())
            assert decode_tcvn3(byte, capitals=True)[0] == letter


@pytest.mark.parametrize(
    ("legacy", "font", "expected"),
    [
        ("C«ng t¸c thi ®ua, khen th\xadëng", ".VnTime", "Công tác thi đua, khen thưởng"),
        ("¸", ".VnTimeH", "Á"),
        ("ñy ban", ".VnTimeH", "ỦY BAN"),
        ("N¡M 2021", ".VnArial", "NĂM 2021"),
        ("v¨n ho¸", ".VnTime", "văn hóa"),  # repaired text gets the modern tone placement
        ("Thi ®ua", "Times New Roman", "Thi ®ua"),  # a Unicode font: the font decides, nothing converted
    ],
)
def test_repair_with_font(legacy: str, font: str, expected: str) -> None:
    assert repair(legacy, font=font).text == expected


def _docx_paragraphs(path: Path, convert: bool) -> list[str]:
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    if convert:
        return ["".join(repair(run.text, font=run.font.name).text for run in p.runs) for p in paragraphs]
    return [normalize_text("".join(run.text for run in p.runs)) for p in paragraphs]


def test_tcvn3_seed_docx_converts_to_the_unicode_docx(seed_dir: Path) -> None:
    """Run by run with its font, the TCVN3 copy of the seed equals the Unicode copy exactly."""
    legacy = _docx_paragraphs(seed_dir / "bao-cao-tdkt-6t-2021-tcvn3.docx", convert=True)
    unicode = _docx_paragraphs(seed_dir / "bao-cao-tdkt-6t-2021.docx", convert=False)
    assert len(legacy) == len(unicode)
    for got, want in zip(legacy, unicode):
        assert got == want


def test_tcvn3_seed_without_fonts_is_found_and_repaired(seed_dir: Path) -> None:
    """Fonts lost (text pasted elsewhere): analysis alone finds and converts the TCVN3 text."""
    document = docx.Document(str(seed_dir / "bao-cao-tdkt-6t-2021-tcvn3.docx"))
    raw = "\n".join(p.text for p in document.paragraphs)
    reference = docx.Document(str(seed_dir / "bao-cao-tdkt-6t-2021.docx"))
    unicode = normalize_text("\n".join(p.text for p in reference.paragraphs))
    assert detect_legacy(raw) == "tcvn3"
    fixed = repair(raw)
    assert fixed.encoding == "tcvn3"
    assert len(fixed.text) == len(unicode)
    assert fold(fixed.text) == fold(unicode)
    # Only capitals typed in .VnTimeH mid-sentence ("của Ủy ban") cannot be told without the font.
    assert sum(a != b for a, b in zip(fixed.text, unicode)) < 20


def test_no_false_positive_on_the_unicode_seed(seed_dir: Path) -> None:
    text = (seed_dir / "bao-cao-tdkt-6t-2021.txt").read_text(encoding="utf-8")
    assert detect_legacy(text) is None
    fixed = repair(text)
    assert fixed.encoding is None
    assert fixed.text == normalize_text(text)


# --- VNI -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vni", "expected"),
    [
        ("Vieät Nam", "Việt Nam"),
        ("Haø Noäi", "Hà Nội"),
        ("nöôùc", "nước"),
        ("Ñaûng", "Đảng"),
        ("Chuû tòch", "Chủ tịch"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("naêm hoïc", "năm học"),
        ("Ñaëng", "Đặng"),
        ("khuyeân", "khuyên"),
    ],
)
def test_vni_known_words(vni: str, expected: str) -> None:
    assert decode_vni(vni)[0] == expected


def test_vni_round_trip_of_every_letter() -> None:
    for letter in MARKED:
        encoded = encode_vni(letter)
        assert encoded != letter or letter in "íìÍÌ", letter  # í, ì keep their Latin-1 code
        assert decode_vni(encoded)[0] == letter, (letter, encoded)
    assert decode_vni(encode_vni(SENTENCE))[0] == SENTENCE


def test_vni_offsets_point_at_base_letters() -> None:
    fixed = repair("thi ñua, khen thöôûng")
    assert fixed.encoding == "vni"
    assert fixed.text == "thi đua, khen thưởng"
    for i, char in enumerate(fixed.text):
        if char.isascii():
            assert fixed.original[fixed.offset_map[i]] == char


# --- detection -----------------------------------------------------------------------------------


def test_only_the_legacy_span_is_converted() -> None:
    before = "Báo cáo của Ủy ban nhân dân huyện Tuần Giáo về kết quả."
    after = "Kết quả đạt được rất tốt, có ý nghĩa."
    legacy = encode_tcvn3("Công tác thi đua khen thưởng năm 2021 đạt nhiều kết quả")
    fixed = repair(f"{before} {legacy}. {after}")
    assert fixed.encoding == "tcvn3"
    assert fixed.text == f"{before} Công tác thi đua khen thưởng năm 2021 đạt nhiều kết quả. {after}"


def test_mixed_unicode_and_vni() -> None:
    legacy = encode_vni("Công tác thi đua khen thưởng")
    fixed = repair(f"Báo cáo của huyện. {legacy}.")
    assert fixed.text == "Báo cáo của huyện. Công tác thi đua khen thưởng."
    assert fixed.encoding == "vni"


@pytest.mark.parametrize(
    "text",
    [
        "Le café où j'ai mangé était très bon. Ça coûte 5 €, façade, naïve, Noël, garçon, élève, forêt.",
        "The µm scale and © 2021 ® trademark, ½ cup, 3 × 4 ÷ 2, «quoted» § 5 ¶ 2, 25°C ± 0.5, 5 µg",
        "España, mañana, niño, señor; Müller, Größe, schön, für, über; São Paulo, coração, não",
        "Ông Nguyễn Văn Á và bà Lò Thị Ú, bản Hua Ná, xã Quài Cang; Cà Mau; Ô Môn; hoà, thuỷ, khoẻ",
    ],
)
def test_no_false_positive_on_foreign_or_unicode_text(text: str) -> None:
    assert detect_legacy(text) is None
    assert repair(text).text == normalize_text(text)


def test_font_names_decide() -> None:
    assert detect_legacy("abc", font=".VnTime") == "tcvn3"
    assert detect_legacy("abc", font=".VnArialH") == "tcvn3"
    assert detect_legacy("abc", font="VNI-Times") == "vni"
    assert detect_legacy("abc", font="Times New Roman") is None


@pytest.mark.parametrize("word", ["nghiêng", "quyết", "giữa", "khuya", "thuở", "hoặc", "Nguyễn", "xoong", "gì"])
def test_real_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["ñua", "xaÞ", "café", "hµnh", "tiếc\u0303", "bạn\u0301", "website", "cáp\u0300"])
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


# --- normalization -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoá học", "hóa học"),
        ("thuỷ lợi", "thủy lợi"),
        ("Hoà Bình", "Hòa Bình"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("ma tuý", "ma túy"),
        ("uỷ ban", "ủy ban"),
        ("HOÀ, THUỶ", "HÒA, THỦY"),
        ("quý, quỳ, quỷ", "quý, quỳ, quỷ"),  # qu + y: the tone is on y in both styles
        ("khuyến khích, hoàng, tuyển, ngoài", "khuyến khích, hoàng, tuyển, ngoài"),
        ("hóa, thủy", "hóa, thủy"),
        ("a\u00a0b", "a b"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected
    assert len(normalize_text(text)) == len(unicodedata.normalize("NFC", text))


def test_normalize_decomposed_input() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "Hoà Bình, thuỷ lợi")) == "Hòa Bình, thủy lợi"


def test_clean_text_removes_invisible_characters_with_offsets() -> None:
    text = "Thi\u200b đua\u00ad khen"
    cleaned, offsets = clean_text(text)
    assert cleaned == "Thi đua khen"
    assert [text[i] for i in offsets] == list(cleaned)


def test_fold_and_strip() -> None:
    assert fold("  Đồng   Hỷ\u00a0Tuần Giáo ") == "dong hy tuan giao"
    assert fold(unicodedata.normalize("NFD", "Hoà Bình")) == fold("Hòa Bình") == "hoa binh"
    assert strip_diacritics("Điện Biên Phủ") == "Dien Bien Phu"


def test_repair_maps_offsets_into_the_original() -> None:
    original = encode_tcvn3("Ủy ban nhân dân huyện Điện Biên Đông")
    fixed = repair(original, font=".VnTime")
    assert len(fixed.offset_map) == len(fixed.text)
    assert fixed.offset_map == sorted(fixed.offset_map)
    assert all(0 <= i < len(original) for i in fixed.offset_map)
