"""tong_khong_khop: a table's total row ("Tổng cộng", "Cộng") that is not the sum of its rows."""
from __future__ import annotations

from aggregate.checks.facts import fmt
from aggregate.model import Finding, ReportFacts
from domain.provenance import Evidence
from extract.model import split_table
from extract.tables import total_mismatches


def table_totals(facts: ReportFacts) -> list[Finding]:
    """Each cell of a total row against the sum of the cells above it, column by column, quoting
    the total cell and the rows it should add up (the grid read from the file or stored with the block)."""
    out = []
    for block, fact in sorted(facts.tables.items()):
        text, page = fact.text, fact.page
        table = fact.grid or split_table(text)
        for m in total_mismatches(table):
            total_line = text[slice(*table.lines[m.total.row])]
            first, last = m.parts[0], m.parts[-1]
            parts_quote = text[table.lines[first.row][0]:table.lines[last.row][1]]
            out.append(Finding(
                "tong_khong_khop",
                f"Bảng: dòng “{m.label}”, cột “{m.heading}” ghi {fmt(m.stated)} nhưng cộng "
                f"{len(m.parts)} dòng trên được {fmt(m.summed)}",
                [Evidence(facts.file, page, total_line.strip(), block), Evidence(facts.file, page, parts_quote.strip(), block)],
                facts.unit_id, facts.period))
    return out
