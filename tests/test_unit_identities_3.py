# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Unit groups and identities, third sweep: the communes (or districts) of a province named as
one, a commune's own offices written with and without its level, a city that changed level by
date, and spellings of bodies seen in provincial plans of 2024-2026.

- "UBND các xã, phường, đặc khu", "Ủy ban nhân dân cấp xã", "UBND các huyện, thị xã, thành
  phố" and "Công an các xã, phường" are groups of many bodies (category "collective"), as "các
  sở, ban, ngành" is: no one body carries their workload. They keep the kind of their level, so
  provinces can be compared on what they give their communes.
- In a commune's plan "Phòng Kinh tế xã" and "Phòng Kinh tế" are one office of the commune, as
  are "Trung tâm Phục vụ hành chính công xã" and the centre named bare.
- Huế was a provincial city of Thừa Thiên Huế until 31 December 2024 and is a centrally governed
  city since 1 January 2025: "ỦY BAN NHÂN DÂN / THÀNH PHỐ HUẾ" dated 2024 is the city inside
  its province, numbering on its own; dated 2025 on, it is the province.
- Abbreviations and names: "BCH Quân sự tỉnh", "BĐBP tỉnh", "BCH BĐBP tỉnh", "Cục Thuế tỉnh"
  and "Thuế tỉnh", "Chi cục QLTT", "Ban QL các KCN tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
  "Liên hiệp các Hội KH&KT tỉnh", "Bưu điện tỉnh".

Our own writing in the administrative style; every fixture is read in NFC and in NFD.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph, plan_node_ids
from policykg.loaders.model import Plan
from policykg.ontology.normalize import fold
from policykg.queries import workload
from tests.layouts import (
    assert_same_reading_in_any_form,
    assert_units,
    find,
    forms,
    header_plan,
    nfc,
    parse,
    refs_of,
    unit_named,
    units_of,
)

FORMS = ("NFC", "NFD")




# --- 1. The communes (or districts) of a province named as one -------------------------------

PROVINCE_2025 = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 611/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 15 tháng 12 năm 2025

KẾ HOẠCH
Chuyển đổi số cấp xã năm 2026

I. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã, phường, đặc khu rà soát diện tích cây trồng chuyển đổi, hoàn thành trong quý II năm 2026.
2. UBND các xã, phường, đặc khu chủ trì tuyên truyền ứng dụng dịch vụ công trực tuyến cho người dân, thực hiện thường xuyên.
3. Công an tỉnh chủ trì, phối hợp với Công an các xã, phường, đặc khu làm sạch dữ liệu dân cư, hoàn thành trong quý I năm 2026.
4. Sở Nội vụ chủ trì, phối hợp với Ủy ban nhân dân cấp xã kiện toàn tổ công nghệ số cộng đồng, hoàn thành trong quý III năm 2026.
5. Sở Tài chính chủ trì, phối hợp với UBND xã Ia Hrung bố trí kinh phí thí điểm mô hình xã số, năm 2026.
6. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, phường hướng dẫn đánh giá mức độ chuyển đổi số cấp xã, hằng năm.

II. TỔ CHỨC THỰC HIỆN
Văn phòng UBND tỉnh theo dõi, tổng hợp kết quả.

Nơi nhận:
- Như trên;
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Hữu Quế
"""

PROVINCE_2024 = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 142/KH-UBND
Quảng Ngãi, ngày 20 tháng 5 năm 2024

KẾ HOẠCH
Phát triển thương mại điện tử nông thôn năm 2024

I. NHIỆM VỤ
1. Sở Công Thương chủ trì, phối hợp với UBND các huyện, thị xã, thành phố tổ chức đưa sản phẩm OCOP lên sàn thương mại điện tử, hoàn thành trong quý III năm 2024.
2. UBND các huyện, thị xã, thành phố chỉ đạo UBND các phường, xã, thị trấn lập danh sách hộ kinh doanh trực tuyến, hoàn thành trong quý II năm 2024.
3. Sở Thông tin và Truyền thông chủ trì, phối hợp với UBND cấp huyện, UBND các phường, xã, thị trấn hướng dẫn thanh toán không dùng tiền mặt, năm 2024.
4. Sở Tài chính chủ trì, phối hợp với UBND huyện Sơn Tịnh bố trí kinh phí điểm giới thiệu sản phẩm, năm 2024.
"""


@pytest.mark.parametrize("plan", forms(PROVINCE_2025), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("cây trồng chuyển đổi", {"Sở Nông nghiệp và Môi trường"}, {"UBND các xã, phường, đặc khu"}),
    ("dịch vụ công trực tuyến", {"UBND các xã, phường, đặc khu"}, set()),
    ("dữ liệu dân cư", {"Công an tỉnh"}, {"Công an các xã, phường, đặc khu"}),
    # every spelling of the communes is one group, shown under its fullest name
    ("tổ công nghệ số", {"Sở Nội vụ"}, {"UBND các xã, phường, đặc khu"}),
    ("mô hình xã số", {"Sở Tài chính"}, {"UBND xã Ia Hrung"}),
    ("mức độ chuyển đổi số", {"Sở Khoa học và Công nghệ"}, {"Các sở, ban, ngành", "UBND các xã, phường, đặc khu"}),
])
def test_who_leads_and_partners_with_the_communes_as_a_group(plan, words, lead, support):
    task = find(plan, words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("plan", forms(PROVINCE_2025), ids=FORMS)
@pytest.mark.parametrize(("name", "category", "kind"), [
    ("UBND các xã, phường, đặc khu", "collective", "ubnd-cap-xa"),
    ("Công an các xã, phường, đặc khu", "collective", "cong-an-xa"),
    # one commune named is one body; the province's own bodies stay bodies
    ("UBND xã Ia Hrung", "external", "ubnd-cap-xa"),
    ("Công an tỉnh", "external", "cong-an-tinh"),
    ("Các sở, ban, ngành", "collective", None),
])
def test_the_communes_named_as_one_are_a_group_of_their_levels_kind(plan, name, category, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == (category, kind)


@pytest.mark.parametrize("plan", forms(PROVINCE_2024), ids=FORMS)
@pytest.mark.parametrize(("name", "category", "kind"), [
    ("UBND các huyện, thị xã, thành phố", "collective", "ubnd-cap-huyen"),
    ("UBND các phường, xã, thị trấn", "collective", "ubnd-cap-xa"),
    ("UBND huyện Sơn Tịnh", "external", "ubnd-cap-huyen"),
])
def test_before_july_2025_the_districts_and_communes_as_one_are_groups(plan, name, category, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == (category, kind)


@pytest.mark.parametrize("plan", forms(PROVINCE_2024), ids=FORMS)
def test_a_group_of_districts_leads_and_is_not_cut_into_pieces(plan):
    task = find(plan, "hộ kinh doanh trực tuyến")
    assert units_of(task, "lead") == {fold("UBND các huyện, thị xã, thành phố")}
    task = find(plan, "thanh toán không dùng tiền mặt")
    assert units_of(task, "support") == {fold("UBND các huyện, thị xã, thành phố"),
                                         fold("UBND các phường, xã, thị trấn")}


@pytest.fixture(scope="module", params=FORMS)
def groups_graph(request):
    return build_graph([parse(unicodedata.normalize(request.param, PROVINCE_2025), "gl-611.txt")])


def test_a_group_of_communes_has_no_organisation_and_is_left_out_of_bodies(groups_graph):
    rows = workload(groups_graph, unit="UBND các xã, phường, đặc khu")
    # its spellings "UBND các xã, phường" and "UBND cấp xã" are the same group
    assert [(nfc(r.unit), r.category, r.lead, r.support) for r in rows] == [
        ("UBND các xã, phường, đặc khu", "collective", 1, 3)]
    node = rows[0].unit_id
    assert ":all:" in node and groups_graph.nodes[node]["category"] == "collective"
    assert not [v for _, v, d in groups_graph.out_edges(node, data=True) if d.get("rel") == "PART_OF"]
    bodies = {nfc(r.unit) for r in workload(groups_graph, collective=False)}
    assert "UBND xã Ia Hrung" in bodies
    assert not {"UBND các xã, phường, đặc khu", "UBND cấp xã", "Công an các xã, phường, đặc khu"} & bodies


def test_the_communes_groups_compare_by_their_levels_kind(groups_graph):
    rows = workload(groups_graph, kind="ubnd-cap-xa")
    assert sorted((fold(r.unit), r.category) for r in rows) == sorted([
        (fold("UBND các xã, phường, đặc khu"), "collective"), (fold("UBND xã Ia Hrung"), "external")])


def test_the_group_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(PROVINCE_2025)
    assert_same_reading_in_any_form(PROVINCE_2024)


# --- 2. A commune's own offices, with and without its level ----------------------------------

COMMUNE_A = """ỦY BAN NHÂN DÂN
XÃ IA HRUNG
Số: 95/KH-UBND
Ia Hrung, ngày 08 tháng 12 năm 2025

KẾ HOẠCH
Phát triển kinh tế tập thể năm 2026

I. NHIỆM VỤ
1. Phòng Kinh tế xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội xã khảo sát nhu cầu thành lập hợp tác xã, hoàn thành trong quý I năm 2026.
2. Phòng Kinh tế chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã hướng dẫn đăng ký hộ kinh doanh, thực hiện thường xuyên.
3. Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm Phục vụ hành chính công tuyên truyền chính sách hỗ trợ thành viên hợp tác xã, hằng quý.
4. Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã tổng hợp kết quả, báo cáo trước ngày 15/12/2026.
"""

COMMUNE_B = """ỦY BAN NHÂN DÂN
XÃ IA HRUNG
Số: 101/KH-UBND
Ia Hrung, ngày 20 tháng 12 năm 2025

KẾ HOẠCH
Chuyển đổi số trong sản xuất nông nghiệp năm 2026

I. NHIỆM VỤ
1. Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội xây dựng bản đồ số vùng trồng cà phê, hoàn thành trong quý III năm 2026.
"""

OTHER_COMMUNE = COMMUNE_B.replace("XÃ IA HRUNG", "XÃ CHƯ PĂH").replace("Ia Hrung, ngày", "Chư Păh, ngày")

DISTRICT_2024 = """ỦY BAN NHÂN DÂN
HUYỆN CHƯ SÊ
Số: 210/KH-UBND
Chư Sê, ngày 12 tháng 4 năm 2024

KẾ HOẠCH
Phát triển sản phẩm OCOP năm 2024

I. NHIỆM VỤ
1. Phòng Nông nghiệp và Phát triển nông thôn huyện chủ trì, phối hợp với Phòng Tài chính - Kế hoạch huyện đánh giá, phân hạng sản phẩm OCOP, quý III năm 2024.
2. Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Phòng Tài chính - Kế hoạch bố trí kinh phí hỗ trợ chủ thể OCOP, năm 2024.
"""


@pytest.mark.parametrize("plan", forms(COMMUNE_A), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("thành lập hợp tác xã", {"Phòng Kinh tế"}, {"Phòng Văn hóa - Xã hội"}),
    ("đăng ký hộ kinh doanh", {"Phòng Kinh tế"}, {"Trung tâm Phục vụ hành chính công xã"}),
    ("thành viên hợp tác xã", {"Phòng Văn hóa - Xã hội"}, {"Trung tâm Phục vụ hành chính công xã"}),
    # guards: the office keeps the council's level in its name; the police is another body
    ("tổng hợp kết quả", {"Văn phòng HĐND và UBND xã"}, {"Công an xã"}),
])
def test_a_communes_office_is_one_unit_with_or_without_its_level(plan, words, lead, support):
    task = find(plan, words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("plan", forms(COMMUNE_A), ids=FORMS)
def test_each_of_a_communes_offices_is_one_internal_unit_with_every_spelling(plan):
    named = {fold(u.name): (u.category, {fold(a) for a in u.aliases}) for u in plan.units}
    assert named[fold("Phòng Kinh tế")] == ("internal", {fold("Phòng Kinh tế"), fold("Phòng Kinh tế xã")})
    assert named[fold("Phòng Văn hóa - Xã hội")][0] == "internal"
    assert named[fold("Trung tâm Phục vụ hành chính công xã")][0] == "internal"
    assert sum(1 for u in plan.units if fold(u.name).startswith(("phong kinh te", "trung tam phuc vu"))) == 2
    assert named[fold("Công an xã")][0] == "external"


@pytest.mark.parametrize("plan", forms(DISTRICT_2024), ids=FORMS)
def test_a_districts_offices_are_one_unit_with_or_without_the_district(plan):
    first, second = find(plan, "phân hạng"), find(plan, "chủ thể OCOP")
    assert units_of(first, "lead") == units_of(second, "lead") == {fold("Phòng Nông nghiệp và Phát triển nông thôn")}
    assert units_of(first, "support") == units_of(second, "support") == {fold("Phòng Tài chính - Kế hoạch")}


def test_a_communes_office_is_one_node_across_its_plans_and_apart_from_another_communes():
    g = build_graph([parse(COMMUNE_A, "ia-hrung-95.txt"), parse(COMMUNE_B, "ia-hrung-101.txt"),
                     parse(OTHER_COMMUNE, "chu-pah-101.txt")])
    rows = workload(g, unit="Phòng Kinh tế")
    assert sorted((r.lead, r.support) for r in rows) == [(1, 0), (3, 0)]
    assert len({r.unit_id for r in rows}) == 2
    mine, = (r for r in rows if "ia-hrung" in r.unit_id)
    assert (mine.lead, len(mine.by_plan)) == (3, 2)  # its two plans, one unit


def test_the_commune_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(COMMUNE_A)
    assert_same_reading_in_any_form(DISTRICT_2024)


# --- 3. A city that changed level: Huế --------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("header", "issuer", "province", "plan_id"), [
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 61/KH-UBND\nHuế, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Huế", "Thừa Thiên Huế", "thua-thien-hue:thanh-pho-hue:61/KH-UBND@2024"),
    ("UBND TỈNH THỪA THIÊN HUẾ\nUBND THÀNH PHỐ HUẾ\nSố: 61/KH-UBND\nHuế, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Huế", "Thừa Thiên Huế", "thua-thien-hue:thanh-pho-hue:61/KH-UBND@2024"),
    ("UBND TP. HUẾ\nSố: 61/KH-UBND\nngày 31 tháng 12 năm 2024",
     "UBND thành phố Huế", "Thừa Thiên Huế", "thua-thien-hue:thanh-pho-hue:61/KH-UBND@2024"),
    # from 1 January 2025 the city is the province
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 61/KH-UBND\nHuế, ngày 02 tháng 01 năm 2025",
     "UBND thành phố Huế", "Huế", "hue:61/KH-UBND@2025"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 61/KH-UBND\nHuế, ngày 05 tháng 3 năm 2026",
     "UBND thành phố Huế", "Huế", "hue:61/KH-UBND@2026"),
    # a department's plan signed in Huế before 2025 is the old province's
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 61/KH-SKHCN\nHuế, ngày 05 tháng 3 năm 2024",
     "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", "thua-thien-hue:61/KH-SKHCN@2024"),
    # guards: a city that was always a province, and a provincial city that stayed one
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 61/KH-UBND\nĐà Nẵng, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Đà Nẵng", "Đà Nẵng", "da-nang:61/KH-UBND@2024"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ PLEIKU\nSố: 61/KH-UBND\nPleiku, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Pleiku", "Gia Lai", "gia-lai:thanh-pho-pleiku:61/KH-UBND@2024"),
])
def test_a_city_is_below_its_province_or_a_province_by_the_plans_date(header, issuer, province, plan_id, form):
    plan = header_plan(header, form)
    assert (nfc(plan.issuer), nfc(plan.province), nfc(plan.id)) == (issuer, province, plan_id)


HUE_PROVINCE = "UBND TỈNH THỪA THIÊN HUẾ\nSố: 15/KH-UBND\nThừa Thiên Huế, ngày 05 tháng 3 năm 2024"
HUE_CITY = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 15/KH-UBND\nHuế, ngày 10 tháng 01 năm 2024"
HUE_2026 = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 15/KH-UBND\nHuế, ngày 10 tháng 01 năm 2026"


def cited_nodes(citing: Plan, *others: Plan) -> set[str]:
    """The document nodes ``citing`` points to in the graph of it and ``others`` (NFC)."""
    nodes = plan_node_ids([citing, *others])
    graph = build_graph([citing, *others])
    own = nodes[citing.id]
    return {nfc(v) for _, v in graph.out_edges(own) if str(v).startswith("doc:") and v != own}


@pytest.mark.parametrize("form", FORMS)
def test_the_province_citing_the_city_of_2024_cites_the_citys_own_number(form):
    opening = "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND thành phố Huế, UBND tỉnh ban hành Kế hoạch như sau:"
    province = header_plan(HUE_PROVINCE, form, opening=opening)
    city = header_plan(HUE_CITY, form)
    ref = refs_of(province)["15/KH-UBND"]
    assert (ref.scope, nfc(ref.province)) == ("local", "Thừa Thiên Huế")
    nodes = plan_node_ids([province, city])
    assert nodes[province.id] != nodes[city.id]
    assert cited_nodes(province, city) == {nodes[city.id]}


@pytest.mark.parametrize("form", FORMS)
def test_the_city_of_2024_carries_out_its_provinces_plan_of_the_same_number(form):
    opening = ("Thực hiện Kế hoạch số 15/KH-UBND ngày 02/01/2024 của UBND tỉnh; Kế hoạch số 3/KH-UBND "
               "ngày 03/01/2024 của UBND thành phố, UBND thành phố ban hành Kế hoạch như sau:")
    city = header_plan(HUE_CITY, form, opening=opening)
    province = header_plan(HUE_PROVINCE, form)
    assert {k: r.relation for k, r in refs_of(city).items()} == {"15/KH-UBND": "implements", "3/KH-UBND": "implements"}
    nodes = plan_node_ids([city, province])
    assert cited_nodes(city, province) == {nodes[province.id], "doc:thua-thien-hue:thanh-pho-hue:3/KH-UBND@2024"}


@pytest.mark.parametrize("form", FORMS)
def test_the_city_as_province_citing_its_plan_as_a_provincial_city(form):
    opening = "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND thành phố Huế, UBND thành phố ban hành Kế hoạch như sau:"
    now = header_plan(HUE_2026, form, opening=opening)
    then = header_plan(HUE_CITY, form)
    nodes = plan_node_ids([now, then])
    assert nodes[now.id] == "doc:hue:15/KH-UBND@2026"
    assert cited_nodes(now, then) == {nodes[then.id]}


# --- 4. Spellings of bodies in provincial plans of 2024-2026 ---------------------------------

SPELLINGS = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 640/KH-UBND
Gia Lai, ngày 22 tháng 12 năm 2025

KẾ HOẠCH
Bảo đảm an ninh, an toàn khu vực biên giới và phát triển kinh tế số năm 2026

I. NHIỆM VỤ
1. BCH Quân sự tỉnh chủ trì, phối hợp với BĐBP tỉnh tổ chức diễn tập khu vực phòng thủ, quý II năm 2026.
2. BCH BĐBP tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh tuần tra đường biên, mốc quốc giới, thường xuyên.
3. Thuế tỉnh chủ trì, phối hợp với Chi cục QLTT kiểm tra hóa đơn điện tử của hộ kinh doanh trực tuyến, năm 2026.
4. Ban QL các KCN tỉnh chủ trì, phối hợp với Văn phòng Đoàn ĐBQH và HĐND tỉnh tổng hợp kiến nghị của doanh nghiệp khu công nghiệp, quý IV năm 2026.
5. Liên hiệp các Hội KH&KT tỉnh chủ trì, phối hợp với Bưu điện tỉnh phổ biến kiến thức nông nghiệp số, năm 2026.
6. Sở VHTTDL chủ trì, phối hợp với Đài PT-TH tỉnh quảng bá du lịch số, thường xuyên.
7. Thuế cơ sở 3 tỉnh Gia Lai chủ trì, phối hợp với Ban Chỉ huy Quân sự xã Ia Hrung hướng dẫn kê khai thuế của hộ kinh doanh biên giới, năm 2026.
"""

TAX_2024 = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 88/KH-UBND
Bình Định, ngày 15 tháng 4 năm 2024

KẾ HOẠCH
Chống thất thu thuế trong thương mại điện tử năm 2024

I. NHIỆM VỤ
1. Cục Thuế tỉnh chủ trì, phối hợp với Chi cục Thuế khu vực Quy Nhơn - Tuy Phước rà soát người nộp thuế kinh doanh trực tuyến, năm 2024.
"""

DEPARTMENT = """UBND TỈNH GIA LAI
SỞ CÔNG THƯƠNG
Số: 215/KH-SCT
Gia Lai, ngày 10 tháng 12 năm 2025

KẾ HOẠCH
Phát triển thương mại điện tử năm 2026

I. NHIỆM VỤ
1. Phòng Quản lý thương mại chủ trì, phối hợp với Chi cục QLTT kiểm tra hàng giả trên sàn thương mại điện tử, năm 2026.
2. Văn phòng Sở chủ trì, phối hợp với các đơn vị sự nghiệp trực thuộc Sở tổng hợp số liệu thương mại điện tử, hằng quý.
"""


@pytest.mark.parametrize("plan", forms(SPELLINGS), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("diễn tập khu vực phòng thủ", {"Bộ Chỉ huy Quân sự tỉnh"}, {"Bộ đội Biên phòng tỉnh"}),
    ("mốc quốc giới", {"Bộ Chỉ huy Bộ đội Biên phòng tỉnh"}, {"Bộ Chỉ huy Quân sự tỉnh"}),
    ("hóa đơn điện tử", {"Thuế tỉnh"}, {"Chi cục Quản lý thị trường"}),
    ("kiến nghị của doanh nghiệp", {"Ban Quản lý các Khu công nghiệp tỉnh"},
     {"Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"}),
    ("nông nghiệp số", {"Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"}, {"Bưu điện tỉnh"}),
    # guards: spellings read well before
    ("du lịch số", {"Sở Văn hóa, Thể thao và Du lịch"}, {"Đài Phát thanh và Truyền hình tỉnh"}),
    ("kê khai thuế", {"Thuế cơ sở 3 tỉnh Gia Lai"}, {"Ban Chỉ huy Quân sự xã Ia Hrung"}),
])
def test_abbreviated_and_renamed_bodies_are_read_whole(plan, words, lead, support):
    task = find(plan, words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("plan", forms(SPELLINGS), ids=FORMS)
@pytest.mark.parametrize(("name", "kind"), [
    # a military command is no ministry ("Bộ …")
    ("Bộ Chỉ huy Quân sự tỉnh", "bo-chi-huy-quan-su"),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "bo-doi-bien-phong"),
    ("Bộ đội Biên phòng tỉnh", "bo-doi-bien-phong"),
    ("Thuế tỉnh", "thue-tinh"),
    ("Thuế cơ sở 3 tỉnh Gia Lai", "thue-co-so"),
    ("Ban Chỉ huy Quân sự xã Ia Hrung", "ban-chi-huy-quan-su"),
    ("Ban Quản lý các Khu công nghiệp tỉnh", "ban-quan-ly-kcn"),
])
def test_bodies_of_a_province_have_their_kind(plan, name, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == ("external", kind)


@pytest.mark.parametrize("plan", forms(TAX_2024), ids=FORMS)
def test_the_tax_department_before_2025_is_of_the_tax_offices_kind(plan):
    task = find(plan, "người nộp thuế")
    assert units_of(task, "lead") == {fold("Cục Thuế tỉnh")}
    assert unit_named(plan, "Cục Thuế tỉnh").kind == "thue-tinh"
    assert unit_named(plan, "Chi cục Thuế khu vực Quy Nhơn - Tuy Phước").kind == "thue-co-so"


@pytest.mark.parametrize("plan", forms(DEPARTMENT), ids=FORMS)
def test_the_market_surveillance_is_another_body_in_a_departments_plan(plan):
    task = find(plan, "hàng giả")
    assert units_of(task, "support") == {fold("Chi cục Quản lý thị trường")}
    assert unit_named(plan, "Chi cục Quản lý thị trường").category == "external"
    assert unit_named(plan, "Phòng Quản lý thương mại").category == "internal"
    # guard: the department's own units named as one stay its group
    assert unit_named(plan, "Các đơn vị sự nghiệp trực thuộc Sở").category == "collective"


def test_the_tax_office_compares_across_its_renaming():
    g = build_graph([parse(SPELLINGS, "gl-640.txt"), parse(TAX_2024, "bd-88.txt")])
    rows = workload(g, kind="thue-tinh")
    assert sorted((r.province, fold(r.unit), r.lead) for r in rows) == [
        ("Bình Định", fold("Cục Thuế tỉnh"), 1), ("Gia Lai", fold("Thuế tỉnh"), 1)]


def test_the_spelling_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(SPELLINGS)
    assert_same_reading_in_any_form(DEPARTMENT)


WARD = """ỦY BAN NHÂN DÂN
PHƯỜNG PLEIKU
Số: 85/KH-UBND
Pleiku, ngày 12 tháng 12 năm 2025

KẾ HOẠCH
Bảo đảm an ninh trật tự năm 2026

I. NHIỆM VỤ
1. Công an phường chủ trì, phối hợp với Ban Chỉ huy Quân sự phường tuần tra khu dân cư, thường xuyên.
2. Phòng Văn hóa - Xã hội phường chủ trì, phối hợp với Công an phường tuyên truyền phòng chống lừa đảo trực tuyến, hằng quý.
"""


@pytest.mark.parametrize("form", FORMS)
def test_a_wards_police_and_military_command_are_the_wards_bodies(form):
    g = build_graph([parse(unicodedata.normalize(form, WARD), "pleiku-85.txt")])
    rows = {r.unit_id: (fold(r.unit), r.category, r.kind_id, r.lead, r.support) for r in workload(g)}
    assert rows == {
        "unit:gia-lai:cong-an-phuong-pleiku:cong-an-phuong-pleiku":
            (fold("Công an phường"), "external", "unitkind:cong-an-xa", 1, 1),
        "unit:gia-lai:ban-chi-huy-quan-su-phuong-pleiku:ban-chi-huy-quan-su-phuong-pleiku":
            (fold("Ban Chỉ huy Quân sự phường"), "external", "unitkind:ban-chi-huy-quan-su", 0, 1),
        "unit:gia-lai:ubnd-phuong-pleiku:phong-van-hoa-xa-hoi":
            (fold("Phòng Văn hóa - Xã hội"), "internal", "unitkind:phong-van-hoa-xa-hoi", 1, 0),
    }
