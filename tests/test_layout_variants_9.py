# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Who leads when the plan names the unit after the duty, who partners when one table cell
holds both roles, times counted from the plan and day-of-month reports, and a commune's
village heads, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a ministry assigning its Vụ, Cục,
Văn phòng Bộ and Thanh tra Bộ, with duties ending "…, do Cục X chủ trì thực hiện"; a commune's
plan after July 2025 giving duties to "Trưởng thôn, tổ dân phố"; a province's table whose one
"Cơ quan thực hiện" column holds the lead and its partners ("Sở Y tế (chủ trì); Sở Tài chính,
Sở Nội vụ"); deadlines "trong 30 ngày kể từ ngày Kế hoạch được ban hành" and "định kỳ trước
ngày 20 hằng tháng" in prose; an appendix whose group rows span the table.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline
from tests.layouts import assert_same_reading_in_any_form, find, forms, parse, units_of

# --- 1. A ministry's plan: its Vụ, Cục, Văn phòng Bộ, Thanh tra Bộ; the lead after the duty -------

BO = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 2150/KH-BNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Chuyển đổi số ngành nông nghiệp và môi trường năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Hoàn thiện cơ sở dữ liệu ngành trong năm 2026.

II. NHIỆM VỤ CỤ THỂ
1. Vụ Pháp chế chủ trì rà soát văn bản quy phạm pháp luật về dữ liệu đất đai; hoàn thành trong quý II/2026.
2. Cục Chuyển đổi số chủ trì, phối hợp với Văn phòng Bộ xây dựng kho dữ liệu dùng chung của Bộ. Thời gian hoàn thành: Quý III-IV/2026.
3. Thanh tra Bộ kiểm tra việc chấp hành quy định về an toàn thông tin tại các đơn vị thuộc Bộ, định kỳ trước ngày 20 hằng tháng báo cáo Bộ trưởng.
4. Xây dựng cổng dịch vụ công trực tuyến của Bộ, do Cục Chuyển đổi số chủ trì thực hiện.
5. Tổ chức tập huấn kỹ năng số cho công chức. Giao Vụ Tổ chức cán bộ chủ trì, báo cáo Bộ trưởng.
6. Rà soát quy trình nội bộ do thiếu đồng bộ dữ liệu, phối hợp với Vụ Pháp chế.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Bộ theo dõi, đôn đốc thực hiện Kế hoạch, tổng hợp báo cáo trong 30 ngày kể từ ngày Kế hoạch được ban hành.

Nơi nhận:
- Bộ trưởng (để b/c);
- Lưu: VT, CĐS.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn An
"""


@pytest.mark.parametrize("plan", forms(BO), ids=["nfc", "nfd"])
def test_unit_named_after_the_duty_with_do_leads_it(plan):
    portal = find(plan, "cổng dịch vụ công trực tuyến")
    assert units_of(portal, "lead") == {"cuc chuyen doi so"}
    assert all(u.category == "internal" for u in portal.units)
    # "do" meaning "because" names no unit: the task has only its partner.
    review = find(plan, "quy trình nội bộ")
    assert units_of(review, "lead") == set()


@pytest.mark.parametrize("plan", forms(BO), ids=["nfc", "nfd"])
def test_a_time_counted_from_the_plan_is_the_deadline(plan):
    follow_up = find(plan, "theo dõi, đôn đốc")
    assert units_of(follow_up, "lead") == {"van phong bo"}
    assert follow_up.deadline is not None
    assert unicodedata.normalize("NFC", follow_up.deadline.text) == \
        "trong 30 ngày kể từ ngày Kế hoạch được ban hành"


def test_a_day_of_every_month_is_the_time_not_the_report_before_it():
    found = find_deadline("Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo Chủ tịch UBND xã "
                          "định kỳ trước ngày 20 hằng tháng.")
    assert found is not None
    assert (found.text, found.recurrence) == ("định kỳ trước ngày 20 hằng tháng", "monthly")
    nfd = find_deadline(unicodedata.normalize(
        "NFD", "Các sở báo cáo kết quả về Sở Nội vụ định kỳ trước ngày 20 hằng tháng."))
    assert nfd is not None and nfd.recurrence == "monthly"
    assert unicodedata.normalize("NFC", nfd.text) == "định kỳ trước ngày 20 hằng tháng"


@pytest.mark.parametrize("sentence", [
    "Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trong 30 ngày kể từ ngày Kế hoạch được ban hành.",
    "Các sở ban hành kế hoạch chậm nhất 15 ngày làm việc kể từ ngày Kế hoạch có hiệu lực.",
    "Hoàn thiện hồ sơ trong thời hạn 10 ngày kể từ ngày ký.",
])
def test_times_counted_from_a_day_are_deadlines(sentence):
    found = find_deadline(sentence)
    assert found is not None and "kể từ ngày" in found.text


# --- 2. A commune's plan after July 2025: village heads and the commune's own offices ---------------

XA = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Xây dựng xã văn hóa năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao đời sống văn hóa của Nhân dân trên địa bàn xã.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công chức Văn hóa - Xã hội chủ trì tổ chức phong trào xây dựng đời sống văn hóa; thời gian: Quý III-IV/2026.
2. Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo Chủ tịch UBND xã định kỳ trước ngày 20 hằng tháng.
3. Trưởng thôn, tổ dân phố tuyên truyền, vận động Nhân dân tham gia; thời gian: Tháng 6/2026 và tháng 12/2026.
4. Tổ chức bình xét gia đình văn hóa, do Công chức Văn hóa - Xã hội chủ trì thực hiện.
5. Trưởng thôn, Tổ trưởng tổ dân phố niêm yết danh sách gia đình văn hóa tại nhà văn hóa.
6. Trung tâm Phục vụ hành chính công xã niêm yết thủ tục hành chính trong 30 ngày kể từ ngày Kế hoạch được ban hành.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình
"""


@pytest.mark.parametrize("plan", forms(XA), ids=["nfc", "nfd"])
def test_village_heads_are_the_communes_own_units(plan):
    campaign = find(plan, "vận động Nhân dân tham gia")
    assert units_of(campaign, "lead") == {"truong thon, to dan pho"}
    assert {u.category for u in campaign.units} == {"internal"}
    listing = find(plan, "niêm yết danh sách")
    assert units_of(listing, "lead") == {"truong thon", "to truong to dan pho"}


@pytest.mark.parametrize("plan", forms(XA), ids=["nfc", "nfd"])
def test_commune_duties_after_the_duty_and_their_times(plan):
    assert units_of(find(plan, "bình xét gia đình"), "lead") == {"cong chuc van hoa - xa hoi"}
    report = find(plan, "tổng hợp kết quả")
    assert report.deadline is not None and report.deadline.recurrence == "monthly"
    assert unicodedata.normalize("NFC", report.deadline.text) == \
        "định kỳ trước ngày 20 hằng tháng"
    counter = find(plan, "thủ tục hành chính")
    assert counter.deadline is not None and "30 ngày" in counter.deadline.text


# --- 3. One "Cơ quan thực hiện" column holding the lead and its partners ---------------------------

ONE_CELL = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
Số: 301/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thanh Hóa, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Nâng cao chất lượng y tế cơ sở năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Củng cố mạng lưới y tế cơ sở.

II. NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |
|---|---|---|---|
| 1 | Kiện toàn trạm y tế xã, phường | Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ | Quý III-IV/2026 |
| 2 | Đào tạo nhân lực y tế cơ sở | Sở Y tế chủ trì; Trường Cao đẳng Y tế phối hợp | Tháng 6/2026 và tháng 12/2026 |
| 3 | Bố trí kinh phí mua sắm trang thiết bị | Sở Tài chính chủ trì, Sở Y tế phối hợp | trong 30 ngày kể từ ngày Kế hoạch được ban hành |
| 4 | Kiểm tra chất lượng khám chữa bệnh | Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh | Quý IV/2026 |
| 5 | Báo cáo kết quả thực hiện | Sở Y tế; Sở Tài chính | định kỳ trước ngày 20 hằng tháng |

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành, UBND các xã, phường tổ chức thực hiện Kế hoạch.

Nơi nhận:
- Bộ Y tế;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phạm Thị Dung
"""


@pytest.mark.parametrize("plan", forms(ONE_CELL), ids=["nfc", "nfd"])
def test_names_after_the_noted_lead_in_its_cell_are_partners(plan):
    stations = find(plan, "Kiện toàn trạm y tế")
    assert units_of(stations, "lead") == {"so y te"}
    assert units_of(stations, "support") == {"so tai chinh", "so noi vu"}


@pytest.mark.parametrize("plan", forms(ONE_CELL), ids=["nfc", "nfd"])
def test_role_verbs_inside_a_cell_give_each_unit_its_role(plan):
    training = find(plan, "Đào tạo nhân lực")
    assert (units_of(training, "lead"), units_of(training, "support")) == (
        {"so y te"}, {"truong cao dang y te"})
    budget = find(plan, "Bố trí kinh phí")
    assert (units_of(budget, "lead"), units_of(budget, "support")) == (
        {"so tai chinh"}, {"so y te"})
    audit = find(plan, "Kiểm tra chất lượng")
    assert (units_of(audit, "lead"), units_of(audit, "support")) == (
        {"so y te"}, {"bao hiem xa hoi tinh"})
    # Without role words every unit of the column leads.
    assert units_of(find(plan, "Báo cáo kết quả"), "lead") == {"so y te", "so tai chinh"}


# --- 4. An appendix with group rows spanning the table and collective leads -----------------------

PHU_LUC = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

II. NHIỆM VỤ
Chi tiết tại Phụ lục kèm theo Kế hoạch này.

Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Cường

PHỤ LỤC
DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026
(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/02/2026 của UBND tỉnh)

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | Nhóm nhiệm vụ về thể chế | | | |
| 1 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Các sở, ban, ngành | Quý III-IV/2026 |
| II | Nhóm nhiệm vụ về tổ chức bộ máy | | | |
| 1 | Sắp xếp các đơn vị sự nghiệp công lập | Sở Nội vụ | Sở Tài chính | trong 30 ngày kể từ ngày Kế hoạch được ban hành |
| 2 | Báo cáo tình hình cải cách hành chính | Các sở, ban, ngành; UBND các xã, phường | | định kỳ trước ngày 20 hằng tháng |
"""


def test_group_rows_hold_their_numbered_tasks_and_collective_leads():
    plan = parse(PHU_LUC)
    review = find(plan, "Rà soát văn bản")
    group = next(t for t in plan.tasks if t.id == review.parent)
    assert group.text == "Nhóm nhiệm vụ về thể chế" and not group.units
    report = find(plan, "Báo cáo tình hình")
    assert units_of(report, "lead") == {"cac so, ban, nganh", "ubnd cac xa, phuong"}
    assert report.deadline is not None and report.deadline.recurrence == "monthly"
    assert review.deadline is not None and review.deadline.date == "2026-12"


# --- 5. Units after a colon with the lead noted first; "do X chủ trì" without a comma ----------------

THIEN_TAI = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 510/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 08 tháng 5 năm 2026

KẾ HOẠCH
Phòng, chống thiên tai năm 2026

II. NHIỆM VỤ
1. Xây dựng phương án ứng phó bão lũ
- Rà soát các khu vực có nguy cơ sạt lở đất, do Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã, phường thực hiện; hoàn thành trước ngày 30/6/2026.
- Giao Bộ Chỉ huy Quân sự tỉnh chủ trì, báo cáo UBND tỉnh.
2. Diễn tập phòng chống thiên tai: Sở Nông nghiệp và Môi trường (chủ trì), Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh; thời gian: Quý III-IV/2026.
3. Tuyên truyền kỹ năng phòng tránh thiên tai do Báo và Phát thanh, Truyền hình Lâm Đồng chủ trì thực hiện hằng tháng.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, UBND các xã, phường báo cáo kết quả về Sở Nông nghiệp và Môi trường trong 15 ngày kể từ ngày kết thúc đợt thiên tai.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Võ Văn Hùng
"""


@pytest.mark.parametrize("plan", forms(THIEN_TAI), ids=["nfc", "nfd"])
def test_units_listed_after_a_colon_with_the_lead_noted_first(plan):
    drill = find(plan, "Diễn tập phòng chống thiên tai")
    assert unicodedata.normalize("NFC", drill.text) == "Diễn tập phòng chống thiên tai"
    assert units_of(drill, "lead") == {"so nong nghiep va moi truong"}
    assert units_of(drill, "support") == {"cong an tinh", "bo chi huy quan su tinh"}


@pytest.mark.parametrize("plan", forms(THIEN_TAI), ids=["nfc", "nfd"])
def test_do_unit_leads_with_or_without_a_comma_and_keeps_its_partners(plan):
    survey = find(plan, "sạt lở đất")
    assert units_of(survey, "lead") == {"so nong nghiep va moi truong"}
    assert units_of(survey, "support") == {"ubnd cac xa, phuong"}
    media = find(plan, "kỹ năng phòng tránh")
    assert units_of(media, "lead") == {"bao va phat thanh, truyen hinh lam dong"}
    report = find(plan, "báo cáo kết quả về")
    assert report.deadline is not None
    assert unicodedata.normalize("NFC", report.deadline.text) == \
        "trong 15 ngày kể từ ngày kết thúc đợt thiên tai"


# --- 6. A ministry's duty whose unit is given on the next line: "Giao Cục X chủ trì, …" -------------

BO_Y_TE = """BỘ Y TẾ
Số: 720/KH-BYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 6 năm 2026

KẾ HOẠCH
Tăng cường quản lý an toàn thực phẩm năm 2026

II. NHIỆM VỤ
1. Hoàn thiện thể chế
Sửa đổi Thông tư hướng dẫn kiểm nghiệm thực phẩm.
Giao Cục An toàn thực phẩm chủ trì, phối hợp với Vụ Pháp chế thực hiện; thời gian: Quý III-IV/2026.
2. Chuyển đổi số
Xây dựng phần mềm quản lý cơ sở sản xuất thực phẩm.
Giao Cục Chuyển đổi số y tế chủ trì xây dựng cơ sở dữ liệu kiểm nghiệm.
3. Truyền thông
Văn phòng Bộ tuyên truyền về an toàn thực phẩm, định kỳ trước ngày 25 hằng quý báo cáo Bộ trưởng.

Nơi nhận:
- Bộ trưởng (để b/c);
- Lưu: VT, ATTP.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Thuấn
"""


@pytest.mark.parametrize("plan", forms(BO_Y_TE), ids=["nfc", "nfd"])
def test_a_giao_line_that_only_assigns_gives_the_duty_above_its_units(plan):
    circular = find(plan, "Sửa đổi Thông tư")
    assert units_of(circular, "lead") == {"cuc an toan thuc pham"}
    assert units_of(circular, "support") == {"vu phap che"}
    assert circular.deadline is not None and circular.deadline.date == "2026-12"
    # A "Giao" line with a duty of its own stays a duty of its own.
    database = find(plan, "cơ sở dữ liệu kiểm nghiệm")
    assert units_of(database, "lead") == {"cuc chuyen doi so y te"}
    assert units_of(find(plan, "Xây dựng phần mềm"), "lead") == set()
    report = find(plan, "tuyên truyền về an toàn")
    assert report.deadline is not None and report.deadline.recurrence == "quarterly"


@pytest.mark.parametrize("text", [BO, XA, ONE_CELL, PHU_LUC, THIEN_TAI, BO_Y_TE],
                         ids=["bo", "xa", "one_cell", "phu_luc", "thien_tai", "bo_y_te"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
