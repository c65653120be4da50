# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Units given tasks by number, in the other ways real plans write the numbers.

Our own writing in the Vietnamese administrative style: a province's plan headed "PHẦN THỨ
NHẤT … PHẦN THỨ BA" whose paragraphs name part two as "Phần thứ hai", "Phần thứ 2", "phần 2",
"Phần II" and "Mục thứ hai"; a department's plan headed "Phần I." with "Nhiệm vụ N:" duties
named "nhiệm vụ 1", "nhiệm vụ số 2", "nhiệm vụ thứ ba"; a department's plan whose partners name
the lead they work with ("phối hợp với Sở X thực hiện nhiệm vụ tại mục 3"); a province's plan
naming sub-items, points and ranges ("nhiệm vụ 1.3 Mục II", "điểm 2.3 mục II", "từ điểm a đến
điểm d", "khoản 1, 2, 3 Mục III", "từ mục 1 đến mục 5", "Mục III.4"); and a plan whose parts hold
Roman sections, with references into a decree, a circular and a Party programme beside it.
"""

from __future__ import annotations

import pytest

from policykg.loaders.model import Task
from tests.layouts import (
    assert_same_reading_in_any_form,
    by_id,
    find,
    line_no,
    roles,
    units_of,
)
from tests.layouts import read_in as read

FORMS = ("NFC", "NFD")
SKHCN = "so khoa hoc va cong nghe"






def quoted_at(task: Task, unit: str) -> int:
    """The line the plan says ``task``'s ``unit`` (folded name) on."""
    return next(u.source.line_start for u in task.units
                if units_of(Task(id="", number="", text="", section=None, source=u.source,
                                 units=[u])) == {unit})


# --- 1. A province's plan in parts: part two named in five ways -------------------------

QUANG_NGAI = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 77/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Phát triển kinh tế số và xã hội số tỉnh Quảng Ngãi năm 2026

Căn cứ Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

PHẦN THỨ NHẤT
MỤC ĐÍCH, YÊU CẦU
Phát triển kinh tế số nhanh, bền vững, gắn với chuyển đổi số của tỉnh.

PHẦN THỨ HAI
NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số phục vụ kinh tế số trên địa bàn tỉnh.
2. Thúc đẩy thương mại điện tử trong doanh nghiệp nhỏ và vừa, hợp tác xã.
3. Đào tạo kỹ năng số cho người lao động tại các khu công nghiệp.
4. Phát triển nền tảng dữ liệu mở của tỉnh.
5. Bảo đảm an toàn thông tin mạng cho hệ thống chính quyền số.
6. Đánh giá mức độ phát triển kinh tế số cấp xã.

PHẦN THỨ BA
TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ: Chủ trì thực hiện nhiệm vụ tại mục 1 Phần thứ hai Kế hoạch này; phối hợp thực hiện nhiệm vụ tại mục 4 Phần II.
2. Sở Công Thương: Chủ trì thực hiện nhiệm vụ tại mục 2 Phần thứ 2.
3. Sở Nội vụ chủ trì thực hiện nhiệm vụ tại mục 3 phần 2 Kế hoạch này.
4. Văn phòng UBND tỉnh chủ trì thực hiện nhiệm vụ tại mục 4 Mục thứ hai.
5. Công an tỉnh chủ trì thực hiện nhiệm vụ tại mục 5 Phần thứ hai; phối hợp thực hiện nhiệm vụ tại mục 6 Quyết định số 12/QĐ-UBND ngày 08/01/2026 của UBND tỉnh.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Phước Hiền
"""


@pytest.mark.parametrize("form", FORMS)
def test_part_headings_are_sections_and_no_tasks(form):
    """"PHẦN THỨ HAI" with its title on the line below is section II; neither line is a task,
    and the purpose part holds none."""
    plan = read(QUANG_NGAI, form)
    assert [t.id for t in plan.tasks] == [f"II.{n}" for n in range(1, 7)] + [f"III.{n}" for n in range(1, 6)]
    assert {t.section for t in plan.tasks} == {"II", "III"}


@pytest.mark.parametrize("form", FORMS)
def test_part_two_named_in_every_way(form):
    plan = read(QUANG_NGAI, form)
    assert roles(find(plan, "Phát triển hạ tầng số phục vụ")) == ({SKHCN}, set())  # Phần thứ hai
    assert roles(find(plan, "Thúc đẩy thương mại điện tử")) == ({"so cong thuong"}, set())  # Phần thứ 2
    assert roles(find(plan, "Đào tạo kỹ năng số cho người lao động")) == ({"so noi vu"}, set())  # phần 2
    assert roles(find(plan, "nền tảng dữ liệu mở")) == ({"van phong ubnd tinh"}, {SKHCN})  # Mục thứ hai, Phần II
    assert roles(find(plan, "Bảo đảm an toàn thông tin mạng")) == ({"cong an tinh"}, set())


@pytest.mark.parametrize("form", FORMS)
def test_an_item_of_a_decision_assigns_nothing(form):
    """"mục 6 Quyết định số 12/QĐ-UBND" is not item 6 of this plan."""
    plan = read(QUANG_NGAI, form)
    assert find(plan, "Đánh giá mức độ phát triển kinh tế số").units == []


# --- 2. A department's plan: "Phần I." headings, duties "Nhiệm vụ N:" named by number -----

LANG_SON = """UBND TỈNH LẠNG SƠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 40/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lạng Sơn, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Nâng cao năng suất và chất lượng sản phẩm, hàng hóa năm 2026

Phần I. MỤC ĐÍCH, YÊU CẦU
Nâng cao năng suất, chất lượng sản phẩm, hàng hóa của doanh nghiệp trên địa bàn tỉnh.

Phần II. NHIỆM VỤ TRỌNG TÂM
Nhiệm vụ 1: Hỗ trợ 10 doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến.
Nhiệm vụ 2: Xây dựng 02 mô hình điểm về cải tiến năng suất tại hợp tác xã.
Nhiệm vụ 3: Tuyên truyền về năng suất chất lượng trên Cổng thông tin điện tử của Sở.
Nhiệm vụ 4: Đo lường năng suất lao động của ngành chế biến nông sản.

Phần III. TỔ CHỨC THỰC HIỆN
1. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì thực hiện nhiệm vụ 1, nhiệm vụ số 2 Phần thứ hai Kế hoạch này.
2. Văn phòng Sở chủ trì thực hiện nhiệm vụ thứ ba; phối hợp thực hiện nhiệm vụ ở mục 4 Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh.
3. Phòng Quản lý chuyên ngành chủ trì thực hiện nhiệm vụ tại mục 4 Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
GIÁM ĐỐC
Hoàng Văn Tuấn
"""

CHI_CUC = "chi cuc tieu chuan do luong chat luong"


@pytest.mark.parametrize("form", FORMS)
def test_duties_named_nhiem_vu_by_number_and_ordinal(form):
    plan = read(LANG_SON, form)
    assert [t.id for t in plan.tasks if t.section == "II"] == ["II.NV1", "II.NV2", "II.NV3", "II.NV4"]
    assert roles(find(plan, "hệ thống quản lý chất lượng tiên tiến")) == ({CHI_CUC}, set())
    assert roles(find(plan, "mô hình điểm về cải tiến năng suất")) == ({CHI_CUC}, set())
    assert roles(find(plan, "Tuyên truyền về năng suất chất lượng")) == ({"van phong so"}, set())


@pytest.mark.parametrize("form", FORMS)
def test_a_decisions_item_is_not_the_plans_duty(form):
    """"nhiệm vụ ở mục 4 Quyết định số 12/QĐ-UBND": duty 4 of this plan stays without units."""
    plan = read(LANG_SON, form)
    assert find(plan, "Đo lường năng suất lao động").units == []


# --- 3. A department's plan: partners name the lead they work with ---------------------

GIA_LAI = """UBND TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 118/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 16 tháng 4 năm 2026

KẾ HOẠCH
Phát triển thị trường khoa học và công nghệ tỉnh Gia Lai năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Thúc đẩy thương mại hóa kết quả nghiên cứu khoa học và phát triển công nghệ.

II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát, đề xuất sửa đổi chính sách hỗ trợ doanh nghiệp nhận chuyển giao công nghệ.
2. Phát triển các tổ chức trung gian của thị trường
2.1. Kết nối sàn giao dịch công nghệ của tỉnh với sàn giao dịch công nghệ quốc gia.
2.2. Tổ chức Chợ công nghệ và thiết bị khu vực Tây Nguyên.
3. Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới công nghệ, thiết bị.
4. Xây dựng cơ sở dữ liệu chuyên gia khoa học và công nghệ của tỉnh.
Đơn vị chủ trì: Sở Nội vụ.
Thời gian thực hiện: Quý III/2026.
5. Tuyên truyền về thị trường khoa học và công nghệ trên báo, đài của tỉnh.

III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch; phối hợp với Sở Khoa học và Công nghệ thực hiện nhiệm vụ tại mục 3 Mục II.
2. Sở Công Thương phối hợp với Trung tâm Ứng dụng khoa học và công nghệ triển khai các nhiệm vụ nêu tại điểm 2.1 mục II Kế hoạch này.
3. Phòng Quản lý khoa học chủ trì, phối hợp với các đơn vị liên quan thực hiện nhiệm vụ tại mục 1 Mục II.
4. Liên minh Hợp tác xã tỉnh phối hợp với Sở Giáo dục và Đào tạo thực hiện nhiệm vụ tại mục 4 Mục II.
5. Sở Ngoại vụ chủ trì, phối hợp với Sở Công Thương tổ chức thực hiện nhiệm vụ tại tiểu mục 2.2 Mục II.
6. Báo và Phát thanh, Truyền hình Gia Lai phối hợp với Sở Văn hóa, Thể thao và Du lịch thực hiện nhiệm vụ tại mục 5 Kế hoạch số 45/KH-UBND ngày 20/02/2026 của UBND tỉnh.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLKH.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Hùng
"""

CENTRE = "trung tam ung dung khoa hoc va cong nghe"


@pytest.mark.parametrize("form", FORMS)
def test_the_unit_worked_with_leads(form):
    """"Sở Tài chính: …; phối hợp với Sở Khoa học và Công nghệ thực hiện nhiệm vụ tại mục 3":
    science and technology leads item 3, finance partners it."""
    plan = read(GIA_LAI, form)
    assert roles(find(plan, "Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới")) == ({SKHCN}, {"so tai chinh"})
    assert roles(by_id(plan, "II.2.1")) == ({CENTRE}, {"so cong thuong"})


@pytest.mark.parametrize("form", FORMS)
def test_the_unit_worked_with_leads_beside_a_tasks_own_lead(form):
    """Item 4 names its lead below it; the paragraph's named lead stands beside it, each
    quoted from its own line."""
    plan = read(GIA_LAI, form)
    task = find(plan, "cơ sở dữ liệu chuyên gia")
    assert roles(task) == ({"so noi vu", "so giao duc va dao tao"}, {"lien minh hop tac xa tinh"})
    assert quoted_at(task, "so noi vu") == line_no(GIA_LAI, "Đơn vị chủ trì: Sở Nội vụ")
    assert quoted_at(task, "so giao duc va dao tao") == line_no(GIA_LAI, "4. Liên minh Hợp tác xã")


@pytest.mark.parametrize("form", FORMS)
def test_a_lead_working_with_a_unit_has_it_as_partner(form):
    """"Sở Ngoại vụ chủ trì, phối hợp với Sở Công Thương …": the department of industry
    partners; "phối hợp với các đơn vị liên quan" names no one in particular."""
    plan = read(GIA_LAI, form)
    assert roles(find(plan, "Chợ công nghệ và thiết bị")) == ({"so ngoai vu"}, {"so cong thuong"})
    assert roles(find(plan, "Rà soát, đề xuất sửa đổi chính sách")) == ({"phong quan ly khoa hoc"}, set())


@pytest.mark.parametrize("form", FORMS)
def test_the_named_lead_is_quoted_from_the_partners_paragraph(form):
    plan = read(GIA_LAI, form)
    task = find(plan, "Hỗ trợ doanh nghiệp nhỏ và vừa đổi mới")
    assert quoted_at(task, SKHCN) == line_no(GIA_LAI, "1. Sở Tài chính: Tham mưu")


@pytest.mark.parametrize("form", FORMS)
def test_working_with_a_unit_on_another_plans_item_assigns_nothing(form):
    """"… phối hợp với Sở Văn hóa, Thể thao và Du lịch thực hiện nhiệm vụ tại mục 5 Kế hoạch số
    45/KH-UBND": item 5 of this plan gets neither unit."""
    plan = read(GIA_LAI, form)
    assert find(plan, "Tuyên truyền về thị trường").units == []


# --- 4. A province's plan: sub-items, points, listed clauses and ranges ---------------

HA_TINH = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 90/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Chuyển đổi số tỉnh Hà Tĩnh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số toàn diện trên địa bàn tỉnh.

II. NHIỆM VỤ TRỌNG TÂM
1. Phát triển hạ tầng số
1.1. Nâng cấp mạng cáp quang đến các xã vùng sâu.
1.2. Phủ sóng di động 5G tại các khu công nghiệp.
1.3. Xây dựng trung tâm dữ liệu dùng chung của tỉnh.
2. Phát triển thương mại điện tử
2.1. Đưa sản phẩm OCOP lên các sàn thương mại điện tử.
2.2. Tập huấn bán hàng trực tuyến cho hộ kinh doanh.
2.3. Phát triển hệ thống thanh toán không dùng tiền mặt tại chợ.
3. Phát triển nhân lực số
a) Đào tạo kỹ năng số cho cán bộ, công chức cấp xã.
b) Phổ cập kỹ năng số cho người dân qua Tổ công nghệ số cộng đồng.
c) Đào tạo chuyên gia an toàn thông tin.
d) Thu hút chuyên gia công nghệ về làm việc tại tỉnh.
e) Đánh giá kết quả phổ cập kỹ năng số.

III. GIẢI PHÁP
1. Hoàn thiện quy chế quản lý, khai thác dữ liệu dùng chung.
2. Bố trí kinh phí từ ngân sách tỉnh cho chuyển đổi số.
3. Huy động nguồn lực xã hội hóa đầu tư hạ tầng số.
4. Tăng cường hợp tác với các tập đoàn viễn thông.
5. Thông tin, tuyên truyền về chuyển đổi số.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ: Chủ trì thực hiện nhiệm vụ 1.3 Mục II; chủ trì triển khai tiểu mục 2.1 phần II.
2. Sở Công Thương chủ trì thực hiện nội dung tại điểm 2.3 mục II Kế hoạch này.
3. Sở Nội vụ chủ trì thực hiện các nhiệm vụ từ điểm a đến điểm d khoản 3 Mục II.
4. Sở Tài chính chủ trì thực hiện các nội dung tại khoản 1, 2, 3 Mục III.
5. Sở Giáo dục và Đào tạo phối hợp thực hiện các nhiệm vụ từ mục 1 đến mục 5 Mục III.
6. Viễn thông Hà Tĩnh chủ trì thực hiện các nhiệm vụ nêu tại Mục III.4; phối hợp thực hiện nhiệm vụ tại Mục II.1.2.
7. Báo và Phát thanh, Truyền hình Hà Tĩnh chủ trì thực hiện nhiệm vụ tại mục 5 Mục III.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Báu Hà
"""

TELECOM = "vien thong ha tinh"


@pytest.mark.parametrize("form", FORMS)
def test_sub_items_named_as_nhiem_vu_tieu_muc_diem_and_dotted_section(form):
    plan = read(HA_TINH, form)
    assert roles(find(plan, "trung tâm dữ liệu dùng chung")) == ({SKHCN}, set())  # nhiệm vụ 1.3 Mục II
    assert roles(find(plan, "Đưa sản phẩm OCOP")) == ({SKHCN}, set())  # tiểu mục 2.1 phần II
    assert roles(find(plan, "thanh toán không dùng tiền mặt")) == ({"so cong thuong"}, set())  # điểm 2.3 mục II
    assert roles(find(plan, "Phủ sóng di động 5G")) == (set(), {TELECOM})  # Mục II.1.2
    assert find(plan, "Tập huấn bán hàng trực tuyến").units == []


@pytest.mark.parametrize("form", FORMS)
def test_a_range_of_points_stops_at_its_last(form):
    """"từ điểm a đến điểm d khoản 3 Mục II": points a to d, not e."""
    plan = read(HA_TINH, form)
    for letter in "abcd":
        assert roles(by_id(plan, f"II.3.{letter}")) == ({"so noi vu"}, set()), letter
    assert by_id(plan, "II.3.e").units == []


@pytest.mark.parametrize("form", FORMS)
def test_listed_clauses_a_range_of_items_and_a_dotted_section(form):
    plan = read(HA_TINH, form)
    for n in (1, 2, 3):  # khoản 1, 2, 3 Mục III; từ mục 1 đến mục 5
        assert roles(by_id(plan, f"III.{n}")) == ({"so tai chinh"}, {"so giao duc va dao tao"}), n
    assert roles(by_id(plan, "III.4")) == ({TELECOM}, {"so giao duc va dao tao"})  # Mục III.4
    assert roles(by_id(plan, "III.5")) == ({"bao va phat thanh, truyen hinh ha tinh"}, {"so giao duc va dao tao"})


# --- 5. Parts holding Roman sections; references into other documents ---------------

DAK_LAK = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 301/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Lắk, ngày 02 tháng 6 năm 2026

KẾ HOẠCH
Thực hiện Chương trình chuyển đổi số tỉnh Đắk Lắk giai đoạn 2026-2030

PHẦN THỨ NHẤT
KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025
I. Kết quả đạt được
1. Hạ tầng số được đầu tư đồng bộ đến cấp xã.
2. Cơ sở dữ liệu dân cư được kết nối với các hệ thống của tỉnh.
3. Tỷ lệ hồ sơ trực tuyến toàn trình đạt 60%.

PHẦN THỨ HAI
NHIỆM VỤ GIAI ĐOẠN 2026-2030
I. MỤC TIÊU
Đến năm 2030, 100% xã có hạ tầng số đáp ứng yêu cầu chuyển đổi số.
II. NHIỆM VỤ, GIẢI PHÁP
1. Đầu tư hạ tầng số cho các xã vùng đồng bào dân tộc thiểu số.
2. Phát triển dữ liệu số về đất đai, dân cư.
3. Phát triển nhân lực số cho chính quyền cấp xã.
4. Bảo đảm an toàn, an ninh mạng cho hệ thống thông tin của tỉnh.
III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì thực hiện các nội dung tại khoản 1–2 Mục thứ hai Phần thứ hai Kế hoạch này.
2. Sở Nông nghiệp và Môi trường chủ trì thực hiện nhiệm vụ tại khoản 3 Phần thứ hai Mục II; phối hợp thực hiện nhiệm vụ tại khoản 2.
3. Công an tỉnh chủ trì thực hiện nhiệm vụ tại mục 4 Chương II Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ; phối hợp thực hiện các nội dung tại khoản 1 Điều 5 Thông tư số 03/2026/TT-BCA.
4. Sở Dân tộc và Tôn giáo chủ trì thực hiện nhiệm vụ tại mục 1 Chương trình số 15-CTr/TU ngày 10/5/2026 của Tỉnh ủy.
5. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện nhiệm vụ tại khoản 4 Mục II Phần thứ hai.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thiên Văn
"""

FARMING = "so nong nghiep va moi truong"


@pytest.mark.parametrize("form", FORMS)
def test_parts_above_roman_sections(form):
    """Part headings open no task; the results part one reports are no tasks, and sections
    restarting in part two are scoped to it ("P2.II")."""
    plan = read(DAK_LAK, form)
    assert [t.id for t in plan.tasks] == [f"P2.II.{n}" for n in range(1, 5)] + [f"P2.III.{n}" for n in range(1, 6)]
    assert roles(find(plan, "Đầu tư hạ tầng số cho các xã")) == ({SKHCN}, set())  # khoản 1–2 Mục thứ hai
    assert roles(find(plan, "Phát triển dữ liệu số về đất đai")) == ({SKHCN}, {FARMING})
    assert roles(find(plan, "Phát triển nhân lực số")) == ({FARMING}, set())  # khoản 3 Phần thứ hai Mục II


@pytest.mark.parametrize("form", FORMS)
def test_a_decrees_chapter_and_a_circulars_article_assign_nothing(form):
    """"mục 4 Chương II Nghị định số 13/2023/NĐ-CP", "khoản 1 Điều 5 Thông tư …", "mục 1
    Chương trình số 15-CTr/TU" and an office that only follows up leave the plan's items alone."""
    plan = read(DAK_LAK, form)
    assert find(plan, "Bảo đảm an toàn, an ninh mạng").units == []
    assert "cong an tinh" not in units_of(find(plan, "Đầu tư hạ tầng số cho các xã"))
    assert "so dan toc va ton giao" not in {u for t in plan.tasks if t.section != "P2.III" for u in units_of(t)}


# --- 6. One reading in any Unicode form or tone placement ---------------------------------

@pytest.mark.parametrize("text", [QUANG_NGAI, LANG_SON, GIA_LAI, HA_TINH, DAK_LAK],
                         ids=["parts", "duties", "worked-with", "numberings", "parts-and-sections"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
