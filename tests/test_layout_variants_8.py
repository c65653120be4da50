# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Paragraphs that give several units each a duty of their own, and more layouts, read as a
careful reader would.

Our own writing in the Vietnamese administrative style: a paragraph of sentences each opening
with a different unit and its verb ("Sở Y tế chủ trì …. Sở Giáo dục và Đào tạo phối hợp …. UBND
các xã, phường bố trí …"), with the sentences that must stay with the duty before them (a report
line, a time line, "Đồng thời, …", a page break); a department assigning its own Phòng and Chi
cục with "Phòng X: chủ trì …" lines; an appendix table whose cells wrap over several rows; a
table with "Bắt đầu | Kết thúc" columns; a web portal's copy with breadcrumbs, buttons and a page
number inside a sentence; deadlines written "trong năm 2026", "năm 2026 và các năm tiếp theo",
"từ năm 2026 trở đi"; units abbreviated (Sở TN&MT, Sở KH&CN, Sở VHTTDL, Sở GD&ĐT, MTTQ tỉnh);
lettered duties under numbered sections with units in bold markdown.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline
from policykg.loaders.model import LoadError, Plan, Task
from policykg.loaders.parse import parse_file
from policykg.loaders.text import clean_lines
from tests.layouts import assert_same_reading_in_any_form, find, parse, units_of


def task(plan: Plan, tid: str) -> Task:
    found = [t for t in plan.tasks if t.id == tid]
    assert len(found) == 1, [t.id for t in plan.tasks]
    return found[0]


def parts(plan: Plan, tid: str) -> list[Task]:
    """The sub-tasks a paragraph was read into."""
    return [t for t in plan.tasks if t.parent == tid]


def leads(plan: Plan, unit: str) -> list[Task]:
    """The tasks ``unit`` (folded) leads: what a user asking for its workload gets."""
    return [t for t in plan.tasks if unit in units_of(t, "lead")]


# --- 1. A paragraph whose sentences each give a different unit its own duty ----------------------

TIEM_CHUNG = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 112/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Bình, ngày 06 tháng 02 năm 2026

KẾ HOẠCH
Tiêm chủng mở rộng năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt trên 95%.

II. NHIỆM VỤ
1. Tổ chức chiến dịch
Sở Y tế chủ trì triển khai chiến dịch tiêm chủng mở rộng trong quý II năm 2026. Sở Giáo dục và Đào tạo phối hợp tổ chức truyền thông trong trường học. UBND các xã, phường bố trí địa điểm tiêm.
2. Truyền thông
Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền lợi ích của tiêm chủng trên báo chí. Định kỳ báo cáo UBND tỉnh kết quả thực hiện.
3. Kho lạnh
Sở Y tế chủ trì nâng cấp kho lạnh bảo quản vắc xin tuyến tỉnh. Thời gian hoàn thành: quý IV/2026.
4. Tiêm cho người lao động
Sở Y tế chủ trì, phối hợp với Công an tỉnh và UBND các xã, phường tổ chức tiêm cho người lao động tại các khu công nghiệp. Đồng thời, hướng dẫn các cơ sở y tế tư nhân tham gia.
5. Kinh phí và chế độ
Sở Tài chính bố trí kinh phí mua vắc xin trước ngày 30/6/2026. Sở Nội vụ hướng dẫn chế độ phụ cấp cho cán bộ tiêm chủng. Thời gian hoàn thành: quý III/2026. Sản phẩm: báo cáo kết quả thực hiện chế độ.
6. Hỗ trợ kỹ thuật
Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn kỹ thuật tiêm an toàn cho các trạm y tế xã, phường trên địa bàn toàn tỉnh và

báo cáo Sở Y tế hằng tháng. Sở Khoa học và Công nghệ hỗ trợ phần mềm quản lý tiêm chủng.
7. Kho vắc xin dự phòng
Sở Y tế chủ trì xây dựng kho vắc xin dự phòng. Sở Tài chính, Sở Xây dựng phối hợp.
8. Đón tiếp đoàn công tác
Giao Sở Ngoại vụ đón tiếp chuyên gia quốc tế. Giao Công an tỉnh bảo đảm an ninh trật tự tại các điểm tiêm.
9. Tổng kết
Sở Y tế tổ chức tổng kết chiến dịch. Thời gian thực hiện: tháng 12 năm 2026.
10. Tài liệu hướng dẫn
Sở Y tế chủ trì in ấn tài liệu hướng dẫn tiêm chủng. Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ phối hợp thực hiện.
11. Giám sát dịch tễ
Sở Y tế chủ trì, phối hợp với Viện Pasteur TP. Hồ Chí Minh giám sát dịch tễ sau tiêm. Trung tâm Kiểm soát bệnh tật tỉnh lấy mẫu xét nghiệm.
12. Vật tư
Sở Tài chính bố trí kinh phí mua bơm kim tiêm (sản phẩm: dự toán được duyệt). Sở Công Thương bảo đảm cung ứng vật tư y tế. Thời gian thực hiện: năm 2026.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo UBND tỉnh trước ngày 15/12/2026.

Nơi nhận:
- Bộ Y tế;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phạm Văn Bình
"""

@pytest.fixture(scope="module", params=["NFC", "NFD"])
def tiem(request) -> Plan:
    return parse(unicodedata.normalize(request.param, TIEM_CHUNG))


def test_each_sentence_with_a_unit_of_its_own_is_a_sub_task(tiem):
    whole = task(tiem, "II.1.p1")
    assert not whole.units  # the paragraph holds the duties; each sentence has its unit
    found = parts(tiem, whole.id)
    assert [t.id for t in found] == ["II.1.p1.c1", "II.1.p1.c2", "II.1.p1.c3"]
    assert [units_of(t, "lead") for t in found] == [{"so y te"}, set(), {"ubnd cac xa, phuong"}]
    # "Sở Giáo dục và Đào tạo phối hợp …": the department supports its own sub-task
    assert units_of(found[1], "support") == {"so giao duc va dao tao"}
    assert found[1].text.startswith("Sở Giáo dục và Đào tạo phối hợp tổ chức truyền thông")
    # each sub-task quotes the paragraph it stands in
    assert all(t.source.quote == whole.source.quote for t in found)
    assert any(t.text.startswith("UBND các xã, phường bố trí") for t in leads(tiem, "ubnd cac xa, phuong"))


def test_a_sentences_time_is_its_own_duty(tiem):
    first, second, third = parts(tiem, "II.1.p1")
    assert first.deadline is not None and first.deadline.date == "2026-06"
    # the other sentences name no time: the first one's is not theirs, nor the paragraph's
    assert second.deadline is None and third.deadline is None
    assert task(tiem, "II.1.p1").deadline is None


def test_a_report_line_stays_with_the_duty_before_it(tiem):
    duty = task(tiem, "II.2.p1")
    assert not parts(tiem, duty.id)
    assert units_of(duty, "lead") == {"so van hoa, the thao va du lich"}
    assert "ubnd tinh" not in units_of(duty)


def test_a_time_line_stays_with_its_one_unit(tiem):
    cold = task(tiem, "II.3.p1")
    assert not parts(tiem, cold.id)
    assert units_of(cold, "lead") == {"so y te"}
    assert cold.deadline is not None and cold.deadline.date == "2026-12"


def test_units_in_the_object_and_a_sentence_going_on_with_the_same_duty(tiem):
    workers = task(tiem, "II.4.p1")
    assert not parts(tiem, workers.id)
    assert units_of(workers, "lead") == {"so y te"}
    assert units_of(workers, "support") == {"cong an tinh", "ubnd cac xa, phuong"}


def test_own_time_first_then_the_time_and_product_every_duty_shares(tiem):
    money, allowance = parts(tiem, "II.5.p1")
    assert units_of(money, "lead") == {"so tai chinh"}
    assert units_of(allowance, "lead") == {"so noi vu"}
    assert money.deadline.date == "2026-06-30"  # its own, not the shared one
    assert allowance.deadline.date == "2026-09"  # "Thời gian hoàn thành: quý III/2026."
    assert money.outputs == allowance.outputs == ["báo cáo kết quả thực hiện chế độ"]
    assert "Thời gian hoàn thành" not in allowance.text
    whole = task(tiem, "II.5.p1")
    assert whole.deadline.date == "2026-09" and whole.outputs == allowance.outputs


def test_a_sentence_split_by_a_page_break_stays_whole(tiem):
    guide, software = parts(tiem, "II.6.p1")
    assert units_of(guide, "lead") == {"trung tam kiem soat benh tat tinh"}
    assert guide.text.endswith("và báo cáo Sở Y tế hằng tháng.")
    assert units_of(software, "lead") == {"so khoa hoc va cong nghe"}
    assert not [t for t in tiem.tasks if t.text.startswith("báo cáo Sở Y tế")]


def test_a_sentence_of_partners_supports_the_duty_before_it(tiem):
    store = task(tiem, "II.7.p1")
    assert not parts(tiem, store.id)
    assert units_of(store, "lead") == {"so y te"}
    assert units_of(store, "support") == {"so tai chinh", "so xay dung"}


def test_each_giao_sentence_gives_its_own_unit_and_no_name_runs_on(tiem):
    guests, security = parts(tiem, "II.8.p1")
    assert units_of(guests, "lead") == {"so ngoai vu"}
    assert units_of(security, "lead") == {"cong an tinh"}
    assert all(len(u.name) < 20 for t in (guests, security) for u in t.units)


def test_one_unit_with_a_time_line_is_one_duty(tiem):
    summary = task(tiem, "II.9.p1")
    assert not parts(tiem, summary.id)
    assert summary.deadline.date == "2026-12"


def test_bodies_that_only_cooperate_support_the_duty_before(tiem):
    leaflets = task(tiem, "II.10.p1")
    assert not parts(tiem, leaflets.id)
    assert units_of(leaflets, "lead") == {"so y te"}
    assert units_of(leaflets, "support") == {"cac co quan, don vi"}


def test_an_abbreviation_ends_no_sentence_and_an_unlisted_verb_ends_the_subject(tiem):
    watch, samples = parts(tiem, "II.11.p1")
    assert units_of(watch, "support") == {"vien pasteur tp. ho chi minh"}
    assert units_of(samples, "lead") == {"trung tam kiem soat benh tat tinh"}
    assert samples.text == "Trung tâm Kiểm soát bệnh tật tỉnh lấy mẫu xét nghiệm."


def test_a_product_named_in_one_sentence_is_that_duty_s_own(tiem):
    budget, supply = parts(tiem, "II.12.p1")
    assert budget.outputs == ["dự toán được duyệt"] and supply.outputs == []
    assert units_of(supply, "lead") == {"so cong thuong"}
    assert budget.deadline.end_year == supply.deadline.end_year == 2026  # the shared time line


def test_same_reading_in_nfd_and_old_tone_placement():
    assert_same_reading_in_any_form(TIEM_CHUNG)


# --- 2. A department assigns its own Phòng and Chi cục: "Phòng X: chủ trì …" ---------------------

SO_NNMT = """UBND TỈNH QUẢNG TRỊ
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 88/KH-SNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số ngành nông nghiệp và môi trường năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Số hóa toàn bộ hồ sơ thủ tục hành chính của Sở.

II. NHIỆM VỤ CỤ THỂ
1. Hạ tầng số
Văn phòng Sở: chủ trì nâng cấp mạng nội bộ và hệ thống hội nghị truyền hình; hoàn thành trong quý II/2026.
Phòng Kế hoạch - Tài chính: chủ trì bố trí kinh phí thực hiện.
2. Dữ liệu chuyên ngành
Chi cục Kiểm lâm: chủ trì xây dựng cơ sở dữ liệu rừng, cập nhật biến động rừng hằng tháng.
Chi cục Thủy lợi: chủ trì số hóa hồ sơ công trình thủy lợi; thời gian hoàn thành trước ngày 30/9/2026.
Thanh tra Sở: chủ trì tập huấn kỹ năng số cho công chức thanh tra trong tháng 5 năm 2026.
Phòng Quản lý đất đai: phối hợp với Trung tâm Công nghệ thông tin cập nhật cơ sở dữ liệu đất đai.
3. Kiểm tra, báo cáo
Thanh tra Sở phối hợp với Văn phòng Sở kiểm tra việc bảo đảm an toàn thông tin.
Văn phòng Sở phối hợp với Phòng Kế hoạch - Tài chính tổng hợp kết quả chuyển đổi số.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở báo cáo kết quả về Văn phòng Sở trước ngày 15/12/2026.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lê Văn Hùng
"""


def test_a_department_assigns_its_own_offices_with_a_colon():
    plan = parse(SO_NNMT)
    expected = {
        "nâng cấp mạng nội bộ": ("van phong so", "2026-06"),
        "bố trí kinh phí thực hiện": ("phong ke hoach – tai chinh", None),
        "cơ sở dữ liệu rừng": ("chi cuc kiem lam", None),
        "số hóa hồ sơ công trình": ("chi cuc thuy loi", "2026-09-30"),
        "tập huấn kỹ năng số": ("thanh tra so", "2026-05"),
    }
    for words, (unit, date) in expected.items():
        duty = find(plan, words)
        assert units_of(duty, "lead") == {unit}, words
        assert (duty.deadline.date if duty.deadline else None) == date, words
    own = {u.name: u.category for u in plan.units}
    assert own["Trung tâm Công nghệ thông tin"] == "internal"
    assert own["Chi cục Kiểm lâm"] == own["Thanh tra Sở"] == own["Văn phòng Sở"] == "internal"
    assert not [t for t in plan.tasks if "ngành nông nghiệp" in t.text]  # the title


def test_who_leads_when_a_unit_cooperates_with_one_of_its_own_body():
    plan = parse(SO_NNMT)
    # a label over the duty ("Phòng X: phối hợp với Y …") and an office hand the duty over
    land = find(plan, "cơ sở dữ liệu đất đai")
    assert units_of(land, "lead") == {"trung tam cong nghe thong tin"}
    assert units_of(land, "support") == {"phong quan ly dat dai"}
    summary = find(plan, "tổng hợp kết quả chuyển đổi số")
    assert units_of(summary, "lead") == {"phong ke hoach – tai chinh"}
    assert units_of(summary, "support") == {"van phong so"}
    # a unit named as the sentence's subject keeps a duty that is its own
    security = find(plan, "an toàn thông tin")
    assert units_of(security, "lead") == {"thanh tra so"}
    assert units_of(security, "support") == {"van phong so"}


# --- 3. An appendix table whose cells wrap over several rows ---------------------------------------

DU_LICH = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 210/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Phát triển du lịch cộng đồng giai đoạn 2026-2030

I. MỤC ĐÍCH, YÊU CẦU
1. Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa.

II. NHIỆM VỤ, GIẢI PHÁP
(Chi tiết tại Phụ lục kèm theo)

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Nam

PHỤ LỤC
NHIỆM VỤ PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG
(Kèm theo Kế hoạch số 210/KH-UBND ngày 20/02/2026 của UBND tỉnh)

| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Khảo sát, đánh giá tiềm năng | Sở Văn hóa, Thể thao | Sở Nông nghiệp và Môi | Quý IV | Báo cáo đánh giá |
| | du lịch cộng đồng tại các xã | và Du lịch | trường; UBND các xã | năm 2026 | tiềm năng |
| 2 | Xây dựng bộ tiêu chí homestay | Sở Văn hóa, Thể thao | Sở Công Thương | Năm 2026 | Quyết định ban hành |
| | đạt chuẩn | và Du lịch | | | bộ tiêu chí |
| 3 | Đào tạo nghiệp vụ cho hộ kinh doanh | Sở Giáo dục và Đào tạo | Hội Liên hiệp Phụ nữ tỉnh, | Hằng năm | 500 lượt người |
| | du lịch cộng đồng | | Tỉnh Đoàn | | được đào tạo |
| 4 | Hỗ trợ vốn vay phát triển | Ngân hàng Chính sách xã hội | Sở Tài chính | Giai đoạn 2026-2030 | Dư nợ cho vay |
| | sinh kế du lịch | tỉnh | | | |
"""


def test_cells_wrapped_over_rows_are_read_whole():
    plan = parse(DU_LICH)
    survey = find(plan, "đánh giá tiềm năng du lịch cộng đồng tại các xã")
    assert units_of(survey, "lead") == {"so van hoa, the thao va du lich"}
    assert units_of(survey, "support") == {"so nong nghiep va moi truong", "ubnd cac xa"}
    assert survey.outputs == ["Báo cáo đánh giá tiềm năng"]
    assert survey.deadline.text == "Quý IV năm 2026" and survey.deadline.date == "2026-12"
    assert find(plan, "bộ tiêu chí homestay đạt chuẩn").outputs == ["Quyết định ban hành bộ tiêu chí"]
    training = find(plan, "hộ kinh doanh du lịch cộng đồng")
    assert training.outputs == ["500 lượt người được đào tạo"]
    assert [t.value for t in training.targets] == [500]
    assert units_of(training, "support") == {"hoi lien hiep phu nu tinh", "tinh doan"}
    loans = find(plan, "sinh kế du lịch")
    assert units_of(loans, "lead") == {"ngan hang chinh sach xa hoi tinh"}
    assert (loans.deadline.start_year, loans.deadline.end_year) == (2026, 2030)
    assert len([t for t in plan.tasks if t.id.startswith("PL.")]) == 4


# --- 4. A table giving each task's time in "Bắt đầu | Kết thúc" columns ---------------------------

KHCN = """UBND TỈNH KHÁNH HÒA
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 60/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Khánh Hòa, ngày 08 tháng 01 năm 2026

KẾ HOẠCH
Hỗ trợ doanh nghiệp đổi mới công nghệ năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Hỗ trợ ít nhất 20 doanh nghiệp đổi mới công nghệ.

II. NỘI DUNG THỰC HIỆN

| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Bắt đầu | Kết thúc | Sản phẩm |
|---|---|---|---|---|---|---|
| 1 | Khảo sát nhu cầu đổi mới công nghệ của doanh nghiệp | Phòng Quản lý công nghệ | Trung tâm Ứng dụng khoa học và công nghệ | 01/2026 | 03/2026 | Báo cáo khảo sát |
| 2 | Tổ chức kết nối cung - cầu công nghệ | Trung tâm Ứng dụng khoa học và công nghệ | Phòng Quản lý công nghệ; Sở Công Thương | 04/2026 | 10/2026 | 02 sự kiện kết nối |
| 3 | Thẩm định hồ sơ hỗ trợ | Phòng Kế hoạch - Tài chính | Văn phòng Sở | 15/6/2026 | 15/12/2026 | Quyết định hỗ trợ |

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, tổng hợp báo cáo Giám đốc Sở.

Nơi nhận:
- Lưu: VT.

GIÁM ĐỐC

Nguyễn Văn An
"""


def test_start_and_end_columns_give_the_time_due_at_the_end():
    plan = parse(KHCN)
    survey = find(plan, "Khảo sát nhu cầu đổi mới công nghệ")
    assert survey.deadline.date == "2026-03"
    assert (survey.deadline.start_year, survey.deadline.end_year) == (2026, 2026)
    assert find(plan, "kết nối cung - cầu").deadline.date == "2026-10"
    assert find(plan, "Thẩm định hồ sơ hỗ trợ").deadline.date == "2026-12-15"
    assert units_of(find(plan, "kết nối cung - cầu"), "support") == {
        "phong quan ly cong nghe", "so cong thuong"}


def test_a_month_written_alone_is_that_month():
    assert read_deadline("03/2026").date == "2026-03"
    assert read_deadline("Quý 3/2026").date != "2026-03"  # a quarter, not March


# --- 5. A web portal's copy: breadcrumb, buttons, a page number inside a sentence -----------------

CONG_TTDT = """Trang chủ > Văn bản > Kế hoạch
Cổng thông tin điện tử tỉnh Thái Nguyên
Tải về
In trang
ỦY BAN NHÂN DÂN
TỈNH THÁI NGUYÊN
Số: 77/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thái Nguyên, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Cải thiện thứ hạng chỉ số năng lực cạnh tranh của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát thủ tục đầu tư, hoàn thành trong quý II/2026.
2. Sở Nội vụ chủ trì đánh giá chỉ số cải cách hành chính của các sở, ngành trong tháng 9 năm
Trang 2/5
2026.
3. Sở Công Thương hỗ trợ doanh nghiệp tiếp cận thị trường; thực hiện năm 2026 và các năm tiếp theo.
Tải về
4. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng kết nối doanh nghiệp với nhà đầu tư trong năm 2026.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo UBND tỉnh trước ngày 15/12/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
Trang 5/5
Chia sẻ: Facebook | Zalo
Văn bản liên quan
"""


def test_portal_buttons_and_breadcrumb_are_not_read():
    plan = parse(CONG_TTDT)
    texts = [t.text for t in plan.tasks]
    assert not [t for t in texts if t in ("Tải về", "In trang", "2026.")]
    assert [t.id for t in plan.tasks if t.section == "II"] == ["II.1", "II.2", "II.3", "II.4"]
    assert plan.number == "77/KH-UBND"
    kept = [line.text for line in clean_lines(CONG_TTDT)]
    assert "Tải về" not in kept and "Văn bản liên quan" not in kept
    assert not [t for t in kept if t.startswith(("Trang chủ", "Chia sẻ"))]


def test_a_page_number_inside_a_date_is_dropped_and_the_year_kept():
    plan = parse(CONG_TTDT)
    review = find(plan, "đánh giá chỉ số cải cách hành chính")
    assert review.text.endswith("trong tháng 9 năm 2026.")
    assert review.deadline.date == "2026-09"


def test_a_numbered_item_after_a_line_ending_in_a_date_word_is_its_own():
    lines = [ln.text for ln in clean_lines("1. Tổ chức hội nghị sơ kết năm\n2. Sở Y tế báo cáo.\n")]
    assert lines == ["1. Tổ chức hội nghị sơ kết năm", "2. Sở Y tế báo cáo."]


def test_a_line_that_starts_like_a_button_but_says_more_is_kept():
    lines = [ln.text for ln in clean_lines("Chia sẻ kinh nghiệm giữa các địa phương.\nTải về\n")]
    assert lines == ["Chia sẻ kinh nghiệm giữa các địa phương."]


def test_deadlines_from_a_year_on_and_in_a_year_in_prose():
    plan = parse(CONG_TTDT)
    market = find(plan, "tiếp cận thị trường")
    assert (market.deadline.start_year, market.deadline.end_year) == (2026, None)
    platform = find(plan, "nền tảng kết nối doanh nghiệp")
    assert platform.deadline.text == "trong năm 2026" and platform.deadline.end_year == 2026


@pytest.mark.parametrize("sentence, start, end", [
    ("Sở Y tế giám sát các ca bệnh tại cửa khẩu trong năm 2026.", 2026, 2026),
    ("Sở Công Thương hỗ trợ doanh nghiệp; thực hiện năm 2026 và các năm tiếp theo.", 2026, None),
    ("Duy trì đường dây nóng từ năm 2026 trở đi.", 2026, None),
])
def test_prose_deadlines(sentence, start, end):
    for form in ("NFC", "NFD"):
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None and (found.start_year, found.end_year) == (start, end)


@pytest.mark.parametrize("sentence", [
    "Đánh giá kết quả đạt được trong năm 2025 và đề ra nhiệm vụ.",  # a year looked back on
    "Triển khai Kế hoạch phát triển du lịch năm 2026 và các năm tiếp theo của tỉnh.",  # a name
    "Tổ chức 05 lớp tập huấn trong năm 2026, mỗi lớp 50 người",  # not the sentence's end
])
def test_a_year_that_is_not_the_duty_time(sentence):
    assert find_deadline(sentence) is None


# --- 6. Units abbreviated as provinces write them -------------------------------------------------

VIET_TAT = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
Số: 301/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Thọ, ngày 10 tháng 4 năm 2026

KẾ HOẠCH
Bảo vệ môi trường năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả quản lý nhà nước về môi trường.

II. NHIỆM VỤ CỤ THỂ
1. Sở TN&MT chủ trì, phối hợp với Sở KH&CN xây dựng hệ thống quan trắc môi trường tự động; hoàn thành trước ngày 30/6/2026.
2. Sở VHTTDL chủ trì tuyên truyền về bảo vệ môi trường tại các khu du lịch.
3. Công an tỉnh chủ trì đấu tranh, xử lý vi phạm pháp luật về môi trường; thực hiện thường xuyên.
4. MTTQ tỉnh chủ trì giám sát việc thực hiện chính sách bảo vệ môi trường tại cộng đồng dân cư.
5. Sở GD&ĐT, Tỉnh đoàn tổ chức các hoạt động giáo dục môi trường cho học sinh, đoàn viên.

III. TỔ CHỨC THỰC HIỆN
Giao Sở TN&MT theo dõi, tổng hợp, báo cáo UBND tỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_abbreviated_units_resolve_to_their_full_names():
    plan = parse(VIET_TAT)
    monitoring = find(plan, "quan trắc môi trường tự động")
    assert units_of(monitoring, "lead") == {"so tai nguyen va moi truong"}
    assert units_of(monitoring, "support") == {"so khoa hoc va cong nghe"}
    assert monitoring.deadline.date == "2026-06-30"
    assert units_of(find(plan, "tại các khu du lịch"), "lead") == {"so van hoa, the thao va du lich"}
    assert units_of(find(plan, "xử lý vi phạm"), "lead") == {"cong an tinh"}
    assert find(plan, "xử lý vi phạm").deadline.recurrence == "ongoing"
    assert units_of(find(plan, "giáo dục môi trường"), "lead") == {
        "so giao duc va dao tao", "tinh doan"}
    # the same department in full and abbreviated is one unit
    assert len(leads(plan, "so tai nguyen va moi truong")) == 2


# --- 7. Lettered duties under numbered sections, units in bold markdown ---------------------------

THIEN_TAI = """**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**

Số: 45/KH-UBND

**KẾ HOẠCH**

**Phòng, chống thiên tai năm 2026**

## I. MỤC ĐÍCH, YÊU CẦU

1. Chủ động ứng phó, giảm thiểu thiệt hại do thiên tai.

## II. NHIỆM VỤ CỤ THỂ

### 1. Công tác chuẩn bị

a) **Sở Nông nghiệp và Môi trường** chủ trì rà soát phương án ứng phó thiên tai theo cấp độ rủi ro; hoàn thành trước ngày 30/4/2026.

b) **Sở Tài chính** tham mưu bố trí kinh phí dự phòng cho công tác phòng, chống thiên tai.

c) **Bộ Chỉ huy Quân sự tỉnh** chủ trì, phối hợp với **Công an tỉnh** xây dựng kế hoạch huy động lực lượng cứu hộ, cứu nạn.

### 2. Công tác ứng phó

a) **UBND các xã, phường** tổ chức sơ tán dân cư khỏi vùng nguy hiểm khi có bão, lũ.

b) **Sở Xây dựng** kiểm tra an toàn công trình, nhà ở trước mùa mưa bão (trong tháng 8 năm 2026).

c) Tổ chức diễn tập ứng phó thiên tai cấp tỉnh (**Bộ Chỉ huy Quân sự tỉnh** chủ trì; **Sở Y tế**, **Hội Chữ thập đỏ tỉnh** phối hợp).

## III. TỔ CHỨC THỰC HIỆN

Các sở, ngành báo cáo UBND tỉnh trước ngày 15/12/2026.

**Nơi nhận:**
- Như trên;
- Lưu: VT.
"""


def test_bold_units_in_lettered_duties_from_a_markdown_file(tmp_path):
    path = tmp_path / "thien-tai.md"
    path.write_text(THIEN_TAI, encoding="utf-8")
    plan = parse_file(path)
    assert plan.source.format == "md"
    assert [t.id for t in plan.tasks if t.section == "II"] == [
        "II.1", "II.1.a", "II.1.b", "II.1.c", "II.2", "II.2.a", "II.2.b", "II.2.c"]
    assert units_of(task(plan, "II.1.a"), "lead") == {"so nong nghiep va moi truong"}
    assert task(plan, "II.1.a").deadline.date == "2026-04-30"
    assert units_of(task(plan, "II.1.c"), "support") == {"cong an tinh"}
    assert task(plan, "II.2.b").deadline.date == "2026-08"
    drill = task(plan, "II.2.c")
    assert units_of(drill, "lead") == {"bo chi huy quan su tinh"}
    assert units_of(drill, "support") == {"so y te", "hoi chu thap do tinh"}
    assert not [u for u in plan.units if "*" in u.name]


def test_parse_file_names_the_file_it_cannot_read(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(LoadError, match="trong.txt"):
        parse_file(path)


# --- 8. A health department: a leader column in its table, its offices as headings in capitals ---

SO_Y_TE = """UBND TỈNH ĐỒNG THÁP
SỞ Y TẾ
Số: 33/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đồng Tháp, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Nâng cao chất lượng khám, chữa bệnh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao sự hài lòng của người bệnh.

II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung | Lãnh đạo phụ trách | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|---|---|
| 1 | Triển khai bệnh án điện tử | Phó Giám đốc Nguyễn Văn Bình | Phòng Nghiệp vụ Y | Bệnh viện Đa khoa tỉnh | Quý III/2026 |
| 2 | Kiểm tra chất lượng bệnh viện | Giám đốc Sở | Phòng Nghiệp vụ Y | Thanh tra Sở | Tháng 10/2026 |

III. PHÂN CÔNG THỰC HIỆN
1. PHÒNG KẾ HOẠCH - TÀI CHÍNH
- Tham mưu bố trí kinh phí thực hiện Kế hoạch.
- Tổng hợp báo cáo kết quả trước ngày 20/12/2026.
2. TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH ĐỒNG THÁP
- Hướng dẫn các trạm y tế xã thực hiện quy trình tiêm chủng an toàn.

Nơi nhận:
- Lưu: VT.

GIÁM ĐỐC

Trần Thị Lan
"""


def test_units_named_in_capitals_are_shown_as_names_are_written():
    plan = parse(SO_Y_TE)
    names = {u.name for u in plan.units}
    assert "Trung tâm Kiểm soát bệnh tật tỉnh Đồng Tháp" in names
    assert not [n for n in names if n.isupper()]
    guide = find(plan, "quy trình tiêm chủng an toàn")
    assert [u.name for u in guide.units] == ["TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH ĐỒNG THÁP"]  # as written
    assert units_of(find(plan, "bố trí kinh phí"), "lead") == {"phong ke hoach – tai chinh"}


def test_the_leader_in_charge_column_names_no_unit():
    plan = parse(SO_Y_TE)
    record = find(plan, "bệnh án điện tử")
    assert units_of(record, "lead") == {"phong nghiep vu y"}
    assert units_of(record, "support") == {"benh vien da khoa tinh"}
    assert not [u for u in plan.units if "giam doc" in u.name.lower() or "Giám đốc" in u.name]


# --- every fixture: the same reading whatever the Unicode form and tone placement -----------------

@pytest.mark.parametrize("text", [SO_NNMT, DU_LICH, KHCN, CONG_TTDT, VIET_TAT, SO_Y_TE])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
