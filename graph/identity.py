"""Identity rules: which words name the same document, organisation, unit or province.

Ids are built from normal forms (:func:`policykg.ontology.normalize.fold`), never from
the spelling of one text, so "Trung tâm KH&CN" and "Trung tâm Khoa học và Công nghệ"
give one id, and ids stay the same whatever order plans are read in.

The ontology tables (:mod:`policykg.ontology.provinces`, :mod:`~policykg.ontology.doctypes`,
:mod:`~policykg.ontology.issuers`) say which names and numbers are the same.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from policykg.ontology import provinces
from policykg.ontology.doctypes import issuer_scope, normalise_key, parse_key
from policykg.ontology.issuers import (
    local_area,
    match_issuer,
    own_book,
    party_cell,
)
from policykg.ontology.normalize import canon, fold, nfc, slug, squash_spaces
from policykg.ontology.provinces import find_provinces, fold_aligned
from policykg.ontology.units import canonical_unit_name

__all__ = [
    "edge_key_identity",
    "NATIONWIDE",
    "UNKNOWN",
    "norm_key",
    "match_key",
    "symbol_parts",
    "key_scope",
    "province_name",
    "province_slug",
    "province_id",
    "province_kind",
    "current_province_name",
    "all_provinces",
    "compact",
    "document_id",
    "document_scope",
    "committee_key",
    "committee_label",
    "committee_scope",
    "cited_committee",
    "keyless_document_id",
    "unnumbered_plan_id",
    "issuer_org",
    "issuer_code",
    "unit_slug",
    "unit_id",
    "unitkind_id",
    "topic_id",
    "task_id",
]

NATIONWIDE = "vn"  # scope of central documents and organisations
UNKNOWN = "unknown"  # scope of local things whose province no text names



# --- documents ------------------------------------------------------------------

_SPACE_AROUND = re.compile(r"\s*([-/])\s*")


@lru_cache(maxsize=65536)
def norm_key(key: str) -> str:
    """A number/symbol as it appears in ids: ``"36 - NQ/TW"``, ``"36/NQ-TW"`` → ``"36-NQ/TW"``."""
    text = normalise_key(key) or canon(key)
    return re.sub(r"\s+", "", _SPACE_AROUND.sub(r"\1", text))


@lru_cache(maxsize=65536)
def symbol_parts(key: str) -> tuple[str | None, str | None]:
    """(type code, first issuer code) of a key: ``"180-CTr/TU"`` → ``("CTr", "TU")``."""
    parsed = parse_key(key)
    if parsed is not None:
        return parsed.doctype, (parsed.issuers[0] if parsed.issuers else None)
    parts = [p for p in re.split(r"[-/]", norm_key(key)) if p and not p.isdigit()]
    if not parts:
        return None, None
    return (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])


@lru_cache(maxsize=65536)
def key_scope(key: str) -> str | None:
    """``"central"``/``"local"`` as the key's issuer code says, when the ontology can tell."""
    scope = issuer_scope(key)
    return scope if scope in ("central", "local") else None


@lru_cache(maxsize=65536)
def match_key(key: str) -> str:
    """The form two keys are compared on: case and diacritics ignored (``"Ctr"`` = ``"CTr"``)."""
    return fold(norm_key(key)).replace(" ", "")


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def document_id(key: str, scope: str, year: int | None) -> str:
    """``doc:36-NQ/TW@2023`` (central) or ``doc:tay-ninh:3300/KH-UBND@2023`` (local)."""
    prefix = "" if scope == NATIONWIDE else f"{scope}:"
    suffix = f"@{year}" if year else ""
    return f"doc:{prefix}{norm_key(key)}{suffix}"


def document_scope(scope: str, issuer: str | None,
                   own: tuple[str, str | None] | None = None) -> str:
    """The scope a local document's number is unique in: its province's, or below it the
    issuing commune's or district's (``gia-lai:xa-ia-grai``), the Party committee of one of
    the province's agencies (``gia-lai:dang-uy-ubnd-tinh``, see
    :func:`~policykg.ontology.issuers.party_agency`), or the province's steering committee
    the issuer names (``gia-lai:bcd-389``, see :func:`committee_key`), or a Party cell
    (after ``own``, its commune, when known: ``an-giang:xa-my-an:chi-bo-ap-my-hoa``). An issuer
    naming its level alone ("UBND xã") is the citing plan's own body (``own``) when that
    is of the level."""
    if scope == NATIONWIDE:
        return scope
    area = local_area(issuer, scope.split(":", 1)[0])
    if area is None:
        book = own_book(issuer)  # "Đảng ủy UBND tỉnh" numbers its "…/ĐU" on its own
        if book is not None:
            if party_cell(issuer) and own is not None and own[1] is not None:
                scope = f"{scope}:{slug(' '.join(own))}"  # a Party cell, in its commune
            return f"{scope}:{slug(book)}"
        key = committee_key(issuer) if issuer else None
        return committee_scope(scope, key) if key else scope
    level, name = area
    if name is None:
        if own is None or own[0] != level or own[1] is None:
            return scope
        name = own[1]
    return f"{scope}:{slug(f'{level} {name}')}"


def _digest(*parts: str | None, size: int = 10) -> str:
    text = "\x1f".join(fold(p) if p else "" for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:size]


def keyless_document_id(doctype: str | None, issuer: str | None, subject: str | None,
                        scope: str, date: str | None) -> str:
    """A cited document without a number: type, issuer and subject name it."""
    prefix = "" if scope == NATIONWIDE else f"{scope}:"
    stamp = f"@{date}" if date else ""
    who = slug(compact(issuer)) if issuer else "?"
    return f"doc:{prefix}{doctype or 'VB'}{stamp}:{who}:{_digest(subject, issuer, doctype, size=8)}"


def unnumbered_plan_id(scope: str, doctype: str | None, date: str | None, plan_id: str) -> str:
    """A plan whose copy has no number: ``doc:<province>:<TYPE>@<date>:<hash>``.

    ``plan_id`` is the loader's content-derived id (issuer, province, date, title),
    so re-reading the same plan gives the same node.
    """
    prefix = "" if scope == NATIONWIDE else f"{scope}:"
    return f"doc:{prefix}{doctype or 'KH'}@{date or 'undated'}:{_digest(plan_id)}"


# --- provinces ------------------------------------------------------------------


@lru_cache(maxsize=65536)
def province_name(name: str | None) -> str | None:
    """The canonical name of a province as written (``"tinh Tay Ninh"`` → ``"Tây Ninh"``)."""
    if not name or not name.strip():
        return None
    found = provinces.province(name)
    return found.name if found else squash_spaces(canon(name))


@lru_cache(maxsize=65536)
def province_kind(name: str) -> str:
    """``"tỉnh"`` or ``"thành phố"`` (a centrally governed city)."""
    record = provinces.province(name)
    return record.kind if record else "tỉnh"


@lru_cache(maxsize=65536)
def province_slug(name: str | None) -> str:
    """The id fragment of a province; :data:`UNKNOWN` when no province is named."""
    canonical = province_name(name)
    return slug(canonical) if canonical else UNKNOWN


@lru_cache(maxsize=65536)
def province_id(name: str | None) -> str:
    return f"province:{province_slug(name)}"


@lru_cache(maxsize=65536)
def current_province_name(name: str) -> str:
    """The province ``name`` belongs to since the 2025 merger (itself when unchanged)."""
    return provinces.current_province(name) or province_name(name) or name


def all_provinces() -> list[str]:
    """Every province the ontology knows (before and after the merger), by name."""
    return sorted({p.name for p in provinces.all_provinces()})


# --- organisations --------------------------------------------------------------

# Long forms and spellings folded to one short token, longest first, so a name
# and its abbreviation give the same id ("Sở Khoa học và Công nghệ" = "Sở KH&CN").
_COMPACT: tuple[tuple[str, str], ...] = (
    ("nong nghiep va phat trien nong thon", "nnptnt"),
    ("tieu chuan do luong chat luong", "tdc"),
    ("khoi nghiep doi moi sang tao", "kndmst"),
    ("thong tin va truyen thong", "tttt"),
    ("khoa hoc va cong nghe", "khcn"),
    ("khoa hoc cong nghe", "khcn"),
    ("ke hoach va dau tu", "khdt"),
    ("uy ban nhan dan", "ubnd"),
    ("hoi dong nhan dan", "hdnd"),
    ("truy xuat nguon goc", "txng"),
    ("cong nghe sinh hoc", "cnsh"),
    ("doi moi sang tao", "dmst"),
    ("so huu tri tue", "shtt"),
    ("ban chap hanh", "bch"),
    ("hoi nong dan", "hnd"),
    ("ban chi dao", "bcd"),
    ("nn&ptnt", "nnptnt"),
    ("nn & ptnt", "nnptnt"),
    ("kh&cn", "khcn"),
    ("kh & cn", "khcn"),
    ("kh&dt", "khdt"),
    ("tt&tt", "tttt"),
)
_COMPACT_RE = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(long) for long, _ in _COMPACT) + r")(?![\w&])"
)
_COMPACT_MAP = dict(_COMPACT)


@lru_cache(maxsize=65536)
def compact(name: str) -> str:
    """``name`` folded with long forms replaced by their abbreviation: the form ids use."""
    return _COMPACT_RE.sub(lambda m: _COMPACT_MAP[m.group(1)], fold(name))


# Issuers as named in texts (compacted) → display name, scope and the issuer code
# documents of that issuer carry after the type ("NQ/TW", "KH-UBND", "CTr/TU").
_ISSUERS: dict[str, tuple[str, str, str]] = {
    "bo chinh tri": ("Bộ Chính trị", NATIONWIDE, "TW"),
    "ban bi thu": ("Ban Bí thư", NATIONWIDE, "TW"),
    "ban bi thu trung uong": ("Ban Bí thư", NATIONWIDE, "TW"),
    "ban bi thu trung uong dang": ("Ban Bí thư", NATIONWIDE, "TW"),
    "bch trung uong": ("Ban Chấp hành Trung ương Đảng", NATIONWIDE, "TW"),
    "bch trung uong dang": ("Ban Chấp hành Trung ương Đảng", NATIONWIDE, "TW"),
    "trung uong": ("Ban Chấp hành Trung ương Đảng", NATIONWIDE, "TW"),
    "trung uong dang": ("Ban Chấp hành Trung ương Đảng", NATIONWIDE, "TW"),
    "chinh phu": ("Chính phủ", NATIONWIDE, "CP"),
    "thu tuong chinh phu": ("Thủ tướng Chính phủ", NATIONWIDE, "TTg"),
    "thu tuong": ("Thủ tướng Chính phủ", NATIONWIDE, "TTg"),
    "quoc hoi": ("Quốc hội", NATIONWIDE, "QH"),
    "ubnd tinh": ("UBND tỉnh", "local", "UBND"),
    "chu tich ubnd tinh": ("UBND tỉnh", "local", "UBND"),
    "chu tich ubnd": ("UBND tỉnh", "local", "UBND"),
    "ubnd": ("UBND tỉnh", "local", "UBND"),
    "hdnd tinh": ("HĐND tỉnh", "local", "HĐND"),
    "hdnd": ("HĐND tỉnh", "local", "HĐND"),
    "tinh uy": ("Tỉnh ủy", "local", "TU"),
    "bch dang bo tinh": ("Tỉnh ủy", "local", "TU"),
    "ban thuong vu tinh uy": ("Ban Thường vụ Tỉnh ủy", "local", "TU"),
    "thuong truc tinh uy": ("Thường trực Tỉnh ủy", "local", "TU"),
}
_CENTRAL_PREFIXES = ("bo ", "ban chi dao trung uong", "bcd trung uong", "van phong chinh phu")
# "Bộ …" names a ministry, except a province's military and border-guard commands
_LOCAL_DESPITE_PREFIX = ("bo chi huy ",)
# A central body's branch in one province ("Ngân hàng Nhà nước chi nhánh tỉnh Gia Lai") is that
# province's; a regional branch ("… Chi nhánh Khu vực 7") serves several and stays central.
_PROVINCIAL_BRANCH = re.compile(r"\bchi nhanh\b(?! khu vuc\b)")


def _strip_province(folded: str, province: str | None) -> str:
    """Drop the province's own name from an issuer's end ("so khcn tinh tay ninh" → "so khcn")."""
    if province:
        tail = re.escape(fold(province))
        folded = re.sub(rf"(\s+(tinh|thanh pho|tp\.?))?\s+{tail}$", "", folded).strip()
    return folded


def _issuer_key(issuer: str, province: str | None) -> str:
    key = _strip_province(compact(issuer), province_name(province))
    return re.sub(r"^(cua|do)\s+", "", key)


@lru_cache(maxsize=65536)
def _issuer_entry(issuer: str, province: str | None) -> tuple[str, str | None, str | None]:
    """(id slug, display name or None, scope or None) for an issuer as written."""
    key = _issuer_key(issuer, province)
    entry = _ISSUERS.get(key)
    if entry:
        return slug(compact(entry[0])), entry[0], entry[1]
    if key.startswith(_CENTRAL_PREFIXES) and not key.startswith(_LOCAL_DESPITE_PREFIX):
        return slug(key), None, NATIONWIDE
    board = committee_key(issuer, province) if key.startswith("bcd ") else None
    if board is not None:  # "BCĐ 389 tỉnh" = "Ban Chỉ đạo 389 tỉnh Gia Lai"
        return f"bcd-{board}", None, "local"
    match = match_issuer(issuer)
    scope = match.scope if match else None
    if scope == "central" and _PROVINCIAL_BRANCH.search(key):
        scope = "local"
    scope = NATIONWIDE if scope == "central" else ("local" if scope == "local" else None)
    return slug(re.sub(r"\s+tinh$", "", key)), None, scope


@lru_cache(maxsize=65536)
def issuer_code(issuer: str | None, province: str | None = None) -> str | None:
    """The code documents of ``issuer`` carry in their symbol (``"Tỉnh ủy"`` → ``"TU"``)."""
    if not issuer:
        return None
    entry = _ISSUERS.get(_issuer_key(issuer, province))
    if entry:
        return entry[2]
    match = match_issuer(issuer)
    return match.code if match else None


@lru_cache(maxsize=65536)
def issuer_org(issuer: str, scope: str | None, province: str | None) -> tuple[str, str, str]:
    """The organisation an issuer or outside unit names: ``(node id, label, scope)``.

    Central bodies are ``org:vn:<slug>``; provincial ones ``org:<province>:<slug>``
    with the province added to the label ("UBND tỉnh" → "UBND tỉnh Tây Ninh").
    ``scope`` is the reference's own scope ("central"/"local") when known.
    """
    key, label, known_scope = _issuer_entry(issuer, province)
    if known_scope is None:
        known_scope = NATIONWIDE if scope == "central" else "local"
    display = label or squash_spaces(nfc(issuer))
    if known_scope == NATIONWIDE:
        return f"org:{NATIONWIDE}:{key or 'unknown'}", display, NATIONWIDE
    prov = province_name(province)
    if prov and fold(prov) not in fold(display):
        folded = fold(display)
        kind = "" if folded.endswith((" tinh", " thanh pho")) else f" {province_kind(prov)}"
        display = f"{display}{kind} {prov}"
    return f"org:{province_slug(province)}:{key or 'unknown'}", display, province_slug(province)


# --- steering committees --------------------------------------------------------

# A province has many steering committees (Ban Chỉ đạo), each numbering its documents
# from 1 every year under the same symbol ("12-KH/BCĐ"): the remit in a committee's name
# (the words between "Ban Chỉ đạo" and its province) tells them apart.
_BOARD_HEADS = (("ban", "chi", "dao"), ("bcd",))
# Abbreviations in a remit that compact() keeps long, spelled out (folded).
_REMIT_WORDS: dict[str, str] = {
    "cds": "chuyen doi so",
    "ntm": "nong thon moi",
    "cchc": "cai cach hanh chinh",
    "ctmtqg": "chuong trinh muc tieu quoc gia",
    "mtqg": "muc tieu quoc gia",
    "attp": "an toan thuc pham",
    "pctt": "phong chong thien tai",
    "pctn": "phong chong tham nhung",
}
# Words a remit is written with or without ("A, B và C" = "A, B, C"; "về" after "Ban Chỉ
# đạo"; "các chương trình" = "chương trình"), folded.
_REMIT_FILLERS = frozenset({"va", "ve", "cua", "cac"})
# Whom a committee belongs to, named in its name: "Ban Chỉ đạo của Tỉnh ủy về …" (folded).
_REMIT_OWNERS = (("tinh", "uy"), ("thanh", "uy"), ("ubnd",), ("uy", "ban", "nhan", "dan"))
_PUNCT = re.compile(r"[,;:.()\[\]\-–/]+")


def _without_provinces(text: str, province: str | None) -> str:
    """``text`` without the provinces it names after their level ("tỉnh Gia Lai") and
    without ``province`` however it is named."""
    own = fold(province_name(province) or "") if province else ""
    for m in reversed(find_provinces(text, require_case=False)):
        if m.prefixed or (own and fold(m.province.name) == own):
            text = f"{text[:m.start]} {text[m.end:]}"
    return text


def _board_head(folded: list[str]) -> int | None:
    """How many of the first words (folded) name a steering committee ("ban chi dao",
    "bcd"); None when they name none."""
    return next((len(h) for h in _BOARD_HEADS if tuple(folded[:len(h)]) == h), None)


def _board_words(name: str, province: str | None) -> tuple[list[str], list[str]] | None:
    """(words as written, lower-cased; folded) of a steering committee's name after "Ban
    Chỉ đạo", its province left out; None when ``name`` names no steering committee."""
    words = _PUNCT.sub(" ", _without_provinces(nfc(name), province)).lower().split()
    folded = [fold(w) for w in words]
    head = _board_head(folded)
    if head is None:
        return None
    return words[head:], folded[head:]


def _drop_place_words(words: list[str], folded: list[str]) -> list[str]:
    """The folded words of a remit without its level word ("tỉnh", a last "thành phố") and
    the body owning the committee ("của Tỉnh ủy"). "tỉnh" is told from "tinh" ("tinh gọn
    bộ máy") by its tone mark; a text written without marks loses only a last "tinh"."""
    plain = all(w.isascii() for w in words)
    kept: list[str] = []
    i = 0
    while i < len(folded):
        owner = next((len(o) for o in _REMIT_OWNERS if tuple(folded[i:i + len(o)]) == o), 0)
        last = i + 1 == len(folded) or folded[i + 1] == "ve"
        if owner:
            i += owner
        elif words[i] == "tỉnh" or (plain and folded[i] == "tinh" and last):
            i += 1
        elif folded[i:i + 2] == ["thanh", "pho"] and (i + 2 == len(folded)
                                                      or folded[i + 2] == "ve"):
            i += 2
        else:
            kept.append(folded[i])
            i += 1
    return kept


@lru_cache(maxsize=65536)
def committee_key(name: str, province: str | None = None) -> str | None:
    """The remit of a province's steering committee as an id fragment, or None when
    ``name`` is not one or gives no remit ("Ban Chỉ đạo", "Ban Chỉ đạo tỉnh"); a
    committee of a commune ("… xã Phú Lộc") or a central one ("Ban Chỉ đạo Trung ương …")
    is identified otherwise (:func:`document_scope`, ``NATIONWIDE``).

    >>> committee_key("BCĐ 389 tỉnh"), committee_key("Ban Chỉ đạo 389 tỉnh Gia Lai")
    ('389', '389')
    >>> committee_key("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và "
    ...               "chuyển đổi số tỉnh")
    'phat-trien-khcn-dmst-chuyen-doi-so'
    """
    found = _board_words(name, province)
    if found is None or local_area(name) is not None:
        return None
    kept = " ".join(_drop_place_words(*found))
    if re.search(r"\btrung uong\b", kept):
        return None
    words = compact(kept).split()
    remit = [w for word in words for w in _REMIT_WORDS.get(word, word).split()
             if w not in _REMIT_FILLERS]
    return slug(" ".join(remit)) or None


def committee_scope(scope: str, key: str) -> str:
    """Where a steering committee's numbers are unique: ``gia-lai:bcd-389``."""
    return f"{scope}:bcd-{key}"


def committee_label(name: str, province: str | None) -> str:
    """A steering committee's display name with its province: "BAN CHỈ ĐẠO 389" of Gia
    Lai → "Ban Chỉ đạo 389 tỉnh Gia Lai"."""
    prov = province_name(province)
    text = _without_provinces(squash_spaces(nfc(name)).strip(" ,.;:-"), province)
    words = squash_spaces(text).strip(" ,.;:-").split(" ")
    head = _board_head([fold(w) for w in words]) or 0
    rest = " ".join(words[head:])
    if rest.isupper():
        rest = rest.lower()
    place = f"{province_kind(prov)} {prov}" if prov else ""
    level = re.search(r"(?<!\w)(?:tỉnh|thành phố)(?=\s+về\b|$)", rest)
    if level and place:
        rest = f"{rest[:level.start()]}{place}{rest[level.end():]}"
    elif place:
        rest = f"{rest} {place}"
    return squash_spaces(f"Ban Chỉ đạo {rest}")


# How a citation names its issuer: "… của Ban Chỉ đạo …" (folded).
_CITED_BOARD = re.compile(r"\bcua\s+(?=(?:ban chi dao|bcd)\b)")
# Where a citation's issuer ends at the latest: the next document cited (folded).
_NEXT_CITATION = re.compile(
    r"\s(?:va\s+)?(?:ke hoach|nghi quyet|quyet dinh|chi thi|ket luan|chuong trinh|cong van"
    r"|thong bao|huong dan|de an)\s+(?:so\s*:?\s*)?\d")
# A committee's level ending its name: "… tỉnh", "… thành phố", not "Tỉnh ủy" (lower-case).
_LEVEL_WORD = re.compile(r"(?<!\w)(?:tỉnh|thành phố)(?!\w)(?!\s+(?:ủy|uỷ))")
# What may follow the level word ending a committee's name: nothing, "về …", a comma.
_AFTER_LEVEL = re.compile(r"\s*(?:$|về\s|[,(])")
# What follows a committee's name when no level word ends it (folded).
_AFTER_NAME = re.compile(r"\s(?:ve|ngay|nam\s+\d)\b|\(")
# Where the words after "về" end (folded).
_REMIT_END = re.compile(r"\s(?:ngay|nam\s+\d)|\(")


def _issuer_end(text: str, folded: str, start: int) -> int:
    """Where the issuer named from ``start`` ends: at a semicolon, the next document
    cited, or a comma opening a new clause (", Sở Khoa học …")."""
    end = len(text)
    semicolon = text.find(";", start)
    if semicolon >= 0:
        end = semicolon
    citation = _NEXT_CITATION.search(folded, start, end)
    if citation:
        end = citation.start()
    for comma in re.finditer(r",\s*(\S)", text[start:end]):
        if comma.group(1).isupper():
            return start + comma.start()
    return end


@lru_cache(maxsize=65536)
def cited_committee(quote: str, key: str | None = None) -> tuple[str, str | None] | None:
    """The steering committee a citation names after "của": (its name as cited, the words
    after "về" that may be its remit or the cited document's subject); None when the
    citation names no steering committee.

    "Kế hoạch số 12/KH-BCĐ … của Ban Chỉ đạo 389 tỉnh, …" → ("Ban Chỉ đạo 389 tỉnh",
    None); "… của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ" → ("Ban Chỉ đạo
    tỉnh", "phát triển khoa học, công nghệ").
    """
    text = nfc(quote)
    folded = fold_aligned(text)
    start = 0
    number = re.match(r"\d+", norm_key(key)) if key else None
    if number:
        at = re.search(rf"(?<!\d){number.group(0)}\s*[-/]", folded)
        start = at.end() if at else 0
    found = _CITED_BOARD.search(folded, start)
    if found is None:
        return None
    begin = found.end()
    end = _issuer_end(text, folded, begin)
    segment = text[begin:end]
    level, stop = None, end
    for found_level in _LEVEL_WORD.finditer(segment.lower()):
        named = [m for m in find_provinces(segment, require_case=False)
                 if m.prefixed and m.start == found_level.start()]
        if named or _AFTER_LEVEL.match(segment.lower(), found_level.end()):
            level = found_level  # "… tỉnh", "… tỉnh Gia Lai", not "… thành phố thông minh"
            stop = begin + (named[0].end if named else found_level.end())
            break
    if level is None:
        after = _AFTER_NAME.search(folded, begin, end)
        stop = after.start() if after else end
    name = text[begin:stop].strip(" ,.;:")
    rest = text[stop:end].strip(" ,.;:")
    about = re.match(r"(?i)về\s+", rest)
    remit = None
    if about:
        cut = _REMIT_END.search(fold_aligned(rest), about.end())
        remit = rest[about.end():cut.start() if cut else None].strip(" ,.;:") or None
    return name, remit


# --- units, kinds, topics, tasks ------------------------------------------------


@lru_cache(maxsize=65536)
def unit_slug(name: str) -> str:
    """One slug per organisation however it is spelled ("Trung tâm KH&CN" = its full name)."""
    return slug(compact(canonical_unit_name(name) or name))


def unit_id(scope: str, org_slug: str, unit: str) -> str:
    """``unit:<province>:<organisation>:<unit>``."""
    return f"unit:{scope}:{org_slug}:{unit}"


@lru_cache(maxsize=65536)
def unitkind_id(kind: str) -> str:
    return f"unitkind:{slug(kind)}"


def topic_id(topic: str) -> str:
    return topic if topic.startswith("topic:") else f"topic:{topic}"


def task_id(doc_id: str, local_id: str) -> str:
    """``task:<plan node id>#<task id within the plan>``."""
    return f"task:{doc_id}#{local_id}"


def year_of(date: str | None) -> int | None:
    """The year of an ISO (possibly partial) date."""
    return _year(date)


def edge_key_identity(key: Any) -> str:
    """An edge key as the graph tells keys apart (``1``, ``1.0`` and ``True`` are one key,
    ``1`` and ``"1"`` two)."""
    if isinstance(key, str):
        return "s" + key
    if isinstance(key, bool | int | float):
        number = float(key)
        return "n" + (str(int(number)) if number.is_integer() else repr(number))
    return "j" + json.dumps(key, ensure_ascii=False, sort_keys=True, default=str)


BatchEdges = dict[tuple[str, str, str], tuple[str, dict[str, Any]]]


def merge_batch(nodes: Iterable[Any], edges: Iterable[Any], key_text: Callable[[Any], str],
                error: type[Exception]) -> tuple[dict[str, dict[str, Any]], BatchEdges]:
    """One batch of a graph's items (``[id, attrs]``, ``[source, target, key, attrs]``)
    merged as the whole graph merges them: nodes by id, edges by (source, target,
    :func:`edge_key_identity`), a later attribute value winning and the first key seen
    kept (as ``key_text`` writes it). Attributes that are not a mapping raise ``error``;
    the attributes given are not changed."""
    batch_nodes: dict[str, dict[str, Any]] = {}
    for n, attrs in nodes:
        if type(attrs) is not dict:
            raise error(f"attributes of node {n!r} are not a mapping")
        old = batch_nodes.get(str(n))
        if old is None:
            batch_nodes[str(n)] = dict(attrs)
        else:
            old.update(attrs)
    batch_edges: BatchEdges = {}
    for u, v, key, attrs in edges:
        if type(attrs) is not dict:
            raise error(f"attributes of edge {u!r} → {v!r} are not a mapping")
        ident = (str(u), str(v), edge_key_identity(key))
        seen = batch_edges.get(ident)
        if seen is None:
            batch_edges[ident] = (key_text(key), dict(attrs))
        else:
            seen[1].update(attrs)
    return batch_nodes, batch_edges
