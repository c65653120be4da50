"""Plan metadata: number, date, place, province, issuer, title, signer, recipients.

A plan's header (issuing bodies, "Số: …", "Place, ngày … tháng … năm …"), its
title (the lines after "KẾ HOẠCH") and its closing block ("Nơi nhận:", the
signing capacity and name) are read here. Many copies lack parts of the
header; the province and the issuer are then read from the body and the
evidence used is recorded in :attr:`Plan.province_evidence`.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from policykg.loaders.charmap import fold_aligned
from policykg.loaders.model import Line, Plan, SourceFile
from policykg.loaders.ocr import read_by
from policykg.loaders.units import looks_like_unit
from policykg.ontology.doctypes import ParsedKey, doctype_from_word, parse_key
from policykg.ontology.issuers import (
    PARTY_BOARD_NAMES,
    display_issuer,
    issuer_by_code,
    issuer_scope_of_code,
    local_area,
    local_board,
    match_issuer,
    own_book,
    party_cell,
    province_on,
    sector_name,
)
from policykg.ontology.normalize import fold, nfc, slug, squash_spaces
from policykg.ontology.provinces import (
    Province,
    find_districts,
    find_provinces,
    level_pattern,
    level_words,
    province,
)
from policykg.ontology.units import expand_abbreviations

__all__ = [
    "read_metadata", "parse_date", "find_title", "opening_range", "is_section_heading",
    "plan_id", "appendix_start", "header_bodies",
]

# Lines of the national motto and Party heading, not issuing bodies.
_MOTTOS = (
    "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc", "dang cong san viet nam",
)
_TITLE_WORDS = (
    "chuong trinh hanh dong", "ke hoach hanh dong", "ke hoach", "chuong trinh", "quyet dinh",
    "nghi quyet", "chi thi", "thong bao", "huong dan", "de an", "bao cao", "ket luan",
)
# Words that qualify the document word rather than open the title: "KẾ HOẠCH LIÊN TỊCH".
_TYPE_QUALIFIERS = frozenset({"lien tich", "phoi hop", "lien nganh", "lien co quan", "hanh dong"})
# Words that make the document word a name whose scope follows: "CHƯƠNG TRÌNH CÔNG TÁC (TƯ
# PHÁP) NĂM 2026" is titled by the whole name, not by "CÔNG TÁC …" (folded).
_NAMING_QUALIFIERS = ("cong tac", "lam viec")
_SECTION = re.compile(r"^(?:[IVXLC]{1,5}|[A-Z]|PHẦN\s+[IVXLC\d]+)\s*[.:)\-–]\s*\S")
_CAPACITY_PREFIX = re.compile(r"^(?:kt|tm|t/m|tl|q|tuq|ktl)\s*[./]\s*", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_DEBRIS = re.compile(r"^(?:`{3,}|\(?\s*đã ký\s*\)?|ký bởi.*|\[.*\])$", re.I)
# Lines around a signature that are not part of it (folded): a web page's own links and
# counters around a plan copied from it …
_BESIDE_SIGNATURE = re.compile(
    r"^(?:tai ve|tai xuong|in trang|ban in|chia se|luot xem|ngay dang|trang chu|quay lai|"
    r"gui email|xem them|download)\b"
    # and the text of a digital signature's stamp ("Ký bởi: …", "Thời gian ký: …").
    r"|^(?:ky boi|email|co quan|to chuc|thoi gian ky|ngay ky)\s*:")


# --- dates -----------------------------------------------------------------------------------

# A day or month left blank on an unsigned copy is spaces, dots, "…" or "_": "ngày ..... tháng 3
# năm 2025", "ngày …/3/2025".
_BLANK = r"[\s.…_]*"
_DATE_WORDS = re.compile(
    rf"ngay{_BLANK}(\d{{1,2}})?\s*[,.]?{_BLANK}thang{_BLANK}(\d{{1,2}})?\s*[,.]?{_BLANK}"
    r"nam\s*((?:19|20)\d{2})"
)
_DATE_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")
_DATE_BLANK_DAY = re.compile(
    rf"ngay[\s_]*[.…_]+\s*/{_BLANK}(\d{{1,2}})?{_BLANK}/\s*((?:19|20)\d{{2}})(?!\d)")


def _iso(day: str | None, month: str | None, year: str) -> str:
    """An ISO date, partial when day or month is missing or impossible."""
    y = int(year)
    if not month or not 1 <= int(month) <= 12:
        return f"{y:04d}"
    m = int(month)
    if not day or not 1 <= int(day) <= calendar.monthrange(y, m)[1]:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{int(day):02d}"


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, partial when partial.

    ``"ngày 31 tháng 01 năm 2024"`` → ``"2024-01-31"``; ``"ngày tháng 01 năm 2021"`` →
    ``"2021-01"``; ``"ngày 20/4/2023"`` → ``"2023-04-20"``.
    """
    folded = fold(text)
    found = [(m.start(), _iso(m.group(1), m.group(2), m.group(3)))
             for m in _DATE_WORDS.finditer(folded)]
    found += [(m.start(), _iso(m.group(1), m.group(2), m.group(3)))
              for m in _DATE_NUM.finditer(folded)]
    if not found and "/" in folded:
        found = [(m.start(), _iso(None, m.group(1), m.group(2)))
                 for m in _DATE_BLANK_DAY.finditer(folded)]
    return min(found)[1] if found else None


# --- layout ----------------------------------------------------------------------------------

def _title_word(text: str) -> str | None:
    """The document word a title line starts with, when written in capitals."""
    stripped = text.strip()
    folded = fold(stripped)
    if not folded.startswith(_TITLE_WORDS):  # most lines: one C call instead of the loop
        return None
    for word in _TITLE_WORDS:
        if folded == word or folded.startswith(word + " "):
            head = stripped[: len(word)]
            letters = [c for c in head if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                return word
    return None


def find_title(lines: list[Line], limit: int = 40) -> tuple[int | None, int | None]:
    """Indexes of the "KẾ HOẠCH" line and of the last title line (None when absent).

    The title is the text after the document word, on its line or on the next
    line, plus the lines physically adjacent to it (a blank line ends it).
    """
    index = next((i for i, line in enumerate(lines[:limit]) if _title_word(line.text)), None)
    if index is None:  # a copy that writes the title word in lower case, alone on its line
        index = next((i for i, line in enumerate(lines[:limit])
                      if fold(line.text).strip(" :*") in _TITLE_WORDS), None)
    for i, line in enumerate(lines[:limit]):
        if i != index:
            continue
        word = _title_word(line.text) or fold(line.text).strip(" :*")
        rest = line.text.strip()[len(word):].strip(" :*")
        end = i
        if not rest and i + 1 < len(lines) and not _starts_body(lines[i + 1].text):
            end = i + 1
        while (end + 1 < len(lines) and end - i < 5
               and lines[end + 1].start == lines[end].end + 1
               and _continues_title(lines[end].text, lines[end + 1].text)):
            end += 1
        return i, end if end > i or rest else None
    return None, None


# How an opening paragraph begins; a title continues on a line that does not.
_OPENERS = (
    "can cu", "tren co so", "thuc hien", "trien khai", "de ", "nham ", "theo ", "ngay ",
    "tiep tuc", "qua ", "sau khi", "nhu cau",
)


def _continues_title(previous: str, line: str) -> bool:
    """True when ``line`` goes on with the title rather than starting the text.

    Copies converted from Word have no blank line after the title, so the
    words decide: an opening paragraph starts "Căn cứ", "Thực hiện", "Ngày …",
    ends with ":" or is long; a title line does not end with "." or ":", and a
    line in lower case always continues it.
    """
    text = line.strip()
    if _starts_body(text) or previous.rstrip().endswith((".", ":", ";")) or len(text) > 250:
        return False
    if text[:1].islower():  # "ngày 20/10/2023 của UBND tỉnh" goes on with the title
        return True
    return not text.endswith(":") and not fold(text).startswith(_OPENERS)


def _starts_body(text: str) -> bool:
    folded = fold(text)
    return (folded.startswith(("can cu", "tren co so", "i.", "i ", "phan i"))
            or bool(_SECTION.match(text.strip())) or len(text) > 400)


def is_section_heading(text: str) -> bool:
    """A top-level heading: "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG" …"""
    return bool(_SECTION.match(text.strip()))


def opening_range(lines: list[Line],
                  title: tuple[int | None, int | None] | None = None) -> tuple[int, int]:
    """Indexes [start, end) of the opening paragraphs between the title and section I.

    ``title`` is what :func:`find_title` gave for ``lines``, when the caller has it already.
    """
    title_idx, title_end = find_title(lines) if title is None else title
    start = (title_end if title_end is not None else title_idx if title_idx is not None
             else -1) + 1
    end = start
    while end < len(lines) and end - start < 8 and not is_section_heading(lines[end].text):
        end += 1
    return start, end


# --- header ----------------------------------------------------------------------------------

@dataclass
class _Header:
    orgs: list[tuple[int, str]]
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    place: str | None = None
    number_line: int | None = None
    area_province: str | None = None  # "TỈNH LÂM ĐỒNG" printed under a commune's body


# A date line without a place: "ngày 15 tháng 7 năm 2025", "Ngày 15/7/2025", "Ngày ban hành:
# 15/7/2025"; not a web page's "Ngày đăng: 16/07/2025" (when it was posted) or "Ngày hiệu lực".
_DATE_LINE = re.compile(r"ngay[\s.…_]*(?:\d|thang|/|ban hanh\b|ky\b)")
# "Số: 19/KH-SKHCN", and a web page's "Số hiệu: …" or "Số, ký hiệu: …".
_NUMBER_CELL = re.compile(r"^s[oố](?:\s*,?\s*(?:k[ýy]\s+)?hi[ệe]u(?=\s*:))?"
                          r"\s*(?:[:.]\s*|(?=[\d/\-])|\s+(?=[\d/]))(.*)$", re.I)
# A header line that is a number and symbol alone: "125/KH-SKHCN", "05-KH/ĐU".
_KEY_CELL = re.compile(r"^\d{1,6}\s*[-/]\s*(?:(?:19|20)\d{2}\s*/\s*)?[A-ZĐ][\wĐđ&]*"
                       r"(?:\s*[-/]\s*[A-ZĐ][\wĐđ&]*)+$")
# "Hà Giang 1, ngày …": a ward may be numbered after the town it replaced.
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,\d]{1,40}?(?:\s\d{1,2})?)\s*,\s*ngày\b", re.I)


# A number label inside a cell: two header columns joined by one space when a copy lost the
# tab between them ("SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: 125/KH-SKHCN").
_INNER_NUMBER = re.compile(r"(?<=\S)\s+(?=Số\s*:|Số\s+\d|SỐ\s*:)")
# The mark a converter makes of the "*" under a Party header: "- Quảng Trị, ngày …".
_CELL_BULLET = re.compile(r"^[-–•*]+\s+")


def _cells(text: str) -> list[str]:
    """Header cells: table columns, tab- or wide-space-separated parts, mottos cut out, a
    number label and a second body written on the same line as a body parted from it."""
    cells = []
    for part in re.split(r"\s*\|\s*|\t+|\s{3,}", text):
        for cell in _INNER_NUMBER.split(_cut_mottos(part), maxsplit=1):
            cell = _CELL_BULLET.sub("", cell.strip(" *|")).strip()
            if cell:
                cells.extend(_two_bodies(cell))
    return cells


# Bodies that head a header over the issuer (folded): "UBND TỈNH LÀO CAI" over "SỞ …".
_HEADS_ABOVE = frozenset({"ubnd", "uy ban nhan dan", "dang bo", "dang uy ubnd",
                          "dang uy cac co quan dang"})
# A province's Party committee, named before its province (folded): "TỈNH ỦY QUẢNG NINH".
_COMMITTEES_ABOVE = frozenset({"tinh uy", "thanh uy"})
# How the name of the body under such a head opens (folded).
_BODIES_BELOW = ("so ", "ban ", "dang uy ", "chi bo ", "van phong ", "hoi ", "trung tam ",
                 "chi cuc ", "thanh tra ")


def _two_bodies(cell: str) -> list[str]:
    """ "UBND TỈNH LÀO CAI SỞ KHOA HỌC VÀ CÔNG NGHỆ" → the province's committee and its
    department: the two header lines a copy joined into one."""
    if not _is_upper(cell):
        return [cell]
    found = find_provinces(cell, require_case=False)
    if not found:
        return [cell]
    head, rest = cell[:found[0].start].strip(), cell[found[0].end:].strip()
    if found[0].prefixed and fold(head) in _HEADS_ABOVE and fold(rest).startswith(_BODIES_BELOW):
        return [cell[:found[0].end].strip(), rest]
    if fold(head) in _COMMITTEES_ABOVE and (fold(rest) in PARTY_BOARD_NAMES
                                            or fold(rest).startswith("dang uy ")):
        # "TỈNH ỦY QUẢNG NINH BAN TUYÊN GIÁO VÀ DÂN VẬN": the committee, then its board.
        return [cell[:found[0].end].strip(), rest]
    return [cell]


def _is_key(cell: str) -> bool:
    """True when ``cell`` is a document's number: its symbol names a type or a known body."""
    parsed = parse_key(cell)
    return parsed is not None and (parsed.doctype is not None or any(
        issuer_by_code(part) is not None for part in parsed.issuers))


def _cut_mottos(cell: str) -> str:
    """Remove the national motto from a header cell that also names a body."""
    folded = fold_aligned(cell)
    for motto in _MOTTOS:
        idx = folded.find(motto)
        if idx >= 0 and folded.strip() != motto:
            return (cell[:idx] + " " + cell[idx + len(motto):]).strip()
    return cell


def _is_motto(text: str) -> bool:
    folded = fold(text).strip(" -")
    return any(folded.startswith(m) or m.startswith(folded) and len(folded) > 8 for m in _MOTTOS)


# A web portal's table of a document's properties, one label and its value a row ("Số ký
# hiệu | 45/KH-UBND", "Cơ quan ban hành | UBND tỉnh Lào Cai"): the label's words (folded,
# without punctuation) → what the value is.
_PROPERTY_LABELS = {
    "so ky hieu": "number", "so hieu": "number", "ky hieu": "number", "so van ban": "number",
    "ngay ban hanh": "date", "ngay ky": "date", "ngay van ban": "date",
    "co quan ban hanh": "issuer", "don vi ban hanh": "issuer", "noi ban hanh": "issuer",
}
# The label, then its value after "|", ":", a tab or a space (a copy may join the columns).
_PROPERTY_ROW = re.compile(
    r"^\|?\s*(?P<label>"
    + "|".join(sorted((label.replace(" ", r"[\s,]+") for label in _PROPERTY_LABELS),
                      key=len, reverse=True))
    + r")(?:\s*[|:\t]\s*|\s+)(?P<value>\S.*?)[\s|]*$")


def _property(text: str) -> tuple[str, str] | None:
    """(what, value) of a row of a portal's property table, or None for any other line."""
    m = _PROPERTY_ROW.match(fold_aligned(text))
    if m is None:
        return None
    label = squash_spaces(m.group("label").replace(",", " "))
    return _PROPERTY_LABELS[label], text[m.start("value"):m.end("value")]


def _read_property(header: _Header, index: int, what: str, value: str) -> None:
    """Take one property row into the header, as its printed line would be read."""
    if what == "number" and header.number_line is None:
        header.number_line = index
        remainder = _read_number(header, value)
        if parse_date(remainder):  # "Số hiệu: 19/KH-SKHCN   Lạng Sơn, ngày …" on one line
            _read_place_date(header, remainder.strip(" ,"))
    elif what == "date" and header.date is None:
        header.date = parse_date(value)
    elif what == "issuer" and value:
        header.orgs.append((index, squash_spaces(value)))


def _read_header(lines: list[Line], end: int) -> _Header:
    header = _Header(orgs=[])
    for i, line in enumerate(lines[:end]):
        prop = _property(nfc(line.text))
        if prop is not None:
            _read_property(header, i, *prop)
            continue
        for cell in _cells(nfc(line.text)):
            m = _NUMBER_CELL.match(cell)
            date_m = _PLACE_DATE.search(cell)
            if m and header.number_line is None:
                header.number_line = i
                remainder = _read_number(header, m.group(1))
                if parse_date(remainder):  # "Số: 19/KH-SKHCN   Lạng Sơn, ngày …" on one line
                    _read_place_date(header, remainder.strip(" ,"))
                continue
            if date_m or _DATE_LINE.match(fold(cell)) and parse_date(cell):
                _read_place_date(header, cell)
                continue
            if header.number_line is None and _KEY_CELL.match(cell) and _is_key(cell):
                header.number_line = i  # "125/KH-SKHCN" under the body, the label left out
                _read_number(header, cell)
                continue
            if _is_motto(cell) or fold(cell).strip(" ()[]") in _STAMPS:
                continue
            letters = [c for c in cell if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters) and header.number is None \
                    and header.symbol is None and not _CAPACITY_PREFIX.match(cell) \
                    and not cell[:1].isdigit():  # "318/KH-SYT" in a page's list of properties
                _add_org(header, i, squash_spaces(cell))
    return header


# Marks stamped in a header, not bodies: a draft, urgency and secrecy (folded).
_STAMPS = frozenset({"du thao", "khan", "thuong khan", "hoa toc", "hoa toc hen gio", "mat",
                     "toi mat", "tuyet mat"})
_COUNCILS = frozenset({"uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd"})
# "TỈNH QUẢNG NINH", "XÃ TÂN PHÚ" on the line under a council's name (folded).
_AREA_LINE = re.compile(rf"^{level_pattern(place_expected=True)}\s+\S")


# A body whose line ends with its level ("UBND TỈNH" / "GIA LAI") or a Party committee named
# by its level alone ("TỈNH ỦY" / "BÌNH ĐỊNH"): the province's bare name on the next line
# completes it (folded).
_COMMITTEE_ENDS = (" tinh", " thanh pho", "tinh uy", "thanh uy")
# A committee's board written on a line of its own above the committee's name (folded).
_BOARDS_ONLY = frozenset({"ban thuong vu", "thuong truc", "ban chap hanh"})


# Names that hold a province's name without being in it: the Youth Union is named after
# Hồ Chí Minh ("BCH ĐOÀN TNCS HỒ CHÍ MINH" / "TỈNH THÁI NGUYÊN" is one body).
_NOT_A_PLACE = re.compile(r"(?i)\b(?:TNCS|Thanh niên Cộng sản)\s+Hồ\s+Chí\s+Minh\b")


def _add_org(header: _Header, index: int, cell: str) -> None:
    """Add a header line naming a body; a line that only completes the one above joins it.

    "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NINH" is one body, as is "SỞ KHOA HỌC VÀ" /
    "CÔNG NGHỆ".
    """
    if header.orgs:
        prev_index, prev = header.orgs[-1]
        found = find_provinces(cell, require_case=False)
        only_province = bool(found) and found[0].start == 0 and not cell[found[0].end:].strip() \
            and (found[0].prefixed or fold(prev).endswith(_COMMITTEE_ENDS))
        dangling = fold(prev).endswith((" va", " -", ",", " cua"))
        # "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ": a council needs the area it governs.
        area = fold(prev).strip() in _COUNCILS and bool(_AREA_LINE.match(fold(cell)))
        # "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN" / "KHOA HỌC, CÔNG NGHỆ …" / "VÀ CHUYỂN ĐỔI SỐ": a line
        # that names no body of its own goes on with the name above it.
        unnamed = not found and not looks_like_unit(expand_abbreviations(cell))
        # "BAN THƯỜNG VỤ" / "TỈNH ỦY ĐỒNG NAI": a board, then the committee it is the board of.
        board = fold(prev).strip() in _BOARDS_ONLY
        if only_province and found[0].prefixed \
                and (local_area(prev, found[0].province.name) or ("", None))[1]:
            # "UBND XÃ ĐỨC TRỌNG" / "TỈNH LÂM ĐỒNG": the commune's province, not a body.
            header.area_province = cell
            return
        if only_province and not find_provinces(_NOT_A_PLACE.sub(" ", prev), require_case=False) \
                or dangling or area or unnamed or board:
            header.orgs[-1] = (prev_index, f"{prev} {cell}")
            return
    header.orgs.append((index, cell))


def _read_number(header: _Header, rest: str) -> str:
    """Read "19/KH-SKHCN" or a blank "/KH-KHCN"; return what follows it on the line."""
    # "Số:…../KH-UBND", "Số: ___/KH-UBND": dots or a rule where the number will be written.
    rest = rest.strip().lstrip(".…_ ")
    token = re.match(r"^[\w/\-–.&ĐđÐ]+(?:\s*[-/–]\s*[\w&Đđ]+)*", rest)
    raw = token.group(0) if token else rest
    remainder = rest[len(raw):]
    if raw[:1].isdigit():
        parsed = parse_key(raw)
        if parsed is not None:
            header.number, header.symbol = parsed.key, parsed.symbol
    elif raw[:1] in "/-–":  # blank number: "Số: /KH-KHCN"
        parsed = parse_key("0" + raw)
        if parsed is not None:
            header.symbol = parsed.symbol
    return remainder


def header_bodies(lines: list[Line]) -> list[str]:
    """The bodies a plan's header names, top down ("UBND TỈNH GIA LAI", "BAN CHỈ ĐẠO 389"),
    as its header is read for the issuer."""
    title = find_title(lines)[0]
    header = _read_header(lines, title if title is not None else min(len(lines), 12))
    return [text for _, text in header.orgs]


def _read_place_date(header: _Header, cell: str) -> None:
    m = _PLACE_DATE.search(cell)
    if m and header.place is None:
        header.place = squash_spaces(m.group("place")).strip(" ,")
    if header.date is None:
        header.date = parse_date(cell)


def _read_closing_date(header: _Header, lines: list[Line]) -> None:
    """The place and date a copy prints by the signature when its header has none ("Lào Cai,
    ngày 05 tháng 3 năm 2026" above "KT. GIÁM ĐỐC"): a line that is that and nothing more,
    from "Nơi nhận" on (the last lines when there is none)."""
    start = max(0, len(lines) - 8)
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if fold(lines[i].text).startswith("noi nhan"):
            start = i
            break
    for line in lines[start:]:
        text = _NOI_NHAN_LABEL.sub("", squash_spaces(nfc(line.text)).strip(" *"))
        if _is_place_date(text):
            _read_place_date(header, text)
            return


# "Nơi nhận:" before what a copy laid beside it: "Nơi nhận:    Lào Cai, ngày 05 tháng 3 …".
_NOI_NHAN_LABEL = re.compile(r"^n[ơo]i nh[ậa]n\s*:\s*", re.I)


# A line that is only a date, after its place: "ngày 05 tháng 3 năm 2026", "ngày 5/3/2026" (folded).
_ONLY_DATE = re.compile(r"ngay\s*(?:\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*(?:19|20)\d{2}"
                        r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2})\s*\.?$")


def _is_place_date(text: str) -> bool:
    """True for a line that is a place and date and nothing more: "Lào Cai, ngày 05 tháng 3
    năm 2026", "ngày 5/3/2026"."""
    if len(text) > 80:
        return False
    m = _PLACE_DATE.search(text)
    rest = fold(text[m.end() - len("ngày"):] if m else text)
    return _ONLY_DATE.match(rest) is not None


# --- province --------------------------------------------------------------------------------

_MERGER = "2025-07-01"  # from this day the 34 provinces replace the 63


def _commune_place(place: str) -> bool:
    """True for a place that is not an old province written out ("Quy Nhơn Nam", "Hà Giang
    1": a ward named after the town it replaced), False for "tỉnh Hà Giang"."""
    found = find_provinces(place, require_case=False)
    if not found:
        return True
    rest = squash_spaces(place[:found[0].start] + " " + place[found[0].end:])
    return bool(rest) and not found[0].prefixed and rest[:1].isalnum() and any(
        c.isdigit() or c.isupper() for c in rest)


def _province_of_place(place: str) -> Province | None:
    p = province(place)
    if p is not None:
        return p
    found = find_provinces(place, require_case=False)
    if found:
        return found[0].province
    districts = find_districts(place)
    return districts[0][1] if districts else None


def _province_from_text(lines: list[Line], skip: set[int]) -> tuple[Province | None, str | None]:
    """The province the body names most: "tỉnh X" first, then bare names, then districts."""
    prefixed: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    first_written: dict[tuple[bool, str], str] = {}
    by_name: dict[str, Province] = {}
    districts: Counter[str] = Counter()
    district_words: dict[str, list[str]] = {}
    body = "\n".join(line.text for i, line in enumerate(lines) if i not in skip)
    for m in find_provinces(body):
        counter = prefixed if m.prefixed else bare
        counter[m.province.name] += 1
        by_name[m.province.name] = m.province
        first_written.setdefault((m.prefixed, m.province.name), m.text)
    for name, p, _written in find_districts(body):
        districts[p.name] += 1
        by_name[p.name] = p
        if name not in district_words.setdefault(p.name, []):
            district_words[p.name].append(name)
    for counter, is_prefixed in ((prefixed, True), (bare, False)):
        if counter:
            name = counter.most_common(1)[0][0]
            return by_name[name], f"text: {first_written[(is_prefixed, name)]}"
    if districts:
        name = districts.most_common(1)[0][0]
        return by_name[name], "district: " + ", ".join(district_words[name][:3])
    return None, None


# --- issuer ----------------------------------------------------------------------------------

_ANNOUNCE = re.compile(
    r"(?:xay dung|lap|ban hanh|de ra|trien khai)\s+(?:ke hoach|chuong trinh|de an)"
)


def _issuer_from_body(lines: list[Line], start: int, end: int) -> str | None:
    """The subject of "… xây dựng/lập/ban hành Kế hoạch" in the opening paragraphs."""
    for line in lines[start:end]:
        text = nfc(line.text)
        folded = fold_aligned(text)
        for m in _ANNOUNCE.finditer(folded):
            before = text[: m.start()]
            clause = re.split(r"[,;:.](?!\w)|\bthực hiện\b|\bcăn cứ\b", before, flags=re.I)[-1]
            clause = clause.strip()
            while clause:
                found = match_issuer(clause)
                if found is not None and _only_qualifiers(clause[len(found.text):]):
                    return clause
                nxt = clause.find(" ")
                if nxt < 0:
                    break
                clause = clause[nxt + 1:]
    return None


def _only_qualifiers(rest: str) -> bool:
    """True when ``rest`` (what follows an issuer's name) is only "(KH&CN)" or its province."""
    rest = re.sub(r"\([^)]*\)", " ", rest).strip()
    if not rest:
        return True
    found = find_provinces(rest, require_case=False)
    return bool(found) and found[0].start == 0 and not rest[found[0].end:].strip()


def _issuer_from_closing(lines: list[Line]) -> str | None:
    """The issuer in "Trên đây là Kế hoạch … của Sở …"."""
    for line in reversed(lines[-15:]):
        folded = fold(line.text)
        if not folded.startswith("tren day la"):
            continue
        idx = folded.find(" cua ")
        while idx >= 0:
            rest = nfc(line.text)[idx + 5:]
            found = match_issuer(rest)
            if found is not None:
                tail = re.split(r"\s+(?:về|tăng cường|triển khai|thực hiện|năm\s+\d)\b|[.;]",
                                rest)[0]
                return tail.strip()
            idx = folded.find(" cua ", idx + 1)
    return None


# --- closing block ---------------------------------------------------------------------------

def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= 6 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
            and not _is_upper(text))


# ASCII bytes other than letters and digits, deleted to count those.
_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _ascii_alnum(text: str) -> int:
    """How many ASCII letters and digits ``text`` holds: each stays one character in its fold,
    so this bounds the folded length from below without folding."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ALNUM))


_ATTACHED_WORDS = ("ke hoach", "chuong trinh", "de an")


def _attachment_start(lines: list[Line]) -> int | None:
    """Index of the title of a plan a decision issues, written after the decision's closing
    block: "Nơi nhận: …", the signature, then "KẾ HOẠCH" and "(Ban hành kèm theo Quyết
    định số …)"."""
    closed = None
    for i, line in enumerate(lines):
        text = line.text
        if closed is None:
            if text[:1] in "Nn" and text[:8].lower() in ("nơi nhận", "noi nhan"):
                closed = i
            continue
        if text[:1] in "KCĐ" and text.isupper() and fold(text).startswith(_ATTACHED_WORDS) \
                and any("kèm theo" in ln.text.lower() for ln in lines[i + 1:i + 6]):
            while i - 1 > closed and lines[i - 1].text.isupper() \
                    and not _CAPACITY_PREFIX.match(lines[i - 1].text):
                i -= 1  # the plan's own header ("ỦY BAN NHÂN DÂN" / "TỈNH …") above its title
            return i
    return None


def appendix_start(lines: list[Line]) -> int:
    """Index of an appendix heading ("PHỤ LỤC") after the closing block, or of a plan issued
    with a decision after the decision's closing block; else ``len(lines)``."""
    attached = _attachment_start(lines)
    if attached is not None:
        return attached
    for i in range(len(lines) // 2, len(lines)):
        text = lines[i].text
        if len(text) >= 40 and _ascii_alnum(text) >= 40:  # folds to 40 characters or more
            continue
        folded = fold(text).strip(" #*")
        if folded.startswith("phu luc") and len(folded) < 40:
            return i
    return len(lines)


def _read_closing(lines: list[Line],
                  appendix: int) -> tuple[list[str], str | None, str | None]:
    """Recipients, signer name and signing capacity from the end of the plan (the lines
    before the appendix, which starts at index ``appendix``)."""
    lines = lines[:appendix]
    recipients: list[str] = []
    start = max(0, len(lines) - 8)
    noi_nhan = None
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if fold(lines[i].text).startswith("noi nhan"):
            noi_nhan = i
            break
    interleaved = False
    if noi_nhan is not None:
        start = noi_nhan + 1
        inline = lines[noi_nhan].text.split(":", 1)[1] if ":" in lines[noi_nhan].text else ""
        if _is_place_date(squash_spaces(inline).strip()):
            inline = ""  # the place and date laid beside the label, not a recipient
        items = [inline] if inline.strip() else []
        j = start
        capitals = 0  # signing lines met among the recipients, laid side by side with them
        while j < len(lines):
            text = lines[j].text.lstrip()
            if text.startswith(("-", "+", "•")):
                items.append(lines[j].text)
                interleaved = interleaved or capitals > 0
            elif _is_upper(text):
                capitals += 1
            else:
                break
            j += 1
        j -= capitals if not interleaved else 0
        for item in items:
            # "- Như trên;" on its own line, or "Nơi nhận: Như trên; Lưu VT." on one
            for part in re.split(r"(?:^|\s)[-+•]\s+|;\s+", item):
                part = part.strip().rstrip(";,.").strip()
                if part:
                    recipients.append(part)
        start = j
    end = noi_nhan if noi_nhan is not None and start >= len(lines) else len(lines)
    if interleaved and noi_nhan is not None:
        # "Nơi nhận: | KT. GIÁM ĐỐC", "- Lưu: VT. | PHÓ GIÁM ĐỐC": the signature without
        # the recipients between its lines.
        lines = lines[:noi_nhan + 1] + [
            ln for ln in lines[noi_nhan + 1:] if not ln.text.lstrip().startswith(("-", "+", "•"))]
    signer, capacity = _read_signature(lines[:end])
    return recipients, signer, capacity


def _read_signature(lines: list[Line]) -> tuple[str | None, str | None]:
    """The signer's name and capacity lines, read upwards from the end of ``lines``.

    The block is the run of capitals ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and one
    name at the very end; a heading, bullet or sentence above it ends the block.
    """
    capacity: list[str] = []
    signer = None
    # A joint plan is signed by each body, one block above the other: the blocks read so far.
    blocks: list[tuple[str, str]] = []
    for line in reversed(lines[-16:]):
        text = line.text.strip().strip("*").strip()
        if not text or _DEBRIS.match(text) or _BESIDE_SIGNATURE.match(fold(text)) \
                or signer is None and not capacity and _is_place_date(text):
            continue  # a copy may print the place and date under the signature
        signing = bool(_CAPACITY_PREFIX.match(text)) and _is_upper(text)
        if (text.startswith(("-", "+", "•")) or is_section_heading(text) and not signing
                or _title_word(text) or _is_motto(text) or fold(text).startswith("noi nhan")):
            break
        if _is_upper(text) or _CAPACITY_PREFIX.match(text) and _is_upper(text[3:]):
            capacity.insert(0, squash_spaces(text))
            continue
        if signer is None and not capacity and _looks_like_name(text):
            signer = squash_spaces(text)
            continue
        if signer is not None and capacity and _looks_like_name(text):
            # "GIÁM ĐỐC SỞ …" / "Nguyễn Văn A" above "CHỦ TỊCH HỘI …" / "Lê Thị B".
            blocks.insert(0, (signer, " / ".join(capacity)))
            signer, capacity = squash_spaces(text), []
            continue
        break
    if blocks and signer is not None and capacity:
        blocks.insert(0, (signer, " / ".join(capacity)))
        return "; ".join(b[0] for b in blocks), "; ".join(b[1] for b in blocks)
    if blocks:  # the line above the last block was a name in no block: not a signature
        signer, capacity = blocks[-1][0], blocks[-1][1].split(" / ")
    return signer, " / ".join(capacity) or None


# "HĐND - UBND XÃ TÂN LẬP", "HĐND VÀ UBND PHƯỜNG 3": the office a commune's council and
# committee share heads the papers of both.
_JOINT_OFFICE = re.compile(
    r"^(?:HĐND|Hội đồng nhân dân)\s*(?:-|–|và|&|,)\s*(?P<committee>UBND|[ỦU][ỷy] ban nhân dân)\b",
    re.IGNORECASE)


def _one_of_joint_office(text: str, symbol: ParsedKey | None) -> str:
    """The body a joint header names for this document: the committee ("UBND xã Tân Lập"),
    or the council when the symbol is the council's ("…/NQ-HĐND")."""
    found = _JOINT_OFFICE.match(text)
    if found is None:
        return text
    rest = text[found.end():]
    codes = [fold(c) for c in (symbol.issuers if symbol is not None else ())]
    if "hdnd" in codes:
        return "HĐND" + rest
    return found.group("committee") + rest


# Two bodies named on one header line: "SỞ KHOA HỌC VÀ CÔNG NGHỆ – HỘI NÔNG DÂN TỈNH".
_JOINT_SEPARATOR = re.compile(r"\s+[-–—]\s+")


def _joint_issuer(orgs: list[tuple[int, str]], symbol: ParsedKey | None,
                  province_name: str | None, kind: str) -> tuple[str, str | None] | None:
    """The issuers of a joint plan ("…/KH-SKHCN-HND") joined by " – ", and the body above
    them, when the header names each on a line or on one line split by a dash; None for a
    plan of one body (a ward "XUÂN HƯƠNG - ĐÀ LẠT" has one issuer part)."""
    if symbol is None or symbol.doctype is None or len(symbol.issuers) < 2 or not orgs:
        return None
    count = len(symbol.issuers)
    names = _JOINT_SEPARATOR.split(orgs[-1][1])
    above = orgs[-2][1] if len(orgs) >= 2 else None
    if len(names) != count:
        names = [cell for _, cell in orgs[-count:]]
        above = orgs[-count - 1][1] if len(orgs) > count else None
    found = [match_issuer(n) for n in names]
    if len(names) != count or any(f is None or fold(f.code) != fold(part)  # "…-VP": an office
                                  for f, part in zip(found, symbol.issuers, strict=False)):
        return None
    issuer = " – ".join(display_issuer(n, province_name, kind) for n in names)
    return issuer, display_issuer(above, None) if above else None


# --- identity --------------------------------------------------------------------------------

def plan_id(province_slug: str, number: str | None, symbol: str | None, doctype: str,
            date: str | None, title: str | None, issuer: str | None = None,
            parent: str | None = None) -> str:
    """A content identity: the same plan read again (any file, any format) gets the same id.

    With a number: ``"gia-lai:19/KH-SKHCN@2024"``; without one:
    ``"bac-giang:KH-KHCN@2021-01:1a2b3c4d"`` (hash of the folded title). A commune or
    district numbers its plans on its own, so its name comes first:
    ``"gia-lai:xa-ia-grai:61/KH-UBND@2025"`` is not the province's 61/KH-UBND; so does the
    Party committee of a province's agency: ``"gia-lai:dang-uy-ubnd-tinh:05-KH/ĐU@2026"``,
    and a Party cell, after the commune above it (``parent``) when that is named:
    ``"an-giang:xa-my-an:chi-bo-ap-my-hoa:05-KH/CB@2026"``.
    """
    area = local_area(issuer, province_slug) if province_slug != "vn" else None
    if area is not None and area[1] is not None:
        province_slug = f"{province_slug}:{slug(' '.join(area))}"
    elif province_slug != "vn" and (book := own_book(issuer)) is not None:
        # "Đảng ủy UBND tỉnh" and "Đảng ủy các cơ quan Đảng tỉnh" both number "05-KH/ĐU",
        # and every Party cell numbers its "05-KH/CB".
        above = local_area(parent, province_slug) if party_cell(issuer) else None
        if above is not None and above[1] is not None:
            province_slug = f"{province_slug}:{slug(' '.join(above))}"
        province_slug = f"{province_slug}:{slug(book)}"
    if number:
        year = f"@{date[:4]}" if date else ""
        return f"{province_slug}:{number}{year}"
    digest = hashlib.sha256(fold(title or "").encode()).hexdigest()[:8]
    when = f"@{date}" if date else ""
    return f"{province_slug}:{symbol or doctype}{when}:{digest}"


# --- entry point -----------------------------------------------------------------------------

# The decision that issues a plan, in brackets under the plan's title.
_ISSUED_WITH = re.compile(r"\s*\(\s*(?:được\s+)?ban hành kèm theo\s+(?:Quyết định|Nghị quyết)"
                          r"\s+(?:số\s*:?\s*)?(?P<key>\d[^\s,;)]*)[^()]*\)", re.IGNORECASE)


def _read_title(lines: list[Line], title_idx: int | None,
                title_end: int | None) -> tuple[str, str | None]:
    """The document type its title word gives and the title text (original spelling)."""
    if title_idx is None:
        return "KH", None
    word = _title_word(lines[title_idx].text) or fold(lines[title_idx].text).strip(" :*")
    first = lines[title_idx].text.strip()[len(word):].strip(" :*")
    folded_first = fold(first)
    if any(folded_first == q or folded_first.startswith(q + " ") for q in _NAMING_QUALIFIERS):
        first = lines[title_idx].text.strip().strip(" :*")  # the whole name
    elif folded_first in _TYPE_QUALIFIERS and title_end is not None and title_end > title_idx:
        first = ""  # "KẾ HOẠCH LIÊN TỊCH" / "Phối hợp …": the title is on the lines below
    parts = [first] if first else []
    if title_end is not None:
        parts += [ln.text.strip() for ln in lines[title_idx + 1:title_end + 1]]
    return doctype_from_word(word) or "KH", squash_spaces(" ".join(parts)) or None


def _plan_province(lines: list[Line], header: _Header, header_end: int,
                   issuer_text: str | None) -> tuple[Province | None, str | None]:
    """The plan's province and the evidence used, in order of reliability."""
    named = _header_province(header)
    if header.place:
        prov = _province_of_place(header.place)
        if prov is not None and named is not None and named.name != prov.name:
            # "UBND TỈNH BẮC NINH" dated "Bắc Giang, ngày …", a body meeting in Hà Nội: the
            # body the header names is the plan's, wherever it was signed.
            return named, "header"
        if prov is not None:
            if prov.name != prov.current and (header.date or "") >= _MERGER \
                    and province(header.place) is None and _commune_place(header.place):
                # A commune's place after the merger ("Quy Nhơn Nam, ngày … 8 … 2025", "Hà
                # Giang 1, ngày …") lies in the province of today, not the one its old
                # district or old province belonged to.
                return province(prov.current) or prov, "header place"
            return prov, "header place"
    if named is not None:
        return named, "header"
    if issuer_text:
        found = find_provinces(issuer_text, require_case=False)
        if found:
            return found[0].province, "issuer"
    return _province_from_text(lines, set(range(header_end)))


def _province_on_date(prov: Province | None, date: str | None) -> Province | None:
    """The province as it stood on the plan's date: a city that became a province later lay
    in its old province then ("THÀNH PHỐ HUẾ" dated 2024 is in Thừa Thiên Huế)."""
    before = province_on(prov.name, date) if prov is not None else None
    return (province(before) or prov) if before else prov


_DISTRICT_LEVELS = frozenset(level_words("district"))


def _header_province(header: _Header) -> Province | None:
    """The first province the header's bodies name ("TỈNH ỦY BÌNH ĐỊNH"), not one a body is
    named after ("ĐOÀN TNCS HỒ CHÍ MINH")."""
    for _, org in header.orgs:
        found = find_provinces(_NOT_A_PLACE.sub(" ", org), require_case=False)
        if found:
            return found[0].province
    found = find_provinces(header.area_province or "", require_case=False)
    if found:
        return found[0].province
    for _, org in header.orgs:
        # "ĐẢNG BỘ HUYỆN ĐỨC TRỌNG" before July 2025: the province the district was in.
        if (local_area(org) or ("", None))[0] in _DISTRICT_LEVELS:
            owners = {p.name: p for _, p, _ in find_districts(org)}
            if len(owners) == 1:
                return next(iter(owners.values()))
    return None


def _issuer_from_symbol(code: str, province_name: str | None, kind: str) -> str | None:
    """An issuer name from the symbol alone: ``SKHCN`` → "Sở Khoa học và Công nghệ …"."""
    if sector_name(code):  # "KH-KHCN": the department of that sector
        code = "S" + code
    found = match_issuer(code) or match_issuer(_code_as_words(code))
    if found is not None:
        return display_issuer(found.name, province_name, kind)
    issuer = issuer_by_code(code)
    return display_issuer(issuer.name, province_name, kind) if issuer else None


def _code_as_words(code: str) -> str:
    """``"SKHCN"`` → ``"Sở KHCN"``, ``"BTC"`` → ``"Bộ TC"`` for :func:`match_issuer`."""
    head = fold(code)[:1]
    if head in ("s", "b") and sector_name(code[1:]):
        return ("Sở " if head == "s" else "Bộ ") + code[1:]
    return code


def read_metadata(lines: list[Line], source: SourceFile, *,
                  title: tuple[int | None, int | None] | None = None,
                  appendix: int | None = None) -> Plan:
    """Read the header, title and closing block into a new :class:`Plan`.

    ``title`` and ``appendix`` are what :func:`find_title` and :func:`appendix_start` give
    for ``lines``, when the caller has them already.
    """
    title_idx, title_end = find_title(lines) if title is None else title
    header_end = title_idx if title_idx is not None else min(len(lines), 12)
    header = _read_header(lines, header_end)
    if appendix is None:
        appendix = appendix_start(lines)
    if header.date is None:
        _read_closing_date(header, lines[:appendix])
    warnings: list[str] = []
    doctype, title = _read_title(lines, title_idx, title_end)
    issued_with = _ISSUED_WITH.search(title) if title and "(" in title else None
    if issued_with is not None:
        # "(Ban hành kèm theo Quyết định số 1520/QĐ-UBND ngày 12/6/2024 của UBND tỉnh)": the
        # plan has no number of its own and is known by its decision's.
        title = squash_spaces(title[:issued_with.start()] + title[issued_with.end():]) or None
        if header.number is None and header.symbol is None:
            _read_number(header, issued_with.group("key"))
            header.date = header.date or parse_date(issued_with.group(0))
    if title_idx is None:
        warnings.append("no document title (KẾ HOẠCH …) found in the first lines")
    symbol = parse_key("0/" + header.symbol) if header.symbol else None
    if symbol is not None and symbol.doctype and title_idx is None:
        doctype = symbol.doctype
    if header.symbol and header.number is None:
        warnings.append("the number is blank on this copy; identified by issuer, date, title")

    # The issuing body: the header, else the opening's "Sở … xây dựng kế hoạch", else the
    # closing "Trên đây là Kế hoạch … của Sở …".
    open_start, open_end = opening_range(lines, (title_idx, title_end))
    issuer_text = (header.orgs[-1][1] if header.orgs else None) \
        or _issuer_from_body(lines, open_start, open_end) or _issuer_from_closing(lines)
    if issuer_text is not None:
        issuer_text = _one_of_joint_office(issuer_text, symbol)
    found_issuer = match_issuer(issuer_text) if issuer_text else None
    # A central body's plan (a ministry, the Party delegation …) belongs to no province.
    central = ((symbol is not None and bool(symbol.issuers)
                and issuer_scope_of_code(symbol.issuers[0]) == "central")
               or (found_issuer is not None and found_issuer.scope == "central"))
    prov, evidence = (None, None) if central else _plan_province(
        lines, header, header_end, issuer_text)
    prov = _province_on_date(prov, header.date)
    if prov is None and not central:
        warnings.append("no province found in the header or the text")
    if (ocr := read_by(source.encoding)) is not None:
        warnings.append(f"text read by OCR from scanned pages ({ocr}): check names and "
                        "numbers against the original")

    kind = prov.kind if prov else "tỉnh"
    name = prov.name if prov else None
    issuer = None
    if issuer_text:
        issuer = display_issuer(issuer_text, name, kind)
    elif symbol is not None and symbol.issuers:
        issuer = _issuer_from_symbol(symbol.issuers[0], name, kind)
    parent = display_issuer(header.orgs[-2][1], None) if len(header.orgs) >= 2 else None
    joint = _joint_issuer(header.orgs, symbol, name, kind)
    if joint is not None:
        issuer, parent = joint
    if parent is not None and issuer is not None and local_area(issuer, name) is None \
            and issuer_text is not None:
        # "UBND XÃ PHÚ LỘC" / "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ": the commune's own committee.
        issuer = local_board(issuer_text, parent) or issuer

    recipients, signer, capacity = _read_closing(lines, appendix)
    place = header.place
    known = province(place) if place else None
    if known is not None and fold(place or "") == fold(known.name):
        place = known.name  # one spelling of a province name: "Thanh Hoá" → "Thanh Hóa"
    prov_slug = prov.slug if prov else ("vn" if central else "unknown")
    return Plan(
        id=plan_id(prov_slug, header.number, header.symbol, doctype, header.date, title,
                   issuer, parent),
        source=source, doctype=doctype, number=header.number, symbol=header.symbol,
        date=header.date, place=place, province=name, province_evidence=evidence,
        issuer=issuer, parent_issuer=parent, title=title, signer=signer,
        signer_capacity=capacity, recipients=recipients, warnings=warnings,
    )
