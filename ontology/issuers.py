"""Issuing bodies: the codes in document symbols and the names used in text.

A symbol's issuer part tells whether a document is one nationwide (central:
``TW``, ``TTg``, ``CP``, ministries ``B…``) or one per province (local:
``UBND``, ``TU``, departments ``S…``, ``BCĐ``, ``HND``) and whether it is
numbered Party-style (``36-NQ/TW``) or state-style (``145/QĐ-UBND``). Names in
text ("của Ban Thường vụ Tỉnh ủy", "của Thủ tướng Chính phủ") resolve to the
same codes. Everything is matched on :func:`~policykg.ontology.normalize.fold`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.ontology.datafiles import data_rows
from policykg.ontology.normalize import fold, nfc, squash_spaces
from policykg.ontology.provinces import (
    area_level,
    area_levels,
    committee_pattern,
    find_province,
    fold_aligned,
    level_pattern,
    short_levels,
)
from policykg.ontology.provinces import province as named_province

__all__ = [
    "Issuer", "ISSUERS", "SECTORS", "IssuerMatch", "issuer_by_code", "issuer_code", "is_party_code",
    "issuer_scope_of_code", "local_area", "own_book", "party_agency", "party_cell",
    "match_issuer",
    "display_issuer", "sector_name", "PARTY_BOARD_NAMES", "CityLevel", "city_levels",
    "province_on",
]


@dataclass(frozen=True)
class Issuer:
    """An issuing body as it appears in symbols and text."""

    code: str  # as printed in symbols
    name: str  # canonical Vietnamese name (for local bodies without the province)
    name_en: str
    scope: str  # "central" | "local"
    party: bool  # numbered Party-style: number-TYPE/ISSUER
    names: tuple[str, ...] = ()  # how the text names it (regexes over fold() text)


# Sectors of ministries (Bộ …) and provincial departments (Sở …): the
# abbreviations used in symbols and text, and the display name.
SECTORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("KHCN", "KH&CN", "KH-CN"), "Khoa học và Công nghệ"),
    (("NNPTNT", "NN&PTNT", "NNVPTNT", "NNNT"), "Nông nghiệp và Phát triển nông thôn"),
    (("NNMT", "NN&MT"), "Nông nghiệp và Môi trường"),
    (("KHĐT", "KH&ĐT", "KHDT"), "Kế hoạch và Đầu tư"),
    (("TC",), "Tài chính"),
    (("NV",), "Nội vụ"),
    (("CT", "CThg"), "Công Thương"),
    (("TTTT", "TT&TT", "TTVTT"), "Thông tin và Truyền thông"),
    (("GDĐT", "GD&ĐT", "GDDT"), "Giáo dục và Đào tạo"),
    (("YT",), "Y tế"),
    (("TNMT", "TN&MT"), "Tài nguyên và Môi trường"),
    (("GTVT",), "Giao thông vận tải"),
    (("XD",), "Xây dựng"),
    (("TP", "TPh"), "Tư pháp"),
    (("LĐTBXH", "LĐ-TBXH", "LDTBXH"), "Lao động - Thương binh và Xã hội"),
    (("VHTTDL", "VHTT&DL", "VHTTDLich"), "Văn hóa, Thể thao và Du lịch"),
    (("NgV", "NGV"), "Ngoại vụ"),
    (("NG",), "Ngoại giao"),
    (("DT",), "Dân tộc"),
    (("DTTG",), "Dân tộc và Tôn giáo"),
    (("CA",), "Công an"),
    (("QP",), "Quốc phòng"),
    (("VHTT",), "Văn hóa và Thể thao"),
)

_SECTOR_BY_ABBR: dict[str, str] = {fold(a): name for abbrs, name in SECTORS for a in abbrs}
_SECTOR_BY_NAME: dict[str, str] = {fold(name): name for _, name in SECTORS}
# Variant spellings of sector names seen in texts.
_SECTOR_BY_NAME.update({
    fold("Văn hóa thể thao và Du lịch"): "Văn hóa, Thể thao và Du lịch",
    fold("Lao động Thương binh và Xã hội"): "Lao động - Thương binh và Xã hội",
    fold("Lao động – Thương binh và Xã hội"): "Lao động - Thương binh và Xã hội",
    fold("Giao thông - Vận tải"): "Giao thông vận tải",
    fold("Nông nghiệp và PTNT"): "Nông nghiệp và Phát triển nông thôn",
})


def _sector_alternation() -> str:
    names = sorted(set(_SECTOR_BY_NAME) | set(_SECTOR_BY_ABBR), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_SECTOR_ALT = _sector_alternation()
# The Party committees of a province's agencies since 2025 ("Đảng ủy UBND tỉnh", "Đảng ủy các
# cơ quan Đảng tỉnh", "Đảng ủy Công an tỉnh") and of its departments before ("Đảng ủy Sở Y
# tế"), each numbering "…/ĐU" on its own; a board of any Party committee ("Ban Thường vụ Đảng
# ủy …"), but not of a central one (folded).
_PARTY_AGENCIES = (r"cac co quan dang", r"khoi cac co quan(?: va doanh nghiep)?",
                   r"khoi co quan", r"khoi doanh nghiep", r"ubnd", r"uy ban nhan dan",
                   r"hdnd", r"hoi dong nhan dan",
                   r"cong an", r"quan su", r"bo chi huy quan su", r"bo doi bien phong")
_PARTY_BOARD = r"(?:ban thuong vu|thuong truc|ban chap hanh) dang uy"
_CENTRAL_COMMITTEES = r"(?! (?:chinh phu|quoc hoi|cac co quan dang trung uong)\b)"
_AGENCY_COMMITTEES = (
    rf"(?:{_PARTY_BOARD}|dang uy) (?:{'|'.join(_PARTY_AGENCIES)})(?= (?:tinh|thanh pho)\b)",
    rf"(?:{_PARTY_BOARD}|dang uy) so (?:{_SECTOR_ALT})",
    _PARTY_BOARD + _CENTRAL_COMMITTEES,
    # "Ban Chấp hành Đảng bộ xã": the committee a commune's Party organisation elects
    rf"(?:ban chap hanh|bch) dang bo(?= {level_pattern('commune', only=True)}(?![\w]))",
)


# The standing body and the committees of a People's Council, which sign under the council's
# name (folded → as written).
COUNCIL_BODIES: dict[str, str] = {
    "thuong truc": "Thường trực", "ban kinh te - ngan sach": "Ban Kinh tế - Ngân sách",
    "ban phap che": "Ban Pháp chế", "ban van hoa - xa hoi": "Ban Văn hóa - Xã hội",
    "ban dan toc": "Ban Dân tộc", "ban do thi": "Ban Đô thị",
    "ban kinh te - xa hoi": "Ban Kinh tế - Xã hội",
}
# "Ban Kinh tế - Ngân sách HĐND tỉnh", "Thường trực Hội đồng nhân dân": a council's body
# cited with its council (folded).
_COUNCIL_BODY_NAMES = (
    r"(?:" + "|".join(re.escape(k).replace(r"\ \-\ ", r"\s*[-–]\s*").replace(r"\ ", " ")
                     for k in sorted(COUNCIL_BODIES, key=len, reverse=True))
    + r") (?:cua )?(?:hoi dong nhan dan|hdnd)")


ISSUERS: tuple[Issuer, ...] = (
    # Central Party bodies.
    Issuer("TW", "Ban Chấp hành Trung ương Đảng", "Party Central Committee", "central", True,
           (r"ban chap hanh trung uong(?: dang)?", r"bch trung uong(?: dang)?",
            r"trung uong dang", r"trung uong")),
    Issuer("BCT", "Bộ Chính trị", "Politburo", "central", True, (r"bo chinh tri",)),
    Issuer("BBT", "Ban Bí thư", "Secretariat", "central", True,
           (r"ban bi thu(?: trung uong(?: dang)?)?",)),
    Issuer("ĐĐQH", "Đảng đoàn Quốc hội", "National Assembly Party Delegation", "central", True,
           (r"dang doan quoc hoi",)),
    Issuer("BCSĐCP", "Ban cán sự đảng Chính phủ", "Government Party Committee", "central",
           True, (r"ban can su dang chinh phu",)),
    Issuer("VPTW", "Văn phòng Trung ương Đảng", "Party Central Office", "central", True,
           (r"van phong trung uong dang",)),
    Issuer("BTGTW", "Ban Tuyên giáo Trung ương", "Central Propaganda Commission", "central",
           True, (r"ban tuyen giao trung uong",)),
    Issuer("BTGDVTW", "Ban Tuyên giáo và Dân vận Trung ương",
           "Central Commission for Propaganda and Mass Mobilisation", "central", True,
           (r"ban tuyen giao va dan van trung uong",)),
    Issuer("BDVTW", "Ban Dân vận Trung ương", "Central Mass Mobilisation Commission", "central",
           True, (r"ban dan van trung uong",)),
    Issuer("BNCTW", "Ban Nội chính Trung ương", "Central Internal Affairs Commission", "central",
           True, (r"ban noi chinh trung uong",)),
    Issuer("BĐNTW", "Ban Đối ngoại Trung ương", "Central External Relations Commission",
           "central", True, (r"ban doi ngoai trung uong",)),
    Issuer("BTCTW", "Ban Tổ chức Trung ương", "Central Organisation Commission", "central",
           True, (r"ban to chuc trung uong",)),
    Issuer("BKTTW", "Ban Kinh tế Trung ương", "Central Economic Commission", "central", True,
           (r"ban kinh te trung uong",)),
    Issuer("UBKTTW", "Ủy ban Kiểm tra Trung ương", "Central Inspection Commission", "central",
           True, (r"uy ban kiem tra trung uong",)),
    # The Party committees of central bodies since 2025 (symbol "…/ĐU"), not a local one.
    Issuer("ĐUCP", "Đảng ủy Chính phủ", "Party Committee of the Government", "central", True,
           (r"(?:(?:ban thuong vu|thuong truc) )?dang uy chinh phu",)),
    Issuer("ĐUQH", "Đảng ủy Quốc hội", "Party Committee of the National Assembly", "central",
           True, (r"(?:(?:ban thuong vu|thuong truc) )?dang uy quoc hoi",)),
    Issuer("ĐUCCQĐTW", "Đảng ủy các cơ quan Đảng Trung ương",
           "Party Committee of Central Party Agencies", "central", True,
           (r"(?:(?:ban thuong vu|thuong truc) )?dang uy cac co quan dang trung uong",)),
    Issuer("BCĐTW", "Ban Chỉ đạo Trung ương", "Central Steering Committee", "central", True,
           (r"ban chi dao trung uong",)),
    Issuer("TWĐTN", "Trung ương Đoàn TNCS Hồ Chí Minh", "Central Youth Union", "central", True,
           (r"trung uong doan(?: tncs ho chi minh)?", r"ban chap hanh trung uong doan",
            r"ban (?:thuong vu|bi thu) trung uong doan(?: tncs ho chi minh)?")),
    Issuer("TWHND", "Trung ương Hội Nông dân Việt Nam", "Central Farmers' Union", "central",
           True, (r"trung uong hoi nong dan(?: viet nam)?",)),
    Issuer("MTTW", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Fatherland Front", "central",
           True, (r"uy ban trung uong mat tran to quoc(?: viet nam)?",)),
    # Central state bodies.
    Issuer("UBTVQH", "Ủy ban Thường vụ Quốc hội", "NA Standing Committee", "central", False,
           (r"uy ban thuong vu quoc hoi", r"ubtvqh")),
    Issuer("QH", "Quốc hội", "National Assembly", "central", False, (r"quoc hoi",)),
    Issuer("TTg", "Thủ tướng Chính phủ", "Prime Minister", "central", False,
           (r"thu tuong chinh phu", r"thu tuong", r"ttcp")),
    Issuer("CP", "Chính phủ", "Government", "central", False, (r"chinh phu",)),
    Issuer("VPCP", "Văn phòng Chính phủ", "Government Office", "central", False,
           (r"van phong chinh phu",)),
    Issuer("CTN", "Chủ tịch nước", "President", "central", False, (r"chu tich nuoc",)),
    Issuer("NHNN", "Ngân hàng Nhà nước Việt Nam", "State Bank", "central", False,
           (r"ngan hang nha nuoc(?: viet nam)?",)),
    Issuer("KTNN", "Kiểm toán Nhà nước", "State Audit", "central", False,
           (r"kiem toan nha nuoc",)),
    Issuer("TANDTC", "Tòa án nhân dân tối cao", "Supreme People's Court", "central", False,
           (r"toa an nhan dan toi cao",)),
    Issuer("VKSNDTC", "Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy", "central",
           False, (r"vien kiem sat nhan dan toi cao",)),
    # Local Party bodies and mass organisations.
    Issuer("TU", "Tỉnh ủy", "Provincial Party Committee", "local", True,
           (r"ban thuong vu tinh uy", r"btv tinh uy", r"ban chap hanh dang bo tinh",
            r"thuong truc tinh uy", r"tinh uy", r"ban thuong vu thanh uy", r"thanh uy")),
    Issuer("HU", "Huyện ủy", "District Party Committee", "local", True,
           (r"ban thuong vu huyen uy", r"huyen uy")),
    Issuer("ĐU", "Đảng ủy", "Party Committee", "local", True,
           (*_AGENCY_COMMITTEES, r"dang uy")),
    Issuer("CB", "Chi bộ", "Party cell", "local", True, (r"chi bo",)),
    Issuer("QU", "Quận ủy", "Urban District Party Committee", "local", True, (r"quan uy",)),
    Issuer("BCĐ", "Ban Chỉ đạo", "Steering Committee", "local", True,
           (r"ban chi dao", r"bcd")),
    Issuer("HND", "Hội Nông dân", "Farmers' Union", "local", True,
           (r"(?:ban chap hanh |bch |ban thuong vu )?hoi nong dan",
            r"(?:bch )?hnd")),
    Issuer("HLHPN", "Hội Liên hiệp Phụ nữ", "Women's Union", "local", True,
           (r"hoi lien hiep phu nu",)),
    Issuer("TĐTN", "Tỉnh Đoàn", "Provincial Youth Union", "local", True,
           (r"(?:ban thuong vu |ban chap hanh |bch )?tinh doan(?: tncs ho chi minh)?",
            r"(?:ban chap hanh |bch )?doan (?:tncs|thanh nien cong san) ho chi minh tinh")),
    Issuer("MTTQ", "Ủy ban Mặt trận Tổ quốc", "Fatherland Front Committee", "local", True,
           (r"uy ban mat tran to quoc(?: viet nam)?", r"mat tran to quoc")),
    Issuer("LĐLĐ", "Liên đoàn Lao động", "Labour Federation", "local", True,
           (r"lien doan lao dong",)),
    Issuer("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "Provincial Propaganda Board", "local", True,
           (r"ban tuyen giao tinh uy",)),
    Issuer("BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Provincial Propaganda and Mass "
           "Mobilisation Board", "local", True,
           (r"ban tuyen giao va dan van (?:tinh|thanh) uy", r"ban tuyen giao va dan van")),
    Issuer("BDVTU", "Ban Dân vận Tỉnh ủy", "Provincial Mass Mobilisation Board", "local", True,
           (r"ban dan van (?:tinh|thanh) uy",)),
    Issuer("BTCTU", "Ban Tổ chức Tỉnh ủy", "Provincial Organisation Board", "local", True,
           (r"ban to chuc tinh uy",)),
    Issuer("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", "Provincial Inspection Commission", "local",
           True, (r"uy ban kiem tra tinh uy",)),
    Issuer("VPTU", "Văn phòng Tỉnh ủy", "Provincial Party Office", "local", True,
           (r"van phong tinh uy",)),
    Issuer("BCSĐ", "Ban cán sự đảng", "Party Committee of an agency", "local", True,
           (r"ban can su dang",)),
    # Local state bodies.
    Issuer("UBND", "UBND", "People's Committee", "local", False,
           (r"chu tich (?:uy ban nhan dan|ubnd)", r"uy ban nhan dan", r"ubnd")),
    Issuer("HĐND", "HĐND", "People's Council", "local", False,
           (_COUNCIL_BODY_NAMES, r"hoi dong nhan dan", r"hdnd")),
    Issuer("BQL", "Ban Quản lý", "Management Board", "local", False, (r"ban quan ly",)),
    # A council of a province (not its People's Council): "Hội đồng phối hợp phổ biến,
    # giáo dục pháp luật tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh" (symbols "…/KH-HĐPH").
    Issuer("HĐ", "Hội đồng", "Council", "local", False,
           (r"hoi dong (?!nhan dan\b)[a-z][a-z ,-]{2,80}?(?= (?:tinh|thanh pho)\b)",)),
)

_BY_CODE: dict[str, Issuer] = {fold(i.code): i for i in ISSUERS}
_DIGITS = re.compile(r"\d+$")


def sector_name(abbr_or_name: str) -> str | None:
    """The display name of a sector from its abbreviation or any spelling of its name."""
    folded = fold(abbr_or_name)
    return _SECTOR_BY_ABBR.get(folded) or _SECTOR_BY_NAME.get(folded)


def _ministry_or_department(part: str) -> tuple[str, str] | None:
    """``("B", sector)`` for ``BKHCN``, ``("S", sector)`` for ``SKHCN``; None otherwise."""
    folded = fold(part)
    if len(folded) >= 3 and folded[0] in "bs":
        name = _SECTOR_BY_ABBR.get(folded[1:])
        if name:
            return folded[0].upper(), name
    return None


def issuer_by_code(part: str) -> Issuer | None:
    """The :class:`Issuer` a symbol code stands for (``"ĐĐQH15"`` → Đảng đoàn Quốc hội)."""
    return _BY_CODE.get(_DIGITS.sub("", fold(part)))


def issuer_code(part: str) -> str | None:
    """The canonical spelling of a known issuer code (``"ttg"`` → ``"TTg"``), else None.

    A Party delegation's term number stays: ``"ĐĐQH15"``.
    """
    folded = fold(part)
    base = _DIGITS.sub("", folded)
    issuer = _BY_CODE.get(base)
    if issuer is not None:
        return issuer.code + folded[len(base):]
    md = _ministry_or_department(part)
    if md is not None:
        return nfc(part).upper()
    return None


def is_party_code(part: str) -> bool | None:
    """True for a Party-style issuer (hyphen numbering), False for state, None unknown."""
    issuer = _BY_CODE.get(_DIGITS.sub("", fold(part)))
    if issuer is not None:
        return issuer.party
    if _ministry_or_department(part) is not None:
        return False
    return None


def issuer_scope_of_code(part: str) -> str:
    """``"central"`` or ``"local"`` for one issuer code; unknown codes count as local."""
    issuer = _BY_CODE.get(_DIGITS.sub("", fold(part)))
    if issuer is not None:
        return issuer.scope
    md = _ministry_or_department(part)
    if md is not None:
        return "central" if md[0] == "B" else "local"
    folded = fold(part)
    if folded.endswith("tw") and len(folded) > 2:  # "BTGTW", "VPTW"-like central boards
        return "central"
    return "local"


@dataclass(frozen=True)
class IssuerMatch:
    """An issuer named at the start of a piece of text."""

    text: str  # the words matched, as written
    code: str  # issuer code ("TU", "UBND", "SKHCN", "BKHCN")
    scope: str
    name: str  # canonical name without province


# "Bộ Tài chính", "Sở Y tế", and the head who signs for one: "Bộ trưởng Bộ Văn hóa, …".
_MINISTRY = re.compile(rf"(?:(?:bo truong|thu truong|giam doc|pho giam doc)\s+)?(bo|so)\s+"
                       rf"({_SECTOR_ALT})(?![\w&])")
_NAMED: list[tuple[re.Pattern[str], Issuer]] = sorted(
    ((re.compile(p + r"(?![\w&])"), i) for i in ISSUERS for p in i.names),
    key=lambda pi: -len(pi[0].pattern),
)


def match_issuer(text: str) -> IssuerMatch | None:
    """The issuer named at the start of ``text`` ("Ban Thường vụ Tỉnh ủy thực hiện …").

    ``text`` is NFC; the match covers the issuer's words only (not the province).
    """
    text = nfc(text)
    lead = len(text) - len(text.lstrip())
    folded = fold_aligned(text)[lead:]
    m = _MINISTRY.match(folded)
    if m:
        sector = _SECTOR_BY_NAME.get(m.group(2)) or _SECTOR_BY_ABBR.get(m.group(2))
        kind = "B" if m.group(1) == "bo" else "S"
        abbr = next(a for abbrs, n in SECTORS if n == sector for a in abbrs)
        return IssuerMatch(text[lead:lead + m.end()], kind + abbr.replace("&", ""),
                           "central" if kind == "B" else "local",
                           ("Bộ " if kind == "B" else "Sở ") + sector)
    for pattern, issuer in _NAMED:
        m = pattern.match(folded)
        if m:
            return IssuerMatch(text[lead:lead + m.end()], issuer.code, issuer.scope, issuer.name)
    return None


_FIXED_NAMES = {fold(i.name): i.name for i in ISSUERS if i.scope == "central"}
_FIXED_NAMES.update({
    fold("Ban Chấp hành Trung ương"): "Ban Chấp hành Trung ương",
    fold("Đảng Cộng sản Việt Nam"): "Đảng Cộng sản Việt Nam",
})
_LOCAL_HEADS = [
    (re.compile(r"^(?:uy ban nhan dan|ubnd)\b"), "UBND"),
    (re.compile(r"^(?:hoi dong nhan dan|hdnd)\b"), "HĐND"),
    (re.compile(r"^(?:(?P<board>ban thuong vu|thuong truc) )?tinh uy\b"), "Tỉnh ủy"),
    (re.compile(r"^(?:(?P<board>ban thuong vu|thuong truc) )?thanh uy\b"), "Thành ủy"),
    (re.compile(r"^(?:(?P<board>ban thuong vu|thuong truc) )?huyen uy\b"), "Huyện ủy"),
    (re.compile(r"^(?:(?P<board>ban thuong vu|thuong truc) )?quan uy\b"), "Quận ủy"),
    (re.compile(r"^(?:(?P<board>ban thuong vu|thuong truc) )?thi uy\b"), "Thị ủy"),
    # "BCH HỘI NÔNG DÂN TỈNH …": the association's committee signs for the association.
    (re.compile(r"^(?:(?:bch|ban chap hanh|ban thuong vu) )?hoi nong dan\b"), "Hội Nông dân"),
    (re.compile(r"^(?:(?:bch|ban chap hanh|ban thuong vu) )?hoi lien hiep phu nu\b"),
     "Hội Liên hiệp Phụ nữ"),
    (re.compile(r"^(?:(?:bch|ban chap hanh|ban thuong vu) )?hoi cuu chien binh\b"),
     "Hội Cựu chiến binh"),
    (re.compile(r"^ban chi dao\b"), "Ban Chỉ đạo"),
]


# The Party committees of a district, named with their district ("HUYỆN ỦY ĐẦM HÀ").
_DISTRICT_HEADS = frozenset({"Huyện ủy", "Quận ủy", "Thị ủy"})


# Levels below the province only (folded → as written): "thành phố" is left out, as "UBND
# THÀNH PHỐ HÀ NỘI" is a province's.
_AREA_WORDS = {lv.word: lv.display for lv in area_levels("district", "commune", only=True)}
# "XÃ TÂN PHÚ", "PHƯỜNG 3", "THÀNH PHỐ ĐÀ LẠT", "TP. PLEIKU": a place is a name or a number
# (a "thành phố" that is a province is told apart by its name).
_AREA = re.compile(
    rf"^({level_pattern('district', 'commune', place_expected=True, short=True)})"
    r"(?:\s+|(?<=\.))(?P<name>[a-z0-9].*)$")


# Words of a body's name written with capitals even in sentence case (folded → as written):
# "BAN THƯỜNG VỤ TỈNH ỦY" → "Ban Thường vụ Tỉnh ủy", "BCH ĐOÀN TNCS HỒ CHÍ MINH" → "BCH
# Đoàn TNCS Hồ Chí Minh".
PROPER_PHRASES: dict[str, str] = {
    "ban thuong vu": "Ban Thường vụ", "ban chap hanh": "Ban Chấp hành", "bch": "BCH",
    "tinh uy": "Tỉnh ủy", "thanh uy": "Thành ủy", "huyen uy": "Huyện ủy",
    "dang bo": "Đảng bộ", "dang uy": "Đảng ủy", "doan tncs ho chi minh": "Đoàn TNCS Hồ Chí Minh",
    "doan thanh nien cong san ho chi minh": "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "tncs": "TNCS", "ho chi minh": "Hồ Chí Minh", "mat tran to quoc": "Mặt trận Tổ quốc",
    "thuong truc": "Thường trực", "ubnd": "UBND", "hdnd": "HĐND", "mttq": "MTTQ",
    "co quan dang": "cơ quan Đảng", "viet nam": "Việt Nam", "chinh phu": "Chính phủ",
    "quoc hoi": "Quốc hội",
    "ban xay dung dang": "Ban Xây dựng Đảng", "uy ban kiem tra": "Ủy ban Kiểm tra",
    # the agencies whose Party committees sign "ĐẢNG ỦY CÔNG AN TỈNH", "ĐẢNG ỦY ỦY BAN NHÂN
    # DÂN THÀNH PHỐ"
    "uy ban nhan dan": "Ủy ban nhân dân", "hoi dong nhan dan": "Hội đồng nhân dân",
    "cong an": "Công an", "bo chi huy quan su": "Bộ Chỉ huy Quân sự",
    "bo doi bien phong": "Bộ đội Biên phòng",
}
_PROPER_LONGEST = max(len(k.split()) for k in PROPER_PHRASES)


def _proper_phrases(text: str) -> str:
    """``text`` with the words of :data:`PROPER_PHRASES` in their written capitals."""
    words = text.split(" ")
    folded = fold(text).split(" ")
    if len(folded) != len(words):
        return text
    i = 0
    while i < len(words):
        for n in range(min(_PROPER_LONGEST, len(words) - i), 0, -1):
            found = PROPER_PHRASES.get(" ".join(folded[i:i + n]))
            if found is not None:
                words[i:i + n] = [words[i][:1] + found[1:]] if n == 1 and i == 0 else [found]
                folded[i:i + n] = [fold(found)]
                break
        i += 1
    return " ".join(words)


# A level word and the place's name after it, at the end of a body's name (folded).
_PLACE_AFTER_LEVEL = re.compile(
    rf"\b({level_pattern(place_expected=True)})\s+(?!uy$)([a-z][a-z \-–]*)$")
# Boards of a provincial Party committee: their name, then the province they serve.
_PROVINCE_BOARDS = frozenset({"BTGDVTU", "BDVTU", "BTGTU", "BTCTU", "UBKTTU", "VPTU"})


def _province_board(text: str, folded: str) -> str | None:
    """The canonical name of a provincial Party board the text names, with nothing after
    it but the province ("BAN TUYÊN GIÁO VÀ DÂN VẬN" → "Ban Tuyên giáo và Dân vận Tỉnh ủy")."""
    if not folded.startswith(("ban ", "van phong ", "uy ban ")):
        return None
    found = match_issuer(text)
    if found is None or found.code not in _PROVINCE_BOARDS:
        return None
    rest = text[len(found.text):].strip(" ,")
    if rest and not (find_province(rest, require_case=False) is not None
                     and fold(rest).startswith(("tinh ", "thanh pho "))):
        return None
    return found.name


def display_issuer(text: str, province: str | None = None, province_kind: str = "tỉnh") -> str:
    """A readable canonical issuer name from a header or body phrase.

    ``"SỞ KHOA HỌC VÀ CÔNG NGHỆ"`` + Gia Lai → ``"Sở Khoa học và Công nghệ tỉnh Gia Lai"``;
    ``"ĐẢNG ĐOÀN QUỐC HỘI"`` → ``"Đảng đoàn Quốc hội"``; ``"Sở KH&CN"`` → ``"Sở Khoa học
    và Công nghệ"``. The province is added to local bodies that do not name it.
    """
    text = squash_spaces(re.sub(r"\([^)]*\)", " ", nfc(text))).strip(" ,.;:-")
    folded = fold(text)
    if folded in _FIXED_NAMES:
        return _FIXED_NAMES[folded]
    central = match_issuer(text) if " ve " in folded else None
    if central is not None and central.scope == "central" \
            and fold(text[len(central.text):]).startswith("ve "):
        # "BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN …": a central body named with its remit.
        return f"{central.name} {_sentence_case(text[len(central.text):].strip())}"
    named = find_province(text, require_case=False)
    prov_name = named.province.name if named else province
    kind = named.province.kind if named else province_kind
    suffix = f" {kind} {prov_name}" if prov_name else ""
    m = _MINISTRY.match(folded)
    if m:
        sector = _SECTOR_BY_NAME.get(m.group(2)) or _SECTOR_BY_ABBR.get(m.group(2))
        if m.group(1) == "bo":
            return f"Bộ {sector}"
        return f"Sở {sector}{suffix}"
    for pattern, head in _LOCAL_HEADS:
        if pattern.match(folded):
            if head in ("Tỉnh ủy", "Thành ủy"):
                # "BAN THƯỜNG VỤ TỈNH ỦY": the standing board signs as itself.
                board = pattern.match(folded).group("board")
                head = f"{PROPER_PHRASES[board]} {head}" if board else head
                return f"{head} {prov_name}" if prov_name else head
            below = text
            if named is not None and named.prefixed and named.start > 0 \
                    and not text[named.end:].strip():
                below = text[:named.start].rstrip(" ,-–")  # "UBND XÃ HIỆP THẠNH TỈNH LÂM ĐỒNG"
            area = _council_area(below, pattern.match(folded).end())
            if head in ("UBND", "HĐND") and area:
                # A council below the province: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "UBND TP. PLEIKU".
                return f"{head} {_level_display(area[0])} {area[1]}"
            rest = text[pattern.match(folded).end():].strip()
            if head == "Ban Chỉ đạo" and (board := local_board(text)) is not None:
                return board
            if head in _DISTRICT_HEADS and (not named or below != text):  # "HUYỆN ỦY ĐẦM HÀ"
                board = pattern.match(folded).group("board")
                head = f"{PROPER_PHRASES[board]} {head}" if board else head
                rest = below[pattern.match(folded).end():].strip()
                if rest or board:
                    return f"{head} {rest.title() if rest.isupper() else rest}".strip()
            return f"{head}{suffix}"
    board = _province_board(text, folded)
    if board is not None:
        if kind == "thành phố":  # a city's board serves its Thành ủy
            board = board.replace("Tỉnh ủy", "Thành ủy")
        return f"{board} {prov_name}" if prov_name else board
    if text.upper() == text:  # a header in capitals with no known form: sentence case
        lowered = text.lower()
        text = _proper_phrases(lowered[:1].upper() + lowered[1:])
        # "ĐẢNG ỦY PHƯỜNG HOA LƯ": the place after its level word is a proper name.
        place = _PLACE_AFTER_LEVEL.search(fold(text))
        if place:
            text = text[:place.start(2)] + text[place.start(2):].title()
        text = _proper_departments(text)
        text = _proper_village(text)
        if named:
            start = fold(text).find(fold(named.text))
            if start >= 0:
                proper = (f"{named.province.kind} {named.province.name}" if named.prefixed
                          else named.province.name)
                text = text[:start] + proper + text[start + len(named.text):]
    return text


def _council_area(text: str, start: int) -> tuple[str, str] | None:
    """(folded level, place as a name writes it) of the area a council's name governs after
    ``start``, when it lies below the province: "XÃ TÂN PHÚ" → ("xa", "Tân Phú"), "THÀNH
    PHỐ ĐÀ LẠT" → ("thanh pho", "Đà Lạt"); "THÀNH PHỐ ĐÀ NẴNG" (a province) gives None."""
    folded = fold_aligned(text)
    rest = folded[start:]
    offset = start + len(rest) - len(rest.lstrip())
    area = _AREA.match(squash_spaces(rest))
    if area is None or fold_aligned(squash_spaces(text[offset:])) != area.group(0):
        return None
    level = area_level(area.group(1))
    place = squash_spaces(text[offset:])[area.start("name"):]
    if level is not None and level.word == "thanh pho" and named_province(place) is not None:
        return None
    place = re.sub(r"(?:^|(?<=[\s\-–]))\w", lambda m: m.group(0).upper(), place.lower())
    return (level.word if level else area.group(1)), place


# Villages, hamlets and street groups, whose Party cells sign "CHI BỘ ẤP MỸ AN" (folded).
_VILLAGE_WORDS = ("ap", "thon", "ban", "buon", "khom", "xom", "lang", "plei", "soc",
                 "to dan pho", "khu pho", "khu dan cu")
_CELL_OF_VILLAGE = re.compile(
    rf"^chi bo\s+(?:{'|'.join(sorted(_VILLAGE_WORDS, key=len, reverse=True))})\s+(?=[a-z0-9])")


def _proper_village(text: str) -> str:
    """ "Chi bộ ấp mỹ an" → "Chi bộ ấp Mỹ An": the village a Party cell is named after."""
    m = _CELL_OF_VILLAGE.match(fold(text))
    if m is None or len(fold(text)) != len(text):
        return text
    return text[:m.end()] + text[m.end():].title()


# A ministry or department named inside a longer name (folded): "đảng ủy sở khoa học …".
_INNER_MINISTRY = re.compile(rf"(?<![\w])(?:bo|so)\s+(?:{_SECTOR_ALT})(?![\w&])")


def _proper_departments(text: str) -> str:
    """``text`` with each ministry or department it names in its canonical spelling: "Đảng ủy
    sở khoa học và công nghệ" → "Đảng ủy Sở Khoa học và Công nghệ"."""
    folded = fold_aligned(text)
    if len(folded) != len(text):
        return text
    for m in reversed(list(_INNER_MINISTRY.finditer(folded))):
        found = _MINISTRY.match(folded, m.start())
        if found is None:
            continue
        sector = _SECTOR_BY_NAME.get(found.group(2)) or _SECTOR_BY_ABBR.get(found.group(2))
        name = ("Bộ " if found.group(1) == "bo" else "Sở ") + sector
        text = text[:m.start()] + name + text[found.end():]
    return text


# A steering committee of a body below the province: "BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI XÃ PHÚ
# LỘC" (folded; groups: its level and place). "xã hội" is a word, not a commune.
_BOARD_AREA = re.compile(
    r"^ban chi dao\b(?P<topic>.*?)"
    rf"\s(?P<level>{level_pattern('district', 'commune', only=True, place_expected=True)})"
    r"\s+(?P<name>[a-z0-9][a-z0-9 ]*)$")
_BOARD = "Ban Chỉ đạo"


def _sentence_case(text: str) -> str:
    """A header's words in capitals as a name writes them: "CHUYỂN ĐỔI SỐ" → "chuyển đổi số"."""
    return _proper_phrases(text.lower()) if text.isupper() else text


def local_board(text: str, parent: str | None = None) -> str | None:
    """The name of a steering committee below the province, or None: one that names its
    commune ("BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI XÃ PHÚ LỘC" → "Ban Chỉ đạo phòng, chống
    thiên tai xã Phú Lộc"), or one headed by the commune's body ``parent`` ("UBND xã Phú
    Lộc" over "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" → "Ban Chỉ đạo chuyển đổi số UBND xã Phú Lộc"):
    like the commune, it numbers its documents on its own. A Party committee or an
    association's board under the header line above it is named in full the same way
    (:func:`_party_committee`)."""
    text = squash_spaces(nfc(text)).strip(" ,.;:-")
    folded = fold(text)
    committee = _party_committee(text, folded, parent)
    if committee is not None:
        return committee
    if folded.startswith("ban chi dao"):
        m = _BOARD_AREA.match(folded)
        if m is not None:
            place = text[m.start("name"):].title()
            return squash_spaces(f"{_BOARD} {_sentence_case(text[len(_BOARD):m.start('level')])}"
                                 f" {_level_display(m.group('level'))} {place}")
        name = squash_spaces(f"{_BOARD} {_sentence_case(text[len(_BOARD):].strip(' ,'))}")
    elif folded.startswith(_BOARD_OPENERS):
        # "BAN XÂY DỰNG ĐẢNG", "ỦY BAN KIỂM TRA" under "ĐẢNG ỦY XÃ …": the committee's board
        name = _board_name(text)
    else:
        return None
    area = local_area(parent)
    if parent is None or area is None or area[1] is None or area[0] not in _BOARD_LEVELS:
        return None
    if fold(name).endswith(" dang uy") and fold(parent).startswith("dang uy "):
        name = name[:-len(" Đảng ủy")]  # "Văn phòng Đảng ủy" of "Đảng ủy xã …"
    return f"{name} {parent}"


# A Party committee's board named without its committee (folded → as written).
_PARTY_BOARDS = {"ban thuong vu": "Ban Thường vụ", "thuong truc": "Thường trực",
                 "ban chap hanh": "Ban Chấp hành"}
# "BCH TỈNH GIA LAI" under an association's name: the board, then its province (folded).
_BOARD_OF_AREA = re.compile(r"^(bch|ban chap hanh|ban thuong vu)\s+")
# Mass associations whose provincial committees sign under the national name (folded).
_YOUTH_UNION = ("doan tncs ho chi minh", "doan thanh nien cong san ho chi minh")
_ASSOCIATIONS = ("hoi nong dan", "hoi lien hiep phu nu", "hoi cuu chien binh", *_YOUTH_UNION)
# "ĐẢNG BỘ XÃ TÂN PHÚ": the Party organisation of an area below the province, whose committee
# ("ĐẢNG ỦY" on the next header line) issues the plan (folded).
_AREA_PARTY = re.compile(
    rf"^dang bo\s+{level_pattern('district', 'commune', only=True, place_expected=True)}\s+\S")


# The boards of a Party committee, named alike at every level (folded → as written): the
# central ones' names without "Trung ương", and the office ("VĂN PHÒNG" under "TỈNH ỦY …").
PARTY_BOARD_NAMES: dict[str, str] = {
    fold(i.name.removesuffix(" Trung ương")): i.name.removesuffix(" Trung ương")
    for i in ISSUERS if i.scope == "central" and i.party and i.name.endswith(" Trung ương")
    and i.name.startswith(("Ban ", "Ủy ban ")) and i.code != "BCĐTW"}
PARTY_BOARD_NAMES.update({"van phong": "Văn phòng", "ban xay dung dang": "Ban Xây dựng Đảng"})
# Party committees of a province and of its districts, whose boards sign under them (folded).
_BOARDED_COMMITTEES = ("tinh uy ", "thanh uy ", "huyen uy ", "quan uy ", "thi uy ")


_COUNCIL_AFTER = re.compile(r"\s+(?:cua\s+)?(?:hdnd|hoi dong nhan dan)$")


def _council_body(folded: str) -> str | None:
    """The name of a People's Council's body a header line gives, alone or followed by the
    council ("THƯỜNG TRỰC HĐND", "BAN KINH TẾ – NGÂN SÁCH"), or None."""
    key = _COUNCIL_AFTER.sub("", re.sub(r"\s*[-–—]\s*", " - ", folded))
    return COUNCIL_BODIES.get(key)


def _board_name(text: str) -> str:
    """A Party board's name as written: "BAN TUYÊN GIÁO VÀ DÂN VẬN" → "Ban Tuyên giáo và Dân
    vận"; a name not in :data:`PARTY_BOARD_NAMES` in sentence case."""
    known = PARTY_BOARD_NAMES.get(fold(text))
    if known is not None:
        return known
    lowered = _sentence_case(text)
    return lowered[:1].upper() + lowered[1:]


def _party_committee(text: str, folded: str, parent: str | None) -> str | None:
    """The full name of a Party committee or board its header gives in two lines: "ĐẢNG BỘ
    XÃ TÂN PHÚ" over "ĐẢNG ỦY" → "Đảng ủy xã Tân Phú" (over "BAN THƯỜNG VỤ ĐẢNG ỦY" → "Ban
    Thường vụ Đảng ủy xã Tân Phú"); "TỈNH ỦY ĐỒNG NAI" over "BAN THƯỜNG VỤ" → "Ban Thường
    vụ Tỉnh ủy Đồng Nai"."""
    if not parent:
        return None
    parent = squash_spaces(nfc(parent)).strip(" ,.;:-")
    parent_folded = fold(parent)
    if folded in _PARTY_BOARDS and parent_folded.startswith(("tinh uy ", "thanh uy ")):
        return f"{_PARTY_BOARDS[folded]} {parent}"
    if parent_folded.startswith(_BOARDED_COMMITTEES):
        # "TỈNH ỦY QUẢNG NINH" / "BAN TỔ CHỨC": the board of that committee, which may repeat
        # the committee's level ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY").
        level = parent_folded.split(" ", 2)[:2]
        board = folded.removesuffix(" " + " ".join(level))
        if board in PARTY_BOARD_NAMES:
            return f"{PARTY_BOARD_NAMES[board]} {parent}"
    if parent_folded.startswith(("hdnd ", "hoi dong nhan dan ")) \
            and (body := _council_body(folded)) is not None:
        return f"{body} {parent}"  # "HĐND TỈNH NGHỆ AN" / "THƯỜNG TRỰC", "BAN PHÁP CHẾ"
    board = _BOARD_OF_AREA.match(folded)
    if board is not None and parent_folded.startswith(_ASSOCIATIONS):
        # "HỘI NÔNG DÂN VIỆT NAM" / "BCH TỈNH GIA LAI": the association's committee there.
        # It signs for the association, as "BCH HỘI NÔNG DÂN TỈNH …" does.
        named = find_province(text[board.end():], require_case=False)
        if named is not None and named.prefixed and named.start == 0 \
                and not text[board.end() + named.end:].strip():
            if parent_folded.startswith(_YOUTH_UNION):  # "ĐOÀN TNCS HỒ CHÍ MINH" / "BCH TỈNH …"
                return (f"{PROPER_PHRASES[board.group(1)]} {parent} {named.province.kind} "
                        f"{named.province.name}")
            association = re.sub(r"(?i)\s+Việt Nam$", "", parent)
            return f"{association} {named.province.kind} {named.province.name}"
    if not _AREA_PARTY.match(parent_folded):
        return None
    area = parent[len("Đảng bộ"):].strip()
    if folded == "dang uy":
        return f"Đảng ủy {area}"
    board = folded.removesuffix(" dang uy")
    if board != folded and board in _PARTY_BOARDS:
        return f"{_PARTY_BOARDS[board]} Đảng ủy {area}"
    return None


def _level_display(word: str) -> str:
    """"xã" for "xa": a level word as a name writes it."""
    found = area_level(word)
    return found.display if found is not None else word


# What the name of a Party committee's board or office opens with (folded).
_BOARD_OPENERS = ("ban ", "uy ban kiem tra", "van phong dang uy")
# Levels below the province after July 2025 (and the districts before) whose bodies head a
# steering committee of their own.
_BOARD_LEVELS = frozenset(_AREA_WORDS)


# An issuer below a province, folded: its level and name ("UBND xã Ia Grai", "Đảng ủy phường
# 3", "UBND huyện Tuy Phước" and "Huyện ủy Tuy Phước" before July 2025). Such a body numbers
# its documents on its own ("61/KH-UBND" of a commune is not the province's 61/KH-UBND).
# A Party committee below the province and its level: "huyen uy" → "huyen", "thi uy" → "thi xa".
_LOCAL_COMMITTEES = {lv.committee: lv.word for lv in area_levels("district") if lv.committee}
_LOCAL_SHORT = short_levels()  # "UBND TP. Pleiku", "UBND TX. An Khê"
_LOCAL_AREA = re.compile(
    rf"(?:\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy|dang bo)\s+"
    rf"(?P<level>{level_pattern('district', 'commune', place_expected=True)}"
    rf"|(?:{'|'.join(_LOCAL_SHORT)})\b\.?)"
    rf"|\b(?P<committee>{committee_pattern('district')}))"
    r"(?:\s*(?<=[\s.])(?P<name>[a-z0-9]+(?:(?:\s*[-–]\s*|\s+)[a-z0-9]+)*?))?"
    rf"\s*(?=$|[,;(]|(?:[-–]\s*|\s){level_pattern('province')}\b)")


_AGENCY_COMMITTEE = re.compile(
    rf"^(?:(?:ban thuong vu|thuong truc|ban chap hanh) )?dang uy "
    rf"(?:(?P<agency>{'|'.join(_PARTY_AGENCIES)}) (?P<level>tinh|thanh pho)\b"
    rf"|so (?P<sector>{_SECTOR_ALT})(?![\w&]))")


# An agency's name in full and as its Party committee is keyed (folded).
_AGENCY_SHORT = {"uy ban nhan dan": "ubnd", "hoi dong nhan dan": "hdnd"}


@lru_cache(maxsize=65536)
def party_agency(issuer: str | None) -> str | None:
    """The Party committee of a province's agency an issuer names, folded, or None: "Ban
    Thường vụ Đảng ủy UBND tỉnh Gia Lai" → "dang uy ubnd tinh", "Đảng ủy Sở KH&CN" → "dang
    uy so khoa hoc va cong nghe". Each numbers its "…/ĐU" documents on its own, apart from
    the other committees of its province."""
    if not issuer:
        return None
    m = _AGENCY_COMMITTEE.match(fold(issuer))
    if m is None:
        return None
    if m.group("sector"):
        return f"dang uy so {fold(sector_name(m.group('sector')) or m.group('sector'))}"
    agency = _AGENCY_SHORT.get(m.group("agency"), m.group("agency"))
    return f"dang uy {agency} {m.group('level')}"


# A Party cell named after its village, agency or school: "chi bo ap my hoa", "chi bo so tu phap"
_PARTY_CELL = re.compile(r"^chi bo (?P<name>\w.*)$")


def party_cell(issuer: str | None) -> str | None:
    """The Party cell an issuer names, folded, or None: "Chi bộ ấp Mỹ Hòa" → "chi bo ap my
    hoa"; a bare "Chi bộ" names none."""
    cell = _PARTY_CELL.match(fold(issuer)) if issuer else None
    return f"chi bo {cell.group('name').strip()}" if cell is not None else None


def own_book(issuer: str | None) -> str | None:
    """The body below its province an issuer names that numbers its documents on its own,
    apart from the communes and districts (:func:`local_area`), folded, or None: the Party
    committee of a province's agency (:func:`party_agency`), or a Party cell
    (:func:`party_cell`). Two cells' "05-KH/CB" are two plans.

    >>> own_book("Chi bộ ấp Mỹ Hòa"), own_book("Đảng ủy Sở Tư pháp"), own_book("Chi bộ")
    ('chi bo ap my hoa', 'dang uy so tu phap', None)
    """
    return party_agency(issuer) or party_cell(issuer)


@dataclass(frozen=True)
class CityLevel:
    """A provincial city that became a centrally governed one: "Huế", in "Thừa Thiên Huế"
    until 31 December 2024, a province of its own from 1 January 2025."""

    city: str
    province_before: str
    central_since: str  # ISO date


@lru_cache(maxsize=1)
def city_levels() -> dict[str, CityLevel]:
    """The cities of ``data/city_levels.tsv`` by their folded name."""
    return {fold(city): CityLevel(city, before, since)
            for city, before, since, *_act in data_rows("city_levels.tsv")}


def province_on(name: str, date: str | None) -> str | None:
    """The province a city that is a province now lay in on ``date``, when it was then a
    provincial city ("Huế" on 2024-03-05 → "Thừa Thiên Huế"); None when it was already a
    province, when ``date`` is unknown or when ``name`` changed no level."""
    row = city_levels().get(fold(name))
    if row is None or not date or date >= row.central_since:
        return None
    return row.province_before


def _city_within(name: str, within: str | None) -> bool:
    """Whether the city ``name`` (folded) lay below the province ``within`` (a name or a
    slug): "UBND thành phố Huế" in a plan of Thừa Thiên Huế is the city, not the province."""
    row = city_levels().get(name)
    if row is None or not within:
        return False
    province = named_province(within)
    return province is not None and province.name == row.province_before


@lru_cache(maxsize=65536)
def local_area(issuer: str | None, within: str | None = None) -> tuple[str, str | None] | None:
    """(level, name) of an issuer below its province, folded, or None: ``"UBND xã Ia
    Grai"`` → ``("xa", "ia grai")``, ``"UBND xã"`` → ``("xa", None)``, ``"Huyện ủy Tuy
    Phước"`` → ``("huyen", "tuy phuoc")``; a province's issuers ("UBND tỉnh", "UBND thành
    phố Hà Nội", "Thành ủy Huế") and "các cơ quan" give None. ``within`` is the province of
    the plan that names the issuer: a city that was a provincial one before it became a
    province (:func:`city_levels`) is a body below ``within`` when that is its old province.

    >>> local_area("Ủy ban nhân dân xã Ia Grai"), local_area("UBND thành phố Đà Nẵng")
    (('xa', 'ia grai'), None)
    """
    if not issuer:
        return None
    folded = fold(issuer)
    found = _LOCAL_AREA.search(folded)
    if found is None:
        board = _BOARD_AREA.match(folded) if folded.startswith("ban chi dao") else None
        return (board.group("level"), board.group("name")) if board is not None else None
    level = found.group("level")
    level = _LOCAL_SHORT.get(level.rstrip("."), level) if level else \
        _LOCAL_COMMITTEES[found.group("committee")]
    name = found.group("name")
    if name and ("-" in name or "–" in name):  # "Xuân Hương - Đà Lạt", "Xuân Hương-Đà Lạt"
        name = re.sub(r"\s*[-–]\s*", " - ", name)
    if name and level == "thanh pho" and named_province(name) is not None \
            and not _city_within(name, within):
        return None  # a centrally governed city is a province
    return level, name
