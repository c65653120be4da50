"""Unit names a second time: a merged department written with a dash for "và", the short
forms of provincial bodies, a ministry's own units and a commune's since July 2025. Each
spelling is one unit (one node, one workload row) of the right kind; a hyphen that belongs to
an official name stays; a commune's police and mass organisations are that commune's, not
every commune's; groups stay groups."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.units import display_name, split_units
from policykg.ontology.normalize import fold
from policykg.ontology.units import unit_key, unit_kind
from policykg.queries import workload
from tests.layouts import assert_same_reading_in_any_form, assert_units, find, parse

FORMS = ("NFC", "NFD")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


SPELLINGS = [
    ("Sở Nông nghiệp - Môi trường", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở Nông nghiệp – Môi trường", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở Nông nghiệp-Môi trường", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở Khoa học - Công nghệ", "Sở Khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
    ("Sở Giáo dục – Đào tạo", "Sở Giáo dục và Đào tạo", "so-giao-duc"),
    ("Sở Văn hóa - Thể thao - Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa"),
    ("Sở Lao động - Thương binh - Xã hội", "Sở Lao động - Thương binh và Xã hội",
     "so-lao-dong"),
    ("Bộ Nông nghiệp – Môi trường", "Bộ Nông nghiệp và Môi trường", "bo"),
    ("Sở KHCN", "Sở Khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
    ("Sở KH-CN", "Sở Khoa học và Công nghệ", "so-khoa-hoc-cong-nghe"),
    ("Sở NN-MT", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở NN và MT", "Sở Nông nghiệp và Môi trường", "so-nong-nghiep"),
    ("Sở TN-MT", "Sở Tài nguyên và Môi trường", "so-tai-nguyen-moi-truong"),
    ("Sở LĐ-TB-XH", "Sở Lao động - Thương binh và Xã hội", "so-lao-dong"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông", "so-thong-tin-truyen-thong"),
    ("UBMTTQ VN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "mat-tran-to-quoc"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "mat-tran-to-quoc"),
    ("Tỉnh đoàn", "Tỉnh Đoàn", "tinh-doan"),
    ("Đoàn TNCS Hồ Chí Minh tỉnh", "Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", "tinh-doan"),
    ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "phat-thanh-truyen-hinh"),
    ("Đài Phát thanh - Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
     "phat-thanh-truyen-hinh"),
    ("Báo và Phát thanh, Truyền hình tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
     "phat-thanh-truyen-hinh"),
    ("Liên minh HTX tỉnh", "Liên minh Hợp tác xã tỉnh", "lien-minh-htx"),
    ("Vụ Kế hoạch – Tài chính", "Vụ Kế hoạch - Tài chính", "vu-ke-hoach-tai-chinh"),
    ("Văn phòng Bộ", "Văn phòng Bộ", "van-phong-bo"),
    ("Phòng Văn hóa – Xã hội", "Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi"),
    ("Công an xã", "Công an xã", "cong-an-xa"),
    ("Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công xã",
     "trung-tam-phuc-vu-hanh-chinh-cong"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("written", "canonical", "kind"), SPELLINGS)
def test_each_spelling_has_the_official_name_and_kind(written, canonical, kind, form):
    text = unicodedata.normalize(form, written)
    assert nfc(display_name(text)) == canonical
    assert unit_kind(text) == kind


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("official", [
    "Bộ Lao động - Thương binh và Xã hội", "Phòng Kế hoạch - Tài chính",
    "Bộ Khoa học, Công nghệ và Môi trường", "Phòng Văn hóa - Xã hội",
])
def test_a_hyphen_or_comma_of_an_official_name_stays(official, form):
    # No rule turns a hyphen into "và": only the names the table lists are respelled.
    assert unit_key(display_name(unicodedata.normalize(form, official))) == unit_key(official)


PLAN_A = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 305/KH-UBND
Gia Lai, ngày 18 tháng 9 năm 2025
KẾ HOẠCH
Phát triển nông nghiệp số năm 2026
I. NHIỆM VỤ
1. Sở Nông nghiệp - Môi trường chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và các cơ \
quan, đơn vị có liên quan xây dựng bản đồ số vùng trồng, hoàn thành trong quý II năm 2026.
2. Sở KHCN chủ trì, phối hợp với các Sở: Tài chính, Nội vụ, Tư pháp thẩm định quy trình \
truy xuất nguồn gốc, hoàn thành trong quý III năm 2026.
3. Đài PT-TH tỉnh chủ trì, phối hợp với UBMTTQ VN tỉnh, Tỉnh đoàn tuyên truyền mô hình \
nông dân số, thực hiện thường xuyên.
4. Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với Sở Nông nghiệp – Môi trường, \
Liên minh HTX tỉnh xây dựng chuyên mục kinh tế hợp tác, hàng năm.
5. UBND các xã, phường, đặc khu chủ trì, phối hợp với Sở Nông nghiệp và Môi trường cập \
nhật dữ liệu mã số vùng trồng, hoàn thành trong năm 2026.
II. TỔ CHỨC THỰC HIỆN
Văn phòng UBND tỉnh theo dõi, tổng hợp kết quả.
"""

PLAN_B = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 318/KH-UBND
Gia Lai, ngày 02 tháng 10 năm 2025
KẾ HOẠCH
Chuyển đổi số lĩnh vực môi trường năm 2026
I. NHIỆM VỤ
1. Sở NN&MT chủ trì, phối hợp với Sở Khoa học - Công nghệ xây dựng cơ sở dữ liệu quan \
trắc môi trường, hoàn thành trong quý IV năm 2026.
2. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nông nghiệp-Môi trường, Ủy ban MTTQ \
Việt Nam tỉnh triển khai nền tảng phản ánh hiện trường, hoàn thành trong năm 2026.
3. Tỉnh Đoàn chủ trì, phối hợp với Đài Phát thanh - Truyền hình tỉnh tổ \
chức chiến dịch thanh niên tình nguyện xanh, hàng năm.
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("bản đồ số vùng trồng", {"Sở Nông nghiệp và Môi trường"},
     {"Sở Tài chính", "Sở Nội vụ", "Các cơ quan, đơn vị có liên quan"}),
    ("truy xuất nguồn gốc", {"Sở Khoa học và Công nghệ"},
     {"Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"}),
    ("nông dân số", {"Đài Phát thanh và Truyền hình tỉnh"},
     {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh Đoàn"}),
    ("kinh tế hợp tác", {"Báo và Phát thanh, Truyền hình tỉnh"},
     {"Sở Nông nghiệp và Môi trường", "Liên minh Hợp tác xã tỉnh"}),
    ("mã số vùng trồng", {"UBND các xã, phường, đặc khu"}, {"Sở Nông nghiệp và Môi trường"}),
])
def test_lead_and_partners_are_read_under_one_name_each(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, PLAN_A)), words)
    assert_units(task, lead, support)


@pytest.mark.parametrize("form", FORMS)
def test_groups_stay_groups_and_the_communes_are_a_group_of_their_level(form):
    plan = parse(unicodedata.normalize(form, PLAN_A))
    group = find(plan, "bản đồ số vùng trồng")
    assert [u.category for u in group.units
            if fold(u.canonical) == fold("Các cơ quan, đơn vị có liên quan")] == ["collective"]
    communes, = (u for u in plan.units if fold(u.name) == fold("UBND các xã, phường, đặc khu"))
    assert (communes.kind, communes.category) == ("ubnd-cap-xa", "collective")


@pytest.mark.parametrize("form", FORMS)
def test_every_spelling_in_a_plan_is_one_unit_of_its_kind(form):
    plan = parse(unicodedata.normalize(form, PLAN_A))
    by_kind: dict[str, set[str]] = {}
    for unit in plan.units:
        if unit.kind:
            by_kind.setdefault(unit.kind, set()).add(fold(unit.name))
    assert by_kind["so-nong-nghiep"] == {fold("Sở Nông nghiệp và Môi trường")}
    assert by_kind["phat-thanh-truyen-hinh"] == {
        fold("Đài Phát thanh và Truyền hình tỉnh"), fold("Báo và Phát thanh, Truyền hình tỉnh")}
    assert by_kind["mat-tran-to-quoc"] == {fold("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")}
    assert by_kind["tinh-doan"] == {fold("Tỉnh Đoàn")}


def test_the_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(PLAN_A)
    assert_same_reading_in_any_form(PLAN_B)


@pytest.fixture(scope="module", params=FORMS)
def provincial_graph(request):
    return build_graph([parse(unicodedata.normalize(request.param, text), name)
                        for text, name in ((PLAN_A, "kh-305.txt"), (PLAN_B, "kh-318.txt"))])


@pytest.mark.parametrize(("typed", "unit", "lead", "support"), [
    ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", 2, 3),
    ("Sở Nông nghiệp - Môi trường", "Sở Nông nghiệp và Môi trường", 2, 3),
    ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", 2, 1),
    ("Tỉnh Đoàn", "Tỉnh Đoàn", 1, 1),
    ("Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh", 1, 1),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 0, 2),
])
def test_one_workload_row_across_a_provinces_plans(provincial_graph, typed, unit, lead,
                                                   support):
    rows = workload(provincial_graph, unit=typed)
    assert [(nfc(r.unit), r.province, r.lead, r.support) for r in rows] \
        == [(unit, "Gia Lai", lead, support)]


MINISTRY = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 2150/KH-BKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 22 tháng 10 năm 2025

KẾ HOẠCH
Công tác pháp chế và thống kê năm 2026

I. NHIỆM VỤ
1. Vụ Pháp chế chủ trì, phối hợp với Cục Thông tin, Thống kê và Vụ Kế hoạch - Tài chính rà \
soát văn bản quy phạm pháp luật về đo lường. Thời gian: Quý I/2026.
2. Cục Sở hữu trí tuệ chủ trì, phối hợp với Văn phòng Bộ, Thanh tra Bộ xây dựng cơ sở dữ \
liệu sở hữu công nghiệp. Thời gian: năm 2026.
3. Trung tâm Công nghệ thông tin chủ trì, phối hợp với Vụ Kế hoạch – Tài chính nâng cấp cổng \
dịch vụ công trực tuyến. Thời gian: Quý III/2026.
4. Cục Thông tin, Thống kê chủ trì công bố niên giám thống kê khoa học. Thời gian: tháng \
12/2026.
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("văn bản quy phạm", {"Vụ Pháp chế"}, {"Cục Thông tin, Thống kê", "Vụ Kế hoạch - Tài chính"}),
    ("sở hữu công nghiệp", {"Cục Sở hữu trí tuệ"}, {"Văn phòng Bộ", "Thanh tra Bộ"}),
    ("dịch vụ công", {"Trung tâm Công nghệ thông tin"}, {"Vụ Kế hoạch - Tài chính"}),
    ("niên giám", {"Cục Thông tin, Thống kê"}, set()),
])
def test_a_ministrys_units_and_a_name_with_a_comma(words, lead, support, form):
    task = find(parse(unicodedata.normalize(form, MINISTRY)), words)
    assert_units(task, lead, support)
    assert {u.category for u in task.units} == {"internal"}


@pytest.mark.parametrize("form", FORMS)
def test_a_ministrys_units_are_the_ministrys_not_a_provinces(form):
    g = build_graph([parse(unicodedata.normalize(form, MINISTRY), "bkhcn-2150.txt")])
    rows = {nfc(r.unit): r for r in workload(g)}
    assert set(rows) == {"Vụ Pháp chế", "Cục Thông tin, Thống kê", "Vụ Kế hoạch - Tài chính",
                         "Cục Sở hữu trí tuệ", "Văn phòng Bộ", "Thanh tra Bộ",
                         "Trung tâm Công nghệ thông tin"}
    assert all(r.unit_id.startswith("unit:vn:") and r.province_id is None
               for r in rows.values())
    assert (rows["Vụ Kế hoạch - Tài chính"].lead, rows["Vụ Kế hoạch - Tài chính"].support) \
        == (0, 2)
    assert rows["Cục Thông tin, Thống kê"].support == rows["Cục Thông tin, Thống kê"].lead == 1
    assert rows["Vụ Pháp chế"].kind_id == "unitkind:vu-phap-che"


def commune_plan(commune: str, number: int) -> str:
    return f"""ỦY BAN NHÂN DÂN
XÃ {commune.upper()}
Số: {number}/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{commune}, ngày 25 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số trên địa bàn xã {commune} năm 2026

I. NHIỆM VỤ
1. Phòng Kinh tế chủ trì, phối hợp với Công an xã, Trung tâm Phục vụ hành chính công xã số \
hóa hồ sơ đất đai. Thời gian: năm 2026.
2. Phòng Văn hóa – Xã hội chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã, Đoàn Thanh niên xã \
mở lớp bình dân học vụ số. Thời gian: Quý II/2026.
3. Công an xã chủ trì làm sạch dữ liệu dân cư. Thời gian: thường xuyên.
4. Phòng Văn hóa - Xã hội chủ trì, phối hợp với UBND các xã, phường lân cận tổ chức ngày \
hội số. Thời gian: Quý IV/2026.
"""


@pytest.fixture(scope="module", params=FORMS)
def communes_graph(request):
    return build_graph([parse(unicodedata.normalize(request.param, commune_plan(name, n)),
                              f"xa-{n}.txt")
                        for name, n in (("Ia Grai", 41), ("Chư Prông", 57))])


@pytest.mark.parametrize(("typed", "kind", "lead", "support"), [
    ("Phòng Kinh tế", "unitkind:phong-kinh-te-huyen", 1, 0),
    ("Phòng Văn hóa - Xã hội", "unitkind:phong-van-hoa-xa-hoi", 2, 0),
    ("Công an xã", "unitkind:cong-an-xa", 1, 1),
    ("Đoàn Thanh niên xã", "unitkind:tinh-doan", 0, 1),
])
def test_two_communes_units_are_two_units_of_one_kind(communes_graph, typed, kind, lead,
                                                      support):
    rows = workload(communes_graph, unit=typed)
    assert len(rows) == 2 and len({r.unit_id for r in rows}) == 2
    assert {(r.kind_id, r.province, r.lead, r.support) for r in rows} \
        == {(kind, "Gia Lai", lead, support)}
    # each is its own commune's
    assert {"ia-grai" in r.unit_id for r in rows} == {True, False}
    assert {"chu-prong" in r.unit_id for r in rows} == {True, False}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("text", "names"), [
    ("Sở Tài chính, Sở Nội vụ và các cơ quan, đơn vị có liên quan",
     ["Sở Tài chính", "Sở Nội vụ", "các cơ quan, đơn vị có liên quan"]),
    ("các Sở: Tài chính, Nội vụ, Tư pháp", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
    ("UBND các xã, phường, đặc khu", ["UBND các xã, phường, đặc khu"]),
    ("Cục Thông tin, Thống kê và Vụ Kế hoạch - Tài chính",
     ["Cục Thông tin, Thống kê", "Vụ Kế hoạch - Tài chính"]),
    ("Sở Nông nghiệp – Môi trường và Báo và Phát thanh, Truyền hình tỉnh",
     ["Sở Nông nghiệp – Môi trường", "Báo và Phát thanh, Truyền hình tỉnh"]),
])
def test_lists_split_with_knowledge_of_names(text, names, form):
    got = split_units(unicodedata.normalize(form, text), strict=True)
    assert [nfc(n) for n in got] == names


def test_a_store_keeps_each_communes_police_apart(tmp_path):
    from policykg import open_store

    paths = []
    for name, number in (("Ia Grai", 41), ("Chư Prông", 57)):
        path = tmp_path / f"xa-{number}.txt"
        path.write_text(unicodedata.normalize("NFD", commune_plan(name, number)), encoding="utf-8")
        paths.append(str(path))
    store = open_store(tmp_path / "store.db")
    assert store.ingest(paths).ok
    rows = workload(store, unit="Công an xã")
    assert sorted((r.unit_id.split(":")[2], r.kind_id, r.lead, r.support) for r in rows) == [
        ("cong-an-xa-chu-prong", "unitkind:cong-an-xa", 1, 1),
        ("cong-an-xa-ia-grai", "unitkind:cong-an-xa", 1, 1)]
