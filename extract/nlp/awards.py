"""tdkt_awards: statements that an award was given or proposed, with how many received it.

A statement is an *anchor* (what was given) with the *counts* written next to it:
- a named award: "Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể, 03 cá nhân",
  "Danh hiệu Lao động tiên tiến: 1.320 cá nhân", "45 cá nhân đạt danh hiệu CSTĐCS";
- the verb with its giver: "UBND huyện đã khen thưởng cho 44 tập thể, 73 cá nhân";
- a bullet's label in a commendation context: "Chuyên đề, đột xuất: 39 tập thể, 123 cá nhân"
  (no award type -> khong_ro, the label is the reason);
- table rows or columns (`extract.nlp.award_tables`).
Anchors without counts are descriptions, not statements ("đề nghị khen thưởng đột xuất đối với
các tập thể, cá nhân có thành tích"), and counts of registrations are figures ("16.226 hộ gia
đình đăng ký xây dựng gia đình văn hóa").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from domain.provenance import Provenance
from domain.taxonomy import CONF_CONTEXT_GIVER, CONF_FORM_DEFAULT, load_taxonomy, normalize
from extract.model import Award, Block, BlockKind
from extract.nlp.award_anchors import (
    Anchor,
    class_anchors,
    is_bare_form,
    label_anchor,
    merge_class_lists,
    name_anchors,
    name_spans,
    order_positions,
    sentence_start,
    verb_anchors,
)
from extract.nlp.award_counts import attach_counts, recipient_kind
from extract.nlp.award_lists import list_counts, listed_after
from extract.nlp.award_words import (
    COLLECTIVES,
    GIVE_VERBS,
    HOUSEHOLDS,
    INDIVIDUALS,
    NOT_AWARD,
    PROPOSED,
    TOTAL,
    find_counts,
    label_reason,
)
from extract.nlp.context import BlockContext, context_of, provenance, set_items
from extract.nlp.word_units import doc_text

SPAN_KEY = "tdkt_awards"
_REASON = re.compile(
    r"(?<!\w)(?:(?:vì|do)\s+)?(?:đã\s+)?(?:có\s+)?"
    r"(thành\s+tích|hoàn\s+thành\s+xuất\s+sắc|có\s+nhiều\s+đóng\s+góp|đóng\s+góp|lập\s+thành\s+tích)",
    re.IGNORECASE,
)
_REASON_TAIL = re.compile(r"(?:[\s,;:.]|\s(?:và|và được|được|đồng thời))+$")
_DECISION = re.compile(r"(?<![\w/])(\d+[\w.]*/(?:\d{4}/)?QĐ-[\wĐđ.\-]*\w)")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SEGMENT_END = re.compile(r"(?<=[.;!?])\s+|\n+")
# a segment that goes on with the sentence's verb and no subject of its own ("đề nghị UBND tỉnh
# tặng Cờ thi đua cho 02 đơn vị; tặng bằng khen cho 1 tập thể") shares the sentence's status
_CONTINUES = re.compile(r"^\s*(?:và\s+|đồng\s+thời\s+)?(?:" + GIVE_VERBS + r"|cho|đề\s+nghị)(?!\w)", re.IGNORECASE)
# a sentence that details the one before it ("Trong đó, có 1 tập thể nhận ...") shares its status
_DETAILS = re.compile(r"^\s*\(?(?:trong\s+đó|cụ\s+thể|gồm|bao\s+gồm|theo\s+đó)(?!\w)", re.IGNORECASE)
_INTRO_GAP = re.compile(r"^\s*(?:gồm|bao\s+gồm|là)?\s*:?\s*$", re.IGNORECASE)


@dataclass
class Statement:
    anchor: Anchor
    raw: str
    status: str
    reason: str | None
    decision: str | None
    start: int
    end: int
    recipients: list[tuple[str, Provenance]] = field(default_factory=list)  # listed after "cho:"


# --- counts ------------------------------------------------------------------------------------


def _merge_listed(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """"trao bằng khen của LĐLĐ thành phố gồm: 6 bằng khen tập thể, 10 bằng khen cá nhân": the
    bare forms listed after the statement are its counts, not statements of their own."""
    out: list[Anchor] = []
    for anchor in anchors:
        head = out[-1] if out else None
        if head is not None and is_bare_form(text, anchor) and anchor.award == head.award \
                and anchor.counts and all(c.kind != TOTAL for c in anchor.counts) \
                and not {c.kind for c in anchor.counts} & {c.kind for c in head.counts} \
                and (not head.counts or all(c.start > head.end for c in head.counts)) \
                and _INTRO_GAP.match(text[head.end:_first_start(head, anchor)]):
            head.counts += anchor.counts
            continue
        out.append(anchor)
    return out


def _first_start(head: Anchor, anchor: Anchor) -> int:
    """Where the listed part after `head` begins: at its first count, else at `anchor`."""
    after = [c.start for c in head.counts if c.start > head.end]
    return min(after) if after else min(anchor.start, *(c.start for c in anchor.counts))


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SEGMENT_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _is_registration(text: str, anchor: Anchor, seg: tuple[int, int]) -> bool:
    clause_start = max([seg[0]] + [text.rfind(p, seg[0], anchor.start) + 1 for p in ",:;"])
    # a movement's name in quotes ("xây dựng đời sống văn hóa") is no pledge
    clause = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[clause_start:anchor.start].lower())
    return bool(NOT_AWARD.search(clause))


def _reason_in(text: str, start: int, end: int) -> str | None:
    m = _REASON.search(text, start, end)
    if not m:
        return None
    reason = text[m.start(1) : end]
    reason = _REASON_TAIL.sub("", reason).strip()
    return normalize(reason) if reason else None


def _block_label(text: str) -> tuple[int, str] | None:
    """The label of a "Label: rest" bullet, with the offset where the rest begins."""
    colon = text.find(":")
    if colon < 0 or colon > 250:
        return None
    return colon + 1, text[:colon]


def parent_label(ctx: BlockContext) -> str | None:
    """The line this block's bullet hangs from: a lead-in ending with ":" or a "-" item above "+" items."""
    if ctx.lead_in:
        return ctx.lead_in
    marker = _marker(ctx.block)
    if not marker:
        return None
    blocks = ctx.document.blocks
    for i in range(ctx.block.index - 1, max(-1, ctx.block.index - 30), -1):
        block = blocks[i]
        if block.kind in (BlockKind.HEADING, BlockKind.TABLE) or i < 0:
            return None
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        other = _marker(block)
        if other == marker or (marker == "-" and other == "+"):  # siblings and their children
            continue
        if marker == "-" and other is None and not block.text.rstrip().endswith(":"):
            return None
        return block.text
    return None


def sibling_text(ctx: BlockContext, limit: int = 8) -> str:
    """The texts of the bullets above this one in the same list (their words set the context)."""
    marker = _marker(ctx.block)
    if not marker:
        return ""
    texts: list[str] = []
    for block in reversed(ctx.document.blocks[max(0, ctx.block.index - limit) : ctx.block.index]):
        if _marker(block) is None:
            break
        texts.append(block.text)
    return " ".join(texts)


def _marker(block: Block) -> str | None:
    m = re.match(r"^\s*([-+•*–−])\s", block.text)
    if m:
        return "-" if m.group(1) in "–−" else m.group(1)
    return block.style.numbering or None


def statements(text: str, ctx: BlockContext | None, mentions: list[str] | None = None) -> list[Statement]:
    """Every award statement in one paragraph or list item. The awards named with their giver but
    no count ("Hội LHPN huyện tặng giấy khen cho tập thể, cá nhân") are not statements; their ids
    go to `mentions`, for `settle_bare_forms`."""
    issuer = ctx.issuer if ctx else None
    parent = parent_label(ctx) if ctx else None
    heading = ctx.section_heading if ctx and ctx.section_heading else ""
    out: list[Statement] = []
    label = _block_label(text)
    names = name_spans(text)
    orders = order_positions(text)
    for seg in _segments(text):
        floor = sentence_start(text, seg[0])
        anchors = name_anchors(text, seg, issuer, names, floor)
        anchors += verb_anchors(text, seg, anchors, floor)
        anchors += class_anchors(text, seg, anchors, orders)
        anchors = merge_class_lists(text, sorted(anchors, key=lambda a: a.start))
        if not anchors and label and seg[0] < label[0]:
            found = label_anchor(text, seg, " ".join([heading, parent or "", sibling_text(ctx) if ctx else ""]))
            anchors = [found] if found else []
        attach_counts(text, anchors, seg)
        anchors = _merge_listed(text, anchors)
        listed = listed_after(text, anchors[-1], ctx) if anchors and not anchors[-1].counts and ctx else []
        if listed:
            anchors[-1].counts = list_counts(listed, anchors[-1])
        if not anchors and out and _counts_only(text, seg, out[-1]):
            continue
        kept = [a for a in anchors if a.counts and not _is_registration(text, a, seg)]
        if mentions is not None:
            mentions += [a.award for a in anchors if not a.counts and (a.confidence or 0) > CONF_FORM_DEFAULT]
        previous = out[-1].status if out else None
        out.extend(_statement(text, a, kept, seg, label, parent, previous) for a in kept)
        if listed and out and out[-1].anchor is anchors[-1]:
            out[-1].recipients = listed
    return out


def _counts_only(text: str, seg: tuple[int, int], last: Statement) -> bool:
    """"đề nghị UBND tỉnh tặng Bằng khen cho 07 cá nhân; 01 tập thể": a segment of counts alone
    goes on with the statement before it. Adds them and says so."""
    counts = find_counts(text, seg[0], seg[1])
    rest = text[seg[0]:seg[1]]
    for c in reversed(counts):
        rest = rest[:c.start - seg[0]] + rest[c.end - seg[0]:]
    if not counts or re.sub(r"[\s,;.+\-–]|và", "", rest) or last.end < seg[0] - 3:
        return False
    kinds = {c.kind for c in last.anchor.counts}
    new = [c for c in counts if c.kind not in kinds]
    if len(new) != len(counts):
        return False
    last.anchor.counts += new
    last.end = seg[1]
    return True


def _status(text: str, anchor: Anchor, seg: tuple[int, int], parent: str | None, previous: str | None) -> str:
    """Proposed when "đề nghị" (trình, lấy ý kiến ...) governs the anchor: in its clause, in the
    sentence its segment goes on ("...; tặng bằng khen cho ..."), or in the bullet it hangs from;
    a sentence that details the one before ("Trong đó, ...") keeps that one's status."""
    start = sentence_start(text, seg[0]) if _CONTINUES.match(text, seg[0]) else seg[0]
    clause = text[start: anchor.end].lower()
    if PROPOSED.search(clause) or (parent and PROPOSED.search(parent.lower())):
        return "proposed"
    if previous and _DETAILS.match(text, seg[0]):
        return previous
    return "awarded"


def _statement(
    text: str, anchor: Anchor, siblings: list[Anchor], seg: tuple[int, int],
    label: tuple[int, str] | None, parent: str | None, previous: str | None = None,
) -> Statement:
    end = max(c.end for c in anchor.counts)
    nxt = [a.start for a in siblings if a.start > anchor.start]
    region_end = min(nxt) if nxt else seg[1]
    reason = _reason_in(text, anchor.end, region_end)
    for other in siblings:
        if reason:
            break
        if other is not anchor:
            later = [a.start for a in siblings if a.start > other.start]
            reason = _reason_in(text, other.end, min(later) if later else seg[1])
    if not reason and label and not anchor.label and anchor.start >= label[0]:
        reason = label_reason(label[1])
    if not reason and anchor.label:
        reason = label_reason(text[anchor.start : anchor.end]) or normalize(text[anchor.start : anchor.end])
    if not reason:
        reason = label_reason(parent)
    status = _status(text, anchor, seg, parent, previous)
    decision = _DECISION.search(text, seg[0], seg[1]) or (_DECISION.search(parent) if parent else None)
    return Statement(
        anchor=anchor,
        raw=normalize(text[anchor.start : anchor.end]),
        status=status,
        reason=reason,
        decision=decision.group(1) if decision else None,
        start=min(anchor.start, *(c.start for c in anchor.counts)),
        end=max(anchor.end, end),
    )


def to_award(statement: Statement, doc: Doc) -> Award:
    counts: dict[str, int] = {}
    for count in statement.anchor.counts:
        counts.setdefault(count.kind, count.value)
    if set(counts) == {TOTAL} and (kind := recipient_kind(statement.anchor.award)) != TOTAL:
        counts = {kind: counts[TOTAL]}  # "4 cờ thi đua": a Cờ thi đua goes to collectives only
    award_id = statement.anchor.award
    collective = load_taxonomy().get(award_id).collective
    if collective and set(counts) == {COLLECTIVES}:
        award_id = collective  # "danh hiệu Lao động tiên tiến 37 tập thể": the collectives' title
    split = {k: v for k, v in counts.items() if k != TOTAL}
    qualifier = next((c.qualifier for c in statement.anchor.counts if c.qualifier), None)
    return Award(
        award=award_id,
        raw=statement.raw,
        provenance=provenance(doc, statement.start, statement.end),
        status=statement.status,
        collectives=split.get(COLLECTIVES),
        individuals=split.get(INDIVIDUALS),
        households=split.get(HOUSEHOLDS),
        total=None if split else counts.get(TOTAL),
        qualifier=qualifier,
        reason=statement.reason,
        decision=statement.decision,
        recipients=[name for name, _ in statement.recipients],
        recipients_provenance=[p for _, p in statement.recipients],
        confidence=statement.anchor.confidence,
    )


def settle_bare_forms(awards: list[Award], mentions: Iterable[str] = ()) -> list[Award]:
    """A bare form whose giver neither its sentence nor the issuer tells ("Tặng bằng khen cho 46
    tập thể" in a headline) is the one tier of that form the same document names elsewhere
    ("bằng khen của Chủ tịch UBND tỉnh"), in an award or in a `mentions` id (named without a
    count); with no tier or several named it keeps the form's default."""
    tax = load_taxonomy()
    mentions = set(mentions)
    for form in tax.forms:
        tiers = {*form.by_giver.values(), *form.by_issuer.values(), form.default}
        named = {a.award for a in awards if a.award in tiers and (a.confidence or 0) > CONF_FORM_DEFAULT}
        named |= {m for m in mentions if m in tiers and m != form.default}
        if len(named) != 1:
            continue
        (tier,) = named
        for a in awards:
            if a.award == form.default and a.confidence == CONF_FORM_DEFAULT:
                a.award, a.confidence = tier, CONF_CONTEXT_GIVER
    return awards


# --- the component -----------------------------------------------------------------------------

_STATEMENTS_KEY = "tdkt_award_statements"
_MENTIONS_KEY = "tdkt_award_mentions"


def block_statements(doc: Doc) -> list[Statement]:
    """The award statements of a prose block, computed once per Doc (tdkt_figures asks first)."""
    if _STATEMENTS_KEY not in doc.user_data:
        mentions: list[str] = []
        doc.user_data[_STATEMENTS_KEY] = statements(doc_text(doc), context_of(doc), mentions)
        doc.user_data[_MENTIONS_KEY] = mentions
    return doc.user_data[_STATEMENTS_KEY]


def award_mentions(doc: Doc) -> list[str]:
    """The award ids a prose block names with their giver but without a count."""
    block_statements(doc)
    return doc.user_data.get(_MENTIONS_KEY, [])


def award_count_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where the recipient counts of award statements stand: those numbers are not figures."""
    return [(c.start, c.end) for s in block_statements(doc) for c in s.anchor.counts]


class AwardsComponent:
    def __init__(self, nlp: Language, name: str = SPAN_KEY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[Award]:
        ctx = context_of(doc)
        if ctx.block.kind is BlockKind.TABLE:
            from extract.nlp.award_tables import table_awards

            return table_awards(doc, ctx)
        return [to_award(s, doc) for s in block_statements(doc)]

    def set_annotations(self, doc: Doc, items: list[Award]) -> Doc:
        set_items(doc, self.name, [(a.provenance.start, a.provenance.end, a.award, a) for a in items])
        if context_of(doc).block.kind is not BlockKind.TABLE:
            doc.spans[self.name].attrs["mentions"] = award_mentions(doc)
        return doc


@Language.factory("tdkt_awards", default_config={}, assigns=["doc.spans"])
def make_awards(nlp: Language, name: str) -> AwardsComponent:
    return AwardsComponent(nlp, name)
