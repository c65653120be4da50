"""Unit names a third time: groups and shared leads. The departments or committees of every
province named as one ("Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương",
"UBND các tỉnh, thành phố") and the ministries ("các bộ, ngành") are one nationwide group,
whoever's plan names them; a province's groups ("các sở, ban, ngành", "UBND các xã, phường")
stay the province's. The provincial Youth Union is one body under its short and long names. Two
units before "chủ trì" both lead, and so does one that "đồng chủ trì"; two units that only
"phối hợp" support, with no lead. A head written once serves the bare names after it."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.units import split_units
from policykg.ontology.normalize import fold
from policykg.queries import workload
from tests.layouts import assert_same_reading_in_any_form, assert_units, find, parse, units_of

FORMS = ("NFC", "NFD")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


MINISTRY = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 2210/KH-BKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 05 tháng 11 năm 2025

KẾ HOẠCH
Vận hành hệ thống thông tin đổi mới sáng tạo năm 2026

I. NHIỆM VỤ
1. Cục Đổi mới sáng tạo chủ trì, phối hợp với Sở Khoa học và Công nghệ các tỉnh, thành phố \
trực thuộc Trung ương xây dựng bản đồ đổi mới sáng tạo. Thời gian: năm 2026.
2. Vụ Pháp chế chủ trì, phối hợp với Sở KH&CN các tỉnh, thành phố rà soát văn bản hướng dẫn \
về quỹ phát triển khoa học. Thời gian: Quý II/2026.
3. Văn phòng Bộ chủ trì, phối hợp với các bộ, ngành và UBND các tỉnh, thành phố tổng hợp báo \
cáo sơ kết. Thời gian: Quý IV/2026.
4. Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương chủ trì cập nhật dữ liệu \
nhiệm vụ khoa học. Thời gian: thường xuyên.
"""

PROVINCE_A = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 412/KH-UBND
Gia Lai, ngày 18 tháng 11 năm 2025
KẾ HOẠCH
Hỗ trợ thanh niên khởi nghiệp năm 2026
I. NHIỆM VỤ
1. Sở Công Thương và Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng \
chương trình kết nối cung cầu công nghệ, hoàn thành trong quý II năm 2026.
2. Sở Công Thương và Sở KH&CN phối hợp thực hiện khảo sát nhu cầu đổi mới công nghệ của \
doanh nghiệp, hoàn thành trong quý III năm 2026.
3. Sở Nội vụ chủ trì, Sở Tư pháp đồng chủ trì rà soát thủ tục hành chính về thanh niên, hoàn \
thành trong năm 2026.
4. Tỉnh Đoàn chủ trì, phối hợp với Sở Tài chính, Nội vụ, Tư pháp tổ chức cuộc thi ý tưởng \
khởi nghiệp, hàng năm.
5. Tỉnh Đoàn chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, phường tuyên truyền \
chuyển đổi số, thường xuyên.
6. Sở Y tế chủ trì, phối hợp với UBND các tỉnh, thành phố trực thuộc Trung ương chia sẻ dữ \
liệu hồ sơ sức khỏe, năm 2026.
7. Sở Nội vụ và Sở Tư pháp đồng chủ trì kiểm tra công tác văn thư, năm 2026.
8. Sở Nội vụ chủ trì, Sở Tư pháp và Sở Y tế đồng chủ trì, phối hợp với Công an tỉnh số hóa hồ \
sơ lưu trữ, năm 2026.
"""

PROVINCE_B = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 455/KH-UBND
Gia Lai, ngày 02 tháng 12 năm 2025
KẾ HOẠCH
Phát triển phong trào thanh niên sáng tạo năm 2026
I. NHIỆM VỤ
1. Đoàn TNCS Hồ Chí Minh tỉnh chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức hội thi \
tin học trẻ, hàng năm.
2. Sở Khoa học và Công nghệ chủ trì, phối hợp với Tỉnh Đoàn TNCS Hồ Chí Minh, Sở Văn hóa, \
Thể thao và Du lịch tổ chức ngày hội sáng tạo trẻ, hoàn thành trong quý III năm 2026.
"""

COMMUNE = """ỦY BAN NHÂN DÂN
XÃ IA GRAI
Số: 77/KH-UBND
Ia Grai, ngày 10 tháng 11 năm 2025
KẾ HOẠCH
Xây dựng xã văn hóa năm 2026
I. NHIỆM VỤ
1. Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội, Kinh tế xã tổ chức \
ngày hội đại đoàn kết, hàng năm.
2. Phòng Kinh tế chủ trì, phối hợp với Phòng Bưu chính, Viễn thông và Chuyển đổi số kiểm tra \
hạ tầng mạng, năm 2026.
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("bản đồ đổi mới", {"Cục Đổi mới sáng tạo"},
     {"Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương"}),
    ("quỹ phát triển", {"Vụ Pháp chế"},
     {"Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương"}),
    ("báo cáo sơ kết", {"Văn phòng Bộ"},
     {"Các bộ, ngành", "UBND các tỉnh, thành phố trực thuộc Trung ương"}),
    ("dữ liệu nhiệm vụ", {"Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương"},
     set()),
])
def test_a_ministrys_groups_of_every_province_are_read_as_groups(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, MINISTRY)), words)
    assert_units(task, lead, support)
    groups = {fold(n) for n in lead | support} - {fold("Cục Đổi mới sáng tạo"),
                                                   fold("Vụ Pháp chế"), fold("Văn phòng Bộ")}
    assert {u.category for u in task.units if fold(u.canonical) in groups} <= {"collective"}


@pytest.mark.parametrize("form", FORMS)
def test_every_provinces_department_is_one_unit_in_a_plan(form):
    plan = parse(unicodedata.normalize(form, MINISTRY))
    named = [u for u in plan.units if "cac tinh" in fold(u.name)]
    assert sorted((fold(u.name), u.category) for u in named) == [
        (fold("Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương"), "collective"),
        (fold("UBND các tỉnh, thành phố trực thuộc Trung ương"), "collective")]


@pytest.fixture(scope="module", params=FORMS)
def graph(request):
    return build_graph([parse(unicodedata.normalize(request.param, text), name)
                        for text, name in ((MINISTRY, "bkhcn-2210.txt"),
                                           (PROVINCE_A, "kh-412.txt"),
                                           (PROVINCE_B, "kh-455.txt"))])


def test_nationwide_groups_are_nodes_of_the_country_not_of_an_unknown_body(graph):
    units = {n: d for n, d in graph.nodes(data=True) if n.startswith("unit:")}
    assert not [n for n in units if ":unknown" in n]
    nationwide = {nfc(d["name"]): n for n, d in units.items() if n.startswith("unit:vn:all:")}
    assert set(nationwide) == {
        "Sở Khoa học và Công nghệ các tỉnh, thành phố trực thuộc Trung ương",
        "UBND các tỉnh, thành phố trực thuộc Trung ương", "Các bộ, ngành"}
    # a province's plan naming every province's committees means the same group
    rows = workload(graph, unit="UBND các tỉnh, thành phố trực thuộc Trung ương")
    assert [(r.unit_id, r.province_id, r.lead, r.support) for r in rows] == [
        (nationwide["UBND các tỉnh, thành phố trực thuộc Trung ương"], None, 0, 2)]


def test_a_provinces_groups_stay_the_provinces(graph):
    units = {nfc(d["name"]): n for n, d in graph.nodes(data=True) if n.startswith("unit:")}
    assert units["Các sở, ban, ngành"].startswith("unit:gia-lai:")
    assert units["UBND các xã, phường"].startswith("unit:gia-lai:")
    assert graph.nodes[units["Các sở, ban, ngành"]]["category"] == "collective"


def test_the_youth_union_is_one_body_across_a_provinces_plans(graph):
    rows = workload(graph, unit="Tỉnh Đoàn")
    assert [(r.province, r.lead, r.support) for r in rows] == [("Gia Lai", 3, 1)]
    assert workload(graph, unit="Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh") == rows


@pytest.mark.parametrize("form", FORMS)
def test_each_plan_keeps_the_youth_unions_name_it_writes(form):
    short = parse(unicodedata.normalize(form, PROVINCE_A))
    long = parse(unicodedata.normalize(form, PROVINCE_B))
    assert [nfc(u.name) for u in short.units if u.kind == "tinh-doan"] == ["Tỉnh Đoàn"]
    assert [nfc(u.name) for u in long.units if u.kind == "tinh-doan"] \
        == ["Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert units_of(find(long, "tin học trẻ"), "lead") \
        == {fold("Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh")}


def test_two_provinces_youth_unions_stay_two():
    other = PROVINCE_B.replace("TỈNH GIA LAI", "TỈNH LẠNG SƠN").replace("Gia Lai,", "Lạng Sơn,")
    g = build_graph([parse(PROVINCE_A, "kh-412.txt"), parse(other, "ls-455.txt")])
    rows = [r for r in workload(g) if r.kind_id == "unitkind:tinh-doan"]
    assert sorted((r.province, r.lead, r.support) for r in rows) \
        == [("Gia Lai", 2, 0), ("Lạng Sơn", 1, 1)]
    assert len({r.unit_id for r in rows}) == 2


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("kết nối cung cầu", {"Sở Công Thương", "Sở Khoa học và Công nghệ"}, {"Sở Tài chính"}),
    # two units that only work together: both support, neither leads
    ("khảo sát nhu cầu", set(), {"Sở Công Thương", "Sở Khoa học và Công nghệ"}),
    ("thủ tục hành chính", {"Sở Nội vụ", "Sở Tư pháp"}, set()),
    ("công tác văn thư", {"Sở Nội vụ", "Sở Tư pháp"}, set()),
    ("hồ sơ lưu trữ", {"Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"}, {"Công an tỉnh"}),
    ("ý tưởng khởi nghiệp", {"Tỉnh Đoàn"}, {"Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"}),
    ("tuyên truyền chuyển đổi số", {"Tỉnh Đoàn"}, {"Các sở, ban, ngành", "UBND các xã, phường"}),
    ("hồ sơ sức khỏe", {"Sở Y tế"}, {"UBND các tỉnh, thành phố trực thuộc Trung ương"}),
])
def test_leads_shared_by_two_units_and_heads_shared_by_names(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, PROVINCE_A)), words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("hội thi tin học", {"Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
     {"Sở Giáo dục và Đào tạo"}),
    ("sáng tạo trẻ", {"Sở Khoa học và Công nghệ"},
     {"Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Sở Văn hóa, Thể thao và Du lịch"}),
])
def test_the_long_name_and_a_name_with_a_comma(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, PROVINCE_B)), words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    # the head "Phòng" serves "Kinh tế xã" too: two of the commune's offices; "Phòng Kinh tế
    # xã" in the commune's own plan is its "Phòng Kinh tế" (one unit with the next task's)
    ("đại đoàn kết", {"Văn phòng HĐND và UBND xã"},
     {"Phòng Văn hóa - Xã hội", "Phòng Kinh tế"}),
    # "Viễn thông và Chuyển đổi số" is no office: the name keeps its comma
    ("hạ tầng mạng", {"Phòng Kinh tế"}, {"Phòng Bưu chính, Viễn thông và Chuyển đổi số"}),
])
def test_a_communes_offices_under_one_head(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, COMMUNE)), words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("text", "names"), [
    ("Sở Tài chính, Nội vụ, Tư pháp", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
    ("Sở Tài chính, Nội vụ, Tư pháp tổ chức hội nghị, hàng năm",
     ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
    ("Sở Tài chính, Văn hóa, Thể thao và Du lịch",
     ["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("Bộ Tài chính, Tư pháp", ["Bộ Tài chính", "Bộ Tư pháp"]),
    ("Phòng Văn hóa - Xã hội, Kinh tế xã", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế xã"]),
    ("Sở Y tế, Công an tỉnh", ["Sở Y tế", "Công an tỉnh"]),
    ("Sở Tài chính, Nội vụ và Tư pháp", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
    ("Sở Tài chính, Nội vụ và các cơ quan liên quan",
     ["Sở Tài chính", "Sở Nội vụ", "các cơ quan liên quan"]),
    # an official name with a comma whose parts are no offices stays whole
    ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
])
def test_a_head_written_once_serves_the_names_after_it(text, names, form):
    got = split_units(unicodedata.normalize(form, text), strict=True)
    assert [nfc(n) for n in got] == names


def test_the_plans_read_alike_in_any_form():
    for text in (MINISTRY, PROVINCE_A, PROVINCE_B, COMMUNE):
        assert_same_reading_in_any_form(text)


def test_a_store_keeps_one_youth_union_and_the_nationwide_groups(tmp_path):
    from policykg import open_store

    paths = []
    for text, name in ((PROVINCE_A, "kh-412.txt"), (PROVINCE_B, "kh-455.txt"),
                       (MINISTRY, "bkhcn-2210.txt")):
        path = tmp_path / name
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
        paths.append(str(path))
    store = open_store(tmp_path / "store.db")
    assert store.ingest(paths).ok
    rows = {r.unit_id: (r.lead, r.support) for r in workload(store)}
    assert rows["unit:gia-lai:tinh-doan:tinh-doan"] == (3, 1)
    assert not [u for u in rows if u.startswith("unit:gia-lai:tinh-doan-")]
    assert rows["unit:vn:all:ubnd-cac-tinh-thanh-pho-truc-thuoc-trung-uong"] == (0, 2)
    assert rows["unit:vn:all:so-khcn-cac-tinh-thanh-pho-truc-thuoc-trung-uong"] == (1, 2)
    assert not [u for u in rows if ":unknown" in u]
