"""Ruled tables on scanned pages: where their rows, columns and merged cells are.

OCR reads a page's words but not its tables: a task table's cells come out run together
across columns. The ruling lines are in the picture, though. A horizontal line is a run
of dark pixels spanning much of the page; a table is a stack of such lines held together
by a left border; its columns are the vertical lines that cross most of it. A cell with
no line above it continues the cell above (a merged "Cơ quan chủ trì" over several
tasks); a cell with no line on its left continues the cell beside it. OCR'd words are
then put in the cell their centre falls in, and the lines are painted out before OCR so
they are not read as "|" or "I".

>>> import numpy as np
>>> page = np.full((400, 600), 255, np.uint8)
>>> for y in (50, 150, 250): page[y:y + 3, 40:560] = 0
>>> for x in (40, 300, 557): page[50:253, x:x + 3] = 0
>>> grid, = find_grids(page)
>>> (len(grid.rows) - 1, len(grid.columns) - 1)
(2, 2)
>>> grid.cell_at(100, 200)
(1, 0)
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Grid", "find_grids", "erase_grids", "deskew"]

_DARK = 150  # grey levels below this are ink
_LINE_SHARE = 0.25  # a table border runs over at least this share of the page's width
_CROSSING = 0.5  # a line crosses a table (or a cell's side) when this share of it is ink
_EDGE = 6  # pixels kept off a cell's sides when testing for a line there
_MIN_GAP = 12  # rows of ink closer than this are one (thick or doubled) line


@dataclass
class Grid:
    """A ruled table: the y of its horizontal lines and the x of its vertical ones (top
    to bottom, left to right), and its merged cells by (row, column)."""

    rows: list[int]
    columns: list[int]
    merged_down: set[tuple[int, int]] = field(default_factory=set)  # no line above
    merged_right: set[tuple[int, int]] = field(default_factory=set)  # no line on the left
    # the rows (y0, y1) and columns (x0, x1) of ink each line is drawn with
    row_bands: list[tuple[int, int]] = field(default_factory=list)
    column_bands: list[tuple[int, int]] = field(default_factory=list)

    @property
    def top(self) -> int:
        return self.rows[0]

    def contains(self, x: float, y: float) -> bool:
        return self.columns[0] <= x <= self.columns[-1] and self.rows[0] <= y <= self.rows[-1]

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The cell (row, column) at a point, its merged cells followed to the one that
        holds their text (the top left one); None outside the table."""
        if not self.contains(x, y):
            return None
        row = min(bisect_right(self.rows, y) - 1, len(self.rows) - 2)
        column = min(bisect_right(self.columns, x) - 1, len(self.columns) - 2)
        while (row, column) in self.merged_right and column > 0:
            column -= 1
        while (row, column) in self.merged_down and row > 0:
            row -= 1
        return row, column


def _lines(mask: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Rows of ``mask`` whose longest run of ink is at least ``min_length``, grouped into
    lines: ``(y, x_start, x_end)`` of each."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded, axis=1)
    starts_y, starts_x = np.nonzero(steps == 1)
    ends_y, ends_x = np.nonzero(steps == -1)
    lengths = ends_x - starts_x
    long = lengths >= min_length
    found: list[tuple[int, int, int]] = []
    group: list[tuple[int, int, int]] = []
    for y, x0, x1 in zip(starts_y[long], starts_x[long], ends_x[long], strict=True):
        if group and y - group[-1][0] > _MIN_GAP:
            found.append(_merged(group))
            group = []
        group.append((int(y), int(x0), int(x1)))
    if group:
        found.append(_merged(group))
    return found


def _merged(group: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    ys = [y for y, _, _ in group]
    return (sum(ys) // len(ys), min(x0 for _, x0, _ in group), max(x1 for _, _, x1 in group))


def _ink(mask: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> float:
    """The share of ink in a box (0 for an empty box)."""
    box = mask[max(y0, 0):max(y1, 0), max(x0, 0):max(x1, 0)]
    return float(box.mean()) if box.size else 0.0


def _line_at(mask: np.ndarray, y: int, x0: int, x1: int) -> bool:
    """Whether a horizontal line runs at ``y`` (give or take its thickness) over x0-x1."""
    if x1 - x0 <= 2 * _EDGE:
        return True
    band = mask[max(y - _MIN_GAP // 2, 0):y + _MIN_GAP // 2 + 1, x0 + _EDGE:x1 - _EDGE]
    return bool(band.size) and float(band.any(axis=0).mean()) >= _CROSSING


def _column_at(mask: np.ndarray, x: int, y0: int, y1: int) -> bool:
    """Whether a vertical line runs at ``x`` (give or take its thickness) over y0-y1."""
    return _line_at(mask.T, x, y0, y1)


def find_grids(page: np.ndarray) -> list[Grid]:
    """The ruled tables of a page (a 2-D array of grey levels), top to bottom."""
    mask = page < _DARK
    height, width = mask.shape
    borders = _lines(mask, int(_LINE_SHARE * width))
    grids: list[Grid] = []
    stack: list[tuple[int, int, int]] = []
    for line in borders:
        if stack and not _holds_together(mask, stack[-1], line):
            grids.extend(_grid(mask, stack))
            stack = []
        stack.append(line)
    grids.extend(_grid(mask, stack))
    return grids


def _holds_together(mask: np.ndarray, upper: tuple[int, int, int],
                    lower: tuple[int, int, int]) -> bool:
    """Whether two horizontal lines bound one row of a table: they start at about the
    same x and a left border joins them."""
    (y0, a0, _), (y1, b0, _) = upper, lower
    return abs(a0 - b0) <= 2 * _MIN_GAP and _column_at(mask, min(a0, b0) + 2, y0, y1)


def _grid(mask: np.ndarray, lines: list[tuple[int, int, int]]) -> list[Grid]:
    """The table a stack of horizontal lines bounds, when vertical lines cross it."""
    if len(lines) < 2:
        return []
    top, bottom = lines[0][0], lines[-1][0]
    left = min(x0 for _, x0, _ in lines)
    right = max(x1 for _, _, x1 in lines)
    # the share of ink across the table along each row and down each column
    row_ink = mask[:, left:right + 1].mean(axis=1)
    column_ink = mask[top:bottom + 1].mean(axis=0)
    crossing = column_ink[left:right + 1] >= _CROSSING
    columns: list[int] = []
    run: list[int] = []
    for x in np.flatnonzero(crossing):
        if run and x - run[-1] > _MIN_GAP:
            columns.append(left + sum(run) // len(run))
            run = []
        run.append(int(x))
    if run:
        columns.append(left + sum(run) // len(run))
    if len(columns) < 3:  # a box, or a frame around text: no columns
        return []
    rows = [y for y, _, _ in lines]
    grid = Grid(rows, columns,
                row_bands=[_band(row_ink, y) for y in rows],
                column_bands=[_band(column_ink, x) for x in columns])
    for r in range(len(rows) - 1):
        for c in range(len(columns) - 1):
            if r and not _line_at(mask, rows[r], columns[c], columns[c + 1]):
                grid.merged_down.add((r, c))
            if c and not _column_at(mask, columns[c], rows[r], rows[r + 1]):
                grid.merged_right.add((r, c))
    return [grid]


def _band(coverage: np.ndarray, at: int) -> tuple[int, int]:
    """The stretch around ``at`` where a line's ink covers at least a third of the line
    (its thickness): what to paint out, sparing letters that come close to it."""
    start = end = at
    while start > 0 and at - start < _MIN_GAP and coverage[start - 1] >= 0.33:
        start -= 1
    while end + 1 < len(coverage) and end - at < _MIN_GAP and coverage[end + 1] >= 0.33:
        end += 1
    return start, end + 1


def erase_grids(page: np.ndarray, grids: list[Grid]) -> np.ndarray:
    """A copy of the page with the tables' lines painted white."""
    clean = page.copy()
    for grid in grids:
        x0, x1 = grid.column_bands[0][0], grid.column_bands[-1][1]
        y0, y1 = grid.row_bands[0][0], grid.row_bands[-1][1]
        for start, end in grid.row_bands:
            clean[start:end, x0:x1] = 255
        for start, end in grid.column_bands:
            clean[y0:y1, start:end] = 255
    return clean


_SKEW_LIMIT = 3.0  # degrees a scanned page may be turned
_SKEW_SHRINK = 4  # the page is measured at a quarter of its size


def _profile_sharpness(small, angle: float) -> float:
    """How sharply the ink of ``small`` (a PIL image) falls into rows once turned by
    ``angle`` degrees: the sum of squared row sums, largest when lines run level."""
    from PIL import Image

    turned = np.asarray(small.rotate(angle, resample=Image.Resampling.BILINEAR,
                                     fillcolor=255)) < _DARK
    rows = turned.sum(axis=1).astype(np.float64)
    return float((rows * rows).sum())


def deskew(page: np.ndarray) -> np.ndarray:
    """The page turned level: a scan fed in at a slant (a degree is common) breaks every
    ruling line into short runs and OCR's lines too. The slant is the angle, within
    ±3°, at which the ink falls most sharply into rows; a page already level (within
    0.1°) is returned as it is."""
    from PIL import Image

    picture = Image.fromarray(page)
    small = picture.resize((max(page.shape[1] // _SKEW_SHRINK, 1),
                            max(page.shape[0] // _SKEW_SHRINK, 1)), Image.Resampling.BILINEAR)
    best = max(np.arange(-_SKEW_LIMIT, _SKEW_LIMIT + 0.01, 0.5),
               key=lambda a: _profile_sharpness(small, float(a)))
    best = max(np.arange(best - 0.5, best + 0.51, 0.05),
               key=lambda a: _profile_sharpness(small, float(a)))
    if abs(best) < 0.1:
        return page
    return np.asarray(picture.rotate(float(best), resample=Image.Resampling.BICUBIC,
                                     fillcolor=255))
