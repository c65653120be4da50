# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Unit kinds and identities, fourth sweep: a Party committee's commissions, the offices of
central agencies in a province, and the departments and commune offices named since 2025.

- A provincial Party committee's commissions and office ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên
  giáo và Dân vận Tỉnh ủy" (merged in 2025), "Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
  "Văn phòng Tỉnh ủy"), a district committee's (before July 2025), "Đảng ủy các cơ quan Đảng
  tỉnh", "Đảng ủy UBND tỉnh" and "Trường Chính trị tỉnh" have a kind; abbreviated ("BTC Tỉnh
  ủy", "UBKT Tỉnh ủy", "Ban TG&DV Tỉnh ủy") each is one unit of its province, another
  province's is another unit, and the Party's central commissions ("Ban Tổ chức Trung ương",
  "Văn phòng Trung ương Đảng") are one body for every province. A district committee's office
  named bare ("Văn phòng Huyện ủy") is that district's.
- Offices of central agencies under their names before and after the 2025 reorganisation:
  "Cục Hải quan tỉnh" and "Chi cục Hải quan khu vực", "Cục Thống kê tỉnh", "Chi cục Thống kê"
  and "Thống kê tỉnh", "Cục Thi hành án dân sự tỉnh" and "Thi hành án dân sự tỉnh", "VKSND
  tỉnh", "TAND tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh" (one per province) and "Ngân hàng Nhà
  nước Khu vực 9" (one for its region).
- Departments merged in 2025 and a commune's offices, in full and abbreviated: "Sở NN&MT",
  "Sở DT&TG", "Sở KH&CN", "Sở KH&ĐT tỉnh …", "Phòng VH-XH", "Phòng Văn hoá - Xã hội",
  "Trung tâm PVHCC xã".

Our own writing in the administrative style; every fixture is read in NFC and in NFD.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.ontology.normalize import fold
from policykg.ontology.units import unit_key
from policykg.queries import workload
from tests.layouts import (
    assert_same_reading_in_any_form,
    assert_units,
    find,
    forms,
    parse,
    unit_named,
)

FORMS = ("NFC", "NFD")




def graph_of(form: str, *plans: tuple[str, str]):
    """The graph of ``plans`` (text, file name), each read in Unicode ``form``."""
    return build_graph([parse(unicodedata.normalize(form, text), name) for text, name in plans])


def rows_of(g, **options) -> list[tuple[str, str, int, int]]:
    """Workload rows as (province, folded unit name, lead, support), sorted."""
    return sorted((r.province or "", fold(r.unit), r.lead, r.support) for r in workload(g, **options))


# --- 1. A Party committee's commissions -------------------------------------------------------

PARTY_GIA_LAI = """TỈNH ỦY GIA LAI
Số: 52-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Gia Lai, ngày 18 tháng 9 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trong các cơ quan Đảng

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao năng lực số của cán bộ, đảng viên trong hệ thống chính trị của tỉnh sau sắp xếp.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Đảng ủy các cơ quan Đảng tỉnh, Đảng ủy UBND tỉnh rà soát, bổ sung tiêu chuẩn năng lực số trong đánh giá cán bộ. Thời gian: quý IV/2025.
2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Trường Chính trị tỉnh biên soạn tài liệu tuyên truyền về chuyển đổi số cho đảng viên. Thời gian: năm 2026.
3. UBKT Tỉnh ủy chủ trì, phối hợp với Ban Nội chính Tỉnh ủy giám sát việc bảo đảm an toàn thông tin trong các tổ chức đảng. Thời gian: hằng năm.
4. Văn phòng Tỉnh ủy chủ trì, phối hợp với BTC Tỉnh ủy số hóa hồ sơ đảng viên và cơ sở dữ liệu tổ chức đảng. Thời gian: hoàn thành trong năm 2026.
5. Trường Chính trị tỉnh chủ trì, phối hợp với Ban TG&DV Tỉnh ủy mở lớp bồi dưỡng kiến thức trí tuệ nhân tạo cho cán bộ chủ chốt. Thời gian: quý II/2026.
6. Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy ứng dụng phần mềm quản lý hồ sơ kiểm tra, giám sát. Thời gian: năm 2026.
7. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Trung ương thí điểm sổ tay đảng viên điện tử. Thời gian: quý III/2026.
8. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Trung ương tổ chức hội nghị báo cáo viên về khoa học, công nghệ. Thời gian: hằng quý.
9. Văn phòng Tỉnh ủy chủ trì, phối hợp với Văn phòng Trung ương Đảng kết nối hệ thống điều hành văn bản của các cơ quan Đảng. Thời gian: năm 2026.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch.

Nơi nhận:
- Các đảng bộ trực thuộc,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Rơ Mah Tuấn
"""

# Another province's committee, written with the old tone placement ("Tỉnh uỷ").
PARTY_TAY_NINH = """TỈNH ỦY TÂY NINH
Số: 31-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Tây Ninh, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
chuyển đổi số trong các cơ quan Đảng của tỉnh năm 2026

I. NHIỆM VỤ
1. BTC Tỉnh uỷ chủ trì, phối hợp với UBKT Tỉnh uỷ rà soát dữ liệu đảng viên trên hệ thống quản lý. Thời gian: quý I/2026.
2. Ban Tuyên giáo và Dân vận Tỉnh uỷ chủ trì, phối hợp với Văn phòng Tỉnh uỷ xây dựng chuyên trang tuyên truyền trên cổng thông tin điện tử. Thời gian: năm 2026.
3. Ban Nội chính Tỉnh uỷ chủ trì, phối hợp với Ban Tổ chức Trung ương rà soát thủ tục tiếp nhận đơn thư trực tuyến. Thời gian: quý II/2026.
"""

# The People's Committee of Gia Lai carrying out the committee's plan: the commissions are
# another body's here, and the same units as in the committee's plan.
STATE_GIA_LAI = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 702/KH-UBND
Gia Lai, ngày 30 tháng 12 năm 2025

KẾ HOẠCH
Thực hiện Kế hoạch số 52-KH/TU ngày 18/9/2025 của Tỉnh ủy về chuyển đổi số trong hệ thống chính trị

I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với BTC Tỉnh ủy xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức dùng chung. Thời gian: quý II/2026.
2. Thanh tra tỉnh chủ trì, phối hợp với UBKT Tỉnh ủy, Ban Nội chính Tỉnh ủy công khai kết luận thanh tra trên môi trường số. Thời gian: hằng năm.
3. Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng Tỉnh ủy, Đảng ủy các cơ quan Đảng tỉnh kết nối nền tảng họp trực tuyến. Thời gian: năm 2026.
"""

DISTRICT_COMMITTEE = """HUYỆN ỦY CHƯ SÊ
Số: 88-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Chư Sê, ngày 14 tháng 3 năm 2024

KẾ HOẠCH
ứng dụng công nghệ thông tin trong các cơ quan Đảng của huyện năm 2024

I. NHIỆM VỤ
1. Văn phòng Huyện ủy chủ trì, phối hợp với Ban Tổ chức Huyện ủy cập nhật phần mềm quản lý đảng viên. Thời gian: quý II/2024.
2. Ủy ban Kiểm tra Huyện ủy chủ trì, phối hợp với Ban Tuyên giáo Huyện ủy, Ban Dân vận Huyện ủy giám sát việc tiếp nhận phản ánh của nhân dân qua mạng. Thời gian: năm 2024.
"""

OTHER_DISTRICT_COMMITTEE = """HUYỆN ỦY KRÔNG PA
Số: 40-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Krông Pa, ngày 02 tháng 4 năm 2024

KẾ HOẠCH
số hóa hồ sơ đảng viên năm 2024

I. NHIỆM VỤ
1. Văn phòng Huyện ủy chủ trì, phối hợp với BTC Huyện ủy số hóa hồ sơ đảng viên của các chi bộ. Thời gian: năm 2024.
"""


@pytest.mark.parametrize("plan", forms(PARTY_GIA_LAI), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("tiêu chuẩn năng lực số", {"Ban Tổ chức Tỉnh ủy"}, {"Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy UBND tỉnh"}),
    ("tài liệu tuyên truyền", {"Ban Tuyên giáo và Dân vận Tỉnh ủy"}, {"Trường Chính trị tỉnh"}),
    # the abbreviated commissions are read, and read as their full names
    ("an toàn thông tin", {"Ủy ban Kiểm tra Tỉnh ủy"}, {"Ban Nội chính Tỉnh ủy"}),
    ("hồ sơ đảng viên và cơ sở dữ liệu", {"Văn phòng Tỉnh ủy"}, {"Ban Tổ chức Tỉnh ủy"}),
    ("trí tuệ nhân tạo", {"Trường Chính trị tỉnh"}, {"Ban Tuyên giáo và Dân vận Tỉnh ủy"}),
    ("phần mềm quản lý hồ sơ", {"Ủy ban Kiểm tra Tỉnh ủy"}, {"Văn phòng Tỉnh ủy"}),
    # the central commissions end where their names do
    ("sổ tay đảng viên", {"Ban Tổ chức Tỉnh ủy"}, {"Ban Tổ chức Trung ương"}),
    ("báo cáo viên", {"Ban Tuyên giáo và Dân vận Tỉnh ủy"}, {"Ban Tuyên giáo và Dân vận Trung ương"}),
    ("điều hành văn bản", {"Văn phòng Tỉnh ủy"}, {"Văn phòng Trung ương Đảng"}),
])
def test_who_leads_and_partners_among_a_party_committees_bodies(plan, words, lead, support):
    assert_units(find(plan, words), lead, support)


@pytest.mark.parametrize("plan", forms(PARTY_GIA_LAI), ids=FORMS)
@pytest.mark.parametrize(("name", "category", "kind"), [
    ("Ban Tổ chức Tỉnh ủy", "internal", "ban-to-chuc-tinh-uy"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "internal", "ban-tuyen-giao-dan-van-tinh-uy"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "internal", "uy-ban-kiem-tra-tinh-uy"),
    ("Ban Nội chính Tỉnh ủy", "internal", "ban-noi-chinh-tinh-uy"),
    ("Văn phòng Tỉnh ủy", "internal", "van-phong-tinh-uy"),
    # Party committees under the provincial one, its school and the central bodies are others
    ("Đảng ủy các cơ quan Đảng tỉnh", "external", "dang-uy-co-quan-dang-tinh"),
    ("Đảng ủy UBND tỉnh", "external", "dang-uy-ubnd-tinh"),
    ("Trường Chính trị tỉnh", "external", "truong-chinh-tri"),
    ("Ban Tổ chức Trung ương", "external", "co-quan-dang-trung-uong"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "external", "co-quan-dang-trung-uong"),
    ("Văn phòng Trung ương Đảng", "external", "co-quan-dang-trung-uong"),
])
def test_a_party_committees_bodies_have_their_kind(plan, name, category, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == (category, kind)


@pytest.mark.parametrize("plan", forms(PARTY_GIA_LAI), ids=FORMS)
def test_each_commission_is_one_unit_under_every_spelling(plan):
    aliases = {fold(u.name): {fold(a) for a in u.aliases} for u in plan.units}
    assert aliases[fold("Ban Tổ chức Tỉnh ủy")] >= {fold("Ban Tổ chức Tỉnh ủy"), fold("BTC Tỉnh ủy")}
    assert aliases[fold("Ban Tuyên giáo và Dân vận Tỉnh ủy")] >= {fold("Ban TG&DV Tỉnh ủy")}
    assert aliases[fold("Ủy ban Kiểm tra Tỉnh ủy")] >= {fold("UBKT Tỉnh ủy")}
    assert len(plan.units) == 11, [u.name for u in plan.units]


@pytest.mark.parametrize("plan", forms(STATE_GIA_LAI), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("cơ sở dữ liệu cán bộ", {"Sở Nội vụ"}, {"Ban Tổ chức Tỉnh ủy"}),
    ("kết luận thanh tra", {"Thanh tra tỉnh"}, {"Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy"}),
    ("họp trực tuyến", {"Sở Khoa học và Công nghệ"}, {"Văn phòng Tỉnh ủy", "Đảng ủy các cơ quan Đảng tỉnh"}),
])
def test_in_a_peoples_committees_plan_the_commissions_are_partners(plan, words, lead, support):
    assert_units(find(plan, words), lead, support)


@pytest.mark.parametrize("plan", forms(STATE_GIA_LAI), ids=FORMS)
@pytest.mark.parametrize(("name", "kind"), [
    ("Ban Tổ chức Tỉnh ủy", "ban-to-chuc-tinh-uy"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "uy-ban-kiem-tra-tinh-uy"),
    ("Ban Nội chính Tỉnh ủy", "ban-noi-chinh-tinh-uy"),
])
def test_the_commissions_are_another_bodys_of_the_same_kind(plan, name, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == ("external", kind)


@pytest.fixture(scope="module", params=FORMS)
def party_graph(request):
    return graph_of(request.param, (PARTY_GIA_LAI, "gl-tu-52.txt"), (PARTY_TAY_NINH, "tn-tu-31.txt"),
                    (STATE_GIA_LAI, "gl-702.txt"))


def test_a_commission_is_one_body_per_province_across_plans_and_spellings(party_graph):
    # Gia Lai's: lead of tasks 1 and 7, partner as "BTC Tỉnh ủy" in its own plan and the
    # People's Committee's; Tây Ninh's ("BTC Tỉnh uỷ") is another body of the same kind
    assert rows_of(party_graph, kind="ban-to-chuc-tinh-uy") == [
        ("Gia Lai", fold("Ban Tổ chức Tỉnh ủy"), 2, 2), ("Tây Ninh", fold("Ban Tổ chức Tỉnh ủy"), 1, 0)]
    assert rows_of(party_graph, kind="uy-ban-kiem-tra-tinh-uy") == [
        ("Gia Lai", fold("Ủy ban Kiểm tra Tỉnh ủy"), 2, 1), ("Tây Ninh", fold("Ủy ban Kiểm tra Tỉnh ủy"), 0, 1)]
    assert rows_of(party_graph, kind="ban-tuyen-giao-dan-van-tinh-uy") == [
        ("Gia Lai", fold("Ban Tuyên giáo và Dân vận Tỉnh ủy"), 2, 1),
        ("Tây Ninh", fold("Ban Tuyên giáo và Dân vận Tỉnh ủy"), 1, 0)]


def test_a_provinces_commission_sits_under_its_committee_in_every_plan(party_graph):
    rows = [r for r in workload(party_graph, kind="ban-to-chuc-tinh-uy") if r.province == "Gia Lai"]
    assert len(rows) == 1 and len(rows[0].by_plan) == 2
    assert party_graph.nodes[rows[0].unit_id]["org"] == "org:gia-lai:tinh-uy"
    tay_ninh, = (r for r in workload(party_graph, kind="ban-to-chuc-tinh-uy") if r.province == "Tây Ninh")
    assert party_graph.nodes[tay_ninh.unit_id]["org"] == "org:tay-ninh:tinh-uy"


def test_a_central_commission_is_one_body_for_every_province(party_graph):
    rows = [r for r in workload(party_graph, kind="co-quan-dang-trung-uong")
            if fold(r.unit) == fold("Ban Tổ chức Trung ương")]
    assert [(r.lead, r.support, len(r.by_plan)) for r in rows] == [(0, 2, 2)]
    assert rows[0].unit_id.startswith("unit:vn:")


@pytest.mark.parametrize("form", FORMS)
def test_a_district_committees_office_is_that_districts(form):
    g = graph_of(form, (DISTRICT_COMMITTEE, "chu-se-88.txt"), (OTHER_DISTRICT_COMMITTEE, "krong-pa-40.txt"))
    offices = {party: (r.lead, r.support) for r in workload(g, kind="van-phong-huyen-uy")
               for party in [g.nodes[r.unit_id]["org"]]}
    assert offices == {"org:gia-lai:huyen-uy-chu-se": (1, 0), "org:gia-lai:huyen-uy-krong-pa": (1, 0)}
    boards = {g.nodes[r.unit_id]["org"]: (fold(r.unit), r.support) for r in workload(g, kind="ban-to-chuc-huyen-uy")}
    # "BTC Huyện ủy" is Krông Pa's own commission, not Chư Sê's
    assert boards == {"org:gia-lai:huyen-uy-chu-se": (fold("Ban Tổ chức Huyện ủy"), 1),
                      "org:gia-lai:huyen-uy-krong-pa": (fold("Ban Tổ chức Huyện ủy"), 1)}


@pytest.mark.parametrize("plan", forms(DISTRICT_COMMITTEE), ids=FORMS)
@pytest.mark.parametrize(("name", "kind"), [
    ("Văn phòng Huyện ủy", "van-phong-huyen-uy"),
    ("Ban Tổ chức Huyện ủy", "ban-to-chuc-huyen-uy"),
    ("Ủy ban Kiểm tra Huyện ủy", "uy-ban-kiem-tra-huyen-uy"),
    # before their merger in 2025 the two commissions are of the merged one's kind
    ("Ban Tuyên giáo Huyện ủy", "ban-tuyen-giao-dan-van-huyen-uy"),
    ("Ban Dân vận Huyện ủy", "ban-tuyen-giao-dan-van-huyen-uy"),
])
def test_a_district_committees_bodies_are_its_own_with_their_kind(plan, name, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == ("internal", kind)


@pytest.mark.parametrize(("name", "same_as"), [
    ("BTC Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
    ("BTC Thành uỷ", "Ban Tổ chức Thành ủy"),
    ("BTG Huyện ủy", "Ban Tuyên giáo Huyện ủy"),
    ("BTGDV Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("UBKT Trung ương", "Ủy ban Kiểm tra Trung ương"),
    # alone, the letters are the Ministry of Finance's as often as a commission's
    ("BTC", "BTC"),
    ("Vụ Ngân sách nhà nước BTC", "Vụ Ngân sách nhà nước BTC"),
])
def test_a_commissions_letters_are_read_only_before_its_committee(name, same_as):
    for form in FORMS:
        assert unit_key(unicodedata.normalize(form, name)) == unit_key(same_as)


def test_the_party_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(PARTY_GIA_LAI)
    assert_same_reading_in_any_form(PARTY_TAY_NINH)
    assert_same_reading_in_any_form(STATE_GIA_LAI)


# --- 2. Offices of central agencies in a province ---------------------------------------------

AGENCIES_2025 = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 655/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 26 tháng 12 năm 2025

KẾ HOẠCH
Phát triển kinh tế số và thanh toán không dùng tiền mặt năm 2026

I. NHIỆM VỤ
1. Thuế tỉnh chủ trì, phối hợp với Chi cục Hải quan khu vực XIII, Ngân hàng Nhà nước Khu vực 9 kiểm soát thanh toán xuyên biên giới của hộ kinh doanh trực tuyến. Thời gian: năm 2026.
2. Thống kê tỉnh chủ trì, phối hợp với Sở Tài chính công bố chỉ số kinh tế số của tỉnh. Thời gian: hằng quý.
3. Viện kiểm sát nhân dân tỉnh chủ trì, phối hợp với Tòa án nhân dân tỉnh, Thi hành án dân sự tỉnh số hóa hồ sơ vụ án và hồ sơ thi hành án. Thời gian: quý IV/2026.
4. Bảo hiểm xã hội khu vực XXII chủ trì, phối hợp với Sở Nội vụ đẩy mạnh chi trả lương hưu không dùng tiền mặt. Thời gian: thường xuyên.
5. NHNN Khu vực 9 chủ trì, phối hợp với VKSND tỉnh, TAND tỉnh phòng ngừa tội phạm lừa đảo qua tài khoản thanh toán. Thời gian: hằng năm.
6. Hải quan tỉnh chủ trì, phối hợp với Thống kê tỉnh Gia Lai thống kê kim ngạch thương mại điện tử xuyên biên giới. Thời gian: hằng quý.
7. THADS tỉnh chủ trì, phối hợp với Ngân hàng Nhà nước chi nhánh tỉnh phong tỏa tài khoản của người phải thi hành án. Thời gian: thường xuyên.
"""

AGENCIES_2024 = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 120/KH-UBND
Bình Định, ngày 05 tháng 6 năm 2024

KẾ HOẠCH
Chống buôn lậu, gian lận thương mại trên môi trường mạng năm 2024

I. NHIỆM VỤ
1. Cục Hải quan tỉnh Bình Định chủ trì, phối hợp với Cục Thuế tỉnh, Ngân hàng Nhà nước chi nhánh tỉnh Bình Định kiểm tra sau thông quan hàng hóa bán qua mạng. Thời gian: năm 2024.
2. Cục Thống kê tỉnh chủ trì, phối hợp với Chi cục Thống kê thị xã An Nhơn điều tra doanh nghiệp thương mại điện tử. Thời gian: quý III/2024.
3. Cục Thi hành án dân sự tỉnh chủ trì, phối hợp với Viện KSND tỉnh xác minh tài sản của người phải thi hành án. Thời gian: thường xuyên.
4. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở KH&ĐT tỉnh Gia Lai xúc tiến đầu tư vào khu thương mại tự do. Thời gian: năm 2024.
5. Ngân hàng Nhà nước chi nhánh tỉnh chủ trì, phối hợp với Chi cục Hải quan khu vực Quy Nhơn giám sát thanh toán quốc tế qua ví điện tử. Thời gian: năm 2024.
"""


@pytest.mark.parametrize("plan", forms(AGENCIES_2025), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("xuyên biên giới của hộ", {"Thuế tỉnh"}, {"Chi cục Hải quan khu vực XIII", "Ngân hàng Nhà nước Khu vực 9"}),
    ("chỉ số kinh tế số", {"Thống kê tỉnh"}, {"Sở Tài chính"}),
    ("hồ sơ vụ án", {"Viện Kiểm sát nhân dân tỉnh"}, {"Tòa án nhân dân tỉnh", "Thi hành án dân sự tỉnh"}),
    ("lương hưu", {"Bảo hiểm xã hội khu vực XXII"}, {"Sở Nội vụ"}),
    # the abbreviations are the bodies named in full in tasks 1 and 3
    ("tội phạm lừa đảo", {"Ngân hàng Nhà nước Khu vực 9"}, {"Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"}),
    ("kim ngạch", {"Hải quan tỉnh"}, {"Thống kê tỉnh Gia Lai"}),
    ("phong tỏa tài khoản", {"Thi hành án dân sự tỉnh"}, {"Ngân hàng Nhà nước chi nhánh tỉnh"}),
])
def test_who_leads_and_partners_among_central_agencies_offices(plan, words, lead, support):
    assert_units(find(plan, words), lead, support)


@pytest.mark.parametrize("plan", forms(AGENCIES_2025), ids=FORMS)
@pytest.mark.parametrize(("name", "kind"), [
    ("Thuế tỉnh", "thue-tinh"),
    ("Chi cục Hải quan khu vực XIII", "hai-quan"),
    ("Hải quan tỉnh", "hai-quan"),
    ("Thống kê tỉnh", "cuc-thong-ke"),
    ("Thống kê tỉnh Gia Lai", "cuc-thong-ke"),
    ("Thi hành án dân sự tỉnh", "thi-hanh-an-dan-su"),
    ("Viện Kiểm sát nhân dân tỉnh", "vien-kiem-sat"),
    ("Tòa án nhân dân tỉnh", "toa-an"),
    ("Ngân hàng Nhà nước Khu vực 9", "ngan-hang-nha-nuoc"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh", "ngan-hang-nha-nuoc"),
    ("Bảo hiểm xã hội khu vực XXII", "bao-hiem-xa-hoi"),
])
def test_central_agencies_offices_have_their_kind(plan, name, kind):
    unit = unit_named(plan, name)
    assert (unit.category, unit.kind) == ("external", kind)


@pytest.mark.parametrize("plan", forms(AGENCIES_2025), ids=FORMS)
def test_an_abbreviated_office_is_one_unit_with_its_full_name(plan):
    aliases = {fold(u.name): {fold(a) for a in u.aliases} for u in plan.units}
    assert aliases[fold("Viện Kiểm sát nhân dân tỉnh")] == {fold("Viện kiểm sát nhân dân tỉnh"), fold("VKSND tỉnh")}
    assert aliases[fold("Tòa án nhân dân tỉnh")] == {fold("Tòa án nhân dân tỉnh"), fold("TAND tỉnh")}
    assert aliases[fold("Thi hành án dân sự tỉnh")] == {fold("Thi hành án dân sự tỉnh"), fold("THADS tỉnh")}
    assert aliases[fold("Ngân hàng Nhà nước Khu vực 9")] == {fold("Ngân hàng Nhà nước Khu vực 9"), fold("NHNN Khu vực 9")}


@pytest.mark.parametrize("plan", forms(AGENCIES_2024), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support", "kinds"), [
    ("sau thông quan", {"Cục Hải quan tỉnh Bình Định"}, {"Cục Thuế tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh Bình Định"},
     {"hai-quan", "thue-tinh", "ngan-hang-nha-nuoc"}),
    # the name of a local statistics office ends with its place
    ("doanh nghiệp thương mại điện tử", {"Cục Thống kê tỉnh"}, {"Chi cục Thống kê thị xã An Nhơn"}, {"cuc-thong-ke"}),
    ("xác minh tài sản", {"Cục Thi hành án dân sự tỉnh"}, {"Viện Kiểm sát nhân dân tỉnh"}, {"thi-hanh-an-dan-su", "vien-kiem-sat"}),
    ("ví điện tử", {"Ngân hàng Nhà nước chi nhánh tỉnh"}, {"Chi cục Hải quan khu vực Quy Nhơn"}, {"ngan-hang-nha-nuoc", "hai-quan"}),
])
def test_the_offices_before_2025_are_of_the_same_kinds(plan, words, lead, support, kinds):
    task = find(plan, words)
    assert_units(task, lead, support)
    assert {unit_named(plan, u.canonical).kind for u in task.units} == kinds


@pytest.fixture(scope="module", params=FORMS)
def agencies_graph(request):
    return graph_of(request.param, (AGENCIES_2025, "gl-655.txt"), (AGENCIES_2024, "bd-120.txt"))


def test_customs_and_statistics_compare_across_provinces_and_renamings(agencies_graph):
    assert rows_of(agencies_graph, kind="hai-quan") == [
        ("Bình Định", fold("Chi cục Hải quan khu vực Quy Nhơn"), 0, 1),
        ("Bình Định", fold("Cục Hải quan tỉnh Bình Định"), 1, 0),
        ("Gia Lai", fold("Chi cục Hải quan khu vực XIII"), 0, 1),
        ("Gia Lai", fold("Hải quan tỉnh"), 1, 0)]
    assert rows_of(agencies_graph, kind="thi-hanh-an-dan-su") == [
        ("Bình Định", fold("Cục Thi hành án dân sự tỉnh"), 1, 0),
        ("Gia Lai", fold("Thi hành án dân sự tỉnh"), 1, 1)]


def test_a_state_bank_branch_is_its_provinces_and_a_regional_branch_is_one(agencies_graph):
    rows = rows_of(agencies_graph, kind="ngan-hang-nha-nuoc")
    # Bình Định's branch, named with and without its province, is one body; Gia Lai's another
    assert rows == [
        ("", fold("Ngân hàng Nhà nước Khu vực 9"), 1, 1),
        ("Bình Định", fold("Ngân hàng Nhà nước chi nhánh tỉnh Bình Định"), 1, 1),
        ("Gia Lai", fold("Ngân hàng Nhà nước chi nhánh tỉnh"), 0, 1)]


def test_the_agency_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(AGENCIES_2025)
    assert_same_reading_in_any_form(AGENCIES_2024)


# --- 3. Departments merged in 2025 and a commune's offices -------------------------------------

DEPARTMENTS_2025 = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 660/KH-UBND
Gia Lai, ngày 29 tháng 12 năm 2025

KẾ HOẠCH
Đưa sản phẩm nông nghiệp vùng đồng bào dân tộc thiểu số lên sàn thương mại điện tử năm 2026

I. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Dân tộc và Tôn giáo lập danh mục sản phẩm chủ lực của vùng đồng bào. Thời gian: quý I/2026.
2. Sở NN&MT chủ trì, phối hợp với Sở DT&TG cấp mã số vùng trồng cho hợp tác xã vùng đồng bào. Thời gian: quý III/2026.
3. Sở KH&CN chủ trì, phối hợp với Sở Khoa học và Công nghệ tỉnh Tây Ninh chia sẻ nền tảng truy xuất nguồn gốc. Thời gian: năm 2026.
4. Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ bố trí vốn đầu tư hạ tầng số cho hợp tác xã. Thời gian: năm 2026.
5. Sở Nông nghiệp - Môi trường chủ trì, phối hợp với Sở NN và MT tỉnh Tây Ninh trao đổi kinh nghiệm cấp mã số vùng nuôi. Thời gian: quý IV/2026.
"""

COMMUNE_2025 = """ỦY BAN NHÂN DÂN
XÃ IA HRUNG
Số: 112/KH-UBND
Ia Hrung, ngày 29 tháng 12 năm 2025

KẾ HOẠCH
Cải cách hành chính và chuyển đổi số năm 2026

I. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã tuyên truyền dịch vụ công trực tuyến. Thời gian: thường xuyên.
2. Trung tâm PVHCC xã chủ trì, phối hợp với Phòng VH-XH hướng dẫn người cao tuổi nộp hồ sơ trực tuyến. Thời gian: hằng quý.
3. Phòng Văn hoá - Xã hội xã chủ trì, phối hợp với Phòng Kinh tế xây dựng điểm phát sóng miễn phí tại nhà văn hóa thôn. Thời gian: năm 2026.
4. Phòng Kinh tế chủ trì, phối hợp với Sở NN&MT, Sở Dân tộc và Tôn giáo hỗ trợ hợp tác xã bán sản phẩm qua mạng. Thời gian: năm 2026.
5. TTPVHCC chủ trì, phối hợp với Công an xã làm sạch dữ liệu hộ tịch điện tử. Thời gian: quý I/2026.
"""


@pytest.mark.parametrize("plan", forms(DEPARTMENTS_2025), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("sản phẩm chủ lực", {"Sở Nông nghiệp và Môi trường"}, {"Sở Dân tộc và Tôn giáo"}),
    # an abbreviated department's name ends where the name does
    ("mã số vùng trồng", {"Sở Nông nghiệp và Môi trường"}, {"Sở Dân tộc và Tôn giáo"}),
    ("truy xuất nguồn gốc", {"Sở Khoa học và Công nghệ"}, {"Sở Khoa học và Công nghệ tỉnh Tây Ninh"}),
    ("hạ tầng số", {"Sở Tài chính"}, {"Sở Khoa học và Công nghệ"}),
    ("vùng nuôi", {"Sở Nông nghiệp và Môi trường"}, {"Sở Nông nghiệp và Môi trường tỉnh Tây Ninh"}),
])
def test_who_leads_and_partners_among_the_merged_departments(plan, words, lead, support):
    assert_units(find(plan, words), lead, support)


@pytest.mark.parametrize("plan", forms(DEPARTMENTS_2025), ids=FORMS)
def test_a_merged_department_is_one_unit_under_every_spelling(plan):
    named = {fold(u.name): (u.kind, {fold(a) for a in u.aliases}) for u in plan.units}
    assert named[fold("Sở Nông nghiệp và Môi trường")] == ("so-nong-nghiep", {
        fold("Sở Nông nghiệp và Môi trường"), fold("Sở NN&MT"), fold("Sở Nông nghiệp - Môi trường")})
    assert named[fold("Sở Dân tộc và Tôn giáo")] == ("so-dan-toc-ton-giao", {
        fold("Sở Dân tộc và Tôn giáo"), fold("Sở DT&TG")})
    assert named[fold("Sở Khoa học và Công nghệ")] == ("so-khoa-hoc-cong-nghe", {
        fold("Sở KH&CN"), fold("Sở Khoa học và Công nghệ")})
    # another province's department is another unit of the same kind
    assert named[fold("Sở Khoa học và Công nghệ tỉnh Tây Ninh")][0] == "so-khoa-hoc-cong-nghe"
    assert named[fold("Sở Nông nghiệp và Môi trường tỉnh Tây Ninh")][0] == "so-nong-nghiep"
    assert len(plan.units) == 6, [u.name for u in plan.units]


@pytest.mark.parametrize("form", FORMS)
def test_a_department_of_another_province_is_another_body(form):
    g = graph_of(form, (DEPARTMENTS_2025, "gl-660.txt"))
    rows = {fold(r.unit): r.unit_id for r in workload(g, kind="so-nong-nghiep")}
    assert len(rows) == 2 and len(set(rows.values())) == 2
    assert rows_of(g, kind="so-nong-nghiep")[0][2:] == (3, 0)


@pytest.mark.parametrize("plan", forms(AGENCIES_2024), ids=FORMS)
def test_the_planning_department_abbreviated_ends_with_its_province(plan):
    task = find(plan, "khu thương mại tự do")
    assert_units(task, {"Sở Kế hoạch và Đầu tư"}, {"Sở Kế hoạch và Đầu tư tỉnh Gia Lai"})
    assert unit_named(plan, "Sở Kế hoạch và Đầu tư tỉnh Gia Lai").kind == "so-ke-hoach-dau-tu"


@pytest.mark.parametrize("plan", forms(COMMUNE_2025), ids=FORMS)
@pytest.mark.parametrize(("words", "lead", "support"), [
    ("dịch vụ công trực tuyến", {"Phòng Văn hóa - Xã hội"}, {"Trung tâm Phục vụ hành chính công xã"}),
    ("người cao tuổi", {"Trung tâm Phục vụ hành chính công xã"}, {"Phòng Văn hóa - Xã hội"}),
    ("điểm phát sóng", {"Phòng Văn hóa - Xã hội"}, {"Phòng Kinh tế"}),
    ("bán sản phẩm qua mạng", {"Phòng Kinh tế"}, {"Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"}),
    ("dữ liệu hộ tịch", {"Trung tâm Phục vụ hành chính công xã"}, {"Công an xã"}),
])
def test_who_leads_and_partners_among_a_communes_offices(plan, words, lead, support):
    assert_units(find(plan, words), lead, support)


@pytest.mark.parametrize("plan", forms(COMMUNE_2025), ids=FORMS)
def test_a_communes_office_is_one_internal_unit_under_every_spelling(plan):
    named = {fold(u.name): (u.category, u.kind, {fold(a) for a in u.aliases}) for u in plan.units}
    assert named[fold("Phòng Văn hóa - Xã hội")] == ("internal", "phong-van-hoa-xa-hoi", {
        fold("Phòng Văn hóa - Xã hội"), fold("Phòng VH-XH"), fold("Phòng Văn hoá - Xã hội xã")})
    assert named[fold("Trung tâm Phục vụ hành chính công xã")] == (
        "internal", "trung-tam-phuc-vu-hanh-chinh-cong",
        {fold("Trung tâm Phục vụ hành chính công xã"), fold("Trung tâm PVHCC xã"), fold("TTPVHCC")})
    assert named[fold("Công an xã")][:2] == ("external", "cong-an-xa")
    assert len(plan.units) == 6, [u.name for u in plan.units]


def test_the_department_and_commune_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(DEPARTMENTS_2025)
    assert_same_reading_in_any_form(COMMUNE_2025)
