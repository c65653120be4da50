"""Text of scanned PDFs and pictures of pages, by OCR with Tesseract's Vietnamese model,
when it is installed.

Many plans reach portals as scans of the signed and stamped paper, or analysts as photos
of it. Such a PDF has no text layer; when the ``tesseract`` program and its Vietnamese
data (Debian and Ubuntu: ``tesseract-ocr tesseract-ocr-vie``) are on the machine, each
page is drawn at 300 dpi (pypdfium2, which pdfplumber already brings), turned level, and
read by Tesseract, offline. Lines that
Tesseract puts in one paragraph are joined when the first reaches the right margin (a
wrapped sentence), and kept apart when it is short (a centred header line). Ruled tables
are found in the picture (:mod:`policykg.loaders.scan_tables`) and read cell by cell, so
a task table keeps its rows and columns; words OCR misreads in ways that break the
parser (a tone mark on a unit's head or a label's word, a Roman number's lost dot) are
mended against the vocabulary.

``$POLICYKG_OCR`` set to ``0`` (or ``ingest --no-ocr``) turns OCR off. While a page is
read, :data:`on_page` (when set) is called, so a caller timing each file knows the work
goes on.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.loaders.model import LoadError
from policykg.loaders.msword import DocCell, DocTable

if TYPE_CHECKING:
    from policykg.loaders.scan_tables import Grid

__all__ = ["OCR_ENV", "NOTE", "ocr_engine", "ocr_enabled", "ocr_image", "ocr_pdf", "on_page",
           "read_by"]

OCR_ENV = "POLICYKG_OCR"
LANGUAGE = "vie"
DPI = 300
MAX_PAGES = 200  # a plan is a few dozen pages; a scanned book is not read whole
PAGE_SECONDS = 120  # Tesseract's bound for one page
NOTE = "ocr: Tesseract (vie), mean word confidence"  # how a scan's SourceFile.encoding begins
INSTALL_HINT = "install tesseract-ocr and tesseract-ocr-vie to read scanned PDFs"
_WRAPPED_SHARE = 0.8  # a line reaching this share of the text width wraps into the next
_ENDS = (".", ":", ";", "!", "?")  # a line ending so ends its sentence
# "II NHIỆM VỤ": the dot after a section's Roman number, which OCR often loses
_HEADING_NUMBER = re.compile(r"^([IVX]{1,5})\s+(?=[A-ZĐÀ-Ỹ]{2,}(?:\s|,|$))")
# a line opening a list item or a numbered part starts a line of its own
_ITEM_START = re.compile(r"^(?:[-+•*–]|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+\.)\s")

on_page: Callable[[], None] | None = None


def read_by(encoding: str | None) -> str | None:
    """The OCR a file's text came from and its confidence ("Tesseract (vie), mean word
    confidence 95%"), from its ``SourceFile.encoding``; None when OCR did not read it."""
    if encoding and encoding.startswith(NOTE):
        return encoding.removeprefix("ocr: ")
    return None


def ocr_enabled() -> bool:
    """Whether OCR may run: not turned off by ``$POLICYKG_OCR``."""
    return os.environ.get(OCR_ENV, "").strip().lower() not in ("0", "off", "no", "false")


@lru_cache(maxsize=1)
def ocr_engine() -> str | None:
    """The ``tesseract`` program when it is installed with Vietnamese data, else None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    languages = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}
    return program if LANGUAGE in languages else None


def ocr_pdf(data: bytes, path: str) -> tuple[list[str | DocTable], float]:
    """The paragraphs and ruled tables of a scanned PDF in reading order (pages separated
    by an empty paragraph; a table cut by a page break put back together), and
    Tesseract's mean word confidence (0-100)."""
    import numpy as np
    import pypdfium2

    program = _engine(path, "PDF has no text layer (scanned?)")
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as err:  # pypdfium2 raises its own PdfiumError
        raise LoadError(path, f"cannot draw the scanned PDF's pages ({err})") from None

    def pages() -> Iterator[Any]:
        for number in range(min(len(document), MAX_PAGES)):
            page = document[number]
            try:
                yield np.asarray(page.render(scale=DPI / 72, grayscale=True).to_pil()
                                 .convert("L"))
            finally:
                page.close()

    try:
        return _read_pictures(program, pages(), path, "PDF has no text layer, and OCR")
    finally:
        document.close()


# a picture narrower than this many pixels is enlarged (a photo or a low-resolution scan):
# Tesseract reads letters best some 30 pixels high
_MIN_WIDTH = 1600


def ocr_image(data: bytes, path: str) -> tuple[list[str | DocTable], float]:
    """The paragraphs and ruled tables of a scanned page or a photo of one (PNG, JPEG,
    TIFF; each frame of a multi-page TIFF a page), as :func:`ocr_pdf` gives them."""
    import numpy as np
    from PIL import Image, ImageOps, ImageSequence

    program = _engine(path, "a picture of a document")
    try:
        image = Image.open(io.BytesIO(data))
        frames = []
        for frame in ImageSequence.Iterator(image):
            frame = ImageOps.exif_transpose(frame).convert("L")  # a photo's orientation
            if frame.width < _MIN_WIDTH:
                scale = _MIN_WIDTH / max(frame.width, 1)
                frame = frame.resize((_MIN_WIDTH, max(int(frame.height * scale), 1)),
                                     Image.Resampling.BICUBIC)
            frames.append(np.asarray(frame))
            if len(frames) >= MAX_PAGES:
                break
    except Exception as err:  # PIL raises many kinds (and DecompressionBombError)
        raise LoadError(path, f"cannot read the image ({type(err).__name__}: {err})") from None
    return _read_pictures(program, iter(frames), path, "OCR")


def _engine(path: str, what: str) -> str:
    """The Tesseract program, or a refusal saying ``what`` needs OCR and how to get it."""
    program = ocr_engine()
    if program is None:
        raise LoadError(path, f"{what}: OCR is needed: {INSTALL_HINT}", lasting=False)
    return program


def _read_pictures(program: str, pictures: Iterator[Any], path: str, nothing: str
                   ) -> tuple[list[str | DocTable], float]:
    """Each page picture read (:func:`_read_page`); ``nothing`` opens the refusal when
    no page held text."""
    blocks: list[str | DocTable] = []
    confidences: list[float] = []
    with tempfile.TemporaryDirectory(prefix="policykg-ocr-") as folder:
        for number, picture in enumerate(pictures):
            page_blocks, confidence = _read_page(program, picture, number, folder, path)
            if blocks and page_blocks:
                blocks.append(_PAGE_BREAK)
            blocks.extend(page_blocks)
            confidences.extend(confidence)
            if on_page is not None:
                on_page()
    if not any(blocks):
        raise LoadError(path, f"{nothing} found no text on its pages (blank, or too faint "
                              "to read)")
    return _joined_tables(blocks), sum(confidences) / len(confidences) if confidences else 0.0


def _read_page(program: str, picture: Any, number: int, folder: str, path: str
               ) -> tuple[list[str | DocTable], list[float]]:
    """One page's picture turned level, its tables found and their lines painted out, its
    words read by Tesseract (and the cells it passed over read again on their own); its
    paragraphs and tables, and the words' confidences."""
    from policykg.loaders.scan_tables import deskew, erase_grids, find_grids

    picture = deskew(picture)
    grids = find_grids(picture)
    if grids:
        picture = erase_grids(picture, grids)
    where = f"page {number + 1}"
    words = _tesseract(program, picture, Path(folder) / f"{number}.png", path, where)
    cells = _cells_of(words, grids)
    for grid, held in zip(grids, cells[1:], strict=True):
        _read_missed_cells(program, picture, grid, held, Path(folder) / f"{number}c.png",
                           path, where)
    return _page_blocks(cells, grids), [w.confidence for w in words if w.confidence >= 0]


def _tesseract(program: str, picture, image: Path, path: str, where: str,
               *options: str) -> list[_Word]:
    """The words Tesseract reads in a picture (a 2-D array of grey levels)."""
    from PIL import Image

    Image.fromarray(picture).save(image)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: faster on a busy machine
    try:
        done = subprocess.run([program, str(image), "-", "-l", LANGUAGE, *options, "tsv"],
                              capture_output=True, text=True, timeout=PAGE_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        raise LoadError(path, f"OCR of {where} took longer than {PAGE_SECONDS} s",
                        lasting=False) from None
    except OSError as err:
        raise LoadError(path, f"cannot run tesseract: {err}", lasting=False) from None
    if done.returncode != 0:
        reason = " ".join(done.stderr.split())[:200]
        raise LoadError(path, f"OCR of {where} failed: {reason}", lasting=False)
    return _words(done.stdout)


_MIN_INK = 40  # dark pixels a cell holds when something is written in it
_GAP = 80  # pixels between the cells set side by side for a second reading


def _read_missed_cells(program: str, picture, grid: Grid,
                       held: dict[tuple[int, int], list[_Word]], image: Path, path: str,
                       where: str) -> None:
    """Read again the cells that hold ink but got no word: Tesseract passes over a lone
    short word in a page's layout ("2" in a number column). Their ink is set side by side
    on one line, where it is read in context, and each word goes back to its cell."""
    import numpy as np

    missed = []
    for r in range(len(grid.rows) - 1):
        for c in range(len(grid.columns) - 1):
            if (r, c) in held or (r, c) in grid.merged_down or (r, c) in grid.merged_right:
                continue
            box = picture[grid.row_bands[r][1]:grid.row_bands[r + 1][0],
                          grid.column_bands[c][1]:grid.column_bands[c + 1][0]]
            ys, xs = np.nonzero(box < 150)
            if len(ys) >= _MIN_INK:
                missed.append(((r, c), box[ys.min():ys.max() + 1, xs.min():xs.max() + 1]))
    if not missed:
        return
    height = max(crop.shape[0] for _, crop in missed) + _GAP  # half a gap above and below
    line = np.full((height, sum(crop.shape[1] + _GAP for _, crop in missed) + _GAP), 255,
                   np.uint8)
    spans = []
    x = _GAP
    for cell, crop in missed:
        line[_GAP // 2:_GAP // 2 + crop.shape[0], x:x + crop.shape[1]] = crop
        spans.append((x - _GAP // 2, x + crop.shape[1] + _GAP // 2, cell))
        x += crop.shape[1] + _GAP
    for word in _tesseract(program, line, image, path, where, "--psm", "7"):
        centre = (word.left + word.right) / 2
        for start, end, cell in spans:
            if start <= centre < end:
                held.setdefault(cell, []).append(word)


@dataclass(frozen=True)
class _Word:
    """A word as Tesseract read it: where it stands and how sure it is."""

    block: int
    paragraph: int
    line: int
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    text: str


def _words(tsv: str) -> list[_Word]:
    """The words of Tesseract's TSV output (level 5 rows)."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(v) for v in cells[6:10])
        words.append(_Word(int(cells[2]), int(cells[3]), int(cells[4]), left, top,
                           left + width, top + height, float(cells[10]), cells[11]))
    return words


def _cells_of(words: list[_Word], grids: list[Grid]) -> list[Any]:
    """The words outside every table, then for each table its words by cell."""
    cells: list[dict[tuple[int, int], list[_Word]]] = [{} for _ in grids]
    outside: list[_Word] = []
    for word in words:
        x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
        for grid, held in zip(grids, cells, strict=True):
            cell = grid.cell_at(x, y)
            if cell is not None:
                held.setdefault(cell, []).append(word)
                break
        else:
            outside.append(word)
    return [outside, *cells]


def _page_blocks(cells: list[Any], grids: list[Grid]) -> list[str | DocTable]:
    """A page's paragraphs (:func:`_paragraphs`) with its tables at their places."""
    outside, tables = cells[0], cells[1:]
    placed: list[tuple[int, str | DocTable]] = list(_paragraphs(outside))
    for grid, held in sorted(zip(grids, tables, strict=True), key=lambda gh: gh[0].top):
        # before the first paragraph below the table's top (the paragraphs keep
        # Tesseract's order: a header's two columns one after the other)
        at = next((i for i, (y, _) in enumerate(placed) if y > grid.top), len(placed))
        placed.insert(at, (grid.top, _table(grid, held)))
    return [block for _, block in placed]


def _table(grid: Grid, held: dict[tuple[int, int], list[_Word]]) -> DocTable:
    """A grid's rows of cells, each cell's words in reading order."""
    rows: DocTable = []
    for r in range(len(grid.rows) - 1):
        row = []
        for c in range(len(grid.columns) - 1):
            if (r, c) in grid.merged_right:
                continue
            text = _known_heads(_joined([w.text for w in _reading_order(held.get((r, c), []))]))
            row.append(DocCell([text] if text else [], merged=(r, c) in grid.merged_down))
        rows.append(row)
    return rows


def _joined(texts: list[str]) -> str:
    """Words (or lines) joined by spaces, except after a word that ends in a hyphen: a
    document symbol cut at the end of a line ("97/KH-" / "UBND"); Vietnamese words are
    never hyphenated, and a dash between words stands alone ("Kế hoạch - Tài chính")."""
    out = ""
    for text in texts:
        out += ("" if not out or (out.endswith("-") and len(out.split()[-1]) > 1) else " ") \
            + text
    return out


def _reading_order(words: list[_Word]) -> list[_Word]:
    """Words of one cell line by line (a word whose middle lies below the line's first
    word starts a new line; a dash's middle is inside it), each line left to right."""
    lines: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if lines and (word.top + word.bottom) / 2 <= lines[-1][0].bottom:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [w for line in lines for w in sorted(line, key=lambda w: w.left)]


_PAGE_BREAK = "\f"  # between two pages' blocks until tables cut by the break are joined


def _joined_tables(blocks: list[str | DocTable]) -> list[str | DocTable]:
    """Tables cut by a page break put back together: a table that opens a page, right
    after a table that closed the page before with as many columns, continues it; its
    header row, when repeated, is dropped, and a first row without its number continues
    the last row. Page breaks become empty paragraphs."""
    out: list[str | DocTable] = []
    for block in blocks:
        previous = _table_before_break(out) if not isinstance(block, str) else None
        if previous is None or not block or _width(block) != _width(previous):
            out.append(block)
            continue
        while out and isinstance(out[-1], str):  # the break between the two parts
            out.pop()
        rows = list(block)
        if _texts(rows[0]) == _texts(previous[0]):
            rows = rows[1:]
        if rows and previous and len(rows[0]) == len(previous[-1]) \
                and not _texts(rows[0])[0] and any(_texts(rows[0])):
            for cell, more in zip(previous[-1], rows[0], strict=True):
                cell.paragraphs.extend(more.paragraphs)
            rows = rows[1:]
        previous.extend(rows)
    return ["" if block == _PAGE_BREAK else block for block in out]


def _table_before_break(blocks: list[str | DocTable]) -> DocTable | None:
    """The table that ``blocks`` end with when only a page break (and empty paragraphs)
    follows it."""
    broke = False
    for block in reversed(blocks):
        if isinstance(block, str):
            if block == _PAGE_BREAK:
                broke = True
            elif block:
                return None
            continue
        return block if broke else None
    return None


def _width(table: DocTable) -> int:
    return max((len(row) for row in table), default=0)


def _texts(row: list[DocCell]) -> list[str]:
    return [" ".join(cell.paragraphs) for cell in row]


# Words of a plan's labels, table headers and unit names that OCR misreads by a tone
# mark ("phối họp", "thục hiện", "Ưng dụng"): spelt as known wherever they stand, since
# no other words are written with the same letters.
_COMMON_WORDS = ("phối hợp", "chủ trì", "thực hiện", "hoàn thành", "nhiệm vụ", "đơn vị",
                 "thời gian", "thời hạn", "sản phẩm", "kết quả", "nội dung", "tổ chức",
                 "ghi chú", "ứng dụng", "khoa học", "công nghệ", "đổi mới", "sáng tạo",
                 "tiêu chuẩn", "đo lường", "chất lượng", "chuyển đổi", "quản lý")


@lru_cache(maxsize=1)
def _known_spellings() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    """Phrases found by their letters without diacritics, with their spelling and whether
    they are fixed only where they name a unit: the unit heads of two words or more
    ("Chi cục", "Trung tâm": OCR writes "Chỉ cục", and a head misspelt so is no unit's
    head) and :data:`_COMMON_WORDS`. Folded forms shared by two heads are left out."""
    from policykg.ontology.normalize import fold
    from policykg.ontology.units import UNIT_HEADS

    spelled: dict[str, set[str]] = {}
    for head in UNIT_HEADS:
        if " " in head:
            spelled.setdefault(fold(head), set()).add(head)
    table = {key: (next(iter(heads)), True) for key, heads in spelled.items()
             if len(heads) == 1}
    table.update((fold(words), (words, False)) for words in _COMMON_WORDS)
    # OCR may also run the two words together: "phốihọp"
    words = "|".join(sorted((k.replace(" ", r"\s*") for k in table), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)"), table


def _spaced(folded: str, table: dict[str, Any]) -> str:
    """The key of :func:`_known_spellings` a match stands for, spaces lost or doubled."""
    key = " ".join(folded.split())
    if key in table:
        return key
    squeezed = key.replace(" ", "")
    return next(k for k in table if k.replace(" ", "") == squeezed)


# a Roman number run into the next word by OCR: "Quý Inăm 2025"
_GLUED_NUMBER = re.compile(r"\b([IV]{1,4})(năm|Năm|NĂM)\b")


def _known_heads(text: str) -> str:
    """``text`` with the phrases of :func:`_known_spellings` spelt as known (a unit head
    only where it names a unit: capitalised, or after "các"), and a Roman number run
    into "năm" set apart."""
    from policykg.loaders.charmap import fold_aligned
    from policykg.ontology.normalize import fold

    text = _GLUED_NUMBER.sub(r"\1 \2", text)
    pattern, table = _known_spellings()
    folded = fold_aligned(text)
    if len(folded) != len(text):
        return text
    out, last = [], 0
    for match in pattern.finditer(folded):
        start, end = match.span()
        written = text[start:end]
        known, unit_only = table[_spaced(match.group(), table)]
        collective = folded[max(0, start - 4):start] == "cac "  # "các chi cục"
        if unit_only and not (written[:1].isupper() or collective):
            continue
        fixed = known.upper() if written.isupper() else \
            known if written[:1].islower() else known[:1].upper() + known[1:]
        if fold(written).replace(" ", "") == fold(fixed).replace(" ", "") \
                and written.split() != fixed.split():
            out.append(text[last:start])
            out.append(fixed)
            last = end
    return "".join(out) + text[last:] if out else text


def _paragraphs(words: list[_Word]) -> list[tuple[int, str]]:
    """Lines from OCR'd words with the y they stand at: words joined per line; the lines
    of one paragraph joined where the first wraps (reaches the right side of the text),
    so a sentence is one line and a header's short lines stay apart; an empty line
    between paragraphs."""
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    if not lines:
        return []
    left_edge = min(w.left for w in words)
    right_edge = max(w.right for w in words)
    reach = left_edge + _WRAPPED_SHARE * (right_edge - left_edge)
    out: list[tuple[int, str]] = []
    previous: tuple[int, int] | None = None
    wraps = False
    for (block, paragraph, _), line in sorted(lines.items()):
        line.sort(key=lambda w: w.left)
        top = min(w.top for w in line)
        text = _HEADING_NUMBER.sub(r"\1. ", _known_heads(" ".join(w.text for w in line)))
        carries_on = wraps and not _ITEM_START.match(text)
        if previous != (block, paragraph):
            # a sentence Tesseract cut into two paragraphs: the first wraps unfinished
            # and the second begins in lower case or with a number (not an item's)
            carries_on = carries_on and not out[-1][1].endswith(_ENDS) and (
                text[:1].islower() or text[:1].isdigit() or out[-1][1].endswith("-"))
            if out and not carries_on:
                out.append((top, ""))
        if carries_on:
            out[-1] = (out[-1][0], _joined([out[-1][1], text]))
        else:
            out.append((top, text))
        previous, wraps = (block, paragraph), max(w.right for w in line) >= reach
    return out
