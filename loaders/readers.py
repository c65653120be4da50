"""File → text, for every kind of file a plan arrives as.

:func:`read_document` dispatches on the suffix and returns the text with a
:class:`SourceFile` (path, sha256 of the raw bytes, format, encoding). Every
failure is a :class:`LoadError` naming the file and the reason — never a
traceback. Tables (Word, HTML, ruled tables in PDF) come out as pipe rows
(``| cell | cell |``), the form of a markdown table, so the parser sees one
table form whatever the file.

Files are read as a reader sees them, not as they are stored: Word's tracked
deletions, hidden text, field codes and empty form prompts are left out; a PDF's
running heads and feet are dropped and a table cut by a page break is put back
together; a web page's menus, toolbars and related links are dropped. A merged
cell naming the lead unit or the deadline of several tasks is read on each of
their rows, in a PDF also when a page break cuts it; units written one a line in a
PDF's narrow cell stay apart, a name wrapped there stays whole. A file named
``.doc`` is read by what its bytes are: a Word 97-2003 file
(:mod:`policykg.loaders.msword`), or a ``.docx`` or a web page, as portals often name
them; RTF and MHTML are refused with what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from policykg.loaders.decode import decode_bytes, repair_text, vietnamese_score
from policykg.loaders.model import LoadError, SourceFile
from policykg.loaders.msword import (
    ENCRYPTED_REASON,
    ENCRYPTED_STREAM,
    OLE_MAGIC,
    DocTable,
    doc_blocks,
)
from policykg.loaders.numbering import ListNumbering
from policykg.loaders.units import looks_like_unit
from policykg.ontology.normalize import fold
from policykg.ontology.units import unit_kind

__all__ = [
    "read_document", "SUPPORTED_SUFFIXES", "docx_text", "pdf_text", "html_text", "max_file_mb",
]


def _cell_text(text: str) -> str:
    """One table cell on one line; a ``|`` inside would split the row, so it becomes ``/``."""
    return " ".join(text.replace("|", "/").split())


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell_text(c) for c in cells) + " |"


# Columns (named by their header, folded) whose cell merged down over several rows holds
# the value of each of those rows: one lead unit for several tasks, one deadline. Other
# merged cells (a number, a task's wording) are read once.
_FILLED_DOWN_HEADERS = (
    "chu tri", "phoi hop", "don vi", "co quan", "thoi gian", "thoi han", "tien do",
    "hoan thanh",
)


def _fills_down(header: str) -> bool:
    folded = " ".join(fold(header).split())
    return any(words in folded for words in _FILLED_DOWN_HEADERS)


# --- Word ------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A table of at most this many columns and rows is page layout (the issuer /
# national motto header, the recipients / signature block), not data: its cells
# are read as plain lines.
_LAYOUT_MAX_COLUMNS = 2
_LAYOUT_MAX_ROWS = 4


class _Numbering(ListNumbering):
    """The numbering of a ``.docx``: its lists and levels from ``numbering.xml``, and the
    list each paragraph style carries from ``styles.xml``."""

    def __init__(self, numbering_xml, styles_xml) -> None:
        super().__init__()
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)
        if styles_xml is not None:
            self._read_styles(styles_xml)

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                start = _val(lvl.find(f"{_W}start"), "1")
                fmt = _val(lvl.find(f"{_W}numFmt"), "decimal")
                text = _val(lvl.find(f"{_W}lvlText"), "")
                levels[ilvl] = (int(start) if start.lstrip("-").isdigit() else 1, fmt, text)
            self.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            overrides: dict[int, int] = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None and _val(start, "").isdigit():
                    overrides[int(override.get(f"{_W}ilvl", "0"))] = int(_val(start, "1"))
            abstract_id = _val(num.find(f"{_W}abstractNumId"), "")
            self.instances[num.get(f"{_W}numId", "")] = (abstract_id, overrides)

    def _read_styles(self, root) -> None:
        for style in root.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId", "")
            based = style.find(f"{_W}basedOn")
            if based is not None:
                self.style_parent[style_id] = _val(based, "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                self.style_numbering[style_id] = (
                    _val(num_id, None) if num_id is not None else None,
                    int(_val(ilvl, "0")) if ilvl is not None else None,
                )

    def _num_pr(self, p) -> tuple[str | None, int]:
        num_id: str | None = None
        ilvl: int | None = None
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            if num_pr.find(f"{_W}numId") is not None:
                num_id = _val(num_pr.find(f"{_W}numId"), None)
            if num_pr.find(f"{_W}ilvl") is not None:
                ilvl = int(_val(num_pr.find(f"{_W}ilvl"), "0"))
        style = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = _val(style, None) if style is not None else None
        seen: set[str] = set()
        while style_id and style_id not in seen and (num_id is None or ilvl is None):
            seen.add(style_id)
            style_num, style_lvl = self.style_numbering.get(style_id, (None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
            style_id = self.style_parent.get(style_id)
        return num_id, ilvl or 0

    def label(self, p) -> str:
        """The label Word draws before paragraph ``p``, or ``""``."""
        return self.label_for(*self._num_pr(p))


def _val(el, default):
    return el.get(f"{_W}val", default) if el is not None else default


# What Word shows for a symbol-font glyph (``w:sym``: font, code): the bullets and signs
# plans type from Insert > Symbol. Any other glyph keeps its private-use code point,
# which the line cleaner reads as a bullet when it opens a line.
_SYMBOLS: dict[tuple[str, int], str] = {
    ("symbol", 0xB7): "•", ("symbol", 0x2D): "-", ("symbol", 0xAE): "→",
    ("symbol", 0xDE): "⇒", ("symbol", 0xB3): "≥", ("symbol", 0xA3): "≤",
    ("symbol", 0xB1): "±", ("symbol", 0xB4): "×", ("symbol", 0xB0): "°",
    ("symbol", 0xB9): "≠", ("symbol", 0xBB): "≈", ("symbol", 0xBE): "—",
    ("wingdings", 0x9F): "•", ("wingdings", 0x6C): "●", ("wingdings", 0x6E): "■",
    ("wingdings", 0xA7): "▪", ("wingdings", 0xD8): "➢", ("wingdings", 0xFC): "✓",
    ("wingdings", 0x76): "❖", ("wingdings", 0x71): "❑", ("wingdings", 0xE0): "→",
    ("wingdings", 0xE8): "➔", ("wingdings", 0xF0): "⇨",
}
# Subtrees whose text Word does not show: deletions and the old place of moved text
# (tracked changes), field codes, properties, the VML copy of a drawing, text boxes
# (read separately, after their paragraph).
_NOT_SHOWN = frozenset(
    {f"{_W}{tag}" for tag in (
        "del", "moveFrom", "instrText", "delInstrText", "delText", "rPr", "pPr", "sdtPr",
        "txbxContent",
    )} | {_MC_FALLBACK}
)
# Empty elements that stand for a character.
_CHARACTERS = {
    f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-", f"{_W}softHyphen": "",
}
_FALSE = ("0", "false", "off")


def _on(el) -> bool:
    """A Word on/off property present and not switched off (``w:val="false"``)."""
    return el is not None and el.get(f"{_W}val", "true").lower() not in _FALSE


def _is_hidden_run(r) -> bool:
    """A run formatted as hidden text (``w:vanish``): Word neither shows nor prints it."""
    props = r.find(f"{_W}rPr")
    return props is not None and _on(props.find(f"{_W}vanish"))


def _is_placeholder(sdt) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter text.")."""
    props = sdt.find(f"{_W}sdtPr")
    return props is not None and _on(props.find(f"{_W}showingPlcHdr"))


def _symbol(el) -> str:
    """The character a ``w:sym`` element draws."""
    try:
        code = int(el.get(f"{_W}char", ""), 16)
    except ValueError:
        return ""
    font = el.get(f"{_W}font", "").lower()
    low = code - 0xF000 if code >= 0xF000 else code
    for family in ("symbol", "wingdings"):
        if font.startswith(family) and (family, low) in _SYMBOLS:
            return _SYMBOLS[family, low]
    return chr(code) if 0 < code < 0x110000 else ""


# Where a bold run of a table cell ends (see _run_texts).
_BOLD_END = object()
# The strong-emphasis mark around a bold run in a table cell: the line cleaner keeps it only
# around a unit of a list that is not all bold ("**Sở Tài chính**, Sở Nội vụ"), where it marks
# the lead.
_STRONG = "**"
# One marked bold span, its edge spaces and list marks apart (see _bold_span).
_BOLD_SPAN = re.compile(r"\*\*(\s*)(.*?)([\s,;.]*)\*\*", re.DOTALL)


def _bold_span(m: re.Match[str]) -> str:
    """A bold span with its edge spaces and list marks outside; nothing left of an empty one."""
    before, inner, after = m.groups()
    return f"{before}{_STRONG}{inner}{_STRONG}{after}" if inner else before + after


def _is_bold_run(r) -> bool:
    props = r.find(f"{_W}rPr")
    return props is not None and _on(props.find(f"{_W}b"))


def _run_texts(el, parts: list[str], bold: bool = False) -> None:
    """The text Word shows for the children of ``el`` (no recursion: runs nest shallowly,
    but a hostile file may nest deep); with ``bold``, each bold run between ``**``."""
    stack = list(reversed(el))
    while stack:
        node = stack.pop()
        if node is _BOLD_END:
            parts.append(_STRONG)
            continue
        tag = node.tag
        if bold and tag == f"{_W}r" and _is_bold_run(node) and not _is_hidden_run(node):
            parts.append(_STRONG)
            stack.append(_BOLD_END)
            stack.extend(reversed(node))
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag == f"{_W}sym":
            parts.append(_symbol(node))
        elif tag in _NOT_SHOWN or not isinstance(tag, str):
            continue
        elif tag == f"{_W}r" and _is_hidden_run(node):
            continue
        elif tag == f"{_W}sdt" and _is_placeholder(node):
            continue
        else:
            stack.extend(reversed(node))


def _paragraph_text(p, numbering: _Numbering | None = None, bold: bool = False,
                    bare_label: bool = False) -> str:
    """Text of a ``w:p`` element as Word shows it: list label, runs, tabs and breaks,
    hyperlinks, field results, tracked insertions (not deletions), symbols; with ``bold``,
    bold runs marked as :data:`_STRONG` emphasis (a table cell's). An empty paragraph gives
    ``""``, or with ``bare_label`` its list label alone: a table's "STT" column numbered by
    Word holds nothing but the number Word draws. A paragraph deleted whole with changes
    tracked (its text and its mark) is gone: it draws no number, so the list counts on
    without it."""
    parts: list[str] = []
    _run_texts(p, parts, bold)
    body = "".join(parts)
    if not body.strip() and _mark_deleted(p):
        return ""
    label = numbering.label(p) if numbering is not None else ""
    if bold and _STRONG in body:
        # Two bold runs in a row are one; spaces and list marks at a bold run's edges stand
        # outside its marks ("**Sở Tài chính,** Sở Nội vụ" → "**Sở Tài chính**, Sở Nội vụ").
        body = _BOLD_SPAN.sub(_bold_span, body.replace(_STRONG * 2, ""))
    if body.strip():
        return label + body
    return label.strip() if bare_label else ""


def _text_boxes(p, numbering: _Numbering) -> list[str]:
    """Paragraphs inside text boxes anchored in ``p`` (the modern copy, not the VML fallback)."""
    out: list[str] = []
    for box in p.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for inner in box.iter(f"{_W}p"):
            text = _paragraph_text(inner, numbering)
            if text.strip():
                out.append(text)
    return out


def _row_cells(tr) -> list:
    """The ``w:tc`` cells of a row, one per cell however many grid columns it spans."""
    cells = []
    for child in tr:
        if child.tag == f"{_W}tc":
            if not _is_hmerge_continuation(child):
                cells.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            cells.extend(tc for tc in child.iter(f"{_W}tc") if not _is_hmerge_continuation(tc))
    return cells


def _cell_joined(lines: list[str]) -> str:
    """A data table cell's lines as one: a list of units, one a line with nothing between
    ("Sở Nội vụ" / "Sở Tài chính" as Word paragraphs, soft line breaks or ``<br>``), parted
    by "; " so it stays a list; any other lines joined by spaces, as the text they are."""
    parts = [part.strip() for line in lines for part in line.split("\n") if part.strip()]
    if len(parts) > 1 and not any(part.endswith((",", ";")) for part in parts[:-1]) \
            and all(looks_like_unit(part.replace(_STRONG, "")) for part in parts):
        return "; ".join(parts)
    return " ".join(parts)


def _cell_blocks(tc, numbering: _Numbering, bold: bool = False) -> tuple[list[str], list]:
    """Paragraph texts of a cell and the tables nested in it; with ``bold``, a data table's
    cell, its bold runs marked (see :func:`_run_texts`)."""
    paragraphs: list[str] = []
    nested: list = []
    for child in tc:
        if child.tag == f"{_W}p":
            paragraphs.append(_paragraph_text(child, numbering, bold, bare_label=bold))
        elif child.tag == f"{_W}tbl":
            nested.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml") and not _is_placeholder(child):
            for p in child.iter(f"{_W}p"):  # a content control or tag around paragraphs
                paragraphs.append(_paragraph_text(p, numbering))
    return paragraphs, nested


def _is_vmerge_continuation(tc) -> bool:
    """A cell continuing a vertical merge: its text is the cell above's, already read."""
    pr = tc.find(f"{_W}tcPr")
    if pr is None:
        return False
    vmerge = pr.find(f"{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")


def _is_hmerge_continuation(tc) -> bool:
    """A cell continuing an old-style horizontal merge (``w:hMerge``): nothing new to read."""
    pr = tc.find(f"{_W}tcPr")
    hmerge = pr.find(f"{_W}hMerge") if pr is not None else None
    return hmerge is not None and hmerge.get(f"{_W}val") in (None, "continue")


def _row_deleted(tr) -> bool:
    """A table row deleted with changes tracked (``w:trPr/w:del``): Word no longer shows it."""
    return tr.find(f"{_W}trPr/{_W}del") is not None


def _table_lines(tbl, numbering: _Numbering) -> Iterator[str]:
    rows = [child for child in tbl if child.tag == f"{_W}tr" and not _row_deleted(child)]
    widths = [len(_row_cells(tr)) for tr in rows]
    if rows and max(widths) <= _LAYOUT_MAX_COLUMNS and len(rows) <= _LAYOUT_MAX_ROWS:
        for tr in rows:
            for tc in _row_cells(tr):
                if _is_vmerge_continuation(tc):
                    continue
                paragraphs, nested = _cell_blocks(tc, numbering)
                yield from (p for p in paragraphs if p.strip())
                for inner in nested:
                    yield from _table_lines(inner, numbering)
        return
    headers: dict[int, str] = {}  # grid column → header text (the first row of two cells)
    above: dict[int, str] = {}  # grid column → text of the merged cell that starts there
    for tr in rows:
        cells: list[str] = []
        nested_tables: list = []
        column = _grid_before(tr)
        row_cells = _row_cells(tr)
        heading = not headers and len(row_cells) >= 2
        for tc in row_cells:
            span = _grid_span(tc)
            if _is_vmerge_continuation(tc):
                filled = _fills_down(headers.get(column, ""))
                cells.append(above.get(column, "") if filled else "")
            else:
                paragraphs, nested = _cell_blocks(tc, numbering, bold=True)
                cells.append(_cell_joined(paragraphs))
                nested_tables.extend(nested)
                above[column] = cells[-1]
                if heading:
                    headers.update((c, cells[-1]) for c in range(column, column + span))
            if len(row_cells) > 1:  # one cell across the table is a heading, read once
                cells.extend([""] * (span - 1))  # a grid column each, as a web page's cells
            column += span
        if any(c.strip() for c in cells):
            yield _pipe_row(cells)
        for inner in nested_tables:
            yield from _table_lines(inner, numbering)


def _grid_span(tc) -> int:
    """Grid columns a cell spans (``w:gridSpan``)."""
    pr = tc.find(f"{_W}tcPr")
    value = _val(pr.find(f"{_W}gridSpan") if pr is not None else None, "1")
    return min(max(int(value), 1), 64) if value.isdigit() else 1


def _grid_before(tr) -> int:
    """Grid columns left empty before a row's first cell (``w:gridBefore``)."""
    pr = tr.find(f"{_W}trPr")
    value = _val(pr.find(f"{_W}gridBefore") if pr is not None else None, "0")
    return min(int(value), 64) if value.isdigit() else 0


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _body_lines(body, numbering: _Numbering, chunks: Callable[[str], str] | None = None
                ) -> Iterator[str]:
    joined: list[str] = []  # paragraphs whose mark a tracked change deleted: shown as one
    boxes: list[str] = []
    for child in body:
        if child.tag == f"{_W}p":
            joined.append(_paragraph_text(child, numbering))
            boxes.extend(_text_boxes(child, numbering))
            if _mark_deleted(child):
                continue
            yield "".join(joined)
            yield from boxes
            joined, boxes = [], []
            continue
        if joined:
            yield "".join(joined)
            yield from boxes
            joined, boxes = [], []
        if child.tag == f"{_W}tbl":
            yield from _table_lines(child, numbering)
        elif child.tag == f"{_W}sdt" and not _is_placeholder(child):
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_lines(content, numbering, chunks)
        elif child.tag == f"{_W}customXml":  # a document system's tag around paragraphs
            yield from _body_lines(child, numbering, chunks)
        elif child.tag == f"{_W}altChunk" and chunks is not None:
            yield chunks(child.get(_R_ID, ""))
    if joined:
        yield "".join(joined)
        yield from boxes


def _mark_deleted(p) -> bool:
    """A paragraph whose end was deleted with changes tracked: it runs on into the next."""
    return p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def _chunk_reader(document, path: str) -> Callable[[str], str]:
    """Text of a body's ``w:altChunk``: a web page (or text) a converter put in the package
    whole, which Word renders in place. Programs that make "Word" files out of a web
    page's content write them so."""

    def read(rel_id: str) -> str:
        try:
            part = document.part.related_parts[rel_id]
            content_type, blob = part.content_type.lower(), part.blob
        except (KeyError, AttributeError):
            return ""
        if "html" in content_type:
            return html_text(blob, path)[0]
        if content_type.startswith("text/plain"):
            return decode_bytes(blob, path)[0]
        return ""

    return read


def _numbering_of(document) -> _Numbering:
    try:
        numbering_xml = document.part.numbering_part.element
    except (AttributeError, KeyError, NotImplementedError):
        numbering_xml = None
    try:
        styles_xml = document.styles.element
    except (AttributeError, KeyError, NotImplementedError):
        styles_xml = None
    return _Numbering(numbering_xml, styles_xml)


_RTF_MAGIC = b"{\\rtf"
# Word's "Strict Open XML" saves name the same parts with other namespaces; python-docx
# knows the usual ("transitional") ones, so a strict package is renamed before reading.
_STRICT_NAMESPACES: tuple[tuple[bytes, bytes], ...] = tuple(
    (b"http://purl.oclc.org/ooxml/" + strict, b"http://schemas.openxmlformats.org/" + usual)
    for strict, usual in (
        (b"officeDocument/relationships/extendedProperties",
         b"officeDocument/2006/relationships/extended-properties"),
        (b"officeDocument/relationships", b"officeDocument/2006/relationships"),
        (b"wordprocessingml/main", b"wordprocessingml/2006/main"),
        (b"drawingml/wordprocessingDrawing", b"drawingml/2006/wordprocessingDrawing"),
        (b"drawingml/main", b"drawingml/2006/main"),
        (b"drawingml/picture", b"drawingml/2006/picture"),
        (b"officeDocument/math", b"officeDocument/2006/math"),
        (b"officeDocument/sharedTypes", b"officeDocument/2006/sharedTypes"),
        (b"officeDocument/customXml", b"officeDocument/2006/customXml"),
        (b"officeDocument/docPropsVTypes", b"officeDocument/2006/docPropsVTypes"),
        (b"officeDocument/extendedProperties", b"officeDocument/2006/extended-properties"),
    )
)
# Main-part content types of Word packages other than a plain .docx: macro-enabled
# (.docm) and templates (.dotx, .dotm). Their text is read the same way; macros never run.
_WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_WORD_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _not_a_package(data: bytes, path: str) -> LoadError | None:
    """Why bytes named ``.docx`` are not a Word package, when a look at them tells."""
    head = data[:8]
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            return LoadError(path, ENCRYPTED_REASON)
        return LoadError(path, "old binary Word .doc file (Word 97-2003), not .docx: "
                               "open it in Word or LibreOffice and save it as .docx")
    if data.lstrip()[:5].lower() == _RTF_MAGIC:
        return LoadError(path, "RTF file, not .docx: open it in Word or LibreOffice and "
                               "save it as .docx")
    return None


def _usual_package(data: bytes) -> bytes:
    """A Word package as python-docx reads it: strict namespaces renamed, a macro-enabled
    document or a template given the content type of a document. Unchanged otherwise."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            strict = b"http://purl.oclc.org/ooxml/" in package.read("_rels/.rels")
            if not strict and not any(main in types for main in _OTHER_WORD_MAINS):
                return data
            parts = [(info, package.read(info)) for info in package.infolist()]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return data  # python-docx says what is wrong with it
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, content in parts:
            if info.filename == "[Content_Types].xml":
                for main in _OTHER_WORD_MAINS:
                    content = content.replace(main, _WORD_MAIN)
            if strict and info.filename.endswith((".xml", ".rels")):
                for old, new in _STRICT_NAMESPACES:
                    content = content.replace(old, new)
            package.writestr(info.filename, content)
    return out.getvalue()


def docx_text(data: bytes, path: str) -> str:
    """Body paragraphs (with their list numbers) and tables of a Word package in document
    order (``.docx``, also ``.docm``, templates and Strict Open XML)."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    refusal = _not_a_package(data, path)
    if refusal is not None:
        raise refusal
    try:
        document = docx.Document(io.BytesIO(_usual_package(data)))
        numbering = _numbering_of(document)
        chunks = _chunk_reader(document, path)
        return "\n".join(_body_lines(document.element.body, numbering, chunks))
    except LoadError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(path, f"not a valid Word .docx file ({err})") from None
    except Exception as err:  # malformed XML inside the package
        raise LoadError(path, f"cannot read Word file: {type(err).__name__}: {err}") from None


def doc_text(data: bytes, path: str) -> str:
    """Paragraphs and tables of a Word 97-2003 ``.doc`` file in document order, as
    :func:`docx_text` gives those of a ``.docx``."""
    return _blocks_text(doc_blocks(data, path))


def _blocks_text(blocks: list[str | DocTable]) -> str:
    """Paragraphs and tables (as the Word reader gives them) one line each."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(_doc_table_lines(block))
    return "\n".join(lines)


def _doc_table_lines(rows: DocTable) -> list[str]:
    """A ``.doc`` table's lines: a layout table's paragraphs, else a pipe row per row (a
    cell's lines joined as :func:`_cell_joined` joins a ``.docx`` cell's), a cell continuing
    a vertical merge filled from the cell above in the columns :func:`_fills_down` names."""
    if max(map(len, rows)) <= _LAYOUT_MAX_COLUMNS and len(rows) <= _LAYOUT_MAX_ROWS:
        return [p for row in rows for cell in row if not cell.merged
                for p in cell.paragraphs if p.strip()]
    lines: list[str] = []
    headers: list[str] = []
    above: dict[int, str] = {}
    for row in rows:
        cells = []
        for column, cell in enumerate(row):
            text = _cell_joined(cell.paragraphs)
            if cell.merged:
                text = above.get(column, "") if column < len(headers) and \
                    _fills_down(headers[column]) else ""
            else:
                above[column] = text
            cells.append(text)
        if not headers and len(cells) >= 2:
            headers = cells
        if any(c.strip() for c in cells):
            lines.append(_pipe_row(cells))
    return lines


# --- PDF -------------------------------------------------------------------------

_NO_TEXT_LAYER = "PDF has no text layer (scanned?): OCR is needed"
_NO_TEXT_LAYER_START = "PDF has no text layer"


# Words further apart than this many font sizes on one printed line belong to
# different columns (the issuer | national motto header, a signature block).
_COLUMN_GAP_EM = 3.0
_SPACE_GAP_EM = 0.15  # a gap wider than this between two letters is a space


def _line_segments(line: dict) -> list[str]:
    """Split one printed line at column gaps; rebuild spaces from character positions."""
    chars = [c for c in line.get("chars", []) if c.get("text")]
    if not chars:
        return [line.get("text", "")]
    segments: list[str] = []
    current: list[str] = []
    previous = None
    for char in chars:
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            size = max(previous.get("size") or 0.0, char.get("size") or 0.0, 1.0)
            if gap > _COLUMN_GAP_EM * size:
                segments.append("".join(current))
                current = []
            elif gap > _SPACE_GAP_EM * size and current and not current[-1].isspace():
                current.append(" ")
        current.append(char["text"])
        previous = char
    segments.append("".join(current))
    return [" ".join(seg.split()) for seg in segments if seg.strip()]


def _table_rows(rows: list[list[str | None]]) -> list[str]:
    """pdfplumber's table → pipe rows; ``None`` marks a cell covered by a merge, a new line
    in a cell one its writer began (see :func:`_pdf_cell`)."""
    out = []
    for row in rows:
        if len(row) > 1 and row[0] and all(cell is None for cell in row[1:]):
            row = row[:1]  # a heading row merged across the table
        cells = [_cell_joined(cell.split("\n")) if cell else "" for cell in row]
        if any(c.strip() for c in cells):
            out.append(_pipe_row(cells))
    return out


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


# A printed line that opens an item: "-", "+", "•", "1.", "1.1.", "a)", "II.".
_ITEM_START = re.compile(r"^(?:[-+•*–]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+\.\s)")
_LINE_END = (".", ":", ";", "!", "?", "…")
_WRAP_SLACK = 0.12  # a wrapped line ends within this share of the text width from the margin
_JUSTIFIED_SLACK = 1.5  # points: ... and in justified text, this close to it
_INDENT_EM = 1.5  # a first line indented this much further opens a paragraph


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _margins(lines: list[dict]) -> tuple[float, float] | None:
    """The left and right edges of the text column, read from lines of one segment (None
    when too few lines tell)."""
    single = [line for line in lines if len(line["segments"]) == 1]
    if len(single) < 3:
        return None
    return (_quantile([line["x0"] for line in single], 0.1),
            _quantile([line["x1"] for line in single], 0.9))


def _size(line: dict) -> float:
    return max((c.get("size") or 0.0 for c in line.get("chars", [])), default=10.0) or 10.0


def _justified(lines: list[dict], right: float, slack: float) -> bool:
    """Most lines reaching the margin end exactly at it: the text is justified."""
    near = [line["x1"] for line in lines if len(line["segments"]) == 1
            and line["x1"] >= right - slack]
    return len(near) >= 3 and sum(abs(x1 - right) <= _JUSTIFIED_SLACK for x1 in near) * 3 >= (
        len(near) * 2)


def _paragraphs(lines: list[dict], margins: tuple[float, float] | None = None
                ) -> list[tuple[float, list[str]]]:
    """Printed lines → paragraph lines: a line that runs to the right margin wraps.

    A line joins the one before when that one reached the right margin, did not
    end a sentence (or ended with a colon and this one goes on in lower case), this
    one neither opens an item nor starts indented. In justified text a wrapped line
    ends right at the margin, so one ending a little short of it (a title's last line
    before "Căn cứ …") ends its paragraph.
    ``margins`` are the text column's edges, measured over the whole document: one
    page holding a few short lines does not tell them.
    """
    margins = margins or _margins(lines)
    if margins is None:
        return [(line["top"], line["segments"]) for line in lines]
    left, right = margins
    slack = _WRAP_SLACK * max(right - left, 1.0)
    justified = _justified(lines, right, slack)
    if justified:  # a wrapped line ends right at the margin
        slack = _JUSTIFIED_SLACK
    blocks: list[tuple[float, list[str]]] = []
    open_line = colon = False
    for line in lines:
        segments = line["segments"]
        size = _size(line)
        text = segments[0] if len(segments) == 1 else ""
        if (
            open_line and text and blocks
            and not _ITEM_START.match(text)
            and line["x0"] <= left + _INDENT_EM * size
            # "… thời gian thực hiện:" / "trước …"; in justified text, where only a wrapped
            # line ends at the margin, also "… thời gian thực hiện:" / "Quý IV năm 2026."
            and (not colon or justified or text[0].islower())
        ):
            top, previous = blocks[-1]
            blocks[-1] = (top, previous[:-1] + [previous[-1] + " " + text])
        else:
            blocks.append((line["top"], segments))
        full = bool(text) and line["x1"] >= right - slack
        colon = full and text.endswith(":")
        open_line = full and (colon or not text.endswith(_LINE_END))
    return blocks


class _Table:
    """A ruled table found on a page: where it is, its rows (``None``: a merged cell) and
    what covers each merged cell (see :func:`_covers`), filled in by :meth:`fill` once the
    header of the table it belongs to is known."""

    def __init__(self, bbox: tuple[float, float, float, float], rows: list[list[str | None]],
                 covers: list[list[str | None]] | None = None):
        self.top, self.bottom = bbox[1], bbox[3]
        self.rows = rows
        self.covers = covers or [[None] * len(row) for row in rows]
        self.header = rows[0] if rows else []  # the header row of the table it belongs to
        self.filled = False
        self.open_columns: set[int] = set()  # columns with no rule under their last cell

    def fill(self, above: list[str | None] | None = None) -> None:
        """Read a cell merged down over several rows (one lead unit or deadline for several
        tasks) on each row it covers, in the columns :func:`_fills_down` names under this
        table's header, as the Word and web page readers read them; a cell running on from
        the page before reads as ``above``, that page's last row. Other merged cells stay
        ``None``."""
        if self.filled:
            return
        self.filled = True
        names: list[str] = []
        for cell in self.header:  # a header cell spanning columns names each of them
            names.append(cell if cell is not None or not names else names[-1])
        fills = [_fills_down(name or "") for name in names]
        for cells, covers in zip(self.rows, self.covers, strict=False):
            for k, cover in enumerate(covers[:len(cells)]):
                if cells[k] is not None and cover is not _RUNS_ON or k >= len(fills) \
                        or not fills[k]:
                    continue
                if cover is _RUNS_ON:
                    cells[k] = above[k] if above is not None and k < len(above) else None
                elif cover is not None:
                    cells[k] = "" if cover is _BLANK else cover

    def runs_on(self, columns: set[int]) -> None:
        """The blank cells of the first row in ``columns`` (those whose last cell on the page
        before has no rule under it) and the rows they cover run on from the page before."""
        for k in columns:
            for covers in self.covers:
                if k >= len(covers) or covers[k] is not _BLANK:
                    break
                covers[k] = _RUNS_ON


# What covers a merged cell at the top of a page's table: a cell running on from the page
# before (its rows there are read with that cell's text).
_RUNS_ON = "\x00runs on"
# ... a blank cell (and the rows it is merged down over): at the top of a page's table, in a
# column whose last cell on the page before has no rule under it, the part on this page of
# a cell running on from there.
_BLANK = "\x00blank"


def _covers(table, rows: list[list[str | None]]) -> list[list[str | None]]:
    """For each cell of a pdfplumber table that a merge covers (``None`` in ``rows``), the
    text of the cell merged down over it, :data:`_RUNS_ON` when no cell above it on the page
    starts in its column (the merged cell began on the page before), else ``None`` (a cell
    merged across); :data:`_BLANK` for a blank cell and the cells it covers."""
    lefts: dict[int, float] = {}
    for row in table.rows:
        for k, box in enumerate(row.cells):
            if box is not None:
                lefts[k] = min(lefts.get(k, box[0]), box[0])
    out: list[list[str | None]] = []
    reach: dict[int, tuple[float, str | None]] = {}  # column → bottom and text of its last cell
    for row, cells in zip(table.rows, rows, strict=False):
        top = row.bbox[1]
        covers: list[str | None] = []
        for k, box in enumerate(row.cells[:len(cells)]):
            if box is not None and not cells[k]:
                reach[k] = (box[3], _BLANK)
                covers.append(_BLANK)
            elif box is not None:
                reach[k] = (box[3], cells[k])
                covers.append(None)
            elif any(b is not None and b[2] > lefts.get(k, b[2]) + 1.0 for b in row.cells[:k]):
                covers.append(None)
            elif k in reach:
                covers.append(reach[k][1] if reach[k][0] > top + 1.0 else None)
            else:
                covers.append(_RUNS_ON)
        out.append(covers)
    return out


def _inside_box(obj: dict, box: tuple[float, float, float, float]) -> bool:
    """An object whose centre is in ``box`` (as pdfplumber puts characters in cells)."""
    x0, top, x1, bottom = box
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx < x1 and top <= cy < bottom


def _table_cells(table) -> list[list[str | None]]:
    """A pdfplumber table's rows, each cell's printed lines joined as :func:`_pdf_cell` joins
    them; ``None`` for a cell a merge covers."""
    from pdfplumber.utils.text import chars_to_textmap

    rows: list[list[str | None]] = []
    for row in table.rows:
        chars = [c for c in table.page.chars if _inside_box(c, row.bbox)]
        cells: list[str | None] = []
        for box in row.cells:
            inside = [c for c in chars if _inside_box(c, box)] if box is not None else []
            if box is None or not inside:
                cells.append(None if box is None else "")
                continue
            lines = chars_to_textmap(inside).extract_text_lines(strip=True, return_chars=True)
            cells.append(_pdf_cell(lines, box))
        rows.append(cells)
    return rows


_FIT_SLACK = 1.0  # points: a word fits on a line when it ends this far inside its column
_WORD_SPACE_EM = 0.4  # at most this wide, a space between words


def _first_word_width(line: dict) -> float:
    """Width of a printed line's first word (up to its first space or gap)."""
    chars = [c for c in line.get("chars", []) if c.get("text")]
    end = None
    for char in chars:
        if char["text"].isspace():
            break
        if end is not None and char["x0"] - end > _SPACE_GAP_EM * (char.get("size") or 10.0):
            break
        end = char["x1"]
    return (end - line["x0"]) if end is not None else 0.0


def _would_fit(line: dict, after: dict, right: float) -> bool:
    """The first word of ``after`` would have fitted on ``line`` before ``right``, the edge
    of its column: ``after`` begins a line of its own, no wrap put it there."""
    space = _WORD_SPACE_EM * _size(line)
    return line["x1"] + space + _first_word_width(after) <= right - _FIT_SLACK


def _broken_by_hand(line: dict, after: dict, room: float, piece: str) -> bool:
    """``after`` starts a new line of the cell by its writer's hand, not by wrapping: its
    first word would have fitted on ``line`` (a cell is ``room`` wide inside its padding),
    or it opens a unit's name after ``piece`` (the text since the last such line) naming a
    whole unit."""
    if _would_fit(line, after, line["x0"] + room):
        return True
    return _whole_unit(piece) and looks_like_unit(after["text"])


_OPEN_END = re.compile(r"(?:\s(?:và|các|của|cho|về|với)|[,;:\-–&(])$", re.IGNORECASE)


def _whole_unit(text: str) -> bool:
    """A line naming a whole unit: a known kind of unit ("Sở Công Thương"), its name not
    left open ("Sở Nông nghiệp và", "Ban Quản lý" of no known kind)."""
    text = unicodedata.normalize("NFC", text.strip())
    return looks_like_unit(text) and not _OPEN_END.search(text) and unit_kind(text) is not None


def _pdf_cell(lines: list[dict], box: tuple[float, float, float, float]) -> str:
    """A cell's printed lines as its writer wrote them: lines a wrap broke joined back, a
    new line where its writer began one (one unit a line), to be read as
    :func:`_cell_joined` reads a Word cell's."""
    if not lines:
        return ""
    pad = max(min(line["x0"] for line in lines) - box[0], 0.0)
    room = box[2] - box[0] - 2 * pad
    pieces = [lines[0]["text"]]
    for line, after in zip(lines, lines[1:], strict=False):
        if _broken_by_hand(line, after, room, pieces[-1]):
            pieces.append(after["text"])
        else:
            pieces[-1] += " " + after["text"]
    return "\n".join(pieces)


def _rules_across(page) -> list[dict]:
    """The horizontal rules of a page (longer than a dot)."""
    return [e for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 2.0]


def _ruled(across: list[dict], y: float, x0: float, x1: float) -> bool:
    """Some rule of ``across`` runs at height ``y`` from ``x0`` to ``x1``."""
    return any(abs(e["top"] - y) <= 1.5 and e["x0"] <= x0 + 1.5 and e["x1"] >= x1 - 1.5
               for e in across)


def _open_bottoms(page, across: list[dict]) -> list[float]:
    """Heights where ruled columns stop, or start, with no rule across them: a table row
    that a page break cut (a browser draws no border there, so the row's part on either
    page would be lost), or, at a table's edge on the page, a cell merged down over rows on
    both pages (no rule under its part on this page, whose text would fall in no cell)."""
    upright = [e for e in page.edges if e["orientation"] == "v"]
    ends: dict[int, set[float]] = {}
    for edge in upright:
        for y in {round(edge["bottom"]), round(edge["top"])}:
            ends.setdefault(y, set()).add(round(edge["x0"]))
    return [float(y) for y, xs in ends.items() if len(xs) >= 2 and (
        not any(abs(e["top"] - y) <= 1.5 for e in across)
        or _table_edge(upright, y) and _gap_in_rule(across, y, sorted(xs)))]


def _table_edge(upright: list[dict], y: float) -> bool:
    """No ruled column crosses height ``y``: from there on, the page has no table above, or
    none below."""
    goes_down = any(abs(e["top"] - y) <= 1.5 and e["bottom"] > y + 1.5 for e in upright)
    comes_down = any(abs(e["bottom"] - y) <= 1.5 and e["top"] < y - 1.5 for e in upright)
    return not (goes_down and comes_down)


def _gap_in_rule(across: list[dict], y: float, xs: list[int]) -> bool:
    """Some column between ruled columns ending at height ``y`` has no rule there."""
    return any(b - a > 3 and not _ruled(across, y, a, b) for a, b in zip(xs, xs[1:], strict=False))


def _open_columns(across: list[dict], table) -> set[int]:
    """Columns of a table whose last cell on the page has no rule under it: a cell that
    runs on to the next page."""
    last: dict[int, tuple[float, float, float, float]] = {}
    for row in table.rows:
        last.update((k, box) for k, box in enumerate(row.cells) if box is not None)
    bottom = table.bbox[3]
    return {k for k, (x0, _, x1, y) in last.items()
            if abs(y - bottom) <= 1.5 and not _ruled(across, y, x0, x1)}


# A page that is mostly one picture and carries fewer characters of text than this is a
# scan (the text being a scanning app's stamp, a page number): OCR would be needed.
_SCAN_PICTURE_SHARE = 0.5
_SCAN_MAX_CHARS = 80


def _picture_share(page) -> float:
    """The share of the page the largest picture on it covers."""
    try:
        area = float(page.width) * float(page.height)
        largest = max(((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in page.images),
                      default=0.0)
    except Exception:
        return 0.0
    return largest / area if area > 0 else 0.0


class _PageLayout:
    """One page as read: its printed lines (with positions) and its ruled tables."""

    def __init__(self, page) -> None:
        self.height = float(page.height or 0.0)
        self.plain: str | None = None  # an odd page: its plain extraction
        self.lines: list[dict] = []
        self.tables: list[_Table] = []
        self.pictured = _picture_share(page) >= _SCAN_PICTURE_SHARE
        try:
            across = _rules_across(page)
            bottoms = _open_bottoms(page, across)
            found = page.find_tables(
                {"explicit_horizontal_lines": bottoms} if bottoms else None)
        except Exception:
            found = []
        boxes: list[tuple[float, float, float, float]] = []
        for table in found:
            try:
                rows = _table_cells(table)
                self.tables.append(_Table(table.bbox, rows, _covers(table, rows)))
                self.tables[-1].open_columns = _open_columns(across, table)
            except Exception:
                continue  # its text is read as lines
            boxes.append(table.bbox)
        self.boxes = boxes
        text_page = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
        try:
            lines = text_page.extract_text_lines(return_chars=True, strip=True)
        except Exception:
            self.plain = text_page.extract_text() or ""
            return
        for line in lines:
            line["segments"] = _line_segments(line)
        self.lines = [line for line in lines if line["segments"]]

    def margin_lines(self) -> list[dict]:
        """The outermost lines of the page in its top or bottom band, where running heads
        and feet sit."""
        band = _RUNNING_BAND * self.height
        ordered = sorted(self.lines, key=lambda line: line["top"])
        return [line for line in ordered[:_RUNNING_DEPTH] if line["top"] <= band] + [
            line for line in ordered[-_RUNNING_DEPTH:] if line["bottom"] >= self.height - band]

    def drop_running(self, running: set[tuple[int, str]]) -> None:
        self.lines = [line for line in self.lines if _running_key(line) not in running]

    def text(self, margins: tuple[float, float] | None) -> str:
        """Printed lines (re-joined into paragraphs) and ruled tables, top to bottom."""
        if self.plain is not None:
            return self.plain
        blocks = [(t.top, _table_rows(t.rows)) for t in self.tables]
        if not self.boxes:
            blocks.extend(_paragraphs(self.lines, margins))
        else:  # paragraphs do not run through a table
            run: list[dict] = []
            edges = sorted(box[1] for box in self.boxes)
            for line in self.lines:
                if run and any(run[-1]["top"] < edge <= line["top"] for edge in edges):
                    blocks.extend(_paragraphs(run, margins))
                    run = []
                run.append(line)
            blocks.extend(_paragraphs(run, margins))
        blocks.sort(key=lambda block: block[0])
        return "\n".join(text for _, texts in blocks for text in texts)


def _cells(row: list[str | None]) -> list[str]:
    return [" ".join((cell or "").split()) for cell in row]


def _join_tables_across_pages(layouts: list[_PageLayout]) -> None:
    """A table running on to the next page: read its merged cells under the header of the
    page before (a cell merged over rows on both pages read on each), drop the header row
    repeated there and put back together the row a page break cut in two (its rest has an
    empty first cell)."""
    for before, after in zip(layouts, layouts[1:], strict=False):
        for table in before.tables:
            table.fill()
        if not before.tables or not after.tables:
            continue
        last = max(before.tables, key=lambda t: t.top)
        first = min(after.tables, key=lambda t: t.top)
        below = [line for line in before.lines if line["top"] > last.bottom]
        above = [line for line in after.lines if line["bottom"] < first.top]
        if not last.rows or not first.rows or len(first.rows[0]) != len(last.rows[-1]):
            continue
        if below or above:
            # Text between them: two tables, unless it is a page number and running head
            # over the header repeated (a head on some pages only is no running line).
            if len(below) + len(above) > _RUNNING_DEPTH or _cells(first.rows[0]) != _cells(
                    last.header) or len(first.rows) < 2:
                continue
            furniture = {id(line) for line in below + above}
            before.lines = [line for line in before.lines if id(line) not in furniture]
            after.lines = [line for line in after.lines if id(line) not in furniture]
        first.header = last.header
        if _cells(first.rows[0]) == _cells(last.header) and len(first.rows) > 1:
            first.rows, first.covers = first.rows[1:], first.covers[1:]
        first.runs_on(last.open_columns)
        first.fill(last.rows[-1])
        head, cut = first.rows[0], last.rows[-1]
        if not (head[0] or "").strip() and any((c or "").strip() for c in head) and any(
                (c or "").strip() for c in cut):
            runs_on = [cover is _RUNS_ON for cover in first.covers[0]]
            whole = [a if on else _rejoined(a, b) for a, b, on in zip(cut, head, runs_on,
                                                                      strict=False)]
            _read_whole(first, head, whole)
            last.rows[-1] = whole
            first.rows, first.covers = first.rows[1:], first.covers[1:]
    for layout in layouts:
        for table in layout.tables:
            table.fill()


def _rejoined(before: str | None, after: str | None) -> str | None:
    """A cell a page break cut, its two parts as one: the line it cut joined back, unless
    it ended a unit's name before one opening the next (as :func:`_pdf_cell` tells)."""
    if not before or not after:
        return before or after or None
    if _whole_unit(before.rsplit("\n", 1)[-1]) and looks_like_unit(after.split("\n", 1)[0]):
        return f"{before}\n{after}"
    return f"{before} {after}"


def _read_whole(table: _Table, head: list[str | None], whole: list[str | None]) -> None:
    """Rows of ``table`` under a merged cell whose first part ends the page before (``head``
    holding its part on this page) read it ``whole``."""
    for cells, covers in zip(table.rows[1:], table.covers[1:], strict=False):
        for k, cover in enumerate(covers[:len(cells)]):
            if cover is not None and cover is not _RUNS_ON and k < len(head) \
                    and cover == head[k] and cells[k] == head[k]:
                cells[k] = whole[k]


# Running heads and feet: a line in the top or bottom band (this share of the page height)
# printed at the same height with the same words (page numbers aside) on two pages or more.
_RUNNING_BAND = 0.12
_RUNNING_DEPTH = 2  # lines from the page's top or bottom edge
# ... on at least this share of the pages after the first (so the header block of a second
# document bound into the same PDF is no running head).
_RUNNING_SHARE = 0.5
_RUNNING_STEP = 3.0  # points: the same height on every page, give or take
_DIGITS = re.compile(r"\d+")


def _running_key(line: dict) -> tuple[int, str]:
    words = _DIGITS.sub("#", " ".join(" ".join(line["segments"]).split()))
    return round(line["top"] / _RUNNING_STEP), words


def _running_lines(layouts: list[_PageLayout]) -> set[tuple[int, str]]:
    """The running heads and feet of a document (keys of :func:`_running_key`)."""
    pages: dict[tuple[int, str], int] = {}
    for layout in layouts:
        for key in {_running_key(line) for line in layout.margin_lines()}:
            pages[key] = pages.get(key, 0) + 1
    least = max(2, math.ceil(_RUNNING_SHARE * (len(layouts) - 1)))
    return {key for key, count in pages.items() if count >= least}


def pdf_text(data: bytes, path: str) -> str:
    """The text layer of a PDF, page by page (pages separated by a blank line).

    Printed lines that wrap at the right margin are re-joined into paragraphs;
    a line is split where a wide gap separates columns, so a two-column header
    does not run its halves together; ruled tables become pipe rows in place.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    def refuse(err: BaseException) -> LoadError:
        if isinstance(err, PDFPasswordIncorrect):
            return LoadError(path, "PDF is encrypted (password protected): cannot read it")
        if isinstance(err, PDFEncryptionError):
            return LoadError(path, f"PDF is encrypted in an unsupported way ({err})")
        if isinstance(err, PDFSyntaxError):
            return LoadError(path, f"not a valid PDF ({err})")
        return LoadError(path, f"cannot read PDF: {type(err).__name__}: {err}")

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as err:
        # pdfplumber wraps pdfminer's errors in PdfminerException(original)
        cause = err.args[0] if type(err).__name__ == "PdfminerException" and err.args else err
        if type(err).__name__ == "PdfminerException" and not isinstance(cause, BaseException):
            raise LoadError(path, f"not a valid PDF ({cause})") from None
        raise refuse(cause) from None
    try:
        with pdf:
            layouts = [_PageLayout(page) for page in pdf.pages]
        running = _running_lines(layouts)
        for layout in layouts:
            layout.drop_running(running)
        _join_tables_across_pages(layouts)
        margins = _margins([line for layout in layouts for line in layout.lines])
        pages = [layout.text(margins) for layout in layouts]
    except Exception as err:
        raise LoadError(path, f"cannot read PDF text: {type(err).__name__}: {err}") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError(path, _NO_TEXT_LAYER)
    words = " ".join(text.split())
    if all(layout.pictured for layout in layouts) and len(words) < _SCAN_MAX_CHARS * len(pages):
        raise LoadError(path, f"PDF has no text layer (scanned pages; their only text is "
                              f"{words[:60]!r}): OCR is needed")
    return text


def _read_scan(data: bytes, path: str, refusal: LoadError) -> tuple[str, str | None]:
    """The text of a PDF without a usable text layer (a scan, or fonts that give wrong
    letters) by OCR, or ``refusal`` with how to read it."""
    from policykg.loaders import ocr

    return _by_ocr(path, refusal.reason, lambda: ocr.ocr_pdf(data, path))


def _read_image(data: bytes, path: str) -> tuple[str, str | None]:
    """A scanned page or a photo of one (PNG, JPEG, TIFF) by OCR."""
    from policykg.loaders import ocr

    return _by_ocr(path, "a picture of a document: OCR is needed",
                   lambda: ocr.ocr_image(data, path))


def _by_ocr(path: str, reason: str, read: Callable[[], tuple[list[str | DocTable], float]]
            ) -> tuple[str, str | None]:
    """Text read by OCR (:mod:`policykg.loaders.ocr`), or a refusal giving ``reason`` and
    how to read the file when OCR is off or not installed (tried again by the next
    ingest). The note names the OCR and its mean confidence (the plan's warnings repeat
    it)."""
    from policykg.loaders import ocr

    if not ocr.ocr_enabled():
        raise LoadError(path, f"{reason} (OCR is turned off: {ocr.OCR_ENV}=0)", lasting=False)
    if ocr.ocr_engine() is None:
        raise LoadError(path, f"{reason}: {ocr.INSTALL_HINT}", lasting=False)
    blocks, confidence = read()
    return unicodedata.normalize("NFC", _blocks_text(blocks)), f"{ocr.NOTE} {confidence:.0f}%"


# --- HTML ------------------------------------------------------------------------

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_DROP = frozenset(
    "script style noscript template nav header footer aside form iframe svg canvas "
    "button select textarea head title object video audio map".split()
)
_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody "
    "tfoot tr blockquote pre figure figcaption address center body html hr caption".split()
)
_JUNK_NAME = re.compile(
    r"(?:^|[\s_-])(?:menu|menus|nav|navbar|navigation|sidebar|side-bar|breadcrumbs?|"
    r"footer|cookie|cookies|share|social|banner|advert|ads|tools?|toolbar|related|"
    r"attach(?:ment)?s?|tags|comments?|rating|lien-?quan|binh-?luan|dinh-?kem)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT_NAME = re.compile(
    r"(?:^|[\s_-])(?:content|main|article|post|entry|detail|noi-?dung|chi-?tiet|"
    r"van-?ban|document|body-?text)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# Tags whose start closes an open element: tag → (closed tags, containers that stop the search).
_IMPLIED_CLOSE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li", "p"), ("ul", "ol")),
    "dt": (("dt", "dd", "p"), ("dl",)),
    "dd": (("dt", "dd", "p"), ("dl",)),
    "tr": (("tr", "td", "th"), ("table", "thead", "tbody", "tfoot")),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "option": (("option",), ("select",)),
}
# Inline elements that may be left open inside the element being closed.
_INLINE_OPEN = frozenset("p li dt dd tr td th option span font b i u em strong a small".split())


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent

    def names(self) -> str:
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}"

    def iter(self) -> Iterator[_Node]:
        """This node and its descendants in document order (no recursion: pages nest deep)."""
        stack: list[_Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, _Node))


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed tags are closed by their parent's end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.current = self.root

    def _close_implied(self, tag: str) -> None:
        """Close what a new ``tag`` ends implicitly: an open p, li, dt/dd, td/th, tr."""
        if tag in _IMPLIED_CLOSE:
            closes, stop_at = _IMPLIED_CLOSE[tag]
            through_any = True
        elif tag in _BLOCK:
            closes, stop_at, through_any = ("p",), (), False
        else:
            return
        outermost: _Node | None = None
        node: _Node | None = self.current
        while node is not None and node.tag != "#root" and node.tag not in stop_at:
            if node.tag in closes:
                outermost = node
            elif not through_any and node.tag not in _INLINE_OPEN:
                break
            node = node.parent
        if outermost is not None:
            self.current = outermost.parent or self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _is_junk(node: _Node) -> bool:
    if node.tag in _DROP:
        return True
    if node.attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    if "hidden" in node.attrs or _HIDDEN_STYLE.search(node.attrs.get("style", "")):
        return True
    names = node.names()
    return bool(names.strip()) and bool(_JUNK_NAME.search(names)) and node.tag not in (
        "body", "html", "main", "article"
    )


def _text_length(node: _Node) -> int:
    total = 0
    for child in node.children:
        if isinstance(child, str):
            total += len(child.strip())
        elif not _is_junk(child):
            total += _text_length(child)
    return total


def _reading_length(node: _Node) -> int:
    """The text of ``node`` a reader reads, links left out: a portal's lists of other pages
    (latest news, other documents, menus without a name) are links, a document's text is not,
    so they weigh nothing when the document's box is measured against the page."""
    total = 0
    for child in node.children:
        if isinstance(child, str):
            total += len(child.strip())
        elif child.tag != "a" and not _is_junk(child):
            total += _reading_length(child)
    return total


# A content box holding this share of a larger one's text is the document, the rest of
# the larger box being the page around it ("Tin liên quan" under the article).
_INNER_SHARE = 0.8
# A content box holding this share of the page's text is the document.
_CONTENT_SHARE = 0.5
# A table cell holding this share of the page's text is the document in a page laid out
# as a table (menu | document | links), an older portals' layout.
_LAYOUT_CELL_SHARE = 0.6


def _main_element(root: _Node) -> _Node:
    """The element holding the page's document: a content box within main or article, or
    main or article, a content box, the cell of a layout table holding most of the text, or
    body."""
    nodes = list(root.iter())
    content = [
        n for n in nodes
        if n.tag in ("div", "section", "td") and _CONTENT_NAME.search(n.names())
        and not _is_junk(n)
    ]
    for tag in ("main", "article"):
        found = [n for n in nodes if n.tag == tag and not _is_junk(n)]
        if found:
            scope = max(found, key=_text_length)
            return _content_box([n for n in content if _within(n, scope)], scope) or scope
    body = next((n for n in nodes if n.tag == "body"), root)
    box = _content_box(content, body)
    if box is not None:
        return box
    body_length = _reading_length(body)
    cells = [n for n in nodes if n.tag == "td" and not _is_junk(n)]
    if cells and body_length:
        cell = max(cells, key=_reading_length)
        if _reading_length(cell) >= _LAYOUT_CELL_SHARE * body_length:
            return cell
    return body


def _content_box(content: list[_Node], scope: _Node) -> _Node | None:
    """The content box (``content``) holding the document within ``scope``: the one with
    the most text, when it holds half the text of ``scope`` or more; narrowed to a box
    inside it that holds nearly all of it. None when no box holds enough."""
    if not content:
        return None
    lengths = {id(n): _reading_length(n) for n in content}
    best = max(content, key=lambda n: lengths[id(n)])
    if lengths[id(best)] < _CONTENT_SHARE * _reading_length(scope):
        return None
    inner = [n for n in content if n is not best and _within(n, best)
             and lengths[id(n)] >= _INNER_SHARE * lengths[id(best)]]
    return min(inner, key=lambda n: lengths[id(n)]) if inner else best


def _within(node: _Node, ancestor: _Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


_BOLD_TAGS = frozenset({"b", "strong"})


class _Renderer:
    """Block structure as lines; lists as ``- `` items; tables as pipe rows."""

    def __init__(self, bold: bool = False) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.bold = bold  # a table cell's: bold words between ``**`` (see _run_texts)

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.lines.append(text)
        self.buffer = []

    def render(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.buffer.append(child)
                continue
            if _is_junk(child):
                continue
            tag = child.tag
            if tag == "br":
                self.flush()
            elif tag == "table":
                self.flush()
                self.table(child)
            elif tag == "li":
                self.flush()
                self.buffer.append("- ")
                self.render(child)
                self.flush()
            elif tag in _BLOCK:
                self.flush()
                self.render(child)
                self.flush()
            elif self.bold and tag in _BOLD_TAGS:
                self.buffer.append(_STRONG)
                self.render(child)
                self.buffer.append(_STRONG)
            else:
                self.render(child)

    def cell_text(self, cell: _Node) -> str:
        inner = _Renderer(bold=True)
        inner.render(cell)
        inner.flush()
        text = _cell_joined(inner.lines)
        return _BOLD_SPAN.sub(_bold_span, text.replace(_STRONG * 2, "")) if _STRONG in text \
            else text

    def cell_lines(self, cell: _Node) -> list[str]:
        inner = _Renderer()
        inner.render(cell)
        inner.flush()
        return inner.lines

    def table(self, table: _Node) -> None:
        rows = [[c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]
                for row in table.iter() if row.tag == "tr" and _nearest_table(row) is table]
        rows = [row for row in rows if row]
        if rows and max(map(len, rows)) <= _LAYOUT_MAX_COLUMNS and len(rows) <= _LAYOUT_MAX_ROWS:
            # A layout table (the header: issuer and number | motto, place and date; the
            # closing: recipients | signature) stacks several lines in a cell: its cells'
            # lines, as the Word reader gives them. A small table of one-line cells is data.
            lines = [self.cell_lines(cell) for row in rows for cell in row]
            if any(len(cell) > 1 for cell in lines):
                self.lines.extend(line for cell in lines for line in cell)
                return
        spanned: dict[int, int] = {}  # column → rows a cell above still covers
        spanning: dict[int, str] = {}  # column → the text of that cell
        headers: list[str] = []

        def covered(texts: list[str]) -> None:  # a column a rowspan above covers
            column = len(texts)
            spanned[column] -= 1
            filled = column < len(headers) and _fills_down(headers[column])
            texts.append(spanning.get(column, "") if filled else "")

        for row in rows:
            texts: list[str] = []
            for cell in row:
                while spanned.get(len(texts), 0) > 0:
                    covered(texts)
                down, across = _span(cell, "rowspan"), _span(cell, "colspan")
                text = self.cell_text(cell)
                for offset in range(across):
                    value = text if offset == 0 else ""
                    if down > 1:
                        spanned[len(texts)] = down - 1
                        spanning[len(texts)] = value
                    texts.append(value)
            while any(n > 0 for col, n in spanned.items() if col >= len(texts)):
                if spanned.get(len(texts), 0) > 0:
                    covered(texts)
                else:
                    texts.append("")
            if not headers and len(row) >= 2:  # the first row of two cells or more
                headers = list(texts)
                for column, cell_text in enumerate(texts):  # a header cell spanning columns
                    if not cell_text and column:
                        headers[column] = headers[column - 1]
            if any(t.strip() for t in texts):
                self.lines.append(_pipe_row(texts))


def _span(cell: _Node, name: str) -> int:
    """A cell's rowspan or colspan (1 when absent or unreadable; at most 50)."""
    try:
        return min(max(int(cell.attrs.get(name, "1") or 1), 1), 50)
    except ValueError:
        return 1


def _nearest_table(node: _Node) -> _Node | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def html_text(data: bytes, path: str) -> tuple[str, str]:
    """The readable document of a web page as lines; returns ``(text, encoding)``."""
    declared = _META_CHARSET.search(data[:4096])
    text, encoding = decode_bytes(
        data, path, declared=declared.group(1).decode("ascii", "replace") if declared else None
    )
    builder = _TreeBuilder()
    renderer = _Renderer()
    try:
        builder.feed(text)
        builder.close()
        renderer.render(_main_element(builder.root))
    except RecursionError:
        raise LoadError(path, "HTML is nested too deeply to read") from None
    except Exception as err:
        raise LoadError(path, f"cannot parse HTML: {type(err).__name__}: {err}") from None
    renderer.flush()
    return "\n".join(renderer.lines), encoding


# --- dispatch ----------------------------------------------------------------------


def _read_text(data: bytes, path: str) -> tuple[str, str | None]:
    return decode_bytes(data, path)


def _read_docx(data: bytes, path: str) -> tuple[str, str | None]:
    text, note = repair_text(docx_text(data, path), path)
    return text, note


# A PDF whose fonts map letters to wrong code points ("KӃ HOҤCH" for "KẾ HOẠCH": glyph
# numbers taken for characters) has a text layer that no decoding repairs: refused when
# at least this many of its letters, and this share of its Vietnamese ones, are odd.
_GARBLED_MIN = 20
_GARBLED_SHARE = 0.25


def _read_doc(data: bytes, path: str) -> tuple[str, str | None]:
    return repair_text(doc_text(data, path), path)


def _read_pdf(data: bytes, path: str) -> tuple[str, str | None]:
    try:
        raw = pdf_text(data, path)
    except LoadError as err:
        if not err.reason.startswith(_NO_TEXT_LAYER_START):
            raise
        return _read_scan(data, path, err)
    text, note = repair_text(raw, path)
    letters, odd = vietnamese_score(unicodedata.normalize("NFC", text))
    if odd >= _GARBLED_MIN and odd >= _GARBLED_SHARE * (letters + odd):
        sample = "".join(dict.fromkeys(ch for ch in text if _is_odd(ch)))[:8]
        # the pages show the right letters: OCR reads them, when it can
        return _read_scan(data, path, LoadError(
            path, f"PDF text layer is garbled: its fonts give wrong letters (such as "
                  f"{sample!r}); read the original .docx, or OCR the PDF"))
    return text, note


def _is_odd(ch: str) -> bool:
    return vietnamese_score(ch)[1] > 0


Reader = Callable[[bytes, str], tuple[str, str | None]]
_READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", _read_text),
    ".text": ("txt", _read_text),
    ".md": ("md", _read_text),
    ".markdown": ("md", _read_text),
    ".docx": ("docx", _read_docx),
    ".docm": ("docx", _read_docx),
    ".dotx": ("docx", _read_docx),
    ".dotm": ("docx", _read_docx),
    ".pdf": ("pdf", _read_pdf),
    ".html": ("html", html_text),
    ".htm": ("html", html_text),
    ".doc": ("doc", _read_doc),  # told by its bytes: see _sniff_doc
    ".dot": ("doc", _read_doc),
    # a scanned page or a photo of one, read by OCR
    ".png": ("image", _read_image),
    ".jpg": ("image", _read_image),
    ".jpeg": ("image", _read_image),
    ".tif": ("image", _read_image),
    ".tiff": ("image", _read_image),
}
SUPPORTED_SUFFIXES = frozenset(_READERS)
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_HINTS = {
    ".rtf": "RTF: save it as .docx",
    ".odt": "OpenDocument: save it as .docx",
    ".xls": "spreadsheet",
    ".xlsx": "spreadsheet",
}


# Size limits: a text file above this many MB is refused before it is read (memory
# stays bounded); Word and PDF files, which carry pictures, may be _CONTAINER_FACTOR
# times larger, and so may a Word file's unpacked content (a "zip bomb" is refused).
DEFAULT_MAX_MB = 50.0
MAX_MB_ENV = "POLICYKG_MAX_FILE_MB"
_CONTAINER_FACTOR = 4
_MB = 1024 * 1024


def max_file_mb(max_mb: float | None = None) -> float:
    """The size limit for text files in MB: ``max_mb``, else ``$POLICYKG_MAX_FILE_MB``, else 50."""
    if max_mb is not None:
        return float(max_mb)
    import os

    try:
        value = float(os.environ.get(MAX_MB_ENV, "") or DEFAULT_MAX_MB)
    except ValueError:
        value = DEFAULT_MAX_MB
    return value if value > 0 else DEFAULT_MAX_MB


def _size_limit(fmt: str, max_mb: float | None) -> float:
    """Limit in MB for a file of format ``fmt``."""
    limit = max_file_mb(max_mb)
    return limit * _CONTAINER_FACTOR if fmt in ("doc", "docx", "pdf", "image") else limit


def _too_large(name: str, fmt: str, size: int, limit_mb: float, what: str = "file") -> LoadError:
    return LoadError(
        name,
        f"{what} is too large: {size / _MB:.1f} MB, above the {limit_mb:g} MB limit for "
        f"{fmt} files (set {MAX_MB_ENV} to raise it)",
    )


def _unpacked_size(data: bytes) -> int:
    """Total uncompressed size of a zip package's members (0 when it is no zip)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return sum(max(info.file_size, 0) for info in package.infolist())
    except Exception:  # not a zip: the Word reader says so
        return 0


def _sniff_doc(data: bytes, name: str) -> tuple[str, Reader]:
    """The reader for a ``.doc`` file, told by its bytes: a Word 97-2003 file, or what
    portals and mail often name ``.doc``: a ``.docx`` or a web page ("Export to Word",
    "Save as Web Page"). RTF and MHTML are refused with what to do."""
    text_start = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    if data.startswith(OLE_MAGIC):
        return _READERS[".doc"]
    if data.startswith(_ZIP_MAGIC):
        return _READERS[".docx"]
    if _HTML_START.match(text_start[:4096]):
        return _READERS[".html"]
    if data.lstrip()[:5].lower() == _RTF_MAGIC:
        hint = _HINTS[".rtf"]
    elif data[:64].lower().lstrip().startswith(b"mime-version:"):
        hint = "a single-file web page (MHTML): save it as .docx"
    else:
        hint = "neither Word 97-2003 nor .docx nor a web page"
    raise LoadError(name, f"unsupported file type .doc ({hint})")


def read_document(path: str | Path, *, max_mb: float | None = None) -> tuple[str, SourceFile]:
    """Read one file into text and its :class:`SourceFile`.

    Raises :class:`LoadError` for an unsupported suffix, a file that cannot be
    opened (with the OS reason), an empty or binary file, a file above the size
    limit (:func:`max_file_mb`), a PDF without a text layer, or text in an
    encoding that cannot be decoded cleanly.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        kind = suffix or "(no suffix)"
        hint = _HINTS.get(suffix)
        raise LoadError(name, f"unsupported file type {kind}" + (f" ({hint})" if hint else ""))
    if path.is_dir():
        raise LoadError(name, "is a folder, not a file")
    if path.exists() and not path.is_file():  # a pipe or device would block or never end
        raise LoadError(name, "not a regular file")
    fmt, reader = _READERS[suffix]
    limit_mb = _size_limit(fmt, max_mb)
    limit = int(limit_mb * _MB)
    try:
        size = path.stat().st_size
    except (OSError, ValueError):
        size = 0  # opening it below gives the reason
    if size > limit:
        raise _too_large(name, fmt, size, limit_mb)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # never more than the limit in memory
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the name
        reason = getattr(err, "strerror", None) or str(err)
        raise LoadError(name, f"cannot open: {reason}") from None
    if len(data) > limit:  # grew while being read
        raise _too_large(name, fmt, len(data), limit_mb)
    if not data.strip():
        raise LoadError(name, "empty file")
    if fmt == "doc" or (fmt == "docx" and data.startswith(OLE_MAGIC)):
        fmt, reader = _sniff_doc(data, name)  # a .docx that is a Word 97-2003 file is read
    if fmt == "docx":
        unpacked = _unpacked_size(data)
        if unpacked > limit:
            raise _too_large(name, fmt, unpacked, limit_mb, "unpacked content")
    text, encoding = reader(data, name)
    source = SourceFile(
        path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding
    )
    return text, source
