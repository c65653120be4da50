# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Units given their tasks by the tasks' numbers, in the implementation section of a plan.

Our own writing in the Vietnamese administrative style: tasks listed under "II. NHIỆM VỤ, GIẢI
PHÁP" without units, then "III. TỔ CHỨC THỰC HIỆN" giving each unit a paragraph that points back
at them ("Chủ trì thực hiện các nhiệm vụ tại mục 1, 2, 5 phần II Kế hoạch này; phối hợp thực
hiện nhiệm vụ tại mục 3"): a province's People's Committee plan, a department's plan with
lettered points ("điểm a, b khoản 1 Mục II"), a commune's plan of 2025 with sub-items
("tiểu mục 3.1, 3.2 Mục II") and a provincial Party committee's plan whose tasks are split
between two sections and an appendix table ("nhiệm vụ số 3, 4 tại Phụ lục I").
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Task
from tests.layouts import (
    assert_same_reading_in_any_form,
    by_id,
    find,
    line_no,
    parse,
    roles,
    units_of,
)

FORMS = ("NFC", "NFD")





# --- 1. A province's plan: items of part II named by number, a group's paragraph ----------

QUANG_TRI = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 145/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 10 tháng 4 năm 2026

KẾ HOẠCH
Phát triển thị trường khoa học và công nghệ tỉnh Quảng Trị năm 2026

Thực hiện Quyết định số 2166/QĐ-TTg ngày 30/12/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Thúc đẩy hoạt động mua bán, chuyển giao công nghệ trên địa bàn tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện cơ chế, chính sách hỗ trợ phát triển thị trường khoa học và công nghệ của tỉnh.
2. Xây dựng sàn giao dịch công nghệ trực tuyến kết nối với sàn quốc gia.
3. Hỗ trợ doanh nghiệp đổi mới công nghệ, nhận chuyển giao công nghệ tiên tiến.
4. Bố trí kinh phí thực hiện các chương trình hỗ trợ doanh nghiệp.
5. Tổ chức sự kiện kết nối cung cầu công nghệ hằng năm.
6. Đánh giá kết quả phát triển thị trường khoa học và công nghệ giai đoạn 2021-2025.

III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ: Chủ trì thực hiện các nhiệm vụ tại mục 1, 2, 5 phần II Kế hoạch này; phối hợp thực hiện nhiệm vụ tại mục 3.
2. Sở Tài chính: Chủ trì thực hiện nhiệm vụ tại mục 4 phần II; tham mưu bố trí kinh phí thực hiện Kế hoạch.
3. Sở Công Thương: Chủ trì, phối hợp với các đơn vị liên quan thực hiện nhiệm vụ tại mục 3 phần II; phối hợp với Sở Khoa học và Công nghệ tổ chức hội chợ công nghệ và thiết bị.
4. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện nhiệm vụ tại mục 6 phần II.
5. Các sở, ban, ngành, UBND các xã, phường: Theo chức năng, nhiệm vụ được giao tại Phụ lục kèm theo, phối hợp thực hiện Kế hoạch này.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Nam
"""

SKHCN = "so khoa hoc va cong nghe"


@pytest.mark.parametrize("form", FORMS)
def test_province_items_take_the_unit_that_names_them(form):
    plan = parse(unicodedata.normalize(form, QUANG_TRI))
    for words in ("Hoàn thiện cơ chế", "Xây dựng sàn giao dịch", "Tổ chức sự kiện kết nối"):
        assert units_of(find(plan, words), "lead") == {SKHCN}, words
    assert roles(find(plan, "Bố trí kinh phí thực hiện các chương trình")) == ({"so tai chinh"}, set())


@pytest.mark.parametrize("form", FORMS)
def test_partner_by_number_and_lead_by_number_meet_on_one_task(form):
    """Item 3: the department of industry leads ("Chủ trì, phối hợp với … mục 3"), science and
    technology partners ("phối hợp thực hiện nhiệm vụ tại mục 3", in part II as said before)."""
    plan = parse(unicodedata.normalize(form, QUANG_TRI))
    assert roles(find(plan, "Hỗ trợ doanh nghiệp đổi mới công nghệ")) == ({"so cong thuong"}, {SKHCN})


@pytest.mark.parametrize("form", FORMS)
def test_oversight_and_group_duties_assign_no_numbered_task(form):
    plan = parse(unicodedata.normalize(form, QUANG_TRI))
    assert find(plan, "Đánh giá kết quả phát triển thị trường").units == []
    grouped = {"cac so, ban, nganh", "ubnd cac xa, phuong"}
    assert all(not units_of(t) & grouped for t in plan.tasks if t.section == "II")


@pytest.mark.parametrize("form", FORMS)
def test_unit_paragraphs_stay_tasks_and_none_is_duplicated(form):
    plan = parse(unicodedata.normalize(form, QUANG_TRI))
    assert [t.id for t in plan.tasks] == [f"II.{n}" for n in range(1, 7)] + [f"III.{n}" for n in range(1, 6)]
    assert units_of(find(plan, "tham mưu bố trí kinh phí thực hiện Kế hoạch"), "lead") == {"so tai chinh"}


@pytest.mark.parametrize("form", FORMS)
def test_assignment_quotes_the_unit_paragraph(form):
    plan = parse(unicodedata.normalize(form, QUANG_TRI))
    lead = next(u for u in find(plan, "Xây dựng sàn giao dịch").units if u.role == "lead")
    assert lead.source.line_start == line_no(QUANG_TRI, "1. Sở Khoa học và Công nghệ: Chủ trì")
    assert "mục 1, 2, 5 phần II" in unicodedata.normalize("NFC", lead.source.quote)
    partner = next(u for u in find(plan, "Hỗ trợ doanh nghiệp đổi mới").units if u.role == "support")
    assert partner.source.line_start == line_no(QUANG_TRI, "1. Sở Khoa học và Công nghệ: Chủ trì")


# --- 2. A department's plan: lettered points of numbered clauses, a unit heading's bullets ---

GIA_LAI = """UBND TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 52/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số của Sở Khoa học và Công nghệ năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả chuyển đổi số trong hoạt động của Sở.

II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế
a) Rà soát, ban hành quy chế quản lý, vận hành hệ thống thông tin của Sở.
b) Cập nhật danh mục dịch vụ công trực tuyến toàn trình.
c) Xây dựng quy định về lưu trữ hồ sơ điện tử của Sở.
2. Phát triển hạ tầng số
a) Nâng cấp mạng nội bộ và trang thiết bị của các phòng.
b) Bảo đảm an toàn thông tin cấp độ 2 cho hệ thống quản lý văn bản.
c) Thuê dịch vụ lưu trữ dữ liệu trên nền tảng điện toán đám mây.
3. Phát triển nguồn nhân lực số
Tổ chức tập huấn kỹ năng số cho công chức, viên chức. Thời gian: Quý III/2026.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
- Chủ trì thực hiện nhiệm vụ nêu tại điểm a, b khoản 1 Mục II Kế hoạch này.
- Phối hợp thực hiện nhiệm vụ tại điểm c khoản 2 Mục II.
2. Trung tâm Ứng dụng khoa học và công nghệ: Chủ trì thực hiện các nhiệm vụ quy định tại điểm a, b khoản 2 Mục II; phối hợp thực hiện nhiệm vụ tại khoản 3 Mục II.
3. Phòng Kế hoạch - Tài chính chủ trì thực hiện nhiệm vụ tại khoản 3 Mục II; tham mưu bố trí kinh phí theo quy định tại điểm c khoản 1 Quyết định số 1200/QĐ-UBND ngày 10/12/2025 của UBND tỉnh.
4. Các phòng, đơn vị trực thuộc Sở căn cứ nhiệm vụ được giao tại Kế hoạch này triển khai thực hiện.

Nơi nhận:
- Lãnh đạo Sở;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Hùng
"""

CENTRE = "trung tam ung dung khoa hoc va cong nghe"
FINANCE = "phong ke hoach – tai chinh"


@pytest.mark.parametrize("form", FORMS)
def test_lettered_points_of_a_clause(form):
    plan = parse(unicodedata.normalize(form, GIA_LAI))
    assert roles(by_id(plan, "II.1.a")) == ({"van phong so"}, set())
    assert roles(by_id(plan, "II.1.b")) == ({"van phong so"}, set())
    assert roles(by_id(plan, "II.2.a")) == ({CENTRE}, set())
    assert roles(by_id(plan, "II.2.b")) == ({CENTRE}, set())
    assert roles(by_id(plan, "II.2.c")) == (set(), {"van phong so"})


@pytest.mark.parametrize("form", FORMS)
def test_a_clause_named_whole_hands_its_units_to_the_duty_under_it(form):
    plan = parse(unicodedata.normalize(form, GIA_LAI))
    duty = find(plan, "Tổ chức tập huấn kỹ năng số")
    assert duty.parent == "II.3"
    assert roles(duty) == ({FINANCE}, {CENTRE})
    assert duty.deadline is not None and duty.deadline.text == "Quý III/2026"


@pytest.mark.parametrize("form", FORMS)
def test_a_point_of_another_document_assigns_nothing(form):
    """"điểm c khoản 1 Quyết định số 1200/QĐ-UBND" is not point c of clause 1 of this plan."""
    plan = parse(unicodedata.normalize(form, GIA_LAI))
    assert by_id(plan, "II.1.c").units == []


# --- 3. A commune's plan of 2025: sub-items "tiểu mục 3.1, 3.2 Mục II", "Giao …" --------

DUC_TRONG = """ỦY BAN NHÂN DÂN
XÃ ĐỨC TRỌNG
Số: 18/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đức Trọng, ngày 20 tháng 8 năm 2025

KẾ HOẠCH
Cải cách hành chính xã Đức Trọng năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân, doanh nghiệp.

II. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
1.1. Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành.
1.2. Kiểm tra việc thực hiện văn bản quy phạm pháp luật trên địa bàn xã.
2. Cải cách thủ tục hành chính
2.1. Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã.
2.2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
3. Cải cách tổ chức bộ máy
3.1. Sắp xếp vị trí việc làm của công chức xã.
3.2. Đánh giá, xếp loại công chức theo kết quả thực hiện nhiệm vụ.

III. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng HĐND và UBND xã chủ trì triển khai nội dung tại các tiểu mục 3.1, 3.2 Mục II; phối hợp thực hiện tiểu mục 2.2 Mục II.
2. Phòng Kinh tế chủ trì thực hiện các nội dung nêu tại tiểu mục 2.1 và 2.2 mục II Kế hoạch này.
3. Giao Phòng Văn hóa - Xã hội chủ trì thực hiện tiểu mục 1.1, 1.2.
4. Trung tâm Phục vụ hành chính công xã phối hợp thực hiện nội dung tại tiểu mục 2.1 Mục II.

Nơi nhận:
- UBND tỉnh Lâm Đồng;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình
"""

OFFICE = "van phong hdnd va ubnd xa"


@pytest.mark.parametrize("form", FORMS)
def test_commune_sub_items(form):
    plan = parse(unicodedata.normalize(form, DUC_TRONG))
    assert roles(find(plan, "Sắp xếp vị trí việc làm")) == ({OFFICE}, set())
    assert roles(find(plan, "Đánh giá, xếp loại công chức")) == ({OFFICE}, set())
    assert roles(find(plan, "Công khai thủ tục hành chính")) == (
        {"phong kinh te"}, {"trung tam phuc vu hanh chinh cong xa"})
    assert roles(find(plan, "Số hóa hồ sơ")) == ({"phong kinh te"}, {OFFICE})


@pytest.mark.parametrize("form", FORMS)
def test_a_sub_item_without_its_section_is_in_the_tasks_part(form):
    """"tiểu mục 1.1, 1.2" names no section: the plan's tasks part, not the paragraph's own."""
    plan = parse(unicodedata.normalize(form, DUC_TRONG))
    for words in ("Rà soát văn bản quy phạm", "Kiểm tra việc thực hiện văn bản"):
        assert roles(find(plan, words)) == ({"phong van hoa - xa hoi"}, set()), words
    assert find(plan, "Cải cách thể chế").units == []


# --- 4. A Party committee's plan: two task sections, an appendix table, a steered unit ----

LANG_SON = """ĐẢNG BỘ TỈNH LẠNG SƠN
BAN THƯỜNG VỤ TỈNH ỦY
Số: 65-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lạng Sơn, ngày 15 tháng 5 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia

I. MỤC ĐÍCH, YÊU CẦU
Quán triệt sâu sắc Nghị quyết trong toàn Đảng bộ.

II. NHIỆM VỤ
1. Nâng cao nhận thức của cấp ủy, chính quyền về vai trò của khoa học, công nghệ.
2. Hoàn thiện cơ chế thu hút nhân lực chất lượng cao về công tác tại tỉnh.

III. GIẢI PHÁP
1. Ưu tiên bố trí ngân sách cho khoa học, công nghệ và chuyển đổi số.
2. Đẩy mạnh hợp tác với các viện, trường đại học trong nước.

IV. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì thực hiện mục 1 phần II và nhiệm vụ số 1, 2 tại Phụ lục I; phối hợp thực hiện nhiệm vụ số 4 tại Phụ lục I.
2. Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh chủ trì thực hiện mục 1 phần III và nhiệm vụ số 3, 4 tại Phụ lục I.
3. Ban Tổ chức Tỉnh ủy chủ trì thực hiện mục 2 phần II.
4. Các cấp ủy, tổ chức đảng theo chức năng, nhiệm vụ được giao tại Phụ lục kèm theo xây dựng kế hoạch thực hiện.
5. Văn phòng Tỉnh ủy chủ trì tổng hợp kết quả thực hiện mục 2 phần III của Kế hoạch số 12-KH/TU ngày 02/3/2025 của Tỉnh ủy.

Nơi nhận:
- Ban Bí thư;
- Lưu: VPTU.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Hà Văn Thắng

PHỤ LỤC I
NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW
(Kèm theo Kế hoạch số 65-KH/TU ngày 15/5/2025 của Ban Thường vụ Tỉnh ủy)

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Tổ chức quán triệt Nghị quyết số 57-NQ/TW trong toàn Đảng bộ | | | Quý II/2025 |
| 2 | Tuyên truyền về vai trò của khoa học, công nghệ trên báo Lạng Sơn | | | Thường xuyên |
| 3 | Xây dựng Đề án phát triển hạ tầng số của tỉnh | | Sở Tài chính | Năm 2025 |
| 4 | Xây dựng cơ sở dữ liệu về đội ngũ trí thức của tỉnh | Sở Khoa học và Công nghệ | | Năm 2026 |
"""

PROPAGANDA = "ban tuyen giao va dan van tinh uy"


@pytest.mark.parametrize("form", FORMS)
def test_item_one_of_part_two_is_not_item_one_of_part_three(form):
    plan = parse(unicodedata.normalize(form, LANG_SON))
    assert roles(find(plan, "Nâng cao nhận thức của cấp ủy")) == ({PROPAGANDA}, set())
    assert roles(find(plan, "Ưu tiên bố trí ngân sách")) == ({"ubnd tinh"}, set())
    assert roles(find(plan, "Hoàn thiện cơ chế thu hút nhân lực")) == ({"ban to chuc tinh uy"}, set())


@pytest.mark.parametrize("form", FORMS)
def test_appendix_rows_by_number(form):
    plan = parse(unicodedata.normalize(form, LANG_SON))
    assert roles(find(plan, "Tổ chức quán triệt Nghị quyết")) == ({PROPAGANDA}, set())
    assert roles(find(plan, "Tuyên truyền về vai trò")) == ({PROPAGANDA}, set())
    row = find(plan, "Đề án phát triển hạ tầng số")
    assert roles(row) == ({"ubnd tinh"}, {"so tai chinh"})
    assert row.deadline is not None and row.deadline.text == "Năm 2025"


@pytest.mark.parametrize("form", FORMS)
def test_a_row_with_its_own_lead_keeps_it_beside_the_named_one(form):
    """Row 4 names its lead in the table, the paragraph names another: both are the plan's
    word, each quoted from its own line."""
    plan = parse(unicodedata.normalize(form, LANG_SON))
    row = find(plan, "cơ sở dữ liệu về đội ngũ trí thức")
    assert roles(row) == ({SKHCN, "ubnd tinh"}, {PROPAGANDA})
    lines = {fold_name: u.source.line_start for u in row.units
             for fold_name in units_of(Task(id="", number="", text="", section=None,
                                            source=u.source, units=[u]))}
    assert lines[SKHCN] == line_no(LANG_SON, "| 4 | Xây dựng cơ sở dữ liệu")
    assert lines["ubnd tinh"] == line_no(LANG_SON, "2. Đảng ủy UBND tỉnh lãnh đạo")


@pytest.mark.parametrize("form", FORMS)
def test_another_plans_section_assigns_nothing(form):
    plan = parse(unicodedata.normalize(form, LANG_SON))
    assert find(plan, "Đẩy mạnh hợp tác với các viện").units == []
    assert len(plan.tasks) == 13


# --- 5. An appendix with no numeral of its own, a range of rows, another plan's appendix ----

BAC_NINH = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 210/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Ninh, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
Phát triển doanh nghiệp khởi nghiệp đổi mới sáng tạo tỉnh Bắc Ninh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Hình thành hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì thực hiện các nhiệm vụ từ số 2 đến số 4 tại Phụ lục kèm theo Kế hoạch này.
2. Tỉnh Đoàn Bắc Ninh phối hợp thực hiện nhiệm vụ số 1 tại Phụ lục kèm theo Kế hoạch này; chủ trì tổ chức các hoạt động tại mục 5 Phụ lục kèm theo Quyết định số 88/QĐ-UBND ngày 15/01/2025 của UBND tỉnh.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đào Quang Khải

PHỤ LỤC
NHIỆM VỤ PHÁT TRIỂN DOANH NGHIỆP KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO NĂM 2026
(Kèm theo Kế hoạch số 210/KH-UBND ngày 02/10/2025 của UBND tỉnh Bắc Ninh)

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo của thanh niên | Sở Khoa học và Công nghệ | | Quý III/2026 |
| 2 | Hỗ trợ ươm tạo doanh nghiệp khởi nghiệp tại các trường đại học | | | Năm 2026 |
| 3 | Kết nối quỹ đầu tư với doanh nghiệp khởi nghiệp của tỉnh | | | Năm 2026 |
| 4 | Cập nhật cơ sở dữ liệu hệ sinh thái khởi nghiệp | | | Quý IV/2026 |
| 5 | Đào tạo kỹ năng khởi nghiệp cho học sinh trung học phổ thông | | | Năm 2026 |
"""


@pytest.mark.parametrize("form", FORMS)
def test_rows_of_the_plans_only_appendix_by_range(form):
    plan = parse(unicodedata.normalize(form, BAC_NINH))
    for words in ("Hỗ trợ ươm tạo", "Kết nối quỹ đầu tư", "Cập nhật cơ sở dữ liệu hệ sinh thái"):
        assert roles(find(plan, words)) == ({SKHCN}, set()), words
    assert roles(find(plan, "Ngày hội khởi nghiệp")) == ({SKHCN}, {"tinh doan bac ninh"})


@pytest.mark.parametrize("form", FORMS)
def test_an_item_of_another_documents_appendix_assigns_nothing(form):
    plan = parse(unicodedata.normalize(form, BAC_NINH))
    assert find(plan, "Đào tạo kỹ năng khởi nghiệp").units == []


# --- 6. One reading in any Unicode form or tone placement ---------------------------------

@pytest.mark.parametrize("text", [QUANG_TRI, GIA_LAI, DUC_TRONG, LANG_SON, BAC_NINH],
                         ids=["province", "department", "commune", "party", "appendix"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
