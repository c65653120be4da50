"""Units named on tasks: splitting lists, finding subjects and partners, resolving names.

A list such as "Sở Kế hoạch và Đầu tư, Sở Công Thương, Sở Văn hóa, Thể thao và Du
lịch; các tổ chức, cá nhân liên quan" is split with knowledge of official names
(which may contain a comma, a hyphen or "và"); a clause that follows the list
("… xây dựng đề xuất đặt hàng") is cut off. In prose the unit is the subject
("Chi cục … chủ trì, hướng dẫn …", "Giao Phòng … chủ trì …") and partners follow
"phối hợp (với)". :class:`UnitBook` resolves every spelling in one plan to one
:class:`~policykg.loaders.model.Unit`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.loaders.charmap import char_fold
from policykg.loaders.model import Category, Role, Span, Unit, UnitMention
from policykg.ontology.normalize import canon, nfc, squash_spaces
from policykg.ontology.units import (
    ABBREVIATIONS,
    NOT_UNITS,
    PARTY_BOARD_ABBREVIATIONS,
    UNIT_HEADS,
    canonical_unit_name,
    expand_abbreviations,
    identity_name,
    is_collective,
    is_internal,
    level_group,
    official_names,
    own_display_name,
    own_unit_name,
    own_units_rule,
    unit_key,
    unit_kind,
)

# Words that end a unit name when written in lower case: the verb or
# preposition that starts the rest of the sentence (folded, longest first).
_STOP_WORDS = sorted({
    "chu tri", "phoi hop", "tham gia", "co trach nhiem", "tham muu", "tang cuong",
    "thuc hien", "trien khai", "to chuc", "theo doi", "huong dan", "don doc", "bam sat",
    "can cu", "can", "chi dao", "giup", "chiu trach nhiem", "lam dau moi", "la co quan",
    "la dau moi", "xay dung",
    "ho tro", "day manh", "quan ly", "kiem tra", "giam sat", "tham tra", "tham dinh",
    "tuyen truyen", "pho bien", "bao cao", "tong hop", "de xuat", "ra soat", "nghien cuu",
    "cung cap", "xu ly", "kiem soat", "lua chon", "khuyen khich", "tu van", "bao ho",
    "bao dam", "dam bao", "doi moi", "nang cao", "phat trien", "tiep tuc", "chu dong",
    "kip thoi", "dinh ky", "thuong xuyen", "lanh dao", "ban hanh", "trinh", "gui",
    "tiep nhan", "ket noi", "phat huy", "tap trung", "uu tien", "xac dinh", "hoan thanh",
    "hoan thien", "thu thap", "chuyen giao", "ung dung", "theo", "trong", "de", "nham",
    "tai", "doi voi", "cho", "duoc", "se", "phai", "da", "la", "tuyen chon", "dang ky",
    "kien nghi", "quan triet", "cap nhat", "danh gia", "nghiem thu", "dong gop", "thao luan",
    "lam viec", "dieu hanh", "van hanh", "khan truong", "sua doi", "bo sung", "dat hang",
    "thanh tra", "ky ket", "tiep can", "gioi thieu", "van dong",
    "can doi", "bo tri", "sap xep", "kien toan", "phe duyet", "giai quyet", "bien soan",
    "lap dat", "duy tri", "nang cap", "mo rong", "thuc day", "khao sat", "tap huan", "so hoa",
    "chuan bi", "soan thao", "dieu chinh", "thiet lap", "dua", "long ghep", "phan cong",
    "lap", "thong ke", "phan loai", "niem yet", "cong khai", "thu hoi", "xu phat", "phat hien",
    "kich hoat", "huy dong", "don tiep", "tuan tra", "mo", "chia se", "lam sach",
})


def _by_first_letter(alternatives: list[tuple[str, str]]) -> str:
    """An alternation of (first character, pattern of the rest) pairs, grouped by that
    character: "c(?:hu tri|an)|p(?:hoi hop)". At a position only the group of the character
    there can match and the order inside it is kept, so the pattern matches what the flat
    list would while trying a fraction of the branches."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())


_STOP_RE = re.compile(r"(?<![a-z0-9])(" + _by_first_letter(
    [(w[0], re.escape(w[1:])) for w in sorted(_STOP_WORDS, key=len, reverse=True)])
    + r")(?![a-z0-9])")
_HEAD_RE = re.compile(r"^(" + "|".join(re.escape(h) for h in
                      sorted(UNIT_HEADS, key=len, reverse=True)) + r")(?![\w])")
# Words that begin like a unit head but are not one ("Sở hữu", "Bộ phận", "Hội nghị").
_FALSE_HEADS = re.compile(
    r"^(so huu|bo phan|bo sung|ban hanh|hoi nghi|hoi thao|hoi cho|hoi dap|truong hop|"
    r"dang ky|doan cong tac|vien chuc|bao cao|bao dam|bao ve|bao ho|quy dinh|quy trinh|"
    r"quy hoach|quy chuan|phong trao|phong ngua|phong chong|phong trung bay|dai bieu|"
    r"dang vien|cuc bo|thuong truc chuong trinh|uy ban nhan dan tinh chi dao|"
    r"vu mua|vu dong xuan|vu he thu|vu thu dong|vu lua|vu viec|vu nay)\b"
)
_GROUP_NOUNS = (
    r"(?:phong|don vi|so|ban|nganh|co quan|to chuc|ca nhan|dia phuong|doanh nghiep|hop tac xa|"
    r"trung tam|vien|truong|hoi|doan the|thanh vien|uy ban|doan|bo|huyen|xa|chuyen gia|"
    r"nha khoa hoc|to|chi cuc|co so|bo phan|dai bieu|cap|tinh|thanh pho|quan|hiep hoi|"
    r"chi bo|dang bo|dang uy|chi doan|tong cuc|cuc|vu(?! viec| an| mua))")
_COLLECTIVE_START = re.compile(
    r"^(?:(?:truong|lanh dao|thu truong)\s+)?(?:cac|nhung|toan the|tat ca)\s+"
    + _GROUP_NOUNS + r"\b|^truong phong\b")
# A bare group noun after a group ("Các Tổng cục, Cục, Vụ, Viện thuộc Bộ"): the group goes on.
_BARE_GROUP = re.compile(r"^" + _GROUP_NOUNS + r"(?: (?:thuoc|truc thuoc) .*)?$")
_AND_HEADS = re.compile(
    r"^(van phong|thanh tra|chi cuc|trung tam|phong|so|ban|bo|cuc|cong an|uy ban|ubnd|"
    r"hoi dong|hiep hoi|hoi|lien minh|lien doan|tinh doan|dang doan|dang uy|to dang|cac|"
    r"vien|truong|bao hiem xa hoi|ngan hang|kho bac|bo chi huy|tong cong ty|cong ty|"
    r"ubmttq|uy ban mat tran|mat tran|vu|lien hiep|bao va phat thanh|dai phat thanh|"
    r"vien thong|vnpt|viettel|mobifone|dien luc|buu dien|tram y te|hai quan|thong ke tinh|"
    r"thi hanh an)(?![a-z0-9])")
# An abbreviation joined by "&" or a bare comma ("KH&CN", "KH,CN&MT"); a comma and a space
# separate two names of a list ("Sở NN&PTNT, UBND cấp huyện").
_ABBR_COMMA = re.compile(r"(?<![\wĐđ])[A-ZĐ]{1,4}(?:(?:,|\s?&\s?)[A-ZĐ]{1,5})+(?![\wĐđ])")
_LEAD_IN = re.compile(
    r"^\s*(?:(?:định kỳ|hàng năm|hằng năm|thường xuyên|(?:căn cứ|trên cơ sở|để|ngoài ra"
    r"|trong quá trình)[^,]{0,160}?),\s*)+", re.IGNORECASE)
# A condition before the subject ("nếu có khó khăn, vướng mắc, các sở, ngành … báo cáo"): its
# words may hold commas, so the subject may start after any of the next few.
_CONDITION = re.compile(r"(?:nếu|khi|trường hợp)\s", re.IGNORECASE)
_CONDITION_REACH = 120
# "Giao X chủ trì …" assigns; "Đề nghị X phối hợp …" asks a body the plan cannot order.
_GIAO = re.compile(r"(?:^|(?<=[.;:,]\s))(?:[Gg]iao|[Đđ]ề nghị)(?:\s*:)?\s+(?=\S)")
_GIAO_CORE = ("iao", "ề nghị")  # in every match of _GIAO: a cheap test before it
# "…, do Sở Tài chính chủ trì thực hiện": the unit named after the duty, as its agent (the
# verb after it tells this "do" from "because": "do thiếu kinh phí").
_DO = re.compile(r"(?<=\s)do\s+(?=\S)")
_PARTNER = re.compile(r"(?<![a-z])phoi hop(?: chat che)?(?: voi| cung)?\s+")


_NAME_GAP = r"[\s,\-–&]+"  # what may stand between the words of an official name


@dataclass
class Subject:
    """The units a sentence names as its subject and the role its verb gives them."""

    names: list[str]
    role: Role
    end: int  # offset in the text where the predicate starts
    partners: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _official_regex() -> re.Pattern[str]:
    """One pattern for every official name of two words or more, longest first.

    The names are grouped under their first letter (see :func:`_by_first_letter`).
    """
    alternatives: dict[str, tuple[str, ...]] = {}
    for name in official_names():
        # The expanded and the written forms: "Văn phòng HĐND và UBND", "Sở NN&MT".
        for words in {tuple(unit_key(name).split()),
                      *(tuple(re.sub(r"[^\w&]+", " ", char_fold(form)).split())
                        for form in _abbreviated_forms(name))}:
            if len(words) >= 2:
                alternatives[_NAME_GAP.join(re.escape(w) for w in words)] = words
    ordered = []
    for pattern in sorted(alternatives, key=len, reverse=True):
        first, *rest = alternatives[pattern]
        tail = _NAME_GAP.join(re.escape(w) for w in rest)
        ordered.append((first[0], f"{re.escape(first[1:])}{_NAME_GAP}{tail}"))
    return re.compile(r"(?<![a-z0-9])(?:" + _by_first_letter(ordered) + r")(?![a-z0-9])")


_NAME_ABBREVIATIONS = (*PARTY_BOARD_ABBREVIATIONS, *ABBREVIATIONS)


def _abbreviated_forms(name: str) -> list[str]:
    """``name`` and its spellings with one abbreviation the plans use ("Sở Dân tộc và Tôn
    giáo" → "Sở DT&TG", "Sở DTTG" …), so that an abbreviated name ends where the name does
    ("Sở DT&TG cấp mã số …")."""
    return [name, *(name.replace(full, short) for short, full in _NAME_ABBREVIATIONS
                    if full in name)]


def _official_spans(text: str, ftext: str) -> list[tuple[int, int]]:
    """Spans of official names (any spelling of punctuation) inside ``text``."""
    spans = [m.span() for m in _official_regex().finditer(ftext)]
    spans.extend(m.span() for m in _ABBR_COMMA.finditer(text))
    return spans


_BRACKETS = re.compile("[(“\")”]")


def _protected(text: str, ftext: str) -> list[bool]:
    mask = [False] * len(text)
    for a, b in _official_spans(text, ftext):
        mask[a:b] = [True] * (b - a)
    # Inside brackets and quotes (the marks themselves stay open): visit only the marks.
    depth = 0
    after = 0  # where the run of text since the last mark begins
    for m in _BRACKETS.finditer(text):
        at = m.start()
        if depth:
            mask[after:at] = [True] * (at - after)
        if text[at] in "(“\"":
            depth += 1 if text[at] != '"' or depth == 0 else -1
        elif depth:
            depth -= 1
        after = at + 1
    if depth:
        mask[after:] = [True] * (len(text) - after)
    return mask


def _is_upper_at(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isupper()


# A stop word right after these words is part of a noun ("các tổ chức",
# "viện nghiên cứu"), and "lãnh đạo các …" opens a group, not a predicate.
_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:cac|nhung|vien|va|hoac|moi|to)\s$")
# Nouns that begin with a stop word once folded ("cán bộ" is not "cần", "tài chính" not
# "tại"): inside a unit name written in lower case they do not end the name.
_NOUN_FROM_STOP = re.compile(
    r"(?:can bo|tai chinh|tai nguyen|tai san|trong trot|de an|ho tich|cho vay"
    r"|to chuc (?:nha nuoc|bo may|chinh tri))(?![a-z0-9])")
# Names whose last words are a stop word: "Phòng Giáo dục thường xuyên" (continuing education)
# is a unit, not "Phòng Giáo dục" doing something "thường xuyên" (folded, the words before it).
_NAME_BEFORE_STOP = {"thuong xuyen": re.compile(r"(?:^|\s)giao duc\s$"),
                     "trinh": re.compile(r"(?:^|\s)chuong\s$")}  # "các Chương trình …"


# Short stop words whose fold other words share ("trồng" is not "trong", "tài" not "tại",
# "đề" not "để", "lá" not "là", "mô" not "mở"): they stop a name only when written with these
# marks.
_STOP_SPELLINGS: dict[str, tuple[str, ...]] = {
    "trong": ("trong",), "tai": ("tại",), "de": ("để",), "cho": ("cho",), "can": ("cần",),
    "la": ("là",), "da": ("đã",), "se": ("sẽ",), "phai": ("phải",), "duoc": ("được",),
    "theo": ("theo",), "nham": ("nhằm",), "gui": ("gửi",), "giup": ("giúp",),
    "trinh": ("trình",), "dua": ("đưa",), "lap": ("lập",), "mo": ("mở",),
}


def _is_stop(text: str, ftext: str, mask: list[bool], pos: int, word: str) -> bool:
    if pos == 0 or mask[pos] or _is_upper_at(text, pos) or ftext[pos - 1] != " ":
        return False
    spellings = _STOP_SPELLINGS.get(word)
    if spellings is not None and text[pos:pos + len(word)] not in spellings:
        return False
    if _NOUN_BEFORE.search(ftext[max(0, pos - 12):pos]):
        return False
    if _NOUN_FROM_STOP.match(ftext, pos):
        return False
    before = _NAME_BEFORE_STOP.get(word)
    if before is not None and before.search(ftext, max(0, pos - 10), pos):
        return False
    return not (word == "lanh dao" and ftext.startswith(" cac", pos + len(word)))


_AFTER_NAME = re.compile(
    r"^(?:\s+\d{1,2}(?=\s+(?:tỉnh|thành phố)\s))?"  # "Thuế cơ sở 3 tỉnh Gia Lai"
    r"(?:\s+(?:tỉnh|thành phố|huyện|thị xã|thị trấn|xã|phường|đặc khu|quận|của tỉnh|cấp tỉnh|"
    r"cấp huyện|cấp xã|các (?:huyện|thị xã|thị trấn|xã|phường|quận|địa phương|cấp)"
    r"|các tỉnh(?:, thành phố)?(?: trực thuộc Trung ương)?"
    # a branch of a national body: "Ngân hàng Nhà nước Chi nhánh Khu vực 7"
    r"|[Cc]hi nhánh(?:\s+(?:[Kk]hu vực|tỉnh|thành phố))?"
    # a regional office: "Chi cục Hải quan khu vực XIII", "Chi cục Thống kê khu vực 2"
    r"|[Kk]hu vực(?=\s+(?:[IVXL]+|\d{1,2})(?![\w/.,%]))))?"
    r"(?:\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ&]*|\d{1,2}(?![\w/.,%])))*")


_PLACE_END = re.compile(r"(?<=\s)(?:tỉnh|thành phố)(?= (?!ủy\b|uỷ\b)[a-zà-ỹđ])")


_NAME_END = re.compile(r"[(:“\"]")  # a note, a label or a quotation after a name
_CLAUSE_MARK = re.compile(r"[:.(]")


@lru_cache(maxsize=1 << 14)
def trim_clause(piece: str) -> str:
    """Cut the clause that follows a unit name: "Sở Công Thương đẩy mạnh …" → "Sở Công Thương".

    After an official name ("Sở Nông nghiệp và Phát triển nông thôn") only a place
    ("tỉnh", "tỉnh Long An") may follow; anything else is the rest of the sentence.
    """
    ftext = char_fold(piece)
    ends = [b for a, b in _official_spans(piece, ftext) if a == 0]
    if ends and max(ends) < len(piece):
        b = _chained_name_end(ftext, max(ends))
        tail = _AFTER_NAME.match(piece[b:])
        end = b + (tail.end() if tail else 0)
        if end < len(piece) and piece[end] == " ":
            return piece[:end].rstrip(" ,;:-–")
    mask = _protected(piece, ftext)
    for m in _STOP_RE.finditer(ftext):
        pos = m.start()
        if not _is_stop(piece, ftext, mask, pos, m.group(1)):
            continue
        piece = piece[:pos].rstrip(" ,;:-–")
        break
    # "… tỉnh" followed by a lower-case word: the name ended with the province.
    place = _PLACE_END.search(piece)
    if place:
        piece = piece[:place.end()]
    cut = _NAME_END.search(piece)
    if cut and cut.start() > 0:
        piece = piece[:cut.start()]
    return piece.rstrip(" ,;:-–")


def _chained_name_end(ftext: str, end: int) -> int:
    """The end of an official name that the last word of another opens: "Văn phòng Sở"
    then "Sở Khoa học và Công nghệ" make one name, "Văn phòng Sở Khoa học và Công nghệ"."""
    while end < len(ftext):
        m = _official_regex().match(ftext, ftext.rfind(" ", 0, end) + 1)
        if m is None or m.end() <= end:
            break
        end = m.end()
    return end


# A person's title before the unit they head: the unit is what carries the duty.
_TITLE = re.compile(
    r"^(?:[Tt]rưởng|[Tt]hủ trưởng|[Ll]ãnh đạo|[Tt]ổ trưởng|[Cc]hủ nhiệm|[Gg]iám đốc|[Bb]í thư"
    r"|[Cc]hủ tịch)\s+"
    r"(?=(?:các|Các|Phòng|Ban|Sở|Văn phòng|Tổ đảng|Đoàn|Trung tâm|Chi cục|Đảng|Ủy ban|Vụ|Cục"
    r"|Viện|UBND|Hội)\b)")


_JOINER = re.compile(r"^(?:và|với|cùng|cùng với)\s+", re.IGNORECASE)
_IF_ANY = re.compile(r"\s*\((?:nếu có|neu co)\)\s*$")


@lru_cache(maxsize=1 << 14)
def clean_piece(piece: str) -> str:
    """A unit name without list joiners, a person's title or "(nếu có)"; remembered, as
    every name is cleaned when split, when recorded and when compared."""
    piece = squash_spaces(piece)
    piece = _JOINER.sub("", piece)
    piece = _TITLE.sub("", piece)
    piece = _IF_ANY.sub("", piece)
    return piece.strip(" ,;:.…-–")


@lru_cache(maxsize=8192)
def looks_like_unit(piece: str, *, strict: bool = True) -> bool:
    """True when ``piece`` reads as a unit or group of units.

    Strict (prose): it must begin with a capitalised unit head ("Sở", "Phòng",
    "Công an" …) or a collective ("các …", "Trưởng các …"). Lenient (a labelled
    line such as "Đơn vị phối hợp:"): any collective group counts too.
    """
    key = unit_key(piece)
    if not key or key in NOT_UNITS or _FALSE_HEADS.match(key):
        return False
    if _COLLECTIVE_START.match(key):
        return True
    words = piece.split()[:4]
    if words and len(words[0]) > 1 and words[0].isupper():  # "BHXH tỉnh", "LĐLĐ tỉnh"
        words = expand_abbreviations(" ".join(words)).split()[:4]
    head = canon(" ".join(words)).lower()
    if _HEAD_RE.match(head) and (piece[:1].isupper() or key.startswith("ubnd")
                                 or _official_regex().match(char_fold(piece)) is not None):
        # A name in lower case counts when it is an official one: "sở tài chính".
        return True
    return not strict and is_collective(piece)


def split_units(text: str, *, strict: bool = False) -> list[str]:
    """Split a list of units, keeping official names whole and dropping trailing clauses.

    ``strict`` stops at the first piece that is not a unit (prose); otherwise
    (a labelled line) pieces that are not units are skipped.
    """
    return list(_split_units(text, strict))


_LIST_BREAK = re.compile(r"[,;]|(?= va )")  # where a list may break (on folded text)


def _cut_list(text: str) -> tuple[list[str], list[bool]]:
    """The raw pieces of a list and, for each, whether it follows ";" (or opens the list).

    Breaks at "," and ";" and at "và" before a unit head ("Sở Y tế và Sở Tài chính"),
    never inside an official name or brackets.
    """
    ftext = char_fold(text)
    mask = _protected(text, ftext)
    pieces: list[str] = []
    hard: list[bool] = [True]
    start = 0
    for m in _LIST_BREAK.finditer(ftext):
        i = m.start()
        if i < start or mask[i]:
            continue  # inside the "và" just taken, or protected
        ch = text[i]
        sep = 0
        if ch in ",;":
            sep = 1
        elif ftext.startswith(" va ", i) and _AND_HEADS.match(unit_key(text[i + 4:i + 40])):
            right = text[i + 4:]
            left = text[start:i]
            if (right[:1].isupper() or ftext.startswith("cac ", i + 4)) and \
                    looks_like_unit(clean_piece(left), strict=False):
                sep = 4
            elif ftext.startswith("cac ", i + 4) and start > 0 \
                    and _COLLECTIVE_START.match(unit_key(right[:40])):
                # "UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị liên quan": a
                # second group after the bare nouns that ended the first.
                sep = 4
            elif right[:1].isupper() and _BARE_GROUP.match(_GROUP_TAIL.sub("", unit_key(left))) \
                    and _group_opens(pieces):
                # "các sở, ban, ngành và UBND các xã, phường": a body named after the bare
                # nouns that ended a group.
                sep = 4
        if sep:
            pieces.append(text[start:i])
            hard.append(ch == ";" or sep == 4)
            start = i + sep
    pieces.append(text[start:])
    return pieces, hard


# Words that may close a group's last noun ("các sở, ngành liên quan").
_GROUP_TAIL = re.compile(r" (?:lien quan|tinh|cap tinh|tren dia ban(?: tinh)?)$")


def _group_opens(pieces: list[str]) -> bool:
    """True when the last pieces cut so far are a group and its bare nouns ("các sở", "ban",
    "ngành"), so that what follows "và" is not one more of its nouns."""
    for raw in reversed(pieces):
        key = unit_key(clean_piece(raw))
        if _COLLECTIVE_START.match(key):
            return True
        if not _BARE_GROUP.match(key):
            return False
    return False


# "Các sở: Tài chính, Xây dựng, Công Thương": one head shared by the names after the colon.
_SHARED_HEAD = re.compile(r"^(?:[Cc]ác|[Gg]iám đốc các|[Tt]hủ trưởng các)\s+"
                          r"([Ss]ở|[Bb]an|[Bb]ộ|[Pp]hòng|[Hh]ội)\s*:\s*(?=[A-ZĐÀ-Ỹ])")
_NAME_SEPARATOR = re.compile(r"\s*[,;]\s*")
_OWN_HEAD = re.compile(r"^(?:ubnd|uy ban|hdnd|hoi dong|so|bo|ban|phong|cac|trung tam|chi cuc"
                       r"|van phong)\b")


def _share_head(text: str) -> str:
    """Write the shared head before each name: "Các sở: Tài chính, Xây dựng" → "Sở Tài chính,
    Sở Xây dựng". Names with a comma of their own stay whole ("Văn hóa, Thể thao và Du
    lịch"); the list ends at the first piece in lower case ("và các đơn vị liên quan")."""
    m = _SHARED_HEAD.match(text)
    if m is None:
        return text
    head = m.group(1).capitalize()
    rest = text[m.end():]
    pieces = _NAME_SEPARATOR.split(rest)
    # Where each piece starts and whether a ";" stands before it (the shared list ends there).
    starts = [0] + [sep.end() for sep in _NAME_SEPARATOR.finditer(rest)]
    after_semicolon = [False] + [";" in sep.group(0) for sep in _NAME_SEPARATOR.finditer(rest)]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if after_semicolon[i] or _OWN_HEAD.match(unit_key(piece)):
            # "Các Bộ: Tài chính, Tư pháp; UBND các tỉnh …": a name with its own head.
            out.append(rest[starts[i]:])
            break
        if not piece[:1].isupper():
            out.append(", ".join(pieces[i:]))
            break
        j = next((j for j in range(len(pieces), i + 1, -1)
                  if unit_key(f"{head} {', '.join(pieces[i:j])}") in _official_keys()), i + 1)
        out.append(f"{head} {', '.join(pieces[i:j])}")
        i = j
    return ", ".join(out)


# Heads a list may write once for several names after it ("Sở Tài chính, Nội vụ, Tư pháp").
_LIST_HEAD = re.compile(r"^(Sở|Bộ|Phòng|Ban|Cục|Vụ)\s")


def _with_shared_head(before: str, bare: str) -> list[str] | None:
    """``bare`` with the head of the name before it, when that makes names of a known kind or
    official ones ("Nội vụ" after "Sở Tài chính" → "Sở Nội vụ"; "Nội vụ và Tư pháp" → "Sở Nội
    vụ", "Sở Tư pháp"); None otherwise, so that a name with a comma of its own stays whole
    ("Phòng Bưu chính, Viễn thông và Chuyển đổi số")."""
    m = _LIST_HEAD.match(canon(nfc(before)))
    if m is None or not bare[:1].isupper():
        return None
    whole = f"{m.group(1)} {bare}"
    if _known_name(whole):
        return [whole]
    left, joiner, right = bare.rpartition(" và ")
    if joiner and right[:1].isupper():
        parts = [f"{m.group(1)} {left}", f"{m.group(1)} {right}"]
        if all(_known_name(p) for p in parts):
            return parts
    return None


def _known_name(name: str) -> bool:
    """True for a name of a known kind or an official one."""
    return unit_kind(name) is not None or unit_key(name) in _official_keys()


@lru_cache(maxsize=1)
def _official_keys() -> frozenset[str]:
    return frozenset(unit_key(name) for name in official_names())


def _bare_noun_group(name: str) -> bool:
    """A group that bare nouns after it go on ("các sở, ban, ngành"): a collective but the
    bodies of a level, which a list goes on like a body's name ("UBND các huyện Bắc Sơn, Văn
    Quan" is one name)."""
    return is_collective(name) and not level_group(name)


@lru_cache(maxsize=1 << 14)
def _split_units(text: str, strict: bool) -> tuple[str, ...]:
    """:func:`split_units`, remembered: plans repeat the same lists of units."""
    text = nfc(text).strip()
    if ":" in text[:30]:
        text = _share_head(text)
    pieces, hard = _cut_list(text)
    out: list[str] = []
    for raw, after_semicolon in zip(pieces, hard, strict=True):
        if raw.strip().startswith(("...", "…")):
            break
        piece = clean_piece(raw)
        if not piece:
            continue
        lower_start = piece[:1].islower()
        key = unit_key(piece)
        if out and not lower_start and not after_semicolon and _bare_noun_group(out[-1]) \
                and _BARE_GROUP.match(unit_key(trim_clause(piece))):
            out[-1] = clean_piece(out[-1] + ", " + trim_clause(piece))
            if trim_clause(piece) != piece:
                break
            continue
        if out and lower_start and not after_semicolon and not _COLLECTIVE_START.match(key) and (
                _bare_noun_group(out[-1]) or not looks_like_unit(piece, strict=False)):
            # "các sở, ban, ngành tỉnh": a bare group noun continues the group.
            merged = clean_piece(out[-1] + ", " + trim_clause(piece))
            out[-1] = merged
            if trim_clause(piece) != piece:
                break
            continue
        if out and piece[:1].isupper() and not after_semicolon \
                and not looks_like_unit(piece, strict=False) \
                and not _bare_noun_group(out[-1]) and not _COLLECTIVE_START.match(key):
            shared = _with_shared_head(out[-1], trim_clause(piece))
            if shared is not None:
                # "Sở Tài chính, Nội vụ, Tư pháp": the head written once, then bare names.
                out.extend(shared)
            else:
                # "Phòng Bưu chính, Viễn thông và Chuyển đổi số": a name with a comma.
                out[-1] = clean_piece(out[-1] + ", " + trim_clause(piece))
            if trim_clause(piece) != piece:
                break
            continue
        trimmed = clean_piece(trim_clause(piece))
        if not trimmed or not looks_like_unit(trimmed, strict=strict):
            if strict:
                break
            continue
        out.append(trimmed)
        if trimmed != piece and strict:
            break
    return tuple(p for p in out if unit_key(p) not in NOT_UNITS)


@lru_cache(maxsize=1 << 14)
def subject_end(text: str) -> int:
    """Where the subject of a sentence that starts with a unit ends."""
    ftext = char_fold(text)
    mask = _protected(text, ftext)
    for m in _STOP_RE.finditer(ftext):
        pos = m.start()
        if ftext[max(0, pos - 2):pos] == ", ":
            continue  # a list goes on: "các cơ quan, tổ chức hữu quan"
        if _is_stop(text, ftext, mask, pos, m.group(1)):
            return sentence_end(text, pos) if ". " in text else pos
    m = _CLAUSE_MARK.search(text)
    return m.start() if m else len(text)


# Where a sentence ends: ". " before a capital; and the words a period ends without ending the
# sentence ("UBND TP. Hồ Chí Minh", "ThS. Nguyễn Văn A").
_SENTENCE_END = re.compile(r"(?<=[^\s.])\.\s+(?=[A-ZĐÀ-Ỹ])")
ABBREVIATED_WORDS = frozenset({"TP", "Tp", "TX", "Tx", "TT", "ThS", "TS", "PGS", "GS", "BS",
                               "St"})


def sentence_end(text: str, limit: int | None = None) -> int:
    """Where the first sentence of ``text`` ends (the offset of its period) before ``limit``,
    else ``limit`` (or the text's length): a subject or name never runs on past it."""
    limit = len(text) if limit is None else limit
    for m in _SENTENCE_END.finditer(text, 0, limit):
        pos = m.start()
        word = text[max(0, pos - 4):pos].rsplit(None, 1)[-1].lstrip("(")
        if word in ABBREVIATED_WORDS or (len(word) == 1 and word.isupper()) \
                or _inside_brackets(text, pos):
            continue
        return pos
    return limit


_ROLE_PREFIX = re.compile(
    r"^(?:(?:can cu|theo)\b.*?\b(?:co trach nhiem|phai)\s+)?"
    r"(?:(?:co trach nhiem|tiep tuc|chu dong|tang cuong|can|kip thoi|thuong xuyen|dinh ky|"
    r"truc tiep|theo chuc nang,? nhiem vu)\b[, ]*)*")


def role_of(predicate: str) -> Role:
    """The role a predicate gives its subject: "chủ trì …" lead, "phối hợp …" support,
    "tham gia …" participate; any other duty is led by its subject."""
    return _role_in(char_fold(predicate))


def role_and_partners(predicate: str) -> tuple[Role, list[str]]:
    """:func:`role_of` and :func:`partners` of one predicate, folding it once."""
    folded = char_fold(predicate)
    text = nfc(predicate)
    return _role_in(folded), _partners_in(text, folded if text == predicate else char_fold(text))


def _role_in(folded: str) -> Role:
    rest = _ROLE_PREFIX.sub("", folded.strip(" ,"))
    if rest.startswith("phoi hop"):
        return "support"
    if rest.startswith("tham gia"):
        return "participate"
    return "lead"


def leading_subject(text: str) -> Subject | None:
    """The unit(s) a sentence opens with, if any: "Thanh tra Sở chủ trì phối hợp với …".

    Also finds "Giao X chủ trì …" anywhere in the text and skips a lead-in such as
    "Định kỳ," or "Căn cứ Kế hoạch này …,".
    """
    text = nfc(text)
    offset = 0
    m = _LEAD_IN.match(text)
    candidates = [0]
    if m:
        candidates.append(m.end())
    lead_end = m.end() if m else 0
    if _CONDITION.match(text, lead_end):
        comma = text.find(", ", lead_end, lead_end + _CONDITION_REACH)
        while comma >= 0:
            candidates.append(comma + 2)
            comma = text.find(", ", comma + 2, lead_end + _CONDITION_REACH)
    for g in _GIAO.finditer(text) if any(w in text for w in _GIAO_CORE) else ():
        candidates.append(g.end())
    assigned = len(candidates)
    after_semicolon: set[int] = set()
    named_after: set[int] = set()  # subjects after "," or ":"; partners may come before
    folded = ""  # the text folded, once a verb is looked for
    if ". " in text or "; " in text:
        # "… hoàn thành trong năm 2026. Sở Nội vụ chủ trì, phối hợp với …", "…; Sở Y tế chủ trì"
        for m in _NEXT_SENTENCE.finditer(text):
            if text[m.start()] == ".":
                candidates.append(m.end())
                continue
            folded = folded or char_fold(text)
            if _LEAD_VERB.search(folded, m.end()) and not _inside_brackets(text, m.start()):
                candidates.append(m.end())
                after_semicolon.add(m.end())
    if " do " in text:
        candidates.extend(m.end() for m in _DO.finditer(text))
    if ", " in text or ": " in text:
        # "Tổ chức hội thảo, Sở Y tế chủ trì thực hiện", "Đào tạo …: Sở Công Thương chủ trì,
        # …": the unit named after the duty, as after ";", when its verb assigns outright.
        folded = folded or char_fold(text)
        for m in _NAMED_AFTER.finditer(text) if _LEAD_VERB.search(folded) else ():
            if _LEAD_VERB.search(folded, m.end()) and not _inside_brackets(text, m.start()):
                candidates.append(m.end())
                after_semicolon.add(m.end())
                named_after.add(m.end())
    for n, offset in enumerate(candidates):
        rest = text[offset:]
        head = clean_piece(rest[:60])
        if not looks_like_unit(head, strict=True):
            continue
        end = subject_end(rest)
        if n >= assigned:
            # A later sentence's subject counts when its verb gives it the duty; after ";"
            # only when the verb assigns outright ("…; Sở Y tế chủ trì, phối hợp …"), as a
            # list of bodies goes on past ";" ("…; các sở, ngành; UBND cấp huyện tham mưu").
            verb = _LEAD_VERB if offset in after_semicolon else _ROLE_VERB
            if not verb.match(char_fold(rest[end:end + 40]).lstrip(" ,")):
                continue
        names = split_units(rest[:end], strict=True)
        if not names:
            continue
        role, partner_names = role_and_partners(rest[end:])
        if role == "lead":
            names.extend(n for n in co_leads(rest[end:]) if n not in names)
        if offset in named_after:  # "Phối hợp với Công an tỉnh, Sở Y tế chủ trì …"
            partner_names = [*(p for p in partners(text[:offset]) if p not in partner_names),
                             *partner_names]
        return Subject(names=names, role=role, end=offset + end, partners=partner_names)
    return None


# A sentence after the first, opening with a capital; and the verbs that assign its subject.
_NEXT_SENTENCE = re.compile(r"(?<=\S)[.;]\s+(?=[A-ZĐÀ-Ỹ])")
# A clause after a comma or colon, opening with a capital: where a unit named after its duty
# starts.
_NAMED_AFTER = re.compile(r"(?<=\S)[,:]\s+(?=[A-ZĐÀ-Ỹ])")
_ROLE_VERB = re.compile(r"(?:chu tri|phoi hop|tham gia|thuc hien|to chuc thuc hien|tham muu"
                        r"|chiu trach nhiem|co trach nhiem|la co quan|lam dau moi)\b")
_LEAD_VERB = re.compile(r"(?:chu tri|chiu trach nhiem|co trach nhiem|la co quan|lam dau moi)\b")


# "Sở Nội vụ chủ trì, Sở Tư pháp đồng chủ trì …": a second lead named after the first one's
# verb (on folded text).
_CO_LEAD = re.compile(r"^\s*chu tri\s*[,;]\s*(?P<list>[^;.()]{3,200}?)\s+dong chu tri(?![a-z])")


def co_leads(predicate: str) -> list[str]:
    """The units a predicate names as leading with its subject ("chủ trì, Sở Tư pháp đồng chủ
    trì …" → ["Sở Tư pháp"]): each shares the lead, none is a partner."""
    folded = char_fold(predicate)
    if "dong chu tri" not in folded:
        return []
    m = _CO_LEAD.match(folded)
    return _listed_units(predicate[m.start("list"):m.end("list")]) if m else []


def _inside_brackets(text: str, pos: int) -> bool:
    """True when ``pos`` is inside "(…)": "(Sở X chủ trì; Sở Y phối hợp)" is one clause."""
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def partners(text: str) -> list[str]:
    """Units named after "phối hợp (với)" in ``text``: the cooperating units."""
    text = nfc(text)
    return _partners_in(text, char_fold(text))


_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def _stop_of(text: str) -> int:
    """Where the sentence of ``text`` stops: its first end mark not after an abbreviation
    ("Viện Pasteur TP. Hồ Chí Minh" goes on)."""
    for m in _SENTENCE_STOP.finditer(text):
        pos = m.start()
        word = text[max(0, pos - 4):pos].rsplit(None, 1)[-1] if pos else ""
        if text[pos] == "." and (word in ABBREVIATED_WORDS or (len(word) == 1 and word.isupper())):
            continue
        return pos
    return len(text)


# (a bracket may open on the partners: "(Công an tỉnh phối hợp)", but not on the lead's clause)
_FORE_PARTNERS = re.compile(r"(?:chu tri\s*[,;]|;|\((?![^;.()]*\bchu tri\b))"
                            r"\s*(?P<list>[^;.()]{3,200}?)\s+phoi hop"
                            r"(?!\s+(?:voi|cung|chat che))(?![a-z])"
                            # "X chủ trì …. Y, Z phối hợp.": a sentence of nothing but partners
                            r"|\.\s+(?P<after>[^;.()]{3,200}?)\s+(?:(?:can cu|theo)\s+chuc nang,?"
                            r"\s*nhiem vu(?:\s+duoc giao)?,?\s+)?(?:cung\s+)?phoi hop"
                            r"(?:\s+thuc hien)?\s*(?:\.|$)")


# "Giao X chủ trì thực hiện, Y hướng dẫn, kiểm tra", "X thực hiện; Y và Z theo dõi, đôn đốc":
# units that guide or oversee the one doing the work support it. Read on the text as written:
# the verb is in lower case, unlike a name it may end ("Phòng Xây dựng và Kiểm tra văn bản").
_GUIDES = re.compile(r"(?:[Cc]hủ trì|[Tt]hực hiện)[^,;.()]{0,40}[,;]\s*(?P<list>[^;.()]{3,200}?)"
                     r"\s+(?:hướng dẫn|kiểm tra|theo dõi|đôn đốc|giám sát|thẩm định)(?!\w)")
_GUIDE_WORD = re.compile(r"huong dan|kiem tra|theo doi|don doc|giam sat|tham dinh")


def _listed_units(listed: str) -> list[str]:
    """The units of ``listed`` when it is nothing but units (a list before a verb)."""
    names = split_units(listed, strict=True)
    return names if names and sum(len(n) for n in names) >= 0.7 * len(listed.strip()) else []


def _partners_in(text: str, ftext: str) -> list[str]:
    """:func:`partners` of NFC ``text`` whose fold is ``ftext``."""
    found: list[str] = []
    if (", " in ftext or ";" in ftext) and _GUIDE_WORD.search(ftext):
        for m in _GUIDES.finditer(text):
            found.extend(n for n in _listed_units(text[m.start("list"):m.end("list")])
                         if n not in found)
    if "phoi hop" not in ftext:  # what _PARTNER needs; most duties name no partner
        return found
    for m in _FORE_PARTNERS.finditer(ftext):
        # "X chủ trì, Y, Z phối hợp", "X chủ trì …; Y và Z phối hợp thực hiện": the partners
        # are named before the verb; the words between must all be units.
        group = "list" if m.group("list") is not None else "after"
        listed = text[m.start(group):m.end(group)]
        found.extend(n for n in _listed_units(listed) if n not in found)
    for m in _PARTNER.finditer(ftext):
        tail = text[m.end():]
        tail = tail[:_stop_of(tail)]
        for name in split_units(tail, strict=True):
            if name not in found:
                found.append(name)
    return found


@lru_cache(maxsize=8192)
def unit_identity(name: str) -> str:
    """The key two spellings of one unit share: the key of its canonical name."""
    return unit_key(identity_name(canonical_unit_name(name)))


@lru_cache(maxsize=8192)
def category_of(name: str, rule: int | None = None) -> Category:
    """internal (the issuer's own unit), external (another body) or collective; ``rule``
    is the issuer's :func:`~policykg.ontology.units.own_units_rule`."""
    if is_collective(name):
        return "collective"
    return "internal" if is_internal(name, rule) else "external"


@lru_cache(maxsize=8192)
def _mention_facts(name: str, rule: int | None) -> tuple[str, str, str, Category]:
    """A mentioned name cleaned, with its identity, canonical name and category: one
    lookup per mention instead of four, as plans name the same units again and again."""
    name = clean_piece(name)
    return name, unit_identity(name), display_name(name), category_of(name, rule)


# Words after which a place's name follows, capitalised ("tỉnh Đồng Tháp"); "xã hội" is none.
_PLACE_WORD = re.compile(r"(?:^|\s)(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|phường"
                         r"|đặc khu|xã(?! hội))\s+(?=\S)")
_ACRONYMS = frozenset(short for short, _ in ABBREVIATIONS) | {"UBND", "HĐND", "TP"}


def display_name(name: str) -> str:
    """:func:`~policykg.ontology.units.canonical_unit_name`, with a name written in capitals
    (a heading "2. TRUNG TÂM KIỂM SOÁT BỆNH TẬT") in the case names are written in."""
    if not name.isupper() or sum(c.isalpha() for c in name) < 4:
        return canonical_unit_name(name)
    return canonical_unit_name(_from_capitals(name))


@lru_cache(maxsize=1024)
def _from_capitals(name: str) -> str:
    """"TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH ĐỒNG THÁP" → "Trung tâm Kiểm soát bệnh tật tỉnh Đồng
    Tháp": the head, the first word after it and a place's name capitalised; acronyms kept."""
    words = nfc(name).split()
    low = [w if w in _ACRONYMS or "&" in w or any(c.isdigit() for c in w) else w.lower()
           for w in words]
    text = " ".join(low)
    head = next((h for h in sorted(UNIT_HEADS, key=len, reverse=True)
                 if text.startswith(h + " ")), "")
    n_head = len(head.split())
    out = [w[:1].upper() + w[1:] if i == 0 or i == n_head else w for i, w in enumerate(low)]
    text = " ".join(out)
    place = _PLACE_WORD.search(text)
    if place:
        rest = " ".join(w[:1].upper() + w[1:] for w in text[place.end():].split())
        text = text[:place.end()] + rest
    return text


class UnitBook:
    """Every unit of one plan: one entry per organisation, with all its spellings.

    ``issuer`` is the plan's issuer: a ministry's Vụ and Cục, a district's Phòng are its
    own units (see :data:`~policykg.ontology.units.OWN_UNITS_OF_ISSUER`).
    """

    def __init__(self, issuer: str | None = None) -> None:
        self.issuer = issuer
        self.rule = own_units_rule(issuer)
        self._aliases: dict[str, Counter[str]] = {}
        self._written: dict[str, list[str]] = {}  # spellings with the issuer's level after
        self._order: list[str] = []
        self._mentions: list[UnitMention] = []

    def mention(self, name: str, role: Role, source: Span) -> UnitMention:
        """Record ``name`` on a task; the mention's canonical name is set by :meth:`units`.
        The issuer's own unit named with and without the issuer's level ("Phòng Kinh tế xã",
        "Phòng Kinh tế" in a commune's plan) is one unit (see :func:`own_unit_name`)."""
        name, _, canonical, category = _mention_facts(name, self.rule)
        own = self._own(name)
        key = self._key(name)
        if own != name:
            canonical = display_name(own)
        if key not in self._aliases:
            self._aliases[key] = Counter()
            self._order.append(key)
        self._aliases[key][own] += 1
        if own != name and name not in self._written.setdefault(key, []):
            self._written[key].append(name)
        found = UnitMention(name=name, canonical=canonical, role=role, category=category,
                            source=source)
        self._mentions.append(found)
        return found

    def forget(self, found: UnitMention) -> None:
        """Take back a mention (a name that proved to be the first part of a longer one)."""
        self._mentions = [m for m in self._mentions if m is not found]
        own = self._own(found.name)
        key = self._key(found.name)
        counts = self._aliases.get(key)
        if counts is None:
            return
        counts[own] -= 1
        if counts[own] <= 0:
            del counts[own]
        if not counts:
            del self._aliases[key]
            self._written.pop(key, None)
            self._order.remove(key)

    def _own(self, name: str) -> str:
        """The spelling of a cleaned name to show, when it is the issuer's own unit."""
        return own_display_name(name, self.issuer) if self.rule is not None else name

    def _key(self, name: str) -> str:
        """The identity of a cleaned name in this plan: the issuer's own unit is one unit
        with or without the issuer's level after it (see :func:`own_unit_name`)."""
        return unit_identity(own_unit_name(name, self.issuer) if self.rule is not None
                             else name)

    def _display(self, key: str) -> str:
        counts = self._aliases[key]
        best = max(counts, key=lambda a: (len(a), counts[a], -list(counts).index(a)))
        return display_name(best)

    def units(self) -> list[Unit]:
        """The resolved units; every recorded mention gets its plan-wide canonical name."""
        display = {key: self._display(key) for key in self._order}
        for found in self._mentions:
            found.canonical = display[self._key(found.name)]
        out = []
        for key in self._order:
            name = display[key]
            out.append(Unit(name=name, category=category_of(name, self.rule),
                            aliases=[*self._aliases[key], *self._written.get(key, ())],
                            kind=unit_kind(name)))
        return out
