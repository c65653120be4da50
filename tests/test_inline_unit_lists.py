"""A labelled field written inside a task's sentence keeps every unit it lists.

"Đơn vị phối hợp: Sở Tư pháp; UBND các xã, phường. Thời gian: …" lists two partners; the
field used to end at the ";", dropping the second and leaving it in the task's text.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.layouts import assert_same_reading_in_any_form, assert_units, find, parse

FORMS = ("NFC", "NFD")

ONE_LINE_FIELDS = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Đề án 06 năm 2026

II. NHIỆM VỤ CỤ THỂ
1. Hoàn thiện cơ sở dữ liệu dân cư trên địa bàn tỉnh. Đơn vị chủ trì: Công an tỉnh. \
Đơn vị phối hợp: Sở Tư pháp; UBND các xã, phường. Thời gian: Quý II/2026.
2. Thanh toán không dùng tiền mặt tại bệnh viện. Đơn vị chủ trì: Sở Y tế. Đơn vị phối hợp: \
Bảo hiểm xã hội tỉnh; Ngân hàng Nhà nước Chi nhánh Khu vực 10. Thời gian: năm 2026.
3. Số hóa hồ sơ hộ tịch (chủ trì: Sở Tư pháp; phối hợp: Sở Nội vụ; Công an tỉnh; thời hạn: \
Quý IV/2026).
4. Cấp chữ ký số cho người dân (chủ trì: Sở Khoa học và Công nghệ; Công an tỉnh phối hợp \
hướng dẫn; thời hạn: năm 2026).

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "lead", "support", "due"), [
    ("cơ sở dữ liệu dân cư", {"Công an tỉnh"}, {"Sở Tư pháp", "UBND các xã, phường"}, "2026-06"),
    ("tại bệnh viện", {"Sở Y tế"},
     {"Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước Chi nhánh Khu vực 10"}, None),
    ("hồ sơ hộ tịch", {"Sở Tư pháp"}, {"Sở Nội vụ", "Công an tỉnh"}, "2026-12"),
])
def test_every_unit_a_field_lists_is_kept(form, words, lead, support, due):
    task = find(parse(unicodedata.normalize(form, ONE_LINE_FIELDS)), words)
    assert_units(task, lead, support)
    assert task.deadline is not None and task.deadline.date == due
    assert task.deadline.end_year == 2026
    assert ";" not in task.text and not task.text.endswith(". .")


@pytest.mark.parametrize("form", FORMS)
def test_a_clause_with_a_role_of_its_own_is_not_part_of_the_list(form):
    task = find(parse(unicodedata.normalize(form, ONE_LINE_FIELDS)), "chữ ký số")
    assert_units(task, {"Sở Khoa học và Công nghệ"}, {"Công an tỉnh"})
    assert "Công an tỉnh phối hợp hướng dẫn" in unicodedata.normalize("NFC", task.text)


FIELDS_ON_ONE_LINE = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 89/KH-UBND
Gia Lai, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Đề án 06 năm 2026

II. NHIỆM VỤ CỤ THỂ
1. Hoàn thiện cơ sở dữ liệu dân cư trên địa bàn tỉnh
Đơn vị chủ trì: Công an tỉnh. Đơn vị phối hợp: Sở Tư pháp; UBND các xã, phường. Thời gian: \
Quý II/2026.
2. Thanh toán không dùng tiền mặt tại bệnh viện
Đơn vị chủ trì: Sở Y tế; Đơn vị phối hợp: Bảo hiểm xã hội tỉnh; Ngân hàng Nhà nước Chi nhánh \
Khu vực 10; Thời gian: năm 2026.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


@pytest.mark.parametrize("form", FORMS)
def test_fields_sharing_a_line_below_the_task_keep_every_unit(form):
    plan = parse(unicodedata.normalize(form, FIELDS_ON_ONE_LINE))
    people = find(plan, "cơ sở dữ liệu dân cư")
    assert_units(people, {"Công an tỉnh"}, {"Sở Tư pháp", "UBND các xã, phường"})
    assert people.deadline is not None and people.deadline.date == "2026-06"
    payments = find(plan, "tại bệnh viện")
    assert_units(payments, {"Sở Y tế"},
                 {"Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước Chi nhánh Khu vực 10"})
    assert payments.deadline is not None and payments.deadline.end_year == 2026


def test_the_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(ONE_LINE_FIELDS)
    assert_same_reading_in_any_form(FIELDS_ON_ONE_LINE)


FIELDS_AMONG_WORDS = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
Quảng Trị, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Rà soát thủ tục hành chính (cơ quan chủ trì: Văn phòng UBND tỉnh; cơ quan phối hợp: \
các sở, ngành; hoàn thành trong tháng 6/2026).
2. Số hóa hồ sơ đất đai (ưu tiên các xã biên giới; chủ trì: Sở Nông nghiệp và Môi trường; \
phối hợp: UBND các xã; thời hạn: năm 2027).
3. Tập huấn kỹ năng số (chủ trì: Sở Nội vụ; phối hợp: Sở Khoa học và Công nghệ).

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("words", "text"), [
    ("thủ tục hành chính", "Rà soát thủ tục hành chính (hoàn thành trong tháng 6/2026)."),
    ("hồ sơ đất đai", "Số hóa hồ sơ đất đai (ưu tiên các xã biên giới)."),
    ("kỹ năng số", "Tập huấn kỹ năng số"),
])
def test_fields_cut_from_a_bracket_leave_no_separators(form, words, text):
    """The words left in a bracket read as written, with no "(; ; …)" where fields were."""
    task = find(parse(unicodedata.normalize(form, FIELDS_AMONG_WORDS)), words)
    assert unicodedata.normalize("NFC", task.text) == text
    assert task.units, "the fields still give the task its units"
