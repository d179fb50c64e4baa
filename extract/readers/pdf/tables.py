"""Ruled tables found by pdfplumber, as rows of cell texts on the grid of their edges."""
from __future__ import annotations

from typing import Any

from extract.model import Cell
from extract.readers.pdf.geometry import Table
from extract.readers.pdf.lines import build_lines, glyphs_of, inside_any


def find_tables(page: Any, number: int, chars: list[dict[str, Any]]) -> list[Table]:
    tables: list[Table] = []
    for found in page.find_tables():
        table = _table(found, number, chars)
        if table is not None:
            tables.append(table)
    return tables


def _table(found: Any, number: int, page_chars: list[dict[str, Any]]) -> Table | None:
    boxes = [cell for row in found.rows for cell in row.cells if cell is not None]
    xs = _grid([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _grid([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 3 and len(ys) < 3:
        return None  # a single framed box (a border around text), not a table
    # Not page.crop(): it clips the glyphs overlapping the edge, pulling the next line's centres inside.
    chars = [c for c in page_chars if inside_any((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, [found.bbox])]
    cells: list[Cell] = []
    for box in boxes:
        col, row = _grid_index(xs, box[0]), _grid_index(ys, box[1])
        colspan = max(1, _grid_index(xs, box[2]) - col)
        rowspan = max(1, _grid_index(ys, box[3]) - row)
        inside = [c for c in chars if inside_any((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, [box])]
        text = " ".join(line.text for line in build_lines(glyphs_of(inside, []), number))
        cells.append(Cell(text, row, col, rowspan, colspan))
    if not any(c.text for c in cells):
        return None
    rows = _rows_from_cells(cells, len(ys) - 1, len(xs) - 1)
    return Table(number, tuple(float(v) for v in found.bbox), rows, cells)  # type: ignore[arg-type]


def _grid(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _grid_index(grid: list[float], value: float) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - value))


def _rows_from_cells(cells: list[Cell], n_rows: int, n_cols: int) -> list[list[str]]:
    """Cell texts on the grid; a merged cell's text is repeated in every slot it covers."""
    grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    for cell in cells:
        for r in range(cell.row, min(cell.row + cell.rowspan, n_rows)):
            for c in range(cell.col, min(cell.col + cell.colspan, n_cols)):
                grid[r][c] = cell.text
    return [row for row in grid if any(row)]
