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

from policykg.loaders.model import Line, Plan, SourceFile
from policykg.ontology.doctypes import doctype_from_word, parse_key
from policykg.ontology.issuers import display_issuer, issuer_scope_of_code, match_issuer
from policykg.ontology.normalize import fold, nfc, slug, squash_spaces
from policykg.ontology.provinces import Province, find_districts, find_provinces, province

__all__ = [
    "read_metadata", "parse_date", "find_title", "opening_range", "is_section_heading",
    "plan_id",
]

# Lines of the national motto and Party heading, not issuing bodies.
_MOTTOS = (
    "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc", "dang cong san viet nam",
)
_TITLE_WORDS = (
    "chuong trinh hanh dong", "ke hoach", "chuong trinh", "quyet dinh", "nghi quyet",
    "chi thi", "thong bao", "huong dan", "de an", "bao cao", "ket luan",
)
_SECTION = re.compile(r"^(?:[IVXLC]{1,5}|[A-Z]|PHẦN\s+[IVXLC\d]+)\s*[.:)\-–]\s*\S")
_CAPACITY_PREFIX = re.compile(r"^(?:kt|tm|t/m|tl|q|tuq|ktl)\s*[./]\s*", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_DEBRIS = re.compile(r"^(?:`{3,}|\(?\s*đã ký\s*\)?|ký bởi.*|\[.*\])$", re.I)


# --- dates -----------------------------------------------------------------------------------

_DATE_WORDS = re.compile(
    r"ngay\s*(\d{1,2})?\s*[,.]?\s*thang\s*(\d{1,2})?\s*[,.]?\s*nam\s*((?:19|20)\d{2})"
)
_DATE_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")


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
    return min(found)[1] if found else None


# --- layout ----------------------------------------------------------------------------------

def _title_word(text: str) -> str | None:
    """The document word a title line starts with, when written in capitals."""
    stripped = text.strip()
    folded = fold(stripped)
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
    for i, line in enumerate(lines[:limit]):
        if _title_word(line.text) is None:
            continue
        word = _title_word(line.text) or ""
        rest = line.text.strip()[len(word):].strip(" :*")
        end = i
        if not rest and i + 1 < len(lines) and not _starts_body(lines[i + 1].text):
            end = i + 1
        while (end + 1 < len(lines) and end - i < 5
               and lines[end + 1].start == lines[end].end + 1
               and not _starts_body(lines[end + 1].text)):
            end += 1
        return i, end if end > i or rest else None
    return None, None


def _starts_body(text: str) -> bool:
    folded = fold(text)
    return (folded.startswith(("can cu", "tren co so", "i.", "i ", "phan i"))
            or bool(_SECTION.match(text.strip())) or len(text) > 400)


def is_section_heading(text: str) -> bool:
    """A top-level heading: "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG" …"""
    return bool(_SECTION.match(text.strip()))


def opening_range(lines: list[Line]) -> tuple[int, int]:
    """Indexes [start, end) of the opening paragraphs between the title and section I."""
    title_idx, title_end = find_title(lines)
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


_NUMBER_CELL = re.compile(r"^s[oố]\s*(?:[:.]\s*|(?=[\d/\-])|\s+(?=[\d/]))(.*)$", re.I)
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,\d]{1,40}?)\s*,\s*ngày\b", re.I)


def _cells(text: str) -> list[str]:
    return [c.strip(" *|") for c in re.split(r"\s*\|\s*|\t+|\s{3,}", text) if c.strip(" *|")]


def _is_motto(text: str) -> bool:
    folded = fold(text).strip(" -")
    return any(folded.startswith(m) or m.startswith(folded) and len(folded) > 8 for m in _MOTTOS)


def _read_header(lines: list[Line], end: int) -> _Header:
    header = _Header(orgs=[])
    for i, line in enumerate(lines[:end]):
        for cell in _cells(nfc(line.text)):
            m = _NUMBER_CELL.match(cell)
            date_m = _PLACE_DATE.search(cell)
            if m and header.number_line is None:
                header.number_line = i
                rest = m.group(1)
                rest = _PLACE_DATE.split(rest)[0] if date_m else rest
                _read_number(header, rest)
                if date_m:  # "Số: 19/KH-SKHCN    Lạng Sơn, ngày …" in one cell
                    _read_place_date(header, cell[cell.find(date_m.group("place")):])
                continue
            if date_m or fold(cell).startswith("ngay ") and parse_date(cell):
                _read_place_date(header, cell)
                continue
            if _is_motto(cell):
                continue
            letters = [c for c in cell if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters) and header.number is None \
                    and header.symbol is None:
                header.orgs.append((i, squash_spaces(cell)))
    return header


def _read_number(header: _Header, rest: str) -> None:
    rest = rest.strip()
    token = re.match(r"^[\w/\-–.&ĐđÐ]+(?:\s*[-/–]\s*[\w&Đđ]+)*", rest)
    raw = token.group(0) if token else rest
    if raw[:1].isdigit():
        parsed = parse_key(raw)
        if parsed is not None:
            header.number, header.symbol = parsed.key, parsed.symbol
    elif raw[:1] in "/-–":  # blank number: "Số: /KH-KHCN"
        parsed = parse_key("0" + raw)
        if parsed is not None:
            header.symbol = parsed.symbol


def _read_place_date(header: _Header, cell: str) -> None:
    m = _PLACE_DATE.search(cell)
    if m and header.place is None:
        header.place = squash_spaces(m.group("place")).strip(" ,")
    if header.date is None:
        header.date = parse_date(cell)


# --- province --------------------------------------------------------------------------------

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
    for i, line in enumerate(lines):
        if i in skip:
            continue
        for m in find_provinces(line.text):
            counter = prefixed if m.prefixed else bare
            counter[m.province.name] += 1
            by_name[m.province.name] = m.province
            first_written.setdefault((m.prefixed, m.province.name), m.text)
        for name, p, _written in find_districts(line.text):
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
        folded = "".join((fold(c) or " ")[:1] if c.strip() else " " for c in text)
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


def _read_closing(lines: list[Line]) -> tuple[list[str], str | None, str | None]:
    """Recipients, signer name and signing capacity from the end of the plan."""
    recipients: list[str] = []
    start = max(0, len(lines) - 8)
    noi_nhan = None
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if fold(lines[i].text).startswith("noi nhan"):
            noi_nhan = i
            break
    if noi_nhan is not None:
        start = noi_nhan + 1
        inline = lines[noi_nhan].text.split(":", 1)[1] if ":" in lines[noi_nhan].text else ""
        items = [inline] if inline.strip() else []
        j = start
        while j < len(lines) and lines[j].text.lstrip().startswith(("-", "+", "•")):
            items.append(lines[j].text)
            j += 1
        for item in items:
            for part in re.split(r"(?:^|\s)[-+•]\s+", item):
                part = part.strip().rstrip(";,.").strip()
                if part:
                    recipients.append(part)
        start = j
    capacity: list[str] = []
    signer = None
    for line in lines[start:]:
        text = line.text.strip().strip("*").strip()
        if not text or _DEBRIS.match(text) or text.startswith(("-", "+", "•")):
            continue
        if fold(text).startswith("noi nhan"):
            continue
        if _is_upper(text) or _CAPACITY_PREFIX.match(text) and _is_upper(text[3:]):
            if signer is None:
                capacity.append(squash_spaces(text))
            continue
        if _looks_like_name(text):
            signer = squash_spaces(text)
    return recipients, signer, " / ".join(capacity) or None


# --- identity --------------------------------------------------------------------------------

def plan_id(province_slug: str, number: str | None, symbol: str | None, doctype: str,
            date: str | None, title: str | None) -> str:
    """A content identity: the same plan read again (any file, any format) gets the same id.

    With a number: ``"gia-lai:19/KH-SKHCN@2024"``; without one:
    ``"bac-giang:KH-KHCN@2021-01:1a2b3c4d"`` (hash of the folded title).
    """
    if number:
        year = f"@{date[:4]}" if date else ""
        return f"{province_slug}:{number}{year}"
    digest = hashlib.sha256(fold(title or "").encode()).hexdigest()[:8]
    when = f"@{date}" if date else ""
    return f"{province_slug}:{symbol or doctype}{when}:{digest}"


# --- entry point -----------------------------------------------------------------------------

def read_metadata(lines: list[Line], source: SourceFile) -> Plan:
    """Read the header, title and closing block into a new :class:`Plan`."""
    title_idx, title_end = find_title(lines)
    header_end = title_idx if title_idx is not None else min(len(lines), 12)
    header = _read_header(lines, header_end)
    warnings: list[str] = []

    doctype = "KH"
    title = None
    if title_idx is not None:
        word = _title_word(lines[title_idx].text) or "ke hoach"
        doctype = doctype_from_word(word) or "KH"
        first = lines[title_idx].text.strip()[len(word):].strip(" :*")
        parts = [first] if first else []
        if title_end is not None:
            parts += [ln.text.strip() for ln in lines[title_idx + 1:title_end + 1]]
        title = squash_spaces(" ".join(parts)) or None
    else:
        warnings.append("no document title (KẾ HOẠCH …) found in the first lines")
    if header.symbol:
        parsed = parse_key("0/" + header.symbol) if header.number is None else parse_key(
            header.number)
        if parsed is not None and parsed.doctype and title_idx is None:
            doctype = parsed.doctype
    if header.symbol and header.number is None:
        warnings.append("the number is blank on this copy; identified by issuer, date, title")

    open_start, open_end = opening_range(lines)

    # Scope: a central issuer (Party delegation, ministry …) has no province.
    symbol_scope = None
    if header.symbol:
        parsed = parse_key("0/" + header.symbol)
        if parsed is not None and parsed.issuers:
            symbol_scope = issuer_scope_of_code(parsed.issuers[0])
    header_org = header.orgs[-1][1] if header.orgs else None
    body_issuer = None if header_org else _issuer_from_body(lines, open_start, open_end)
    closing_issuer = None if header_org or body_issuer else _issuer_from_closing(lines)
    issuer_text = header_org or body_issuer or closing_issuer
    found_issuer = match_issuer(issuer_text) if issuer_text else None
    central = (symbol_scope == "central"
               or (found_issuer is not None and found_issuer.scope == "central"))

    # Province and its evidence.
    prov: Province | None = None
    evidence = None
    if not central:
        if header.place:
            prov = _province_of_place(header.place)
            evidence = "header place" if prov else None
        if prov is None:
            for _, org in header.orgs:
                found = find_provinces(org, require_case=False)
                if found:
                    prov, evidence = found[0].province, "header"
                    break
        if prov is None and issuer_text:
            found = find_provinces(issuer_text, require_case=False)
            if found:
                prov, evidence = found[0].province, "issuer"
        if prov is None:
            skip = set(range(header_end))
            prov, evidence = _province_from_text(lines, skip)

    # Issuer and the body above it.
    issuer = None
    parent = None
    kind = prov.kind if prov else "tỉnh"
    name = prov.name if prov and not central else None
    if issuer_text:
        issuer = display_issuer(issuer_text, name, kind)
    elif header.symbol:
        parsed = parse_key("0/" + header.symbol)
        code = parsed.issuers[0] if parsed and parsed.issuers else None
        if code:
            guess = match_issuer(_expand_code(code))
            if guess is not None:
                issuer = display_issuer(guess.name, name, kind)
    if len(header.orgs) >= 2:
        parent = display_issuer(header.orgs[-2][1], None)

    recipients, signer, capacity = _read_closing(lines)
    place = header.place
    if place and province(place) is not None:
        place = province(place).name if fold(place) == fold(province(place).name) else place
    prov_slug = prov.slug if prov else ("vn" if central else "unknown")
    pid = plan_id(prov_slug, header.number, header.symbol, doctype, header.date, title)
    return Plan(
        id=pid, source=source, doctype=doctype, number=header.number, symbol=header.symbol,
        date=header.date, place=place, province=prov.name if prov else None,
        province_evidence=evidence, issuer=issuer, parent_issuer=parent, title=title,
        signer=signer, signer_capacity=capacity, recipients=recipients, warnings=warnings,
    )


def _expand_code(code: str) -> str:
    """A name :func:`match_issuer` understands for a bare symbol code (``SKHCN`` → ``Sở KHCN``)."""
    folded = fold(code)
    if folded.startswith("s") and len(folded) > 2:
        return "Sở " + code[1:]
    if folded.startswith("b") and len(folded) > 2:
        return "Bộ " + code[1:]
    return "Sở " + code if not slug(code).startswith(("ub", "hd", "tu")) else code
