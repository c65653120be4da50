"""Unit vocabulary and list splitting: names with commas, abbreviations, spellings."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Span
from policykg.loaders.units import UnitBook, leading_subject, partners, split_units
from policykg.ontology.normalize import canon
from policykg.ontology.units import (
    UNIT_HEADS,
    canonical_unit_name,
    is_collective,
    is_internal,
    kinds,
    unit_key,
    unit_kind,
    unit_kind_label,
)

SPAN = Span("t.txt", 1, 1, "")


def test_split_keeps_official_names_with_commas_hyphens_and_va():
    names = split_units(
        "Bộ Văn hóa, Thể thao và Du lịch, Bộ Lao động - Thương binh và Xã hội; "
        "Sở Kế hoạch và Đầu tư, Sở Nông nghiệp và Phát triển nông thôn, "
        "Sở Văn hóa, Thể thao và Du lịch")
    assert names == [
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Bộ Lao động - Thương binh và Xã hội",
        "Sở Kế hoạch và Đầu tư",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]


def test_split_on_va_between_two_units():
    assert split_units("Văn phòng Sở và Phòng Quản lý khoa học") == [
        "Văn phòng Sở", "Phòng Quản lý khoa học"]
    assert split_units("Phòng Quản lý Công nghệ và Sở hữu trí tuệ") == [
        "Phòng Quản lý Công nghệ và Sở hữu trí tuệ"]


def test_split_drops_trailing_clause_and_keeps_groups_whole():
    names = split_units(
        "Các sở, ban, ngành tỉnh; UBND cấp huyện; các trung tâm, viện nghiên cứu, trường "
        "đại học, doanh nghiệp, tổ chức KH&CN;... xây dựng đề xuất đặt hàng, hồ sơ thuyết minh.")
    assert names[:2] == ["Các sở, ban, ngành tỉnh", "UBND cấp huyện"]
    assert len(names) == 3
    assert not any("đề xuất" in n or "hồ sơ" in n for n in names)


def test_prose_subject_and_partners():
    subj = leading_subject(
        "Thanh tra Sở chủ trì phối hợp với Sở Công Thương, Công an tỉnh, Sở Nông nghiệp "
        "và Phát triển nông thôn tăng cường công tác thanh tra, kiểm tra")
    assert subj is not None and subj.names == ["Thanh tra Sở"] and subj.role == "lead"
    assert subj.partners == ["Sở Công Thương", "Công an tỉnh",
                             "Sở Nông nghiệp và Phát triển nông thôn"]
    giao = leading_subject("Xác định các công nghệ chủ chốt. Giao Phòng Quản lý Khoa học "
                           "chủ trì, phối hợp với các viện nghiên cứu, sở, ngành tăng cường")
    assert giao is not None and giao.names == ["Phòng Quản lý Khoa học"]
    assert partners("Phối hợp với Liên minh các HTX tỉnh đẩy mạnh công tác hỗ trợ") == [
        "Liên minh các HTX tỉnh"]


def test_beneficiaries_and_places_are_not_units():
    assert leading_subject("Hỗ trợ Hội nông dân xây dựng nhãn hiệu") is None
    assert partners("Hỗ trợ Hội nông dân, hợp tác xã làm việc với huyện Ia Grai") == []
    assert leading_subject("Chuyển giao các quy trình công nghệ cho HND") is None


def test_participate_and_support_roles():
    assert leading_subject("Hội đồng Dân tộc tham gia thẩm tra chính sách").role == "participate"
    assert leading_subject(
        "Văn phòng Quốc hội có trách nhiệm phối hợp tổ chức thực hiện").role == "support"


def test_abbreviations_resolve_to_one_unit():
    assert canonical_unit_name("Trung tâm KH&CN") == canonical_unit_name(
        "Trung tâm Khoa học và Công nghệ")
    assert canonical_unit_name("Chi cục TĐC") == "Chi cục Tiêu chuẩn Đo lường Chất lượng"
    assert canonical_unit_name("Sở NN&PTNT") == "Sở Nông nghiệp và Phát triển nông thôn"
    book = UnitBook()
    short = book.mention("Trung tâm KH&CN", "lead", SPAN)
    full = book.mention("Trung tâm Khoa học và Công nghệ", "support", SPAN)
    units = book.units()
    assert len(units) == 1
    assert set(units[0].aliases) == {"Trung tâm KH&CN", "Trung tâm Khoa học và Công nghệ"}
    assert short.canonical == full.canonical == units[0].name


def test_case_variants_resolve_to_one_unit():
    book = UnitBook()
    a = book.mention("Phòng Quản lý khoa học", "lead", SPAN)
    b = book.mention("Phòng Quản lý Khoa học", "lead", SPAN)
    units = book.units()
    assert len(units) == 1 and a.canonical == b.canonical
    assert units[0].kind == "phong-quan-ly-khoa-hoc"


def test_nfd_and_old_tone_placement_give_the_same_name():
    nfd = unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch")
    old = "Sở Văn hoá, Thể thao và Du lịch"
    no_comma = "Sở Văn hóa thể thao và Du lịch"
    assert len({canonical_unit_name(n) for n in (nfd, old, no_comma)}) == 1
    assert split_units(nfd + ", Sở Công Thương") != []
    assert len(split_units(nfd + ", Sở Công Thương")) == 2


@pytest.mark.parametrize("name, category", [
    ("Văn phòng Sở", "internal"),
    ("Thanh tra Sở", "internal"),
    ("Phòng Kế hoạch – Tài chính", "internal"),
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "internal"),
    ("Sở Công Thương", "external"),
    ("Công an tỉnh", "external"),
    ("UBND cấp huyện", "collective"),  # every district's committee, named as one
    ("Tỉnh Đoàn TNCS Hồ Chí Minh", "external"),
    ("Phòng Kinh tế và Hạ tầng các huyện", "external"),
    ("Các phòng, đơn vị trực thuộc Sở", "collective"),
    ("các sở, ban, ngành tỉnh", "collective"),
    ("các tổ chức, cá nhân liên quan", "collective"),
    ("các đơn vị liên quan", "collective"),
])
def test_classification(name, category):
    if category == "collective":
        assert is_collective(name)
    else:
        assert not is_collective(name)
        assert is_internal(name) == (category == "internal")


def test_kinds_group_province_variants():
    family = {unit_kind(n) for n in (
        "Phòng Quản lý Công nghệ và Sở hữu trí tuệ",
        "Phòng Quản lý Công nghệ và Thị trường công nghệ",
        "Phòng Quản lý công nghệ và Đổi mới sáng tạo")}
    assert family == {"phong-quan-ly-cong-nghe"}
    assert unit_kind("Chi cục TĐC") == "chi-cuc-tdc"
    assert unit_kind("Sở Văn hóa thể thao và Du lịch") == "so-van-hoa"
    assert unit_kind("UBND cấp huyện") == "ubnd-cap-huyen"
    assert unit_kind("các tổ chức, cá nhân liên quan") is None
    assert unit_kind_label("chi-cuc-tdc") == "Chi cục Tiêu chuẩn Đo lường Chất lượng"
    assert unit_kind_label("chi-cuc-tdc", "en").startswith("Sub-department")
    assert len({k.id for k in kinds()}) == len(kinds())


def test_vocabulary_is_in_canonical_form():
    assert all(canon(h) == h for h in UNIT_HEADS)
    for kind in kinds():
        assert kind.pattern.fullmatch(unit_key(kind.names[0])), kind.id
        assert unit_kind(kind.names[0]) == kind.id, kind.id


@pytest.mark.parametrize("written", [
    "MTTQ tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh", "UBMTTQ tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Uỷ ban Mặt trận Tổ quốc tỉnh",
])
def test_the_fatherland_front_is_one_unit_however_it_is_written(written):
    from policykg.loaders.units import unit_identity
    from policykg.ontology.units import canonical_unit_name

    assert canonical_unit_name(written) == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    assert unit_identity(written) == unit_identity("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")


@pytest.mark.parametrize(("written", "meant"), [
    ("BCH Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("BCHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("BCH Đoàn tỉnh", "Ban Chấp hành Đoàn tỉnh"),  # the youth union's executive committee
])
def test_bch_is_the_military_command_before_quan_su(written, meant):
    from policykg.ontology.units import canonical_unit_name

    assert canonical_unit_name(written) == meant


@pytest.mark.parametrize(("text", "names"), [
    ("Ngân hàng Nhà nước Chi nhánh Khu vực 7", ["Ngân hàng Nhà nước Chi nhánh Khu vực 7"]),
    ("Sở Tài chính, Ngân hàng Nhà nước Chi nhánh Khu vực 7 và Sở Công Thương",
     ["Sở Tài chính", "Ngân hàng Nhà nước Chi nhánh Khu vực 7", "Sở Công Thương"]),
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh", ["Ngân hàng Chính sách xã hội chi nhánh tỉnh"]),
    ("Ngân hàng Nhà nước tổ chức thực hiện", ["Ngân hàng Nhà nước"]),
])
def test_a_branch_of_a_national_body_keeps_its_branch(text, names):
    """Since 2025 the State Bank works through regional branches ("Chi nhánh Khu vực 7"): the
    branch is the unit, not the bank's name cut at "Chi"."""
    for form in ("NFC", "NFD"):
        found = split_units(unicodedata.normalize(form, text))
        assert [unicodedata.normalize("NFC", n) for n in found] == names
