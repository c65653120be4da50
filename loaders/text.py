"""From decoded text to logical lines: page-break joins, markdown and Word debris.

The readers turn a file into text; this module turns text into the
:class:`~policykg.loaders.model.Line` list the parser works on. Line numbers
always refer to the physical lines of the text given (split on ``\\n``,
``\\r\\n`` or ``\\r``), so provenance can quote the source.

What is cleaned, and why:

- NFC, odd spaces, zero-width and control characters: text arrives NFC or NFD,
  copied from Word or the web.
- Markdown debris from converted plans: ``#`` headings, ``*``/``**``/``_``
  emphasis, ``*``/``•`` bullets (→ ``- ``), backslash escapes, links, rules,
  code fences, table separator rows (pipe rows themselves are kept).
- Page debris: a line that is only a page number (``2``, ``- 2 -``,
  ``Trang 2/5``) is dropped, and a paragraph split by a page break or a hard
  wrap is re-joined when the next line starts in lower case and the previous
  one did not end a sentence, or starts with the number a date left open needs
  ("… trong tháng 9 năm" / "2026.").
- Word tables pasted as text: a row whose cells tabs part becomes a pipe row; a field
  table's row of two cells ("Đơn vị chủ trì<TAB>Phòng X") gets back the colon after its
  label, so it reads as the labelled line it is.
- Web portal debris: a line that is only a button, link or breadcrumb ("Tải về",
  "In trang", "Chia sẻ: Facebook | Zalo", "Trang chủ > Văn bản") is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from operator import itemgetter

from policykg.loaders.model import Line
from policykg.loaders.tasks import field_kind
from policykg.loaders.units import looks_like_unit
from policykg.ontology.normalize import fold

# --- patterns ----------------------------------------------------------------------

_PHYSICAL_LINE = re.compile(r"\r\n|\r|\n")
# Breaks inside one physical line: page break (form feed) and Word's manual
# line breaks (vertical tab, Unicode line/paragraph separators, NEL).
_INLINE_BREAK = re.compile(r"[\f\v\x1c-\x1e\x85\u2028\u2029]")
# Control characters, invisible format characters (Unicode category Cf: soft
# hyphen, zero-width, direction marks, BOM …) and private-use characters
# (symbol-font glyphs Word and PDFs give for bullets).
_INVISIBLE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ue000-\uf8ff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# A plain line, which no cleaning step below changes: it opens with a letter or digit (or
# "- ", "+ ", "|" and one), so it is no bullet, rule, fence, table separator, heading or quote,
# and holds no tab, invisible character, HTML, emphasis, escape or link. Most lines of a
# plan are plain; only the page-number test is left to do for them.
_PLAIN = re.compile(rf"(?:[-+] |\| ?)?[^\W_][^\t<*_\\\]{_INVISIBLE_CHARS}]*")
_SPACES = re.compile(r"[ \t]+")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

_HEADING_HASHES = re.compile(r"^#{1,6}(\s+|$)")
_TRAILING_HASHES = re.compile(r"\s+#+\s*$")
_BLOCKQUOTE = re.compile(r"^(>\s?)+")
_BULLET = re.compile(r"^(?:[*•●▪◦○■□►▸▶➢➤❖✓✔⁃∙·]|[–—−])\s+")
_PRIVATE_BULLET = re.compile(r"^[\ue000-\uf8ff]\s*")
_RULE = re.compile(r"^([-*_=~`])(\s*\1){2,}\S*$")
_FENCE = re.compile(r"^(```|~~~)")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRAY_STRONG = re.compile(r"^\*\*+|\*\*+$|(?<=\s)\*\*+|\*\*+(?=\s)")
_STRAY_EM = re.compile(r"^\*(?=\S)|(?<=\S)\*$")

# A line that is only a page number: "2", "- 2 -", "— 12 —", "Trang 2", "2/10".
_PAGE_NUMBER = re.compile(
    r"^(?:trang\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?$|^(?:trang\s*)?\d{1,3}\s*/\s*\d{1,3}$",
    re.IGNORECASE,
)
# What a line that _PAGE_NUMBER matches can open with, besides a digit (it has no leading space).
_PAGE_NUMBER_OPENERS = "tT-–—"
# A web portal's buttons, links and breadcrumb copied with the page ("Tải về", "In trang", "Chia
# sẻ: Facebook | Zalo", "Trang chủ > Văn bản"): debris, when the line is nothing else. First the
# openings (lower case) a cheap test looks for, then the whole line (folded).
_CHROME_OPENERS = ("tải", "in ", "in trang", "bản in", "chia sẻ", "gửi email", "xem thêm",
                   "quay lại", "về đầu", "lên đầu", "văn bản liên quan", "các văn bản liên quan",
                   "tin liên quan", "file đính kèm", "tệp đính kèm", "lượt xem", "trang chủ",
                   "ngày đăng", "bình luận")
_CHROME = re.compile(
    r"^(?:tai ve|tai xuong|tai file(?: dinh kem)?|tai van ban|tai tep(?: dinh kem)?"
    r"|(?:file|tep) dinh kem|in trang|in van ban|ban in|chia se|gui email|xem them|quay lai"
    r"|(?:ve|len) dau trang|(?:cac )?van ban lien quan|tin lien quan|binh luan)\s*:?$"
    r"|^(?:chia se|luot xem|ngay dang)\s*:.{0,60}$"
    r"|^trang chu\s*[>»›/|].*$")
_CHROME_MAX = 80
_CHROME_PARTS = re.compile(r"\s[|·•]\s")  # buttons in a row: "In trang | Gửi email"
_CHROME_FIRST = frozenset(c for w in _CHROME_OPENERS for c in (w[0], w[0].upper()))
# A line that opens with the number a date or count needs ("… trong tháng 9 năm" / "2026."),
# and the words that leave the line above waiting for one.
_NUMBER_GOES_ON = re.compile(r"^\d{1,4}(?:\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)?(?:[\s.,;:)]|$)")
_WANTS_NUMBER = re.compile(r"(?:^|\s)(?:năm|tháng|ngày|số|quý|Quý|giai đoạn|đến|trước|từ|đạt)$")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)/]?\s+\S")
# An enumerator in lower case ("a)", "b.", "đ)", "c/") opens a new item, not a continuation.
_LOWER_ENUMERATOR = re.compile(r"^[a-zđ]{1,2}[.)/]\s")
_SENTENCE_END = (".", ":", ";", "!", "?", "…")

# Replacements that keep one group: a function, as re runs a template such as r"\1" in Python.
_GROUP_1, _GROUP_2 = itemgetter(1), itemgetter(2)

# Placeholders for backslash-escaped characters while emphasis is removed.
_ESCAPE_BASE = 0xF0000


def strip_markdown(text: str) -> str:
    """Remove markdown emphasis, heading marks, links and escapes; keep the words."""
    heading = _HEADING_HASHES.match(text)
    if heading:
        text = _TRAILING_HASHES.sub("", text[heading.end():])
    if "](" in text:
        text = _IMAGE.sub(_GROUP_1, text)
        text = _LINK.sub(_GROUP_1, text)
    escaped = "\\" in text
    if escaped:
        text = _ESCAPED.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    if "*" in text or "_" in text:
        text = _strip_emphasis(text)
    if escaped:
        text = "".join(
            chr(ord(ch) - _ESCAPE_BASE) if ord(ch) >= _ESCAPE_BASE else ch for ch in text
        )
    return (_SPACES.sub(" ", text) if "  " in text or "\t" in text else text).strip()


def _strip_emphasis(text: str) -> str:
    """Remove emphasis pairs until none is left (``***x***``, ``**_x_**``), then stray stars.

    A pattern runs only when its marker is in the text: most lines have one kind or none.
    """
    prev = None
    while prev != text:
        prev = text
        if "**" in text or "__" in text:
            text = _STRONG.sub(_GROUP_2, text)
        if "*" in text:
            text = _EM_STAR.sub(_GROUP_1, text)
        if "_" in text:
            text = _EM_UNDERSCORE.sub(_GROUP_1, text)
    if "*" in text:
        text = _STRAY_STRONG.sub("", text)
        text = _STRAY_EM.sub("", text)
    return text


# Invisible marks of a place to break or join a word: soft hyphen, zero-width space,
# non-joiner, joiner, word joiner, byte-order mark. Between two syllables ("Khoa\u00adhọc")
# they stand for the space Vietnamese writes there; inside one ("Kho\u00ada") for nothing.
_WORD_BREAKS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ANY_WORD_BREAK = re.compile(f"[{_WORD_BREAKS}]")
_BREAK_IN_WORD = re.compile(rf"(?<=[^\W\d_])[{_WORD_BREAKS}]+(?=[^\W\d_])")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")
# A Vietnamese syllable without its marks: initial consonant, vowels, final consonant.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _one_syllable(word: str) -> bool:
    """True when ``word`` is one Vietnamese syllable: one tone mark at most and the shape
    of a syllable ("khoa", "nghệ"; not "khoahọc")."""
    marks = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONE_MARKS)
    return marks <= 1 and _SYLLABLE.fullmatch(fold(word).replace("đ", "d")) is not None


def _joined(left: str, right: str) -> str:
    """What stands between the letters ``left`` ends with and those ``right`` opens with
    where an invisible break parted them: nothing inside a syllable, else a space."""
    before, after = _LAST_LETTERS.search(left), _FIRST_LETTERS.match(right)
    if before is None or after is None:
        return " "
    return "" if _one_syllable(before.group(0) + after.group(0)) else " "


def _break_in_word(m: re.Match[str]) -> str:
    text = m.string
    return _joined(text[:m.start()], text[m.end():])


def _scrub(segment: str) -> str:
    """Drop control and invisible format characters; tabs become spaces. A soft hyphen or
    zero-width mark between two syllables becomes the space it stands for."""
    segment = segment.replace("\t", " ")
    # The marks are format characters, never printable: most segments skip the search.
    if not segment.isprintable() and _ANY_WORD_BREAK.search(segment):
        segment = _BREAK_IN_WORD.sub(_break_in_word, segment)
    return _INVISIBLE.sub("", segment)


def _plain(line: str) -> str | None:
    """A plain line (see ``_PLAIN``) as it is, or None when it is only a page number."""
    first = line[:1]
    if (first in _PAGE_NUMBER_OPENERS or first.isdecimal()) and _PAGE_NUMBER.match(line):
        return None
    line = line if unicodedata.is_normalized("NFC", line) else unicodedata.normalize("NFC", line)
    return None if _is_chrome(line) else line


def _is_chrome(line: str) -> bool:
    """True for a line that is only a web portal's button, link or breadcrumb (_CHROME), or a
    row of them ("In trang | Gửi email | Về đầu trang")."""
    if len(line) > _CHROME_MAX or line[:1] not in _CHROME_FIRST \
            or not line[:20].lower().startswith(_CHROME_OPENERS):
        return False
    folded = fold(line).strip()
    if _CHROME.match(folded):
        return True
    parts = _CHROME_PARTS.split(folded)
    return len(parts) > 1 and all(_CHROME.match(part.strip()) for part in parts)


def _normalise(segment: str) -> str | None:
    """One segment of a physical line → its logical text, or None when it is debris."""
    stripped = segment.strip()
    if not stripped:
        return None
    if _PLAIN.fullmatch(stripped) and "  " not in stripped:
        return _plain(stripped)
    if "\t" in stripped:
        stripped = _tab_row(stripped)
    had_private_bullet = bool(_PRIVATE_BULLET.match(stripped))
    stripped = _scrub(stripped).strip()
    if not stripped:
        return None
    if _RULE.match(stripped) or _FENCE.match(stripped) or _TABLE_SEPARATOR.match(stripped):
        return None
    if "<" in stripped:
        # Inside a table cell a line break separates items (two partner bodies), so it
        # becomes a list separator there; elsewhere it is just a wrapped line.
        joiner = "; " if stripped.startswith("|") else " "
        stripped = _HTML_BREAK.sub(joiner, _HTML_COMMENT.sub("", stripped)).strip()
    if stripped.startswith(">"):
        stripped = _BLOCKQUOTE.sub("", stripped).strip()
    if _PAGE_NUMBER.match(stripped):
        return None
    bullet = had_private_bullet
    match = _BULLET.match(stripped)
    if match:
        bullet = True
        stripped = stripped[match.end():]
    if "**" in stripped and stripped.startswith("|"):
        stripped = _keep_lead_marks(stripped)
    cleaned = strip_markdown(stripped)
    if _KEPT_MARK in cleaned:
        cleaned = cleaned.replace(_KEPT_MARK, "*")
    if not cleaned:
        return None
    if not unicodedata.is_normalized("NFC", cleaned):  # a mark was parted by a removed char
        cleaned = unicodedata.normalize("NFC", cleaned)
    if _is_chrome(cleaned):  # "[Tải về](…)", "**In trang**"
        return None
    return "- " + cleaned if bullet else cleaned


# Strong emphasis around one unit of a table cell's list ("| **Sở Tài chính**, Sở Nội vụ |"):
# the mark of the lead where a unit column says nothing else, so it stays (see
# _keep_lead_marks); each of its stars is held as this character while emphasis is removed.
_KEPT_MARK = chr(_ESCAPE_BASE + ord("*"))
# A bold item of a cell's list: after a comma, a semicolon or the space a joined line became,
# before the next or the cell's end.
_STRONG_ITEM = re.compile(r"(?:^|(?<=[,;\s]))(\s*)\*\*([^*|]+?)\*\*(?=\s*(?:[,;]|$)|\s+[A-ZĐÀ-Ỹ])")
_LETTER = re.compile(r"[^\W\d_]")


def _keep_lead_marks(row: str) -> str:
    """``row`` with the strong emphasis kept (as :data:`_KEPT_MARK`) around the units of a
    cell's list that are bold while others in it are not; a cell all bold (a header), bold
    words that name no unit or bold inside a phrase keep nothing."""
    cells = row.split("|")
    for k, cell in enumerate(cells):
        if "**" not in cell:
            continue
        items = [m for m in _STRONG_ITEM.finditer(cell) if looks_like_unit(m.group(2), strict=True)]
        rest = _STRONG_ITEM.sub("", cell)
        if items and len(items) == len(_STRONG_ITEM.findall(cell)) and "*" not in rest \
                and _LETTER.search(rest):
            cells[k] = _STRONG_ITEM.sub(
                lambda m: f"{m.group(1)}{_KEPT_MARK * 2}{m.group(2)}{_KEPT_MARK * 2}", cell)
    return "|".join(cells)


def _layout_row(segment: str) -> list[str]:
    """The lines of a layout table as a web page or converter writes it: one row, one or two
    cells, each cell lines parted by ``<br>`` (the header: issuer, number | motto, place and
    date; the closing: recipients | signature). A row of a task table stays one row."""
    cells = [c for c in segment.strip().strip("|").split("|") if c.strip()]
    if len(cells) > 2 or len(_HTML_BREAK.findall(segment)) < 2:
        return [segment]
    return [line for cell in cells for line in _HTML_BREAK.split(cell)]


_WIDE_GAP = re.compile(r"(?<=\S)(?: {6,}|[ ]*\t[\t ]*)(?=\S)")  # wide spaces, or tabs
_RECIPIENT_MARKS = ("-", "+", "•")
_NOI_NHAN = ("nơi nhận", "noi nhan")


def _side_by_side(segment: str) -> list[str]:
    """The recipients and the signature laid side by side with spaces or tabs: "Nơi
    nhận:      KT. GIÁM ĐỐC", "- Lưu: VT.\t\tPHÓ GIÁM ĐỐC" are two lines each. The right
    block is in capitals; a blank left to fill in ("ngày      tháng 5", "Số:     /KH-UBND")
    is not a gap between blocks."""
    m = _WIDE_GAP.search(segment)
    if m is None:
        return [segment]
    left = segment.lstrip()
    if left[:1] not in _RECIPIENT_MARKS and not left.lower().startswith(_NOI_NHAN):
        return [segment]
    if len(segment[:m.start()].strip()) < 2:  # "-\tTT HĐND, UBND;": a list's tab, no gap
        return [segment]
    right = segment[m.end():].strip()
    letters = [c for c in right if c.isalpha()]
    if not right[:1].isalpha() or len(letters) < 2 or not all(c.isupper() for c in letters):
        return [segment]
    return [segment[:m.start()], right]


def _opens_table(physicals: list[str], index: int) -> bool:
    """True when no table row stands right above line ``index``: only a table's first row
    can be a layout row."""
    for above in reversed(physicals[max(0, index - 50):index]):
        if above.strip():
            return not above.lstrip().startswith("|")
    return True


def _tab_row(text: str) -> str:
    """A row of a table copied from Word or a spreadsheet, cells parted by tabs, as a pipe
    row ("1\tRà soát …\tSở Tư pháp\tQuý II/2025" → "| 1 | Rà soát … | Sở Tư pháp | …").

    Three filled cells at least: a header line's tab parts two (number, place and date).
    """
    cells = [c.strip() for c in text.split("\t")]
    filled = [c for c in cells if c]
    if filled[:1] and filled[0] in _TAB_BULLETS:
        # "-\tĐơn vị chủ trì:\tPhòng …": Word's tab after a bullet and a label
        return filled[0] + " " + (_field_line(filled[1:]) or " ".join(filled[1:]))
    if len(filled) < 3:
        return _field_line(filled) or text
    return "| " + " | ".join(cells) + " |"


def _field_line(cells: list[str]) -> str | None:
    """"Đơn vị chủ trì: Phòng X" for the two cells of a Word field table pasted as a line
    ("Đơn vị chủ trì\tPhòng X"), whose label lost its colon with the table; else None."""
    if len(cells) != 2 or len(cells[0]) > _FIELD_LABEL_MAX or cells[0].endswith(":"):
        return None
    return f"{cells[0]}: {cells[1]}" if field_kind(cells[0]) is not None else None


_FIELD_LABEL_MAX = 70  # longer than any label of a task's field


# Marks a Word list item opens with, a tab after it: an item, not a table's first cell.
_TAB_BULLETS = frozenset("-–—+•·●▪◦○■□►▸▶➢➤❖✓✔⁃∙")


# A header cell that opens a table written with bars and no borders ("STT | Nội dung | …"),
# folded: a line of properties parted by bars ("Số ký hiệu: … | Ngày ban hành: …") is none.
_BARE_HEADER = re.compile(
    r"^(?:stt|tt|so tt|noi dung|nhiem vu|ten nhiem vu|cong viec|hoat dong)\b")


def _bare_row(segment: str, width: int) -> list[str] | None:
    r"""The cells of a table row written without markdown's borders, parted by tabs (Word, a
    spreadsheet) or by "|" (a plain-text export), or None for any other line.

    The first row needs three filled cells, and with bars a header cell ("STT", "Nội dung");
    a row below it (``width``: the number of cells of the row above) is one whatever it leaves
    empty, at its start too: "\t\tChủ trì\tPhối hợp\t\t" under a header of six cells, "B. |
    Nhóm nhiệm vụ | | |" under one of four.
    """
    text = segment.strip(" \r\n")
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
        if width and len(cells) == width and any(cells):
            return cells
        cells = [c.strip() for c in text.strip().split("\t")]
        if cells[0] in _TAB_BULLETS:
            return None  # "-\tĐơn vị chủ trì:\tPhòng …": Word's tab after a bullet and a label
    elif "|" in text and (width or not text.startswith("|")) and not _is_chrome(_compose(text)):
        cells = [c.strip() for c in text.split("|")]
        if width and 2 <= len(cells) <= width:
            return cells + [""] * (width - len(cells))
        if not any(_BARE_HEADER.match(fold(c)) for c in cells):
            return None
    else:
        return None
    return cells if sum(1 for c in cells if c) >= 3 else None


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` continues the paragraph ``previous`` (page break or wrap): it opens
    in lower case, or with the number a date the line above left open needs ("… trong tháng
    9 năm" / "2026.")."""
    if line[0].isdecimal():
        return bool(_WANTS_NUMBER.search(previous) and _NUMBER_GOES_ON.match(line)
                    and not _NUMBERED_ITEM.match(line) and not previous.startswith("|"))
    if not line[0].islower() or previous.endswith(_SENTENCE_END):
        return False
    if line.startswith("|") or previous.startswith("|") or _LOWER_ENUMERATOR.match(line):
        return False
    return not _is_all_caps(previous)  # "KẾ HOẠCH" then the title in lower case


def _compose(text: str) -> str:
    """NFC with odd spaces made plain (what :func:`nfc` does, at regex speed)."""
    text = _ODD_SPACE.sub(" ", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_lines(text: str) -> list[Line]:
    """Split ``text`` into logical lines with their physical line numbers.

    Blank lines and debris are dropped; a line beginning in lower case re-joins
    the paragraph a page break or hard wrap split (unless the previous line ended
    a sentence, is in capitals, or the line opens an item such as ``a)``).
    Bullets written ``*``, ``•``, ``–`` become ``- ``; ``+`` sub-bullets stay.
    A PDF's running header or footer (the same line next to two page numbers or
    more) is dropped too, so the sentence it cut in two is whole again.
    """
    text = _compose(text)
    # str.split is several times faster than the regex, and the same without "\r".
    physicals = _PHYSICAL_LINE.split(text) if "\r" in text else text.split("\n")
    inline_breaks = bool(_INLINE_BREAK.search(text))
    out, page_numbers = _clean(physicals, inline_breaks, frozenset())
    if len(page_numbers) > 1:
        running = _running_lines(physicals, page_numbers)
        if running:
            out, _ = _clean(physicals, inline_breaks, running)
    return out


# A running header is a line of its own, not "1." or "- Lưu: VT." beside two page numbers.
_RUNNING_MIN = 12


def _running_lines(physicals: list[str], page_numbers: list[int]) -> frozenset[str]:
    """The lines found right before or after two page numbers or more: a PDF's running
    header or footer ("Kế hoạch số 58/KH-SKHCN ngày …", a department's name)."""
    beside: dict[int, str] = {}
    for at in page_numbers:  # 0-based indexes of the page-number lines
        for step in (-1, 1):
            i = at + step
            while 0 <= i < len(physicals) and not physicals[i].strip():
                i += step
            if 0 <= i < len(physicals) and i not in page_numbers:
                cleaned = _normalise(physicals[i])
                if cleaned is not None:
                    beside[i] = cleaned
    seen = Counter(beside.values())
    return frozenset(t for t, n in seen.items() if n > 1 and len(t) >= _RUNNING_MIN)


def _clean(physicals: list[str], inline_breaks: bool,
           running: frozenset[str]) -> tuple[list[Line], list[int]]:
    """:func:`clean_lines` without the lines in ``running``; also the indexes of the
    physical lines that are only a page number."""
    out: list[Line] = []
    page_numbers: list[int] = []
    hyphenated = False  # the last line kept ended with a soft hyphen: its word goes on
    width = 0  # the number of cells of the table row without borders above, if any
    for number, physical in enumerate(physicals, start=1):
        segments = _INLINE_BREAK.split(physical) if inline_breaks else (physical,)
        if "<" in physical and physical.lstrip().startswith("|") \
                and _opens_table(physicals, number - 1):
            segments = [part for segment in segments for part in _layout_row(segment)]
        if "      " in physical or "\t" in physical:
            segments = [part for segment in segments for part in _side_by_side(segment)]
        for segment in segments:
            if not segment or segment.isspace():  # blank: nothing to clean
                continue
            cells = _bare_row(segment, width) if "\t" in segment or "|" in segment else None
            width = len(cells) if cells is not None else 0
            if cells is not None:
                segment = "| " + " | ".join(cells) + " |"
            cleaned = _normalise(segment)
            if cleaned is None:
                if _PAGE_NUMBER.match(segment.strip()):
                    page_numbers.append(number - 1)
                continue
            if running and cleaned in running:
                continue
            if hyphenated and out and cleaned[0].isalpha() and not out[-1].text.startswith("|"):
                # "… Công ngh\u00ad" / "ệ …": Word's or a PDF's hyphen at the line's end.
                prev = out[-1]
                text = prev.text.rstrip()
                out[-1] = Line(text + _joined(text, cleaned) + cleaned, prev.start, number)
            elif out and (cleaned[0].islower() or cleaned[0].isdecimal()) \
                    and _continues(out[-1].text, cleaned):
                prev = out[-1]
                out[-1] = Line(prev.text.rstrip() + " " + cleaned, prev.start, number)
            else:
                out.append(Line(cleaned, number, number))
            hyphenated = "\u00ad" in segment and segment.rstrip().endswith("\u00ad")
    return out, page_numbers
