"""A quarter or half-year deadline ends in a month: the task falls due in that quarter only.

"Quý IV năm 2026" is read as ``2026-12`` (the partial ISO date "Tháng 12 năm 2026" gives), so
``due 2026-Q2`` no longer lists it; the deadline's text stays as written.
"""

from __future__ import annotations

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline, read_deadline_in
from policykg.queries import due
from tests.layouts import find, parse


@pytest.mark.parametrize("text, date", [
    ("Quý IV năm 2026", "2026-12"),
    ("Quý II/2026", "2026-06"),
    ("quý 3 năm 2026", "2026-09"),
    ("trong quý I/2027", "2027-03"),
    ("Hoàn thành trong Quý II/2026.", "2026-06"),
    ("6 tháng đầu năm 2026", "2026-06"),
    ("6 tháng cuối năm 2026", "2026-12"),
    ("Quý III, IV/2026", "2026-12"),
    ("quý III và quý IV năm 2026", "2026-12"),
    ("Quý I, II năm 2024", "2024-06"),
    ("từ quý III/2025 đến quý I/2026", "2026-03"),
    ("Từ quý IV đến quý II/2026", "2026-06"),
    ("trước quý III/2026", "2026-06"),  # before the third quarter: by the end of the second
])
def test_a_period_ends_in_its_last_month(text, date):
    found = read_deadline(text)
    assert found is not None and found.date == date
    assert found.text == text.rstrip(".")
    assert found.end_year == int(text.rstrip(".")[-4:])  # the year as written


def test_a_span_keeps_its_first_year():
    found = read_deadline("từ quý III/2025 đến quý I/2026")
    assert (found.start_year, found.end_year) == (2025, 2026)


@pytest.mark.parametrize("text", [
    "cuối năm 2026",  # no month is written: the end of a year is not a date
    "Năm 2026",
    "Hằng năm",  # a recurring duty has no one date (a part of the year: see
    # test_recurring_deadlines)
    "Quý I/2025 và năm 2026",  # the period named is not the last year named
    "Từ quý II/2026",  # when a duty starts, not when it is due
    "Quý II năm 2026 và các năm tiếp theo",
])
def test_no_month_unless_the_text_fixes_one(text):
    assert read_deadline(text).date is None


def test_a_period_without_its_year_is_read_in_the_plans_year():
    assert read_deadline("Quý II").date is None
    found = read_deadline_in("Quý II", 2026)
    assert (found.text, found.date, found.end_year) == ("Quý II", "2026-06", 2026)
    assert read_deadline_in("6 tháng đầu năm", 2026).date == "2026-06"
    assert read_deadline_in("Quý I, Quý II", 2026).date == "2026-06"
    # a year in the text wins over the plan's
    assert read_deadline_in("Quý I/2027", 2026).date == "2027-03"


def test_a_period_in_a_trailing_bracket():
    found = find_deadline("Số hóa hồ sơ đề tài các năm (hoàn thành trong Quý II/2026).")
    assert found is not None and found.date == "2026-06"


# A plan of our own: labelled lines, prose, a table of quarter marks and a period heading,
# each task due in one quarter of 2026 (or, for the last, in the first quarter of 2027).
_PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
SỞ KHOA HỌC VÀ CÔNG NGHỆ

Số: 41/KH-SKHCN

Quảng Trị, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Triển khai nhiệm vụ khoa học và công nghệ năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm các nhiệm vụ được thực hiện đúng tiến độ.

II. NHIỆM VỤ CỤ THỂ
1. Rà soát danh mục thiết bị đo nhóm hai tại các chợ đầu mối
- Đơn vị chủ trì: Chi cục Tiêu chuẩn Đo lường Chất lượng.
- Đơn vị phối hợp: Phòng Kinh tế các xã.
- Thời gian thực hiện: Quý I năm 2026.

2. Tổ chức hội chợ công nghệ và thiết bị vùng Bắc Trung Bộ
- Đơn vị chủ trì: Trung tâm Ứng dụng khoa học và công nghệ.
- Thời gian thực hiện: Quý II/2026.

3. Khảo sát nhu cầu đổi mới công nghệ của hợp tác xã
- Đơn vị chủ trì: Phòng Quản lý công nghệ và Thị trường công nghệ.
- Thời gian thực hiện: quý 3 năm 2026.

4. Tổng kết mô hình nuôi tôm tuần hoàn
- Đơn vị chủ trì: Phòng Quản lý khoa học.
- Thời gian thực hiện: Quý IV năm 2026.

5. Số hóa hồ sơ sáng kiến cấp tỉnh
- Đơn vị chủ trì: Văn phòng Sở.
- Thời gian thực hiện: 6 tháng đầu năm 2026.

6. Biên soạn sổ tay an toàn bức xạ cho cơ sở y tế
- Đơn vị chủ trì: Phòng Quản lý chuyên ngành.
- Thời gian thực hiện: từ quý III/2026 đến quý I/2027.

III. LỊCH TRÌNH KIỂM TRA
| STT | Nội dung | Đơn vị chủ trì | Quý I | Quý II | Quý III | Quý IV |
|---|---|---|---|---|---|---|
| 1 | Kiểm tra nhãn hàng hóa đóng gói sẵn | Thanh tra Sở | | x | | |
| 2 | Kiểm tra chất lượng mũ bảo hiểm | Thanh tra Sở | | | | x |

IV. TỔ CHỨC THỰC HIỆN
1. Quý III
- Phòng Kế hoạch – Tài chính chủ trì lập dự toán bổ sung cho các đề tài chuyển tiếp.
"""

# Words of each task → the quarters of 2026 it falls due in.
_DUE = {
    "thiết bị đo nhóm hai": {1},
    "hội chợ công nghệ": {2},
    "đổi mới công nghệ của hợp tác xã": {3},
    "nuôi tôm tuần hoàn": {4},
    "hồ sơ sáng kiến": {2},
    "sổ tay an toàn bức xạ": set(),  # due in the first quarter of 2027
    "nhãn hàng hóa đóng gói sẵn": {2},
    "mũ bảo hiểm": {4},
    "dự toán bổ sung": {3},
}


@pytest.fixture(scope="module")
def plan():
    return parse(_PLAN, "quang-tri_kh41.txt")


def test_the_plan_reads_a_month_for_every_period(plan):
    dates = {words: find(plan, words).deadline.date for words in _DUE}
    assert dates == {
        "thiết bị đo nhóm hai": "2026-03", "hội chợ công nghệ": "2026-06",
        "đổi mới công nghệ của hợp tác xã": "2026-09", "nuôi tôm tuần hoàn": "2026-12",
        "hồ sơ sáng kiến": "2026-06", "sổ tay an toàn bức xạ": "2027-03",
        "nhãn hàng hóa đóng gói sẵn": "2026-06", "mũ bảo hiểm": "2026-12",
        "dự toán bổ sung": "2026-09",
    }
    # the text stays as written
    assert find(plan, "nuôi tôm tuần hoàn").deadline.text == "Quý IV năm 2026"
    assert find(plan, "mũ bảo hiểm").deadline.text == "Quý IV"
    assert find(plan, "dự toán bổ sung").deadline.text == "Quý III"


def _quarters_of(source, words: str, year: int = 2026) -> set[int]:
    """The quarters of ``year`` in which ``due`` lists the task with ``words``."""
    found = set()
    for quarter in (1, 2, 3, 4):
        report = due(source, f"{year}-Q{quarter}")
        hits = [h for h in report.dated if words in h.text]
        assert len(hits) <= 1
        if hits:
            found.add(quarter)
    return found


def _check_due(source) -> None:
    for words, quarters in _DUE.items():
        assert _quarters_of(source, words) == quarters, words
    in_year = {words for words in _DUE if any(words in h.text for h in due(source, "2026").dated)}
    assert in_year == {words for words, quarters in _DUE.items() if quarters}
    assert [h.text for h in due(source, "2027-Q1").dated if "bức xạ" in h.text]
    q2 = [h.text for h in due(source, "2026-Q2").dated]
    assert not [t for t in q2 if "nuôi tôm" in t or "mũ bảo hiểm" in t]  # due in Q4


def test_due_through_the_graph(plan):
    from policykg.graph.build import build_graph

    _check_due(build_graph([plan]))


def test_due_through_a_store(tmp_path):
    from policykg.graph.store import open_store

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "quang-tri_kh41.txt").write_text(_PLAN, encoding="utf-8")
    store = open_store(tmp_path / "kg.db")
    store.ingest([tmp_path / "plans"])
    _check_due(open_store(store.path))
    graph = store.graph()
    for period in ("2026", "2026-Q2", "2026-Q4", "2026-06", "2027-Q1"):
        assert due(open_store(store.path), period).to_dict() == due(graph, period).to_dict()
