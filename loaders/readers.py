"""File → text, for every kind of file a plan arrives as.

:func:`read_document` dispatches on the suffix and returns the text with a
:class:`SourceFile` (path, sha256 of the raw bytes, format, encoding). Every
failure is a :class:`LoadError` naming the file and the reason — never a
traceback. Tables (Word, HTML, ruled tables in PDF) come out as pipe rows
(``| cell | cell |``), the form of a markdown table, so the parser sees one
table form whatever the file.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from policykg.loaders.decode import decode_bytes, repair_text
from policykg.loaders.model import LoadError, SourceFile

__all__ = [
    "read_document", "SUPPORTED_SUFFIXES", "docx_text", "pdf_text", "html_text", "max_file_mb",
]


def _cell_text(text: str) -> str:
    """One table cell on one line; a ``|`` inside would split the row, so it becomes ``/``."""
    return " ".join(text.replace("|", "/").split())


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell_text(c) for c in cells) + " |"


# --- Word ------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A table of at most this many columns and rows is page layout (the issuer /
# national motto header, the recipients / signature block), not data: its cells
# are read as plain lines.
_LAYOUT_MAX_COLUMNS = 2
_LAYOUT_MAX_ROWS = 4


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                          (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                          (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


class _Numbering:
    """Word's automatic numbering, replayed: the "1.", "a)", "-" a paragraph shows.

    Counters are kept per abstract list and level; a deeper level restarts when
    a shallower one advances; a list instance with a start override restarts
    its level the first time it is used.
    """

    def __init__(self, numbering_xml, styles_xml) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
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
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        abstract_id, overrides = self.instances[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        if ilvl in overrides and (num_id, ilvl) not in self.started:
            counters[ilvl] = start
        else:
            counters[ilvl] = counters.get(ilvl, start - 1) + 1
        self.started.add((num_id, ilvl))
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":  # symbol-font glyphs (, o, §) read as the plan's own marks
            glyph = text.strip()
            if glyph in ("-", "+"):
                return glyph + " "
            first_bullet = min(k for k, level in levels.items() if level[1] == "bullet")
            return ("- " if ilvl == first_bullet else "+ ")

        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters.get(level, levels.get(level, (1, "", ""))[0])
            return _FORMATS.get(levels.get(level, (1, "decimal", ""))[1], str)(value)

        label = re.sub(r"%([1-9])", number, text).strip()
        return label + " " if label else ""


def _val(el, default):
    return el.get(f"{_W}val", default) if el is not None else default


def _paragraph_text(p, numbering: _Numbering | None = None) -> str:
    """Text of a ``w:p`` element: its list label, runs, tabs and breaks, hyperlinks."""
    label = numbering.label(p) if numbering is not None else ""
    parts: list[str] = []
    for el in p.iter():
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append("\t")
        elif el.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif el.tag == f"{_W}txbxContent":
            break  # text boxes are read separately
    body = "".join(parts)
    return label + body if body.strip() else ""


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


def _cell_blocks(tc, numbering: _Numbering) -> tuple[list[str], list]:
    """Paragraph texts of a cell and the tables nested in it."""
    paragraphs: list[str] = []
    nested: list = []
    for child in tc:
        if child.tag == f"{_W}p":
            paragraphs.append(_paragraph_text(child, numbering))
        elif child.tag == f"{_W}tbl":
            nested.append(child)
        elif child.tag == f"{_W}sdt":  # content control wrapping paragraphs
            for p in child.iter(f"{_W}p"):
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


def _table_lines(tbl, numbering: _Numbering) -> Iterator[str]:
    rows = [child for child in tbl if child.tag == f"{_W}tr"]
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
    for tr in rows:
        cells: list[str] = []
        nested_tables: list = []
        for tc in _row_cells(tr):
            if _is_vmerge_continuation(tc):
                cells.append("")
                continue
            paragraphs, nested = _cell_blocks(tc, numbering)
            cells.append(" ".join(p.strip() for p in paragraphs if p.strip()))
            nested_tables.extend(nested)
        if any(c.strip() for c in cells):
            yield _pipe_row(cells)
        for inner in nested_tables:
            yield from _table_lines(inner, numbering)


def _body_lines(body, numbering: _Numbering) -> Iterator[str]:
    for child in body:
        if child.tag == f"{_W}p":
            yield _paragraph_text(child, numbering)
            yield from _text_boxes(child, numbering)
        elif child.tag == f"{_W}tbl":
            yield from _table_lines(child, numbering)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_lines(content, numbering)


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


def docx_text(data: bytes, path: str) -> str:
    """Body paragraphs (with their list numbers) and tables of a ``.docx`` in document order."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _numbering_of(document)
        return "\n".join(_body_lines(document.element.body, numbering))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(path, f"not a valid Word .docx file ({err})") from None
    except Exception as err:  # malformed XML inside the package
        raise LoadError(path, f"cannot read Word file: {type(err).__name__}: {err}") from None


# --- PDF -------------------------------------------------------------------------

_NO_TEXT_LAYER = "PDF has no text layer (scanned?): OCR is needed"


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
    """pdfplumber's table → pipe rows; ``None`` marks a cell covered by a merge."""
    out = []
    for row in rows:
        if len(row) > 1 and row[0] and all(cell is None for cell in row[1:]):
            row = row[:1]  # a heading row merged across the table
        cells = [cell or "" for cell in row]
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
_INDENT_EM = 1.5  # a first line indented this much further opens a paragraph


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _paragraphs(lines: list[dict]) -> list[tuple[float, list[str]]]:
    """Printed lines → paragraph lines: a line that runs to the right margin wraps.

    A line joins the one before when that one reached the right margin, did not
    end a sentence, and this one neither opens an item nor starts indented.
    """
    single = [line for line in lines if len(line["segments"]) == 1]
    if len(single) < 3:
        return [(line["top"], line["segments"]) for line in lines]
    left = _quantile([line["x0"] for line in single], 0.1)
    right = _quantile([line["x1"] for line in single], 0.9)
    slack = _WRAP_SLACK * max(right - left, 1.0)
    blocks: list[tuple[float, list[str]]] = []
    open_line = False
    for line in lines:
        segments = line["segments"]
        size = max((c.get("size") or 0.0 for c in line.get("chars", [])), default=10.0) or 10.0
        text = segments[0] if len(segments) == 1 else ""
        if (
            open_line and text and blocks
            and not _ITEM_START.match(text)
            and line["x0"] <= left + _INDENT_EM * size
        ):
            top, previous = blocks[-1]
            blocks[-1] = (top, previous[:-1] + [previous[-1] + " " + text])
        else:
            blocks.append((line["top"], segments))
        open_line = bool(text) and line["x1"] >= right - slack and not text.endswith(_LINE_END)
    return blocks


def _page_text(page) -> str:
    """Printed lines (re-joined into paragraphs) and ruled tables of one page, top to bottom."""
    try:
        tables = page.find_tables()
    except Exception:
        tables = []
    boxes = [table.bbox for table in tables]
    blocks: list[tuple[float, list[str]]] = []
    for table in tables:
        try:
            blocks.append((table.bbox[1], _table_rows(table.extract())))
        except Exception:
            boxes.remove(table.bbox)
    text_page = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    try:
        lines = text_page.extract_text_lines(return_chars=True, strip=True)
    except Exception:  # an odd page: plain extraction
        return text_page.extract_text() or ""
    for line in lines:
        line["segments"] = _line_segments(line)
    lines = [line for line in lines if line["segments"]]
    if not boxes:
        blocks.extend(_paragraphs(lines))
    else:  # paragraphs do not run through a table
        run: list[dict] = []
        edges = sorted(box[1] for box in boxes)
        for line in lines:
            if run and any(run[-1]["top"] < edge <= line["top"] for edge in edges):
                blocks.extend(_paragraphs(run))
                run = []
            run.append(line)
        blocks.extend(_paragraphs(run))
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, texts in blocks for text in texts)


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
    pages: list[str] = []
    try:
        with pdf:
            for page in pdf.pages:
                pages.append(_page_text(page))
    except Exception as err:
        raise LoadError(path, f"cannot read PDF text: {type(err).__name__}: {err}") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError(path, _NO_TEXT_LAYER)
    return text


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
    r"footer|cookie|cookies|share|social|banner|advert|ads)(?:$|[\s_-])",
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


def _main_element(root: _Node) -> _Node:
    """The element holding the page's document: main, article, a content box, or body."""
    nodes = list(root.iter())
    for tag in ("main", "article"):
        found = [n for n in nodes if n.tag == tag and not _is_junk(n)]
        if found:
            return max(found, key=_text_length)
    content = [
        n for n in nodes
        if n.tag in ("div", "section", "td") and _CONTENT_NAME.search(n.names())
        and not _is_junk(n)
    ]
    body = next((n for n in nodes if n.tag == "body"), root)
    if content:
        best = max(content, key=_text_length)
        if _text_length(best) * 2 >= _text_length(body):
            return best
    return body


class _Renderer:
    """Block structure as lines; lists as ``- `` items; tables as pipe rows."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []

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
            else:
                self.render(child)

    def cell_text(self, cell: _Node) -> str:
        inner = _Renderer()
        inner.render(cell)
        inner.flush()
        return " ".join(inner.lines)

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
        for row in rows:
            texts: list[str] = []
            for cell in row:
                while spanned.get(len(texts), 0) > 0:  # covered by a rowspan above: empty
                    spanned[len(texts)] -= 1
                    texts.append("")
                down, across = _span(cell, "rowspan"), _span(cell, "colspan")
                for offset in range(across):
                    if down > 1:
                        spanned[len(texts)] = down - 1
                    texts.append(self.cell_text(cell) if offset == 0 else "")
            while any(n > 0 for col, n in spanned.items() if col >= len(texts)):
                if spanned.get(len(texts), 0) > 0:
                    spanned[len(texts)] -= 1
                texts.append("")
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


def _read_pdf(data: bytes, path: str) -> tuple[str, str | None]:
    text, note = repair_text(pdf_text(data, path), path)
    return text, note


_READERS: dict[str, tuple[str, Callable[[bytes, str], tuple[str, str | None]]]] = {
    ".txt": ("txt", _read_text),
    ".text": ("txt", _read_text),
    ".md": ("md", _read_text),
    ".markdown": ("md", _read_text),
    ".docx": ("docx", _read_docx),
    ".pdf": ("pdf", _read_pdf),
    ".html": ("html", html_text),
    ".htm": ("html", html_text),
}
SUPPORTED_SUFFIXES = frozenset(_READERS)
_HINTS = {
    ".doc": "old Word .doc: save it as .docx",
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
    return limit * _CONTAINER_FACTOR if fmt in ("docx", "pdf") else limit


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
    if fmt == "docx":
        unpacked = _unpacked_size(data)
        if unpacked > limit:
            raise _too_large(name, fmt, unpacked, limit_mb, "unpacked content")
    text, encoding = reader(data, name)
    source = SourceFile(
        path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding
    )
    return text, source
