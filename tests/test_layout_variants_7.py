# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Commune-level plans after the 2025 reform, read as a careful reader would.

Our own writing in the style of wards, communes and their Party committees: one paragraph giving
several units each a duty of its own ("Văn phòng … tham mưu …; Công an phường hướng dẫn …; các tổ
dân phố tuyên truyền …"), the commune's own offices (Phòng Kinh tế, Phòng Văn hóa - Xã hội, Văn
phòng HĐND và UBND, Trung tâm Phục vụ hành chính công), report dates that recur ("trước ngày 20
hằng tháng", "trước ngày 15 tháng cuối quý", "trước ngày 15/6 và 15/12 hằng năm") in prose and in
table cells, and the headers of commune Party committees and steering committees.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline
from policykg.loaders.model import Plan, Task
from policykg.ontology.issuers import local_area
from tests.layouts import assert_same_reading_in_any_form, find, parse, units_of


def task(plan: Plan, tid: str) -> Task:
    found = [t for t in plan.tasks if t.id == tid]
    assert len(found) == 1, [t.id for t in plan.tasks]
    return found[0]


def leads(plan: Plan, unit: str) -> list[Task]:
    """The tasks ``unit`` (folded) leads: what a user asking for its workload gets."""
    return [t for t in plan.tasks if unit in units_of(t, "lead")]


# --- 1. A ward's plan: offices as headings, a paragraph of several duties, report dates ----------

PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG HÀ GIANG 1
Số: 214/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang 1, ngày 18 tháng 10 năm 2025

KẾ HOẠCH
Nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn phường năm 2026

Căn cứ Kế hoạch số 305/KH-UBND ngày 02/9/2025 của UBND tỉnh Tuyên Quang về cải cách hành chính năm 2026;

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao chỉ số hài lòng của người dân đạt trên 90%.

II. NHIỆM VỤ CỤ THỂ
1. Trung tâm Phục vụ hành chính công phường
a) Tiếp nhận, trả kết quả thủ tục hành chính đúng hạn; bảo đảm tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.
b) Tổng hợp báo cáo UBND phường hằng tháng (trước ngày 20 hằng tháng).
2. Phòng Kinh tế, Hạ tầng và Đô thị
a) Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực xây dựng, đất đai.
b) Báo cáo kết quả định kỳ trước ngày 10 của tháng đầu quý sau.
3. Phòng Văn hóa - Xã hội
- Tuyên truyền trên hệ thống loa truyền thanh phường về dịch vụ công trực tuyến.
- Báo cáo 6 tháng, năm gửi Văn phòng HĐND và UBND phường trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm.
4. Phối hợp thực hiện
Văn phòng HĐND và UBND phường tham mưu UBND phường ban hành quy chế phối hợp; Công an phường hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức 2; các tổ dân phố tuyên truyền, vận động người dân thực hiện.
Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công phường phối hợp tổ chức đối thoại với doanh nghiệp. Thời gian: Quý II/2026.
Phòng Văn hóa - Xã hội, Văn phòng HĐND và UBND phường, Công an phường thực hiện chuyển đổi số trong giải quyết thủ tục hành chính.

III. TỔ CHỨC THỰC HIỆN
1. Các phòng, đơn vị báo cáo kết quả thực hiện về Văn phòng HĐND và UBND phường hằng quý (trước ngày 15 tháng cuối quý) để tổng hợp báo cáo UBND phường.
2. Văn phòng HĐND và UBND phường theo dõi, đôn đốc; Phòng Kinh tế, Hạ tầng và Đô thị bảo đảm kinh phí thực hiện.
3. Phòng Kinh tế, Hạ tầng và Đô thị thực hiện thường xuyên; Văn phòng HĐND và UBND phường kiểm tra, đôn đốc.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
"""


@pytest.fixture(scope="module")
def phuong() -> Plan:
    return parse(PHUONG)


def test_each_subject_of_a_paragraph_leads_its_own_clause(phuong):
    whole = task(phuong, "II.4.p1")
    assert not whole.units  # the sentence holds the clauses; each clause has its unit
    clauses = [t for t in phuong.tasks if t.parent == whole.id]
    assert [t.id for t in clauses] == ["II.4.p1.c1", "II.4.p1.c2", "II.4.p1.c3"]
    assert [units_of(t, "lead") for t in clauses] == [
        {"van phong hdnd va ubnd phuong"}, {"cong an phuong"}, {"cac to dan pho"}]
    police = leads(phuong, "cong an phuong")
    assert any(t.text.startswith("Công an phường hướng dẫn người dân kích hoạt") for t in police)
    # each clause quotes the sentence it stands in
    assert all(t.source.quote == whole.source.quote for t in clauses)
    assert "các tổ dân phố tuyên truyền" in clauses[0].source.quote


def test_lead_then_partners_and_a_list_of_units_stay_one_task(phuong):
    dialogue = find(phuong, "tổ chức đối thoại với doanh nghiệp")
    assert units_of(dialogue, "lead") == {"phong kinh te, ha tang va do thi"}
    assert units_of(dialogue, "support") == {"phong van hoa - xa hoi",
                                             "trung tam phuc vu hanh chinh cong phuong"}
    assert dialogue.deadline.date == "2026-06"
    digital = find(phuong, "thực hiện chuyển đổi số trong giải quyết")
    assert units_of(digital, "lead") == {"phong van hoa - xa hoi", "van phong hdnd va ubnd phuong",
                                         "cong an phuong"}
    assert not [t for t in phuong.tasks if t.parent == digital.id]


def test_follow_up_and_budget_are_two_duties_but_oversight_supports(phuong):
    budget = task(phuong, "III.2.c2")
    assert units_of(budget, "lead") == {"phong kinh te, ha tang va do thi"}
    assert units_of(task(phuong, "III.2.c1"), "lead") == {"van phong hdnd va ubnd phuong"}
    # "X thực hiện; Y kiểm tra, đôn đốc": Y oversees X's duty
    standing = task(phuong, "III.3")
    assert units_of(standing, "lead") == {"phong kinh te, ha tang va do thi"}
    assert units_of(standing, "support") == {"van phong hdnd va ubnd phuong"}


def test_report_dates_of_the_ward(phuong):
    monthly = find(phuong, "Tổng hợp báo cáo UBND phường hằng tháng")
    assert monthly.deadline.recurrence == "monthly"
    quarter = find(phuong, "định kỳ trước ngày 10 của tháng đầu quý sau")
    assert quarter.deadline.recurrence == "quarterly"
    twice = find(phuong, "Báo cáo 6 tháng, năm gửi Văn phòng")
    assert twice.deadline.recurrence == "half-yearly"
    assert twice.deadline.date == "--06-15"  # due in June and December, counted from June
    offices = find(phuong, "Các phòng, đơn vị báo cáo kết quả thực hiện")
    assert offices.deadline.recurrence == "quarterly"
    assert "tháng cuối quý" in offices.deadline.text


def test_ward_named_after_an_old_province_is_in_the_new_one(phuong):
    assert phuong.issuer == "UBND phường Hà Giang 1"
    assert phuong.province == "Tuyên Quang"
    assert phuong.date == "2025-10-18"
    assert phuong.id == "tuyen-quang:phuong-ha-giang-1:214/KH-UBND@2025"


# --- 2. A commune Party committee: a Party body steering the commune's bodies, a table of reports -

DANG_UY_XA = """ĐẢNG BỘ TỈNH NGHỆ AN
ĐẢNG ỦY XÃ DIỄN CHÂU
*
Số 19-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Diễn Châu, ngày 06 tháng 11 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật

I. MỤC ĐÍCH, YÊU CẦU
- Cấp ủy, chính quyền nhận thức đầy đủ nội dung Nghị quyết.

II. NHIỆM VỤ, GIẢI PHÁP
1. Ban Xây dựng Đảng Đảng ủy xã chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã tổ chức quán triệt Nghị quyết; hoàn thành trong Quý IV/2025.
2. Đảng ủy UBND xã lãnh đạo UBND xã xây dựng kế hoạch rà soát văn bản; UBND xã chỉ đạo Văn phòng HĐND và UBND xã thực hiện rà soát; Văn phòng Đảng ủy theo dõi, tổng hợp.
3. Các chi bộ trực thuộc đưa nội dung Nghị quyết vào sinh hoạt chi bộ định kỳ hằng tháng.

III. TỔ CHỨC THỰC HIỆN
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| 1 | Sơ kết việc thực hiện Nghị quyết | Văn phòng Đảng ủy | Ban Xây dựng Đảng | Trước ngày 15/6 và 15/12 hằng năm |
| 2 | Báo cáo kết quả thực hiện | Đảng ủy UBND xã | Các chi bộ | Hằng quý (trước ngày 20 tháng cuối quý) |
| 3 | Kiểm tra, giám sát | Ủy ban Kiểm tra Đảng ủy xã | Văn phòng Đảng ủy | Định kỳ trước ngày 05 của tháng đầu mỗi quý |
| 4 | Tổng hợp báo cáo các quý | Văn phòng Đảng ủy | | Trước ngày 15/3, 15/6, 15/9 và 15/12 hằng năm |
| 5 | Báo cáo năm | Văn phòng Đảng ủy | | Trước ngày 15/12 hằng năm |

T/M ĐẢNG ỦY
BÍ THƯ
"""


@pytest.fixture(scope="module")
def dang_uy_xa() -> Plan:
    return parse(DANG_UY_XA)


def test_commune_party_committee_numbers_its_own_plans(dang_uy_xa):
    assert dang_uy_xa.issuer == "Đảng ủy xã Diễn Châu"
    assert local_area(dang_uy_xa.issuer) == ("xa", "dien chau")
    assert dang_uy_xa.id == "nghe-an:xa-dien-chau:19-KH/ĐU@2025"


def test_party_body_and_commune_each_lead_their_clause_and_the_office_oversees(dang_uy_xa):
    steer, review = task(dang_uy_xa, "II.2.c1"), task(dang_uy_xa, "II.2.c2")
    assert units_of(steer, "lead") == {"dang uy ubnd xa"}
    assert units_of(review, "lead") == {"ubnd xa"}
    assert units_of(review, "support") == {"van phong dang uy"}
    assert len([t for t in dang_uy_xa.tasks if t.parent == "II.2"]) == 2


def test_a_verb_ends_the_name_of_the_cells(dang_uy_xa):
    cells = find(dang_uy_xa, "đưa nội dung Nghị quyết vào sinh hoạt")
    assert units_of(cells, "lead") == {"cac chi bo truc thuoc"}
    assert cells.deadline.recurrence == "monthly"


@pytest.mark.parametrize(("words", "recurrence", "date"), [
    ("Sơ kết việc thực hiện", "half-yearly", "--06-15"),
    ("Báo cáo kết quả thực hiện", "quarterly", None),
    ("Kiểm tra, giám sát", "quarterly", None),
    ("Tổng hợp báo cáo các quý", "quarterly", "--03-15"),
    ("Báo cáo năm", "yearly", "--12-15"),
])
def test_report_dates_in_table_cells(dang_uy_xa, words, recurrence, date):
    row = find(dang_uy_xa, words)
    assert (row.deadline.recurrence, row.deadline.date) == (recurrence, date)


# --- 3. A commune's plan: offices as headings with "Giao …; giao …", a time for the whole sentence -

XA = """UBND TỈNH ĐỒNG THÁP
ỦY BAN NHÂN DÂN XÃ MỸ HIỆP
Số: 77/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Mỹ Hiệp, ngày 03 tháng 12 năm 2025

KẾ HOẠCH
Bảo đảm an toàn thực phẩm trên địa bàn xã năm 2026

I. MỤC TIÊU
- 100% cơ sở sản xuất, kinh doanh thực phẩm được kiểm tra.

II. NHIỆM VỤ VÀ PHÂN CÔNG
1. Phòng Văn hóa - Xã hội:
- Tham mưu UBND xã kiện toàn Ban Chỉ đạo liên ngành về an toàn thực phẩm xã; hoàn thành trong tháng 01/2026.
- Chủ trì, phối hợp với Trạm Y tế xã tổ chức Tháng hành động vì an toàn thực phẩm.
2. Phòng Kinh tế:
- Giao Phòng Kinh tế kiểm tra cơ sở giết mổ gia súc; giao Công an xã xử lý các trường hợp vi phạm.
3. Trạm Y tế xã: Giám sát ngộ độc thực phẩm; báo cáo Phòng Văn hóa - Xã hội trước ngày 25 hằng tháng.
4. Công chức Văn hóa - Xã hội tổng hợp kết quả; Trung tâm Phục vụ hành chính công xã niêm yết thủ tục cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.
5. Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội khảo sát cơ sở sơ chế rau an toàn; Phòng Văn hóa - Xã hội lập danh sách cơ sở đạt chuẩn. Thời gian: Quý II/2026.
6. Phòng Kinh tế rà soát hồ sơ đất đai (Phòng Kinh tế chủ trì, Công an xã phối hợp); Phòng Văn hóa - Xã hội tuyên truyền chính sách pháp luật về đất đai.

III. CHẾ ĐỘ BÁO CÁO
Các phòng, đơn vị báo cáo kết quả về Phòng Văn hóa - Xã hội định kỳ 6 tháng; Phòng Văn hóa - Xã hội tổng hợp, tham mưu UBND xã báo cáo UBND tỉnh trước ngày 15/6 và 15/12 hằng năm.
"""


@pytest.fixture(scope="module")
def xa() -> Plan:
    return parse(XA)


def test_each_unit_given_a_duty_after_giao(xa):
    assert units_of(task(xa, "II.2.b1.c1"), "lead") == {"phong kinh te"}
    assert units_of(task(xa, "II.2.b1.c2"), "lead") == {"cong an xa"}
    assert any("xử lý các trường hợp vi phạm" in t.text for t in leads(xa, "cong an xa"))


def test_a_civil_servant_and_the_service_centre_each_lead(xa):
    assert units_of(task(xa, "II.4.c1"), "lead") == {"cong chuc van hoa - xa hoi"}
    posting = task(xa, "II.4.c2")
    assert units_of(posting, "lead") == {"trung tam phuc vu hanh chinh cong xa"}
    assert posting.text.startswith("Trung tâm Phục vụ hành chính công xã niêm yết")


def test_a_partner_with_a_duty_of_its_own_and_the_sentences_time(xa):
    survey, listing = task(xa, "II.5.c1"), task(xa, "II.5.c2")
    assert units_of(survey, "lead") == {"phong kinh te"}
    assert units_of(survey, "support") == {"phong van hoa - xa hoi"}
    assert units_of(listing, "lead") == {"phong van hoa - xa hoi"}
    assert survey.deadline.date == listing.deadline.date == "2026-06"


def test_units_in_brackets_belong_to_their_clause(xa):
    assert not task(xa, "II.6").units
    land = task(xa, "II.6.c1")
    assert units_of(land, "lead") == {"phong kinh te"}
    assert units_of(land, "support") == {"cong an xa"}
    assert units_of(task(xa, "II.6.c2"), "lead") == {"phong van hoa - xa hoi"}


def test_report_chain_of_the_commune(xa):
    offices, summary = task(xa, "III.p1.c1"), task(xa, "III.p1.c2")
    assert units_of(offices, "lead") == {"cac phong, don vi"}
    assert offices.deadline.recurrence == "half-yearly"
    assert units_of(summary, "lead") == {"phong van hoa - xa hoi"}
    assert summary.deadline.recurrence == "half-yearly"
    assert find(xa, "Giám sát ngộ độc thực phẩm").deadline.recurrence == "monthly"


# --- 4. A commune's "Nhiệm vụ N" with labelled lines and a paragraph of two duties ------------

NHIEM_VU = """ỦY BAN NHÂN DÂN
XÃ BÌNH MINH
Số: 150/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Minh, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Phòng, chống dịch bệnh trên gia súc, gia cầm năm 2026

I. MỤC ĐÍCH
Chủ động phòng, chống dịch bệnh.

II. NHIỆM VỤ
Nhiệm vụ 1: Tiêm phòng vắc xin cho đàn gia súc
- Đơn vị thực hiện: Phòng Kinh tế (chủ trì); Trạm Y tế xã, Công an xã (phối hợp).
- Thời gian: Hằng tháng (trước ngày 25).
Nhiệm vụ 2: Kiểm soát vận chuyển gia súc ra vào địa bàn
- Đơn vị chủ trì: Công an xã.
- Đơn vị phối hợp: Ban Chỉ huy Quân sự xã; Phòng Kinh tế.
- Thời gian: Trước ngày 10 của tháng đầu mỗi quý báo cáo kết quả.
Nhiệm vụ 3: Tổng hợp, báo cáo
- Văn phòng HĐND và UBND xã tổng hợp báo cáo Chủ tịch UBND xã; Phòng Kinh tế cung cấp số liệu tiêm phòng.
- Thời gian: trước ngày 15/6 và ngày 15/12 hằng năm.

III. TỔ CHỨC THỰC HIỆN
Giao Phòng Kinh tế chủ trì, phối hợp với các đơn vị liên quan triển khai Kế hoạch; định kỳ báo cáo UBND xã trước ngày 20 tháng cuối quý.
"""


def test_labelled_tasks_of_a_commune_and_their_report_dates():
    plan = parse(NHIEM_VU)
    vaccine, transport, report = (task(plan, f"II.NV{n}") for n in (1, 2, 3))
    assert units_of(vaccine, "lead") == {"phong kinh te"}
    assert units_of(vaccine, "support") == {"tram y te xa", "cong an xa"}
    assert vaccine.deadline.recurrence == "monthly"
    assert units_of(transport, "lead") == {"cong an xa"}
    assert transport.deadline.recurrence == "quarterly"
    # both units of the paragraph under "Nhiệm vụ 3" have their part in it
    assert units_of(report, "lead") == {"van phong hdnd va ubnd xa", "phong kinh te"}
    assert (report.deadline.recurrence, report.deadline.date) == ("half-yearly", "--06-15")
    follow = find(plan, "triển khai Kế hoạch")
    assert units_of(follow, "lead") == {"phong kinh te"}
    assert follow.deadline.recurrence == "quarterly"
    assert_same_reading_in_any_form(NHIEM_VU)


# --- 5. Headers of commune bodies ------------------------------------------------------------

HEADERS = [
    ("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nBAN THƯỜNG VỤ ĐẢNG ỦY XÃ CAM LỘ\nSố: 27-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nCam Lộ, ngày 12 tháng 9 năm 2025",
     "Ban Thường vụ Đảng ủy xã Cam Lộ", ("xa", "cam lo")),
    ("ĐẢNG BỘ TỈNH ĐỒNG NAI\nĐẢNG ỦY PHƯỜNG TRẤN BIÊN\nSố: 40-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nTrấn Biên, ngày 3 tháng 11 năm 2025",
     "Đảng ủy phường Trấn Biên", ("phuong", "tran bien")),
    ("ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY ĐẶC KHU PHÚ QUỐC\nSố: 21-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nPhú Quốc, ngày 3 tháng 11 năm 2025",
     "Đảng ủy đặc khu Phú Quốc", ("dac khu", "phu quoc")),
    ("ỦY BAN NHÂN DÂN TỈNH HUẾ\nBAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI XÃ PHÚ LỘC\nSố: 03/KH-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhú Lộc, ngày 01 tháng 11 năm 2025",
     "Ban Chỉ đạo phòng, chống thiên tai xã Phú Lộc", ("xa", "phu loc")),
    ("UBND PHƯỜNG BẮC GIANG\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\nSố: 05/KH-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBắc Giang, ngày 3 tháng 11 năm 2025",
     "Ban Chỉ đạo chuyển đổi số UBND phường Bắc Giang", ("phuong", "bac giang")),
    ("ĐẢNG ỦY XÃ HÒA VANG\nBAN CHỈ ĐẠO\nSố: 05-KH/BCĐ\nĐẢNG CỘNG SẢN VIỆT NAM\nHòa Vang, ngày 3 tháng 11 năm 2025",
     "Ban Chỉ đạo Đảng ủy xã Hòa Vang", ("xa", "hoa vang")),
    ("ĐẢNG ỦY XÃ ĐỨC PHỔ\nBAN XÂY DỰNG ĐẢNG\nSố: 03-KH/BXDĐ\nĐẢNG CỘNG SẢN VIỆT NAM\nĐức Phổ, ngày 12 tháng 9 năm 2025",
     "Ban Xây dựng Đảng Đảng ủy xã Đức Phổ", ("xa", "duc pho")),
    ("ĐẢNG ỦY XÃ ĐỨC PHỔ\nVĂN PHÒNG ĐẢNG ỦY\nSố: 07-KH/VPĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nĐức Phổ, ngày 12 tháng 9 năm 2025",
     "Văn phòng Đảng ủy xã Đức Phổ", ("xa", "duc pho")),
    ("ĐẢNG ỦY PHƯỜNG SA ĐÉC\nỦY BAN KIỂM TRA\nSố: 03-KH/UBKT\nĐẢNG CỘNG SẢN VIỆT NAM\nSa Đéc, ngày 12 tháng 9 năm 2025",
     "Ủy ban Kiểm tra Đảng ủy phường Sa Đéc", ("phuong", "sa dec")),
    ("UBND TỈNH VĨNH LONG\nỦY BAN NHÂN DÂN\nPHƯỜNG 3\nSố: 45/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhường 3, ngày 12 tháng 9 năm 2025",
     "UBND phường 3", ("phuong", "3")),
]
BODY = "\n\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. NHIỆM VỤ\n1. Phòng Kinh tế chủ trì rà soát hồ sơ. Thời gian: Quý I/2026.\n"


@pytest.mark.parametrize(("header", "issuer", "area"), HEADERS)
def test_commune_bodies_in_the_header_scope_the_plan(header, issuer, area):
    plan = parse(header + BODY)
    assert plan.issuer == issuer
    assert local_area(plan.issuer) == area
    assert f":{area[0].replace(' ', '-')}-{area[1].replace(' ', '-')}:" in plan.id
    again = parse(unicodedata.normalize("NFD", header + BODY))
    assert (again.issuer, again.id) == (plan.issuer, plan.id)


def test_a_province_steering_committee_is_not_a_communes():
    plan = parse("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\nSố: 05/KH-BCĐ\n"
                 "Bắc Ninh, ngày 3 tháng 11 năm 2025" + BODY)
    assert local_area(plan.issuer) is None
    # a steering committee for social affairs names no commune
    assert local_area("Ban Chỉ đạo phát triển kinh tế - xã hội") is None


# --- 6. Report dates read alone --------------------------------------------------------------

@pytest.mark.parametrize(("text", "recurrence", "date"), [
    ("Trước ngày 20 hằng tháng", "monthly", None),
    ("trước ngày 15 tháng cuối quý", "quarterly", None),
    ("Định kỳ trước ngày 10 của tháng đầu quý", "quarterly", None),
    ("trước ngày 15/6 và 15/12 hằng năm", "half-yearly", "--06-15"),
    ("trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm", "half-yearly", "--06-15"),
    ("trước ngày 15/12 hằng năm", "yearly", "--12-15"),
    ("trước ngày 15 tháng cuối quý IV/2026", None, "2026-12"),
])
def test_report_dates(text, recurrence, date):
    found = read_deadline(text)
    assert (found.recurrence, found.date) == (recurrence, date)


@pytest.mark.parametrize(("sentence", "recurrence"), [
    ("Văn phòng tổng hợp báo cáo UBND xã hằng quý (trước ngày 15 tháng cuối quý).", "quarterly"),
    ("Các đoàn thể báo cáo định kỳ trước ngày 10 của tháng đầu quý.", "quarterly"),
    ("Trạm Y tế xã báo cáo trước ngày 15/6 và 15/12 hằng năm.", "half-yearly"),
    ("Công an xã báo cáo kết quả trước ngày 20 hằng tháng.", "monthly"),
    ("Các bộ phận báo cáo tiến độ hằng quý về Văn phòng.", "quarterly"),
    ("Văn phòng HĐND và UBND xã tổng hợp, báo cáo Chủ tịch UBND xã hằng tháng.", "monthly"),
])
def test_report_dates_in_prose(sentence, recurrence):
    assert find_deadline(sentence).recurrence == recurrence


def test_a_summary_naming_no_period_has_no_deadline():
    assert find_deadline("Phòng Kinh tế tổng hợp số liệu phục vụ giao ban.") is None


@pytest.mark.parametrize("text", [PHUONG, DANG_UY_XA, XA])
def test_same_reading_in_nfd_and_old_tone_placement(text):
    assert_same_reading_in_any_form(text)
