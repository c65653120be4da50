# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans written in parts, whose Roman sections restart inside each part.

Our own writing in the Vietnamese administrative style: a department's plan "PHẦN THỨ NHẤT /
KẾT QUẢ THỰC HIỆN NĂM 2025 / I. KẾT QUẢ ĐẠT ĐƯỢC … II. HẠN CHẾ", "PHẦN THỨ HAI / NHIỆM VỤ NĂM
2026 / I. NHIỆM VỤ CHUNG … II. NHIỆM VỤ CỤ THỂ", "PHẦN THỨ BA / TỔ CHỨC THỰC HIỆN", whose closing
part names duties "tại mục 2 phần II Phần thứ hai", "mục 3 Phần thứ hai", "mục 2 Mục I Phần thứ
hai"; a province's report-plan whose first part assesses ("ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM
VỤ NĂM 2025") and whose second part holds its own "III. TỔ CHỨC THỰC HIỆN" naming "khoản 2 Mục
II"; a plan whose parts are its only sections ("Phần I. MỤC ĐÍCH, YÊU CẦU", "Phần II. NHIỆM
VỤ"); and a part that both reports and plans ("KẾT QUẢ NĂM 2025 VÀ NHIỆM VỤ NĂM 2026").
"""

from __future__ import annotations

import pytest

from policykg.loaders.model import Plan
from policykg.ontology.normalize import fold
from tests.layouts import assert_same_reading_in_any_form, by_id, find, roles, units_of
from tests.layouts import read_in as read

FORMS = ("NFC", "NFD")
SKHCN = "so khoa hoc va cong nghe"
QLCN = "phong quan ly cong nghe va thi truong cong nghe"
TDC = "chi cuc tieu chuan do luong chat luong"
VP = "van phong so"
TRUNG_TAM = "trung tam ung dung khoa hoc va cong nghe"





def said(plan: Plan, words: str) -> bool:
    """Whether any task's text holds ``words`` (compared without diacritics)."""
    return any(fold(words) in fold(t.text) for t in plan.tasks)


# --- 1. A department's plan in three parts: results, duties, who carries them out ---------

GIA_LAI = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 58/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 14 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số của Sở Khoa học và Công nghệ năm 2026

PHẦN THỨ NHẤT
KẾT QUẢ THỰC HIỆN NĂM 2025
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Đã hoàn thành 80% chỉ tiêu chuyển đổi số của tỉnh giao cho Sở.
2. Phòng Quản lý công nghệ đã tổ chức 05 lớp tập huấn chuyển đổi số cho doanh nghiệp.
3. Trung tâm Ứng dụng khoa học và công nghệ chủ trì vận hành ổn định Cổng thông tin điện tử của Sở.
II. HẠN CHẾ
1. Hạ tầng số còn thiếu đồng bộ.
2. Nguồn nhân lực chuyển đổi số chưa đáp ứng yêu cầu.

PHẦN THỨ HAI
NHIỆM VỤ NĂM 2026
I. NHIỆM VỤ CHUNG
1. Quán triệt, phổ biến Kế hoạch đến toàn thể công chức, viên chức của Sở.
- Đơn vị chủ trì: Văn phòng Sở.
- Đơn vị phối hợp: Các phòng, đơn vị trực thuộc Sở.
- Thời gian thực hiện: Quý I/2026.
2. Rà soát, chuẩn hóa quy trình nội bộ trên Hệ thống quản lý văn bản và điều hành.
II. NHIỆM VỤ CỤ THỂ
1. Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh.
- Đơn vị chủ trì: Phòng Quản lý khoa học.
- Đơn vị phối hợp: Trung tâm Ứng dụng khoa học và công nghệ.
- Thời gian thực hiện: Quý III/2026.
2. Tổ chức đánh giá mức độ chuyển đổi số của doanh nghiệp trên địa bàn tỉnh.
- Thời gian thực hiện: Quý IV/2026.
3. Số hóa hồ sơ đăng ký, lưu giữ kết quả nhiệm vụ khoa học và công nghệ.

PHẦN THỨ BA
TỔ CHỨC THỰC HIỆN
1. Phòng Quản lý công nghệ và Thị trường công nghệ chủ trì thực hiện nhiệm vụ tại mục 2 phần II Phần thứ hai; phối hợp với Chi cục Tiêu chuẩn Đo lường Chất lượng thực hiện nhiệm vụ tại mục 3 Phần thứ hai Kế hoạch này.
2. Văn phòng Sở chủ trì thực hiện nhiệm vụ tại mục 2 Mục I Phần thứ hai; theo dõi, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Giám đốc Sở trước ngày 15/12/2026.
3. Thanh tra Sở phối hợp thực hiện nhiệm vụ tại mục 2 Phần thứ hai.

Nơi nhận:
- Giám đốc, các Phó Giám đốc Sở;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Bình
"""


@pytest.mark.parametrize("form", FORMS)
def test_results_and_shortcomings_are_no_tasks(form):
    """Part one reports on 2025: its numbered results and shortcomings, even one naming a unit
    that "chủ trì", are not duties of the plan."""
    plan = read(GIA_LAI, form)
    assert len(plan.tasks) == 8
    for words in ("Đã hoàn thành 80% chỉ tiêu", "đã tổ chức 05 lớp tập huấn",
                  "vận hành ổn định Cổng thông tin", "Hạ tầng số còn thiếu đồng bộ",
                  "Nguồn nhân lực chuyển đổi số chưa đáp ứng"):
        assert not said(plan, words), words
    assert not any(t.section.startswith("P1") for t in plan.tasks)


@pytest.mark.parametrize("form", FORMS)
def test_sections_restarting_in_each_part_keep_their_own_ids(form):
    """Part two's sections "I" and "II" and part three's items each have an id of their own,
    scoped to their part, with no "-2" suffix."""
    plan = read(GIA_LAI, form)
    ids = [t.id for t in plan.tasks]
    assert ids == ["P2.I.1", "P2.I.2", "P2.II.1", "P2.II.2", "P2.II.3", "P3.1", "P3.2", "P3.3"]
    assert len(set(ids)) == len(ids)
    assert not any("-" in tid for tid in ids)
    assert find(plan, "Quán triệt, phổ biến Kế hoạch").section == "P2.I"
    assert find(plan, "Xây dựng cơ sở dữ liệu khoa học").section == "P2.II"
    assert [t.number for t in plan.tasks if t.section == "P2.II"] == ["1", "2", "3"]


@pytest.mark.parametrize("form", FORMS)
def test_labelled_duties_in_part_two(form):
    plan = read(GIA_LAI, form)
    first = find(plan, "Quán triệt, phổ biến Kế hoạch")
    assert units_of(first, "lead") == {VP}
    assert units_of(first, "support") == {"cac phong, don vi truc thuoc so"}
    assert first.deadline is not None and first.deadline.text == "Quý I/2026"
    data = find(plan, "Xây dựng cơ sở dữ liệu khoa học")
    assert roles(data) == ({"phong quan ly khoa hoc"}, {TRUNG_TAM})
    assert data.deadline is not None and data.deadline.text == "Quý III/2026"


@pytest.mark.parametrize("form", FORMS)
def test_references_by_number_find_the_task_in_the_named_part(form):
    """"mục 2 phần II Phần thứ hai" is item 2 of section II of part two, not of part one's
    section II; "mục 3 Phần thứ hai" the one item 3 of part two; "mục 2 Mục I Phần thứ hai"
    item 2 of its section I; "mục 2 Phần thứ hai" alone, held by both sections, names none."""
    plan = read(GIA_LAI, form)
    survey = by_id(plan, "P2.II.2")
    assert roles(survey) == ({QLCN}, set())
    assert survey.deadline is not None and survey.deadline.text == "Quý IV/2026"
    assert roles(by_id(plan, "P2.II.3")) == ({TDC}, {QLCN})
    assert roles(by_id(plan, "P2.I.2")) == ({VP}, set())
    assert "thanh tra so" not in {u for t in plan.tasks if t.section.startswith("P2") for u in units_of(t)}


# --- 2. A province's report-plan: an assessing part, then a part with its own closing section

NGHE_AN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 412/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Nghệ An năm 2026

PHẦN THỨ NHẤT
ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025
I. Kết quả đạt được
1. Sở Khoa học và Công nghệ đã tham mưu ban hành 12 văn bản chỉ đạo về đổi mới sáng tạo.
2. Hoàn thành 100% hồ sơ trực tuyến toàn trình.
II. Tồn tại, hạn chế và nguyên nhân
1. Đầu tư cho khoa học và công nghệ còn thấp.
III. Bài học kinh nghiệm
1. Phát huy vai trò người đứng đầu trong chỉ đạo chuyển đổi số.

PHẦN THỨ HAI
PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026
I. MỤC TIÊU
1. Phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tham mưu bố trí kinh phí sự nghiệp khoa học và công nghệ tối thiểu 2% tổng chi ngân sách tỉnh; thời gian: Quý II/2026.
2. Phát triển hạ tầng số đồng bộ đến cấp xã.
3. Xây dựng Trung tâm đổi mới sáng tạo tỉnh Nghệ An.
III. TỔ CHỨC THỰC HIỆN
1. Công an tỉnh chủ trì thực hiện nhiệm vụ tại khoản 2 Mục II Kế hoạch này.
2. Sở Công Thương chủ trì thực hiện nhiệm vụ tại khoản 3 Phần thứ hai Mục II; Sở Tài chính phối hợp thực hiện nhiệm vụ tại khoản 2.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Bùi Đình Long
"""


@pytest.mark.parametrize("form", FORMS)
def test_an_assessing_part_holds_no_tasks_even_naming_duties(form):
    """"ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025" names duties but reports on them: none of
    its results, shortcomings or lessons is a task; part two's targets are none either."""
    plan = read(NGHE_AN, form)
    assert [t.id for t in plan.tasks] == ["P2.II.1", "P2.II.2", "P2.II.3", "P2.III.1", "P2.III.2"]
    for words in ("đã tham mưu ban hành 12 văn bản", "Hoàn thành 100% hồ sơ trực tuyến",
                  "Đầu tư cho khoa học và công nghệ còn thấp", "Phát huy vai trò người đứng đầu",
                  "Phấn đấu 100% thủ tục hành chính"):
        assert not said(plan, words), words


@pytest.mark.parametrize("form", FORMS)
def test_a_section_named_without_its_part_is_the_one_of_the_paragraphs_part(form):
    """"khoản 2 Mục II" written in part two's closing section is item 2 of part two's section
    II; "khoản 3 Phần thứ hai Mục II" names both; a bare "khoản 2" after it stays there."""
    plan = read(NGHE_AN, form)
    funding = find(plan, "tham mưu bố trí kinh phí sự nghiệp")
    assert roles(funding) == ({SKHCN}, {"so tai chinh"})
    assert funding.deadline is not None and funding.deadline.text == "Quý II/2026"
    assert roles(find(plan, "Phát triển hạ tầng số đồng bộ")) == ({"cong an tinh"}, {"so tai chinh"})
    assert roles(find(plan, "Xây dựng Trung tâm đổi mới sáng tạo")) == ({"so cong thuong"}, set())


# --- 3. Parts that are the plan's only sections: read as they always were -----------------

QUANG_NINH = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 09/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ninh, ngày 05 tháng 02 năm 2026

KẾ HOẠCH
Kiểm tra nhà nước về đo lường, chất lượng năm 2026

Phần I. MỤC ĐÍCH, YÊU CẦU
1. Phát hiện, xử lý kịp thời vi phạm về đo lường, chất lượng.

Phần II. NHIỆM VỤ
1. Kiểm tra phương tiện đo nhóm 2 tại các cửa hàng xăng dầu.
2. Kiểm tra chất lượng mũ bảo hiểm cho người đi mô tô, xe máy.

Phần III. TỔ CHỨC THỰC HIỆN
1. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì thực hiện nhiệm vụ tại mục 1 Phần II; phối hợp với Thanh tra Sở thực hiện nhiệm vụ tại mục 2 Phần II.

Nơi nhận:
- Lưu: VT, TĐC.
GIÁM ĐỐC
Trần Văn Hùng
"""


@pytest.mark.parametrize("form", FORMS)
def test_parts_without_sections_keep_roman_ids(form):
    plan = read(QUANG_NINH, form)
    assert [t.id for t in plan.tasks] == ["II.1", "II.2", "III.1"]
    assert {t.section for t in plan.tasks} == {"II", "III"}
    assert not said(plan, "Phát hiện, xử lý kịp thời vi phạm")
    assert roles(find(plan, "phương tiện đo nhóm 2")) == ({TDC}, set())
    assert roles(find(plan, "chất lượng mũ bảo hiểm")) == ({"thanh tra so"}, {TDC})


# --- 4. A part that reports and plans: only its assessing section is left out -------------

MIXED = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 21/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lạng Sơn, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Hoạt động sở hữu trí tuệ năm 2026

PHẦN THỨ NHẤT: KẾT QUẢ NĂM 2025 VÀ NHIỆM VỤ NĂM 2026
I. KẾT QUẢ NĂM 2025
1. Đã hỗ trợ đăng ký bảo hộ 06 nhãn hiệu chứng nhận cho sản phẩm đặc sản của tỉnh.
II. NHIỆM VỤ NĂM 2026
1. Hỗ trợ đăng ký bảo hộ nhãn hiệu cho sản phẩm OCOP đạt 4 sao trở lên.
- Đơn vị chủ trì: Phòng Quản lý công nghệ và Sở hữu trí tuệ.
- Thời gian thực hiện: Cả năm 2026.
2. Tập huấn kiến thức sở hữu trí tuệ cho doanh nghiệp, hợp tác xã.

PHẦN THỨ HAI: TỔ CHỨC THỰC HIỆN
1. Trung tâm Ứng dụng khoa học và công nghệ chủ trì thực hiện nhiệm vụ tại mục 2 Mục II Phần thứ nhất.

Nơi nhận:
- Lưu: VT, QLCN.
GIÁM ĐỐC
Hoàng Văn Nam
"""


@pytest.mark.parametrize("form", FORMS)
def test_a_part_that_also_plans_keeps_its_duties_but_not_its_results(form):
    plan = read(MIXED, form)
    assert [t.id for t in plan.tasks] == ["P1.II.1", "P1.II.2", "P2.1"]
    assert not said(plan, "Đã hỗ trợ đăng ký bảo hộ 06 nhãn hiệu")
    marks = find(plan, "sản phẩm OCOP đạt 4 sao")
    assert roles(marks) == ({"phong quan ly cong nghe va so huu tri tue"}, set())
    assert marks.deadline is not None and marks.deadline.text == "Cả năm 2026"
    assert marks.deadline.start_year == 2026
    assert roles(find(plan, "Tập huấn kiến thức sở hữu trí tuệ")) == ({TRUNG_TAM}, set())


# --- 5. One reading in any Unicode form or tone placement ---------------------------------

@pytest.mark.parametrize("text", [GIA_LAI, NGHE_AN, QUANG_NINH, MIXED],
                         ids=["three-parts", "assessing-part", "parts-only", "mixed-part"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
