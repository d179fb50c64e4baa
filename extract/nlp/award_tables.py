"""Award tables: a list of recipients (STT | Họ và tên | ... | Hình thức) gives one item per
award form with its recipients; a statistics table gives counts by form (rows or columns) and
recipient kind (columns or rows)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from domain.taxonomy import UNKNOWN, AwardContext, normalize, resolve_award
from extract.model import Award, Block, split_table
from extract.nlp.award_words import (
    COLLECTIVES,
    COMMENDATION,
    HOUSEHOLDS,
    INDIVIDUALS,
    PROPOSED,
    TOTAL,
    kind_of,
    label_reason,
    parse_int,
)
from extract.nlp.context import BlockContext, provenance
from extract.tables import layout

_CELL_NUMBER = re.compile(r"^\s*(?:(gần|trên|khoảng|hơn)\s+)?(\d{1,3}(?:\.\d{3})+|\d+)\s*$", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\b", re.IGNORECASE)
_NAME_HEADER = re.compile(r"(?<!\w)(?:họ\s+và\s+tên|họ\s+tên|tên\s+tập\s+thể|tên\s+đơn\s+vị|tên\s+cá\s+nhân|tên\s+cơ\s+quan)(?!\w)", re.IGNORECASE)
_FORM_HEADER = re.compile(r"(?<!\w)(?:hình\s+thức|danh\s+hiệu|khen\s+thưởng)(?!\w)", re.IGNORECASE)
_FORM_NAMED = re.compile(r"(?<!\w)(?:hình\s+thức|danh\s+hiệu)(?!\w)", re.IGNORECASE)
# a column that classifies each row ("Phân loại khen thưởng": Khen thưởng tập thể | CANHAN)
_CLASS_HEADER = re.compile(r"(?<!\w)phân\s+loại(?!\w)", re.IGNORECASE)
# the codes that lists exported from TĐKT software write in that column
_KIND_CODES = {"TAPTHE": COLLECTIVES, "CANHAN": INDIVIDUALS, "HOGIADINH": HOUSEHOLDS}
_RECIPIENT_UNITS = {"người", "tập thể", "cá nhân", "lượt", "hộ", "đơn vị", "lượt người"}
_KHEN_GROUP = re.compile(r"^\s*khen\s+thưởng\s+", re.IGNORECASE)
_KIND_WORDS = re.compile(r"(?<!\w)(?:số\s+lượng|số|lượt|tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình|gia\s+đình|hộ)(?!\w)", re.IGNORECASE)


@dataclass
class TableRow:
    index: int
    cells: list[str]
    start: int  # offset of the row's line in the block text
    end: int


def _table_rows(block: Block) -> list[TableRow]:
    table = block.table or split_table(block.text)
    return [TableRow(i, [normalize(c.text).strip() for c in row], *table.lines[i]) for i, row in enumerate(table.cells)]


def _cell_number(cell: str) -> tuple[int, str | None] | None:
    m = _CELL_NUMBER.match(cell)
    return (parse_int(m.group(2)), m.group(1)) if m else None


def _row_numbers(row: TableRow, stt: set[int]) -> dict[int, tuple[int, str | None]]:
    """The row's count cells (column -> value and qualifier), its STT cells left out."""
    found = {j: _cell_number(c) for j, c in enumerate(row.cells) if j not in stt}
    return {j: n for j, n in found.items() if n}


def _is_numbered(row: TableRow, stt: set[int]) -> bool:
    return any(row.cells[j] for j in stt if j < len(row.cells))


def _names_award(text: str, issuer: str | None) -> str | None:
    award, _conf = resolve_award(text, AwardContext(issuer=issuer))
    return None if award == UNKNOWN else award


def _table_status(ctx: BlockContext, headers: list[str]) -> str:
    around = " ".join(t for t in (ctx.lead_in, ctx.previous.text if ctx.previous else None, ctx.section_heading, *headers) if t)
    return "proposed" if PROPOSED.search(around.lower()) else "awarded"


def table_awards(doc: Doc, ctx: BlockContext) -> list[Award]:
    rows = _table_rows(ctx.block)
    if len(rows) < 2:
        return []
    caption = " ".join(t for t in (ctx.previous.text if ctx.previous else None, ctx.lead_in) if t)
    shape = layout(ctx.block.table or split_table(ctx.block.text), caption)
    headers = [normalize(shape.heading(j)) for j in range(len(shape.columns))]
    data = [rows[r] for r in shape.data_rows]
    name_col = next((j for j, h in enumerate(headers) if _NAME_HEADER.search(h)), None)
    if name_col is not None:
        return _recipient_table(doc, ctx, data, headers, name_col)
    if shape.unit is not None and shape.unit[0] != "%" and shape.unit[0] not in _RECIPIENT_UNITS:
        return []  # a table of money or measures ("Đơn vị: triệu đồng") counts nobody
    grouped = shape.depth() >= 2
    groups = [normalize(path[0]) if grouped and path else "" for path in shape.columns]
    leaves = [normalize(path[-1]) if grouped and path else h for path, h in zip(shape.columns, headers)]
    kinds = [_column_kind(path) if grouped else None for path in shape.columns]
    return _statistics_table(doc, ctx, _without_subtotals(data, shape.stt_columns), headers, shape.stt_columns,
                             groups, leaves, kinds)


# a column's place in a kind of recipient: the kind itself ("Tập thể"), the kind's own total
# ("Cá nhân – Tổng số"), or a part of the kind ("Cá nhân – Lãnh đạo, quản lý")
WHOLE, KIND_TOTAL, PART = "whole", "kind_total", "part"


def _column_kind(path: tuple[str, ...]) -> tuple[str, str] | None:
    """The recipient kind a grouped column counts, and how: a total or a part under a heading
    that names the kind ("Cá nhân – Người trực tiếp" is a part, though "người" names a kind too),
    else the leaf naming the kind; None when no heading below the group names a kind (the caller
    falls back to the row's label)."""
    below = [normalize(h) for h in path[1:]] or [normalize(h) for h in path]
    leaf = below[-1]
    above = next((k for k in map(kind_of, reversed(below[:-1])) if k), None)
    if above:
        return above, KIND_TOTAL if _TOTAL_LABEL.match(leaf) else PART
    own = kind_of(leaf)
    return (own, WHOLE) if own else None


def _without_subtotals(rows: list[TableRow], stt: set[int]) -> list[TableRow]:
    """Drop the unnumbered group rows of a numbered form whose numbers are the sums of the
    numbered rows under them ("BẰNG KHEN | 44 | 14 | 30" over its forms): counted once, in the rows."""
    def values(row: TableRow) -> dict[int, int]:
        return {j: n[0] for j, n in _row_numbers(row, stt).items()}

    keep = []
    for i, row in enumerate(rows):
        own = values(row)
        if own and any(own.values()) and stt and not _is_numbered(row, stt):
            members = []
            for below in rows[i + 1:]:
                if not _is_numbered(below, stt):
                    break
                members.append(values(below))
            if members and all(sum(m.get(j, 0) for m in members) == v for j, v in own.items()):
                continue
        keep.append(row)
    return keep


def _recipient_table(doc: Doc, ctx: BlockContext, rows: list[TableRow], headers: list[str], name_col: int) -> list[Award]:
    """"Danh sách đề nghị khen thưởng": one item per award form, its recipients listed. The form's
    column is the one headed "Hình thức" / "Danh hiệu" rather than one that only says "khen thưởng";
    a classification column ("Phân loại") tells each row's kind when the list mixes them."""
    forms = [j for j, h in enumerate(headers) if j != name_col and _FORM_HEADER.search(h)]
    form_col = next((j for j in forms if _FORM_NAMED.search(headers[j])), forms[0] if forms else None)
    class_cols = [j for j, h in enumerate(headers) if j not in (name_col, form_col) and _CLASS_HEADER.search(h)]
    caption = " ".join(t for t in (ctx.lead_in, ctx.previous.text if ctx.previous else None) if t)
    kind = COLLECTIVES if re.search(r"tập\s+thể|đơn\s+vị|cơ\s+quan", headers[name_col], re.IGNORECASE) else INDIVIDUALS
    status = _table_status(ctx, headers)
    groups: dict[str, list[tuple[TableRow, str, str]]] = {}
    raws: dict[str, str] = {}
    for row in rows:
        group = _group_label(row)
        if group is not None:  # a group row: "I. Tập thể", "II | Cá nhân"
            kind = kind_of(group) or kind
            continue
        name = row.cells[name_col] if name_col < len(row.cells) else ""
        form = row.cells[form_col] if form_col is not None and form_col < len(row.cells) else caption
        if not name or _cell_number(name):
            continue
        award = _names_award(form, ctx.issuer) or _names_award(caption, ctx.issuer)
        if award:
            groups.setdefault(award, []).append((row, name, _row_kind(row, class_cols) or kind))
            raws.setdefault(award, form)
    return [_recipient_award(doc, award, raws[award], members, status) for award, members in groups.items()]


def _row_kind(row: TableRow, columns: list[int]) -> str | None:
    """The kind a row's classification cell states: "Khen thưởng tập thể", "Cá nhân", CANHAN."""
    for j in columns:
        cell = row.cells[j].strip() if j < len(row.cells) else ""
        kind = _KIND_CODES.get(cell.upper()) or (kind_of(cell) if len(cell) <= 40 else None)
        if kind:
            return kind
    return None


_GROUP_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Za-zĐđ])\.?$")


def _group_label(row: TableRow) -> str | None:
    """The label of a row that heads a group of the list: one text across the row ("TẬP THỂ"
    merged), or a Roman numeral or letter and one text ("II | Cá nhân")."""
    distinct = list(dict.fromkeys(c for c in row.cells if c))
    if len(distinct) == 1:
        return distinct[0]
    if len(distinct) == 2 and _GROUP_NUMBER.match(distinct[0]):
        return distinct[1]
    return None


def _recipient_award(doc: Doc, award: str, raw: str, members: list[tuple[TableRow, str, str]], status: str) -> Award:
    tally: dict[str, int] = {}
    for _row, _name, kind in members:
        tally[kind] = tally.get(kind, 0) + 1
    first = members[0][0]
    return Award(
        award=award,
        raw=normalize(raw),
        provenance=provenance(doc, first.start, first.end),
        status=status,
        collectives=tally.get(COLLECTIVES),
        individuals=tally.get(INDIVIDUALS),
        households=tally.get(HOUSEHOLDS),
        recipients=[normalize(name) for _row, name, _kind in members],
        recipients_provenance=[provenance(doc, row.start, row.end) for row, _name, _kind in members],
    )


def _statistics_table(doc: Doc, ctx: BlockContext, rows: list[TableRow], headers: list[str], stt: set[int],
                      groups: list[str], leaves: list[str], kinds: list[tuple[str, str] | None]) -> list[Award]:
    """Counts by award form (rows or columns) and recipient kind (columns or rows). Under grouped
    headings ("đã được trình đề nghị" | "đã có quyết định" | "Khen thưởng theo công trạng") each
    group of columns of a row is one statement, with its own status and the group as its reason."""
    items: dict[tuple[int, str, str], dict] = {}
    group_label = ""
    status = _table_status(ctx, [h for h, g in zip(headers, groups) if not g])
    grouped = any(groups)
    for row in rows:
        numbers = _row_numbers(row, stt)
        label = next((c for j, c in enumerate(row.cells) if j not in stt and j not in numbers and c), "")
        numbered = _is_numbered(row, stt)
        if not numbers:
            # a group row ("1 | Huân chương các loại"), not a form of award left empty
            if grouped and label and not numbered and _names_award(label, ctx.issuer):
                continue
            group_label = label or group_label
            continue
        if _TOTAL_LABEL.match(label):
            continue
        if grouped and numbered:
            group_label = ""  # a numbered row of its own ends the group above
        row_award = _names_award(f"{group_label} {label}", ctx.issuer)
        for j, (value, qualifier) in numbers.items():
            header = leaves[j] if j < len(leaves) else ""
            column = kinds[j] if j < len(kinds) else None
            if column:
                kind, role = column
            elif _TOTAL_LABEL.match(header):
                kind, role = TOTAL, WHOLE
            else:
                kind, role = kind_of(header) or kind_of(label) or TOTAL, WHOLE
            column_group = groups[j] if j < len(groups) else ""
            if row_award:
                award = row_award if grouped else (
                    _names_award(f"{label} {_KIND_WORDS.sub(' ', header)}", ctx.issuer) or row_award)
                key = (row.index, award, column_group)
            else:
                award = _names_award(_KIND_WORDS.sub(" ", header), ctx.issuer)
                if award is None:
                    if not COMMENDATION.search(group_label) or kind_of(label):
                        continue
                    award = UNKNOWN
                key = (row.index, award, column_group) if award == UNKNOWN else (-j - 1, award, column_group)
            item = items.setdefault(key, {"row": row, "raw": label if row_award or award == UNKNOWN else header,
                                          "counts": {}, "kind_totals": {}, "parts": {}, "qualifier": None,
                                          "group": group_label, "column_group": column_group})
            _count(item, kind, role, value, grouped)
            item["qualifier"] = item["qualifier"] or qualifier
    for item in items.values():
        item["counts"] = _counts(item)
    return [_grid_award(doc, key[1], item, _group_status(item["column_group"], status))
            for key, item in items.items() if any(item["counts"].values())]


def _count(item: dict, kind: str, role: str, value: int, grouped: bool) -> None:
    """Add a cell to its statement: a kind's total wins over its parts, which are summed only
    when the table gives no total for the kind (a part is never added on top of its total)."""
    if role == KIND_TOTAL:
        item["kind_totals"].setdefault(kind, value)
    elif role == PART:
        item["parts"][kind] = item["parts"].get(kind, 0) + value
    elif grouped and kind != TOTAL and kind in item["counts"]:
        item["counts"][kind] += value  # "cá nhân là lãnh đạo" + "cá nhân không là lãnh đạo"
    else:
        item["counts"].setdefault(kind, value)


def _counts(item: dict) -> dict[str, int]:
    counts = dict(item["counts"])
    for kind, value in item["kind_totals"].items():
        counts[kind] = value
    for kind, value in item["parts"].items():
        counts.setdefault(kind, value)
    return counts


def _group_status(column_group: str, status: str) -> str:
    if not column_group:
        return status
    return "proposed" if PROPOSED.search(column_group.lower()) else "awarded"


def _grid_award(doc: Doc, award: str, item: dict, status: str) -> Award:
    counts = item["counts"]
    split = {k: v for k, v in counts.items() if k != TOTAL}
    if TOTAL in counts and split and sum(split.values()) != counts[TOTAL]:
        split = {}  # "Tổng số | trong đó cho doanh nghiệp | cho cá nhân": the parts are not the whole
    row: TableRow = item["row"]
    group_reason = label_reason(item["column_group"]) if _KHEN_GROUP.match(item["column_group"]) else None
    reason = group_reason or label_reason(item["group"]) or (normalize(item["raw"]) if award == UNKNOWN else None)
    return Award(
        award=award,
        raw=normalize(item["raw"]),
        provenance=provenance(doc, row.start, row.end),
        status=status,
        collectives=split.get(COLLECTIVES),
        individuals=split.get(INDIVIDUALS),
        households=split.get(HOUSEHOLDS),
        total=None if split else counts.get(TOTAL),
        qualifier=item["qualifier"],
        reason=reason,
    )


LIST_DISTANCE = 3  # blocks between a statement and the list table that details it


def fold_lists(awards: list[Award], document_blocks: list[Block]) -> list[Award]:
    """A list of names that follows a statement of the same award ("đề nghị tặng Giấy khen cho
    04 cá nhân (có danh sách kèm theo)" + the table) details that statement: the names become its
    recipients and the list is not a second award (the contract: one item per statement). The
    counts stay the statement's, even when the list is shorter (that disagreement is a check's
    business). A list with no statement before it is an award of its own, counted by its rows."""
    out: list[Award] = []
    for award in awards:
        block = award.provenance.block
        is_list = bool(award.recipients) and document_blocks[block].kind.value == "table"
        statement = next(
            (s for s in reversed(out) if is_list and s.award == award.award and s.status == award.status
             and not s.recipients and 0 < block - s.provenance.block <= LIST_DISTANCE),
            None,
        ) if is_list else None
        if statement is None:
            out.append(award)
            continue
        statement.recipients = list(award.recipients)
        statement.recipients_provenance = list(award.recipients_provenance)
        if not any((statement.collectives, statement.individuals, statement.households, statement.total)):
            statement.collectives, statement.individuals = award.collectives, award.individuals
            statement.households = award.households
    return out
