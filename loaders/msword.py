"""The text of old binary Word files (Word 97-2003 ``.doc``), paragraphs and tables.

Portals and mail still deliver plans as ``.doc``. Such a file is an OLE container whose
``WordDocument`` stream holds the characters in pieces (a piece table in the ``0Table``
or ``1Table`` stream says where each piece lies and whether it is 8-bit or UTF-16), and
whose paragraph properties (in 512-byte pages the ``PlcBtePapx`` lists) tell which
paragraph marks end a table cell or a table row, and which cells continue a vertical
merge; the list tables give each list paragraph's number, and the character properties
which characters Word does not show (tracked deletions, hidden text). This module reads
exactly that, after the Word 97-2007 binary format ([MS-DOC]); headers, footers,
footnotes, text boxes and numbering a paragraph takes from its style alone are not read.

>>> blocks = doc_blocks(open("plan.doc", "rb").read(), "plan.doc")  # doctest: +SKIP
>>> blocks[0]  # a paragraph, or a table: a list of rows of DocCell  # doctest: +SKIP
'UBND TỈNH PHÚ YÊN'
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.loaders.model import LoadError
from policykg.loaders.numbering import Level, ListNumbering

__all__ = ["DocCell", "DocTable", "doc_blocks", "OLE_MAGIC", "ENCRYPTED_REASON",
           "ENCRYPTED_STREAM"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0x00C0  # Word 6 and Word 95 files carry a smaller nFib
_PAGE = 512
# what an encrypted Word file (of either format) is refused with, and the name of the
# stream an encrypted .docx keeps its package in
ENCRYPTED_REASON = ("Word file is password protected (encrypted): open it in Word, remove the "
                    "password and save it again")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

# paragraph-property operators read here (sprm codes of [MS-DOC] 2.6.2 and 2.6.4)
_IN_TABLE = 0x2416  # sprmPFInTable: the paragraph is in a table cell
_ROW_END = 0x2417  # sprmPFTtp: the paragraph mark ends a table row
_DEPTH = 0x6649  # sprmPItap: how deeply the paragraph's table is nested
_INNER_CELL = 0x244B  # sprmPFInnerTableCell: the mark ends a cell of a nested table
_INNER_ROW_END = 0x244C  # sprmPFInnerTtp: the mark ends a row of a nested table
_DEF_TABLE = 0xD608  # sprmTDefTable: the row's cells, with their merge flags
_VERT_MERGE = 0xD62B  # sprmTVertMerge: one cell's vertical merge flag
_TAB_CHANGES = 0xC615  # sprmPChgTabs: a variable operand with its own length rule
_OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's top 3 bits
_MERGE_CONTINUES = 1  # VerticalMergeFlag fvmMerge: the cell continues the one above
_DELETED = 0x0800  # sprmCFRMarkDel: the characters are a tracked deletion
_HIDDEN = 0x083C  # sprmCFVanish: hidden text
_LIST_INSTANCE = 0x460B  # sprmPIlfo: the paragraph's list instance (1-based; 0: none)
_LIST_LEVEL = 0x260A  # sprmPIlvl: its level in that list
# where the file information block gives the structures read here (FibRgFcLcb97)
_CHPX_PAGES, _PAPX_PAGES, _PIECES, _LISTS, _LIST_INSTANCES = 12, 13, 33, 73, 74
_PAIRS_READ = 75
# number formats (MS-DOC "nfc" codes) by the names the .docx reader uses
_NUMBER_FORMATS = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter",
                   4: "lowerLetter", 22: "decimalZero", 23: "bullet", 255: "none"}
_LSTF_SIZE, _LVLF_SIZE, _LFO_SIZE = 28, 28, 16

# characters of the text stream that are marks, not text
_FIELD_START, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK, _PARAGRAPH_MARK = "\x07", "\r"
_MARKS = re.compile("[\r\x07]")
_REPLACED = str.maketrans({
    "\x0b": "\n",  # a line break inside a paragraph
    "\x0c": "\n",  # a page or section break
    "\x1e": "-",  # a non-breaking hyphen
    "\x1f": None,  # an optional hyphen
    "\x00": None, "\x01": None, "\x02": None, "\x03": None, "\x04": None, "\x05": None,
    "\x06": None, "\x08": None,  # pictures, objects, footnote and comment anchors
})


@dataclass
class DocCell:
    """One table cell: its paragraphs, and whether it continues a vertical merge (its
    text is then the cell above's, already read)."""

    paragraphs: list[str] = field(default_factory=list)
    merged: bool = False


DocTable = list[list[DocCell]]


@dataclass
class _Marks:
    """What the paragraph properties say about the paragraph marks in one stretch of
    the ``WordDocument`` stream."""

    in_table: bool = False
    row_end: bool = False
    inner: bool = False  # a mark of a table nested in a cell (read as text of that cell)
    merged: tuple[int, ...] = ()  # at a row's end: the cells continuing a vertical merge
    list_instance: int = 0  # the paragraph's list instance, 0 when it is in no list
    list_level: int = 0


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


def _streams(data: bytes, path: str) -> tuple[bytes, bytes]:
    """The ``WordDocument`` and table streams, or a :class:`LoadError` saying why not."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as err:
        if ENCRYPTED_STREAM in data:
            raise LoadError(path, ENCRYPTED_REASON) from None
        raise LoadError(path, f"damaged Word 97-2003 .doc file ({err})") from None
    try:
        if ole.exists("EncryptedPackage"):
            raise LoadError(path, ENCRYPTED_REASON)
        if not ole.exists("WordDocument"):
            kind = ("an Excel workbook" if ole.exists("Workbook") or ole.exists("Book") else
                    "a PowerPoint file" if ole.exists("PowerPoint Document") else
                    "an Office file that is not a Word document")
            raise LoadError(path, f"not a Word document: {kind}")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x200 or _u16(word, 0) != _WORD_IDENT:
            raise LoadError(path, "damaged Word 97-2003 .doc file (no Word header)")
        if _u16(word, 2) < _WORD97_NFIB:
            raise LoadError(path, "Word 6.0/95 .doc file, older than Word 97: open it in Word "
                                  "or LibreOffice and save it as .docx")
        flags = _u16(word, 0x0A)
        if flags & 0x0100:
            raise LoadError(path, ENCRYPTED_REASON)
        name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(name):
            raise LoadError(path, f"damaged Word 97-2003 .doc file (no {name} stream)")
        return word, ole.openstream(name).read()
    except (OSError, ValueError, struct.error, IndexError) as err:
        raise LoadError(path, f"damaged Word 97-2003 .doc file ({err})") from None
    finally:
        ole.close()


def _fib(word: bytes) -> tuple[int, dict[int, tuple[int, int]]]:
    """The main text's length in characters and the (offset, size) pairs of the file
    information block (``FibRgFcLcb``) by index."""
    csw = _u16(word, 32)
    longs_at = 34 + 2 * csw
    cslw = _u16(word, longs_at)
    longs = longs_at + 2
    text_length = _u32(word, longs + 12)  # ccpText
    pairs_at = longs + 4 * cslw
    count = _u16(word, pairs_at)
    pairs = {i: (_u32(word, pairs_at + 2 + 8 * i), _u32(word, pairs_at + 6 + 8 * i))
             for i in range(min(count, _PAIRS_READ, (len(word) - pairs_at - 2) // 8))}
    return text_length, pairs


def _pieces(table: bytes, at: int, size: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: ``(first cp, last cp + 1, stream offset, 8-bit?)`` per piece."""
    end, pos = at + size, at
    while pos < end:
        kind = table[pos]
        if kind == 1:  # a Prc: formatting of pieces, skipped
            pos += 3 + _u16(table, pos + 1)
        elif kind == 2:
            length = _u32(table, pos + 1)
            plc = table[pos + 5:pos + 5 + length]
            count = (length - 4) // 12
            cps = [_u32(plc, 4 * i) for i in range(count + 1)]
            pieces = []
            for i in range(count):
                raw = _u32(plc, 4 * (count + 1) + 8 * i + 2)
                compressed = bool(raw & 0x40000000)
                offset = raw & 0x3FFFFFFF
                pieces.append((cps[i], cps[i + 1], offset // 2 if compressed else offset,
                               compressed))
            return pieces
        else:
            break
    raise ValueError("no piece table")


# 8-bit pieces are Windows-1252; its five unassigned bytes are kept as Latin-1
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
           if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_8bit(raw: bytes) -> str:
    return raw.decode("latin-1").translate(_CP1252)


def _text(word: bytes, pieces: list[tuple[int, int, int, bool]], length: int
          ) -> tuple[str, list[int]]:
    """The first ``length`` characters, and each character's offset in the stream (what
    the paragraph properties are keyed by)."""
    chunks: list[str] = []
    offsets: list[int] = []
    for first, last, at, compressed in pieces:
        if first >= length:
            break
        width = 1 if compressed else 2
        count = max(min(min(last, length) - first, (len(word) - at) // width), 0)
        raw = word[at:at + count * width]
        chunk = _decode_8bit(raw) if compressed else raw.decode("utf-16-le", "replace")
        chunks.append(chunk)
        if len(chunk) == count:
            offsets.extend(range(at, at + count * width, width))
        else:  # characters outside the Basic Multilingual Plane take two UTF-16 units
            for ch in chunk:
                offsets.append(at)
                at += 4 if ch > "\uffff" else 2
    return "".join(chunks), offsets


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """The operators of a property list with their operands (the last of a repeated one
    wins, except vertical merges, which are gathered under their own key)."""
    found: dict[int, bytes] = {}
    merges = bytearray()
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = _u16(grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _DEF_TABLE:
                size = _u16(grpprl, pos) + 1 if pos + 2 <= len(grpprl) else 0
            elif sprm == _TAB_CHANGES and pos < len(grpprl) and grpprl[pos] == 255:
                size = 1 + (grpprl[pos + 1] * 4 if pos + 1 < len(grpprl) else 0) + 1
            else:
                size = 1 + (grpprl[pos] if pos < len(grpprl) else 0)
        else:
            size = _OPERAND_SIZES[spra]
        operand = grpprl[pos:pos + size]
        pos += size
        if sprm == _VERT_MERGE and len(operand) >= 3:
            merges += operand[1:3]
        else:
            found[sprm] = operand
    if merges:
        found[_VERT_MERGE] = bytes(merges)
    return found


def _merged_cells(sprms: dict[int, bytes]) -> tuple[int, ...]:
    """The cells of a row that continue a vertical merge: from the row's cell
    definitions (``sprmTDefTable``), then its ``sprmTVertMerge`` operators."""
    flags: dict[int, int] = {}
    table = sprms.get(_DEF_TABLE)
    if table and len(table) >= 3:
        count = table[2]
        cells_at = 3 + 2 * (count + 1)
        for i in range(count):
            at = cells_at + 20 * i
            if at + 2 > len(table):
                break
            flags[i] = (_u16(table, at) >> 5) & 0x3
    merges = sprms.get(_VERT_MERGE, b"")
    for i in range(0, len(merges) - 1, 2):
        flags[merges[i]] = merges[i + 1]
    return tuple(sorted(i for i, flag in flags.items() if flag == _MERGE_CONTINUES))


def _property_pages(word: bytes, table: bytes, at: int, size: int
                    ) -> Iterator[tuple[bytes, int]]:
    """The 512-byte pages of formatting a bin table (``PlcBtePapx`` or ``PlcBteChpx``, at
    ``at`` in the table stream) lists, each with how many runs it describes."""
    count = (size - 4) // 8 if size >= 12 else 0
    plc = table[at:at + size]
    for i in range(count):
        page_no = _u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF
        page = word[page_no * _PAGE:(page_no + 1) * _PAGE]
        if len(page) == _PAGE:
            yield page, page[_PAGE - 1]


def _paragraph_marks(word: bytes, table: bytes, at: int, size: int
                     ) -> tuple[list[int], list[_Marks]]:
    """Stretches of the stream (their first offsets, sorted) and what the paragraph
    properties say of the marks in each."""
    starts: list[int] = []
    marks: list[_Marks] = []
    for page, runs in _property_pages(word, table, at, size):
        for j in range(runs):
            start = _u32(page, 4 * j)
            offset = 2 * page[4 * (runs + 1) + 13 * j]
            found = _Marks()
            if offset:
                size_byte = page[offset]
                if size_byte:
                    grpprl = page[offset + 1 + 2:offset + 2 * size_byte]
                else:
                    grpprl = page[offset + 2 + 2:offset + 2 + 2 * page[offset + 1]]
                sprms = _sprms(grpprl)
                inner = sprms.get(_INNER_CELL, b"\0")[:1] != b"\0" or \
                    sprms.get(_INNER_ROW_END, b"\0")[:1] != b"\0"
                depth = _u32(sprms[_DEPTH], 0) if len(sprms.get(_DEPTH, b"")) == 4 else 1
                instance = sprms.get(_LIST_INSTANCE, b"")
                found = _Marks(
                    in_table=sprms.get(_IN_TABLE, b"\0")[:1] != b"\0" or depth > 1 or inner,
                    row_end=sprms.get(_ROW_END, b"\0")[:1] != b"\0" and depth <= 1,
                    inner=inner or depth > 1,
                    merged=_merged_cells(sprms),
                    list_instance=struct.unpack("<h", instance)[0] if len(instance) == 2 else 0,
                    list_level=sprms.get(_LIST_LEVEL, b"\0")[0])
            starts.append(start)
            marks.append(found)
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [marks[i] for i in order]


def _shown(text: str) -> str:
    """A paragraph as shown: fields' codes left out, marks replaced."""
    return _without_fields(text).translate(_REPLACED)


def _unshown_runs(word: bytes, table: bytes, at: int, size: int) -> list[tuple[int, int]]:
    """Stretches of the stream (start, end) whose characters Word does not show: tracked
    deletions and hidden text (character properties, ``PlcBteChpx``)."""
    runs: list[tuple[int, int]] = []
    for page, crun in _property_pages(word, table, at, size):
        for j in range(crun):
            offset = 2 * page[4 * (crun + 1) + j]
            if not offset:
                continue
            sprms = _sprms(page[offset + 1:offset + 1 + page[offset]])
            # a toggle: 1 on, 0x81 the opposite of the style's (off in any plain style)
            if any(sprms.get(op, b"\0")[:1] in (b"\x01", b"\x81") for op in (_DELETED, _HIDDEN)):
                runs.append((_u32(page, 4 * j), _u32(page, 4 * (j + 1))))
    return sorted(runs)


def _shown_only(text: str, offsets: list[int], runs: list[tuple[int, int]]
                ) -> tuple[str, list[int]]:
    """``text`` without the characters of ``runs``; a table's cell and row marks stay
    (a deleted paragraph mark joins its paragraph to the next, as Word shows it)."""
    if not runs:
        return text, offsets
    starts = [start for start, _ in runs]
    kept_text: list[str] = []
    kept_offsets: list[int] = []
    for ch, at in zip(text, offsets, strict=False):
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < runs[i][1] and ch != _CELL_MARK:
            continue
        kept_text.append(ch)
        kept_offsets.append(at)
    return "".join(kept_text), kept_offsets


def _without_fields(text: str) -> str:
    """Field codes dropped, their results kept: ``\\x13 HYPERLINK "…" \\x14shown\\x15``
    gives ``shown`` (fields nest)."""
    if _FIELD_START not in text:
        return text
    out: list[str] = []
    showing: list[bool] = []  # per open field: past its separator?
    for ch in text:
        if ch == _FIELD_START:
            showing.append(False)
        elif ch == _FIELD_SEPARATOR and showing:
            showing[-1] = True
        elif ch == _FIELD_END and showing:
            showing.pop()
        elif all(showing):
            out.append(ch)
    return "".join(out)


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """One list level (``LVL``) at ``at``: its first number, format and label text (the
    level placeholders, characters 0-8, written ``%1`` … ``%9``), and where the next
    level begins."""
    start = struct.unpack_from("<i", table, at)[0]
    number_format = _NUMBER_FORMATS.get(table[at + 4], "decimal")
    at += _LVLF_SIZE + table[at + 24] + table[at + 25]  # its character and paragraph props
    size = _u16(table, at)
    raw = table[at + 2:at + 2 + 2 * size].decode("utf-16-le", "replace")
    text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch for ch in raw)
    return (start, number_format, text), at + 2 + 2 * size


def _lists(table: bytes, pairs: dict[int, tuple[int, int]]) -> ListNumbering:
    """The document's lists (``PlfLst`` and the levels after it) and list instances
    (``PlfLfo``, with their restarts), as :class:`ListNumbering` counts them."""
    levels: dict[str, dict[int, Level]] = {}
    instances: dict[str, tuple[str, dict[int, int]]] = {}
    at, size = pairs.get(_LISTS, (0, 0))
    if size >= 2:
        count = max(struct.unpack_from("<h", table, at)[0], 0)
        pos = at + 2 + _LSTF_SIZE * count
        for i in range(count):
            lstf = at + 2 + _LSTF_SIZE * i
            simple = table[lstf + 26] & 1
            lst = levels[str(_u32(table, lstf))] = {}
            for ilvl in range(1 if simple else 9):
                lst[ilvl], pos = _level(table, pos)
    at, size = pairs.get(_LIST_INSTANCES, (0, 0))
    if size >= 4:
        count = _u32(table, at)
        pos = at + 4 + _LFO_SIZE * count  # each instance's overrides follow the array
        for i in range(count):
            lfo = at + 4 + _LFO_SIZE * i
            restarts: dict[int, int] = {}
            pos += 4  # LFOData.cp
            for _ in range(table[lfo + 12]):
                start, flags = struct.unpack_from("<iI", table, pos)
                pos += 8
                if flags & 0x10:  # fStartAt
                    restarts[flags & 0xF] = start
                if flags & 0x20:  # fFormatting: a whole level follows
                    _, pos = _level(table, pos)
            instances[str(i + 1)] = (str(_u32(table, lfo)), restarts)
    return ListNumbering(levels, instances)


def doc_blocks(data: bytes, path: str) -> list[str | DocTable]:
    """The main text of a Word 97-2003 file in document order: each paragraph as a
    string, each table as its rows of :class:`DocCell` (a table nested in a cell is read
    as that cell's text). Raises :class:`LoadError` for a file that is no Word 97-2003
    document (an Excel or PowerPoint file, Word 95, encrypted, damaged)."""
    word, table = _streams(data, path)
    try:
        length, pairs = _fib(word)
        pieces = _pieces(table, *pairs[_PIECES])
        text, offsets = _text(word, pieces, length)
        text, offsets = _shown_only(text, offsets, _unshown_runs(
            word, table, *pairs.get(_CHPX_PAGES, (0, 0))))
        starts, marks = _paragraph_marks(word, table, *pairs.get(_PAPX_PAGES, (0, 0)))
    except (ValueError, struct.error, IndexError, KeyError) as err:
        raise LoadError(path, f"damaged Word 97-2003 .doc file ({err})") from None
    try:
        numbering = _lists(table, pairs)
    except (ValueError, struct.error, IndexError):  # the text is still worth reading
        numbering = ListNumbering()
    return _blocks(text, offsets, starts, marks, numbering)


def _blocks(text: str, offsets: list[int], starts: list[int], marks: list[_Marks],
            numbering: ListNumbering) -> list[str | DocTable]:
    """Paragraphs (with their list labels) and tables from the text and what its
    paragraph marks are."""
    blocks: list[str | DocTable] = []
    rows: DocTable = []
    cells: list[DocCell] = []
    cell = DocCell()
    begin = 0
    plain = _Marks()

    def close_table() -> None:
        nonlocal rows, cells, cell
        if cells or cell.paragraphs:
            rows.append(cells + ([cell] if cell.paragraphs else []))
        if rows:
            blocks.append(rows)
        rows, cells, cell = [], [], DocCell()

    for mark in _MARKS.finditer(text):
        pos, ch = mark.start(), mark.group()
        paragraph = _shown(text[begin:pos])
        begin = pos + 1
        found = marks[bisect_right(starts, offsets[pos]) - 1] if starts and \
            offsets[pos] >= starts[0] else plain
        if found.list_instance > 0 and not found.row_end:
            paragraph = numbering.label_for(str(found.list_instance), found.list_level) \
                + paragraph
        in_table = found.in_table or ch == _CELL_MARK
        if not in_table:
            close_table()
            blocks.append(paragraph)
            continue
        if found.row_end:  # the row's own mark: its cells are complete
            for i in found.merged:
                if i < len(cells):
                    cells[i].merged = True
            rows.append(cells)
            cells, cell = [], DocCell()
            continue
        cell.paragraphs.append(paragraph)
        if ch == _CELL_MARK and not found.inner:
            cells.append(cell)
            cell = DocCell()
    if begin < len(text) and text[begin:].strip():
        close_table()
        blocks.append(_shown(text[begin:]))
    close_table()
    return blocks
