"""Vocabulary of units: kinds, abbreviations, collective groups, names with commas.

Kinds compare units across provinces: "Phòng Quản lý Khoa học" of Gia Lai and of
Tây Ninh are two units of kind ``phong-quan-ly-khoa-hoc``. The "Phòng Quản lý công
nghệ" variants (… và Sở hữu trí tuệ / Thị trường công nghệ / Đổi mới sáng tạo) are one
kind, ``phong-quan-ly-cong-nghe``: the same remit renamed per province. A unit is
internal when it belongs to the issuer — a department's (Sở) Phòng and Chi cục, a ministry's
Vụ and Cục, a Party committee's boards and office in its own plans (see
:data:`OWN_UNITS_OF_ISSUER`) — and external otherwise; a group named as one ("các sở, ban,
ngành tỉnh") is collective, as are the bodies of a whole level ("UBND các xã, phường, đặc
khu", "UBND cấp huyện"), which keep their level's kind. A commune's or district's own unit is
one unit with or without the level after its name ("Phòng Kinh tế xã", "Phòng Kinh tế").

Plans name the same organisation many ways ("Trung tâm KH&CN", "Trung tâm Khoa học
và Công nghệ"; "Phòng Quản lý khoa học", "Phòng Quản lý Khoa học"). This module
holds the data that resolves them: unit kinds (``data/unit_kinds.tsv``), the
abbreviations of domain notes §4, the patterns of collective groups ("các sở, ban,
ngành tỉnh") and official names that contain a comma or hyphen, so that lists
of units can be split without cutting a name in two.

API used by the loaders and the graph: :func:`canonical_unit_name`,
:func:`unit_kind`, :func:`unit_kind_label`, :func:`is_collective`,
:func:`is_internal`, :func:`unit_key`, :func:`placed_unit_name`, :func:`nationwide_group`,
:func:`level_group`, :func:`own_unit_name`, :func:`identity_name`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from policykg.ontology.datafiles import data_rows
from policykg.ontology.issuers import local_area
from policykg.ontology.normalize import canon, fold, nfc, squash_spaces
from policykg.ontology.provinces import (
    AREA_LEVELS,
    all_provinces,
    committee_pattern,
    fold_aligned,
    level_pattern,
    level_words,
    province,
)

__all__ = [
    "UnitKind", "ABBREVIATIONS", "COMMA_NAMES", "DASHED_NAMES", "NOT_UNITS", "UNIT_HEADS",
    "PARTY_BOARD_ABBREVIATIONS",
    "canonical_unit_name",
    "char_fold", "expand_abbreviations", "is_collective", "is_internal", "kinds",
    "OWN_UNITS_OF_ISSUER", "SAME_BODY", "identity_name", "own_units_rule", "party_committee_of",
    "placed_unit_name", "nationwide_group", "level_group", "LEVEL_GROUP_BODIES",
    "own_display_name", "own_unit_name", "unit_key", "unit_kind", "unit_kind_label",
]



@dataclass(frozen=True)
class UnitKind:
    """A kind of unit, shared by every province ("Phòng Quản lý khoa học")."""

    id: str
    category: str  # "internal" (a unit of a department) or "external"
    label_vi: str
    label_en: str
    names: tuple[str, ...]  # official spellings, the canonical display forms
    pattern: re.Pattern[str]  # over unit_key(name)


# Abbreviations as they appear inside unit names, with the expansion in the
# casing an official name uses. Longer abbreviations first, so "KH,CN&MT" wins
# over "KH,CN". Matched case-sensitively as whole tokens.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("KH,CN&MT", "Khoa học, Công nghệ và Môi trường"),
    ("KH,CN&ĐMST", "Khoa học, Công nghệ và Đổi mới sáng tạo"),
    ("KH,CN,ĐMST", "Khoa học, Công nghệ, Đổi mới sáng tạo"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KH & CN", "Khoa học và Công nghệ"),
    # Written with a hyphen or "và" between the letters of the two words ("Sở KH-CN").
    ("KH-CN", "Khoa học và Công nghệ"),
    ("KH và CN", "Khoa học và Công nghệ"),
    ("NN-PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN-MT", "Nông nghiệp và Môi trường"),
    ("NN và MT", "Nông nghiệp và Môi trường"),
    ("TN-MT", "Tài nguyên và Môi trường"),
    ("KH-ĐT", "Kế hoạch và Đầu tư"),
    ("TT-TT", "Thông tin và Truyền thông"),
    ("VH-TT-DL", "Văn hóa, Thể thao và Du lịch"),
    ("LĐ-TB-XH", "Lao động - Thương binh và Xã hội"),
    ("DT-TG", "Dân tộc và Tôn giáo"),
    ("KH,CN", "Khoa học, Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("KNĐMST", "Khởi nghiệp đổi mới sáng tạo"),
    ("ĐMST", "Đổi mới sáng tạo"),
    ("TĐC", "Tiêu chuẩn Đo lường Chất lượng"),
    ("SHTT", "Sở hữu trí tuệ"),
    ("TXNG", "Truy xuất nguồn gốc"),
    ("CNSH", "Công nghệ sinh học"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN và PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("PTNT", "Phát triển nông thôn"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KHĐT", "Kế hoạch và Đầu tư"),
    ("CNTT&TT", "Công nghệ thông tin và Truyền thông"),
    ("CNTT", "Công nghệ thông tin"),
    ("CĐS", "Chuyển đổi số"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TTTT", "Thông tin và Truyền thông"),
    ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("NNMT", "Nông nghiệp và Môi trường"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("GD-ĐT", "Giáo dục và Đào tạo"),
    ("DT&TG", "Dân tộc và Tôn giáo"),
    ("DTTG", "Dân tộc và Tôn giáo"),
    ("VP UBND", "Văn phòng Ủy ban nhân dân"),
    ("GTVT", "Giao thông vận tải"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VH&TT", "Văn hóa và Thông tin"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("PT-TH", "Phát thanh và Truyền hình"),
    ("PT&TH", "Phát thanh và Truyền hình"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ VN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ VN", "Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("CCB", "Cựu chiến binh"),
    # A department or school written with its remit abbreviated ("Sở NV", "Trường ĐH Quy Nhơn"):
    # the letters alone name nothing, so only with their head.
    ("Sở NV", "Sở Nội vụ"),
    ("Trường ĐH", "Trường Đại học"),
    ("NHNN", "Ngân hàng Nhà nước"),
    # Courts, procuracies and judgment enforcement ("VKSND tỉnh", "Viện KSND tỉnh", "TAND tỉnh",
    # "THADS tỉnh"), a Party committee's inspection commission and merged commission ("UBKT
    # Tỉnh ủy", "Ban TG&DV Tỉnh ủy"), a commune's offices ("Phòng VH-XH", "Trung tâm PVHCC").
    ("VKSND", "Viện kiểm sát nhân dân"),
    ("KSND", "Kiểm sát nhân dân"),
    ("TAND", "Tòa án nhân dân"),
    ("THADS", "Thi hành án dân sự"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("TG&DV", "Tuyên giáo và Dân vận"),
    ("TG-DV", "Tuyên giáo và Dân vận"),
    ("TGDV", "Tuyên giáo và Dân vận"),
    ("VH-XH", "Văn hóa - Xã hội"),
    ("VH&XH", "Văn hóa - Xã hội"),
    ("VHXH", "Văn hóa - Xã hội"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
    ("PVHCC", "Phục vụ hành chính công"),
    ("KBNN", "Kho bạc Nhà nước"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ"),
    ("HND", "Hội Nông dân"),
    ("HTX", "Hợp tác xã"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("ĐBQH", "đại biểu Quốc hội"),
    ("KCN", "Khu công nghiệp"),
    ("BQL", "Ban Quản lý"),
    ("QLKH", "Quản lý khoa học"),
    ("QLCN", "Quản lý công nghệ"),
    ("CSDL", "cơ sở dữ liệu"),
    ("CCHC", "cải cách hành chính"),
    ("BCĐ", "Ban Chỉ đạo"),
    # the military and border guard commands before the Party's executive committee: "BCH
    # Quân sự tỉnh", "BCH BĐBP tỉnh"
    ("BCH Quân sự", "Bộ Chỉ huy Quân sự"),
    ("BCH BĐBP", "Bộ Chỉ huy Bộ đội Biên phòng"),
    ("BĐBP", "Bộ đội Biên phòng"),
    ("QLTT", "Quản lý thị trường"),
    ("KH&KT", "Khoa học và Kỹ thuật"),
    ("Ban QL", "Ban Quản lý"),
    ("BCHQS", "Bộ Chỉ huy Quân sự"),
    ("CHQS", "Chỉ huy Quân sự"),
    ("BCH", "Ban Chấp hành"),
    ("QH", "Quốc hội"),
    ("DN", "Doanh nghiệp"),
)

# Letters that name a Party committee's commission only before the committee ("BTC Tỉnh ủy",
# "BTG Huyện ủy", "BNC Thành ủy"): alone, "BTC" is as often the Ministry of Finance.
PARTY_BOARD_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("BTGDV", "Ban Tuyên giáo và Dân vận"),
    ("BTG&DV", "Ban Tuyên giáo và Dân vận"),
    ("BTC", "Ban Tổ chức"),
    ("BTG", "Ban Tuyên giáo"),
    ("BDV", "Ban Dân vận"),
    ("BNC", "Ban Nội chính"),
)
# The committees such letters stand before, as written (NFC, either tone placement).
_BOARD_COMMITTEES = r"(?i:(?:tỉnh|thành|huyện|quận|thị|đảng) (?:ủy|uỷ)|trung ương)(?![\wĐđ])"

# Official names with a comma or hyphen: a list splitter must not cut them.
COMMA_NAMES: tuple[str, ...] = (
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Lao động - Thương binh và Xã hội",
    "Sở Lao động - Thương binh và Xã hội",
    "Ủy ban Tài chính, Ngân sách",
    "Ủy ban Văn hóa, Giáo dục",
    "Ủy ban Khoa học, Công nghệ và Môi trường",
    "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
    "Phòng Kế hoạch - Tài chính",
    "Vụ Kế hoạch - Tài chính",
    "Phòng Tổ chức - Hành chính",
    "Phòng Hành chính - Tổng hợp",
    "Ban Thi đua - Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Phòng Văn hóa - Thông tin",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Lao động - Thương binh và Xã hội",
    # a ward's office since July 2025; a district's before, written with a dash for its "và"
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Kinh tế - Hạ tầng",
    "Văn phòng HĐND và UBND",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
    "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân",
    "Văn phòng Đoàn ĐBQH và HĐND",
    "Văn phòng Đoàn ĐBQH, HĐND và UBND",
    "Phòng Văn hóa - Xã hội",
    "Phòng Văn hóa - Thông tin",
    "Trung tâm Văn hóa - Thông tin và Thể thao",
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    "Trung tâm Giáo dục thường xuyên",
    "Hội đồng phối hợp phổ biến, giáo dục pháp luật",
    "Phòng Phổ biến, giáo dục pháp luật",
    # A ministry's department since 2025, and the provinces' newspaper merged with their radio
    # and television station in 2025.
    "Cục Thông tin, Thống kê",
    "Báo và Phát thanh, Truyền hình",
    # A commune's (before 2025 a district's) office and the former provincial department with
    # "Viễn thông" after a comma, which also heads a telecom firm's branch ("Viễn thông Gia Lai").
    "Phòng Bưu chính, Viễn thông và Chuyển đổi số",
    "Phòng Bưu chính, Viễn thông",
    "Sở Bưu chính, Viễn thông",
)

# Official names with "và" that plans also write with a hyphen or dash in its place ("Sở Nông
# nghiệp - Môi trường"), as a table: a hyphen belongs to other official names ("Bộ Lao động -
# Thương binh và Xã hội", "Phòng Kế hoạch - Tài chính"), so no rule turns every hyphen into "và".
# Each row: the official name, then its spellings with a dash (any dash, spaced or not).
_DASHED_REMITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Nông nghiệp và Môi trường", ("Nông nghiệp - Môi trường",)),
    ("Nông nghiệp và Phát triển nông thôn", ("Nông nghiệp - Phát triển nông thôn",)),
    ("Khoa học và Công nghệ", ("Khoa học - Công nghệ",)),
    ("Dân tộc và Tôn giáo", ("Dân tộc - Tôn giáo",)),
    ("Giáo dục và Đào tạo", ("Giáo dục - Đào tạo",)),
    ("Tài nguyên và Môi trường", ("Tài nguyên - Môi trường",)),
    ("Kế hoạch và Đầu tư", ("Kế hoạch - Đầu tư",)),
    ("Thông tin và Truyền thông", ("Thông tin - Truyền thông",)),
    ("Văn hóa, Thể thao và Du lịch", ("Văn hóa - Thể thao - Du lịch",)),
    ("Lao động - Thương binh và Xã hội", ("Lao động - Thương binh - Xã hội",)),
)
DASHED_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((f"{head} {remit}", tuple(f"{head} {v}" for v in dashed))
      for head in ("Sở", "Bộ") for remit, dashed in _DASHED_REMITS),
    ("Đài Phát thanh và Truyền hình", ("Đài Phát thanh - Truyền hình",)),
)

# Words that head a unit name, with diacritics (compared after canon() and lower-casing,
# so "Viễn thông" is not "Viện", "Số liệu" not "Sở" and "Bản tin" not "Ban").
UNIT_HEADS: tuple[str, ...] = (
    "văn phòng", "thanh tra", "chi cục", "trung tâm", "phòng", "sở", "ban", "bộ", "tổng cục",
    "cục", "công an", "ủy ban", "ubnd", "hđnd", "hội đồng", "hiệp hội", "hội", "liên minh",
    "liên đoàn", "tỉnh đoàn", "tỉnh ủy", "đoàn", "viện", "trường", "đảng đoàn", "đảng ủy",
    "tổ đảng", "đảng", "thường trực", "lãnh đạo ban", "mặt trận", "kho bạc", "ngân hàng", "quỹ",
    "báo", "đài", "bộ chỉ huy", "chính phủ", "quốc hội", "quản lý thị trường", "thành ủy",
    "huyện ủy", "đại học", "học viện", "bệnh viện", "vườn quốc gia", "khu", "tập đoàn",
    "tổng công ty", "công ty", "hợp tác xã", "câu lạc bộ", "bảo hiểm xã hội", "chi nhánh",
    "hạt kiểm lâm", "trạm", "đảng bộ", "chi bộ", "vụ", "tổ giúp việc", "tổ công tác",
    "liên hiệp", "quận ủy", "thị ủy", "tòa án", "bảo tàng", "thư viện", "nhà xuất bản",
    "tạp chí", "thuế tỉnh", "thuế thành phố", "thuế cơ sở",
    # Offices of central agencies in a province, named without "Cục" since 2025 ("Hải quan
    # tỉnh", "Thống kê tỉnh", "Thi hành án dân sự tỉnh"); "thống kê" alone is a duty.
    "hải quan", "thống kê tỉnh", "thống kê thành phố", "thi hành án",
    # A village's bodies, which a Party cell's plan gives duties ("Chi ủy", "Chi hội Phụ
    # nữ", "Chi đoàn thanh niên", "Tổ dân phố số 2").
    "chi ủy", "chi hội", "chi đoàn", "tổ dân phố",
    # The post office of a province, which plans give duties ("Bưu điện tỉnh").
    "bưu điện",
    # Provincial branches of telecom and power firms ("Viễn thông Gia Lai", "VNPT Gia Lai",
    # "Viettel Gia Lai", "Điện lực tỉnh"); "Viễn thông" after a comma of an official name is
    # kept by :data:`COMMA_NAMES`.
    "viễn thông", "vnpt", "viettel", "mobifone", "điện lực",
    # A commune's civil servant by post, who carries a duty as a unit would ("Công chức Tư
    # pháp - Hộ tịch").
    "công chức",
    # The head of a village or residential group, whom a commune gives duties as a unit
    # ("Trưởng thôn, tổ dân phố").
    "trưởng thôn", "trưởng ấp", "trưởng bản", "tổ trưởng",
)

# Bodies that are not task units: the department's own leadership, to whom
# units report, and placeholders for "whichever unit leads".
NOT_UNITS: frozenset[str] = frozenset({
    "lanh dao so", "giam doc so", "ban giam doc", "ban giam doc so", "pho giam doc",
    "pho giam doc so", "lanh dao", "giam doc", "don vi duoc giao", "don vi chu tri",
    "so", "phong", "ban", "uy ban", "hoi", "bo", "cuc", "doan", "dang", "vu", "cong chuc",
})

# Collective groups (folded): several bodies named as one.
_COLLECTIVE = re.compile(
    r"^(cac|nhung|toan the|moi|tat ca|truong cac|truong phong|lanh dao cac|thu truong cac)\b"
    r"|^(so|ban|nganh|dia phuong|don vi|phong|co quan|to chuc|ca nhan|doanh nghiep|hop tac xa"
    r"|doan the|hoi doan the|co so|bo phan)( (chuyen mon|truc thuoc|lien quan|huu quan))?\s*,"
    r"|^(to chuc|ca nhan|doanh nghiep|nguoi dan|don vi|bo phan)( |$)"
)
# Bodies that every commune (and, before July 2025, every district) has, named for a whole
# level as one: "UBND các xã, phường, đặc khu", "Ủy ban nhân dân cấp xã", "UBND các huyện, thị
# xã, thành phố", "Công an các xã, phường". Such a name is the group of all those bodies, not
# one body with a workload of its own; it keeps the kind of its level ("ubnd-cap-xa").
LEVEL_GROUP_BODIES: tuple[str, ...] = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Công an", "Ban Chỉ huy Quân sự", "Trạm Y tế",
)
_LEVEL_GROUP = re.compile(
    r"^(?:" + "|".join(re.escape(fold(b)) for b in LEVEL_GROUP_BODIES) + r") "
    rf"(?:cac|cap) (?:{level_pattern('district', 'commune')}|dia phuong|cap)\b")
# The bodies of every province named as one ("Sở Khoa học và Công nghệ các tỉnh, thành phố trực
# thuộc Trung ương", "UBND các tỉnh, thành phố"): a nationwide group, whatever body heads it.
_EVERY_PROVINCE = re.compile(r"\bcac tinh(?: thanh pho)?(?: truc thuoc (?:trung uong|tw))?$"
                             r"|^cac bo(?: nganh| co quan ngang bo)\b")
# Written without its end ("UBND các tỉnh, thành phố"), such a group is the same group: the end
# is written in full, so both spellings are one unit.
_EVERY_PROVINCE_SHORT = re.compile(r"\bcac tinh,? thanh pho$")
_EVERY_PROVINCE_END = " trực thuộc Trung ương"
_INTERNAL_COLLECTIVE = re.compile(r"\b(thuoc so|truc thuoc|phong chuyen mon|cac phong|bo phan)\b")
# Level words of local government (folded) with the words that fold alike ("xã hội", "quản
# lý", "địa phương", "phương tiện"), from :data:`~policykg.ontology.provinces.AREA_LEVELS`.
_BELOW_PROVINCE = level_pattern("district", "commune")
_ANY_LEVEL = level_pattern()
# Words of a body outside the department: a district, commune or the state.
_OUTSIDE = re.compile(rf"\b({_BELOW_PROVINCE}|quoc gia|trung uong|quoc hoi)\b")
_INTERNAL_HEADS = re.compile(r"^(phong|chi cuc|trung tam|van phong so|thanh tra so)\b")
# Bodies whose own Phòng or Trung tâm a plan may name: "Phòng Cảnh sát kinh tế Công an tỉnh" is
# the police's, not the department's; "Trung tâm Huấn luyện quân sự" the army's.
_OTHER_BODIES = re.compile(
    rf"\b(cong an {_ANY_LEVEL}|bo chi huy|bo doi bien phong"
    r"|quan su|quan doi|quan khu|vien kiem sat|toa an|kho bac|cuc thue|cuc hai quan)\b")
# Local branches of central agencies, named like a department's own units but outside it.
_CENTRAL_BRANCHES = re.compile(
    r"^chi cuc (quan ly thi truong|thue|thong ke|hai quan|thi hanh an|du tru|kiem lam vung)\b")
_PUNCT = re.compile(r"[,;:.\-–—&/()\"“”'‘’]+")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "d" if ch in "đĐ" else unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    return table


_CHAR_FOLD = _fold_table()
# Every other character below U+1F00 maps to itself: str.translate looks each character
# up, and a hit is far cheaper than a miss.
for _cp in range(0x1F00):
    _CHAR_FOLD.setdefault(_cp, chr(_cp))


def char_fold(text: str) -> str:
    """Fold ``text`` character by character: same length, so positions line up.

    Used to find words regardless of diacritics and case while slicing the
    original (NFC) text at the same offsets.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_CHAR_FOLD)


_ABBR_RE = re.compile(
    r"(?<![\wĐđ])(" + "|".join(re.escape(a) for a, _ in ABBREVIATIONS) + r")(?![\wĐđ])"
)
_ABBR_MAP = dict(ABBREVIATIONS)
# "&" left after the abbreviations are expanded joins two words: "Sở Giáo dục & Đào tạo".
_AMPERSAND = re.compile(r"\s*&\s*")


_BOARD_ABBR_RE = re.compile(  # not inside a document's symbol ("12/BTC-NSNN")
    r"(?<![\wĐđ/-])(" + "|".join(re.escape(a) for a, _ in PARTY_BOARD_ABBREVIATIONS) + r")"
    rf"(?=\s+{_BOARD_COMMITTEES})")
_BOARD_ABBR_MAP = dict(PARTY_BOARD_ABBREVIATIONS)


def expand_abbreviations(text: str) -> str:
    """Replace the abbreviations of :data:`ABBREVIATIONS` inside a unit name, and those of
    :data:`PARTY_BOARD_ABBREVIATIONS` before a committee's name."""
    text = nfc(text)
    if "B" in text:  # the first letter of every one of them
        text = _BOARD_ABBR_RE.sub(lambda m: _BOARD_ABBR_MAP[m.group(1)], text)
    return _ABBR_RE.sub(lambda m: _ABBR_MAP[m.group(1)], text)


@lru_cache(maxsize=8192)
def unit_key(name: str) -> str:
    """The comparison key of a unit name: expanded, folded, punctuation as spaces.

    "Trung tâm KH&CN" and "Trung tâm Khoa học và công nghệ" share one key;
    "Sở Văn hóa thể thao và Du lịch" and "Sở Văn hóa, Thể thao và Du lịch" too; "&" between
    two words is "và" ("Sở Giáo dục & Đào tạo").
    """
    text = _AMPERSAND.sub(" va ", fold(expand_abbreviations(name)))
    return squash_spaces(_PUNCT.sub(" ", text))


@lru_cache(maxsize=1)
def kinds() -> tuple[UnitKind, ...]:
    """All unit kinds, most specific first (the order of the data file)."""
    out = []
    for cells in data_rows("unit_kinds.tsv"):
        kid, category, label_vi, label_en, names, pattern = cells[:6]
        out.append(UnitKind(
            id=kid, category=category, label_vi=label_vi, label_en=label_en,
            names=tuple(n.strip() for n in names.split(" | ") if n.strip()),
            pattern=re.compile(rf"(?:{pattern})"),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _official_names() -> dict[str, str]:
    """unit_key → official spelling, from the kinds' names and :data:`COMMA_NAMES`."""
    table: dict[str, str] = {}
    for kind in kinds():
        for name in kind.names:
            table.setdefault(unit_key(name), name)
    for name in COMMA_NAMES:
        table.setdefault(unit_key(name), name)
    return table


def official_names() -> list[str]:
    """Every official spelling the vocabulary knows, and the dashed spellings of
    :data:`DASHED_NAMES` (for list splitting)."""
    dashed = {v for _, variants in DASHED_NAMES for v in variants}
    return sorted(set(_official_names().values()) | set(COMMA_NAMES) | dashed,
                  key=len, reverse=True)


# People's committees and councils keep the short form every plan and user writes
# ("UBND tỉnh", "UBND huyện Hương Khê"); every other abbreviation is expanded.
_SHORT = {"uy ban nhan dan": "UBND", "hoi dong nhan dan": "HĐND"}
_SHORT_FORMS = re.compile(r"(?i)\b(?:ủy ban nhân dân|hội đồng nhân dân)\b")

# "Ủy ban UBTVQH" expands to "Ủy ban Ủy ban Thường vụ Quốc hội": drop the repeat.
_REPEAT = re.compile(r"\b(\w+ \w+) \1\b")


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# One body written several ways, by the start of its name's key: the written start becomes
# the one form of the name ("MTTQ tỉnh", "Ủy ban MTTQ tỉnh", "Mặt trận Tổ quốc Việt Nam tỉnh"
# are all "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"; "Đoàn TNCS Hồ Chí Minh tỉnh" is "Tỉnh Đoàn
# Thanh niên Cộng sản Hồ Chí Minh").
FULL_NAMES: tuple[tuple[str, str], ...] = (
    (r"(?:uy ban )?mat tran to quoc(?: viet nam)?", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (r"doan thanh nien cong san ho chi minh tinh", "Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
)
_FULL_NAMES = tuple((re.compile(rf"^{key}\b"), full) for key, full in FULL_NAMES)


# One body under a long and a short name, both in use as display forms ("Tỉnh Đoàn Thanh niên
# Cộng sản Hồ Chí Minh", "Tỉnh Đoàn"): rows of the long name's start and the short name, which
# is the body's identity; each plan keeps the name it writes.
SAME_BODY: tuple[tuple[str, str], ...] = (
    ("Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Tỉnh Đoàn"),
    ("Thành Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Thành Đoàn"),
)
_SAME_BODY = tuple((re.compile(rf"^{re.escape(unit_key(long))}\b"), short)
                   for long, short in SAME_BODY)


# A whole level's bodies named by the level's words alone ("UBND các xã, phường", "UBND các xã,
# phường, đặc khu", "Ủy ban nhân dân cấp xã") are one group: since July 2025 every commune-level
# body is a xã, phường or đặc khu, and before then the words listed named the same communes.
# Rows: the tier of :data:`~policykg.ontology.provinces.AREA_LEVELS` and the name of its group.
LEVEL_GROUP_NAMES: tuple[tuple[str, str], ...] = (("commune", "cấp xã"), ("district", "cấp huyện"))
_LEVEL_BODIES = {fold(b): b for b in LEVEL_GROUP_BODIES}
_LEVEL_LISTS = tuple(
    (re.compile(rf"^(?P<body>{'|'.join(map(re.escape, _LEVEL_BODIES))}) (?:cac|cap) "
                rf"(?:{words})(?: (?:{words}))*"
                r"(?: tren dia ban(?: tinh| thanh pho)?| trong tinh)?$"),
     group)
    for tier, group in LEVEL_GROUP_NAMES
    for words in ["|".join(re.escape(w) for w in sorted(level_words(tier), key=len, reverse=True))])
# The issuer's own units named as a group, with or without the issuer after "thuộc" ("Các đơn vị
# sự nghiệp trực thuộc", "… trực thuộc Sở"): one group. Its identity is the group's name without
# those words when that still names the issuer's units ("Các phòng chuyên môn"), as the graph
# names such a group; otherwise the name with "trực thuộc" ("Các đơn vị sự nghiệp trực thuộc").
_OWN_GROUP_END = re.compile(r" (?:truc )?thuoc(?: so| bo)?$")
_OWN_GROUP_WORDS = "trực thuộc"


def _group_identity(name: str, key: str) -> str | None:
    """The identity of a group :data:`_LEVEL_LISTS` or :data:`_OWN_GROUP_END` makes one."""
    for pattern, group in _LEVEL_LISTS:
        m = pattern.match(key)
        if m is not None:
            return canonical_unit_name(f"{_LEVEL_BODIES[m.group('body')]} {group}")
    m = _OWN_GROUP_END.search(key)
    if m is None or not is_collective(name):
        return None
    bare = " ".join(name.split()[:-len(m.group(0).split())])
    return bare if is_internal(bare) else f"{bare} {_OWN_GROUP_WORDS}"


@lru_cache(maxsize=8192)
def identity_name(name: str) -> str:
    """The name that stands for a body's identity: ``name`` itself, or the short name
    :data:`SAME_BODY` gives a long one ("Tỉnh Đoàn TNCS Hồ Chí Minh" → "Tỉnh Đoàn"), with the
    words after it kept ("… tỉnh Gia Lai"); for a group, the one name of its spellings
    ("UBND các xã, phường" → "UBND cấp xã")."""
    key = unit_key(name)
    group = _group_identity(name, key)
    if group is not None:
        return group
    for pattern, short in _SAME_BODY:
        m = pattern.match(key)
        if m is not None:
            after = len(key[m.end():].split())
            return " ".join([short, *name.split()[len(name.split()) - after:]]) if after \
                else short
    return name


_DASHES = ("-", "–", "—")


def _dashed_pattern(variant: str) -> str:
    """A variant of :data:`DASHED_NAMES` over folded text: its dashes any dash, spaced or not;
    not followed by more of a longer name ("Bộ Khoa học, Công nghệ và Môi trường")."""
    body, gap = "", ""
    for token in fold(variant).split():
        if token in _DASHES:
            gap = r"\s*[-–—]\s*"
            continue
        body += gap + re.escape(token)
        gap = r"\s+"
    return rf"(?<![a-z0-9]){body}(?![a-z0-9])(?!\s*,|\s+va\s)"


_DASHED = tuple((re.compile(_dashed_pattern(v)), official)
                for official, variants in DASHED_NAMES for v in variants)


def _undashed(text: str) -> str:
    """``text`` with a name :data:`DASHED_NAMES` lists with a dash written officially."""
    if not any(dash in text for dash in _DASHES):
        return text
    for pattern, official in _DASHED:
        m = pattern.search(fold_aligned(text))  # one character for each of text's
        if m:
            text = text[:m.start()] + official + text[m.end():]
    return text


def _full_start(text: str) -> str:
    """``text`` with a start that :data:`FULL_NAMES` lists written in full."""
    folded = fold_aligned(text)  # one character for each of text's
    for pattern, full in _FULL_NAMES:
        m = pattern.match(folded)
        if m:
            return full + text[m.end():]
    return text


@lru_cache(maxsize=4096)
def canonical_unit_name(name: str) -> str:
    """The display form of a unit name, the same for every spelling of it.

    Abbreviations are expanded (except UBND and HĐND, the form everyone writes:
    "Ủy ban nhân dân huyện X" → "UBND huyện X"), tone marks placed one way, spaces collapsed;
    a name the vocabulary knows takes its official spelling ("Phòng Quản lý
    Khoa học" → "Phòng Quản lý khoa học"); otherwise the written casing is kept
    with the first letter capitalised.
    """
    text = _full_start(_undashed(squash_spaces(canon(expand_abbreviations(name)))))
    text = _REPEAT.sub(r"\1", text).strip(" ,;:.-–")
    if _EVERY_PROVINCE_SHORT.search(fold(text)):
        text += _EVERY_PROVINCE_END
    official = _official_names().get(unit_key(text))
    if official:
        text = canon(official)
    elif is_collective(text) and not _GROUP_WORD.match(fold(text)) \
            and not nationwide_group(text) and not level_group(text):
        # "tổ chức, cá nhân liên quan" after "Các hợp tác xã …;" is "các tổ chức, cá nhân …"
        text = "Các " + text[:1].lower() + text[1:]
    return _capitalise_first(_SHORT_FORMS.sub(lambda m: _SHORT[fold(m.group(0))], text))


_GROUP_WORD = re.compile(r"^(cac|nhung|toan the|tat ca|moi|truong|lanh dao|thu truong)\b")


@lru_cache(maxsize=4096)
def unit_kind(name: str) -> str | None:
    """The kind id of a unit ("phong-quan-ly-khoa-hoc"), or None when unknown; a group has
    none, but for the bodies of a whole level, which are of that level's kind ("UBND các xã,
    phường" → "ubnd-cap-xa")."""
    if is_collective(name) and not level_group(name):
        return None
    key = unit_key(canonical_unit_name(name))
    for candidate in dict.fromkeys((key, _DEPARTMENT_PLACE.sub(r"\g<remit>", key))):
        for kind in kinds():
            if kind.pattern.fullmatch(candidate):
                return kind.id
    return None


def unit_kind_label(kind_id: str, lang: str = "vi") -> str:
    """The label of a kind id; the id itself when it is not known."""
    for kind in kinds():
        if kind.id == kind_id:
            return kind.label_en if lang == "en" else kind.label_vi
    return kind_id


@lru_cache(maxsize=8192)
def is_collective(name: str) -> bool:
    """True for a group named as one ("Các phòng, đơn vị trực thuộc Sở")."""
    folded = fold(expand_abbreviations(name))
    return bool(_COLLECTIVE.search(folded)) or nationwide_group(name) or level_group(name)


@lru_cache(maxsize=8192)
def level_group(name: str) -> bool:
    """True for the bodies of a whole level below the province named as one (see
    :data:`LEVEL_GROUP_BODIES`): "UBND các xã, phường, đặc khu", "Công an cấp xã"."""
    return bool(_LEVEL_GROUP.match(unit_key(name)))


@lru_cache(maxsize=8192)
def nationwide_group(name: str) -> bool:
    """True for the bodies of every province named as one ("UBND các tỉnh, thành phố trực
    thuộc Trung ương") and for the ministries ("các bộ, ngành"): a group of the whole country,
    not of the province whose plan names it."""
    return bool(_EVERY_PROVINCE.search(unit_key(name)))


# Units an issuer has of its own besides a department's Phòng, Chi cục and Trung tâm, by the
# issuer's folded name: a ministry's Vụ, Cục and Viện; a health or education department's
# hospitals, medical centres and schools; a district's or commune's offices and centres; a
# Party board's office. Rows: issuer pattern, unit pattern over unit_key, and the places whose
# name makes such a unit another body's: any district, commune or national body (True), none
# (None: a district's units carry its name) or a pattern (a commune's units carry "xã").
_OUTSIDE_COMMUNE = rf"\b({level_pattern('province', 'district')}|quoc gia|trung uong|quoc hoi)\b"
# A department of health runs the district medical centres too, not the national hospitals.
_OUTSIDE_STATE = r"\b(quoc gia|trung uong|quoc hoi|bo)\b"
# A ministry's units are national ("Cục Thông tin khoa học và công nghệ quốc gia"); one named
# after a province, district or commune is a local body.
_OUTSIDE_MINISTRY = rf"\b{_ANY_LEVEL}\b"
# The level words that open the name of a district's or a commune's body ("UBND huyện …",
# "UBND xã …"), where a place's name follows.
_DISTRICT = level_pattern("district", place_expected=True)
_COMMUNE = level_pattern("commune", place_expected=True)
# A Party committee's advisory boards and office, in its own plans: "Ban Tổ chức Tỉnh ủy", "Ban
# Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy" (with or
# without the province after them), or a board its own plan names bare ("Ban Tổ chức"). The
# committee itself and its standing board are the issuer, not one of its units; the Party
# committees under it ("Đảng ủy UBND tỉnh") and the People's Committee side (Sở, UBND) are
# other bodies.
_COMMITTEES = tuple(lv.committee for lv in AREA_LEVELS if lv.committee)
_COMMITTEE_LEADS = r"(?:(?:ban thuong vu|btv|thuong truc|ban chap hanh|bch) )?"
_PARTY_BOARDS = (r"ban (?:to chuc|tuyen giao(?: va dan van)?|dan van|noi chinh|kinh te"
                 r"|chinh sach(?: chien luoc)?|doi ngoai)|uy ban kiem tra")
_PROVINCE_NAMES = "|".join(re.escape(n) for n in sorted(
    {squash_spaces(_PUNCT.sub(" ", fold(name)))
     for p in all_provinces() for name in (p.name, *p.aliases)}, key=len, reverse=True))

# The province a department's name may end with ("Sở Y tế tỉnh Gia Lai"): the same kind.
_DEPARTMENT_PLACE = re.compile(
    rf"(?<=^so )(?P<remit>.+?) (?:tinh|thanh pho)(?: (?:{_PROVINCE_NAMES}))?$")


def _committee_row(committee: str) -> tuple[str, str, None]:
    """The :data:`OWN_UNITS_OF_ISSUER` row of a Party committee ("tinh uy", folded)."""
    issuer = rf"^{_COMMITTEE_LEADS}{committee}\b"
    if committee == "tinh uy":
        issuer += r"|^ban chap hanh dang bo tinh\b"
    own = (rf"^(?:(?:ban (?!thuong vu |chap hanh )[a-z ]+?|uy ban kiem tra|van phong) {committee}"
           rf"(?: (?:{_PROVINCE_NAMES}))?|{_PARTY_BOARDS})$")
    return issuer, own, None


OWN_UNITS_OF_ISSUER: tuple[tuple[str, str, bool | str | None], ...] = (
    (r"^bo ", r"^(?:vu|cuc|tong cuc|vien|van phong bo|thanh tra bo|trung tam|hoc vien|"
              r"ban quan ly|bao|tap chi|nha xuat ban|van phong (?!(?:chinh phu|quoc hoi|"
              r"trung uong|chu tich|ubnd|uy ban|hdnd|hoi dong|tinh|thanh uy|dang|so)\b))\b",
     _OUTSIDE_MINISTRY),
    (r"^so y te\b", r"^(?:benh vien|trung tam y te|trung tam kiem soat benh tat|chi cuc)\b",
     _OUTSIDE_STATE),
    (r"^so giao duc\b", r"^(?:truong|trung tam giao duc)\b", True),
    (rf"^(?:ubnd|uy ban nhan dan) {_DISTRICT}\b",
     r"^(?:phong|trung tam|van phong (?:hdnd va ubnd|hoi dong nhan dan va uy ban nhan dan|"
     rf"ubnd|uy ban nhan dan)|thanh tra {_DISTRICT})\b", None),
    (rf"^(?:ubnd|uy ban nhan dan) {_COMMUNE}\b",
     r"^(?:phong|trung tam phuc vu hanh chinh cong|cong chuc|truong (?:thon|ap|ban)|to truong"
     r"|van phong (?:hdnd va ubnd|"
     r"hoi dong nhan dan va uy ban nhan dan|ubnd|uy ban nhan dan|dang uy))\b", _OUTSIDE_COMMUNE),
    *(_committee_row(c) for c in _COMMITTEES),
    (r"^(?:ban|uy ban kiem tra|van phong) .*\b(?:tinh uy|thanh uy|trung uong|dang uy|huyen uy)\b",
     r"^(?:phong|van phong ban|vu|cuc)\b", True),
    # A Party cell's committee and its village's bodies ("Chi ủy", "Ban nhân dân thôn",
    # "Chi hội Phụ nữ", "Chi đoàn", "Tổ dân phố số 2"): each cell's own.
    (r"^chi bo\b", r"^(?:chi uy|chi hoi|chi doan|to dan pho|ban (?:nhan dan|dieu hanh|cong tac"
                    r" mat tran|ap|thon|khu pho)|truong (?:thon|ap|ban))\b", True),
    # A Party committee's office, boards and inspection commission ("Văn phòng Đảng ủy", "Ban
    # Xây dựng Đảng Đảng ủy xã").
    (r"^dang uy\b", r"^(?:van phong|uy ban kiem tra|ban [a-z ]+?) dang uy"
                    rf"(?: {_COMMUNE})?$", None),
    # A mass organisation's boards, office and centres ("Ban Tuyên huấn", "Văn phòng Hội"),
    # not the Party's or the state's boards it names ("Ban Dân vận Tỉnh ủy").
    (r"^(?:(?:bch|ban chap hanh|ban thuong vu) )?(?:hoi nong dan|hoi lien hiep phu nu"
     r"|hoi cuu chien binh|lien doan lao dong|tinh doan|thanh doan|doan (?:tncs|thanh nien))\b",
     r"^(?:ban|van phong|trung tam|quy ho tro)\b",
     r"\b(?:tinh uy|thanh uy|huyen uy|dang uy|ubnd|uy ban|chi dao|quan ly|so"
     rf"|{_BELOW_PROVINCE}|quoc gia|trung uong|quoc hoi)\b"),
)


_OWN_RULES = tuple(
    (re.compile(i), re.compile(u),
     _OUTSIDE if place is True else re.compile(place) if isinstance(place, str) else None)
    for i, u, place in OWN_UNITS_OF_ISSUER)


@lru_cache(maxsize=4096)
def own_units_rule(issuer: str | None) -> int | None:
    """The index of the :data:`OWN_UNITS_OF_ISSUER` row an issuer's name falls under."""
    if not issuer:
        return None
    folded = fold(issuer)
    return next((i for i, (rx, _, _) in enumerate(_OWN_RULES) if rx.search(folded)), None)


@lru_cache(maxsize=8192)
def is_internal(name: str, rule: int | None = None) -> bool:
    """True for a unit of the issuing body (or a group of them).

    ``rule`` is the issuer's :func:`own_units_rule`, when the issuer is not a department:
    a ministry's "Vụ Pháp chế", a Tỉnh ủy's "Ban Tổ chức Tỉnh ủy" is its own unit. Then
    known kinds decide; otherwise a "Phòng", "Chi cục" or "Trung tâm" that names no district
    or national body is taken as the department's own.
    """
    key = unit_key(name)
    if rule is not None and not is_collective(name) and _OWN_RULES[rule][1].match(key) and (
            _OWN_RULES[rule][2] is None or not _OWN_RULES[rule][2].search(key)):
        return True
    if is_collective(name):
        # "trực thuộc Trung ương" of every province's bodies is not "trực thuộc Sở"
        return bool(_INTERNAL_COLLECTIVE.search(key)) and not nationwide_group(name)
    kid = unit_kind(name)
    if kid is not None:
        return next(k.category for k in kinds() if k.id == kid) == "internal"
    return bool(_INTERNAL_HEADS.match(key)) and not _OUTSIDE.search(key) \
        and not _CENTRAL_BRANCHES.match(key) and not _OTHER_BODIES.search(key)


# A unit named by a level below the province alone ("Công an xã", not "UBND các xã" or "Công an
# cấp xã").
_BARE_LEVEL_END = re.compile(
    rf"(?<!\bcac )(?<!\bcap )(?<!\bmoi )\b(?P<level>{level_pattern('district', 'commune')})$")


@lru_cache(maxsize=8192)
def placed_unit_name(name: str, issuer: str | None) -> str | None:
    """The name of a body a commune's or district's plan names by its level alone, with the
    issuer's place: "Công an xã" in a plan of "UBND xã Ia Grai" is "Công an xã Ia Grai", not
    the police of every commune; None when ``name`` does not end with the issuer's level."""
    area = local_area(issuer)
    end = _BARE_LEVEL_END.search(unit_key(name)) if area and area[1] else None
    if end is None or end.group("level") != area[0] or is_collective(name):
        return None
    text = squash_spaces(canon(nfc(issuer or "")))
    at = fold_aligned(text).rfind(area[1])
    place = text[at:at + len(area[1])] if at >= 0 else area[1]
    return f"{squash_spaces(canon(nfc(name)))} {place}"


# A name whose level word belongs to the body before it: "Văn phòng HĐND và UBND xã" is the
# commune's office by that name, "Văn phòng Đảng ủy xã" its Party committee's (unit_key).
_BODY_BEFORE_LEVEL = re.compile(r"\b(?:uy ban nhan dan|hoi dong nhan dan|dang uy|dang bo)$")


# A commune's or district's own units that go by their name without the level ("Phòng Kinh tế",
# "Phòng Văn hóa - Xã hội"), unlike its centres, whose names carry it ("Trung tâm Phục vụ hành
# chính công xã"): the display form of such a unit drops the level (unit_key).
_OWN_BARE_NAMES = re.compile(r"^phong\b")


def own_display_name(name: str, issuer: str | None) -> str:
    """The spelling of an issuer's own unit to show: :func:`own_unit_name` for a unit that
    goes by its name without the level (:data:`_OWN_BARE_NAMES`), ``name`` otherwise."""
    own = own_unit_name(name, issuer)
    return own if own != name and _OWN_BARE_NAMES.match(unit_key(own)) else name


@lru_cache(maxsize=8192)
def own_unit_name(name: str, issuer: str | None) -> str:
    """The name of a commune's or district's own unit without the issuer's level after it:
    in a plan of "UBND xã Ia Grai", "Phòng Kinh tế xã" is its "Phòng Kinh tế" and "Trung
    tâm Phục vụ hành chính công xã" its "Trung tâm Phục vụ hành chính công", so both
    spellings are one unit; ``name`` itself otherwise (another body's, or a name whose level
    word is its council's: "Văn phòng HĐND và UBND xã")."""
    area = local_area(issuer)
    rule = own_units_rule(issuer)
    if area is None or rule is None or not is_internal(name, rule):
        return name
    key = unit_key(name)
    end = _BARE_LEVEL_END.search(key)
    if end is None or end.group("level") != area[0] \
            or _BODY_BEFORE_LEVEL.search(key[:end.start()].rstrip()):
        return name
    words = squash_spaces(canon(nfc(name))).split()
    size = len(area[0].split())
    if fold(" ".join(words[-size:])) != area[0] or len(words) <= size + 1:
        return name
    return " ".join(words[:-size]).rstrip(" ,;-–")


# A Party committee's board, inspection committee or office, named with its committee:
# "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Huyện ủy Chư Sê", "Văn phòng Thành ủy".
_COMMITTEE_BOARD = re.compile(
    rf"^(?:ban|uy ban kiem tra|van phong)\b.*?\b(?P<committee>{committee_pattern()})\b"
    r"(?P<place>(?: [a-z0-9-]+){0,4})$")


@lru_cache(maxsize=8192)
def party_committee_of(name: str) -> tuple[str, str] | None:
    """A Party committee's board, inspection committee or office: ``(the unit's name,
    its committee)`` as the name writes them, the unit's name without the province after a
    provincial committee ("Ban Tổ chức Tỉnh ủy Gia Lai" → ("Ban Tổ chức Tỉnh ủy", "Tỉnh ủy
    Gia Lai"); "Ủy ban Kiểm tra Huyện ủy Chư Sê" → (itself, "Huyện ủy Chư Sê")), or None.
    Such a unit is its committee's whether the committee's own plan or another body's
    names it, so it has one node."""
    text = canonical_unit_name(name)
    m = _COMMITTEE_BOARD.match(fold_aligned(text))
    if m is None:
        return None
    committee = text[m.start("committee"):].strip()
    place = text[m.start("place"):].strip()
    if place and m.group("committee") in ("tinh uy", "thanh uy") and province(place):
        text = text[:m.start("place")].rstrip()
    return text, committee
