"""Department names since the 2025 reorganisation, however a province writes them: with
"&", commas or hyphens, abbreviated, without diacritics, in capitals or followed by the
province. Each spelling is one unit (one node, one workload row) and keeps its kind, so a
department's load is counted under one name within a plan and across a province's plans;
collective forms stay groups."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.units import display_name
from policykg.ontology.normalize import fold
from policykg.ontology.units import unit_kind
from policykg.queries import workload
from tests.layouts import assert_same_reading_in_any_form, find, parse, units_of

FORMS = ("NFC", "NFD")

SPELLINGS = [
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở NNMT", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở Nông nghiệp & Môi trường", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("So Nong nghiep va Moi truong", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở Khoa học & Công nghệ", "Sở Khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
    ("Sở Dân tộc và Tôn giáo", "Sở Dân tộc và Tôn giáo", "so-dan-toc-ton-giao"),
    ("Sở Dân tộc & Tôn giáo", "Sở Dân tộc và Tôn giáo", "so-dan-toc-ton-giao"),
    ("Sở DT&TG", "Sở Dân tộc và Tôn giáo", "so-dan-toc-ton-giao"),
    ("SỞ DÂN TỘC VÀ TÔN GIÁO", "Sở Dân tộc và Tôn giáo", "so-dan-toc-ton-giao"),
    ("So Dan toc va Ton giao", "Sở Dân tộc và Tôn giáo", "so-dan-toc-ton-giao"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa"),
    ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa"),
    ("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("Sở GDĐT", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("Sở GD-ĐT", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("Sở Giáo dục & Đào tạo", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("SO GIAO DUC VA DAO TAO", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("Sở Công thương", "Sở Công Thương", "so-cong-thuong"),
    ("THANH TRA TỈNH", "Thanh tra tỉnh", "thanh-tra-tinh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"),
    ("VP UBND tỉnh", "Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"),
    ("Van phong UBND tinh", "Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("written", "canonical", "kind"), SPELLINGS)
def test_each_spelling_has_the_official_name_and_kind(written, canonical, kind, form):
    text = unicodedata.normalize(form, written)
    assert unicodedata.normalize("NFC", display_name(text)) == canonical
    assert unit_kind(text) == kind


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("written", "kind"), [
    ("Sở Tài chính tỉnh Gia Lai", "so-tai-chinh"),
    ("Sở Y tế tỉnh Tây Ninh", "so-y-te"),
    ("Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "so-nong-nghiep"),
    ("Sở Dân tộc và Tôn giáo tỉnh", "so-dan-toc-ton-giao"),
    ("Sở GD&ĐT tỉnh Gia Lai", "so-giao-duc"),
    ("Sở Xây dựng thành phố Hải Phòng", "so-xay-dung"),
    ("Thanh tra tỉnh Gia Lai", "thanh-tra-tinh"),
    ("Văn phòng UBND tỉnh Gia Lai", "van-phong-ubnd-tinh"),
])
def test_a_department_named_with_its_province_keeps_its_kind(written, kind, form):
    assert unit_kind(unicodedata.normalize(form, written)) == kind


def test_thanh_tra_tinh_is_not_a_departments_own_inspectorate():
    assert unit_kind("Thanh tra tỉnh") != unit_kind("Thanh tra Sở") == "thanh-tra-so"


PLAN_A = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 212/KH-UBND
Gia Lai, ngày 14 tháng 8 năm 2025
KẾ HOẠCH
Chuyển đổi số ngành nông nghiệp và môi trường năm 2025
I. NHIỆM VỤ
1. Sở NN&MT chủ trì, phối hợp với Sở Tài chính tỉnh Gia Lai, Sở GD-ĐT xây dựng cơ sở \
dữ liệu đất đai, hoàn thành trong quý IV năm 2025.
2. Sở Nông nghiệp & Môi trường chủ trì, phối hợp với Sở Dân tộc và Tôn giáo, Thanh tra \
tỉnh rà soát hồ sơ giao đất, hoàn thành trong năm 2025.
3. Sở Dân tộc & Tôn giáo chủ trì, phối hợp với Sở VH,TT&DL, Văn phòng UBND tỉnh tuyên \
truyền chính sách vùng đồng bào, thực hiện thường xuyên.
4. Sở Giáo dục & Đào tạo chủ trì, phối hợp với các sở, ngành liên quan triển khai học \
liệu số, hoàn thành trong năm 2026.
5. Sở Tài chính chủ trì, phối hợp với Sở Nông nghiệp và Môi trường bố trí kinh phí thực \
hiện, hàng năm.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Ủy ban nhân dân tỉnh theo dõi, tổng hợp kết quả.
"""

PLAN_B = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 230/KH-UBND
Gia Lai, ngày 02 tháng 9 năm 2025
KẾ HOẠCH
Phát triển giáo dục vùng đồng bào dân tộc thiểu số năm 2025
I. NHIỆM VỤ
1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở DT&TG, Sở Nông nghiệp và Môi trường \
tỉnh Gia Lai rà soát trường lớp, hoàn thành trong quý IV năm 2025.
2. SỞ DÂN TỘC VÀ TÔN GIÁO chủ trì, phối hợp với Sở GDĐT hỗ trợ học sinh bán trú, \
hàng năm.
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("cơ sở dữ liệu đất đai", {"Sở Nông nghiệp và Môi trường"},
     {"Sở Tài chính", "Sở Giáo dục và Đào tạo"}),
    ("hồ sơ giao đất", {"Sở Nông nghiệp và Môi trường"},
     {"Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh"}),
    ("vùng đồng bào", {"Sở Dân tộc và Tôn giáo"},
     {"Sở Văn hóa, Thể thao và Du lịch", "Văn phòng UBND tỉnh"}),
    ("học liệu số", {"Sở Giáo dục và Đào tạo"}, {"Các sở, ngành liên quan"}),
])
def test_merged_departments_lead_and_support_under_one_name(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, PLAN_A)), words)
    # The province after a name stays as written; the department is the same.
    got = {n.removesuffix(" tinh gia lai") for n in units_of(task, "support")}
    assert units_of(task, "lead") == {fold(n) for n in lead}
    assert got == {fold(n) for n in support}


@pytest.mark.parametrize("form", FORMS)
def test_every_spelling_in_a_plan_is_one_unit(form):
    plan = parse(unicodedata.normalize(form, PLAN_A))
    by_kind: dict[str, set[str]] = {}
    for unit in plan.units:
        if unit.kind:
            by_kind.setdefault(unit.kind, set()).add(fold(unit.name))
    assert by_kind["so-nong-nghiep"] == {fold("Sở Nông nghiệp và Môi trường")}
    assert by_kind["so-dan-toc-ton-giao"] == {fold("Sở Dân tộc và Tôn giáo")}
    assert by_kind["so-giao-duc"] == {fold("Sở Giáo dục và Đào tạo")}
    assert by_kind["van-phong-ubnd-tinh"] == {fold("Văn phòng UBND tỉnh")}


def test_the_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(PLAN_A)
    assert_same_reading_in_any_form(PLAN_B)


@pytest.fixture(scope="module", params=FORMS)
def graph(request):
    return build_graph([parse(unicodedata.normalize(request.param, text), name)
                        for text, name in ((PLAN_A, "kh-212.txt"), (PLAN_B, "kh-230.txt"))])


@pytest.mark.parametrize(("typed", "unit", "lead", "support"), [
    ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", 2, 2),
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường", 2, 2),
    ("Sở Dân tộc và Tôn giáo", "Sở Dân tộc và Tôn giáo", 2, 2),
    ("so dan toc va ton giao", "Sở Dân tộc và Tôn giáo", 2, 2),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo", 2, 2),
])
def test_one_workload_row_across_a_provinces_plans(graph, typed, unit, lead, support):
    rows = workload(graph, unit=typed)
    # The node shows its longest spelling, which may carry the province ("… tỉnh Gia Lai").
    assert [(r.unit.removesuffix(" tỉnh Gia Lai"), r.province, r.lead, r.support)
            for r in rows] == [(unit, "Gia Lai", lead, support)]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("group", [
    "các sở, ban, ngành", "các sở, ngành liên quan", "Các sở, ban, ngành tỉnh"])
def test_collective_forms_are_groups_not_a_department(group, form):
    text = PLAN_B.replace("Sở GDĐT", group)
    task = find(parse(unicodedata.normalize(form, text)), "học sinh bán trú")
    partners = [u for u in task.units if u.role == "support"]
    assert [(fold(u.canonical), u.category) for u in partners] == [(fold(group), "collective")]


@pytest.mark.parametrize("form", FORMS)
def test_communes_as_a_group_are_the_communes_not_a_department(form):
    text = PLAN_B.replace("Sở GDĐT", "UBND các xã, phường")
    plan = parse(unicodedata.normalize(form, text))
    task = find(plan, "học sinh bán trú")
    assert units_of(task, "support") == {fold("UBND các xã, phường")}
    unit, = (u for u in plan.units if fold(u.name) == fold("UBND các xã, phường"))
    assert unit.kind == "ubnd-cap-xa"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("partners", "group", "body", "category"), [
    # the communes' committees named as one are a group of their own, not one body
    ("các sở, ban, ngành và UBND các xã, phường", "Các sở, ban, ngành", "UBND các xã, phường",
     "collective"),
    ("các sở, ngành liên quan và UBND cấp xã", "Các sở, ngành liên quan", "UBND cấp xã",
     "collective"),
    ("các sở, ban, ngành tỉnh và Công an tỉnh", "Các sở, ban, ngành tỉnh", "Công an tỉnh",
     "external"),
])
def test_a_body_named_after_a_group_is_its_own_partner(partners, group, body, category, form):
    text = PLAN_B.replace("Sở GDĐT", partners)
    task = find(parse(unicodedata.normalize(form, text)), "học sinh bán trú")
    assert sorted((fold(u.canonical), u.category) for u in task.units if u.role == "support") \
        == sorted([(fold(group), "collective"), (fold(body), category)])
