"""Vietnam's provinces before and after the merger of 1 July 2025, and how to find them in text.

Plans name the province that existed when they were written (63 provinces and
centrally governed cities until 30 June 2025); comparisons across time need the
province it belongs to now (34 from 1 July 2025, Resolution 202/2025/QH15 of
12 June 2025). Every pre-2025 province maps to exactly one current province.
Names are matched on :func:`~policykg.ontology.normalize.fold` forms, with
aliases for common spellings ("TP.HCM", "Đắc Lắc", "Thừa Thiên - Huế").
A table of distinctive pre-2025 district-level names gives province evidence
when a plan never names its province. :data:`AREA_LEVELS` holds the words that name a
level of local government before a place ("tỉnh", "huyện", "xã", "đặc khu" …), with the
neighbouring words that make the same letters another word once folded ("xã hội",
"quản lý", "địa phương"); :func:`level_pattern` builds the regex every module matches
them with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.ontology.normalize import canon, fold, nfc, slug

__all__ = [
    "Province", "ProvinceMatch", "PROVINCES_2024", "PROVINCES_2025", "DISTRICTS",
    "province", "current_province", "find_province", "find_provinces", "find_districts",
    "all_provinces", "fold_aligned",
    "AreaLevel", "AREA_LEVELS", "TIERS", "area_level", "area_levels", "level_pattern",
    "level_words", "short_levels", "committee_pattern",
]

TINH, TP = "tỉnh", "thành phố"

# (name, kind, province after 1 July 2025, aliases)
_OLD: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Hà Nội", TP, "Hà Nội", ("Ha Noi", "Hanoi")),
    ("Hồ Chí Minh", TP, "Hồ Chí Minh",
     ("Thành phố Hồ Chí Minh", "TP.HCM", "TP HCM", "TPHCM", "TP. HCM", "HCM", "Sài Gòn")),
    ("Hải Phòng", TP, "Hải Phòng", ()),
    ("Đà Nẵng", TP, "Đà Nẵng", ()),
    ("Cần Thơ", TP, "Cần Thơ", ()),
    ("Hà Giang", TINH, "Tuyên Quang", ()),
    ("Cao Bằng", TINH, "Cao Bằng", ()),
    ("Bắc Kạn", TINH, "Thái Nguyên", ("Bắc Cạn",)),
    ("Tuyên Quang", TINH, "Tuyên Quang", ()),
    ("Lào Cai", TINH, "Lào Cai", ()),
    ("Điện Biên", TINH, "Điện Biên", ()),
    ("Lai Châu", TINH, "Lai Châu", ()),
    ("Sơn La", TINH, "Sơn La", ()),
    ("Yên Bái", TINH, "Lào Cai", ()),
    ("Hòa Bình", TINH, "Phú Thọ", ()),
    ("Thái Nguyên", TINH, "Thái Nguyên", ()),
    ("Lạng Sơn", TINH, "Lạng Sơn", ()),
    ("Quảng Ninh", TINH, "Quảng Ninh", ()),
    ("Bắc Giang", TINH, "Bắc Ninh", ()),
    ("Phú Thọ", TINH, "Phú Thọ", ()),
    ("Vĩnh Phúc", TINH, "Phú Thọ", ()),
    ("Bắc Ninh", TINH, "Bắc Ninh", ()),
    ("Hải Dương", TINH, "Hải Phòng", ()),
    ("Hưng Yên", TINH, "Hưng Yên", ()),
    ("Thái Bình", TINH, "Hưng Yên", ()),
    ("Hà Nam", TINH, "Ninh Bình", ()),
    ("Nam Định", TINH, "Ninh Bình", ()),
    ("Ninh Bình", TINH, "Ninh Bình", ()),
    ("Thanh Hóa", TINH, "Thanh Hóa", ()),
    ("Nghệ An", TINH, "Nghệ An", ()),
    ("Hà Tĩnh", TINH, "Hà Tĩnh", ()),
    ("Quảng Bình", TINH, "Quảng Trị", ()),
    ("Quảng Trị", TINH, "Quảng Trị", ()),
    ("Thừa Thiên Huế", TINH, "Huế", ("Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT Huế", "TT-Huế")),
    ("Quảng Nam", TINH, "Đà Nẵng", ()),
    ("Quảng Ngãi", TINH, "Quảng Ngãi", ()),
    ("Bình Định", TINH, "Gia Lai", ()),
    ("Phú Yên", TINH, "Đắk Lắk", ()),
    ("Khánh Hòa", TINH, "Khánh Hòa", ()),
    ("Ninh Thuận", TINH, "Khánh Hòa", ()),
    ("Bình Thuận", TINH, "Lâm Đồng", ()),
    ("Kon Tum", TINH, "Quảng Ngãi", ("Kontum",)),
    ("Gia Lai", TINH, "Gia Lai", ()),
    ("Đắk Lắk", TINH, "Đắk Lắk", ("Đắc Lắc", "Đắk Lắc", "Đắc Lắk", "Daklak", "Dak Lak")),
    ("Đắk Nông", TINH, "Lâm Đồng", ("Đắc Nông", "Daknong")),
    ("Lâm Đồng", TINH, "Lâm Đồng", ()),
    ("Bình Phước", TINH, "Đồng Nai", ()),
    ("Tây Ninh", TINH, "Tây Ninh", ()),
    ("Bình Dương", TINH, "Hồ Chí Minh", ()),
    ("Đồng Nai", TINH, "Đồng Nai", ()),
    ("Bà Rịa - Vũng Tàu", TINH, "Hồ Chí Minh",
     ("Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "BRVT")),
    ("Long An", TINH, "Tây Ninh", ()),
    ("Tiền Giang", TINH, "Đồng Tháp", ()),
    ("Bến Tre", TINH, "Vĩnh Long", ()),
    ("Trà Vinh", TINH, "Vĩnh Long", ()),
    ("Vĩnh Long", TINH, "Vĩnh Long", ()),
    ("Đồng Tháp", TINH, "Đồng Tháp", ()),
    ("An Giang", TINH, "An Giang", ()),
    ("Kiên Giang", TINH, "An Giang", ()),
    ("Hậu Giang", TINH, "Cần Thơ", ()),
    ("Sóc Trăng", TINH, "Cần Thơ", ()),
    ("Bạc Liêu", TINH, "Cà Mau", ()),
    ("Cà Mau", TINH, "Cà Mau", ()),
)

# The 34 provinces and centrally governed cities from 1 July 2025.
_NEW: tuple[tuple[str, str], ...] = (
    ("Hà Nội", TP), ("Huế", TP), ("Hải Phòng", TP), ("Đà Nẵng", TP), ("Hồ Chí Minh", TP),
    ("Cần Thơ", TP),
    ("Lai Châu", TINH), ("Điện Biên", TINH), ("Sơn La", TINH), ("Lạng Sơn", TINH),
    ("Quảng Ninh", TINH), ("Thanh Hóa", TINH), ("Nghệ An", TINH), ("Hà Tĩnh", TINH),
    ("Cao Bằng", TINH), ("Tuyên Quang", TINH), ("Lào Cai", TINH), ("Thái Nguyên", TINH),
    ("Phú Thọ", TINH), ("Bắc Ninh", TINH), ("Hưng Yên", TINH), ("Ninh Bình", TINH),
    ("Quảng Trị", TINH), ("Quảng Ngãi", TINH), ("Gia Lai", TINH), ("Khánh Hòa", TINH),
    ("Lâm Đồng", TINH), ("Đắk Lắk", TINH), ("Đồng Nai", TINH), ("Tây Ninh", TINH),
    ("Vĩnh Long", TINH), ("Đồng Tháp", TINH), ("Cà Mau", TINH), ("An Giang", TINH),
)


TIERS = ("province", "district", "commune")


@dataclass(frozen=True)
class AreaLevel:
    """A level of local government as a text names it before a place: "xã Ia Grai".

    Until 30 June 2025 there were three tiers (province; district: huyện, quận, thị xã,
    provincial thành phố; commune: xã, phường, thị trấn); from 1 July 2025 districts are
    gone and the commune tier has xã, phường and đặc khu. Plans of both periods are read,
    so every word stays. Words are folded: the exceptions say which neighbours make the
    same letters another word ("xa hoi" is society, "dia phuong" a locality).
    """

    word: str  # folded: "xa", "thi tran"
    display: str  # as written in a name: "xã", "thị trấn"
    tiers: tuple[str, ...]  # of TIERS; "thành phố" is a province (Hà Nội) or a district
    not_before: tuple[str, ...] = ()  # next words that make another word: "xa" + "hoi"
    not_after: tuple[str, ...] = ()  # previous words that make another word: "dia" + "phuong"
    # Next words that make another word but also begin place names ("phương án" /
    # "phường An Phú"): not applied where a place's name is expected after the level.
    ambiguous_before: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # abbreviations: "tp" (TP. Pleiku), "tx" (TX. An Khê)
    committee: str | None = None  # its Party committee, folded: "huyen uy", "thi uy"


AREA_LEVELS: tuple[AreaLevel, ...] = (
    AreaLevel("tinh", "tỉnh", ("province",),
              not_before=("hinh", "trang", "than", "toan", "nang", "chat", "gian", "huong"),
              not_after=("dac", "thuoc"),  # tình hình, tinh thần, tính năng, đặc tính
              committee="tinh uy"),
    AreaLevel("thanh pho", "thành phố", ("province", "district"), short=("tp",),
              committee="thanh uy"),
    AreaLevel("huyen", "huyện", ("district",), committee="huyen uy"),
    # quản lý, quản trị, quan hệ, quan trọng, quan tâm, quan sát, quan điểm, quan niệm, quần
    # chúng, quân sự, quân đội, quân khu; cơ quan, hải quan, liên quan, tương quan, khách
    # quan, chủ quan, tham quan.
    AreaLevel("quan", "quận", ("district",),
              not_before=("ly", "tri", "he", "trong", "tam", "sat", "diem", "niem", "chung",
                          "su", "doi", "khu"),
              not_after=("co", "hai", "lien", "tuong", "khach", "chu", "tham"),
              committee="quan uy"),  # "cơ quan Ủy ban" is no Quận ủy
    AreaLevel("thi xa", "thị xã", ("district",), short=("tx",), committee="thi uy"),
    # xã hội; hợp tác xã (a cooperative), vùng sâu vùng xa, đào tạo từ xa.
    AreaLevel("xa", "xã", ("commune",), not_before=("hoi",),
              not_after=("hop tac", "vung", "tu")),
    # phương pháp, phương thức, phương châm, phương trình; địa phương, đa phương, song
    # phương; phương án, phương tiện, phương hướng (but phường An Phú, Tiền Phong, Hương Sơn).
    AreaLevel("phuong", "phường", ("commune",),
              not_before=("phap", "thuc", "cham", "trinh"),
              not_after=("dia", "da", "song"),
              ambiguous_before=("an", "tien", "huong")),
    AreaLevel("thi tran", "thị trấn", ("commune",)),
    AreaLevel("dac khu", "đặc khu", ("commune",)),
)

_LEVEL_BY_WORD: dict[str, AreaLevel] = {
    w: lv for lv in AREA_LEVELS for w in (lv.word, *lv.short)}


def area_level(word: str) -> AreaLevel | None:
    """The level a word names, in any spelling or abbreviation ("Xã", "TP.", "thi tran")."""
    return _LEVEL_BY_WORD.get(fold(word).strip().rstrip("."))


def area_levels(*tiers: str, only: bool = False) -> tuple[AreaLevel, ...]:
    """The levels of ``tiers`` (all when none is given); with ``only``, the levels that
    are of no other tier ("thành phố", also a province, is left out of the district's)."""
    wanted = set(tiers or TIERS)
    unknown = wanted - set(TIERS)
    if unknown:
        raise ValueError(f"unknown tier {sorted(unknown)}; tiers are {TIERS}")
    return tuple(lv for lv in AREA_LEVELS
                 if (set(lv.tiers) <= wanted if only else wanted & set(lv.tiers)))


def level_words(*tiers: str, only: bool = False) -> tuple[str, ...]:
    """The folded words of :func:`area_levels`."""
    return tuple(lv.word for lv in area_levels(*tiers, only=only))


def short_levels() -> dict[str, str]:
    """Abbreviation → folded level word: ``{"tp": "thanh pho", "tx": "thi xa"}``."""
    return {s: lv.word for lv in AREA_LEVELS for s in lv.short}


def _esc(word: str) -> str:
    return re.escape(word).replace("\\ ", " ")


def _words(words: tuple[str, ...]) -> str:
    return "|".join(_esc(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=64)
def _level_pattern(levels: tuple[AreaLevel, ...], place_expected: bool, short: bool) -> str:
    parts = []
    for lv in sorted(levels, key=lambda lv: -len(lv.word)):
        before = lv.not_before + (() if place_expected else lv.ambiguous_before)
        after = "".join(rf"(?<!\b{_esc(w)} )" for w in lv.not_after)
        ahead = rf"(?! (?:{_words(before)})\b)" if before else ""
        parts.append(f"{after}{_esc(lv.word)}{ahead}")
    if short:
        parts += [rf"{_esc(s)}\.?" for lv in levels for s in lv.short]
    return f"(?:{'|'.join(parts)})"


def level_pattern(*tiers: str, only: bool = False, place_expected: bool = False,
                  short: bool = False) -> str:
    """A regex fragment (a non-capturing group, over folded text) matching the level words
    of ``tiers`` but not where a neighbouring word makes them another word.

    ``place_expected``: the text after the level is known to be a place's name (the line
    after "ỦY BAN NHÂN DÂN"), so exceptions that also begin place names are not applied.
    ``short`` adds the abbreviations with an optional dot ("tp." "tx"). The caller adds
    what surrounds the word (word boundaries, line start, the name after it).
    """
    return _level_pattern(area_levels(*tiers, only=only), place_expected, short)


def committee_pattern(*tiers: str, only: bool = False) -> str:
    """A regex fragment matching the Party committees of the levels of ``tiers`` ("tinh uy",
    "huyen uy", "thi uy" …, folded), but not after a word that makes the letters another
    ("cơ quan Ủy ban" is no Quận ủy)."""
    parts = ["".join(rf"(?<!\b{_esc(w)} )" for w in lv.not_after) + _esc(lv.committee)
             for lv in area_levels(*tiers, only=only) if lv.committee]
    return f"(?:{'|'.join(sorted(parts, key=len, reverse=True))})"


@dataclass(frozen=True)
class Province:
    """A province or centrally governed city."""

    name: str  # canonical name without "tỉnh"/"thành phố": "Tây Ninh", "Hồ Chí Minh"
    kind: str  # "tỉnh" | "thành phố"
    current: str  # the province it belongs to from 1 July 2025
    before_2025: bool  # one of the 63
    after_2025: bool  # one of the 34
    aliases: tuple[str, ...] = field(default=())

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def full_name(self) -> str:
        """``"tỉnh Gia Lai"``, ``"thành phố Hà Nội"``."""
        return f"{self.kind} {self.name}"


def _build() -> tuple[tuple[Province, ...], tuple[Province, ...]]:
    new_names = {n for n, _ in _NEW}
    old = tuple(Province(n, k, c, True, n in new_names, a) for n, k, c, a in _OLD)
    by_name = {p.name: p for p in old}
    new = tuple(by_name.get(n) or Province(n, k, n, False, True, ("Thành phố Huế",))
                for n, k in _NEW)
    return old, new


PROVINCES_2024, PROVINCES_2025 = _build()

# Distinctive district-level names (districts, towns, provincial cities before
# 2025) that belong to one province only. Names shared by several provinces
# ("Châu Thành", "Phú Tân", "Tân Châu", "Bảo Lâm", "Tam Nông", "Hoàng Mai" …)
# or that are also ordinary words are left out.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Ba Đình", "Hoàn Kiếm", "Đống Đa", "Hai Bà Trưng", "Cầu Giấy", "Thanh Xuân",
               "Tây Hồ", "Long Biên", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông", "Gia Lâm",
               "Đông Anh", "Sóc Sơn", "Mê Linh", "Ba Vì", "Thạch Thất", "Quốc Oai",
               "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức",
               "Đan Phượng", "Hoài Đức", "Phúc Thọ"),
    "Hồ Chí Minh": ("Củ Chi", "Hóc Môn", "Bình Chánh", "Nhà Bè", "Cần Giờ", "Thủ Đức",
                    "Gò Vấp", "Bình Thạnh", "Phú Nhuận"),
    "Hải Phòng": ("Thủy Nguyên", "Kiến An", "Đồ Sơn", "Dương Kinh", "Hồng Bàng", "Ngô Quyền",
                  "Lê Chân", "Tiên Lãng", "Vĩnh Bảo", "Cát Hải", "Bạch Long Vĩ", "Kiến Thụy"),
    "Đà Nẵng": ("Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ",
                "Hòa Vang", "Hoàng Sa"),
    "Cần Thơ": ("Ninh Kiều", "Bình Thủy", "Cái Răng", "Ô Môn", "Thốt Nốt", "Cờ Đỏ", "Thới Lai"),
    "Hà Giang": ("Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Vị Xuyên", "Bắc Mê",
                 "Hoàng Su Phì", "Xín Mần", "Bắc Quang"),
    "Cao Bằng": ("Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Hạ Lang", "Quảng Hòa", "Nguyên Bình",
                 "Thạch An"),
    "Bắc Kạn": ("Pác Nặm", "Ba Bể", "Ngân Sơn", "Bạch Thông", "Chợ Đồn", "Na Rì"),
    "Tuyên Quang": ("Lâm Bình", "Na Hang", "Chiêm Hóa", "Hàm Yên", "Sơn Dương"),
    "Lào Cai": ("Sa Pa", "Bát Xát", "Bảo Thắng", "Bắc Hà", "Mường Khương", "Si Ma Cai",
                "Văn Bàn", "Bảo Yên"),
    "Điện Biên": ("Mường Nhé", "Mường Chà", "Tủa Chùa", "Tuần Giáo", "Điện Biên Đông",
                  "Mường Ảng", "Nậm Pồ", "Mường Lay"),
    "Lai Châu": ("Tam Đường", "Phong Thổ", "Sìn Hồ", "Mường Tè", "Than Uyên", "Nậm Nhùn"),
    "Sơn La": ("Mộc Châu", "Quỳnh Nhai", "Thuận Châu", "Mường La", "Bắc Yên",
               "Mai Sơn", "Sông Mã", "Yên Châu", "Sốp Cộp", "Vân Hồ"),
    "Yên Bái": ("Nghĩa Lộ", "Lục Yên", "Văn Yên", "Mù Cang Chải", "Trấn Yên", "Trạm Tấu",
                "Văn Chấn"),
    "Hòa Bình": ("Đà Bắc", "Lương Sơn", "Kim Bôi", "Cao Phong", "Tân Lạc", "Mai Châu",
                 "Lạc Sơn", "Yên Thủy", "Lạc Thủy"),
    "Thái Nguyên": ("Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Đại Từ", "Phổ Yên",
                    "Sông Công"),
    "Lạng Sơn": ("Văn Lãng", "Bình Gia", "Hữu Lũng", "Chi Lăng", "Tràng Định", "Văn Quan",
                 "Cao Lộc", "Lộc Bình", "Đình Lập"),
    "Quảng Ninh": ("Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Quảng Yên",
                   "Vân Đồn", "Cô Tô", "Tiên Yên", "Bình Liêu", "Đầm Hà", "Hải Hà", "Ba Chẽ"),
    "Bắc Giang": ("Yên Thế", "Tân Yên", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động",
                  "Yên Dũng", "Việt Yên", "Hiệp Hòa"),
    "Phú Thọ": ("Việt Trì", "Đoan Hùng", "Hạ Hòa", "Thanh Ba", "Phù Ninh", "Yên Lập",
                "Cẩm Khê", "Lâm Thao", "Tân Sơn"),
    "Vĩnh Phúc": ("Vĩnh Yên", "Phúc Yên", "Lập Thạch", "Tam Dương", "Tam Đảo", "Bình Xuyên",
                  "Yên Lạc", "Vĩnh Tường", "Sông Lô"),
    "Bắc Ninh": ("Từ Sơn", "Yên Phong", "Quế Võ", "Tiên Du", "Thuận Thành", "Gia Bình",
                 "Lương Tài"),
    "Hải Dương": ("Chí Linh", "Kinh Môn", "Nam Sách", "Cẩm Giàng", "Bình Giang", "Gia Lộc",
                  "Tứ Kỳ", "Ninh Giang", "Thanh Miện"),
    "Hưng Yên": ("Văn Lâm", "Văn Giang", "Yên Mỹ", "Mỹ Hào", "Ân Thi", "Khoái Châu",
                 "Kim Động", "Phù Cừ", "Tiên Lữ"),
    "Thái Bình": ("Quỳnh Phụ", "Hưng Hà", "Đông Hưng", "Thái Thụy", "Tiền Hải", "Kiến Xương",
                  "Vũ Thư"),
    "Hà Nam": ("Phủ Lý", "Duy Tiên", "Kim Bảng", "Thanh Liêm", "Bình Lục", "Lý Nhân"),
    "Nam Định": ("Mỹ Lộc", "Vụ Bản", "Ý Yên", "Nghĩa Hưng", "Nam Trực", "Trực Ninh",
                 "Xuân Trường", "Giao Thủy", "Hải Hậu"),
    "Ninh Bình": ("Tam Điệp", "Nho Quan", "Gia Viễn", "Hoa Lư", "Yên Khánh", "Yên Mô"),
    "Thanh Hóa": ("Sầm Sơn", "Bỉm Sơn", "Nghi Sơn", "Mường Lát", "Quan Hóa", "Bá Thước",
                  "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành", "Vĩnh Lộc", "Yên Định",
                  "Thọ Xuân", "Thường Xuân", "Thiệu Hóa", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn",
                  "Như Xuân", "Như Thanh", "Nông Cống", "Quảng Xương"),
    "Nghệ An": ("Quỳnh Lưu", "Diễn Châu", "Nghi Lộc", "Cửa Lò", "Tương Dương", "Con Cuông",
                "Anh Sơn", "Đô Lương", "Thanh Chương", "Nam Đàn", "Hưng Nguyên", "Quế Phong",
                "Quỳ Châu", "Quỳ Hợp", "Nghĩa Đàn", "Tân Kỳ", "Yên Thành"),
    "Hà Tĩnh": ("Hồng Lĩnh", "Kỳ Anh", "Hương Sơn", "Đức Thọ", "Vũ Quang", "Nghi Xuân",
                "Can Lộc", "Hương Khê", "Thạch Hà", "Cẩm Xuyên", "Lộc Hà"),
    "Quảng Bình": ("Đồng Hới", "Minh Hóa", "Tuyên Hóa", "Quảng Trạch", "Bố Trạch", "Lệ Thủy",
                   "Ba Đồn"),
    "Quảng Trị": ("Đông Hà", "Vĩnh Linh", "Gio Linh", "Cam Lộ", "Đakrông", "Hướng Hóa",
                  "Triệu Phong", "Hải Lăng", "Cồn Cỏ"),
    "Thừa Thiên Huế": ("Quảng Điền", "Hương Trà", "Hương Thủy", "Phú Vang", "Phú Lộc",
                       "A Lưới", "Nam Đông"),
    "Quảng Nam": ("Tam Kỳ", "Hội An", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Núi Thành",
                  "Tiên Phước", "Hiệp Đức", "Nông Sơn", "Quế Sơn", "Đại Lộc", "Đông Giang",
                  "Tây Giang", "Nam Giang", "Phước Sơn", "Bắc Trà My", "Nam Trà My", "Phú Ninh"),
    "Quảng Ngãi": ("Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức", "Đức Phổ",
                   "Ba Tơ", "Minh Long", "Sơn Hà", "Trà Bồng", "Lý Sơn"),
    "Bình Định": ("Quy Nhơn", "Hoài Nhơn", "Hoài Ân", "Phù Mỹ", "Tây Sơn", "Phù Cát",
                  "An Nhơn", "Tuy Phước", "Vân Canh"),
    "Phú Yên": ("Tuy Hòa", "Sông Cầu", "Đồng Xuân", "Tuy An", "Sông Hinh", "Tây Hòa",
                "Đông Hòa"),
    "Khánh Hòa": ("Nha Trang", "Cam Ranh", "Ninh Hòa", "Vạn Ninh", "Diên Khánh",
                  "Khánh Vĩnh", "Khánh Sơn", "Cam Lâm", "Trường Sa"),
    "Ninh Thuận": ("Phan Rang-Tháp Chàm", "Phan Rang", "Bác Ái", "Ninh Sơn", "Ninh Hải",
                   "Ninh Phước", "Thuận Bắc", "Thuận Nam"),
    "Bình Thuận": ("Phan Thiết", "La Gi", "Tuy Phong", "Bắc Bình", "Hàm Thuận Bắc",
                   "Hàm Thuận Nam", "Tánh Linh", "Đức Linh", "Hàm Tân", "Phú Quý"),
    "Kon Tum": ("Đắk Glei", "Ngọc Hồi", "Đắk Tô", "Sa Thầy", "Kon Plông", "Kon Rẫy",
                "Đắk Hà", "Tu Mơ Rông", "Ia H'Drai"),
    "Gia Lai": ("Ia Grai", "Đức Cơ", "Chư Prông", "Chư Sê", "Chư Păh", "Mang Yang", "Kbang",
                "Kông Chro", "Đak Đoa", "Đak Pơ", "Ia Pa", "Krông Pa", "Chư Pưh", "An Khê",
                "Ayun Pa", "Pleiku"),
    "Đắk Lắk": ("Buôn Ma Thuột", "Buôn Đôn", "Ea Súp", "Ea H'leo", "Krông Búk", "Krông Năng",
                "Cư M'gar", "Krông Pắc", "Krông Bông", "M'Đrắk", "Ea Kar", "Cư Kuin",
                "Krông Ana", "Buôn Hồ"),
    "Đắk Nông": ("Gia Nghĩa", "Cư Jút", "Đắk Mil", "Krông Nô", "Đắk Song", "Đắk R'Lấp",
                 "Đắk Glong", "Tuy Đức"),
    "Lâm Đồng": ("Đà Lạt", "Bảo Lộc", "Đức Trọng", "Di Linh", "Lạc Dương", "Đơn Dương",
                 "Lâm Hà", "Đam Rông", "Cát Tiên", "Đạ Huoai", "Đạ Tẻh"),
    "Bình Phước": ("Đồng Xoài", "Bình Long", "Chơn Thành", "Bù Đăng", "Bù Đốp", "Bù Gia Mập",
                   "Lộc Ninh", "Hớn Quản", "Đồng Phú", "Phú Riềng"),
    "Tây Ninh": ("Tân Biên", "Dương Minh Châu", "Hòa Thành", "Gò Dầu", "Bến Cầu",
                 "Trảng Bàng"),
    "Bình Dương": ("Thủ Dầu Một", "Thuận An", "Dĩ An", "Bến Cát", "Dầu Tiếng", "Bàu Bàng",
                   "Bắc Tân Uyên", "Phú Giáo"),
    "Đồng Nai": ("Biên Hòa", "Long Khánh", "Nhơn Trạch", "Long Thành", "Trảng Bom", "Cẩm Mỹ",
                 "Xuân Lộc", "Định Quán", "Vĩnh Cửu"),
    "Bà Rịa - Vũng Tàu": ("Vũng Tàu", "Phú Mỹ", "Côn Đảo", "Xuyên Mộc", "Long Điền",
                          "Đất Đỏ", "Châu Đức"),
    "Long An": ("Tân An", "Kiến Tường", "Bến Lức", "Cần Giuộc", "Cần Đước", "Đức Hòa",
                "Đức Huệ", "Thủ Thừa", "Tân Trụ", "Mộc Hóa", "Vĩnh Hưng",
                "Tân Hưng"),
    "Tiền Giang": ("Mỹ Tho", "Gò Công", "Cai Lậy", "Cái Bè", "Tân Phước", "Chợ Gạo"),
    "Bến Tre": ("Ba Tri", "Bình Đại", "Giồng Trôm", "Mỏ Cày Nam", "Mỏ Cày Bắc", "Thạnh Phú",
                "Chợ Lách"),
    "Trà Vinh": ("Càng Long", "Cầu Kè", "Tiểu Cần", "Cầu Ngang", "Trà Cú", "Duyên Hải"),
    "Vĩnh Long": ("Long Hồ", "Mang Thít", "Vũng Liêm", "Trà Ôn"),
    "Đồng Tháp": ("Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Tân Hồng", "Lấp Vò", "Lai Vung"),
    "An Giang": ("Long Xuyên", "Châu Đốc", "Tịnh Biên", "Tri Tôn", "Thoại Sơn"),
    "Kiên Giang": ("Rạch Giá", "Hà Tiên", "Phú Quốc", "Kiên Lương", "Hòn Đất", "Giồng Riềng",
                   "Gò Quao", "An Biên", "An Minh", "U Minh Thượng", "Kiên Hải", "Giang Thành"),
    "Hậu Giang": ("Vị Thanh", "Ngã Bảy", "Long Mỹ", "Vị Thủy", "Phụng Hiệp"),
    "Sóc Trăng": ("Kế Sách", "Mỹ Tú", "Cù Lao Dung", "Mỹ Xuyên", "Thạnh Trị", "Ngã Năm",
                  "Vĩnh Châu", "Trần Đề"),
    "Bạc Liêu": ("Hồng Dân", "Vĩnh Lợi", "Giá Rai", "Đông Hải"),
    "Cà Mau": ("Năm Căn", "Ngọc Hiển", "Đầm Dơi", "Cái Nước", "Thới Bình", "Trần Văn Thời"),
}


def all_provinces() -> tuple[Province, ...]:
    """The 63 pre-2025 provinces and the one new name (Huế) among the 34."""
    return PROVINCES_2024 + tuple(p for p in PROVINCES_2025 if not p.before_2025)


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for p in all_provinces():
        for name in (p.name, *p.aliases):
            index.setdefault(_key(name), p)
    return index


def _key(name: str) -> str:
    return re.sub(r"\s*[-–]\s*", " ", fold(name)).replace(".", ". ").replace("  ", " ").strip()


def province(name: str) -> Province | None:
    """The province called ``name`` (any alias, with or without "tỉnh"/"thành phố")."""
    key = _key(re.sub(r"^\s*(?:tỉnh|thành phố|tp\.?)\s+", "", nfc(name), flags=re.I))
    return _alias_index().get(key)


def current_province(name: str) -> str | None:
    """The name of the province ``name`` belongs to from 1 July 2025, or None if unknown."""
    p = province(name)
    return p.current if p else None


@dataclass(frozen=True)
class ProvinceMatch:
    """A province named in text: the words as written and where."""

    province: Province
    text: str  # as written, with its prefix when it has one: "tỉnh Gia Lai"
    start: int
    end: int
    prefixed: bool  # introduced by "tỉnh", "thành phố", "TP."


class _AlignedFold(dict):
    """A str.translate table: each character to its one-character fold()."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch == "\n":
            value = "\n"
        elif not ch.strip():
            value = " "
        else:
            value = (fold(ch) or " ")[:1]
        self[code] = value
        return value


_ALIGNED = _AlignedFold()


def fold_aligned(text: str) -> str:
    """fold() one character at a time: same length as ``text``, so positions map back.

    ``text`` should be NFC (a composed letter folds to one character).
    """
    return text.translate(_ALIGNED)



def _name_regex(name: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-–.]+", fold(name)) if p]
    return r"[\s\-–.]*".join(parts)


@lru_cache(maxsize=1)
def _province_regex() -> re.Pattern[str]:
    names = sorted({n for p in all_provinces() for n in (p.name, *p.aliases)},
                   key=lambda n: -len(fold(n)))
    alternation = "|".join(_name_regex(n) for n in names)
    return re.compile(
        rf"(?<![\w])(?P<prefix>(?:tinh|thanh pho|tp\.?|t\.)\s*)?(?P<name>{alternation})(?![\w])"
    )


# Names that are also common in other senses ("Đoàn TNCS Hồ Chí Minh", "tư
# tưởng Hồ Chí Minh") count as a province only after "thành phố"/"TP.".
_NEEDS_PREFIX = {fold("Hồ Chí Minh"), fold("HCM")}


def _capitalised(words: str) -> bool:
    """Each syllable starts with a capital letter (or the text is in capitals)."""
    syllables = [w for w in re.split(r"[\s\-–.]+", words) if w and w[0].isalpha()]
    return bool(syllables) and all(w[0].isupper() for w in syllables)


def find_provinces(text: str, *, require_case: bool = True) -> list[ProvinceMatch]:
    """Every province named in ``text``, in order.

    A bare name must be capitalised ("Hòa Bình" the province, not "hòa bình"
    peace) unless ``require_case`` is False; "tỉnh"/"thành phố" before a name
    makes it a province whatever its case.
    """
    text = nfc(text)
    folded = fold_aligned(text)
    out = []
    for m in _province_regex().finditer(folded):
        written = text[m.start("name"):m.end("name")]
        prefixed = m.group("prefix") is not None
        if require_case and not _capitalised(written):
            continue
        if require_case and not prefixed and fold(written) in _NEEDS_PREFIX:
            continue
        p = province(written) or _alias_index().get(_key(fold(written)))
        if p is None:
            continue
        start = m.start() if prefixed else m.start("name")
        out.append(ProvinceMatch(p, text[start:m.end()], start, m.end(), prefixed))
    return out


def find_province(text: str, *, require_case: bool = True) -> ProvinceMatch | None:
    """The first province named in ``text`` (one with "tỉnh"/"thành phố" preferred)."""
    matches = find_provinces(text, require_case=require_case)
    prefixed = [m for m in matches if m.prefixed]
    return (prefixed or matches or [None])[0]


@lru_cache(maxsize=1)
def _district_regex() -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]]:
    owner: dict[str, list[tuple[str, str]]] = {}
    for prov, names in DISTRICTS.items():
        for n in names:
            owner.setdefault(_key(n.replace("'", "")), []).append((n, prov))
    alternation = "|".join(_name_regex(n.replace("'", ""))
                           for n in sorted({n for v in DISTRICTS.values() for n in v},
                                           key=lambda n: -len(n)))
    return re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])"), owner


def find_districts(text: str) -> list[tuple[str, Province, str]]:
    """Distinctive pre-2025 district names in ``text``: (name, its province, as written).

    Names that differ only in diacritics ("Phù Mỹ" / "Phú Mỹ") are told apart
    by their exact spelling; otherwise text without diacritics matches too.
    """
    text = nfc(text).replace("'", "").replace("’", "")
    folded = fold_aligned(text)
    pattern, owner = _district_regex()
    out = []
    for m in pattern.finditer(folded):
        written = text[m.start():m.end()]
        if not _capitalised(written):
            continue
        hits = owner.get(_key(written), [])
        if len(hits) > 1:
            exact = canon(written).lower()
            hits = [h for h in hits if canon(h[0].replace("'", "")).lower() == exact]
        if len(hits) != 1:
            continue
        p = province(hits[0][1])
        if p is not None:
            out.append((hits[0][0], p, written))
    return out
