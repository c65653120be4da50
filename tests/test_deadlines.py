"""Deadlines keep their text and gain a normalised form; targets are read with units."""

from __future__ import annotations

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline, read_targets


@pytest.mark.parametrize("text, start, end, date, recurrence", [
    ("Thường xuyên.", None, None, None, "ongoing"),
    ("Hàng năm", None, None, None, "yearly"),
    ("cả năm 2024", 2024, 2024, None, None),
    ("Quý I, II năm 2024", 2024, 2024, "2024-06", None),  # due by the end of the last quarter
    ("Dự kiến 2024-2026", 2024, 2026, None, None),
    ("Bắt đầu từ năm 2025.", 2025, None, None, None),
    ("trước ngày 30/11 hàng năm", None, None, "--11-30", "yearly"),
    ("Hoàn thành trong năm 2021", None, 2021, None, None),
    ("Tháng 12 năm 2024", 2024, 2024, "2024-12", None),
    ("trước ngày 15/3/2025", None, 2025, "2025-03-15", None),
])
def test_read_deadline(text, start, end, date, recurrence):
    found = read_deadline(text)
    assert found is not None
    assert found.text == text.rstrip(".")
    assert (found.start_year, found.end_year, found.date, found.recurrence) == (
        start, end, date, recurrence)


def test_unreadable_deadline_keeps_text():
    found = read_deadline("Lồng ghép trong các Kế hoạch phối hợp của Sở.")
    assert found.text == "Lồng ghép trong các Kế hoạch phối hợp của Sở"
    assert (found.start_year, found.end_year, found.recurrence) == (None, None, None)


def test_deadline_inside_prose():
    found = find_deadline("Giao Trung tâm tham mưu Kế hoạch đến năm 2030. Hoàn thành trong "
                          "năm 2021.")
    assert found is not None and found.end_year == 2021
    found = find_deadline("Định kỳ báo cáo kết quả gửi về Phòng Quản lý khoa học tổng hợp "
                          "trước ngày 30/11 hàng năm.")
    assert found.date == "--11-30" and found.recurrence == "yearly"
    assert find_deadline("Phấn đấu đến năm 2025 có ít nhất 30 doanh nghiệp.") is None


def test_targets_with_units_and_decimal_comma():
    (pct,) = read_targets("mức chi cho khoa học và công nghệ tối thiểu đạt 1,5% tổng chi")
    assert pct.value == 1.5 and pct.unit == "%" and pct.text.startswith("tối thiểu đạt 1,5%")
    (dn,) = read_targets("Hỗ trợ nâng cao năng suất cho 15 Doanh nghiệp, Hợp tác xã.")
    assert dn.value == 15 and dn.unit == "Doanh nghiệp, Hợp tác xã"
    (sp,) = read_targets("05 sản phẩm được thông báo dự định cấp văn bằng")
    assert (sp.value, sp.unit) == (5, "sản phẩm")
    (at_least,) = read_targets("phấn đấu đến năm 2025 có ít nhất 30 doanh nghiệp khoa học")
    assert at_least.value == 30 and at_least.text.startswith("ít nhất 30 doanh nghiệp")
    growth = read_targets("số đơn đăng ký tăng 5%/năm")
    assert [(t.value, t.unit) for t in growth] == [(5, "%/năm")]
    (need,) = read_targets("đáp ứng 100% nhu cầu hỗ trợ của doanh nghiệp")
    assert need.value == 100 and "nhu cầu" in need.text


@pytest.mark.parametrize(("text", "target"), [
    ("tập huấn kỹ năng số cho người dân; mỗi năm ít nhất 10 lớp.", ("ít nhất 10 lớp", 10)),
    ("hoàn thiện hồ sơ sản phẩm hạt điều đạt 3 sao trở lên", ("đạt 3 sao", 3)),
    ("hằng năm tối thiểu 5 doanh nghiệp được hỗ trợ", ("tối thiểu 5 doanh nghiệp", 5)),
])
def test_a_qualified_count_after_a_word_that_names_numbers_is_a_target(text, target):
    """"năm", "điều", "thôn" … before a number name it ("năm 2025", "Điều 3"); after "ít
    nhất", "tối thiểu", "đạt" the number counts something, whatever word came before."""
    assert [(t.text, t.value) for t in read_targets(text)] == [target]


def test_years_dates_and_document_numbers_are_not_targets():
    assert read_targets("Quyết định số 2303/QĐ-UBND ngày 25/11/2021 giai đoạn 2021 – 2025") == []
    assert read_targets("phù hợp tiêu chuẩn quốc gia TCVN 11892-1:2017 Thực hành") == []
    assert read_targets("Kết luận số 61-KL/TW; đề án 61 của tỉnh đến năm 2030") == []
    assert read_targets("Nhiệm vụ 2. Hỗ trợ doanh nghiệp") == []
