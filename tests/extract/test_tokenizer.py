"""The tdkt tokenizer keeps doc.text identical to the block text, whatever underthesea does."""
from __future__ import annotations

import unicodedata

import pytest
import spacy

import extract.nlp.tokenizer  # noqa: F401
from extract.nlp.tokenizer import align


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "tdkt.vi_tokenizer.v1"}}})


TEXTS = [
    "Năm 2021, cô giáo Vũ Thị Ngọt - trường Mầm non thị trấn được tặng Bằng khen.",
    "  Tổng đàn gia súc ước đạt: 84.721 con;\nsản lượng 187 tấn, đạt 43,8% KH.  ",
    unicodedata.normalize("NFD", "Hòa bình, hoá học, thuỷ sản, Đặng Văn Đức"),
    "hoá học thuỷ lợi Hoà",  # old tone style: underthesea rewrites it, offsets must not move
    "a\u00a0b\tc\u200bd … “trích dẫn” (1) [2] 3/4 m³ 50%",
    "",
    "   ",
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nVũ Văn Đức",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_block_text(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_multi_syllable_words_are_one_token(nlp):
    doc = nlp("Cô giáo Vũ Thị Ngọt dạy học sinh")
    assert "Vũ Thị Ngọt" in [t.text for t in doc]


def test_optional_pos_component(nlp):
    import extract.nlp.pos  # noqa: F401  (registers tdkt_pos)

    tagger = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "tdkt.vi_tokenizer.v1"}}})
    tagger.add_pipe("tdkt_pos")
    doc = tagger("Cô giáo Vũ Thị Ngọt dạy học sinh")
    assert next(t for t in doc if t.text == "Vũ Thị Ngọt").tag_ == "Np"


def test_number_stays_one_token(nlp):
    doc = nlp("diện tích ước đạt 11.120,3 ha")
    assert "11.120,3" in [t.text for t in doc]


def test_align_rejects_disagreeing_segmentation():
    assert align("abc def", ["abc", "xyz", "more"]) is None
    assert align("abc def", ["abc", "def"]) == [(0, 3), (4, 7)]
