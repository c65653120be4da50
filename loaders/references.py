"""References to other documents and the implements-chains between them.

Every citation of a numbered document ("Nghị quyết số 36-NQ/TW, ngày 30/01/2023
của Bộ Chính trị về …") is read with its date, issuer, subject and short name;
an unnumbered document is read when the text says something implements it or
the title names it ("… thực hiện Chương trình hành động của Tỉnh ủy thực hiện
Nghị quyết số 36-NQ/TW"). Citations of one document become one
:class:`DocRef` with the plan's strongest relation to it (implements > basis >
mentions). Links between cited documents are read within one clause: "A …
thực hiện B … thực hiện C" gives A→B and B→C; "A … về kiểm tra kết quả thực
hiện B" does not (checking results is not carrying out).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from policykg.loaders.charmap import fold_aligned
from policykg.loaders.metadata import appendix_start, find_title, opening_range, parse_date
from policykg.loaders.model import DocLink, DocRef, Line, Plan, Span
from policykg.ontology.doctypes import (
    doctype_from_word,
    parse_key,
    symbol_code,
    type_word_pattern,
    written_type,
)
from policykg.ontology.issuers import (
    IssuerMatch,
    issuer_code,
    issuer_scope_of_code,
    local_area,
    match_issuer,
    own_book,
    province_on,
)
from policykg.ontology.normalize import fold, is_nfc, nfc, squash_spaces
from policykg.ontology.provinces import (
    committee_pattern,
    find_districts,
    find_provinces,
    level_pattern,
    level_words,
    province,
    short_levels,
)

__all__ = ["read_references", "IMPLEMENT_VERBS", "NOT_IMPLEMENTING"]

_STRENGTH = {"implements": 3, "basis": 2, "mentions": 1}
_QUOTE_MAX = 300

# Verbs that mean "carries out" when they directly govern the cited document.
IMPLEMENT_VERBS = (
    "thuc hien", "trien khai", "trien khai thuc hien", "to chuc thuc hien",
    "tang cuong trien khai", "tiep tuc trien khai", "tiep tuc thuc hien", "cu the hoa",
    "cu the hoa viec thuc hien", "quan triet va trien khai", "quan triet", "theo tinh than",
)
# Words before such a verb that turn it into something else: checking,
# reporting or reviewing the implementation of a document is not implementing it.
NOT_IMPLEMENTING = (
    "ket qua", "kiem tra", "tinh hinh", "so ket", "tong ket", "danh gia", "bao cao",
    "giam sat", "theo doi", "du kien", "thoi gian",
)
# Openings of a preamble clause that make its documents the plan's basis.
_BASIS_OPENERS = ("can cu", "tren co so", "theo", "xet")
_IMPLEMENT_OPENERS = (
    "thuc hien", "trien khai", "tiep tuc trien khai", "tiep tuc thuc hien", "de trien khai",
    "de thuc hien", "nham trien khai", "nham thuc hien", "cu the hoa", "tang cuong trien khai",
    "quan triet", "theo tinh than",
)

_SEP = r"[ \t]*[-/–][ \t]*\n?[ \t]*"
_PART = r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*(?![^\W_])"
# The number's first digit comes first and the "not after a word, '/', '.', ':' or '-'" test
# right after it (a two-character look-behind): a pattern that opens with a character class
# lets the regex engine skip to the next digit instead of trying every position.
_KEY = re.compile(
    rf"(\d(?<![\w/.:\-]\d)\d{{0,4}})(?:{_SEP}((?:19|20)\d{{2}}))?{_SEP}"
    rf"({_PART}(?:{_SEP}{_PART})*)"
)
_PART_RE = re.compile(_PART)


def _at_word_start(alternation: str) -> str:
    r"""``alternation`` (escaped words, "|"-separated) matched only where a word starts.

    Equal to ``(?<![\w])(?:alternation)``, written as one branch per first letter with the
    look-behind after that letter: a pattern that opens with literal letters lets the regex
    engine skip every position holding another character instead of trying them all.
    Branches keep their order within a letter, so the same word wins.
    """
    by_letter: dict[str, list[str]] = {}
    for word in re.split(r"(?<!\\)\|", alternation):
        if not word[:1].isalnum():
            return rf"(?<![\w])(?:{alternation})"
        by_letter.setdefault(word[0], []).append(word[1:])
    return "|".join(rf"{letter}(?<![\w].)(?:{'|'.join(rests)})"
                    for letter, rests in by_letter.items())


_INTRO = re.compile(
    rf"(?<![\w])(?P<word>{type_word_pattern()})(?:\s+(?:lien tich|hanh dong|phoi hop))?"
    r"\s*(?:so\s*:?|so:)?\s*$"
)
_SO_ONLY = re.compile(r"(?<![\w])so\s*:?\s*$")
_VERB_ALT = "|".join(sorted((re.escape(v) for v in IMPLEMENT_VERBS), key=len, reverse=True))
# The directive or task a document carries, between the verb and the document: "Thực hiện ý
# kiến chỉ đạo của UBND tỉnh tại Văn bản số …", "Triển khai nhiệm vụ được giao tại Quyết định
# số …" carry out that document (folded; the group is the issuer the words name).
_DIRECTED_AT = (r"\s+(?:y kien\s+)?(?:chi dao|ket luan|nhiem vu(?:\s+duoc giao)?|yeu cau)"
                r"(?:\s+cua\s+(?P<by>[^,;.\n]{2,60}?))?\s+tai")
# "Thực hiện các Nghị quyết số …", "Quán triệt tinh thần Nghị quyết …": the verb governs the
# documents through a plural or "the spirit of".
_VERB_END = re.compile(rf"(?<![\w])(?:{_VERB_ALT})(?:\s+(?:viec|co hieu qua|tot)|{_DIRECTED_AT})?"
                       r"(?:\s+(?:cac|tinh than))?\s*$")
# Documents named by type and issuer: "Chương trình hành động của Tỉnh ủy".
_UNNUMBERED_WORDS = (
    "nghi quyet", "ket luan", "chi thi", "quyet dinh", "chuong trinh hanh dong", "chuong trinh",
    "ke hoach", "de an", "thong bao ket luan", "huong dan",
)
_UNNUMBERED = re.compile(r"(?<![\w])(?P<word>" + "|".join(_UNNUMBERED_WORDS) + r")\s+cua\s+")
_CUA = re.compile(r"cua(?<=\scua)(?=\s)")
_UNNUMBERED_LENGTHS = sorted({len(word) for word in _UNNUMBERED_WORDS})


def _unnumbered_matches(folded: str) -> Iterator[re.Match[str]]:
    """What ``_UNNUMBERED.finditer(folded)`` gives, trying only where a match can start.

    "của" is rare and found at C speed; a match ends its type word where the spaces before
    "cua" begin, so it can only start a word's length before that.
    """
    pos = 0
    for cua in _CUA.finditer(folded):
        word_end = cua.start() - 1
        while word_end > 0 and folded[word_end - 1].isspace():
            word_end -= 1
        for length in reversed(_UNNUMBERED_LENGTHS):  # leftmost start first
            start = word_end - length
            if start < pos:
                continue
            m = _UNNUMBERED.match(folded, start)
            if m:
                yield m
                pos = m.end()
                break
_SHORT_NAME = re.compile(
    r"\(\s*(?:sau day\s+)?(?:duoc\s+)?(?:goi tat la|goi la|viet tat la)\s*:?\s*([^)]{2,80})\)"
)
_DATE_AT = re.compile(
    r"\s*,?\s*(?:ban hanh\s+)?ngay\s+(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}"
    r"|\d{0,2}\s*thang\s*\d{0,2}\s*,?\s*nam\s*(?:19|20)\d{2})"
)
# "của UBND tỉnh", "do Sở … ban hành", a joint document's "giữa Sở … và Hội Nông dân tỉnh".
_OF = re.compile(r"\s*,?\s*(?:cua|do|giua)\s+")
_SUBJECT_START = re.compile(r"(?<![\w])(?:(?:ve viec|ve|phe duyet|ban hanh|quy dinh)\s|sua doi\b)")
_ANNOUNCE = re.compile(
    r"(?:xay dung|lap|ban hanh)\s+(?:ke hoach|chuong trinh|de an)(?!\s+so)(?![\w])"
)
# A "." ends a clause when a space or the end follows it, except after a level's abbreviation
# ("TP. Hà Nội", "TX. An Khê"). Each branch opens with its character, so the regex engine skips
# straight to candidates.
_ABBREVIATED_LEVEL = "".join(rf"(?<!{a}\.)" for s in short_levels()
                             for a in (s.upper(), s.capitalize()))
_CLAUSE_END = re.compile(rf";|\.{_ABBREVIATED_LEVEL}(?=\s|$)|\n")


@dataclass
class _Cite:
    """One citation of a document in the text."""

    start: int  # where the citation starts (its type word, or the number)
    key_start: int
    end: int  # end of number/symbol (or of the issuer, for an unnumbered one)
    tail_end: int  # end of date / issuer read after it
    key: str | None
    number: str | None
    symbol: str | None
    doctype: str | None
    key_issuer: str | None  # first issuer code of the symbol
    date: str | None = None
    issuer: str | None = None
    issuer_match: IssuerMatch | None = None
    issuer_province: str | None = None
    subject: str | None = None
    short_name: str | None = None
    relation: str = "mentions"
    group: int = -1  # index of the DocRef it becomes
    absorbed: bool = False


@dataclass
class _Stream:
    """The plan's lines as one text, with a map from offsets back to lines."""

    text: str
    folded: str
    offsets: list[int]
    lines: list[Line]
    bounds: list[int] | None = None  # positions of clause ends

    def line_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.offsets, pos) - 1)

    def clause(self, pos: int) -> tuple[int, int]:
        """Bounds of the clause (between ";", ". " and line ends) around ``pos``."""
        if self.bounds is None:
            self.bounds = [m.start() for m in _CLAUSE_END.finditer(self.text)]
        i = bisect.bisect_left(self.bounds, pos)
        start = self.bounds[i - 1] + 1 if i > 0 else 0
        end = self.bounds[i] if i < len(self.bounds) else len(self.text)
        return start, end


def _build_stream(lines: list[Line], join_from: int | None, join_to: int | None) -> _Stream:
    """One text of all lines, each ended by "\n" (" " inside the title, lines
    ``join_from`` to ``join_to``), NFC so that positions in it and in its fold agree."""
    texts = [line.text for line in lines]
    if not is_nfc("\n".join(texts)):  # rare: lines not from clean_lines
        texts = [nfc(text) for text in texts]
    ends = ["\n"] * len(texts)
    if join_from is not None and join_to is not None:
        for i in range(max(0, join_from), min(join_to, len(texts))):
            ends[i] = " "
    offsets = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0)) if texts else []
    text = "".join([part + end for part, end in zip(texts, ends, strict=True)])
    return _Stream(text, fold_aligned(text), offsets, lines)


_TWO_LOWER = re.compile(r"[a-zđ]{2}")
_CAPITAL = re.compile(r"[A-ZĐ]")


def _valid_parts(match_text: str) -> int | None:
    """Length of the number/symbol in ``match_text`` once trailing words are cut off.

    Symbol parts are codes ("NQ", "TW", "CTrPHKH", "TTg"); a part with two
    lower-case letters in a row is a word ("Ban", "Bộ") and ends the symbol,
    except a mis-cased type code in first place ("Ctr").
    """
    parts = list(_PART_RE.finditer(match_text))
    kept_end = None
    for idx, part in enumerate(parts):
        word = part.group(0)
        wordy = _TWO_LOWER.search(word) is not None
        if wordy and not (idx == 0 and doctype_from_word(word) and len(word) <= 4):
            if idx == 0:
                return None
            break
        kept_end = part.end()
    if kept_end is None:
        return None
    if not _CAPITAL.search(match_text[:kept_end]):
        return None
    return kept_end


_PUNCT_BEFORE = re.compile(r"[,;:]")
_SUBJECT_END = re.compile(r"[;()]|\.(?=\s|$)|\n")
_COMMA = re.compile(r",\s+")
_LINE_OR_SEMICOLON = re.compile(r"[;\n]")


def _read_tail(stream: _Stream, cite: _Cite, limit: int, clause_end: int,
               wrap_end: int | None = None) -> None:
    """Date, issuer, subject and short name written after a citation.

    Date and issuer are read up to the next citation (``limit``); a subject
    that starts before it runs to the end of the clause, so "về kiểm tra kết
    quả thực hiện Kết luận số 61-KL/TW …" keeps the document it is about.
    """
    text, folded = stream.text, stream.folded
    pos = cite.end
    for _ in range(3):
        m = _DATE_AT.match(folded, pos, limit)
        if m and cite.date is None:
            cite.date = parse_date(text[m.start():m.end()])
            pos = m.end()
            continue
        m = _OF.match(folded, pos, limit)
        if m is None and wrap_end is not None and wrap_end > limit:
            m = _OF.match(folded, pos, wrap_end)  # "… của" / "UBND tỉnh …" on the next line
            m = m if m is not None and m.end() > limit else None
        if m and cite.issuer is None:
            found = match_issuer(text[m.end():limit])
            end = m.end() + len(found.text) if found is not None else m.end()
            reach = limit
            if wrap_end is not None and wrap_end > limit:
                # "của Bộ" / "Chính trị", "của UBND tỉnh" / "Đồng Nai": the name and its
                # province go on over the line break.
                reach = wrap_end
                joined = match_issuer(text[m.end():wrap_end].replace("\n", " "))
                if joined is not None and m.end() + len(joined.text) > end:
                    found, end = joined, m.end() + len(joined.text)
            if found is not None:
                end = _extend_with_province(stream, cite, end, reach)
                end = _joint_issuers(stream, cite, end, reach)
                cite.issuer = squash_spaces(text[m.end():end])
                cite.issuer_match = found
                pos = end
                if pos > limit:  # read on, on the next line
                    limit = clause_end = reach
                continue
        if cite.issuer is None and cite.date is not None:
            # "… ngày 22/12/2024 Bộ Chính trị về …": a central issuer without "của".
            stripped = len(text[pos:limit]) - len(text[pos:limit].lstrip())
            found = match_issuer(text[pos + stripped:limit])
            if found is not None and found.scope == "central":
                cite.issuer = found.text
                cite.issuer_match = found
                pos = pos + stripped + len(found.text)
                continue
        break
    cite.tail_end = pos
    rest_f = folded[pos:limit]
    m = _SUBJECT_START.search(rest_f[:60])
    if m and _PUNCT_BEFORE.search(rest_f[:m.start()]):
        m = None  # "… của Chính phủ, Ủy ban nhân dân tỉnh ban hành …" is another sentence part
    if m:
        start = pos + m.start()
        end = max(limit, clause_end)
        cut = _SUBJECT_END.search(text[start:end])
        if cut:
            end = start + cut.start()
        after_comma = _COMMA.finditer(text[start:end])
        for c in after_comma:
            if match_issuer(text[start + c.end():end]) is not None:
                end = start + c.start()
                break
        subject = squash_spaces(text[start:end]).strip(" ,")
        if len(subject) > 200:
            subject = subject[:199].rsplit(" ", 1)[0] + "…"
        cite.subject = subject or None
    m = _SHORT_NAME.search(folded, pos, min(len(text), limit + 120))
    if m and not _LINE_OR_SEMICOLON.search(text[pos:m.start()]):
        cite.short_name = squash_spaces(text[m.start(1):m.end(1)])


# A level word after an issuer's name ("UBND tỉnh", "UBND xã Cát Tiến", "UBND TP. Quy Nhơn"),
# not a word that folds alike ("… Sở Tài chính quản lý").
_AREA_WORD = re.compile(rf"\s+{level_pattern(place_expected=True, short=True)}(?![^\W_])")
_COMMUNE_LEVELS = frozenset(level_words("commune"))
# A Party committee named after its province with no "tỉnh" between: "Tỉnh ủy Phú Yên".
_PROVINCE_COMMITTEE = re.compile(r"(?:tinh|thanh) uy$")
# The name of a district or commune after its level word: "huyện Tuy Phước", "xã Cát Tiến".
_PLACE_NAME = re.compile(r"(?:[ \t]+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d{1,2}(?![\w/])))+")


# "của Sở Khoa học và Công nghệ và Hội Nông dân tỉnh": the next issuer of a joint document.
_NEXT_ISSUER = re.compile(r"\s*(?:,|\bva\b|[-–])\s*")


def _joint_issuers(stream: _Stream, cite: _Cite, end: int, limit: int) -> int:
    """The end of the issuers of a joint document ("…/KH-SKHCN-HND"): each body its symbol
    names after the first, joined by "và", "-" or ",", with its province; a part that names
    no body written there (a drafting office) ends it."""
    parsed = parse_key("0/" + cite.symbol) if cite.symbol else None
    if parsed is None or parsed.doctype is None:  # a letter's "SNNPTNT-VPNTM": one issuer
        return end
    for part in parsed.issuers[1:]:
        m = _NEXT_ISSUER.match(stream.folded, end, limit)
        found = match_issuer(stream.text[m.end():limit]) if m is not None else None
        if found is None or fold(found.code) != fold(part):  # "…/TWĐTN-VP": VP drafted it
            break
        end = _extend_with_province(stream, cite, m.end() + len(found.text), limit)
    return end


def _extend_with_province(stream: _Stream, cite: _Cite, end: int, limit: int) -> int:
    """Take "tỉnh", "tỉnh Lạng Sơn", "thành phố …", "huyện …" after an issuer's name into it.

    The province of a district named before the 2025 merger is the one it belonged to then
    ("UBND thành phố Quy Nhơn (cũ)" → Bình Định), as for "Tỉnh ủy Phú Yên (cũ)"."""
    text = stream.text
    window = text[end:min(limit, end + 60)]
    found = find_provinces(window, require_case=False)
    if found and found[0].prefixed and found[0].start <= 1:
        cite.issuer_province = found[0].province.name
        return end + found[0].end
    if _PROVINCE_COMMITTEE.search(stream.folded, max(0, end - 8), end):
        bare = [f for f in find_provinces(window) if not f.prefixed]
        if bare and bare[0].start <= 1:
            cite.issuer_province = bare[0].province.name
            return end + bare[0].end
    m = _AREA_WORD.match(stream.folded[end:end + 60])
    if m:
        end += m.end()
        level = m.group(0).strip()
        if level != "tinh":
            end = _extend_with_place(stream, cite, end, limit, level not in _COMMUNE_LEVELS)
            end = _province_after_place(stream, cite, end, limit)
    elif _DISTRICT_COMMITTEE.search(stream.folded, max(0, end - 10), end):
        end = _extend_with_place(stream, cite, end, limit, True)  # "Huyện ủy Đức Trọng"
        end = _province_after_place(stream, cite, end, limit)
    return end


def _province_after_place(stream: _Stream, cite: _Cite, end: int, limit: int) -> int:
    """Take the province written after a commune's or district's name ("UBND xã Hiệp
    Thạnh, tỉnh Lâm Đồng") into the issuer's name: the document is that province's."""
    window = stream.text[end:min(limit, end + 50)]
    found = find_provinces(window, require_case=False)
    if found and found[0].prefixed and not window[:found[0].start].strip(" ,"):
        cite.issuer_province = found[0].province.name
        return end + found[0].end
    return end


# A district's Party committee ending an issuer's name (folded): "Ban Thường vụ Huyện ủy".
_DISTRICT_COMMITTEE = re.compile(rf"(?<![\w]){committee_pattern('district')}$")


def _extend_with_place(stream: _Stream, cite: _Cite, end: int, limit: int,
                       district: bool) -> int:
    """Take the name of the district or commune at ``end`` into the issuer's name.

    Districts were abolished in July 2025, so a district's document is of the province it
    was in; a commune may bear an old district's name in its new one."""
    text = stream.text
    name = _PLACE_NAME.match(text, end, min(limit, end + 40))
    if not name:
        return end
    districts = find_districts(text[end:name.end()]) if district else []
    if len({d[1].name for d in districts}) == 1:
        cite.issuer_province = districts[0][1].name
    return name.end()


def _find_numbered(stream: _Stream, skip: list[tuple[int, int]]) -> list[_Cite]:
    cites: list[_Cite] = []
    for m in _KEY.finditer(stream.text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        kept = _valid_parts(m.group(0))
        if kept is None:
            continue
        raw = m.group(0)[:kept]
        parsed = parse_key(raw.replace("\n", ""))
        if parsed is None:
            continue
        key_start = m.start()
        end = m.start() + kept
        before = stream.folded[max(0, key_start - 60):key_start]
        intro = _INTRO.search(before)
        word_type = None
        start = key_start
        if intro:
            start = key_start - len(before) + intro.start()
            word_type = doctype_from_word(intro.group("word"))
        elif _SO_ONLY.search(before):
            start = key_start - len(before) + _SO_ONLY.search(before).start()
        if intro is None and parsed.doctype is None and issuer_code(parsed.issuers[0]
                                                                   if parsed.issuers else "") \
                is None and not _SO_ONLY.search(before):
            continue  # a bare "12/ABC" with nothing saying it is a document
        doctype = written_type(parsed.doctype, word_type)
        subject = None
        if doctype is None and parsed.issuers and fold(parsed.issuers[0]).startswith("qh"):
            # "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15": a law's name
            # stands between the word "Luật" and its number, which carries no type code.
            clause = _LINE_OR_SEMICOLON.split(stream.folded[max(0, key_start - 200):key_start])
            law = list(_LAW_WORD.finditer(clause[-1]))
            doctype = "L" if law else None
            if law:  # the law's name is what a reader knows it by: keep it as its subject
                name_start = key_start - len(clause[-1]) + law[-1].start()
                name = re.sub(r"(?i)[\s,]*(?:số)?\s*:?\s*$", "",
                              stream.text[name_start:key_start])
                subject = squash_spaces(name) if len(name) < 200 else None
        doctype = doctype or ("CV" if parsed.issuers else None)
        cites.append(_Cite(
            start=start, key_start=key_start, end=end, tail_end=end, key=parsed.key,
            number=parsed.number, symbol=parsed.symbol, doctype=doctype,
            key_issuer=parsed.issuers[0] if parsed.issuers else None, subject=subject,
        ))
    return cites


_LAW_WORD = re.compile(r"(?<![\w])(?:bo luat|luat)\s")
# A law cited by its name and year or date, without its number (folded): "Luật Khoa học, công
# nghệ và đổi mới sáng tạo năm 2025", "Luật Tổ chức chính quyền địa phương ngày 16/6/2025".
# The name holds no other law ("Luật sửa đổi … của Luật A và Luật B ngày …" is left out).
_LAW_NAMED = re.compile(
    r"(?<![\w])(?P<word>bo luat|luat)\s+(?P<name>(?:(?!(?:bo luat|luat)\s)[^;:\n()\d.]){3,150}?)"
    r"\s*,?\s*(?:(?P<dated>(?:ban hanh\s+)?ngay\s+\d)|nam\s+(?P<year>(?:19|20)\d{2})(?!\s*\d))")
_AMENDING = re.compile(r"(?<![\w])(?:sua doi|bo sung)(?![\w])")


def _find_named_laws(stream: _Stream, skip: list[tuple[int, int]],
                     taken: list[_Cite]) -> list[_Cite]:
    """Laws cited by name and year or date, kept without a key and identified by name: a
    plan's basis is often "Căn cứ Luật … năm 2025" with no number."""
    cites: list[_Cite] = []
    if "luat" not in stream.folded:
        return cites
    spans = [(c.start, c.end) for c in taken]
    for m in _LAW_NAMED.finditer(stream.folded):
        start = m.start()
        if any(a <= start < b for a, b in skip + spans) or not stream.text[start].isupper() \
                or not stream.text[m.start("name")].isupper():
            continue  # a law's name is a proper name: "Luật Đất đai", not "Luật có liên quan"
        clause_start, _ = stream.clause(start)
        before = stream.folded[clause_start:start].rstrip()
        if _AMENDING.search(before) or before.endswith((" cua", "du an")):
            continue  # a law amended by another, a part of one ("Điều 5 của Luật …"), a bill
        name_end = m.end("name")
        name = squash_spaces(stream.text[start:name_end]).rstrip(" ,")
        cite = _Cite(start=start, key_start=start, end=name_end, tail_end=name_end, key=None,
                     number=None, symbol=None, doctype="L", key_issuer=None)
        cite.subject = name
        cite.issuer_match = match_issuer("Quốc hội")
        if m.group("year"):
            cite.date = m.group("year")
            cite.end = cite.tail_end = m.end()
        cites.append(cite)
    return cites

# "Kế hoạch số     /KH-BCĐ ngày …": a cited copy whose number was left blank (on folded text).
_BLANK_NUMBER = re.compile(r"so\s*:?[ \t]*/[ \t]*(?P<sym>[a-z][a-z0-9&]*(?:[-/][a-z][a-z0-9&]*)+)"
                           r"(?![\w])")


def _find_blank_numbers(stream: _Stream, skip: list[tuple[int, int]],
                        own_symbol: str | None) -> list[_Cite]:
    """Citations of a document by type and symbol with a blank number, kept without a key and
    identified, like an unnumbered one, by type, issuer and date; not the plan's own symbol
    ("(Kèm theo Kế hoạch số    /KH-KHCN)" over its appendix)."""
    cites: list[_Cite] = []
    if "/" not in stream.text:
        return cites
    for m in _BLANK_NUMBER.finditer(stream.folded):
        start = m.start()
        if any(a <= start < b for a, b in skip) or (start and stream.folded[start - 1].isalnum()):
            continue
        intro = _INTRO.search(stream.folded[max(0, start - 60):m.start("sym")].split("/")[0])
        parsed = parse_key("0/" + stream.text[m.start("sym"):m.end("sym")])
        if intro is None or parsed is None or parsed.symbol == own_symbol:
            continue
        cites.append(_Cite(
            start=start - 60 + intro.start() if start >= 60 else intro.start(),
            key_start=m.start("sym"), end=m.end(), tail_end=m.end(), key=None, number=None,
            symbol=parsed.symbol, doctype=parsed.doctype or doctype_from_word(intro.group("word")),
            key_issuer=parsed.issuers[0] if parsed.issuers else None,
        ))
    return cites

# Each word of NOT_IMPLEMENTING, with at most one more word, ending a stretch of text.
_NOT_IMPLEMENTING_END = tuple(re.compile(rf"(?<![\w]){w}(?:\s+\w+)?\s*$")
                              for w in NOT_IMPLEMENTING)


def _verb_before(folded: str, pos: int, floor: int) -> bool:
    """True when an implement verb directly precedes ``pos`` and is not negated."""
    before = folded[max(floor, pos - 80):pos]
    m = _VERB_END.search(before)
    if not m:
        return False
    lead = before[:m.start()][-30:]
    return not any(rx.search(lead) for rx in _NOT_IMPLEMENTING_END)


# What opens a new part of the sentence right before an implement verb (folded): a comma, or
# the plan's purpose "để", "nhằm" ("Căn cứ A, thực hiện B", "Căn cứ A và để triển khai B").
_FRESH_LEAD = re.compile(r"(?:,\s*|(?:^|\s)(?:va\s+)?(?:de|nham)\s+)$")


def _fresh_verb(folded: str, pos: int, floor: int) -> bool:
    """True when the implement verb before ``pos`` starts a new part of the sentence rather
    than going on with the document cited before it: in "Căn cứ Nghị định số 13/2023/NĐ-CP
    …, thực hiện Kế hoạch số 40/KH-UBND …" the plan carries out 40, the decree does not."""
    before = folded[max(floor, pos - 80):pos]
    m = _VERB_END.search(before)
    return m is not None and _verb_before(folded, pos, floor) \
        and _FRESH_LEAD.search(before[:m.start()]) is not None


_BAN_HANH_END = re.compile(r"(?<![\w])ban hanh\s*$")


def _find_unnumbered(stream: _Stream, skip: list[tuple[int, int]], title: tuple[int, int],
                     own_codes: set[str]) -> list[_Cite]:
    cites: list[_Cite] = []
    for m in _unnumbered_matches(stream.folded):
        start = m.start()
        if any(a <= start < b for a, b in skip) or not stream.text[start].isupper():
            continue
        clause_start, _ = stream.clause(start)
        in_title = title[0] <= start < title[1]
        if not (_verb_before(stream.folded, start, clause_start) or in_title
                or _listed_in_opening_clause(stream, clause_start, start)):
            continue
        if _BAN_HANH_END.search(stream.folded[max(0, start - 20):start]):
            continue  # "189/NQ-CP … ban hành Chương trình hành động …" is 189 itself
        found = match_issuer(stream.text[m.end():m.end() + 80])
        if found is None or found.code in own_codes:
            continue
        cite = _Cite(start=start, key_start=start, end=m.end(), tail_end=m.end(), key=None,
                     number=None, symbol=None, doctype=doctype_from_word(m.group("word")),
                     key_issuer=None)
        end = _extend_with_province(stream, cite, m.end() + len(found.text),
                                    len(stream.text))
        cite.issuer = squash_spaces(stream.text[m.end():end])
        cite.issuer_match = found
        cite.end = end
        cites.append(cite)
    return cites


def _listed_in_opening_clause(stream: _Stream, clause_start: int, start: int) -> bool:
    """True for a document that opens a clause after ";" in a list an implement verb opens:
    "Thực hiện Chỉ thị của Ban Bí thư về …; Kế hoạch của Hội đồng … tỉnh, Sở … ban hành"."""
    if clause_start < 2 or stream.text[clause_start - 1] != ";" \
            or stream.folded[clause_start:start].strip() not in ("", "va"):
        return False
    before, _ = stream.clause(clause_start - 2)
    opener = stream.folded[before:clause_start].lstrip()
    return opener.startswith(_IMPLEMENT_OPENERS) and "\n" not in stream.text[before:start]


# "NQ số 57 ngày 22/12/2024 của Bộ Chính trị": a type and a bare number, the symbol left out;
# typed on portals with the number glued to the type's code ("NQ57 của Bộ Chính trị").
_BARE = re.compile(
    rf"(?P<word>{_at_word_start(type_word_pattern())})(?:\s+(?:so\s*:?\s*)?|(?<=[a-z])(?=\d))"
    r"(?P<n>\d{1,5})(?![\w/\-–])")
# The symbol a central issuer gives each type: Party bodies "57-NQ/TW", the Government
# and the Prime Minister "03/NQ-CP", "1131/QĐ-TTg".
_PARTY_CODES = frozenset({"BCT", "BBT", "TW"})
_STATE_SYMBOL = {"CP": ("NQ", "QĐ", "CT", "KH"), "TTg": ("QĐ", "CT"),
                 # and a province's People's Committee, "40/KH-UBND", "1520/QĐ-UBND"
                 "UBND": ("KH", "QĐ", "CT")}
# A province's Party committee numbers Party-style: "20-CTr/TU", "15-TB/TU".
_LOCAL_PARTY_SYMBOL = {"TU": ("NQ", "KL", "CT", "CTr", "KH", "TB", "HD")}
_YEAR_LIKE = re.compile(r"^(?:19|20)\d{2}$")


# Nothing but "và" or a comma between two citations (folded).
_JOINED = re.compile(r"\s*(?:va|,)\s*")


def _share_issuers(stream: _Stream, cites: list[_Cite]) -> None:
    """"Chương trình số 30-CTr/TU ngày … và Kế hoạch số 45-KH/TU ngày … của Ban Thường vụ
    Tỉnh ủy": documents joined by "và" before one issuer are that issuer's, when their
    symbols name the same body."""
    for before, after in reversed(list(zip(cites, cites[1:], strict=False))):
        if before.issuer is not None or after.issuer is None or before.key_issuer is None \
                or fold(before.key_issuer) != fold(after.key_issuer or "") \
                or not _JOINED.fullmatch(stream.folded, before.tail_end, after.start):
            continue
        before.issuer, before.issuer_match = after.issuer, after.issuer_match
        before.issuer_province = after.issuer_province


def _issuers_before(stream: _Stream, cites: list[_Cite]) -> None:
    """"Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Văn bản số 250/UBND-KT": the issuer named
    before a document that names none after it."""
    for cite in cites:
        if cite.issuer is not None:
            continue
        m = _VERB_END.search(stream.folded, max(0, cite.start - 80), cite.start)
        by = m.group("by") if m is not None else None
        found = match_issuer(stream.text[m.start("by"):m.end("by")]) if by else None
        if found is None:
            continue
        end = _extend_with_province(stream, cite, m.start("by") + len(found.text), m.end("by"))
        cite.issuer, cite.issuer_match = squash_spaces(stream.text[m.start("by"):end]), found


def _read_tails(stream: _Stream, ordered: list[_Cite], which: set[int]) -> None:
    """Read the tail of each citation in ``which`` (ids), up to the next one in ``ordered``."""
    for i, cite in enumerate(ordered):
        if id(cite) not in which:
            continue
        _, clause_end = stream.clause(cite.end)
        nxt = ordered[i + 1].start if i + 1 < len(ordered) else len(stream.text)
        limit = max(cite.end, min(clause_end, nxt))
        wrap_end = limit
        if limit == clause_end < nxt and stream.text[limit:limit + 1] == "\n" \
                and stream.text[limit - 1:limit] not in ".;:,":
            # A hard-wrapped line may break inside the issuer's name ("… của UBND tỉnh" /
            # "Đồng Nai; …"): it may be read on to the end of the next line's clause.
            wrap_end = max(limit, min(stream.clause(limit + 1)[1], nxt))
        _read_tail(stream, cite, limit, clause_end, wrap_end)


def _find_bare_numbers(stream: _Stream, skip: list[tuple[int, int]],
                       found: list[_Cite]) -> list[_Cite]:
    taken = [(c.start, c.end) for c in found]
    cites: list[_Cite] = []
    for m in _BARE.finditer(stream.folded):
        start = m.start()
        if any(a <= start < b for a, b in skip + taken):
            continue
        doctype = doctype_from_word(m.group("word"))
        if doctype is None:
            continue
        cites.append(_Cite(start=start, key_start=m.start("n"), end=m.end(), tail_end=m.end(),
                           key=None, number=m.group("n"), symbol=None, doctype=doctype,
                           key_issuer=None))
    return cites


def _key_from_issuer(cite: _Cite) -> bool:
    """Complete a bare "NQ số 57" from its issuer ("của Bộ Chính trị" → 57-NQ/TW, "Chương
    trình hành động 20 của Tỉnh ủy" → 20-CTr/TU); False when it cannot be."""
    code = cite.issuer_match.code if cite.issuer_match else None
    if code is None or cite.doctype is None:
        return False
    if code in _LOCAL_PARTY_SYMBOL or code == "UBND":
        if _YEAR_LIKE.match(cite.number or ""):
            return False  # "Kế hoạch 2025 của UBND tỉnh" names a year, not a number
    printed = symbol_code(cite.doctype)  # "Quy định 232 của Ban Chấp hành …" → 232-QĐ/TW
    if code in _PARTY_CODES:
        raw = f"{cite.number}-{printed}/TW"
    elif printed in _LOCAL_PARTY_SYMBOL.get(code, ()):
        raw = f"{cite.number}-{printed}/{code}"
    elif printed in _STATE_SYMBOL.get(code, ()):
        raw = f"{cite.number}/{printed}-{code}"
    else:
        return False
    parsed = parse_key(raw)
    if parsed is None:
        return False
    cite.key, cite.symbol, cite.key_issuer = parsed.key, parsed.symbol, (
        parsed.issuers[0] if parsed.issuers else None)
    return True


def _key_from_cited(cite: _Cite, cites: list[_Cite]) -> bool:
    """Complete a bare "Nghị quyết 36" from the one document of that type and number the
    plan cites in full ("Nghị quyết số 36-NQ/TW …"); False when none or several."""
    keys = {(c.key, c.symbol, c.key_issuer) for c in cites
            if c.key and c.number == cite.number and c.doctype == cite.doctype}
    if len(keys) != 1:
        return False
    cite.key, cite.symbol, cite.key_issuer = keys.pop()
    return True


def _issuer_of(cite: _Cite) -> str | None:
    """The issuer code a citation is known by (symbol first, then the name in text)."""
    if cite.key_issuer:
        return fold(cite.key_issuer)
    return fold(cite.issuer_match.code) if cite.issuer_match else None


def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa, wb = set(fold(a).split()) - {"ve", "viec"}, set(fold(b).split()) - {"ve", "viec"}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


@dataclass
class _Group:
    cites: list[_Cite] = field(default_factory=list)


def read_references(lines: list[Line], plan: Plan, *,
                    title: tuple[int | None, int | None] | None = None,
                    appendix: int | None = None) -> tuple[list[DocRef], list[DocLink]]:
    """Every document the plan cites, with its relation, and the links between them.

    ``title`` and ``appendix`` are what :func:`find_title` and :func:`appendix_start` give
    for ``lines``, when the caller has them already.
    """
    if not lines:
        return [], []
    title_idx, title_end = find_title(lines) if title is None else title
    open_start, open_end = opening_range(lines, (title_idx, title_end))
    join_from = join_to = None
    if title_idx is not None:
        join_to = title_end if title_end is not None else title_idx
        bare_word = title_end is not None and title_end > title_idx and len(
            fold(lines[title_idx].text).split()) <= 4
        join_from = title_idx + 1 if bare_word else title_idx
    stream = _build_stream(lines, join_from, join_to)

    # Where no citation is read: the header above the title and the closing block.
    skip: list[tuple[int, int]] = []
    if title_idx is not None and title_idx > 0:
        skip.append((0, stream.offsets[title_idx]))
    if appendix is None:
        appendix = appendix_start(lines)
    for i in range(appendix - 1, max(-1, appendix - 40), -1):
        if fold(lines[i].text).startswith("noi nhan"):
            end = stream.offsets[appendix] if appendix < len(lines) else len(stream.text)
            skip.append((stream.offsets[i], end))
            break
    for m in _SHORT_NAME.finditer(stream.folded):
        skip.append((m.start(), m.end()))
    if join_from is not None and join_to is not None:
        title_span = (stream.offsets[join_from],
                      stream.offsets[join_to] + len(lines[join_to].text))
    else:
        title_span = (-1, -1)

    own_codes = set()
    own = match_issuer(plan.issuer) if plan.issuer else None
    if own is not None:
        own_codes.add(own.code)
    cites = _find_numbered(stream, skip)
    # the plan's own number: itself, unless its issuer or year says another body's or year's
    # plan of that number is meant (see _another_document, once the tails are read)
    same_number = [c for c in cites if plan.number and c.key == plan.number]
    cites = [c for c in cites if not (plan.number and c.key == plan.number)]
    cites += _find_unnumbered(stream, skip, title_span, own_codes)
    own_symbol = parse_key("0/" + plan.symbol) if plan.symbol else None
    cites += _find_blank_numbers(stream, skip, own_symbol.symbol if own_symbol else None)
    cites += _find_named_laws(stream, skip, cites)
    # Bare numbers ("NQ số 57 … của Bộ Chính trị") first: only those whose issuer
    # completes them stay, and the others do not cut the tails of real citations.
    bare = _find_bare_numbers(stream, skip, cites)
    _read_tails(stream, sorted(cites + bare, key=lambda c: c.start), {id(c) for c in bare})
    done = {id(c) for c in bare}
    cites += [c for c in bare if _key_from_issuer(c) or _key_from_cited(c, cites)]
    cites.sort(key=lambda c: c.start)
    _read_tails(stream, cites, {id(c) for c in cites} - done)
    _share_issuers(stream, cites)
    _issuers_before(stream, cites)
    if same_number:
        _read_tails(stream, sorted(cites + same_number, key=lambda c: c.start),
                    {id(c) for c in same_number})
        cites += [c for c in same_number if _another_document(c, plan)]
        cites.sort(key=lambda c: c.start)

    pairs = _chain_pairs(stream, cites)
    _assign_relations(stream, cites, pairs, title_span, (open_start, open_end))
    groups = _group(cites, pairs)
    refs = [_to_ref(g, plan, stream) for g in groups]
    links = _links(stream, cites, pairs, plan)
    return refs, links


def _another_document(cite: _Cite, plan: Plan) -> bool:
    """Whether a citation of the plan's own number names another document: one of another
    year ("Kế hoạch số 61/KH-UBND ngày 10/3/2024" in a plan of 2025), or of another body
    numbering on its own (a commune's plan citing the province's "61/KH-UBND … của UBND
    tỉnh", one Party committee of a province's agency or Party cell citing another's
    "05-KH/ĐU")."""
    year, own_year = (cite.date or "")[:4], (plan.date or "")[:4]
    if year and own_year and year != own_year:
        return True
    if cite.issuer is None:
        return False
    book = own_book(cite.issuer)  # "05-KH/ĐU … của Đảng ủy các cơ quan Đảng tỉnh"
    within = plan.province
    return local_area(cite.issuer, within) != local_area(plan.issuer, within) or (
        book is not None and book != own_book(plan.issuer))


# A hard-wrapped line that stops on an implement verb goes on with the cited document:
# "… của Tỉnh ủy thực hiện" / "Nghị quyết 57-NQ/TW …".
_WRAPPED = re.compile(rf"^[^\n]*?(?<![\w])(?:{_VERB_ALT})[ \t]*\n[^\n]*$")


def _chain_pairs(stream: _Stream, cites: list[_Cite]) -> list[tuple[int, int]]:
    """(child, parent) citation indexes: "A … thực hiện B" within one clause."""
    pairs = []
    for i in range(len(cites) - 1):
        a, b = cites[i], cites[i + 1]
        a_clause = stream.clause(a.start)
        gap = stream.folded[a.end:b.start]
        if not (a_clause[0] <= b.start < a_clause[1]) and "\n" in gap \
                and not _WRAPPED.search(gap):
            continue
        if ";" in stream.text[a.end:b.start] or _central_over_local(a, b) \
                or _fresh_verb(stream.folded, b.start, a.end):
            continue
        if _verb_before(stream.folded, b.start, a.end):
            pairs.append((i, i + 1))
    return pairs


def _scope_of(cite: _Cite) -> str | None:
    """"central" or "local" as the symbol or the named issuer says, None when neither does."""
    if cite.key_issuer:
        return issuer_scope_of_code(cite.key_issuer)
    return cite.issuer_match.scope if cite.issuer_match is not None else None


def _central_over_local(child: _Cite, parent: _Cite) -> bool:
    """True when a central document would carry out a local one, which none does."""
    return _scope_of(child) == "central" and _scope_of(parent) == "local"


def _announcement(stream: _Stream, start: int, end: int) -> int | None:
    """Where the plan announces itself ("… xây dựng Kế hoạch …") in a stretch of text.

    The last such phrase counts: an earlier one is usually inside a cited
    document's subject ("về việc xây dựng kế hoạch thực hiện …").
    """
    found = list(_ANNOUNCE.finditer(stream.folded, start, end))
    return found[-1].start() if found else None


def _assign_relations(stream: _Stream, cites: list[_Cite], pairs: list[tuple[int, int]],
                      title: tuple[int, int], opening: tuple[int, int]) -> None:
    parents = {p for _, p in pairs}
    lines = stream.lines
    o_start = stream.offsets[opening[0]] if opening[0] < len(lines) else len(stream.text)
    o_end = (stream.offsets[opening[1] - 1] + len(lines[opening[1] - 1].text)
             if opening[1] > opening[0] else o_start)
    for i, cite in enumerate(cites):
        if i in parents or not (o_start <= cite.start < o_end or title[0] <= cite.start < title[1]):
            # A document another cited document carries out ("3300/KH-UBND … thực hiện
            # Nghị quyết 36-NQ/TW") reaches the plan through that link, not directly.
            cite.relation = "mentions"
            continue
        if title[0] <= cite.start < title[1]:
            cite.relation = "implements"
            continue
        line_idx = stream.line_of(cite.start)
        line_start = stream.offsets[line_idx]
        line_end = line_start + len(lines[line_idx].text)
        announce = _announcement(stream, line_start, line_end)
        clause_start, _ = stream.clause(cite.start)
        if announce is not None and cite.start > announce:
            implements = _verb_before(stream.folded, cite.start, announce)
            cite.relation = "implements" if implements else "basis"
            continue
        opener = stream.folded[clause_start:cite.start].strip()
        governed = _verb_before(stream.folded, cite.start, clause_start) or (
            i > 0 and cites[i - 1].relation == "implements"
            and _coordinated(stream, cites[i - 1], cite))
        implements = governed and (
            _implementing_opener(opener)
            or _fresh_verb(stream.folded, cite.start, clause_start))
        if not implements and i > 0 and cites[i - 1].relation == "implements" \
                and cites[i - 1].start >= o_start and _coordinated(stream, cites[i - 1], cite):
            # "…; Chỉ thị số 45-CT/TW … và Hướng dẫn số 25-HD/BTGTW …" after "Thực hiện": the
            # document joined to an implemented one in a later clause of the list.
            implements = True
        if not implements and _type_opener(opener) and _listed_after(stream, cites, i, o_start):
            # "Thực hiện Nghị quyết …; Kế hoạch số … của UBND tỉnh, Sở … ban hành": the list
            # after "thực hiện" goes on past ";" with each document's own name.
            implements = True
        cite.relation = "implements" if implements else "basis"


def _implementing_opener(opener: str) -> bool:
    """True when a clause opens by carrying out its documents: the longer opening decides, so
    "theo tinh thần …" carries out while "theo …" only grounds."""
    implement = max((len(o) for o in _IMPLEMENT_OPENERS if opener.startswith(o)), default=0)
    basis = max((len(o) for o in _BASIS_OPENERS if opener.startswith(o)), default=0)
    return implement > basis


_LIST_BREAK = re.compile(r"\.\s|(?:^|[;,\n])\s*(?:can cu|tren co so|xet|theo)\b")


def _listed_after(stream: _Stream, cites: list[_Cite], i: int, floor: int) -> bool:
    """True when ``cites[i]`` continues, in the same sentence of the opening (from
    ``floor``), a list of implemented documents."""
    for j in range(i - 1, -1, -1):
        if cites[j].start < floor:
            return False
        if cites[j].relation == "implements":
            return not _LIST_BREAK.search(stream.folded[cites[j].end:cites[i].start])
    return False


def _type_opener(opener: str) -> bool:
    """True when a clause opens with the cited document itself ("kế hoạch số …")."""
    return not opener or _INTRO.match(opener) is not None


# "A, B", "A và B", "A (sau đây gọi tắt là …) và B": what stands between coordinated documents.
_AND_BETWEEN = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,|;)?\s*(?:va|cung nhu)?\s*")


# "A về <its subject> và B": the subject of A, then the document joined to it.
_AFTER_SUBJECT = re.compile(r"\s*ve\s[^;()\n]*?(?:,\s*|\s)va\s*")


def _coordinated(stream: _Stream, before: _Cite, cite: _Cite) -> bool:
    """True for "A và B", "A, B", "A về … và B": ``cite`` shares the verb governing
    ``before``."""
    between = stream.folded[max(before.end, before.tail_end):cite.start]
    if _AND_BETWEEN.fullmatch(between) is not None:
        return True
    # "Thực hiện Nghị quyết 57-NQ/TW … của Bộ Chính trị về đột phá … và Nghị quyết số 66-NQ/TW":
    # a subject that carries out nothing ends at the "và" joining the next document.
    return before.subject is not None and _AFTER_SUBJECT.fullmatch(between) is not None \
        and ". " not in between and not any(
            v in between for v in (" thuc hien ", " trien khai "))


def _group(cites: list[_Cite], pairs: list[tuple[int, int]]) -> list[_Group]:
    """Citations of one document together; unnumbered ones merged into their numbered match."""
    groups: list[_Group] = []
    by_key: dict[tuple[str, str | None], list[int]] = {}
    for cite in cites:
        if cite.key is None:
            continue
        candidates = by_key.get((cite.key, None), [])
        target = None
        for g in candidates:
            dates = {c.date for c in groups[g].cites if c.date}
            if cite.date is None or not dates or cite.date in dates:
                target = g
                break
        if target is None:
            target = len(groups)
            groups.append(_Group())
            by_key.setdefault((cite.key, None), []).append(target)
        groups[target].cites.append(cite)
        cite.group = target
    parent_of: dict[int, set[str]] = {}
    for child, parent in pairs:
        pk = cites[parent].key or f"?{parent}"
        parent_of.setdefault(child, set()).add(pk)
    # Parents of a numbered group (through any of its citations).
    group_parents: dict[int, set[str]] = {}
    for idx, cite in enumerate(cites):
        if cite.key is not None:
            group_parents.setdefault(cite.group, set()).update(parent_of.get(idx, set()))
    pending: list[int] = [i for i, c in enumerate(cites) if c.key is None]
    unmatched: dict[tuple, int] = {}
    for idx in pending:
        cite = cites[idx]
        issuer = _issuer_of(cite)
        target = None
        for g, group in enumerate(groups):
            head = group.cites[0]
            if head.key is None or (head.doctype != cite.doctype
                                    and cite.doctype not in _issued_types(group)):
                continue
            if issuer not in {_issuer_of(c) for c in group.cites} | {
                    fold(head.key_issuer or "")}:
                continue
            mine = parent_of.get(idx, set())
            if (mine and mine & group_parents.get(g, set())) or _similar(
                    cite.subject, next((c.subject for c in group.cites if c.subject), None)):
                target = g
                break
        if target is None:
            sig = (cite.doctype, issuer, frozenset(parent_of.get(idx, set())),
                   fold(cite.subject or ""))
            target = unmatched.get(sig)
            if target is None:
                target = len(groups)
                groups.append(_Group())
                unmatched[sig] = target
        groups[target].cites.append(cite)
        cite.group = target
    return groups


_ISSUES = re.compile(rf"^ban hanh\s+(?P<word>{type_word_pattern()})(?![\w])")


def _issued_types(group: _Group) -> set[str]:
    """Types of the documents a cited document issues: "Nghị quyết số 03/NQ-CP … ban hành
    Chương trình hành động …" is that programme too, so an unnumbered mention of it is 03."""
    found = set()
    for c in group.cites:
        m = _ISSUES.match(fold(c.subject)) if c.subject else None
        if m:
            doctype = doctype_from_word(m.group("word"))
            if doctype:
                found.add(doctype)
    return found


def _span(stream: _Stream, cite: _Cite, plan: Plan) -> Span:
    c_start, c_end = stream.clause(cite.start)
    c_end = max(c_end, cite.end)
    text = stream.text
    q_start, q_end = c_start, c_end
    if q_end - q_start > _QUOTE_MAX:
        q_start = max(c_start, cite.start - 60)
        q_end = min(c_end, max(cite.tail_end, cite.end) + _QUOTE_MAX - 60)
    quote = squash_spaces(text[q_start:q_end])
    if q_start > c_start:
        quote = "…" + quote
    if q_end < c_end:
        quote += "…"
    first = stream.lines[stream.line_of(q_start)]
    last = stream.lines[stream.line_of(max(q_start, q_end - 1))]
    return Span(plan.source.path, first.start, last.end, quote)


def _to_ref(group: _Group, plan: Plan, stream: _Stream) -> DocRef:
    cites = sorted(group.cites, key=lambda c: c.start)
    strongest = max(cites, key=lambda c: (_STRENGTH[c.relation], -c.start))
    ranked = sorted(cites, key=lambda c: (c.key is None, -_STRENGTH[c.relation], c.start))
    numbered = next((c for c in ranked if c.key), None)
    head = numbered or strongest

    def first(attr: str) -> str | None:
        return next((getattr(c, attr) for c in ranked if getattr(c, attr)), None)

    issuer = _own_committee(first("issuer"), plan)
    match = next((c.issuer_match for c in ranked if c.issuer_match), None)
    if head.key_issuer:
        scope = issuer_scope_of_code(head.key_issuer)
        if scope == "local" and match is not None and match.scope == "central" \
                and fold(match.code).startswith(fold(head.key_issuer)):
            scope = "central"  # "07-KH/ĐU … của Đảng ủy Chính phủ": the central one of its kind
    elif match is not None:
        scope = match.scope
    else:
        scope = "local"
    prov = None
    if scope == "local":
        named = first("issuer_province")
        prov = named or plan.province
        if prov and province(prov):
            prov = province(prov).name
            prov = province_on(prov, first("date") or plan.date) or prov  # Huế in 2024
    return DocRef(
        key=head.key, doctype=head.doctype or first("doctype"), number=head.number,
        symbol=head.symbol, date=first("date"), issuer=issuer, subject=first("subject"),
        scope=scope, province=prov, relation=strongest.relation,
        source=_span(stream, strongest, plan),
        mentions=_unique([_span(stream, c, plan) for c in cites]),
        short_name=first("short_name"),
    )


# A Party committee cited by its name alone, with its board if any ("của Đảng ủy", "của Ban
# Thường vụ Đảng ủy"), folded: the board's words, then the committee.
_BARE_COMMITTEE = re.compile(r"((?:ban thuong vu|ban chap hanh|thuong truc)\s+)?dang uy")
_OWN_COMMITTEE = re.compile(r"dang uy\s+\S")


def _own_committee(issuer: str | None, plan: Plan) -> str | None:
    """``issuer``, or the plan's own Party committee when the plan is a Đảng ủy's and cites
    "của Đảng ủy" bare: within a commune's or an agency's Party committee that is the
    committee itself ("Ban Thường vụ Đảng ủy" → "Ban Thường vụ Đảng ủy xã Hiệp Thạnh").
    Elsewhere a bare committee names no one body and stays as written."""
    if not issuer or not plan.issuer:
        return issuer
    bare = _BARE_COMMITTEE.fullmatch(fold(issuer))
    if bare is None or _OWN_COMMITTEE.match(fold(plan.issuer)) is None:
        return issuer
    board = " ".join(squash_spaces(issuer).split()[:-2])
    return f"{board} {plan.issuer}" if board else plan.issuer


def _unique(spans: list[Span]) -> list[Span]:
    """Spans in order, without repeats (two citations in one clause quote the same words)."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for span in spans:
        key = (span.line_start, span.line_end, span.quote)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def _links(stream: _Stream, cites: list[_Cite], pairs: list[tuple[int, int]],
           plan: Plan) -> list[DocLink]:
    seen: set[tuple[int, int]] = set()
    links = []
    for child, parent in pairs:
        a, b = cites[child].group, cites[parent].group
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        span = _span(stream, cites[child], plan)
        links.append(DocLink(a, b, "implements", span))
    return links
