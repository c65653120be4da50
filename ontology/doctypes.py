"""Document types and document numbers ("số, ký hiệu").

A reference is written ``number/TYPE-ISSUER`` (state documents, Decree
30/2020/NĐ-CP) or ``number-TYPE/ISSUER`` (Party, mass organisations, steering
committees); texts mis-format both ("36/NQ-TW", "36 - NQ/TW", "30-Ctr/TU").
:func:`normalise_key` turns every variant into one canonical key so that a
document cited in different plans is one document. Type words ("Nghị quyết",
"Chương trình hành động" …) are matched on :func:`~policykg.ontology.normalize.fold`
forms, so text typed without diacritics or with old tone placement matches too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ontology.issuers import is_party_code, issuer_code, issuer_scope_of_code
from policykg.ontology.normalize import fold, nfc

__all__ = [
    "DocType", "DOCTYPES", "ParsedKey", "doctype", "doctype_from_code", "doctype_from_word",
    "type_word_pattern", "normalise_key", "parse_key", "issuer_scope", "written_type",
    "symbol_code", "SHARED_CODES",
]

_RT = "http://publications.europa.eu/resource/authority/resource-type/"


@dataclass(frozen=True)
class DocType:
    """One document type: its code as printed in symbols, names and the words that introduce it."""

    code: str
    name_vi: str
    name_en: str
    words: tuple[str, ...]  # introducing words, as written; matched on fold()
    eli_type: str | None = None  # EU resource-type IRI where one fits


DOCTYPES: tuple[DocType, ...] = (
    DocType("NQ", "Nghị quyết", "Resolution", ("Nghị quyết",), _RT + "RES"),
    DocType("KL", "Kết luận", "Conclusion", ("Kết luận",)),
    DocType("QĐ", "Quyết định", "Decision", ("Quyết định",), _RT + "DEC"),
    DocType("CT", "Chỉ thị", "Directive", ("Chỉ thị",), _RT + "DIR"),
    DocType("KH", "Kế hoạch", "Plan", ("Kế hoạch",)),
    DocType("CTr", "Chương trình", "Programme",
            ("Chương trình hành động", "Chương trình phối hợp", "Chương trình công tác",
             "Chương trình")),
    DocType("TB", "Thông báo", "Notice", ("Thông báo kết luận", "Thông báo")),
    DocType("HD", "Hướng dẫn", "Guidance", ("Hướng dẫn",)),
    DocType("CV", "Công văn", "Official letter", ("Công văn", "Văn bản")),
    DocType("CĐ", "Công điện", "Official dispatch", ("Công điện",)),
    DocType("NĐ", "Nghị định", "Decree", ("Nghị định",)),
    DocType("TT", "Thông tư", "Circular", ("Thông tư liên tịch", "Thông tư")),
    DocType("BC", "Báo cáo", "Report", ("Báo cáo",)),
    DocType("TTr", "Tờ trình", "Submission", ("Tờ trình",)),
    DocType("ĐA", "Đề án", "Scheme", ("Đề án",)),
    DocType("QC", "Quy chế", "Regulation (internal rules)", ("Quy chế phối hợp", "Quy chế")),
    DocType("QyĐ", "Quy định", "Regulation", ("Quy định",)),
    DocType("L", "Luật", "Law", ("Bộ luật", "Luật")),
)

_BY_CODE: dict[str, DocType] = {}
for _dt in DOCTYPES:
    _BY_CODE.setdefault(fold(_dt.code), _dt)

# Introducing words, longest first so "Chương trình hành động" wins over "Chương trình".
_WORDS: list[tuple[str, DocType]] = sorted(
    ((fold(w), dt) for dt in DOCTYPES for w in dt.words), key=lambda p: -len(p[0])
)

# Codes under which another type is numbered too: the Party writes "QĐ" for its Quy định
# ("232-QĐ/TW") as for its Quyết định ("99-QĐ/TW"); the word before the number tells which.
SHARED_CODES: dict[str, tuple[str, ...]] = {"QĐ": ("QyĐ",)}

# Type codes that may carry a joint-document suffix: "CTrPHKH" (programme of
# coordination), "KHPH", "NQLT" (liên tịch = joint).
_COMPOUND_SUFFIX = ("ph", "lt")


def doctype(code: str | None) -> DocType | None:
    """The :class:`DocType` for a type code in any case (``"ctr"`` → CTr)."""
    return _BY_CODE.get(fold(code)) if code else None


def doctype_from_code(part: str) -> str | None:
    """The canonical type code a symbol part stands for, or None.

    ``"Ctr"`` → ``"CTr"``, ``"QD"`` → ``"QĐ"``, ``"CTrPHKH"`` → ``"CTr"``.
    ``"TTg"`` is an issuer, not a circular: codes match exactly unless followed
    by a joint-document suffix.
    """
    folded = fold(part)
    dt = _BY_CODE.get(folded)
    if dt is not None and dt.words:
        return dt.code
    for code in sorted(_BY_CODE, key=len, reverse=True):
        if folded.startswith(code) and folded[len(code):].startswith(_COMPOUND_SUFFIX):
            if _BY_CODE[code].words:
                return _BY_CODE[code].code
    return None


def doctype_from_word(text: str) -> str | None:
    """The type code of the document word ``text`` starts with, or None.

    ``"Chương trình hành động của Tỉnh ủy"`` → ``"CTr"``; ``"nghi quyet 36"`` →
    ``"NQ"``; an abbreviation used as a word (``"QĐ số 351"``, ``"NQ 36"``) too.
    """
    folded = fold(text)
    for word, dt in _WORDS:
        if folded == word or folded.startswith(word + " "):
            return dt.code
    head = folded.split(" ", 1)[0] if folded else ""
    dt = _BY_CODE.get(head)
    return dt.code if dt is not None and dt.words else None


def written_type(code_type: str | None, word_type: str | None) -> str | None:
    """The type of a cited document: its symbol's, unless that code is shared with the type
    its introducing word names ("Quy định số 232-QĐ/TW" → ``"QyĐ"``)."""
    if code_type is None:
        return word_type
    return word_type if word_type in SHARED_CODES.get(code_type, ()) else code_type


def symbol_code(doctype_code: str) -> str:
    """The code a type is numbered under in symbols: ``"QyĐ"`` → ``"QĐ"`` ("232-QĐ/TW")."""
    return next((code for code, shared in SHARED_CODES.items() if doctype_code in shared),
                doctype_code)


def type_word_pattern() -> str:
    """A regex alternation of every introducing word and code, for folded text."""
    words = [re.escape(w) for w, _ in _WORDS]
    codes = sorted({re.escape(fold(dt.code)) for dt in DOCTYPES if dt.words and len(dt.code) > 1},
                   key=len, reverse=True)
    return "|".join(words + codes)


@dataclass(frozen=True)
class ParsedKey:
    """A document number read apart: ``36``, year, type code, issuer parts."""

    number: str
    year: str | None
    doctype: str | None  # canonical type code, None for a letter ("1855/SNNPTNT-VPNTM")
    type_part: str | None  # the type part as normalised ("CTrPHKH")
    issuers: tuple[str, ...]  # issuer parts ("SKHCN", "HND")
    party: bool  # hyphen style: number-TYPE/ISSUER

    @property
    def symbol(self) -> str:
        """The symbol without the number: ``"NQ/TW"``, ``"KH-UBND"``, ``"SNNPTNT-VPNTM"``."""
        issuer = "-".join(self.issuers)
        if self.type_part is None:
            return issuer
        if not issuer:
            return self.type_part
        return f"{self.type_part}/{issuer}" if self.party else f"{self.type_part}-{issuer}"

    @property
    def key(self) -> str:
        """The canonical key: ``"36-NQ/TW"``, ``"40/2024/QĐ-UBND"``, ``"1855/SNNPTNT-VPNTM"``."""
        if self.party and self.type_part is not None:
            year = f"/{self.year}" if self.year else ""
            return f"{self.number}{year}-{self.symbol}"
        year = f"{self.year}/" if self.year else ""
        return f"{self.number}/{year}{self.symbol}"


_SPLIT = re.compile(r"\s*[-/–—]\s*")
_NUMBER = re.compile(r"^\s*(\d{1,6})\s*[-/–—]\s*(?:((?:19|20)\d{2})\s*/\s*)?(.+?)\s*$")


def _norm_issuer_part(part: str) -> str:
    """Canonical spelling of one issuer part: known codes as listed, others upper-case."""
    code = issuer_code(part)
    if code is not None:
        return code
    return part.upper() if not any(c.islower() for c in part[1:]) or len(part) <= 1 else part


def parse_key(raw: str) -> ParsedKey | None:
    """Read a number/symbol in any common spelling; None when it is not one."""
    text = nfc(raw).replace("\n", " ")
    m = _NUMBER.match(text)
    if not m:
        return None
    number, year, symbol = m.group(1), m.group(2), m.group(3)
    parts = [p for p in _SPLIT.split(symbol) if p]
    if not parts:
        return None
    type_code = doctype_from_code(parts[0])
    if type_code is not None:
        first = parts[0]
        folded = fold(first)
        suffix = first[len(type_code):] if len(folded) > len(fold(type_code)) else ""
        type_part = type_code + suffix.upper()
        issuers = tuple(_norm_issuer_part(p) for p in parts[1:])
    else:
        type_part = None
        issuers = tuple(_norm_issuer_part(p) for p in parts)
    if issuers:
        party = is_party_code(issuers[0])
        if party is None:  # unknown issuer: keep the style the text used
            party = bool(re.match(r"^\s*\d+\s*-", text)) and type_part is not None
    else:
        party = bool(re.match(r"^\s*\d+\s*-", text))
    return ParsedKey(number, year, type_code, type_part, issuers,
                     bool(party) and type_part is not None)


def normalise_key(raw: str) -> str:
    """The canonical key of a number/symbol; ``raw`` stripped when it is not one.

    >>> normalise_key("36/NQ-TW"), normalise_key("30-Ctr/TU"), normalise_key("145/QĐ-UBND")
    ('36-NQ/TW', '30-CTr/TU', '145/QĐ-UBND')
    """
    parsed = parse_key(raw)
    return parsed.key if parsed else nfc(raw).strip()


def issuer_scope(symbol: str) -> str:
    """``"central"`` or ``"local"`` for a symbol or key (``"NQ/TW"``, ``"145/QĐ-UBND"``).

    The first issuer part decides: ``TW``, ``TTg``, ``CP``, ministries ``B…``
    are central; ``UBND``, ``TU``, departments ``S…``, ``BCĐ``, ``HND`` local.
    """
    text = symbol if re.match(r"^\s*\d", symbol) else "0/" + symbol
    parsed = parse_key(text)
    if parsed is None or not parsed.issuers:
        return "local"
    return issuer_scope_of_code(parsed.issuers[0])
